"""A fact in a clause joined by «و» to a long sentence's first clause: «أسدلت محكمة التمييز الستار على
…، وأيدت حكم محكمة الاستئناف القاضي بحبس مدير سابق عشر سنوات». When the whole sentence is too long for a
stem, the question stands on that clause alone, with the first clause's subject written after its verb:
«أيدت محكمة التمييز حكم محكمة الاستئناف القاضي بحبس مدير سابق _____ مع الشغل والنفاذ».
"""

from __future__ import annotations

from collections.abc import Sequence

from questions import lists
from questions.arabic import glued_conjunction
from questions.clauses import split_clauses
from questions.realize import Word, is_verb, words_of

# The subject of the first clause stands this close after its verb («أسدلت محكمة التمييز»).
SUBJECT_REACH = 1


def coordinate_span(sentence: str, start: int) -> tuple[int, int] | None:
    """The span of the «و»-joined clause holding offset ``start`` (its «و» included), or None when the
    offset sits in the first clause or in a clause of another kind."""
    clauses = split_clauses(sentence)
    k = next((i for i, c in enumerate(clauses) if c.start <= start < max(c.end, c.start + 1)), -1)
    if k <= 0 or clauses[k].role != "dependent":
        return None
    words = words_of(sentence[clauses[k].start:clauses[k].end])
    if not words or glued_conjunction(words[0].text) != "و" or not is_verb(words[0]) or \
            words[0].bare[1:2] in ("ي", "ت", "ن"):
        return None  # «، ويعود ذلك …», «، وتستمر …»: a present verb speaks of something else
    if _has_its_own_subject(words[0]):
        return None  # «، وبلغت سرعته القصوى …»: the noun after «بلغ» is its own subject
    return clauses[k].start, clauses[k].end


def _has_its_own_subject(verb: Word) -> bool:
    """True for a verb that takes no object (``subject_first_verbs``), so the noun after it is its subject."""
    bare = verb.bare.removeprefix("و")
    return bare in lists.folded("generation/subject_first_verbs") or \
        bare.endswith("ت") and bare[:-1] in lists.folded("generation/subject_first_verbs")


def first_subject(sentence: str, names: Sequence[tuple[int, int]]) -> str | None:
    """The name (one of ``names``, spans in ``sentence``) right after the sentence's first verb: the
    subject the «و»-joined clauses share."""
    words = words_of(sentence)
    v = next((i for i, w in enumerate(words) if is_verb(w)), -1)
    if v < 0 or v + 1 >= len(words):
        return None
    reach = {w.start for w in words[v + 1:v + 2 + SUBJECT_REACH - 1]}
    for s, e in names:
        if s in reach:
            return sentence[s:e]
    return None
