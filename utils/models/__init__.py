"""Every economic model of the course, as pure functions of numbers or arrays.

Each function states its formula and units in its docstring, checks its
arguments (a ``ValueError`` names the argument, the value and the valid range),
and is vectorised: an array in gives an array out, so one call draws a curve.
"""

from .gpu import (
    HOURS_PER_MONTH,
    breakeven_demand,
    breakeven_utilization,
    reserved_gpus,
    reserved_monthly_cost,
    serverless_monthly_cost,
)
from .retention import nrr_revenue

__all__ = [
    "HOURS_PER_MONTH",
    "breakeven_demand",
    "breakeven_utilization",
    "nrr_revenue",
    "reserved_gpus",
    "reserved_monthly_cost",
    "serverless_monthly_cost",
]
