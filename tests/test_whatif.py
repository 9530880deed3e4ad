"""The what-if machinery, driven from Python as the browser would drive it."""

import json

import altair as alt
import numpy as np
import pandas as pd
import pytest

from utils.whatif import Dropdown, Outcome, Slider, WhatIf, show


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
            Slider("slope", "Slope", 0, 5, 0.5, 1),
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
            [Slider("a", "A", 0, 1, 0.1, 0), Slider("a", "A again", 0, 1, 0.1, 0)],
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
    assert Slider("s", "S", 0, 100, step, 0).decimals == decimals


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
    panel._send_bundle_when_asked(panel, {"type": "bundle"}, [])
    panel._send_bundle_when_asked(panel, {"type": "something else"}, [])
    assert sent == [{"type": "bundle", "source": bundled_esm()}]


def test_the_shared_control_check_catches_a_control_that_does_nothing():
    from tests.panel_checks import assert_every_control_moves

    ignored = WhatIf(
        "x",
        [Slider("slope", "Slope", 0, 5, 0.5, 1), Slider("unused", "Unused", 0, 1, 0.1, 0.5)],
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

    return WhatIf("Fragile", [Slider("slope", "Slope", 0, 5, 0.5, 1)], compute, _chart(title="t", description="d"))


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
