"""make html: the course as a static site whose panels stay live, offline, from a plain file server.

The site is built once (every lesson executed with static panels), served by Python's
http.server on 127.0.0.1, and read in Chromium with every other host blocked: each page
loads without a console error; every panel's starting chart, numbers and values are in the
HTML (read here with JavaScript off); with JavaScript on, every panel comes alive, every
control and preset redraws its chart, and axe finds no serious or critical violation.
"""

from __future__ import annotations

import re
import subprocess
import sys
from urllib.parse import urljoin

import pytest

from tests.lesson_text import formulas, markdown_cells
from tools.site import build
from utils.course import LESSONS

from .lab import _free_port, _wait_until_up, axe_violations, move_every_control, press_every_preset_and_tool
from .test_lessons import NOTEBOOKS, describe, expected_panels

PAGES = ["index.html", "glossary.html", "formulas.html"] + [f"{lesson.stem}.html" for lesson in LESSONS]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    out = tmp_path_factory.mktemp("site")
    build(out)
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory", str(out)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_until_up(f"http://127.0.0.1:{port}/index.html", server)
        yield out, f"http://127.0.0.1:{port}/"
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_every_link_between_pages_resolves(site):
    out, _ = site
    for page in PAGES:
        text = (out / page).read_text(encoding="utf-8")
        assert ".ipynb" not in re.sub(r"<pre.*?</pre>|<code.*?</code>", "", text, flags=re.S), (
            f"{page} links a notebook"
        )
        for target in re.findall(r'href="([^"#:]+\.html)', text):
            assert (out / target).exists(), f"{page} links to missing {target}"
        assert not re.search(r"<script[^>]+src=[\"']https?://|<link[^>]+href=[\"']https?://", text)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_lesson_page_reads_without_javascript(browser, site, path):
    out, url = site
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(urljoin(url, f"{path.stem}.html"))
    figures = page.locator("figure.pp-static")
    assert figures.count() == expected_panels(path)
    for i in range(figures.count()):
        assert figures.nth(i).locator("svg").count() >= 1
        assert figures.nth(i).locator(".pp-readout-static li, .pp-takeaway").count() >= 1
    text = page.inner_text("body")
    assert "\\$" not in text and "&#36;" not in text and "$$" not in text, "money or TeX shows raw"
    formulas_in_lesson = sum(len(formulas(source)) for _, source in markdown_cells(path))
    assert page.locator("math").count() == formulas_in_lesson, "every formula drawn as MathML"
    context.close()


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_lesson_page_panels_come_alive_and_pass_axe(page, site, path):
    _, url = site
    page.goto(urljoin(url, f"{path.stem}.html"))
    page.wait_for_function("() => document.body.dataset.panelsLive === 'true'", timeout=60_000)
    with_controls = page.locator("figure.pp-static:has(.pp-settings)").count()
    live = page.locator("section.pp-whatif").count()
    assert live == with_controls, f"{with_controls - live} panels stayed pictures: every panel needs its twin"
    if live:
        assert move_every_control(page, live) > 0
        assert press_every_preset_and_tool(page, live) > 0
    assert page.log.external_requests == [] and page.log.errors == []
    violations = axe_violations(page, include=("main",))
    assert violations == [], describe(violations)


@pytest.mark.parametrize("name", ["index.html", "glossary.html", "formulas.html"])
def test_reference_pages_load_cleanly_and_pass_axe(page, site, name):
    _, url = site
    page.goto(urljoin(url, name))
    assert page.log.errors == [] and page.log.external_requests == []
    violations = axe_violations(page, include=("main",))
    assert violations == [], describe(violations)
