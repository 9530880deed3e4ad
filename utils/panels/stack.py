"""The panel of lesson 02: funding of the AI infrastructure stack, by layer and over time.

The rows of ``data/funding_rounds.csv`` are filtered by who tells the figure
(the articles or other reports), by layer and by date, then added up month by
month. Two kinds of figure add up differently:

- money raised in a round is a *flow*: rounds add up;
- a total raised to date, or a valuation, is a *stock*: a company's newer
  figure replaces its older one, so only each company's latest figure counts.
  Counted as changes, a stock adds ``new - previous`` when a company reports again.

Dates are ISO 8601 at the precision the source gives (``2025-09-29``,
``2025-09`` or ``2026``). Each becomes a sortable month number,
``12 * year + (month - 1)``; a date given only as a year counts from December
of that year, so it enters only once the whole year is in range. Rows with no
date are either left out (and counted in the readout) or added at the cutoff.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import partial

import altair as alt
import pandas as pd

from ..charts import PALETTE, money_axis
from ..models import top_n_share
from ..schemas import LAYERS as STACK_LAYERS
from ..whatif import Dropdown, Outcome, Slider, WhatIf

# The essay's three layers, then Sarvam AI, the essay's Indian model builder (not infrastructure).
LAYERS = (*STACK_LAYERS, "model")
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
LAYER_CHOICES = {"all layers": LAYERS, **{layer: (layer,) for layer in LAYERS}}
UNDATED = {"left out (listed below the chart)": False, "added at the cutoff month": True}
# Where the date slider starts: the end of 2025, the year of the rounds the essay cites (a viewing choice).
DEFAULT_CUTOFF = "2025-12"
LABEL_ROOM_MONTHS = 5  # months of axis the cutoff's label needs on its right
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def month_number(date: object) -> float:
    """A sortable month for an ISO date of any precision: ``12 * year + (month - 1)``.

    ``"2025-09-29"`` and ``"2025-09"`` give the same month; ``"2026"`` gives
    December 2026; an empty date gives NaN.

    >>> month_number("2025-09-29") == month_number("2025-09") == 12 * 2025 + 8
    True
    """
    if not isinstance(date, str) or not date:
        return math.nan
    year, _, rest = date.partition("-")
    month = int(rest[:2]) if rest else 12
    return float(12 * int(year) + month - 1)


def month_name(number: float) -> str:
    """``month_number`` read back: ``"Dec 2025"``."""
    year, month = divmod(int(number), 12)
    return f"{MONTHS[month]} {year}"


def month_date(number: float) -> str:
    """The first day of a month, in ISO form, for the chart's time axis."""
    year, month = divmod(int(number), 12)
    return f"{year:04d}-{month + 1:02d}-01"


def timeline(rounds: pd.DataFrame) -> tuple[float, float]:
    """The first and last months with a dated row: the range of the date slider and the time axis."""
    months = [month_number(date) for date in rounds["date"].dropna()]
    return min(months), max(months)


@dataclass(frozen=True)
class Count:
    """What is counted up to a cutoff, and what is left out and why.

    ``counted`` holds the rows counted, in month order, each with its ``month``
    (the cutoff for an undated row added there), its ``change`` (what it adds
    to its layer's sum: the amount of a round; for a stock, the new figure
    minus the company's previous one) and its layer's running ``total`` at the
    end of that month. ``totals`` is each layer's sum at the cutoff.
    """

    counted: list[dict]
    totals: dict[str, float]
    later: list[dict]
    no_date: list[dict]
    no_figure: list[dict]


def count_rows(
    rounds: pd.DataFrame,
    tellers: tuple[str, ...],
    measure: str,
    layers: tuple[str, ...],
    cutoff: float,
    undated_at_cutoff: bool,
) -> Count:
    """Keep the chosen tellers and layers, sort each row into counted or left out, and add up by layer.

    A row is left out when it has no figure for ``measure``, has no date (unless
    undated rows are added at the cutoff), or was announced after ``cutoff``.
    """
    counted, later, no_date, no_figure = [], [], [], []
    for row in rounds[["company", "layer", "round", "figure_from", "date", measure]].to_dict("records"):
        if row["figure_from"] not in tellers or row["layer"] not in layers:
            continue
        month = month_number(row["date"])
        if math.isnan(month) and undated_at_cutoff:
            month = cutoff
        row["month"] = month
        if pd.isna(row[measure]):
            no_figure.append(row)
        elif math.isnan(month):
            no_date.append(row)
        elif month > cutoff:
            later.append(row)
        else:
            counted.append(row)
    counted.sort(key=lambda row: row["month"])  # stable: rows of the same month keep the table's order

    totals = dict.fromkeys(layers, 0.0)
    latest: dict[str, float] = {}  # each company's latest figure, for stocks
    for row in counted:
        figure = row[measure]
        row["change"] = figure if measure in FLOWS else figure - latest.get(row["company"], 0.0)
        latest[row["company"]] = figure
        totals[row["layer"]] += row["change"]
        row["total"] = totals[row["layer"]]
    # A point sits where its layer's line is at the end of its month, after every row of that month.
    month_end = {(row["layer"], row["month"]): row["total"] for row in counted}
    for row in counted:
        row["total"] = month_end[row["layer"], row["month"]]
    return Count(counted, totals, later, no_date, no_figure)


def cumulative_by_layer(count: Count, start: float, cutoff: float) -> pd.DataFrame:
    """Each layer's running sum from 0 at ``start`` to its total at ``cutoff``: the chart's step lines."""
    rows = []
    for layer, total in count.totals.items():
        steps = {row["month"]: row["total"] for row in count.counted if row["layer"] == layer}
        months = [start, *steps, cutoff]
        rows += zip([layer] * len(months), months, [0.0, *steps.values(), total], strict=True)
    return pd.DataFrame(rows, columns=["layer", "month", "total"])


def usd(amount: float) -> str:
    """US dollars in millions, or billions from $1B: ``$805.0M``, ``$8.45B``; nothing is ``$0``."""
    if amount == 0:
        return "$0"
    return f"${amount / 1e9:,.2f}B" if abs(amount) >= 1e9 else f"${amount / 1e6:,.1f}M"


def _rows(count: int, what: str = "row", plural: str = "") -> str:
    """``1 row``, ``2 rows``; ``plural`` where adding an s is wrong (``companies``)."""
    return f"{count} {what if count == 1 else plural or what + 's'}"


def _left_out(count: Count, measure: str, cutoff: float) -> str:
    """The rows not counted, and why: later than the cutoff, no date, no figure."""

    def money(rows: list[dict]) -> str:
        return f" ({usd(sum(row[measure] for row in rows))})" if rows else ""

    parts = [f"{_rows(len(count.later))} after {month_name(cutoff)}{money(count.later)}"]
    if count.no_date:
        parts.append(f"{_rows(len(count.no_date))} with no date{money(count.no_date)}")
    parts.append(f"{_rows(len(count.no_figure))} with {MISSING[measure]}")
    return "; ".join(parts)


def _largest(totals: dict[str, float]) -> str:
    """The layer with the most, and its share of the total (the top-1 share of lesson 08)."""
    largest = max(totals, key=totals.get)
    if totals[largest] <= 0:
        return "nothing counted"
    if len(totals) == 1:
        return f"{largest} (the only layer chosen)"
    return f"{largest}, {top_n_share(list(totals.values()), 1):.1%} of the total"


def funding_outcome(
    rounds: pd.DataFrame,
    tellers: tuple[str, ...],
    measure: str,
    layers: tuple[str, ...],
    months_in: float,
    undated_at_cutoff: bool,
) -> Outcome:
    """Capital by layer up to a cutoff ``months_in`` months after the first dated row, and what is left out."""
    start, end = timeline(rounds)
    cutoff = start + months_in
    count = count_rows(rounds, tellers, measure, layers, cutoff, undated_at_cutoff)
    total = sum(count.totals.values())
    is_flow = measure in FLOWS
    companies = {row["company"] for row in count.counted}
    if is_flow:
        what = _rows(len(count.counted), "round")
    else:
        what = f"the latest figure of {_rows(len(companies), 'company', 'companies')}"
    readout = {
        "Total counted": f"{usd(total)}, {what}, announced up to {month_name(cutoff)}",
        "Largest layer": _largest(count.totals),
        "By layer": ", ".join(f"{layer} {usd(amount)}" for layer, amount in count.totals.items()),
        "Left out": _left_out(count, measure, cutoff),
    }
    if len(tellers) > 1:
        tellers_of = {}
        for row in count.counted:
            tellers_of.setdefault(row["company"], set()).add(row["figure_from"])
        both = [company for company, told_by in tellers_of.items() if len(told_by) > 1]
        readout["Warning"] = f"told by both tellers: {', '.join(both) or 'none'}; " + (
            "their rounds are counted twice" if is_flow else "each company's latest row wins, whoever tells it"
        )
    lines = cumulative_by_layer(count, start, cutoff)
    return Outcome(
        {
            "lines": pd.DataFrame(
                {
                    "layer": lines["layer"],
                    "date": lines["month"].map(month_date),
                    "millions": lines["total"] / 1e6,
                }
            ),
            "rounds": pd.DataFrame(
                {
                    "layer": row["layer"],
                    "date": month_date(row["month"]),
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
                    "date": [month_date(cutoff)],
                    "label": [f"up to {month_name(cutoff)}"],
                    "side": ["left" if end - cutoff < LABEL_ROOM_MONTHS else "right"],
                }
            ),
        },
        readout,
    )


def _chart(start: float, end: float) -> alt.LayerChart:
    domain = [month_date(start), month_date(end)]
    x = alt.X(
        "date:T",
        title="Month announced",
        scale=alt.Scale(type="utc", domain=domain),
        axis=alt.Axis(format="%b %Y", tickCount=6, labelAngle=0),
    )
    y = alt.Y("millions:Q", axis=money_axis("Sum by layer (millions of US dollars)"))
    colors = alt.Scale(domain=list(LAYERS), range=PALETTE[: len(LAYERS)])
    color = alt.Color("layer:N", title="Layer", scale=colors)
    dash = alt.StrokeDash("layer:N", title="Layer", scale=alt.Scale(domain=list(LAYERS), range=DASHES))
    shape = alt.Shape("layer:N", title="Layer", scale=alt.Scale(domain=list(LAYERS), range=SHAPES))
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
    rule = alt.Chart(alt.Data(name="cutoff")).mark_rule(color="#000000", strokeDash=[2, 2]).encode(x=x)
    # The label sits right of the line, or left of it in the last months, where the right side is too narrow.
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
    return (lines + dated + undated + rule + label).properties(
        title="Funding of the AI infrastructure stack, summed by layer over time",
        description=(
            "Step-line chart, one line per layer (deployment, orchestration, observability and model), of the "
            "running sum in millions of US dollars of the chosen figure, by month announced. Each line steps at "
            "a counted row, marked with a point (hollow for a row with no date, placed at the cutoff). A dotted "
            "vertical line marks the cutoff month. The sums are also given as text below the chart."
        ),
        width=500,
        height=280,
    )


def funding_panel(rounds: pd.DataFrame) -> WhatIf:
    """Explore ``funding_rounds``: whose figures, which figure, which layer, up to when, and undated rows."""
    start, end = timeline(rounds)
    return WhatIf(
        title="Funding by layer: choose what to count",
        controls=[
            Dropdown("tellers", "Whose figures", TELLERS, "other reports' figures"),
            Dropdown("measure", "Which figure", MEASURES, "money raised in each round"),
            Dropdown("layers", "Layer", LAYER_CHOICES, "all layers"),
            Slider(
                "months_in",
                f"Rounds announced up to (months after {month_name(start)})",
                0,
                end - start,
                1,
                month_number(DEFAULT_CUTOFF) - start,
                suffix=" months",
            ),
            Dropdown("undated_at_cutoff", "Rows with no date", UNDATED, "left out (listed below the chart)"),
        ],
        compute=partial(funding_outcome, rounds),
        chart=_chart(start, end),
    )
