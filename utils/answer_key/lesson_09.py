"""Lesson 09 (Efficiency is survival): the answer key, computed from utils.models and the data.

The lesson's assumptions (a round peak of 10^15 FLOP/s, MFU 0.5, 16-bit weights,
80 GB a GPU, a US-level ARPU of $20) are repeated here as the lesson's cells set
them; parameter counts, the GPU price and the essay's ARPU ratio are read from
the data. The worked solutions, run against this key by
``tests/test_solutions.py``, catch any drift between the two.
"""

from __future__ import annotations

from .. import data
from ..checks import Choice, Exercise, Number
from ..models import (
    app_gross_margin,
    cost_per_million_tokens,
    gpus_to_hold_weights,
    reserved_monthly_cost,
    users_to_cover,
)

# The lesson's assumptions (sections 2 to 4).
PEAK_FLOPS = 1e15  # FLOP/s, a round example value
MFU = 0.5  # share of peak achieved
BYTES_PER_PARAM = 2  # 16-bit weights
GPU_MEMORY_GB = 80  # memory per GPU
US_ARPU = 20  # US dollars a user a month

# Exercise 3's app (assumptions).
US_ARPU_3, TOKENS_3 = 15, 3  # US dollars a user a month; millions of tokens a user a month


def _parameters(subject: str, quantity: str) -> float:
    return data.pick("serving_facts", "value", subject=subject, quantity=quantity)


def gpu_price() -> float:
    """Lambda's H100 SXM, the lesson's always-on GPU."""
    return data.pick("gpu_prices", "usd_per_gpu_hour", provider="Lambda", gpu="H100 SXM")


def arpu_ratio() -> float:
    """The essay's claim: ARPU a tenth of a US SaaS product's."""
    return data.pick("unit_economics", "value_low", metric="ARPU relative to US SaaS")


def mixtral_users_to_cover() -> float:
    """09.2: one always-on copy of Mixtral 8x7B (GPUs follow its total parameters), paid by users at a tenth of ARPU."""
    gpus = gpus_to_hold_weights(_parameters("Mixtral 8x7B", "total parameters"), BYTES_PER_PARAM, GPU_MEMORY_GB)
    return float(users_to_cover(reserved_monthly_cost(gpu_price(), gpus), US_ARPU * arpu_ratio()))


def dense_margin_per_low_arpu_user() -> float:
    """09.3: dollars left per user after compute, a dense model of Sarvam-105B's size, at a tenth of $15."""
    arpu = US_ARPU_3 * arpu_ratio()
    cost = cost_per_million_tokens(_parameters("Sarvam-105B", "total parameters"), PEAK_FLOPS, MFU, gpu_price())
    return float(arpu * app_gross_margin(arpu, TOKENS_3, cost))


EXERCISES = (
    Exercise(
        "09.1",
        Choice(
            "b",
            {
                "a": "each token still uses its own few experts, so its FLOPs do not change with the batch. What "
                "grows with the batch is the share of the weights the batch as a whole must read.",
                "b": "right. A dense model reads all its weights once for the whole batch; a mixture of experts "
                "reads, for a batch of B tokens, a share 1 - (1 - s)^B of its weights, which nears all of them. "
                "The FLOP saving stays, the memory saving goes, and while generation is memory-bound, memory "
                "sets the time.",
                "c": "the GPUs that hold the weights follow the total parameters and are the same at any batch "
                "size: every expert is loaded already.",
                "d": "the router is tiny next to the experts, and the course's model leaves it out. The gap "
                "narrows because of the bytes read from memory, not because of extra arithmetic.",
            },
        ),
        (
            "When generation is memory-bound, what sets the time of a step: the arithmetic or the bytes read?",
            "Section 6: with B tokens a step, a mixture of experts reads a share 1 - (1 - s)^B of its weights; a "
            "dense model reads all of them for any batch.",
            "expert_share_read(active_share, 64), against expert_share_read(active_share, 1)",
        ),
        asks='the letter of your choice, in quotes, such as "a"',
    ),
    Exercise(
        "09.2",
        Number(mixtral_users_to_cover, "{:,.0f}"),  # users are counted whole
        (
            "Memory, not arithmetic, decides how many GPUs a serving copy needs: which parameter count is that?",
            "GPUs = total parameters x 2 bytes / 80 GB, rounded up; the fixed cost is GPUs x 730 hours x the GPU "
            "price; users = fixed cost / ARPU, rounded up (section 7).",
            "users_to_cover(reserved_monthly_cost(gpu_price, gpus_to_hold_weights(mixtral_total, "
            "bytes_per_param, gpu_memory_gb)), low_arpu)",
        ),
        asks="a whole number of paying users",
    ),
    Exercise(
        "09.3",
        # The course shows dollars per user with cents: $0.18 passes for a key of 0.177.
        Number(dense_margin_per_low_arpu_user, "${:,.2f}"),
        (
            "The margin after compute is what is left of the user's ARPU once that user's tokens are paid for.",
            "ARPU = 15 x the essay's ratio; compute = 3 million tokens x the dense model's cost per million "
            "tokens (section 4, with the total parameters); margin = ARPU - compute.",
            "us_arpu_3 * arpu_ratio - tokens_3 * cost_per_million_tokens(sarvam_total, peak_flops, mfu, gpu_price)",
        ),
        asks="US dollars per user a month",
    ),
)
