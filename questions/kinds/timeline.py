"""The order of the story's dated events: three to five events of the article, oldest first."""

from __future__ import annotations

from questions.build import key
from questions.context import Context
from questions.distractors import interval
from questions.kinds.base import Candidate, Kind
from questions.model import Question
from questions.normalize import tokens
from questions.salience import Weight
from questions.stems import Stems

MIN_EVENTS = 3
MAX_EVENTS = 5
MIN_EVENT_WORDS = 3
MAX_EVENT_WORDS = 16
PROMPT = "ما الترتيب الزمني الصحيح للأحداث الآتية من الأقدم إلى الأحدث؟"


def build(ctx: Context, weights: dict[int, Weight], stems: dict[int, Stems]) -> list[Candidate]:
    """One ordering question when the article dates three or more distinct events that do not overlap."""
    dated = []
    for fi, st in stems.items():
        ev = st.event
        if ev is None or not ev.explicit or ev.nested:
            continue
        iv = interval(st.fact.gregorian or str(st.fact.value))  # a Hijri date orders by its Gregorian day
        if iv is not None and MIN_EVENT_WORDS <= len(ev.body.split()) <= MAX_EVENT_WORDS:
            dated.append((iv, ev.body, fi))
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
