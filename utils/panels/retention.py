"""The demo panel of lesson 00: revenue compounding under net revenue retention.

The model is :func:`utils.models.nrr_revenue`; this module only builds the
controls, the presets, the readout and the chart. ``retention.js`` is its
JavaScript twin for the static site (``retention_outcome``, held to this one
by ``tests/test_panels.py``).
"""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd

from ..models import nrr_revenue
from ..whatif import Dropdown, Outcome, Preset, Slider, Twin, WhatIf

__all__ = ["retention_demo_panel", "retention_outcome"]

START = 100.0  # revenue in year 0, an index rather than dollars
HORIZONS = {"3 years": 3, "5 years": 5, "10 years": 10}
Y_TOP = 500.0  # the revenue axis is fixed at 0 to 500, so the bars visibly grow and shrink as the slider moves


def _takeaway(nrr_percent: float, horizon: int, final: float) -> str:
    """One sentence on what the bars say, computed from them."""
    if nrr_percent > 100:
        straight = START + horizon * (nrr_percent - 100)
        return (
            f"At {nrr_percent:.0f}% a year the cohort reaches {final:,.1f} in {horizon} years, "
            f"{final / START:,.2f} times its start: more than the {straight:,.0f} that adding "
            f"{nrr_percent - 100:.0f} a year would give."
        )
    if nrr_percent == 100:
        return f"At 100% a year the cohort's revenue stays at {START:,.0f} for all {horizon} years."
    return (
        f"At {nrr_percent:.0f}% a year only {final:,.1f} of the {START:,.0f} is left after {horizon} years: "
        f"the cohort loses {100 - nrr_percent:.0f}% of what is left each year."
    )


def retention_outcome(nrr_percent: float, horizon: int) -> Outcome:
    """Revenue of a cohort that starts at 100, year by year, at the chosen NRR."""
    years = np.arange(horizon + 1)
    revenue = np.asarray(nrr_revenue(START, nrr_percent / 100, years))
    frame = pd.DataFrame({"year": years, "revenue": revenue, "shown": np.minimum(revenue, Y_TOP)})
    final = float(revenue[-1])
    return Outcome(
        {"cohort": frame},
        {
            f"Revenue after {horizon} years": f"{final:,.2f} (from {START:,.0f})",
            "Change": f"{final / START - 1:+,.1%}",
        },
        takeaway=_takeaway(nrr_percent, horizon, final),
        key=("Revenue after the horizon (index, year 0 = 100)", final),
    )


def _chart() -> alt.LayerChart:
    base = alt.Chart(alt.Data(name="cohort")).encode(
        x=alt.X("year:O", title="Year", axis=alt.Axis(labelAngle=0)),
        y=alt.Y(
            "shown:Q",
            title="Revenue (index, year 0 = 100)",
            scale=alt.Scale(domain=[0, Y_TOP]),
            axis=alt.Axis(format=",.0f"),
        ),
        tooltip=[alt.Tooltip("year:O", title="Year"), alt.Tooltip("revenue:Q", title="Revenue", format=",.1f")],
    )
    bars = base.mark_bar(color="#0072B2")
    text = alt.Text("revenue:Q", format=",.0f")
    above = base.transform_filter(f"datum.revenue <= {Y_TOP}").mark_text(dy=-6, fontSize=10).encode(text=text)
    # A bar taller than the axis is cut at its top; its value is written inside it, in white.
    inside = (
        base.transform_filter(f"datum.revenue > {Y_TOP}")
        .mark_text(dy=9, fontSize=10, color="#ffffff")
        .encode(text=text)
    )
    return (bars + above + inside).properties(
        title="One cohort's revenue, year by year",
        description=(
            "Bar chart of a customer cohort's revenue by year, starting at 100 in year 0 and multiplied each "
            f"year by the net revenue retention chosen with the slider. The axis is fixed at 0 to {Y_TOP:,.0f}; "
            "a taller bar is cut at the top and its value written inside it."
        ),
        width=440,
        height=240,
    )


def retention_demo_panel(*, median_nrr: float, star_nrr: float) -> WhatIf:
    """Slide NRR and pick a horizon; the bars, the takeaway and the readout follow.

    ``median_nrr`` and ``star_nrr`` feed two presets: the lesson passes SaaS
    Capital's median for private SaaS (its low end) and Snowflake's reported
    NRR, read from ``data/unit_economics.csv``. Both are ratios (1.51 for 151 %).
    """
    median, star = round(100 * median_nrr), round(100 * star_nrr)
    presets = {
        "Growing 20%": Preset(
            {"nrr_percent": 120, "horizon": "5 years"},
            "The lesson's example, an assumption: 120% a year for five years.",
        ),
        "Median SaaS": Preset(
            {"nrr_percent": median, "horizon": "10 years"},
            f"SaaS Capital's median private SaaS company keeps about {median}% (the low end of its range): "
            "ten years at that rate.",
        ),
        "Snowflake's quarter": Preset(
            {"nrr_percent": star, "horizon": "5 years"},
            f"Snowflake reported {star}% in one quarter; held for five years, as no company does: "
            "a star, not a median.",
        ),
        "Losing 10%": Preset(
            {"nrr_percent": 90, "horizon": "10 years"},
            "An assumed shrinking cohort: 90% a year for ten years (exercise 1).",
        ),
    }
    return WhatIf(
        title="Demo: does the chart follow the slider?",
        controls=[
            Slider("nrr_percent", "Net revenue retention", min=50, max=200, step=1, value=120, suffix="% a year"),
            Dropdown("horizon", "Horizon", HORIZONS, "5 years"),
        ],
        compute=retention_outcome,
        chart=_chart(),
        presets=presets,
        name="demo",
        twin=Twin("retention", "retention_outcome", params={"start": START, "y_top": Y_TOP}),
    )
