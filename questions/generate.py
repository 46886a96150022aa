"""Question banks from an article: the key facts, each asked once in its best form, and questions about
the story as a whole (who did what, roles, causes, changes, comparisons, the order of events).

``generate(text)`` extracts the facts; ``generate_from_facts`` weighs them (``questions.salience``),
asks every kind in the registry for candidates (``questions.kinds``), drops those failing the quality
checks (counted per reason in ``Bank.drops``) and chooses the bank (``questions.select``): one question
per fact with its other realizations as alternates, key facts first, no question giving another away.
Output is deterministic for a seed, and keys are stable: they hash the article's normalized text, the
kind and what the question is about, never list positions.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from questions.checks import REASONS, check
from questions.context import article_key, build_context, fact_id, norm_text
from questions.kinds import KINDS, REGISTRY
from questions.kinds.base import Candidate
from questions.model import Article, Bank, Fact, Question
from questions.salience import weigh
from questions.select import MAX_QUESTIONS, bank_size, select
from questions.stems import Stems, stems_for

__all__ = ["article_key", "generate", "generate_from_facts", "norm_text", "replace_choices", "report"]

# How many fact mentions, most salient first, are worked into candidates: a bounded multiple of the
# largest bank, so generation stays linear in the article however long it is.
MENTIONS_PER_QUESTION = 6


def _checked(candidates: list[Candidate], drops: Counter[str]) -> list[Candidate]:
    out = []
    for c in candidates:
        failed = check(c.question)
        if failed:
            drops[next(r for r in REASONS if r in failed)] += 1
        else:
            out.append(c)
    return out


def generate_from_facts(text: str, facts: list[Fact], *, seed: int = 0, article_date: str | None = None,
                        title: str = "", source: str | None = None) -> Bank:
    """Build a checked bank from already extracted facts (generation without extraction)."""
    ctx = build_context(text, facts, seed, title, article_date)
    weights = weigh(ctx)
    best: dict[str, float] = {}
    for fi, w in weights.items():
        if w.trivia is None:
            fid = fact_id(ctx.facts[fi])
            best[fid] = max(best.get(fid, 0.0), w.score)
    ranked = sorted((fi for fi, w in weights.items() if w.trivia is None),
                    key=lambda fi: (-weights[fi].score, fi))[:MAX_QUESTIONS * MENTIONS_PER_QUESTION]
    drops: Counter[str] = Counter()
    candidates: list[Candidate] = []
    stems: dict[int, Stems] = {}
    for fi in sorted(ranked):
        st = stems_for(ctx, fi)
        if st is None:
            continue
        stems[fi] = st
        # A question stands on one mention: it weighs what that mention weighs and what its fact does.
        salience = 0.5 * weights[fi].score + 0.5 * best[st.fid]
        for kind in KINDS:
            if kind.for_fact is not None:
                c = kind.for_fact(ctx, st, salience)
                if c is not None:
                    candidates.append(c)
    for kind in KINDS:
        if kind.for_article is not None:
            candidates += kind.for_article(ctx, weights, stems)
    chosen = select(_checked(candidates, drops), bank_size(ctx.words), title)
    article = Article(key=ctx.akey, title=title, text=text, date=article_date, source=source)
    return Bank(article=article, questions=tuple(chosen), drops=tuple(sorted(drops.items())))


def generate(text: str, *, seed: int = 0, article_date: str | None = None, title: str = "",
             source: str | None = None) -> Bank:
    """Extract the article's facts and generate a checked question bank from them."""
    from questions.facts import extract_facts

    facts = extract_facts(text, article_date=article_date)
    return generate_from_facts(text, facts, seed=seed, article_date=article_date, title=title, source=source)


def report(bank: Bank, facts: list[Fact] | None = None) -> str:
    """Summarize a bank: facts found, questions per kind and per fact type, drops per check."""
    if facts is None:
        from questions.facts import extract_facts

        facts = extract_facts(bank.article.text, article_date=bank.article.date)
    lines = [f"article {bank.article.key} {bank.article.title!r}".rstrip()]
    fc = Counter(f.type for f in facts)
    lines.append("facts found: " + ", ".join(f"{t}={fc[t]}" for t in sorted(fc)) + f" (total {len(facts)})")
    kc = Counter(q.kind for q in bank.questions)
    lines.append("questions per kind: " + ", ".join(f"{k}={kc[k]}" for k in REGISTRY if kc[k])
                 + f" (total {len(bank.questions)})")
    comprehension = sum(kc[k.name] for k in KINDS if k.comprehension)
    if bank.questions:
        lines.append(f"comprehension kinds: {comprehension}/{len(bank.questions)}"
                     f" ({100 * comprehension / len(bank.questions):.0f}%)")
    tc = Counter(q.fact_type for q in bank.questions)
    lines.append("questions per fact type: " + ", ".join(f"{t}={tc[t]}" for t in sorted(tc)))
    drops = dict(bank.drops)
    lines.append("dropped by check: " + (", ".join(f"{r}={drops[r]}" for r in REASONS if drops.get(r)) or "none"))
    return "\n".join(lines)


def replace_choices(q: Question, choices: tuple[str, ...]) -> Question:
    """Return ``q`` with new choices (used by tests and teacher edits)."""
    return replace(q, choices=choices)
