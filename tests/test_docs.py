"""The teacher guide is generated from the lessons and stays in step with them."""

import yaml

from tools import teaching_guide
from utils.course import LESSONS


def test_teacher_guide_is_up_to_date():
    assert teaching_guide.main(["--check"]) == 0, "run: python tools/teaching_guide.py"


def test_every_lesson_has_discussion_questions_and_misconceptions():
    notes = yaml.safe_load(teaching_guide.NOTES.read_text())
    for lesson in LESSONS:
        assert notes[lesson.stem]["discussion"] and notes[lesson.stem]["misconceptions"], lesson.stem


def test_guide_lists_each_lesson_with_its_time_and_objectives():
    guide = teaching_guide.GUIDE.read_text()
    for lesson in LESSONS:
        assert f"## {lesson.number:02d} · {lesson.title} ({lesson.minutes} minutes)" in guide


def test_every_lesson_says_what_to_skip_when_time_is_short():
    notes = yaml.safe_load(teaching_guide.NOTES.read_text())
    for lesson in LESSONS:
        assert notes[lesson.stem].get("session"), f"{lesson.stem}: add a one-line 'session:' note"


def test_the_guide_carries_every_lessons_notice_answers():
    guide = teaching_guide.GUIDE.read_text()
    for lesson in LESSONS:
        notebook = teaching_guide.nbformat.read(teaching_guide.NOTEBOOK_DIR / lesson.filename, as_version=4)
        answers = teaching_guide.notice_answers(notebook)
        assert answers, f"{lesson.stem}: no answers to 'What to notice'"
        assert all(answer in guide for answer in answers)


def test_the_contributing_map_points_at_files_that_exist():
    """CONTRIBUTING.md's map from each lesson to its models, panel, twin, data, key and tests stays true."""
    import re
    from pathlib import Path

    root = Path(teaching_guide.ROOT)
    rows = [line for line in (root / "CONTRIBUTING.md").read_text().splitlines() if re.match(r"\| \d\d \|", line)]
    assert [row[2:4] for row in rows] == [f"{lesson.number:02d}" for lesson in LESSONS]
    for row in rows:
        _, models, panels, data, key, tests = (cell.strip() for cell in row.strip("|").split("|"))
        paths = [root / "utils/models" / p for p in re.findall(r"`([\w.]+)`", models)]
        paths += [root / "utils/panels" / p for p in re.findall(r"`([\w.]+)`", panels)]
        paths += [root / "data" / p for p in re.findall(r"`([\w.]+)`", data)]
        paths += [root / p for p in re.findall(r"`([\w./]+)`", key + tests)]
        missing = [str(p.relative_to(root)) for p in paths if not p.exists()]
        assert missing == [], f"lesson {row[2:4]}: {missing}"
