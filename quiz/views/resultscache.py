"""A quiz's results as the results page shows them, aggregated once and kept per worker until they change.

Every student's grade (for sorting and paging), the totals, the histogram's bins and the sums the item
statistics come from are aggregated over all the quiz's attempts: linear in the attempts. What a view
shows of them (the totals, one page of the table in one order, the item sums) is kept under a key read
by one query of indexed aggregates that changes whenever they can — the quiz's attempts (how many, how many submitted, the last submission, the last attempt started, the sum of the
scores, how many ran out of time unsubmitted as of now), the quiz's grading rule and close time, and, for
one class's results, the class's members (how many, the last one in). A submit, an expired attempt
closed by the sweep, a rescored attempt, a new or removed member all give a new key, so a view never
shows stale numbers; a time limit running out does too, because the key counts expired attempts as of
the request. The questions are read per view (their text and points, never cached), and the shown
students' names and e-mails are checked against the accounts: a guest who signed up since makes the
view aggregate afresh.

``quiz.views.pagecache.PageCache`` holds the entries, per worker, like the rendered pages of
``quiz.views.pagecache`` and ``quiz.views.studycache``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from flask import current_app
from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from quiz import models
from quiz.services import results as result_service
from quiz.services import stats
from quiz.views.pagecache import PageCache

EXTENSION_KEY = "fahim_results_cache"
MAX_ENTRIES = 500  # per worker; one entry is one page of 50 students and the item sums


@dataclass(frozen=True)
class Shown:
    """What one view of the results page is built from: the totals, one page of the table, the item sums."""

    totals: result_service.Totals
    page: result_service.Page
    sums: stats.ItemSums


def _cache() -> PageCache[Shown]:
    cache = current_app.extensions.get(EXTENSION_KEY)
    if not isinstance(cache, PageCache):
        cache = current_app.extensions[EXTENSION_KEY] = PageCache[Shown](MAX_ENTRIES)
    return cache


def state(session: Session, quiz: models.Quiz, class_id: int | None, now: dt.datetime) -> tuple[Any, ...]:
    """Return the key of the quiz's aggregates as they are at ``now`` (one query)."""
    A, M = models.Attempt, models.ClassMember
    closed = quiz.closes_at is not None and quiz.closes_at <= now
    ran_out = A.submitted_at.is_(None) & (A.time_limit_at <= now)
    attempts = [func.count(), func.count(A.submitted_at), func.max(A.submitted_at), func.max(A.id),
                func.sum(A.score), func.sum(case((ran_out, 1), else_=0))]
    stmt = select(*attempts).where(A.quiz_id == quiz.id, A.practice.is_(False))
    if class_id is not None:
        stmt = stmt.where(A.user_id.in_(select(M.user_id).where(M.class_id == class_id)))
        stmt = stmt.add_columns(select(func.count()).where(M.class_id == class_id).scalar_subquery(),
                                select(func.max(M.id)).where(M.class_id == class_id).scalar_subquery())
    return (quiz.id, class_id, quiz.grading, quiz.closes_at, closed, *session.execute(stmt).one())


def shown(session: Session, quiz: models.Quiz, class_id: int | None, *, sort: str, descending: bool | None,
          number: int) -> Shown:
    """Return the totals, page ``number`` of the table sorted by ``sort`` and the item sums.

    Kept from an earlier view when nothing they depend on changed; the page's names are checked
    against the accounts (in a class, a student goes by the class's name, which the key covers).
    """
    sort = sort if sort in result_service.SORTS else "score"
    descending = (sort == "score") if descending is None else descending
    now = models.utcnow()
    key = (*state(session, quiz, class_id, now), sort, descending, number)
    cache = _cache()
    found = cache.get(key)
    if found is not None and (class_id is not None or _names_hold(session, found.page)):
        return found
    totals, page = result_service.overview(session, quiz, sort=sort, descending=descending, page=number,
                                           class_id=class_id, now=now)
    found = Shown(totals, page, stats.quiz_item_sums(session, quiz, class_id=class_id))
    cache.put(key, found)
    return found


def _names_hold(session: Session, page: result_service.Page) -> bool:
    # A guest who signed up since goes by a new name (and e-mail).
    if not page.lines:
        return True
    U = models.User
    now = {row.id: (row.name, row.email) for row in session.execute(
        select(U.id, U.name, U.email).where(U.id.in_([r.user_id for r in page.lines])))}
    return all(now.get(r.user_id) == (r.name, r.email) for r in page.lines)
