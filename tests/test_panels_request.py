"""The panels of lesson 04 show what the request and reliability models compute."""

from dataclasses import replace

import numpy as np
import pytest

from tests.panel_checks import assert_every_control_moves, assert_explorable
from utils import data
from utils.models import (
    N_REQUESTS,
    REQUEST_ORDER,
    REQUEST_SEED,
    expected_request_cost,
    fanout_slow_share,
    monthly_downtime_minutes,
    profile_services,
    request_success_rate,
    series_availability,
    simulate_requests,
    step_costs,
    step_downtime,
    vendor_comparison,
)
from utils.panels import fanout_panel, request_panel
from utils.panels.request import fanout_outcome, request_outcome

DEFAULTS = {"retries": 0, "fanout_width": 1, "llm_p99_s": 8, "llm_availability_percent": 99.9, "video_cost": 0.05}


@pytest.fixture(scope="module")
def baseline():
    return profile_services(data.load("service_profiles"))


def _edit(services, width=1, llm_p99_ms=8000, llm_availability=0.999, video_cost=0.05):
    changes = {
        "vector database": {"width": width},
        "LLM provider": {"p99_ms": llm_p99_ms, "availability": llm_availability},
        "video renderer": {"cost_per_call": video_cost},
    }
    return [replace(s, **changes.get(s.name, {})) for s in services]


def test_panel_defaults_are_the_data_with_no_retries_and_no_fan_out(baseline):
    panel = request_panel(baseline)
    assert panel.model_arguments() == pytest.approx(DEFAULTS)


def test_default_readout_is_the_series_availability_of_the_data(baseline):
    readout = request_outcome(baseline, **DEFAULTS).readout
    availability = series_availability([s.availability for s in baseline])
    assert f"{availability:.3%} by the closed form" in readout["Success rate"]
    assert readout["Downtime equivalent"].startswith(f"{monthly_downtime_minutes(availability):,.1f} minutes a month")


def test_request_readout_matches_the_models(baseline):
    outcome = request_outcome(
        baseline, retries=1, fanout_width=5, llm_p99_s=12, llm_availability_percent=99.5, video_cost=0.08
    )
    services = _edit(baseline, width=5, llm_p99_ms=12_000, llm_availability=0.995, video_cost=0.08)
    run = simulate_requests(services, 1, N_REQUESTS, REQUEST_SEED)
    cost, success = expected_request_cost(services, 1), request_success_rate(services, 1)
    readout = outcome.readout
    assert readout["Cost per request"] == (
        f"${run.cost_per_request:.4f} simulated, ${cost:.4f} expected (${1000 * cost:,.2f} per 1,000 requests)"
    )
    assert readout["Latency"] == f"p50 {run.p50_ms / 1000:.1f} s, p99 {run.p99_ms / 1000:.1f} s (simulated)"
    assert readout["Success rate"] == (
        f"{run.success_rate:.2%} simulated, {success:.3%} by the closed form "
        f"({1e6 * (1 - success):,.1f} failures per million requests)"
    )
    assert readout["Downtime equivalent"].startswith(f"{monthly_downtime_minutes(success):,.1f} minutes a month")


def test_latency_chart_counts_every_simulated_request(baseline):
    outcome = request_outcome(baseline, **{**DEFAULTS, "retries": 2})
    run = simulate_requests(baseline, 2, N_REQUESTS, REQUEST_SEED)
    assert outcome.datasets["latency"]["requests"].sum() == N_REQUESTS
    assert outcome.datasets["percentiles"]["seconds"].tolist() == pytest.approx([run.p50_ms / 1000, run.p99_ms / 1000])


def test_bar_chart_rows_follow_the_step_functions(baseline):
    steps = request_outcome(baseline, **{**DEFAULTS, "fanout_width": 3, "retries": 1}).datasets["steps"]
    services = _edit(baseline, width=3)
    assert steps["service"].tolist() == list(REQUEST_ORDER)
    assert steps["cost"].tolist() == pytest.approx(step_costs(services, 1).tolist())
    assert steps["downtime"].tolist() == pytest.approx(step_downtime(services, 1).tolist())


def test_moving_a_slider_back_gives_the_same_numbers(baseline):
    panel = request_panel(baseline)
    first = panel.readout_text()
    panel.set(retries=2, fanout_width=9)
    panel.set(retries=0, fanout_width=1)
    assert panel.readout_text() == first


@pytest.mark.parametrize("make", [request_panel, lambda _: fanout_panel(100, 0.01)], ids=["request", "fan-out"])
def test_every_control_changes_the_readout_and_the_chart(baseline, make):
    assert_every_control_moves(make(baseline))


def test_fanout_matches_the_tail_at_scale_example():
    outcome = fanout_outcome(100, 1.0)
    assert outcome.readout["Share of requests that are slow"] == "63.4%, waiting for 100 parallel calls"
    assert fanout_outcome(1, 1.0).readout["Share of requests that are slow"] == "1.0%, waiting for 1 parallel call"
    assert outcome.datasets["mine"]["share"].iloc[0] == pytest.approx(fanout_slow_share(100, 0.01))


def test_fanout_curve_follows_the_closed_form():
    curve = fanout_outcome(20, 2.5).datasets["curve"]
    assert curve["share"].tolist() == pytest.approx(fanout_slow_share(curve["calls"].to_numpy(), 0.025).tolist())
    assert np.all(np.diff(curve["share"]) > 0)


def test_controls_still_move_the_readout_after_others_have_moved():
    """As a learner (and the browser test) moves one control after another, each keeps changing the readout."""
    assert_every_control_moves(
        request_panel(profile_services(data.load("service_profiles"))), chart=False, cumulative=True
    )


def test_vendor_a_with_no_retries_is_the_request_panels_starting_point(baseline):
    llm = next(s for s in baseline if s.name == "LLM provider")
    first = vendor_comparison(baseline, {"A": llm}, retries=(0,)).iloc[0]
    readout = request_outcome(baseline, **DEFAULTS).readout
    assert f"${first.cost_per_request:.4f} expected" in readout["Cost per request"]
    assert f"p99 {first.p99_s:.1f} s" in readout["Latency"]


# --- explorable: presets with arguments, a takeaway, which input matters most, a share line ---


@pytest.mark.parametrize("make", [request_panel, lambda _: fanout_panel(100, 0.01)], ids=["request", "fan-out"])
def test_each_panel_is_explorable(baseline, make):
    assert_explorable(lambda: make(baseline))


def test_the_table_preset_is_where_the_panel_starts(baseline):
    panel = request_panel(baseline)
    start = panel.readout_text()
    panel.apply_preset("Wide search")
    panel.apply_preset("The table")
    assert panel.readout_text() == start and panel.model_arguments() == pytest.approx(DEFAULTS)


def test_one_retry_preset_removes_almost_all_downtime_but_slows_the_tail(baseline):
    """The argument: one retry is the usual first fix; it costs time (p99 up) and buys availability."""
    panel = request_panel(baseline)
    before = request_outcome(baseline, **DEFAULTS)
    panel.apply_preset("One retry")
    after = request_outcome(baseline, **panel.model_arguments())
    assert after.key[1] < before.key[1] / 100
    p99 = [float(o.readout["Latency"].split("p99 ")[1].split(" s")[0]) for o in (before, after)]
    assert p99[1] > p99[0]


def test_wide_search_preset_makes_the_vector_database_the_main_cause_of_downtime(baseline):
    panel = request_panel(baseline)
    assert panel.takeaway().startswith("The video renderer causes")
    panel.apply_preset("Wide search")
    assert panel.takeaway().startswith("The vector database causes")
    assert "the video renderer" in panel.takeaway()  # it still costs most


def test_bad_llm_month_preset_makes_the_llm_the_main_cause_of_downtime(baseline):
    panel = request_panel(baseline)
    panel.apply_preset("Bad LLM month")
    steps = request_outcome(baseline, **panel.model_arguments()).datasets["steps"].set_index("service")
    assert steps["downtime"].idxmax() == "LLM provider"
    assert panel.takeaway().startswith("The LLM provider causes")


def test_request_takeaway_shares_follow_the_bars(baseline):
    outcome = request_outcome(baseline, **DEFAULTS)
    steps = outcome.datasets["steps"].set_index("service")
    down, cost = steps["downtime"], steps["cost"]
    share_down, share_cost = down.max() / down.sum(), cost.max() / cost.sum()
    assert outcome.takeaway.startswith(
        f"The video renderer causes {share_down:.0%} of the downtime and {share_cost:.0%} of the cost"
    )
    assert outcome.key == (
        "Downtime equivalent (minutes a month)",
        pytest.approx(monthly_downtime_minutes(request_success_rate(baseline))),
    )


def test_request_chart_axes_stay_fixed_and_every_preset_fits(baseline):
    """Fixed ends, so the bars visibly move; no preset or slider end runs off them."""
    spec = request_panel(baseline).spec
    text = str(spec)
    assert "'domain': [0, 400]" in text and "'domain': [0, 0.25]" in text and "'domain': [0, 450]" in text
    panel = request_panel(baseline)
    corners = [dict(preset.values) for preset in panel.presets.values()]
    corners.append(
        {"retries": 0, "fanout_width": 20, "llm_p99_s": 2, "llm_availability_percent": 99, "video_cost": 0.2}
    )
    for values in corners:
        steps = request_outcome(baseline, **{**DEFAULTS, **values}).datasets["steps"]
        assert steps["cost"].max() <= 0.25 and steps["downtime"].max() <= 450


def test_fanout_presets_say_what_their_arguments_say():
    panel = fanout_panel(100, 0.01)
    panel.apply_preset("The Tail at Scale")
    assert panel.takeaway().startswith("63.4% of requests wait for a slow call")
    panel.apply_preset("Half the tail")
    assert panel.model_arguments() == {"n_calls": 100, "p_slow_percent": 0.5}
    half = fanout_slow_share(100, 0.005)
    assert panel.takeaway().startswith(f"{half:.1%} of requests")
    assert half > 0.634 / 2 + 0.05  # halving each call's tail does not halve the request's
    panel.apply_preset("One call")
    assert panel.takeaway() == "With one call, a request is slow exactly as often as the call: 1.0% of the time."


def test_fanout_takeaway_compares_with_the_naive_n_times():
    outcome = fanout_outcome(100, 1.0)
    assert outcome.takeaway == (
        "63.4% of requests wait for a slow call: 100 calls make it 63.4 times as common as for one call, not 100 times."
    )
    assert outcome.key == ("Requests that are slow (%)", pytest.approx(100 * fanout_slow_share(100, 0.01)))


def test_fanout_width_label_reads_well_at_one():
    labels = [c["label"] for c in request_panel(profile_services(data.load("service_profiles"))).controls]
    assert "Parallel vector-database searches" in labels
    assert not any("(parallel searches)" in label for label in labels)
