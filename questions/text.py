"""Sentence splitting and an offset-keeping fold of Arabic news text.

Extraction matches patterns on a folded copy of the text (one alef, ي for ى, ه for ة, ASCII digits,
no diacritics); ``Folded`` maps every folded offset back to the original so facts keep exact spans.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from questions.normalize import DIACRITICS

# Same letter folds as questions.normalize.fold, as a length-keeping table.
_SAME_LENGTH = str.maketrans({
    **{c: "ا" for c in "أإآٱ"},
    "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي",
    **{a: str(i) for i, a in enumerate("٠١٢٣٤٥٦٧٨٩")},
    **{a: str(i) for i, a in enumerate("۰۱۲۳۴۵۶۷۸۹")},
    "٫": ".",
})
# Characters fold() deletes: harakat, superscript alef, tatweel and bidi controls.
_DELETED = re.compile(DIACRITICS.pattern[:-1] + "\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c\ufeff]")
MARKS = re.compile(_DELETED.pattern + "+")


@dataclass(frozen=True)
class Folded:
    """A folded copy of a text plus what is needed to map its offsets back."""

    text: str
    original: str
    _shift_at: tuple[int, ...]  # folded offset from which one more deleted char lies behind

    def start(self, i: int) -> int:
        """Map a folded start offset to the original text."""
        return i + bisect_right(self._shift_at, i)

    def end(self, j: int) -> int:
        """Map a folded end offset to the original, keeping marks that sit on the last letter."""
        if j <= 0:
            return 0
        e = self.start(j - 1) + 1
        m = MARKS.match(self.original, e)
        return m.end() if m else e


def fold_with_offsets(text: str) -> Folded:
    """Fold ``text`` like normalize.fold and remember where deleted characters were."""
    same = text.translate(_SAME_LENGTH)
    gone = [m.start() for m in _DELETED.finditer(same)]
    if not gone:
        return Folded(same, text, ())
    return Folded(_DELETED.sub("", same), text, tuple(p - k for k, p in enumerate(gone)))


_BOUNDARY = re.compile(r"[.!?؟]+|\n")
_QUOTE = re.compile("[«»\n]")
_ABBREV_BEFORE = re.compile(r"(?:^|[\s(«])\w$")  # a lone letter before "." is an abbreviation (د. أ. U.)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Split Arabic news text into sentence spans (start, end), end after the final mark.

    Splits on . ! ? ؟ and line breaks, but not inside «quotes», not in decimals (40.27) or
    after a one-letter abbreviation (د.).
    """
    depth_at: list[tuple[int, int]] = []  # (position, quote depth from there on)
    depth = 0
    for m in _QUOTE.finditer(text):
        c = m.group()
        depth = 0 if c == "\n" else depth + 1 if c == "«" else max(0, depth - 1)
        depth_at.append((m.start(), depth))
    positions = [p for p, _ in depth_at]
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        b, e = m.start(), m.end()
        if m.group() != "\n":
            k = bisect_right(positions, b) - 1
            if k >= 0 and depth_at[k][1] > 0:
                continue
            if m.group() == "." and b > 0 and e < len(text):
                if text[b - 1].isdigit() and text[e].isdigit():
                    continue
            if m.group() == "." and _ABBREV_BEFORE.search(text, max(0, b - 3), b):
                continue
            # Keep closing quotes and brackets that follow the mark with this sentence.
            while e < len(text) and text[e] in "»)\"'”":
                e += 1
        _add_span(text, start, e, spans)
        start = e
    _add_span(text, start, len(text), spans)
    return spans


def _add_span(text: str, s: int, e: int, spans: list[tuple[int, int]]) -> None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        spans.append((s, e))


def sentence_index(spans: list[tuple[int, int]], starts: list[int], pos: int) -> int:
    """Index of the sentence holding offset ``pos`` (``starts`` are the spans' starts)."""
    return max(0, bisect_right(starts, pos) - 1) if spans else 0
