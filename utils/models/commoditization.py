"""The commoditization clock: what a copied feature does to profit per customer (lesson 01).

A product earns gross profit ``P`` a month from each customer it keeps. At
month ``T`` a competitor copies its key feature. From then on the copy pulls
two ways, each blunted by the product's switching cost ``s`` (0: customers can
leave freely; 1: leaving is prohibitively costly):

- price: the product must cut its price, losing a share ``e * (1 - s)`` of its
  monthly gross profit;
- churn: extra customers leave, monthly churn rising from ``h0`` to
  ``h0 + h_x * (1 - s)``.

For months t = 0, 1, ...::

    g_t = P * (1 - e * (1 - s) * [t >= T])          gross profit per kept customer
    h_t = h0 + h_x * (1 - s) * [t >= T]               monthly churn
    S_0 = 1,  S_(t+1) = S_t * (1 - h_t)               share of customers kept
    cumulative_t = sum_(k <= t) S_k * g_k              per customer signed at t = 0

Worked example (ours): T = 3, s = 0, h0 = 0, h_x = 0.1, e = 0.5, P = 100 over
6 months gives 100, 200, 300, 350, 395, 435.5; with s = 1 the copy changes
nothing (600 after 6 months); with s = 0.5, 513.94.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from ..validation import check_count, check_probability, check_range

__all__ = ["cumulative_gross_profit"]


def cumulative_gross_profit(
    copy_months: float,
    switching_cost: float,
    *,
    base_churn: float,
    extra_churn: float,
    price_erosion: float,
    monthly_profit: float = 100.0,
    months: int = 36,
) -> NDArray[np.float64]:
    """Cumulative gross profit per customer, month by month (array of length ``months``).

    Args:
        copy_months: T, months until a competitor copies the feature, >= 0.
        switching_cost: s, how much switching costs blunt the copy, in [0, 1].
        base_churn: h0, monthly churn before the copy, in [0, 1].
        extra_churn: h_x, extra monthly churn the copy causes with no switching cost, in [0, 1].
        price_erosion: e, share of gross profit lost to price cuts with no switching cost, in [0, 1].
        monthly_profit: P, gross profit per customer a month before the copy (an index), >= 0.
        months: horizon in months, 1 to 240 (36 = three years).
    """
    t = np.arange(int(check_count(months, "months", 1, 240)))
    copied = t >= float(check_range(copy_months, "copy_months", 0.0, 240.0))
    blunted = 1 - float(check_probability(switching_cost, "switching_cost"))
    h0 = float(check_probability(base_churn, "base_churn"))
    hx = float(check_probability(extra_churn, "extra_churn"))
    if h0 + hx > 1:
        raise ValueError(f"base_churn + extra_churn must be at most 1, got {h0 + hx:g}.")
    erosion = float(check_probability(price_erosion, "price_erosion"))
    profit = float(check_range(monthly_profit, "monthly_profit", 0.0))
    gross = profit * (1 - erosion * blunted * copied)
    churn = h0 + hx * blunted * copied
    kept = np.concatenate(([1.0], np.cumprod(1 - churn)[:-1]))
    return np.cumsum(kept * gross)
