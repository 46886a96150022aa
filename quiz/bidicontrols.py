"""Bidirectional controls never reach a student: removed where teacher text enters, again where it is shown.

An override or embedding (U+202A–U+202E) or an isolate (U+2066–U+2069) changes the order in which
the text after it is shown: a choice that starts with U+202E shows its digits reversed, a title can
pose as another quiz's. The marks (U+200E, U+200F, U+061C) and U+FEFF are invisible too and carry nothing a
teacher means to say: the page isolates Latin and number runs itself (``quiz.views.helpers.bidi``).
The set is ``questions.normalize.strip_bidi``'s, the one grading already ignores in typed answers.

Teacher text enters through the services (article title, text and source, questions, quiz titles,
class names), which call ``without_controls``, ``clean_question`` or ``clean_bank``; every page's
``{{ ... }}`` output passes ``finalize`` and every export ``clean_bank``, so rows stored before
this rule existed are shown clean too.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from markupsafe import Markup

from questions.model import Bank, Question
from questions.normalize import strip_bidi


def without_controls(text: str) -> str:
    """Return ``text`` without bidirectional controls and marks."""
    return strip_bidi(text)


def optional_without_controls(text: str | None) -> str | None:
    """Like ``without_controls``, keeping None as None."""
    return None if text is None else strip_bidi(text)


def _span_without_controls(text: str, start: int, end: int) -> tuple[str, int, int]:
    # Offsets point into the text: count what is removed before and inside the span.
    if not 0 <= start <= end <= len(text):
        return strip_bidi(text), start, end
    before, inside = strip_bidi(text[:start]), strip_bidi(text[start:end])
    return before + inside + strip_bidi(text[end:]), len(before), len(before) + len(inside)


def _strings_without_controls(value: Any) -> Any:
    if isinstance(value, str):
        return strip_bidi(value)
    if isinstance(value, list):
        return [_strings_without_controls(v) for v in value]
    if isinstance(value, dict):
        return {k: _strings_without_controls(v) for k, v in value.items()}
    return value


def clean_question(question: Question) -> Question:
    """Return ``question`` with every text field free of controls (the source's offsets follow)."""
    data = question.to_dict()
    source = data.pop("source")
    cleaned = _strings_without_controls(data)
    if cleaned == data and strip_bidi(source["text"]) == source["text"]:
        return question
    text, start, end = _span_without_controls(source["text"], source["start"], source["end"])
    cleaned["source"] = {"text": text, "start": start, "end": end}
    return Question.from_dict(cleaned)


def clean_bank(bank: Bank) -> Bank:
    """Return ``bank`` with its article's title, text and source and every question free of controls."""
    art = bank.article
    article = replace(art, title=strip_bidi(art.title), text=strip_bidi(art.text),
                      source=optional_without_controls(art.source))
    return replace(bank, article=article, questions=tuple(clean_question(q) for q in bank.questions))


def finalize(value: Any) -> Any:
    """Jinja's ``finalize``: every string a template prints loses its controls (Markup stays Markup)."""
    if not isinstance(value, str):
        return value
    cleaned = strip_bidi(value)
    if cleaned == value:
        return value
    return Markup(cleaned) if isinstance(value, Markup) else cleaned  # removing characters adds no markup  # nosec B704
