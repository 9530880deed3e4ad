"""The concentration panel of lesson 08 shows what the models compute on the synthetic quarter."""

import numpy as np
import pytest

from tests.panel_checks import (
    assert_every_control_moves,
    assert_explorable,
    assert_twin_datasets_match,
    assert_twin_matches,
)
from utils import data
from utils.models import gini, hhi, top_n_share
from utils.panels import (
    MEDIAN_DEAL_USD,
    evidence_table,
    few_took_much_shares,
    mega_round_outcome,
    mega_round_panel,
    plumbing_rounds,
)
from utils.panels.concentration import SEEDS
from utils.synthetic import synthetic_quarter, with_mega_round

THRESHOLDS = data.load("reference_thresholds")
_LEVELS = THRESHOLDS[THRESHOLDS["hhi_above"].notna()].set_index("year")
LEVEL_2023, CHANGE_2023 = _LEVELS.loc[2023, ["hhi_above", "hhi_change_above"]]
LEVEL_2010 = _LEVELS.loc[2010, "hhi_above"]
REFERENCES = {"hhi_reference": LEVEL_2023, "change_reference": CHANGE_2023, "hhi_reference_2010": LEVEL_2010}
OPENAI_ROUND = data.pick("funding_concentration", "largest_round_usd", period="2025-Q1", scope="global")


@pytest.fixture
def panel():
    return mega_round_panel(OPENAI_ROUND, THRESHOLDS)


def _quarters(billion=40.0, n=200, sigma=1.5, seed=0):
    quarter = synthetic_quarter(n, MEDIAN_DEAL_USD, sigma, seed)
    return quarter["amount_usd"].to_numpy(), with_mega_round(quarter, billion * 1e9)["amount_usd"].to_numpy()


def test_readout_matches_the_models():
    before, after = _quarters()
    readout = mega_round_outcome(40.0, 200, 1.5, 0, **REFERENCES).readout
    assert readout["Total raised"].startswith(f"${before.sum() / 1e9:,.2f}B without, ${after.sum() / 1e9:,.2f}B with")
    assert readout["Median deal"].startswith(
        f"${np.median(before) / 1e6:,.3f}M without, ${np.median(after) / 1e6:,.3f}M with"
    )
    assert readout["Largest deal's share of the total (top-1)"] == (
        f"{top_n_share(before, 1):.1%} without, {top_n_share(after, 1):.1%} with"
    )
    assert readout["HHI (0 to 10,000)"].startswith(
        f"{hhi(before):,.0f} without, {hhi(after):,.0f} with: {hhi(after) - hhi(before):+,.0f} points"
    )
    assert readout["Gini"] == f"{gini(before):.3f} without, {gini(after):.3f} with"


def test_the_learner_is_told_the_quarter_is_synthetic(panel):
    assert panel.readout[0][0] == "Synthetic quarter"
    title = panel.spec["title"]
    assert "synthetic" in title["text"].lower() and "synthetic" in title["subtitle"].lower()
    assert all(row["kind"].endswith("(synthetic)") for row in panel.datasets["deals"])


def test_the_panel_starts_from_the_sourced_round_and_the_2023_thresholds(panel):
    assert panel.model_arguments()["mega_round_billion"] == pytest.approx(OPENAI_ROUND / 1e9)
    assert (LEVEL_2023, CHANGE_2023, LEVEL_2010) == (1800, 100, 2500)
    assert [row["hhi"] for row in panel.datasets["references"]] == [LEVEL_2023, LEVEL_2010]
    assert "above 1,800, a change of more than 100" in panel.readout_text()


def test_datasets_follow_the_model_functions():
    before, after = _quarters(12.5, 300, 1.8, 2)
    outcome = mega_round_outcome(12.5, 300, 1.8, 2, **REFERENCES)
    deals = outcome.datasets["deals"]
    assert deals["amount_usd"].tolist() == pytest.approx(after.tolist())
    assert deals["rank"].tolist() == list(range(1, 302))
    assert (deals["kind"] == "mega-round (synthetic)").sum() == 1
    shares = outcome.datasets["shares"].set_index(["quarter", "part"])["share"]
    assert shares[("without", "largest deal")] == pytest.approx(top_n_share(before, 1))
    assert shares[("with", "largest deal")] == pytest.approx(top_n_share(after, 1))
    assert shares[("with", "all other deals")] == pytest.approx(1 - top_n_share(after, 1))
    assert outcome.datasets["hhi"]["hhi"].tolist() == pytest.approx([hhi(before), hhi(after)])
    assert outcome.datasets["medians"]["amount_usd"].tolist() == pytest.approx([np.median(after)])


def test_the_median_barely_moves_while_the_total_jumps():
    before, after = _quarters()
    assert after.sum() / before.sum() > 10
    assert abs(np.median(after) / np.median(before) - 1) < 0.01


def test_no_mega_round_leaves_the_quarter_unchanged():
    outcome = mega_round_outcome(0.0, 200, 1.5, 0, **REFERENCES)
    assert outcome.datasets["mega"].empty
    assert len(outcome.datasets["deals"]) == 200
    assert outcome.readout["Synthetic quarter"].endswith("no mega-round (slider at 0)")
    assert "+0 points" in outcome.readout["HHI (0 to 10,000)"]


def test_a_round_smaller_than_the_largest_deal_is_not_called_the_largest():
    outcome = mega_round_outcome(0.5, 1000, 2.5, 0, **REFERENCES)
    label = outcome.datasets["shares"]["label"].iloc[2]
    assert label.endswith("(an ordinary deal)")
    assert outcome.datasets["mega"]["rank"].iloc[0] > 1


def test_every_control_changes_the_readout_and_the_chart(panel):
    assert_every_control_moves(panel)


def test_the_panel_is_explorable():
    assert_explorable(lambda: mega_round_panel(OPENAI_ROUND, THRESHOLDS))


def test_the_presets_show_what_they_argue(panel):
    assert panel.name == "mega_round"
    panel.apply_preset("A round like OpenAI's")
    assert panel.model_arguments()["mega_round_billion"] == pytest.approx(OPENAI_ROUND / 1e9)
    before, after = _quarters(OPENAI_ROUND / 1e9)
    # The total multiplies, the HHI leaps past the 2023 level, and the median deal barely moves.
    assert after.sum() / before.sum() > 10 and hhi(after) > LEVEL_2023 > hhi(before)
    assert panel.takeaway() == (
        f"A ${OPENAI_ROUND / 1e9:,.1f}B round multiplies the total {after.sum() / before.sum():,.1f} times and "
        f"raises the HHI by {hhi(after) - hhi(before):,.0f} points, while the median deal moves "
        f"{np.median(after) / np.median(before) - 1:+.2%}."
    )
    panel.apply_preset("No mega-round")
    assert panel.takeaway() == (
        f"With no mega-round, the largest of 200 deals holds {top_n_share(before, 1):.1%} of the money "
        f"and the HHI is {hhi(before):,.0f}."
    )
    panel.apply_preset("A small round, a wide quarter")
    before, after = _quarters(0.5, 1000, 2.5, 0)
    assert hhi(after) < hhi(before)  # the round is not the largest deal: it dilutes the large ones
    assert f"lowers the HHI by {hhi(before) - hhi(after):,.0f} points" in panel.takeaway()
    assert "adds 1% to the total" in panel.takeaway()


def test_the_panel_s_key_is_the_hhi_with_the_round(panel):
    label, value = mega_round_outcome(40.0, 200, 1.5, 0, **REFERENCES).key
    assert label == "HHI with the mega-round (0 to 10,000)"
    assert value == pytest.approx(hhi(_quarters()[1]))


def test_the_sub_charts_line_up_and_keep_their_axes(panel):
    charts = panel.spec["vconcat"]
    assert {chart["width"] for chart in charts} == {420}
    extents = set()
    for chart in charts:
        for layer in chart["layer"]:
            axis = layer.get("encoding", {}).get("y", {}).get("axis") or {}
            if "minExtent" in axis:
                extents.add((axis["minExtent"], axis["maxExtent"]))
    assert extents == {(56, 56)}, "every y-axis as wide, so that the three plots start at the same x"
    deals_y = charts[0]["layer"][0]["encoding"]["y"]["scale"]
    assert deals_y["domain"] == [1e3, 1e11]


def test_labels_stay_clear_of_what_they_label():
    outcome = mega_round_outcome(40.0, 200, 1.5, 0, **REFERENCES)
    assert outcome.datasets["medians"]["label"].tolist() == [f"median deal ${np.median(_quarters()[1]) / 1e6:,.2f}M"]
    labels = outcome.datasets["shares"].set_index(["quarter", "part"])["label"]
    assert labels[("without", "all other deals")] == "all other deals"  # the largest is small: room for both
    wide = mega_round_outcome(40.0, 1000, 2.5, 0, **REFERENCES).datasets["shares"]
    assert wide.set_index(["quarter", "part"])["label"][("with", "all other deals")] == ""  # no room: left out


@pytest.mark.parametrize("option", list(SEEDS))
def test_each_synthetic_draw_is_its_seed(panel, option):
    panel.set(seed=option)
    amounts = [row["amount_usd"] for row in panel.datasets["deals"] if row["kind"] != "mega-round (synthetic)"]
    expected = synthetic_quarter(200, MEDIAN_DEAL_USD, 1.5, SEEDS[option])["amount_usd"]
    assert amounts == pytest.approx(expected.tolist())


def test_slider_defaults_lie_on_their_grids(panel):
    for control in panel.controls:
        if control["kind"] == "slider":
            steps = (control["value"] - control["min"]) / control["step"]
            assert steps == pytest.approx(round(steps))


def test_the_few_took_much_figure_shows_the_sourced_shares():
    funding = data.load("funding_concentration")
    shares = few_took_much_shares(funding)
    assert shares["who"].tolist() == [
        "OpenAI's one round, Q1 2025, global",
        "5 companies, 2025, global",
        "0.05% of deals, 2025, US",
    ]
    assert shares["share"].tolist() == pytest.approx([0.354, 0.20, 0.5])
    assert shares["source"].tolist()[0] == "Crunchbase, H"


# What the data can and cannot support ---------------------------------------------------

FUNDING = data.load("funding_concentration")
ROUNDS = data.load("funding_rounds")
LAYERS = data.load("infrastructure_layers")


def test_plumbing_rounds_are_one_teller_three_layers_one_year():
    plumbing = plumbing_rounds(ROUNDS, "2025")
    assert set(plumbing["layer"]) <= {"deployment", "orchestration", "observability"}
    assert plumbing["date"].str.startswith("2025").all()
    assert not plumbing["company"].duplicated().any(), "one teller: no round counted twice"
    expected = ROUNDS[
        (ROUNDS["figure_from"] == "other reports")
        & (ROUNDS["layer"] != "model")
        & ROUNDS["amount_usd"].notna()
        & ROUNDS["date"].fillna("").str.startswith("2025")
    ]
    assert plumbing["amount_usd"].sum() == pytest.approx(expected["amount_usd"].sum())
    assert "Sarvam AI" not in set(plumbing["company"])
    # Baseten's Series E (January 2026) and Galileo's round (2024) are outside the year.
    assert plumbing_rounds(ROUNDS, "2026")["company"].tolist() == ["Baseten"]


def test_the_evidence_table_computes_its_figures_from_the_data():
    evidence = evidence_table(FUNDING, ROUNDS, LAYERS).set_index("claim")
    held = evidence["what the course's data holds"]
    year = FUNDING[(FUNDING["period"] == "2025") & (FUNDING["scope"] == "global")].iloc[0]
    assert f"${year.total_usd / 1e9:,.0f}B" in held["Totals rose sharply"]
    assert f"{year.growth_vs_prior:+.0%}" in held["Totals rose sharply"]
    quarter_total = data.pick("funding_concentration", "total_usd", period="2025-Q1", scope="global")
    assert f"OpenAI's one round: {OPENAI_ROUND / quarter_total:.1%}" in held["A few large bets take much of the money"]
    plumbing = plumbing_rounds(ROUNDS, "2025")["amount_usd"].sum()
    rotation = held["Capital rotates toward the infrastructure layers"]
    assert f"${plumbing / 1e6:,.0f}M" in rotation and f"{plumbing / year.total_usd:.2%}" in rotation


def test_the_evidence_table_keeps_claims_and_sources_apart():
    evidence = evidence_table(FUNDING, ROUNDS, LAYERS).set_index("claim")
    assert evidence.loc["Totals rose sharply", "whose claim"].startswith("sourced")
    assert evidence.loc["Median deal sizes stay flat or fall", "supported?"].startswith("Cannot tell")
    rotation = evidence.loc["Capital rotates toward the infrastructure layers"]
    assert rotation["supported?"].startswith("No") and "model layer" in rotation["supported?"]
    assert "essay" in rotation["whose claim"] and "explainer" in rotation["whose claim"]
    assert evidence.notna().all().all()


# The JavaScript twin (the static site) -------------------------------------------------
#
# The quarter is seeded, not sampled anew: the twin gets each seed's standard normals (Twin params) and
# computes the same deals, so it is held to Python to the displayed rounding (rel_tol=0).


def test_the_twin_computes_what_python_computes():
    assert_twin_matches(lambda: mega_round_panel(OPENAI_ROUND, THRESHOLDS), count=80)


def test_the_twin_draws_the_same_chart():
    positions = [
        {"mega_round_billion": 40.0, "n_deals": 200, "sigma": 1.5, "seed": "draw A (seed 0)"},
        {"mega_round_billion": 0.0, "n_deals": 1000, "sigma": 2.5, "seed": "draw C (seed 2)"},
        {"mega_round_billion": 0.5, "n_deals": 1000, "sigma": 2.5, "seed": "draw A (seed 0)"},
        {"mega_round_billion": 12.5, "n_deals": 50, "sigma": 0.5, "seed": "draw B (seed 1)"},
    ]
    assert_twin_datasets_match(lambda: mega_round_panel(OPENAI_ROUND, THRESHOLDS), positions=positions, count=0)


def test_the_twin_s_normals_are_the_synthetic_quarter_s():
    normals = mega_round_panel(OPENAI_ROUND, THRESHOLDS).twin.params["normals"]
    for seed in SEEDS.values():
        for n in (50, 1000):
            amounts = np.sort(MEDIAN_DEAL_USD * np.exp(1.5 * np.asarray(normals[str(seed)][:n])))[::-1]
            assert amounts.tolist() == synthetic_quarter(n, MEDIAN_DEAL_USD, 1.5, seed)["amount_usd"].tolist()
