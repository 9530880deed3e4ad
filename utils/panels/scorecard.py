"""The panel of lesson 11: the positioning test as a scorecard."""

from __future__ import annotations

import altair as alt
import pandas as pd

from ..charts import PALETTE
from ..models import CRITERIA, RISKS, positioning_score, verdict
from ..models.scorecard import MAX_SCORE
from ..whatif import Outcome, Slider, WhatIf

LABELS = {
    "model_agnostic_demand": "Model-agnostic demand",
    "switching_costs": "Switching costs",
    "cost_efficiency": "Cost efficiency",
    "open_source_risk": "Open-source risk (inverted)",
    "vertical_integration_risk": "Vertical-integration risk (inverted)",
}
THRESHOLDS = pd.DataFrame({"points": [40, 70], "label": ["mixed from 40", "plumbing-like from 70"]})


def contributions(scores: dict[str, float]) -> pd.DataFrame:
    """Each criterion's points toward the 0-100 score (equal weights: up to 20 each)."""
    points = [
        (MAX_SCORE - scores[c] if c in RISKS else scores[c]) * 100 / (MAX_SCORE * len(CRITERIA)) for c in CRITERIA
    ]
    return pd.DataFrame({"criterion": [LABELS[c] for c in CRITERIA], "points": points, "row": "your product"})


def scorecard_outcome(**scores: float) -> Outcome:
    """Score, verdict and each criterion's contribution for the learner's scores (0 to 5 each)."""
    total = positioning_score(scores)
    parts = contributions(scores)
    lowest = parts["points"].min()
    tied = parts.loc[parts["points"] == lowest, "criterion"]
    weakest = "none: all five score the same" if len(tied) == len(parts) else ", ".join(tied)
    return Outcome(
        {"parts": parts, "thresholds": THRESHOLDS},
        {
            "Positioning score": f"{total:.0f} out of 100",
            "Verdict": verdict(total),
            "Weakest": f"{weakest} ({lowest:.0f} of 20 points)",
        },
    )


def _chart() -> alt.LayerChart:
    order = [LABELS[c] for c in CRITERIA]
    bar = (
        alt.Chart(alt.Data(name="parts"))
        .mark_bar(stroke="#ffffff", strokeWidth=1)
        .encode(
            x=alt.X("sum(points):Q", title="Positioning score (points out of 100)", scale=alt.Scale(domain=[0, 100])),
            y=alt.Y("row:N", title=None),
            color=alt.Color(
                "criterion:N",
                title="Criterion",
                sort=order,
                scale=alt.Scale(domain=order, range=PALETTE[: len(order)]),
                legend=alt.Legend(orient="bottom", columns=2),
            ),
            order=alt.Order("criterion_order:Q"),
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
        title="The positioning test: would demand survive a reshuffle of the model landscape?",
        description=(
            "One horizontal bar stacked from five segments, each a criterion's points toward a score out of 100; "
            "dotted lines mark the verdict thresholds at 40 (mixed) and 70 (plumbing-like)."
        ),
        width=520,
        height=60,
    )


def scorecard_panel() -> WhatIf:
    """Five sliders, 0 to 5: three strengths and two risks."""
    return WhatIf(
        title="Score a product on the positioning test",
        controls=[
            Slider("model_agnostic_demand", "Model-agnostic demand", 0, 5, 0.5, 3),
            Slider("switching_costs", "Switching costs once embedded", 0, 5, 0.5, 3),
            Slider("cost_efficiency", "Cost efficiency", 0, 5, 0.5, 2.5),
            Slider("open_source_risk", "Open-source risk (higher is worse)", 0, 5, 0.5, 2),
            Slider("vertical_integration_risk", "Vertical-integration risk (higher is worse)", 0, 5, 0.5, 2.5),
        ],
        compute=scorecard_outcome,
        chart=_chart(),
    )
