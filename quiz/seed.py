"""First-run seeding: the built-in article, its generated bank (all approved) and a ready quiz.

Idempotent: keyed on the article key of a built-in (owner-less) article. Everything is written in
one transaction, and the quiz's fixed join code is UNIQUE, so two processes seeding at once leave
exactly one copy (the loser's transaction rolls back).
"""

from __future__ import annotations

import functools
import json
import logging
import os
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

import questions
from questions.leaks import leak_free
from quiz import models
from quiz.services import banks as bank_service
from quiz.services import quizzes as quiz_service

log = logging.getLogger(__name__)

SEED_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "seed")
BUILTIN_FILE = os.path.join(SEED_DIR, "asfura_honduras.txt")
BUILTIN_TITLE = "ترامب ونصري عصفورة: تحالف أمني"
BUILTIN_SOURCE = "نص إخباري مرفق مع فهيم"
# The built-in article ships without a known publication date. A guessed date would resolve
# "اليوم الخميس" and "الشهر الماضي" to days the article never names, so relative dates stay
# unresolved (the extractor's rule when no article date is given).
BUILTIN_DATE: str | None = None
BUILTIN_CODE = "ASFURA"  # memorable, and uses only unambiguous join-code letters
BUILTIN_QUIZ_TITLE = "اختبار: " + BUILTIN_TITLE
BUILTIN_QUIZ_SIZE = 12
BUILTIN_TIME_LIMIT = 20 * 60


def builtin_text() -> str:
    """Return the built-in article's text."""
    with open(BUILTIN_FILE, encoding="utf-8") as fh:
        return fh.read().strip()


@functools.lru_cache(maxsize=1)
def _builtin_bank_json() -> str:
    # Generating takes a moment; cache it per process so tests and workers pay once.
    # Import the submodule's function: once questions.generate (the submodule) is imported, the
    # package attribute of the same name is the module, not the function.
    from questions.generate import generate

    bank = generate(builtin_text(), seed=0, article_date=BUILTIN_DATE, title=BUILTIN_TITLE,
                    source=BUILTIN_SOURCE)
    return json.dumps(bank.to_dict(), ensure_ascii=False)


def builtin_bank() -> questions.Bank:
    """Return the generated bank of the built-in article (cached per process)."""
    return questions.Bank.from_dict(json.loads(_builtin_bank_json()))


def pick_questions(bank_questions: Sequence[questions.Question], size: int, title: str) -> list[int]:
    """Pick up to ``size`` indexes in bank order (most salient first), leaving out any question whose
    answer another picked question or the quiz title would give away."""
    kept = {q.key for q in leak_free(bank_questions, title)}
    return [i for i, q in enumerate(bank_questions) if q.key in kept][:size]


def builtin_article(session: Session, key: str) -> models.Article | None:
    """Return the built-in article with ``key``, if loaded."""
    stmt = select(models.Article).where(models.Article.key == key, models.Article.owner_id.is_(None))
    return session.scalars(stmt).first()


def ensure_builtin(session: Session, bank: questions.Bank | None = None) -> models.Quiz | None:
    """Load the built-in article, bank and quiz unless already there; return the new quiz or None."""
    if bank is None:
        from questions.generate import article_key

        # Check by key first: a restart with the article loaded need not generate anything.
        if builtin_article(session, article_key(builtin_text())) is not None:
            return None
        bank = builtin_bank()
    if builtin_article(session, bank.article.key) is not None:
        return None
    try:
        row = bank_service.save_bank(session, bank, None, seed=0, status="approved", commit=False)
        ids = [q.id for q in row.questions]
        chosen = pick_questions(bank.questions, BUILTIN_QUIZ_SIZE, BUILTIN_QUIZ_TITLE)
        code = BUILTIN_CODE if quiz_service.find_by_code(session, BUILTIN_CODE) is None else None
        quiz = quiz_service.create_quiz(
            session, bank_id=row.id, title=BUILTIN_QUIZ_TITLE, bank_question_ids=[ids[i] for i in chosen],
            code=code, time_limit_seconds=BUILTIN_TIME_LIMIT, layout="one_per_page",
            review="immediately", grading="highest", published=True, commit=False,
        )
        session.commit()
    except IntegrityError:
        session.rollback()  # another process seeded first
        return None
    log.info("seeded built-in quiz %s with %d questions", quiz.code, len(quiz.questions))
    return quiz
