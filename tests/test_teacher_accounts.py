"""Teacher accounts: the create-teacher command, the first teacher from the environment, invitations,
sign-in rate limit, session renewal and a logout that really ends the session."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from sqlalchemy import select
from werkzeug.security import check_password_hash

from quiz import create_app, models
from quiz.db import get_db
from quiz.services import accounts
from quiz.services import users as user_service
from teacher_helpers import Browser, sign_in, use_fast_password_hashing

pytestmark = pytest.mark.no_seed


@pytest.fixture(autouse=True)
def _fast_hashing(monkeypatch):
    use_fast_password_hashing(monkeypatch)


def teacher_by_email(session, email):
    session.expire_all()
    return user_service.find_by_email(session, email)


# --- create-teacher and first run -------------------------------------------------------------

def test_create_teacher_command_creates_a_teacher_with_a_hashed_password(runner, session):
    result = runner.invoke(args=["create-teacher", "--name", "سلمى", "--email", "Salma@Example.org",
                                 "--password", "a long password"])
    assert result.exit_code == 0, result.output
    user = teacher_by_email(session, "salma@example.org")
    assert user.role == "teacher" and user.name == "سلمى"
    assert user.password_hash != "a long password" and check_password_hash(user.password_hash, "a long password")


def test_create_teacher_command_prompts_for_the_password(runner, session):
    result = runner.invoke(args=["create-teacher", "--name", "سلمى", "--email", "s@example.org"],
                           input="a long password\na long password\n")
    assert result.exit_code == 0, result.output
    assert teacher_by_email(session, "s@example.org").role == "teacher"


@pytest.mark.parametrize(("password", "message"), [("short", "ثمانية أحرف"), ("a long password", "يوجد حساب")])
def test_create_teacher_command_refuses_bad_input(runner, make_user, password, message):
    make_user("student", email="taken@example.org")
    result = runner.invoke(args=["create-teacher", "--name", "س", "--email", "taken@example.org",
                                 "--password", password])
    assert result.exit_code != 0 and message in result.output


def test_first_run_creates_the_teacher_from_the_environment_once(tmp_path, monkeypatch):
    monkeypatch.setenv("FAHIM_TEACHER_EMAIL", "boss@example.org")
    monkeypatch.setenv("FAHIM_TEACHER_PASSWORD", "12345678901")  # digits: must stay a string
    config = {"TESTING": True, "SEED_ON_START": False, "SECRET_KEY": "x",
              "DATABASE_URL": f"sqlite:///{tmp_path / 'env.sqlite3'}"}
    app = create_app(config)
    create_app(config)  # a second start must not fail or duplicate
    with get_db(app).session() as session:
        users = session.scalars(select(models.User)).all()
        assert [(u.email, u.role) for u in users] == [("boss@example.org", "teacher")]
        assert check_password_hash(users[0].password_hash, "12345678901")


# --- the first teacher through the setup page ----------------------------------------------------

def started_app(tmp_path, caplog):
    """Start a fresh app with no teacher and return it with the setup token its log printed."""
    config = {"TESTING": True, "SEED_ON_START": False, "SECRET_KEY": "setup-secret",
              "DATABASE_URL": f"sqlite:///{tmp_path / 'setup.sqlite3'}"}
    with caplog.at_level("WARNING"):
        app = create_app(config)
    m = re.search(r"/teacher/setup\?token=([0-9a-f]+)", caplog.text)
    assert m, caplog.text
    return app, m.group(1)


def setup_form(client, token):
    html = client.get(f"/teacher/setup?token={token}").get_data(as_text=True)
    csrf_token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html).group(1)
    return {"csrf_token": csrf_token, "token": token, "name": "سلمى", "email": "salma@example.org",
            "password": "a long password", "confirm": "a long password"}


def test_a_fresh_install_logs_a_setup_token_that_creates_the_first_teacher(tmp_path, caplog):
    app, token = started_app(tmp_path, caplog)
    client = app.test_client()
    page = client.get(f"/teacher/setup?token={token}")
    assert page.status_code == 200 and f'value="{token}"' in page.get_data(as_text=True)
    r = client.post("/teacher/setup", data=setup_form(client, token))
    assert r.status_code == 302 and r.headers["Location"].endswith("/teacher/")
    assert client.get("/teacher/").status_code == 200  # signed in as the new teacher
    with get_db(app).session() as session:
        assert teacher_by_email(session, "salma@example.org").role == "teacher"


def test_a_wrong_setup_token_creates_nobody(tmp_path, caplog):
    app, token = started_app(tmp_path, caplog)
    client = app.test_client()
    form = setup_form(client, token) | {"token": "0" * len(token)}
    r = client.post("/teacher/setup", data=form)
    assert r.status_code == 200 and "رمز الإعداد غير صحيح" in r.get_data(as_text=True)
    with get_db(app).session() as session:
        assert not accounts.teacher_exists(session)


def test_the_setup_page_is_gone_once_a_teacher_exists(tmp_path, caplog):
    app, token = started_app(tmp_path, caplog)
    with get_db(app).session() as session:
        accounts.create_teacher(session, name="أحمد", email="ahmad@example.org", password="a long password")
    client = app.test_client()
    assert client.get(f"/teacher/setup?token={token}").status_code == 404
    login_page = client.get("/login").get_data(as_text=True)
    csrf_token = re.search(r'name="csrf-token" content="([^"]+)"', login_page).group(1)
    r = client.post("/teacher/setup", data={"csrf_token": csrf_token, "token": token, "name": "دخيل",
                                             "email": "x@example.org", "password": "a long password",
                                             "confirm": "a long password"})
    assert r.status_code == 404
    with get_db(app).session() as session:
        assert user_service.find_by_email(session, "x@example.org") is None


def test_a_second_start_with_a_teacher_logs_no_token(tmp_path, caplog):
    app, token = started_app(tmp_path, caplog)
    with get_db(app).session() as session:
        accounts.create_teacher(session, name="أحمد", email="ahmad@example.org", password="a long password")
    caplog.clear()
    with caplog.at_level("WARNING"):
        create_app({"TESTING": True, "SEED_ON_START": False, "SECRET_KEY": "setup-secret",
                    "DATABASE_URL": app.config["DATABASE_URL"]})
    assert token not in caplog.text and "/teacher/setup" not in caplog.text


def test_the_setup_service_refuses_the_token_once_a_teacher_exists(session):
    expected = accounts.setup_token("k")
    accounts.create_first_teacher(session, token=expected, expected=expected, name="سلمى",
                                  email="salma@example.org", password="a long password")
    with pytest.raises(accounts.AccountError):
        accounts.create_first_teacher(session, token=expected, expected=expected, name="أحمد",
                                      email="ahmad@example.org", password="a long password")


# --- invitations --------------------------------------------------------------------------------

@pytest.fixture
def teacher(make_user):
    return make_user("teacher", name="سلمى", email="salma@example.org")


def invite_link(browser: Browser) -> str:
    r = browser.post("/teacher/invitations", follow_redirects=True)
    m = re.search(r"(http://localhost/teacher/invite/[A-Za-z0-9_\-]+)", r.get_data(as_text=True))
    assert m, "the invite link is shown once after creating it"
    return m.group(1).replace("http://localhost", "")


NEW_TEACHER = {"name": "كريم", "email": "karim@example.org", "password": "another password",
               "confirm": "another password"}


def test_an_invitation_link_creates_a_teacher_once(app, client, session, teacher):
    path = invite_link(sign_in(client, teacher))
    guest = Browser(app.test_client())
    assert "حساب معلّم جديد" in guest.get(path).get_data(as_text=True)
    r = guest.post(path, NEW_TEACHER)
    assert r.status_code == 302 and r.headers["Location"].endswith("/teacher/")
    assert guest.get("/teacher/").status_code == 200  # signed in as the new teacher
    assert teacher_by_email(session, "karim@example.org").role == "teacher"
    again = Browser(app.test_client())
    assert again.get(path).status_code == 404
    assert again.post(path, {**NEW_TEACHER, "email": "third@example.org"}).status_code == 404
    assert teacher_by_email(session, "third@example.org") is None


def test_an_expired_or_forged_invitation_is_refused(app, session, teacher):
    past = models.utcnow() - dt.timedelta(days=8)
    token, _ = accounts.create_invitation(session, teacher, now=past)
    guest = Browser(app.test_client())
    assert guest.get(f"/teacher/invite/{token}").status_code == 404
    assert guest.get("/teacher/invite/not-a-real-token").status_code == 404


def test_only_the_hash_of_an_invitation_token_is_stored(session, teacher):
    token, row = accounts.create_invitation(session, teacher)
    assert token not in row.token_hash and len(row.token_hash) == 64


def test_students_cannot_invite_teachers(session, make_user):
    with pytest.raises(accounts.AccountError):
        accounts.create_invitation(session, make_user("student"))


def test_accepting_an_invitation_with_a_taken_email_keeps_the_invitation(app, session, teacher):
    token, row = accounts.create_invitation(session, teacher)
    r = Browser(app.test_client()).post(f"/teacher/invite/{token}", {**NEW_TEACHER, "email": "salma@example.org"})
    assert r.status_code == 200 and "يوجد حساب" in r.get_data(as_text=True)
    assert accounts.find_invitation(session, token) is not None


# --- sign in and out ------------------------------------------------------------------------------

def login(browser: Browser, email: str, password: str):
    r = browser.post("/login", {"email": email, "password": password})
    browser.forget_token()  # signing in starts a new session, with a new CSRF token
    return r


def test_a_teacher_signs_in_and_lands_on_the_dashboard(app, teacher):
    browser = Browser(app.test_client())
    r = login(browser, "salma@example.org", "secret-pass")
    assert r.status_code == 302 and r.headers["Location"].endswith("/teacher/")
    assert "لوحة المعلّم" in browser.get("/teacher/").get_data(as_text=True)


def test_signing_in_renews_the_session(app, teacher):
    client = app.test_client()
    with client.session_transaction() as sess:
        sess["planted"] = "by an attacker"
    login(Browser(client), "salma@example.org", "secret-pass")
    with client.session_transaction() as sess:
        assert "planted" not in sess and sess["user_id"] == teacher.id


def test_a_copied_session_cookie_stops_working_after_logout(app, teacher):
    browser = Browser(app.test_client())
    login(browser, "salma@example.org", "secret-pass")
    stolen = browser.client.get_cookie("session").value
    assert browser.post("/logout").status_code == 302
    thief = app.test_client()
    thief.set_cookie("session", stolen)
    r = thief.get("/teacher/")
    assert r.status_code == 302 and "/login" in r.headers["Location"]


def test_sign_in_attempts_are_rate_limited(tmp_path, monkeypatch):
    monkeypatch.setenv("FAHIM_INSTANCE_PATH", str(tmp_path / "instance"))
    app = create_app({"TESTING": True, "SEED_ON_START": False, "SECRET_KEY": "x", "WTF_CSRF_ENABLED": False,
                      "DATABASE_URL": f"sqlite:///{tmp_path / 'rl.sqlite3'}", "RATELIMIT_ENABLED": True,
                      "LOGIN_RATE_LIMIT": "3 per minute"})
    client = app.test_client()
    codes = [client.post("/login", data={"email": "x@example.org", "password": "wrong"}).status_code
             for _ in range(5)]
    assert codes[:3] == [200, 200, 200] and codes[3:] == [429, 429]
