"""How a typed answer compares with an expected one, the Arabic-aware way.

Text answers match after folding (diacritics, tatweel, alef forms, ى/ي, ة/ه, digits) and with an
optional leading ال/و/ب (and their combinations) on each word. Prefixes are compared as variants,
never stripped blindly: «ولايات» keeps its و and still matches «الولايات» because both can read as
«ولايات». Numbers compare by value («40.27» = «٤٠٫٢٧» = «40,27»).
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

from questions import lists
from questions.normalize import fold, tokens

MAX_RESPONSE_CHARS = 2000
MAX_ITEMS = 200

# Optional proclitics a student may add or leave off; longest first so وال is tried before و.
_PREFIXES = ("وبال", "وال", "بال", "فال", "كال", "لل", "ال", "وب", "و", "ب")

_NUMBER = re.compile(r"\d+(?:[.,،٫ر]\d+)*")
_SCALES = {"الف": 1e3, "الاف": 1e3, "مليون": 1e6, "ملايين": 1e6, "مليار": 1e9, "مليارات": 1e9}
_WORD_NUMBERS = {
    "صفر": 0, "واحد": 1, "واحده": 1, "اثنان": 2, "اثنين": 2, "اثنتان": 2, "ثلاثه": 3, "ثلاث": 3,
    "اربعه": 4, "اربع": 4, "خمسه": 5, "خمس": 5, "سته": 6, "ست": 6, "سبعه": 7, "سبع": 7,
    "ثمانيه": 8, "ثماني": 8, "ثمان": 8, "تسعه": 9, "تسع": 9, "عشره": 10, "عشر": 10,
    "عشرون": 20, "عشرين": 20, "مئه": 100, "مائه": 100, "الف": 1000,
}


def dual_of(token: str) -> str | None:
    """The counted noun a folded token is the dual of («هدفين» -> «هدف», «مرتين» -> «مره»), or None."""
    nouns = lists.folded("generation/counted_nouns")
    for ending in ("ين", "ان"):
        if token.endswith(ending) and len(token) > len(ending) + 1:
            stem = token[: -len(ending)]
            if stem in nouns:
                return stem
            if stem.endswith("ت") and stem[:-1] + "ه" in nouns:
                return stem[:-1] + "ه"
    return None


def _variants(token: str) -> set[str]:
    """Every reading of a folded token with or without one optional leading proclitic."""
    out = {token}
    for p in _PREFIXES:
        if token.startswith(p) and len(token) - len(p) >= 3:
            out.add(token[len(p):])
    return out


def text_matches(response: str, target: str) -> bool:
    """True when ``response`` reads as ``target`` under Arabic-aware folding and optional prefixes."""
    a, b = tokens(response), tokens(target)
    if not a or not b:
        return False
    if len(a) == len(b) and all(_variants(x) & _variants(y) for x, y in zip(a, b)):
        return True
    # Spacing differs in compound names (عبد اللطيف / عبداللطيف, نصر الله / نصرالله).
    return "".join(a) == "".join(b)


def scale_of(s: str) -> float:
    """The scale a scale word in ``s`` gives its number (ألف 1000, مليون, مليار), 1 without one."""
    scale = 1.0
    for t in tokens(s):
        for v in _variants(t):
            if v in _SCALES:
                scale = _SCALES[v]
    return scale


def _decimal(int_part: str, frac: str) -> float:
    return float(f"{int_part}.{frac}")


def number_values(s: str) -> list[float]:
    """Readings of the single number written in ``s``; empty when there is none or several (see
    ``_number_values``, which a bank asks of the same stems and options many times over)."""
    return list(_number_values(s))


@lru_cache(maxsize=65536)
def _number_values(s: str) -> list[float]:
    """Readings of the single number written in ``s``; empty when there is none or several.

    Accepts ASCII, Arabic-Indic and Persian digits; «٫» «،» «,» «.» as decimal marks (a comma
    followed by groups of exactly three digits is a thousands separator); the news-agency «ر» mark
    read both ways (fraction first as in «5ر1» = 1.5, and as typed left to right); scale words
    (ألف، مليون، مليار) and the number words one to ten.
    """
    f = fold(s).replace("٬", ",").replace("٪", "%")
    found = _NUMBER.findall(f)
    scale = 1.0
    for t in tokens(f):
        for v in _variants(t):
            if v in _SCALES:
                scale = _SCALES[v]
    if not found:
        words = [w for t in tokens(f) for w in _variants(t) if w in _WORD_NUMBERS]
        if len(words) == 1:
            return [float(_WORD_NUMBERS[words[0]])]
        duals = [t for t in tokens(f) if any(dual_of(v) for v in _variants(t))]
        return [2.0] if len(duals) == 1 and len(tokens(f)) <= 2 else []
    if len(found) != 1:
        return []
    num = found[0]
    values: list[float] = []
    if "ر" in num:
        parts = num.split("ر")
        if len(parts) != 2:
            return []
        values = [_decimal(parts[1], parts[0]), _decimal(parts[0], parts[1])]
    elif re.fullmatch(r"\d{1,3}(?:,\d{3})+", num):
        values = [float(num.replace(",", ""))]
    else:
        parts = re.split(r"[.,،٫]", num)
        if len(parts) > 2:
            return []
        values = [_decimal(parts[0], parts[1])] if len(parts) == 2 else [float(parts[0])]
    if scale != 1.0:
        values += [v * scale for v in values]
    return [v for v in values if math.isfinite(v)]


def _contains_tokens(hay: list[str], needle: list[str]) -> bool:
    n = len(needle)
    if n == 0 or n > len(hay):
        return False
    return any(hay[i:i + n] == needle for i in range(len(hay) - n + 1))


_PROCLITICS = ("وبال", "وال", "بال", "فال", "كال", "لل", "ال", "و", "ب", "ل", "ف", "ك")


def _strip_one(tok: str, keep: int) -> str:
    for p in _PROCLITICS:
        rest = tok[len(p):]
        if tok.startswith(p) and (len(rest) >= keep or rest.isdigit()):
            return rest  # «و9 مارس»: a number keeps no proclitic however short
    return tok


@lru_cache(maxsize=16384)
def _strip_clitic(tok: str) -> str:
    """``tok`` without its leading proclitics, stripped the same way whatever was glued before: «فرنسا»
    loses its ف like «وفرنسا» loses و and ف, so the two still match."""
    once = _strip_one(tok, 2)
    return _strip_one(once, 3) if once != tok else once


@lru_cache(maxsize=4096)
@lru_cache(maxsize=65536)
def clitic_tokens(s: str) -> tuple[str, ...]:
    """The folded tokens of ``s``, each without a leading proclitic (و، ب، ل، ال...)."""
    return tuple(_strip_clitic(t) for t in tokens(s))


def shows_answer(prompt: str, answer: str) -> bool:
    """True when ``answer`` (as words, or as a number) shows in ``prompt``."""
    ans = list(clitic_tokens(answer))
    if not ans:
        return False
    hay = list(clitic_tokens(prompt))
    if _contains_tokens(hay, ans):
        return True
    vals = number_values(answer)
    if vals and re.search(r"\d", fold(answer)):
        target = vals[0]
        folded = fold(prompt)
        for m in re.finditer(r"\d+(?:[.,،٫ر]\d+)*", folded):
            got = number_values(m.group(0))
            if got and any(abs(g - target) < 1e-9 for g in got):
                return True
        return any(abs(v - target) < 1e-6 for v in scaled_figures(folded))
    return False


# A figure, its scale word (with the accusative alif: «ألفاً») and an added part: «466 الفا و68».
_SCALE_NAMES = "|".join(sorted(_SCALES, key=len, reverse=True))
_SCALED = re.compile(r"(\d+(?:[.,]\d+)?)\s*(" + _SCALE_NAMES + r")ا?(?:\s*و\s*(\d+)(?![\d.,])(?!\s*(?:" + _SCALE_NAMES + r")))?")


def scaled_figures(folded: str) -> list[float]:
    """The values of the figures a folded text writes with a scale word, whole and in two parts
    («466 الفا و68» = 466068, «1.2 مليون» = 1200000)."""
    out = []
    for m in _SCALED.finditer(folded):
        head = float(m.group(1).replace(",", "."))
        out.append(head * _SCALES[m.group(2)] + (float(m.group(3)) if m.group(3) else 0.0))
    return out
