"""Dates in Arabic news: day-month-year, months, years, decades, Hijri dates, weekdays, relative days.

Month and weekday names come from babel's CLDR data for the Arabic locales (Egyptian/Gulf,
Levantine and Maghrebi series) and Hijri month names from hijridate; all matching happens on
folded text (see ``questions.text.fold_with_offsets``).

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

from babel import Locale
from hijridate import Hijri

from questions.normalize import fold
from questions.text import Folded, Hit, Triggers

# Locales whose month names differ: Egyptian/Gulf, Levantine, Maghrebi, Mauritanian.
_LOCALES = ("ar", "ar_EG", "ar_SA", "ar_LB", "ar_SY", "ar_IQ", "ar_JO", "ar_MA", "ar_DZ", "ar_TN", "ar_MR")
# Egyptian spellings the press uses that CLDR lacks.
_EXTRA_MONTHS = {"يونيه": 6, "يوليه": 7}


def _month_names() -> dict[str, int]:
    names: dict[str, int] = dict(_EXTRA_MONTHS)
    for loc in _LOCALES:
        months = Locale.parse(loc).months
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for num, name in months[context][width].items():
                    names[fold(str(name))] = int(num)
    return names


def _weekday_names() -> dict[str, int]:
    days = Locale.parse("ar").days["format"]["wide"]
    return {fold(str(name)): int(num) for num, name in days.items()}  # 0 = Monday


def _hijri_month_names() -> dict[str, int]:
    names: dict[str, int] = {}
    for m in range(1, 13):
        name = fold(Hijri(1445, m, 1).month_name("ar"))
        names[name] = m
        # Genitive ذي and the other spelling of the second Rabi'/Jumada are as common.
        names[name.replace("ذو ", "ذي ")] = m
    names.update({"ربيع الاخر": 4, "جمادي الاول": 5, "جمادي الثانيه": 6, "جمادي الاخر": 6})
    return names


MONTHS = _month_names()
WEEKDAYS = _weekday_names()
HIJRI_MONTHS = _hijri_month_names()
# Short or common-word month names (آب "father", ماي, مارس "he practised", نيسان the car maker)
# count only next to a day number or a year, or after a cue such as "شهر".
_WEAK_MONTHS = {n for n in MONTHS if len(n) <= 3} | {"مارس", "نيسان", "تموز"}

_UNIT_ORD = ["الاول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع"]


def _ordinal_days() -> dict[str, int]:
    days = {w: i + 1 for i, w in enumerate(_UNIT_ORD)}
    # فاتح is how the Maghreb names the first day of a month (فاتح يوليوز 2011), غرة (folded غره) how
    # Tunisian and Gulf copy does (غرة جانفي 2026).
    days.update({"العاشر": 10, "العشرين": 20, "الثلاثين": 30, "الحادي عشر": 11, "فاتح": 1, "الفاتح": 1,
                 "غره": 1, "اول": 1})  # أول أبريل: the first of April
    for i, w in enumerate(_UNIT_ORD[1:], start=2):
        days[f"{w} عشر"] = 10 + i
    for tens, word in ((20, "العشرين"), (30, "الثلاثين")):
        for i, w in enumerate(["الحادي", *_UNIT_ORD[1:]], start=1):
            if tens + i <= 31:
                days[f"{w} و{word}"] = tens + i
    return days


ORDINAL_DAYS = _ordinal_days()


def _alt(words: Iterable[str]) -> str:
    """A regex alternation of folded words, longest first, spaces matching any whitespace."""
    parts = sorted(set(words), key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in parts) + ")"


def _key(s: str) -> str:
    return s if " " not in s and "\n" not in s else " ".join(s.split())


_M = _alt(MONTHS)
_HM = _alt(HIJRI_MONTHS)
_WD = _alt(WEEKDAYS)
_ORD = _alt(ORDINAL_DAYS).replace(r"\s+و", r"\s+و\s*")  # الحادي والعشرين / الحادي و العشرين
# No letter or digit before, except one proclitic (و ف ب ل ك, or لل) that stays out of the span.
_B = r"(?:(?<![\w])|(?<=[^\w][وفبلك])|(?<=[^\w]لل))"
_E = r"(?![\w])"  # none after
_MONTH_PAIR = (rf"(?P<m1>{_M}){_E}(?:\s*[/(\-–]\s*(?P<m2>{_M}){_E}(?:\s*\))?|\s+(?P<m3>{_M}){_E})?")
_DAY = rf"(?:(?P<d>\d{{1,2}})(?!\d)|(?P<od>{_ORD}){_E}(?:\s+من)?)"
# "يومي 9 و10 سبتمبر": a first day that shares the month of the second.
_FIRST_DAY = r"(?:(?P<d0>\d{1,2})\s*(?:و|-|–|الي|حتي)\s*(?=\d))?"
_WD_PREFIX = rf"(?:(?P<wd>{_WD}){_E}\s*[،,]?\s*)?"
_YEAR_TAIL = (rf"(?:\s*[،,]?\s*(?:من\s+)?(?:(?:ال)?عام\s+|(?:ال)?سنه\s+)?(?P<y>\d{{4}})(?!\d)"
              rf"(?:\s*م{_E}|\s+ميلادي(?:ه)?{_E})?)?")
_AH = rf"(?:\s*ه{_E}|\s+هجري(?:ه)?{_E}|\s+للهجره{_E})"

_REL_MONTH = rf"(?:\s+(?P<rel>الماضي|المنصرم|الفائت|المقبل|القادم){_E})?"
DAY_MONTH = re.compile(r"(?:(?<![\w.,٬/:])|(?<=[^\w][وفب]))" + _WD_PREFIX + _FIRST_DAY + _DAY
                       + r"\s*(?:من\s+)?(?:شهر\s+)?" + _MONTH_PAIR + _YEAR_TAIL + _REL_MONTH)
MONTH_YEAR = re.compile(_B + r"(?:شهر\s+)?" + _MONTH_PAIR
                        + rf"\s*[،,]?\s*(?:من\s+)?(?:(?:ال)?عام\s+)?(?P<y>\d{{4}})(?!\d)(?:\s*م{_E})?")
_MONTH_CUES = "شهر|شهري|اشهر|في|خلال|منذ|حتي|مطلع|اوائل|اواخر|اواسط|منتصف|نهايه|بدايه|قبل|بعد|حلول|بحلول"
MONTH_ALONE = re.compile(
    rf"{_B}(?:[وفبل]?(?P<cue>{_MONTH_CUES})\s+)?"
    + _MONTH_PAIR + rf"(?:\s+(?P<rel>الماضي|المنصرم|الفائت|المقبل|القادم|الحالي|الجاري){_E})?")
HIJRI = re.compile(_B + _WD_PREFIX + rf"(?:{_DAY}\s+(?:من\s+)?(?:شهر\s+)?)?(?P<hm>{_HM}){_E}"
                   rf"(?:\s+(?:من\s+)?(?:عام\s+|سنه\s+)?(?P<y>\d{{3,4}})(?!\d)(?P<ah>{_AH})?)?")
_YEAR_CUES = ("(?:ال)?عام|(?:ال)?سنه|عامي|سنتي|في|منذ|حتي|خلال|مطلع|اواخر|اوائل|منتصف|نهايه|بدايه|بحلول|حلول"
              "|صايفه|صيف|شتاء|خريف|ربيع")  # صائفة 2023, خريف 2025: a season of a year is that year
YEAR = re.compile(
    # لعام 2025 and للعام 2025 (ل + العام, the alif dropped) too
    rf"{_B}[وف]?(?:[بل]|ل(?=ل(?:عام|سنه)))?(?P<cue>{_YEAR_CUES}|ل(?:عام|سنه))"
    rf"\s+(?P<y>\d{{3,4}})(?!\d)(?:\s*م{_E}|\s+ميلادي(?:ه)?{_E}|(?P<ah>{_AH})"
    rf"|(?P<bc>\s*ق\.\s?م\.?|\s+قبل\s+الميلاد{_E}))?"
    rf"(?:\s*(?:-|–|/|و|الي|حتي)\s*(?P<y2>\d{{4}})(?!\d)(?:\s*م{_E})?)?")
# 24/12/2023 (day first, as the Arab press writes it) and 2023-12-24.
NUMERIC = re.compile(r"(?P<a>\d{1,4})(?P<sep>[/\-.])(?P<b>\d{1,2})(?P=sep)(?P<c>\d{1,4})(?![\d\w])")
_DECADE_WORDS = {"عشرين": 2, "ثلاثين": 3, "اربعين": 4, "خمسين": 5, "ستين": 6, "سبعين": 7, "ثمانين": 8,
                 "تسعين": 9}
_CENTURIES = {"الماضي": 19, "المنصرم": 19, "العشرين": 19, "التاسع عشر": 18, "الثامن عشر": 17,
              "الحالي": 20, "الجاري": 20, "الحادي والعشرين": 20, "الحادي و العشرين": 20}
DECADE = re.compile(
    rf"{_B}(?:(?:ال)?عقد\s+)?(?:ال)?(?P<dec>{_alt(_DECADE_WORDS)})(?:يات|ات){_E}"
    rf"(?:\s+(?:من\s+)?القرن\s+(?P<cent>{_alt(_CENTURIES)}){_E})?")
CENTURY = re.compile(rf"{_B}(?:ال)?قرن\s+(?P<cent>العشرين|التاسع\s+عشر|الثامن\s+عشر|الحادي\s+و\s?العشرين){_E}")
_REL_UNITS = {"الشهر": "month", "الاسبوع": "week", "العام": "year", "السنه": "year"}
_PAST = ("الماضي", "الماضيه", "المنصرم", "المنصرمه", "الفائت", "الفايت", "الفايته", "الفائته")
_NEXT = ("المقبل", "المقبله", "القادم", "القادمه")
_NOW = ("الحالي", "الحاليه", "الجاري", "الجاريه")
RELATIVE = re.compile(
    rf"{_B}(?:(?P<unit>{_alt(_REL_UNITS)})\s+(?P<when>{_alt(_PAST + _NEXT + _NOW)})"
    rf"|(?P<this>هذا|هذه)\s+(?P<unit2>{_alt(_REL_UNITS)})"
    rf"|(?P<day>اول\s+امس|امس\s+الاول|امس|البارحه|غدا|بعد\s+غد)){_E}")
_WD_CUES = "يوم|مساء|صباح|ليله|ليل|فجر|ظهر|عصر|نهار|اليوم|منذ|حتي|كلا|صلاه|خطبه"
WEEKDAY = re.compile(
    rf"{_B}(?:[وفب]?(?P<cue>{_WD_CUES})\s+)?"
    rf"(?P<wd>{_WD}){_E}(?:\s+(?P<when>{_alt(_PAST + _NEXT)}|معا){_E})?")


class DateSpan(NamedTuple):
    """A date found in folded text, before it becomes a Fact."""

    start: int  # folded offsets
    end: int
    value: str | None
    kind: str
    gregorian: str | None = None


def _month_of(m: re.Match[str]) -> int:
    return MONTHS[_key(m.group("m1"))]


def _pair_ok(m: re.Match[str]) -> bool:
    """A second month name beside the first must name the same month (25 فبراير شباط)."""
    other = m.group("m2") or m.group("m3")
    return other is None or MONTHS[_key(other)] == MONTHS[_key(m.group("m1"))]


def _day_of(m: re.Match[str]) -> int:
    return int(m.group("d")) if m.group("d") else ORDINAL_DAYS[_key(m.group("od")).replace(" و ", " و")]


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
    return _key(word) in MONTHS or (word[:1] == "و" and _key(word[1:]) in MONTHS)


def _month_alone(m: re.Match[str], ref: date | None) -> Iterable[DateSpan]:
    name = _key(m.group("m1"))
    if m.group("cue") is None and m.group("rel") is None and name in _WEAK_MONTHS \
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
    hm = HIJRI_MONTHS[_key(m.group("hm"))]
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
    if not in_span and not 1800 <= y <= 2100:
        return  # "في 300" is a quantity, not a year
    start = m.start("cue") if in_span else m.start("y")
    if y < 1000 and m.end() == m.end("y") and _COUNTED_AFTER.match(m.string, m.end()):
        return  # «منذ مطلع العام 312 إصابة»: a count after the year word, not the year 312
        yield DateSpan(start, m.end("ah"), f"{y:04d} AH", "hijri")
        return
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
    cent = _key(m.group("cent") or "")
    base = _CENTURIES.get(cent, 19)
    if ref is not None and cent in ("الماضي", "المنصرم"):
        base = ref.year // 100 - 1
    elif ref is not None and cent in ("الحالي", "الجاري"):
        base = ref.year // 100
    yield DateSpan(m.start(), m.end(), f"{base}{_DECADE_WORDS[m.group('dec')]}X", "decade")


def _century(m: re.Match[str]) -> Iterable[DateSpan]:
    base = _CENTURIES[_key(m.group("cent"))]
    yield DateSpan(m.start(), m.end(), f"{base}XX", "century")


def _relative(m: re.Match[str], ref: date | None) -> Iterable[DateSpan]:
    value: str | None = None
    if m.group("day"):
        word = _key(m.group("day"))
        delta = {"امس": -1, "البارحه": -1, "غدا": 1, "بعد غد": 2}.get(word, -2)
        if ref is not None:
            value = (ref + timedelta(days=delta)).isoformat()
    else:
        unit = _REL_UNITS[m.group("unit") or m.group("unit2")]
        when = m.group("when") or "الحالي"
        step = -1 if when in _PAST else 1 if when in _NEXT else 0
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
    wd_name = _key(m.group("wd"))
    # كلا الاثنين "both of them", صلاة الجمعة "the Friday prayer", الاثنين معاً "the two together"
    if cue in ("كلا", "صلاه", "خطبه") or when == "معا":
        return
    wd = WEEKDAYS[wd_name]
    start = m.start("cue") if cue == "اليوم" else m.start("wd")
    end = m.end() if when else m.end("wd")
    value: str | None = None
    if ref is not None:
        back = (ref.weekday() - wd) % 7
        if when in _PAST:
            back = back or 7
            value = (ref - timedelta(days=back)).isoformat()
        elif when in _NEXT:
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


# Words that can open a date; extraction looks closer only where one of them (or a digit) is.
TRIGGER_WORDS: dict[str, str] = {
    **{w.split()[0]: "month" for w in MONTHS},
    **{w.split()[0]: "hijri" for w in HIJRI_MONTHS},
    **{w.split()[0]: "ord" for w in ORDINAL_DAYS},
    **{w: "wd" for w in WEEKDAYS},
    **{f"{a}{w}{s}": "decade" for w in _DECADE_WORDS for a in ("", "ال") for s in ("يات", "ات")},
    "عقد": "decade", "العقد": "decade", "قرن": "century", "القرن": "century",
    **{w: "rel" for w in _REL_UNITS},
    "امس": "relday", "البارحه": "relday", "غدا": "relday", "غد": "relday",
}
_LOOKBACK = 24


def _words(cues: str) -> frozenset[str]:
    """The literal words of a cue alternation such as "(?:ال)?عام|في"."""
    out: set[str] = set()
    for alt in cues.split("|"):
        if alt.startswith("(?:ال)?"):
            out.update((alt[7:], "ال" + alt[7:]))
        else:
            out.add(alt)
    return frozenset(out)


_YEAR_CUE_WORDS = _words(_YEAR_CUES) | {"لعام", "لسنه"}  # للعام: ل + العام, the alif dropped
_WD_CUE_WORDS = _words(_WD_CUES)
_MONTH_CUE_WORDS = _words(_MONTH_CUES)
_THIS_WORDS = frozenset(("هذا", "هذه"))
_DAY_WORDS_BEFORE = frozenset(("اول", "بعد"))
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


def find_dates(folded: Folded, article_date: str | None = None, hits: list[Hit] | None = None) -> list[DateSpan]:
    """Find every date in a folded text; overlapping finds keep the longest.

    ``hits`` are the places to look (``Triggers.scan`` over at least ``TRIGGER_WORDS``).
    """
    ft = folded.text
    ref = _parse_ref(article_date)
    if hits is None:
        hits = _TRIGGERS.scan(ft)
    found: list[DateSpan] = []
    add = found.extend
    n = len(ft)
    covered = -1  # hits before this offset sit inside a date already found
    for i, h in enumerate(hits):
        pos = h.start
        if pos < covered:
            continue
        kind = "digit" if h.word == "#" else TRIGGER_WORDS.get(h.word)
        if kind is None:
            continue
        if found:
            covered = max(covered, found[-1].end)
            if pos < covered:
                continue
        if kind == "digit":
            run = 1
            while pos + run < n and ft[pos + run].isdigit():
                run += 1
            if pos + run < n and ft[pos + run] in "/-." and (m := NUMERIC.match(ft, pos)) is not None:
                if (span := _numeric(m)) is not None:
                    found.append(span)
                    continue
            if run <= 2 and (wire := _wire_dateline(ft, pos)) is not None:
                found.append(wire)
                continue
            if run in (3, 4):
                if (m := YEAR.match(ft, _back(_YEAR_CUE_WORDS, ft, pos))) is not None:
                    add(_years(m))
                continue
            if run > 2:
                continue
        if kind in ("digit", "wd", "ord") and _month_ahead(hits, i, pos + 48):
            if (m := DAY_MONTH.match(ft, pos)) is not None:
                add(_day_month(m, ref))
            if (m := HIJRI.match(ft, pos)) is not None:
                add(_hijri(m))
        if kind == "wd":
            if (m := WEEKDAY.match(ft, _back(_WD_CUE_WORDS, ft, pos))) is not None:
                add(_weekdays(m, ref))
        elif kind == "month":
            cue = _back(_MONTH_CUE_WORDS, ft, pos)
            if (m := MONTH_YEAR.match(ft, cue if ft.startswith("شهر", cue) else pos)) is not None:
                add(_month_year(m))
            if (m := MONTH_ALONE.match(ft, cue)) is not None:
                add(_month_alone(m, ref))
        elif kind == "hijri":
            if (m := HIJRI.match(ft, pos)) is not None:
                add(_hijri(m))
        elif kind == "decade":
            if (m := DECADE.match(ft, pos)) is not None:
                add(_decades(m, ref))
        elif kind == "century":
            if (m := CENTURY.match(ft, pos)) is not None:
                add(_century(m))
        elif kind == "rel":
            if (m := RELATIVE.match(ft, _back(_THIS_WORDS, ft, pos))) is not None:
                add(_relative(m, ref))
        elif kind == "relday":
            if (m := RELATIVE.match(ft, _back(_DAY_WORDS_BEFORE, ft, pos))) is not None:
                add(_relative(m, ref))
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
