"""The token model the name rules work on: an article's tokens with their folded forms, proclitics,
stems, gazetteer classes and sentences, and the name spans found so far (at most one per token).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from typing import cast

from questions.names.lexicon import common, lexicon
from questions.names.words import CUE_WORDS, ROLE_HEADS, STOP, TITLES, split_clitic
from questions.normalize import fold, strip_diacritics

TOKEN = re.compile(r"[\w\u064b-\u065f\u0670\u0640]+|[^\w\s]")
PLACE_GAZ = frozenset({"CTRY", "REG", "CITY", "LOC"})
# Gazetteer class -> span type.
GAZ_TYPE = {"CTRY": "LOC", "REG": "LOC", "CITY": "LOC", "LOC": "LOC", "ORG": "ORG", "MEDIA": "ORG",
            "PERS": "PERS"}


@dataclass
class Span:
    """A name span over tokens [i, j) of the article, with its type and how it was found."""

    i: int
    j: int
    typ: str  # PERS | LOC | ORG
    kind: str | None = None
    cut: int | None = None  # proclitic letters to leave out of the first token, when a rule knows


@lru_cache(maxsize=200_000)
def fold_token(t: str) -> str:
    """``fold`` with a cache for the words of articles."""
    return fold(t)


@lru_cache(maxsize=200_000)
def split_word(w: str) -> tuple[str, str]:
    """Split proclitics off a folded word, but only where what follows is a word we know.

    A lone و/ف/ب/ل/ك may be the name's own first letter (فاروق, لوسيل, واشنطن), so of the possible
    splits the longest one leaving ال or a known word wins, else the word stays whole.
    """
    if w in STOP:
        return "", w
    ordinary = common()
    lex = lexicon().words
    p, s = split_clitic(w)
    if p and (w in CUE_WORDS or w in ordinary):
        return "", w
    while p:
        known = s in ordinary or s in lex or s in CUE_WORDS
        if p.endswith("ك") and not (known and len(s) >= 4) and not (s.startswith("ال") and (
                s[2:] in ordinary or s[2:] in lex)):
            pass  # after ك only a known word splits off: كايا, كالاس, كاليفورنيا are names' own letters
        elif (s.startswith("ال") and len(s) >= 4) or known:
            shorter = w[len(p) - 1:]
            if len(p) >= 2 and lexicon().words.get(shorter, set()) & {"CITY", "CTRY", "REG"}:
                return p[:-1], shorter  # «وبابل» is و + بابل (a province), not و + ب + ابل
            return p, s
        p = p[:-1]
        s = w[len(p):]
    return "", w


@lru_cache(maxsize=200_000)
def gaz_classes(w: str, s: str) -> frozenset[str]:
    """Gazetteer classes of a word, its stem, and its stem without ال."""
    lex = lexicon().words
    e: set[str] = set()
    return frozenset(lex.get(w, e) | lex.get(s, e) | lex.get(s[2:] if s.startswith("ال") else "", e))


@lru_cache(maxsize=200_000)
def could_start_name(w: str, pre: str, stem: str, definite: bool) -> bool:
    """Whether a word, by itself, may open a person's name."""
    ordinary = common()
    return not (not w[:1].isalnum() or w in ordinary or stem in ordinary or w in STOP or pre or definite
                or stem in ROLE_HEADS or stem in TITLES or w in ROLE_HEADS or stem in CUE_WORDS
                or w[:1].isdigit() or len(w) < 2)


@lru_cache(maxsize=200_000)
def token_info(tok: str) -> tuple[str, str, str, bool, bool, bool, frozenset[str], bool]:
    """Folded word, proclitics, stem, punctuation?, ordinary word?, may open a name?, gazetteer classes,
    definite (written ال, not a name like ألينا)?"""
    w = fold(tok)
    p, s = split_word(w)
    ordinary = common()
    raw = strip_diacritics(tok)[len(p):]
    definite = (raw.startswith("ال") or (p.endswith("ل") and raw.startswith("ل"))) and len(s) >= 4
    return (w, p, s, not w[:1].isalnum(), w in ordinary or s in ordinary or w in STOP,
            could_start_name(w, p, s, definite),
            gaz_classes(w, s), definite)


class Doc:
    """Tokens of one article with folded forms, stems, sentences and the current name spans."""

    def __init__(self, text: str, sentences: list[tuple[int, int]],
                 offsets: list[tuple[int, int]] | None = None) -> None:
        self.text = text
        self.offs = offsets if offsets is not None else [m.span() for m in TOKEN.finditer(text)]
        self.toks = [text[a:b] for a, b in self.offs]
        self.n = len(self.toks)
        info: list[tuple[object, ...]] = list(zip(*map(token_info, self.toks))) if self.n else [()] * 8
        self.words = cast("list[str]", list(info[0]))
        self.pre = cast("list[str]", list(info[1]))
        self.stems = cast("list[str]", list(info[2]))
        self._punct = cast("list[bool]", list(info[3]))
        self._common = cast("list[bool]", list(info[4]))
        self.starts = cast("list[bool]", list(info[5]))  # may open a person's name
        self._gaz = cast("list[frozenset[str]]", list(info[6]))
        self.definite = cast("list[bool]", list(info[7]))
        # Sentence of each token: one bisect per sentence, not per token.
        starts = [a for a, _ in self.offs]
        self.sent: list[int] = []
        for si, (_, e) in enumerate(sentences):
            upto = bisect_left(starts, e)
            if si == len(sentences) - 1:
                upto = self.n
            self.sent.extend([si] * (upto - len(self.sent)))
        self.sent.extend([max(len(sentences) - 1, 0)] * (self.n - len(self.sent)))
        self.owner: list[int | None] = [None] * self.n
        self.spans: list[Span | None] = []

    # -- token predicates -------------------------------------------------
    def punct(self, i: int) -> bool:
        """Whether token i is punctuation."""
        return self._punct[i]

    def is_common(self, i: int) -> bool:
        """Whether token i is an ordinary word."""
        return self._common[i]

    def gaz(self, i: int) -> frozenset[str]:
        """Gazetteer classes of token i."""
        return self._gaz[i]

    def gaz_all(self) -> list[frozenset[str]]:
        """Gazetteer classes of every token."""
        return self._gaz

    def same_sentence(self, i: int, j: int) -> bool:
        """Whether tokens i and j exist and sit in one sentence."""
        return 0 <= i < self.n and 0 <= j < self.n and self.sent[i] == self.sent[j]

    # -- spans ---------------------------------------------------------------
    def add(self, i: int, j: int, typ: str, *, force: bool = False, kind: str | None = None,
            cut: int | None = None) -> bool:
        """Add span [i, j); with force, drop the spans it overlaps; else refuse on overlap."""
        if i >= j:
            return False
        hit = {self.owner[k] for k in range(i, j) if self.owner[k] is not None}
        if hit and not force:
            return False
        for h in hit:
            assert h is not None  # narrows the type for mypy; the loop above always sets it  # nosec B101
            self.drop(h)
        self.spans.append(Span(i, j, typ, kind, cut))
        for k in range(i, j):
            self.owner[k] = len(self.spans) - 1
        return True

    def drop(self, idx: int) -> None:
        """Remove span number ``idx``."""
        sp = self.spans[idx]
        if sp is not None:
            for k in range(sp.i, sp.j):
                self.owner[k] = None
            self.spans[idx] = None

    def drop_at(self, i: int) -> None:
        """Remove the span that holds token i, if any."""
        o = self.owner[i]
        if o is not None:
            self.drop(o)

    def live(self) -> list[Span]:
        """The current spans in text order."""
        return sorted((s for s in self.spans if s is not None), key=lambda s: s.i)

    def span_at(self, i: int) -> Span | None:
        """The span that holds token i, if any."""
        o = self.owner[i] if 0 <= i < self.n else None
        return None if o is None else self.spans[o]
