"""Every lesson in a real browser: it runs, every control moves its chart and readout,
nothing is fetched from the internet, nothing logs an error, and axe-core finds no
serious or critical WCAG 2 A/AA violation."""

from __future__ import annotations

import nbformat
import pytest

from utils.course import NOTEBOOK_DIR

from .lab import axe_violations, move_every_control, run_all

NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("*.ipynb"))
WIDGET = "application/vnd.jupyter.widget-view+json"


def expected_panels(path) -> int:
    """How many panels the lesson displays: one widget output each in the committed notebook."""
    notebook = nbformat.read(path, as_version=4)
    return sum(
        WIDGET in output.get("data", {})
        for cell in notebook.cells
        if cell.cell_type == "code"
        for output in cell.outputs
    )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_lesson_runs_and_every_control_moves_chart_and_readout(page, lab, path):
    panels = expected_panels(path)
    run_all(page, lab, path.name, panels)
    moved = move_every_control(page, panels)
    assert moved > 0
    assert page.log.external_requests == [], "requests left localhost"
    assert page.log.errors == [], "the page logged errors"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_lesson_passes_axe_wcag_a_and_aa(page, lab, path):
    run_all(page, lab, path.name, expected_panels(path))
    violations = axe_violations(page)
    assert violations == [], "\n".join(f"{v['id']} ({v['impact']}): {v['help']} at {v['nodes']}" for v in violations)


def test_the_audit_sees_the_panels(page, lab):
    """The audit is not vacuous: an unlabelled slider slipped into a panel is caught."""
    path = NOTEBOOKS[-1]
    run_all(page, lab, path.name, expected_panels(path))
    page.evaluate("document.querySelector('.pp-controls').append(document.createElement('select'))")
    assert any(v["id"] in {"label", "select-name"} for v in axe_violations(page))
