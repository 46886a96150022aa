"""Questions that answer each other: one question's text (its stem, its statements, its items, the quiz
title) giving away another's answer.

``secrets(q)`` is what a student must not be shown before answering ``q``: its answer and the other
ways to write it, for the kinds whose answer is a name, a date, a number or a phrase; for a true/false
statement, the fact it turns on as the article writes it. ``shown(q)`` is
what ``q`` puts on the page: its prompt, and its options or items when those are statements rather
than bare names. ``find_leaks`` lists every pair where one gives the other away.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from questions.answers import shows_answer
from questions.options import token_key
from questions.kinds import shape
from questions.model import BLANK, Question

# An option longer than this many words is a statement: it asserts something, so it can give an answer away.
STATEMENT_WORDS = 4


@dataclass(frozen=True)
class Leak:
    """Question ``revealer`` (an index, or -1 for the quiz title) shows the answer of ``revealed``."""

    revealer: int
    revealed: int
    secret: str


def secrets(q: Question) -> tuple[str, ...]:
    """What ``q`` asks for, in every accepted form; empty for kinds whose answer is not a text to hide."""
    s = shape(q)
    if q.kind == "statement" and q.source.start < q.source.end:
        # Which statement is the odd one turns on the fact it changed or kept: a page showing that fact
        # as the article writes it settles the question.
        return tuple(dict.fromkeys(a for a in (q.answer, q.source.text[q.source.start:q.source.end]) if a.strip()))
    if s in ("choice", "text", "numeric"):
        return tuple(dict.fromkeys(a for a in (q.answer, *q.accepted) if a.strip()))
    if s == "matching":
        return tuple(dict.fromkeys(b for _, b in q.pairs))
    if s == "true_false" and q.source is not None and q.source.start < q.source.end:
        # Whether the statement is true turns on its fact: a page showing the fact as the article
        # writes it settles the question (the statement copied with its true figure, say).
        return (q.source.text[q.source.start:q.source.end],)
    return ()


def shown(q: Question) -> tuple[str, ...]:
    """The texts ``q`` puts on the page before it is answered; a stem with a blank also as it reads
    without the blank, since the rest of it still tells a student that the sentence is true."""
    out = [q.prompt, *q.items, *(a for a, _ in q.pairs)]
    if BLANK in q.prompt:
        out.append(re.sub(r"[\s،,]*" + re.escape(BLANK) + r"[\s،,]*", " ", q.prompt))
    out += [c for c in q.choices if len(c.split()) > STATEMENT_WORDS]
    return tuple(out)


_FIGURE = re.compile(r"[\d٠-٩]+(?:[.,٫][\d٠-٩]+)?\s*[%٪]?")


def reveals(revealer: Question, revealed: Question) -> str | None:
    """The secret of ``revealed`` that ``revealer`` shows, or None. A change from one value to another
    is shown by a page holding both values («انخفضت النسبة من 9% إلى 4%»)."""
    if revealer.key == revealed.key:
        return None
    texts = shown(revealer)
    ends = _FIGURE.findall(revealed.answer) if revealed.kind == "change" else []
    if len(ends) >= 2 and any(all(shows_answer(t, v.strip()) for v in ends) for t in texts):
        return revealed.answer
    for secret in secrets(revealed):
        if any(shows_answer(t, secret) for t in texts):
            return secret
    return None


def offers_answer_of(offering: Question, answered: Question) -> bool:
    """True when a wrong option of ``offering`` is the answer of ``answered``, a figure or a date of the
    same kind: a student who knows one rules that option out of the other («8.5%» right in one question,
    wrong in the next)."""
    if offering.key == answered.key or offering.fact_type != answered.fact_type or \
            offering.fact_type not in ("number", "percentage", "date") or shape(offering) != "choice":
        return False
    target = token_key(answered.answer)
    return any(c != offering.answer and token_key(c) == target for c in offering.choices)


def title_reveals(title: str, q: Question) -> str | None:
    """The secret of ``q`` the quiz title shows, or None."""
    if not title.strip():
        return None
    return next((s for s in secrets(q) if shows_answer(title, s)), None)


def find_leaks(questions: Sequence[Question], title: str = "") -> list[Leak]:
    """Every pair of questions (and the title) where one gives away another's answer."""
    out = []
    for j, b in enumerate(questions):
        t = title_reveals(title, b)
        if t is not None:
            out.append(Leak(-1, j, t))
        for i, a in enumerate(questions):
            if i != j:
                s = reveals(a, b)
                if s is not None:
                    out.append(Leak(i, j, s))
    return out


def leak_free(questions: Sequence[Question], title: str = "") -> list[Question]:
    """The questions in order, leaving out each one that would give away (or be given away by) one
    already kept, or whose answer the title shows."""
    kept: list[Question] = []
    for q in questions:
        if title_reveals(title, q) is not None:
            continue
        if any(reveals(k, q) or reveals(q, k) for k in kept):
            continue
        kept.append(q)
    return kept
