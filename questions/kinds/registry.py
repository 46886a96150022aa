"""Every question kind, listed once in the order the generator offers them, and the lookups the rest of
Fahim uses."""

from __future__ import annotations

from questions.kinds import (
    cause,
    change,
    cloze,
    comparison,
    matching,
    mcq,
    numeric,
    ordering,
    role,
    roles,
    short,
    statement,
    timeline,
    true_false,
    wh,
    who_did,
)
from questions.kinds.base import Kind, Shape, UnknownKind
from questions.model import Question

KINDS: tuple[Kind, ...] = (
    who_did.KIND,
    role.KIND,
    roles.KIND,
    change.KIND,
    comparison.KIND,
    cause.KIND,
    statement.KIND,
    mcq.KIND,
    cloze.KIND,
    wh.KIND,
    numeric.KIND,
    true_false.KIND,
    short.KIND,
    matching.KIND,
    ordering.KIND,
    timeline.KIND,
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
