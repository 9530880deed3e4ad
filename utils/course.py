"""The course's lessons, in order, with their estimated times.

One list serves the roadmap in ``00_start_here``, the README and the tests that
check every lesson exists and links to the next.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

__all__ = ["Lesson", "LESSONS", "NOTEBOOK_DIR", "roadmap_markdown", "total_minutes"]

NOTEBOOK_DIR = Path(__file__).resolve().parent.parent / "notebooks"


@dataclass(frozen=True)
class Lesson:
    """One notebook: its number, file stem, title, estimated minutes and question."""

    number: int
    stem: str
    title: str
    minutes: int
    question: str

    @property
    def filename(self) -> str:
        return f"{self.stem}.ipynb"

    @property
    def exists(self) -> bool:
        return (NOTEBOOK_DIR / self.filename).exists()


LESSONS: tuple[Lesson, ...] = (
    Lesson(0, "00_start_here", "Start here", 30, "How does the course work, and does it run here?"),
    Lesson(1, "01_picks_and_shovels", "Picks and shovels", 30, "Why does capital rotate to infrastructure?"),
    Lesson(2, "02_the_ai_infra_stack", "The AI infrastructure stack", 40, "What are the layers, and who funds them?"),
    Lesson(3, "03_serverless_gpu_economics", "Serverless GPU economics", 35, "When does paying per second win?"),
    Lesson(4, "04_the_cost_surface", "The cost surface of one request", 40, "What does one AI request cost?"),
    Lesson(5, "05_switching_costs_and_margins", "Switching costs and margins", 35, "Why do margins squeeze apps?"),
    Lesson(6, "06_model_agnostic_demand", "Model-agnostic demand", 30, "What if another model wins?"),
    Lesson(7, "07_portfolio_math", "Portfolio math", 40, "Why do investors need many shots on goal?"),
    Lesson(8, "08_concentration", "Concentration", 30, "Is a record quarter broad enthusiasm?"),
    Lesson(9, "09_efficiency_is_survival", "Efficiency is survival", 35, "Can you serve at a tenth of US ARPU?"),
    Lesson(10, "10_scenarios", "Scenarios", 30, "Where could the premium go instead?"),
    Lesson(11, "11_capstone", "Capstone", 40, "Does your product pass the positioning test?"),
)


def total_minutes() -> int:
    """Estimated time for the whole course, in minutes."""
    return sum(lesson.minutes for lesson in LESSONS)


def roadmap_markdown() -> str:
    """The lesson table in Markdown; lessons not yet written are shown without a link."""
    rows = ["| # | lesson | minutes | the question it answers |", "|---|---|---|---|"]
    for lesson in LESSONS:
        name = f"[{lesson.title}]({lesson.filename})" if lesson.exists else f"{lesson.title} (in preparation)"
        rows.append(f"| {lesson.number:02d} | {name} | {lesson.minutes} | {lesson.question} |")
    return "\n".join(rows)
