"""The panel of lesson 10: who captures the Plumbing Premium under the essay's three scenarios."""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd

from ..charts import PALETTE, percent_axis
from ..models import capture_from_winners, expected_capture, normalise_weights, probability_sensitivity
from ..whatif import Dropdown, Outcome, Slider, WhatIf

SCENARIOS = ("vertical integration", "horizontal layering", "managed OSS")
LAYERS = ("model providers", "deployment", "orchestration", "observability", "managed OSS providers")
# Who wins each scenario, as the essay's table says (data/scenarios.csv, premium_accrues_to).
WINNERS = ((0,), (1, 3), (4,))
SWEEP = np.linspace(0.0, 1.0, 41)
ASSUMED_WINNER_SHARE = 70  # percent of the premium the winners take in their scenario: a teaching assumption
DASHES = [[1, 0], [6, 3], [2, 2], [8, 3, 2, 3], [1, 4]]


def scenario_outcome(
    weight_vertical: float,
    weight_horizontal: float,
    weight_managed: float,
    winners_vertical: float,
    winners_horizontal: float,
    winners_managed: float,
    sensitivity_to: int,
) -> Outcome:
    """Expected share of the premium by layer, and its sensitivity to one scenario's probability."""
    weights = [weight_vertical, weight_horizontal, weight_managed]
    no_weight = sum(weights) == 0
    probabilities = normalise_weights([1, 1, 1] if no_weight else weights)
    capture = capture_from_winners(
        WINNERS, len(LAYERS), np.array([winners_vertical, winners_horizontal, winners_managed]) / 100
    )
    shares = expected_capture(probabilities, capture)
    sweep = probability_sensitivity(probabilities, capture, sensitivity_to, SWEEP)
    top = int(np.argmax(shares))
    alone = capture[sensitivity_to]
    return Outcome(
        {
            "shares": pd.DataFrame({"layer": LAYERS, "share": shares}),
            "sweep": pd.DataFrame(
                {
                    "probability": np.repeat(SWEEP, len(LAYERS)),
                    "layer": np.tile(LAYERS, SWEEP.size),
                    "share": sweep.ravel(),
                }
            ),
            "current": pd.DataFrame({"probability": [probabilities[sensitivity_to]]}),
        },
        {
            "Probabilities": ", ".join(f"{name} {p:.0%}" for name, p in zip(SCENARIOS, probabilities, strict=True))
            + (" (no weight given anywhere: treated as equally likely)" if no_weight else ""),
            "Largest expected share": f"{LAYERS[top]}, {shares[top]:.1%}",
            "Expected shares": ", ".join(f"{layer} {share:.1%}" for layer, share in zip(LAYERS, shares, strict=True)),
            f"If {SCENARIOS[sensitivity_to]} were certain": (
                f"{LAYERS[int(np.argmax(alone))]} would take {alone.max():.0%}"
            ),
        },
    )


def _chart() -> alt.HConcatChart:
    scale = alt.Scale(domain=list(LAYERS), range=PALETTE[: len(LAYERS)])
    colour = alt.Color("layer:N", title="Layer", scale=scale, legend=alt.Legend(orient="right", symbolType="stroke"))
    bars = alt.Chart(alt.Data(name="shares")).encode(
        y=alt.Y("layer:N", sort=list(LAYERS), title=None),
        x=alt.X("share:Q", axis=percent_axis("Expected share of the premium"), scale=alt.Scale(domain=[0, 1])),
    )
    bar_chart = (
        bars.mark_bar().encode(color=alt.Color("layer:N", scale=scale, legend=None))
        + bars.mark_text(align="left", dx=4).encode(text=alt.Text("share:Q", format=".0%"))
    ).properties(title="Expected share by layer", width=200, height=180)
    dash = alt.StrokeDash(
        "layer:N", title="Layer", scale=alt.Scale(domain=list(LAYERS), range=DASHES), legend=alt.Legend(orient="right")
    )
    lines = (
        alt.Chart(alt.Data(name="sweep"))
        .mark_line()
        .encode(
            x=alt.X("probability:Q", axis=percent_axis("Probability of the chosen scenario")),
            y=alt.Y("share:Q", axis=percent_axis("Expected share"), scale=alt.Scale(domain=[0, 1])),
            color=colour,
            strokeDash=dash,
        )
    )
    now = alt.Chart(alt.Data(name="current")).mark_rule(color="#000000", strokeDash=[2, 2]).encode(x="probability:Q")
    return (
        alt.hconcat(bar_chart, (lines + now).properties(title="Sensitivity", width=230, height=180))
        .resolve_legend(color="independent", strokeDash="independent")
        .properties(
            title="Who captures the Plumbing Premium? Your probabilities, weighted",
            description=(
                "Left: horizontal bars of the expected share of the premium captured by each of five layers, "
                "given the chosen scenario probabilities. Right: lines showing how each layer's expected share "
                "changes as the chosen scenario's probability goes from 0 to 100 percent, with a dotted line "
                "at its current probability."
            ),
        )
    )


def scenario_panel() -> WhatIf:
    """Weights for the three scenarios, the winners' share in each, and the scenario to sweep."""
    return WhatIf(
        title="Weight the scenarios: where does the premium go?",
        controls=[
            Slider("weight_vertical", "Weight: vertical integration", 0, 100, 5, 35),
            Slider("weight_horizontal", "Weight: horizontal layering", 0, 100, 5, 35),
            Slider("weight_managed", "Weight: managed OSS", 0, 100, 5, 30),
            Slider(
                "winners_vertical",
                "Winners' share if vertical integration",
                0,
                100,
                5,
                ASSUMED_WINNER_SHARE,
                suffix="%",
            ),
            Slider(
                "winners_horizontal",
                "Winners' share if horizontal layering",
                0,
                100,
                5,
                ASSUMED_WINNER_SHARE,
                suffix="%",
            ),
            Slider("winners_managed", "Winners' share if managed OSS", 0, 100, 5, ASSUMED_WINNER_SHARE, suffix="%"),
            Dropdown(
                "sensitivity_to",
                "Sensitivity to",
                {name: i for i, name in enumerate(SCENARIOS)},
                "vertical integration",
            ),
        ],
        compute=scenario_outcome,
        chart=_chart(),
    )
