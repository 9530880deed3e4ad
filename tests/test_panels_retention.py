"""The retention demo panel of lesson 00 (utils.panels.retention): explorable, and its twin matches."""

import pytest

from tests.panel_checks import assert_explorable, assert_twin_datasets_match, assert_twin_matches
from utils import data
from utils.models import nrr_revenue
from utils.panels import retention_demo_panel
from utils.panels.retention import retention_outcome

NRR = {"metric": "net revenue retention"}
MEDIAN_NRR = data.pick("unit_economics", "value_low", segment="private SaaS (median)", **NRR)
STAR_NRR = data.pick("unit_economics", "value_low", segment="Snowflake (usage-based infrastructure)", **NRR)


def _demo():
    return retention_demo_panel(median_nrr=MEDIAN_NRR, star_nrr=STAR_NRR)


def test_retention_demo_matches_the_worked_example():
    outcome = retention_outcome(120, 5)
    assert outcome.datasets["cohort"]["revenue"].iloc[-1] == pytest.approx(nrr_revenue(100, 1.2, 5))
    assert outcome.readout["Revenue after 5 years"] == "248.83 (from 100)"
    assert outcome.readout["Change"] == "+148.8%"
    assert outcome.key == ("Revenue after the horizon (index, year 0 = 100)", pytest.approx(248.832))
    assert outcome.takeaway == (
        "At 120% a year the cohort reaches 248.8 in 5 years, 2.49 times its start: "
        "more than the 200 that adding 20 a year would give."
    )


def test_retention_demo_dropdown_changes_horizon():
    panel = _demo()
    panel.set(horizon="10 years")
    assert len(panel.datasets["cohort"]) == 11


def test_retention_demo_is_explorable():
    assert_explorable(_demo)
    assert _demo().share() == "demo.set(nrr_percent=120, horizon='5 years')"


def test_retention_demo_presets_argue_what_they_show():
    panel = _demo()
    panel.apply_preset("Median SaaS")  # SaaS Capital's median, low end: flat revenue
    assert panel.model_arguments() == {"nrr_percent": round(100 * MEDIAN_NRR), "horizon": 10}
    assert panel.takeaway() == "At 100% a year the cohort's revenue stays at 100 for all 10 years."
    panel.apply_preset("Snowflake's quarter")  # a star held five years: far above the median
    assert panel.model_arguments()["nrr_percent"] == 151
    assert panel.readout[0] == ["Revenue after 5 years", f"{nrr_revenue(100, STAR_NRR, 5):,.2f} (from 100)"]
    panel.apply_preset("Losing 10%")  # exercise 1's cohort shrinks to about a third
    assert panel.takeaway().startswith("At 90% a year only 34.9 of the 100 is left after 10 years")


def test_retention_demo_axis_is_fixed_and_tall_bars_are_cut_with_their_value():
    frame = retention_outcome(151, 5).datasets["cohort"]
    assert frame["shown"].max() == 500 < frame["revenue"].max()
    assert _demo().spec["layer"][0]["encoding"]["y"]["scale"]["domain"] == [0, 500.0]


def test_retention_demo_twin_reads_and_draws_as_python_does():
    # The JavaScript twin (utils/panels/retention.js) for the static site: a closed form, so the readout to
    # the displayed rounding and the bars to 1e-12; the corners reach each branch of the takeaway.
    assert_twin_matches(_demo, count=120)
    corners = [{"nrr_percent": n, "horizon": h} for n, h in [(100, "3 years"), (50, "10 years"), (200, "10 years")]]
    assert_twin_datasets_match(_demo, positions=corners)
