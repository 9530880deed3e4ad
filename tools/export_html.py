"""Write every lesson as a standalone HTML page that needs no kernel and no internet.

    python -m tools.export_html OUT_DIR        (or: make html OUT=dir)

Each lesson is executed afresh with PLUMBING_STATIC=1, which makes every panel
also emit its chart as SVG (drawn by Vega through vl-convert, in Python) with
its key numbers, at the panel's starting values. nbconvert's HTML exporter then
writes one self-contained page per lesson with the ``offline`` template beside
this file: JupyterLab's styles inlined, and nothing loaded from anywhere (no
Mermaid, no MathJax: formulas stay as readable TeX).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import nbformat
from nbconvert.exporters import HTMLExporter

from tools.execute import lesson_client, run_lesson
from utils.whatif import STATIC_ENV

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
TEMPLATES = Path(__file__).resolve().parent / "templates"
ESCAPED_DOLLAR = re.compile(r"\\\\\$")  # "\\$" in a lesson's Markdown: a literal dollar for MathJax
REMOTE_CODE = re.compile(r"<script[^>]+src=[\"']https?://|import[^;\n]*[\"']https?://", re.IGNORECASE)


def lesson_html(path: Path) -> str:
    """Execute one lesson with static panels and export it as a standalone page."""
    notebook = nbformat.read(path, as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "markdown":  # no MathJax here to read the escape: write the dollar itself
            cell.source = ESCAPED_DOLLAR.sub("&#36;", cell.source)
    run_lesson(lesson_client(notebook, path), **{STATIC_ENV: "1"})  # static panels for this kernel only
    exporter = HTMLExporter(
        template_name="offline",
        extra_template_basedirs=[str(TEMPLATES)],
        exclude_input_prompt=True,
        exclude_output_prompt=True,
    )
    body, _ = exporter.from_notebook_node(notebook, resources={"metadata": {"name": path.stem}})
    if REMOTE_CODE.search(body):
        raise RuntimeError(f"{path.name}: the page would load a script from the internet")
    return body


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m tools.export_html OUT_DIR", file=sys.stderr)
        return 2
    out = Path(argv[0])
    out.mkdir(parents=True, exist_ok=True)
    for lesson in sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb")):
        target = out / f"{lesson.stem}.html"
        target.write_text(lesson_html(lesson), encoding="utf-8")
        print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
