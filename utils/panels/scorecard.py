"""The panel of lesson 11: the positioning test as a scorecard, and the evidence behind each score.

The score, each criterion's points and the verdict come from
:mod:`utils.models.scorecard`. A score is only as good as the evidence behind
it: :func:`evidence_card_table` and :func:`evidence_card_summary` show a learner's scores
next to the evidence and the source they give for each, and say what is still
to fill in.

``scorecard.js`` holds the panel's JavaScript twin for the static site (the same name as
:func:`scorecard_outcome`); ``tests/test_panels_scorecard.py`` holds it to this. A change to a formula here
or in :mod:`utils.models` needs the same change there.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import altair as alt
import pandas as pd

from ..charts import PALETTE
from ..models import CRITERIA, RISKS, VERDICT_FROM, criterion_points, positioning_score, verdict
from ..tables import Table, table
from ..whatif import Outcome, Preset, Slider, Twin, WhatIf

__all__ = [
    "EXAMPLE",
    "MIDDLING",
    "NAMES",
    "RESHUFFLE_WEIGHTS",
    "THIN_WRAPPER",
    "THRESHOLDS",
    "TWO_PRODUCTS",
    "contributions",
    "evidence_card_frame",
    "evidence_card_summary",
    "evidence_card_table",
    "scorecard_outcome",
    "scorecard_panel",
]

MAX_SCORE = 5  # the top of every criterion's scale
LABELS = {
    "model_agnostic_demand": "Model-agnostic demand",
    "switching_costs": "Switching costs",
    "cost_efficiency": "Cost efficiency",
    "open_source_risk": "Open-source risk (inverted)",
    "vertical_integration_risk": "Vertical-integration risk (inverted)",
}
# The verdict lines of the chart, from the model's own thresholds.
THRESHOLDS = pd.DataFrame(
    {
        "points": [int(start) for start in VERDICT_FROM.values()],
        "label": [f"{name} from {start:.0f}" for name, start in VERDICT_FROM.items()],
    }
).sort_values("points", ignore_index=True)
# The course's worked example (utils.models.scorecard): strengths 4, 4, 3 and risks 2, 1, a score of 72.
EXAMPLE = {
    "model_agnostic_demand": 4,
    "switching_costs": 4,
    "cost_efficiency": 3,
    "open_source_risk": 2,
    "vertical_integration_risk": 1,
}
# The course's illustration of a thin wrapper around one model's API (lesson 06's app tied to one model).
THIN_WRAPPER = {
    "model_agnostic_demand": 1,
    "switching_costs": 1,
    "cost_efficiency": 2.5,
    "open_source_risk": 3,
    "vertical_integration_risk": 5,
}
MIDDLING = {
    "model_agnostic_demand": 3,
    "switching_costs": 3,
    "cost_efficiency": 2.5,
    "open_source_risk": 2,
    "vertical_integration_risk": 2.5,
}  # the panel's default start: middling scores that describe no product in particular
# Lesson 11, exercise 2 (made-up products, a teaching example): the same score with equal weights, strong in
# different places; and an investor who weights model-agnostic demand twice.
TWO_PRODUCTS = {
    "a": {
        "model_agnostic_demand": 5,
        "switching_costs": 4,
        "cost_efficiency": 3,
        "open_source_risk": 2,
        "vertical_integration_risk": 3,
    },
    "b": {
        "model_agnostic_demand": 2,
        "switching_costs": 5,
        "cost_efficiency": 5,
        "open_source_risk": 1,
        "vertical_integration_risk": 4,
    },
}
RESHUFFLE_WEIGHTS = dict.fromkeys(CRITERIA, 1.0) | {"model_agnostic_demand": 2.0}
# The sliders say which end of the 0-5 scale is good: a strength is best at 5, a risk worst.
SLIDER_LABELS = {
    "model_agnostic_demand": "Model-agnostic demand (5 best)",
    "switching_costs": "Switching costs (5 best)",
    "cost_efficiency": "Cost efficiency (5 best)",
    "open_source_risk": "Open-source risk (5 worst)",
    "vertical_integration_risk": "Vertical-integration risk (5 worst)",
}
KEY = "Positioning score (points out of 100)"


def contributions(scores: Mapping[str, float]) -> pd.DataFrame:
    """Each criterion's points toward the 0-100 score (equal weights: up to 20 each), from the model."""
    points = criterion_points(scores)
    return pd.DataFrame(
        {"criterion": [LABELS[c] for c in CRITERIA], "points": [points[c] for c in CRITERIA], "row": "your product"}
    )


def _distance(total: float) -> str:
    """How far a score sits from the nearest verdict line: above its own, or short of the next."""
    starts = sorted(VERDICT_FROM.items(), key=lambda item: item[1])
    above = [(name, start) for name, start in starts if total >= start]
    ahead = [(name, start) for name, start in starts if total < start]
    if ahead and (not above or ahead[0][1] - total <= total - above[-1][1]):
        name, start = ahead[0]
        return f"{start - total:.0f} points short of {name}"
    name, start = above[-1]
    return f"{total - start:.0f} points above the {name} line"


def scorecard_outcome(**scores: float) -> Outcome:
    """Score, verdict and each criterion's contribution for the learner's scores (0 to 5 each)."""
    total = positioning_score(scores)
    parts = contributions(scores)
    lowest = parts["points"].min()
    tied = parts.loc[parts["points"] == lowest, "criterion"]
    weakest = "none: all five score the same" if len(tied) == len(parts) else ", ".join(tied)
    weakest_words = (
        "every criterion gives the same points"
        if len(tied) == len(parts)
        else f"weakest: {' and '.join(t.split(' (')[0].lower() for t in tied)}"
    )
    return Outcome(
        {"parts": parts, "thresholds": THRESHOLDS},
        {
            "Positioning score": f"{total:.0f} out of 100",
            "Verdict": verdict(total),
            "Weakest": f"{weakest} ({lowest:.0f} of 20 points)",
        },
        takeaway=f"{total:.0f} out of 100, {verdict(total)}, {_distance(total)}; {weakest_words}.",
        key=(KEY, total),
    )


def _chart() -> alt.LayerChart:
    order = [LABELS[c] for c in CRITERIA]
    bar = (
        alt.Chart(alt.Data(name="parts"))
        .mark_bar(stroke="#ffffff", strokeWidth=1)
        .encode(
            x=alt.X("sum(points):Q", title="Positioning score (points out of 100)", scale=alt.Scale(domain=[0, 100])),
            y=alt.Y("row:N", title=None, axis=None),
            color=alt.Color(
                "criterion:N",
                title="Criterion (points out of 20 each)",
                sort=order,
                scale=alt.Scale(domain=order, range=PALETTE[: len(order)]),
                legend=alt.Legend(orient="bottom", columns=2, titleLimit=400),
            ),
            order=alt.Order("criterion_order:Q"),
            tooltip=["criterion:N", alt.Tooltip("points:Q", format=".0f")],
        )
        .transform_calculate(criterion_order=f"indexof({order}, datum.criterion)")
    )
    rules = alt.Chart(alt.Data(name="thresholds")).mark_rule(color="#000000", strokeDash=[3, 3]).encode(x="points:Q")
    labels = (
        alt.Chart(alt.Data(name="thresholds"))
        .mark_text(align="left", dx=3, dy=-34, fontSize=11)
        .encode(x="points:Q", text="label:N")
    )
    return (bar + rules + labels).properties(
        title="Would demand survive a reshuffle of the models?",
        description=(
            "One horizontal bar stacked from five segments, each a criterion's points toward a score out of 100; "
            "dotted lines mark the verdict thresholds at 40 (mixed) and 70 (plumbing-like)."
        ),
        width=420,
        height=60,
    )


def _presets() -> dict[str, Preset]:
    example = positioning_score(EXAMPLE)
    return {
        "Worked example": Preset(
            EXAMPLE,
            f"The course's worked example (ours): strengths 4, 4 and 3, risks 2 and 1, for {example:.0f} out of 100.",
        ),
        "Thin wrapper": Preset(
            THIN_WRAPPER,
            "Our illustration of a thin wrapper around one model's API, lesson 06's app: little model-agnostic "
            "demand, easy to leave, and easy for a model provider to build in.",
        ),
        "Middling": Preset(
            MIDDLING,
            "Middling scores that describe no product in particular (an assumption): a neutral start for yours.",
        ),
    }


def scorecard_panel(start: Mapping[str, float] | None = None, name: str = "scorecard") -> WhatIf:
    """Five sliders, 0 to 5 in half steps: three strengths and two risks, starting at ``start`` (default: middling)."""
    values = dict(MIDDLING if start is None else start)
    if set(values) != set(CRITERIA):
        raise ValueError(f"start must score exactly {list(CRITERIA)}, got {sorted(values)}.")
    positioning_score(values)  # each start value must be a score from 0 to 5
    return WhatIf(
        title="Score a product on the positioning test",
        controls=[Slider(c, SLIDER_LABELS[c], min=0, max=5, step=0.5, value=values[c]) for c in CRITERIA],
        compute=scorecard_outcome,
        chart=_chart(),
        presets=_presets(),
        name=name,
        twin=Twin(  # utils/panels/scorecard.js, for the static site: the model's constants and the module's tables
            "scorecard",
            "scorecard_outcome",
            params={
                "criteria": list(CRITERIA),
                "risks": sorted(RISKS),
                "max_score": float(MAX_SCORE),
                "verdict_from": [[said, float(start)] for said, start in VERDICT_FROM.items()],
                "labels": dict(LABELS),
                "thresholds": THRESHOLDS.to_dict(orient="records"),
                "key": KEY,
            },
        ),
    )


# --- The evidence behind each score ---------------------------------------------------------------

EVIDENCE_FIELDS = ("score", "evidence", "source")
EVIDENCE_LABELS = {
    "model_agnostic_demand": "Model-agnostic demand",
    "switching_costs": "Switching costs once embedded",
    "cost_efficiency": "Cost efficiency",
    "open_source_risk": "Open-source risk (higher is worse)",
    "vertical_integration_risk": "Vertical-integration risk (higher is worse)",
}
NAMES = {
    "model_agnostic_demand": "model-agnostic demand",
    "switching_costs": "switching costs",
    "cost_efficiency": "cost efficiency",
    "open_source_risk": "open-source risk",
    "vertical_integration_risk": "vertical-integration risk",
}
TO_FILL = "(to fill in)"


def _filled(value: Any) -> bool:
    """Whether a learner has filled a field: not ``...``, None, NaN, or an empty or "..." text."""
    if value is ... or value is None:
        return False
    if isinstance(value, float) and math.isnan(value):
        return False
    return not (isinstance(value, str) and value.strip() in {"", "..."})


def _entries(evidence: Mapping[str, Sequence[Any]]) -> dict[str, tuple[Any, Any, Any]]:
    if set(evidence) != set(CRITERIA):
        missing, unknown = set(CRITERIA) - set(evidence), set(evidence) - set(CRITERIA)
        raise ValueError(
            f"evidence must have one entry per criterion {list(CRITERIA)}; missing {sorted(missing)}, "
            f"unknown {sorted(unknown)}."
        )
    entries = {}
    for criterion in CRITERIA:
        entry = evidence[criterion]
        if isinstance(entry, str) or len(entry) != len(EVIDENCE_FIELDS):
            raise ValueError(f"evidence[{criterion!r}] must be (score, evidence, source), got {entry!r}.")
        score = entry[0]
        if _filled(score) and (
            isinstance(score, bool) or not isinstance(score, int | float) or not 0 <= score <= MAX_SCORE
        ):
            raise ValueError(f"evidence[{criterion!r}]: the score must be a number from 0 to 5, got {score!r}.")
        entries[criterion] = (score, entry[1], entry[2])
    return entries


def evidence_card_frame(evidence: Mapping[str, Sequence[Any]]) -> pd.DataFrame:
    """One row per criterion: the score, its points toward 100 (risks inverted), the evidence and its source."""
    entries = _entries(evidence)
    # With equal weights a criterion's points do not depend on the others' scores: fill the unscored with 0.
    points = criterion_points({c: float(e[0]) if _filled(e[0]) else 0.0 for c, e in entries.items()})
    rows = []
    for criterion, (score, said, source) in entries.items():
        scored = _filled(score)
        rows.append(
            {
                "criterion": EVIDENCE_LABELS[criterion],
                "score": float(score) if scored else math.nan,
                "points of 20": points[criterion] if scored else math.nan,
                "evidence": said if _filled(said) else TO_FILL,
                "source": source if _filled(source) else TO_FILL,
            }
        )
    return pd.DataFrame(rows)


def evidence_card_table(evidence: Mapping[str, Sequence[Any]]) -> Table:
    """The scorecard with its evidence, as a table to read ("–" where no score is given yet)."""
    return table(evidence_card_frame(evidence), {"score": "{:g}", "points of 20": "{:.0f}"})


def evidence_card_summary(product: str, evidence: Mapping[str, Sequence[Any]]) -> str:
    """The score and verdict once every criterion is scored, and what is still to fill in."""
    name = product if _filled(product) else "Your product"
    entries = _entries(evidence)
    missing = {
        c: [field for field, value in zip(EVIDENCE_FIELDS, entry, strict=True) if not _filled(value)]
        for c, entry in entries.items()
    }
    if any(not _filled(entry[0]) for entry in entries.values()):
        head = f"{name}: not scored yet."
    else:
        total = positioning_score({c: float(entry[0]) for c, entry in entries.items()})
        head = f"{name}: {total:.0f} out of 100, {verdict(total)}."
    if not any(missing.values()):
        return f"{head} Every score has its evidence and its source."
    if all(fields == list(EVIDENCE_FIELDS) for fields in missing.values()):
        return f"{head} Still to fill in: the score, evidence and source of every criterion."
    todo = [f"{NAMES[c]} ({', '.join(fields)})" for c, fields in missing.items() if fields]
    return f"{head} Still to fill in: " + "; ".join(todo) + "."
