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
  ``sum_i P(reach step i) * width_i * cost_i * attempts_i``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from ..validation import check_count, check_nonnegative, check_positive, check_probability
from .reliability import MINUTES_PER_MONTH

Z_99 = 2.3263478740408408  # standard normal quantile at 0.99

__all__ = ["Service", "RequestSummary", "simulate_requests", "expected_request_cost", "request_success_rate"]


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
        check_positive(self.median_ms, f"{self.name}.median_ms")
        if self.p99_ms < self.median_ms:
            raise ValueError(
                f"{self.name}.p99_ms must be at least median_ms ({self.median_ms:g}), got {self.p99_ms:g}."
            )
        check_probability(self.availability, f"{self.name}.availability")
        check_nonnegative(self.cost_per_call, f"{self.name}.cost_per_call")
        check_count(self.width, f"{self.name}.width", 1, 1000)

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
    succeeded: NDArray[np.bool_]


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
    """Simulate ``n_requests`` requests through ``services`` in order; reproducible with ``seed``."""
    retries = _check_run(services, retries)
    n = int(check_count(n_requests, "n_requests", 100, 1_000_000))
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
        float(cost.mean()), float(p50), float(p99), success, (1 - success) * MINUTES_PER_MONTH, latency, cost, alive
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
