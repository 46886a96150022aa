"""The answering hot paths (autosave, submit): one transaction of a few plain statements each.

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
from typing import Any

from sqlalchemy import Connection, Engine, Row, bindparam, delete, func, insert, select, text, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from questions import grading
from quiz import models
from quiz.services.attempts import Item, build_items, deadline_of, parse_answers
from quiz.services.snapshots import snapshots

MAX_ATTEMPTS = 5000  # attempts whose question list each worker keeps parsed

A, U, R, Q = models.Attempt, models.User, models.Response, models.Quiz
STATE = (
    select(A.user_id, A.submitted_at, A.time_limit_at, A.practice, Q.closes_at, A.question_ids_json,
           A.option_order_json, U.session_version, R.id, R.quiz_question_id, R.answer_json, R.saved_at)
    .select_from(A)
    .join(U, U.id == A.user_id)
    .join(Q, Q.id == A.quiz_id)  # its close time, as it is now, is part of the attempt's deadline
    .outerjoin(R, R.attempt_id == A.id)
    .where(A.id == bindparam("attempt_id"))
    # Writers of one attempt queue on its row (PostgreSQL); SQLite's BEGIN IMMEDIATE already did.
    .with_for_update(of=A)
)
# On PostgreSQL the same query also turns off synchronous commit for this transaction (SET LOCAL, in
# the same round trip): an answer is only a draft until the submission, so a draft's commit need not
# wait for the WAL flush — a server crash could drop the last fraction of a second of drafts, never
# corrupt anything, and the page sends them again. A submission reads with STATE and waits for the disk.
STATE_PG = STATE.add_columns(func.set_config("synchronous_commit", "off", True).label("async_commit"))


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
    out = build_items(ids, snapshots(session, ids), json.loads(orders_json or "{}"))
    items = tuple(out)
    with _lock:
        cache[attempt_id] = items
        while len(cache) > MAX_ATTEMPTS:
            cache.popitem(last=False)
    return items


# Statements built once (SQLAlchemy caches their compiled form): the hot paths only bind values.
INSERT = insert(R)
DELETE = delete(R).where(R.id == bindparam("rid"))
ANSWER = (update(R).where(R.id == bindparam("rid"))
          .values(answer_json=bindparam("new_answer"), saved_at=bindparam("new_saved_at")))
SCORE = update(R).where(R.id == bindparam("rid")).values(score=bindparam("new_score"))


def _open_state(session: Session, attempt_id: int, user_id: object, session_version: object,
                now: dt.datetime, *, draft: bool = True) -> tuple[Connection, list[Row[Any]]] | None:
    # The attempt, its owner and its answers under the attempt's row lock; None (rolled back) unless
    # it is the user's own attempt, still open.
    if not isinstance(user_id, int):
        return None
    conn = session.connection()
    stmt = STATE_PG if draft and conn.dialect.name == "postgresql" else STATE
    rows = list(conn.execute(stmt, {"attempt_id": attempt_id}).all())
    if not rows:
        session.rollback()
        return None
    head = rows[0]
    ends = deadline_of(head.time_limit_at, head.closes_at, head.practice)
    if (head.user_id != user_id or head.session_version != session_version or head.submitted_at is not None
            or (ends is not None and now >= ends)):
        session.rollback()
        return None
    return conn, rows


# PostgreSQL, once this worker knows the attempt's questions: the whole autosave is one statement in
# its own transaction (one round trip instead of BEGIN, read, write, COMMIT); its WHERE is the rule of
# ``attempts.deadline_of`` written in SQL (before the attempt's own limit and the quiz's close time as
# it is now, unless a practice attempt), like the SQLite guard below. The attempt row is
# share-locked, so a submission (FOR UPDATE) and an autosave of one attempt still queue; when the
# attempt is not the user's, not open, or was just submitted, ``open_attempt`` is empty and nothing
# is written.
# ``before`` is the statement's snapshot, i.e. the answers as they were before this save.
ONE_STATEMENT_PG = text("""
WITH open_attempt AS (
    SELECT a.id, set_config('synchronous_commit', 'off', true) AS async_commit
    FROM attempts a JOIN users u ON u.id = a.user_id JOIN quizzes q ON q.id = a.quiz_id
    WHERE a.id = :aid AND a.user_id = :uid AND u.session_version = :sv
      AND a.submitted_at IS NULL AND (a.time_limit_at IS NULL OR a.time_limit_at > :now)
      AND (a.practice OR q.closes_at IS NULL OR q.closes_at > :now)
    FOR SHARE OF a
), v AS (
    SELECT * FROM unnest(CAST(:qqs AS integer[]), CAST(:answers AS text[])) AS v (qq, answer)
), up AS (
    INSERT INTO responses (attempt_id, quiz_question_id, answer_json, saved_at)
    SELECT open_attempt.id, v.qq, v.answer, :now FROM open_attempt, v
    ON CONFLICT (attempt_id, quiz_question_id) DO UPDATE
        SET answer_json = EXCLUDED.answer_json, saved_at = EXCLUDED.saved_at
        WHERE responses.answer_json IS DISTINCT FROM EXCLUDED.answer_json
    RETURNING quiz_question_id
), gone AS (
    DELETE FROM responses USING open_attempt
    WHERE responses.attempt_id = open_attempt.id AND responses.quiz_question_id = ANY(CAST(:cleared AS integer[]))
    RETURNING responses.quiz_question_id
)
SELECT (SELECT count(*) FROM open_attempt) AS open_count,
       (SELECT count(*) FROM up) + (SELECT count(*) FROM gone) AS changed,
       ARRAY(SELECT quiz_question_id FROM responses WHERE attempt_id = :aid) AS before
""")


def _one_statement_pg(session: Session, attempt_id: int, user_id: int, session_version: object,
                      form: Mapping[str, str], now: dt.datetime) -> Saved | None:
    bind = session.get_bind()
    engine = bind if isinstance(bind, Engine) else bind.engine
    if engine.dialect.name != "postgresql" or not isinstance(session_version, int):
        return None
    with _lock:
        items = _items.get(engine, OrderedDict()).get(attempt_id)
    if items is None:
        return None
    allowed = {it.qq_id for it in items}
    answers = {q: a for q, a in parse_answers(items, form).items() if q in allowed}
    written = {q: json.dumps(a, ensure_ascii=False) for q, a in answers.items() if a is not None}
    cleared = [q for q, a in answers.items() if a is None]
    with engine.connect() as conn:
        row = conn.execution_options(isolation_level="AUTOCOMMIT").execute(ONE_STATEMENT_PG, {
            "aid": attempt_id, "uid": user_id, "sv": session_version, "now": now,
            "qqs": list(written), "answers": list(written.values()), "cleared": cleared,
        }).one()
    if not row.open_count:
        return None
    answered = (set(row.before) | set(written)) - set(cleared)
    return Saved(int(row.changed), sorted(answered), len(items))


# SQLite, once this worker knows the attempt's questions: read and decide outside the write lock (WAL
# readers never wait), then hold the lock only for a guard and the writes. SQLite has one writer at
# a time and a waiting writer sleeps in steps of milliseconds, so the time inside the lock is what
# limits how many answers a server stores per second. The guard re-checks, under the lock, that the
# attempt is still this user's and open; the writes are upserts and deletes by question, so they are
# right even if another tab saved in between (only the reported ``changed`` count could be off). The
# deadline is checked twice: on the read, with ``deadline_of``; in the guard, the same rule in SQL
# (a teacher may move the quiz's close time in between).
READ_SQLITE = ("SELECT a.user_id, a.submitted_at, u.session_version, a.time_limit_at, q.closes_at, a.practice, "
               "r.quiz_question_id, r.answer_json "
               "FROM attempts a JOIN users u ON u.id = a.user_id JOIN quizzes q ON q.id = a.quiz_id "
               "LEFT JOIN responses r ON r.attempt_id = a.id WHERE a.id = ?")
GUARD_SQLITE = ("SELECT 1 FROM attempts a JOIN users u ON u.id = a.user_id JOIN quizzes q ON q.id = a.quiz_id "
                "WHERE a.id = :aid AND a.user_id = :uid AND u.session_version = :sv AND a.submitted_at IS NULL "
                "AND (a.time_limit_at IS NULL OR a.time_limit_at > :now) "
                "AND (a.practice OR q.closes_at IS NULL OR q.closes_at > :now)")
UPSERT_SQLITE = ("INSERT INTO responses (attempt_id, quiz_question_id, answer_json, saved_at) VALUES (?, ?, ?, ?) "
                 "ON CONFLICT (attempt_id, quiz_question_id) DO UPDATE "
                 "SET answer_json = excluded.answer_json, saved_at = excluded.saved_at")
DELETE_SQLITE = "DELETE FROM responses WHERE attempt_id = ? AND quiz_question_id = ?"
SQLITE_TIME = "%Y-%m-%d %H:%M:%S.%f"  # how SQLAlchemy stores a DateTime in SQLite


def _sqlite_time(value: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(value) if value else None


def _short_lock_sqlite(session: Session, attempt_id: int, user_id: int, session_version: object,
                       form: Mapping[str, str], now: dt.datetime) -> Saved | None:
    bind = session.get_bind()
    engine = bind if isinstance(bind, Engine) else bind.engine
    if engine.dialect.name != "sqlite":
        return None
    with _lock:
        items = _items.get(engine, OrderedDict()).get(attempt_id)
    if items is None:
        return None
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        rows = cursor.execute(READ_SQLITE, (attempt_id,)).fetchall()
        if not rows:
            return None
        owner, submitted_at, version, limit, closes_at, practice = rows[0][:6]
        stamp = now.strftime(SQLITE_TIME)
        ends = deadline_of(_sqlite_time(limit), _sqlite_time(closes_at), bool(practice))
        if (owner != user_id or version != session_version or submitted_at is not None
                or (ends is not None and now >= ends)):
            return None
        existing = {r[6]: r[7] for r in rows if r[6] is not None}
        allowed = {it.qq_id for it in items}
        writes: list[tuple[int, int, str, str]] = []
        deletes: list[tuple[int, int]] = []
        answered = set(existing)
        for qq_id, answer in parse_answers(items, form).items():
            if qq_id not in allowed:
                continue
            if answer is None:
                answered.discard(qq_id)
                if qq_id in existing:
                    deletes.append((attempt_id, qq_id))
                continue
            answered.add(qq_id)
            payload = json.dumps(answer, ensure_ascii=False)
            if existing.get(qq_id) != payload:
                writes.append((attempt_id, qq_id, payload, stamp))
        if writes or deletes:
            cursor.execute("BEGIN IMMEDIATE")
            guard = {"aid": attempt_id, "uid": user_id, "sv": session_version, "now": stamp}
            if cursor.execute(GUARD_SQLITE, guard).fetchone() is None:
                raw.rollback()
                return None
            cursor.executemany(UPSERT_SQLITE, writes)
            cursor.executemany(DELETE_SQLITE, deletes)
            raw.commit()
        cursor.close()
    finally:
        raw.close()
    return Saved(len(writes) + len(deletes), sorted(answered), len(items))


def fast_autosave(session: Session, attempt_id: int, user_id: object, session_version: object,
                  form: Mapping[str, str], *, now: dt.datetime | None = None) -> Saved | None:
    """Store the form's answers for the user's open attempt and commit; None when the general path must run."""
    now = now or models.utcnow()
    if isinstance(user_id, int):
        saved = (_one_statement_pg(session, attempt_id, user_id, session_version, form, now)
                 or _short_lock_sqlite(session, attempt_id, user_id, session_version, form, now))
        if saved is not None:
            return saved
    state = _open_state(session, attempt_id, user_id, session_version, now)
    if state is None:
        return None
    conn, rows = state
    head = rows[0]
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
                    conn.execute(DELETE, {"rid": row[0]})
                    changed += 1
                continue
            answered.add(qq_id)
            payload = json.dumps(answer, ensure_ascii=False)
            if row is None:
                conn.execute(INSERT, {"attempt_id": attempt_id, "quiz_question_id": qq_id, "answer_json": payload,
                                      "saved_at": now})
                changed += 1
            elif row[1] != payload:
                conn.execute(ANSWER, {"rid": row[0], "new_answer": payload, "new_saved_at": now})
                changed += 1
        session.commit()
    except IntegrityError:
        # Another request of this attempt stored the same new answer first (its row was not in our
        # statement's snapshot): the general path retries as an update.
        session.rollback()
        return None
    return Saved(changed, sorted(answered), len(items))


ANSWER_AND_SCORE = (update(R).where(R.id == bindparam("rid"))
                    .values(answer_json=bindparam("new_answer"), saved_at=bindparam("new_saved_at"),
                            score=bindparam("new_score")))


def fast_submit(session: Session, attempt_id: int, user_id: object, session_version: object,
                form: Mapping[str, str], *, now: dt.datetime | None = None) -> bool:
    """Store the page's last answers, grade and close the user's open attempt in one transaction.

    Return False (nothing done) when the general path must run: not the owner's open attempt, or a
    race with another request of the same attempt.
    """
    now = now or models.utcnow()
    state = _open_state(session, attempt_id, user_id, session_version, now, draft=False)  # waits for the disk
    if state is None:
        return False
    conn, rows = state
    head = rows[0]
    items = _attempt_items(session, attempt_id, head.question_ids_json, head.option_order_json)
    snaps = snapshots(session, [it.qq_id for it in items])
    answers = parse_answers(items, form)
    existing = {r.quiz_question_id: (r.id, r.answer_json, r.saved_at) for r in rows if r.quiz_question_id is not None}
    deadline = deadline_of(head.time_limit_at, head.closes_at, head.practice)
    total = earned = 0.0
    scores: list[dict[str, Any]] = []
    rewrites: list[dict[str, Any]] = []
    try:
        for it in items:
            snap = snaps[it.qq_id]
            total += snap.points
            row = existing.get(it.qq_id)
            if it.qq_id in answers:
                answer = answers[it.qq_id]
                if answer is None:
                    if row is not None:
                        conn.execute(DELETE, {"rid": row[0]})
                    continue
                payload = json.dumps(answer, ensure_ascii=False)
                score = round(grading.grade(snap.question, answer) * snap.points, 4)
                if row is None:
                    conn.execute(INSERT, {"attempt_id": attempt_id, "quiz_question_id": it.qq_id,
                                          "answer_json": payload, "saved_at": now, "score": score})
                elif row[1] != payload:
                    rewrites.append({"rid": row[0], "new_answer": payload, "new_saved_at": now, "new_score": score})
                else:
                    scores.append({"rid": row[0], "new_score": score})
                earned += score
            elif row is not None:
                late = deadline is not None and row[2] > deadline
                score = 0.0 if late else round(grading.grade(snap.question, json.loads(row[1])) * snap.points, 4)
                scores.append({"rid": row[0], "new_score": score})
                earned += score
        if scores:
            conn.execute(SCORE, scores)
        if rewrites:
            conn.execute(ANSWER_AND_SCORE, rewrites)
        closed_at = min(now, deadline) if deadline else now
        done = conn.execute(
            update(A).where(A.id == attempt_id, A.submitted_at.is_(None))
            .values(submitted_at=closed_at, score=round(earned, 4), max_score=round(total, 4)))
        if done.rowcount != 1:
            session.rollback()
            return False
        session.commit()
    except IntegrityError:
        session.rollback()
        return False
    return True
