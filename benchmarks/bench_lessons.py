"""Benchmark every lesson in a real browser: ``make bench``.

Starts JupyterLab on loopback, opens each lesson in headless Chromium with
every other host blocked, and measures:

- start-up: from "Run All Cells" to the first chart drawn, and to every panel drawn;
- slider latency: from a key press on a control to the chart and the readout
  finished re-drawing (timed inside the page), several presses per control;
- memory: the lesson kernel's resident memory after the run and the presses.

Prints medians and 95th percentiles; asserts nothing (the machine is shared and
noisy: read the figures, compare them, report them).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import psutil
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.browser.lab import (  # noqa: E402
    PANEL,
    control_count,
    launch_chromium,
    nudge,
    panel_state,
    running_lab,
    wait_for_revision,
    watch,
)
from tests.browser.test_lessons import NOTEBOOKS, expected_panels  # noqa: E402

TIMER = """() => {
    window.__pp = {pressed: 0, samples: []};
    document.addEventListener('keydown', e => {
        if (e.target.closest && e.target.closest('section.pp-whatif')) window.__pp.pressed = performance.now();
    }, true);
    const observer = new MutationObserver(() => {
        if (window.__pp.pressed) window.__pp.samples.push(performance.now() - window.__pp.pressed);
        window.__pp.pressed = 0;
    });
    document.querySelectorAll('section.pp-whatif').forEach(p => observer.observe(p, {attributeFilter: ['data-revision']}));
}"""


def percentile(values: list[float], q: float) -> float:
    return float(np.percentile(values, q)) if values else float("nan")


def kernel_memory_mb(runtime_dir: Path) -> float:
    """Resident memory of the kernels started by this JupyterLab (matched by their connection files)."""
    total = 0
    for process in psutil.process_iter(["cmdline", "memory_info"]):
        if any(str(runtime_dir) in part for part in process.info["cmdline"] or []):
            total = max(total, process.info["memory_info"].rss)
    return total / 2**20


def count_socket_bytes(page) -> dict[str, int]:
    """Bytes the page receives over WebSockets (the kernel's messages), counted as they arrive."""
    received = {"bytes": 0, "largest": 0}

    def frame(payload) -> None:
        size = len(payload.encode() if isinstance(payload, str) else payload)
        received["bytes"] += size
        received["largest"] = max(received["largest"], size)

    page.on("websocket", lambda socket: socket.on("framereceived", frame))
    return received


def start_up(page, lab, notebook: str, panels: int) -> tuple[float, float]:
    """Seconds from Run All Cells to the first chart, and to every panel drawn."""
    page.goto(lab.lesson_url(notebook))
    page.locator(".jp-StatusBar-TextItem", has_text="| Idle").wait_for(timeout=120_000)
    page.locator(".lm-MenuBar-itemLabel", has_text="Run").click()
    started = time.perf_counter()
    page.locator(".lm-Menu-itemLabel").get_by_text("Run All Cells", exact=True).click()
    page.locator(f"{PANEL} .pp-chart svg").first.wait_for(timeout=120_000)
    first = time.perf_counter() - started
    page.wait_for_function(
        "([s, n]) => [...document.querySelectorAll(s)].filter(p => p.querySelector('svg')).length === n",
        arg=[PANEL, panels],
        timeout=120_000,
    )
    return first, time.perf_counter() - started


def measure_lesson(page, lab, path: Path, presses: int) -> dict:
    panels = expected_panels(path)
    socket = count_socket_bytes(page)
    first_chart, all_panels = start_up(page, lab, path.name, panels)
    start_up_bytes = dict(socket)
    page.wait_for_function(
        "() => ![...document.querySelectorAll('.jp-InputPrompt')].some(p => p.textContent.includes('*'))"
    )
    page.evaluate(TIMER)
    per_control = {}
    for panel in range(panels):
        for control in range(control_count(page, panel)):
            label = (
                page.locator(PANEL)
                .nth(panel)
                .locator("input, select")
                .nth(control)
                .evaluate("el => el.labels[0].textContent")
            )
            before = len(page.evaluate("() => window.__pp.samples"))
            for press in range(presses):
                revision = panel_state(page, panel)["revision"]
                nudge(page, panel, control)
                try:
                    wait_for_revision(page, panel, revision)
                except PlaywrightTimeout:
                    value = page.locator(PANEL).nth(panel).locator("input, select").nth(control).input_value()
                    raise RuntimeError(
                        f"{path.stem}, {label!r}, press {press + 1}: no update (value {value}); "
                        f"console errors: {page.log.errors}"
                    ) from None
            per_control[f"panel {panel + 1}: {label}"] = page.evaluate("() => window.__pp.samples")[before:]
    return {
        "first_chart_s": first_chart,
        "socket_mb": start_up_bytes["bytes"] / 2**20,
        "largest_frame_mb": start_up_bytes["largest"] / 2**20,
        "all_panels_s": all_panels,
        "controls": per_control,
        "memory_mb": kernel_memory_mb(lab.root.parent / "runtime"),
        "log": page.log,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--presses", type=int, default=8, help="key presses per control (default 8)")
    parser.add_argument("--only", nargs="*", help="lesson numbers to measure, e.g. 02 03 (default: all)")
    args = parser.parse_args()
    every_sample: list[float] = []
    with tempfile.TemporaryDirectory() as scratch, running_lab(Path(scratch)) as lab, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        for path in [p for p in NOTEBOOKS if not args.only or p.stem.startswith(tuple(args.only))]:
            context = browser.new_context(viewport={"width": 1280, "height": 1000})
            page = context.new_page()
            page.log = watch(page)
            result = measure_lesson(page, lab, path, args.presses)
            context.close()
            lab.shut_down_kernels()
            samples = [s for values in result["controls"].values() for s in values]
            every_sample += samples
            print(f"\n{path.stem}")
            print(f"  start-up: first chart {result['first_chart_s']:.2f} s, all panels {result['all_panels_s']:.2f} s")
            print(
                f"  kernel socket during start-up: {result['socket_mb']:.2f} MB received, "
                f"largest frame {result['largest_frame_mb']:.2f} MB"
            )
            print(f"  kernel memory: {result['memory_mb']:.0f} MB resident")
            print(
                f"  slider latency: median {statistics.median(samples):.0f} ms, p95 {percentile(samples, 95):.0f} ms "
                f"({len(samples)} presses)"
            )
            for name, values in result["controls"].items():
                print(f"    {name:55} median {statistics.median(values):5.0f} ms  p95 {percentile(values, 95):5.0f} ms")
            print(
                f"  external requests: {len(result['log'].external_requests)}, console errors: {len(result['log'].errors)}"
            )
        browser.close()
    print(
        f"\nall lessons: slider latency median {statistics.median(every_sample):.0f} ms, "
        f"p95 {percentile(every_sample, 95):.0f} ms over {len(every_sample)} presses"
    )


if __name__ == "__main__":
    main()
