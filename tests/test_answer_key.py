"""The course's answer key, against the lessons: one key per exercise, computed, never revealed by a hint."""

from __future__ import annotations

import math

import nbformat
import pytest

from tests.lesson_text import CHECK_CALL, exercise_checks, tags
from utils.checks import Choice, Number, exercise, exercise_ids, expected
from utils.course import NOTEBOOK_DIR

NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("*.ipynb"))


def solution_ids(path) -> list[str]:
    notebook = nbformat.read(path, as_version=4)
    return [i for c in notebook.cells if "solution" in tags(c) for i in CHECK_CALL.findall(c.source)[-1:]]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_each_exercise_of_a_lesson_has_one_key_one_learner_cell_and_one_solution(path):
    lesson = path.stem[:2]
    keyed = [i for i in exercise_ids() if i.startswith(f"{lesson}.")]
    assert len(keyed) >= 2, f"lesson {lesson}: at least two exercises in the answer key"
    assert exercise_checks(path) == keyed, "learner cells must check each keyed exercise once, in order"
    assert solution_ids(path) == keyed, "each exercise needs one worked solution, in order"


@pytest.mark.parametrize("exercise_id", exercise_ids())
def test_the_key_computes_and_no_hint_gives_it_away(exercise_id):
    item, value = exercise(exercise_id), expected(exercise_id)
    if isinstance(item.key, Number):
        assert math.isfinite(value)
        assert not any(item.key.show(value) in hint for hint in item.hints), "a hint shows the answer"
    elif isinstance(item.key, Choice):
        assert all(item.key.options.values()), "every option needs its feedback"
        assert not any(f"'{value}'" in hint or f'"{value}"' in hint for hint in item.hints), "a hint names the answer"
