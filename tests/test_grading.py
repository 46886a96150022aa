"""Server-side grading: Arabic-aware text matching, numbers by value, partial credit, malformed input."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from questions.grading import grade, is_correct, number_values, text_matches
from questions.kinds import UnknownKind
from questions.model import FALSE_LABEL, TRUE_LABEL, Question


def q(kind: str = "short", answer: str = "دونالد ترامب", **kw: object) -> Question:
    """A question with defaults, for grading only."""
    fields: dict[str, object] = {"key": "k", "kind": kind, "fact_type": kw.pop("fact_type", "person"),
                                 "prompt": "من؟", "answer": answer}
    fields.update(kw)
    return Question(**fields)  # type: ignore[arg-type]


@pytest.mark.parametrize(("answer", "response"), [
    ("دونالد ترامب", "دُونَالْد تْرَامْب"),           # diacritics
    ("دونالد ترامب", "دونالد ترامـــب"),              # tatweel
    ("أحمد أبو الغيط", "احمد ابو الغيط"),             # hamza on alef
    ("إبراهيم رئيسي", "ابراهيم رئيسي"),               # alef with hamza below
    ("آل سعود", "ال سعود"),                           # alef madda
    ("مصطفى", "مصطفي"),                               # alef maqsura / ya
    ("القاهرة", "القاهره"),                           # ta marbuta / ha
    ("الرياض", "رياض"),                               # optional ال
    ("الرياض", "والرياض"),                            # optional و + ال
    ("الرياض", "بالرياض"),                            # optional ب + ال
    ("هندوراس", "وهندوراس"),                          # optional و
    ("الولايات المتحدة", "ولايات المتحدة"),           # ولايات keeps its و and still matches
    ("عبد اللطيف الجواهري", "عبداللطيف الجواهري"),    # spacing inside compound names
    ("سلفادور نصر الله", "سلفادور نصرالله"),
    ("  دونالد   ترامب ", "دونالد ترامب."),           # spacing and punctuation
])
def test_text_answers_match_after_arabic_normalization(answer: str, response: str) -> None:
    assert text_matches(response, answer)
    assert is_correct(q(answer=answer), response)


@pytest.mark.parametrize(("answer", "response"), [
    ("الولايات المتحدة", "لايات المتحدة"),   # dropping a root letter is not an optional prefix
    ("دونالد ترامب", "جو بايدن"),
    ("دونالد ترامب", "دونالد"),               # a part of the name is not an accepted alias by itself
    ("هندوراس", "فنزويلا"),
    ("بنك المغرب", "نك المغرب"),
])
def test_different_answers_do_not_match(answer: str, response: str) -> None:
    assert not is_correct(q(answer=answer), response)


@pytest.mark.parametrize(("answer", "response"), [
    ("عام 2025", "2025"), ("عام 2025", "في عام 2025"), ("24 ديسمبر", "يوم 24 ديسمبر"),
    ("24 ديسمبر", "٢٤ ديسمبر"), ("تسعينيات القرن الماضي", "في تسعينيات القرن الماضي"),
])
def test_typed_dates_ignore_a_lead_in_word(answer: str, response: str) -> None:
    assert is_correct(q("wh", answer, fact_type="date"), response)
    assert not is_correct(q("wh", answer, fact_type="date"), "يوم 25 ديسمبر")


def test_aliases_in_accepted_count_as_the_answer() -> None:
    question = q(answer="دونالد ترامب", accepted=("ترامب",))
    assert is_correct(question, "ترامب")
    assert is_correct(question, "«ترامب»")
    assert not is_correct(question, "روبيو")


@pytest.mark.parametrize("response", ["40.27", "٤٠٫٢٧", "40,27", "40.27%", "٤٠٫٢٧٪", "40،27", "27ر40",
                                      "40.27 في المائة", " 40.270 "])
def test_numbers_compare_by_value(response: str) -> None:
    question = q("numeric", "40.27%", fact_type="percentage", tolerance=0.005)
    assert is_correct(question, response)


@pytest.mark.parametrize("response", ["40.2", "41.27", "4027", "40 27", "40.27 41.27", "نصف"])
def test_wrong_or_ambiguous_numbers_score_zero(response: str) -> None:
    question = q("numeric", "40.27%", fact_type="percentage", tolerance=0.005)
    assert grade(question, response) == 0.0


@pytest.mark.parametrize(("text", "expected"), [
    ("9,080,431", 9080431.0), ("٩٬٠٨٠٬٤٣١", 9080431.0), ("5ر1", 1.5), ("1.5 مليار", 1.5), ("ثلاثة", 3.0),
    ("٣٫٤٪", 3.4),
])
def test_number_reading_covers_news_forms(text: str, expected: float) -> None:
    assert expected in number_values(text)


def test_large_numbers_use_the_question_tolerance() -> None:
    question = q("numeric", "9,080,431", fact_type="number", tolerance=45402.0)
    assert is_correct(question, "9080431")
    assert is_correct(question, "9,080,000")
    assert not is_correct(question, "8000000")


def test_a_key_written_with_the_old_decimal_mark_grades_its_first_reading() -> None:
    # «5ر1%» is 1.5% (the ر decimal mark reads right to left); 5.1 is the other reading and is wrong.
    question = q("numeric", "5ر1%", fact_type="percentage", tolerance=0.0)
    assert is_correct(question, "1.5") and is_correct(question, "1.5%") and is_correct(question, "١٫٥")
    assert not is_correct(question, "5.1")


def test_a_figure_with_a_thousands_dot_grades_every_way_it_is_written() -> None:
    question = q("numeric", "367.122", fact_type="number", tolerance=0.0, accepted=("367122", "367,122"))
    assert is_correct(question, "367122") and is_correct(question, "367,122") and is_correct(question, "367.122")
    assert not is_correct(question, "367")


def test_a_cloze_on_a_number_is_graded_by_value() -> None:
    question = q("cloze", "67", fact_type="number", tolerance=0.0)
    assert is_correct(question, "٦٧")
    assert not is_correct(question, "76")


def test_mcq_accepts_the_chosen_option_text_only_when_it_is_the_answer() -> None:
    question = q("mcq", "هندوراس", fact_type="place", choices=("فنزويلا", "هندوراس", "بليز", "كوبا"))
    assert grade(question, "هندوراس") == 1.0
    assert grade(question, "هندوراس ") == 1.0
    assert grade(question, "فنزويلا") == 0.0
    assert grade(question, "غواتيمالا") == 0.0


@pytest.mark.parametrize(("answer", "response", "score"), [
    (TRUE_LABEL, TRUE_LABEL, 1.0), (TRUE_LABEL, True, 1.0), (TRUE_LABEL, FALSE_LABEL, 0.0),
    (TRUE_LABEL, False, 0.0), (FALSE_LABEL, FALSE_LABEL, 1.0), (FALSE_LABEL, False, 1.0),
    (FALSE_LABEL, "خطا", 1.0), (FALSE_LABEL, TRUE_LABEL, 0.0), (TRUE_LABEL, "ربما", 0.0),
])
def test_true_false_accepts_labels_and_booleans(answer: str, response: object, score: float) -> None:
    question = q("true_false", answer, choices=(TRUE_LABEL, FALSE_LABEL))
    assert grade(question, response) == score


def test_matching_gives_partial_credit_per_pair() -> None:
    pairs = (("دونالد ترامب", "الرئيس الأمريكي"), ("ماركو روبيو", "وزير الخارجية"),
             ("نصري عصفورة", "المرشح اليميني"))
    question = q("matching", "", pairs=pairs, choices=tuple(b for _, b in pairs))
    assert grade(question, dict(pairs)) == 1.0
    two_right = {"دونالد ترامب": "الرئيس الأمريكي", "ماركو روبيو": "المرشح اليميني",
                 "نصري عصفورة": "المرشح اليميني"}
    assert grade(question, two_right) == pytest.approx(2 / 3)
    assert grade(question, {"دونالد ترامب": "الرئيس الامريكي"}) == pytest.approx(1 / 3)


def test_ordering_scores_the_fraction_of_items_in_their_right_place() -> None:
    items = ("أ", "ب", "ج", "د")
    question = q("ordering", "", items=items, choices=("ج", "أ", "د", "ب"))
    assert grade(question, list(items)) == 1.0
    assert grade(question, ["أ", "ب", "د", "ج"]) == 0.5
    assert grade(question, ["د", "ج", "ب", "أ"]) == 0.0
    assert grade(question, ("أ", "ب", "ج")) == 0.75


KINDS_AND_QUESTIONS = [
    q("short"), q("wh"), q("cloze"), q("numeric", "40.27%", fact_type="percentage", tolerance=0.005),
    q("mcq", "هندوراس", choices=("فنزويلا", "هندوراس", "بليز", "كوبا")),
    q("true_false", TRUE_LABEL, choices=(TRUE_LABEL, FALSE_LABEL)),
    q("matching", "", pairs=(("أ", "1"), ("ب", "2")), choices=("1", "2")),
    q("ordering", "", items=("أ", "ب", "ج"), choices=("ج", "أ", "ب")),
]
MALFORMED = [None, 42, 3.5, b"\xd8\xa3", [], {}, object(), "", "   ", "ترامب" * 1000, ["أ"] * 100000,
             {"أ": 1}, float("nan")]


@pytest.mark.parametrize("question", KINDS_AND_QUESTIONS, ids=lambda x: x.kind)
@pytest.mark.parametrize("response", MALFORMED, ids=lambda r: type(r).__name__)
def test_malformed_responses_score_zero_and_never_raise(question: Question, response: object) -> None:
    assert grade(question, response) == 0.0
    assert is_correct(question, response) is False


@settings(max_examples=300, deadline=None)
@given(response=st.one_of(st.text(max_size=300), st.none(), st.integers(), st.floats(), st.booleans(),
                          st.lists(st.text(max_size=20), max_size=5),
                          st.dictionaries(st.text(max_size=10), st.text(max_size=10), max_size=4)))
def test_any_response_scores_between_zero_and_one_without_raising(response: object) -> None:
    for question in KINDS_AND_QUESTIONS:
        assert 0.0 <= grade(question, response) <= 1.0


def test_an_unknown_kind_is_an_error_not_a_silent_zero() -> None:
    with pytest.raises(UnknownKind):
        grade(q("essay"), "دونالد ترامب")
