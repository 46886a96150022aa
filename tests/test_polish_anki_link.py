"""The result page offers the quiz's Anki deck exactly when the exports route would give it to the student."""

from __future__ import annotations

import datetime as dt
import sqlite3
import zipfile
from collections.abc import Callable
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from conftest import login
from quiz import models
from quiz.services import attempts as attempt_service

pytestmark = pytest.mark.no_seed

BUTTON = "تنزيل بطاقات أنكي"


def submitted(session: Session, quiz: models.Quiz, user: models.User) -> models.Attempt:
    """Start and hand in an attempt (no answers) as ``user``."""
    attempt = attempt_service.start_attempt(session, quiz, user.id)
    return attempt_service.submit(session, attempt)


def result_page(client: FlaskClient, attempt: models.Attempt) -> str:
    resp = client.get(f"/attempt/{attempt.id}/result")
    assert resp.status_code == 200
    return resp.get_data(as_text=True)


def test_the_result_page_links_the_anki_deck_when_review_is_open(
        client: FlaskClient, session: Session, make_user: Callable[..., models.User],
        make_quiz: Callable[..., models.Quiz]) -> None:
    student = make_user()
    quiz = make_quiz(review="immediately")
    attempt = submitted(session, quiz, student)
    login(client, student)
    html = result_page(client, attempt)
    assert BUTTON in html
    assert f'href="/export/quiz/{quiz.id}.anki"' in html


@pytest.mark.parametrize("settings", [
    {"review": "never"},
    {"review": "after_close", "closes_at": models.utcnow() + dt.timedelta(days=1)},
], ids=["review never", "review after a close still to come"])
def test_the_result_page_hides_the_anki_deck_while_review_is_closed(
        client: FlaskClient, session: Session, make_user: Callable[..., models.User],
        make_quiz: Callable[..., models.Quiz], settings: dict[str, Any]) -> None:
    student = make_user()
    quiz = make_quiz(**settings)
    attempt = submitted(session, quiz, student)
    login(client, student)
    html = result_page(client, attempt)
    assert BUTTON not in html and ".anki" not in html
    assert client.get(f"/export/quiz/{quiz.id}.anki").status_code == 404  # the route agrees


def test_the_linked_deck_downloads_as_a_valid_apkg_for_the_student(
        client: FlaskClient, session: Session, make_user: Callable[..., models.User],
        make_quiz: Callable[..., models.Quiz], tmp_path: Path) -> None:
    student = make_user()
    quiz = make_quiz(review="after_close", closes_at=models.utcnow() - dt.timedelta(minutes=1),
                     opens_at=models.utcnow() - dt.timedelta(days=1))
    attempt = attempt_service.start_attempt(session, quiz, student.id, now=models.utcnow() - dt.timedelta(hours=1))
    attempt_service.submit(session, attempt, now=models.utcnow() - dt.timedelta(minutes=30))
    login(client, student)
    assert BUTTON in result_page(client, attempt)
    resp = client.get(f"/export/quiz/{quiz.id}.anki")
    assert resp.status_code == 200 and resp.mimetype == "application/apkg"
    with zipfile.ZipFile(BytesIO(resp.data)) as z:
        z.extract("collection.anki2", tmp_path)
    conn = sqlite3.connect(tmp_path / "collection.anki2")
    try:
        notes = conn.execute("SELECT count(*) FROM notes").fetchone()[0]
    finally:
        conn.close()
    assert notes == len(quiz.questions)
