"""Which statement is true: four short statements from different parts of the article, one as written,
three with one fact swapped for another of the same type («أيّ العبارات الآتية صحيحة بحسب المقال؟»)."""

from __future__ import annotations

from questions.build import key, shuffled
from questions.context import Context
from questions.kinds.base import Candidate, Kind
from questions.kinds.mcq import wrong_options
from questions.model import Question
from questions.salience import Weight
from questions.statements import false_statement, swap_reads_well, true_statement
from questions.stems import Stems

MAX_WORDS = 22
MAX_QUESTIONS = 2
PROMPT = "أيّ العبارات الآتية صحيحة بحسب المقال؟"


def _usable(st: Stems) -> str | None:
    text = true_statement(st)
    if text is None or len(text.split()) > MAX_WORDS:
        return None
    return text


def build(ctx: Context, weights: dict[int, Weight], stems: dict[int, Stems]) -> list[Candidate]:
    """Up to two questions, each on four statements from four different sentences: the true one may
    be about anyone; the false ones swap a date, a number, a place or a body (see ``swap_reads_well``)."""
    ready = sorted(((fi, st, text) for fi, st in stems.items() if (text := _usable(st)) is not None),
                   key=lambda x: (-weights[x[0]].score, x[0]))
    used_sentences: set[str] = set()
    out: list[Candidate] = []
    for fi, st, true in ready:
        if len(out) >= MAX_QUESTIONS:
            break
        if st.source.text in used_sentences:
            continue
        k = key(ctx, "statement", st.fid, true)
        falses: list[str] = []
        facts = [st.fid]
        sentences = {st.source.text}
        for fj, other, _ in ready:
            if len(falses) == 3:
                break
            if other.source.text in sentences or other.source.text in used_sentences or other.fid in facts \
                    or not swap_reads_well(other):
                continue
            wrong = wrong_options(ctx, other, other.source.text, k + other.fid)
            made = false_statement(ctx, other, wrong[0]) if wrong else None
            if made is None or len(made.split()) > MAX_WORDS:
                continue
            falses.append(made)
            facts.append(other.fid)
            sentences.add(other.source.text)
        if len(falses) < 3:
            continue
        used_sentences |= sentences
        q = Question(key=k, kind="statement", fact_type=st.fact.type, prompt=PROMPT, answer=true,
                     choices=shuffled(ctx, k, true, falses), source=st.source, difficulty=3, fact=st.fid)
        out.append(Candidate(q, tuple(facts), 0.5 * weights[fi].score + 0.5 * max(
            weights[i].score for i in stems if stems[i].fid == st.fid), 0.8))
    return out


KIND = Kind(name="statement", label="العبارة الصحيحة", shape="choice", comprehension=True, for_article=build)
