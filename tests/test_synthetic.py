"""Synthetic data: seeded, documented, and labeled synthetic wherever it goes."""

import numpy as np
import pandas as pd
import pytest

from utils.synthetic import SYNTHETIC_LABEL, synthetic_quarter, with_mega_round


def test_same_seed_same_quarter_and_other_seed_another():
    pd.testing.assert_frame_equal(synthetic_quarter(seed=4), synthetic_quarter(seed=4))
    assert not synthetic_quarter(seed=4).equals(synthetic_quarter(seed=5))


def test_every_row_and_the_frame_are_labelled_synthetic():
    quarter = synthetic_quarter(50)
    assert quarter["synthetic"].all() and quarter.attrs["synthetic"] == SYNTHETIC_LABEL
    assert with_mega_round(quarter, 1e9).attrs["synthetic"] == SYNTHETIC_LABEL


def test_sizes_follow_the_stated_lognormal():
    amounts = synthetic_quarter(100_000, median_usd=5e6, sigma=1.5, seed=2)["amount_usd"]
    assert np.median(amounts) == pytest.approx(5e6, rel=0.02)
    assert np.std(np.log(amounts)) == pytest.approx(1.5, rel=0.02)


def test_mega_round_adds_one_deal_and_leaves_the_input_alone():
    quarter = synthetic_quarter(20)
    before = quarter.copy()
    bigger = with_mega_round(quarter, 4e10)
    assert len(bigger) == 21 and bigger["amount_usd"].iloc[0] == 4e10
    pd.testing.assert_frame_equal(quarter, before)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [({"n_deals": 0}, "n_deals"), ({"median_usd": -1}, "median_usd"), ({"sigma": 5}, r"sigma must be in \[0, 4\]")],
)
def test_bad_parameters_are_named(kwargs, message):
    with pytest.raises(ValueError, match=message):
        synthetic_quarter(**kwargs)
