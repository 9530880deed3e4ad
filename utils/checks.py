"""Self-checks for the exercises: a friendly pass or fail, and a hint when it fails.

An exercise cell ends with a check such as::

    check("Exercise 1", my_cost, expected=reserved_monthly_cost(2.86, 0.15),
          hint="Reserved cost is price x hours x GPUs reserved.")

which prints ``Exercise 1: correct ...`` or ``Exercise 1: not yet ...`` with
the hint. The expected value is always computed by the course's own models,
never typed in. Worked solutions sit in cells tagged ``solution`` whose code
is collapsed until the learner opens it; they use their own variable names, so
running one never overwrites what the learner typed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

__all__ = ["CheckResult", "check"]


@dataclass(frozen=True)
class CheckResult:
    """The outcome of one check; ``passed`` is what a test or a gradebook reads."""

    exercise: str
    passed: bool
    message: str

    def __str__(self) -> str:
        return self.message

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        """In a notebook, a check shows its message rather than its fields."""
        printer.text(self.message)


def _matches(answer: Any, expected: Any, rel_tol: float) -> bool:
    if isinstance(expected, str):
        return isinstance(answer, str) and answer.strip().lower() == expected.strip().lower()
    if isinstance(expected, bool) or expected is None:
        return answer is expected
    try:
        return math.isclose(float(answer), float(expected), rel_tol=rel_tol, abs_tol=1e-12)
    except (TypeError, ValueError):
        return False


def _show(value: Any) -> str:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return repr(value)
    if abs(value) < 10:
        return f"{value:.4g}"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


def check(exercise: str, answer: Any, *, expected: Any, hint: str, rel_tol: float = 1e-3) -> CheckResult:
    """Compare a learner's answer with the expected one; the result shows as a message.

    Numbers pass within a relative tolerance ``rel_tol`` (0.1 % by default, so
    rounding to the cent is fine); text passes ignoring case and surrounding
    spaces. ``...`` (Ellipsis) or ``None`` as an answer means "not tried yet".
    """
    if answer is ... or (answer is None and expected is not None):
        message = f"{exercise}: no answer yet. Replace the ... with your answer and run the cell again.\n  Hint: {hint}"
        return CheckResult(exercise, False, message)
    if _matches(answer, expected, rel_tol):
        return CheckResult(exercise, True, f"{exercise}: correct, {_show(answer)} is right. Well done.")
    message = f"{exercise}: not yet. You have {_show(answer)}, which is not the expected value.\n  Hint: {hint}"
    return CheckResult(exercise, False, message)
