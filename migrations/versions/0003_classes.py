"""Classes: a teacher's classes, their members (each under a name unique in the class), quiz assignments.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-06 21:30:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0003'
down_revision: str | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this revision."""
    op.create_table('classes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('code', sa.String(length=12), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['owner_id'], ['users.id'], name=op.f('fk_classes_owner_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_classes')),
    sa.UniqueConstraint('code', name=op.f('uq_classes_code'))
    )
    op.create_index(op.f('ix_classes_owner_id'), 'classes', ['owner_id'], unique=False)
    op.create_table('class_members',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('class_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('name_key', sa.String(length=120), nullable=False),
    sa.Column('joined_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['class_id'], ['classes.id'], name=op.f('fk_class_members_class_id_classes'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_class_members_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_class_members')),
    sa.UniqueConstraint('class_id', 'name_key', name=op.f('uq_class_members_class_id_name_key')),
    sa.UniqueConstraint('class_id', 'user_id', name=op.f('uq_class_members_class_id_user_id'))
    )
    op.create_index(op.f('ix_class_members_user_id'), 'class_members', ['user_id'], unique=False)
    op.create_table('quiz_classes',
    sa.Column('quiz_id', sa.Integer(), nullable=False),
    sa.Column('class_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['class_id'], ['classes.id'], name=op.f('fk_quiz_classes_class_id_classes'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['quiz_id'], ['quizzes.id'], name=op.f('fk_quiz_classes_quiz_id_quizzes'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('quiz_id', 'class_id', name=op.f('pk_quiz_classes'))
    )
    op.create_index(op.f('ix_quiz_classes_class_id'), 'quiz_classes', ['class_id'], unique=False)


def downgrade() -> None:
    """Revert this revision."""
    op.drop_index(op.f('ix_quiz_classes_class_id'), table_name='quiz_classes')
    op.drop_table('quiz_classes')
    op.drop_index(op.f('ix_class_members_user_id'), table_name='class_members')
    op.drop_table('class_members')
    op.drop_index(op.f('ix_classes_owner_id'), table_name='classes')
    op.drop_table('classes')
