"""When: «متى ...؟» and «في أي عام ...؟» for a date adjunct of a clause, and the event a date belongs to."""

from __future__ import annotations

from dataclasses import dataclass

from questions import lists
from questions.normalize import fold
from questions.realize.words import (
    PUNCT,
    Mention,
    clean,
    drop_conj,
    explicit_subject,
    finish,
    index_at,
    is_verb,
    outside_quotes_commas,
    verb_text,
    verbish,
    words_of,
)


def _segments(sentence: str) -> list[tuple[int, int]]:
    cuts = outside_quotes_commas(sentence)
    bounds = [0, *[c + 1 for c in cuts], len(sentence) + 1]
    return [(bounds[k], bounds[k + 1] - 1) for k in range(len(bounds) - 1)]


@dataclass(frozen=True)
class Adjunct:
    """A clause with one adjunct (date, place, minute) cut out; ``body`` starts with its verb."""

    body: str
    explicit: bool  # the verb's subject is written out (not a dropped pronoun)
    nested: bool = False  # another verb stands between the clause's verb and the cut adjunct


def adjunct_clause(sentence: str, rs: int, re_: int, mentions: list[Mention]) -> Adjunct | None:
    """The verb-initial clause holding [rs, re_) with that span removed, or None."""
    segs = _segments(sentence)
    k = next((i for i, (s, e) in enumerate(segs) if s <= rs < e + 1), -1)
    if k < 0:
        return None
    s, e = segs[k]
    left = sentence[s:rs]
    right = sentence[re_:e]
    if not clean(left) and not clean(right.strip(" .")) and k > 0:
        # The adjunct stands alone between commas: join the clause before it with the one after.
        ps, pe = segs[k - 1]
        left = sentence[ps:pe]
        right = sentence[segs[k + 1][0]:segs[k + 1][1]] if k + 1 < len(segs) else ""
        body_src = left + " " + right
    else:
        body_src = left + " " + right
    words = words_of(body_src)
    i = 0
    while i < len(words) and (words[i].bare in lists.folded("generation/realize_connectors") or (words[i].bare in ("كان", "وكان"))):
        if words[i].bare in ("كان", "وكان"):
            break
        i += 1
    if i >= len(words):
        return None
    lead = words[i]
    tail_words = words[i + 1:]
    if drop_conj(lead) == "كان" and len(tail_words) >= 2:
        # «وكان «ترامب» أعلن ...» reads as «أعلن «ترامب» ...».
        j = next((t for t, w in enumerate(tail_words) if is_verb(w)), -1)
        if 0 < j <= 3:
            subj = " ".join(w.text for w in tail_words[:j])
            verb_w = tail_words[j]
            rest = " ".join(w.text for w in tail_words[j + 1:])
            body = clean(f"{verb_text(verb_w)} {subj} {rest}")
            return Adjunct(body, True) if len(body.split()) >= 3 else None
        return None
    if not is_verb(lead):
        return None
    rest_words = tail_words
    explicit = bool(rest_words) and explicit_subject(rest_words, 0, _shift(mentions, body_src, sentence), lead)
    nested = any(verbish(w) or "(" in w.text for w in words_of(left)[i + 1:])
    body = clean(verb_text(lead) + " " + " ".join(w.text for w in rest_words))
    if len(body.split()) < 3 or len(body.split()) > 26:
        return None
    if body.count("«") != body.count("»") or body.count("(") != body.count(")"):
        return None
    return Adjunct(body, explicit, nested)


def _shift(mentions: list[Mention], body_src: str, sentence: str) -> list[Mention]:
    """Mentions re-anchored to ``body_src`` by their text (offsets change when spans are cut)."""
    out = []
    for m in mentions:
        surface = sentence[m.start:m.end]
        p = body_src.find(surface)
        if p >= 0:
            out.append(Mention(p, p + len(surface), m.type, m.name))
    return out


def date_removal(sentence: str, start: int, end: int) -> tuple[int, int] | None:
    """The span to cut for a date adjunct (the date and its يوم/في/مساء markers), or None."""
    words = words_of(sentence)
    a, b = index_at(words, start), index_at(words, max(start, end - 1))
    if a < 0 or b < 0:
        return None
    first = fold(sentence[start:end]).split()
    marked = bool(first) and first[0].strip(PUNCT) in lists.folded("generation/realize_date_markers")
    rs = words[a].start if words[a].start >= start - 1 else start
    i = a - 1
    while i >= 0 and i >= a - 2 and words[i].bare in lists.folded("generation/realize_date_markers") and not words[i].text.endswith("،"):
        rs = words[i].start
        marked = True
        i -= 1
    if not marked:
        return None
    re_ = words[b].end
    if b + 1 < len(words) and words[b + 1].bare in ("ه", "هـ", "م", "الجاري", "المقبل", "الماضي", "المنصرم"):
        re_ = words[b + 1].end  # «7 أيلول الجاري»: the word placing the date goes with it
    text = sentence[rs:re_]
    trail = len(text) - len(text.rstrip("،,."))
    return rs, re_ - trail


def when_question(sentence: str, start: int, end: int, granularity: str,
                  mentions: list[Mention]) -> tuple[str, Adjunct] | None:
    """«متى ...؟» (or «في أي عام ...؟» for a bare year) for a date adjunct of a clause."""
    cut = date_removal(sentence, start, end)
    if cut is None:
        return None
    wh = "في أي عام" if granularity == "year" else "متى"
    relative = _relative_when(sentence, cut[0], mentions, wh)
    if relative is not None:
        return relative, Adjunct(relative[len(wh) + 1:-1], True)
    adj = adjunct_clause(sentence, cut[0], cut[1], mentions)
    if adj is None or not adj.explicit or adj.nested:
        return None
    q = finish(f"{wh} {adj.body}")
    return (q, adj) if q else None


def _relative_when(sentence: str, rs: int, mentions: list[Mention], wh: str) -> str | None:
    """«غازي القصيبي، الذي رحل يوم 15 أغسطس 2010» -> «متى رحل غازي القصيبي؟»."""
    words = words_of(sentence)
    i = next((k for k, w in enumerate(words) if w.start >= rs), -1)
    if i < 3:
        return None
    verb, rel = words[i - 1], words[i - 2]
    if rel.bare not in ("الذي", "التي") or not is_verb(verb) or "،" in verb.text:
        return None
    before = sentence[:rel.start].rstrip().rstrip("،").rstrip()
    person = next((m for m in mentions if m.type == "person" and m.end >= len(before) - 1
                   and m.end <= len(before)), None)
    if person is None:
        return None
    return finish(f"{wh} {verb_text(verb)} {person.name}")


def event_text(sentence: str, start: int, end: int, mentions: list[Mention]) -> Adjunct | None:
    """The clause a date belongs to, with the date cut out, as an event description."""
    cut = date_removal(sentence, start, end)
    if cut is None:
        return None
    return adjunct_clause(sentence, cut[0], cut[1], mentions)


