"""Lesson 06 (Model-agnostic demand): the answer key, computed from utils.models.

The numbers the exercises give (five models, a 20 % reshuffle rate, the
customers and correlations of two vendors) are the questions' own assumptions;
every answer is computed from them by the lesson's models.
"""

from __future__ import annotations

from ..checks import Choice, Exercise, Number
from ..models import prob_still_leading, revenue_cv

# Exercise 1: five models, the lead changes hands with a chance of 20 % a quarter, eight quarters.
MODELS_1, RATE_1, QUARTERS_1 = 5, 0.20, 8

# Exercise 2: vendor A's customers all build on one model, vendor B's spread across models (assumptions).
CUSTOMERS_A, RHO_A = 1000, 0.3
CUSTOMERS_B, RHO_B = 50, 0.05


CV_A, CV_B = revenue_cv(CUSTOMERS_A, RHO_A), revenue_cv(CUSTOMERS_B, RHO_B)  # as multiples of one customer's CV
WORTH_A, WORTH_B = 1 / CV_A**2, 1 / CV_B**2  # how many independent customers each list is worth


def steadier_vendor() -> str:
    """The vendor whose total revenue swings less, by the CV formula of section 5."""
    a, b = revenue_cv(CUSTOMERS_A, RHO_A), revenue_cv(CUSTOMERS_B, RHO_B)
    return "a" if a < b else "b"


EXERCISES = (
    Exercise(
        "06.1",
        Number(lambda: float(prob_still_leading(QUARTERS_1, MODELS_1, RATE_1)), "{:.1%}"),
        (
            "Each quarter the leader's head start fades by the same factor; what it fades toward is the chance "
            "every model ends up with.",
            "Section 2: P(t) = 1/K + (1 - 1/K) x (1 - rK/(K - 1))^t, here with K = 5, r = 0.2 and t = 8.",
            "prob_still_leading(8, 5, 0.20)",
        ),
        asks="a probability between 0 and 1, such as 0.5",
    ),
    Exercise(
        "06.2",
        Choice(
            steadier_vendor,
            {
                "a": (
                    f"{CUSTOMERS_A // CUSTOMERS_B} times the customers does not make A steadier. Its customers "
                    f"move together (rho = {RHO_A}), so its swings cannot fall below the floor CV x "
                    f"sqrt({RHO_A}), however many it signs: its CV is {CV_A:.2f} of one customer's, and its "
                    f"{CUSTOMERS_A:,} customers are worth about {WORTH_A:.1f} independent ones."
                ),
                "b": (
                    f"right. B's customers barely move together (rho = {RHO_B}), so its CV is {CV_B:.2f} of one "
                    f"customer's against A's {CV_A:.2f}: its {CUSTOMERS_B} customers are worth about "
                    f"{WORTH_B:.1f} independent ones, A's {CUSTOMERS_A:,} about {WORTH_A:.1f}. Correlation, not "
                    f"the count, sets what a long customer list is worth."
                ),
                "c": (
                    f"they are far apart: A's CV is {CV_A:.2f} of one customer's, B's {CV_B:.2f}. Compute "
                    f"revenue_cv for each vendor and compare."
                ),
            },
        ),
        (
            "What limits how much a long customer list can steady revenue? Think of the floor of section 5.",
            "Section 5: CV_total / CV = sqrt((1 + (N - 1) rho) / N); compute it for each vendor and pick the smaller.",
            "revenue_cv(customers_a, rho_a), revenue_cv(customers_b, rho_b)",
        ),
        asks='"a", "b" or "c", in quotes',
    ),
    Exercise(
        "06.3",
        Choice(
            "c",
            {
                "a": (
                    "this is the app of section 3: its quality and costs follow one model, so if a rival pulls "
                    "ahead it loses the penalty in every quarter its model trails. It fails the first check."
                ),
                "b": (
                    "it works only with one provider's interface, so it fails the first check: if that "
                    "provider's model falls behind, its customers move to a rival it cannot serve."
                ),
                "c": (
                    "right: it works with whichever model wins (check 1) and its customers are spread across "
                    "models (check 2), so a reshuffle moves money between its customers without destroying it. "
                    "It is still exposed to a shrinking market, price pressure and vertical integration "
                    "(section 4)."
                ),
                "d": (
                    "it passes the first check but fails the second: when its customers all build on one model "
                    "they rise and fall together with it (a high rho, section 5), so a reshuffle hits all of "
                    "them at once unless each of them switches models."
                ),
            },
        ),
        (
            "The test of section 7 has two checks. Try each product against both.",
            "Check 1: does it work with whichever model wins? Check 2: are its customers spread across models? "
            "Only one product passes both.",
            "Products a and b fail check 1: each is tied to one model or one provider's interface. Of the two "
            "left, which one's customers are spread across models?",
        ),
        asks='"a", "b", "c" or "d", in quotes',
    ),
)
