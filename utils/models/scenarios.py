"""Who captures the Plumbing Premium? Scenario weighting (lesson 10).

Each scenario s has a probability ``p_s`` (the learner's weights, normalized to
sum to 1) and a row ``C[s, l]``: the share of the premium each layer l captures
if that scenario comes true (each row sums to 1). The expected share of layer
l is ``sum_s p_s * C[s, l]``, a matrix product ``p @ C``.

The sensitivity of that answer to one scenario: move its probability from 0 to
1 while the others keep their proportions to each other.

A capture matrix can be built from who wins each scenario: the winning layers
of scenario s share ``w_s`` of the premium equally, the other layers share
``1 - w_s`` equally (``capture_from_winners``).

How the claimants are counted matters. If every scenario has one winner and
every ``w_s`` is equal, equal probabilities give every winner the same expected
share: none leads by construction. Split one scenario's winner into two layers
and each half gets ``w_s / 2``: the single winners then look larger although no
belief changed (lesson 10 shows this artifact).

Worked example (ours): p = (0.2, 0.5, 0.3) and
C = [[0.7, 0.1, 0.1, 0.1], [0.1, 0.5, 0.1, 0.3], [0.1, 0.2, 0.4, 0.3]]
give expected shares (0.22, 0.33, 0.19, 0.26).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ..validation import check_nonempty, check_probability, check_range

SWEEP_GRID = np.linspace(0, 1, 21)  # probabilities 0, 0.05, ..., 1

__all__ = [
    "normalise_weights",
    "expected_capture",
    "probability_sensitivity",
    "capture_from_winners",
    "crossing_probability",
]


def normalise_weights(weights: ArrayLike) -> NDArray[np.float64]:
    """Scenario probabilities from any non-negative weights: ``p_s = w_s / sum(w)`` (normalized).

    >>> normalise_weights([1, 1, 2]).tolist()
    [0.25, 0.25, 0.5]
    """
    w = check_range(check_nonempty(weights, "weights"), "weights", 0.0)
    if w.max() == 0:
        raise ValueError("weights must not all be zero: give at least one scenario some weight.")
    w = w / w.max()  # only the ratios matter; scaling first keeps the sum finite for huge weights
    return w / w.sum()


def _capture(capture: ArrayLike, n_scenarios: int) -> NDArray[np.float64]:
    matrix = check_probability(capture, "capture")
    if matrix.ndim != 2 or matrix.shape[0] != n_scenarios:
        raise ValueError(f"capture must have one row per scenario ({n_scenarios}), got shape {matrix.shape}.")
    sums = matrix.sum(axis=1)
    if not np.allclose(sums, 1.0, atol=1e-6):
        raise ValueError(f"each row of capture must sum to 1, got row sums {np.round(sums, 3).tolist()}.")
    return matrix


def expected_capture(weights: ArrayLike, capture: ArrayLike) -> NDArray[np.float64]:
    """Expected share of the premium by layer: ``normalise_weights(weights) @ capture``.

    >>> capture = [[0.7, 0.1, 0.1, 0.1], [0.1, 0.5, 0.1, 0.3], [0.1, 0.2, 0.4, 0.3]]
    >>> expected_capture([0.2, 0.5, 0.3], capture).round(2).tolist()
    [0.22, 0.33, 0.19, 0.26]
    """
    p = normalise_weights(weights)
    return p @ _capture(capture, p.size)


def probability_sensitivity(
    weights: ArrayLike, capture: ArrayLike, scenario: int, grid: ArrayLike = SWEEP_GRID
) -> NDArray[np.float64]:
    """Expected shares (rows: grid points, columns: layers) as scenario ``scenario``'s probability sweeps ``grid``.

    The other scenarios share ``1 - q`` in proportion to their weights (equally if all are zero).
    """
    p = normalise_weights(weights)
    if not 0 <= scenario < p.size:
        raise ValueError(f"scenario must be in [0, {p.size - 1}], got {scenario}.")
    q = check_probability(grid, "grid").reshape(-1, 1)
    others = np.delete(p, scenario)
    others = others / others.sum() if others.sum() > 0 else np.full(others.size, 1 / others.size)
    probabilities = np.insert((1 - q) * others, scenario, q.ravel(), axis=1)
    return probabilities @ _capture(capture, p.size)


def capture_from_winners(
    winners: Sequence[Sequence[int]], n_layers: int, winner_shares: ArrayLike
) -> NDArray[np.float64]:
    """Capture matrix (scenarios x layers) from each scenario's winning layers.

    Row s gives ``w_s / k_s`` to each of its ``k_s`` winning layers and
    ``(1 - w_s) / (n_layers - k_s)`` to each other layer, so every row sums to 1.

    >>> capture_from_winners([[0], [1, 2]], 4, [0.7, 0.6]).round(3).tolist()
    [[0.7, 0.1, 0.1, 0.1], [0.2, 0.3, 0.3, 0.2]]

    One winner per scenario and equal shares: equal probabilities tie the winners.

    >>> expected_capture([1, 1, 1], capture_from_winners([[0], [1], [2]], 3, [0.7] * 3)).round(4).tolist()
    [0.3333, 0.3333, 0.3333]
    """
    shares = check_probability(winner_shares, "winner_shares").reshape(-1)
    if shares.size != len(winners):
        raise ValueError(f"winner_shares must give one share per scenario ({len(winners)}), got {shares.size}.")
    matrix = np.zeros((len(winners), n_layers))
    for row, (layers, share) in enumerate(zip(winners, shares, strict=True)):
        if not layers or len(layers) >= n_layers or not all(0 <= layer < n_layers for layer in layers):
            raise ValueError(
                f"winners of scenario {row} must be 1 to {n_layers - 1} layers in [0, {n_layers - 1}], "
                f"got {list(layers)}."
            )
        matrix[row, :] = (1 - share) / (n_layers - len(layers))
        matrix[row, list(layers)] = share / len(layers)
    return matrix


def crossing_probability(weights: ArrayLike, capture: ArrayLike, scenario: int, claimant: int, rival: int) -> float:
    """The probability of ``scenario`` at which ``claimant``'s expected share passes ``rival``'s.

    The other scenarios keep the proportions of ``weights``. Each expected share
    is then a straight line in the probability ``q``,
    ``E(q) = E(0) + q * (E(1) - E(0))``, so two lines cross once, where their gap
    ``g(q) = E_claimant(q) - E_rival(q)`` is zero: ``q = g(0) / (g(0) - g(1))``.

    Raises ``ValueError`` unless the claimant starts below the rival (``g(0) < 0``)
    and ends above it (``g(1) > 0``).

    >>> capture = capture_from_winners([[0], [1], [2]], 3, [0.7] * 3)
    >>> round(crossing_probability([0, 1, 1], capture, 0, 0, 1), 4)
    0.3333
    """
    ends = probability_sensitivity(weights, capture, scenario, [0.0, 1.0])
    n_claimants = ends.shape[1]
    for name, index in (("claimant", claimant), ("rival", rival)):
        if not 0 <= index < n_claimants:
            raise ValueError(f"{name} must be in [0, {n_claimants - 1}], got {index}.")
    gap = ends[:, claimant] - ends[:, rival]
    if gap[0] >= 0 or gap[1] <= 0:
        raise ValueError(
            f"claimant {claimant} must start below rival {rival} and end above it as scenario {scenario} "
            f"becomes certain; the gap goes from {gap[0]:.3f} to {gap[1]:.3f}."
        )
    return float(gap[0] / (gap[0] - gap[1]))
