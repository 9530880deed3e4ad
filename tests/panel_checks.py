"""Checks every lesson's panel tests share: each control changes what a learner sees; each panel is
explorable (presets with arguments, a takeaway, which input matters most, a share line); and each
panel's JavaScript twin (for the static site) computes what its Python model computes."""

from __future__ import annotations

import json
import math
import random
import re
import shutil
import subprocess
from collections.abc import Callable, Mapping, Sequence
from numbers import Number
from pathlib import Path
from typing import Any

from utils.whatif import WhatIf


def _moves(control: dict, current: Any, both_ways: bool) -> list[Any]:
    """Model values one step from ``current``: a slider's neighbors in range, a dropdown's neighboring options."""
    if control["kind"] == "dropdown" or control.get("stops"):
        options = control.get("options") or control["stops"]
        index = options.index(current)
        after = [options[i] for i in (index + 1, index - 1) if 0 <= i < len(options)]
    else:
        after = [
            v for v in (current + control["step"], current - control["step"]) if control["min"] <= v <= control["max"]
        ]
    return after if both_ways else after[:1]


def assert_every_control_moves(
    panel: WhatIf, *, chart: bool = True, both_ways: bool = False, cumulative: bool = False
) -> None:
    """Move each control one step (up, or down at the top; ``both_ways``: each way in range).

    Each move must change the readout and, with ``chart``, the chart's rows. The
    control is then put back and the readout must return, unless ``cumulative``:
    then controls are moved one after another, as a learner would, from where
    the previous moves left them.
    """
    for control in panel.controls:
        name = control["name"]
        sent = panel.values[name]  # a slider's value, or a dropdown's option index
        choices = control.get("options") or control.get("stops")  # a dropdown's texts, a stops slider's values
        start = choices[sent] if choices else sent
        before_text, before_rows = panel.readout_text(), panel.datasets
        for moved in _moves(control, start, both_ways):
            panel.set(**{name: moved})
            assert panel.readout_text() != before_text, f"moving {name} to {moved!r} changed nothing a learner can read"
            if chart:
                assert panel.datasets != before_rows, f"moving {name} to {moved!r} left the chart as it was"
            if cumulative:
                break
            panel.set(**{name: start})
            assert panel.readout_text() == before_text, f"moving {name} back did not restore the readout"


def assert_explorable(make: Callable[[], WhatIf]) -> None:
    """A panel made by ``make`` has at least two presets, each with a one-sentence argument and a state of its
    own (readout and chart); a takeaway sentence that follows the numbers; a sensitivity table, one finite row
    per numeric control, largest swing first; and a share line that restores its state in a fresh panel."""
    panel = make()
    assert len(panel.presets) >= 2, "give the panel at least two named presets"
    start = panel.takeaway()
    assert start, "the panel's outcome needs a takeaway sentence"
    seen = {}
    for name, preset in panel.presets.items():
        assert preset.argument.strip().endswith((".", "!", "?")), f"preset {name!r}: a one-sentence argument"
        panel.apply_preset(name)
        assert panel.active_preset == name
        seen[name] = (panel.readout_text(), str(panel.datasets))
    assert len(set(seen.values())) == len(seen), f"two presets show the same state: {list(seen)}"
    assert any(text.splitlines()[0] != start for text, _ in seen.values()), "no preset changes the takeaway"
    table = panel.sensitivity()
    numeric = [c for c in panel.controls if c["kind"] == "slider"]
    assert len(table) == len(numeric) and table["swing"].is_monotonic_decreasing
    assert all(math.isfinite(v) for v in [*table["low"], *table["high"]])
    fresh = make()
    exec(panel.share(), {panel.name: fresh})  # what a classmate does with the pasted line
    assert fresh.values == panel.values and fresh.readout_text() == panel.readout_text()


NUMBER = re.compile(r"-?\d[\d,]*(?:\.\d+)?")
PANELS_DIR = Path(__file__).resolve().parent.parent / "utils" / "panels"
TWIN_RUNNER = Path(__file__).resolve().parent / "twins" / "run.mjs"


def run_twins(cases: list[dict], panels_dir: Path = PANELS_DIR) -> list[dict]:
    """Each case's outcome from its JavaScript twin, computed by node (what the static site's page runs)."""
    node = shutil.which("node")
    if node is None:
        raise AssertionError("node is needed to test the panels' JavaScript twins: `apt-get install nodejs`.")
    done = subprocess.run(
        [node, str(TWIN_RUNNER), str(panels_dir)], input=json.dumps(cases), capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def _numbers(text: str) -> list[tuple[float, int]]:
    """The numbers in a readout line, each with its number of displayed decimals."""
    found = NUMBER.findall(text)
    return [(float(n.replace(",", "")), len(n.split(".")[1]) if "." in n else 0) for n in found]


def same_to_the_displayed_rounding(python: str, twin: str, rel_tol: float) -> bool:
    """Two readout texts agree: the same words, and numbers within one unit of their last displayed digit
    (or ``rel_tol`` of each other, for a Monte Carlo panel's standard error)."""
    if NUMBER.sub("#", python) != NUMBER.sub("#", twin):
        return False
    pairs = zip(_numbers(python), _numbers(twin), strict=True)
    return all(
        abs(a - b) <= max(10.0 ** -max(da, db), rel_tol * max(abs(a), abs(b))) + 1e-9 for (a, da), (b, db) in pairs
    )


def random_positions(panel: WhatIf, count: int, seed: int) -> list[dict[str, Any]]:
    """``count`` seeded random positions of every control, as ``set()`` takes them."""
    rng = random.Random(seed)
    positions = []
    for _ in range(count):
        position = {}
        for control in panel.controls:
            if control["kind"] == "dropdown":
                position[control["name"]] = rng.choice(control["options"])
            elif control.get("stops"):
                position[control["name"]] = rng.choice(control["stops"])
            else:
                steps = round((control["max"] - control["min"]) / control["step"])
                position[control["name"]] = round(control["min"] + rng.randint(0, steps) * control["step"], 10)
        positions.append(position)
    return positions


def assert_twin_matches(
    make: Callable[[], WhatIf], *, count: int = 60, seed: int = 0, rel_tol: float = 0.0, panels_dir: Path = PANELS_DIR
) -> None:
    """The panel's JavaScript twin gives the readout and takeaway its Python model gives, at ``count`` seeded
    random control positions, to the displayed rounding (``rel_tol`` for Monte Carlo panels). A model change
    not mirrored in the twin fails here, naming the panel and the values."""
    panel = make()
    assert panel.twin is not None, f"{panel.title!r} has no JavaScript twin"
    cases, expected = [], []
    for position in random_positions(panel, count, seed):
        try:
            panel.set(**position)
        except ValueError:
            continue  # values the model refuses: the twin is not asked
        cases.append(
            {
                "module": panel.twin.module,
                "function": panel.twin.function,
                "values": panel.model_arguments(),
                "params": dict(panel.twin.params),
            }
        )
        expected.append((position, panel.readout_text()))
    assert len(cases) >= count // 2, "most random positions should be computable"
    for (position, python), twin in zip(expected, run_twins(cases, panels_dir), strict=True):
        assert "error" not in twin, f"{panel.title!r} twin failed at {position}: {twin.get('error')}"
        lines = ([twin["takeaway"]] if twin["takeaway"] else []) + [
            f"{label}: {text}" for label, text in twin["readout"]
        ]
        for want, got in zip(python.splitlines(), lines, strict=True):
            assert same_to_the_displayed_rounding(want, got, rel_tol), (
                f"{panel.title!r} at {position}: Python says {want!r}, the twin {got!r}"
            )


def _same_value(python: Any, twin: Any, rel_tol: float) -> bool:
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
    and key equal the Python panel's; at ``positions`` its takeaway and readout too, to the displayed rounding.

    The static site's chart draws the twin's rows and its "Which input matters most?" ranks the twin's key, so
    these must match as well as the readout: the same datasets, rows and fields, equal text and flags, numbers
    within ``rel_tol`` (JavaScript's ``**`` may differ from numpy's ``pow`` in the last bit). ``positions`` are
    the corners random positions rarely reach (a branch of the takeaway, an empty dataset)."""
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
                wrong = {f: (want[f], row[f]) for f in want if not _same_value(want[f], row[f], rel_tol)}
                assert not wrong, f"{where}: {name!r} row {i}, (Python, twin): {wrong}"
        assert twin["key"] is not None and key is not None, f"{where}: a key on both sides"
        assert twin["key"][0] == key[0] and _same_value(key[1], twin["key"][1], rel_tol), f"{where}: key {twin['key']}"
