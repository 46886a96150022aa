"""GIFT export (Moodle's plain-text question format), one question per paragraph.

Kind -> GIFT: mcq ``{=right ~wrong ...}``; true_false ``{TRUE}``/``{FALSE}``; wh/short
``{=answer =variant}``; numeric ``{#value:tolerance}`` (short answer when not a number); matching
``{=left -> right ...}`` (unpaired right-hand choices as ``= -> extra`` distractors); cloze as
GIFT's missing-word form, the answer block standing where the blank was; ordering as matching of
each item to its position. Each question carries its source sentence as general feedback
(``####``).

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

from questions.model import Bank, Question
from quiz.exports.common import (
    writer_kind,
    banks_of,
    cloze_parts,
    distractors,
    format_number,
    is_true,
    matching_extras,
    one_line,
    ordering_shown,
    parse_number,
    typed_literal,
    title_of,
)

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


def question_gift(q: Question) -> str:
    """Return one question in GIFT."""
    prompt = html_gift(q.prompt)
    fb = _feedback(q)
    kind = writer_kind(q)
    if kind == "mcq":
        block = " ".join(("=" if c == q.answer else "~") + html_gift(c) for c in q.choices)
    elif kind == "true_false":
        block = "TRUE" if is_true(q) else "FALSE"
    elif kind == "numeric":
        value = parse_number(q.answer)
        if value is None:
            block = _short_block((q.answer, *q.accepted))
        else:
            block = "#" + format_number(value) + ":" + format_number(q.tolerance or 0.0)
    elif kind == "matching":
        block = _pairs_block(q.pairs, matching_extras(q))
    elif kind == "ordering":
        position = {item: str(i) for i, item in enumerate(q.items, 1)}
        shown = [i for i in ordering_shown(q) if i in position] or list(q.items)
        prompt = html_gift(q.prompt + " (اكتب لكل عنصر ترتيبه: 1 للأول)")
        block = _pairs_block(((item, position[item]) for item in shown), ())
    elif kind == "cloze":
        before, answer, after = cloze_parts(q)
        if q.choices and answer in q.choices:
            inner = " ".join(["=" + html_gift(answer)] + ["~" + html_gift(d) for d in distractors(q)])
        else:
            inner = _short_block((answer, *q.accepted))
        # Missing-word form: Moodle puts "_____" where the braces were (the text goes on after
        # them, at least with the closing </div>).
        return f"{_name(q)}[html]{_rtl(html_gift(before) + '{' + inner + fb + '}' + html_gift(after))}"
    else:  # wh, short and any kind added later
        block = _short_block((q.answer, *q.accepted))
    return f"{_name(q)}[html]{_rtl(prompt)} {{{block}{fb}}}"


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
