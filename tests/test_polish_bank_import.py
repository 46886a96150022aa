"""Teachers import a bank from Fahim's JSON: it round-trips, bad files say why in Arabic and save nothing."""

from __future__ import annotations

import json
from collections.abc import Callable
from io import BytesIO
from typing import Any

import pytest
from flask.testing import FlaskClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from conftest import sample_bank
from questions.model import BANK_VERSION
from quiz import models
from quiz.exports.bankjson import import_bank_json
from quiz.services import banks as bank_service
from quiz.services import bank_import
from teacher_helpers import Browser, sign_in

pytestmark = pytest.mark.no_seed

MakeUser = Callable[..., models.User]


def upload(browser: Browser, data: bytes, filename: str = "bank.json", url: str = "/teacher/import") -> Any:
    """POST ``data`` as the import form's file."""
    return browser.post(url, data={"upload": (BytesIO(data), filename)}, content_type="multipart/form-data")


def counts(session: Session) -> tuple[int, int, int]:
    session.expire_all()
    return tuple(session.scalar(select(func.count()).select_from(m))  # type: ignore[return-value]
                 for m in (models.Article, models.Bank, models.BankQuestion))


def good_json(**changes: Any) -> dict[str, Any]:
    d = sample_bank("imported").to_dict()
    d.update(changes)
    return d


def test_a_bank_exported_as_json_imports_back_with_the_same_questions(
        client: FlaskClient, session: Session, make_user: MakeUser) -> None:
    teacher = make_user("teacher")
    original = bank_service.save_bank(session, sample_bank("round-trip"), teacher.id, status="approved")
    browser = sign_in(client, teacher)
    exported = client.get(f"/export/bank/{original.id}.json")
    assert exported.status_code == 200

    resp = upload(browser, exported.data, "fahim-bank.json")
    assert resp.status_code == 302
    new_id = int(resp.location.rsplit("/", 1)[1])
    assert resp.location == f"/teacher/banks/{new_id}" and new_id != original.id
    assert "بانتظار مراجعتك" in client.get(resp.location).get_data(as_text=True)

    session.expire_all()
    row = session.get(models.Bank, new_id)
    assert row is not None and row.article.owner_id == teacher.id
    assert row.article.key == "round-trip" and row.article.title == "مقال تجريبي"
    assert {bq.status for bq in row.questions} == {"pending"}
    imported = bank_service.bank_from_db(session, new_id)
    before = {q.key: q for q in sample_bank("round-trip").questions}
    assert {q.key: q for q in imported.questions} == before


def test_the_json_the_generator_prints_imports_as_a_bank(client: FlaskClient, session: Session,
                                                         make_user: MakeUser) -> None:
    from quiz.seed import builtin_bank

    bank = builtin_bank()
    printed = json.dumps(bank.to_dict(), ensure_ascii=False, indent=1).encode("utf-8")  # as `generate --json`
    browser = sign_in(client, make_user("teacher"))
    resp = upload(browser, printed, "asfura.json")
    assert resp.status_code == 302
    imported = bank_service.bank_from_db(session, int(resp.location.rsplit("/", 1)[1]))
    assert [q.key for q in imported.questions] == [q.key for q in bank.questions]
    assert imported.questions == bank.questions


def _deep(n: int) -> bytes:
    return b"[" * n + b"]" * n


BAD_FILES = [
    ("not json", b"this is not JSON at all", "bank.json", "ليس JSON صالحًا"),
    ("deeply nested json", _deep(100_000), "bank.json", "ليس JSON صالحًا"),
    ("not utf-8", "{\"version\": 1}".encode("utf-16"), "bank.json", "UTF-8"),
    ("empty file", b"   ", "bank.json", "الملف فارغ"),
    ("a list, not an object", b"[1, 2]", "bank.json", "المتوقع كائن JSON"),
    ("wrong version", json.dumps(good_json(version=99)).encode(), "bank.json", "غير مدعوم"),
    ("no questions key", json.dumps({"version": BANK_VERSION, "article": {"key": "a"}}).encode(), "bank.json",
     "«questions»"),
    ("no article key", json.dumps({"version": BANK_VERSION, "questions": []}).encode(), "bank.json", "«article»"),
    ("no questions", json.dumps(good_json(questions=[])).encode(), "bank.json", "لا أسئلة"),
    ("a question without its answer", json.dumps(good_json(questions=[
        {k: v for k, v in sample_bank().questions[0].to_dict().items() if k != "answer"}])).encode(),
     "bank.json", "السؤال رقم 1"),
    ("an answer outside the choices", json.dumps(good_json(questions=[
        dict(sample_bank().questions[0].to_dict(), answer="ليس خيارًا")])).encode(), "bank.json", "ليست من خياراته"),
    ("duplicate keys", json.dumps(good_json(questions=[sample_bank().questions[0].to_dict()] * 2)).encode(),
     "bank.json", "مكرر"),
    ("a NUL character", json.dumps(good_json(article={"key": "a", "title": "x\u0000y", "text": ""})).encode(),
     "bank.json", "محارف غير صالحة"),
    ("a lone surrogate", json.dumps(good_json(article={"key": "a", "title": "\ud800", "text": ""})).encode(),
     "bank.json", "محارف غير صالحة"),
    ("a key too long for the database", json.dumps(good_json(article={"key": "k" * 65, "text": ""})).encode(),
     "bank.json", "أطول من 64"),
    ("not a .json file", json.dumps(good_json()).encode(), "bank.txt", "ملف JSON"),
]


@pytest.mark.parametrize("data,filename,message", [b[1:] for b in BAD_FILES], ids=[b[0] for b in BAD_FILES])
def test_a_bad_file_is_refused_with_an_arabic_message_and_nothing_saved(
        client: FlaskClient, session: Session, make_user: MakeUser, data: bytes, filename: str,
        message: str) -> None:
    browser = sign_in(client, make_user("teacher"))
    before = counts(session)
    resp = upload(browser, data, filename)
    assert resp.status_code == 400
    html = resp.get_data(as_text=True)
    assert message in html and 'class="error"' in html
    assert counts(session) == before


def test_a_file_over_the_import_limit_is_refused_with_an_arabic_message(
        client: FlaskClient, session: Session, make_user: MakeUser, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bank_import, "MAX_IMPORT_BYTES", 1000)
    browser = sign_in(client, make_user("teacher"))
    before = counts(session)
    resp = upload(browser, json.dumps(good_json()).encode())
    assert resp.status_code == 400 and "الملف كبير جدًا" in resp.get_data(as_text=True)
    assert counts(session) == before


def test_a_file_over_the_request_limit_gets_the_arabic_too_large_page(
        client: FlaskClient, session: Session, make_user: MakeUser) -> None:
    browser = sign_in(client, make_user("teacher"))
    before = counts(session)
    resp = upload(browser, b" " * (3 * 1024 * 1024))
    assert resp.status_code == 413 and "الملف كبير جدًا" in resp.get_data(as_text=True)
    assert counts(session) == before


def test_posting_without_a_file_asks_for_one(client: FlaskClient, make_user: MakeUser) -> None:
    browser = sign_in(client, make_user("teacher"))
    resp = browser.post("/teacher/import", data={}, content_type="multipart/form-data")
    assert resp.status_code == 400 and "اختر ملف" in resp.get_data(as_text=True)


def test_the_dashboard_and_the_import_page_show_the_upload_form(client: FlaskClient, make_user: MakeUser) -> None:
    sign_in(client, make_user("teacher"))
    for page in ("/teacher/", "/teacher/import"):
        html = client.get(page).get_data(as_text=True)
        assert 'action="/teacher/import"' in html and 'enctype="multipart/form-data"' in html
        assert 'name="csrf_token"' in html and 'type="file"' in html


def test_importing_needs_a_csrf_token(client: FlaskClient, session: Session, make_user: MakeUser) -> None:
    sign_in(client, make_user("teacher"))
    before = counts(session)
    resp = client.post("/teacher/import", data={"upload": (BytesIO(json.dumps(good_json()).encode()), "b.json")},
                       content_type="multipart/form-data")
    assert resp.status_code == 400
    assert counts(session) == before


@pytest.mark.parametrize("who,status", [("student", 403), ("guest", 403), (None, 302)],
                         ids=["a student is forbidden", "a guest is forbidden", "a visitor is sent to sign in"])
def test_only_teachers_may_import(client: FlaskClient, session: Session, make_user: MakeUser,
                                  who: str | None, status: int) -> None:
    browser = sign_in(client, make_user(who)) if who else Browser(client)
    before = counts(session)
    assert client.get("/teacher/import").status_code == status
    resp = upload(browser, json.dumps(good_json()).encode())
    assert resp.status_code == status
    assert counts(session) == before


def test_the_imported_bank_belongs_to_the_importer_only(client: FlaskClient, session: Session,
                                                         make_user: MakeUser) -> None:
    importer, other = make_user("teacher"), make_user("teacher")
    resp = upload(sign_in(client, importer), json.dumps(good_json()).encode())
    bank_id = int(resp.location.rsplit("/", 1)[1])
    sign_in(client, other)
    assert client.get(f"/teacher/banks/{bank_id}").status_code == 404
    assert import_bank_json(json.dumps(good_json()).encode()).article.key == "imported"
