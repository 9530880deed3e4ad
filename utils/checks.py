"""Self-checks for the exercises: fair grading, specific feedback, a hint ladder and progress.

A learner's exercise cell holds their answer and one call, with no answer key in sight::

    answer_1 = ...  # monthly cost in US dollars
    check("03.1", answer_1)

The key lives in :mod:`utils.answer_key`, computed from the course's models and
data. The API:

- :func:`exercise_ids` lists every exercise, ``"LL.N"`` (lesson, exercise), in course order;
- :func:`expected` gives the key's value;
- :func:`grade` compares an answer with the key and says why, recording nothing (for tests and teachers);
- :func:`check` grades, climbs the hint ladder on repeated wrong tries (a nudge, then the formula or
  where to look, then the line of code; never the answer) and records the outcome in the learner's
  progress file;
- :func:`progress` shows a learner's progress on a lesson, or on the whole course.

Fair grading: a number passes within the rounding the course displays it with
(the key's ``shown`` format), and always at three significant figures; numpy
scalars, one-element arrays and Series count as numbers; ``True`` and
``np.True_`` alike. A fraction typed as a percentage is told so; a wrong number
hears whether it is too high or too low, and "close" within 5 %. Text and
multiple-choice answers ignore case, spaces, quotes and a letter's brackets.

Progress goes to ``$PLUMBING_PROGRESS_FILE`` if set, else
``~/.plumbing-premium/progress.json``: never into the course folder.
"""

from __future__ import annotations

import json
import math
import numbers
import os
import re
import tempfile
import textwrap
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

__all__ = [
    "Choice",
    "CheckResult",
    "Exercise",
    "Number",
    "Truth",
    "check",
    "exercise_ids",
    "expected",
    "grade",
    "progress",
    "progress_file",
]

PROGRESS_ENV = "PLUMBING_PROGRESS_FILE"
COURSE_ROOT = Path(__file__).resolve().parent.parent
CLOSE = 0.05  # a wrong number within 5 % of the key is "close"


# --- The kinds of answer key ---------------------------------------------------------------------


@dataclass(frozen=True)
class Number:
    """A numeric key: ``value`` computes it; ``shown`` is how the course displays it (``"{:.1%}"``, ``"${:,.2f}"``).

    The displayed rounding sets the tolerance: "17.1 %" is a fraction shown to
    3 decimals, so any answer within 0.0005 of the key passes.
    """

    value: Callable[[], float]
    shown: str = "{:,.4g}"

    @property
    def decimals(self) -> int | None:
        """Decimals of the displayed value, in the units the learner types (a percentage's as a fraction)."""
        match = re.search(r"\.(\d+)([f%])", self.shown)
        if not match:
            return None
        return int(match.group(1)) + (2 if match.group(2) == "%" else 0)

    @property
    def is_fraction(self) -> bool:
        """Shown as a percentage, typed as a fraction (0.171 for 17.1 %)."""
        return "%" in self.shown

    def show(self, value: float) -> str:
        return self.shown.format(value)


@dataclass(frozen=True)
class Choice:
    """A multiple-choice or one-word key: ``options`` maps each option to the feedback it earns.

    ``answer`` computes (or names) the right option; the feedback of a wrong
    option says why it is wrong, the right one's why it is right.
    """

    answer: Callable[[], str] | str
    options: Mapping[str, str]

    def right(self) -> str:
        value = self.answer() if callable(self.answer) else self.answer
        if value not in self.options:
            raise ValueError(f"the key's answer {value!r} is not one of the options {list(self.options)}.")
        return value


@dataclass(frozen=True)
class Truth:
    """A True/False key, with the reason that a learner who answered wrongly reads."""

    value: Callable[[], bool] | bool
    why: str

    def right(self) -> bool:
        return bool(self.value() if callable(self.value) else self.value)


@dataclass(frozen=True)
class Exercise:
    """One exercise of the course: its id ``"LL.N"``, its key and a ladder of three hints."""

    id: str
    key: Number | Choice | Truth
    hints: tuple[str, str, str]
    asks: str = ""  # what the answer is, in a few words ("monthly cost in US dollars")

    def __post_init__(self) -> None:
        if not re.fullmatch(r"\d\d\.\d+", self.id):
            raise ValueError(f"exercise id must look like '03.1' (lesson.exercise), got {self.id!r}.")
        if len(self.hints) != 3 or not all(self.hints):
            raise ValueError(f"exercise {self.id}: give three hints (a nudge, the formula or place, the code).")


# --- Grading -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CheckResult:
    """The outcome of one check; ``passed`` is what a test or a gradebook reads."""

    exercise: str
    passed: bool
    message: str
    answered: bool = True

    def __str__(self) -> str:
        """The message wrapped between words at 88 characters: a notebook's output area would break words."""
        return "\n".join(_wrapped(line) for line in self.message.splitlines())

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        """In a notebook, a check shows its message rather than its fields."""
        printer.text(str(self))


def _wrapped(line: str, width: int = 88) -> str:
    """One line of a message wrapped at ``width``, continuation lines indented like the line itself plus two."""
    indent = line[: len(line) - len(line.lstrip())]
    return textwrap.fill(
        line, width=width, subsequent_indent=indent + "  ", break_long_words=False, break_on_hyphens=False
    )


def _key() -> Mapping[str, Exercise]:
    from .answer_key import EXERCISES

    return EXERCISES


def exercise_ids() -> list[str]:
    """Every exercise id in course order: ``["00.1", "00.2", "01.1", ...]``."""
    return sorted(_key(), key=lambda i: tuple(int(part) for part in i.split(".")))


def exercise(exercise_id: str) -> Exercise:
    try:
        return _key()[exercise_id]
    except KeyError:
        raise ValueError(f"no exercise {exercise_id!r}; exercises are {', '.join(exercise_ids())}.") from None


def expected(exercise_id: str) -> Any:
    """The key's value for an exercise: a number, an option or True/False."""
    key = exercise(exercise_id).key
    return key.value() if isinstance(key, Number) else key.right()


def as_number(answer: Any) -> float | None:
    """A learner's answer as a float: numpy scalars, one-element arrays, Series and lists count; else None."""
    if hasattr(answer, "to_numpy"):
        answer = answer.to_numpy()
    if isinstance(answer, list | tuple | np.ndarray):
        flat = np.asarray(answer, dtype=object).ravel()
        if flat.size != 1:
            return None
        answer = flat[0]
    if isinstance(answer, bool | np.bool_):
        return None
    if isinstance(answer, numbers.Real):
        return float(answer)
    return None


def tolerance(key: Number, target: float) -> float:
    """Half a unit of the displayed rounding, and never less than half a unit in the third significant figure."""
    allowed = 0.0 if key.decimals is None else 0.5 * 10.0 ** (-key.decimals)
    if target != 0:
        allowed = max(allowed, 0.5 * 10.0 ** (math.floor(math.log10(abs(target))) - 2))
    return allowed * (1 + 1e-9) + 1e-12


def _grade_number(key: Number, answer: Any) -> tuple[bool, str]:
    value, target = as_number(answer), key.value()
    if value is None:
        if isinstance(answer, str):
            return False, f"that is text ({answer!r}); type the number itself, without quotes."
        return False, f"a single number is expected, not {type(answer).__name__}."
    if not math.isfinite(value):
        return False, f"{value} is not a finite number."
    allowed = tolerance(key, target)
    if abs(value - target) <= allowed:
        return True, f"{key.show(value)} is right."
    if (key.is_fraction or 0 < abs(target) <= 1) and abs(value / 100 - target) <= allowed:
        return False, (f"{value:g} looks like a percentage; give a fraction ({value:g} % is {value / 100:g}).")
    if not key.is_fraction and target and abs(value * 100 - target) <= tolerance(key, target):
        return False, f"{value:g} looks like a fraction; this answer is a number such as {value * 100:g}."
    side = "too high" if value > target else "too low"
    if target and abs(value - target) <= CLOSE * abs(target):
        check = "check the inputs you used" if key.decimals == 0 else "check your rounding and the inputs you used"
        return False, f"close, but {side}: {check}."
    return False, f"{key.show(value)} is {side}."


def normalized_text(answer: Any) -> str:
    """Lower case, no surrounding quotes or brackets, single spaces: ``" (B) "`` -> ``"b"``."""
    text = " ".join(str(answer).split()).lower()
    return text.strip("()[]{}'\".: ")


def _grade_choice(key: Choice, answer: Any) -> tuple[bool, str]:
    if not isinstance(answer, str):
        return False, f"answer with one of: {', '.join(repr(o) for o in key.options)} (in quotes)."
    chosen, right = normalized_text(answer), key.right()
    options = {normalized_text(option): option for option in key.options}
    if chosen not in options:
        return False, f"{answer!r} is not an option; answer with one of: {', '.join(repr(o) for o in key.options)}."
    option = options[chosen]
    return option == right, f"{option!r}: {key.options[option]}"


def _grade_truth(key: Truth, answer: Any) -> tuple[bool, str]:
    if isinstance(answer, str):
        return False, "type True or False without quotes."
    if not isinstance(answer, bool | np.bool_):
        return False, f"True or False is expected, not {answer!r}."
    if bool(answer) == key.right():
        return True, f"{bool(answer)} is right: {key.why}"
    return False, f"not {bool(answer)}: {key.why}"


def _is_unanswered(answer: Any) -> bool:
    return answer is ... or answer is None


def grade(exercise_id: str, answer: Any) -> CheckResult:
    """Grade ``answer`` against the key; pure (records nothing). The message says why."""
    key = exercise(exercise_id).key
    if _is_unanswered(answer):
        return CheckResult(exercise_id, False, f"Exercise {exercise_id}: no answer yet.", answered=False)
    if isinstance(key, Number):
        passed, why = _grade_number(key, answer)
    elif isinstance(key, Choice):
        passed, why = _grade_choice(key, answer)
    else:
        passed, why = _grade_truth(key, answer)
    verdict = "correct" if passed else "not yet"
    return CheckResult(exercise_id, passed, f"Exercise {exercise_id}: {verdict}. {why[0].upper()}{why[1:]}")


# --- The learner's cell: grade, hint, record ------------------------------------------------------


def check(exercise_id: str, answer: Any) -> CheckResult:
    """Grade a learner's answer, add the next hint of the ladder when it is wrong, and record the try.

    An unanswered exercise (``...``) is not a try: it says what to do and records nothing.
    """
    result = grade(exercise_id, answer)
    item = exercise(exercise_id)
    if not result.answered:
        what = f" ({item.asks})" if item.asks else ""
        return CheckResult(
            exercise_id,
            False,
            f"{result.message} Replace the ... with your answer{what} and run the cell again.",
            answered=False,
        )
    record = _record_try(exercise_id, result.passed)
    if result.passed:
        return result
    wrong_tries = record["tries"] - (1 if record["passed"] else 0)
    hint = item.hints[min(wrong_tries, 3) - 1]
    return CheckResult(exercise_id, False, f"{result.message}\n  Hint {min(wrong_tries, 3)} of 3: {hint}")


# --- Progress -------------------------------------------------------------------------------------


def progress_file() -> Path:
    """Where a learner's progress is kept: ``$PLUMBING_PROGRESS_FILE``, else ``~/.plumbing-premium/progress.json``.

    Never inside the course folder, whose files are committed or handed out. Where the home folder
    holds the course itself (Binder copies the repository into it), the default moves to the
    temporary folder, which outlives the kernel as long as the home folder does there.
    """
    default = Path.home() / ".plumbing-premium" / "progress.json"
    if default.resolve().is_relative_to(COURSE_ROOT):
        default = Path(tempfile.gettempdir()) / f"plumbing-premium-{Path.home().name}" / "progress.json"
    path = Path(os.environ.get(PROGRESS_ENV) or default).expanduser().resolve()
    if path.is_relative_to(COURSE_ROOT):
        raise ValueError(f"{PROGRESS_ENV} must point outside the course folder {COURSE_ROOT}, got {path}.")
    return path


def read_progress(path: Path | None = None) -> dict[str, dict[str, Any]]:
    """Exercise id -> ``{"tries": n, "passed": bool}``; an unreadable file counts as no progress yet."""
    path = path or progress_file()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    exercises = data.get("exercises") if isinstance(data, dict) else None
    return exercises if isinstance(exercises, dict) else {}


def _record_try(exercise_id: str, passed: bool) -> dict[str, Any]:
    """Count one try (and a pass) in the progress file, written atomically; return the exercise's record."""
    path = progress_file()
    exercises = read_progress(path)
    record = exercises.get(exercise_id, {"tries": 0, "passed": False})
    record = {"tries": int(record.get("tries", 0)) + 1, "passed": bool(record.get("passed")) or passed}
    exercises[exercise_id] = record
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("w", dir=path.parent, delete=False, suffix=".tmp", encoding="utf-8") as handle:
        json.dump({"exercises": exercises}, handle, indent=1, sort_keys=True)
    os.replace(handle.name, path)
    return record


@dataclass(frozen=True)
class Progress:
    """A learner's progress on some lessons: which exercises passed, which are open."""

    lessons: tuple[str, ...]
    passed: tuple[str, ...]
    open: tuple[str, ...] = field(default=())

    def __str__(self) -> str:
        lines = []
        for lesson in self.lessons:
            ids = [i for i in exercise_ids() if i.startswith(f"{lesson}.")]
            done = [i for i in ids if i in self.passed]
            still = [i for i in ids if i not in self.passed]
            line = f"Lesson {lesson}: {len(done)} of {len(ids)} exercises passed"
            lines.append(line + (f"; still open: {', '.join(still)}" if still else "; all done."))
        if len(self.lessons) > 1:
            lines.append(f"Whole course: {len(self.passed)} of {len(self.passed) + len(self.open)} exercises passed.")
        return "\n".join(_wrapped(line) for line in lines)  # between ids, where JupyterLab would break one

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        printer.text(str(self))


def progress(lesson: str | None = None) -> Progress:
    """Your progress on one lesson (``"03"``), or on the whole course when ``lesson`` is None."""
    ids = exercise_ids()
    lessons = sorted({i.split(".")[0] for i in ids})
    if lesson is not None:
        if lesson not in lessons:
            raise ValueError(f"lesson must be one of {lessons}, got {lesson!r}.")
        lessons, ids = [lesson], [i for i in ids if i.startswith(f"{lesson}.")]
    record = read_progress()
    passed = tuple(i for i in ids if record.get(i, {}).get("passed"))
    return Progress(tuple(lessons), passed, tuple(i for i in ids if i not in passed))
