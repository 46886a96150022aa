"""Fahim's pure core: Arabic article text -> facts -> question banks -> grading.

This package never imports flask, sqlalchemy, wtforms, genanki or quiz (see README.md here).
"""

from questions.model import Article, Bank, Fact, Question, Source

__all__ = ["Article", "Bank", "Fact", "Question", "Source", "extract_facts", "generate"]


def extract_facts(text: str, *, article_date: str | None = None) -> list[Fact]:
    """Find every date, percentage, number, person, place and organization in ``text``."""
    from questions.facts import extract_facts as _extract

    return _extract(text, article_date=article_date)


def generate(text: str, *, seed: int = 0, article_date: str | None = None, title: str = "",
             source: str | None = None) -> Bank:
    """Generate a checked question bank from an article's text."""
    from questions.generate import generate as _generate

    return _generate(text, seed=seed, article_date=article_date, title=title, source=source)
