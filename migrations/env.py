"""Alembic environment: the target schema is ``quiz.models.Base.metadata``.

The connection comes from the caller (``quiz.migrate`` passes one in ``config.attributes``, so the app's
engine with its SQLite pragmas is used), or else from DATABASE_URL / the default SQLite file when the
``alembic`` command is run by hand with ``-c migrations/alembic.ini``.
"""

from __future__ import annotations

import os

from alembic import context
from sqlalchemy.engine import Connection

from quiz.db import default_database_url, make_engine
from quiz.models import Base

config = context.config
target_metadata = Base.metadata
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _configure(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        # SQLite cannot ALTER most things: batch mode copies the table, so later revisions work there too.
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )


def run_migrations_offline() -> None:
    """Emit the SQL for a URL without connecting (``alembic upgrade --sql``)."""
    url = os.environ.get("DATABASE_URL") or default_database_url(os.path.join(ROOT, "instance"))
    context.configure(url=url, target_metadata=target_metadata, literal_binds=True,
                      render_as_batch=url.startswith("sqlite"))
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    """Run the migrations on the given connection, or on one opened from DATABASE_URL."""
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection)
        with context.begin_transaction():
            context.run_migrations()
        return
    url = os.environ.get("DATABASE_URL") or default_database_url(os.path.join(ROOT, "instance"))
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            _configure(conn)
            with context.begin_transaction():
                context.run_migrations()
    finally:
        engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
