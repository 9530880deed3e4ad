"""Helpers for *The Plumbing Premium*: models, data, charts, what-if panels, self-checks.

The public surface, by module:

- :mod:`utils.models`: the economic models, pure functions of numbers or arrays;
- :mod:`utils.data`: ``load(name)`` reads and validates a file of ``data/``;
- :mod:`utils.charts`: the colour-blind-safe theme (switched on by this import);
- :mod:`utils.whatif`: ``WhatIf``, ``Slider``, ``Dropdown``, ``Outcome``;
- :mod:`utils.panels`: the ready-made panels of each lesson;
- :mod:`utils.checks`: self-checks and solutions for the exercises.
"""

from . import charts, data, models

__all__ = ["charts", "data", "models"]
