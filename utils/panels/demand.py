"""The panels of lesson 06: leadership reshuffles among models, and diversification across customers.

- :func:`reshuffle_panel` simulates the lead passing between foundation models and
  compares an app tied to one model with a vendor that serves them all.
- :func:`diversification_panel` shows how the swings in a vendor's revenue shrink
  with more customers, and the floor that correlation between them sets.
"""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd

from ..charts import PALETTE, percent_axis
from ..models import expected_app_revenue, prob_still_leading, revenue_cv, revenue_cv_floor, simulate_reshuffles
from ..whatif import Outcome, Slider, WhatIf

# Leadership reshuffles -------------------------------------------------------------

N_WORLDS = 2000  # simulated worlds per update: a few milliseconds
SEED = 6  # the same worlds every time, so only the controls move the results

SAMPLE = "App in one simulated world"
SIMULATED = f"App: average of {N_WORLDS:,} simulated worlds"
FORMULA = "App: expected revenue (formula)"
VENDOR = "Vendor serving every model"
RESHUFFLE_SERIES = [SAMPLE, SIMULATED, FORMULA, VENDOR]
BLUE, VERMILLION, GREEN, PURPLE = PALETTE[:4]


def reshuffle_outcome(n_models: float, reshuffle_percent: float, penalty_percent: float, quarters: float) -> Outcome:
    """The app in one world, its simulated and expected revenue, and the vendor's line, quarter by quarter."""
    k, t = int(n_models), int(quarters)
    rate, penalty = reshuffle_percent / 100, penalty_percent / 100
    worlds = simulate_reshuffles(k, rate, penalty, quarters=t, n_paths=N_WORLDS, seed=SEED)
    grid = np.arange(t + 1)
    expected = expected_app_revenue(grid, k, rate, penalty)

    lines = pd.concat(
        [
            pd.DataFrame({"quarter": grid, "series": SAMPLE, "revenue": worlds.app[0]}),
            pd.DataFrame({"quarter": grid, "series": SIMULATED, "revenue": worlds.app.mean(axis=0)}),
            pd.DataFrame({"quarter": grid, "series": FORMULA, "revenue": expected}),
            pd.DataFrame({"quarter": grid, "series": VENDOR, "revenue": worlds.vendor.mean(axis=0)}),
        ]
    )

    # Quarter 0 is the start, when the app's model leads for sure: average over quarters 1..t.
    per_world = worlds.app[:, 1:].mean(axis=1)
    worst_tenth = np.quantile(per_world, 0.10)
    still_leading = prob_still_leading(t, k, rate)
    return Outcome(
        {"lines": lines},
        {
            VENDOR: f"{worlds.vendor[:, 1:].mean():.1%} of full revenue in every quarter and every world",
            f"App tied to one model, average over quarters 1-{t}": (
                f"{per_world.mean():.1%} of full revenue (simulated); {expected[1:].mean():.1%} (formula)"
            ),
            f"Chance its model still leads in quarter {t}": (
                f"{still_leading:.1%} (formula); {worlds.leads[:, -1].mean():.1%} of the simulated worlds"
            ),
            "The app in its worst 10% of worlds": f"averages {worst_tenth:.1%} of full revenue or less",
        },
    )


def _reshuffle_chart() -> alt.LayerChart:
    color = alt.Color(
        "series:N",
        title=None,
        scale=alt.Scale(domain=RESHUFFLE_SERIES, range=[PURPLE, VERMILLION, BLUE, GREEN]),
        legend=alt.Legend(orient="bottom", columns=2),
    )
    # Second cue besides color: the one world is a thin step line, the average dotted, the formula dashed.
    dash = alt.StrokeDash("series:N", scale=alt.Scale(domain=RESHUFFLE_SERIES, range=[[1, 0], [2, 2], [7, 3], [1, 0]]))
    x = alt.X(
        "quarter:Q", title="Quarter (0 = today, when the app's model leads)", axis=alt.Axis(tickMinStep=1, format="d")
    )
    y = alt.Y(
        "revenue:Q",
        axis=percent_axis("Revenue, share of full revenue", tick_count=6),
        scale=alt.Scale(domain=[0, 1.05]),
    )
    sample = (
        alt.Chart(alt.Data(name="lines"))
        .transform_filter(alt.datum.series == SAMPLE)
        .mark_line(interpolate="step-after", strokeWidth=1.5)
        .encode(x=x, y=y, color=color, strokeDash=dash)
    )
    lines = (
        alt.Chart(alt.Data(name="lines"))
        .transform_filter(alt.datum.series != SAMPLE)
        .mark_line(strokeWidth=3)
        .encode(x=x, y=y, color=color, strokeDash=dash)
    )
    simulated = (
        alt.Chart(alt.Data(name="lines"))
        .transform_filter(alt.datum.series == SIMULATED)
        .mark_point(size=30, filled=True, color=VERMILLION)  # a fixed color keeps the dots out of the legend
        .encode(x=x, y=y)
    )
    return (sample + lines + simulated).properties(
        title="An app tied to one model against a vendor serving every model",
        description=(
            "Line chart of revenue per quarter, as a share of full revenue, from quarter 0 to the chosen horizon. "
            "The green vendor line stays at 100 percent. A thin purple step line shows the app in one simulated "
            "world, dropping when its model loses the lead and rising if it wins it back; a dotted orange line "
            "gives the average over all simulated worlds and a dashed blue line the expected revenue from the "
            "formula, both falling from 100 percent toward a level set by the number of models and the penalty."
        ),
        width=480,
        height=260,
    )


def reshuffle_panel(n_models: int, reshuffle_percent: float, penalty_percent: float, quarters: int = 12) -> WhatIf:
    """The lesson 06 reshuffle panel, starting from the lesson's assumptions."""
    return WhatIf(
        title="If the lead passes to another model: an app on one model against a vendor serving all",
        controls=[
            Slider("n_models", "Competitive foundation models", 2, 10, 1, n_models),
            Slider(
                "reshuffle_percent", "Chance the lead changes hands", 0, 50, 5, reshuffle_percent, suffix="% a quarter"
            ),
            Slider("penalty_percent", "App revenue lost when its model trails", 0, 100, 5, penalty_percent, suffix="%"),
            Slider("quarters", "Horizon", 4, 20, 1, quarters, suffix=" quarters"),
        ],
        compute=reshuffle_outcome,
        chart=_reshuffle_chart(),
    )


# Diversification -------------------------------------------------------------------

CUSTOMER_GRID = np.unique(np.round(np.geomspace(1, 1000, 160)))  # customers drawn on the chart
SEARCH_GRID = np.arange(1, 10_001)  # customer counts searched for "within 10% of the floor"
NEAR_FLOOR = 1.10  # "within 10% of the floor"

CORRELATED = "Customers correlated at your ρ"
INDEPENDENT = "Independent customers (ρ = 0)"


def customers_to_near_floor(rho: float) -> int | None:
    """Fewest customers whose revenue CV is within 10% of the floor; ``None`` when there is no floor (rho = 0)."""
    if rho == 0:
        return None
    cv = revenue_cv(SEARCH_GRID, rho)
    near = np.flatnonzero(cv <= NEAR_FLOOR * revenue_cv_floor(rho) * (1 + 1e-12))
    return int(SEARCH_GRID[near[0]]) if near.size else None


def diversification_outcome(n_customers: float, rho: float) -> Outcome:
    """The CV of a vendor's revenue against its number of customers, at the chosen correlation."""
    n = int(n_customers)
    label = f"floor √ρ = {revenue_cv_floor(rho):.3f}" if rho else "no floor when ρ = 0"
    curves = pd.concat(
        [
            pd.DataFrame({"customers": CUSTOMER_GRID, "series": CORRELATED, "cv": revenue_cv(CUSTOMER_GRID, rho)}),
            pd.DataFrame({"customers": CUSTOMER_GRID, "series": INDEPENDENT, "cv": revenue_cv(CUSTOMER_GRID, 0.0)}),
        ]
    )
    mine = revenue_cv(n, rho)
    floor = revenue_cv_floor(rho)
    needed = customers_to_near_floor(rho)
    if needed is None:
        near = "none: with ρ = 0 there is no floor, and the CV keeps falling as customers are added"
    elif needed == 1:
        near = "1: a single customer is already that close, so more customers barely help"
    else:
        near = f"{needed:,}"
    return Outcome(
        {
            "curves": curves,
            "floor": pd.DataFrame({"cv": [floor], "label": [label]}),
            "mine": pd.DataFrame({"customers": [n], "cv": [mine]}),
        },
        {
            f"Revenue CV with {n:,} customers": f"{mine:.4f} × one customer's CV",
            "Floor, however many customers": f"{floor:.4f} × one customer's CV (√ρ)",
            f"{n:,} customers correlated at ρ = {rho:.2f} are as steady as": (
                f"{(1 / mine) ** 2:,.1f} independent customers"
            ),
            "Customers needed to come within 10% of the floor": near,
        },
    )


def _diversification_chart() -> alt.LayerChart:
    series = [CORRELATED, INDEPENDENT]
    color = alt.Color(
        "series:N", title=None, scale=alt.Scale(domain=series, range=[BLUE, GREEN]), legend=alt.Legend(orient="bottom")
    )
    dash = alt.StrokeDash("series:N", scale=alt.Scale(domain=series, range=[[1, 0], [6, 3]]))
    x = alt.X(
        "customers:Q",
        title="Number of equal customers (log scale)",
        scale=alt.Scale(type="log", domain=[1, 1000]),
        axis=alt.Axis(values=[1, 3, 10, 30, 100, 300, 1000], format=",d"),
    )
    y = alt.Y("cv:Q", title="CV of total revenue (× one customer's CV)", scale=alt.Scale(domain=[0, 1]))
    curves = alt.Chart(alt.Data(name="curves")).mark_line().encode(x=x, y=y, color=color, strokeDash=dash)
    floor = alt.Chart(alt.Data(name="floor")).mark_rule(color="#000000", strokeDash=[2, 2]).encode(y=y)
    # The label sits at the right, under the floor and clear of the curve that approaches it from above;
    # a floor near the axis is labeled at the left instead, above it, where the curve is still high.
    high = alt.Chart(alt.Data(name="floor")).transform_filter(alt.datum.cv >= 0.15)
    low = alt.Chart(alt.Data(name="floor")).transform_filter(alt.datum.cv < 0.15)
    floor_label = high.mark_text(align="right", baseline="top", x="width", dy=3, color="#000000").encode(
        y=y, text="label:N"
    ) + low.mark_text(align="left", baseline="bottom", x=0, dx=6, dy=-3, color="#000000").encode(y=y, text="label:N")
    mine = (
        alt.Chart(alt.Data(name="mine"))
        .mark_point(size=110, filled=True, color=VERMILLION, shape="diamond")
        .encode(x=x, y=y)
    )
    return (curves + floor + floor_label + mine).properties(
        title="Swings in a vendor's revenue as its customers multiply",
        description=(
            "Line chart, logarithmic horizontal axis from 1 to 1,000 customers, of the coefficient of variation of "
            "a vendor's total revenue, as a multiple of one customer's. The green dashed line for independent "
            "customers keeps falling; the blue line for correlated customers flattens onto a dotted horizontal floor "
            "at the square root of the correlation. An orange diamond marks the chosen number of customers."
        ),
        width=480,
        height=260,
    )


def diversification_panel(n_customers: int = 100, rho: float = 0.2) -> WhatIf:
    """The lesson 06 diversification panel: customers N and their pairwise correlation rho."""
    return WhatIf(
        title="Diversification: how steady is revenue from many customers?",
        controls=[
            Slider("n_customers", "Number of customers", 1, 1000, 1, n_customers),
            Slider("rho", "Correlation between customers' revenues (ρ)", 0, 1, 0.01, rho),
        ],
        compute=diversification_outcome,
        chart=_diversification_chart(),
    )
