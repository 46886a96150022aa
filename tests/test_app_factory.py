"""The factory: configuration layers, SQLite settings, first-run seeding, CLI and Arabic error pages."""

from __future__ import annotations

import json
import pathlib
from typing import Any

import pytest
from flask import Flask, abort
from flask.testing import FlaskClient, FlaskCliRunner
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from quiz import create_app, models, seed
from quiz.db import get_db, get_session


def fresh_app(tmp_path: pathlib.Path, **config: Any) -> Flask:
    base = {"TESTING": True, "INSTANCE_PATH": str(tmp_path / "instance"),
            "DATABASE_URL": f"sqlite:///{tmp_path / 'x.sqlite3'}", "SEED_ON_START": False}
    return create_app({**base, **config})


def counts(session: Session) -> dict[str, int]:
    return {m.__tablename__: session.scalar(select(func.count()).select_from(m)) or 0
            for m in (models.Article, models.Bank, models.BankQuestion, models.Quiz, models.QuizQuestion)}


def test_defaults_serve_sqlite_from_the_instance_folder(tmp_path: pathlib.Path) -> None:
    app = create_app({"INSTANCE_PATH": str(tmp_path / "inst"), "SEED_ON_START": False})
    assert app.config["DATABASE_URL"] == f"sqlite:///{tmp_path / 'inst' / 'fahim.sqlite3'}"
    assert (app.config["HOST"], app.config["PORT"]) == ("127.0.0.1", 5000)
    assert (tmp_path / "inst" / "fahim.sqlite3").exists()


def test_environment_and_instance_file_layer_over_defaults(tmp_path: pathlib.Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    inst = tmp_path / "instance"
    inst.mkdir()
    (inst / "config.py").write_text("PORT = 6000\nHOST = '0.0.0.0'\n", encoding="utf-8")
    monkeypatch.setenv("FAHIM_PORT", "7001")
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'env.sqlite3'}")
    app = create_app({"INSTANCE_PATH": str(inst), "SEED_ON_START": False})
    assert (app.config["HOST"], app.config["PORT"]) == ("0.0.0.0", 7001)
    assert app.config["DATABASE_URL"].endswith("env.sqlite3")
    assert create_app({"INSTANCE_PATH": str(inst), "SEED_ON_START": False, "PORT": 1}).config["PORT"] == 1


def test_the_secret_key_is_created_once_and_kept(tmp_path: pathlib.Path) -> None:
    first = create_app({"INSTANCE_PATH": str(tmp_path), "SEED_ON_START": False}).config["SECRET_KEY"]
    second = create_app({"INSTANCE_PATH": str(tmp_path), "SEED_ON_START": False}).config["SECRET_KEY"]
    assert first == second and len(first) == 64
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0


@pytest.mark.sqlite_only
def test_sqlite_runs_with_wal_busy_timeout_and_foreign_keys(app: Flask) -> None:
    with get_db(app).engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() == 5000


def test_constraints_are_named_for_migrations(app: Flask) -> None:
    names = {c.name for t in models.Base.metadata.tables.values() for c in t.constraints}
    assert "uq_attempts_quiz_id_user_id_number" in names
    assert "uq_responses_attempt_id_quiz_question_id" in names
    assert "ck_quizzes_layout" in names and "pk_users" in names
    assert all(n for n in names)


def test_first_run_loads_the_built_in_article_bank_and_a_ready_quiz(session: Session) -> None:
    quiz = session.scalars(select(models.Quiz)).one()
    article = quiz.bank.article
    assert (quiz.code, quiz.published, article.owner_id) == ("ASFURA", True, None)
    assert article.title == "ترامب ونصري عصفورة: تحالف أمني" and article.source
    assert article.published_on is None  # no guessed date: relative dates stay unresolved
    statuses = set(session.scalars(select(models.BankQuestion.status)))
    assert statuses == {"approved"}
    bank_kinds = set(session.scalars(select(models.BankQuestion.kind)))
    quiz_kinds = {json.loads(qq.data_json)["kind"] for qq in quiz.questions}
    assert quiz_kinds == bank_kinds and 6 <= len(quiz.questions) <= seed.BUILTIN_QUIZ_SIZE


def test_seeding_again_adds_nothing(app: Flask, session: Session, tmp_path: pathlib.Path) -> None:
    before = counts(session)
    assert before["quizzes"] == 1
    assert seed.ensure_builtin(session) is None
    again = create_app({"TESTING": True, "INSTANCE_PATH": app.instance_path,
                        "DATABASE_URL": app.config["DATABASE_URL"], "SEED_ON_START": True})
    with get_db(again).session() as s:
        assert counts(s) == before


def test_a_concurrent_second_seeder_rolls_back_cleanly(app: Flask, session: Session,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    # Two processes both checked before either committed: the fixed UNIQUE join code makes the
    # second insert fail, and its whole transaction (article, bank, questions) rolls back.
    monkeypatch.setattr(seed, "builtin_article", lambda *_: None)
    monkeypatch.setattr(seed.quiz_service, "find_by_code", lambda *_: None)
    before = counts(session)
    with get_db(app).session() as other:
        assert seed.ensure_builtin(other) is None
    assert counts(session) == before


def test_cli_seed_reports_an_existing_quiz(runner: FlaskCliRunner) -> None:
    result = runner.invoke(args=["seed"])
    assert result.exit_code == 0 and "already loaded" in result.output


@pytest.mark.no_seed
def test_cli_seed_loads_into_an_empty_database(runner: FlaskCliRunner) -> None:
    result = runner.invoke(args=["seed"])
    assert result.exit_code == 0 and "seeded quiz ASFURA" in result.output


@pytest.mark.parametrize(("code", "words"), [
    (400, "طلب غير صالح"), (403, "غير مسموح"), (404, "الصفحة غير موجودة"), (405, "طريقة غير مسموحة"),
])
def test_error_pages_speak_arabic(app: Flask, client: FlaskClient, code: int, words: str) -> None:
    app.add_url_rule(f"/boom-{code}", f"boom{code}", lambda: abort(code))
    r = client.post("/") if code == 405 else client.get(f"/boom-{code}")
    html = r.get_data(as_text=True)
    assert r.status_code == code
    assert words in html and 'lang="ar" dir="rtl"' in html


def test_the_500_page_rolls_the_session_back(app: Flask, client: FlaskClient, session: Session) -> None:
    def broken() -> str:
        get_session().add(models.User(name="نصف محفوظ", role="guest"))
        get_session().flush()
        raise RuntimeError("boom")

    app.add_url_rule("/broken", "broken", broken)
    app.config["PROPAGATE_EXCEPTIONS"] = False
    r = client.get("/broken")
    assert r.status_code == 500 and "خطأ في الخادم" in r.get_data(as_text=True)
    assert session.scalar(select(func.count(models.User.id)).where(models.User.name == "نصف محفوظ")) == 0


def test_errors_answer_json_to_fetch(client: FlaskClient) -> None:
    r = client.get("/no-such-page", headers={"Accept": "application/json"})
    assert r.status_code == 404 and r.json == {"error": "الصفحة غير موجودة", "message": r.json["message"]}


def test_static_files_are_served(client: FlaskClient) -> None:
    assert client.get("/static/css/app.css").status_code == 200
    js = client.get("/static/js/app.js")
    assert js.status_code == 200 and b"X-CSRFToken" in js.data
