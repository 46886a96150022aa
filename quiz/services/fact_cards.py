"""What the review shows beside each question: the fact's other questions (alternates, one of which the
teacher may switch to) and the questions of the bank that give each other's answers away.

A bank question stands for one fact; its JSON carries ``alternates``, other realizations of the same
fact. Switching makes the chosen alternate the bank question and the old one an alternate, so no
realization is lost and switching back is one more click. Leaks come from ``questions.leaks``.
"""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from questions.leaks import find_leaks
from questions.model import Question
from quiz import models
from quiz.services import banks as bank_service
from quiz.services.ownership import bank_questions, owned_question
from quiz.services.review import QuestionInvalid

# Salience levels the review filters on: a fact's weight in its story, 0 to 1.
SALIENCE_LEVELS = {"high": 0.6, "medium": 0.3}


def use_alternate(session: Session, owner_id: int, bank_question_id: int, alternate_key: str) -> models.BankQuestion:
    """Make the alternate ``alternate_key`` the bank question; the current one becomes an alternate."""
    bq = owned_question(session, owner_id, bank_question_id)
    current = bank_service.load_question(bq.data_json)
    chosen = next((a for a in current.alternates if a.key == alternate_key), None)
    if chosen is None:
        raise QuestionInvalid(["لم نجد هذه الصيغة بين صيغ السؤال الأخرى."])
    taken = session.scalar(select(models.BankQuestion.id).where(
        models.BankQuestion.bank_id == bq.bank_id, models.BankQuestion.key == chosen.key,
        models.BankQuestion.id != bq.id))
    if taken is not None:
        raise QuestionInvalid(["في البنك سؤال آخر بهذه الصيغة نفسها."])
    others = tuple(a for a in current.alternates if a.key != alternate_key)
    question = replace(chosen, salience=current.salience,
                       alternates=(replace(current, alternates=()), *others))
    bq.key, bq.kind, bq.fact_type = question.key, question.kind, question.fact_type
    bq.data_json = bank_service.dump_question(question)
    session.commit()
    return bq


def leak_warnings(session: Session, bank_id: int) -> dict[int, list[str]]:
    """Return, per bank question, Arabic warnings about questions of the bank that give answers away.

    Rejected questions are left out: they will never sit in a quiz beside the others.
    """
    rows = [bq for bq in bank_questions(session, bank_id) if bq.status != "rejected"]
    questions: list[Question] = [bank_service.load_question(bq.data_json) for bq in rows]
    out: dict[int, list[str]] = {bq.id: [] for bq in rows}
    for leak in find_leaks(questions):
        if leak.revealer < 0:
            continue
        revealer, revealed = rows[leak.revealer], rows[leak.revealed]
        out[revealed.id].append(f"إجابته «{leak.secret}» ظاهرة في سؤال آخر: «{_short(questions[leak.revealer])}»")
        out[revealer.id].append(f"يكشف إجابة سؤال آخر («{leak.secret}»): «{_short(questions[leak.revealed])}»")
    return out


def _short(q: Question, width: int = 70) -> str:
    return q.prompt if len(q.prompt) <= width else q.prompt[: width - 1] + "…"
