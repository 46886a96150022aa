"""What a study card shows: its front (the question, never the answer) and its back (answer and source).

A card is asked with a quiz question, in the way its shape allows: options to pick for choice and
true/false questions, a box to type in for text and number questions, and for matching and ordering
the items to recall before turning the card over. The front is built from ``Front`` fields only, none
of which holds the answer, so a page cannot leak what it never receives.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from questions import grading
from questions.kinds import UnknownKind, shape
from questions.model import FALSE_LABEL, TRUE_LABEL, Question
from quiz import models
from quiz.services.banks import load_question

INPUT_SHAPES = ("choice", "true_false", "text", "numeric")


def _shape(q: Question) -> str:
    try:
        return shape(q)
    except UnknownKind:
        return "text"  # a kind this version does not know is asked for a typed answer


def _stirred(values: Sequence[str], salt: str) -> tuple[str, ...]:
    # A fixed order per card and review (a reload shows the same one) that keeps no option in place.
    return tuple(sorted(values, key=lambda v: hashlib.sha256(f"{salt}\x00{v}".encode()).digest()))


@dataclass(frozen=True)
class Front:
    """A card as shown before its answer: the prompt and what to answer with, no answer."""

    card_id: int
    seq: int  # the card's review count: a rating names it, so a repeated one is ignored
    kind: str
    shape: str
    prompt: str
    choices: tuple[str, ...] = ()  # choice and true/false: the options to pick from
    rows: tuple[str, ...] = ()  # matching: the left-hand items
    options: tuple[str, ...] = ()  # matching: the right-hand options
    items: tuple[str, ...] = ()  # ordering: the items, out of order
    response: str | None = None  # what the student typed or picked so far

    @property
    def field(self) -> str:
        """Return the name of the answer's form field (the same shape as a quiz's, so autosave reads it)."""
        return f"q-{self.card_id}"

    @property
    def answerable(self) -> bool:
        """Say whether the front takes an answer (else the student recalls it and turns the card)."""
        return self.shape in INPUT_SHAPES


@dataclass(frozen=True)
class Back:
    """A card with its answer: what the student gave, the answer, and the article's sentence."""

    front: Front
    expected: tuple[str, ...]
    accepted: tuple[str, ...]
    correct: bool | None  # the typed or picked answer graded; None when nothing was given
    source_text: str
    source_start: int
    source_end: int


def front(card: models.StudyCard, q: Question | None = None) -> Front:
    """Return the card's front."""
    q = q or load_question(card.question_json)
    form = _shape(q)
    salt = f"{card.id}:{card.reps}"
    base = Front(card_id=card.id, seq=card.reps, kind=q.kind, shape=form, prompt=q.prompt, response=card.response)
    if form == "true_false":
        return _with(base, choices=tuple(q.choices) or (TRUE_LABEL, FALSE_LABEL))
    if form == "choice":
        return _with(base, choices=_stirred(q.choices, salt))
    if form == "matching":
        rights = list(q.choices) or [right for _, right in q.pairs]
        return _with(base, rows=tuple(left for left, _ in q.pairs), options=_stirred(rights, salt))
    if form == "ordering":
        items = _stirred(q.items or q.choices, salt)
        if len(items) > 1 and items == tuple(q.items):
            items = items[1:] + items[:1]  # never shown in the solved order
        return _with(base, items=items)
    return base


def _with(base: Front, **fields: tuple[str, ...]) -> Front:
    return Front(**{**base.__dict__, **fields})


def expected(q: Question) -> tuple[str, ...]:
    """Return the answer as lines to show: one answer, the matched pairs, or the items in order."""
    form = _shape(q)
    if form == "matching":
        return tuple(f"{left} ← {right}" for left, right in q.pairs)
    if form == "ordering":
        return tuple(q.items)
    return (q.answer,)


def verdict(q: Question, response: str | None) -> bool | None:
    """Grade what the student gave on the front (None when the card takes no answer or none was given)."""
    if not response or _shape(q) not in INPUT_SHAPES:
        return None
    return grading.is_correct(q, response)


def back(card: models.StudyCard) -> Back:
    """Return the card's back: the front, the answer graded, and the source sentence."""
    q = load_question(card.question_json)
    return Back(front=front(card, q), expected=expected(q),
                accepted=tuple(a for a in q.accepted if a != q.answer), correct=verdict(q, card.response),
                source_text=q.source.text, source_start=q.source.start, source_end=q.source.end)
