"""Before submission no page or response holds an answer; attempts are private; every POST needs CSRF."""

from __future__ import annotations

import re
from typing import Any

import pytest
from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from conftest import csrf, login
from questions.model import FALSE_LABEL, TRUE_LABEL, Article, Bank, Question, Source
from quiz import create_app, models
from quiz.db import get_db
from quiz.services import attempts as svc

SOURCE = "جملة المصدر السرية التي تحمل الجواب."
SRC = Source(SOURCE, 5, 11)

# Typed answers are unique made-up words, so finding one anywhere in a page means it leaked.
LEAK_BANK = Bank(
    article=Article(key="leak-test", title="فحص التسريب", text=SOURCE),
    questions=(
        Question(key="c", kind="cloze", fact_type="person", prompt="أكمل: _____ قال ذلك.", answer="زمردان",
                 accepted=("زمردانوف",), source=SRC),
        Question(key="w", kind="wh", fact_type="place", prompt="أين حدث ذلك؟", answer="قرطبيل",
                 accepted=("مدينة قرطبيل",), source=SRC),
        Question(key="s", kind="short", fact_type="organization", prompt="ما اسم الهيئة؟", answer="هيئة سندلاف",
                 source=SRC),
        Question(key="n", kind="numeric", fact_type="number", prompt="كم عددهم؟", answer="98765", tolerance=0,
                 source=SRC),
        Question(key="m", kind="mcq", fact_type="place", prompt="أي مدينة؟", answer="الخيار ب",
                 choices=("الخيار أ", "الخيار ب", "الخيار ج", "الخيار د"), source=SRC),
        Question(key="t", kind="true_false", fact_type="date", prompt="هل هذا صحيح؟", answer=FALSE_LABEL,
                 choices=(TRUE_LABEL, FALSE_LABEL), source=SRC),
        Question(key="p", kind="matching", fact_type="person", prompt="صِل.", answer="",
                 pairs=(("يسار1", "يمين1"), ("يسار2", "يمين2"), ("يسار3", "يمين3")),
                 choices=("يمين3", "يمين1", "يمين2"), source=SRC),
        Question(key="o", kind="ordering", fact_type="date", prompt="رتّب.", answer="",
                 items=("حدث1", "حدث2", "حدث3", "حدث4"), choices=("حدث3", "حدث1", "حدث4", "حدث2"), source=SRC),
    ),
)
SECRETS = ["زمردان", "قرطبيل", "سندلاف", "98765", "السرية", SOURCE]
CORRECTNESS_WORDS = ["correct", "الإجابة الصحيحة", "صحيحة", "خاطئة", "data-answer", "is_correct", "score"]


def visible(html: str) -> str:
    """Return the page without tags and bidi wrappers (answers could hide split by <bdi>)."""
    return re.sub(r"<[^>]+>", "", html)


def assert_no_leak(body: str, where: str) -> None:
    for secret in SECRETS:
        assert secret not in body and secret not in visible(body), f"{secret!r} leaked in {where}"
    for word in CORRECTNESS_WORDS:
        assert word not in body, f"{word!r} found in {where}"
    # Every choice is marked up the same way; only its text differs.
    shapes = {re.sub(r'value="[^"]*"|<span>.*?</span>', "", m)
              for m in re.findall(r'<label class="choice">.*?</label>', body, re.S)
              if "checked" not in m}
    assert len(shapes) <= 2, f"choices are marked up differently in {where}: {shapes}"  # radio groups: mcq, tf
    # Matching rows all offer the same options in the same order.
    selects = [re.findall(r'<option value="([^"]*)"', s) for s in re.findall(r"<select.*?</select>", body, re.S)]
    assert all(s == selects[0] for s in selects), where


def post(client: FlaskClient, url: str, data: dict[str, Any] | None = None) -> Any:
    return client.post(url, data={"csrf_token": csrf(client), **(data or {})})


@pytest.mark.parametrize("layout", ["one_per_page", "all_on_one"])
def test_no_page_or_response_before_submission_holds_an_answer(client: FlaskClient, make_quiz: Any,
                                                                session: Session, layout: str) -> None:
    quiz = make_quiz(bank=LEAK_BANK, layout=layout, time_limit_seconds=900)
    pages = {"/": client.get("/"), f"/q/{quiz.code}": client.get(f"/q/{quiz.code}")}
    r = post(client, f"/q/{quiz.code}/start", {"name": "فاحص"})
    attempt_id = int(r.location.rsplit("/", 1)[1])
    for page in range(1, 9 if layout == "one_per_page" else 2):
        url = f"/attempt/{attempt_id}?page={page}"
        pages[url] = client.get(url)
    attempt = session.get(models.Attempt, attempt_id)
    assert attempt is not None
    items = svc.items(session, attempt)
    fields = {f"q-{it.qq_id}": (it.choices[0] if it.choices else "نص") for it in items if it.kind not in ("matching", "ordering")}
    token = csrf(client, f"/attempt/{attempt_id}")
    pages["autosave"] = client.post(f"/attempt/{attempt_id}/autosave", data=fields, headers={"X-CSRFToken": token})
    pages["form save"] = client.get(post(client, f"/attempt/{attempt_id}", {"page": "1", "go": "2", **fields}).location)
    pages["reload"] = client.get(f"/attempt/{attempt_id}")
    pages["my attempts"] = client.get("/me/attempts")
    pages["result before submit"] = client.get(f"/attempt/{attempt_id}/result", follow_redirects=True)
    for where, response in pages.items():
        assert response.status_code == 200, where
        assert_no_leak(response.get_data(as_text=True), where)
    # The scan would notice: after submission the review shows every answer and the source.
    post(client, f"/attempt/{attempt_id}/submit")
    review = visible(client.get(f"/attempt/{attempt_id}/result").get_data(as_text=True))
    assert all(s in review for s in ["زمردان", "قرطبيل", "سندلاف", "98765", "السرية"])


def test_ordering_items_are_never_shown_in_the_right_order(client: FlaskClient, make_quiz: Any) -> None:
    quiz = make_quiz(bank=LEAK_BANK)
    for n in range(8):
        other = client.application.test_client()
        r = post(other, f"/q/{quiz.code}/start", {"name": f"طالب {n}"})
        html = other.get(r.location).get_data(as_text=True)
        shown = re.findall(r"حدث\d", html)
        assert shown != ["حدث1", "حدث2", "حدث3", "حدث4"]


@pytest.mark.parametrize("path", ["/attempt/{id}", "/attempt/{id}/result", "/attempt/{id}?page=2"])
def test_another_students_attempt_is_not_found(client: FlaskClient, make_quiz: Any, make_user: Any,
                                               path: str) -> None:
    quiz = make_quiz()
    r = post(client, f"/q/{quiz.code}/start", {"name": "صاحب المحاولة"})
    attempt_id = int(r.location.rsplit("/", 1)[1])
    intruder = client.application.test_client()
    login(intruder, make_user())
    assert intruder.get(path.format(id=attempt_id)).status_code == 404
    anonymous = client.application.test_client()
    assert anonymous.get(path.format(id=attempt_id)).status_code == 404


@pytest.mark.parametrize("action", ["", "/autosave", "/submit", "/retry"])
def test_posting_to_another_students_attempt_is_not_found(client: FlaskClient, make_quiz: Any,
                                                          make_user: Any, action: str) -> None:
    quiz = make_quiz()
    r = post(client, f"/q/{quiz.code}/start", {"name": "صاحب المحاولة"})
    attempt_id = int(r.location.rsplit("/", 1)[1])
    intruder = client.application.test_client()
    login(intruder, make_user())
    token = csrf(intruder)
    r = intruder.post(f"/attempt/{attempt_id}{action}", data={"csrf_token": token, "page": "1"},
                      headers={"X-CSRFToken": token})
    assert r.status_code == 404


@pytest.mark.parametrize("path", ["/join", "/q/{code}/start", "/attempt/{id}", "/attempt/{id}/autosave",
                                  "/attempt/{id}/submit", "/attempt/{id}/retry", "/login", "/register",
                                  "/logout"])
def test_every_post_needs_a_csrf_token(client: FlaskClient, make_quiz: Any, path: str) -> None:
    quiz = make_quiz()
    r = post(client, f"/q/{quiz.code}/start", {"name": "طالب"})
    attempt_id = int(r.location.rsplit("/", 1)[1])
    r = client.post(path.format(code=quiz.code, id=attempt_id), data={"name": "x", "code": quiz.code})
    assert r.status_code == 400
    assert "انتهت صلاحية" in r.get_data(as_text=True)


def test_a_logged_out_cookie_stops_working(client: FlaskClient, make_user: Any) -> None:
    make_user(email="copy@example.org", password="long-password")
    r = post(client, "/login", {"email": "copy@example.org", "password": "long-password"})
    assert r.status_code == 302
    stolen = client.get_cookie("session")
    assert stolen is not None
    post(client, "/logout")
    thief = client.application.test_client()
    thief.set_cookie("session", stolen.value)
    assert thief.get("/me/attempts").status_code == 302  # sent to sign in: the old cookie is dead
    assert 'class="who"' not in thief.get("/").get_data(as_text=True)


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/x", "javascript:alert(1)"])
def test_login_never_redirects_off_site(client: FlaskClient, make_user: Any, target: str) -> None:
    make_user(email="nav@example.org", password="long-password")
    r = client.post(f"/login?next={target}", data={"csrf_token": csrf(client, "/login"),
                                                    "email": "nav@example.org", "password": "long-password"})
    assert r.status_code == 302 and r.location == "/me/attempts"


@pytest.mark.parametrize(("name", "status", "message"), [
    ("سارة\u202egnp.exe", 400, "رموز تحكّم"),
    ("\u2067سارة\u2069", 400, "رموز تحكّم"),
    (" \u200f\t ", 400, "اكتب اسمك"),
    ("\u200fسارة\u200e ", 302, None),
    ("س" * 61, 400, "حرفان على الأقل"),
])
def test_display_names_with_hidden_controls_are_refused(client: FlaskClient, make_quiz: Any, session: Session,
                                                        name: str, status: int, message: str | None) -> None:
    r = post(client, f"/q/{make_quiz().code}/start", {"name": name})
    assert r.status_code == status
    if message:
        assert message in r.get_data(as_text=True)
    else:
        assert session.scalars(select(models.User.name)).one() == "سارة"


@pytest.mark.parametrize(("method", "path", "data", "status"), [
    ("GET", "/attempt/" + "9" * 30, None, 404),
    ("GET", "/attempt/{id}?page=" + "9" * 5000, None, 200),
    ("GET", "/attempt/{id}?page=²", None, 200),
    ("POST", "/attempt/{id}", {"page": "-7", "go": "9" * 5000}, 302),
    ("POST", "/attempt/{id}", {"page": "١", "go": "٣"}, 302),
])
def test_absurd_numbers_in_urls_and_forms_are_harmless(client: FlaskClient, make_quiz: Any, method: str, path: str,
                                                       data: dict[str, str] | None, status: int) -> None:
    r = post(client, f"/q/{make_quiz(layout='one_per_page').code}/start", {"name": "طالب"})
    attempt_id = int(r.location.rsplit("/", 1)[1])
    url = path.format(id=attempt_id)
    r = client.get(url) if method == "GET" else post(client, url, data)
    assert r.status_code == status
    if data and data["go"] == "٣":
        assert r.location == f"/attempt/{attempt_id}?page=3"


@pytest.mark.no_seed
def test_guessing_join_codes_is_rate_limited_but_a_class_joining_is_not(tmp_path: Any) -> None:
    app = create_app({"TESTING": True, "INSTANCE_PATH": str(tmp_path), "SEED_ON_START": True,
                      "DATABASE_URL": f"sqlite:///{tmp_path / 'join.sqlite3'}", "WTF_CSRF_ENABLED": False,
                      "JOIN_RATE_LIMIT": "3 per minute", "RATELIMIT_ENABLED": True})
    client = app.test_client()
    # A class behind one address: right codes never count, however many students type them.
    for _ in range(6):
        assert client.post("/join", data={"code": "asfura"}).status_code == 302
        assert client.get("/q/ASFURA").status_code == 200
    # Wrong codes count on every route that looks one up, together.
    assert client.post("/join", data={"code": "ZZZZZZ"}).status_code == 400
    assert client.get("/q/ZZZZZY").status_code == 404
    assert client.post("/q/ZZZZZX/start", data={"name": "ضيف"}).status_code == 404
    blocked = client.post("/join", data={"code": "ZZZZZW"})
    assert blocked.status_code == 429
    assert "طلبات كثيرة" in blocked.get_data(as_text=True)
    assert client.get("/q/ZZZZZV").status_code == 429
    # Another address is not affected.
    other = client.get("/q/ASFURA", environ_base={"REMOTE_ADDR": "10.0.0.9"})
    assert other.status_code == 200
    get_db(app).engine.dispose()
