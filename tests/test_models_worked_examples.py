"""Every worked example the course gives for its models (docstrings, formula sheet, lessons), as exact tests."""

import numpy as np
import pytest

from utils import models as m


def test_series_availability_and_downtime():
    assert m.series_availability([0.999, 0.999]) == pytest.approx(0.998001)
    assert m.monthly_downtime_minutes(0.999) == pytest.approx(43.8)
    assert m.MINUTES_PER_MONTH == 43_800


def test_tail_at_scale():
    assert m.fanout_slow_share(100, 0.01) == pytest.approx(0.6340, abs=5e-5)


def test_lifetime_value():
    assert m.lifetime_value(1000, 0.75, 0.02) == pytest.approx(37_500)


def test_nrr_compounding():
    assert m.nrr_revenue(100, 1.20, 5) == pytest.approx(248.83, abs=0.005)


def test_app_gross_margin():
    assert m.app_gross_margin(20, 2, 3, 1) == pytest.approx(0.65)


def test_concentration():
    assert m.hhi([40, 30, 20, 10]) == pytest.approx(3000)
    assert m.gini([40, 30, 20, 10]) == pytest.approx(0.25)
    assert m.hhi([40, 30, 30]) - m.hhi([40, 30, 20, 10]) == pytest.approx(400)


def test_power_law_deals():
    assert m.deal_mean_multiple(0.5, 1.5) == pytest.approx(1.5)
    assert m.prob_deal_at_least(10, 0.5, 1.5) == pytest.approx(0.015811, abs=5e-7)
    assert m.prob_at_least_one_hit(20, 0.5, 1.5) == pytest.approx(0.2729, abs=5e-5)


def test_serving_compute():
    assert m.seconds_per_million_tokens(10.3e9, 1e15, 0.5) == pytest.approx(41.2)
    assert m.seconds_per_million_tokens(105e9, 1e15, 0.5) == pytest.approx(420)
    assert m.gpus_to_hold_weights(105e9, 2, 80) == 3


def test_diversification():
    assert m.revenue_cv(100, 0) == pytest.approx(0.10)
    assert m.revenue_cv(100, 0.2) == pytest.approx(0.4561, abs=5e-5)


def test_commoditization_clock():
    kwargs = {"base_churn": 0.0, "extra_churn": 0.1, "price_erosion": 0.5, "monthly_profit": 100, "months": 6}
    np.testing.assert_allclose(m.cumulative_gross_profit(3, 0.0, **kwargs), [100, 200, 300, 350, 395, 435.5])
    assert m.cumulative_gross_profit(3, 1.0, **kwargs)[-1] == pytest.approx(600)
    assert m.cumulative_gross_profit(3, 0.5, **kwargs)[-1] == pytest.approx(513.9375)


def test_scenario_weighting():
    capture = [[0.7, 0.1, 0.1, 0.1], [0.1, 0.5, 0.1, 0.3], [0.1, 0.2, 0.4, 0.3]]
    np.testing.assert_allclose(m.expected_capture([0.2, 0.5, 0.3], capture), [0.22, 0.33, 0.19, 0.26])
    np.testing.assert_allclose(m.expected_capture([2, 5, 3], capture), [0.22, 0.33, 0.19, 0.26])


def test_scenario_sensitivity_ends_at_each_scenario_alone():
    capture = np.array([[0.7, 0.1, 0.1, 0.1], [0.1, 0.5, 0.1, 0.3], [0.1, 0.2, 0.4, 0.3]])
    sweep = m.probability_sensitivity([0.2, 0.5, 0.3], capture, scenario=0, grid=[0.0, 0.2, 1.0])
    np.testing.assert_allclose(sweep[2], capture[0])
    np.testing.assert_allclose(sweep[1], m.expected_capture([0.2, 0.5, 0.3], capture))
    np.testing.assert_allclose(sweep[0], m.expected_capture([0, 0.5, 0.3], capture))


def test_scorecard():
    scores = {
        "model_agnostic_demand": 4,
        "switching_costs": 4,
        "cost_efficiency": 3,
        "open_source_risk": 2,
        "vertical_integration_risk": 1,
    }
    assert m.positioning_score(scores) == pytest.approx(72)
    assert m.verdict(72) == "plumbing-like" and m.verdict(55) == "mixed" and m.verdict(39.9) == "application-like"
    weights = dict.fromkeys(m.CRITERIA, 0.0) | {"model_agnostic_demand": 1.0}
    assert m.positioning_score(scores, weights) == pytest.approx(80)


def test_leadership_reshuffle_closed_form():
    assert m.prob_still_leading(1, 4, 0.3) == pytest.approx(0.7)
    assert m.prob_still_leading(400, 4, 0.3) == pytest.approx(0.25)


def test_request_closed_forms():
    services = [m.Service("a", 100, 100, 0.9, 1.0), m.Service("b", 100, 100, 0.5, 2.0, width=2)]
    assert m.request_success_rate(services, retries=1) == pytest.approx(0.99 * 0.75**2)
    assert m.expected_request_cost(services, retries=1) == pytest.approx(1.1 + 0.99 * 2 * 2.0 * 1.5)


def test_capture_from_winners_rows_sum_to_one():
    matrix = m.capture_from_winners([[0], [1, 3], [4]], 5, [0.7, 0.7, 0.7])
    np.testing.assert_allclose(matrix.sum(axis=1), 1.0)
    np.testing.assert_allclose(matrix[1], [0.1, 0.35, 0.1, 0.35, 0.1])
