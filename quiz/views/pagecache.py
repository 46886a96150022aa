"""Rendered question pages of attempts in progress, cached per worker.

A student's question page changes only when something it shows changes. One query reads all of it —
the attempt (owner, time limit, submitted), its quiz (title, layout, close time), its user (name, role, session
version) and its saved answers — and the tuple of those values, with the page number, the session's
CSRF secret and the script root, is the cache key. A hit serves the stored HTML without building an
ORM object graph or rendering a template; a miss renders normally and stores the result.

Never cached: a request with flashed messages waiting, a submitted or expired attempt (the view
redirects), another user's attempt (the view's 404), a CSRF time limit (the stored token would age).
The page's ``data-now`` (the server clock the countdown corrects skew with) is filled in per request.
"""

from __future__ import annotations

import datetime as dt
import re
import threading
import weakref
from collections import OrderedDict
from typing import Any, Generic, TypeVar

from flask import current_app, g, request, session
from sqlalchemy import Engine, bindparam, select
from sqlalchemy.sql.compiler import SQLCompiler

from quiz import models
from quiz.db import get_db
from quiz.services.attempts import deadline_of
from quiz.views.helpers import iso

EXTENSION_KEY = "fahim_page_cache"
MAX_PAGES = 2000  # per worker; a question page is a few kB
NOW_SLOT = "\x00now\x00"
_NOW_ATTR = re.compile(r'data-now="[^"]*"')

A, Q, U, R = models.Attempt, models.Quiz, models.User, models.Response
# Everything the page shows that can change, in one round trip (one row per saved answer).
STATE = (
    select(A.user_id, A.submitted_at, A.time_limit_at, A.practice, Q.title, Q.layout, U.name, U.role,
           U.session_version, R.quiz_question_id, R.answer_json, Q.closes_at)
    .select_from(A)
    .join(Q, Q.id == A.quiz_id)
    .join(U, U.id == A.user_id)
    .outerjoin(R, R.attempt_id == A.id)
    .where(A.id == bindparam("attempt_id"))
)
# Per engine: the SQL text and, for positional drivers (SQLite), the order of its parameters.
_compiled: weakref.WeakKeyDictionary[Engine, tuple[str, tuple[str, ...] | None]] = weakref.WeakKeyDictionary()


V = TypeVar("V")


class PageCache(Generic[V]):
    """A bounded LRU map from page keys to rendered HTML, or to what a page is built from (thread-safe)."""

    def __init__(self, size: int = MAX_PAGES) -> None:
        self.size = size
        self.pages: OrderedDict[tuple[Any, ...], V] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key: tuple[Any, ...]) -> V | None:
        """Return the page stored under ``key`` (and mark it recently used), or None."""
        with self.lock:
            html = self.pages.get(key)
            if html is not None:
                self.pages.move_to_end(key)
            return html

    def put(self, key: tuple[Any, ...], html: V) -> None:
        """Store ``html`` under ``key``, dropping the least recently used page when full."""
        with self.lock:
            self.pages[key] = html
            self.pages.move_to_end(key)
            while len(self.pages) > self.size:
                self.pages.popitem(last=False)


def _cache() -> PageCache[str]:
    cache = current_app.extensions.get(EXTENSION_KEY)
    if not isinstance(cache, PageCache):
        cache = current_app.extensions[EXTENSION_KEY] = PageCache[str]()
    return cache


def lookup(attempt_id: int) -> str | None:
    """Return this request's page from the cache, or None (then ``store`` keeps what the view renders)."""
    g.pop("page_cache_key", None)
    uid = session.get("user_id")
    secret = session.get("csrf_token")
    if (not isinstance(uid, int) or not secret or "_flashes" in session
            or current_app.config.get("WTF_CSRF_TIME_LIMIT") is not None):
        return None
    rows = _state(attempt_id)
    if not rows:
        return None
    user_id, submitted_at, limit, practice, title, layout, name, role, version = rows[0][:9]
    now = models.utcnow()
    deadline = deadline_of(_time(limit), _time(rows[0][11]), bool(practice))
    if (user_id != uid or version != session.get("sv") or submitted_at is not None
            or (deadline is not None and now >= deadline)):
        return None
    answers = tuple(sorted((r[9], r[10]) for r in rows if r[9] is not None))
    key = (attempt_id, request.args.get("page"), request.script_root, secret, name, role, title, layout,
           deadline, bool(practice), answers)
    html = _cache().get(key)
    if html is None:
        g.page_cache_key = key
        return None
    return html.replace(NOW_SLOT, iso(now)) if deadline is not None else html


def _time(value: Any) -> dt.datetime | None:
    # SQLite hands back the stored text.
    return dt.datetime.fromisoformat(value) if isinstance(value, str) else value


def _state(attempt_id: int) -> list[Any]:
    # The driver directly, with the statement compiled once per engine: on a cache hit this query is
    # most of the request's own work, and SQLAlchemy's result machinery would double it.
    engine = get_db().engine
    plan = _compiled.get(engine)
    if plan is None:
        compiled = STATE.compile(dialect=engine.dialect)
        assert isinstance(compiled, SQLCompiler)  # a SELECT compiles to SQL; narrows the type  # nosec B101
        order = tuple(compiled.positiontup or ()) if compiled.positional else None
        plan = _compiled[engine] = (str(compiled), order)
    sql, order = plan
    args: Any = (attempt_id,) * len(order) if order is not None else {"attempt_id": attempt_id}
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        cursor.execute(sql, args)
        rows = list(cursor.fetchall())
        cursor.close()
    finally:
        raw.close()
    return rows


def store(html: str) -> str:
    """Keep the page the view rendered under the key ``lookup`` computed; return ``html``."""
    key = g.pop("page_cache_key", None)
    if key is not None:
        _cache().put(key, _NOW_ATTR.sub(f'data-now="{NOW_SLOT}"', html, count=1))
    return html
