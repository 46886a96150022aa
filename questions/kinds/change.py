"""How a figure changed: up or down, from what to what or by how much («ما التغير الذي طرأ على ...؟»)."""

from __future__ import annotations

import math
from collections.abc import Sequence

from questions import lists
from questions.answers import number_values
from questions.build import key, shuffled
from questions.changes import (Change, article_changes, change_facts, change_id, find_change, goes_its_way, rising,
                               series_goes_on)
from questions.context import Context
from questions.datepatterns import MONTHS, WEEKDAYS
from questions.kinds.base import Candidate, Kind
from questions.model import Fact, Question
from questions.normalize import fold
from questions.options import (NumberView, agreeing_scale, counted, counted_alike, nice_step, number_view,
                               spaced_numbers)
from questions.realize import is_verb, words_of
from questions.stems import Stems


def _value(f: Fact | None) -> str | None:
    """The value as the options write it: in figures, like the wrong values beside it («5» for «خمسة»)."""
    view = number_view(f) if f is not None else None
    if view is None:
        return None
    return view.render(view.value) if view.spelled else view.answer


def _wrong_values(f: Fact, beyond: float | None, up: bool) -> list[str]:
    """Values near ``f``'s, written alike, on the same side of ``beyond`` as the change goes (a rise
    from 70 never offers «إلى 68»)."""
    view = number_view(f)
    if view is None:
        return []
    out = []
    year_like = not view.thousands and not view.unit_kept and not f.unit  # «1742 مركزاً» is no year
    values = spaced_numbers(view.value, decimals=view.decimals, percent=view.percent, year_like=year_like)
    if beyond is not None:
        values = _near_the_change(view.value, beyond, view.decimals, view.percent) + values
    for v in values:
        if beyond is not None and (v <= beyond if up else v >= beyond):
            continue
        text = view.render(v)
        if view.scale and text.endswith(view.scale):
            # «إلى 335 مليون» beside «إلى 310 ملايين»: each count takes its own form of the scale word
            text = text[:-len(view.scale)].rstrip() + agreeing_scale(f" {view.scale}", v)
        if text != view.answer and text not in out:
            out.append(text)
    return out


def _near_the_change(v: float, start: float, decimals: int, percent: bool) -> list[float]:
    """Ends a reader may mix up with ``v`` for a change from ``start``: steps of about half the change, so
    that a fall from 94% to 87% offers 90% and 84%, not 57%, and a rise from 9 to 9.8 million 10.3 million,
    not 12.8."""
    step = nice_step(abs(v - start) / 2)
    step = max(step, 10.0 ** -decimals) if decimals else max(1.0, float(math.floor(step + 0.5)))
    out = []
    for k in (1, -1, 2, -2, 3, -3, 4):
        c = round(v + k * step, decimals)
        if c > 0 and not (percent and c >= 100) and c != v:
            out.append(c)
    return out


def _siblings(ch: Change, others: Sequence[Change], value: str) -> list[str]:
    """The values other changes of the article went by (``value`` = "by") or to ("after"), the same way
    and in the same unit, those of ``ch``'s sentence first: a reader who mixed them up picks one."""
    mine = getattr(ch, value)
    out: list[str] = []
    near = sorted(others, key=lambda o: (getattr(o, value) is None or mine is None
                                         or getattr(o, value).sentence != mine.sentence))
    for o in near:
        f = getattr(o, value)
        if f is None or mine is None or rising(o) != rising(ch) or f.type != mine.type \
                or (f.unit or None) != (mine.unit or None) or (value == "after" and o.before is not None):
            continue
        v = _value(f)
        if v is not None and v != _value(mine) and v not in out:
            out.append(v)
    return out


def phrases(ch: Change, others: Sequence[Change] = ()) -> tuple[str, list[str]] | None:
    """The right description of the change and three wrong ones, written alike and going the same way:
    the story tells its direction (a record peak, a falling coverage), so an option going the other way
    is the one a reader rules out first; the question asks how far."""
    before, after, by = _value(ch.before), _value(ch.after), _value(ch.by)
    up = rising(ch)
    if before and after and ch.after is not None and ch.before is not None:
        start, end = number_view(ch.before), number_view(ch.after)
        if start is None or end is None or start.scale_factor != end.scale_factor:
            return None  # «من 18 ألف إلى 27500»: two ends written two ways read as a slip (not «مليار» and «مليارات»)
        wrong = _wrong_values(ch.after, start.value, up)  # both ends are written in one scale
        if len(wrong) < 3:
            return None
        # «ارتفاع من 180 مليون إلى 310 ملايين دولار»: an amount's currency once, after the second end (a
        # count's noun would have to agree with each wrong end)
        unit = _unit_of(ch.after, end) if end.scale else ""
        if unit and fold(unit.split()[0]) not in lists.folded("generation/currencies"):
            unit = ""  # «مليار متر» for «مليار متر مكعب», «مليون مشاهد»: only a currency reads whole
        return f"{ch.noun} من {before} إلى {after}{unit}", [f"{ch.noun} من {before} إلى {w}{unit}" for w in wrong[:3]]
    for value, fact, how_of in (("by", ch.by, by), ("after", ch.after, after)):
        if not how_of or fact is None:
            continue
        if value == "after" and fact.type != "percentage":
            return None  # «ارتفعت الحصيلة إلى أربعة قتلى»: a count reached, with nothing it rose from, is no change to describe
        how = ("بنسبة" if "%" in how_of or "٪" in how_of else "بمقدار") if value == "by" else "إلى"
        same = list(dict.fromkeys(_siblings(ch, others, value) + _wrong_values(fact, None, up)))
        view = number_view(fact)
        unit = _unit_of(fact, view)  # «تراجع بمقدار 35 سنتيما», not «تراجع بمقدار 35»: the option stands alone
        if unit and view is not None:  # each wrong count agrees with that noun as the right one does
            same = [w for w in same if (found := number_values(w)) and found[0] == int(found[0]) and
                    counted_alike(int(found[0]), int(view.value), bool(view.scale))]
        return (f"{ch.noun} {how} {how_of}{unit}", [f"{ch.noun} {how} {w}{unit}" for w in same[:3]]) \
            if len(same) >= 3 else None
    return None


def _unit_of(f: Fact, view: NumberView | None) -> str:
    """The noun a counted figure's answer leaves out (« سنتيما» of «35 سنتيما»), with a space; "" for a
    percentage, a figure counting nothing, or one whose answer keeps it."""
    if view is None or view.percent or view.spelled:
        return ""
    unit = counted(f, view)
    return unit.removeprefix(f" {view.scale}") if view.scale else unit


def a_noun_phrase(subject: str) -> bool:
    """True when what changed reads as a noun phrase after «طرأ على»: not a clause opening on a verb («ويقدر
    الإنتاج الوطني بنحو»), nor one ending on a word that needs what follows."""
    words = subject.split()
    if not words:
        return False
    first = fold(words[0]).strip("«»،,")
    first = first[1:] if first[:1] == "و" and len(first) > 3 else first
    if is_verb(words_of(first)[0]) or is_verb(words_of(words[0])[0]) or (first.startswith("ي") and len(first) >= 4):
        return False  # «ويقدر الإنتاج ...»: a clause, not what changed
    if first in ("يوم", "خلال", "منذ", "مطلع", "نهايه", "امس", "اليوم", "غدا", "مساء", "صباح") or first in WEEKDAYS \
            or first in MONTHS:
        return False  # «يوم الأحد»: when it changed, not what
    if first in lists.folded("generation/realize_prepositions"):
        return False  # «بين القطاعات الرئيسية»: where it changed, with what changed left out
    if first in ("كان", "كانت") or "قد" in (fold(w) for w in words):
        return False  # «وكان حجم التبادل قد»: the clause of a change told in the pluperfect
    last = fold(words[-1]).strip("«»،,")
    # «... إجمالي إنفاق الزوار بنحو»: what it came to was cut
    return last not in lists.folded("generation/realize_approximations") and \
        last.removeprefix("ب") not in lists.folded("generation/realize_approximations")


def forecast(ctx: Context, fi: int) -> bool:
    """True when the figure's sentence forecasts it («يتوقع ارتفاع الموج إلى 2.5 متر»): nothing changed yet."""
    sent = ctx.sentence_of(fi)
    before = fold(sent.text[:ctx.facts[fi].start - sent.start]).split()
    if any(w == "قد" and n[:1] in "يت" for w, n in zip(before, before[1:])):
        return True  # «قد يدفع البنك إلى خفض الفائدة»: what may happen
    return bool({w.removeprefix("و") for w in before} & lists.folded("generation/forecast_words"))


def build(ctx: Context, st: Stems, salience: float) -> Candidate | None:
    """A question on the direction and size of a change the article reports in numbers."""
    ch = find_change(ctx, st.fi)
    if ch is None or forecast(ctx, st.fi) or not a_noun_phrase(ch.subject) or series_goes_on(ctx, ch) or \
            not goes_its_way(ch):
        return None
    made = phrases(ch, [o for o in article_changes(ctx) if change_id(o) != change_id(ch)])
    if made is None:
        return None
    right, wrong = made
    k = key(ctx, "change", st.fid, ch.subject, right)
    prompt = (f"ما الهدف الذي يذكره المقال بشأن {ch.subject}؟" if ch.goal
              else f"ما التغير الذي طرأ على {ch.subject} بحسب المقال؟")
    q = Question(key=k, kind="change", fact_type=st.fact.type, prompt=prompt, answer=right,
                 choices=shuffled(ctx, k, right, wrong), source=st.source, difficulty=2, fact=st.fid)
    return Candidate(q, (change_id(ch), st.fid, *change_facts(ch)), salience, 0.8)


KIND = Kind(name="change", label="التغير", shape="choice", comprehension=True, for_fact=build)
