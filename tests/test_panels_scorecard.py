"""Lesson 11's scorecard panel shows what the scorecard model computes."""

import pytest

from tests.panel_checks import assert_every_control_moves
from utils.models import CRITERIA, positioning_score, verdict
from utils.panels.scorecard import (
    EXAMPLE,
    RESHUFFLE_WEIGHTS,
    THRESHOLDS,
    TWO_PRODUCTS,
    contributions,
    evidence_frame,
    evidence_summary,
    evidence_table,
    scorecard_outcome,
    scorecard_panel,
)


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


def test_the_example_is_the_models_worked_example():
    assert EXAMPLE == {
        "model_agnostic_demand": 4,
        "switching_costs": 4,
        "cost_efficiency": 3,
        "open_source_risk": 2,
        "vertical_integration_risk": 1,
    }
    assert positioning_score(EXAMPLE) == pytest.approx(72)


def test_the_panel_starts_where_it_is_told_and_refuses_a_bad_start():
    assert "72 out of 100" in scorecard_panel(EXAMPLE).readout_text()
    assert "56 out of 100" in scorecard_panel().readout_text()  # middling scores by default
    with pytest.raises(ValueError, match="start must score exactly"):
        scorecard_panel({"model_agnostic_demand": 3})
    with pytest.raises(ValueError):
        scorecard_panel(EXAMPLE | {"switching_costs": 6})


def test_the_two_products_tie_until_the_investor_weights_them():
    """Lesson 11, exercise 2: the same equal-weight score, different verdicts once demand counts twice."""
    equal = {name: positioning_score(scores) for name, scores in TWO_PRODUCTS.items()}
    assert equal["a"] == equal["b"] and verdict(equal["a"]) == "mixed"
    weighted = {name: verdict(positioning_score(scores, RESHUFFLE_WEIGHTS)) for name, scores in TWO_PRODUCTS.items()}
    assert weighted == {"a": "plumbing-like", "b": "mixed"}


BLANK = {c: (..., "...", "...") for c in CRITERIA}


def test_an_empty_evidence_card_says_what_to_fill_in():
    assert evidence_summary("...", BLANK) == (
        "Your product: not scored yet. Still to fill in: the score, evidence and source of every criterion."
    )
    frame = evidence_frame(BLANK)
    assert frame["score"].isna().all() and (frame["evidence"] == "(to fill in)").all()
    assert "–" in repr(evidence_table(BLANK))


def test_a_full_evidence_card_adds_up_to_the_score():
    card = {c: (EXAMPLE[c], f"evidence for {c}", "a source") for c in CRITERIA}
    summary = evidence_summary("X", card)
    assert summary == "X: 72 out of 100, plumbing-like. Every score has its evidence and its source."
    assert evidence_frame(card)["points of 20"].sum() == pytest.approx(72)


def test_a_partial_evidence_card_names_what_is_missing():
    card = {c: (EXAMPLE[c], "evidence", "a source") for c in CRITERIA}
    card["cost_efficiency"] = (3, "evidence", "...")
    card["open_source_risk"] = (..., "", "a source")
    assert evidence_summary("X", card) == (
        "X: not scored yet. Still to fill in: cost efficiency (source); open-source risk (score, evidence)."
    )


@pytest.mark.parametrize(
    "card",
    [
        {c: (3, "e", "s") for c in CRITERIA[:-1]},
        {c: (3, "e") for c in CRITERIA},
        {c: (7, "e", "s") for c in CRITERIA},
        {c: ("high", "e", "s") for c in CRITERIA},
    ],
)
def test_a_malformed_evidence_card_is_refused(card):
    with pytest.raises(ValueError):
        evidence_summary("X", card)
