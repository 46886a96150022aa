"""A start waits for the student's lock (so a double click opens one attempt); while it waits, the teacher
may close the quiz. What counts is the quiz as it is once the lock is held, never the row the request
loaded before waiting.

The wait is made to happen: the lock is replaced by one that lets the teacher, in a session of their own,
move the close time first (and the clock run on), as another request would while this one waits.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from flask import Flask
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from quiz import models
from quiz.db import get_db
from quiz.services import attempts as svc

MINUTE = dt.timedelta(minutes=1)


class Clock:
    """The time the services read when given none; moved by the test."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.now = models.utcnow()
        monkeypatch.setattr(models, "utcnow", lambda: self.now)


def close_while_waiting(app: Flask, monkeypatch: pytest.MonkeyPatch, quiz_id: int, closes_at: Any,
                        clock: Clock | None = None, wait: dt.timedelta = dt.timedelta()) -> None:
    """Make the start's wait for the student's lock last ``wait``, the teacher moving the close time meanwhile."""
    take_lock = svc._lock_user

    def lock_after_the_teacher(session: Session, user_id: int) -> None:
        with get_db(app).session() as teacher:
            quiz = teacher.get(models.Quiz, quiz_id)
            assert quiz is not None
            quiz.closes_at = closes_at(clock.now) if callable(closes_at) else closes_at
            teacher.commit()
        if clock is not None:
            clock.now += wait
        take_lock(session, user_id)

    monkeypatch.setattr(svc, "_lock_user", lock_after_the_teacher)


def attempts_of(session: Session, quiz_id: int) -> list[models.Attempt]:
    """Return the quiz's attempts as stored now."""
    session.expire_all()
    return list(session.scalars(select(models.Attempt).where(models.Attempt.quiz_id == quiz_id)
                                .order_by(models.Attempt.id)))


def test_a_start_is_refused_when_the_teacher_closed_the_quiz_while_it_waited_for_the_lock(
        app: Flask, session: Session, make_quiz: Any, make_user: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    now = models.utcnow()
    quiz = make_quiz(closes_at=now + 60 * MINUTE)
    student = make_user("guest")
    close_while_waiting(app, monkeypatch, quiz.id, now - MINUTE)
    with pytest.raises(svc.QuizClosed):
        svc.start_attempt(session, quiz, student.id, now=now)
    assert attempts_of(session, quiz.id) == []


def test_a_close_that_falls_while_the_start_waits_refuses_it(
        app: Flask, session: Session, make_quiz: Any, make_user: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    # The teacher moves the close to 3 s ahead; the start gets its lock 5 s later, after the close.
    clock = Clock(monkeypatch)
    quiz = make_quiz(closes_at=clock.now + 60 * MINUTE)
    student = make_user("guest")
    close_while_waiting(app, monkeypatch, quiz.id, lambda now: now + dt.timedelta(seconds=3), clock,
                        wait=dt.timedelta(seconds=5))
    with pytest.raises(svc.QuizClosed):
        svc.start_attempt(session, quiz, student.id)
    assert attempts_of(session, quiz.id) == []


def test_a_student_whose_attempt_the_close_ended_while_the_start_waited_gets_no_second_one(
        app: Flask, session: Session, make_quiz: Any, make_user: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    # The quiz allows more attempts, but not after its close: the first attempt ends there, and that is all.
    now = models.utcnow()
    quiz = make_quiz(closes_at=now + 60 * MINUTE, attempts_allowed=3)
    student = make_user("guest")
    first = svc.start_attempt(session, quiz, student.id, now=now)
    close_while_waiting(app, monkeypatch, quiz.id, now + MINUTE)
    with pytest.raises(svc.QuizClosed):
        svc.start_attempt(session, quiz, student.id, now=now + 2 * MINUTE)
    assert [a.id for a in attempts_of(session, quiz.id)] == [first.id]


def test_a_start_that_waited_resumes_the_open_attempt_when_the_close_moved_later(
        app: Flask, session: Session, make_quiz: Any, make_user: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    now = models.utcnow()
    quiz = make_quiz(closes_at=now + 10 * MINUTE, attempts_allowed=1)
    student = make_user("guest")
    first = svc.start_attempt(session, quiz, student.id, now=now)
    close_while_waiting(app, monkeypatch, quiz.id, now + 60 * MINUTE)
    resumed = svc.start_attempt(session, quiz, student.id, now=now + 20 * MINUTE)
    assert resumed.id == first.id and resumed.submitted_at is None
    assert session.scalar(select(func.count(models.Attempt.id))
                          .where(models.Attempt.quiz_id == quiz.id)) == 1
