"""Time the static course site: a key press on a slider to the panel redrawn, computed in the page.

    .venv/bin/python benchmarks/bench_site.py [--site DIR] [--presses 6] [--only 03 07]

Builds the site (``make html``) unless ``--site`` names one already built, serves it
with Python's http.server on 127.0.0.1, and in headless Chromium presses keys on
every control of every lesson's panels: from the key press to the chart redrawn
and the next frame painted. Reports medians and 95th percentiles; asserts nothing.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.browser.lab import (  # noqa: E402
    PANEL,
    _free_port,
    _wait_until_up,
    control_count,
    launch_chromium,
    nudge,
    panel_state,
    wait_for_revision,
    watch,
)
from tools.site import build  # noqa: E402
from utils.course import LESSONS  # noqa: E402

# From the key press to the frame after the panel's revision changes (the chart redrawn and painted).
TIMER = """() => {
    window.__pp = {pressed: 0, samples: []};
    document.addEventListener('keydown', e => {
        if (e.target.closest && e.target.closest('section.pp-whatif')) window.__pp.pressed = performance.now();
    }, true);
    const observer = new MutationObserver(() => {
        const pressed = window.__pp.pressed;
        if (!pressed) return;
        window.__pp.pressed = 0;
        requestAnimationFrame(() => window.__pp.samples.push(performance.now() - pressed));
    });
    document.querySelectorAll('section.pp-whatif').forEach(p => observer.observe(p, {attributeFilter: ['data-revision']}));
}"""


def measure(page, url: str, presses: int) -> list[float]:
    page.goto(url)
    page.wait_for_function("() => document.body.dataset.panelsLive === 'true'", timeout=60_000)
    page.evaluate(TIMER)
    panels = page.locator(PANEL).count()
    for panel in range(panels):
        for control in range(control_count(page, panel)):
            for _ in range(presses):
                revision = panel_state(page, panel)["revision"]
                nudge(page, panel, control)
                wait_for_revision(page, panel, revision)
                page.wait_for_timeout(30)  # the next frame
    return page.evaluate("() => window.__pp.samples")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a site already built with make html")
    parser.add_argument("--presses", type=int, default=6)
    parser.add_argument("--only", nargs="*", help="lesson numbers, e.g. 03 07")
    args = parser.parse_args()
    site = args.site or Path(tempfile.mkdtemp()) / "site"
    if not args.site:
        build(site)
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory", str(site)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    every: list[float] = []
    try:
        _wait_until_up(f"http://127.0.0.1:{port}/index.html", server)
        with sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            for lesson in LESSONS:
                if args.only and f"{lesson.number:02d}" not in args.only:
                    continue
                page = browser.new_page(viewport={"width": 1280, "height": 1000})
                page.log = watch(page)
                started = time.perf_counter()
                samples = measure(page, f"http://127.0.0.1:{port}/{lesson.stem}.html", args.presses)
                page.close()
                every += samples
                if samples:
                    print(
                        f"{lesson.stem}: median {statistics.median(samples):.1f} ms, "
                        f"p95 {np.percentile(samples, 95):.1f} ms over {len(samples)} presses "
                        f"({time.perf_counter() - started:.0f} s)"
                    )
            browser.close()
    finally:
        server.terminate()
    if every:
        print(
            f"all lessons: key press to redrawn chart, median {statistics.median(every):.1f} ms, "
            f"p95 {np.percentile(every, 95):.1f} ms over {len(every)} presses"
        )


if __name__ == "__main__":
    main()
