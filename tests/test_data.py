"""The data loader: valid files load typed, broken copies fail naming file, row and column."""

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
    with pytest.raises(ValueError, match=r"name must be one of \['cold_starts', 'gpu_prices'\], got 'gpu'"):
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


# --- sources.md, "GPU prices (per GPU-hour, H100 unless noted; as of mid-2026)" ---
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
