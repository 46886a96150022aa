"""The «مراجعة اليوم» page of a card not yet turned over, rendered once and kept per worker.

The page shows the student's next card: its front changes only when something it shows changes. One
query reads all of it — the user (name, role, session version), whether an attempt waits to feed the
queue, the card to show (id, review count, saved answer, answer shown or not, its article's title) and
how many cards are due — and the tuple of those values, with the session's CSRF secret and the script
root, is the cache key (``quiz.views.pagecache`` does the same for quiz pages). A hit serves the stored
HTML without building ORM objects or rendering a template; a miss renders normally and stores the result.

Never cached: a request with flashed messages waiting, a guest or another session's user, an attempt
waiting to feed the queue (the view feeds it), no card due, a card whose answer is showing, a CSRF
time limit (the stored token would age).
"""

from __future__ import annotations

import weakref
from typing import Any

from flask import current_app, g, request, session
from sqlalchemy import DateTime, Engine, Integer, bindparam, exists, literal_column, select
from sqlalchemy.orm import aliased
from sqlalchemy.sql.compiler import SQLCompiler

from quiz import models
from quiz.db import get_db
from quiz.services import study as study_service
from quiz.views.pagecache import PageCache

EXTENSION_KEY = "fahim_study_page_cache"
MAX_PAGES = 2000

U, Card, Art = models.User, aliased(models.StudyCard), models.Article
_uid = bindparam("uid", type_=Integer())
_now, _until = bindparam("now", type_=DateTime()), bindparam("until", type_=DateTime())
_shown = study_service.next_card_statement(_uid, _until).with_only_columns(models.StudyCard.id).scalar_subquery()
# Everything the page shows that can change, in one round trip.
STATE = (
    select(U.name, U.role, U.session_version,
           exists(study_service.pending_statement(_uid, _now).with_only_columns(literal_column("1"))).label("pending"),
           study_service.due_count_statement(_uid, _until).scalar_subquery().label("left"),
           Card.id, Card.reps, Card.response, Card.revealed_at, Art.title)
    .select_from(U)
    .outerjoin(Card, Card.id == _shown)
    .outerjoin(Art, Art.id == Card.article_id)
    .where(U.id == _uid)
)
_compiled: weakref.WeakKeyDictionary[Engine, tuple[SQLCompiler, dict[str, Any]]] = weakref.WeakKeyDictionary()


def _state(params: dict[str, Any]) -> list[Any]:
    # The driver directly, with the statement compiled once per engine: on a cache hit this query is
    # most of the request's own work, and SQLAlchemy's result machinery would double it.
    engine = get_db().engine
    plan = _compiled.get(engine)
    if plan is None:
        compiled = STATE.compile(dialect=engine.dialect)
        assert isinstance(compiled, SQLCompiler)  # a SELECT compiles to SQL; narrows the type  # nosec B101
        processors = {name: proc for name, bind in compiled.binds.items()
                      if (proc := bind.type.bind_processor(engine.dialect)) is not None}
        plan = _compiled[engine] = (compiled, processors)
    compiled, processors = plan
    values = compiled.construct_params(params)  # ours, and the statement's own literals
    values = {name: processors[name](v) if name in processors else v for name, v in values.items()}
    args: Any = tuple(values[name] for name in compiled.positiontup or ()) if compiled.positional else values
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        cursor.execute(compiled.string, args)
        rows = list(cursor.fetchall())
        cursor.close()
    finally:
        raw.close()
    return rows


def _cache() -> PageCache[str]:
    cache = current_app.extensions.get(EXTENSION_KEY)
    if not isinstance(cache, PageCache):
        cache = current_app.extensions[EXTENSION_KEY] = PageCache[str](MAX_PAGES)
    return cache


def lookup(learn_ahead: Any) -> str | None:
    """Return this request's review page from the cache, or None (then ``store`` keeps what the view renders)."""
    g.pop("study_cache_key", None)
    uid = session.get("user_id")
    secret = session.get("csrf_token")
    if (not isinstance(uid, int) or not secret or "_flashes" in session
            or current_app.config.get("WTF_CSRF_TIME_LIMIT") is not None):
        return None
    now = models.utcnow()
    rows = _state({"uid": uid, "now": now, "until": now + learn_ahead})
    if not rows:
        return None
    name, role, version, pending, left, card_id, reps, response, revealed_at, title = rows[0]
    if version != session.get("sv") or role == "guest" or pending or card_id is None or revealed_at is not None:
        return None
    key = (uid, request.script_root, secret, name, role, left, card_id, reps, response, title)
    html = _cache().get(key)
    if html is None:
        g.study_cache_key = key
    return html


def store(html: str) -> str:
    """Keep the page the view rendered under the key ``lookup`` computed; return ``html``."""
    key = g.pop("study_cache_key", None)
    if key is not None:
        _cache().put(key, html)
    return html
