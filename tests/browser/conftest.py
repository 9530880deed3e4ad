"""Fixtures of the browser tests: one JupyterLab and one Chromium for the whole session."""

from __future__ import annotations

import pytest
from playwright.sync_api import sync_playwright

from .lab import AXE, launch_chromium, running_lab, watch


@pytest.fixture(scope="session")
def lab(tmp_path_factory):
    with running_lab(tmp_path_factory.mktemp("lab")) as server:
        yield server


@pytest.fixture(scope="session")
def browser():
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `npm ci` (make test does).")
    with sync_playwright() as playwright:
        chromium = launch_chromium(playwright)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, lab):
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    page = context.new_page()
    page.log = watch(page)
    yield page
    context.close()
    lab.shut_down_kernels()
