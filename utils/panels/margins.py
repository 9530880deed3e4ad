"""The panels of lesson 05: lifetime value, NRR compounding, and an AI app's margin with heavy users.

Three panels, each a pure ``*_outcome`` function (control values in, chart
datasets and readout out) and a ``*_panel`` that binds it to sliders:

- ``ltv_panel``: LTV = ARPU * gross margin / churn, drawn against monthly churn;
- ``nrr_panel``: R_t = R_0 * NRR^t for an app-like and an infrastructure-like cohort;
- ``app_margin_panel``: gross margin = 1 - (tokens * price + other) / ARPU for
  users who pay the same flat price but use very different numbers of tokens.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

import altair as alt
import numpy as np
import pandas as pd

from ..charts import PALETTE, money_axis, percent_axis
from ..models import app_breakeven_tokens, app_gross_margin, lifetime_value, nrr_revenue
from ..whatif import Dropdown, Outcome, Slider, WhatIf

MONTHS_PER_YEAR = 12

# --- 1. Lifetime value ---------------------------------------------------------------------------

CHURN_GRID = np.linspace(0.005, 0.10, 191)  # monthly churn from 0.5% to 10%, the slider's range


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
    ltv = lifetime_value(arpu, margin, churn)
    life_months = 1 / churn
    curve = pd.DataFrame({"churn": CHURN_GRID, "ltv": lifetime_value(arpu, margin, CHURN_GRID)})
    customer = pd.DataFrame({"churn": [churn], "ltv": [ltv]})
    benchmark = pd.DataFrame(
        {
            "churn": [benchmark_annual_churn / MONTHS_PER_YEAR],
            "label": [f"median SaaS dollar churn, {benchmark_annual_churn:.0%} a year"],
        }
    )
    return Outcome(
        {"curve": curve, "customer": customer, "benchmark": benchmark},
        {
            "Lifetime value (LTV)": f"${ltv:,.0f} of gross profit per customer",
            "Expected customer life": f"{life_months:.1f} months ({life_months / MONTHS_PER_YEAR:.1f} years)",
            "Gross profit per month": f"${arpu * margin:,.0f} (ARPU ${arpu:,.0f} x margin {margin:.0%})",
        },
    )


def _ltv_chart() -> alt.LayerChart:
    x = alt.X(
        "churn:Q",
        axis=alt.Axis(title="Churn (share of customers lost per month)", format=".0%"),
        scale=alt.Scale(domain=[0, float(CHURN_GRID[-1])]),
    )
    y = alt.Y("ltv:Q", axis=money_axis("LTV per customer (USD of gross profit)"))
    curve = alt.Chart(alt.Data(name="curve")).mark_line(color=PALETTE[0]).encode(x=x, y=y)
    customer = (
        alt.Chart(alt.Data(name="customer"))
        .mark_point(size=120, filled=True, color=PALETTE[1], shape="diamond")
        .encode(x=x, y=y)
    )
    rule = alt.Chart(alt.Data(name="benchmark")).mark_rule(color="#000000", strokeDash=[2, 2]).encode(x=x)
    label = (
        alt.Chart(alt.Data(name="benchmark"))
        .mark_text(align="left", dx=4, y=8, color="#000000")
        .encode(x=x, text="label:N")
    )
    return (curve + rule + label + customer).properties(
        title="Lifetime value falls steeply as churn rises",
        description=(
            "Line chart of lifetime value in US dollars of gross profit against monthly churn from 0.5 to "
            "10 percent. The curve falls steeply at low churn and flattens at high churn: halving churn "
            "doubles lifetime value. A diamond marks the chosen customer; a dotted vertical line marks the "
            "median yearly dollar churn of private SaaS companies, expressed per month."
        ),
        width=480,
        height=260,
    )


def ltv_panel(
    benchmark_annual_churn: float, arpu: float = 1000, margin_percent: float = 75, churn_percent: float = 2.0
) -> WhatIf:
    """LTV from monthly ARPU, gross margin and monthly customer churn, with an annual dollar-churn benchmark marked."""
    return WhatIf(
        title="Lifetime value: move the sliders",
        controls=[
            Slider("arpu", "ARPU (revenue per customer)", 10, 2000, 10, arpu, "$", " a month"),
            Slider("margin_percent", "Gross margin", 0, 100, 1, margin_percent, suffix="%"),
            Slider("churn_percent", "Churn", 0.5, 10, 0.1, churn_percent, suffix="% of customers a month"),
        ],
        compute=partial(ltv_outcome, benchmark_annual_churn=benchmark_annual_churn),
        chart=_ltv_chart(),
    )


# --- 2. Net revenue retention -------------------------------------------------------------------

START = 100.0  # a cohort's revenue in year 0, an index rather than dollars
APP = "App-like (low switching costs)"
INFRA = "Infrastructure-like (embedded in production)"


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
    return Outcome(
        {"cohorts": cohorts},
        {
            f"App-like cohort after {n} years": f"{app[-1]:,.1f} (from 100, NRR {app_nrr_percent:.0f}%)",
            f"Infrastructure-like cohort after {n} years": f"{infra[-1]:,.1f} (from 100, NRR {infra_nrr_percent:.0f}%)",
            "Infrastructure-like ÷ app-like": f"{infra[-1] / app[-1]:,.2f}x" if app[-1] > 0 else "app cohort is gone",
        },
    )


def _nrr_chart() -> alt.Chart:
    domain = [APP, INFRA]
    return (
        alt.Chart(alt.Data(name="cohorts"))
        .mark_line(point=alt.OverlayMarkDef(size=70, filled=True))
        .encode(
            x=alt.X("year:Q", axis=alt.Axis(title="Years since the cohort signed", format="d", tickMinStep=1)),
            y=alt.Y("revenue:Q", axis=alt.Axis(title="Cohort revenue (index, year 0 = 100)", format=",.0f")),
            color=alt.Color("cohort:N", title=None, scale=alt.Scale(domain=domain, range=[PALETTE[1], PALETTE[0]])),
            strokeDash=alt.StrokeDash("cohort:N", title=None, scale=alt.Scale(domain=domain, range=[[6, 3], [1, 0]])),
            shape=alt.Shape("cohort:N", title=None, scale=alt.Scale(domain=domain, range=["circle", "square"])),
            tooltip=[alt.Tooltip("cohort:N"), alt.Tooltip("year:Q"), alt.Tooltip("revenue:Q", format=",.1f")],
        )
        .properties(
            title="Two cohorts compounding at different net revenue retention",
            description=(
                "Line chart of two customer cohorts' revenue by year, both starting at 100 in year 0. "
                "Each year the app-like cohort (dashed line, circles) is multiplied by its NRR and the "
                "infrastructure-like cohort (solid line, squares) by its own. The gap widens every year."
            ),
            width=480,
            height=260,
        )
    )


def nrr_panel(app_nrr_percent: float, infra_nrr_percent: float, years: int = 5) -> WhatIf:
    """Revenue by year of an app-like and an infrastructure-like cohort, each at its own NRR."""
    return WhatIf(
        title="Net revenue retention: move the sliders",
        controls=[
            Slider("app_nrr_percent", "App-like NRR", 50, 160, 1, app_nrr_percent, suffix="% a year"),
            Slider("infra_nrr_percent", "Infrastructure-like NRR", 50, 160, 1, infra_nrr_percent, suffix="% a year"),
            Slider("years", "Years", 1, 10, 1, years, suffix=" years"),
        ],
        compute=nrr_outcome,
        chart=_nrr_chart(),
    )


# --- 3. The AI app's margin with heavy users ----------------------------------------------------


@dataclass(frozen=True)
class Tier:
    """A group of users: its share of all users and its usage relative to the average user."""

    name: str
    share_of_users: float
    relative_usage: float


# How usage spreads across users: a teaching ASSUMPTION, not sourced. Each split
# averages exactly 1 (shares times relative usage sum to 1), so the average user
# always uses the "tokens per user" the slider sets.
USAGE_SPLITS: dict[str, tuple[Tier, ...]] = {
    "Everyone uses the average": (Tier("Everyone", 1.00, 1.0),),
    "Mild skew": (Tier("Light", 0.50, 0.5), Tier("Regular", 0.40, 1.25), Tier("Heavy", 0.10, 2.5)),
    "Heavy skew": (
        Tier("Light", 0.50, 0.25),
        Tier("Regular", 0.30, 1.0),
        Tier("Heavy", 0.15, 2.0),
        Tier("Power", 0.05, 5.5),
    ),
    "Extreme skew": (
        Tier("Light", 0.70, 0.2),
        Tier("Regular", 0.15, 1.0),
        Tier("Heavy", 0.10, 3.5),
        Tier("Power", 0.05, 7.2),
    ),
}
DEFAULT_SPLIT = "Heavy skew"
PROFIT, LOSS = "served at a profit", "served at a loss"


def user_tiers(split: str, tokens_per_user: float) -> pd.DataFrame:
    """The tiers of a usage split: share of users, tokens each (millions a month), share of all tokens."""
    tiers = USAGE_SPLITS[split]
    shares = np.array([tier.share_of_users for tier in tiers])
    relative = np.array([tier.relative_usage for tier in tiers])
    return pd.DataFrame(
        {
            "tier": [tier.name for tier in tiers],
            "share_of_users": shares,
            "tokens": tokens_per_user * relative,
            "share_of_tokens": shares * relative / np.sum(shares * relative),
        }
    )


def app_margin_outcome(
    arpu: float, price_per_million: float, other_cost: float, tokens_per_user: float, split: str
) -> Outcome:
    """Margin of each user tier on one flat price, the blended margin, and where margin hits zero."""
    tiers = user_tiers(split, tokens_per_user)
    tiers["margin"] = app_gross_margin(arpu, tiers["tokens"].to_numpy(), price_per_million, other_cost)
    tiers["status"] = np.where(tiers["margin"] < 0, LOSS, PROFIT)
    tiers["label"] = [f"{row.tier}: {row.share_of_users:.0%} of users" for row in tiers.itertuples()]
    # Everyone pays the same ARPU, so the blended margin is the user-weighted average of the tiers' margins.
    blended = float(np.average(tiers["margin"], weights=tiers["share_of_users"]))
    at_loss = float(tiers.loc[tiers["margin"] < 0, "share_of_users"].sum())
    zero_at = app_breakeven_tokens(arpu, price_per_million, other_cost)

    x_max = max(float(tiers["tokens"].max()), zero_at) * 1.15
    grid = np.linspace(0.0, x_max, 120)
    line = pd.DataFrame({"tokens": grid, "margin": app_gross_margin(arpu, grid, price_per_million, other_cost)})
    average = pd.DataFrame({"tokens": [tokens_per_user], "margin": [blended], "label": ["average user"]})
    rule = pd.DataFrame({"tokens": [zero_at] if zero_at > 0 else []})

    heaviest = tiers.iloc[-1]
    token_spend = tokens_per_user * price_per_million
    left = arpu - token_spend - other_cost
    return Outcome(
        {"line": line, "tiers": tiers, "average": average, "breakeven": rule},
        {
            "Blended gross margin": f"{blended:.1%}",
            "Users served at a loss": f"{at_loss:.0%} of users",
            "Margin hits zero at": (
                "no usage at all: other costs alone use up ARPU"
                if zero_at <= 0
                else f"{zero_at:,.2f} million tokens a user a month ({zero_at / tokens_per_user:.1f}x the average)"
            ),
            f"Where the average user's ${arpu:,.2f} goes": (
                f"${token_spend:,.2f} tokens (to whoever serves the model) + ${other_cost:,.2f} other costs "
                + (f"+ ${left:,.2f} left to the app" if left >= 0 else f"- ${-left:,.2f}, the app's loss")
            ),
            f"Heaviest tier ({heaviest['tier']})": (
                f"{heaviest['share_of_users']:.0%} of users, {heaviest['share_of_tokens']:.0%} of tokens, "
                f"margin {heaviest['margin']:.0%}"
            ),
        },
    )


def _app_margin_chart() -> alt.LayerChart:
    x = alt.X("tokens:Q", axis=alt.Axis(title="Tokens per user (millions a month)", format=",~r"))
    y = alt.Y("margin:Q", axis=percent_axis("Gross margin on that user"))
    colors = alt.Scale(domain=[PROFIT, LOSS], range=[PALETTE[0], PALETTE[1]])
    shapes = alt.Scale(domain=[PROFIT, LOSS], range=["circle", "triangle-down"])
    line = alt.Chart(alt.Data(name="line")).mark_line(color="#555555", strokeWidth=2).encode(x=x, y=y)
    zero = alt.Chart(alt.Data(values=[{}])).mark_rule(color="#000000", strokeWidth=1, aria=False).encode(y=alt.datum(0))
    rule = alt.Chart(alt.Data(name="breakeven")).mark_rule(color="#000000", strokeDash=[2, 2]).encode(x=x)
    rule_label = (
        alt.Chart(alt.Data(name="breakeven"))
        .mark_text(align="left", dx=4, y=8, text="break-even", color="#000000")
        .encode(x=x)
    )
    tiers = (
        alt.Chart(alt.Data(name="tiers"))
        .mark_point(filled=True, opacity=0.9)
        .encode(
            x=x,
            y=y,
            color=alt.Color("status:N", title=None, scale=colors),
            shape=alt.Shape("status:N", title=None, scale=shapes),
            size=alt.Size("share_of_users:Q", title="Share of users", legend=None, scale=alt.Scale(range=[60, 600])),
            tooltip=[
                alt.Tooltip("label:N", title="Tier"),
                alt.Tooltip("tokens:Q", format=",.2f"),
                alt.Tooltip("margin:Q", format=".1%"),
            ],
        )
    )
    tier_labels = (
        alt.Chart(alt.Data(name="tiers"))
        .mark_text(align="left", dx=12, dy=-10, fontSize=11)
        .encode(x=x, y=y, text="label:N")
    )
    average = (
        alt.Chart(alt.Data(name="average"))
        .mark_point(shape="diamond", size=140, filled=True, color="#000000")
        .encode(x=x, y=y)
    )
    average_label = (
        alt.Chart(alt.Data(name="average"))
        .mark_text(align="left", dx=10, dy=14, fontSize=11, color="#000000")
        .encode(x=x, y=y, text="label:N")
    )
    return (line + zero + rule + rule_label + tiers + tier_labels + average + average_label).properties(
        title="One flat price, very different users: margin by tier",
        description=(
            "Gross margin per user against the user's tokens a month, in millions. A gray line falls "
            "straight from the margin with no tokens; it crosses zero at the dotted break-even line. "
            "Dots mark user tiers, sized by their share of users: circles are served at a profit, "
            "downward triangles at a loss. A black diamond marks the average user, whose margin is "
            "the blended margin of the whole app."
        ),
        width=480,
        height=280,
    )


def app_margin_panel(
    arpu: float = 20,
    price_per_million: float = 3.0,
    other_cost: float = 1.0,
    tokens_per_user: float = 2.0,
    split: str = DEFAULT_SPLIT,
) -> WhatIf:
    """Gross margin of an AI app whose users pay one flat price but use very different numbers of tokens.

    The defaults are the curriculum's worked example, all teaching assumptions.
    """
    return WhatIf(
        title="The AI app's margin squeeze: move the sliders",
        controls=[
            Slider("arpu", "Subscription price (ARPU)", 5, 100, 1, arpu, "$", " a user a month"),
            Slider(
                "price_per_million",
                "Token price (assumption)",
                0.1,
                15,
                0.1,
                price_per_million,
                "$",
                " per million tokens",
            ),
            Slider("other_cost", "Other cost to serve", 0, 5, 0.5, other_cost, "$", " a user a month"),
            Slider(
                "tokens_per_user", "Average tokens per user", 0.1, 20, 0.1, tokens_per_user, suffix=" million a month"
            ),
            Dropdown(
                "split", "How usage spreads across users (assumption)", {name: name for name in USAGE_SPLITS}, split
            ),
        ],
        compute=app_margin_outcome,
        chart=_app_margin_chart(),
    )
