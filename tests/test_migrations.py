"""Alembic migrations: the migrated schema is the models' schema on SQLite and PostgreSQL, the first
run migrates a new database, `flask db upgrade` brings an old one up to date, and workers starting
together migrate once."""

from __future__ import annotations

import datetime as dt
import json
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, inspect, select, text

from databases import POSTGRES_URL, postgres_url
from quiz import create_app, models
from quiz.db import get_db, make_engine
from quiz.migrate import BASELINE, current_revision, downgrade, head, schema_diff, upgrade


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """Return an engine on an empty database of each backend."""
    if request.param == "sqlite":
        engine = make_engine(f"sqlite:///{tmp_path / 'm.sqlite3'}")
        yield engine
        engine.dispose()
        return
    schema = f"fahim_mig_{uuid.uuid4().hex[:12]}"
    admin = make_engine(POSTGRES_URL)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    engine = make_engine(postgres_url(schema))
    yield engine
    engine.dispose()
    with admin.begin() as conn:
        conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()


def revision_of(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return current_revision(conn)


def test_the_migrated_schema_is_exactly_the_models_schema(empty_engine: Engine) -> None:
    upgrade(empty_engine)
    assert revision_of(empty_engine) == head()
    assert schema_diff(empty_engine) == []


def test_downgrading_to_base_and_upgrading_again_round_trips(empty_engine: Engine) -> None:
    upgrade(empty_engine)
    downgrade(empty_engine, "base")
    assert set(inspect(empty_engine).get_table_names()) <= {"alembic_version"}
    upgrade(empty_engine)
    assert schema_diff(empty_engine) == []


def test_upgrading_an_up_to_date_database_changes_nothing(empty_engine: Engine) -> None:
    upgrade(empty_engine)
    with empty_engine.begin() as conn:
        conn.execute(models.User.__table__.insert().values(name="سارة", role="student", created_at=models.utcnow(),
                                                          session_version=0))
    upgrade(empty_engine)
    with empty_engine.connect() as conn:
        assert conn.execute(select(models.User.name)).scalars().all() == ["سارة"]


def test_workers_starting_together_migrate_once_without_errors(empty_engine: Engine) -> None:
    errors: list[BaseException] = []

    def run() -> None:
        try:
            upgrade(empty_engine)
        except BaseException as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=run) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert revision_of(empty_engine) == head() and schema_diff(empty_engine) == []


def test_the_first_run_migrates_a_new_sqlite_database_to_head(tmp_path: Path) -> None:
    app = create_app({"INSTANCE_PATH": str(tmp_path / "inst"), "SEED_ON_START": True, "SECRET_KEY": "x"})
    engine = get_db(app).engine
    assert revision_of(engine) == head() and schema_diff(engine) == []
    with get_db(app).session() as s:
        assert s.scalars(select(models.Quiz.code)).all() == ["ASFURA"]
    engine.dispose()


def test_a_database_created_before_migrations_is_adopted_and_keeps_its_rows(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    old = make_engine(url)
    # Before Alembic the app made its schema with create_all: the first revision's tables, unversioned
    # (today's models would hold columns added by later revisions).
    upgrade(old, BASELINE)
    with old.begin() as conn:
        conn.execute(text("DROP TABLE alembic_version"))
    with old.begin() as conn:
        conn.execute(models.User.__table__.insert().values(name="قديم", role="teacher", created_at=models.utcnow(),
                                                          session_version=0))
    old.dispose()
    app = create_app({"INSTANCE_PATH": str(tmp_path / "inst"), "DATABASE_URL": url, "SEED_ON_START": False,
                      "SECRET_KEY": "x"})
    engine = get_db(app).engine
    assert revision_of(engine) == head() and schema_diff(engine) == []
    with engine.connect() as conn:
        assert conn.execute(select(models.User.name)).scalars().all() == ["قديم"]
    engine.dispose()


def test_flask_db_upgrade_brings_an_old_database_up_to_date(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    app = create_app({"INSTANCE_PATH": str(tmp_path / "inst"), "DATABASE_URL": url, "SEED_ON_START": False,
                      "CREATE_SCHEMA": False, "SECRET_KEY": "x"})
    runner = app.test_cli_runner()
    engine = get_db(app).engine
    assert revision_of(engine) is None
    result = runner.invoke(args=["db", "upgrade"])
    assert result.exit_code == 0, result.output
    assert f"database at revision {head()}" in result.output
    check = runner.invoke(args=["db", "check"])
    assert check.exit_code == 0 and "schema matches the models" in check.output
    current = runner.invoke(args=["db", "current"])
    assert f"database: {head()}" in current.output
    down = runner.invoke(args=["db", "downgrade", "base"])
    assert down.exit_code == 0 and "database at revision None" in down.output
    assert runner.invoke(args=["db", "check"]).exit_code != 0
    engine.dispose()


def test_open_attempts_keep_their_own_time_limit_and_no_longer_a_copy_of_the_close_time(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'limits.sqlite3'}"
    app = create_app({"INSTANCE_PATH": str(tmp_path / "inst"), "DATABASE_URL": url, "SEED_ON_START": True,
                      "SECRET_KEY": "x"})
    engine = get_db(app).engine
    downgrade(engine, "0004")
    started = models.utcnow()
    closes = started + dt.timedelta(minutes=5)
    with engine.begin() as conn:
        conn.execute(text("UPDATE quizzes SET time_limit_seconds = 600, closes_at = :c"), {"c": closes})
        quiz_id = conn.execute(text("SELECT id FROM quizzes")).scalar_one()
        user_id = conn.execute(models.User.__table__.insert().values(
            name="طالب", role="guest", created_at=started, session_version=0)).inserted_primary_key[0]
        for number, submitted in ((1, started), (2, None)):  # the stored deadline: the close time of then
            conn.execute(text(
                "INSERT INTO attempts (quiz_id, user_id, number, practice, question_ids_json, option_order_json, "
                "started_at, deadline_at, submitted_at) VALUES (:q, :u, :n, 0, '[]', '{}', :s, :d, :sub)"),
                {"q": quiz_id, "u": user_id, "n": number, "s": started, "d": closes, "sub": submitted})
    upgrade(engine)
    with get_db(app).session() as s:
        limits = dict(s.execute(select(models.Attempt.number, models.Attempt.time_limit_at)).all())
    assert limits == {1: closes, 2: started + dt.timedelta(minutes=10)}  # only the open one is recomputed
    downgrade(engine, "0004")
    with engine.connect() as conn:
        stored = conn.execute(text("SELECT deadline_at FROM attempts WHERE number = 2")).scalar_one()
    assert dt.datetime.fromisoformat(stored) == closes  # back to the earlier of the two
    engine.dispose()


def test_attempts_option_orders_become_positions_and_back(empty_engine: Engine) -> None:
    from conftest import sample_questions

    upgrade(empty_engine, "0005")
    by_kind = {q.kind: q for q in sample_questions()}
    mcq, tf, match, order = by_kind["mcq"], by_kind["true_false"], by_kind["matching"], by_kind["ordering"]
    old = {
        "1": {"choices": [mcq.choices[2], mcq.choices[0], mcq.choices[3], mcq.choices[1]]},
        "2": {"choices": list(tf.choices)},
        "3": {"rows": [match.pairs[1][0], match.pairs[2][0], match.pairs[0][0]],
              "options": [match.choices[2], match.choices[0], match.choices[1]]},
        "4": {"items": [order.items[2], order.items[0], order.items[1]]},
        "5": {},
    }
    now = models.utcnow()
    with empty_engine.begin() as conn:
        conn.execute(text("INSERT INTO users (id, name, role, created_at, session_version) "
                          "VALUES (1, 'سارة', 'guest', :now, 0)"), {"now": now})
        conn.execute(text("INSERT INTO articles (id, key, title, text, created_at) VALUES (1, 'k', 't', 'x', :now)"),
                     {"now": now})
        conn.execute(text("INSERT INTO banks (id, article_id, seed, version, drops_json, created_at) "
                          "VALUES (1, 1, 0, 1, '{}', :now)"), {"now": now})
        conn.execute(text("INSERT INTO quizzes (id, bank_id, title, code, grading, layout, review, published, created_at) "
                          "VALUES (1, 1, 'q', 'ABC', 'highest', 'all_on_one', 'immediately', true, :now)"), {"now": now})
        for i, q in enumerate((mcq, tf, match, order, by_kind["cloze"]), start=1):
            conn.execute(text("INSERT INTO quiz_questions (id, quiz_id, position, points, data_json) "
                              "VALUES (:id, 1, :id, 1, :data)"), {"id": i, "data": json.dumps(q.to_dict())})
        conn.execute(text("INSERT INTO attempts (id, quiz_id, user_id, number, practice, question_ids_json, "
                          "option_order_json, started_at) VALUES (1, 1, 1, 1, false, '[4, 1, 3, 2, 5]', :o, :now)"),
                     {"o": json.dumps(old, ensure_ascii=False), "now": now})
    upgrade(empty_engine)
    with empty_engine.connect() as conn:
        stored = conn.execute(text("SELECT option_order_json FROM attempts")).scalar_one()
    assert json.loads(stored) == {"1": {"choices": [2, 0, 3, 1]}, "3": {"rows": [1, 2, 0], "options": [2, 0, 1]},
                                  "4": {"items": [2, 0, 1]}}
    downgrade(empty_engine, "0005")
    with empty_engine.connect() as conn:
        restored = json.loads(conn.execute(text("SELECT option_order_json FROM attempts")).scalar_one())
    assert restored == old
