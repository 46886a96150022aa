"""Progress figures from the cards and the logged reviews: due counts, reviews, retention, streak, mastery,
the chart; and a class's mastery, scoped to its members and the articles of its quizzes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from conftest import sample_bank
from quiz import models
from quiz.services import classes as class_service
from quiz.services import mastery as mastery_service
from quiz.services import progress as progress_service
from quiz.services import study as study_service
from quiz.views.charts import bar_chart
from study_helpers import PLAIN, cards_by_key, review, take

pytestmark = pytest.mark.no_seed
T0 = dt.datetime(2026, 3, 2, 8, 0)


def studied(session: Session, make_user: Callable[..., models.User], make_quiz: Callable[..., models.Quiz],
            **quiz: object) -> tuple[models.User, models.Quiz]:
    student, row = make_user(), make_quiz(**quiz)
    take(session, row, student, missed=("wh1", "mcq1"), at=T0)
    study_service.feed(session, student.id, PLAIN, T0)
    return student, row


def test_due_counts_follow_the_cards_due_times(session: Session, make_user, make_quiz) -> None:
    student, _ = studied(session, make_user, make_quiz)
    figures = progress_service.progress(session, student.id, PLAIN, "UTC", now=T0)
    assert (figures.cards, figures.due_now, figures.due_today, figures.due_week) == (8, 8, 8, 8)
    for key in cards_by_key(session, student):
        review(session, cards_by_key(session, student)[key], 4, T0 + dt.timedelta(minutes=15))
    later = T0 + dt.timedelta(minutes=16)
    dues = [c.due for c in cards_by_key(session, student).values()]
    figures = progress_service.progress(session, student.id, PLAIN, "UTC", now=later)
    assert figures.due_now == 0
    assert figures.due_today == sum(d < dt.datetime(2026, 3, 3) for d in dues)
    assert figures.due_week == sum(d < later + dt.timedelta(days=7) for d in dues) > 0
    assert (figures.reviews_total, figures.reviews_today) == (8, 8)


def test_retention_is_the_share_of_learnt_cards_remembered_in_the_logged_reviews(session: Session, make_user,
                                                                                   make_quiz) -> None:
    student, _ = studied(session, make_user, make_quiz)
    # Graduate six cards, then review them a week later: four remembered, two forgotten.
    keys = ["tf1", "cloze1", "short1", "num1", "match1", "order1"]
    for key in keys:
        review(session, cards_by_key(session, student)[key], 3, T0 + dt.timedelta(minutes=15))
    week = T0 + dt.timedelta(days=8)
    for key, rating in zip(keys, [3, 4, 2, 1, 3, 1]):
        review(session, cards_by_key(session, student)[key], rating, week)
    # Learning-step reviews do not count: a missed card reviewed minutes later is not a test of memory.
    review(session, cards_by_key(session, student)["wh1"], 1, week)
    figures = progress_service.progress(session, student.id, PLAIN, "UTC", now=week)
    assert (figures.retention.remembered, figures.retention.reviews) == (4, 6)
    assert figures.retention.share == pytest.approx(4 / 6)
    # The figure is read from the log: take a forgotten review out of it and it moves.
    again = session.scalars(select(models.StudyReview).where(models.StudyReview.rating == 1,
                                                             models.StudyReview.state_before == 2)).first()
    session.execute(delete(models.StudyReview).where(models.StudyReview.id == again.id))
    session.commit()
    assert progress_service.retention(session, [student.id], week).share == pytest.approx(4 / 5)
    # Thirty days later the window has moved past them.
    assert progress_service.retention(session, [student.id], week + dt.timedelta(days=31)).reviews == 0


def test_the_streak_counts_consecutive_days_in_the_students_zone(session: Session, make_user, make_quiz) -> None:
    student, _ = studied(session, make_user, make_quiz)
    # 22:30 UTC is already the next day in Riyadh (UTC+3).
    times = [dt.datetime(2026, 3, 2, 9, 0), dt.datetime(2026, 3, 2, 22, 30), dt.datetime(2026, 3, 4, 10, 0)]
    for key, when in zip(["tf1", "cloze1", "short1"], times):
        review(session, cards_by_key(session, student)[key], 3, when)
    now = dt.datetime(2026, 3, 4, 12, 0)
    utc = progress_service.progress(session, student.id, PLAIN, "UTC", now=now)
    riyadh = progress_service.progress(session, student.id, PLAIN, "Asia/Riyadh", now=now)
    assert utc.streak == 1  # the 3rd (UTC) had no review
    assert riyadh.streak == 3  # the 2nd, 3rd and 4th in Riyadh
    assert dict(riyadh.per_day)[dt.date(2026, 3, 3)] == 1
    assert dict(utc.per_day)[dt.date(2026, 3, 2)] == 2
    assert len(utc.per_day) == progress_service.CHART_DAYS and utc.per_day[-1][0] == dt.date(2026, 3, 4)


@pytest.mark.parametrize(("days", "today", "expected"), [
    ({1, 2, 3}, 3, 3), ({1, 2}, 3, 2), ({1, 3}, 3, 1), (set(), 3, 0), ({1}, 3, 0),
])
def test_a_streak_may_end_today_or_yesterday(days: set[int], today: int, expected: int) -> None:
    as_dates = {dt.date(2026, 1, d) for d in days}
    assert progress_service.streak(as_dates, dt.date(2026, 1, today)) == expected


def test_mastery_per_article_is_the_share_of_its_facts_with_stability_at_the_threshold(session: Session, make_user,
                                                                                        make_quiz) -> None:
    student, row = studied(session, make_user, make_quiz)
    for key in ("tf1", "cloze1", "short1"):
        review(session, cards_by_key(session, student)[key], 4, T0 + dt.timedelta(minutes=15))
    stabilities = sorted(c.stability for c in cards_by_key(session, student).values())
    threshold = stabilities[-3]  # exactly three cards reach it
    (article,) = progress_service.mastery_by_article(session, [student.id], threshold)
    assert (article.cards, article.mastered, article.title) == (8, 3, row.bank.article.title)
    assert article.share == pytest.approx(3 / 8)
    (none,) = progress_service.mastery_by_article(session, [student.id], stabilities[-1] + 1)
    assert none.mastered == 0


def test_the_chart_draws_one_bar_per_day_right_to_left_in_proportion() -> None:
    days = [(dt.date(2026, 1, 1) + dt.timedelta(days=i), n) for i, n in enumerate([0, 4, 2, 8])]
    chart = bar_chart(days, width=100, height=40)
    assert [b.value for b in chart.bars] == [0, 4, 2, 8]
    xs = [b.x for b in chart.bars]
    assert xs == sorted(xs, reverse=True)  # the oldest day at the right
    assert [b.height for b in chart.bars] == [0, 20, 10, 40]
    assert all(b.y + b.height == 40 for b in chart.bars) and chart.peak == 8
    assert all(0 <= b.x and b.x + b.width <= 100 for b in chart.bars)


def test_class_mastery_counts_its_members_on_its_quizzes_articles_only(session: Session, make_user,
                                                                       make_quiz) -> None:
    teacher = make_user(role="teacher")
    school_class = class_service.create_class(session, teacher.id, "الصف الأول")
    quiz = make_quiz(bank=sample_bank("class-article"), owner_id=teacher.id)
    class_service.assign(session, teacher.id, quiz.id, [school_class.id])
    members = [make_user(), make_user()]
    outsider = make_user()
    for i, user in enumerate(members + [outsider]):
        if user is not outsider:
            class_service.join(session, school_class, user, f"طالب {i}")
        take(session, quiz, user, missed=("wh1",) if i else ("wh1", "num1"), at=T0)
        study_service.feed(session, user.id, PLAIN, T0)
    # Another article a member studies, which this class's quizzes never asked about.
    take(session, make_quiz(), members[0], at=T0)
    study_service.feed(session, members[0].id, PLAIN, T0)
    key = quiz.bank.article.key
    for user in members:
        review(session, cards_by_key(session, user, key)["num1"], 1, T0 + dt.timedelta(minutes=5))
        review(session, cards_by_key(session, user, key)["tf1"], 4, T0 + dt.timedelta(minutes=12))
    review(session, cards_by_key(session, outsider, key)["short1"], 1, T0 + dt.timedelta(minutes=5))

    days = min(cards_by_key(session, u, key)["tf1"].stability for u in members)
    m = mastery_service.class_mastery(session, school_class.id, days)
    assert (m.members, m.studying) == (2, 2)
    (article,) = m.articles
    assert article.mastery.article_key == key
    assert (article.students, article.mastery.cards, article.mastery.mastered) == (2, 16, 2)
    facts = {f.fact_key: f for f in article.facts}
    assert (facts["wh1"].forgotten, facts["num1"].forgotten, facts["short1"].forgotten) == (2, 3, 0)
    assert (facts["num1"].reviews, facts["num1"].remembered) == (2, 0)
    assert facts["tf1"].mastered == 2 and facts["tf1"].share == 1.0
    assert [f.fact_key for f in article.facts][:2] == ["num1", "wh1"]  # the most forgotten first
    assert facts["num1"].answer == "40.27"


def test_a_class_without_members_or_quizzes_has_no_mastery_yet(session: Session, make_user) -> None:
    teacher = make_user(role="teacher")
    school_class = class_service.create_class(session, teacher.id, "صف فارغ")
    m = mastery_service.class_mastery(session, school_class.id, 7.0)
    assert (m.members, m.studying, m.articles) == (0, 0, ())
