"""Quizzes: publishing a snapshot of bank questions, join codes, and whether a quiz is open."""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Sequence

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from quiz import models
from quiz.bidicontrols import without_controls

# Join codes avoid letters and digits that read alike (0/O, 1/I/L) on a board or a phone.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6
_ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def normalize_code(code: str) -> str:
    """Return a typed join code in canonical form (upper case, no spaces or dashes, ASCII digits)."""
    return "".join(ch for ch in code.translate(_ARABIC_DIGITS).upper() if ch.isalnum())


def new_join_code(session: Session) -> str:
    """Return a random join code no quiz and no class uses yet (both are typed in one box)."""
    while True:
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        if find_by_code(session, code) is None and session.scalar(
                select(models.SchoolClass.id).where(models.SchoolClass.code == code)) is None:
            return code


def find_by_code(session: Session, code: str) -> models.Quiz | None:
    """Return the quiz with join code ``code`` (any case/spacing), or None."""
    code = normalize_code(code)
    if not code:
        return None
    return session.scalars(select(models.Quiz).where(models.Quiz.code == code)).first()


def create_quiz(
    session: Session,
    *,
    bank_id: int,
    title: str,
    bank_question_ids: Sequence[int],
    owner_id: int | None = None,
    code: str | None = None,
    points: Sequence[float] | None = None,
    time_limit_seconds: int | None = None,
    opens_at: dt.datetime | None = None,
    closes_at: dt.datetime | None = None,
    attempts_allowed: int | None = None,
    grading: str = "highest",
    layout: str = "one_per_page",
    review: str = "immediately",
    published: bool = True,
    commit: bool = True,
    timezone: str | None = None,
) -> models.Quiz:
    """Create a quiz holding snapshots of ``bank_question_ids`` (in that order) and return it."""
    rows = {
        r.id: r for r in session.scalars(
            select(models.BankQuestion).where(models.BankQuestion.id.in_(list(bank_question_ids)))
        )
    }
    quiz = models.Quiz(
        owner_id=owner_id, bank_id=bank_id, title=without_controls(title), code=code or new_join_code(session),
        time_limit_seconds=time_limit_seconds, opens_at=opens_at, closes_at=closes_at,
        attempts_allowed=attempts_allowed, grading=grading, layout=layout, review=review,
        published=published, timezone=timezone,
    )
    for position, bq_id in enumerate(bank_question_ids):
        bq = rows.get(bq_id)
        if bq is None or bq.bank_id != bank_id:
            raise ValueError(f"question {bq_id} is not in bank {bank_id}")
        quiz.questions.append(models.QuizQuestion(
            bank_question_id=bq.id, position=position,
            points=float(points[position]) if points else 1.0, data_json=bq.data_json,
        ))
    session.add(quiz)
    if commit:
        session.commit()
    else:
        session.flush()
    return quiz


def is_open(quiz: models.Quiz, now: dt.datetime) -> bool:
    """Say whether students may start ``quiz`` at ``now``."""
    if not quiz.published:
        return False
    if quiz.opens_at is not None and now < quiz.opens_at:
        return False
    return quiz.closes_at is None or now < quiz.closes_at


def open_quizzes(session: Session, now: dt.datetime) -> list[models.Quiz]:
    """Return the published quizzes students can start now, newest first."""
    Q = models.Quiz
    stmt = (
        select(Q)
        .where(Q.published.is_(True))
        .where(or_(Q.opens_at.is_(None), Q.opens_at <= now))
        .where(or_(Q.closes_at.is_(None), Q.closes_at > now))
        .order_by(Q.created_at.desc(), Q.id.desc())
    )
    return list(session.scalars(stmt))


def review_allowed(quiz: models.Quiz, now: dt.datetime) -> bool:
    """Say whether a submitted attempt of ``quiz`` may show its answers at ``now``."""
    if quiz.review == "immediately":
        return True
    if quiz.review == "after_close":
        return quiz.closes_at is not None and now >= quiz.closes_at
    return False


def question_counts(session: Session, quiz_ids: Sequence[int]) -> dict[int, int]:
    """Return how many questions each quiz holds, in one grouped query."""
    if not quiz_ids:
        return {}
    QQ = models.QuizQuestion
    rows = session.execute(select(QQ.quiz_id, func.count()).where(QQ.quiz_id.in_(quiz_ids)).group_by(QQ.quiz_id))
    return {quiz_id: n for quiz_id, n in rows}


def question_count(session: Session, quiz_id: int) -> int:
    """Return how many questions ``quiz_id`` holds."""
    return len(session.scalars(
        select(models.QuizQuestion.id).where(models.QuizQuestion.quiz_id == quiz_id)
    ).all())
