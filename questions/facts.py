"""extract_facts: every date, percentage, number, person, place and organization in an article."""

from __future__ import annotations

import gc
from bisect import bisect_left
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace

from questions import datepatterns, numbers
from questions.dates import find_dates
from questions.names import find_entities
from questions.model import Fact
from questions.numbers import find_numbers
from questions.text import Triggers, fold_with_offsets, sentence_index, split_sentences

# One scan finds every place a date or a number can start.
_TRIGGERS = Triggers(set(datepatterns.TRIGGER_WORDS) | numbers.TRIGGER_WORDS)


@contextmanager
def _no_collector_pauses() -> Iterator[None]:
    """Keep the cyclic garbage collector from running during an extraction.

    Extraction makes no reference cycles, but it fills large word caches, and every full collection
    walks all of them: on a megabyte of news that is about a seventh of the time. Reference counting
    still frees everything; the collector runs again as soon as extraction ends (if it was on).
    """
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def extract_facts(text: str, *, article_date: str | None = None) -> list[Fact]:
    """Find every date, percentage, number, person, place and organization in ``text``, sorted by start."""
    if not text:
        return []
    with _no_collector_pauses():
        return _extract(text, article_date)


def _extract(text: str, article_date: str | None) -> list[Fact]:
    folded = fold_with_offsets(text)
    sentences = split_sentences(text)
    starts = [s for s, _ in sentences]

    def sentence_of(pos: int) -> int:
        return sentence_index(sentences, starts, pos)

    facts: list[Fact] = []
    hits = _TRIGGERS.scan(folded.text)
    found_dates = find_dates(folded, article_date, hits)
    for d in found_dates:
        s, e = folded.start(d.start), folded.end(d.end)
        surface = text[s:e]
        if s > 0 and text[s - 1] == "ل" and surface.startswith(("لعام", "لسنة", "لسنه")):
            surface = "ا" + surface  # للعام 2026 = ل + العام 2026, the alif dropped (Fact.in_text)
        facts.append(Fact(type="date", text=surface, value=d.value, start=s, end=e, sentence=sentence_of(s),
                          kind=d.kind, gregorian=d.gregorian))
    for n in find_numbers(folded, [(d.start, d.end) for d in found_dates], hits):
        s, e = folded.start(n.start), folded.end(n.end)
        kind = "year" if n.type == "date" else None
        facts.append(Fact(type=n.type, text=text[s:e], value=n.value, start=s, end=e, sentence=sentence_of(s),
                          unit=n.unit, kind=kind))
    facts.sort(key=lambda f: f.start)
    # A date, percentage or number wins over a name that overlaps it (كانون، رمضان، 57 دولة).
    f_starts = [f.start for f in facts]
    f_ends = [f.end for f in facts]
    for ent in find_entities(text, sentences):
        i = bisect_left(f_starts, ent.end)
        if i > 0 and max(f_ends[max(0, i - 8):i]) > ent.start:
            continue
        facts.append(replace(ent, sentence=sentence_of(ent.start)))
    facts.sort(key=lambda f: (f.start, f.end))
    return facts

