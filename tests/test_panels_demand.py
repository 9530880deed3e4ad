"""The panels of lesson 06 show what the diversification models compute."""

import math

import numpy as np
import pytest

from tests.panel_checks import assert_every_control_moves
from utils.models import expected_app_revenue, prob_still_leading, revenue_cv, revenue_cv_floor, simulate_reshuffles
from utils.panels.demand import (
    FORMULA,
    N_WORLDS,
    SAMPLE,
    SEED,
    SIMULATED,
    VENDOR,
    customers_to_near_floor,
    diversification_outcome,
    diversification_panel,
    reshuffle_outcome,
    reshuffle_panel,
)


def _series(outcome, name):
    lines = outcome.datasets["lines"]
    return lines[lines["series"] == name]


# Leadership reshuffles -------------------------------------------------------------


def test_reshuffle_readout_matches_the_models():
    outcome = reshuffle_outcome(4, 25, 40, 12)
    worlds = simulate_reshuffles(4, 0.25, 0.40, quarters=12, n_paths=N_WORLDS, seed=SEED)
    per_world = worlds.app[:, 1:].mean(axis=1)
    expected = [expected_app_revenue(t, 4, 0.25, 0.40) for t in range(1, 13)]
    readout = outcome.readout
    assert readout[VENDOR].startswith("100.0% of full revenue")
    assert readout["App tied to one model, average over quarters 1-12"] == (
        f"{per_world.mean():.1%} of full revenue (simulated); {np.mean(expected):.1%} (formula)"
    )
    assert readout["Chance its model still leads in quarter 12"] == (
        f"{prob_still_leading(12, 4, 0.25):.1%} (formula); {worlds.leads[:, -1].mean():.1%} of the simulated worlds"
    )
    assert readout["The app in its worst 10% of worlds"] == (
        f"averages {np.quantile(per_world, 0.10):.1%} of full revenue or less"
    )


def test_expected_app_revenue_weights_the_two_states_by_the_closed_form():
    for t in (0, 1, 5, 12):
        leading = prob_still_leading(t, 5, 0.2)
        assert expected_app_revenue(t, 5, 0.2, 0.3) == pytest.approx(leading * 1 + (1 - leading) * 0.7)
    assert expected_app_revenue(1, 4, 0.3, 0.4) == pytest.approx(0.88)


def test_reshuffle_lines_follow_the_simulation_and_the_formula():
    outcome = reshuffle_outcome(3, 30, 50, 8)
    worlds = simulate_reshuffles(3, 0.30, 0.50, quarters=8, n_paths=N_WORLDS, seed=SEED)
    assert _series(outcome, SIMULATED)["revenue"].tolist() == pytest.approx(worlds.app.mean(axis=0).tolist())
    assert _series(outcome, SAMPLE)["revenue"].tolist() == pytest.approx(worlds.app[0].tolist())
    assert _series(outcome, VENDOR)["revenue"].tolist() == pytest.approx([1.0] * 9)
    formula = _series(outcome, FORMULA)
    assert formula["revenue"].tolist() == pytest.approx(
        expected_app_revenue(formula["quarter"].to_numpy(), 3, 0.3, 0.5)
    )
    assert formula["quarter"].tolist() == list(range(9))


def test_the_simulated_average_agrees_with_the_closed_form():
    outcome = reshuffle_outcome(4, 25, 40, 20)
    simulated = _series(outcome, SIMULATED)["revenue"].to_numpy()
    formula = _series(outcome, FORMULA)["revenue"].to_numpy()
    assert np.abs(simulated - formula).max() < 0.02  # 2,000 worlds: sampling error about 0.01


def test_no_reshuffles_means_the_app_keeps_its_revenue():
    outcome = reshuffle_outcome(4, 0, 40, 12)
    assert _series(outcome, SIMULATED)["revenue"].tolist() == pytest.approx([1.0] * 13)
    assert outcome.readout["Chance its model still leads in quarter 12"].startswith("100.0% (formula); 100.0%")


def test_the_app_drifts_towards_one_in_k_leads():
    outcome = reshuffle_outcome(5, 50, 100, 20)
    formula = _series(outcome, FORMULA)["revenue"].iloc[-1]
    assert formula == pytest.approx(1 / 5, abs=1e-4)  # penalty 100%: revenue is the chance of leading


def test_every_reshuffle_control_changes_the_readout_both_ways():
    panel = reshuffle_panel(4, 25, 40, 12)
    _every_control_changes_the_readout(panel)


def test_reshuffle_update_is_quick():
    import time

    reshuffle_outcome(4, 25, 40, 20)
    start = time.perf_counter()
    for _ in range(20):
        reshuffle_outcome(4, 25, 40, 20)
    assert (time.perf_counter() - start) / 20 < 0.05  # well under 10 ms on a quiet machine; generous for CI


# Diversification -------------------------------------------------------------------


def test_diversification_readout_matches_the_curriculum_examples():
    readout = diversification_outcome(100, 0.2).readout
    assert readout["Revenue CV with 100 customers"] == f"{revenue_cv(100, 0.2):.4f} × one customer's CV"
    assert readout["Revenue CV with 100 customers"].startswith("0.4561")
    assert diversification_outcome(100, 0.0).readout["Revenue CV with 100 customers"].startswith("0.1000")
    assert readout["Floor, however many customers"].startswith(f"{math.sqrt(0.2):.4f}")
    assert readout["100 customers correlated at ρ = 0.20 are as steady as"] == (
        f"{1 / revenue_cv(100, 0.2) ** 2:,.1f} independent customers"
    )
    assert readout["Customers needed to come within 10% of the floor"] == f"{customers_to_near_floor(0.2):,}"


def test_the_floor_is_where_revenue_cv_ends_up():
    for rho in (0.01, 0.2, 0.5, 1.0):
        assert revenue_cv_floor(rho) == pytest.approx(revenue_cv(1e9, rho), rel=1e-6)


@pytest.mark.parametrize("rho", [0.01, 0.05, 0.16, 0.2, 0.5, 0.9])
def test_customers_to_near_floor_is_the_first_count_within_ten_percent(rho):
    needed = customers_to_near_floor(rho)
    limit = 1.1 * revenue_cv_floor(rho)
    assert revenue_cv(needed, rho) <= limit * (1 + 1e-12)
    if needed > 1:
        assert revenue_cv(needed - 1, rho) > limit


def test_no_floor_without_correlation_and_no_gain_with_full_correlation():
    independent = diversification_outcome(100, 0.0)
    assert customers_to_near_floor(0.0) is None
    assert independent.readout["Customers needed to come within 10% of the floor"].startswith("none")
    assert independent.datasets["floor"]["label"].tolist() == ["no floor when ρ = 0"]
    together = diversification_outcome(500, 1.0)
    assert together.readout["Revenue CV with 500 customers"].startswith("1.0000")
    assert together.readout["Customers needed to come within 10% of the floor"].startswith("1:")


def test_diversification_curves_follow_revenue_cv():
    outcome = diversification_outcome(250, 0.35)
    curves = outcome.datasets["curves"]
    for rho, rows in zip((0.35, 0.0), (curves.iloc[: len(curves) // 2], curves.iloc[len(curves) // 2 :]), strict=True):
        assert rows["cv"].tolist() == pytest.approx(revenue_cv(rows["customers"].to_numpy(), rho).tolist())
    assert outcome.datasets["mine"]["cv"].tolist() == pytest.approx([revenue_cv(250, 0.35)])
    assert outcome.datasets["floor"]["cv"].tolist() == pytest.approx([math.sqrt(0.35)])


def test_every_diversification_control_changes_the_readout_both_ways():
    _every_control_changes_the_readout(diversification_panel())


# Shared ----------------------------------------------------------------------------


def _every_control_changes_the_readout(panel):
    assert_every_control_moves(panel, chart=False, both_ways=True)
