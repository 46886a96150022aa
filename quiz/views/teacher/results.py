"""A quiz's results: totals, the score histogram and item analysis above a paginated, sortable table; the CSV."""

from __future__ import annotations

from collections.abc import Iterator

from flask import Response, abort, request, stream_with_context

from quiz import models
from quiz.db import get_session
from quiz.services import classes as class_service
from quiz.services import ownership, stats
from quiz.services import results as result_service
from quiz.services.ownership import NotFound
from quiz.views import resultscache
from quiz.views.auth import teacher_required
from quiz.views.teacher.common import bp, close_expired_later, me, or_404, render


def _class_filter() -> models.SchoolClass | None:
    # ?class=<id>: only that class's students; another teacher's class answers 404.
    class_id = request.args.get("class", type=int)
    if class_id is None:
        return None
    try:
        return class_service.owned_class(get_session(), me().id, class_id)
    except NotFound:
        abort(404)


@bp.route("/quizzes/<int:quiz_id>/results")
@teacher_required
def results(quiz_id: int) -> str:
    """Show the totals, the score histogram and the item analysis, then one page of the students' table."""
    row = or_404(ownership.owned_quiz, quiz_id)
    chosen = _class_filter()
    class_id = chosen.id if chosen is not None else None
    close_expired_later(row.id)
    session = get_session()
    order = request.args.get("dir")
    found = resultscache.shown(session, row, class_id, sort=request.args.get("sort", "score"),
                               descending=None if order not in ("asc", "desc") else order == "desc",
                               number=request.args.get("page", 1, type=int))
    totals = found.totals
    return render(
        "teacher/results.html", quiz=row, page=found.page, chosen=chosen, totals=totals,
        classes=class_service.classes_of(session, me().id),
        items=stats.item_analysis_of(session, row, found.sums),
        histogram=stats.histogram_svg_of(totals.bins),
        FACILITY_TOO_EASY=stats.FACILITY_TOO_EASY, FACILITY_TOO_HARD=stats.FACILITY_TOO_HARD,
    )


@bp.route("/quizzes/<int:quiz_id>/results.csv")
@teacher_required
def results_csv(quiz_id: int) -> Response:
    """Stream every student's line as CSV (UTF-8 with BOM, for Excel), in name order."""
    row = or_404(ownership.owned_quiz, quiz_id)
    chosen = _class_filter()
    close_expired_later(row.id)
    session = get_session()
    lines = result_service.csv_lines(session, row, class_id=chosen.id if chosen is not None else None)

    def body() -> Iterator[bytes]:
        try:
            yield from result_service.csv_chunks(lines)
        finally:
            session.rollback()  # end the read (and its cursor) with the last line, not at teardown

    suffix = f"-{chosen.code}" if chosen is not None else ""
    return Response(stream_with_context(body()), mimetype="text/csv", headers={
        "Content-Disposition": f'attachment; filename="fahim-results-{row.code}{suffix}.csv"',
        "Cache-Control": "no-store",
    })
