"""Write student copies of the lessons: no worked solutions, no answers, outputs cleared.

    python -m tools.student OUT_DIR [--keep-notice]   (or: make student OUT=dir [KEEP_NOTICE=1])

Cells tagged ``solution`` (worked solutions) and ``notice`` (the answers to
"What to notice") are removed with nbconvert's TagRemovePreprocessor, and every
output is cleared, so a learner starts from a clean notebook with the questions
and the self-checks (whose answer key lives in ``utils``, not in the copy).
``--keep-notice`` keeps the notice answers, for self-paced groups.

A learner's work is never overwritten: OUT_DIR/.student-copies.json records the
fingerprint of each copy written, and is rewritten (atomically) after each copy.
On a later run a copy whose fingerprint still matches is refreshed; a copy that
differs (the learner edited it), or that the record does not know, is left
alone, and the run says so. Nothing is written through a link, into the
course's own folders, or over a folder; an unreadable record is named and
treated as empty, which keeps every existing copy.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import tempfile
from pathlib import Path

import nbformat
from nbconvert.exporters import NotebookExporter
from nbconvert.preprocessors import ClearOutputPreprocessor, TagRemovePreprocessor

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
COURSE_FOLDERS = ("notebooks", "data", "utils", "tests", "docs", "tools", "benchmarks", ".git", ".venv")
RECORD = ".student-copies.json"


def student_version(path: Path, keep_notice: bool = False) -> str:
    """The student copy of one lesson, as notebook JSON text."""
    removed = {"solution"} if keep_notice else {"solution", "notice"}
    exporter = NotebookExporter()
    exporter.register_preprocessor(TagRemovePreprocessor(remove_cell_tags=removed, enabled=True), enabled=True)
    exporter.register_preprocessor(ClearOutputPreprocessor(enabled=True), enabled=True)
    body, _ = exporter.from_notebook_node(nbformat.read(path, as_version=4))
    return body


def fingerprint(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def refuse_course_folders(out: Path) -> None:
    """OUT must not be the course folder itself or one of its own folders (where lessons and code live)."""
    resolved = out.resolve()
    if resolved == ROOT or any(resolved.is_relative_to(ROOT / folder) for folder in COURSE_FOLDERS):
        raise ValueError(f"OUT must be a folder for the class, not the course's own {resolved}; try OUT=class/.")


def write_atomically(path: Path, text: str) -> None:
    """Write a new file beside ``path`` and rename it over it: never through a link, never half-written."""
    with tempfile.NamedTemporaryFile("w", dir=path.parent, delete=False, suffix=".tmp", encoding="utf-8") as handle:
        handle.write(text)
    os.replace(handle.name, path)


def read_record(path: Path) -> tuple[dict[str, str], str | None]:
    """The fingerprints written before, and a problem to report if the record could not be read."""
    if path.is_symlink():
        raise ValueError(f"{path} is a link; remove it (the record is never written through a link).")
    if not path.exists():
        return {}, None
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(record, dict) or not all(isinstance(v, str) for v in record.values()):
            raise ValueError("not a mapping of lesson to fingerprint")
    except (OSError, ValueError) as error:
        return {}, f"{path} was unreadable ({error}); every existing copy is kept as if edited"
    return record, None


def write_copies(out: Path, lessons: list[Path], keep_notice: bool = False) -> list[str]:
    """Write or refresh each copy that is safe to write; return one line per lesson saying what happened."""
    refuse_course_folders(out)
    out.mkdir(parents=True, exist_ok=True)
    record_path = out / RECORD
    record, problem = read_record(record_path)
    report = [f"note    {problem}"] if problem else []
    for lesson in lessons:
        target = out / lesson.name
        if target.is_symlink():
            report.append(f"skipped {target} (a link: nothing is written through links)")
            continue
        if target.exists() and not target.is_file():
            report.append(f"skipped {target} (not a file: move it away to get a fresh copy)")
            continue
        if target.exists() and record.get(lesson.name) != fingerprint(target.read_text(encoding="utf-8")):
            report.append(f"kept    {target} (edited since it was written: your work is left alone)")
            continue
        text = student_version(lesson, keep_notice)
        state = (
            "written "
            if not target.exists()
            else "updated "
            if record.get(lesson.name) != fingerprint(text)
            else "same    "
        )
        write_atomically(target, text)
        record[lesson.name] = fingerprint(text)
        write_atomically(record_path, json.dumps(record, indent=1, sort_keys=True) + "\n")
        report.append(f"{state}{target}")
    return report


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.student", description="Write student copies of the lessons.")
    parser.add_argument("out", type=Path, metavar="OUT_DIR")
    parser.add_argument("--keep-notice", action="store_true", help="keep the answers to 'What to notice'")
    args = parser.parse_args(argv)
    try:
        report = write_copies(args.out, sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb")), args.keep_notice)
    except ValueError as error:
        print(f"make student: {error}", file=sys.stderr)
        return 2
    print("\n".join(report))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
