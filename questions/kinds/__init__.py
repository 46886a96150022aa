"""The question kinds: one module each, listed once in ``registry.KINDS``.

A kind says how its questions are answered (its *shape*), which is all grading, the quiz pages and
the exporters need: they dispatch on the shape, never on the kind's name, and an unknown kind is an
error (``UnknownKind``), never a silent fallback.

Shapes:
  - ``choice``: pick one of ``choices``; ``answer`` is one of them.
  - ``text``: a typed answer matched against ``answer`` and ``accepted``.
  - ``numeric``: a typed number matched by value within ``tolerance``.
  - ``true_false``: ``choices`` is (TRUE_LABEL, FALSE_LABEL).
  - ``matching``: ``pairs`` hold the (left, right) pairs; ``choices`` the right-hand options.
  - ``ordering``: ``items`` hold the items in order; ``choices`` the same items shuffled.
"""

from __future__ import annotations

from questions.kinds.base import SHAPES, Kind, Shape, UnknownKind
from questions.kinds.registry import KINDS, REGISTRY, comprehension_kinds, get, label, shape

__all__ = ["KINDS", "REGISTRY", "SHAPES", "Kind", "Shape", "UnknownKind", "comprehension_kinds", "get",
           "label", "shape"]
