"""Hostile input across every form, upload and URL: each gets a clear 4xx or a validation message,
never a 500 and never a partial write (every table's row count is unchanged unless a case says
what it may add), and whatever is stored comes back escaped."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from conftest import SAMPLE_ANSWERS, csrf, login
from quiz import models
from quiz.services import attempts as attempt_service
from quiz.services import users as user_service
from teacher_helpers import use_fast_password_hashing

TEN_MB = 10 * 1024 * 1024
HUGE = "9" * 40
RLO = "\u202e"  # RIGHT-TO-LEFT OVERRIDE: flips how the rest of a line is shown
TABLES = (models.User, models.Article, models.Bank, models.BankQuestion, models.Quiz, models.QuizQuestion,
          models.Attempt, models.Response, models.Invitation)


def row_counts(session: Session) -> dict[str, int]:
    """Return every table's row count."""
    session.expire_all()
    return {m.__tablename__: session.scalar(select(func.count()).select_from(m)) or 0 for m in TABLES}


@dataclass
class World:
    """A student in an attempt, another student with theirs, a teacher with a quiz, their ids."""

    app: Flask
    student: FlaskClient
    other: FlaskClient
    teacher: FlaskClient
    ids: dict[str, Any] = field(default_factory=dict)

    def token(self, client: FlaskClient, path: str = "/login") -> str:
        """Return a valid CSRF token of ``client``'s session."""
        return csrf(client, path)


def _first(items: list[attempt_service.Item], pred: Callable[[attempt_service.Item], bool]) -> int:
    return next(it.qq_id for it in items if pred(it))


@pytest.fixture
def world(app: Flask, session: Session, make_user: Callable[..., models.User],
          make_quiz: Callable[..., models.Quiz], monkeypatch: pytest.MonkeyPatch) -> World:
    use_fast_password_hashing(monkeypatch)
    student, other, teacher = app.test_client(), app.test_client(), app.test_client()
    w = World(app, student, other, teacher)
    me = make_user(role="student")
    them = make_user(role="student")
    boss = make_user(role="teacher")
    login(student, me)
    login(other, them)
    login(teacher, boss)
    quiz = make_quiz()
    mine = attempt_service.start_attempt(session, quiz, me.id)
    theirs = attempt_service.start_attempt(session, quiz, them.id)
    items = attempt_service.items(session, mine)
    owned_quiz = make_quiz()
    owned_quiz.owner_id = boss.id
    owned_quiz.bank.article.owner_id = boss.id
    session.commit()
    w.ids = {
        "code": quiz.code, "attempt": mine.id, "other_attempt": theirs.id, "quiz": quiz.id, "teacher_quiz": owned_quiz.id,
        "bank": owned_quiz.bank_id, "foreign_qq": owned_quiz.questions[0].id,  # not in the student's attempt
        "foreign_bq": quiz.bank.questions[0].id,  # not in the teacher's bank
        "text_qq": _first(items, lambda it: it.kind in ("wh", "short") and not it.choices),
        "numeric_qq": _first(items, lambda it: it.kind == "numeric"),
        "choice_qq": _first(items, lambda it: bool(it.choices)),
        "match_qq": _first(items, lambda it: it.kind == "matching"),
        "order_qq": _first(items, lambda it: it.kind == "ordering"),
    }
    return w


@dataclass(frozen=True)
class Case:
    """One hostile request: who sends it, where, with what, and what must come back."""

    name: str
    actor: str  # student | other | teacher | anon | tampered
    method: str
    path: str  # formatted with World.ids
    data: Callable[[World], Any] | None = None  # form fields (csrf added unless raw/no_csrf)
    status: tuple[int, ...] = (400,)
    message: str | None = None  # an Arabic validation message expected in the page
    raw: bytes | None = None  # a raw body sent as form data
    no_csrf: bool = False
    json_csrf: bool = False  # autosave: token in the X-CSRFToken header, like the page script
    content_type: str = "application/x-www-form-urlencoded"
    writes: dict[str, int] = field(default_factory=dict)  # rows a case may add at most, per table


def answer(key: str, value: Any) -> Callable[[World], dict[str, Any]]:
    return lambda w: {f"q-{w.ids[key]}": value}


NOT_FOUND = (404,)
TOO_LARGE = (413,)
FORBIDDEN = (403,)
JSON_OK = (200,)
REDIRECT = (302,)
AUTOSAVE = "/attempt/{attempt}/autosave"

CASES = [
    # --- join by code ---------------------------------------------------------------------------
    Case("join: empty code", "anon", "POST", "/join", lambda w: {"code": ""}, message="اكتب رمز الاختبار"),
    Case("join: whitespace-only code", "anon", "POST", "/join", lambda w: {"code": "   \t  "},
         message="اكتب رمز الاختبار"),
    Case("join: SQL fragment", "anon", "POST", "/join", lambda w: {"code": "' OR 1=1 --"},
         message="لا يوجد اختبار"),
    Case("join: NUL bytes", "anon", "POST", "/join", lambda w: {"code": "ASF\x00URA"}),
    Case("join: RTL override", "anon", "POST", "/join", lambda w: {"code": RLO + "ARUFSA"}, message="لا يوجد اختبار"),
    Case("join: 10 MB body", "anon", "POST", "/join", lambda w: {"code": "A" * TEN_MB}, status=TOO_LARGE,
         message="كبير جدًا"),
    Case("join: invalid UTF-8", "anon", "POST", "/join", raw=b"code=%FF%FE%FD&csrf_token=x"),
    Case("join: binary body", "anon", "POST", "/join", raw=bytes(range(256)) * 4),
    Case("join: no CSRF token", "anon", "POST", "/join", lambda w: {"code": "ASFURA"}, no_csrf=True,
         message="انتهت صلاحية"),
    # --- start as a visitor --------------------------------------------------------------------
    Case("start: empty name", "anon", "POST", "/q/{code}/start", lambda w: {"name": ""}, message="اكتب اسمك"),
    Case("start: whitespace-only name", "anon", "POST", "/q/{code}/start", lambda w: {"name": " \u200f\t "},
         message="اكتب اسمك"),
    Case("start: NUL in name", "anon", "POST", "/q/{code}/start", lambda w: {"name": "سا\x00رة"}),
    Case("start: RTL override in name", "anon", "POST", "/q/{code}/start",
         lambda w: {"name": "سارة" + RLO + "gnp.exe"}, message="رموز تحكّم"),
    Case("start: name of 10,000 letters", "anon", "POST", "/q/{code}/start", lambda w: {"name": "س" * 10_000}),
    Case("start: unknown quiz", "anon", "POST", "/q/NOPE99/start", lambda w: {"name": "سارة"}, status=NOT_FOUND),
    Case("start: SQL fragment as the code", "anon", "POST", "/q/x'%20OR%20'1'='1/start", lambda w: {"name": "سارة"},
         status=NOT_FOUND),
    # --- answers: autosave (fetch) and the form fallback ----------------------------------------
    Case("autosave: 10 MB answer", "student", "POST", AUTOSAVE, answer("text_qq", "ب" * TEN_MB), status=TOO_LARGE,
         json_csrf=True),
    Case("autosave: choice not among the options", "student", "POST", AUTOSAVE, answer("choice_qq", "خيار مزيف"),
         status=JSON_OK, json_csrf=True),
    Case("autosave: a question of another quiz", "student", "POST", AUTOSAVE,
         lambda w: {f"q-{w.ids['foreign_qq']}": "x"}, status=JSON_OK, json_csrf=True),
    Case("autosave: a question id that does not exist", "student", "POST", AUTOSAVE,
         lambda w: {"q-999999": "x", f"q-{HUGE}": "x", "q--1": "x"}, status=JSON_OK, json_csrf=True),
    Case("autosave: huge and negative ranks", "student", "POST", AUTOSAVE,
         lambda w: {f"q-{w.ids['order_qq']}-i0": HUGE, f"q-{w.ids['order_qq']}-i1": "-5",
                    f"q-{w.ids['order_qq']}-i2": "1e309"}, status=JSON_OK, json_csrf=True,
         writes={"responses": 1}),
    Case("autosave: matching option from nowhere", "student", "POST", AUTOSAVE,
         lambda w: {f"q-{w.ids['match_qq']}-r0": "<b>x</b>", f"q-{w.ids['match_qq']}-r99": "y"},
         status=JSON_OK, json_csrf=True),
    Case("autosave: huge number typed", "student", "POST", AUTOSAVE, answer("numeric_qq", HUGE + "e99999"),
         status=JSON_OK, json_csrf=True, writes={"responses": 1}),
    Case("autosave: NUL bytes typed", "student", "POST", AUTOSAVE, answer("text_qq", "هندو\x00راس\x00"),
         json_csrf=True),
    Case("autosave: invalid UTF-8", "student", "POST", AUTOSAVE, raw=b"q-1=%FF%FE&q-2=%C0%AF", json_csrf=True,
         status=JSON_OK),
    Case("autosave: JSON instead of a form", "student", "POST", AUTOSAVE, raw=b'{"q-1": [1, 2, {"a": null}]}',
         content_type="application/json", json_csrf=True, status=JSON_OK),
    Case("autosave: no CSRF header", "student", "POST", AUTOSAVE, answer("text_qq", "x"), no_csrf=True),
    Case("autosave: another student's attempt", "student", "POST", "/attempt/{other_attempt}/autosave",
         answer("text_qq", "x"), status=NOT_FOUND, json_csrf=True),
    Case("save: huge and negative page numbers", "student", "POST", "/attempt/{attempt}",
         lambda w: {"page": "-7", "go": HUGE}, status=REDIRECT),
    Case("save: Arabic-Indic page digits", "student", "POST", "/attempt/{attempt}",
         lambda w: {"page": "١٢", "go": "٣"}, status=REDIRECT),
    Case("save: another student's attempt", "student", "POST", "/attempt/{other_attempt}",
         lambda w: {"page": "1"}, status=NOT_FOUND),
    # --- URLs -----------------------------------------------------------------------------------
    Case("take: page out of range and not a number", "student", "GET", "/attempt/{attempt}?page=" + HUGE,
         status=(200,)),
    Case("take: page is text", "student", "GET", "/attempt/{attempt}?page=%3Cscript%3E", status=(200,)),
    Case("take: an attempt id past 64 bits", "student", "GET", "/attempt/" + HUGE, status=NOT_FOUND),
    Case("take: another student's attempt", "student", "GET", "/attempt/{other_attempt}", status=NOT_FOUND),
    Case("result: another student's attempt", "student", "GET", "/attempt/{other_attempt}/result", status=NOT_FOUND),
    Case("submit: another student's attempt", "student", "POST", "/attempt/{other_attempt}/submit",
         lambda w: {"submit": "1"}, status=NOT_FOUND),
    Case("retry: another student's attempt", "student", "POST", "/attempt/{other_attempt}/retry", lambda w: {},
         status=NOT_FOUND),
    Case("quiz page: code with NUL and RTL override", "anon", "GET", "/q/AS%00" + RLO),
    Case("quiz page: code with RTL override", "anon", "GET", "/q/" + RLO + "ARUFSA", status=NOT_FOUND),
    Case("tampered session cookie: take", "tampered", "GET", "/attempt/{attempt}", status=NOT_FOUND),
    Case("tampered session cookie: submit", "tampered", "POST", "/attempt/{attempt}/submit",
         lambda w: {"submit": "1"}, no_csrf=True),
    Case("export: id past 64 bits", "teacher", "GET", "/export/quiz/" + HUGE + ".anki", status=NOT_FOUND),
    Case("export: unknown format", "teacher", "GET", "/export/quiz/{teacher_quiz}.exe", status=NOT_FOUND),
    # --- sign in and register -------------------------------------------------------------------
    Case("login: SQL fragment as email", "anon", "POST", "/login",
         lambda w: {"email": "' OR '1'='1' --", "password": "x"}, status=(200,), message="بريد إلكتروني غير صالح"),
    Case("login: 10 MB password", "anon", "POST", "/login",
         lambda w: {"email": "a@b.org", "password": "p" * TEN_MB}, status=TOO_LARGE),
    Case("register: NUL in name", "anon", "POST", "/register",
         lambda w: {"name": "سا\x00رة", "email": "nul@example.org", "password": "long-password-1",
                    "confirm": "long-password-1"}),
    Case("register: RTL override in email", "anon", "POST", "/register",
         lambda w: {"name": "سارة", "email": RLO + "gro.elpmaxe@evil", "password": "long-password-1",
                    "confirm": "long-password-1"}, status=(200,), message="رموز تحكّم"),
    Case("register: 10,000-letter password", "anon", "POST", "/register",
         lambda w: {"name": "سارة", "email": "long@example.org", "password": "p" * 10_000,
                    "confirm": "p" * 10_000}, status=(200,), message="كلمة المرور"),
    # --- teacher forms and uploads --------------------------------------------------------------
    Case("article: whitespace-only text", "teacher", "POST", "/teacher/articles/new",
         lambda w: {"title": "عنوان", "text": " \n\t  \r\n "}, status=(200,), message="فارغ"),
    Case("article: only invisible marks", "teacher", "POST", "/teacher/articles/new",
         lambda w: {"title": "عنوان", "text": "\u200f\u200e" + RLO}, status=(200,), message="فارغ"),  # the marks are removed
    Case("article: NUL bytes in text", "teacher", "POST", "/teacher/articles/new",
         lambda w: {"title": "عنوان", "text": "نص\x00عربي"}),
    Case("article: title of 10,000 letters", "teacher", "POST", "/teacher/articles/new",
         lambda w: {"title": "ع" * 10_000, "text": "نص عربي قصير."}, status=(200,)),
    Case("article: impossible date", "teacher", "POST", "/teacher/articles/new",
         lambda w: {"title": "عنوان", "text": "نص عربي.", "published_on": "99999-99-99"}, status=(200,)),
    Case("upload: 10 MB file", "teacher", "POST", "/teacher/articles/new",
         lambda w: {"title": "عنوان", "upload": (io.BytesIO(b"a" * TEN_MB), "big.txt")}, status=TOO_LARGE,
         content_type="multipart/form-data"),
    Case("upload: binary file", "teacher", "POST", "/teacher/articles/new",
         lambda w: {"title": "عنوان", "upload": (io.BytesIO(bytes(range(256)) * 8), "a.txt")}, status=(200,),
         message="ثنائي", content_type="multipart/form-data"),
    Case("upload: invalid UTF-8", "teacher", "POST", "/teacher/articles/new",
         lambda w: {"title": "عنوان", "upload": (io.BytesIO("نص عربي".encode("cp1256") + b"\xff\xfe"), "a.txt")},
         status=(200,), message="UTF-8", content_type="multipart/form-data"),
    Case("upload: executable disguised by name", "teacher", "POST", "/teacher/articles/new",
         lambda w: {"title": "عنوان", "upload": (io.BytesIO(b"MZ\x90\x00"), "article.txt.exe")}, status=(200,),
         message="غير مدعوم", content_type="multipart/form-data"),
    Case("upload: file name with path and RTL override", "teacher", "POST", "/teacher/articles/new",
         lambda w: {"title": "عنوان", "upload": (io.BytesIO(b"\x00\x01"), "../../" + RLO + "txt.exe")},
         status=(200,), content_type="multipart/form-data"),
    Case("quiz settings: huge and negative numbers", "teacher", "POST", "/teacher/quizzes/{teacher_quiz}/settings",
         lambda w: {"title": "اختبار", "time_limit_minutes": HUGE, "attempts_allowed": "-3", "grading": "highest",
                    "layout": "all_on_one", "review": "immediately"}, status=(200,), message="من 1 إلى 600"),
    Case("quiz settings: values outside the choices", "teacher", "POST",
         "/teacher/quizzes/{teacher_quiz}/settings",
         lambda w: {"title": "اختبار", "grading": "'; DROP TABLE quizzes; --", "layout": "x", "review": "y"},
         status=(200,)),
    Case("new quiz: another teacher's question ids", "teacher", "POST", "/teacher/banks/{bank}/quizzes/new",
         lambda w: {"title": "اختبار", "mode": "pick", "questions": [str(w.ids["foreign_bq"]), HUGE, "-1"],
                    "grading": "highest", "layout": "all_on_one", "review": "immediately"}, status=(200,)),
    Case("teacher: a bank id past 64 bits", "teacher", "GET", "/teacher/banks/" + HUGE, status=NOT_FOUND),
    Case("teacher: invitation token that is a path", "anon", "GET", "/teacher/invite/..%2F..%2Fetc%2Fpasswd",
         status=NOT_FOUND),
    Case("teacher: a student opens a teacher page", "student", "GET", "/teacher/", status=FORBIDDEN),
]


def client_for(world: World, actor: str) -> FlaskClient:
    if actor == "tampered":
        client = world.app.test_client()
        login(client, models.User(id=1, name="x", session_version=0))
        cookie = client.get_cookie("session")
        assert cookie is not None
        value = cookie.value
        client.set_cookie("session", value[:-3] + ("AAA" if not value.endswith("AAA") else "BBB"))
        return client
    if actor == "anon":
        return world.app.test_client()
    return {"student": world.student, "other": world.other, "teacher": world.teacher}[actor]


@pytest.mark.no_seed
@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_hostile_input_gets_a_clear_answer_and_writes_nothing(world: World, session: Session, case: Case) -> None:
    client = client_for(world, case.actor)
    path = case.path.format(**world.ids)
    headers: dict[str, str] = {}
    token = "" if case.no_csrf or case.actor == "tampered" else world.token(
        client, "/teacher/" if case.actor == "teacher" else "/login")
    before = row_counts(session)
    if case.method == "GET":
        r = client.get(path)
    elif case.raw is not None:
        if case.json_csrf:
            headers["X-CSRFToken"] = token
        else:
            path += ("&" if "?" in path else "?")
        r = client.post(path, data=case.raw, content_type=case.content_type, headers=headers)
    else:
        data = case.data(world) if case.data else {}
        if case.json_csrf and token:
            headers["X-CSRFToken"] = token
            headers["Accept"] = "application/json"
        elif token:
            data["csrf_token"] = token
        r = client.post(path, data=data, content_type=case.content_type, headers=headers)
    assert r.status_code in case.status, (r.status_code, r.get_data(as_text=True)[:500])
    assert r.status_code < 500
    body = r.get_data(as_text=True)
    if case.message:
        assert case.message in body
    if r.status_code >= 400 and r.mimetype == "text/html":
        assert 'lang="ar"' in body  # the Arabic error page, not a bare server message
    after = row_counts(session)
    for table, count in before.items():  # nothing written, or at most the rows the case allows
        assert count <= after[table] <= count + case.writes.get(table, 0), f"{table}: {count} -> {after[table]}"


def test_the_table_covers_at_least_forty_hostile_inputs() -> None:
    assert len(CASES) >= 40 and len({c.name for c in CASES}) == len(CASES)


# --- accepted, stored, and always shown escaped ------------------------------------------------------

SCRIPT = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def test_html_and_script_in_a_display_name_are_stored_as_text_and_shown_escaped(client: FlaskClient,
                                                                               session: Session) -> None:
    token = csrf(client, "/q/ASFURA")
    r = client.post("/q/ASFURA/start", data={"csrf_token": token, "name": "سارة " + SCRIPT})
    assert r.status_code == 302
    user = session.scalars(select(models.User).order_by(models.User.id.desc())).first()
    assert user is not None and SCRIPT[:20] in user.name
    for page in ("/", r.headers["Location"], "/me/attempts"):
        html = client.get(page, follow_redirects=True).get_data(as_text=True)
        assert "<script>alert" not in html and "onerror=alert" not in html.replace("onerror=alert(1)&gt;", "")


@pytest.mark.no_seed
def test_html_typed_as_an_answer_comes_back_escaped_on_the_page_and_in_json(world: World, session: Session) -> None:
    qq = world.ids["text_qq"]
    token = world.token(world.student)
    r = world.student.post(f"/attempt/{world.ids['attempt']}/autosave", data={f"q-{qq}": SCRIPT},
                           headers={"X-CSRFToken": token, "Accept": "application/json"})
    assert r.status_code == 200 and r.get_json()["ok"]
    saved = session.scalars(select(models.Response).where(models.Response.quiz_question_id == qq)).one()
    assert json.loads(saved.answer_json).startswith("<script>")
    html = world.student.get(f"/attempt/{world.ids['attempt']}").get_data(as_text=True)
    assert "<script>alert" not in html and "&lt;script&gt;" in html


def test_a_csrf_token_replayed_after_logout_is_refused(app: Flask, client: FlaskClient, session: Session) -> None:
    user = user_service.create_account(session, name="سارة", email="replay@example.org", password="long-password-1")
    token = csrf(client, "/login")
    r = client.post("/login", data={"csrf_token": token, "email": "replay@example.org", "password": "long-password-1"})
    assert r.status_code == 302
    old = csrf(client, "/")
    assert client.post("/logout", data={"csrf_token": old}).status_code == 302
    before = row_counts(session)
    r = client.post("/register", data={"csrf_token": old, "name": "متسلل", "email": "x@example.org",
                                       "password": "long-password-2", "confirm": "long-password-2"})
    assert r.status_code == 400 and "انتهت صلاحية" in r.get_data(as_text=True)
    # The copied cookie of the signed-in session no longer works either (session version bumped).
    session.refresh(user)
    assert user.session_version == 1 and row_counts(session) == before


# --- a copied guest cookie ----------------------------------------------------------------------------

def _guest_in_an_attempt(client: FlaskClient) -> str:
    r = client.post("/q/ASFURA/start", data={"csrf_token": csrf(client, "/q/ASFURA"), "name": "سارة"})
    assert r.status_code == 302 and "/attempt/" in r.location
    return r.location


def test_a_copied_guest_cookie_stops_working_when_the_guest_logs_out(app: Flask, client: FlaskClient) -> None:
    attempt = _guest_in_an_attempt(client)
    assert client.get(attempt).status_code == 200  # the page is now in the page cache too
    cookie = client.get_cookie("session")
    assert cookie is not None
    thief = app.test_client()
    thief.set_cookie("session", cookie.value)
    assert thief.get(attempt).status_code == 200  # a copy works while the guest is in
    assert client.post("/logout", data={"csrf_token": csrf(client, attempt)}).status_code == 302
    token = csrf(thief, "/")  # the copy still carries a valid CSRF secret, but no longer a user
    assert thief.get(attempt).status_code == 404
    assert thief.post(attempt + "/autosave", data={"x": "1"}, headers={"X-CSRFToken": token}).status_code == 404
    assert thief.post(attempt + "/submit", data={"csrf_token": token}).status_code == 404
    assert thief.get(attempt + "/result").status_code == 404
    assert thief.get("/me/attempts").status_code == 302  # to the sign-in page


def test_a_guests_earlier_cookie_does_not_open_the_account_it_became(app: Flask, client: FlaskClient,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    use_fast_password_hashing(monkeypatch)
    attempt = _guest_in_an_attempt(client)
    cookie = client.get_cookie("session")
    assert cookie is not None
    r = client.post("/register", data={"csrf_token": csrf(client, "/register"), "name": "سارة",
                                       "email": "sara@example.org", "password": "long-password-1",
                                       "confirm": "long-password-1"})
    assert r.status_code == 302 and client.get(attempt).status_code == 200  # the new account keeps the attempt
    thief = app.test_client()
    thief.set_cookie("session", cookie.value)
    assert thief.get(attempt).status_code == 404 and thief.get("/me/attempts").status_code == 302


# --- bidirectional controls in teacher text -----------------------------------------------------------

CONTROL = re.compile(r"[\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]"
                     r"|\\u(?:200[ef]|202[a-e]|206[6-9]|061c)|&#(?:x(?:200[ef]|202[a-e]|206[6-9]|61c)|82(?:06|07|3[4-8]"
                     r"|9[4-7])|1564);", re.IGNORECASE)  # the characters, and JSON or XML escapes of them
LRI, PDI, PDF, RLM = "\u2066", "\u2069", "\u202c", "\u200f"


def _controls(text: str) -> list[str]:
    return CONTROL.findall(text)


@pytest.mark.no_seed
def test_bidi_controls_in_teacher_text_are_removed_where_it_enters(session: Session, make_user: Any) -> None:
    from quiz.services import articles, assembly, bank_import, classes, review
    from teacher_helpers import NEWS_ARTICLE

    teacher = make_user("teacher")
    text = NEWS_ARTICLE.replace("وزارة الصحة", RLO + "وزارة الصحة" + PDF, 1).replace("14 مليون", LRI + "14 مليون" + PDI)
    bank = articles.create_article(session, teacher.id, title=RLO + "حملة التطعيم", text=text, source=RLM + "وكالة")
    mcq = next(bq for bq in bank.questions if bq.kind == "mcq")
    q = json.loads(mcq.data_json)
    review.edit_question(session, teacher.id, mcq.id, prompt=RLO + q["prompt"], answer=q["answer"] + RLM,
                         choices=[LRI + c + PDI for c in q["choices"]])
    review.add_question(session, teacher.id, bank.id, kind="short", prompt=RLO + "كم طفلًا تستهدف الحملة؟",
                        answer=LRI + "14 مليون" + PDI, source_text=text.split("\n")[0])
    review.approve_all(session, teacher.id, bank.id)
    ids = [bq.id for bq in bank.questions]
    quiz = assembly.create_quiz(session, teacher.id, bank.id, assembly.QuizSettings(title=RLO + "اختبار"), ids)
    assembly.publish(session, teacher.id, quiz.id)
    assembly.update_settings(session, teacher.id, quiz.id, assembly.QuizSettings(title=RLO + "اختبار الأسبوع"))
    classes.create_class(session, teacher.id, RLO + "الصف الأول")
    upload = json.dumps({"version": 1, "article": {"key": "imp", "title": RLO + "مستورد", "text": RLO + "نص",
                                                   "source": LRI + "مصدر"},
                         "questions": [{"key": "q1", "kind": "wh", "fact_type": "place", "prompt": RLO + "أين؟",
                                        "answer": "هنا" + RLM, "accepted": [LRI + "هناك"],
                                        "source": {"text": RLO + "هنا", "start": 1, "end": 4}}]},
                        ensure_ascii=False).encode()
    bank_import.import_bank(session, teacher.id, bank_import.parse_bank_upload("b.json", upload))
    session.expire_all()
    stored = [*session.scalars(select(models.Article.title)), *session.scalars(select(models.Article.text)),
              *filter(None, session.scalars(select(models.Article.source))),
              *session.scalars(select(models.BankQuestion.data_json)), *session.scalars(select(models.Quiz.title)),
              *session.scalars(select(models.QuizQuestion.data_json)),
              *session.scalars(select(models.SchoolClass.name))]
    assert len(stored) > 10 and [s for s in stored if _controls(s)] == []
    sources = [json.loads(d)["source"] for d in session.scalars(select(models.BankQuestion.data_json))]
    assert any(s["text"][s["start"]:s["end"]] == "هنا" for s in sources)  # offsets follow the removed characters


@pytest.mark.no_seed
def test_bidi_controls_already_stored_reach_no_student_page_and_no_export(
        app: Flask, client: FlaskClient, session: Session, make_user: Any, make_quiz: Any, tmp_path: Any) -> None:
    from test_export_anki import open_apkg

    teacher = make_user("teacher")
    quiz = make_quiz(layout="all_on_one", review="immediately")
    quiz.owner_id = teacher.id
    quiz.title = RLO + "اختبار " + quiz.title
    article = quiz.bank.article
    article.title, article.source = RLO + article.title, LRI + "وكالة" + PDI
    for qq in quiz.questions:  # written as rows were before the rule: straight into the database
        d = json.loads(qq.data_json)
        d["prompt"] = RLO + d["prompt"] + PDF
        d["choices"] = [LRI + c + PDI for c in d["choices"]]
        d["source"]["text"] = RLM + d["source"]["text"]
        qq.data_json = json.dumps(d, ensure_ascii=False)
    session.commit()
    pages = [client.get("/").get_data(as_text=True)]
    r = client.post(f"/q/{quiz.code}/start", data={"csrf_token": csrf(client, f"/q/{quiz.code}"), "name": "سارة"})
    attempt = r.location
    pages.append(client.get(f"/q/{quiz.code}").get_data(as_text=True))
    pages.append(client.get(attempt).get_data(as_text=True))
    assert "في أي بلد فاز نصري عصفورة بالانتخابات؟" in pages[-1]  # the questions are there, controls gone
    client.post(attempt + "/submit", data={"csrf_token": csrf(client, attempt)})
    pages += [client.get(attempt + "/result").get_data(as_text=True), client.get("/me/attempts").get_data(as_text=True)]
    assert [p for p in pages if _controls(p)] == []
    deck = client.get(f"/export/quiz/{quiz.id}.anki")  # the student's Anki deck
    assert deck.status_code == 200
    notes = open_apkg(deck.data, tmp_path).notes
    assert notes and [n for n in notes.values() if _controls(json.dumps(n, ensure_ascii=False))] == []
    login(client, teacher)
    for fmt in ("moodle-xml", "gift", "csv", "tsv", "json"):
        r = client.get(f"/export/quiz/{quiz.id}.{fmt}")
        assert r.status_code == 200 and not _controls(r.get_data(as_text=True)), fmt
        assert "attachment" in r.headers["Content-Disposition"]
        assert not _controls(unquote(r.headers["Content-Disposition"])), fmt  # the file's name, decoded


# --- the database file --------------------------------------------------------------------------------

@pytest.mark.no_seed
def test_the_sqlite_database_and_its_wal_files_are_readable_by_their_owner_only(tmp_path: Any) -> None:
    import os
    import stat

    from quiz import create_app
    from quiz.db import get_db

    old = os.umask(0o022)  # the usual umask, which leaves new files readable by everyone
    try:
        app = create_app({"TESTING": True, "INSTANCE_PATH": str(tmp_path / "instance"), "SECRET_KEY": "x",
                          "SEED_ON_START": False, "RATELIMIT_ENABLED": False})
        with get_db(app).session() as s:  # a write, so the WAL and shared-memory files exist
            user_service.create_guest(s, "سارة")
        files = sorted((tmp_path / "instance").glob("fahim.sqlite3*"))
        modes = {f.name: stat.S_IMODE(f.stat().st_mode) for f in files}
        get_db(app).engine.dispose()
    finally:
        os.umask(old)
    assert set(modes) >= {"fahim.sqlite3", "fahim.sqlite3-wal", "fahim.sqlite3-shm"}
    assert set(modes.values()) == {0o600}, {k: oct(v) for k, v in modes.items()}


# --- a close time moved while students answer -----------------------------------------------------------

@pytest.mark.no_seed
def test_no_answer_gets_in_after_the_teacher_moves_the_close_time_earlier(
        app: Flask, session: Session, make_user: Callable[..., models.User], make_quiz: Callable[..., models.Quiz],
        monkeypatch: pytest.MonkeyPatch) -> None:
    from test_deadlines import MINUTE, Clock, autosave, form_fields

    clock = Clock(monkeypatch)
    clock.now = clock.now.replace(second=30, microsecond=0)
    teacher, late, done = app.test_client(), app.test_client(), app.test_client()
    boss = make_user(role="teacher")
    login(teacher, boss)
    quiz = make_quiz(closes_at=clock.now + 60 * MINUTE, review="after_close", owner_id=boss.id, timezone="UTC")
    quiz.bank.article.owner_id = boss.id
    session.commit()
    late_user, done_user = make_user(role="student"), make_user(role="student")
    login(late, late_user)
    login(done, done_user)
    mine = attempt_service.start_attempt(session, quiz, late_user.id).id
    theirs = attempt_service.start_attempt(session, quiz, done_user.id).id
    assert autosave(late, session, mine, {"mcq1": "هندوراس"}).get_json()["ok"]  # the fast path from now on
    done.post(f"/attempt/{theirs}/submit", data={"csrf_token": csrf(done, "/")})
    assert "review-list" not in done.get(f"/attempt/{theirs}/result").get_data(as_text=True)

    new_close = clock.now.replace(second=0) + MINUTE  # the settings form takes minutes, in the quiz's zone
    r = teacher.post(f"/teacher/quizzes/{quiz.id}/settings", data={
        "csrf_token": csrf(teacher, f"/teacher/quizzes/{quiz.id}/settings"), "title": quiz.title,
        "closes_at": new_close.strftime("%Y-%m-%dT%H:%M"), "timezone": "UTC", "grading": "highest",
        "layout": "all_on_one", "review": "after_close"})
    assert r.status_code == 302, r.get_data(as_text=True)
    clock.move(MINUTE)

    everything = form_fields(session, mine, SAMPLE_ANSWERS)
    token = csrf(late, "/")
    assert autosave(late, session, mine, {"tf1": SAMPLE_ANSWERS["tf1"]}).status_code == 409
    assert late.post(f"/attempt/{mine}", data={"csrf_token": token, "page": "1", **everything}).status_code == 302
    assert late.post(f"/attempt/{mine}/submit", data={"csrf_token": token, **everything}).status_code == 302
    assert late.get(f"/attempt/{mine}").location == f"/attempt/{mine}/result"
    assert late.post(f"/q/{quiz.code}/start", data={"csrf_token": token}).location == f"/q/{quiz.code}"
    session.expire_all()
    attempt = session.get(models.Attempt, mine)
    assert attempt is not None and attempt.submitted_at == new_close and attempt.score == 1.0
    saved = session.scalars(select(models.Response.saved_at).where(models.Response.attempt_id == mine)).all()
    assert len(saved) == 1 and max(saved) < new_close
    assert session.scalar(select(func.count(models.Attempt.id)).where(models.Attempt.quiz_id == quiz.id)) == 2
    assert "review-list" in done.get(f"/attempt/{theirs}/result").get_data(as_text=True)
