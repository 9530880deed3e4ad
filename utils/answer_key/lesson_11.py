"""Lesson 11 (Capstone): two decisions on the scorecard, then a questionnaire of ten questions, one from each
of lessons 01 to 10, asking why as well as how much.

Every number is computed by the course's models and data; the multiple-choice
questions say, for each option, why it is wrong or why it is right.
"""

from __future__ import annotations

from .. import data
from ..checks import Choice, Exercise, Number
from ..models import breakeven_utilization, expected_capture, fanout_slow_share, positioning_score, verdict
from ..panels import ASSUMED_WINNER_SHARE, EXAMPLE, RESHUFFLE_WEIGHTS, TWO_PRODUCTS, scenario_setup

LETTERS = "a letter, in quotes"

# --- 11.1: how far the worked example sits from the line -----------------------------------------

HALF_STEPS = [0.5 * k for k in range(1, 9)]  # the slider moves in half steps, up to the top of the scale


def smallest_rise_to_mixed() -> float:
    """The smallest rise of the example's vertical-integration risk, on the slider's half steps, that ends
    its plumbing-like verdict."""
    start = EXAMPLE["vertical_integration_risk"]
    return min(
        rise
        for rise in HALF_STEPS
        if start + rise <= 5
        and verdict(positioning_score(EXAMPLE | {"vertical_integration_risk": start + rise})) != "plumbing-like"
    )


# --- 11.2: whose verdict the weights change ------------------------------------------------------


def reweighted_plumbing_like() -> str:
    """Which of the two products the investor's weights call plumbing-like: "a", "b", "both" or "neither"."""
    passing = [
        name
        for name, scores in TWO_PRODUCTS.items()
        if verdict(positioning_score(scores, RESHUFFLE_WEIGHTS)) == "plumbing-like"
    ]
    return {0: "neither", 1: passing[0] if passing else "neither", 2: "both"}[len(passing)]


# --- 11.5 (lesson 03): reserve or pay per second, for a steady GPU busy four hours in five -------

STEADY_BUSY_SHARE = 0.8  # the question's workload: steady, busy four hours in five, cold starts negligible


def _prices() -> tuple[float, float]:
    serverless = data.pick("gpu_prices", "usd_per_gpu_hour", provider="Modal", gpu="H100")
    reserved = data.pick("gpu_prices", "usd_per_gpu_hour", provider="Lambda", gpu="H100 PCIe")
    return reserved, serverless


def cheaper_for_steady_work() -> str:
    reserved, serverless = _prices()
    return "reserved" if breakeven_utilization(reserved, serverless) < STEADY_BUSY_SHARE else "serverless"


def _reserve_feedback() -> dict[str, str]:
    reserved, serverless = _prices()
    u = breakeven_utilization(reserved, serverless)
    above = u < STEADY_BUSY_SHARE
    side = "above" if above else "below"
    return {
        "reserved": (
            f"the GPU is busy {STEADY_BUSY_SHARE:.0%} of the hours, {side} the break-even u* = P_r / P_s = {u:.1%}: "
            + (
                "the idle hours a monthly rental pays for cost less than serverless's higher price on the busy ones."
                if above
                else "a monthly rental pays for more idle hours than serverless's higher price costs on the busy ones."
            )
        ),
        "serverless": (
            f"the GPU is busy {STEADY_BUSY_SHARE:.0%} of the hours, {side} the break-even u* = P_r / P_s = {u:.1%}: "
            + (
                "paying per second wins for bursty or lightly used GPUs, not for one this busy."
                if above
                else "paying per second costs less than renting a GPU that idles this often."
            )
        ),
    }


# --- 11.6 (lesson 04) and 11.12 (lesson 10) --------------------------------------------------------

FAN_OUT_CALLS, P_SLOW = 20, 0.01  # the question's request: 20 parallel calls, each slow one time in 100
SCENARIO_WEIGHTS = (2, 1, 1)  # vertical integration twice as likely as each of the other two


def infrastructure_share() -> float:
    """Expected share of the two infrastructure claimants (the winners of horizontal layering and managed OSS),
    with the assumed winners' share in every scenario."""
    setup = scenario_setup(data.load("scenarios"))
    shares = expected_capture(SCENARIO_WEIGHTS, setup.capture((ASSUMED_WINNER_SHARE,) * len(setup.scenarios)))
    vertical = setup.winners[setup.scenarios.index("vertical integration")]
    return float(sum(share for claimant, share in enumerate(shares) if claimant not in vertical))


EXERCISES = (
    Exercise(
        "11.1",
        Number(smallest_rise_to_mixed, "{:.1f}"),
        (
            "With equal weights, how many points does one half step of any slider move the score? And how many "
            "points does the example have above the line?",
            "Score = sum of the five adjusted scores / 25 x 100, risks counted as 5 - score. The verdict is "
            "plumbing-like from the threshold printed in section 1, and a score exactly on it still counts.",
            "For each rise on the slider's half steps, compute positioning_score(EXAMPLE | "
            '{"vertical_integration_risk": EXAMPLE["vertical_integration_risk"] + rise}) and read its verdict(...).',
        ),
        asks="a rise, on the slider's half steps",
    ),
    Exercise(
        "11.2",
        Choice(
            reweighted_plumbing_like,
            {
                "a": "product a's strongest criterion now counts double and lifts its weighted average over the "
                "line, while product b's weakest one counts double and pulls it down.",
                "b": "product b is strong on switching costs and cost efficiency, which the investor did not "
                "up-weight; its weak model-agnostic demand now counts double and pulls it down.",
                "both": "a weighted score is a weighted average: it rises only for a product whose up-weighted "
                "criterion is above its own average, and product b's is below.",
                "neither": "compute product a again: its best criterion, model-agnostic demand, now counts double, and "
                "that lifts its weighted average over the line.",
            },
        ),
        (
            "A weighted score is a weighted average of the adjusted scores. For which product is model-agnostic "
            "demand above its own average?",
            "Score = sum of weight x adjusted score / (5 x sum of weights) x 100; then compare each score with "
            "the plumbing-like threshold.",
            "verdict(positioning_score(product_a, weights_2)) and verdict(positioning_score(product_b, weights_2)).",
        ),
        asks='"a", "b", "both" or "neither", in quotes',
    ),
    Exercise(
        "11.3",
        Choice(
            "b",
            {
                "a": "not in the clock: both earn the same profit a month before a copy. The gap comes only from "
                "when a copy arrives and how much it hurts.",
                "b": "the two products differ only in copy month and switching cost. A later copy leaves more "
                "months at full profit, and a switching cost blunts both the price cut and the extra churn.",
                "c": "both lose the same base churn every month; a switching cost reduces only the extra churn "
                "that a copy brings.",
                "d": "the clock copies the infrastructure product too, only later; its switching cost blunts "
                "the copy but does not prevent it.",
            },
        ),
        (
            "Look at what the two products of the clock share, and the two settings in which they differ.",
            "Lesson 01, section 3: from the copy month on, a copy cuts the monthly profit by a share e(1 - s) "
            "and adds extra churn h_x(1 - s), with s the switching cost.",
            "Compare cumulative_gross_profit(2, 0.7, **clock) with cumulative_gross_profit(12, 0.7, **clock) "
            "in lesson 01: the copy month alone.",
        ),
        asks=LETTERS,
    ),
    Exercise(
        "11.4",
        Choice(
            "c",
            {
                "a": "more columns count the same money again: a company's total raised to date already contains "
                "its rounds.",
                "b": "a valuation is the price a round puts on the whole company, not money anyone paid in; like "
                "a total to date it is a stock, and adding it across rounds counts again.",
                "c": "add flows (rounds), never a stock on top of its own flows; and add one teller at a time, "
                "or the rounds both tellers report count twice too.",
                "d": "confidence says how far to trust a figure; a double count stays a double count with the "
                "best-sourced rows.",
            },
        ),
        (
            "Ask of each column whether it is money raised in one round or a figure that replaces the one before it.",
            "Lesson 02, section 3: amount_usd is a flow; total_raised_usd and valuation_usd are stocks.",
            "In lesson 02, compare the sum of a company's amount_usd over its rounds with its total_raised_usd.",
        ),
        asks=LETTERS,
    ),
    Exercise(
        "11.5",
        Choice(cheaper_for_steady_work, _reserve_feedback()),
        (
            "A reserved GPU costs the same every hour, busy or idle. At what share of busy hours do the two "
            "options cost the same?",
            "Lesson 03, section 3: for a steady workload reserving pays above u* = P_r / P_s.",
            "breakeven_utilization(reserved_price, serverless_price), then compare it with the busy share.",
        ),
        asks='"reserved" or "serverless", in quotes',
    ),
    Exercise(
        "11.6",
        Number(lambda: float(fanout_slow_share(FAN_OUT_CALLS, P_SLOW)), "{:.1%}"),
        (
            "The request is fast only if every one of its calls is fast.",
            "Lesson 04, section 3: the share of slow requests is 1 - (1 - p)^N. Give a fraction, not a percentage.",
            "fanout_slow_share(20, 0.01)",
        ),
        asks="a fraction",
    ),
    Exercise(
        "11.7",
        Choice(
            "a",
            {
                "a": "with one price and a cost that rises in a straight line with tokens, the blended margin is "
                "the average user's; a skewed split hides the heavy users served at a loss.",
                "b": "tokens are the main direct cost of serving an AI app, so they are inside its gross margin; "
                "that is what squeezes it.",
                "c": "churn sets how long a customer pays (the LTV), not the margin earned in each month of use.",
                "d": "an average says nothing about the spread: in lesson 05 the blended margin stays put while "
                "the share of users served at a loss grows with the skew.",
            },
        ),
        (
            "Users pay the same price but do not consume the same number of tokens.",
            "Lesson 05, section 7: a user's margin is 1 - (tokens x price per token + other costs) / ARPU; the "
            "blended margin uses the average user's tokens.",
            "In lesson 05's margin panel, step through the usage splits and watch which readout moves.",
        ),
        asks=LETTERS,
    ),
    Exercise(
        "11.8",
        Choice(
            "c",
            {
                "a": "a reshuffle moves money between the vendor's customers (apps on the fallen leader lose, "
                "apps on the new one gain); the vendor serves both.",
                "b": "a wider spread lowers the correlation that model risk adds between its customers: it makes "
                "revenue steadier, not smaller.",
                "c": "a market-wide fall hits every customer at once, on every model: the common factor that "
                "keeps the correlation above zero and sets a floor no number of customers removes.",
                "d": "a customer that moves to another model stays a customer of a vendor that serves every model.",
            },
        ),
        (
            "Which of these events makes all of the vendor's customers spend less at the same time?",
            "Lesson 06, section 4: model-agnostic demand protects against which model wins, not against what "
            "moves every customer together (section 5's correlation).",
            "In lesson 06's diversification panel, raise the correlation and watch the floor CV x sqrt(rho).",
        ),
        asks=LETTERS,
    ),
    Exercise(
        "11.9",
        Choice(
            "d",
            {
                "a": "the model charges no fees; the shortfall comes without them (Kauffman's benchmark is "
                "after fees, the model's is not).",
                "b": "more simulated portfolios make the share below the mean more precise, not smaller: it is a "
                "property of the distribution itself.",
                "c": "the shots-on-goal panel draws every deal from one power law; no layer is involved.",
                "d": "with alpha of 2 or less, a few huge multiples lift the average; most portfolios miss them, "
                "so the median portfolio sits below the mean, and most funds trail.",
            },
        ),
        (
            "Think of what makes the mean of a power law large, and how often a portfolio holds it.",
            "Lesson 07, sections 1 to 3: the mean (1 - p) alpha / (alpha - 1) is carried by rare giants; compare "
            "the median portfolio with the mean.",
            "In lesson 07: multiples = simulate_portfolios(20_000, 20, 0.5, 1.5, seed=4); compare "
            "np.median(multiples) with multiples.mean().",
        ),
        asks=LETTERS,
    ),
    Exercise(
        "11.10",
        Choice(
            "b",
            {
                "a": "a rotation is a change over time in where money goes, layer by layer; the course has no "
                "funding series for the infrastructure layers, and the one mega-round named is a model builder's.",
                "b": "the figures show how concentrated the money was, not where it is moving; OpenAI builds "
                "foundation models, the layer the picks-and-shovels logic calls the risky bet.",
                "c": "that is the explainer's claim; none of the course's sources reports median deal sizes, so "
                "lesson 08 tests only the mechanism, on synthetic data.",
                "d": "a total says nothing about how money is spread: one mega-round can multiply a quarter's "
                "total while the median deal barely moves.",
            },
        ),
        (
            "Separate what a figure measures (how the money is spread) from what a claim says it shows (where "
            "the money is moving).",
            "Lesson 08, section 3: what the 2025 data can and cannot support, and whose claim each one is.",
            "Reread lesson 08's table of claims: its columns 'whose claim' and 'supported?'.",
        ),
        asks=LETTERS,
    ),
    Exercise(
        "11.11",
        Choice(
            "a",
            {
                "a": "compute per token follows the active parameters; memory, and the GPUs that hold a copy, "
                "follow the total. Even the FLOP saving is a best case once batches are memory-bound.",
                "b": "every expert must sit in GPU memory, because the next token may need any of them: memory "
                "follows the total parameters, so it needs the dense model's GPUs.",
                "c": "the fixed cost is the GPUs that hold the weights, kept on all month: the same GPUs as the "
                "dense model, so the same floor.",
                "d": "the tokens of a large batch pick different experts, so one step reads nearly all the "
                "weights, as the dense model does: a mixture of experts saves arithmetic, not memory.",
            },
        ),
        (
            "Which costs follow the parameters a token uses, and which follow the parameters a copy stores?",
            "Lesson 09, sections 2 and 3: FLOPs per token = 2 x active parameters; GPUs to hold the weights = "
            "total parameters x bytes / GPU memory.",
            "In lesson 09, compare seconds_per_million_tokens for active and total parameters with the GPUs "
            "needed to hold 105B parameters.",
        ),
        asks=LETTERS,
    ),
    Exercise(
        "11.12",
        Number(infrastructure_share, "{:.1%}"),
        (
            "Turn the weights into probabilities first; each claimant's share is then a weighted average over "
            "the scenarios.",
            "Lesson 10, section 2: E_c = sum over scenarios of p_s x C[s, c]. Add the two infrastructure "
            "claimants (or take one minus the model providers' share). Give a fraction.",
            "shares = expected_capture(weights_12, capture); then shares[1] + shares[2].",
        ),
        asks="a fraction",
    ),
)
