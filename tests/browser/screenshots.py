"""See a lesson as a learner does: Run All in JupyterLab in Chromium, then screenshots.

    .venv/bin/python -m tests.browser.screenshots 07 [09 ...] [--out DIR] [--width 1280] [--height 800]

For each lesson it writes ``DIR/NN-MMM.png``, one screenshot per screen from
the top of the notebook to its end, for a person to read: garbled formulas,
clipped labels and truncated tables show there and nowhere else.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

import nbformat
from playwright.sync_api import sync_playwright

from utils.course import NOTEBOOK_DIR

from .lab import launch_chromium, run_all, running_lab, watch

WIDGET = "application/vnd.jupyter.widget-view+json"
SCROLLER = ".jp-NotebookPanel:not(.lm-mod-hidden) .jp-WindowedPanel-outer"


def panel_count(path: Path) -> int:
    notebook = nbformat.read(path, as_version=4)
    return sum(WIDGET in o.get("data", {}) for c in notebook.cells if c.cell_type == "code" for o in c.outputs)


def screenshot_panels(page, path: Path, out: Path) -> list[Path]:
    """One PNG per panel, with its height: a panel should fit one screen with its controls beside the chart."""
    shots = []
    panels = page.locator("section.pp-whatif")
    for index in range(panels.count()):
        target = out / f"{path.stem[:2]}-panel-{index + 1}.png"
        panels.nth(index).scroll_into_view_if_needed()
        panels.nth(index).screenshot(path=str(target))
        box = panels.nth(index).bounding_box()
        print(f"  panel {index + 1}: {box['width']:.0f} x {box['height']:.0f} px -> {target}")
        shots.append(target)
    return shots


def screenshot_lesson(page, lab, path: Path, out: Path) -> list[Path]:
    """Run the lesson, then scroll it a screen at a time, writing one PNG per screen, and one per panel."""
    run_all(page, lab, path.name, panel_count(path))
    screenshot_panels(page, path, out)
    page.evaluate(f"document.querySelector('{SCROLLER}').scrollTo(0, 0)")
    shots, seen = [], -1
    for index in range(200):
        page.wait_for_timeout(400)
        target = out / f"{path.stem[:2]}-{index:03d}.png"
        page.screenshot(path=str(target))
        shots.append(target)
        top = page.evaluate(
            f"""() => {{ const s = document.querySelector('{SCROLLER}');
                        s.scrollBy(0, s.clientHeight - 60); return s.scrollTop; }}"""
        )
        if top == seen:
            break
        seen = top
    return shots


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("lessons", nargs="+", help="lesson numbers, e.g. 03 07")
    parser.add_argument("--out", type=Path, default=Path("screenshots"))
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=800)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with running_lab(Path(tempfile.mkdtemp())) as lab, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        for number in args.lessons:
            path = next(NOTEBOOK_DIR.glob(f"{number}_*.ipynb"))
            page = browser.new_page(viewport={"width": args.width, "height": args.height})
            page.log = watch(page)
            shots = screenshot_lesson(page, lab, path, args.out)
            print(f"{path.name}: {len(shots)} screenshots in {args.out}/, console errors: {page.log.errors or 'none'}")
            page.close()
            lab.shut_down_kernels()
        browser.close()


if __name__ == "__main__":
    main()
