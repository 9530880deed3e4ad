"""The panels of lesson 05 show what the retention and margin models compute, and are explorable."""

import numpy as np
import pytest

from tests.panel_checks import (
    assert_every_control_moves,
    assert_explorable,
    assert_twin_datasets_match,
    assert_twin_matches,
)
from utils import data
from utils.models import USAGE_SPLITS, app_breakeven_tokens, app_gross_margin, lifetime_value, nrr_revenue
from utils.panels import (
    app_margin_outcome,
    app_margin_panel,
    ltv_outcome,
    ltv_panel,
    nrr_outcome,
    nrr_panel,
)

ANNUAL_CHURN = data.pick(
    "unit_economics", "value_low", metric="gross dollar churn (annual)", segment="private SaaS (median)"
)


def _nrr(column, segment):
    return data.pick("unit_economics", column, metric="net revenue retention", segment=segment)


MEDIAN = (_nrr("value_low", "private SaaS (median)"), _nrr("value_high", "private SaaS (median)"))
HEALTHY = tuple(_nrr(c, "usage-based infrastructure (counted healthy)") for c in ("value_low", "value_high"))
FAST_GROWING = data.pick("unit_economics", "value_low", metric="gross margin", segment="fast-growing AI apps")


def _ltv():
    return ltv_panel(ANNUAL_CHURN)


def _nrr_panel():
    return nrr_panel(MEDIAN, HEALTHY)


def _margin(**kwargs):
    return app_margin_panel(fast_growing_margin=FAST_GROWING, **kwargs)


def _y_domain(panel, layer=0):
    return panel.spec["layer"][layer]["encoding"]["y"]["scale"]["domain"]


# --- Lifetime value -------------------------------------------------------------------------------


def test_ltv_readout_is_the_worked_example():
    outcome = ltv_outcome(1000, 75, 2.0, ANNUAL_CHURN)
    assert lifetime_value(1000, 0.75, 0.02) == pytest.approx(37_500)
    assert outcome.readout["Lifetime value (LTV)"] == "$37,500 of gross profit per customer"
    assert outcome.readout["Expected customer life"] == "50.0 months (4.2 years)"
    assert outcome.datasets["customer"]["ltv"].tolist() == [pytest.approx(37_500)]
    at_median = lifetime_value(1000, 0.75, ANNUAL_CHURN / 12)
    assert outcome.takeaway == (
        "This customer brings $37,500 of gross profit over 4.2 years; "
        f"at the SaaS median churn ({ANNUAL_CHURN / 12:.2%} a month) it would bring ${at_median:,.0f}."
    )
    assert outcome.key == ("Lifetime value (USD of gross profit per customer)", pytest.approx(37_500))


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


def test_ltv_axis_is_fixed_and_a_customer_above_it_sits_on_its_top():
    panel = _ltv()
    assert _y_domain(panel) == [0, 300_000]
    customer = ltv_outcome(2000, 100, 0.5, ANNUAL_CHURN).datasets["customer"]
    assert customer["ltv"].iloc[0] == pytest.approx(400_000) and customer["shown"].iloc[0] == 300_000


def test_every_ltv_control_changes_chart_and_readout():
    assert_every_control_moves(_ltv())


def test_ltv_panel_is_explorable():
    assert_explorable(_ltv)


def test_ltv_presets_argue_what_they_show():
    def ltv_shown(panel):
        return float(panel.readout[0][1].split()[0].lstrip("$").replace(",", ""))

    panel = _ltv()
    panel.apply_preset("Embedded")  # the SaaS median per month, rounded to the slider: 0.7 %
    assert panel.model_arguments()["churn_percent"] == pytest.approx(0.7)
    embedded = ltv_shown(panel)
    assert embedded == pytest.approx(lifetime_value(1000, 0.75, 0.007), abs=0.5)
    panel.apply_preset("Easy to leave")  # 5 % a month: worth a small fraction of the embedded customer
    assert panel.readout[0] == ["Lifetime value (LTV)", "$15,000 of gross profit per customer"]
    assert embedded > 7 * ltv_shown(panel)
    panel.apply_preset("Worked example")
    assert panel.readout[0] == ["Lifetime value (LTV)", "$37,500 of gross profit per customer"]


# --- Net revenue retention ------------------------------------------------------------------------


def test_nrr_readout_matches_the_model():
    outcome = nrr_outcome(100, 151, 5)
    readout = list(outcome.readout.values())
    assert readout[0] == f"{nrr_revenue(100, 1.00, 5):,.1f} (from 100, NRR 100%)"
    assert readout[1] == f"{nrr_revenue(100, 1.51, 5):,.1f} (from 100, NRR 151%)"
    assert readout[2] == f"{nrr_revenue(100, 1.51, 5) / nrr_revenue(100, 1.00, 5):,.2f}x"


def test_nrr_takeaway_is_the_ratio_the_readout_shows():
    outcome = nrr_outcome(100, 115, 5)
    assert outcome.takeaway == (
        "After 5 years the infrastructure-like cohort brings in 2.01 times the app-like cohort's revenue: "
        "201.1 against 100.0."
    )
    assert outcome.key[1] == pytest.approx(1.15**5)


def test_nrr_cohorts_follow_the_model_year_by_year():
    cohorts = nrr_outcome(120, 90, 7).datasets["cohorts"]
    for ratio, rows in zip((1.20, 0.90), (cohorts.iloc[:8], cohorts.iloc[8:]), strict=True):
        assert rows["year"].tolist() == list(range(8))
        assert rows["revenue"].tolist() == pytest.approx(nrr_revenue(100, ratio, np.arange(8)).tolist())
    assert cohorts["revenue"].iloc[5] == pytest.approx(248.83, abs=0.005)  # the worked example


def test_nrr_axes_are_fixed():
    encoding = _nrr_panel().spec["encoding"]
    assert encoding["x"]["scale"]["domain"] == [0, 10] and encoding["y"]["scale"]["domain"] == [0, 500]


def test_every_nrr_control_changes_chart_and_readout():
    assert_every_control_moves(_nrr_panel())


def test_nrr_panel_is_explorable():
    assert_explorable(_nrr_panel)


def test_nrr_presets_argue_what_they_show():
    panel = _nrr_panel()
    assert panel.model_arguments() == {"app_nrr_percent": 100, "infra_nrr_percent": 115, "years": 5}
    panel.apply_preset("Top of healthy")  # 130 % for five years: nearly four times the flat app
    assert panel.model_arguments()["infra_nrr_percent"] == 130
    assert 3.5 < float(panel.readout[2][1].rstrip("x")) < 4
    panel.apply_preset("Five points, ten years")  # 100 % against 105 %: nearly two thirds more after ten years
    assert panel.readout[2] == ["Infrastructure-like ÷ app-like", f"{1.05**10:,.2f}x"]
    assert 1.6 < 1.05**10 < 1.67


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


def test_app_margin_is_the_worked_example_when_everyone_is_average():
    outcome = app_margin_outcome(20, 3.0, 1.0, 2.0, "Everyone uses the average")
    assert app_gross_margin(20, 2, 3, 1) == pytest.approx(0.65)
    assert outcome.readout["Blended gross margin"] == "65.0%"
    assert outcome.readout["Users served at a loss"] == "0% of users"
    assert outcome.readout["Margin hits zero at"].startswith(f"{19 / 3:,.2f} million tokens")
    assert outcome.takeaway == (
        "No user is served at a loss: the blended margin is 65.0%, and the heaviest users still keep 65%."
    )


def test_skew_hides_loss_makers_inside_the_same_blended_margin():
    outcome = app_margin_outcome(20, 3.0, 1.0, 2.0, "Heavy skew")
    tiers = outcome.datasets["tiers"]
    assert tiers["margin"].tolist() == pytest.approx(app_gross_margin(20, tiers["tokens"].to_numpy(), 3, 1).tolist())
    assert outcome.readout["Blended gross margin"] == f"{app_gross_margin(20, 2, 3, 1):.1%}"
    assert outcome.datasets["average"]["margin"].tolist() == [pytest.approx(0.65)]
    loss = tiers.loc[tiers["tokens"] > app_breakeven_tokens(20, 3, 1), "share_of_users"].sum()
    assert outcome.readout["Users served at a loss"] == f"{loss:.0%} of users" == "5% of users"
    assert outcome.datasets["breakeven"]["tokens"].tolist() == [pytest.approx(19 / 3)]
    # The power tier: 11 million tokens at $3 is $33 a month, on a $20 plan.
    assert outcome.takeaway == (
        "A blended margin of 65.0% hides 5% of users served at a loss: "
        "a power user's tokens cost $33.00 on a $20.00 plan."
    )
    assert outcome.key == ("Blended gross margin (%)", pytest.approx(65))


def test_the_average_users_dollars_add_up_to_the_subscription():
    readout = app_margin_outcome(20, 3.0, 1.0, 2.0, "Heavy skew").readout
    # 2 million tokens x $3 = $6 to whoever serves the model, $1 other, $13 = 65% of $20 left to the app.
    assert readout["The average user's $20.00"] == "$6.00 tokens + $1.00 other costs + $13.00 left to the app"
    assert 20 * app_gross_margin(20, 2, 3, 1) == pytest.approx(13)
    loss = app_margin_outcome(5, 3.0, 2.0, 2.0, "Mild skew").readout
    assert loss["The average user's $5.00"].endswith("- $3.00, the app's loss")  # 5 = 6 + 2 - 3


def test_benchmark_is_labeled_dollar_churn_not_customer_churn():
    label = ltv_outcome(1000, 75, 2.0, ANNUAL_CHURN).datasets["benchmark"]["label"].iloc[0]
    assert label == f"median SaaS dollar churn, {ANNUAL_CHURN:.0%} a year"


def test_app_margin_line_follows_the_model_on_a_fixed_axis():
    line = app_margin_outcome(30, 5.0, 2.0, 4.0, "Mild skew").datasets["line"]
    assert line["margin"].tolist() == pytest.approx(app_gross_margin(30, line["tokens"].to_numpy(), 5, 2).tolist())
    assert line["tokens"].min() == 0 and line["tokens"].max() == 20
    panel = _margin()
    assert _y_domain(panel) == [-2.0, 1.0]
    assert panel.spec["layer"][0]["encoding"]["x"]["scale"]["domain"] == [0, 20]


def test_a_tier_off_the_axes_sits_on_the_edge_and_says_its_margin():
    tiers = app_margin_outcome(20, 3.0, 1.0, 4.7, "Heavy skew").datasets["tiers"]
    power = tiers.iloc[-1]
    assert power["tokens"] > 20 and power["x"] == 20  # 25.85 million tokens, on the right edge
    assert power["margin"] < -2 and power["y"] == -2.0  # and on the bottom edge
    assert power["label"] == f"Power: 5% of users, margin {power['margin']:,.0%}"
    assert tiers.iloc[0]["label"] == "Light: 50% of users"


def test_no_breakeven_when_other_costs_use_up_arpu():
    outcome = app_margin_outcome(5, 3.0, 5.0, 2.0, "Heavy skew")
    assert outcome.datasets["breakeven"].empty
    assert outcome.readout["Margin hits zero at"].startswith("no usage at all")
    assert outcome.takeaway == "Every user is served at a loss: the blended margin is -120.0%."


def test_every_split_option_works_and_more_skew_puts_more_users_at_a_loss():
    panel = _margin()
    losses = []
    for split in USAGE_SPLITS:
        panel.set(split=split)
        assert len(panel.datasets["tiers"]) == len(USAGE_SPLITS[split])
        assert panel.readout[0] == ["Blended gross margin", "65.0%"]  # skew never moves the average
        losses.append(float(panel.readout[1][1].split("%")[0]))
    assert losses == sorted(losses) and losses[0] == 0 and losses[-1] > 0


def test_every_app_margin_control_changes_chart_and_readout():
    assert_every_control_moves(_margin())


def test_app_margin_panel_is_explorable():
    assert_explorable(_margin)


def test_app_margin_presets_argue_what_they_show():
    panel = _margin()
    panel.apply_preset("Fast-growing app")  # Bessemer's ~25 %: reached at 4.7 million tokens a user
    assert panel.model_arguments()["tokens_per_user"] == pytest.approx(4.7)
    blended = float(panel.readout[0][1].rstrip("%")) / 100
    assert abs(blended - FAST_GROWING) < 0.01
    assert panel.readout[1] == ["Users served at a loss", "20% of users"]
    panel.apply_preset("Extreme skew")  # the blended margin cannot tell; more users lose money
    assert panel.readout[0] == ["Blended gross margin", "65.0%"]
    assert panel.readout[1] == ["Users served at a loss", "15% of users"]
    panel.apply_preset("Lesson's app")
    assert panel.readout[1] == ["Users served at a loss", "5% of users"]


def test_the_break_even_rule_is_hidden_from_screen_readers_like_the_zero_line():
    # When the break-even is off the chart its rule has no data, and Vega then gives the empty rule an image
    # role with no name (axe: svg-img-alt); the description, the "break-even" label and the readout say it.
    rules = [layer for layer in _margin().spec["layer"] if layer.get("data", {}).get("name") == "breakeven"]
    marks = [layer["mark"] for layer in rules if layer["mark"]["type"] == "rule"]
    assert len(marks) == 1 and marks[0]["aria"] is False


# --- The JavaScript twins (utils/panels/margins.js) for the static site ---------------------------
# Closed forms: the readout to the displayed rounding (rel_tol 0), the chart rows and key to 1e-12.


@pytest.mark.parametrize("make", [_ltv, _nrr_panel, _margin], ids=["ltv", "nrr", "app_margin"])
def test_the_twin_reads_as_the_python_panel_does(make):
    assert_twin_matches(make, count=120)


def test_the_ltv_twin_draws_the_same_curve_customer_and_benchmark():
    corners = [
        {"arpu": 10, "margin_percent": 0, "churn_percent": 10},  # no gross profit at all
        {"arpu": 2000, "margin_percent": 100, "churn_percent": 0.5},  # far above the axis: the diamond at its top
    ]
    assert_twin_datasets_match(_ltv, positions=corners)


def test_the_nrr_twin_draws_the_same_cohorts():
    corners = [{"app_nrr_percent": 50, "infra_nrr_percent": 160, "years": 10}, {"years": 1}]
    assert_twin_datasets_match(_nrr_panel, positions=corners)


def test_the_app_margin_twin_draws_the_same_tiers_line_and_break_even_in_every_branch():
    corners = [
        {"split": "Everyone uses the average", "tokens_per_user": 0.1},  # no user at a loss
        {"split": "Mild skew", "tokens_per_user": 20, "price_per_million": 15},  # every user at a loss, off the axes
        {"arpu": 5, "other_cost": 5},  # other costs use up ARPU: no break-even line
        {"arpu": 100, "price_per_million": 0.25},  # the break-even beyond the axis
        {"arpu": 20, "other_cost": 0, "price_per_million": 4, "tokens_per_user": 5},  # margin exactly zero
    ]
    assert_twin_datasets_match(_margin, positions=[{**c, "split": c.get("split", "Extreme skew")} for c in corners])
