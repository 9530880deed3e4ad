"""The course as a static web site whose panels stay live: ``make html OUT=site/``.

    python -m tools.site OUT_DIR

No Python is needed to read it: serve the folder with any static file server
(``python3 -m http.server --directory OUT_DIR``) or publish it on a static host
(GitHub Pages, for one); opened from disk, browsers run no module scripts and
the panels stay pictures. It holds:

- ``index.html``: the roadmap (lessons, times, questions), the glossary and the formula sheet;
- one page per lesson, executed afresh: text, tables, outputs, and every what-if panel as its
  starting chart (SVG), numbers and values, which reads without JavaScript, then brought to life
  in the page by ``assets/site.js``: the same controls, presets and chart as in JupyterLab,
  computed by each panel's JavaScript twin (``utils/panels/<module>.js``), no kernel;
- formulas drawn as MathML when the site is built (latex2mathml), so they need no script;
- worked solutions and notice answers collapsed, as in the lessons; checks are not run here, and
  each exercise says so.

Nothing is fetched from anywhere: every script and style is in ``assets/``.
"""

from __future__ import annotations

import html
import re
import shutil
import sys
from pathlib import Path

import mistune
import nbformat
from latex2mathml.converter import convert as tex_to_mathml
from nbconvert.exporters import HTMLExporter

from tools.execute import lesson_client, run_lesson
from tools.student import refuse_course_folders
from utils._bundle import bundled_esm
from utils.course import LESSONS, NOTEBOOK_DIR, Lesson
from utils.whatif import STATIC_ENV

ROOT = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent / "site"
TEMPLATES = Path(__file__).resolve().parent / "templates"
PANELS = ROOT / "utils" / "panels"
DOCS = {"glossary": ROOT / "docs" / "glossary.md", "formulas": ROOT / "docs" / "formulas.md"}
REMOTE_CODE = re.compile(r"<script[^>]+src=[\"']https?://|import[^;\n]*[\"']https?://", re.IGNORECASE)

ESCAPED_DOLLAR = re.compile(r"\\\\\$")  # "\\$" in a lesson's Markdown: a literal dollar for MathJax
CODE = re.compile(r"```.*?```|`[^`\n]*`", re.S)
DISPLAY_MATH = re.compile(r"\$\$(.+?)\$\$", re.S)
INLINE_MATH = re.compile(r"\$([^$]+?)\$")
EXERCISE_NOTE = (
    "On this page nothing runs: open the lesson in JupyterLab (make lab) to check your answer, "
    "or open the worked solution below."
)


# --- Markdown: money, formulas and links as a static page needs them ------------------------------


def _protect_code(markdown: str) -> tuple[str, list[str]]:
    codes: list[str] = []

    def keep(match: re.Match[str]) -> str:
        codes.append(match.group(0))
        return f"\x00{len(codes) - 1}\x00"

    return CODE.sub(keep, markdown), codes


def _restore_code(markdown: str, codes: list[str]) -> str:
    return re.sub("\x00(\\d+)\x00", lambda m: codes[int(m.group(1))], markdown)


def math_to_mathml(markdown: str) -> str:
    """``$...$`` and ``$$...$$`` (paired as JupyterLab pairs them) as MathML; ``\\\\$`` money as a dollar."""
    text, codes = _protect_code(markdown)
    text = ESCAPED_DOLLAR.sub("\x01", text)
    text = DISPLAY_MATH.sub(lambda m: tex_to_mathml(m.group(1).strip(), display="block"), text)
    text = INLINE_MATH.sub(lambda m: tex_to_mathml(m.group(1).strip()), text)
    return _restore_code(text.replace("\x01", "&#36;"), codes)


def site_hrefs(page: str) -> str:
    """Links of a rendered page (its Markdown and its outputs) pointed at the site's pages, not at notebooks."""
    page = re.sub(r'href="(?:\.\./notebooks/)?(\d\d_[a-z0-9_]+)\.ipynb', r'href="\1.html', page)
    page = re.sub(r'href="(?:\.\./)?(?:docs/)?(glossary|formulas)\.md', r'href="\1.html', page)
    return re.sub(r'href="(?:\.\./)?README\.md', 'href="index.html', page)


def page_markdown(markdown: str) -> str:
    return math_to_mathml(markdown)


# --- Lesson pages ---------------------------------------------------------------------------------


def prepared_lesson(path: Path) -> nbformat.NotebookNode:
    """The lesson executed with static panels, its Markdown made ready for a page without a kernel."""
    notebook = nbformat.read(path, as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            cell.source = page_markdown(cell.source)
    run_lesson(lesson_client(notebook, path), **{STATIC_ENV: "1"})  # static panels for this kernel only
    for cell in notebook.cells:
        if "exercise" in cell.metadata.get("tags", []):
            cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text=EXERCISE_NOTE)]
    return notebook


def neighbors(lesson: Lesson) -> tuple[Lesson | None, Lesson | None]:
    index = LESSONS.index(lesson)
    return (LESSONS[index - 1] if index else None), (LESSONS[index + 1] if index + 1 < len(LESSONS) else None)


def navigation(lesson: Lesson | None) -> str:
    """The links at the top and bottom of a page: the course, the previous and the next lesson."""
    links = [
        '<a href="index.html">The course</a>',
        '<a href="glossary.html">Glossary</a>',
        '<a href="formulas.html">Formulas</a>',
    ]
    if lesson is not None:
        before, after = neighbors(lesson)
        if before:
            links.insert(
                1, f'<a href="{before.stem}.html" rel="prev">← {before.number:02d} · {html.escape(before.title)}</a>'
            )
        if after:
            links.append(
                f'<a href="{after.stem}.html" rel="next">{after.number:02d} · {html.escape(after.title)} →</a>'
            )
    return f'<nav class="pp-site-nav" aria-label="Course">{" ".join(links)}</nav>'


def lesson_page(lesson: Lesson) -> str:
    exporter = HTMLExporter(
        template_name="site",
        extra_template_basedirs=[str(TEMPLATES)],
        exclude_input_prompt=True,
        exclude_output_prompt=True,
    )
    resources = {"metadata": {"name": f"{lesson.number:02d} · {lesson.title}"}, "pp_nav": navigation(lesson)}
    body, _ = exporter.from_notebook_node(prepared_lesson(NOTEBOOK_DIR / lesson.filename), resources=resources)
    body = site_hrefs(body)
    if REMOTE_CODE.search(body):
        raise RuntimeError(f"{lesson.filename}: the page would load a script from the internet")
    return body


# --- Index, glossary, formulas ----------------------------------------------------------------------


def shell(title: str, main: str, lesson: Lesson | None = None) -> str:
    """A page of the site that is not a lesson: the same styles and navigation."""
    nav = navigation(lesson)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title)}</title><link rel="stylesheet" href="assets/site.css"></head>
<body class="pp-site">{nav}<main class="pp-page">{main}</main>{nav}</body></html>
"""


def markdown_page(title: str, markdown: str) -> str:
    return shell(title, site_hrefs(str(mistune.html(page_markdown(markdown)))))


def index_page() -> str:
    rows = "".join(
        f'<tr><td>{lesson.number:02d}</td><td><a href="{lesson.stem}.html">{html.escape(lesson.title)}</a></td>'
        f"<td>{lesson.minutes}</td><td>{html.escape(lesson.question)}</td></tr>"
        for lesson in LESSONS
    )
    total = sum(lesson.minutes for lesson in LESSONS)
    main = f"""<h1>The Plumbing Premium: why capital flows to AI infrastructure</h1>
<p>An interactive course in twelve lessons: why venture capital rotates from AI applications, which
commoditize, to the infrastructure underneath them. Every lesson has what-if panels: move a slider and the
chart and the numbers follow, computed in this page. Nothing here needs Python, a server or the internet.
Every figure is sourced in the course's data or labeled an assumption.</p>
<h2>The lessons ({total} minutes in all)</h2>
<table class="pp-roadmap"><thead><tr><th>#</th><th>Lesson</th><th>Minutes</th><th>The question it answers</th>
</tr></thead><tbody>{rows}</tbody></table>
<h2>Reference</h2>
<ul><li><a href="glossary.html">Glossary</a>: every term, in a plain sentence, with the lesson that introduces it.</li>
<li><a href="formulas.html">Formula sheet</a>: every model, its formula and units.</li></ul>
<p>On these pages the self-checks do not run: to check your answers and keep your progress, run the course
in JupyterLab (<code>make lab</code>).</p>"""
    return shell("The Plumbing Premium", main)


# --- Assets and the whole site --------------------------------------------------------------------


def write_assets(assets: Path) -> None:
    """Scripts and styles, all local: the panel bundle, the site's script and styles, every panel's twin."""
    twins = assets / "twins"
    twins.mkdir(parents=True, exist_ok=True)
    (assets / "whatif.js").write_text(bundled_esm(), encoding="utf-8")
    shutil.copy(HERE / "site.js", assets / "site.js")
    css = (ROOT / "utils" / "whatif.css").read_text(encoding="utf-8") + (HERE / "site.css").read_text(encoding="utf-8")
    (assets / "site.css").write_text(css, encoding="utf-8")
    for module in PANELS.glob("*.js"):  # the twins and their shared helpers (_format.js)
        shutil.copy(module, twins / module.name)
    modules = sorted(m for m in PANELS.glob("*.js") if not m.name.startswith("_"))
    index = "".join(f'export * as {m.stem} from "./twins/{m.name}";\n' for m in modules)
    (assets / "twins.js").write_text(index or "export {};\n", encoding="utf-8")


def build(out: Path) -> list[Path]:
    refuse_course_folders(out)
    out.mkdir(parents=True, exist_ok=True)
    write_assets(out / "assets")
    written = []
    pages = {"index.html": index_page()}
    pages.update(
        {f"{name}.html": markdown_page(name.title(), path.read_text(encoding="utf-8")) for name, path in DOCS.items()}
    )
    for name, text in pages.items():
        (out / name).write_text(text, encoding="utf-8")
        written.append(out / name)
    for lesson in LESSONS:
        target = out / f"{lesson.stem}.html"
        target.write_text(lesson_page(lesson), encoding="utf-8")
        written.append(target)
        print(f"wrote {target}", flush=True)
    return written


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m tools.site OUT_DIR", file=sys.stderr)
        return 2
    try:
        build(Path(argv[0]))
    except ValueError as error:
        print(f"make html: {error}", file=sys.stderr)
        return 2
    print(f"serve it: python3 -m http.server --directory {argv[0]}  (or publish the folder on a static host)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
