"""A quiz's results table: one line per student, graded by the quiz's rule, sorted and cut into pages.

Everything is read as plain columns (one row per attempt: times, score, the student's name), never
as ORM objects, so a quiz taken by a whole school reads in one query. The CSV streams the same lines
in name order straight from the database cursor: memory stays flat however many students there are.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Float, case, cast, func, null, select, true
from sqlalchemy.orm import Session

from quiz import models

SORTS = ("score", "name", "time")
PER_PAGE = 50
CSV_CHUNK = 200  # lines written per chunk of the streamed CSV

CSV_HEADER = ("الطالب", "البريد الإلكتروني", "الدرجة (%)", "الدرجة", "من", "المحاولات",
              "الوقت المستغرق (ثوانٍ)", "آخر تسليم (UTC)")


@dataclass(frozen=True)
class StudentResult:
    """One student's line in a quiz's results: the grade by the quiz's rule over counted attempts."""

    user_id: int
    name: str
    email: str | None
    attempts: int  # submitted, non-practice attempts
    in_progress: int
    percent: float | None  # by the quiz's grading rule
    score: float | None  # points, by the same rule
    max_score: float | None
    seconds: float | None  # time taken by the attempt(s) the grade comes from
    last_submitted: dt.datetime | None
    expired: int = 0  # attempts whose time ran out, not graded yet


@dataclass(frozen=True)
class Totals:
    """The whole quiz's (or class's) figures above the table: students, grades, the histogram's bins."""

    students: int
    graded: int  # students with a grade (at least one submitted attempt)
    average: float | None  # mean grade in %
    in_progress: int
    expired: int
    bins: list[int]  # grades counted into ten bins of 10 %, 100 in the last


@dataclass(frozen=True)
class Page:
    """One page of the results table and where it sits."""

    lines: list[StudentResult]
    number: int
    pages: int
    total: int
    sort: str
    descending: bool


def _seconds(dialect: str, start: Any, end: Any) -> Any:
    # Seconds from ``start`` to ``end``, computed by the database.
    if dialect == "postgresql":
        return func.extract("epoch", end - start)
    return (func.julianday(end) - func.julianday(start)) * 86400.0


def _time_taken(dialect: str, grading: str, per: Any) -> Any:
    # The time a student's grade took: the average over their attempts, or the chosen attempt's. Reading
    # a time costs SQLite more than the rest of the line, so it is computed for the rows shown only.
    if grading == "average":
        return per.c.average_seconds
    return _seconds(dialect, per.c.chosen_start, per.c.chosen_end)


def _per_student(session: Session, quiz: models.Quiz, class_id: int | None, now: dt.datetime) -> Any:
    """Select one row per student: the grade by the quiz's rule and the rest of the line, as a subquery."""
    A, U = models.Attempt, models.User
    dialect = session.get_bind().dialect.name
    done = A.submitted_at.is_not(None)
    pct = case((done & (A.max_score > 0), 100.0 * func.coalesce(A.score, 0.0) / A.max_score), (done, 0.0))
    points = case((done, func.coalesce(A.score, 0.0)))
    seconds = case((done, _seconds(dialect, A.started_at, A.submitted_at))) if quiz.grading == "average" else cast(null(), Float)
    # Time ran out: the attempt's own limit, or the quiz's close time as it is now (attempts.deadline_of).
    ran_out = A.time_limit_at <= now
    if quiz.closes_at is not None and quiz.closes_at <= now:
        ran_out = true()
    # Which submitted attempt the grade comes from: the best (earliest of equals) or the last.
    rank = func.row_number().over(partition_by=A.user_id, order_by=(
        (done.desc(), pct.desc(), A.number) if quiz.grading == "highest" else (done.desc(), A.number.desc())))
    attempts = (select(A.user_id, A.started_at, A.submitted_at, A.max_score, pct.label("pct"), points.label("points"),
                       seconds.label("secs"), rank.label("rank"),
                       case((A.submitted_at.is_(None) & ran_out, 1), else_=0).label("expired"))
                .where(A.quiz_id == quiz.id, A.practice.is_(False)))
    if class_id is not None:
        M = models.ClassMember
        attempts = attempts.where(A.user_id.in_(select(M.user_id).where(M.class_id == class_id)))
    a = attempts.subquery()
    chosen = a.c.rank == 1
    if quiz.grading == "average":
        percent, score = func.avg(a.c.pct), func.avg(a.c.points)
    elif quiz.grading == "highest":
        percent, score = func.max(a.c.pct), func.max(a.c.points)
    else:
        percent, score = func.max(case((chosen, a.c.pct))), func.max(case((chosen, a.c.points)))
    # The chosen attempt is a submitted one when there is any (submitted attempts rank first).
    chosen_start = func.max(case((chosen & a.c.submitted_at.is_not(None), a.c.started_at)))
    chosen_end = func.max(case((chosen, a.c.submitted_at)))
    per = (select(a.c.user_id, func.count(a.c.submitted_at).label("attempts"),
                  (func.count() - func.count(a.c.submitted_at)).label("in_progress"),
                  func.sum(a.c.expired).label("expired"), percent.label("percent"), score.label("score"),
                  func.max(case((a.c.submitted_at.is_not(None), a.c.max_score))).label("max_score"),
                  func.avg(a.c.secs).label("average_seconds"), chosen_start.label("chosen_start"),
                  chosen_end.label("chosen_end"), func.max(a.c.submitted_at).label("last_submitted"))
           .group_by(a.c.user_id).subquery())
    name: Any = U.name
    stmt = select(per, U.email).join(U, U.id == per.c.user_id)
    if class_id is not None:
        # In a class's results a student goes by the name the class knows (unique in the class).
        M = models.ClassMember
        stmt = stmt.join(M, (M.user_id == per.c.user_id) & (M.class_id == class_id))
        name = M.name
    return stmt.add_columns(name.label("name")), name


def _line(row: Any) -> StudentResult:
    return StudentResult(
        user_id=row.user_id, name=row.name, email=row.email, attempts=row.attempts, in_progress=row.in_progress,
        percent=None if row.percent is None else float(row.percent),
        score=None if row.score is None else float(row.score),
        max_score=row.max_score, seconds=None if row.seconds is None else max(float(row.seconds), 0.0),
        last_submitted=row.last_submitted, expired=int(row.expired or 0),
    )


def overview(session: Session, quiz: models.Quiz, *, sort: str = "score", descending: bool | None = None,
             page: int = 1, per_page: int = PER_PAGE, class_id: int | None = None,
             now: dt.datetime | None = None) -> tuple[Totals, Page]:
    """Return the figures above the table and page ``page`` (from 1, clamped) of the students, in one query.

    The table is sorted by score (best first by default), name or time taken; a student without that
    value (no submitted attempt) comes last either way, and equals go in name order. The totals are
    window aggregates over every student, computed in the same pass as the page.
    """
    sort = sort if sort in SORTS else "score"
    descending = (sort == "score") if descending is None else descending
    stmt, _ = _per_student(session, quiz, class_id, now or models.utcnow())
    per = stmt.subquery()
    dialect = session.get_bind().dialect.name
    p = per.c.percent
    # As histogram(): bins of 10 %, 100 in the last; a student without a grade in none.
    band = case((p.is_(None), -1), *((p < 10 * (k + 1), k) for k in range(9)), else_=9)
    whole = [func.count().over(), func.count(p).over(), func.avg(p).over(), func.sum(per.c.in_progress).over(),
             func.sum(per.c.expired).over(), *(func.sum(case((band == k, 1), else_=0)).over() for k in range(10))]

    def ordered(rows: Any) -> list[Any]:
        if sort == "name":
            return [rows.c.name.desc() if descending else rows.c.name, rows.c.user_id]
        value = rows.c.percent if sort == "score" else _time_taken(dialect, quiz.grading, rows)
        return [value.is_(None), value.desc() if descending else value, rows.c.name, rows.c.user_id]

    def one_page(number: int) -> list[Any]:
        shown = (select(per, *(w.label(f"whole_{i}") for i, w in enumerate(whole))).order_by(*ordered(per))
                 .limit(per_page).offset((number - 1) * per_page).subquery())
        return list(session.execute(select(shown, _time_taken(dialect, quiz.grading, shown).label("seconds"))
                                    .order_by(*ordered(shown))))

    number = max(page, 1)
    rows = one_page(number)
    if not rows and number > 1:  # past the last page: show the last one
        total = session.scalar(select(func.count()).select_from(per)) or 0
        number = max(1, -(-total // per_page))
        rows = one_page(number)
    if not rows:
        return Totals(0, 0, None, 0, 0, [0] * 10), Page([], 1, 1, 0, sort, descending)
    w = [rows[0]._mapping[f"whole_{i}"] for i in range(len(whole))]
    totals = Totals(int(w[0]), int(w[1]), None if w[2] is None else float(w[2]), int(w[3] or 0), int(w[4] or 0),
                    [int(v or 0) for v in w[5:]])
    pages = max(1, -(-totals.students // per_page))
    return totals, Page([_line(r) for r in rows], number, pages, totals.students, sort, descending)


def quiz_results(session: Session, quiz: models.Quiz, *, class_id: int | None = None,
                 now: dt.datetime | None = None) -> list[StudentResult]:
    """Return one line per student who started the quiz (of ``class_id`` only, when given), best grade first."""
    stmt, _ = _per_student(session, quiz, class_id, now or models.utcnow())
    per = stmt.subquery()
    seconds = _time_taken(session.get_bind().dialect.name, quiz.grading, per).label("seconds")
    order = (per.c.percent.is_(None), per.c.percent.desc(), per.c.name, per.c.user_id)
    return [_line(r) for r in session.execute(select(per, seconds).order_by(*order))]


def csv_lines(session: Session, quiz: models.Quiz, *, class_id: int | None = None,
              now: dt.datetime | None = None) -> Iterator[StudentResult]:
    """Yield every student's line in name order, read from a cursor a batch at a time (memory stays flat)."""
    stmt, _ = _per_student(session, quiz, class_id, now or models.utcnow())
    per = stmt.subquery()
    seconds = _time_taken(session.get_bind().dialect.name, quiz.grading, per).label("seconds")
    rows = session.execute(select(per, seconds).order_by(func.lower(per.c.name), per.c.user_id)
                           .execution_options(yield_per=1000))
    for row in rows:
        yield _line(row)


def csv_chunks(lines: Iterable[StudentResult]) -> Iterator[bytes]:
    """Yield the results as CSV in UTF-8 with a BOM (so Excel shows the Arabic names), a few lines at a time."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    buf.write("\ufeff")
    writer.writerow(CSV_HEADER)
    for n, r in enumerate(lines, start=1):
        writer.writerow([
            csv_safe(r.name), r.email or "",
            "" if r.percent is None else f"{r.percent:.1f}",
            "" if r.score is None else f"{r.score:g}", "" if r.max_score is None else f"{r.max_score:g}",
            r.attempts, "" if r.seconds is None else f"{r.seconds:.0f}",
            r.last_submitted.strftime("%Y-%m-%d %H:%M") if r.last_submitted else "",
        ])
        if n % CSV_CHUNK == 0:
            yield buf.getvalue().encode("utf-8")
            buf.seek(0)
            buf.truncate()
    yield buf.getvalue().encode("utf-8")


def csv_safe(value: str) -> str:
    """Return a cell that a spreadsheet will not run as a formula (CSV injection: = + - @ first)."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value
