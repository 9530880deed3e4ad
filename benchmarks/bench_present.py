"""Time ``make present``: how long Voila takes to answer, and a visit until its first chart is drawn.

    .venv/bin/python benchmarks/bench_present.py [--lesson 03] [--visits 5] [--cold]

``--cold`` serves without a pre-heated kernel (Voila's default), for comparison.
Reports medians; asserts nothing. Everything stays on 127.0.0.1.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.browser.lab import PANEL, _free_port, _serving, launch_chromium, watch  # noqa: E402
from tools.present import voila_command, voila_env  # noqa: E402
from utils.course import NOTEBOOK_DIR  # noqa: E402

FIRST_CHART = "s => [...document.querySelectorAll(s)].some(p => p.dataset.revision && p.querySelector('svg'))"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lesson", default="03")
    parser.add_argument("--visits", type=int, default=5)
    parser.add_argument("--cold", action="store_true", help="no pre-heated kernel")
    args = parser.parse_args()
    notebook = next(NOTEBOOK_DIR.glob(f"{args.lesson}_*.ipynb"))
    port = _free_port()
    command = [
        part for part in voila_command(notebook, port) if not (args.cold and part.startswith(("--preheat", "--pool")))
    ]
    url = f"http://127.0.0.1:{port}/"
    scratch = Path(tempfile.mkdtemp())
    started = time.perf_counter()
    with _serving(
        command, voila_env(JUPYTER_RUNTIME_DIR=str(scratch / "runtime")), scratch, f"{url}voila/static/voila.js"
    ):
        up = time.perf_counter() - started
        visits = []
        with sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            for _ in range(args.visits):
                time.sleep(8)  # a visitor arrives after the pool has refilled
                page = browser.new_page()
                watch(page)
                begin = time.perf_counter()
                page.goto(url, timeout=120_000)
                page.wait_for_function(FIRST_CHART, arg=PANEL, timeout=120_000)
                visits.append(time.perf_counter() - begin)
                page.close()
            browser.close()
    mode = "cold (no pre-heated kernel)" if args.cold else "pre-heated kernel"
    print(f"make present, lesson {args.lesson}, {mode}: server answering after {up:.1f} s")
    print(
        f"visit to first chart: median {statistics.median(visits):.2f} s over {len(visits)} visits "
        f"(min {min(visits):.2f}, max {max(visits):.2f})"
    )


if __name__ == "__main__":
    main()
