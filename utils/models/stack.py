"""Adding up funding by layer without counting the same money twice (lesson 02).

Each funding row is one figure for one company: the money raised in a round,
or the total raised to date, or the valuation at a round. Two kinds add up
differently up to a cutoff month ``c``:

- a *flow* (money raised in a round) adds up: a layer's sum is
  ``sum of x_i over its rows with m_i <= c``;
- a *stock* (a total to date, a valuation) replaces itself: only each company's
  latest figure counts. As month-by-month changes, a company's row adds
  ``x_i - x_prev`` (its previous figure, 0 for its first), so the layer's sum is
  ``sum over its companies of the latest x with m <= c``.

Dates are ISO 8601 at the precision the source gives (``2025-09-29``,
``2025-09`` or ``2026``). Each becomes a sortable month number
``m = 12 * year + (month - 1)``; a date given only as a year counts from December
of that year, so it enters only once the whole year is in range. A row with no
date is left out, or placed at the cutoff month if asked.

Worked example (ours): company A's valuation is 5 in January 2025 and 8 in June
2025. As a stock, the layer holds 8 from June (changes +5, then +3); added as
flows, it would hold 13, counting A twice.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

__all__ = ["FundingCount", "count_funding", "month_name", "month_number"]

_MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def month_number(date: object) -> float:
    """A sortable month for an ISO date of any precision: ``12 * year + (month - 1)``.

    ``"2025-09-29"`` and ``"2025-09"`` give the same month; ``"2026"`` gives
    December 2026; an empty or missing date gives NaN.

    >>> month_number("2025-09-29") == month_number("2025-09") == 12 * 2025 + 8
    True
    """
    if not isinstance(date, str) or not date:
        return math.nan
    year, _, rest = date.partition("-")
    month = int(rest[:2]) if rest else 12
    if not 1 <= month <= 12:
        raise ValueError(f"date must be an ISO date (YYYY, YYYY-MM or YYYY-MM-DD), got {date!r}.")
    return float(12 * int(year) + month - 1)


def month_name(number: float) -> str:
    """:func:`month_number` read back: ``month_name(24311)`` is ``"Dec 2025"``."""
    if not isinstance(number, int | float) or not math.isfinite(number) or number != int(number):
        raise ValueError(f"number must be a whole month number, got {number!r}.")
    year, month = divmod(int(number), 12)
    return f"{_MONTH_NAMES[month]} {year}"


@dataclass(frozen=True)
class FundingCount:
    """What :func:`count_funding` counts up to a cutoff, and what it leaves out and why.

    ``counted`` holds the rows counted, in month order, each with its ``month``
    (the cutoff for an undated row placed there), its ``change`` (what it adds
    to its layer's sum: a round's amount; for a stock, the new figure minus the
    company's previous one) and its layer's running ``total`` at the end of that
    month. ``totals`` is each layer's sum at the cutoff. ``later``, ``no_date``
    and ``no_figure`` are the rows left out: announced after the cutoff, with no
    date, with no figure.
    """

    counted: list[dict[str, Any]]
    totals: dict[str, float]
    later: list[dict[str, Any]]
    no_date: list[dict[str, Any]]
    no_figure: list[dict[str, Any]]

    def steps(self, start: float, cutoff: float) -> list[tuple[str, float, float]]:
        """Each layer's running sum as ``(layer, month, total)``: the points a step-line chart joins.

        A layer starts at 0 in month ``start``, steps at each month it changes and
        ends at its total in month ``cutoff``.
        """
        rows: list[tuple[str, float, float]] = []
        for layer, total in self.totals.items():
            changes = {row["month"]: row["total"] for row in self.counted if row["layer"] == layer}
            rows += [(layer, start, 0.0), *((layer, m, t) for m, t in changes.items()), (layer, cutoff, total)]
        return rows


def count_funding(
    rows: Iterable[Mapping[str, Any]],
    *,
    measure: str,
    flow: bool,
    layers: Sequence[str],
    tellers: Sequence[str],
    cutoff: float,
    undated_at_cutoff: bool = False,
) -> FundingCount:
    """Add up one figure by layer up to a cutoff month, a flow summed and a stock replaced.

    Args:
        rows: funding rows, each a mapping with ``company``, ``layer``, ``figure_from``
            (who tells the figure), ``date`` (ISO text, or empty) and the ``measure``
            (a number in US dollars, or NaN / None where the source gives none).
        measure: the key of the figure to add up (``"amount_usd"``).
        flow: True for a flow (rounds add up); False for a stock (each company's
            latest figure replaces its previous one).
        layers: the layers to count, in the order the sums are reported.
        tellers: whose figures to count (values of ``figure_from``).
        cutoff: the last month counted, as :func:`month_number` gives it.
        undated_at_cutoff: place a row with no date at the cutoff (True) or leave it out.

    A row is left out when it has no figure, has no date (unless placed at the
    cutoff), or is dated after ``cutoff``. Rows of the same month keep their order.
    """
    counted: list[dict[str, Any]] = []
    later: list[dict[str, Any]] = []
    no_date: list[dict[str, Any]] = []
    no_figure: list[dict[str, Any]] = []
    for source in rows:
        if source["figure_from"] not in tellers or source["layer"] not in layers:
            continue
        row = dict(source)
        month = month_number(row["date"])
        if math.isnan(month) and undated_at_cutoff:
            month = cutoff
        row["month"] = month
        figure = row[measure]
        if figure is None or (isinstance(figure, float) and math.isnan(figure)):
            no_figure.append(row)
        elif math.isnan(month):
            no_date.append(row)
        elif month > cutoff:
            later.append(row)
        else:
            counted.append(row)
    counted.sort(key=lambda row: row["month"])  # stable: rows of the same month keep their order

    totals = dict.fromkeys(layers, 0.0)
    latest: dict[str, float] = {}  # each company's latest figure, for a stock
    for row in counted:
        figure = float(row[measure])
        row["change"] = figure if flow else figure - latest.get(row["company"], 0.0)
        latest[row["company"]] = figure
        totals[row["layer"]] += row["change"]
        row["total"] = totals[row["layer"]]
    # A layer's total at the end of each month, after every row of that month.
    month_end = {(row["layer"], row["month"]): row["total"] for row in counted}
    for row in counted:
        row["total"] = month_end[row["layer"], row["month"]]
    return FundingCount(counted, totals, later, no_date, no_figure)
