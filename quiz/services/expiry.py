"""Attempts whose time ran out, closed in batches: graded at their deadline, one transaction per batch.

A student who comes back to an expired attempt closes it on that request (``attempts.close_if_expired``);
the rest are swept here, never by a page that reads results: by ``flask close-expired`` (run it from
cron or a timer every few minutes) and after a teacher's results page has been sent. A batch costs the
same few statements whatever its size: the attempts, their answers, the scores and the closings.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from typing import Any

from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import Session

from quiz import models
from quiz.services.attempts import deadline_of, grade_answers, past_deadline
from quiz.services.snapshots import snapshots

BATCH = 200

A, Q, R = models.Attempt, models.Quiz, models.Response
SCORE = update(R).where(R.id == bindparam("rid")).values(score=bindparam("new_score"))
CLOSE = (update(A).where(A.id == bindparam("aid"), A.submitted_at.is_(None))
         .values(submitted_at=bindparam("closed_at"), score=bindparam("new_score"),
                 max_score=bindparam("new_max")))


def _close_batch(session: Session, rows: list[Any]) -> int:
    ids = {r.id: [int(i) for i in json.loads(r.question_ids_json)] for r in rows}
    answers: dict[int, dict[int, tuple[str, dt.datetime]]] = defaultdict(dict)
    response_ids: dict[tuple[int, int], int] = {}
    for rid, attempt_id, qq_id, answer_json, saved_at in session.execute(
            select(R.id, R.attempt_id, R.quiz_question_id, R.answer_json, R.saved_at)
            .where(R.attempt_id.in_(list(ids)))):
        answers[attempt_id][qq_id] = (answer_json, saved_at)
        response_ids[(attempt_id, qq_id)] = rid
    qqs = snapshots(session, {q for qs in ids.values() for q in qs})
    scores: list[dict[str, Any]] = []
    closings: list[dict[str, Any]] = []
    for r in rows:
        ends = deadline_of(r.time_limit_at, r.closes_at, r.practice)
        graded, earned, total = grade_answers(ids[r.id], qqs, answers[r.id], ends)
        scores += [{"rid": response_ids[(r.id, qq_id)], "new_score": score} for qq_id, score in graded.items()]
        closings.append({"aid": r.id, "closed_at": ends, "new_score": earned, "new_max": total})
    conn = session.connection()
    if scores:
        conn.execute(SCORE, scores)
    conn.execute(CLOSE, closings)
    session.commit()
    return len(rows)


def sweep(session: Session, now: dt.datetime | None = None, *, quiz_id: int | None = None,
          user_id: int | None = None, batch: int = BATCH, max_batches: int | None = None) -> int:
    """Grade and close, at their deadline, the open attempts whose deadline has passed; return how many.

    Works ``batch`` attempts at a time, each batch in its own transaction (on PostgreSQL the batch's
    rows are locked, and rows a student's own request holds are left to that request).
    """
    now = now or models.utcnow()
    closed = batches = 0
    while max_batches is None or batches < max_batches:
        stmt = (select(A.id, A.question_ids_json, A.time_limit_at, A.practice, Q.closes_at)
                .join(Q, Q.id == A.quiz_id)
                .where(A.submitted_at.is_(None), past_deadline(now))
                .order_by(A.id).limit(batch).with_for_update(of=A, skip_locked=True))
        if quiz_id is not None:
            stmt = stmt.where(A.quiz_id == quiz_id)
        if user_id is not None:
            stmt = stmt.where(A.user_id == user_id)
        rows = list(session.execute(stmt))
        if not rows:
            session.rollback()
            break
        closed += _close_batch(session, rows)
        batches += 1
        if len(rows) < batch:
            break
    return closed
