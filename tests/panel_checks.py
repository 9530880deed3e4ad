"""One check that every lesson's panel tests share: each control changes what a learner sees."""

from __future__ import annotations

from typing import Any

from utils.whatif import WhatIf


def _moves(control: dict, current: Any, both_ways: bool) -> list[Any]:
    """Model values one step from ``current``: a slider's neighbors in range, a dropdown's neighboring options."""
    if control["kind"] == "dropdown":
        options = control["options"]
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
        start = control["options"][sent] if control["kind"] == "dropdown" else sent
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
