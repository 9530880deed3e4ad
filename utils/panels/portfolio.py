"""The panels of lesson 07: Monte Carlo portfolios of power-law deals.

A deal returns nothing with probability ``p`` (the share of zeros); otherwise
its multiple follows a Pareto law with minimum 1x and tail exponent ``alpha``
(:mod:`utils.models.portfolio`). A portfolio writes equal checks to ``N``
deals, so its multiple is the average of its deals' multiples, and one deal
returns the whole fund only at ``N`` times the money
(:func:`fund_returning_multiple`).

- :func:`portfolio_panel`: one kind of deal. Mean against median, the share of
  portfolios that lose money, the chance of at least one 10x deal, simulated
  next to the formula ``1 - (1 - q) ** N``, and the chance of at least one
  fund-returning deal (``N`` x or more).
- :func:`allocation_panel`: a portfolio split between application bets and
  infrastructure bets, each with its own share of zeros and tail exponent
  (the course's assumptions: :data:`APP_ZEROS`, :data:`APP_ALPHA`,
  :data:`INFRA_ZEROS`, :data:`INFRA_ALPHA`).
- :func:`calibration_figure`: the model's share of deals returning at least
  ``m`` times the money, against the published buckets.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import altair as alt
import numpy as np
import pandas as pd
from numpy.typing import NDArray

from ..charts import PALETTE, percent_axis
from ..models import deal_mean_multiple, prob_at_least_one_hit, prob_deal_at_least, simulate_deals
from ..whatif import Outcome, Slider, WhatIf, show

PORTFOLIOS = 2_000  # simulated portfolios per update: at 100 deals each, a few milliseconds
SEED = 7  # the same seed every time: moving a control back restores the same picture
HIT = 10.0  # a "10x" deal returns ten times the money invested

# The histogram's grid: ten bins per factor of ten, from 0.1x to 100x. Portfolios
# below 0.1x (a portfolio of zeros included) fall in the first bin, above 100x in the last.
DISPLAY_MIN, DISPLAY_MAX = 0.1, 100.0
BIN_EDGES = np.logspace(-1, 2, 31)
MULTIPLE_TICKS = [0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100]

MEAN, MEDIAN, MONEY_BACK = "Mean", "Median", "1x: money back"


@dataclass(frozen=True)
class Bets:
    """A group of ``deals`` alike deals: a share ``p_zero`` return nothing, the rest Pareto(1, ``alpha``)."""

    deals: int
    p_zero: float
    alpha: float


# Course assumptions, not measurements: no source in data/ splits venture returns by
# layer. Application bets: more zeros and a fatter tail (a few breakouts among many
# copies); infrastructure bets: fewer zeros and a tail thinner than the venture-wide
# alpha of 1.2-1.5, yet still heavy (the variance is infinite for alpha <= 2, at 2 too).
# With these numbers infrastructure has the LOWER mean (1.40x against 1.73x): they encode
# the explainer's "more reliable returns", not the essay's "systematic outperformance".
# Lesson 07 says so, and shows what infrastructure alpha the essay's claim would need.
APP_ZEROS, APP_ALPHA = 0.6, 1.3
INFRA_ZEROS, INFRA_ALPHA = 0.3, 2.0


def fund_returning_multiple(n_deals: int) -> float:
    """The multiple at which one of ``n_deals`` equal checks returns the whole fund: ``N``.

    Each deal holds ``1 / N`` of the fund, so it returns the fund when its
    multiple times ``1 / N`` reaches 1: a 10x deal returns half of a 20-deal fund.
    """
    return float(n_deals)


def simulate_mixed_deals(
    groups: Sequence[Bets], n_portfolios: int = PORTFOLIOS, seed: int = SEED
) -> NDArray[np.float64]:
    """Deal multiples of ``n_portfolios`` portfolios, one row each, holding every group's deals.

    Each group is drawn by :func:`utils.models.simulate_deals` from one seeded
    generator, so the same groups and seed give the same portfolios.
    """
    rng = np.random.default_rng(seed)
    return np.hstack([simulate_deals((n_portfolios, g.deals), g.p_zero, g.alpha, rng) for g in groups if g.deals])


def expected_multiple(groups: Sequence[Bets]) -> float:
    """The model's mean portfolio multiple: each group's mean deal, weighted by its number of deals."""
    held = [g for g in groups if g.deals]
    return float(np.average([deal_mean_multiple(g.p_zero, g.alpha) for g in held], weights=[g.deals for g in held]))


def chance_of_a_hit(groups: Sequence[Bets], multiple: float = HIT) -> float:
    """The model's chance of at least one deal of ``multiple`` or more: 1 - P(every group misses)."""
    misses = [1 - prob_at_least_one_hit(g.deals, g.p_zero, g.alpha, multiple) for g in groups if g.deals]
    return float(1 - np.prod(misses))


def _portfolio_outcome(groups: Sequence[Bets], formula: str) -> Outcome:
    """Histogram, mean and median of simulated portfolios, and the key numbers beside the model's."""
    deals = simulate_mixed_deals(groups)
    multiples = deals.mean(axis=1)  # equal checks
    mean, median = float(multiples.mean()), float(np.median(multiples))
    counts, _ = np.histogram(np.clip(multiples, DISPLAY_MIN, DISPLAY_MAX), BIN_EDGES)
    bins = pd.DataFrame({"low": BIN_EDGES[:-1], "high": BIN_EDGES[1:], "share": counts / len(multiples)})
    rules = pd.DataFrame(
        {"statistic": [MEAN, MEDIAN, MONEY_BACK], "multiple": np.clip([mean, median, 1.0], DISPLAY_MIN, DISPLAY_MAX)}
    )
    hit = float((deals >= HIT).any(axis=1).mean())
    n_deals = deals.shape[1]
    bar = fund_returning_multiple(n_deals)
    fund_returner = float((deals >= bar).any(axis=1).mean())
    return Outcome(
        {"bins": bins, "rules": rules},
        {
            "Mean portfolio multiple": f"{mean:.2f}x simulated (the model's mean: {expected_multiple(groups):.2f}x)",
            "Median portfolio multiple": f"{median:.2f}x (half the portfolios return less)",
            "Portfolios returning less than 1x": f"{(multiples < 1).mean():.1%}",
            "At least one deal of 10x or more": f"{hit:.1%} simulated, {chance_of_a_hit(groups):.1%} {formula}",
            "At least one fund-returning deal": (
                f"{fund_returner:.1%} simulated, {chance_of_a_hit(groups, bar):.1%} from the formula "
                f"({bar:g}x or more: {n_deals} equal check{'s' if n_deals != 1 else ''})"
            ),
        },
    )


def portfolio_outcome(n_deals: float, zeros_percent: float, alpha: float) -> Outcome:
    """Portfolios of ``n_deals`` alike deals: their spread, mean, median and chance of a 10x."""
    deals = Bets(int(n_deals), zeros_percent / 100, alpha)
    q = prob_deal_at_least(HIT, deals.p_zero, deals.alpha)
    return _portfolio_outcome([deals], formula=f"from 1 - (1 - q)^N with q = {q:.2%}")


def split_deals(n_deals: int, infra_percent: float) -> tuple[int, int]:
    """Application and infrastructure deals for an infrastructure share, rounded half up."""
    infra = math.floor(n_deals * infra_percent / 100 + 0.5)
    return n_deals - infra, infra


def allocation_outcome(
    n_deals: float,
    infra_percent: float,
    app_zeros_percent: float,
    app_alpha: float,
    infra_zeros_percent: float,
    infra_alpha: float,
) -> Outcome:
    """Portfolios split between application and infrastructure bets, each with its own parameters."""
    n_app, n_infra = split_deals(int(n_deals), infra_percent)
    groups = [
        Bets(n_app, app_zeros_percent / 100, app_alpha),
        Bets(n_infra, infra_zeros_percent / 100, infra_alpha),
    ]
    outcome = _portfolio_outcome(groups, formula="from the formula (every deal must miss)")
    mix = {"Portfolio": f"{n_app} application deals and {n_infra} infrastructure deals"}
    return Outcome(outcome.datasets, {**mix, **outcome.readout})


def _multiple_axis(title: str, clipped: bool = False) -> alt.Axis:
    """A log axis of multiples labeled 0.1x ... 100x; ``clipped`` marks the ends as open (<=0.1x, >=100x)."""
    label = "datum.value + 'x'"
    if clipped:
        label = (
            f"datum.value <= {DISPLAY_MIN} ? '≤{DISPLAY_MIN:g}x' : "
            f"datum.value >= {DISPLAY_MAX} ? '≥{DISPLAY_MAX:g}x' : {label}"
        )
    return alt.Axis(title=title, values=MULTIPLE_TICKS, labelExpr=label, grid=False)


def _histogram_chart(title: str, description: str) -> alt.LayerChart:
    x_scale = alt.Scale(type="log", domain=[DISPLAY_MIN, DISPLAY_MAX])
    bars = (
        alt.Chart(alt.Data(name="bins"))
        .mark_rect(color=PALETTE[5], stroke="#ffffff", strokeWidth=0.5)
        .encode(
            x=alt.X(
                "low:Q",
                scale=x_scale,
                axis=_multiple_axis("Portfolio multiple (times the money invested, log scale)", clipped=True),
            ),
            x2="high:Q",
            y=alt.Y("share:Q", axis=percent_axis("Share of portfolios")),
        )
    )
    statistics = [MEAN, MEDIAN, MONEY_BACK]
    color = alt.Color(
        "statistic:N", title=None, scale=alt.Scale(domain=statistics, range=[PALETTE[1], PALETTE[0], "#000000"])
    )
    dash = alt.StrokeDash("statistic:N", scale=alt.Scale(domain=statistics, range=[[8, 4], [1, 0], [2, 3]]))
    rules = (
        alt.Chart(alt.Data(name="rules"))
        .mark_rule(strokeWidth=2.5)
        .encode(x=alt.X("multiple:Q", scale=x_scale), color=color, strokeDash=dash)
    )
    # Above the plot, the median's name to the left of its line and the mean's to the right:
    # in a power law the median sits below the mean, so the two never collide.
    labels = [
        alt.Chart(alt.Data(name="rules"))
        .transform_filter(alt.datum.statistic == name)
        .mark_text(align=align, dx=dx, y=-7, fontWeight="bold", color=color)
        .encode(x=alt.X("multiple:Q", scale=x_scale), text="statistic:N")
        for name, color, align, dx in [(MEAN, PALETTE[1], "left", 3), (MEDIAN, PALETTE[0], "right", -3)]
    ]
    return alt.layer(bars, rules, *labels).properties(
        title=alt.TitleParams(
            title,
            subtitle=f"{PORTFOLIOS:,} simulated portfolios; the end bars hold everything below 0.1x or above 100x",
        ),
        description=description,
        width=500,
        height=250,
    )


def portfolio_panel(zeros_percent: float, alpha: float, n_deals: int = 20) -> WhatIf:
    """The shots-on-goal panel, starting from a share of zeros (percent) and a tail exponent."""
    return WhatIf(
        title="Shots on goal: how do many power-law deals add up?",
        controls=[
            Slider("n_deals", "Deals in the portfolio", 1, 100, 1, n_deals),
            Slider("zeros_percent", "Share of deals that return nothing", 0, 90, 5, zeros_percent, suffix="%"),
            Slider("alpha", "Tail exponent alpha (smaller: fatter tail)", 1.1, 3, 0.05, alpha),
        ],
        compute=portfolio_outcome,
        chart=_histogram_chart(
            "What a portfolio of equal checks returns",
            "Histogram of the multiples of simulated venture portfolios on a logarithmic axis from 0.1x to "
            "100x, with vertical lines at the mean (dashed), the median (solid) and 1x, the money back (dotted).",
        ),
    )


def allocation_panel(n_deals: int = 20, infra_percent: float = 50) -> WhatIf:
    """The allocation panel: the share of deals in infrastructure, and each group's parameters (assumptions)."""
    return WhatIf(
        title="Application bets or infrastructure bets? (The group parameters are assumptions: change them)",
        controls=[
            Slider("n_deals", "Deals in the portfolio", 1, 100, 1, n_deals),
            Slider("infra_percent", "Share of deals in infrastructure", 0, 100, 5, infra_percent, suffix="%"),
            Slider(
                "app_zeros_percent",
                "Application: share that return nothing",
                0,
                90,
                5,
                round(APP_ZEROS * 100),
                suffix="%",
            ),
            Slider("app_alpha", "Application: tail exponent alpha", 1.1, 3, 0.05, APP_ALPHA),
            Slider(
                "infra_zeros_percent",
                "Infrastructure: share that return nothing",
                0,
                90,
                5,
                round(INFRA_ZEROS * 100),
                suffix="%",
            ),
            Slider("infra_alpha", "Infrastructure: tail exponent alpha", 1.1, 3, 0.05, INFRA_ALPHA),
        ],
        compute=allocation_outcome,
        chart=_histogram_chart(
            "A portfolio of application and infrastructure bets",
            "Histogram of the multiples of simulated portfolios that mix application and infrastructure deals, "
            "on a logarithmic axis from 0.1x to 100x, with vertical lines at the mean (dashed), the median "
            "(solid) and 1x, the money back (dotted).",
        ),
    )


def published_at_least(returns: pd.DataFrame) -> pd.DataFrame:
    """Share of deals returning at least ``multiple``, from the published buckets.

    The open-ended buckets (``>=5x``, ...) are used as given, and "at least 1x" is
    one minus the share below 1x. The ``>20x`` bucket is left out: its sources do not
    say whether it stops at 50x (see its note in ``data/venture_returns.csv``).
    """
    open_ended = returns[returns["bucket"].str.startswith(">=")]
    below_one = returns[returns["bucket"] == "<1x"]
    return pd.concat(
        [
            pd.DataFrame({"source": below_one["source"], "multiple": 1.0, "share": 1 - below_one["share_of_deals"]}),
            pd.DataFrame(
                {
                    "source": open_ended["source"],
                    "multiple": open_ended["multiple_min"],
                    "share": open_ended["share_of_deals"],
                }
            ),
        ]
    ).sort_values(["source", "multiple"], ignore_index=True)


def calibration_table(returns: pd.DataFrame, fits: Mapping[str, tuple[float, float]]) -> pd.DataFrame:
    """Published shares of deals at each multiple, and each fit's (share of zeros, alpha) model share."""
    published = published_at_least(returns).pivot(index="multiple", columns="source", values="share")
    for label, (p_zero, alpha) in fits.items():
        published[label] = prob_deal_at_least(published.index.to_numpy(), p_zero, alpha)
    published.columns.name = None
    return published.rename_axis("at least (x)")


def calibration_figure(returns: pd.DataFrame, fits: Mapping[str, tuple[float, float]]) -> WhatIf:
    """The model's share of deals returning at least m times the money, on log axes, with the published points."""
    grid = np.logspace(0, 2, 41)
    curves = pd.concat(
        [
            pd.DataFrame({"model": label, "multiple": grid, "share": prob_deal_at_least(grid, p, a)})
            for label, (p, a) in fits.items()
        ]
    )
    points = published_at_least(returns)
    x = alt.X(
        "multiple:Q",
        scale=alt.Scale(type="log", domain=[1, 100]),
        axis=_multiple_axis("Multiple m (times the money invested, log scale)"),
    )
    y = alt.Y(
        "share:Q",
        scale=alt.Scale(type="log", domain=[0.001, 1]),
        axis=alt.Axis(title="Share of deals returning at least m (log scale)", format=".1~%"),
    )
    labels = list(fits)
    lines = (
        alt.Chart(curves)
        .mark_line(clip=True)
        .encode(
            x=x,
            y=y,
            color=alt.Color(
                "model:N",
                title="Model",
                scale=alt.Scale(domain=labels, range=[PALETTE[0], PALETTE[2]]),
                legend=alt.Legend(direction="vertical"),
            ),
            strokeDash=alt.StrokeDash("model:N", title="Model", scale=alt.Scale(domain=labels, range=[[1, 0], [6, 3]])),
        )
    )
    sources = sorted(points["source"].unique())
    dots = (
        alt.Chart(points)
        .mark_point(size=90, filled=True, opacity=1)
        .encode(
            x=x,
            y=y,
            shape=alt.Shape(
                "source:N",
                title="Published",
                scale=alt.Scale(domain=sources, range=["circle", "triangle-up"]),
                legend=alt.Legend(direction="vertical"),
            ),
            color=alt.value(PALETTE[1]),
        )
    )
    chart = alt.layer(lines, dots).properties(
        title=alt.TitleParams(
            "How often does a deal return at least m times the money?",
            subtitle="Lines: the model; points: published buckets",
        ),
        description=(
            "Log-log chart of the share of deals returning at least a given multiple, from 1x to 100x. "
            "Each model line falls straight, as a power law does; orange points mark the published shares "
            "from Correlation Ventures (circles) and Horsley Bridge (triangles)."
        ),
        width=480,
        height=260,
    )
    at_ten = published_at_least(returns).query("multiple == @HIT")
    published = ", ".join(f"{r.share:.0%} ({r.source.split(' (')[0]})" for r in at_ten.itertuples())
    readout = {f"Published, {HIT:.0f}x or more": published}
    for label, (p, a) in fits.items():
        readout[f"{label}, {HIT:.0f}x or more"] = f"{prob_deal_at_least(HIT, p, a):.1%}"
    return show(chart, readout)
