"""Money reads as money and formulas as formulas, in every lesson's Markdown.

JupyterLab and Voila typeset everything between two ``$`` signs of a cell
with MathJax: two amounts in one paragraph ("turned \\$1 into \\$3") become a
formula whose words run together ("1into3"). Money is written ``\\\\$`` in the
source (MathJax shows a literal ``$``); the browser test checks the rendered
page as well.
"""

from __future__ import annotations

import re

import pytest

from tests.lesson_text import formulas, markdown_cells, prose_in_formula
from utils.course import NOTEBOOK_DIR

NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("*.ipynb"))
SINGLE_ESCAPE = re.compile(r"(?<!\\)\\\$")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_money_is_escaped_for_mathjax(path):
    for index, source in markdown_cells(path):
        match = SINGLE_ESCAPE.search(source)
        context = source[max(0, match.start() - 40) : match.end() + 40] if match else ""
        assert not match, f"cell {index}: write money as \\\\$ (a single \\$ becomes a formula): {context!r}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_no_formula_contains_prose(path):
    for index, source in markdown_cells(path):
        for formula in formulas(source):
            words = prose_in_formula(formula)
            assert words is None, f"cell {index}: the formula {formula[:80]!r} holds prose ({words!r}): unpaired money?"


def test_the_check_sees_garbled_money():
    """Not vacuous: the paragraph that garbled lesson 07 is caught, and real formulas pass."""
    garbled = formulas("A 3x deal turned $1 into $3; a 0x deal lost everything.")
    assert [prose_in_formula(f) for f in garbled] == ["into"]
    assert formulas(r"It turned \\$1 into \\$3.") == []
    assert prose_in_formula(r"$\text{cost}_r = P_r \times H \times \lceil \text{PAR} \times D \rceil$") is None
    assert prose_in_formula(r"$$P(t) = \frac{1}{K} + \left(1 - \frac{rK}{K-1}\right)^t .$$") is None
