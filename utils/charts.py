"""The course's chart theme and small chart helpers.

The palette is Okabe and Ito's, designed to stay distinguishable for the common
forms of color blindness; it is ordered so that the first colors also keep
contrast against a white background. Every chart the course draws also carries
a title, axis titles with units, and a ``description`` that a screen reader
reads out (Vega writes it into the SVG's ``aria-label``).
"""

from __future__ import annotations

import altair as alt
from altair.utils.schemapi import Undefined, UndefinedType

__all__ = ["PALETTE", "THEME_NAME", "money_axis", "percent_axis"]

# Okabe & Ito (2008), "Color Universal Design"; yellow left out (too pale on white).
PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"]
THEME_NAME = "plumbing_premium"


# Registered and enabled when this module is imported (``utils.whatif`` imports it, so every panel is themed).
@alt.theme.register(THEME_NAME, enable=True)
def _theme() -> alt.theme.ThemeConfig:
    return {
        "config": {
            "range": {"category": PALETTE},
            "font": "system-ui, -apple-system, 'Segoe UI', sans-serif",
            "title": {"fontSize": 15, "anchor": "start", "subtitleColor": "#444444"},
            "axis": {"labelFontSize": 12, "titleFontSize": 12, "labelColor": "#333333", "titleColor": "#222222"},
            "legend": {"labelFontSize": 12, "titleFontSize": 12, "orient": "bottom", "labelLimit": 320},
            "line": {"strokeWidth": 2.5},
            "view": {"stroke": None},
        }
    }


def money_axis(title: str) -> alt.Axis:
    """An axis that reads in US dollars with thousands separators: ``$1,825``."""
    return alt.Axis(title=title, format="$,.0f")


def percent_axis(title: str, tick_count: int | UndefinedType = Undefined) -> alt.Axis:
    """An axis for shares stored as fractions: 0.25 reads ``25%``."""
    return alt.Axis(title=title, format=".0%", tickCount=tick_count)
