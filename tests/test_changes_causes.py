"""Changes in numbers (find_change, opposite_of, change_id) and the causes and purposes an article states
(find_reasons, topic_phrases)."""

from __future__ import annotations

import pytest

from handmade import context, fact
from questions.causes import Reason, find_reasons, topic_phrases
from questions.changes import Change, change_id, find_change, goes_its_way, opposite_of, series_goes_on
from questions.context import Context
from questions.model import Fact


def _pct(text: str, surface: str, nth: int = 0) -> Fact:
    return fact(text, surface, "percentage", float(surface.rstrip("%")), nth)


def _change(text: str, facts: list[Fact], surface: str) -> tuple[Context, Change | None]:
    ctx = context(text, facts)
    return ctx, find_change(ctx, next(i for i, f in enumerate(ctx.facts) if f.text == surface))


def _described(ch: Change | None) -> tuple[object, ...] | None:
    if ch is None:
        return None
    return (ch.noun, ch.opposite, ch.subject, ch.before and ch.before.text, ch.after and ch.after.text,
            ch.by and ch.by.text, ch.goal)


# --- worded changes --------------------------------------------------------------------------------

_WORDED = [
    ("ارتفع معدل التضخم السنوي من 11.8% إلى 12.5% في مارس.", ["11.8%", "12.5%"], "12.5%",
     ("ارتفاع", "انخفاض", "معدل التضخم السنوي", "11.8%", "12.5%", None, False)),
    ("ارتفع معدل التضخم السنوي من 11.8% إلى 12.5% في مارس.", ["11.8%", "12.5%"], "11.8%",
     ("ارتفاع", "انخفاض", "معدل التضخم السنوي", "11.8%", "12.5%", None, False)),
    ("تراجعت الصادرات النفطية بنسبة 7% خلال العام الماضي.", ["7%"], "7%",
     ("تراجع", "ارتفاع", "الصادرات النفطية", None, None, "7%", False)),
    ("ارتفاع أسعار المواد الغذائية بنسبة 2.5% أثار القلق.", ["2.5%"], "2.5%",
     ("ارتفاع", "انخفاض", "أسعار المواد الغذائية", None, None, "2.5%", False)),
    # the verbal noun after what changed
    ("وسجل معدل البطالة تراجعاً إلى 3.4% في الربع الأخير.", ["3.4%"], "3.4%",
     ("تراجع", "ارتفاع", "معدل البطالة", None, "3.4%", None, False)),
    # a target the article states
    ("تهدف الخطة إلى زيادة الصادرات الزراعية بنسبة 10% خلال خمس سنوات.", ["10%"], "10%",
     ("زيادة", "تراجع", "الصادرات الزراعية", None, None, "10%", True)),
    # a transitive verb after «الذي»: what follows is what changed
    ("وأعلن البنك المركزي الذي خفض سعر الفائدة إلى 5% أنه سيواصل المراقبة.", ["5%"], "5%",
     ("خفض", "رفع", "سعر الفائدة", None, "5%", None, False)),
    # what changed before its verb, after «أن»; «نحو» between «إلى» and the value
    ("وأوضح أن نسبة مشاركة الشاعرات ارتفعت من 24% في الدورة السابقة إلى نحو 37% هذا العام.", ["24%", "37%"], "37%",
     ("ارتفاع", "انخفاض", "نسبة مشاركة الشاعرات", "24%", "37%", None, False)),
    # ... without the relative clause describing it
    ("وأشار إلى أن نسبة المرضى الذين استعادوا استقلاليتهم ارتفعت من 38% إلى 49%.", ["38%", "49%"], "49%",
     ("ارتفاع", "انخفاض", "نسبة المرضى", "38%", "49%", None, False)),
    # a figure compared with is no amount of change
    ("وأكد أن نسبة المكونات المحلية ارتفعت إلى 62%، مقارنة بنحو 30% في القمر السابق.", ["62%", "30%"], "62%",
     ("ارتفاع", "انخفاض", "نسبة المكونات المحلية", None, "62%", None, False)),
    # the value compared with is where the change started
    ("وأعلنت الوزارة انخفاض نسبة الإصابات المؤكدة إلى 13.8%، مقارنة بـ 41.2% العام الماضي.",
     ["13.8%", "41.2%"], "13.8%",
     ("انخفاض", "ارتفاع", "نسبة الإصابات المؤكدة", "41.2%", "13.8%", None, False)),
    # a word of purpose far before the change belongs to another clause: what grew is no target
    ("وتسعى المملكة إلى تنويع مصادر دخلها، في حين سجلت القطاعات غير النفطية نمواً بنسبة 3.4% خلال 2025.",
     ["3.4%"], "3.4%", ("نمو", "انكماش", "القطاعات غير النفطية", None, None, "3.4%", False)),
    # another event's values are not this change's
    ("وأعلنت الوزارة انخفاض الوفيات بنسبة 18% بعد توسيع البرنامج إلى 42% من المستشفيات.", ["18%", "42%"], "18%",
     ("انخفاض", "ارتفاع", "الوفيات", None, None, "18%", False)),
]


@pytest.mark.parametrize(("text", "values", "asked", "change"), _WORDED)
def test_a_worded_change_reads_what_changed_and_its_values(text: str, values: list[str], asked: str,
                                                          change: tuple[object, ...]) -> None:
    _, ch = _change(text, [_pct(text, v) for v in values], asked)
    assert _described(ch) == change


def test_a_change_in_counts_reads_its_values_too() -> None:
    text = "انخفض عدد الحوادث المرورية في المدينة من 1200 إلى 950 حادثا."
    facts = [fact(text, "1200", "number", 1200), fact(text, "950 حادثا", "number", 950, unit="حادث")]
    _, ch = _change(text, facts, "950 حادثا")
    assert _described(ch) == ("انخفاض", "ارتفاع", "عدد الحوادث المرورية في المدينة", "1200", "950 حادثا", None, False)


@pytest.mark.parametrize(("text", "asked"), [
    ("رفع الهلال رصيده إلى 30 نقطة في صدارة الترتيب.", "30 نقطة"),  # a transitive verb: «الهلال» did it
    ("ارتفع بنسبة 5% خلال الشهر الماضي.", "5%"),  # no written subject
    ("ارتفعت أسعار الخبز أو الحليب بنسبة 5% خلال الشهر.", "5%"),  # a list of what changed
    ("بلغ عدد السكان 5 ملايين نسمة في العاصمة.", "5 ملايين نسمة"),  # no word of change
    ("ارتفع عدد الزوار في المعرض، وبلغت نسبة الرضا 80% بين الزوار.", "80%"),  # the change is in another clause
    ("وارتفع هذا الموسم متوسط الحضور بنسبة 18% في كل الأدوار.", "18%"),  # «هذا الموسم» is no subject
])
def test_no_change_without_a_word_of_change_and_a_noun_phrase_that_changed(text: str, asked: str) -> None:
    surface = asked.split()[0]
    value = float(surface.rstrip("%"))
    typ = "percentage" if asked.endswith("%") else "number"
    _, ch = _change(text, [fact(text, asked, typ, value)], asked)
    assert ch is None


def test_dates_and_names_take_part_in_no_change() -> None:
    text = "ارتفع معدل التضخم السنوي في مصر إلى 12.5% عام 2024."
    ctx = context(text, [fact(text, "مصر", "place", entity="place:مصر", kind="country"), _pct(text, "12.5%"),
                         fact(text, "عام 2024", "date", "2024")])
    assert [find_change(ctx, i) is None for i in range(3)] == [True, False, True]


# --- a value set against an earlier one ------------------------------------------------------------

@pytest.mark.parametrize(("text", "noun", "before", "after"), [
    ("بلغت نسبة البطالة 12% مقارنة بـ10% في المسح السابق.", "ارتفاع", "10%", "12%"),
    ("بلغت نسبة البطالة 12% مقارنة بـ14% في العام الماضي.", "انخفاض", "14%", "12%"),
    ("بلغت نسبة البطالة 12% مقارنة بـ14% عام 2020.", "انخفاض", "14%", "12%"),
    ("نسبة البطالة بلغت 12% مقارنة بـ10% في المسح السابق.", "ارتفاع", "10%", "12%"),
    ("بلغت نسبة انتشار السمنة 33.2% مقارنة بـ30.8% في المسح السابق.", "ارتفاع", "30.8%", "33.2%"),
])
def test_a_value_compared_with_an_earlier_one_is_a_change(text: str, noun: str, before: str, after: str) -> None:
    facts = [_pct(text, v) for v in sorted({before, after}, key=text.index)]
    for asked in (before, after):
        _, ch = _change(text, facts, asked)
        assert ch is not None
        assert (ch.noun, ch.before and ch.before.text, ch.after and ch.after.text) == (noun, before, after)
        assert ch.subject in ("نسبة البطالة", "نسبة انتشار السمنة")


@pytest.mark.parametrize(("text", "values"), [
    ("بلغت نسبة التدخين 58% بين الرجال مقابل 15% بين النساء.", ["58%", "15%"]),  # two groups
    ("بلغت نسبة البطالة 12% مقارنة بـ12% في المسح السابق.", ["12%"]),  # no change
])
def test_two_groups_or_equal_values_are_no_change(text: str, values: list[str]) -> None:
    facts = [_pct(text, v, n) for v in values for n in range(text.count(v))]
    ctx = context(text, facts)
    assert all(find_change(ctx, i) is None for i in range(len(ctx.facts)))


def test_who_recorded_a_count_is_not_what_changed() -> None:
    text = "وسجلت المديرية العامة للأمراض المعدية 47 حالة منذ بداية العام، مقارنة بـ12 حالة خلال الفترة نفسها من عام 2025."
    facts = [fact(text, "47 حالة", "number", 47, unit="حالة"), fact(text, "12 حالة", "number", 12, unit="حالة")]
    assert _change(text, facts, "47 حالة")[1] is None  # not «الارتفاع في المديرية العامة للأمراض المعدية»
    text = "وسجلت نسبة النمو 3% مقارنة بـ2% في العام الماضي."
    assert _change(text, [_pct(text, "3%"), _pct(text, "2%")], "3%")[1] is not None


# --- opposite and id -------------------------------------------------------------------------------

@pytest.mark.parametrize(("phrase", "opposite"), [
    ("ارتفاع الأسعار", "انخفاض الأسعار"),
    ("تراجع الطلب", "ارتفاع الطلب"),
    ("زيادة الإنتاج", "تراجع الإنتاج"),
    ("نمو الاقتصاد", "انكماش الاقتصاد"),
    ("ارتفع الطلب", None),  # a verb, not its verbal noun
    ("الأسعار المرتفعة", None),
    ("", None),
])
def test_opposite_of_turns_an_opening_verbal_noun_of_change(phrase: str, opposite: str | None) -> None:
    assert opposite_of(phrase) == opposite


def test_every_value_of_one_change_shares_one_id() -> None:
    text = "ارتفع معدل التضخم السنوي من 11.8% إلى 12.5% في مارس.\nوتراجعت الصادرات بنسبة 7% هذا العام.\n"
    ctx = context(text, [_pct(text, "11.8%"), _pct(text, "12.5%"), _pct(text, "7%")])
    ids = [change_id(ch) for i in range(3) if (ch := find_change(ctx, i)) is not None]
    assert ids[0] == ids[1] == "change:معدل التضخم السنوي"
    assert ids[2] != ids[0]


# --- causes and purposes ---------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "reason"), [
    ("أُلغيت الرحلات الجوية في المطار بسبب سوء الأحوال الجوية", Reason(
        0, "أُلغيت الرحلات الجوية في المطار", "بسبب", "سوء الأحوال الجوية")),
    ("أُلغيت الرحلات الجوية في المطار بسبب سوء الأحوال الجوية، وفق بيان الشركة.", Reason(
        0, "أُلغيت الرحلات الجوية في المطار", "بسبب", "سوء الأحوال الجوية")),
    ("وزار الوزير باريس بهدف تعزيز التعاون الاقتصادي، وفق البيان.", Reason(
        0, "زار الوزير باريس", "بهدف", "تعزيز التعاون الاقتصادي")),
    ("أغلق المصنع أبوابه في المدينة نتيجة نقص المواد الخام، حسب العمال.", Reason(
        0, "أغلق المصنع أبوابه في المدينة", "نتيجة", "نقص المواد الخام")),
    ("وأطلقت الوزارة حملة وطنية من أجل مكافحة التدخين، وفق البيان.", Reason(
        0, "أطلقت الوزارة حملة وطنية", "من أجل", "مكافحة التدخين")),
    # a long reason is cut at its first preposition
    ("أغلقت السلطات المدارس بسبب انتشار الفيروس في عدد كبير من المدن والقرى في شمال البلاد وجنوبها.", Reason(
        0, "أغلقت السلطات المدارس", "بسبب", "انتشار الفيروس")),
    # the connective opens the clause after the event, which is cut before its figure
    ("وتراجعت الصادرات البترولية بنسبة 6.1% خلال الفترة ذاتها، نتيجة انخفاض متوسط أسعار النفط في الأسواق "
     "العالمية، مما أدى إلى تراجع حصتها.", Reason(
        0, "تراجعت الصادرات البترولية", "نتيجة", "انخفاض متوسط أسعار النفط")),
    ("توقفت محطة التحلية في المدينة منذ أسبوع، وذلك بسبب تراكم مستحقات مالية على البلدية تقدر بنحو 4.2 ملايين "
     "دولار.", Reason(0, "توقفت محطة التحلية في المدينة منذ أسبوع", "بسبب", "تراكم مستحقات مالية على البلدية")),
    # a reason stops before a relative clause
    ("لقي سبعة أشخاص مصرعهم في القرى الجبلية جراء السيول الجارفة التي شهدها الإقليم.", Reason(
        0, "لقي سبعة أشخاص مصرعهم في القرى الجبلية", "جراء", "السيول الجارفة")),
])
def test_a_cause_or_purpose_after_a_verb_initial_clause_is_found(text: str, reason: Reason) -> None:
    assert find_reasons(context(text, [])) == [reason]


@pytest.mark.parametrize("text", [
    "تراجعت الصادرات نتيجة انخفاض الطلب العالمي، حسب التقرير.",  # the effect is too short
    "الحكومة أغلقت المدارس بسبب الأمطار الغزيرة، حسب البيان.",  # opens on a noun, not a verb
    "وقال المدير إن المصنع أغلق بسبب نقص المواد الخام، حسب البيان.",  # the reason belongs to what was said
    "أصدرت الجمعية اللبنانية من أجل ديمقراطية الانتخابات تقريرها السنوي، حسب البيان.",  # inside a name
    "وافتتح المهاجم ياسين بن عمارة التسجيل في الدقيقة 23 إثر ركنية نفذها نسيم حداد، وفق الحكم.",  # a moment of play
    "وفاز الهلال على النصر في المباراة النهائية بهدف نظيف، أمام جمهور غفير.",  # a goal, not a purpose
    "أما الإيرادات غير النفطية فارتفعت نتيجة زيادة رسوم الخدمات الحكومية، وفق الوزارة.",  # a fronted topic
    # who called for it went with the sentence before
    "كما دعا إلى توفير مآوٍ مؤقتة للسيارات حول الفضاء البديل بسبب الاكتظاظ المروري، وفق البيان.",
])
def test_no_reason_where_no_clause_states_one_a_question_can_quote(text: str) -> None:
    facts = []
    if "الجمعية" in text:
        facts = [fact(text, "الجمعية اللبنانية من أجل ديمقراطية الانتخابات", "organization", entity="organization:j")]
    assert find_reasons(context(text, facts)) == []


def test_topic_phrases_open_on_verbal_nouns_and_skip_sentences_asked_about() -> None:
    text = ("وزار الوزير باريس بهدف تعزيز التعاون الاقتصادي، وفق البيان.\n"
            "وتعمل الحكومة على تطوير البنية التحتية في الريف.\n"
            "وتسعى الوزارة إلى دعم المشاريع الصغيرة في المحافظات.\n"
            "وتحدث الوزير عن تحقيق المعدل المستهدف البالغ لهذا العام.\n")
    ctx = context(text, [])
    assert topic_phrases(ctx, set()) == ["تعزيز التعاون الاقتصادي", "تطوير البنية التحتية",
                                         "دعم المشاريع الصغيرة", "تحقيق المعدل المستهدف"]
    assert topic_phrases(ctx, {0, 3}) == ["تطوير البنية التحتية", "دعم المشاريع الصغيرة"]


def test_a_verbal_noun_before_no_definite_noun_is_no_topic_phrase() -> None:
    assert topic_phrases(context("وتعمل الحكومة على تطوير إلى جانب دعم كبير للقطاع.\n", []), set()) == []


def test_a_reason_keeps_the_last_word_of_its_sentence() -> None:
    assert find_reasons(context("أُلغيت الرحلات الجوية في المطار بسبب سوء الأحوال الجوية.", [])) == [
        Reason(0, "أُلغيت الرحلات الجوية في المطار", "بسبب", "سوء الأحوال الجوية")]


def test_a_reason_after_a_conjunction_and_a_hamza_verb_is_found() -> None:
    assert find_reasons(context("وأُلغيت الرحلات الجوية في المطار بسبب سوء الأحوال الجوية", [])) != []


def test_a_goal_with_a_transitive_verbal_noun_after_ila_is_a_goal() -> None:
    t = "وتسعى الحكومة إلى خفض العجز المالي إلى 3% العام المقبل."
    ch = find_change(context(t, [fact(t, "3%", "percentage", 3.0)]), 0)
    assert ch is not None and ch.goal and ch.subject == "العجز المالي"


def test_the_versus_docstring_example_is_a_change() -> None:
    t = "بلغت نسبة انتشار ارتفاع ضغط الدم 33.2% مقارنة بـ30.8% في المسح السابق."
    ctx = context(t, [fact(t, "33.2%", "percentage", 33.2), fact(t, "30.8%", "percentage", 30.8)])
    assert find_change(ctx, 0) is not None


@pytest.mark.parametrize(("subject", "leans"), [
    ("رحلاتها بين الدوحة ونيروبي", True),  # whose flights?
    ("صادراته من الغاز", True),
    ("أسعار المياه", False),  # a definite noun ending in ه carries no pronoun
    ("حجم التبادل التجاري", False),
    ("معدل التضخم السنوي", False),
    ("حصة الأفلام السعودية", False),
])
def test_what_changed_must_say_whose_it_is(subject: str, leans: bool) -> None:
    from questions.changes import leans_on_before

    assert leans_on_before(subject) is leans


@pytest.mark.parametrize(("text", "value", "subject"), [
    ("وارتفعت الشحنات المتجهة إلى ماليزيا وإندونيسيا من 300 طن إلى قرابة 1200 طن.", "1200 طن",
     "الشحنات المتجهة إلى ماليزيا وإندونيسيا"),
    ("وتراجعت حالات الدخول إلى العناية المركزة من 940 حالة إلى 615 حالة.", "615 حالة",
     "حالات الدخول إلى العناية المركزة"),
    ("وانخفضت الطاقة اللازمة لإنتاج متر مكعب واحد من المياه المحلاة من 3.5 كيلوواط إلى 2.5 كيلوواط.", "2.5 كيلوواط",
     "الطاقة اللازمة لإنتاج متر مكعب واحد من المياه المحلاة"),
])
def test_what_changed_keeps_the_complement_its_words_need(text: str, value: str, subject: str) -> None:
    surfaces = [" ".join(w).rstrip(".") for w in zip(text.split(), text.split()[1:]) if w[0][0].isdigit()]
    facts = [fact(text, s, "number", float(s.split()[0]), unit=s.split()[1]) for s in surfaces]
    _, ch = _change(text, facts, value)
    assert ch is not None and ch.subject == subject and ch.after is not None and ch.after.text == value


def test_a_change_a_strategy_aims_at_further_back_in_its_clause_is_a_goal() -> None:
    t = "فيما تهدف استراتيجية الأمن المائي لدولة الإمارات 2036 إلى خفض إجمالي الطلب على المياه بنسبة 21%."
    ch = find_change(context(t, [_pct(t, "21%")]), 0)
    assert ch is None or ch.goal


@pytest.mark.parametrize(("text", "value"), [
    ("كما ارتفعت النسبة في العلوم من 44 إلى 49 وحدة هذا العام.", "49 وحدة"),  # which rate?
    ("إذ انخفض سعر العبوة سعة 16 كيلوغراما من 95 دولارا إلى 84 دولارا.", "84 دولارا"),  # the 16 kg is its own
    ("أما أسرع القطاعات نمواً فكان النقل والتخزين بنسبة 9.3 وحدة.", "9.3 وحدة"),  # a clause, not what grew
    ("وتصدر قطاع الفنادق والمطاعم قائمة القطاعات الأسرع نمواً بنسبة 9.3 وحدة.", "9.3 وحدة"),  # which grew fastest
])
def test_no_change_on_what_changed_without_its_own_words(text: str, value: str) -> None:
    surfaces = [" ".join(w).rstrip(".") for w in zip(text.split(), text.split()[1:]) if w[0][0].isdigit()]
    facts = [fact(text, s, "number", float(s.split()[0]), unit=s.split()[1]) for s in surfaces]
    assert _change(text, facts, value)[1] is None


def test_a_change_by_a_time_to_come_is_a_goal() -> None:
    t = "وتسعى الوزارة، ضمن برنامج تحول القطاع الصحي، إلى خفض حالات التنويم بنسبة 25% بحلول نهاية العقد."
    ch = find_change(context(t, [_pct(t, "25%")]), 0)
    assert ch is not None and ch.goal  # «بحلول نهاية العقد»: nothing has fallen yet


def test_a_cause_after_kama_keeps_its_subject() -> None:
    assert find_reasons(context("كما أغلقت السلطات المدارس بسبب انتشار الفيروس، حسب البيان.", [])) == [
        Reason(0, "أغلقت السلطات المدارس", "بسبب", "انتشار الفيروس")]


@pytest.mark.parametrize(("text", "surface", "goes_on"), [
    ("ارتفع عدد الحالات من 9 حالات في يناير إلى 27 حالة في فبراير، ثم إلى 41 حالة في مارس.", "27 حالة", True),
    ("تراجع التضخم إلى 10.8% في مارس، مقابل 12.3% في فبراير و13.9% في يناير.", "10.8%", True),
    ("ارتفع عدد الحالات من 9 حالات في يناير إلى 27 حالة في فبراير، وفق الوزارة.", "27 حالة", False),
])
def test_a_change_whose_series_goes_on_has_no_single_amount(text: str, surface: str, goes_on: bool) -> None:
    surfaces = [m for m in ("9 حالات", "27 حالة", "41 حالة", "10.8%", "12.3%", "13.9%") if m in text]
    facts = [fact(text, m, "percentage" if "%" in m else "number", float(m.split()[0].rstrip("%")),
                  unit=None if "%" in m else "حالة") for m in surfaces]
    ctx = context(text, facts)
    ch = find_change(ctx, surfaces.index(surface))
    assert ch is not None
    assert series_goes_on(ctx, ch) is goes_on


@pytest.mark.parametrize(("before", "after", "noun", "goes"), [
    (5.0, 3.0, "انخفاض", True), (5.0, 7.0, "انخفاض", False),  # «انخفاض من 5 إلى 7»: another fact's figures
    (5.0, 7.0, "ارتفاع", True), (7.0, 5.0, "ارتفاع", False),
])
def test_a_change_s_values_go_the_way_its_word_says(before: float, after: float, noun: str, goes: bool) -> None:
    f = Fact(type="number", text="5", value=before, start=3, end=4, sentence=0)
    g = Fact(type="number", text="7", value=after, start=9, end=10, sentence=0)
    opposite = "ارتفاع" if noun == "انخفاض" else "انخفاض"
    assert goes_its_way(Change(noun, opposite, "الإنتاج", f, g, None)) is goes


def test_topic_phrases_keep_the_article_s_spelling() -> None:
    text = ("وتعمل الحكومة على إعادة التصدير نحو الأسواق.\n"
            "وتسعى الوزارة إلى زيادة الإنتاج المحلي.\n")
    assert topic_phrases(context(text, []), set()) == ["إعادة التصدير", "زيادة الإنتاج المحلي"]  # not «اعاده»


@pytest.mark.parametrize(("text", "reason"), [
    # the wire dateline and a date set off by commas go; the clause describing the campaign goes
    ("عمّان - أطلقت وزارة الصحة، يوم الأحد 8 مارس 2026، حملة وطنية للتطعيم ضد الحصبة تستهدف نحو مليون طفل، "
     "وذلك إثر ارتفاع ملحوظ في عدد الإصابات المسجلة منذ مطلع العام.", Reason(
        0, "أطلقت وزارة الصحة حملة وطنية للتطعيم ضد الحصبة", "إثر", "ارتفاع ملحوظ في عدد الإصابات")),
    # a clause set against the one before stands alone
    ("وارتفعت الأنشطة غير النفطية بنسبة 4.8%، فيما نمت الأنشطة النفطية بنسبة 3.2% إثر الزيادة التدريجية في "
     "مستويات الإنتاج ضمن اتفاق تحالف «أوبك+».", Reason(
        0, "نمت الأنشطة النفطية", "إثر", "الزيادة التدريجية في مستويات الإنتاج")),
    # the owners named before the owned word
    ("لقي سبعة أشخاص مصرعهم في القرى الجبلية جراء السيول الجارفة.", Reason(
        0, "لقي سبعة أشخاص مصرعهم في القرى الجبلية", "جراء", "السيول الجارفة")),
])
def test_a_reason_s_event_is_read_without_asides_dates_and_descriptions(text: str, reason: Reason) -> None:
    assert find_reasons(context(text, [])) == [reason]


@pytest.mark.parametrize("text", [
    "أعلنت وزارة الصحة ارتفاع عدد الوفيات في الولاية جراء تفشي الكوليرا.",  # the reason is the deaths', not the announcing's
    "ويأتي قرار الحكومة بإغلاق المدارس إثر انتشار الفيروس في المدن.",  # a coming frames the decision
    "وأعادت السيول إلى الأذهان كارثة درنة التي وقعت إثر انهيار سدين.",  # the reason is the relative clause's
    "وتوفي ثلاثة آخرون في المدينة إثر انهيار جدار قديم.",  # others than whom?
    "وتأخر افتتاحه نحو أربعة أشهر عن الموعد المحدد بسبب صعوبات في شحن الأجهزة.",  # whose opening?
    "واختتم المجلس اجتماعه في مسقط بالتوقيع على 13 مذكرة تفاهم بهدف رفع حجم التبادل التجاري.",  # what was signed is the figure
    "وسجلت صافي إيرادات النفط 8.1 مليار ريال بسبب انخفاض متوسط سعر الخام.",  # what was recorded is the figure
    "واقتصر نمو القطاع النفطي على 1.2% بسبب التزام الدولة بحصص الإنتاج.",  # kept to what?
    "وقيمة بعض الفواتير تضاعفت أكثر من عشر مرات نتيجة التلاعب في سعر الصرف.",  # a noun opens it
    "واتفقا على إحداث لجنة تنسيق ثنائية بهدف تنسيق التعاون الأمني.",  # who agreed?
    "وتهدف الاستراتيجية الوطنية للمياه بهدف ضمان استدامة الوصول إلى المياه.",  # an aim's aim
    "وأدت الأمطار الغزيرة إلى انقطاع التيار الكهربائي بسبب الانهيارات الصخرية.",  # a cause's cause
    "ويضمن التتويج المشاركة في كأس السوبر المقرر إقامتها بهدف افتتاح الموسم الجديد.",  # the cup's purpose
    "ونظمت الوزارة حملة مماثلة لم تسجل سوى 120 ألف عامل بسبب ضعف الإقبال.",  # the reason is the shortfall's
])
def test_no_reason_for_an_event_a_question_cannot_ask_about_whole(text: str) -> None:
    assert find_reasons(context(text, [])) == []


def test_no_reason_from_the_headline() -> None:
    text = "سبعة قتلى جراء سيول جارفة في الجبل الأخضر\n\nوضربت السيول المدن.\n"
    assert find_reasons(context(text, [], title="سبعة قتلى جراء سيول جارفة في الجبل الأخضر")) == []


@pytest.mark.parametrize(("text", "reason"), [
    # a reason names what it is about before it is cut (never «ارتفاع ملحوظ» or «الزيادة التدريجية»), and
    # does without a word needing what was cut («المسجلة»)
    ("أغلقت السلطات المدارس في الولاية إثر ارتفاع ملحوظ في عدد الإصابات المسجلة منذ مطلع العام الجاري.",
     "ارتفاع ملحوظ في عدد الإصابات"),
    ("ارتفعت الصادرات النفطية في الربع الأول بسبب الزيادة التدريجية في مستويات الإنتاج ضمن الاتفاق الجديد.",
     "الزيادة التدريجية في مستويات الإنتاج"),
])
def test_a_long_reason_is_cut_once_it_names_what_it_is_about(text: str, reason: str) -> None:
    (found,) = find_reasons(context(text, []))
    assert found.reason == reason


def test_a_purpose_is_told_from_a_cause_by_its_connective() -> None:
    (purpose,) = find_reasons(context("وزار الوزير باريس بهدف تعزيز التعاون الاقتصادي، وفق البيان.", []))
    (cause,) = find_reasons(context("أُلغيت الرحلات الجوية في المطار بسبب سوء الأحوال الجوية.", []))
    assert purpose.purpose and not cause.purpose


def test_topic_phrases_of_one_class_open_on_its_nouns() -> None:
    text = ("وتعمل الحكومة على تطوير البنية التحتية في الريف.\n"
            "ويشكو السكان من انقطاع التيار الكهربائي في الأحياء.\n")
    assert topic_phrases(context(text, []), set(), "generation/cause_nouns") == ["انقطاع التيار الكهربائي"]
    assert topic_phrases(context(text, []), set(), "generation/aim_nouns") == ["تطوير البنية التحتية"]


@pytest.mark.parametrize(("text", "reason"), [
    # a verbal noun known by its shape opens a reason
    ("تقلصت زراعة القمح في الولاية بسبب انحباس الأمطار، وفق الوزارة.", "انحباس الأمطار"),
    ("انخفض عدد الحافلات العاملة في المدينة بسبب تقادم الأسطول وصعوبات التمويل، وفق الشركة.",
     "تقادم الأسطول وصعوبات التمويل"),
    # a reason stops before a clause of its own
    ("لقي ستة أشخاص حتفهم في الإقليم إثر زلزال عنيف بلغت شدته 5.2 درجات.", "زلزال عنيف"),
])
def test_a_reason_opens_on_a_verbal_noun_and_stops_before_a_clause(text: str, reason: str) -> None:
    (found,) = find_reasons(context(text, []))
    assert found.reason == reason


def test_a_goal_or_a_win_is_no_verbal_noun_of_cause() -> None:
    assert find_reasons(context("وتوج الفريق باللقب في العاصمة إثر فوزه على منافسه بهدفين.", [])) == []


@pytest.mark.parametrize(("text", "figure", "share", "described"), [
    ("كما بلغت ودائع القطاع الخاص لدى مصارف التجزئة 17,3 مليار دينار بارتفاع 4,8% على أساس سنوي.", "17,3 مليار دينار",
     "4,8%", ("ارتفاع", "انخفاض", "ودائع القطاع الخاص لدى مصارف التجزئة", None, None, "4,8%", False)),
    ("وبلغت الإيرادات النفطية 3.2 مليار دولار بتراجع 8% عن الشهر السابق.", "3.2 مليار دولار", "8%",
     ("تراجع", "ارتفاع", "الإيرادات النفطية", None, None, "8%", False)),
    ("تصدرت مواد البناء القائمة، ثم الصناعات الغذائية التي سجلت 5.3 مليار دولار بزيادة 14%.", "5.3 مليار دولار", "14%",
     ("زيادة", "تراجع", "الصناعات الغذائية", None, None, "14%", False)),
    ("واستقبل المطار نحو 9,8 مليون مسافر بنمو 7,7% عن العام الماضي.", "9,8 مليون مسافر", "7,7%", None),  # who received
])
def test_a_share_of_change_right_after_a_figure_changes_what_reached_it(text: str, figure: str, share: str,
                                                                       described: tuple[object, ...] | None) -> None:
    facts = [fact(text, figure, "number", 1.0), fact(text, share, "percentage", 1.0)]
    _, ch = _change(text, facts, share)
    assert _described(ch) == described


def test_a_change_up_to_a_figure_stops_what_changed_before_ma_yasil() -> None:
    text = "وارتفعت الرسوم السنوية إلى ما يصل إلى 10% من قيمة الأرض."
    _, ch = _change(text, [_pct(text, "10%")], "10%")
    assert ch is not None and ch.subject == "الرسوم السنوية"


def test_an_improvement_set_against_the_year_before_is_a_change_of_its_own_subject() -> None:
    text = "وارتفعت الإيرادات إلى 22 مليار ريال. كما تحسن هامش الربح الإجمالي إلى 31.6% مقابل 30.9% في 2024."
    _, ch = _change(text, [_pct(text, "31.6%"), _pct(text, "30.9%")], "31.6%")
    assert ch is not None and ch.subject == "هامش الربح الإجمالي" and ch.noun == "تحسن"


def test_a_bound_after_the_new_value_is_not_the_value_it_changed_from() -> None:
    text = "وارتفعت حرارة المياه السطحية إلى 33.5 درجة مئوية لأكثر من ثلاثة أسابيع متتالية."
    ctx, ch = _change(text, [fact(text, "33.5", "number", 33.5), fact(text, "ثلاثة", "number", 3)], "33.5")
    assert ch is not None and ch.before is None and ch.after is not None and ch.after.text == "33.5"
