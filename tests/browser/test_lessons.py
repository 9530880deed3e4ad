"""Every lesson in a real browser: it runs, its formulas hold no prose, Run All shows no
worked solution, notice answer or passed check, every control and every preset (pressed
from the keyboard) moves its chart and readout, the tornado chart and the share line
appear on demand, axe-core finds no serious or critical WCAG 2 A/AA violation, nothing
is fetched from the internet and nothing logs an error.

Each lesson is executed once: every check reads the same page."""

from __future__ import annotations

import nbformat
import pytest

from utils.course import NOTEBOOK_DIR

from .lab import (
    answers_shown_after_run_all,
    axe_violations,
    formulas_holding_prose,
    move_every_control,
    press_every_preset_and_tool,
    run_all,
)

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


def describe(violations: list[dict]) -> str:
    return "\n".join(f"{v['id']} ({v['impact']}): {v['help']} at {v['nodes']}" for v in violations)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_lesson_reads_cleanly_passes_axe_and_every_control_moves(page, lab, path):
    panels = expected_panels(path)
    bundles = []
    page.on("response", lambda r: bundles.append(r.status) if "/plumbing-premium/whatif-" in r.url else None)
    run_all(page, lab, path.name, panels)
    assert bundles == [200], "the panels' bundle is loaded once per page, from the server"
    assert formulas_holding_prose(page) == [], "money or prose typeset as a formula"
    assert answers_shown_after_run_all(page) == [], "Run All showed a solution, a notice answer or a pass"
    assert move_every_control(page, panels) > 0
    assert press_every_preset_and_tool(page, panels) > 0
    violations = axe_violations(page)  # with the tornado charts and share lines open
    assert violations == [], describe(violations)
    assert page.log.external_requests == [], "requests left localhost"
    assert page.log.errors == [], "the page logged errors"


def test_the_checks_see_the_page(page, lab):
    """Not vacuous: an unlabelled select slipped into a panel fails axe, and garbled money is caught."""
    path = NOTEBOOKS[-1]
    run_all(page, lab, path.name, expected_panels(path))
    page.evaluate("document.querySelector('.pp-controls').append(document.createElement('select'))")
    assert any(v["id"] in {"label", "select-name"} for v in axe_violations(page))
    garbled = "<mjx-container><mjx-mn>1</mjx-mn><mjx-mi>i</mjx-mi><mjx-mi>n</mjx-mi><mjx-mi>t</mjx-mi></mjx-container>"
    page.evaluate(f"document.querySelector('.jp-MarkdownOutput').insertAdjacentHTML('beforeend', '{garbled}')")
    assert formulas_holding_prose(page) != []
