"""Who did what: the person (or body) behind one of the story's events, picked from people of the article."""

from __future__ import annotations

from questions import lists
from questions.build import key, shuffled
from questions.context import Context
from questions.kinds.base import Candidate, Kind
from questions.kinds.mcq import wrong_options
from questions.model import Question
from questions.normalize import fold
from questions.stems import Stems


def _event_question(wh: str) -> bool:
    """True when the wh-question asks for the subject of an event verb («من وقّع ...؟»)."""
    words = fold(wh).split()
    if len(words) < 2:
        return False
    verb = words[1] if words[0] == "من" else (words[2] if len(words) > 2 else "")
    verbs = lists.folded("generation/event_verbs")
    return verb in verbs or (verb.endswith("ت") and verb[:-1] in verbs)


def build(ctx: Context, st: Stems, salience: float) -> Candidate | None:
    """«من أعلن ...؟» with four people of the same class as options, for a central person."""
    if st.fact.type not in ("person", "organization") or st.wh is None or not _event_question(st.wh):
        return None
    k = key(ctx, "who_did", st.fid, st.source.text, str(st.source.start))
    wrong = wrong_options(ctx, st, st.wh, k)
    if len(wrong) < 3:
        return None
    q = Question(key=k, kind="who_did", fact_type=st.fact.type, prompt=st.wh, answer=st.answer,
                 accepted=st.accepted, choices=shuffled(ctx, k, st.answer, wrong[:3]), source=st.source,
                 difficulty=2, fact=st.fid)
    return Candidate(q, (st.fid,), salience, 0.9)


KIND = Kind(name="who_did", label="من فعل ماذا", shape="choice", comprehension=True, for_fact=build)
