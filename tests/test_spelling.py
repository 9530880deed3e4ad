"""One spelling, US English, in everything a learner, a teacher or a contributor reads.

Lessons, docs, data, README and the code (its docstrings, messages, chart labels
and names) all count: a learner meets "utilization" in a lesson and must not
meet "utilisation" in a chart title or an error message.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TEXT_FILES = sorted(
    path
    for pattern in (
        "*.md",
        "Makefile",
        ".ci/run",
        "notebooks/*.ipynb",
        "docs/*",
        "data/*",
        "utils/**/*.py",
        "utils/*.js",
        "utils/*.css",
        "tools/**/*.py",
        "tests/**/*.py",
        "benchmarks/*.py",
    )
    for path in ROOT.glob(pattern)
    if path.is_file() and path.name != "test_spelling.py"
)
# British forms and their US spelling. "-ise" stems match "-ise", "-ised", "-ising", "-isation".
STEMS = (
    "utilis",
    "commoditis",
    "normalis",
    "organis",
    "recognis",
    "realis",
    "optimis",
    "minimis",
    "maximis",
    "summaris",
    "capitalis",
    "categoris",
    "prioritis",
    "standardis",
    "specialis",
    "characteris",
    "visualis",
    "annualis",
    "amortis",
    "monetis",
    "stabilis",
    "penalis",
    "initialis",
    "generalis",
    "customis",
    "vectoris",
    "serialis",
    "tokenis",
    "randomis",
    "parameteris",
    "finalis",
    "localis",
    "centralis",
    "analys",
)
BRITISH = re.compile(
    rf"\b\w*(?:{'|'.join(STEMS)})(?:e|es|ed|ing|ation|ations|er|ers)\b"
    r"|\b\w*(?:behaviour|colour|favour|honour|neighbour|flavour|rumour)\w*"
    r"|\b(?:modell|labell|travell|cancell|signall|totall|levell|fuell)(?:ed|ing|er|ers)\b"
    r"|\b(?:centre|programme|catalogue|licence|judgement|cheque|defence|offence|analogue|enquir|manoeuvr)\w*"
    r"|\b(?:per cent|whilst|amongst|learnt|spelt|grey|fulfil|focussed)\b",
    re.IGNORECASE,
)


@pytest.mark.parametrize("path", TEXT_FILES, ids=[str(p.relative_to(ROOT)) for p in TEXT_FILES])
def test_us_english(path):
    text = path.read_text(encoding="utf-8")
    found = sorted({match.group(0) for match in BRITISH.finditer(text)})
    assert found == [], f"British spellings (the course writes US English): {found}"


def test_the_check_sees_british_spellings():
    assert [m.group(0) for m in BRITISH.finditer("Utilisation and colour, modelled; an equal-cheque fund")] == [
        "Utilisation",
        "colour",
        "modelled",
        "cheque",
    ]
    assert BRITISH.search("utilization, color, modeled, analysis, hypothesis, emphasis, check") is None
