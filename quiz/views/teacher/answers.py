"""What students answered: one student's attempts, each question's spread of answers, the detailed CSV.

Only the quiz's teacher sees these: another teacher, a student or a guest gets 404, and so does a
student who never started the quiz or a question that is not in it.
"""

from __future__ import annotations

from collections.abc import Iterator

from flask import Response, abort

from quiz import models
from quiz.db import Database, get_db, get_session
from quiz.services import answer_sheet, ownership
from quiz.services import answers as answer_service
from quiz.services.ownership import NotFound
from quiz.services.stats import FLAG_LABELS
from quiz.views.auth import teacher_only
from quiz.views.teacher.common import bp, close_expired_later, or_404, render


@bp.route("/quizzes/<int:quiz_id>/students/<int:user_id>")
@teacher_only
def student_answers(quiz_id: int, user_id: int) -> str:
    """Show one student's attempts at the quiz, each answer right or wrong, with times."""
    quiz = or_404(ownership.owned_quiz, quiz_id)
    try:
        student = answer_service.student_answers(get_session(), quiz, user_id)
    except NotFound:
        abort(404)
    return render("teacher/student_answers.html", quiz=quiz, student=student)


@bp.route("/quizzes/<int:quiz_id>/questions")
@teacher_only
def question_answers_all(quiz_id: int) -> str:
    """Show how the students answered every question of the quiz."""
    quiz = or_404(ownership.owned_quiz, quiz_id)
    session = get_session()
    close_expired_later(quiz.id)
    return render("teacher/question_answers.html", quiz=quiz, spreads=answer_service.distributions(session, quiz),
                  FLAG_LABELS=FLAG_LABELS, single=None)


@bp.route("/quizzes/<int:quiz_id>/questions/<int:qq_id>")
@teacher_only
def question_answers(quiz_id: int, qq_id: int) -> str:
    """Show how the students answered one question: each option's count, the common wrong answers."""
    quiz = or_404(ownership.owned_quiz, quiz_id)
    session = get_session()
    places = answer_service.quiz_positions(quiz)
    order = sorted(places, key=places.__getitem__)
    if qq_id not in order:
        abort(404)
    close_expired_later(quiz.id)
    at = order.index(qq_id)
    return render("teacher/question_answers.html", quiz=quiz,
                  spreads=answer_service.distributions(session, quiz, [qq_id]), FLAG_LABELS=FLAG_LABELS,
                  single=qq_id, previous=order[at - 1] if at > 0 else None,
                  following=order[at + 1] if at + 1 < len(order) else None)


@bp.route("/quizzes/<int:quiz_id>/answers.csv")
@teacher_only
def answers_csv(quiz_id: int) -> Response:
    """Download every answer of every student as CSV, one row per student and question (UTF-8 with BOM)."""
    quiz = or_404(ownership.owned_quiz, quiz_id)
    close_expired_later(quiz.id)
    return Response(_sheet(get_db(), quiz.id), content_type="text/csv; charset=utf-8", headers={
        "Content-Disposition": f'attachment; filename="fahim-answers-{quiz.code}.csv"',
        "Cache-Control": "no-store",
    })


def _sheet(db: Database, quiz_id: int) -> Iterator[bytes]:
    # The sheet is written after the view returns and its request session is closed: it reads through
    # a session of its own, closed when the download ends or is broken off.
    with db.session() as session:
        quiz = session.get(models.Quiz, quiz_id)
        if quiz is not None:
            yield from answer_sheet.csv_chunks(answer_sheet.rows(session, quiz))
