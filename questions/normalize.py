"""Arabic text normalization shared by extraction, quality checks and grading."""

from __future__ import annotations

import re
from functools import lru_cache

DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")  # harakat + tatweel
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫", "01234567890123456789.")
_ALEF = re.compile("[أإآٱ]")
_PUNCT = re.compile(r"[«»\"'“”()\[\]{}،,؛;:.!?؟\-–—/\\]")
_BIDI = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c\ufeff]")
ARABIC_LETTER = re.compile("[\u0621-\u064a\u0671-\u06d3]")


def strip_diacritics(s: str) -> str:
    """Remove harakat, superscript alef and tatweel."""
    return DIACRITICS.sub("", s)


def ascii_digits(s: str) -> str:
    """Turn Arabic-Indic and Persian digits into ASCII digits."""
    return s.translate(_DIGITS)


def strip_bidi(s: str) -> str:
    """Remove invisible bidirectional control characters."""
    return _BIDI.sub("", s)


def _fold_table() -> dict[int, str | None]:
    """One character map for fold(): every fold is a single character's, so they apply in one pass."""
    table: dict[int, str | None] = {ord(c): "ا" for c in "أإآٱ"}
    table.update({ord("ى"): "ي", ord("ة"): "ه", ord("ؤ"): "و", ord("ئ"): "ي"})
    table.update({a: chr(b) for a, b in _DIGITS.items() if isinstance(b, int)})
    for pattern in (DIACRITICS, _BIDI):
        for c in range(0x0600, 0xFF00):
            if pattern.fullmatch(chr(c)):
                table[c] = None
    return table


_FOLD = _fold_table()


@lru_cache(maxsize=65536)
def fold(s: str) -> str:
    """Fold letter variants: diacritics, alef forms, ى/ي, ة/ه, digits, bidi marks."""
    return s.translate(_FOLD)


def tokens(s: str) -> list[str]:
    """Folded tokens of ``s`` with punctuation removed."""
    return _PUNCT.sub(" ", fold(s)).split()


_PREFIXES = ("وال", "بال", "فال", "كال", "لل", "ال", "و", "ب")


def strip_prefix(token: str) -> str:
    """Drop one optional leading و/ب/ال (and their combinations) from a folded token."""
    for p in _PREFIXES:
        if token.startswith(p) and len(token) - len(p) >= 2:
            return token[len(p):]
    return token


def match_key(s: str) -> str:
    """The comparison key for typed answers: folded tokens with optional prefixes dropped."""
    return " ".join(strip_prefix(t) for t in tokens(s))


def has_arabic(s: str) -> bool:
    """True when ``s`` holds at least one Arabic letter."""
    return bool(ARABIC_LETTER.search(s))
