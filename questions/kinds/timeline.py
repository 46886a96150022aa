"""The order of the story's dated events: three to five events of the article, oldest first."""

from __future__ import annotations

import re
from collections.abc import Sequence

from questions import lists
from questions.build import key
from questions.context import Context
from questions.distractors import interval
from questions.kinds.base import Candidate, Kind
from questions.model import Question
from questions.normalize import fold, tokens
from questions.clauses import split_clauses
from questions.realize import Mention, date_removal, is_verb, verbish, words_of
from questions.realize.words import explicit_subject, outside_quotes_commas
from questions.salience import Weight
from questions.stems import Stems, mentions_in, not_when

MIN_EVENTS = 3
MAX_EVENTS = 5
MIN_EVENT_WORDS = 3
MAX_EVENT_WORDS = 16
SHORT_EVENT_WORDS = 10
PROMPT = "ما الترتيب الزمني الصحيح للأحداث الآتية من الأقدم إلى الأحدث؟"




def short_event(body: str) -> str:
    """An event told in a few words: up to its first comma, and at most ``MAX_EVENT_WORDS`` words, cut
    before a preposition («بدأت التحقيقات إثر بلاغ من وحدة التحريات» -> «بدأت التحقيقات إثر بلاغ»)."""
    commas = outside_quotes_commas(body)
    if commas:
        body = body[:commas[0]]
    words = body.split()
    if len(words) <= SHORT_EVENT_WORDS:
        return body
    for n in range(SHORT_EVENT_WORDS, MIN_EVENT_WORDS, -1):
        if fold(words[n]).strip("«») ") in lists.folded("generation/event_cut_before") and "«" not in " ".join(words[:n]).replace("»", "««"):
            return " ".join(words[:n])
    return body


def _own_clause_event(st: Stems, mentions: Sequence[Mention]) -> str | None:
    """The event of the date's own clause («ثم دخل الحياة العامة في تسعينيات القرن الماضي» -> «دخل الحياة
    العامة»), when the clause opens on its verb and no other verb stands between it and the date (the date
    of «ولد لأبوين هاجرا ... في الأربعينيات» belongs to «هاجرا», not to «ولد»)."""
    sentence, start, end = st.source.text, st.source.start, st.source.end
    clause = next((c for c in split_clauses(sentence) if c.start <= start < max(c.end, c.start + 1)), None)
    if clause is None or clause.role == "attribution":
        return None
    words = [w for w in words_of(sentence) if clause.body <= w.start and w.end <= clause.end]
    if len(words) < 2 or not is_verb(words[0]) or not explicit_subject(words, 1, list(mentions), words[0]):
        return None  # «جرت يوم أمس», «بدأ بنشر الجداول»: an event needs its verb and who or what did it
    if any(verbish(w) for w in words[1:] if w.end <= start):
        return None
    cut = date_removal(sentence, start, end)
    if cut is None or cut[0] < clause.body:
        return None
    body = (sentence[clause.body:cut[0]] + " " + sentence[cut[1]:clause.end]).strip(" ،,.")
    body = short_event(re.sub(r"\s+", " ", body))
    first = body.split()[0] if body.split() else ""
    if first[:1] in "وف" and len(first) > 3 and is_verb(words_of(first[1:])[0]):
        body = body[1:]
    return body if len(body.split()) >= MIN_EVENT_WORDS else None


def event_of(st: Stems, mentions: Sequence[Mention] = ()) -> str | None:
    """What happened on a date: its own clause with the date taken out, or None (see ``_own_clause_event``).
    ``mentions`` are the facts of its sentence: a person named after the verb is who did it."""
    if st.fact.type != "date" or not_when(st.source.text, st.source.start):
        return None  # «منذ عام 2005», «لسنة 2026»: not when the clause's event happened
    return _own_clause_event(st, mentions)


def build(ctx: Context, weights: dict[int, Weight], stems: dict[int, Stems]) -> list[Candidate]:
    """One ordering question when the article dates three or more distinct events that do not overlap."""
    dated = []
    for fi, st in stems.items():
        body = event_of(st, mentions_in(ctx, ctx.sent_of[fi]))
        if body is None:
            continue
        iv = interval(st.fact.gregorian or str(st.fact.value))  # a Hijri date orders by its Gregorian day
        if iv is not None and MIN_EVENT_WORDS <= len(body.split()) <= MAX_EVENT_WORDS:
            dated.append((iv, body, fi))
    dated.sort(key=lambda d: (d[0][0], d[2]))
    chosen: list[tuple[str, int]] = []
    last_end = None
    for iv, body, fi in dated:
        if last_end is not None and iv[0] <= last_end:
            continue  # overlapping spans («2025» and «ديسمبر 2025») have no clear order
        if any(" ".join(tokens(body)) == " ".join(tokens(b)) for b, _ in chosen):
            continue
        chosen.append((body, fi))
        last_end = iv[1]
    if len(chosen) < MIN_EVENTS:
        return []
    chosen = chosen[:MAX_EVENTS]
    items = tuple(b for b, _ in chosen)
    k = key(ctx, "timeline", *items)
    shuffled = list(items)
    ctx.rng(k).shuffle(shuffled)
    if tuple(shuffled) == items:
        shuffled = shuffled[1:] + shuffled[:1]
    facts = tuple(stems[fi].fid for _, fi in chosen)
    salience = sum(weights[fi].score for _, fi in chosen) / len(chosen)
    q = Question(key=k, kind="timeline", fact_type="date", prompt=PROMPT, answer=" ← ".join(items),
                 choices=tuple(shuffled), items=items, difficulty=3, fact=f"timeline:{k}")
    return [Candidate(q, (f"timeline:{k}", *facts), salience, 0.8)]


KIND = Kind(name="timeline", label="الترتيب الزمني", shape="ordering", comprehension=True, for_article=build)
