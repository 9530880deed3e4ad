"""The usage splits of lesson 05's margin squeeze: every split covers all users and averages the chosen usage."""

import numpy as np
import pytest

from utils.models import USAGE_SPLITS, Tier, user_tiers


@pytest.mark.parametrize("split", list(USAGE_SPLITS))
def test_every_split_covers_all_users_and_averages_the_chosen_tokens(split):
    tiers = USAGE_SPLITS[split]
    assert all(isinstance(tier, Tier) for tier in tiers)
    assert sum(t.share_of_users for t in tiers) == pytest.approx(1)
    assert sum(t.share_of_users * t.relative_usage for t in tiers) == pytest.approx(1)
    frame = user_tiers(split, 2.0)
    assert list(frame.columns) == ["tier", "share_of_users", "tokens", "share_of_tokens"]
    assert np.average(frame["tokens"], weights=frame["share_of_users"]) == pytest.approx(2.0)
    assert frame["share_of_tokens"].sum() == pytest.approx(1)
    assert frame["tokens"].is_monotonic_increasing, "tiers run from the lightest to the heaviest"


def test_heavy_skew_is_the_lessons_table():
    frame = user_tiers("Heavy skew", 2.0)
    assert frame["tier"].tolist() == ["Light", "Regular", "Heavy", "Power"]
    assert frame["tokens"].tolist() == pytest.approx([0.5, 2.0, 4.0, 11.0])
    # The power tier, 5 % of users, uses 27.5 % of all tokens.
    assert frame["share_of_tokens"].iloc[-1] == pytest.approx(0.05 * 5.5)


def test_tokens_scale_with_the_average():
    assert user_tiers("Mild skew", 4.0)["tokens"].tolist() == pytest.approx(
        (2 * user_tiers("Mild skew", 2.0)["tokens"]).tolist()
    )
    assert user_tiers("Extreme skew", 0.0)["tokens"].sum() == 0


def test_an_unknown_split_or_negative_usage_is_refused_with_the_choices():
    with pytest.raises(ValueError, match="split must be one of .*'Heavy skew'.*got 'Huge skew'"):
        user_tiers("Huge skew", 2.0)
    with pytest.raises(ValueError, match="tokens_per_user"):
        user_tiers("Heavy skew", -1.0)
