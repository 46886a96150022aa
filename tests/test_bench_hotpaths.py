"""The hot paths bench/run.py measures give the same pages and grades as the general paths.

The question page is served from a per-worker cache keyed on one query's state; autosave and submit
run as a few plain statements. These tests pin what must not change because of that.
"""

from __future__ import annotations

import re
from typing import Any

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from conftest import SAMPLE_ANSWERS, csrf
from quiz import models
from quiz.services import attempts as attempt_service
from quiz.views.pagecache import EXTENSION_KEY
from test_student_flow import form_fields, post, start

NOW_ATTR = re.compile(r'data-now="[^"]*"')


def cached_pages(app: Flask) -> int:
    cache = app.extensions.get(EXTENSION_KEY)
    return 0 if cache is None else len(cache.pages)


def test_a_page_seen_again_is_the_same_page_from_the_cache(app: Flask, client: FlaskClient, make_quiz: Any) -> None:
    attempt_id = start(client, make_quiz(layout="one_per_page", time_limit_seconds=600).code)
    client.get(f"/attempt/{attempt_id}?page=2")  # the session now holds its CSRF secret
    first = client.get(f"/attempt/{attempt_id}?page=2").get_data(as_text=True)
    assert cached_pages(app) == 1
    again = client.get(f"/attempt/{attempt_id}?page=2").get_data(as_text=True)
    assert NOW_ATTR.sub("", again) == NOW_ATTR.sub("", first)
    assert re.search(r'data-now="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"', again)  # the clock is filled in per request
    assert "\x00" not in again


def test_a_saved_answer_shows_on_the_next_view(client: FlaskClient, make_quiz: Any, session: Session) -> None:
    attempt_id = start(client, make_quiz().code)
    token = csrf(client, f"/attempt/{attempt_id}")
    client.get(f"/attempt/{attempt_id}")
    assert 'value="هندوراس" checked' not in client.get(f"/attempt/{attempt_id}").get_data(as_text=True)
    fields = form_fields(session, attempt_id, {"mcq1": "هندوراس"})
    assert client.post(f"/attempt/{attempt_id}/autosave", data=fields, headers={"X-CSRFToken": token}).json["ok"]
    assert 'value="هندوراس" checked' in client.get(f"/attempt/{attempt_id}").get_data(as_text=True)


def test_a_cached_page_is_never_served_to_someone_else(app: Flask, client: FlaskClient, make_quiz: Any) -> None:
    attempt_id = start(client, make_quiz().code)
    for _ in range(3):
        assert client.get(f"/attempt/{attempt_id}").status_code == 200
    other = app.test_client()
    start(other, make_quiz().code, name="خالد")
    assert other.get(f"/attempt/{attempt_id}").status_code == 404
    assert app.test_client().get(f"/attempt/{attempt_id}").status_code == 404


def test_a_submitted_attempt_is_not_served_from_the_cache(client: FlaskClient, make_quiz: Any) -> None:
    attempt_id = start(client, make_quiz().code)
    for _ in range(3):
        client.get(f"/attempt/{attempt_id}")
    post(client, f"/attempt/{attempt_id}/submit")
    assert client.get(f"/attempt/{attempt_id}").location == f"/attempt/{attempt_id}/result"


def test_a_renamed_quiz_shows_its_new_title(client: FlaskClient, make_quiz: Any, session: Session) -> None:
    quiz = make_quiz(title="العنوان الأول")
    attempt_id = start(client, quiz.code)
    client.get(f"/attempt/{attempt_id}")
    assert "العنوان الأول" in client.get(f"/attempt/{attempt_id}").get_data(as_text=True)
    quiz.title = "العنوان الجديد"
    session.commit()
    assert "العنوان الجديد" in client.get(f"/attempt/{attempt_id}").get_data(as_text=True)


def test_the_fast_submit_grades_as_the_general_path(client: FlaskClient, make_quiz: Any, session: Session,
                                                    make_user: Any) -> None:
    quiz = make_quiz()
    answers = dict(SAMPLE_ANSWERS, wh1="25 ديسمبر", num1="40")  # two wrong
    attempt_id = start(client, quiz.code)
    token = csrf(client, f"/attempt/{attempt_id}")
    half = dict(list(form_fields(session, attempt_id, answers).items())[:4])
    client.post(f"/attempt/{attempt_id}/autosave", data=half, headers={"X-CSRFToken": token})
    r = post(client, f"/attempt/{attempt_id}/submit", form_fields(session, attempt_id, answers))
    assert r.location == f"/attempt/{attempt_id}/result"

    user = make_user()
    general = attempt_service.start_attempt(session, quiz, user.id)
    items = attempt_service.items(session, general)
    fields = form_fields(session, general.id, answers)
    attempt_service.submit_with_answers(session, general, attempt_service.parse_answers(items, fields))

    session.expire_all()
    fast = session.get(models.Attempt, attempt_id)
    assert fast is not None and fast.submitted_at is not None
    assert (fast.score, fast.max_score) == (general.score, general.max_score) == (6.0, 8.0)
    def scores(aid: int) -> list[float | None]:
        return sorted(session.scalars(select(models.Response.score).where(models.Response.attempt_id == aid)),
                      key=lambda s: -1.0 if s is None else s)

    assert scores(attempt_id) == scores(general.id)
