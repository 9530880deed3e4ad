"""Ready-made what-if panels, one function per panel, grouped by lesson topic.

Each function returns a :class:`utils.whatif.WhatIf` whose ``compute`` calls the
models in :mod:`utils.models`; the notebooks display it and ask questions of it.
"""

from .gpu import serverless_panel
from .retention import retention_demo_panel

__all__ = ["retention_demo_panel", "serverless_panel"]
