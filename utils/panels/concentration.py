"""The figures of lesson 08: how much of 2025's money a few took, and one mega-round in a synthetic quarter.

:func:`few_took_much_figure` draws the sourced shares of ``funding_concentration.csv``.
In :func:`mega_round_panel` the quarter is **synthetic** (:func:`utils.synthetic.synthetic_quarter`): deal
sizes drawn from a lognormal whose median, spread and seed are teaching
assumptions. The panel shows what one very large round does to the quarter's
total, its median deal, the largest deal's share, the HHI and the Gini.
"""

from __future__ import annotations

from functools import partial
from typing import Any

import altair as alt
import numpy as np
import pandas as pd

from ..charts import PALETTE, percent_axis
from ..models import gini, hhi, top_n_share
from ..synthetic import synthetic_quarter, with_mega_round
from ..whatif import Dropdown, Outcome, Preset, Slider, Twin, WhatIf, show

__all__ = [
    "MEDIAN_DEAL_USD",
    "evidence_table",
    "few_took_much_figure",
    "few_took_much_shares",
    "mega_round_outcome",
    "mega_round_panel",
    "plumbing_rounds",
]

MEDIAN_DEAL_USD = 5e6  # median ordinary deal: a teaching assumption, as in synthetic_quarter
SEEDS = {"draw A (seed 0)": 0, "draw B (seed 1)": 1, "draw C (seed 2)": 2}
START: dict[str, Any] = {"n_deals": 200, "sigma": 1.5, "seed": "draw A (seed 0)"}  # the lesson's synthetic quarter
MAX_DEALS = 1000  # the deals slider's end

ORDINARY = "ordinary deal (synthetic)"
MEGA = "mega-round (synthetic)"
WITHOUT = "without"  # the mega-round: the bar charts' rows, under titles that say so
WITH = "with"
LARGEST = "largest deal"
OTHERS = "all other deals"
WIDTH = 420  # every sub-chart is as wide, and fits the column beside the controls
AXIS_EXTENT = 56  # every sub-chart's y-axis is this wide, so that the three plots line up

# The deal-size axis is fixed from $1k to $100B, so that moving a slider moves the dots, not the axis.
DOLLAR_DOMAIN = [1e3, 1e11]
DOLLAR_TICKS = [10.0**k for k in range(3, 12)]
DOLLAR_LABELS = (
    "datum.value >= 1e9 ? '$' + format(datum.value / 1e9, ',~g') + 'B' : "
    "datum.value >= 1e6 ? '$' + format(datum.value / 1e6, ',~g') + 'M' : '$' + format(datum.value / 1e3, ',~g') + 'k'"
)


def _summary(amounts: np.ndarray) -> dict[str, float]:
    """The key numbers of one quarter, each from the models (or numpy for total and median)."""
    return {
        "total": float(amounts.sum()),
        "median": float(np.median(amounts)),
        "top1": top_n_share(amounts, 1),
        "hhi": hhi(amounts),
        "gini": gini(amounts),
    }


def mega_round_outcome(
    mega_round_billion: float,
    n_deals: float,
    sigma: float,
    seed: int,
    hhi_reference: float,
    change_reference: float,
    hhi_reference_2010: float,
) -> Outcome:
    """A synthetic quarter before and after one mega-round: ranked deals, top-1 share, HHI.

    ``hhi_reference`` and ``change_reference`` are the 2023 US Merger Guidelines'
    thresholds (1,800 and 100 points), ``hhi_reference_2010`` the older 2,500:
    shown as reference points only, since they were written for markets, not deals.
    """
    quarter = synthetic_quarter(int(n_deals), MEDIAN_DEAL_USD, sigma, seed)
    has_mega = mega_round_billion > 0
    after_frame = with_mega_round(quarter, mega_round_billion * 1e9) if has_mega else quarter
    before = _summary(quarter["amount_usd"].to_numpy())
    after = _summary(after_frame["amount_usd"].to_numpy())

    deals = pd.DataFrame(
        {
            "rank": np.arange(1, len(after_frame) + 1),
            "amount_usd": after_frame["amount_usd"].to_numpy(),
            "kind": np.where(after_frame["deal"] == "mega-round", MEGA, ORDINARY),
        }
    )
    mega = deals[deals["kind"] == MEGA].assign(label=f"mega-round: ${mega_round_billion:,.1f}B")
    medians = pd.DataFrame({"amount_usd": [after["median"]], "label": [f"median deal ${after['median'] / 1e6:,.2f}M"]})
    largest_is_mega = has_mega and after_frame["deal"].iloc[0] == "mega-round"

    def others_label(top1: float) -> str:
        """Named inside its segment when the segment is wide and the largest deal's label is not in the way."""
        return OTHERS if 1 - top1 >= 0.3 and (top1 <= 0.2 or top1 > 0.6) else ""

    shares = pd.DataFrame(
        {
            "quarter": [WITHOUT, WITHOUT, WITH, WITH],
            "part": [LARGEST, OTHERS, LARGEST, OTHERS],
            "order": [0, 1, 0, 1],
            "share": [before["top1"], 1 - before["top1"], after["top1"], 1 - after["top1"]],
            "label": [
                f"largest: {before['top1']:.1%} (an ordinary deal)",
                others_label(before["top1"]),
                f"largest: {after['top1']:.1%} ({'the mega-round' if largest_is_mega else 'an ordinary deal'})",
                others_label(after["top1"]),
            ],
        }
    )
    concentration = pd.DataFrame({"quarter": [WITHOUT, WITH], "hhi": [before["hhi"], after["hhi"]]})
    references = pd.DataFrame(
        {
            "hhi": [hhi_reference, hhi_reference_2010],
            "label": [f"2023: {hhi_reference:,.0f}", f"2010: {hhi_reference_2010:,.0f}"],
            "side": ["right", "left"],
        }
    )

    change = after["hhi"] - before["hhi"]
    size = f"a ${mega_round_billion:,.1f}B mega-round" if has_mega else "no mega-round (slider at 0)"
    datasets = {"deals": deals, "mega": mega, "medians": medians, "shares": shares, "hhi": concentration}
    if has_mega:
        growth = after["total"] / before["total"]
        total = f"multiplies the total {growth:,.1f} times" if growth >= 1.5 else f"adds {growth - 1:.0%} to the total"
        moves = f"raises the HHI by {change:,.0f} points" if change >= 0 else f"lowers the HHI by {-change:,.0f} points"
        takeaway = (
            f"A ${mega_round_billion:,.1f}B round {total} and {moves}, while the median deal moves "
            f"{after['median'] / before['median'] - 1:+.2%}."
        )
    else:
        takeaway = (
            f"With no mega-round, the largest of {int(n_deals):,} deals holds {before['top1']:.1%} of the money "
            f"and the HHI is {before['hhi']:,.0f}."
        )
    return Outcome(
        {**datasets, "references": references},
        {
            "Synthetic quarter": (
                f"{int(n_deals):,} ordinary deals (median size ${MEDIAN_DEAL_USD / 1e6:,.0f}M, spread {sigma:.1f}) "
                f"plus {size}"
            ),
            "Total raised": (
                f"${before['total'] / 1e9:,.2f}B without, ${after['total'] / 1e9:,.2f}B with "
                f"({after['total'] / before['total']:,.1f} times)"
            ),
            "Median deal": (
                f"${before['median'] / 1e6:,.3f}M without, ${after['median'] / 1e6:,.3f}M with "
                f"({after['median'] / before['median'] - 1:+.2%})"
            ),
            "Largest deal's share of the total (top-1)": f"{before['top1']:.1%} without, {after['top1']:.1%} with",
            "HHI (0 to 10,000)": (
                f"{before['hhi']:,.0f} without, {after['hhi']:,.0f} with: {change:+,.0f} points "
                f"(reference points: above {hhi_reference:,.0f}, a change of more than {change_reference:,.0f})"
            ),
            "Gini": f"{before['gini']:.3f} without, {after['gini']:.3f} with",
        },
        takeaway=takeaway,
        key=("HHI with the mega-round (0 to 10,000)", after["hhi"]),
    )


def _chart() -> alt.VConcatChart:
    kinds = alt.Scale(domain=[ORDINARY, MEGA], range=[PALETTE[0], PALETTE[1]])
    y_axis: dict[str, Any] = {"minExtent": AXIS_EXTENT, "maxExtent": AXIS_EXTENT}  # the same width on all three
    rank_x = alt.X(
        "rank:Q", title="Rank of the deal (1 = largest)", scale=alt.Scale(zero=False, nice=False, padding=10)
    )
    size_y = alt.Y(
        "amount_usd:Q",
        title=None,
        scale=alt.Scale(type="log", domain=DOLLAR_DOMAIN, clamp=True),
        axis=alt.Axis(values=DOLLAR_TICKS, labelExpr=DOLLAR_LABELS, **y_axis),
    )
    # The legend sits inside, top right: there the deals are the smallest, far below the top of the axis.
    legend = alt.Legend(orient="top-right", fillColor="#FFFFFF", padding=4, labelFontSize=11)
    ranked = (
        alt.Chart(alt.Data(name="deals"))
        .mark_point(filled=True, opacity=0.85)
        .encode(
            x=rank_x,
            y=size_y,
            color=alt.Color("kind:N", title=None, scale=kinds, legend=legend),
            shape=alt.Shape(
                "kind:N",
                title=None,
                scale=alt.Scale(domain=[ORDINARY, MEGA], range=["circle", "diamond"]),
                legend=legend,
            ),
            size=alt.Size("kind:N", scale=alt.Scale(domain=[ORDINARY, MEGA], range=[18, 160]), legend=None),
            tooltip=[alt.Tooltip("rank:Q"), alt.Tooltip("amount_usd:Q", format="$,.0f"), alt.Tooltip("kind:N")],
        )
    )
    mega_text = (
        alt.Chart(alt.Data(name="mega"))
        .mark_text(align="left", dx=10, color="#000000")
        .encode(x=rank_x, y=size_y, text="label:N")
    )
    median_rule = alt.Chart(alt.Data(name="medians")).mark_rule(color="#000000", strokeDash=[4, 3]).encode(y=size_y)
    # Left of the middle rank every deal is above the median, so the space just under the line is empty there.
    median_text = (
        alt.Chart(alt.Data(name="medians"))
        .mark_text(align="left", baseline="top", x=4, dy=4, color="#000000")
        .encode(y=size_y, text="label:N")
    )
    deals = (ranked + mega_text + median_rule + median_text).properties(
        title="Deal sizes in US dollars, largest first (log scale)", width=WIDTH, height=170
    )

    quarter_y = alt.Y("quarter:N", title=None, sort=[WITHOUT, WITH], axis=alt.Axis(**y_axis))
    parts = alt.Scale(domain=[LARGEST, OTHERS], range=[PALETTE[1], "#B9D3E6"])
    share_bars = (
        alt.Chart(alt.Data(name="shares"))
        .mark_bar(stroke="#333333", strokeWidth=0.5)
        .encode(
            x=alt.X(
                "share:Q",
                stack="zero",
                axis=percent_axis("Share of the quarter's total", tick_count=5),
                scale=alt.Scale(domain=[0, 1]),
            ),
            y=quarter_y,
            color=alt.Color("part:N", title=None, scale=parts, legend=None),  # the bars are labeled instead
            order=alt.Order("order:Q"),
        )
    )
    # The largest deal's label sits right of its segment, or inside it, at its right end, when that is wide;
    # the other deals' segment is named at its right end when it is wide and that label leaves room.
    share_text = [
        alt.Chart(alt.Data(name="shares"))
        .transform_filter((alt.datum.part == LARGEST) & (alt.datum.share > 0.6 if inside else alt.datum.share <= 0.6))
        .mark_text(align="right" if inside else "left", dx=-4 if inside else 4, color="#000000")
        .encode(x=alt.X("share:Q"), y=quarter_y, text="label:N")
        for inside in (False, True)
    ]
    others_text = (
        alt.Chart(alt.Data(name="shares"))
        .transform_filter(alt.datum.part == OTHERS)
        .mark_text(align="right", x="width", dx=-4, color="#000000")
        .encode(y=quarter_y, text="label:N")
    )
    shares = alt.layer(share_bars, *share_text, others_text).properties(
        title="The largest deal's share, without and with the mega-round", width=WIDTH, height=50
    )

    hhi_x = alt.X("hhi:Q", title="HHI (sum of squared percentage shares)", scale=alt.Scale(domain=[0, 10_000]))
    hhi_bars = alt.Chart(alt.Data(name="hhi")).mark_bar(color=PALETTE[0]).encode(x=hhi_x, y=quarter_y)
    # A value of 1,000 or more is written inside its bar, in white: outside, it would run into the 1,800 line.
    hhi_text = [
        alt.Chart(alt.Data(name="hhi"))
        .transform_filter(alt.datum.hhi >= 1000 if inside else alt.datum.hhi < 1000)
        .mark_text(
            align="right" if inside else "left", dx=-4 if inside else 4, color="#FFFFFF" if inside else "#000000"
        )
        .encode(x=hhi_x, y=quarter_y, text=alt.Text("hhi:Q", format=",.0f"))
        for inside in (False, True)
    ]
    rules = alt.Chart(alt.Data(name="references")).mark_rule(color="#000000", strokeDash=[2, 2]).encode(x=hhi_x)
    rule_text = [
        alt.Chart(alt.Data(name="references"))
        .transform_filter(alt.datum.side == side)
        .mark_text(align=side, dx=3 if side == "left" else -3, y=-6, fontSize=11, color="#000000")
        .encode(x=hhi_x, text="label:N")
        for side in ("right", "left")
    ]
    concentration = alt.layer(hhi_bars, rules, *rule_text, *hhi_text).properties(
        title=alt.Title("HHI, without and with it, and the guidelines' thresholds", offset=14),
        width=WIDTH,
        height=50,
    )

    return (
        alt.vconcat(deals, shares, concentration, spacing=22)
        .resolve_scale(color="independent", shape="independent")
        .resolve_legend(color="independent", shape="independent")
        .properties(
            title=alt.Title(
                "One mega-round in a synthetic quarter",
                subtitle="Synthetic data (seeded, for teaching; not a real market)",
            ),
            description=(
                "Three charts of a synthetic quarter of venture deals. First, every deal as a dot, ranked from largest "
                "to smallest on a logarithmic dollar axis; the mega-round is a larger, labeled orange diamond and a "
                "dashed line marks the median deal, which barely moves. Second, two stacked bars show the largest "
                "deal's share of the quarter's total without and with the mega-round. Third, two bars show the HHI "
                "without and with it on a scale of 0 to 10,000, with dotted lines at the merger guidelines' "
                "thresholds of 1,800 (2023) and 2,500 (2010)."
            ),
        )
    )


def mega_round_panel(mega_round_usd: float, thresholds: pd.DataFrame) -> WhatIf:
    """The lesson 08 panel, starting from a sourced round size (US dollars) and the reference thresholds.

    ``thresholds`` is ``data.load("reference_thresholds")``: the 2023 HHI level and
    change, and the 2010 HHI level, are drawn and quoted as reference points.
    Bind it to ``mega_round``.
    """
    current = thresholds[(thresholds["year"] == 2023) & thresholds["hhi_above"].notna()].iloc[0]
    older = thresholds[(thresholds["year"] == 2010) & thresholds["hhi_above"].notna()].iloc[0]
    compute = partial(
        mega_round_outcome,
        hhi_reference=float(current["hhi_above"]),
        change_reference=float(current["hhi_change_above"]),
        hhi_reference_2010=float(older["hhi_above"]),
    )
    sourced = mega_round_usd / 1e9
    presets = {
        "A round like OpenAI's": Preset(
            {"mega_round_billion": sourced, **START},
            f"Crunchbase's largest round of Q1 2025, OpenAI's ${sourced:,.0f}B, added to the lesson's synthetic "
            "quarter of ordinary deals.",
        ),
        "No mega-round": Preset(
            {"mega_round_billion": 0, **START},
            "The synthetic quarter on its own: the lesson's assumptions about the ordinary deals, and no large bet.",
        ),
        "A small round, a wide quarter": Preset(
            {"mega_round_billion": 0.5, "n_deals": 1000, "sigma": 2.5, "seed": START["seed"]},
            "Question 5's setting (assumptions): half a billion dollars among the most and the most unequal "
            "ordinary deals the sliders allow, where it is not the largest deal.",
        ),
    }
    return WhatIf(
        title="Add a mega-round to a synthetic quarter of deals",
        controls=[
            Slider(
                "mega_round_billion", "Mega-round size", min=0, max=50, step=0.5, value=sourced, prefix="$", suffix="B"
            ),
            Slider("n_deals", "Ordinary deals in the quarter", min=50, max=MAX_DEALS, step=50, value=START["n_deals"]),
            Slider("sigma", "Spread of ordinary deal sizes (sigma)", min=0.5, max=2.5, step=0.1, value=START["sigma"]),
            Dropdown("seed", "Synthetic draw", SEEDS, START["seed"]),
        ],
        compute=compute,
        chart=_chart(),
        presets=presets,
        name="mega_round",
        twin=Twin("concentration", "mega_round_outcome", params=_twin_params(compute.keywords)),
    )


def _twin_params(references: dict[str, float]) -> dict:
    """What the JavaScript twin needs: the thresholds, the median deal, and each draw's standard normals.

    :func:`utils.synthetic.synthetic_quarter` sizes deals as ``median * exp(sigma * Z)`` with ``Z`` from
    ``default_rng(seed).standard_normal(n_deals)``, whose first n draws do not depend on how many are drawn:
    the most deals the slider allows, per seed, give the twin every quarter the panel can show.
    """
    normals = {str(seed): np.random.default_rng(seed).standard_normal(MAX_DEALS).tolist() for seed in SEEDS.values()}
    return {"normals": normals, "median_deal_usd": MEDIAN_DEAL_USD, **references}


def _period(period: str) -> str:
    """``2025-Q1`` reads ``Q1 2025``; a year stays a year."""
    year, _, quarter = period.partition("-")
    return f"{quarter} {year}" if quarter else year


def few_took_much_shares(funding: pd.DataFrame) -> pd.DataFrame:
    """The sourced "a few took much" figures of ``data.load("funding_concentration")``, one row each.

    Columns: ``who`` (the few, the period and the scope, in words), ``share`` (their
    share of the money, a fraction) and ``source`` (with its confidence).
    """
    rows = []
    for row in funding.itertuples():
        where = f"{_period(row.period)}, {row.scope}"
        if pd.notna(row.top_n_share):
            few = f"{row.largest_round_company}'s one round" if row.top_n == 1 else f"{row.top_n} companies"
            rows.append((f"{few}, {where}", row.top_n_share, f"{row.source}, {row.confidence}"))
        if pd.notna(row.top_deals_value_share):
            rows.append(
                (
                    f"{row.top_deals_share:.2%} of deals, {where}",
                    row.top_deals_value_share,
                    f"{row.source}, {row.confidence}",
                )
            )
    return pd.DataFrame(rows, columns=["who", "share", "source"])


def few_took_much_figure(funding: pd.DataFrame) -> WhatIf:
    """A bar chart of the sourced shares of venture money taken by one round, five companies or 0.05% of deals."""
    shares = few_took_much_shares(funding).assign(
        label=lambda frame: [
            f"{share:.1%} ({source})" for share, source in zip(frame["share"], frame["source"], strict=True)
        ]
    )
    y = alt.Y("who:N", title=None, sort=None, axis=alt.Axis(labelLimit=280))
    x = alt.X(
        "share:Q",
        axis=percent_axis("Share of the period's venture money", tick_count=5),
        scale=alt.Scale(domain=[0, 1]),
    )
    bars = alt.Chart(shares).mark_bar(color=PALETTE[1]).encode(x=x, y=y)
    labels = alt.Chart(shares).mark_text(align="left", dx=4, color="#000000").encode(x=x, y=y, text="label:N")
    chart = alt.layer(bars, labels).properties(
        title=alt.Title("A few took much of 2025's venture money", subtitle="Sourced figures (source, confidence)"),
        description=(
            "Horizontal bar chart of the share of venture money taken by a few: OpenAI's one round in the first "
            "quarter of 2025 (global, Crunchbase), five companies in 2025 (global, Crunchbase) and 0.05 percent "
            "of deals in 2025 (US, PitchBook-NVCA as read in a secondary report). Each bar is labeled with its "
            "share, its source and the source's confidence."
        ),
        width=480,
        height=120,
    )
    readout = {row.who: f"{row.share:.1%} of the money ({row.source})" for row in shares.itertuples()}
    return show(chart, readout)


# What the data can and cannot support -------------------------------------------------

PLUMBING_LAYERS = ("deployment", "orchestration", "observability")


def plumbing_rounds(rounds: pd.DataFrame, year: str) -> pd.DataFrame:
    """The infrastructure ("plumbing") rounds of ``year`` in ``data.load("funding_rounds")``.

    One teller only (the ``other reports`` rows, so that no round counts twice),
    the essay's three layers only (not the model layer), and only rounds with an
    amount and a date in ``year``. These are the companies the essay names, not
    every company of the layers: the course holds no funding series by layer.
    """
    known = rounds[
        (rounds["figure_from"] == "other reports")
        & rounds["layer"].isin(PLUMBING_LAYERS)
        & rounds["amount_usd"].notna()
        & rounds["date"].fillna("").str.startswith(year)
    ]
    return known[["company", "layer", "round", "date", "amount_usd"]].reset_index(drop=True)


def evidence_table(funding: pd.DataFrame, rounds: pd.DataFrame, layers: pd.DataFrame) -> pd.DataFrame:
    """Five claims about 2025's venture money: whose claim, what the course's data holds, whether it supports them.

    ``funding``, ``rounds`` and ``layers`` are ``data.load`` of ``funding_concentration``,
    ``funding_rounds`` and ``infrastructure_layers``; every figure in the table is
    computed from them. The columns are ``claim``, ``whose claim``,
    ``what the course's data holds``, ``supported?`` and ``what would settle it``.
    """
    quarter = funding[(funding["period"] == "2025-Q1") & (funding["scope"] == "global")].iloc[0]
    year = funding[(funding["period"] == "2025") & (funding["scope"] == "global")].iloc[0]
    deals = funding[funding["top_deals_share"].notna()].iloc[0]
    plumbing = plumbing_rounds(rounds, "2025")["amount_usd"].sum()
    deployment_claim = layers.loc[layers["layer"] == "deployment", "essay_capital_usd"].iloc[0]
    by_layer = "app, model or infrastructure layer"
    rows = [
        (
            "Totals rose sharply",
            f"sourced ({year.source}, {year.confidence})",
            f"${year.total_usd / 1e9:,.0f}B raised worldwide in 2025, {year.growth_vs_prior:+.0%} on the year before",
            "Yes. To call it a record needs earlier years, which the course does not hold.",
            "totals for earlier years",
        ),
        (
            "A few large bets take much of the money",
            "the explainer",
            (
                f"OpenAI's one round: {quarter.top_n_share:.1%} of Q1 2025; {year.top_n:.0f} companies: "
                f"{year.top_n_share:.0%} of 2025; {deals.top_deals_share:.2%} of US deals: "
                f"{deals.top_deals_value_share:.0%} of US deal value"
            ),
            f"Yes (the last figure from a secondary report, confidence {deals.confidence})",
            "nothing more for the claim as stated",
        ),
        (
            "Median deal sizes stay flat or fall",
            "the explainer",
            "no median deal size and no list of deals",
            "Cannot tell: the synthetic quarter of section 6 shows only that it can happen",
            "the median and the number of deals, quarter by quarter, over several years",
        ),
        (
            "Capital rotates toward the infrastructure layers",
            "the explainer and the essay",
            (
                f"the one named mega-round is OpenAI's, in the model layer; the plumbing rounds of 2025 the course "
                f"knows of add up to ${plumbing / 1e6:,.0f}M, {plumbing / year.total_usd:.2%} of the year; "
                "no funding by layer over time"
            ),
            "No: its concentration is in the model layer, and a shift over time needs a series by layer",
            f"every round of several years, each company assigned to an {by_layer} by one data provider",
        ),
        (
            "Deployment is where the money is concentrating",
            f"the essay (over ${deployment_claim / 1e6:,.0f}M into Modal, Baseten and Fireworks)",
            "the three companies' rounds (lesson 02); no other deployment companies, no earlier years",
            "The amounts, yes; that money concentrates there, no",
            "the same series by layer, to compare deployment with the other layers",
        ),
    ]
    return pd.DataFrame(
        rows,
        columns=["claim", "whose claim", "what the course's data holds", "supported?", "what would settle it"],
    )
