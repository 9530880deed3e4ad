import pytest

from utils.checks import check


def test_a_right_number_passes_within_tolerance():
    result = check("Exercise 1", 5022.40, expected=5022.4000001, hint="h")
    assert result.passed and str(result) == "Exercise 1: correct, 5,022.40 is right. Well done."


def test_a_wrong_number_fails_with_the_hint():
    result = check("Exercise 1", 5000, expected=5022.4, hint="Price x hours.")
    assert not result.passed
    assert (
        str(result) == "Exercise 1: not yet. You have 5,000, which is not the expected value.\n  Hint: Price x hours."
    )


def test_no_answer_yet_is_friendly():
    result = check("Exercise 2", ..., expected=1.0, hint="Think of 1.")
    assert not result.passed and "no answer yet" in str(result) and "Hint: Think of 1." in str(result)


@pytest.mark.parametrize("answer", ["Serverless", " serverless ", "SERVERLESS"])
def test_text_answers_ignore_case_and_spaces(answer):
    assert check("Exercise 3", answer, expected="serverless", hint="").passed


def test_text_where_a_number_belongs_fails_without_crashing():
    assert not check("Exercise 1", "lots", expected=5022.4, hint="").passed


def test_notebooks_show_the_message():
    from IPython.lib.pretty import pretty

    assert pretty(check("E", 1, expected=1, hint="")) == "E: correct, 1 is right. Well done."
