"""Who and where: «من قال ...؟», «أي هيئة أعلنت ...؟», «أين ...؟» for a name that is a verb's subject or place."""

from __future__ import annotations

import re

from questions import lists
from questions.arabic import glued_conjunction
from questions.normalize import fold
from questions.realize.words import (
    PUNCT,
    Mention,
    clause_initial,
    cut_second_clause,
    drop_conj,
    explicit_subject,
    feminine,
    finish,
    index_at,
    is_verb,
    mention_at,
    shorten,
    verb_text,
    verbish,
    words_of,
)


def subject_question(sentence: str, start: int, end: int, fact_type: str, mentions: list[Mention],
                     wh: str, org_gender: str | None = None) -> str | None:
    """«من قال ...؟» / «أي هيئة أعلنت ...؟» for a person or organization that is a verb's subject."""
    words = words_of(sentence)
    a, b = index_at(words, start), index_at(words, max(start, end - 1))
    if a < 0 or b < 0:
        return None
    v = a - 1
    steps = 0
    while v >= 0 and not is_verb(words[v]):
        w = words[v]
        m = mention_at(mentions, w)
        if w.bare in lists.folded("generation/realize_prepositions") or w.bare in lists.folded("generation/realize_connectors") or steps >= 6 or (m is not None and m.type == "person"):
            return None
        if w.text.endswith("،") and v != a - 1:
            return None
        v -= 1
        steps += 1
    if v < 0 or not clause_initial(words, v):
        return None
    verb = words[v]
    if org_gender is not None and (org_gender == "f") != feminine(drop_conj(verb)):
        return None
    if fact_type == "organization" and steps != 0:
        return None  # «قال والي بنك المغرب ...»: the organization is not the subject
    if fact_type == "place" and steps != 0 and words[v + 1].bare not in lists.folded("generation/realize_place_heads"):
        return None  # «زارت الوزيرة السعودية»: a word between verb and place is the real subject
    if fact_type == "person" and steps == 0 and v + 1 != a:
        return None
    after = sentence[words[b].end:]
    tail = after.lstrip()
    if tail.startswith("("):
        return None
    if words[b].text.rstrip("»").endswith("،"):
        tail = "،" + tail
    if tail.startswith("،"):
        nxt = tail[1:].split()
        if not nxt:
            return None
        nb = fold(nxt[0]).strip(PUNCT)
        if nb.startswith("ال") and nb not in lists.folded("generation/realize_temporal") and nb not in lists.folded("generation/realize_after_comma"):
            return None
        tail = tail[1:]
    else:
        raw_first = tail.split()[0] if tail.split() else ""
        first = fold(raw_first).strip(PUNCT)
        if first.startswith("الم") and len(first) >= 6:
            return None  # «نصري عصفورة المدعوم من ...»: a participle describing the name, not the object
        if first in lists.folded("ordinals") or first in lists.folded("org_adjectives"):
            return None  # «خلف وفاق سطيف الثالث»: an adjective of the name, left without it
        if glued_conjunction(raw_first) == "و":
            return None  # «أكد عرفات والشعب الفلسطيني ...»: a second subject joined to the name
        if first in lists.folded("generation/realize_apposition_heads") or first in ("الذي", "التي", "الذين"):
            return None  # «قال كيني جوس صديق مايكل ...»: a description of the name, not the object
    if fold(tail.lstrip(" ،")).split()[:1] and fold(tail.lstrip(" ،")).split()[0] in lists.folded("generation/realize_subordinators"):
        return None  # «تلقى بعدما نال ...»: the verb's object is missing once the name is gone
    tail = tail.rstrip().rstrip(".")
    # «هنأ، اليوم الخميس، «عصفورة» ...»: a time phrase needs no comma once the name is gone.
    tail = re.sub(r"^(\s*(?:اليوم|أمس|مساء|صباح|يوم)(?:\s+[^\s،]+){0,5})\s*،", r"\1", tail)
    verb_word = verb_text(verb)
    rest_words = tail.split()
    if fold(verb_word) == "كان" and rest_words and is_verb(words_of(rest_words[0])[0]):
        verb_word = verb_text(words_of(rest_words[0])[0])
        tail = " ".join(rest_words[1:])
    short = shorten(cut_second_clause(tail), 5, 22)
    if short is None or len(short.split()) < 2:
        return None
    return finish(f"{wh} {verb_word} {short}")




def where_question(sentence: str, start: int, end: int, mentions: list[Mention]) -> str | None:
    """«أين ...؟» / «إلى أين ...؟» for «في/إلى PLACE» right after a verb and its subject."""
    words = words_of(sentence)
    a = index_at(words, start)
    if a < 1 or words[a].start != start and not words[a].text.startswith("«"):
        return None
    prep = words[a - 1].bare
    if prep not in ("في", "الي"):
        return None
    b = index_at(words, max(start, end - 1))
    v = a - 2
    steps = 0
    while v >= 0 and not is_verb(words[v]):
        w = words[v]
        if w.bare in lists.folded("generation/realize_prepositions") or w.text.endswith("،") or steps >= 4 or verbish(w) or "(" in w.text:
            return None
        v -= 1
        steps += 1
    if v < 0 or steps == 0 or not clause_initial(words, v):
        return None
    if not explicit_subject(words, v + 1, mentions, words[v]):
        return None
    subj = " ".join(w.text for w in words[v + 1:a - 1])
    if words[b].text.rstrip("»").endswith(("،", ",", ".")):
        return None  # «في تونس، مساء ...»: the place may qualify the subject, not the event
    rest = cut_second_clause(sentence[words[b].end:].strip())
    rest_short = shorten(rest, 1, 10) if rest and not rest.startswith("،") else None
    if not rest_short:
        return None
    wh = "أين" if prep == "في" else "إلى أين"
    return finish(f"{wh} {verb_text(words[v])} {subj} {rest_short}")


