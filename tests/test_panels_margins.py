"""The panels of lesson 05 show what the retention and margin models compute."""

import numpy as np
import pytest

from tests.panel_checks import assert_every_control_moves
from utils import data
from utils.models import app_breakeven_tokens, app_gross_margin, lifetime_value, nrr_revenue
from utils.panels.margins import (
    USAGE_SPLITS,
    app_margin_outcome,
    app_margin_panel,
    ltv_outcome,
    ltv_panel,
    nrr_outcome,
    nrr_panel,
    user_tiers,
)

ANNUAL_CHURN = data.pick(
    "unit_economics", "value_low", metric="gross dollar churn (annual)", segment="private SaaS (median)"
)


def _every_control_changes_the_readout(panel):
    assert_every_control_moves(panel)


# --- Lifetime value -------------------------------------------------------------------------------


def test_ltv_readout_is_the_curriculum_example():
    outcome = ltv_outcome(1000, 75, 2.0, ANNUAL_CHURN)
    assert lifetime_value(1000, 0.75, 0.02) == pytest.approx(37_500)
    assert outcome.readout["Lifetime value (LTV)"] == "$37,500 of gross profit per customer"
    assert outcome.readout["Expected customer life"] == "50.0 months (4.2 years)"
    assert outcome.datasets["customer"]["ltv"].tolist() == [pytest.approx(37_500)]


def test_ltv_curve_follows_the_model_and_marks_the_benchmark_per_month():
    outcome = ltv_outcome(500, 60, 3.0, ANNUAL_CHURN)
    curve = outcome.datasets["curve"]
    assert curve["ltv"].tolist() == pytest.approx(lifetime_value(500, 0.6, curve["churn"].to_numpy()).tolist())
    assert curve["churn"].min() == pytest.approx(0.005) and curve["churn"].max() == pytest.approx(0.10)
    assert outcome.datasets["benchmark"]["churn"].tolist() == [pytest.approx(ANNUAL_CHURN / 12)]


def test_halving_churn_doubles_ltv():
    high = ltv_outcome(1000, 75, 4.0, ANNUAL_CHURN).datasets["customer"]["ltv"].iloc[0]
    low = ltv_outcome(1000, 75, 2.0, ANNUAL_CHURN).datasets["customer"]["ltv"].iloc[0]
    assert low == pytest.approx(2 * high)


def test_every_ltv_control_changes_chart_and_readout():
    _every_control_changes_the_readout(ltv_panel(ANNUAL_CHURN))


# --- Net revenue retention ------------------------------------------------------------------------


def test_nrr_readout_matches_the_model():
    outcome = nrr_outcome(100, 151, 5)
    readout = list(outcome.readout.values())
    assert readout[0] == f"{nrr_revenue(100, 1.00, 5):,.1f} (from 100, NRR 100%)"
    assert readout[1] == f"{nrr_revenue(100, 1.51, 5):,.1f} (from 100, NRR 151%)"
    assert readout[2] == f"{nrr_revenue(100, 1.51, 5) / nrr_revenue(100, 1.00, 5):,.2f}x"


def test_nrr_cohorts_follow_the_model_year_by_year():
    cohorts = nrr_outcome(120, 90, 7).datasets["cohorts"]
    for ratio, rows in zip((1.20, 0.90), (cohorts.iloc[:8], cohorts.iloc[8:]), strict=True):
        assert rows["year"].tolist() == list(range(8))
        assert rows["revenue"].tolist() == pytest.approx(nrr_revenue(100, ratio, np.arange(8)).tolist())
    assert cohorts["revenue"].iloc[5] == pytest.approx(248.83, abs=0.005)  # the curriculum's example


def test_every_nrr_control_changes_chart_and_readout():
    _every_control_changes_the_readout(nrr_panel(100, 115))


# --- The AI app's margin --------------------------------------------------------------------------


def test_breakeven_tokens_zeroes_the_margin():
    assert app_breakeven_tokens(20, 3, 1) == pytest.approx(19 / 3)
    for arpu, price, other in ((20, 3, 1), (8, 0.5, 0), (45, 12.3, 4.5)):
        assert app_gross_margin(arpu, app_breakeven_tokens(arpu, price, other), price, other) == pytest.approx(
            0, abs=1e-12
        )


def test_breakeven_needs_a_token_price():
    with pytest.raises(ValueError, match="price_per_million"):
        app_breakeven_tokens(20, 0, 1)


def test_every_split_averages_the_slider_value_and_covers_all_users():
    for split, tiers in USAGE_SPLITS.items():
        assert sum(t.share_of_users for t in tiers) == pytest.approx(1), split
        frame = user_tiers(split, 2.0)
        assert np.average(frame["tokens"], weights=frame["share_of_users"]) == pytest.approx(2.0), split
        assert frame["share_of_tokens"].sum() == pytest.approx(1), split


def test_app_margin_is_the_curriculum_example_when_everyone_is_average():
    outcome = app_margin_outcome(20, 3.0, 1.0, 2.0, "Everyone uses the average")
    assert app_gross_margin(20, 2, 3, 1) == pytest.approx(0.65)
    assert outcome.readout["Blended gross margin"] == "65.0%"
    assert outcome.readout["Users served at a loss"] == "0% of users"
    assert outcome.readout["Margin hits zero at"].startswith(f"{19 / 3:,.2f} million tokens")


def test_skew_hides_loss_makers_inside_the_same_blended_margin():
    outcome = app_margin_outcome(20, 3.0, 1.0, 2.0, "Heavy skew")
    tiers = outcome.datasets["tiers"]
    assert tiers["margin"].tolist() == pytest.approx(app_gross_margin(20, tiers["tokens"].to_numpy(), 3, 1).tolist())
    assert outcome.readout["Blended gross margin"] == f"{app_gross_margin(20, 2, 3, 1):.1%}"
    assert outcome.datasets["average"]["margin"].tolist() == [pytest.approx(0.65)]
    loss = tiers.loc[tiers["tokens"] > app_breakeven_tokens(20, 3, 1), "share_of_users"].sum()
    assert outcome.readout["Users served at a loss"] == f"{loss:.0%} of users" == "5% of users"
    assert outcome.datasets["breakeven"]["tokens"].tolist() == [pytest.approx(19 / 3)]


def test_the_average_users_dollars_add_up_to_the_subscription():
    readout = app_margin_outcome(20, 3.0, 1.0, 2.0, "Heavy skew").readout
    # 2 million tokens x $3 = $6 to whoever serves the model, $1 other, $13 = 65% of $20 left to the app.
    assert readout["Where the average user's $20.00 goes"] == (
        "$6.00 tokens (to whoever serves the model) + $1.00 other costs + $13.00 left to the app"
    )
    assert 20 * app_gross_margin(20, 2, 3, 1) == pytest.approx(13)
    loss = app_margin_outcome(5, 3.0, 2.0, 2.0, "Mild skew").readout
    assert loss["Where the average user's $5.00 goes"].endswith("- $3.00, the app's loss")  # 5 = 6 + 2 - 3


def test_benchmark_is_labeled_dollar_churn_not_customer_churn():
    label = ltv_outcome(1000, 75, 2.0, ANNUAL_CHURN).datasets["benchmark"]["label"].iloc[0]
    assert label == f"median SaaS dollar churn, {ANNUAL_CHURN:.0%} a year"


def test_app_margin_line_follows_the_model():
    line = app_margin_outcome(30, 5.0, 2.0, 4.0, "Mild skew").datasets["line"]
    assert line["margin"].tolist() == pytest.approx(app_gross_margin(30, line["tokens"].to_numpy(), 5, 2).tolist())
    assert line["tokens"].max() > app_breakeven_tokens(30, 5, 2)


def test_no_breakeven_when_other_costs_use_up_arpu():
    outcome = app_margin_outcome(5, 3.0, 5.0, 2.0, "Heavy skew")
    assert outcome.datasets["breakeven"].empty
    assert outcome.readout["Margin hits zero at"].startswith("no usage at all")


def test_every_split_option_works_and_more_skew_puts_more_users_at_a_loss():
    panel = app_margin_panel()
    losses = []
    for split in USAGE_SPLITS:
        panel.set(split=split)
        assert len(panel.datasets["tiers"]) == len(USAGE_SPLITS[split])
        assert panel.readout[0] == ["Blended gross margin", "65.0%"]  # skew never moves the average
        losses.append(float(panel.readout[1][1].split("%")[0]))
    assert losses == sorted(losses) and losses[0] == 0 and losses[-1] > 0


def test_every_app_margin_control_changes_chart_and_readout():
    _every_control_changes_the_readout(app_margin_panel())
