"""Small facts of Arabic spelling that several parts of generation share."""

from __future__ import annotations

from functools import lru_cache

from questions import lists
from questions.normalize import fold, strip_diacritics

# Marks that open a quotation in Arabic news copy: straight, guillemet and curly.
QUOTATION_MARKS = ('"', "«", "“")


@lru_cache(maxsize=1)
def _root_waw_starts() -> tuple[tuple[str, ...], frozenset[str], tuple[str, ...]]:
    """Starts of words whose و is a root letter, whole words of that kind (a line starting with =), and
    starts whose و is the conjunction though a root start matches them (a line starting with !)."""
    entries = lists.entries("generation/root_waw_starts")
    return (tuple(e for e in entries if not e.startswith(("=", "!"))),
            frozenset(e[1:] for e in entries if e.startswith("=")),
            tuple(e[1:] for e in entries if e.startswith("!")))


@lru_cache(maxsize=65536)
def glued_conjunction(word: str) -> str:
    """The conjunction (و or ف) glued to ``word``, or "" when its first letter is part of the word."""
    w = fold(word).strip("«(\"،,.»)")
    if w[:1] in ("و", "ف") and w[1:] in lists.folded("generation/short_after_conjunction"):
        return w[0]
    raw = strip_diacritics(word).strip("«(\"،,.»)")
    if len(raw) >= 3 and raw[0] in ("و", "ف") and raw[1] in "أإآ":
        return raw[0]  # «وأدت»، «وإن»: a hamza never follows a root و (folded, «وادت» reads like «وادي»)
    starts, words, glued = _root_waw_starts()
    if len(w) >= 4 and w[0] == "و" and (w.startswith(glued) or not w.startswith(starts) and w not in words):
        return "و"
    if len(w) >= 4 and w[0] == "ف" and w[1:].startswith(("ال", "قد", "ان", "اذا")):
        return "ف"
    return ""


def name_units(name: str) -> list[str]:
    """The parts of a person's name a student would not split: a linking word with what follows it
    («عبد الغفار», «بن زايد», «آل نهيان», «أبو بكر») and a second half like «الدين» or «الله» with
    what precedes it («نور الدين»)."""
    links = lists.folded("name_links")
    seconds = lists.folded("generation/name_second_halves")
    units: list[str] = []
    joining = False
    for word in name.split():
        w = fold(word)
        if units and (joining or (w in seconds and fold(units[-1]) not in seconds)):
            units[-1] = f"{units[-1]} {word}"
        else:
            units.append(word)
        joining = w in links
    return units
