"""Every question kind, listed once, and the lookups the rest of Fahim uses."""

from __future__ import annotations

from questions.kinds import cloze, matching, mcq, numeric, ordering, short, true_false, wh
from questions.kinds.base import Kind, Shape, UnknownKind
from questions.model import Question

KINDS: tuple[Kind, ...] = (
    mcq.KIND,
    cloze.KIND,
    wh.KIND,
    short.KIND,
    numeric.KIND,
    true_false.KIND,
    matching.KIND,
    ordering.KIND,
)
REGISTRY: dict[str, Kind] = {k.name: k for k in KINDS}


def get(name: str) -> Kind:
    """The kind called ``name``; UnknownKind when there is none."""
    try:
        return REGISTRY[name]
    except KeyError:
        raise UnknownKind(f"unknown question kind {name!r}") from None


def shape(q: Question) -> Shape:
    """How ``q`` is answered (see ``questions.kinds``)."""
    return get(q.kind).shape_of(q)


def label(name: str) -> str:
    """The Arabic label of a kind."""
    return get(name).label


def comprehension_kinds() -> frozenset[str]:
    """Names of the kinds that test understanding beyond one sentence."""
    return frozenset(k.name for k in KINDS if k.comprehension)
