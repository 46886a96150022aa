"""Published quiz questions, parsed once per process.

A quiz question's snapshot (``QuizQuestion.data_json``, its points and quiz) is written when the quiz
is published and never changes afterwards; attempts exist only for published quizzes. So the hot
paths (the question page, autosave, submit) read each snapshot from the database once per worker and
keep the parsed ``Question``, instead of loading ORM rows and parsing JSON on every request. The
cache belongs to the engine (one per app), so a fresh app or database never sees another's entries.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from questions.model import Question
from quiz import models
from quiz.services.banks import load_question

MAX_ENTRIES = 50_000  # far more questions than a school publishes; a bound keeps memory predictable


@dataclass(frozen=True)
class Snapshot:
    """A quiz question as published: id, quiz, points, its stored JSON and the parsed Question."""

    id: int
    quiz_id: int
    points: float
    data_json: str
    question: Question


_caches: weakref.WeakKeyDictionary[Engine, dict[int, Snapshot]] = weakref.WeakKeyDictionary()
_lock = threading.Lock()


def _cache(session: Session) -> dict[int, Snapshot]:
    engine = session.get_bind()
    if not isinstance(engine, Engine):  # a session bound to a connection: no sharing across requests
        engine = engine.engine
    with _lock:
        cache = _caches.get(engine)
        if cache is None:
            cache = _caches[engine] = {}
        return cache


def snapshots(session: Session, ids: Iterable[int]) -> dict[int, Snapshot]:
    """Return the snapshots of quiz questions ``ids`` (missing ids are left out), from the cache when known."""
    cache = _cache(session)
    wanted = list(ids)
    found = {i: s for i in wanted if (s := cache.get(i)) is not None}
    missing = [i for i in wanted if i not in found]
    if missing:
        QQ = models.QuizQuestion
        rows = session.execute(select(QQ.id, QQ.quiz_id, QQ.points, QQ.data_json).where(QQ.id.in_(missing)))
        fresh = {r.id: Snapshot(r.id, r.quiz_id, float(r.points), r.data_json, load_question(r.data_json))
                 for r in rows}
        with _lock:
            if len(cache) + len(fresh) > MAX_ENTRIES:
                cache.clear()
            cache.update(fresh)
        found.update(fresh)
        return {i: found[i] for i in wanted if i in found}
    return found

def forget(session: Session, ids: Iterable[int]) -> None:
    """Drop cached snapshots (for code that rewrites a quiz question's snapshot)."""
    cache = _cache(session)
    with _lock:
        for i in ids:
            cache.pop(i, None)
