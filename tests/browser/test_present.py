"""make present: a lesson in app mode (Voila), offline, tested like the lessons in JupyterLab."""

from __future__ import annotations

import re

from utils.course import NOTEBOOK_DIR

from .lab import PANEL, axe_violations, formulas_holding_prose, move_every_control, running_voila
from .test_lessons import expected_panels

LESSON = NOTEBOOK_DIR / "03_serverless_gpu_economics.ipynb"


def test_present_mode_serves_working_panels_offline(page, tmp_path):
    panels = expected_panels(LESSON)
    bundles = []
    page.on(
        "response", lambda r: bundles.append(r.status) if re.search(r"/voila/static/whatif-\w+\.js$", r.url) else None
    )
    with running_voila(tmp_path, LESSON) as url:
        page.goto(url, timeout=120_000)
        page.wait_for_function(
            "([s, n]) => [...document.querySelectorAll(s)].filter(p => p.dataset.revision && p.querySelector('svg')).length === n",
            arg=[PANEL, panels],
            timeout=120_000,
        )
        assert formulas_holding_prose(page, "#rendered_cells") == [], "money or prose typeset as a formula"
        assert move_every_control(page, panels) > 0
        violations = axe_violations(page, include=("#rendered_cells",))
    assert violations == [], violations
    assert bundles == [200], "the panels' bundle is loaded once, from Voila's static folder"
    assert page.log.external_requests == []
    assert page.log.errors == []
