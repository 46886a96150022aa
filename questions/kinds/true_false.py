"""A short statement from the article, true as written or made false with another fact of the article."""

from __future__ import annotations

import datetime as dt

from questions.answers import number_values
from questions.build import key
from questions.dates import find_dates
from questions.context import Context
from questions.distractors import interval
from questions.figure_trivia import schedules_what_comes_next
from questions.kinds.base import Candidate, Kind
from questions.kinds.mcq import wrong_options
from questions.model import FALSE_LABEL, TRUE_LABEL, Question
from questions.salience import LEAD_SENTENCES, at_a_ceremony
from questions.statements import false_statement, quotes_someone, swap_reads_well, true_statement
from questions.stems import Stems
from questions.text import fold_with_offsets

FARTHEST_SHARE = 0.5  # a false figure moves at most this share of the true one


def _first_day(text: str, published: str | None) -> dt.date | None:
    """The first day of the date ``text`` writes («14 مارس 2025», «ديسمبر 2025»), read as the extractor reads
    dates; None when it writes none."""
    found = [d for d in find_dates(fold_with_offsets(text), published) if d.value]
    span = interval(found[0].gregorian or found[0].value or "") if found else None
    return span[0] if span is not None else None


def farthest_first(st: Stems, wrong: list[str], published: str | None = None) -> list[str]:
    """Wrong figures or dates, the farthest from the fact's first: a statement false by «13 ورشة» for «12
    ورشة» tests an eye for a digit, not a reading of the news."""
    if st.fact.type == "date":
        here = interval(st.fact.gregorian or str(st.fact.value))
        if here is None:
            return wrong
        start = here[0]
        return sorted(wrong, key=lambda w: abs(((_first_day(w, published) or start) - start).days), reverse=True)
    if st.view is None:
        return wrong
    value = st.view.value

    def distance(w: str) -> float:
        found = number_values(w)
        return abs(found[0] - value) / max(abs(value), 1e-9) if found else 0.0

    # ... but within half the figure again: «144 ساعة» for «48 ساعة» is no deadline anyone announces
    near = [w for w in wrong if distance(w) <= FARTHEST_SHARE]
    return sorted(near or wrong, key=distance, reverse=True)



def build(ctx: Context, st: Stems, salience: float) -> Candidate | None:
    """A true/false question on the fact's clause: false, with another fact of its type swapped in, where
    the swap reads well (a figure or a date); true as written otherwise (a name, whom no swap replaces
    cleanly). A statement copied and keyed «صح» tests little, and banks made by the key's parity held
    seven true items for every false one: the facts left to a true/false item are mostly names."""
    true = true_statement(st)
    if true is None or quotes_someone(true):
        return None  # «قال المدرب: «...»»: someone's words copied whole are no fact to judge true or false
    if at_a_ceremony(st.source.text):
        return None  # «يقيم الاتحاد حفل تسليم الدرع في طرابلس يوم 24 مايو»: protocol, not the news
    if schedules_what_comes_next(true):
        return None  # «تعقد اللجنة اجتماعها المقبل يوم 21 مايو»: the calendar, not the news
    k = key(ctx, "true_false", st.fid, st.source.text, str(st.source.start))
    made = None
    if swap_reads_well(st) or st.fact.type == "date":
        # A date moved far (the farthest of its wrong options) makes a false statement a reader of the
        # story can tell; beside three other dates in a which-statement question it would be a detail.
        for wrong in farthest_first(st, wrong_options(ctx, st, true, k), ctx.date):
            made = false_statement(ctx, st, wrong)
            if made is not None:
                break
    make_false = made is not None
    if not make_false and ctx.sent_of.get(st.fi, 0) < LEAD_SENTENCES:
        return None  # the headline or the lead copied and keyed «صح»: every reader met it, it tests nothing
    body = made if made is not None else true
    q = Question(key=k, kind="true_false", fact_type=st.fact.type,
                 prompt=f"هل العبارة الآتية صحيحة بحسب المقال: {body}؟",
                 answer=FALSE_LABEL if make_false else TRUE_LABEL, choices=(TRUE_LABEL, FALSE_LABEL),
                 source=st.source, difficulty=2 if make_false else 1, fact=st.fid)
    return Candidate(q, (st.fid,), salience, 0.6)


KIND = Kind(name="true_false", label="صح أو خطأ", shape="true_false", for_fact=build)
