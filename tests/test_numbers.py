"""Numbers in Arabic news: digits of every script, compounds, number words, scales and counted nouns."""

from __future__ import annotations

import pytest

from questions.facts import extract_facts
from questions.model import Fact


def numbers(text: str) -> list[Fact]:
    return [f for f in extract_facts(text) if f.type == "number"]


def only_number(text: str) -> Fact:
    found = numbers(text)
    assert len(found) == 1, [(f.text, f.value) for f in found]
    return found[0]


@pytest.mark.parametrize(("sentence", "surface", "value", "unit"), [
    # digits, separators and scripts
    ("بلغ عدد سكان البلدة 21,600 نسمة وفق التعداد.", "21,600 نسمة", 21600, "نسمة"),
    ("بلغ عدد سكان البلدة ٢١٬٦٠٠ نسمة وفق التعداد.", "٢١٬٦٠٠ نسمة", 21600, "نسمة"),
    ("وصل إلى المخيم ۱۲ شخصا أمس الأول.", "۱۲ شخصا", 12, "شخص"),
    ("ارتفعت الحرارة إلى 7ر4 درجات فوق المعدل.", "7ر4 درجات", 4.7, "درجات"),
    # compounds written with digits and scale words
    ("بلغ عدد الناخبين 53 مليون و909 آلاف و306 ناخبين.", "53 مليون و909 آلاف و306 ناخبين", 53909306, "ناخبين"),
    ("صوت مليون و40 ألف و608 مواطنين في الاستفتاء.", "مليون و40 ألف و608 مواطنين", 1040608, "مواطنين"),
    ("بلغ عدد الناخبين المسجلين 9 ملايين و80 ألفاً و431 ناخباً.", "9 ملايين و80 ألفاً و431 ناخباً", 9080431,
     "ناخب"),
    ("حضر المباراة 86 ألفاً و492 متفرجاً في الملعب.", "86 ألفاً و492 متفرجاً", 86492, "متفرج"),
    ("خصصت الحكومة 1.5 مليار دولار إضافية للقطاع.", "1.5 مليار دولار", 1500000000, "دولار"),
    ("يبلغ عدد سكان المدينة 2.5 مليون نسمة تقريباً.", "2.5 مليون نسمة", 2500000, "نسمة"),
    ("نزح ثلاثمائة ألف شخص من منازلهم.", "ثلاثمائة ألف شخص", 300000, "شخص"),
    ("وصلت قيمة الصفقة إلى ثلاثة آلاف دولار فقط.", "ثلاثة آلاف دولار", 3000, "دولار"),
    # number words
    ("فاز المنتخب على نظيره بثلاثة أهداف مقابل هدف واحد.", "ثلاثة أهداف", 3, "أهداف"),
    ("ونال جائزة الهداف بعد أن سجل ثمانية أهداف في البطولة.", "ثمانية أهداف", 8, "أهداف"),
    ("شارك في المسيرة ألفي شخص من مختلف الأعمار.", "ألفي شخص", 2000, "شخص"),
    ("تظاهر ألفا شخص أمام البرلمان.", "ألفا شخص", 2000, "شخص"),
    ("ضمت القائمة عشرون لاعباً من الدوري المحلي.", "عشرون لاعباً", 20, "لاعب"),
    ("بنيت المدرسة قبل مئة عام تقريباً.", "مئة عام", 100, "عام"),
    ("تبرع رجل الأعمال بمائة دولار لكل أسرة.", "مائة دولار", 100, "دولار"),
    ("اعتقلت الشرطة ألف شخص خلال الاحتجاجات.", "ألف شخص", 1000, "شخص"),
    ("أصيب خمسة وعشرون جندياً في الهجوم.", "خمسة وعشرون جندياً", 25, "جندي"),
    ("غادر ثلاثة عشر لاعباً المعسكر.", "ثلاثة عشر لاعباً", 13, "لاعب"),
    ("دخل الملعب أحد عشر لاعبا من كل فريق.", "أحد عشر لاعبا", 11, "لاعب"),
    ("قضى في السجن خمسة أشهر ونصف قبل الإفراج عنه.", "خمسة أشهر ونصف", 5.5, "شهر"),
    # ages, durations and counted nouns
    ("ولد عصفورة (67 عامًا) لأبوين فلسطينيين.", "67 عامًا", 67, "عام"),
    ("استمر الإضراب 33 يومًا دون انقطاع.", "33 يومًا", 33, "يوم"),
    ("أمضى 8 أشهر في المستشفى.", "8 أشهر", 8, "شهر"),
    ("عاش في المنفى 5 سنوات قبل عودته.", "5 سنوات", 5, "سنة"),
    ("جرت الانتخابات البلدية في 24 ولاية.", "24 ولاية", 24, "ولاية"),
    ("شارك في القمة قادة 57 دولة عربية وإسلامية.", "57 دولة", 57, "دولة"),
    ("تضمن البيان الختامي 31 بنداً حول غزة.", "31 بنداً", 31, "بند"),
    ("صدر له أكثر من 60 كتاباً في الشعر والرواية.", "60 كتاباً", 60, "كتاب"),
    ("أحرز اللاعب هدف التعادل في الدقيقة 67 من المباراة.", "الدقيقة 67", 67, "دقيقة"),
    ("حصل المرشح على 2000 صوت في الدائرة الأولى.", "2000 صوت", 2000, "صوت"),
])
def test_a_number_is_found_with_its_value_and_unit(sentence: str, surface: str, value: float, unit: str) -> None:
    fact = only_number(sentence)
    assert (fact.text, fact.value, fact.unit) == (surface, value, unit)
    assert sentence[fact.start:fact.end] == fact.text


@pytest.mark.parametrize(("sentence", "values"), [
    ("تراوحت مدة العقود بين 5 و10 سنوات.", [5, 10]),
    ("سجل الفريق 3 أهداف وتلقى 2 فقط.", [3, 2]),
    ("توج المنتخب باللقب للمرة الثانية على التوالي.", [2]),
])
def test_separate_numbers_stay_separate(sentence: str, values: list[float]) -> None:
    assert [f.value for f in numbers(sentence)] == values


@pytest.mark.parametrize("sentence", [
    "خرج عشرات الآلاف من المتظاهرين إلى الشوارع.",  # vague: no count
    "شارك آلاف المتظاهرين في المسيرة.",
    "أعلنت السلطات تسجيل إصابات جديدة بفيروس كوفيد-19 في العاصمة.",
    "قال إنه لست متأكدا من النتائج.",  # لست "I am not", not ست "six"
    "أعلن المجلس يوم 24 ديسمبر 2025 النتائج.",  # day and year belong to the date
    "فاز المرشح بنسبة 40.27% من الأصوات.",  # the number belongs to the percentage
    "يعد واحدا من أبرز الكتاب العرب.",
])
def test_text_that_holds_no_standalone_number_gives_none(sentence: str) -> None:
    assert numbers(sentence) == []


def test_list_markers_at_the_start_of_a_line_are_not_numbers() -> None:
    text = "أهم القرارات:\n1. رفع الأجور بنسبة 5%\n2. توظيف 300 معلم جديد\n"
    assert [(f.text, f.value) for f in numbers(text)] == [("300 معلم", 300)]


def test_a_number_word_span_leaves_out_a_glued_proclitic() -> None:
    fact = only_number("فاز الفريق بثلاثة أهداف نظيفة.")
    assert fact.text == "ثلاثة أهداف"
    assert not fact.text.startswith("ب")


def test_the_definite_number_after_its_noun_counts_without_a_unit() -> None:
    fact = only_number("سجل أكرم عفيف الأهداف الثلاثة لقطر من ركلات جزاء.")
    assert (fact.text, fact.value, fact.unit) == ("الثلاثة", 3, None)
