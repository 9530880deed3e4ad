"""Ready-made what-if panels, one module per lesson topic, one public surface for the lessons.

Each panel function returns a :class:`utils.whatif.WhatIf` whose ``compute`` calls
the models in :mod:`utils.models`; a panel module only builds controls, outcome
tables and charts. A lesson imports what it needs from here
(``from utils.panels import serverless_panel``): every name a module lists in
its ``__all__`` is re-exported, and nothing else.
"""

from __future__ import annotations

from importlib import import_module

# Lesson by lesson: 00 and 05 retention, 01 commoditization, 02 stack, 03 gpu, 04 request,
# 05 margins, 06 demand, 07 portfolio, 08 concentration, 09 efficiency, 10 scenarios, 11 scorecard.
MODULES = (
    "retention",
    "commoditization",
    "stack",
    "gpu",
    "request",
    "margins",
    "demand",
    "portfolio",
    "concentration",
    "efficiency",
    "scenarios",
    "scorecard",
)

__all__: list[str] = []
for _module_name in MODULES:
    _module = import_module(f".{_module_name}", __name__)
    for _public in getattr(_module, "__all__", ()):
        if _public in __all__:
            raise ImportError(f"utils.panels: {_public!r} is exported by two panel modules.")
        globals()[_public] = getattr(_module, _public)
        __all__.append(_public)
