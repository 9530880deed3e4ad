"""The commoditization clock (lesson 01) shows what the model computes."""

import pytest

from tests.panel_checks import assert_every_control_moves
from utils import data
from utils.models import cumulative_gross_profit, monthly_churn
from utils.panels.commoditization import (
    ASSUMED_EXTRA_CHURN,
    ASSUMED_PRICE_EROSION,
    HORIZON_MONTHS,
    clock_outcome,
    clock_panel,
    sourced_annual_churn,
)

BASE = monthly_churn(0.08)
DEFAULTS = dict(
    app_copy_months=2,
    app_switching_cost=0.1,
    infra_copy_months=12,
    infra_switching_cost=0.7,
    extra_churn_percent=4,
    price_erosion_percent=40,
)


def _model(copy_months, switching_cost, extra_churn_percent=4, price_erosion_percent=40):
    return cumulative_gross_profit(
        copy_months,
        switching_cost,
        base_churn=BASE,
        extra_churn=extra_churn_percent / 100,
        price_erosion=price_erosion_percent / 100,
        monthly_profit=100,
        months=36,
    )


def test_base_churn_comes_from_the_sourced_annual_median():
    annual = data.pick(
        "unit_economics", "value_low", metric="gross dollar churn (annual)", segment="private SaaS (median)"
    )
    assert sourced_annual_churn() == annual == 0.08
    assert (1 - monthly_churn(annual)) ** 12 == pytest.approx(1 - annual)
    assert monthly_churn(0.08) == pytest.approx(0.0069244, abs=1e-7)


def test_assumptions_are_the_slider_defaults():
    values = clock_panel(BASE).model_arguments()
    assert values["extra_churn_percent"] == pytest.approx(ASSUMED_EXTRA_CHURN * 100)
    assert values["price_erosion_percent"] == pytest.approx(ASSUMED_PRICE_EROSION * 100)
    assert {k: values[k] for k in DEFAULTS} == pytest.approx(DEFAULTS)


def test_readout_matches_the_model():
    outcome = clock_outcome(BASE, **DEFAULTS)
    app, infra = _model(2, 0.1)[-1], _model(12, 0.7)[-1]
    never = _model(36, 1.0)[-1]
    readout = outcome.readout
    assert readout["Application, 3-year total"] == f"{app:,.0f} per customer (copied after month 2)"
    assert readout["Infrastructure, 3-year total"] == f"{infra:,.0f} per customer (copied after month 12)"
    assert readout["Gap (infrastructure minus application)"] == (
        f"{infra - app:+,.0f}: infrastructure earns {infra / app:.2f} times as much"
    )
    assert readout["Lines separate"] == "after month 2; the application falls behind"
    assert readout["Never copied, for reference"] == f"{never:,.0f} per customer"


def test_lines_follow_the_model_from_month_zero():
    moved = {**DEFAULTS, "extra_churn_percent": 7.5, "price_erosion_percent": 25}
    lines = clock_outcome(BASE, **moved).datasets["lines"]
    expected = {
        "Application": _model(2, 0.1, 7.5, 25),
        "Infrastructure": _model(12, 0.7, 7.5, 25),
        "Never copied (reference)": _model(36, 1.0, 7.5, 25),
    }
    for product, values in expected.items():
        rows = lines[lines["product"] == product]
        assert rows["month"].tolist() == list(range(HORIZON_MONTHS + 1))
        assert rows["profit"].tolist() == pytest.approx([0.0, *values])
    assert len(lines) <= 1000


def test_copy_rules_sit_at_the_copy_months_and_vanish_beyond_the_horizon():
    copies = clock_outcome(BASE, **DEFAULTS).datasets["copies"]
    assert copies["month"].tolist() == [2, 12]
    assert copies["label"].tolist() == ["app copied", "infra copied"]
    late = clock_outcome(BASE, **{**DEFAULTS, "infra_copy_months": 36}).datasets["copies"]
    assert late["month"].tolist() == [2]
    readout = clock_outcome(BASE, **{**DEFAULTS, "infra_copy_months": 36}).readout
    assert "not copied within 3 years" in readout["Infrastructure, 3-year total"]


def test_identical_products_never_separate():
    outcome = clock_outcome(BASE, 5, 0.4, 5, 0.4, 4, 40)
    assert outcome.readout["Lines separate"] == "never: the two products earn the same"
    assert outcome.readout["Gap (infrastructure minus application)"].startswith("+0:")


def test_separation_names_whichever_product_falls_behind():
    assert clock_outcome(BASE, 0, 0.5, 0, 0.1, 4, 40).readout["Lines separate"] == (
        "from the first month; the infrastructure product falls behind"
    )


def test_every_clock_control_changes_the_readout_and_the_chart():
    assert_every_control_moves(clock_panel(BASE), both_ways=True)


def test_switching_cost_of_one_makes_the_copy_harmless():
    outcome = clock_outcome(BASE, **{**DEFAULTS, "app_switching_cost": 1.0})
    never = _model(36, 1.0)[-1]
    assert outcome.readout["Application, 3-year total"].startswith(f"{never:,.0f} per customer")


def test_an_application_that_earns_nothing_needs_no_ratio():
    outcome = clock_outcome(BASE, 0, 0.0, 12, 0.7, 4, 100)
    assert outcome.readout["Gap (infrastructure minus application)"].endswith("the application earns nothing")
    assert outcome.readout["Application, 3-year total"].startswith("0 per customer")
