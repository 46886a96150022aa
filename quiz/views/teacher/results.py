"""A quiz's results: the students' grades, the score histogram, item analysis, the CSV."""

from __future__ import annotations

from flask import Response

from quiz import models
from quiz.db import get_session
from quiz.services import attempts as attempt_service
from quiz.services import ownership, stats
from quiz.views.auth import teacher_required
from quiz.views.teacher.common import bp, or_404, render


def _close_expired(quiz: models.Quiz) -> None:
    # An attempt whose time ran out is graded at its deadline, so results count it.
    attempt_service.close_expired(get_session(), quiz.id, models.utcnow())


@bp.route("/quizzes/<int:quiz_id>/results")
@teacher_required
def results(quiz_id: int) -> str:
    """Show the results table, the score histogram and the item analysis."""
    row = or_404(ownership.owned_quiz, quiz_id)
    _close_expired(row)
    session = get_session()
    lines = stats.quiz_results(session, row)
    percentages = [r.percent for r in lines if r.percent is not None]
    return render(
        "teacher/results.html", quiz=row, lines=lines, items=stats.quiz_item_analysis(session, row),
        histogram=stats.histogram_svg(percentages), average=stats.mean(percentages),
        FACILITY_TOO_EASY=stats.FACILITY_TOO_EASY, FACILITY_TOO_HARD=stats.FACILITY_TOO_HARD,
    )


@bp.route("/quizzes/<int:quiz_id>/results.csv")
@teacher_required
def results_csv(quiz_id: int) -> Response:
    """Download the results table as CSV (UTF-8 with BOM, for Excel)."""
    row = or_404(ownership.owned_quiz, quiz_id)
    _close_expired(row)
    body = stats.results_csv(stats.quiz_results(get_session(), row))
    return Response(body, mimetype="text/csv", headers={
        "Content-Disposition": f'attachment; filename="fahim-results-{row.code}.csv"',
        "Cache-Control": "no-store",
    })
