"""Dates in Arabic news: day-month-year, months, years, decades, Hijri dates, weekdays, relative days.

The words and patterns live in ``questions.datepatterns``; all matching happens on folded text
(see ``questions.text.fold_with_offsets``).

Values are ISO 8601 text: ``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY``, ``--MM-DD`` or ``--MM`` when the
text gives no year, ``199X`` for a decade, ``19XX`` for a century and ``1431-09-05 AH`` for Hijri
dates (with ``gregorian`` set when the year is known). Weekdays and relative expressions
(أمس، الشهر الماضي، الثلاثاء الماضي) get a value only when the article date is known.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from datetime import date, timedelta
from typing import NamedTuple

from hijridate import Hijri

from questions.datepatterns import (
    CENTURIES, CENTURY, DAY_MONTH, DAY_WORDS_BEFORE, DECADE, DECADE_WORDS, HIJRI, HIJRI_MONTHS, HIJRI_YEAR, MONTH_ALONE,
    MONTH_CUE_WORDS, MONTH_YEAR, MONTHS, NEXT, NUMERIC, ORDINAL_DAYS, PAST, REL_UNITS, RELATIVE, THIS_WORDS,
    TRIGGER_WORDS, WD_CUE_WORDS, WEAK_MONTHS, WEEKDAY, WEEKDAYS, YEAR, YEAR_CUE_WORDS, name_key,
)
from questions.text import Folded, Hit, Triggers


class DateSpan(NamedTuple):
    """A date found in folded text, before it becomes a Fact."""

    start: int  # folded offsets
    end: int
    value: str | None
    kind: str
    gregorian: str | None = None


def _month_of(m: re.Match[str]) -> int:
    return MONTHS[name_key(m.group("m1"))]


def _pair_ok(m: re.Match[str]) -> bool:
    """A second month name beside the first must name the same month (25 فبراير شباط)."""
    other = m.group("m2") or m.group("m3")
    return other is None or MONTHS[name_key(other)] == MONTHS[name_key(m.group("m1"))]


def _day_of(m: re.Match[str]) -> int:
    return int(m.group("d")) if m.group("d") else ORDINAL_DAYS[name_key(m.group("od")).replace(" و ", " و")]


def _pair_end(m: re.Match[str]) -> int:
    """End of the month part, dropping a second month that names a different month."""
    if _pair_ok(m):
        return m.end("m3") if m.group("m3") else m.end("m2") if m.group("m2") else m.end("m1")
    return m.end("m1")


def _near_year(month: int, day: int, ref: date) -> int:
    """The year that puts month/day closest to the article date."""
    best = ref.year
    for y in (ref.year - 1, ref.year, ref.year + 1):
        try:
            if abs((date(y, month, day) - ref).days) < abs((date(best, month, day) - ref).days):
                best = y
        except ValueError:
            continue
    return best


def _valid(y: int, m: int, d: int) -> bool:
    try:
        date(y, m, d)
    except ValueError:
        return False
    return True


def _day_month(m: re.Match[str], ref: date | None) -> Iterable[DateSpan]:
    day, month = _day_of(m), _month_of(m)
    if not _valid(2000, month, day):  # 2000 is a leap year, so 29 February passes
        return
    rel = m.group("rel")
    end = m.end() if m.group("y") or rel else _pair_end(m)
    start = m.start()
    if m.group("d0"):
        # Read the first day with the rest of the date, on a small copy (its offsets are replaced below).
        first = DAY_MONTH.match(m.group("d0") + " " + m.string[m.end("d"):m.end()])
        if first is not None and int(m.group("d0")) < day:
            for span in _day_month(first, ref):
                yield span._replace(start=m.start("d0"), end=m.end("d0"))
        start = m.start("d")
    if m.group("y"):
        y = int(m.group("y"))
        if not _valid(y, month, day):
            return
        yield DateSpan(start, end, f"{y:04d}-{month:02d}-{day:02d}", "day")
    elif ref is not None:
        y = _near_year(month, day, ref)
        when = date(y, month, day) if _valid(y, month, day) else ref
        if rel in ("المقبل", "القادم") and when < ref:
            y += 1
        elif rel is not None and rel not in ("المقبل", "القادم") and when > ref:
            y -= 1
        yield DateSpan(start, end, f"{y:04d}-{month:02d}-{day:02d}", "month_day")
    else:
        yield DateSpan(start, end, f"--{month:02d}-{day:02d}", "month_day")


def _month_year(m: re.Match[str]) -> Iterable[DateSpan]:
    if _pair_ok(m):
        yield DateSpan(m.start(), m.end(), f"{int(m.group('y')):04d}-{_month_of(m):02d}", "year_month")


def _shift_month(ref: date, delta: int) -> str:
    k = ref.year * 12 + ref.month - 1 + delta
    return f"{k // 12:04d}-{k % 12 + 1:02d}"


_LISTED_MONTH = re.compile(r"(\w+)\s+و\Z")


def _after_month(ft: str, pos: int) -> bool:
    """Whether و joins the month at ``pos`` to a month before it: «أشهر مارس وأفريل وماي»."""
    m = _LISTED_MONTH.search(ft, max(0, pos - 16), pos)
    if m is None:
        return False
    word = m.group(1)
    return name_key(word) in MONTHS or (word[:1] == "و" and name_key(word[1:]) in MONTHS)


def _month_alone(m: re.Match[str], ref: date | None) -> Iterable[DateSpan]:
    name = name_key(m.group("m1"))
    if m.group("cue") is None and m.group("rel") is None and name in WEAK_MONTHS \
            and not _after_month(m.string, m.start("m1")):
        return
    month = _month_of(m)
    start = m.start("cue") if m.group("cue") == "شهر" else m.start("m1")
    end = m.end("rel") if m.group("rel") else _pair_end(m)
    value = f"--{month:02d}"
    rel = m.group("rel")
    if ref is not None:
        if rel in ("الماضي", "المنصرم", "الفائت"):
            value = f"{ref.year - (month >= ref.month):04d}-{month:02d}"
        elif rel in ("المقبل", "القادم"):
            value = f"{ref.year + (month <= ref.month):04d}-{month:02d}"
        else:
            value = f"{ref.year:04d}-{month:02d}"
    yield DateSpan(start, end, value, "month")


def _hijri(m: re.Match[str]) -> Iterable[DateSpan]:
    has_day = bool(m.group("d") or m.group("od"))
    year = m.group("y")
    # Hijri month names are also given names (رجب، رمضان، شعبان) and صفر is "zero":
    # only a day before it or a year marked هـ makes it a date.
    if not has_day and not (year and m.group("ah")):
        return
    hm = HIJRI_MONTHS[name_key(m.group("hm"))]
    end = m.end() if year else m.end("hm")
    if has_day:
        day = _day_of(m)
        if not 1 <= day <= 30:
            return
        if year:
            y = int(year)
            try:
                greg = Hijri(y, hm, day).to_gregorian().isoformat()
            except (ValueError, OverflowError):
                greg = None
            yield DateSpan(m.start(), end, f"{y:04d}-{hm:02d}-{day:02d} AH", "hijri", greg)
        else:
            yield DateSpan(m.start(), end, f"--{hm:02d}-{day:02d} AH", "hijri")
    else:
        yield DateSpan(m.start("hm"), end, f"{int(year):04d}-{hm:02d} AH", "hijri")


_SEASONS = frozenset(("صايفه", "صيف", "شتاء", "خريف", "ربيع"))
# A word right after a three-digit number that makes it a count: a noun, not a preposition or a mark.
_COUNTED_AFTER = re.compile(r"\s+(?!(?:م|ه|هـ|ق|قبل|بعد|في|من|الي|حين|حتي|عندما|و)(?:\W|$))[^\W\d]{2,}")
# A wire dateline's day and month: «الكويت - 23 - 7 (كونا) --».
WIRE_DAY_MONTH = re.compile(r"(?P<d>\d{1,2})\s*-\s*(?P<m>\d{1,2})(?=\s*\()")
_LINE_HEAD = re.compile(r"(?:^|\n)[^\d\n.،:]{2,30}?\s[-–]\s*\Z")


def _wire_dateline(ft: str, pos: int) -> DateSpan | None:
    """The day and month a wire dateline gives after its city: «الكويت - 23 - 7 (كونا) --»."""
    m = WIRE_DAY_MONTH.match(ft, pos)
    if m is None or not _LINE_HEAD.search(ft, max(0, pos - 32), pos):
        return None
    d, mo = int(m.group("d")), int(m.group("m"))
    if not (1 <= mo <= 12 and _valid(2000, mo, d)):
        return None
    return DateSpan(m.start(), m.end(), f"--{mo:02d}-{d:02d}", "day")


def _years(m: re.Match[str]) -> Iterable[DateSpan]:
    cue = m.group("cue")
    y = int(m.group("y"))
    in_span = cue in ("عام", "العام", "سنه", "السنه", "عامي", "سنتي", "لعام", "لسنه") or cue in _SEASONS
    if not in_span and not 1800 <= y <= 2100 and not m.group("ah"):
        return  # "في 300" is a quantity, not a year
    start = m.start("cue") if in_span else m.start("y")
    if m.group("ah"):
        yield DateSpan(start, m.end("ah"), f"{y:04d} AH", "hijri")  # عام 1446 هـ, في 1380 هجرية
        return
    if y < 1000 and m.end() == m.end("y") and _COUNTED_AFTER.match(m.string, m.end()):
        return  # «منذ مطلع العام 312 إصابة»: a count after the year word, not the year 312
    if m.group("bc"):
        # ISO 8601 counts 1 BC as year 0000, so 500 BC is -0499.
        yield DateSpan(start, m.end("bc"), f"-{y - 1:04d}", "year")
        return
    if m.group("y2") is None:
        yield DateSpan(start, m.end(), f"{y:04d}", "year")
        return
    yield DateSpan(start, m.end("y"), f"{y:04d}", "year")
    y2 = int(m.group("y2"))
    if y < y2 <= y + 200:  # a range or a pair of years (عامي 2019 و2020)
        yield DateSpan(m.start("y2"), m.end(), f"{y2:04d}", "year")


def _numeric(m: re.Match[str]) -> DateSpan | None:
    a, b, c = m.group("a"), int(m.group("b")), m.group("c")
    if len(a) == 4 and len(c) <= 2:
        y, mo, d = int(a), b, int(c)
    elif len(c) == 4 and len(a) <= 2:
        y, mo, d = int(c), b, int(a)
    else:
        return None
    if not 1000 <= y <= 2100 or not _valid(y, mo, d):
        return None
    return DateSpan(m.start(), m.end(), f"{y:04d}-{mo:02d}-{d:02d}", "day")


def _decades(m: re.Match[str], ref: date | None) -> Iterable[DateSpan]:
    cent = name_key(m.group("cent") or "")
    base = CENTURIES.get(cent, 19)
    if ref is not None and cent in ("الماضي", "المنصرم"):
        base = ref.year // 100 - 1
    elif ref is not None and cent in ("الحالي", "الجاري"):
        base = ref.year // 100
    yield DateSpan(m.start(), m.end(), f"{base}{DECADE_WORDS[m.group('dec')]}X", "decade")


def _century(m: re.Match[str]) -> Iterable[DateSpan]:
    base = CENTURIES[name_key(m.group("cent"))]
    yield DateSpan(m.start(), m.end(), f"{base}XX", "century")


def _relative(m: re.Match[str], ref: date | None) -> Iterable[DateSpan]:
    value: str | None = None
    if m.group("day"):
        word = name_key(m.group("day"))
        delta = {"اليوم": 0, "امس": -1, "البارحه": -1, "غدا": 1, "بعد غد": 2}.get(word, -2)
        if ref is not None:
            value = (ref + timedelta(days=delta)).isoformat()
    else:
        unit = REL_UNITS[m.group("unit") or m.group("unit2")]
        when = m.group("when") or "الحالي"
        step = -1 if when in PAST else 1 if when in NEXT else 0
        if ref is not None:
            if unit == "month":
                value = _shift_month(ref, step)
            elif unit == "year":
                value = f"{ref.year + step:04d}"
            else:
                iso = (ref + timedelta(weeks=step)).isocalendar()
                value = f"{iso[0]:04d}-W{iso[1]:02d}"
    yield DateSpan(m.start(), m.end(), value, "relative")


def _weekdays(m: re.Match[str], ref: date | None) -> Iterable[DateSpan]:
    cue, when = m.group("cue"), m.group("when")
    wd_name = name_key(m.group("wd"))
    # كلا الاثنين "both of them", صلاة الجمعة "the Friday prayer", الاثنين معاً "the two together"
    if cue in ("كلا", "صلاه", "خطبه") or when == "معا":
        return
    wd = WEEKDAYS[wd_name]
    start = m.start("cue") if cue == "اليوم" else m.start("wd")
    end = m.end() if when else m.end("wd")
    value: str | None = None
    if ref is not None:
        back = (ref.weekday() - wd) % 7
        if when in PAST:
            back = back or 7
            value = (ref - timedelta(days=back)).isoformat()
        elif when in NEXT:
            ahead = (wd - ref.weekday()) % 7 or 7
            value = (ref + timedelta(days=ahead)).isoformat()
        else:
            value = (ref - timedelta(days=back)).isoformat()
    yield DateSpan(start, end, value, "relative" if (when or cue == "اليوم") else "weekday")


def _parse_ref(article_date: str | None) -> date | None:
    if not article_date:
        return None
    try:
        return date.fromisoformat(article_date)
    except ValueError:
        return None


_SPACE = frozenset(" \t\n\r\xa0")


def _month_ahead(hits: list[Hit], i: int, limit: int) -> bool:
    """Whether a Gregorian or Hijri month name follows hit ``i`` before offset ``limit``."""
    for h in hits[i + 1:i + 4]:
        if h.start >= limit:
            return False
        if TRIGGER_WORDS.get(h.word) in ("month", "hijri"):
            return True
    return False


def _back(cues: frozenset[str], ft: str, pos: int) -> int:
    """Where the word right before ``pos`` starts if it is one of ``cues`` (proclitics و ف ب ل allowed), else ``pos``."""
    j = pos
    while j > 0 and ft[j - 1] in _SPACE:
        j -= 1
    if j == pos:
        return pos
    k = j
    while k > 0 and ft[k - 1].isalpha():
        k -= 1
    w = ft[k:j]
    if w in cues or (len(w) > 2 and w[0] in "وفبل" and w[1:] in cues) or (
            len(w) > 3 and w[0] in "وف" and w[1] in "بل" and w[2:] in cues):
        return k
    return pos


def _digit_date(ft: str, pos: int, run: int) -> tuple[list[DateSpan], bool]:
    """Dates that a run of ``run`` digits at ``pos`` opens by itself (24/12/2023, a wire dateline's
    day and month, a year after its cue), and whether the hit is done with (no day-month to try)."""
    if pos + run < len(ft) and ft[pos + run] in "/-." and (m := NUMERIC.match(ft, pos)) is not None:
        if (span := _numeric(m)) is not None:
            return [span], True
    if run <= 2 and (wire := _wire_dateline(ft, pos)) is not None:
        return [wire], True
    if run in (3, 4):
        m = YEAR.match(ft, _back(YEAR_CUE_WORDS, ft, pos))
        spans = list(_years(m)) if m is not None else []
        if not spans and (h := HIJRI_YEAR.match(ft, pos)) is not None:
            spans = [DateSpan(pos, h.end(), f"{int(h.group('y')):04d} AH", "hijri")]  # «(1446هـ)»
        return spans, True
    return [], run > 2


def _word_dates(kind: str, ft: str, pos: int, ref: date | None) -> Iterable[DateSpan]:
    """Dates that open with a trigger word of ``kind`` at ``pos``."""
    if kind == "wd":
        if (m := WEEKDAY.match(ft, _back(WD_CUE_WORDS, ft, pos))) is not None:
            yield from _weekdays(m, ref)
    elif kind == "month":
        cue = _back(MONTH_CUE_WORDS, ft, pos)
        if (m := MONTH_YEAR.match(ft, cue if ft.startswith("شهر", cue) else pos)) is not None:
            yield from _month_year(m)
        if (m := MONTH_ALONE.match(ft, cue)) is not None:
            yield from _month_alone(m, ref)
    elif kind == "hijri":
        if (m := HIJRI.match(ft, pos)) is not None:
            yield from _hijri(m)
    elif kind == "decade":
        if (m := DECADE.match(ft, pos)) is not None:
            yield from _decades(m, ref)
    elif kind == "century":
        if (m := CENTURY.match(ft, pos)) is not None:
            yield from _century(m)
    elif kind in ("rel", "relday"):
        before = THIS_WORDS if kind == "rel" else DAY_WORDS_BEFORE
        if (m := RELATIVE.match(ft, _back(before, ft, pos))) is not None:
            yield from _relative(m, ref)


def _day_month_dates(ft: str, pos: int, ref: date | None) -> Iterable[DateSpan]:
    """A day (a number, an ordinal or a weekday first) with a Gregorian or Hijri month after it."""
    if (m := DAY_MONTH.match(ft, pos)) is not None:
        yield from _day_month(m, ref)
    if (m := HIJRI.match(ft, pos)) is not None:
        yield from _hijri(m)


def find_dates(folded: Folded, article_date: str | None = None, hits: list[Hit] | None = None) -> list[DateSpan]:
    """Find every date in a folded text; overlapping finds keep the longest.

    ``hits`` are the places to look (``Triggers.scan`` over at least ``TRIGGER_WORDS``).
    """
    ft = folded.text
    ref = _parse_ref(article_date)
    if hits is None:
        hits = _TRIGGERS.scan(ft)
    found: list[DateSpan] = []
    n = len(ft)
    covered = -1  # hits before this offset sit inside a date already found
    for i, h in enumerate(hits):
        pos = h.start
        kind = "digit" if h.word == "#" else TRIGGER_WORDS.get(h.word)
        if pos < covered or kind is None:
            continue
        if found:
            covered = max(covered, found[-1].end)
            if pos < covered:
                continue
        if kind == "digit":
            run = 1
            while pos + run < n and ft[pos + run].isdigit():
                run += 1
            spans, done = _digit_date(ft, pos, run)
            found.extend(spans)
            if done:
                continue
        if kind in ("digit", "wd", "ord") and _month_ahead(hits, i, pos + 48):
            found.extend(_day_month_dates(ft, pos, ref))
        found.extend(_word_dates(kind, ft, pos, ref))
    return resolve_overlaps(found)


_TRIGGERS = Triggers(set(TRIGGER_WORDS))


def resolve_overlaps(spans: list[DateSpan]) -> list[DateSpan]:
    """Keep the longest of overlapping spans (earlier first on ties), sorted by start."""
    starts: list[int] = []
    ends: list[int] = []
    kept: list[DateSpan] = []
    for s in sorted(spans, key=lambda s: (s.start - s.end, s.start)):
        i = bisect_left(starts, s.start)
        if (i > 0 and ends[i - 1] > s.start) or (i < len(starts) and starts[i] < s.end):
            continue
        starts.insert(i, s.start)
        ends.insert(i, s.end)
        kept.insert(i, s)
    return kept
