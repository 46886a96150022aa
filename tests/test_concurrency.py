"""Concurrent requests on one attempt (double clicks, two tabs, a retried request): one attempt, one
answer row per question, one submission, no 5xx — on SQLite (BEGIN IMMEDIATE) and PostgreSQL."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest
from flask import Flask
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from conftest import csrf, login
from quiz import models
from quiz.services import attempts as attempt_service
from teacher_helpers import use_fast_password_hashing

N = 6


def at_once(n: int, fn: Callable[[int], Any]) -> list[Any]:
    """Run fn(0..n-1) in n threads released together; return their results."""
    barrier = threading.Barrier(n)
    results: list[Any] = [None] * n

    def run(i: int) -> None:
        barrier.wait()
        try:
            results[i] = fn(i)
        except BaseException as exc:  # noqa: BLE001 - asserted by the caller
            results[i] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    return results


@pytest.fixture
def student(app: Flask, make_user: Callable[..., models.User], monkeypatch: pytest.MonkeyPatch) -> models.User:
    use_fast_password_hashing(monkeypatch)
    return make_user(role="student")


def clients(app: Flask, user: models.User, n: int) -> list[Any]:
    out = []
    for _ in range(n):
        c = app.test_client()
        login(c, user)
        out.append(c)
    return out


@pytest.mark.no_seed
def test_simultaneous_submits_record_one_submission_with_one_answer_each(
        app: Flask, session: Session, student: models.User, make_quiz: Callable[..., models.Quiz]) -> None:
    attempt = attempt_service.start_attempt(session, make_quiz(), student.id)
    items = attempt_service.items(session, attempt)
    typed = next(it for it in items if it.kind in ("wh", "short"))
    tabs = clients(app, student, N)
    tokens = [csrf(c) for c in tabs]
    statuses = at_once(N, lambda i: tabs[i].post(
        f"/attempt/{attempt.id}/submit", data={"csrf_token": tokens[i], f"q-{typed.qq_id}": f"جواب {i}"}).status_code)
    assert statuses == [302] * N
    session.expire_all()
    session.refresh(attempt)
    assert attempt.submitted_at is not None and attempt.score is not None
    rows = session.scalar(select(func.count(models.Response.id)).where(models.Response.attempt_id == attempt.id))
    assert rows == 1


@pytest.mark.no_seed
def test_simultaneous_autosaves_of_a_new_answer_store_one_row(
        app: Flask, session: Session, student: models.User, make_quiz: Callable[..., models.Quiz]) -> None:
    attempt = attempt_service.start_attempt(session, make_quiz(), student.id)
    qq_ids = attempt_service.question_ids(attempt)
    typed = next(it for it in attempt_service.items(session, attempt) if it.kind in ("wh", "short"))
    tabs = clients(app, student, N)
    tokens = [csrf(c) for c in tabs]
    replies = at_once(N, lambda i: tabs[i].post(
        f"/attempt/{attempt.id}/autosave", data={f"q-{typed.qq_id}": "هندوراس"},
        headers={"X-CSRFToken": tokens[i], "Accept": "application/json"}))
    assert [r.status_code for r in replies] == [200] * N
    assert all(r.get_json()["ok"] for r in replies)
    session.expire_all()
    rows = session.scalars(select(models.Response).where(models.Response.attempt_id == attempt.id)).all()
    assert [(r.quiz_question_id, r.answer_json) for r in rows] == [(typed.qq_id, '"هندوراس"')]
    assert typed.qq_id in qq_ids


@pytest.mark.no_seed
def test_a_double_click_on_start_opens_one_attempt(
        app: Flask, session: Session, student: models.User, make_quiz: Callable[..., models.Quiz]) -> None:
    quiz = make_quiz()
    tabs = clients(app, student, N)
    tokens = [csrf(c, f"/q/{quiz.code}") for c in tabs]
    replies = at_once(N, lambda i: tabs[i].post(f"/q/{quiz.code}/start", data={"csrf_token": tokens[i]}))
    assert [r.status_code for r in replies] == [302] * N
    assert len({r.headers["Location"] for r in replies}) == 1
    session.expire_all()
    count = session.scalar(select(func.count(models.Attempt.id)).where(models.Attempt.user_id == student.id))
    assert count == 1
