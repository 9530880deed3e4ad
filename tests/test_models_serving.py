"""utils.models.serving: the MFU below which compute eats a user's whole revenue (lesson 09)."""

import numpy as np
import pytest

from utils.models import app_gross_margin, breakeven_mfu, cost_per_million_tokens


def test_breakeven_mfu_is_the_lessons_worked_figure():
    """Sarvam-105B served dense at a tenth of a $20 ARPU: compute takes all of $2 at about 22 % MFU."""
    assert breakeven_mfu(2, 2, 105e9, 1e15, 3.78) == pytest.approx(0.2205, abs=1e-4)


def test_at_the_breakeven_mfu_the_margin_after_compute_is_zero():
    for arpu, tokens, params, price in ((2, 2, 105e9, 3.78), (20, 5, 10.3e9, 6.88), (0.5, 0.1, 46.7e9, 2.69)):
        mfu = breakeven_mfu(arpu, tokens, params, 1e15, price)
        if mfu <= 1:
            cost = cost_per_million_tokens(params, 1e15, mfu, price)
            assert app_gross_margin(arpu, tokens, cost) == pytest.approx(0, abs=1e-9)


def test_breakeven_mfu_scales_as_its_formula_says():
    base = breakeven_mfu(2, 2, 105e9, 1e15, 3.78)
    assert breakeven_mfu(4, 2, 105e9, 1e15, 3.78) == pytest.approx(base / 2)  # twice the revenue
    assert breakeven_mfu(2, 4, 105e9, 1e15, 3.78) == pytest.approx(base * 2)  # twice the tokens
    assert breakeven_mfu(2, 2, 10.5e9, 1e15, 3.78) == pytest.approx(base / 10)  # a tenth of the parameters
    assert breakeven_mfu(2, 2, 105e9, 1e15, 7.56) == pytest.approx(base * 2)  # twice the price


def test_breakeven_mfu_is_vectorized_and_may_exceed_one():
    result = breakeven_mfu(np.array([2.0, 0.2]), 2, 105e9, 1e15, 3.78)
    assert result.shape == (2,) and result[1] > 1  # at 20 cents no MFU pays for the dense model


@pytest.mark.parametrize("argument", range(5))
def test_breakeven_mfu_refuses_a_non_positive_input(argument):
    values = [2, 2, 105e9, 1e15, 3.78]
    values[argument] = 0
    with pytest.raises(ValueError):
        breakeven_mfu(*values)
