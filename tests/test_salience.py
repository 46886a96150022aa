"""How much a fact weighs in its story (weigh), and the trivia no question should ask, one rule at a time."""

from __future__ import annotations

import pytest

from handmade import context, fact, index_of
from questions.context import Context, fact_id
from questions.model import Fact
from questions.figure_trivia import a_year
from questions.salience import attending, fact_weight, sets_a_scene, weigh


def _trivia(ctx: Context, surface: str, nth: int = 0) -> str | None:
    return weigh(ctx)[index_of(ctx, surface, nth)].trivia


def _score(ctx: Context, surface: str, nth: int = 0) -> float:
    return weigh(ctx)[index_of(ctx, surface, nth)].score


def _org(text: str, surface: str, nth: int = 0) -> Fact:
    return fact(text, surface, "organization", nth=nth, entity=f"organization:{surface}")


def _person(text: str, surface: str, nth: int = 0, **kw: object) -> Fact:
    return fact(text, surface, "person", nth=nth, entity=f"person:{surface}", **kw)


def _place(text: str, surface: str, nth: int = 0) -> Fact:
    return fact(text, surface, "place", nth=nth, entity=f"place:{surface}", kind="city")


# --- byline and attribution ------------------------------------------------------------------------

def test_a_name_in_a_byline_is_trivia() -> None:
    text = "افتتح الوزير المعرض الدولي للكتاب في مدينة جدة.\nبقلم أحمد سالم\n"
    assert _trivia(context(text, [_person(text, "أحمد سالم")]), "أحمد سالم") == "byline"


def test_a_long_sentence_holding_a_byline_word_is_no_byline() -> None:
    text = "كتب الروائي أحمد سالم روايته الأولى عن الحياة في القرية الصغيرة قرب النهر الكبير.\n"
    assert _trivia(context(text, [_person(text, "أحمد سالم")]), "أحمد سالم") is None


def test_who_reported_the_news_is_trivia_but_the_news_is_not() -> None:
    text = "فاز الهلال على النصر بهدفين في الرياض حسبما أفادت وكالة رويترز.\n"
    ctx = context(text, [_place(text, "الرياض"), _org(text, "وكالة رويترز")])
    assert _trivia(ctx, "وكالة رويترز") == "attribution"
    assert _trivia(ctx, "الرياض") is None


# --- names -----------------------------------------------------------------------------------------

def test_the_place_the_title_is_about_is_trivia() -> None:
    text = "زار الوزير مدينة طنجة لتفقد المشاريع.\nوافتتح الوزير في طنجة مستشفى جديدا.\n"
    facts = [_place(text, "طنجة"), _place(text, "طنجة", 1)]
    assert _trivia(context(text, facts, title="الوزير في طنجة"), "طنجة") == "topic_place"
    assert _trivia(context(text, facts, title="الوزير يفتتح مستشفى"), "طنجة") is None


def test_a_place_named_in_most_sentences_is_trivia() -> None:
    text = ("زار الوزير مدينة طنجة لتفقد المشاريع.\nوافتتح الوزير في طنجة مستشفى جديدا.\n"
            "وقال الوالي إن طنجة تشهد نموا.\nوعاد الوزير بعد ذلك إلى العاصمة.\n")
    facts = [_place(text, "طنجة", n) for n in range(3)]
    assert _trivia(context(text, facts), "طنجة") == "topic_place"
    assert _trivia(context(text, facts[:2]), "طنجة") is None  # two sentences of four


def test_the_city_of_the_dateline_is_trivia() -> None:
    text = ("الجزائر – «الخبر»\nأصدر القطب الجزائي لدى محكمة سيدي امحمد بالجزائر العاصمة حكماً بالسجن.\n"
            "وقضت المحكمة بتغريم الشركة.\n")
    facts = [fact(text, "الجزائر العاصمة", "place", kind="city", entity="place:alg")]
    assert _trivia(context(text, facts), "الجزائر العاصمة") == "topic_place"  # the story is told from there


def test_a_street_named_in_passing_is_trivia() -> None:
    text = "وأوضح الحاكم في مؤتمر صحافي عقده في مقر المصرف بشارع الحمرا أن المصرف لن يقرض الحكومة.\n"
    ctx = context(text, [fact(text, "شارع الحمرا", "place", entity="place:h")])
    assert _trivia(ctx, "شارع الحمرا") == "street"


def test_the_venue_of_an_event_is_trivia() -> None:
    text = "اختتمت فعاليات معرض مسقط الدولي للكتاب التي أقيمت في مركز عمان للمؤتمرات والمعارض.\n"
    ctx = context(text, [fact(text, "مركز عمان للمؤتمرات والمعارض", "organization", entity="organization:v")])
    assert _trivia(ctx, "مركز عمان للمؤتمرات والمعارض") == "venue"


@pytest.mark.parametrize(("text", "surface", "unit", "trivia"), [
    ("ودعت الوزارة إلى الترشيد بين الساعة 11 صباحا والساعة الخامسة مساء.", "11", None, "clock"),
    ("ويبلغ قطر مرآته 50 سنتيمترا ويعمل آليا.", "50 سنتيمترا", "سنتيمتر", "dimension"),
    ("ويقع المرصد على ارتفاع 2750 مترا في جبال الأطلس.", "2750 مترا", "متر", "dimension"),
    ("ويزن القمر نحو 210 كيلوغرامات ويدور على ارتفاع 525 كيلومتراً.", "210 كيلوغرامات", "كيلوغرام", "dimension"),
    ("ويمتد الطريق على مسافة 840 كيلومترا بين البلدين.", "840 كيلومترا", "كيلومتر", None),  # the project's size
    ("وتصدر النقل بنسبة 9.3%، تلاه قطاع الإقامة بنسبة 8.1% ثم البناء.", "8.1%", None, "runner_up"),
    ("وأحرز العداء اللقب بزمن قدره ساعتان و7 دقائق و48 ثانية في السباق.", "48 ثانية", "ثانية", "part"),
    ("وتلقت المحطة أولى الإشارات من القمر بعد نحو 3 ساعات و40 دقيقة من الإطلاق.", "3 ساعات", "ساعة", "part"),
    ("وارتفعت إيرادات الفنادق المصنفة من فئة ثلاث إلى 5 نجوم بنسبة كبيرة.", "5 نجوم", "نجمة", "part"),
    ("وحصل كل مشغل على حيز ترددي في نطاق 3.5 غيغاهرتز لمدة 15 عاماً.", "3.5 غيغاهرتز", "غيغاهرتز", "dimension"),
    ("وبلغ عدد حاملي الحسابات 53.7 مليون مواطن في الفئة العمرية من 16 عاماً فأكثر.", "16 عاماً", "عام", "threshold"),
    ("فاز المنتخب باللقب.\nوتشمل المرحلة تركيب 1800 عمود إنارة تعمل بالطاقة الشمسية.", "1800 عمود", "عمود", "equipment"),
    ("وترأس الجانب الآخر نائب الوزير بمشاركة ممثلين عن 14 جهة حكومية وخاصة.", "14 جهة", "جهة", "attendance"),
    ("وواجهت مصر خلال صيفي 2023 و2024 انقطاعات متكررة في التيار الكهربائي.", "2024", None, "part"),
    ("ووجهت النيابة تهمة التعامل في العملات المشفرة بالمخالفة للمادة 206 من قانون البنك المركزي.", "206", None, "code"),
    ("وتعاملت فرق الهيئة خلال 24 ساعة مع 312 بلاغا في المحافظة.", "24 ساعة", "ساعة", "window"),
    ("وشكل الطرفان لجنة فنية لمتابعة التنفيذ تجتمع كل 3 أشهر في العاصمة.", "3", None, "frequency"),
    ("وقال المحامي إن الدفاع ستطعن على الحكم خلال المدة القانونية البالغة 60 يوما.", "60 يوما", "يوم", "procedure"),
    ("فاز العداء الكيني باللقب في الرباط.\nوشهد السباق تعبئة 1200 متطوع لتنظيم حركة العدائين.", "1200 متطوع",
     "متطوع", "equipment"),
])
def test_a_time_of_day_or_a_specification_is_trivia(text: str, surface: str, unit: str | None,
                                                    trivia: str | None) -> None:
    typ = "percentage" if surface.endswith("%") else "number"
    ctx = context(text + "\n", [fact(text, surface, typ, float(surface.split()[0].rstrip("%")), unit=unit)])
    assert _trivia(ctx, surface) == trivia


HOT_BEACH = "وأغلقت البلدية 14 شاطئاً بسبب التلوث.\nوتوافدت الأسر هرباً من حر قارب 40 درجة مئوية.\n"


@pytest.mark.parametrize(("title", "trivia"), [
    ("14 شاطئاً في طرابلس غير صالحة للسباحة", "weather"),  # scene-setting in a pollution story
    ("موجة حر تضرب الساحل الليبي", None),  # the heat is the news
])
def test_a_temperature_is_trivia_unless_heat_is_a_topic(title: str, trivia: str | None) -> None:
    ctx = context(HOT_BEACH, [fact(HOT_BEACH, "40 درجة", "number", 40.0, unit="درجة")], title=title)
    assert _trivia(ctx, "40 درجة") == trivia


def test_a_temperature_is_asked_where_the_article_speaks_of_heat_throughout() -> None:
    text = ("ارتفعت درجات الحرارة في المدينة.\nوسجلت المحطة حرارة بلغت 46 درجة مئوية.\n"
            "وحذرت الوزارة من ضربات الحر.\n")
    ctx = context(text, [fact(text, "46 درجة", "number", 46.0, unit="درجة")], title="الكهرباء تسجل رقماً قياسياً")
    assert _trivia(ctx, "46 درجة") is None


LIST = "حضر الاجتماع محمد علي وأحمد حسن وخالد سعيد.\nوأعلن الوزير خطة جديدة للنقل.\n"


def test_names_listed_one_after_another_are_trivia() -> None:
    facts = [_person(LIST, "محمد علي"), _person(LIST, "أحمد حسن"), _person(LIST, "خالد سعيد")]
    ctx = context(LIST, facts)
    assert [_trivia(ctx, f.text) for f in facts] == ["list", "list", "list"]


def test_two_names_are_no_list_and_a_name_seen_again_is_no_trivia() -> None:
    two = "حضر الاجتماع محمد علي وأحمد حسن في القاعة.\n"
    ctx = context(two, [_person(two, "محمد علي"), _person(two, "أحمد حسن")])
    assert _trivia(ctx, "محمد علي") is None
    text = LIST + "وأكد محمد علي دعمه للخطة.\n"
    ctx = context(text, [_person(text, "محمد علي"), _person(text, "أحمد حسن"), _person(text, "خالد سعيد"),
                         _person(text, "محمد علي", 1)])
    assert _trivia(ctx, "محمد علي") is None
    assert _trivia(ctx, "أحمد حسن") == "list"


@pytest.mark.parametrize(("role", "trivia"), [
    ("المتحدث باسم الوزارة", "minor_role"),
    ("أمين سر المحكمة", "minor_role"),
    ("وزير الخارجية", None),
])
def test_an_incidental_role_is_trivia(role: str, trivia: str | None) -> None:
    text = "وأعلن خالد يوسف تأجيل الجلسة إلى الشهر المقبل.\n"
    assert _trivia(context(text, [_person(text, "خالد يوسف", role=role)]), "خالد يوسف") == trivia


@pytest.mark.parametrize(("text", "trivia"), [
    ("وفي الشوط الثاني لجأ الحكم خالد المري إلى تقنية الفيديو ثلاث مرات.\n", "minor_role"),
    ("وتلا أمين سر الجلسة خالد المري قرار الإحالة على الحاضرين.\n", "minor_role"),
    ("وأشرف على تسليم الكأس للفريق الفائز رئيس الاتحاد خالد المري.\n", "ceremony"),
    ("وفي الشوط الثاني سجل المهاجم خالد المري هدف الفوز برأسية.\n", None),
])
def test_a_minor_role_right_before_a_name_makes_it_trivia(text: str, trivia: str | None) -> None:
    assert _trivia(context(text, [_person(text, "خالد المري")]), "خالد المري") == trivia


def test_the_prosecution_is_procedure_like_the_court() -> None:
    text = "وكانت النيابة العامة قد أحالت المتهمين الخمسة إلى المحاكمة في مارس.\n"
    ctx = context(text, [fact(text, "النيابة العامة", "organization", entity="organization:pp")])
    assert _trivia(ctx, "النيابة العامة") == "court"


def test_the_body_that_issued_the_figures_is_trivia() -> None:
    text = "وأظهرت البيانات الصادرة عن المركز الوطني للإحصاء ارتفاع الناتج بنسبة 3.4%.\n"
    ctx = context(text, [fact(text, "المركز الوطني للإحصاء", "organization", entity="organization:nsi")])
    assert _trivia(ctx, "المركز الوطني للإحصاء") == "source"


def test_a_speaker_seen_only_saying_something_is_trivia() -> None:
    text = "وقال خالد يوسف إن الخطة جاهزة.\nوأضاف خالد يوسف أن التنفيذ سيبدأ قريبا.\n"
    ctx = context(text, [_person(text, "خالد يوسف"), _person(text, "خالد يوسف", 1)])
    assert _trivia(ctx, "خالد يوسف") == "routine_speaker"


def test_a_speaker_who_also_acts_is_news() -> None:
    text = "وقال خالد يوسف إن الخطة جاهزة.\nوافتتح خالد يوسف المشروع الجديد.\n"
    ctx = context(text, [_person(text, "خالد يوسف"), _person(text, "خالد يوسف", 1)])
    assert _trivia(ctx, "خالد يوسف", 1) is None


def test_a_post_holder_only_quoted_late_in_the_story_is_trivia() -> None:
    text = ("أقر البرلمان قانون حق الحصول على المعلومة.\nوصوت 180 نائبا لصالحه.\nوحدد القانون مهلة 15 يوما للرد.\n"
            "وقالت رئيسة لجنة الثقافة هدى سجاد إن القانون خطوة مهمة.\n")
    ctx = context(text, [_person(text, "هدى سجاد", role="رئيسة لجنة الثقافة")])
    assert _trivia(ctx, "هدى سجاد") == "routine_speaker"


def test_a_speaker_after_a_long_title_is_trivia_too() -> None:
    text = ("تراجعت مساحة الأهوار إلى النصف.\nوهاجرت آلاف العائلات.\nوجفت مئات البحيرات.\n"
            "وقالت مديرة دائرة التوعية البيئية في وزارة البيئة، هدى الساعدي: «نحن أمام أزمة وجودية».\n")
    ctx = context(text, [_person(text, "هدى الساعدي", role="مديرة دائرة التوعية البيئية")])
    assert _trivia(ctx, "هدى الساعدي") == "routine_speaker"
    acting = ("تراجعت مساحة الأهوار إلى النصف.\nوهاجرت آلاف العائلات.\nوجفت مئات البحيرات.\n"
              "وقالت الوزارة إن الخطة التي أعدتها المهندسة هدى الساعدي بدأت.\n")
    ctx = context(acting, [_person(acting, "هدى الساعدي")])
    assert _trivia(ctx, "هدى الساعدي") is None  # far from the verb, and what follows is no saying


@pytest.mark.parametrize(("outlet", "mentions", "trivia"), [
    ("وكالة الأنباء القطرية", 1, "media"),  # where it was said
    ("صحيفة الأيام", 1, "media"),
    ("صحيفة الأيام", 3, None),  # an article about the paper itself
    ("هيئة الأنباء", 1, None),  # no outlet's head word
])
def test_a_news_outlet_named_in_passing_is_trivia(outlet: str, mentions: int, trivia: str | None) -> None:
    text = "".join(f"وأوضح الوزير في تصريح لـ{outlet} أن الرحلات ستزيد.\n" for _ in range(mentions))
    facts = [_org(text, outlet, i) for i in range(mentions)]
    assert _trivia(context(text, facts), outlet) == trivia


def test_a_speaker_with_a_role_is_news() -> None:
    text = "وقال وزير المالية خالد يوسف إن الخطة جاهزة.\n"
    ctx = context(text, [_person(text, "خالد يوسف", role="وزير المالية")])
    assert _trivia(ctx, "خالد يوسف") is None


def test_the_body_a_quoted_person_works_for_is_trivia() -> None:
    text = "قال كريم الشافعي، كبير الاقتصاديين في شركة النيل، إن التضخم سيتراجع.\n"
    ctx = context(text, [_person(text, "كريم الشافعي"), _org(text, "شركة النيل")])
    assert _trivia(ctx, "شركة النيل") == "affiliation"


def test_the_body_in_the_post_of_someone_who_speaks_next_is_trivia() -> None:
    text = "وقال المتحدث باسم جهاز الإسعاف والطوارئ، أسامة الفيتوري، إن فرق الإنقاذ انتشلت الضحايا.\n"
    ctx = context(text, [_org(text, "جهاز الإسعاف والطوارئ"), _person(text, "أسامة الفيتوري")])
    assert _trivia(ctx, "جهاز الإسعاف والطوارئ") == "affiliation"


def test_a_body_named_before_a_person_who_does_not_speak_is_no_affiliation() -> None:
    text = "واستقبل جهاز الإسعاف والطوارئ، أسامة الفيتوري، في مقره بطرابلس.\n"
    ctx = context(text, [_org(text, "جهاز الإسعاف والطوارئ"), _person(text, "أسامة الفيتوري")])
    assert _trivia(ctx, "جهاز الإسعاف والطوارئ") != "affiliation"


def test_a_body_that_acts_is_no_affiliation() -> None:
    text = "قال كريم الشافعي إن شركة النيل أعلنت أرباحا قياسية هذا العام.\n"
    ctx = context(text, [_person(text, "كريم الشافعي"), _org(text, "شركة النيل")])
    assert _trivia(ctx, "شركة النيل") is None


@pytest.mark.parametrize(("text", "surface", "trivia"), [
    ("وأعلنت وزارة الصحة أن عدد الإصابات تراجع هذا الأسبوع.\n", "وزارة الصحة", "announcer"),
    # A body announcing anything is routine: what it announced is the news.
    ("وأعلنت وزارة الصحة خطة جديدة لمكافحة التدخين.\n", "وزارة الصحة", "announcer"),
    # A ministry acting on its own field: which one goes without saying.
    ("وأطلقت وزارة الصحة خطة جديدة لمكافحة التدخين.\n", "وزارة الصحة", "ministry"),
])
def test_who_announces_what_follows_an_is_trivia(text: str, surface: str, trivia: str | None) -> None:
    assert _trivia(context(text, [_org(text, surface)]), surface) == trivia


@pytest.mark.parametrize(("role", "trivia"), [("رئيس الجمهورية", "well_known"), ("وزير الري", None)])
def test_the_holder_of_a_post_every_student_knows_is_trivia(role: str, trivia: str | None) -> None:
    text = "افتتح عبد المجيد تبون المعرض الدولي للكتاب في العاصمة.\n"
    assert _trivia(context(text, [_person(text, "عبد المجيد تبون", role=role)]), "عبد المجيد تبون") == trivia


# --- numbers and dates -----------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "surface", "unit", "trivia"), [
    ("سجل اللاعب الهدف الأول في الدقيقة 67 من المباراة.\n", "67", None, "minute"),
    ("وأضاف الفريق هدفين في الدقيقتين 52 و67 عن طريق لاعب الوسط.\n", "52", None, "minute"),
    ("وأضاف الفريق هدفين في الدقيقتين 52 و67 عن طريق لاعب الوسط.\n", "67", None, "minute"),
    ("استمرت المباراة 90 دقيقة في الملعب الكبير.\n", "90 دقيقة", "دقيقة", "minute"),
    ("ويمكن الاتصال على الرقم الأخضر 1021 للاستفسار.\n", "1021", None, "code"),
    ("شارك 67 لاعبا في البطولة الدولية الكبرى.\n", "67 لاعبا", "لاعب", None),
    ("استقبل المعرض 1021 زائرا في يومه الأول.\n", "1021 زائرا", "زائر", None),
])
def test_a_goal_minute_or_a_phone_number_is_trivia(text: str, surface: str, unit: str | None,
                                                   trivia: str | None) -> None:
    value = int(surface.split()[0])
    assert _trivia(context(text, [fact(text, surface, "number", value, unit=unit)]), surface) == trivia


def test_the_other_calendars_name_for_a_date_is_trivia() -> None:
    text = "تبدأ العطلة في 27 شوال 1447هـ، الموافق 15 أبريل 2026.\n"
    ctx = context(text, [fact(text, "27 شوال 1447هـ", "date", "1447-10-27 AH", kind="hijri"),
                         fact(text, "15 أبريل 2026", "date", "2026-04-15", kind="day")])
    # One date in two calendars is asked once, by its Gregorian name, whichever comes first.
    assert _trivia(ctx, "15 أبريل 2026") is None
    assert _trivia(ctx, "27 شوال 1447هـ") == "equivalent"
    text = "أعلنت الوزارة يوم 15 أبريل 2026، الموافق 27 شوال 1447هـ، بدء العطلة.\n"
    ctx = context(text, [fact(text, "15 أبريل 2026", "date", "2026-04-15", kind="day"),
                         fact(text, "27 شوال 1447هـ", "date", "1447-10-27 AH", kind="hijri", gregorian="2026-04-15")])
    assert _trivia(ctx, "15 أبريل 2026") is None
    assert _trivia(ctx, "27 شوال 1447هـ") == "equivalent"


def test_a_bare_weekday_is_trivia() -> None:
    text = "وأعلنت الوزارة يوم الخميس عن الخطة.\nووقع الاتفاق في 12 مارس 2024.\n"
    ctx = context(text, [fact(text, "الخميس", "date", "الخميس", kind="weekday"),
                         fact(text, "12 مارس 2024", "date", "2024-03-12", kind="day")])
    assert _trivia(ctx, "الخميس") == "weekday"
    assert _trivia(ctx, "12 مارس 2024") is None


# --- scores ----------------------------------------------------------------------------------------

def test_the_lead_weighs_more_than_the_end() -> None:
    text = ("افتتح الوزير المستشفى الجديد عام 2024.\nوقال المدير إن العمل بدأ عام 2021.\n"
            "وأضاف أن المشروع تأخر عام 2022.\nوسيكتمل التوسيع عام 2026.\n")
    ctx = context(text, [fact(text, f"عام {y}", "date", str(y), kind="year") for y in (2024, 2021, 2022, 2026)])
    scores = [_score(ctx, f"عام {y}") for y in (2024, 2021, 2022, 2026)]
    assert scores == sorted(scores, reverse=True) and scores[0] > scores[-1]


def test_an_entity_named_often_or_in_the_title_weighs_more() -> None:
    text = ("زار الوزير مدينة جدة ومدينة الطائف.\nوافتتح في جدة مستشفى جديدا.\n"
            "وعاد إلى جدة بعد يومين.\nوتقع جدة على البحر الأحمر.\nوتشهد المنطقة نموا كبيرا.\n")
    facts = [_place(text, "جدة"), _place(text, "الطائف"), *(_place(text, "جدة", n) for n in (1, 2, 3))]
    ctx = context(text, facts)
    assert _score(ctx, "جدة") > _score(ctx, "الطائف")
    titled = context(text, facts, title="الوزير في الطائف")
    assert _score(titled, "الطائف") > _score(ctx, "الطائف")


def test_a_fact_next_to_an_event_verb_weighs_more() -> None:
    def score(text: str) -> float:
        return _score(context(text, [_org(text, "الشركة الوطنية")]), "الشركة الوطنية")

    assert score("قال المدير إن الشركة الوطنية حصلت على العقد.\n") > score("قال المدير إن الشركة الوطنية تعمل بجد.\n")


def test_the_weight_of_a_fact_is_its_heaviest_mention_that_is_not_trivia() -> None:
    text = "فاز الهلال على النصر في الرياض حسبما أفادت هيئة الرياضة.\nونشرت هيئة الرياضة صورا من المباراة.\n"
    facts = [_place(text, "الرياض"), _org(text, "هيئة الرياضة"), _org(text, "هيئة الرياضة", 1)]
    ctx = context(text, facts)
    weights = weigh(ctx)
    ministry = [i for i, f in enumerate(ctx.facts) if f.text == "هيئة الرياضة"]
    assert weights[ministry[0]].trivia == "attribution" and weights[ministry[1]].trivia is None
    assert fact_weight(weights, ctx.facts, fact_id(ctx.facts[ministry[0]])) == weights[ministry[1]].score
    alone = context(text.split("\n")[0] + "\n", facts[:2])
    assert fact_weight(weigh(alone), alone.facts, "organization:هيئة الرياضة") == 0.0


def test_fazat_next_to_a_body_counts_as_an_event_verb() -> None:
    def score(v: str) -> float:
        t = f"قال المدير إن الشركة الوطنية {v} بالعقد.\n"
        return weigh(context(t, [fact(t, "الشركة الوطنية", "organization", entity="o:x")]))[0].score
    assert score("فازت") > score("تعمل")


def test_a_small_number_right_after_a_name_is_part_of_it() -> None:
    text = "وقال أحد قاطني منطقة الورقاء 3 إن الجسر اختصر الطريق إلى 10 دقائق.\n"
    ctx = context(text, [fact(text, "الورقاء", "place", entity="place:w"), fact(text, "3", "number", 3),
                         fact(text, "10 دقائق", "number", 10, unit="دقيقة")])
    assert _trivia(ctx, "3") == "in_title"  # the neighbourhood's number, not a count


@pytest.mark.parametrize(("text", "surface", "typ", "value", "reason"), [
    ("أعلنت الوزارة نتائج العام الدراسي 2025/2026 للمبادرة.", "2025", "date", "2025", "part"),
    ("توّج الفريق بلقب الكأس برسم الموسم الرياضي 2025-2026 أمس.", "2026", "date", "2026", "part"),
    ("اختتم المعرض الذي أقيم من 5 إلى 16 نوفمبر الجاري أعماله.", "16 نوفمبر", "date", "2026-11-16", "part"),
    ("اختتم المعرض الذي أقيم من 5 إلى 16 نوفمبر الجاري أعماله.", "5", "date", "--11-05", "part"),
    ("ارتفع عدد الولايات التي تغير ولاتها إلى 14 ولاية من أصل 24 ولاية.", "24 ولاية", "number", 24, "total"),
    ("صدرت الأوامر في العدد 112 من الرائد الرسمي أمس.", "112", "number", 112, "code"),
    ("تدير الهيئة، التي تأسست عام 1982، صندوق الأجيال القادمة.", "عام 1982", "date", "1982", "background"),
    ("وأثر غياب القائد بسبب الإصابة منذ 12 ماي على الفريق.", "12 ماي", "date", "--05-12", "since"),
    ("ويمتد برنامج الاحتفالات إلى غاية 10 جويلية الجاري.", "10 جويلية", "date", "--07-10", "since"),
    ("فازت الباحثة عن كتابها «تاريخ الساحل المتصالح 1820-1971» بالجائزة.", "1820", "date", "1820", "in_title"),
    ("أقر المجلس مشروع القانون المعدل لقانون الضمان الاجتماعي لسنة 2026 أمس.", "2026", "date", "2026", "in_title"),
    ("وهذا جزء من مستهدفات رؤية المملكة 2030 في جعل المدن أكثر ملاءمة للعيش.", "2030", "date", "2030", "in_title"),
    ("توج الأهلي بالكأس في الصالة المغطاة بحضور نحو 4500 مشجع.", "4500 مشجع", "number", 4500, "attendance"),
    ("وتابع المباراة 30 ألف متفرج في المدرجات.", "30 ألف متفرج", "number", 30000, "attendance"),
    ("وتعاملت فرق الإنقاذ مع 146 بلاغا خلال 48 ساعة.", "48", "number", 48, "window"),
    ('وتضمنت الاتفاقيات تسريع دراسات ممر "ساوث 2" لنقل الهيدروجين.', "2", "number", 2, "in_title"),
    ("وقالت السيدة فاطمة بن شيخ، وهي أم لـ4 أطفال، إنها انتظرت طويلا.", "4", "number", 4, "family"),
    ("وجرت الاختبارات أيام 1 و2 و3 و4 يونيو في كل المراكز.", "3", "number", 3, "part"),  # the run gives it away
    ("ويعمل المعبر على مدار 24 ساعة بداية من أبريل.", "24", "number", 24, "clock"),
    ("وأعلن الاتحاد أن مراسم تسليم الكأس ستقام في 30 مايو على ملعب الزوراء.", "30 مايو", "date", "--05-30",
     "ceremony"),
    ("ويضمن الكويت مقعدا في دوري أبطال الخليج، على أن يلتقي القادسية في كأس السوبر يوم 28 أغسطس.", "28 أغسطس",
     "date", "--08-28", "next_step"),
    ("ويحال القانون إلى الرئيس، على أن تصدر الوزارة لائحته التنفيذية خلال 90 يوما.", "90", "number", 90,
     "next_step"),
    ("ويرتقب أن يعقد المجلس اجتماعه المقبل يوم 23 يونيو لمراجعة الأسعار.", "23 يونيو", "date", "--06-23",
     "next_step"),
    ("وقضت المحكمة بسجن المتهم الأول، وهو مدير الشركة ويبلغ من العمر 41 عاماً، مدة 15 عاما.", "41 عاماً", "number",
     41, "age"),
    ("وضمن الكويت مقعدا، على أن يلتقي القادسية، بطل الدوري، في كأس السوبر المقررة يوم 28 أغسطس.", "28 أغسطس",
     "date", "--08-28", "next_step"),  # an aside between «على أن» and the date
    ("وسيتسلم السيب درع الدوري عقب مباراته الأخيرة يوم 22 مايو.", "22 مايو", "date", "--05-22", "ceremony"),
    ("وجرت المرحلة الأولى التي نُفذت بين 1 فبراير و31 مارس الماضيين في كل المدن.", "31 مارس", "date", "--03-31",
     "period_end"),
    ("وتغطي المرحلة الثانية، من ١٠ مايو حتى ٩ يونيو، محافظات الأحمدي والجهراء.", "٩ يونيو", "date", "--06-09",
     "period_end"),
    ("وتنطلق المرحلة الثانية في 1 يونيو وتستمر حتى 31 أغسطس مع توسيع نطاقها.", "31 أغسطس", "date", "--08-31",
     "period_end"),
    ("وسيفتح باب التسجيل في ١٢ يوليو ويستمر حتى ٢٦ منه.", "٢٦", "number", 26, "period_end"),
    ("وتوقعت الأرصاد درجات حرارة تتراوح بين 49 و52 درجة مئوية.", "49", "number", 49, "part"),
    ("وأشرف الوالي بمناسبة الذكرى الـ64 لعيد الاستقلال على استلام المشروع.", "64", "number", 64, "anniversary"),
    ("وتصدر المطيري بـ1493 صوتا، تلاه عبدالله ناصر العنزي بـ1388 صوتا.", "1388", "number", 1388, "runner_up"),
    ("وحلت في المركز الخامس المرشحة دانة يوسف الفيلكاوي بـ1102 صوت.", "1102", "number", 1102, "runner_up"),
    ("وتصدر الوداد بـ68 نقطة، فيما حلّ نهضة بركان ثالثاً بـ57 نقطة.", "57", "number", 57, "runner_up"),
    ("وجاء التجمع الوطني في المرتبة الثالثة بـ64 مقعداً، ثم حركة مجتمع السلم بـ58 مقعداً.", "58", "number", 58,
     "runner_up"),
    ("وتراوحت الكميات في بقية المحافظات بين 35 و80 مليمترا.", "35", "number", 35, "part"),
    ("وسجلت 41 ألف حالة بين أكتوبر 2025 وفبراير 2026 في المدن.", "فبراير 2026", "date", "2026-02", "period_end"),
    ("ونقل القطار 140 مليون راكب منذ بدء التشغيل في ديسمبر 2024 وحتى نهاية ديسمبر 2025.", "ديسمبر 2025", "date",
     "2025-12", "period_end"),
    ("ويأتي البرنامج، الذي يمتد حتى نهاية عام 2028، بديلاً عن النظام السابق.", "عام 2028", "date", "2028", "period_end"),
    ("وأحدث قطاع البناء 61 ألف منصب مدفوعا بالأوراش المرتبطة بتنظيم كأس العالم 2030 في المملكة.", "2030", "date", "2030",
     "in_title"),
    ("ويستقبل المصرف الطلبات الجديدة عبر موقعه ابتداء من 20 أبريل الجاري ولمدة شهرين.", "20 أبريل", "date", "2026-04-20",
     "schedule"),
    ("ويتألف مشروع القانون من 34 مادة موزعة على 7 فصول.", "34 مادة", "number", 34, "procedure"),
    ("واستمعت المحكمة إلى مرافعات تسعة محامين.", "تسعة محامين", "number", 9, "procedure"),
    ("وقالت الحرفية سعاد مرابطي: \"بعت خلال أسبوع ما أبيعه عادة في ثلاثة أشهر\".", "ثلاثة أشهر", "number", 3,
     "testimony"),  # a quotation between plain quotation marks
    ("وقفزت أسعار التنكة، سعة 16 كيلوغراما، إلى 750 شيكلا.", "16 كيلوغراما", "number", 16, "dimension"),
    ("وانخفض سعر كيس الدقيق زنة 50 كيلوغراماً إلى 170 ديناراً.", "50 كيلوغراماً", "number", 50, "dimension"),
    ("وأحرز السباح ذهبية التتابع 4×100 متر حرة.", "4", "number", 4, "part"),  # part of the race's name
    ("يقول الحاج عمر الفقي، وهو فلاح في الستين من عمره يملك 400 شجرة زيتون.", "400 شجرة", "number", 400, "testimony"),
    ("تقول حليمة إسحاق، وهي أم لخمسة أطفال نزحت قبل أربعة أشهر.", "أربعة أشهر", "number", 4, "testimony"),
    ("أما صاحب المعصرة، الهادي المصمودي، فيشير إلى أن طاقة معصرته البالغة 40 طناً يومياً لم تعد كافية.", "40 طناً",
     "number", 40, "testimony"),  # an ordinary witness's account, quoted or not
    ("وقال وزير الفلاحة إن المعاصر استقبلت 400 ألف طن من الزيتون.", "400 ألف طن", "number", 400000, None),
    ("ودعت الأمانة إلى الإبلاغ عبر تطبيق بلدي ومركز الاتصال الموحد 940 عن أي ملاحظات.", "940", "number", 940, "code"),
    ("وأعلنت الهيئة نتائج الاختبارات الوطنية للعام الدراسي 1447هـ أمس.", "1447هـ", "date", "1447 AH",
     "current_period"),
    ("وقال التاجر علي كاظم، الذي فقد محله: «عملت هنا 22 عاما، وخسرت كل شيء».", "22 عاما", "number", 22,
     "testimony"),
    ("وتأتي هذه الفيضانات بعد ثماني سنوات من سيول سبتمبر 2018 التي ضربت الولاية.", "ثماني سنوات", "number", 8,
     "elapsed"),
    ("وقال المزارع خليفة بن سعيد المقبالي، الذي يملك مزرعة نخيل وليمون في الوادي: «ارتفعت ملوحة البئر خلال ثلاث سنوات».",
     "ثلاث سنوات", "number", 3, "testimony"),  # a relative clause between the witness and the words
    ("وضربت سيول جارفة المدينة إثر عاصفة رعدية استمرت نحو ست ساعات.", "ست ساعات", "number", 6, "duration"),
    ("وتوصل البلدان إلى اتفاق للحصول على تمويل على مدى 46 شهراً.", "46 شهراً", "number", 46, "duration"),
    ("واستمرت الجلسة الأخيرة أكثر من 13 ساعة.", "13 ساعة", "number", 13, "duration"),
    ("ودشّن الوزير محطة على بعد نحو 25 كيلومتراً شمال العاصمة.", "25 كيلومتراً", "number", 25, "dimension"),
    ("وخصص لها جناح بمساحة 400 متر مربع.", "400 متر", "number", 400, "dimension"),
    ("وبلغت نسبة استحواذ الفريق الفائز 57% مقابل 43% لمنافسه.", "57%", "percentage", 57.0, "statistic"),
    ("واستحوذ الفريق البركاني على الكرة بنسبة 54% طوال اللقاء.", "54%", "percentage", 54.0, "statistic"),
    ("واستند المصرف إلى التعاميم الصادرة عن مصرف لبنان، ولا سيما التعميمين 158 و166.", "166", "number", 166, "code"),
    ("وطرحت الشركة 3500 وحدة في مشروع على مساحة 42 فداناً.", "42 فداناً", "number", 42, "dimension"),
    ("وأعلنت هيئة الدفاع عزمها استئنافه خلال الآجال القانونية المحددة بـ10 أيام.", "10 أيام", "number", 10,
     "procedure"),
    ("وأمام الأحزاب مهلة 72 ساعة لتقديم الطعون أمام المحكمة الدستورية.", "72 ساعة", "number", 72, "procedure"),
    ("وتضم القاعة، التي تمتد على مساحة 650 مترا مربعا، 740 لوحا طينيا.", "650 مترا", "number", 650, "dimension"),
    ("وتوقعت الأرصاد درجات حرارة تتراوح بين 49 و52 درجة مئوية.", "52", "number", 52, "part"),
    ("ويتراوح ثمن الجلسة الواحدة في العيادات الخاصة بين 40 و100 دولار أميركي.", "100", "number", 100, "part"),
    ("وحدد الفحص بالكربون المشع عمر الطبقة بين 2550 و2450 قبل الميلاد.", "2450", "number", 2450, "part"),
    ("وحدد الفحص بالكربون المشع عمر الطبقة بين 2550 و2450 قبل الميلاد.", "2550", "number", 2550, "part"),
    ("وتنتج المدينة يومياً ما بين 500 و600 طن من المخلفات.", "500", "number", 500, "part"),
    ("وتشير تقديرات أممية إلى أن ما بين 70 و80 في المئة من المستشفيات خرجت عن الخدمة.", "80 في المئة", "percentage",
     80.0, "part"),
    ("وعقدت هيئة الحكم 27 جلسة منذ يناير 2025.", "27", "number", 27, "procedure"),
    ("واستمعت الدائرة إلى 23 شاهداً وإلى تقرير الخبير.", "23", "number", 23, "procedure"),
    ("وترأس الجانب الياباني نائب الوزير، بمشاركة وفدين ضما 34 مسؤولاً وممثلاً.", "34", "number", 34, "procedure"),
    ("وجرت الامتحانات بتأطير أكثر من 180 ألف أستاذ وموظف.", "180 ألف", "number", 180000, "procedure"),
    ("وبلغت النسبة 4.1 بالمئة لدى من تتراوح أعمارهم بين 30 و39 عاما.", "30", "number", 30, "part"),
    ("وتصدر النقل بنسبة 9.3%، تلاه قطاع الإقامة بنسبة 8.1%، ثم البناء والتشييد بنسبة 7.6%.", "7.6%",
     "percentage", 7.6, "runner_up"),
])
def test_figures_that_are_part_of_something_else_are_trivia(text: str, surface: str, typ: str, value: object,
                                                            reason: str) -> None:
    ctx = context(text + "\n", [fact(text, surface, typ, value)])
    assert _trivia(ctx, surface) == reason


@pytest.mark.parametrize(("text", "surface", "typ", "value"), [
    ("وتنطلق المرحلة الثانية من الحملة في 1 يونيو المقبل.", "1 يونيو", "date", "--06-01"),  # when it starts
    ("وارتفع عدد الحالات من 150 إلى 300 حالة.", "150", "number", 150),  # a change, not a range
    ("وقتل 5 عناصر من الجيش في الهجوم.", "5", "number", 5),  # the toll
    ("وقضت المحكمة عام 2025 بسجن المتهم 10 سنوات.", "10 سنوات", "number", 10),  # a sentence, not years since
    ("وعقدت اللجنة ورشة حضرها ممثلو 40 جمعية.", "40", "number", 40),
])
def test_a_start_a_change_or_a_toll_is_no_schedule_detail(text: str, surface: str, typ: str, value: object) -> None:
    ctx = context(text + "\n", [fact(text, surface, typ, value)])
    assert _trivia(ctx, surface) is None


@pytest.mark.parametrize(("text", "name"), [
    ("توّج فريق الرفاع الشرقي بلقب دوري ناصر بن حمد الممتاز لكرة القدم.\n", "ناصر بن حمد"),
    ("فاز الجيش الملكي في مباراة احتضنها المجمع الرياضي الأمير مولاي عبد الله بالرباط.\n", "مولاي عبد الله"),
])
def test_a_person_a_competition_or_a_venue_is_named_after_is_no_person_of_the_story(text: str, name: str) -> None:
    ctx = context(text, [_person(text, name)])
    assert _trivia(ctx, name) == "in_title"


def test_a_place_right_after_a_bodys_name_is_its_seat() -> None:
    text = "أعلنت الهيئة الوطنية للانتخابات في مصر النتائج الرسمية.\nوفاز الحزب في القاهرة بأغلبية المقاعد.\n"
    facts = [fact(text, "الهيئة الوطنية للانتخابات", "organization", entity="organization:h"),
             _place(text, "مصر"), _place(text, "القاهرة")]
    ctx = context(text, facts)
    assert _trivia(ctx, "مصر") == "seat" and _trivia(ctx, "القاهرة") is None


def test_a_year_in_the_news_and_a_count_of_players_are_no_trivia() -> None:
    text = "يدخل القانون حيز التنفيذ في عام 2026، وشارك 40 لاعبا في البطولة.\n"
    ctx = context(text, [fact(text, "عام 2026", "date", "2026"), fact(text, "40 لاعبا", "number", 40, unit="لاعب")])
    assert _trivia(ctx, "عام 2026") is None and _trivia(ctx, "40 لاعبا") is None


def test_the_count_against_a_total_is_not_trivia() -> None:
    text = "ارتفع عدد الولايات التي تغير ولاتها إلى 14 ولاية من أصل 24 ولاية.\n"
    ctx = context(text, [fact(text, "14 ولاية", "number", 14), fact(text, "24 ولاية", "number", 24)])
    assert _trivia(ctx, "14 ولاية") is None


def test_the_year_of_a_decrees_number_is_trivia() -> None:
    text = "صدر المرسوم بقانون رقم ٣٨ لسنة ٢٠٢٦ بتعديل قانون الشراكة.\n"
    ctx = context(text, [fact(text, "سنة ٢٠٢٦", "date", "2026")])
    assert _trivia(ctx, "سنة ٢٠٢٦") == "code"


@pytest.mark.parametrize(("value", "reason"), [
    ("2026-03-02", "news_day"),  # the day the article reports on
    ("2026-02-27", "news_day"),  # «أمس», days before
    ("2025-11", "background"),  # an earlier visit, months before
    ("1982", "background"),  # the year a body was founded
    ("2026-03-15", None),  # when a campaign starts: ahead of the article
    ("2027", None),
    ("2026", "current_period"),  # the year the story is told in
    ("2026-03", "current_period"),  # ... or its month
])
def test_a_dates_weight_depends_on_where_it_falls_against_the_article(value: str, reason: str | None) -> None:
    text = "أعلنت الوزارة الخبر في هذا التاريخ.\n"
    ctx = context(text, [fact(text, "هذا التاريخ", "date", value)])
    ctx.date = "2026-03-02"
    assert _trivia(ctx, "هذا التاريخ") == reason
    ctx.date = None
    assert _trivia(ctx, "هذا التاريخ") is None  # no article date: no such judgement


@pytest.mark.parametrize(("text", "surface", "trivia"), [
    ("وعقد الأمير والرئيس جلسة مباحثات في إطار الزيارة الرسمية التي تستغرق يومين.", "يومين", "duration"),
    ("واختتم المهرجان دورته التي امتدت ثمانية أيام.", "ثمانية أيام", "duration"),
    ("ومنح القانون الجهات الحكومية مهلة 15 يوما للرد على الطلبات.", "15 يوما", None),  # what the law says
])
def test_how_long_a_visit_or_a_festival_lasts_is_trivia(text: str, surface: str, trivia: str | None) -> None:
    number = fact(text, surface, "number", 8, unit="يوم")
    assert _trivia(context(text + "\n", [number]), surface) == trivia


@pytest.mark.parametrize(("name", "trivia"), [
    ("محكمة جنايات القاهرة", "court"),
    ("غرفة الجنايات الابتدائية", "court"),
    ("دائرة الإحصاءات العامة", None),  # a department, not a court's chamber
    ("غرفة قطر", None),
])
def test_which_court_ruled_is_trivia(name: str, trivia: str | None) -> None:
    text = f"وأصدرت {name} قرارها بعد جلسات استمرت شهرين.\n"
    assert _trivia(context(text, [_org(text, name)]), name) == trivia


def test_the_judges_on_the_bench_are_trivia() -> None:
    text = ("وصدر الحكم برئاسة المستشار حسام الدين عبد الرؤوف، وعضوية المستشارين أحمد فوزي النجار وشريف عبد "
            "الحليم، في القضية رقم 4521.\n")
    ctx = context(text, [_person(text, "حسام الدين عبد الرؤوف", title="المستشار"),
                         _person(text, "أحمد فوزي النجار", title="المستشار"),
                         _person(text, "شريف عبد الحليم", title="المستشار")])
    assert [_trivia(ctx, n) for n in ("حسام الدين عبد الرؤوف", "أحمد فوزي النجار", "شريف عبد الحليم")] == \
        ["bench"] * 3


def test_an_amount_converted_after_a_comma_is_trivia() -> None:
    text = "ورصدت الحكومة غلافا بقيمة ملياري دينار جزائري، أي نحو 15 مليون دولار، لإعادة تأهيل الطرقات.\n"
    ctx = context(text, [fact(text, "ملياري دينار", "number", 2e9, unit="دينار"),
                         fact(text, "15 مليون دولار", "number", 15e6, unit="دولار")])
    assert _trivia(ctx, "15 مليون دولار") == "equivalent" and _trivia(ctx, "ملياري دينار") is None


def test_an_amount_converted_in_brackets_is_trivia() -> None:
    text = "وأعلنت المملكة مساهمة بقيمة 150 مليون ريال (40 مليون دولار) لتأسيس المركز.\n"
    ctx = context(text, [fact(text, "150 مليون ريال", "number", 150e6, unit="ريال"),
                         fact(text, "40 مليون دولار", "number", 40e6, unit="دولار")])
    assert _trivia(ctx, "40 مليون دولار") == "equivalent"
    assert _trivia(ctx, "150 مليون ريال") is None
    text = "وتقدر الإيرادات بنحو 7.3 مليار دينار (نحو 23.8 مليار دولار) للسنة المالية.\n"
    ctx = context(text, [fact(text, "7.3 مليار دينار", "number", 7.3e9, unit="دينار"),
                         fact(text, "23.8 مليار دولار", "number", 23.8e9, unit="دولار")])
    assert _trivia(ctx, "23.8 مليار دولار") == "equivalent"  # «نحو» inside the brackets changes nothing


@pytest.mark.parametrize(("text", "trivia"), [
    ("أطلقت وزارة الصحة حملة وطنية للتلقيح ضد الحصبة.", "ministry"),  # it goes without saying
    ("وتتولى الحملة فرق تابعة لوزارة الصحة في كل الولايات.", None),  # no act of its own
])
def test_a_ministry_acting_on_its_field_is_trivia(text: str, trivia: str | None) -> None:
    assert _trivia(context(text + "\n", [_org(text, "وزارة الصحة")]), "وزارة الصحة") == trivia


# --- equipment and logistics --------------------------------------------------------------------------

_LEAD = "أعلنت الشركة الوطنية للمياه قطع المياه ليلا في أربع ولايات بسبب تراجع مخزون السدود.\n\n"


@pytest.mark.parametrize(("sentence", "surface", "unit"), [
    ("وخصصت بلدية أريانة 14 صهريجا متنقلا لتزويد الأحياء المرتفعة.", "14", None),
    ("وتوجهت إلى الموقع 22 سيارة إسعاف.", "22", None),
    ("ويعتمد النظام على 1200 حساس أرضي.", "1200", None),
    ("ويرافق المعرض برنامج يتضمن ست محاضرات.", "ست محاضرات", "محاضرة"),
])
def test_a_count_of_equipment_in_the_body_is_trivia(sentence: str, surface: str, unit: str | None) -> None:
    text = _LEAD + sentence + "\n"
    ctx = context(text, [fact(text, surface, "number", 6, unit=unit)])
    assert _trivia(ctx, surface) == "equipment"


def test_a_count_of_equipment_in_the_lead_or_the_headline_is_the_news() -> None:
    lead = "وزعت الوزارة 300 حافلة مدرسية جديدة على المحافظات.\n\nوتوجهت إلى الموقع 22 سيارة إسعاف.\n"
    ctx = context(lead, [fact(lead, "300", "number", 300), fact(lead, "22", "number", 22)],
                  title="22 سيارة إسعاف إلى موقع الحادث")
    assert _trivia(ctx, "300") is None
    assert _trivia(ctx, "22") is None


def test_a_count_of_what_is_not_equipment_stays_news() -> None:
    text = _LEAD + "وتضررت 140 أسرة من انقطاع المياه.\n"
    ctx = context(text, [fact(text, "140", "number", 140)])
    assert _trivia(ctx, "140") is None


@pytest.mark.parametrize(("sentence", "surface"), [
    ("وقال المدرب إن الفريق لم يخسر منذ الجولة الـ21 أمام الرجاء.", "21"),
    ("وتوزعت المقاعد الـ16 المتبقية على ثمانية أحزاب صغيرة.", "16"),
    ("وحذر المركز من أمطار غزيرة خلال الساعات الـ48 المقبلة.", "48"),
])
def test_a_figure_with_the_article_glued_to_it_is_trivia(sentence: str, surface: str) -> None:
    text = _LEAD + sentence + "\n"
    ctx = context(text, [fact(text, surface, "number", int(surface))])
    assert _trivia(ctx, surface) == "definite"


def test_a_figure_with_the_article_glued_to_it_in_the_headline_is_news() -> None:
    text = _LEAD + "وانطلقت الدورة الـ49 من معرض الكتاب.\n"
    ctx = context(text, [fact(text, "49", "number", 49)], title="انطلاق الدورة الـ49 من معرض الكتاب")
    assert _trivia(ctx, "49") is None


def test_a_place_named_only_where_goods_were_handed_over_is_trivia() -> None:
    text = "وجرت مراسم الاستلام في المستودع المركزي للشركة بمنطقة الزهروني بحضور وزير النقل.\n"
    ctx = context(text, [_place(text, "الزهروني")])
    assert _trivia(ctx, "الزهروني") == "ceremony"


def test_a_person_named_only_among_those_at_an_opening_ceremony_is_trivia() -> None:
    text = "وأقيم حفل الافتتاح بحضور رئيس بلدية صيدا المهندس رامي القطب.\n"
    ctx = context(text, [_person(text, "رامي القطب", role="رئيس بلدية صيدا")])
    assert _trivia(ctx, "رامي القطب") == "ceremony"


def test_an_age_said_in_passing_is_trivia_even_for_the_headline_s_athlete() -> None:
    text = "وتخطى الهاجري، البالغ من العمر 23 عاماً، ارتفاع 2.30 متر من المحاولة الثانية.\n"
    ctx = context(text, [_person(text, "الهاجري"), fact(text, "23 عاماً", "number", 23, unit="عام")],
                  title="الهاجري ثالثاً في لقاء الدوحة")
    assert _trivia(ctx, "23 عاماً") == "age"


def test_the_age_of_someone_described_in_passing_is_trivia() -> None:
    text = _LEAD + "وعلى مقربة منه، تقلّب رنا، وهي طالبة في الجامعة تبلغ 21 عاما، رواية مترجمة.\n"
    ctx = context(text, [_person(text, "رنا"), fact(text, "21 عاما", "number", 21, unit="عام")])
    assert _trivia(ctx, "21 عاما") == "age"


def test_an_acquisition_s_share_is_no_match_statistic() -> None:
    text = _LEAD + "وأعلنت الشركة الاستحواذ على 40% من أسهم المصرف.\n"
    ctx = context(text, [fact(text, "40%", "percentage", 40.0)])
    assert _trivia(ctx, "40%") is None


@pytest.mark.parametrize(("sentence", "scene"), [
    ("تعز - يقف عبد الرحمن سيف منذ ساعات الفجر الأولى في طابور طويل، حاملاً أربعة جالونات فارغة.", True),
    ("وادي حلفا - في ساحة الاستقبال المؤقتة قرب معبر أشكيت، جلست آمنة إبراهيم بين حقائبها.", True),
    ("على الشاطئ، وقف الصياد خليفة الزروق إلى جانب قاربه الصغير.", True),
    ("وقف إطلاق النار دخل حيز التنفيذ فجر الأحد.", False),
    ("أعلنت الوزارة توزيع 3050 وحدة سكنية على المستفيدين.", False),
])
def test_a_features_scene_is_told_by_a_verb_of_posture(sentence: str, scene: bool) -> None:
    assert sets_a_scene(sentence) is scene


def test_a_bare_figure_reading_as_a_year_is_no_count() -> None:
    assert a_year(Fact("number", "2021", 2021, 0, 4, 0))
    assert not a_year(Fact("number", "2021 عاملاً", 2021, 0, 11, 0, unit="عامل"))
    assert a_year(Fact("number", "2030 تستهدف", 2030, 0, 11, 0, unit="تستهدف"))  # «الأجندة الرقمية 2030 تستهدف»
    assert not a_year(Fact("number", "2500", 2500, 0, 4, 0))


def test_an_ordinary_citizen_in_the_story_is_a_minor_role() -> None:
    t = ("أطلقت الوزارة حملة للتطعيم ضد الحمى في ولاية الخرطوم.\n"
         "وأصيب ثلاثة من أفراد أسرة المواطن عثمان محمد الحسن بالحمى خلال أسبوع.\n"
         "وزار عثمان محمد الحسن المركز الصحي.\n")
    name = "عثمان محمد الحسن"
    ctx = context(t, [fact(t, name, "person", name, entity="p1", title="المواطن"),
                      fact(t, name, "person", name, nth=1, entity="p1")])
    assert weigh(ctx)[0].trivia == "minor_role"


@pytest.mark.parametrize(("sentence", "name", "attends"), [
    ("وجرى الافتتاح بحضور وكيل الوزارة لشؤون الثقافة عماد جاسم الخفاجي، ومحافظ نينوى.", "عماد جاسم الخفاجي", True),
    ("عقد والي المنستير جلسة عمل بحضور ممثلين عن تفقدية الشغل.", "تفقدية الشغل", True),
    ("افتتح وزير الثقافة عماد جاسم الخفاجي البيت بعد ترميمه.", "عماد جاسم الخفاجي", False),
])
def test_a_name_listed_after_bihudur_is_one_who_attended(sentence: str, name: str, attends: bool) -> None:
    assert attending(sentence, sentence.index(name)) is attends


def test_the_scale_a_mark_is_given_on_is_trivia() -> None:
    t = "عاد أعلى معدل وطني، وقدره 19,78 من 20، إلى تلميذة بمدينة مراكش.\n"
    ctx = context(t, [fact(t, "19,78", "number", 19.78), fact(t, "20", "number", 20)])
    weights = weigh(ctx)
    assert weights[1].trivia == "scale" and weights[0].trivia is None


def test_the_age_of_the_story_s_own_researcher_is_trivia_but_not_a_headline_name_s() -> None:
    text = (_LEAD + "وتقود الباحثة ريم السليطي (39 عاماً) فريقاً من 14 باحثاً. وقالت ريم السليطي إن النموذج جاهز. "
            "وأضافت السليطي أن العمل استمر ثلاث سنوات.\n")
    people = [_person(text, "ريم السليطي"), _person(text, "ريم السليطي", 1), _person(text, "السليطي", 2)]
    ctx = context(text, [*people, fact(text, "39 عاماً", "number", 39, unit="عام")])
    assert _trivia(ctx, "39 عاماً") == "age"
    ctx = context(text, [*people, fact(text, "39 عاماً", "number", 39, unit="عام")],
                  title="ريم السليطي تطلق نموذجاً للهجات")
    assert _trivia(ctx, "39 عاماً") is None


def test_a_figure_closing_a_quotation_another_sentence_opened_is_not_asked() -> None:
    text = (_LEAD + 'وتقول سعاد الخطيب: "الماء يأتي ساعتين بعد منتصف الليل. '
            'وعندما لا يكفي نشتري خمسة براميل بنحو 75 ألف ليرة، وهذا مبلغ كبير".\n')
    ctx = context(text, [fact(text, "75 ألف", "number", 75000)])
    assert _trivia(ctx, "75 ألف") == "quotation"


def test_an_age_set_off_by_commas_after_a_name_is_said_in_passing() -> None:
    text = _LEAD + "عند الخامسة فجراً، تستيقظ أم سامر، 47 عاماً، على صوت المضخة الصغيرة في الحي.\n"
    ctx = context(text, [fact(text, "47 عاماً", "number", 47, unit="عام")])
    assert _trivia(ctx, "47 عاماً") == "age"


@pytest.mark.parametrize(("sentence", "surface", "typ", "value", "reason"), [
    ("فاز الفريق أمس السبت على ملعب 5 جويلية الأولمبي بالعاصمة.", "5 جويلية", "date", "--07-05", "in_title"),
    ("وقال المدير: سنعلن الموعد بعد التأكد من جاهزية المنظومة بنسبة 100%.", "100%", "percentage", 100.0, "whole"),
    ("وانتشلت فرق الإنقاذ جثتي شقيقين يبلغان 7 و10 أعوام.", "7", "number", 7, "age"),
    ("ووزع الهلال الأحمر أكثر من 900 بطانية على الأسر المتضررة في المدينة.", "900", "number", 900, "equipment"),
])
def test_a_venue_s_day_a_whole_share_a_child_s_age_and_blankets_are_not_asked(sentence: str, surface: str, typ: str,
                                                                            value: object, reason: str) -> None:
    text = _LEAD + "وفي التفاصيل، قال المسؤول إن العمل مستمر.\n\n" + sentence + "\n"
    ctx = context(text, [fact(text, surface, typ, value)])  # «7» of «7 و10 أعوام» has no unit of its own
    assert _trivia(ctx, surface) == reason


def test_a_sentence_after_the_age_written_in_words_is_no_age() -> None:
    text = (_LEAD + "وقضت المحكمة بحبس مواطن في السابعة والخمسين من عمره عشر سنوات مع الشغل والنفاذ.\n")
    ctx = context(text, [fact(text, "عشر سنوات", "number", 10, unit="سنة")])
    assert _trivia(ctx, "عشر سنوات") is None
