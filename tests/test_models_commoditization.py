"""Build or buy (lesson 01's product-manager decision): the worked example and the break-even."""

import math

import numpy as np
import pytest

from utils.models.commoditization import breakeven_bill_growth, build_or_buy_costs

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
