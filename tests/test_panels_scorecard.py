"""Lesson 11's scorecard panel shows what the scorecard model computes."""

import pytest

from tests.panel_checks import (
    assert_every_control_moves,
    assert_explorable,
    assert_twin_datasets_match,
    assert_twin_matches,
)
from utils.models import CRITERIA, VERDICT_FROM, criterion_points, positioning_score, verdict
from utils.panels import (
    EXAMPLE,
    MIDDLING,
    RESHUFFLE_WEIGHTS,
    THIN_WRAPPER,
    THRESHOLDS,
    TWO_PRODUCTS,
    contributions,
    evidence_card_frame,
    evidence_card_summary,
    evidence_card_table,
    scorecard_outcome,
    scorecard_panel,
)


def test_contributions_add_up_to_the_score():
    assert contributions(EXAMPLE)["points"].sum() == pytest.approx(positioning_score(EXAMPLE))


def test_contributions_are_the_models_points_not_a_copy_of_its_formula():
    points = criterion_points(THIN_WRAPPER)
    assert contributions(THIN_WRAPPER)["points"].tolist() == [points[c] for c in CRITERIA]


def test_readout_gives_score_verdict_and_weakest():
    outcome = scorecard_outcome(**EXAMPLE)
    assert outcome.readout == {
        "Positioning score": "72 out of 100",
        "Verdict": "plumbing-like",
        "Weakest": "Cost efficiency, Open-source risk (inverted) (12 of 20 points)",
    }
    assert outcome.takeaway == (
        "72 out of 100, plumbing-like, 2 points above the plumbing-like line; "
        "weakest: cost efficiency and open-source risk."
    )
    assert outcome.key == ("Positioning score (points out of 100)", 72)


def test_takeaway_measures_to_the_nearest_line():
    assert scorecard_outcome(**MIDDLING).takeaway.startswith("56 out of 100, mixed, 14 points short of plumbing-like")
    assert scorecard_outcome(**THIN_WRAPPER).takeaway.startswith("26 out of 100, application-like, 14 points short")
    near_mixed = EXAMPLE | {"switching_costs": 0, "model_agnostic_demand": 0.5}
    assert scorecard_outcome(**near_mixed).takeaway.startswith("42 out of 100, mixed, 2 points above the mixed line")


def test_all_equal_is_said_plainly():
    equal = dict.fromkeys(EXAMPLE, 3) | {"open_source_risk": 2, "vertical_integration_risk": 2}
    assert scorecard_outcome(**equal).readout["Weakest"].startswith("none: all five score the same")


def test_every_control_changes_the_readout():
    assert_every_control_moves(scorecard_panel(), chart=False)


def test_threshold_lines_are_where_the_verdict_changes():
    """Lesson 11 prints the thresholds from the panel's lines: they must be the model's own."""
    assert list(THRESHOLDS["points"]) == sorted(VERDICT_FROM.values()) == [40, 70]
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


def test_the_panel_is_explorable():
    assert_explorable(lambda: scorecard_panel(EXAMPLE, name="scorecard"))


def test_the_presets_give_the_verdicts_they_argue():
    panel = scorecard_panel(EXAMPLE)
    assert panel.active_preset == "Worked example"
    panel.apply_preset("Thin wrapper")
    assert panel.takeaway().startswith("26 out of 100, application-like")
    assert panel.takeaway().endswith("weakest: vertical-integration risk.")
    panel.apply_preset("Middling")
    assert "56 out of 100" in panel.readout_text()
    assert panel.share() == (
        "scorecard.set(model_agnostic_demand=3.0, switching_costs=3.0, cost_efficiency=2.5, "
        "open_source_risk=2.0, vertical_integration_risk=2.5)"
    )


def test_sliders_say_which_end_of_the_scale_is_good():
    labels = {c["name"]: c["label"] for c in scorecard_panel().controls}
    assert all(labels[c].endswith("(5 worst)" if c.endswith("_risk") else "(5 best)") for c in CRITERIA)


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
    assert evidence_card_summary("...", BLANK) == (
        "Your product: not scored yet. Still to fill in: the score, evidence and source of every criterion."
    )
    frame = evidence_card_frame(BLANK)
    assert frame["score"].isna().all() and (frame["evidence"] == "(to fill in)").all()
    assert "–" in repr(evidence_card_table(BLANK))


def test_a_full_evidence_card_adds_up_to_the_score():
    card = {c: (EXAMPLE[c], f"evidence for {c}", "a source") for c in CRITERIA}
    summary = evidence_card_summary("X", card)
    assert summary == "X: 72 out of 100, plumbing-like. Every score has its evidence and its source."
    assert evidence_card_frame(card)["points of 20"].sum() == pytest.approx(72)


def test_a_partial_evidence_card_names_what_is_missing():
    card = {c: (EXAMPLE[c], "evidence", "a source") for c in CRITERIA}
    card["cost_efficiency"] = (3, "evidence", "...")
    card["open_source_risk"] = (..., "", "a source")
    assert evidence_card_summary("X", card) == (
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
        evidence_card_summary("X", card)


# --- The JavaScript twin (utils/panels/scorecard.js) for the static site ----------------------------------------
# A closed form: the readout and takeaway to the displayed rounding (rel_tol 0), the chart rows and key to 1e-12.

STRENGTHS = ("model_agnostic_demand", "switching_costs", "cost_efficiency")


def _scores(strength, risk):
    return {c: strength if c in STRENGTHS else risk for c in CRITERIA}


def test_the_twin_reads_as_the_python_panel_does():
    assert_twin_matches(lambda: scorecard_panel(EXAMPLE, name="scorecard"), count=120)


def test_the_twin_draws_the_same_bar_and_lines_in_every_branch():
    corners = [
        EXAMPLE,  # two weakest criteria
        THIN_WRAPPER,  # one weakest, application-like
        _scores(3, 2),  # every criterion gives the same points (60)
        _scores(0, 5),  # 0 out of 100
        _scores(5, 0),  # 100 out of 100
        _scores(2, 3),  # exactly on the mixed line
        _scores(3.5, 1.5),  # exactly on the plumbing-like line
        {**_scores(2, 3), "cost_efficiency": 2.5},  # 42, just above the mixed line; four criteria tie weakest
    ]
    assert_twin_datasets_match(scorecard_panel, positions=corners)
