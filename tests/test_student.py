"""Student copies: solutions gone, prompts and checks kept, learners' edits never overwritten,
and every copy still runs top to bottom."""

import json

import nbformat
import pytest
from nbclient import NotebookClient

from tools.student import RECORD, write_copies
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
    assert lesson.name not in json.loads((tmp_path / RECORD).read_text())


def test_an_unedited_copy_is_refreshed(tmp_path):
    lesson = LESSONS[0]
    write_copies(tmp_path, [lesson])
    assert write_copies(tmp_path, [lesson]) == [f"same    {tmp_path / lesson.name}"]


@pytest.mark.parametrize("lesson", LESSONS, ids=[p.stem for p in LESSONS])
def test_student_copy_runs_top_to_bottom(copies, lesson):
    notebook = nbformat.read(copies / lesson.name, as_version=4)
    NotebookClient(
        notebook, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(copies)}}
    ).execute()
    errors = [o for c in notebook.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert errors == []
