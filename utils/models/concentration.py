"""How concentrated is a market or a quarter of deals? (lesson 08)

- HHI, the Herfindahl-Hirschman index: the sum of squared percentage shares,
  from near 0 (many tiny shares) to 10,000 (one holder). With n holders it is
  at least 10,000 / n. The 2023 US Merger Guidelines presume a merger lessens
  competition when HHI is above 1,800 and rises by more than 100.
- Gini: half the mean absolute difference between all pairs of amounts,
  divided by the mean: ``G = sum_ij |x_i - x_j| / (2 n^2 mean)``; 0 when all are
  equal, approaching 1 when one holds everything.
- Top-N share: the largest N amounts over the total.

Worked example (lesson 08): shares 40/30/20/10 give HHI 3,000 and
Gini 0.25; merging the 20 and the 10 raises HHI by 400 (2 * 20 * 10).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ..validation import check_count, check_nonempty, check_range

__all__ = ["hhi", "gini", "top_n_share"]


def _amounts(amounts: Sequence[float] | ArrayLike) -> NDArray[np.float64]:
    """The amounts scaled so the largest is 1: every measure here depends on shares only, and no sum overflows."""
    values = check_range(check_nonempty(amounts, "amounts"), "amounts", 0.0)
    if values.max() <= 0:
        raise ValueError("amounts must have a positive total, got all zeros.")
    return values / values.max()


def hhi(amounts: Sequence[float] | ArrayLike) -> float:
    """Sum of squared percentage shares of any non-negative amounts (0 to 10,000).

    >>> hhi([40, 30, 20, 10])
    3000.0
    """
    values = _amounts(amounts)
    shares = 100 * values / values.sum()
    return float(np.sum(shares**2))


def gini(amounts: Sequence[float] | ArrayLike) -> float:
    """Gini coefficient of amounts, in [0, 1 - 1/n]: 0 for equal amounts.

    Computed from the sorted amounts in O(n log n):
    ``G = sum_i (2i - n - 1) x_(i) / (n * sum x)`` with ranks i = 1..n.

    >>> gini([40, 30, 20, 10])
    0.25
    """
    values = np.sort(_amounts(amounts))
    n = values.size
    ranks = np.arange(1, n + 1)
    return float(np.sum((2 * ranks - n - 1) * values) / (n * values.sum()))


def top_n_share(amounts: Sequence[float] | ArrayLike, n: int) -> float:
    """Share (a fraction) of the total held by the ``n`` largest amounts.

    >>> top_n_share([40, 30, 20, 10], 1)
    0.4
    """
    values = _amounts(amounts)
    count = int(check_count(n, "n", 1, values.size))
    return float(np.sort(values)[::-1][:count].sum() / values.sum())
