"""The panels of lesson 04: one request through five services, and the tail of a fan-out.

``request_panel`` runs a seeded simulation of requests through the five services
of ``data/service_profiles.csv`` and shows the spread of their latency, with
each service's expected cost and the downtime its failures amount to.
``fanout_panel`` shows the closed form of "The Tail at Scale": a request that
waits for ``n`` parallel calls, each slow with probability ``p``, is slow with
probability ``1 - (1 - p) ** n``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from functools import partial

import altair as alt
import numpy as np
import pandas as pd

from ..charts import PALETTE, percent_axis
from ..models import (
    Service,
    expected_request_cost,
    fanout_slow_share,
    monthly_downtime_minutes,
    request_success_rate,
    simulate_requests,
)
from ..whatif import Outcome, Slider, WhatIf

# The order in which one content-generation request calls the services: the
# course's reading of the essay, which names the five services but not their order.
REQUEST_ORDER = ("vector database", "LLM provider", "text-to-speech", "video renderer", "blob storage")
FANOUT_SERVICE = "vector database"  # the step the fan-out slider widens
LLM, VIDEO = "LLM provider", "video renderer"

N_REQUESTS = 3_000  # requests simulated per update: enough for a p99, fast enough to follow a slider
SEED = 4  # the same seed on every update, so that moving a slider back gives the same numbers
LATENCY_EDGES_S = np.arange(0, 122, 2)  # 2-second bins up to 120 s; slower requests join the last bin

MAX_CALLS = 200  # the fan-out chart's range of calls per request
STAT_DASHES = {"p50": [1, 0], "p99": [6, 3]}


def profile_services(profiles: pd.DataFrame) -> list[Service]:
    """The services of ``data/service_profiles.csv`` as model services, in the order a request calls them."""
    rows = profiles.set_index("service")
    return [
        Service(
            name=name,
            median_ms=float(rows.at[name, "latency_median_ms"]),
            p99_ms=float(rows.at[name, "latency_p99_ms"]),
            availability=float(rows.at[name, "availability"]),
            cost_per_call=float(rows.at[name, "cost_per_call_usd"]),
        )
        for name in REQUEST_ORDER
    ]


def _edited(
    services: Sequence[Service], fanout_width: int, llm_p99_s: float, llm_availability_percent: float, video_cost: float
) -> list[Service]:
    """The services with the panel's five figures put in."""
    changes = {
        FANOUT_SERVICE: {"width": fanout_width},
        LLM: {"p99_ms": llm_p99_s * 1000, "availability": llm_availability_percent / 100},
        VIDEO: {"cost_per_call": video_cost},
    }
    return [replace(service, **changes.get(service.name, {})) for service in services]


def step_costs(services: Sequence[Service], retries: int) -> np.ndarray:
    """Expected cost of each step per request (USD): what each step adds to ``expected_request_cost``."""
    totals = [expected_request_cost(services[: i + 1], retries) for i in range(len(services))]
    return np.diff(totals, prepend=0.0)


def step_downtime(services: Sequence[Service], retries: int) -> np.ndarray:
    """Minutes a month that each step's failures amount to: ``(1 - step success) * 43,800``."""
    return np.array([monthly_downtime_minutes(request_success_rate([service], retries)) for service in services])


def vendor_comparison(
    baseline: Sequence[Service], vendors: Mapping[str, Service], retries: Sequence[int] = (0, 1)
) -> pd.DataFrame:
    """The whole request with each vendor in its step, for each number of retries: one row per pair.

    Each vendor is a :class:`Service` that takes the place of the baseline service of the
    same name. Columns: ``vendor``, ``retries``, ``cost_per_request`` (USD, closed form),
    ``success_rate`` (closed form), ``downtime_minutes`` (a month), ``p50_s`` and ``p99_s``
    (simulated with the panel's ``N_REQUESTS`` and ``SEED``).
    """
    names = [service.name for service in baseline]
    rows = []
    for label, vendor in vendors.items():
        if vendor.name not in names:
            raise ValueError(f"vendor {label!r} replaces {vendor.name!r}, which the request does not call.")
        services = [vendor if service.name == vendor.name else service for service in baseline]
        for r in retries:
            run = simulate_requests(services, r, N_REQUESTS, SEED)
            success = request_success_rate(services, r)
            rows.append(
                {
                    "vendor": label,
                    "retries": int(r),
                    "cost_per_request": expected_request_cost(services, r),
                    "success_rate": success,
                    "downtime_minutes": monthly_downtime_minutes(success),
                    "p50_s": run.p50_ms / 1000,
                    "p99_s": run.p99_ms / 1000,
                }
            )
    return pd.DataFrame(rows)


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
    run = simulate_requests(services, retries, N_REQUESTS, SEED)
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
            "downtime_label": [f"{d:,.1f} min" for d in downtime],
        }
    )
    expected_cost = expected_request_cost(services, retries)
    success = request_success_rate(services, retries)
    minutes = monthly_downtime_minutes(success)
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
    )


def _request_chart() -> alt.VConcatChart:
    histogram = (
        alt.Chart(alt.Data(name="latency"))
        .mark_bar(color=PALETTE[0])
        .encode(
            x=alt.X(
                "start:Q",
                bin="binned",
                title="Request latency (seconds); the last bar includes every slower request",
                scale=alt.Scale(domain=[0, float(LATENCY_EDGES_S[-1])]),
            ),
            x2="end:Q",
            y=alt.Y("requests:Q", title=f"Requests (of {N_REQUESTS:,})"),
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
    labels = (
        alt.Chart(alt.Data(name="percentiles"))
        .mark_text(align="left", baseline="bottom", dx=3, y=-4, color=PALETTE[6], fontSize=12, fontWeight="bold")
        .encode(x=x, text="label:N")
    )
    top = alt.layer(histogram, rules, labels).properties(width=520, height=190)

    service = alt.Y("service:N", sort=list(REQUEST_ORDER), title=None)
    base = alt.Chart(alt.Data(name="steps")).encode(y=service)
    cost_x = alt.X(
        "cost:Q",
        title="Expected cost per request (USD)",
        scale=alt.Scale(domain=[0, 0.25]),
        axis=alt.Axis(format="$.2f", tickCount=5),
    )
    cost = (
        base.mark_bar(color=PALETTE[2]).encode(x=cost_x)
        + base.mark_text(align="left", dx=3, fontSize=11).encode(x=cost_x, text="cost_label:N")
    ).properties(width=170, height=130)
    down_x = alt.X("downtime:Q", title="Downtime a month it causes (minutes)", scale=alt.Scale(domain=[0, 450]))
    downtime = (
        base.mark_bar(color=PALETTE[1]).encode(x=down_x)
        + base.mark_text(align="left", dx=3, fontSize=11).encode(x=down_x, text="downtime_label:N")
    ).properties(width=170, height=130)

    return alt.vconcat(top, alt.hconcat(cost, downtime, spacing=50), spacing=25).properties(
        title=alt.Title("One request through five services: latency, cost and failures", offset=18),
        description=(
            f"Top: histogram of the latency of {N_REQUESTS:,} simulated requests, in seconds, with a solid "
            "vertical line at the median (p50) and a dashed line at the 99th percentile (p99). Bottom left: "
            "bars of each service's expected cost per request in US dollars. Bottom right: bars of the "
            "minutes a month that each service's failures amount to. Services from top to bottom: vector "
            "database, LLM provider, text-to-speech, video renderer, blob storage."
        ),
    )


def request_panel(baseline: Sequence[Service]) -> WhatIf:
    """The lesson 04 request panel, starting from ``baseline`` (the services of the data, no retries, no fan-out)."""
    by_name = {service.name: service for service in baseline}
    llm, video = by_name[LLM], by_name[VIDEO]
    return WhatIf(
        title="One request, five services: move the sliders",
        controls=[
            Slider("retries", "Retries after a failed call", 0, 3, 1, 0),
            Slider(
                "fanout_width", "Vector-database fan-out (parallel searches)", 1, 20, 1, by_name[FANOUT_SERVICE].width
            ),
            Slider("llm_p99_s", "LLM provider's p99 latency", 2, 30, 2, round(llm.p99_ms / 1000), suffix=" s"),
            Slider(
                "llm_availability_percent",
                "LLM provider's availability",
                99,
                99.99,
                0.01,
                round(100 * llm.availability, 2),
                suffix="%",
            ),
            Slider(
                "video_cost", "Video renderer's cost per call", 0, 0.2, 0.01, round(video.cost_per_call, 2), prefix="$"
            ),
        ],
        compute=partial(request_outcome, list(baseline)),
        chart=_request_chart(),
    )


def fanout_outcome(n_calls: float, p_slow_percent: float) -> Outcome:
    """Share of slow requests against the number of parallel calls, with the chosen fan-out marked."""
    calls = np.arange(1, MAX_CALLS + 1)
    p = p_slow_percent / 100
    n = int(round(n_calls))
    share = fanout_slow_share(n, p)
    return Outcome(
        {
            "curve": pd.DataFrame({"calls": calls, "share": fanout_slow_share(calls, p)}),
            "mine": pd.DataFrame({"calls": [n], "share": [share], "label": [f"{n} calls: {share:.1%} slow"]}),
        },
        {
            "Share of requests that are slow": f"{share:.1%}, waiting for {n} parallel call{'' if n == 1 else 's'}",
            "Out of 1,000 requests": f"about {1000 * share:,.0f} wait for at least one slow call",
            "One call alone": f"slow {p:.1%} of the time",
        },
    )


def _fanout_chart() -> alt.LayerChart:
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
        .mark_text(align=align, baseline=baseline, dx=dx, dy=dy, fontSize=12, fontWeight="bold")
        .encode(x=x, y=y, text="label:N")
        for keep, align, baseline, dx, dy in (
            (alt.datum.calls <= 150, "left", "top", 8, 6),
            (alt.datum.calls > 150, "right", "bottom", -8, -8),
        )
    ]
    return alt.layer(curve, mine, *labels).properties(
        title="A request is as slow as its slowest call",
        description=(
            "Line chart of the share of requests that are slow, from 0 to 100 percent, against the number of "
            f"parallel calls each request waits for, from 1 to {MAX_CALLS}, when each call is slow with the "
            "chosen probability. A diamond marks the chosen number of calls."
        ),
        width=480,
        height=240,
    )


def fanout_panel(n_calls: int, p_slow: float) -> WhatIf:
    """The lesson 04 fan-out panel, starting from ``n_calls`` calls each slow with probability ``p_slow``."""
    return WhatIf(
        title="The tail at scale: move the sliders",
        controls=[
            Slider("n_calls", "Parallel calls per request", 1, MAX_CALLS, 1, int(n_calls)),
            Slider("p_slow_percent", "Chance that one call is slow", 0.1, 10, 0.1, round(100 * p_slow, 1), suffix="%"),
        ],
        compute=fanout_outcome,
        chart=_fanout_chart(),
    )
