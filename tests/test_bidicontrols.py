"""The rule: bidirectional controls are removed from teacher text, offsets follow, and pages print none."""

from __future__ import annotations

import pytest
from markupsafe import Markup

from questions.model import Article, Bank, Question, Source
from quiz.bidicontrols import clean_bank, clean_question, finalize, optional_without_controls, without_controls

RLO, PDF, LRI, PDI, LRM, RLM, ALM = "\u202e", "\u202c", "\u2066", "\u2069", "\u200e", "\u200f", "\u061c"
CONTROLS = [chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C, 0xFEFF)]


@pytest.mark.parametrize("control", CONTROLS, ids=[f"U+{ord(c):04X}" for c in CONTROLS])
def test_every_bidi_control_and_mark_is_removed(control: str) -> None:
    assert without_controls(f"حصل على{control} 40.27%{control}") == "حصل على 40.27%"


def test_text_without_controls_is_unchanged_arabic_latin_digits_and_joiners_alike() -> None:
    text = "قال ترامب على Truth Social إن 53 مليون و909 آلاف صوت\u200d… «هندوراس»"
    assert without_controls(text) == text
    assert optional_without_controls(None) is None and optional_without_controls(RLO + "x") == "x"


def test_a_question_loses_its_controls_in_every_field_and_its_source_offsets_follow() -> None:
    sentence = f"فاز {RLO}نصري{PDF} عصفورة في {LRI}هندوراس{PDI}."
    start = sentence.index("هندوراس")
    q = Question(key="k", kind="mcq", fact_type="place", prompt=f"في أي بلد فاز عصفورة؟{RLM}",
                 answer="هندوراس" + LRM, accepted=(ALM + "هندوراس",), choices=("هندوراس" + LRM, RLO + "كوبا"),
                 source=Source(sentence, start, start + len("هندوراس")), pairs=((RLO + "أ", "ب"),),
                 items=(LRI + "أول",))
    clean = clean_question(q)
    assert clean.prompt == "في أي بلد فاز عصفورة؟" and clean.answer == "هندوراس"
    assert clean.accepted == ("هندوراس",) and clean.choices == ("هندوراس", "كوبا")
    assert clean.pairs == (("أ", "ب"),) and clean.items == ("أول",)
    assert clean.source.text == "فاز نصري عصفورة في هندوراس."
    assert clean.source.text[clean.source.start:clean.source.end] == "هندوراس"
    assert (clean.key, clean.kind, clean.fact_type) == (q.key, q.kind, q.fact_type)


def test_a_clean_question_is_returned_as_it_is() -> None:
    q = Question(key="k", kind="wh", fact_type="place", prompt="أين؟", answer="هندوراس",
                 source=Source("في هندوراس", 3, 10))
    assert clean_question(q) is q


def test_a_bank_loses_controls_in_its_article_and_questions() -> None:
    bank = Bank(article=Article(key="a", title=RLO + "عنوان", text="نص" + LRM + " المقال", source=RLM + "وكالة"),
                questions=(Question(key="k", kind="wh", fact_type="place", prompt=RLO + "أين؟", answer="هنا"),))
    clean = clean_bank(bank)
    assert (clean.article.title, clean.article.text, clean.article.source) == ("عنوان", "نص المقال", "وكالة")
    assert clean.questions[0].prompt == "أين؟" and clean.article.key == "a"


def test_finalize_strips_strings_keeps_markup_markup_and_leaves_other_values() -> None:
    assert finalize(RLO + "exe.txt") == "exe.txt"
    marked = finalize(Markup('<bdi dir="ltr">' + RLO + "42</bdi>"))
    assert isinstance(marked, Markup) and marked == Markup('<bdi dir="ltr">42</bdi>')
    assert finalize(42) == 42 and finalize(None) is None
    plain = "نص عادي"
    assert finalize(plain) is plain
