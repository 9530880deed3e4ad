"""A twin's chart rows and key number, held to its Python panel's, at random or chosen control positions.

``assert_twin_matches`` (tests/panel_checks.py) compares what a learner reads at random positions; the static
site's chart draws the twin's datasets and its "Which input matters most?" ranks the twin's key, so a
closed-form twin must give those too: the same dataset names, the same rows with the same fields, equal text
and flags, and numbers equal to ``rel_tol`` (floating point: JavaScript's ``**`` may differ from numpy's
``pow`` in the last bit). ``positions`` adds the corners random positions rarely reach (a branch of the
takeaway, an empty dataset); there the readout and takeaway are compared too.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from numbers import Number
from typing import Any

from tests.panel_checks import random_positions, run_twins, same_to_the_displayed_rounding
from utils.whatif import WhatIf


def _same(python: Any, twin: Any, rel_tol: float) -> bool:
    if python is None or twin is None:
        return python is None and twin is None
    if isinstance(python, str) or isinstance(twin, str):
        return python == twin
    if type(python).__name__ in ("bool", "bool_") or isinstance(twin, bool):
        return isinstance(twin, bool) and bool(python) == twin
    if isinstance(python, Number):
        return math.isclose(float(python), twin, rel_tol=rel_tol, abs_tol=rel_tol)
    return python == twin


def assert_twin_datasets_match(
    make: Callable[[], WhatIf],
    *,
    positions: Sequence[Mapping[str, Any]] = (),
    count: int = 40,
    seed: int = 1,
    rel_tol: float = 1e-12,
) -> None:
    """At each of ``positions`` (as ``set()`` takes them) and ``count`` seeded random ones, the twin's datasets
    and key equal the Python panel's; at ``positions`` its takeaway and readout too, to the displayed rounding."""
    panel = make()
    assert panel.twin is not None, f"{panel.title!r} has no JavaScript twin"
    chosen = [dict(p) for p in positions]
    cases, expected = [], []
    for position in chosen + random_positions(panel, count, seed):
        try:
            panel.set(**position)
        except ValueError:
            assert position not in chosen, f"{panel.title!r}: the chosen position {position} cannot be computed"
            continue
        arguments = panel.model_arguments()
        key = panel._compute(**arguments).key  # noqa: SLF001  (the number the tornado ranks)
        cases.append(
            {
                "module": panel.twin.module,
                "function": panel.twin.function,
                "values": arguments,
                "params": dict(panel.twin.params),
            }
        )
        text = panel.readout_text() if position in chosen else None
        expected.append((position, panel.datasets, list(key) if key else None, text))
    for (position, datasets, key, text), twin in zip(expected, run_twins(cases), strict=True):
        where = f"{panel.title!r} at {position}"
        assert "error" not in twin, f"{where}: the twin failed: {twin.get('error')}"
        if text is not None:
            lines = ([twin["takeaway"]] if twin["takeaway"] else []) + [f"{k}: {v}" for k, v in twin["readout"]]
            assert len(lines) == len(text.splitlines()), f"{where}: the twin reads {lines}"
            for want, got in zip(text.splitlines(), lines, strict=True):
                assert same_to_the_displayed_rounding(want, got, 0.0), (
                    f"{where}: Python says {want!r}, the twin {got!r}"
                )
        assert sorted(twin["datasets"]) == sorted(datasets), f"{where}: datasets {sorted(twin['datasets'])}"
        for name, rows in datasets.items():
            got = twin["datasets"][name]
            assert len(got) == len(rows), f"{where}: {name!r} has {len(got)} rows, Python {len(rows)}"
            for i, (want, row) in enumerate(zip(rows, got, strict=True)):
                assert sorted(row) == sorted(want), (
                    f"{where}: {name!r} row {i} fields {sorted(row)}, not {sorted(want)}"
                )
                wrong = {f: (want[f], row[f]) for f in want if not _same(want[f], row[f], rel_tol)}
                assert not wrong, f"{where}: {name!r} row {i}, (Python, twin): {wrong}"
        assert twin["key"] is not None and key is not None, f"{where}: a key on both sides"
        assert twin["key"][0] == key[0] and _same(key[1], twin["key"][1], rel_tol), f"{where}: key {twin['key']}"
