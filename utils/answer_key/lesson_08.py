"""Lesson 08 (Concentration): the answer key, computed from utils.models, utils.synthetic and the data.

Exercise 1's market (shares 40, 30, 20 and 10) is the lesson's own example;
exercise 2 reads the Q1 2025 row of ``data/funding_concentration.csv``;
exercise 3 uses the synthetic quarter of the lesson's panel at its starting
settings, with a mega-round a tenth of OpenAI's.
"""

from __future__ import annotations

import numpy as np

from .. import data
from ..checks import Exercise, Number
from ..models import hhi
from ..panels.concentration import MEDIAN_DEAL_USD
from ..synthetic import synthetic_quarter, with_mega_round

# Exercise 1: the two smallest firms of the lesson's example market merge.
MARKET = [40, 30, 20, 10]
MERGED = [40, 30, 20 + 10]

# Exercise 3: the panel's starting quarter (200 deals, spread 1.5, draw A = seed 0) and a $4B round.
DEALS_3, SIGMA_3, SEED_3, MEGA_ROUND_3 = 200, 1.5, 0, 4e9


def ai_share_without_largest_round() -> float:
    """AI's share of Q1 2025's money once OpenAI's round is set aside (it is inside the AI amount)."""
    funding = data.load("funding_concentration")
    q1 = funding[(funding["period"] == "2025-Q1") & (funding["source"] == "Crunchbase")].iloc[0]
    return float((q1.ai_usd - q1.largest_round_usd) / (q1.total_usd - q1.largest_round_usd))


def median_move_millions() -> float:
    """How far the synthetic quarter's median deal moves when the mega-round joins, in millions of dollars."""
    quarter = synthetic_quarter(DEALS_3, MEDIAN_DEAL_USD, SIGMA_3, seed=SEED_3)
    before = np.median(quarter["amount_usd"])
    after = np.median(with_mega_round(quarter, MEGA_ROUND_3)["amount_usd"])
    return float(after - before) / 1e6


EXERCISES = (
    Exercise(
        "08.1",
        Number(lambda: hhi(MERGED) - hhi(MARKET), "{:,.0f}"),
        (
            "Write down the market's shares after the merger, then compare its HHI with the HHI before.",
            "Section 4: the HHI is the sum of the squared percentage shares; the rise is the HHI after the "
            "merger minus the HHI before.",
            "hhi([40, 30, 30]) - hhi([40, 30, 20, 10])",
        ),
        asks="the rise in the HHI, in points",
    ),
    Exercise(
        "08.2",
        Number(ai_share_without_largest_round, "{:.1%}"),
        (
            "Setting one round aside changes two amounts, not one: which two?",
            "The round is inside both AI's amount and the quarter's total: (AI amount - the round) / "
            "(total - the round), with q1.ai_usd, q1.largest_round_usd and q1.total_usd.",
            "(q1.ai_usd - q1.largest_round_usd) / (q1.total_usd - q1.largest_round_usd)",
        ),
        asks="a fraction, such as 0.5 for half",
    ),
    Exercise(
        "08.3",
        Number(median_move_millions, "${:,.3f}M"),
        (
            "Set the panel's mega-round size to 4 and read the median deal, without and with the round.",
            "The readout's 'Median deal' line gives both medians in millions of dollars: subtract the first "
            "from the second.",
            "np.median(with_mega_round(quarter, 4e9)['amount_usd']) / 1e6 - np.median(amounts) / 1e6",
        ),
        asks="the median's move in millions of US dollars, such as 0.5 for half a million",
    ),
)
