"""The port of Moodle's grading that the parity test relies on, checked against Moodle's own unit tests.

The cases are those of Moodle's ``question/type/shortanswer/tests/question_test.php`` and
``question/type/numerical/tests/answerprocessor_test.php`` (and ``question_test.php``), so the port
answers as Moodle does before it is trusted to say what Moodle accepts.
"""

from __future__ import annotations

import pytest

from moodle_grader import (
    UNITINPUT,
    UNITNONE,
    AnswerProcessor,
    Numerical,
    NumericalAnswer,
    ShortAnswer,
    compare_string_with_wildcard,
    extract_blanks,
)


@pytest.mark.parametrize(("string", "pattern", "ignorecase", "expected"), [
    ("Frog", "Frog", False, True), ("Frog", "frog", False, False), ("   Frog   ", "Frog", False, True),
    ("Frogs", "Frog", False, False), ("Frog", "frog", True, True), ("   FROG   ", "Frog", True, True),
    ("Frogs", "Frog", True, False),
    ("Frog", "F*og", False, True), ("Fog", "F*og", False, True), ("   Fat dog   ", "F*og", False, True),
    ("Frogs", "F*og", False, False), ("Fg", "F*og", False, False), ("frog", "F*og", False, False),
    ("   fat dog   ", "F*og", False, False), ("frog", "F*og", True, True), ("   fat dog   ", "F*og", True, True),
    ("   *   ", "\\*", False, True), ("*", "\\*", False, True), ("Frog*toad", "Frog\\*toad", False, True),
    ("a", "[a-z]", False, False), ("[a-z]", "[a-z]", False, True), ("\\{}/", "\\{}/", True, True),
    ("ITÁLIE", "Itálie", True, True), ("départ", "DÉPART", True, True), ("départ", "DÉPART", False, False),
    ("d\u00e9part", "de\u0301part", False, True), ("d\u00e9part", "DE\u0301PART", True, True),
    ("0", "0", False, True), ("0", "0*", False, True), ("0", "*0", False, True), ("0", "*0*", False, True),
    ("<em></em>", "*" * 35 + "<em>" + "*" * 35 + "</em>", False, True),
])
def test_short_answer_matching_is_moodles(string: str, pattern: str, ignorecase: bool, expected: bool) -> None:
    assert compare_string_with_wildcard(string, pattern, ignorecase) is expected


def test_the_first_matching_answer_gives_the_grade_and_an_empty_response_is_incomplete() -> None:
    q = ShortAnswer((("frog", 1.0), ("toad", 0.8), ("*", 0.0)))
    assert [(g.complete, g.fraction) for g in map(q.grade, ("frog", "toad", "x", ""))] == [
        (True, 1.0), (True, 0.8), (True, 0.0), (False, 0.0)]


SPEEDS = {"m/s": 1, "c": 3.3356409519815e-9, "mph": 2.2369362920544}


@pytest.mark.parametrize(("response", "value", "unit", "multiplier"), [
    ("3x10^8 m/s", 3e8, "m/s", 1), ("3x10^8", 3e8, "", None), ("1c", 1, "c", 299792458),
    ("0001.000 mph", 1, "mph", 0.44704), ("1 frogs", 1, "frogs", None), (". m/s", None, None, None),
    ("", None, None, None), ("    ", None, None, None),
])
def test_numbers_and_units_are_read_as_moodle_reads_them(response: str, value: float | None, unit: str | None,
                                                         multiplier: float | None) -> None:
    got = AnswerProcessor(SPEEDS).apply_units(response)
    assert got[1] == unit
    for expected, actual in ((value, got[0]), (multiplier, got[2])):
        assert (actual is None) if expected is None else actual == pytest.approx(expected, abs=1e-4)


@pytest.mark.parametrize(("units", "before", "decsep", "thousandssep", "response", "expected"), [
    ({"%": 100}, False, ".", ",", "3%", (3, "%", 0.01)),
    ({"%": 100}, False, ".", ",", "1e-6 %", (1e-6, "%", 0.01)),
    ({"%": 100}, False, ".", ",", "100", (100, "", None)),
    ({"$": 1, "£": 1}, True, ".", ",", "£1,234.56", (1234.56, "£", 1)),
    ({"$": 1, "£": 1}, True, ".", ",", "$100.", (100, "$", 1)),
    ({"$": 1, "£": 1}, True, ".", ",", "frog 100", (100, "frog", None)),
    ({}, False, ",", " ", "-1 000", (-1000, "", None)),
    ({}, False, ",", " ", "3,14159", (3.14159, "", None)),
])
def test_percentages_currencies_and_other_separators_as_in_moodles_tests(
        units: dict[str, float], before: bool, decsep: str, thousandssep: str, response: str,
        expected: tuple[float, str, float | None]) -> None:
    assert AnswerProcessor(units, before, decsep, thousandssep).apply_units(response) == pytest.approx(expected)


def test_a_numerical_question_grades_within_its_tolerance_and_asks_about_units_it_does_not_take() -> None:
    answers = (NumericalAnswer(3.14159, 1.0, 0.01),)
    plain = Numerical(answers, unitdisplay=UNITNONE)
    assert (plain.grade("3.14").complete, plain.grade("3.14").fraction) == (True, 1.0)
    assert plain.grade("3.2").fraction == 0.0
    assert plain.grade("3.14 m").complete is False  # "Please do not include units"
    assert plain.grade("3,14").complete is False  # "... without using the thousand separator (,)"
    assert plain.grade("٣٫١٤").complete is False  # not a number Moodle can read
    units = Numerical(answers, AnswerProcessor({"m": 1, "cm": 100}), unitdisplay=UNITINPUT)
    assert units.grade("314 cm").accepted and units.grade("3.14 m").accepted and units.grade("3.14").accepted


def test_a_cloze_text_is_read_into_its_blanks_as_moodles_importer_reads_it() -> None:
    text, blanks = extract_blanks("a {1:SHORTANSWER:=x&#126;y~%50%z#fine} b {2:NUMERICAL:=40.27:0.005} "
                                  "c {1:MULTICHOICE:=p~q}")
    assert text == "a {#1} b {#2} c {#3}"
    assert [b.qtype for b in blanks] == ["shortanswer", "numerical", "multichoice"]
    assert blanks[0].answers == (("x~y", 1.0), ("z", 0.5))
    assert blanks[1].question.grade("40.27").accepted and not blanks[1].question.grade("40.3").accepted  # type: ignore[union-attr]
