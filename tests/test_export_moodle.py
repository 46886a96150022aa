"""Moodle XML export: parsed back with xml.etree, each question type's required elements checked."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from questions.generate import generate

from questions.kinds import UnknownKind
from questions.model import Article, Bank, Question
from quiz.exports import moodle
from quiz.exports.samples import sample_bank
from quiz.exports.common import typed_literal
from quiz.exports.typed import text_alternatives

# The Moodle type each question of the sample bank becomes: by how it is answered, and by whether
# its prompt holds a blank (a cloze).
SAMPLE_TYPES = {
    "mcq-person": "multichoice", "cloze-date": "cloze", "cloze-choice": "cloze", "wh-place": "shortanswer",
    "short-org": "shortanswer", "numeric-pct": "numerical", "tf-date": "truefalse", "tf-place": "truefalse",
    "matching-people": "matching", "ordering-dates": "matching",
}


def parsed(bank: Bank | None = None) -> tuple[Bank, dict[str, ET.Element], ET.Element]:
    bank = bank or sample_bank()
    data = moodle.moodle_xml(bank)
    assert data.startswith(b"<?xml version='1.0' encoding='UTF-8'?>")
    root = ET.fromstring(data)
    assert root.tag == "quiz"
    by_key = {}
    for el in root.findall("question"):
        if el.get("type") != "category":
            key = re.search(r"\[([^\]]+)\]$", el.findtext("name/text") or "")
            assert key, "every question's name ends with its key"
            by_key[key.group(1)] = el
    return bank, by_key, root


def question(bank: Bank, key: str) -> Question:
    return next(q for q in bank.questions if q.key == key)


def answers(el: ET.Element) -> list[tuple[str, str]]:
    return [(a.get("fraction") or "", a.findtext("text") or "") for a in el.findall("answer")]


def test_the_file_opens_with_the_articles_category_and_holds_every_question() -> None:
    bank, by_key, root = parsed()
    first = root.findall("question")[0]
    assert first.get("type") == "category"
    assert first.findtext("category/text") == "$course$/top/أخبار/فوز عصفورة برئاسة هندوراس"
    assert set(by_key) == {q.key for q in bank.questions}


@pytest.mark.parametrize(("key", "qtype"), sorted(SAMPLE_TYPES.items()))
def test_each_question_becomes_the_moodle_type_of_its_shape_with_the_common_elements(key: str, qtype: str) -> None:
    bank, by_key, _ = parsed()
    for q in (q for q in bank.questions if q.key == key):
        el = by_key[q.key]
        assert el.get("type") == qtype
        assert el.find("questiontext").get("format") == "html"  # type: ignore[union-attr]
        assert 'dir="rtl"' in (el.findtext("questiontext/text") or "")
        for tag in ("name/text", "generalfeedback/text", "defaultgrade", "penalty", "hidden"):
            assert el.find(tag) is not None, tag


def test_multiple_choice_has_single_answer_and_exactly_one_right_option() -> None:
    bank, by_key, _ = parsed()
    q = question(bank, "mcq-person")
    el = by_key[q.key]
    assert el.findtext("single") == "true"
    assert el.findtext("shuffleanswers") == "true"
    got = answers(el)
    assert len(got) == len(q.choices)
    assert [html_text(t) for f, t in got if f == "100"] == [q.answer]
    assert {html_text(t) for _, t in got} == set(q.choices)
    for tag in ("correctfeedback", "partiallycorrectfeedback", "incorrectfeedback"):
        assert el.find(tag) is not None


def html_text(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


@pytest.mark.parametrize(("key", "right"), [("tf-date", "false"), ("tf-place", "true")])
def test_true_false_marks_the_right_value(key: str, right: str) -> None:
    _, by_key, _ = parsed()
    got = dict((t, f) for f, t in answers(by_key[key]))
    assert got == {right: "100", ("true" if right == "false" else "false"): "0"}


@pytest.mark.parametrize("key", ["wh-place", "short-org"])
def test_short_answer_accepts_the_answer_its_aliases_and_their_spellings_as_plain_text(key: str) -> None:
    bank, by_key, _ = parsed()
    q = question(bank, key)
    el = by_key[key]
    assert el.findtext("usecase") == "0"
    got = answers(el)
    assert got == [("100", a) for a in text_alternatives(q)]
    assert [a for _, a in got[: 1 + len(q.accepted)]] == [q.answer, *q.accepted]


def test_a_short_answer_lists_the_spellings_students_type() -> None:
    q = Question(key="s", kind="short", fact_type="place", prompt="أين؟", answer="الولايات المتحدة الأمريكية")
    _, by_key, _ = parsed(Bank(Article("a", "t", ""), (q,)))
    got = {a for _, a in answers(by_key["s"])}
    assert {"الولايات المتحدة الأمريكية", "الولايات المتحدة الامريكية", "الولايات المتحده الأمريكيه",
            "الولايات المتحده الامريكيه", "ولايات المتحدة الأمريكية", "والولايات المتحدة الأمريكية",
            "ولايات متحدة أمريكية"} <= got


def test_a_star_in_a_short_answer_is_no_wildcard() -> None:
    q = Question(key="s", kind="short", fact_type="number", prompt="ما الرمز؟", answer="3*4")
    _, by_key, _ = parsed(Bank(Article("a", "t", ""), (q,)))
    assert answers(by_key["s"])[0] == ("100", "3\\*4")


def units(el: ET.Element) -> list[tuple[str, str]]:
    return [(u.findtext("unit_name") or "", u.findtext("multiplier") or "") for u in el.findall("units/unit")]


def test_numerical_has_the_value_its_tolerance_and_optional_units() -> None:
    _, by_key, _ = parsed()
    el = by_key["numeric-pct"]
    (ans,) = el.findall("answer")
    assert (ans.get("fraction"), ans.findtext("text"), ans.findtext("tolerance")) == ("100", "40.3", "0.5")
    # Units typed or not, never penalised: Moodle does not tell a student who types «40.3%» to drop it.
    assert (el.findtext("showunits"), el.findtext("unitgradingtype")) == ("0", "0")
    assert units(el)[:2] == [("%", "1"), ("٪", "1")]
    assert ("مليون", "0.000001") in units(el) and ("آلاف", "0.001") in units(el)


def test_a_number_or_percentage_typed_answer_is_numerical_with_the_answers_unit_first() -> None:
    q = Question(key="p", kind="wh", fact_type="percentage", prompt="ما النسبة؟", answer="١١٫٢٢٪", tolerance=0.005)
    _, by_key, _ = parsed(Bank(Article("a", "t", ""), (q,)))
    el = by_key["p"]
    assert el.get("type") == "numerical"
    assert [(a.findtext("text"), a.findtext("tolerance")) for a in el.findall("answer")] == [("11.22", "0.005")]
    assert units(el)[0] == ("٪", "1")


def test_a_numeric_question_whose_answer_is_not_one_number_is_a_short_answer() -> None:
    q = Question(key="n", kind="numeric", fact_type="number", prompt="كم؟", answer="53 مليون و909 آلاف")
    _, by_key, _ = parsed(Bank(Article("a", "t", ""), (q,)))
    assert by_key["n"].get("type") == "shortanswer"
    assert answers(by_key["n"])[0] == ("100", "53 مليون و909 آلاف")


def test_a_question_of_an_unknown_kind_is_an_error_not_a_short_answer() -> None:
    q = Question(key="x", kind="essay", fact_type="person", prompt="اكتب؟", answer="نص")
    with pytest.raises(UnknownKind):
        moodle.moodle_xml(Bank(Article("a", "t", ""), (q,)))


def test_matching_has_every_pair_and_unpaired_choices_as_distractors() -> None:
    bank, by_key, _ = parsed()
    q = question(bank, "matching-people")
    subs = by_key[q.key].findall("subquestion")
    got = [(html_text(s.findtext("text") or ""), s.findtext("answer/text")) for s in subs]
    assert got == [*q.pairs, ("", "وزير: الخارجية")]
    assert by_key[q.key].findtext("shuffleanswers") == "true"


def test_ordering_becomes_matching_of_items_to_positions() -> None:
    bank, by_key, _ = parsed()
    q = question(bank, "ordering-dates")
    subs = by_key[q.key].findall("subquestion")
    got = {html_text(s.findtext("text") or ""): s.findtext("answer/text") for s in subs}
    assert got == {item: str(i) for i, item in enumerate(q.items, 1)}


# Moodle's embedded-answer grammar (question/type/multianswer/questiontype.php), ported to check
# that each code we write reads back as the same alternatives.
_ALT = re.compile(r"(=|%(-?[0-9]+(?:[.,][0-9]*)?)%)?(.+?(?<!\\)(?<!&)(?<!&amp;)(?=[~#}]|$))(#(.*?(?<!\\)(?=[~}]|$)))?",
                  re.S)
_CODE = re.compile(r"\{([0-9]*):(MULTICHOICE|MC|SHORTANSWER|SA|MW|NUMERICAL|NM):((?:.(?!\{[0-9]*:))*?)(?<!\\)\}", re.S)


def read_code(text: str) -> tuple[str, list[tuple[bool, str]]]:
    m = _CODE.search(text)
    assert m, text
    rest, alts = m.group(3), []
    while rest:
        a = _ALT.match(rest.lstrip("~"))
        assert a, rest
        value = html.unescape(a.group(3)).replace("\\}", "}").replace("\\#", "#")
        alts.append((a.group(1) == "=", value))
        rest = rest.lstrip("~")[a.end():]
    return m.group(2), alts


def test_cloze_puts_a_short_answer_code_with_every_spelling_where_the_blank_was() -> None:
    bank, by_key, _ = parsed()
    q = question(bank, "cloze-date")
    text = by_key[q.key].findtext("questiontext/text") or ""
    assert "{1:SHORTANSWER:=24 ديسمبر~=24/12~=٢٤ ديسمبر~" in text
    assert text.startswith('<div dir="rtl">أعلن نصري عصفورة') and "بنسبة 40.3%" in text
    assert read_code(text) == ("SHORTANSWER", [(True, a) for a in text_alternatives(q)])


def test_a_number_blank_is_numerical_with_its_tolerance_and_the_percent_sign_after_it() -> None:
    q = Question(key="c", kind="cloze", fact_type="percentage", prompt="فاز بنسبة _____ من الأصوات.",
                 answer="40.27%", tolerance=0.005)
    _, by_key, _ = parsed(Bank(Article("a", "t", ""), (q,)))
    text = by_key["c"].findtext("questiontext/text") or ""
    assert text == '<div dir="rtl">فاز بنسبة {1:NUMERICAL:=40.27:0.005}% من الأصوات.</div>'


def test_cloze_with_choices_becomes_an_embedded_multiple_choice() -> None:
    bank, by_key, _ = parsed()
    q = question(bank, "cloze-choice")
    kind, alts = read_code(by_key[q.key].findtext("questiontext/text") or "")
    assert kind == "MULTICHOICE"
    assert [a for ok, a in alts if ok] == [q.answer]
    assert sorted(a for _, a in alts) == sorted(q.choices)


@pytest.mark.parametrize(("answer", "code"), [
    ("plain", "plain"),
    ("3*4", "3&#92;*4"),
    ("a}b", "a\\}b"),
    ("a#b", "a\\#b"),
    ("a~b", "a&#126;b"),
    ("a\\b", "a&#92;b"),
    ("<&>", "&lt;&amp;&gt;"),
    ("5 # {x} ~ \\", "5 \\# {x\\} &#126; &#92;"),
])
def test_embedded_answers_escape_what_moodle_would_read_as_syntax(answer: str, code: str) -> None:
    assert moodle.cloze_answer(typed_literal(answer)) == code
    q = Question(key="c", kind="cloze", fact_type="organization", prompt="قيمة ____ هنا", answer=answer,
                 accepted=("بديل",))
    assert read_code(moodle.cloze_code(q)[0])[1][:2] == [(True, typed_literal(answer)), (True, "بديل")]


def test_text_is_escaped_once_for_html_and_once_for_xml() -> None:
    q = Question(key="x", kind="short", fact_type="organization", prompt="<b>ما</b> & ؟", answer="a<b")
    data = moodle.moodle_xml(Bank(Article("a", "t & u", ""), (q,)))
    el = ET.fromstring(data).findall("question")[1]
    assert el.findtext("questiontext/text") == '<div dir="rtl">&lt;b&gt;ما&lt;/b&gt; &amp; ؟</div>'
    assert answers(el) == [("100", "a<b")]


def test_every_built_in_question_exports_as_its_moodle_type() -> None:
    text = (Path(__file__).resolve().parent.parent / "quiz" / "seed" / "asfura_honduras.txt").read_text(encoding="utf-8")
    bank = generate(text, seed=0, article_date="2026-02-15", title="ترامب ونصري عصفورة")
    _, by_key, _ = parsed(bank)
    assert len(by_key) == len(bank.questions)
    for q in bank.questions:
        el = by_key[q.key]
        if "_____" in q.prompt:
            assert el.get("type") == "cloze", q.key
            kind, alts = read_code(el.findtext("questiontext/text") or "")
            right = [a for ok, a in alts if ok]
            assert q.answer in right or (kind == "NUMERICAL" and len(right) == 1), q.key
        elif q.kind == "mcq":
            assert el.get("type") == "multichoice"
            assert [html_text(t) for f, t in answers(el) if f == "100"] == [q.answer]
