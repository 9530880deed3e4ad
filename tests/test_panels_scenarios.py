"""Lesson 10's panel shows what the scenario models compute."""

import numpy as np
import pytest

from tests.panel_checks import assert_every_control_moves
from utils.models import capture_from_winners, expected_capture, probability_sensitivity
from utils.panels.scenarios import LAYERS, WINNERS, scenario_outcome, scenario_panel

DEFAULTS = {
    "weight_vertical": 35,
    "weight_horizontal": 35,
    "weight_managed": 30,
    "winners_vertical": 70,
    "winners_horizontal": 70,
    "winners_managed": 70,
    "sensitivity_to": 0,
}


def test_bars_are_the_expected_capture():
    outcome = scenario_outcome(**DEFAULTS)
    capture = capture_from_winners(WINNERS, len(LAYERS), [0.7, 0.7, 0.7])
    np.testing.assert_allclose(outcome.datasets["shares"]["share"], expected_capture([35, 35, 30], capture))


def test_sweep_follows_the_sensitivity_model():
    outcome = scenario_outcome(**{**DEFAULTS, "sensitivity_to": 2})
    capture = capture_from_winners(WINNERS, len(LAYERS), [0.7, 0.7, 0.7])
    sweep = outcome.datasets["sweep"]
    at_half = sweep[np.isclose(sweep["probability"], 0.5)]["share"].to_numpy()
    np.testing.assert_allclose(at_half, probability_sensitivity([35, 35, 30], capture, 2, [0.5])[0])
    assert outcome.datasets["current"]["probability"].iloc[0] == pytest.approx(0.3)


def test_readout_names_the_leader_and_the_certain_case():
    readout = scenario_outcome(**DEFAULTS).readout
    assert readout["Largest expected share"] == "model providers, 30.2%"
    assert readout["If vertical integration were certain"] == "model providers would take 70%"


def test_no_weight_anywhere_is_treated_as_equal_and_said():
    readout = scenario_outcome(
        **{**DEFAULTS, "weight_vertical": 0, "weight_horizontal": 0, "weight_managed": 0}
    ).readout
    assert readout["Probabilities"].endswith("(no weight given anywhere: treated as equally likely)")


def test_every_control_changes_the_readout():
    assert_every_control_moves(scenario_panel(), chart=False)
