"""Study cards: the facts each student reviews (FSRS state), the log of their ratings, the attempts fed in.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-06 22:14:46.505345
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0004'
down_revision: str | None = '0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this revision."""
    op.create_table('study_cards',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('article_key', sa.String(length=64), nullable=False),
    sa.Column('fact_key', sa.String(length=200), nullable=False),
    sa.Column('question_key', sa.String(length=64), nullable=False),
    sa.Column('question_json', sa.Text(), nullable=False),
    sa.Column('state', sa.Integer(), nullable=False),
    sa.Column('step', sa.Integer(), nullable=True),
    sa.Column('stability', sa.Float(), nullable=True),
    sa.Column('difficulty', sa.Float(), nullable=True),
    sa.Column('due', sa.DateTime(), nullable=False),
    sa.Column('last_review', sa.DateTime(), nullable=True),
    sa.Column('reps', sa.Integer(), nullable=False),
    sa.Column('lapses', sa.Integer(), nullable=False),
    sa.Column('response', sa.Text(), nullable=True),
    sa.Column('revealed_at', sa.DateTime(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], name=op.f('fk_study_cards_article_id_articles'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_study_cards_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_study_cards')),
    sa.UniqueConstraint('user_id', 'article_key', 'fact_key', name=op.f('uq_study_cards_user_id_article_key_fact_key'))
    )
    with op.batch_alter_table('study_cards', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_study_cards_article_id'), ['article_id'], unique=False)
        batch_op.create_index('ix_study_cards_user_id_due', ['user_id', 'due'], unique=False)

    op.create_table('study_reviews',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('card_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('rating', sa.Integer(), nullable=False),
    sa.Column('source', sa.String(length=8), nullable=False),
    sa.Column('state_before', sa.Integer(), nullable=False),
    sa.Column('stability_after', sa.Float(), nullable=False),
    sa.Column('due_after', sa.DateTime(), nullable=False),
    sa.Column('reviewed_at', sa.DateTime(), nullable=False),
    sa.Column('correct', sa.Boolean(), nullable=True),
    sa.CheckConstraint("source IN ('study', 'quiz')", name=op.f('ck_study_reviews_source')),
    sa.CheckConstraint('rating BETWEEN 1 AND 4', name=op.f('ck_study_reviews_rating')),
    sa.ForeignKeyConstraint(['card_id'], ['study_cards.id'], name=op.f('fk_study_reviews_card_id_study_cards'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_study_reviews_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_study_reviews')),
    sa.UniqueConstraint('card_id', 'seq', name=op.f('uq_study_reviews_card_id_seq'))
    )
    with op.batch_alter_table('study_reviews', schema=None) as batch_op:
        batch_op.create_index('ix_study_reviews_user_id_reviewed_at', ['user_id', 'reviewed_at'], unique=False)

    op.create_table('study_feeds',
    sa.Column('attempt_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('fed_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['attempt_id'], ['attempts.id'], name=op.f('fk_study_feeds_attempt_id_attempts'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_study_feeds_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('attempt_id', name=op.f('pk_study_feeds'))
    )
    with op.batch_alter_table('study_feeds', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_study_feeds_user_id'), ['user_id'], unique=False)


def downgrade() -> None:
    """Revert this revision."""
    with op.batch_alter_table('study_feeds', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_study_feeds_user_id'))

    op.drop_table('study_feeds')
    with op.batch_alter_table('study_reviews', schema=None) as batch_op:
        batch_op.drop_index('ix_study_reviews_user_id_reviewed_at')

    op.drop_table('study_reviews')
    with op.batch_alter_table('study_cards', schema=None) as batch_op:
        batch_op.drop_index('ix_study_cards_user_id_due')
        batch_op.drop_index(batch_op.f('ix_study_cards_article_id'))

    op.drop_table('study_cards')
