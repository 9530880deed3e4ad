"""The what-if machinery, driven from Python as the browser would drive it."""

import json

import altair as alt
import numpy as np
import pandas as pd
import pytest

from utils.whatif import Dropdown, Outcome, Preset, Slider, StopsSlider, Twin, WhatIf, show


def _chart(**properties):
    return alt.Chart(alt.Data(name="points")).mark_line().encode(x="x:Q", y="y:Q").properties(**properties)


def _line(slope: float, shape: str = "straight") -> Outcome:
    x = np.linspace(0, 1, 5)
    y = slope * x if shape == "straight" else slope * x**2
    return Outcome({"points": pd.DataFrame({"x": x, "y": y})}, {"Slope": f"{slope:.1f}", "Last": f"{y[-1]:.2f}"})


def _panel() -> WhatIf:
    return WhatIf(
        title="Test panel",
        controls=[
            Slider("slope", "Slope", min=0, max=5, step=0.5, value=1),
            Dropdown("shape", "Shape", {"Straight": "straight", "Curved": "curved"}, "Straight"),
        ],
        compute=_line,
        chart=_chart(title="A line", description="A test line."),
    )


def test_initial_values_are_computed():
    panel = _panel()
    assert panel.readout == [["Slope", "1.0"], ["Last", "1.00"]]
    assert panel.datasets["points"][-1] == {"x": 1.0, "y": 1.0}


def test_a_control_change_from_the_browser_recomputes():
    panel = _panel()
    revision = panel.revision
    panel.values = {"slope": 2.5, "shape": 1}  # what the browser sends: a number and an option index
    assert panel.readout_text() == "Slope: 2.5\nLast: 2.50"
    assert panel.revision == revision + 1


def test_set_takes_model_values_and_option_text():
    panel = _panel()
    panel.set(shape="Curved", slope=4)
    assert panel.model_arguments() == {"slope": 4.0, "shape": "curved"}
    assert panel.datasets["points"][2]["y"] == pytest.approx(1.0)  # 4 * 0.5 ** 2


def test_set_rejects_unknown_controls():
    with pytest.raises(ValueError, match=r"no control named \['speed'\]"):
        _panel().set(speed=3)


def test_text_shown_without_widgets_is_the_readout():
    bundle = _panel()._repr_mimebundle_()[0]
    assert bundle["text/plain"] == "Test panel\nSlope: 1.0\nLast: 1.00"
    assert "application/vnd.jupyter.widget-view+json" in bundle


def test_nan_travels_as_null():
    outcome = Outcome({"points": pd.DataFrame({"x": [0.0, 1.0], "y": [np.nan, 2.0]})})
    panel = WhatIf("NaN", [], lambda: outcome, _chart(title="t", description="d"))
    assert panel.datasets["points"][0]["y"] is None
    json.dumps(panel.datasets, allow_nan=False)


@pytest.mark.parametrize("properties", [{"title": "only a title"}, {"description": "only a description"}])
def test_a_chart_without_title_or_description_is_refused(properties):
    with pytest.raises(ValueError, match="chart needs a title and a description"):
        WhatIf("x", [], lambda: _line(1), _chart(**properties))


def test_controls_need_distinct_names():
    with pytest.raises(ValueError, match="controls must have distinct names"):
        WhatIf(
            "x",
            [
                Slider("a", "A", min=0, max=1, step=0.1, value=0),
                Slider("a", "A again", min=0, max=1, step=0.1, value=0),
            ],
            _line,
            _chart(title="t", description="d"),
        )


def test_layout_follows_new_data():
    assert _panel().spec["autosize"] == {"type": "pad", "resize": True}


def test_show_draws_a_static_chart_with_a_readout():
    chart = (
        alt.Chart(pd.DataFrame({"x": [1, 2]}))
        .mark_bar()
        .encode(x="x:Q")
        .properties(title="Bars", description="Two bars.")
    )
    figure = show(chart, {"Total": "3"})
    assert figure.title == "Bars" and figure.readout_text() == "Total: 3" and figure.controls == []


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"min": 1, "max": 1, "step": 0.1, "value": 1}, "min must be below max"),
        ({"min": 0, "max": 1, "step": 0, "value": 0}, r"step must be in \(0, 1\]"),
        ({"min": 0, "max": 1, "step": 0.1, "value": 2}, r"value must be in \[0, 1\]"),
        ({"min": 0.5, "max": 10, "step": 0.05, "value": 2.86}, "value must lie on the grid"),
    ],
)
def test_slider_definitions_are_checked(kwargs, message):
    with pytest.raises(ValueError, match=message):
        Slider("s", "S", **kwargs)


@pytest.mark.parametrize(("step", "decimals"), [(1, 0), (0.5, 1), (0.05, 2), (0.01, 2), (50, 0)])
def test_displayed_decimals_follow_the_step(step, decimals):
    assert Slider("s", "S", min=0, max=100, step=step, value=0).decimals == decimals


def test_dropdown_default_must_be_an_option():
    with pytest.raises(ValueError, match=r"value must be one of \['a', 'b'\], got 'c'"):
        Dropdown("d", "D", {"a": 1, "b": 2}, "c")


def test_bundle_is_offline():
    from utils._bundle import bundled_esm

    esm = bundled_esm()
    assert len(esm) > 100_000, "Vega should be inlined in the panel's module"
    assert "esm.sh" not in esm and "cdn.jsdelivr" not in esm


def test_each_panel_sends_only_the_small_loader_naming_the_current_bundle():
    from utils._bundle import bundle_name

    assert len(WhatIf._esm) < 5_000
    assert bundle_name() in WhatIf._esm and "__BUNDLE__" not in WhatIf._esm


def test_the_kernel_sends_the_bundle_when_the_page_asks():
    from utils._bundle import bundled_esm

    panel, sent = _panel(), []
    panel.send = sent.append
    panel._answer_the_page(panel, {"type": "bundle"}, [])
    panel._answer_the_page(panel, {"type": "something else"}, [])
    assert sent == [{"type": "bundle", "source": bundled_esm()}]


def test_the_shared_control_check_catches_a_control_that_does_nothing():
    from tests.panel_checks import assert_every_control_moves

    ignored = WhatIf(
        "x",
        [
            Slider("slope", "Slope", min=0, max=5, step=0.5, value=1),
            Slider("unused", "Unused", min=0, max=1, step=0.1, value=0.5),
        ],
        lambda slope, unused: _line(slope),
        _chart(title="t", description="d"),
    )
    with pytest.raises(AssertionError, match="moving unused to 0.6 changed nothing"):
        assert_every_control_moves(ignored)


def _fragile_panel() -> WhatIf:
    """A panel whose model fails above a slope of 4, as a model can at a slider's corner."""

    def compute(slope: float) -> Outcome:
        if slope > 4:
            raise ValueError(f"slope must be at most 4, got {slope}")
        return _line(slope)

    return WhatIf(
        "Fragile",
        [Slider("slope", "Slope", min=0, max=5, step=0.5, value=1)],
        compute,
        _chart(title="t", description="d"),
    )


def test_a_failing_move_shows_why_keeps_the_last_good_chart_and_recovers():
    panel = _fragile_panel()
    good, revision = panel.datasets, panel.revision
    panel.values = {"slope": 4.5}  # what the browser sends
    assert panel.error == "These values cannot be computed: slope must be at most 4, got 4.5"
    assert panel.datasets == good and panel.revision == revision  # the last good chart stays, unredrawn
    assert panel.readout_text().startswith(panel.error + "\n(the numbers below are from the last values that worked)")
    panel.values = {"slope": 2.0}
    assert panel.error == "" and panel.readout_text() == "Slope: 2.0\nLast: 2.00"


def test_set_raises_the_models_error():
    with pytest.raises(ValueError, match="slope must be at most 4"):
        _fragile_panel().set(slope=5)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (9, r"Slope \(slope\) must be between 0 and 5, got 9"),
        (-1, r"must be between 0 and 5"),
        (float("nan"), r"Slope \(slope\) must be a finite number, got nan"),
        (float("inf"), r"must be a finite number"),
        ("2", r"must be a finite number, got '2'"),
        (True, r"must be a finite number, got True"),
        (1.25, r"moves in steps of 0.5 from 0; 1.25 is not on the slider"),
    ],
)
def test_set_refuses_values_the_slider_cannot_show_naming_the_control(value, message):
    panel = _panel()
    before = dict(panel.values)
    with pytest.raises(ValueError, match=message):
        panel.set(slope=value)
    assert panel.values == before  # nothing was sent


def test_set_refuses_an_unknown_option_naming_the_choices():
    with pytest.raises(ValueError, match=r"Shape \(shape\) must be one of \['Straight', 'Curved'\], got 'Wavy'"):
        _panel().set(shape="Wavy")


@pytest.mark.parametrize("part", ["min", "max", "step", "value"])
def test_infinite_slider_settings_are_a_value_error(part):
    settings = {"min": 0, "max": 5, "step": 0.5, "value": 1, part: float("inf")}
    with pytest.raises(ValueError, match=f"Slider 'slope': {part} must be a finite number"):
        Slider("slope", "Slope", **settings)


def test_rows_never_carry_nan_or_infinity_into_json():
    panel = WhatIf(
        "t",
        [],
        lambda: Outcome({"points": pd.DataFrame({"x": [0.0, 1.0, 2.0], "y": [np.nan, np.inf, 1.0]})}),
        _chart(title="t", description="d"),
    )
    json.dumps(panel.datasets, allow_nan=False)  # raises on NaN or Infinity


def _explorable() -> WhatIf:
    """A panel with presets, a takeaway and a key number, as every course panel has."""

    def compute(slope: float, shape: str, offset: float) -> Outcome:
        outcome = _line(slope, shape)
        last = outcome.datasets["points"]["y"].iloc[-1] + offset
        return Outcome(outcome.datasets, outcome.readout, f"The line ends at {last:.2f}.", ("End of the line", last))

    return WhatIf(
        "Explorable",
        [
            Slider("slope", "Slope", min=0, max=5, step=0.5, value=1),
            Dropdown("shape", "Shape", {"Straight": "straight", "Curved": "curved"}, "Straight"),
            StopsSlider.log("offset", "Offset", low=1, high=100, value=2),
        ],
        compute,
        _chart(title="t", description="d"),
        presets={
            "Steep": Preset({"slope": 5, "shape": "Curved"}, "A steep curve ends highest."),
            "Flat": Preset({"slope": 0, "offset": 1}, "No slope: only the offset is left."),
        },
        name="line",
    )


def test_presets_move_several_controls_and_carry_their_argument():
    panel = _explorable()
    assert {name: p.argument for name, p in panel.presets.items()} == {
        "Steep": "A steep curve ends highest.",
        "Flat": "No slope: only the offset is left.",
    }
    panel.apply_preset("Steep")
    assert panel.model_arguments() == {"slope": 5.0, "shape": "curved", "offset": 2.0}
    assert panel.active_preset == "Steep"
    panel.set(slope=4.5)
    assert panel.active_preset == ""
    with pytest.raises(ValueError, match="no preset named 'Wavy'"):
        panel.apply_preset("Wavy")


def test_a_preset_naming_an_unknown_control_or_value_is_refused():
    with pytest.raises(ValueError, match=r"preset 'Bad': no control named \['speed'\]"):
        WhatIf(
            "x",
            [Slider("slope", "Slope", min=0, max=5, step=0.5, value=1)],
            _line,
            _chart(title="t", description="d"),
            presets={"Bad": Preset({"speed": 1}, "Nope.")},
        )
    with pytest.raises(ValueError, match="must be between 0 and 5, got 9"):
        WhatIf(
            "x",
            [Slider("slope", "Slope", min=0, max=5, step=0.5, value=1)],
            _line,
            _chart(title="t", description="d"),
            presets={"Bad": Preset({"slope": 9}, "Nope.")},
        )


def test_the_takeaway_follows_the_numbers_and_leads_the_readout():
    panel = _explorable()
    assert panel.takeaway() == "The line ends at 3.00."
    panel.set(slope=3)
    assert panel.takeaway() == "The line ends at 5.00."
    assert panel.readout_text().splitlines()[0] == "The line ends at 5.00."


def test_share_gives_one_line_that_restores_the_state():
    panel = _explorable()
    panel.set(slope=2.5, shape="Curved", offset=50)
    line = panel.share()
    assert line == "line.set(slope=2.5, shape='Curved', offset=50)"
    fresh = _explorable()
    exec(line, {"line": fresh})
    assert fresh.values == panel.values and fresh.readout == panel.readout


def test_sensitivity_ranks_the_numeric_controls_by_swing():
    panel = _explorable()
    table = panel.sensitivity()
    assert list(table.columns) == ["control", "low_value", "high_value", "low", "high", "swing"]
    assert list(table["control"]) == ["Offset", "Slope"]  # the dropdown is not a number
    slope = table.set_index("control").loc["Slope"]
    assert (slope.low_value, slope.high_value) == (0.0, 2.0)  # 1 -/+ 20 % of the 0-5 range, within the ends
    assert (slope.low, slope.high) == (2.0, 4.0)
    assert table["swing"].is_monotonic_decreasing
    assert panel.model_arguments()["slope"] == 1.0  # measuring moved nothing


def test_the_page_gets_presets_sensitivity_and_share_on_request():
    panel, sent = _explorable(), []
    panel.send = sent.append
    panel._answer_the_page(panel, {"type": "preset", "name": "Flat"}, [])
    assert panel.model_arguments()["slope"] == 0.0
    panel._answer_the_page(panel, {"type": "share"}, [])
    panel._answer_the_page(panel, {"type": "sensitivity"}, [])
    assert sent[0] == {"type": "share", "line": panel.share()}
    assert sent[1]["type"] == "sensitivity" and sent[1]["spec"]["title"] == "Which input matters most?"


def test_a_log_slider_steps_through_round_numbers():
    offset = StopsSlider.log("offset", "Offset", low=1, high=1000, value=20)
    assert offset.stops == (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000)
    assert offset.to_json()["value"] == 4 and offset.decode(5) == 50.0
    with pytest.raises(ValueError, match=r"Offset \(offset\) must be one of \[1.0, 2.0"):
        offset.encode(30)
    assert offset.around(20, 0.2) == (5, 100)


def test_the_shared_explorable_check_passes_a_good_panel_and_catches_a_plain_one():
    from tests.panel_checks import assert_explorable

    assert_explorable(_explorable)
    with pytest.raises(AssertionError, match="at least two named presets"):
        assert_explorable(_panel)


LINE_TWIN = """
export function line({ slope, shape, offset }) {
  const x = [0, 0.25, 0.5, 0.75, 1];
  const y = x.map((v) => (shape === "straight" ? slope * v : slope * v * v));
  const last = y[y.length - 1] + offset;
  return {
    datasets: { points: x.map((v, i) => ({ x: v, y: y[i] })) },
    readout: [["Slope", slope.toFixed(1)], ["Last", y[y.length - 1].toFixed(2)]],
    takeaway: `The line ends at ${last.toFixed(2)}.`,
    key: ["End of the line", last],
  };
}
"""


def _twinned() -> WhatIf:
    panel = _explorable()
    return WhatIf(
        panel.title,
        list(panel._controls.values()),
        panel._compute,
        _chart(title="t", description="d"),
        presets=panel.presets,
        name="line",
        twin=Twin("line", "line"),
    )


def test_a_twin_that_mirrors_its_model_passes_and_a_drifted_one_fails_naming_the_values(tmp_path):
    from tests.panel_checks import assert_twin_matches

    (tmp_path / "line.js").write_text(LINE_TWIN)
    assert_twin_matches(_twinned, count=30, panels_dir=tmp_path)
    (tmp_path / "line.js").write_text(LINE_TWIN.replace("slope * v * v", "slope * v * v * 1.1"))
    with pytest.raises(AssertionError, match=r"'Explorable' at \{'slope'.*\}: Python says '.*', the twin '"):
        assert_twin_matches(_twinned, count=30, panels_dir=tmp_path)


def test_a_twinned_panel_carries_its_state_for_the_static_site():
    panel = _twinned()
    state = panel.static_state()
    assert state["twin"] == {"module": "line", "function": "line", "params": {}}
    assert state["presets"]["Steep"] == {"slope": 5.0, "shape": 1}
    html_text = panel.static_html()
    assert 'class="pp-state"' in html_text and "Starting values:" in html_text and "<svg" in html_text
    assert "Slope: 1.0" in html_text and "Offset: 2" in html_text


def test_sensitivity_moves_a_coarse_slider_at_least_one_step():
    coarse = Slider("retries", "Retries", min=0, max=3, step=1, value=1)
    assert coarse.around(1, 0.2) == (0, 2)
    assert coarse.around(3, 0.2) == (2, 3)
