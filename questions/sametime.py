"""Times a stem points back to, written out: «خلال العام ذاته» -> «خلال عام 2025» and «في الشهر ذاته» ->
«في يونيو/حزيران 2026» when the article named that year or month before, and «جرت اليوم السبت» ->
«جرت السبت».

A question stands alone: «العام نفسه» or «اليوم» asks the student to remember which year the article
named last, or when it was written. Blind readers asked for the year, and for «اليوم» to go.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from questions.context import Context
from questions.datepatterns import MONTHS, WEEKDAYS
from questions.normalize import fold

# «العام نفسه», «السنة ذاتها», with what leads to it («من», «في», «خلال», «خريف»)
_SAME_YEAR = re.compile(r"(?<!\w)(ال)(عام|سنة)\s+(نفسه|ذاته|نفسها|ذاتها)(?!\w)")
_YEAR = re.compile(r"(?<![\d٠-٩])((?:19|20)\d\d)(?![\d٠-٩])")
# «اليوم» and the word after it: before the day's name, the day says when, «اليوم» only that it was when
# the news was told
_TODAY = re.compile(r"(?<!\w)اليوم\s+([\u0600-\u06ff]+)")


def _last_date_before(ctx: Context, pos: int, read: Callable[[str], str | None]) -> str | None:
    """What ``read`` finds in the last date the article wrote before offset ``pos`` that gives one."""
    best: tuple[int, str] | None = None
    for f in ctx.facts:
        if f.type == "date" and f.start < pos and (found := read(f.text)) is not None and \
                (best is None or f.start > best[0]):
            best = (f.start, found)
    return best[1] if best else None


def _year_of(date: str) -> str | None:
    m = _YEAR.search(date)
    return m.group(1) if m else None


def _month_of(date: str) -> str | None:
    words = date.split()
    at = next((i for i, w in enumerate(words) if fold(w.split("/")[0].strip("،,")) in MONTHS), None)
    return None if at is None else " ".join(words[at:]).strip("،,")


def year_named_before(ctx: Context, pos: int) -> str | None:
    """The year the article wrote last before offset ``pos``, as written in a date («مارس 2025», «عام
    2024»), or None."""
    return _last_date_before(ctx, pos, _year_of)


def _in_article(ctx: Context, fi: int, phrase: str) -> int | None:
    """Where ``phrase`` of fact ``fi``'s clause stands in the article, or None."""
    sent = ctx.sentence_of(fi)
    at = sent.text.find(phrase)
    return None if at < 0 else sent.start + at


_SAME_MONTH = re.compile(r"(?<!\w)الشهر\s+(?:نفسه|ذاته)(?!\w)")


def month_named_before(ctx: Context, pos: int) -> str | None:
    """The month the article wrote last before offset ``pos``, with its year when written («يونيو/حزيران
    2026», «مارس»), from the month's name on; None when no date before names a month."""
    return _last_date_before(ctx, pos, _month_of)


def name_the_same_month(ctx: Context, fi: int, text: str, a: int, b: int) -> tuple[str, int, int]:
    """The clause with «الشهر نفسه» written as the month the article named before it, unless the clause
    names a month before the phrase already or that month is the answer."""
    m = _SAME_MONTH.search(text)
    if m is None or any(fold(w.strip("،,")) in MONTHS for w in text[:m.start()].split()):
        return text, a, b
    pos = _in_article(ctx, fi, m.group(0))
    month = None if pos is None else month_named_before(ctx, pos)
    f = ctx.facts[fi]
    if month is None or f.type == "date" and month.split()[0] in f.text:
        return text, a, b
    done = _replace(text, a, b, m.start(), m.end(), month)
    return done if done is not None else (text, a, b)


def _replace(text: str, a: int, b: int, start: int, end: int, new: str) -> tuple[str, int, int] | None:
    """``text`` with ``start``-``end`` replaced by ``new``, the blank's offsets ``a``-``b`` moved; None when
    the replaced part overlaps the blank."""
    if start < b and a < end:
        return None
    shift = len(new) - (end - start)
    text = text[:start] + new + text[end:]
    return (text, a + shift, b + shift) if start < a else (text, a, b)


def name_the_same_year(ctx: Context, fi: int, text: str, a: int, b: int) -> tuple[str, int, int]:
    """The clause ``text`` (the fact at ``a``-``b``) with «العام نفسه» written as the year the article named
    before it, unless the clause names a year before the phrase already or that year is the answer."""
    m = _SAME_YEAR.search(text)
    if m is None or _YEAR.search(text[:m.start()]):
        return text, a, b
    pos = _in_article(ctx, fi, m.group(0))
    year = None if pos is None else year_named_before(ctx, pos)
    f = ctx.facts[fi]
    if year is None or year in f.text:
        return text, a, b
    noun = "عام" if m.group(2) == "عام" else "سنة"
    done = _replace(text, a, b, m.start(), m.end(), f"{noun} {year}")
    return done if done is not None else (text, a, b)


def drop_today(text: str, a: int, b: int) -> tuple[str, int, int]:
    """The clause without «اليوم» before a day's name («جرت اليوم السبت 11 أبريل» -> «جرت السبت 11
    أبريل»)."""
    for m in _TODAY.finditer(text):
        if fold(m.group(1)) in WEEKDAYS:
            done = _replace(text, a, b, m.start(), m.start(1), "")
            return done if done is not None else (text, a, b)
    return text, a, b


def spell_out_times(ctx: Context, fi: int, text: str, a: int, b: int) -> tuple[str, int, int]:
    """The clause with the times it points back to written out."""
    text, a, b = name_the_same_year(ctx, fi, text, a, b)
    text, a, b = name_the_same_month(ctx, fi, text, a, b)
    return drop_today(text, a, b)
