"""Student accounts: register (a guest keeps the attempts made so far), sign in, sign out, rate limits."""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from conftest import csrf
from quiz import create_app, models
from quiz.db import get_db


def post(client: FlaskClient, url: str, data: dict[str, Any]) -> Any:
    return client.post(url, data={"csrf_token": csrf(client, url if url in ("/login", "/register") else "/"),
                                  **data})


def register(client: FlaskClient, email: str = "sara@example.org", **extra: str) -> Any:
    data = {"name": "سارة", "email": email, "password": "long-password", "confirm": "long-password", **extra}
    return post(client, "/register", data)


def test_the_sign_in_and_register_pages_are_in_arabic(client: FlaskClient) -> None:
    assert "كلمة المرور" in client.get("/login").get_data(as_text=True)
    assert "إنشاء الحساب" in client.get("/register").get_data(as_text=True)


def test_registering_creates_a_student_and_signs_in(client: FlaskClient, session: Session) -> None:
    r = register(client, email="Sara@Example.org")
    assert r.status_code == 302 and r.location == "/me/attempts"
    user = session.scalars(select(models.User).where(models.User.email == "sara@example.org")).one()
    assert user.role == "student" and user.password_hash and "long-password" not in user.password_hash
    assert "سارة" in client.get("/me/attempts").get_data(as_text=True)


def test_a_guest_who_registers_keeps_their_attempts(client: FlaskClient, make_quiz: Any, session: Session) -> None:
    code = make_quiz().code
    r = post(client, f"/q/{code}/start", {"name": "ضيف"})
    attempt_id = int(r.location.rsplit("/", 1)[1])
    guest_id = session.scalars(select(models.User.id)).one()
    register(client, email="guest@example.org")
    user = session.get(models.User, guest_id)
    assert user is not None
    session.refresh(user)
    assert (user.role, user.email) == ("student", "guest@example.org")
    assert f"/attempt/{attempt_id}" in client.get("/me/attempts").get_data(as_text=True)


@pytest.mark.parametrize(("changes", "message"), [
    ({"email": "not-an-email"}, "بريد إلكتروني غير صالح"),
    ({"password": "short", "confirm": "short"}, "ثمانية أحرف على الأقل"),
    ({"confirm": "different-password"}, "غير متطابقتين"),
    ({"name": "س"}, "حرفان على الأقل"),
])
def test_registration_errors_are_explained(client: FlaskClient, changes: dict[str, str], message: str) -> None:
    r = register(client, **changes)
    assert r.status_code == 200 and message in r.get_data(as_text=True)


def test_an_email_can_have_only_one_account(client: FlaskClient, make_user: Any) -> None:
    make_user(email="taken@example.org")
    r = register(client, email="TAKEN@example.org")
    assert "يوجد حساب بهذا البريد" in r.get_data(as_text=True)


def test_signing_in_and_out(client: FlaskClient, make_user: Any) -> None:
    make_user(name="هدى", email="huda@example.org", password="long-password")
    r = post(client, "/login", {"email": "huda@example.org", "password": "wrong-password"})
    assert "غير صحيحة" in r.get_data(as_text=True)
    r = post(client, "/login", {"email": "HUDA@example.org", "password": "long-password"})
    assert r.status_code == 302
    assert "هدى" in client.get("/").get_data(as_text=True)
    r = post(client, "/logout", {})
    assert r.location == "/"
    assert 'class="who"' not in client.get("/").get_data(as_text=True)


def test_sign_in_returns_to_the_page_asked_for(client: FlaskClient, make_user: Any) -> None:
    make_user(email="back@example.org", password="long-password")
    r = client.post("/login?next=/q/ASFURA", data={"csrf_token": csrf(client, "/login"),
                                                     "email": "back@example.org", "password": "long-password"})
    assert r.location == "/q/ASFURA"


@pytest.mark.no_seed
def test_repeated_sign_in_attempts_are_rate_limited_in_arabic(tmp_path: Any) -> None:
    app: Flask = create_app({"TESTING": True, "INSTANCE_PATH": str(tmp_path), "SEED_ON_START": False,
                             "DATABASE_URL": f"sqlite:///{tmp_path / 'rl.sqlite3'}", "WTF_CSRF_ENABLED": False,
                             "LOGIN_RATE_LIMIT": "3 per minute", "RATELIMIT_ENABLED": True})
    client = app.test_client()
    codes = [client.post("/login", data={"email": "x@example.org", "password": "nope"}).status_code
             for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    assert "طلبات كثيرة" in client.post("/login", data={}).get_data(as_text=True)
    with get_db(app).session() as s:
        assert s.scalar(select(func.count(models.User.id))) == 0
    get_db(app).engine.dispose()
