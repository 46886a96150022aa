"""Where a stem may be cut after its fact: at a comma opening what names the counted items («، هي ...»,
``cut_naming_tail``), at the first comma that opens a phrase restating or comparing figures
(``cut_number_tail``), or at the first comma at all (``cut_after``) when the stem is still too long. All
keep what is said right after the blank and never cut inside «quotes»."""

from __future__ import annotations

import re

from questions import lists
from questions.clauses import MIN_STEM_WORDS, MIN_WORDS_AFTER_BLANK
from questions.normalize import fold
from questions.realize import is_verb, words_of
from questions.realize.words import present_verb
from questions.realize.words import outside_quotes_commas

_PUNCT = "«»()[]،,.؛;:!؟?\"'"


_DIGIT = re.compile("[0-9\u0660-\u0669]")


def _opening_kama(text: str) -> set[str]:
    """{"كما"} when it opens ``text`` as "also" («كما وقّع الجانبان …»), not as the particle of what is said."""
    first = words_of(text)[:1]
    return {"كما"} if first and first[0].bare == "كما" else set()


def _tail_opener(rest: str) -> bool:
    words = [fold(w).strip(_PUNCT) for w in rest.split()[:2]]
    return bool(words) and (words[0] in lists.folded("generation/number_tail_openers") or
                            " ".join(words) in lists.folded("generation/number_tail_openers"))


def _clause_commas(text: str, after: int) -> list[int]:
    """The commas after offset ``after`` outside quotes and brackets, not the thousands comma of a figure."""
    return [i for i in outside_quotes_commas(text) if i > after and
            not (text[i] == "," and _DIGIT.match(text[i - 1:i]) and _DIGIT.match(text[i + 1:i + 2]))]


def cut_number_tail(text: str, after: int, min_words: int = 6) -> str:
    """``text`` cut at the first comma after offset ``after`` (outside quotes) that opens a phrase
    restating or comparing figures (``number_tail_openers``) with a number in it: «... إلى _____ نقطة،
    بفارق نقطتين عن النصر برصيد 21 نقطة» would let the answer be worked out from the stem. Unchanged
    when the cut would leave fewer than ``min_words`` words.""" 
    for i in _clause_commas(text, after):
        if _DIGIT.search(text[i:]) and _tail_opener(text[i + 1:]):
            head = text[:i].rstrip()
            return head if len(head.split()) >= min_words else text
    return text


def _said_after(head: str) -> bool:
    """True when ``head`` holds a particle of what is said («أن», «إن») with no verb after it yet: what
    was said may only come after the next comma («أن حملة التطعيم، التي …، ستستمر …»)."""
    words = words_of(head)
    particles = lists.folded("generation/predicate_particles") - _opening_kama(head)
    last = max((i for i, w in enumerate(words) if w.bare in particles), default=-1)
    if last < 0:
        return False
    for w in words[last + 1:]:
        if w.bare in lists.folded("generation/relative_pronouns"):
            return True  # «أن حملة التطعيم، التي انطلقت ...»: that verb is the relative clause's
        if is_verb(w) or present_verb(w):
            return False
    return True


def cut_after(text: str, after: int, min_words: int = MIN_STEM_WORDS + 1) -> str:
    """``text`` cut at the first comma after offset ``after`` outside quotes and numbers, when at least
    ``min_words`` words stay: what follows the fact's own phrase is the first thing a long stem can lose."""
    for i in _clause_commas(text, after):
        head = text[:i].rstrip()
        if len(text[after:i].split()) < MIN_WORDS_AFTER_BLANK:
            return text  # «صرّح مدرب الجيش الملكي، البرتغالي _____،»: cut there, nothing would be said
        if _said_after(head):
            return text  # «أن حملة التطعيم، التي …، ستستمر …»: after the comma may come what is said
        return head if len(head.split()) >= min_words else text
    return text


_NAMING = re.compile(r"\s*[،,]\s*و?هي\s")


def cut_naming_tail(text: str, after: int) -> str:
    """``text`` without what names the items a figure counts, after a comma following offset ``after``
    («على _____ مسابقات رسمية، هي مسابقة الأفلام الروائية الطويلة ...»): what a count question needs ends
    before it, and a stem keeping it may keep only the first of the items."""
    for i in _clause_commas(text, after - 1):
        if _NAMING.match(text, i):
            return text[:i].rstrip() + ("." if text.rstrip().endswith(".") else "")
    return text
