"""Lesson 02 (The AI infrastructure stack): the answer key, computed from data/ and checked against it.

Each exercise is a decision with a reason. The right option is not typed blindly:
each key function first checks that the data still say what the options claim
(which layer's role covers GPU scheduling, which sum tops the essay's claim,
which teller more sources agree with) and fails loudly if they no longer do.
"""

from __future__ import annotations

from .. import data
from ..checks import Choice, Exercise
from ..panels import usd

CONFIDENCE_RANK = {"L": 0, "M": 1, "H": 2}
DEPLOYMENT = ("Modal", "Baseten", "Fireworks AI")


def _layers():
    return data.load("infrastructure_layers").set_index("layer")


def _rounds():
    return data.load("funding_rounds")


# --- 02.1: which layer is a product that keeps models on GPUs and routes requests? ----------------


def gpu_layer() -> str:
    """The option naming the layer whose role (data/infrastructure_layers.csv) covers GPU scheduling and routing."""
    roles = _layers()["role"]
    owners = [layer for layer, role in roles.items() if "GPU scheduling" in role and "inference routing" in role]
    if owners != ["deployment"]:
        raise ValueError(f"exercise 02.1 expects deployment alone to schedule GPUs and route inference, got {owners}.")
    return "a"


def _role(layer: str) -> str:
    return _layers().loc[layer, "role"]


def _cloud(layer: str) -> str:
    return _layers().loc[layer, "cloud_equivalent"]


# --- 02.2: which of the essay's figures backs "over $700 million combined"? -----------------------


def _deployment_sums() -> dict[str, float]:
    """The four sums the options name, each over the three deployment companies."""
    rounds = _rounds()
    deployment = rounds[rounds["company"].isin(DEPLOYMENT)]
    essay = deployment[deployment["figure_from"] == "articles"]
    return {
        "a": essay["amount_usd"].sum(),
        "b": essay["total_raised_usd"].sum(),
        "c": deployment["amount_usd"].sum(),
        "d": essay["valuation_usd"].sum(),
    }


def _claim() -> float:
    return data.pick("infrastructure_layers", "essay_capital_usd", layer="deployment")


def backing_sum() -> str:
    """Totals to date: the only sum of money raised, counted once, that tops the claim (the others fail or cheat)."""
    sums, claim = _deployment_sums(), _claim()
    if not (sums["a"] < claim < sums["b"] and sums["c"] > claim and sums["d"] > claim):
        raise ValueError(f"exercise 02.2's options no longer fall as its feedback says: {sums} against {claim}.")
    return "b"


def _shared_rounds() -> str:
    """The deployment companies whose rounds both tellers tell (counted twice when both are added)."""
    rounds = _rounds()
    deployment = rounds[rounds["company"].isin(DEPLOYMENT)]
    told = deployment.groupby("company", sort=False)["figure_from"].nunique()
    return ", ".join(told[told > 1].index)


# --- 02.3: which figure to cite for Fireworks AI's round? -----------------------------------------


def _fireworks(teller: str, column: str = "amount_usd"):
    return data.pick("funding_rounds", column, company="Fireworks AI", figure_from=teller)


def cited_figure() -> str:
    """Other reports' figure, with the essay's beside it: both tell one round, and the reports' row is rated higher."""
    reports, essay = _fireworks("other reports", "confidence"), _fireworks("articles", "confidence")
    if CONFIDENCE_RANK[reports] <= CONFIDENCE_RANK[essay]:
        raise ValueError(f"exercise 02.3 expects other reports rated above the essay, got {reports} and {essay}.")
    return "b"


def _gap() -> float:
    return _fireworks("articles") / _fireworks("other reports") - 1


S = _deployment_sums()

EXERCISES = (
    Exercise(
        "02.1",
        Choice(
            gpu_layer,
            {
                "a": (
                    f"right. Keeping models loaded on GPUs, starting copies for a burst and choosing which GPU "
                    f'answers is the deployment layer\'s role: "{_role("deployment")}". Classify a product by '
                    "the job it does, not by the cloud product its pitch borrows a name from."
                ),
                "b": (
                    f"the pitch borrows Kubernetes' name, and Kubernetes is the cloud equivalent of orchestration, "
                    f'but the essay\'s orchestration layer does another job: "{_role("orchestration")}". It '
                    "decides what a model is asked next, not which GPU answers. Compare the product's job with "
                    "each layer's role in the table of section 2."
                ),
                "c": (
                    f'observability\'s role is "{_role("observability")}"; this product records none of that: '
                    "it runs the models. Compare its job with each layer's role in the table of section 2."
                ),
            },
        ),
        (
            "Ignore the pitch's name for a moment: what does the product actually do all day?",
            "The table of section 2 gives each layer's role; find the role that names what this product does.",
            'layers[["layer", "role"]]',
        ),
        asks='"a", "b" or "c", in quotes',
    ),
    Exercise(
        "02.2",
        Choice(
            backing_sum,
            {
                "a": (
                    f"the essay's three rounds add to only {usd(S['a'])}, short of the claim (section 6). A claim "
                    "of money raised 'combined' can rest on more than the rounds the essay names."
                ),
                "b": (
                    f"right: the essay's totals to date add to {usd(S['b'])}, over {usd(_claim())}. A total is a "
                    "stock that already holds each company's rounds, so add totals across companies, never a "
                    "total to its own rounds."
                ),
                "c": (
                    f"every deployment row's amount adds to {usd(S['c'])}, but both tellers tell the same rounds "
                    f"({_shared_rounds()}), so that sum counts them twice, and it includes a round announced after "
                    "the essay. Add one teller at a time."
                ),
                "d": (
                    f"the valuations add to {usd(S['d'])}, far over the claim, but a valuation is the price a "
                    "round puts on the whole company, not money raised. The claim is about money raised."
                ),
            },
        ),
        (
            "Two questions for each option: does the sum top the claim, and is it money raised, counted once?",
            'Filter rounds to the three deployment companies; for the essay\'s rows (figure_from == "articles") '
            "add amount_usd, total_raised_usd and valuation_usd in turn, then add amount_usd over both tellers.",
            'rounds.loc[is_essay_deployment, "total_raised_usd"].sum()  # and the same for the other columns',
        ),
        asks='"a", "b", "c" or "d", in quotes',
    ),
    Exercise(
        "02.3",
        Choice(
            cited_figure,
            {
                "a": (
                    f"the essay is one author's figure and its row is rated {_fireworks('articles', 'confidence')} "
                    f"because most sources give {usd(_fireworks('other reports'))}. Citing the weaker figure alone "
                    "hides the disagreement from your reader."
                ),
                "b": (
                    f"right: both rows tell one round; more sources agree on {usd(_fireworks('other reports'))} "
                    f"(rated {_fireworks('other reports', 'confidence')}, the essay's "
                    f"{_fireworks('articles', 'confidence')}), and naming the essay's figure beside it keeps the "
                    "disagreement visible."
                ),
                "c": (
                    "an average is a figure no source gives: it invents data and hides that the sources disagree. "
                    "Cite a figure someone reported, and say which."
                ),
                "d": (
                    f"the gap is {_gap():.1%} of the reports' figure, on the same round: small, probably "
                    "rounding or an extended round. A small gap is no reason to discard both; it is a reason to "
                    "say which figure you use and why."
                ),
            },
        ),
        (
            "Ask the three questions of section 5: the same thing measured? how big a gap? which do more "
            "sources agree on?",
            "Section 5: compare the two Fireworks AI rows' confidence ratings, and the gap as a fraction of the "
            "reports' figure.",
            'rounds.loc[rounds["company"] == "Fireworks AI", ["figure_from", "amount_usd", "confidence", "note"]]',
        ),
        asks='"a", "b", "c" or "d", in quotes',
    ),
)
