"""Moodle XML question export (Question bank > Import > "Moodle XML format").

Kind -> Moodle question type:
  mcq -> multichoice (single answer); true_false -> truefalse; wh/short -> shortanswer (every
  accepted variant at 100%); numeric -> numerical with its tolerance (shortanswer when the answer
  is not a number); matching -> matching (unpaired right-hand choices become distractors, i.e.
  subquestions with empty text, which is how Moodle stores them); cloze -> "cloze" (embedded
  answers / multianswer): the blank becomes {1:SHORTANSWER:=answer~=variant} or, when the
  question has choices, {1:MULTICHOICE:...}; Moodle parses those codes from the question text on
  import. ordering -> matching of each item to its position ("1", "2", ...): Moodle's own
  "ordering" type is not in every Moodle a school runs, matching is.

Texts are HTML (format="html", wrapped in dir="rtl" so Arabic reads right to left even on an
English-language site); ElementTree does the XML escaping. Output is UTF-8.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET  # only builds and writes XML; never parses input  # nosec B405
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
    title_of,
)

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
    seen: set[str] = set()
    for a in (q.answer, *q.accepted):
        # Moodle compares a typed response with this text as is: plain, not HTML.
        if a and a not in seen:
            seen.add(a)
            _answer(el, 100, a)


def _numerical(quiz: ET.Element, q: Question, bank: Bank) -> None:
    value = parse_number(q.answer)
    if value is None:
        _shortanswer(quiz, q, bank)
        return
    el = _start(quiz, q, bank, "numerical", _html(q.prompt))
    a = _answer(el, 100, format_number(value))
    ET.SubElement(a, "tolerance").text = format_number(q.tolerance or 0.0)
    ET.SubElement(el, "unitgradingtype").text = "0"
    ET.SubElement(el, "unitpenalty").text = "0.1000000"
    ET.SubElement(el, "showunits").text = "3"
    ET.SubElement(el, "unitsleft").text = "0"


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


def cloze_code(q: Question, answer: str) -> str:
    """Return the embedded-answer code that replaces a cloze blank."""
    if q.choices and answer in q.choices:
        alts = ["=" + cloze_answer(answer)] + [cloze_answer(d) for d in distractors(q)]
        return "{1:MULTICHOICE:" + "~".join(alts) + "}"
    seen: list[str] = []
    for a in (answer, *q.accepted):
        if a and a not in seen:
            seen.append(a)
    return "{1:SHORTANSWER:" + "~".join("=" + cloze_answer(a) for a in seen) + "}"


def _cloze(quiz: ET.Element, q: Question, bank: Bank) -> None:
    before, answer, after = cloze_parts(q)
    text = ('<div dir="rtl">' + escape(before, False).translate(_CLOZE_TEXT) + cloze_code(q, answer)
            + escape(after, False).translate(_CLOZE_TEXT) + "</div>")
    _start(quiz, q, bank, "cloze", text)


WRITERS = {
    "mcq": _multichoice,
    "true_false": _truefalse,
    "wh": _shortanswer,
    "short": _shortanswer,
    "numeric": _numerical,
    "matching": _matching,
    "ordering": _ordering,
    "cloze": _cloze,
}

# Which Moodle question type each of our kinds becomes (numeric falls back to shortanswer
# when its answer is not a number).
MOODLE_TYPES = {
    "mcq": "multichoice", "true_false": "truefalse", "wh": "shortanswer", "short": "shortanswer",
    "numeric": "numerical", "matching": "matching", "ordering": "matching", "cloze": "cloze",
}


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
            WRITERS[writer_kind(q)](quiz, q, bank)
    ET.indent(quiz, space=" ")
    data: bytes = ET.tostring(quiz, encoding="UTF-8", xml_declaration=True)
    return data + b"\n"
