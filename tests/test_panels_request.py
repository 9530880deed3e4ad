"""The panels of lesson 04 show what the request and reliability models compute."""

import math
from dataclasses import replace

import numpy as np
import pandas as pd
import pytest

from tests.panel_checks import (
    assert_every_control_moves,
    assert_explorable,
    assert_twin_datasets_match,
    assert_twin_matches,
    random_positions,
    run_twins,
)
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
from utils.panels.request import LOW_DIAMOND_SHARE, TWIN_DRAWS, fanout_outcome, request_outcome

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


def test_fanout_diamond_label_reads_well_and_stays_off_the_axis():
    """One call is "1 call"; a diamond too low for a label below it has its label in the lower right corner,
    which the curve clears for the lowest chance the slider offers (0.1%: 11% slow at 120 calls)."""
    assert fanout_outcome(1, 1.0).datasets["mine"]["label"].tolist() == ["1 call: 1.0% slow"]
    assert fanout_outcome(100, 1.0).datasets["mine"]["label"].tolist() == ["100 calls: 63.4% slow"]
    assert fanout_slow_share(120, 0.001) > LOW_DIAMOND_SHARE + 0.03
    layers = fanout_panel(100, 0.01).spec["layer"]
    corner = [layer for layer in layers if layer["mark"].get("x") == "width"]
    assert len(corner) == 1 and corner[0]["transform"][0]["filter"] == f"(datum.share < {LOW_DIAMOND_SHARE})"


def test_fanout_width_label_reads_well_at_one():
    labels = [c["label"] for c in request_panel(profile_services(data.load("service_profiles"))).controls]
    assert "Parallel vector-database searches" in labels
    assert not any("(parallel searches)" in label for label in labels)


# --- The JavaScript twins (utils/panels/request.js) for the static site ------------------------------------
# The fan-out panel is a closed form: its twin reads exactly as Python does (rel_tol 0). The request panel is a
# seeded Monte Carlo: its twin draws its own TWIN_DRAWS requests with its own generator, so its simulated
# numbers agree with Python's within the two simulations' standard errors, and its closed forms exactly.

# Relative standard errors at N_REQUESTS = 3,000 requests, measured with simulate_requests over 200 seeds at six
# positions (the start, the presets' corners, 5 retries with 20 searches): p99 0.026 to 0.033, p50 0.009 to
# 0.010, simulated cost at most 0.0016, simulated success rate at most 0.0025. p99 is the noisiest number.
P99_REL_SE, P50_REL_SE = 0.033, 0.010
# Python's 3,000 requests and the twin's TWIN_DRAWS are independent draws: the difference of their p99s has a
# standard error of P99_REL_SE * sqrt(1 + 3,000 / TWIN_DRAWS) (0.039 with 8,000 draws); three of them, 0.12.
REQUEST_REL_TOL = 3 * P99_REL_SE * math.sqrt(1 + N_REQUESTS / TWIN_DRAWS)
HEAVIEST = {"retries": 5, "fanout_width": 20, "llm_p99_s": 30, "llm_availability_percent": 99.0, "video_cost": 0.2}


def test_the_fanout_twin_reads_as_the_python_panel_does():
    assert_twin_matches(lambda: fanout_panel(100, 0.01), count=120)


def test_the_fanout_twin_draws_the_same_curve_and_diamond():
    corners = [{"n_calls": 1}, {"n_calls": 100, "p_slow_percent": 1.0}, {"n_calls": 200, "p_slow_percent": 10.0}]
    assert_twin_datasets_match(lambda: fanout_panel(100, 0.01), positions=corners)


def test_the_request_twin_reads_as_the_python_panel_does_within_the_simulations_error(baseline):
    assert REQUEST_REL_TOL < 0.13
    assert_twin_matches(lambda: request_panel(baseline), count=60, rel_tol=REQUEST_REL_TOL)


def _twin_runs(panel, positions, **params):
    """The request twin's outcome at each position (as ``set()`` takes it), with ``params`` changed."""
    cases, arguments = [], []
    for position in positions:
        panel.set(**position)
        arguments.append(panel.model_arguments())
        cases.append(
            {
                "module": "request",
                "function": "request_outcome",
                "values": arguments[-1],
                "params": {**panel.twin.params, **params},
            }
        )
    return list(zip(arguments, run_twins(cases), strict=True))


def test_the_request_twins_closed_forms_equal_pythons_exactly(baseline):
    """The bars, the key, the expected cost, the closed-form success rate and downtime, and the takeaway's words
    and shares are closed forms: the twin must give them exactly, whatever its simulation draws."""
    panel = request_panel(baseline)
    positions = [dict(p.values) for p in panel.presets.values()] + [HEAVIEST]
    positions += random_positions(panel, 40, seed=2)
    for arguments, twin in _twin_runs(panel, positions):
        python = request_outcome(baseline, **arguments)
        where = f"the request twin at {arguments}"
        assert "error" not in twin, f"{where}: {twin.get('error')}"
        assert twin["key"][0] == python.key[0] and twin["key"][1] == pytest.approx(python.key[1], rel=1e-12), where
        steps = python.datasets["steps"].to_dict(orient="records")
        assert [row["service"] for row in twin["datasets"]["steps"]] == [row["service"] for row in steps], where
        for want, got in zip(steps, twin["datasets"]["steps"], strict=True):
            assert got["cost_label"] == want["cost_label"] and got["downtime_label"] == want["downtime_label"], where
            assert got["cost"] == pytest.approx(want["cost"], rel=1e-12, abs=1e-15), where
            assert got["downtime"] == pytest.approx(want["downtime"], rel=1e-12, abs=1e-12), where
        readout = dict(twin["readout"])
        assert list(readout) == list(python.readout), where
        for label in ("Cost per request", "Success rate"):  # what follows the simulated number is closed form
            assert readout[label].split(" simulated, ")[1] == python.readout[label].split(" simulated, ")[1], where
        assert readout["Downtime equivalent"] == python.readout["Downtime equivalent"], where
        assert twin["takeaway"].split("; ")[0] == python.takeaway.split("; ")[0], where
        latency = twin["datasets"]["latency"]
        assert [(row["start"], row["end"]) for row in latency] == [
            (row["start"], row["end"]) for row in python.datasets["latency"].to_dict(orient="records")
        ], where
        assert sum(row["requests"] for row in latency) == pytest.approx(N_REQUESTS), where
        assert [row["label"] for row in twin["datasets"]["percentiles"]] == [
            f"{row['stat']} {row['seconds']:.1f} s" for row in twin["datasets"]["percentiles"]
        ], where


@pytest.mark.parametrize(
    "position",
    [
        {},
        {"retries": 1, "fanout_width": 10, "llm_p99_s": 14, "llm_availability_percent": 99.5},
        {"fanout_width": 20, "llm_p99_s": 2, "llm_availability_percent": 99.0},
        HEAVIEST,
    ],
    ids=["start", "one retry, ten searches", "twenty searches, bad LLM", "heaviest"],
)
def test_the_request_twins_simulation_draws_pythons_model(baseline, position):
    """With many draws, the twin's way of drawing (how many parallel calls fail, then the slowest of the rest
    at once) gives Python's distribution: its p50 and p99 agree with a large Python simulation, its success
    rate and cost with the closed forms, its histogram with Python's, each within three standard errors."""
    n = 100_000
    panel = request_panel(baseline)
    [(arguments, twin)] = _twin_runs(panel, [{**DEFAULTS, **position}], draws=n)
    services = _edit(
        baseline,
        width=arguments["fanout_width"],
        llm_p99_ms=arguments["llm_p99_s"] * 1000,
        llm_availability=arguments["llm_availability_percent"] / 100,
        video_cost=arguments["video_cost"],
    )
    retries = arguments["retries"]
    run = simulate_requests(services, retries, n, seed=1)
    p50, p99 = (p.seconds for p in pd.DataFrame(twin["datasets"]["percentiles"]).itertuples())
    scale = math.sqrt(2 * N_REQUESTS / n)  # two independent runs of n requests
    assert p50 == pytest.approx(run.p50_ms / 1000, rel=3 * P50_REL_SE * scale)
    assert p99 == pytest.approx(run.p99_ms / 1000, rel=3 * P99_REL_SE * scale)
    readout = dict(twin["readout"])
    success = request_success_rate(services, retries)
    simulated = float(readout["Success rate"].split("%")[0]) / 100
    assert abs(simulated - success) <= 3 * math.sqrt(success * (1 - success) / n) + 1e-4  # + the shown rounding
    cost = float(readout["Cost per request"].split("$")[1].split(" ")[0])
    assert abs(cost - expected_request_cost(services, retries)) <= 3 * run.costs.std() / math.sqrt(n) + 5e-5
    share_twin = np.array([row["requests"] for row in twin["datasets"]["latency"]]) / N_REQUESTS
    seconds = np.minimum(run.latencies_ms / 1000, 120 - 1e-9)
    share_python = np.histogram(seconds, bins=np.arange(0, 122, 2))[0] / n
    bin_se = np.sqrt(2 * share_python * (1 - share_python) / n) + 1 / n
    assert np.all(np.abs(share_twin - share_python) <= 4 * bin_se)  # 60 bins: four standard errors each
