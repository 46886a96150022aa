"""Moodle XML question export (Question bank > Import > "Moodle XML format").

How a question is answered (its shape, ``questions.kinds``) -> Moodle question type:
  choice -> multichoice (single answer); true_false -> truefalse; text -> shortanswer, with every
  spelling Fahim accepts as a 100% answer (``quiz.exports.typed``); a typed answer Fahim compares
  by value (numeric, or a number or percentage) -> numerical with its tolerance and units, the
  answer's own «%» and the scale words, optional (unitgradingtype 0, showunits 0: a student may
  type «17.3%» or «17.3»); matching -> matching (unpaired right-hand choices become distractors,
  i.e. subquestions with empty text, which is how Moodle stores them); ordering -> matching of
  each item to its position ("1", "2", ...): Moodle's own "ordering" type is not in every Moodle a
  school runs, matching is. A question whose prompt holds a blank becomes a "cloze" (embedded
  answers): the blank becomes {1:MULTICHOICE:...}, {1:SHORTANSWER:=...~=...} or
  {1:NUMERICAL:=value:tolerance} with the answer's «%» after it; Moodle parses those codes from
  the question text on import.

Texts are HTML (format="html", wrapped in dir="rtl" so Arabic reads right to left even on an
English-language site); typed answers are plain text, "*" escaped; ElementTree does the XML
escaping. Output is UTF-8.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET  # only builds and writes XML; never parses input  # nosec B405
from collections.abc import Iterable
from html import escape

from questions.kinds import shape
from questions.model import Bank, Question
from quiz.exports.common import (
    banks_of,
    distractors,
    format_number,
    is_true,
    matching_extras,
    one_line,
    ordering_shown,
    split_blank,
    title_of,
    typed_literal,
)
from quiz.exports.typed import NumberAnswer, number_answer, text_alternatives

CATEGORY_ROOT = "$course$/top/أخبار"
PENALTY = "0.3333333"


def _html(text: str) -> str:
    return '<div dir="rtl">' + escape(text, False) + "</div>"


def _text(parent: ET.Element, tag: str, value: str, fmt: str | None = None) -> ET.Element:
    el = ET.SubElement(parent, tag)
    if fmt is not None:
        el.set("format", fmt)
    ET.SubElement(el, "text").text = value
    return el


def _answer(parent: ET.Element, fraction: float, text: str, fmt: str = "moodle_auto_format",
            feedback: str = "") -> ET.Element:
    a = ET.SubElement(parent, "answer", fraction=format_number(fraction), format=fmt)
    ET.SubElement(a, "text").text = text
    _text(a, "feedback", feedback, "html")
    return a


def question_name(q: Question) -> str:
    """Return a short, recognisable name for the question bank list."""
    prompt = one_line(q.prompt)
    short = prompt if len(prompt) <= 60 else prompt[:59] + "…"
    return f"{short} [{q.key}]"


def _general_feedback(q: Question, bank: Bank) -> str:
    parts = []
    if q.source.text:
        parts.append("<p>" + escape(q.source.text, False) + "</p>")
    meta = title_of(bank) + (f" · {bank.article.date}" if bank.article.date else "")
    parts.append("<p><small>" + escape(meta, False) + "</small></p>")
    return '<div dir="rtl">' + "".join(parts) + "</div>"


def _start(quiz: ET.Element, q: Question, bank: Bank, qtype: str, text_html: str) -> ET.Element:
    el = ET.SubElement(quiz, "question", type=qtype)
    _text(el, "name", question_name(q))
    _text(el, "questiontext", text_html, "html")
    _text(el, "generalfeedback", _general_feedback(q, bank), "html")
    ET.SubElement(el, "defaultgrade").text = "1"
    ET.SubElement(el, "penalty").text = PENALTY
    ET.SubElement(el, "hidden").text = "0"
    return el


def _combined_feedback(el: ET.Element) -> None:
    for tag in ("correctfeedback", "partiallycorrectfeedback", "incorrectfeedback"):
        _text(el, tag, "", "html")


def _multichoice(quiz: ET.Element, q: Question, bank: Bank) -> None:
    el = _start(quiz, q, bank, "multichoice", _html(q.prompt))
    ET.SubElement(el, "single").text = "true"
    ET.SubElement(el, "shuffleanswers").text = "true"
    ET.SubElement(el, "answernumbering").text = "abc"
    _combined_feedback(el)
    for c in q.choices:
        _answer(el, 100 if c == q.answer else 0, _html(c), "html")


def _truefalse(quiz: ET.Element, q: Question, bank: Bank) -> None:
    el = _start(quiz, q, bank, "truefalse", _html(q.prompt))
    right = is_true(q)
    _answer(el, 100 if right else 0, "true")
    _answer(el, 0 if right else 100, "false")


def _shortanswer(quiz: ET.Element, q: Question, bank: Bank) -> None:
    el = _start(quiz, q, bank, "shortanswer", _html(q.prompt))
    ET.SubElement(el, "usecase").text = "0"
    for a in text_alternatives(q):
        # Moodle compares a typed response with this text as is: plain, not HTML.
        _answer(el, 100, typed_literal(a))


def _decimal(value: float) -> str:
    return format(value, ".12f").rstrip("0").rstrip(".") if value < 1 else format_number(value)


def _numerical(quiz: ET.Element, q: Question, bank: Bank, number: NumberAnswer) -> None:
    el = _start(quiz, q, bank, "numerical", _html(q.prompt))
    a = _answer(el, 100, format_number(number.value))
    ET.SubElement(a, "tolerance").text = format_number(number.tolerance)
    # Units optional and never penalised: «17.3%», «17.3 %» and «17.3» are the same answer, and a
    # scale word multiplies as Fahim reads it («5 ملايين»).
    ET.SubElement(el, "unitgradingtype").text = "0"
    ET.SubElement(el, "unitpenalty").text = "0.1000000"
    ET.SubElement(el, "showunits").text = "0"
    ET.SubElement(el, "unitsleft").text = "0"
    units = ET.SubElement(el, "units")
    for name, multiplier in number.units:
        unit = ET.SubElement(units, "unit")
        ET.SubElement(unit, "multiplier").text = _decimal(multiplier)
        ET.SubElement(unit, "unit_name").text = name


def _typed(quiz: ET.Element, q: Question, bank: Bank) -> None:
    number = number_answer(q)
    if number is None:
        _shortanswer(quiz, q, bank)
    else:
        _numerical(quiz, q, bank, number)


def _matching_pairs(quiz: ET.Element, q: Question, bank: Bank, prompt_html: str,
                    pairs: Iterable[tuple[str, str]], extras: Iterable[str]) -> None:
    el = _start(quiz, q, bank, "matching", prompt_html)
    ET.SubElement(el, "shuffleanswers").text = "true"
    _combined_feedback(el)
    for left, right in pairs:
        sub = _text(el, "subquestion", _html(left), "html")
        _text(sub, "answer", right)
    for extra in extras:
        sub = _text(el, "subquestion", "", "html")
        _text(sub, "answer", extra)


def _matching(quiz: ET.Element, q: Question, bank: Bank) -> None:
    _matching_pairs(quiz, q, bank, _html(q.prompt), q.pairs, matching_extras(q))


def _ordering(quiz: ET.Element, q: Question, bank: Bank) -> None:
    position = {item: str(i) for i, item in enumerate(q.items, 1)}
    shown = [i for i in ordering_shown(q) if i in position] or list(q.items)
    prompt = _html(q.prompt + " (اكتب لكل عنصر ترتيبه: 1 للأول)")
    _matching_pairs(quiz, q, bank, prompt, [(item, position[item]) for item in shown], [])


# Inside an embedded answer, "}" and "#" are escaped with a backslash (the only escapes Moodle
# undoes there); "~" and "\" become entities, which Moodle decodes after splitting alternatives.
_CLOZE_ANSWER = str.maketrans({"}": "\\}", "#": "\\#", "~": "&#126;", "\\": "&#92;"})
# Around the blank, a literal "{" could start a bogus code: keep it an entity.
_CLOZE_TEXT = str.maketrans({"{": "&#123;", "}": "&#125;"})


def cloze_answer(text: str) -> str:
    """Escape one alternative of a Moodle embedded answer."""
    return escape(text, False).translate(_CLOZE_ANSWER)


def cloze_code(q: Question) -> tuple[str, str, str]:
    """Return the embedded-answer code for a cloze blank, and the text to set before and after it.

    A choice is {1:MULTICHOICE:...}; a number Fahim compares by value {1:NUMERICAL:=value:tolerance}
    with the answer's «%» (or other words) outside the blank; any other typed answer
    {1:SHORTANSWER:...} with every spelling Fahim accepts.
    """
    if shape(q) == "choice":
        alts = ["=" + cloze_answer(q.answer)] + [cloze_answer(d) for d in distractors(q)]
        return "{1:MULTICHOICE:" + "~".join(alts) + "}", "", ""
    number = number_answer(q)
    if number is not None:
        code = f"{{1:NUMERICAL:={format_number(number.value)}:{format_number(number.tolerance)}}}"
        return code, number.before, number.after
    alts = "~".join("=" + cloze_answer(typed_literal(a)) for a in text_alternatives(q))
    return "{1:SHORTANSWER:" + alts + "}", "", ""


def _cloze_text(text: str) -> str:
    return escape(text, False).translate(_CLOZE_TEXT)


def _cloze(quiz: ET.Element, q: Question, bank: Bank, before: str, after: str) -> None:
    code, lead, tail = cloze_code(q)
    text = _cloze_text(before + lead) + code + _cloze_text(tail + after)
    _start(quiz, q, bank, "cloze", '<div dir="rtl">' + text + "</div>")


WRITERS = {
    "choice": _multichoice,
    "text": _typed,
    "numeric": _typed,
    "true_false": _truefalse,
    "matching": _matching,
    "ordering": _ordering,
}


def write_question(quiz: ET.Element, q: Question, bank: Bank) -> None:
    """Add one question in the Moodle type its shape calls for (UnknownKind for an unknown kind)."""
    s = shape(q)
    blank = split_blank(q.prompt) if s in ("choice", "text", "numeric") else None
    if blank is not None:
        _cloze(quiz, q, bank, *blank)
    else:
        WRITERS[s](quiz, q, bank)


def _category(quiz: ET.Element, bank: Bank) -> None:
    el = ET.SubElement(quiz, "question", type="category")
    # "/" separates category levels in Moodle; a literal one is doubled.
    _text(el, "category", CATEGORY_ROOT + "/" + re.sub("/", "//", title_of(bank)))


def moodle_xml(banks: Bank | Iterable[Bank]) -> bytes:
    """Export one bank or several as Moodle XML (a category per article)."""
    quiz = ET.Element("quiz")
    for bank in banks_of(banks):
        _category(quiz, bank)
        for q in bank.questions:
            write_question(quiz, q, bank)
    ET.indent(quiz, space=" ")
    data: bytes = ET.tostring(quiz, encoding="UTF-8", xml_declaration=True)
    return data + b"\n"
