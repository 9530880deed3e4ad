"""The panel of lesson 02: funding of the AI infrastructure stack, by layer and over time.

The lesson passes the rows of ``data/funding_rounds.csv``; the panel chooses
whose figures to count (the articles or other reports), which figure, which
layer, up to when, and what to do with undated rows. The sums, a flow added and
a stock replaced, are :func:`utils.models.count_funding`; this module only
builds the controls, the readout and the chart.
"""

from __future__ import annotations

from functools import partial

import altair as alt
import pandas as pd

from ..charts import PALETTE, money_axis
from ..models import FundingCount, count_funding, month_name, month_number, top_n_share
from ..schemas import LAYERS
from ..whatif import Dropdown, Outcome, Preset, Slider, Twin, WhatIf

__all__ = ["funding_layers", "funding_outcome", "funding_panel", "usd"]

DASHES = [[1, 0], [6, 3], [2, 2], [8, 3, 2, 3]]
SHAPES = ["circle", "square", "triangle-up", "diamond"]

TELLERS = {
    "other reports' figures": ("other reports",),
    "the articles' figures": ("articles",),
    "both at once (a trap)": ("articles", "other reports"),
}
MEASURES = {
    "money raised in each round": "amount_usd",
    "total raised to date, as stated": "total_raised_usd",
    "valuation at the latest round": "valuation_usd",
}
FLOWS = {"amount_usd"}  # every other measure is a stock: the latest figure replaces the last
MISSING = {  # how the readout names a row left out for want of the chosen figure
    "amount_usd": "no amount in US dollars",
    "total_raised_usd": "no total stated",
    "valuation_usd": "no valuation",
}
ALL_LAYERS = "all layers"
UNDATED = {"left out (listed in the readout)": False, "added at the cutoff month": True}
# Where the date slider starts: the end of 2025, the year of the rounds the essay cites (a viewing choice).
DEFAULT_CUTOFF = "2025-12"
LABEL_ROOM_MONTHS = 6  # months of axis the cutoff's label needs on its right
HEADROOM = 1.15  # the y axis reaches 15 % above the highest sum, so the cutoff's label never sits on a line


def funding_layers(rounds: pd.DataFrame) -> tuple[str, ...]:
    """The layers of the rows: the essay's three (``utils.schemas.LAYERS``) in its order, then any other (``model``)."""
    present = list(dict.fromkeys(rounds["layer"]))
    return (*[layer for layer in LAYERS if layer in present], *[layer for layer in present if layer not in LAYERS])


def timeline(rounds: pd.DataFrame) -> tuple[float, float]:
    """The first and last months with a dated row: the range of the date slider and the time axis."""
    months = [month_number(date) for date in rounds["date"].dropna()]
    return min(months), max(months)


def _month_date(number: float) -> str:
    """The first day of a month, in ISO form, for the chart's time axis."""
    year, month = divmod(int(number), 12)
    return f"{year:04d}-{month + 1:02d}-01"


def usd(amount: float) -> str:
    """US dollars in millions, or billions from $1B: ``$805.0M``, ``$8.45B``; nothing is ``$0``."""
    if amount == 0:
        return "$0"
    return f"${amount / 1e9:,.2f}B" if abs(amount) >= 1e9 else f"${amount / 1e6:,.1f}M"


def _rows(count: int, what: str = "row", plural: str = "") -> str:
    """``1 row``, ``2 rows``; ``plural`` where adding an s is wrong (``companies``)."""
    return f"{count} {what if count == 1 else plural or what + 's'}"


def _left_out(count: FundingCount, measure: str, cutoff: float) -> str:
    """The rows not counted, and why: later than the cutoff, no date, no figure."""

    def money(rows: list[dict]) -> str:
        return f" ({usd(sum(row[measure] for row in rows))})" if rows else ""

    parts = [f"{_rows(len(count.later))} after {month_name(cutoff)}{money(count.later)}"]
    if count.no_date:
        parts.append(f"{_rows(len(count.no_date))} with no date{money(count.no_date)}")
    parts.append(f"{_rows(len(count.no_figure))} with {MISSING[measure]}")
    return "; ".join(parts)


def _count(rounds: pd.DataFrame, tellers, measure, layers, cutoff, undated_at_cutoff) -> FundingCount:
    return count_funding(
        rounds[["company", "layer", "round", "figure_from", "date", measure]].to_dict("records"),
        measure=measure,
        flow=measure in FLOWS,
        layers=layers,
        tellers=tellers,
        cutoff=cutoff,
        undated_at_cutoff=undated_at_cutoff,
    )


def _takeaway(count: FundingCount, cutoff: float, shared: list[str], is_flow: bool) -> str:
    """One sentence: the largest layer's share of what is counted, then what distorts the sum or is left out."""
    total = sum(count.totals.values())
    left = len(count.later) + len(count.no_date) + len(count.no_figure)
    largest = max(count.totals, key=lambda layer: count.totals[layer])
    if total <= 0:
        return f"Nothing is counted up to {month_name(cutoff)}; {_rows(left)} left out."
    if len(count.totals) == 1:
        lead = f"{largest.capitalize()} holds {usd(total)} up to {month_name(cutoff)}"
    else:
        share = top_n_share(list(count.totals.values()), 1)
        lead = f"{largest.capitalize()} holds {share:.1%} of the {usd(total)} counted up to {month_name(cutoff)}"
    if shared and is_flow:
        return f"{lead}, but {_rows(len(shared), 'company', 'companies')}' rounds are counted twice."
    return f"{lead}; {_rows(left)} {'is' if left == 1 else 'are'} left out."


def funding_outcome(
    rounds: pd.DataFrame,
    tellers: tuple[str, ...],
    measure: str,
    layers: tuple[str, ...] | None,
    months_in: float,
    undated_at_cutoff: bool,
) -> Outcome:
    """Capital by layer up to a cutoff ``months_in`` months after the first dated row, and what is left out.

    ``layers`` is the layers to count; ``None`` counts every layer of the rows.
    """
    start, end = timeline(rounds)
    layers = funding_layers(rounds) if layers is None else layers
    cutoff = start + months_in
    count = _count(rounds, tellers, measure, layers, cutoff, undated_at_cutoff)
    total = sum(count.totals.values())
    is_flow = measure in FLOWS
    companies = {row["company"] for row in count.counted}
    if is_flow:
        what = _rows(len(count.counted), "round")
    else:
        what = f"the latest figure of {_rows(len(companies), 'company', 'companies')}"
    readout = {
        "Total counted": f"{usd(total)}, {what}, announced up to {month_name(cutoff)}",
        "By layer": ", ".join(f"{layer} {usd(amount)}" for layer, amount in count.totals.items()),
        "Left out": _left_out(count, measure, cutoff),
    }
    shared: list[str] = []
    if len(tellers) > 1:
        tellers_of: dict[str, set[str]] = {}
        for row in count.counted:
            tellers_of.setdefault(row["company"], set()).add(row["figure_from"])
        shared = [company for company, told_by in tellers_of.items() if len(told_by) > 1]
        readout["Warning"] = f"told by both tellers: {', '.join(shared) or 'none'}; " + (
            "their rounds are counted twice" if is_flow else "each company's latest row wins, whoever tells it"
        )
    # The y axis holds still as the cutoff moves: it reaches above the highest sum over the whole timeline.
    whole = _count(rounds, tellers, measure, layers, end, undated_at_cutoff)
    top = max([0.0, *(row["total"] for row in whole.counted)]) * HEADROOM / 1e6
    lines = pd.DataFrame(count.steps(start, cutoff), columns=["layer", "month", "total"])
    return Outcome(
        {
            "lines": pd.DataFrame(
                {"layer": lines["layer"], "date": lines["month"].map(_month_date), "millions": lines["total"] / 1e6}
            ),
            "rounds": pd.DataFrame(
                {
                    "layer": row["layer"],
                    "date": _month_date(row["month"]),
                    "millions": row["total"] / 1e6,
                    "company": row["company"],
                    "round": row["round"] if isinstance(row["round"], str) else "(not named)",
                    "figure": usd(row[measure]),
                    "teller": row["figure_from"],
                    "date_given": row["date"] if isinstance(row["date"], str) else "none (placed at the cutoff)",
                    "dated": isinstance(row["date"], str),
                }
                for row in count.counted
            ),
            "cutoff": pd.DataFrame(
                {
                    "date": [_month_date(cutoff)],
                    "label": [f"up to {month_name(cutoff)}"],
                    "side": ["left" if end - cutoff < LABEL_ROOM_MONTHS else "right"],
                }
            ),
            "frame": pd.DataFrame({"date": [_month_date(start)], "millions": [top]}),
        },
        readout,
        takeaway=_takeaway(count, cutoff, shared, is_flow),
        key=("Total counted (millions of US dollars)", total / 1e6),
    )


def _chart(start: float, end: float, layers: tuple[str, ...]) -> alt.LayerChart:
    domain = [_month_date(start), _month_date(end)]
    x = alt.X(
        "date:T",
        title="Month announced",
        scale=alt.Scale(type="utc", domain=domain),
        axis=alt.Axis(format="%b %Y", tickCount=5, labelAngle=0),
    )
    y = alt.Y("millions:Q", axis=money_axis("Sum by layer (millions of US dollars)"))
    legend = alt.Legend(orient="bottom", title=None)
    color = alt.Color("layer:N", scale=alt.Scale(domain=list(layers), range=PALETTE[: len(layers)]), legend=legend)
    dash = alt.StrokeDash("layer:N", scale=alt.Scale(domain=list(layers), range=DASHES), legend=legend)
    shape = alt.Shape("layer:N", scale=alt.Scale(domain=list(layers), range=SHAPES), legend=legend)
    lines = (
        alt.Chart(alt.Data(name="lines"))
        .mark_line(interpolate="step-after")
        .encode(x=x, y=y, color=color, strokeDash=dash)
    )
    points = alt.Chart(alt.Data(name="rounds")).encode(
        x=x,
        y=y,
        color=color,
        shape=shape,
        tooltip=[
            alt.Tooltip("company:N", title="Company"),
            alt.Tooltip("round:N", title="Round"),
            alt.Tooltip("figure:N", title="Figure"),
            alt.Tooltip("date_given:N", title="Date given"),
            alt.Tooltip("teller:N", title="Told by"),
            alt.Tooltip("millions:Q", title="Layer sum ($M)", format=",.1f"),
        ],
    )
    # A row with no date, placed at the cutoff, is drawn hollow: its place in time is not known. Screen
    # readers skip these points (the readout lists undated rows), since an empty layer would read as an
    # unlabeled image.
    dated = points.transform_filter("datum.dated").mark_point(size=70, filled=True)
    undated = points.transform_filter("!datum.dated").mark_point(size=70, filled=False, strokeWidth=2, aria=False)
    # An invisible point at the top of the whole timeline's sums: the y axis stays put as the cutoff moves.
    frame = alt.Chart(alt.Data(name="frame")).mark_point(opacity=0, aria=False).encode(x=x, y=y)
    rule = alt.Chart(alt.Data(name="cutoff")).mark_rule(color="#000000", strokeDash=[2, 2]).encode(x=x)
    # The label sits in the headroom above the lines: right of the rule, or left of it in the last months.
    label = (
        alt.Chart(alt.Data(name="cutoff"))
        .mark_text(
            align=alt.ExprRef("datum.side === 'left' ? 'right' : 'left'"),
            dx=alt.ExprRef("datum.side === 'left' ? -4 : 4"),
            y=8,
            color="#000000",
        )
        .encode(x=x, text="label:N")
    )
    return (lines + dated + undated + frame + rule + label).properties(
        title="Funding summed by layer over time",
        description=(
            f"Step-line chart, one line per layer ({', '.join(layers)}), of the running sum in millions of US "
            "dollars of the chosen figure, by month announced. Each line steps at a counted row, marked with a "
            "point (hollow for a row with no date, placed at the cutoff). A dotted vertical line marks the cutoff "
            "month. The sums are also given as text beside the chart."
        ),
        width=390,
        height=260,
    )


def _presets(start: float, end: float) -> dict[str, Preset]:
    """Starting points, each setting every control: the lesson's start and three other readings of the rows."""
    december = month_number(DEFAULT_CUTOFF) - start
    lesson = {
        "tellers": "other reports' figures",
        "measure": "money raised in each round",
        "layers": ALL_LAYERS,
        "months_in": december,
        "undated_at_cutoff": "left out (listed in the readout)",
    }
    return {
        "The lesson's start": Preset(
            lesson, "Other reports' rounds up to the end of 2025, the year of the rounds the essay cites."
        ),
        "The articles' rounds": Preset(
            {**lesson, "tellers": "the articles' figures", "undated_at_cutoff": "added at the cutoff month"},
            "The articles' own rounds, those they give no date placed at the cutoff (drawn hollow).",
        ),
        "Counted twice": Preset(
            {**lesson, "tellers": "both at once (a trap)", "months_in": end - start},
            "The trap: both tellers at once, every round up to the last, shared rounds counted twice.",
        ),
        "Latest valuations": Preset(
            {**lesson, "measure": "valuation at the latest round", "months_in": end - start},
            f"Other reports' valuations up to {month_name(end)}: a stock, so each company counts once, at its "
            "newest price.",
        ),
    }


# The columns the count reads: the rows the JavaScript twin (utils/panels/stack.js) is given.
TWIN_COLUMNS = ["company", "layer", "round", "figure_from", "date", *MEASURES.values()]


def twin_rows(rounds: pd.DataFrame) -> list[dict]:
    """The rows as JSON-ready records for the twin: a missing figure, date or round is ``None``, not NaN."""
    return [
        {column: (None if pd.isna(value) else value) for column, value in row.items()}
        for row in rounds[TWIN_COLUMNS].to_dict("records")
    ]


def funding_panel(rounds: pd.DataFrame) -> WhatIf:
    """Explore ``funding_rounds``: whose figures, which figure, which layer, up to when, and undated rows."""
    start, end = timeline(rounds)
    layers = funding_layers(rounds)
    layer_choices = {ALL_LAYERS: None, **{layer: (layer,) for layer in layers}}
    return WhatIf(
        title="Funding by layer: choose what to count",
        controls=[
            Dropdown("tellers", "Whose figures", TELLERS, "other reports' figures"),
            Dropdown("measure", "Which figure", MEASURES, "money raised in each round"),
            Dropdown("layers", "Layer", layer_choices, ALL_LAYERS),
            Slider(
                "months_in",
                f"Rounds announced up to (months after {month_name(start)})",
                min=0,
                max=end - start,
                step=1,
                value=month_number(DEFAULT_CUTOFF) - start,
                suffix=" months",
            ),
            Dropdown("undated_at_cutoff", "Rows with no date", UNDATED, "left out (listed in the readout)"),
        ],
        compute=partial(funding_outcome, rounds),
        chart=_chart(start, end, layers),
        presets=_presets(start, end),
        name="funding",
        twin=Twin("stack", "funding_outcome", params={"rows": twin_rows(rounds), "layers": list(layers)}),
    )
