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
from ..models import (
    average_app_revenue,
    customers_to_near_floor,
    expected_app_revenue,
    independent_equivalent,
    prob_still_leading,
    revenue_cv,
    revenue_cv_floor,
    simulate_reshuffles,
)
from ..whatif import Outcome, Preset, Slider, StopsSlider, Twin, WhatIf

__all__ = [
    "RESHUFFLE_SEED",
    "RESHUFFLE_WORLDS",
    "diversification_outcome",
    "diversification_panel",
    "reshuffle_outcome",
    "reshuffle_panel",
]

# Leadership reshuffles -------------------------------------------------------------

RESHUFFLE_WORLDS = 2000  # simulated worlds per update: a few milliseconds
RESHUFFLE_SEED = 6  # the same worlds every time, so only the controls move the results
MAX_QUARTERS = 20  # the horizon slider's end

SAMPLE = "App in one simulated world"
SIMULATED = f"App: average of {RESHUFFLE_WORLDS:,} simulated worlds"
FORMULA = "App: expected revenue (formula)"
VENDOR = "Vendor serving every model"
RESHUFFLE_SERIES = [SAMPLE, SIMULATED, FORMULA, VENDOR]
BLUE, VERMILLION, GREEN, PURPLE = PALETTE[:4]


def reshuffle_outcome(n_models: float, reshuffle_percent: float, penalty_percent: float, quarters: float) -> Outcome:
    """The app in one world, its simulated and expected revenue, and the vendor's line, quarter by quarter."""
    k, t = int(n_models), int(quarters)
    rate, penalty = reshuffle_percent / 100, penalty_percent / 100
    worlds = simulate_reshuffles(k, rate, penalty, quarters=t, n_paths=RESHUFFLE_WORLDS, seed=RESHUFFLE_SEED)
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
    average = average_app_revenue(t, k, rate, penalty)
    vendor = worlds.vendor[:, 1:].mean()
    if average > 0.9995:
        why = "the lead never changes hands" if rate == 0 else "it loses nothing while its model trails"
        takeaway = f"The app keeps its full revenue, as the vendor does: {why}."
    else:
        takeaway = (
            f"Over {t} quarters the app on one model keeps {average:.1%} of its revenue on average, "
            f"{worst_tenth:.1%} or less in its worst tenth of worlds; the vendor keeps {vendor:.0%}."
        )
    return Outcome(
        {"lines": lines},
        {
            VENDOR: f"{vendor:.1%} of full revenue in every quarter and every world",
            f"App tied to one model, average over quarters 1-{t}": (
                f"{per_world.mean():.1%} of full revenue (simulated); {average:.1%} (formula)"
            ),
            f"Chance its model still leads in quarter {t}": (
                f"{still_leading:.1%} (formula); {worlds.leads[:, -1].mean():.1%} of the simulated worlds"
            ),
            "The app in its worst 10% of worlds": f"averages {worst_tenth:.1%} of full revenue or less",
        },
        takeaway=takeaway,
        key=("App's average revenue, % of full (formula)", 100 * average),
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
    # The axis spans the longest horizon, so that lengthening the horizon visibly extends the lines.
    x = alt.X(
        "quarter:Q",
        title="Quarter (0 = today, when the app's model leads)",
        scale=alt.Scale(domain=[0, MAX_QUARTERS]),
        axis=alt.Axis(tickMinStep=1, format="d"),
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
        title="Revenue per quarter: an app on one model, a vendor on all",
        description=(
            "Line chart of revenue per quarter, as a share of full revenue, from quarter 0 to the chosen horizon. "
            "The green vendor line stays at 100 percent. A thin purple step line shows the app in one simulated "
            "world, dropping when its model loses the lead and rising if it wins it back; a dotted orange line "
            "gives the average over all simulated worlds and a dashed blue line the expected revenue from the "
            "formula, both falling from 100 percent toward a level set by the number of models and the penalty."
        ),
        width=440,
        height=240,
    )


def reshuffle_presets(n_models: int, reshuffle_percent: float, penalty_percent: float, quarters: int) -> dict:
    """The lesson's assumptions and two races on either side of them (all assumptions: no source measures them)."""
    return {
        "The lesson's assumptions": Preset(
            {
                "n_models": n_models,
                "reshuffle_percent": reshuffle_percent,
                "penalty_percent": penalty_percent,
                "quarters": quarters,
            },
            "The assumptions of section 2: a few rival models, the lead changing hands now and then, "
            "and an app that loses a good part of its revenue while its model trails.",
        ),
        "A settled race": Preset(
            {"n_models": 2, "reshuffle_percent": 5, "penalty_percent": 20, "quarters": 12},
            "An assumption: two labs, a lead that rarely changes hands, and an app that can move to the other "
            "lab's model cheaply.",
        ),
        "A crowded, fast race": Preset(
            {"n_models": 10, "reshuffle_percent": 50, "penalty_percent": 60, "quarters": 12},
            "An assumption: ten rival models, the lead changing hands every other quarter, and an app tuned to "
            "its model that loses most of its users while it trails.",
        ),
    }


def _reshuffle_twin_params() -> dict[str, int | str]:
    """What the JavaScript twin needs to draw the worlds numpy draws: their number and the state of numpy's
    ``default_rng(RESHUFFLE_SEED)`` (its PCG64 state and increment, 128-bit integers, as decimal strings)."""
    bits = np.random.default_rng(RESHUFFLE_SEED).bit_generator.state
    if bits["bit_generator"] != "PCG64":
        raise ValueError(f"the twin (utils/panels/demand.js) mirrors PCG64, not {bits['bit_generator']}.")
    return {
        "worlds": RESHUFFLE_WORLDS,
        "pcg64_state": str(bits["state"]["state"]),
        "pcg64_inc": str(bits["state"]["inc"]),
    }


def reshuffle_panel(n_models: int, reshuffle_percent: float, penalty_percent: float, quarters: int = 12) -> WhatIf:
    """The lesson 06 reshuffle panel, starting from the lesson's assumptions (bind it to ``reshuffle``)."""
    return WhatIf(
        title="If the lead passes to another model",
        controls=[
            Slider("n_models", "Competitive foundation models", min=2, max=10, step=1, value=n_models),
            Slider(
                "reshuffle_percent",
                "Chance the lead changes hands",
                min=0,
                max=50,
                step=5,
                value=reshuffle_percent,
                suffix="% a quarter",
            ),
            Slider(
                "penalty_percent",
                "App revenue lost when its model trails",
                min=0,
                max=100,
                step=5,
                value=penalty_percent,
                suffix="%",
            ),
            Slider("quarters", "Horizon", min=4, max=MAX_QUARTERS, step=1, value=quarters, suffix=" quarters"),
        ],
        compute=reshuffle_outcome,
        chart=_reshuffle_chart(),
        presets=reshuffle_presets(n_models, reshuffle_percent, penalty_percent, quarters),
        name="reshuffle",
        twin=Twin("demand", "reshuffle_outcome", params=_reshuffle_twin_params()),
    )


# Diversification -------------------------------------------------------------------

CUSTOMER_GRID = np.unique(np.round(np.geomspace(1, 1000, 160)))  # customers drawn on the chart

CORRELATED = "Customers correlated at your ρ"
INDEPENDENT = "Independent customers (ρ = 0)"


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
    mine = float(revenue_cv(n, rho))
    floor = revenue_cv_floor(rho)
    needed = customers_to_near_floor(rho)
    worth = float(independent_equivalent(n, rho))
    customers = f"{n:,} customer{'s' if n != 1 else ''}"
    if needed is None:
        near = "none: with ρ = 0 there is no floor, and the CV keeps falling as customers are added"
        takeaway = f"{customers} with no correlation swing {mine:.2f} times as much as one; there is no floor."
    elif needed == 1:
        near = "1: a single customer is already that close, so more customers barely help"
        takeaway = f"At ρ = {rho:.2f} even one customer sits near the floor: a longer list barely steadies revenue."
    else:
        near = f"{needed:,}"
        takeaway = (
            f"{customers} at ρ = {rho:.2f} are as steady as {worth:,.1f} independent ones; "
            f"past {needed:,} customers, signing more barely helps."
        )
    return Outcome(
        {
            "curves": curves,
            "floor": pd.DataFrame({"cv": [floor], "label": [label]}),
            "mine": pd.DataFrame({"customers": [n], "cv": [mine]}),
        },
        {
            f"Revenue CV with {n:,} customers": f"{mine:.4f} × one customer's CV",
            "Floor, however many customers": f"{floor:.4f} × one customer's CV (√ρ)",
            f"{customers} correlated at ρ = {rho:.2f} {'are' if n != 1 else 'is'} as steady as": (
                f"{worth:,.1f} independent customer{'s' if round(worth, 1) != 1 else ''}"
            ),
            "Customers needed to come within 10% of the floor": near,
        },
        takeaway=takeaway,
        key=("Revenue CV, × one customer's", mine),
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
        title="Swings in revenue as customers multiply",
        description=(
            "Line chart, logarithmic horizontal axis from 1 to 1,000 customers, of the coefficient of variation of "
            "a vendor's total revenue, as a multiple of one customer's. The green dashed line for independent "
            "customers keeps falling; the blue line for correlated customers flattens onto a dotted horizontal floor "
            "at the square root of the correlation. An orange diamond marks the chosen number of customers."
        ),
        width=440,
        height=240,
    )


def diversification_panel(n_customers: int = 100, rho: float = 0.2) -> WhatIf:
    """The lesson 06 diversification panel: customers N (on a log scale, as the chart) and their correlation rho.

    Bind it to ``diversification``. The presets are assumptions: no source measures how closely an AI
    vendor's customers move together.
    """
    presets = {
        "The lesson's example": Preset(
            {"n_customers": n_customers, "rho": rho},
            "Section 5's example, an assumption: a hundred customers whose revenues move together mildly.",
        ),
        "All on one model": Preset(
            {"n_customers": 100, "rho": 0.5},
            "An assumption: a hundred customers who all build on one model, so rise and fall with it.",
        ),
        "Spread across models": Preset(
            {"n_customers": 100, "rho": 0.05},
            "An assumption: a hundred customers spread across every model, moved together only by the market.",
        ),
    }
    return WhatIf(
        title="Diversification: how steady is revenue from many customers?",
        controls=[
            StopsSlider.log("n_customers", "Number of customers", low=1, high=1000, value=n_customers),
            Slider("rho", "Correlation between customers' revenues (ρ)", min=0, max=1, step=0.01, value=rho),
        ],
        compute=diversification_outcome,
        chart=_diversification_chart(),
        presets=presets,
        name="diversification",
        twin=Twin("demand", "diversification_outcome", params={"customer_grid": [int(n) for n in CUSTOMER_GRID]}),
    )
