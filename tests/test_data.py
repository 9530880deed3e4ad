"""The data loader: valid files load typed, broken copies fail naming file, row and column."""

import math
import re
from pathlib import Path

import pandas as pd
import pytest

from utils import data


@pytest.mark.parametrize("name", data.available())
def test_every_data_file_loads_and_validates(name):
    frame = data.load(name)
    assert len(frame) > 0
    assert {"source", "confidence", "retrieved"} <= set(frame.columns)


def test_prices_are_typed_numbers():
    prices = data.load("gpu_prices")
    assert pd.api.types.is_float_dtype(prices["usd_per_gpu_hour"])


def test_every_csv_in_data_has_a_schema():
    stems = {path.stem for path in data.DATA_DIR.glob("*.csv")}
    assert stems == set(data.available())


def test_unknown_name_lists_the_choices():
    with pytest.raises(ValueError, match=rf"name must be one of {re.escape(str(data.available()))}, got 'gpu'"):
        data.load("gpu")


def _break(folder: Path, name: str, old: str, new: str) -> None:
    path = folder / f"{name}.csv"
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


def test_a_word_where_a_number_belongs(data_copy):
    _break(data_copy, "gpu_prices", "H100 PCIe,always on,not stated,2.86", "H100 PCIe,always on,not stated,cheap")
    with pytest.raises(data.DataFileError) as error:
        data.load("gpu_prices", data_copy)
    message = str(error.value)
    assert message.startswith("gpu_prices.csv does not match its schema:")
    assert re.search(r"row 6 \(line 7\), column 'usd_per_gpu_hour': 'cheap'", message)


def test_a_missing_column(data_copy):
    path = data_copy / "cold_starts.csv"
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame.drop(columns="confidence").to_csv(path, index=False)
    with pytest.raises(data.DataFileError, match=r"cold_starts.csv .*\n  header: column 'confidence' is missing"):
        data.load("cold_starts", data_copy)


def test_a_value_outside_its_range(data_copy):
    _break(data_copy, "gpu_prices", ",3.95,", ",-3.95,")
    with pytest.raises(data.DataFileError, match=r"row 1 \(line 2\), column 'usd_per_gpu_hour': -3.95 fails in_range"):
        data.load("gpu_prices", data_copy)


def test_a_confidence_that_is_not_a_level(data_copy):
    _break(data_copy, "cold_starts", "(essay),L,", "(essay),certain,")
    with pytest.raises(data.DataFileError, match=r"row 3 \(line 4\), column 'confidence': 'certain' fails isin"):
        data.load("cold_starts", data_copy)


def test_a_date_that_is_not_iso_8601(data_copy):
    _break(data_copy, "gpu_prices", "3.95,2026,", "3.95,mid-2026,")
    with pytest.raises(data.DataFileError, match=r"row 1 \(line 2\), column 'as_of': 'mid-2026' fails str_matches"):
        data.load("gpu_prices", data_copy)


def test_a_missing_source(data_copy):
    _break(data_copy, "gpu_prices", "Replicate published pricing", "")
    with pytest.raises(data.DataFileError, match=r"row 4 \(line 5\), column 'source'"):
        data.load("gpu_prices", data_copy)


def test_pick_finds_one_value():
    assert data.pick("gpu_prices", "usd_per_gpu_hour", provider="Lambda", gpu="H100 SXM") == 3.78


def test_pick_refuses_an_ambiguous_match():
    with pytest.raises(ValueError, match="matches 2 rows, not exactly one"):
        data.pick("gpu_prices", "usd_per_gpu_hour", provider="Modal")


# --- GPU prices per GPU-hour, H100 unless noted, as the providers' price pages gave them in mid-2026 ---
SOURCED_PRICES = {
    ("Modal", "H100"): 3.95,
    ("Modal", "A100-80GB"): 2.50,
    ("Baseten", "H100"): 6.50,
    ("Replicate", "H100"): 5.49,
    ("AWS", "H100"): 6.88,
    ("Lambda", "H100 PCIe"): 2.86,
    ("Lambda", "H100 SXM"): 3.78,
    ("RunPod", "H100 SXM (community cloud)"): 2.69,
    ("RunPod", "H100 SXM (secure cloud)"): 3.99,
}


def test_gpu_prices_equal_their_sources():
    prices = data.load("gpu_prices").set_index(["provider", "gpu"])["usd_per_gpu_hour"]
    assert prices.to_dict() == pytest.approx(SOURCED_PRICES)


def test_aws_price_is_the_instance_price_over_eight_gpus():
    assert data.pick("gpu_prices", "usd_per_gpu_hour", provider="AWS") == pytest.approx(55.04 / 8, abs=0.005)


def test_cold_start_figures_equal_their_sources():
    cold = data.load("cold_starts")
    essay = cold[cold["kind"] == "essay claim"]
    assert essay["seconds_low"].tolist() == [45.0]
    seven_b = cold[cold["model_size"] == "7B parameters"].iloc[0]
    assert (seven_b["seconds_low"], seven_b["seconds_high"]) == (15.0, 45.0)
    arithmetic = cold[cold["kind"] == "arithmetic"].iloc[0]
    assert arithmetic["seconds_low"] == 140 / 2  # 140 GB at 2 GB/s


def test_the_load_time_is_a_bound_only_at_its_bandwidth():
    """70 s is 140 GB at 2 GB/s: faster storage loads the weights sooner, so the essay's 45 s is not below a law."""
    arithmetic = _row("cold_starts", kind="arithmetic")
    assert "2 GB/s" in arithmetic["source"]
    assert "only at that bandwidth" in arithmetic["note"]
    assert "3.1 GB/s" in arithmetic["note"] and round(140 / 45, 1) == 3.1  # 140 GB in the essay's 45 s


# --- Helpers for the sourced figures below ---------------------------------------

CRORE = 10_000_000  # rupees


def _cell(value):
    """A cell as a plain Python value; an empty cell (not given by the source) as None."""
    if pd.isna(value):
        return None
    return value.item() if hasattr(value, "item") else value


def _figures(name: str, keys: list[str], columns: list[str]) -> dict:
    """Every row of ``name`` as {key: figures}, so a test can compare the whole file with its sources."""
    frame = data.load(name)
    figures = {}
    for _, row in frame.iterrows():
        key = tuple(_cell(row[k]) for k in keys)
        figures[key if len(keys) > 1 else key[0]] = tuple(_cell(row[c]) for c in columns)
    assert len(figures) == len(frame), f"{name}: {keys} do not identify its rows"
    return figures


def _row(name: str, **where) -> pd.Series:
    frame = data.load(name)
    mask = pd.Series(True, index=frame.index)
    for key, wanted in where.items():
        mask &= frame[key].isna() if wanted is None else frame[key] == wanted
    assert mask.sum() == 1, f"{name}: {where} matches {mask.sum()} rows"
    return frame[mask].iloc[0]


# --- Funding, as the essay and the other reports (each row's source) give it -----
# (company, round, figure_from): (amount_usd, amount_inr, valuation_usd, total_raised_usd, date, confidence)
SOURCED_FUNDING = {
    ("Modal", None, "articles"): (87_000_000, None, 1_100_000_000, 111_000_000, "2025-09", "M"),
    ("Modal", "Series B", "other reports"): (87_000_000, None, 1_100_000_000, None, "2025-09-29", "M"),
    ("Modal", "Series C", "other reports"): (None, None, None, None, "2026-05-21", "M"),
    ("Baseten", "Series D", "articles"): (150_000_000, None, 2_150_000_000, 285_000_000, None, "L"),
    ("Baseten", "Series D", "other reports"): (150_000_000, None, 2_100_000_000, None, "2025-09", "M"),
    ("Baseten", "Series E", "other reports"): (300_000_000, None, 5_000_000_000, None, "2026-01", "M"),
    ("Fireworks AI", None, "articles"): (254_000_000, None, 4_000_000_000, 331_000_000, None, "L"),
    ("Fireworks AI", "Series C", "other reports"): (250_000_000, None, 4_000_000_000, None, "2025-10", "M"),
    ("Arize AI", "Series C", "articles"): (70_000_000, None, None, None, "2025-02", "H"),
    ("Arize AI", "Series C", "other reports"): (70_000_000, None, None, None, "2025-02-20", "H"),
    ("Galileo", None, "articles"): (45_000_000, None, None, None, "2024-10", "H"),
    ("Galileo", "Series B", "other reports"): (45_000_000, None, None, None, "2024-10", "H"),
    ("LangChain", "Series B", "other reports"): (125_000_000, None, 1_250_000_000, None, "2025-10-20", "H"),
    ("LlamaIndex", "Series A", "other reports"): (19_000_000, None, None, 27_500_000, "2025-03", "M"),
    ("CrewAI", "Seed and Series A", "other reports"): (18_000_000, None, None, 18_000_000, "2024-10", "M"),
    ("Langfuse", "Seed", "other reports"): (4_000_000, None, None, None, None, "M"),
    ("Helicone", None, "other reports"): (None, None, None, None, None, "L"),
    ("Sarvam AI", None, "articles"): (None, None, None, 53_800_000, None, "L"),
    ("Sarvam AI", "IndiaAI Mission compute support", "articles"): (None, 246 * CRORE, None, None, None, "M"),
    ("Sarvam AI", "Series A", "other reports"): (41_000_000, None, None, None, "2023-12", "M"),
    ("Sarvam AI", "IndiaAI Mission compute support", "other reports"): (None, 2_467_000_000, None, None, None, "M"),
}
FUNDING_FIGURES = ["amount_usd", "amount_inr", "valuation_usd", "total_raised_usd", "date", "confidence"]


def test_funding_rounds_equal_their_sources():
    assert _figures("funding_rounds", ["company", "round", "figure_from"], FUNDING_FIGURES) == SOURCED_FUNDING


def test_funding_rounds_cover_every_company_of_the_sources_with_its_layer():
    rounds = data.load("funding_rounds")
    layers = rounds.groupby("company")["layer"].unique().map(list).to_dict()
    assert layers == {
        "Modal": ["deployment"],
        "Baseten": ["deployment"],
        "Fireworks AI": ["deployment"],
        "Arize AI": ["observability"],
        "Galileo": ["observability"],
        "LangChain": ["orchestration"],
        "LlamaIndex": ["orchestration"],
        "CrewAI": ["orchestration"],
        "Langfuse": ["observability"],
        "Helicone": ["observability"],
        "Sarvam AI": ["model"],
    }
    assert rounds["source_url"].isna().all()  # no address is recorded in the sources: none is invented


# Where the essay and other reports disagree, both figures are kept, one row each:
# (company, column, the essay's round, the other reports' round, the essay's figure, theirs).
DISAGREEMENTS = [
    ("Baseten", "valuation_usd", "Series D", "Series D", 2_150_000_000, 2_100_000_000),
    ("Fireworks AI", "amount_usd", None, "Series C", 254_000_000, 250_000_000),
    ("Sarvam AI", "total_raised_usd", None, "Series A", 53_800_000, None),
    ("Sarvam AI", "amount_usd", None, "Series A", None, 41_000_000),
    (
        "Sarvam AI",
        "amount_inr",
        "IndiaAI Mission compute support",
        "IndiaAI Mission compute support",
        246 * CRORE,
        2_467_000_000,
    ),
]


@pytest.mark.parametrize(("company", "column", "essay_round", "others_round", "essay", "others"), DISAGREEMENTS)
def test_disagreements_are_kept_as_two_rows(company, column, essay_round, others_round, essay, others):
    in_essay = _row("funding_rounds", company=company, round=essay_round, figure_from="articles")
    in_others = _row("funding_rounds", company=company, round=others_round, figure_from="other reports")
    assert (_cell(in_essay[column]), _cell(in_others[column])) == (essay, others)
    assert in_essay["source"] == "The Plumbing Premium (essay)" != in_others["source"]


def test_conflicting_essay_figures_are_rated_l():
    """Confidence L means weak or conflicting. Baseten's $2.15B and Fireworks' $254M conflict with most sources
    (issue 12 names Baseten; Fireworks' gap is the same kind); Sarvam's total is confirmed by none."""
    baseten = _row("funding_rounds", company="Baseten", round="Series D", figure_from="articles")
    fireworks = _row("funding_rounds", company="Fireworks AI", round=None, figure_from="articles")
    sarvam = _row("funding_rounds", company="Sarvam AI", round=None, figure_from="articles")
    for row in (baseten, fireworks, sarvam):
        assert row["confidence"] == "L" and row["note"].startswith("confidence L:")


def test_sarvam_essay_total_is_flagged_against_the_series_a():
    essay = _row("funding_rounds", company="Sarvam AI", round=None, figure_from="articles")
    series_a = _row("funding_rounds", company="Sarvam AI", round="Series A", figure_from="other reports")
    assert "not found elsewhere" in essay["note"] and "not found elsewhere" in series_a["note"]
    assert series_a["amount_usd"] == 41_000_000 and "Lightspeed" in series_a["note"]


@pytest.mark.parametrize(
    ("company", "round_", "figure_from", "words"),
    [
        ("Modal", "Series B", "other reports", ["$80M", "Lux Capital"]),
        ("Modal", None, "articles", ["$50M", "seed to unicorn", "essay's claims"]),
        ("Modal", "Series C", "other reports", ["General Catalyst", "no amount"]),
        ("Baseten", "Series D", "articles", ["$285M+", "$2.1B"]),
        ("Fireworks AI", None, "articles", ["$250M"]),
        ("Fireworks AI", "Series C", "other reports", ["Lightspeed", "$254M"]),
        ("Galileo", None, "articles", ["834%", "Fortune 50", "essay's claims"]),
        ("LlamaIndex", "Series A", "other reports", ["~"]),
        ("CrewAI", "Seed and Series A", "other reports", ["seed and Series A together"]),
        ("Langfuse", "Seed", "other reports", ["ClickHouse", "16 Jan 2026"]),
        ("Helicone", None, "other reports", ["W23", "could not be verified"]),
        ("Sarvam AI", "IndiaAI Mission compute support", "other reports", ["4,096 H100", "Yotta"]),
    ],
)
def test_funding_notes_attribute_claims_and_flag_approximations(company, round_, figure_from, words):
    note = _row("funding_rounds", company=company, round=round_, figure_from=figure_from)["note"]
    for word in words:
        assert word in note


# --- The essay's table of layers and its sums -------------------------------------
SOURCED_LAYERS = {
    "deployment": ("compute (Amazon EC2)", 700_000_000),
    "orchestration": ("container orchestration (Kubernetes)", None),
    "observability": ("monitoring (Datadog)", 115_000_000),
}


def test_infrastructure_layers_equal_the_essay():
    assert _figures("infrastructure_layers", ["layer"], ["cloud_equivalent", "essay_capital_usd"]) == SOURCED_LAYERS


def test_layer_examples_are_funded_companies_of_that_layer():
    rounds = data.load("funding_rounds")
    for _, layer in data.load("infrastructure_layers").iterrows():
        for company in layer["example_companies"].split("; "):
            assert set(rounds.loc[rounds["company"] == company, "layer"]) == {layer["layer"]}, company


def test_the_essays_sums_agree_with_its_own_figures():
    rounds = data.load("funding_rounds")
    essay = rounds[rounds["figure_from"] == "articles"].set_index("company")
    layers = data.load("infrastructure_layers").set_index("layer")["essay_capital_usd"]
    deployment_totals = essay.loc[["Modal", "Baseten", "Fireworks AI"], "total_raised_usd"].sum()
    assert deployment_totals == 727_000_000 > layers["deployment"]  # "over $700M"
    assert essay.loc[["Arize AI", "Galileo"], "amount_usd"].sum() == layers["observability"]  # "over $115M"


def test_scenarios_are_the_essays_three():
    scenarios = data.load("scenarios").set_index("scenario")
    assert list(scenarios.index) == ["vertical integration", "horizontal layering", "managed OSS"]
    accrues = scenarios["premium_accrues_to"]
    assert "model providers" in accrues["vertical integration"]
    assert "deployment and observability" in accrues["horizontal layering"]
    assert "Red Hat" in accrues["managed OSS"]
    assert "$700M" in scenarios.loc["horizontal layering", "current_signal"]
    assert (scenarios["source"] == "The Plumbing Premium (essay)").all()


# --- Reliability: the sourced SLAs; every other figure a labeled assumption --------
SOURCED_AVAILABILITY = {
    "vector database": (0.9995, "M"),
    "blob storage": (0.999, "H"),
}


def test_service_profiles_are_the_essays_five_services():
    services = data.load("service_profiles")["service"].tolist()
    assert services == ["LLM provider", "vector database", "text-to-speech", "video renderer", "blob storage"]


def test_sourced_availabilities_equal_their_sources():
    sourced = data.load("service_profiles").query("kind == 'sourced'")
    figures = _figures("service_profiles", ["service"], ["availability", "confidence"])
    assert {service: figures[service] for service in SOURCED_AVAILABILITY} == SOURCED_AVAILABILITY
    assert set(sourced["service"]) == set(SOURCED_AVAILABILITY)
    assert (sourced["sourced_fields"] == "availability").all()


def test_the_llm_availability_is_an_assumption_modeled_on_slas_where_offered():
    """LLM API SLAs are ~99.9% where offered, often none on standard plans (L): not sourced for this request."""
    llm = _row("service_profiles", service="LLM provider")
    assert (llm["kind"], llm["source"], llm["confidence"], llm["availability"]) == (
        "assumption",
        "course assumption",
        "L",
        0.999,
    )
    assert "SLAs where a provider offers one" in llm["note"] and "often have none" in llm["note"]


def test_every_other_service_figure_is_a_labeled_assumption():
    profiles = data.load("service_profiles")
    for _, row in profiles.iterrows():
        assert "assumption" in row["note"], row["service"]
        if row["kind"] == "assumption":
            assert (row["source"], row["confidence"]) == ("course assumption", "L")
        else:
            assert "latency and cost are course assumptions" in row["note"]


# --- Venture returns: Correlation Ventures, Horsley Bridge, Kauffman ----------------
CORRELATION = "Correlation Ventures"
HORSLEY = "Horsley Bridge (shown by a16z in 2015)"
SOURCED_VENTURE_RETURNS = {
    (CORRELATION, "<1x"): (0.65, None),
    (CORRELATION, "1-5x"): (0.25, None),
    (CORRELATION, ">=5x"): (0.10, None),
    (CORRELATION, ">=10x"): (0.04, None),
    (CORRELATION, "10-20x"): (0.025, None),
    (CORRELATION, ">20x"): (0.01, None),
    (CORRELATION, ">=50x"): (0.005, None),
    (HORSLEY, "<1x"): (0.5, None),
    (HORSLEY, ">=10x"): (0.06, 0.6),
}


def test_venture_returns_equal_their_sources():
    figures = _figures("venture_returns", ["source", "bucket"], ["share_of_deals", "share_of_returns"])
    assert figures == SOURCED_VENTURE_RETURNS
    datasets = data.load("venture_returns").groupby("source")["dataset"].unique().map(list).to_dict()
    assert datasets == {CORRELATION: ["21,000 US financings 2004-2013"], HORSLEY: ["~7,000 deals 1985-2014"]}


def test_correlation_buckets_add_up_and_thin_out():
    share = {bucket: deals for (source, bucket), (deals, _) in SOURCED_VENTURE_RETURNS.items() if source == CORRELATION}
    assert share["<1x"] + share["1-5x"] + share[">=5x"] == pytest.approx(1.0)
    assert share[">=5x"] > share[">=10x"] > share[">20x"] > share[">=50x"]
    # 2.5% + 1% + 0.5% = 4%: the ">20x" 1% stops at 50x (see its note).
    assert share["10-20x"] + share[">20x"] + share[">=50x"] == pytest.approx(share[">=10x"])


def test_tail_exponents_follow_from_the_buckets():
    alpha = _figures("power_law_parameters", ["estimate"], ["alpha_low", "alpha_high", "share_of_zeros", "kind"])
    assert alpha == {
        "from 5x to 10x": (1.32, 1.32, None, "arithmetic"),
        "from 10x to 20x": (1.42, 1.42, None, "arithmetic"),
        "implied range": (1.2, 1.5, None, "arithmetic"),
        "teaching default": (1.5, 1.5, 0.5, "assumption"),
    }
    assert math.log(0.10 / 0.04) / math.log(2) == pytest.approx(1.32, abs=0.005)
    assert math.log(0.04 / (0.01 + 0.005)) / math.log(2) == pytest.approx(1.42, abs=0.005)


def test_kauffman_fund_returns_equal_their_source():
    funds = _figures("fund_returns", ["finding"], ["funds", "funds_studied", "years_covered", "published"])
    assert funds == {
        "failed to beat a public-market benchmark after fees": (62, 100, 20, "2012-05"),
        "beat the public-market benchmark by more than 3% a year": (20, 100, 20, "2012-05"),
    }


# --- Concentration: the funding reports and the merger guidelines -------------------
# (period, scope, source): the figures the row gives; every other cell is empty.
SOURCED_CONCENTRATION = {
    ("2025-Q1", "global", "Crunchbase"): {
        "total_usd": 113e9,
        "ai_usd": 59.6e9,
        "ai_share": 0.53,
        "largest_round_usd": 40e9,
        "largest_round_company": "OpenAI",
        "top_n": 1,
        "top_n_usd": 40e9,
        "top_n_share": 0.354,
        "confidence": "H",
    },
    ("2025-Q1", "US", "PitchBook"): {"ai_share": 0.77, "confidence": "H"},
    ("2025", "global", "Crunchbase"): {
        "total_usd": 425e9,
        "growth_vs_prior": 0.30,
        "top_n": 5,
        "top_n_usd": 84e9,
        "top_n_share": 0.20,
        "confidence": "H",
    },
    ("2025", "US", "PitchBook-NVCA (secondary report)"): {
        "top_deals_share": 0.0005,
        "top_deals_value_share": 0.5,
        "confidence": "M",
    },
}


def test_funding_concentration_equals_its_sources():
    columns = [c for c in data.load("funding_concentration").columns if c not in ("period", "scope", "source", "note")]
    figures = _figures("funding_concentration", ["period", "scope", "source"], columns)
    given = {
        key: {c: v for c, v in zip(columns, values, strict=True) if v is not None and c != "retrieved"}
        for key, values in figures.items()
    }
    assert given == SOURCED_CONCENTRATION


def test_concentration_shares_agree_with_their_amounts():
    for _, row in data.load("funding_concentration").dropna(subset=["total_usd"]).iterrows():
        assert row["top_n_usd"] / row["total_usd"] == pytest.approx(row["top_n_share"], abs=0.005)
        if pd.notna(row["ai_usd"]):
            assert row["ai_usd"] / row["total_usd"] == pytest.approx(row["ai_share"], abs=0.005)


def test_merger_guideline_thresholds_equal_their_source():
    figures = _figures(
        "reference_thresholds", ["year", "presumption"], ["hhi_above", "hhi_change_above", "merged_share_above"]
    )
    assert figures == {
        (2023, "highly concentrated market"): (1800, 100, None),
        (2023, "large merged firm"): (None, 100, 0.30),
        (2010, "highly concentrated market"): (2500, 200, None),
    }


# --- Serving compute and reliability facts, and the words to get right ------------
SOURCED_SERVING_FACTS = {
    ("Mixtral 8x7B", "total parameters"): (46.7e9, "H"),
    ("Mixtral 8x7B", "active parameters per token"): (12.9e9, "H"),
    ("Sarvam-105B", "total parameters"): (105e9, "M"),
    ("Sarvam-105B", "active parameters per token"): (10.3e9, "M"),
    ("transformer forward pass", "FLOPs per token per active parameter"): (2, "H"),
    ("India", "scheduled languages (Eighth Schedule of the Constitution)"): (22, "H"),
    ("India", "official languages of the Union"): (2, "H"),
    ("Sarvam AI", "Indian languages its documentation stresses"): (10, "M"),
    ("fan-out example (The Tail at Scale)", "chance that one server is slow (over 1 s)"): (0.01, "H"),
    ("fan-out example (The Tail at Scale)", "servers one request fans out to"): (100, "H"),
    ("fan-out example (The Tail at Scale)", "share of requests that are slow"): (0.63, "H"),
}


def test_serving_facts_equal_their_sources():
    assert _figures("serving_facts", ["subject", "quantity"], ["value", "confidence"]) == SOURCED_SERVING_FACTS


def test_tail_at_scale_example_is_its_arithmetic():
    facts = {quantity: value for (_, quantity), (value, _) in SOURCED_SERVING_FACTS.items()}
    slow, servers = facts["chance that one server is slow (over 1 s)"], facts["servers one request fans out to"]
    assert 1 - (1 - slow) ** servers == pytest.approx(facts["share of requests that are slow"], abs=0.005)


def test_official_languages_are_hindi_and_english():
    languages = _row("serving_facts", subject="India", quantity="official languages of the Union")
    assert languages["note"] == "Hindi and English"


# --- Retention and margins (the benchmark reports); the essay's ARPU claim ---------
SOURCED_UNIT_ECONOMICS = {
    ("gross dollar churn (annual)", "private SaaS (median)"): (0.08, 0.08, "M"),
    ("net revenue retention", "private SaaS (median)"): (1.00, 1.05, "M"),
    ("net revenue retention", "private SaaS with large contracts (median)"): (1.10, 1.10, "M"),
    ("net revenue retention", "Snowflake (usage-based infrastructure)"): (1.51, 1.51, "M"),
    ("net revenue retention", "usage-based infrastructure (counted healthy)"): (1.15, 1.30, "M"),
    ("gross margin", "classic SaaS"): (0.60, 0.80, "H"),
    ("gross margin", "AI companies"): (0.50, 0.60, "H"),
    ("gross margin", "fast-growing AI apps"): (0.25, 0.25, "M-H"),
    ("gross margin", "steadier AI apps"): (0.60, 0.60, "M-H"),
    ("ARPU relative to US SaaS", "Indian AI startups"): (0.1, 0.1, "L"),
}


def test_unit_economics_equal_their_sources():
    figures = _figures("unit_economics", ["metric", "segment"], ["value_low", "value_high", "confidence"])
    assert figures == SOURCED_UNIT_ECONOMICS


def test_dollar_churn_is_not_labeled_customer_churn():
    """KeyBanc measures revenue lost, not customers lost: reading it as customer churn is the course's assumption."""
    churn = _row("unit_economics", metric="gross dollar churn (annual)", segment="private SaaS (median)")
    assert "dollar churn, not the share of customers who leave" in churn["note"]
    assert "customer churn is a course assumption" in churn["note"]


# --- Broken copies of the new files fail, naming file, row and column -------------


@pytest.mark.parametrize(
    ("name", "old", "new", "expected"),
    [
        (
            "funding_rounds",
            "Series C,70000000,,,,2025-02-20",
            "Series C,seventy million,,,,2025-02-20",
            r"row 10 \(line 11\), column 'amount_usd': 'seventy million'",
        ),
        (
            "venture_returns",
            "<1x,0,1,0.5,",
            "<1x,0,1,about half,",
            r"row 8 \(line 9\), column 'share_of_deals': 'about half'",
        ),
        (
            "service_profiles",
            "50,300,0.999,0.0001",
            "50,300,1.3,0.0001",
            r"row 5 \(line 6\), column 'availability': 1.3 fails in_range\(0, 1\)",
        ),
        (
            "funding_concentration",
            "84000000000,0.20,",
            "84000000000,1.3,",
            r"row 3 \(line 4\), column 'top_n_share': 1.3 fails in_range\(0, 1\)",
        ),
        (
            "funding_rounds",
            "Series E,300000000,",
            "Series E,-300000000,",
            r"row 6 \(line 7\), column 'amount_usd': -300000000.0 fails greater_than_or_equal_to\(0\)",
        ),
        (
            "funding_rounds",
            ",M,other reports,2026-11,later than",
            ",M,press,2026-11,later than",
            r"row 6 \(line 7\), column 'figure_from': 'press' fails isin",
        ),
        (
            "service_profiles",
            "50,300,0.999",
            "500,300,0.999",
            r"row 5 \(line 6\): breaks the rule 'latency_p99_ms >= latency_median_ms'",
        ),
        (
            "service_profiles",
            "0.005,assumption,,course assumption,L,",
            "0.005,assumption,,course assumption,M,",
            r"row 3 \(line 4\): breaks the rule \"kind 'assumption' if and only if",
        ),
        (
            "funding_concentration",
            "2025-Q1,US,",
            "Q1 2025,US,",
            r"row 2 \(line 3\), column 'period': 'Q1 2025' fails str_matches",
        ),
        (
            "funding_rounds",
            "2025-02-20,news reports of the round",
            "2025-02-20,The Plumbing Premium (essay)",
            r"row 10 \(line 11\): breaks the rule \"figure_from 'articles' if and only if",
        ),
    ],
    ids=[
        "word-in-amount",
        "word-in-share",
        "availability-above-1",
        "share-above-1",
        "negative-amount",
        "unknown-figure-from",
        "p99-below-median",
        "assumption-not-at-L",
        "period-not-a-quarter",
        "essay-figure-filed-as-other-report",
    ],
)
def test_a_broken_new_file_names_file_row_and_column(data_copy, name, old, new, expected):
    _break(data_copy, name, old, new)
    with pytest.raises(data.DataFileError) as error:
        data.load(name, data_copy)
    message = str(error.value)
    assert message.startswith(f"{name}.csv does not match its schema:")
    assert re.search(expected, message), message


def test_a_duplicated_round_fails(data_copy):
    path = data_copy / "funding_rounds.csv"
    lines = path.read_text().splitlines(keepends=True)
    path.write_text("".join(lines) + lines[13])  # LangChain's Series B again
    duplicate = r"row 22 \(line 23\): breaks the rule 'company \+ round \+ figure_from must be unique'"
    with pytest.raises(data.DataFileError, match=duplicate):
        data.load("funding_rounds", data_copy)
