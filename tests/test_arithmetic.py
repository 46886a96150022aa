"""Answers a student works out from the figures on the page instead of recalling them."""

from __future__ import annotations

import pytest

from questions.arithmetic import figures, worked_out
from questions.model import Question


def _q(prompt: str, answer: str, fact_type: str) -> Question:
    return Question(key="k", kind="mcq", fact_type=fact_type, prompt=prompt, answer=answer,
                    choices=(answer, "1", "2", "3"))


@pytest.mark.parametrize(("prompt", "answer", "fact_type"), [
    # a change in percent from its two ends, rounded as the article rounds it
    ("ارتفع عدد زوار الحدائق من 11.2 مليون زائر في عام 2024 إلى 13.6 مليون زائر في عام 2025، بنسبة نمو بلغت _____.",
     "21%", "percentage"),
    # a share from a part and its whole
    ("صوّت 251,517 ناخباً من أصل 351,280 مسجلاً، أي بنسبة مشاركة بلغت _____.", "71.6%", "percentage"),
    # a count from a whole and its share
    ("بلغت نسبة المشاركة 71.6% من 351,280 ناخباً مسجلاً، أي _____ ناخباً.", "251,517", "number"),
    # a difference from its two ends
    ("سجل 400 ألف ناخب، وصوت منهم 88 ألفاً، وامتنع _____.", "312 ألف", "number"),
    # a count after a change in percent, as the article rounds it
    ("تقلص عدد الحالات من 6420 حالة بنسبة 38% إلى _____ حالة.", "3980", "number"),
    # ... with the percentage written in words
    ("ارتفع عدد الطلبة من _____ طالب إلى نحو 312 ألفاً، بزيادة تتجاوز 5 في المائة.", "297 ألف", "number"),
    ("بلغت الصادرات _____ ريال، متراجعة من 27.1 مليار ريال، بنسبة 6.3 بالمئة.", "25.4 مليار", "number"),
    # a total from its two parts
    ("شارك في المعرض _____ عارضا، منهم 305 عارضين مباشرين و463 عارضا غير مباشر.", "768", "number"),
    # a fall in percent from its two ends
    ("تراجع التبادل التجاري من 1.6 مليار دولار في 2023 إلى نحو 1.2 مليار دولار في 2025، بانخفاض يقارب _____.", "25%",
     "percentage"),
    # the rest of a whole
    ("سيطر الغرافة على الكرة بنسبة 58% مقابل _____ لمنافسه.", "42%", "percentage"),
    # a rate before a cut in basis points
    ("خفضت اللجنة سعر الإيداع بواقع 200 نقطة أساس، ليتراجع من _____ إلى 18 في المائة.", "20%", "percentage"),
    # ... the basis points written in words
    ("خفض البنك المركزي نسبة الفائدة بخمسين نقطة أساس في مارس، من _____ إلى 7.5%.", "8%", "percentage"),
])
def test_a_figure_one_step_of_arithmetic_gives_is_worked_out(prompt: str, answer: str, fact_type: str) -> None:
    assert worked_out(_q(prompt, answer, fact_type), [prompt])


@pytest.mark.parametrize(("prompt", "answer", "fact_type"), [
    ("ارتفع عدد زوار الحدائق من 11.2 مليون زائر إلى 13.6 مليون زائر، بنسبة نمو بلغت _____.", "25%", "percentage"),
    ("سجل 400 ألف ناخب، وصوت منهم 78 ألفاً، وامتنع _____.", "312 ألف", "number"),
    ("افتتحت البلدية 9 حدائق في عام 2025 بتكلفة _____ درهم.", "145 مليون", "number"),
    ("بلغ عدد الزوار _____ زائر في عام 2025 مقابل عام 2024.", "1", "number"),  # years are no figures to work on
    ("بلغت نسبة النجاح 18% في المدن مقابل _____ في القرى التي تضم 40% من الطلبة.", "58%", "percentage"),
])
def test_a_figure_no_step_of_arithmetic_gives_is_not(prompt: str, answer: str, fact_type: str) -> None:
    assert not worked_out(_q(prompt, answer, fact_type), [prompt])


def test_the_figures_of_another_question_count_too() -> None:
    q = _q("ما نسبة النمو في عدد زوار الحدائق؟", "21%", "percentage")
    assert not worked_out(q, [q.prompt])
    assert worked_out(q, [q.prompt, "ارتفع عدد زوار الحدائق من 11.2 مليون إلى _____ زائر."]) is False
    assert worked_out(q, [q.prompt, "ارتفع عدد زوار الحدائق من 11.2 مليون إلى 13.6 مليون زائر."])


def test_figures_leave_years_out_and_mark_percentages() -> None:
    assert figures("ارتفعت النسبة إلى 12.6% في عام 2025 مقابل 11.8% وبلغ العدد 350") == (
        (12.6, True), (11.8, True), (350.0, False))
    assert figures("بزيادة 5 في المائة و7 بالمئة و4 في المئة") == ((5.0, True), (7.0, True), (4.0, True))
