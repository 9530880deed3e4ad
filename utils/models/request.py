"""One request through several services: cost, latency and failure by seeded Monte Carlo (lesson 04).

Each service is called in turn. A call's latency is lognormal, fixed by its
median and 99th percentile: ``sigma = ln(p99 / median) / z_0.99`` with
``z_0.99 = 2.3263``. Each attempt succeeds with the service's availability;
a failed attempt is retried up to ``retries`` times, each attempt billed and
timed. A service with a fan-out ``width`` is called that many times in
parallel: the step takes as long as its slowest call and fails if any call
finally fails. A request stops at the first step that fails.

Closed forms the simulation agrees with (tested):

- success of one call: ``s = 1 - (1 - a) ** (r + 1)``; of a step: ``s ** width``;
  of the request: the product over steps;
- expected attempts of one call: ``sum_{k=0..r} (1 - a) ** k``; expected cost:
  ``sum_i P(reach step i) * width_i * cost_i * attempts_i``;
- what each step adds: ``step_costs`` (USD per request, summing to the expected
  cost) and ``step_downtime`` (minutes a month its failures amount to,
  ``(1 - s ** width) * 43,800``).

Lesson 04's request calls the five services of ``data/service_profiles.csv`` in
``REQUEST_ORDER`` (the course's reading of the essay, which names the services
but not their order); ``profile_services`` builds them, and ``vendor_comparison``
puts another vendor in one step. Its simulations use ``N_REQUESTS`` requests and
the seed ``REQUEST_SEED``, so a lesson, its panel and its tests draw the same dice.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from numpy.typing import NDArray

from ..validation import check_count, check_memory
from .reliability import MINUTES_PER_MONTH, monthly_downtime_minutes

Z_99 = 2.3263478740408408  # standard normal quantile at 0.99
MAX_WIDTH = 1000  # parallel calls one step may fan out to
# Peak memory of a simulation, per request and parallel call: the step's arrays and
# numpy's temporaries (measured: about 34 bytes with no retries, 41 with three).
BYTES_PER_CALL = 42
BYTES_PER_REQUEST = 64  # the request's own arrays: latency, cost, success, percentile copy

# Lesson 04's request, in the order it calls the services: the course's reading of
# the essay, which names the five services but not their order.
REQUEST_ORDER = ("vector database", "LLM provider", "text-to-speech", "video renderer", "blob storage")
N_REQUESTS = 3_000  # requests lesson 04 simulates at a time: enough for a p99, fast enough to follow a slider
REQUEST_SEED = 4  # one seed everywhere in lesson 04: moving a slider back gives the same numbers

__all__ = [
    "N_REQUESTS",
    "REQUEST_ORDER",
    "REQUEST_SEED",
    "Service",
    "RequestSummary",
    "simulate_requests",
    "expected_request_cost",
    "request_success_rate",
    "step_costs",
    "step_downtime",
    "profile_services",
    "vendor_comparison",
]


def _is_number(value: Any) -> bool:
    """A real number, not text and not True/False (``'800'`` is not 800)."""
    return isinstance(value, int | float | np.integer | np.floating) and not isinstance(value, bool | np.bool_)


def _is_finite_number(value: Any) -> bool:
    return _is_number(value) and math.isfinite(value)


def _shown(value: Any) -> str:
    """A bad value as a learner would read it: ``nan``, ``-5``, ``'800'``."""
    return f"{float(value):g}" if _is_number(value) else repr(value)


def _check_field(
    where: str, value: Any, low: float, high: float = math.inf, *, low_open: bool = False, whole: bool = False
) -> float:
    """A service's number, refused unless finite and in its range; the error names the field and the range."""
    number = _is_number(value)
    ok = (
        _is_finite_number(value)
        and (value > low if low_open else value >= low)
        and value <= high
        and (not whole or float(value).is_integer())
    )
    if not ok:
        interval = f"{'(' if low_open else '['}{low:g}, {'inf)' if math.isinf(high) else f'{high:g}]'}"
        kind = "a whole number in" if whole else ("in" if number else "a number in")
        raise ValueError(f"{where} must be {kind} {interval}, got {_shown(value)}.")
    return float(value)


@dataclass(frozen=True)
class Service:
    """A service a request calls: latency (ms), availability (probability), cost per call (USD), fan-out width."""

    name: str
    median_ms: float
    p99_ms: float
    availability: float
    cost_per_call: float
    width: int = 1

    def __post_init__(self) -> None:
        """Refuse NaN, infinite, negative or out-of-range figures, naming the field and its valid range."""
        median = _check_field(f"{self.name}.median_ms", self.median_ms, 0.0, low_open=True)
        if not (_is_finite_number(self.p99_ms) and self.p99_ms >= median):
            raise ValueError(
                f"{self.name}.p99_ms must be at least median_ms: in [{median:g}, inf), got {_shown(self.p99_ms)}."
            )
        _check_field(f"{self.name}.availability", self.availability, 0.0, 1.0)
        _check_field(f"{self.name}.cost_per_call", self.cost_per_call, 0.0)
        width = _check_field(f"{self.name}.width", self.width, 1, MAX_WIDTH, whole=True)
        object.__setattr__(self, "width", int(width))  # 3.0 parallel calls are 3

    @property
    def sigma(self) -> float:
        """Shape of the lognormal latency: ``ln(p99 / median) / z_0.99``."""
        return float(np.log(self.p99_ms / self.median_ms) / Z_99)

    def call_success(self, retries: int) -> float:
        return 1 - (1 - self.availability) ** (retries + 1)

    def expected_attempts(self, retries: int) -> float:
        return sum((1 - self.availability) ** k for k in range(retries + 1))


@dataclass(frozen=True)
class RequestSummary:
    """What a learner reads off a simulation of many requests."""

    cost_per_request: float  # USD, mean over requests
    p50_ms: float
    p99_ms: float
    success_rate: float  # share of requests that got an answer
    downtime_minutes: float  # a month, if failures came as one outage: (1 - success) * 43,800
    latencies_ms: NDArray[np.float64]
    costs: NDArray[np.float64]


def _step(service: Service, retries: int, n: int, rng: np.random.Generator):
    """Latency, cost and success of one step for ``n`` requests (each with ``width`` parallel calls)."""
    shape = (n, service.width)
    latency = np.zeros(shape)
    attempts = np.zeros(shape)
    pending = np.ones(shape, dtype=bool)
    for _ in range(retries + 1):
        draws = service.median_ms * np.exp(service.sigma * rng.standard_normal(shape))
        latency += np.where(pending, draws, 0.0)
        attempts += pending
        pending &= rng.random(shape) >= service.availability
    return latency.max(axis=1), (attempts * service.cost_per_call).sum(axis=1), ~pending.any(axis=1)


def _check_run(services: Sequence[Service], retries: int) -> int:
    if not services:
        raise ValueError("services must name at least one service, got an empty list.")
    return int(check_count(retries, "retries", 0, 10))


def simulate_requests(
    services: Sequence[Service], retries: int = 0, n_requests: int = 20_000, seed: int = 0
) -> RequestSummary:
    """Simulate ``n_requests`` requests through ``services`` in order; reproducible with ``seed``.

    Work over the memory budget (``utils.validation.MEMORY_BUDGET_BYTES``) is refused at
    once, naming the sizes: each request and parallel call takes about 42 bytes.
    """
    retries = _check_run(services, retries)
    n = int(check_count(n_requests, "n_requests", 100, 1_000_000))
    widest = max(service.width for service in services)
    check_memory(BYTES_PER_CALL * n * widest + BYTES_PER_REQUEST * n, n_requests=n, width=widest)
    # One random stream per service ("common random numbers"): changing one service's
    # settings, or the number of retries, leaves the other services' draws alone.
    streams = [np.random.default_rng(child) for child in np.random.SeedSequence(seed).spawn(len(services))]
    latency, cost, alive = np.zeros(n), np.zeros(n), np.ones(n, dtype=bool)
    for service, rng in zip(services, streams, strict=True):
        step_latency, step_cost, step_ok = _step(service, retries, n, rng)
        latency += np.where(alive, step_latency, 0.0)
        cost += np.where(alive, step_cost, 0.0)
        alive &= step_ok
    success = float(alive.mean())
    p50, p99 = np.percentile(latency, [50, 99])
    return RequestSummary(
        float(cost.mean()), float(p50), float(p99), success, (1 - success) * MINUTES_PER_MONTH, latency, cost
    )


def request_success_rate(services: Sequence[Service], retries: int = 0) -> float:
    """Closed form: the product over steps of ``(1 - (1 - a) ** (r + 1)) ** width``."""
    retries = _check_run(services, retries)
    return float(np.prod([s.call_success(retries) ** s.width for s in services]))


def expected_request_cost(services: Sequence[Service], retries: int = 0) -> float:
    """Closed form of the mean cost per request in USD (a failed step stops the request)."""
    retries = _check_run(services, retries)
    total, reach = 0.0, 1.0
    for service in services:
        total += reach * service.width * service.cost_per_call * service.expected_attempts(retries)
        reach *= service.call_success(retries) ** service.width
    return total


def step_costs(services: Sequence[Service], retries: int = 0) -> NDArray[np.float64]:
    """Expected cost of each step per request (USD): what each step adds to :func:`expected_request_cost`.

    ``P(reach step i) * width_i * cost_i * sum_{k=0..r} (1 - a_i) ** k``; the steps sum to
    the expected cost of the request.
    """
    totals = [expected_request_cost(services[: i + 1], retries) for i in range(len(services))]
    return np.diff(totals, prepend=0.0)


def step_downtime(services: Sequence[Service], retries: int = 0) -> NDArray[np.float64]:
    """Minutes a month that each step's failures amount to: ``(1 - (1 - (1 - a) ** (r + 1)) ** width) * 43,800``.

    Each step is counted alone (its own success rate), so the minutes add up to about
    the request's downtime while failure rates are small.
    """
    return np.array([monthly_downtime_minutes(request_success_rate([service], retries)) for service in services])


def profile_services(
    profiles: pd.DataFrame | Sequence[Mapping[str, Any]], order: Sequence[str] = REQUEST_ORDER
) -> list[Service]:
    """The services of ``data/service_profiles.csv`` as model services, in the order a request calls them.

    ``profiles`` (a DataFrame, or a list of rows) has one row per ``service`` with
    ``latency_median_ms``, ``latency_p99_ms`` (ms), ``availability`` (a probability) and
    ``cost_per_call_usd`` (USD).
    """
    rows = pd.DataFrame(profiles).set_index("service")
    missing = [name for name in order if name not in rows.index]
    if missing:
        raise ValueError(f"profiles has no row for {missing}; it has {list(rows.index)}.")
    return [
        Service(
            name=name,
            median_ms=float(rows.at[name, "latency_median_ms"]),
            p99_ms=float(rows.at[name, "latency_p99_ms"]),
            availability=float(rows.at[name, "availability"]),
            cost_per_call=float(rows.at[name, "cost_per_call_usd"]),
        )
        for name in order
    ]


def vendor_comparison(
    baseline: Sequence[Service],
    vendors: Mapping[str, Service],
    retries: Sequence[int] = (0, 1),
    n_requests: int = N_REQUESTS,
    seed: int = REQUEST_SEED,
) -> pd.DataFrame:
    """The whole request with each vendor in its step, for each number of retries: one row per pair.

    Each vendor is a :class:`Service` that takes the place of the baseline service of the
    same name. Columns: ``vendor``, ``retries``, ``cost_per_request`` (USD, closed form),
    ``success_rate`` (closed form), ``downtime_minutes`` (a month, ``(1 - success) * 43,800``),
    ``p50_s`` and ``p99_s`` (seconds, simulated with ``n_requests`` and ``seed``).
    """
    names = [service.name for service in baseline]
    rows = []
    for label, vendor in vendors.items():
        if vendor.name not in names:
            raise ValueError(f"vendor {label!r} replaces {vendor.name!r}, which the request does not call.")
        services = [vendor if service.name == vendor.name else service for service in baseline]
        for r in retries:
            run = simulate_requests(services, r, n_requests, seed)
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
