"""The positioning test as a scorecard (lesson 11).

"Would demand for this product survive a complete reshuffling of the
foundation-model landscape?" Score a product from 0 to 5 on five criteria.
Three are strengths (higher is better): model-agnostic demand, switching
costs, cost efficiency. Two are risks (higher is worse): open-source risk and
vertical-integration risk, which count as ``5 - score``. With weights w:

    score = 100 * sum_i w_i * adjusted_i / (5 * sum_i w_i)          (0 to 100)

Verdicts (``VERDICT_FROM``): 70 or more, "plumbing-like"; 40 to 70, "mixed";
below 40, "application-like". These thresholds are the course's teaching assumption.

Worked example (ours): strengths 4, 4, 3 and risks 2, 1, equal weights:
adjusted 4, 4, 3, 3, 4, score 100 * 18 / 25 = 72, "plumbing-like".
"""

from __future__ import annotations

from collections.abc import Mapping

from ..validation import check_range

__all__ = ["CRITERIA", "RISKS", "VERDICT_FROM", "criterion_points", "positioning_score", "verdict"]

CRITERIA = (
    "model_agnostic_demand",
    "switching_costs",
    "cost_efficiency",
    "open_source_risk",
    "vertical_integration_risk",
)
RISKS = frozenset({"open_source_risk", "vertical_integration_risk"})
MAX_SCORE = 5.0
# The score from which each verdict starts (the course's teaching assumption); below the lowest, "application-like".
VERDICT_FROM = {"mixed": 40.0, "plumbing-like": 70.0}


def _complete(values: Mapping[str, float], name: str) -> dict[str, float]:
    if set(values) != set(CRITERIA):
        raise ValueError(f"{name} must score exactly {list(CRITERIA)}, got {sorted(values)}.")
    return {key: float(value) for key, value in values.items()}


def _adjusted_and_weights(
    scores: Mapping[str, float], weights: Mapping[str, float] | None
) -> tuple[dict[str, float], dict[str, float]]:
    """The adjusted scores ``a_i`` (risks as ``5 - score``) and the weights, checked."""
    given = _complete(scores, "scores")
    for key, value in given.items():
        check_range(value, f"scores[{key!r}]", 0.0, MAX_SCORE)
    w = _complete(weights, "weights") if weights is not None else dict.fromkeys(CRITERIA, 1.0)
    for key, value in w.items():
        check_range(value, f"weights[{key!r}]", 0.0)
    if sum(w.values()) == 0:
        raise ValueError("weights must not all be zero.")
    return {key: MAX_SCORE - value if key in RISKS else value for key, value in given.items()}, w


def positioning_score(scores: Mapping[str, float], weights: Mapping[str, float] | None = None) -> float:
    """Weighted score from 0 to 100; risks count as ``5 - score``.

    >>> positioning_score({"model_agnostic_demand": 4, "switching_costs": 4, "cost_efficiency": 3,
    ...                    "open_source_risk": 2, "vertical_integration_risk": 1})
    72.0
    """
    adjusted, w = _adjusted_and_weights(scores, weights)
    return 100 * sum(w[key] * adjusted[key] for key in CRITERIA) / (MAX_SCORE * sum(w.values()))


def criterion_points(scores: Mapping[str, float], weights: Mapping[str, float] | None = None) -> dict[str, float]:
    """Each criterion's points toward the 0-100 score: ``100 * w_i * a_i / (5 * sum_j w_j)``.

    ``a_i`` is the score, or ``5 - score`` for a risk. The points add up to
    :func:`positioning_score`; with equal weights each criterion gives up to 20.

    >>> criterion_points({"model_agnostic_demand": 4, "switching_costs": 4, "cost_efficiency": 3,
    ...                   "open_source_risk": 2, "vertical_integration_risk": 1})["vertical_integration_risk"]
    16.0
    """
    adjusted, w = _adjusted_and_weights(scores, weights)
    return {key: 100 * w[key] * adjusted[key] / (MAX_SCORE * sum(w.values())) for key in CRITERIA}


def verdict(score: float) -> str:
    """The scorecard's reading of a score (0 to 100).

    >>> verdict(72.0)
    'plumbing-like'
    """
    value = float(check_range(score, "score", 0.0, 100.0))
    reached = [name for name, start in sorted(VERDICT_FROM.items(), key=lambda item: item[1]) if value >= start]
    return reached[-1] if reached else "application-like"
