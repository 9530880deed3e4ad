"""Read a lesson's Markdown the way a renderer and a learner do: formulas, money and numbers.

Shared by the tests of the lessons' text (``tests/test_lesson_text.py``,
``tests/test_prose_numbers.py``).
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat

from tools.site import ESCAPED_DOLLAR

WIDGET = "application/vnd.jupyter.widget-view+json"

CODE = re.compile(r"```.*?```|`[^`\n]*`", re.S)
FORMULA = re.compile(r"\$\$.+?\$\$|\$[^$]+\$", re.S)
TEX_TEXT = re.compile(r"\\(?:text|mathrm|operatorname|textbf|mathbf)\s*\{[^{}]*\}")
TEX_COMMAND = re.compile(r"\\[A-Za-z]+")


def markdown_cells(path: Path) -> list[tuple[int, str]]:
    """(cell index, source) of every Markdown cell."""
    notebook = nbformat.read(path, as_version=4)
    return [(i, c.source) for i, c in enumerate(notebook.cells) if c.cell_type == "markdown"]


def formulas(markdown: str) -> list[str]:
    """The formulas MathJax would typeset: ``$...$`` and ``$$...$$`` pairs outside code, escapes removed."""
    text = ESCAPED_DOLLAR.sub("", CODE.sub("", markdown))
    return FORMULA.findall(text)


def prose_in_formula(formula: str) -> str | None:
    """The first run of words in a formula that is not TeX (``\\text{...}`` and commands removed), or None.

    "$1 into $" reads "1 into": prose. "$u^* = P_r / P_s$" does not.
    """
    body = TEX_COMMAND.sub(" ", TEX_TEXT.sub(" ", formula.strip("$")))
    match = re.search(r"[A-Za-z]{3,}|\b[A-Za-z]{2}\s+[A-Za-z]{2,}", body)
    return match.group(0) if match else None


def output_text(path: Path) -> str:
    """Everything the lesson's stored outputs show as text: prints, reprs, tables and panel readouts."""
    notebook = nbformat.read(path, as_version=4)
    pieces = []
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            if "text" in output:
                pieces.append(output["text"])
            data = output.get("data", {})
            pieces.append(data.get("text/plain", ""))
            pieces.append(re.sub(r"<[^>]+>", " ", data.get("text/html", "")))
    return "\n".join(pieces)


# Numbers in prose that are not quantities: lesson numbers (always two digits), years, dates, exercise,
# question, section and list numbers, and the time a lesson or section takes.
NOT_A_QUANTITY = [
    re.compile(r"\]\([^)]*\)"),  # link targets
    re.compile(r"<[^>]+>"),  # HTML tags
    re.compile(r"^#+ \d\d · .*$", re.M),  # the lesson's title line
    re.compile(r"\(?about \d+ minutes?\)?|\b\d+ (?:to \d+ )?minutes?\b", re.I),
    re.compile(
        r"\b(?:lessons?|exercises?|questions?|sections?|cells?|points?|steps?|parts?|objectives?)"
        r"(?: \d+(?:\.\d+)?[.,]?(?: and| or|,)?)+",  # "exercise 11.7" (lesson.exercise) too
        re.I,
    ),
    re.compile(r"\b0\d\b|\b\d\d(?= · )"),  # 00 to 09, and "11 · Capstone", are lesson numbers
    re.compile(r"^>.*$", re.M),  # quotations: the source's words, not the course's figures
    re.compile(r'"[^"\n]*"|“[^”]*”'),
    re.compile(r"\b(?:19|20)\d\d\b"),  # years
    re.compile(r"\b\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b"),  # dates
    re.compile(r"^\s*(?:\d+\.(?!\d)|#+ \d+\.)", re.M),  # list and section numbering, not "34.1" starting a line
]
PROSE_NUMBER = re.compile(r"(?<![\w.])(?<!\w-)\d[\d,]*(?:\.\d+)?(?![\w-]*\d)")


def prose_numbers(markdown: str) -> list[str]:
    """The numbers a learner reads in a Markdown cell, outside code, formulas, links and numbering."""
    text = ESCAPED_DOLLAR.sub(" ", CODE.sub(" ", markdown))
    text = FORMULA.sub(" ", text)
    for pattern in NOT_A_QUANTITY:
        text = pattern.sub(" ", text)
    return [n.rstrip(",") for n in PROSE_NUMBER.findall(text) if n.rstrip(",")]


def printed(number: str, outputs: str) -> bool:
    """Whether ``number`` (commas ignored) stands as a number in the outputs (1,645 matches 1645 and 1,645)."""
    plain = number.replace(",", "")
    digits = re.escape(plain)
    return (
        re.search(rf"(?<![\d.]){digits}(?!\d)|(?<![\d.]){re.escape(number)}(?!\d)", outputs.replace(",", ""))
        is not None
    )


CHECK_CALL = re.compile(r"^check\(\s*\"(\d\d\.\d+)\"", re.M)


def tags(cell) -> list[str]:
    return cell.metadata.get("tags", [])


def exercise_checks(path: Path) -> list[str]:
    """The exercise ids that a lesson's learner cells check, in order (solutions excluded)."""
    notebook = nbformat.read(path, as_version=4)
    return [i for c in notebook.cells if c.cell_type == "code" for i in CHECK_CALL.findall(c.source)]
