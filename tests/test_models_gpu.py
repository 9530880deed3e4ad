"""The serverless-GPU model: lesson 03's worked examples, bad input, and properties."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from utils.models import (
    breakeven_demand,
    breakeven_utilization,
    reserved_gpus,
    reserved_monthly_cost,
    serverless_monthly_cost,
)

# --- lesson 03's round teaching prices: P_s = 4, P_r = 2.5, D = 0.3 ---


def test_worked_example_reserved():
    assert reserved_monthly_cost(2.5, 0.3) == pytest.approx(1825.0)


def test_worked_example_serverless():
    assert serverless_monthly_cost(4.0, 0.3) == pytest.approx(876.0)


def test_worked_example_breakeven():
    assert breakeven_utilization(2.5, 4.0) == pytest.approx(0.625)


def test_worked_example_cold_starts():
    assert serverless_monthly_cost(4.0, 0.3, cold_starts=200, cold_start_seconds=60) == pytest.approx(889.33, abs=0.005)


def test_worked_example_bursty():
    assert reserved_monthly_cost(2.5, 1.0, peak_to_average=4) == pytest.approx(7300.0)
    assert serverless_monthly_cost(4.0, 1.0) == pytest.approx(2920.0)


def test_numbers_in_give_a_float_out():
    assert isinstance(reserved_monthly_cost(2.5, 0.3), float)


def test_arrays_in_give_arrays_out():
    demand = np.array([0.0, 0.25, 0.5, 1.0])
    np.testing.assert_allclose(reserved_monthly_cost(2.0, demand, 2), [0, 1460, 1460, 2920])
    np.testing.assert_allclose(serverless_monthly_cost(2.0, demand), 2.0 * 730 * demand)


def test_float_dust_never_buys_an_extra_gpu():
    assert reserved_gpus(0.3, 10) == 3  # 0.3 * 10 is 3.0000000000000004 in floating point


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: reserved_monthly_cost(-1, 0.3), r"price_per_hour must be in \(0, inf\), got -1"),
        (lambda: reserved_monthly_cost(2, -0.1), r"avg_demand_gpus must be in \[0, inf\), got -0.1"),
        (lambda: reserved_monthly_cost(2, 0.3, 0.5), r"peak_to_average must be in \[1, inf\), got 0.5"),
        (lambda: serverless_monthly_cost(4, 0.3, cold_starts=-5), r"cold_starts must be in \[0, inf\), got -5"),
        (lambda: serverless_monthly_cost(4, 0.3, 1, float("nan")), r"cold_start_seconds must be a finite number"),
        (lambda: serverless_monthly_cost(4, 0.3, hours=0), r"hours must be in \(0, inf\), got 0"),
        (lambda: breakeven_utilization(0, 4), r"reserved_price must be in \(0, inf\), got 0"),
        (lambda: breakeven_utilization(2, float("inf")), r"serverless_price must be a finite number, got inf"),
    ],
)
def test_bad_input_names_the_argument_and_range(call, message):
    with pytest.raises(ValueError, match=message):
        call()


# --- break-even demand: the general case agrees with both cost functions ---


def test_breakeven_demand_reduces_to_u_star():
    assert breakeven_demand(2.5, 4.0) == pytest.approx(0.625)


def test_breakeven_demand_none_when_serverless_always_wins():
    assert breakeven_demand(3.99, 3.95) is None


prices = st.floats(0.5, 10)


@given(prices, prices, st.floats(1, 10), st.integers(0, 2000), st.floats(0, 300))
def test_breakeven_demand_is_where_reserved_stops_costing_more(p_r, p_s, par, starts, seconds):
    demand = breakeven_demand(p_r, p_s, par, starts, seconds)
    grid = np.linspace(1e-4, 1.0, 2001)
    reserved = reserved_monthly_cost(p_r, grid, par)
    serverless = serverless_monthly_cost(p_s, grid, starts, seconds)
    tolerance = 1e-9 * np.maximum(reserved, serverless)
    if demand is None:
        assert np.all(serverless < reserved + tolerance)
    else:
        below = grid < demand - 1e-9
        assert np.all(serverless[below] < reserved[below] + tolerance[below])
        at = reserved_monthly_cost(p_r, demand, par), serverless_monthly_cost(p_s, demand, starts, seconds)
        assert at[0] <= at[1] * (1 + 1e-9)


@given(prices, prices, st.floats(0.01, 1), st.floats(0.01, 1))
def test_higher_utilization_never_makes_reserved_look_worse(p_r, p_s, u1, u2):
    low, high = sorted((u1, u2))
    ratio = lambda u: reserved_monthly_cost(p_r, u) / serverless_monthly_cost(p_s, u)  # noqa: E731
    assert ratio(high) <= ratio(low) * (1 + 1e-12)


@given(prices, st.floats(0, 1), st.floats(1, 10), st.integers(0, 2000), st.floats(0, 300))
def test_costs_are_finite_and_nonnegative_over_slider_ranges(price, demand, par, starts, seconds):
    for cost in (reserved_monthly_cost(price, demand, par), serverless_monthly_cost(price, demand, starts, seconds)):
        assert np.isfinite(cost) and cost >= 0
