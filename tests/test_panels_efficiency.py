"""The lesson 09 panel shows what the serving and margin models compute."""

import pytest

from tests.panel_checks import assert_every_control_moves
from utils.models import (
    app_gross_margin,
    cost_per_million_tokens,
    gpus_to_hold_weights,
    reserved_monthly_cost,
    users_at_capacity,
    users_to_cover,
)
from utils.panels.efficiency import DENSE, MOE, efficiency_outcome, efficiency_panel

FIXED = {"arpu_ratio": 0.1, "peak_flops": 1e15, "bytes_per_param": 2, "gpu_memory_gb": 80}
DEFAULTS = {
    "us_arpu": 20,
    "tokens_millions": 2,
    "active_billions": 10.3,
    "total_billions": 105,
    "gpu_price": 3.78,
    "mfu_percent": 50,
}


def test_readout_matches_the_models():
    readout = efficiency_outcome(**DEFAULTS, **FIXED).readout
    moe = cost_per_million_tokens(10.3e9, 1e15, 0.5, 3.78)
    dense = cost_per_million_tokens(105e9, 1e15, 0.5, 3.78)
    assert readout["Cost per million tokens, mixture of experts"].startswith(f"${moe:.3g} (10.3B of 105.0B")
    assert readout["Cost per million tokens, dense"] == f"${dense:.3g} ({dense / moe:.1f} times as much)"
    assert readout["Compute cost per user a month (2.0M tokens)"] == (
        f"mixture of experts ${2 * moe:.3g}, dense ${2 * dense:.3g}"
    )
    us = app_gross_margin(20, 2, moe), app_gross_margin(20, 2, dense)
    assert readout["Margin per user at US-level ARPU ($20)"] == (
        f"mixture of experts ${20 * us[0]:,.2f} ({us[0]:.1%}), dense ${20 * us[1]:,.2f} ({us[1]:.1%})"
    )
    low = app_gross_margin(2, 2, moe), app_gross_margin(2, 2, dense)
    assert readout["Margin per user at 10% of US-level ARPU ($2.00)"] == (
        f"mixture of experts ${2 * low[0]:.3g} ({low[0]:.1%}), dense ${2 * low[1]:.3g} ({low[1]:.1%})"
    )
    assert readout["GPUs of 80 GB to hold the weights"].startswith(f"{gpus_to_hold_weights(105e9, 2, 80):.0f} for")


def test_curriculum_worked_example_in_the_readout():
    """41.2 s against 420 s per million tokens: the dense model costs 420 / 41.2 times as much."""
    readout = efficiency_outcome(**DEFAULTS, **FIXED).readout
    assert readout["Cost per million tokens, dense"].endswith(f"({420 / 41.2:.1f} times as much)")
    assert readout["GPUs of 80 GB to hold the weights"].startswith("3 for either model")


def test_curves_and_points_follow_the_models():
    datasets = efficiency_outcome(**DEFAULTS, **FIXED).datasets
    for serving, params in ((MOE, 10.3e9), (DENSE, 105e9)):
        cost = cost_per_million_tokens(params, 1e15, 0.5, 3.78)
        rows = datasets["curves"][datasets["curves"]["serving"] == serving]
        assert rows["margin"].tolist() == pytest.approx(app_gross_margin(rows["arpu"].to_numpy(), 2, cost).tolist())
        points = datasets["points"][datasets["points"]["serving"] == serving]
        assert sorted(points["arpu"]) == pytest.approx([2, 20])
        assert points["margin"].tolist() == pytest.approx([app_gross_margin(a, 2, cost) for a in points["arpu"]])
    assert datasets["levels"]["arpu"].tolist() == pytest.approx([20, 2])
    assert sum(len(frame) for frame in datasets.values()) <= 1000


def test_mixtral_needs_two_gpus_and_computes_like_its_active_parameters():
    readout = efficiency_outcome(**{**DEFAULTS, "active_billions": 12.9, "total_billions": 46.7}, **FIXED).readout
    assert readout["GPUs of 80 GB to hold the weights"].startswith("2 for either model")
    assert readout["Cost per million tokens, dense"].endswith(f"({46.7 / 12.9:.1f} times as much)")


def test_active_parameters_are_capped_at_the_total():
    outcome = efficiency_outcome(**{**DEFAULTS, "active_billions": 50, "total_billions": 40}, **FIXED)
    assert "capped" in outcome.readout["Cost per million tokens, mixture of experts"]
    curves = outcome.datasets["curves"]
    moe = curves[curves["serving"] == MOE]["margin"].to_numpy()
    dense = curves[curves["serving"] == DENSE]["margin"].to_numpy()
    assert moe.tolist() == pytest.approx(dense.tolist())


def test_negative_margins_read_as_losses():
    readout = efficiency_outcome(**{**DEFAULTS, "tokens_millions": 10, "mfu_percent": 10}, **FIXED).readout
    assert "dense -$" in readout["Margin per user at 10% of US-level ARPU ($2.00)"]


def test_the_fixed_floor_turns_into_users_needed_and_users_possible():
    readout = efficiency_outcome(**DEFAULTS, **FIXED).readout
    floor = reserved_monthly_cost(3.78, 3)  # 3 GPUs x 730 h x $3.78, busy or not
    assert readout["Kept online all month (fixed)"] == f"${floor:,.0f} a month (3 GPUs x 730 h x $3.78)"
    assert readout["Users to cover it, no other costs"] == (
        f"{users_to_cover(floor, 20):,.0f} at $20, {users_to_cover(floor, 2):,.0f} at $2.00 a month"
    )
    assert readout["Users to cover it, no other costs"].startswith("414 at $20, 4,140 at $2.00")
    moe, dense = users_at_capacity(3, 10.3e9, 1e15, 0.5, 2), users_at_capacity(3, 105e9, 1e15, 0.5, 2)
    assert readout["Most users one copy serves (FLOP bound)"] == f"mixture of experts {moe:,.0f}, dense {dense:,.0f}"


def test_share_of_capacity_needed_is_one_minus_the_margin_after_compute():
    """Users needed over users possible = compute cost per user / ARPU: the same money seen two ways."""
    for arpu in (20, 2):
        floor = reserved_monthly_cost(3.78, 3)
        dense_cost = cost_per_million_tokens(105e9, 1e15, 0.5, 3.78)
        needed = floor / arpu
        possible = 3 * 730 * 3600 / (2 * 420)
        assert needed / possible == pytest.approx(1 - app_gross_margin(arpu, 2, dense_cost))


def test_more_gpus_to_hold_raise_the_floor_and_the_users_needed():
    small = efficiency_outcome(**DEFAULTS, **FIXED).readout
    big = efficiency_outcome(**{**DEFAULTS, "total_billions": 200}, **FIXED).readout
    assert big["GPUs of 80 GB to hold the weights"].startswith("5 for either model")
    assert big["Kept online all month (fixed)"].startswith(f"${reserved_monthly_cost(3.78, 5):,.0f}")
    first = int(small["Users to cover it, no other costs"].split(" at ")[0])
    assert int(big["Users to cover it, no other costs"].split(" at ")[0]) > first


def test_every_control_changes_the_readout_and_the_chart():
    assert_every_control_moves(efficiency_panel(**DEFAULTS, **FIXED), both_ways=True)
