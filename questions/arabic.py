"""Small facts of Arabic spelling that several parts of generation share."""

from __future__ import annotations

from functools import lru_cache

from questions import lists
from questions.normalize import fold


@lru_cache(maxsize=1)
def _root_waw_starts() -> tuple[str, ...]:
    return tuple(lists.entries("generation/root_waw_starts"))


def glued_conjunction(word: str) -> str:
    """The conjunction (و or ف) glued to ``word``, or "" when its first letter is part of the word."""
    w = fold(word).strip("«(\"،,.»)")
    if w[:1] in ("و", "ف") and w[1:] in lists.folded("generation/short_after_conjunction"):
        return w[0]
    if len(w) >= 4 and w[0] == "و" and not w.startswith(_root_waw_starts()):
        return "و"
    if len(w) >= 4 and w[0] == "ف" and w[1:].startswith(("ال", "قد", "ان", "اذا")):
        return "ف"
    return ""
