"""Which database the app fixtures use: SQLite files (default) or the local PostgreSQL server.

Pick PostgreSQL with ``FAHIM_TEST_DATABASE=postgresql`` or ``pytest --database=postgresql``. Either way
the schema is built once per test run by the Alembic migrations (the same path the app takes), and
every test starts on an empty copy of it: SQLite copies a migrated template file; PostgreSQL keeps
one schema per run (named after the process, so runs never collide) and truncates it before each test.
Tests about SQLite itself carry ``@pytest.mark.sqlite_only`` and get a SQLite file on either run.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, text

from quiz.db import make_engine
from quiz.migrate import upgrade
from quiz.models import Base

POSTGRES_URL = os.environ.get("FAHIM_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def pytest_addoption(parser: pytest.Parser) -> None:
    """Add --database=sqlite|postgresql (default: FAHIM_TEST_DATABASE, else sqlite)."""
    parser.addoption("--database", choices=("sqlite", "postgresql"),
                     default=os.environ.get("FAHIM_TEST_DATABASE") or "sqlite",
                     help="database the app fixtures run on")


def backend(config: pytest.Config) -> str:
    """Return the database the run uses: 'sqlite' or 'postgresql'."""
    return str(config.getoption("--database"))


def postgres_url(schema: str) -> str:
    """Return the test server's URL with ``schema`` first on the search path."""
    return f"{POSTGRES_URL}?options=-csearch_path%3D{schema}"


class PostgresSchema:
    """One migrated schema for the whole run, emptied before each test."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.url = postgres_url(name)
        admin = make_engine(POSTGRES_URL)
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{name}" CASCADE'))
            conn.execute(text(f'CREATE SCHEMA "{name}"'))
        admin.dispose()
        self.engine: Engine = make_engine(self.url)
        upgrade(self.engine)
        tables = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables)
        self._truncate = f"TRUNCATE {tables} RESTART IDENTITY CASCADE"

    def empty(self) -> None:
        """Delete every row and restart the ids (the alembic_version row stays)."""
        with self.engine.begin() as conn:
            conn.execute(text("SET LOCAL lock_timeout = '20s'"))
            conn.execute(text(self._truncate))

    def drop(self) -> None:
        """Drop the run's schema."""
        self.engine.dispose()
        admin = make_engine(POSTGRES_URL)
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{self.name}" CASCADE'))
        admin.dispose()


@pytest.fixture(scope="session")
def _sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    engine.dispose()  # the last connection checkpoints the WAL into the file
    return path


@pytest.fixture(scope="session")
def _postgres_schema(request: pytest.FixtureRequest) -> Iterator[PostgresSchema]:
    schema = PostgresSchema(f"fahim_test_{os.getpid()}")
    yield schema
    schema.drop()


@pytest.fixture
def database_url(request: pytest.FixtureRequest, tmp_path: Any) -> str:
    """Return the URL of an empty, migrated database for this test (SQLite or PostgreSQL)."""
    if backend(request.config) == "postgresql" and request.node.get_closest_marker("sqlite_only") is None:
        schema: PostgresSchema = request.getfixturevalue("_postgres_schema")
        schema.empty()
        return schema.url
    template: Path = request.getfixturevalue("_sqlite_template")
    target = Path(tmp_path) / "test.sqlite3"
    shutil.copyfile(template, target)
    return f"sqlite:///{target}"


@pytest.fixture(scope="module")
def module_database_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    """Return the URL of an empty, migrated database that the whole test module shares (for large data sets).

    On PostgreSQL it is the run's schema, emptied now; the module's tests must not use ``database_url``,
    which empties it again before each test.
    """
    if backend(request.config) == "postgresql":
        schema: PostgresSchema = request.getfixturevalue("_postgres_schema")
        schema.empty()
        return schema.url
    template: Path = request.getfixturevalue("_sqlite_template")
    target = tmp_path_factory.mktemp("module") / "module.sqlite3"
    shutil.copyfile(template, target)
    return f"sqlite:///{target}"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """On the PostgreSQL run, keep only the tests that use the app's database fixtures.

    The pure tests (questions/), the browser tests, the migration tests (which cover both backends
    themselves) and the two-server Redis test ran on the SQLite run already; running them twice
    would only spend time.
    """
    if backend(config) != "postgresql":
        return
    keep, drop = [], []
    for item in items:
        names = getattr(item, "fixturenames", ())
        uses_db = "database_url" in names or "module_database_url" in names
        (keep if uses_db and item.get_closest_marker("sqlite_only") is None else drop).append(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep
