"""Lesson 02's model: funding added up by layer, a flow summed and a stock replaced, dates of any precision."""

import math

import pytest

from utils.models import count_funding, month_name, month_number


def row(company, figure, date, layer="deployment", teller="other reports"):
    return {"company": company, "layer": layer, "figure_from": teller, "date": date, "v": figure}


ROWS = [
    row("A", 5.0, "2025-01"),
    row("A", 8.0, "2025-06-15"),
    row("B", 2.0, "2025-03", layer="observability"),
    row("C", 4.0, None),
    row("D", float("nan"), "2025-02"),
    row("E", 1.0, "2025-02", teller="articles"),
]
LAYERS = ("deployment", "observability")


def count(**changes):
    arguments = dict(measure="v", flow=True, layers=LAYERS, tellers=("other reports",), cutoff=month_number("2025-12"))
    return count_funding(ROWS, **{**arguments, **changes})


@pytest.mark.parametrize(
    ("date", "expected"),
    [("2025-09-29", 12 * 2025 + 8), ("2025-09", 12 * 2025 + 8), ("2026", 12 * 2026 + 11), ("2023-12", 12 * 2023 + 11)],
)
def test_dates_of_any_precision_become_sortable_months(date, expected):
    assert month_number(date) == expected


def test_no_date_is_no_month_and_months_read_back():
    assert math.isnan(month_number(None)) and math.isnan(month_number(float("nan"))) and math.isnan(month_number(""))
    assert month_name(month_number("2025-12-31")) == "Dec 2025"
    assert month_name(month_number("2024-01")) == "Jan 2024"
    with pytest.raises(ValueError, match="ISO date"):
        month_number("2025-13")
    with pytest.raises(ValueError, match="whole month number"):
        month_name(24311.5)


def test_the_worked_example_a_stock_replaces_a_flow_adds():
    assert count(flow=False).totals == {"deployment": 8.0, "observability": 2.0}
    assert count(flow=True).totals == {"deployment": 13.0, "observability": 2.0}
    changes = [r["change"] for r in count(flow=False).counted if r["company"] == "A"]
    assert changes == [5.0, 3.0]


def test_rows_left_out_are_sorted_by_reason():
    counted = count()
    assert [r["company"] for r in counted.no_date] == ["C"]
    assert [r["company"] for r in counted.no_figure] == ["D"]
    assert counted.later == []
    early = count(cutoff=month_number("2025-03"))
    assert [r["company"] for r in early.later] == ["A"] and early.totals["deployment"] == 5.0
    assert all(r["figure_from"] == "other reports" for r in counted.counted)  # E is told by the articles only


def test_undated_rows_can_be_placed_at_the_cutoff():
    placed = count(undated_at_cutoff=True)
    assert placed.totals["deployment"] == 17.0 and placed.no_date == []
    assert [r["month"] for r in placed.counted if r["company"] == "C"] == [month_number("2025-12")]


def test_each_point_carries_its_layers_total_at_the_end_of_its_month():
    rows = [row("A", 5.0, "2025-01-03"), row("B", 2.0, "2025-01-20"), row("C", 1.0, "2025-04")]
    counted = count_funding(
        rows, measure="v", flow=True, layers=("deployment",), tellers=("other reports",), cutoff=month_number("2025-12")
    )
    assert [r["total"] for r in counted.counted] == [7.0, 7.0, 8.0]


def test_steps_run_from_zero_at_the_start_to_each_total_at_the_cutoff():
    start, cutoff = month_number("2024-12"), month_number("2025-12")
    steps = count().steps(start, cutoff)
    deployment = [(m, t) for layer, m, t in steps if layer == "deployment"]
    assert deployment == [(start, 0.0), (month_number("2025-01"), 5.0), (month_number("2025-06"), 13.0), (cutoff, 13.0)]
    assert [(m, t) for layer, m, t in steps if layer == "observability"][-1] == (cutoff, 2.0)


def test_a_layer_not_chosen_is_not_counted():
    only = count(layers=("observability",))
    assert only.totals == {"observability": 2.0}
    assert {r["company"] for r in only.counted} == {"B"}
