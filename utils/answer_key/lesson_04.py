"""Lesson 04 (The cost surface of one request): the answer key, computed from the reliability models.

The availabilities are those of data/service_profiles.csv and the chance that
one call is slow is "The Tail at Scale"'s (data/serving_facts.csv). The one
retry of exercise 1 and the target of exercise 2 (at most a quarter of requests
slow) are the questions' own assumptions; every answer is computed from them.
"""

from __future__ import annotations

from .. import data
from ..checks import Choice, Exercise, Number
from ..models import fanout_slow_share, monthly_downtime_minutes, retried_availability, series_availability

TAIL = "fan-out example (The Tail at Scale)"
SLOW_SHARE_TARGET = 0.25  # exercise 2: at most a quarter of requests may wait for a slow call (assumption)
MAX_CALLS_SEARCHED = 10_000


def downtime_with_one_retry_on(service: str) -> float:
    """Minutes a month of downtime of the five-service request when only ``service`` retries once."""
    profiles = data.load("service_profiles")
    availabilities = [
        float(retried_availability(row.availability, 1)) if row.service == service else row.availability
        for row in profiles.itertuples()
    ]
    return float(monthly_downtime_minutes(series_availability(availabilities)))


def best_single_retry() -> float:
    """04.1: the request's downtime when the one retry goes where it buys the most."""
    return min(downtime_with_one_retry_on(service) for service in data.load("service_profiles")["service"])


def largest_fanout_within_target() -> float:
    """04.2: the most parallel calls that keep the share of slow requests at or below the target."""
    p_slow = data.pick("serving_facts", "value", subject=TAIL, quantity="chance that one server is slow (over 1 s)")
    calls = 0
    while calls < MAX_CALLS_SEARCHED and fanout_slow_share(calls + 1, p_slow) <= SLOW_SHARE_TARGET:
        calls += 1
    if calls == 0 or calls == MAX_CALLS_SEARCHED:
        raise ValueError("exercise 04.2 has no sensible answer with these figures; reword it.")
    return float(calls)


EXERCISES = (
    Exercise(
        "04.1",
        Number(best_single_retry, "{:.1f}"),  # downtime is shown in minutes to one decimal
        (
            "A retry helps most where failures are most common: which service fails most often?",
            "Section 2: with one retry a call succeeds with 1 - (1 - a)^2. Replace that one service's "
            "availability, multiply the five, and take (1 - A) x 43,800 minutes. While failure rates are small, "
            "the request's downtime is about the sum of each service's.",
            'series_availability([retried_availability(a, 1) if name == "..." else a '
            'for name, a in zip(profiles["service"], profiles["availability"])]), then monthly_downtime_minutes',
        ),
        asks="minutes a month",
    ),
    Exercise(
        "04.2",
        Number(largest_fanout_within_target, "{:.0f}"),  # a whole number of calls
        (
            "Each added call can only slow a request that is still fast, so the share grows a little more "
            "slowly than the number of calls times the chance per call.",
            "Find the largest N with 1 - (1 - p)^N at most 0.25, with p the paper's chance per call. On the "
            "fan-out panel, keep the chance at the paper's value and move the parallel calls until the share "
            "of slow requests would pass a quarter.",
            "calls = np.arange(1, 201); calls[fanout_slow_share(calls, p_slow) <= 0.25].max()",
        ),
        asks="a whole number of parallel calls",
    ),
    Exercise(
        "04.3",
        Choice(
            "d",
            {
                "a": (
                    "nothing returns an error: the LLM call returns a fluent script, only a wrong one, and every "
                    "later call succeeds. The success rate counts answers that came back, not answers that are "
                    "right, so it does not move."
                ),
                "b": (
                    "the calls take as long as before (the question says so), and the request's tail is set by "
                    "the video renderer anyway. The p99 does not move."
                ),
                "c": (
                    "right that no readout moves, wrong about what it means: one user in five now gets a video "
                    "built on invented facts, until someone notices. Nothing moving is exactly why a generic "
                    "monitor misses it."
                ),
                "d": (
                    "right: every call still returns, as fast and as cheaply as before, so cost, latency and "
                    "success rate all look healthy. Only a record of each request's prompt, retrieved passages "
                    "and completion, with a quality score, shows that the answers went wrong: the market the "
                    "essay sees for AI observability."
                ),
            },
        ),
        (
            "Walk the request through the five calls after the update: which call fails, and which one takes "
            "longer or costs more?",
            "Section 6: what a generic monitor records, and the table of what AI observability records for "
            "each request.",
            "An invented fact changes no call's price, time or success, so no readout of the request panel "
            "moves. The question left: does that mean the request is healthy, or that the panel cannot see "
            "this failure?",
        ),
        asks='"a", "b", "c" or "d", in quotes',
    ),
)
