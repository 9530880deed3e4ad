"""The panel of lesson 10: who captures the Plumbing Premium under the essay's three scenarios.

The scenarios, their claimants and who wins each are read from the course's
data (``data/scenarios.csv``, loaded by the lesson with ``utils.data.load`` and
passed to :func:`scenario_setup`): one claimant per scenario, the essay's
"premium accrues to" column, so that each wins exactly one scenario and none
leads by construction: with equal weights and equal winners' shares they tie.

Counting the layers a claimant names (``utils.schemas.LAYERS``: deployment and
observability) as separate layers splits horizontal layering's winners' share
in half, and model providers then look larger with no belief changed. Lesson 10
shows that artifact in a cell of its own (:attr:`ScenarioSetup.layers`); the
panel does not use it. The formulas are in :mod:`utils.models.scenarios`.

``scenarios.js`` holds the panel's JavaScript twin for the static site (the same name as
:func:`scenario_outcome`, given the setup as params); ``tests/test_panels_scenarios.py`` holds it to this. A
change to a formula here or in :mod:`utils.models` needs the same change there.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial

import altair as alt
import numpy as np
import pandas as pd

from ..charts import PALETTE, percent_axis
from ..models import capture_from_winners, expected_capture, normalise_weights, probability_sensitivity
from ..schemas import LAYERS as STACK_LAYERS
from ..whatif import Dropdown, Outcome, Preset, Slider, Twin, WhatIf

__all__ = [
    "ASSUMED_WINNER_SHARE",
    "START_WEIGHTS",
    "VERDICT_WEIGHTS",
    "WEAK_INTEGRATOR_SHARE",
    "ScenarioSetup",
    "scenario_outcome",
    "scenario_panel",
    "scenario_setup",
]

START_WEIGHTS = (50, 50, 50)  # equal: no scenario favored before the learner says so (an assumption)
ASSUMED_WINNER_SHARE = 70  # percent of the premium the winner takes in its scenario: a teaching assumption
# Lesson 10's exercises and presets (course assumptions, not sources): one reading of the essay's verdict as
# weights (vertical integration, horizontal layering, managed OSS), and the smaller winners' share, in percent,
# of providers that "have historically been bad at building infrastructure products".
VERDICT_WEIGHTS = (1, 2, 2)
WEAK_INTEGRATOR_SHARE = 50
SWEEP = np.linspace(0.0, 1.0, 41)
QUARTERS = [0, 0.25, 0.5, 0.75, 1]  # axis ticks far enough apart to read at the chart's width
DASHES = [[1, 0], [7, 3], [2, 2]]
WIDTHS = [6, 3.5, 1.5]  # lines that coincide stay visible: a thin line on a thick one
SWEEP_WIDTH, SWEEP_HEIGHT = 250, 170  # px: beside claimant names about 210 px long, the chart fits 480 px


@dataclass(frozen=True)
class ScenarioSetup:
    """The essay's scenarios as the model reads them, from ``data/scenarios.csv``.

    ``claimants[c]`` is who the premium accrues to in the scenario(s) ``c`` wins;
    ``winners[s]`` lists the claimants that win scenario ``s``. ``layers`` and
    ``layer_winners`` count the same winners by the stack layers their names
    give (deployment and observability apart): lesson 10's counting artifact.
    """

    scenarios: tuple[str, ...]
    claimants: tuple[str, ...]
    winners: tuple[tuple[int, ...], ...]
    layers: tuple[str, ...]
    layer_winners: tuple[tuple[int, ...], ...]

    def capture(self, winner_shares_percent: Sequence[float]) -> np.ndarray:
        """Capture by claimant (rows: scenarios), from each scenario's winners' share in percent."""
        shares = np.asarray(winner_shares_percent, dtype=float) / 100
        return capture_from_winners(self.winners, len(self.claimants), shares)

    def capture_by_layer(self, winner_shares_percent: Sequence[float]) -> np.ndarray:
        """The same capture counted by layer: a winner that names two layers splits its share between them."""
        shares = np.asarray(winner_shares_percent, dtype=float) / 100
        return capture_from_winners(self.layer_winners, len(self.layers), shares)

    def slug(self, scenario: int) -> str:
        """A short name for a scenario's controls: ``"vertical"`` for vertical integration."""
        return re.sub(r"\W", "", self.scenarios[scenario].split()[0].lower())


def _claimant(accrues_to: str) -> str:
    """The claimant's name without the essay's aside: "managed service providers (the Red Hat model)"."""
    return accrues_to.split(" (")[0].strip()


def scenario_setup(scenarios: pd.DataFrame) -> ScenarioSetup:
    """Scenarios, claimants and winners from the ``scenarios`` data (columns ``scenario``, ``premium_accrues_to``)."""
    names = tuple(scenarios["scenario"])
    accrues = [_claimant(text) for text in scenarios["premium_accrues_to"]]
    claimants = tuple(dict.fromkeys(accrues))
    winners = tuple((claimants.index(name),) for name in accrues)
    parts = {
        name: [layer for layer in STACK_LAYERS if re.search(rf"\b{layer}\b", name)] or [name] for name in claimants
    }
    layers = tuple(dict.fromkeys(part for name in claimants for part in parts[name]))
    layer_winners = tuple(tuple(layers.index(part) for part in parts[name]) for name in accrues)
    if len(set(layers)) == len(claimants):
        raise ValueError("no claimant names two stack layers: lesson 10's counting artifact needs one that does.")
    return ScenarioSetup(names, claimants, winners, layers, layer_winners)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _leader_sentence(claimants: Sequence[str], shares: np.ndarray) -> str:
    """Who leads and by how much, or who ties.

    Claimants are ranked on shares rounded to 9 decimals, so that equal shares keep the claimants' order: the
    last bit of ``p @ C`` depends on the machine's BLAS (fused multiply-add or not) and would otherwise decide
    which of two equal claimants is named first, here and in the static site's twin.
    """
    order = np.argsort(-np.round(shares, 9), kind="stable")
    top = shares[order[0]]
    tied = [claimants[i] for i in order if np.isclose(shares[i], top, atol=5e-4)]
    if len(tied) == len(claimants):
        return f"Nobody leads: all {len(claimants)} claimants tie at {top:.1%}, so any lead comes from your inputs."
    if len(tied) > 1:
        rest = claimants[order[len(tied)]]
        return f"{_capital(' and '.join(tied))} tie at {top:.1%}; {rest} take {shares[order[len(tied)]]:.1%}."
    second = order[1]
    return (
        f"{_capital(claimants[order[0]])} lead with {top:.1%}, "
        f"{100 * (top - shares[second]):.1f} points ahead of {claimants[second]}."
    )


def scenario_outcome(
    setup: ScenarioSetup,
    weights: Sequence[float],
    winner_shares_percent: Sequence[float],
    sensitivity_to: int,
) -> Outcome:
    """Expected share of the premium by claimant, and its sensitivity to one scenario's probability."""
    no_weight = sum(weights) == 0
    probabilities = normalise_weights([1] * len(weights) if no_weight else list(weights))
    capture = setup.capture(winner_shares_percent)
    shares = expected_capture(probabilities, capture)
    sweep = probability_sensitivity(probabilities, capture, sensitivity_to, SWEEP)
    alone = capture[sensitivity_to]
    claimants = setup.claimants
    watched = claimants[setup.winners[0][0]]  # the first scenario's winner: the essay watches vertical integration
    return Outcome(
        {
            "shares": pd.DataFrame({"claimant": claimants, "share": shares}),
            "sweep": pd.DataFrame(
                {
                    "probability": np.repeat(SWEEP, len(claimants)),
                    "claimant": np.tile(claimants, SWEEP.size),
                    "share": sweep.ravel(),
                }
            ),
            "current": pd.DataFrame({"probability": [probabilities[sensitivity_to]]}),
        },
        {
            "Probabilities": ", ".join(
                f"{name} {p:.0%}" for name, p in zip(setup.scenarios, probabilities, strict=True)
            )
            + (" (no weight given anywhere: treated as equally likely)" if no_weight else ""),
            "Expected shares": ", ".join(
                f"{claimant} {share:.1%}" for claimant, share in zip(claimants, shares, strict=True)
            ),
            f"If {setup.scenarios[sensitivity_to]} were certain": (
                f"{claimants[int(np.argmax(alone))]} would take {alone.max():.0%}"
            ),
        },
        takeaway=_leader_sentence(claimants, shares),
        key=(f"{_capital(watched)}' expected share (%)", float(100 * shares[setup.winners[0][0]])),
    )


def _chart(setup: ScenarioSetup) -> alt.VConcatChart:
    claimants = list(setup.claimants)
    scale = alt.Scale(domain=claimants, range=PALETTE[: len(claimants)])
    bars = alt.Chart(alt.Data(name="shares")).encode(
        y=alt.Y("claimant:N", sort=claimants, title=None, axis=alt.Axis(labelLimit=300)),
        x=alt.X(
            "share:Q",
            axis=alt.Axis(title="Expected share of the premium", format=".0%", values=QUARTERS),
            scale=alt.Scale(domain=[0, 1]),
        ),
    )
    bar_chart = (
        bars.mark_bar().encode(color=alt.Color("claimant:N", scale=scale, legend=None))
        + bars.mark_text(align="left", dx=4).encode(text=alt.Text("share:Q", format=".1%"))
    ).properties(title="Expected share by claimant", width=SWEEP_WIDTH, height=alt.Step(22))
    legend = alt.Legend(orient="bottom", direction="vertical", title=None, symbolType="stroke", labelLimit=400)
    sweep = alt.Chart(alt.Data(name="sweep")).encode(
        x=alt.X(
            "probability:Q",
            axis=alt.Axis(title="Probability of the scenario in 'Sensitivity to'", format=".0%", values=QUARTERS),
        ),
        y=alt.Y("share:Q", axis=percent_axis("Expected share"), scale=alt.Scale(domain=[0, 1])),
        color=alt.Color("claimant:N", scale=scale, legend=legend),
        strokeDash=alt.StrokeDash("claimant:N", scale=alt.Scale(domain=claimants, range=DASHES), legend=legend),
        strokeWidth=alt.StrokeWidth("claimant:N", scale=alt.Scale(domain=claimants, range=WIDTHS), legend=legend),
    )
    # One layer per claimant, thickest first: lines that coincide (equal weights) show as thin on thick.
    lines = alt.layer(*(sweep.transform_filter(alt.datum.claimant == claimant).mark_line() for claimant in claimants))
    now = alt.Chart(alt.Data(name="current")).mark_rule(color="#000000", strokeDash=[2, 2]).encode(x="probability:Q")
    sweep_chart = (lines + now).properties(title="Sensitivity to one scenario", width=SWEEP_WIDTH, height=SWEEP_HEIGHT)
    # One column, plots aligned: the sweep's axis sits under the bars' claimant names; the lines' legend below.
    return (
        alt.vconcat(bar_chart, sweep_chart, spacing=14)
        .resolve_legend(color="independent", strokeDash="independent", strokeWidth="independent")
        .properties(
            title="Who captures the Plumbing Premium?",
            description=(
                "Top: horizontal bars of the expected share of the premium captured by each of the essay's three "
                "claimants (model providers; deployment and observability companies; managed service providers), "
                "given the chosen scenario probabilities. Bottom: lines showing how each claimant's expected share "
                "changes as the chosen scenario's probability goes from 0 to 100 percent, with a dotted line at its "
                "current probability. Lines that coincide are drawn thin on thick: the legend gives each claimant's "
                "color, dash and width."
            ),
        )
    )


def _from_controls(setup: ScenarioSetup, sensitivity_to: int, **controls: float) -> Outcome:
    slugs = [setup.slug(s) for s in range(len(setup.scenarios))]
    return scenario_outcome(
        setup,
        [controls[f"weight_{slug}"] for slug in slugs],
        [controls[f"winners_{slug}"] for slug in slugs],
        sensitivity_to,
    )


def _presets(setup: ScenarioSetup) -> dict[str, Preset]:
    slugs = [setup.slug(s) for s in range(len(setup.scenarios))]
    first, *_ = setup.scenarios
    same_share = {f"winners_{slug}": ASSUMED_WINNER_SHARE for slug in slugs}
    verdict_scale = max(START_WEIGHTS) / max(VERDICT_WEIGHTS)
    equal = dict(zip((f"weight_{slug}" for slug in slugs), START_WEIGHTS, strict=True))
    verdict = {f"weight_{slug}": w * verdict_scale for slug, w in zip(slugs, VERDICT_WEIGHTS, strict=True)}
    feared = {f"weight_{slug}": START_WEIGHTS[0] if i == 0 else START_WEIGHTS[0] / 2 for i, slug in enumerate(slugs)}
    return {
        "Equal weights": Preset(
            {**equal, **same_share, "sensitivity_to": first},
            f"No scenario favored and the assumed {ASSUMED_WINNER_SHARE}% winners' share in each (assumptions): "
            "every claimant wins one scenario, so they tie.",
        ),
        "Essay's verdict": Preset(
            {**verdict, **same_share, "sensitivity_to": first},
            "The course's reading of the essay's verdict: half as much weight on vertical integration as on each "
            "of the other two, the scenarios in which infrastructure compounds.",
        ),
        "Bad integrators": Preset(
            {**feared, **same_share, f"winners_{slugs[0]}": WEAK_INTEGRATOR_SHARE, "sensitivity_to": first},
            f"Vertical integration as likely as the other two together, but providers, in the essay's words "
            f'"historically bad at building infrastructure products", take only {WEAK_INTEGRATOR_SHARE}% '
            "when it happens (our assumption).",
        ),
    }


def scenario_panel(scenarios: pd.DataFrame, name: str = "weighting") -> WhatIf:
    """Weights for the essay's scenarios, the winners' share in each (an assumption), and the scenario to sweep.

    ``scenarios`` is the course's ``data/scenarios.csv`` (``utils.data.load("scenarios")``).
    """
    setup = scenario_setup(scenarios)
    weights = [
        Slider(f"weight_{setup.slug(s)}", f"Weight: {scenario}", min=0, max=100, step=5, value=START_WEIGHTS[s])
        for s, scenario in enumerate(setup.scenarios)
    ]
    shares = [
        Slider(
            f"winners_{setup.slug(s)}",
            f"Winners' share, {setup.slug(s)} (assumed)",
            min=0,
            max=100,
            step=5,
            value=ASSUMED_WINNER_SHARE,
            suffix="%",
        )
        for s in range(len(setup.scenarios))
    ]
    sweep = Dropdown(
        "sensitivity_to",
        "Sensitivity to",
        {scenario: s for s, scenario in enumerate(setup.scenarios)},
        setup.scenarios[0],
    )
    return WhatIf(
        title="Weight the scenarios: where does the premium go?",
        controls=[*weights, *shares, sweep],
        compute=partial(_from_controls, setup),
        chart=_chart(setup),
        presets=_presets(setup),
        name=name,
        twin=Twin(  # utils/panels/scenarios.js, for the static site: the setup from data/scenarios.csv
            "scenarios",
            "scenario_outcome",
            params={
                "scenarios": list(setup.scenarios),
                "claimants": list(setup.claimants),
                "winners": [list(w) for w in setup.winners],
                "slugs": [setup.slug(s) for s in range(len(setup.scenarios))],
                "sweep": SWEEP.tolist(),
            },
        ),
    )
