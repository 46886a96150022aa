"""GIFT export, read back with gift-pegjs, a GIFT parser written independently of Fahim and Moodle."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from gift_pegjs import questions_by_name, read_gift, shown, subanswer
from questions.generate import generate
from questions.kinds import UnknownKind
from questions.model import Article, Bank, Question
from quiz.exports import gift
from quiz.exports.samples import sample_bank
from quiz.exports.typed import text_alternatives

Parsed = dict[str, dict[str, Any]]


def one(q: Question) -> dict[str, Any]:
    return questions_by_name(gift.gift(Bank(Article("a", "t", ""), (q,))))[q.key]


def answers(parsed: dict[str, Any]) -> list[tuple[bool, str]]:
    # Options of a choice are shown as HTML; short answers are compared with what is typed, as is.
    return [(bool(c["isCorrect"]), shown(c["text"]) if parsed["type"] == "MC" else c["text"]["text"])
            for c in parsed["choices"]]


def pairs_of(parsed: dict[str, Any]) -> list[tuple[str, str]]:
    return [(shown(p["subquestion"]), subanswer(p["subanswer"])) for p in parsed["matchPairs"]]


@pytest.mark.parametrize("text", [
    "بلا رموز", "a~b", "a=b", "a#b", "{x}", "الساعة 10:30", "c:\\dir", "\\~", "نهاية\\", "5% - 6",
])
def test_gift_special_characters_read_back_intact(text: str) -> None:
    q = Question(key="k", kind="short", fact_type="organization", prompt=f"سؤال {text}؟", answer=text)
    got = one(q)
    assert got["type"] == "Short"
    assert shown(got["stem"]) == q.prompt
    assert answers(got)[0] == (True, text) and all(ok for ok, _ in answers(got))


@pytest.mark.parametrize(("text", "escaped"), [
    ("a~b", "a\\~b"), ("a=b", "a\\=b"), ("a#b", "a\\#b"), ("{x}", "\\{x\\}"), ("10:30", "10\\:30"),
    ("c:\\dir", "c\\:\\\\dir"), ("سطر\nسطر", "سطر\\nسطر"), ("win\r\nline", "win\\nline"), ("5% -> 6", "5% -> 6"),
])
def test_the_escaping_table_is_moodles(text: str, escaped: str) -> None:
    assert gift.escape_gift(text) == escaped


def test_html_characters_are_shown_as_text_and_typed_answers_stay_literal() -> None:
    q = Question(key="h", kind="short", fact_type="organization", prompt="ما <b>الحزب</b> & حلفاؤه؟",
                 answer="حزب <الوطني> & شركاؤه")
    text = gift.gift(Bank(Article("a", "t", ""), (q,)))
    assert "&lt;b&gt;الحزب&lt;/b&gt; &amp; حلفاؤه" in text and "<b>" not in text
    got = one(q)
    assert got["stem"]["format"] == "html" and shown(got["stem"]) == q.prompt
    assert answers(got)[0] == (True, q.answer)


def test_options_and_pairs_shown_as_html_are_escaped() -> None:
    mcq = Question(key="m", kind="mcq", fact_type="person", prompt="من؟", answer="أ & ب",
                   choices=("<ج>", "أ & ب", "د"))
    assert answers(one(mcq)) == [(False, "<ج>"), (True, "أ & ب"), (False, "د")]
    pairs = Question(key="p", kind="matching", fact_type="person", prompt="طابق", answer="",
                     pairs=(("<أ>", "ب & ج"), ("د", "هـ")), choices=("ب & ج", "هـ"))
    assert pairs_of(one(pairs)) == list(pairs.pairs)


def test_an_arrow_in_a_typed_answer_is_broken_apart_so_the_question_stays_a_short_answer() -> None:
    q = Question(key="a", kind="short", fact_type="number", prompt="ما التغير؟", answer="5% -> 6%")
    got = one(q)
    assert got["type"] == "Short" and answers(got)[0] == (True, "5% - > 6%")


def test_a_star_in_a_typed_answer_is_no_wildcard() -> None:
    q = Question(key="s", kind="short", fact_type="number", prompt="ما الرمز؟", answer="3*4")
    assert answers(one(q))[0] == (True, "3\\*4")


def test_the_file_starts_with_the_articles_category_and_holds_one_question_each() -> None:
    bank = sample_bank()
    items = read_gift(gift.gift(bank))
    assert items[0] == {"type": "Category", "title": "$course$/top/أخبار/فوز عصفورة برئاسة هندوراس"}
    assert [i["title"] for i in items[1:]] == [q.key for q in bank.questions]


@pytest.fixture(name="read")
def read_fixture() -> tuple[Bank, Parsed]:
    bank = sample_bank()
    return bank, questions_by_name(gift.gift(bank))


def q_of(bank: Bank, key: str) -> Question:
    return next(q for q in bank.questions if q.key == key)


def test_every_text_is_html_right_to_left_with_the_source_as_general_feedback(read: tuple[Bank, Parsed]) -> None:
    bank, got = read
    for q in bank.questions:
        assert got[q.key]["stem"]["format"] == "html"
        assert got[q.key]["stem"]["text"].startswith('<div dir="rtl">'), q.key
        if q.source.text:
            assert shown(got[q.key]["globalFeedback"]) == q.source.text


def test_multiple_choice_reads_back_with_one_right_option(read: tuple[Bank, Parsed]) -> None:
    bank, got = read
    q = q_of(bank, "mcq-person")
    assert got[q.key]["type"] == "MC"
    assert answers(got[q.key]) == [(c == q.answer, c) for c in q.choices]
    assert shown(got[q.key]["stem"]) == q.prompt


@pytest.mark.parametrize(("key", "value"), [("tf-date", False), ("tf-place", True)])
def test_true_false_reads_back(read: tuple[Bank, Parsed], key: str, value: bool) -> None:
    assert (read[1][key]["type"], read[1][key]["isTrue"]) == ("TF", value)


@pytest.mark.parametrize("key", ["wh-place", "short-org"])
def test_short_answers_read_back_with_special_characters_intact(read: tuple[Bank, Parsed], key: str) -> None:
    bank, got = read
    q = q_of(bank, key)
    assert got[key]["type"] == "Short"
    assert shown(got[key]["stem"]) == q.prompt
    assert [a for ok, a in answers(got[key]) if ok][:1 + len(q.accepted)] == [q.answer, *q.accepted]


def test_numeric_reads_back_with_its_tolerance(read: tuple[Bank, Parsed]) -> None:
    got = read[1]["numeric-pct"]
    assert got["type"] == "Numerical"
    assert (got["choices"]["number"], got["choices"]["range"]) == (40.3, 0.5)


def test_matching_reads_back_with_distractors(read: tuple[Bank, Parsed]) -> None:
    bank, got = read
    q = q_of(bank, "matching-people")
    assert got[q.key]["type"] == "Matching"
    assert pairs_of(got[q.key]) == [*q.pairs, ("", "وزير: الخارجية")]


def test_ordering_reads_back_as_items_matched_to_positions(read: tuple[Bank, Parsed]) -> None:
    bank, got = read
    q = q_of(bank, "ordering-dates")
    assert got[q.key]["type"] == "Matching"
    assert dict(pairs_of(got[q.key])) == {item: str(i) for i, item in enumerate(q.items, 1)}


def test_cloze_is_a_missing_word_question_with_the_blank_in_place(read: tuple[Bank, Parsed]) -> None:
    bank, got = read
    q = q_of(bank, "cloze-date")
    assert got[q.key]["type"] == "Short" and got[q.key]["hasEmbeddedAnswers"]
    assert [a for ok, a in answers(got[q.key]) if ok][:2] == [q.answer, *q.accepted]
    assert shown(got[q.key]["stem"]) == q.prompt.replace("____", "_____")
    choice = got["cloze-choice"]
    assert choice["type"] == "MC" and choice["hasEmbeddedAnswers"]
    assert [a for ok, a in answers(choice) if ok] == ["هندوراس"]


def test_a_blank_at_the_end_still_shows_as_a_blank() -> None:
    q = Question(key="end", kind="cloze", fact_type="place", prompt="فاز عصفورة في _____", answer="هندوراس")
    got = one(q)
    assert got["hasEmbeddedAnswers"] and shown(got["stem"]).strip() == "فاز عصفورة في _____"


def test_an_arrow_inside_a_matching_item_cannot_split_the_pair() -> None:
    q = Question(key="m", kind="matching", fact_type="person", prompt="طابق", answer="",
                 pairs=(("أ -> ب", "ج"), ("د", "هـ -> و")), choices=("ج", "هـ -> و"))
    assert pairs_of(one(q)) == [("أ - > ب", "ج"), ("د", "هـ -> و")]


def test_every_built_in_question_reads_back_with_its_answer() -> None:
    text = (Path(__file__).resolve().parent.parent / "quiz" / "seed" / "asfura_honduras.txt").read_text(encoding="utf-8")
    bank = generate(text, seed=0, article_date="2026-02-15", title="ترامب ونصري عصفورة")
    got = questions_by_name(gift.gift(bank))
    assert set(got) == {q.key for q in bank.questions}
    for q in bank.questions:
        g = got[q.key]
        if q.kind == "mcq" or (q.kind == "cloze" and q.choices):
            assert [a for ok, a in answers(g) if ok] == [q.answer], q.key
        elif g["type"] == "Numerical":
            assert g["choices"]["number"] is not None, q.key
        elif q.kind in ("wh", "short", "cloze"):
            assert answers(g)[0] == (True, q.answer), q.key
        elif q.kind == "matching":
            assert pairs_of(g)[: len(q.pairs)] == list(q.pairs)
        elif q.kind == "true_false":
            assert g["type"] == "TF"


def test_a_short_answer_lists_every_spelling_fahim_accepts() -> None:
    q = Question(key="s", kind="wh", fact_type="place", prompt="أين؟", answer="الولايات المتحدة", accepted=("أمريكا",))
    assert answers(one(q)) == [(True, a) for a in text_alternatives(q)]
    assert (True, "امريكا") in answers(one(q))


def test_a_number_or_percentage_answer_is_numerical_with_the_value_fahim_reads() -> None:
    q = Question(key="p", kind="wh", fact_type="percentage", prompt="ما النسبة؟", answer="١١٫٢٢٪", tolerance=0.005)
    got = one(q)
    assert got["type"] == "Numerical"
    assert (got["choices"]["number"], got["choices"]["range"]) == (11.22, 0.005)


def test_a_number_blank_is_numerical_with_the_percent_sign_after_it() -> None:
    q = Question(key="c", kind="cloze", fact_type="percentage", prompt="فاز بنسبة _____ من الأصوات.",
                 answer="40.27%", tolerance=0.005)
    got = one(q)
    assert got["type"] == "Numerical" and got["hasEmbeddedAnswers"]
    # gift-pegjs sets a space after the blank it writes; Moodle writes the blank alone.
    assert shown(got["stem"]).replace("_____ ", "_____") == "فاز بنسبة _____% من الأصوات."
    assert (got["choices"]["number"], got["choices"]["range"]) == (40.27, 0.005)


def test_a_question_of_an_unknown_kind_is_an_error_not_a_short_answer() -> None:
    q = Question(key="x", kind="essay", fact_type="person", prompt="اكتب؟", answer="نص")
    with pytest.raises(UnknownKind):
        gift.gift(Bank(Article("a", "t", ""), (q,)))
