"""make html: every lesson as a standalone page whose charts show with no kernel and no internet."""

from __future__ import annotations

import re

import pytest

from tools.export_html import lesson_html

from .test_lessons import NOTEBOOKS, expected_panels


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    out = tmp_path_factory.mktemp("html")
    for path in NOTEBOOKS:
        (out / f"{path.stem}.html").write_text(lesson_html(path), encoding="utf-8")
    return out


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_static_page_shows_every_chart_offline(page, pages, path):
    html = (pages / f"{path.stem}.html").read_text(encoding="utf-8")
    assert not re.search(r"<script[^>]+src=|<link[^>]+href=[\"']https?://", html)
    page.goto((pages / f"{path.stem}.html").as_uri())
    figures = page.locator("figure.pp-static")
    assert figures.count() == expected_panels(path)
    text = page.inner_text("body")
    assert "\\$" not in text and "&#36;" not in text, "money shows its escape"
    for i in range(figures.count()):
        assert figures.nth(i).locator("svg").count() >= 1
        assert figures.nth(i).locator("li").count() >= 1  # the key numbers, as text
    assert page.log.external_requests == []
    assert page.log.errors == []
