"""Roles: what post a person of the story holds («ما منصب ماركو روبيو بحسب المقال؟»), or who holds a
post the story names («من يشغل منصب وزير الخارجية بحسب المقال؟»)."""

from __future__ import annotations

from questions import lists
from questions.build import key, shuffled
from questions.context import Context, Entity
from questions.kinds.base import Candidate, Kind
from questions.model import Question
from questions.normalize import fold, tokens
from questions.options import content_words, name_options
from questions.salience import Weight
from questions.stems import Stems


def is_position(role: str) -> bool:
    """True when ``role`` names a post («وزير الخارجية», «المدرب»), not a description («المرشح اليميني»)."""
    words = fold(role).split()
    return bool(words) and words[0] in lists.folded("generation/positions")


def _feminine(role: str) -> bool:
    first = role.split()[0] if role.split() else ""
    return fold(first).endswith("ه")


def _nationality(role: str) -> str:
    """A trailing nationality adjective of a role («الأمريكي» in «الرئيس الأمريكي»), or ""."""
    words = role.split()
    last = fold(words[-1]) if len(words) > 1 else ""
    return words[-1] if last.startswith("ال") and last.endswith("ي") and len(last) > 5 else ""


def _wrong_roles(ctx: Context, person: Entity, role: str) -> list[str]:
    seen = {" ".join(tokens(role))}
    out: list[str] = []
    in_article = [e.role for e in ctx.by_first if e.type == "person" and e.id != person.id and e.role]
    # Posts the article gives other people only: another minister beside the one an article on his
    # field quotes (الداخلية، الخارجية for the health minister in a survey on smoking) is a giveaway.
    for r in in_article:
        if r is None or not is_position(r) or _feminine(r) != _feminine(role):
            continue
        k = " ".join(tokens(r))
        if k in seen or set(k.split()) >= set(" ".join(tokens(role)).split()):
            continue  # «وزير الخارجية الأمريكي» would still be right for «وزير الخارجية»
        seen.add(k)
        out.append(r)
        if len(out) == 3:
            break
    return out


def _plain(role: str | None) -> str | None:
    """A post without the holder's nationality when the post names its body already: «مدرب النادي
    الإفريقي البرتغالي» -> «مدرب النادي الإفريقي» (the adjective reads as the club's)."""
    if not role:
        return role
    words = role.split()
    return " ".join(words[:-1]) if len(words) >= 4 and _nationality(role) else role


def _former(role: str) -> bool:
    """«رئيس البرلمان الأسبق»: a post held before; «من يشغل» would ask in the wrong tense."""
    return any(w in ("السابق", "السابقه", "الاسبق", "الاسبقه", "سابقا") for w in fold(role).split())


def _guessable(ctx: Context, role: str) -> bool:
    """True when the post names what the article is about («وزير الصحة» in an article titled on health):
    the right option would stand out without reading."""
    field = content_words(role) - {fold(w) for w in lists.entries("generation/positions")}
    return bool(ctx.title) and bool(field & content_words(ctx.title))


def build(ctx: Context, weights: dict[int, Weight], stems: dict[int, Stems]) -> list[Candidate]:
    """A role question for each person whose post the article names and no one else holds."""
    roles: dict[str, int] = {}
    for e in ctx.entities.values():
        if e.type == "person" and e.role:
            k = " ".join(tokens(e.role))
            roles[k] = roles.get(k, 0) + 1
    best: dict[str, tuple[float, Stems]] = {}
    for fi, st in stems.items():
        w = weights[fi].score
        if st.fact.type == "person" and (st.fid not in best or w > best[st.fid][0]):
            best[st.fid] = (w, st)
    out: list[Candidate] = []
    for fid, (w, st) in best.items():
        person = ctx.entities[fid]
        role = _plain(person.role)
        if not role or roles.get(" ".join(tokens(role)), 0) != 1 or len(person.name.split()) < 2:
            continue
        if not is_position(role) or _guessable(ctx, role) or _former(role):
            continue  # «المدافع السنغالي» describes a person; «وزير الصحة» in a health survey is no question
        if is_position(role):
            wrong = _wrong_roles(ctx, person, role)
            if len(wrong) == 3:
                k = key(ctx, "role", fid, role)
                q = Question(key=k, kind="role", fact_type="person", prompt=f"ما منصب {person.name} بحسب المقال؟",
                             answer=role, choices=shuffled(ctx, k, role, wrong), source=st.source, difficulty=2,
                             fact=fid)
                out.append(Candidate(q, (fid,), w, 0.85))
                continue
        prompt = f"من يشغل منصب {role} بحسب المقال؟"
        k = key(ctx, "role", fid, prompt)
        wrong = name_options(ctx, person, prompt, ctx.rng(k))
        if len(wrong) == 3:
            q = Question(key=k, kind="role", fact_type="person", prompt=prompt, answer=person.name,
                         accepted=tuple(sorted(a for a in person.aliases if a != person.name)),
                         choices=shuffled(ctx, k, person.name, wrong), source=st.source, difficulty=2, fact=fid)
            out.append(Candidate(q, (fid,), w, 0.8))
    return out


KIND = Kind(name="role", label="المنصب", shape="choice", comprehension=True, for_article=build)
