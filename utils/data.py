"""Load the course's data files, validated against their declared schemas.

``load("gpu_prices")`` reads ``data/gpu_prices.csv``, checks it against
``utils.schemas.SCHEMAS["gpu_prices"]`` (types, ranges, allowed values and the
provenance columns) and returns a typed DataFrame. A malformed file raises a
:class:`DataFileError` naming the file, the row and the column of every problem.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pandas as pd
import pandera.pandas as pa

from .schemas import SCHEMAS

__all__ = ["DATA_DIR", "DataFileError", "available", "load", "pick"]

DATA_DIR = Path(os.environ.get("PLUMBING_DATA_DIR") or Path(__file__).resolve().parent.parent / "data")

# A file's first line is its header, so the row at index i is on line i + 2.
_HEADER_LINES = 2


class DataFileError(ValueError):
    """A data file that does not match its schema; the message lists every problem."""


def available() -> list[str]:
    """The names ``load`` accepts: the stems of the files that have a schema."""
    return sorted(SCHEMAS)


def load(name: str, data_dir: Path | None = None) -> pd.DataFrame:
    """Read ``<data_dir>/<name>.csv`` and validate it; ``data_dir`` defaults to ``data/``."""
    if name not in SCHEMAS:
        raise ValueError(f"name must be one of {available()}, got {name!r}.")
    path = (data_dir or DATA_DIR) / f"{name}.csv"
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""])
    try:
        return SCHEMAS[name].validate(frame, lazy=True)
    except pa.errors.SchemaErrors as errors:
        raise DataFileError(_describe(path, errors.failure_cases, SCHEMAS[name].unique or [])) from None


def pick(name: str, column: str, **where: str) -> Any:
    """The one value of ``column`` in the row of ``name`` that matches ``where``.

    >>> pick("gpu_prices", "usd_per_gpu_hour", provider="Modal", gpu="H100")
    3.95
    """
    frame = load(name)
    missing = [c for c in (column, *where) if c not in frame.columns]
    if missing:
        raise ValueError(f"{name} has no column {missing[0]!r}; columns are {list(frame.columns)}.")
    mask = pd.Series(True, index=frame.index)
    for key, wanted in where.items():
        mask &= frame[key] == wanted
    rows = frame.loc[mask, column]
    if len(rows) != 1:
        raise ValueError(f"{name}: {where} matches {len(rows)} rows, not exactly one.")
    value = rows.iloc[0]
    return value.item() if hasattr(value, "item") else value


def _describe(path: Path, failures: pd.DataFrame, unique: list[str]) -> str:
    """One line per problem: file, row (and line in the file), column, value, rule broken.

    A rule across the columns of a row (``seconds_high >= seconds_low``) is
    reported once for the row, naming the rule, rather than once per column.
    """
    lines = [f"{path.name} does not match its schema:"]
    row_rules = (failures["schema_context"] == "DataFrameSchema") & failures["index"].notna()
    for case in failures[row_rules].drop_duplicates(["index", "check"]).itertuples():
        rule = f"{' + '.join(unique)} must be unique" if case.check == "multiple_fields_uniqueness" else case.check
        lines.append(f"  {_where(case.index)}: breaks the rule {rule!r}")
    for case in failures[~row_rules].drop_duplicates(["column", "index", "failure_case"]).itertuples():
        if case.check == "column_in_dataframe":
            lines.append(f"  header: column {case.failure_case!r} is missing")
        elif case.check == "column_in_schema":
            lines.append(f"  header: column {case.failure_case!r} is not in the schema")
        elif pd.notna(case.index):
            lines.append(f"  {_where(case.index)}, column {case.column!r}: {case.failure_case!r} fails {case.check}")
        # A check that could not run on a column of the wrong type repeats a problem listed above.
    return "\n".join(lines)


def _where(index: float) -> str:
    row = int(index)
    return f"row {row + 1} (line {row + _HEADER_LINES})"
