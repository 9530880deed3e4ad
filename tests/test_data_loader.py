"""The loader on files as people make them: every failure names the file, and the row and column where
there is one; a spreadsheet's trailing commas are read as nothing; a file is read once while unchanged."""

from __future__ import annotations

import pytest

from utils import data
from utils.data import DataFileError, load, pick

NAME = "gpu_prices"


def lines(folder):
    return (folder / f"{NAME}.csv").read_text(encoding="utf-8").splitlines()


def write(folder, rows, encoding="utf-8"):
    (folder / f"{NAME}.csv").write_bytes(("\n".join(rows) + "\n").encode(encoding))


def test_a_comma_at_the_end_of_every_line_is_read_as_nothing(data_copy):
    original = load(NAME, data_copy)
    write(data_copy, [line + "," for line in lines(data_copy)])
    assert load(NAME, data_copy).equals(original)


def test_a_comma_at_the_end_of_data_rows_only(data_copy):
    header, *rows = lines(data_copy)
    write(data_copy, [header, *(row + "," for row in rows)])
    assert len(load(NAME, data_copy)) == len(rows)


def test_an_empty_file_is_named(data_copy):
    (data_copy / f"{NAME}.csv").write_text("")
    with pytest.raises(DataFileError, match=rf"^{NAME}.csv is empty"):
        load(NAME, data_copy)


def test_a_ragged_row_names_its_row_and_line(data_copy):
    header, first, *rest = lines(data_copy)
    write(data_copy, [header, first, rest[0] + ",extra", *rest[1:]])
    with pytest.raises(
        DataFileError, match=r"gpu_prices.csv does not match.*\n  row 2 \(line 3\): \d+ fields, but the header"
    ):
        load(NAME, data_copy)


def test_a_short_row_names_its_row(data_copy):
    header, first, *rest = lines(data_copy)
    write(data_copy, [header, first.rsplit(",", 2)[0], *rest])
    with pytest.raises(DataFileError, match=r"row 1 \(line 2\): \d+ fields"):
        load(NAME, data_copy)


def test_text_that_is_not_utf8_is_named(data_copy):
    write(data_copy, [*lines(data_copy), "Café"], encoding="latin-1")
    with pytest.raises(DataFileError, match=rf"^{NAME}.csv is not UTF-8 text \(byte 0xe9"):
        load(NAME, data_copy)


@pytest.mark.parametrize("bad", ["inf", "1e400", "-inf"])
def test_infinite_numbers_are_refused_by_row_and_column(data_copy, bad):
    header, first, *rest = lines(data_copy)
    column = header.split(",").index("usd_per_gpu_hour")
    cells = first.split(",")
    cells[column] = bad
    write(data_copy, [header, ",".join(cells), *rest])
    with pytest.raises(DataFileError, match=r"row 1 \(line 2\), column 'usd_per_gpu_hour'"):
        load(NAME, data_copy)


def test_pick_takes_the_same_data_dir_as_load(data_copy):
    header, *rows = lines(data_copy)
    write(data_copy, [header, *(row.replace(",3.95,", ",4.25,") for row in rows)])
    assert pick(NAME, "usd_per_gpu_hour", data_copy, provider="Modal", gpu="H100") == 4.25
    assert pick(NAME, "usd_per_gpu_hour", provider="Modal", gpu="H100") == 3.95


def test_a_file_is_read_once_while_unchanged_and_again_when_it_changes(data_copy):
    data._read_and_validate.cache_clear()
    for _ in range(5):
        pick(NAME, "usd_per_gpu_hour", data_copy, provider="Modal", gpu="H100")
    assert data._read_and_validate.cache_info().misses == 1
    write(data_copy, [*lines(data_copy)[:-1]])
    load(NAME, data_copy)
    assert data._read_and_validate.cache_info().misses == 2


def test_load_hands_out_a_copy(data_copy):
    frame = load(NAME, data_copy)
    frame.loc[:, "usd_per_gpu_hour"] = 0.0
    assert (load(NAME, data_copy)["usd_per_gpu_hour"] > 0).all()
