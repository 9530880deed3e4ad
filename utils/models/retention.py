"""Revenue retention and lifetime value (lessons 00 and 05).

Net revenue retention (NRR) is this year's revenue from last year's customers
divided by last year's revenue from them: expansion minus contraction and churn.
An NRR of 1.20 means a cohort pays 20 % more each year.
"""

from __future__ import annotations

from numpy.typing import ArrayLike

from ..validation import check_nonnegative, check_range
from ._numeric import Number, scalar_or_array

__all__ = ["nrr_revenue"]


def nrr_revenue(initial_revenue: ArrayLike, nrr: ArrayLike, years: ArrayLike) -> Number:
    """Revenue of one cohort after ``years`` of compounding: ``R_t = R_0 * NRR ** t``.

    Args:
        initial_revenue: R_0, revenue in year 0 (any currency unit), >= 0.
        nrr: net revenue retention as a ratio (1.20 for 120 %), in [0, 3].
        years: t, years elapsed, in [0, 100].

    >>> round(nrr_revenue(100, 1.20, 5), 2)
    248.83
    """
    revenue = check_nonnegative(initial_revenue, "initial_revenue")
    retention = check_range(nrr, "nrr", 0.0, 3.0)
    elapsed = check_range(years, "years", 0.0, 100.0)
    return scalar_or_array(revenue * retention**elapsed)
