"""Each ready-made panel shows what the models compute."""

import pytest

from tests.panel_checks import assert_every_control_moves, assert_explorable
from utils import data
from utils.models import breakeven_demand, nrr_revenue, reserved_monthly_cost, serverless_monthly_cost
from utils.panels import retention_demo_panel, serverless_panel
from utils.panels.gpu import serverless_outcome
from utils.panels.retention import retention_outcome

NRR = {"metric": "net revenue retention"}
MEDIAN_NRR = data.pick("unit_economics", "value_low", segment="private SaaS (median)", **NRR)
STAR_NRR = data.pick("unit_economics", "value_low", segment="Snowflake (usage-based infrastructure)", **NRR)


def _demo():
    return retention_demo_panel(median_nrr=MEDIAN_NRR, star_nrr=STAR_NRR)


def test_serverless_readout_matches_the_models():
    outcome = serverless_outcome(3.95, 2.86, 15, 1, 200, 45)
    reserved = reserved_monthly_cost(2.86, 0.15)
    serverless = serverless_monthly_cost(3.95, 0.15, 200, 45)
    readout = list(outcome.readout.values())
    assert readout[0].startswith(f"${reserved:,.0f} a month (1 GPU")
    assert readout[1].startswith(f"${serverless:,.0f} a month")
    assert readout[2] == f"serverless, by ${reserved - serverless:,.0f} a month"
    assert readout[3] == f"{breakeven_demand(2.86, 3.95, 1, 200, 45):.1%}"


def test_serverless_breakeven_is_marked_where_the_model_puts_it():
    outcome = serverless_outcome(4.0, 2.5, 30, 1, 0, 0)
    assert outcome.datasets["breakeven"]["utilization"].tolist() == [pytest.approx(0.625)]


def test_no_breakeven_means_no_mark_and_says_so():
    outcome = serverless_outcome(3.95, 3.99, 15, 1, 0, 0)
    assert outcome.datasets["breakeven"].empty
    assert outcome.readout["Break-even utilization (cold starts included)"].startswith("none")


def test_serverless_curves_follow_the_cost_functions():
    curves = serverless_outcome(4.0, 2.5, 30, 2, 100, 60).datasets["curves"]
    for option, cost in (
        ("Reserved (always on)", lambda u: reserved_monthly_cost(2.5, u, 2)),
        ("Serverless (pay per second)", lambda u: serverless_monthly_cost(4.0, u, 100, 60)),
    ):
        rows = curves[curves["option"] == option]
        assert rows["cost"].tolist() == pytest.approx(cost(rows["utilization"].to_numpy()).tolist())


def test_every_serverless_control_changes_the_readout():
    assert_every_control_moves(serverless_panel(3.95, 2.86), chart=False)


def test_retention_demo_matches_the_worked_example():
    outcome = retention_outcome(120, 5)
    assert outcome.datasets["cohort"]["revenue"].iloc[-1] == pytest.approx(nrr_revenue(100, 1.2, 5))
    assert outcome.readout["Revenue after 5 years"] == "248.83 (from 100)"
    assert outcome.readout["Change"] == "+148.8%"
    assert outcome.key == ("Revenue after the horizon (index, year 0 = 100)", pytest.approx(248.832))
    assert outcome.takeaway == (
        "At 120% a year the cohort reaches 248.8 in 5 years, 2.49 times its start: "
        "more than the 200 that adding 20 a year would give."
    )


def test_retention_demo_dropdown_changes_horizon():
    panel = _demo()
    panel.set(horizon="10 years")
    assert len(panel.datasets["cohort"]) == 11


def test_retention_demo_is_explorable():
    assert_explorable(_demo)
    assert _demo().share() == "demo.set(nrr_percent=120, horizon='5 years')"


def test_retention_demo_presets_argue_what_they_show():
    panel = _demo()
    panel.apply_preset("Median SaaS")  # SaaS Capital's median, low end: flat revenue
    assert panel.model_arguments() == {"nrr_percent": round(100 * MEDIAN_NRR), "horizon": 10}
    assert panel.takeaway() == "At 100% a year the cohort's revenue stays at 100 for all 10 years."
    panel.apply_preset("Snowflake's quarter")  # a star held five years: far above the median
    assert panel.model_arguments()["nrr_percent"] == 151
    assert panel.readout[0] == ["Revenue after 5 years", f"{nrr_revenue(100, STAR_NRR, 5):,.2f} (from 100)"]
    panel.apply_preset("Losing 10%")  # exercise 1's cohort shrinks to about a third
    assert panel.takeaway().startswith("At 90% a year only 34.9 of the 100 is left after 10 years")


def test_retention_demo_axis_is_fixed_and_tall_bars_are_cut_with_their_value():
    frame = retention_outcome(151, 5).datasets["cohort"]
    assert frame["shown"].max() == 500 < frame["revenue"].max()
    assert _demo().spec["layer"][0]["encoding"]["y"]["scale"]["domain"] == [0, 500.0]
