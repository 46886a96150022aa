"""What the kind modules share to put a question together: stable keys, shuffled options, sources."""

from __future__ import annotations

from collections.abc import Sequence

from questions.context import Context, stable_hash
from questions.model import Source
from questions.normalize import tokens


def key(ctx: Context, kind: str, *parts: str) -> str:
    """A stable key for a question: the article, the kind and what the question is about, never a
    list position, so re-generating the same article gives the same keys."""
    return stable_hash(ctx.akey, kind, *(" ".join(tokens(p)) for p in parts))


def shuffled(ctx: Context, qkey: str, answer: str, wrong: Sequence[str]) -> tuple[str, ...]:
    """The answer and the wrong options in an order fixed by the question's key."""
    choices = [answer, *wrong]
    ctx.rng(qkey).shuffle(choices)
    return tuple(choices)


def source_at(sentence: str, start: int, end: int) -> Source:
    """The source of a question: its sentence and where its answer sits in it."""
    return Source(sentence, start, end)
