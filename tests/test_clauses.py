"""Clauses of a sentence and the stretch a question stands on: split_clauses, stem_span, tidy, the «أما ...
فقد» cuts, the cuts after a number or a fact, blanks glued to a proclitic and verbs by their shape."""

from __future__ import annotations

import pytest

from questions.clauses import (
    MAX_RAW_WORDS,
    fronted_cuts,
    glue_blank,
    split_clauses,
    stem_span,
    tidy,
    verb_shaped,
)
from questions.realize import words_of
from questions.stemcuts import cut_after, cut_naming_tail, cut_number_tail


def _clauses(sentence: str) -> list[tuple[str, str]]:
    return [(c.role, sentence[c.start:c.end]) for c in split_clauses(sentence)]


def _stem(sentence: str, needle: str) -> str | None:
    at = sentence.index(needle)
    span = stem_span(sentence, at, at + len(needle))
    return None if span is None else sentence[span[0]:span[1]]


# --- split_clauses ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("sentence", "clauses"), [
    ("وقع الوزيران اتفاقية التعاون في الرياض، حيث تعهد الجانبان بتعزيز التبادل التجاري.",
     [("main", "وقع الوزيران اتفاقية التعاون في الرياض"),
      ("dependent", "حيث تعهد الجانبان بتعزيز التبادل التجاري")]),
    ("أعلن الوزير خطة جديدة للنقل، مؤكدًا أن التنفيذ يبدأ العام المقبل.",
     [("main", "أعلن الوزير خطة جديدة للنقل"), ("dependent", "مؤكدًا أن التنفيذ يبدأ العام المقبل")]),
    ("قال الوزير إن الحكومة ستبني مدارس جديدة، وأضاف أن العمل سيبدأ في مارس.",
     [("main", "قال الوزير إن الحكومة ستبني مدارس جديدة"), ("dependent", "وأضاف أن العمل سيبدأ في مارس")]),
    ("أعلن الوزير خطة للنقل ثم زار المحطة الجديدة في جدة.",
     [("main", "أعلن الوزير خطة للنقل"), ("dependent", "ثم زار المحطة الجديدة في جدة")]),
    ("ارتفع عدد السياح إلى مليون زائر، فيما تراجعت الإيرادات بنسبة 5%.",
     [("main", "ارتفع عدد السياح إلى مليون زائر"), ("contrast", "فيما تراجعت الإيرادات بنسبة 5%")]),
    ("فاز الهلال على النصر بثلاثة أهداف حسبما أفادت وكالة رويترز.",
     [("main", "فاز الهلال على النصر بثلاثة أهداف"), ("attribution", "حسبما أفادت وكالة رويترز")]),
    ("وفي التفاصيل، هنأ الرئيس الفريق الفائز بالبطولة القارية.",
     [("adjunct", "وفي التفاصيل"), ("main", "هنأ الرئيس الفريق الفائز بالبطولة القارية")]),
    ("وبهذه التعيينات، يرتفع عدد الولايات إلى 14 ولاية.",  # a phrase tying it to the sentence before
     [("adjunct", "وبهذه التعيينات"), ("main", "يرتفع عدد الولايات إلى 14 ولاية")]),
    ("في عام 2025، افتتح الوزير المستشفى الجديد في المدينة.",
     [("adjunct", "في عام 2025"), ("main", "افتتح الوزير المستشفى الجديد في المدينة")]),
    # a second «أن» of the same saying stands on its own subject
    ("وأوضحت أن المشروع يخدم 6500 أسرة، وأن عدد أيام وصول المياه ارتفع إلى أربعة أيام.",
     [("main", "وأوضحت أن المشروع يخدم 6500 أسرة"), ("contrast", "وأن عدد أيام وصول المياه ارتفع إلى أربعة أيام")]),
])
def test_a_sentence_splits_into_clauses_with_their_roles(sentence: str, clauses: list[tuple[str, str]]) -> None:
    assert _clauses(sentence) == clauses


@pytest.mark.parametrize("sentence", [
    "قال الوزير «إن الحكومة، كما وعدت، ستخفض الضرائب» في مؤتمر صحفي.",  # commas inside quotes
    "قال محمد علي، زعيم الحزب القومي، إن الانتخابات ستجري في موعدها.",  # an apposition between commas
    "زار الرئيس القاهرة والتقى نظيره المصري في قصر الاتحادية.",  # «و» + verb without a comma
    "أكد الوزير (وهو يفتتح المعرض، حيث حضر الآلاف) أهمية القطاع.",  # openers inside brackets
])
def test_commas_and_openers_inside_quotes_brackets_or_appositions_are_no_boundary(sentence: str) -> None:
    assert [role for role, _ in _clauses(sentence)] == ["main"]


def test_a_clause_body_starts_after_its_opener() -> None:
    sentence = "ارتفع عدد السياح إلى مليون زائر، فيما تراجعت الإيرادات بنسبة 5%."
    contrast = split_clauses(sentence)[1]
    assert sentence[contrast.body:contrast.end] == "تراجعت الإيرادات بنسبة 5%"
    main = split_clauses(sentence)[0]
    assert main.body == main.start == 0


# --- stem_span -------------------------------------------------------------------------------------

@pytest.mark.parametrize(("sentence", "needle", "stem"), [
    # a fact in a dependent clause keeps the clause it leans on
    ("وقع الوزيران اتفاقية التعاون في الرياض، حيث تعهد الجانبان بتعزيز التبادل التجاري.", "التبادل",
     "وقع الوزيران اتفاقية التعاون في الرياض، حيث تعهد الجانبان بتعزيز التبادل التجاري"),
    # a fact in the main clause does without the clauses after it
    ("وقع الوزيران اتفاقية التعاون في الرياض، حيث تعهد الجانبان بتعزيز التبادل التجاري.", "الرياض",
     "وقع الوزيران اتفاقية التعاون في الرياض"),
    # a trailing attribution is cut
    ("فاز الهلال على النصر بثلاثة أهداف حسبما أفادت وكالة رويترز.", "النصر",
     "فاز الهلال على النصر بثلاثة أهداف"),
    # a leading discourse phrase is dropped
    ("وفي التفاصيل، هنأ الرئيس الفريق الفائز بالبطولة القارية.", "الرئيس",
     "هنأ الرئيس الفريق الفائز بالبطولة القارية"),
    # a fact inside the leading phrase keeps the clause that phrase frames
    ("في عام 2025، افتتح الوزير المستشفى الجديد في المدينة.", "2025",
     "في عام 2025، افتتح الوزير المستشفى الجديد في المدينة"),
    # a contrast clause stands alone, without its opener
    ("ارتفع عدد السياح إلى مليون زائر، فيما تراجعت إيرادات الفنادق بنسبة 5% هذا العام.", "5%",
     "تراجعت إيرادات الفنادق بنسبة 5% هذا العام"),
    # ... as does one opened by «إذ», which says what the clause before it announced
    ("حقق فريق بحثي في الجامعة رقماً قياسياً عالمياً جديداً في كفاءة تحويل الطاقة الشمسية إلى كهرباء بواسطة "
     "الخلايا الترادفية المصنوعة من البيروفسكايت والسيليكون، إذ بلغت كفاءة الخلية 35.2 بالمئة في الاختبار.", "35.2",
     "بلغت كفاءة الخلية 35.2 بالمئة في الاختبار"),
    # a leading conjunction and «قد» are dropped
    ("وقد أعلن الاتحاد فوز الفريق بالكأس للمرة الثالثة.", "الاتحاد",
     "أعلن الاتحاد فوز الفريق بالكأس للمرة الثالثة"),
    # a leading connective phrase is dropped
    ("غير أن الهلال عاد إلى الصدارة بفوزه على الشباب.", "الشباب", "الهلال عاد إلى الصدارة بفوزه على الشباب"),
    ("فيما أفادت وزارة الصحة بأن أقسام الطوارئ استقبلت 39 حالة.", "39",
     "أفادت وزارة الصحة بأن أقسام الطوارئ استقبلت 39 حالة"),
    ("يذكر أن الهلال فاز بالبطولة عام 2019 على ملعبه.", "2019", "الهلال فاز بالبطولة عام 2019 على ملعبه"),
    # ... but only the whole phrase: «يذكر الوزير أن» is the clause itself
    ("يذكر الوزير أن الهلال فاز بالبطولة عام 2019 على ملعبه.", "2019",
     "يذكر الوزير أن الهلال فاز بالبطولة عام 2019 على ملعبه"),
    # a subjectless reporting frame goes, «إلى أن» too
    ("ولفت إلى أن الحملة ستنفذ عبر 320 مركزا صحيا ثابتا في المحافظات.", "320",
     "الحملة ستنفذ عبر 320 مركزا صحيا ثابتا في المحافظات"),
    ("وأشار إلى أنه سيزور 320 مركزا صحيا ثابتا في المحافظات.", "320",
     "أشار إلى أنه سيزور 320 مركزا صحيا ثابتا في المحافظات"),
    # «أنه» standing for no one goes with the frame
    ("وأضاف أن الوزارة ستعطي الأولوية لمياه الشرب، موضحا أنه جرى الاتفاق على حصر الخطة الزراعية بنحو مليون دونم.",
     "مليون دونم", "جرى الاتفاق على حصر الخطة الزراعية بنحو مليون دونم"),
    # a clause of manner framing what was said with its own subject stands alone
    ("وأوضح الوزير أن الإنتاج بلغ مستويات مستقرة منذ أغسطس، مشيرا إلى أن احتياطيات الحقل تقدر بنحو 15 تريليون قدم مكعب.",
     "15", "احتياطيات الحقل تقدر بنحو 15 تريليون قدم مكعب"),
    # ... unless a pronoun in it stands for someone of the clause before
    ("وهنأ الوزير الرئيس المنتخب بالفوز، مؤكدا أن واشنطن تسعى للعمل معه في 12 مجالا.", "12",
     "هنأ الوزير الرئيس المنتخب بالفوز، مؤكدا أن واشنطن تسعى للعمل معه في 12 مجالا"),
    # ... or what was said is quoted, and needs its speaker
    ('وقال المدير إن الشركة وزعت جرارات، مضيفاً أن الهدف "تغطية 80 في المئة من حاجات البلاد".', "80",
     'قال المدير إن الشركة وزعت جرارات، مضيفاً أن الهدف "تغطية 80 في المئة من حاجات البلاد"'),
    # «فيما يخص» names what the sentence is about; it is no contrast and keeps its «فيما»
    ("فيما يخص طلبة غزة، قال الوزير إن الوزارة تعد امتحاناً إلكترونياً لنحو 30 ألف طالب.", "30",
     "فيما يخص طلبة غزة، قال الوزير إن الوزارة تعد امتحاناً إلكترونياً لنحو 30 ألف طالب"),
    # «في حين أن» opens the contrast whole
    ("تراجعت نسبة التغطية إلى نحو 92 في المئة، في حين أن منظمة الصحة العالمية توصي بما لا يقل عن 95 في المئة.", "95",
     "منظمة الصحة العالمية توصي بما لا يقل عن 95 في المئة"),
    # a contrast clause stands alone on its own subject ...
    ("ارتفع عدد المدارس إلى 4626 مدرسة، في حين تراجع عدد التلاميذ المنقطعين إلى 786 تلميذا.", "786",
     "تراجع عدد التلاميذ المنقطعين إلى 786 تلميذا"),
    # ... but not when its verb has none: a preposition, a figure or «الباقي» right after it
    ("امتد المشروع إلى 4626 مدرسة ابتدائية، في حين سيمتد إلى 786 ثانوية إعدادية العام المقبل.", "786",
     "امتد المشروع إلى 4626 مدرسة ابتدائية، في حين سيمتد إلى 786 ثانوية إعدادية العام المقبل"),
    ("خصصت 49 في المئة لقطاع التنمية الاجتماعية، فيما ذهبت 35 في المئة إلى قطاع الشؤون الحكومية.", "35",
     "خصصت 49 في المئة لقطاع التنمية الاجتماعية، فيما ذهبت 35 في المئة إلى قطاع الشؤون الحكومية"),
    ("تمثل ميزانية التسيير 60 في المئة من النفقات، فيما خُصص الباقي لمشاريع الاستثمار بقيمة 7 مليارات.", "7",
     "تمثل ميزانية التسيير 60 في المئة من النفقات، فيما خُصص الباقي لمشاريع الاستثمار بقيمة 7 مليارات"),
    ("تراجع المعدل في الوسط الحضري إلى 16.1%، في حين استقر تقريباً في الوسط القروي عند 6.4 في المئة.", "6.4",
     "تراجع المعدل في الوسط الحضري إلى 16.1%، في حين استقر تقريباً في الوسط القروي عند 6.4 في المئة"),
])
def test_the_stem_is_the_clause_that_carries_the_fact(sentence: str, needle: str, stem: str) -> None:
    assert _stem(sentence, needle) == stem


@pytest.mark.parametrize(("sentence", "needle"), [
    ("فاز الهلال على النصر بثلاثة أهداف حسبما أفادت وكالة رويترز.", "رويترز"),  # who reported, not what
    ("فاز الهلال على النصر.", "النصر"),  # fewer than five words
    ("ارتفع عدد السياح إلى مليون زائر، فيما تراجعت الإيرادات بنسبة 5%.", "5%"),  # its own clause is too short
    ("قال " + "الوزير " * MAX_RAW_WORDS + "إن العمل في جدة مستمر.", "جدة"),  # longer than MAX_RAW_WORDS
])
def test_no_stem_stands_on_an_attribution_or_a_stretch_too_short_or_too_long(sentence: str, needle: str) -> None:
    assert _stem(sentence, needle) is None


# --- tidy ------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("sentence", "keep", "tidied"), [
    ("التقى الرئيس (67 عاما) نظيره الفرنسي في باريس.", "باريس", "التقى الرئيس نظيره الفرنسي في باريس."),
    ("قال محمد علي، زعيم الحزب القومي، إن الانتخابات ستجري في موعدها.", "الانتخابات",
     "قال محمد علي إن الانتخابات ستجري في موعدها."),
    ("أعلن الوزير، في بيان له، أن المشروع سينتهي في مارس.", "مارس", "أعلن الوزير أن المشروع سينتهي في مارس."),
    ("أعلن الوزير اليوم الخميس عن خطة جديدة للنقل.", "خطة", "أعلن الوزير عن خطة جديدة للنقل."),
    ("أعلن الوزير أمس عن خطة جديدة للنقل.", "خطة", "أعلن الوزير عن خطة جديدة للنقل."),
    ("تعادل الفريق مع ضيفه أول أمس الجمعة بهدف لمثله.", "ضيفه", "تعادل الفريق مع ضيفه بهدف لمثله."),
    ("أطلقت هيئة دبي الرقمية، اليوم الثلاثاء، مساعدا حكوميا افتراضيا.", "مساعدا",
     "أطلقت هيئة دبي الرقمية مساعدا حكوميا افتراضيا."),  # the day's commas go with it
    # an aside followed by what names part of it («أبرزها», «غالبيتهم») goes only with that part
    ("درست اللجنة 68 تعديلا اقترحها النواب، قبلت منها 23 تعديلا، أبرزها تمديد فترة الإعفاء.", "68",
     "درست اللجنة 68 تعديلا اقترحها النواب"),
    ("يشكل المواطنون أقل من 5% من العاملين، البالغ عددهم نحو 1.63 مليون عامل، غالبيتهم من الوافدين.", "5%",
     "يشكل المواطنون أقل من 5% من العاملين"),
    ("صوّت مجلس النواب، في جلسته المنعقدة اليوم الثلاثاء، على قانون حق الحصول على المعلومة.", "قانون",
     "صوّت مجلس النواب، في جلسته، على قانون حق الحصول على المعلومة."),
    ("تلقّى «نصري عصفورة»، الفائز بالانتخابات، تهنئة رسمية من «الولايات المتحدة»، في إشارة إلى تعزيز العلاقات.",
     "الولايات المتحدة", "تلقّى «نصري عصفورة» تهنئة رسمية من «الولايات المتحدة»، في إشارة إلى تعزيز العلاقات."),
    ("استقبل صاحب السمو الشيخ محمد الوفد الزائر في أبوظبي.", "أبوظبي",
     "استقبل الشيخ محمد الوفد الزائر في أبوظبي."),
    ("بدأت أمانة منطقة الرياض، اليوم الثلاثاء 14 رمضان 1447هـ الموافق 3 مارس 2026م، تنفيذ حزمة تضم 38 مشروعاً.",
     "38", "بدأت أمانة منطقة الرياض تنفيذ حزمة تضم 38 مشروعاً."),  # a dated aside of today goes whole
])
def test_tidy_leaves_out_asides(sentence: str, keep: str, tidied: str) -> None:
    at = sentence.index(keep)
    assert tidy(sentence, 0, len(sentence), (at, at + len(keep))).text == tidied


@pytest.mark.parametrize(("sentence", "keep"), [
    ("حصل المرشح على (40.27%) من الأصوات في الدائرة.", "الأصوات"),  # the bracket holds what «على» needs
    ("التقى الرئيس (2024) نظيره الفرنسي في باريس.", "باريس"),  # a bracket without a letter
    ("قال محمد علي، زعيم الحزب القومي، إن الانتخابات ستجري في موعدها.", "زعيم"),  # the aside holds the fact
    ("زار الوزير جدة، وافتتح مستشفى جديدا، ثم عاد إلى الرياض.", "الرياض"),  # a clause between commas
    ("زار الوزير مدينة جدة، العاصمة الاقتصادية.", "جدة"),  # the phrase ends the sentence
    ("ذكر البيان «أن الوزير، كما قال، سيزور جدة» في الأسبوع المقبل.", "جدة"),  # commas inside quotes
    ("وبيّنت النتائج أن 11.8 بالمئة مصابون بالسكري، بينهم 3.2 بالمئة، لم يكونوا على علم بإصابتهم.", "11.8"),
    ("أنهى المنتخب البطولة في الصدارة، برصيد 34 ميدالية، منها 14 ذهبية و11 فضية.", "14"),  # what «منها» names
    ("نفذ الأشغال تحالف من شركتين، بمشاركة أكثر من 900 عامل، 80% منهم موريتانيون.", "80%"),
    ("صادقت الجمعية في جلسة علنية عقدتها مساء الثلاثاء 16 يونيو 2026 على مشروع القانون.", "مشروع"),  # a date follows
    ("وجاء الحكم إثر جلسة ماراثونية انطلقت صباح الأربعاء وامتدت أكثر من 15 ساعة.", "15"),  # all the verb has
    ("أسفرت انتخابات مجلس إدارة الجمعية، التي جرت أمس السبت، عن فوز خمسة مرشحين.", "خمسة"),
    ("ويفتح المعرض أبوابه يوميا من العاشرة صباحا حتى العاشرة مساء لاستقبال 600 ألف زائر.", "600"),  # the hour's «مساء»
    ("وزُرعت 12 ألف شتلة في اليوم الأول.", "12 ألف"),  # a day the article describes, though it ends the sentence
    ("أسدل الستار سهرة أمس السبت على فعاليات المهرجان.", "المهرجان"),  # «سهرة» cannot stand alone
    ("وارتفع سهم الشركة في ختام تداولات أمس بنسبة 1.8%.", "1.8%"),  # «تداولات» cannot either
    ("بلغت الإيرادات 134.2 تريليون دينار، ليصل العجز إلى 64.4 تريليون دينار، أي ما يعادل 49 مليار دولار.",
     "134.2"),  # «، ليصل ...،» is a clause of result, not an aside
])
def test_tidy_keeps_what_is_no_aside(sentence: str, keep: str) -> None:
    at = sentence.index(keep)
    assert tidy(sentence, 0, len(sentence), (at, at + len(keep))).text == sentence


def test_an_honorific_right_before_the_fact_goes_but_the_fact_stays() -> None:
    sentence = "استقبل سمو الشيخ محمد الوفد الزائر في أبوظبي."
    at = sentence.index("الشيخ محمد")
    assert tidy(sentence, 0, len(sentence), (at, at + 10)).text == "استقبل الشيخ محمد الوفد الزائر في أبوظبي."


def test_tidy_leaves_out_the_extra_spans_it_is_given_but_never_the_kept_one() -> None:
    sentence = "افتتح الوزير المصنع الجديد يوم 24 ديسمبر في مدينة جدة."
    date = (sentence.index("يوم"), sentence.index("ديسمبر") + len("ديسمبر"))
    city = (sentence.index("جدة"), sentence.index("جدة") + 3)
    assert tidy(sentence, 0, len(sentence), city, [date]).text == "افتتح الوزير المصنع الجديد في مدينة جدة."
    assert tidy(sentence, 0, len(sentence), date, [date]).text == sentence


def test_tidied_offsets_map_back_to_the_sentence() -> None:
    sentence = "التقى الرئيس (67 عاما) نظيره الفرنسي في باريس."
    at = sentence.index("باريس")
    td = tidy(sentence, 0, len(sentence), (at, at + 5))
    assert td.text[td.to_tidied(at):td.to_tidied(at + 5)] == "باريس"
    assert [sentence[a:b] for a, b in td.pieces] == ["التقى الرئيس", "نظيره الفرنسي في باريس."]
    assert td.at == (0, len("التقى الرئيس "))
    with pytest.raises(ValueError):
        td.to_tidied(sentence.index("67"))  # inside the aside left out


# --- «أما ... فقد» ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("sentence", "cut", "reads"), [
    ("أما الهلال فقد فاز على النصر بهدفين.", ["أما", "فقد"], "الهلال فاز على النصر بهدفين."),
    ("أما الوزير فأعلن خطة جديدة للنقل.", ["أما", "ف"], "الوزير أعلن خطة جديدة للنقل."),
    ("وأما المنتخب فقد تأهل إلى النهائي.", ["وأما", "فقد"], "المنتخب تأهل إلى النهائي."),
    ("أما أسعار المواد غير الغذائية، فسجلت انخفاضا طفيفا.", ["أما", "، ف"],
     "أسعار المواد غير الغذائية سجلت انخفاضا طفيفا."),  # the comma goes with the «ف»
    ("أما إيرادات الغاز فاستقرت عند 492 مليون ريال.", ["أما", "ف"], "إيرادات الغاز استقرت عند 492 مليون ريال."),
    ("أما الدوائر الـ31 المتبقية فتتجه إلى جولة إعادة.", ["أما", "ف"], "الدوائر الـ31 المتبقية تتجه إلى جولة إعادة."),
])
def test_a_fronted_topic_reads_without_its_particles(sentence: str, cut: list[str], reads: str) -> None:
    cuts = fronted_cuts(sentence, 0, len(sentence))
    assert [sentence[a:b] for a, b in cuts] == cut
    assert tidy(sentence, 0, len(sentence), (0, 0), cuts).text == reads


@pytest.mark.parametrize("sentence", [
    "فاز الهلال على النصر فقد كان الأفضل.",  # no «أما»
    "أما الطقس فسيكون معتدلا غدا.",  # «ف» before no past verb
])
def test_no_fronted_cut_without_the_full_shape(sentence: str) -> None:
    assert fronted_cuts(sentence, 0, len(sentence)) == []


# --- cuts after the fact ---------------------------------------------------------------------------

def test_a_tail_restating_the_figures_is_cut() -> None:
    text = "تصدر الهلال الدوري برصيد _____ نقطة، بفارق نقطتين عن النصر برصيد 21 نقطة"
    assert cut_number_tail(text, text.index("_")) == "تصدر الهلال الدوري برصيد _____ نقطة"


@pytest.mark.parametrize("text", [
    "تصدر الهلال الدوري برصيد _____ نقطة، بفارق نقطتين عن النصر",  # no figure after the comma
    "تصدر الهلال الدوري برصيد _____ نقطة، وقال المدرب إن الفريق سيواصل 3 مباريات",  # not a restating opener
    "بلغ _____ نقطة، بفارق 3 نقاط",  # the cut would leave too few words
    "بلغ عدد زوار المعرض _____ شخص «أي بزيادة، بفارق 1,200 زائر»",  # the comma sits inside quotes
])
def test_a_tail_is_kept_unless_it_restates_figures_and_enough_words_stay(text: str) -> None:
    assert cut_number_tail(text, text.index("_")) == text


@pytest.mark.parametrize(("text", "cut"), [
    ("تتوزع الأفلام المشاركة على _____ مسابقات رسمية، هي مسابقة الأفلام الروائية الطويلة.",
     "تتوزع الأفلام المشاركة على _____ مسابقات رسمية."),  # the first item alone of the three
    ("بلغ التضخم _____، وهي أعلى نسبة منذ 2010.", "بلغ التضخم _____."),
    ("بلغ التضخم _____ في مارس، بحسب الجهاز.", "بلغ التضخم _____ في مارس، بحسب الجهاز."),  # no naming
])
def test_what_names_the_counted_items_is_cut(text: str, cut: str) -> None:
    assert cut_naming_tail(text, text.index("_") + 5) == cut


def test_cut_after_drops_what_follows_the_first_comma_after_the_fact() -> None:
    text = "افتتح الوزير _____ الجديد في المدينة، مع سقف من 40 رخصة"
    assert cut_after(text, text.index("_")) == "افتتح الوزير _____ الجديد في المدينة"
    # what was said is whole before the comma: its verb came after «إن»
    text = "قالت الوزارة إن الخطة تستهدف رفع الصادرات إلى _____ دينار سنويا، مع التركيز على الصناعات الغذائية"
    assert cut_after(text, text.index("_")) == "قالت الوزارة إن الخطة تستهدف رفع الصادرات إلى _____ دينار سنويا"


@pytest.mark.parametrize(("text", "after"), [
    ("افتتح _____ الجديد، مع سقف من 40 رخصة", 7),  # too few words would stay
    ("بلغت الصادرات 1,200 مليون دينار وسجلت _____ ارتفاعا كبيرا هذا العام", 5),  # «1,200» is no comma
    ("قال الوزير «إن الحكومة، كما وعدت، ستخفض» الضرائب", 5),  # commas inside quotes
    ("افتتح الوزير المستشفى، وزار _____ الجديد في المدينة", 25),  # the comma stands before the fact
    # After «أن» and an aside, what follows the comma is what is said of the campaign.
    ("أوضح البيان أن حملة التطعيم، التي انطلقت بدعم من _____ والتحالف العالمي، ستستمر عشرة أيام", 49),
])
def test_cut_after_keeps_the_text_otherwise(text: str, after: int) -> None:
    assert cut_after(text, after) == text


# --- blanks and verbs ------------------------------------------------------------------------------

@pytest.mark.parametrize(("sentence", "part", "stem"), [
    ("منح الوزير جائزة للفائز الأول", "لفائز", "منح الوزير جائزة لـ_____ الأول"),  # the span after «ل»
    ("بلغ العدد بين 1,200 و1,500 زائر", "1,500", "بلغ العدد بين 1,200 و _____ زائر"),
    ("زار الوزير جدة أمس", "جدة", "زار الوزير _____ أمس"),
])
def test_a_blank_glued_to_a_proclitic_keeps_a_tatweel_but_a_conjunction_stands_apart(
        sentence: str, part: str, stem: str) -> None:
    at = sentence.index(part)
    assert glue_blank(sentence, 0, len(sentence), at, at + len(part), "_____") == stem


def test_glue_blank_returns_only_the_stretch_asked_for() -> None:
    sentence = "زار الوزير جدة أمس"
    at = sentence.index("جدة")
    assert glue_blank(sentence, 4, len(sentence), at, at + 3, "_____") == "الوزير _____ أمس"


@pytest.mark.parametrize(("word", "verb"), [
    ("أظهرت", True), ("أعلن", True), ("وأعلن", True), ("قال", True),
    ("الوزير", False), ("في", False), ("من", False), ("«أعلن", False), ("2025", False), ("استقبلتا", False),
])
def test_a_past_verb_is_known_by_its_shape(word: str, verb: bool) -> None:
    assert verb_shaped(words_of(word)[0]) is verb


def test_a_leading_conjunction_is_dropped_before_zaar_and_faaz() -> None:
    assert _stem("وزار الوزير مدينة جدة لتفقد المشاريع الجديدة.", "جدة") == "زار الوزير مدينة جدة لتفقد المشاريع الجديدة"
    assert _stem("وفاز الهلال على النصر في ملعب الملك فهد.", "النصر") == "فاز الهلال على النصر في ملعب الملك فهد"


def test_faqad_is_the_verb_lost_before_a_noun_and_particles_before_a_verb() -> None:
    assert _stem("فقد المشروع منذ انطلاقه أكثر من 30 من عناصره.", "30") == \
        "فقد المشروع منذ انطلاقه أكثر من 30 من عناصره"
    assert _stem("فقد أعلنت الوزارة تخصيص 40 مليون دينار للمشروع.", "40") == \
        "أعلنت الوزارة تخصيص 40 مليون دينار للمشروع"
    assert _stem("وأحدث قطاع الخدمات 118 ألف منصب، في حين فقد قطاع الفلاحة 37 ألف منصب.", "37") == \
        "فقد قطاع الفلاحة 37 ألف منصب"


def test_a_root_waw_is_kept() -> None:
    assert _stem("وظفت الشركة ألفي عامل في المصنع الجديد.", "المصنع") == "وظفت الشركة ألفي عامل في المصنع الجديد"


def test_one_comma_stays_where_an_aside_between_two_went() -> None:
    s = "أعلن الجهاز المركزي للتعبئة العامة والإحصاء، الخميس، تراجع التضخم إلى 10.6% في يونيو."
    at, day = s.index("10.6"), s.index("الخميس")
    td = tidy(s, 0, len(s) - 1, (at, at + 5), [(day, day + len("الخميس"))])
    assert td.text == "أعلن الجهاز المركزي للتعبئة العامة والإحصاء، تراجع التضخم إلى 10.6% في يونيو"
    assert td.text[td.to_tidied(at):td.to_tidied(at + 5)] == "10.6%"


def test_a_figure_set_against_another_stands_on_the_clause_before() -> None:
    s = "يُذكر أنّ نسبة التزوّد بالماء في الوسط الريفي تبلغ حاليا 91.6 بالمائة، مقابل معدّل وطني يناهز 94 بالمائة."
    assert _stem(s, "94 بالمائة") == s[s.index("نسبة"):].rstrip(".")  # «يُذكر أنّ» is no part of it


def test_an_opening_kama_is_also_and_lets_a_long_stem_be_cut() -> None:
    from questions.completeness import says_something

    text = ("كما وقّع الجانبان بروتوكول الصيد، الذي يمنح 500 رخصة لزوارق الصيد التقليدي، مع سقف للمصطادات قدره "
            "50 ألف طن")
    head = cut_after(text, text.index("500") + 3)
    assert head == "كما وقّع الجانبان بروتوكول الصيد، الذي يمنح 500 رخصة لزوارق الصيد التقليدي"
    assert says_something(head)


def test_a_leading_demonstrative_goes_with_its_noun() -> None:
    s = "وبهذا القرار يرتفع إجمالي التخفيضات منذ مطلع العام إلى 300 نقطة أساس."
    assert _stem(s, "300 نقطة") == s[s.index("يرتفع"):].rstrip(".")


@pytest.mark.parametrize(("sentence", "tidied"), [
    ("واتفق الجانبان كذلك على تشغيل رحلات جوية مباشرة في أكتوبر 2026.",
     "واتفق الجانبان على تشغيل رحلات جوية مباشرة في أكتوبر 2026."),
    ("وعُقدت الدورة الخامسة في العاصمة الكورية أيضًا في سبتمبر 2023.",
     "وعُقدت الدورة الخامسة في العاصمة الكورية في سبتمبر 2023."),
    ("وكذلك وقع الجانبان اتفاقية للتعاون في عام 2023.", "وكذلك وقع الجانبان اتفاقية للتعاون في عام 2023."),
    # a day the sentence describes stays; the news's own today goes
    ("وأعلنت الوزارة في اليوم نفسه إلغاء 12 عملية جراحية عام 2026.",
     "وأعلنت الوزارة في اليوم نفسه إلغاء 12 عملية جراحية عام 2026."),
    ("وضمنت الخطة انتظام اليوم الدراسي في 59 مدرسة عام 2026.", "وضمنت الخطة انتظام اليوم الدراسي في 59 مدرسة عام 2026."),
    ("وأعلنت الوزارة اليوم الأحد إلغاء 12 عملية جراحية عام 2026.", "وأعلنت الوزارة إلغاء 12 عملية جراحية عام 2026."),
    # a verb leaning on the day goes with it
    ("وأوضح المجلس في بيان صدر اليوم أن حصة القطاع بلغت 34 في المائة عام 2025.",
     "وأوضح المجلس في بيان أن حصة القطاع بلغت 34 في المائة عام 2025."),
])
def test_words_pointing_away_from_the_stem_go(sentence: str, tidied: str) -> None:
    at = sentence.index("20")
    assert tidy(sentence, 0, len(sentence), (at, at + 4)).text == tidied


def test_what_follows_an_aside_is_the_verb_s_object_not_a_second_aside() -> None:
    sentence = "أعلنت الوزارة، الاثنين 20 أبريل، نتائج امتحانات الشهادة الثانوية، بنسبة نجاح بلغت 71.3 بالمئة."
    at = sentence.index("71.3")
    assert tidy(sentence, 0, len(sentence), (at, at + 4)).text == \
        "أعلنت الوزارة نتائج امتحانات الشهادة الثانوية، بنسبة نجاح بلغت 71.3 بالمئة."
    # ... and so is what follows an adjunct opening on a preposition, kept for the verb in it
    sentence = "أقر المجلس، في جلسة عقدها الثلاثاء، مشروع القانون المعدل لقانون السير، بموافقة 78 نائباً."
    at = sentence.index("78")
    assert "مشروع القانون المعدل لقانون السير" in tidy(sentence, 0, len(sentence), (at, at + 2)).text



def test_a_phrase_set_off_by_commas_opening_on_a_present_verb_is_a_clause_not_an_aside() -> None:
    sentence = "وحسب معطيات الوزارة، تشارك في الحملة 3200 مؤسسة صحية، إلى جانب 78 وحدة طبية متنقلة ستجوب القرى."
    at = sentence.index("78")
    assert "تشارك في الحملة 3200 مؤسسة صحية" in tidy(sentence, 0, len(sentence), (at, at + 2)).text


def test_a_plural_participle_after_a_comma_opens_a_clause_of_manner() -> None:
    sentence = "ولا يتجاوز عدد الأسرّة في المؤسسات المصنفة نحو 300 ألف سرير، داعين إلى تسريع إنجاز المشاريع الفندقية."
    assert _stem(sentence, "300") == "لا يتجاوز عدد الأسرّة في المؤسسات المصنفة نحو 300 ألف سرير"
