"""Model-agnostic demand: reshuffles of model leadership, and customer diversification (lesson 06).

**Diversification.** A vendor with N equal customers whose revenues each vary
with coefficient of variation CV and are pairwise correlated with rho has a
total whose CV is ``CV * sqrt((1 + (N - 1) * rho) / N)``. With rho = 0 it falls
like 1 / sqrt(N); with rho > 0 it never falls below ``CV * sqrt(rho)``.
Worked example (lesson 06): N = 100 gives 0.10 * CV for rho = 0 and
0.4561 * CV for rho = 0.2. That CV is what ``N / (1 + (N - 1) * rho)``
independent customers would give (:func:`independent_equivalent`), and the
fewest customers within 10 % of the floor is the smallest N with
``(1 + (N - 1) * rho) / N <= 1.1^2 * rho`` (:func:`customers_to_near_floor`).

**Leadership reshuffles.** K foundation models; each quarter, with probability
r, leadership passes to one of the other K - 1 models at random. An app built
on one model earns its full revenue while that model leads and ``1 - penalty``
of it otherwise; an infrastructure vendor serving every model earns the same
whoever leads. Starting as leader, the chance the app's model leads after t
quarters is ``1/K + (1 - 1/K) * (1 - r * K / (K - 1)) ** t``; the app's
expected revenue averaged over quarters 1 to T is :func:`average_app_revenue`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ..validation import check_count, check_memory, check_probability, check_range
from ._numeric import Number, scalar_or_array

__all__ = [
    "revenue_cv",
    "revenue_cv_floor",
    "independent_equivalent",
    "customers_to_near_floor",
    "prob_still_leading",
    "expected_app_revenue",
    "average_app_revenue",
    "ReshuffleSimulation",
    "simulate_reshuffles",
]


def revenue_cv(n_customers: ArrayLike, rho: ArrayLike, cv_single: ArrayLike = 1.0) -> Number:
    """CV of total revenue from N equal customers: ``CV * sqrt((1 + (N - 1) * rho) / N)``.

    >>> round(revenue_cv(100, 0.2), 4)
    0.4561
    """
    n = check_count(n_customers, "n_customers", 1, 1e9)
    correlation = check_probability(rho, "rho")
    cv = check_range(cv_single, "cv_single", 0.0)
    return scalar_or_array(cv * np.sqrt((1 + (n - 1) * correlation) / n))


def revenue_cv_floor(rho: ArrayLike) -> Number:
    """The CV no number of customers gets below, per unit of one customer's CV: ``sqrt(rho)``.

    >>> round(revenue_cv_floor(0.2), 4)
    0.4472
    """
    return scalar_or_array(np.sqrt(check_probability(rho, "rho")))


def independent_equivalent(n_customers: ArrayLike, rho: ArrayLike) -> Number:
    """How many independent customers are as steady as N customers correlated at rho: ``N / (1 + (N - 1) * rho)``.

    N independent customers give a CV of ``1 / sqrt(N)`` times one customer's, so
    a CV of ``c`` is worth ``1 / c^2`` of them; at rho = 1 a list of any length is
    worth one customer, and the count never exceeds ``1 / rho``.

    >>> round(independent_equivalent(100, 0.2), 1)
    4.8
    """
    n = check_count(n_customers, "n_customers", 1, 1e9)
    correlation = check_probability(rho, "rho")
    return scalar_or_array(n / (1 + (n - 1) * correlation))


def customers_to_near_floor(rho: float, within: float = 0.10) -> int | None:
    """Fewest customers whose revenue CV is within ``within`` (a share) of the floor ``sqrt(rho)``.

    The smallest whole N with ``sqrt((1 + (N - 1) rho) / N) <= (1 + within) sqrt(rho)``,
    that is ``N >= (1 - rho) / (rho ((1 + within)^2 - 1))``, and at least 1;
    ``None`` when rho = 0, where there is no floor and the CV keeps falling.

    >>> customers_to_near_floor(0.2)
    20
    """
    correlation = float(check_probability(rho, "rho"))
    margin = float(check_range(within, "within", 0.0, 10.0))
    if margin == 0:
        raise ValueError("within must be above 0: no finite number of correlated customers reaches the floor itself.")
    if correlation == 0:
        return None
    limit = (1 + margin) ** 2 * correlation  # the squared CV the customers must get down to

    def close_enough(n: int) -> bool:
        return (1 + (n - 1) * correlation) / n <= limit * (1 + 1e-12)

    needed = max(1, math.ceil((1 - correlation) / (correlation * ((1 + margin) ** 2 - 1)) - 1e-9))
    while needed > 1 and close_enough(needed - 1):  # floating-point dust either way of a whole number
        needed -= 1
    while not close_enough(needed):
        needed += 1
    return needed


def _models(n_models: int) -> int:
    return int(check_count(n_models, "n_models", 2, 50))


def prob_still_leading(quarters: ArrayLike, n_models: int, reshuffle_rate: float) -> Number:
    """Chance the app's model leads after t quarters, having led at t = 0.

    ``1/K + (1 - 1/K) * (1 - r * K / (K - 1)) ** t``

    >>> prob_still_leading(0, 4, 0.3)
    1.0
    >>> round(prob_still_leading(1, 4, 0.3), 4)
    0.7
    """
    k = _models(n_models)
    r = float(check_probability(reshuffle_rate, "reshuffle_rate"))
    t = check_count(quarters, "quarters", 0, 400)  # whole quarters: the leader changes once a quarter
    return scalar_or_array(1 / k + (1 - 1 / k) * (1 - r * k / (k - 1)) ** t)


def expected_app_revenue(quarters: ArrayLike, n_models: int, reshuffle_rate: float, penalty: float) -> Number:
    """The app's expected revenue in quarter t, as a share of full revenue.

    Its model leads with probability P(t) (:func:`prob_still_leading`); then it
    earns 1, otherwise ``1 - penalty``: ``P(t) + (1 - P(t)) * (1 - penalty)``.

    >>> round(expected_app_revenue(1, 4, 0.3, 0.4), 2)  # P(1) = 0.7: 0.7 + 0.3 * 0.6
    0.88
    """
    leading = np.asarray(prob_still_leading(quarters, n_models, reshuffle_rate))
    loss = check_probability(penalty, "penalty")
    return scalar_or_array(leading + (1 - leading) * (1 - loss))


def average_app_revenue(horizon: int, n_models: int, reshuffle_rate: float, penalty: float) -> float:
    """The app's expected revenue averaged over quarters 1 to T, as a share of full revenue.

    ``(1 / T) * sum_(t = 1..T) E(t)``, with E from :func:`expected_app_revenue`;
    quarter 0, when the app's model leads for sure, is left out.

    >>> round(average_app_revenue(12, 4, 0.25, 0.4), 3)
    0.75
    """
    quarters = int(check_count(horizon, "horizon", 1, 400))
    return float(np.mean(expected_app_revenue(np.arange(1, quarters + 1), n_models, reshuffle_rate, penalty)))


@dataclass(frozen=True)
class ReshuffleSimulation:
    """Quarterly revenue paths (rows: simulated worlds, columns: quarters), as shares of full revenue."""

    app: NDArray[np.float64]
    vendor: NDArray[np.float64]
    leads: NDArray[np.bool_]


def simulate_reshuffles(
    n_models: int, reshuffle_rate: float, penalty: float, quarters: int = 12, n_paths: int = 2000, seed: int = 0
) -> ReshuffleSimulation:
    """Seeded simulation of leadership reshuffles; revenue per quarter as a share of full revenue.

    The app's model (model 0) leads at the start. Each quarter, with probability
    ``reshuffle_rate``, the leader hands over to one of the other models, chosen
    uniformly. The app earns 1 while its model leads, ``1 - penalty`` otherwise;
    the vendor always earns 1.
    """
    k = _models(n_models)
    r = float(check_probability(reshuffle_rate, "reshuffle_rate"))
    loss = float(check_probability(penalty, "penalty"))
    t = int(check_count(quarters, "quarters", 1, 400))
    paths = int(check_count(n_paths, "n_paths", 1, 1_000_000))
    # Per cell: the leader (8 bytes), draws and masks (about 17) and two revenue paths (16).
    check_memory(41 * paths * (t + 1), n_paths=paths, quarters=t)
    rng = np.random.default_rng(seed)
    leader = np.zeros((paths, t + 1), dtype=np.int64)
    for quarter in range(1, t + 1):
        switch = rng.random(paths) < r
        hop = rng.integers(1, k, size=paths)  # to another model: leader + 1..K-1, modulo K
        leader[:, quarter] = np.where(switch, (leader[:, quarter - 1] + hop) % k, leader[:, quarter - 1])
    leads = leader == 0
    return ReshuffleSimulation(np.where(leads, 1.0, 1.0 - loss), np.ones(leads.shape), leads)
