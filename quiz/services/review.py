"""Reviewing a bank: approve, reject, edit, write questions by hand, new wrong options.

Messages meant for the teacher (``QuestionInvalid``, check failures) are Arabic, ready to show.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
import random
import secrets
import uuid

from sqlalchemy.orm import Session

from questions.checks import check
from questions.kinds import shape
from questions.model import FACT_TYPES, FALSE_LABEL, TRUE_LABEL, Question, Source
from quiz import models
from quiz.bidicontrols import clean_question
from quiz.services import articles as article_service
from quiz.services import banks as bank_service
from quiz.services.checks import check_messages
from quiz.services.ownership import bank_questions, owned_bank, owned_question

# Kinds a teacher can write by hand (matching and ordering need pair/item editors).
HAND_KINDS = ("mcq", "true_false", "short", "numeric", "cloze", "matching", "ordering")


class QuestionInvalid(ValueError):
    """An edited or hand-written question failed its checks; ``messages`` says why, in Arabic."""

    def __init__(self, messages: list[str]) -> None:
        super().__init__("؛ ".join(messages))
        self.messages = messages


def set_status(session: Session, owner_id: int, bank_question_id: int, status: str) -> models.BankQuestion:
    """Approve, reject or reset one question."""
    if status not in models.QUESTION_STATUSES:
        raise ValueError(status)
    bq = owned_question(session, owner_id, bank_question_id)
    bq.status = status
    session.commit()
    return bq


def set_status_many(session: Session, owner_id: int, bank_id: int, ids: Sequence[int],
                    status: str) -> list[models.BankQuestion]:
    """Set the status of the given questions of the teacher's bank (ids of other banks are ignored)."""
    if status not in models.QUESTION_STATUSES:
        raise ValueError(status)
    owned_bank(session, owner_id, bank_id)
    wanted = set(ids)
    rows = [bq for bq in bank_questions(session, bank_id) if bq.id in wanted]
    for bq in rows:
        bq.status = status
    session.commit()
    return rows


def approve_all(session: Session, owner_id: int, bank_id: int) -> int:
    """Approve every pending question of a bank (rejected ones stay rejected); return how many."""
    owned_bank(session, owner_id, bank_id)
    rows = bank_questions(session, bank_id, "pending")
    for bq in rows:
        bq.status = "approved"
    session.commit()
    return len(rows)


def _lines(values: Iterable[str]) -> tuple[str, ...]:
    seen: list[str] = []
    for v in values:
        v = v.strip()
        if v and v not in seen:
            seen.append(v)
    return tuple(seen)


def _shuffled_like(key: str, values: Sequence[str], current: Sequence[str] = ()) -> tuple[str, ...]:
    # Keep the displayed order when the set is unchanged; otherwise shuffle reproducibly by key,
    # and never into the right order or pairing, which would give the answer away.
    if current and sorted(current) == sorted(values):
        return tuple(current)
    out = random.Random(key).sample(list(values), len(values))  # stable option order, not a secret  # nosec B311
    if len(out) > 1 and out == list(values):
        out = out[1:] + out[:1]
    return tuple(out)


def edited_question(
    original: Question, *, prompt: str, answer: str, choices: Sequence[str] = (),
    accepted: Sequence[str] = (), pairs: Sequence[tuple[str, str]] | None = None,
    items: Sequence[str] | None = None,
) -> Question:
    """Return ``original`` with the teacher's edits applied (choices/accepted one per item).

    Matching questions take ``pairs`` (left, right) and ordering questions ``items`` in the right
    order; their options are derived from those.
    """
    prompt, answer = prompt.strip(), answer.strip()
    new_choices = _lines(choices)
    new_pairs, new_items = original.pairs, original.items
    how = shape(original)
    if how == "true_false":
        new_choices = (TRUE_LABEL, FALSE_LABEL)
    elif how == "matching":
        if pairs is not None:
            new_pairs = tuple((a.strip(), b.strip()) for a, b in pairs if a.strip() and b.strip())
        new_choices = _shuffled_like(original.key, [b for _, b in new_pairs], original.choices)
        answer = original.answer
    elif how == "ordering":
        if items is not None:
            new_items = _lines(items)
        new_choices = _shuffled_like(original.key, new_items, original.choices)
        answer = original.answer
    elif how != "choice" and not (original.kind == "cloze" and new_choices):
        new_choices = ()  # typed answers have no options
    return replace(original, prompt=prompt, answer=answer, choices=new_choices, pairs=new_pairs,
                   items=new_items, accepted=tuple(a for a in _lines(accepted) if a != answer))


def edit_question(
    session: Session, owner_id: int, bank_question_id: int, *, prompt: str, answer: str,
    choices: Sequence[str] = (), accepted: Sequence[str] = (),
    pairs: Sequence[tuple[str, str]] | None = None, items: Sequence[str] | None = None,
) -> models.BankQuestion:
    """Save the teacher's edit if it passes the checks; otherwise raise QuestionInvalid, saving nothing."""
    bq = owned_question(session, owner_id, bank_question_id)
    question = edited_question(bank_service.load_question(bq.data_json), prompt=prompt, answer=answer,
                               choices=choices, accepted=accepted, pairs=pairs, items=items)
    question = clean_question(question)
    problems = []
    if not question.prompt:
        problems.append("اكتب نص السؤال.")
    if shape(question) not in ("matching", "ordering") and not question.answer:
        problems.append("اكتب الإجابة الصحيحة.")
    problems += check_messages(question) if not problems else []
    if problems:
        raise QuestionInvalid(problems)
    bq.data_json = bank_service.dump_question(question)
    session.commit()
    return bq


def add_question(
    session: Session, owner_id: int, bank_id: int, *, kind: str, prompt: str, answer: str,
    choices: Sequence[str] = (), accepted: Sequence[str] = (), fact_type: str = "",
    source_text: str = "", pairs: Sequence[tuple[str, str]] = (), items: Sequence[str] = (),
) -> models.BankQuestion:
    """Add a hand-written question (approved: the teacher wrote it) if it passes the checks.

    Matching questions take ``pairs`` (left, right) and ordering questions ``items`` in the right
    order; their options are those, shuffled by the question's key, and their answer is derived.
    """
    bank = owned_bank(session, owner_id, bank_id)
    if kind not in HAND_KINDS:
        raise QuestionInvalid(["نوع السؤال غير مدعوم للإضافة اليدوية."])
    key = "hand-" + uuid.uuid4().hex[:12]
    answer = answer.strip()
    new_pairs: tuple[tuple[str, str], ...] = ()
    new_items: tuple[str, ...] = ()
    if kind == "true_false":
        opts: tuple[str, ...] = (TRUE_LABEL, FALSE_LABEL)
    elif kind in ("mcq", "cloze"):
        opts = _lines(choices)
    elif kind == "matching":
        new_pairs = tuple((a.strip(), b.strip()) for a, b in pairs if a.strip() and b.strip())
        opts = _shuffled_like(key, _lines(b for _, b in new_pairs))
        answer = " | ".join(b for _, b in new_pairs)
    elif kind == "ordering":
        new_items = _lines(items)
        opts = _shuffled_like(key, new_items)
        answer = " ← ".join(new_items)
    else:
        opts = ()
    source_text = source_text.strip()
    start = source_text.find(answer) if answer and source_text and kind not in ("matching", "ordering") else -1
    question = Question(
        key=key, kind=kind,
        fact_type=fact_type if fact_type in FACT_TYPES else "",
        prompt=prompt.strip(), answer=answer, choices=opts,
        accepted=tuple(a for a in _lines(accepted) if a != answer) if kind not in ("matching", "ordering") else (),
        source=Source(source_text, max(start, 0), max(start, 0) + len(answer) if start >= 0 else 0),
        tolerance=0.0 if kind == "numeric" else None, pairs=new_pairs, items=new_items,
    )
    question = clean_question(question)
    problems = check_messages(question)
    if kind == "matching" and len(new_pairs) < 2:
        problems.insert(0, "اكتب زوجين على الأقل، كل زوج في سطر: العنصر = ما يقابله.")
    elif kind == "ordering" and len(new_items) < 3:
        problems.insert(0, "اكتب ثلاثة عناصر على الأقل بترتيبها الصحيح، عنصرًا في كل سطر.")
    if not prompt.strip() or not answer:
        problems.insert(0, "نص السؤال والإجابة مطلوبان." if kind not in ("matching", "ordering")
                        else "اكتب نص السؤال.")
    if problems:
        raise QuestionInvalid(problems)
    position = 1 + max((q.position for q in bank.questions), default=-1)
    bq = models.BankQuestion(bank_id=bank.id, key=question.key, kind=kind, fact_type=question.fact_type,
                             status="approved", position=position,
                             data_json=bank_service.dump_question(question))
    session.add(bq)
    session.commit()
    return bq


def regenerate_distractors(session: Session, owner_id: int, bank_question_id: int, *,
                           tries: int = 10) -> bool:
    """Give a multiple-choice question new wrong options; return False when none could be found.

    The generator is deterministic per seed and its keys are stable, so generating the article
    again with other seeds yields the same question with other distractors; the first set that
    differs from the current one and passes the checks is taken.
    """
    bq = owned_question(session, owner_id, bank_question_id)
    current = bank_service.load_question(bq.data_json)
    if shape(current) != "choice":
        return False
    art = bq.bank.article
    rng = random.Random(secrets.randbits(32))  # picks distractors, not a secret  # nosec B311
    for _ in range(tries):
        bank = article_service.generator()(
            art.text, seed=rng.randrange(1, 10**6),
            article_date=art.published_on.isoformat() if art.published_on else None,
            title=art.title, source=art.source,
        )
        for q in bank.questions:
            if q.key != current.key or set(q.choices) == set(current.choices):
                continue
            if current.answer not in q.choices:
                continue
            candidate = replace(current, choices=q.choices)
            if not check(candidate):
                bq.data_json = bank_service.dump_question(candidate)
                session.commit()
                return True
    return False
