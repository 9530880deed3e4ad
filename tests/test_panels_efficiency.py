"""The lesson 09 panel shows what the serving and margin models compute."""

import pytest

from tests.panel_checks import (
    assert_every_control_moves,
    assert_explorable,
    assert_twin_datasets_match,
    assert_twin_matches,
)
from utils import data
from utils.models import (
    app_gross_margin,
    breakeven_mfu,
    cost_per_million_tokens,
    gpus_to_hold_weights,
    reserved_monthly_cost,
    users_at_capacity,
    users_to_cover,
)
from utils.panels import efficiency_outcome, efficiency_panel
from utils.panels.efficiency import DENSE, KEY, MOE

FIXED = {"arpu_ratio": 0.1, "peak_flops": 1e15, "bytes_per_param": 2, "gpu_memory_gb": 80}
DEFAULTS = {
    "us_arpu": 20,
    "tokens_millions": 2,
    "active_billions": 10.3,
    "total_billions": 105,
    "gpu_price": 3.78,
    "mfu_percent": 50,
}


def lesson_panel():
    """The panel as lesson 09 builds it: the lesson's start, the course's serving facts and GPU prices."""
    facts, prices = data.load("serving_facts"), data.load("gpu_prices")
    return efficiency_panel(**DEFAULTS, **FIXED, facts=facts, prices=prices, name="efficiency")


def test_readout_matches_the_models():
    readout = efficiency_outcome(**DEFAULTS, **FIXED).readout
    moe = cost_per_million_tokens(10.3e9, 1e15, 0.5, 3.78)
    dense = cost_per_million_tokens(105e9, 1e15, 0.5, 3.78)
    assert readout["Compute per million tokens"] == f"MoE ${moe:.3g}, dense ${dense:.3g} ({dense / moe:.1f} times)"
    low = app_gross_margin(2, 2, moe), app_gross_margin(2, 2, dense)
    assert readout["Margin per user at $2.00"] == (
        f"MoE ${2 * low[0]:.3g} ({low[0]:.1%}), dense ${2 * low[1]:.3g} ({low[1]:.1%})"
    )
    assert readout["Kept online all month"].startswith(f"{gpus_to_hold_weights(105e9, 2, 80):.0f} GPUs x 730 h")


def test_curriculum_worked_example_in_the_readout():
    """41.2 s against 420 s per million tokens: the dense model costs 420 / 41.2 times as much."""
    readout = efficiency_outcome(**DEFAULTS, **FIXED).readout
    assert readout["Compute per million tokens"].endswith(f"({420 / 41.2:.1f} times)")
    assert readout["Kept online all month"].startswith("3 GPUs x")


def test_takeaway_says_the_margins_at_a_tenth_and_the_mfu_dense_needs():
    outcome = efficiency_outcome(**DEFAULTS, **FIXED)
    moe = app_gross_margin(2, 2, cost_per_million_tokens(10.3e9, 1e15, 0.5, 3.78))
    dense = app_gross_margin(2, 2, cost_per_million_tokens(105e9, 1e15, 0.5, 3.78))
    mfu = breakeven_mfu(2, 2, 105e9, 1e15, 3.78)
    assert outcome.takeaway == (
        f"At $2.00 a month (10% of US ARPU) compute leaves the MoE {moe:.0%} of revenue, the dense "
        f"model {dense:.0%}; dense loses money below {mfu:.0%} MFU."
    )
    assert outcome.key == (KEY, pytest.approx(100 * dense))


def test_takeaway_when_the_dense_model_loses_money_or_nothing_saves_it():
    losing = efficiency_outcome(**{**DEFAULTS, "mfu_percent": 10}, **FIXED).takeaway
    assert "but costs the dense model" in losing and "dense needs 22% MFU to break even" in losing
    hopeless = efficiency_outcome(**{**DEFAULTS, "tokens_millions": 20, "total_billions": 500}, **FIXED).takeaway
    assert "no MFU a GPU can reach would pay for the dense model's compute" in hopeless


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
    assert readout["Kept online all month"].startswith("2 GPUs x")
    assert readout["Compute per million tokens"].endswith(f"({46.7 / 12.9:.1f} times)")


def test_active_parameters_are_capped_at_the_total():
    outcome = efficiency_outcome(**{**DEFAULTS, "active_billions": 50, "total_billions": 40}, **FIXED)
    assert outcome.readout["Compute per million tokens"].endswith("(1.0 times) (active capped at total)")
    curves = outcome.datasets["curves"]
    moe = curves[curves["serving"] == MOE]["margin"].to_numpy()
    dense = curves[curves["serving"] == DENSE]["margin"].to_numpy()
    assert moe.tolist() == pytest.approx(dense.tolist())


def test_negative_margins_read_as_losses():
    readout = efficiency_outcome(**{**DEFAULTS, "tokens_millions": 10, "mfu_percent": 10}, **FIXED).readout
    assert "dense -$" in readout["Margin per user at $2.00"]


def test_the_fixed_floor_turns_into_users_needed_and_users_possible():
    readout = efficiency_outcome(**DEFAULTS, **FIXED).readout
    floor = reserved_monthly_cost(3.78, 3)  # 3 GPUs x 730 h x $3.78, busy or not
    assert readout["Kept online all month"] == f"3 GPUs x 730 h x $3.78 = ${floor:,.0f} a month"
    assert readout["Users to cover it, no other costs"] == (
        f"{users_to_cover(floor, 20):,.0f} at $20, {users_to_cover(floor, 2):,.0f} at $2.00"
    )
    assert readout["Users to cover it, no other costs"] == "414 at $20, 4,140 at $2.00"
    moe, dense = users_at_capacity(3, 10.3e9, 1e15, 0.5, 2), users_at_capacity(3, 105e9, 1e15, 0.5, 2)
    assert readout["Most users one copy serves"] == f"MoE {moe:,.0f}, dense {dense:,.0f} (FLOP bound)"


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
    assert big["Kept online all month"].startswith("5 GPUs x")
    assert big["Kept online all month"].endswith(f"${reserved_monthly_cost(3.78, 5):,.0f} a month")
    first = int(small["Users to cover it, no other costs"].split(" at ")[0])
    assert int(big["Users to cover it, no other costs"].split(" at ")[0]) > first


def test_sliders_stop_at_every_sourced_count_and_price_exactly():
    panel = lesson_panel()
    stops = {c["name"]: c.get("stops") for c in panel.controls}
    for count in (10.3, 105, 12.9, 46.7):  # Sarvam-105B and Mixtral 8x7B, in billions
        assert count in stops["active_billions"] and count in stops["total_billions"]
    for price in (2.69, 2.86, 3.78, 3.99, 6.88):  # every always-on price of data/gpu_prices.csv
        assert price in stops["gpu_price"]
    steps = [b - a for a, b in zip(stops["gpu_price"], stops["gpu_price"][1:], strict=False)]
    assert min(steps) >= 0.09  # no press of the price slider moves less than about ten cents


def test_the_panel_is_explorable():
    assert_explorable(lesson_panel)
    assert list(lesson_panel().presets) == ["Sarvam-105B", "Mixtral 8x7B", "Memory-bound", "Cheapest GPU"]


def test_the_start_is_sarvams_preset_and_a_share_line_restores_it():
    panel = lesson_panel()
    assert panel.active_preset == "Sarvam-105B"
    assert panel.share() == (
        "efficiency.set(us_arpu=20, tokens_millions=2.0, active_billions=10.3, total_billions=105, "
        "gpu_price=3.78, mfu_percent=50)"
    )


def test_mixtral_preset_narrows_the_gap_it_argues():
    """Mixtral's larger active share saves less arithmetic: the dense model costs under four times as much."""
    panel = lesson_panel()
    panel.apply_preset("Mixtral 8x7B")
    line = dict(map(tuple, panel.readout))
    times = float(line["Compute per million tokens"].split("(")[1].split(" times")[0])
    assert times < 4 < 420 / 41.2


def test_memory_bound_presets_sink_the_dense_model_and_a_cheap_gpu_does_not_rescue_it():
    panel = lesson_panel()
    for preset in ("Memory-bound", "Cheapest GPU"):
        panel.apply_preset(preset)
        assert "but costs the dense model" in panel.takeaway()
        assert efficiency_outcome(**panel.model_arguments(), **FIXED).key[1] < 0
    assert panel.model_arguments()["gpu_price"] == 2.69  # RunPod's community cloud, the cheapest always-on H100


def test_without_the_data_the_panel_still_offers_presets():
    assert_explorable(lambda: efficiency_panel(**DEFAULTS, **FIXED))


def test_every_control_changes_the_readout_and_the_chart():
    assert_every_control_moves(lesson_panel(), both_ways=True)


# --- The JavaScript twin (utils/panels/efficiency.js) for the static site --------------------------------------
# A closed form: the readout and takeaway to the displayed rounding (rel_tol 0), the chart rows and key to 1e-12.


def test_the_twin_reads_as_the_python_panel_does():
    assert_twin_matches(lesson_panel, count=120)


def test_the_twin_draws_the_same_curves_levels_and_points_in_every_branch():
    corners = [
        {},  # the lesson's start: dense loses money below 22% MFU
        {"mfu_percent": 10},  # the dense model loses money at the lower ARPU, the MoE does not
        {"tokens_millions": 20, "total_billions": 500, "mfu_percent": 1},  # both lose; no MFU saves the dense model
        {"active_billions": 50, "total_billions": 20},  # active capped at total: one curve on the other
        {"us_arpu": 100, "tokens_millions": 0.5, "active_billions": 1, "total_billions": 1, "mfu_percent": 100},
    ]
    assert_twin_datasets_match(lesson_panel, positions=corners)
