"""The name pipeline: the passes over an article's tokens, listed in the order they run.

Each pass is a named function ``(doc) -> None`` that adds, moves or drops name spans (see
``questions/names/rules/``). ``ARTICLE_PASSES`` run on articles; ``CORPUS_PASSES`` leave out the rules
whose conventions differ from ANERcorp's annotation, so ``ner-eval`` stays comparable.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial

from questions.model import Fact
from questions.names.link import to_facts
from questions.names.rules.bodies import acronyms, clubs, companies, org_heads
from questions.names.rules.clean import clean
from questions.names.rules.datelines import datelines
from questions.names.rules.people import CORPUS_PEOPLE_RULES, hyphenated, people, written_ali
from questions.names.rules.places import countries, named_after, regions, settlements, sites
from questions.names.rules.propagate import propagate
from questions.names.rules.quotes import quotes
from questions.names.rules.split import split_joined
from questions.names.rules.tagging import tag
from questions.names.tokens import Doc

Pass = Callable[[Doc], None]

ARTICLE_PASSES: tuple[Pass, ...] = (
    tag,  # CRF spans, with the gazetteer's multi-word names taken whole
    split_joined,  # spans run across two names split, wrong types fixed
    partial(clean, extend=True),  # titles, verbs and ordinary words trimmed; names grow over unknown words
    quotes,  # «quoted» names
    org_heads,  # a body's head word with its phrase
    companies,  # «كورك تيليكوم»
    clubs,  # «مولودية وهران»
    sites,  # استاد لوسيل, شارع الحمرا
    named_after,  # جامعة الملك سعود
    countries,  # listed countries, regions and cities the tagger missed
    regions,  # قطاع غزة
    settlements,  # مدينة حلب
    datelines,  # «مسقط - «العمانية»:»
    people,  # names after roles, nationalities and reporting verbs, in lists, and name pairs
    hyphenated,  # «ماري-كلير مونغا»
    clean,  # the spans the rules added, trimmed
    written_ali,  # «علي حسن المرزوق», a dotted «علي» before a name
    acronyms,  # «(واس)»
    propagate,  # every other mention of a name found once
)
# ANERcorp's annotation: quoted names often MISC or none, names without their head word (باستاد
# [القاهرة]), no role-cued people, the tokens split at hyphens, a national team's country a place.
CORPUS_PASSES: tuple[Pass, ...] = (
    tag,
    split_joined,
    partial(clean, corpus_style=True),
    countries,
    datelines,
    partial(people, rules=CORPUS_PEOPLE_RULES),
    partial(clean, corpus_style=True),
    acronyms,
    propagate,
)


def run(doc: Doc, passes: Sequence[Pass] | None = None) -> None:
    """Run the passes over the document, in order (``ARTICLE_PASSES`` unless told otherwise)."""
    for p in ARTICLE_PASSES if passes is None else passes:
        p(doc)


def find_entities(text: str, sentences: list[tuple[int, int]]) -> list[Fact]:
    """Return person, place and organization facts with linked entity ids, roles, titles and kinds."""
    doc = Doc(text, sentences)
    if doc.n == 0:
        return []
    run(doc)
    return to_facts(doc)


def _joined(sents: Sequence[Sequence[str]]) -> tuple[str, list[list[tuple[int, int]]], list[tuple[int, int]]]:
    """Pre-tokenized sentences as one text: the text, each token's offsets, each sentence's span."""
    parts: list[str] = []
    tok_spans: list[list[tuple[int, int]]] = []
    sent_spans: list[tuple[int, int]] = []
    pos = 0
    for toks in sents:
        start = pos
        spans = []
        for t in toks:
            spans.append((pos, pos + len(t)))
            parts.append(t)
            parts.append(" ")
            pos += len(t) + 1
        tok_spans.append(spans)
        parts[-1:] = ["\n"] if toks else []
        sent_spans.append((start, pos))
    return "".join(parts), tok_spans, sent_spans


def _bio(labels: list[str], spans: list[tuple[int, int]]) -> list[str]:
    """BIO tags of a sentence's tokens from per-character labels (B marks a span's first character)."""
    tags: list[str] = []
    prev = ""
    for a, b in spans:
        labs = [labels[c] for c in range(a, b) if labels[c]]
        if not labs:
            tags.append("O")
            prev = ""
            continue
        typ = labs[0].lstrip("B")
        begin = labs[0].startswith("B") or prev != typ
        tags.append(("B-" if begin else "I-") + typ)
        prev = typ
    return tags


def tag_sentences(sents: Sequence[Sequence[str]], *, corpus_style: bool = True) -> list[list[str]]:
    """BIO tags for pre-tokenized sentences read as one document, through the rule pipeline.

    With ``corpus_style`` the rules whose conventions differ from ANERcorp's annotation (role-cued
    names, head-word organization phrases) are left out, so scores stay comparable.
    """
    text, tok_spans, sent_spans = _joined(sents)
    doc = Doc(text, sent_spans, [sp for spans in tok_spans for sp in spans])
    if doc.n:
        run(doc, CORPUS_PASSES if corpus_style else ARTICLE_PASSES)
    label = [""] * len(text)
    for sp in doc.live():
        a, b = doc.offs[sp.i][0], doc.offs[sp.j - 1][1]
        for c in range(a, b):
            label[c] = sp.typ
        label[a] = "B" + sp.typ
    return [_bio(label, spans) for spans in tok_spans]
