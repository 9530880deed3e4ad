"""The portfolio models of lesson 07: the mean formula solved for alpha, and portfolios of groups of deals."""

import numpy as np
import pytest

from utils.models import (
    APP_ALPHA,
    APP_ZEROS,
    INFRA_ALPHA,
    INFRA_ZEROS,
    Bets,
    alpha_for_mean,
    chance_of_a_hit,
    deal_mean_multiple,
    expected_multiple,
    fund_returning_multiple,
    prob_at_least_one_hit,
    prob_deal_at_least,
    simulate_deals,
    simulate_mixed_deals,
    split_deals,
    zeros_for_share_at,
)


def test_worked_example_the_teaching_default():
    # p = 0.5, alpha = 1.5 give a mean of 1.5x (the teaching default), so a mean of 1.5x at p = 0.5 needs alpha = 1.5.
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


def test_a_deal_returns_the_fund_at_as_many_times_the_money_as_there_are_checks():
    assert fund_returning_multiple(20) == 20.0 and fund_returning_multiple(1) == 1.0
    assert fund_returning_multiple(np.array([10, 100])).tolist() == [10.0, 100.0]
    # More checks make a 10x likelier but a fund-returning deal rarer (alpha > 1): the bar rises with N.
    chances = [prob_at_least_one_hit(n, 0.5, 1.5, fund_returning_multiple(n)) for n in (5, 20, 100)]
    assert chances == sorted(chances, reverse=True)
    with pytest.raises(ValueError, match="n_deals must be a whole number"):
        fund_returning_multiple(2.5)


def test_split_rounds_half_up_and_keeps_every_deal():
    assert split_deals(20, 50) == (10, 10)
    assert split_deals(15, 50) == (7, 8)
    assert split_deals(7, 0) == (7, 0) and split_deals(7, 100) == (0, 7)
    with pytest.raises(ValueError, match=r"infra_percent must be in \[0, 100\]"):
        split_deals(20, 120)


def test_a_mix_is_the_deal_weighted_mean_and_misses_only_if_every_group_misses():
    mix = [Bets(10, 0.6, 1.3), Bets(10, 0.3, 2.0)]
    assert expected_multiple(mix) == pytest.approx((deal_mean_multiple(0.6, 1.3) + deal_mean_multiple(0.3, 2.0)) / 2)
    miss = (1 - prob_at_least_one_hit(10, 0.6, 1.3)) * (1 - prob_at_least_one_hit(10, 0.3, 2.0))
    assert chance_of_a_hit(mix) == pytest.approx(1 - miss)
    miss_20x = (1 - prob_at_least_one_hit(10, 0.6, 1.3, 20)) * (1 - prob_at_least_one_hit(10, 0.3, 2.0, 20))
    assert chance_of_a_hit(mix, 20) == pytest.approx(1 - miss_20x)
    # An empty group changes nothing: the portfolio is the other group alone.
    alone = [Bets(20, 0.5, 1.5), Bets(0, 0.3, 2.0)]
    assert expected_multiple(alone) == pytest.approx(1.5)
    assert chance_of_a_hit(alone) == pytest.approx(prob_at_least_one_hit(20, 0.5, 1.5))


def test_the_assumed_layers_encode_steadier_not_richer_infrastructure():
    """Lesson 07 states this plainly: the assumptions do not encode the essay's outperformance."""
    assert APP_ZEROS > INFRA_ZEROS and APP_ALPHA < INFRA_ALPHA  # applications: more zeros, a fatter tail
    app, infra = [Bets(20, APP_ZEROS, APP_ALPHA)], [Bets(20, INFRA_ZEROS, INFRA_ALPHA)]
    assert f"{expected_multiple(infra):.2f}x" == "1.40x" and f"{expected_multiple(app):.2f}x" == "1.73x"
    assert chance_of_a_hit(infra) < chance_of_a_hit(app)
    # The essay's claim needs a fatter infrastructure tail: below this alpha, infrastructure's mean is the higher.
    needed = alpha_for_mean(expected_multiple(app), INFRA_ZEROS)
    assert 1.5 < needed < INFRA_ALPHA
    assert expected_multiple([Bets(20, INFRA_ZEROS, needed - 0.05)]) > expected_multiple(app)


def test_mixed_simulation_is_seeded_shaped_and_drawn_group_by_group():
    groups = [Bets(3, 0.6, 1.3), Bets(0, 0.5, 1.5), Bets(2, 0.3, 2.0)]
    first = simulate_mixed_deals(groups, 500, seed=7)
    assert first.shape == (500, 5)
    np.testing.assert_array_equal(first, simulate_mixed_deals(groups, 500, seed=7))
    assert not np.array_equal(first, simulate_mixed_deals(groups, 500, seed=8))
    assert ((first == 0) | (first >= 1)).all()
    rng = np.random.default_rng(7)
    expected = np.hstack([simulate_deals((500, 3), 0.6, 1.3, rng), simulate_deals((500, 2), 0.3, 2.0, rng)])
    np.testing.assert_array_equal(first, expected)


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: Bets(-1, 0.5, 1.5), r"deals must be in \[0, 10000\]"),
        (lambda: Bets(5, 1.5, 1.5), r"p_zero must be in \[0, 1\]"),
        (lambda: Bets(5, 0.5, 0), r"alpha must be in \(0, 10\]"),
        (lambda: expected_multiple([Bets(0, 0.5, 1.5)]), "a portfolio needs at least one deal"),
        (lambda: expected_multiple([Bets(5, 0.5, 1.0)]), r"alpha must be in \(1, 10\]"),
        (lambda: chance_of_a_hit([]), "a portfolio needs at least one deal"),
        (lambda: simulate_mixed_deals([Bets(5, 0.5, 1.5)], 0), r"n_portfolios must be in \[1, 1e\+07\]"),
    ],
)
def test_impossible_groups_are_refused_by_name(make, message):
    with pytest.raises(ValueError, match=message):
        make()


def test_the_share_of_zeros_that_fits_a_published_share_inverts_the_tail_formula():
    # Correlation Ventures: 4 % of deals at 10x or more; with its alpha of 1.32 that takes 16.4 % zeros.
    zeros = zeros_for_share_at(0.04, 10, 1.32)
    assert zeros == pytest.approx(0.1643, abs=5e-5)
    assert prob_deal_at_least(10, zeros, 1.32) == pytest.approx(0.04)
    assert zeros_for_share_at(np.array([0.01, 0.02]), 10, 1.5).shape == (2,)
    with pytest.raises(ValueError, match="share must be at most multiple"):
        zeros_for_share_at(0.5, 10, 1.5)  # more than the share with no zeros at all
    with pytest.raises(ValueError, match=r"share must be in \(0, 1\]"):
        zeros_for_share_at(0, 10, 1.5)
