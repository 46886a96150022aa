"""A statement or stem must still say what its sentence reported."""

from __future__ import annotations

import pytest

from questions.completeness import says_something


@pytest.mark.parametrize(("text", "says"), [
    ("أشار البنك إلى أن عجز الميزانية", False),  # «أن» with a subject and nothing said of it
    ("قال البروفيسور عمر الزهراني، قائد الفريق البحثي بالجامعة", False),  # who spoke, not what
    ("أظهرت الاختبارات الميدانية التي أجراها الفريق على مدى 12 شهراً", False),  # what they showed is gone
    ("تدير الهيئة العامة للاستثمار، التي تأسست", False),  # a relative clause left on its own
    ("وقال وزير الخارجية إن الزيارة تاريخية", True),
    ("قال الوزير إن الحملة تستمر أربعة أيام", True),
    ("كشفت المؤسسة عن نتائج جولة العطاءات", True),
    ("أعلنت الوزارة إطلاق حملة قومية للتطعيم", True),
    ("أكد الرئيس أهمية التعاون بين البلدين", True),  # «أكد» takes its object directly
    ("قال الوزير: «الحملة مستمرة»", True),
])
def test_says_something(text: str, says: bool) -> None:
    assert says_something(text) is says
