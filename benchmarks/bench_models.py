"""Benchmark of the model library: ``make bench-models`` (or ``python benchmarks/bench_models.py``).

Prints medians over repeated runs, never asserts: the machine is shared and
timings are noisy, so these figures are read, compared and reported, not tested.

- ``simulate_portfolios`` of 100,000 portfolios of 25 deals, against the same
  simulation written as a loop in pure Python (the baseline to beat by 50x);
- every closed-form model over a 1,000-point grid (target: under 1 ms each).
"""

from __future__ import annotations

import random
import statistics
import timeit

import numpy as np

from utils import models as m

PORTFOLIOS, DEALS, P_ZERO, ALPHA = 100_000, 25, 0.5, 1.5


def pure_python_portfolios(n_portfolios: int, n_deals: int, p_zero: float, alpha: float, seed: int = 0) -> list[float]:
    """The baseline: one deal at a time, with the standard library's Pareto sampler."""
    rng = random.Random(seed)
    results = []
    for _ in range(n_portfolios):
        total = 0.0
        for _ in range(n_deals):
            total += 0.0 if rng.random() < p_zero else rng.paretovariate(alpha)
        results.append(total / n_deals)
    return results


def median_seconds(call, repeat: int, number: int = 1) -> float:
    return statistics.median(timeit.repeat(call, repeat=repeat, number=number)) / number


def grid_models() -> dict[str, object]:
    grid = np.linspace(0.01, 0.99, 1000)
    amounts = np.linspace(1, 1000, 1000)
    return {
        "reserved_monthly_cost": lambda: m.reserved_monthly_cost(2.86, grid, 2.0),
        "serverless_monthly_cost": lambda: m.serverless_monthly_cost(3.95, grid, 200, 45),
        "breakeven_utilization": lambda: m.breakeven_utilization(grid + 1, 3.95),
        "series_availability": lambda: m.series_availability(0.9 + 0.1 * grid),
        "monthly_downtime_minutes": lambda: m.monthly_downtime_minutes(grid),
        "fanout_slow_share": lambda: m.fanout_slow_share(100, grid),
        "lifetime_value": lambda: m.lifetime_value(1000, 0.75, grid),
        "nrr_revenue": lambda: m.nrr_revenue(100, 1 + grid, 5),
        "app_gross_margin": lambda: m.app_gross_margin(20, grid * 10, 3, 1),
        "hhi": lambda: m.hhi(amounts),
        "gini": lambda: m.gini(amounts),
        "top_n_share": lambda: m.top_n_share(amounts, 10),
        "deal_mean_multiple": lambda: m.deal_mean_multiple(grid, 1.5),
        "prob_at_least_one_hit": lambda: m.prob_at_least_one_hit(20, grid, 1.5),
        "seconds_per_million_tokens": lambda: m.seconds_per_million_tokens(grid * 1e11, 1e15, 0.5),
        "gpus_to_hold_weights": lambda: m.gpus_to_hold_weights(grid * 1e12, 2, 80),
        "revenue_cv": lambda: m.revenue_cv(100, grid),
        "prob_still_leading": lambda: m.prob_still_leading(grid * 100, 4, 0.3),
        "cumulative_gross_profit (1,000 months)": lambda: m.cumulative_gross_profit(
            3, 0.5, base_churn=0.007, extra_churn=0.05, price_erosion=0.5, months=240
        ),
        "expected_capture": lambda: m.expected_capture(grid[:3], np.full((3, 4), 0.25)),
    }


def main() -> None:
    vectorized = median_seconds(lambda: m.simulate_portfolios(PORTFOLIOS, DEALS, P_ZERO, ALPHA), repeat=7)
    baseline = median_seconds(lambda: pure_python_portfolios(PORTFOLIOS, DEALS, P_ZERO, ALPHA), repeat=3)
    print(f"simulate_portfolios({PORTFOLIOS:,} x {DEALS} deals): median {vectorized * 1e3:.1f} ms (target < 300 ms)")
    print(f"pure-Python loop baseline:                 median {baseline * 1e3:.0f} ms")
    print(f"speed-up: {baseline / vectorized:.0f}x (target >= 50x)")
    print()
    print(f"{'closed-form model over a 1,000-point grid':45} {'median':>10}")
    slowest = 0.0
    for name, call in grid_models().items():
        seconds = median_seconds(call, repeat=7, number=200)
        slowest = max(slowest, seconds)
        print(f"{name:45} {seconds * 1e6:8.1f} us")
    print(f"slowest: {slowest * 1e6:.1f} us (target < 1,000 us)")


if __name__ == "__main__":
    main()
