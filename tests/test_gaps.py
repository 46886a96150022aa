"""Two groups' shares set against each other in one sentence, and the comparison asked on their gap."""

from __future__ import annotations

import pytest

from handmade import context, fact
from questions.gaps import find_gap
from questions.kinds import comparison
from questions.stems import stems_for


def _shares(text: str, *surfaces: str) -> list[object]:
    ctx = context(text, [fact(text, s, "percentage", float(s.split()[0].rstrip("%"))) for s in surfaces])
    return [find_gap(ctx, i) for i in range(len(surfaces))]


@pytest.mark.parametrize(("text", "first", "second", "measure", "groups"), [
    ("وبلغت نسبة النجاح لدى الإناث 73.1 في المائة، مقابل 65.8 في المائة لدى الذكور.\n",
     "73.1 في المائة", "65.8 في المائة", "نسبة النجاح", ("لدى الإناث", "لدى الذكور")),
    ("وبلغ معدل البطالة 16.2 في المئة في الوسط الحضري مقابل 6.9 في المئة في الوسط القروي.\n",
     "16.2 في المئة", "6.9 في المئة", "معدل البطالة", ("في الوسط الحضري", "في الوسط القروي")),
    ("وبلغت نسبة النجاح في الفرع العلمي 76.2%، في حين بلغت في الفرع الأدبي 58.7%.\n",
     "76.2%", "58.7%", "نسبة النجاح", ("في الفرع العلمي", "في الفرع الأدبي")),
])
def test_two_groups_shares_of_one_measure_make_a_gap(text: str, first: str, second: str, measure: str,
                                                      groups: tuple[str, str]) -> None:
    gaps = _shares(text, first, second)
    assert gaps[0] == gaps[1] and gaps[0] is not None
    gap = gaps[0]
    assert (gap.measure, gap.first.text, gap.first_group, gap.second.text, gap.second_group) == \
        (measure, first, groups[0], second, groups[1])


@pytest.mark.parametrize(("text", "first", "second"), [
    # an earlier value of the same measure: a change, not two groups
    ("وبلغت نسبة النجاح 73.1 في المائة في الدورة الحالية، مقابل 65.8 في المائة في الدورة السابقة.\n",
     "73.1 في المائة", "65.8 في المائة"),
    ("وبلغت نسبة النجاح 73.1% في عام 2026 مقابل 65.8% في عام 2025.\n", "73.1%", "65.8%"),
    # a measure that does not say what it measures
    ("ويبلغ المعدل 19.1% لدى النساء مقابل 10.4% لدى الرجال.\n", "19.1%", "10.4%"),
    # no group for the first share
    ("وبلغت نسبة الاستحواذ 61 في المئة مقابل 39 في المئة للضيوف.\n", "61 في المئة", "39 في المئة"),
    # groups of different prepositions
    ("وبلغت نسبة النجاح لدى الإناث 73.1%، مقابل 65.8% في الفرع الأدبي.\n", "73.1%", "65.8%"),
])
def test_no_gap_without_two_groups_of_one_named_measure(text: str, first: str, second: str) -> None:
    assert _shares(text, first, second) == [None, None]


def test_the_gap_is_asked_as_a_comparison_on_the_second_share() -> None:
    text = "وبلغت نسبة النجاح لدى الإناث 73.1 في المائة، مقابل 65.8 في المائة لدى الذكور.\n"
    ctx = context(text, [fact(text, s, "percentage", v) for s, v in (("73.1 في المائة", 73.1),
                                                                      ("65.8 في المائة", 65.8))])
    first, second = (stems_for(ctx, i) for i in range(2))
    assert first is not None and second is not None
    assert comparison.build(ctx, first, 0.5) is None
    c = comparison.build(ctx, second, 0.5)
    assert c is not None
    assert c.question.prompt == "ما الفرق بين نسبة النجاح لدى الإناث ونسبة النجاح لدى الذكور بحسب المقال؟"
    assert c.question.answer == "7.3 نقطة مئوية"
    assert len(set(c.question.choices)) == 4 and not {"73.1 نقطة مئوية", "65.8 نقطة مئوية"} & set(c.question.choices)
