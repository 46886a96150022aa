"""Percentages in Arabic news: signs and words, every digit script, and the news-agency decimal ر."""

from __future__ import annotations

import pytest

from questions.facts import extract_facts
from questions.model import Fact


def percentages(text: str) -> list[Fact]:
    return [f for f in extract_facts(text) if f.type == "percentage"]


@pytest.mark.parametrize(("sentence", "surface", "value"), [
    ("فاز المرشح بحصوله على (40.27%) من الأصوات.", "40.27%", 40.27),
    ("بلغت نسبة النجاح 96.91 % هذا العام.", "96.91 %", 96.91),
    ("تراجع معدل التضخم السنوي إلى ٣٫٤٪ خلال شهر مارس.", "٣٫٤٪", 3.4),
    ("بلغت نسبة المشاركة 47.45 في المائة من الناخبين.", "47.45 في المائة", 47.45),
    ("بلغت نسبة المشاركة 11.66 في المائة من إجمالي المسجلين.", "11.66 في المائة", 11.66),
    ("نما الاقتصاد 35.7 بالمئة خلال عقد.", "35.7 بالمئة", 35.7),
    ("حصلت القوائم المستقلة على 63 بالمئة من المقاعد.", "63 بالمئة", 63),
    ("أبقى البنك سعر الفائدة عند 3 في المئة دون تغيير.", "3 في المئة", 3),
    ("يتوقع أن يبلغ النمو 2.1 بالمائة هذا العام.", "2.1 بالمائة", 2.1),
    ("انخفضت الأسعار بنسبة 5ر1% على أساس شهري.", "5ر1%", 1.5),
    ("انخفضت أسعار المواد الغذائية بنسبة 5ر2% على أساس شهري.", "5ر2%", 2.5),
    ("ارتفعت أسعار المحروقات بنحو 1ر7% في أبريل.", "1ر7%", 7.1),
    ("تراجعت البطالة إلى 25ر3 في المائة في الربع الأخير.", "25ر3 في المائة", 3.25),
    ("بلغت نسبة التغطية 96،9% من السكان.", "96،9%", 96.9),
    ("بلغت نسبة المشاركة في الاقتراع 50,35 في المائة.", "50,35 في المائة", 50.35),  # Maghreb decimal comma
    ("ارتفعت الصادرات خمسة في المئة مقارنة بالعام السابق.", "خمسة في المئة", 5),
    ("حقق الفريق نسبة استحواذ بلغت 58% في المباراة النهائية.", "58%", 58),
    ("صوت 100% من الأعضاء لصالح القرار.", "100%", 100),
    ("ارتفع المؤشر 4% في بداية التداولات.", "4%", 4),
    ("ارتفع المؤشر بنسبة %5 في بداية التداولات.", "%5", 5),  # the sign before the number, as some sites write it
])
def test_a_percentage_is_found_with_its_value(sentence: str, surface: str, value: float) -> None:
    found = percentages(sentence)
    assert [(f.text, f.value) for f in found] == [(surface, value)]
    assert isinstance(found[0].value, float)
    assert sentence[found[0].start:found[0].end] == surface


@pytest.mark.parametrize("sentence", [
    "لم تتغير النسبة في المئة الأخيرة من السنوات.",  # no number before في المئة
    "ارتفعت الحرارة إلى 7ر4 درجات فوق المعدل.",  # a reversed decimal without a percent sign is a number
])
def test_percent_words_without_a_number_are_not_percentages(sentence: str) -> None:
    assert percentages(sentence) == []


def test_the_number_inside_a_percentage_is_not_also_a_number() -> None:
    facts = extract_facts("سجلت نسبة البطالة 11.66 في المائة في الربع الأول.")
    assert [f.type for f in facts if f.type in ("number", "percentage")] == ["percentage"]
