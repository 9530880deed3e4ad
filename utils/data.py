"""Load the course's data files, validated against their declared schemas.

``load("gpu_prices")`` reads ``data/gpu_prices.csv``, checks it against
``utils.schemas.SCHEMAS["gpu_prices"]`` (types, ranges, allowed values and the
provenance columns) and returns a typed DataFrame. A malformed file raises a
:class:`DataFileError` naming the file, the row and the column of every problem:
an empty file, text that is not UTF-8, a row with more or fewer fields than the
header, a value of the wrong type or out of range, an infinite number. A comma
at the end of every line (as spreadsheet programs write) is read as nothing.

A file is read and validated once while it is unchanged; ``load`` hands out a
copy each time, so that a lesson may change its frame without touching another's.
"""

from __future__ import annotations

import csv
import functools
import io
import math
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
    return _validated(name, data_dir).copy()


def _validated(name: str, data_dir: Path | None) -> pd.DataFrame:
    """The validated frame of a file, read again only when the file changes (shared: do not modify)."""
    if name not in SCHEMAS:
        raise ValueError(f"name must be one of {available()}, got {name!r}.")
    path = ((data_dir or DATA_DIR) / f"{name}.csv").resolve()
    stat = path.stat()
    return _read_and_validate(name, path, stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=64)
def _read_and_validate(name: str, path: Path, _mtime_ns: int, _size: int) -> pd.DataFrame:
    frame = _read_rows(path)
    try:
        frame = SCHEMAS[name].validate(frame, lazy=True)
    except pa.errors.SchemaErrors as errors:
        raise DataFileError(_describe(path, errors.failure_cases, SCHEMAS[name].unique or [])) from None
    _require_finite(path, frame)
    return frame


def _read_rows(path: Path) -> pd.DataFrame:
    """The file's cells as text ("" read as missing), every row checked against the header's width."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise DataFileError(
            f"{path.name} is not UTF-8 text (byte {error.object[error.start]:#04x} at position {error.start}): "
            "save it as UTF-8 (CSV UTF-8 in a spreadsheet program)."
        ) from None
    rows = list(csv.reader(io.StringIO(text)))
    if not rows or not any(rows[0]):
        raise DataFileError(f"{path.name} is empty: its first line must name the columns.")
    header, body = _drop_trailing_commas(rows[0], rows[1:])
    problems = [
        f"  {_where(index)}: {len(row)} fields, but the header names {len(header)} columns"
        for index, row in enumerate(body)
        if len(row) != len(header)
    ]
    if problems:
        raise DataFileError("\n".join([f"{path.name} does not match its schema:", *problems]))
    frame = pd.DataFrame(body, columns=header, dtype=str)
    return frame.mask(frame == "")


def _drop_trailing_commas(header: list[str], body: list[list[str]]) -> tuple[list[str], list[list[str]]]:
    """Strip the empty last field that a comma at the end of a line adds, where every line of its kind has one."""
    if header and header[-1] == "":
        header = header[:-1]
    if body and all(len(row) == len(header) + 1 and row[-1] == "" for row in body):
        body = [row[:-1] for row in body]
    while body and not body[-1]:  # blank lines at the end of the file
        body = body[:-1]
    return header, body


def _require_finite(path: Path, frame: pd.DataFrame) -> None:
    """A number in a data file is finite: ``inf`` or ``1e400`` (which reads as infinity) is refused."""
    problems = [
        f"  {_where(index)}, column {column!r}: {value!r} is not a finite number"
        for column in frame.select_dtypes("number")
        for index, value in frame[column].items()
        if pd.notna(value) and not math.isfinite(value)
    ]
    if problems:
        raise DataFileError("\n".join([f"{path.name} does not match its schema:", *problems]))


def pick(name: str, column: str, data_dir: Path | None = None, **where: str) -> Any:
    """The one value of ``column`` in the row of ``name`` that matches ``where`` (``data_dir`` as for ``load``).

    >>> pick("gpu_prices", "usd_per_gpu_hour", provider="Modal", gpu="H100")
    3.95
    """
    frame = _validated(name, data_dir)
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
