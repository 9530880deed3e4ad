"""The tail exponent that gives a chosen mean (lesson 07): the mean formula solved for alpha."""

import numpy as np
import pytest

from utils.models.portfolio import alpha_for_mean, deal_mean_multiple


def test_worked_example_the_teaching_default():
    # p = 0.5, alpha = 1.5 give a mean of 1.5x (curriculum.md), so a mean of 1.5x at p = 0.5 needs alpha = 1.5.
    assert alpha_for_mean(1.5, 0.5) == pytest.approx(1.5)
    # 0.5 x 3 / (3 - 1) = 0.75: at alpha 3 the same zeros give 0.75x.
    assert alpha_for_mean(0.75, 0.5) == pytest.approx(3.0)


@pytest.mark.parametrize("p_zero", [0.0, 0.3, 0.6, 0.9])
@pytest.mark.parametrize("alpha", [1.05, 1.3, 2.0, 4.0])
def test_inverts_the_mean_formula(p_zero, alpha):
    assert alpha_for_mean(deal_mean_multiple(p_zero, alpha), p_zero) == pytest.approx(alpha)


def test_a_higher_mean_needs_a_fatter_tail_and_arrays_give_arrays():
    alphas = alpha_for_mean(np.array([1.0, 1.4, 1.73, 3.0]), 0.3)
    assert alphas.shape == (4,)
    assert np.all(np.diff(alphas) < 0) and np.all(alphas > 1)


@pytest.mark.parametrize(
    ("mean", "p_zero", "message"),
    [
        (0.5, 0.5, "mean_multiple must be above 1 - p_zero"),  # the mean never falls to 1 - p
        (0.7, 0.3, "mean_multiple must be above 1 - p_zero"),
        (1.5, 1.0, r"p_zero must be in \[0, 1\)"),
        (0.0, 0.5, r"mean_multiple must be in \(0"),
        (float("nan"), 0.5, "mean_multiple must be a finite number"),
    ],
)
def test_impossible_means_are_refused_by_name(mean, p_zero, message):
    with pytest.raises(ValueError, match=message):
        alpha_for_mean(mean, p_zero)
