"""Typed records that flow through the pipeline: facts, questions, banks.

Everything here is a frozen dataclass of plain values so that a bank serialises to JSON
and back without loss (see ``Bank.to_dict`` / ``Bank.from_dict``).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

FactType = Literal["person", "place", "organization", "date", "percentage", "number"]
FACT_TYPES: tuple[str, ...] = ("person", "place", "organization", "date", "percentage", "number")

BANK_VERSION = 1

# The gap of a cloze prompt.
BLANK = "_____"

# Labels shown to students for true/false questions; grading accepts both these and booleans.
TRUE_LABEL = "صح"
FALSE_LABEL = "خطأ"


@dataclass(frozen=True)
class Fact:
    """One fact found in an article.

    ``value`` is normalized: ISO 8601 text for dates (``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY``,
    ``--MM-DD``, ``199X``; Hijri dates as ``1431-09-05 AH`` with ``gregorian`` set), a float/int for
    percentages and numbers, and the canonical (longest) name for people, places and organizations.
    ``start``/``end`` are character offsets into the original text and ``text`` is what stands there,
    without attached proclitics (و ف ب ل ك), with one exception: after ل the alif of ال is not written
    («للسعودية»), so such a name reads «السعودية» while the span holds «لسعودية» (see ``in_text``).
    ``sentence`` is the index of the sentence holding it. Names carry an ``entity`` id shared by every mention of the same entity.
    """

    type: str
    text: str
    value: str | float | int | None
    start: int
    end: int
    sentence: int
    entity: str | None = None
    role: str | None = None
    title: str | None = None
    unit: str | None = None
    kind: str | None = None  # places: "country" | "city" | "region" | "site"; dates: granularity
    gregorian: str | None = None  # Gregorian equivalent of a Hijri date

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form, leaving out empty optional keys."""
        d = asdict(self)
        return {k: v for k, v in d.items() if v is not None or k in ("value",)}

    def in_text(self, original: str) -> bool:
        """Whether this fact sits at ``start:end`` of ``original`` as its ``text`` says.

        The span holds the text itself, or «ل» + the rest for a name whose ال lost its alif after
        the preposition ل («للسعودية»: span «لسعودية», text «السعودية»).
        """
        if not 0 <= self.start < self.end <= len(original):
            return False
        piece = original[self.start:self.end]
        return piece == self.text or (self.text.startswith("ال") and piece == "ل" + self.text[2:])


@dataclass(frozen=True)
class Source:
    """The sentence a question stands on, and where its answer sits in it."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Question:
    """One generated (or hand-written) question.

    How the fields are used depends on the kind's shape (``questions.kinds``): ``choices`` with
    ``answer`` among them (choice, true_false), ``answer`` and ``accepted`` aliases (text), ``answer``
    as a number with ``tolerance`` (numeric), ``pairs`` (matching), ``items`` in order (ordering). A
    cloze ``prompt`` holds exactly one blank (``BLANK``). ``fact`` is the id of the fact the question
    stands for; ``alternates`` are other questions about the same fact (without alternates of their own).
    """

    key: str
    kind: str
    fact_type: str
    prompt: str
    answer: str
    accepted: tuple[str, ...] = ()
    choices: tuple[str, ...] = ()
    source: Source = field(default_factory=lambda: Source("", 0, 0))
    difficulty: int = 2
    fact: str = ""  # the entity id or fact id this question tests
    tolerance: float | None = None
    pairs: tuple[tuple[str, str], ...] = ()
    items: tuple[str, ...] = ()
    salience: float = 0.0  # how much the fact weighs in its story (0 to 1); banks are sorted by it
    alternates: tuple[Question, ...] = ()  # other ways to ask about the same fact, for the teacher to switch to

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form (lists, not tuples)."""
        d = self._fields()
        if self.alternates:
            d["alternates"] = [a._fields() for a in self.alternates]
        return d

    def _fields(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "kind": self.kind,
            "fact_type": self.fact_type,
            "prompt": self.prompt,
            "answer": self.answer,
            "accepted": list(self.accepted),
            "choices": list(self.choices),
            "source": {"text": self.source.text, "start": self.source.start, "end": self.source.end},
            "difficulty": self.difficulty,
            "fact": self.fact,
            "tolerance": self.tolerance,
            "pairs": [list(p) for p in self.pairs],
            "items": list(self.items),
            "salience": self.salience,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Question:
        """Build a question from its JSON form."""
        src = d.get("source") or {}
        return cls(
            key=str(d["key"]),
            kind=str(d["kind"]),
            fact_type=str(d.get("fact_type", "")),
            prompt=str(d["prompt"]),
            answer=str(d["answer"]),
            accepted=tuple(str(a) for a in d.get("accepted") or ()),
            choices=tuple(str(c) for c in d.get("choices") or ()),
            source=Source(str(src.get("text", "")), int(src.get("start", 0)), int(src.get("end", 0))),
            difficulty=int(d.get("difficulty", 2)),
            fact=str(d.get("fact", "")),
            tolerance=None if d.get("tolerance") is None else float(d["tolerance"]),
            pairs=tuple((str(a), str(b)) for a, b in d.get("pairs") or ()),
            items=tuple(str(i) for i in d.get("items") or ()),
            salience=float(d.get("salience") or 0.0),
            alternates=tuple(cls.from_dict(a) for a in d.get("alternates") or () if isinstance(a, dict)),
        )


@dataclass(frozen=True)
class Article:
    """The article a bank was generated from. ``key`` is stable for the same text."""

    key: str
    title: str
    text: str
    date: str | None = None
    source: str | None = None


@dataclass(frozen=True)
class Bank:
    """A question bank: the article and its questions, serialisable to versioned JSON."""

    article: Article
    questions: tuple[Question, ...]
    version: int = BANK_VERSION
    drops: tuple[tuple[str, int], ...] = ()  # quality-check reason -> questions dropped

    def to_dict(self) -> dict[str, Any]:
        """Return the versioned JSON form."""
        return {
            "version": self.version,
            "article": asdict(self.article),
            "questions": [q.to_dict() for q in self.questions],
            "drops": dict(self.drops),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Bank:
        """Build a bank from its JSON form; raise ValueError on an unknown version or shape."""
        if not isinstance(d, dict) or "article" not in d or "questions" not in d:
            raise ValueError("not a Fahim question bank")
        version = int(d.get("version", 0))
        if version != BANK_VERSION:
            raise ValueError(f"unsupported bank version {version}")
        a = d["article"]
        article = Article(
            key=str(a["key"]), title=str(a.get("title", "")), text=str(a.get("text", "")),
            date=a.get("date"), source=a.get("source"),
        )
        return cls(
            article=article,
            questions=tuple(Question.from_dict(q) for q in d["questions"]),
            version=version,
            drops=tuple(sorted((str(k), int(v)) for k, v in (d.get("drops") or {}).items())),
        )
