"""Property-based fuzzing (hypothesis) of the answer (autosave, form save, submit), join and upload
endpoints: whatever arrives, the answer is never a 5xx, and what is stored stays well-formed."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from sqlalchemy.orm import Session

from conftest import csrf, login
from quiz import models
from quiz.services import attempts as attempt_service
from teacher_helpers import install_fake_generator, use_fast_password_hashing

FUZZ = settings(max_examples=60, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

# Text that hostile clients send: any unicode (NUL, bidi overrides, surrogate-free), digits in
# several scripts, HTML, SQL, and very long runs.
ANY_TEXT = st.one_of(
    st.text(max_size=60),
    st.text(alphabet=st.sampled_from("٠١٢٣٤٥٦٧٨٩0123456789-+.eE,٫ "), max_size=30),
    st.sampled_from(["<script>alert(1)</script>", "' OR 1=1 --", "\x00", "\u202e", "9" * 400, "-1", "NaN",
                     "Infinity", "1e309", "__proto__", "{}", "[]", "null"]),
    st.text(min_size=500, max_size=3000),
)


@pytest.fixture
def taking(app: Flask, session: Session, make_user: Callable[..., models.User],
           make_quiz: Callable[..., models.Quiz], monkeypatch: pytest.MonkeyPatch) -> tuple[FlaskClient, int, list[int]]:
    """Return a signed-in student's client, their open attempt id and its question ids."""
    use_fast_password_hashing(monkeypatch)
    user = make_user(role="student")
    client = app.test_client()
    login(client, user)
    attempt = attempt_service.start_attempt(session, make_quiz(), user.id)
    return client, attempt.id, attempt_service.question_ids(attempt)


def field_names(qq_ids: list[int]) -> st.SearchStrategy[str]:
    """Return form field names: the attempt's own, their -r/-i parts, and made-up ones."""
    own = st.sampled_from(qq_ids).map(lambda i: f"q-{i}")
    parts = st.tuples(own, st.sampled_from(["-r", "-i"]), st.integers(-3, 12)).map(lambda t: f"{t[0]}{t[1]}{t[2]}")
    return st.one_of(own, parts, st.text(max_size=12), st.integers().map(lambda i: f"q-{i}"))


def stored_answers_are_json(session: Session, attempt_id: int) -> None:
    session.expire_all()
    for response in session.scalars(select(models.Response).where(models.Response.attempt_id == attempt_id)):
        json.loads(response.answer_json)


@pytest.mark.no_seed
def test_autosave_never_fails_whatever_the_fields(taking: tuple[FlaskClient, int, list[int]], session: Session) -> None:
    client, attempt_id, qq_ids = taking
    token = csrf(client)

    @FUZZ
    @given(st.dictionaries(field_names(qq_ids), ANY_TEXT, max_size=8))
    def post(form: dict[str, str]) -> None:
        r = client.post(f"/attempt/{attempt_id}/autosave", data=form,
                        headers={"X-CSRFToken": token, "Accept": "application/json"})
        assert r.status_code in (200, 400), r.status_code
        if r.status_code == 200:
            assert r.get_json()["ok"] is True
    post()
    stored_answers_are_json(session, attempt_id)


@pytest.mark.no_seed
def test_form_save_never_fails_whatever_the_page_and_fields(taking: tuple[FlaskClient, int, list[int]],
                                                            session: Session) -> None:
    client, attempt_id, qq_ids = taking
    token = csrf(client)

    @FUZZ
    @given(st.dictionaries(field_names(qq_ids), ANY_TEXT, max_size=6), ANY_TEXT, ANY_TEXT)
    def post(form: dict[str, str], page: str, go: str) -> None:
        r = client.post(f"/attempt/{attempt_id}", data={**form, "page": page, "go": go, "csrf_token": token})
        assert r.status_code in (302, 400), r.status_code
        if r.status_code == 302:
            assert client.get(r.headers["Location"]).status_code == 200
    post()
    stored_answers_are_json(session, attempt_id)


@pytest.mark.no_seed
def test_submitting_any_fields_grades_once_and_never_fails(app: Flask, session: Session,
                                                           make_user: Callable[..., models.User],
                                                           make_quiz: Callable[..., models.Quiz],
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    use_fast_password_hashing(monkeypatch)
    quiz = make_quiz(attempts_allowed=None)

    @FUZZ
    @given(st.data())
    def submit(data: st.DataObject) -> None:
        user = make_user(role="student")
        client = app.test_client()
        login(client, user)
        attempt = attempt_service.start_attempt(session, quiz, user.id)
        form = data.draw(st.dictionaries(field_names(attempt_service.question_ids(attempt)), ANY_TEXT, max_size=8))
        token = csrf(client)
        for _ in range(2):  # the second submit must change nothing
            r = client.post(f"/attempt/{attempt.id}/submit", data={**form, "csrf_token": token})
            assert r.status_code in (302, 400), r.status_code
        session.refresh(attempt)
        if r.status_code == 302:
            assert attempt.submitted_at is not None and attempt.score is not None
            assert 0 <= attempt.score <= (attempt.max_score or 0)
            assert client.get(f"/attempt/{attempt.id}/result").status_code == 200
    submit()


def test_join_never_fails_whatever_the_code(client: FlaskClient) -> None:
    token = csrf(client)

    @FUZZ
    @given(ANY_TEXT)
    def join(code: str) -> None:
        r = client.post("/join", data={"code": code, "csrf_token": token})
        assert r.status_code in (302, 400), r.status_code
        assert client.get("/q/" + re.sub(r"[/?#%]", "", code)[:50] if code.strip("/?#%") else "/q/x").status_code in (
            200, 302, 400, 404)
    join()


@pytest.mark.no_seed
def test_article_upload_never_fails_whatever_the_file(app: Flask, session: Session,
                                                      make_user: Callable[..., models.User],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    use_fast_password_hashing(monkeypatch)
    install_fake_generator(monkeypatch)
    client = app.test_client()
    login(client, make_user(role="teacher"))
    token = csrf(client, "/teacher/")
    names = st.one_of(st.sampled_from(["a.txt", "a.html", "a.htm", "A.TXT", "a.docx", "a", ".txt", "a.txt.exe"]),
                      st.text(max_size=20))
    arabic = st.text(alphabet=st.sampled_from("ابتثجحخدذرزسشصضطظعغفقكلمنهوي ،.0123456789\n<>/\"'="),
                     min_size=1, max_size=400).map(lambda s: s.encode())
    bodies = st.one_of(st.binary(max_size=2000), arabic,
                       st.text(max_size=300).map(lambda s: s.encode("utf-8", "surrogatepass")))

    @FUZZ
    @given(bodies, names, ANY_TEXT)
    def upload(body: bytes, name: str, title: str) -> None:
        r = client.post("/teacher/articles/new", content_type="multipart/form-data",
                        data={"csrf_token": token, "title": title, "upload": (io.BytesIO(body), name)})
        assert r.status_code in (200, 302, 400), r.status_code
    upload()
