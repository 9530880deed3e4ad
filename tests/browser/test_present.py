"""make present: a lesson in app mode (Voila), offline, tested like the lessons in JupyterLab."""

from __future__ import annotations

from utils.course import NOTEBOOK_DIR

from .lab import PANEL, axe_violations, control_count, nudge, panel_state, running_voila, wait_for_revision
from .test_lessons import expected_panels

LESSON = NOTEBOOK_DIR / "03_serverless_gpu_economics.ipynb"


def test_present_mode_serves_working_panels_offline(page, tmp_path):
    panels = expected_panels(LESSON)
    with running_voila(tmp_path, LESSON) as url:
        page.goto(url, timeout=120_000)
        page.wait_for_function(
            "([s, n]) => [...document.querySelectorAll(s)].filter(p => p.dataset.revision && p.querySelector('svg')).length === n",
            arg=[PANEL, panels], timeout=120_000)
        for panel in range(panels):
            for control in range(control_count(page, panel)):
                before = panel_state(page, panel)
                nudge(page, panel, control)
                wait_for_revision(page, panel, before["revision"])
                after = panel_state(page, panel)
                assert after["chart"] != before["chart"] and after["readout"] != before["readout"]
        violations = axe_violations(page, include=("#rendered_cells",))
    assert violations == [], violations
    assert page.log.external_requests == []
    assert page.log.errors == []
