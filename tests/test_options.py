"""Wrong options: how a number is blanked and written (number_view), spaced values, numbers, dates and
names of the same class, never shown in the stem and never also right."""

from __future__ import annotations

import math
import random
import re

import pytest

from handmade import context, fact, visit
from questions import pools
from questions.context import Context, Entity
from questions.model import Fact
from questions.options import (
    NumberView,
    bound_before,
    date_options,
    feminine,
    name_options,
    number_options,
    number_view,
    period_cap,
    period_step,
    range_ends,
    place_kind,
    shows_in,
    spaced_numbers,
)

# --- number_view -----------------------------------------------------------------------------------

_VIEWS = [
    # sentence, surface, type, value -> blanked text, answer, value, decimals, unit kept
    ("وظفت الشركة 2.400 عون في المصنع.", "2.400 عون", "number", 2400, "2.400", "2.400", 2400.0, 0, True),
    ("بلغت قيمة الصفقة 1,200 دينار فقط.", "1,200 دينار", "number", 1200, "1,200", "1,200", 1200.0, 0, True),
    ("بلغت الصادرات 36.5 مليار دولار العام الماضي.", "36.5 مليار دولار", "number", 36.5e9, "36.5 مليار",
     "36.5 مليار", 36.5, 1, True),
    ("بلغت الخسائر 1.5 مليون.", "1.5 مليون", "number", 1.5e6, "1.5 مليون", "1.5 مليون", 1.5, 1, False),
    ("بلغ إجمالي النفقات 174.6 تريليون دينار.", "174.6 تريليون دينار", "number", 174.6e12, "174.6 تريليون",
     "174.6 تريليون", 174.6, 1, True),
    ("قدرت الوزارة الإنفاق بنحو 2.8 ملياري دولار.", "2.8 ملياري دولار", "number", 2.8e9, "2.8 ملياري",
     "2.8 ملياري", 2.8, 1, True),
    ("سجل الفريق هدفين في الشوط الأول.", "هدفين", "number", 2, "هدفين", "هدفين", 2.0, 0, False),
    ("وقع البلدان تسع اتفاقيات في مجالات مختلفة.", "تسع اتفاقيات", "number", 9, "تسع", "تسع", 9.0, 0, True),
    ("ارتفعت البطالة إلى 12.5% في الربع الأول.", "12.5%", "percentage", 12.5, "12.5%", "12.5%", 12.5, 1, False),
    ("ارتفع التضخم إلى ١٢٫٥٪ في مارس.", "١٢٫٥٪", "percentage", 12.5, "١٢٫٥٪", "١٢٫٥٪", 12.5, 1, False),
    ("بلغ عدد الطلاب ١٢٠٠ طالب هذا العام.", "١٢٠٠ طالب", "number", 1200, "١٢٠٠", "١٢٠٠", 1200.0, 0, True),
    ("شارك 67 لاعبا في البطولة.", "67 لاعبا", "number", 67, "67", "67", 67.0, 0, True),
    ("سجل اللاعب في الدقيقة 67 من المباراة.", "الدقيقة 67", "number", 67, "67", "67", 67.0, 0, True),
]


@pytest.mark.parametrize(("sentence", "surface", "typ", "value", "blank", "answer", "shown", "decimals", "kept"),
                         _VIEWS)
def test_a_number_is_blanked_and_answered_as_the_article_writes_it(
        sentence: str, surface: str, typ: str, value: float, blank: str, answer: str, shown: float,
        decimals: int, kept: bool) -> None:
    view = number_view(fact(sentence, surface, typ, value))
    assert view is not None
    assert sentence[view.blank_start:view.blank_end] == blank
    assert (view.answer, view.value, view.decimals, view.unit_kept) == (answer, shown, decimals, kept)


def test_the_view_records_how_the_article_writes_the_number() -> None:
    thousands = number_view(fact("وظفت الشركة 2.400 عون.", "2.400 عون", "number", 2400))
    scaled = number_view(fact("بلغت الصادرات 36.5 مليار دولار.", "36.5 مليار دولار", "number", 36.5e9))
    spelled = number_view(fact("سجل الفريق هدفين.", "هدفين", "number", 2))
    indic = number_view(fact("ارتفع التضخم إلى ١٢٫٥٪.", "١٢٫٥٪", "percentage", 12.5))
    assert thousands is not None and thousands.thousands == "." and not thousands.spelled
    assert scaled is not None and scaled.scale == "مليار"
    assert spelled is not None and spelled.spelled
    assert indic is not None and indic.arabic and indic.percent


@pytest.mark.parametrize(("sentence", "surface", "typ", "value"), [
    ("فاز الفريق للمرة الثالثة بالكأس.", "للمرة الثالثة", "number", 3),  # an ordinal
    ("حضر الثلاثة الاجتماع.", "الثلاثة", "number", 3),  # definite: not a count
    ("استمرت الأزمة خمسة أشهر ونصف.", "خمسة أشهر ونصف", "number", 5.5),  # the noun sits inside the number
    ("بلغ عدد السكان 1 مليون و428 ألفا.", "1 مليون و428 ألفا", "number", 1428000),  # written in two parts
    ("سجل الفريق 0 أهداف.", "0 أهداف", "number", 0),
    ("بلغ الرصيد 12 نقطة.", "12 نقطة", "number", "12"),  # not a number value
    ("بلغ الرصيد 12 نقطة.", "12 نقطة", "number", True),
])
def test_no_view_for_what_is_no_count_to_ask_for(sentence: str, surface: str, typ: str, value: object) -> None:
    assert number_view(fact(sentence, surface, typ, value)) is None


@pytest.mark.parametrize(("view", "value", "shown"), [
    (NumberView(0, 5, "1,200", 1200.0, 0, False, False, True, thousands=","), 1300, "1,300"),
    (NumberView(0, 5, "2.400", 2400.0, 0, False, False, True, thousands="."), 2700, "2.700"),
    (NumberView(0, 5, "١٬٢٠٠", 1200.0, 0, False, True, True, thousands="٬"), 1300, "١٬٣٠٠"),
    (NumberView(0, 5, "36.5 مليار", 36.5, 1, False, False, True, scale="مليار"), 40.0, "40.0 مليار"),
    (NumberView(0, 5, "12.5%", 12.5, 1, True, False, False), 13.5, "13.5%"),
    (NumberView(0, 5, "١٢٫٥٪", 12.5, 1, True, True, False), 13.5, "١٣٫٥٪"),
    (NumberView(0, 5, "40%", 40.0, 0, True, False, False), 45, "45%"),
])
def test_a_view_renders_other_values_the_way_it_writes_its_own(view: NumberView, value: float, shown: str) -> None:
    assert view.render(value) == shown


@pytest.mark.parametrize(("view", "tolerance"), [
    (NumberView(0, 5, "12.5%", 12.5, 1, True, False, False), 0.05),
    (NumberView(0, 5, "40.27%", 40.27, 2, True, False, False), 0.005),
    (NumberView(0, 5, "67", 67.0, 0, False, False, True), 0.0),  # small whole numbers are exact
    (NumberView(0, 5, "20000", 20000.0, 0, False, False, False), 100.0),  # half a percent from 10,000
    (NumberView(0, 5, "36.5 مليار", 36.5, 1, False, False, True, scale="مليار"), 5e7),
    (NumberView(0, 5, "45 ألف", 45.0, 0, False, False, True, scale="ألف"), 225.0),
])
def test_tolerance_follows_the_written_precision_and_the_scale(view: NumberView, tolerance: float) -> None:
    assert view.tolerance == pytest.approx(tolerance)


# --- spaced numbers --------------------------------------------------------------------------------

def test_spaced_numbers_move_in_round_steps_of_about_a_tenth_nearest_first() -> None:
    assert spaced_numbers(3600, decimals=0, percent=False) == [4100, 3100, 4600, 2600, 5100, 2100, 5600, 6100, 1600,
                                                                1100]
    assert spaced_numbers(67, decimals=0, percent=False)[:4] == [77, 57, 87, 47]


@pytest.mark.parametrize(("year", "near"), [(2024, [2025, 2023, 2026, 2022]), (1448, [1449, 1447, 1450, 1446])])
def test_a_number_that_reads_as_a_year_moves_by_years(year: int, near: list[int]) -> None:
    assert spaced_numbers(year, decimals=0, percent=False)[:4] == near
    assert spaced_numbers(year - 1000, decimals=0, percent=False)[:2] != [year - 999, year - 1001]


def test_spaced_numbers_keep_the_roundness_and_decimals_of_the_value() -> None:
    assert all(v % 1000 == 0 for v in spaced_numbers(45000, decimals=0, percent=False))
    assert all(round(v * 100) % 100 == 27 for v in spaced_numbers(40.27, decimals=2, percent=True))
    assert spaced_numbers(12.5, decimals=1, percent=True)[:2] == [13.5, 11.5]


@pytest.mark.parametrize(("unit", "v", "step"), [
    ("ساعة", 48, 24), ("ساعة", 24, 12), ("ساعات", 58, 1), ("يوما", 90, 30), ("يوم", 14, 7), ("أشهر", 6, 3),
    ("شهرا", 5, 1), ("متفرج", 48, 1), (None, 48, 1),
])
def test_a_span_of_time_moves_by_whole_days_weeks_or_months(unit: str | None, v: int, step: int) -> None:
    assert period_step(unit, v) == step


def test_spaced_spans_of_time_are_whole_steps_of_their_period() -> None:
    assert spaced_numbers(48, decimals=0, percent=False, year_like=False, period=24)[:3] == [72, 24, 96]


def test_spaced_percentages_stay_below_a_hundred_and_values_stay_positive() -> None:
    # a share near the whole moves within the room left below 100: «69.7%» beside «99.7%» is ruled out
    assert spaced_numbers(95, decimals=0, percent=True)[:4] == [97, 93, 99, 91]
    assert spaced_numbers(98.5, decimals=1, percent=True) == [96.5, 94.5, 92.5, 90.5, 88.5]
    assert spaced_numbers(99.7, decimals=1, percent=True) == [98.7, 97.7, 96.7, 95.7, 94.7]
    assert spaced_numbers(3, decimals=0, percent=False) == [4, 2, 5, 1, 6, 7, 8]
    assert spaced_numbers(120, decimals=0, percent=False)[:2] == [130, 110]  # not a percentage: no ceiling


# --- number options --------------------------------------------------------------------------------

PLAYERS = "شارك 40 لاعبا في البطولة الأولى.\nوشارك 45 لاعبا في البطولة الثانية.\nوقطع الفريق 44 كيلومترا.\n"


def _players() -> tuple[Context, list[Fact]]:
    facts = [fact(PLAYERS, "40 لاعبا", "number", 40, unit="لاعب"),
             fact(PLAYERS, "45 لاعبا", "number", 45, unit="لاعب"),
             fact(PLAYERS, "44 كيلومترا", "number", 44, unit="كيلومتر")]
    return context(PLAYERS, facts), facts


@pytest.mark.parametrize("seed", range(4))
def test_another_value_of_the_article_in_the_same_unit_comes_first(seed: int) -> None:
    ctx, facts = _players()
    view = number_view(facts[0])
    assert view is not None
    options = number_options(ctx, facts[0], view, "كم لاعبا شارك في البطولة الأولى؟", random.Random(seed))
    assert options[0] == "45" and len(options) == 3
    assert "44" not in options and "40" not in options  # another unit; the answer


def test_number_options_leave_out_values_the_stem_shows() -> None:
    ctx, facts = _players()
    view = number_view(facts[0])
    assert view is not None
    stem = "شارك _____ لاعبا في البطولة الأولى بعد أن كانوا 45 و50 و30 و60 لاعبا."
    options = number_options(ctx, facts[0], view, stem, random.Random(0))
    assert options and not {"45", "50", "30", "60"} & set(options)


@pytest.mark.parametrize("seed", range(6))
def test_options_held_to_one_side_of_a_figure_stay_close_to_the_answer(seed: int) -> None:
    text = "بلغت نسبة النجاح 81.6% مقارنة بـ78.3% في العام الماضي."
    f = fact(text, "78.3%", "percentage", 78.3)
    view = number_view(f)
    assert view is not None
    stem = "بلغت نسبة النجاح 81.6% مقارنة بـ_____ في العام الماضي."
    options = number_options(context(text, [f]), f, view, stem, random.Random(seed))
    assert len(options) == 3
    assert all(abs(float(o.rstrip("%")) - 78.3) < 30 for o in options)  # never «38.3%» or «48.3%»


def test_options_keep_the_counted_noun_agreeing() -> None:
    text = "استمر المعسكر 7 أيام في المدينة."
    f = fact(text, "7 أيام", "number", 7, unit="يوم")
    view = number_view(f)
    assert view is not None
    for seed in range(6):
        options = number_options(context(text, [f]), f, view, "استمر المعسكر _____ أيام.", random.Random(seed))
        assert len(options) == 3 and all(3 <= int(o) <= 10 for o in options)  # «أيام» takes three to ten


def test_a_number_written_in_words_gets_no_options_in_digits() -> None:
    text = "سجل الفريق هدفين في الشوط الأول."
    f = fact(text, "هدفين", "number", 2, unit="هدف")
    view = number_view(f)
    assert view is not None and number_options(context(text, [f]), f, view, "x", random.Random(0)) == []


# --- dates -----------------------------------------------------------------------------------------

@pytest.mark.parametrize(("surface", "value", "kind", "shape"), [
    ("12 مارس 2024", "2024-03-12", "day", r"\d{1,2} (مارس|فبراير|أبريل|مايو) 2024"),
    ("عام 2019", "2019", "year", r"عام 20\d\d"),
    ("مارس 2024", "2024-03", "month", r"[^\d ]+ 2024"),
])
def test_wrong_dates_are_near_and_written_like_the_right_one(surface: str, value: str, kind: str, shape: str) -> None:
    f = Fact("date", surface, value, 0, len(surface), 0, kind=kind)
    for seed in range(3):
        options = date_options(f, "متى حدث ذلك؟", random.Random(seed))
        assert len(options) == 3 and surface not in options
        assert all(re.fullmatch(shape, o) for o in options), options


def test_no_wrong_date_is_one_the_stem_shows() -> None:
    f = Fact("date", "12 مارس 2024", "2024-03-12", 0, 12, 0, kind="day")
    stem = "بعد 5 مارس 2024 و15 مارس 2024، وقبل 9 مارس 2024 أو 19 مارس 2024، متى وقع ذلك؟"
    for seed in range(4):
        options = date_options(f, stem, random.Random(seed))
        assert len(options) == 3
        assert not {"5 مارس 2024", "9 مارس 2024", "15 مارس 2024", "19 مارس 2024"} & set(options)


# --- names -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("seed", range(3))
def test_a_city_gets_cities_from_the_article_first(seed: int) -> None:
    ctx = visit()
    options = name_options(ctx, ctx.entities["place:alex"], "إلى أي مدينة توجه ماكرون؟", random.Random(seed))
    assert len(options) == 3 and "الإسكندرية" not in options
    assert "القاهرة" in options  # the article's other city
    assert place_kind(ctx.entities["place:cairo"]) == place_kind(ctx.entities["place:alex"]) == "city"


def test_a_name_the_stem_shows_is_never_an_option() -> None:
    ctx = visit()
    stem = "متى استقبل السيسي ماكرون في القاهرة قبل أن يتوجه إلى _____؟"
    for seed in range(4):
        options = name_options(ctx, ctx.entities["place:alex"], stem, random.Random(seed))
        assert len(options) == 3 and "القاهرة" not in options


def test_a_name_the_article_ties_to_the_same_event_is_never_an_option() -> None:
    ctx = visit()
    stem = "من استقبل الرئيس الفرنسي في القاهرة؟"
    for seed in range(4):
        options = name_options(ctx, ctx.entities["person:sisi"], stem, random.Random(seed))
        assert "إيمانويل ماكرون" not in options  # he was there too: he might be right as well
        assert "عبد الفتاح السيسي" not in options


def test_a_person_of_another_class_is_no_option() -> None:
    ctx = visit()
    for seed in range(4):
        options = name_options(ctx, ctx.entities["person:shoukry"], "من قال إن الزيارة تاريخية؟", random.Random(seed))
        assert not {"عبد الفتاح السيسي", "إيمانويل ماكرون"} & set(options)  # presidents, not ministers


WOMAN = ("افتتحت وزيرة الصحة المغربية نبيلة الرميلي مستشفى جديدا في الدار البيضاء.\n"
         "وحضر الافتتاح وزير الداخلية المغربي عبد الوافي لفتيت ووزيرة التضامن عواطف حيار.\n")


def _woman_context() -> Context:
    return context(WOMAN, [
        fact(WOMAN, "نبيلة الرميلي", "person", role="وزيرة الصحة المغربية", entity="person:r"),
        fact(WOMAN, "الدار البيضاء", "place", kind="city", entity="place:casa"),
        fact(WOMAN, "عبد الوافي لفتيت", "person", role="وزير الداخلية المغربي", entity="person:l"),
        fact(WOMAN, "عواطف حيار", "person", role="وزيرة التضامن", entity="person:h"),
    ])


def test_a_woman_gets_women_as_options() -> None:
    options = name_options(_woman_context(), _woman_context().entities["person:r"], "من افتتح المستشفى؟",
                           random.Random(0))
    assert options == ["عواطف حيار"]


def test_wrong_names_of_people_come_from_the_article_only() -> None:
    # Three ministers short of a full set of options: no minister from elsewhere fills in, since a
    # reader would rule out another country's minister without reading.
    ctx = _woman_context()
    named = {e.name for e in ctx.by_first}
    for seed in range(6):
        for who in ("person:r", "person:l", "person:h"):
            options = name_options(ctx, ctx.entities[who], "من افتتح المستشفى؟", random.Random(seed))
            assert set(options) <= named, options


@pytest.mark.parametrize(("name", "role", "title", "woman"), [
    ("فاطمة الزهراء", None, None, True),  # a woman's first name
    ("هالة السعيد", None, None, True),
    ("سامية حسن", "وزيرة الصحة", None, True),  # a feminine role
    ("رامي حسن", None, "الرئيسة", True),  # a feminine title
    ("محمد علي", None, None, False),
    ("سامح شكري", "وزير الخارجية", None, False),
])
def test_feminine_reads_the_role_title_or_first_name(name: str, role: str | None, title: str | None,
                                                      woman: bool) -> None:
    assert feminine(Entity("p", "person", name, role=role, title=title)) is woman


@pytest.mark.parametrize(("needle", "hay", "shown"), [
    ("الاتحاد الوطني", "وقع والاتحاد الوطني على الاتفاق", True),
    ("مصر", "زار الوزير بمصر معرضا", True),
    ("القاهرة", "في القاهره اليوم", True),
    ("الاتحاد", "في قصر الاتحادية", False),  # a word inside another word
    ("الاتحاد الوطني", "الاتحاد الأوروبي الوطني", False),  # not side by side
    ("", "أي نص", False),
])
def test_shows_in_matches_whole_words_whatever_their_proclitics(needle: str, hay: str, shown: bool) -> None:
    assert shows_in(needle, hay) is shown


def test_shows_in_sees_a_name_opening_on_a_proclitic_letter_after_wa() -> None:
    assert shows_in("فرنسا", "بين مصر وفرنسا")
    assert shows_in("باريس", "زار لندن وباريس")
    assert shows_in("9 مارس 2024", "بين 5 و9 مارس 2024")


def test_a_number_written_in_two_parts_gets_no_view() -> None:
    t = "بلغ عدد السكان مليوناً و428 ألفاً في المدينة."
    assert number_view(fact(t, "مليوناً و428 ألفاً", "number", 1428000)) is None


def test_a_decimal_comma_stays_in_the_options() -> None:
    t = "يرتقب أن يصل معدل النمو إلى 4,6 في المائة هذه السنة."
    view = number_view(fact(t, "4,6 في المائة", "percentage", 4.6))
    assert view is not None and view.answer == "4,6%" and view.render(3.8) == "3,8%"
    t = "بلغ العجز 1,200 دينار."
    view = number_view(fact(t, "1,200 دينار", "number", 1200))
    assert view is not None and view.render(1300) == "1,300"  # three digits after the comma: thousands


def test_the_head_of_a_body_is_no_head_of_state() -> None:
    from questions.pools import role_class

    assert role_class("رئيس السلطة الوطنية المستقلة للانتخابات") == "official"
    assert [role_class(r) for r in ("الرئيس الأمريكي", "رئيس الجمهورية", "رئيس دولة الإمارات")] == \
        ["head_of_state"] * 3


def test_a_count_near_a_years_value_moves_like_a_count() -> None:
    assert spaced_numbers(1320, decimals=0, percent=False)[:2] == [1330, 1310]  # «1320» alone reads as a year
    assert spaced_numbers(1320, decimals=0, percent=False, year_like=False)[:2] == [1520, 1120]  # «١٬٣٢٠ هكتاراً»


def test_figure_options_fall_on_both_sides_of_the_answer_and_vary_with_the_seed() -> None:
    t = "تنفذ الحملة بتكلفة تبلغ 120 مليون جنيه."
    f = fact(t, "120 مليون جنيه", "number", 120e6, unit="جنيه")
    ctx = context(t + "\n", [f])
    view = number_view(f)
    assert view is not None and view.answer == "120 مليون"
    sets = set()
    for seed in range(8):
        options = number_options(ctx, f, view, "تنفذ الحملة بتكلفة تبلغ _____ جنيه.", random.Random(seed))
        values = [float(o.split()[0]) for o in options]
        assert len(options) == 3 and min(values) < 120 < max(values)  # the answer is never the extreme
        sets.add(frozenset(options))
    assert len(sets) > 1  # «new wrong options» has others to offer


def test_a_person_described_right_before_the_blank_gets_no_options() -> None:
    ctx = _woman_context()
    stem = "وقالت وزيرة الصحة المغربية _____ إن المستشفى جاهز."
    assert name_options(ctx, ctx.entities["person:r"], stem, random.Random(0)) == []
    assert name_options(ctx, ctx.entities["person:r"], "من افتتح المستشفى؟", random.Random(0)) == ["عواطف حيار"]


@pytest.mark.parametrize("seed", range(5))
def test_no_option_contradicts_a_figure_the_stem_sets_beside_the_answer(seed: int) -> None:
    text = "ارتفع معدل التضخم إلى 12.6% خلال فبراير، مقابل 11.8% في يناير.\n"
    facts = [fact(text, "12.6%", "percentage", 12.6), fact(text, "11.8%", "percentage", 11.8)]
    ctx = context(text, facts)
    view = number_view(facts[1])
    assert view is not None
    stem = "ارتفع معدل التضخم إلى 12.6% خلال فبراير، مقابل _____."
    options = number_options(ctx, facts[1], view, stem, random.Random(seed))
    assert len(options) == 3
    assert all(float(o.rstrip("%")) < 12.6 for o in options)  # a rise to 12.6% came from below it
    assert any(float(o.rstrip("%")) > 11.8 for o in options)  # and the answer is not the option nearest it


def test_a_body_of_unknown_kind_stands_only_beside_bodies_named_alike() -> None:
    text = ("وأجرى الدراسة مركز الخليج لأبحاث الطاقة بالتعاون مع مركز الدوحة للدراسات ومركز عمان للبحوث، "
            "ونشرتها مجلة الطاقة المتجددة، وموّلتها شركة النور للكهرباء.\n")
    names = ["مركز الخليج لأبحاث الطاقة", "مركز الدوحة للدراسات", "مركز عمان للبحوث", "مجلة الطاقة المتجددة",
             "شركة النور للكهرباء"]
    facts = sorted((fact(text, n, "organization", entity=f"organization:{i}") for i, n in enumerate(names)),
                   key=lambda f: f.start)
    ctx = context(text, facts)
    for seed in range(4):
        options = name_options(ctx, ctx.entities["organization:0"], "أجرى الدراسة _____.", random.Random(seed))
        assert sorted(options) == ["مركز الدوحة للدراسات", "مركز عمان للبحوث"]  # no journal, no company


@pytest.mark.parametrize("seed", range(4))
def test_options_group_digits_as_the_article_does_and_stay_below_the_next_scale_word(seed: int) -> None:
    text = "وتسلم المستفيدون 8600 وحدة سكنية، بكلفة 990 مليون دينار.\n"
    units = fact(text, "8600 وحدة", "number", 8600, unit="وحدة")
    cost = fact(text, "990 مليون دينار", "number", 990e6, unit="دينار")
    ctx = context(text, [units, cost])
    for f in (units, cost):
        view = number_view(f)
        assert view is not None
        options = number_options(ctx, f, view, "x", random.Random(seed))
        assert len(options) == 3 and not any("," in o for o in options)  # «11,600» beside «8600» stands out
    view = number_view(cost)
    assert view is not None and all(float(o.split()[0]) < 1000 for o in number_options(ctx, cost, view, "x", random.Random(seed)))


@pytest.mark.parametrize("seed", range(5))
def test_no_option_holds_more_units_than_its_period(seed: int) -> None:
    text = "ويضمن الجدول وصول المياه إلى كل منطقة 6 أيام في الأسبوع على الأقل.\n"
    f = fact(text, "6 أيام", "number", 6, unit="يوم")
    view = number_view(f)
    assert view is not None
    options = number_options(context(text, [f]), f, view, "وصول المياه إلى كل منطقة _____ أيام في الأسبوع.",
                             random.Random(seed))
    assert len(options) == 3 and all(int(o) <= 7 for o in options)  # «8 أيام في الأسبوع» is no week
    assert period_cap("_____ ساعة في اليوم") == 24 and period_cap("_____ دولار") == math.inf


def _options_of(text: str, surface: str, value: float, stem: str, seed: int, typ: str = "number") -> list[str]:
    """The wrong options for the number (or percentage) ``surface`` of ``text`` asked with ``stem``."""
    f = fact(text, surface, typ, value)
    view = number_view(f)
    assert view is not None
    return number_options(context(text, [f]), f, view, stem, random.Random(seed))


@pytest.mark.parametrize("stem", ["وتستمر الحملة حتى _____ منه.", "وتستمر الحملة حتى _____ مارس."])
@pytest.mark.parametrize("seed", range(4))
def test_a_day_of_the_month_gets_days_of_a_month(stem: str, seed: int) -> None:
    options = _options_of("تنطلق الحملة في الأول من مارس وتستمر حتى 30 منه.\n", "30", 30, stem, seed)
    assert len(options) == 3 and all(int(o) <= 31 for o in options)  # «32 مارس» is no day


@pytest.mark.parametrize("seed", range(4))
def test_a_school_average_stays_within_a_hundred(seed: int) -> None:
    options = _options_of("وحلت الطالبة لين العمري في المرتبة الأولى بمعدل 99.9 على مستوى المملكة.\n", "99.9", 99.9,
                          "حلت الطالبة في المرتبة الأولى بمعدل _____ على مستوى المملكة.", seed)
    assert len(options) == 3 and all(float(o) <= 100 for o in options)  # not «109.9»


@pytest.mark.parametrize("seed", range(4))
def test_an_average_out_of_twenty_stays_within_twenty(seed: int) -> None:
    text = "وحصلت التلميذة آية بوزيدي على أعلى معدل على المستوى الوطني بـ19.52 في شعبة العلوم التجريبية.\n"
    options = _options_of(text, "19.52", 19.52,
                          "حصلت التلميذة آية بوزيدي على أعلى معدل على المستوى الوطني بـ_____ في شعبة العلوم.", seed)
    assert len(options) == 3 and all(float(o) <= 20 for o in options)  # not «24.52»


@pytest.mark.parametrize("seed", range(4))
def test_no_whole_figure_is_written_with_a_decimal_beside_a_scale_word(seed: int) -> None:
    options = _options_of("وينال البطل 3 ملايين درهم، فيما ينال الوصيف 2.5 مليون درهم.\n", "2.5 مليون", 2.5e6,
                          "ينال الوصيف _____ درهم.", seed)
    assert len(options) == 3 and not any(o.split()[0].endswith(".0") for o in options)  # not «3.0 مليون»


@pytest.mark.parametrize("seed", range(4))
def test_a_rise_offers_nothing_below_where_it_rose_from_even_read_as_a_year(seed: int) -> None:
    text = "وارتفع عدد أحكام الإدانة من 1870 حكما عام 2024 إلى 2340 حكما عام 2025.\n"
    ctx = context(text, [fact(text, "1870", "date", "1870"), fact(text, "2340 حكما", "number", 2340, unit="حكم")])
    f = ctx.facts[1]
    view = number_view(f)
    assert view is not None
    stem = "ارتفع عدد أحكام الإدانة من 1870 حكما عام 2024 إلى _____ حكما عام 2025."
    options = number_options(ctx, f, view, stem, random.Random(seed))
    assert len(options) == 3 and all(float(o) > 1870 for o in options)  # not «1840»


@pytest.mark.parametrize(("text", "surface", "value", "stem", "above"), [
    ("والهيدروكربونات تشكل أكثر من 80% من قيمة الصادرات.\n", "80%", 80.0,
     "الهيدروكربونات تشكل أكثر من _____ من قيمة الصادرات.", True),  # «أكثر من 70%» would be true too
    ("وتراجعت حصة الطلب الأوروبي إلى أقل من 12% من الصادرات.\n", "12%", 12.0,
     "تراجعت حصة الطلب الأوروبي إلى أقل من _____ من الصادرات.", False),
    ("وسيحتفظ الطلبة بتعريفة لن تتجاوز 150 درهماً للاشتراك الشهري.\n", "150 درهماً", 150.0,
     "سيحتفظ الطلبة بتعريفة لن تتجاوز _____ درهماً للاشتراك الشهري.", False),
])
@pytest.mark.parametrize("seed", range(3))
def test_a_bound_gets_wrong_options_only_on_its_false_side(text: str, surface: str, value: float, stem: str,
                                                          above: bool, seed: int) -> None:
    typ = "percentage" if surface.endswith("%") else "number"
    ctx = context(text, [fact(text, surface, typ, value, unit=None if typ == "percentage" else "درهم")])
    view = number_view(ctx.facts[0])
    assert view is not None
    options = [float(o.rstrip("%").split()[0]) for o in number_options(ctx, ctx.facts[0], view, stem, random.Random(seed))]
    assert len(options) == 3 and all((o > value) if above else (o < value) for o in options)


@pytest.mark.parametrize("seed", range(4))
def test_a_vote_stays_within_the_members_present(seed: int) -> None:
    text = "ووافق المجلس على المشروع بأغلبية 128 صوتا من أصل 131 عضوا حضروا الجلسة.\n"
    ctx = context(text, [fact(text, "128 صوتا", "number", 128, unit="صوت"),
                         fact(text, "131 عضوا", "number", 131, unit="عضو")])
    view = number_view(ctx.facts[0])
    assert view is not None
    stem = "وافق المجلس على المشروع بأغلبية _____ صوتا من أصل 131 عضوا حضروا الجلسة."
    options = number_options(ctx, ctx.facts[0], view, stem, random.Random(seed))
    assert options and all(float(o) <= 131 for o in options)  # not «132 صوتا»


@pytest.mark.parametrize("seed", range(4))
def test_a_shares_wrong_options_stay_short_of_the_whole(seed: int) -> None:
    options = _options_of("ولا تزال الرواتب والدعوم تستحوذ على قرابة 79% من إجمالي المصروفات.\n", "79%", 79.0,
                          "لا تزال الرواتب والدعوم تستحوذ على قرابة _____ من إجمالي المصروفات.", seed, "percentage")
    assert len(options) == 3 and all(float(o.rstrip("%")) < 91 for o in options)  # not «99%»
    small = _options_of("وانخفضت أسعار مجموعة الطعام 2.1% على أساس شهري.\n", "2.1%", 2.1,
                        "انخفضت أسعار مجموعة الطعام _____ على أساس شهري.", seed, "percentage")
    assert len(small) == 3 and all(float(o.rstrip("%")) < 5 for o in small)  # not «27.1%» half-way to the cap


@pytest.mark.parametrize("seed", range(4))
def test_no_figure_below_one_of_its_scale_word(seed: int) -> None:
    options = _options_of("وتراجعت حيازات الأجانب من أذون الخزانة بنحو 1.3 مليار دولار.\n", "1.3 مليار", 1.3e9,
                          "تراجعت حيازات الأجانب من أذون الخزانة بنحو _____ دولار.", seed)
    assert len(options) == 3 and all(float(o.split()[0]) >= 1 for o in options)  # «900 مليون», not «0.9 مليار»


@pytest.mark.parametrize(("text", "surface", "value", "stem", "lo", "hi"), [
    # «ألفاً» is counted by 11 to 99: not «310 ألفاً» nor «400 ألفاً»
    ("سجل المعرض 412 ألف زائر، مقابل نحو 360 ألفاً في الدورة السابقة.\n", "360 ألفاً", 360000,
     "مقابل نحو _____ في الدورة السابقة.", 11, 99),
    # «تريليونات» is counted by 3 to 10: not «2 تريليونات»
    ("وتستهدف الخطة رفع الناتج المحلي إلى 3 تريليونات درهم بحلول 2031.\n", "3 تريليونات", 3e12,
     "إلى _____ درهم بحلول 2031.", 3, 10),
])
@pytest.mark.parametrize("seed", range(4))
def test_a_scale_word_keeps_the_counts_it_agrees_with(text: str, surface: str, value: float, stem: str, lo: int,
                                                      hi: int, seed: int) -> None:
    options = _options_of(text, surface, value, stem, seed)
    assert len(options) == 3 and all(lo <= int(o.split()[0]) % 100 <= hi for o in options)


@pytest.mark.parametrize("seed", range(4))
def test_a_date_still_to_come_gets_dates_still_to_come(seed: int) -> None:
    text = "ومن المقرر أن تبدأ المصفاة التشغيل التجاري في عام 2027 بطاقة كاملة.\n"
    f = fact(text, "عام 2027", "date", "2027")
    options = date_options(f, "x", random.Random(seed), published="2026-06-18")
    assert len(options) == 3 and all(int(o.split()[-1]) >= 2027 for o in options)  # not «عام 2025»
    past = date_options(f, "x", random.Random(seed))
    assert len(past) == 3


@pytest.mark.parametrize("seed", range(8))
def test_the_wrong_values_do_not_all_end_alike_where_the_answer_does_not(seed: int) -> None:
    options = _options_of("وارتفعت النفقات المتعلقة بالسفر بنسبة 6,2% لتصل إلى 7,9 مليارات درهم.\n", "6,2%", 6.2,
                          "ارتفعت النفقات بنسبة _____.", seed, "percentage")
    endings = {o.rstrip("%")[-1] for o in options}
    assert len(options) == 3 and (len(endings) > 1 or endings == {"2"})  # «5,7 / 6,7 / 7,7» beside «6,2»


def test_a_number_written_in_two_parts_around_its_scale_word_gets_no_blank() -> None:
    text = "وارتفعت المبيعات إلى 27 ألفاً و500 نسخة هذا العام."
    assert number_view(fact(text, "27 ألفاً و500 نسخة", "number", 27500, unit="نسخة")) is None


@pytest.mark.parametrize("seed", range(4))
def test_a_bare_figure_is_bounded_by_the_counted_one_it_shares_a_noun_with(seed: int) -> None:
    text = "إذ تراجعت الكثافة فيهما من 72 إلى 59 تلميذًا في الفصل.\n"
    facts = [fact(text, "72", "number", 72), fact(text, "59 تلميذًا", "number", 59, unit="تلميذ")]
    view = number_view(facts[0])
    assert view is not None
    options = number_options(context(text, facts), facts[0], view, "تراجعت الكثافة من _____ إلى 59 تلميذًا.",
                             random.Random(seed))
    assert len(options) == 3 and all(int(o) > 59 for o in options)  # «52» would not be a fall to 59


def test_a_figure_sharing_the_scale_word_of_the_next_one_is_asked_as_written() -> None:
    text = "بما يرفع الطاقة الإنتاجية من 77 إلى 110 ملايين طن سنويا."
    view = number_view(fact(text, "77", "number", 77_000_000))
    assert view is not None and view.answer == "77"  # «من _____ إلى 110 ملايين طن», not 77000000


@pytest.mark.parametrize(("stem", "ends"), [
    ("ستجري الدورة بين _____ و21 آب المقبل.", (0.0, 21.0)),  # the start of a range is below its end
    ("تتراوح الأسعار بين 14 و_____ ديناراً.", (14.0, math.inf)),  # and its end above its start
    ("بلغت الأسعار _____ ديناراً و21 درهماً.", (0.0, math.inf)),  # no range
])
def test_a_blank_opening_or_closing_a_range_has_the_other_end_as_its_bound(stem: str, ends: tuple[float, float]) -> None:
    assert range_ends(stem) == ends


def test_no_wrong_day_falls_outside_the_range_the_blank_opens() -> None:
    text = "ستجري الدورة الاستثنائية بين 17 و21 آب المقبل."
    f = fact(text, "17", "date", "--08-17")
    for seed in range(5):
        options = date_options(f, "ستجري الدورة الاستثنائية بين _____ و21 آب المقبل.", random.Random(seed))
        assert options and all(int(o.split()[0]) < 21 for o in options)


def test_no_wrong_number_falls_outside_the_range_the_blank_opens() -> None:
    text = "تتراوح الغرامات بين 200 و500 دينار."
    ctx = context(text, [fact(text, "200", "number", 200)])
    options = number_options(ctx, ctx.facts[0], number_view(ctx.facts[0]), "تتراوح الغرامات بين _____ و500 دينار.",
                             random.Random(0))
    assert len(options) == 3 and all(0 < float(o) < 500 for o in options)


def test_a_year_over_when_the_article_was_published_gets_years_over_by_then() -> None:
    text = "وبلغ حجم التبادل التجاري 210 ملايين دولار في عام 2025."
    f = fact(text, "عام 2025", "date", "2025")
    for seed in range(5):
        options = date_options(f, "بلغ حجم التبادل التجاري 210 ملايين دولار في _____.", random.Random(seed),
                               published="2026-01-20")
        assert len(options) == 3 and all(int(o.split()[-1]) < 2026 for o in options)


def test_basis_points_move_in_quarters_of_a_point() -> None:
    text = "خفض البنك سعر الفائدة الرئيسي بمقدار 25 نقطة أساس إلى 2%."
    ctx = context(text, [fact(text, "25 نقطة", "number", 25, unit="نقطة")])
    f = ctx.facts[0]
    view = number_view(f)
    assert view is not None
    options = number_options(ctx, f, view, "خفض البنك سعر الفائدة الرئيسي بمقدار _____ نقطة أساس إلى 2%.",
                             random.Random(0))
    assert len(options) == 3 and all(int(o) % 25 == 0 for o in options)  # not «21» or «23» basis points


def test_a_target_year_gets_round_years() -> None:
    text = "والوصول إلى الحياد الصفري الكربوني بحلول عام 2050."
    f = fact(text, "عام 2050", "date", "2050")
    options = date_options(f, "والوصول إلى الحياد الصفري الكربوني بحلول _____.", random.Random(0),
                           published="2026-05-01")
    assert len(options) == 3 and all(int(o.split()[-1]) % 5 == 0 for o in options)  # not «2049» or «2052»


def test_a_target_year_in_a_statement_moves_to_round_years() -> None:
    text = "بما يدعم مستهدفات المملكة للوصول إلى الحياد الصفري بحلول عام 2060."
    f = fact(text, "عام 2060", "date", "2060")
    options = date_options(f, text, random.Random(0), published="2026-05-01")
    assert options and all(int(o.split()[-1]) % 5 == 0 for o in options)  # not «2058»


@pytest.mark.parametrize(("text", "domain"), [
    ("أطلقت وزارة الصحة حملة للتطعيم بعد ارتفاع الإصابات في المستشفيات", "health"),
    ("ضربت السيول والأمطار الغزيرة الأودية وأجلى الدفاع المدني النازحين", "weather"),
    ("تراجع الناتج وارتفع التضخم واتسع عجز الموازنة", "economy"),
    ("زار الوزير باريس", None),
    ("تفاقمت الضغوط على الموارد المائية وتراجع مخزون السدود والآبار الجوفية", "water"),
])
def test_a_story_s_field_is_told_by_its_cue_words(text: str, domain: str | None) -> None:
    assert pools.reason_domain(text) == domain


def test_every_field_has_causes_and_aims_to_offer() -> None:
    domains = pools.reason_domains()
    assert domains and all(len(pools.reasons(d, purpose=p)) >= 3 for d in domains for p in (False, True))


@pytest.mark.parametrize("seed", range(4))
def test_a_change_s_end_written_as_a_percentage_bounds_the_other_end(seed: int) -> None:
    text = "وأوضحت الوزارة أن نسبة النجاح في المدارس الرسمية ارتفعت من 76 إلى 81 في المئة هذا العام.\n"
    ctx = context(text, [fact(text, "76", "number", 76), fact(text, "81 في المئة", "percentage", 81)])
    stem = "أوضحت الوزارة أن نسبة النجاح في المدارس الرسمية ارتفعت من _____ إلى 81 في المئة هذا العام."
    f = ctx.facts[0]
    view = number_view(f)
    assert view is not None
    options = number_options(ctx, f, view, stem, random.Random(seed))
    assert len(options) == 3 and all(float(o) < 81 for o in options)  # never «86» or «106» for a rise to 81


@pytest.mark.parametrize(("unit", "shown"), [(" دنانير", " دينار"), (" ملايين دولار", " مليون دولار"),
                                             (" دينار", " دينار"), (" متر مكعب", " متر مكعب")])
def test_a_fraction_counts_its_noun_in_the_singular(unit: str, shown: str) -> None:
    from questions.options import singular_unit

    assert singular_unit(unit) == shown


@pytest.mark.parametrize("seed", range(4))
def test_a_figure_the_next_share_makes_a_share_stays_within_a_hundred(seed: int) -> None:
    text = "وبلغت نسبة النجاح في القسم العلمي 91.3 في المئة، مقارنة بـ93.8 و82.1 في المئة على التوالي في العام الماضي.\n"
    options = _options_of(text, "93.8", 93.8, "بلغت نسبة النجاح في القسم العلمي 91.3 في المئة، مقارنة بـ_____ و82.1 في "
                          "المئة على التوالي في العام الماضي.", seed)
    assert len(options) == 3 and all(float(o) <= 100 for o in options)  # not «103.8»


def test_a_persons_class_and_sex_are_read_from_what_the_article_writes_before_the_name() -> None:
    from questions.options import a_woman, name_options, person_class

    text = ("وسجل الإسباني ألبرتو مارتينيث سبعة أهداف.\n"
            "وأضاف القطري عبدالرحمن الكواري خمسة أهداف.\n"
            "وفازت اللبنانية ريتا خوري بلقب السيدات.\n"
            "في المقابل، أقر مدرب العربي، التونسي منير بن رمضان، بأن الإرهاق أثر على اللاعبين.\n")
    names = ("ألبرتو مارتينيث", "عبدالرحمن الكواري", "ريتا خوري", "منير بن رمضان")
    ctx = context(text, [fact(text, n, "person", entity=f"person:{i}") for i, n in enumerate(names)])
    people = {e.name: e for e in ctx.by_first}
    assert person_class(ctx, people["منير بن رمضان"]) == "coach"
    assert person_class(ctx, people["ألبرتو مارتينيث"]) is None
    assert a_woman(ctx, people["ريتا خوري"]) and not a_woman(ctx, people["ألبرتو مارتينيث"])
    # a scorer's wrong options are neither the coach nor the woman
    assert name_options(ctx, people["ألبرتو مارتينيث"], "من سجل سبعة أهداف؟", random.Random(0)) == ["عبدالرحمن الكواري"]


@pytest.mark.parametrize(("text", "surface", "value", "stem", "wanted"), [
    ("وتقول المنظمة إن أكثر من 50 من موظفيها ما زالوا محتجزين.\n", "50", 50.0,
     "تقول المنظمة إن أكثر من _____ من موظفيها ما زالوا محتجزين.", [60.0, 70.0, 80.0]),  # not 52, 54, 56
    ("وكان البنك قد خفض أسعار الفائدة بأكثر من 600 نقطة أساس.\n", "600", 600.0,
     "كان البنك قد خفض أسعار الفائدة بأكثر من _____ نقطة أساس.", [700.0, 800.0, 900.0]),  # never 400 below
])
@pytest.mark.parametrize("seed", range(3))
def test_options_on_one_side_of_a_bound_step_evenly_at_the_answer_s_roundness(text: str, surface: str, value: float,
                                                                            stem: str, wanted: list[float],
                                                                            seed: int) -> None:
    ctx = context(text, [fact(text, surface, "number", value)])
    view = number_view(ctx.facts[0])
    assert view is not None
    options = number_options(ctx, ctx.facts[0], view, stem, random.Random(seed))
    assert sorted(float(o) for o in options) == wanted


@pytest.mark.parametrize(("before", "bound"), [
    ("كان البنك المركزي قد خفض أسعار الفائدة بأكثر من ", "floor"),
    ("حصة الغاز في توليد الكهرباء، التي تتجاوز حالياً ", "floor"),
    ("يتجاوز عدد اشتراكات الهاتف المحمول في موريتانيا ", "floor"),  # the verb opens the clause
    ("لم يتجاوز عدد الزوار ", "ceiling"),
    ("ارتفع عدد السياح إلى ", None),
    ("من المتوقع أن تبقى درجات الحرارة العظمى فوق ", "floor"),  # «فوق 30» would be true of «فوق 50» too
    ("ارتفاع درجات الحرارة إلى ما فوق ", "floor"),
])
def test_a_bound_is_read_through_a_glued_preposition_an_adverb_or_the_clause_s_subject(before: str,
                                                                                       bound: str | None) -> None:
    assert bound_before(before) == bound


def test_a_scale_figure_with_a_thousands_comma_keeps_its_size() -> None:
    text = "وبلغت الإيرادات الجمركية نحو 1,380 مليار دينار خلال السنة المنصرمة.\n"
    ctx = context(text, [fact(text, "1,380 مليار دينار", "number", 1380e9, unit="دينار")])
    view = number_view(ctx.facts[0])
    assert view is not None and view.answer == "1380 مليار"  # not «1.380 مليار», a thousand times less
    options = number_options(ctx, ctx.facts[0], view, "بلغت الإيرادات الجمركية نحو _____ دينار.", random.Random(0))
    assert len(options) == 3 and all(float(o.split()[0]) > 100 for o in options)


def test_a_ceiling_s_options_step_at_the_figure_s_round_divisor() -> None:
    text = "ولم تتجاوز الهطولات في حوض بردى 35% من المعدل السنوي.\n"
    ctx = context(text, [fact(text, "35%", "percentage", 35.0)])
    view = number_view(ctx.facts[0])
    assert view is not None
    stem = "لم تتجاوز الهطولات في حوض بردى _____ من المعدل السنوي."
    options = number_options(ctx, ctx.facts[0], view, stem, random.Random(0))
    assert sorted(float(o.rstrip("%")) for o in options) == [20.0, 25.0, 30.0]  # not 29, 31, 33
