"""An open wh-question (من، متى، أين، كم...) about one fact, answered by typing."""

from __future__ import annotations

from questions.build import key
from questions.context import Context
from questions.kinds.base import Candidate, Kind
from questions.model import Question
from questions.stems import Stems


def build(ctx: Context, st: Stems, salience: float) -> Candidate | None:
    """A typed wh-question about the fact of ``st``, or None when none reads well."""
    if st.wh is None:
        return None
    k = key(ctx, "wh", st.fid, st.source.text, str(st.source.start))
    q = Question(key=k, kind="wh", fact_type=st.fact.type, prompt=st.wh, answer=st.answer, accepted=st.accepted,
                 source=st.source, difficulty=2, fact=st.fid, tolerance=st.view.tolerance if st.view else None)
    return Candidate(q, (st.fid,), salience, 0.6)


KIND = Kind(name="wh", label="سؤال مفتوح", shape="text", for_fact=build)
