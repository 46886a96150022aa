"""Server-side answer grading, by the shape of the question (see ``questions.kinds``).

Typed answers compare the Arabic-aware way (``questions.answers``); aliases come from
``Question.accepted``. Partial credit: ``matching`` scores the fraction of left-hand items given their
right partner; ``ordering`` scores the fraction of positions holding the right item. Every other shape
scores 0 or 1. Malformed responses (None, wrong type, oversized input) score 0 and never raise; a
question of an unknown kind raises ``UnknownKind``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence

from questions.answers import MAX_ITEMS, MAX_RESPONSE_CHARS, number_values, scale_of, text_matches
from questions.kinds import Shape, shape
from questions.model import FALSE_LABEL, TRUE_LABEL, Question
from questions.normalize import fold, tokens

__all__ = ["accepted_answers", "grade", "is_correct", "number_values", "text_matches"]

_TRUE_WORDS = {fold(TRUE_LABEL), "صحيح", "صواب", "نعم", "true"}
_FALSE_WORDS = {fold(FALSE_LABEL), "خاطي", "خطا", "لا", "false"}


def _answer_value(q: Question) -> float | None:
    """The answer's value: its first reading («5ر1» is 1.5), or with a scale word the scaled one
    («36.5 مليار» is 36,500,000,000)."""
    vals = number_values(q.answer)
    if not vals:
        return None
    return vals[-1] if scale_of(q.answer) != 1.0 else vals[0]


def _number_matches(response: str, q: Question) -> bool:
    target = _answer_value(q)
    if target is None:
        return False
    # The accepted forms say how else the figure reads («367122» for «367.122» written with a thousands dot).
    targets = [target, *(v for a in q.accepted if scale_of(a) == 1.0 for v in number_values(a)[:1])]
    tol = q.tolerance if q.tolerance is not None else 1e-9
    readings = number_values(response)
    scale = scale_of(q.answer)
    if scale != 1.0 and scale_of(response) == 1.0:
        readings = readings + [v * scale for v in readings]  # «36.5» typed for «36.5 مليار»: the blank holds the scale
    return any(abs(v - t) <= max(tol, 1e-9 * max(1.0, abs(t))) for v in readings for t in targets)


_DATE_CUES = {"في", "يوم", "عام", "العام", "سنه", "خلال", "مساء", "صباح", "منذ"}


def _drop_date_cue(s: str) -> str:
    words = tokens(s)
    while words and words[0] in _DATE_CUES:
        words = words[1:]
    return " ".join(words)


def _clean_text(response: object) -> str | None:
    if isinstance(response, bool) or not isinstance(response, str):
        return None
    if len(response) > MAX_RESPONSE_CHARS or not response.strip():
        return None
    return response


def _typed(q: Question, response: object) -> float:
    text = _clean_text(response)
    if text is None:
        return 0.0
    if q.fact_type in ("number", "percentage") or shape(q) == "numeric":
        return 1.0 if _number_matches(text, q) else 0.0
    targets = [t for t in (q.answer, *q.accepted) if t]
    if any(text_matches(text, t) for t in targets):
        return 1.0
    if q.fact_type == "date":
        # «في عام 2025» / «يوم 24 ديسمبر» for «2025» / «24 ديسمبر»: the lead-in word is not the answer.
        bare = _drop_date_cue(text)
        return 1.0 if any(text_matches(bare, _drop_date_cue(t)) for t in targets) else 0.0
    return 0.0


def _choice(q: Question, response: object) -> float:
    text = _clean_text(response)
    if text is None:
        return 0.0
    if text == q.answer:
        return 1.0
    # A response equal (after folding) to some other option is that option, never the answer.
    same = [c for c in q.choices if fold(c).strip() == fold(text).strip()]
    return 1.0 if same and all(c == q.answer for c in same) else 0.0


def _true_false(q: Question, response: object) -> float:
    truth = fold(q.answer).strip() == fold(TRUE_LABEL)
    if isinstance(response, bool):
        return 1.0 if response == truth else 0.0
    text = _clean_text(response)
    if text is None:
        return 0.0
    key = " ".join(tokens(text))
    if key in _TRUE_WORDS:
        return 1.0 if truth else 0.0
    if key in _FALSE_WORDS:
        return 0.0 if truth else 1.0
    return 0.0


def _same_item(a: str, b: str) -> bool:
    return a == b or " ".join(tokens(a)) == " ".join(tokens(b))


def _matching(q: Question, response: object) -> float:
    if not isinstance(response, Mapping) or not q.pairs or len(response) > MAX_ITEMS:
        return 0.0
    given: dict[str, str] = {}
    for k, v in response.items():
        if isinstance(k, str) and isinstance(v, str) and len(k) <= MAX_RESPONSE_CHARS and len(v) <= MAX_RESPONSE_CHARS:
            given[" ".join(tokens(k))] = v
    right = 0
    for left, partner in q.pairs:
        v = given.get(" ".join(tokens(left)))
        if v is not None and _same_item(v, partner):
            right += 1
    return right / len(q.pairs)


def _ordering(q: Question, response: object) -> float:
    if isinstance(response, (str, bytes, Mapping)) or not isinstance(response, Sequence) or not q.items:
        return 0.0
    if len(response) > MAX_ITEMS:
        return 0.0
    seq: Sequence[object] = response
    right = 0
    for i, item in enumerate(q.items):
        if i < len(seq):
            got = seq[i]
            if isinstance(got, str) and len(got) <= MAX_RESPONSE_CHARS and _same_item(got, item):
                right += 1
    return right / len(q.items)


_BY_SHAPE: dict[Shape, Callable[[Question, object], float]] = {
    "choice": _choice,
    "text": _typed,
    "numeric": _typed,
    "true_false": _true_false,
    "matching": _matching,
    "ordering": _ordering,
}


def grade(question: Question, response: object) -> float:
    """Score ``response`` to ``question`` in [0, 1]; malformed responses score 0."""
    grader = _BY_SHAPE[shape(question)]
    try:
        return grader(question, response)
    except (TypeError, ValueError, OverflowError, RecursionError):
        return 0.0


def is_correct(question: Question, response: object) -> bool:
    """True when ``response`` earns full credit."""
    return grade(question, response) >= 1.0 - 1e-9


def accepted_answers(question: Question) -> Iterable[str]:
    """The answer and its accepted variants, for display in review screens."""
    return (question.answer, *question.accepted)
