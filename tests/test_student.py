"""Student copies: solutions and notice answers gone, prompts and checks kept, learners' edits
never overwritten, and nothing written through a link or into the course.

A copy runs top to bottom because its code cells are exactly the lesson's (worked
solutions are Markdown), and nbval runs every lesson: no second execution is needed."""

import json

import nbformat
import pytest

from tools.student import RECORD, main, student_version, write_copies
from utils.course import NOTEBOOK_DIR

LESSONS = sorted(NOTEBOOK_DIR.glob("[0-9][0-9]_*.ipynb"))


@pytest.fixture(scope="module")
def copies(tmp_path_factory):
    out = tmp_path_factory.mktemp("class")
    write_copies(out, LESSONS)
    return out


def test_solutions_are_removed_and_exercises_kept(copies):
    for lesson in LESSONS:
        student = nbformat.read(copies / lesson.name, as_version=4)
        assert not any("solution" in c.metadata.get("tags", []) for c in student.cells)
        assert not any(c.source.startswith("**Solution**") for c in student.cells), lesson.name
        teacher = nbformat.read(lesson, as_version=4)
        checks = [
            c.source for c in teacher.cells if c.cell_type == "code" and "solution" not in c.metadata.get("tags", [])
        ]
        assert [c.source for c in student.cells if c.cell_type == "code"] == checks


def test_outputs_are_cleared(copies):
    for lesson in LESSONS:
        student = nbformat.read(copies / lesson.name, as_version=4)
        assert all(not c.outputs and c.execution_count is None for c in student.cells if c.cell_type == "code")


def test_a_second_run_keeps_edited_copies_and_says_so(tmp_path):
    lesson = LESSONS[0]
    write_copies(tmp_path, [lesson])
    mine = tmp_path / lesson.name
    edited = mine.read_text().replace("answer_1 = ...", "answer_1 = 133.1", 1)
    mine.write_text(edited)
    report = write_copies(tmp_path, [lesson])
    assert report == [f"kept    {mine} (edited since it was written: your work is left alone)"]
    assert mine.read_text() == edited


def test_an_unknown_file_is_never_overwritten(tmp_path):
    lesson = LESSONS[0]
    (tmp_path / lesson.name).write_text("my own notes")
    write_copies(tmp_path, [lesson])
    assert (tmp_path / lesson.name).read_text() == "my own notes"
    assert not (tmp_path / RECORD).exists()


def test_an_unedited_copy_is_refreshed(tmp_path):
    lesson = LESSONS[0]
    write_copies(tmp_path, [lesson])
    assert write_copies(tmp_path, [lesson]) == [f"same    {tmp_path / lesson.name}"]


def test_notice_answers_are_removed_unless_kept():
    lesson = next(p for p in LESSONS if '"notice"' in p.read_text())
    assert '"notice"' not in student_version(lesson)
    assert '"notice"' in student_version(lesson, keep_notice=True)


@pytest.mark.parametrize("folder", [".", "notebooks", "utils", "notebooks/sub"])
def test_the_course_folders_are_refused(folder, capsys):
    root = NOTEBOOK_DIR.parent
    assert main([str(root / folder)]) == 2
    assert "not the course's own" in capsys.readouterr().err
    assert not (root / "notebooks" / "sub").exists()


def test_nothing_is_written_through_a_link(tmp_path):
    lesson = LESSONS[0]
    planted = tmp_path / "elsewhere" / "99_planted.ipynb"
    planted.parent.mkdir()
    (tmp_path / "class").mkdir()
    (tmp_path / "class" / lesson.name).symlink_to(planted)  # dangling
    report = write_copies(tmp_path / "class", [lesson])
    assert report == [f"skipped {tmp_path / 'class' / lesson.name} (a link: nothing is written through links)"]
    assert not planted.exists()


def test_a_linked_record_is_refused(tmp_path):
    victim = tmp_path / "lesson.ipynb"
    victim.write_text("a lesson")
    (tmp_path / "class").mkdir()
    (tmp_path / "class" / RECORD).symlink_to(victim)
    with pytest.raises(ValueError, match="is a link"):
        write_copies(tmp_path / "class", LESSONS[:1])
    assert victim.read_text() == "a lesson"


def test_a_folder_in_the_way_is_skipped_and_the_rest_recorded(tmp_path):
    first, second = LESSONS[:2]
    (tmp_path / first.name).mkdir()
    report = write_copies(tmp_path, [first, second])
    assert report[0].startswith("skipped") and report[1].startswith("written")
    assert list(json.loads((tmp_path / RECORD).read_text())) == [second.name]
    assert write_copies(tmp_path, [second]) == [f"same    {tmp_path / second.name}"]


@pytest.mark.parametrize("broken", ["", "{not json", "[1, 2]"])
def test_an_unreadable_record_is_named_and_keeps_every_copy(tmp_path, broken):
    lesson = LESSONS[0]
    write_copies(tmp_path, [lesson])
    (tmp_path / RECORD).write_text(broken)
    report = write_copies(tmp_path, [lesson])
    assert report[0].startswith(f"note    {tmp_path / RECORD} was unreadable")
    assert report[1].startswith("kept")
