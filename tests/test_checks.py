"""Quality checks: each reason fires on a question built to fail it, and good questions pass."""

from __future__ import annotations

from dataclasses import replace

import pytest

from questions.checks import (
    BLANK,
    DANGLING,
    DUPLICATE_OPTIONS,
    FRAGMENT,
    LEAK,
    NOT_A_QUESTION,
    ONE_ANSWER,
    UNBALANCED,
    check,
    glued_conjunction,
)
from questions.model import FALSE_LABEL, TRUE_LABEL, Question, Source

CHOICES = ("هندوراس", "فنزويلا", "بليز", "كوبا")


def mcq(prompt: str = "في أي بلد فاز عصفورة بالانتخابات؟", answer: str = "هندوراس",
        choices: tuple[str, ...] = CHOICES) -> Question:
    """A multiple-choice question with defaults that pass every check."""
    return Question(key="k", kind="mcq", fact_type="place", prompt=prompt, answer=answer, choices=choices)


def typed(kind: str, prompt: str, answer: str = "هندوراس", accepted: tuple[str, ...] = ()) -> Question:
    """A typed-answer question."""
    return Question(key="k", kind=kind, fact_type="place", prompt=prompt, answer=answer, accepted=accepted)


GOOD = [
    mcq(),
    mcq(prompt=f"فاز عصفورة بالانتخابات في {BLANK}."),
    typed("cloze", f"فاز عصفورة بالانتخابات في {BLANK}."),
    typed("wh", "أين فاز عصفورة بالانتخابات؟"),
    Question(key="k", kind="numeric", fact_type="percentage", prompt="ما نسبة الأصوات التي حصل عليها عصفورة؟",
             answer="40.27%", tolerance=0.005),
    Question(key="k", kind="true_false", fact_type="place", prompt="هل العبارة التالية صحيحة: فاز عصفورة؟",
             answer=TRUE_LABEL, choices=(TRUE_LABEL, FALSE_LABEL)),
    Question(key="k", kind="matching", fact_type="person", prompt="ما صفة كل شخص؟", answer="",
             pairs=(("ترامب", "الرئيس"), ("روبيو", "الوزير")), choices=("الوزير", "الرئيس")),
    Question(key="k", kind="ordering", fact_type="date", prompt="ما الترتيب الزمني الصحيح؟", answer="",
             items=("أ", "ب", "ج"), choices=("ج", "أ", "ب")),
]


@pytest.mark.parametrize("question", GOOD, ids=lambda x: x.kind)
def test_well_formed_questions_pass_every_check(question: Question) -> None:
    assert check(question) == []


@pytest.mark.parametrize(("question", "reason"), [
    (mcq(answer="غواتيمالا"), ONE_ANSWER),                                       # answer not an option
    (mcq(choices=("هندوراس", "هندوراس", "بليز", "كوبا")), ONE_ANSWER),          # answer twice
    (mcq(choices=("هندوراس", "فنزويلا", "بليز", "كوبا", "تشيلي")), DUPLICATE_OPTIONS),  # not 4 options
    (mcq(choices=("هندوراس", "فنزويلا", "فنزويلاَ", "كوبا")), DUPLICATE_OPTIONS),  # equal after folding
    (mcq(answer="40.27%", choices=("40.27%", "٤٠٫٢٧٪", "41%", "39%")), ONE_ANSWER),  # equal by value
    (mcq(prompt="في أي بلد فاز عصفورة بالانتخابات في هندوراس؟"), LEAK),
    (mcq(prompt="فاز عصفورة بالانتخابات في «هندوراس»."), NOT_A_QUESTION),       # no ؟ and no blank
    (mcq(prompt=f"قال محمود عبد الغفار، المحامي عن {BLANK} من المجني عليهم.", answer="340",
         choices=("340", "390", "440", "240")), FRAGMENT),  # said what?
    (typed("cloze", f"تتضمن الخطة إنشاء {BLANK} محطات جديدة في زحلة وبر الياس والمرج.", answer="ثلاث"),
     LEAK),  # the student counts the names
    (Question(key="k", kind="numeric", fact_type="percentage", prompt="كم بلغت النسبة؟", answer="27.1%"),
     NOT_A_QUESTION),  # which of the article's percentages?
    (mcq(prompt=f"مدفوعاً بقطاع الاستخراج، مقابل {BLANK} في 2025.", answer="4.6%",
         choices=("4.6%", "5.4%", "3.6%", "5.1%")), FRAGMENT),  # driven by it, what grew?
    (mcq(prompt=f"فاز {BLANK} بالانتخابات في {BLANK}."), NOT_A_QUESTION),        # two blanks
    (typed("cloze", "فاز عصفورة بالانتخابات؟"), NOT_A_QUESTION),                 # a cloze needs its blank
    (typed("wh", "من فاز بالانتخابات في «هندوراس؟"), UNBALANCED),
    (typed("wh", "من فاز (بالانتخابات؟"), UNBALANCED),
    (typed("wh", "من فاز ]بالانتخابات[؟"), UNBALANCED),
    (typed("wh", "من هنأ عصفورة؟", answer="نصري عصفورة", accepted=("عصفورة",)), LEAK),  # alias leaks
    (typed("wh", "من هنأ بالعصفورة؟", answer="نصري عصفورة", accepted=("عصفورة",)), LEAK),
    (Question(key="k", kind="numeric", fact_type="number", prompt="كم عمره وهو 67 عاما؟", answer="67"), LEAK),
    (Question(key="k", kind="numeric", fact_type="number", prompt="كم عمره؟", answer="سبعون"), ONE_ANSWER),
    (typed("cloze", f"و{BLANK} فاز بالانتخابات."), DANGLING),
    (typed("cloze", f"و {BLANK} فاز بالانتخابات."), DANGLING),
    (typed("cloze", f"وأعلن المجلس فوز {BLANK}.", answer="عصفورة"), DANGLING),
    (typed("cloze", f"ثم أعلن المجلس فوز {BLANK}.", answer="عصفورة"), DANGLING),
    (typed("cloze", f"وقد أعلن المجلس فوز {BLANK}.", answer="عصفورة"), DANGLING),
    (typed("cloze", f"التي بلغت {BLANK} في دورة 2025.", answer="عصفورة"), DANGLING),  # cut from its noun
    (typed("wh", 'من قال إن "الحملة ستبدأ في مارس؟'), UNBALANCED),  # a quotation left open
    (mcq(prompt=f"ذلك بأغلبية 32 نائباً، مقابل اعتراض {BLANK} نواب.", answer="5", choices=("5", "7", "9", "11")),
     FRAGMENT),  # what was passed went with the clause before
    (replace(mcq(prompt=f"تجاوزت نسبة الإشغال {BLANK} خلال شهري يوليو.", answer="91%",
                 choices=("91%", "81%", "86%", "96%")),
             source=Source("تجاوزت نسبة الإشغال 91% خلال شهري يوليو وأغسطس.", 20, 23)),
     FRAGMENT),  # two months, one named
    (mcq(prompt=f"بسبب انخفاض سعر النفط إلى 68.4 دولار، مقابل {BLANK} دولار.", answer="77.9",
         choices=("77.9", "72.5", "81.3", "85.6")), FRAGMENT),
    (mcq(prompt=f"أضاف: «هدفنا بلوغ {BLANK} يورو».", answer="5 مليارات",
         choices=("5 مليارات", "3 مليارات", "7 مليارات", "9 مليارات")), FRAGMENT),  # who said it?
    (mcq(prompt=f"بعد أن استقبلت نحو 5.6 مليون زائر، مقابل {BLANK} زائر.", answer="4.8 مليون",
         choices=("4.8 مليون", "3.9 مليون", "4.2 مليون", "5.1 مليون")), FRAGMENT),
    (typed("cloze", f"سكاناً في حي الربوة اشتكوا من التحويلات المرورية التي تجاوزت {BLANK} أشهر.", answer="أربعة"),
     FRAGMENT),  # the accusative of «إن سكاناً ...»: what opened it went before
    (typed("cloze", f"زورقين تابعين لقطاع خليج عدن تعقبا القارب لنحو {BLANK} ساعات قبل اعتراضه.", answer="خمس"),
     FRAGMENT),  # «أن زورقين تابعين ...»
    (mcq(prompt=f"المهنيين يحذرون من ضعف معدل إنفاق السائح الذي لا يتجاوز {BLANK} ديناراً.", answer="740",
         choices=("740", "640", "540", "340")), FRAGMENT),  # «أن المهنيين ...»
    (mcq(prompt=f"يشغّل الصيد التقليدي وحده قرابة {BLANK} شخص، معظمهم.", answer="60 ألف",
         choices=("60 ألف", "70 ألف", "50 ألف", "80 ألف")), FRAGMENT),  # most of them what?
    (Question(key="k", kind="true_false", fact_type="number", prompt="هل العبارة الآتية صحيحة بحسب المقال: "
              "تقريراً أممياً صدر عام 2020 أشار إلى أن المشروع لم يحقق سوى 4% من أهدافه؟", answer=TRUE_LABEL,
              choices=(TRUE_LABEL, FALSE_LABEL)), FRAGMENT),
    (Question(key="k", kind="true_false", fact_type="number", prompt="هل العبارة الآتية صحيحة بحسب المقال: "
              "وأضاف أن الحملة ستبدأ في مارس؟", answer=TRUE_LABEL, choices=(TRUE_LABEL, FALSE_LABEL)), FRAGMENT),
    (mcq(prompt=f'"هذه الأرقام ستنعكس مباشرة على الصيف المقبل"، مؤكداً أن الوزارة ستردم _____ بئرا.',
         answer="120", choices=("120", "90", "150", "180")), FRAGMENT),  # whose words?
    (Question(key="k", kind="true_false", fact_type="person", prompt="هل العبارة الآتية صحيحة بحسب المقال: "
              "بحسب مديرة دائرة المياه في البلدية، ربى النابلسي؟", answer=TRUE_LABEL,
              choices=(TRUE_LABEL, FALSE_LABEL)), FRAGMENT),  # who says it, and nothing said
    (Question(key="k", kind="true_false", fact_type="percentage", prompt="هل العبارة الآتية صحيحة بحسب المقال: "
              "التي سجلت وحدها نحو 28 في المائة من إجمالي الإصابات؟", answer=TRUE_LABEL,
              choices=(TRUE_LABEL, FALSE_LABEL)), FRAGMENT),  # a relative clause whose noun went before
    (mcq(prompt="كم هدفاً سجل لاعبوه؟", answer="48", choices=("48", "40", "52", "56")), FRAGMENT),  # whose?
    (Question(key="k", kind="statement", fact_type="number", prompt="أيّ العبارات الآتية صحيحة بحسب المقال؟",
              answer="يمتد الطريق على نحو 1500 كيلومتر",
              choices=("يمتد الطريق على نحو 1500 كيلومتر", "تضم المرحلة الأولى خمسة أرصفة بطول إجمالي",
                       "بلغت الكلفة 3 مليارات دولار", "وصلت السفينة الأولى في مايو")), FRAGMENT),  # stops short
    (mcq(prompt=f"متطوعيه وزعوا خلال اليوم الأول أكثر من {BLANK} سلة غذائية.", answer="3 آلاف",
         choices=("3 آلاف", "5 آلاف", "6 آلاف", "7 آلاف")), FRAGMENT),  # whose volunteers?
    (mcq(prompt=f"أضافت: «صُنّع نحو 65 بالمئة من مكونات القمر محلياً، مقارنة بنحو {BLANK} في مشاريع سابقة».",
         answer="40%", choices=("40%", "30%", "35%", "52%")), FRAGMENT),  # who added it?
    (Question(key="k", kind="true_false", fact_type="place", prompt="هل فاز؟", answer="نعم",
              choices=(TRUE_LABEL, FALSE_LABEL)), ONE_ANSWER),
    (Question(key="k", kind="matching", fact_type="person", prompt="ما صفة كل شخص؟", answer="",
              pairs=(("ترامب", "الرئيس"),), choices=("الرئيس",)), ONE_ANSWER),
    (Question(key="k", kind="ordering", fact_type="date", prompt="ما الترتيب؟", answer="",
              items=("أ", "ب"), choices=("ب", "أ")), ONE_ANSWER),
])
def test_each_check_catches_its_failure(question: Question, reason: str) -> None:
    assert reason in check(question)


@pytest.mark.parametrize(("word", "conj"), [
    ("وأكد", "و"), ("والولايات", "و"), ("وفي", "و"), ("وقد", "و"), ("فقد", "ف"), ("فالحكومة", "ف"),
    ("وزير", ""), ("واشنطن", ""), ("وُلد", ""), ("ولي", ""), ("وكالة", ""), ("ودّعت", ""), ("فاز", ""),
    ("فنزويلا", ""), ("والي", ""), ("وزّعت", ""), ("وزعت", ""), ("وضم", "و"), ("وأدت", "و"), ("ونص", "و"), ("وادي", ""),
    ("وفّرت", ""), ("وفرض", "و"), ("وحددت", "و"), ("وحدة", ""), ("وحدات", ""), ("ولوّح", "و"), ("وثقت", ""), ("وثّق", ""), ("وظل", "و"),
    ("ورشات", ""), ("ورشة", ""), ("ورشحت", "و"), ("وسعى", "و"), ("وسعت", ""),
])
def test_glued_conjunctions_are_told_from_root_letters(word: str, conj: str) -> None:
    assert glued_conjunction(word) == conj


def test_a_stem_opening_on_its_speaker_or_on_a_whole_clause_is_no_fragment() -> None:
    assert check(mcq(prompt=f"قال الوزير إن الحملة تستهدف {BLANK} طفل.", answer="215 ألف",
                     choices=("215 ألف", "180 ألف", "250 ألف", "300 ألف"))) == []
    assert check(mcq(prompt=f"بعد ثلاثة أيام من البحث، انتشلت الفرق {BLANK} جثث.", answer="سبع",
                     choices=("سبع", "خمس", "تسع", "ثلاث"))) == []
    assert check(mcq(prompt=f"«الصحة»: وزعت الوزارة {BLANK} جرعة من اللقاح.", answer="4.6 ملايين",
                     choices=("4.6 ملايين", "3.9 ملايين", "5.2 ملايين", "6.1 ملايين"))) == []  # a body in quotes
    assert check(Question(key="k", kind="true_false", fact_type="percentage", answer=TRUE_LABEL,
                          prompt="هل العبارة الآتية صحيحة بحسب المقال: بحسب البلدية، انخفضت نسبة الفاقد المائي "
                                 "إلى 24 في المائة؟", choices=(TRUE_LABEL, FALSE_LABEL))) == []


def test_a_cloze_opening_with_a_root_waw_is_not_dangling() -> None:
    assert check(typed("cloze", f"وُلد القصيبي في {BLANK}.", answer="الأحساء")) == []
    assert check(typed("cloze", f"وزير الخارجية زار {BLANK}.", answer="الأحساء")) == []
