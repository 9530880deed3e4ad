"""The panels of lesson 07: Monte Carlo portfolios of power-law deals.

A deal returns nothing with probability ``p`` (the share of zeros); otherwise
its multiple follows a Pareto law with minimum 1x and tail exponent ``alpha``.
Every formula lives in :mod:`utils.models.portfolio`; this module builds the
controls, the readouts and the charts.

- :func:`portfolio_panel` (``shots``): one kind of deal. Mean against median,
  the share of portfolios that lose money, the chance of at least one 10x deal
  and of at least one fund-returning deal (``N`` x or more), simulated next to
  the formula.
- :func:`allocation_panel` (``allocation``): a portfolio split between
  application and infrastructure bets, each with its own share of zeros and
  tail exponent (the course's assumptions, :data:`utils.models.APP_ZEROS` ...).
- :func:`calibration_panel` (``calibration``): the model's share of deals
  returning at least ``m`` times the money, against the published buckets.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import altair as alt
import numpy as np
import pandas as pd

from ..charts import PALETTE
from ..models import (
    APP_ALPHA,
    APP_ZEROS,
    INFRA_ALPHA,
    INFRA_ZEROS,
    Bets,
    alpha_for_mean,
    chance_of_a_hit,
    deal_mean_multiple,
    expected_multiple,
    fund_returning_multiple,
    prob_deal_at_least,
    simulate_mixed_deals,
    split_deals,
    zeros_for_share_at,
)
from ..whatif import Outcome, Preset, Slider, Twin, WhatIf

__all__ = [
    "PORTFOLIOS",
    "allocation_outcome",
    "allocation_panel",
    "calibration_outcome",
    "calibration_panel",
    "calibration_table",
    "portfolio_outcome",
    "portfolio_panel",
    "published_at_least",
]

PORTFOLIOS = 2_000  # simulated portfolios per update: at 100 deals each, a few milliseconds
SEED = 7  # the same seed every time: moving a control back restores the same picture
HIT = 10.0  # a "10x" deal returns ten times the money invested

# The histogram's grid: ten bins per factor of ten, from 0.1x to 100x. Portfolios
# below 0.1x (a portfolio of zeros included) fall in the first bin, above 100x in the last.
DISPLAY_MIN, DISPLAY_MAX = 0.1, 100.0
BIN_EDGES = np.logspace(-1, 2, 31)
# Ticks half a factor of ten apart: every label has room, the end ones flush with the plot.
MULTIPLE_TICKS = [0.1, 0.3, 1, 3, 10, 30, 100]
PLOT_WIDTH, PLOT_HEIGHT = 400, 210  # the plot area; with its axes the chart stays under 480 px wide
SHARE_TOP = 0.6  # the histogram's fixed top: a bin holds at most 60 % of portfolios but for one deal or many zeros

MEAN, MEDIAN, MONEY_BACK = "Mean", "Median", "1x: money back"
# Read first in the readout; the lesson's notice-answer cell quotes these lines.
# Short enough to read on one line of the panel's narrow column.
MEAN_LINE, MEDIAN_LINE, LOSS_LINE = "Mean", "Median", "Below 1x"
TEN_LINE, FUND_LINE = "At least one 10x", "A fund-returning deal"

ALPHA_STEP = 0.05  # the tail exponent sliders of the two portfolio panels
MAX_DEALS = 100  # the deals sliders' top


def _on_grid(value: float, step: float) -> float:
    """``value`` rounded to a slider's grid of ``step`` (``1.32`` -> ``1.3`` for a step of 0.05)."""
    decimals = max(0, -math.floor(math.log10(step)))
    return round(round(value / step) * step, decimals)


def _one(frame: pd.DataFrame, column: str, **where: str) -> float:
    """The one value of ``column`` in the row of ``frame`` matching ``where``."""
    rows = frame
    for key, value in where.items():
        rows = rows[rows[key] == value]
    if len(rows) != 1:
        raise ValueError(f"expected one row matching {where}, found {len(rows)}.")
    return float(rows[column].iloc[0])


def _pct(share: float) -> str:
    return f"{share:,.1%}"


# ---------------------------------------------------------------- the simulated portfolios


def _stream_twin(function: str) -> Twin:
    """The JavaScript twin of a simulated panel (``utils/panels/portfolio.js``), with what it needs to draw
    numpy's own portfolios: the PCG64 state ``numpy.random.default_rng(SEED)`` starts from (as hex), the number
    of portfolios, the deals slider's top and the histogram's bin edges."""
    generator = np.random.default_rng(SEED).bit_generator.state
    if generator["bit_generator"] != "PCG64":
        raise ValueError(f"the twin draws PCG64's stream; numpy's default generator is {generator['bit_generator']}.")
    state = {name: hex(value) for name, value in generator["state"].items()}
    params = {
        "pcg64": state,
        "portfolios": PORTFOLIOS,
        "max_deals": MAX_DEALS,  # how far to draw the stream at the first redraw
        "bin_edges": BIN_EDGES.tolist(),
    }
    return Twin("portfolio", function, params)


def _label_positions(mean: float, median: float) -> dict[str, float]:
    """Where the Mean and Median names go above the plot: over their lines, never on each other or off the plot.

    Each name is centered over its line, then the two are pushed apart until
    they no longer touch and kept inside the plot, all in pixels of the log
    axis; the result is the multiple at each name's center.
    """

    def to_px(multiple: float) -> float:
        return PLOT_WIDTH * math.log10(multiple / DISPLAY_MIN) / 3  # the axis spans three factors of ten

    half = {MEAN: 20.0, MEDIAN: 27.0}  # half the width of each bold name, in pixels, with a little air
    centers = {MEAN: to_px(mean), MEDIAN: to_px(median)}
    left, right = sorted(centers, key=lambda k: (centers[k], k == MEAN))
    gap = half[left] + half[right] + 4 - (centers[right] - centers[left])
    if gap > 0:
        centers[left] -= gap / 2
        centers[right] += gap / 2
    centers[left] = max(centers[left], half[left])
    centers[right] = max(centers[right], centers[left] + half[left] + half[right] + 4)
    centers[right] = min(centers[right], PLOT_WIDTH - half[right])
    centers[left] = min(centers[left], centers[right] - half[left] - half[right] - 4)
    return {k: DISPLAY_MIN * 10 ** (3 * px / PLOT_WIDTH) for k, px in centers.items()}


def _simulated(groups: Sequence[Bets]) -> dict[str, Any]:
    """Histogram, mean, median and the key shares of the simulated portfolios (equal checks)."""
    deals = simulate_mixed_deals(groups, PORTFOLIOS, SEED)
    multiples = deals.mean(axis=1)
    mean, median = float(multiples.mean()), float(np.median(multiples))
    counts, _ = np.histogram(np.clip(multiples, DISPLAY_MIN, DISPLAY_MAX), BIN_EDGES)
    bins = pd.DataFrame({"low": BIN_EDGES[:-1], "high": BIN_EDGES[1:], "share": counts / len(multiples)})
    # Where a cut bar's share is written: over its middle, kept a label's half-width inside the plot.
    inset = 10 ** (3 * 14 / PLOT_WIDTH)
    bins["label_at"] = np.clip(np.sqrt(bins["low"] * bins["high"]), DISPLAY_MIN * inset, DISPLAY_MAX / inset)
    shown = np.clip([mean, median, 1.0], DISPLAY_MIN, DISPLAY_MAX)
    where = _label_positions(float(shown[0]), float(shown[1]))
    rules = pd.DataFrame(
        {
            "statistic": [MEAN, MEDIAN, MONEY_BACK],
            "multiple": shown,
            "label_at": [where[MEAN], where[MEDIAN], None],
        }
    )
    n_deals = deals.shape[1]
    bar = float(fund_returning_multiple(n_deals))
    return {
        "datasets": {"bins": bins, "rules": rules},
        "mean": mean,
        "median": median,
        "loss": float((multiples < 1).mean()),
        "ten": float((deals >= HIT).any(axis=1).mean()),
        "fund": float((deals >= bar).any(axis=1).mean()),
        "n_deals": n_deals,
        "bar": bar,
    }


def _readout(sim: Mapping[str, Any], groups: Sequence[Bets], ten_note: str) -> dict[str, str]:
    bar = sim["bar"]
    return {
        MEAN_LINE: f"{sim['mean']:,.2f}x simulated; model: {expected_multiple(groups):,.2f}x",
        MEDIAN_LINE: f"{sim['median']:,.2f}x (half return less)",
        LOSS_LINE: f"{_pct(sim['loss'])} of portfolios",
        TEN_LINE: f"{_pct(sim['ten'])} simulated; formula: {_pct(chance_of_a_hit(groups))}{ten_note}",
        FUND_LINE: (
            f"{_pct(sim['fund'])} simulated; formula: {_pct(chance_of_a_hit(groups, bar))} "
            f"({bar:g}x or more with {sim['n_deals']} check{'s' if sim['n_deals'] != 1 else ''})"
        ),
    }


def portfolio_outcome(n_deals: float, zeros_percent: float, alpha: float) -> Outcome:
    """Portfolios of ``n_deals`` alike deals: their spread, mean, median and chances of a 10x and a fund-returner."""
    groups = [Bets(int(n_deals), zeros_percent / 100, alpha)]
    sim = _simulated(groups)
    q = prob_deal_at_least(HIT, zeros_percent / 100, alpha)
    model_mean = expected_multiple(groups)
    side = "below" if sim["median"] < model_mean else "at or above"
    takeaway = (
        f"The median {sim['n_deals']}-deal portfolio returns {sim['median']:,.2f}x, {side} the model's mean of "
        f"{model_mean:,.2f}x, and {_pct(sim['loss'])} of portfolios lose money."
    )
    return Outcome(
        sim["datasets"],
        _readout(sim, groups, f" (one deal: {q:.2%})"),
        takeaway=takeaway,
        key=("Portfolios below 1x (%)", 100 * sim["loss"]),
    )


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
    sim = _simulated(groups)
    app_mean = float(deal_mean_multiple(app_zeros_percent / 100, app_alpha))
    infra_mean = float(deal_mean_multiple(infra_zeros_percent / 100, infra_alpha))
    verb = "trails" if round(infra_mean, 2) < round(app_mean, 2) else "beats" if infra_mean > app_mean else "matches"
    takeaway = (
        f"{_pct(sim['loss'])} of portfolios lose money, {_pct(chance_of_a_hit(groups, sim['bar']))} hold a "
        f"fund-returning deal; infrastructure's mean deal, {infra_mean:,.2f}x, {verb} applications', {app_mean:,.2f}x."
    )
    mix = {"Deals": f"{n_app} application + {n_infra} infrastructure"}
    return Outcome(
        sim["datasets"],
        {**mix, **_readout(sim, groups, "")},
        takeaway=takeaway,
        key=("The model's mean portfolio multiple (x)", expected_multiple(groups)),
    )


def _histogram_chart(title: str, description: str) -> alt.TopLevelMixin:
    x_scale = alt.Scale(type="log", domain=[DISPLAY_MIN, DISPLAY_MAX])
    label = (
        f"datum.value <= {DISPLAY_MIN} ? '≤{DISPLAY_MIN:g}x' : "
        f"datum.value >= {DISPLAY_MAX} ? '≥{DISPLAY_MAX:g}x' : datum.value + 'x'"
    )
    x_axis = alt.Axis(
        title="Portfolio multiple (times the money, log scale)",
        values=MULTIPLE_TICKS,
        labelExpr=label,
        labelFlush=True,
        grid=False,
    )
    bars = (
        alt.Chart(alt.Data(name="bins"))
        .mark_rect(color=PALETTE[5], stroke="#ffffff", strokeWidth=0.5)
        .encode(
            x=alt.X("low:Q", scale=x_scale, axis=x_axis),
            x2="high:Q",
            # Fixed: as the deals add up the bars gather into a taller, narrower peak. A bar above
            # the top (one deal, many zeros) is cut there and its share written on it.
            y=alt.Y(
                "share:Q",
                scale=alt.Scale(domain=[0, SHARE_TOP], clamp=True),
                axis=alt.Axis(title="Share of portfolios", format=".0%", values=[0, 0.2, 0.4, 0.6]),
            ),
        )
    )
    cut = (
        alt.Chart(alt.Data(name="bins"))
        .transform_filter(f"datum.share > {SHARE_TOP}")
        .mark_text(baseline="top", dy=4, fontWeight="bold", color="#000000")
        .encode(
            x=alt.X("label_at:Q", scale=x_scale),
            y=alt.Y("share:Q", scale=alt.Scale(domain=[0, SHARE_TOP], clamp=True)),
            text=alt.Text("share:Q", format=".0%"),
        )
    )
    statistics = [MEAN, MEDIAN, MONEY_BACK]
    colors = [PALETTE[1], PALETTE[0], "#000000"]
    color = alt.Color(
        "statistic:N",
        title=None,
        scale=alt.Scale(domain=statistics, range=colors),
        legend=alt.Legend(orient="bottom", direction="horizontal"),
    )
    dash = alt.StrokeDash("statistic:N", scale=alt.Scale(domain=statistics, range=[[8, 4], [1, 0], [2, 3]]))
    rules = (
        alt.Chart(alt.Data(name="rules"))
        .mark_rule(strokeWidth=2.5)
        .encode(x=alt.X("multiple:Q", scale=x_scale), color=color, strokeDash=dash)
    )
    # Above the plot, each name centered over its line unless the two would touch (see _label_positions).
    names = (
        alt.Chart(alt.Data(name="rules"))
        .transform_filter("isValid(datum.label_at)")
        .mark_text(y=-6, baseline="bottom", fontWeight="bold")
        .encode(
            x=alt.X("label_at:Q", scale=x_scale),
            text="statistic:N",
            color=alt.Color("statistic:N", scale=alt.Scale(domain=statistics, range=colors), legend=None),
        )
    )
    return alt.layer(bars, cut, rules, names).properties(
        title=alt.TitleParams(
            title,
            subtitle=[f"{PORTFOLIOS:,} simulated portfolios; the end bars", "hold everything below 0.1x or above 100x"],
        ),
        description=description,
        width=PLOT_WIDTH,
        height=PLOT_HEIGHT,
    )


def _deals_slider(n_deals: int) -> Slider:
    return Slider("n_deals", "Deals in the portfolio", min=1, max=MAX_DEALS, step=1, value=n_deals)


def _zeros_slider(name: str, label: str, value: float) -> Slider:
    return Slider(name, label, min=0, max=90, step=5, value=value, suffix="%")


def _alpha_slider(name: str, label: str, value: float) -> Slider:
    return Slider(name, label, min=1.1, max=3, step=ALPHA_STEP, value=value)


def portfolio_panel(power_law: pd.DataFrame, returns: pd.DataFrame, n_deals: int = 20) -> WhatIf:
    """The shots-on-goal panel, bound to ``shots``, starting at the teaching default of ``power_law``.

    ``power_law`` is ``data/power_law_parameters.csv`` and ``returns``
    ``data/venture_returns.csv``: the presets take their numbers from them.
    """
    zeros = 100 * _one(power_law, "share_of_zeros", estimate="teaching default")
    alpha = _one(power_law, "alpha_low", estimate="teaching default")
    fattest = _one(power_law, "alpha_low", estimate="implied range")
    measured = _one(power_law, "alpha_low", estimate="from 5x to 10x")
    below_one = 100 * _one(returns, "share_of_deals", source="Correlation Ventures", bucket="<1x")
    default = {"n_deals": n_deals, "zeros_percent": zeros, "alpha": alpha}
    presets = {
        "Teaching default": Preset(
            default,
            f"The course's teaching default, an assumption inside the range the Correlation Ventures buckets imply: "
            f"{zeros:.0f}% of deals return nothing, alpha {alpha:g}, {n_deals} equal checks.",
        ),
        "100 shots": Preset(
            {**default, "n_deals": 100},
            "The same deals over 100 equal checks: more shots on goal, each a smaller share of the fund.",
        ),
        "Fattest tail": Preset(
            {**default, "alpha": fattest},
            f"The fattest tail the Correlation Ventures buckets imply, alpha {fattest:g}: a higher mean, "
            "carried by rarer giants.",
        ),
        "Every loss a zero": Preset(
            {**default, "zeros_percent": _on_grid(below_one, 5), "alpha": _on_grid(measured, ALPHA_STEP)},
            f"Correlation Ventures' {below_one:.0f}% of deals below 1x counted as total losses (too pessimistic), "
            f"with its alpha of {measured:g} from 5x to 10x, rounded to the slider's "
            f"{_on_grid(measured, ALPHA_STEP):g}.",
        ),
    }
    return WhatIf(
        title="Shots on goal: how do many power-law deals add up?",
        controls=[
            _deals_slider(n_deals),
            _zeros_slider("zeros_percent", "Share of deals that return nothing", zeros),
            _alpha_slider("alpha", "Tail exponent alpha (smaller: fatter tail)", alpha),
        ],
        compute=portfolio_outcome,
        chart=_histogram_chart(
            "What a portfolio of equal checks returns",
            "Histogram of the multiples of simulated venture portfolios on a logarithmic axis from 0.1x to "
            "100x, with vertical lines at the mean (dashed), the median (solid) and 1x, the money back (dotted).",
        ),
        presets=presets,
        name="shots",
        twin=_stream_twin("portfolio"),
    )


def allocation_panel(n_deals: int = 20, infra_percent: float = 50) -> WhatIf:
    """The allocation panel, bound to ``allocation``: the share of deals in infrastructure, each layer's parameters.

    The layers' parameters start at the course's assumptions (not data):
    :data:`utils.models.APP_ZEROS`, ``APP_ALPHA``, ``INFRA_ZEROS``, ``INFRA_ALPHA``.
    """
    assumed = {
        "n_deals": n_deals,
        "infra_percent": infra_percent,
        "app_zeros_percent": round(APP_ZEROS * 100),
        "app_alpha": APP_ALPHA,
        "infra_zeros_percent": round(INFRA_ZEROS * 100),
        "infra_alpha": INFRA_ALPHA,
    }
    # The fattest infrastructure tail on the slider's grid at which infrastructure's mean deal beats applications'.
    app_mean = deal_mean_multiple(APP_ZEROS, APP_ALPHA)
    claim_alpha = math.floor(round(float(alpha_for_mean(app_mean, INFRA_ZEROS)) / ALPHA_STEP, 9)) * ALPHA_STEP
    claim_alpha = round(claim_alpha, 2)
    presets = {
        "Assumed mix": Preset(
            assumed,
            f"The course's assumptions, not data: applications fail more often but break out bigger; "
            f"{infra_percent:g}% of {n_deals} deals in infrastructure.",
        ),
        "All applications": Preset(
            {**assumed, "infra_percent": 0},
            f"Every deal in applications at the course's assumptions: {APP_ZEROS:.0%} zeros and the fatter tail, "
            f"alpha {APP_ALPHA:g}.",
        ),
        "All infrastructure": Preset(
            {**assumed, "infra_percent": 100},
            "The picks-and-shovels explainer's suppliers with 'more reliable returns': every deal in "
            f"infrastructure at the course's assumptions, {INFRA_ZEROS:.0%} zeros and alpha {INFRA_ALPHA:g}.",
        ),
        "The essay's claim": Preset(
            {**assumed, "infra_percent": 100, "infra_alpha": claim_alpha},
            f"The essay's 'systematic outperformance' as an assumption: every deal in infrastructure, its tail "
            f"fattened to alpha {claim_alpha:g}, just enough for its mean deal to beat applications'.",
        ),
    }
    return WhatIf(
        title="Application bets or infrastructure bets? (Layer parameters: assumptions)",
        controls=[
            _deals_slider(n_deals),
            Slider(
                "infra_percent",
                "Share of deals in infrastructure",
                min=0,
                max=100,
                step=5,
                value=infra_percent,
                suffix="%",
            ),
            _zeros_slider("app_zeros_percent", "Application: share of zeros", round(APP_ZEROS * 100)),
            _alpha_slider("app_alpha", "Application: tail exponent alpha", APP_ALPHA),
            _zeros_slider("infra_zeros_percent", "Infrastructure: share of zeros", round(INFRA_ZEROS * 100)),
            _alpha_slider("infra_alpha", "Infrastructure: tail exponent alpha", INFRA_ALPHA),
        ],
        compute=allocation_outcome,
        chart=_histogram_chart(
            "Application and infrastructure bets together",
            "Histogram of the multiples of simulated portfolios that mix application and infrastructure deals, "
            "on a logarithmic axis from 0.1x to 100x, with vertical lines at the mean (dashed), the median "
            "(solid) and 1x, the money back (dotted).",
        ),
        presets=presets,
        name="allocation",
        twin=_stream_twin("allocation"),
    )


# ---------------------------------------------------------------- calibration against the published buckets


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


CURVE_GRID = np.logspace(0, 2, 41)  # 1x to 100x


def _short(source: str) -> str:
    """``Horsley Bridge (shown by a16z in 2015)`` -> ``Horsley``; ``Correlation Ventures`` -> ``Correlation``."""
    return source.split(" ")[0]


def calibration_outcome(returns: pd.DataFrame, zeros_percent: float, alpha: float) -> Outcome:
    """The model's share of deals at each multiple for one (share of zeros, alpha), beside the published shares."""
    p = zeros_percent / 100
    curve = pd.DataFrame({"multiple": CURVE_GRID, "share": prob_deal_at_least(CURVE_GRID, p, alpha)})
    points = published_at_least(returns)
    readout = {}
    for multiple in sorted(points["multiple"].unique()):
        here = points[points["multiple"] == multiple]
        published = ", ".join(f"{_short(r.source)} {r.share:.1%}" for r in here.itertuples())
        readout[f"{multiple:g}x or more"] = f"model {prob_deal_at_least(multiple, p, alpha):.1%}; {published}"

    def published_range(multiple: float) -> str:
        shares = points[points["multiple"] == multiple]["share"]
        low, high = f"{shares.min():.0%}", f"{shares.max():.0%}"
        return low if low == high else f"{low} to {high}"

    model_ten = float(prob_deal_at_least(HIT, p, alpha))
    takeaway = (
        f"The model puts {model_ten:.1%} of deals at 10x or more (published: {published_range(HIT)}) and "
        f"{1 - p:.0%} at 1x or more (published: {published_range(1.0)})."
    )
    return Outcome(
        {"curve": curve, "points": points},
        readout,
        takeaway=takeaway,
        key=("The model's share of deals at 10x or more (%)", 100 * model_ten),
    )


def _calibration_chart(sources: list[str]) -> alt.TopLevelMixin:
    x = alt.X(
        "multiple:Q",
        scale=alt.Scale(type="log", domain=[1, 100]),
        axis=alt.Axis(
            title="Multiple m (times the money, log scale)",
            values=[1, 2, 5, 10, 20, 50, 100],
            labelExpr="datum.value + 'x'",
            labelFlush=True,
            grid=False,
        ),
    )
    y = alt.Y(
        "share:Q",
        scale=alt.Scale(type="log", domain=[0.001, 1]),
        axis=alt.Axis(
            title="Share of deals at m or more (log)", values=[0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1], format=".1~%"
        ),
    )
    line = alt.Chart(alt.Data(name="curve")).mark_line(clip=True, color=PALETTE[0]).encode(x=x, y=y)
    dots = (
        alt.Chart(alt.Data(name="points"))
        .mark_point(size=90, filled=True, opacity=1, color=PALETTE[1])
        .encode(
            x=x,
            y=y,
            shape=alt.Shape(
                "source:N",
                title="Published",
                scale=alt.Scale(domain=sources, range=["circle", "triangle-up"]),
                legend=alt.Legend(orient="bottom", direction="vertical", labelExpr="split(datum.label, ' (')[0]"),
            ),
        )
    )
    return alt.layer(line, dots).properties(
        title=alt.TitleParams(
            "Deals returning at least m times the money", subtitle="Line: the model; points: published"
        ),
        description=(
            "Log-log chart of the share of deals returning at least a given multiple, from 1x to 100x. "
            "The model's line falls straight, as a power law does; orange points mark the published shares "
            "from Correlation Ventures (circles) and Horsley Bridge (triangles)."
        ),
        width=PLOT_WIDTH,
        height=PLOT_HEIGHT,
    )


def calibration_panel(returns: pd.DataFrame, power_law: pd.DataFrame) -> WhatIf:
    """The calibration panel, bound to ``calibration``: fit the model's two numbers to the published buckets.

    Presets: the teaching default, and the tail fit (Correlation Ventures' alpha
    from 5x to 10x, with the share of zeros that puts its 10x share on the line).
    """
    zeros = 100 * _one(power_law, "share_of_zeros", estimate="teaching default")
    alpha = _one(power_law, "alpha_low", estimate="teaching default")
    measured = _one(power_law, "alpha_low", estimate="from 5x to 10x")
    at_ten = _one(returns, "share_of_deals", source="Correlation Ventures", bucket=">=10x")
    below_one = 100 * _one(returns, "share_of_deals", source="Correlation Ventures", bucket="<1x")
    tail_zeros = 100 * float(zeros_for_share_at(at_ten, HIT, measured))
    presets = {
        "Teaching default": Preset(
            {"zeros_percent": zeros, "alpha": alpha},
            f"The course's teaching default (an assumption): {zeros:.0f}% zeros and alpha {alpha:g}.",
        ),
        "Fitted to the tail": Preset(
            {"zeros_percent": round(tail_zeros), "alpha": measured},
            f"Correlation Ventures' alpha of {measured:g} from 5x to 10x, with {round(tail_zeros)}% zeros "
            f"({tail_zeros:.1f}% rounded) so that {at_ten:.0%} of deals reach 10x, as it counted.",
        ),
        "Every loss a zero": Preset(
            {"zeros_percent": round(below_one), "alpha": measured},
            f"Correlation Ventures' {below_one:.0f}% of deals below 1x counted as zeros, "
            f"with its alpha of {measured:g}: the bottom fits, the tail falls short.",
        ),
    }
    sources = sorted(returns["source"].unique())
    return WhatIf(
        title="Fit the model to the published buckets",
        controls=[
            Slider(
                "zeros_percent", "Share of deals that return nothing", min=0, max=90, step=1, value=zeros, suffix="%"
            ),
            Slider("alpha", "Tail exponent alpha", min=1.1, max=3, step=0.02, value=alpha),
        ],
        compute=lambda zeros_percent, alpha: calibration_outcome(returns, zeros_percent, alpha),
        chart=_calibration_chart(sources),
        presets=presets,
        name="calibration",
        twin=Twin(
            "portfolio",
            "calibration",
            {
                "points": published_at_least(returns).to_dict(orient="records"),
                "curve_grid": CURVE_GRID.tolist(),
            },
        ),
    )
