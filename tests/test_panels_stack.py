"""Lesson 02's panel adds up the funding rows as plain pandas would, every control counts, and it is explorable."""

import json

import pandas as pd
import pytest

from tests.panel_checks import (
    assert_every_control_moves,
    assert_explorable,
    assert_twin_datasets_match,
    assert_twin_matches,
)
from utils import data
from utils.models import month_name, month_number, top_n_share
from utils.panels import funding_layers, funding_panel, usd
from utils.panels.stack import MEASURES, TELLERS, UNDATED, funding_outcome, timeline
from utils.schemas import LAYERS as ESSAY_LAYERS

ROUNDS = data.load("funding_rounds")
START, END = timeline(ROUNDS)
DECEMBER_2025 = month_number("2025-12") - START
OTHER = ("other reports",)
ARTICLES = ("articles",)
LAYERS = funding_layers(ROUNDS)


def by_hand(tellers, measure, up_to="9999-12", undated=False):
    """The same sums with plain pandas: one teller's rows, dated up to a month (ISO text compares in order)."""
    rows = ROUNDS[ROUNDS["figure_from"].isin(tellers) & ROUNDS[measure].notna()]
    dated = rows["date"].notna() & (rows["date"].str[:7] <= up_to)
    return rows[dated | (undated & rows["date"].isna())]


def test_the_layers_are_the_essays_three_then_the_rest_of_the_data():
    assert LAYERS[:3] == tuple(ESSAY_LAYERS)
    assert set(LAYERS) == set(ROUNDS["layer"]) and LAYERS[3:] == ("model",)
    assert (month_name(START), month_name(END)) == ("Dec 2023", "May 2026")


def test_default_readout_matches_a_pandas_groupby():
    outcome = funding_outcome(ROUNDS, OTHER, "amount_usd", LAYERS, DECEMBER_2025, False)
    rows = by_hand(OTHER, "amount_usd", "2025-12")
    sums = rows.groupby("layer")["amount_usd"].sum().reindex(LAYERS, fill_value=0)
    assert outcome.readout["Total counted"] == f"{usd(sums.sum())}, {len(rows)} rounds, announced up to Dec 2025"
    share = top_n_share(sums.to_numpy(), 1)
    assert outcome.takeaway.startswith(
        f"{sums.idxmax().capitalize()} holds {share:.1%} of the {usd(sums.sum())} counted up to Dec 2025; "
    )
    assert outcome.key == ("Total counted (millions of US dollars)", pytest.approx(sums.sum() / 1e6))
    assert outcome.readout["By layer"] == ", ".join(f"{layer} {usd(amount)}" for layer, amount in sums.items())


def test_left_out_rows_are_named_with_their_money():
    readout = funding_outcome(ROUNDS, OTHER, "amount_usd", LAYERS, DECEMBER_2025, False).readout["Left out"]
    rows = ROUNDS[ROUNDS["figure_from"] == "other reports"]
    undated = rows[rows["date"].isna() & rows["amount_usd"].notna()]
    later = rows[(rows["date"].str[:7] > "2025-12") & rows["amount_usd"].notna()]
    assert f"{len(later)} row after Dec 2025 ({usd(later['amount_usd'].sum())})" in readout
    assert f"{len(undated)} row with no date ({usd(undated['amount_usd'].sum())})" in readout
    assert f"{rows['amount_usd'].isna().sum()} rows with no amount in US dollars" in readout


def test_undated_rows_added_at_the_cutoff_are_counted_and_drawn_hollow():
    outcome = funding_outcome(ROUNDS, OTHER, "amount_usd", LAYERS, DECEMBER_2025, True)
    rows = by_hand(OTHER, "amount_usd", "2025-12", undated=True)
    assert outcome.readout["Total counted"].startswith(usd(rows["amount_usd"].sum()))
    placed = outcome.datasets["rounds"].query("not dated")
    assert placed["company"].tolist() == rows.loc[rows["date"].isna(), "company"].tolist()
    assert set(placed["date"]) == {"2025-12-01"}


def test_the_essays_deployment_totals_make_its_700_million():
    outcome = funding_outcome(ROUNDS, ARTICLES, "total_raised_usd", ("deployment",), END - START, True)
    essay = ROUNDS.query("figure_from == 'articles' and layer == 'deployment'")["total_raised_usd"].sum()
    claim = data.pick("infrastructure_layers", "essay_capital_usd", layer="deployment")
    assert outcome.readout["Total counted"].startswith(usd(essay))
    assert essay > claim


def test_a_stock_counts_each_companys_latest_figure_only():
    outcome = funding_outcome(ROUNDS, OTHER, "valuation_usd", ("deployment",), END - START, False)
    rows = by_hand(OTHER, "valuation_usd").query("layer == 'deployment'").sort_values("date", kind="stable")
    latest = rows.groupby("company")["valuation_usd"].last()
    assert outcome.readout["Total counted"] == (
        f"{usd(latest.sum())}, the latest figure of {len(latest)} companies, announced up to May 2026"
    )
    assert latest.sum() < rows["valuation_usd"].sum()  # adding every valuation would count Baseten twice


def test_both_tellers_count_the_shared_rounds_twice_and_say_so():
    both = funding_outcome(ROUNDS, ("articles", "other reports"), "amount_usd", LAYERS, END - START, False)
    each = sum(by_hand((teller,), "amount_usd")["amount_usd"].sum() for teller in ("articles", "other reports"))
    assert both.readout["Total counted"].startswith(usd(each))
    shared = ROUNDS.dropna(subset=["amount_usd", "date"]).groupby("company")["figure_from"].nunique()
    named = both.readout["Warning"].removeprefix("told by both tellers: ").split("; ")[0].split(", ")
    assert sorted(named) == sorted(shared[shared > 1].index)
    assert both.readout["Warning"].endswith("their rounds are counted twice")


@pytest.mark.parametrize("measure", MEASURES.values())
@pytest.mark.parametrize("tellers", TELLERS.values())
def test_step_lines_run_from_zero_to_each_layers_total(tellers, measure):
    outcome = funding_outcome(ROUNDS, tellers, measure, LAYERS, DECEMBER_2025, True)
    lines = outcome.datasets["lines"]
    totals = dict(item.rsplit(" ", 1) for item in outcome.readout["By layer"].split(", "))
    for layer, line in lines.groupby("layer"):
        assert line["millions"].iloc[0] == 0 and line["date"].iloc[0] == "2023-12-01"
        assert line["date"].iloc[-1] == "2025-12-01"
        assert usd(line["millions"].iloc[-1] * 1e6) == totals[layer]
        if measure == "amount_usd":
            assert line["millions"].is_monotonic_increasing
    assert len(lines) + len(outcome.datasets["rounds"]) < 1000


def test_points_sit_on_their_layers_line_at_the_end_of_their_month():
    outcome = funding_outcome(ROUNDS, OTHER, "amount_usd", LAYERS, DECEMBER_2025, False)
    lines = outcome.datasets["lines"].drop_duplicates(["layer", "date"], keep="last")
    points = outcome.datasets["rounds"].merge(lines, on=["layer", "date"], suffixes=("", "_line"))
    assert len(points) == len(outcome.datasets["rounds"])
    assert points["millions"].tolist() == pytest.approx(points["millions_line"].tolist())


def test_every_control_changes_the_readout():
    assert_every_control_moves(funding_panel(ROUNDS), chart=False)


@pytest.mark.parametrize(
    ("name", "options"),
    [
        ("tellers", TELLERS),
        ("measure", MEASURES),
        ("layers", ["all layers", *LAYERS]),
        ("undated_at_cutoff", UNDATED),
    ],
)
def test_every_dropdown_option_works(name, options):
    panel = funding_panel(ROUNDS)
    for text in options:
        panel.set(**{name: text})
        assert dict(panel.readout)["Total counted"].startswith("$") and panel.takeaway()
        assert panel.datasets["lines"], f"{name} = {text!r} drew no line"


def test_one_layer_shows_one_line():
    outcome = funding_outcome(ROUNDS, OTHER, "amount_usd", ("observability",), DECEMBER_2025, False)
    assert set(outcome.datasets["lines"]["layer"]) == {"observability"}
    assert outcome.takeaway.startswith("Observability holds $")


def test_nothing_counted_reads_as_such():
    outcome = funding_outcome(ROUNDS, ARTICLES, "amount_usd", ("orchestration",), 0, False)
    assert outcome.readout["Total counted"].startswith("$0, 0 rounds")
    assert outcome.takeaway.startswith("Nothing is counted up to Dec 2023")


def test_slider_starts_at_december_2025_on_the_grid():
    slider = next(c for c in funding_panel(ROUNDS).controls if c["name"] == "months_in")
    assert (slider["min"], slider["max"], slider["value"]) == (0, END - START, DECEMBER_2025)
    assert pd.Series([slider["value"] - slider["min"]]).mod(slider["step"]).iloc[0] == 0


def test_the_funding_panel_is_explorable():
    assert_explorable(lambda: funding_panel(ROUNDS))


def test_each_preset_shows_what_its_argument_says():
    panel = funding_panel(ROUNDS)
    assert panel.active_preset == "The lesson's start"
    panel.apply_preset("Counted twice")
    assert "counted twice" in panel.takeaway()
    assert panel.readout_text().splitlines()[-1].endswith("their rounds are counted twice")
    each = sum(by_hand((teller,), "amount_usd")["amount_usd"].sum() for teller in ("articles", "other reports"))
    assert dict(panel.readout)["Total counted"].startswith(usd(each))
    panel.apply_preset("Latest valuations")
    rows = by_hand(OTHER, "valuation_usd").sort_values("date", kind="stable")
    latest = rows.groupby("company")["valuation_usd"].last()
    assert dict(panel.readout)["Total counted"] == (
        f"{usd(latest.sum())}, the latest figure of {len(latest)} companies, announced up to May 2026"
    )
    panel.apply_preset("The articles' rounds")
    hollow = pd.DataFrame(panel.datasets["rounds"]).query("not dated")
    assert len(hollow) == ROUNDS.query("figure_from == 'articles'")["date"].isna().sum() - 2  # two have no amount
    assert set(hollow["company"]) == {"Baseten", "Fireworks AI"}


def test_the_y_axis_holds_still_as_the_cutoff_moves():
    panel = funding_panel(ROUNDS)
    frames = set()
    for months_in in range(0, int(END - START) + 1):
        panel.set(months_in=months_in)
        [frame] = panel.datasets["frame"]
        frames.add(frame["millions"])
        assert max(row["millions"] for row in panel.datasets["lines"]) < frame["millions"]
    assert len(frames) == 1


def test_the_cutoff_label_turns_left_near_the_end_and_the_chart_fits_its_column():
    outcome = funding_outcome(ROUNDS, OTHER, "amount_usd", LAYERS, END - START, False)
    assert outcome.datasets["cutoff"]["side"].tolist() == ["left"]
    assert funding_outcome(ROUNDS, OTHER, "amount_usd", LAYERS, 0, False).datasets["cutoff"]["side"].tolist() == [
        "right"
    ]
    spec = funding_panel(ROUNDS).spec
    assert spec["width"] <= 480 and len(spec["title"]) <= 40


# --- The JavaScript twin (utils/panels/stack.js) for the static site ---------------------------------------
# A closed form (sums of the same rows in the same order): the readout to the displayed rounding (rel_tol 0),
# the chart's rows and key exactly (rel_tol 0). Random positions rarely reach every branch; the corners do.

STACK_CORNERS = [
    {"tellers": "the articles' figures", "layers": "orchestration", "months_in": 0},  # nothing counted
    {"layers": "observability"},  # one layer: no share
    {"tellers": "both at once (a trap)", "months_in": END - START},  # shared rounds counted twice
    {"tellers": "both at once (a trap)", "measure": "valuation at the latest round"},  # a stock: latest row wins
    {"tellers": "the articles' figures", "undated_at_cutoff": "added at the cutoff month"},  # hollow points
    {"measure": "total raised to date, as stated", "undated_at_cutoff": "added at the cutoff month"},
    {"measure": "valuation at the latest round", "layers": "deployment", "months_in": END - START},
    {"layers": "model", "months_in": 0},  # one round in the first month
]


def test_the_funding_twin_reads_as_the_python_panel_does():
    assert_twin_matches(lambda: funding_panel(ROUNDS), count=240)


def test_the_funding_twin_draws_the_same_lines_points_and_frame_in_every_branch():
    start = funding_panel(ROUNDS).presets["The lesson's start"].values  # every control: the corners do not add up
    corners = [{**start, **corner} for corner in STACK_CORNERS]
    assert_twin_datasets_match(lambda: funding_panel(ROUNDS), positions=corners, count=80, rel_tol=0.0)


def test_the_funding_twin_is_given_every_row_the_count_reads_json_ready():
    params = funding_panel(ROUNDS).twin.params
    assert params["layers"] == list(LAYERS)
    assert len(params["rows"]) == len(ROUNDS)
    json.dumps(params, allow_nan=False)  # a missing figure or date is null, never NaN
    missing = [row for row in params["rows"] if row["amount_usd"] is None]
    assert len(missing) == ROUNDS["amount_usd"].isna().sum()
