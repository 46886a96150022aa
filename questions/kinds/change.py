"""How a figure changed: up or down, from what to what or by how much («ما التغير الذي طرأ على ...؟»)."""

from __future__ import annotations

from questions import lists
from questions.build import key, shuffled
from questions.changes import Change, change_id, find_change
from questions.context import Context
from questions.kinds.base import Candidate, Kind
from questions.model import Fact, Question
from questions.normalize import fold
from questions.options import number_view, spaced_numbers
from questions.stems import Stems


def _value(f: Fact | None) -> str | None:
    view = number_view(f) if f is not None else None
    return view.answer if view is not None else None


def _wrong_values(f: Fact, beyond: float | None, rising: bool) -> list[str]:
    """Values near ``f``'s, written alike, on the same side of ``beyond`` as the change goes (a rise
    from 70 never offers «إلى 68»)."""
    view = number_view(f)
    if view is None:
        return []
    out = []
    for v in spaced_numbers(view.value, decimals=view.decimals, percent=view.percent):
        if beyond is not None and (v <= beyond if rising else v >= beyond):
            continue
        text = view.render(v)
        if text != view.answer and text not in out:
            out.append(text)
    return out


def phrases(ch: Change) -> tuple[str, list[str]] | None:
    """The right description of the change and three wrong ones, written alike."""
    before, after, by = _value(ch.before), _value(ch.after), _value(ch.by)
    rising = ch.noun != ch.opposite and ch.noun in ("ارتفاع", "زيادة", "نمو", "صعود", "قفزة", "رفع")
    if before and after and ch.after is not None and ch.before is not None:
        start = number_view(ch.before)
        wrong = _wrong_values(ch.after, start.value if start is not None and not start.scale else None, rising)
        if len(wrong) < 2:
            return None
        right = f"{ch.noun} من {before} إلى {after}"
        return right, [f"{ch.opposite} من {after} إلى {before}", f"{ch.noun} من {before} إلى {wrong[0]}",
                       f"{ch.noun} من {before} إلى {wrong[1]}"]
    if by and ch.by is not None:
        wrong = _wrong_values(ch.by, None, rising)
        if not wrong:
            return None
        how = "بنسبة" if "%" in by or "٪" in by else "بمقدار"
        return f"{ch.noun} {how} {by}", [f"{ch.opposite} {how} {by}", f"{ch.noun} {how} {wrong[0]}",
                                         f"{ch.opposite} {how} {wrong[0]}"]
    if after and ch.after is not None:
        wrong = _wrong_values(ch.after, None, rising)
        if not wrong:
            return None
        return f"{ch.noun} إلى {after}", [f"{ch.opposite} إلى {after}", f"{ch.noun} إلى {wrong[0]}",
                                          f"{ch.opposite} إلى {wrong[0]}"]
    return None


def forecast(ctx: Context, fi: int) -> bool:
    """True when the figure's sentence forecasts it («يتوقع ارتفاع الموج إلى 2.5 متر»): nothing changed yet."""
    sent = ctx.sentence_of(fi)
    before = fold(sent.text[:ctx.facts[fi].start - sent.start]).split()
    return bool({w.removeprefix("و") for w in before} & lists.folded("generation/forecast_words"))


def build(ctx: Context, st: Stems, salience: float) -> Candidate | None:
    """A question on the direction and size of a change the article reports in numbers."""
    ch = find_change(ctx, st.fi)
    if ch is None or forecast(ctx, st.fi):
        return None
    made = phrases(ch)
    if made is None:
        return None
    right, wrong = made
    k = key(ctx, "change", st.fid, ch.subject, right)
    prompt = (f"ما الهدف الذي يذكره المقال بشأن {ch.subject}؟" if ch.goal
              else f"ما التغير الذي طرأ على {ch.subject} بحسب المقال؟")
    q = Question(key=k, kind="change", fact_type=st.fact.type, prompt=prompt, answer=right,
                 choices=shuffled(ctx, k, right, wrong), source=st.source, difficulty=2, fact=st.fid)
    return Candidate(q, (change_id(ch), st.fid), salience, 0.8)


KIND = Kind(name="change", label="التغير", shape="choice", comprehension=True, for_fact=build)
