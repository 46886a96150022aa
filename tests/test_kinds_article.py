"""The comprehension kinds on short articles: roles, who holds which post, changes and comparisons in
numbers, causes, which statement is true, and the order of events."""

from __future__ import annotations

import pytest

from handmade import context, fact, index_of, stems_of
from questions.context import Context, build_context
from questions import pools
from questions.kinds import cause, change, comparison, role, roles, statement, timeline
from questions.kinds.base import ArticleBuilder, Candidate, FactBuilder
from questions.kinds.role import is_position
from questions.kinds.timeline import short_event
from questions.normalize import tokens
from questions.options import content_words
from questions.stems import Stems, mentions_in, stems_for

VISIT = ("استقبل الرئيس المصري عبد الفتاح السيسي في القاهرة الرئيس الفرنسي إيمانويل ماكرون.\n"
         "وقال وزير الخارجية المصري سامح شكري إن الزيارة تاريخية.\n"
         "وحضر اللقاء رئيس المخابرات العامة حسن رشاد.\n")


def _people(roles_of: dict[str, str], title: str = "") -> Context:
    facts = [fact(VISIT, name, "person", role=r, entity=f"person:{name}") for name, r in roles_of.items()]
    return context(VISIT, sorted(facts, key=lambda f: f.start), title=title)


THREE = {"عبد الفتاح السيسي": "الرئيس المصري", "إيمانويل ماكرون": "الرئيس الفرنسي",
         "سامح شكري": "وزير الخارجية المصري"}


FOUR = {**THREE, "حسن رشاد": "رئيس المخابرات العامة"}


def _article_kind(build: ArticleBuilder, ctx: Context) -> list[Candidate]:
    weights, stems = stems_of(ctx)
    return build(ctx, weights, stems)


# --- roles -----------------------------------------------------------------------------------------

def test_a_role_question_offers_other_posts_none_of_which_is_also_right() -> None:
    made = {c.question.prompt: c.question for c in _article_kind(role.build, _people(FOUR))}
    q = made["ما منصب سامح شكري بحسب المقال؟"]
    assert q.answer == "وزير الخارجية المصري" and len(set(q.choices)) == 4 and q.answer in q.choices
    answer = set(tokens(q.answer))
    assert all(not answer <= set(tokens(o)) for o in q.choices if o != q.answer)
    assert all(is_position(o) for o in q.choices)
    assert set(q.choices) == set(FOUR.values())  # the article's own posts, none from elsewhere


def test_no_role_question_without_three_other_posts_in_the_article() -> None:
    assert _article_kind(role.build, _people(THREE)) == []


@pytest.mark.parametrize(("roles_of", "title"), [
    ({**FOUR, "سامح شكري": "وزير الخارجية المصري السابق"}, ""),  # a post held before
    (FOUR, "وزير الخارجية المصري في جولة"),  # the title names the post: the answer would stand out
    ({**FOUR, "سامح شكري": "المرشح اليميني"}, ""),  # a description, not a post
])
def test_no_role_question_on_a_former_guessable_or_descriptive_post(roles_of: dict[str, str], title: str) -> None:
    prompts = [c.question.prompt for c in _article_kind(role.build, _people(roles_of, title))]
    assert "ما منصب سامح شكري بحسب المقال؟" not in prompts
    if all(is_position(r) for r in roles_of.values()):  # three other posts to offer beside Macron's
        assert "ما منصب إيمانويل ماكرون بحسب المقال؟" in prompts


def test_no_role_question_on_a_post_two_people_share() -> None:
    same = {name: "الرئيس" for name in THREE}
    assert _article_kind(role.build, _people(same)) == []


@pytest.mark.parametrize(("post", "position"), [
    ("وزير الخارجية", True), ("المدرب", True), ("رئيسة الوزراء", True),
    ("المرشح اليميني", False), ("المدافع السنغالي", False), ("", False),
])
def test_is_position_reads_the_head_word(post: str, position: bool) -> None:
    assert is_position(post) is position


def test_three_people_with_posts_make_one_matching_question() -> None:
    (c,) = _article_kind(roles.build, _people(THREE))
    q = c.question
    assert set(q.pairs) == set(THREE.items())
    assert sorted(q.choices) == sorted(THREE.values())
    assert c.facts[1:] and set(c.facts[1:]) == {f"person:{n}" for n in THREE}


def test_two_people_make_no_matching_question() -> None:
    two = dict(list(THREE.items())[:2])
    assert _article_kind(roles.build, _people(two)) == []


# --- changes and comparisons -----------------------------------------------------------------------

CHANGES = ("انخفض عدد الحوادث المرورية في المدينة من 1200 إلى 950 حادثا العام الماضي.\n"
           "وتهدف الخطة إلى زيادة الصادرات الزراعية بنسبة 10% خلال خمس سنوات.\n"
           "وسجل معدل البطالة تراجعاً إلى 3.4% في الربع الأخير.\n"
           "وارتفع معدل التضخم السنوي من 11.8% إلى 12.5% في مارس.\n")


def _changes() -> Context:
    t = CHANGES
    return context(t, [fact(t, "1200", "number", 1200), fact(t, "950 حادثا", "number", 950, unit="حادث"),
                       fact(t, "10%", "percentage", 10.0), fact(t, "3.4%", "percentage", 3.4),
                       fact(t, "11.8%", "percentage", 11.8), fact(t, "12.5%", "percentage", 12.5)])


def _on(build: FactBuilder, surface: str) -> Candidate | None:
    ctx = _changes()
    st = stems_for(ctx, index_of(ctx, surface))
    assert st is not None
    return build(ctx, st, 0.5)


@pytest.mark.parametrize(("surface", "prompt", "answer"), [
    ("950 حادثا", "ما التغير الذي طرأ على عدد الحوادث المرورية في المدينة بحسب المقال؟", "انخفاض من 1200 إلى 950"),
    ("1200", "ما التغير الذي طرأ على عدد الحوادث المرورية في المدينة بحسب المقال؟", "انخفاض من 1200 إلى 950"),
    ("10%", "ما الهدف الذي يذكره المقال بشأن الصادرات الزراعية؟", "زيادة بنسبة 10%"),
    ("3.4%", "ما التغير الذي طرأ على معدل البطالة بحسب المقال؟", "تراجع إلى 3.4%"),
])
def test_a_change_question_asks_how_far_with_every_option_going_the_same_way(
        surface: str, prompt: str, answer: str) -> None:
    c = _on(change.build, surface)
    assert c is not None
    q = c.question
    assert (q.prompt, q.answer) == (prompt, answer)
    assert len(set(q.choices)) == 4 and answer in q.choices
    # the story tells which way it went: an option going the other way is ruled out at a glance
    assert all(o.split()[0] == answer.split()[0] for o in q.choices)
    value = answer.split()[-1]
    assert sum(o.endswith(" " + value) for o in q.choices) == 1
    assert c.facts[0].startswith("change:")  # every value of one change is one fact for the bank


def test_wrong_end_values_go_the_way_the_change_goes() -> None:
    rise = _on(change.build, "12.5%")
    fall = _on(change.build, "950 حادثا")
    assert rise is not None and fall is not None
    ends = [float(o.split("إلى ")[1].rstrip("%")) for o in rise.question.choices if o.startswith("ارتفاع")]
    assert ends and all(e > 11.8 for e in ends)  # «ارتفاع من 11.8% إلى 11.5%» would refute itself
    ends = [float(o.split("إلى ")[1]) for o in fall.question.choices if o.startswith("انخفاض")]
    assert ends and all(e < 1200 for e in ends)


RISES = ("وأرجع الجهاز الارتفاع إلى صعود أسعار مجموعة الخضروات بنسبة 9.4%، والفاكهة بنسبة 6.1%، "
         "وارتفعت أسعار اللحوم والدواجن بنسبة 4.6%.\n"
         "وارتفع معدل التضخم السنوي من 11.8% إلى 12.6% في فبراير.\n")


def test_in_a_story_of_rises_every_option_rises_and_the_other_rises_stand_beside_the_answer() -> None:
    t = RISES
    ctx = context(t, [fact(t, "9.4%", "percentage", 9.4), fact(t, "6.1%", "percentage", 6.1),
                      fact(t, "4.6%", "percentage", 4.6), fact(t, "11.8%", "percentage", 11.8),
                      fact(t, "12.6%", "percentage", 12.6)])
    st = stems_for(ctx, index_of(ctx, "4.6%"))
    assert st is not None
    c = change.build(ctx, st, 0.5)
    assert c is not None
    assert c.question.answer == "ارتفاع بنسبة 4.6%"
    assert all(o.startswith("ارتفاع") for o in c.question.choices)  # a fall is ruled out by the headline
    assert "ارتفاع بنسبة 9.4%" in c.question.choices  # another rise of the article, read and mixed up
    st = stems_for(ctx, index_of(ctx, "12.6%"))
    assert st is not None
    c = change.build(ctx, st, 0.5)
    assert c is not None and all(o.startswith("ارتفاع من 11.8% إلى") for o in c.question.choices)


def test_no_change_question_on_a_forecast() -> None:
    text = "ويتوقع المركز ارتفاع الموج إلى 2.5 متر خلال الساعات المقبلة.\n"
    ctx = context(text, [fact(text, "2.5 متر", "number", 2.5, unit="متر")])
    st = stems_for(ctx, 0)
    assert st is not None and change.build(ctx, st, 0.5) is None


def test_no_change_question_without_a_change() -> None:
    text = "وشارك 67 لاعبا في البطولة الدولية للشباب.\n"
    ctx = context(text, [fact(text, "67 لاعبا", "number", 67, unit="لاعب")])
    st = stems_for(ctx, 0)
    assert st is not None and change.build(ctx, st, 0.5) is None and comparison.build(ctx, st, 0.5) is None


@pytest.mark.parametrize(("surface", "prompt", "answer"), [
    ("12.5%", "ما مقدار الارتفاع في معدل التضخم السنوي بحسب المقال؟", "0.7 نقطة مئوية"),
    ("950 حادثا", "ما مقدار الانخفاض في عدد الحوادث المرورية في المدينة بحسب المقال؟", "250 حادثا"),
])
def test_a_comparison_asks_the_difference_the_article_never_writes(surface: str, prompt: str, answer: str) -> None:
    c = _on(comparison.build, surface)
    assert c is not None
    assert (c.question.prompt, c.question.answer) == (prompt, answer)
    assert len(set(c.question.choices)) == 4 and answer not in CHANGES


@pytest.mark.parametrize(("v", "noun"), [(8, " نقاط مئوية"), (3, " نقاط مئوية"), (12, " نقطة مئوية"),
                                          (0.7, " نقطة مئوية"), (2.5, " نقطة مئوية")])
def test_percentage_points_are_counted_as_arabic_counts(v: float, noun: str) -> None:
    assert comparison.points(v) == noun


@pytest.mark.parametrize(("t", "before", "after", "answer"), [
    ("وارتفعت نسبة المشاركة من 40% إلى 42% هذا العام.\n", "40%", "42%", "نقطتان مئويتان"),  # not «2 نقطة مئوية»
    ("وتراجع معدل التضخم في المدن من 14.9% إلى 13.9% الشهر الماضي.\n", "14.9%", "13.9%",
     "نقطة مئوية واحدة"),  # whole points from decimals: not «1.0 نقطة مئوية»
])
def test_a_difference_of_one_or_two_points_is_said_in_words(t: str, before: str, after: str, answer: str) -> None:
    ctx = context(t, [fact(t, v, "percentage", float(v.rstrip("%"))) for v in (before, after)])
    st = stems_for(ctx, index_of(ctx, after))
    assert st is not None
    c = comparison.build(ctx, st, 0.5)
    assert c is not None and c.question.answer == answer
    assert not any(".0 " in o for o in c.question.choices)


def test_no_difference_whose_counted_noun_would_not_agree() -> None:
    t = "وارتفع عدد العدائين المؤهلين من 11 عداء إلى 17 عداء هذا الموسم.\n"
    ctx = context(t, [fact(t, "11 عداء", "number", 11, unit="عداء"), fact(t, "17 عداء", "number", 17, unit="عداء")])
    st = stems_for(ctx, index_of(ctx, "17 عداء"))
    assert st is not None and comparison.build(ctx, st, 0.5) is None  # «6 عداء»: six takes a plural


@pytest.mark.parametrize("surface", ["11.8%", "1200", "10%", "3.4%"])
def test_a_comparison_stands_only_on_the_later_value_of_a_change_from_one_value_to_another(surface: str) -> None:
    assert _on(comparison.build, surface) is None


# --- causes ----------------------------------------------------------------------------------------

CAUSES = ("وزار الوزير باريس بهدف تعزيز التعاون الاقتصادي، وفق البيان.\n"
          "وتعمل الحكومة على تطوير البنية التحتية في الريف.\n"
          "وتسعى الوزارة إلى دعم المشاريع الصغيرة في المحافظات.\n"
          "وتهدف الخطة إلى تحسين الخدمات العامة في المدن.\n")


def test_a_cause_question_offers_other_reasons_after_the_same_connective() -> None:
    (c,) = _article_kind(cause.build, context(CAUSES, []))
    q = c.question
    assert (q.prompt, q.answer) == ("لماذا زار الوزير باريس بحسب المقال؟", "بهدف تعزيز التعاون الاقتصادي")
    # aims stories on the economy give, before phrases the article builds elsewhere
    assert sorted(q.choices) == sorted(["بهدف تعزيز التعاون الاقتصادي",
                                        *(f"بهدف {a}" for a in pools.reasons("economy", purpose=True)[:3])])
    assert not any(content_words(o) & content_words("زار الوزير باريس") for o in q.choices)


def test_without_a_field_a_cause_question_offers_the_article_s_own_phrases() -> None:
    text = ("وزار الوزير باريس بهدف تعزيز العلاقات الثنائية، وفق البيان.\n"
            "وتعمل الحكومة على تطوير البنية التحتية في الريف.\n"
            "وتسعى الوزارة إلى دعم المشاريع الصغيرة في المحافظات.\n"
            "وتهدف الخطة إلى تحسين الخدمات العامة في المدن.\n")
    (c,) = _article_kind(cause.build, context(text, []))
    assert sorted(c.question.choices) == sorted(["بهدف تعزيز العلاقات الثنائية", "بهدف تطوير البنية التحتية",
                                                 "بهدف دعم المشاريع الصغيرة", "بهدف تحسين الخدمات العامة"])


def test_no_cause_question_without_three_wrong_reasons() -> None:
    # two wrong aims in the article, and no field whose pool of aims would fill in
    text = ("وزار الوزير باريس بهدف تعزيز العلاقات الثنائية، وفق البيان.\n"
            "وتعمل الحكومة على تطوير البنية التحتية في الريف.\n"
            "وتسعى الوزارة إلى دعم المشاريع الصغيرة في المحافظات.\n")
    assert _article_kind(cause.build, context(text, [])) == []


def test_a_cause_s_wrong_reasons_are_causes_of_its_field_the_article_does_not_tell() -> None:
    text = ("أطلقت وزارة الصحة حملة وطنية للتطعيم ضد الحصبة في المدارس إثر ارتفاع عدد الإصابات المؤكدة بالمرض.\n"
            "وتعمل الوزارة على تحسين جودة الخدمات الصحية في المستشفيات.\n"
            "وأكد الوزير أن مصادر المياه في القرى ملوثة منذ سنوات.\n")
    (c,) = _article_kind(cause.build, context(text, []))
    q = c.question
    assert q.answer == "إثر ارتفاع عدد الإصابات المؤكدة بالمرض"
    wrong = [o.removeprefix("إثر ") for o in q.choices if o != q.answer]
    # the opposite, then causes stories on health give: never an aim («تحسين ...») after «إثر», and never
    # one the article tells («تلوث مصادر المياه»: it may be the cause of something else)
    assert "انخفاض عدد الإصابات المؤكدة بالمرض" in wrong
    assert all(o in pools.reasons("health", purpose=False) for o in wrong if not o.startswith("انخفاض"))
    assert "تلوث مصادر المياه" not in wrong
    assert len(set(q.choices)) == 4


def test_a_purpose_s_wrong_reasons_are_aims() -> None:
    text = "وحددت الحكومة سعر شراء الطن الواحد من القمح بهدف تشجيع الفلاحين على تسليم إنتاجهم للمراكز الحكومية.\n"
    (c,) = _article_kind(cause.build, context(text, []))
    wrong = [o.removeprefix("بهدف ") for o in c.question.choices if o != c.question.answer]
    assert all(o in pools.reasons("agriculture", purpose=True) for o in wrong)


# --- which statement is true -----------------------------------------------------------------------

BIO = ("ولد الكاتب نجيب محفوظ في حي الجمالية بالقاهرة عام 1911.\n"
       "ونشر الكاتب روايته الأولى عبث الأقدار عام 1939.\n"
       "وحصل الكاتب على جائزة نوبل للآداب عام 1988.\n"
       "وتوفي الكاتب في القاهرة عام 2006 عن عمر ناهز 94 عاما.\n")


def _bio(text: str = BIO) -> Context:
    years = [y for y in ("1911", "1939", "1988", "2006") if y in text]
    facts = [fact(text, f"عام {y}", "date", y, kind="year") for y in years]
    return context(text, [*facts, fact(text, "نجيب محفوظ", "person", entity="person:m", title="الكاتب")])


def _in(text: str, article: str) -> bool:
    return " ".join(tokens(text)) in " ".join(tokens(article))


FIGURES = ("افتتحت الحكومة مستشفى جديداً يضم 320 سريراً في مدينة صلالة الساحلية.\n"
           "وبلغت تكلفة المشروع 45 مليون ريال بحسب وزارة الصحة العمانية.\n"
           "ويعمل في المستشفى 850 موظفاً من الأطباء والممرضين والفنيين.\n"
           "واستقبلت أقسام الطوارئ 1200 مريض خلال الأسبوع الأول من التشغيل.\n")


def _figures(text: str = FIGURES) -> Context:
    numbers = [("320 سريراً", 320, "سرير"), ("45 مليون ريال", 45e6, "ريال"), ("850 موظفاً", 850, "موظف"),
               ("1200 مريض", 1200, "مريض")]
    return context(text, [fact(text, t, "number", v, unit=u) for t, v, u in numbers if t in text])


def test_one_statement_is_true_and_three_are_swapped_from_other_sentences() -> None:
    made = _article_kind(statement.build, _figures())
    assert made
    q = made[0].question
    assert len(set(q.choices)) == 4 and q.answer in q.choices and _in(q.answer, FIGURES)
    falses = [o for o in q.choices if o != q.answer]
    assert not any(_in(o, FIGURES) for o in falses)
    # it stands on its true statement's fact; the three it changes are told with what it gives instead
    assert made[0].facts == (q.fact,)
    assert len(made[0].swapped) == 3 and q.fact not in {f for f, _, _ in made[0].swapped}
    for _, true, wrong in made[0].swapped:
        assert true in FIGURES and true != wrong and any(wrong.split()[0] in o for o in falses)


def test_no_statement_question_without_three_false_ones() -> None:
    two = "\n".join(FIGURES.split("\n")[:2]) + "\n"
    assert _article_kind(statement.build, _figures(two)) == []
    assert _article_kind(statement.build, _bio()) == []  # a year moved by one makes no false statement


# --- timeline --------------------------------------------------------------------------------------

def test_a_timeline_orders_the_dated_events_oldest_first() -> None:
    (c,) = _article_kind(timeline.build, _bio())
    q = c.question
    assert q.items == ("ولد الكاتب نجيب محفوظ في حي الجمالية بالقاهرة", "نشر الكاتب روايته الأولى عبث الأقدار",
                       "حصل الكاتب على جائزة نوبل للآداب", "توفي الكاتب في القاهرة عن عمر ناهز 94 عاما")
    assert q.answer == " ← ".join(q.items)
    assert sorted(q.choices) == sorted(q.items) and q.choices != q.items
    assert c.facts[1:] == ("date:1911", "date:1939", "date:1988", "date:2006")


@pytest.mark.parametrize("text", [
    "ولد الكاتب نجيب محفوظ في القاهرة عام 1911.\nونشر الكاتب روايته الأولى عبث الأقدار عام 1939.\n",  # two
    "ولد الكاتب نجيب محفوظ في القاهرة عام 1911.\nونشر الكاتب روايته الأولى عبث الأقدار عام 1939.\n"
    "وهي الرواية الأولى منذ عام 1988 في مصر.\n",  # «منذ»: not when something happened
])
def test_no_timeline_without_three_dated_events(text: str) -> None:
    assert _article_kind(timeline.build, _bio(text)) == []


def test_events_whose_dates_overlap_have_no_order() -> None:
    text = ("ولد الكاتب نجيب محفوظ في القاهرة عام 1911.\nوتوفي الكاتب في القاهرة في أغسطس 2006.\n"
            "ونقل الكاتب إلى المستشفى عام 2006.\n")
    ctx = context(text, [fact(text, "عام 1911", "date", "1911", kind="year"),
                         fact(text, "أغسطس 2006", "date", "2006-08", kind="month"),
                         fact(text, "عام 2006", "date", "2006", kind="year")])
    assert _article_kind(timeline.build, ctx) == []


@pytest.mark.parametrize(("body", "short"), [
    ("وقع الجانبان اتفاقية الصيد، وأكدا أهمية التعاون", "وقع الجانبان اتفاقية الصيد"),
    ("بدأت التحقيقات إثر بلاغ تلقته الشرطة من وحدة التحريات المالية في العاصمة",
     "بدأت التحقيقات إثر بلاغ تلقته الشرطة من وحدة التحريات المالية"),  # ten words at most, before «في»
    ("بدأت التحقيقات إثر بلاغ تلقته الشرطة صباح يوم الأحد الماضي الساعة العاشرة",
     "بدأت التحقيقات إثر بلاغ تلقته الشرطة صباح يوم الأحد الماضي الساعة العاشرة"),  # no preposition to cut at
    ("افتتح الوزير المعرض الدولي للكتاب", "افتتح الوزير المعرض الدولي للكتاب"),
    ("قال «إنه، كما وعد، سيعود» إلى بلاده", "قال «إنه، كما وعد، سيعود» إلى بلاده"),  # commas inside quotes
])
def test_short_event_cuts_at_the_first_comma_or_before_a_preposition(body: str, short: str) -> None:
    assert short_event(body) == short


@pytest.mark.parametrize(("sentence", "date", "value", "event"), [
    ("وفي أكتوبر 2024 صدرت بطاقات إيداع بالسجن في حق أربعة من المتهمين.", "أكتوبر 2024", "2024-10",
     "صدرت بطاقات إيداع بالسجن في حق أربعة من المتهمين"),  # a clause opening on its date
    ("وفي عام 2019، أطلقت الوزارة برنامجا مماثلا لتأهيل الأحياء.", "عام 2019", "2019",
     "أطلقت الوزارة برنامجا مماثلا لتأهيل الأحياء"),  # ... set off by a comma
    ("وكانت الدورة الثانية للجنة قد انعقدت في طوكيو في نوفمبر 2023.", "نوفمبر 2023", "2023-11",
     "انعقدت الدورة الثانية للجنة في طوكيو"),  # the pluperfect told in order
    ("ثم خُتمت الأبحاث القضائية في يوليو 2025.", "يوليو 2025", "2025-07", "خُتمت الأبحاث القضائية"),
    ("وعقد مجلس الوزراء، اليوم الثلاثاء 27 كانون الثاني، جلسة طارئة.", "الثلاثاء 27 كانون الثاني", "2026-01-27",
     "عقد مجلس الوزراء جلسة طارئة"),  # a construct subject; the date's aside goes whole
    ("وبدأ هطول الأمطار الغزيرة ليل الأحد 25 كانون الثاني 2026.", "الأحد 25 كانون الثاني 2026", "2026-01-25",
     "بدأ هطول الأمطار الغزيرة"),
])
def test_the_event_of_a_date_is_its_clause_without_it(sentence: str, date: str, value: str, event: str) -> None:
    text = sentence + "\n"
    ctx = context(text, [fact(text, date, "date", value)])
    st = stems_for(ctx, 0)
    assert st is not None and timeline.event_of(st, mentions_in(ctx, ctx.sent_of[0])) == event


def test_one_clause_with_two_dates_is_one_event_and_no_event_keeps_a_date() -> None:
    text = ("وارتفع حجم المبادلات التجارية بين البلدين في عام 2024.\n"
            "واتفق الطرفان في مارس 2025 على تسليمه كاملاً قبل نهاية 2027 بدلاً من عام 2028.\n"
            "ووقع البلدان في يناير 2026 اتفاقية جديدة للنقل البري.\n")
    facts = [fact(text, "عام 2024", "date", "2024"), fact(text, "مارس 2025", "date", "2025-03"),
             fact(text, "نهاية 2027", "date", "2027-12"), fact(text, "عام 2028", "date", "2028"),
             fact(text, "يناير 2026", "date", "2026-01")]
    for c in _article_kind(timeline.build, context(text, facts)):
        items = c.question.items
        assert not any(y in i for i in items for y in ("2024", "2025", "2026", "2027", "2028"))
        assert len({" ".join(sorted(content_words(i))) for i in items}) == len(items)


def test_the_days_of_the_news_and_its_background_are_ordered_though_not_asked() -> None:
    text = ("وانطلقت القضية في مارس 2024 إثر تقرير أعدته هيئة الرقابة.\n"
            "وفي أكتوبر 2024 صدرت بطاقات إيداع بالسجن في حق أربعة من المتهمين.\n"
            "وقضت المحكمة يوم 18 يونيو 2026 بسجن المدير العام السابق عشر سنوات.\n")
    facts = [fact(text, "مارس 2024", "date", "2024-03"), fact(text, "أكتوبر 2024", "date", "2024-10"),
             fact(text, "18 يونيو 2026", "date", "2026-06-18")]
    ctx = build_context(text, facts, article_date="2026-06-19")
    weights, stems = stems_of(ctx)
    assert {weights[fi].trivia for fi in stems} == {"background", "news_day"}  # none is asked alone
    (c,) = timeline.build(ctx, weights, {})
    assert c.question.items[0].startswith("انطلقت القضية") and c.question.items[-1].startswith("قضت المحكمة")


def test_a_person_named_as_subject_makes_a_timeline_event() -> None:
    t = ("ولد الكاتب نجيب محفوظ في القاهرة عام 1911.\nونشر الكاتب روايته الأولى عبث الأقدار عام 1939.\n"
         "وحصل محفوظ على جائزة نوبل للآداب عام 1988.\n")
    facts = [fact(t, f"عام {y}", "date", y, kind="year") for y in ("1911", "1939", "1988")]
    ctx = context(t, [*facts, fact(t, "نجيب محفوظ", "person", entity="person:m", title="الكاتب"),
                      fact(t, "محفوظ", "person", "نجيب محفوظ", nth=1, entity="person:m")])
    weights, stems = stems_of(ctx)
    assert len(timeline.build(ctx, weights, stems)) == 1


def test_a_post_naming_its_body_is_asked_without_the_holders_nationality() -> None:
    from questions.kinds.role import _plain

    assert _plain("مدرب النادي الإفريقي البرتغالي") == "مدرب النادي الإفريقي"
    assert _plain("وزير الخارجية الأمريكي") == "وزير الخارجية الأمريكي"  # the adjective says whose minister


def test_a_count_that_looks_like_a_year_gets_ends_a_reader_can_tell_apart() -> None:
    ctx, st = _from_to("وعزا ذلك إلى زيادة عدد مراكز الاقتراع من 1587 مركزاً إلى 1742 مركزاً في كل الدوائر.\n",
                       ("1587 مركزاً", 1587), ("1742 مركزاً", 1742), "مركز")
    c = change.build(ctx, st, 0.5)
    assert c is not None
    ends = [int(o.split("إلى ")[1]) for o in c.question.choices]
    assert all(abs(e - 1742) >= 10 for e in ends if e != 1742)  # «1741 / 1743» tests a digit, not the news


def _from_to(t: str, before: tuple[str, float], after: tuple[str, float], unit: str) -> tuple[Context, Stems]:
    """The context of sentence ``t`` changing from one number to another, and the later one's stems."""
    ctx = context(t, [fact(t, before[0], "number", before[1], unit=unit), fact(t, after[0], "number", after[1], unit=unit)])
    st = stems_for(ctx, index_of(ctx, after[0]))
    assert st is not None
    return ctx, st


def test_wrong_ends_written_with_a_scale_word_go_the_way_the_change_goes() -> None:
    ctx, st = _from_to("وانخفض فائض الميزان التجاري من 2.3 مليار ريال إلى 1.9 مليار ريال في الربع الأول.\n",
                       ("2.3 مليار ريال", 2.3e9), ("1.9 مليار ريال", 1.9e9), "ريال")
    c = change.build(ctx, st, 0.5)
    assert c is not None
    ends = [float(o.split("إلى ")[1].split()[0]) for o in c.question.choices if o.startswith("انخفاض من")]
    assert len(ends) == 4 and all(e < 2.3 for e in ends)  # not «انخفاض من 2.3 مليار إلى 2.4 مليار»


def test_ends_with_one_scale_word_singular_and_plural_are_one_scale() -> None:
    ctx, st = _from_to("وارتفع حجم التبادل التجاري من 2.9 مليار ريال في 2024 إلى 3.4 مليارات ريال في 2025.\n",
                       ("2.9 مليار ريال", 2.9e9), ("3.4 مليارات ريال", 3.4e9), "ريال")
    made = change.build(ctx, st, 0.5)
    assert made is not None and made.question.answer == "ارتفاع من 2.9 مليار إلى 3.4 مليارات ريال"
    # the currency once, on every option: no option stands out without it
    assert all(o.endswith(" ريال") for o in made.question.choices)
    c = comparison.build(ctx, st, 0.5)
    assert c is not None and c.question.answer == "500 مليون ريال"


def test_wrong_ends_take_the_scale_word_their_count_takes() -> None:
    ctx, st = _from_to("وارتفع حجم التبادل التجاري من 240 مليون دولار إلى 310 ملايين دولار في 2025.\n",
                       ("240 مليون دولار", 240e6), ("310 ملايين دولار", 310e6), "دولار")
    made = change.build(ctx, st, 0.5)
    assert made is not None
    wrong = [o for o in made.question.choices if o != made.question.answer]
    assert wrong and all(o.endswith(" مليون دولار") for o in wrong)  # «335 مليون», not «335 ملايين»


def test_a_difference_below_one_of_the_scale_is_written_in_the_next_scale_down() -> None:
    ctx, st = _from_to("وتراجع العجز التجاري من 1.24 مليار دينار إلى 1.18 مليار دينار خلال العام.\n",
                       ("1.24 مليار دينار", 1.24e9), ("1.18 مليار دينار", 1.18e9), "دينار")
    c = comparison.build(ctx, st, 0.5)
    assert c is not None and c.question.answer == "60 مليون دينار"  # not «0.06 مليار دينار»
    assert all(o.endswith(" مليون دينار") and "." not in o for o in c.question.choices)
    assert comparison.smaller_scale("ملايين", 5) == "آلاف" and comparison.smaller_scale("مليار", 60) == "مليون"


@pytest.mark.parametrize(("unit", "v", "shown"), [
    (" تريليون دينار", 5, " تريليونات دينار"),  # three to ten count a plural
    (" تريليون دينار", 5.5, " تريليون دينار"),
    (" مليارات دولار", 12, " مليار دولار"),
    (" ملايين دولار", 310, " ملايين دولار"),  # past a hundred, a count ending in 3 to 10 keeps its given form
    (" ألف متر", 410, " ألف متر"),
    (" ملايين دولار", 360, " مليون دولار"),
    (" مليوناً", 19, " مليوناً"),  # the accusative after 11 to 99, as the article writes it
    (" مليوناً", 5, " ملايين"),
    (" متفرج", 5, " متفرج"),  # no scale word
])
def test_a_differences_scale_word_agrees_with_it(unit: str, v: float, shown: str) -> None:
    assert comparison.agreeing_scale(unit, v) == shown


def test_a_difference_keeps_the_second_word_of_its_unit() -> None:
    ctx, st = _from_to("وتراجع الخزين المائي في السدود من 9.2 مليار متر مكعب إلى 4.8 مليار متر مكعب هذا العام.\n",
                       ("9.2 مليار متر", 9.2e9), ("4.8 مليار متر", 4.8e9), "متر")
    c = comparison.build(ctx, st, 0.5)
    assert c is not None and c.question.answer == "4.4 مليار متر مكعب"  # not «4.4 مليار متر»


PLACES = ("عقدت الجولة الأولى من الحوار الاستراتيجي بين البلدين في الدوحة.\n"
          "وافتتح الوفد القطري مكتبا تجاريا جديدا في جاكرتا.\n"
          "ونظمت غرفة التجارة منتدى للأعمال بمشاركة مئات الشركات في بالي.\n"
          "وتعقد الجولة الثانية من المحادثات في الخريف المقبل في سنغافورة.\n")


def test_no_false_statement_swaps_a_place_or_a_body() -> None:
    t = PLACES
    cities = [("الدوحة", "qa"), ("جاكرتا", "id"), ("بالي", "id"), ("سنغافورة", "sg")]
    ctx = context(t, [fact(t, c, "place", c, entity=f"place:{c}", kind="city") for c, _ in cities])
    assert _article_kind(statement.build, ctx) == []  # three swapped cities beside one true would be guessed


def test_a_count_reached_with_nothing_it_rose_from_is_no_change() -> None:
    t = "وارتفعت حصيلة الفيضانات في المحافظة إلى 4 قتلى بحسب الدفاع المدني.\n"
    ctx = context(t, [fact(t, "4 قتلى", "number", 4, unit="قتيل")])
    st = stems_for(ctx, 0)
    assert st is not None and change.build(ctx, st, 0.5) is None  # «ارتفاع إلى 6» could count the missing too


@pytest.mark.parametrize(("subject", "reads"), [
    ("الإنتاج الوطني", True), ("تكلفة المشروع", True),
    ("ويقدر الإنتاج الوطني للموسم الحالي بنحو", False),  # a clause, not what changed
    ("يوم الأحد", False), ("مارس الماضي", False),  # when it changed, not what
    ("وكان حجم التبادل قد", False),  # a pluperfect clause, not what changed
    ("أمس السبت", False),  # when it changed, not what
    ("بين القطاعات الرئيسية", False),  # where it changed, not what
    ("وقدّر المركز إجمالي إنفاق الزوار بنحو", False),  # a clause cut before its figure
])
def test_what_changed_reads_as_a_noun_phrase(subject: str, reads: bool) -> None:
    assert change.a_noun_phrase(subject) is reads


def test_a_change_by_a_counted_figure_names_what_it_counts() -> None:
    t = "وتراجع سعر لتر الغازوال في محطات الوقود بنحو 35 سنتيما ليستقر في حدود 10 دراهم.\n"
    ctx = context(t, [fact(t, "35 سنتيما", "number", 35, unit="سنتيم")])
    st = stems_for(ctx, 0)
    c = change.build(ctx, st, 0.5) if st is not None else None
    assert c is not None and c.question.answer == "تراجع بمقدار 35 سنتيما"
    assert all(o.endswith(" سنتيما") for o in c.question.choices)


@pytest.mark.parametrize("sentence", [
    "ويرى محللون أن استقرار التضخم قد يدفع البنك إلى خفض سعر الفائدة من 2.25 في المئة إلى 2 في المئة.\n",
    "وأعربت الوزيرة عن أملها في رفع سعر الفائدة من 2.25 في المئة إلى 2 في المئة.\n",
])
def test_no_change_or_difference_asked_of_what_may_happen(sentence: str) -> None:
    ctx = context(sentence, [fact(sentence, "2.25 في المئة", "percentage", 2.25),
                             fact(sentence, "2 في المئة", "percentage", 2.0)])
    st = stems_for(ctx, 1)
    assert st is not None and change.build(ctx, st, 0.5) is None and comparison.build(ctx, st, 0.5) is None


def test_no_change_question_on_what_is_awaited() -> None:
    t = "وبلغت الاحتياطيات 402 مليار درهم، فيما يُنتظر أن يتقلص عجز الميزانية إلى 3.5% من الناتج.\n"
    ctx = context(t, [fact(t, "3.5%", "percentage", 3.5)])
    st = stems_for(ctx, 0)
    assert st is not None and change.build(ctx, st, 0.5) is None  # «يُنتظر»: nothing has shrunk yet


def test_which_statement_is_asked_once_led_by_a_key_fact_and_once_by_a_lighter_one() -> None:
    text = FIGURES + "ويضم المستشفى 14 غرفة عمليات مجهزة بأحدث المعدات الطبية.\n"
    ctx = _figures(text)
    ctx = context(text, [*ctx.facts, fact(text, "14 غرفة", "number", 14, unit="غرفة")])
    made = [c for c in _article_kind(statement.build, ctx) if c.question.prompt == statement.PROMPT]
    assert len(made) == 2
    assert made[0].facts[0] != made[1].facts[0]  # led by different facts
    assert made[0].salience > made[1].salience  # the key fact's first


def test_a_change_between_two_amounts_of_what_is_no_currency_leaves_its_noun_out() -> None:
    text = "وارتفع الخزين المائي من 10.4 مليارات متر مكعب إلى 16.8 مليار متر مكعب هذا العام.\n"
    ctx, st = _from_to(text, ("10.4 مليارات متر مكعب", 10.4e9), ("16.8 مليار متر مكعب", 16.8e9), "متر مكعب")
    made = change.build(ctx, st, 0.5)
    assert made is not None and made.question.answer == "ارتفاع من 10.4 مليارات إلى 16.8 مليار"  # never «مليار متر»


@pytest.mark.parametrize(("event", "nothing"), [
    ("أعلنت السلطات المحلية", True),  # what they announced was cut away
    ("وكشف الوزير", True),
    ("أعلنت السلطات المحلية تعليق الدراسة", False),
    ("بدأت الأمطار بالهطول", False),
])
def test_an_event_that_only_says_who_announced_is_no_event(event: str, nothing: bool) -> None:
    from questions.kinds.timeline import _announces_nothing

    assert _announces_nothing(event) is nothing


def test_a_statement_shows_a_figure_in_digits_or_in_words() -> None:
    assert statement.shows_a_figure("بلغت نسبة التغطية 96% من الأطفال")
    assert statement.shows_a_figure("قال الوزير إن الحملة تستمر أربعة أيام")
    assert not statement.shows_a_figure("أعلنت اللجنة العليا النتائج الرسمية للجولة الأولى")
