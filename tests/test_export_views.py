"""Download routes: teachers get their own banks and quizzes; students the Anki deck once review opens."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import zipfile
from collections.abc import Callable
from io import BytesIO
from pathlib import Path
from urllib.parse import unquote

import pytest
from flask import Flask, url_for
from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from conftest import login, past, sample_bank
from quiz import models
from quiz.exports import FORMATS, speech
from quiz.exports.anki import guid_for
from quiz.exports.bankjson import import_bank_json
from quiz.exports.views import content_disposition
from quiz.services import banks as bank_service

pytestmark = pytest.mark.no_seed

MakeUser = Callable[..., models.User]
MakeQuiz = Callable[..., models.Quiz]


def submitted_attempt(session: Session, quiz: models.Quiz, user: models.User) -> None:
    ids = [qq.id for qq in quiz.questions]
    session.add(models.Attempt(quiz_id=quiz.id, user_id=user.id, number=1, question_ids_json=json.dumps(ids),
                               submitted_at=past(), score=1.0, max_score=float(len(ids))))
    session.commit()


def test_a_teacher_downloads_their_bank_in_every_format(client: FlaskClient, session: Session,
                                                        make_user: MakeUser) -> None:
    teacher = make_user("teacher")
    row = bank_service.save_bank(session, sample_bank("mine"), teacher.id, status="approved")
    login(client, teacher)
    for fmt in ("anki", "moodle-xml", "gift", "csv", "tsv", "json"):
        resp = client.get(f"/export/bank/{row.id}.{fmt}")
        assert resp.status_code == 200, fmt
        assert resp.headers["Content-Disposition"].startswith(f'attachment; filename="fahim-bank-{row.id}.')
        assert resp.headers["Cache-Control"] == "private, no-store"
    for fmt in ("csv", "tsv", "gift"):
        resp = client.get(f"/export/bank/{row.id}.{fmt}")
        assert resp.headers["Content-Type"].count("charset") == 1, fmt
        assert resp.headers["Content-Type"].endswith("; charset=utf-8"), fmt
    resp = client.get(f"/export/bank/{row.id}.json")
    assert import_bank_json(resp.data).questions == sample_bank("mine").questions
    resp = client.get(f"/export/bank/{row.id}.anki")
    assert resp.mimetype == "application/apkg"
    assert "collection.anki2" in zipfile.ZipFile(BytesIO(resp.data)).namelist()


def test_a_bank_download_holds_the_approved_questions_and_all_on_request(client: FlaskClient, session: Session,
                                                    make_user: MakeUser) -> None:
    teacher = make_user("teacher")
    row = bank_service.save_bank(session, sample_bank("mine"), teacher.id, status="pending")
    row.questions[0].status = "approved"
    row.questions[1].status = "rejected"
    session.commit()
    login(client, teacher)
    everything = import_bank_json(client.get(f"/export/bank/{row.id}.json?all=1").data)
    approved = import_bank_json(client.get(f"/export/bank/{row.id}.json").data)
    assert len(everything.questions) == len(row.questions) - 1
    assert [q.key for q in approved.questions] == [row.questions[0].key]


def test_banks_and_quizzes_of_another_teacher_are_not_found(client: FlaskClient, session: Session,
                                                            make_user: MakeUser, make_quiz: MakeQuiz) -> None:
    owner, other = make_user("teacher"), make_user("teacher")
    row = bank_service.save_bank(session, sample_bank("theirs"), owner.id)
    quiz = make_quiz(owner_id=owner.id)
    login(client, other)
    assert client.get(f"/export/bank/{row.id}.gift").status_code == 404
    assert client.get(f"/export/quiz/{quiz.id}.anki").status_code == 404
    assert client.get("/export/bank/9999.gift").status_code == 404


def test_unknown_formats_are_not_found(client: FlaskClient, session: Session, make_user: MakeUser) -> None:
    teacher = make_user("teacher")
    row = bank_service.save_bank(session, sample_bank("mine"), teacher.id)
    login(client, teacher)
    assert client.get(f"/export/bank/{row.id}.pdf").status_code == 404


def test_visitors_are_sent_to_sign_in_and_students_cannot_export_banks(client: FlaskClient, session: Session,
                                                                       make_user: MakeUser) -> None:
    row = bank_service.save_bank(session, sample_bank("b"), make_user("teacher").id)
    resp = client.get(f"/export/bank/{row.id}.anki")
    assert resp.status_code == 302 and "/login" in resp.headers["Location"]
    login(client, make_user("student"))
    assert client.get(f"/export/bank/{row.id}.anki").status_code == 403


def test_a_teacher_downloads_their_quiz_as_its_published_snapshots(client: FlaskClient, session: Session,
                                                                   make_user: MakeUser, make_quiz: MakeQuiz) -> None:
    teacher = make_user("teacher")
    quiz = make_quiz(owner_id=teacher.id)
    login(client, teacher)
    got = import_bank_json(client.get(f"/export/quiz/{quiz.id}.json").data)
    assert [q.key for q in got.questions] == [q.key for q in sample_bank().questions]
    assert client.get(f"/export/quiz/{quiz.id}.moodle-xml").status_code == 200


@pytest.mark.parametrize(("review", "closes_in_minutes", "submitted", "fmt", "status"), [
    ("immediately", None, True, "anki", 200),
    ("immediately", None, False, "anki", 404),
    ("immediately", None, True, "json", 404),
    ("immediately", None, True, "moodle-xml", 404),
    ("after_close", 60, True, "anki", 404),
    ("after_close", -60, True, "anki", 200),
    ("never", None, True, "anki", 404),
])
def test_students_get_the_anki_deck_only_when_review_is_open_to_them(
        client: FlaskClient, session: Session, make_user: MakeUser, make_quiz: MakeQuiz, review: str,
        closes_in_minutes: int | None, submitted: bool, fmt: str, status: int) -> None:
    closes = None if closes_in_minutes is None else models.utcnow() + dt.timedelta(minutes=closes_in_minutes)
    quiz = make_quiz(review=review, closes_at=closes)
    student = make_user("student")
    if submitted:
        submitted_attempt(session, quiz, student)
    login(client, student)
    assert client.get(f"/export/quiz/{quiz.id}.{fmt}").status_code == status


def test_a_students_deck_from_a_quiz_shares_guids_with_the_banks_deck(
        client: FlaskClient, session: Session, make_user: MakeUser, make_quiz: MakeQuiz, tmp_path: Path) -> None:
    quiz = make_quiz()
    student = make_user("student")
    submitted_attempt(session, quiz, student)
    login(client, student)
    resp = client.get(f"/export/quiz/{quiz.id}.anki")
    assert resp.status_code == 200
    db = tmp_path / "c.anki2"
    db.write_bytes(zipfile.ZipFile(BytesIO(resp.data)).read("collection.anki2"))
    conn = sqlite3.connect(db)
    guids = {g for (g,) in conn.execute("SELECT guid FROM notes")}
    conn.close()
    article_key = quiz.bank.article.key
    assert guids == {guid_for(article_key, q.key) for q in sample_bank().questions}


@pytest.mark.parametrize(("stem", "title", "ext", "ascii_name"), [
    ("fahim-quiz-3", "اختبار: عصفورة", "apkg", "fahim-quiz-3.apkg"),
    ("fahim bank/..", 'a"b\\c', "csv", "fahim-bank.csv"),
    ("", "", "xml", "fahim.xml"),
])
def test_downloads_carry_an_ascii_filename_and_the_utf8_title(stem: str, title: str, ext: str,
                                                              ascii_name: str) -> None:
    header = content_disposition(stem, title, ext)
    ascii_part, utf8_part = header.split("; filename*=UTF-8''")
    assert ascii_part == f'attachment; filename="{ascii_name}"'
    assert header.isascii()
    decoded = unquote(utf8_part)
    assert decoded.endswith("." + ext)
    assert '"' not in decoded and "\\" not in decoded
    if title and title.isprintable() and '"' not in title:
        assert decoded == f"{title}.{ext}"


def test_endpoint_names_build_the_documented_urls(app: Flask) -> None:
    with app.test_request_context():
        assert url_for("exports.bank", bank_id=3, fmt="anki") == "/export/bank/3.anki"
        assert url_for("exports.quiz", quiz_id=5, fmt="moodle-xml") == "/export/quiz/5.moodle-xml"


def test_the_teachers_quiz_and_bank_pages_link_to_working_downloads(client: FlaskClient, session: Session,
                                                                   make_user: MakeUser, make_quiz: MakeQuiz) -> None:
    teacher = make_user("teacher")
    bank_row = bank_service.save_bank(session, sample_bank("own"), teacher.id, status="approved")
    quiz = make_quiz(owner_id=teacher.id)
    login(client, teacher)
    with client.application.test_request_context():
        pages = {url_for("teacher.quiz", quiz_id=quiz.id): f"/export/quiz/{quiz.id}",
                 url_for("teacher.bank", bank_id=bank_row.id): f"/export/bank/{bank_row.id}"}
    for page_url, prefix in pages.items():
        page = client.get(page_url).get_data(as_text=True)
        for fmt in FORMATS:
            link = f"{prefix}.{fmt}"
            assert f'href="{link}"' in page, (page_url, link)
            assert client.get(link).status_code == 200, link


def deck_notes(data: bytes, tmp_path: Path) -> dict[str, tuple[str, str]]:
    """Each note of an .apkg by GUID: (tags, fields)."""
    db = tmp_path / "deck.anki2"
    db.write_bytes(zipfile.ZipFile(BytesIO(data)).read("collection.anki2"))
    conn = sqlite3.connect(db)
    try:
        return {g: (t, f) for g, t, f in conn.execute("SELECT guid, tags, flds FROM notes")}
    finally:
        conn.close()


def test_a_rejected_question_leaves_every_export_but_stays_in_the_deck_tagged_removed(
        client: FlaskClient, session: Session, make_user: MakeUser, make_quiz: MakeQuiz, tmp_path: Path) -> None:
    teacher = make_user("teacher")
    quiz = make_quiz(owner_id=teacher.id)
    rejected = quiz.bank.questions[0]
    rejected.status = "rejected"
    session.commit()
    login(client, teacher)
    for prefix in (f"/export/quiz/{quiz.id}", f"/export/bank/{quiz.bank_id}"):
        kept = import_bank_json(client.get(f"{prefix}.json").data)
        assert rejected.key not in {q.key for q in kept.questions}, prefix
        assert len(kept.questions) == len(quiz.bank.questions) - 1, prefix
        notes = deck_notes(client.get(f"{prefix}.anki").data, tmp_path)
        guid = guid_for(quiz.bank.article.key, rejected.key)
        assert set(notes) == {guid_for(quiz.bank.article.key, q.key) for q in quiz.bank.questions}, prefix
        assert "fahim::removed" in notes[guid][0].split(), prefix
        assert not any("fahim::removed" in t for g, (t, _) in notes.items() if g != guid), prefix


def test_teachers_may_ask_for_the_answers_audio_and_students_get_the_plain_deck(
        client: FlaskClient, session: Session, make_user: MakeUser, make_quiz: MakeQuiz) -> None:
    teacher = make_user("teacher")
    quiz = make_quiz(owner_id=teacher.id)
    login(client, teacher)
    media = json.loads(zipfile.ZipFile(BytesIO(client.get(f"/export/quiz/{quiz.id}.anki?audio=1").data)).read("media"))
    assert media and all(name.endswith(".wav") for name in media.values())
    plain = zipfile.ZipFile(BytesIO(client.get(f"/export/quiz/{quiz.id}.anki").data)).read("media")
    assert plain == b"{}"
    student = make_user("student")
    submitted_attempt(session, quiz, student)
    login(client, student)
    resp = client.get(f"/export/quiz/{quiz.id}.anki?audio=1")
    assert resp.status_code == 200 and zipfile.ZipFile(BytesIO(resp.data)).read("media") == b"{}"


def test_audio_on_a_server_without_espeak_ng_is_unavailable(client: FlaskClient, session: Session,
                                                            make_user: MakeUser, make_quiz: MakeQuiz,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(speech.shutil, "which", lambda name: None)
    teacher = make_user("teacher")
    quiz = make_quiz(owner_id=teacher.id)
    login(client, teacher)
    assert client.get(f"/export/quiz/{quiz.id}.anki?audio=1").status_code == 503
    assert client.get(f"/export/quiz/{quiz.id}.anki").status_code == 200
