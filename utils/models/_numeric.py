"""Small numeric helpers shared by the model modules."""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

Number = float | NDArray[np.float64]


def scalar_or_array(result: NDArray[np.float64]) -> Number:
    """A plain ``float`` for a 0-d result, the array itself otherwise.

    Models accept numbers or arrays; a number in should give a number out, so
    that a learner printing a result sees ``1825.0`` rather than ``array(1825.)``.

    Every input is checked finite, so a result that is not finite can only be
    an overflow (``reserved_monthly_cost(1e308, 1)``): that is refused, never
    handed on as ``inf`` or ``nan``.
    """
    if not np.all(np.isfinite(result)):
        raise ValueError("the inputs are too large: the result overflows a floating-point number; use smaller values.")
    return float(result) if np.ndim(result) == 0 else result


def ceil_count(x: NDArray[np.float64]) -> NDArray[np.float64]:
    """``ceil(x)`` that ignores floating-point dust: 0.1 * 30 is 3, not 4.

    Values are rounded to 9 decimals before the ceiling, so a product that is
    mathematically an integer never buys one extra GPU.
    """
    return np.ceil(np.round(x, 9))
