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


VISIT = ("استقبل الرئيس المصري عبد الفتاح السيسي في القاهرة يوم 12 مارس 2024 الرئيس الفرنسي إيمانويل ماكرون.\n"
         "ووقع البلدان تسع اتفاقيات بقيمة 7.4 مليار يورو.\n"
         "وقال وزير الخارجية المصري سامح شكري إن الزيارة تاريخية.\n"
         "وتوجه ماكرون بعد ذلك إلى مدينة الإسكندرية.\n")


def visit() -> Context:
    """A state visit: two presidents, a minister, two cities, a date and two figures."""
    return context(VISIT, [
        fact(VISIT, "عبد الفتاح السيسي", "person", role="الرئيس المصري", entity="person:sisi"),
        fact(VISIT, "القاهرة", "place", kind="city", entity="place:cairo"),
        fact(VISIT, "12 مارس 2024", "date", "2024-03-12", kind="day"),
        fact(VISIT, "إيمانويل ماكرون", "person", role="الرئيس الفرنسي", entity="person:macron"),
        fact(VISIT, "تسع اتفاقيات", "number", 9, unit="اتفاقية"),
        fact(VISIT, "7.4 مليار يورو", "number", 7.4e9, unit="يورو"),
        fact(VISIT, "سامح شكري", "person", role="وزير الخارجية المصري", entity="person:shoukry"),
        fact(VISIT, "ماكرون", "person", "إيمانويل ماكرون", nth=1, entity="person:macron"),
        fact(VISIT, "الإسكندرية", "place", kind="city", entity="place:alex"),
    ])


def stems_of(ctx: Context) -> tuple[dict[int, Weight], dict[int, Stems]]:
    """The weights of the article's facts and the stems of those a question can stand on."""
    weights = weigh(ctx)
    stems = {fi: st for fi in weights if (st := stems_for(ctx, fi)) is not None}
    return weights, stems


def index_of(ctx: Context, surface: str, nth: int = 0) -> int:
    """The index in ``ctx.facts`` of the ``nth`` fact written ``surface``."""
    return [i for i, f in enumerate(ctx.facts) if f.text == surface][nth]
