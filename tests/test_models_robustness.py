"""Models under values a learner or a slider can produce: never a quiet NaN or infinity, never a
kernel-killing allocation, and the break-even demand in closed form.

The bad-argument cases of every function are in test_models_bad_input.py; these are the ones a
probe of 2,280 calls found slipping through.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from utils import models as m
from utils.models.gpu import HOURS_PER_MONTH, SECONDS_PER_HOUR
from utils.validation import MEMORY_BUDGET_BYTES


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: m.prob_still_leading(np.linspace(0, 4, 9), 3, 0.9), "quarters must be a whole number"),
        (lambda: m.expected_app_revenue(2.5, 2, 0.8, 0.5), "quarters must be a whole number, got 2.5"),
        (lambda: m.reserved_monthly_cost(1e308, 1), "the result overflows"),
        (lambda: m.lifetime_value("1000", "0.75", "0.02"), "arpu must be a number, got '1000'"),
        (lambda: m.lifetime_value(True, 0.75, 0.02), "arpu must be a number, got True"),
        (lambda: m.simulate_deals((10,), 0.5, 0, np.random.default_rng(0)), r"alpha must be in \[0.1, 10\], got 0"),
        (lambda: m.simulate_deals((10,), 1.5, 2, np.random.default_rng(0)), r"p_zero must be in \[0, 1\]"),
    ],
)
def test_no_quiet_nan_infinity_or_text_as_a_number(call, message):
    with pytest.raises(ValueError, match=message):
        call()


def test_shares_of_huge_amounts_do_not_overflow():
    assert m.hhi([1e308, 1e308]) == 5000.0
    assert m.gini([1e308, 0]) == 0.5
    assert m.normalise_weights([1e308, 1e308]).tolist() == [0.5, 0.5]


@pytest.mark.parametrize(
    ("call", "sizes"),
    [
        (lambda: m.simulate_portfolios(10**7, 10**4, 0, 1.5), "n_portfolios=10,000,000 x n_deals=10,000"),
        (lambda: m.simulate_reshuffles(50, 0.3, 0.4, 400, 10**6), "n_paths=1,000,000 x quarters=400"),
        (lambda: m.simulate_deals((10**6, 10**3), 0.5, 1.5, np.random.default_rng(0)), "deals=1,000,000,000"),
    ],
)
def test_work_over_the_memory_budget_is_refused_at_once_naming_its_sizes(call, sizes):
    with pytest.raises(ValueError, match=rf"{sizes} would need about [\d,.]+ GiB; one call may use 0.5 GiB"):
        call()


def test_the_course_defaults_are_far_inside_the_budget():
    assert MEMORY_BUDGET_BYTES / 10 > 16 * 100_000 * 25  # lesson 07's largest simulation
    assert m.simulate_portfolios(100_000, 25, 0.5, 1.5).shape == (100_000,)


def costs(reserved, serverless, par, cold_hours, demand):
    """Monthly reserved and serverless costs at each demand, straight from the definitions."""
    reserved_cost = reserved * HOURS_PER_MONTH * np.ceil(np.round(par * demand, 9))
    return reserved_cost, serverless * (HOURS_PER_MONTH * demand + cold_hours)


@settings(max_examples=200, deadline=None)
@given(
    reserved=st.floats(0.5, 6),
    serverless=st.floats(0.5, 6),
    par=st.floats(1, 1e9),
    cold_starts=st.integers(0, 3000),
    cold_seconds=st.floats(0, 90),
    max_demand=st.floats(0.05, 20),
)
def test_the_closed_form_breakeven_is_where_the_staircase_first_meets_the_line(
    reserved, serverless, par, cold_starts, cold_seconds, max_demand
):
    cold_hours = cold_starts * cold_seconds / SECONDS_PER_HOUR
    found = m.breakeven_demand(reserved, serverless, par, cold_starts, cold_seconds, max_demand)
    below = np.linspace(0, max_demand if found is None else found, 2001)[1:-1]
    below = below[below > 0]  # an answer of 0 leaves nothing before it (zero demand reserves no GPU)
    slack = 1e-9 * reserved * HOURS_PER_MONTH
    reserved_cost, serverless_cost = costs(reserved, serverless, par, cold_hours, below)
    assert np.all(reserved_cost > serverless_cost - slack), "reserved is cheaper somewhere before the answer"
    if found is not None and found > 0:
        at_reserved, at_serverless = costs(reserved, serverless, par, cold_hours, np.array([found]))
        assert at_reserved[0] <= at_serverless[0] + slack


# --- lesson 04's request model (issue 14): a service's figures, and the simulation's memory ---

GOOD_SERVICE = {"name": "llm", "median_ms": 800.0, "p99_ms": 4000.0, "availability": 0.99, "cost_per_call": 0.01}


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("median_ms", float("nan"), r"llm.median_ms must be in \(0, inf\), got nan"),
        ("median_ms", float("inf"), r"llm.median_ms must be in \(0, inf\), got inf"),
        ("median_ms", -5, r"llm.median_ms must be in \(0, inf\), got -5"),
        ("p99_ms", float("nan"), r"llm.p99_ms must be at least median_ms: in \[800, inf\), got nan"),
        ("p99_ms", float("inf"), r"llm.p99_ms must be at least median_ms: in \[800, inf\), got inf"),
        ("p99_ms", -1, r"llm.p99_ms must be at least median_ms: in \[800, inf\), got -1"),
        ("availability", float("nan"), r"llm.availability must be in \[0, 1\], got nan"),
        ("availability", float("-inf"), r"llm.availability must be in \[0, 1\], got -inf"),
        ("availability", -0.1, r"llm.availability must be in \[0, 1\], got -0.1"),
        ("cost_per_call", float("nan"), r"llm.cost_per_call must be in \[0, inf\), got nan"),
        ("cost_per_call", float("inf"), r"llm.cost_per_call must be in \[0, inf\), got inf"),
        ("cost_per_call", -0.01, r"llm.cost_per_call must be in \[0, inf\), got -0.01"),
        ("cost_per_call", "0.01", r"llm.cost_per_call must be a number in \[0, inf\), got '0.01'"),
        ("width", float("nan"), r"llm.width must be a whole number in \[1, 1000\], got nan"),
        ("width", 2.5, r"llm.width must be a whole number in \[1, 1000\], got 2.5"),
    ],
)
def test_a_service_with_a_nan_infinite_or_negative_figure_is_refused_naming_field_and_range(field, value, message):
    with pytest.raises(ValueError, match=message):
        m.Service(**{**GOOD_SERVICE, field: value})


def test_simulated_requests_over_the_memory_budget_are_refused_at_once_naming_the_sizes(monkeypatch):
    wide = m.Service("vector database", 30, 150, 0.9995, 0.0005, width=1000)
    monkeypatch.setattr(np.random, "default_rng", lambda *a: pytest.fail("drew random numbers before refusing"))
    with pytest.raises(ValueError, match=r"n_requests=1,000,000 x width=1,000 would need about [\d,.]+ GiB"):
        m.simulate_requests([wide], retries=0, n_requests=10**6)


def test_lesson_04s_simulations_are_far_inside_the_memory_budget():
    wide = m.Service("vector database", 30, 150, 0.9995, 0.0005, width=20)  # the panel's widest fan-out
    assert 42 * m.N_REQUESTS * wide.width * 10 < MEMORY_BUDGET_BYTES
    assert m.simulate_requests([wide], retries=5, n_requests=m.N_REQUESTS).latencies_ms.shape == (m.N_REQUESTS,)
