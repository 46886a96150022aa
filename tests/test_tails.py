"""The end of a sentence that only adds another fact is dropped from a question on an earlier one."""

from __future__ import annotations

from questions.arabic import name_units
from questions.realize import words_of
from questions.realize.words import present_verb
from questions.tails import list_tail_cut, tail_cut

LEAD = ("أعلنت وزارة الصحة المصرية يوم الاثنين 2 مارس 2026 إطلاق حملة قومية للتطعيم ضد شلل الأطفال "
        "تستهدف 14 مليون طفل في 27 محافظة.")


def span(sentence: str, text: str) -> tuple[int, int]:
    at = sentence.index(text)
    return at, at + len(text)


def head(sentence: str, cut: tuple[int, int] | None) -> str:
    assert cut is not None
    return sentence[:cut[0]].strip()


def test_a_describing_verb_opens_a_tail_holding_other_figures() -> None:
    date = span(LEAD, "2 مارس 2026")
    cut = tail_cut(LEAD, date[1], [span(LEAD, "14 مليون طفل"), span(LEAD, "27 محافظة")])
    assert head(LEAD, cut) == "أعلنت وزارة الصحة المصرية يوم الاثنين 2 مارس 2026 إطلاق حملة قومية للتطعيم ضد شلل الأطفال"


def test_a_closing_place_phrase_with_another_figure_goes() -> None:
    children = span(LEAD, "14 مليون طفل")
    cut = tail_cut(LEAD, children[1], [span(LEAD, "27 محافظة")])
    assert head(LEAD, cut).endswith("تستهدف 14 مليون طفل")


def test_a_relative_pronoun_opens_a_tail_but_a_bare_comma_does_not() -> None:
    s = "وقّعت الحكومة اتفاقية مع البنك الدولي للإنشاء والتعمير الذي قدّم قرضاً بقيمة 500 مليون دولار."
    assert head(s, tail_cut(s, span(s, "البنك الدولي")[1], [span(s, "500 مليون دولار")])) == \
        "وقّعت الحكومة اتفاقية مع البنك الدولي للإنشاء والتعمير"
    # After an aside the verb's complement follows: «بمعاقبة …» is what the court ruled.
    s = ("قضت المحكمة الاقتصادية بالقاهرة، برئاسة المستشار أحمد فتحي الجمال، بمعاقبة المتهم الأول "
         "بالسجن 10 سنوات.")
    assert tail_cut(s, span(s, "القاهرة")[1], [span(s, "10 سنوات")]) is None


def test_no_cut_where_the_rest_is_what_is_said_or_holds_the_object() -> None:
    said = "قال وزير الصحة في مؤتمر صحفي بالقاهرة إن الحملة تستمر أربعة أيام."
    assert tail_cut(said, span(said, "القاهرة")[1], [span(said, "أربعة أيام")]) is None
    met = "استقبل الرئيس المصري عبد الفتاح السيسي في القاهرة يوم 12 مارس الرئيس الفرنسي إيمانويل ماكرون."
    assert tail_cut(met, span(met, "السيسي")[1], [span(met, "القاهرة")]) is None


def test_no_cut_inside_quotes_or_leaving_too_short_a_head() -> None:
    s = "قال الوزير «نطلق حملة تستهدف 14 مليون طفل» أمس."
    assert tail_cut(s, span(s, "الوزير")[1], [span(s, "14 مليون طفل")]) is None
    short = "زار الوزير جدة تستهدف 14 مليون."
    assert tail_cut(short, span(short, "جدة")[1], [span(short, "14 مليون")]) is None


def test_present_verbs_that_describe() -> None:
    assert [present_verb(w) for w in words_of("تستهدف يبلغ تكلفة الحملة")] == [True, True, False, False]


def test_name_units_keep_compound_parts_together() -> None:
    assert name_units("خالد عبد الغفار") == ["خالد", "عبد الغفار"]
    assert name_units("عبد الله بن زايد آل نهيان") == ["عبد الله", "بن زايد", "آل نهيان"]
    assert name_units("نور الدين بن عبد الله") == ["نور الدين", "بن عبد الله"]


GOVERNORS = ("بموجب هذه الأوامر، عُيّن محمد الهادي الزواري والياً على صفاقس، وسنية بن عمر والية على القيروان، "
             "وعماد الشابي والياً على قفصة.")


def test_the_next_items_of_a_list_go_from_a_question_on_the_first() -> None:
    others = [span(GOVERNORS, t) for t in ("صفاقس", "سنية بن عمر", "القيروان", "عماد الشابي", "قفصة")]
    cut = list_tail_cut(GOVERNORS, span(GOVERNORS, "محمد الهادي الزواري")[1], others)
    assert head(GOVERNORS, cut) == "بموجب هذه الأوامر، عُيّن محمد الهادي الزواري والياً على صفاقس"


def test_a_comma_and_wa_before_no_other_fact_is_no_list() -> None:
    s = "أعلن وزير الصحة أحمد علي إطلاق الحملة، ودعا المواطنين إلى التطعيم في 27 محافظة."
    assert list_tail_cut(s, span(s, "أحمد علي")[1], [span(s, "27 محافظة")]) is None


def test_a_noun_joined_just_before_the_tail_goes_with_it() -> None:
    s = ("بُنيت تقديرات الإيرادات النفطية على سعر 65 دولارا لبرميل النفط الكويتي ومعدل إنتاج يبلغ 2.6 مليون "
         "برميل يوميا.")
    cut = tail_cut(s, span(s, "65 دولارا")[1], [span(s, "2.6 مليون برميل")])
    assert head(s, cut) == "بُنيت تقديرات الإيرادات النفطية على سعر 65 دولارا لبرميل النفط الكويتي"


def test_a_bare_phrase_the_tail_was_about_goes_with_it() -> None:
    s = ("حقق الوداد فوزا ثمينا على ضيفه نهضة بركان بهدفين مقابل هدف واحد، في المباراة التي جمعت بينهما "
         "مساء السبت برسم الجولة السابعة عشرة.")
    cut = tail_cut(s, span(s, "هدفين")[1], [span(s, "السابعة عشرة")])
    assert head(s, cut) == "حقق الوداد فوزا ثمينا على ضيفه نهضة بركان بهدفين مقابل هدف واحد"


def test_a_bare_conjunct_the_tail_gave_a_figure_goes_with_it() -> None:
    s = ("بُني القانون على سعر مرجعي لبرميل النفط قدره 60 دولارا، ونسبة نمو اقتصادي متوقعة بـ4.1 بالمائة، "
         "ومعدل تضخم في حدود 3.8 بالمائة.")
    cut = tail_cut(s, span(s, "4.1 بالمائة")[1], [span(s, "3.8 بالمائة")])
    assert head(s, cut) == "بُني القانون على سعر مرجعي لبرميل النفط قدره 60 دولارا، ونسبة نمو اقتصادي متوقعة بـ4.1 بالمائة"


def test_a_bare_relative_ma_the_tail_was_about_goes_with_it() -> None:
    s = "وأسهم القطار، الذي يضم 85 محطة، في خفض رحلات السيارات الخاصة بما يقدر بـ12% خلال العام."
    cut = tail_cut(s, span(s, "85 محطة")[1], [span(s, "12%")])
    assert cut is not None and not head(s, cut).rstrip().endswith("بما")


def test_a_bare_from_phrase_the_tail_was_about_goes_with_it() -> None:
    s = "ولا يتجاوز مخزون سد الوحدة 17 مليون متر مكعب من سعة تبلغ 110 ملايين متر مكعب."
    cut = tail_cut(s, span(s, "17 مليون")[1], [span(s, "110 ملايين")])
    assert head(s, cut) == "ولا يتجاوز مخزون سد الوحدة 17 مليون متر مكعب"  # not «... من سعة»


def test_a_measure_phrase_goes_with_the_verb_giving_its_figure() -> None:
    s = "وتضم الحدائق 8600 شجرة محلية من أنواع الغاف والسدر، إلى جانب مسارات للمشي والجري بطول إجمالي يبلغ 14.5 كيلومتر."
    cut = tail_cut(s, span(s, "8600 شجرة")[1], [span(s, "14.5 كيلومتر")])
    assert head(s, cut) == "وتضم الحدائق 8600 شجرة محلية من أنواع الغاف والسدر، إلى جانب مسارات للمشي والجري"
