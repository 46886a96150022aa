"""A typed number, graded by value within a tolerance."""

from __future__ import annotations

from questions.build import key
from questions.context import Context
from questions.kinds.base import Candidate, Kind
from questions.model import Question
from questions.stems import Stems


def build(ctx: Context, st: Stems, salience: float) -> Candidate | None:
    """A typed-number question about a number or percentage fact."""
    if st.view is None or st.prompt is None:
        return None
    k = key(ctx, "numeric", st.fid, st.source.text, str(st.source.start))
    q = Question(key=k, kind="numeric", fact_type=st.fact.type, prompt=st.prompt, answer=st.view.answer,
                 accepted=st.accepted, source=st.source, difficulty=3, fact=st.fid, tolerance=st.view.tolerance)
    return Candidate(q, (st.fid,), salience, 0.65 if st.wh else 0.55)


KIND = Kind(name="numeric", label="إجابة رقمية", shape="numeric", for_fact=build)
