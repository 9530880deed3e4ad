"""Each ready-made panel shows what the models compute."""

import pytest

from tests.panel_checks import assert_every_control_moves
from utils.models import breakeven_demand, nrr_revenue, reserved_monthly_cost, serverless_monthly_cost
from utils.panels import retention_demo_panel, serverless_panel
from utils.panels.gpu import serverless_outcome
from utils.panels.retention import retention_outcome


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


def test_retention_demo_matches_curriculum_example():
    outcome = retention_outcome(120, 5)
    assert outcome.datasets["cohort"]["revenue"].iloc[-1] == pytest.approx(nrr_revenue(100, 1.2, 5))
    assert outcome.readout["Revenue after 5 years"] == "248.83 (from 100)"


def test_retention_demo_dropdown_changes_horizon():
    panel = retention_demo_panel()
    panel.set(horizon="10 years")
    assert len(panel.datasets["cohort"]) == 11
