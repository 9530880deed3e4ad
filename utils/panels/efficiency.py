"""The panel of lesson 09: serving cost and margin per user, mixture of experts against dense.

A mixture-of-experts (MoE) model computes each token with its *active*
parameters only; a dense model of the same total size computes with all of
them. Both must hold every parameter in GPU memory. The panel turns that into
money: compute cost per million tokens, compute cost per user, and the gross
margin left per user at a US-level ARPU and at a fraction of it (the essay's
tenth). Compute costs are lower bounds (see ``utils.models.serving``).

The last readouts turn the GPUs that hold the weights into a fixed monthly
cost if they are kept online all month (a choice made for latency: lesson 03
shows when it pays), the users whose ARPU covers that cost with no other cost
per user, and the most users one copy can serve, an upper bound. The share of
that capacity the paying users must fill is exactly 1 - the margin after
compute.
"""

from __future__ import annotations

import math
from functools import partial

import altair as alt
import numpy as np
import pandas as pd

from ..charts import PALETTE, percent_axis
from ..models import (
    HOURS_PER_MONTH,
    app_gross_margin,
    cost_per_million_tokens,
    gpus_to_hold_weights,
    reserved_monthly_cost,
    users_at_capacity,
    users_to_cover,
)
from ..whatif import Outcome, Slider, WhatIf

MOE = "Mixture of experts"
DENSE = "Dense model of the same total size"
SERVING = [MOE, DENSE]

US_ARPU_RANGE = (5.0, 100.0)  # the slider's range, US dollars per user a month
ARPU_AXIS = (0.2, 100.0)  # the chart's ARPU axis, US dollars per user a month (log scale)
ARPU_GRID = np.geomspace(*ARPU_AXIS, 160)
CHART_HEIGHT = 280
MARGIN_AXIS = (-1.0, 1.0)  # gross margin shown from -100 % to +100 %; lower values are cut off


def _usd(amount: float) -> str:
    """Dollars with cents, and three significant figures below a dollar: ``$0.0433``, ``$0.882``, ``-$1.23``."""
    sign = "-" if amount < 0 else ""
    size = abs(amount)
    decimals = 2 if size >= 1 or size == 0 else 2 - math.floor(math.log10(size))
    return f"{sign}${size:,.{decimals}f}"


def _margin_text(arpu: float, margin: float) -> str:
    """Margin per user in dollars with its share of ARPU: ``$1.91 (95.7%)``."""
    return f"{_usd(arpu * margin)} ({margin:,.1%})"


def efficiency_outcome(
    us_arpu: float,
    tokens_millions: float,
    active_billions: float,
    total_billions: float,
    gpu_price: float,
    mfu_percent: float,
    *,
    arpu_ratio: float,
    peak_flops: float,
    bytes_per_param: float,
    gpu_memory_gb: float,
) -> Outcome:
    """Gross margin after compute across ARPU for MoE and dense serving, and the key numbers.

    Args:
        us_arpu: US-level revenue per user, USD a month.
        tokens_millions: millions of tokens a user consumes a month.
        active_billions, total_billions: the MoE model's active and total parameters, billions;
            active is capped at total (a model cannot use more parameters than it has).
        gpu_price: USD per GPU-hour.
        mfu_percent: utilization of the GPU's peak FLOP/s, percent.
        arpu_ratio: the other market's ARPU as a fraction of the US level (the essay's 0.1).
        peak_flops, bytes_per_param, gpu_memory_gb: the GPU's peak FLOP/s, bytes stored per
            parameter and memory per GPU in GB.
    """
    active = min(active_billions, total_billions) * 1e9
    total = total_billions * 1e9
    mfu = mfu_percent / 100
    cost = {
        MOE: cost_per_million_tokens(active, peak_flops, mfu, gpu_price),
        DENSE: cost_per_million_tokens(total, peak_flops, mfu, gpu_price),
    }

    def margin(arpu, serving):
        """Gross margin after compute, a share of ARPU (an array of ARPU gives an array)."""
        return app_gross_margin(arpu, tokens_millions, cost[serving])

    low_arpu = us_arpu * arpu_ratio
    levels = pd.DataFrame(
        {
            "arpu": [us_arpu, low_arpu],
            "level": [f"US-level: ${us_arpu:,.0f}", f"{arpu_ratio:.0%} of it: ${low_arpu:,.2f}"],
        }
    )
    curves = pd.concat(
        pd.DataFrame({"arpu": ARPU_GRID, "serving": serving, "margin": margin(ARPU_GRID, serving)})
        for serving in SERVING
    )
    points = pd.DataFrame(
        [
            {"arpu": arpu, "serving": serving, "margin": margin(arpu, serving)}
            for serving in SERVING
            for arpu in levels["arpu"]
        ]
    )

    def both_margins(arpu):
        return (
            f"mixture of experts {_margin_text(arpu, margin(arpu, MOE))}, "
            f"dense {_margin_text(arpu, margin(arpu, DENSE))}"
        )

    gpus = gpus_to_hold_weights(total, bytes_per_param, gpu_memory_gb)
    floor = reserved_monthly_cost(gpu_price, gpus)  # every hour of the month, busy or not
    capacity = {
        MOE: users_at_capacity(gpus, active, peak_flops, mfu, tokens_millions),
        DENSE: users_at_capacity(gpus, total, peak_flops, mfu, tokens_millions),
    }
    active_note = (
        f"{active / 1e9:.1f}B of {total_billions:.1f}B parameters active"
        if active_billions <= total_billions
        else f"capped: all {total_billions:.1f}B active, active cannot exceed total"
    )
    return Outcome(
        {"curves": curves, "levels": levels, "points": points},
        {
            "Cost per million tokens, mixture of experts": f"{_usd(cost[MOE])} ({active_note})",
            "Cost per million tokens, dense": f"{_usd(cost[DENSE])} ({cost[DENSE] / cost[MOE]:.1f} times as much)",
            f"Compute cost per user a month ({tokens_millions:.1f}M tokens)": (
                f"mixture of experts {_usd(tokens_millions * cost[MOE])}, dense {_usd(tokens_millions * cost[DENSE])}"
            ),
            f"Margin per user at US-level ARPU (${us_arpu:,.0f})": both_margins(us_arpu),
            f"Margin per user at {arpu_ratio:.0%} of US-level ARPU (${low_arpu:,.2f})": both_margins(low_arpu),
            f"GPUs of {gpu_memory_gb:g} GB to hold the weights": (
                f"{gpus:.0f} for either model ({total_billions:.1f}B parameters x {bytes_per_param:g} bytes)"
            ),
            "Kept online all month (fixed)": (
                f"${floor:,.0f} a month ({gpus:.0f} GPUs x {HOURS_PER_MONTH:.0f} h x {_usd(gpu_price)})"
            ),
            "Users to cover it, no other costs": (
                f"{users_to_cover(floor, us_arpu):,.0f} at ${us_arpu:,.0f}, "
                f"{users_to_cover(floor, low_arpu):,.0f} at ${low_arpu:,.2f} a month"
            ),
            "Most users one copy serves (FLOP bound)": (
                f"mixture of experts {capacity[MOE]:,.0f}, dense {capacity[DENSE]:,.0f}"
            ),
        },
    )


def _chart() -> alt.LayerChart:
    x = alt.X(
        "arpu:Q",
        scale=alt.Scale(type="log", domain=list(ARPU_AXIS)),
        axis=alt.Axis(
            title="ARPU (USD per user a month, log scale)", format="$,.2~f", values=[0.2, 0.5, 1, 2, 5, 10, 20, 50, 100]
        ),
    )
    y = alt.Y("margin:Q", scale=alt.Scale(domain=list(MARGIN_AXIS)), axis=percent_axis("Gross margin after compute"))
    color = alt.Color(
        "serving:N",
        title=None,
        scale=alt.Scale(domain=SERVING, range=PALETTE[:2]),
        legend=alt.Legend(orient="bottom", direction="vertical"),
    )
    dash = alt.StrokeDash("serving:N", title=None, scale=alt.Scale(domain=SERVING, range=[[1, 0], [6, 3]]))
    shape = alt.Shape("serving:N", title=None, scale=alt.Scale(domain=SERVING, range=["circle", "square"]))
    curves = alt.Chart(alt.Data(name="curves")).mark_line(clip=True).encode(x=x, y=y, color=color, strokeDash=dash)
    zero = alt.Chart(alt.Data(values=[{"margin": 0}])).mark_rule(color="#666666", strokeWidth=1).encode(y=y)
    rules = alt.Chart(alt.Data(name="levels")).mark_rule(color="#000000", strokeDash=[2, 2]).encode(x=x)
    labels = (
        alt.Chart(alt.Data(name="levels"))
        .mark_text(align="left", dx=4, y=CHART_HEIGHT - 10, color="#000000")
        .encode(x=x, text="level:N")
    )
    points = (
        alt.Chart(alt.Data(name="points"))
        .mark_point(size=80, filled=True, clip=True)
        .encode(x=x, y=y, color=color, shape=shape)
    )
    return (zero + curves + rules + labels + points).properties(
        title="Gross margin per user after compute: mixture of experts against dense",
        description=(
            "Line chart of gross margin after compute, from minus 100 to plus 100 percent, against revenue per "
            "user from 20 cents to 100 dollars a month on a log scale. A solid line shows a mixture-of-experts "
            "model and a dashed line a dense model of the same total size; both rise with ARPU and the dense "
            "line sits lower. Dotted vertical lines mark the US-level ARPU and a tenth of it, with dots where "
            "they cross each line. Margins below minus 100 percent are cut off."
        ),
        width=480,
        height=CHART_HEIGHT,
    )


def efficiency_panel(
    us_arpu: float,
    tokens_millions: float,
    active_billions: float,
    total_billions: float,
    gpu_price: float,
    mfu_percent: float,
    *,
    arpu_ratio: float,
    peak_flops: float,
    bytes_per_param: float,
    gpu_memory_gb: float,
) -> WhatIf:
    """The lesson 09 panel: six sliders start at the given values; the last four arguments stay fixed."""
    return WhatIf(
        title="Can you serve at a tenth of US ARPU? Move the sliders",
        controls=[
            Slider("us_arpu", "US-level ARPU (assumption)", *US_ARPU_RANGE, 1, us_arpu, "$", " per user a month"),
            Slider(
                "tokens_millions",
                "Tokens per user a month (assumption)",
                0.1,
                20,
                0.1,
                tokens_millions,
                suffix=" million",
            ),
            Slider(
                "active_billions",
                "Active parameters per token (mixture of experts)",
                1,
                200,
                0.1,
                active_billions,
                suffix="B",
            ),
            Slider("total_billions", "Total parameters (both models)", 1, 500, 0.1, total_billions, suffix="B"),
            Slider("gpu_price", "GPU price", 0.5, 10, 0.01, gpu_price, "$", " per GPU-hour"),
            Slider("mfu_percent", "Utilization of peak FLOPs (MFU)", 1, 100, 1, mfu_percent, suffix="%"),
        ],
        compute=partial(
            efficiency_outcome,
            arpu_ratio=arpu_ratio,
            peak_flops=peak_flops,
            bytes_per_param=bytes_per_param,
            gpu_memory_gb=gpu_memory_gb,
        ),
        chart=_chart(),
    )
