"""The panel of lesson 01: the commoditization clock, an application against an infrastructure product.

Both products start alike: gross profit of 100 a month per customer (an index)
and the same base churn, the sourced median of private SaaS. They differ only
in how soon a competitor copies them and how much their switching costs blunt
the copy. :func:`utils.models.cumulative_gross_profit` does the arithmetic.
"""

from __future__ import annotations

from functools import partial

import altair as alt
import numpy as np
import pandas as pd

from .. import data
from ..charts import PALETTE
from ..models import cumulative_gross_profit
from ..whatif import Outcome, Slider, WhatIf

HORIZON_MONTHS = 36  # three years
MONTHLY_PROFIT = 100.0  # gross profit per customer a month before any copy: an index, not dollars

# Teaching assumptions, not measurements: the starting values of the sliders.
ASSUMED_APP_COPY_MONTHS = 2  # "a feature can be replicated in weeks" (the explainer): two months
ASSUMED_INFRA_COPY_MONTHS = 12  # infrastructure embedded in production is harder to copy: a year
ASSUMED_APP_SWITCHING_COST = 0.1  # low: a user can move to a look-alike app in an afternoon
ASSUMED_INFRA_SWITCHING_COST = 0.7  # high: migrating a production pipeline is expensive and disruptive
ASSUMED_PRICE_EROSION = 0.4  # share of monthly gross profit a copy takes through price cuts, with no switching cost
ASSUMED_EXTRA_CHURN = 0.04  # extra monthly churn a copy causes (4 percentage points), with no switching cost

APPLICATION = "Application"
INFRASTRUCTURE = "Infrastructure"
NO_COPY = "Never copied (reference)"
SERIES = [APPLICATION, INFRASTRUCTURE, NO_COPY]
COLORS = [PALETTE[1], PALETTE[0], "#666666"]
DASHES = [[1, 0], [8, 4], [2, 3]]


def sourced_annual_churn() -> float:
    """Median annual gross dollar churn of private SaaS (KeyBanc survey, in ``data/unit_economics.csv``)."""
    return data.pick(
        "unit_economics", "value_low", metric="gross dollar churn (annual)", segment="private SaaS (median)"
    )


def clock_outcome(
    base_churn: float,
    app_copy_months: float,
    app_switching_cost: float,
    infra_copy_months: float,
    infra_switching_cost: float,
    extra_churn_percent: float,
    price_erosion_percent: float,
) -> Outcome:
    """Cumulative gross profit per customer of both products, month by month, with the copy months marked."""
    common = dict(
        base_churn=base_churn,
        extra_churn=extra_churn_percent / 100,
        price_erosion=price_erosion_percent / 100,
        monthly_profit=MONTHLY_PROFIT,
        months=HORIZON_MONTHS,
    )
    app = cumulative_gross_profit(app_copy_months, app_switching_cost, **common)
    infra = cumulative_gross_profit(infra_copy_months, infra_switching_cost, **common)
    never = cumulative_gross_profit(HORIZON_MONTHS, 1.0, **common)
    months = np.arange(HORIZON_MONTHS + 1)  # month 0: nothing earned yet
    lines = pd.concat(
        pd.DataFrame({"month": months, "product": name, "profit": np.concatenate(([0.0], values))})
        for name, values in ((APPLICATION, app), (INFRASTRUCTURE, infra), (NO_COPY, never))
    )
    copies = pd.DataFrame(
        [
            {"month": copy, "product": name, "label": label, "label_y": label_y}
            for name, copy, label, label_y in (
                (APPLICATION, app_copy_months, "app copied", 10),
                (INFRASTRUCTURE, infra_copy_months, "infra copied", 26),
            )
            if copy < HORIZON_MONTHS
        ],
        columns=["month", "product", "label", "label_y"],
    )
    return Outcome(
        {"lines": lines, "copies": copies},
        {
            "Application, 3-year total": f"{app[-1]:,.0f} per customer ({_copied(app_copy_months)})",
            "Infrastructure, 3-year total": f"{infra[-1]:,.0f} per customer ({_copied(infra_copy_months)})",
            "Gap (infrastructure minus application)": _gap(app[-1], infra[-1]),
            "Lines separate": _separation(app, infra),
            "Never copied, for reference": f"{never[-1]:,.0f} per customer",
        },
    )


def _copied(copy_months: float) -> str:
    return f"copied after month {copy_months:.0f}" if copy_months < HORIZON_MONTHS else "not copied within 3 years"


def _gap(app_total: float, infra_total: float) -> str:
    """The difference of the two totals, and their ratio where the application earns anything."""
    if app_total > 0:
        ratio = f"infrastructure earns {infra_total / app_total:.2f} times as much"
    else:
        ratio = "the application earns nothing" + (", and nor does infrastructure" if infra_total == 0 else "")
    return f"{infra_total - app_total:+,.0f}: {ratio}"


def _separation(app: np.ndarray, infra: np.ndarray) -> str:
    """When the two cumulative lines first differ, and which product falls behind."""
    apart = np.flatnonzero(~np.isclose(app, infra, rtol=0, atol=1e-9))
    if apart.size == 0:
        return "never: the two products earn the same"
    month = int(apart[0])  # the first month whose profit differs is month + 1
    behind = "the application" if app[month] < infra[month] else "the infrastructure product"
    when = "from the first month" if month == 0 else f"after month {month}"
    return f"{when}; {behind} falls behind"


def _chart() -> alt.LayerChart:
    color = alt.Color(
        "product:N", title=None, scale=alt.Scale(domain=SERIES, range=COLORS), legend=alt.Legend(orient="bottom")
    )
    dash = alt.StrokeDash("product:N", scale=alt.Scale(domain=SERIES, range=DASHES), legend=None)
    x = alt.X(
        "month:Q",
        title="Months since the customer signed",
        scale=alt.Scale(domain=[0, HORIZON_MONTHS]),
        axis=alt.Axis(values=list(range(0, HORIZON_MONTHS + 1, 6))),
    )
    y = alt.Y("profit:Q", title="Cumulative gross profit per customer (index: 100 a month)")
    lines = alt.Chart(alt.Data(name="lines")).mark_line().encode(x=x, y=y, color=color, strokeDash=dash)
    rules = (
        alt.Chart(alt.Data(name="copies"))
        .mark_rule(strokeDash=[3, 3], strokeWidth=1.5)
        .encode(x=x, color=alt.Color("product:N", scale=alt.Scale(domain=SERIES, range=COLORS), legend=None))
    )
    labels = (
        alt.Chart(alt.Data(name="copies"))
        .mark_text(align="left", dx=4, fontSize=11, color="#222222")
        .encode(
            x=x,
            y=alt.Y("label_y:Q", scale=None),  # pixels from the top, so the two labels never overlap
            text="label:N",
        )
    )
    return (lines + rules + labels).properties(
        title="The commoditization clock: cumulative gross profit per customer over three years",
        description=(
            "Line chart of cumulative gross profit per customer, as an index of 100 a month, against months "
            "0 to 36 since the customer signed. Three lines: the application (solid), the infrastructure "
            "product (dashed) and a dotted reference that is never copied. Dashed vertical rules, labeled "
            "'app copied' and 'infra copied', mark the month a competitor copies each product; after it, "
            "that product's line bends down."
        ),
        width=480,
        height=280,
    )


def clock_panel(base_churn: float) -> WhatIf:
    """The lesson 01 panel; ``base_churn`` is the monthly churn before any copy (from the sourced annual median)."""
    return WhatIf(
        title="The commoditization clock: move the sliders",
        controls=[
            Slider(
                "app_copy_months",
                "Months until the app's feature is copied",
                0,
                36,
                1,
                ASSUMED_APP_COPY_MONTHS,
                suffix=" months",
            ),
            Slider(
                "app_switching_cost",
                "App's switching cost (0 = leave freely, 1 = locked in)",
                0,
                1,
                0.05,
                ASSUMED_APP_SWITCHING_COST,
            ),
            Slider(
                "infra_copy_months",
                "Months until the infrastructure product is copied",
                0,
                36,
                1,
                ASSUMED_INFRA_COPY_MONTHS,
                suffix=" months",
            ),
            Slider(
                "infra_switching_cost",
                "Infrastructure's switching cost (0 to 1)",
                0,
                1,
                0.05,
                ASSUMED_INFRA_SWITCHING_COST,
            ),
            Slider(
                "extra_churn_percent",
                "Extra churn after a copy (assumption)",
                0,
                20,
                0.5,
                round(ASSUMED_EXTRA_CHURN * 100, 1),
                suffix=" points a month",
            ),
            Slider(
                "price_erosion_percent",
                "Profit lost to price cuts after a copy (assumption)",
                0,
                100,
                5,
                round(ASSUMED_PRICE_EROSION * 100),
                suffix="%",
            ),
        ],
        compute=partial(clock_outcome, base_churn),
        chart=_chart(),
    )
