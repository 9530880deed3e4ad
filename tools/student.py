"""Write student copies of the lessons: solutions removed, outputs cleared.

    python -m tools.student OUT_DIR        (or: make student OUT=dir)

Cells tagged ``solution`` (the worked solutions and their headings) are removed
with nbconvert's TagRemovePreprocessor; every output is cleared with its
ClearOutputPreprocessor, so a learner starts from a clean notebook. Exercise
prompts and self-checks stay.

A learner's work is never overwritten: OUT_DIR/.student-copies.json records the
fingerprint of each copy written. On a later run a copy whose fingerprint still
matches is refreshed; a copy that differs (the learner edited it), or that the
record does not know, is left alone, and the run says so.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import nbformat
from nbconvert.exporters import NotebookExporter
from nbconvert.preprocessors import ClearOutputPreprocessor, TagRemovePreprocessor

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
RECORD = ".student-copies.json"


def student_version(path: Path) -> str:
    """The student copy of one lesson, as notebook JSON text."""
    exporter = NotebookExporter()
    exporter.register_preprocessor(TagRemovePreprocessor(remove_cell_tags={"solution"}, enabled=True), enabled=True)
    exporter.register_preprocessor(ClearOutputPreprocessor(enabled=True), enabled=True)
    body, _ = exporter.from_notebook_node(nbformat.read(path, as_version=4))
    return body


def fingerprint(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def write_copies(out: Path, lessons: list[Path]) -> list[str]:
    """Write or refresh each copy that is safe to write; return one line per lesson saying what happened."""
    out.mkdir(parents=True, exist_ok=True)
    record_path = out / RECORD
    record = json.loads(record_path.read_text()) if record_path.exists() else {}
    report = []
    for lesson in lessons:
        target = out / lesson.name
        if target.exists() and record.get(lesson.name) != fingerprint(target.read_text(encoding="utf-8")):
            report.append(f"kept    {target} (edited since it was written: your work is left alone)")
            continue
        text = student_version(lesson)
        state = (
            "written "
            if not target.exists()
            else "updated "
            if record.get(lesson.name) != fingerprint(text)
            else "same    "
        )
        target.write_text(text, encoding="utf-8")
        record[lesson.name] = fingerprint(text)
        report.append(f"{state}{target}")
    record_path.write_text(json.dumps(record, indent=1, sort_keys=True) + "\n")
    return report


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m tools.student OUT_DIR", file=sys.stderr)
        return 2
    for line in write_copies(Path(argv[0]), sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
