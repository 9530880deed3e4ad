"""Answer key of lesson 10 (Scenarios), computed from the scenario models, the data and the panel's assumptions."""

from __future__ import annotations

from .. import data
from ..checks import Choice, Exercise, Number
from ..models import crossing_probability, expected_capture
from ..panels import (
    ASSUMED_WINNER_SHARE,
    VERDICT_WEIGHTS,
    WEAK_INTEGRATOR_SHARE,
    scenario_setup,
)

SETUP = scenario_setup(data.load("scenarios"))  # scenarios, claimants and winners, from data/scenarios.csv
PROVIDERS = SETUP.winners[SETUP.scenarios.index("vertical integration")][0]
HORIZONTAL_WINNER = SETUP.winners[SETUP.scenarios.index("horizontal layering")][0]
RIVAL = SETUP.claimants[HORIZONTAL_WINNER]  # deployment and observability companies
EQUAL = [1] * len(SETUP.scenarios)
SAME_SHARE = (ASSUMED_WINNER_SHARE,) * len(SETUP.scenarios)


def verdict_share() -> float:
    """10.1: the horizontal winner's expected share under the verdict weights, the assumed share everywhere."""
    return float(expected_capture(VERDICT_WEIGHTS, SETUP.capture(SAME_SHARE))[HORIZONTAL_WINNER])


def weak_integrator_crossing() -> float:
    """10.2: the probability of vertical integration above which providers with a smaller prize pass the rival."""
    shares = (WEAK_INTEGRATOR_SHARE, ASSUMED_WINNER_SHARE, ASSUMED_WINNER_SHARE)
    return crossing_probability((0, 1, 1), SETUP.capture(shares), 0, PROVIDERS, HORIZONTAL_WINNER)


def _by_layer() -> dict[str, float]:
    return dict(zip(SETUP.layers, expected_capture(EQUAL, SETUP.capture_by_layer(SAME_SHARE)).tolist(), strict=True))


def split_winner() -> str:
    """10.3: the by-layer lead is the split of one winner, checked against the model before it is the key."""
    by_claimant = expected_capture(EQUAL, SETUP.capture(SAME_SHARE))
    layer = _by_layer()
    together = layer["deployment"] + layer["observability"]
    facts = (
        max(by_claimant) - min(by_claimant) < 1e-9,  # counted by claimant, nobody leads
        layer["model providers"] > layer["deployment"],  # counted by layer, providers lead deployment
        together > layer["model providers"],  # yet the two halves together are larger
    )
    if not all(facts):
        raise ValueError("the scenario models no longer show the counting artifact that exercise 10.3 explains.")
    return "b"


_LAYER = _by_layer()

EXERCISES = (
    Exercise(
        "10.1",
        Number(verdict_share, shown="{:.1%}"),  # the panel's "Expected shares" readout
        (
            "An expected share is a weighted average: how likely each scenario is, times what "
            f"{RIVAL} take in that scenario.",
            "Divide each weight by their sum to get probabilities p_s, then add p_s x C_s over the three "
            "scenarios, with C_s from the capture table in section 2. Or give the panel's weights the same "
            "proportions and read its Expected shares line.",
            f'expected_capture(verdict_weights, capture)[claimants.index("{RIVAL}")]',
        ),
        asks=f"{RIVAL}' expected share, as a fraction",
    ),
    Exercise(
        "10.2",
        Number(weak_integrator_crossing, shown="{:.1%}"),  # probabilities are shown as percentages
        (
            "Each expected share is a straight line in the probability q of vertical integration, so two "
            "points fix it: q = 0 and q = 1.",
            "At q = 0 horizontal layering and managed OSS are half each; at q = 1 vertical integration is "
            "certain. Write share(q) = share(0) + q x (share(1) - share(0)) for model providers and for "
            f"{RIVAL}, set them equal and solve for q.",
            "ends = probability_sensitivity([0, 1, 1], capture_2, scenario=0, grid=[0.0, 1.0]); "
            "gap = ends[:, 0] - ends[:, 1]; then gap[0] / (gap[0] - gap[1])",
        ),
        asks="probability of vertical integration, as a fraction",
    ),
    Exercise(
        "10.3",
        Choice(
            split_winner,
            {
                "a": "no: the weights are equal in both counts, so every scenario is as likely as the others; "
                "nothing made vertical integration likelier.",
                "b": f"yes: by layer, horizontal layering's share is halved ({_LAYER['deployment']:.1%} each), "
                "while vertical integration's stays whole: an artifact of counting.",
                "c": "no: together deployment and observability get "
                f"{_LAYER['deployment'] + _LAYER['observability']:.1%}, more than model providers' "
                f"{_LAYER['model providers']:.1%}; only each half looks small.",
                "d": "no: the model reads no funding data. Its capture table comes only from who wins each "
                "scenario and the winners' share.",
            },
        ),
        (
            "Compare the two lists printed in section 4: between them, did the weights change, or the way "
            "the winners are counted?",
            "Look at horizontal layering's winners: counted by layer, how many layers share its winners' share, "
            "and how many share vertical integration's?",
            "Run expected_capture([1, 1, 1], by_layer), add the deployment and observability entries and "
            "compare the sum with model providers' entry.",
        ),
        asks="a letter from a to d, in quotes",
    ),
)
