"""What every part of Fahim needs to know about one kind of question: its name, label and shape."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from questions.model import Question

Shape = Literal["choice", "text", "numeric", "true_false", "matching", "ordering"]
SHAPES: tuple[Shape, ...] = ("choice", "text", "numeric", "true_false", "matching", "ordering")


class UnknownKind(ValueError):
    """A question names a kind Fahim does not know."""


@dataclass(frozen=True)
class Kind:
    """One kind of question as the rest of Fahim sees it."""

    name: str
    label: str  # Arabic, shown to teachers and students
    shape: Shape
    comprehension: bool = False  # asks about more than one copied sentence: causes, roles, order...
    choices_shape: Shape | None = None  # the shape when a question of this kind carries options

    def shape_of(self, q: Question) -> Shape:
        """How ``q`` is answered: the kind's shape, or ``choices_shape`` when ``q`` has options."""
        if self.choices_shape is not None and q.choices:
            return self.choices_shape
        return self.shape
