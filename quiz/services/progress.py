"""A student's study progress, read from their cards and the log of their reviews.

Every figure comes from what is stored: due counts from the cards' due times, reviews done and the
reviews per day from the log (``study`` reviews only: quiz answers that fed the cards are not reviews
the student did), retention as in Anki's "true retention" (of the reviews of cards that had left
learning, the share not rated Again), mastery per article as the share of the student's facts of it
whose FSRS stability reaches the mastery threshold, and the streak as consecutive days with a review.
Days are the student's own (an IANA zone), the database keeps naive UTC.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import fsrs
from sqlalchemy import ColumnElement, case, func, select
from sqlalchemy.orm import Session

from quiz import models
from quiz.services.study import Settings

RETENTION_DAYS = 30
CHART_DAYS = 30
STREAK_DAYS = 366  # how far back a streak is counted
REVIEWED = int(fsrs.State.Review)


@dataclass(frozen=True)
class ArticleMastery:
    """One article's facts in some students' cards: how many, and how many are mastered."""

    article_key: str
    article_id: int  # the article row the first of these cards came from (its title is shown)
    title: str
    cards: int
    mastered: int

    @property
    def share(self) -> float:
        """Return the mastered share (0-1)."""
        return self.mastered / self.cards if self.cards else 0.0


@dataclass(frozen=True)
class Retention:
    """Reviews of learnt cards over a window, and how many of them were remembered."""

    remembered: int
    reviews: int

    @property
    def share(self) -> float | None:
        """Return the share remembered (None before any such review)."""
        return self.remembered / self.reviews if self.reviews else None


@dataclass(frozen=True)
class Progress:
    """What the progress page shows."""

    cards: int
    due_now: int
    due_today: int
    due_week: int
    reviews_total: int
    reviews_today: int
    retention: Retention
    streak: int
    articles: tuple[ArticleMastery, ...]
    per_day: tuple[tuple[dt.date, int], ...]  # the last CHART_DAYS days, oldest first


def _zone(name: str) -> dt.tzinfo:
    return dt.timezone.utc if name == "UTC" else ZoneInfo(name)


def local_day(value: dt.datetime, zone: str) -> dt.date:
    """Return the day a naive-UTC time falls on in ``zone``."""
    return value.replace(tzinfo=dt.timezone.utc).astimezone(_zone(zone)).date()


def day_end(day: dt.date, zone: str) -> dt.datetime:
    """Return the naive-UTC time at which ``day`` ends in ``zone``."""
    local = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), tzinfo=_zone(zone))
    return local.astimezone(dt.timezone.utc).replace(tzinfo=None)


def _study_reviews(user_ids: list[int]) -> list[ColumnElement[bool]]:
    R = models.StudyReview
    return [R.user_id.in_(user_ids), R.source == "study"]


def retention(session: Session, user_ids: list[int], now: dt.datetime, days: int = RETENTION_DAYS) -> Retention:
    """Return the retention of ``user_ids`` over the last ``days`` days, from their logged reviews."""
    R = models.StudyReview
    row = session.execute(select(func.count(R.id), func.count(case((R.rating > 1, R.id))))
                          .where(*_study_reviews(user_ids), R.state_before == REVIEWED,
                                 R.reviewed_at > now - dt.timedelta(days=days))).one()
    return Retention(remembered=int(row[1] or 0), reviews=int(row[0] or 0))


def reviews_per_day(session: Session, user_id: int, now: dt.datetime, zone: str, days: int) -> dict[dt.date, int]:
    """Return the number of reviews on each of the user's last ``days`` days that had any."""
    R = models.StudyReview
    stamps = session.scalars(select(R.reviewed_at).where(*_study_reviews([user_id]),
                                                         R.reviewed_at > now - dt.timedelta(days=days + 1)))
    counts: dict[dt.date, int] = {}
    for stamp in stamps:
        day = local_day(stamp, zone)
        counts[day] = counts.get(day, 0) + 1
    return counts


def streak(days_with_reviews: set[dt.date], today: dt.date) -> int:
    """Return how many consecutive days up to today (or yesterday, today not being over) had a review."""
    day = today if today in days_with_reviews else today - dt.timedelta(days=1)
    n = 0
    while day in days_with_reviews:
        n += 1
        day -= dt.timedelta(days=1)
    return n


def mastery_by_article(session: Session, user_ids: list[int], mastery_days: float,
                       article_keys: list[str] | None = None) -> list[ArticleMastery]:
    """Return, per article, the cards of ``user_ids`` and how many have reached ``mastery_days`` of stability."""
    C = models.StudyCard
    stmt = (select(C.article_key, func.min(C.article_id), func.count(C.id),
                   func.count(case((C.stability >= mastery_days, C.id))))
            .where(C.user_id.in_(user_ids)).group_by(C.article_key)
            .order_by(func.max(C.created_at).desc(), C.article_key))
    if article_keys is not None:
        stmt = stmt.where(C.article_key.in_(article_keys))
    rows = session.execute(stmt).all()
    titles = dict(session.execute(select(models.Article.id, models.Article.title)
                                  .where(models.Article.id.in_([r[1] for r in rows]))).all())
    return [ArticleMastery(key, article_id, titles[article_id], int(cards), int(mastered))
            for key, article_id, cards, mastered in rows]


def progress(session: Session, user_id: int, settings: Settings, zone: str,
             now: dt.datetime | None = None) -> Progress:
    """Return the user's progress at ``now``, days counted in ``zone``."""
    now = now or models.utcnow()
    C, R = models.StudyCard, models.StudyReview
    today = local_day(now, zone)
    cards, due_now, due_today, due_week = session.execute(select(
        func.count(C.id),
        func.count(case((C.due <= now + settings.learn_ahead, C.id))),
        func.count(case((C.due < day_end(today, zone), C.id))),
        func.count(case((C.due < now + dt.timedelta(days=7), C.id))),
    ).where(C.user_id == user_id)).one()
    total = session.scalar(select(func.count(R.id)).where(*_study_reviews([user_id]))) or 0
    recent = reviews_per_day(session, user_id, now, zone, STREAK_DAYS)
    chart = tuple((today - dt.timedelta(days=i), recent.get(today - dt.timedelta(days=i), 0))
                  for i in reversed(range(CHART_DAYS)))
    return Progress(
        cards=int(cards), due_now=int(due_now), due_today=int(due_today), due_week=int(due_week),
        reviews_total=int(total), reviews_today=recent.get(today, 0),
        retention=retention(session, [user_id], now), streak=streak(set(recent), today),
        articles=tuple(mastery_by_article(session, [user_id], settings.mastery_days)), per_day=chart,
    )
