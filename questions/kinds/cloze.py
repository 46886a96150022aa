"""Fill in the blank: the clause that carries a fact with the fact taken out, typed (or picked from options
when a teacher adds them)."""

from __future__ import annotations

from questions.build import key
from questions.context import Context
from questions.kinds.base import Candidate, Kind
from questions.model import Question
from questions.stems import Stems


def build(ctx: Context, st: Stems, salience: float) -> Candidate | None:
    """A typed cloze of the fact's clause, or None when the clause cannot be cut cleanly."""
    if st.cloze is None:
        return None
    k = key(ctx, "cloze", st.fid, st.source.text, str(st.source.start))
    q = Question(key=k, kind="cloze", fact_type=st.fact.type, prompt=st.cloze, answer=st.answer,
                 accepted=st.accepted, source=st.source, difficulty=3, fact=st.fid,
                 tolerance=st.view.tolerance if st.view else None)
    return Candidate(q, (st.fid,), salience, 0.6)


KIND = Kind(name="cloze", label="أكمل الفراغ", shape="text", choices_shape="choice", for_fact=build)
