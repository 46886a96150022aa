"""Features of the CRF name tagger: the word, its folded and clitic-stripped forms, affixes, gazetteer
and cue-word classes, multi-word gazetteer phrases, neighbours, and cues shared across a document.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from questions.names.lexicon import lexicon, lex_label, set_corpus_lists, word_lists
from questions.names.words import (
    ORG_HEADS, PLACE_PREPS, REGION_HEADS, REPORT_VERBS, ROLE_HEADS, SITE_HEADS, TITLES, split_clitic,
)
from questions.normalize import fold

_PUNCT_RE = re.compile(r"^[^\w]+$")
_DIGIT_RE = re.compile(r"\d")
ARABIC_RE = re.compile("[\u0621-\u064a]")
DOC_SIZE = 30  # sentences per pseudo-document when a corpus has no document breaks

def word_classes(w: str, stem: str, bare: str) -> list[str]:
    """Gazetteer and cue classes of a folded word, its stem and its stem without ال."""
    lex = lexicon().words
    out: set[str] = set()
    for form, tagp in ((w, ""), (stem, "s"), (bare, "b")):
        for c in lex.get(form, ()):
            out.add(tagp + c)
    if stem in TITLES:
        out.add("TITLE")
    if stem in ROLE_HEADS or w in ROLE_HEADS:
        out.add("ROLE")
    if w in REPORT_VERBS:
        out.add("VERB")
    if stem in ORG_HEADS or w in ORG_HEADS:
        out.add("ORGH")
    if stem in SITE_HEADS:
        out.add("SITEH")
    if stem in REGION_HEADS:
        out.add("REGH")
    if stem.startswith("ال") and stem.endswith("ي") and len(stem) >= 5:
        out.add("NISBA")
    return sorted(out)


def phrase_tags(words: Sequence[str]) -> tuple[tuple[str, ...], ...]:
    """Per-token B/I marks of multi-word gazetteer phrases found in a folded sentence."""
    return _phrase_tags(tuple(words))


@lru_cache(maxsize=50_000)
def _phrase_tags(words: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    phrases = lexicon().phrases
    out: list[list[str]] = [[] for _ in words]
    n = len(words)
    for i, w in enumerate(words):
        cands = phrases.get(w)
        if cands is None:
            pre, stem = split_clitic(w)
            cands = phrases.get(stem) if pre else None
        if not cands:
            continue
        for toks, cls in cands:
            k = len(toks)
            if i + k <= n and all(words[i + j] == toks[j] for j in range(1, k)):
                out[i].append("m=B" + cls)
                for j in range(1, k):
                    out[i + j].append("m=I" + cls)
                break
    return tuple(tuple(x) for x in out)


def _bare(stem: str) -> str:
    """Drop a leading ال from a stem."""
    return stem[2:] if stem.startswith("ال") and len(stem) > 3 else stem


@lru_cache(maxsize=200_000)
def _local(tok: str) -> tuple[str, tuple[str, ...]]:
    """Features of one token by itself, cached: (folded word, features)."""
    w = fold(tok)
    if _PUNCT_RE.match(w):
        return w, ("punct", "w=" + w)
    if _DIGIT_RE.search(w):
        return w, ("digit", "len=" + str(min(len(w), 5)))
    pre, stem = split_clitic(w)
    bare = _bare(stem)
    f = ["w=" + w, "st=" + stem, "bare=" + bare, "pre=" + pre,
         "s1=" + w[-1:], "s2=" + w[-2:], "s3=" + w[-3:],
         "b2=" + bare[:2], "b3=" + bare[:3], "bs2=" + bare[-2:], "bs3=" + bare[-3:],
         "len=" + str(min(len(bare), 9))]
    if stem.startswith("ال"):
        f.append("al")
    if not ARABIC_RE.search(tok):
        f.append("latin")
    for tag in word_classes(w, stem, bare):
        f.append("g=" + tag)
    f.append("lx=" + lex_label(stem))
    return w, tuple(f)


def set_word_lists(names: dict[str, str], common: frozenset[str]) -> None:
    """Replace the name and common-word lists (training uses per-fold lists); clears caches."""
    set_corpus_lists(names, common)
    _local.cache_clear()
    _neighbour.cache_clear()
    _doc_cues.cache_clear()
    stem_of.cache_clear()


@lru_cache(maxsize=200_000)
def stem_of(tok: str) -> str:
    """The clitic-stripped folded stem the features use ("" for punctuation and numbers)."""
    feats = _local(tok)[1]
    return feats[1][3:] if len(feats) > 2 else ""


@lru_cache(maxsize=200_000)
def _neighbour(tok: str) -> tuple[tuple[str, ...], ...]:
    """What a token contributes to its neighbours' features at offsets -2, -1, +1, +2, cached."""
    w, feats = _local(tok)
    gz = [f for f in feats if f.startswith("g=")]
    out = []
    for d in (-2, -1, 1, 2):
        f = [f"{d}w={w}"]
        f.extend(f"{d}{g}" for g in gz)
        if d in (-1, 1) and len(feats) > 2 and feats[1].startswith("st="):
            f.append(f"{d}{feats[1]}")
            f.append(f"{d}{feats[-1]}")
        out.append(tuple(f))
    return tuple(out)


_DOC_CUES = frozenset({"TITLE", "ROLE", "VERB", "ORGH", "SITEH", "REGH", "PERS", "sPERS", "NISBA", "CTRY", "LOC",
                       "sLOC", "ORG", "MEDIA"})


@lru_cache(maxsize=200_000)
def _doc_cues(tok: str) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    """A token's stem (empty when ordinary) and the cues it lends to the words before and after it."""
    w, feats = _local(tok)
    cues = [f[2:] for f in feats if f.startswith("g=") and f[2:] in _DOC_CUES]
    before = tuple("n" + c for c in cues)
    after = tuple("p" + c for c in cues) + (("pPREP",) if w in PLACE_PREPS else ())
    stem = ""
    if len(feats) >= 3:
        stem = feats[1][3:]
        if stem in word_lists()[1] or len(stem) < 3:
            stem = ""
    return stem, before, after


def document_features(sents: Sequence[Sequence[str]]) -> dict[str, tuple[str, ...]]:
    """Per stem, the cue classes seen around all its occurrences in one document.

    A surname met once after a title («الرئيس بوش») carries that cue to its bare mentions elsewhere.
    """
    ctx: dict[str, set[str]] = {}
    for toks in sents:
        cues = [_doc_cues(t) for t in toks]
        n = len(cues)
        for i in range(n):
            stem = cues[i][0]
            if not stem:
                continue
            c = ctx.get(stem)
            if c is None:
                c = ctx[stem] = set()
            else:
                c.add("many")
            if i > 0:
                c.update(cues[i - 1][2])
            if i + 1 < n:
                c.update(cues[i + 1][1])
    known = _KNOWN
    out: dict[str, tuple[str, ...]] = {}
    for k, v in ctx.items():
        fs = tuple("d:" + x for x in sorted(v))
        out[k] = fs if known is None else tuple(f for f in fs if f in known)
    return out


# Attributes the loaded models weigh; features outside it carry no weight, so tagging skips them.
_KNOWN: frozenset[str] | None = None


@lru_cache(maxsize=200_000)
def _local_known(tok: str) -> tuple[str, ...]:
    feats = _local(tok)[1]
    return feats if _KNOWN is None else tuple(f for f in feats if f in _KNOWN)


@lru_cache(maxsize=200_000)
def _neighbour_known(tok: str) -> tuple[tuple[str, ...], ...]:
    nb = _neighbour(tok)
    return nb if _KNOWN is None else tuple(tuple(f for f in x if f in _KNOWN) for x in nb)


def sentence_features(toks: Sequence[str], doc: dict[str, tuple[str, ...]] | None = None) -> list[list[str]]:
    """Feature lists for each token of one sentence, with its document's features when given.

    Per token: its own features, its gazetteer-phrase marks, what the words two before, one before, one
    after and two after lend it (neighbour features, their phrase marks, the bigram), and the cues its stem
    carries across the document.
    """
    n = len(toks)
    loc = [_local(t) for t in toks]
    words = [x[0] for x in loc]
    own = [_local_known(t) for t in toks]
    nb = [_neighbour_known(t) for t in toks]
    spans = phrase_tags(words)
    known = _KNOWN
    empty: tuple[str, ...] = ()
    before: list[tuple[str, ...]] = [("-1BOUND",)]
    after: list[tuple[str, ...]] = []
    for i in range(1, n):
        pair = f"{words[i - 1]}|{words[i]}"
        bi, bi_next = "bi=" + pair, "bi+=" + pair
        before.append(nb[i - 1][1] + tuple(f"-1{m}" for m in spans[i - 1])
                      + ((bi,) if known is None or bi in known else empty))
        after.append(nb[i][2] + tuple(f"1{m}" for m in spans[i])
                     + ((bi_next,) if known is None or bi_next in known else empty))
    after.append(("1BOUND",))
    out: list[list[str]] = []
    for i in range(n):
        feats = loc[i][1]
        out.append([*own[i], *spans[i], *(nb[i - 2][0] if i >= 2 else empty), *before[i], *after[i],
                    *(nb[i + 2][3] if i + 2 < n else empty),
                    *(doc.get(feats[1][3:], empty) if doc and len(feats) > 2 else empty)])
    return out


def set_known(known: frozenset[str] | None) -> None:
    """Keep only the attributes the loaded models weigh (None keeps all); clears the filtered caches."""
    global _KNOWN
    _KNOWN = known
    _local_known.cache_clear()
    _neighbour_known.cache_clear()


def stage2_doc_features(sents: Sequence[Sequence[str]], tags: Sequence[Sequence[str]],
                        stems: Sequence[Sequence[str]] | None = None) -> dict[str, tuple[str, ...]]:
    """Per stem, the first pass's labels for it across the document (e:PERS, e:lastPERS, e:O)."""
    common = word_lists()[1]
    ctx: dict[str, set[str]] = {}
    if stems is None:
        stems = [[stem_of(x) for x in toks] for toks in sents]
    for st, tg in zip(stems, tags):
        n = len(tg)
        for i in range(n):
            stem = st[i]
            if not stem or stem in common:
                continue
            c = ctx.setdefault(stem, set())
            lab = tg[i]
            if lab == "O":
                c.add("e:O")
            else:
                typ = lab[2:]
                c.add("e:" + typ)
                if i + 1 >= n or tg[i + 1] != "I-" + typ:
                    c.add("e:last" + typ)
    return {k: tuple(sorted(v)) for k, v in ctx.items()}


def stage2_features(toks: Sequence[str], doc: dict[str, tuple[str, ...]], tags1: Sequence[str],
                    doc2: dict[str, tuple[str, ...]], first: list[list[str]] | None = None,
                    stems: Sequence[str] | None = None) -> list[list[str]]:
    """Second-pass features: the first pass's, plus its labels here and for the word document-wide.

    ``first`` is the first pass's feature lists for this sentence when already built; they are
    extended in place.
    """
    out = first if first is not None else sentence_features(toks, doc)
    n = len(toks)
    for i, f in enumerate(out):
        f.append("s1=" + tags1[i])
        f.append("s1-1=" + (tags1[i - 1] if i else "BOS"))
        f.append("s1+1=" + (tags1[i + 1] if i + 1 < n else "EOS"))
        stem = stems[i] if stems is not None else stem_of(toks[i])
        if stem:
            f.extend(doc2.get(stem, ()))
    return out
