"""Rate limits count failures only: a class behind one address signs in, registers and joins freely,
while wrong passwords lock the account or the address they came from, and wrong join codes never
shut out the right one."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select

from quiz import create_app, models, seed
from quiz.db import get_db
from quiz.services import classes as class_service
from quiz.services import users as user_service
from teacher_helpers import use_fast_password_hashing

SCHOOL = "203.0.113.7"  # one address for a whole class (a school's NAT)
HOME = "198.51.100.20"
PASSWORD = "long-password-1"


@pytest.fixture
def limited(tmp_path: Any, database_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[..., Flask]]:
    """Build an app with rate limits on (defaults unless overridden) and the built-in quiz ASFURA."""
    use_fast_password_hashing(monkeypatch)
    apps: list[Flask] = []

    def make(**config: Any) -> Flask:
        app = create_app({"TESTING": True, "INSTANCE_PATH": str(tmp_path / "instance"), "DATABASE_URL": database_url,
                          "CREATE_SCHEMA": False, "SEED_ON_START": False, "SECRET_KEY": "x",
                          "WTF_CSRF_ENABLED": False, "RATELIMIT_ENABLED": True, **config})
        with get_db(app).session() as s:
            seed.ensure_builtin(s)
        apps.append(app)
        return app

    yield make
    for app in apps:
        get_db(app).engine.dispose()


def accounts(app: Flask, n: int) -> list[str]:
    """Create ``n`` student accounts; return their emails."""
    with get_db(app).session() as s:
        return [user_service.create_account(s, name=f"طالب {i}", email=f"student{i}@school.example",
                                            password=PASSWORD).email or "" for i in range(n)]


def sign_in(app: Flask, email: str, password: str = PASSWORD, address: str = SCHOOL) -> int:
    """Sign in from a fresh browser at ``address``; return the status (302 signed in, 200 refused, 429 limited)."""
    r = app.test_client().post("/login", data={"email": email, "password": password},
                               environ_base={"REMOTE_ADDR": address})
    return r.status_code


def register(app: Flask, email: str, address: str = SCHOOL) -> int:
    r = app.test_client().post("/register", data={"name": "طالبة", "email": email, "password": PASSWORD,
                                                  "confirm": PASSWORD}, environ_base={"REMOTE_ADDR": address})
    return r.status_code


# --- sign in and register -----------------------------------------------------------------------

def test_forty_students_behind_one_address_all_sign_in_under_the_default_limits(limited: Callable[..., Flask]) -> None:
    app = limited()
    emails = accounts(app, 40)
    typos = [sign_in(app, email, "wrong-password") for email in emails[:3]]  # three mistype first
    assert typos == [200, 200, 200]
    assert [sign_in(app, email) for email in emails] == [302] * 40


def test_wrong_passwords_lock_that_account_but_not_its_classmates(limited: Callable[..., Flask]) -> None:
    app = limited(LOGIN_ACCOUNT_RATE_LIMIT="3 per minute")
    victim, classmate = accounts(app, 2)
    assert [sign_in(app, victim.upper(), "guess") for _ in range(3)] == [200, 200, 200]  # any case: one account
    assert sign_in(app, victim) == 429  # even the right password, for a while
    assert sign_in(app, victim, address=HOME) == 429  # from anywhere
    assert sign_in(app, classmate) == 302  # the same address signs others in


def test_wrong_passwords_from_one_address_lock_that_address_only(limited: Callable[..., Flask]) -> None:
    app = limited(LOGIN_RATE_LIMIT="3 per minute")
    (student,) = accounts(app, 1)
    assert [sign_in(app, f"nobody{i}@example.org", "guess") for i in range(3)] == [200, 200, 200]
    assert sign_in(app, student) == 429
    assert sign_in(app, student, address=HOME) == 302


def test_registrations_count_only_when_refused_and_share_the_address_budget(limited: Callable[..., Flask]) -> None:
    app = limited(LOGIN_RATE_LIMIT="3 per minute")
    assert [register(app, f"new{i}@school.example") for i in range(8)] == [302] * 8  # a class makes accounts
    assert [register(app, "new0@school.example") for _ in range(3)] == [200, 200, 200]  # taken: refused
    assert register(app, "new0@school.example") == 429
    assert sign_in(app, "new1@school.example") == 429  # one budget for both forms
    assert register(app, "new9@school.example", address=HOME) == 302


# --- join codes ---------------------------------------------------------------------------------------

def join(client: FlaskClient, code: str, address: str = SCHOOL) -> int:
    return client.post("/join", data={"code": code}, environ_base={"REMOTE_ADDR": address}).status_code


def open_link(client: FlaskClient, path: str, address: str = SCHOOL) -> int:
    return client.get(path, environ_base={"REMOTE_ADDR": address}).status_code


def test_wrong_codes_never_refuse_the_right_code_a_direct_link_or_a_class_code(limited: Callable[..., Flask]) -> None:
    app = limited(JOIN_RATE_LIMIT="3 per minute")
    with get_db(app).session() as s:
        teacher = user_service.create_account(s, name="معلمة", email="t@school.example", password=PASSWORD,
                                              role="teacher")
        class_code = class_service.create_class(s, teacher.id, "الصف الأول").code
    client = app.test_client()
    assert [join(client, "ZZZZZZ"), open_link(client, "/q/ZZZZZY"), open_link(client, "/c/ZZZZZX")] == [400, 404, 404]
    assert join(client, "ZZZZZW") == 429 and open_link(client, "/q/ZZZZZV") == 429  # this address is spent
    # ...for codes that lead nowhere only: the right ones, typed or followed, still work.
    assert join(client, "asfura") == 302
    assert open_link(client, "/q/ASFURA") == 200
    assert join(client, class_code.lower()) == 302
    assert open_link(client, f"/c/{class_code}") == 200
    r = client.post("/q/ASFURA/start", data={"name": "سارة"}, environ_base={"REMOTE_ADDR": SCHOOL})
    assert r.status_code == 302 and "/attempt/" in r.location
    assert join(app.test_client(), "ZZZZZU", address=HOME) == 400  # other addresses count on their own


def test_a_wrong_code_retyped_by_a_whole_class_counts_once(limited: Callable[..., Flask]) -> None:
    app = limited(JOIN_RATE_LIMIT="3 per minute")
    assert [join(app.test_client(), "ASFURO") for _ in range(12)] == [400] * 12  # copied wrong from the board
    assert [open_link(app.test_client(), "/q/ZZZZZY"), open_link(app.test_client(), "/q/ZZZZZX")] == [404, 404]
    assert open_link(app.test_client(), "/q/ZZZZZW") == 429  # the third distinct wrong code spent it


def test_an_empty_or_overlong_code_is_no_guess(limited: Callable[..., Flask]) -> None:
    app = limited(JOIN_RATE_LIMIT="1 per minute")
    client = app.test_client()
    assert [join(client, ""), join(client, "   "), join(client, "A" * 40)] == [400, 400, 400]
    assert join(client, "ZZZZZZ") == 400  # the one allowed wrong code is still there


def test_guests_joining_with_the_right_code_are_not_counted_as_guesses(limited: Callable[..., Flask]) -> None:
    app = limited(JOIN_RATE_LIMIT="1 per minute")
    for n in range(30):
        r = app.test_client().post("/q/ASFURA/start", data={"name": f"طالب {n}"},
                                   environ_base={"REMOTE_ADDR": SCHOOL})
        assert r.status_code == 302
    with get_db(app).session() as s:
        assert s.scalar(select(func.count()).select_from(models.Attempt)) == 30
