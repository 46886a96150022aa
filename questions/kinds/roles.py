"""Who holds which post: three to five people of the story matched with the posts the article gives them
(«صِل كل شخص بمنصبه بحسب المقال»)."""

from __future__ import annotations

from questions.build import key
from questions.context import Context
from questions.kinds.base import Candidate, Kind
from questions.kinds.role import is_position
from questions.model import Question
from questions.normalize import tokens
from questions.salience import Weight
from questions.stems import Stems

MIN_PAIRS = 3
MAX_PAIRS = 5
PROMPT = "ما المنصب الذي يشغله كل شخص مما يلي بحسب المقال؟"


def build(ctx: Context, weights: dict[int, Weight], stems: dict[int, Stems]) -> list[Candidate]:
    """One matching question when three or more people hold posts the article names, no two the same."""
    best: dict[str, float] = {}
    for fi, st in stems.items():
        if st.fact.type == "person":
            best[st.fid] = max(best.get(st.fid, 0.0), weights[fi].score)
    people = []
    seen: set[str] = set()
    for fid in sorted(best, key=lambda f: (-best[f], f)):
        e = ctx.entities[fid]
        role = e.role
        if not role or not is_position(role) or len(e.name.split()) < 2:
            continue
        k = " ".join(tokens(role))
        if k in seen:
            continue
        seen.add(k)
        people.append((e.name, role, fid))
    if len(people) < MIN_PAIRS:
        return []
    people = people[:MAX_PAIRS]
    pairs = tuple((name, role) for name, role, _ in people)
    k = key(ctx, "roles", *(n for n, _ in pairs))
    rights = [r for _, r in pairs]
    ctx.rng(k).shuffle(rights)
    q = Question(key=k, kind="roles", fact_type="person", prompt=PROMPT, answer=" | ".join(r for _, r in pairs),
                 choices=tuple(rights), pairs=pairs, difficulty=2, fact=f"roles:{k}")
    salience = sum(best[f] for _, _, f in people) / len(people)
    return [Candidate(q, (f"roles:{k}", *(f for _, _, f in people)), salience, 0.8)]


KIND = Kind(name="roles", label="الأشخاص ومناصبهم", shape="matching", comprehension=True, for_article=build)
