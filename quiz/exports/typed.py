"""Typed answers as Fahim grades them, written out for formats that compare what is typed.

Moodle's short answer (and so GIFT's) accepts a response only when it equals one of its answers,
trimmed and case aside; Fahim folds letters and digits and reads a leading ال/و/ب as optional
(``questions.answers``). So the Moodle XML and GIFT exports list the spellings a student types for
the same answer as extra 100% answers: the answer and each alias as written, then each with one
spelling rule applied, with all the letter rules at once, and with a leading proclitic left off or
added. The rules are the pairs ``questions.normalize.fold`` reads as one letter. Every spelling
listed is one Fahim's own grader accepts for the question (``questions.grading.is_correct``), and
the list is deduplicated and bounded (``MAX_ALTERNATIVES``).

A typed answer Fahim compares by value (``by_number``) becomes a Moodle numerical answer instead
(``number_answer``): the value Fahim reads from the answer, the question's tolerance, the text
written around the number (the «%» of a percentage), and units: that text, and the scale words
Fahim reads (ألف، مليون، مليار), each with the multiplier Fahim gives it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache

from questions.grading import is_correct, number_values
from questions.kinds import shape
from questions.model import Question
from questions.normalize import ARABIC_LETTER, ascii_digits, strip_diacritics

MAX_ALTERNATIVES = 48

Rule = Callable[[str], str]

_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
_WORD_END = r"(?=$|[\s،,.؛:!؟?»)\]])"


def bare_alef(s: str) -> str:
    """An alef written without its hamza or madda (أ إ آ ٱ as ا)."""
    return re.sub("[أإآٱ]", "ا", s)


def ha_for_ta_marbuta(s: str) -> str:
    """A final ة written ه."""
    return re.sub("ة" + _WORD_END, "ه", s)


def ya_for_alif_maqsura(s: str) -> str:
    """ى written ي."""
    return s.replace("ى", "ي")


def alif_maqsura_for_final_ya(s: str) -> str:
    """A final ي written ى."""
    return re.sub("ي" + _WORD_END, "ى", s)


def waw_for_hamza_on_waw(s: str) -> str:
    """ؤ written و."""
    return s.replace("ؤ", "و")


def indic_digits(s: str) -> str:
    """ASCII digits written in Arabic-Indic."""
    return s.translate(_INDIC)


# The letters a student types for the written ones, each pair one that questions.normalize.fold
# reads as one letter. PLAIN_RULES together write every letter the plain way.
PLAIN_RULES: tuple[Rule, ...] = (bare_alef, ha_for_ta_marbuta, ya_for_alif_maqsura, waw_for_hamza_on_waw,
                                 strip_diacritics)
LETTER_RULES: tuple[Rule, ...] = (*PLAIN_RULES, alif_maqsura_for_final_ya)
DIGIT_RULES: tuple[Rule, ...] = (indic_digits, ascii_digits)


def plain_letters(s: str) -> str:
    """Every letter written the plain way at once."""
    for rule in PLAIN_RULES:
        s = rule(s)
    return s


def _first_word(s: str, change: Rule) -> str:
    first, _, rest = s.partition(" ")
    return change(first) + (" " + rest if rest else "")


def _without_al(word: str) -> str:
    return word[2:] if word.startswith("ال") and len(word) > 4 else word


def _arabic_start(form: Rule) -> Rule:
    # A proclitic goes only before an Arabic word.
    return lambda s: form(s) if ARABIC_LETTER.match(s) else s


# A leading proclitic a student leaves off or adds (questions.answers reads one as optional on
# each word): ال on the first word or on every word, و or ب before the answer.
PREFIX_FORMS: tuple[Rule, ...] = tuple(_arabic_start(form) for form in (
    lambda s: _first_word(s, _without_al),
    lambda s: _first_word(s, lambda w: w if w.startswith("ال") else "ال" + w),
    lambda s: " ".join(_without_al(w) for w in s.split(" ")),
    lambda s: "و" + s,
    lambda s: "ب" + s,
))


def _spellings(written: str) -> Iterator[str]:
    """Spellings of one written answer, the likeliest first."""
    yield written
    for rule in LETTER_RULES + DIGIT_RULES:
        yield rule(written)
    plain = plain_letters(written)
    yield plain
    for form in PREFIX_FORMS:
        yield form(written)
        yield form(plain)
    for rule in LETTER_RULES:
        for form in PREFIX_FORMS:
            yield form(rule(written))


def text_alternatives(q: Question) -> list[str]:
    """Return the answer, its aliases and the spellings of each that Fahim accepts, bounded."""
    written = [a for a in dict.fromkeys((q.answer, *q.accepted)) if a.strip()]
    out = list(written)
    seen = set(out)
    streams = [_spellings(a) for a in written]
    # Turn about between the written answers, so an alias's likely spellings come before an
    # answer's unlikely ones.
    while streams and len(out) < MAX_ALTERNATIVES:
        for stream in list(streams):
            candidate = next(stream, None)
            if candidate is None:
                streams.remove(stream)
                continue
            candidate = candidate.strip()
            if candidate and candidate not in seen:
                seen.add(candidate)
                if is_correct(q, candidate):
                    out.append(candidate)
    return out[:MAX_ALTERNATIVES]


def by_number(q: Question) -> bool:
    """Whether Fahim grades ``q``'s typed answer by its value, as ``questions.grading`` does."""
    s = shape(q)
    return s == "numeric" or (s == "text" and q.fact_type in ("number", "percentage"))


_DIGITS = "0-9٠-٩۰-۹"
_NUMBER_SPAN = re.compile(f"[{_DIGITS}]+(?:[.,،٫٬ر][{_DIGITS}]+)*")
SCALE_WORDS = ("ألف", "آلاف", "الف", "الاف", "مليون", "ملايين", "مليار", "مليارات")
PERCENT_SIGNS = ("%", "٪")


@dataclass(frozen=True)
class NumberAnswer:
    """A typed answer compared by value: what Moodle's numerical question needs."""

    value: float
    tolerance: float
    before: str  # the answer's text before its number
    after: str  # and after it («%», « مليون»)
    units: tuple[tuple[str, float], ...]  # (unit, Moodle's multiplier: 1 / the value of one unit)


@cache
def _scale_units() -> tuple[tuple[str, float], ...]:
    units = []
    for word in SCALE_WORDS:
        readings = number_values("1 " + word)
        if len(readings) == 2:  # Fahim reads «1 مليون» as 1 and as 1,000,000
            units.append((word, 1 / readings[1]))
    return tuple(units)


def number_answer(q: Question) -> NumberAnswer | None:
    """Return how Fahim compares ``q``'s answer by value, or None when it is not by value."""
    if not by_number(q):
        return None
    values = number_values(q.answer)
    spans = list(_NUMBER_SPAN.finditer(q.answer))
    if not values or len(spans) != 1:
        return None
    before, after = q.answer[: spans[0].start()], q.answer[spans[0].end():]
    own = (before + after).strip()
    units: list[tuple[str, float]] = [(own, 1.0)] if own and not before.strip() else []
    if q.fact_type == "percentage" or own in PERCENT_SIGNS:
        units += [(sign, 1.0) for sign in PERCENT_SIGNS]
    units += _scale_units()
    unique: dict[str, float] = {}
    for name, multiplier in units:
        unique.setdefault(name, multiplier)
    return NumberAnswer(values[0], q.tolerance or 0.0, before, after, tuple(unique.items()))
