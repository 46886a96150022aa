"""Quiz time zone: the IANA zone a teacher entered a quiz's open/close times in (stored in UTC).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29 01:32:03.821935
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0002'
down_revision: str | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this revision."""
    with op.batch_alter_table('quizzes', schema=None) as batch_op:
        batch_op.add_column(sa.Column('timezone', sa.String(length=64), nullable=True))


def downgrade() -> None:
    """Revert this revision."""
    with op.batch_alter_table('quizzes', schema=None) as batch_op:
        batch_op.drop_column('timezone')
