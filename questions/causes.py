"""Causes and purposes the article states: «أُلغيت الرحلات بسبب سوء الأحوال الجوية», «زار الوزير باريس
بهدف تعزيز التعاون».

``find_reasons`` reads, in every clause, what happened (the clause up to the connective, opening with a
verb) and why (the phrase after the connective). ``topic_phrases`` lists the phrases the article
builds on verbal nouns («تعزيز العلاقات الثنائية»، «ارتفاع الأسعار»): wrong but plausible reasons for
a «لماذا» question, taken from other sentences.
"""

from __future__ import annotations

from dataclasses import dataclass

from questions import lists
from questions.clauses import split_clauses
from questions.context import Context
from questions.normalize import fold
from questions.realize import Word, is_verb, words_of

MIN_EFFECT_WORDS = 3
MAX_EFFECT_WORDS = 16
MIN_REASON_WORDS = 2
MAX_REASON_WORDS = 10
_ENDS = ("،", ".", "؛", ":", "»", "(")


@dataclass(frozen=True)
class Reason:
    """What happened, the connective, and why, in one sentence of the article."""

    sentence: int
    effect: str  # «أُلغيت الرحلات»
    connective: str  # «بسبب»
    reason: str  # «سوء الأحوال الجوية»


def _opens_with_verb(w: Word) -> bool:
    """True when a main clause opens on ``w`` as on a verb: news clauses open on their verb unless they
    open on a definite noun, a name or a particle."""
    if is_verb(w):
        return True
    bare = w.bare[1:] if w.bare[:1] in "وف" and len(w.bare) > 3 else w.bare
    return len(bare) >= 3 and not bare.startswith("ال") and bare not in lists.folded("generation/clause_particles") and \
        not any(ch.isdigit() for ch in bare) and not w.text.startswith("«")


def _connective_at(words: list[Word], i: int) -> int:
    """How many words the cause or purpose connective at word ``i`` takes (0 when there is none)."""
    listed = lists.folded("generation/cause_connectives")
    for n in (4, 3, 2, 1):
        if i + n <= len(words) and " ".join(w.bare for w in words[i:i + n]) in listed:
            return n
    return 0


def _phrase(words: list[Word], start: int, limit: int) -> list[Word]:
    out: list[Word] = []
    for w in words[start:]:
        out.append(w)
        if w.text.endswith(_ENDS) or len(out) >= limit:
            break
    return out


def _clean(text: str) -> str:
    return text.strip(" ،,.؛:«»()")


def _inside_name(ctx: Context, si: int, pos: int) -> bool:
    sent = ctx.sentences[si]
    return any(ctx.facts[fi].start - sent.start <= pos < ctx.facts[fi].end - sent.start
               for fi in ctx.in_sent.get(si, ()))


def find_reasons(ctx: Context) -> list[Reason]:
    """Every cause or purpose the article states with a connective after a verb-initial clause."""
    out = []
    for si, sent in enumerate(ctx.sentences):
        words = words_of(sent.text)
        for c in split_clauses(sent.text):
            cw = [w for w in words if c.body <= w.start and w.start < c.end]  # the last word keeps its «.»
            for i in range(1, len(cw)):
                n = _connective_at(cw, i)
                if not n:
                    continue
                head = cw[:i]
                k = 0
                while k < len(head) and head[k].bare in ("و", "ف", "قد", "وقد", "ثم"):
                    k += 1
                head = head[k:]
                if not head or not _opens_with_verb(head[0]) or any(w.text.endswith(_ENDS) for w in head[:-1]):
                    break
                if any(w.bare in ("ان", "بان", "انه", "بانه") or "«" in w.text for w in head):
                    break  # «قال ... إن ...»: the reason belongs to the reported clause, not to the saying
                if not MIN_EFFECT_WORDS <= len(head) <= MAX_EFFECT_WORDS:
                    break
                if _inside_name(ctx, si, cw[i].start):
                    continue  # «الجمعية اللبنانية من أجل ديمقراطية الانتخابات»: part of a name
                reason = _phrase(cw, i + n, MAX_REASON_WORDS)
                if reason and not _names_a_cause(reason[0]):
                    break  # «بهدف ركلة ركنية», «إثر ركنية نفذها»: a goal or a moment of play, not a cause
                if len(reason) < MIN_REASON_WORDS or not reason[-1].text.endswith(_ENDS) and \
                        i + n + len(reason) < len(cw):
                    break  # the reason runs on past what a question can quote
                effect = _clean(" ".join(w.text for w in head))
                first = head[0].text
                if first[:1] in "وف" and len(first) > 3 and fold(first[1:]) != fold(first):
                    effect = _clean(" ".join([first[1:], *(w.text for w in head[1:])])) \
                        if is_verb(words_of(first[1:])[0]) else effect
                out.append(Reason(si, effect, " ".join(w.text for w in cw[i:i + n]),
                                  _clean(" ".join(w.text for w in reason))))
                break
    return out


def _names_a_cause(w: Word) -> bool:
    """True when a reason opens as causes and purposes do: on a verbal noun («تعزيز»، «ارتفاع») or a
    definite noun («الأمطار»)."""
    bare = w.bare
    for p in ("ل", "ب", "و"):
        if bare.startswith(p) and bare[len(p):] in lists.folded("generation/masdar_starts"):
            return True
    return bare in lists.folded("generation/masdar_starts") or _definite_noun(w)


def _definite_noun(w: Word) -> bool:
    """A definite noun («الأسعار»), not a word that only starts like one («إلى», «التي»)."""
    return w.bare.startswith("ال") and w.bare not in lists.folded("generation/not_nouns") and len(w.bare) > 3


def topic_phrases(ctx: Context, avoid: set[int]) -> list[str]:
    """Phrases of two to five words opening on a verbal noun («تعزيز العلاقات الثنائية»), from the
    sentences not in ``avoid``."""
    starts = lists.folded("generation/masdar_starts")
    out: list[str] = []
    for si, sent in enumerate(ctx.sentences):
        if si in avoid:
            continue
        words = words_of(sent.text)
        for i, w in enumerate(words):
            bare = w.bare
            for p in ("ل", "ب", "و"):
                if bare.startswith(p) and bare[len(p):] in starts:
                    bare = bare[len(p):]
            if bare not in starts or i + 1 >= len(words) or not _definite_noun(words[i + 1]):
                continue
            phrase = [bare if bare == fold(w.text.strip("«»،,")) else w.text.strip("«»،,")[-len(bare):]]
            for nxt in words[i + 1:i + 5]:
                if not _definite_noun(nxt) and len(phrase) > 1:
                    break
                phrase.append(nxt.text.strip("«»،,.؛"))
                if nxt.text.endswith(_ENDS):
                    break
            while phrase and fold(phrase[-1]) in lists.folded("generation/needs_complement"):
                phrase.pop()  # «تحقيق المعدل المستهدف البالغ»: «البالغ» needs what follows it
            if 2 <= len(phrase) <= 5:
                out.append(" ".join(phrase))
    return out
