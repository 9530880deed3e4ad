"""What serving a language model costs in compute and memory (lesson 09).

A forward pass costs about 2 FLOPs per *active* parameter per token (Kaplan et
al., 2020). A mixture-of-experts model activates only some of its parameters
for each token, so it computes like a small model, but all its parameters must
sit in GPU memory, so it is stored like a big one.

- Seconds of one GPU per million tokens: ``2 * N_active * 1e6 / (F * MFU)``,
  with F the GPU's peak FLOP/s and MFU the share of peak actually achieved.
- GPUs to hold the weights: ``ceil(N_total * bytes_per_param / memory)``.

These are lower bounds: generating tokens is often limited by memory bandwidth,
not FLOPs. Worked example: 10.3e9 active parameters on a
1e15 FLOP/s GPU at 50 % MFU take 41.2 s per million tokens, a dense 105e9 model
420 s; 105e9 parameters at 2 bytes need 3 GPUs of 80 GB.

Three more models for lesson 09, both stated with their assumptions:

- The MFU below which compute takes all of a user's revenue:
  ``2 * N_active * 1e6 * T * price / (3600 * F * ARPU)``.
- Users one serving copy can handle in a month, at most: the GPU-seconds its
  GPUs have in a month over the GPU-seconds one user's tokens take. An upper
  bound, because the seconds per token are a lower bound.
- The share of a mixture of experts' weights one decoding step must read from
  memory when a batch of tokens is served together: ``1 - (1 - s) ** B``, if
  each token uses a share ``s`` of the experts, chosen independently and
  uniformly (an assumption; real routers are neither). A dense model reads all
  its weights every step, so this share is also the MoE's memory traffic per
  token as a fraction of the dense model's: the saving shrinks as batches grow.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from ..validation import check_count, check_positive, check_probability, check_range
from ._numeric import Number, ceil_count, scalar_or_array
from .gpu import HOURS_PER_MONTH

__all__ = [
    "seconds_per_million_tokens",
    "gpus_to_hold_weights",
    "cost_per_million_tokens",
    "users_at_capacity",
    "expert_share_read",
    "breakeven_mfu",
]

FLOPS_PER_PARAM_PER_TOKEN = 2.0
BYTES_PER_GB = 1e9


def seconds_per_million_tokens(active_params: ArrayLike, peak_flops: ArrayLike, mfu: ArrayLike) -> Number:
    """GPU-seconds to process a million tokens: ``2 * N_active * 1e6 / (F * MFU)``.

    Args:
        active_params: parameters used per token, > 0.
        peak_flops: the GPU's peak, FLOP per second, > 0.
        mfu: model FLOP utilization, the achieved share of peak, in (0, 1].

    >>> round(seconds_per_million_tokens(10.3e9, 1e15, 0.5), 1)
    41.2
    """
    active = check_positive(active_params, "active_params")
    flops = check_positive(peak_flops, "peak_flops")
    utilization = check_range(mfu, "mfu", 0.0, 1.0, low_open=True)
    return scalar_or_array(FLOPS_PER_PARAM_PER_TOKEN * active * 1e6 / (flops * utilization))


def gpus_to_hold_weights(total_params: ArrayLike, bytes_per_param: ArrayLike, gpu_memory_gb: ArrayLike) -> Number:
    """Whole GPUs whose memory holds all the weights: ``ceil(N_total * bytes / memory)``.

    >>> gpus_to_hold_weights(105e9, 2, 80)
    3.0
    """
    total = check_positive(total_params, "total_params")
    width = check_positive(bytes_per_param, "bytes_per_param")
    memory = check_positive(gpu_memory_gb, "gpu_memory_gb")
    return scalar_or_array(ceil_count(total * width / (memory * BYTES_PER_GB)))


def cost_per_million_tokens(
    active_params: ArrayLike, peak_flops: ArrayLike, mfu: ArrayLike, gpu_price_per_hour: ArrayLike
) -> Number:
    """Compute cost in USD of a million tokens: GPU-seconds / 3600 * price per GPU-hour.

    >>> round(cost_per_million_tokens(10.3e9, 1e15, 0.5, 3.6), 4)
    0.0412
    """
    price = check_positive(gpu_price_per_hour, "gpu_price_per_hour")
    return scalar_or_array(seconds_per_million_tokens(active_params, peak_flops, mfu) / 3600 * price)


def users_at_capacity(
    n_gpus: ArrayLike, active_params: ArrayLike, peak_flops: ArrayLike, mfu: ArrayLike, tokens_millions: ArrayLike
) -> Number:
    """Most users one serving copy can handle in a month: ``floor(G * H * 3600 / (s * T))``.

    G GPUs busy every one of the H = 730 hours of a month supply ``G * H * 3600``
    GPU-seconds; one user's T million tokens take ``s * T`` of them, with ``s``
    from :func:`seconds_per_million_tokens`. An upper bound: ``s`` counts FLOPs
    only, and no real fleet is busy every second.

    Args:
        n_gpus: GPUs in the serving copy, >= 1.
        active_params, peak_flops, mfu: as in :func:`seconds_per_million_tokens`.
        tokens_millions: millions of tokens one user consumes a month, > 0.

    Returns:
        Users (a whole number, as a float).

    >>> users_at_capacity(3, 10.3e9, 1e15, 0.5, 2)
    95679.0
    """
    gpus = check_positive(n_gpus, "n_gpus")
    tokens = check_positive(tokens_millions, "tokens_millions")
    seconds_per_user = seconds_per_million_tokens(active_params, peak_flops, mfu) * tokens
    return scalar_or_array(np.floor(np.round(gpus * HOURS_PER_MONTH * 3600 / seconds_per_user, 9)))


def expert_share_read(active_share: ArrayLike, batch_tokens: ArrayLike) -> Number:
    """Expected share of a mixture of experts' weights read in one decoding step: ``1 - (1 - s) ** B``.

    Each of the B tokens decoded together uses a share ``s`` of the experts,
    chosen independently and uniformly (an assumption); an expert is read once
    per step if any token in the batch uses it. Approximating ``s`` by active
    over total parameters treats every parameter as part of an expert (also an
    assumption: real models have shared layers every token uses, which makes
    the share read at least ``s``). A dense model reads a share of 1 every step.

    Args:
        active_share: share of the weights one token uses, in [0, 1].
        batch_tokens: tokens decoded together in one step, a whole number >= 1.

    >>> round(expert_share_read(0.1, 1), 4)
    0.1
    >>> round(expert_share_read(0.1, 16), 4)
    0.8147
    """
    share = check_probability(active_share, "active_share")
    batch = check_count(batch_tokens, "batch_tokens", minimum=1, maximum=1e6)
    return scalar_or_array(1 - (1 - share) ** batch)


def breakeven_mfu(
    arpu: ArrayLike,
    tokens_millions: ArrayLike,
    active_params: ArrayLike,
    peak_flops: ArrayLike,
    gpu_price_per_hour: ArrayLike,
) -> Number:
    """The MFU at which one user's compute cost equals their ARPU: ``2 * N * 1e6 * T * P / (3600 * F * ARPU)``.

    Compute time grows as ``1 / MFU``, so below this share of peak the margin
    after compute is negative. Above 1, no MFU the GPU can reach breaks even.

    Args:
        arpu: revenue per user, USD a month, > 0.
        tokens_millions: millions of tokens one user consumes a month, > 0.
        active_params: parameters used per token, > 0.
        peak_flops: the GPU's peak, FLOP per second, > 0.
        gpu_price_per_hour: USD per GPU-hour, > 0.

    Returns:
        A share of peak FLOP/s (0.22 for 22 %).

    >>> round(breakeven_mfu(2, 2, 105e9, 1e15, 3.78), 4)
    0.2205
    """
    revenue = check_positive(arpu, "arpu")
    tokens = check_positive(tokens_millions, "tokens_millions")
    active = check_positive(active_params, "active_params")
    flops = check_positive(peak_flops, "peak_flops")
    price = check_positive(gpu_price_per_hour, "gpu_price_per_hour")
    return scalar_or_array(FLOPS_PER_PARAM_PER_TOKEN * active * 1e6 * tokens * price / (3600 * flops * revenue))
