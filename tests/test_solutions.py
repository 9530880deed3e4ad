"""Worked solutions are Markdown, so Run All never runs or shows them; here each one is run.

A solution cell (Markdown, tagged ``solution``, inside ``<details>``) holds the
code of the worked solution and, below it, what that code prints. This test
runs every lesson in a fresh kernel with each solution's code put back in place
as a cell, and requires that the solution prints exactly what it shows and that
its final ``check`` passes against the course's answer key.
"""

from __future__ import annotations

import nbformat
import pytest

from tests.lesson_text import CHECK_CALL, tags, worked_solution
from tools.execute import lesson_client, run_lesson
from utils.course import NOTEBOOK_DIR

NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("*.ipynb"))


def printed(cell) -> str:
    """What the cell shows as text, in order: its prints, and the value of its last line (a check's message).

    Only stdout counts as a print: the kernel's own stderr (e.g. ipykernel's start-up warning that it
    runs over TCP) can be forwarded into whichever cell is running, and is no part of the solution.
    """
    shown = {
        "stream": lambda o: o.get("text", "") if o.get("name") == "stdout" else "",
        "execute_result": lambda o: o.get("data", {}).get("text/plain", ""),
    }
    return "".join(shown[o.output_type](o) for o in cell.outputs if o.output_type in shown)


def with_solutions_run(path):
    """The lesson with each worked solution as a code cell; returns (notebook, [(solution cell, shown text)])."""
    notebook = nbformat.read(path, as_version=4)
    solutions = []
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type == "markdown" and "solution" in tags(cell):
            code, shown = worked_solution(cell.source)
            assert code, f"{path.name} cell {index}: a solution without a ```python block"
            notebook.cells[index] = nbformat.v4.new_code_cell(code)
            solutions.append((notebook.cells[index], shown))
    run_lesson(lesson_client(notebook, path))
    return solutions


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_every_worked_solution_prints_what_it_shows_and_passes_its_check(path):
    for cell, shown in with_solutions_run(path):
        ids = CHECK_CALL.findall(cell.source)
        assert ids, f'{path.name}: a solution must end with check("LL.N", ...):\n{cell.source}'
        assert printed(cell).rstrip() == shown.rstrip(), f"{path.name}: the solution to {ids[0]} prints other text"
        assert f"Exercise {ids[-1]}: correct." in printed(cell)
