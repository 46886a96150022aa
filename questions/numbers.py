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
from typing import NamedTuple

from questions.datepatterns import MONTHS, WEEKDAYS
from questions.lists import folded
from questions.normalize import fold, strip_diacritics
from questions.numberwords import FRACTIONS, HUNDREDS, SCALES, SHORT, TENS, UNITS, WORD_VALUES, Scale
from questions.text import Folded, Hit, Triggers

_DIGITS = (r"(?P<rev>\d+ر\d+)"  # 5ر1 = 1.5
           r"|(?P<dcomma>\d+،\d{1,3})(?=\s*(?:%|٪|في\s+ال|بال|مليون|مليار))"
           r"|(?P<wcomma>\d+,\d{1,2})(?![\d,])"  # 50,35: the Maghreb's decimal comma
           r"|(?P<thou>\d{1,3}(?:[,٬]\d{3})+(?:\.\d+)?)"
           r"|(?P<dotthou>[1-9]\d{0,2}(?:\.\d{3}){2,})(?![\d.])"  # 1.234.567: dots between thousands
           r"|(?P<plain>\d+(?:\.\d+)?)")
DIGIT_TOKEN = re.compile(rf"(?:{_DIGITS})(?P<ce>م)?(?![\w])")
_DIGIT_GROUPS = ("plain", "rev", "dcomma", "wcomma", "thou", "dotthou")
# One dot before three digits is a thousands separator in Maghrebi and some Levantine copy when what
# follows is counted in whole units (367.122 مترشحا), not a decimal (1.125 دينار, 6.125%).
_ONE_DOT_THOUSANDS = re.compile(r"[1-9]\d{0,2}\.\d{3}")
_DECIMAL_UNITS = folded("decimal_units")
# «النسخة الثانية عشرة», «الدورة الخامسة عشرة»: a compound ordinal is one number, 11th to 19th.
_ORDINAL_TEEN = re.compile(r"(?:(?<=[^\w])|^)ال(?P<o>حاديه?|ثانيه?|ثالثه?|رابعه?|خامسه?|سادسه?|سابعه?|ثامنه?|تاسعه?)"
                           r"\s+\Z")
_ORDINAL_UNITS = {"حادي": 1, "ثاني": 2, "ثالث": 3, "رابع": 4, "خامس": 5, "سادس": 6, "سابع": 7, "ثامن": 8, "تاسع": 9}
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
_REF_NOUNS = folded("number_labels")  # الدقيقة 67, المادة 5: a label, not a count
_STOP = folded("number_stop")
_QUANTITY_CUES = folded("quantity_cues")
_RANGE_WORDS = frozenset(("من", "الي", "حتي", "منذ", "بين"))
_YEAR_HEADS = folded("year_heads")
_TIME_PLURALS = {fold(k): v for k, v in {
    "أشهر": "شهر", "شهور": "شهر", "سنوات": "سنة", "سنين": "سنة", "أعوام": "عام", "أيام": "يوم",
    "ساعات": "ساعة", "دقائق": "دقيقة", "أسابيع": "أسبوع", "عقود": "عقد", "قرون": "قرن", "ثوان": "ثانية",
}.items()}
_TANWEEN_FATH = "\u064b"


_TOKEN_WORDS = {w.split()[0] for w in WORD_VALUES} | {"ال" + w for w in [*UNITS, *TENS]} | set(SCALES) \
    | set(HUNDREDS) | set(FRACTIONS)
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
    scale: Scale | None = None
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
    if m.group("dotthou"):
        return float(m.group("dotthou").replace(".", ""))
    return float(m.group("plain"))


# What comes right before the short tail of a model name: 777-, F-, A350-.
_MODEL_CODE = re.compile(r"(?:(?<![\w.,])\d{3}|(?P<latin>[A-Za-z][A-Za-z0-9]*))-\Z")


def _digit_tok(ft: str, h: Hit) -> _Tok | None:
    """The number written in digits at hit ``h``, or None (the tail of a model's name: 777-9, F-16)."""
    m = DIGIT_TOKEN.match(ft, h.start)
    if m is None:
        return None
    g = m.lastgroup if m.lastgroup != "ce" else next(x for x in _DIGIT_GROUPS if m.group(x))
    assert g is not None  # narrows the type for mypy; the pattern always has this group  # nosec B101
    code = _MODEL_CODE.search(ft, max(0, h.start - 12), h.start)
    if code and (code.group("latin") or m.end(g) - m.start() <= 2):
        return None  # طراز 777-9, A350-1000, F-16: the tail of a model's name, not a count
    value = _digit_value(m)
    if g == "plain" and _ONE_DOT_THOUSANDS.fullmatch(m.group(g)) and _counted_in_whole_units(ft, m.end(g)):
        value = float(m.group(g).replace(".", ""))
    return _Tok(m.start(), m.end(g), value, "num", digits=True,
                year_mark=m.group("ce") is not None, text=m.group(g))


def _counted_in_whole_units(ft: str, end: int) -> bool:
    """Whether the noun after a number at ``end`` counts whole things (people, votes), not a unit that
    takes decimals or a scale (مليون) or a percent."""
    nxt = _NEXT_WORD.match(ft, end)
    if nxt is None or PERCENT.match(ft, end):
        return False
    w = nxt.group(1)
    return _is_unit_word(w) and w not in _DECIMAL_UNITS


def _word_tok(ft: str, h: Hit) -> tuple[_Tok | None, int]:
    """The number word at hit ``h`` (or None) and where the word ends."""
    word, end = h.word, h.end
    if word in ("عشر", "عشره") and (o := _ORDINAL_TEEN.search(ft, max(0, h.start - 12), h.start)) is not None:
        start = o.start()
        return _Tok(start, end, float(10 + _ORDINAL_UNITS[o.group("o").removesuffix("ه")]), "num",
                    text=ft[start:end]), end
    if word in _TEEN_FIRSTS:
        tm = _TEEN.match(ft, h.start)
        if tm is None:
            return None, -1
        word, end = "احد عشر", tm.end()
    bare = word[2:] if word.startswith("ال") and word not in SCALES else word
    if word in FRACTIONS:
        return _Tok(h.start, end, FRACTIONS[word], "frac", text=word), end
    if bare in SCALES:
        sc = SCALES[bare]
        return _Tok(h.start, end, float(sc.size * sc.times), "scale", sc, text=word), end
    if bare in ("ميه", "مايه") and ft[h.pos:h.start] == "ك":
        return None, end  # كمية "a quantity", not ك + مئة
    if bare in HUNDREDS:
        return _Tok(h.start, end, float(HUNDREDS[bare]), "hund", text=word), end
    if bare == "ست" and ft[h.pos:h.start] == "ل":
        return None, end  # لست "I am not"
    kind = "short" if bare in SHORT and not word.startswith("ال") else "num"
    return _Tok(h.start, end, float(WORD_VALUES[bare]), kind, text=word), end


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
            tok = _digit_tok(ft, h)
            if tok is not None:
                out.append(tok)
                last_end = tok.end
            continue
        tok, end = _word_tok(ft, h)
        if end >= 0:
            last_end = end
        if tok is not None:
            out.append(tok)
    return out


def _joins_plain(prev: list[_Tok], tok: _Tok, gap: str) -> bool:
    """Whether ``tok`` continues the number across a gap of spaces only."""
    last = prev[-1]
    scales = [t.scale.size for t in prev if t.scale]
    smallest = min(scales) if scales else None
    if tok.kind == "scale" and last.kind != "scale" and (smallest is None or tok.value < smallest):
        return True  # 53 مليون، ثلاثة آلاف
    if tok.kind == "scale" and scales and tok.value > max(scales) and gap.strip() == "":
        return True  # 6 آلاف و700 مليار, ألف مليار: a larger scale counts the whole number before it
    if tok.kind == "hund" and tok.value == 100 and not last.digits and last.value < 10:
        return True  # ثلاث مئة
    return tok.text in ("عشر", "عشره") and not last.digits and last.value < 10  # ثلاثة عشر


def _joins(prev: list[_Tok], tok: _Tok, gap: str) -> bool:
    """Whether ``tok`` continues the number made of ``prev`` across ``gap``."""
    if _GAP_PLAIN.match(gap):
        return _joins_plain(prev, tok, gap)
    if not _GAP_WAW.match(gap):
        return False
    last = prev[-1]
    if last.kind == "scale":
        scales = [t.scale.size for t in prev if t.scale]
        return bool(scales) and tok.value < min(scales)  # مليون و40 ألفاً و608
    if last.kind == "hund":
        return tok.value < 100 and tok.kind != "scale"  # ثلاثمائة وخمسون
    # Units before tens: خمسة وعشرون.
    return not last.digits and last.value < 10 and tok.text.removeprefix("ال") in TENS


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
            # «ألفي دولار» is two thousand; after a figure the dual is the scale itself («2.8 ملياري»).
            total += current * t.scale.size if current else t.value
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
    if w.startswith("ال") or w in _STOP or w in WORD_VALUES or w in SCALES or w in MONTHS or w in WEEKDAYS:
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
        elif h.word in ("مره", "المره"):
            times = _ordinal_times(ft, h, taken)
            if times is not None:
                out = [x for x in out if not (times.start <= x.start and x.end <= times.end)]
                out.append(times)
    out.sort(key=lambda s: s.start)
    return out


def _ordinal_times(ft: str, h: Hit, taken: list[tuple[int, int]]) -> NumberSpan | None:
    """«للمرة التاسعة عشرة»: the 19th time is the number 19."""
    m = _ORDINAL_TIMES.match(ft, h.pos)
    if m is None or _inside(m.start(), m.end(), taken):
        return None
    if (m.group("o") == "الحاديه" and not m.group("teen")) or (m.group("teen") and m.group("o") == "العاشره"):
        return None  # الحادية only opens 11th; «العاشرة عشرة» is no ordinal
    value = _ORDINALS[m.group("o")] + (10 if m.group("teen") else 0)
    return NumberSpan("number", m.start(), m.end(), value, "مرة")


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


def _percent(ft: str, g: list[_Tok], value: float) -> NumberSpan | None:
    """A percentage: the number with %, في المئة or بالمئة after it, or % before it (%5)."""
    start, end = g[0].start, g[-1].end
    pm = PERCENT.match(ft, end)
    if pm:
        return NumberSpan("percentage", start, pm.end(), float(_plain(value)))
    if g[0].digits and start > 0 and ft[start - 1] in "%٪" and (start < 2 or not ft[start - 2].isalnum()):
        return NumberSpan("percentage", start - 1, end, float(_plain(value)))  # %5 as some sites write it
    return None


def _no_count(ft: str, g: list[_Tok]) -> bool:
    """A list marker (1.), part of a name (كوفيد-19), a score (فاز 2-1), a clock time (8:30), or an
    ordinal or a name written as a definite number word (مجموعة العشرين) is no count."""
    start, end = g[0].start, g[-1].end
    after_char = ft[end:end + 1]
    if g[0].digits and after_char in (".", ")", "-", "–") and _is_list_marker(ft, start, end):
        return True
    if g[0].digits and start > 1 and ft[start - 1] == "-" and ft[start - 2].isalpha():
        return True
    if len(g) == 1 and g[0].digits and (after_char in ("-", "–", ":") or ft[start - 1:start] in ("-", "–")):
        pair = _SCORE_OR_TIME.match(ft, start) or _SCORE_OR_TIME_END.search(ft, max(0, start - 4), end)
        if pair is not None:
            after = _NEXT_WORD.match(ft, pair.end())
            if ":" in pair.group() or after is None or not _is_unit_word(after.group(1)):
                return True  # 10-15 عاماً is a count
    return len(g) == 1 and g[-1].kind == "num" and g[-1].text.startswith("ال") and g[-1].value >= 20


def _bare_year(ft: str, g: list[_Tok], value: float, unit_word: bool) -> NumberSpan | None:
    """A four-digit number that is a year (في 2010، من 2010 إلى 2015، ميزانية 2026), not a count."""
    t0 = g[0]
    start, end = t0.start, g[-1].end
    if not (len(g) == 1 and t0.digits and t0.text.isdigit() and 1800 <= value <= 2100):
        return None
    k, cue = _word_before(ft, start)
    range_word = cue in _RANGE_WORDS  # من 2010 إلى 2015 تضاعف: a year, whatever follows
    if cue == "من":  # أكثر من 2000
        k, cue = _word_before(ft, k)
    named = _names_a_year(ft, start)
    if (not unit_word or range_word or named) and (t0.year_mark or cue not in _QUANTITY_CUES):
        return NumberSpan("date", start, end + (1 if t0.year_mark else 0), f"{int(value):04d}")
    return None


def _counted(folded: Folded, g: list[_Tok], value: float, nxt: re.Match[str] | None,
             unit_word: bool) -> NumberSpan:
    """A count with the noun it counts (67 عامًا), or the label a number follows (الدقيقة 67)."""
    ft = folded.text
    start, end = g[0].start, g[-1].end
    unit: str | None = None
    if unit_word and nxt is not None:
        unit = _unit(folded, nxt.start(1), nxt.end(1), value)
        end = nxt.end(1)
        half = _HALF.match(ft, end)
        if half:
            value += 0.5 if half.group(1) == "نصف" else 0.25
            end = half.end()
    elif g[0].digits:
        k, ref = _word_before(ft, start)
        if ref in _REF_NOUNS:
            unit = strip_diacritics(folded.original[folded.start(k):folded.end(k + len(ref))])[2:]
            start = k
    return NumberSpan("number", start, end, _plain(value), unit)


def _span_of(folded: Folded, g: list[_Tok]) -> NumberSpan | None:
    ft = folded.text
    if g[-1].kind == "frac" and (len(g) == 1 or g[-2].kind != "scale"):
        g = g[:-1]  # نصف alone is "half of", not a number
        if not g:
            return None
    value = _value(g)
    if value is None:
        return None
    percent = _percent(ft, g, value)
    if percent is not None:
        return percent
    if _no_count(ft, g):
        return None
    start, end = g[0].start, g[-1].end
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
    year = _bare_year(ft, g, value, unit_word)
    if year is not None:
        return year
    return _counted(folded, g, value, nxt, unit_word)


_SPACES = frozenset(" \t\xa0")


def _names_a_year(ft: str, start: int) -> bool:
    """Whether the number at ``start`` follows a noun a year names (ميزانية 2026, كأس العالم 2030).

    Up to two definite words may stand between (رؤية المملكة 2030, دورة الألعاب الأولمبية 2028), or one
    name right before the year (أولمبياد باريس 2024, كأس آسيا 2027).
    """
    k = start
    for n in range(3):
        k, w = _word_before(ft, k)
        if not w:
            return False
        if w in _YEAR_HEADS or (w[:1] in ("و", "ل", "ب", "ف") and w[1:] in _YEAR_HEADS):
            return True
        if not w.startswith("ال") and (n > 0 or w in _STOP):
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
