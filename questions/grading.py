"""Server-side answer grading with Arabic-aware matching.

Text answers match after folding (diacritics, tatweel, alef forms, ى/ي, ة/ه, digits) and with an
optional leading ال/و/ب (and their combinations) on each word. Prefixes are compared as variants,
never stripped blindly: «ولايات» keeps its و and still matches «الولايات» because both can read as
«ولايات». Numbers compare by value («40.27» = «٤٠٫٢٧» = «40,27»). Aliases come from
``Question.accepted``.

Partial credit: ``matching`` scores the fraction of left-hand items given their right partner;
``ordering`` scores the fraction of positions holding the right item. Every other kind scores 0 or 1.
Malformed responses (None, wrong type, oversized input) score 0 and never raise.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence

from questions.model import FALSE_LABEL, TRUE_LABEL, Question
from questions.normalize import fold, tokens

MAX_RESPONSE_CHARS = 2000
MAX_ITEMS = 200

# Optional proclitics a student may add or leave off; longest first so وال is tried before و.
_PREFIXES = ("وبال", "وال", "بال", "فال", "كال", "لل", "ال", "وب", "و", "ب")

_NUMBER = re.compile(r"\d+(?:[.,،٫ر]\d+)*")
_SCALES = {"الف": 1e3, "الاف": 1e3, "مليون": 1e6, "ملايين": 1e6, "مليار": 1e9, "مليارات": 1e9}
_WORD_NUMBERS = {
    "صفر": 0, "واحد": 1, "واحده": 1, "اثنان": 2, "اثنين": 2, "اثنتان": 2, "ثلاثه": 3, "ثلاث": 3,
    "اربعه": 4, "اربع": 4, "خمسه": 5, "خمس": 5, "سته": 6, "ست": 6, "سبعه": 7, "سبع": 7,
    "ثمانيه": 8, "ثماني": 8, "ثمان": 8, "تسعه": 9, "تسع": 9, "عشره": 10, "عشر": 10,
    "عشرون": 20, "عشرين": 20, "مئه": 100, "مائه": 100, "الف": 1000,
}
_TRUE_WORDS = {fold(TRUE_LABEL), "صحيح", "صواب", "نعم", "true"}
_FALSE_WORDS = {fold(FALSE_LABEL), "خاطي", "خطا", "لا", "false"}


def _variants(token: str) -> set[str]:
    """Every reading of a folded token with or without one optional leading proclitic."""
    out = {token}
    for p in _PREFIXES:
        if token.startswith(p) and len(token) - len(p) >= 3:
            out.add(token[len(p):])
    return out


def text_matches(response: str, target: str) -> bool:
    """True when ``response`` reads as ``target`` under Arabic-aware folding and optional prefixes."""
    a, b = tokens(response), tokens(target)
    if not a or not b:
        return False
    if len(a) == len(b) and all(_variants(x) & _variants(y) for x, y in zip(a, b)):
        return True
    # Spacing differs in compound names (عبد اللطيف / عبداللطيف, نصر الله / نصرالله).
    return "".join(a) == "".join(b)


def _decimal(int_part: str, frac: str) -> float:
    return float(f"{int_part}.{frac}")


def number_values(s: str) -> list[float]:
    """Readings of the single number written in ``s``; empty when there is none or several.

    Accepts ASCII, Arabic-Indic and Persian digits; «٫» «،» «,» «.» as decimal marks (a comma
    followed by groups of exactly three digits is a thousands separator); the news-agency «ر» mark
    read both ways (fraction first as in «5ر1» = 1.5, and as typed left to right); scale words
    (ألف، مليون، مليار) and the number words one to ten.
    """
    f = fold(s).replace("٬", ",").replace("٪", "%")
    found = _NUMBER.findall(f)
    scale = 1.0
    for t in tokens(f):
        for v in _variants(t):
            if v in _SCALES:
                scale = _SCALES[v]
    if not found:
        words = [w for t in tokens(f) for w in _variants(t) if w in _WORD_NUMBERS]
        if len(words) != 1:
            return []
        return [float(_WORD_NUMBERS[words[0]])]
    if len(found) != 1:
        return []
    num = found[0]
    values: list[float] = []
    if "ر" in num:
        parts = num.split("ر")
        if len(parts) != 2:
            return []
        values = [_decimal(parts[1], parts[0]), _decimal(parts[0], parts[1])]
    elif re.fullmatch(r"\d{1,3}(?:,\d{3})+", num):
        values = [float(num.replace(",", ""))]
    else:
        parts = re.split(r"[.,،٫]", num)
        if len(parts) > 2:
            return []
        values = [_decimal(parts[0], parts[1])] if len(parts) == 2 else [float(parts[0])]
    if scale != 1.0:
        values += [v * scale for v in values]
    return [v for v in values if math.isfinite(v)]


def _answer_value(q: Question) -> float | None:
    vals = number_values(q.answer)
    return vals[0] if vals else None


def _number_matches(response: str, q: Question) -> bool:
    target = _answer_value(q)
    if target is None:
        return False
    tol = q.tolerance if q.tolerance is not None else 1e-9
    tol = max(tol, 1e-9 * max(1.0, abs(target)))
    return any(abs(v - target) <= tol for v in number_values(response))


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
    if q.fact_type in ("number", "percentage") or q.kind == "numeric":
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


def grade(question: Question, response: object) -> float:
    """Score ``response`` to ``question`` in [0, 1]; malformed responses score 0."""
    try:
        kind = question.kind
        if kind == "true_false":
            return _true_false(question, response)
        if kind == "mcq":
            return _choice(question, response)
        if kind == "matching":
            return _matching(question, response)
        if kind == "ordering":
            return _ordering(question, response)
        if kind in ("cloze", "wh", "short", "numeric"):
            return _typed(question, response)
        return 0.0
    except (TypeError, ValueError, OverflowError, RecursionError):
        return 0.0


def is_correct(question: Question, response: object) -> bool:
    """True when ``response`` earns full credit."""
    return grade(question, response) >= 1.0 - 1e-9


def accepted_answers(question: Question) -> Iterable[str]:
    """The answer and its accepted variants, for display in review screens."""
    return (question.answer, *question.accepted)
