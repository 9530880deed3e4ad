"""Worked solutions are Markdown, so Run All never runs or shows them; here each one is run.

A solution cell (Markdown, tagged ``solution``, inside ``<details>``) holds the
code of the worked solution and, below it, what that code prints. This test
runs every lesson in a fresh kernel with each solution's code put back in place
as a cell (``tools.solutions``), and requires that the solution prints exactly
what it shows and that its final ``check`` passes against the course's answer key.
"""

from __future__ import annotations

import pytest

from tests.lesson_text import CHECK_CALL
from tools.solutions import run_solutions
from utils.course import NOTEBOOK_DIR

NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("*.ipynb"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_every_worked_solution_prints_what_it_shows_and_passes_its_check(path):
    for _index, code, shown, printed in run_solutions(path):
        ids = CHECK_CALL.findall(code)
        assert ids, f'{path.name}: a solution must end with check("LL.N", ...):\n{code}'
        assert printed.rstrip() == shown.rstrip(), f"{path.name}: the solution to {ids[0]} prints other text"
        assert f"Exercise {ids[-1]}: correct." in printed
