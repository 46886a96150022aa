"""The tagger's pass: CRF tags for every sentence, corrected by the gazetteer's multi-word names."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from questions.names.features import DOC_SIZE, phrase_tags
from questions.names.lexicon import lexicon
from questions.names.tagger import spans_of_typed, tag_document
from questions.names.tokens import GAZ_TYPE, Doc, fold_token


def refine_tags(toks: Sequence[str], tags: Sequence[str]) -> list[str]:
    """Multi-word gazetteer names the CRF split or missed are taken whole, when the CRF saw a name there
    (or always, for countries, regions, cities and listed bodies)."""
    return list(_refine(tuple(toks), tuple(tags)))


def _phrase_class(words: list[str], i: int, j: int, cls: str) -> str:
    key = " ".join(words[i:j])
    lex = lexicon()
    if lex.kind.get(key) in ("country", "region"):
        return "CTRY"
    if key in lex.media:
        return "MEDIA"
    return cls


@lru_cache(maxsize=50_000)
def _refine(toks: tuple[str, ...], tags: tuple[str, ...]) -> tuple[str, ...]:
    out = list(tags)
    words = [fold_token(t) for t in toks]
    marks = phrase_tags(words)
    n = len(toks)
    i = 0
    while i < n:
        b = [m for m in marks[i] if m.startswith("m=B")]
        if not b:
            i += 1
            continue
        cls = b[0][3:]
        j = i + 1
        while j < n and any(m == "m=I" + cls for m in marks[j]):
            j += 1
        cls = _phrase_class(words, i, j, cls)
        typ = GAZ_TYPE[cls]
        inside_other = i > 0 and out[i - 1] != "O" and out[i].startswith("I-")
        if (any(out[k] != "O" for k in range(i, j)) or cls in ("CTRY", "REG", "CITY", "MEDIA")) \
                and not inside_other:
            out[i] = "B-" + typ
            for k in range(i + 1, j):
                out[k] = "I-" + typ
            if j < n and out[j].startswith("I-") and out[j][2:] != typ:
                out[j] = "B-" + out[j][2:]
        i = j
    return tuple(out)


def sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges [a, b) of the article's sentences."""
    bounds: list[tuple[int, int]] = []
    k = 0
    while k < doc.n:
        m = k
        while m < doc.n and doc.sent[m] == doc.sent[k]:
            m += 1
        bounds.append((k, m))
        k = m
    return bounds


def tag(doc: Doc) -> None:
    """Spans from the CRF tags of every sentence, read in documents of ``DOC_SIZE`` sentences."""
    bounds = sentence_bounds(doc)
    sents = [doc.toks[a:b] for a, b in bounds]
    for c in range(0, len(sents), DOC_SIZE):
        chunk = sents[c:c + DOC_SIZE]
        for (a, _), toks, raw in zip(bounds[c:c + DOC_SIZE], chunk, tag_document(chunk)):
            tags = refine_tags(toks, raw)
            for t, x, y in spans_of_typed(tags):
                doc.add(a + x, a + y, t)
