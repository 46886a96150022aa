"""Spaced review between quizzes: each fact of a quiz a student took becomes a card that FSRS schedules.

Cards come from submitted attempts (``feed``): every fact the attempt asked about becomes one card of
its student, asked with the quiz's question on it. The quiz answer is the card's first rating, at the
time the attempt was handed in: a missed fact is rated Again and a fact answered right Good, so the
scheduler (the ``fsrs`` package, never our own intervals) brings the missed ones back first. A fact
missed again in a later quiz is rated Again once more; one answered right again is left alone (picking
an option is weaker evidence than recalling it). Attempts feed only once their quiz shows answers, so a
card never reveals what the quiz's review setting still hides.

Reviewing a card is three steps: the front (no answer in it), ``reveal`` (keeps the typed answer and
shows the back) and ``rate`` (Again/Hard/Good/Easy), which logs the review and moves the card, in one
transaction. A rating names the review count it was given for (``seq``), so a double click, a resent
form or two tabs record one review. Times are naive UTC like every column; fsrs gets them as aware UTC.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from typing import Any

import fsrs
from sqlalchemy import Select, and_, exists, func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

import questions
from questions.model import Question
from quiz import models
from quiz.services import attempts as attempt_service
from quiz.services.banks import article_record, dump_question, load_question
from quiz.services.cardfaces import verdict
from quiz.services.snapshots import snapshots

MAX_RESPONSE = 500  # longest typed answer kept, as in quizzes
RATINGS = (1, 2, 3, 4)  # fsrs.Rating: Again, Hard, Good, Easy


class StudyError(Exception):
    """The action cannot be done on this card now."""


class NotRevealed(StudyError):
    """A rating came for a card whose answer was not shown yet."""


@dataclass(frozen=True)
class Settings:
    """How the queue schedules: the site's settings (``FAHIM_STUDY_*``), passed in by the views."""

    desired_retention: float = 0.9
    fuzz: bool = True  # fsrs spreads review intervals a little, so cards learnt together part
    learn_ahead: dt.timedelta = dt.timedelta(minutes=20)  # a card due this soon is shown now
    mastery_days: float = 7.0  # a fact is mastered once its stability (days) reaches this


@functools.lru_cache(maxsize=16)
def scheduler(desired_retention: float = 0.9, fuzz: bool = True) -> fsrs.Scheduler:
    """Return the FSRS scheduler for a desired retention (default parameters and learning steps)."""
    return fsrs.Scheduler(desired_retention=desired_retention, enable_fuzzing=fuzz)


def scheduler_for(settings: Settings) -> fsrs.Scheduler:
    """Return the scheduler ``settings`` ask for."""
    return scheduler(settings.desired_retention, settings.fuzz)


def _aware(value: dt.datetime) -> dt.datetime:
    return value.replace(tzinfo=dt.timezone.utc)


def _naive(value: dt.datetime) -> dt.datetime:
    return value.astimezone(dt.timezone.utc).replace(tzinfo=None)


def fsrs_card(card: models.StudyCard) -> fsrs.Card:
    """Return the card's scheduling state as an ``fsrs.Card``."""
    return fsrs.Card(card_id=card.id or 0, state=fsrs.State(card.state), step=card.step,
                     stability=card.stability, difficulty=card.difficulty, due=_aware(card.due),
                     last_review=_aware(card.last_review) if card.last_review else None)


def question_of(card: models.StudyCard) -> Question:
    """Return the question the card is asked with."""
    return load_question(card.question_json)


def fact_key(q: Question) -> str:
    """Return what makes a question's fact one card: its fact id (its own key when it has none)."""
    return (q.fact or q.key)[:200]


def _apply(session: Session, card: models.StudyCard, rating: int, *, source: str, now: dt.datetime,
           settings: Settings, correct: bool | None = None) -> models.StudyReview:
    """Rate ``card`` with FSRS at ``now``, log the review and clear the review in progress (no commit)."""
    state_before = card.state
    new, _log = scheduler_for(settings).review_card(fsrs_card(card), fsrs.Rating(rating),
                                                    review_datetime=_aware(now))
    review = models.StudyReview(
        card_id=card.id, user_id=card.user_id, seq=card.reps, rating=rating, source=source,
        state_before=state_before, stability_after=float(new.stability or 0.0), due_after=_naive(new.due),
        reviewed_at=now, correct=correct,
    )
    card.state, card.step = int(new.state), new.step
    card.stability, card.difficulty = new.stability, new.difficulty
    card.due, card.last_review = _naive(new.due), now
    card.reps += 1
    if rating == 1 and state_before == int(fsrs.State.Review):
        card.lapses += 1
    card.response = card.revealed_at = None
    session.add(review)
    return review


# --- feeding the queue from quiz attempts ----------------------------------------------------------

def pending_statement(user_id: Any, now: Any) -> Select[models.Attempt]:
    """Select the user's submitted attempts not fed yet whose quiz shows answers at ``now`` (values or bind parameters)."""
    A, Q = models.Attempt, models.Quiz
    shows_answers = or_(Q.review == "immediately",
                        and_(Q.review == "after_close", Q.closes_at.is_not(None), Q.closes_at <= now))
    return (select(A).join(Q, Q.id == A.quiz_id)
            .where(A.user_id == user_id, A.submitted_at.is_not(None), shows_answers,
                   ~exists().where(models.StudyFeed.attempt_id == A.id)))


def pending_attempts(session: Session, user_id: int, now: dt.datetime) -> list[models.Attempt]:
    """Return the user's submitted attempts not fed yet whose quiz shows answers now, oldest first."""
    A = models.Attempt
    return list(session.scalars(pending_statement(user_id, now).order_by(A.submitted_at, A.id)))


def _facts_of(session: Session, attempt: models.Attempt) -> dict[str, tuple[Question, bool]]:
    # One entry per fact: the question to ask it with (a missed one if any) and whether it was missed.
    ids = attempt_service.question_ids(attempt)
    snaps = snapshots(session, ids)
    missed = set(attempt_service.missed_question_ids(session, attempt))
    out: dict[str, tuple[Question, bool]] = {}
    for qq_id in ids:
        snap = snaps.get(qq_id)
        if snap is None:
            continue
        key, was_missed = fact_key(snap.question), qq_id in missed
        entry = out.get(key)
        if entry is None or (was_missed and not entry[1]):
            out[key] = (snap.question, was_missed)
    return out


def _feed_attempt(session: Session, attempt: models.Attempt, settings: Settings, now: dt.datetime) -> int:
    article_id, article_key = session.execute(
        select(models.Article.id, models.Article.key).join(models.Bank, models.Bank.article_id == models.Article.id)
        .join(models.Quiz, models.Quiz.bank_id == models.Bank.id).where(models.Quiz.id == attempt.quiz_id)).one()
    facts = _facts_of(session, attempt)
    when = attempt.submitted_at or now
    existing = {c.fact_key: c for c in session.scalars(select(models.StudyCard).where(
        models.StudyCard.user_id == attempt.user_id, models.StudyCard.article_key == article_key,
        models.StudyCard.fact_key.in_(list(facts))))} if facts else {}
    created = 0
    for key, (q, missed) in facts.items():
        card = existing.get(key)
        if card is None:
            card = models.StudyCard(user_id=attempt.user_id, article_id=article_id, article_key=article_key, fact_key=key,
                                    question_key=q.key, question_json=dump_question(q),
                                    state=int(fsrs.State.Learning), step=0, due=when, reps=0, lapses=0,
                                    created_at=now)
            session.add(card)
            session.flush()  # its id, for the review log
            created += 1
        elif not missed or (card.last_review is not None and card.last_review > when):
            continue  # answered right again, or already reviewed after this quiz: FSRS history moves forward only
        _apply(session, card, 1 if missed else 3, source="quiz", now=when, settings=settings)
    session.add(models.StudyFeed(attempt_id=attempt.id, user_id=attempt.user_id, fed_at=now))
    return created


def _begin_write(session: Session) -> None:
    # Feeding happens on page views (GET), whose SQLite transactions are deferred: one that reads and
    # then writes fails at once if another writer committed in between. So take the write lock first.
    session.rollback()
    connection = session.connection()
    driver = connection.connection.driver_connection
    if connection.dialect.name == "sqlite" and not getattr(driver, "in_transaction", True):
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def feed(session: Session, user_id: int, settings: Settings, now: dt.datetime | None = None) -> int:
    """Turn the user's submitted attempts not fed yet into cards; return how many cards are new.

    One transaction; two requests feeding at once leave one set of cards (the loser rolls back).
    """
    now = now or models.utcnow()
    if not pending_attempts(session, user_id, now):
        return 0
    _begin_write(session)
    # Feeds of one user queue here (a row lock on PostgreSQL; on SQLite the write lock taken above).
    session.execute(select(models.User.id).where(models.User.id == user_id).with_for_update())
    pending = pending_attempts(session, user_id, now)
    created = 0
    try:
        for attempt in pending:
            created += _feed_attempt(session, attempt, settings, now)
        session.commit()
    except IntegrityError:
        session.rollback()  # another request fed the same attempt first
        return 0
    return created


# --- the queue -------------------------------------------------------------------------------------

def due_count_statement(user_id: Any, until: Any) -> Select[int]:
    """Select how many of the user's cards are due by ``until`` (values or bind parameters)."""
    C = models.StudyCard
    return select(func.count(C.id)).where(C.user_id == user_id, C.due <= until)


def due_count(session: Session, user_id: int, until: dt.datetime) -> int:
    """Return how many of the user's cards are due by ``until``."""
    return session.scalar(due_count_statement(user_id, until)) or 0


def next_card_statement(user_id: Any, until: Any) -> Select[models.StudyCard]:
    """Select the card to review: one whose answer is showing, else the first due by ``until``."""
    C = models.StudyCard
    return (select(C).where(C.user_id == user_id, or_(C.revealed_at.is_not(None), C.due <= until))
            .order_by(C.revealed_at.is_(None), C.due, C.id).limit(1))


def next_card(session: Session, user_id: int, settings: Settings,
              now: dt.datetime | None = None) -> models.StudyCard | None:
    """Return the card to review now: one whose answer is showing, else the one due first (or None)."""
    now = now or models.utcnow()
    return session.scalars(next_card_statement(user_id, now + settings.learn_ahead)).first()


def owned_card(session: Session, user_id: int | None, card_id: int) -> models.StudyCard | None:
    """Return card ``card_id`` if it belongs to ``user_id``; otherwise None (the view's 404)."""
    if user_id is None:
        return None
    card = session.get(models.StudyCard, card_id)
    return card if card is not None and card.user_id == user_id else None


def next_due(session: Session, user_id: int) -> dt.datetime | None:
    """Return when the user's next card falls due (None without cards)."""
    return session.scalar(select(func.min(models.StudyCard.due)).where(models.StudyCard.user_id == user_id))


def banks_of_cards(session: Session, user_id: int) -> list[questions.Bank]:
    """Return the user's cards as banks, one per article, each card with the question it is asked with.

    An Anki deck made from them gives each note the GUID of the same question in the quiz's deck.
    """
    C = models.StudyCard
    by_article: dict[str, list[Question]] = {}
    first: dict[str, int] = {}
    for key, article_id, data in session.execute(select(C.article_key, C.article_id, C.question_json)
                                                 .where(C.user_id == user_id).order_by(C.id)):
        by_article.setdefault(key, []).append(load_question(data))
        first.setdefault(key, article_id)
    articles = {a.id: a for a in session.scalars(select(models.Article).where(models.Article.id.in_(first.values())))}
    return [questions.Bank(article=article_record(articles[first[key]]), questions=tuple(qs))
            for key, qs in by_article.items()]


def previews(card: models.StudyCard, settings: Settings, now: dt.datetime | None = None) -> dict[int, dt.timedelta]:
    """Return how long each rating would put the card away for (without fuzz: the buttons' hint)."""
    now = now or models.utcnow()
    plain = scheduler(settings.desired_retention, False)
    state = fsrs_card(card)
    return {r: _naive(plain.review_card(state, fsrs.Rating(r), review_datetime=_aware(now))[0].due) - now
            for r in RATINGS}


# --- reviewing a card --------------------------------------------------------------------------------

def _clean(text: str | None) -> str | None:
    value = " ".join(str(text or "").split())[:MAX_RESPONSE]
    return value or None


def _locked(session: Session, card: models.StudyCard) -> models.StudyCard:
    # Writers of one card queue on its row (PostgreSQL); SQLite serializes writers with BEGIN IMMEDIATE.
    return session.scalars(select(models.StudyCard).where(models.StudyCard.id == card.id)
                           .with_for_update().execution_options(populate_existing=True)).one()


def save_response(session: Session, card: models.StudyCard, text: str | None) -> bool:
    """Keep the answer being typed on the card's front; False once the answer is showing (nothing saved)."""
    card = _locked(session, card)
    if card.revealed_at is not None:
        session.rollback()
        return False
    value = _clean(text)
    if value != card.response:
        card.response = value
        session.commit()
    else:
        session.rollback()
    return True


def reveal(session: Session, card: models.StudyCard, text: str | None, now: dt.datetime | None = None) -> None:
    """Show the card's answer, keeping what the student typed first; revealing again changes nothing."""
    card = _locked(session, card)
    if card.revealed_at is None:
        card.response = _clean(text) if text is not None else card.response
        card.revealed_at = now or models.utcnow()
        session.commit()
    else:
        session.rollback()


def rate(session: Session, card: models.StudyCard, rating: int, seq: int, settings: Settings,
         now: dt.datetime | None = None) -> bool:
    """Record the student's rating of a revealed card and reschedule it, in one transaction.

    ``seq`` is the card's review count the rating was given for: when the card has moved on since
    (a double click, a resent form, another tab) nothing is recorded and False is returned.
    """
    if rating not in RATINGS:
        raise ValueError(f"rating {rating!r} is not 1-4")
    now = now or models.utcnow()
    card = _locked(session, card)
    if card.reps != seq:
        session.rollback()
        return False
    if card.revealed_at is None:
        session.rollback()
        raise NotRevealed(card.id)
    correct = verdict(question_of(card), card.response)
    _apply(session, card, rating, source="study", now=now, settings=settings, correct=correct)
    try:
        session.commit()
    except IntegrityError:
        session.rollback()  # the same review was logged by a request that got there first
        return False
    return True

