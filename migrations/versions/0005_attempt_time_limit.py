"""Attempts keep their own time limit only; the quiz's close time is read when it is needed.

An attempt used to store the earlier of its time limit and the quiz's close time as it was when the
attempt started, so a close time moved later never reached it. The column now holds the attempt's own
limit (``started_at`` plus the quiz's time limit), recomputed here for the attempts still open.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07 00:20:00.000000
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = '0005'
down_revision: str | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

attempts = sa.table('attempts', sa.column('id', sa.Integer()), sa.column('quiz_id', sa.Integer()),
                    sa.column('practice', sa.Boolean()), sa.column('started_at', sa.DateTime()),
                    sa.column('submitted_at', sa.DateTime()), sa.column('time_limit_at', sa.DateTime()))
quizzes = sa.table('quizzes', sa.column('id', sa.Integer()), sa.column('time_limit_seconds', sa.Integer()),
                   sa.column('closes_at', sa.DateTime()))


def _open_attempts(bind: sa.Connection) -> list[Any]:
    # The attempts not submitted yet, with their quiz's time limit and close time.
    return list(bind.execute(
        sa.select(attempts.c.id, attempts.c.practice, attempts.c.started_at, attempts.c.time_limit_at,
                  quizzes.c.time_limit_seconds, quizzes.c.closes_at)
        .select_from(attempts.join(quizzes, quizzes.c.id == attempts.c.quiz_id))
        .where(attempts.c.submitted_at.is_(None))))


def upgrade() -> None:
    """Apply this revision."""
    with op.batch_alter_table('attempts', schema=None) as batch_op:
        batch_op.alter_column('deadline_at', new_column_name='time_limit_at', existing_type=sa.DateTime())
    bind = op.get_bind()
    for row in _open_attempts(bind):
        limit = (row.started_at + dt.timedelta(seconds=row.time_limit_seconds)
                 if row.time_limit_seconds and not row.practice else None)
        bind.execute(sa.update(attempts).where(attempts.c.id == row.id).values(time_limit_at=limit))


def downgrade() -> None:
    """Revert this revision."""
    bind = op.get_bind()
    for row in _open_attempts(bind):
        if row.practice or row.closes_at is None:
            continue
        limit = row.time_limit_at
        bind.execute(sa.update(attempts).where(attempts.c.id == row.id)
                     .values(time_limit_at=min(limit, row.closes_at) if limit else row.closes_at))
    with op.batch_alter_table('attempts', schema=None) as batch_op:
        batch_op.alter_column('time_limit_at', new_column_name='deadline_at', existing_type=sa.DateTime())
