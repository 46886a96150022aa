"""Attempts whose time ran out are closed by a batched sweep, never while a results page loads: the page
costs the same queries with 3 or 300 of them, the sweep after it grades them at their deadline, and
``flask close-expired`` closes the rest, a batch per transaction."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bench.school import populate
from quiz import models
from quiz.services import attempts as attempt_service
from quiz.services import expiry
from querycount import Statements
from teacher_helpers import sign_in, teacher  # noqa: F401 - fixture

A = models.Attempt


def open_count(session: Session, quiz_id: int | None = None) -> int:
    session.expire_all()
    stmt = select(func.count()).select_from(A).where(A.submitted_at.is_(None))
    if quiz_id is not None:
        stmt = stmt.where(A.quiz_id == quiz_id)
    return session.scalar(stmt) or 0


@pytest.fixture
def timed_quiz(session: Session, make_quiz: Any, teacher: models.User) -> models.Quiz:  # noqa: F811
    quiz = make_quiz(time_limit_seconds=20 * 60, owner_id=teacher.id)
    populate(session, quiz.id, 5, seed=1)
    return quiz


def test_a_results_page_costs_the_same_queries_with_3_or_300_expired_attempts(
        app: Any, client: Any, session: Session, make_quiz: Any, teacher: models.User) -> None:  # noqa: F811
    browser = sign_in(client, teacher)
    counts = []
    for expired in (3, 300):
        quiz = make_quiz(time_limit_seconds=20 * 60, owner_id=teacher.id)
        populate(session, quiz.id, 5, expired=expired, seed=expired)
        url = f"/teacher/quizzes/{quiz.id}/results"
        browser.get(url)  # warm the per-worker caches
        with Statements(app) as seen:
            reply = client.get(url)
        counts.append(seen.queries)
        assert reply.status_code == 200 and "انتهى وقتها" in reply.get_data(as_text=True)
        assert open_count(session, quiz.id) == expired  # the page graded none of them
        with Statements(app) as swept:
            reply.close()  # the response is sent: the sweep runs now
        assert open_count(session, quiz.id) == 0
        assert swept.commits == -(-expired // expiry.BATCH)  # one transaction per batch
        assert "انتهى وقتها" not in client.get(url).get_data(as_text=True)
    assert counts[0] == counts[1]


def test_the_sweep_grades_at_the_deadline_as_a_submission_would(session: Session, timed_quiz: models.Quiz,
                                                               make_user: Any) -> None:
    student = make_user("guest")
    start = models.utcnow() - dt.timedelta(hours=1)
    attempt = attempt_service.start_attempt(session, timed_quiz, student.id, now=start)
    items = attempt_service.items(session, attempt)
    answers = {it.qq_id: it.choices[0] for it in items if it.choices}
    attempt_service.save_answers(session, attempt, answers, now=start + dt.timedelta(minutes=1))
    twin = attempt_service.start_attempt(session, timed_quiz, make_user("guest").id, now=start)
    twin.question_ids_json, twin.option_order_json = attempt.question_ids_json, attempt.option_order_json
    session.commit()
    attempt_service.save_answers(session, twin, answers, now=start + dt.timedelta(minutes=1))
    assert expiry.sweep(session, quiz_id=timed_quiz.id) == 2
    session.expire_all()
    swept = session.get(A, attempt.id)
    assert swept is not None and swept.submitted_at == start + dt.timedelta(minutes=20)
    by_hand = session.get(A, twin.id)
    assert by_hand is not None and (swept.score, swept.max_score) == (by_hand.score, by_hand.max_score)
    scores = session.scalars(select(models.Response.score).where(models.Response.attempt_id == attempt.id)).all()
    assert None not in scores and sum(scores) == pytest.approx(swept.score)


def test_the_sweep_follows_a_close_time_moved_earlier(session: Session, timed_quiz: models.Quiz,
                                                      make_user: Any) -> None:
    start = models.utcnow() - dt.timedelta(minutes=5)
    attempt = attempt_service.start_attempt(session, timed_quiz, make_user("guest").id, now=start)
    assert expiry.sweep(session, quiz_id=timed_quiz.id) == 0  # its own 20 minutes are not over
    closes = models.utcnow() - dt.timedelta(minutes=1)
    timed_quiz.closes_at = closes
    session.commit()
    assert expiry.sweep(session, quiz_id=timed_quiz.id) == 1
    session.expire_all()
    assert session.get(A, attempt.id).submitted_at == closes  # type: ignore[union-attr]


def test_flask_close_expired_closes_every_quiz_a_batch_per_transaction(
        app: Any, runner: Any, session: Session, make_quiz: Any) -> None:
    quizzes = [make_quiz(time_limit_seconds=600) for _ in range(2)]
    for n, quiz in enumerate(quizzes):
        populate(session, quiz.id, 2, expired=7, seed=n)
    assert open_count(session) == 14
    with Statements(app) as seen:
        result = runner.invoke(args=["close-expired", "--batch", "5"])
    assert result.exit_code == 0 and "closed 14" in result.output
    assert open_count(session) == 0
    assert seen.commits == 3  # 5 + 5 + 4
    assert "closed 0" in runner.invoke(args=["close-expired"]).output
