"""The autosave hot path: a student's answers stored in one transaction of a few plain statements.

Autosave is most of the traffic while a class takes a quiz (one request per answer). The general path
(``attempts.save_answers``) loads ORM objects, re-reads the attempt under its lock and flushes through
the unit of work; this one reads the attempt, its owner and its saved answers in one locking query,
parses the form against the attempt's questions (built once per attempt and worker: an attempt's
questions and option orders never change), and writes only the answers that changed.

It handles the common case only and returns None otherwise — not the owner, a stale session, a
submitted or expired attempt — so the caller falls back to the general path, which answers 404 or
closes the attempt exactly as before.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
import weakref
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import Engine, bindparam, delete, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from quiz import models
from quiz.services.attempts import Item, parse_answers
from quiz.services.snapshots import snapshots

MAX_ATTEMPTS = 5000  # attempts whose question list each worker keeps parsed

A, U, R = models.Attempt, models.User, models.Response
STATE = (
    select(A.user_id, A.submitted_at, A.deadline_at, A.question_ids_json, A.option_order_json,
           U.session_version, R.id, R.quiz_question_id, R.answer_json)
    .select_from(A)
    .join(U, U.id == A.user_id)
    .outerjoin(R, R.attempt_id == A.id)
    .where(A.id == bindparam("attempt_id"))
    # Writers of one attempt queue on its row (PostgreSQL); SQLite's BEGIN IMMEDIATE already did.
    .with_for_update(of=A)
)


@dataclass(frozen=True)
class Saved:
    """What an autosave did: answers changed, questions now answered, questions in the attempt."""

    changed: int
    answered: list[int]
    total: int


_items: weakref.WeakKeyDictionary[Engine, OrderedDict[int, tuple[Item, ...]]] = weakref.WeakKeyDictionary()
_lock = threading.Lock()


def _attempt_items(session: Session, attempt_id: int, ids_json: str, orders_json: str) -> tuple[Item, ...]:
    bind = session.get_bind()
    engine = bind if isinstance(bind, Engine) else bind.engine
    with _lock:
        cache = _items.setdefault(engine, OrderedDict())
        found = cache.get(attempt_id)
    if found is not None:
        return found
    ids = [int(i) for i in json.loads(ids_json)]
    orders = json.loads(orders_json or "{}")
    snaps = snapshots(session, ids)
    out = []
    for number, qq_id in enumerate(ids, start=1):
        snap = snaps.get(qq_id)
        if snap is None:
            continue
        order = orders.get(str(qq_id), {})
        out.append(Item(qq_id=qq_id, number=number, kind=snap.question.kind, prompt=snap.question.prompt,
                        points=snap.points, choices=tuple(order.get("choices", ())),
                        rows=tuple(order.get("rows", ())), options=tuple(order.get("options", ())),
                        items=tuple(order.get("items", ()))))
    items = tuple(out)
    with _lock:
        cache[attempt_id] = items
        while len(cache) > MAX_ATTEMPTS:
            cache.popitem(last=False)
    return items


def fast_autosave(session: Session, attempt_id: int, user_id: object, session_version: object,
                  form: Mapping[str, str], *, now: dt.datetime | None = None) -> Saved | None:
    """Store the form's answers for the user's open attempt and commit; None when the general path must run."""
    if not isinstance(user_id, int):
        return None
    conn = session.connection()
    rows = conn.execute(STATE, {"attempt_id": attempt_id}).all()
    if not rows:
        return None
    head = rows[0]
    now = now or models.utcnow()
    if (head.user_id != user_id or head.session_version != session_version or head.submitted_at is not None
            or (head.deadline_at is not None and now >= head.deadline_at)):
        session.rollback()
        return None
    items = _attempt_items(session, attempt_id, head.question_ids_json, head.option_order_json)
    allowed = {it.qq_id for it in items}
    answers = parse_answers(items, form)
    existing = {r.quiz_question_id: (r.id, r.answer_json) for r in rows if r.quiz_question_id is not None}
    answered = set(existing)
    changed = 0
    try:
        for qq_id, answer in answers.items():
            if qq_id not in allowed:
                continue
            row = existing.get(qq_id)
            if answer is None:
                answered.discard(qq_id)
                if row is not None:
                    conn.execute(delete(R).where(R.id == row[0]))
                    changed += 1
                continue
            answered.add(qq_id)
            payload = json.dumps(answer, ensure_ascii=False)
            if row is None:
                conn.execute(insert(R).values(attempt_id=attempt_id, quiz_question_id=qq_id,
                                              answer_json=payload, saved_at=now))
                changed += 1
            elif row[1] != payload:
                conn.execute(update(R).where(R.id == row[0]).values(answer_json=payload, saved_at=now))
                changed += 1
        session.commit()
    except IntegrityError:
        # Another request of this attempt stored the same new answer first (its row was not in our
        # statement's snapshot): the general path retries as an update.
        session.rollback()
        return None
    return Saved(changed, sorted(answered), len(items))
