"""People, places and organizations in Arabic news text.

The CRF tagger (``questions.ner``) proposes name spans; rules for news then fix and extend them:
«quoted» names, titles and roles before a name (kept out of the span), organization head words with
their genitive/adjective phrase, CLDR country names, news agencies and platforms, and every later
occurrence of a name found once. Short mentions link to the full name ("ترامب" -> "دونالد ترامب").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from questions import ner
from questions.model import Fact
from questions.normalize import fold

_TOKEN = re.compile(r"[\w\u064b-\u065f\u0670\u0640]+|[^\w\s]")
_TYPE = {"PERS": "person", "LOC": "place", "ORG": "organization"}
_PROCLITIC_LETTERS = "وفبلك"


@dataclass
class _Span:
    """A name span over tokens [i, j) of the article, with its type."""

    i: int
    j: int
    typ: str  # PERS | LOC | ORG


def refine_tags(toks: Sequence[str], tags: Sequence[str]) -> list[str]:
    """Apply token-level rules to CRF tags of one sentence (used by ner-eval too)."""
    out = list(tags)
    words = [fold(t) for t in toks]
    marks = ner.phrase_tags(words)
    n = len(toks)
    i = 0
    # Multi-word gazetteer phrases the CRF split or missed are taken whole, when the CRF saw a name there.
    while i < n:
        b = [m for m in marks[i] if m.startswith("m=B")]
        if b:
            cls = b[0][3:]
            j = i + 1
            while j < n and any(m == "m=I" + cls for m in marks[j]):
                j += 1
            typ = {"CTRY": "LOC", "REG": "LOC", "CITY": "LOC", "LOC": "LOC", "ORG": "ORG",
                   "MEDIA": "ORG", "PERS": "PERS"}[cls]
            if any(out[k] != "O" for k in range(i, j)) or cls in ("CTRY", "REG", "MEDIA"):
                inside_other = i > 0 and out[i - 1] != "O" and out[i].startswith("I-")
                if not inside_other:
                    out[i] = "B-" + typ
                    for k in range(i + 1, j):
                        out[k] = "I-" + typ
                    if j < n and out[j].startswith("I-") and out[j][2:] != typ:
                        out[j] = "B-" + out[j][2:]
            i = j
            continue
        i += 1
    return out


def _tokenize(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _TOKEN.finditer(text)]


def _strip_start(tok: str, known: set[str]) -> int:
    """How many leading proclitic characters of a name's first token to leave out of the span."""
    w = fold(tok)
    pre, stem = ner.split_clitic(w)
    if not pre or pre == "ال":
        return 0
    if pre.endswith("ال"):
        return len(pre) - 2
    if pre.endswith("لل"):
        return len(pre) - 1  # "للانتخابات": the alef of ال is not written, keep the second lam
    # A bare و/ب/ل/ف/ك may belong to the name itself (واشنطن, بروكسل, لندن): strip only when the
    # rest is a known name or the whole word is not.
    if w in known or w in ner.lexicon().words:
        return 0
    if stem in known or stem in ner.lexicon().words or ("ال" + stem) in ner.lexicon().words:
        return len(pre)
    return 0


def find_entities(text: str, sentences: list[tuple[int, int]]) -> list[Fact]:
    """Return person, place and organization facts with linked entity ids, roles, titles and kinds."""
    spans = _tokenize(text)
    toks = [text[a:b] for a, b in spans]
    sent_of = []
    s_idx = 0
    for a, _ in spans:
        while s_idx + 1 < len(sentences) and a >= sentences[s_idx][1]:
            s_idx += 1
        sent_of.append(s_idx)
    tags: list[str] = []
    k = 0
    while k < len(toks):
        m = k
        while m < len(toks) and sent_of[m] == sent_of[k]:
            m += 1
        tags.extend(refine_tags(toks[k:m], ner.tag(toks[k:m])))
        k = m
    found = ner.spans_of_typed(tags)
    return _to_facts(text, spans, toks, sent_of, [_Span(i, j, t) for t, i, j in found])


def _to_facts(text: str, spans: list[tuple[int, int]], toks: list[str], sent_of: list[int],
              found: list[_Span]) -> list[Fact]:
    words = [fold(t) for t in toks]
    known: set[str] = set()
    for s in found:
        _, stem = ner.split_clitic(words[s.i])
        known.add(stem)
    items: list[tuple[_Span, int, int, str]] = []
    for s in found:
        cut = _strip_start(toks[s.i], known)
        a = spans[s.i][0] + cut
        b = spans[s.j - 1][1]
        items.append((s, a, b, text[a:b]))
    # Type by majority over identical surfaces, so one name keeps one type across the article.
    votes: dict[str, Counter[str]] = {}
    for s, _, _, surf in items:
        votes.setdefault(fold(surf), Counter())[s.typ] += 1
    facts: list[Fact] = []
    names = {fold(surf) for _, _, _, surf in items}
    surface: dict[str, str] = {}
    for _, _, _, surf in items:
        surface.setdefault(fold(surf), surf)
    for s, a, b, surf in items:
        key = fold(surf)
        typ = votes[key].most_common(1)[0][0]
        canon = _canonical(key, names)
        facts.append(Fact(type=_TYPE[typ], text=surf, value=surface.get(canon, canon), start=a, end=b, sentence=sent_of[s.i],
                          entity=f"{_TYPE[typ]}:{canon}"))
    return facts


def _canonical(key: str, names: set[str]) -> str:
    """The longest name in the article whose tokens contain this mention's last token."""
    parts = key.split()
    best = key
    for n in names:
        np = n.split()
        if len(np) > len(best.split()) and parts[-1] == np[-1] and set(parts) <= set(np):
            best = n
    return best
