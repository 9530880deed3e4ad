"""The panels of lesson 06 show what the diversification models compute."""

import math

import numpy as np
import pytest

from tests.panel_checks import (
    assert_every_control_moves,
    assert_explorable,
    assert_twin_datasets_match,
    assert_twin_matches,
)
from utils.models import (
    average_app_revenue,
    customers_to_near_floor,
    expected_app_revenue,
    independent_equivalent,
    prob_still_leading,
    revenue_cv,
    revenue_cv_floor,
    simulate_reshuffles,
)
from utils.panels import diversification_panel, reshuffle_panel
from utils.panels.demand import (
    FORMULA,
    RESHUFFLE_SEED,
    RESHUFFLE_WORLDS,
    SAMPLE,
    SIMULATED,
    VENDOR,
    diversification_outcome,
    reshuffle_outcome,
)

N_WORLDS, SEED = RESHUFFLE_WORLDS, RESHUFFLE_SEED


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


def test_the_reshuffle_panel_is_explorable():
    assert_explorable(lambda: reshuffle_panel(4, 25, 40, 12))


def test_the_reshuffle_presets_show_what_they_argue():
    panel = reshuffle_panel(4, 25, 40, 12)
    assert panel.name == "reshuffle"
    kept = {}
    for name in ("A settled race", "The lesson's assumptions", "A crowded, fast race"):
        panel.apply_preset(name)
        now = panel.model_arguments()
        rate, loss = now["reshuffle_percent"] / 100, now["penalty_percent"] / 100
        kept[name] = average_app_revenue(now["quarters"], now["n_models"], rate, loss)
        assert f"keeps {kept[name]:.1%} of its revenue on average" in panel.takeaway()
    # A settled race with a cheap switch costs the app little; a crowded, fast race with a dear one, half or more.
    assert kept["A settled race"] > 0.9
    assert kept["A settled race"] > kept["The lesson's assumptions"] > kept["A crowded, fast race"]
    assert kept["A crowded, fast race"] < 0.5


def test_the_reshuffle_takeaway_says_when_the_app_loses_nothing():
    assert reshuffle_outcome(4, 0, 40, 12).takeaway.endswith("the lead never changes hands.")
    assert reshuffle_outcome(4, 25, 0, 12).takeaway.endswith("it loses nothing while its model trails.")
    key = reshuffle_outcome(4, 25, 40, 12).key
    assert key[1] == pytest.approx(100 * average_app_revenue(12, 4, 0.25, 0.4))


def test_the_reshuffle_axes_stay_put_as_the_sliders_move():
    layers = reshuffle_panel(4, 25, 40, 12).spec["layer"]
    assert all(layer["encoding"]["x"]["scale"]["domain"] == [0, 20] for layer in layers)
    assert all(layer["encoding"]["y"]["scale"]["domain"] == [0, 1.05] for layer in layers)


# Diversification -------------------------------------------------------------------


def test_diversification_readout_matches_the_lesson_s_examples():
    readout = diversification_outcome(100, 0.2).readout
    assert readout["Revenue CV with 100 customers"] == f"{revenue_cv(100, 0.2):.4f} × one customer's CV"
    assert readout["Revenue CV with 100 customers"].startswith("0.4561")
    assert diversification_outcome(100, 0.0).readout["Revenue CV with 100 customers"].startswith("0.1000")
    assert readout["Floor, however many customers"].startswith(f"{math.sqrt(0.2):.4f}")
    assert readout["100 customers correlated at ρ = 0.20 are as steady as"] == (
        f"{1 / revenue_cv(100, 0.2) ** 2:,.1f} independent customers"
    )
    assert diversification_outcome(1, 0.2).readout["1 customer correlated at ρ = 0.20 is as steady as"] == (
        "1.0 independent customer"
    )
    assert readout["Customers needed to come within 10% of the floor"] == f"{customers_to_near_floor(0.2):,}"


def test_the_floor_is_where_revenue_cv_ends_up():
    for rho in (0.01, 0.2, 0.5, 1.0):
        assert revenue_cv_floor(rho) == pytest.approx(revenue_cv(1e9, rho), rel=1e-6)


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


def test_the_customer_slider_steps_on_the_chart_s_log_scale():
    panel = diversification_panel()
    customers = next(c for c in panel.controls if c["name"] == "n_customers")
    assert customers["stops"] == [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000]
    x = panel.spec["layer"][0]["encoding"]["x"]["scale"]
    assert x["type"] == "log" and x["domain"] == [1, 1000]
    panel.set(n_customers=20)
    assert panel.readout[0][0] == "Revenue CV with 20 customers"


def test_the_diversification_panel_is_explorable():
    assert_explorable(lambda: diversification_panel(n_customers=100, rho=0.2))


def test_the_diversification_presets_show_what_they_argue():
    panel = diversification_panel(n_customers=100, rho=0.2)
    assert panel.name == "diversification"
    worth = {}
    for name in ("All on one model", "Spread across models", "The lesson's example"):
        panel.apply_preset(name)
        worth[name] = independent_equivalent(100, panel.model_arguments()["rho"])
        assert f"as steady as {worth[name]:,.1f} independent ones" in panel.takeaway()
    # Customers on one model move together and are worth a few independent ones; spread, far more.
    assert worth["All on one model"] < worth["The lesson's example"] < worth["Spread across models"]
    assert panel.takeaway().endswith(f"past {customers_to_near_floor(0.2):,} customers, signing more barely helps.")


def test_the_diversification_takeaway_at_the_ends_of_rho():
    assert diversification_outcome(100, 0.0).takeaway.endswith("there is no floor.")
    assert "even one customer sits near the floor" in diversification_outcome(100, 1.0).takeaway
    assert diversification_outcome(100, 0.2).key == ("Revenue CV, × one customer's", pytest.approx(0.4561, abs=1e-4))


# Shared ----------------------------------------------------------------------------


def _every_control_changes_the_readout(panel):
    assert_every_control_moves(panel, chart=False, both_ways=True)


# The JavaScript twins (the static site) ------------------------------------------------
#
# The reshuffle panel is a Monte Carlo, yet its twin is held to Python with rel_tol=0: utils/panels/demand.js
# draws the very numbers numpy draws (numpy's PCG64 from the state of default_rng(RESHUFFLE_SEED), and numpy's
# rng.random and rng.integers), so it simulates the same 2,000 worlds. A twin with a generator of its own would
# need a tolerance no test could call parity. Three standard errors of the noisiest share, the chance of still
# leading near 1/K = 0.1 from 2,000 worlds, are already 3 * sqrt(0.9 / (0.1 * 2000)) = 0.20 of its value; and
# "the worst 10% of worlds" is a quantile of a discrete distribution (how many quarters a world's model leads),
# where two simulations land a whole step apart: over this test's positions, 20,000 worlds of another seed
# against Python's 2,000 gave 20.0% against 30.0%, a relative gap of 0.33.


def test_the_reshuffle_twin_computes_what_python_computes():
    assert_twin_matches(lambda: reshuffle_panel(4, 25, 40, 12), count=80, rel_tol=0.0)


def test_the_reshuffle_twin_simulates_the_same_worlds():
    assert_twin_datasets_match(
        lambda: reshuffle_panel(4, 25, 40, 12),
        count=0,
        positions=[
            {"n_models": 2, "reshuffle_percent": 50, "penalty_percent": 100, "quarters": 20},
            {"n_models": 7, "reshuffle_percent": 35, "penalty_percent": 55, "quarters": 9},
            {"n_models": 10, "reshuffle_percent": 0, "penalty_percent": 40, "quarters": 4},
        ],
    )


def test_the_diversification_twin_computes_what_python_computes():
    assert_twin_matches(lambda: diversification_panel(n_customers=100, rho=0.2), count=80)


def test_the_diversification_twin_draws_the_same_curves():
    assert_twin_datasets_match(
        lambda: diversification_panel(n_customers=100, rho=0.2),
        count=0,
        positions=[{"n_customers": 1, "rho": 0.0}, {"n_customers": 20, "rho": 0.37}, {"n_customers": 1000, "rho": 1.0}],
    )
