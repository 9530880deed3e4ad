"""Lesson 04's request model beyond the simulation: the services of the data, what each step adds to the
cost and the downtime of a request, and the vendor comparison (moved here from the panel, issue 15)."""

from dataclasses import replace

import numpy as np
import pytest

from utils import data
from utils.models import (
    N_REQUESTS,
    REQUEST_ORDER,
    REQUEST_SEED,
    Service,
    expected_request_cost,
    monthly_downtime_minutes,
    profile_services,
    request_success_rate,
    retried_availability,
    simulate_requests,
    step_costs,
    step_downtime,
    vendor_comparison,
)


@pytest.fixture(scope="module")
def baseline():
    return profile_services(data.load("service_profiles"))


def _widened(services, width):
    return [replace(s, width=width) if s.name == "vector database" else s for s in services]


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
        assert service.width == 1


def test_profile_services_names_a_missing_service():
    profiles = data.load("service_profiles")
    with pytest.raises(ValueError, match="no row for \\['video renderer'\\]"):
        profile_services(profiles[profiles["service"] != "video renderer"])


def test_step_costs_add_up_to_the_expected_cost(baseline):
    services = _widened(baseline, 7)
    for retries in range(4):
        assert step_costs(services, retries).sum() == pytest.approx(expected_request_cost(services, retries))
    # with no failures, each step costs its width times its price
    perfect = [replace(s, availability=1.0) for s in services]
    assert step_costs(perfect, 0).tolist() == pytest.approx([s.width * s.cost_per_call for s in perfect])


def test_a_later_step_costs_less_than_its_price_because_some_requests_stopped_before(baseline):
    costs = step_costs(baseline)
    reach = np.cumprod([1.0] + [s.availability for s in baseline[:-1]])
    assert costs.tolist() == pytest.approx([r * s.cost_per_call for r, s in zip(reach, baseline, strict=True)])


def test_step_downtime_follows_retried_availability(baseline):
    services = _widened(baseline, 4)
    minutes = step_downtime(services, 1)
    expected = [monthly_downtime_minutes(retried_availability(s.availability, 1) ** s.width) for s in services]
    assert minutes.tolist() == pytest.approx(expected)


def test_step_downtime_adds_up_to_about_the_requests_while_failures_are_rare(baseline):
    total = monthly_downtime_minutes(request_success_rate(baseline))
    assert step_downtime(baseline).sum() == pytest.approx(total, rel=0.01)
    assert step_downtime(baseline).sum() >= total  # failures that overlap are counted once by the request


def test_vendor_comparison_puts_each_vendor_in_its_step(baseline):
    llm = next(s for s in baseline if s.name == "LLM provider")
    cheaper = replace(llm, availability=0.995, cost_per_call=0.015, p99_ms=12_000)
    rows = vendor_comparison(baseline, {"A": llm, "B": cheaper}, retries=(0, 1))
    assert rows[["vendor", "retries"]].values.tolist() == [["A", 0], ["A", 1], ["B", 0], ["B", 1]]
    for row in rows.itertuples():
        services = [cheaper if (row.vendor == "B" and s.name == "LLM provider") else s for s in baseline]
        run = simulate_requests(services, row.retries, N_REQUESTS, REQUEST_SEED)
        assert row.cost_per_request == pytest.approx(expected_request_cost(services, row.retries))
        assert row.success_rate == pytest.approx(request_success_rate(services, row.retries))
        assert row.downtime_minutes == pytest.approx(monthly_downtime_minutes(row.success_rate))
        assert (row.p50_s, row.p99_s) == pytest.approx((run.p50_ms / 1000, run.p99_ms / 1000))
    # the cheaper, less available vendor costs less and fails more
    a0, b0 = rows.iloc[0], rows.iloc[2]
    assert b0.cost_per_request < a0.cost_per_request and b0.success_rate < a0.success_rate


def test_vendor_comparison_takes_its_own_sample_size_and_seed(baseline):
    llm = next(s for s in baseline if s.name == "LLM provider")
    rows = vendor_comparison(baseline, {"A": llm}, retries=(0,), n_requests=500, seed=11)
    run = simulate_requests(baseline, 0, 500, 11)
    assert rows.at[0, "p99_s"] == pytest.approx(run.p99_ms / 1000)


def test_vendor_comparison_rejects_a_service_the_request_does_not_call(baseline):
    stranger = replace(baseline[0], name="fax gateway")
    with pytest.raises(ValueError, match="fax gateway"):
        vendor_comparison(baseline, {"X": stranger})


def test_a_whole_width_given_as_a_float_is_stored_as_a_whole_number():
    assert Service("shard", 10, 100, 1.0, 0.0, width=3.0).width == 3
    assert isinstance(Service("shard", 10, 100, 1.0, 0.0, width=3.0).width, int)
