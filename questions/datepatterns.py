"""Arabic date words and the patterns the date finder matches, on folded text.

Month and weekday names come from babel's CLDR data for the Arabic locales (Egyptian/Gulf, Levantine
and Maghrebi series), Hijri month names from hijridate; ordinal days, decades, centuries and relative
words are Arabic grammar the patterns spell out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from babel import Locale
from hijridate import Hijri

from questions.normalize import fold

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
WEAK_MONTHS = {n for n in MONTHS if len(n) <= 3} | {"مارس", "نيسان", "تموز"}

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


def name_key(s: str) -> str:
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
# A Hijri year with no cue before it: «(1446هـ)», «1446 هجرية».
HIJRI_YEAR = re.compile(rf"(?P<y>\d{{3,4}})(?!\d)(?P<ah>{_AH})")

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
DECADE_WORDS = {"عشرين": 2, "ثلاثين": 3, "اربعين": 4, "خمسين": 5, "ستين": 6, "سبعين": 7, "ثمانين": 8,
                 "تسعين": 9}
CENTURIES = {"الماضي": 19, "المنصرم": 19, "العشرين": 19, "التاسع عشر": 18, "الثامن عشر": 17,
              "الحالي": 20, "الجاري": 20, "الحادي والعشرين": 20, "الحادي و العشرين": 20}
DECADE = re.compile(
    rf"{_B}(?:(?:ال)?عقد\s+)?(?:ال)?(?P<dec>{_alt(DECADE_WORDS)})(?:يات|ات){_E}"
    rf"(?:\s+(?:من\s+)?القرن\s+(?P<cent>{_alt(CENTURIES)}){_E})?")
CENTURY = re.compile(rf"{_B}(?:ال)?قرن\s+(?P<cent>العشرين|التاسع\s+عشر|الثامن\s+عشر|الحادي\s+و\s?العشرين){_E}")
REL_UNITS = {"الشهر": "month", "الاسبوع": "week", "العام": "year", "السنه": "year"}
PAST = ("الماضي", "الماضيه", "المنصرم", "المنصرمه", "الفائت", "الفايت", "الفايته", "الفائته")
NEXT = ("المقبل", "المقبله", "القادم", "القادمه")
_NOW = ("الحالي", "الحاليه", "الجاري", "الجاريه")
# اليوم alone is today; not «اليوم الوطني», «اليوم 24» or the end of a paper's name («المصري اليوم»).
RELATIVE = re.compile(
    rf"{_B}(?:(?P<unit>{_alt(REL_UNITS)})\s+(?P<when>{_alt(PAST + NEXT + _NOW)})"
    rf"|(?P<this>هذا|هذه)\s+(?P<unit2>{_alt(REL_UNITS)})"
    rf"|(?P<day>اول\s+امس|امس\s+الاول|امس|البارحه|غدا|بعد\s+غد|اليوم(?!\s+(?!الي(?!\w))ال\w|\s+\d|\s*[»”\"]))){_E}")
_WD_CUES = "يوم|مساء|صباح|ليله|ليل|فجر|ظهر|عصر|نهار|اليوم|منذ|حتي|كلا|صلاه|خطبه"
WEEKDAY = re.compile(
    rf"{_B}(?:[وفب]?(?P<cue>{_WD_CUES})\s+)?"
    rf"(?P<wd>{_WD}){_E}(?:\s+(?P<when>{_alt(PAST + NEXT)}|معا){_E})?")


# Words that can open a date; extraction looks closer only where one of them (or a digit) is.
TRIGGER_WORDS: dict[str, str] = {
    **{w.split()[0]: "month" for w in MONTHS},
    **{w.split()[0]: "hijri" for w in HIJRI_MONTHS},
    **{w.split()[0]: "ord" for w in ORDINAL_DAYS},
    **{w: "wd" for w in WEEKDAYS},
    **{f"{a}{w}{s}": "decade" for w in DECADE_WORDS for a in ("", "ال") for s in ("يات", "ات")},
    "عقد": "decade", "العقد": "decade", "قرن": "century", "القرن": "century",
    **{w: "rel" for w in REL_UNITS},
    "امس": "relday", "البارحه": "relday", "غدا": "relday", "غد": "relday", "اليوم": "relday",
}


def _words(cues: str) -> frozenset[str]:
    """The literal words of a cue alternation such as "(?:ال)?عام|في"."""
    out: set[str] = set()
    for alt in cues.split("|"):
        if alt.startswith("(?:ال)?"):
            out.update((alt[7:], "ال" + alt[7:]))
        else:
            out.add(alt)
    return frozenset(out)


YEAR_CUE_WORDS = _words(_YEAR_CUES) | {"لعام", "لسنه"}  # للعام: ل + العام, the alif dropped
WD_CUE_WORDS = _words(_WD_CUES)
MONTH_CUE_WORDS = _words(_MONTH_CUES)
THIS_WORDS = frozenset(("هذا", "هذه"))
DAY_WORDS_BEFORE = frozenset(("اول", "بعد"))
