"""Lesson 09's survival arithmetic: users to cover a fixed cost, capacity of a copy, experts read per batch."""

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from utils import models as m


def test_users_to_cover_is_the_fixed_cost_over_each_users_margin_rounded_up():
    assert m.users_to_cover(8280, 2, 0.6) == 6900  # worked example: 8,280 / (2 x 0.6)
    assert m.users_to_cover(8280, 20) == 414  # margin 1: no cost per user
    assert m.users_to_cover(8278.2, 2) == 4140  # 4,139.1 users is not enough: round up
    assert m.users_to_cover(0, 20, 0.5) == 0
    assert m.users_to_cover(1200, 2, 0.6) == 1000  # exact: no extra user from floating-point dust


def test_a_tenth_of_the_arpu_takes_ten_times_the_users():
    floor = m.reserved_monthly_cost(3.78, 3)
    assert m.users_to_cover(floor, 2) == math.ceil(floor / 2)
    assert m.users_to_cover(floor, 2) == pytest.approx(10 * m.users_to_cover(floor, 20), abs=10)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: m.users_to_cover(-1, 20), r"fixed_monthly_cost must be in \[0, inf\)"),
        (lambda: m.users_to_cover(100, 0), r"arpu must be in \(0, inf\)"),
        (lambda: m.users_to_cover(100, 20, 0), r"margin must be in \(0, 1\]"),
        (lambda: m.users_at_capacity(0, 10e9, 1e15, 0.5, 2), r"n_gpus must be in \(0, inf\)"),
        (lambda: m.users_at_capacity(3, 10e9, 1e15, 0.5, 0), r"tokens_millions must be in \(0, inf\)"),
        (lambda: m.expert_share_read(1.2, 4), r"active_share must be in \[0, 1\]"),
        (lambda: m.expert_share_read(0.1, 2.5), "batch_tokens must be a whole number"),
    ],
)
def test_bad_input_names_the_argument(call, message):
    with pytest.raises(ValueError, match=message):
        call()


def test_users_at_capacity_is_gpu_seconds_over_seconds_per_user():
    # 3 GPUs x 730 h x 3600 s = 7,884,000 GPU-seconds; a user's 2 million tokens take 2 x 41.2 s (MoE) or 2 x 420 s.
    assert m.users_at_capacity(3, 10.3e9, 1e15, 0.5, 2) == math.floor(7_884_000 / 82.4) == 95_679
    assert m.users_at_capacity(3, 105e9, 1e15, 0.5, 2) == math.floor(7_884_000 / 840) == 9_385
    # Half the MFU, half the users; twice the tokens a user, half the users.
    assert m.users_at_capacity(3, 105e9, 1e15, 0.25, 2) == math.floor(7_884_000 / 1680)
    assert m.users_at_capacity(3, 105e9, 1e15, 0.5, 4) == math.floor(7_884_000 / 1680)


def test_expert_share_read_grows_from_one_tokens_share_to_all_of_the_weights():
    shares = m.expert_share_read(0.1, np.array([1, 2, 16, 1000]))
    assert shares[0] == pytest.approx(0.1)  # one token reads only its active share
    assert shares[1] == pytest.approx(1 - 0.9**2)  # 0.19: the second token mostly picks other experts
    assert shares[2] == pytest.approx(0.8147, abs=5e-5)
    assert shares[3] == pytest.approx(1.0)
    assert m.expert_share_read(1.0, 1) == 1.0  # a dense model reads everything, whatever the batch


@given(st.floats(0.001, 1), st.integers(1, 500))
def test_a_bigger_batch_never_reads_less_and_never_more_than_all(share, batch):
    now, bigger = m.expert_share_read(share, batch), m.expert_share_read(share, batch + 1)
    assert share - 1e-12 <= now <= bigger + 1e-12 <= 1 + 2e-12
