"""Sentence splitting and an offset-keeping fold of Arabic news text.

Extraction matches patterns on a folded copy of the text (one alef, ي for ى, ه for ة, ASCII digits,
no diacritics); ``Folded`` maps every folded offset back to the original so facts keep exact spans.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import NamedTuple

from questions.normalize import DIACRITICS

# Same letter folds as questions.normalize.fold; each keeps the text's length.
_SAME_LENGTH: tuple[tuple[str, str], ...] = (
    *((c, "ا") for c in "أإآٱ"), ("ى", "ي"), ("ة", "ه"), ("ؤ", "و"), ("ئ", "ي"),
    *((a, str(i)) for i, a in enumerate("٠١٢٣٤٥٦٧٨٩")),
    *((a, str(i)) for i, a in enumerate("۰۱۲۳۴۵۶۷۸۹")),
    ("٫", "."),
)
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
    same = text
    for a, b in _SAME_LENGTH:
        if a in same:  # str.replace per letter is far faster than translate() on non-ASCII text
            same = same.replace(a, b)
    gone = [m.start() for m in _DELETED.finditer(same)]
    if not gone:
        return Folded(same, text, ())
    return Folded(_DELETED.sub("", same), text, tuple(p - k for k, p in enumerate(gone)))


_MARK = re.compile("[.!?؟\n«»]")
_CLOSERS = frozenset(".!?؟»)\"'”")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Split Arabic news text into sentence spans (start, end), end after the final mark.

    Splits on . ! ? ؟ and line breaks, but not inside «quotes», not in decimals (40.27) or
    after a one-letter abbreviation (د.). A quote left open ends at the line break.
    """
    spans: list[tuple[int, int]] = []
    n = len(text)
    depth = 0
    start = 0
    done = 0  # marks before this offset were taken with the previous sentence
    for m in _MARK.finditer(text):
        i = m.start()
        c = text[i]
        if c == "«":
            depth += 1
        elif c == "»":
            depth = max(0, depth - 1)
        elif c == "\n":
            depth = 0
            _add_span(text, start, i, spans)
            start = done = i + 1
        elif depth or i < done:
            continue
        elif c == "." and 0 < i < n - 1 and text[i - 1].isdigit() and text[i + 1].isdigit():
            continue  # 40.27
        elif c == "." and i > 0 and text[i - 1].isalpha() and (i < 2 or not text[i - 2].isalnum()):
            continue  # د. ، U.S.
        else:
            e = i + 1
            # A run of marks and the closing quotes or brackets after it stay with this sentence.
            while e < n and text[e] in _CLOSERS:
                e += 1
            _add_span(text, start, e, spans)
            start = done = e
    _add_span(text, start, n, spans)
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


_DIGIT = "\x00"  # stands for any digit inside trie_regex entries
_PROCLITICS = ("", "و", "ب", "ل", "ف", "ك", "لل")


def trie_regex(words: list[str] | set[str] | dict[str, object]) -> str:
    """A regex alternation of ``words`` factored as a prefix tree, so matching tries few branches.

    A space inside a word matches any run of whitespace.
    """
    root: dict[str, dict[str, object]] = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})  # type: ignore[assignment]
        node[""] = {}
    return _node_regex(root)


def _node_regex(node: dict[str, dict[str, object]]) -> str:
    ends = "" in node
    alts = []
    for ch in sorted(k for k in node if k):
        piece = r"\s+" if ch == " " else r"\d" if ch == _DIGIT else re.escape(ch)
        alts.append(piece + _node_regex(node[ch]))  # type: ignore[arg-type]
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    if ends:
        return "(?:" + body + ")?"
    return body


class Hit(NamedTuple):
    """A place worth a closer look: a digit or a trigger word (with any proclitic before it)."""

    pos: int  # where a proclitic (و ب ل ف ك لل) or the word starts
    start: int  # where the word or digit starts
    end: int
    word: str  # the folded word with single spaces; "#" for a digit


class Triggers:
    """One fast scan for digits and listed words; the rest of extraction looks only there."""

    def __init__(self, words: set[str]) -> None:
        self.words = frozenset(w.split()[0] for w in words)
        # Every entry carries its proclitics inside one prefix tree, so each position costs a few
        # character tests; the scan starts on a non-word character so re can skip letters quickly.
        entries = {p + w for p in _PROCLITICS for w in (*self.words, _DIGIT, "ال" + _DIGIT)}
        self.pattern = re.compile(r"[^\w](" + trie_regex(entries) + ")")

    def scan(self, folded_text: str) -> list[Hit]:
        """Hits in order of position in ``folded_text``."""
        hits: list[Hit] = []
        add = hits.append
        words = self.words
        n = len(folded_text)
        for m in self.pattern.finditer(" " + folded_text):
            s = m.group(1)
            pos = m.start()  # offsets in folded_text: the scanned copy starts with one space
            end = m.end() - 1
            if s[-1].isdigit():
                if len(s) == 1 and pos > 0 and folded_text[pos - 1] in ".,٬/:":
                    continue  # the decimals of 40.27, the minutes of 8:30
                add(Hit(pos, end - 1, end, "#"))
                continue
            if end < n and (folded_text[end].isalnum() or folded_text[end] == "_"):
                continue  # only the start of a longer word
            if s in words:
                add(Hit(pos, pos, end, s))
            elif s[:2] == "لل" and s[2:] in words:
                add(Hit(pos, pos + 2, end, s[2:]))
            elif s[1:] in words:
                add(Hit(pos, pos + 1, end, s[1:]))
        return hits
