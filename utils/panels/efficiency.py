"""The panel of lesson 09: serving cost and margin per user, mixture of experts against dense.

A mixture-of-experts (MoE) model computes each token with its *active*
parameters only; a dense model of the same total size computes with all of
them. Both must hold every parameter in GPU memory. The panel turns that into
money: compute cost per million tokens and the gross margin left per user at a
US-level ARPU and at a fraction of it (the essay's tenth). Compute costs are
lower bounds (see ``utils.models.serving``, where every formula lives).

The last readouts turn the GPUs that hold the weights into a fixed monthly
cost if they are kept online all month (a choice made for latency: lesson 03
shows when it pays), the users whose ARPU covers that cost with no other cost
per user, and the most users one copy can serve, an upper bound.

``efficiency.js`` holds the panel's JavaScript twin for the static site (the same name as
:func:`efficiency_outcome`); ``tests/test_panels_efficiency.py`` holds it to this. A change to a formula
here or in :mod:`utils.models` needs the same change there.
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
    breakeven_mfu,
    cost_per_million_tokens,
    gpus_to_hold_weights,
    reserved_monthly_cost,
    users_at_capacity,
    users_to_cover,
)
from ..whatif import Outcome, Preset, Slider, StopsSlider, Twin, WhatIf
from .gpu import price_stops

__all__ = ["efficiency_outcome", "efficiency_panel"]

MOE = "Mixture of experts"
DENSE = "Dense model of the same total size"
SERVING = [MOE, DENSE]

ARPU_AXIS = (0.2, 100.0)  # the chart's ARPU axis, US dollars per user a month (log scale)
ARPU_GRID = np.geomspace(*ARPU_AXIS, 160)
CHART_HEIGHT = 260
MARGIN_AXIS = (-1.0, 1.0)  # gross margin shown from -100 % to +100 %; lower values are cut off
# Parameter sliders (billions) stop at round sizes and at every sourced model's counts, exactly.
ROUND_BILLIONS = (1, 2, 3, 5, 7, 10, 15, 20, 30, 50, 70, 100, 150, 200, 300, 500)
MEMORY_BOUND_MFU = 10  # percent: the lesson's "memory-bound reality" (an assumption; section 6 says why)
KEY = "Dense margin after compute at the lower ARPU (%)"


def _usd(amount: float) -> str:
    """Dollars with cents, and three significant figures below a dollar: ``$0.0433``, ``$0.882``, ``-$1.23``."""
    sign = "-" if amount < 0 else ""
    size = abs(amount)
    decimals = 2 if size >= 1 or size == 0 else 2 - math.floor(math.log10(size))
    return f"{sign}${size:,.{decimals}f}"


def _per_user(arpu: float, margin: float) -> str:
    """Margin per user in dollars with its share of ARPU: ``$1.91 (95.7%)``."""
    return f"{_usd(arpu * margin)} ({margin:,.1%})"


def _takeaway(low_arpu: float, arpu_ratio: float, moe: float, dense: float, dense_mfu: float) -> str:
    """What the margins at the lower ARPU say, and the MFU below which the dense model loses money."""
    where = f"At {_usd(low_arpu)} a month ({arpu_ratio:.0%} of US ARPU)"
    if dense_mfu > 1:
        mfu = "no MFU a GPU can reach would pay for the dense model's compute"
    elif dense >= 0:
        mfu = f"dense loses money below {dense_mfu:.0%} MFU"
    else:
        mfu = f"dense needs {dense_mfu:.0%} MFU to break even"
    if moe < 0:
        return f"{where} compute costs more than the revenue for both models; {mfu}."
    dense_part = f"the dense model {dense:,.0%}" if dense >= 0 else f"costs the dense model {1 - dense:,.0%} of it"
    joint = "," if dense >= 0 else " but"
    return f"{where} compute leaves the MoE {moe:,.0%} of revenue{joint} {dense_part}; {mfu}."


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
    params = {MOE: min(active_billions, total_billions) * 1e9, DENSE: total_billions * 1e9}
    mfu = mfu_percent / 100
    cost = {serving: cost_per_million_tokens(params[serving], peak_flops, mfu, gpu_price) for serving in SERVING}

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

    def both(arpu):
        return f"MoE {_per_user(arpu, margin(arpu, MOE))}, dense {_per_user(arpu, margin(arpu, DENSE))}"

    gpus = gpus_to_hold_weights(params[DENSE], bytes_per_param, gpu_memory_gb)
    floor = reserved_monthly_cost(gpu_price, gpus)  # every hour of the month, busy or not
    capacity = {
        serving: users_at_capacity(gpus, params[serving], peak_flops, mfu, tokens_millions) for serving in SERVING
    }
    capped = " (active capped at total)" if active_billions > total_billions else ""
    dense_low = float(margin(low_arpu, DENSE))
    dense_mfu = float(breakeven_mfu(low_arpu, tokens_millions, params[DENSE], peak_flops, gpu_price))
    return Outcome(
        {"curves": curves, "levels": levels, "points": points},
        {
            "Compute per million tokens": (
                f"MoE {_usd(float(cost[MOE]))}, dense {_usd(float(cost[DENSE]))} "
                f"({cost[DENSE] / cost[MOE]:,.1f} times){capped}"
            ),
            f"Margin per user at ${low_arpu:,.2f}": both(low_arpu),
            "Kept online all month": (
                f"{gpus:.0f} GPU{'' if gpus == 1 else 's'} x {HOURS_PER_MONTH:.0f} h x {_usd(gpu_price)} = "
                f"${floor:,.0f} a month"
            ),
            "Users to cover it, no other costs": (
                f"{users_to_cover(floor, us_arpu):,.0f} at ${us_arpu:,.0f}, "
                f"{users_to_cover(floor, low_arpu):,.0f} at ${low_arpu:,.2f}"
            ),
            "Most users one copy serves": f"MoE {capacity[MOE]:,.0f}, dense {capacity[DENSE]:,.0f} (FLOP bound)",
        },
        takeaway=_takeaway(low_arpu, arpu_ratio, float(margin(low_arpu, MOE)), dense_low, dense_mfu),
        key=(KEY, 100 * dense_low),
    )


def _chart() -> alt.LayerChart:
    x = alt.X(
        "arpu:Q",
        scale=alt.Scale(type="log", domain=list(ARPU_AXIS)),
        axis=alt.Axis(
            title="ARPU (USD per user a month, log scale)", format="$,.2~f", values=[0.2, 0.5, 1, 2, 5, 10, 20, 100]
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
        title="Margin after compute: mixture of experts or dense",
        description=(
            "Line chart of gross margin after compute, from minus 100 to plus 100 percent, against revenue per "
            "user from 20 cents to 100 dollars a month on a log scale. A solid line shows a mixture-of-experts "
            "model and a dashed line a dense model of the same total size; both rise with ARPU and the dense "
            "line sits lower. Dotted vertical lines mark the US-level ARPU and a tenth of it, with dots where "
            "they cross each line. Margins below minus 100 percent are cut off."
        ),
        width=400,
        height=CHART_HEIGHT,
    )


def _models(facts: pd.DataFrame | None) -> dict[str, tuple[float, float]]:
    """Each model of the serving facts with both counts: name -> (active, total) parameters, in billions."""
    if facts is None:
        return {}
    counts = facts.pivot_table(index="subject", columns="quantity", values="value", aggfunc="first")
    wanted = ["active parameters per token", "total parameters"]
    if not set(wanted) <= set(counts.columns):
        return {}
    rows = counts[wanted].dropna()
    return {str(name): (float(row.iloc[0]) / 1e9, float(row.iloc[1]) / 1e9) for name, row in rows.iterrows()}


def _param_stops(sourced: list[float]) -> tuple[float, ...]:
    """Round sizes in billions, and every sourced count exactly (one decimal, as the data give them)."""
    exact = {round(float(b), 1) for b in sourced}
    return tuple(sorted({*map(float, ROUND_BILLIONS), *exact}))


def _presets(
    start: dict[str, float], models: dict[str, tuple[float, float]], always_on: dict[str, float], mfu_start: float
) -> dict[str, Preset]:
    def is_start(counts: tuple[float, float]) -> bool:
        return (round(counts[0], 1), round(counts[1], 1)) == (start["active_billions"], start["total_billions"])

    presets = {}
    if not any(is_start(counts) for counts in models.values()):
        presets["The lesson's start"] = Preset(start, "The figures the lesson starts from, as printed above the panel.")
    for model, (active, total) in sorted(models.items(), key=lambda item: not is_start(item[1])):
        here = {**start, "active_billions": round(active, 1), "total_billions": round(total, 1)}
        presets[model] = Preset(
            here,
            f"{model}'s sourced counts, {active:.1f}B of {total:.1f}B parameters active per token "
            f"({active / total:.0%}), with the lesson's other inputs.",
        )
    memory_bound = {**start, "mfu_percent": MEMORY_BOUND_MFU}
    presets["Memory-bound"] = Preset(
        memory_bound,
        f"Generation limited by memory reads, not arithmetic (section 6): MFU at {MEMORY_BOUND_MFU}% instead of "
        f"{mfu_start:.0f}%, an assumption, which makes every compute cost {mfu_start / MEMORY_BOUND_MFU:.0f} times "
        "as large.",
    )
    if always_on:
        cheapest = min(always_on, key=always_on.__getitem__)
        presets["Cheapest GPU"] = Preset(
            {**memory_bound, "gpu_price": always_on[cheapest]},
            f"Memory-bound serving on the cheapest always-on GPU in the course's table, {cheapest} at "
            f"${always_on[cheapest]:.2f} an hour: a price cut scales every cost, as MFU does, but by less.",
        )
    return presets


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
    facts: pd.DataFrame | None = None,
    prices: pd.DataFrame | None = None,
    name: str = "efficiency",
) -> WhatIf:
    """The lesson 09 panel: six sliders start at the given values; ``arpu_ratio`` to ``gpu_memory_gb`` stay fixed.

    With the course's ``serving_facts`` (``facts``) each model with both parameter counts becomes a preset, and
    the parameter sliders stop at its counts exactly; with ``gpu_prices`` (``prices``) the price slider stops at
    every always-on price of the table, exactly, and a preset uses the cheapest.
    """
    models = _models(facts)
    always_on = {}
    if prices is not None:
        rows = prices.loc[prices["offering"] == "always on"]
        always_on = {f"{r.provider}'s {r.gpu}": float(r.usd_per_gpu_hour) for r in rows.itertuples()}
    counts = [active_billions, total_billions, *(count for pair in models.values() for count in pair)]
    params = _param_stops(counts)
    start = {
        "us_arpu": us_arpu,
        "tokens_millions": tokens_millions,
        "active_billions": round(float(active_billions), 1),
        "total_billions": round(float(total_billions), 1),
        "gpu_price": gpu_price,
        "mfu_percent": mfu_percent,
    }
    return WhatIf(
        title="Can you serve at a tenth of US ARPU?",
        controls=[
            Slider(
                "us_arpu",
                "US-level ARPU (assumption)",
                min=5,
                max=100,
                step=5,
                value=us_arpu,
                prefix="$",
                suffix=" a month",
            ),
            Slider(
                "tokens_millions",
                "Tokens per user (assumed)",
                min=0.5,
                max=20,
                step=0.5,
                value=tokens_millions,
                suffix="M a month",
            ),
            StopsSlider(
                "active_billions", "Active parameters (MoE)", stops=params, value=start["active_billions"], suffix="B"
            ),
            StopsSlider(
                "total_billions", "Total parameters (both)", stops=params, value=start["total_billions"], suffix="B"
            ),
            StopsSlider(
                "gpu_price",
                "GPU price",
                stops=price_stops([gpu_price, *always_on.values()]),
                value=gpu_price,
                prefix="$",
                suffix=" an hour",
            ),
            Slider("mfu_percent", "MFU (share of peak FLOP/s)", min=1, max=100, step=1, value=mfu_percent, suffix="%"),
        ],
        compute=partial(
            efficiency_outcome,
            arpu_ratio=arpu_ratio,
            peak_flops=peak_flops,
            bytes_per_param=bytes_per_param,
            gpu_memory_gb=gpu_memory_gb,
        ),
        chart=_chart(),
        presets=_presets(start, models, always_on, mfu_percent),
        name=name,
        twin=Twin(  # utils/panels/efficiency.js, for the static site: the fixed inputs and the module's constants
            "efficiency",
            "efficiency_outcome",
            params={
                "arpu_ratio": float(arpu_ratio),
                "peak_flops": float(peak_flops),
                "bytes_per_param": float(bytes_per_param),
                "gpu_memory_gb": float(gpu_memory_gb),
                "arpu_grid": ARPU_GRID.tolist(),
                "hours_per_month": HOURS_PER_MONTH,
                "moe": MOE,
                "dense": DENSE,
                "key": KEY,
            },
        ),
    )
