"""Short articles written for the generation tests: facts placed at their offsets by hand, and the context
question generation builds on them."""

from __future__ import annotations

import re
from typing import Any

from questions.context import Context, build_context
from questions.facts import extract_facts
from questions.model import Fact
from questions.salience import Weight, weigh
from questions.stems import Stems, stems_for


def fact(text: str, surface: str, typ: str, value: Any = None, nth: int = 0, **kw: Any) -> Fact:
    """The fact ``surface`` of type ``typ`` at its ``nth`` occurrence in ``text`` (value: the surface)."""
    starts = [m.start() for m in re.finditer(re.escape(surface), text)]
    s = starts[nth]
    return Fact(type=typ, text=surface, value=surface if value is None else value, start=s, end=s + len(surface),
                sentence=text[:s].count("\n"), **kw)


def context(text: str, facts: list[Fact] | None = None, title: str = "", seed: int = 0) -> Context:
    """The context of ``text`` with ``facts`` (the extractor's facts when None)."""
    return build_context(text, extract_facts(text) if facts is None else facts, seed, title)


def stems_of(ctx: Context) -> tuple[dict[int, Weight], dict[int, Stems]]:
    """The weights of the article's facts and the stems of those a question can stand on."""
    weights = weigh(ctx)
    stems = {fi: st for fi in weights if (st := stems_for(ctx, fi)) is not None}
    return weights, stems


def index_of(ctx: Context, surface: str, nth: int = 0) -> int:
    """The index in ``ctx.facts`` of the ``nth`` fact written ``surface``."""
    return [i for i, f in enumerate(ctx.facts) if f.text == surface][nth]
