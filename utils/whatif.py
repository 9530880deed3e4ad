"""The what-if panel: labeled controls bound to a model, an Altair chart and a readout.

Every lesson builds its interactive panels with :class:`WhatIf`::

    panel = WhatIf(
        title="Reserved or serverless?",
        controls=[Slider("demand", "Average demand", min=0, max=1, step=0.01, value=0.3, suffix=" GPUs")],
        compute=lambda demand: Outcome({"curve": frame(demand)}, {"Cost": "$876"}),
        chart=chart_reading_named_data_curve,
    )
    panel

``compute`` receives the control values as keyword arguments and returns an
:class:`Outcome`: one DataFrame per named dataset of the chart, and the key
numbers as text. The chart is embedded once; when a control moves, only the
datasets and the readout are sent again, which keeps the update fast.

The controls are plain HTML range inputs and selects, each with a ``<label>``,
so they have accessible names and work with the keyboard (arrow keys, Page Up
and Page Down, Home and End). Everything, Vega included, is bundled offline:
no request leaves the machine.
"""

from __future__ import annotations

import html
import json
import math
import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import KW_ONLY, dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import altair as alt
import anywidget
import pandas as pd
import traitlets
import vl_convert

from . import charts  # noqa: F401  (every panel is drawn in the course theme)
from ._bundle import bundled_esm, loader_esm

__all__ = ["Slider", "StopsSlider", "Dropdown", "Outcome", "Preset", "Twin", "WhatIf", "show", "tornado_spec"]

_HERE = Path(__file__).parent
STATIC_ENV = "PLUMBING_STATIC"  # when set, panels also render a static SVG copy (for make html)


@dataclass(frozen=True)
class Slider:
    """A labeled range input bound to the model argument ``name``.

    ``prefix`` and ``suffix`` decorate the displayed value (``"$"``,
    ``" GPUs"``); the number of decimals shown follows ``step``.
    """

    name: str
    label: str
    _: KW_ONLY  # Slider("demand", "Average demand", min=0, max=1, step=0.01, value=0.3): no number by position
    min: float
    max: float
    step: float
    value: float
    prefix: str = ""
    suffix: str = ""

    def __post_init__(self) -> None:
        for part in ("min", "max", "step", "value"):
            number = getattr(self, part)
            if isinstance(number, bool) or not isinstance(number, int | float) or not math.isfinite(number):
                raise ValueError(f"Slider {self.name!r}: {part} must be a finite number, got {number!r}.")
        if not self.min < self.max:
            raise ValueError(f"Slider {self.name!r}: min must be below max, got {self.min} and {self.max}.")
        if not 0 < self.step <= self.max - self.min:
            raise ValueError(f"Slider {self.name!r}: step must be in (0, {self.max - self.min:g}], got {self.step}.")
        if not self.min <= self.value <= self.max:
            raise ValueError(f"Slider {self.name!r}: value must be in [{self.min:g}, {self.max:g}], got {self.value}.")
        steps = (self.value - self.min) / self.step
        if abs(steps - round(steps)) > 1e-9:
            raise ValueError(
                f"Slider {self.name!r}: value must lie on the grid {self.min:g} + k * {self.step:g}, "
                f"got {self.value} (the browser would snap it to a neighbor)."
            )

    @property
    def decimals(self) -> int:
        """Decimals needed to show every value on the step grid (0.05 -> 2)."""
        return max(0, -Decimal(str(self.step)).normalize().as_tuple().exponent)  # type: ignore[operator]

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": "slider",
            "name": self.name,
            "label": self.label,
            "min": self.min,
            "max": self.max,
            "step": self.step,
            "value": self.value,
            "prefix": self.prefix,
            "suffix": self.suffix,
            "decimals": self.decimals,
        }

    def start(self) -> float:
        """What the browser shows first."""
        return self.encode(self.value)

    def encode(self, value: float) -> float:
        """The value the browser shows for a model value; refused unless the slider can show it."""
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            raise ValueError(f"{self.label} ({self.name}) must be a finite number, got {value!r}.")
        if not self.min - 1e-9 <= value <= self.max + 1e-9:
            raise ValueError(
                f"{self.label} ({self.name}) must be between {self.min:g} and {self.max:g}, got {value:g}."
            )
        steps = (value - self.min) / self.step
        if abs(steps - round(steps)) > 1e-6:
            raise ValueError(
                f"{self.label} ({self.name}) moves in steps of {self.step:g} from {self.min:g}; "
                f"{value:g} is not on the slider (try {self.min + round(steps) * self.step:g})."
            )
        return float(value)

    def decode(self, sent: float) -> float:
        """The model value for what the browser sent."""
        return float(sent)

    def shown_value(self, sent: float) -> float | int:
        """The value as a learner would type it: ``15``, not ``15.0``."""
        value = self.decode(sent)
        return int(value) if value.is_integer() and float(self.step).is_integer() else round(value, self.decimals)

    def around(self, value: float, spread: float) -> tuple[float, float]:
        """The slider's values ``spread`` of its range below and above ``value``, on its grid and within its ends;
        at least one step each way where the slider has room (a coarse slider still gets measured)."""
        delta = max(spread * (self.max - self.min), self.step)
        low = self.min + math.ceil(round((max(self.min, value - delta) - self.min) / self.step, 9)) * self.step
        high = self.min + math.floor(round((min(self.max, value + delta) - self.min) / self.step, 9)) * self.step
        return round(low, self.decimals), round(high, self.decimals)


def nice_stops(low: float, high: float) -> tuple[float, ...]:
    """1, 2, 5, 10, 20, 50, ... from ``low`` to ``high``: even steps on a log scale, each a round number."""
    if not 0 < low < high or not math.isfinite(high):
        raise ValueError(f"a log scale needs 0 < low < high, got {low} and {high}.")
    stops, decade = [], 10.0 ** math.floor(math.log10(low))
    while decade <= high:
        stops += [m * decade for m in (1, 2, 5) if low <= m * decade <= high]
        decade *= 10
    return tuple(float(f"{s:.12g}") for s in sorted({low, *stops, high}))


@dataclass(frozen=True)
class StopsSlider:
    """A slider over chosen values, ``stops``: for a log scale (``StopsSlider.log``) or uneven steps.

    Each press moves to the next stop, so every step is one a learner can see on
    a log-scale chart (1, 2, 5, 10, 20, ...), where a linear slider would spend
    most of its track on the top decade.
    """

    name: str
    label: str
    stops: tuple[float, ...]
    value: float
    prefix: str = ""
    suffix: str = ""

    def __post_init__(self) -> None:
        if len(self.stops) < 2 or list(self.stops) != sorted(set(self.stops)):
            raise ValueError(
                f"StopsSlider {self.name!r}: stops must be two or more increasing values, got {self.stops}."
            )
        if self.value not in self.stops:
            raise ValueError(
                f"StopsSlider {self.name!r}: value must be one of the stops {self.stops}, got {self.value}."
            )

    @classmethod
    def log(cls, name: str, label: str, *, low: float, high: float, value: float, prefix: str = "", suffix: str = ""):
        """A log-scale slider from ``low`` to ``high`` over 1-2-5 stops (``value`` must be one of them)."""
        return cls(name, label, nice_stops(low, high), value, prefix, suffix)

    @property
    def decimals(self) -> int:
        return max(max(0, -Decimal(str(stop)).normalize().as_tuple().exponent) for stop in self.stops)  # type: ignore[operator]

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": "slider",
            "name": self.name,
            "label": self.label,
            "min": 0,
            "max": len(self.stops) - 1,
            "step": 1,
            "value": self.encode(self.value),
            "stops": list(self.stops),
            "prefix": self.prefix,
            "suffix": self.suffix,
            "decimals": self.decimals,
        }

    def start(self) -> int:
        """The position the browser shows first."""
        return self.encode(self.value)

    def encode(self, value: float) -> int:
        """The browser's position for a model value: its stop's index."""
        if isinstance(value, bool) or not isinstance(value, int | float) or value not in self.stops:
            raise ValueError(f"{self.label} ({self.name}) must be one of {list(self.stops)}, got {value!r}.")
        return self.stops.index(value)

    def decode(self, sent: int) -> float:
        return float(self.stops[int(sent)])

    def shown_value(self, sent: int) -> float | int:
        value = self.decode(sent)
        return int(value) if value.is_integer() else value

    def around(self, value: float, spread: float) -> tuple[float, float]:
        index, reach = self.stops.index(value), max(1, round(spread * (len(self.stops) - 1)))
        return self.stops[max(0, index - reach)], self.stops[min(len(self.stops) - 1, index + reach)]


@dataclass(frozen=True)
class Dropdown:
    """A labeled select. ``options`` maps the text a learner reads to the value the model gets."""

    name: str
    label: str
    options: Mapping[str, Any]
    value: str

    def __post_init__(self) -> None:
        if self.value not in self.options:
            raise ValueError(f"Dropdown {self.name!r}: value must be one of {list(self.options)}, got {self.value!r}.")

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": "dropdown",
            "name": self.name,
            "label": self.label,
            "options": list(self.options),
            "option_values": list(self.options.values()),
            "value": self.encode(self.value),
        }

    def start(self) -> int:
        """The option the browser shows first."""
        return self.encode(self.value)

    def encode(self, text: str) -> int:
        """The browser's option index for an option's text."""
        if text not in self.options:
            raise ValueError(f"{self.label} ({self.name}) must be one of {list(self.options)}, got {text!r}.")
        return list(self.options).index(text)

    def decode(self, sent: int) -> Any:
        """The model value for the option index the browser sent."""
        return list(self.options.values())[int(sent)]

    def shown_value(self, sent: int) -> str:
        """The option's text, as ``set()`` takes it."""
        return list(self.options)[int(sent)]


Control = Slider | StopsSlider | Dropdown


@dataclass(frozen=True)
class Outcome:
    """What a model returns to a panel.

    ``datasets`` maps each named dataset of the chart (``alt.Data(name=...)``)
    to its rows; ``readout`` maps a label to the key number as text, in the
    order the learner should read them. ``takeaway`` is one sentence computed
    from the numbers, read first ("Serverless is cheaper by $1,645 a month");
    ``key`` is the one number the panel is about, as ``(label, value)``: what
    :meth:`WhatIf.sensitivity` measures.
    """

    datasets: Mapping[str, pd.DataFrame]
    readout: Mapping[str, str] = field(default_factory=dict)
    takeaway: str = ""
    key: tuple[str, float] | None = None


@dataclass(frozen=True)
class Preset:
    """A named starting point: several control values at once and a one-sentence argument for them.

    ``Preset({"utilization_percent": 15}, "The essay's bus: 15 % utilization, bursty traffic.")``
    """

    values: Mapping[str, Any]
    argument: str


@dataclass(frozen=True)
class Twin:
    """The panel's compute in JavaScript, for the static course site (no kernel): ``utils/panels/<module>.js``
    exports ``function(values, params)``, returning what :class:`Outcome` holds. ``params`` are the panel's
    fixed inputs (prices read from ``data/``). ``tests/test_twins.py`` holds each twin to its Python panel."""

    module: str
    function: str
    params: Mapping[str, Any] = field(default_factory=dict)


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """JSON-ready rows; NaN and infinities become ``null`` (JSON has neither)."""
    rows = frame.to_dict(orient="records")
    return [{k: (None if isinstance(v, float) and not math.isfinite(v) else v) for k, v in row.items()} for row in rows]


def _panel_spec(chart: alt.TopLevelMixin) -> dict[str, Any]:
    """The chart's Vega-Lite spec, checked for a title and a screen-reader description.

    Autosizing is told to resize, so that the layout follows new data (wider
    axis labels, say) instead of keeping the size of the first rows.
    """
    spec = chart.to_dict()
    if not spec.get("title") or not spec.get("description"):
        raise ValueError("chart needs a title and a description (the text a screen reader reads).")
    return {**spec, "autosize": {"type": "pad", "resize": True}}


class WhatIf(anywidget.AnyWidget):
    """Controls, a chart and a text readout, bound to one model function."""

    _esm = loader_esm()  # a few hundred bytes; the 0.9 MB bundle travels once per page (utils._bundle)
    _css = _HERE / "whatif.css"

    title = traitlets.Unicode().tag(sync=True)
    controls: traitlets.List[Any] = traitlets.List().tag(sync=True)
    values = traitlets.Dict().tag(sync=True)
    spec = traitlets.Dict().tag(sync=True)
    datasets = traitlets.Dict().tag(sync=True)
    readout: traitlets.List[Any] = traitlets.List().tag(sync=True)
    error = traitlets.Unicode("").tag(sync=True)  # why the last move could not be computed; "" when all is well
    takeaway_text = traitlets.Unicode("").tag(sync=True)
    preset_list: traitlets.List[Any] = traitlets.List().tag(sync=True)  # [[name, argument], ...] for the buttons
    active_preset = traitlets.Unicode("").tag(sync=True)  # the preset the controls now match, if any
    has_key = traitlets.Bool(False).tag(sync=True)  # whether the model names a key number to rank inputs by
    revision = traitlets.Int(0).tag(sync=True)

    def __init__(
        self,
        title: str,
        controls: Sequence[Control],
        compute: Callable[..., Outcome],
        chart: alt.TopLevelMixin,
        presets: Mapping[str, Preset] | None = None,
        name: str = "panel",
        twin: Twin | None = None,
    ) -> None:
        names = [c.name for c in controls]
        if len(set(names)) != len(names):
            raise ValueError(f"controls must have distinct names, got {names}.")
        if not name.isidentifier():
            raise ValueError(f"name must be the Python variable the lesson binds the panel to, got {name!r}.")
        self._controls = {c.name: c for c in controls}
        self._compute = compute
        self.name = name
        self.twin = twin
        self.presets = dict(presets or {})
        for label, preset in self.presets.items():
            self._encoded(preset.values, f"preset {label!r}")
        super().__init__(
            title=title,
            controls=[c.to_json() for c in controls],
            spec=_panel_spec(chart),
            values={c.name: c.start() for c in controls},
            preset_list=[[label, preset.argument] for label, preset in self.presets.items()],
        )
        self._refresh()
        self.on_msg(self._answer_the_page)

    def _answer_the_page(self, _widget: Any, content: Mapping[str, Any], _buffers: Any) -> None:
        """Requests from the panel's buttons; and where no server serves the bundle (VS Code, Colab), the bundle."""
        match content.get("type"):
            case "bundle":
                self.send({"type": "bundle", "source": bundled_esm()})
            case "preset":
                self.apply_preset(str(content.get("name")))
            case "sensitivity":
                spec = tornado_spec(self._key_label())
                self.send(
                    {
                        "type": "sensitivity",
                        "spec": {**spec, "datasets": {"sensitivity": sensitivity_rows(self.sensitivity())}},
                    }
                )
            case "share":
                self.send({"type": "share", "line": self.share()})

    @traitlets.observe("values")
    def _on_values(self, _change: Mapping[str, Any]) -> None:
        self._refresh()
        matching = [label for label, p in self.presets.items() if self._encoded(p.values) == self._current(p.values)]
        self.active_preset = matching[0] if matching else ""

    def _encoded(self, values: Mapping[str, Any], where: str = "set()") -> dict[str, Any]:
        unknown = set(values) - set(self._controls)
        if unknown:
            raise ValueError(f"{where}: no control named {sorted(unknown)}; controls are {sorted(self._controls)}.")
        return {name: self._controls[name].encode(value) for name, value in values.items()}

    def _current(self, names: Mapping[str, Any]) -> dict[str, Any]:
        return {name: self.values[name] for name in names}

    def model_arguments(self) -> dict[str, Any]:
        """The current control values, as the model function receives them."""
        return {name: self._controls[name].decode(sent) for name, sent in self.values.items()}

    def set(self, **values: Any) -> None:
        """Move controls from Python, as a test or a worked example would.

        Sliders take a number, dropdowns the text of an option.
        """
        self.values = {**self.values, **self._encoded(values)}
        if self.error:
            raise ValueError(self.error)

    def apply_preset(self, name: str) -> None:
        """Move the controls to a named preset (the panel's buttons do this)."""
        if name not in self.presets:
            raise ValueError(f"no preset named {name!r}; presets are {list(self.presets)}.")
        self.set(**self.presets[name].values)

    def takeaway(self) -> str:
        """The sentence the numbers say now, as the top of the readout shows it."""
        return self.takeaway_text

    def share(self) -> str:
        """One line that restores every control when run: ``panel.set(utilization_percent=15, ...)``."""
        arguments = ", ".join(
            f"{name}={self._controls[name].shown_value(sent)!r}" for name, sent in self.values.items()
        )
        return f"{self.name}.set({arguments})"

    def sensitivity(self, spread: float = 0.2) -> pd.DataFrame:
        """Which input matters most: the key number at each slider's low and high end around its current value.

        For each slider, ``low`` and ``high`` are the key number with that slider
        moved ``spread`` of its range down and up from where it stands (within its
        ends), the other controls held. Rows are sorted by ``swing = |high - low|``,
        largest first: a tornado chart's order.
        """
        now = self.model_arguments()
        rows = []
        for control in self._controls.values():
            if isinstance(control, Dropdown):
                continue
            low_value, high_value = control.around(now[control.name], spread)
            low, high = (self._key_at({**now, control.name: v}) for v in (low_value, high_value))
            rows.append(
                {
                    "control": control.label,
                    "low_value": low_value,
                    "high_value": high_value,
                    "low": low,
                    "high": high,
                    "swing": abs(high - low),
                }
            )
        columns = ["control", "low_value", "high_value", "low", "high", "swing"]
        frame = pd.DataFrame(rows, columns=columns)
        return frame.sort_values("swing", ascending=False, kind="stable").reset_index(drop=True)

    def _key_at(self, arguments: Mapping[str, Any]) -> float:
        outcome = self._compute(**arguments)
        if outcome.key is None:
            raise ValueError(f"{self.title!r}: its model names no key number (Outcome.key) to measure.")
        return float(outcome.key[1])

    def _key_label(self) -> str:
        outcome = self._compute(**self.model_arguments())
        return outcome.key[0] if outcome.key else ""

    def _refresh(self) -> None:
        """Recompute for the current values. A model that fails keeps the last good chart and says why."""
        try:
            outcome = self._compute(**self.model_arguments())
            datasets = {name: _records(frame) for name, frame in outcome.datasets.items()}
        except Exception as failure:  # noqa: BLE001  (shown to the learner, never lost in a log)
            self.error = f"These values cannot be computed: {failure}"
            return
        with self.hold_sync():
            self.datasets = datasets
            self.readout = [[label, text] for label, text in outcome.readout.items()]
            self.takeaway_text = outcome.takeaway
            self.has_key = outcome.key is not None
            self.error = ""
            self.revision += 1

    def readout_text(self) -> str:
        """The takeaway, then the key numbers as plain text, one ``label: value`` per line (the error first, if any)."""
        lines = ([self.takeaway_text] if self.takeaway_text else []) + [
            f"{label}: {text}" for label, text in self.readout
        ]
        return "\n".join(
            [self.error, "(the numbers below are from the last values that worked)", *lines] if self.error else lines
        )

    def static_state(self) -> dict[str, Any]:
        """Everything the static site's page needs to bring this panel to life without a kernel (with its twin)."""
        if self.twin is None:
            raise ValueError(f"{self.title!r} has no JavaScript twin (WhatIf(..., twin=Twin(...))).")
        return {
            "title": self.title,
            "name": self.name,
            "controls": self.controls,
            "values": self.values,
            "spec": self.spec,
            "datasets": self.datasets,
            "readout": self.readout,
            "takeaway_text": self.takeaway_text,
            "has_key": self.has_key,
            "key_label": self._key_label(),
            "tornado_spec": tornado_spec(self._key_label()) if self.has_key else None,
            "preset_list": self.preset_list,
            "presets": {label: self._encoded(preset.values) for label, preset in self.presets.items()},
            "twin": {"module": self.twin.module, "function": self.twin.function, "params": dict(self.twin.params)},
        }

    def starting_values(self) -> list[tuple[str, str]]:
        """Each control's label and its value as the panel shows it: listed under the chart on a static page."""
        return [(c["label"], _shown(c, self.values[c["name"]])) for c in self.controls]

    def static_html(self) -> str:
        """The panel as it stands, for a page without a kernel: the chart as SVG, the key numbers and the values.

        Vega draws the SVG here, in Python, through vl-convert: no JavaScript, no internet. With a twin,
        the figure also carries the state the static site's script needs to make it live again.
        """
        spec = {**self.spec, "datasets": {**self.spec.get("datasets", {}), **self.datasets}}
        items = "".join(
            f"<li><strong>{html.escape(label)}:</strong> {html.escape(text)}</li>" for label, text in self.readout
        )
        takeaway = f'<p class="pp-takeaway">{html.escape(self.takeaway_text)}</p>' if self.takeaway_text else ""
        values = "".join(
            f"<li>{html.escape(label)}: {html.escape(text)}</li>" for label, text in self.starting_values()
        )
        settings = (
            f'<p class="pp-settings-title">Starting values:</p><ul class="pp-settings">{values}</ul>' if values else ""
        )
        state = (
            f'<script type="application/json" class="pp-state">{_script_json(self.static_state())}</script>'
            if self.twin
            else ""
        )
        return (
            f'<figure class="pp-static"><figcaption><strong>{html.escape(self.title)}</strong></figcaption>'
            f'{vl_convert.vegalite_to_svg(spec)}{takeaway}<ul class="pp-readout-static">{items}</ul>{settings}'
            f"{state}</figure>"
        )

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        bundle = super()._repr_mimebundle_(**kwargs)
        if bundle:
            # Shown wherever widgets are not (GitHub, nbval, a terminal).
            bundle[0]["text/plain"] = f"{self.title}\n{self.readout_text()}"
            if os.environ.get(STATIC_ENV):  # set by tools/site.py only: committed notebooks stay small
                bundle[0]["text/html"] = self.static_html()
        return bundle


def sensitivity_rows(sensitivity: pd.DataFrame) -> list[dict[str, Any]]:
    """The rows a tornado chart draws: control, low, high, swing, and the range of the input moved."""
    return [
        {
            "control": r.control,
            "low": r.low,
            "high": r.high,
            "swing": r.swing,
            "range": f"{r.low_value:g} to {r.high_value:g}",
        }
        for r in sensitivity.itertuples()
    ]


def tornado_spec(key_label: str) -> dict[str, Any]:
    """A tornado chart of :meth:`WhatIf.sensitivity` (its rows in the dataset ``sensitivity``): one bar per
    input from ``low`` to ``high``, the widest on top."""
    chart = (
        alt.Chart(alt.Data(name="sensitivity"))
        .mark_bar(height=14)
        .encode(
            x=alt.X("low:Q", title=key_label, scale=alt.Scale(zero=False)),
            x2="high:Q",
            y=alt.Y(
                "control:N",
                sort=alt.EncodingSortField("swing", order="descending"),
                title=None,
                axis=alt.Axis(labelLimit=320),  # an input's whole name
            ),
            tooltip=[
                "control:N",
                "range:N",
                alt.Tooltip("low:Q", format=",.3~f"),
                alt.Tooltip("high:Q", format=",.3~f"),
            ],
        )
        .properties(
            title="Which input matters most?",
            description=f"For each input moved down and up around its current value, the range of {key_label}; "
            "the widest bar matters most.",
            width=360,
            height=alt.Step(22),
        )
    )
    return chart.to_dict()


def _shown(control: Mapping[str, Any], sent: Any) -> str:
    """A control's value as the panel displays it (prefix, decimals, suffix; an option's text)."""
    if control["kind"] == "dropdown":
        return str(control["options"][int(sent)])
    value = control["stops"][int(sent)] if control.get("stops") else sent
    return f"{control['prefix']}{value:,.{control['decimals']}f}{control['suffix']}"


def _script_json(state: Mapping[str, Any]) -> str:
    """JSON safe inside a <script> element: no "</" can end it early."""
    return json.dumps(state, allow_nan=False, separators=(",", ":")).replace("</", "<\\/")


def show(chart: alt.TopLevelMixin, readout: Mapping[str, str] | None = None) -> WhatIf:
    """Draw a chart with no controls through the same offline widget, with optional key numbers.

    Use it instead of displaying an Altair chart directly: Altair's default
    renderer loads Vega from the internet and stays blank offline.
    """
    title = chart.to_dict().get("title")
    heading = title if isinstance(title, str) else (title or {}).get("text", "")
    return WhatIf(title=str(heading), controls=[], compute=lambda: Outcome({}, readout or {}), chart=chart)
