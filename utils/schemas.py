"""Declared schemas of the files in ``data/``, one per file stem.

Every file carries its provenance: where each figure comes from (``source``),
when the course read it (``retrieved``), how far to trust it (``confidence``:
H, primary source or several agreeing; M, one decent secondary source; L, weak
or conflicting; M-H and L-M between) and, where the source gives one, when the
figure held (``as_of`` or ``date``). Dates are ISO 8601 at the precision the
source gives: ``2026``, ``2025-09`` or ``2025-09-29``.

A teaching value that no source gives is a row of kind ``assumption`` whose
``source`` is ``course assumption`` at confidence ``L``; the schemas of the files
that hold such rows check that the three agree.
"""

from __future__ import annotations

import pandera.pandas as pa

__all__ = [
    "SCHEMAS",
    "CONFIDENCE_LEVELS",
    "ISO_DATE",
    "ARTICLES",
    "ASSUMPTION_SOURCE",
    "LAYERS",
    "SCENARIOS",
    "SERVICE_FIGURES",
]

CONFIDENCE_LEVELS = ["H", "M-H", "M", "L-M", "L"]
ISO_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
# A period of funding statistics: a year or a quarter of one (``2025``, ``2025-Q1``).
PERIOD = r"^\d{4}(-Q[1-4])?$"

# The two articles the course is built on, as cited in ``source``.
ARTICLES = [
    "The Plumbing Premium (essay)",
    "Picks and shovels: venture capital infrastructure funding (explainer)",
]
ASSUMPTION_SOURCE = "course assumption"
# The essay's three layers of the AI infrastructure stack.
LAYERS = ["deployment", "orchestration", "observability"]
SCENARIOS = ["vertical integration", "horizontal layering", "managed OSS"]
# The figures of a service in ``service_profiles``, each sourced or assumed.
SERVICE_FIGURES = ["latency_median_ms", "latency_p99_ms", "availability", "cost_per_call_usd"]


def _text(*checks: pa.Check, nullable: bool = False) -> pa.Column:
    return pa.Column(str, [pa.Check.str_length(min_value=1), *checks], nullable=nullable)


def _date(nullable: bool = False) -> pa.Column:
    return _text(pa.Check.str_matches(ISO_DATE), nullable=nullable)


def _choice(values: list[str], nullable: bool = False) -> pa.Column:
    return pa.Column(str, pa.Check.isin(values), nullable=nullable)


def _provenance() -> dict[str, pa.Column]:
    return {
        "source": _text(),
        "confidence": _choice(CONFIDENCE_LEVELS),
        "retrieved": _date(),
    }


def _note() -> pa.Column:
    return pa.Column(str, nullable=True)


def _url() -> pa.Column:
    return pa.Column(str, pa.Check.str_startswith("http"), nullable=True)


def _nonnegative(nullable: bool = False) -> pa.Column:
    return pa.Column(float, pa.Check.ge(0), nullable=nullable)


def _fraction(nullable: bool = False) -> pa.Column:
    """A probability or a share of a whole, in [0, 1]."""
    return pa.Column(float, pa.Check.in_range(0, 1), nullable=nullable)


def _count(nullable: bool = False) -> pa.Column:
    """A whole number >= 0; ``Int64`` so that an empty cell stays empty."""
    return pa.Column("Int64", pa.Check.ge(0), nullable=nullable)


# Checks across the columns of a row. A failing row is reported once, with the
# rule named by the check's ``error``.


def _at_least(high: str, low: str) -> pa.Check:
    """Row by row, ``high >= low`` wherever both are given."""
    return pa.Check(
        lambda frame: frame[high].isna() | frame[low].isna() | (frame[high] >= frame[low]),
        error=f"{high} >= {low}",
    )


def _assumptions_labelled() -> pa.Check:
    """A row is of kind ``assumption`` exactly when its source is ``course assumption``, at confidence L."""
    return pa.Check(
        lambda frame: (
            (frame["kind"] == "assumption") == ((frame["source"] == ASSUMPTION_SOURCE) & (frame["confidence"] == "L"))
        ),
        error=f"kind 'assumption' if and only if source '{ASSUMPTION_SOURCE}' at confidence 'L'",
    )


def _sourced_fields_named(fields: str) -> bool:
    """``fields`` names figures of ``SERVICE_FIGURES``, separated by ``; ``."""
    return all(field in SERVICE_FIGURES for field in fields.split("; "))


def _table(
    columns: dict[str, pa.Column], *, unique: list[str] | None = None, checks: list[pa.Check] | None = None
) -> pa.DataFrameSchema:
    """A file's schema: exactly these columns, text coerced to their types."""
    return pa.DataFrameSchema(columns, checks=checks, strict=True, coerce=True, unique=unique)


SCHEMAS: dict[str, pa.DataFrameSchema] = {
    "gpu_prices": _table(
        {
            "provider": _text(),
            "gpu": _text(),
            "offering": _choice(["serverless", "always on"]),
            "billing": _choice(["per second", "per minute", "not stated"]),
            "usd_per_gpu_hour": pa.Column(float, pa.Check.in_range(0, 100, include_min=False)),
            "as_of": _date(),
            **_provenance(),
            "source_url": _url(),
            "note": _note(),
        },
        unique=["provider", "gpu", "offering"],
    ),
    "cold_starts": _table(
        {
            "model_size": _text(),
            "seconds_low": _nonnegative(),
            "seconds_high": _nonnegative(nullable=True),
            "kind": _choice(["reported range", "essay claim", "arithmetic"]),
            **_provenance(),
            "note": _note(),
        },
        checks=[_at_least("seconds_high", "seconds_low")],
    ),
    "funding_rounds": _table(
        {
            "company": _text(),
            "layer": _choice([*LAYERS, "model"]),
            "round": _text(nullable=True),
            "amount_usd": _nonnegative(nullable=True),
            "amount_inr": _nonnegative(nullable=True),
            "valuation_usd": _nonnegative(nullable=True),
            "total_raised_usd": _nonnegative(nullable=True),
            "date": _date(nullable=True),
            **_provenance(),
            "source_url": _url(),
            "figure_from": _choice(["articles", "other reports"]),
            "note": _note(),
        },
        unique=["company", "round", "figure_from"],
        checks=[
            _at_least("total_raised_usd", "amount_usd"),
            pa.Check(
                lambda frame: (frame["figure_from"] == "articles") == frame["source"].isin(ARTICLES),
                error="figure_from 'articles' if and only if the source is one of the two articles",
            ),
        ],
    ),
    "infrastructure_layers": _table(
        {
            "layer": _choice(LAYERS),
            "role": _text(),
            "cloud_equivalent": _text(),
            "example_companies": _text(),
            "essay_capital_usd": _nonnegative(nullable=True),
            **_provenance(),
            "note": _note(),
        },
        unique=["layer"],
    ),
    "scenarios": _table(
        {
            "scenario": _choice(SCENARIOS),
            "what_happens": _text(),
            "premium_accrues_to": _text(),
            "current_signal": _text(),
            **_provenance(),
            "note": _note(),
        },
        unique=["scenario"],
    ),
    "service_profiles": _table(
        {
            "service": _text(),
            "role": _text(),
            "latency_median_ms": _nonnegative(),
            "latency_p99_ms": _nonnegative(),
            "availability": _fraction(),
            "cost_per_call_usd": _nonnegative(),
            "kind": _choice(["sourced", "assumption"]),
            "sourced_fields": _text(
                pa.Check(_sourced_fields_named, element_wise=True, error=f"fields among {SERVICE_FIGURES}"),
                nullable=True,
            ),
            **_provenance(),
            "note": _text(),
        },
        unique=["service"],
        checks=[
            _at_least("latency_p99_ms", "latency_median_ms"),
            _assumptions_labelled(),
            pa.Check(
                lambda frame: (frame["kind"] == "sourced") == frame["sourced_fields"].notna(),
                error="sourced_fields given if and only if kind 'sourced'",
            ),
        ],
    ),
    "venture_returns": _table(
        {
            "dataset": _text(),
            "bucket": _text(),
            "multiple_min": _nonnegative(),
            "multiple_max": _nonnegative(nullable=True),
            "share_of_deals": _fraction(),
            "share_of_returns": _fraction(nullable=True),
            **_provenance(),
            "note": _note(),
        },
        unique=["source", "bucket"],
        checks=[_at_least("multiple_max", "multiple_min")],
    ),
    "fund_returns": _table(
        {
            "finding": _text(),
            "funds": _count(),
            "funds_studied": _count(),
            "years_covered": _count(),
            "published": _date(),
            **_provenance(),
            "note": _note(),
        },
        unique=["finding"],
        checks=[_at_least("funds_studied", "funds")],
    ),
    "power_law_parameters": _table(
        {
            "estimate": _text(),
            "alpha_low": _nonnegative(),
            "alpha_high": _nonnegative(),
            "share_of_zeros": _fraction(nullable=True),
            "kind": _choice(["arithmetic", "assumption"]),
            **_provenance(),
            "note": _note(),
        },
        unique=["estimate"],
        checks=[_at_least("alpha_high", "alpha_low"), _assumptions_labelled()],
    ),
    "funding_concentration": _table(
        {
            "period": _text(pa.Check.str_matches(PERIOD)),
            "scope": _choice(["global", "US"]),
            "total_usd": _nonnegative(nullable=True),
            "growth_vs_prior": pa.Column(float, pa.Check.ge(-1), nullable=True),
            "ai_usd": _nonnegative(nullable=True),
            "ai_share": _fraction(nullable=True),
            "largest_round_usd": _nonnegative(nullable=True),
            "largest_round_company": _text(nullable=True),
            "top_n": _count(nullable=True),
            "top_n_usd": _nonnegative(nullable=True),
            "top_n_share": _fraction(nullable=True),
            "top_deals_share": _fraction(nullable=True),
            "top_deals_value_share": _fraction(nullable=True),
            **_provenance(),
            "note": _note(),
        },
        unique=["period", "scope", "source"],
        checks=[_at_least("total_usd", part) for part in ("ai_usd", "largest_round_usd", "top_n_usd")],
    ),
    "reference_thresholds": _table(
        {
            "guidelines": _text(),
            "year": _count(),
            "presumption": _text(),
            "hhi_above": pa.Column(float, pa.Check.in_range(0, 10_000), nullable=True),
            "hhi_change_above": pa.Column(float, pa.Check.in_range(0, 10_000)),
            "merged_share_above": _fraction(nullable=True),
            **_provenance(),
            "note": _note(),
        },
        unique=["year", "presumption"],
    ),
    "serving_facts": _table(
        {
            "subject": _text(),
            "quantity": _text(),
            "value": _nonnegative(),
            "unit": _text(),
            **_provenance(),
            "note": _note(),
        },
        unique=["subject", "quantity"],
    ),
    "unit_economics": _table(
        {
            "metric": _choice(
                ["gross dollar churn (annual)", "net revenue retention", "gross margin", "ARPU relative to US SaaS"]
            ),
            "segment": _text(),
            "value_low": _nonnegative(),
            "value_high": _nonnegative(),
            "as_of": _date(nullable=True),
            **_provenance(),
            "note": _note(),
        },
        unique=["metric", "segment"],
        checks=[_at_least("value_high", "value_low")],
    ),
}
