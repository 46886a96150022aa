"""How a figure changed: up or down, from what to what or by how much («ما التغير الذي طرأ على ...؟»)."""

from __future__ import annotations

from questions.build import key, shuffled
from questions.changes import Change, change_id, find_change
from questions.context import Context
from questions.kinds.base import Candidate, Kind
from questions.model import Fact, Question
from questions.options import number_view, spaced_numbers
from questions.stems import Stems


def _value(f: Fact | None) -> str | None:
    view = number_view(f) if f is not None else None
    return view.answer if view is not None else None


def _wrong_value(f: Fact) -> str | None:
    view = number_view(f)
    if view is None:
        return None
    near = spaced_numbers(view.value, decimals=view.decimals, percent=view.percent)
    return view.render(near[0]) if near else None


def _other_wrong_value(f: Fact, first: str) -> str | None:
    view = number_view(f)
    if view is None:
        return None
    for v in spaced_numbers(view.value, decimals=view.decimals, percent=view.percent)[1:]:
        if view.render(v) != first:
            return view.render(v)
    return None


def phrases(ch: Change) -> tuple[str, list[str]] | None:
    """The right description of the change and three wrong ones, written alike."""
    before, after, by = _value(ch.before), _value(ch.after), _value(ch.by)
    if before and after and ch.after is not None:
        wrong_after = _wrong_value(ch.after)
        if wrong_after is None or wrong_after == before:
            return None
        other = _other_wrong_value(ch.after, wrong_after)
        if other is None or other == before:
            return None
        right = f"{ch.noun} من {before} إلى {after}"
        return right, [f"{ch.opposite} من {after} إلى {before}", f"{ch.noun} من {before} إلى {wrong_after}",
                       f"{ch.noun} من {before} إلى {other}"]
    if by and ch.by is not None:
        wrong = _wrong_value(ch.by)
        if wrong is None:
            return None
        return f"{ch.noun} بنسبة {by}" if "%" in by or "٪" in by else f"{ch.noun} بمقدار {by}", [
            f"{ch.opposite} بنسبة {by}" if "%" in by or "٪" in by else f"{ch.opposite} بمقدار {by}",
            f"{ch.noun} بنسبة {wrong}" if "%" in wrong or "٪" in wrong else f"{ch.noun} بمقدار {wrong}",
            f"{ch.opposite} بنسبة {wrong}" if "%" in wrong or "٪" in wrong else f"{ch.opposite} بمقدار {wrong}"]
    if after and ch.after is not None:
        wrong_after = _wrong_value(ch.after)
        if wrong_after is None:
            return None
        return f"{ch.noun} إلى {after}", [f"{ch.opposite} إلى {after}", f"{ch.noun} إلى {wrong_after}",
                                          f"{ch.opposite} إلى {wrong_after}"]
    return None


def build(ctx: Context, st: Stems, salience: float) -> Candidate | None:
    """A question on the direction and size of a change the article reports in numbers."""
    ch = find_change(ctx, st.fi)
    if ch is None:
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
