"""By how much a figure changed, worked out from the two values the article gives («من 11.8% إلى 12.5%»), or
how far apart two groups' shares are («73.1% لدى الإناث مقابل 65.8% لدى الذكور»): the answer is not written
anywhere in the article."""

from __future__ import annotations

from questions.build import key, shuffled
from questions.changes import change_facts, change_id, find_change, goes_its_way, series_goes_on
from questions.context import Context, fact_id
from questions.distractors import format_number
from questions.gaps import find_gap
from questions.kinds.base import Candidate, Kind
from questions.kinds.change import a_noun_phrase, forecast
from questions.model import Question
from questions.normalize import fold
from questions.options import (NumberView, agreeing_scale, counted, counted_alike, number_view, singular_unit,
                               spaced_numbers)
from questions.stems import Stems


def points(v: float) -> str:
    """«نقطة مئوية» counted by ``v`` as Arabic counts: «8 نقاط مئوية», «12 نقطة مئوية», «0.7 نقطة مئوية»."""
    return " نقاط مئوية" if v == int(v) and 3 <= v <= 10 else " نقطة مئوية"


# The next scale word down, singular and plural, for a difference below one of the article's scale
# («0.06 مليار دينار» is written «60 مليون دينار»).
_SMALLER = {"مليار": ("مليون", "ملايين"), "مليارات": ("مليون", "ملايين"), "مليون": ("ألف", "آلاف"),
            "ملايين": ("ألف", "آلاف")}


def smaller_scale(scale: str, v: float) -> str | None:
    """The scale word below ``scale`` as it counts ``v`` («مليون», «ملايين» after 3 to 10), or None."""
    found = next((pair for k, pair in _SMALLER.items() if fold(k) == fold(scale)), None)
    if found is None:
        return None
    return found[1] if v == int(v) and 3 <= v <= 10 else found[0]


def build(ctx: Context, st: Stems, salience: float) -> Candidate | None:
    """The gap between a figure's two values: before and after a change, or of two groups."""
    return _of_a_change(ctx, st, salience) or _of_two_groups(ctx, st, salience)


def _of_a_change(ctx: Context, st: Stems, salience: float) -> Candidate | None:
    """«ما مقدار الارتفاع في معدل التضخم بحسب المقال؟» for a change given from one value to another."""
    ch = find_change(ctx, st.fi)
    if ch is None or ch.goal or ch.before is None or ch.after is None or st.fact is not ch.after or \
            forecast(ctx, st.fi) or not a_noun_phrase(ch.subject) or series_goes_on(ctx, ch) or not goes_its_way(ch):
        return None  # «قد يدفع البنك إلى خفض سعر الفائدة من 2.25 إلى 2 في المئة»: nothing was cut yet
    a, b = number_view(ch.before), number_view(ch.after)
    if a is None or b is None or a.percent != b.percent:
        return None
    decimals = max(a.decimals, b.decimals)
    diff = round(abs(b.value - a.value), decimals)
    if diff <= 0:
        return None
    if a.scale_factor != b.scale_factor:
        return None  # «70 ألفاً» against «1.2 مليون»: subtracting the figures would mislead
    view = b if b.decimals >= a.decimals else a
    unit = " نقطة مئوية" if a.percent else counted(ch.after, b, ctx.text)
    if b.scale and diff < 1:
        smaller = smaller_scale(b.scale, round(diff * 1000, max(0, decimals - 3)))
        if smaller is None:
            return None
        diff, decimals = round(diff * 1000, max(0, decimals - 3)), max(0, decimals - 3)
        unit = unit.replace(b.scale, smaller, 1)
    if unit.strip() and not a.percent and not b.scale and not decimals and \
            not counted_alike(int(diff), int(b.value), False):
        return None  # «6 عداء» for «17 عداء»: the noun the article counts with would not agree
    options = _options(diff, decimals, a.percent, unit, view, (a.value, b.value))
    if options is None:
        return None
    right, wrong = options
    noun = "ال" + ch.noun
    k = key(ctx, "comparison", st.fid, ch.subject, right)
    q = Question(key=k, kind="comparison", fact_type=st.fact.type,
                 prompt=f"ما مقدار {noun} في {ch.subject} بحسب المقال؟", answer=right,
                 choices=shuffled(ctx, k, right, wrong), source=st.source, difficulty=3, fact=f"comparison:{k}")
    return Candidate(q, (change_id(ch), st.fid, *change_facts(ch)), salience, 0.75)


def _of_two_groups(ctx: Context, st: Stems, salience: float) -> Candidate | None:
    """«ما الفرق بين نسبة النجاح لدى الإناث ونسبة النجاح لدى الذكور بحسب المقال؟» for two groups' shares
    set against each other (``questions.gaps``), asked on the second."""
    gap = find_gap(ctx, st.fi)
    if gap is None or st.fact is not gap.second:
        return None
    a, b = number_view(gap.first), number_view(gap.second)
    if a is None or b is None or not (a.percent and b.percent):
        return None
    decimals = max(a.decimals, b.decimals)
    diff = round(abs(b.value - a.value), decimals)
    if diff <= 0:
        return None
    options = _options(diff, decimals, True, " نقطة مئوية", b if b.decimals >= a.decimals else a, (a.value, b.value))
    if options is None:
        return None
    right, wrong = options
    k = key(ctx, "comparison", st.fid, gap.measure, right)
    q = Question(key=k, kind="comparison", fact_type=st.fact.type,
                 prompt=f"ما الفرق بين {gap.measure} {gap.first_group} و{gap.measure} {gap.second_group} بحسب المقال؟",
                 answer=right, choices=shuffled(ctx, k, right, wrong), source=st.source, difficulty=3,
                 fact=f"comparison:{k}")
    return Candidate(q, (f"gap:{fold(gap.measure)}", st.fid, fact_id(gap.first), fact_id(gap.second)), salience, 0.75)


def _options(diff: float, decimals: int, percent: bool, unit: str, view: NumberView,
             shown: tuple[float, float]) -> tuple[str, list[str]] | None:
    """The difference ``diff`` as the right option and three others a reader can tell apart, all written
    alike, none of them one of the two figures ``shown`` in the article; None when three do not come."""
    spaced = spaced_numbers(diff, decimals=decimals, percent=False)
    if decimals and all(v == int(v) for v in (diff, *[c for c in spaced if c not in (diff, *shown)][:3])):
        decimals = 0  # «1.0 نقطة مئوية» beside «3.0 نقاط مئوية» from «14.9%» and «13.9%»: whole points

    def show(v: float) -> str:
        if percent and v == 1 and not decimals:
            return "نقطة مئوية واحدة"  # one is said after its noun, not «1 نقطة مئوية»
        if percent and v == 2 and not decimals:
            return "نقطتان مئويتان"  # two is said in the dual, not «2 نقطة مئوية»
        if not percent and v != int(v):
            return format_number(v, decimals, view.arabic) + singular_unit(agreeing_scale(unit, v))  # «1.1 دينار»
        return format_number(v, decimals, view.arabic) + (points(v) if percent else agreeing_scale(unit, v))

    right = show(diff)
    wrong: list[str] = []
    for c in spaced:
        s = show(c)
        if s != right and s not in wrong and s not in (show(shown[0]), show(shown[1])):
            wrong.append(s)
        if len(wrong) == 3:
            return right, wrong
    return None


KIND = Kind(name="comparison", label="مقارنة", shape="choice", comprehension=True, for_fact=build)
