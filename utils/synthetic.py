"""Synthetic data, made by seeded and documented functions, never typed by hand.

Everything here is **synthetic**: invented to teach a mechanism, not a
measurement of any market. Every frame it returns carries ``synthetic = True``
in a column and in ``frame.attrs``, and the lessons say so wherever a learner
sees it.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .validation import check_count, check_positive, check_range

__all__ = ["SYNTHETIC_LABEL", "synthetic_quarter", "with_mega_round"]

SYNTHETIC_LABEL = "synthetic data (seeded, for teaching; not a real market)"


def _label(frame: pd.DataFrame) -> pd.DataFrame:
    frame["synthetic"] = True
    frame.attrs["synthetic"] = SYNTHETIC_LABEL
    return frame


def synthetic_quarter(n_deals: int = 200, median_usd: float = 5e6, sigma: float = 1.5, seed: int = 0) -> pd.DataFrame:
    """A quarter of venture deals with lognormal sizes: ``amount = median * exp(sigma * Z)``.

    Deal sizes in venture are heavily skewed: many small rounds, a few large
    ones. A lognormal with median ``median_usd`` and shape ``sigma`` is a simple
    stand-in whose parameters are teaching assumptions, not estimates.

    Args:
        n_deals: number of deals, 1 to 100,000.
        median_usd: median deal size in US dollars, > 0.
        sigma: spread of log deal sizes, in [0, 4].
        seed: seed of the random generator; the same seed gives the same quarter.

    Returns:
        One row per deal, largest first: ``deal`` (a label), ``amount_usd``, ``synthetic``.

    >>> synthetic_quarter(3, seed=1)["amount_usd"].round(-3).tolist()
    [17148000.0, 8396000.0, 8208000.0]
    """
    count = int(check_count(n_deals, "n_deals", 1, 100_000))
    median = float(check_positive(median_usd, "median_usd"))
    spread = float(check_range(sigma, "sigma", 0.0, 4.0))
    amounts = np.sort(median * np.exp(spread * np.random.default_rng(seed).standard_normal(count)))[::-1]
    labels = [f"deal {i + 1:03d}" for i in range(count)]
    return _label(pd.DataFrame({"deal": labels, "amount_usd": amounts}))


def with_mega_round(quarter: pd.DataFrame, amount_usd: float, name: str = "mega-round") -> pd.DataFrame:
    """The quarter with one more deal of ``amount_usd`` (a new frame, largest first; the input is untouched)."""
    amount = float(check_positive(amount_usd, "amount_usd"))
    extra = pd.DataFrame({"deal": [name], "amount_usd": [amount]})
    combined = pd.concat([quarter[["deal", "amount_usd"]], extra], ignore_index=True)
    return _label(combined.sort_values("amount_usd", ascending=False, ignore_index=True))
