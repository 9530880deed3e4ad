"""The panel of lesson 10: who captures the Plumbing Premium under the essay's three scenarios.

The essay's table names one claimant per scenario: model providers (vertical
integration), deployment + observability companies together (horizontal
layering) and managed open-source providers (managed OSS). The panel compares
those three claimants, so that each wins exactly one scenario and none leads by
construction: with equal weights and equal winners' shares they tie.

Counting deployment and observability as two separate layers (``LAYERS``,
``LAYER_WINNERS``) splits horizontal layering's winners' share in half, and
model providers then look larger with no belief changed. Lesson 10 shows that
artifact in a cell of its own; the panel does not use it.
"""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd

from ..charts import PALETTE, percent_axis
from ..models import capture_from_winners, expected_capture, normalise_weights, probability_sensitivity
from ..whatif import Dropdown, Outcome, Slider, WhatIf

SCENARIOS = ("vertical integration", "horizontal layering", "managed OSS")
# The essay's "premium accrues to" column (data/scenarios.csv): one claimant per scenario.
CLAIMANTS = ("model providers", "deployment + observability", "managed OSS providers")
WINNERS = ((0,), (1,), (2,))
# The same scenarios counted by layer: horizontal layering then has two winners that split its share.
LAYERS = ("model providers", "deployment", "observability", "managed OSS providers")
LAYER_WINNERS = ((0,), (1, 2), (3,))
START_WEIGHTS = (50, 50, 50)  # equal: no scenario favored before the learner says so (an assumption)
ASSUMED_WINNER_SHARE = 70  # percent of the premium the winner takes in its scenario: a teaching assumption
# Lesson 10's exercises (course assumptions, not sources): one reading of the essay's verdict as weights
# (vertical integration, horizontal layering, managed OSS), and the smaller winners' share, in percent,
# of providers that "have historically been bad at building infrastructure products".
VERDICT_WEIGHTS = (1, 2, 2)
WEAK_INTEGRATOR_SHARE = 50
SWEEP = np.linspace(0.0, 1.0, 41)
DASHES = [[1, 0], [7, 3], [2, 2]]
WIDTHS = [5, 3, 1.5]  # lines that coincide stay visible: a thin line on a thick one
LEGEND = alt.Legend(orient="bottom", direction="vertical", symbolType="stroke")


def capture_table(winner_shares_percent: tuple[float, float, float]) -> np.ndarray:
    """Capture by claimant (rows: scenarios), from each scenario's winners' share in percent."""
    return capture_from_winners(WINNERS, len(CLAIMANTS), np.asarray(winner_shares_percent, dtype=float) / 100)


def crossing_probability(
    weights: tuple[float, ...], capture: np.ndarray, scenario: int, claimant: int, rival: int
) -> float:
    """The probability of ``scenario`` above which ``claimant``'s expected share passes ``rival``'s.

    The other scenarios keep the proportions of ``weights``. Each expected share
    is a straight line in that probability, so the two lines cross once, where
    their gap (known at 0 and at 1) is zero.
    """
    ends = probability_sensitivity(weights, capture, scenario, [0.0, 1.0])
    gap = ends[:, claimant] - ends[:, rival]
    if gap[0] >= 0 or gap[1] <= 0:
        raise ValueError(
            f"{CLAIMANTS[claimant]} must start below {CLAIMANTS[rival]} and end above it as "
            f"{SCENARIOS[scenario]} becomes certain; the gap goes from {gap[0]:.3f} to {gap[1]:.3f}."
        )
    return float(gap[0] / (gap[0] - gap[1]))


def _leader(shares: np.ndarray) -> str:
    top = shares.max()
    tied = [name for name, share in zip(CLAIMANTS, shares, strict=True) if np.isclose(share, top, atol=5e-4)]
    if len(tied) == 1:
        return f"{tied[0]}, {top:.1%}"
    return f"none: {', '.join(tied)} tie at {top:.1%}"


def scenario_outcome(
    weight_vertical: float,
    weight_horizontal: float,
    weight_managed: float,
    winners_vertical: float,
    winners_horizontal: float,
    winners_managed: float,
    sensitivity_to: int,
) -> Outcome:
    """Expected share of the premium by claimant, and its sensitivity to one scenario's probability."""
    weights = [weight_vertical, weight_horizontal, weight_managed]
    no_weight = sum(weights) == 0
    probabilities = normalise_weights([1, 1, 1] if no_weight else weights)
    capture = capture_table((winners_vertical, winners_horizontal, winners_managed))
    shares = expected_capture(probabilities, capture)
    sweep = probability_sensitivity(probabilities, capture, sensitivity_to, SWEEP)
    alone = capture[sensitivity_to]
    return Outcome(
        {
            "shares": pd.DataFrame({"claimant": CLAIMANTS, "share": shares}),
            "sweep": pd.DataFrame(
                {
                    "probability": np.repeat(SWEEP, len(CLAIMANTS)),
                    "claimant": np.tile(CLAIMANTS, SWEEP.size),
                    "share": sweep.ravel(),
                }
            ),
            "current": pd.DataFrame({"probability": [probabilities[sensitivity_to]]}),
        },
        {
            "Probabilities": ", ".join(f"{name} {p:.0%}" for name, p in zip(SCENARIOS, probabilities, strict=True))
            + (" (no weight given anywhere: treated as equally likely)" if no_weight else ""),
            "Largest expected share": _leader(shares),
            "Expected shares": ", ".join(
                f"{claimant} {share:.1%}" for claimant, share in zip(CLAIMANTS, shares, strict=True)
            ),
            f"If {SCENARIOS[sensitivity_to]} were certain": (
                f"{CLAIMANTS[int(np.argmax(alone))]} would take {alone.max():.0%}"
            ),
        },
    )


def _chart() -> alt.HConcatChart:
    scale = alt.Scale(domain=list(CLAIMANTS), range=PALETTE[: len(CLAIMANTS)])
    bars = alt.Chart(alt.Data(name="shares")).encode(
        y=alt.Y("claimant:N", sort=list(CLAIMANTS), title=None),
        x=alt.X("share:Q", axis=percent_axis("Expected share of the premium"), scale=alt.Scale(domain=[0, 1])),
    )
    bar_chart = (
        bars.mark_bar().encode(color=alt.Color("claimant:N", scale=scale, legend=None))
        + bars.mark_text(align="left", dx=4).encode(text=alt.Text("share:Q", format=".0%"))
    ).properties(title="Expected share by claimant", width=200, height=150)
    sweep = alt.Chart(alt.Data(name="sweep")).encode(
        x=alt.X("probability:Q", axis=percent_axis("Probability of the chosen scenario")),
        y=alt.Y("share:Q", axis=percent_axis("Expected share"), scale=alt.Scale(domain=[0, 1])),
        color=alt.Color("claimant:N", title="Claimant", scale=scale, legend=LEGEND),
        strokeDash=alt.StrokeDash(
            "claimant:N", title="Claimant", scale=alt.Scale(domain=list(CLAIMANTS), range=DASHES), legend=LEGEND
        ),
    )
    # One layer per claimant, thickest first: lines that coincide (equal weights) show as thin on thick.
    lines = alt.layer(
        *(
            sweep.transform_filter(alt.datum.claimant == claimant).mark_line(strokeWidth=width)
            for claimant, width in zip(CLAIMANTS, WIDTHS, strict=True)
        )
    )
    now = alt.Chart(alt.Data(name="current")).mark_rule(color="#000000", strokeDash=[2, 2]).encode(x="probability:Q")
    return (
        alt.hconcat(bar_chart, (lines + now).properties(title="Sensitivity", width=230, height=150))
        .resolve_legend(color="independent", strokeDash="independent")
        .properties(
            title="Who captures the Plumbing Premium? Your probabilities, weighted",
            description=(
                "Left: horizontal bars of the expected share of the premium captured by each of the essay's three "
                "claimants (model providers; deployment and observability companies; managed open-source "
                "providers), given the chosen scenario probabilities. Right: lines showing how each claimant's "
                "expected share changes as the chosen scenario's probability goes from 0 to 100 percent, with a "
                "dotted line at its current probability. Lines that coincide are drawn thin on thick."
            ),
        )
    )


def scenario_panel() -> WhatIf:
    """Weights for the three scenarios, the winners' share in each (an assumption), and the scenario to sweep."""
    vertical, horizontal, managed = START_WEIGHTS

    def winners_share(name: str, scenario: str) -> Slider:
        return Slider(name, f"Winners' share if {scenario} (assumption)", 0, 100, 5, ASSUMED_WINNER_SHARE, suffix="%")

    return WhatIf(
        title="Weight the scenarios: where does the premium go?",
        controls=[
            Slider("weight_vertical", "Weight: vertical integration", 0, 100, 5, vertical),
            Slider("weight_horizontal", "Weight: horizontal layering", 0, 100, 5, horizontal),
            Slider("weight_managed", "Weight: managed OSS", 0, 100, 5, managed),
            winners_share("winners_vertical", "vertical integration"),
            winners_share("winners_horizontal", "horizontal layering"),
            winners_share("winners_managed", "managed OSS"),
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
