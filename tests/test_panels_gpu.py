"""The panel of lesson 03 shows what the serverless-GPU models compute, and is explorable."""

import pytest

from tests.panel_checks import (
    assert_every_control_moves,
    assert_explorable,
    assert_twin_datasets_match,
    assert_twin_matches,
)
from utils import data
from utils.models import breakeven_demand, reserved_monthly_cost, serverless_monthly_cost
from utils.panels import serverless_panel
from utils.panels.gpu import KEY, Y_MAX_USD, price_stops, serverless_outcome

PRICES = data.load("gpu_prices")
MODAL = data.pick("gpu_prices", "usd_per_gpu_hour", provider="Modal", gpu="H100")
LAMBDA = data.pick("gpu_prices", "usd_per_gpu_hour", provider="Lambda", gpu="H100 PCIe")
BREAK_EVEN = "Break-even utilization, cold starts included"


def _panel():
    return serverless_panel(MODAL, LAMBDA, PRICES)


def test_serverless_readout_matches_the_models():
    outcome = serverless_outcome(3.95, 2.86, 15, 1, 200, 45)
    reserved = reserved_monthly_cost(2.86, 0.15)
    serverless = serverless_monthly_cost(3.95, 0.15, 200, 45)
    readout = list(outcome.readout.values())
    assert readout[0].startswith(f"${reserved:,.0f} a month (1 GPU")
    assert readout[1].startswith(f"${serverless:,.0f} a month")
    assert readout[2] == f"{breakeven_demand(2.86, 3.95, 1, 200, 45):.1%}"
    assert outcome.takeaway == (
        f"Serverless is cheaper by ${reserved - serverless:,.0f} a month; "
        f"reserving pays only above {breakeven_demand(2.86, 3.95, 1, 200, 45):.1%} utilization."
    )
    assert outcome.key == (KEY, pytest.approx(reserved - serverless))


def test_serverless_breakeven_is_marked_where_the_model_puts_it():
    outcome = serverless_outcome(4.0, 2.5, 30, 1, 0, 0)
    assert outcome.datasets["breakeven"]["utilization"].tolist() == [pytest.approx(0.625)]


def test_no_breakeven_means_no_mark_and_says_so():
    outcome = serverless_outcome(3.95, 3.99, 15, 1, 0, 0)
    assert outcome.datasets["breakeven"].empty
    assert outcome.readout[BREAK_EVEN] == "none below 100%"
    assert outcome.takeaway.endswith("and stays cheaper all the way to 100% utilization.")


def test_reserved_cheaper_says_by_how_much_and_why():
    outcome = serverless_outcome(4.0, 2.5, 80, 1, 0, 0)
    saving = reserved_monthly_cost(2.5, 0.8) - serverless_monthly_cost(4.0, 0.8)
    assert saving < 0
    assert outcome.takeaway == f"Reserving is cheaper by ${-saving:,.0f} a month: 80% is above the break-even of 62.5%."


def test_serverless_curves_follow_the_cost_functions():
    curves = serverless_outcome(4.0, 2.5, 30, 2, 100, 60).datasets["curves"]
    for option, cost in (
        ("Reserved (always on)", lambda u: reserved_monthly_cost(2.5, u, 2)),
        ("Serverless (pay per second)", lambda u: serverless_monthly_cost(4.0, u, 100, 60)),
    ):
        rows = curves[curves["option"] == option]
        assert rows["cost"].tolist() == pytest.approx(cost(rows["utilization"].to_numpy()).tolist())


def test_every_serverless_control_changes_the_readout():
    assert_every_control_moves(_panel(), chart=False)
    assert_every_control_moves(serverless_panel(MODAL, LAMBDA), chart=False)  # without the table, as load tests do


def test_controls_still_move_the_readout_after_others_have_moved():
    """As a learner (and the browser tests) moves one control after another, each keeps changing the readout:
    a higher peak that one GPU still covers shows in the reserved line's peak."""
    assert_every_control_moves(_panel(), chart=False, cumulative=True)
    outcome = serverless_outcome(4.5, 3.0, 16, 1.5, 200, 45)
    assert outcome.readout["Reserved (always on)"].endswith("(1 GPU for a peak of 0.24 GPUs)")


def test_serverless_panel_is_explorable():
    assert_explorable(_panel)


def test_price_sliders_stop_at_every_sourced_price_exactly_and_every_press_moves():
    panel = _panel()
    stops = {c["name"]: c["stops"] for c in panel.controls if c.get("stops")}
    serverless = PRICES.loc[PRICES["offering"] == "serverless", "usd_per_gpu_hour"]
    always_on = PRICES.loc[PRICES["offering"] == "always on", "usd_per_gpu_hour"]
    assert set(serverless) <= set(stops["serverless_price"]) and set(always_on) <= set(stops["reserved_price"])
    for values in stops.values():
        gaps = [b - a for a, b in zip(values, values[1:], strict=False)]
        assert min(gaps) >= 0.0999 and max(gaps) <= 0.6  # no invisible step, no big jump
        assert values[0] == 0.5 and values[-1] == 10
    assert price_stops([2.86]) == (*[x / 2 for x in range(1, 6)], 2.86, *[x / 2 for x in range(6, 21)])


def test_the_bus_preset_is_where_the_panel_starts_and_serverless_wins():
    panel = _panel()
    start = panel.readout_text()
    panel.apply_preset("Bursty")
    panel.apply_preset("The essay's bus")
    assert panel.readout_text() == start
    assert panel.takeaway().startswith("Serverless is cheaper by $1,645 a month")


def test_busy_and_steady_preset_makes_reserving_cheaper():
    panel = _panel()
    panel.apply_preset("Busy and steady")
    assert panel.takeaway().startswith("Reserving is cheaper by $")
    assert panel.model_arguments()["utilization_percent"] == 90


def test_bursty_preset_needs_more_gpus_and_has_no_breakeven():
    panel = _panel()
    panel.apply_preset("Bursty")
    readout = dict(panel.readout)
    assert readout["Reserved (always on)"].endswith("(2 GPUs for a peak of 1.60 GPUs)")
    assert readout[BREAK_EVEN] == "none below 100%"
    assert panel.takeaway().endswith("and stays cheaper all the way to 100% utilization.")


def test_cost_axis_is_fixed_and_every_preset_fits():
    panel = _panel()
    assert panel.spec["layer"][0]["encoding"]["y"]["scale"]["domain"] == [0, Y_MAX_USD]
    for name in panel.presets:
        panel.apply_preset(name)
        assert max(panel.datasets["curves"][i]["cost"] for i in range(len(panel.datasets["curves"]))) <= Y_MAX_USD


def test_share_line_names_the_lessons_variable():
    assert _panel().share() == (
        "serverless.set(serverless_price=3.95, reserved_price=2.86, utilization_percent=15, "
        "peak_to_average=1.0, cold_starts=200, cold_start_seconds=45)"
    )


# --- The JavaScript twin (utils/panels/gpu.js) for the static site ------------------------------------
# A closed form: the twin must read exactly as Python does, to the displayed rounding (rel_tol 0).


def test_the_twin_reads_as_the_python_panel_does():
    assert_twin_matches(_panel, count=120)


def test_the_twin_draws_the_same_curves_workload_and_break_even_in_every_branch():
    corners = [
        {"utilization_percent": 15},  # serverless cheaper, with a break-even
        {"serverless_price": 3.95, "reserved_price": 3.99},  # serverless cheaper all the way: no break-even rule
        {"utilization_percent": 80, "cold_starts": 0},  # reserving cheaper
        {"utilization_percent": 100, "peak_to_average": 10, "cold_starts": 2000, "cold_start_seconds": 300},
        # the two cost the same: $2.50 x 730 reserved, $5.00 x 730 x 50% serverless
        {"serverless_price": 5.0, "reserved_price": 2.5, "utilization_percent": 50, "cold_starts": 0},
    ]
    assert_twin_datasets_match(_panel, positions=corners)
