"""Lesson 11's scorecard panel shows what the scorecard model computes."""

import pytest

from tests.panel_checks import assert_every_control_moves
from utils.models import positioning_score, verdict
from utils.panels.scorecard import THRESHOLDS, contributions, scorecard_outcome, scorecard_panel

EXAMPLE = {
    "model_agnostic_demand": 4,
    "switching_costs": 4,
    "cost_efficiency": 3,
    "open_source_risk": 2,
    "vertical_integration_risk": 1,
}


def test_contributions_add_up_to_the_score():
    assert contributions(EXAMPLE)["points"].sum() == pytest.approx(positioning_score(EXAMPLE))


def test_readout_gives_score_verdict_and_weakest():
    readout = scorecard_outcome(**EXAMPLE).readout
    assert readout == {
        "Positioning score": "72 out of 100",
        "Verdict": "plumbing-like",
        "Weakest": "Cost efficiency, Open-source risk (inverted) (12 of 20 points)",
    }


def test_all_equal_is_said_plainly():
    equal = dict.fromkeys(EXAMPLE, 3) | {"open_source_risk": 2, "vertical_integration_risk": 2}
    assert scorecard_outcome(**equal).readout["Weakest"].startswith("none: all five score the same")


def test_every_control_changes_the_readout():
    assert_every_control_moves(scorecard_panel(), chart=False)


def test_threshold_lines_are_where_the_verdict_changes():
    """Lesson 11 prints the thresholds from the panel's lines: they must be the model's own."""
    assert list(THRESHOLDS["points"]) == sorted(THRESHOLDS["points"])
    for points in THRESHOLDS["points"]:
        assert verdict(points) != verdict(points - 0.01)
