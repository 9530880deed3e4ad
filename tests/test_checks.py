"""utils.checks: fair grading, specific feedback, the hint ladder and the progress file.

A small answer key of its own stands in for the course's, so that these tests
pin the rules rather than any lesson's numbers (tests/test_answer_key.py checks
the course's key).
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from utils import checks
from utils.checks import Choice, Exercise, Number, Truth, check, grade

HINTS = ("Nudge.", "The formula.", "The code.")
KEY = {
    e.id: e
    for e in (
        Exercise("03.1", Number(lambda: 2087.8, "${:,.2f}"), HINTS, asks="monthly cost in US dollars"),
        Exercise("10.1", Number(lambda: 0.17134, "{:.1%}"), HINTS),
        Exercise("09.3", Number(lambda: 0.177, "${:.2f}"), HINTS),
        Exercise("05.3", Number(lambda: 6.6667, "{:.1f}"), HINTS),
        Exercise(
            "01.1", Choice("b", {"a": "a misses the switching cost.", "b": "b: the copy is cheap.", "c": "no."}), HINTS
        ),
        Exercise(
            "03.3", Choice(lambda: "serverless", {"reserved": "It pays for idle hours.", "serverless": "Yes."}), HINTS
        ),
        Exercise("06.2", Truth(lambda: True, "a vendor serving every model keeps its customers."), HINTS),
    )
}


@pytest.fixture(autouse=True)
def course_key(monkeypatch, tmp_path):
    monkeypatch.setattr(checks, "_key", lambda: KEY)
    monkeypatch.setenv(checks.PROGRESS_ENV, str(tmp_path / "progress.json"))


def passes(exercise_id, answer):
    return grade(exercise_id, answer).passed


@pytest.mark.parametrize(
    ("exercise_id", "answer"),
    [
        ("10.1", 0.171),  # the readout shows 17.1 %
        ("10.1", 0.1713),
        ("09.3", 0.18),  # shown as $0.18
        ("05.3", 6.7),  # shown as 6.7
        ("03.1", 2087.80),
        ("03.1", 2090),  # three significant figures always pass
        ("03.1", np.float64(2087.8)),
        ("03.1", np.array([2087.8])),
        ("03.1", pd.Series([2087.8])),
        ("03.1", [2087.8]),
        ("03.1", np.int64(2088)),
    ],
)
def test_a_right_number_passes_within_the_displayed_rounding(exercise_id, answer):
    assert passes(exercise_id, answer)


@pytest.mark.parametrize(("exercise_id", "answer"), [("10.1", 0.17), ("09.3", 0.19), ("03.1", 2100), ("05.3", 6.8)])
def test_a_number_outside_the_displayed_rounding_fails(exercise_id, answer):
    assert not passes(exercise_id, answer)


def test_a_percentage_typed_for_a_fraction_is_told_so():
    result = grade("10.1", 17.1)
    assert not result.passed and "looks like a percentage; give a fraction (17.1 % is 0.171)" in result.message


def test_a_percentage_typed_for_a_share_shown_as_a_number_is_told_so_too(monkeypatch):
    key = {
        "01.2": Exercise("01.2", Number(lambda: 0.85, "{:.2f}"), HINTS),
        "04.2": Exercise("04.2", Number(lambda: 28, "{:.0f}"), HINTS),
    }
    monkeypatch.setattr(checks, "_key", lambda: key)
    assert "looks like a percentage; give a fraction (85 % is 0.85)" in grade("01.2", 85).message
    assert grade("04.2", 29).message.endswith("Close, but too high: check the inputs you used.")


def test_wrong_numbers_hear_too_high_too_low_and_close():
    assert "too high" in grade("03.1", 3000).message and "close" not in grade("03.1", 3000).message
    assert "too low" in grade("03.1", 1000).message
    assert "Close, but too low" in grade("03.1", 2050).message


def test_text_and_booleans_where_a_number_belongs_fail_with_a_reason():
    assert "without quotes" in grade("03.1", "2087.8").message
    assert not passes("03.1", True)
    assert not passes("03.1", np.array([1.0, 2.0]))


@pytest.mark.parametrize("answer", ["b", "B", " (b) ", "b)", "[B]", "'b'"])
def test_choices_ignore_case_spaces_and_brackets(answer):
    assert passes("01.1", answer)


def test_a_wrong_choice_says_why_it_is_wrong():
    result = grade("01.1", "a")
    assert not result.passed and "a misses the switching cost." in result.message
    assert "not an option" in grade("01.1", "e").message
    assert passes("03.3", " Serverless ")


@pytest.mark.parametrize("answer", [True, np.True_])
def test_true_and_numpy_true_alike(answer):
    assert passes("06.2", answer)


def test_false_and_quoted_true_fail():
    assert not passes("06.2", False) and "keeps its customers" in grade("06.2", False).message
    assert "without quotes" in grade("06.2", "True").message


def test_the_hint_ladder_climbs_and_never_shows_the_answer():
    messages = [check("03.1", 1000).message for _ in range(4)]
    assert [m.split("Hint ")[1][:6] for m in messages] == ["1 of 3", "2 of 3", "3 of 3", "3 of 3"]
    assert "Nudge." in messages[0] and "The formula." in messages[1] and "The code." in messages[2]
    assert all("2,087.80" not in m for m in messages)


def test_no_answer_yet_is_not_a_try_and_says_what_is_asked(tmp_path):
    result = check("03.1", ...)
    assert not result.passed and "no answer yet" in result.message and "monthly cost in US dollars" in result.message
    assert not (tmp_path / "progress.json").exists()


def test_check_records_progress_and_grade_records_nothing(tmp_path):
    grade("03.1", 2087.8)
    assert not (tmp_path / "progress.json").exists()
    check("03.1", 1000)
    check("03.1", 2087.8)
    record = json.loads((tmp_path / "progress.json").read_text())
    assert record == {"exercises": {"03.1": {"passed": True, "tries": 2}}}


def test_progress_by_lesson_and_for_the_course():
    check("03.1", 2087.8)
    assert str(checks.progress("03")) == "Lesson 03: 1 of 2 exercises passed; still open: 03.3"
    whole = str(checks.progress())
    assert "Lesson 01: 0 of 1 exercises passed" in whole and whole.endswith("Whole course: 1 of 7 exercises passed.")


def test_the_course_view_breaks_long_lines_between_exercise_ids(monkeypatch):
    many = {f"11.{n}": Exercise(f"11.{n}", Number(lambda: 1.0), HINTS) for n in range(1, 13)}
    monkeypatch.setattr(checks, "_key", lambda: {**KEY, **many})
    whole = str(checks.progress()).splitlines()
    assert all(len(line) <= 88 for line in whole)
    assert "Lesson 11: 0 of 12 exercises passed; still open: 11.1, 11.2, 11.3" in whole[-3]
    assert whole[-2].startswith("  ") and whole[-2].strip().endswith("11.12")
    one = str(checks.progress("11")).splitlines()
    assert len(one) == 2 and all(len(line) <= 88 for line in one)


def test_a_long_message_wraps_between_words_with_its_hint_indented():
    text = str(grade("01.1", "a")) + "\n  Hint 1 of 3: " + "a long nudge that keeps going " * 5
    shown = str(checks.CheckResult("01.1", False, text))
    assert all(len(line) <= 88 for line in shown.splitlines())
    assert shown.replace("\n", " ").split() == text.split()  # only line breaks added, no word broken
    hint_lines = shown.split("Hint 1 of 3:")[1].splitlines()[1:]
    assert hint_lines and all(line.startswith("    ") for line in hint_lines)


def test_progress_never_goes_into_the_course_folder(monkeypatch):
    monkeypatch.setenv(checks.PROGRESS_ENV, str(checks.COURSE_ROOT / "notebooks" / "progress.json"))
    with pytest.raises(ValueError, match="outside the course folder"):
        check("03.1", 1.0)


def test_progress_goes_to_the_home_folder_and_outside_a_home_that_holds_the_course(monkeypatch, tmp_path):
    """Binder copies the repository into the home folder: the default must still fall outside the course."""
    monkeypatch.delenv(checks.PROGRESS_ENV)
    monkeypatch.setenv("HOME", str(tmp_path))
    assert checks.progress_file() == tmp_path.resolve() / ".plumbing-premium" / "progress.json"
    monkeypatch.setenv("HOME", str(checks.COURSE_ROOT))
    assert not checks.progress_file().is_relative_to(checks.COURSE_ROOT)
    assert checks.progress_file().is_relative_to(Path(tempfile.gettempdir()).resolve())


def test_a_corrupt_progress_file_counts_as_no_progress(tmp_path):
    (tmp_path / "progress.json").write_text("{not json")
    assert check("03.1", 2087.8).passed
    assert json.loads((tmp_path / "progress.json").read_text())["exercises"]["03.1"]["passed"]


def test_an_unknown_exercise_names_the_known_ones():
    with pytest.raises(ValueError, match="no exercise '99.1'; exercises are 01.1"):
        grade("99.1", 1)


def test_exercise_ids_in_course_order():
    assert checks.exercise_ids() == ["01.1", "03.1", "03.3", "05.3", "06.2", "09.3", "10.1"]


def test_notebooks_show_the_message():
    from IPython.lib.pretty import pretty

    assert pretty(grade("03.1", 2087.8)) == "Exercise 03.1: correct. $2,087.80 is right."
