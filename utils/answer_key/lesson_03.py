"""Lesson 03 (Serverless GPU economics): the answer key, computed from data/gpu_prices.csv and utils.models.

Three exercises, each built on a trap: a reserved GPU is paid for in its idle
hours too (03.1); a break-even depends on the two prices compared and can lie
above 100 % (03.2); a bursty workload must reserve for its peak, not its
average (03.3). The workloads (15 %, 95 % and 80 % of a GPU, a peak twice the
average, 300 cold starts a month) are the questions' own assumptions; every
answer is computed from them and the sourced prices. The keys of the two
decisions first check that the models still give the outcome their feedback
explains, and fail loudly if they do not.
"""

from __future__ import annotations

from .. import data
from ..checks import Choice, Exercise, Number
from ..models import (
    breakeven_utilization,
    reserved_gpus,
    reserved_monthly_cost,
    serverless_monthly_cost,
)

UTILIZATION_1 = 0.15  # exercise 1: the essay's bus
DEMAND_2 = 0.95  # exercise 2: a steady workload, one GPU busy almost all month
DEMAND_3, PEAK_3, COLD_STARTS_3 = 0.8, 2, 300  # exercise 3: a bursty workload


def price(provider: str, gpu: str) -> float:
    return data.pick("gpu_prices", "usd_per_gpu_hour", provider=provider, gpu=gpu)


def modal() -> float:
    return price("Modal", "H100")


def essay_seconds() -> float:
    """The essay's 45 s cold start of a 70B model, the lesson's assumption for billed seconds."""
    return data.pick("cold_starts", "seconds_low", kind="essay claim")


# --- 03.1: the AWS bill at 15 % utilization ---------------------------------------------------------


def aws_bill() -> float:
    return float(reserved_monthly_cost(price("AWS", "H100"), UTILIZATION_1))


# --- 03.2: a steady 95 % workload, RunPod secure cloud against Modal --------------------------------


def runpod_secure() -> float:
    return price("RunPod", "H100 SXM (secure cloud)")


def busy_choice() -> str:
    """Serverless, because u* > 1; checked against the costs at the question's own utilization."""
    u_star = breakeven_utilization(runpod_secure(), modal())
    reserved = reserved_monthly_cost(runpod_secure(), DEMAND_2)
    serverless = serverless_monthly_cost(modal(), DEMAND_2)
    if not (u_star > 1 and serverless < reserved):
        raise ValueError(f"exercise 03.2 expects u* above 1 and serverless cheaper, got u* = {u_star:.3f}.")
    return "c"


# --- 03.3: a bursty workload, Lambda H100 PCIe for the peak against Modal ---------------------------


def lambda_pcie() -> float:
    return price("Lambda", "H100 PCIe")


def bursty_costs() -> dict[str, float]:
    """Reserved for the peak, reserved as if for the average (the trap), and serverless with cold starts."""
    return {
        "peak": float(reserved_monthly_cost(lambda_pcie(), DEMAND_3, PEAK_3)),
        "average": float(reserved_monthly_cost(lambda_pcie(), DEMAND_3)),
        "serverless": float(serverless_monthly_cost(modal(), DEMAND_3, COLD_STARTS_3, essay_seconds())),
        "cold": float(serverless_monthly_cost(modal(), 0, COLD_STARTS_3, essay_seconds())),
    }


def bursty_choice() -> str:
    """Serverless, because reserving for the peak takes more GPUs; the trap (sizing for the average) must flip it."""
    cost = bursty_costs()
    above_breakeven = breakeven_utilization(lambda_pcie(), modal()) < DEMAND_3
    if not (cost["serverless"] < cost["peak"] and cost["average"] < cost["serverless"] and above_breakeven):
        raise ValueError(f"exercise 03.3 no longer turns on the peak: {cost}.")
    return "b"


U2 = breakeven_utilization(runpod_secure(), modal())
C3 = bursty_costs()
GPUS_3 = reserved_gpus(DEMAND_3, PEAK_3)

EXERCISES = (
    Exercise(
        "03.1",
        Number(aws_bill, "${:,.2f}"),  # money as section 3 prints it
        (
            "Does a GPU rented all month cost any less in the hours it sits idle?",
            "Reserved cost = price per GPU-hour x H hours x GPUs reserved (here one); utilization does not "
            "enter it. H is printed in section 3.",
            "reserved_monthly_cost(aws_price, 0.15)",
        ),
        asks="the monthly bill in US dollars, a number",
    ),
    Exercise(
        "03.2",
        Choice(
            busy_choice,
            {
                "a": (
                    "section 3's break-even is for Lambda's price against Modal's, and u* = P_r / P_s changes "
                    "with the prices. Compute it for RunPod's secure cloud before comparing it with the workload."
                ),
                "b": (
                    "a busy GPU is not enough: reserving pays only above u* = P_r / P_s, which depends on how "
                    "the two hourly prices compare. Compute it for these two prices."
                ),
                "c": (
                    f"right: u* = {runpod_secure():.2f} / {modal():.2f} = {U2:.1%}. Above 100 %, serverless is "
                    "cheaper even for a GPU busy every hour of the month, at these two list prices."
                ),
                "d": (
                    "a GPU rented all month stays loaded, so it has no cold starts: they are serverless's cost, "
                    "not reserved's. Decide with the break-even u* instead."
                ),
            },
        ),
        (
            "Before deciding, find the utilization above which reserving pays for these two prices.",
            "Section 3: u* = P_r / P_s. Reserving pays only when utilization is above u*.",
            "breakeven_utilization(runpod_secure, serverless_price)",
        ),
        asks='"a", "b", "c" or "d", in quotes',
    ),
    Exercise(
        "03.3",
        Choice(
            bursty_choice,
            {
                "a": (
                    "that break-even holds only for a steady workload. With peaks, reserved GPUs must cover the "
                    "peak, not the average: count the GPUs the peak needs, then compare the two bills."
                ),
                "b": (
                    f"right: the peak needs {GPUS_3:.0f} reserved GPUs, ${C3['peak']:,.2f} a month, while "
                    f"serverless bills only the average plus cold starts, ${C3['serverless']:,.2f}. Sized for "
                    f"the average, reserving would have looked cheaper (${C3['average']:,.2f})."
                ),
                "c": (
                    f"the cold starts add only ${C3['cold']:,.2f} a month to the serverless bill, too little to "
                    "decide this. Compare the two bills."
                ),
                "d": "they are not close: compute both bills, reserving enough GPUs for the peak.",
            },
        ),
        (
            "How many reserved GPUs does this workload need at its busiest moment?",
            "Reserved: P_r x H x ceil(PAR x D). Serverless: P_s x (H x D + k x t_c / 3600). Or set the panel's "
            "sliders to this workload and read Cheaper.",
            "reserved_monthly_cost(reserved_price, 0.8, 2), serverless_monthly_cost(serverless_price, 0.8, 300, 45)",
        ),
        asks='"a", "b", "c" or "d", in quotes',
    ),
)
