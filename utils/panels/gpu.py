"""The panel of lesson 03: reserved against serverless GPUs, break-even marked."""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd

from ..charts import money_axis, percent_axis
from ..models import breakeven_demand, reserved_gpus, reserved_monthly_cost, serverless_monthly_cost
from ..whatif import Outcome, Slider, WhatIf

__all__ = ["serverless_outcome", "serverless_panel"]

RESERVED = "Reserved (always on)"
SERVERLESS = "Serverless (pay per second)"
UTILIZATION_GRID = np.linspace(0.005, 1.0, 200)  # average demand as a share of one GPU


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
    mine_reserved = reserved_monthly_cost(reserved_price, demand, peak_to_average)
    mine_serverless = serverless_monthly_cost(serverless_price, demand, cold_starts, cold_start_seconds)
    cold_cost = serverless_monthly_cost(serverless_price, 0.0, cold_starts, cold_start_seconds)
    workload = pd.DataFrame(
        {"utilization": [demand, demand], "option": [RESERVED, SERVERLESS], "cost": [mine_reserved, mine_serverless]}
    )
    breakeven = breakeven_demand(reserved_price, serverless_price, peak_to_average, cold_starts, cold_start_seconds)
    rule = pd.DataFrame({"utilization": [] if breakeven is None else [breakeven]})
    gpus = reserved_gpus(demand, peak_to_average)
    cheaper = SERVERLESS if mine_serverless < mine_reserved else RESERVED
    return Outcome(
        {"curves": curves, "workload": workload, "breakeven": rule},
        {
            RESERVED: f"${mine_reserved:,.0f} a month ({gpus:.0f} GPU{'s' if gpus != 1 else ''} for the peak)",
            SERVERLESS: f"${mine_serverless:,.0f} a month (cold starts ${cold_cost:,.0f} of it)",
            f"Cheaper at {utilization_percent:.0f}% utilization": (
                f"{cheaper.split(' (')[0].lower()}, by ${abs(mine_reserved - mine_serverless):,.0f} a month"
            ),
            "Break-even utilization (cold starts included)": (
                "none: serverless is cheaper all the way to 100%" if breakeven is None else f"{breakeven:.1%}"
            ),
        },
    )


def _chart() -> alt.LayerChart:
    color = alt.Color(
        "option:N", title=None, scale=alt.Scale(domain=[RESERVED, SERVERLESS]), legend=alt.Legend(orient="bottom")
    )
    dash = alt.StrokeDash("option:N", scale=alt.Scale(domain=[RESERVED, SERVERLESS], range=[[1, 0], [6, 3]]))
    x = alt.X(
        "utilization:Q",
        axis=percent_axis("Average utilization of one GPU", tick_count=5),
        scale=alt.Scale(domain=[0, 1]),
    )
    y = alt.Y("cost:Q", axis=money_axis("Monthly cost (USD)"))
    curves = alt.Chart(alt.Data(name="curves")).mark_line().encode(x=x, y=y, color=color, strokeDash=dash)
    workload = alt.Chart(alt.Data(name="workload")).mark_point(size=90, filled=True).encode(x=x, y=y, color=color)
    rule = alt.Chart(alt.Data(name="breakeven")).mark_rule(color="#000000", strokeDash=[2, 2]).encode(x=x)
    rule_label = (
        alt.Chart(alt.Data(name="breakeven"))
        .mark_text(align="left", dx=4, y=8, text="break-even", color="#000000")
        .encode(x=x)
    )
    return (curves + rule + rule_label + workload).properties(
        title="Monthly cost of one GPU's worth of work: reserved against serverless",
        description=(
            "Line chart of monthly cost in US dollars against average utilization from 0 to 100 percent. "
            "The reserved line is flat for each GPU reserved; the serverless line rises with use. A dotted "
            "vertical line marks the break-even utilization and two dots mark the chosen workload."
        ),
        width=480,
        height=260,
    )


def serverless_panel(serverless_price: float, reserved_price: float) -> WhatIf:
    """The lesson 03 panel, starting from two sourced prices (USD per GPU-hour)."""
    return WhatIf(
        title="Reserved or serverless? Move the sliders",
        controls=[
            Slider("serverless_price", "Serverless price", 0.5, 10, 0.01, serverless_price, "$", " per GPU-hour"),
            Slider("reserved_price", "Reserved price", 0.5, 10, 0.01, reserved_price, "$", " per GPU-hour"),
            Slider("utilization_percent", "Your average utilization", 1, 100, 1, 15, suffix="% of one GPU"),
            Slider("peak_to_average", "Peak-to-average ratio", 1, 10, 0.5, 1, suffix="x"),
            Slider("cold_starts", "Cold starts per month", 0, 2000, 50, 200),
            Slider("cold_start_seconds", "Billed seconds per cold start", 0, 300, 5, 45, suffix=" s"),
        ],
        compute=serverless_outcome,
        chart=_chart(),
    )
