"""Property tests over the full slider ranges, and Monte Carlo against closed forms."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from utils import models as m

probability = st.floats(0, 1)
amounts = st.lists(st.floats(0.01, 1e12), min_size=1, max_size=60)


@given(st.lists(st.floats(0, 1), min_size=1, max_size=10), probability)
def test_another_service_never_raises_availability(availabilities, extra):
    assert m.series_availability([*availabilities, extra]) <= m.series_availability(availabilities) + 1e-15


@given(amounts)
def test_hhi_between_equal_shares_and_monopoly(values):
    n = len(values)
    assert 10_000 / n - 1e-6 <= m.hhi(values) <= 10_000 + 1e-6


@given(amounts)
def test_gini_between_zero_and_one_minus_one_over_n(values):
    assert -1e-12 <= m.gini(values) <= 1 - 1 / len(values) + 1e-12


@given(amounts, st.integers(1, 59))
def test_top_n_share_grows_with_n(values, n):
    n = min(n, len(values))
    assert m.top_n_share(values, n) <= m.top_n_share(values, min(n + 1, len(values))) + 1e-12


@given(st.integers(1, 1000), probability)
def test_fanout_never_helps(n, p):
    assert m.fanout_slow_share(n, p) <= m.fanout_slow_share(n + 1, p) + 1e-12


@given(st.floats(0, 1), st.floats(0.01, 1), st.floats(0, 5000), st.floats(0, 50), st.floats(0.01, 100))
def test_margin_and_ltv_stay_finite(margin, churn, arpu, tokens, price):
    assert np.isfinite(m.lifetime_value(arpu, margin, churn))
    assert np.isfinite(m.app_gross_margin(max(arpu, 0.01), tokens, price))


@given(st.floats(0, 0.99), st.floats(1.01, 10), st.integers(1, 200))
def test_portfolio_formulas_are_finite_probabilities(p, alpha, n):
    assert np.isfinite(m.deal_mean_multiple(p, alpha))
    assert 0 <= m.prob_at_least_one_hit(n, p, alpha) <= 1


@given(st.floats(0, 240), probability, st.floats(0, 0.5), st.floats(0, 0.5), probability)
def test_switching_costs_never_reduce_cumulative_profit(copy, s, h0, hx, erosion):
    low = m.cumulative_gross_profit(copy, s * 0.5, base_churn=h0, extra_churn=hx, price_erosion=erosion)
    high = m.cumulative_gross_profit(copy, s, base_churn=h0, extra_churn=hx, price_erosion=erosion)
    assert np.all(np.isfinite(high)) and high[-1] >= low[-1] - 1e-9


@given(st.lists(st.floats(0, 10), min_size=2, max_size=5).filter(lambda w: sum(w) > 0))
def test_expected_capture_is_a_distribution(weights):
    capture = np.full((len(weights), 3), 1 / 3)
    shares = m.expected_capture(weights, capture)
    assert shares.sum() == pytest.approx(1) and np.all(shares >= 0)


@given(st.integers(1, 10_000), probability)
def test_revenue_cv_falls_with_customers_but_not_below_sqrt_rho(n, rho):
    assert m.revenue_cv(n + 1, rho) <= m.revenue_cv(n, rho) + 1e-12
    assert m.revenue_cv(n, rho) >= np.sqrt(rho) - 1e-12


# --- Monte Carlo against closed forms, within sampling error (about 4 standard errors) ---


def _within(estimate: float, truth: float, variance: float, n: int) -> bool:
    return abs(estimate - truth) <= 4 * np.sqrt(variance / n) + 1e-12


@pytest.mark.parametrize(("p", "alpha", "multiple"), [(0.5, 1.5, 10), (0.65, 1.3, 5), (0.2, 3.0, 2)])
def test_simulated_deals_match_the_tail_formula(p, alpha, multiple):
    deals = m.simulate_deals((200_000,), p, alpha, np.random.default_rng(7))
    q = m.prob_deal_at_least(multiple, p, alpha)
    assert _within(np.mean(deals >= multiple), q, q * (1 - q), deals.size)
    assert _within(np.mean(deals == 0), p, p * (1 - p), deals.size)


def test_simulated_portfolio_mean_matches_when_variance_is_finite():
    p, alpha = 0.5, 3.0
    portfolios = m.simulate_portfolios(40_000, 10, p, alpha, seed=3)
    mean = m.deal_mean_multiple(p, alpha)
    second_moment = (1 - p) * alpha / (alpha - 2)
    assert _within(portfolios.mean(), mean, (second_moment - mean**2) / 10, portfolios.size)


def test_at_least_one_hit_matches_simulation():
    deals = m.simulate_deals((50_000, 20), 0.5, 1.5, np.random.default_rng(11))
    q = m.prob_at_least_one_hit(20, 0.5, 1.5)
    assert _within(np.mean((deals >= 10).any(axis=1)), q, q * (1 - q), 50_000)


def test_monte_carlo_is_reproducible_with_its_seed():
    np.testing.assert_array_equal(
        m.simulate_portfolios(100, 25, 0.5, 1.5, seed=5), m.simulate_portfolios(100, 25, 0.5, 1.5, seed=5)
    )
    assert not np.array_equal(
        m.simulate_portfolios(100, 25, 0.5, 1.5, seed=5), m.simulate_portfolios(100, 25, 0.5, 1.5, seed=6)
    )
    services = [m.Service("a", 100, 400, 0.99, 0.01)]
    first, again = m.simulate_requests(services, seed=2), m.simulate_requests(services, seed=2)
    np.testing.assert_array_equal(first.latencies_ms, again.latencies_ms)
    np.testing.assert_array_equal(
        m.simulate_reshuffles(4, 0.3, 0.5, seed=1).app, m.simulate_reshuffles(4, 0.3, 0.5, seed=1).app
    )


SERVICES = [
    m.Service("llm", 800, 4000, 0.995, 0.01),
    m.Service("vector", 30, 200, 0.98, 0.0002, width=4),
    m.Service("tts", 500, 2000, 0.99, 0.003),
]


@pytest.mark.parametrize("retries", [0, 1, 3])
def test_request_simulation_matches_closed_forms(retries):
    summary = m.simulate_requests(SERVICES, retries=retries, n_requests=100_000, seed=1)
    success = m.request_success_rate(SERVICES, retries)
    assert _within(summary.success_rate, success, success * (1 - success), 100_000)
    assert _within(summary.cost_per_request, m.expected_request_cost(SERVICES, retries), summary.costs.var(), 100_000)
    assert summary.downtime_minutes == pytest.approx((1 - summary.success_rate) * m.MINUTES_PER_MONTH)


def test_request_latency_quantiles_match_the_lognormal():
    service = m.Service("llm", 800, 4000, 1.0, 0.01)
    summary = m.simulate_requests([service], n_requests=200_000, seed=4)
    assert summary.p50_ms == pytest.approx(800, rel=0.02)
    assert summary.p99_ms == pytest.approx(4000, rel=0.05)


def test_fanout_tail_matches_the_tail_at_scale():
    service = m.Service("shard", 10, 100, 1.0, 0.0, width=100)
    summary = m.simulate_requests([service], n_requests=20_000, seed=8)
    share = m.fanout_slow_share(100, 0.01)  # each call is slower than its p99 one time in 100
    assert _within(np.mean(summary.latencies_ms > 100), share, share * (1 - share), 20_000)


def test_reshuffle_simulation_matches_the_markov_chain():
    k, r, penalty, quarters = 4, 0.3, 0.6, 12
    sim = m.simulate_reshuffles(k, r, penalty, quarters=quarters, n_paths=50_000, seed=9)
    lead = m.prob_still_leading(np.arange(quarters + 1), k, r)
    expected_app = lead + (1 - lead) * (1 - penalty)
    tolerance = 4 * np.sqrt(lead * (1 - lead) / 50_000) * penalty + 1e-12
    assert np.all(np.abs(sim.app.mean(axis=0) - expected_app) <= tolerance)
    assert np.all(sim.vendor == 1.0)


@settings(max_examples=25, deadline=None)
@given(st.integers(1, 200), st.floats(0, 0.95), st.floats(1.05, 5))
def test_simulated_portfolios_are_finite_and_nonnegative(n_deals, p, alpha):
    result = m.simulate_portfolios(500, n_deals, p, alpha, seed=0)
    assert np.all(np.isfinite(result)) and np.all(result >= 0)


def test_changing_one_service_leaves_the_others_draws_alone():
    base = [m.Service("a", 100, 400, 1.0, 0.0), m.Service("b", 50, 200, 1.0, 0.0)]
    wider = [base[0], m.Service("b", 50, 200, 1.0, 0.0, width=5)]
    first = m.simulate_requests(base[:1], n_requests=1000, seed=3).latencies_ms
    # Service a's latency is the same whatever follows it: b's draws come from their own stream.
    for services in (base, wider):
        total = m.simulate_requests(services, n_requests=1000, seed=3).latencies_ms
        assert np.all(total >= first)
    np.testing.assert_array_equal(first, m.simulate_requests([base[0]], n_requests=1000, seed=3).latencies_ms)


@given(st.integers(2, 6), probability)
def test_one_winner_per_scenario_ties_at_equal_weights(n, share):
    """Lesson 10: with one winner per scenario and equal shares, equal probabilities favor no one."""
    capture = m.capture_from_winners([[i] for i in range(n)], n, [share] * n)
    np.testing.assert_allclose(m.expected_capture([1] * n, capture), 1 / n)


@given(st.floats(0.01, 1))
def test_splitting_a_winner_into_two_layers_halves_each_part(share):
    """Lesson 10's artifact: a scenario with two winning layers gives each half its share."""
    capture = m.capture_from_winners([[0], [1, 2], [3]], 4, [share] * 3)
    assert capture[1, 1] == pytest.approx(share / 2) and capture[0, 0] == pytest.approx(share)
