"""The demo panel of lesson 00: revenue compounding under net revenue retention."""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd

from ..models import nrr_revenue
from ..whatif import Dropdown, Outcome, Slider, WhatIf

__all__ = ["retention_demo_panel", "retention_outcome"]

START = 100.0  # revenue in year 0, an index rather than dollars

HORIZONS = {"3 years": 3, "5 years": 5, "10 years": 10}


def retention_outcome(nrr_percent: float, horizon: int) -> Outcome:
    """Revenue of a cohort that starts at 100, year by year, at the chosen NRR."""
    years = np.arange(horizon + 1)
    revenue = np.asarray(nrr_revenue(START, nrr_percent / 100, years))
    frame = pd.DataFrame({"year": years, "revenue": revenue})
    final = revenue[-1]
    return Outcome(
        {"cohort": frame},
        {
            f"Revenue after {horizon} years": f"{final:,.2f} (from {START:,.0f})",
            "Change": f"{final / START - 1:+.1%}",
        },
    )


def _chart() -> alt.LayerChart:
    base = alt.Chart(alt.Data(name="cohort")).encode(
        x=alt.X("year:O", title="Year", axis=alt.Axis(labelAngle=0)),
        y=alt.Y("revenue:Q", title="Revenue (index, year 0 = 100)"),
    )
    bars = base.mark_bar(color="#0072B2")
    labels = base.mark_text(dy=-6, fontSize=11).encode(text=alt.Text("revenue:Q", format=",.0f"))
    return (bars + labels).properties(
        title="One cohort's revenue under net revenue retention",
        description=(
            "Bar chart of a customer cohort's revenue by year, starting at 100 in year 0 and "
            "multiplied each year by the net revenue retention chosen with the slider."
        ),
        width=460,
        height=240,
    )


def retention_demo_panel() -> WhatIf:
    """Slide NRR and pick a horizon; the bars and the readout follow."""
    return WhatIf(
        title="Demo: does the chart follow the slider?",
        controls=[
            Slider("nrr_percent", "Net revenue retention", 50, 200, 1, 120, suffix="% a year"),
            Dropdown("horizon", "Horizon", HORIZONS, "5 years"),
        ],
        compute=retention_outcome,
        chart=_chart(),
    )
