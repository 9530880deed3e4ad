"""Serverless against reserved GPUs (lesson 03).

A month has ``hours`` = H = 730 hours. Demand is measured in GPU-equivalents:
an average demand D = 0.3 means the work would keep 30 % of one GPU busy all
month. Prices are US dollars per GPU-hour.

- Reserved: you pay for every hour of enough GPUs to serve the *peak*,
  ``P_r * H * ceil(PAR * D)``, where PAR is the peak-to-average ratio.
- Serverless: you pay only for the GPU time you use, plus the billed seconds of
  every cold start, ``P_s * (H * D + k * t_c / 3600)``.
- Break-even utilization (PAR = 1, no cold starts): reserved is cheaper once
  one GPU is busy more than ``u* = P_r / P_s`` of the time.

Worked example (lesson 03's round teaching prices): P_s = 4, P_r = 2.5, D = 0.3 gives reserved
$1,825, serverless $876 and u* = 0.625; 200 cold starts of 60 s raise serverless
to $889.33; with PAR = 4 and D = 1, reserved $7,300 against serverless $2,920.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from ..validation import check_nonnegative, check_positive, check_range
from ._numeric import Number, ceil_count, scalar_or_array

HOURS_PER_MONTH = 730.0
SECONDS_PER_HOUR = 3600.0

__all__ = [
    "HOURS_PER_MONTH",
    "reserved_monthly_cost",
    "reserved_gpus",
    "serverless_monthly_cost",
    "breakeven_utilization",
    "breakeven_demand",
]


def reserved_gpus(avg_demand_gpus: ArrayLike, peak_to_average: ArrayLike = 1.0) -> Number:
    """GPUs to reserve so the peak is served: ``ceil(PAR * D)``, at least 1.

    A workload with any demand at all needs one whole GPU; zero demand needs none.
    """
    demand = check_nonnegative(avg_demand_gpus, "avg_demand_gpus")
    par = check_range(peak_to_average, "peak_to_average", 1.0)
    return scalar_or_array(ceil_count(par * demand))


def reserved_monthly_cost(
    price_per_hour: ArrayLike,
    avg_demand_gpus: ArrayLike,
    peak_to_average: ArrayLike = 1.0,
    hours: ArrayLike = HOURS_PER_MONTH,
) -> Number:
    """Monthly cost in USD of reserving enough GPUs for the peak.

    ``cost = P_r * H * ceil(PAR * D)``

    Args:
        price_per_hour: P_r, USD per GPU-hour, > 0.
        avg_demand_gpus: D, average demand in GPU-equivalents, >= 0.
        peak_to_average: PAR, peak demand over average demand, >= 1.
        hours: H, billed hours in the month, > 0 (730 by default).

    >>> reserved_monthly_cost(2.5, 0.3)
    1825.0
    >>> reserved_monthly_cost(2.5, 1.0, peak_to_average=4)
    7300.0
    """
    price = check_positive(price_per_hour, "price_per_hour")
    hours_ = check_positive(hours, "hours")
    gpus = np.asarray(reserved_gpus(avg_demand_gpus, peak_to_average))
    with np.errstate(over="ignore", invalid="ignore"):  # an overflow is refused just below, with a message
        cost = price * hours_ * gpus
    return scalar_or_array(cost)


def serverless_monthly_cost(
    price_per_hour: ArrayLike,
    avg_demand_gpus: ArrayLike,
    cold_starts: ArrayLike = 0,
    cold_start_seconds: ArrayLike = 0.0,
    hours: ArrayLike = HOURS_PER_MONTH,
) -> Number:
    """Monthly cost in USD of paying per second of GPU use, cold starts included.

    ``cost = P_s * (H * D + k * t_c / 3600)``

    Args:
        price_per_hour: P_s, USD per GPU-hour, > 0.
        avg_demand_gpus: D, average demand in GPU-equivalents, >= 0.
        cold_starts: k, cold starts in the month, >= 0.
        cold_start_seconds: t_c, billed seconds per cold start, >= 0.
        hours: H, hours in the month, > 0 (730 by default).

    >>> serverless_monthly_cost(4.0, 0.3)
    876.0
    >>> round(serverless_monthly_cost(4.0, 0.3, cold_starts=200, cold_start_seconds=60), 2)
    889.33
    """
    price = check_positive(price_per_hour, "price_per_hour")
    demand = check_nonnegative(avg_demand_gpus, "avg_demand_gpus")
    starts = check_nonnegative(cold_starts, "cold_starts")
    seconds = check_nonnegative(cold_start_seconds, "cold_start_seconds")
    hours_ = check_positive(hours, "hours")
    with np.errstate(over="ignore", invalid="ignore"):  # an overflow is refused just below, with a message
        cost = price * (hours_ * demand + starts * seconds / SECONDS_PER_HOUR)
    return scalar_or_array(cost)


def breakeven_utilization(reserved_price: ArrayLike, serverless_price: ArrayLike) -> Number:
    """Utilization of one GPU above which reserving it is cheaper: ``u* = P_r / P_s``.

    Holds for a steady workload (PAR = 1) with no cold starts. A value of 1 or
    more means serverless is cheaper even for a GPU that is busy all month.

    >>> breakeven_utilization(2.5, 4.0)
    0.625
    """
    reserved = check_positive(reserved_price, "reserved_price")
    serverless = check_positive(serverless_price, "serverless_price")
    return scalar_or_array(reserved / serverless)


def breakeven_demand(
    reserved_price: float,
    serverless_price: float,
    peak_to_average: float = 1.0,
    cold_starts: float = 0,
    cold_start_seconds: float = 0.0,
    max_demand: float = 1.0,
) -> float | None:
    """Lowest average demand (GPU-equivalents) at which reserved costs no more than serverless.

    Generalizes ``u*`` to bursty workloads and cold starts. Serverless costs
    ``P_s * (H * D + k * t_c / 3600)``, a line through the origin plus the cold
    starts; reserved costs ``P_r * H * ceil(PAR * D)``, a staircase that steps up by
    one GPU-month every ``1 / PAR`` of demand. Each step costs a whole GPU-month
    while the line rises only ``P_s * H / PAR`` over it, so if serverless has not
    caught up by the end of the first step it never does. The answer is therefore
    closed-form, whatever ``peak_to_average``:

    ``D = max(0, P_r / P_s - k * t_c / (3600 * H))`` if ``D <= min(1 / PAR, max_demand)``,
    else ``None`` (serverless stays cheaper for every demand up to ``max_demand``).

    >>> breakeven_demand(2.5, 4.0)
    0.625
    >>> breakeven_demand(2.5, 4.0, peak_to_average=2) is None
    True
    """
    check_positive(reserved_price, "reserved_price")
    check_positive(serverless_price, "serverless_price")
    check_range(peak_to_average, "peak_to_average", 1.0)
    cold_hours = (
        float(check_nonnegative(cold_starts, "cold_starts"))
        * float(check_nonnegative(cold_start_seconds, "cold_start_seconds"))
        / SECONDS_PER_HOUR
    )
    check_positive(max_demand, "max_demand")
    demand = max(0.0, reserved_price / serverless_price - cold_hours / HOURS_PER_MONTH)
    return float(demand) if demand <= min(1 / peak_to_average, max_demand) else None
