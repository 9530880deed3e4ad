"""Answer key of lesson 00 (start here): computed from the retention model of the demo panel.

Both exercises teach how the course's checks read an answer while they teach compounding:

- 00.1 predicts, then checks with the model: how many whole years at an NRR of 90 % until a cohort
  has lost half its revenue? (Straight-line thinking says five; a check says "too low" and why.)
- 00.2 compares, as a fraction: what share of the demo panel's five-year change at 120 % comes
  from compounding rather than from adding the first year's growth five times? (A percentage
  typed for the fraction is told so; an answer rounded as the course shows it passes.)
"""

from __future__ import annotations

from ..checks import Exercise, Number
from ..models import nrr_revenue
from ..panels.retention import START

SHRINKING = 0.90  # exercise 1: an NRR of 90 %, a cohort that keeps nine tenths a year
GROWING, HORIZON = 1.20, 5  # exercise 2: the demo panel's starting values (120 %, 5 years)


def years_below_half(nrr: float = SHRINKING) -> int:
    """The first whole year in which a cohort's revenue is below half of where it started (nrr < 1)."""
    return next(t for t in range(1, 101) if nrr_revenue(START, nrr, t) < START / 2)


def compounding_share(nrr: float = GROWING, years: int = HORIZON) -> float:
    """The share of the change after ``years`` that compounding adds beyond the first year's growth, ``years`` times."""
    change = nrr_revenue(START, nrr, years) / START - 1
    straight_line = years * (nrr - 1)
    return float((change - straight_line) / change)


EXERCISES = (
    Exercise(
        "00.1",
        Number(years_below_half, "{:.0f}"),
        (
            "Each year the cohort loses a tenth of what is left, not a tenth of the 100 it started with, "
            "so every year's loss is smaller than the one before.",
            "Revenue after t years is 100 x 0.9^t. On the panel, set NRR to 90 % and the horizon to 10 years, "
            "and read the bars from the left: which is the first one under 50?",
            "[round(nrr_revenue(100, 0.9, t), 1) for t in range(11)] lists years 0 to 10; "
            "count along to the first value below 50.",
        ),
        asks="whole years",
    ),
    Exercise(
        "00.2",
        Number(compounding_share, "{:.1%}"),
        (
            "Split the readout's change in two: the first year's 20 % added five times, and the rest. "
            "The rest is growth on growth: compounding.",
            "share = (change - 5 x 0.20) / change, with the change as a fraction: the readout's percentage "
            "divided by 100. Answer as a fraction too (0.25 for 25 %).",
            "change = nrr_revenue(100, 1.20, 5) / 100 - 1, then (change - 5 * 0.20) / change",
        ),
        asks="a fraction",
    ),
)
