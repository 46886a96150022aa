"""Taking a quiz for the study tests: answer every question right except the ones named, and submit."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from conftest import SAMPLE_ANSWERS
from quiz import models
from quiz.services import attempts as attempt_service
from quiz.services import study as study_service
from quiz.services.snapshots import snapshots

PLAIN = study_service.Settings(fuzz=False)  # FSRS without fuzz: due dates a test can recompute
WRONG = "جواب خاطئ"


def wrong_answer(q: Any) -> Any:
    """Return an answer to ``q`` that is wrong (another option, a wrong text)."""
    if q.choices and q.kind in ("mcq", "true_false"):
        return next(c for c in q.choices if c != q.answer)
    if q.kind == "matching":
        return {}
    if q.kind == "ordering":
        return list(reversed(q.items))
    return WRONG


def take(session: Session, quiz: models.Quiz, user: models.User, *, missed: Iterable[str] = (),
         at: dt.datetime | None = None) -> models.Attempt:
    """Take ``quiz`` as ``user``: every question right but those whose key is in ``missed``; submit at ``at``."""
    at = at or models.utcnow()
    missed = set(missed)
    attempt = attempt_service.start_attempt(session, quiz, user.id, now=at - dt.timedelta(minutes=5))
    snaps = snapshots(session, attempt_service.question_ids(attempt))
    answers = {}
    for qq_id, snap in snaps.items():
        q = snap.question
        answers[qq_id] = wrong_answer(q) if q.key in missed else SAMPLE_ANSWERS.get(q.key, q.answer)
    return attempt_service.submit_with_answers(session, attempt, answers, now=at)


def cards_by_key(session: Session, user: models.User, article_key: str | None = None) -> dict[str, models.StudyCard]:
    """Return the user's cards (of one article, or all) by the key of the question each is asked with."""
    session.expire_all()
    stmt = select(models.StudyCard).where(models.StudyCard.user_id == user.id)
    if article_key is not None:
        stmt = stmt.where(models.StudyCard.article_key == article_key)
    return {c.question_key: c for c in session.scalars(stmt)}


def review(session: Session, card: models.StudyCard, rating: int, at: dt.datetime,
           settings: study_service.Settings = PLAIN, typed: str | None = None) -> bool:
    """Reveal ``card`` and rate it at ``at``, as the review page does."""
    study_service.reveal(session, card, typed, now=at)
    return study_service.rate(session, card, rating, card.reps, settings, now=at)
