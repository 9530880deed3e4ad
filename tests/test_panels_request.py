"""The panels of lesson 04 show what the request and reliability models compute."""

from dataclasses import replace

import numpy as np
import pytest

from tests.panel_checks import assert_every_control_moves
from utils import data
from utils.models import (
    expected_request_cost,
    fanout_slow_share,
    monthly_downtime_minutes,
    request_success_rate,
    retried_availability,
    series_availability,
    simulate_requests,
)
from utils.panels.request import (
    N_REQUESTS,
    REQUEST_ORDER,
    SEED,
    fanout_outcome,
    fanout_panel,
    profile_services,
    request_outcome,
    request_panel,
    step_costs,
    step_downtime,
    vendor_comparison,
)

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


def test_services_come_from_the_data_in_request_order(baseline):
    profiles = data.load("service_profiles").set_index("service")
    assert [s.name for s in baseline] == list(REQUEST_ORDER)
    for service in baseline:
        assert service.availability == profiles.at[service.name, "availability"]
        assert service.cost_per_call == profiles.at[service.name, "cost_per_call_usd"]
        assert (service.median_ms, service.p99_ms) == (
            profiles.at[service.name, "latency_median_ms"],
            profiles.at[service.name, "latency_p99_ms"],
        )


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
    run = simulate_requests(services, 1, N_REQUESTS, SEED)
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
    run = simulate_requests(baseline, 2, N_REQUESTS, SEED)
    assert outcome.datasets["latency"]["requests"].sum() == N_REQUESTS
    assert outcome.datasets["percentiles"]["seconds"].tolist() == pytest.approx([run.p50_ms / 1000, run.p99_ms / 1000])


def test_step_costs_add_up_to_the_expected_cost(baseline):
    services = _edit(baseline, width=7)
    for retries in range(4):
        assert step_costs(services, retries).sum() == pytest.approx(expected_request_cost(services, retries))
    # with no failures, each step costs its width times its price
    perfect = [replace(s, availability=1.0) for s in services]
    assert step_costs(perfect, 0).tolist() == pytest.approx([s.width * s.cost_per_call for s in perfect])


def test_step_downtime_follows_retried_availability(baseline):
    services = _edit(baseline, width=4)
    minutes = step_downtime(services, 1)
    expected = [monthly_downtime_minutes(retried_availability(s.availability, 1) ** s.width) for s in services]
    assert minutes.tolist() == pytest.approx(expected)


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


def test_vendor_comparison_puts_each_vendor_in_its_step(baseline):
    llm = next(s for s in baseline if s.name == "LLM provider")
    cheaper = replace(llm, availability=0.995, cost_per_call=0.015, p99_ms=12_000)
    rows = vendor_comparison(baseline, {"A": llm, "B": cheaper}, retries=(0, 1))
    assert rows[["vendor", "retries"]].values.tolist() == [["A", 0], ["A", 1], ["B", 0], ["B", 1]]
    for row in rows.itertuples():
        services = [cheaper if (row.vendor == "B" and s.name == "LLM provider") else s for s in baseline]
        run = simulate_requests(services, row.retries, N_REQUESTS, SEED)
        assert row.cost_per_request == pytest.approx(expected_request_cost(services, row.retries))
        assert row.success_rate == pytest.approx(request_success_rate(services, row.retries))
        assert row.downtime_minutes == pytest.approx(monthly_downtime_minutes(row.success_rate))
        assert (row.p50_s, row.p99_s) == pytest.approx((run.p50_ms / 1000, run.p99_ms / 1000))
    # vendor A with no retries is the request panel's starting point
    readout = request_outcome(baseline, **DEFAULTS).readout
    first = rows.iloc[0]
    assert f"${first.cost_per_request:.4f} expected" in readout["Cost per request"]
    assert f"p99 {first.p99_s:.1f} s" in readout["Latency"]
    # the cheaper, less available vendor costs less and fails more
    a0, b0 = rows.iloc[0], rows.iloc[2]
    assert b0.cost_per_request < a0.cost_per_request and b0.success_rate < a0.success_rate


def test_vendor_comparison_rejects_a_service_the_request_does_not_call(baseline):
    stranger = replace(baseline[0], name="fax gateway")
    with pytest.raises(ValueError, match="fax gateway"):
        vendor_comparison(baseline, {"X": stranger})
