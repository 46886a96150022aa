"""Every other occurrence of a name found once, and the lone surnames of people."""

from __future__ import annotations

from questions.names.lexicon import common
from questions.names.tokens import Doc
from questions.names.words import NAME_LINKS, ORG_HEADS


def _known_names(doc: Doc) -> dict[tuple[str, ...], str]:
    """The word sequences of the names found, with their type; a definite body's head alone and a
    person's surname count too ("المندوبية" later means the same body)."""
    seqs: dict[tuple[str, ...], str] = {}
    for sp in doc.live():
        stems = tuple([doc.stems[sp.i], *doc.words[sp.i + 1:sp.j]])
        seqs.setdefault(stems, sp.typ)
        if sp.typ == "ORG" and sp.j - sp.i >= 2 and doc.stems[sp.i] in ORG_HEADS and doc.definite[sp.i]:
            seqs.setdefault((doc.stems[sp.i],), "ORG")
        if sp.typ == "PERS" and sp.j - sp.i >= 2:
            last = doc.words[sp.j - 1]
            if last not in common() and len(last) >= 3 and doc.words[sp.j - 2] not in NAME_LINKS:
                seqs.setdefault((last,), "PERS")
    return seqs


def _tag_occurrence(doc: Doc, i: int, first: str, by_first: dict[str, list[tuple[tuple[str, ...], str]]]) -> bool:
    """Tag the longest known name starting at token i with ``first``; True when one was tagged."""
    for seq, typ in by_first.get(first, ()):
        k = len(seq)
        if k == 1 and doc.is_common(i):
            continue  # one ordinary word (أن, الاتحاد) is not a name just because it once was tagged
        if i + k <= doc.n and all(doc.words[i + m] == seq[m] for m in range(1, k)) \
                and all(doc.span_at(i + m) is None for m in range(k)):
            doc.add(i, i + k, typ)
            return True
    return False


def propagate(doc: Doc) -> None:
    """Tag every other occurrence of a found name, and lone surnames of people."""
    by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for seq, typ in _known_names(doc).items():
        by_first.setdefault(seq[0], []).append((seq, typ))
    for lst in by_first.values():
        lst.sort(key=lambda x: -len(x[0]))
    words, stem_of, owner = doc.words, doc.stems, doc.owner
    for i in range(doc.n):
        if owner[i] is not None or (words[i] not in by_first and stem_of[i] not in by_first):
            continue
        for first in (words[i], stem_of[i]):
            if _tag_occurrence(doc, i, first, by_first):
                break
