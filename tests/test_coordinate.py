"""A fact in a «و»-joined clause of a long sentence, asked on that clause with the shared subject written in."""

from __future__ import annotations

from questions.coordinate import coordinate_span, first_subject

COURT = ("أسدلت محكمة التمييز الستار على القضية، وأيدت حكم محكمة الاستئناف القاضي بحبس مدير سابق عشر سنوات "
         "مع الشغل والنفاذ.")
TRAIN = ("أجرت الهيئة القومية للأنفاق أول رحلة تجريبية للقطار، قطعها في 31 دقيقة، وبلغت سرعته القصوى "
         "خلالها 230 كيلومترا في الساعة.")


def test_a_clause_joined_by_wa_after_the_first_is_asked_on_its_own() -> None:
    start = COURT.index("عشر")
    span = coordinate_span(COURT, start)
    assert span is not None and COURT[span[0]:span[1]].startswith("وأيدت")


def test_a_fact_of_the_first_clause_has_no_coordinate_clause() -> None:
    assert coordinate_span(COURT, COURT.index("الستار")) is None


def test_a_verb_without_object_keeps_the_noun_after_it_as_its_own_subject() -> None:
    assert coordinate_span(TRAIN, TRAIN.index("230")) is None  # not «بلغت الهيئة القومية للأنفاق سرعته»


def test_the_shared_subject_is_the_name_right_after_the_first_verb() -> None:
    name = COURT.index("محكمة التمييز")
    assert first_subject(COURT, [(name, name + len("محكمة التمييز"))]) == "محكمة التمييز"
    assert first_subject(COURT, [(COURT.index("مدير"), COURT.index("مدير") + 4)]) is None
