"""Every model argument is checked; the error names the argument, the value and the valid range."""

import math

import pytest

from utils import models as m

NAN, INF = math.nan, math.inf
SCORES = {
    "model_agnostic_demand": 4,
    "switching_costs": 4,
    "cost_efficiency": 3,
    "open_source_risk": 2,
    "vertical_integration_risk": 1,
}
CLOCK = {"base_churn": 0.01, "extra_churn": 0.05, "price_erosion": 0.5}

CASES = [
    (lambda: m.series_availability([]), "availabilities must be a non-empty sequence"),
    (lambda: m.series_availability([0.99, 1.2]), r"availabilities must be in \[0, 1\], got an array containing 1.2"),
    (lambda: m.monthly_downtime_minutes(NAN), "availability must be a finite number, got nan"),
    (lambda: m.fanout_slow_share(0, 0.01), r"n_calls must be in \[1, inf\), got 0"),
    (lambda: m.fanout_slow_share(2.5, 0.01), "n_calls must be a whole number, got 2.5"),
    (lambda: m.fanout_slow_share(10, -0.1), r"p_slow must be in \[0, 1\], got -0.1"),
    (lambda: m.retried_availability(0.9, 11), r"retries must be in \[0, 10\], got 11"),
    (lambda: m.lifetime_value(1000, 0.75, 0), r"churn must be in \(0, 1\], got 0"),
    (lambda: m.lifetime_value(-5, 0.75, 0.02), r"arpu must be in \[0, inf\), got -5"),
    (lambda: m.lifetime_value(1000, 1.5, 0.02), r"gross_margin must be in \[0, 1\], got 1.5"),
    (lambda: m.nrr_revenue(100, INF, 5), "nrr must be a finite number, got inf"),
    (lambda: m.app_gross_margin(0, 2, 3), r"arpu must be in \(0, inf\), got 0"),
    (lambda: m.app_gross_margin(20, 2, -3), r"price_per_million must be in \[0, inf\), got -3"),
    (lambda: m.hhi([]), "amounts must be a non-empty sequence"),
    (lambda: m.hhi([10, -5]), r"amounts must be in \[0, inf\), got an array containing -5"),
    (lambda: m.gini([0, 0]), "amounts must have a positive total"),
    (lambda: m.top_n_share([1, 2, 3], 4), r"n must be in \[1, 3\], got 4"),
    (lambda: m.deal_mean_multiple(0.5, 1.0), r"alpha must be in \(1, 10\], got 1"),
    (lambda: m.deal_mean_multiple(1.3, 1.5), r"p_zero must be in \[0, 1\], got 1.3"),
    (lambda: m.prob_at_least_one_hit(20, 0.5, 0), r"alpha must be in \(0, 10\], got 0"),
    (lambda: m.prob_at_least_one_hit(20, 0.5, 1.5, multiple=0.5), r"multiple must be in \[1, inf\), got 0.5"),
    (lambda: m.simulate_portfolios(0, 25, 0.5, 1.5), r"n_portfolios must be in \[1, 1e\+07\], got 0"),
    (lambda: m.simulate_portfolios(10, 25, NAN, 1.5), "p_zero must be a finite number, got nan"),
    (lambda: m.seconds_per_million_tokens(10e9, 1e15, 0), r"mfu must be in \(0, 1\], got 0"),
    (lambda: m.gpus_to_hold_weights(105e9, 2, -80), r"gpu_memory_gb must be in \(0, inf\), got -80"),
    (lambda: m.revenue_cv(100, 1.2), r"rho must be in \[0, 1\], got 1.2"),
    (lambda: m.revenue_cv(0, 0.2), r"n_customers must be in \[1, 1e\+09\], got 0"),
    (lambda: m.prob_still_leading(1, 1, 0.3), r"n_models must be in \[2, 50\], got 1"),
    (lambda: m.simulate_reshuffles(4, 0.3, 1.5), r"penalty must be in \[0, 1\], got 1.5"),
    (lambda: m.cumulative_gross_profit(-1, 0.5, **CLOCK), r"copy_months must be in \[0, 240\], got -1"),
    (lambda: m.cumulative_gross_profit(3, 2, **CLOCK), r"switching_cost must be in \[0, 1\], got 2"),
    (
        lambda: m.cumulative_gross_profit(3, 0.5, base_churn=0.6, extra_churn=0.6, price_erosion=0.5),
        "base_churn \\+ extra_churn must be at most 1",
    ),
    (lambda: m.normalise_weights([0, 0, 0]), "weights must not all be zero"),
    (lambda: m.expected_capture([1, 1], [[0.5, 0.5], [0.7, 0.7]]), "each row of capture must sum to 1"),
    (lambda: m.expected_capture([1, 1, 1], [[0.5, 0.5], [0.5, 0.5]]), "capture must have one row per scenario"),
    (lambda: m.capture_from_winners([[0], [1]], 3, [0.5]), "winner_shares must give one share per scenario"),
    (lambda: m.capture_from_winners([[0, 1, 2]], 3, [0.5]), "winners of scenario 0 must be 1 to 2 layers"),
    (lambda: m.capture_from_winners([[0]], 3, [1.5]), r"winner_shares must be in \[0, 1\]"),
    (lambda: m.positioning_score(SCORES | {"switching_costs": 6}), r"scores\['switching_costs'\] must be in \[0, 5\]"),
    (lambda: m.positioning_score({"switching_costs": 3}), "scores must score exactly"),
    (lambda: m.verdict(101), r"score must be in \[0, 100\], got 101"),
    (lambda: m.Service("llm", 800, 400, 0.99, 0.01), "llm.p99_ms must be at least median_ms"),
    (lambda: m.Service("tts", 800, 900, 1.01, 0.01), r"tts.availability must be in \[0, 1\], got 1.01"),
    (lambda: m.simulate_requests([]), "services must name at least one service"),
]


@pytest.mark.parametrize(("call", "message"), CASES, ids=[message[:40] for _, message in CASES])
def test_bad_input_is_named(call, message):
    with pytest.raises(ValueError, match=message):
        call()
