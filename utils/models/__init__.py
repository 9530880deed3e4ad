"""Every economic model of the course, as pure functions of numbers or arrays.

Each function states its formula and units in its docstring, checks its
arguments (a ``ValueError`` names the argument, the value and the valid range),
and is vectorized where the model allows: an array in gives an array out, so
one call draws a curve. The topic modules behind this one:

- ``gpu``: serverless against reserved GPUs (lesson 03);
- ``reliability`` and ``request``: availability, tail latency, one request through five services (04);
- ``retention``: NRR, lifetime value, the AI-app margin squeeze (00, 05), users to cover a fixed cost (09);
- ``diversification``: leadership reshuffles and customer diversification (06);
- ``portfolio``: power-law deals and portfolios (07);
- ``concentration``: HHI, Gini, top-N share (08);
- ``serving``: compute, memory and capacity of serving a model; experts read per batch (09);
- ``commoditization``: the clock and build or buy (01); ``stack``: funding summed by layer, flows and stocks (02);
- ``scenarios``, ``scorecard``: scenario weighting (10), the capstone (11).
"""

from .commoditization import (
    CLOCK_MONTHLY_PROFIT,
    CLOCK_MONTHS,
    breakeven_bill_growth,
    build_or_buy_costs,
    cumulative_gross_profit,
    first_difference_month,
    share_lost_to_copy,
)
from .concentration import gini, hhi, top_n_share
from .diversification import (
    ReshuffleSimulation,
    average_app_revenue,
    customers_to_near_floor,
    expected_app_revenue,
    independent_equivalent,
    prob_still_leading,
    revenue_cv,
    revenue_cv_floor,
    simulate_reshuffles,
)
from .gpu import (
    HOURS_PER_MONTH,
    breakeven_demand,
    breakeven_utilization,
    reserved_gpus,
    reserved_monthly_cost,
    serverless_monthly_cost,
)
from .portfolio import (
    APP_ALPHA,
    APP_ZEROS,
    INFRA_ALPHA,
    INFRA_ZEROS,
    Bets,
    alpha_for_mean,
    chance_of_a_hit,
    deal_mean_multiple,
    expected_multiple,
    fund_returning_multiple,
    prob_at_least_one_hit,
    prob_deal_at_least,
    simulate_deals,
    simulate_mixed_deals,
    simulate_portfolios,
    split_deals,
    zeros_for_share_at,
)
from .reliability import (
    MINUTES_PER_MONTH,
    fanout_slow_share,
    monthly_downtime_minutes,
    retried_availability,
    series_availability,
)
from .request import (
    N_REQUESTS,
    REQUEST_ORDER,
    REQUEST_SEED,
    RequestSummary,
    Service,
    expected_request_cost,
    profile_services,
    request_success_rate,
    simulate_requests,
    step_costs,
    step_downtime,
    vendor_comparison,
)
from .retention import (
    USAGE_SPLITS,
    Tier,
    app_breakeven_tokens,
    app_gross_margin,
    lifetime_value,
    monthly_churn,
    nrr_revenue,
    user_tiers,
    users_to_cover,
)
from .scenarios import (
    capture_from_winners,
    crossing_probability,
    expected_capture,
    normalise_weights,
    probability_sensitivity,
)
from .scorecard import CRITERIA, RISKS, VERDICT_FROM, criterion_points, positioning_score, verdict
from .serving import (
    breakeven_mfu,
    cost_per_million_tokens,
    expert_share_read,
    gpus_to_hold_weights,
    seconds_per_million_tokens,
    users_at_capacity,
)
from .stack import FundingCount, count_funding, month_name, month_number

__all__ = [
    "APP_ALPHA",
    "APP_ZEROS",
    "CLOCK_MONTHLY_PROFIT",
    "CLOCK_MONTHS",
    "CRITERIA",
    "HOURS_PER_MONTH",
    "INFRA_ALPHA",
    "INFRA_ZEROS",
    "MINUTES_PER_MONTH",
    "N_REQUESTS",
    "REQUEST_ORDER",
    "REQUEST_SEED",
    "RISKS",
    "USAGE_SPLITS",
    "VERDICT_FROM",
    "Bets",
    "FundingCount",
    "RequestSummary",
    "ReshuffleSimulation",
    "Service",
    "Tier",
    "alpha_for_mean",
    "app_breakeven_tokens",
    "app_gross_margin",
    "average_app_revenue",
    "breakeven_bill_growth",
    "breakeven_demand",
    "breakeven_mfu",
    "breakeven_utilization",
    "build_or_buy_costs",
    "capture_from_winners",
    "chance_of_a_hit",
    "cost_per_million_tokens",
    "count_funding",
    "criterion_points",
    "crossing_probability",
    "cumulative_gross_profit",
    "customers_to_near_floor",
    "deal_mean_multiple",
    "expected_app_revenue",
    "expected_capture",
    "expected_multiple",
    "expected_request_cost",
    "expert_share_read",
    "fanout_slow_share",
    "first_difference_month",
    "fund_returning_multiple",
    "gini",
    "gpus_to_hold_weights",
    "hhi",
    "independent_equivalent",
    "lifetime_value",
    "month_name",
    "month_number",
    "monthly_churn",
    "monthly_downtime_minutes",
    "normalise_weights",
    "nrr_revenue",
    "positioning_score",
    "prob_at_least_one_hit",
    "prob_deal_at_least",
    "prob_still_leading",
    "probability_sensitivity",
    "profile_services",
    "request_success_rate",
    "reserved_gpus",
    "reserved_monthly_cost",
    "retried_availability",
    "revenue_cv",
    "revenue_cv_floor",
    "seconds_per_million_tokens",
    "series_availability",
    "serverless_monthly_cost",
    "share_lost_to_copy",
    "simulate_deals",
    "simulate_mixed_deals",
    "simulate_portfolios",
    "simulate_requests",
    "simulate_reshuffles",
    "split_deals",
    "step_costs",
    "step_downtime",
    "top_n_share",
    "user_tiers",
    "users_at_capacity",
    "users_to_cover",
    "vendor_comparison",
    "verdict",
    "zeros_for_share_at",
]
