"""The teacher's own rows: lookups that answer NotFound for anyone else's, and the dashboard lists.

Every function that touches a teacher's data takes ``owner_id`` and raises ``NotFound`` for rows
that belong to someone else, so the views answer 404 and never reveal that a row exists.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ColumnElement, ScalarSelect, and_, func, or_, select
from sqlalchemy.orm import Session, subqueryload

from quiz import models


class NotFound(LookupError):
    """The row does not exist or belongs to another teacher."""


def owned_article(session: Session, owner_id: int, article_id: int) -> models.Article:
    """Return the teacher's article or raise NotFound."""
    art = session.get(models.Article, article_id)
    if art is None or art.owner_id != owner_id:
        raise NotFound(article_id)
    return art


def owned_bank(session: Session, owner_id: int, bank_id: int) -> models.Bank:
    """Return the teacher's bank or raise NotFound."""
    bank = session.get(models.Bank, bank_id)
    if bank is None or bank.article.owner_id != owner_id:
        raise NotFound(bank_id)
    return bank


def owned_question(session: Session, owner_id: int, bank_question_id: int) -> models.BankQuestion:
    """Return one question of the teacher's banks or raise NotFound."""
    bq = session.get(models.BankQuestion, bank_question_id)
    if bq is None or bq.bank.article.owner_id != owner_id:
        raise NotFound(bank_question_id)
    return bq


def first_teacher() -> ScalarSelect[int | None]:
    """Select the first teacher's id: the owner of the quizzes that have none (the built-in quiz)."""
    return select(func.min(models.User.id)).where(models.User.role == "teacher").scalar_subquery()


def _quiz_owned_by(owner_id: int) -> ColumnElement[bool]:
    Q = models.Quiz
    return or_(Q.owner_id == owner_id, and_(Q.owner_id.is_(None), first_teacher() == owner_id))


def owned_quiz(session: Session, owner_id: int, quiz_id: int) -> models.Quiz:
    """Return the teacher's quiz (the built-in quiz is the first teacher's) or raise NotFound."""
    quiz = session.scalars(select(models.Quiz).where(models.Quiz.id == quiz_id, _quiz_owned_by(owner_id))).first()
    if quiz is None:
        raise NotFound(quiz_id)
    return quiz


# --- dashboard -------------------------------------------------------------------------------

@dataclass(frozen=True)
class BankSummary:
    """A bank with its question counts by status."""

    bank: models.Bank
    pending: int
    approved: int
    rejected: int


def articles_of(session: Session, owner_id: int) -> list[models.Article]:
    """Return the teacher's articles, newest first."""
    stmt = (select(models.Article).options(subqueryload(models.Article.banks))
            .where(models.Article.owner_id == owner_id)
            .order_by(models.Article.created_at.desc(), models.Article.id.desc()))
    return list(session.scalars(stmt))


def quizzes_of(session: Session, owner_id: int) -> list[models.Quiz]:
    """Return the teacher's quizzes, newest first."""
    stmt = (select(models.Quiz).where(_quiz_owned_by(owner_id))
            .order_by(models.Quiz.created_at.desc(), models.Quiz.id.desc()))
    return list(session.scalars(stmt))


def bank_summaries(session: Session, banks: list[models.Bank]) -> dict[int, BankSummary]:
    """Count the questions of several banks by review status, in one grouped query."""
    if not banks:
        return {}
    BQ = models.BankQuestion
    counts: dict[int, dict[str, int]] = {b.id: {} for b in banks}
    for bank_id, status, n in session.execute(select(BQ.bank_id, BQ.status, func.count())
                                              .where(BQ.bank_id.in_(list(counts))).group_by(BQ.bank_id, BQ.status)):
        counts[bank_id][status] = n
    return {b.id: BankSummary(b, counts[b.id].get("pending", 0), counts[b.id].get("approved", 0),
                              counts[b.id].get("rejected", 0)) for b in banks}


def bank_summary(session: Session, bank: models.Bank) -> BankSummary:
    """Count a bank's questions by review status."""
    rows = session.execute(
        select(models.BankQuestion.status, func.count())
        .where(models.BankQuestion.bank_id == bank.id).group_by(models.BankQuestion.status)
    ).all()
    counts = {status: n for status, n in rows}
    return BankSummary(bank, counts.get("pending", 0), counts.get("approved", 0), counts.get("rejected", 0))


def bank_questions(session: Session, bank_id: int, status: str | None = None) -> list[models.BankQuestion]:
    """Return a bank's questions in order, optionally only those with ``status``."""
    stmt = select(models.BankQuestion).where(models.BankQuestion.bank_id == bank_id)
    if status:
        stmt = stmt.where(models.BankQuestion.status == status)
    return list(session.scalars(stmt.order_by(models.BankQuestion.position, models.BankQuestion.id)))
