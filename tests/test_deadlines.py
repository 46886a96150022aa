"""An attempt's deadline follows its quiz: the earlier of the attempt's own time limit and the quiz's
close time as it is now, so a teacher who moves the close time moves every open attempt with it.

The clock is moved by replacing ``models.utcnow`` (what every request and service reads), so the
tests can stand before, between and after close times without waiting.
"""

from __future__ import annotations

import datetime as dt
import html as html_lib
import re
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from conftest import SAMPLE_ANSWERS, csrf, login
from quiz import models
from quiz.services import attempts as svc
from quiz.views.helpers import iso
from test_student_flow import form_fields, post, start

MINUTE = dt.timedelta(minutes=1)


class Clock:
    """The time every request and service sees; moved by the test."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.now = models.utcnow()
        monkeypatch.setattr(models, "utcnow", lambda: self.now)

    def move(self, delta: dt.timedelta) -> dt.datetime:
        """Move the clock by ``delta`` and return the new time."""
        self.now += delta
        return self.now


def move_close(session: Session, quiz: models.Quiz, closes_at: dt.datetime) -> None:
    """Change the quiz's close time, as the teacher's settings page stores it."""
    session.refresh(quiz)
    quiz.closes_at = closes_at
    session.commit()


def autosave(client: FlaskClient, session: Session, attempt_id: int, answers: dict[str, Any]) -> Any:
    """Send answers the way the page script does; return the response."""
    token = csrf(client, "/")
    return client.post(f"/attempt/{attempt_id}/autosave", data=form_fields(session, attempt_id, answers),
                       headers={"X-CSRFToken": token})


def shown_deadline(client: FlaskClient, attempt_id: int) -> str | None:
    """Return the countdown's deadline on the attempt page, or None when it shows none."""
    page = client.get(f"/attempt/{attempt_id}")
    assert page.status_code == 200, page.location
    found = re.search(r'data-deadline="([^"]+)"', page.get_data(as_text=True))
    return html_lib.unescape(found.group(1)) if found else None


def attempt_row(session: Session, attempt_id: int) -> models.Attempt:
    """Return the attempt as stored now."""
    session.expire_all()
    attempt = session.get(models.Attempt, attempt_id)
    assert attempt is not None
    return attempt


# --- the close time moved earlier --------------------------------------------------------------------

def test_a_close_time_moved_earlier_refuses_later_autosaves_and_closes_the_attempt_then(
        client: FlaskClient, session: Session, make_quiz: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    clock = Clock(monkeypatch)
    quiz = make_quiz(closes_at=clock.now + 60 * MINUTE)
    attempt_id = start(client, quiz.code)
    assert autosave(client, session, attempt_id, {"mcq1": "هندوراس"}).get_json()["ok"]
    clock.move(MINUTE)
    assert autosave(client, session, attempt_id, {"tf1": SAMPLE_ANSWERS["tf1"]}).get_json()["ok"]  # the worker's fast path now
    new_close = clock.now + 5 * MINUTE
    move_close(session, quiz, new_close)
    clock.move(4 * MINUTE)
    assert autosave(client, session, attempt_id, {"short1": "تروث سوشيال"}).get_json()["ok"]  # still before the close
    clock.move(2 * MINUTE)
    late = autosave(client, session, attempt_id, {"num1": "40.27"})
    assert late.status_code == 409 and late.get_json()["closed"]
    attempt = attempt_row(session, attempt_id)
    assert attempt.submitted_at == new_close
    assert attempt.score == 3.0  # the three answers saved before the close, not the refused one
    assert client.get(f"/attempt/{attempt_id}").location == f"/attempt/{attempt_id}/result"


def test_a_close_time_set_into_the_past_stops_a_submission_from_counting_new_answers(
        client: FlaskClient, session: Session, make_quiz: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    clock = Clock(monkeypatch)
    quiz = make_quiz(closes_at=clock.now + 60 * MINUTE, time_limit_seconds=3600)
    attempt_id = start(client, quiz.code)
    assert autosave(client, session, attempt_id, {"mcq1": "هندوراس"}).get_json()["ok"]
    clock.move(10 * MINUTE)
    move_close(session, quiz, clock.now - 2 * MINUTE)  # "it should have closed two minutes ago"
    r = post(client, f"/attempt/{attempt_id}/submit", form_fields(session, attempt_id, SAMPLE_ANSWERS))
    assert r.location == f"/attempt/{attempt_id}/result"
    attempt = attempt_row(session, attempt_id)
    assert attempt.submitted_at == clock.now - 2 * MINUTE and attempt.score == 1.0


def test_a_close_time_moved_earlier_moves_the_countdown_of_an_open_page(
        client: FlaskClient, session: Session, make_quiz: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    clock = Clock(monkeypatch)
    quiz = make_quiz(closes_at=clock.now + 60 * MINUTE)
    attempt_id = start(client, quiz.code)
    assert shown_deadline(client, attempt_id) == iso(clock.now + 60 * MINUTE)
    assert shown_deadline(client, attempt_id) == iso(clock.now + 60 * MINUTE)  # served from the page cache
    move_close(session, quiz, clock.now + 10 * MINUTE)
    assert shown_deadline(client, attempt_id) == iso(clock.now + 10 * MINUTE)


def test_review_after_close_opens_when_the_moved_close_time_passes_and_no_attempt_is_open_then(
        app: Flask, client: FlaskClient, session: Session, make_quiz: Any, make_user: Any,
        monkeypatch: pytest.MonkeyPatch) -> None:
    clock = Clock(monkeypatch)
    quiz = make_quiz(closes_at=clock.now + 60 * MINUTE, review="after_close")
    done = start(client, quiz.code, "سارة")
    post(client, f"/attempt/{done}/submit", form_fields(session, done, SAMPLE_ANSWERS))
    classmate = app.test_client()
    still_open = start(classmate, quiz.code, "ليلى")
    assert autosave(classmate, session, still_open, {"mcq1": "هندوراس"}).get_json()["ok"]
    result = client.get(f"/attempt/{done}/result").get_data(as_text=True)
    assert "review-list" not in result  # no correct answer before the close
    move_close(session, quiz, clock.now + 5 * MINUTE)
    clock.move(6 * MINUTE)
    result = client.get(f"/attempt/{done}/result").get_data(as_text=True)
    assert "review-list" in result  # the quiz is closed: the review shows the answers
    late = autosave(classmate, session, still_open, {"tf1": SAMPLE_ANSWERS["tf1"]})
    assert late.status_code == 409  # ... and nobody can answer any more
    r = post(classmate, f"/attempt/{still_open}/submit", form_fields(session, still_open, SAMPLE_ANSWERS))
    assert r.location == f"/attempt/{still_open}/result"
    attempt = attempt_row(session, still_open)
    assert attempt.submitted_at == clock.now - MINUTE and attempt.score == 1.0


def test_the_results_page_grades_an_attempt_left_open_past_a_moved_close_time(
        client: FlaskClient, session: Session, make_quiz: Any, make_user: Any,
        monkeypatch: pytest.MonkeyPatch) -> None:
    clock = Clock(monkeypatch)
    teacher = make_user(role="teacher")
    quiz = make_quiz(closes_at=clock.now + 60 * MINUTE, owner_id=teacher.id)
    attempt_id = start(client, quiz.code)
    assert autosave(client, session, attempt_id, {"mcq1": "هندوراس"}).get_json()["ok"]
    move_close(session, quiz, clock.now + MINUTE)
    clock.move(2 * MINUTE)
    login(client, teacher)
    page = client.get(f"/teacher/quizzes/{quiz.id}/results")
    assert page.status_code == 200
    page.close()  # sent: the expired attempts are swept now, not while the page was built
    attempt = attempt_row(session, attempt_id)
    assert attempt.submitted_at == clock.now - MINUTE and attempt.score == 1.0


# --- the close time moved later --------------------------------------------------------------------

def test_a_close_time_moved_later_extends_open_attempts_up_to_their_own_time_limit(
        client: FlaskClient, session: Session, make_quiz: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    clock = Clock(monkeypatch)
    started = clock.now
    quiz = make_quiz(closes_at=started + 2 * MINUTE, time_limit_seconds=600)
    attempt_id = start(client, quiz.code)
    assert shown_deadline(client, attempt_id) == iso(started + 2 * MINUTE)
    assert autosave(client, session, attempt_id, {"mcq1": "هندوراس"}).get_json()["ok"]
    move_close(session, quiz, started + 60 * MINUTE)
    assert shown_deadline(client, attempt_id) == iso(started + 10 * MINUTE)  # its own limit comes first now
    clock.move(5 * MINUTE)  # past the old close time
    assert autosave(client, session, attempt_id, {"tf1": SAMPLE_ANSWERS["tf1"]}).get_json()["ok"]
    assert shown_deadline(client, attempt_id) == iso(started + 10 * MINUTE)
    clock.move(6 * MINUTE)  # past the attempt's own limit
    assert autosave(client, session, attempt_id, {"short1": "تروث سوشيال"}).status_code == 409
    attempt = attempt_row(session, attempt_id)
    assert attempt.submitted_at == started + 10 * MINUTE and attempt.score == 2.0


def test_a_close_time_moved_later_lets_a_submission_past_the_old_close_count(
        client: FlaskClient, session: Session, make_quiz: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    clock = Clock(monkeypatch)
    quiz = make_quiz(closes_at=clock.now + 2 * MINUTE)
    attempt_id = start(client, quiz.code)
    move_close(session, quiz, clock.now + 60 * MINUTE)
    clock.move(30 * MINUTE)
    r = post(client, f"/attempt/{attempt_id}/submit", form_fields(session, attempt_id, SAMPLE_ANSWERS))
    assert r.location == f"/attempt/{attempt_id}/result"
    attempt = attempt_row(session, attempt_id)
    assert attempt.submitted_at == clock.now and attempt.score == 8.0


def test_the_service_follows_the_close_time_in_both_directions(session: Session, make_quiz: Any,
                                                               make_user: Any) -> None:
    t0 = models.utcnow()
    quiz = make_quiz(closes_at=t0 + 30 * MINUTE, time_limit_seconds=3600)
    attempt = svc.start_attempt(session, quiz, make_user("guest").id, now=t0)
    first = {svc.question_ids(attempt)[0]: None}
    move_close(session, quiz, t0 + 120 * MINUTE)
    svc.save_answers(session, attempt, first, now=t0 + 45 * MINUTE)  # past the old close: accepted
    move_close(session, quiz, t0 + 50 * MINUTE)
    with pytest.raises(svc.AttemptClosed):
        svc.save_answers(session, attempt, first, now=t0 + 55 * MINUTE)
    assert attempt.submitted_at == t0 + 50 * MINUTE


def test_a_practice_attempt_after_the_close_is_not_closed_by_it(client: FlaskClient, session: Session,
                                                                make_quiz: Any,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    clock = Clock(monkeypatch)
    quiz = make_quiz(closes_at=clock.now + 10 * MINUTE, review="after_close")
    attempt_id = start(client, quiz.code)
    post(client, f"/attempt/{attempt_id}/submit", form_fields(session, attempt_id, {"mcq1": "هندوراس"}))
    clock.move(20 * MINUTE)
    r = post(client, f"/attempt/{attempt_id}/retry")
    practice = int(r.location.rsplit("/", 1)[1])
    assert shown_deadline(client, practice) is None
    assert autosave(client, session, practice, {"tf1": SAMPLE_ANSWERS["tf1"]}).get_json()["ok"]
