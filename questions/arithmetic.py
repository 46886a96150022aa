"""Answers a student can work out instead of recalling: a percentage from the two figures a stem shows
(«ارتفع عدد الزوار من 11.2 مليون إلى 13.6 مليون، بنسبة _____»), a count from a total and its share
(«شارك 71.6% من 351,280 ناخباً، أي _____ ناخب»), a count after a change in percent, a difference from
its two ends, a total from its two parts.

``worked_out(q, texts)`` says whether the figures of ``texts`` (a question's own stem, or what other
questions of the same quiz show) give ``q``'s answer by one subtraction, division or percentage.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from itertools import permutations

from questions.answers import number_values
from questions.model import Question
from questions.normalize import fold
from questions.numberwords import WORD_VALUES

_FIGURE = re.compile(r"[\d٠-٩]+(?:[.,٫][\d٠-٩]+)*(?:\s*[%٪]|\s+في\s+الما?ئ[ةه]|\s+بالما?ئ[ةه])?"
                     r"(?:\s+(?:ألف|الف|آلاف|ألفا|ألفاً|مليون|ملايين|مليار|مليارات))?")
_PERCENT_WORDS = re.compile(r"[%٪]|في\s+الما?ئ[ةه]|بالما?ئ[ةه]")
_WORD_POINTS = re.compile(r"(?<!\S)([^\s\d٠-٩]+)\s+(?:نقط[ةه]|نقاط)\s+أساس")
_POINTS = re.compile(r"\s+(?:نقط[ةه]|نقاط)\s+(?:(أساس)|مئوي[ةه])")
# An answer of more words than this is a statement, not a figure.
FIGURE_WORDS = 3
# A move of at most this many points of a percentage is a step a rate is raised or cut by.
POINTS_STEP = 5
# How close a worked-out figure must come to the answer beyond the article's rounding.
RELATIVE_TOLERANCE = 0.01


@lru_cache(maxsize=8192)
def figures(text: str) -> tuple[tuple[float, bool], ...]:
    """The figures written in ``text``, each with whether it is a percentage; years are left out (a
    difference of years is a date question's business, not arithmetic on the story's figures)."""
    out = []
    for m in _FIGURE.finditer(text):
        written = m.group(0)
        values = number_values(written)
        if not values:
            continue
        v = values[0]
        percent = bool(_PERCENT_WORDS.search(written))
        points = _POINTS.match(text, m.end())
        if points:
            # «بواقع 200 نقطة أساس» is 2 points of a percentage, «بنحو 3 نقاط مئوية» is 3
            out.append((v / 100 if points.group(1) else v, True))
            continue
        if not percent and v == int(v) and 1900 <= v <= 2100 and not re.search(r"[^\d٠-٩\s]", fold(written)):
            continue
        out.append((v, percent))
    for m in _WORD_POINTS.finditer(text):  # «بخمسين نقطة أساس»: half a point, written in words
        word = fold(m.group(1))
        count = WORD_VALUES.get(word, WORD_VALUES.get(word[1:], 0)) if word[:1] in "بو" else WORD_VALUES.get(word, 0)
        if count:
            out.append((count / 100, True))
    return tuple(out)


def _close(worked: float, answer: float, unit: float) -> bool:
    """True when ``worked`` rounds to ``answer`` as the article writes it (to ``unit``, its last digit)."""
    return abs(worked - answer) <= max(unit / 2 + 1e-9, RELATIVE_TOLERANCE * abs(answer))


def _unit(written: str) -> float:
    """The value of the last digit of the figure ``written``: 1 for «21%», 0.1 for «12.6%»."""
    m = re.search(r"[\d٠-٩]+(?:[.,٫]([\d٠-٩]+))?", written)
    decimals = len(m.group(1)) if m and m.group(1) and len(m.group(1)) != 3 else 0
    return 10.0 ** -decimals


def _scale(written: str) -> float:
    """What the answer's scale word multiplies its last digit by («312 ألف»: a thousand)."""
    values = number_values(written)
    figure = number_values(re.sub(r"[^\d٠-٩.,٫]", " ", written).split()[0]) if re.search(r"[\d٠-٩]", written) else []
    return values[0] / figure[0] if values and figure and figure[0] else 1.0


def worked_out(q: Question, texts: Iterable[str]) -> bool:
    """True when one step of arithmetic on two figures of ``texts`` gives ``q``'s answer."""
    if q.fact_type not in ("number", "percentage") or len(q.answer.split()) > FIGURE_WORDS:
        return False  # a statement or «صح»: no figure to work out
    return follows(q.answer, q.fact_type == "percentage" or bool(_PERCENT_WORDS.search(q.answer)), texts)


def follows(written: str, percent: bool, texts: Iterable[str]) -> bool:
    """True when one step of arithmetic on two figures of ``texts`` gives the figure ``written`` (a
    percentage when ``percent``)."""
    values = number_values(written)
    if not values or values[0] <= 0:
        return False
    value = values[0]
    unit = _unit(written)
    shown = {f for t in texts for f in figures(t)}
    shown.discard((value, percent))
    if percent and any(pa and 0 < a < 100 and _close(100 - a, value, unit) for a, pa in shown):
        return True  # the rest of a whole («سيطر على الكرة بنسبة 58% مقابل _____ لمنافسه»)
    for (a, pa), (b, pb) in permutations(shown, 2):
        if a <= 0 or b <= 0:
            continue
        if percent and not pa and not pb and (_close(abs(100 * (b - a) / a), value, unit) or _close(100 * a / b, value, unit)):
            return True  # a change or a share in percent, from two counts
        if not percent and pa and not pb and _close(a * b / 100, value, unit * _scale(written)):
            return True  # a count from a total and its share
        if not percent and pa and not pb and any(_close(b * (1 + sign * a / 100), value, max(unit * _scale(written),
                                                                                          RELATIVE_TOLERANCE * value))
                                                 for sign in (1, -1)):
            return True  # a count after a change in percent («6420 حالة، بتقليص نسبته 38%»)
        if pa == pb == percent and _close(abs(a - b), value, unit * _scale(written)) and value < max(a, b):
            return True  # a difference from its two ends
        if not percent and not pa and not pb and _close(a + b, value, unit * _scale(written)) and a < b:
            return True  # a total from its two parts («منهم 305 عارضين مباشرين و463 غير مباشر»)
        if percent and pa and pb and a <= POINTS_STEP < b and _close(a + b, value, unit):
            return True  # a rate before a cut of a few points («بواقع 200 نقطة أساس ... من _____ إلى 18%»)
    return False
