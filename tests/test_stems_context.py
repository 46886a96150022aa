"""What a question about one fact stands on (stems_for, with_subject, not_when, date_adjuncts), and the
context built from an article (build_context, datelines, plausible names, synonyms, surnames)."""

from __future__ import annotations

from typing import Any

import pytest

from handmade import context, fact, index_of, visit
from questions.context import Context, build_context, dateline_spans, drop_doubtful_names, plausible_name, synonyms_of
from questions.model import Fact
from questions.realize import date_removal
from questions.normalize import tokens
from questions.stems import (without_open_quotation, body_forms, date_adjuncts, name_forms, not_when, other_tail,
                             stems_for, with_subject)


# --- stems_for -------------------------------------------------------------------------------------

def test_a_name_stands_on_its_clause_and_a_wh_question() -> None:
    ctx = visit()
    st = stems_for(ctx, index_of(ctx, "عبد الفتاح السيسي"))
    assert st is not None
    assert (st.answer, st.fid) == ("عبد الفتاح السيسي", "person:sisi") and "السيسي" in st.accepted
    assert st.cloze == "استقبل الرئيس المصري _____ في القاهرة يوم 12 مارس 2024 الرئيس الفرنسي إيمانويل ماكرون."
    assert st.wh == "من استقبل في القاهرة الرئيس الفرنسي إيمانويل ماكرون؟"
    assert st.source.text[st.source.start:st.source.end] == "عبد الفتاح السيسي"
    assert st.prompt == st.wh


def test_a_date_gets_a_when_question_its_event_and_its_other_spellings() -> None:
    ctx = visit()
    st = stems_for(ctx, index_of(ctx, "12 مارس 2024"))
    assert st is not None
    assert st.wh == "متى استقبل الرئيس المصري عبد الفتاح السيسي في القاهرة الرئيس الفرنسي إيمانويل ماكرون؟"
    assert "12 آذار 2024" in st.accepted
    assert st.event is not None and "12 مارس" not in st.event.body


def test_a_number_blanks_its_figure_and_keeps_the_counted_noun() -> None:
    ctx = visit()
    spelled = stems_for(ctx, index_of(ctx, "تسع اتفاقيات"))
    scaled = stems_for(ctx, index_of(ctx, "7.4 مليار يورو"))
    assert spelled is not None and scaled is not None
    assert (spelled.cloze, spelled.answer, spelled.accepted) == (
        "وقع البلدان _____ اتفاقيات بقيمة 7.4 مليار يورو.", "تسع", ("9",))
    assert (scaled.cloze, scaled.answer) == ("وقع البلدان تسع اتفاقيات بقيمة _____ يورو.", "7.4 مليار")
    assert scaled.view is not None and scaled.view.scale == "مليار"


@pytest.mark.parametrize(("text", "surface", "typ", "value", "kw"), [
    ("قالت سلمى الغربي إن المشروع سيكتمل قريبا في العاصمة.\n", "سلمى", "person", "سلمى",
     {"entity": "person:s", "role": "الوزيرة"}),  # the name runs on past what was found
    ("سجل الفريق 1 هدف في المباراة النهائية للبطولة.\n", "1 هدف", "number", 1, {"unit": "هدف"}),  # below two
    ("أعلنت الوزارة يوم الخميس عن خطة جديدة للنقل.\n", "الخميس", "date", "الخميس", {"kind": "weekday"}),
])
def test_no_stems_where_no_question_can_stand(text: str, surface: str, typ: str, value: object,
                                              kw: dict[str, Any]) -> None:
    assert stems_for(context(text, [fact(text, surface, typ, value, **kw)]), 0) is None


def test_a_stem_starts_after_a_wire_dateline() -> None:
    text = "الرباط - (و م ع) - افتتح الوزير المعرض الدولي للكتاب في مدينة طنجة.\n"
    st = stems_for(context(text, [fact(text, "طنجة", "place", kind="city", entity="place:t")]), 0)
    assert st is not None and st.cloze == "افتتح الوزير المعرض الدولي للكتاب في مدينة _____."


# --- with_subject ----------------------------------------------------------------------------------

BIO = "ولد الوزير غازي القصيبي في الأحساء عام 1940.\nوتولى وزارة الصناعة عام 1976 بعد عودته من لندن.\n"


def _bio(text: str = BIO, people: int = 1) -> Context:
    facts = [fact(text, "غازي القصيبي", "person", role="الوزير", entity="person:q")]
    if people == 2:
        facts.append(fact(text, "تركي الحمد", "person", entity="person:t"))
    facts.append(fact(text, "وزارة الصناعة", "organization", entity="organization:i"))
    return context(text, sorted(facts, key=lambda f: f.start))


def test_a_verb_without_its_subject_gets_the_person_the_sentence_before_names() -> None:
    ctx = _bio()
    fi = index_of(ctx, "وزارة الصناعة")
    assert with_subject(ctx, fi, "تولى وزارة الصناعة عام 1976", 5, 18) == ("تولى القصيبي وزارة الصناعة عام 1976", 13, 26)
    st = stems_for(ctx, fi)
    assert st is not None and st.cloze == "تولى القصيبي _____ عام 1976 بعد عودته من لندن."


@pytest.mark.parametrize("clause", [
    "تولت وزارة الصناعة عام 1976",  # a feminine verb: not him
    "تولى الأمير وزارة الصناعة عام 1976",  # a definite word can be the subject
    "تولى وزير المالية وزارة الصناعة عام 1976",  # a title opens the subject
    "وزارة الصناعة تولت الملف عام 1976",  # no verb first
    "تولى شهر مارس وزارة الصناعة عام 1976",  # a time named after the verb is its subject
    "تولى ثلاثة آخرون وزارة الصناعة عام 1976",  # a count after the verb is its subject
    "تولى مصدر حكومي وزارة الصناعة عام 1976",  # so is a person named by what he is
    "تولى مطار صلالة وزارة الصناعة عام 1976",  # and a site or a body by its name
])
def test_no_subject_is_written_where_the_clause_may_have_one(clause: str) -> None:
    ctx = _bio()
    a = clause.index("وزارة الصناعة")
    assert with_subject(ctx, index_of(ctx, "وزارة الصناعة"), clause, a, a + 13) == (clause, a, a + 13)


@pytest.mark.parametrize(("clause", "figure"), [
    ("عقد مجلس الوزراء جلسة طارئة أقر خلالها 72 مشروعا", "72"),  # a body in construct is the subject
    ("طالب عدد من السكان بضم مناطقهم إلى المرحلة الثانية التي تخدم 15 ألف نسمة", "15 ألف"),
])
def test_no_subject_is_written_where_the_verb_has_one_before_the_blank(clause: str, figure: str) -> None:
    ctx = _bio()
    a = clause.index(figure)
    assert with_subject(ctx, index_of(ctx, "وزارة الصناعة"), clause, a, a + len(figure)) == (clause, a, a + len(figure))


def test_no_subject_is_written_when_the_sentence_before_names_two_people() -> None:
    text = "التقى الوزير غازي القصيبي الكاتب تركي الحمد في الرياض.\nوتولى وزارة الصناعة عام 1976.\n"
    ctx = _bio(text, people=2)
    clause = "تولى وزارة الصناعة عام 1976"
    assert with_subject(ctx, index_of(ctx, "وزارة الصناعة"), clause, 5, 18) == (clause, 5, 18)


# --- dates in the stem -----------------------------------------------------------------------------

@pytest.mark.parametrize(("sentence", "date", "not_the_event"), [
    ("وهي الزيارة الأولى منذ عام 2007 إلى البلاد.", "عام 2007", True),  # since
    ("ووقع الجانبان بروتوكول اتفاقية الصيد لسنة 2026 في الرباط.", "سنة 2026", True),  # for the year
    ("وأقر البرلمان ميزانية العام 2026 بالأغلبية.", "العام 2026", False),
    ("وافتتح الوزير المصنع في عام 2025 بحضور المحافظ.", "عام 2025", False),
])
def test_not_when_tells_a_date_that_is_not_when_the_event_happened(sentence: str, date: str,
                                                                    not_the_event: bool) -> None:
    assert not_when(sentence, sentence.index(date)) is not_the_event


def _dated(text: str) -> Context:
    return context(text, [fact(text, "24 ديسمبر", "date", "--12-24", kind="monthday"),
                          fact(text, "جدة", "place", kind="city", entity="place:j"),
                          fact(text, "عام 2025", "date", "2025", kind="year")])


def test_other_dates_of_the_sentence_are_adjuncts_a_question_does_without() -> None:
    ctx = _dated("افتتح الوزير المصنع يوم 24 ديسمبر في مدينة جدة عام 2025.\n")
    text = ctx.sentences[0].text
    assert [text[a:b] for a, b in date_adjuncts(ctx, index_of(ctx, "جدة"))] == ["يوم 24 ديسمبر", "عام 2025"]
    assert [text[a:b] for a, b in date_adjuncts(ctx, index_of(ctx, "عام 2025"))] == ["يوم 24 ديسمبر"]
    st = stems_for(ctx, index_of(ctx, "عام 2025"))
    assert st is not None and st.wh == "في أي عام افتتح الوزير المصنع في مدينة جدة؟"  # no «24 ديسمبر» in it


def test_a_date_after_a_preposition_that_would_dangle_stays() -> None:
    ctx = _dated("افتتح الوزير المصنع قبل 24 ديسمبر في مدينة جدة عام 2025.\n")
    text = ctx.sentences[0].text
    assert [text[a:b] for a, b in date_adjuncts(ctx, index_of(ctx, "جدة"))] == ["عام 2025"]


# --- context ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "dateline"), [
    ("الكويت - 23 - 7 (كونا) -- أعلنت الوزارة خطة جديدة.", "الكويت - 23 - 7 (كونا) --"),
    ("مسقط في 6 يناير /العُمانية/ - افتتح الوزير المعرض.", "مسقط في 6 يناير /العُمانية/ -"),
    ("بغداد - «المدى»: قال المسؤول إن العمل مستمر.", "بغداد - «المدى»:"),
    ("عدن - سبأ: أعلنت الحكومة الخطة.", "عدن - سبأ:"),
    ("القيروان، 14 جويلية 2026 (وات) – أشرف والي القيروان على جلسة عمل.", "القيروان، 14 جويلية 2026 (وات) –"),
    ("جدة 8 جمادى الأولى 1448 هـ الموافق 19 أكتوبر 2026 م واس\n\nاختتمت في جدة اليوم أعمال الاجتماع.",
     "جدة 8 جمادى الأولى 1448 هـ الموافق 19 أكتوبر 2026 م واس"),
    ("الخرطوم 11-2-2026 - أعادت وزارة الصحة افتتاح المستشفى.", "الخرطوم 11-2-2026 -"),
    ("رام الله 23-7-2026 وفا- أعلنت وزارة التربية النتائج.", "رام الله 23-7-2026 وفا-"),
    ("أعلنت الوزارة خطة جديدة.\nالقاهرة - أعلن الوزير الخطة.", "القاهرة -"),
])
def test_wire_datelines_opening_a_paragraph_are_found(text: str, dateline: str) -> None:
    assert [text[a:b] for a, b in dateline_spans(text)] == [dateline]


def test_a_dash_inside_a_sentence_is_no_dateline() -> None:
    assert dateline_spans("أعلن الوزير في الرباط - أمس - الخطة.") == []


@pytest.mark.parametrize(("text", "typ", "plausible"), [
    ("محمد علي", "person", True), ("عبد الله", "person", True), ("الأمم المتحدة", "organization", True),
    ("البلاد العربية", "place", True),
    ("عمر ناهز", "person", False),  # a verb
    ("ونائبه", "person", False),  # a glued conjunction
    ("مغادرته", "person", False),  # a pronoun suffix
    ("الإمارة", "place", False),  # a common noun for a place named before
    ("حكومته", "organization", False),
    ("أحمد 2", "person", False),  # a digit
    ("مع", "person", False),  # too short
    ("منظمة أطباء بلا", "organization", False),  # cut short: a name never ends on a particle
    ("سلامة اللقاحات", "person", False),  # a plural of things after a first name
    ("لكرة القدم", "person", False),  # a sport
    ("الحسين إربد النهائي", "person", False),  # a club run on into the next word
    ("غرفة الجنايات الابتدائية المكلفة", "organization", False),  # «المكلفة» needs what it is charged with
    ("الورم الحليمي البشري", "person", False),  # a disease
    ("حضروا", "person", False),  # a verb of the plural
    ("رميتان جزائيتان", "person", False),  # a noun and its adjective in the dual
    ("أوامر", "person", False),  # orders, not a name
    ("فيروس الورم الحليمي", "person", False),
])
def test_plausible_name(text: str, typ: str, plausible: bool) -> None:
    assert plausible_name(Fact(typ, text, text, 0, len(text), 0)) is plausible


def _names(text: str, facts: list[Fact]) -> list[str]:
    return [f.text for f in drop_doubtful_names(text, facts)]


def test_of_two_touching_names_the_less_seen_goes() -> None:
    text = "فاز هندوراس نصري عصفورة بالانتخابات، وهنأ نصري عصفورة أنصاره."
    facts = [fact(text, "هندوراس نصري", "person", entity="person:a"),
             fact(text, "عصفورة", "person", "نصري عصفورة", entity="person:b"),
             fact(text, "نصري عصفورة", "person", nth=1, entity="person:b")]
    assert _names(text, facts) == ["عصفورة", "نصري عصفورة"]


@pytest.mark.parametrize(("text", "surface", "kw", "kept"), [
    ("وقال سالم إن الاجتماع مثمر.", "سالم", {}, False),  # one word, once, uncued
    ("وقال سالم إن الاجتماع مثمر.", "سالم", {"role": "الوزير"}, True),
    ("وقال «سالم» إن الاجتماع مثمر.", "سالم", {}, True),  # in quotes
    ("وقال حازم لترحيل المهاجرين إن الاجتماع مثمر.", "حازم لترحيل", {}, False),  # prose
])
def test_a_doubtful_person_goes_unless_something_cues_the_name(text: str, surface: str, kw: dict[str, Any],
                                                                kept: bool) -> None:
    assert _names(text, [fact(text, surface, "person", entity="person:x", **kw)]) == ([surface] if kept else [])


def test_a_one_word_name_never_written_in_full_goes_however_often_seen() -> None:
    text = "صادق المجلس على البرنامج. كما صادق المجلس على 14 نقطة أخرى."
    facts = [fact(text, "صادق", "person", entity="person:s"), fact(text, "صادق", "person", nth=1, entity="person:s")]
    assert _names(text, facts) == []  # the verb «صادق», not a man called Sadiq


def test_a_short_form_of_a_name_written_in_full_stays() -> None:
    text = "قال سالم الهاشمي إن الاجتماع مثمر. وأضاف الهاشمي أن العمل مستمر."
    facts = [fact(text, "سالم الهاشمي", "person", entity="person:s"),
             fact(text, "الهاشمي", "person", "سالم الهاشمي", entity="person:s")]
    assert _names(text, facts) == ["سالم الهاشمي", "الهاشمي"]


def test_an_uncued_name_opening_as_places_do_is_a_place() -> None:
    text = "ويشمل البرنامج أحياء بمقاطعات بني مكادة والسواني ومغوغة."
    assert _names(text, [fact(text, "بني مكادة", "person", entity="person:b")]) == []


@pytest.mark.parametrize(("name", "others"), [
    ("مجلس النواب", {"البرلمان", "مجلس الشعب"}),
    ("السعودية", {"المملكة العربية السعودية"}),
    ("المريخ", set()),
])
def test_synonyms_of_a_body(name: str, others: set[str]) -> None:
    assert synonyms_of(name) == others


SURNAMES = ("التقى الوزير سامح شكري نظيره ناصر الحسيني في القاهرة.\n"
            "واستقبل أحمد الحسيني الوفد في المطار.\nوقال محمد بن سلمان إن العلاقات قوية.\n")


def test_a_surname_counts_as_the_person_only_when_no_one_else_bears_it() -> None:
    people = [("سامح شكري", "shoukry"), ("ناصر الحسيني", "nasser"), ("أحمد الحسيني", "ahmed"),
              ("محمد بن سلمان", "mbs")]
    ctx = context(SURNAMES, [fact(SURNAMES, n, "person", entity=f"person:{e}", role="الوزير") for n, e in people])
    assert ctx.entities["person:shoukry"].aliases == {"سامح شكري", "شكري"}
    assert ctx.entities["person:nasser"].aliases == {"ناصر الحسيني"}  # two people bear «الحسيني»
    assert ctx.entities["person:mbs"].aliases == {"محمد بن سلمان"}  # «سلمان» is his father's name


def test_build_context_keeps_only_the_facts_a_question_may_stand_on() -> None:
    text = ("الرباط - (و م ع) - استقبل وزير الخارجية ناصر بوريطة نظيره الفرنسي في الرباط.\n"
            "وتسلمت الشركة طائرة بيريف بي-200 لمكافحة الحرائق.\n"
            "وأشادت بعثة الأمم المتحدة لمساعدة العراق (يونامي) بالانتخابات.\n")
    facts = [fact(text, "الرباط", "place", kind="city", entity="place:r"),  # in the dateline
             fact(text, "ناصر بوريطة", "person", role="وزير الخارجية", entity="person:b"),
             fact(text, "الرباط", "place", nth=1, kind="city", entity="place:r"),
             fact(text, "بيريف بي", "organization", entity="organization:m"),  # a model's name
             fact(text, "بعثة الأمم المتحدة لمساعدة العراق", "organization", entity="organization:u"),
             fact(text, "العراق", "place", kind="country", entity="place:i"),  # inside a longer name
             fact(text, "يونامي", "organization", entity="organization:y"),  # the abbreviation in brackets
             Fact("person", "زيد", "زيد", 3, 6, 0)]  # not where it says
    ctx = context(text, facts)
    assert [(f.text, ctx.sent_of[i]) for i, f in enumerate(ctx.facts)] == [
        ("ناصر بوريطة", 0), ("الرباط", 0), ("بعثة الأمم المتحدة لمساعدة العراق", 2)]
    assert ctx.entities["person:b"].role == "وزير الخارجية" and ctx.after_dateline(0) == len("الرباط - (و م ع) - ")


def test_entities_gather_every_mention_under_the_longest_name() -> None:
    text = "وصل ماكرون إلى القاهرة.\nواستقبل السيسي الرئيس الفرنسي إيمانويل ماكرون في القصر.\n"
    ctx = context(text, [fact(text, "ماكرون", "person", entity="person:m", title="الرئيس"),
                         fact(text, "إيمانويل ماكرون", "person", role="الرئيس الفرنسي", entity="person:m")])
    (macron,) = ctx.entities.values()
    assert (macron.name, macron.mentions, macron.role, macron.first) == ("إيمانويل ماكرون", 2, "الرئيس الفرنسي", 4)
    assert macron.aliases == {"ماكرون", "إيمانويل ماكرون"}


def test_a_run_on_text_without_sentence_marks_gets_no_fact_a_sentence() -> None:
    text = " ".join(["كلمة"] * 160) + " وزار الوزير القاهرة"
    ctx = context(text, [fact(text, "القاهرة", "place", kind="city", entity="place:q")])
    assert len(ctx.facts) == 1 and ctx.sent_of == {}


def test_sentences_know_their_paragraph() -> None:
    ctx = context("أعلن الوزير الخطة. وقال إنها جاهزة.\nوافتتح المعرض.\n\nوعاد إلى بلاده.", [])
    assert [s.paragraph for s in ctx.sentences] == [0, 0, 1, 2]


def test_no_subject_is_written_before_an_indefinite_construct_subject() -> None:
    t = "ولد الوزير غازي القصيبي في الأحساء عام 1940.\nوارتفع عدد السياح في المدينة إلى مليون سائح عام 2023.\n"
    ctx = context(t, [fact(t, "غازي القصيبي", "person", role="الوزير", entity="person:q"),
                      fact(t, "عام 2023", "date", "2023", kind="year")])
    st = stems_for(ctx, 1)
    assert st is not None and st.cloze == "ارتفع عدد السياح في المدينة إلى مليون سائح _____."


def test_a_surname_ending_in_ta_marbuta_counts_as_the_person() -> None:
    t = "استقبل وزير الخارجية ناصر بوريطة نظيره الفرنسي.\n"
    ctx = context(t, [fact(t, "ناصر بوريطة", "person", role="وزير الخارجية", entity="person:b")])
    assert "بوريطة" in ctx.entities["person:b"].aliases


def test_name_forms_keep_compound_first_names_and_family_names() -> None:
    assert "عبد السيسي" not in name_forms("عبد الفتاح السيسي")
    assert "أبو البغدادي" not in name_forms("أبو بكر البغدادي")
    assert "عبد نهيان" not in name_forms("عبد الله بن زايد آل نهيان")
    assert name_forms("عبد الله بن زايد آل نهيان") == ("عبد الله آل نهيان", "عبد الله بن زايد")
    assert name_forms("خالد عبد الغفار") == ()  # two parts: nothing shorter to write


def test_a_place_inside_a_short_bracketed_name_is_no_fact_to_ask() -> None:
    text = "ويُنشر المرسوم في الجريدة الرسمية (الكويت اليوم).\nوزار الوفد الكويت أمس.\n"
    facts = [fact(text, "الكويت", "place", kind="country", entity="place:k"),
             fact(text, "الكويت", "place", nth=1, kind="country", entity="place:k")]
    ctx = context(text, facts)
    assert [ctx.sent_of[i] for i, _ in enumerate(ctx.facts)] == [1]


def test_a_figure_with_a_thousands_dot_is_accepted_in_every_writing() -> None:
    from questions.options import number_view
    from questions.stems import number_forms

    t = "بلغ عدد المترشحين 367.122 مترشحا."
    view = number_view(fact(t, "367.122 مترشحا", "number", 367122))
    assert view is not None and view.answer == "367.122"
    assert number_forms(view) == ("367122", "367,122")


def test_a_figure_with_a_thousands_comma_is_accepted_without_it() -> None:
    from questions.options import number_view
    from questions.stems import number_forms

    t = "ويتوقع أن يستقبل المركز نحو 3,500 مريض سنوياً."
    view = number_view(fact(t, "3,500 مريض", "number", 3500))
    assert view is not None and view.answer == "3,500"
    assert number_forms(view) == ("3500",)


def test_a_figure_with_a_scale_word_is_accepted_whole_never_as_its_bare_figure() -> None:
    from questions.options import number_view
    from questions.stems import number_forms

    t = "وغرمت المحكمة المتهم 30 ألف دينار."
    view = number_view(fact(t, "30 ألف دينار", "number", 30000))
    assert view is not None and view.answer == "30 ألف"
    assert number_forms(view) == ("30000", "30,000")  # «30» alone reads thirty dinars


def test_a_plural_scale_word_is_accepted_in_the_singular_too() -> None:
    from questions.options import number_view
    from questions.stems import number_forms

    t = "بلغت قيمة الشراكة 210 ملايين يورو."
    view = number_view(fact(t, "210 ملايين يورو", "number", 210_000_000))
    assert view is not None and view.answer == "210 ملايين"
    assert number_forms(view) == ("210000000", "210,000,000", "210 مليون")


def test_a_scale_word_s_accusative_ending_and_a_spelled_share_s_per_cent_may_be_left_off() -> None:
    from questions.options import number_view
    from questions.stems import number_forms

    t = "بلغ عدد الحضور نحو 65 ألف متفرج، مقابل قرابة 52 ألفا في الطبعة السابقة."
    view = number_view(fact(t, "52 ألفا", "number", 52000))
    assert view is not None and "52 ألف" in number_forms(view)
    t = "وقال إن هامش الفائدة يتجاوز ثمانية في المائة."
    view = number_view(fact(t, "ثمانية في المائة", "percentage", 8.0))
    assert view is not None and view.answer == "ثمانية في المائة"
    assert number_forms(view) == ("8", "8%", "8 بالمئة", "ثمانية")


def test_a_body_whose_name_runs_on_into_an_adjective_is_not_asked() -> None:
    text = "سيّر مركز الملك سلمان للإغاثة والأعمال الإنسانية قافلة إلى القرى المتضررة.\n"
    ctx = context(text, [fact(text, "مركز الملك سلمان للإغاثة والأعمال", "organization", entity="organization:k")])
    assert stems_for(ctx, 0) is None
    text = "سيّر مركز الملك سلمان للإغاثة والأعمال الإنسانية قافلة إلى القرى المتضررة.\n"
    ctx = context(text, [fact(text, "مركز الملك سلمان للإغاثة والأعمال الإنسانية", "organization",
                              entity="organization:k")])
    assert stems_for(ctx, 0) is not None


def test_a_body_is_accepted_without_a_head_it_can_do_without() -> None:
    from questions.stems import body_forms

    assert body_forms("جمعية المنبر الوطني الإسلامي") == ("المنبر الوطني الإسلامي",)
    assert body_forms("وزارة الصحة العامة") == ()  # «الصحة العامة» is no ministry
    assert body_forms("حزب الأمة") == ()  # too short to name it alone


@pytest.mark.parametrize(("text", "dateline"), [
    ("عمّان - بترا - توّج فريق الفيصلي بلقب الكأس.", "عمّان - بترا -"),
    ("نواكشوط - الوكالة الموريتانية للأنباء - أعلنت الوزارة النتائج.", "نواكشوط - الوكالة الموريتانية للأنباء -"),
    ("بغداد - أعلنت وزارة الصحة أن الحملة - التي بدأت أمس - مستمرة.", "بغداد -"),  # a sentence, no agency
])
def test_a_dateline_takes_the_agency_between_dashes(text: str, dateline: str) -> None:
    assert [text[a:b] for a, b in dateline_spans(text)] == [dateline]


def test_a_body_whose_name_runs_on_past_an_adjective_of_bodies_goes() -> None:
    text = "أعلن رئيس اللجنة العليا للإشراف العام على سلامة الانتخابات النتائج، وأشادت وزارة الصحة العامة بها."
    facts = [fact(text, "اللجنة العليا للإشراف", "organization", entity="o:a"),
             fact(text, "وزارة الصحة العامة", "organization", entity="o:b")]
    assert _names(text, facts) == ["وزارة الصحة العامة"]


def test_a_body_whose_name_runs_on_to_its_acronym_goes() -> None:
    text = "وتتولى الشركة الوطنية لاستغلال وتوزيع المياه (الصوناد) إنجازه، وتموله الشركة الوطنية للكهرباء."
    facts = [fact(text, "الشركة الوطنية", "organization", entity="o:a"),
             fact(text, "الشركة الوطنية للكهرباء", "organization", entity="o:b")]
    assert _names(text, facts) == ["الشركة الوطنية للكهرباء"]


@pytest.mark.parametrize(("text", "found", "others", "kept"), [
    ("ذهبت الجائزة إلى فيلم للمخرجة نوف خالد القحطاني أمس.", "خالد القحطاني", [], False),  # «نوف» left out
    ("قال مدرب برشلونة هانسي فليك إن الفريق جاهز.", "هانسي فليك", [("برشلونة", "organization")], True),
    ("قال المخرج السوري محمد ملص إن الفيلم جاهز.", "محمد ملص", [], True),
    ("قال الوزير الدكتور سامر الخصاونة إن الخطة جاهزة.", "سامر الخصاونة", [], True),
])
def test_a_person_found_one_word_after_the_title_goes(text: str, found: str, others: list[tuple[str, str]],
                                                       kept: bool) -> None:
    facts = sorted([fact(text, found, "person", entity="person:x", role="المخرج"),
                    *(fact(text, o, t, entity=f"{t}:{o}") for o, t in others)], key=lambda f: f.start)
    assert (found in _names(text, facts)) is kept


def test_no_stem_of_a_few_words_cut_from_a_leading_phrase() -> None:
    text = ("وحسب لوائح الجامعة الملكية المغربية لكرة القدم، يحصل الفريق الفائز على منحة مالية قدرها ثلاثة ملايين "
            "درهم، مقابل مليون ونصف مليون درهم للوصيف، كما يضمن البطل مشاركته في كأس الكونفدرالية الإفريقية خلال "
            "الموسم المقبل بعد تتويجه باللقب الثالث عشر في تاريخه على حساب منافسه العنيد في النهائي.\n")
    ctx = context(text, [fact(text, "الجامعة الملكية المغربية لكرة القدم", "organization", entity="o:frmf")])
    st = stems_for(ctx, 0)
    assert st is None or st.cloze is None or len(st.cloze.split()) >= 5


def test_a_verdict_without_its_subject_gets_the_court_of_the_sentence_before() -> None:
    text = ("قضت محكمة جنايات الجيزة بالسجن المشدد 15 عاما على المتهم الأول في قضية الدقيق المدعم.\n"
            "وقضت بالسجن المشدد سبع سنوات للمتهمين الرابع والخامس وبراءة المتهم السابع.\n")
    ctx = context(text, [fact(text, "محكمة جنايات الجيزة", "organization", entity="o:court"),
                         fact(text, "15 عاما", "number", 15, unit="عام"),
                         fact(text, "سبع سنوات", "number", 7, unit="سنة")])
    st = stems_for(ctx, 2)
    assert st is not None and st.claim is not None
    assert st.claim[0].startswith("قضت محكمة جنايات الجيزة بالسجن المشدد سبع سنوات")


@pytest.mark.parametrize(("text", "surface", "value"), [
    ("واعتمد المدرب طريقة الدفاع 5-1 طوال الشوط الثاني من المباراة.\n", "5", 5),  # a formation
    ("وفاز الفريق على منافسه بنتيجة 3-1 في المباراة النهائية للبطولة.\n", "3", 3),  # a score
])
def test_no_question_blanks_one_side_of_a_pairing(text: str, surface: str, value: int) -> None:
    ctx = context(text, [fact(text, surface, "number", value)])
    assert stems_for(ctx, 0) is None


def test_a_number_opening_on_a_dual_scale_word_is_written_in_two_parts() -> None:
    from questions.options import number_view

    t = "وتستهدف الحملة أزيد من مليونين و100 ألف طفل في المملكة."
    assert number_view(fact(t, "مليونين و100 ألف طفل", "number", 2_100_000, unit="طفل")) is None


@pytest.mark.parametrize(("prompt", "wh", "whole"), [
    ("من قال في كلمته خلال حفل الافتتاح؟", "من", False),  # what was said is gone
    ("أي جهة حذرت من التعامل مع أي جهة؟", "أي جهة", False),  # the question word twice
    ("من قال إن الحملة ستبدأ في مارس؟", "من", True),
    ("من سجل هدف الفوز في الدقيقة 88؟", "من", True),
])
def test_a_who_question_asks_something_whole(prompt: str, wh: str, whole: bool) -> None:
    from questions.stems import asks_whole

    assert (asks_whole(prompt, wh) == prompt) is whole


@pytest.mark.parametrize(("text", "surface"), [
    ("وكان نجم المباراة الظهير الأيسر يوسف عبد الحميد.\n", "عبد الحميد"),  # a first name before it
    ("وقال السفير محمد الأمين ولد الشيخ إن الدورة ناجحة.\n", "محمد"),  # «ولد» links more of the name
    ("وسجل اللاعب محمد صلاح هدف الفوز في الدقيقة 88.\n", "محمد"),  # a name word follows
])
def test_no_question_blanks_part_of_a_persons_name(text: str, surface: str) -> None:
    ctx = context(text, [fact(text, surface, "person", entity=f"person:{surface}")])
    assert stems_for(ctx, 0) is None


def test_a_whole_name_between_its_title_and_its_verb_is_asked() -> None:
    text = "وسجل اللاعب محمد صلاح هدف الفوز في الدقيقة 88.\n"
    ctx = context(text, [fact(text, "محمد صلاح", "person", entity="person:salah")])
    assert stems_for(ctx, 0) is not None


def test_a_rise_in_percent_keeps_what_it_was_compared_with() -> None:
    from questions.stems import lost_base

    sentence = "وزرعت الهيئة نحو 1.2 مليون شتلة، مقارنة بنحو 800 ألف شتلة في عام 2024، بزيادة نسبتها 50%."
    assert lost_base("زرعت الهيئة نحو 1.2 مليون شتلة بزيادة نسبتها _____.", sentence)  # a rise from nothing
    assert not lost_base("زرعت الهيئة نحو 1.2 مليون شتلة، مقارنة بنحو 800 ألف شتلة في عام 2024، "
                         "بزيادة نسبتها _____.", sentence)
    assert not lost_base("زرعت الهيئة نحو _____ شتلة.", sentence)
    trade = "وبلغ حجم المبادلات 214 مليون دولار في 2025، مقابل 167 مليون دولار في 2023، أي بزيادة تناهز 28%."
    assert lost_base("بلغ حجم المبادلات 214 مليون دولار في 2025 أي بزيادة تناهز _____.", trade)
    text = sentence + "\n"
    ctx = context(text, [fact(text, "50%", "percentage", 50)])
    st = stems_for(ctx, 0)
    assert st is None or st.cloze is None or "مقارنة" in st.cloze


def test_a_figure_below_two_before_a_scale_word_is_asked() -> None:
    t = "وبلغت قيمة الصادرات غير النفطية 1.9 مليار ريال خلال الربع الأول من العام.\n"
    ctx = context(t, [fact(t, "1.9 مليار ريال", "number", 1.9e9, unit="ريال")])
    st = stems_for(ctx, 0)
    assert st is not None and st.answer == "1.9 مليار"  # a billion and more is no «one» or «two»


@pytest.mark.parametrize(("name", "form"), [
    ("كريم بنعبد الله", "كريم بن عبد الله"),  # the Maghreb glues the «بن» of a family name
    ("كريم بن عبد الله", "كريم بنعبد الله"),
])
def test_a_family_name_on_bin_is_accepted_glued_or_apart(name: str, form: str) -> None:
    assert form in name_forms(name)


@pytest.mark.parametrize(("name", "form"), [
    ("نادي الكويت", "الكويت"),
    ("الهيئة العامة للرقابة المالية", "هيئة الرقابة المالية"),
    ("الجهاز المركزي للتعبئة العامة والإحصاء", "جهاز التعبئة العامة والإحصاء"),
    ("جمعية المنبر الوطني الإسلامي", "المنبر الوطني الإسلامي"),
])
def test_a_body_is_accepted_by_its_usual_short_name(name: str, form: str) -> None:
    assert body_forms(name) == (form,)


def test_an_adjective_of_origin_left_alone_is_no_name() -> None:
    assert body_forms("الاتحاد المصري لكرة القدم") == ()  # «المصري لكرة القدم» names nothing


def test_no_blank_right_before_the_bodys_short_name() -> None:
    t = "وافتتحت هيئة الأشغال العامة «أشغال» مشروع تطوير طريق الوكير الجنوبي بطول 14 كيلومترا.\n"
    ctx = context(t, [fact(t, "هيئة الأشغال العامة", "organization", entity="organization:a")])
    st = stems_for(ctx, 0)
    assert st is not None and st.cloze is None and st.wh is None  # «_____ «أشغال»» spells the answer


def test_a_figure_in_arabic_indic_digits_is_accepted_in_western_ones() -> None:
    t = "وانتشلت الفرق جثامين سبعة أشخاص وأجلت ٢١٠ عائلات من الأحياء المنكوبة.\n"
    ctx = context(t, [fact(t, "٢١٠ عائلات", "number", 210, unit="عائلة")])
    st = stems_for(ctx, 0)
    assert st is not None and "210" in st.accepted


def test_a_part_of_a_month_is_no_day_to_ask() -> None:
    t = "وأعلنت الإدارة أن الدورة المقبلة ستقام في النصف الثاني من شهر أبريل 2027.\n"
    ctx = context(t, [fact(t, "الثاني من شهر أبريل 2027", "date", "2027-04-02")])
    assert stems_for(ctx, 0) is None  # «النصف التاسع من شهر أبريل» would be an option


def test_a_person_named_once_after_the_lead_is_no_name_to_recall() -> None:
    t = ("افتتح محافظ أسيوط محطة مياه جديدة في قرية دشلوط.\nوتخدم المحطة 40 ألف نسمة.\n"
         "وتبلغ طاقتها 20 ألف متر مكعب يوميا.\nوتسلم المواطن محمود عبد الستار أول فاتورة مياه في القرية.\n"
         "وأكد المحافظ عمرو الشافعي أن المحطة جزء من خطة أوسع.\nوتفقد الشافعي أعمال المرحلة الثانية من المشروع.\n")
    ctx = context(t, [fact(t, "محمود عبد الستار", "person", entity="person:m", role="المواطن"),
                      fact(t, "عمرو الشافعي", "person", entity="person:s", role="المحافظ"),
                      fact(t, "الشافعي", "person", "عمرو الشافعي", nth=1, entity="person:s")])
    once = stems_for(ctx, index_of(ctx, "محمود عبد الستار"))
    assert once is not None and once.cloze is None and once.wh is None  # a villager named once
    twice = stems_for(ctx, index_of(ctx, "الشافعي"))
    assert twice is not None and twice.cloze is not None  # the governor the story follows


def test_two_written_after_a_dual_is_not_asked() -> None:
    t = "وارتفعت حصيلة الفيضانات في عكار إلى أربعة قتلى ومفقودين اثنين حتى مساء أمس.\n"
    ctx = context(t, [fact(t, "اثنين", "number", 2)])
    assert stems_for(ctx, 0) is None  # «ومفقودين _____» already says two


def test_a_date_placed_by_jari_is_cut_with_it() -> None:
    s = "انطلقت الحملة في 7 أيلول الجاري واستمرت أسبوعين."
    a = s.index("7 أيلول")
    cut = date_removal(s, a, a + len("7 أيلول"))
    assert cut is not None and " ".join((s[:cut[0]] + s[cut[1]:]).split()) == "انطلقت الحملة واستمرت أسبوعين."


def test_no_how_many_question_stops_on_the_verbal_noun_that_governed_the_count() -> None:
    t = "وأسفرت السيول عن تضرر 140 منزلاً، منها 31 منزلاً انهارت بالكامل، وجرف 36 سيارة.\n"
    ctx = context(t, [fact(t, "140 منزلاً", "number", 140, unit="منزل")])
    st = stems_for(ctx, 0)
    assert st is not None and (st.wh is None or not st.wh.rstrip("؟").endswith("تضرر"))
    t = "وانتشلت فرق الإنقاذ 23 جثة، فيما جرى إنقاذ 42 راكبا، نقل 11 منهم إلى المستشفى.\n"
    ctx = context(t, [fact(t, "42 راكبا", "number", 42, unit="راكب")])
    st = stems_for(ctx, 0)
    assert st is not None and (st.wh is None or not st.wh.rstrip("؟").endswith("إنقاذ"))  # «جرى إنقاذ؟»


def test_no_when_question_on_a_date_still_to_come() -> None:
    t = "واتفق البلدان خلال الزيارة على تنظيم منتدى أعمال مشترك في نيروبي في مارس 2027.\n"
    ctx = build_context(t, [fact(t, "مارس 2027", "date", "2027-03")], 0, "", "2026-10-20")
    st = stems_for(ctx, 0)
    assert st is not None and st.wh is None  # «متى جرى الاتفاق ...؟» would date the agreement to 2027


def test_a_long_stem_loses_what_follows_its_facts_own_phrase() -> None:
    t = ("وقالت الوزارة إن الخطة الجديدة تستهدف رفع قيمة الصادرات الوطنية غير النفطية إلى 11 مليار دينار سنويا "
         "بحلول نهاية العقد الحالي في إطار برنامج التحديث الاقتصادي الشامل للمملكة، مع التركيز على قطاعات "
         "الصناعات الغذائية والدوائية والهندسية.\n")
    ctx = context(t, [fact(t, "11 مليار دينار", "number", 11e9, unit="دينار")])
    st = stems_for(ctx, 0)
    assert st is not None and st.cloze is not None
    assert st.cloze.endswith("الاقتصادي الشامل للمملكة.") and "التركيز" not in st.cloze  # blind readers trimmed it



@pytest.mark.parametrize(("text", "figure", "date", "cloze"), [
    ("وكانت مصر قد استقبلت نحو 19 مليون سائح خلال عام 2025.\n", "19 مليون سائح", "عام 2025",
     "كانت مصر قد استقبلت نحو _____ سائح خلال عام 2025."),
    ("واستقطب المعرض أكثر من 403 آلاف زائر مقارنة بنحو 250 ألف زائر في دورة عام 2022.\n", "250 ألف زائر",
     "عام 2022", "استقطب المعرض أكثر من 403 آلاف زائر مقارنة بنحو _____ زائر في دورة عام 2022."),
])
def test_a_figure_keeps_the_date_a_word_or_two_after_it(text: str, figure: str, date: str, cloze: str) -> None:
    value = float(figure.split()[0]) * (1e6 if "مليون" in figure else 1e3)
    ctx = context(text, [fact(text, figure, "number", value), fact(text, date, "date", date.split()[-1])])
    st = stems_for(ctx, 0)
    assert st is not None and st.cloze == cloze


@pytest.mark.parametrize(("text", "cloze"), [
    ("ولا يتجاوز عدد الآليات العاملة 620 حاصدة مقابل حاجة فعلية تقدر بنحو ألف حاصدة.",
     "لا يتجاوز عدد الآليات العاملة _____ حاصدة."),
    ("ويراهن الديوان على تنويع المنتوج بهدف بلوغ 12 مليون سائح وعائدات في حدود 9 مليارات دينار.",
     "يراهن الديوان على تنويع المنتوج بهدف بلوغ _____ سائح."),
    # ... but a counted noun whose و is its own («وحدة») is no tail
    ("وأشار الوزير إلى أن الوزارة تطلق 12 مشروعاً قبل نهاية العام، توفر نحو 30 ألف وحدة في الرياض وجدة.",
     "أشار الوزير إلى أن الوزارة تطلق 12 مشروعاً قبل نهاية العام، توفر نحو _____ وحدة."),
])
def test_a_tail_that_lost_its_figure_goes(text: str, cloze: str) -> None:
    ctx = context(text + "\n", None)
    fi = next(i for i, f in enumerate(ctx.facts) if f.text.startswith(("620", "12 مليون", "30")))
    st = stems_for(ctx, fi)
    assert st is not None and st.cloze == cloze


def test_a_passive_verb_joined_by_wa_gets_no_subject_written_in() -> None:
    text = ("وأفادت الشركة العامة لموانئ العراق بأن السفينة، التي ترفع علم ليبيريا ويبلغ طولها 294 مترا، رست على "
            "الرصيف رقم 3 محمّلة بنحو 2,350 حاوية قادمة من ميناء جبل علي، وأُنجزت عمليات تفريغها خلال 31 ساعة "
            "باستخدام ست رافعات جسرية.\n")
    ctx = context(text, None)
    fi = next(i for i, f in enumerate(ctx.facts) if f.text.startswith("31"))
    st = stems_for(ctx, fi)
    assert st is None or st.cloze is None or "الشركة العامة عمليات" not in st.cloze


def test_a_figure_set_against_another_is_asked_with_what_tells_the_two_apart() -> None:
    t = ("وقال الوزير إن نسبة التضخم بلغت 5.2 بالمائة خلال شهر مارس الماضي، مقابل 6.8 بالمائة في الشهر نفسه من "
         "العام الماضي.\n")
    ctx = context(t, [fact(t, "5.2 بالمائة", "percentage", 5.2), fact(t, "6.8 بالمائة", "percentage", 6.8)])
    st = stems_for(ctx, 0)
    assert st is not None and st.wh is None  # «كم بلغت نسبة التضخم؟» would ask for either rate
    assert st.cloze is not None and "مارس" in st.cloze
    # nothing but the figure's own words between it and «مقابل»: the first is the rate now, asked plainly
    t2 = "بلغ عدد العمال الأجانب 483 ألف عامل، مقابل 470 ألف عامل في العام السابق.\n"
    ctx2 = context(t2, [fact(t2, "483 ألف عامل", "number", 483000, unit="عامل"),
                        fact(t2, "470 ألف عامل", "number", 470000, unit="عامل")])
    st2 = stems_for(ctx2, 0)
    assert st2 is not None and st2.wh is not None


def test_a_record_figure_is_never_asked_without_what_holds_the_record() -> None:
    t = "وسجلت الصناعات الهندسية والإلكترونية أعلى معدل نمو بين القطاعات الرئيسية بنسبة 31%.\n"
    ctx = context(t, [fact(t, "31%", "percentage", 31)])
    st = stems_for(ctx, 0)
    assert st is not None and (st.wh is None or "اعلي" in " ".join(tokens(st.wh)))


def test_a_clause_ends_where_a_quotation_it_never_closes_begins() -> None:
    text = 'قالت رند العبيدي إن الفريق سجل حتى الآن أكثر من 90 شهادة، "بعضها لأشخاص رحلوا.'
    assert without_open_quotation(text, text.index("90")) == "قالت رند العبيدي إن الفريق سجل حتى الآن أكثر من 90 شهادة."
    whole = 'قال الوزير إن المشروع "ليس مجرد ترميم" وإن كلفته بلغت 1.4 مليار دينار.'
    assert without_open_quotation(whole, whole.index("1.4")) == whole


def test_a_decimal_figure_is_accepted_with_a_point_or_a_comma() -> None:
    t = "بلغت نسبة النجاح 78,1 في المائة هذا العام.\n"
    st = stems_for(context(t, [fact(t, "78,1 في المائة", "percentage", 78.1)]), 0)
    assert st is not None and {"78.1", "78,1"} <= set(st.accepted)
    t2 = "بلغ عدد الركاب 31,4 مليون راكب.\n"
    st2 = stems_for(context(t2, [fact(t2, "31,4 مليون راكب", "number", 31.4e6, unit="راكب")]), 0)
    assert st2 is not None and "31,4 مليون" in st2.accepted


@pytest.mark.parametrize(("sentence", "date", "construct"), [
    ("وبلغ إجمالي عدد حجاج موسم العام الماضي 1,673,230 حاجا", "العام", True),
    ("مقارنة بموسم العام الماضي", "العام", True),
    ("أعلن الوزير العام الماضي خطة جديدة", "العام", False),  # an adjunct of the verb's clause
    ("ارتفع العام الماضي بنسبة 5%", "العام", False),
    ("سجلت الشركة أرباحا العام الماضي", "العام", False),  # «أرباحًا» takes no genitive
    ("نمو الاقتصاد في العام الماضي", "في", False),
])
def test_a_date_completing_a_bare_noun_is_no_adjunct_to_drop(sentence: str, date: str, construct: bool) -> None:
    from questions.stems import completes_a_construct

    assert completes_a_construct(sentence, sentence.index(date)) is construct


def test_the_end_of_a_sentence_a_verb_needs_is_no_tail_to_drop() -> None:
    text = "ويضم المعرض أكثر من 120 ألف عنوان، بينها نحو 18 ألف إصدار جديد صدر خلال الأشهر الاثني عشر الماضية.\n"
    ctx = context(text, [fact(text, "18 ألف إصدار", "number", 18000, unit="إصدار"),
                         fact(text, "الاثني عشر", "number", 12)])
    assert other_tail(ctx, index_of(ctx, "18 ألف إصدار")) == []  # not «... إصدار جديد صدر.»
