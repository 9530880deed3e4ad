"""Lesson 10's panel shows what the scenario models compute, reads its scenarios from the data, and no
claimant leads by construction."""

import numpy as np
import pandas as pd
import pytest

from tests.panel_checks import (
    assert_every_control_moves,
    assert_explorable,
    assert_twin_datasets_match,
    assert_twin_matches,
)
from utils import data
from utils.models import capture_from_winners, crossing_probability, expected_capture, probability_sensitivity
from utils.panels import (
    ASSUMED_WINNER_SHARE,
    START_WEIGHTS,
    WEAK_INTEGRATOR_SHARE,
    scenario_outcome,
    scenario_panel,
    scenario_setup,
)

SCENARIOS = data.load("scenarios")
SETUP = scenario_setup(SCENARIOS)
PROVIDERS, RIVAL, MANAGED = range(3)
DEFAULTS = {
    "weight_vertical": 50,
    "weight_horizontal": 50,
    "weight_managed": 50,
    "winners_vertical": 70,
    "winners_horizontal": 70,
    "winners_managed": 70,
    "sensitivity_to": 0,
}
SAME = (70, 70, 70)


def outcome(weights=(50, 50, 50), shares=SAME, sensitivity_to=0):
    return scenario_outcome(SETUP, weights, shares, sensitivity_to)


def test_scenarios_claimants_and_winners_come_from_the_data():
    assert SETUP.scenarios == tuple(SCENARIOS["scenario"])
    assert SETUP.claimants == ("model providers", "deployment and observability companies", "managed service providers")
    for claimant, accrues in zip(SETUP.claimants, SCENARIOS["premium_accrues_to"], strict=True):
        assert accrues.startswith(claimant)  # the essay's aside, "(the Red Hat model)", is left out
    assert SETUP.winners == ((0,), (1,), (2,))


def test_a_changed_data_file_changes_the_panel():
    """One source: rename a scenario's claimant in the data and the panel and the setup follow."""
    changed = SCENARIOS.assign(
        premium_accrues_to=SCENARIOS["premium_accrues_to"].str.replace("model providers", "frontier labs")
    )
    assert scenario_setup(changed).claimants[0] == "frontier labs"
    assert "frontier labs" in scenario_panel(changed).readout_text()


def test_layers_split_the_claimant_that_names_two_stack_layers():
    assert SETUP.layers == ("model providers", "deployment", "observability", "managed service providers")
    assert SETUP.layer_winners == ((0,), (1, 2), (3,))
    with pytest.raises(ValueError, match="counting artifact"):
        scenario_setup(pd.DataFrame({"scenario": ["a", "b"], "premium_accrues_to": ["x", "y"]}))


def test_defaults_are_equal_weights_and_the_assumed_share():
    assert START_WEIGHTS == (50, 50, 50) and ASSUMED_WINNER_SHARE == 70
    panel = scenario_panel(SCENARIOS)
    assert panel.model_arguments() == DEFAULTS
    assert panel.share().startswith("weighting.set(weight_vertical=50, ")


def test_bars_are_the_expected_capture():
    shares = outcome((20, 50, 50), (70, 70, 55)).datasets["shares"]["share"]
    capture = capture_from_winners(SETUP.winners, 3, [0.7, 0.7, 0.55])
    np.testing.assert_allclose(shares, expected_capture([20, 50, 50], capture))


def test_no_claimant_leads_by_construction():
    """Equal weights and equal winners' shares tie all three, whatever the common share."""
    for share in (0, 35, 70, 100):
        np.testing.assert_allclose(outcome(shares=(share,) * 3).datasets["shares"]["share"], 1 / 3)
    assert outcome().takeaway == "Nobody leads: all 3 claimants tie at 33.3%, so any lead comes from your inputs."


def test_counting_by_layer_is_the_artifact_the_lesson_shows():
    """Split deployment and observability into two layers and model providers lead with no belief changed."""
    by_layer = expected_capture([1, 1, 1], SETUP.capture_by_layer(SAME))
    assert by_layer[SETUP.layers.index("model providers")] > 1.5 * by_layer[SETUP.layers.index("deployment")]
    assert by_layer[SETUP.layers.index("model providers")] == pytest.approx(0.95 / 3)


def test_a_lower_winner_share_breaks_the_tie_against_that_winner():
    result = outcome(shares=(50, 70, 70))
    assert result.takeaway == (
        "Deployment and observability companies and managed service providers tie at 36.7%; model providers take 26.7%."
    )
    assert result.readout["If vertical integration were certain"] == "model providers would take 50%"


def test_sweep_follows_the_sensitivity_model():
    result = outcome((50, 50, 30), sensitivity_to=2)
    sweep = result.datasets["sweep"]
    at_half = sweep[np.isclose(sweep["probability"], 0.5)]["share"].to_numpy()
    np.testing.assert_allclose(at_half, probability_sensitivity([50, 50, 30], SETUP.capture(SAME), 2, [0.5])[0])
    assert result.datasets["current"]["probability"].iloc[0] == pytest.approx(30 / 130)


def test_lines_that_coincide_are_drawn_thin_on_thick_and_the_legend_says_which_is_which():
    """Equal weights: the two losers of the swept scenario coincide; each line keeps its own width in the legend."""
    sweep = outcome().datasets["sweep"]
    by_claimant = {name: rows["share"].to_numpy() for name, rows in sweep.groupby("claimant")}
    np.testing.assert_allclose(by_claimant[SETUP.claimants[RIVAL]], by_claimant[SETUP.claimants[MANAGED]])
    spec = scenario_panel(SCENARIOS).spec
    lines = spec["vconcat"][1]["layer"][:-1]  # the last layer is the dotted rule
    widths = lines[0]["encoding"]["strokeWidth"]["scale"]["range"]
    assert widths == sorted(widths, reverse=True)  # drawn thickest first
    assert all(layer["encoding"]["color"]["legend"]["orient"] == "bottom" for layer in lines)
    assert spec["resolve"]["legend"]["color"] == "independent"  # the bars' "no legend" does not hide the lines'


def test_takeaway_names_the_leader_and_the_key_is_the_watched_claimants_share():
    result = outcome((50, 70, 50), sensitivity_to=1)
    shares = expected_capture((50, 70, 50), SETUP.capture(SAME))
    assert result.takeaway == (
        f"Deployment and observability companies lead with {shares[RIVAL]:.1%}, "
        f"{100 * (shares[RIVAL] - shares[PROVIDERS]):.1f} points ahead of model providers."
    )
    assert result.takeaway.startswith("Deployment and observability companies lead with 37.6%, 6.5 points")
    assert result.readout["If horizontal layering were certain"] == (
        "deployment and observability companies would take 70%"
    )
    assert result.key == ("Model providers' expected share (%)", pytest.approx(100 * shares[PROVIDERS]))


def test_no_weight_anywhere_is_treated_as_equal_and_said():
    readout = outcome((0, 0, 0)).readout
    assert readout["Probabilities"].endswith("(no weight given anywhere: treated as equally likely)")


def test_every_control_changes_the_readout():
    assert_every_control_moves(scenario_panel(SCENARIOS), chart=False)


def test_the_panel_is_explorable():
    assert_explorable(lambda: scenario_panel(SCENARIOS, name="weighting"))


def test_the_verdict_preset_favors_the_infrastructure_claimants():
    panel = scenario_panel(SCENARIOS)
    panel.apply_preset("Essay's verdict")
    assert panel.takeaway() == (
        "Deployment and observability companies and managed service providers tie at 37.0%; model providers take 26.0%."
    )


def test_bad_integrators_trail_though_integration_is_likeliest():
    """As likely as the other two together, but with a 50 % prize: providers still trail."""
    panel = scenario_panel(SCENARIOS)
    panel.apply_preset("Bad integrators")
    args = panel.model_arguments()
    assert args["weight_vertical"] == args["weight_horizontal"] + args["weight_managed"]
    assert args["winners_vertical"] == WEAK_INTEGRATOR_SHARE
    assert panel.takeaway().endswith("model providers take 32.5%.")


def test_crossing_probability_is_where_the_straight_lines_meet():
    """Equal winners' shares: providers pass their rival at a third, when integration is likeliest.

    With 50 % for providers: 0.15 + 0.35 q = 0.425 - 0.175 q, so q = 0.275 / 0.525 = 11/21.
    """
    assert crossing_probability((0, 1, 1), SETUP.capture(SAME), 0, PROVIDERS, RIVAL) == pytest.approx(1 / 3)
    weak = SETUP.capture((WEAK_INTEGRATOR_SHARE, 70, 70))
    q = crossing_probability((0, 1, 1), weak, 0, PROVIDERS, RIVAL)
    assert WEAK_INTEGRATOR_SHARE == 50 and q == pytest.approx(11 / 21)
    shares = probability_sensitivity([0, 1, 1], weak, 0, [q])[0]
    assert shares[PROVIDERS] == pytest.approx(shares[RIVAL])
    with pytest.raises(ValueError, match="must start below"):
        crossing_probability((0, 1, 1), weak, 0, RIVAL, PROVIDERS)


def test_equal_shares_keep_the_claimants_order_whatever_the_last_bit():
    """Two claimants with equal expected shares are named in the claimants' order: which one numpy's BLAS puts a
    bit higher (fused multiply-add or not) does not decide the sentence, here or in the twin."""
    tied = outcome((80, 70, 70), (40, 85, 85)).takeaway
    assert tied == (
        "Deployment and observability companies and managed service providers tie at 40.3%; model providers take 19.3%."
    )
    one_leader = outcome((80, 20, 20), (80, 50, 50)).takeaway
    assert one_leader.endswith("points ahead of deployment and observability companies.")


# --- The JavaScript twin (utils/panels/scenarios.js) for the static site ----------------------------------------
# A closed form: the readout and takeaway to the displayed rounding (rel_tol 0), the chart rows and key to 1e-12
# (numpy's p @ C may fuse a multiply and an add; the twin does not, so the last bit may differ).


def _panel():
    return scenario_panel(SCENARIOS, name="weighting")


def test_the_twin_reads_as_the_python_panel_does():
    assert_twin_matches(_panel, count=120)


def _at(weights, shares, sensitivity_to="vertical integration"):
    """A position of the panel's controls: weights and winners' shares in the scenarios' order."""
    slugs = ("vertical", "horizontal", "managed")
    return {
        **{f"weight_{slug}": w for slug, w in zip(slugs, weights, strict=True)},
        **{f"winners_{slug}": s for slug, s in zip(slugs, shares, strict=True)},
        "sensitivity_to": sensitivity_to,
    }


def test_the_twin_draws_the_same_bars_sweep_and_rule_in_every_branch():
    corners = [
        _at((50, 50, 50), SAME),  # every claimant ties
        _at((80, 70, 70), (40, 85, 85)),  # two tie, equal only up to the last bit
        _at((80, 20, 20), (80, 50, 50), "horizontal layering"),  # one leads, the other two equal
        _at((0, 0, 0), SAME),  # no weight anywhere: equally likely
        _at((100, 50, 50), SAME, "managed OSS"),
        _at((50, 50, 50), (0, 70, 70)),  # the winner takes nothing: the other two tie
        _at((50, 0, 0), SAME),  # the other scenarios weightless: the sweep shares 1 - q equally
    ]
    assert_twin_datasets_match(_panel, positions=corners)
