"""The CRF name tagger: two passes of python-crfsuite over the features, trained on ANERcorp.

The models ``data/models/ner.crfsuite`` and ``ner2.crfsuite`` are trained by ``scripts/train_ner.py``
and ship with the package (credit in ``data/CREDITS.md``); ``ner_attributes.txt`` lists the
attributes they weigh so tagging can skip the rest.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from functools import lru_cache

import pycrfsuite  # type: ignore[import-untyped]

from questions.lists import MODELS
from questions.names.features import (
    document_features, sentence_features, set_known, stage2_doc_features, stage2_features, stem_of,
)

MODEL_PATH = MODELS / "ner.crfsuite"
# Second pass: re-tags with the first pass's labels of the same word across the document.
STAGE2_PATH = MODELS / "ner2.crfsuite"
ATTRS_PATH = MODELS / "ner_attributes.txt"
TYPES = ("PERS", "LOC", "ORG")

_tagger: pycrfsuite.Tagger | None = None
_tagger2: pycrfsuite.Tagger | None | bool = None


def tagger() -> pycrfsuite.Tagger:
    """Return the shipped CRF tagger, loaded once."""
    global _tagger, _tagger2
    if _tagger is None:
        t = pycrfsuite.Tagger()
        t.open(str(MODEL_PATH))
        _tagger2 = False
        if STAGE2_PATH.is_file():
            t2 = pycrfsuite.Tagger()
            t2.open(str(STAGE2_PATH))
            _tagger2 = t2
        set_known(_read_attributes())
        _tagger = t
    return _tagger



def _models_digest() -> str:
    h = hashlib.sha1(usedforsecurity=False)  # a cache key for the model files, not a secret
    for p in (MODEL_PATH, STAGE2_PATH):
        if p.is_file():
            h.update(p.read_bytes())
    return h.hexdigest()


def write_attributes() -> int:
    """Save the attributes the shipped models weigh, so tagging can skip the rest without a slow dump."""
    known: set[str] = set()
    for p in (MODEL_PATH, STAGE2_PATH):
        if p.is_file():
            t = pycrfsuite.Tagger()
            t.open(str(p))
            known |= {a for a, _ in t.info().state_features}
    ATTRS_PATH.write_text(_models_digest() + "\n" + "\n".join(sorted(known)) + "\n", encoding="utf-8")
    return len(known)


def _read_attributes() -> frozenset[str] | None:
    """The saved attribute list, or None (no filtering) when it is missing or was made for other models."""
    if not ATTRS_PATH.is_file():
        return None
    lines = ATTRS_PATH.read_text(encoding="utf-8").split("\n")
    if lines[0] != _models_digest():
        return None
    return frozenset(x for x in lines[1:] if x)


def tagger2() -> pycrfsuite.Tagger | None:
    """Return the second-pass tagger, or None when no second-pass model ships."""
    tagger()
    return _tagger2 if isinstance(_tagger2, pycrfsuite.Tagger) else None



def tag_document(sents: Sequence[Sequence[str]]) -> list[list[str]]:
    """BIO tags for the sentences of one document: first pass, then the second pass if it ships."""
    doc = document_features(sents)
    stems = [[stem_of(x) for x in toks] for toks in sents]
    first = [_tag1(toks, doc, st) for toks, st in zip(sents, stems)]
    tags1 = [t for t, _ in first]
    t2 = tagger2()
    if t2 is None:
        return tags1
    doc2 = stage2_doc_features(sents, tags1, stems)
    out: list[list[str]] = []
    empty: tuple[str, ...] = ()
    for toks, (t1, feats), st in zip(sents, first, stems):
        if not toks:
            out.append([])
            continue
        key = (tuple(toks), tuple(t1), tuple(doc.get(x, empty) + doc2.get(x, empty) for x in st))
        hit = _TAG2_CACHE.get(key)
        if hit is None:
            # The first pass's feature lists, when it built them, are the start of the second's.
            hit = tuple(map(_bio, t2.tag(stage2_features(toks, doc, t1, doc2, feats, st))))
            if len(_TAG2_CACHE) > 50_000:
                _TAG2_CACHE.clear()
            _TAG2_CACHE[key] = hit
        out.append(list(hit))
    return out


_TAG2_CACHE: dict[tuple[tuple[str, ...], tuple[str, ...], tuple[tuple[str, ...], ...]], tuple[str, ...]] = {}


def tag(toks: Sequence[str], doc: dict[str, tuple[str, ...]] | None = None,
        stems: Sequence[str] | None = None) -> list[str]:
    """BIO tags (B-PERS, I-LOC, O, ...) for the tokens of one sentence, given its document's features."""
    return _tag1(toks, doc, stems)[0]


def _tag1(toks: Sequence[str], doc: dict[str, tuple[str, ...]] | None,
          stems: Sequence[str] | None) -> tuple[list[str], list[list[str]] | None]:
    """First-pass tags of one sentence and the feature lists built for them (None on a cache hit)."""
    if not toks:
        return [], None
    if doc:
        empty: tuple[str, ...] = ()
        key = (tuple(toks), tuple(doc.get(x, empty) for x in (stems if stems is not None else map(stem_of, toks))))
    else:
        key = (tuple(toks), ())
    hit = _TAG_CACHE.get(key)
    if hit is not None:
        return list(hit), None
    feats = sentence_features(toks, doc)
    tags: list[str] = list(map(_bio, tagger().tag(feats)))
    if len(_TAG_CACHE) > 50_000:
        _TAG_CACHE.clear()
    _TAG_CACHE[key] = tuple(tags)
    return tags, feats


# Tags by (sentence, its document features): news repeats sentences (datelines, boilerplate, quotes
# carried across stories), and the CRF's answer depends on nothing else.
_TAG_CACHE: dict[tuple[tuple[str, ...], tuple[tuple[str, ...], ...]], tuple[str, ...]] = {}


# The model may be trained on BILOU labels (last and unit-length tokens marked); tagging reports BIO.
_TO_BIO = {"L-": "I-", "U-": "B-"}


@lru_cache(maxsize=64)
def _bio(label: str) -> str:
    """A model label in BIO (L-PERS -> I-PERS, U-LOC -> B-LOC)."""
    return _TO_BIO.get(label[:2], label[:2]) + label[2:] if len(label) > 2 else label


def to_bilou(tags: Sequence[str]) -> list[str]:
    """Turn BIO tags into BILOU: the last token of a span is L-, a one-token span is U-."""
    out = list(tags)
    n = len(tags)
    for i, t in enumerate(tags):
        if t == "O" or len(t) < 3:
            continue
        typ = t[2:]
        ends = i + 1 >= n or tags[i + 1] != "I-" + typ
        if t.startswith("B-"):
            out[i] = ("U-" if ends else "B-") + typ
        elif ends:
            out[i] = "L-" + typ
    return out



def spans_of(tags: Iterable[str]) -> set[tuple[str, int, int]]:
    """Exact (type, start, end) token spans of PERS/LOC/ORG in a BIO sequence."""
    return set(_spans(tuple(tags)))


@lru_cache(maxsize=50_000)
def _spans(tl: tuple[str, ...]) -> tuple[tuple[str, int, int], ...]:
    out: list[tuple[str, int, int]] = []
    if all(t == "O" for t in tl):
        return ()
    cur: tuple[str, int] | None = None
    for i, t in enumerate([*tl, "O"]):
        typ = t[2:] if len(t) > 2 and t[1] == "-" else ""
        if cur and not (t.startswith("I-") and typ == cur[0]):
            if cur[0] in TYPES:
                out.append((cur[0], cur[1], i))
            cur = None
        if t.startswith("B-") or (t.startswith("I-") and cur is None):
            cur = (typ, i)
    return tuple(out)


def spans_of_typed(tags: Sequence[str]) -> list[tuple[str, int, int]]:
    """PERS/LOC/ORG token spans of a BIO sequence, in text order."""
    return list(_spans(tuple(tags)))
