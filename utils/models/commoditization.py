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

Two products on the clock part in the first month ``t`` whose cumulative
profits differ (:func:`first_difference_month`); the share of its profit the
copy takes is ``1 - cumulative / never_copied`` (:func:`share_lost_to_copy`),
where ``never_copied`` is the same product with ``s = 1``.

Build or buy, the product manager's lens (lesson 01). A team can buy a tool
from a vendor, paying a fee ``F`` a month whose level grows by a factor ``g``
each year (the vendor's net revenue retention is a floor for how fast a kept
customer's bill grows), or build it, paying ``B`` up front and ``R`` a month to
run and maintain it. Over ``n`` months (month t = 0, 1, ...)::

    buy_t   = sum_(k <= t) F * g ** floor(k / 12)
    build_t = B + R * (t + 1)

The break-even growth is the ``g`` at which the two are equal after ``n``
months; buying is cheaper below it.

Worked example (ours): F = 100, B = 2,400, R = 40 over 36 months: building
costs 3,840; buying costs 3,600 with a flat bill (g = 1) and 4,167 at
g = 1.15; the break-even growth solves 1 + g + g^2 = 3.2, g = 1.0652.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ..validation import check_count, check_nonempty, check_positive, check_probability, check_range

__all__ = [
    "CLOCK_MONTHS",
    "CLOCK_MONTHLY_PROFIT",
    "cumulative_gross_profit",
    "first_difference_month",
    "share_lost_to_copy",
    "build_or_buy_costs",
    "breakeven_bill_growth",
]

CLOCK_MONTHS = 36  # the clock's horizon: three years
CLOCK_MONTHLY_PROFIT = 100.0  # gross profit per customer a month before any copy: an index, not dollars


def cumulative_gross_profit(
    copy_months: float,
    switching_cost: float,
    *,
    base_churn: float,
    extra_churn: float,
    price_erosion: float,
    monthly_profit: float = CLOCK_MONTHLY_PROFIT,
    months: int = CLOCK_MONTHS,
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


def first_difference_month(first: ArrayLike, second: ArrayLike) -> int | None:
    """The first month ``t`` (0-based) whose cumulative profits differ, or ``None`` if they never do.

    Two cumulative series, month by month, as :func:`cumulative_gross_profit` returns
    them; they differ when ``|first_t - second_t| > 1e-9`` (an index a month, so
    rounding noise never counts). Month ``t`` is the first month after month ``t``
    of the clock's count: the lines part "after month t".
    """
    a = check_nonempty(first, "first")
    b = check_nonempty(second, "second")
    if a.shape != b.shape:
        raise ValueError(f"first and second must have the same length, got {a.size} and {b.size}.")
    apart = np.flatnonzero(~np.isclose(a, b, rtol=0, atol=1e-9))
    return int(apart[0]) if apart.size else None


def share_lost_to_copy(cumulative: ArrayLike, never_copied: ArrayLike) -> NDArray[np.float64] | float:
    """The share of a product's profit per customer the copy takes: ``1 - cumulative / never_copied``.

    Args:
        cumulative: the product's cumulative gross profit (a total, or a series), >= 0.
        never_copied: the same product's total with the copy fully blunted (``s = 1``), > 0.

    Returns:
        A share in [0, 1] for a total that ``never_copied`` bounds (0: the copy took
        nothing; 1: it took everything).
    """
    earned = check_range(cumulative, "cumulative", 0.0)
    bound = check_positive(never_copied, "never_copied")
    share = 1 - earned / bound
    return float(share) if np.ndim(share) == 0 else share


def build_or_buy_costs(
    months: int,
    *,
    vendor_monthly_fee: float,
    bill_growth: float,
    build_cost: float,
    build_monthly_cost: float,
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Cumulative cost of buying and of building a tool, month by month (two arrays of length ``months``).

    Args:
        months: n, the horizon in months, 1 to 240.
        vendor_monthly_fee: F, the vendor's fee a month in the first year, >= 0.
        bill_growth: g, the factor the fee grows by each year (1.15 for 15 % a year), in [0, 3].
        build_cost: B, the cost of building the tool, paid in month 0, >= 0.
        build_monthly_cost: R, the cost a month of running and maintaining it, >= 0.

    Returns:
        ``(buy, build)``: ``buy[t] = sum_(k <= t) F * g ** floor(k / 12)`` and ``build[t] = B + R * (t + 1)``.
    """
    t = np.arange(int(check_count(months, "months", 1, 240)))
    fee = float(check_range(vendor_monthly_fee, "vendor_monthly_fee", 0.0))
    growth = float(check_range(bill_growth, "bill_growth", 0.0, 3.0))
    upfront = float(check_range(build_cost, "build_cost", 0.0))
    running = float(check_range(build_monthly_cost, "build_monthly_cost", 0.0))
    buy = np.cumsum(fee * growth ** (t // 12)).astype(np.float64)
    build = (upfront + running * (t + 1)).astype(np.float64)
    return buy, build


def breakeven_bill_growth(
    months: int, *, vendor_monthly_fee: float, build_cost: float, build_monthly_cost: float
) -> float:
    """The yearly growth ``g`` of the vendor's bill at which buying and building cost the same after ``months``.

    Buying is cheaper for any slower growth. ``nan`` when no ``g`` in [0, 3]
    makes them equal (building is then always cheaper, or always dearer).
    Found by bisection: the cost of buying rises with ``g``.
    """

    def gap(growth: float) -> float:
        buy, build = build_or_buy_costs(
            months,
            vendor_monthly_fee=vendor_monthly_fee,
            bill_growth=growth,
            build_cost=build_cost,
            build_monthly_cost=build_monthly_cost,
        )
        return float(buy[-1] - build[-1])

    low, high = 0.0, 3.0
    if gap(low) > 0 or gap(high) < 0 or vendor_monthly_fee == 0:
        return float("nan")
    for _ in range(100):
        middle = (low + high) / 2
        low, high = (middle, high) if gap(middle) < 0 else (low, middle)
    return (low + high) / 2
