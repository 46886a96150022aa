"""Distractors of the same type and granularity as an answer: dates, percentages, numbers, names.

Dates keep the answer's surface form (month series, digits, weekday) and move near it; numbers and
percentages move to close, plausible values (near values, swapped digits, other values from the
article) and are rendered in one style so no option stands out by its look.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from questions.normalize import fold

EGYPTIAN = ("يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر",
            "نوفمبر", "ديسمبر")
LEVANTINE = ("كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول",
             "تشرين الأول", "تشرين الثاني", "كانون الأول")
MOROCCAN = ("يناير", "فبراير", "مارس", "أبريل", "ماي", "يونيو", "يوليوز", "غشت", "شتنبر", "أكتوبر",
            "نونبر", "دجنبر")
ALGERIAN = ("جانفي", "فيفري", "مارس", "أفريل", "ماي", "جوان", "جويلية", "أوت", "سبتمبر", "أكتوبر",
            "نوفمبر", "ديسمبر")
HIJRI = ("محرم", "صفر", "ربيع الأول", "ربيع الآخر", "جمادى الأولى", "جمادى الآخرة", "رجب", "شعبان",
         "رمضان", "شوال", "ذو القعدة", "ذو الحجة")
WEEKDAYS = ("الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد")  # Monday first
DECADES = {2: "عشرينيات", 3: "ثلاثينيات", 4: "أربعينيات", 5: "خمسينيات", 6: "ستينيات", 7: "سبعينيات",
           8: "ثمانينيات", 9: "تسعينيات"}
ORDINALS = ("الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع",
            "العاشر")

_MARKS = "[\u064b-\u0652\u0670\u0640]*"
ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def _name_pattern(name: str) -> str:
    """A regex for ``name`` tolerant of diacritics, alef/ya/ta-marbuta variants and spacing."""
    out = []
    for ch in fold(name):
        if ch == " ":
            out.append(r"\s+")
            continue
        cls = {"ا": "[اأإآٱ]", "ي": "[يى]", "ه": "[هة]", "و": "[وؤ]"}.get(ch, re.escape(ch))
        out.append(cls + _MARKS)
    return "".join(out)


_SERIES = (LEVANTINE, HIJRI, ALGERIAN, MOROCCAN, EGYPTIAN)
_MONTH_RE = re.compile(
    r"(?<![\w])(" + "|".join(sorted({_name_pattern(n) for s in _SERIES for n in s}, key=len, reverse=True))
    + r")(?![\w])")
_WEEKDAY_RE = re.compile(r"(?<![\w])(" + "|".join(_name_pattern(w) for w in WEEKDAYS) + r")(?![\w])")
_DECADE_RE = re.compile("(" + "|".join(_name_pattern(w) for w in DECADES.values()) + ")")
_ORDINAL_RE = re.compile(r"(?<![\w])(" + "|".join(_name_pattern(w) for w in ORDINALS) + r")(?![\w])")


def _series_of(name: str, prefer_hijri: bool) -> tuple[tuple[str, ...], int] | None:
    f = fold(name)
    order = (HIJRI, LEVANTINE, ALGERIAN, MOROCCAN, EGYPTIAN) if prefer_hijri else (
        LEVANTINE, EGYPTIAN, MOROCCAN, ALGERIAN, HIJRI)
    for series in order:
        for i, n in enumerate(series):
            if fold(n) == f:
                return series, i
    return None


def _digits_like(template: str, n: int, width: int = 0) -> str:
    s = str(n).zfill(width) if width else str(n)
    return s.translate(ARABIC_INDIC) if re.search("[٠-٩]", template) else s


def parse_iso(value: str) -> tuple[str, int | None, int | None, int | None]:
    """Split an ISO date value into (granularity, year, month, day)."""
    v = value.strip()
    if v.endswith(" AH"):
        m = re.fullmatch(r"(\d{3,4})(?:-(\d\d))?(?:-(\d\d))? AH", v)
        if not m:
            return ("none", None, None, None)
        return ("hijri", int(m.group(1)), int(m.group(2)) if m.group(2) else None,
                int(m.group(3)) if m.group(3) else None)
    if m := re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", v):
        return ("day", int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if m := re.fullmatch(r"(\d{4})-(\d\d)", v):
        return ("month", int(m.group(1)), int(m.group(2)), None)
    if m := re.fullmatch(r"(\d{4})", v):
        return ("year", int(m.group(1)), None, None)
    if m := re.fullmatch(r"--(\d\d)-(\d\d)", v):
        return ("monthday", None, int(m.group(1)), int(m.group(2)))
    if m := re.fullmatch(r"--(\d\d)", v):
        return ("monthonly", None, int(m.group(1)), None)
    if m := re.fullmatch(r"(\d{3})X", v):
        return ("decade", int(m.group(1)) * 10, None, None)
    return ("none", None, None, None)


def interval(value: str) -> tuple[date, date] | None:
    """The Gregorian days a date value covers, or None when it has no year."""
    g, y, m, d = parse_iso(value)
    try:
        if g == "day" and y and m and d:
            return date(y, m, d), date(y, m, d)
        if g == "month" and y and m:
            end = date(y + (m == 12), m % 12 + 1, 1) - timedelta(days=1)
            return date(y, m, 1), end
        if g == "year" and y:
            return date(y, 1, 1), date(y, 12, 31)
        if g == "decade" and y:
            return date(y, 1, 1), date(y + 9, 12, 31)
    except ValueError:
        return None
    return None


def render_date(surface: str, value: str, new: tuple[int | None, int | None, int | None]) -> str | None:
    """Rewrite ``surface`` (which reads as ``value``) to show the date ``new`` = (year, month, day)."""
    g, y0, m0, d0 = parse_iso(value)
    y, m, d = new
    out = surface
    if g == "decade":
        if y is None:
            return None
        word = DECADES.get((y // 10) % 10)
        if not word or (y // 100) != (y0 or 0) // 100 or not _DECADE_RE.search(out):
            return None
        return _DECADE_RE.sub(word, out, count=1)
    if y is not None and y0 is not None and y != y0:
        pat = re.compile(r"(?<!\d)" + "|".join({str(y0), str(y0).translate(ARABIC_INDIC)}) + r"(?!\d)")
        if not pat.search(out):
            return None
        out = pat.sub(lambda mt: _digits_like(mt.group(0), y), out, count=1)
    if m is not None and m0 is not None and m != m0:
        found = False

        def swap(mt: re.Match[str]) -> str:
            nonlocal found
            s = _series_of(mt.group(0), g == "hijri")
            if s is None or s[1] != m0 - 1:
                return mt.group(0)
            found = True
            return s[0][m - 1]

        out = _MONTH_RE.sub(swap, out)
        if not found:
            return None
    if d is not None and d0 is not None and d != d0:
        pat = re.compile(r"(?<!\d)(" + "|".join({str(d0), f"{d0:02d}", str(d0).translate(ARABIC_INDIC)}) + r")(?!\d)")
        if pat.search(out):
            out = pat.sub(lambda mt: _digits_like(mt.group(0), d, len(mt.group(0)) if mt.group(0).startswith("0") else 0), out, count=1)
        elif 1 <= d0 <= 10 and 1 <= d <= 10 and _ORDINAL_RE.search(out):
            out = _ORDINAL_RE.sub(ORDINALS[d - 1], out, count=1)
        else:
            return None
    wd = _WEEKDAY_RE.search(out)
    if wd:
        if g != "day" or y is None or m is None or d is None:
            return None
        try:
            out = out[:wd.start()] + WEEKDAYS[date(y, m, d).weekday()] + out[wd.end():]
        except ValueError:
            return None
    return out if out != surface else None


def date_variants(surface: str) -> list[str]:
    """Other ways a student may type the same date: the other month series, no «عام»/«يوم» cue."""
    out: list[str] = []
    months = _MONTH_RE.findall(surface)
    if months:
        found = _series_of(months[0], False)
        if found is not None and found[0] is not HIJRI:
            m = found[1]
            # «7 كانون الثاني/يناير 2024» -> «7 يناير 2024» and «7 كانون الثاني 2024».
            single = re.sub(r"\s*/\s*", "/", surface)
            for series in (EGYPTIAN, LEVANTINE):
                name = series[m]
                v = re.sub(r"(" + _MONTH_RE.pattern + r")(?:/(" + _MONTH_RE.pattern + r"))?", name, single, count=1)
                out.append(v)
    bare = re.sub(r"^(?:(?:ال)?عام|يوم|سنة|في)\s+", "", surface.strip())
    out.append(bare)
    return [v for v in dict.fromkeys(out) if v and v != surface]


def _valid_day(y: int | None, m: int, d: int) -> bool:
    try:
        date(y or 2024, m, d)
        return True
    except ValueError:
        return False


def date_candidates(value: str) -> list[tuple[int | None, int | None, int | None]]:
    """Dates near ``value`` in the same granularity, nearest first."""
    g, y, m, d = parse_iso(value)
    out: list[tuple[int | None, int | None, int | None]] = []
    if g == "year" and y:
        for k in (1, -1, 2, -2, 3, -3, 5, -5, 10):
            out.append((y + k, None, None))
    elif g == "decade" and y:
        for k in (10, -10, 20, -20, 30, -30):
            if (y + k) // 100 == y // 100:
                out.append((y + k, None, None))
    elif g in ("month", "monthonly") and m:
        for k in (1, -1, 2, -2, 3, -3, 4, -4, 6):
            mm = m + k
            if 1 <= mm <= 12:
                out.append((y, mm, None))
        if y:
            out += [(y + 1, m, None), (y - 1, m, None)]
    elif g in ("day", "monthday") and m and d:
        for k in (3, -3, 7, -7, 10, -10, 1, -1, 14):
            if _valid_day(y, m, d + k):
                out.append((y, m, d + k))
        for k in (1, -1, 2):
            if 1 <= m + k <= 12 and _valid_day(y, m + k, d):
                out.append((y, m + k, d))
    elif g == "hijri" and y:
        if m:
            for k in (1, -1, 2, -2, 3):
                if 1 <= m + k <= 12:
                    out.append((y, m + k, d))
        for k in (1, -1, 2, -2):
            out.append((y + k, m, d))
    return out


# Numbers and percentages.

def decimals_of(v: float, surface: str = "") -> int:
    """How many decimals ``v`` is written with (from its surface when it shows them)."""
    m = re.search(r"\d+[.,،٫ر](\d+)", fold(surface))
    if m:
        return len(m.group(1))
    s = repr(float(v))
    if s.endswith(".0") or "e" in s:
        return 0
    return min(3, len(s.split(".")[1]))


def format_number(v: float, decimals: int, arabic_digits: bool = False) -> str:
    """Render a number the way options show it: thousands separators from 10,000, fixed decimals."""
    if decimals > 0:
        s = f"{v:.{decimals}f}"
    else:
        n = int(round(v))
        s = f"{n:,}" if abs(n) >= 10000 else str(n)
    if arabic_digits:
        s = s.translate(ARABIC_INDIC).replace(".", "٫").replace(",", "٬")
    return s


def _swaps(v: float, decimals: int) -> list[float]:
    s = f"{v:.{decimals}f}" if decimals else str(int(round(v)))
    digits = [i for i, c in enumerate(s) if c.isdigit()]
    out = []
    for a, b in zip(digits, digits[1:]):
        if b != a + 1 or s[a] == s[b]:
            continue
        t = s[:a] + s[b] + s[a] + s[b + 1:]
        if t[0] == "0" and len(t) > 1 and t[1] != ".":
            continue
        out.append(float(t))
    return out


def _noun_class(n: int) -> str:
    r = n % 100
    if n < 3:
        return str(n)
    return "few" if 3 <= r <= 10 else "many" if 11 <= r <= 99 else "round"


def number_candidates(v: float, *, percent: bool, decimals: int, others: list[float],
                      keep_class: bool) -> list[float]:
    """Plausible wrong values near ``v``: other article values, swapped digits, close values."""
    cands: list[float] = []
    for o in others:
        if o != v and o > 0 and (v == 0 or 1 / 4 <= o / v <= 4):
            cands.append(o)
    cands += _swaps(v, decimals)
    if decimals:
        step = 10.0 ** -decimals
        for k in (1, -1, 2, -2, 3, -3, 5, -5):
            cands.append(round(v + k * (1 + 37 * step), decimals))
        cands.append(round(v + 0.5, decimals))
    elif v >= 100:
        # Keep the last two digits so the counted noun after the number still agrees.
        mag = 10 ** max(2, len(str(int(v))) - 2)
        for k in (1, -1, 2, -2, 3, -3, 5):
            cands.append(v + k * mag)
        if v >= 1000:
            for k in (1, -1, 2, -2):
                cands.append(v + k * 100)
    else:
        for k in (1, -1, 2, -2, 3, -3, 4, -4, 5, -5, 7, 10, -10):
            cands.append(v + k)
    out: list[float] = []
    for c in cands:
        c = round(c, decimals) if decimals else float(round(c))
        if c <= 0 or (percent and c > 100) or c == v or c in out:
            continue
        if keep_class and not decimals and _noun_class(int(c)) != _noun_class(int(v)):
            continue
        out.append(c)
    return out
