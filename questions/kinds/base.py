"""What every part of Fahim needs to know about one kind of question, and how a kind builds its questions."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from questions.model import Question

if TYPE_CHECKING:
    from questions.context import Context
    from questions.salience import Weight
    from questions.stems import Stems

Shape = Literal["choice", "text", "numeric", "true_false", "matching", "ordering"]
SHAPES: tuple[Shape, ...] = ("choice", "text", "numeric", "true_false", "matching", "ordering")


class UnknownKind(ValueError):
    """A question names a kind Fahim does not know."""


@dataclass(frozen=True)
class Candidate:
    """A question a kind offers for the bank, with what selection needs to weigh it."""

    question: Question
    facts: tuple[str, ...]  # the facts it asks about or shows; the first is the one it stands for
    salience: float  # how much what it asks weighs in the story (0 to 1)
    quality: float  # how sure its kind is that it reads well and has one right answer (0 to 1)
    # the facts a which-statement question prints changed: each fact's id, its figure as the article
    # writes it and the figure the false statement gives instead
    swapped: tuple[tuple[str, str, str], ...] = ()


FactBuilder = Callable[["Context", "Stems", float], "Candidate | None"]
ArticleBuilder = Callable[["Context", "dict[int, Weight]", "dict[int, Stems]"], "list[Candidate]"]


@dataclass(frozen=True)
class Kind:
    """One kind of question as the rest of Fahim sees it."""

    name: str
    label: str  # Arabic, shown to teachers and students
    shape: Shape
    comprehension: bool = False  # asks about more than one copied sentence: causes, roles, order...
    choices_shape: Shape | None = None  # the shape when a question of this kind carries options
    for_fact: FactBuilder | None = None  # builds a question about one fact mention
    for_article: ArticleBuilder | None = None  # builds questions about the article as a whole

    def shape_of(self, q: Question) -> Shape:
        """How ``q`` is answered: the kind's shape, or ``choices_shape`` when ``q`` has options."""
        if self.choices_shape is not None and q.choices:
            return self.choices_shape
        return self.shape
