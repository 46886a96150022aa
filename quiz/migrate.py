"""Schema migrations with Alembic: ``upgrade()`` for the factory, and the ``flask db`` commands.

One schema source: a new database and an old one both reach the models' schema by running the
revisions in ``migrations/versions`` to head. A database made by ``create_all`` before migrations
existed holds exactly the first revision's tables, so it is stamped with that revision first.
"""

from __future__ import annotations

import os
from typing import Any

import click
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from flask.cli import with_appcontext
from sqlalchemy import Connection, Engine, inspect, text

from quiz.models import Base

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MIGRATIONS = os.path.join(ROOT, "migrations")
BASELINE = "0001"  # the first revision: the schema create_all made before migrations existed
# Any constant: PostgreSQL's advisory lock that keeps two workers from migrating at once.
PG_LOCK_ID = 4_242_001


def alembic_config(connection: Connection | None = None) -> Config:
    """Return the Alembic config of ``migrations/``, bound to ``connection`` when given."""
    config = Config(os.path.join(MIGRATIONS, "alembic.ini"))
    config.set_main_option("script_location", MIGRATIONS)
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head() -> str:
    """Return the newest revision id."""
    return str(ScriptDirectory.from_config(alembic_config()).get_current_head())


def _lock(connection: Connection) -> None:
    # Workers started together all run the first-run upgrade; the first takes the lock and
    # migrates, the others wait and then find the schema at head.
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql("BEGIN IMMEDIATE")
    elif connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:id)"), {"id": PG_LOCK_ID})


def current_revision(connection: Connection) -> str | None:
    """Return the revision the database is at (None when it was never migrated)."""
    return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the database of ``engine`` up to ``revision`` (adopting a pre-migration database)."""
    with engine.connect() as connection:
        _lock(connection)
        if current_revision(connection) is None and inspect(connection).has_table("users"):
            command.stamp(alembic_config(connection), BASELINE)
        command.upgrade(alembic_config(connection), revision)
        connection.commit()


def downgrade(engine: Engine, revision: str) -> None:
    """Take the database of ``engine`` back to ``revision``."""
    with engine.connect() as connection:
        _lock(connection)
        command.downgrade(alembic_config(connection), revision)
        connection.commit()


def schema_diff(engine: Engine) -> list[Any]:
    """Return Alembic's differences between the database and the models (empty when they agree)."""
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        diffs = compare_metadata(context, Base.metadata)
    return [d for d in diffs]


# --- flask db ... ---------------------------------------------------------------------------------

@click.group("db")
def db_command() -> None:
    """Manage the database schema (Alembic migrations)."""


def _engine() -> Engine:
    from quiz.db import get_db

    return get_db().engine


@db_command.command("upgrade")
@click.argument("revision", default="head")
@with_appcontext
def upgrade_command(revision: str) -> None:
    """Bring the database up to date (to REVISION, default head)."""
    upgrade(_engine(), revision)
    with _engine().connect() as connection:
        click.echo(f"database at revision {current_revision(connection)}")


@db_command.command("downgrade")
@click.argument("revision")
@with_appcontext
def downgrade_command(revision: str) -> None:
    """Take the database back to REVISION (e.g. base)."""
    downgrade(_engine(), revision)
    with _engine().connect() as connection:
        click.echo(f"database at revision {current_revision(connection)}")


@db_command.command("current")
@with_appcontext
def current_command() -> None:
    """Print the database's revision and the newest one."""
    with _engine().connect() as connection:
        click.echo(f"database: {current_revision(connection)}  head: {head()}")


@db_command.command("check")
@with_appcontext
def check_command() -> None:
    """Fail when the database schema differs from the models (a revision is missing)."""
    diffs = schema_diff(_engine())
    for diff in diffs:
        click.echo(repr(diff))
    if diffs:
        raise click.ClickException(f"{len(diffs)} difference(s) between the database and the models")
    click.echo("schema matches the models")


@db_command.command("revision")
@click.option("-m", "--message", required=True, help="What the revision changes.")
@with_appcontext
def revision_command(message: str) -> None:
    """Write a new revision from the difference between the models and the database (developers)."""
    with _engine().connect() as connection:
        command.revision(alembic_config(connection), message=message, autogenerate=True)
