"""The set-up check of lesson 00: is everything the course needs here and working?"""

from __future__ import annotations

import importlib
import sys
from dataclasses import dataclass

__all__ = ["Check", "run_setup_check"]

REQUIRED_MODULES = ("numpy", "pandas", "pandera", "altair", "anywidget", "ipywidgets", "vl_convert")


@dataclass(frozen=True)
class Check:
    """One line of the set-up report."""

    what: str
    ok: bool
    fix: str = ""

    def __str__(self) -> str:
        return f"{'ok     ' if self.ok else 'PROBLEM'}  {self.what}" + (
            "" if self.ok else f"\n         fix: {self.fix}"
        )


def _importable(module: str) -> bool:
    try:
        importlib.import_module(module)
    except ImportError:
        return False
    return True


def run_setup_check() -> list[Check]:
    """Python version, the libraries, the data files and the offline chart bundle."""
    from . import data

    checks = [
        Check("Python 3.11 or newer", sys.version_info >= (3, 11), "install Python 3.11+, then run `make lab` again"),
    ]
    missing = [m for m in REQUIRED_MODULES if not _importable(m)]
    checks.append(Check("course libraries installed", not missing, f"missing {missing}: run `make lab` again"))
    broken = []
    for name in data.available():
        try:
            data.load(name)
        except (OSError, ValueError):
            broken.append(name)
    checks.append(
        Check(
            f"{len(data.available())} data files valid",
            not broken,
            f"see the error of data.load({broken[0]!r})" if broken else "",
        )
    )
    from ._bundle import bundled_esm

    bundled = len(bundled_esm()) > 100_000  # Vega inlined, nothing to fetch
    checks.append(Check("chart library bundled for offline use", bundled, "run `make lab` again to rebuild it"))
    return checks
