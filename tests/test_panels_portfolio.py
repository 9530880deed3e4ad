"""The panels of lesson 07 show what the portfolio models compute, and each is explorable."""

import math
import time

import numpy as np
import pandas as pd
import pytest

from tests.panel_checks import assert_every_control_moves, assert_explorable, assert_twin_matches
from utils import data
from utils.models import (
    APP_ALPHA,
    APP_ZEROS,
    INFRA_ALPHA,
    INFRA_ZEROS,
    Bets,
    chance_of_a_hit,
    deal_mean_multiple,
    expected_multiple,
    prob_at_least_one_hit,
    prob_deal_at_least,
    simulate_deals,
)
from utils.panels import (
    PORTFOLIOS,
    allocation_outcome,
    allocation_panel,
    calibration_outcome,
    calibration_panel,
    calibration_table,
    portfolio_outcome,
    portfolio_panel,
    published_at_least,
)
from utils.panels.portfolio import BIN_EDGES, DISPLAY_MAX, DISPLAY_MIN, PLOT_WIDTH, SEED, _label_positions

POWER_LAW = data.load("power_law_parameters")
RETURNS = data.load("venture_returns")


def shots():
    return portfolio_panel(POWER_LAW, RETURNS)


def calibration():
    return calibration_panel(RETURNS, POWER_LAW)


def _simulated(groups):
    """The panel's own simulation, redone here from utils.models.simulate_deals."""
    rng = np.random.default_rng(SEED)
    deals = np.hstack([simulate_deals((PORTFOLIOS, g.deals), g.p_zero, g.alpha, rng) for g in groups if g.deals])
    return deals, deals.mean(axis=1)


# ---------------------------------------------------------------- shots on goal


def test_portfolio_readout_matches_the_models_at_the_teaching_default():
    outcome = portfolio_outcome(20, 50, 1.5)
    readout = outcome.readout
    deals, multiples = _simulated([Bets(20, 0.5, 1.5)])
    assert readout["Mean"] == f"{multiples.mean():.2f}x simulated; model: {deal_mean_multiple(0.5, 1.5):.2f}x"
    assert readout["Mean"].endswith("model: 1.50x")
    assert readout["Median"].startswith(f"{np.median(multiples):.2f}x")
    assert readout["Below 1x"] == f"{(multiples < 1).mean():.1%} of portfolios"
    hit = readout["At least one 10x"]
    assert hit == (
        f"{(deals >= 10).any(axis=1).mean():.1%} simulated; formula: {prob_at_least_one_hit(20, 0.5, 1.5):.1%} "
        f"(one deal: {prob_deal_at_least(10, 0.5, 1.5):.2%})"
    )
    assert "formula: 27.3% (one deal: 1.58%)" in hit  # no formula written as code (issue 16)
    fund = readout["A fund-returning deal"]
    assert fund == (
        f"{(deals >= 20).any(axis=1).mean():.1%} simulated; "
        f"formula: {prob_at_least_one_hit(20, 0.5, 1.5, 20):.1%} (20x or more with 20 checks)"
    )
    assert "formula: 10.6%" in fund  # 1 - (1 - 0.5 x 20 ** -1.5) ** 20
    assert list(readout)[-1] == "A fund-returning deal"  # exercise 07.2 reads the last line
    assert outcome.key == ("Portfolios below 1x (%)", pytest.approx(100 * (multiples < 1).mean()))
    assert outcome.takeaway == (
        f"The median 20-deal portfolio returns {np.median(multiples):.2f}x, below the model's mean of 1.50x, "
        f"and {(multiples < 1).mean():.1%} of portfolios lose money."
    )


def test_one_check_returns_the_fund_whenever_the_deal_is_not_a_zero():
    assert (
        portfolio_outcome(1, 50, 1.5)
        .readout["A fund-returning deal"]
        .endswith("formula: 50.0% (1x or more with 1 check)")
    )
    chance = prob_at_least_one_hit(100, 0.5, 1.5, 100)
    assert f"formula: {chance:.1%}" in portfolio_outcome(100, 50, 1.5).readout["A fund-returning deal"]


def test_histogram_counts_every_portfolio_and_the_rules_sit_on_mean_and_median():
    outcome = portfolio_outcome(20, 50, 1.5)
    bins, rules = outcome.datasets["bins"], outcome.datasets["rules"]
    _, multiples = _simulated([Bets(20, 0.5, 1.5)])
    assert bins["share"].sum() == pytest.approx(1.0)
    assert bins["low"].tolist() == pytest.approx(BIN_EDGES[:-1].tolist())
    assert bins["high"].tolist() == pytest.approx(BIN_EDGES[1:].tolist())
    inside = (multiples >= BIN_EDGES[3]) & (multiples < BIN_EDGES[4])
    assert bins["share"].iloc[3] == pytest.approx(inside.mean())
    by_name = dict(zip(rules["statistic"], rules["multiple"], strict=True))
    assert by_name == pytest.approx({"Mean": multiples.mean(), "Median": np.median(multiples), "1x: money back": 1.0})
    assert len(bins) + len(rules) < 1_000


def test_portfolios_of_zeros_land_in_the_first_bar_and_the_rules_stay_on_the_axis():
    outcome = portfolio_outcome(1, 90, 1.5)
    bins, rules = outcome.datasets["bins"], outcome.datasets["rules"]
    assert bins["share"].iloc[0] == pytest.approx(0.9, abs=0.03)
    assert rules["multiple"].min() >= 0.1
    assert outcome.readout["Median"].startswith("0.00x")


def _pixels(multiple):
    return PLOT_WIDTH * math.log10(multiple / DISPLAY_MIN) / 3


@pytest.mark.parametrize(
    ("mean", "median"),
    [(1.5, 1.16), (1.5, 1.49), (1.49, 1.5), (0.1, 0.1), (0.3, 0.1), (100, 100), (100, 90), (5.5, 1.7), (1.0, 1.0)],
)
def test_the_mean_and_median_names_never_touch_nor_leave_the_plot(mean, median):
    """Issue 16: the Mean and Median labels collided; each now sits over its line unless they would touch."""
    where = _label_positions(mean, median)
    half = {"Mean": 20.0, "Median": 27.0}  # the widths _label_positions allows for, in pixels
    left, right = sorted(where, key=lambda k: where[k])
    assert _pixels(where[right]) - _pixels(where[left]) >= half[left] + half[right] + 4 - 1e-9
    for name, at in where.items():
        assert half[name] - 1e-9 <= _pixels(at) <= PLOT_WIDTH - half[name] + 1e-9
    far_apart = abs(_pixels(mean) - _pixels(median)) > 60 and min(mean, median) > 0.2 and max(mean, median) < 50
    if far_apart:  # room enough: each name right over its own line
        assert where == pytest.approx({"Mean": mean, "Median": median})


def test_the_histogram_axes_stay_fixed_and_the_end_ticks_are_flush():
    spec = shots().spec
    layers = spec["layer"]
    x, y = layers[0]["encoding"]["x"], layers[0]["encoding"]["y"]
    assert x["scale"]["domain"] == [DISPLAY_MIN, DISPLAY_MAX] and y["scale"]["domain"] == [0, 0.6]
    assert y["scale"]["clamp"] is True and layers[1]["mark"]["type"] == "text"  # a cut bar says its share
    assert x["axis"]["labelFlush"] is True and x["axis"]["values"] == [0.1, 0.3, 1, 3, 10, 30, 100]
    assert spec["width"] <= 420


@pytest.mark.parametrize("make", [shots, allocation_panel, calibration], ids=["shots", "allocation", "calibration"])
def test_every_panel_is_explorable(make):
    assert_explorable(make)


@pytest.mark.parametrize("make", [shots, allocation_panel, calibration], ids=["shots", "allocation", "calibration"])
def test_every_control_changes_the_readout_and_the_chart(make):
    assert_every_control_moves(make())


@pytest.mark.parametrize("make", [shots, allocation_panel, calibration], ids=["shots", "allocation", "calibration"])
def test_every_panel_has_a_javascript_twin_that_computes_what_python_computes(make):
    """The static site's twins (utils/panels/portfolio.js) at 60 seeded random positions, to the displayed digit.

    rel_tol stays 0 for the two Monte Carlo panels too: their twin draws numpy's own stream (PCG64 from the
    state ``default_rng(SEED)`` starts at, the same uniforms and ziggurat exponentials), so it simulates the
    same 2,000 portfolios, not merely similar ones. A twin with a generator of its own would need a tolerance
    of three standard errors of its noisiest number, and here there is none worth having: the mean of a deal
    with alpha <= 2 has no finite variance, and a share near 0.5 % (a fund-returning deal among 100 checks
    at alpha 2) has a standard error of 0.16 points, a third of itself. Simulated with another seed (12345),
    the shots panel's numbers at these 60 positions differ from seed 7's by up to 57 %: a tolerance that
    wide would let any drift of a formula smaller than half of it through.
    """
    assert_twin_matches(make, count=60)


def test_shots_presets_come_from_the_data_and_argue_what_they_show():
    panel = shots()
    assert panel.name == "shots" and panel.share() == "shots.set(n_deals=20, zeros_percent=50, alpha=1.5)"
    fattest = data.pick("power_law_parameters", "alpha_low", estimate="implied range")
    assert panel.presets["Fattest tail"].values["alpha"] == fattest
    assert panel.presets["Every loss a zero"].values["zeros_percent"] == 65  # Correlation Ventures' share below 1x
    losses = {}
    for name in panel.presets:
        panel.apply_preset(name)
        losses[name] = float(panel.readout_text().split("Below 1x: ")[1].split("%")[0])
    # More shots make a loss rarer; a fatter tail lifts the median; counting every loss a zero is the gloomiest.
    assert losses["100 shots"] < losses["Teaching default"] / 2
    assert losses["Fattest tail"] < losses["Teaching default"]
    assert losses["Every loss a zero"] == max(losses.values()) > 50
    panel.apply_preset("100 shots")
    assert panel.takeaway().startswith("The median 100-deal portfolio returns 1.32x, below the model's mean of 1.50x")


# ---------------------------------------------------------------- allocation


def test_allocation_readout_matches_the_models():
    outcome = allocation_outcome(20, 50, 60, 1.3, 30, 2.0)
    groups = [Bets(10, 0.6, 1.3), Bets(10, 0.3, 2.0)]
    deals, multiples = _simulated(groups)
    readout = outcome.readout
    assert readout["Deals"] == "10 application + 10 infrastructure"
    assert readout["Mean"] == f"{multiples.mean():.2f}x simulated; model: {expected_multiple(groups):.2f}x"
    assert readout["Below 1x"] == f"{(multiples < 1).mean():.1%} of portfolios"
    assert readout["At least one 10x"] == (
        f"{(deals >= 10).any(axis=1).mean():.1%} simulated; formula: {chance_of_a_hit(groups):.1%}"
    )
    assert readout["A fund-returning deal"].startswith(
        f"{(deals >= 20).any(axis=1).mean():.1%} simulated; formula: {chance_of_a_hit(groups, 20):.1%} (20x"
    )
    assert outcome.key == ("The model's mean portfolio multiple (x)", pytest.approx(expected_multiple(groups)))
    assert outcome.takeaway == (
        f"{(multiples < 1).mean():.1%} of portfolios lose money, {chance_of_a_hit(groups, 20):.1%} hold a "
        "fund-returning deal; infrastructure's mean deal, 1.40x, trails applications', 1.73x."
    )


def test_an_all_application_mix_is_the_single_group_portfolio():
    mixed = allocation_outcome(20, 0, 50, 1.5, 30, 2.0)
    single = portfolio_outcome(20, 50, 1.5)
    pd.testing.assert_frame_equal(mixed.datasets["bins"], single.datasets["bins"])
    assert mixed.readout["Median"] == single.readout["Median"]
    assert mixed.readout["Deals"] == "20 application + 0 infrastructure"


def test_allocation_starts_at_the_assumptions_and_its_presets_argue_the_trade_off():
    panel = allocation_panel()
    assert panel.name == "allocation"
    defaults = {c["name"]: c["value"] for c in panel.controls}
    assert defaults["app_zeros_percent"] == round(APP_ZEROS * 100) and defaults["app_alpha"] == APP_ALPHA
    assert defaults["infra_zeros_percent"] == round(INFRA_ZEROS * 100) and defaults["infra_alpha"] == INFRA_ALPHA

    def state(name):
        panel.apply_preset(name)
        text = panel.readout_text()
        loss = float(text.split("Below 1x: ")[1].split("%")[0])
        fund = float(text.split("A fund-returning deal: ")[1].split("formula: ")[1].split("%")[0])
        return loss, fund, panel.sensitivity()["swing"].iloc[0], panel.takeaway()

    apps, infra, claim = state("All applications"), state("All infrastructure"), state("The essay's claim")
    # The explainer's claim holds under the assumptions: all infrastructure loses money far less often...
    assert infra[0] < apps[0] / 2
    # ... but the applications keep the better chance of a fund-returning deal, even under the essay's claim.
    assert apps[1] > claim[1] > infra[1]
    assert "1.40x, trails applications'" in infra[3] and "1.78x, beats applications'" in claim[3]
    assert panel.presets["The essay's claim"].values["infra_alpha"] == 1.65  # just below the 1.68 the claim needs


# ---------------------------------------------------------------- speed


@pytest.mark.parametrize("args", [(100, 0, 1.1), (100, 50, 1.5)])
def test_an_update_is_fast_even_at_the_most_deals(args):
    def seconds(update, *values):
        """CPU seconds of one update, the best of five: other work on a busy machine does not count."""
        update(*values)  # warm up
        runs = []
        for _ in range(5):
            started = time.process_time()
            update(*values)
            runs.append(time.process_time() - started)
        return min(runs)

    assert seconds(portfolio_outcome, *args) < 0.010
    assert seconds(allocation_outcome, args[0], 50, args[1], args[2], 30, 2.0) < 0.010


# ---------------------------------------------------------------- calibration


def test_published_shares_at_least_m_come_from_the_buckets():
    points = published_at_least(RETURNS)
    correlation = points[points["source"] == "Correlation Ventures"].set_index("multiple")["share"]
    assert correlation.to_dict() == pytest.approx({1.0: 0.35, 5.0: 0.10, 10.0: 0.04, 50.0: 0.005})
    horsley = points[points["source"].str.startswith("Horsley")].set_index("multiple")["share"]
    assert horsley.to_dict() == pytest.approx({1.0: 0.5, 10.0: 0.06})


def test_calibration_table_uses_the_model():
    table = calibration_table(RETURNS, {"default": (0.5, 1.5)})
    assert table.loc[10.0, "default"] == pytest.approx(prob_deal_at_least(10, 0.5, 1.5))
    assert table.loc[1.0, "default"] == pytest.approx(0.5)  # every deal that is not a zero returns at least 1x


def test_calibration_readout_puts_the_model_beside_the_published_shares():
    outcome = calibration_outcome(RETURNS, 50, 1.5)
    assert outcome.readout["10x or more"] == "model 1.6%; Correlation 4.0%, Horsley 6.0%"
    assert outcome.readout["1x or more"].startswith("model 50.0%")
    assert outcome.takeaway == (
        "The model puts 1.6% of deals at 10x or more (published: 4% to 6%) and 50% at 1x or more "
        "(published: 35% to 50%)."
    )
    assert outcome.key[1] == pytest.approx(100 * prob_deal_at_least(10, 0.5, 1.5))


def test_calibration_presets_fit_one_end_of_the_data_each():
    panel = calibration()
    assert panel.name == "calibration"
    panel.apply_preset("Fitted to the tail")
    assert panel.values["zeros_percent"] == 16 and panel.model_arguments()["alpha"] == 1.32
    assert panel.readout[2] == ["10x or more", "model 4.0%; Correlation 4.0%, Horsley 6.0%"]
    assert "84% at 1x or more (published: 35% to 50%)" in panel.takeaway()  # the tail fit misses the bottom
    panel.apply_preset("Teaching default")
    assert "50% at 1x or more" in panel.takeaway()  # the teaching default matches Horsley Bridge's half
    # The tail exponent matters most for the 10x share, as the lesson says.
    assert panel.sensitivity()["control"].iloc[0] == "Tail exponent alpha"
