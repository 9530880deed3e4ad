"""Lesson 10's panel shows what the scenario models compute, and no claimant leads by construction."""

import numpy as np
import pytest

from tests.panel_checks import assert_every_control_moves
from utils.models import capture_from_winners, expected_capture, probability_sensitivity
from utils.panels.scenarios import (
    ASSUMED_WINNER_SHARE,
    CLAIMANTS,
    LAYER_WINNERS,
    LAYERS,
    START_WEIGHTS,
    WEAK_INTEGRATOR_SHARE,
    WINNERS,
    capture_table,
    crossing_probability,
    scenario_outcome,
    scenario_panel,
)

DEFAULTS = {
    "weight_vertical": 50,
    "weight_horizontal": 50,
    "weight_managed": 50,
    "winners_vertical": 70,
    "winners_horizontal": 70,
    "winners_managed": 70,
    "sensitivity_to": 0,
}


def test_defaults_are_equal_weights_and_the_assumed_share():
    assert START_WEIGHTS == (50, 50, 50) and ASSUMED_WINNER_SHARE == 70
    panel = scenario_panel()
    assert panel.model_arguments() == DEFAULTS


def test_each_claimant_wins_exactly_one_scenario():
    assert sorted(layer for winners in WINNERS for layer in winners) == list(range(len(CLAIMANTS)))
    assert all(len(winners) == 1 for winners in WINNERS)


def test_bars_are_the_expected_capture():
    outcome = scenario_outcome(**{**DEFAULTS, "weight_vertical": 20, "winners_managed": 55})
    capture = capture_from_winners(WINNERS, len(CLAIMANTS), [0.7, 0.7, 0.55])
    np.testing.assert_allclose(outcome.datasets["shares"]["share"], expected_capture([20, 50, 50], capture))


def test_no_claimant_leads_by_construction():
    """Equal weights and equal winners' shares tie all three, whatever the common share."""
    for share in (0, 35, 70, 100):
        outcome = scenario_outcome(
            **{**DEFAULTS, "winners_vertical": share, "winners_horizontal": share, "winners_managed": share}
        )
        np.testing.assert_allclose(outcome.datasets["shares"]["share"], 1 / 3)
    readout = scenario_outcome(**DEFAULTS).readout
    assert readout["Largest expected share"] == (
        "none: model providers, deployment + observability, managed OSS providers tie at 33.3%"
    )


def test_counting_by_layer_is_the_artifact_the_lesson_shows():
    """Split deployment + observability into two layers and model providers lead with no belief changed."""
    by_layer = expected_capture([1, 1, 1], capture_from_winners(LAYER_WINNERS, len(LAYERS), [0.7] * 3))
    assert by_layer[LAYERS.index("model providers")] > 1.5 * by_layer[LAYERS.index("deployment")]
    assert by_layer[LAYERS.index("model providers")] == pytest.approx(0.95 / 3)


def test_a_lower_winner_share_breaks_the_tie_against_that_winner():
    readout = scenario_outcome(**{**DEFAULTS, "winners_vertical": 50}).readout
    assert readout["Largest expected share"] == "none: deployment + observability, managed OSS providers tie at 36.7%"
    assert readout["If vertical integration were certain"] == "model providers would take 50%"


def test_sweep_follows_the_sensitivity_model():
    outcome = scenario_outcome(**{**DEFAULTS, "weight_managed": 30, "sensitivity_to": 2})
    capture = capture_table((70, 70, 70))
    sweep = outcome.datasets["sweep"]
    at_half = sweep[np.isclose(sweep["probability"], 0.5)]["share"].to_numpy()
    np.testing.assert_allclose(at_half, probability_sensitivity([50, 50, 30], capture, 2, [0.5])[0])
    assert outcome.datasets["current"]["probability"].iloc[0] == pytest.approx(30 / 130)


def test_readout_names_the_leader_and_the_certain_case():
    readout = scenario_outcome(**{**DEFAULTS, "weight_horizontal": 70, "sensitivity_to": 1}).readout
    assert readout["Largest expected share"] == "deployment + observability, 37.6%"
    assert readout["If horizontal layering were certain"] == "deployment + observability would take 70%"


def test_no_weight_anywhere_is_treated_as_equal_and_said():
    readout = scenario_outcome(
        **{**DEFAULTS, "weight_vertical": 0, "weight_horizontal": 0, "weight_managed": 0}
    ).readout
    assert readout["Probabilities"].endswith("(no weight given anywhere: treated as equally likely)")


def test_every_control_changes_the_readout():
    assert_every_control_moves(scenario_panel(), chart=False)


def test_crossing_probability_is_where_the_straight_lines_meet():
    """Equal winners' shares: providers pass deployment + observability at a third, when integration is likeliest.

    With 50 % for providers: 0.15 + 0.35 q = 0.425 - 0.175 q, so q = 0.275 / 0.525 = 11/21.
    """
    providers, rival = CLAIMANTS.index("model providers"), CLAIMANTS.index("deployment + observability")
    assert crossing_probability((0, 1, 1), capture_table((70, 70, 70)), 0, providers, rival) == pytest.approx(1 / 3)
    weak = capture_table((WEAK_INTEGRATOR_SHARE, 70, 70))
    q = crossing_probability((0, 1, 1), weak, 0, providers, rival)
    assert WEAK_INTEGRATOR_SHARE == 50 and q == pytest.approx(11 / 21)
    shares = probability_sensitivity([0, 1, 1], weak, 0, [q])[0]
    assert shares[providers] == pytest.approx(shares[rival])
    with pytest.raises(ValueError, match="must start below"):
        crossing_probability((0, 1, 1), weak, 0, rival, providers)
