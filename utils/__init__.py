"""Helpers for *The Plumbing Premium*: models, data, charts, what-if panels, self-checks.

The public surface, by module (each is imported when first used, so that
``import utils`` itself stays instant):

- :mod:`utils.models`: the economic models, pure functions of numbers or arrays;
- :mod:`utils.data`: ``load(name)`` reads and validates a file of ``data/``;
- :mod:`utils.charts`: the color-blind-safe theme and axis helpers;
- :mod:`utils.whatif`: ``WhatIf``, ``Slider``, ``Dropdown``, ``Outcome``, ``show``;
- :mod:`utils.panels`: the ready-made panels of each lesson;
- :mod:`utils.checks`: self-checks for the exercises;
- :mod:`utils.course`: the list of lessons.
"""

from __future__ import annotations

import importlib
from types import ModuleType

__all__ = ["charts", "checks", "course", "data", "models", "panels", "whatif"]


def __getattr__(name: str) -> ModuleType:
    if name in __all__:
        return importlib.import_module(f".{name}", __name__)
    raise AttributeError(f"module 'utils' has no attribute {name!r}")
