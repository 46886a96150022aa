"""Wh-question patterns of questions/realize.py, one sentence each."""

from __future__ import annotations

import pytest

from questions.realize import Mention


def _m(sentence: str, surface: str, typ: str, name: str | None = None) -> "Mention":
    from questions.realize import Mention

    s = sentence.index(surface)
    return Mention(s, s + len(surface), typ, name or surface)


def _span(sentence: str, surface: str) -> tuple[int, int]:
    s = sentence.index(surface)
    return s, s + len(surface)


@pytest.mark.parametrize(("sentence", "answer", "mentions", "expected"), [
    ("وأفاد ماركو روبيو، بأن الولايات المتحدة تدعو جميع القوى لاحترام النتائج.", "ماركو روبيو", [],
     "من أفاد بأن الولايات المتحدة تدعو جميع القوى لاحترام النتائج؟"),
    ("وسجّل أكرم عفيف الأهداف الثلاثة لقطر، فيما أحرز يزن النعيمات هدف الأردن.", "أكرم عفيف", [],
     "من سجّل الأهداف الثلاثة لقطر؟"),
    ("وافتتح ولي العهد السعودي الأمير محمد بن سلمان أعمال القمة، داعياً إلى وقف فوري لإطلاق النار.",
     "محمد بن سلمان", [], "من افتتح أعمال القمة؟"),
    # Not the subject, or the clause cannot stand without the name: no question.
    ("وفي وقت سابق، تلقّى «نصري عصفورة»، الفائز بالانتخابات، تهنئة رسمية.", "نصري عصفورة", [], None),
    ("نجح المرشح «نصري عصفورة» المدعوم من الرئيس الأمريكي في حسم السباق.", "نصري عصفورة", [], None),
    ("وأكد ياسر عرفات والشعب الفلسطيني أمام هذا العدوان تمسكهم بحقوقهم.", "ياسر عرفات", [], None),
    ("وولد «عصفورة» (67 عامًا) لأبوين فلسطينيين.", "عصفورة", [], None),
    ("وتجمد رصيد الشبيبة عند 29 نقطة، خلف وفاق سطيف الثالث بـ31 نقطة.", "وفاق سطيف", [], None),
    # «قبل» is "before", not the verb "accepted"
    ("وتقدم الفريق بهدف، قبل سمير بلعيد أن يعدل الكفة في الدقيقة 51.", "سمير بلعيد", [], None),
])
def test_who_questions_fire_only_on_a_named_subject(sentence: str, answer: str, mentions: list[object],
                                                    expected: str | None) -> None:
    from questions.realize import subject_question

    s, e = _span(sentence, answer)
    assert subject_question(sentence, s, e, "person", [_m(sentence, answer, "person")], "من") == expected


@pytest.mark.parametrize(("sentence", "date", "gran", "people", "expected"), [
    ("وقد أعلن المجلس الانتخابي الوطني يوم 24 ديسمبر عن فوز «نصري عصفورة» في انتخابات الرئاسة.", "24 ديسمبر",
     "monthday", [], "متى أعلن المجلس الانتخابي الوطني عن فوز «نصري عصفورة» في انتخابات الرئاسة؟"),
    ("أعلنت الهيئة العليا في تونس، مساء الأحد 7 كانون الثاني/يناير 2024، النتائج الأولية للانتخابات.",
     "الأحد 7 كانون الثاني/يناير 2024", "day", [],
     "متى أعلنت الهيئة العليا في تونس النتائج الأولية للانتخابات؟"),
    ("ودّعت الأوساط الثقافية الأديب غازي القصيبي، الذي رحل يوم 15 أغسطس 2010 في العاصمة الرياض.",
     "15 أغسطس 2010", "day", ["غازي القصيبي"], "متى رحل غازي القصيبي؟"),
    # A dropped subject (ودرس ...) or a date that belongs to a nested verb (هاجرا ...): no question.
    ("ودرس الهندسة المدنية ثم دخل الحياة العامة في تسعينيات القرن الماضي.", "تسعينيات القرن الماضي", "decade",
     [], None),
    ("ولد «عصفورة» (67 عامًا) لأبوين فلسطينيين هاجرا إلى أمريكا الوسطى في أربعينيات القرن الماضي.",
     "أربعينيات القرن الماضي", "decade", [], None),
    ("يأتي هذا التحالف عقب فوز «عصفورة» بانتخابات ديسمبر 2025، حيث تعهد بقطع العلاقات.", "ديسمبر 2025",
     "month", [], None),
])
def test_when_questions_need_an_explicit_subject_and_a_free_date(sentence: str, date: str, gran: str,
                                                                 people: list[str], expected: str | None) -> None:
    from questions.realize import when_question

    s, e = _span(sentence, date)
    got = when_question(sentence, s, e, gran, [_m(sentence, p, "person") for p in people])
    assert (got[0] if got else None) == expected


@pytest.mark.parametrize(("sentence", "pct", "people", "expected"), [
    ("أعلن المجلس فوز «نصري عصفورة» في الانتخابات بحصوله على (40.27%) من الأصوات.", "40.27%",
     ["نصري عصفورة"], "ما نسبة الأصوات التي حصل عليها نصري عصفورة؟"),
    ("وحصلت القوائم المستقلة على 63 بالمئة من المقاعد، فيما توزعت بقية المقاعد على الأحزاب.", "63 بالمئة", [],
     "ما نسبة المقاعد التي حصلت عليها القوائم المستقلة؟"),
    ("وقال رئيس الهيئة إن نسبة المشاركة بلغت 11.66 في المائة من إجمالي الناخبين المسجلين.", "11.66 في المائة", [],
     "كم بلغت نسبة المشاركة من إجمالي الناخبين المسجلين؟"),
    ("وأرجعت المندوبية التراجع إلى انخفاض أسعار المواد الغذائية بنسبة 5ر2% على أساس شهري.", "5ر2%", [],
     "ما نسبة انخفاض أسعار المواد الغذائية على أساس شهري؟"),
    ("سجّل معدل التضخم السنوي في المغرب تراجعاً إلى ٣٫٤٪ خلال شهر مارس.", "٣٫٤٪", [],
     "إلى أي نسبة تراجع معدل التضخم السنوي في المغرب خلال شهر مارس؟"),
    ("مؤكداً أن فريقه استحق اللقب بنسبة استحواذ بلغت 58% في المباراة.", "58%", [], None),
    ("وسجلت التجارة مع تركيا أسرع وتيرة نمو بين الشركاء العشرة الكبار بعدما قفزت بنسبة 27%.", "27%", [], None),
    # the basis is written before the figure: «ما نسبة نمو الاقتصاد؟» would ask for another figure
    ("وعلى أساس فصلي، وبعد التعديل الموسمي، نما الاقتصاد بنسبة 1.3% مقارنة بالربع الرابع.", "1.3%", [], None),
    ("وبنيت الموازنة على فرضية تحقيق نمو اقتصادي بنسبة 2.7% خلال العام المقبل.", "2.7%", [], None),  # of what?
])
def test_percentage_questions_follow_known_shapes(sentence: str, pct: str, people: list[str],
                                                  expected: str | None) -> None:
    from questions.realize import percent_question

    s, e = _span(sentence, pct)
    assert percent_question(sentence, s, e, [_m(sentence, p, "person") for p in people]) == expected


@pytest.mark.parametrize(("sentence", "number", "unit", "people", "expected"), [
    ("ولد «عصفورة» (67 عامًا) لأبوين فلسطينيين.", "67 عامًا", "عام", [("«عصفورة»", "نصري عصفورة")],
     "كم يبلغ عمر نصري عصفورة؟"),
    ("وأوضح بوعسكر أن عدد الناخبين المسجلين بلغ 9 ملايين و80 ألفاً و431 ناخباً.", "9 ملايين و80 ألفاً و431 ناخباً",
     "ناخب", [], "كم بلغ عدد الناخبين المسجلين؟"),
    ("وحضر المباراة 86 ألفاً و492 متفرجاً، وهو رقم قياسي.", "86 ألفاً و492 متفرجاً", "متفرج", [],
     "كم متفرجاً حضر المباراة؟"),
    ("وطالب البيان الختامي، الذي تضمّن 31 بنداً، مجلس الأمن باتخاذ قرار.", "31 بنداً", "بند", [],
     "كم بنداً تضمّن البيان الختامي؟"),
    ("وصدر له أكثر من 60 كتاباً بين الشعر والرواية.", "60 كتاباً", "كتاب", [], None),
    # The count belongs to «الفرق» in a pronoun aside, not to what «قال» did.
    ("وقال الدكتور حسام عبد الغفار وعددها 6,240 فريقاً، فحصت الطلاب.", "6,240 فريقاً", "فريق", [], None),
])
def test_count_questions_follow_known_shapes(sentence: str, number: str, unit: str,
                                             people: list[tuple[str, str]], expected: str | None) -> None:
    from questions.realize import number_question

    s, e = _span(sentence, number)
    mentions = [_m(sentence, surface, "person", name) for surface, name in people]
    assert number_question(sentence, s, e, mentions, unit) == expected



@pytest.mark.parametrize(("prompt", "kept"), [
    ("ما نسبة ارتفاع الإيرادات مقارنة", False),  # compared with what
    ("من سجّل الأهداف الثلاثة لقطر في", False),
    ("من سجّل الأهداف الثلاثة لقطر", True),
])
def test_a_question_never_ends_on_a_word_that_needs_what_follows(prompt: str, kept: bool) -> None:
    from questions.realize.words import finish

    assert (finish(prompt) is not None) is kept


def test_a_qad_left_before_a_noun_goes() -> None:
    from questions.realize.words import finish

    assert finish("متى بلغ العين قد النهائي بعد فوزه على الوحدة") == "متى بلغ العين النهائي بعد فوزه على الوحدة؟"
    assert finish("متى وافق المجلس قد على مشروع القانون") == "متى وافق المجلس على مشروع القانون؟"
    assert finish("متى قد يبلغ العين النهائي") == "متى قد يبلغ العين النهائي؟"  # before a verb it stays
