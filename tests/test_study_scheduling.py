"""The study queue on the real FSRS scheduler (the ``fsrs`` package): quiz facts become cards, missed ones
due first; ratings move due dates as FSRS says; a rating is recorded once; attempts feed once."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import fsrs
import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from quiz import models
from quiz.services import study as study_service
from study_helpers import PLAIN, cards_by_key, review, take

pytestmark = pytest.mark.no_seed
T0 = dt.datetime(2026, 3, 2, 8, 0)


def logged(session: Session, card: models.StudyCard) -> list[models.StudyReview]:
    return list(session.scalars(select(models.StudyReview).where(models.StudyReview.card_id == card.id)
                                .order_by(models.StudyReview.seq)))


def replay(session: Session, card: models.StudyCard) -> fsrs.Card:
    """Run the card's logged ratings through a fresh fsrs scheduler, from a new card."""
    scheduler = fsrs.Scheduler(desired_retention=PLAIN.desired_retention, enable_fuzzing=False)
    state = fsrs.Card(card_id=card.id, due=card.created_at.replace(tzinfo=dt.timezone.utc))
    for row in logged(session, card):
        state, _ = scheduler.review_card(state, fsrs.Rating(row.rating),
                                         review_datetime=row.reviewed_at.replace(tzinfo=dt.timezone.utc))
    return state


def test_every_fact_of_a_taken_quiz_becomes_a_card_and_the_missed_ones_are_due_first(
        session: Session, make_user: Callable[..., models.User], make_quiz: Callable[..., models.Quiz]) -> None:
    student, quiz = make_user(), make_quiz()
    take(session, quiz, student, missed=("mcq1", "wh1"), at=T0)
    assert study_service.feed(session, student.id, PLAIN, T0) == len(quiz.questions)
    cards = cards_by_key(session, student)
    assert set(cards) == {"mcq1", "tf1", "cloze1", "wh1", "short1", "num1", "match1", "order1"}
    missed = [cards["mcq1"], cards["wh1"]]
    others = [c for key, c in cards.items() if key not in ("mcq1", "wh1")]
    assert max(c.due for c in missed) < min(c.due for c in others)
    # The quiz answers are the cards' first ratings, at the time the attempt was handed in.
    for card in cards.values():
        (first,) = logged(session, card)
        assert (first.source, first.reviewed_at) == ("quiz", T0)
        assert first.rating == (1 if card in missed else 3)
    assert study_service.next_card(session, student.id, PLAIN, T0 + dt.timedelta(minutes=1)) in missed


def test_a_card_rated_again_is_due_sooner_than_one_rated_good(
        session: Session, make_user: Callable[..., models.User], make_quiz: Callable[..., models.Quiz]) -> None:
    student = make_user()
    take(session, make_quiz(), student, at=T0)
    study_service.feed(session, student.id, PLAIN, T0)
    cards = cards_by_key(session, student)
    later = T0 + dt.timedelta(minutes=15)
    assert review(session, cards["wh1"], 1, later)
    assert review(session, cards["short1"], 3, later)
    cards = cards_by_key(session, student)
    assert cards["wh1"].due < cards["short1"].due
    # Two learnt cards (Good in the quiz and once more) a week later: Again sends one back to relearning.
    for key in ("num1", "tf1"):
        review(session, cards[key], 3, later)
    cards = cards_by_key(session, student)
    assert cards["num1"].state == cards["tf1"].state == int(fsrs.State.Review)
    week = later + dt.timedelta(days=7)
    review(session, cards["num1"], 1, week)
    review(session, cards["tf1"], 3, week)
    cards = cards_by_key(session, student)
    assert cards["num1"].due - week < dt.timedelta(hours=1) < dt.timedelta(days=1) < cards["tf1"].due - week
    assert cards["num1"].lapses == 1 and cards["num1"].state == int(fsrs.State.Relearning)


def test_a_days_reviews_move_due_dates_and_stability_as_fsrs_says(
        session: Session, make_user: Callable[..., models.User], make_quiz: Callable[..., models.Quiz]) -> None:
    student = make_user()
    take(session, make_quiz(), student, missed=("num1", "cloze1"), at=T0)
    study_service.feed(session, student.id, PLAIN, T0)
    day = [T0 + dt.timedelta(minutes=m) for m in (2, 14, 31, 55)]
    plan = {"num1": [1, 3, 3, 3], "cloze1": [3, 3], "wh1": [2, 4], "mcq1": [4], "tf1": [3, 1, 3]}
    for i, when in enumerate(day):
        for key, ratings in plan.items():
            if i < len(ratings):
                review(session, cards_by_key(session, student)[key], ratings[i], when)
    tomorrow = T0 + dt.timedelta(days=2, hours=3)  # and a review after a night: the long-term formulas
    for key in ("wh1", "mcq1"):
        review(session, cards_by_key(session, student)[key], 3, tomorrow)
    for key, card in cards_by_key(session, student).items():
        expected = replay(session, card)
        assert card.due.replace(tzinfo=dt.timezone.utc) == expected.due, key
        assert card.stability == pytest.approx(expected.stability), key
        assert card.difficulty == pytest.approx(expected.difficulty), key
        assert (card.state, card.step) == (int(expected.state), expected.step), key
        assert logged(session, card)[-1].due_after == card.due, key
    rows = session.scalars(select(models.StudyReview).where(models.StudyReview.source == "study")).all()
    assert len(rows) == sum(len(r) for r in plan.values()) + 2


def test_the_desired_retention_is_a_setting_fsrs_schedules_for(
        session: Session, make_user: Callable[..., models.User], make_quiz: Callable[..., models.Quiz]) -> None:
    dues = {}
    for retention in (0.8, 0.95):
        student = make_user()
        take(session, make_quiz(), student, at=T0)
        settings = study_service.Settings(desired_retention=retention, fuzz=False)
        study_service.feed(session, student.id, settings, T0)
        review(session, cards_by_key(session, student)["wh1"], 3, T0 + dt.timedelta(minutes=15), settings)
        dues[retention] = cards_by_key(session, student)["wh1"].due
    assert dues[0.95] < dues[0.8]  # remembering more often means reviewing sooner


def test_a_rating_sent_twice_records_one_review(
        session: Session, make_user: Callable[..., models.User], make_quiz: Callable[..., models.Quiz]) -> None:
    student = make_user()
    take(session, make_quiz(), student, at=T0)
    study_service.feed(session, student.id, PLAIN, T0)
    card = cards_by_key(session, student)["short1"]
    seq = card.reps
    when = T0 + dt.timedelta(minutes=12)
    study_service.reveal(session, card, None, now=when)
    assert study_service.rate(session, card, 3, seq, PLAIN, now=when)
    due = cards_by_key(session, student)["short1"].due
    assert not study_service.rate(session, card, 1, seq, PLAIN, now=when + dt.timedelta(seconds=1))
    assert cards_by_key(session, student)["short1"].due == due
    assert len(logged(session, card)) == 2  # the quiz's and one review


def test_a_card_is_rated_only_once_its_answer_was_shown(
        session: Session, make_user: Callable[..., models.User], make_quiz: Callable[..., models.Quiz]) -> None:
    student = make_user()
    take(session, make_quiz(), student, at=T0)
    study_service.feed(session, student.id, PLAIN, T0)
    card = cards_by_key(session, student)["short1"]
    with pytest.raises(study_service.NotRevealed):
        study_service.rate(session, card, 3, card.reps, PLAIN, now=T0)
    assert len(logged(session, card)) == 1


def test_an_attempt_feeds_its_cards_once(
        session: Session, make_user: Callable[..., models.User], make_quiz: Callable[..., models.Quiz]) -> None:
    student = make_user()
    take(session, make_quiz(), student, at=T0)
    assert study_service.feed(session, student.id, PLAIN, T0) == 8
    assert study_service.feed(session, student.id, PLAIN, T0) == 0
    assert session.scalar(select(func.count(models.StudyCard.id))) == 8
    assert session.scalar(select(func.count(models.StudyReview.id))) == 8


def test_attempts_feed_only_once_their_quiz_shows_answers(
        session: Session, make_user: Callable[..., models.User], make_quiz: Callable[..., models.Quiz]) -> None:
    student = make_user()
    never = make_quiz(review="never")
    closes = T0 + dt.timedelta(days=1)
    after_close = make_quiz(review="after_close", closes_at=closes)
    take(session, never, student, at=T0)
    take(session, after_close, student, missed=("wh1",), at=T0)
    assert study_service.feed(session, student.id, PLAIN, T0) == 0
    assert study_service.feed(session, student.id, PLAIN, closes + dt.timedelta(minutes=1)) == 8
    cards = cards_by_key(session, student)
    assert {c.article_id for c in cards.values()} == {after_close.bank.article_id}
    # Scheduled from when the attempt was handed in, not from when it fed the queue.
    assert all(row.reviewed_at == T0 for c in cards.values() for row in logged(session, c))


def test_a_fact_missed_in_a_later_quiz_comes_back_and_one_answered_right_is_left_alone(
        session: Session, make_user: Callable[..., models.User], make_quiz: Callable[..., models.Quiz]) -> None:
    from conftest import sample_bank

    student = make_user()
    bank = sample_bank("same-article")
    take(session, make_quiz(bank), student, at=T0)
    study_service.feed(session, student.id, PLAIN, T0)
    week = T0 + dt.timedelta(days=7)
    for key in ("wh1", "short1"):
        review(session, cards_by_key(session, student)[key], 4, T0 + dt.timedelta(minutes=12))
    before = cards_by_key(session, student)
    due_short1 = before["short1"].due
    take(session, make_quiz(bank), student, missed=("wh1",), at=week)
    study_service.feed(session, student.id, PLAIN, week)
    after = cards_by_key(session, student)
    assert len(after) == 8  # the same article's facts: the same cards
    assert after["short1"].due == due_short1
    assert after["wh1"].state == int(fsrs.State.Relearning) and after["wh1"].due - week < dt.timedelta(hours=1)
    assert [(r.rating, r.source) for r in logged(session, after["wh1"])][-1] == (1, "quiz")
