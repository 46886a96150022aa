"""Engine and sessions: one SQLAlchemy Session per request, kept on ``flask.g``, closed at teardown."""

from __future__ import annotations

import os
from typing import Any

from flask import Flask, current_app, g, has_request_context, request
from sqlalchemy import Engine, create_engine, event, make_url
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import StaticPool

from quiz.models import Base

EXTENSION_KEY = "fahim_db"


def default_database_url(instance_path: str) -> str:
    """Return the embedded default: a SQLite file in the instance folder."""
    return "sqlite:///" + os.path.join(instance_path, "fahim.sqlite3")


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # WAL lets readers work while a submission writes; busy_timeout waits for the lock instead
    # of failing with "database is locked"; SQLite leaves foreign keys off unless asked.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _sqlite_begin(connection: Any) -> None:
    # A deferred transaction that reads and then writes fails at once with "database is locked"
    # when another writer got in between (busy_timeout cannot help there). So a request that may
    # write (POST and friends) begins with BEGIN IMMEDIATE: it takes the write lock up front and
    # writers queue on busy_timeout. Elsewhere pysqlite's own behaviour stays: reads see the latest
    # commit (WAL), and a write opens its transaction just before its first statement.
    if has_request_context() and request.method not in ("GET", "HEAD", "OPTIONS"):
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def private_sqlite_file(url: str) -> None:
    """Create the SQLite file of ``url`` readable by its owner only (0600), or take others' access away.

    It holds password hashes. SQLite gives its -wal and -shm files the database file's mode, so they
    are private too; those left by an earlier run are tightened here as well.
    """
    path = make_url(url).database
    if not path or path == ":memory:" or path.startswith("file:"):
        return
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except FileExistsError:
        pass
    for name in (path, path + "-wal", path + "-shm"):
        try:
            if os.stat(name).st_mode & 0o077:
                os.chmod(name, 0o600)
        except (FileNotFoundError, PermissionError):
            pass  # absent, or another user's file: leave it to that user


def make_engine(url: str, *, echo: bool = False) -> Engine:
    """Create an engine for ``url``, with SQLite tuned for a small web app."""
    if url.startswith("postgres://"):
        url = "postgresql+psycopg://" + url[len("postgres://"):]
    elif url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://"):]
    if url.startswith("sqlite"):
        kwargs: dict[str, Any] = {"connect_args": {"check_same_thread": False, "timeout": 5}}
        if url in ("sqlite://", "sqlite:///:memory:"):
            kwargs["poolclass"] = StaticPool  # one shared in-memory database
        else:
            private_sqlite_file(url)
        engine = create_engine(url, echo=echo, **kwargs)
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    return create_engine(url, echo=echo, pool_pre_ping=True)


class Database:
    """The app's engine and session factory."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.sessionmaker = sessionmaker(bind=engine, expire_on_commit=False)

    def session(self) -> Session:
        """Open a new session (for CLI commands, seeding and tests; views use get_session)."""
        return self.sessionmaker()

    def create_schema(self) -> None:
        """Bring the schema up to date: the Alembic migrations to head (a new database gets every table)."""
        from quiz.migrate import upgrade

        upgrade(self.engine)


def init_app(app: Flask) -> Database:
    """Attach the database to ``app`` and close the request session at teardown."""
    url = app.config.get("DATABASE_URL") or default_database_url(app.instance_path)
    app.config["DATABASE_URL"] = url
    database = Database(make_engine(url, echo=bool(app.config.get("SQLALCHEMY_ECHO"))))
    app.extensions[EXTENSION_KEY] = database
    app.teardown_appcontext(close_session)
    return database


def get_db(app: Flask | None = None) -> Database:
    """Return the Database attached to ``app`` (default: the current app)."""
    return (app or current_app).extensions[EXTENSION_KEY]  # type: ignore[no-any-return]


def get_session() -> Session:
    """Return this request's Session, opening it on first use."""
    if "db_session" not in g:
        g.db_session = get_db().session()
    return g.db_session  # type: ignore[no-any-return]


def close_session(_exc: BaseException | None = None) -> None:
    """Close the request's Session, rolling back anything left uncommitted."""
    session: Session | None = g.pop("db_session", None)
    if session is not None:
        session.close()


def rollback_session() -> None:
    """Roll back the request's Session (used by the 500 handler)."""
    session: Session | None = g.get("db_session")
    if session is not None:
        session.rollback()
