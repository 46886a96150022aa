"""Numbers and percentages in Arabic news text.

Digits may be Western, Arabic-Indic or Persian (folded to ASCII before matching), with thousands
separators (21,600 / ٢١٬٦٠٠), decimal points (40.27 / ٣٫٤), the Arabic decimal comma before a
percent sign (96،9%) and the news-agency decimal mark ر written fraction first (5ر1 is 1.5).
Number words combine with digits and scales (53 مليون و909 آلاف و306 is 53909306, ألفي is 2000).
A number keeps the noun it counts as its unit (67 عامًا -> unit عام, 24 ولاية -> unit ولاية).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import NamedTuple

from questions.dates import MONTHS, WEEKDAYS
from questions.normalize import fold, strip_diacritics
from questions.text import Folded, Hit, Triggers

# Words for 1-10 (folded). The bare short forms are common words too (ست "lady", سبع "lion",
# خمس "a fifth"), so they count only before a counted noun or inside a compound number.
_UNITS: dict[str, int] = {
    "واحد": 1, "واحده": 1, "اثنان": 2, "اثنين": 2, "اثنتان": 2, "اثنتين": 2, "اثنا": 2, "اثني": 2,
    "اثنتا": 2, "اثنتي": 2, "ثلاث": 3, "ثلاثه": 3, "اربع": 4, "اربعه": 4, "خمس": 5, "خمسه": 5,
    "ست": 6, "سته": 6, "سبع": 7, "سبعه": 7, "ثمان": 8, "ثماني": 8, "ثمانيه": 8, "تسع": 9, "تسعه": 9,
    "عشر": 10, "عشره": 10,
}
_SHORT = {"ثلاث", "اربع", "خمس", "ست", "سبع", "ثمان", "ثماني", "تسع", "عشر", "واحد", "واحده"}
_TEENS = {"احد عشر": 11, "احدي عشره": 11}
_TENS: dict[str, int] = {}
for _stem, _v in (("عشر", 20), ("ثلاث", 30), ("اربع", 40), ("خمس", 50), ("ست", 60), ("سبع", 70),
                  ("ثمان", 80), ("تسع", 90)):
    _TENS[_stem + "ون"] = _v
    _TENS[_stem + "ين"] = _v
_HUNDREDS: dict[str, int] = {}
for _h in ("ميه", "مايه"):
    _HUNDREDS[_h] = 100
    for _stem, _v in (("ثلاث", 3), ("اربع", 4), ("خمس", 5), ("ست", 6), ("سبع", 7), ("ثمان", 8),
                      ("تسع", 9)):
        _HUNDREDS[_stem + _h] = _v * 100
for _h in ("ميتان", "ميتين", "ميتا", "ميتي", "مايتان", "مايتين", "مايتا", "مايتي"):
    _HUNDREDS[_h] = 200


@dataclass(frozen=True)
class _Scale:
    size: int
    times: int = 1  # 2 for duals (ألفي, مليونين)
    plural: bool = False  # آلاف، ملايين need a count before them


_SCALES: dict[str, _Scale] = {}
for _sing, _plur, _dual_stem, _size in (("الف", "الاف", "الف", 1000), ("مليون", "ملايين", "مليون", 10**6),
                                        ("مليار", "مليارات", "مليار", 10**9), ("بليون", "بلايين", "بليون", 10**9),
                                        ("تريليون", "تريليونات", "تريليون", 10**12),
                                        ("ترليون", "ترليونات", "ترليون", 10**12)):
    _SCALES[_sing] = _SCALES[_sing + "ا"] = _Scale(_size)
    _SCALES[_plur] = _Scale(_size, plural=True)
    for _d in ("ان", "ين", "ي"):
        _SCALES[_dual_stem + _d] = _Scale(_size, times=2)

_WORD_VALUES: dict[str, int] = {**_UNITS, **_TEENS, **_TENS, **_HUNDREDS}
# نصف مليون، ربع مليار: fractions count only in front of a scale word.
_FRACTIONS = {"نصف": 0.5, "ربع": 0.25}


_DIGITS = (r"(?P<rev>\d+ر\d+)"  # 5ر1 = 1.5
           r"|(?P<dcomma>\d+،\d{1,3})(?=\s*(?:%|٪|في\s+ال|بال|مليون|مليار))"
           r"|(?P<wcomma>\d+,\d{1,2})(?![\d,])"  # 50,35: the Maghreb's decimal comma
           r"|(?P<thou>\d{1,3}(?:[,٬]\d{3})+(?:\.\d+)?)"
           r"|(?P<plain>\d+(?:\.\d+)?)")
DIGIT_TOKEN = re.compile(rf"(?:{_DIGITS})(?P<ce>م)?(?![\w])")
_DIGIT_GROUPS = ("plain", "rev", "dcomma", "wcomma", "thou")
_TEEN = re.compile(r"(?:احد\s+عشر|احدي\s+عشره)(?![\w])")
_TEEN_FIRSTS = {"احد", "احدي"}
_GAP_PLAIN = re.compile(r"\s+\Z")
_GAP_WAW = re.compile(r"\s+و\s*\Z")
PERCENT = re.compile(r"\s*(?:%|٪)|\s+(?:في|فى)\s+(?:ال)?(?:ميه|مايه)(?!\w)|\s+بال(?:ميه|مايه)(?!\w)")
_NEXT_WORD = re.compile(r"\s+([ء-ي]+)(?![\w])")
_HALF = re.compile(r"\s+و(نصف|ربع)(?![\w])")
_ORDINAL_TIMES = re.compile(
    r"(?<![\w])(?:لل|ل|ال)?مره\s+(?P<o>الاولي|الثانيه|الثالثه|الرابعه|الخامسه|السادسه|السابعه|الثامنه|التاسعه"
    r"|العاشره|الحاديه)(?:\s+(?P<teen>عشره|عشر))?(?![\w])")
_ORDINALS = {"الاولي": 1, "الثانيه": 2, "الثالثه": 3, "الرابعه": 4, "الخامسه": 5, "السادسه": 6,
             "السابعه": 7, "الثامنه": 8, "التاسعه": 9, "العاشره": 10, "الحاديه": 1}
# Nouns that a number follows as its label rather than its count (الدقيقة 67, المادة 5).
_REF_NOUNS = {"الدقيقه", "المركز", "المرتبه", "الماده", "البند", "الفقره", "الفصل", "القرار", "الجوله",
              "الشوط", "الرقم", "الطبعه", "النسخه", "الدوره", "الصفحه", "الكيلومتر", "الموسم"}
# Words that follow a number without being what it counts.
_STOP = set(fold(
    "من في إلى على عن مع أو ثم حتى منذ بين خلال عند لدى قبل بعد نحو حوالي وفق حسب بحسب مقابل فقط"
    " تقريبا أن إن أنه أنها كما بينما فيما وهو وهي هو هي التي الذي الذين ما لا لم لن قد كان كانت"
    " وكان وكانت ولا أي تلك ذلك هذا هذه هؤلاء إذ إذا لكن بل أما مما ممن عبر لـ أيضا"
    " فيها فيه منها منه عليها عليه إليها إليه بها به له لها لهم عنها عنه"
    " لأول لصالح ليس لكن بسبب بنسبة بقيمة بمعدل بحضور بمشاركة ضمن دون وسط أمام خلف تحت فوق حول ضد"
    " إثر عقب أثناء جراء رغم مثل غير كل بعض أخرى آخر لدى عندما حين حيث").split())
# Counts before a number: "نحو 2000 شخص" is a quantity, not the year 2000.
_QUANTITY_CUES = set(fold("نحو حوالي قرابة زهاء أكثر أقل بلغ بلغت يبلغ تبلغ عدد إجمالي مجموع").split())
_RANGE_WORDS = frozenset(("من", "الي", "حتي", "منذ", "بين"))
# Nouns a year follows as their name (ميزانية 2026، رؤية 2030، مونديال 2022): a year, whatever comes next.
_YEAR_HEADS = frozenset(fold(w) for w in """ميزانية موازنة موسم رؤية مونديال كأس انتخابات أولمبياد
    بطولة دورة نسخة خطة استراتيجية إستراتيجية تعداد إحصاء دستور ثورة حرب أحداث اتفاقية اتفاق معرض إكسبو
    مهرجان قمة نكبة نكسة انتفاضة أزمة مؤتمر ألعاب جائزة تصفيات""".split())
_TIME_PLURALS = {fold(k): v for k, v in {
    "أشهر": "شهر", "شهور": "شهر", "سنوات": "سنة", "سنين": "سنة", "أعوام": "عام", "أيام": "يوم",
    "ساعات": "ساعة", "دقائق": "دقيقة", "أسابيع": "أسبوع", "عقود": "عقد", "قرون": "قرن", "ثوان": "ثانية",
}.items()}
_TANWEEN_FATH = "\u064b"


_TOKEN_WORDS = {w.split()[0] for w in _WORD_VALUES} | {"ال" + w for w in [*_UNITS, *_TENS]} | set(_SCALES) \
    | set(_HUNDREDS) | set(_FRACTIONS)
# Duals of the nouns news counts most (عامين "two years", هدفين "two goals") are the number 2.
_DUALS = {fold(stem + end): unit for stem, unit in (
    ("عام", "عام"), ("سنت", "سنة"), ("شهر", "شهر"), ("يوم", "يوم"), ("أسبوع", "أسبوع"), ("ساعت", "ساعة"),
    ("دقيقت", "دقيقة"), ("عقد", "عقد"), ("قرن", "قرن"), ("هدف", "هدف"), ("مرت", "مرة"),
) for end in ("ين", "ان")}
# Words that can open a number; extraction looks closer only where one of them (or a digit) is.
TRIGGER_WORDS: set[str] = _TOKEN_WORDS | {"مره", "المره"} | set(_DUALS)
_TRIGGERS = Triggers(TRIGGER_WORDS)


class NumberSpan(NamedTuple):
    """A number, percentage or bare year found in folded text (folded offsets)."""

    type: str  # "number" | "percentage" | "date"
    start: int
    end: int
    value: int | float | str
    unit: str | None = None


class _Tok(NamedTuple):
    start: int  # after any proclitic
    end: int
    value: float
    kind: str  # "num" | "hund" | "scale" | "short"
    scale: _Scale | None = None
    digits: bool = False
    year_mark: bool = False  # 2010م
    text: str = ""


def _digit_value(m: re.Match[str]) -> float:
    if m.group("rev"):
        frac, whole = m.group("rev").split("ر")
        return float(f"{whole}.{frac}")
    if m.group("dcomma"):
        return float(m.group("dcomma").replace("،", "."))
    if m.group("wcomma"):
        return float(m.group("wcomma").replace(",", "."))
    if m.group("thou"):
        return float(re.sub("[,٬]", "", m.group("thou")))
    return float(m.group("plain"))


# What comes right before the short tail of a model name: 777-, F-, A350-.
_MODEL_CODE = re.compile(r"(?:(?<![\w.,])\d{3}|(?P<latin>[A-Za-z][A-Za-z0-9]*))-\Z")


def _tokens(ft: str, hits: list[Hit], taken: list[tuple[int, int]]) -> list[_Tok]:
    """Number tokens at the hits, leaving out any inside a ``taken`` span (a date)."""
    out: list[_Tok] = []
    k = 0  # taken spans before k end before the current hit
    n_taken = len(taken)
    last_end = -1
    for h in hits:
        word = h.word
        if (word != "#" and word not in _TOKEN_WORDS) or h.start < last_end:
            continue
        while k < n_taken and taken[k][1] <= h.start:
            k += 1
        if k < n_taken and taken[k][0] < h.end:
            continue
        if word == "#":
            m = DIGIT_TOKEN.match(ft, h.start)
            if m is None:
                continue
            g = m.lastgroup if m.lastgroup != "ce" else next(x for x in _DIGIT_GROUPS if m.group(x))
            assert g is not None  # narrows the type for mypy; the pattern always has this group  # nosec B101
            code = _MODEL_CODE.search(ft, max(0, h.start - 12), h.start)
            if code and (code.group("latin") or m.end(g) - m.start() <= 2):
                continue  # طراز 777-9, A350-1000, F-16: the tail of a model's name, not a count
            out.append(_Tok(m.start(), m.end(g), _digit_value(m), "num", digits=True,
                            year_mark=m.group("ce") is not None, text=m.group(g)))
            last_end = m.end(g)
            continue
        end = h.end
        if word in _TEEN_FIRSTS:
            tm = _TEEN.match(ft, h.start)
            if tm is None:
                continue
            word, end = "احد عشر", tm.end()
        last_end = end
        bare = word[2:] if word.startswith("ال") and word not in _SCALES else word
        if word in _FRACTIONS:
            out.append(_Tok(h.start, end, _FRACTIONS[word], "frac", text=word))
        elif bare in _SCALES:
            sc = _SCALES[bare]
            out.append(_Tok(h.start, end, float(sc.size * sc.times), "scale", sc, text=word))
        elif bare in _HUNDREDS:
            out.append(_Tok(h.start, end, float(_HUNDREDS[bare]), "hund", text=word))
        else:
            if bare == "ست" and ft[h.pos:h.start] == "ل":
                continue  # لست "I am not"
            kind = "short" if bare in _SHORT and not word.startswith("ال") else "num"
            out.append(_Tok(h.start, end, float(_WORD_VALUES[bare]), kind, text=word))
    return out


def _joins(prev: list[_Tok], tok: _Tok, gap: str) -> bool:
    """Whether ``tok`` continues the number made of ``prev`` across ``gap``."""
    last = prev[-1]
    scales = [t.scale.size for t in prev if t.scale]
    smallest = min(scales) if scales else None
    if _GAP_PLAIN.match(gap):
        if tok.kind == "scale" and last.kind != "scale" and (smallest is None or tok.value < smallest):
            return True  # 53 مليون، ثلاثة آلاف
        if tok.kind == "scale" and scales and tok.value > max(scales) and gap.strip() == "":
            return True  # 6 آلاف و700 مليار, ألف مليار: a larger scale counts the whole number before it
        if tok.kind == "hund" and tok.value == 100 and not last.digits and last.value < 10:
            return True  # ثلاث مئة
        if tok.text in ("عشر", "عشره") and not last.digits and last.value < 10:
            return True  # ثلاثة عشر
        return False
    if not _GAP_WAW.match(gap):
        return False
    if last.kind == "scale":
        return smallest is not None and tok.value < smallest  # مليون و40 ألفاً و608
    if last.kind == "hund":
        return tok.value < 100 and tok.kind != "scale"  # ثلاثمائة وخمسون
    # Units before tens: خمسة وعشرون.
    return not last.digits and last.value < 10 and tok.text.removeprefix("ال") in _TENS


def _value(group: list[_Tok]) -> float | None:
    total = 0.0
    current = 0.0
    teen = False
    last_scale = 0
    largest = 0
    for t in group:
        if t.kind == "frac" and last_scale:
            total += t.value * last_scale  # مليون ونصف
        elif t.kind == "scale" and largest and t.value > largest:
            total = (total + current) * t.value  # 6 آلاف و700 مليار = 6,700 billion
            current = 0.0
            last_scale = largest = int(t.value)
        elif t.kind == "scale":
            assert t.scale is not None  # narrows the type for mypy; checked by the caller  # nosec B101
            if t.scale.plural and current == 0:
                return None  # آلاف المتظاهرين: thousands, no count
            if t.text == "الفا" and current == 0 and total == 0:
                total += 2000  # ألفا شخص is the dual "two thousand"; 80 ألفاً is the accusative
                continue
            total += (current or 1) * t.value
            current = 0.0
            last_scale = t.scale.size
            largest = max(largest, int(t.value))
        elif t.kind == "hund" and t.value == 100 and 0 < current < 10:
            current *= 100
        elif t.text in ("عشر", "عشره") and 0 < current < 10 and not teen:
            current += 10
            teen = True
        else:
            current += t.value
    return total + current


def _plain(v: float) -> int | float:
    return int(v) if v == int(v) else round(v, 6)


def _unit(folded: Folded, w_start: int, w_end: int, value: float) -> str:
    """The counted noun, in its dictionary form (عامًا -> عام, أشهر -> شهر)."""
    surface = strip_diacritics(folded.original[folded.start(w_start):folded.end(w_end)])
    key = fold(surface)
    if key in _TIME_PLURALS:
        return _TIME_PLURALS[key]
    raw = folded.original[folded.start(w_start):folded.end(w_end)]
    accusative = _TANWEEN_FATH in raw[-2:] or (11 <= value % 100 <= 99 and len(surface) > 3)
    if surface.endswith("ا") and accusative:
        return surface[:-1]
    return surface


def _is_unit_word(w: str) -> bool:
    if w.startswith("ال") or w in _STOP or w in _WORD_VALUES or w in _SCALES or w in MONTHS or w in WEEKDAYS:
        return False
    return not (w.startswith("و") and (w[1:] in _STOP or w[1:].startswith("ال")))


def find_numbers(folded: Folded, taken: list[tuple[int, int]], hits: list[Hit] | None = None) -> list[NumberSpan]:
    """Find numbers, percentages and bare years in folded text, skipping ``taken`` folded spans.

    ``hits`` are the places to look (``Triggers.scan`` over at least ``TRIGGER_WORDS``).
    """
    ft = folded.text
    if hits is None:
        hits = _TRIGGERS.scan(ft)
    toks = _tokens(ft, hits, taken)
    for k, t in enumerate(toks):
        if t.text == "الفا" and _TANWEEN_FATH in folded.original[folded.start(t.start):folded.end(t.end) + 1]:
            toks[k] = t._replace(text="الف")  # ألفاً (accusative, one thousand), not the dual ألفا
    groups: list[list[_Tok]] = []
    for t in toks:
        if groups and t.start - groups[-1][-1].end <= 12 and _joins(groups[-1], t, ft[groups[-1][-1].end:t.start]):
            groups[-1].append(t)
        else:
            groups.append([t])
    out: list[NumberSpan] = []
    for i, g in enumerate(groups):
        span = _span_of(folded, g)
        if span is not None and i + 1 < len(groups) and span.type == "number":
            span = _shared_scale(ft, span, g, groups[i + 1])
        if span is not None:
            out.append(span)
    for h in hits:
        if h.word in _DUALS:
            if not _inside(h.start, h.end, taken):
                out.append(NumberSpan("number", h.start, h.end, 2, _DUALS[h.word]))
            continue
        if h.word not in ("مره", "المره"):
            continue
        m = _ORDINAL_TIMES.match(ft, h.pos)
        if m is None or _inside(m.start(), m.end(), taken):
            continue
        if (m.group("o") == "الحاديه" and not m.group("teen")) or (m.group("teen") and m.group("o") == "العاشره"):
            continue  # الحادية only opens 11th; «العاشرة عشرة» is no ordinal
        value = _ORDINALS[m.group("o")] + (10 if m.group("teen") else 0)  # للمرة التاسعة عشرة: the 19th time
        out = [x for x in out if not (m.start() <= x.start and x.end <= m.end())]
        out.append(NumberSpan("number", m.start(), m.end(), value, "مرة"))
    out.sort(key=lambda s: s.start)
    return out


_BETWEEN = re.compile(r"(?:بين|من)\s+\Z")


def _shared_scale(ft: str, span: NumberSpan, g: list[_Tok], nxt: list[_Tok]) -> NumberSpan:
    """In "بين 1.3 و4 ملايين" the first bound takes the scale of the second: 1.3 million."""
    if len(g) != 1 or not g[0].digits or len(nxt) < 2 or nxt[1].scale is None or nxt[0].kind != "num":
        return span
    if ft[g[0].end:nxt[0].start].strip() not in ("و", "-", "–", "الي", "حتي"):
        return span
    if not _BETWEEN.search(ft, max(0, span.start - 8), span.start):
        return span
    return span._replace(value=_plain(g[0].value * nxt[1].scale.size))


def _inside(s: int, e: int, spans: list[tuple[int, int]]) -> bool:
    i = bisect_right(spans, (s, 1 << 62)) - 1
    return (i >= 0 and spans[i][1] > s) or (i + 1 < len(spans) and spans[i + 1][0] < e)


def _span_of(folded: Folded, g: list[_Tok]) -> NumberSpan | None:
    ft = folded.text
    if g[-1].kind == "frac" and (len(g) == 1 or g[-2].kind != "scale"):
        g = g[:-1]  # نصف alone is "half of", not a number
        if not g:
            return None
    value = _value(g)
    if value is None:
        return None
    start, end = g[0].start, g[-1].end
    pm = PERCENT.match(ft, end)
    if pm:
        return NumberSpan("percentage", start, pm.end(), float(_plain(value)))
    if g[0].digits and start > 0 and ft[start - 1] in "%٪" and (start < 2 or not ft[start - 2].isalnum()):
        return NumberSpan("percentage", start - 1, end, float(_plain(value)))  # %5 as some sites write it
    after_char = ft[end:end + 1]
    if g[0].digits and after_char in (".", ")", "-", "–") and _is_list_marker(ft, start, end):
        return None
    if g[0].digits and start > 1 and ft[start - 1] == "-" and ft[start - 2].isalpha():
        return None  # كوفيد-19, F-16: part of a name
    if len(g) == 1 and g[0].digits and (after_char in ("-", "–", ":") or ft[start - 1:start] in ("-", "–")):
        pair = _SCORE_OR_TIME.match(ft, start) or _SCORE_OR_TIME_END.search(ft, max(0, start - 4), end)
        if pair is not None:
            after = _NEXT_WORD.match(ft, pair.end())
            if ":" in pair.group() or after is None or not _is_unit_word(after.group(1)):
                return None  # a score (فاز 2-1) or a clock time (8:30) is not a count; 10-15 عاماً is
    if len(g) == 1 and g[-1].kind == "num" and g[-1].text.startswith("ال") and g[-1].value >= 20:
        return None  # مجموعة العشرين، الذكرى الثلاثين: an ordinal or a name, not a count
    only_words = not any(t.digits for t in g)
    nxt = _NEXT_WORD.match(ft, end)
    # A definite number word (الأهداف الثلاثة) follows its noun; nothing after it is counted.
    definite = (g[-1].kind in ("num", "short") and g[-1].text.startswith("ال") and not g[-1].digits) \
        or (len(g) == 1 and ft[max(0, start - 2):start] == "ال")  # الـ76: "the 76th"
    unit_word = nxt is not None and not definite and _is_unit_word(nxt.group(1))
    if len(g) == 1 and g[0].kind == "short" and not unit_word:
        return None
    if len(g) == 1 and g[0].value == 1 and only_words:
        return None  # واحد alone is mostly "one of", not a count
    t0 = g[0]
    if len(g) == 1 and t0.digits and t0.text.isdigit() and 1800 <= value <= 2100:
        k, cue = _word_before(ft, start)
        range_word = cue in _RANGE_WORDS  # من 2010 إلى 2015 تضاعف: a year, whatever follows
        if cue == "من":  # أكثر من 2000
            k, cue = _word_before(ft, k)
        named = _names_a_year(ft, start)
        if (not unit_word or range_word or named) and (t0.year_mark or cue not in _QUANTITY_CUES):
            return NumberSpan("date", start, end + (1 if t0.year_mark else 0), f"{int(value):04d}")
    unit: str | None = None
    if unit_word and nxt is not None:
        unit = _unit(folded, nxt.start(1), nxt.end(1), value)
        end = nxt.end(1)
        half = _HALF.match(ft, end)
        if half:
            value += 0.5 if half.group(1) == "نصف" else 0.25
            end = half.end()
    elif t0.digits:
        k, ref = _word_before(ft, start)
        if ref in _REF_NOUNS:
            unit = strip_diacritics(folded.original[folded.start(k):folded.end(k + len(ref))])[2:]
            start = k
    return NumberSpan("number", start, end, _plain(value), unit)


_SPACES = frozenset(" \t\xa0")


def _names_a_year(ft: str, start: int) -> bool:
    """Whether the number at ``start`` follows a noun a year names (ميزانية 2026, كأس العالم 2030).

    Up to two definite words may stand between (رؤية المملكة 2030, دورة الألعاب الأولمبية 2028).
    """
    k = start
    for _ in range(3):
        k, w = _word_before(ft, k)
        if not w:
            return False
        if w in _YEAR_HEADS or (w[:1] in ("و", "ل", "ب", "ف") and w[1:] in _YEAR_HEADS):
            return True
        if not w.startswith("ال"):
            return False
    return False


def _word_before(ft: str, pos: int) -> tuple[int, str]:
    """The Arabic word that ends, after some spaces, right before ``pos``, and where it starts."""
    j = pos
    while j > 0 and ft[j - 1] in _SPACES:
        j -= 1
    k = j
    while k > 0 and "\u0621" <= ft[k - 1] <= "\u064a":
        k -= 1
    return (k, ft[k:j]) if j < pos else (pos, "")


_SCORE_OR_TIME = re.compile(r"\d{1,2}(?:[-–]\d{1,2}|:\d\d)(?![\d\w])")
_SCORE_OR_TIME_END = re.compile(r"(?<![\d\w])\d{1,2}(?:[-–]\d{1,2}|:\d\d)\Z")
_LINE_START = re.compile(r"(?:^|\n)[ \t]*\Z")
_MARKER_TAIL = re.compile(r"[.)\-–]\s")


def _is_list_marker(ft: str, start: int, end: int) -> bool:
    """'1.' or '2)' opening a line numbers a list item; it is not a fact."""
    return bool(_MARKER_TAIL.match(ft, end)) and bool(_LINE_START.search(ft, max(0, start - 40), start))
