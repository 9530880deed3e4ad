"""Revenue retention, lifetime value and the AI-app margin squeeze (lessons 00 and 05).

Net revenue retention (NRR) is this year's revenue from last year's customers
divided by last year's revenue from them: expansion minus contraction and churn.
An NRR of 1.20 means a cohort pays 20 % more each year.

Worked examples (the lessons' teaching assumptions): LTV = 1000 * 0.75 / 0.02 = 37,500;
100 at NRR 1.20 for 5 years gives 248.83; an app with ARPU 20 whose users burn
2 million tokens at 3 a million, plus 1 of other cost, keeps a gross margin of
1 - (2 * 3 + 1) / 20 = 0.65. A fixed cost of 8,280 a month at ARPU 2 and a
margin of 0.6 takes ceil(8,280 / (2 * 0.6)) = 6,900 users to cover (lesson 09).

Users of one flat-priced app are not alike: ``USAGE_SPLITS`` holds the course's
assumed splits of usage across tiers of users, and ``user_tiers`` gives each
tier's tokens for a chosen average (lesson 05).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from numpy.typing import ArrayLike

from ..validation import check_nonnegative, check_positive, check_probability, check_range
from ._numeric import Number, ceil_count, scalar_or_array

__all__ = [
    "nrr_revenue",
    "lifetime_value",
    "app_gross_margin",
    "app_breakeven_tokens",
    "monthly_churn",
    "users_to_cover",
    "Tier",
    "USAGE_SPLITS",
    "user_tiers",
]


def nrr_revenue(initial_revenue: ArrayLike, nrr: ArrayLike, years: ArrayLike) -> Number:
    """Revenue of one cohort after ``years`` of compounding: ``R_t = R_0 * NRR ** t``.

    Args:
        initial_revenue: R_0, revenue in year 0 (any currency unit), >= 0.
        nrr: net revenue retention as a ratio (1.20 for 120 %), in [0, 3].
        years: t, years elapsed, in [0, 100].

    >>> round(nrr_revenue(100, 1.20, 5), 2)
    248.83
    """
    revenue = check_nonnegative(initial_revenue, "initial_revenue")
    retention = check_range(nrr, "nrr", 0.0, 3.0)
    elapsed = check_range(years, "years", 0.0, 100.0)
    return scalar_or_array(revenue * retention**elapsed)


def lifetime_value(arpu: ArrayLike, gross_margin: ArrayLike, churn: ArrayLike) -> Number:
    """Gross profit a customer brings over its expected life: ``LTV = ARPU * margin / churn``.

    ARPU and churn must be per the same period (both monthly, or both yearly);
    the expected life is ``1 / churn`` periods.

    Args:
        arpu: average revenue per user per period, >= 0.
        gross_margin: share of revenue left after the cost of serving it, in [0, 1].
        churn: share of customers lost per period, in (0, 1].

    >>> lifetime_value(1000, 0.75, 0.02)
    37500.0
    """
    revenue = check_nonnegative(arpu, "arpu")
    margin = check_probability(gross_margin, "gross_margin")
    lost = check_range(churn, "churn", 0.0, 1.0, low_open=True)
    return scalar_or_array(revenue * margin / lost)


def app_gross_margin(
    arpu: ArrayLike, tokens_millions: ArrayLike, price_per_million: ArrayLike, other_cost: ArrayLike = 0.0
) -> Number:
    """Gross margin of an AI app: ``1 - (tokens * price + other) / ARPU``.

    Negative when serving a user costs more than the user pays.

    Args:
        arpu: revenue per user per month, > 0.
        tokens_millions: millions of tokens a user consumes a month, >= 0.
        price_per_million: inference price per million tokens, >= 0 (same currency as ARPU).
        other_cost: other cost of serving a user a month, >= 0.

    >>> round(app_gross_margin(20, 2, 3, 1), 4)
    0.65
    """
    revenue = check_positive(arpu, "arpu")
    tokens = check_nonnegative(tokens_millions, "tokens_millions")
    price = check_nonnegative(price_per_million, "price_per_million")
    other = check_nonnegative(other_cost, "other_cost")
    return scalar_or_array(1 - (tokens * price + other) / revenue)


def app_breakeven_tokens(arpu: ArrayLike, price_per_million: ArrayLike, other_cost: ArrayLike = 0.0) -> Number:
    """Millions of tokens a user a month at which the app's gross margin is zero: ``(ARPU - other) / price``.

    Zero or less means the other costs alone use up ARPU.

    >>> round(app_breakeven_tokens(20, 3, 1), 4)
    6.3333
    """
    revenue = check_positive(arpu, "arpu")
    price = check_positive(price_per_million, "price_per_million")
    other = check_nonnegative(other_cost, "other_cost")
    return scalar_or_array((revenue - other) / price)


def monthly_churn(annual_churn: ArrayLike) -> Number:
    """The monthly churn that compounds to ``annual_churn`` over a year: ``1 - (1 - annual) ** (1 / 12)``.

    >>> round(monthly_churn(0.08), 6)
    0.006924
    """
    return scalar_or_array(1 - (1 - check_probability(annual_churn, "annual_churn")) ** (1 / 12))


def users_to_cover(fixed_monthly_cost: ArrayLike, arpu: ArrayLike, margin: ArrayLike = 1.0) -> Number:
    """Whole users whose margin pays a fixed monthly cost: ``ceil(fixed / (ARPU * margin))``.

    The fixed cost is what the business pays whatever the number of users (for
    instance GPUs kept online all month to hold a model); ``margin`` is the
    share of each user's revenue left after the costs that grow with each user,
    so it must not count the fixed cost again. With ``margin = 1`` (no cost per
    user at all) the result is the fewest users that could ever cover the cost.

    Args:
        fixed_monthly_cost: USD a month, >= 0.
        arpu: revenue per user, USD a month, > 0.
        margin: share of ARPU left per user after per-user costs, in (0, 1].

    Returns:
        Users (a whole number, as a float): the smallest count whose margin covers the cost.

    >>> users_to_cover(8280, 2, 0.6)
    6900.0
    >>> users_to_cover(8280, 20)
    414.0
    """
    fixed = check_nonnegative(fixed_monthly_cost, "fixed_monthly_cost")
    revenue = check_positive(arpu, "arpu")
    share = check_range(margin, "margin", 0.0, 1.0, low_open=True)
    return scalar_or_array(ceil_count(fixed / (revenue * share)))


@dataclass(frozen=True)
class Tier:
    """A group of an app's users: its share of all users and its usage relative to the average user (1.0)."""

    name: str
    share_of_users: float
    relative_usage: float


# How usage spreads across users: a teaching ASSUMPTION, not sourced (an app reads its own from its
# logs). Each split covers every user (shares sum to 1) and averages exactly 1 (shares times relative
# usage sum to 1), so the average user always uses the tokens per user one chooses.
USAGE_SPLITS: dict[str, tuple[Tier, ...]] = {
    "Everyone uses the average": (Tier("Everyone", 1.00, 1.0),),
    "Mild skew": (Tier("Light", 0.50, 0.5), Tier("Regular", 0.40, 1.25), Tier("Heavy", 0.10, 2.5)),
    "Heavy skew": (
        Tier("Light", 0.50, 0.25),
        Tier("Regular", 0.30, 1.0),
        Tier("Heavy", 0.15, 2.0),
        Tier("Power", 0.05, 5.5),
    ),
    "Extreme skew": (
        Tier("Light", 0.70, 0.2),
        Tier("Regular", 0.15, 1.0),
        Tier("Heavy", 0.10, 3.5),
        Tier("Power", 0.05, 7.2),
    ),
}


def user_tiers(split: str, tokens_per_user: float) -> pd.DataFrame:
    """The tiers of a usage split when the average user consumes ``tokens_per_user``.

    Each tier's tokens are ``T_i = T * u_i`` and its share of all tokens is
    ``s_i * u_i / sum_j s_j * u_j``, with ``s_i`` its share of users and ``u_i``
    its usage relative to the average (``USAGE_SPLITS``).

    Args:
        split: a key of ``USAGE_SPLITS``, such as ``"Heavy skew"``.
        tokens_per_user: ``T``, millions of tokens the average user consumes a month, >= 0.

    Returns:
        One row per tier, lightest first: ``tier``, ``share_of_users`` (a share),
        ``tokens`` (millions a month) and ``share_of_tokens`` (a share).

    >>> float(user_tiers("Heavy skew", 2.0)["tokens"].max())
    11.0
    """
    if split not in USAGE_SPLITS:
        raise ValueError(f"split must be one of {list(USAGE_SPLITS)}, got {split!r}.")
    average = float(check_nonnegative(tokens_per_user, "tokens_per_user"))
    tiers = USAGE_SPLITS[split]
    shares = np.array([tier.share_of_users for tier in tiers])
    relative = np.array([tier.relative_usage for tier in tiers])
    return pd.DataFrame(
        {
            "tier": [tier.name for tier in tiers],
            "share_of_users": shares,
            "tokens": average * relative,
            "share_of_tokens": shares * relative / np.sum(shares * relative),
        }
    )
