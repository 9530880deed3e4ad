"""The panel of lesson 03: reserved against serverless GPUs, break-even marked.

The costs come from :mod:`utils.models.gpu`; this module only builds the
controls, the readout and the chart.
"""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd

from ..charts import money_axis, percent_axis
from ..models import (
    HOURS_PER_MONTH,
    breakeven_demand,
    reserved_gpus,
    reserved_monthly_cost,
    serverless_monthly_cost,
)
from ..whatif import Outcome, Preset, Slider, StopsSlider, Twin, WhatIf

__all__ = ["serverless_panel"]

RESERVED = "Reserved (always on)"
SERVERLESS = "Serverless (pay per second)"
GRID = (0.005, 1.0, 200)  # start, stop, points: the JavaScript twin (gpu.js) draws the same grid
UTILIZATION_GRID = np.linspace(*GRID)  # average demand as a share of one GPU
Y_MAX_USD = 9_000  # fixed, so that a price or a peak visibly moves a line: the bursty preset's four GPUs fit
KEY = "Reserved minus serverless (USD a month)"

# Price sliders stop every $0.50 and at each price of the course's table (kept exact);
# a round stop closer than this to a sourced price is left out, so that every press moves.
ROUND_PRICES = np.arange(0.5, 10.01, 0.5)
CLOSEST_ROUND_STOP = 0.10


def price_stops(sourced: list[float]) -> tuple[float, ...]:
    """The stops of a price slider: $0.50 to $10 by $0.50, and every sourced price exactly."""
    exact = sorted({round(float(p), 2) for p in sourced})
    rounds = [float(r) for r in ROUND_PRICES if all(abs(r - p) >= CLOSEST_ROUND_STOP for p in exact)]
    return tuple(sorted({*rounds, *exact}))


def serverless_outcome(
    serverless_price: float,
    reserved_price: float,
    utilization_percent: float,
    peak_to_average: float,
    cold_starts: float,
    cold_start_seconds: float,
) -> Outcome:
    """Both monthly costs across utilization, the learner's workload and the break-even."""
    reserved = reserved_monthly_cost(reserved_price, UTILIZATION_GRID, peak_to_average)
    serverless = serverless_monthly_cost(serverless_price, UTILIZATION_GRID, cold_starts, cold_start_seconds)
    curves = pd.concat(
        [
            pd.DataFrame({"utilization": UTILIZATION_GRID, "option": RESERVED, "cost": reserved}),
            pd.DataFrame({"utilization": UTILIZATION_GRID, "option": SERVERLESS, "cost": serverless}),
        ]
    )
    demand = utilization_percent / 100
    mine_reserved = float(reserved_monthly_cost(reserved_price, demand, peak_to_average))
    mine_serverless = float(serverless_monthly_cost(serverless_price, demand, cold_starts, cold_start_seconds))
    cold_cost = serverless_monthly_cost(serverless_price, 0.0, cold_starts, cold_start_seconds)
    workload = pd.DataFrame(
        {"utilization": [demand, demand], "option": [RESERVED, SERVERLESS], "cost": [mine_reserved, mine_serverless]}
    )
    breakeven = breakeven_demand(reserved_price, serverless_price, peak_to_average, cold_starts, cold_start_seconds)
    rule = pd.DataFrame({"utilization": [] if breakeven is None else [breakeven]})
    gpus = reserved_gpus(demand, peak_to_average)
    # Above a ratio of 1, the peak itself is shown: a learner raising it sees why one GPU may still do.
    peak = "the peak" if peak_to_average == 1 else f"a peak of {peak_to_average * demand:,.2f} GPUs"
    saving = mine_reserved - mine_serverless
    if round(saving) > 0:
        takeaway = f"Serverless is cheaper by ${saving:,.0f} a month" + (
            " and stays cheaper all the way to 100% utilization."
            if breakeven is None
            else f"; reserving pays only above {breakeven:.1%} utilization."
        )
    elif round(saving) < 0:
        above = "the break-even" if breakeven is None else f"the break-even of {breakeven:.1%}"
        takeaway = f"Reserving is cheaper by ${-saving:,.0f} a month: {utilization_percent:.0f}% is above {above}."
    else:
        takeaway = f"The two cost the same, ${mine_reserved:,.0f} a month: this is the break-even."
    return Outcome(
        {"curves": curves, "workload": workload, "breakeven": rule},
        {
            RESERVED: f"${mine_reserved:,.0f} a month ({gpus:.0f} GPU{'s' if gpus != 1 else ''} for {peak})",
            SERVERLESS: f"${mine_serverless:,.0f} a month (cold starts ${cold_cost:,.0f} of it)",
            "Break-even utilization, cold starts included": (
                "none below 100%" if breakeven is None else f"{breakeven:.1%}"
            ),
        },
        takeaway=takeaway,
        key=(KEY, saving),
    )


def _chart() -> alt.LayerChart:
    color = alt.Color(
        "option:N",
        title=None,
        scale=alt.Scale(domain=[RESERVED, SERVERLESS]),
        legend=alt.Legend(orient="bottom", direction="vertical"),
    )
    dash = alt.StrokeDash("option:N", scale=alt.Scale(domain=[RESERVED, SERVERLESS], range=[[1, 0], [6, 3]]))
    x = alt.X(
        "utilization:Q",
        axis=percent_axis("Average utilization of one GPU", tick_count=5),
        scale=alt.Scale(domain=[0, 1]),
    )
    y = alt.Y("cost:Q", axis=money_axis("Monthly cost (USD)"), scale=alt.Scale(domain=[0, Y_MAX_USD]))
    curves = alt.Chart(alt.Data(name="curves")).mark_line(clip=True).encode(x=x, y=y, color=color, strokeDash=dash)
    workload = (
        alt.Chart(alt.Data(name="workload"))
        .mark_point(size=90, filled=True, opacity=1, clip=True)
        .encode(x=x, y=y, color=color)
    )
    rule = alt.Chart(alt.Data(name="breakeven")).mark_rule(color="#000000", strokeDash=[2, 2]).encode(x=x)
    rule_label = (
        alt.Chart(alt.Data(name="breakeven"))
        .mark_text(align="right", dx=-4, y=8, text="break-even", color="#000000")
        .encode(x=x)
    )
    return (curves + rule + rule_label + workload).properties(
        title="Monthly cost: reserved or serverless",
        description=(
            "Line chart of monthly cost in US dollars, from 0 to 9,000, against average utilization of one GPU "
            "from 0 to 100 percent. The reserved line is flat for each GPU reserved for the peak; the "
            "serverless line rises with use. A dotted vertical line marks the break-even utilization and two "
            "dots mark the chosen workload."
        ),
        width=420,
        height=280,
    )


def _presets(serverless_price: float, reserved_price: float) -> dict[str, Preset]:
    prices = {"serverless_price": serverless_price, "reserved_price": reserved_price}
    cold = {"cold_starts": 200, "cold_start_seconds": 45}
    return {
        "The essay's bus": Preset(
            {**prices, "utilization_percent": 15, "peak_to_average": 1, **cold},
            "The essay's bus: one GPU busy 15% of the month at the two sourced prices; "
            "200 cold starts a month (an assumption) of the essay's 45 s.",
        ),
        "Busy and steady": Preset(
            {**prices, "utilization_percent": 90, "peak_to_average": 1, **cold},
            "An assumption: a GPU busy 90% of the month with no peaks, the workload reserving is made for.",
        ),
        "Bursty": Preset(
            {**prices, "utilization_percent": 40, "peak_to_average": 4, "cold_starts": 1000, "cold_start_seconds": 45},
            "The essay's 'massive compute for minutes, then nothing': peaks four times the average and "
            "1,000 cold starts a month (both assumptions).",
        ),
    }


def serverless_panel(serverless_price: float, reserved_price: float, prices: pd.DataFrame | None = None) -> WhatIf:
    """The lesson 03 panel, starting from two sourced prices (USD per GPU-hour).

    With the course's price table ``prices`` (``data/gpu_prices.csv``), each price slider
    also stops at every sourced price of its kind (serverless or always on), exactly.
    """
    sourced = {"serverless": [serverless_price], "always on": [reserved_price]}
    if prices is not None:
        for kind in sourced:
            sourced[kind] += prices.loc[prices["offering"] == kind, "usd_per_gpu_hour"].tolist()
    return WhatIf(
        title="Reserved or serverless?",
        controls=[
            StopsSlider(
                "serverless_price",
                "Serverless price per GPU-hour",
                stops=price_stops(sourced["serverless"]),
                value=serverless_price,
                prefix="$",
            ),
            StopsSlider(
                "reserved_price",
                "Reserved price per GPU-hour",
                stops=price_stops(sourced["always on"]),
                value=reserved_price,
                prefix="$",
            ),
            Slider(
                "utilization_percent", "Average utilization of one GPU", min=1, max=100, step=1, value=15, suffix="%"
            ),
            Slider("peak_to_average", "Peak-to-average ratio", min=1, max=10, step=0.5, value=1, suffix="x"),
            Slider("cold_starts", "Cold starts a month", min=0, max=2000, step=50, value=200),
            Slider(
                "cold_start_seconds", "Billed seconds per cold start", min=0, max=300, step=5, value=45, suffix=" s"
            ),
        ],
        compute=serverless_outcome,
        chart=_chart(),
        presets=_presets(serverless_price, reserved_price),
        name="serverless",
        twin=Twin(
            "gpu",
            "serverless_outcome",
            params={"hours_per_month": HOURS_PER_MONTH, "utilization_grid": list(GRID)},
        ),
    )
