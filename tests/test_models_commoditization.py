"""Lesson 01's models: build or buy (the product manager's decision), and reading two clocks side by side."""

import math

import numpy as np
import pytest

from utils.models import (
    CLOCK_MONTHLY_PROFIT,
    CLOCK_MONTHS,
    breakeven_bill_growth,
    build_or_buy_costs,
    cumulative_gross_profit,
    first_difference_month,
    share_lost_to_copy,
)

COSTS = dict(vendor_monthly_fee=100, build_cost=2_400, build_monthly_cost=40)


def test_worked_example():
    buy_flat, build = build_or_buy_costs(36, bill_growth=1.0, **COSTS)
    buy_grown, _ = build_or_buy_costs(36, bill_growth=1.15, **COSTS)
    assert build[-1] == pytest.approx(3_840)
    assert buy_flat[-1] == pytest.approx(3_600)
    assert buy_grown[-1] == pytest.approx(4_167)
    # 1200 * (1 + g + g^2) = 3840, so g = (-1 + sqrt(9.8)) / 2
    assert breakeven_bill_growth(36, **COSTS) == pytest.approx((-1 + math.sqrt(9.8)) / 2, abs=1e-9)
    assert breakeven_bill_growth(36, **COSTS) == pytest.approx(1.0652, abs=1e-4)


def test_the_fee_steps_up_once_a_year_and_building_is_paid_up_front():
    buy, build = build_or_buy_costs(36, bill_growth=1.5, **COSTS)
    monthly = np.diff(buy, prepend=0.0)
    assert monthly[:12] == pytest.approx([100] * 12)
    assert monthly[12:24] == pytest.approx([150] * 12)
    assert monthly[24:] == pytest.approx([225] * 12)
    assert build[0] == pytest.approx(2_440)
    assert np.diff(build) == pytest.approx([40] * 35)


def test_buying_is_cheaper_just_below_the_break_even_and_dearer_just_above():
    for months in (24, 36, 60):
        growth = breakeven_bill_growth(months, **COSTS)
        below, build = build_or_buy_costs(months, bill_growth=growth - 0.01, **COSTS)
        above, _ = build_or_buy_costs(months, bill_growth=growth + 0.01, **COSTS)
        assert below[-1] < build[-1] < above[-1]


def test_no_break_even_when_one_option_always_wins():
    # building costs less than the first year's fee: buying is dearer whatever the growth
    assert math.isnan(breakeven_bill_growth(36, vendor_monthly_fee=100, build_cost=500, build_monthly_cost=0))
    # building costs more than buying at triple growth: buying always wins
    assert math.isnan(breakeven_bill_growth(36, vendor_monthly_fee=1, build_cost=1e6, build_monthly_cost=0))


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (dict(vendor_monthly_fee=-1), r"vendor_monthly_fee must be in \[0, inf\), got -1"),
        (dict(bill_growth=4), r"bill_growth must be in \[0, 3\], got 4"),
        (dict(build_cost=-5), r"build_cost must be in \[0, inf\), got -5"),
    ],
)
def test_bad_input_names_the_argument(arguments, message):
    with pytest.raises(ValueError, match=message):
        build_or_buy_costs(36, **{**COSTS, "bill_growth": 1.1, **arguments})


CLOCK = dict(base_churn=0.0, extra_churn=0.1, price_erosion=0.5, monthly_profit=100, months=6)


def test_the_clocks_defaults_are_three_years_of_an_index_of_100():
    assert (CLOCK_MONTHS, CLOCK_MONTHLY_PROFIT) == (36, 100.0)
    never = cumulative_gross_profit(36, 1.0, base_churn=0.0, extra_churn=0.0, price_erosion=0.0)
    assert len(never) == CLOCK_MONTHS and never[-1] == pytest.approx(3_600)


def test_two_clocks_part_in_the_first_month_they_differ():
    copied_at_3 = cumulative_gross_profit(3, 0.0, **CLOCK)
    copied_at_5 = cumulative_gross_profit(5, 0.0, **CLOCK)
    assert first_difference_month(copied_at_3, copied_at_5) == 3  # months 0-2 earn the same
    assert first_difference_month(copied_at_3, copied_at_3.copy()) is None
    assert first_difference_month([100, 200, 290], [100, 200, 300]) == 2
    assert first_difference_month([1.0], [1.0 + 1e-12]) is None  # rounding noise is not a difference
    with pytest.raises(ValueError, match="same length"):
        first_difference_month([1, 2], [1, 2, 3])


def test_the_share_a_copy_takes_is_what_is_missing_from_the_never_copied_total():
    never = cumulative_gross_profit(3, 1.0, **CLOCK)[-1]
    copied = cumulative_gross_profit(3, 0.0, **CLOCK)[-1]
    assert share_lost_to_copy(copied, never) == pytest.approx(1 - 435.5 / 600)
    assert share_lost_to_copy(never, never) == 0
    assert share_lost_to_copy(0, never) == 1
    assert share_lost_to_copy(np.array([300.0, 600.0]), 600) == pytest.approx([0.5, 0.0])
    with pytest.raises(ValueError, match="never_copied must be in"):
        share_lost_to_copy(100, 0)
