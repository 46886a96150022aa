"""The order of the story's dated events: three to five events of the article, oldest first."""

from __future__ import annotations

import re

from questions.build import key
from questions.context import Context
from questions.distractors import interval
from questions.kinds.base import Candidate, Kind
from questions.model import Question
from questions.normalize import fold, tokens
from questions.realize import date_removal
from questions.salience import Weight
from questions.stems import Stems, not_when

MIN_EVENTS = 3
MAX_EVENTS = 5
MIN_EVENT_WORDS = 3
MAX_EVENT_WORDS = 16
SHORT_EVENT_WORDS = 10
PROMPT = "ما الترتيب الزمني الصحيح للأحداث الآتية من الأقدم إلى الأحدث؟"


_CUT_BEFORE = {fold(w) for w in ("من", "في", "على", "إلى", "عن", "بشأن", "إثر", "بعد", "قبل", "مع", "خلال", "ضمن",
                                  "لدى", "عبر", "وسط", "بحضور", "بمشاركة")}


def short_event(body: str) -> str:
    """An event told in a few words: up to its first comma, and at most ``MAX_EVENT_WORDS`` words, cut
    before a preposition («بدأت التحقيقات إثر بلاغ من وحدة التحريات» -> «بدأت التحقيقات إثر بلاغ»)."""
    depth = 0
    for i, ch in enumerate(body):
        if ch in "«(":
            depth += 1
        elif ch in "»)":
            depth = max(0, depth - 1)
        elif ch in "،," and depth == 0:
            body = body[:i]
            break
    words = body.split()
    if len(words) <= SHORT_EVENT_WORDS:
        return body
    for n in range(SHORT_EVENT_WORDS, MIN_EVENT_WORDS, -1):
        if fold(words[n]).strip("«») ") in _CUT_BEFORE and "«" not in " ".join(words[:n]).replace("»", "««"):
            return " ".join(words[:n])
    return body


def event_of(st: Stems) -> str | None:
    """What happened on a date: its clause with the date taken out («وقّع الجانبان اتفاقية الصيد»), or the
    event the wh-question found; None when neither reads as an event on its own."""
    if st.fact.type != "date" or not_when(st.source.text, st.source.start):
        return None  # «منذ عام 2005», «لسنة 2026»: not when the clause's event happened
    if st.claim is not None:
        text, a, b = st.claim
        cut = date_removal(text, a, b)
        if cut is not None:
            body = re.sub(r"\s+", " ", (text[:cut[0]] + " " + text[cut[1]:])).strip(" ،,.")
            body = re.sub(r"\s+([،,.])", r"\1", body)
            body = short_event(body)
            if body and not body.endswith(("في", "من", "منذ", "خلال", "عام", "يوم")):
                return body
    ev = st.event
    if ev is not None and ev.explicit and not ev.nested:
        return ev.body
    return None


def build(ctx: Context, weights: dict[int, Weight], stems: dict[int, Stems]) -> list[Candidate]:
    """One ordering question when the article dates three or more distinct events that do not overlap."""
    dated = []
    for fi, st in stems.items():
        body = event_of(st)
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
