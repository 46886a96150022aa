"""CSV/TSV export in the (term, definition) form Quizlet imports."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable

import pytest

from questions.kinds import UnknownKind
from questions.model import Article, Bank, Question
from quiz.exports import tabular
from quiz.exports.samples import sample_bank


def test_csv_has_two_columns_and_one_row_per_question_or_matching_pair() -> None:
    bank = sample_bank()
    rows = list(csv.reader(io.StringIO(tabular.csv_text(bank))))
    pairs = sum(len(q.pairs) for q in bank.questions if q.kind == "matching")
    assert len(rows) == len(bank.questions) - 1 + pairs
    assert all(len(r) == 2 for r in rows)
    assert ["من أعلن فوزه برئاسة هندوراس؟ (سلفادور نصر الله / نصري عصفورة / ريكسي مونكادا / شيومارا كاسترو)",
            "نصري عصفورة"] in rows
    assert ["نصري عصفورة", "الرئيس المنتخب"] in rows
    assert ["ما نسبة الأصوات التي حصل عليها الفائز (%)؟", "40.3 (± 0.5)"] in rows


@pytest.mark.parametrize(("prompt", "answer"), [
    ('قال "نعم", ثم ذهب', "أ,ب"),
    ("سطر\nثان", 'علامة "اقتباس"'),
    ("\tبادئة", "نهاية\r\n"),
])
def test_csv_quotes_commas_quotes_and_line_breaks_so_rows_read_back_intact(prompt: str, answer: str) -> None:
    q = Question(key="k", kind="short", fact_type="number", prompt=prompt, answer=answer)
    rows = list(csv.reader(io.StringIO(tabular.csv_text(Bank(Article("a", "t", ""), (q,))), newline="")))
    assert rows == [[prompt, answer]]


def test_tsv_keeps_every_card_on_one_line_with_one_tab() -> None:
    q = Question(key="k", kind="short", fact_type="number", prompt="سطر\nثان\tثالث", answer='"أ"\tب')
    text = tabular.tsv_text(Bank(Article("a", "t", ""), (q,)))
    assert text == 'سطر ثان ثالث\t"أ" ب\n'


@pytest.mark.parametrize("write", [tabular.csv_bytes, tabular.tsv_bytes])
def test_files_are_utf8_with_a_byte_order_mark_so_excel_reads_the_arabic(write: Callable[[Bank], bytes]) -> None:
    data = write(sample_bank())
    assert data.startswith(b"\xef\xbb\xbf") and data.count(b"\xef\xbb\xbf") == 1
    assert "نصري عصفورة" in data[3:].decode("utf-8")


def test_cloze_rows_show_the_blank_and_ordering_rows_number_the_items() -> None:
    rows = dict(tabular.rows(sample_bank()))
    assert rows["أعلن نصري عصفورة فوزه برئاسة هندوراس في ____ بنسبة 40.3% من الأصوات."] == "24 ديسمبر"
    assert rows["رتّب الأحداث من الأقدم إلى الأحدث:"] == (
        "1) الاقتراع في 30 نوفمبر، 2) بدء الفرز، 3) إعلان النتيجة في 24 ديسمبر")
    assert rows["أعلن عصفورة فوزه في 25 ديسمبر."] == "خطأ"


def test_a_choice_with_a_blank_shows_the_blank_and_its_options() -> None:
    rows = dict(tabular.rows(sample_bank()))
    assert rows["أعلن نصري عصفورة فوزه برئاسة ____. (غواتيمالا / هندوراس / نيكاراغوا / السلفادور)"] == "هندوراس"


def test_a_question_of_an_unknown_kind_is_an_error_not_a_row() -> None:
    q = Question(key="x", kind="essay", fact_type="person", prompt="اكتب؟", answer="نص")
    with pytest.raises(UnknownKind):
        tabular.rows(Bank(Article("a", "t", ""), (q,)))
