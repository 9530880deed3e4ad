"""What serving a language model costs in compute and memory (lesson 09).

A forward pass costs about 2 FLOPs per *active* parameter per token (Kaplan et
al., 2020). A mixture-of-experts model activates only some of its parameters
for each token, so it computes like a small model, but all its parameters must
sit in GPU memory, so it is stored like a big one.

- Seconds of one GPU per million tokens: ``2 * N_active * 1e6 / (F * MFU)``,
  with F the GPU's peak FLOP/s and MFU the share of peak actually achieved.
- GPUs to hold the weights: ``ceil(N_total * bytes_per_param / memory)``.

These are lower bounds: generating tokens is often limited by memory bandwidth,
not FLOPs. Worked example (``curriculum.md``): 10.3e9 active parameters on a
1e15 FLOP/s GPU at 50 % MFU take 41.2 s per million tokens, a dense 105e9 model
420 s; 105e9 parameters at 2 bytes need 3 GPUs of 80 GB.
"""

from __future__ import annotations

from numpy.typing import ArrayLike

from ..validation import check_positive, check_range
from ._numeric import Number, ceil_count, scalar_or_array

__all__ = ["seconds_per_million_tokens", "gpus_to_hold_weights", "cost_per_million_tokens"]

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
