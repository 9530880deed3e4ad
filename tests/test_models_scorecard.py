"""utils.models.scorecard: each criterion's points and the verdict thresholds (lesson 11)."""

import pytest

from utils.models import CRITERIA, RISKS, VERDICT_FROM, criterion_points, positioning_score, verdict

EXAMPLE = dict(zip(CRITERIA, [4, 4, 3, 2, 1], strict=True))


def test_points_of_the_worked_example():
    assert criterion_points(EXAMPLE) == dict(zip(CRITERIA, [16, 16, 12, 12, 16], strict=True))


@pytest.mark.parametrize(
    "weights",
    [
        None,
        dict.fromkeys(CRITERIA, 1.0) | {"model_agnostic_demand": 2.0},
        dict(zip(CRITERIA, [0, 1, 2, 3, 4], strict=True)),
    ],
)
def test_points_add_up_to_the_score(weights):
    for scores in (EXAMPLE, dict.fromkeys(CRITERIA, 2.5), dict(zip(CRITERIA, [5, 0, 1.5, 5, 0], strict=True))):
        assert sum(criterion_points(scores, weights).values()) == pytest.approx(positioning_score(scores, weights))


def test_a_risk_gives_points_for_a_low_score_and_none_at_the_top():
    top = {c: 5 for c in CRITERIA}
    assert all((criterion_points(top)[c] == 0) == (c in RISKS) for c in CRITERIA)


def test_points_refuse_what_the_score_refuses():
    with pytest.raises(ValueError):
        criterion_points({"model_agnostic_demand": 3})
    with pytest.raises(ValueError):
        criterion_points(EXAMPLE | {"switching_costs": 6})
    with pytest.raises(ValueError, match="must not all be zero"):
        criterion_points(EXAMPLE, dict.fromkeys(CRITERIA, 0.0))


def test_verdicts_start_at_their_thresholds():
    assert VERDICT_FROM == {"mixed": 40.0, "plumbing-like": 70.0}
    for name, start in VERDICT_FROM.items():
        assert verdict(start) == name
        assert verdict(start - 1e-9) != name
    assert verdict(0) == "application-like" and verdict(100) == "plumbing-like"
