"""Lesson 05 (Switching costs and margins): the answer key, computed from utils.models, the panels and the data.

The inputs each exercise states (the vendor's ARPU and margin, the app's price
and token price) are the exercise's assumptions, repeated here as the lesson's
exercise cells set them; the churn benchmark is read from
``data/unit_economics.csv`` and the usage split from ``utils.models``.
The worked solutions, run against this key by ``tests/test_solutions.py``,
catch any drift between the two.
"""

from __future__ import annotations

from .. import data
from ..checks import Choice, Exercise, Number
from ..models import app_breakeven_tokens, lifetime_value, user_tiers

# Exercise 1: an infrastructure vendor (assumptions), churning at the SaaS median dollar churn.
VENDOR_ARPU, VENDOR_MARGIN = 2500, 0.70  # US dollars a customer a month; gross margin
MONTHS_PER_YEAR = 12

# Exercise 3: an app with no other cost to serve (assumptions).
APP_PRICE_3, TOKEN_PRICE_3 = 20, 3.0  # US dollars a user a month; US dollars per million tokens

# Exercise 4: the margin panel's starting assumptions, under the most skewed usage split.
APP_ARPU, OTHER_COST, TOKENS_PER_USER, SPLIT_4 = 20, 1.0, 2.0, "Extreme skew"


def annual_churn() -> float:
    """KeyBanc's median gross dollar churn, a year, used as customer churn (the lesson's labeled assumption)."""
    return data.pick(
        "unit_economics", "value_low", metric="gross dollar churn (annual)", segment="private SaaS (median)"
    )


def vendor_ltv() -> float:
    """05.1: ARPU and churn on the same period, here a year."""
    return float(lifetime_value(MONTHS_PER_YEAR * VENDOR_ARPU, VENDOR_MARGIN, annual_churn()))


def price_with_no_tier_at_a_loss() -> float:
    """05.4: the token price at which the heaviest tier's margin reaches zero; below it no tier loses money."""
    heaviest = user_tiers(SPLIT_4, TOKENS_PER_USER)["tokens"].max()
    return float((APP_ARPU - OTHER_COST) / heaviest)


EXERCISES = (
    Exercise(
        "05.1",
        Number(vendor_ltv, "${:,.0f}"),  # the lesson prints lifetime values in whole dollars
        (
            "Are the ARPU and the churn counted over the same period? Put them on one before you divide.",
            "LTV = ARPU x gross margin / churn (section 2), with a yearly ARPU (12 times the monthly one) over "
            "the yearly churn, or the monthly ARPU over the yearly churn divided by 12.",
            "lifetime_value(12 * vendor_arpu, vendor_margin, annual_churn)",
        ),
        asks="lifetime value in US dollars",
    ),
    Exercise(
        "05.2",
        Choice(
            "c",
            {
                "a": "they agree only when customers are of similar size and nobody downgrades. Here the "
                "customers who leave are the small ones, so the share of customers lost is larger than the "
                "share of dollars lost.",
                "b": "downgrades do push dollar churn above customer churn, but nobody downgrades here. What "
                "matters is who leaves: many small customers, each carrying few dollars.",
                "c": "right. Dollar churn weighs each leaver by what it paid; the many small customers who leave "
                "weigh little, so the share of customers who leave is well above the share of dollars. The "
                "typical customer's expected life, 1 / churn, and so its LTV are overstated: that is why the "
                "lesson labels the 8 % an assumption wherever it uses it.",
                "d": "the period is a separate matter: a yearly churn is right with a yearly ARPU (section 2). "
                "And no change of period turns dollars lost into customers lost.",
            },
        ),
        (
            "Ask who leaves: are the customers who leave typical in size?",
            "Dollar churn weighs each customer who leaves by what it paid; customer churn counts heads (section "
            "2, 'Same period, and the right kind of churn'). Which is larger when the small customers leave?",
            "Try it with 100 customers: 90 small ones paying $1 and 10 large ones paying $10; 9 small ones "
            "leave. Customer churn is 9 / 100; dollar churn is 9 / 190. Which does the LTV formula need?",
        ),
        asks='the letter of your choice, in quotes, such as "a"',
    ),
    Exercise(
        "05.3",
        # One decimal: 20 / 3 read as 6.7 passes, as does the panel's 6.67.
        Number(lambda: float(app_breakeven_tokens(APP_PRICE_3, TOKEN_PRICE_3, 0)), "{:.1f}"),
        (
            "The margin on a user reaches zero when that user's costs use up the whole subscription.",
            "Solve tokens x price per million + other cost = ARPU for the tokens (section 7): "
            "(ARPU - other cost) / price per million.",
            "app_breakeven_tokens(app_price, price_per_million, 0)",
        ),
        asks="millions of tokens a user a month",
    ),
    Exercise(
        "05.4",
        Number(price_with_no_tier_at_a_loss, "${:,.2f}"),  # token prices are shown in dollars and cents
        (
            "Only one tier decides: the one that keeps losing money longest as the price falls.",
            "That tier's margin is zero when its tokens x price = ARPU - other cost, so price = (ARPU - other "
            'cost) / its tokens, with its tokens from user_tiers("Extreme skew", tokens_per_user).',
            '(app_arpu - other_cost) / user_tiers("Extreme skew", tokens_per_user)["tokens"].max()',
        ),
        asks="US dollars per million tokens",
    ),
)
