"""make progress: a class report from the learners' home folders."""

from __future__ import annotations

import csv
import json

import pytest

from tools import progress_report
from utils import checks
from utils.checks import Exercise, Number


@pytest.fixture(autouse=True)
def small_key(monkeypatch):
    hints = ("a", "b", "c")
    key = {i: Exercise(i, Number(lambda: 1.0), hints) for i in ("03.1", "03.2", "05.1")}
    monkeypatch.setattr(checks, "_key", lambda: key)


def home(root, learner, exercises):
    path = root / learner / ".plumbing-premium" / "progress.json"
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"exercises": exercises}) if exercises is not None else "{broken")


def test_one_row_per_learner_and_a_readable_summary(tmp_path, capsys):
    homes = tmp_path / "home"
    home(homes, "ada", {"03.1": {"tries": 1, "passed": True}, "05.1": {"tries": 3, "passed": False}})
    home(homes, "bo", None)  # an unreadable file: listed, with nothing passed
    (homes / "cy").mkdir()  # no progress yet: not listed
    out = tmp_path / "class.csv"
    assert progress_report.main([str(homes), str(out)]) == 0
    rows = list(csv.DictReader(out.open()))
    assert rows == [
        {"learner": "ada", "passed": "1", "of": "3", "03.1": "passed", "03.2": "", "05.1": "tried 3"},
        {"learner": "bo", "passed": "0", "of": "3", "03.1": "", "03.2": "", "05.1": ""},
    ]
    screen = capsys.readouterr().out
    assert "learner  passed  L03  L05" in screen and "ada      1/3     1/2  0/1" in screen


def test_a_folder_with_no_progress_says_so(tmp_path, capsys):
    assert progress_report.main([str(tmp_path), str(tmp_path / "x.csv")]) == 1
    assert "no learner" in capsys.readouterr().err
    assert progress_report.main([str(tmp_path / "missing"), str(tmp_path / "x.csv")]) == 2
