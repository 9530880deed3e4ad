"""Availability, downtime and tail latency of services in series (lesson 04).

A request that calls services one after another succeeds only if every call
does, so availabilities multiply. A request that fans out to N calls in
parallel is as slow as its slowest call ("The Tail at Scale", Dean and Barroso,
2013): if each call is slow with probability p, the request is slow with
probability ``1 - (1 - p) ** N``.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import ArrayLike

from ..validation import check_count, check_nonempty, check_probability
from ._numeric import Number, scalar_or_array

MINUTES_PER_MONTH = 730 * 60  # 43,800

__all__ = [
    "MINUTES_PER_MONTH",
    "series_availability",
    "monthly_downtime_minutes",
    "fanout_slow_share",
    "retried_availability",
]


def series_availability(availabilities: Sequence[float] | ArrayLike) -> float:
    """Availability of services called in series: ``A = a_1 * a_2 * ... * a_n``.

    Args:
        availabilities: each service's availability, a probability in [0, 1].

    >>> round(series_availability([0.999, 0.9995, 0.999]), 6)
    0.997502
    """
    values = check_nonempty(availabilities, "availabilities")
    check_probability(values, "availabilities")
    return float(np.prod(values))


def monthly_downtime_minutes(availability: ArrayLike) -> Number:
    """Expected minutes a month a service is down: ``(1 - A) * 43,800``.

    >>> round(monthly_downtime_minutes(0.999), 1)
    43.8
    """
    return scalar_or_array((1 - check_probability(availability, "availability")) * MINUTES_PER_MONTH)


def fanout_slow_share(n_calls: ArrayLike, p_slow: ArrayLike) -> Number:
    """Share of requests slowed by at least one of ``n_calls`` parallel calls: ``1 - (1 - p) ** N``.

    >>> round(fanout_slow_share(100, 0.01), 4)
    0.634
    """
    calls = check_count(n_calls, "n_calls")
    p = check_probability(p_slow, "p_slow")
    return scalar_or_array(1 - (1 - p) ** calls)


def retried_availability(availability: ArrayLike, retries: ArrayLike) -> Number:
    """Availability of one call retried up to ``retries`` times: ``1 - (1 - a) ** (retries + 1)``.

    Assumes failures are independent, which retries against a service that is
    down for minutes are not: an upper bound.

    >>> round(retried_availability(0.99, 2), 6)
    0.999999
    """
    a = check_probability(availability, "availability")
    r = check_count(retries, "retries", minimum=0, maximum=10)
    return scalar_or_array(1 - (1 - a) ** (r + 1))
