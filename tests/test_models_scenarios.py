"""utils.models.scenarios: where one claimant's expected share passes another's (lesson 10)."""

import pytest

from utils.models import capture_from_winners, crossing_probability, probability_sensitivity

ONE_WINNER_EACH = [[0], [1], [2]]


def capture(shares):
    return capture_from_winners(ONE_WINNER_EACH, 3, shares)


def test_equal_shares_cross_where_the_scenario_becomes_likeliest():
    assert crossing_probability([0, 1, 1], capture([0.7] * 3), 0, 0, 1) == pytest.approx(1 / 3)


def test_a_smaller_prize_needs_a_likelier_scenario():
    """0.15 + 0.35 q = 0.425 - 0.175 q: q = 11/21."""
    q = crossing_probability([0, 1, 1], capture([0.5, 0.7, 0.7]), 0, 0, 1)
    assert q == pytest.approx(11 / 21)
    shares = probability_sensitivity([0, 1, 1], capture([0.5, 0.7, 0.7]), 0, [q])[0]
    assert shares[0] == pytest.approx(shares[1])


def test_the_other_scenarios_keep_their_proportions():
    """Weights 0, 3, 1 for the other two: the crossing moves, and the shares still meet there."""
    matrix = capture([0.7] * 3)
    q = crossing_probability([0, 3, 1], matrix, 0, 0, 1)
    shares = probability_sensitivity([0, 3, 1], matrix, 0, [q])[0]
    assert shares[0] == pytest.approx(shares[1]) and q != pytest.approx(1 / 3)


def test_no_crossing_and_bad_indices_are_refused():
    with pytest.raises(ValueError, match="must start below"):
        crossing_probability([0, 1, 1], capture([0.7] * 3), 0, 1, 0)  # the rival is the one that starts below
    with pytest.raises(ValueError, match="claimant must be in"):
        crossing_probability([0, 1, 1], capture([0.7] * 3), 0, 3, 1)
    with pytest.raises(ValueError, match="scenario must be in"):
        crossing_probability([0, 1, 1], capture([0.7] * 3), 5, 0, 1)
