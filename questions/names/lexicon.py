"""The gazetteer and the corpus word lists the tagger and the rules look words up in.

Three sources make the gazetteer: ``data/generated/gazetteer.tsv`` (ANERGazet, rebuilt by
``scripts/train_ner.py``), CLDR's territory and city names bundled with babel, and the hand-curated
lists ``countries``, ``regions``, ``cities`` and ``media`` in ``data/lists/``. A place name that comes
out wrong is fixed in those hand lists, never in the generated file.
"""

from __future__ import annotations

import re
from functools import lru_cache

from questions.lists import GENERATED, entries
from questions.normalize import fold

# CLDR codes that are groupings rather than countries or regions, or are organizations.
_SKIP_TERRITORIES = {"001", "EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"}
_RANK = {"CITY": 0, "REG": 1, "CTRY": 2}
_KIND = {"CTRY": "country", "REG": "region", "CITY": "city"}
_CLASS = {"city": "CITY", "region": "REG", "country": "CTRY"}


class Lexicon:
    """Folded gazetteers: single words by class and multi-word phrases by first word."""

    def __init__(self) -> None:
        self.words: dict[str, set[str]] = {}
        self.phrases: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        self.kind: dict[str, str] = {}  # folded place name -> country | region | city
        self.media: set[str] = set()  # folded names of news agencies, platforms and well-known bodies

    def add(self, name: str, cls: str) -> None:
        """Add a name under a class (LOC, PERS, ORG, CTRY, REG, CITY, MEDIA)."""
        toks = tuple(fold(name).replace("-", " ").split())
        if not toks:
            return
        if len(toks) == 1:
            self.words.setdefault(toks[0], set()).add(cls)
        else:
            lst = self.phrases.setdefault(toks[0], [])
            if (toks, cls) not in lst:
                lst.append((toks, cls))
                lst.sort(key=lambda x: -len(x[0]))
        key = " ".join(toks)
        if cls == "MEDIA":
            self.media.add(key)
        if cls in _RANK:
            old = self.kind.get(key)
            if old is None or _RANK[cls] > _RANK[_CLASS[old]]:
                self.kind[key] = _KIND[cls]


def _add_cldr(lex: Lexicon) -> None:
    """Territory and exemplar-city names from babel's CLDR data."""
    try:
        from babel import Locale

        for code, name in Locale("ar").territories.items():
            if code in _SKIP_TERRITORIES:
                continue
            name = re.sub(r"\s*\(.*?\)|\s+-\s+.*$", "", name)
            lex.add(name, "REG" if code.isdigit() else "CTRY")
    except Exception:  # babel is a pinned dependency; tolerate a broken install rather than fail tagging  # nosec B110
        pass
    try:
        from babel import Locale

        for zone in Locale("ar").time_zones.values():
            city = zone.get("city")
            if city:
                lex.add(re.sub(r"\s*\(.*?\)", "", city), "CITY")
    except Exception:  # as for the territories above  # nosec B110
        pass


def _load_lexicon() -> Lexicon:
    lex = Lexicon()
    gz = GENERATED / "gazetteer.tsv"
    if gz.is_file():
        for line in gz.read_text(encoding="utf-8").splitlines():
            cls, _, name = line.partition("\t")
            if name:
                lex.add(name, cls)
    _add_cldr(lex)
    for list_name, cls in (("cities", "CITY"), ("countries", "CTRY"), ("regions", "REG"), ("media", "MEDIA")):
        for n in entries(list_name):
            lex.add(n, cls)
    return lex


_LEX: Lexicon | None = None


def lexicon() -> Lexicon:
    """Return the gazetteer lexicon, built once."""
    global _LEX
    if _LEX is None:
        _LEX = _load_lexicon()
    return _LEX


def reload_lexicon() -> None:
    """Build the gazetteer again on next use (after its generated file was rewritten)."""
    global _LEX
    _LEX = None


_NAMES: dict[str, str] | None = None
_COMMON: frozenset[str] | None = None


def set_corpus_lists(names: dict[str, str], common: frozenset[str]) -> None:
    """Replace the name and common-word lists (training uses per-fold lists)."""
    global _NAMES, _COMMON
    _NAMES, _COMMON = names, common


def word_lists() -> tuple[dict[str, str], frozenset[str]]:
    """The stem -> name-class list and the common-word set, loaded once from data/generated."""
    global _NAMES, _COMMON
    if _NAMES is None or _COMMON is None:
        names: dict[str, str] = {}
        p = GENERATED / "names.tsv"
        if p.is_file():
            for line in p.read_text(encoding="utf-8").splitlines():
                stem, _, cls = line.partition("\t")
                names[stem] = cls
        c = GENERATED / "common.txt"
        _NAMES = names
        _COMMON = frozenset(c.read_text(encoding="utf-8").split()) if c.is_file() else frozenset()
    return _NAMES, _COMMON


def lex_label(stem: str) -> str:
    """How the training corpus mostly used this stem: a name class, O (ordinary word) or UNK."""
    names, common = word_lists()
    cls = names.get(stem)
    if cls is not None:
        return cls
    return "O" if stem in common else "UNK"


@lru_cache(maxsize=1)
def common() -> frozenset[str]:
    """Ordinary words for the rules: the tagger's frequent list and the wider list seen twice."""
    words: set[str] = set()
    for name in ("common.txt", "ordinary.txt"):
        path = GENERATED / name
        if path.is_file():
            words.update(path.read_text(encoding="utf-8").split())
    return frozenset(words)
