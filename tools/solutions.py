"""Run a lesson's worked solutions in place; after editing a lesson, rewrite what each shows it prints.

    python -m tools.solutions notebooks/07_portfolio_math.ipynb [...]   (or: make solutions)

A worked solution is a Markdown cell tagged ``solution``: inside ``<details>``, a
```` ```python ```` block and, below it, a ```` ```text ```` block of what that code
prints when run after the lesson's cells above it. Run All never runs it (it is
Markdown); ``tests/test_solutions.py`` runs it and requires the text to match and
its check to pass. This tool runs every solution of the lessons named and writes
the text each really prints into its ```` ```text ```` block.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import nbformat

from tools.execute import lesson_client, run_lesson

FENCE = re.compile(r"```(python|text)\n(.*?)```", re.S)


def worked_solution(markdown: str) -> tuple[str, str]:
    """The code of a worked solution (its ```python block) and what it shows it prints (its ```text block)."""
    blocks = dict(FENCE.findall(markdown))
    return blocks.get("python", ""), blocks.get("text", "")


def printed(cell: nbformat.NotebookNode) -> str:
    """What a cell shows as text, in order: its prints, and the value of its last line (a check's message).

    Only stdout counts as a print: the kernel's own stderr (e.g. ipykernel's start-up warning that it
    runs over TCP) can be forwarded into whichever cell is running, and is no part of the solution.
    """
    shown = {
        "stream": lambda o: o.get("text", "") if o.get("name") == "stdout" else "",
        "execute_result": lambda o: o.get("data", {}).get("text/plain", ""),
    }
    return "".join(shown[o.output_type](o) for o in cell.outputs if o.output_type in shown)


def run_solutions(path: Path) -> list[tuple[int, str, str, str]]:
    """Run the lesson with each worked solution as a code cell in its place, in a fresh kernel.

    Returns, for each solution: its cell index, its code, the text it shows and the text it printed.
    """
    notebook = nbformat.read(path, as_version=4)
    solutions = []
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type == "markdown" and "solution" in cell.metadata.get("tags", []):
            code, shown = worked_solution(cell.source)
            if not code:
                raise ValueError(f"{path.name} cell {index}: a worked solution without a ```python block")
            notebook.cells[index] = nbformat.v4.new_code_cell(code)
            solutions.append((index, code, shown))
    run_lesson(lesson_client(notebook, path))
    return [(index, code, shown, printed(notebook.cells[index])) for index, code, shown in solutions]


def update(path: Path) -> int:
    """Write what each solution prints into its ```text block; return how many blocks changed."""
    notebook = nbformat.read(path, as_version=4)
    changed = 0
    for index, _code, shown, output in run_solutions(path):
        if output.rstrip() != shown.rstrip():
            cell = notebook.cells[index]
            cell.source = cell.source.replace(f"```text\n{shown}```", f"```text\n{output.rstrip()}\n```", 1)
            changed += 1
    if changed:
        nbformat.write(notebook, path)
    return changed


def main(paths: list[str]) -> int:
    if not paths:
        print("usage: python -m tools.solutions NOTEBOOK [...]", file=sys.stderr)
        return 2
    for name in paths:
        print(f"{name}: {update(Path(name))} worked solutions' printed text rewritten", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
