"""The panels of lesson 04: one request through five services, and the tail of a fan-out.

``request_panel`` runs a seeded simulation of requests through the five services
of ``data/service_profiles.csv`` and shows the spread of their latency, with
each service's expected cost and the downtime its failures amount to.
``fanout_panel`` shows the closed form of "The Tail at Scale": a request that
waits for ``n`` parallel calls, each slow with probability ``p``, is slow with
probability ``1 - (1 - p) ** n``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, replace
from functools import partial
from typing import Any, Literal

import altair as alt
import numpy as np
import pandas as pd

from ..charts import PALETTE, percent_axis
from ..models import (
    MINUTES_PER_MONTH,
    N_REQUESTS,
    REQUEST_ORDER,
    REQUEST_SEED,
    Service,
    expected_request_cost,
    fanout_slow_share,
    monthly_downtime_minutes,
    request_success_rate,
    simulate_requests,
    step_costs,
    step_downtime,
)
from ..models.request import Z_99
from ..whatif import Outcome, Preset, Slider, Twin, WhatIf

__all__ = ["fanout_panel", "request_panel"]

FANOUT_SERVICE = "vector database"  # the step the fan-out slider widens
LLM, VIDEO = "LLM provider", "video renderer"

LATENCY_EDGES_S = np.arange(0, 122, 2)  # 2-second bins up to 120 s; slower requests join the last bin
MAX_REQUESTS_IN_A_BIN = 400  # the histogram's fixed height: a slider visibly moves the bars
MAX_COST_USD, MAX_DOWNTIME_MINUTES = 0.25, 450  # the bar charts' fixed ends (every slider position fits)
REQUEST_KEY = "Downtime equivalent (minutes a month)"
# Requests the JavaScript twin (request.js) simulates per redraw, for the static site: more than the notebook's
# N_REQUESTS (its own sampling error about 0.6 of Python's), in a few milliseconds (tests/test_panels_request.py
# times it). Its chart still counts requests "of 3,000": the twin scales its histogram to N_REQUESTS.
TWIN_DRAWS = 8_000

MAX_CALLS = 200  # the fan-out chart's range of calls per request
STAT_DASHES = {"p50": [1, 0], "p99": [6, 3]}
FANOUT_KEY = "Requests that are slow (%)"

Align = Literal["left", "center", "right"]
# Where a label sits: right of its mark, or left of it near the chart's right edge (so it stays inside).
PERCENTILE_LABEL_SPOTS: tuple[tuple[Any, Align, int], ...] = (
    (alt.datum.seconds <= 90, "left", 3),
    (alt.datum.seconds > 90, "right", -3),
)
# A diamond lower than this would put a label below it on the x axis's numbers: its label goes to the chart's
# lower right corner instead, under the curve (which is above 12% there for any chance the slider offers).
LOW_DIAMOND_SHARE = 0.08
FANOUT_LABEL_SPOTS: tuple[tuple[Any, Align, int, int], ...] = (
    ((alt.datum.calls <= 120) & (alt.datum.share >= LOW_DIAMOND_SHARE), "left", 8, 6),
    (alt.datum.calls > 120, "right", -8, 8),
)


def _edited(
    services: Sequence[Service], fanout_width: int, llm_p99_s: float, llm_availability_percent: float, video_cost: float
) -> list[Service]:
    """The services with the panel's five figures put in."""
    changes: dict[str, dict[str, Any]] = {
        FANOUT_SERVICE: {"width": fanout_width},
        LLM: {"p99_ms": llm_p99_s * 1000, "availability": llm_availability_percent / 100},
        VIDEO: {"cost_per_call": video_cost},
    }
    return [replace(service, **changes.get(service.name, {})) for service in services]


def _request_takeaway(services: Sequence[Service], costs: np.ndarray, downtime: np.ndarray, p99_s: float) -> str:
    """Which service causes most downtime and which costs most, with their shares, and the tail."""
    minutes = float(downtime.sum())
    worst, dearest = int(np.argmax(downtime)), int(np.argmax(costs))
    down_share, cost_share = downtime[worst] / minutes, costs[dearest] / costs.sum()
    if worst == dearest:
        return (
            f"The {services[worst].name} causes {down_share:.0%} of the downtime and {cost_share:.0%} of the cost; "
            f"one request in a hundred takes over {p99_s:.0f} s."
        )
    return (
        f"The {services[worst].name} causes {down_share:.0%} of the downtime, the {services[dearest].name} "
        f"{cost_share:.0%} of the cost; one request in a hundred takes over {p99_s:.0f} s."
    )


def request_outcome(
    baseline: Sequence[Service],
    retries: float,
    fanout_width: float,
    llm_p99_s: float,
    llm_availability_percent: float,
    video_cost: float,
) -> Outcome:
    """Simulated latency of the requests, expected cost and downtime per service, and the key numbers."""
    retries = int(round(retries))
    services = _edited(baseline, int(round(fanout_width)), llm_p99_s, llm_availability_percent, video_cost)
    run = simulate_requests(services, retries, N_REQUESTS, REQUEST_SEED)
    seconds = np.minimum(run.latencies_ms / 1000, LATENCY_EDGES_S[-1] - 1e-9)
    counts, _ = np.histogram(seconds, bins=LATENCY_EDGES_S)
    latency = pd.DataFrame({"start": LATENCY_EDGES_S[:-1], "end": LATENCY_EDGES_S[1:], "requests": counts})
    percentiles = pd.DataFrame(
        {
            "stat": ["p50", "p99"],
            "seconds": [run.p50_ms / 1000, run.p99_ms / 1000],
            "label": [f"p50 {run.p50_ms / 1000:.1f} s", f"p99 {run.p99_ms / 1000:.1f} s"],
        }
    )
    costs, downtime = step_costs(services, retries), step_downtime(services, retries)
    steps = pd.DataFrame(
        {
            "service": [s.name for s in services],
            "cost": costs,
            "cost_label": [f"${c:.4f}" for c in costs],
            "downtime": downtime,
            "downtime_label": [f"{d:,.1f}" for d in downtime],
        }
    )
    expected_cost = expected_request_cost(services, retries)
    success = request_success_rate(services, retries)
    minutes = float(monthly_downtime_minutes(success))
    hours = f" ({minutes / 60:.1f} hours)" if minutes >= 60 else ""
    return Outcome(
        {"latency": latency, "percentiles": percentiles, "steps": steps},
        {
            "Cost per request": (
                f"${run.cost_per_request:.4f} simulated, ${expected_cost:.4f} expected "
                f"(${1000 * expected_cost:,.2f} per 1,000 requests)"
            ),
            "Latency": f"p50 {run.p50_ms / 1000:.1f} s, p99 {run.p99_ms / 1000:.1f} s (simulated)",
            "Success rate": (
                f"{run.success_rate:.2%} simulated, {success:.3%} by the closed form "
                f"({1e6 * (1 - success):,.1f} failures per million requests)"
            ),
            "Downtime equivalent": f"{minutes:,.1f} minutes a month{hours}",
        },
        takeaway=_request_takeaway(services, costs, downtime, run.p99_ms / 1000),
        key=(REQUEST_KEY, minutes),
    )


def _request_chart() -> alt.VConcatChart:
    histogram = (
        alt.Chart(alt.Data(name="latency"))
        .mark_bar(color=PALETTE[0], clip=True)
        .encode(
            x=alt.X(
                "start:Q",
                bin="binned",
                title="Request latency (s); the last bar holds every slower one",
                scale=alt.Scale(domain=[0, float(LATENCY_EDGES_S[-1])]),
            ),
            x2="end:Q",
            y=alt.Y(
                "requests:Q",
                title=f"Requests (of {N_REQUESTS:,})",
                scale=alt.Scale(domain=[0, MAX_REQUESTS_IN_A_BIN]),
            ),
        )
    )
    x = alt.X("seconds:Q")
    dash = alt.StrokeDash(
        "stat:N", scale=alt.Scale(domain=list(STAT_DASHES), range=list(STAT_DASHES.values())), legend=None
    )
    rules = (
        alt.Chart(alt.Data(name="percentiles"))
        .mark_rule(color=PALETTE[6], strokeWidth=2, clip=True)
        .encode(x=x, strokeDash=dash)
    )
    labels = [  # right of its line; left of it near the right edge, so that a long tail stays inside the chart
        alt.Chart(alt.Data(name="percentiles"))
        .transform_filter(keep)
        .mark_text(align=align, baseline="bottom", dx=dx, y=-4, color=PALETTE[6], fontSize=12, fontWeight="bold")
        .encode(x=x, text="label:N")
        for keep, align, dx in PERCENTILE_LABEL_SPOTS
    ]
    top = alt.layer(histogram, rules, *labels).properties(width=390, height=150)

    service = alt.Y("service:N", sort=list(REQUEST_ORDER), title=None)
    base = alt.Chart(alt.Data(name="steps"))
    cost_x = alt.X(
        "cost:Q",
        title="Expected cost (USD per request)",
        scale=alt.Scale(domain=[0, MAX_COST_USD]),
        axis=alt.Axis(format="$.2~f", values=[0, 0.1, 0.2]),
    )
    cost = (
        base.mark_bar(color=PALETTE[2]).encode(x=cost_x, y=service)
        + base.mark_text(align="left", dx=3, fontSize=11).encode(x=cost_x, y=service, text="cost_label:N")
    ).properties(width=140, height=110)
    down_x = alt.X(
        "downtime:Q",
        title="Downtime (minutes a month)",
        scale=alt.Scale(domain=[0, MAX_DOWNTIME_MINUTES]),
        axis=alt.Axis(values=[0, 200, 400]),
    )
    no_names = alt.Y("service:N", sort=list(REQUEST_ORDER), title=None, axis=alt.Axis(labels=False, ticks=False))
    downtime = (
        base.mark_bar(color=PALETTE[1]).encode(x=down_x, y=no_names)
        + base.mark_text(align="left", dx=3, fontSize=11).encode(x=down_x, y=no_names, text="downtime_label:N")
    ).properties(width=140, height=110)

    return alt.vconcat(top, alt.hconcat(cost, downtime, spacing=30), spacing=18).properties(
        title="One request, five services",
        description=(
            f"Top: histogram of the latency of {N_REQUESTS:,} simulated requests, in seconds from 0 to 120, with "
            "a solid vertical line at the median (p50) and a dashed line at the 99th percentile (p99). Bottom "
            "left: bars of each service's expected cost per request in US dollars. Bottom right, on the same "
            "rows: bars of the minutes a month that each service's failures amount to. Services from top to "
            "bottom: vector database, LLM provider, text-to-speech, video renderer, blob storage."
        ),
    )


def _request_presets(llm: Service, video: Service) -> dict[str, Preset]:
    table = {
        "retries": 0,
        "fanout_width": 1,
        "llm_p99_s": round(llm.p99_ms / 1000),
        "llm_availability_percent": round(100 * llm.availability, 2),
        "video_cost": round(video.cost_per_call, 2),
    }
    return {
        "The table": Preset(
            table,
            "The course's table as it stands: two sourced SLAs (blob storage, vector database), "
            "every other figure an assumption, no retries.",
        ),
        "One retry": Preset(
            {**table, "retries": 1},
            "One retry on every call, the usual first fix; the model assumes failures are scattered, never outages.",
        ),
        "Wide search": Preset(
            {**table, "fanout_width": 20},
            "An assumption: the search fans out to 20 index shards, and every one of them must answer.",
        ),
        "Bad LLM month": Preset(
            {**table, "llm_p99_s": 30, "llm_availability_percent": 99.0},
            "An assumption: the LLM provider has a bad month, 99% available and a 30 s p99.",
        ),
    }


def request_panel(baseline: Sequence[Service]) -> WhatIf:
    """The lesson 04 request panel, starting from ``baseline`` (the services of the data, no retries, no fan-out)."""
    by_name = {service.name: service for service in baseline}
    llm, video = by_name[LLM], by_name[VIDEO]
    presets = _request_presets(llm, video)
    start = presets["The table"].values
    return WhatIf(
        title="One request, five services",
        controls=[
            # Up to 5, so that "which input matters most" moves it at least one retry either way.
            Slider("retries", "Retries after a failed call", min=0, max=5, step=1, value=start["retries"]),
            Slider(
                "fanout_width",
                "Parallel vector-database searches",
                min=1,
                max=20,
                step=1,
                value=by_name[FANOUT_SERVICE].width,
            ),
            Slider(
                "llm_p99_s", "LLM provider's p99 latency", min=2, max=30, step=2, value=start["llm_p99_s"], suffix=" s"
            ),
            Slider(
                "llm_availability_percent",
                "LLM provider's availability",
                min=99,
                max=99.99,
                step=0.01,
                value=start["llm_availability_percent"],
                suffix="%",
            ),
            Slider(
                "video_cost",
                "Video renderer's cost per call",
                min=0,
                max=0.2,
                step=0.01,
                value=start["video_cost"],
                prefix="$",
            ),
        ],
        compute=partial(request_outcome, list(baseline)),
        chart=_request_chart(),
        presets=presets,
        name="request",
        twin=Twin("request", "request_outcome", params=_request_twin_params(baseline)),
    )


def _request_twin_params(baseline: Sequence[Service]) -> dict[str, Any]:
    """What the JavaScript twin of ``request_outcome`` closes over: the services and the model's constants."""
    return {
        "services": [asdict(service) for service in baseline],
        "names": {"fanout": FANOUT_SERVICE, "llm": LLM, "video": VIDEO},
        "n_requests": N_REQUESTS,
        "draws": TWIN_DRAWS,
        "seed": REQUEST_SEED,
        "z_99": Z_99,
        "minutes_per_month": MINUTES_PER_MONTH,
        "latency_edges_s": [int(edge) for edge in LATENCY_EDGES_S],
        "key": REQUEST_KEY,
    }


def fanout_outcome(n_calls: float, p_slow_percent: float) -> Outcome:
    """Share of slow requests against the number of parallel calls, with the chosen fan-out marked."""
    calls = np.arange(1, MAX_CALLS + 1)
    p = p_slow_percent / 100
    n = int(round(n_calls))
    share = float(fanout_slow_share(n, p))
    if n == 1:
        takeaway = f"With one call, a request is slow exactly as often as the call: {share:.1%} of the time."
    else:
        takeaway = (
            f"{share:.1%} of requests wait for a slow call: {n:,} calls make it {share / p:,.1f} times "
            f"as common as for one call, not {n:,} times."
        )
    return Outcome(
        {
            "curve": pd.DataFrame({"calls": calls, "share": fanout_slow_share(calls, p)}),
            "mine": pd.DataFrame(
                {"calls": [n], "share": [share], "label": [f"{n:,} call{'' if n == 1 else 's'}: {share:.1%} slow"]}
            ),
        },
        {
            "Share of requests that are slow": f"{share:.1%}, waiting for {n:,} parallel call{'' if n == 1 else 's'}",
            "Out of 1,000 requests": f"about {1000 * share:,.0f} wait for at least one slow call",
            "One call alone": f"slow {p:.1%} of the time",
        },
        takeaway=takeaway,
        key=(FANOUT_KEY, 100 * share),
    )


def _fanout_chart() -> alt.TopLevelMixin:
    x = alt.X("calls:Q", title="Parallel calls a request waits for", scale=alt.Scale(domain=[0, MAX_CALLS]))
    y = alt.Y("share:Q", axis=percent_axis("Requests that are slow"), scale=alt.Scale(domain=[0, 1]))
    curve = alt.Chart(alt.Data(name="curve")).mark_line(color=PALETTE[0]).encode(x=x, y=y)
    mine = (
        alt.Chart(alt.Data(name="mine"))
        .mark_point(shape="diamond", size=140, filled=True, opacity=1, color=PALETTE[1])
        .encode(x=x, y=y)
    )
    labels = [  # below right of the diamond, clear of the rising curve; above left near the right edge
        alt.Chart(alt.Data(name="mine"))
        .transform_filter(keep)
        .mark_text(align=align, baseline="top", dx=dx, dy=dy, fontSize=12, fontWeight="bold")
        .encode(x=x, y=y, text="label:N")
        for keep, align, dx, dy in FANOUT_LABEL_SPOTS
    ]
    corner = (  # a low diamond's label, marked with a diamond of its own
        alt.Chart(alt.Data(name="mine"))
        .transform_filter(alt.datum.share < LOW_DIAMOND_SHARE)
        .transform_calculate(corner_label="'\u25c6 ' + datum.label")
        .mark_text(
            align="right", baseline="bottom", x="width", y="height", dx=-4, dy=-6, fontSize=12, fontWeight="bold"
        )
        .encode(text="corner_label:N")
    )
    return alt.layer(curve, mine, *labels, corner).properties(
        title="A request is as slow as its slowest call",
        description=(
            "Line chart of the share of requests that are slow, from 0 to 100 percent, against the number of "
            f"parallel calls each request waits for, from 1 to {MAX_CALLS}, when each call is slow with the "
            "chosen probability. A diamond marks the chosen number of calls."
        ),
        width=420,
        height=260,
    )


def fanout_panel(n_calls: int, p_slow: float) -> WhatIf:
    """The lesson 04 fan-out panel, starting from ``n_calls`` calls each slow with probability ``p_slow``."""
    paper = {"n_calls": int(n_calls), "p_slow_percent": round(100 * p_slow, 1)}
    presets = {
        "The Tail at Scale": Preset(
            paper,
            f"Dean and Barroso's example: {paper['n_calls']} servers, each slow one call in "
            f"{100 / paper['p_slow_percent']:.0f} (The Tail at Scale, 2013).",
        ),
        "Half the tail": Preset(
            {**paper, "p_slow_percent": round(paper["p_slow_percent"] / 2, 1)},
            "The paper's fan-out with each call slow half as often, what cutting each call's tail buys.",
        ),
        "Occasionally slow": Preset(
            {**paper, "p_slow_percent": 5.0},
            "An assumption: a service slow one call in twenty, fanned out as wide as the paper's.",
        ),
        "One call": Preset(
            {**paper, "n_calls": 1},
            "No fan-out: one call, slow as often as the paper's servers.",
        ),
    }
    return WhatIf(
        title="The tail at scale",
        controls=[
            Slider("n_calls", "Parallel calls per request", min=1, max=MAX_CALLS, step=1, value=paper["n_calls"]),
            Slider(
                "p_slow_percent",
                "Chance that one call is slow",
                min=0.1,
                max=10,
                step=0.1,
                value=paper["p_slow_percent"],
                suffix="%",
            ),
        ],
        compute=fanout_outcome,
        chart=_fanout_chart(),
        presets=presets,
        name="fanout",
        twin=Twin("request", "fanout_outcome", params={"max_calls": MAX_CALLS, "key": FANOUT_KEY}),
    )
