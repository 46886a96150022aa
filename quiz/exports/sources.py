"""Load what an export is made of from the database: a bank, or a quiz's published snapshots.

A question a teacher rejected is left out of every export; Anki decks still carry it, tagged as
removed (``removed_from_bank`` / ``removed_from_quiz``), so students who have it can suspend it.
Takes a SQLAlchemy Session like the services do, and never imports flask.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session

import questions
from quiz import models
from quiz.services.banks import bank_from_db, load_question


def _rejected_keys(session: Session, bank_id: int) -> set[str]:
    return set(session.scalars(
        select(models.BankQuestion.key)
        .where(models.BankQuestion.bank_id == bank_id, models.BankQuestion.status == "rejected")
    ))


def _keeping(bank: questions.Bank, keep: Callable[[questions.Question], bool]) -> questions.Bank:
    return questions.Bank(article=bank.article, questions=tuple(q for q in bank.questions if keep(q)),
                          version=bank.version, drops=bank.drops)


def bank_for_export(session: Session, bank_id: int, *, approved_only: bool = False) -> questions.Bank:
    """Load bank ``bank_id`` for export: approved questions only, or every one not rejected."""
    bank = bank_from_db(session, bank_id, approved_only=approved_only)
    if approved_only:
        return bank
    rejected = _rejected_keys(session, bank_id)
    return _keeping(bank, lambda q: q.key not in rejected) if rejected else bank


def removed_from_bank(session: Session, bank_id: int) -> questions.Bank:
    """Load the questions of bank ``bank_id`` that a teacher rejected."""
    rejected = _rejected_keys(session, bank_id)
    return _keeping(bank_from_db(session, bank_id), lambda q: q.key in rejected)


def _quiz_snapshots(session: Session, quiz_id: int) -> questions.Bank:
    quiz = session.get(models.Quiz, quiz_id)
    if quiz is None:
        raise LookupError(f"no quiz {quiz_id}")
    art = quiz.bank.article
    rows = session.scalars(
        select(models.QuizQuestion).where(models.QuizQuestion.quiz_id == quiz_id)
        .order_by(models.QuizQuestion.position, models.QuizQuestion.id)
    ).all()
    article = questions.Article(
        key=art.key, title=art.title, text=art.text,
        date=art.published_on.isoformat() if art.published_on else None, source=art.source,
    )
    drops = json.loads(quiz.bank.drops_json or "{}")
    return questions.Bank(
        article=article,
        questions=tuple(load_question(r.data_json) for r in rows),
        version=quiz.bank.version,
        drops=tuple(sorted((str(k), int(v)) for k, v in drops.items())),
    )


def bank_for_quiz(session: Session, quiz_id: int) -> questions.Bank:
    """Build a bank from a quiz's question snapshots (what its students saw), in quiz order.

    Questions rejected in the bank since the quiz was published are left out. The article key
    is the bank's, so Anki notes share their GUIDs with the bank's own export.
    """
    bank = _quiz_snapshots(session, quiz_id)
    rejected = _rejected_keys(session, _bank_id_of(session, quiz_id))
    return _keeping(bank, lambda q: q.key not in rejected) if rejected else bank


def removed_from_quiz(session: Session, quiz_id: int) -> questions.Bank:
    """Load a quiz's questions that were rejected in its bank after it was published."""
    rejected = _rejected_keys(session, _bank_id_of(session, quiz_id))
    return _keeping(_quiz_snapshots(session, quiz_id), lambda q: q.key in rejected)


def _bank_id_of(session: Session, quiz_id: int) -> int:
    quiz = session.get(models.Quiz, quiz_id)
    if quiz is None:
        raise LookupError(f"no quiz {quiz_id}")
    return quiz.bank_id

