"""The commoditization clock (lesson 01) shows what the model computes, and is explorable."""

import pandas as pd
import pytest

from tests.panel_checks import (
    assert_every_control_moves,
    assert_explorable,
    assert_twin_datasets_match,
    assert_twin_matches,
)
from utils import data
from utils.models import CLOCK_MONTHLY_PROFIT, CLOCK_MONTHS, cumulative_gross_profit, monthly_churn
from utils.panels import ASSUMED_EXTRA_CHURN, ASSUMED_PRICE_EROSION, clock_panel, sourced_annual_churn
from utils.panels.commoditization import clock_outcome

UNIT_ECONOMICS = data.load("unit_economics")

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
    assert sourced_annual_churn(UNIT_ECONOMICS) == annual == 0.08
    assert (1 - monthly_churn(annual)) ** 12 == pytest.approx(1 - annual)
    assert monthly_churn(0.08) == pytest.approx(0.0069244, abs=1e-7)


def test_the_panel_reads_the_churn_of_the_table_it_is_given():
    moved = UNIT_ECONOMICS.assign(
        value_low=UNIT_ECONOMICS["value_low"].where(UNIT_ECONOMICS["metric"] != "gross dollar churn (annual)", 0.2)
    )
    assert sourced_annual_churn(moved) == 0.2
    assert clock_panel(moved).readout_text() != clock_panel(UNIT_ECONOMICS).readout_text()
    with pytest.raises(ValueError, match="matches 0 rows"):
        sourced_annual_churn(pd.DataFrame(columns=UNIT_ECONOMICS.columns))


def test_assumptions_are_the_slider_defaults():
    values = clock_panel(UNIT_ECONOMICS).model_arguments()
    assert values["extra_churn_percent"] == pytest.approx(ASSUMED_EXTRA_CHURN * 100)
    assert values["price_erosion_percent"] == pytest.approx(ASSUMED_PRICE_EROSION * 100)
    assert {k: values[k] for k in DEFAULTS} == pytest.approx(DEFAULTS)


def test_readout_matches_the_model():
    outcome = clock_outcome(BASE, **DEFAULTS)
    app, infra = _model(2, 0.1)[-1], _model(12, 0.7)[-1]
    never = _model(36, 1.0)[-1]
    readout = outcome.readout
    assert readout["Application"] == f"{app:,.0f} per customer, copied after month 2"
    assert readout["Infrastructure"] == f"{infra:,.0f} per customer, copied after month 12"
    assert readout["Gap, infra minus app"] == f"{infra - app:+,.0f}"
    assert readout["Lines part"] == "after month 2; the app falls behind"
    assert readout["Never copied"] == f"{never:,.0f} per customer"


def test_lines_follow_the_model_from_month_zero():
    moved = {**DEFAULTS, "extra_churn_percent": 7.5, "price_erosion_percent": 25}
    lines = clock_outcome(BASE, **moved).datasets["lines"]
    expected = {
        "Application": _model(2, 0.1, 7.5, 25),
        "Infrastructure": _model(12, 0.7, 7.5, 25),
        "Never copied": _model(36, 1.0, 7.5, 25),
    }
    for product, values in expected.items():
        rows = lines[lines["product"] == product]
        assert rows["month"].tolist() == list(range(CLOCK_MONTHS + 1))
        assert rows["profit"].tolist() == pytest.approx([0.0, *values])
    assert len(lines) <= 1000


def test_copy_rules_sit_at_the_copy_months_and_vanish_beyond_the_horizon():
    copies = clock_outcome(BASE, **DEFAULTS).datasets["copies"]
    assert copies["month"].tolist() == [2, 12]
    assert copies["label"].tolist() == ["app copied", "infra copied"]
    late = clock_outcome(BASE, **{**DEFAULTS, "infra_copy_months": 36}).datasets["copies"]
    assert late["month"].tolist() == [2]
    readout = clock_outcome(BASE, **{**DEFAULTS, "infra_copy_months": 36}).readout
    assert "not copied within 3 years" in readout["Infrastructure"]


def test_identical_products_never_separate():
    outcome = clock_outcome(BASE, 5, 0.4, 5, 0.4, 4, 40)
    assert outcome.readout["Lines part"] == "never: the two products earn the same"
    assert outcome.readout["Gap, infra minus app"] == "+0"


def test_separation_names_whichever_product_falls_behind():
    assert clock_outcome(BASE, 0, 0.5, 0, 0.1, 4, 40).readout["Lines part"] == (
        "from the first month; infrastructure falls behind"
    )


def test_every_clock_control_changes_the_readout_and_the_chart():
    assert_every_control_moves(clock_panel(UNIT_ECONOMICS), both_ways=True)


def test_switching_cost_of_one_makes_the_copy_harmless():
    outcome = clock_outcome(BASE, **{**DEFAULTS, "app_switching_cost": 1.0})
    never = _model(36, 1.0)[-1]
    assert outcome.readout["Application"].startswith(f"{never:,.0f} per customer")


def test_an_application_that_earns_nothing_gets_no_ratio():
    outcome = clock_outcome(BASE, 0, 0.0, 12, 0.7, 4, 100)
    assert outcome.readout["Application"].startswith("0 per customer")
    assert outcome.takeaway.startswith("Only infrastructure earns anything: the copy takes 100% of the app's profit")


def test_the_clock_is_explorable():
    assert_explorable(lambda: clock_panel(UNIT_ECONOMICS))


def test_the_lessons_start_is_the_panels_start():
    panel = clock_panel(UNIT_ECONOMICS)
    start = panel.readout_text()
    assert panel.active_preset == "The lesson's start"
    panel.apply_preset("A price war")
    panel.apply_preset("The lesson's start")
    assert panel.readout_text() == start


def _gap(panel):
    """The key number the panel shows: infrastructure's 3-year total minus the application's."""
    return clock_outcome(BASE, **panel.model_arguments()).key[1]


def test_each_preset_shows_what_its_argument_says():
    panel = clock_panel(UNIT_ECONOMICS)
    start_gap = _gap(panel)
    # Copied together: the infrastructure product copied as early as the app still keeps most of its lead.
    panel.apply_preset("Copied together")
    together = _gap(panel)
    assert panel.model_arguments()["infra_copy_months"] == panel.model_arguments()["app_copy_months"]
    assert 0.5 * start_gap < together < start_gap
    # Equally sticky: with the same switching cost, only the later copy is left, a much smaller gap.
    panel.apply_preset("Equally sticky")
    sticky = _gap(panel)
    assert panel.model_arguments()["app_switching_cost"] == panel.model_arguments()["infra_switching_cost"]
    assert 0 < sticky < 0.5 * start_gap
    # A price war: a fiercer copy widens the gap a switching cost protects.
    panel.apply_preset("A price war")
    assert _gap(panel) > start_gap
    assert "70% of the profit" in panel.presets["A price war"].argument
    assert panel.model_arguments()["price_erosion_percent"] == 70


def test_the_takeaway_follows_the_totals():
    outcome = clock_outcome(BASE, **DEFAULTS)
    app, infra, never = _model(2, 0.1)[-1], _model(12, 0.7)[-1], _model(36, 1.0)[-1]
    assert outcome.takeaway == (
        f"Infrastructure earns {infra / app:.2f} times as much as the app: the copy takes "
        f"{1 - app / never:.0%} of the app's profit and {1 - infra / never:.0%} of infrastructure's."
    )
    assert outcome.key == (outcome.key[0], pytest.approx(infra - app))
    same = clock_outcome(BASE, 5, 0.4, 5, 0.4, 4, 40).takeaway
    assert same.startswith("Both earn the same: the copy takes")
    app_ahead = clock_outcome(BASE, 12, 0.7, 2, 0.1, 4, 40).takeaway
    assert app_ahead.startswith(f"The app earns {infra / app:.2f} times as much as infrastructure")


def test_the_y_axis_is_fixed_so_the_lines_move_not_the_scale():
    spec = clock_panel(UNIT_ECONOMICS).spec
    scales = [layer["encoding"]["y"].get("scale") for layer in spec["layer"] if "y" in layer.get("encoding", {})]
    assert {"domain": [0, 3600.0]} in scales
    assert spec["width"] <= 480


def test_a_late_copy_label_sits_left_of_its_rule():
    copies = clock_outcome(BASE, **{**DEFAULTS, "app_copy_months": 30}).datasets["copies"]
    assert copies.set_index("label")["side"].to_dict() == {"app copied": "left", "infra copied": "right"}


# --- The JavaScript twin (utils/panels/commoditization.js) for the static site --------------------------------
# A closed form computed in the same order of operations: the readout to the displayed rounding (rel_tol 0),
# and the chart's rows and key exactly (rel_tol 0).

CLOCK_CORNERS = [
    {"app_copy_months": 5, "app_switching_cost": 0.4, "infra_copy_months": 5, "infra_switching_cost": 0.4},  # same
    {"app_copy_months": 0, "app_switching_cost": 0.0, "price_erosion_percent": 100},  # the app earns nothing
    {"app_copy_months": 36, "infra_copy_months": 0, "infra_switching_cost": 0.0, "price_erosion_percent": 100},
    {"app_copy_months": 12, "app_switching_cost": 0.7, "infra_copy_months": 2, "infra_switching_cost": 0.1},
    {"app_copy_months": 0, "app_switching_cost": 0.5, "infra_copy_months": 0, "infra_switching_cost": 0.1},
    {"app_copy_months": 30, "infra_copy_months": 36},  # a late label left of its rule; a copy beyond the horizon
    {"app_copy_months": 36, "infra_copy_months": 36, "extra_churn_percent": 20, "price_erosion_percent": 0},
]


def test_the_clock_twin_reads_as_the_python_panel_does():
    assert_twin_matches(lambda: clock_panel(UNIT_ECONOMICS), count=120)


def test_the_clock_twin_draws_the_same_lines_and_copy_rules_in_every_branch():
    start = clock_panel(UNIT_ECONOMICS).presets["The lesson's start"].values  # every control: corners do not add up
    corners = [{**start, **corner} for corner in CLOCK_CORNERS]
    assert_twin_datasets_match(lambda: clock_panel(UNIT_ECONOMICS), positions=corners, rel_tol=0.0)


def test_the_clock_twin_is_given_the_sourced_churn_and_the_models_constants():
    params = clock_panel(UNIT_ECONOMICS).twin.params
    assert params["base_churn"] == monthly_churn(sourced_annual_churn(UNIT_ECONOMICS))
    assert (params["monthly_profit"], params["months"]) == (CLOCK_MONTHLY_PROFIT, CLOCK_MONTHS)
