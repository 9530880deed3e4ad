"""The glossary and the formula sheet stay in step with the lessons and the models.

- ``docs/glossary.md``: one ``### Term`` per entry, in alphabetical order, each
  anchored the way both GitHub and JupyterLab find it, each saying which lesson
  introduces it; every ``glossary.md#anchor`` a lesson links exists.
- ``docs/formulas.md``: every public function of ``utils.models`` has a row, no
  row names a function that is gone, and every worked example still computes
  the result the sheet prints.
"""

from __future__ import annotations

import importlib
import inspect
import math
import re
from pathlib import Path

import nbformat
import pytest

import utils.models
from utils.course import LESSONS, NOTEBOOK_DIR

DOCS = Path(__file__).resolve().parent.parent / "docs"
GLOSSARY = DOCS / "glossary.md"
FORMULAS = DOCS / "formulas.md"
NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("*.ipynb"))

# Anchors the lessons were asked to link (issue 12): each must exist.
REQUIRED_ANCHORS = [
    "gross-margin",
    "p99-latency",
    "tail-latency",
    "mixture-of-experts",
    "coefficient-of-variation",
    "scale-to-zero",
    "gpu-hour",
    "flops",
    "mfu",
    "hhi",
    "gini",
    "arpu",
    "nrr",
    "ltv",
    "churn",
    "utilization",
    "cold-start",
    "power-law",
    "standard-deviation",
    "mean",
    "median",
    "multiple",
    "valuation",
    "switching-cost",
    "model-agnostic",
    "commoditization",
    "availability",
    "fan-out",
    "retries",
    "inference",
    "concentration",
    "scenario",
    "expected-value",
]

HEADING = re.compile(r'^### <span data-jupyter-id="([^"]*)"></span>(.+)$', re.M)
LESSON_LINK = re.compile(r"\]\((\.\./notebooks/[^)#]+\.ipynb)\)")
GLOSSARY_LINK = re.compile(r"glossary\.md#([^)\s\"']+)")


# ---------------------------------------------------------------- helpers (tested below)


def slug(term: str) -> str:
    """GitHub's anchor for a heading: lowercase, punctuation dropped, spaces to hyphens."""
    return re.sub(r"[^\w\- ]", "", term.strip().lower()).replace(" ", "-")


def glossary_entries(text: str) -> list[tuple[str, str, str]]:
    """(anchor, term, body) of each entry; the body runs to the next heading."""
    matches = list(HEADING.finditer(text))
    ends = [m.start() for m in matches[1:]] + [len(text)]
    return [(m.group(1), m.group(2).strip(), text[m.end() : end]) for m, end in zip(matches, ends, strict=True)]


def introduced_in(body: str) -> list[str]:
    """The lesson paths linked from an entry's ``Introduced in:`` line."""
    lines = [line for line in body.splitlines() if line.startswith("Introduced in:")]
    return LESSON_LINK.findall(lines[0]) if len(lines) == 1 else []


def sheet_rows(text: str) -> list[tuple[str, str]]:
    """(function name, example cell) of each row of the formula sheet's tables."""
    rows = []
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")] if line.startswith("| `") else []
        if cells:
            rows.append((cells[0].strip("`"), cells[-1]))
    return rows


def parse_example(cell: str) -> tuple[str, str] | None:
    """``\\`call\\` = result`` into (call, result); None for a row without an example ("–")."""
    match = re.fullmatch(r"`([^`]+)` = (.+)", cell)
    return (match.group(1), match.group(2).strip()) if match else None


def agrees(value, printed: str) -> bool:
    """Whether ``value`` rounds to ``printed`` at the precision printed (commas ignored)."""
    try:
        expected = float(printed.replace(",", ""))
    except ValueError:
        return str(value) == printed
    decimals = len(printed.split(".")[1]) if "." in printed else 0
    return math.isclose(float(value), expected, abs_tol=0.5 * 10**-decimals + 1e-12)


def public_functions() -> set[str]:
    """Functions named in ``utils.models.__all__`` or in the ``__all__`` of any of its modules."""
    names = {n for n in utils.models.__all__ if inspect.isfunction(getattr(utils.models, n))}
    for path in Path(utils.models.__file__).parent.glob("[!_]*.py"):
        module = importlib.import_module(f"utils.models.{path.stem}")
        names |= {n for n in getattr(module, "__all__", []) if inspect.isfunction(getattr(module, n))}
    return names


def lesson_anchor_links(path: Path) -> list[tuple[int, str]]:
    """(cell index, anchor) of every glossary link in a lesson's Markdown."""
    notebook = nbformat.read(path, as_version=4)
    return [
        (index, anchor)
        for index, cell in enumerate(notebook.cells)
        if cell.cell_type == "markdown"
        for anchor in GLOSSARY_LINK.findall(cell.source)
    ]


# ---------------------------------------------------------------- the glossary

ENTRIES = glossary_entries(GLOSSARY.read_text(encoding="utf-8"))
ANCHORS = {anchor for anchor, _, _ in ENTRIES}


def test_glossary_has_entries_for_every_heading():
    headings = re.findall(r"^### ", GLOSSARY.read_text(encoding="utf-8"), flags=re.M)
    assert len(ENTRIES) == len(headings) > 50, "every ### heading must start with its anchor span"


def test_glossary_anchors_are_the_github_slug_of_the_term():
    """JupyterLab finds the span's data-jupyter-id, GitHub the heading's slug: the two must agree."""
    wrong = [(anchor, term) for anchor, term, _ in ENTRIES if anchor != slug(term)]
    assert wrong == []


def test_glossary_is_alphabetical_and_without_duplicates():
    terms = [term.lower() for _, term, _ in ENTRIES]
    assert terms == sorted(terms)
    assert len(set(terms)) == len(terms)


def test_glossary_has_the_anchors_the_lessons_were_asked_to_link():
    assert sorted(set(REQUIRED_ANCHORS) - ANCHORS) == []


def test_every_entry_says_which_existing_lesson_introduces_it():
    stems = {lesson.stem for lesson in LESSONS}
    for anchor, _, body in ENTRIES:
        links = introduced_in(body)
        assert links, f"{anchor}: no 'Introduced in: [lesson NN](../notebooks/...)' line"
        for link in links:
            assert (DOCS / link).resolve().exists(), f"{anchor}: links a missing lesson {link}"
            assert Path(link).stem in stems, f"{anchor}: {link} is not a course lesson"


def test_links_inside_the_glossary_resolve():
    text = GLOSSARY.read_text(encoding="utf-8")
    for anchor in re.findall(r"\]\(#([^)]+)\)", text):
        assert anchor in ANCHORS, f"glossary links #{anchor}, which has no entry"
    for target in re.findall(r"\]\(([^)#:]+)(?:#[^)]*)?\)", text):
        assert (DOCS / target).exists(), f"glossary links missing file {target}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_lessons_link_only_glossary_anchors_that_exist(path):
    missing = [(index, anchor) for index, anchor in lesson_anchor_links(path) if anchor not in ANCHORS]
    assert missing == [], f"glossary anchors linked but not defined (cell, anchor): {missing}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_lessons_link_docs_that_exist(path):
    notebook = nbformat.read(path, as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            for target in re.findall(r"\]\((\.\./docs/[^)#]+)", cell.source):
                assert (path.parent / target).exists(), f"{path.name} links missing {target}"


# ---------------------------------------------------------------- the formula sheet

SHEET = FORMULAS.read_text(encoding="utf-8")
ROWS = sheet_rows(SHEET)


def test_every_public_model_function_has_a_row():
    listed = {name for name, _ in ROWS}
    assert sorted(public_functions() - listed) == [], "add these to docs/formulas.md"


def test_every_row_names_a_public_model_function():
    assert sorted({name for name, _ in ROWS} - public_functions()) == [], "rows for functions that are gone"


def test_the_other_public_names_are_mentioned():
    for name in utils.models.__all__:
        assert f"`{name}" in SHEET, f"{name} is public in utils.models but not on the formula sheet"


def test_sections_name_real_lessons():
    titles = {f"{lesson.number:02d} · {lesson.title}" for lesson in LESSONS}
    for heading in re.findall(r"^## (.+)$", SHEET, flags=re.M):
        assert any(heading.startswith(title) for title in titles), f"section {heading!r} names no lesson"


@pytest.mark.parametrize("name,cell", [row for row in ROWS if parse_example(row[1])], ids=lambda v: str(v)[:30])
def test_worked_examples_compute_what_the_sheet_prints(name, cell):
    call, printed = parse_example(cell)
    assert call.startswith(name), f"the example of {name} calls something else: {call}"
    namespace = {n: getattr(utils.models, n) for n in utils.models.__all__}
    namespace |= {n: getattr(importlib.import_module(f"utils.models.{m}"), n) for m, n in _submodule_only()}
    value = eval(call, namespace)  # noqa: S307 - the sheet is the project's own file
    assert agrees(value, printed), f"{call} gives {value}, the sheet says {printed}"


def _submodule_only() -> list[tuple[str, str]]:
    """(module, name) of public functions not re-exported by ``utils.models``."""
    pairs = []
    for path in Path(utils.models.__file__).parent.glob("[!_]*.py"):
        module = importlib.import_module(f"utils.models.{path.stem}")
        pairs += [(path.stem, n) for n in getattr(module, "__all__", []) if n not in utils.models.__all__]
    return pairs


def test_every_function_row_has_a_worked_example_or_is_a_simulation():
    bare = [name for name, cell in ROWS if not parse_example(cell) and not name.startswith("simulate_")]
    assert bare == []


# ---------------------------------------------------------------- the checks themselves are not vacuous


def test_helpers_catch_what_they_are_meant_to():
    assert (
        slug("p99 latency") == "p99-latency"
        and slug("GPU-hour") == "gpu-hour"
        and slug("Winners' share") == "winners-share"
    )
    text = (
        '### <span data-jupyter-id="churn"></span>Churn\n\nCustomers lost.\n\n'
        "Introduced in: [lesson 01](../notebooks/01_picks_and_shovels.ipynb); also in "
        "[lesson 99](../notebooks/99_gone.ipynb).\n"
    )
    [(anchor, term, body)] = glossary_entries(text)
    assert (anchor, term) == ("churn", "Churn")
    assert introduced_in(body) == ["../notebooks/01_picks_and_shovels.ipynb", "../notebooks/99_gone.ipynb"]
    assert not (DOCS / introduced_in(body)[1]).exists()
    assert GLOSSARY_LINK.findall("see [churn](../docs/glossary.md#churn) and [x](../docs/glossary.md#nope)") == [
        "churn",
        "nope",
    ]
    assert "nope" not in ANCHORS
    rows = sheet_rows("| function | formula |\n|---|---|\n| `hhi` | sum | points | `hhi([50, 50])` = 5000 |\n")
    assert rows == [("hhi", "`hhi([50, 50])` = 5000")]
    assert parse_example(rows[0][1]) == ("hhi([50, 50])", "5000")
    assert agrees(0.27291, "0.2729") and not agrees(0.2739, "0.2729") and agrees(37500.0, "37,500")
    assert agrees("mixed", "mixed") and not agrees("mixed", "plumbing-like")
