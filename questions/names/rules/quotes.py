"""Names in «guillemets»: a partial tag grows to the whole quote; an untagged quote is typed by the
words before it."""

from __future__ import annotations

from collections import Counter

from questions.names.features import phrase_tags
from questions.names.rules.predicates import role_before
from questions.names.tokens import GAZ_TYPE, Doc
from questions.names.words import ORG_HEADS, PERSON_CUES, REPORT_VERBS, ROLE_HEADS, SITE_HEADS

OPEN_QUOTES = {"«": "»", "“": "”", '"': '"'}


def _closing(doc: Doc, i: int, close: str) -> int | None:
    """The closing quote of a short quote (one to four tokens) opened at i, in the same sentence."""
    j = i + 1
    while j < doc.n and j - i <= 6 and doc.toks[j] != close and doc.same_sentence(i, j):
        j += 1
    if j >= doc.n or doc.toks[j] != close or j - i - 1 > 4 or j == i + 1:
        return None
    return j


def _quote_type(doc: Doc, a: int, b: int) -> tuple[str | None, bool]:
    """The type of the quoted words [a, b) and whether a body's head names them (شركة «...»)."""
    types = Counter(sp.typ for k in range(a, b) if (sp := doc.span_at(k)) is not None)
    marks = phrase_tags(doc.words[a:b])
    typ = "ORG" if marks[0] and marks[0][0] == "m=BMEDIA" else quote_context(doc, a, b)  # «أكوا باور»
    if typ is None and types:
        typ = types.most_common(1)[0][0]
    elif typ is None and marks[0] and marks[0][0].startswith("m=B"):
        typ = GAZ_TYPE[marks[0][0][3:]]
    headed = a >= 2 and doc.stems[a - 2] in ORG_HEADS and doc.same_sentence(a - 2, a)
    if typ is not None and (b - a > 3 or all(doc.is_common(k) for k in range(a, b))) and not types \
            and not headed:
        typ = None  # but شركة «الخبير المالية»: ordinary words named by their head are a name
    return typ, headed


def quotes(doc: Doc) -> None:
    """Names in «guillemets»: extend a partial tag to the whole quote; type untagged ones by context."""
    i = 0
    while i < doc.n:
        close = OPEN_QUOTES.get(doc.toks[i])
        j = None if close is None else _closing(doc, i, close)
        if j is None:
            i += 1
            continue
        a, b = i + 1, j
        if not any(doc.punct(k) for k in range(a, b)):
            typ, headed = _quote_type(doc, a, b)
            if typ is not None:
                kind = "site" if typ == "LOC" and not any(doc.gaz(k2) for k2 in range(a, b)) else \
                    "named" if headed else None
                doc.add(a, b, typ, force=True, kind=kind)
        i = j + 1


def quote_context(doc: Doc, a: int, b: int) -> str | None:
    """The type the words before a quote give it: a title or role names a person; في or a site a place."""
    k = a - 2
    while k >= 0 and doc.toks[k] in ("،", ",", "«", "ـ"):
        k -= 1
    if any("MEDIA" in doc.gaz(x) for x in range(a, b)):
        return "ORG"
    if k < 0 or not doc.same_sentence(k, a):
        return None
    if doc.stems[k] in ORG_HEADS or (doc.words[k] == "ل" and k == a - 2):
        return "ORG"  # صحيفة «الشرق الأوسط»; «قال لـ«عدن الغد»»: told to a paper
    if role_before(doc, a) < a or doc.words[k] in REPORT_VERBS or doc.stems[k] in PERSON_CUES \
            or (doc.stems[k].endswith("ه") and doc.stems[k][:-1] in ROLE_HEADS):
        return "PERS"
    if any(doc.gaz(x) & {"CTRY", "REG", "CITY", "LOC"} for x in range(a, b)):
        return "LOC"
    if doc.stems[k] in SITE_HEADS or doc.stems[k].startswith("اقامت") or doc.words[k] == "في" and b - a == 1:
        return "LOC"
    return None
