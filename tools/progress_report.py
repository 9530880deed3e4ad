"""A class report of the learners' progress, from a JupyterHub's home folders.

    python -m tools.progress_report DIR OUT.csv        (or: make progress DIR=/home OUT=class.csv)

Reads ``DIR/<learner>/.plumbing-premium/progress.json`` (what ``utils.checks.check``
writes in each learner's home) and writes one row per learner: how many
exercises they passed, then one column per exercise (``passed``, ``tried 2``,
or empty for not tried). A readable summary, one line per learner with their
count per lesson, is printed too. A learner whose file is unreadable is listed
with nothing passed, never skipped.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

from utils.checks import exercise_ids, read_progress

PROGRESS = Path(".plumbing-premium") / "progress.json"


def status(record: dict | None) -> str:
    if not record:
        return ""
    return "passed" if record.get("passed") else f"tried {record.get('tries', 0)}"


def class_rows(homes: Path) -> list[dict[str, str]]:
    """One row per learner folder that holds a progress file, sorted by learner."""
    ids = exercise_ids()
    rows = []
    for path in sorted(homes.glob(f"*/{PROGRESS}")):
        learner = path.parents[1].name
        record = read_progress(path)
        row = {"learner": learner, "passed": str(sum(bool(record.get(i, {}).get("passed")) for i in ids))}
        row["of"] = str(len(ids))
        row.update({i: status(record.get(i)) for i in ids})
        rows.append(row)
    return rows


def summary(rows: list[dict[str, str]]) -> str:
    """A table to read on screen: learner, exercises passed, and passed per lesson."""
    by_lesson: dict[str, list[str]] = {}
    for exercise_id in exercise_ids():
        by_lesson.setdefault(exercise_id[:2], []).append(exercise_id)
    lines = [["learner", "passed", *(f"L{lesson}" for lesson in by_lesson)]]
    for row in rows:
        done = [f"{sum(row[i] == 'passed' for i in ids)}/{len(ids)}" for ids in by_lesson.values()]
        lines.append([row["learner"], f"{row['passed']}/{row['of']}", *done])
    widths = [max(len(line[column]) for line in lines) for column in range(len(lines[0]))]
    return "\n".join("  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)).rstrip() for line in lines)


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python -m tools.progress_report DIR OUT.csv", file=sys.stderr)
        return 2
    homes, out = Path(argv[0]), Path(argv[1])
    if not homes.is_dir():
        print(f"DIR must be a folder of learners' home folders; {homes} is not a folder.", file=sys.stderr)
        return 2
    rows = class_rows(homes)
    if not rows:
        print(f"no learner in {homes} has a {PROGRESS} yet.", file=sys.stderr)
        return 1
    with out.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    print(summary(rows))
    print(f"\nwrote {out}: {len(rows)} learners")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
