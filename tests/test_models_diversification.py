"""The lesson 06 models a panel used to compute itself: the customers that come near the floor, what a
correlated customer list is worth, and the app's average revenue over a horizon."""

import math

import numpy as np
import pytest

from utils.models import (
    average_app_revenue,
    customers_to_near_floor,
    expected_app_revenue,
    independent_equivalent,
    revenue_cv,
    revenue_cv_floor,
)


@pytest.mark.parametrize("rho", [0.01, 0.05, 0.16, 0.2, 0.33, 0.5, 0.9, 0.99])
def test_customers_to_near_floor_is_the_first_count_within_ten_percent(rho):
    needed = customers_to_near_floor(rho)
    limit = 1.1 * revenue_cv_floor(rho)
    assert revenue_cv(needed, rho) <= limit * (1 + 1e-12)
    if needed > 1:
        assert revenue_cv(needed - 1, rho) > limit


def test_customers_to_near_floor_agrees_with_a_search_on_every_slider_step():
    grid = np.arange(1, 10_001)
    for rho in np.round(np.arange(0.01, 1.001, 0.01), 2):
        cv = revenue_cv(grid, rho)
        first = grid[np.flatnonzero(cv <= 1.1 * revenue_cv_floor(rho) * (1 + 1e-12))[0]]
        assert customers_to_near_floor(rho) == first, rho


def test_customers_to_near_floor_edges():
    assert customers_to_near_floor(0.0) is None  # no floor: the CV keeps falling
    assert customers_to_near_floor(1.0) == 1  # in lockstep one customer is already the floor
    assert customers_to_near_floor(0.2) == 20  # the lesson's example
    assert customers_to_near_floor(0.2, within=0.5) < customers_to_near_floor(0.2, within=0.01)
    with pytest.raises(ValueError, match="within"):
        customers_to_near_floor(0.2, within=0)
    with pytest.raises(ValueError, match="rho"):
        customers_to_near_floor(1.5)


def test_independent_equivalent_is_one_over_the_squared_cv():
    for n, rho in ((1, 0.2), (100, 0.2), (1000, 0.3), (50, 0.05), (100, 0.0)):
        assert independent_equivalent(n, rho) == pytest.approx(1 / revenue_cv(n, rho) ** 2)
    assert independent_equivalent(500, 1.0) == pytest.approx(1.0)
    assert independent_equivalent(10**6, 0.2) < 1 / 0.2  # never more than 1 / rho
    assert independent_equivalent(np.array([1, 10]), 0.0).tolist() == [1.0, 10.0]


def test_average_app_revenue_averages_quarters_one_to_the_horizon():
    expected = np.mean([expected_app_revenue(t, 4, 0.25, 0.4) for t in range(1, 13)])
    assert average_app_revenue(12, 4, 0.25, 0.4) == pytest.approx(expected)
    assert average_app_revenue(12, 4, 0.0, 0.4) == pytest.approx(1.0)  # the lead never moves
    assert average_app_revenue(12, 4, 0.25, 0.0) == pytest.approx(1.0)  # nothing lost while trailing
    long_run = expected_app_revenue(400, 4, 0.25, 0.4)
    assert math.isclose(long_run, 1 - 0.4 * (1 - 1 / 4))
    assert average_app_revenue(12, 4, 0.25, 0.4) > average_app_revenue(20, 4, 0.25, 0.4) > long_run
    with pytest.raises(ValueError, match="horizon"):
        average_app_revenue(0, 4, 0.25, 0.4)
