"""The panel of lesson 01: the commoditization clock, an application against an infrastructure product.

Both products start alike: gross profit of 100 a month per customer (an index)
and the same base churn, the sourced median of private SaaS, which the lesson
reads from ``data/unit_economics.csv`` and passes in. They differ only in how
soon a competitor copies them and how much their switching costs blunt the
copy. The arithmetic is :mod:`utils.models.commoditization`; this module only
builds the controls, the readout and the chart.
"""

from __future__ import annotations

from functools import partial
from typing import Any

import altair as alt
import numpy as np
import pandas as pd

from ..charts import PALETTE
from ..models import (
    CLOCK_MONTHLY_PROFIT,
    CLOCK_MONTHS,
    cumulative_gross_profit,
    first_difference_month,
    monthly_churn,
    share_lost_to_copy,
)
from ..whatif import Outcome, Preset, Slider, Twin, WhatIf

__all__ = [
    "ASSUMED_APP_COPY_MONTHS",
    "ASSUMED_APP_SWITCHING_COST",
    "ASSUMED_EXTRA_CHURN",
    "ASSUMED_INFRA_COPY_MONTHS",
    "ASSUMED_INFRA_SWITCHING_COST",
    "ASSUMED_PRICE_EROSION",
    "clock_outcome",
    "clock_panel",
    "sourced_annual_churn",
]

# Teaching assumptions, not measurements: the starting values of the sliders.
ASSUMED_APP_COPY_MONTHS = 2  # "a feature can be replicated in weeks" (the explainer): two months
ASSUMED_INFRA_COPY_MONTHS = 12  # infrastructure embedded in production is harder to copy: a year
ASSUMED_APP_SWITCHING_COST = 0.1  # low: a user can move to a look-alike app in an afternoon
ASSUMED_INFRA_SWITCHING_COST = 0.7  # high: migrating a production pipeline is expensive and disruptive
ASSUMED_PRICE_EROSION = 0.4  # share of monthly gross profit a copy takes through price cuts, with no switching cost
ASSUMED_EXTRA_CHURN = 0.04  # extra monthly churn a copy causes (4 percentage points), with no switching cost

# The row of data/unit_economics.csv the base churn comes from.
CHURN_ROW = {"metric": "gross dollar churn (annual)", "segment": "private SaaS (median)"}

APPLICATION = "Application"
INFRASTRUCTURE = "Infrastructure"
NO_COPY = "Never copied"
SERIES = [APPLICATION, INFRASTRUCTURE, NO_COPY]
COLORS = [PALETTE[1], PALETTE[0], "#666666"]
DASHES = [[1, 0], [8, 4], [2, 3]]
LATE_LABEL_MONTH = 26  # a copy label later than this sits left of its rule, inside the chart


def sourced_annual_churn(unit_economics: pd.DataFrame) -> float:
    """Median annual gross dollar churn of private SaaS (KeyBanc survey), from ``data/unit_economics.csv``."""
    rows = unit_economics
    for column, wanted in CHURN_ROW.items():
        rows = rows[rows[column] == wanted]
    if len(rows) != 1:
        raise ValueError(f"unit_economics: {CHURN_ROW} matches {len(rows)} rows, not exactly one.")
    return float(rows["value_low"].iloc[0])


def _presets() -> dict[str, Preset]:
    """Starting points, each setting all six sliders: the lesson's assumptions and three variations on them."""
    start = {
        "app_copy_months": ASSUMED_APP_COPY_MONTHS,
        "app_switching_cost": ASSUMED_APP_SWITCHING_COST,
        "infra_copy_months": ASSUMED_INFRA_COPY_MONTHS,
        "infra_switching_cost": ASSUMED_INFRA_SWITCHING_COST,
        "extra_churn_percent": round(ASSUMED_EXTRA_CHURN * 100, 1),
        "price_erosion_percent": round(ASSUMED_PRICE_EROSION * 100),
    }
    return {
        "The lesson's start": Preset(
            start,
            "The lesson's assumptions: the app copied within two months (the explainer's 'replicated in "
            "weeks'), infrastructure after a year and costly to leave.",
        ),
        "Copied together": Preset(
            {**start, "infra_copy_months": ASSUMED_APP_COPY_MONTHS},
            "Assumption: both copied after two months, so the gap left is what the infrastructure "
            "product's switching cost alone protects.",
        ),
        "Equally sticky": Preset(
            {**start, "app_switching_cost": ASSUMED_INFRA_SWITCHING_COST},
            "Assumption: both as costly to leave as infrastructure, so the gap left is what its later "
            "copy alone protects.",
        ),
        "A price war": Preset(
            {**start, "extra_churn_percent": 10, "price_erosion_percent": 70},
            "Assumption: a fiercer copy (70% of the profit, 10 more points of churn a month); the harder a "
            "copy bites, the more a switching cost is worth.",
        ),
    }


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
    common: dict[str, Any] = dict(
        base_churn=base_churn,
        extra_churn=extra_churn_percent / 100,
        price_erosion=price_erosion_percent / 100,
        monthly_profit=CLOCK_MONTHLY_PROFIT,
        months=CLOCK_MONTHS,
    )
    app = cumulative_gross_profit(app_copy_months, app_switching_cost, **common)
    infra = cumulative_gross_profit(infra_copy_months, infra_switching_cost, **common)
    never = cumulative_gross_profit(CLOCK_MONTHS, 1.0, **common)
    months = np.arange(CLOCK_MONTHS + 1)  # month 0: nothing earned yet
    lines = pd.concat(
        pd.DataFrame({"month": months, "product": name, "profit": np.concatenate(([0.0], values))})
        for name, values in ((APPLICATION, app), (INFRASTRUCTURE, infra), (NO_COPY, never))
    )
    copies = pd.DataFrame(
        [
            {
                "month": copy,
                "product": name,
                "label": label,
                "label_y": label_y,
                "side": "left" if copy > LATE_LABEL_MONTH else "right",
            }
            for name, copy, label, label_y in (
                (APPLICATION, app_copy_months, "app copied", 10),
                (INFRASTRUCTURE, infra_copy_months, "infra copied", 26),
            )
            if copy < CLOCK_MONTHS
        ],
        columns=["month", "product", "label", "label_y", "side"],
    )
    app_total, infra_total = float(app[-1]), float(infra[-1])
    return Outcome(
        {"lines": lines, "copies": copies},
        {
            "Application": f"{app_total:,.0f} per customer, {_copied(app_copy_months)}",
            "Infrastructure": f"{infra_total:,.0f} per customer, {_copied(infra_copy_months)}",
            "Gap, infra minus app": f"{infra_total - app_total:+,.0f}",
            "Lines part": _separation(app, infra),
            "Never copied": f"{never[-1]:,.0f} per customer",
        },
        takeaway=_takeaway(app_total, infra_total, float(never[-1])),
        key=("Gap over 3 years (infrastructure minus application, per customer)", infra_total - app_total),
    )


def _copied(copy_months: float) -> str:
    return f"copied after month {copy_months:.0f}" if copy_months < CLOCK_MONTHS else "not copied within 3 years"


def _separation(app: np.ndarray, infra: np.ndarray) -> str:
    """When the two cumulative lines first differ, and which product falls behind."""
    month = first_difference_month(app, infra)
    if month is None:
        return "never: the two products earn the same"
    behind = "the app" if app[month] < infra[month] else "infrastructure"
    when = "from the first month" if month == 0 else f"after month {month}"
    return f"{when}; {behind} falls behind"


def _takeaway(app_total: float, infra_total: float, never_total: float) -> str:
    """One sentence: which product earns more over three years, and how much of each one's profit the copy takes."""
    lost = (
        f"the copy takes {share_lost_to_copy(app_total, never_total):.0%} of the app's profit "
        f"and {share_lost_to_copy(infra_total, never_total):.0%} of infrastructure's"
    )
    if np.isclose(app_total, infra_total, rtol=0, atol=1e-6):
        return f"Both earn the same: {lost}."
    if infra_total > app_total:
        lead = (
            f"Infrastructure earns {infra_total / app_total:,.2f} times as much as the app" if app_total > 0 else None
        )
        return f"{lead or 'Only infrastructure earns anything'}: {lost}."
    lead = f"The app earns {app_total / infra_total:,.2f} times as much as infrastructure" if infra_total > 0 else None
    return f"{lead or 'Only the app earns anything'}: {lost}."


def _chart() -> alt.LayerChart:
    color = alt.Color(
        "product:N",
        title=None,
        scale=alt.Scale(domain=SERIES, range=COLORS),
        legend=alt.Legend(orient="bottom", symbolStrokeWidth=2),
    )
    dash = alt.StrokeDash("product:N", scale=alt.Scale(domain=SERIES, range=DASHES), legend=None)
    x = alt.X(
        "month:Q",
        title="Months since the customer signed",
        scale=alt.Scale(domain=[0, CLOCK_MONTHS]),
        axis=alt.Axis(values=list(range(0, CLOCK_MONTHS + 1, 6))),
    )
    # Fixed: the most a customer can bring in three years (no churn, never copied), so lines move, not the axis.
    y = alt.Y(
        "profit:Q",
        title="Cumulative profit per customer (index)",
        scale=alt.Scale(domain=[0, CLOCK_MONTHLY_PROFIT * CLOCK_MONTHS]),
    )
    lines = alt.Chart(alt.Data(name="lines")).mark_line().encode(x=x, y=y, color=color, strokeDash=dash)
    rules = (
        alt.Chart(alt.Data(name="copies"))
        .mark_rule(strokeDash=[3, 3], strokeWidth=1.5)
        .encode(x=x, color=alt.Color("product:N", scale=alt.Scale(domain=SERIES, range=COLORS), legend=None))
    )
    # Each label at its own height (pixels from the top), right of its rule, or left of it near the right edge.
    labels = (
        alt.Chart(alt.Data(name="copies"))
        .mark_text(
            fontSize=11,
            color="#222222",
            align=alt.ExprRef("datum.side === 'left' ? 'right' : 'left'"),
            dx=alt.ExprRef("datum.side === 'left' ? -4 : 4"),
        )
        .encode(x=x, y=alt.Y("label_y:Q", scale=None), text="label:N")
    )
    return (lines + rules + labels).properties(
        title="Cumulative gross profit per customer",
        description=(
            "Line chart of cumulative gross profit per customer, as an index of 100 a month, against months "
            "0 to 36 since the customer signed, on a fixed scale from 0 to 3,600. Three lines: the application "
            "(solid), the infrastructure product (dashed) and a dotted reference that is never copied. Dashed "
            "vertical rules, labeled 'app copied' and 'infra copied', mark the month a competitor copies each "
            "product; after it, that product's line bends down."
        ),
        width=390,
        height=270,
    )


def clock_panel(unit_economics: pd.DataFrame) -> WhatIf:
    """The lesson 01 panel; its base churn is the sourced annual median of ``unit_economics``, spread over months."""
    base_churn = float(monthly_churn(sourced_annual_churn(unit_economics)))
    return WhatIf(
        title="The commoditization clock: move the sliders",
        controls=[
            Slider(
                "app_copy_months",
                "App: months until copied",
                min=0,
                max=36,
                step=1,
                value=ASSUMED_APP_COPY_MONTHS,
                suffix=" months",
            ),
            Slider(
                "app_switching_cost",
                "App: switching cost",
                min=0,
                max=1,
                step=0.05,
                value=ASSUMED_APP_SWITCHING_COST,
            ),
            Slider(
                "infra_copy_months",
                "Infra: months until copied",
                min=0,
                max=36,
                step=1,
                value=ASSUMED_INFRA_COPY_MONTHS,
                suffix=" months",
            ),
            Slider(
                "infra_switching_cost",
                "Infra: switching cost",
                min=0,
                max=1,
                step=0.05,
                value=ASSUMED_INFRA_SWITCHING_COST,
            ),
            Slider(
                "extra_churn_percent",
                "Extra churn a month",
                min=0,
                max=20,
                step=0.5,
                value=round(ASSUMED_EXTRA_CHURN * 100, 1),
                suffix=" points",
            ),
            Slider(
                "price_erosion_percent",
                "Profit lost to price cuts",
                min=0,
                max=100,
                step=5,
                value=round(ASSUMED_PRICE_EROSION * 100),
                suffix="%",
            ),
        ],
        compute=partial(clock_outcome, base_churn),
        chart=_chart(),
        presets=_presets(),
        name="copy_clock",
        twin=Twin(  # utils/panels/commoditization.js, for the static site
            "commoditization",
            "clock_outcome",
            params={
                "base_churn": base_churn,
                "monthly_profit": CLOCK_MONTHLY_PROFIT,
                "months": CLOCK_MONTHS,
                "late_label_month": LATE_LABEL_MONTH,
            },
        ),
    )
