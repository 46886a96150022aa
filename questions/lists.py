"""Hand-curated word lists, read from ``data/lists/NAME.txt``.

One entry a line (a word or a phrase), ``#`` lines are comments. Files are edited by hand and never
rewritten by a script; generated lists and trained models live in ``data/generated`` and
``data/models``.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from questions.normalize import fold

DATA = Path(__file__).with_name("data")
LISTS = DATA / "lists"
GENERATED = DATA / "generated"
MODELS = DATA / "models"


@lru_cache(maxsize=None)
def entries(name: str) -> tuple[str, ...]:
    """The entries of list ``name`` as written, in file order."""
    lines = (LISTS / f"{name}.txt").read_text(encoding="utf-8").splitlines()
    return tuple(s for s in (line.strip() for line in lines) if s and not s.startswith("#"))


@lru_cache(maxsize=None)
def folded(name: str) -> frozenset[str]:
    """The entries of list ``name``, folded (words of a phrase joined by one space)."""
    return frozenset(" ".join(fold(w) for w in e.split()) for e in entries(name))


@lru_cache(maxsize=None)
def pairs(name: str) -> tuple[tuple[str, str], ...]:
    """The entries of a two-column list (``left = right`` a line)."""
    out = []
    for e in entries(name):
        left, sep, right = e.partition("=")
        if not sep:
            raise ValueError(f"{name}: expected «left = right», got {e!r}")
        out.append((left.strip(), right.strip()))
    return tuple(out)
