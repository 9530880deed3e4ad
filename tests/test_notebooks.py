"""Every lesson has the shape the course promises, and is committed small and executed.

nbval (run over ``notebooks/``) re-executes the lessons and compares outputs;
these tests read the committed files themselves.
"""

import hashlib
import json
import re
from pathlib import Path

import nbformat
import pytest

from utils.course import LESSONS, NOTEBOOK_DIR

NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("*.ipynb"))
WIDGET = "application/vnd.jupyter.widget-view+json"


def _read(path: Path) -> nbformat.NotebookNode:
    return nbformat.read(path, as_version=4)


def _markdown(notebook) -> str:
    return "\n".join(cell.source for cell in notebook.cells if cell.cell_type == "markdown")


def _ids(paths):
    return [p.stem for p in paths]


def _tagged(cell, tag: str) -> bool:
    return tag in cell.metadata.get("tags", [])


def _is_exercise(cell) -> bool:
    """A learner's cell: tagged exercise, it ends in a self-check."""
    return cell.cell_type == "code" and _tagged(cell, "exercise")


def _is_panel(cell) -> bool:
    """A cell that shows a what-if panel (a widget with controls; ``show(chart)`` draws a chart alone)."""
    widget = any(WIDGET in o.get("data", {}) for o in cell.get("outputs", []))
    return cell.cell_type == "code" and widget and not re.search(r"^show\(", cell.source, flags=re.M)


def test_there_are_lessons():
    assert len(NOTEBOOKS) >= 2


@pytest.mark.parametrize("path", NOTEBOOKS, ids=_ids(NOTEBOOKS))
class TestLessonShape:
    def test_is_a_course_lesson(self, path):
        assert path.stem in {lesson.stem for lesson in LESSONS}

    def test_title_time_and_prerequisites(self, path):
        lesson = next(lesson for lesson in LESSONS if lesson.stem == path.stem)
        first = _read(path).cells[0]
        assert first.cell_type == "markdown"
        assert first.source.startswith(f"# {lesson.number:02d} · {lesson.title}")
        assert f"**Time:** about {lesson.minutes} minutes" in first.source
        assert "**Builds on:**" in first.source

    def test_three_to_five_learning_objectives(self, path):
        first = _read(path).cells[0].source
        objectives = re.findall(r"^\d\. \*\*\w+\*\*", first.split("Learning objectives", 1)[1], flags=re.M)
        assert 3 <= len(objectives) <= 5

    def test_has_a_what_if_panel(self, path):
        outputs = [o for c in _read(path).cells if c.cell_type == "code" for o in c.outputs]
        assert any(WIDGET in o.get("data", {}) for o in outputs)

    def test_panels_are_followed_by_what_to_notice(self, path):
        assert "### What to notice" in _markdown(_read(path))

    def test_at_least_two_exercises_each_with_a_collapsed_worked_solution(self, path):
        cells = _read(path).cells
        exercises = [i for i, c in enumerate(cells) if _is_exercise(c)]
        assert len(exercises) >= 2
        for index in exercises:
            assert re.search(r'^check\("\d\d\.\d+", answer_\w+\)$', cells[index].source, flags=re.M), index
            following = cells[index + 1]
            assert following.cell_type == "markdown" and _tagged(following, "solution"), (
                f"cell {index}: no solution next"
            )
            assert following.source.startswith("<details><summary>Worked solution to exercise ")

    def test_no_check_outside_exercises_and_no_code_solutions(self, path):
        """Run All must neither run a solution nor show a pass: only exercise cells call check."""
        for index, cell in enumerate(_read(path).cells):
            if cell.cell_type == "code" and not _is_exercise(cell):
                assert not re.search(r"^check\(", cell.source, flags=re.M), f"cell {index} calls check"
            assert not (cell.cell_type == "code" and _tagged(cell, "solution")), f"cell {index}: a code solution"

    def test_exercises_start_unanswered(self, path):
        for cell in filter(_is_exercise, _read(path).cells):
            assert re.search(r"^answer_\w+ = \.\.\.", cell.source, flags=re.M)

    def test_every_panel_follows_a_prediction(self, path):
        cells = _read(path).cells
        for index, cell in enumerate(cells):
            if _is_panel(cell):
                before = [c.source for c in cells[max(0, index - 3) : index] if c.cell_type == "markdown"]
                assert any("Predict" in text for text in before), f"cell {index}: a panel without a Predict prompt"

    def test_every_what_to_notice_is_answered_right_after(self, path):
        cells = _read(path).cells
        for index, cell in enumerate(cells):
            if cell.cell_type == "markdown" and "### What to notice" in cell.source:
                answers = cells[index + 1]
                assert answers.cell_type == "markdown" and _tagged(answers, "notice"), f"cell {index}: no answers"
                assert answers.source.startswith('<details><summary>Answers to "What to notice"</summary>')

    def test_shows_the_learners_progress_before_the_takeaways(self, path):
        code = [c for c in _read(path).cells if c.cell_type == "code"]
        assert code[-1].source.strip().endswith(f'progress("{path.stem[:2]}")')

    def test_ends_with_takeaways_and_a_way_on(self, path):
        last = _read(path).cells[-1]
        assert last.cell_type == "markdown" and "## Key takeaways" in last.source and "**Next:**" in last.source

    def test_only_missing_lessons_are_in_preparation(self, path):
        for number in re.findall(r"lesson (\d\d)\b[^\n(]*\(in preparation\)", _markdown(_read(path))):
            lesson = next(lesson for lesson in LESSONS if lesson.number == int(number))
            assert not lesson.exists, f"lesson {number} exists: link it instead of '(in preparation)'"

    def test_relative_links_resolve(self, path):
        for target in re.findall(r"\]\(([^)#]+\.ipynb)", _markdown(_read(path))):
            assert (path.parent / target).exists(), f"link to missing {target}"

    def test_committed_executed_top_to_bottom(self, path):
        counts = [c.execution_count for c in _read(path).cells if c.cell_type == "code"]
        assert counts == list(range(1, len(counts) + 1))

    def test_small_with_no_widget_state_or_javascript(self, path):
        text = path.read_text(encoding="utf-8")
        assert len(text) < 600_000
        notebook = json.loads(text)
        assert "widgets" not in notebook["metadata"]
        for cell in notebook["cells"]:
            for output in cell.get("outputs", []):
                assert "application/javascript" not in output.get("data", {})
        assert not re.search(r"cdn\.jsdelivr|unpkg\.com|cdnjs|esm\.sh", text)

    def test_widget_ids_are_stable(self, path):
        """Committed through tools.execute: a re-run changes nothing unless what the code prints changes."""
        for index, cell in enumerate(_read(path).cells):
            for output in cell.get("outputs", []):
                if WIDGET in output.get("data", {}):
                    expected = hashlib.sha1(f"{path.name}:{index}".encode()).hexdigest()[:32]
                    assert output["data"][WIDGET]["model_id"] == expected

    def test_no_errors_stored(self, path):
        for cell in _read(path).cells:
            for output in cell.get("outputs", []):
                assert output.output_type != "error"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=_ids(NOTEBOOKS))
def test_section_times_add_up_to_the_lessons_stated_time(path):
    """Each core section says how long it takes; together they are the time the lesson promises."""
    lesson = next(lesson for lesson in LESSONS if lesson.stem == path.stem)
    minutes = [int(m) for m in re.findall(r"^## .*\(about (\d+) minutes?\)", _markdown(_read(path)), flags=re.M)]
    assert minutes and sum(minutes) == lesson.minutes, (
        f"sections {minutes} add up to {sum(minutes)}, not {lesson.minutes}"
    )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=_ids(NOTEBOOKS))
def test_no_table_cuts_its_text_short(path):
    """pandas cut text at 50 characters with "..."; the course's tables (utils.tables) show every note whole."""
    for index, cell in enumerate(_read(path).cells):
        for output in cell.get("outputs", []):
            html = output.get("data", {}).get("text/html", "")
            assert not re.search(r"\.\.\.\s*</td>", html), f"cell {index}: a table cell ends in '...'"
