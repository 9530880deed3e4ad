"""Tables a learner can read: every note whole, no row numbers, numbers with separators.

pandas' own display cuts text at 50 characters ("...") and shows the index,
``NaN`` and ``2.467000e+09``. A lesson shows a data table with :func:`table`
instead::

    table(rounds[["company", "amount_usd", "note"]], {"amount_usd": "${:,.0f}"})

The result displays as an HTML table in JupyterLab, Voila and the static pages,
and as full-width plain text wherever HTML is not shown (nbval compares both,
so both are deterministic).
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Callable, Mapping
from typing import Any

import pandas as pd

__all__ = ["MISSING", "Table", "table"]

MISSING = "–"  # what an empty cell shows: a value the source does not give
Formatter = str | Callable[[Any], str]


def readable_number(value: Any) -> str:
    """A number as a person writes it: 2,467,000,000 and 0.354, never 2.467000e+09 or NaN.

    Whole numbers get thousands separators; other floats keep up to three
    decimals (trailing zeros dropped), and at least three significant figures.
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return MISSING
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return str(value)
    if float(value).is_integer():
        return f"{value:,.0f}"
    decimals = max(3, 2 - math.floor(math.log10(abs(value))))
    return f"{value:,.{decimals}f}".rstrip("0").rstrip(".")


def _cell_text(value: Any, formatter: Formatter | None) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return MISSING
    if formatter is None:
        return readable_number(value)
    return formatter(value) if callable(formatter) else formatter.format(value)


class Table:
    """A DataFrame shown for reading; build it with :func:`table`."""

    def __init__(self, frame: pd.DataFrame, formats: Mapping[str, Formatter]) -> None:
        unknown = set(formats) - set(frame.columns)
        if unknown:
            raise ValueError(f"formats names columns the table does not have: {sorted(unknown)}.")
        self.frame = frame.reset_index(drop=True)
        self.formats = dict(formats)

    def text_frame(self) -> pd.DataFrame:
        """Every cell as the text the learner reads."""
        return pd.DataFrame(
            {column: [_cell_text(v, self.formats.get(column)) for v in self.frame[column]] for column in self.frame},
            columns=self.frame.columns,
        )

    def __repr__(self) -> str:
        with pd.option_context("display.max_colwidth", None, "display.width", None):
            return self.text_frame().to_string(index=False)

    def _repr_html_(self) -> str:
        text = self.text_frame()
        # mathjax_ignore: JupyterLab and Voila typeset HTML outputs, and would read "$87M of $111M" as a formula.
        styled = text.style.hide(axis="index").set_table_attributes('class="pp-table mathjax_ignore"')
        # A stable id, so that a re-run of the lesson stores the same HTML.
        styled = styled.set_uuid(hashlib.sha1(repr(self).encode()).hexdigest()[:8])
        styled = styled.set_table_styles([{"selector": "td, th", "props": "text-align: left; white-space: normal;"}])
        # A table wider than the page scrolls inside its own region, which the keyboard can reach (WCAG 2.1.1).
        return (
            '<div class="pp-table-scroll" role="region" aria-label="Table" tabindex="0" '
            f'style="overflow-x: auto; max-width: 100%;">{styled.to_html()}</div>'
        )


def table(frame: pd.DataFrame, formats: Mapping[str, Formatter] | None = None) -> Table:
    """Show ``frame`` whole: no index, no cut text, readable numbers, ``–`` where a value is missing.

    ``formats`` maps a column to a format string (``"{:.1%}"``, ``"${:,.0f}M"``)
    or a function of the value; other numeric columns get :func:`readable_number`.
    """
    return Table(frame, formats or {})
