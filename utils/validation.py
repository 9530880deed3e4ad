"""Argument checks shared by every model.

Each check takes the value, the argument's name as the caller spells it, and the
valid range. On bad input it raises a ``ValueError`` that names all three, so a
learner who typed ``churn=0`` reads exactly what to change:

    ValueError: churn must be in (0, 1], got 0.

Numbers and numpy arrays are both accepted; an array is valid only if every
element is.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import ArrayLike, NDArray

__all__ = [
    "check_range",
    "check_probability",
    "check_positive",
    "check_nonnegative",
    "check_nonempty",
    "check_count",
    "check_memory",
    "MEMORY_BUDGET_BYTES",
]

# The most memory one model call may ask for: well inside a laptop's memory and a
# JupyterHub's usual 1 GB per learner, so that no slider or typo gets a kernel killed.
MEMORY_BUDGET_BYTES = 512 * 2**20


def _as_array(value: ArrayLike, name: str) -> NDArray[np.float64]:
    """The value as floats; text and True/False are refused, not read as numbers ('1000' is not 1000)."""
    raw = np.asarray(value)
    if raw.dtype.kind not in "iuf" and not (raw.dtype.kind == "O" and _all_numbers(raw)):
        raise ValueError(f"{name} must be a number, got {value!r}.")
    try:
        array = np.asarray(value, dtype=float)
    except (TypeError, ValueError, OverflowError):
        raise ValueError(f"{name} must be a number, got {value!r}.") from None
    finite = np.isfinite(array)
    if not np.all(finite):
        raise ValueError(f"{name} must be a finite number, got {_first_bad(array, finite)}.")
    return array


def _all_numbers(raw: NDArray[np.object_]) -> bool:
    return all(isinstance(x, int | float | np.integer | np.floating) and not isinstance(x, bool) for x in raw.ravel())


def _first_bad(array: NDArray[np.float64], ok: NDArray[np.bool_]) -> str:
    """The offending value, or for an array its first offending element."""
    bad = float(array[~ok].ravel()[0]) if array.ndim else float(array)
    return f"{bad:g}" if array.ndim == 0 else f"an array containing {bad:g}"


def check_range(
    value: ArrayLike,
    name: str,
    low: float = -np.inf,
    high: float = np.inf,
    *,
    low_open: bool = False,
    high_open: bool = False,
) -> NDArray[np.float64]:
    """Return ``value`` as a float array after checking ``low <= value <= high``.

    ``low_open`` / ``high_open`` exclude the bound itself. NaN and infinities are
    always rejected.
    """
    array = _as_array(value, name)
    above = array > low if low_open else array >= low
    below = array < high if high_open else array <= high
    inside = above & below
    if not np.all(inside):
        opening = "(" if low_open or np.isinf(low) else "["
        closing = ")" if high_open or np.isinf(high) else "]"
        interval = f"{opening}{_fmt(low)}, {_fmt(high)}{closing}"
        raise ValueError(f"{name} must be in {interval}, got {_first_bad(array, inside)}.")
    return array


def _fmt(bound: float) -> str:
    if np.isinf(bound):
        return "inf" if bound > 0 else "-inf"
    return f"{bound:g}"


def check_probability(value: ArrayLike, name: str) -> NDArray[np.float64]:
    """A probability or share: a number in [0, 1]."""
    return check_range(value, name, 0.0, 1.0)


def check_positive(value: ArrayLike, name: str) -> NDArray[np.float64]:
    """A strictly positive, finite number (a price, a size, a count of hours)."""
    return check_range(value, name, 0.0, low_open=True)


def check_nonnegative(value: ArrayLike, name: str) -> NDArray[np.float64]:
    """A finite number that may be zero (a demand, a count of cold starts)."""
    return check_range(value, name, 0.0)


def check_nonempty(values: Sequence[float] | ArrayLike, name: str) -> NDArray[np.float64]:
    """A one-dimensional sequence with at least one finite element."""
    array = _as_array(values, name)
    if array.ndim != 1 or array.size == 0:
        raise ValueError(f"{name} must be a non-empty sequence of numbers, got {values!r}.")
    return array


def check_count(value: ArrayLike, name: str, minimum: int = 1, maximum: float = np.inf) -> NDArray[np.float64]:
    """A whole number of things (deals, calls, customers) in ``[minimum, maximum]``."""
    array = check_range(value, name, minimum, maximum)
    if not np.all(array == np.round(array)):
        raise ValueError(f"{name} must be a whole number, got {_first_bad(array, array == np.round(array))}.")
    return array


def check_memory(bytes_needed: float, **sizes: float) -> None:
    """Refuse at once a call whose arrays would need more than ``MEMORY_BUDGET_BYTES``, naming its sizes.

    ``check_memory(8 * paths * quarters, n_paths=paths, quarters=quarters)`` raises, for
    ten million paths of 400 quarters, ``ValueError: n_paths=10,000,000 x quarters=400
    would need about 30 GiB; one call may use 0.5 GiB: make them smaller.``
    """
    if bytes_needed > MEMORY_BUDGET_BYTES:
        named = " x ".join(f"{name}={size:,.0f}" for name, size in sizes.items())
        raise ValueError(
            f"{named} would need about {bytes_needed / 2**30:,.1f} GiB; one call may use "
            f"{MEMORY_BUDGET_BYTES / 2**30:g} GiB: make them smaller."
        )
