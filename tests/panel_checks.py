"""Checks every lesson's panel tests share: each control changes what a learner sees, and each
panel is explorable (presets with arguments, a takeaway, which input matters most, a share line)."""

from __future__ import annotations

import math
from collections.abc import Callable
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
