"""Answer key of lesson 07 (portfolio math): computed from the portfolio model, the data and the panel's assumptions.

- 07.1 explains: why the typical portfolio trails the mean (a multiple choice with feedback per reason).
- 07.2 predicts, then checks with the model: at the fattest tail the data imply, do more deals make a
  fund-returning deal likelier?
- 07.3 decides and compares: how many infrastructure deals buy an even chance of a 10x.
"""

from __future__ import annotations

import numpy as np

from .. import data
from ..checks import Choice, Exercise, Number
from ..models import INFRA_ALPHA, INFRA_ZEROS, fund_returning_multiple, prob_at_least_one_hit

FEWER, MORE = 20, 100  # the fund's equal checks before and after spreading the same money (exercise 2)
EVEN = 0.5  # an even chance (exercise 3)


def _teaching_zeros() -> float:
    return float(data.pick("power_law_parameters", "share_of_zeros", estimate="teaching default"))


def _fattest_alpha() -> float:
    """The smallest tail exponent the Correlation Ventures buckets imply: the fattest tail in the data's range."""
    return float(data.pick("power_law_parameters", "alpha_low", estimate="implied range"))


def fund_returning_chance(n_deals: int) -> float:
    """Exercise 2: the chance of a fund-returning deal among ``n_deals`` equal checks, at the fattest tail."""
    bar = fund_returning_multiple(n_deals)
    return float(prob_at_least_one_hit(n_deals, _teaching_zeros(), _fattest_alpha(), bar))


def _more_deals() -> str:
    before, after = fund_returning_chance(FEWER), fund_returning_chance(MORE)
    if abs(after - before) < 0.005:  # within half a percentage point: "about the same"
        return "stays the same"
    return "rises" if after > before else "falls"


def deals_for_an_even_chance(p_zero: float, alpha: float) -> int:
    """The smallest number of deals with at least an even chance of one 10x deal."""
    counts = np.arange(1, 10_001)
    return int(counts[prob_at_least_one_hit(counts, p_zero, alpha) >= EVEN][0])


EXERCISES = (
    Exercise(
        "07.1",
        Choice(
            "c",
            {
                "a": (
                    "more simulated portfolios measure the gap more precisely; they do not close it. Section 3's "
                    "table used 20,000 portfolios of each size, and the share below the mean hardly moved from "
                    "1 deal to 100: the gap is in the model itself, not in a small sample."
                ),
                "b": (
                    "zeros pull the mean down too (the mean is (1 - p) times the survivors' mean). Set the "
                    "panel's share of zeros to 0 %: no deal returns nothing, yet the median still sits well below "
                    "the mean. The tail makes the gap, not the zeros."
                ),
                "c": (
                    "giants lift the mean, and most portfolios hold none, so the typical (median) portfolio "
                    "sits below it."
                ),
                "d": (
                    "the model has no fees and no follow-on investments (section 7 lists what it leaves out), "
                    "yet its median portfolio trails its mean. Fees matter for real funds such as Kauffman's; "
                    "they are not the reason here."
                ),
            },
        ),
        (
            "Ask what one very large deal does to the average of all portfolios, and how many portfolios hold "
            "such a deal.",
            "Section 1 says how much of the money the rare deals at 10x or more make; section 3's table shows "
            "whether the gap shrinks with more deals; section 7 lists what the model leaves out.",
            "Test the zeros yourself: no_zeros = simulate_portfolios(20_000, 20, 0, teaching_alpha, seed=1); "
            "then compare np.median(no_zeros) with deal_mean_multiple(0, teaching_alpha).",
        ),
        asks='the letter of the reason, in quotes, such as "a"',
    ),
    Exercise(
        "07.2",
        Choice(
            _more_deals,
            {
                "rises": (
                    "not in this model. More deals are more tries, but with N equal checks a deal returns the fund "
                    "only at N times the money, and a bar five times higher divides each try's chance by 5 to the "
                    "power alpha, more than 5 for any alpha above 1. A fatter tail slows the fall; it does not "
                    "reverse it."
                ),
                "falls": (
                    "the bar (N times the money) rises faster than the tries add up whenever alpha is above 1; "
                    "a fatter tail only slows the fall."
                ),
                "stays the same": (
                    "it moves by several percentage points: the tries grow fivefold, but each try must clear a bar "
                    "five times higher. Compute the chance at 20 and at 100 deals and compare."
                ),
            },
        ),
        (
            "Two things change when the fund spreads its money over more deals: the number of tries, and the "
            "multiple one deal needs to return the whole fund.",
            "With N equal checks a deal returns the fund at N times the money, so the chance is 1 - (1 - q)^N with "
            "q = (1 - p) x N^(-alpha). Compare N = 20 with N = 100, or press the panel's Fattest tail preset "
            "(alpha = fattest_alpha) and read its last line at 20 deals and at 100.",
            "for n in (20, 100): print(n, prob_at_least_one_hit(n, teaching_zeros, fattest_alpha, "
            "fund_returning_multiple(n)))",
        ),
        asks='"rises", "falls" or "stays the same", in quotes',
    ),
    Exercise(
        "07.3",
        Number(lambda: deals_for_an_even_chance(INFRA_ZEROS, INFRA_ALPHA), "{:,.0f}"),
        (
            "Infrastructure deals fail less but rarely reach 10x: find one deal's chance q of a 10x first, then "
            "ask how many tries make missing with every one of them less likely than not.",
            "You need the smallest N with 1 - (1 - q)^N >= 0.5, where q = (1 - INFRA_ZEROS) x 10^(-INFRA_ALPHA); "
            "solved for N, that is N >= ln 0.5 / ln(1 - q), rounded up to a whole deal.",
            "counts = np.arange(1, 1001); counts[prob_at_least_one_hit(counts, INFRA_ZEROS, INFRA_ALPHA) >= 0.5][0]",
        ),
        asks="a whole number of infrastructure deals",
    ),
)
