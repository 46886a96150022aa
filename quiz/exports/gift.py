"""GIFT export (Moodle's plain-text question format), one question per paragraph.

Shape (``questions.kinds``) -> GIFT: choice ``{=right ~wrong ...}``; true_false ``{TRUE}``/``{FALSE}``;
text ``{=answer =spelling ...}`` with every spelling Fahim accepts (``quiz.exports.typed``); a typed
answer Fahim compares by value ``{#value:tolerance}`` (GIFT has no units: a student who types the
«%» is asked to remove it); matching ``{=left -> right ...}`` (unpaired right-hand choices as
``= -> extra`` distractors); ordering as matching of each item to its position. A prompt holding a
blank takes GIFT's missing-word form, the answer block standing where the blank was (a number's
«%» after it). Each question carries its source sentence as general feedback (``####``).

Escaping, in two layers. Texts Moodle shows as HTML (the question, its feedback, the options of a
choice, the left side of a pair) are marked ``[html]``, wrapped in ``dir="rtl"`` and have & < >
written as entities, so «حزب <الوطني>» is shown, not read as a tag. Texts Moodle compares with
what a student types (short answers) stay literal; only "*", Moodle's short-answer wildcard, is
escaped there. Then GIFT's own special characters ~ = # { } : and the backslash are escaped with a
backslash and line breaks written as ``\\n`` -- the same rules Moodle's own GIFT writer follows.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from questions.kinds import shape
from questions.model import Bank, Question
from quiz.exports.common import (
    banks_of,
    format_number,
    is_true,
    matching_extras,
    one_line,
    ordering_shown,
    split_blank,
    title_of,
    typed_literal,
)
from quiz.exports.typed import number_answer, text_alternatives

_SPECIAL = str.maketrans({"\\": "\\\\", "~": "\\~", "=": "\\=", "#": "\\#", "{": "\\{", "}": "\\}",
                          ":": "\\:", "\n": "\\n", "\r": ""})


def escape_gift(text: str) -> str:
    """Escape GIFT's special characters (~ = # { } : and backslash) and line breaks."""
    return text.translate(_SPECIAL)


def html_gift(text: str) -> str:
    """Escape a text Moodle shows as HTML: & < > as entities, then GIFT's special characters."""
    return escape_gift(escape(text, False))


def _rtl(html_text: str) -> str:
    return escape_gift('<div dir="rtl">') + html_text + escape_gift("</div>")


def _no_arrow(text: str) -> str:
    # GIFT has no escape for "->": it cuts a pair at the first one, and a short answer holding
    # one is read as a matching question. Break the arrow apart.
    return text.replace("->", "- >")


def _name(q: Question) -> str:
    return "::" + escape_gift(q.key) + "::"


def _feedback(q: Question) -> str:
    return "####[html]" + _rtl(html_gift(one_line(q.source.text))) if q.source.text else ""


def _short_block(answers: Iterable[str]) -> str:
    seen: list[str] = []
    for a in answers:
        if a and a not in seen:
            seen.append(a)
    return " ".join("=" + escape_gift(typed_literal(_no_arrow(a))) for a in seen)


def _pairs_block(pairs: Iterable[tuple[str, str]], extras: Iterable[str]) -> str:
    # The left side is shown as HTML; the right side is a plain label in a drop-down menu.
    rows = [f"={html_gift(_no_arrow(left))} -> {escape_gift(right)}" for left, right in pairs]
    rows += [f"= -> {escape_gift(extra)}" for extra in extras]
    return " ".join(rows)


def _typed_block(q: Question) -> tuple[str, str, str]:
    """Return the answer block of a typed question, and the text to set before and after it."""
    number = number_answer(q)
    if number is None:
        return _short_block(text_alternatives(q)), "", ""
    return "#" + format_number(number.value) + ":" + format_number(number.tolerance), number.before, number.after


def _choice_block(q: Question) -> str:
    return " ".join(("=" if c == q.answer else "~") + html_gift(c) for c in q.choices)


def _ordering_block(q: Question) -> str:
    position = {item: str(i) for i, item in enumerate(q.items, 1)}
    shown = [i for i in ordering_shown(q) if i in position] or list(q.items)
    return _pairs_block(((item, position[item]) for item in shown), ())


def question_gift(q: Question) -> str:
    """Return one question in GIFT, in the form its shape calls for (UnknownKind for an unknown kind)."""
    s = shape(q)
    fb = _feedback(q)
    blank = split_blank(q.prompt) if s in ("choice", "text", "numeric") else None
    if blank is not None:
        # Missing-word form: Moodle puts "_____" where the braces were (the text goes on after
        # them, at least with the closing </div>).
        inner, lead, tail = (_choice_block(q), "", "") if s == "choice" else _typed_block(q)
        before, after = html_gift(blank[0] + lead), html_gift(tail + blank[1])
        return f"{_name(q)}[html]{_rtl(before + '{' + inner + fb + '}' + after)}"
    prompt = q.prompt
    if s == "choice":
        block = _choice_block(q)
    elif s == "true_false":
        block = "TRUE" if is_true(q) else "FALSE"
    elif s == "matching":
        block = _pairs_block(q.pairs, matching_extras(q))
    elif s == "ordering":
        prompt += " (اكتب لكل عنصر ترتيبه: 1 للأول)"
        block = _ordering_block(q)
    else:  # text and numeric
        block = _typed_block(q)[0]
    return f"{_name(q)}[html]{_rtl(html_gift(prompt))} {{{block}{fb}}}"


def gift(banks: Bank | Iterable[Bank]) -> str:
    """Export one bank or several as GIFT text (a $CATEGORY per article)."""
    out: list[str] = []
    for bank in banks_of(banks):
        category = "أخبار/" + title_of(bank).replace("/", "//")
        out.append(f"// Fahim: {one_line(title_of(bank))}\n$CATEGORY: $course$/top/{category}\n")
        for q in bank.questions:
            out.append(f"// {q.kind} {q.fact_type} {q.key}\n{question_gift(q)}\n")
    return "\n".join(out)


def gift_bytes(banks: Bank | Iterable[Bank]) -> bytes:
    """Return ``gift(banks)`` as UTF-8 bytes."""
    return gift(banks).encode("utf-8")
