"""Typed answers written out for Moodle and GIFT: the spellings Fahim accepts, and numbers by value."""

from __future__ import annotations

import pytest

from questions.grading import is_correct
from questions.model import Question
from quiz.exports import typed


@pytest.mark.parametrize(("rule", "text", "expected"), [
    (typed.bare_alef, "إبراهيم أحمد آل ٱلسعود", "ابراهيم احمد ال السعود"),
    (typed.ha_for_ta_marbuta, "الجامعة العربية، مكة", "الجامعه العربيه، مكه"),
    (typed.ha_for_ta_marbuta, "ةمة", "ةمه"),
    (typed.ya_for_alif_maqsura, "مصطفى موسى", "مصطفي موسي"),
    (typed.alif_maqsura_for_final_ya, "علي الشمري، سعيد", "على الشمرى، سعيد"),
    (typed.waw_for_hamza_on_waw, "مؤتمر المؤسسة", "موتمر الموسسة"),
    (typed.indic_digits, "24 ديسمبر 2025", "٢٤ ديسمبر ٢٠٢٥"),
    (typed.plain_letters, "مُؤتمرُ الأُمم المتّحدة", "موتمر الامم المتحده"),
])
def test_each_spelling_rule(rule: typed.Rule, text: str, expected: str) -> None:
    assert rule(text) == expected


def wh(answer: str, *accepted: str, fact_type: str = "place") -> Question:
    return Question(key="k", kind="wh", fact_type=fact_type, prompt="ما؟", answer=answer, accepted=accepted)


def test_alternatives_start_with_the_written_answers_and_are_all_accepted_by_fahim_once_each() -> None:
    q = wh("الولايات المتحدة الأمريكية", "أمريكا")
    alts = typed.text_alternatives(q)
    assert alts[:2] == ["الولايات المتحدة الأمريكية", "أمريكا"]
    assert len(alts) == len(set(alts)) <= typed.MAX_ALTERNATIVES
    assert all(is_correct(q, a) for a in alts)
    assert {"امريكا", "وأمريكا", "بأمريكا", "الأمريكا", "الولايات المتحده الامريكيه", "ولايات متحدة أمريكية"} <= set(alts)


def test_a_spelling_fahim_refuses_is_never_listed() -> None:
    # «ال» before a two-letter word is not read as a proclitic, so «الغد» is no spelling of «غد».
    q = wh("غد")
    assert "الغد" not in typed.text_alternatives(q) and not is_correct(q, "الغد")


def test_no_proclitic_before_a_number() -> None:
    alts = typed.text_alternatives(wh("2025", fact_type="date"))
    assert alts == ["2025", "٢٠٢٥"]


def test_the_list_is_bounded_for_long_answers_with_many_aliases() -> None:
    q = wh("المؤتمر الإسلامي الأعلى للشؤون الإسلامية", "مؤتمر الأزهر الإسلامي", "المؤتمر الإسلامي")
    alts = typed.text_alternatives(q)
    assert len(alts) == typed.MAX_ALTERNATIVES and alts[:3] == [q.answer, *q.accepted]


@pytest.mark.parametrize(("kind", "fact_type", "expected"), [
    ("numeric", "number", True), ("wh", "percentage", True), ("cloze", "number", True), ("short", "person", False),
    ("cloze", "date", False), ("mcq", "number", False),
])
def test_by_number_is_how_fahim_grades(kind: str, fact_type: str, expected: bool) -> None:
    choices = ("40", "50") if kind == "mcq" else ()
    q = Question(key="k", kind=kind, fact_type=fact_type, prompt="كم؟", answer="40", choices=choices)
    assert typed.by_number(q) is expected


@pytest.mark.parametrize(("answer", "tolerance", "value", "before", "after", "first_unit"), [
    ("40.27%", 0.005, 40.27, "", "%", ("%", 1.0)),
    ("١١٫٢٢٪", 0.005, 11.22, "", "٪", ("٪", 1.0)),
    ("5ر1%", 0.05, 1.5, "", "%", ("%", 1.0)),
    ("21,436", 107.18, 21436.0, "", "", ("ألف", 0.001)),
    ("9.1 مليون", None, 9.1, "", " مليون", ("مليون", 1.0)),
])
def test_a_number_answer_is_the_value_fahim_reads_with_the_text_around_it_and_units(
        answer: str, tolerance: float | None, value: float, before: str, after: str,
        first_unit: tuple[str, float]) -> None:
    q = Question(key="k", kind="numeric", fact_type="percentage" if "%" in answer or "٪" in answer else "number",
                 prompt="كم؟", answer=answer, tolerance=tolerance)
    number = typed.number_answer(q)
    assert number is not None
    assert (number.value, number.tolerance, number.before, number.after) == (value, tolerance or 0.0, before, after)
    assert number.units[0] == first_unit
    names = [name for name, _ in number.units]
    assert len(names) == len(set(names))
    assert dict(number.units)["ملايين"] == pytest.approx(1e-6) and dict(number.units)["آلاف"] == pytest.approx(1e-3)


def test_an_answer_fahim_cannot_read_as_one_number_is_no_number_answer() -> None:
    q = Question(key="k", kind="numeric", fact_type="number", prompt="كم؟", answer="53 مليون و909 آلاف")
    assert typed.number_answer(q) is None
    assert typed.number_answer(wh("هندوراس")) is None
