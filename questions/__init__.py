"""Fahim's pure core: Arabic article text -> facts -> question banks -> grading.

This package never imports flask, sqlalchemy, wtforms, genanki or quiz (see README.md here).
"""

from questions.model import Article, Bank, Fact, Question, Source

# Import the functions (not lazily inside wrappers): a lazy `from questions.generate import ...`
# would make Python bind the *submodule* to `questions.generate`, replacing the function.
from questions.facts import extract_facts
from questions.generate import generate

__all__ = ["Article", "Bank", "Fact", "Question", "Source", "extract_facts", "generate"]
