"""What every export format shares: blanks, numbers, safe names, question groupings."""

from __future__ import annotations

import re
from collections.abc import Iterable

from questions.model import FALSE_LABEL, TRUE_LABEL, Bank, Question

# A blank is a run of three underscores or more, as ``questions.checks`` counts them (the
# generator and the teacher's form write five: ``questions.checks.BLANK``).
_BLANK_RE = re.compile(r"_{3,}")


def banks_of(banks: Bank | Iterable[Bank]) -> tuple[Bank, ...]:
    """Return one bank or several as a tuple of banks."""
    if isinstance(banks, Bank):
        return (banks,)
    return tuple(banks)


def split_blank(prompt: str) -> tuple[str, str] | None:
    """Split a cloze prompt at its blank into (before, after), or None when it has no blank."""
    m = _BLANK_RE.search(prompt)
    if m is None:
        return None
    return prompt[: m.start()], prompt[m.end():]


def format_number(value: float) -> str:
    """Write a number the shortest way that reads back exactly (``3`` not ``3.0``)."""
    if value == int(value) and abs(value) < 1e15:
        return str(int(value))
    return repr(value)


def is_true(q: Question) -> bool:
    """Return whether a true/false question's correct answer is "true"."""
    a = q.answer.strip()
    if a == TRUE_LABEL:
        return True
    if a == FALSE_LABEL:
        return False
    return a.lower() in ("true", "t", "1", "yes")


def distractors(q: Question) -> list[str]:
    """Return the wrong choices of a choice question, in their stored order."""
    return [c for c in q.choices if c != q.answer]


def matching_extras(q: Question) -> list[str]:
    """Return right-hand choices of a matching question that pair with no left item."""
    rights = {r for _, r in q.pairs}
    return [c for c in q.choices if c not in rights]


def ordering_shown(q: Question) -> tuple[str, ...]:
    """Return the items of an ordering question in the order a student first sees them."""
    return q.choices if q.choices else q.items


def typed_literal(answer: str) -> str:
    """Write an accepted typed answer for Moodle, which reads "*" in one as "any text"."""
    return answer.replace("*", "\\*")


def one_line(text: str) -> str:
    """Collapse line breaks and tabs to single spaces."""
    return " ".join(text.split())


def safe_tag(text: str) -> str:
    """Turn a value into an Anki tag part (no spaces, no hierarchy separators)."""
    s = re.sub(r"\s+", "_", text.strip()).replace("::", "_")
    return s or "none"


def title_of(bank: Bank) -> str:
    """Return the article's title on one line, falling back to its key."""
    return one_line(bank.article.title) or bank.article.key
