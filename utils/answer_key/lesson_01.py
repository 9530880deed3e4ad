"""Lesson 01 (Picks and shovels): the answer key, computed with the commoditization clock.

The clock's settings are the panel's starting values (a sourced base churn and
the course's assumptions, exported by utils.panels). The two options of
exercise 1 (a copy two months later, or a switching cost of 0.30 instead of
0.10) are the question's own assumptions; every answer is computed from them
by utils.models.cumulative_gross_profit.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from .. import data
from ..checks import Choice, Exercise, Number
from ..models import CLOCK_MONTHLY_PROFIT, CLOCK_MONTHS, cumulative_gross_profit, monthly_churn
from ..panels import (
    ASSUMED_APP_COPY_MONTHS,
    ASSUMED_APP_SWITCHING_COST,
    ASSUMED_EXTRA_CHURN,
    ASSUMED_INFRA_COPY_MONTHS,
    ASSUMED_INFRA_SWITCHING_COST,
    ASSUMED_PRICE_EROSION,
    sourced_annual_churn,
)

# Exercise 1: the writing app's team can either ship faster or make the app harder to leave (assumptions).
LATER_COPY_MONTHS = 4  # option (a): the copy comes after month 4 instead of month 2
HIGHER_SWITCHING_COST = 0.30  # option (b): saved templates and team workspaces
SAME_WITHIN = 0.05  # option (c) is right only if the two gains are within 5 % of each other

SLIDER_STEP = 0.05  # the panel's switching-cost slider


def app_total(copy_months: float, switching_cost: float) -> float:
    """The application's 3-year gross profit per customer, the other settings at the panel's starting values."""
    clock: dict[str, Any] = dict(
        base_churn=monthly_churn(sourced_annual_churn(data.load("unit_economics"))),
        extra_churn=ASSUMED_EXTRA_CHURN,
        price_erosion=ASSUMED_PRICE_EROSION,
        monthly_profit=CLOCK_MONTHLY_PROFIT,
        months=CLOCK_MONTHS,
    )
    return float(cumulative_gross_profit(copy_months, switching_cost, **clock)[-1])


START = app_total(ASSUMED_APP_COPY_MONTHS, ASSUMED_APP_SWITCHING_COST)
GAIN_A = app_total(LATER_COPY_MONTHS, ASSUMED_APP_SWITCHING_COST) - START
GAIN_B = app_total(ASSUMED_APP_COPY_MONTHS, HIGHER_SWITCHING_COST) - START
INFRA_TOTAL = app_total(ASSUMED_INFRA_COPY_MONTHS, ASSUMED_INFRA_SWITCHING_COST)


def better_investment() -> str:
    """01.1: the option that adds more 3-year gross profit per customer, or "c" if they are about equal."""
    if abs(GAIN_A - GAIN_B) <= SAME_WITHIN * max(GAIN_A, GAIN_B):
        return "c"
    return "a" if GAIN_A > GAIN_B else "b"


def catch_up_switching_cost() -> float:
    """01.2: the smallest switching cost on the slider at which the app earns at least the infrastructure's total."""
    for value in np.round(np.arange(0, 1 + SLIDER_STEP / 2, SLIDER_STEP), 2):
        if app_total(ASSUMED_APP_COPY_MONTHS, value) >= INFRA_TOTAL:
            return float(value)
    raise ValueError("no switching cost on the slider lets the app catch up; exercise 01.2 needs rewording.")


EXERCISES = (
    Exercise(
        "01.1",
        Choice(
            better_investment,
            {
                "a": (
                    f"a later copy only postpones the loss: the app earns full profit for "
                    f"{LATER_COPY_MONTHS - ASSUMED_APP_COPY_MONTHS} more months, then loses as much as before in "
                    f"every month after. It adds {GAIN_A:,.0f} per customer over three years; the templates add "
                    f"{GAIN_B:,.0f}."
                ),
                "b": (
                    f"right: a switching cost blunts the copy in every month after it, for the rest of the three "
                    f"years, while a later copy only postpones the same loss by a couple of months. The "
                    f"templates add {GAIN_B:,.0f} per customer, shipping faster {GAIN_A:,.0f}."
                ),
                "c": (
                    f"they are far apart: shipping faster adds {GAIN_A:,.0f} per customer over three years, the "
                    f"templates {GAIN_B:,.0f}. Set each option on the panel and compare the app's totals."
                ),
            },
        ),
        (
            "A later copy and a higher switching cost both help, but for how long? One only delays the copy's "
            "damage; the other shrinks it in every month after the copy.",
            "On the panel, set the app's copy month to 4 (switching cost at its start) and read the app's "
            "3-year total; then put the copy month back to 2 and set the switching cost to 0.30. Compare each "
            "total with the starting one.",
            "cumulative_gross_profit(4, 0.10, **clock)[-1] against cumulative_gross_profit(2, 0.30, **clock)[-1]",
        ),
        asks='"a", "b" or "c", in quotes',
    ),
    Exercise(
        "01.2",
        Number(catch_up_switching_cost, "{:.2f}"),  # the slider shows two decimals, in steps of 0.05
        (
            "The two products differ in two ways. To catch up, the app's switching cost must make up for the "
            "other difference as well.",
            "On the panel, raise only the app's switching cost, one step at a time, and watch the sign of the "
            "gap line: stop at the first value where the gap is zero or negative.",
            "for s in np.round(np.arange(0.70, 1.0001, 0.05), 2): "
            "print(s, cumulative_gross_profit(2, s, **clock)[-1]); then compare with "
            "cumulative_gross_profit(12, 0.70, **clock)[-1]",
        ),
        asks="a switching cost between 0 and 1, on the slider's steps",
    ),
    Exercise(
        "01.3",
        Choice(
            "c",
            {
                "a": (
                    "its edge is tied to one provider's newest model: if another model takes the lead, the tuned "
                    "prompts lose their value, and the model's owner or any rival can tune the same prompts (an "
                    "early copy month and a low switching cost on the clock). Its demand rides on one model "
                    "staying on top, so it fails the test."
                ),
                "b": (
                    "the right product for the wrong reason. Being infrastructure does not pass the test by "
                    "itself: a tool that works only with one provider's models would fail it. What passes is "
                    "demand that does not depend on which model wins."
                ),
                "c": (
                    "right: its demand is model-agnostic (customers need their prompts logged and their costs "
                    "tracked whichever model they call), and once it records their production traffic, moving "
                    "off it is costly. Those are dynamics b and c of section 2."
                ),
                "d": (
                    "a reshuffle does not hit both alike. The request log serves whichever model its customers "
                    "call, and customers who spread across several providers need a log that spans them even "
                    "more; the prompt pack's edge is tied to one model."
                ),
            },
        ),
        (
            "Imagine that a different model tops the benchmarks next quarter. Which product's customers still "
            "need it, and why?",
            "Section 2: dynamic c (model-agnostic demand) and dynamic b (switching costs). A right answer names "
            "the product and the reason; being infrastructure is not a reason by itself.",
            "Read each option's because-clause against the test's question: does demand survive whichever "
            "model wins? Exactly one option gives that reason.",
        ),
        asks='"a", "b", "c" or "d", in quotes',
    ),
)
