"""The panels of lesson 05: lifetime value, NRR compounding, and an AI app's margin with heavy users.

Three panels, each a pure ``*_outcome`` function (control values in, chart
datasets, readout and takeaway out) and a ``*_panel`` that binds it to sliders
and named presets. The formulas live in :mod:`utils.models` (``lifetime_value``,
``nrr_revenue``, ``app_gross_margin``, ``app_breakeven_tokens``, ``user_tiers``);
this module only builds controls, outcome tables and charts:

- ``ltv_panel``: LTV = ARPU * gross margin / churn, drawn against monthly churn;
- ``nrr_panel``: R_t = R_0 * NRR^t for an app-like and an infrastructure-like cohort;
- ``app_margin_panel``: gross margin = 1 - (tokens * price + other) / ARPU for
  users who pay the same flat price but use very different numbers of tokens.

Every chart's axes are fixed, so that moving a slider visibly moves the curve
instead of relabeling the axis under it.

``margins.js`` holds each panel's JavaScript twin for the static site (same
names as the ``*_outcome`` functions); ``tests/test_panels_margins.py`` holds
them to these. A change to a formula here or in :mod:`utils.models` needs the
same change there.
"""

from __future__ import annotations

from functools import partial

import altair as alt
import numpy as np
import pandas as pd

from ..charts import PALETTE, money_axis, percent_axis
from ..models import USAGE_SPLITS, app_breakeven_tokens, app_gross_margin, lifetime_value, nrr_revenue, user_tiers
from ..whatif import Dropdown, Outcome, Preset, Slider, Twin, WhatIf

__all__ = [
    "CHURN_GRID",
    "app_margin_outcome",
    "app_margin_panel",
    "ltv_outcome",
    "ltv_panel",
    "nrr_outcome",
    "nrr_panel",
]

MONTHS_PER_YEAR = 12

# --- 1. Lifetime value ---------------------------------------------------------------------------

CHURN_GRID = np.linspace(0.005, 0.10, 191)  # monthly churn from 0.5% to 10%, the slider's range
LTV_TOP = 300_000.0  # the LTV axis is fixed at $0 to $300,000; a curve above it is cut, the diamond kept at the top
APP_CHURN_PERCENT = 5.0  # a month: the ASSUMED churn of an app with low switching costs (lesson 05, section 4)


def ltv_outcome(arpu: float, margin_percent: float, churn_percent: float, benchmark_annual_churn: float) -> Outcome:
    """LTV across monthly churn, the chosen customer on the curve, and a churn benchmark.

    ARPU and churn are both per month, so LTV = ARPU * margin / churn and the
    expected life is 1 / churn months. The annual benchmark is drawn at
    ``benchmark_annual_churn / 12`` a month, the same rate per month. The
    course's benchmark is KeyBanc's median gross *dollar* churn; the model
    needs *customer* churn, so drawing one on the other's axis is a course
    assumption (customers of similar size), and the label says "dollar churn".
    """
    margin = margin_percent / 100
    churn = churn_percent / 100
    ltv = float(lifetime_value(arpu, margin, churn))
    life_months = 1 / churn
    benchmark_monthly = benchmark_annual_churn / MONTHS_PER_YEAR
    at_benchmark = float(lifetime_value(arpu, margin, benchmark_monthly))
    curve = pd.DataFrame({"churn": CHURN_GRID, "ltv": lifetime_value(arpu, margin, CHURN_GRID)})
    customer = pd.DataFrame({"churn": [churn], "ltv": [ltv], "shown": [min(ltv, LTV_TOP)]})
    benchmark = pd.DataFrame(
        {
            "churn": [benchmark_monthly],
            "label": [f"median SaaS dollar churn, {benchmark_annual_churn:.0%} a year"],
        }
    )
    return Outcome(
        {"curve": curve, "customer": customer, "benchmark": benchmark},
        {
            "Lifetime value (LTV)": f"${ltv:,.0f} of gross profit per customer",
            "Expected customer life": f"{life_months:,.1f} months ({life_months / MONTHS_PER_YEAR:,.1f} years)",
            "Gross profit per month": f"${arpu * margin:,.0f} (ARPU ${arpu:,.0f} x margin {margin:.0%})",
        },
        takeaway=(
            f"This customer brings ${ltv:,.0f} of gross profit over {life_months / MONTHS_PER_YEAR:,.1f} years; "
            f"at the SaaS median churn ({benchmark_monthly:.2%} a month) it would bring ${at_benchmark:,.0f}."
        ),
        key=("Lifetime value (USD of gross profit per customer)", ltv),
    )


def _ltv_chart() -> alt.LayerChart:
    x = alt.X(
        "churn:Q",
        axis=alt.Axis(title="Churn (share of customers lost per month)", format=".0%"),
        scale=alt.Scale(domain=[0, float(CHURN_GRID[-1])]),
    )
    y = alt.Y("ltv:Q", axis=money_axis("LTV (USD of gross profit)"), scale=alt.Scale(domain=[0, LTV_TOP]))
    curve = alt.Chart(alt.Data(name="curve")).mark_line(color=PALETTE[0], clip=True).encode(x=x, y=y)
    customer = (
        alt.Chart(alt.Data(name="customer"))
        .mark_point(size=120, filled=True, color=PALETTE[1], shape="diamond")
        .encode(
            x=x,
            y=alt.Y("shown:Q"),
            tooltip=[alt.Tooltip("churn:Q", format=".1%"), alt.Tooltip("ltv:Q", title="LTV", format="$,.0f")],
        )
    )
    rule = alt.Chart(alt.Data(name="benchmark")).mark_rule(color="#000000", strokeDash=[2, 2]).encode(x=x)
    label = (
        alt.Chart(alt.Data(name="benchmark"))
        .mark_text(align="left", dx=4, y=8, color="#000000")
        .encode(x=x, text="label:N")
    )
    return (curve + rule + label + customer).properties(
        title="Lifetime value against monthly churn",
        description=(
            "Line chart of lifetime value in US dollars of gross profit against monthly churn from 0.5 to "
            "10 percent, on axes fixed at 0 to 300,000 dollars and 0 to 10 percent. The curve falls steeply at "
            "low churn and flattens at high churn: halving churn doubles lifetime value. A diamond marks the "
            "chosen customer; a dotted vertical line marks the median yearly dollar churn of private SaaS "
            "companies, expressed per month."
        ),
        width=440,
        height=250,
    )


def ltv_panel(
    benchmark_annual_churn: float, *, arpu: float = 1000, margin_percent: float = 75, churn_percent: float = 2.0
) -> WhatIf:
    """LTV from monthly ARPU, gross margin and monthly customer churn, with an annual dollar-churn benchmark marked.

    The presets: the lesson's worked example (the starting values, assumptions);
    the same customer at the benchmark churn per month, rounded to the slider's
    0.1 %; and the same customer at the churn the lesson assumes for an app.
    """
    benchmark_percent = round(100 * benchmark_annual_churn / MONTHS_PER_YEAR, 1)
    start = {"arpu": arpu, "margin_percent": margin_percent, "churn_percent": churn_percent}
    presets = {
        "Worked example": Preset(
            start,
            f"The lesson's worked example, all assumptions: ${arpu:,.0f} a month at a {margin_percent:.0f}% "
            f"margin, {churn_percent:g}% of customers lost a month.",
        ),
        "Embedded": Preset(
            {**start, "churn_percent": benchmark_percent},
            f"KeyBanc's median SaaS dollar churn, {benchmark_annual_churn:.0%} a year, about {benchmark_percent:g}% "
            "a month on the slider, used as customer churn: an assumption.",
        ),
        "Easy to leave": Preset(
            {**start, "churn_percent": APP_CHURN_PERCENT},
            f"The same customer of an app anyone can leave: {APP_CHURN_PERCENT:g}% a month, as the lesson assumes.",
        ),
    }
    return WhatIf(
        title="Lifetime value: move the sliders",
        controls=[
            Slider(
                "arpu",
                "ARPU",
                min=10,
                max=2000,
                step=10,
                value=arpu,
                prefix="$",
                suffix=" a month",
            ),
            Slider("margin_percent", "Gross margin", min=0, max=100, step=1, value=margin_percent, suffix="%"),
            Slider(
                "churn_percent",
                "Churn",
                min=0.5,
                max=10,
                step=0.1,
                value=churn_percent,
                suffix="% a month",
            ),
        ],
        compute=partial(ltv_outcome, benchmark_annual_churn=benchmark_annual_churn),
        chart=_ltv_chart(),
        presets=presets,
        name="panel_ltv",
        twin=Twin(
            "margins",
            "ltv_outcome",
            params={
                "benchmark_annual_churn": benchmark_annual_churn,
                "churn_grid": [float(CHURN_GRID[0]), float(CHURN_GRID[-1]), len(CHURN_GRID)],
                "ltv_top": LTV_TOP,
                "months_per_year": MONTHS_PER_YEAR,
            },
        ),
    )


# --- 2. Net revenue retention -------------------------------------------------------------------

START = 100.0  # a cohort's revenue in year 0, an index rather than dollars
APP = "App-like (low switching costs)"
INFRA = "Infrastructure-like (embedded)"
MAX_YEARS = 10
NRR_TOP = 500.0  # the revenue axis is fixed at 0 to 500 (and the years at 0 to 10); a line above it is cut


def nrr_outcome(app_nrr_percent: float, infra_nrr_percent: float, years: int) -> Outcome:
    """Revenue of two cohorts that start at 100, year by year, each at its own NRR."""
    t = np.arange(int(years) + 1)
    app = np.asarray(nrr_revenue(START, app_nrr_percent / 100, t))
    infra = np.asarray(nrr_revenue(START, infra_nrr_percent / 100, t))
    cohorts = pd.concat(
        [
            pd.DataFrame({"year": t, "cohort": APP, "revenue": app}),
            pd.DataFrame({"year": t, "cohort": INFRA, "revenue": infra}),
        ]
    )
    n = int(years)
    ratio = float(infra[-1] / app[-1])
    return Outcome(
        {"cohorts": cohorts},
        {
            f"App-like cohort after {n} years": f"{app[-1]:,.1f} (from 100, NRR {app_nrr_percent:.0f}%)",
            f"Infrastructure-like cohort after {n} years": f"{infra[-1]:,.1f} (from 100, NRR {infra_nrr_percent:.0f}%)",
            "Infrastructure-like ÷ app-like": f"{ratio:,.2f}x",
        },
        takeaway=(
            f"After {n} years the infrastructure-like cohort brings in {ratio:,.2f} times the app-like cohort's "
            f"revenue: {infra[-1]:,.1f} against {app[-1]:,.1f}."
        ),
        key=("Infrastructure-like ÷ app-like revenue at the horizon (times)", ratio),
    )


def _nrr_chart() -> alt.Chart:
    domain = [APP, INFRA]
    return (
        alt.Chart(alt.Data(name="cohorts"))
        .mark_line(point=alt.OverlayMarkDef(size=60, filled=True), clip=True)
        .encode(
            x=alt.X(
                "year:Q",
                axis=alt.Axis(title="Years since the cohort signed", format="d", tickMinStep=1),
                scale=alt.Scale(domain=[0, MAX_YEARS]),
            ),
            y=alt.Y(
                "revenue:Q",
                axis=alt.Axis(title="Cohort revenue (index, year 0 = 100)", format=",.0f"),
                scale=alt.Scale(domain=[0, NRR_TOP]),
            ),
            color=alt.Color("cohort:N", title=None, scale=alt.Scale(domain=domain, range=[PALETTE[1], PALETTE[0]])),
            strokeDash=alt.StrokeDash("cohort:N", title=None, scale=alt.Scale(domain=domain, range=[[6, 3], [1, 0]])),
            shape=alt.Shape("cohort:N", title=None, scale=alt.Scale(domain=domain, range=["circle", "square"])),
            tooltip=[alt.Tooltip("cohort:N"), alt.Tooltip("year:Q"), alt.Tooltip("revenue:Q", format=",.1f")],
        )
        .properties(
            title="Two cohorts, two rates of NRR",
            description=(
                "Line chart of two customer cohorts' revenue by year, both starting at 100 in year 0, on axes "
                "fixed at 0 to 10 years and 0 to 500. Each year the app-like cohort (dashed line, circles) is "
                "multiplied by its NRR and the infrastructure-like cohort (solid line, squares) by its own. "
                "The gap widens every year; a line that leaves the top of the chart is cut there."
            ),
            width=440,
            height=250,
        )
        .configure_legend(orient="bottom", direction="vertical")
    )


def nrr_panel(median: tuple[float, float], healthy: tuple[float, float], years: int = 5) -> WhatIf:
    """Revenue by year of an app-like and an infrastructure-like cohort, each at its own NRR.

    ``median`` is the low and high end of the median NRR of private SaaS, and
    ``healthy`` the range counted healthy for usage-based infrastructure, both
    as ratios (1.15 for 115 %), as ``data/unit_economics.csv`` gives them. The
    app-like cohort starts at the median's low end (the sources give no NRR for
    AI apps: generous for an app users leave easily), the infrastructure-like
    one at the low end of healthy.
    """
    median_low, median_high = (round(100 * v) for v in median)
    healthy_low, healthy_high = (round(100 * v) for v in healthy)
    start = {"app_nrr_percent": median_low, "infra_nrr_percent": healthy_low, "years": years}
    presets = {
        "The lesson's start": Preset(
            start,
            f"The app at the SaaS median's low end ({median_low}%), infrastructure at the low end of "
            f"'healthy' ({healthy_low}%).",
        ),
        "Top of healthy": Preset(
            {**start, "infra_nrr_percent": healthy_high},
            f"Infrastructure at the top of the {healthy_low}-{healthy_high}% counted healthy, a rule of thumb "
            "with no recorded publisher.",
        ),
        "Five points, ten years": Preset(
            {"app_nrr_percent": median_low, "infra_nrr_percent": median_high, "years": MAX_YEARS},
            f"The two ends of SaaS Capital's median, {median_low}% and {median_high}%, over ten years.",
        ),
    }
    return WhatIf(
        title="Net revenue retention: move the sliders",
        controls=[
            Slider("app_nrr_percent", "App-like NRR", min=50, max=160, step=1, value=median_low, suffix="% a year"),
            Slider(
                "infra_nrr_percent",
                "Infrastructure-like NRR",
                min=50,
                max=160,
                step=1,
                value=healthy_low,
                suffix="% a year",
            ),
            Slider("years", "Years", min=1, max=MAX_YEARS, step=1, value=years, suffix=" years"),
        ],
        compute=nrr_outcome,
        chart=_nrr_chart(),
        presets=presets,
        name="panel_nrr",
        twin=Twin("margins", "nrr_outcome", params={"start": START, "app": APP, "infra": INFRA}),
    )


# --- 3. The AI app's margin with heavy users ----------------------------------------------------

DEFAULT_SPLIT = "Heavy skew"
PROFIT, LOSS = "served at a profit", "served at a loss"
TOKENS_RIGHT = 20.0  # the tokens axis is fixed at 0 to 20 million a user a month (the slider's top)
MARGIN_AXIS = (-2.0, 1.0)  # and the margin axis at -200% to 100%; a tier beyond either sits on the edge, labeled so
LINE_POINTS = 121  # points of the margin line across the tokens axis


def app_margin_outcome(
    arpu: float, price_per_million: float, other_cost: float, tokens_per_user: float, split: str
) -> Outcome:
    """Margin of each user tier on one flat price, the blended margin, and where margin hits zero."""
    tiers = user_tiers(split, tokens_per_user)
    tiers["margin"] = app_gross_margin(arpu, tiers["tokens"].to_numpy(), price_per_million, other_cost)
    tiers["status"] = np.where(tiers["margin"] < 0, LOSS, PROFIT)
    # Where each tier is drawn: on the chart, or on its edge when off it (its label then says so).
    tiers["x"] = tiers["tokens"].clip(upper=TOKENS_RIGHT)
    tiers["y"] = tiers["margin"].clip(*MARGIN_AXIS)
    off = (tiers["x"] != tiers["tokens"]) | (tiers["y"] != tiers["margin"])
    tiers["label"] = [
        f"{row.tier}: {row.share_of_users:.0%} of users" + (f", margin {row.margin:,.0%}" if away else "")
        for row, away in zip(tiers.itertuples(), off, strict=True)
    ]
    tiers["label_left"] = tiers["x"] > 0.6 * TOKENS_RIGHT  # labels near the right edge go to the point's left
    # Everyone pays the same ARPU, so the blended margin is the user-weighted average of the tiers' margins.
    blended = float(np.average(tiers["margin"], weights=tiers["share_of_users"]))
    at_loss = float(tiers.loc[tiers["margin"] < 0, "share_of_users"].sum())
    zero_at = float(app_breakeven_tokens(arpu, price_per_million, other_cost))

    grid = np.linspace(0.0, TOKENS_RIGHT, LINE_POINTS)
    line = pd.DataFrame({"tokens": grid, "margin": app_gross_margin(arpu, grid, price_per_million, other_cost)})
    average = pd.DataFrame({"tokens": [tokens_per_user], "margin": [blended]})
    rule = pd.DataFrame({"tokens": [zero_at] if 0 < zero_at <= TOKENS_RIGHT else []})
    rule["label_left"] = rule["tokens"] > 0.15 * TOKENS_RIGHT  # room for the label left of the line, below zero

    heaviest = tiers.iloc[-1]
    heaviest_bill = float(heaviest["tokens"]) * price_per_million
    token_spend = tokens_per_user * price_per_million
    left = arpu - token_spend - other_cost
    if at_loss == 0:
        takeaway = (
            f"No user is served at a loss: the blended margin is {blended:.1%}, and the heaviest users "
            f"still keep {heaviest['margin']:,.0%}."
        )
    elif at_loss >= 1:
        takeaway = f"Every user is served at a loss: the blended margin is {blended:,.1%}."
    else:
        takeaway = (
            f"A blended margin of {blended:,.1%} hides {at_loss:.0%} of users served at a loss: a "
            f"{heaviest['tier'].lower()} user's tokens cost ${heaviest_bill:,.2f} on a ${arpu:,.2f} plan."
        )
    return Outcome(
        {"line": line, "tiers": tiers, "average": average, "breakeven": rule},
        {
            "Blended gross margin": f"{blended:,.1%}",
            "Users served at a loss": f"{at_loss:.0%} of users",
            "Margin hits zero at": (
                "no usage at all: other costs alone use up ARPU"
                if zero_at <= 0
                else f"{zero_at:,.2f} million tokens a user ({zero_at / tokens_per_user:,.1f}x the average)"
            ),
            f"The average user's ${arpu:,.2f}": (
                f"${token_spend:,.2f} tokens + ${other_cost:,.2f} other costs "
                + (f"+ ${left:,.2f} left to the app" if left >= 0 else f"- ${-left:,.2f}, the app's loss")
            ),
            f"Heaviest tier ({heaviest['tier']})": (
                f"{heaviest['share_of_users']:.0%} of users, {heaviest['share_of_tokens']:.0%} of tokens, "
                f"margin {heaviest['margin']:,.0%}"
            ),
        },
        takeaway=takeaway,
        key=("Blended gross margin (%)", 100 * blended),
    )


def _app_margin_chart() -> alt.LayerChart:
    axis_x = alt.Axis(title="Tokens per user (millions a month)", format=",~r")
    axis_y = percent_axis("Gross margin on that user")
    x_scale = alt.Scale(domain=[0, TOKENS_RIGHT])
    y_scale = alt.Scale(domain=list(MARGIN_AXIS))
    x = alt.X("tokens:Q", axis=axis_x, scale=x_scale)
    y = alt.Y("margin:Q", axis=axis_y, scale=y_scale)
    colors = alt.Scale(domain=[PROFIT, LOSS], range=[PALETTE[0], PALETTE[1]])
    shapes = alt.Scale(domain=[PROFIT, LOSS], range=["circle", "triangle-down"])
    line = alt.Chart(alt.Data(name="line")).mark_line(color="#555555", strokeWidth=2, clip=True).encode(x=x, y=y)
    zero = alt.Chart(alt.Data(values=[{}])).mark_rule(color="#000000", strokeWidth=1, aria=False).encode(y=alt.datum(0))
    # Hidden from screen readers, as the zero line is: the chart's description, the "break-even" label and the
    # readout say where it is; and Vega gives an empty rule (break-even off the chart) an image role with no
    # name, which axe reports (svg-img-alt).
    rule = alt.Chart(alt.Data(name="breakeven")).mark_rule(color="#000000", strokeDash=[2, 2], aria=False).encode(x=x)

    def rule_label(left: bool) -> alt.Chart:
        # Left of the break-even and below zero nothing is ever drawn: every tier there earns a profit.
        return (
            alt.Chart(alt.Data(name="breakeven"))
            .transform_filter("datum.label_left" if left else "!datum.label_left")
            .mark_text(
                align="right" if left else "left", dx=-4 if left else 4, dy=12, text="break-even", color="#000000"
            )
            .encode(x=x, y=alt.datum(0))
        )

    tiers_x = alt.X("x:Q", axis=axis_x, scale=x_scale)
    tiers_y = alt.Y("y:Q", axis=axis_y, scale=y_scale)
    tiers = (
        alt.Chart(alt.Data(name="tiers"))
        .mark_point(filled=True, opacity=0.9)
        .encode(
            x=tiers_x,
            y=tiers_y,
            color=alt.Color("status:N", title=None, scale=colors),
            shape=alt.Shape("status:N", title=None, scale=shapes),
            size=alt.Size(
                "share_of_users:Q", title="Share of users", legend=None, scale=alt.Scale(domain=[0, 1], range=[40, 800])
            ),
            tooltip=[
                alt.Tooltip("label:N", title="Tier"),
                alt.Tooltip("tokens:Q", format=",.2f"),
                alt.Tooltip("margin:Q", format=".1%"),
            ],
        )
    )

    def tier_labels(left: bool) -> alt.Chart:
        return (
            alt.Chart(alt.Data(name="tiers"))
            .transform_filter("datum.label_left" if left else "!datum.label_left")
            .mark_text(align="right" if left else "left", dx=-12 if left else 12, dy=-10, fontSize=11)
            .encode(x=tiers_x, y=tiers_y, text="label:N")
        )

    average = (
        alt.Chart(alt.Data(name="average"))
        .mark_point(shape="diamond", size=140, filled=True, color="#000000")
        .encode(x=x, y=y, tooltip=[alt.Tooltip("margin:Q", title="Blended margin", format=".1%")])
    )
    layers = [line, zero, rule, rule_label(True), rule_label(False), tiers, tier_labels(True), tier_labels(False)]
    return (
        alt.layer(*layers, average)
        .properties(
            title=alt.TitleParams(
                "One flat price, very different users",
                subtitle="Black diamond: the average user. Dotted line: break-even.",
            ),
            description=(
                "Gross margin per user against the user's tokens a month, in millions, on axes fixed at 0 to 20 "
                "million tokens and minus 200 to 100 percent. A gray line falls straight from the margin with no "
                "tokens; it crosses zero at the dotted break-even line. Dots mark user tiers, sized by their "
                "share of users: circles are served at a profit, downward triangles at a loss; a tier beyond "
                "the axes sits on the edge and its label gives its margin. A black diamond marks the average "
                "user, whose margin is the blended margin of the whole app."
            ),
            width=440,
            height=270,
        )
        .configure_legend(orient="bottom")
    )


def _app_margin_params() -> dict[str, object]:
    """The twin's fixed inputs: the usage splits (``USAGE_SPLITS``) and the chart's fixed axes, JSON-ready."""
    return {
        "splits": {
            name: [[t.name, t.share_of_users, t.relative_usage] for t in tiers] for name, tiers in USAGE_SPLITS.items()
        },
        "tokens_right": TOKENS_RIGHT,
        "margin_axis": list(MARGIN_AXIS),
        "line_points": LINE_POINTS,
        "profit": PROFIT,
        "loss": LOSS,
    }


def app_margin_panel(
    arpu: float = 20,
    price_per_million: float = 3.0,
    other_cost: float = 1.0,
    tokens_per_user: float = 2.0,
    split: str = DEFAULT_SPLIT,
    *,
    fast_growing_margin: float,
) -> WhatIf:
    """Gross margin of an AI app whose users pay one flat price but use very different numbers of tokens.

    The defaults are the lesson's worked example, all teaching assumptions.
    ``fast_growing_margin`` is Bessemer's gross margin of fast-growing AI apps
    (``data/unit_economics.csv``; the lesson passes it): a preset raises the
    average tokens until the blended margin comes nearest to it on the slider.
    """
    start = {
        "arpu": arpu,
        "price_per_million": price_per_million,
        "other_cost": other_cost,
        "tokens_per_user": tokens_per_user,
        "split": split,
    }
    # Tokens at which the blended margin (the average user's) is the target, on the slider's 0.1 grid.
    fast_tokens = round((arpu * (1 - fast_growing_margin) - other_cost) / price_per_million, 1)
    presets = {
        "Lesson's app": Preset(
            start,
            f"The lesson's assumed app: ${arpu:,.0f} a month, {tokens_per_user:g} million tokens a user at "
            f"${price_per_million:,.2f} a million, {split.lower()}.",
        ),
        "Fast-growing app": Preset(
            {**start, "tokens_per_user": fast_tokens},
            f"Bessemer (2025) puts fast-growing AI apps near a {fast_growing_margin:.0%} gross margin: the "
            f"lesson's app gets there at {fast_tokens:g} million tokens a user (assumed).",
        ),
        "Extreme skew": Preset(
            {**start, "split": "Extreme skew"},
            "The same average usage, spread more unevenly (assumed): the blended margin cannot tell the difference.",
        ),
    }
    return WhatIf(
        title="The AI app's margin squeeze (all inputs assumed)",
        controls=[
            Slider(
                "arpu",
                "Subscription (ARPU)",
                min=5,
                max=100,
                step=1,
                value=arpu,
                prefix="$",
                suffix=" a month",
            ),
            Slider(
                "price_per_million",
                "Token price",
                min=0.25,
                max=15,
                step=0.25,
                value=price_per_million,
                prefix="$",
                suffix=" per million tokens",
            ),
            Slider(
                "other_cost",
                "Other costs",
                min=0,
                max=5,
                step=0.25,
                value=other_cost,
                prefix="$",
                suffix=" a month",
            ),
            Slider(
                "tokens_per_user",
                "Average tokens",
                min=0.1,
                max=20,
                step=0.1,
                value=tokens_per_user,
                suffix=" million a month",
            ),
            Dropdown("split", "Usage spread (assumption)", {name: name for name in USAGE_SPLITS}, split),
        ],
        compute=app_margin_outcome,
        chart=_app_margin_chart(),
        presets=presets,
        name="panel_margin",
        twin=Twin("margins", "app_margin_outcome", params=_app_margin_params()),
    )
