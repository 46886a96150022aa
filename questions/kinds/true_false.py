"""A short statement from the article, true as written or made false with another fact of the article."""

from __future__ import annotations

from questions.answers import number_values
from questions.build import key
from questions.context import Context
from questions.kinds.base import Candidate, Kind
from questions.kinds.mcq import wrong_options
from questions.model import FALSE_LABEL, TRUE_LABEL, Question
from questions.statements import false_statement, quotes_someone, swap_reads_well, true_statement
from questions.stems import Stems


def farthest_first(st: Stems, wrong: list[str]) -> list[str]:
    """Wrong figures, the farthest from the fact's first: a statement false by «13 ورشة» for «12 ورشة»
    tests an eye for a digit, not a reading of the news."""
    if st.view is None:
        return wrong
    value = st.view.value

    def distance(w: str) -> float:
        found = number_values(w)
        return abs(found[0] - value) / max(abs(value), 1e-9) if found else 0.0

    return sorted(wrong, key=distance, reverse=True)


def build(ctx: Context, st: Stems, salience: float) -> Candidate | None:
    """A true/false question on the fact's clause: about half are made false (fixed by the key)."""
    true = true_statement(st)
    if true is None or quotes_someone(true):
        return None  # «قال المدرب: «...»»: someone's words copied whole are no fact to judge true or false
    k = key(ctx, "true_false", st.fid, st.source.text, str(st.source.start))
    make_false = int(k, 16) % 2 == 1
    body = true
    if make_false:
        if not swap_reads_well(st):
            return None
        wrong = farthest_first(st, wrong_options(ctx, st, true, k))
        made = false_statement(ctx, st, wrong[0]) if wrong else None
        if made is None:
            return None
        body = made
    q = Question(key=k, kind="true_false", fact_type=st.fact.type,
                 prompt=f"هل العبارة الآتية صحيحة بحسب المقال: {body}؟",
                 answer=FALSE_LABEL if make_false else TRUE_LABEL, choices=(TRUE_LABEL, FALSE_LABEL),
                 source=st.source, difficulty=2 if make_false else 1, fact=st.fid)
    return Candidate(q, (st.fid,), salience, 0.6)


KIND = Kind(name="true_false", label="صح أو خطأ", shape="true_false", for_fact=build)
