"""Questions that give each other away (leaks) and how a bank is chosen from candidates (select)."""

from __future__ import annotations

from dataclasses import replace

import math

import pytest

from questions.kinds.base import Candidate
from questions.leaks import Leak, find_leaks, leak_free, reveals, secrets, shown, title_reveals
from questions.model import FALSE_LABEL, TRUE_LABEL, Question, Source
from questions.completeness import leans_back
from questions.select import (FILL_FLOOR, says_true_without_a_figure, MAX_ALTERNATES, as_written, settles, MAX_SHARE_OF_ONE_KIND, MAX_TRUE_FALSE, bank_size, complements, restates,
                              recalls_a_day, restates_title, select)

WIN = Question(key="win", kind="mcq", fact_type="person", prompt="من فاز بالانتخابات الرئاسية في هندوراس؟",
               answer="نصري عصفورة", accepted=("عصفورة",),
               choices=("نصري عصفورة", "سلفادور نصر الله", "ريكسي مونكادا", "خوان هيرنانديز"))
SHARE = Question(key="share", kind="cloze", fact_type="percentage",
                 prompt="فاز نصري عصفورة بالانتخابات بنسبة _____ من الأصوات.", answer="40.27%")
TF = Question(key="tf", kind="true_false", fact_type="percentage",
              prompt="هل العبارة الآتية صحيحة بحسب المقال: حصل الفائز على 40.27% من الأصوات؟",
              answer=TRUE_LABEL, choices=(TRUE_LABEL, FALSE_LABEL))
AGE = Question(key="age", kind="numeric", fact_type="number", prompt="كم عاما يبلغ عمر الرئيس المنتخب؟",
               answer="67", tolerance=0.0)
ROLES = Question(key="roles", kind="roles", fact_type="person", prompt="صل كل شخص بمنصبه.",
                 answer="وزير الخارجية | الرئيس الأمريكي",
                 pairs=(("ماركو روبيو", "وزير الخارجية"), ("دونالد ترامب", "الرئيس الأمريكي")))
TF_SOURCED = Question(key="tf2", kind="true_false", fact_type="percentage",
                     prompt="هل العبارة الآتية صحيحة بحسب المقال: حصل الفائز على 45.27% من الأصوات؟",
                     answer=FALSE_LABEL, choices=(TRUE_LABEL, FALSE_LABEL),
                     source=Source("حصل الفائز على 40.27% من الأصوات.", 15, 21))
ORDER = Question(key="order", kind="timeline", fact_type="date", prompt="رتب الأحداث.", answer="أ ← ب ← ج",
                 items=("فاز عصفورة بالانتخابات", "هنأه روبيو", "زار واشنطن"),
                 choices=("هنأه روبيو", "زار واشنطن", "فاز عصفورة بالانتخابات"))


# --- secrets and what a question shows -------------------------------------------------------------

@pytest.mark.parametrize(("q", "expected"), [
    (WIN, ("نصري عصفورة", "عصفورة")),
    (SHARE, ("40.27%",)),
    (AGE, ("67",)),
    (ROLES, ("وزير الخارجية", "الرئيس الأمريكي")),  # the right-hand side of each pair
    (TF, ()),  # «صح» gives nothing away
    (TF_SOURCED, ("40.27%",)),  # the figure the statement turns on
    (Question(key="st", kind="statement", fact_type="percentage", prompt="أي العبارات غير صحيحة؟",
              answer="حصل الفائز على 45.27% من الأصوات", choices=("حصل الفائز على 45.27% من الأصوات", "أ"),
              source=Source("حصل الفائز على 40.27% من الأصوات.", 15, 21)),
     ("حصل الفائز على 45.27% من الأصوات", "40.27%")),  # the odd statement, and the figure it changed
    (ORDER, ()),  # the items are on the page anyway
])
def test_secrets_are_what_a_student_must_not_see_before_answering(q: Question, expected: tuple[str, ...]) -> None:
    assert secrets(q) == expected


def test_a_question_shows_its_prompt_items_left_pairs_and_only_long_options() -> None:
    statement = Question(key="st", kind="statement", fact_type="", prompt="أي العبارات صحيحة؟",
                         answer="فاز عصفورة بنسبة 40.27% من الأصوات",
                         choices=("فاز عصفورة بنسبة 40.27% من الأصوات", "فاز عصفورة بنسبة 45.27% من الأصوات"))
    assert shown(WIN) == (WIN.prompt,)  # names as options are no statements
    assert shown(ROLES) == (ROLES.prompt, "ماركو روبيو", "دونالد ترامب")
    assert shown(ORDER) == (ORDER.prompt, *ORDER.items)
    assert shown(statement) == (statement.prompt, *statement.choices)


@pytest.mark.parametrize(("revealer", "revealed", "secret"), [
    (SHARE, WIN, "نصري عصفورة"),  # the cloze names the winner
    (TF, SHARE, "40.27%"),  # the statement shows the share
    (Question(key="x", kind="wh", fact_type="", prompt="بلغت نسبته ٤٠٫٢٧ في المئة فمن هو؟", answer="نصري عصفورة"),
     SHARE, "40.27%"),  # a number shows by its value, whatever its digits
    (Question(key="s", kind="statement", fact_type="", prompt="أي العبارات صحيحة؟", answer="أ",
              choices=("فاز الرئيس المنتخب بنسبة 40.27% من الأصوات", "أ")), SHARE, "40.27%"),
    # An option of a which-statement question copies the true/false statement with its true figure.
    (Question(key="s", kind="statement", fact_type="", prompt="أي العبارات صحيحة؟", answer="أ",
              choices=("حصل الفائز على 40.27% من الأصوات", "أ")), TF_SOURCED, "40.27%"),
])
def test_a_question_reveals_another_whose_answer_it_shows(revealer: Question, revealed: Question,
                                                          secret: str) -> None:
    assert reveals(revealer, revealed) == secret


@pytest.mark.parametrize(("revealer", "revealed"), [
    (WIN, SHARE),  # the winner's question does not show the share
    (AGE, WIN),
    (WIN, TF),  # a true/false question has nothing to hide
    (SHARE, SHARE),  # a question never reveals itself
    (Question(key="c", kind="mcq", fact_type="place", prompt="أين جرت الانتخابات؟", answer="هندوراس",
              choices=("هندوراس", "غواتيمالا", "كوبا", "بنما")),
     Question(key="d", kind="mcq", fact_type="place", prompt="أي بلد زاره الرئيس؟", answer="غواتيمالا",
              choices=("غواتيمالا", "هندوراس", "كوبا", "بنما"))),  # short options are no statements
])
def test_a_question_reveals_nothing_it_does_not_show(revealer: Question, revealed: Question) -> None:
    assert reveals(revealer, revealed) is None


def test_the_title_may_reveal_an_answer() -> None:
    assert title_reveals("فوز نصري عصفورة برئاسة هندوراس", WIN) == "نصري عصفورة"
    assert title_reveals("انتخابات هندوراس", WIN) is None
    assert title_reveals("  ", WIN) is None


def test_find_leaks_lists_every_pair_and_the_title() -> None:
    leaks = find_leaks([WIN, SHARE, TF, AGE], title="عصفورة رئيسا")
    assert leaks == [Leak(-1, 0, "عصفورة"), Leak(1, 0, "نصري عصفورة"), Leak(2, 1, "40.27%")]


def test_leak_free_keeps_the_first_of_each_leaking_pair_and_drops_what_the_title_shows() -> None:
    assert [q.key for q in leak_free([WIN, SHARE, TF, AGE])] == ["win", "tf", "age"]
    assert [q.key for q in leak_free([SHARE, WIN, TF, AGE])] == ["share", "age"]
    assert [q.key for q in leak_free([WIN, SHARE, AGE], title="فوز عصفورة")] == ["share", "age"]


# --- select ----------------------------------------------------------------------------------------

CITIES = ["القاهرة", "دمشق", "بغداد", "الرباط", "تونس", "عمان", "الدوحة", "مسقط", "الرياض", "بيروت", "الخرطوم",
          "صنعاء", "طرابلس", "الكويت", "المنامة", "نواكشوط"]
TOPICS = ["الزراعة", "الصناعة", "التجارة", "السياحة", "التعليم", "الصحة", "النقل", "الطاقة", "المياه", "الإسكان",
          "الثقافة", "الرياضة", "الاتصالات", "البيئة", "المالية", "العدل"]


def cand(i: int, kind: str = "mcq", fact: str = "", salience: float = 0.5, quality: float = 0.8,
         sentence: str = "", prompt: str = "", fact_type: str = "") -> Candidate:
    """A candidate about fact ``i`` (a capital's name, recalled as a person's is: a place's or a body's is never
    recalled, and a person's never typed, so a typed one stands for a date), with a prompt and a sentence of
    its own unless given."""
    fact_type = fact_type or ("date" if kind in ("cloze", "wh") else "person")
    q = Question(key=f"{kind}-{i}-{prompt[:6]}", kind=kind, fact_type=fact_type,
                 prompt=prompt or f"أي عاصمة احتضنت مؤتمر {TOPICS[i]}؟", answer=CITIES[i],
                 choices=(CITIES[i], "أ", "ب", "ج") if kind != "cloze" else (),
                 source=Source(sentence or f"احتضنت {CITIES[i]} مؤتمر {TOPICS[i]}.", 0, 1))
    return Candidate(q, (fact or f"place:{i}",), salience, quality)


@pytest.mark.parametrize(("words", "size"), [(0, 8), (300, 8), (450, 10), (675, 15), (1350, 30), (5000, 30)])
def test_a_bank_has_about_one_question_per_45_words_between_8_and_30(words: int, size: int) -> None:
    assert bank_size(words) == size


def test_a_places_or_a_bodys_name_is_recalled_only_by_a_bank_holding_fewer_than_two_questions() -> None:
    bank = select([cand(0, fact_type="place"), cand(1, fact_type="organization"), cand(2),
                   cand(3, "true_false", fact_type="organization")], 8)
    assert sorted(q.key for q in bank) == ["mcq-2-", "true_false-3-"]
    assert len(select([cand(0, fact_type="place"), cand(1, fact_type="organization")], 8)) == 2


def test_a_persons_name_is_typed_from_memory_only_by_a_bank_holding_fewer_than_two_questions() -> None:
    typed = [cand(0, "cloze", fact_type="person"), cand(1, "wh", fact_type="person")]
    picked = [cand(i, fact_type="person") for i in range(2, 2 + FILL_FLOOR)]
    assert sorted(q.key for q in select([*typed, *picked], 8)) == sorted(c.question.key for c in picked)
    assert sorted(q.key for q in select([*typed, *picked[:2]], 8)) == ["mcq-2-", "mcq-3-"]
    assert len(select([*typed, picked[0]], 8)) == 2  # a bank of one would give the teacher little to start from
    # the gap stays as another form of a person's question with options
    bank = select([cand(0, "cloze", fact_type="person"), cand(0, fact_type="person")], 8)
    assert [q.key for q in bank] == ["mcq-0-"] and [a.kind for a in bank[0].alternates] == ["cloze"]


def test_a_day_of_the_month_is_recalled_only_by_a_bank_holding_fewer_than_four_questions() -> None:
    def on(i: int, fact: str) -> Candidate:
        c = cand(i, fact_type="date")
        return replace(c, question=replace(c.question, fact=fact))
    days = [on(0, "date:2026-05-30"), on(1, "date:--07-14")]
    years = [on(2, "date:2025"), on(3, "date:2026-05"), on(4, "date:2024"), on(5, "date:2023")]  # asked
    assert sorted(q.key for q in select([*days, *years], 8)) == ["mcq-2-", "mcq-3-", "mcq-4-", "mcq-5-"]
    assert FILL_FLOOR == 4 and len(select([*days, *years[:2]], 8)) == 4  # a short bank fills up with them
    assert recalls_a_day(days[0]) and not recalls_a_day(years[0])
    false_day = replace(days[0], question=replace(days[0].question, kind="true_false"))
    assert recalls_a_day(false_day)  # «خسر المباراة الأولى يوم 1 مايو» is as trivial


def test_one_question_per_fact_with_its_other_realizations_as_alternates() -> None:
    group = [cand(0, "mcq", quality=0.9, salience=0.6, fact_type="date"), cand(0, "cloze", quality=0.6, salience=0.4),
             cand(0, "wh", quality=0.6, salience=0.5)]
    bank = select([*group, cand(1, fact_type="date")], 8)
    assert [q.key for q in bank] == ["mcq-0-", "mcq-1-"]
    first = bank[0]
    assert [a.kind for a in first.alternates] == ["wh", "cloze"]  # best first
    assert all(a.salience == first.salience == 0.6 and not a.alternates for a in first.alternates)


def test_alternates_are_capped() -> None:
    group = [cand(0, kind, prompt=f"سؤال {n} عن مؤتمر الزراعة؟") for n, kind in
             enumerate(("mcq", "cloze", "wh", "numeric", "true_false", "short", "statement"))]
    (q,) = select(group, 8)
    assert len(q.alternates) == MAX_ALTERNATES


def test_comprehension_kinds_get_their_quota_before_recall() -> None:
    recall = [cand(i, salience=0.9) for i in range(10)]
    comprehension = [cand(10, "comparison", salience=0.3), cand(11, "change", salience=0.3)]
    kinds = [q.kind for q in select([*recall, *comprehension], 8)]
    assert kinds.count("comparison") == kinds.count("change") == 1  # ceil(8 × 0.25) = 2


@pytest.mark.parametrize("kind", ["cause", "who_did"])
def test_a_cause_or_who_did_question_is_only_ever_another_form_of_a_chosen_one(kind: str) -> None:
    other, figure = cand(0, kind, salience=0.9), cand(0, "mcq", salience=0.3)
    bank = select([other, cand(1, kind, salience=0.9), figure], 8)
    assert [q.key for q in bank] == ["mcq-0-"] and [a.kind for a in bank[0].alternates] == [kind]


def test_no_kind_takes_more_than_its_share_and_true_false_at_most_two() -> None:
    assert len(select([cand(i, salience=0.9) for i in range(12)], 8)) == math.ceil(8 * MAX_SHARE_OF_ONE_KIND)
    tf = [cand(i, "true_false") for i in range(6)]
    assert len(select(tf, 8)) == MAX_TRUE_FALSE
    compared = [cand(i, "comparison") for i in range(6)]
    assert len(select(compared, 8)) == 2  # one comprehension idea asked at most twice


def test_a_short_sentence_carries_one_question_a_long_one_two_on_different_clauses() -> None:
    short = "احتضنت القاهرة مؤتمر الزراعة واحتضنت دمشق مؤتمر الصناعة."
    assert len(select([cand(0, sentence=short), cand(1, "cloze", sentence=short)], 8)) == 1
    long = ("احتضنت القاهرة مؤتمر الزراعة الذي شارك فيه وزراء ورجال أعمال من عشرين بلدا عربيا وأجنبيا، "
            "فيما احتضنت دمشق مؤتمر الصناعة الذي ناقش فيه الخبراء خطط التصنيع المحلي ودعم المصانع الصغيرة.")
    assert len(long.split()) >= 25
    apart = [cand(0, sentence=long, prompt="أي عاصمة استضافت وزراء الزراعة العرب؟"),
             cand(1, "cloze", sentence=long, prompt="في أي مدينة ناقش الخبراء خطط التصنيع المحلي؟")]
    assert len(select(apart, 8)) == 2
    one_clause = [cand(0, sentence=long), cand(1, "cloze", sentence=long)]  # «أي عاصمة احتضنت مؤتمر ...؟» twice
    assert len(select(one_clause, 8)) == 1
    three = [*apart, cand(2, "wh", sentence=long, prompt="ما عدد البلدان التي شارك وزراؤها؟")]
    assert len(select(three, 8)) == 2


def test_the_title_never_gives_an_answer_away() -> None:
    bank = select([cand(0), cand(1), cand(2)], 8, title="مؤتمرات في دمشق")
    assert "دمشق" not in [q.answer for q in bank] and len(bank) == 2


def test_no_question_in_the_bank_gives_another_away() -> None:
    giveaway = cand(1, prompt="احتضنت القاهرة مؤتمرا فأي عاصمة احتضنت مؤتمر الصناعة؟", salience=0.4)
    bank = select([cand(0, salience=0.8), giveaway, cand(2, salience=0.3)], 8)
    assert [q.answer for q in bank] == ["القاهرة", "بغداد"]


def test_trivial_facts_are_left_out_unless_the_whole_article_weighs_alike_or_the_bank_is_thin() -> None:
    strong = [cand(i, salience=0.9) for i in range(4)]
    assert cand(4, salience=0.1).question.answer not in [q.answer for q in select([*strong, cand(4, salience=0.1)], 8)]
    assert len(select([cand(0, salience=0.15), cand(1, salience=0.1)], 8)) == 2
    # One key fact and nothing else of weight: a light fact is better than a bank of one question.
    assert len(select([cand(0, salience=0.9), cand(1, salience=0.1)], 8)) == 2


def test_the_bank_is_sorted_by_salience() -> None:
    bank = select([cand(0, salience=0.3), cand(1, "cloze", salience=0.9), cand(2, "wh", salience=0.6)], 8)
    assert [q.salience for q in bank] == [0.9, 0.6, 0.3]


def test_a_fact_whose_answer_other_questions_show_ranks_lower() -> None:
    shows_cairo = [cand(i, "wh", prompt=f"ماذا احتضنت القاهرة في مؤتمر {TOPICS[i]}؟") for i in (1, 2)]
    groups = [cand(0, salience=0.5, fact_type="date"), cand(3, salience=0.5, fact_type="date"), *shows_cairo]
    # Cairo and Rabat weigh alike, but two other prompts name Cairo: asking about Cairo would rule both out
    assert [q.answer for q in select(groups, 8)] == ["الرباط", "دمشق", "بغداد"]


def test_one_sentence_carries_one_copied_stem_until_the_bank_runs_short() -> None:
    sentence = "احتضنت القاهرة مؤتمر الزراعة الأسبوع الماضي، فيما تستقبل الرباط معرض السياحة الشهر المقبل."
    first = cand(0, "cloze", sentence=sentence, prompt="احتضنت _____ مؤتمر الزراعة الأسبوع الماضي.", salience=0.9)
    second = cand(3, "cloze", sentence=sentence, prompt="تستقبل _____ معرض السياحة الشهر المقبل.", salience=0.8)
    others = [cand(i, salience=0.7, fact_type="date") for i in (1, 2)]
    # Room for all: the second clause of the sentence gets its question too, after the other sentences.
    assert [q.answer for q in select([first, second, *others], 8)] == ["القاهرة", "الرباط", "دمشق", "بغداد"]
    # A full bank keeps one copied stem per sentence.
    assert [q.answer for q in select([first, second, *others], 3)] == ["القاهرة", "دمشق", "بغداد"]


def test_a_comprehension_question_does_not_use_up_its_sentence() -> None:
    sentence = "احتضنت القاهرة مؤتمر الزراعة."
    role = Candidate(Question(key="role", kind="role", fact_type="person", prompt="ما منصب فلان بحسب المقال؟",
                              answer="وزير الزراعة", choices=("وزير الزراعة", "أ", "ب", "ج"),
                              source=Source(sentence, 0, 1)), ("person:9",), 0.9, 0.8)
    assert [q.key for q in select([role, cand(0, sentence=sentence)], 8)] == ["role", "mcq-0-"]


def test_a_cloze_stem_shows_which_statement_is_true() -> None:
    cloze = Question(key="c", kind="cloze", fact_type="person",
                     prompt="اختتم رئيس جمهورية السنغال، _____ زيارة دولة إلى موريتانيا استمرت يومين.",
                     answer="باسيرو ديوماي فاي")
    true = "اختتم رئيس جمهورية السنغال زيارة دولة إلى موريتانيا استمرت يومين"
    statement = Question(key="s", kind="statement", fact_type="", prompt="أيّ العبارات الآتية صحيحة بحسب المقال؟",
                         answer=true, choices=(true, "وقع البلدان تسع اتفاقيات في مجالات الطاقة والصيد البحري"))
    assert reveals(cloze, statement) == true
    assert reveals(statement, cloze) is None


def test_a_question_showing_other_facts_uses_them_up() -> None:
    # A question standing on facts 0 to 2 (a which-not-true question showing them) leaves them unasked.
    statement = cand(0, "statement", salience=0.9)
    statement = Candidate(statement.question, ("place:0", "place:1", "place:2"), 0.9, 0.8)
    bank = select([statement, *(cand(i, salience=0.5) for i in range(1, 5))], 3)
    assert [q.key for q in bank] == ["statement-0-", "mcq-3-", "mcq-4-"]


def _which_is_true() -> Candidate:
    """A which-is-true question on «320 سريراً» whose false statements change two other facts' figures."""
    true = "افتتحت الحكومة مستشفى يضم 320 سريراً"
    falses = ("بلغت تكلفة المشروع 60 مليون ريال", "يعمل في المستشفى 1100 موظف", "استقبلت الطوارئ 900 مريض")
    q = Question(key="which", kind="statement", fact_type="number", prompt="أيّ العبارات الآتية صحيحة بحسب المقال؟",
                 answer=true, choices=(true, *falses), source=Source(true + ".", 19, 28), fact="number:320")
    return Candidate(q, ("number:320",), 0.9, 0.8,
                     swapped=(("number:45", "45 مليون ريال", "60 مليون ريال"), ("number:850", "850 موظفاً", "1100 موظف"),
                              ("number:1200", "1200 مريض", "900 مريض")))


def _cost(kind: str, choices: tuple[str, ...], prompt: str = "بلغت تكلفة المشروع _____ .") -> Candidate:
    q = Question(key=f"cost-{kind}", kind=kind, fact_type="number", prompt=prompt, answer="45 مليون ريال",
                 choices=choices, source=Source("وبلغت تكلفة المشروع 45 مليون ريال.", 20, 33), fact="number:45")
    return Candidate(q, ("number:45",), 0.5, 0.8)


def test_a_fact_a_false_statement_changed_is_asked_beside_it_only_when_neither_tells_on_the_other() -> None:
    which = _which_is_true()
    typed = _cost("cloze", ())  # typed: no options to rule anything out
    assert not settles(typed.question, which)
    assert [q.key for q in select([which, typed], 8)] == ["which", "cost-cloze"]
    other_figure = _cost("true_false", (TRUE_LABEL, FALSE_LABEL),
                         prompt="هل العبارة الآتية صحيحة بحسب المقال: بلغت تكلفة المشروع 30 مليون ريال؟")
    assert settles(other_figure.question, which)  # «30» and «60» would bracket the true «45»
    # options leaving out «60 مليون ريال» show that statement false; options listing it lose it to a student
    # who found the true statement
    for choices in (("45 مليون ريال", "50 مليون ريال", "30 مليون ريال", "75 مليون ريال"),
                    ("45 مليون ريال", "60 مليون ريال", "30 مليون ريال", "75 مليون ريال")):
        offering = _cost("mcq", choices)
        assert settles(offering.question, which)
        assert [q.key for q in select([which, offering], 8)] == ["which"]
    shown_true = _cost("true_false", (TRUE_LABEL, FALSE_LABEL),
                       prompt="هل العبارة الآتية صحيحة بحسب المقال: بلغت تكلفة المشروع 45 مليون ريال؟")
    assert settles(shown_true.question, which)
    assert [q.key for q in select([which, shown_true], 8)] == ["which"]
    by_its_change = replace(_cost("change", ("ارتفاع إلى 45 مليون ريال", "ارتفاع إلى 60 مليون ريال",
                                             "ارتفاع إلى 30 مليون ريال", "ارتفاع إلى 75 مليون ريال")).question,
                            answer="ارتفاع إلى 45 مليون ريال", fact="change:cost")
    assert settles(by_its_change, which)  # a change question on the changed figure asks it with options too
    same_false = _cost("true_false", (TRUE_LABEL, FALSE_LABEL),
                       prompt="هل العبارة الآتية صحيحة بحسب المقال: بلغت تكلفة المشروع 60 مليون ريال؟")
    assert settles(same_false.question, which)  # one false statement twice: the second rules itself out


def test_only_the_statements_as_the_article_writes_them_are_restated_by_other_stems() -> None:
    which = _which_is_true().question
    assert as_written(which) == (which.answer,)
    not_true = replace(which, prompt="أيّ العبارات الآتية غير صحيحة بحسب المقال؟")
    assert set(as_written(not_true)) == set(which.choices) - {which.answer}
    stem = _cost("cloze", (), prompt="بلغت تكلفة المشروع _____ .").question
    assert not restates(which, stem)  # it says again a statement the question itself calls false
    assert restates(not_true, stem)


def test_no_figure_a_student_can_work_out_from_the_page() -> None:
    def figure(key: str, prompt: str, answer: str, salience: float) -> Candidate:
        q = Question(key=key, kind="mcq", fact_type="percentage", prompt=prompt, answer=answer,
                     choices=(answer, "10%", "30%", "40%"), source=Source(prompt, 0, 1))
        return Candidate(q, (f"number:{key}",), salience, 0.8)

    own = figure("own", "ارتفع عدد الزوار من 11.2 مليون إلى 13.6 مليون، بنسبة نمو بلغت _____.", "21%", 0.9)
    share = figure("share", "ما نسبة النمو في عدد زوار الحدائق العامة في دبي؟", "21%", 0.8)
    ends = Candidate(Question(key="ends", kind="mcq", fact_type="number",
                              prompt="ارتفع عدد زوار الحدائق من 11.2 مليون إلى _____ في عام 2025.",
                              answer="13.6 مليون", choices=("13.6 مليون", "12.6 مليون", "14.6 مليون", "15.6 مليون"),
                              source=Source("ارتفع عدد زوار الحدائق من 11.2 مليون إلى 13.6 مليون.", 0, 1)),
                     ("number:ends",), 0.7, 0.8)
    assert [q.key for q in select([own, share], 8)] == ["share"]  # its own stem gives it
    assert [q.key for q in select([share, ends], 8)] == ["share", "ends"]  # one end alone gives nothing
    both = Candidate(Question(key="both", kind="true_false", fact_type="number",
                              prompt="هل العبارة الآتية صحيحة بحسب المقال: ارتفع عدد الزوار من 11.2 مليون إلى 13.6 مليون؟",
                              answer=TRUE_LABEL, choices=(TRUE_LABEL, FALSE_LABEL)), ("number:both",), 0.95, 0.8)
    assert [q.key for q in select([both, share], 8)] == ["both"]  # its two figures give the other's rate


@pytest.mark.parametrize(("prompt", "leans"), [
    ("سجلت البلاد خلال العام ذاته _____ إصابة.", True),
    ("خصصت الوزارة _____ درهم لهذا الغرض.", True),  # «لـ» glued to «هذا»
    ("وبهذه المناسبة كرّمت الوزارة _____ معلماً.", True),
    ("خصصت الوزارة _____ درهم لحملة التلقيح.", False),
    ("بلغ عدد الزوار _____ زائر في 2025.", False),
    ("ارتفع عدد الزوار إلى _____ زائر هذا العام.", False),  # the time the news is told in
    ("بلغت هذه النسبة _____ في 2025.", True),
])
def test_a_stem_pointing_back_to_what_came_before_is_known(prompt: str, leans: bool) -> None:
    assert leans_back(prompt) is leans


def _statements(salience: float = 0.9) -> Candidate:
    q = Question(key="st", kind="statement", fact_type="place", prompt="أيّ العبارات الآتية غير صحيحة بحسب المقال؟",
                 answer="احتضنت دمشق مؤتمر الصناعة", choices=(
                     "احتضنت دمشق مؤتمر الصناعة", "احتضنت القاهرة مؤتمر الزراعة بمشاركة واسعة",
                     "افتتح الوزير معرض الكتاب في الرياض", "أطلقت الحكومة خطة للنقل العام"),
                 source=Source("احتضنت بغداد مؤتمر الصناعة.", 8, 12))
    return Candidate(q, ("place:2",), salience, 0.8)


def test_no_stem_says_again_what_a_which_statement_question_shows() -> None:
    st = _statements()
    again = cand(0, salience=0.5, prompt="احتضنت _____ مؤتمر الزراعة بمشاركة واسعة.")  # says statement 2 again
    other = cand(3, salience=0.5)
    assert restates(st.question, again.question) and not restates(st.question, other.question)
    assert not restates(again.question, st.question)  # only a which-statement question's statements count
    assert [q.key for q in select([st, again, other], 3)] == ["st", "mcq-3-"]


def test_a_bank_left_thin_by_a_which_statement_question_is_chosen_without_it() -> None:
    st = _statements()
    restating = [cand(i, salience=0.5, prompt=f"احتضنت _____ مؤتمر الزراعة بمشاركة واسعة {i}.") for i in (0, 4, 5)]
    bank = select([st, *restating], 8)
    assert len(bank) == 3 and "st" not in [q.key for q in bank]
    assert [q.key for q in select([st, *restating[:1]], 8)] == ["st"]  # one against one: the first stays


def test_a_figure_ranks_above_a_name_that_weighs_the_same() -> None:
    person = Candidate(Question(key="who", kind="mcq", fact_type="person", prompt="من افتتح المعرض؟",
                                answer="سامر الخصاونة", choices=("سامر الخصاونة", "أ", "ب", "ج"),
                                source=Source("افتتح سامر الخصاونة المعرض.", 6, 19)), ("person:s",), 0.6, 0.8)
    figure = Candidate(Question(key="how", kind="mcq", fact_type="number", prompt="كم دار نشر شاركت في المعرض؟",
                                answer="450", choices=("450", "400", "500", "350"),
                                source=Source("شاركت 450 دار نشر في المعرض.", 6, 9)), ("number:450",), 0.6, 0.8)
    assert [q.key for q in select([person, figure], 1)] == ["how"]


@pytest.mark.parametrize(("prompt", "answer", "shown"), [
    ("أكد الوزير أن عدد الناجحين بلغ 466 ألفا و68 ناجحا من أصل 872 ألفا.", "466068", True),  # two parts
    ("أكد الوزير أن عدد الناجحين بلغ 466 ألفا و68 ناجحا.", "466,068", True),
    ("استقبل المعرض 1.2 مليون زائر هذا العام.", "1200000", True),
    ("أكد الوزير أن عدد الناجحين بلغ 466 ألفا و69 ناجحا.", "466068", False),
])
def test_a_figure_written_with_a_scale_word_shows_its_value(prompt: str, answer: str, shown: bool) -> None:
    from questions.answers import shows_answer

    assert shows_answer(prompt, answer) is shown


def test_a_name_is_recalled_only_when_the_figures_leave_the_bank_short() -> None:
    figures = [Candidate(Question(key=f"n{i}", kind="mcq", fact_type="number", prompt=f"كم مشروعا افتتح في {TOPICS[i]}؟",
                                  answer=str(10 + i), choices=(str(10 + i), "1", "2", "3"),
                                  source=Source(f"افتتح {10 + i} مشروعا في {TOPICS[i]}.", 6, 8)),
                         (f"number:{i}",), 0.5, 0.8) for i in range(8)]
    name = cand(9, salience=0.9)
    assert "mcq-9-" not in [q.key for q in select([name, *figures], 8)]  # eight figures fill the bank
    assert "mcq-9-" in [q.key for q in select([name, *figures[:3]], 8)]  # three leave room for it


def test_a_change_is_revealed_by_a_page_holding_both_its_values() -> None:
    change = Question(key="ch", kind="change", fact_type="percentage",
                      prompt="ما التغير الذي طرأ على نسبة إلغاء العمليات بحسب المقال؟", answer="انخفاض من 9% إلى 4%",
                      choices=("انخفاض من 9% إلى 4%", "انخفاض من 9% إلى 6%", "ارتفاع من 4% إلى 9%", "انخفاض من 9% إلى 2%"))
    both = cand(0, prompt="انخفضت نسبة إلغاء العمليات من 9% إلى 4% خلال _____.").question
    one = cand(1, prompt="انخفضت نسبة إلغاء العمليات إلى 4% خلال _____.").question
    assert reveals(both, change) == change.answer and reveals(one, change) is None


def test_one_questions_answer_among_anothers_wrong_options_rules_it_out() -> None:
    from questions.leaks import offers_answer_of

    def pct(key: str, answer: str, choices: tuple[str, ...]) -> Question:
        return Question(key=key, kind="mcq", fact_type="percentage", prompt=f"سؤال {key} _____.", answer=answer,
                        choices=choices)

    growth = pct("g", "9.2%", ("9.2%", "8.5%", "7.9%", "10.1%"))
    share = pct("s", "8.5%", ("8.5%", "6.1%", "7.4%", "9.6%"))
    other = pct("o", "4.4%", ("4.4%", "5.1%", "3.6%", "6.0%"))
    assert offers_answer_of(growth, share) and not offers_answer_of(share, growth) and not offers_answer_of(other, share)
    bank = select([Candidate(growth, ("percentage:9.2",), 0.9, 0.8), Candidate(share, ("percentage:8.5",), 0.8, 0.8),
                   Candidate(other, ("percentage:4.4",), 0.7, 0.8)], 8)
    assert [q.key for q in bank] == ["g", "o"]


def test_a_stem_leaning_on_what_came_before_only_fills_a_short_bank() -> None:
    figures = [Candidate(Question(key=f"n{i}", kind="mcq", fact_type="number", prompt=f"كم مشروعا افتتح في {TOPICS[i]}؟",
                                  answer=str(10 + i), choices=(str(10 + i), "1", "2", "3"),
                                  source=Source(f"افتتح {10 + i} مشروعا في {TOPICS[i]}.", 6, 8)),
                         (f"number:{i}",), 0.5, 0.8) for i in range(8)]
    leaning = Candidate(Question(key="lean", kind="mcq", fact_type="percentage", prompt="بلغت هذه النسبة _____ هذا العام.",
                                 answer="12%", choices=("12%", "10%", "14%", "16%"),
                                 source=Source("بلغت هذه النسبة 12% هذا العام.", 16, 19)), ("percentage:12",), 0.9, 0.8)
    assert "lean" not in [q.key for q in select([leaning, *figures], 8)]
    assert "lean" in [q.key for q in select([leaning, *figures[:3]], 8)]


def test_a_true_false_item_the_headline_says_again_is_not_asked() -> None:
    title = "القادسية يحسم لقب الدوري الكويتي الممتاز قبل جولتين من النهاية"
    again = Question(key="tf-title", kind="true_false", fact_type="organization",
                     prompt="هل العبارة الآتية صحيحة بحسب المقال: حسم نادي القادسية لقب الدوري الكويتي الممتاز؟",
                     answer=TRUE_LABEL, choices=(TRUE_LABEL, FALSE_LABEL))
    other = replace(again, key="tf-other",
                    prompt="هل العبارة الآتية صحيحة بحسب المقال: سجل المهاجم فهد العنزي 21 هدفا هذا الموسم؟")
    assert restates_title(title, again) and not restates_title(title, other)
    bank = select([Candidate(again, ("organization:q",), 0.9, 0.8), Candidate(other, ("number:21",), 0.5, 0.8)],
                  8, title)
    assert [q.key for q in bank] == ["tf-other"]


def test_a_true_false_item_on_the_headlines_figure_and_words_is_not_asked() -> None:
    title = "قسنطينة: توزيع 3050 وحدة سكنية بمناسبة عيد الاستقلال"
    again = Question(key="tf-figure", kind="true_false", fact_type="number",
                     prompt="هل العبارة الآتية صحيحة بحسب المقال: أشرف والي ولاية قسنطينة السيد عبد الحميد بوزيدي "
                            "على توزيع ٣٠٥٠ وحدة سكنية من مختلف الصيغ على المستفيدين؟",
                     answer=TRUE_LABEL, choices=(TRUE_LABEL, FALSE_LABEL))
    assert restates_title(title, again)
    assert not restates_title("الوالي يشرف على احتفالات عيد الاستقلال", again)


def test_a_question_using_up_key_facts_gives_way_to_one_on_lighter_facts_when_the_bank_holds_more() -> None:
    # Asked first, the statement on facts 0-3 leaves only facts 4 and 5 to ask; the one on the lighter facts
    # 6-9 leaves every figure question, and the bank holds as many as it may.
    def statement(i: int, facts: tuple[str, ...], salience: float) -> Candidate:
        q = Question(key=f"statement-{i}", kind="statement", fact_type="place", prompt="أيّ العبارات صحيحة؟",
                     answer=f"عبارة {TOPICS[i]}", choices=tuple(f"عبارة {TOPICS[j]}" for j in (i, 10, 11, 12)),
                     source=Source(f"عبارة {TOPICS[i]}.", 0, 1))
        return Candidate(q, facts, salience, 0.8)

    heavy = statement(13, ("place:0", "place:1", "place:2", "place:3"), 0.9)
    light = statement(14, ("place:6", "place:7", "place:8", "place:9"), 0.3)
    figures = [cand(i, ("mcq", "cloze")[i % 2], salience=0.5) for i in range(6)]
    bank = select([heavy, light, *figures], 6)
    assert len(bank) == 6
    assert [q.kind for q in bank].count("statement") == 1
    assert heavy.question.key not in {q.key for q in bank}


def test_two_which_statement_questions_on_one_sentence_are_never_both_asked() -> None:
    # One shows «يمتد الطريق على نحو 1500 كيلومتر» as written, the other changed: each settles the other.
    def statement(key: str, prompt: str, options: tuple[str, ...], facts: tuple[str, ...]) -> Candidate:
        q = Question(key=key, kind="statement", fact_type="number", prompt=prompt, answer=options[0], choices=options,
                     source=Source(options[0], 0, 1))
        return Candidate(q, facts, 0.6, 0.8)

    true = statement("s1", "أيّ العبارات الآتية صحيحة بحسب المقال؟",
                     ("يمتد الطريق على نحو 1500 كيلومتر من الفاو إلى الحدود", "بلغت الكلفة 9 مليارات دولار",
                      "وصلت 7 سفن في مايو", "يضم الميناء 8 أرصفة"), ("number:1500", "number:3", "number:5", "number:6"))
    false = statement("s2", "أيّ العبارات الآتية غير صحيحة بحسب المقال؟",
                      ("تستهدف الشركة 40 رحلة أسبوعيا", "يمتد الطريق على نحو 1200 كيلومتر من الفاو إلى الحدود",
                       "شارك 20 خبيرا في الدراسة", "بلغ عدد العمال 900 عامل"),
                      ("number:40", "number:20", "number:900", "number:11"))
    bank = select([true, false, *(cand(i, ("mcq", "cloze")[i % 2], salience=0.5) for i in range(6))], 8)
    assert [q.kind for q in bank].count("statement") == 1


def test_two_shares_of_one_sentence_making_up_the_whole_are_never_asked_together() -> None:
    sentence = "وشكل الزوار الأجانب 58 في المئة من الإجمالي، فيما بلغت نسبة الزوار المصريين 42 في المئة."

    def share(key: str, answer: str) -> Question:
        return Question(key=key, kind="mcq", fact_type="percentage", prompt="ما النسبة _____؟", answer=answer,
                        choices=(answer, "30%", "50%", "70%"), source=Source(sentence, 0, 1))

    assert complements(share("a", "58%"), share("b", "42%"))
    assert not complements(share("a", "58%"), share("b", "40%"))
    other = Question(key="c", kind="mcq", fact_type="percentage", prompt="ما النسبة _____؟", answer="42%",
                     choices=("42%", "30%", "50%", "70%"), source=Source("جملة أخرى.", 0, 1))
    assert not complements(share("a", "58%"), other)  # two sentences: two facts


def test_a_false_statement_never_stands_beside_options_offering_its_figure() -> None:
    from questions.select import tells_an_option_false

    source = Source("وارتفعت القروض بنسبة 6.1% خلال العام.", 21, 25)
    statement = Question(key="tf", kind="true_false", fact_type="percentage", fact="percentage:6.1", source=source,
                         prompt="هل العبارة الآتية صحيحة بحسب المقال: ارتفعت القروض بنسبة 7.1% خلال العام؟",
                         answer=FALSE_LABEL, choices=(TRUE_LABEL, FALSE_LABEL))
    change = Question(key="ch", kind="change", fact_type="percentage", fact="percentage:6.1", source=source,
                      prompt="ما التغير الذي طرأ على القروض بحسب المقال؟", answer="ارتفاع بنسبة 6.1%",
                      choices=("ارتفاع بنسبة 7.1%", "ارتفاع بنسبة 6.6%", "ارتفاع بنسبة 6.1%", "ارتفاع بنسبة 5.6%"))
    assert tells_an_option_false(statement, change)
    other = replace(change, choices=("ارتفاع بنسبة 8.1%", "ارتفاع بنسبة 6.6%", "ارتفاع بنسبة 6.1%", "ارتفاع بنسبة 5.6%"))
    assert not tells_an_option_false(statement, other)
    assert not tells_an_option_false(replace(statement, answer=TRUE_LABEL), change)
    assert [q.key for q in select([Candidate(change, ("percentage:6.1",), 0.9, 0.9),
                                   Candidate(statement, ("percentage:6.1b",), 0.5, 0.6)], 8)] == ["ch"]


def test_a_thin_bank_fills_up_with_lighter_facts_but_not_with_their_sentences_copied_as_true() -> None:
    key = cand(0, salience=0.9)
    lighter_figure = cand(1, salience=0.05)
    copied = replace(cand(2, "true_false", salience=0.05).question, answer=TRUE_LABEL, choices=(TRUE_LABEL, FALSE_LABEL),
                     prompt="هل العبارة الآتية صحيحة بحسب المقال: يشهد السودان حربا منذ أبريل 2023؟")
    bank = select([key, cand(3, salience=0.9), lighter_figure, Candidate(copied, ("place:2",), 0.05, 0.6)], 8)
    assert sorted(q.key for q in bank) == ["mcq-0-", "mcq-1-", "mcq-3-"]
    # ... unless the bank would otherwise hold a single question
    bank = select([key, Candidate(copied, ("place:2",), 0.05, 0.6)], 8)
    assert sorted(q.key for q in bank) == ["mcq-0-", copied.key]


def test_a_true_statement_without_a_figure_only_fills_a_bank_holding_fewer_than_two() -> None:
    def plain(i: int, figure: str = "") -> Candidate:
        c = cand(i, "true_false", fact_type="organization")
        q = replace(c.question, prompt=f"هل العبارة الآتية صحيحة بحسب المقال: أجرى الفريق تغييرين {figure}{i}؟",
                    answer=TRUE_LABEL)
        return replace(c, question=q)
    bare = replace(plain(0).question, prompt="هل العبارة الآتية صحيحة بحسب المقال: روى الشاهد كيف دخلت المياه بيته؟")
    assert says_true_without_a_figure(replace(plain(0), question=bare))
    assert not says_true_without_a_figure(plain(1, "في 12 دقيقة "))
    # ... nor one about what the headline is about
    assert not says_true_without_a_figure(replace(plain(0), question=bare), title="الشاهد يروي ليلة السيول")
    figures = [cand(i, salience=0.9, fact_type="number") for i in range(2, 4)]
    lone = replace(plain(0), question=bare)
    assert [q.key for q in select([lone], 8)] == [lone.question.key]  # a bank of nothing else takes it
    assert lone.question.key not in [q.key for q in select([lone, *figures], 8)]
