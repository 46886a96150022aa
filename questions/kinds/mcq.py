"""Multiple choice about one fact: its wh-question (or its clause with a blank) and four options."""

from __future__ import annotations

from questions.build import key, shuffled
from questions.context import Context
from questions.kinds.base import Candidate, Kind
from questions.model import Question
from questions.options import date_options, from_article, name_options, number_options
from questions.stems import Stems

# Wrong names a name question needs from the article itself to keep its quality.
ARTICLE_OPTIONS = 2
POOLED_NAMES_COST = 0.35


def wrong_options(ctx: Context, st: Stems, prompt: str, qkey: str) -> list[str]:
    """Three wrong options for the fact of ``st`` that ``prompt`` does not show."""
    rng = ctx.rng(qkey + ":options")
    f = st.fact
    ent = ctx.entity_of(f)
    if ent is not None:
        return name_options(ctx, ent, prompt, rng)
    if f.type == "date":
        return date_options(f, prompt, rng, published=ctx.date)
    if st.view is None:
        return []
    return number_options(ctx, f, st.view, prompt, rng)


def build(ctx: Context, st: Stems, salience: float) -> Candidate | None:
    """A multiple-choice question about the fact of ``st``, or None without three good wrong options."""
    prompt = st.prompt
    if prompt is None:
        return None
    return choice_question(ctx, st, "mcq", prompt, salience, 0.9 if st.wh else 0.8)


def choice_question(ctx: Context, st: Stems, kind: str, prompt: str, salience: float,
                    quality: float) -> Candidate | None:
    """A question of ``kind`` asking ``prompt`` with the fact's answer among three wrong options, or None
    without three good ones."""
    k = key(ctx, kind, st.fid, st.source.text, str(st.source.start))
    wrong = wrong_options(ctx, st, prompt, k)
    if len(wrong) < 3:
        return None
    q = Question(key=k, kind=kind, fact_type=st.fact.type, prompt=prompt, answer=st.answer,
                 accepted=st.accepted, choices=shuffled(ctx, k, st.answer, wrong[:3]), source=st.source,
                 difficulty=2, fact=st.fid)
    return Candidate(q, (st.fid,), salience, name_quality(ctx, st, wrong[:3], quality))


def name_quality(ctx: Context, st: Stems, wrong: list[str], quality: float) -> float:
    """``quality``, lowered for a name question whose wrong options mostly come from the typed pools
    rather than the article: a reader spots a name from elsewhere (another country, another kind of
    place or body) without having read."""
    if ctx.entity_of(st.fact) is None or from_article(ctx, wrong) >= ARTICLE_OPTIONS:
        return quality
    return quality - POOLED_NAMES_COST



KIND = Kind(name="mcq", label="اختيار من متعدد", shape="choice", for_fact=build)
