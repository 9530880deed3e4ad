"""The course's one answer key: every exercise, its expected answer computed from the models and data,
and its ladder of hints. :mod:`utils.checks` reads it; a learner's cell never holds it.

One module per lesson (``lesson_03.py``) defines ``EXERCISES``, a tuple of
:class:`utils.checks.Exercise`; this package gathers them in course order.
"""

from __future__ import annotations

import importlib
import pkgutil

from ..checks import Exercise

__all__ = ["EXERCISES"]


def _gather() -> dict[str, Exercise]:
    exercises: dict[str, Exercise] = {}
    for module in sorted(m.name for m in pkgutil.iter_modules(__path__) if m.name.startswith("lesson_")):
        for item in importlib.import_module(f"{__name__}.{module}").EXERCISES:
            if item.id in exercises:
                raise ValueError(f"exercise {item.id} is defined twice in the answer key.")
            if not item.id.startswith(module.removeprefix("lesson_") + "."):
                raise ValueError(f"exercise {item.id} belongs in lesson_{item.id[:2]}.py, not {module}.py.")
            exercises[item.id] = item
    return exercises


EXERCISES: dict[str, Exercise] = _gather()
