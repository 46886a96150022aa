"""Two groups' shares set against each other in one sentence: «بلغت نسبة النجاح لدى الإناث 73.1 في المئة،
مقابل 65.8 في المئة لدى الذكور», «يبلغ معدل البطالة 19.1% لدى النساء مقابل 10.4% لدى الرجال». The gap
between them is worked out, never written: a question on it tests that the reader compared the two."""

from __future__ import annotations

import re
from dataclasses import dataclass

from questions import lists
from questions.context import Context
from questions.model import Fact
from questions.clauses import carries_a_pronoun
from questions.normalize import fold
from questions.realize import Word, words_of
from questions.realize.words import drop_conj

GROUP_WORDS = 3  # words of a group after its preposition («لدى الإناث», «في الوسط القروي»)
MEASURE_WORDS = 5  # words of what the shares measure («نسبة النجاح في امتحان البكالوريا»)
GROUP_PREPOSITIONS = frozenset(("لدي", "بين", "في", "عند"))  # folded
# A measure of one word that says nothing of what it measures («بلغ المعدل 19.1%»).
VAGUE_MEASURES = frozenset(("المعدل", "النسبه", "العدد", "الرقم", "المستوي", "الحصه"))
# Words of a time or a round, which make the second share an earlier value (a change), not another group.
_TIME_WORDS = frozenset(("العام", "عام", "السنه", "سنه", "الشهر", "شهر", "الربع", "الفتره", "الدوره", "الموسم",
                         "الماضي", "السابق", "السابقه", "نفسها", "نفسه", "ذاتها"))
_PUNCT = "،,.؛:«»\"()"


@dataclass(frozen=True)
class Gap:
    """Two groups' shares of one measure: ``first`` for ``first_group``, ``second`` for ``second_group``."""

    measure: str
    first: Fact
    first_group: str
    second: Fact
    second_group: str


def find_gap(ctx: Context, fi: int) -> Gap | None:
    """The two groups' shares fact ``fi`` is one of, or None."""
    f = ctx.facts[fi]
    if f.type != "percentage" or fi not in ctx.sent_of:
        return None
    si = ctx.sent_of[fi]
    sent = ctx.sentences[si]
    words = words_of(sent.text)
    shares = [(ctx.facts[j], _word_at(words, ctx.facts[j].start - sent.start),
               _word_at(words, ctx.facts[j].end - sent.start - 1))
              for j in ctx.in_sent.get(si, ()) if ctx.facts[j].type == "percentage"]
    shares.sort(key=lambda s: s[0].start)
    for (a, a0, a1), (b, b0, b1) in zip(shares, shares[1:]):
        if f not in (a, b) or a0 < 0 or b0 < 0:
            continue
        gap = _set_against(words, a, a0, a1, b, b0, b1)
        if gap is not None:
            return gap
    return None


def _set_against(words: list[Word], a: Fact, a0: int, a1: int, b: Fact, b0: int, b1: int) -> Gap | None:
    """Read at word indices (first and last word of each share): «[group] A [group] مقابل B group», or «... A
    [group]، في حين بلغت group B» (the second clause repeats the verb with the other group)."""
    second = _group(words, b1 + 1)
    if second is not None and b0 >= 1 and _is_against(words[b0 - 1]):
        second_group = second[0]
        first_end = b0 - 1  # the first share and its group end before «مقابل»
    else:
        contrast = _contrast_clause(words, b0)
        if contrast is None:
            return None
        second_group, first_end = contrast
    prep = _preposition_of(second_group)
    after_a = _group(words, a1 + 1)
    if after_a is not None and after_a[1] + 1 == first_end:
        first_group, measure_end = after_a[0], a0
    elif a1 + 1 == first_end:
        before = _group_before(words, a0, prep)
        if before is None:
            return None
        first_group, measure_end = before
    else:
        return None
    if _preposition_of(first_group) != prep or fold(first_group) == fold(second_group):
        return None
    measure = _measure(words, measure_end)
    if measure is None:
        return None
    return Gap(measure, a, first_group, b, second_group)


_CONTRASTS = (("في", "حين"), ("بينما",), ("فيما",))


def _contrast_clause(words: list[Word], b0: int) -> tuple[str, int] | None:
    """«، في حين بلغت في الفرع الأدبي B»: the group before the second share, and the index of the contrast's
    first word (where the first share's clause ended)."""
    for n in range(2, GROUP_WORDS + 2):
        at = b0 - n
        if at < 2 or not _preposition(words[at]):
            continue
        span = words[at:b0]
        if any(w.text.endswith(tuple("،,.؛")) for w in span) or _names_a_time(span):
            return None
        verb = drop_conj(words[at - 1])
        if not _reaches(verb):
            return None
        for c in _CONTRASTS:
            opens = at - 1 - len(c)
            if opens >= 1 and tuple(w.bare for w in words[opens:at - 1]) == c and \
                    words[opens - 1].text.endswith(("،", ",")):
                return " ".join(w.text.strip(_PUNCT) for w in span), opens
        return None
    return None


def _word_at(words: list[Word], offset: int) -> int:
    return next((i for i, w in enumerate(words) if w.start <= offset < w.end + 1), -1)


def _is_against(w: Word) -> bool:
    return w.bare.strip(_PUNCT) in lists.folded("generation/against_words")


def _preposition(w: Word) -> str:
    bare = drop_conj(w)
    if bare in GROUP_PREPOSITIONS:
        return bare
    return "ل" if bare.startswith("لل") else ""


def _preposition_of(group: str) -> str:
    return _preposition(words_of(group)[0]) if group else ""


def _group(words: list[Word], at: int) -> tuple[str, int] | None:
    """The group phrase opening at word ``at`` («لدى الذكور», «للإناث») and the index of its last word, up to a
    comma, «مقابل» or the end of the sentence."""
    if at >= len(words) or not _preposition(words[at]):
        return None
    k = at
    while True:
        ends = words[k].text.endswith(tuple("،,.؛")) or k + 1 >= len(words) or _is_against(words[k + 1])
        if ends:
            break
        k += 1
        if k - at >= GROUP_WORDS + (0 if _preposition(words[at]) == "ل" else 1):
            return None
    phrase = [w.text.strip(_PUNCT) for w in words[at:k + 1]]
    if _names_a_time(words[at:k + 1]) or (len(phrase) == 1 and _preposition(words[at]) != "ل"):
        return None
    return " ".join(phrase), k


def _group_before(words: list[Word], a0: int, prep: str) -> tuple[str, int] | None:
    """The group right before the first share («بلغت نسبة النجاح لدى الإناث 73.1%») and where it opens."""
    for n in range(2, GROUP_WORDS + 2):
        at = a0 - n
        if at <= 0:
            return None
        if _preposition(words[at]) == prep:
            span = words[at:a0]
            if any(w.text.endswith(tuple("،,.؛")) for w in span) or _names_a_time(span):
                return None
            return " ".join(w.text.strip(_PUNCT) for w in span), at
    return None


def _names_a_time(span: list[Word]) -> bool:
    return any(re.search(r"[\d٠-٩]", w.text) or w.bare.strip(_PUNCT) in _TIME_WORDS or
               w.bare.strip(_PUNCT) in lists.folded("generation/earlier_words") for w in span)


def _reaches(bare: str) -> bool:
    """«بلغت»، «سجل»، «يبلغ»: a verb a share is reached or recorded by (folded, without its conjunction)."""
    return bare in lists.folded("generation/reach_verbs") or bare in ("يبلغ", "تبلغ")


def _measure(words: list[Word], end: int) -> str | None:
    """What the shares measure: the definite noun phrase after the verb that reached the first one («بلغت
    نسبة النجاح»), ending at word ``end``."""
    k = end - 1
    while k >= 0 and not _reaches(drop_conj(words[k])):
        if words[k].text.endswith(tuple("،,.؛")) or end - k > MEASURE_WORDS:
            return None
        k -= 1
    span = words[k + 1:end]
    if k < 0 or not span or not span[0].bare.startswith("ال") and not any(w.bare.startswith("ال") for w in span[1:2]):
        return None  # «بلغت 61%»: no measure named; «بلغت نسبة النجاح» opens on a construct
    if len(span) == 1 and span[0].bare in VAGUE_MEASURES:
        return None
    if any(carries_a_pronoun(w.text) for w in span):
        return None  # «نسبتها»: whose, the sentence before says
    return " ".join(w.text.strip(_PUNCT) for w in span)
