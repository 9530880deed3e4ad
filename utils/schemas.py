"""Declared schemas of the files in ``data/``, one per file stem.

Every file carries its provenance: where each figure comes from (``source``),
when the course read it (``retrieved``), how far to trust it (``confidence``:
H, primary source or several agreeing; M, one decent secondary source; L, weak
or conflicting; M-H and L-M between) and, where the source gives one, when the
figure held (``as_of`` or ``date``). Dates are ISO 8601 at the precision the
source gives: ``2026``, ``2025-09`` or ``2025-09-29``.
"""

from __future__ import annotations

import pandera.pandas as pa

__all__ = ["SCHEMAS", "CONFIDENCE_LEVELS", "ISO_DATE"]

CONFIDENCE_LEVELS = ["H", "M-H", "M", "L-M", "L"]
ISO_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"


def _text(*checks: pa.Check, nullable: bool = False) -> pa.Column:
    return pa.Column(str, [pa.Check.str_length(min_value=1), *checks], nullable=nullable)


def _date(nullable: bool = False) -> pa.Column:
    return _text(pa.Check.str_matches(ISO_DATE), nullable=nullable)


def _provenance() -> dict[str, pa.Column]:
    return {
        "source": _text(),
        "confidence": pa.Column(str, pa.Check.isin(CONFIDENCE_LEVELS)),
        "retrieved": _date(),
    }


def _nonnegative(nullable: bool = False) -> pa.Column:
    return pa.Column(float, pa.Check.ge(0), nullable=nullable)


SCHEMAS: dict[str, pa.DataFrameSchema] = {
    "gpu_prices": pa.DataFrameSchema(
        {
            "provider": _text(),
            "gpu": _text(),
            "offering": pa.Column(str, pa.Check.isin(["serverless", "always on"])),
            "billing": pa.Column(str, pa.Check.isin(["per second", "per minute", "not stated"])),
            "usd_per_gpu_hour": pa.Column(float, pa.Check.in_range(0, 100, include_min=False)),
            "as_of": _date(),
            **_provenance(),
            "source_url": pa.Column(str, pa.Check.str_startswith("http"), nullable=True),
            "note": pa.Column(str, nullable=True),
        },
        strict=True,
        coerce=True,
        unique=["provider", "gpu", "offering"],
    ),
    "cold_starts": pa.DataFrameSchema(
        {
            "model_size": _text(),
            "seconds_low": _nonnegative(),
            "seconds_high": _nonnegative(nullable=True),
            "kind": pa.Column(str, pa.Check.isin(["reported range", "essay claim", "arithmetic"])),
            **_provenance(),
            "note": pa.Column(str, nullable=True),
        },
        strict=True,
        coerce=True,
    ),
}
