"""Every named rule of the name pipeline, with examples it must keep handling.

Trims and splits are called directly on a span. Passes, the steps that read a body's name and the
people rules run through the whole pipeline; for those, each example must also change when the rule
is taken out of its table, so an example that some other rule would handle anyway does not count.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import ModuleType
from typing import Any

import pytest

from questions.names import find_entities, passes
from questions.names.rules import bodies, clean, people, split
from questions.names.tokens import Doc, Span
from questions.text import split_sentences

TYPES = {"person": "PERS", "place": "LOC", "organization": "ORG"}


def _doc_with_span(text: str, words: str, typ: str) -> tuple[Doc, Span]:
    doc = Doc(text, split_sentences(text))
    toks = words.split()
    i = next(k for k in range(doc.n) if doc.toks[k:k + len(toks)] == toks)
    doc.add(i, i + len(toks), typ)
    sp = doc.span_at(i)
    assert sp is not None
    return doc, sp


# trim, text, the span's words and type, where the trim starts (None: the span's start), what is left
TRIM_CASES: list[tuple[clean.Trim, str, str, str, str | None, str]] = [
    (clean.skip_leading_cues, "وقال الرئيس دونالد ترامب إن الاتفاق قريب.", "الرئيس دونالد ترامب", "PERS", None,
     "دونالد ترامب"),
    (clean.body_stops_at_title, "وقال وزير الطاقة السعودي الأمير عبد العزيز إن الإنتاج مستقر.",
     "الطاقة السعودي الأمير", "ORG", None, ""),
    (clean.body_stops_at_title, "التقى ممثلو الهيئة العامة الأمير فيصل أمس.", "الهيئة العامة الأمير", "ORG",
     None, "الهيئة العامة"),
    (clean.body_skips_leading_nouns, "وهاجمت عناصر تنظيم داعش القرية.", "عناصر تنظيم داعش", "ORG", None,
     "تنظيم داعش"),
    (clean.nationality_after_role, "وقال الرئيس الأمريكي دونالد ترامب إن الاتفاق قريب.",
     "الرئيس الأمريكي دونالد ترامب", "PERS", "الأمريكي", "دونالد ترامب"),
    (clean.nationality_after_role, "وزار ولي العهد السعودي باريس.", "العهد السعودي", "PERS", "السعودي", ""),
    (clean.title_inside_person, "واستقبل ولي العهد السعودي الأمير محمد الضيوف.", "السعودي الأمير محمد", "PERS",
     None, "محمد"),
    (clean.preposition_ends_person, "التقى مولاي عبد الله بالرباط الوفد.", "مولاي عبد الله بالرباط", "PERS", None,
     "مولاي عبد الله"),
    (clean.verb_is_no_person, "وقال إن المبعوث سيزور الرياض.", "سيزور", "PERS", None, ""),
    (clean.verb_is_no_person, "وأعلن رئيس الحكومة دعمه له في الجولة الثانية.", "دعمه", "PERS", None, ""),
    (clean.verb_is_no_person, "وقال إن الفريق يكتفي بالتعادل.", "يكتفي", "PERS", None, ""),
    (clean.drop_trailing_stops, "ووصل ماجد الفطيم في الصباح.", "ماجد الفطيم في", "PERS", None, "ماجد الفطيم"),
    (clean.digits_end_name, "وكشفت شركة جي 42 عن خطتها.", "جي 42", "ORG", None, "جي"),
    (clean.person_drops_next_noun, "وتسلمت ستيفاني رومانوسكي ملف النازحين.", "ستيفاني رومانوسكي ملف", "PERS", None,
     "ستيفاني رومانوسكي"),
    (clean.place_opens_no_person, "وقال فرنسا ماكرون إن الأمر محسوم.", "فرنسا ماكرون", "PERS", None, "ماكرون"),
    (clean.accusative_ends_person, "فيما حل أوسكار بياستري ثالثاً في السباق.", "أوسكار بياستري ثالثاً", "PERS", None,
     "أوسكار بياستري"),
    (clean.accusative_or_count_is_no_name, "وفازت القائمة بـ14 مقعداً في البرلمان.", "مقعداً", "PERS", None, ""),
    (clean.adjective_after_noun_is_no_place, "ونفذ الجيش ضربات قرب الحدود السورية أمس.", "السورية", "LOC", None, ""),
    (clean.adjective_after_noun_is_no_place, "أعلنت الحكومة تخصيص غلاف مالي كبير.", "مالي", "LOC", None, ""),
    (clean.nisba_surname, "واستقبل محمد شياع السوداني ، الوفد.", "محمد شياع", "PERS", None, "محمد شياع السوداني"),
    (clean.unknown_word_continues_person, "وانعقد الاجتماع برئاسة عزيز أخنوش أمس.", "عزيز", "PERS", None,
     "عزيز أخنوش"),
    (clean.unknown_word_continues_person, "وتألق الحارس فويتشيك تشيزني تصدى لثلاث كرات.", "فويتشيك تشيزني",
     "PERS", None, "فويتشيك تشيزني"),
    (clean.adjective_is_no_person, "وعمل كمسؤول ترابي في الإقليم لسنوات.", "ترابي", "PERS", None, ""),
    (clean.adjective_is_no_person, "وقال مسؤول هاني إن الأمر محسوم.", "هاني", "PERS", None, "هاني"),
    (clean.title_ends_no_person, "وهنأ لفتيت الوالي الجديد على تعيينه.", "لفتيت الوالي", "PERS", None, "لفتيت"),
    (clean.link_word_ends_no_name, "وحضر الشيخ حمدان بن محمد بن راشد آل مكتوم الحفل.", "حمدان بن محمد بن راشد آل",
     "PERS", None, "حمدان بن محمد بن راشد آل مكتوم"),
    (clean.link_word_ends_no_name, "وقال أحمد بن ، إن الأمر محسوم.", "أحمد بن", "PERS", None, "أحمد"),
    (clean.adjacent_people_join, "وترأس الجلسة المستشار مدبولي حلمي كساب أمس.", "مدبولي", "PERS", None,
     "مدبولي حلمي كساب"),
    (clean.adjacent_people_join, "وتعاقد النادي مع البرازيلي نيمار دا سيلفا أمس.", "نيمار", "PERS", None,
     "نيمار دا سيلفا"),
]


# Spans the tagger found beside the one a trim looks at: «مدبولي» is followed by «حلمي كساب».
NEIGHBOURS = {"مدبولي": ("حلمي كساب", "PERS"), "نيمار": ("سيلفا", "PERS")}


@pytest.mark.parametrize("trim, text, words, typ, start, left", TRIM_CASES,
                         ids=[f"{c[0].__name__}-{n}" for n, c in enumerate(TRIM_CASES)])
def test_each_trim_moves_the_span_as_its_examples_say(trim: clean.Trim, text: str, words: str, typ: str,
                                                      start: str | None, left: str) -> None:
    doc, sp = _doc_with_span(text, words, typ)
    if words in NEIGHBOURS:
        other, other_typ = NEIGHBOURS[words]
        k = next(k for k in range(doc.n) if doc.toks[k] == other.split()[0])
        doc.add(k, k + len(other.split()), other_typ)
    i = sp.i if start is None else next(k for k in range(sp.i, sp.j) if doc.toks[k] == start)
    a, b = trim(doc, sp, i, sp.j)
    assert " ".join(doc.toks[a:b]) == left


def test_every_trim_has_an_example() -> None:
    assert {t.__name__ for t in clean.EXTENDING_TRIMS} == {c[0].__name__ for c in TRIM_CASES}


# split, text, the span's words and type, the pieces (type, words) that replace it; None: it keeps the span
SPLIT_CASES: list[tuple[split.Split, str, str, str, list[tuple[str, str]] | None]] = [
    (split.function_is_no_body, "وقرر مجلس الإدارة رفع الرسوم.", "مجلس الإدارة", "ORG", []),
    (split.listed_company_is_no_place, "وقعت طلبية لشراء طائرات من بوينغ.", "بوينغ", "LOC", [("ORG", "بوينغ")]),
    (split.nationality_before_person, "قالت المتحدثة باسم اليونيفيل الإيطالية فرانشيسكا موريتي إن الدوريات بدأت.",
     "الإيطالية فرانشيسكا موريتي", "LOC", [("PERS", "فرانشيسكا موريتي")]),
    (split.places_joined_by_wa, "وأقام معارض في بيروت ولندن.", "بيروت ولندن", "LOC",
     [("LOC", "بيروت"), ("LOC", "ولندن")]),
    (split.places_joined_by_wa, "وزار البوسنة والهرسك.", "البوسنة والهرسك", "LOC", None),
    (split.one_word_person, "وصل وفد كينشاسا أمس.", "كينشاسا", "PERS", [("LOC", "كينشاسا")]),
    (split.one_word_person, "تعذرت رؤية هلال شهر رمضان أمس.", "رمضان", "PERS", []),
    (split.nationality_between_people, "ويخلف يوسف التشادي موسى فقي محمد في الرئاسة.",
     "يوسف التشادي موسى فقي", "PERS", [("PERS", "يوسف"), ("PERS", "موسى فقي")]),
    (split.person_after_definite_body, "وقالت في المفوضية سلوى الربيعي إن النتائج أولية.",
     "المفوضية سلوى الربيعي", "ORG", [("PERS", "سلوى الربيعي")]),
    (split.person_after_body_name, "وقال الرئيس المدير العام لمجمع سوناطراك محمد بوزيدي إن الإنتاج ارتفع.",
     "لمجمع سوناطراك محمد بوزيدي", "ORG", [("ORG", "لمجمع سوناطراك"), ("PERS", "محمد بوزيدي")]),
]


@pytest.mark.parametrize("rule, text, words, typ, pieces", SPLIT_CASES,
                         ids=[f"{c[0].__name__}-{n}" for n, c in enumerate(SPLIT_CASES)])
def test_each_split_rule_splits_or_retypes_as_its_examples_say(rule: split.Split, text: str, words: str, typ: str,
                                                               pieces: list[tuple[str, str]] | None) -> None:
    doc, sp = _doc_with_span(text, words, typ)
    got = rule(doc, sp)
    if pieces is None:
        assert got in (None, split.KEEP)  # it does not apply, or applies and keeps the span
    elif pieces == []:
        assert got is not None, "the rule does not apply"
        assert got is split.DROP
    else:
        assert got is not None, "the rule does not apply"
        assert [(t, " ".join(doc.toks[a:b])) for a, b, t in got] == pieces
    split.split_joined(doc)
    expect = [(typ, words)] if pieces is None else pieces
    assert [(s.typ, " ".join(doc.toks[s.i:s.j])) for s in doc.live()] == expect


def test_every_split_rule_has_an_example() -> None:
    assert {r.__name__ for r in split.SPLITS} == {c[0].__name__ for c in SPLIT_CASES}


# Pipeline rules: (module, table, rule name) -> examples (text, fact type, name that must be found or,
# with a leading "-", must not be found).
PIPELINE_CASES: dict[tuple[ModuleType, str, str], list[tuple[str, str, str]]] = {
    (passes, "ARTICLE_PASSES", "tag"): [("وشارك نيكولا ساركوزي في اللقاء.", "person", "نيكولا ساركوزي")],
    (passes, "ARTICLE_PASSES", "split_joined"): [("وقعت طلبية لشراء 28 طائرة من بوينغ.", "organization", "بوينغ")],
    (passes, "ARTICLE_PASSES", "quotes"): [("أعلن دعمه للمرشح اليميني «نصري عصفورة» أمس.", "person", "نصري عصفورة")],
    (passes, "ARTICLE_PASSES", "org_heads"): [("وقرر الاتحاد الدولي لكرة القدم فتح تحقيق.", "organization",
                                               "الاتحاد الدولي لكرة القدم")],
    (passes, "ARTICLE_PASSES", "companies"): [("ونفذت المشروع السويدي إليكتريك المصرية.", "organization",
                                               "السويدي إليكتريك")],
    (passes, "ARTICLE_PASSES", "clubs"): [("تعادل مولودية وهران مع شباب قسنطينة في الجولة الأخيرة.", "organization",
                                           "شباب قسنطينة")],
    (passes, "ARTICLE_PASSES", "sites"): [("دخلت الشاحنات عبر معبر كرم أبو سالم أمس.", "place", "معبر كرم أبو سالم")],
    (passes, "ARTICLE_PASSES", "named_after"): [("التقى الفريقان على ملعب الأمير مولاي عبد الله بالرباط.", "place",
                                                 "ملعب الأمير مولاي عبد الله")],
    (passes, "ARTICLE_PASSES", "countries"): [("وصل الوفد إلى مسقط صباح الأحد.", "place", "مسقط")],
    (passes, "ARTICLE_PASSES", "regions"): [("ضربت السيول محافظة المهرة أمس.", "place", "محافظة المهرة")],
    (passes, "ARTICLE_PASSES", "settlements"): [("وولد الشاعر في قرية البروة عام 1941.", "place", "البروة")],
    (passes, "ARTICLE_PASSES", "datelines"): [("عدن - سبأ: أنجزت اللجنة الدولية عملية التبادل.", "organization",
                                               "سبأ")],
    (passes, "ARTICLE_PASSES", "people"): [("وقالت منسقتها كارمن رويث إن الأرقام مقلقة.", "person", "كارمن رويث")],
    (passes, "ARTICLE_PASSES", "hyphenated"): [("ورأست الوفد وزيرة الخارجية ماري-كلير مونغا أمس.", "person",
                                                "ماري-كلير مونغا")],
    (passes, "ARTICLE_PASSES", "written_ali"): [
        ("واعتبر علي حسن المرزوق أن الحكم منصف.", "person", "علي حسن المرزوق"),
        ("وقال نائب الوزير عمر علي جيدي إن العملية نجحت.", "person", "عمر علي جيدي")],
    (passes, "ARTICLE_PASSES", "clean"): [("وقالت وادي الرمال إن النتائج أولية.", "place", "وادي الرمال")],
    (passes, "ARTICLE_PASSES", "acronyms"): [("ورحبت حركة مجتمع السلم (حمس) بالتعديل.", "organization",
                                              "حركة مجتمع السلم")],
    (passes, "ARTICLE_PASSES", "propagate"): [("فاز المرشح «نصري عصفورة» بالرئاسة. وأدى «عصفورة» اليمين أمس.",
                                               "person", "عصفورة")],
    (bodies, "HEAD_STEPS", "construct_noun"): [("وقالت هيئة تنشيط السياحة إن الحجوزات ارتفعت.", "organization",
                                                "هيئة تنشيط السياحة")],
    (bodies, "HEAD_STEPS", "named_for_someone"): [("وافتتح مركز زايد للدراسات فرعا جديدا.", "organization",
                                                   "مركز زايد للدراسات")],
    (bodies, "HEAD_STEPS", "trade_and_place"): [("بلغت المشاركة 94 بالمائة في شركة نقل تونس وحدها.", "organization",
                                                 "شركة نقل تونس")],
    (bodies, "HEAD_STEPS", "stop_person_or_role"): [("وقال الباحث في جامعة الملك سعود إن النتائج مهمة.",
                                                     "organization", "جامعة الملك سعود")],
    (bodies, "HEAD_STEPS", "after_name_only_adjectives"): [
        ("ومولت شركة الدوحة للأوراق المالية الصناديق الجديدة.", "organization", "شركة الدوحة للأوراق المالية")],
    (bodies, "HEAD_STEPS", "place_in_genitive"): [("ويشارك في التمويل صندوق أبوظبي للتنمية.", "organization",
                                                   "صندوق أبوظبي للتنمية")],
    (bodies, "HEAD_STEPS", "own_name"): [("وعولج في مركز كليفلاند كلينك الطبي في أبوظبي.", "organization",
                                          "مركز كليفلاند كلينك الطبي")],
    (bodies, "HEAD_STEPS", "lil_phrase"): [("وأضرب عمال الاتحاد العام التونسي للشغل أمس.", "organization",
                                            "الاتحاد العام التونسي للشغل")],
    (bodies, "HEAD_STEPS", "lil_noun_phrase"): [("وقرر الاتحاد الدولي لكرة القدم فتح تحقيق.", "organization",
                                                 "الاتحاد الدولي لكرة القدم")],
    (bodies, "HEAD_STEPS", "wa_definite"): [("وقالت هيئة شؤون الأسرى والمحررين إن الإفراج تأخر.", "organization",
                                             "هيئة شؤون الأسرى والمحررين")],
    (bodies, "HEAD_STEPS", "definite_genitive_or_adjective"): [("وقالت منظمة الصحة العربية إن الوضع مستقر.",
                                                                "organization", "منظمة الصحة العربية")],
    (people, "PEOPLE_RULES", "person_in_list"): [("واستقبل الرئيس الروسي فلاديمير بوتين وميركل في الكرملين أمس.",
                                                  "person", "ميركل")],
    (people, "PEOPLE_RULES", "after_role"): [("وقالت منسقتها كارمن رويث إن الأرقام مقلقة.", "person", "كارمن رويث")],
    (people, "PEOPLE_RULES", "after_nationality"): [("وسجلت النيجيرية تشيوما أوكافور هدف الفوز.", "person",
                                                     "تشيوما أوكافور")],
    (people, "PEOPLE_RULES", "after_reporting_verb"): [("وقالت حداد إن الزوار تضاعفوا.", "person", "حداد")],
    (people, "PEOPLE_RULES", "first_name_pair"): [("وقالت وادي الرمال إن النتائج أولية.", "place", "وادي الرمال")],
}


def _holds(text: str, typ: str, name: str) -> bool:
    found = {f.text for f in find_entities(text, split_sentences(text)) if f.type == typ}
    return name[1:] not in found if name.startswith("-") else name in found


@contextmanager
def _without(module: ModuleType, table: str, name: str) -> Iterator[None]:
    saved: tuple[Any, ...] = getattr(module, table)
    setattr(module, table, tuple(r for r in saved if getattr(getattr(r, "func", r), "__name__", "") != name))
    try:
        yield
    finally:
        setattr(module, table, saved)


@pytest.mark.parametrize("key", list(PIPELINE_CASES), ids=[k[2] for k in PIPELINE_CASES])
def test_each_pipeline_rule_handles_its_examples_and_is_what_handles_them(key: tuple[ModuleType, str, str]) -> None:
    module, table, name = key
    cases = PIPELINE_CASES[key]
    for text, typ, want in cases:
        assert _holds(text, typ, want), (text, typ, want)
    with _without(module, table, name):
        assert not all(_holds(text, typ, want) for text, typ, want in cases), f"{name} is not what handles these"


@pytest.mark.parametrize("module, table", [(passes, "ARTICLE_PASSES"), (bodies, "HEAD_STEPS"),
                                           (people, "PEOPLE_RULES")])
def test_every_pipeline_rule_has_an_example(module: ModuleType, table: str) -> None:
    rules: tuple[Callable[..., Any], ...] = getattr(module, table)
    names = {getattr(getattr(r, "func", r), "__name__") for r in rules}
    assert names == {k[2] for k in PIPELINE_CASES if k[0] is module and k[1] == table}


def test_a_dotted_ali_is_the_preposition_where_the_article_writes_it_so() -> None:
    text = "وحصل علي الرغم من ذلك على دعم. واعتبر علي حسن المرزوق أن الحكم منصف."
    assert _holds(text, "person", "-علي حسن المرزوق")


def test_the_preposition_ila_is_no_governor_before_a_word() -> None:
    assert _holds("استندت المحكمة إلى القانون وإلى كشوفات نظام حماية الأجور.", "person", "-كشوفات")
    assert _holds("وقال والي ولاية الخرطوم أحمد عثمان إن المياه عادت.", "person", "أحمد عثمان")


def test_a_word_glued_to_li_after_a_body_goes_on_the_body_not_a_name() -> None:
    text = "واعتبر سعيد الناصر، الأمين المساعد في الاتحاد العام لنقابات عمال البحرين، أن الحكم منصف."
    assert _holds(text, "person", "-لنقابات")
    assert _holds(text, "person", "سعيد الناصر")


def test_a_body_closed_by_its_country_may_be_followed_by_a_name_glued_to_li() -> None:
    assert _holds("في المقابل، اعترف مدرب الاتحاد الفرنسي لوران غارنييه بأن فريقه أخطأ.", "person", "لوران غارنييه")


def test_no_construct_goes_on_from_a_definite_role_so_the_word_after_is_no_name() -> None:
    text = "واستعاد الفريق التقدم من ركلة جزاء نفذها المدافع تركي الشهري بنجاح، إثر عرقلة."
    assert _holds(text, "person", "-بنجاح")


def test_a_word_after_tabaa_is_no_speaker() -> None:
    text = "وقلص الضيوف الفارق عبر المهاجم المغربي يوسف بنعيسى، الذي تابع كرة مرتدة من الحارس."
    assert _holds(text, "person", "-كرة")
    assert _holds(text, "person", "يوسف بنعيسى")
