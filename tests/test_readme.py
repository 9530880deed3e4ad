"""The README's lesson table and commands agree with the course itself."""

from pathlib import Path

from utils.course import LESSONS

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def test_readme_lists_every_lesson_with_its_time_and_link():
    for lesson in LESSONS:
        name = f"[{lesson.title}](notebooks/{lesson.filename})" if lesson.exists else f"{lesson.title} (in preparation)"
        assert f"| {lesson.number:02d} | {name} | {lesson.minutes} | {lesson.question} |" in README


def test_readme_shows_the_two_commands():
    assert "make lab" in README and "make test" in README
