"""Every number a learner reads in a lesson's prose is one a cell of that lesson prints.

nbval compares every stored output when it re-runs a lesson, so a number that a
cell prints cannot drift from the data or the models; a number typed into the
prose can. Lesson, exercise and list numbers, years, dates, times, quotations
and the insides of formulas and code are not quantities and are skipped.
"""

from __future__ import annotations

import pytest

from tests.lesson_text import markdown_cells, output_text, printed, prose_numbers
from utils.course import NOTEBOOK_DIR

NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("*.ipynb"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_every_number_in_prose_is_printed_by_a_cell(path):
    outputs = output_text(path)
    unprinted = [
        (index, number)
        for index, source in markdown_cells(path)
        for number in prose_numbers(source)
        if not printed(number, outputs)
    ]
    assert unprinted == [], f"numbers in prose that no cell prints (cell, number): {unprinted}"


def test_prose_numbers_skip_what_is_not_a_quantity():
    text = (
        "# 03 · Serverless GPU economics\n**Time:** about 35 minutes. See lesson 05 and exercises 1 and 2.\n"
        "<summary>Worked solution to exercise 11.7</summary>\n"
        "1. **Compute** the cost. A GPU costs \\\\$2.86 an hour; $u^* = 2.5 / 4$, `x = 7`,"
        ' in 2025 (29 Sep 2025), [link](05_x.ipynb). The essay: "move 50 people".\n> quoted 12 here'
    )
    assert prose_numbers(text) == ["2.86"]


def test_printed_ignores_thousands_separators_but_not_digits():
    assert printed("1,645", "Serverless is cheaper by $1645 a month")
    assert printed("1645", "cheaper by $1,645")
    assert not printed("164", "cheaper by $1,645")
    assert not printed("2.8", "2.86 dollars")
