"""Times a stem points back to, written out: the year of «العام نفسه», and «اليوم» before a day's name."""

from __future__ import annotations

from handmade import context, fact, index_of
from questions.completeness import leans_back
from questions.generate import generate
from questions.sametime import (drop_today, month_named_before, name_the_same_month, name_the_same_year,
                                year_named_before)

TEXT = ("أعلنت الوزارة في مارس 2025 أن الصادرات بلغت 2000 طن خلال عام 2024.\n"
        "وارتفعت الواردات في العام نفسه بنسبة 15%.\n")


def _ctx():
    return context(TEXT, [fact(TEXT, "مارس 2025", "date", "2025-03"), fact(TEXT, "2000 طن", "number", 2000),
                          fact(TEXT, "عام 2024", "date", "2024"), fact(TEXT, "15%", "percentage", 15.0)])


def test_the_year_named_before_is_the_last_one_the_article_wrote() -> None:
    ctx = _ctx()
    assert year_named_before(ctx, TEXT.index("العام نفسه")) == "2024"
    assert year_named_before(ctx, TEXT.index("مارس")) is None


def test_the_same_year_is_written_as_the_year_and_the_blank_moves_with_it() -> None:
    ctx = _ctx()
    clause = "ارتفعت الواردات في العام نفسه بنسبة 15%"
    a = clause.index("15%")
    text, a2, b2 = name_the_same_year(ctx, index_of(ctx, "15%"), clause, a, a + 3)
    assert text == "ارتفعت الواردات في عام 2024 بنسبة 15%"
    assert text[a2:b2] == "15%"


def test_the_same_year_stays_when_the_clause_names_its_year_or_the_year_is_the_answer() -> None:
    ctx = _ctx()
    clause = "بلغت الصادرات 2000 طن خلال عام 2024 وارتفعت في العام نفسه"
    assert name_the_same_year(ctx, index_of(ctx, "15%"), clause, 15, 22)[0] == clause
    text = "في 2024 بلغت الصادرات 10%.\nوارتفعت في العام ذاته الواردات.\n"
    ctx2 = context(text, [fact(text, "2024", "date", "2024")])
    clause = "وارتفعت في العام ذاته الواردات"
    assert name_the_same_year(ctx2, index_of(ctx2, "2024"), clause, 0, 7)[0] == clause


def test_today_goes_before_the_name_of_the_day_only() -> None:
    clause = "جرت الانتخابات اليوم السبت بمشاركة _____ من الناخبين"
    a = clause.index("_____")
    text, a2, b2 = drop_today(clause, a, a + 5)
    assert text == "جرت الانتخابات السبت بمشاركة _____ من الناخبين"
    assert text[a2:b2] == "_____"
    assert drop_today("في اليوم الأول بلغ _____", 19, 24)[0] == "في اليوم الأول بلغ _____"


def test_a_stem_naming_its_year_does_not_lean_back() -> None:
    assert leans_back("ارتفعت الواردات _____ في العام نفسه.")
    assert not leans_back("في مارس 2025 ارتفعت الواردات _____ في العام نفسه.")


def test_a_generated_stem_names_the_year_instead_of_the_same_year() -> None:
    text = ("الصادرات\n\nأعلنت الوزارة يوم الأحد أن الصادرات بلغت 2000 طن خلال عام 2024. "
            "وارتفعت الواردات في العام نفسه بنسبة 15%.")
    bank = generate(text, article_date="2026-04-11", title="الصادرات")
    prompts = [q.prompt for q in bank.questions] + [a.prompt for q in bank.questions for a in q.alternates]
    assert any("في عام 2024 بنسبة" in p for p in prompts)
    assert not any("العام نفسه" in p for p in prompts)


MONTH = ("ارتفع الناتج بنسبة 3.9% في الربع الثاني حتى يونيو/حزيران 2026.\n"
         "واستقر معدل التضخم عند 1.9% في الشهر ذاته.\n")


def _month_ctx():
    return context(MONTH, [fact(MONTH, "3.9%", "percentage", 3.9), fact(MONTH, "يونيو/حزيران 2026", "date", "2026-06"),
                           fact(MONTH, "1.9%", "percentage", 1.9)])


def test_the_month_named_before_keeps_its_year_and_drops_its_day() -> None:
    ctx = _month_ctx()
    assert month_named_before(ctx, MONTH.index("الشهر ذاته")) == "يونيو/حزيران 2026"
    text = "وصل الوفد في 15 مارس.\nوعقد اجتماعه في الشهر نفسه.\n"
    ctx2 = context(text, [fact(text, "15 مارس", "date", "--03-15")])
    assert month_named_before(ctx2, text.index("الشهر نفسه")) == "مارس"


def test_the_same_month_is_written_as_the_month() -> None:
    ctx = _month_ctx()
    clause = "استقر معدل التضخم عند _____ في الشهر ذاته"
    text, a, b = name_the_same_month(ctx, index_of(ctx, "1.9%"), clause, clause.index("_____"),
                                     clause.index("_____") + 5)
    assert text == "استقر معدل التضخم عند _____ في يونيو/حزيران 2026"
    assert text[a:b] == "_____"
