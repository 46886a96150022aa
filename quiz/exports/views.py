"""Download routes for exports.

- ``exports.bank``  GET /export/bank/<bank_id>.<fmt>  teachers: their own banks (and built-in ones);
  approved questions only, or with ``?all=1`` every question not rejected (pending ones too).
- ``exports.quiz``  GET /export/quiz/<quiz_id>.<fmt>  teachers: their own quizzes (and built-in
  ones), any format; students: the Anki deck only, once they have submitted an attempt and the
  quiz's review setting shows answers.
``fmt`` is a key of ``quiz.exports.FORMATS`` (anki, moodle-xml, gift, csv, tsv, json). Anything
the user may not see is a 404, so ids cannot be probed. Anki decks also carry the rejected
questions, tagged ``fahim::removed``; a teacher's ``?audio=1`` adds each answer read aloud
(espeak-ng; 503 when the server does not have it).
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote

from flask import Blueprint, abort, request, url_for
from sqlalchemy import select
from sqlalchemy.orm import Session
from werkzeug.wrappers import Response

from questions.model import Bank
from quiz import models
from quiz.bidicontrols import without_controls
from quiz.db import get_session
from quiz.exports import FORMATS, ExportOptions, SpeechUnavailable, export
from quiz.exports.sources import bank_for_export, bank_for_quiz, removed_from_bank, removed_from_quiz
from quiz.services import quizzes as quiz_service
from quiz.views.auth import current_user, login_required, teacher_required

bp = Blueprint("exports", __name__, url_prefix="/export")

STUDENT_FORMATS = ("anki",)


def content_disposition(ascii_stem: str, title: str, extension: str) -> str:
    """Return an attachment header: an ASCII-safe ``filename`` plus the UTF-8 ``filename*``."""
    safe = re.sub(r"[^A-Za-z0-9._-]+", "-", ascii_stem).strip("-.") or "fahim"
    nice = re.sub(r'[\x00-\x1f\x7f/\\"]+', " ", unicodedata.normalize("NFC", without_controls(title))).strip() or safe
    return (f'attachment; filename="{safe}.{extension}"; '
            f"filename*=UTF-8''{quote(nice + '.' + extension, safe='')}")


def _download(bank: Bank, fmt: str, ascii_stem: str, title: str, options: ExportOptions) -> Response:
    spec = FORMATS[fmt]
    try:
        data = export(bank, fmt, options)
    except SpeechUnavailable:
        abort(503)
    resp = Response(data, content_type=spec.content_type)
    resp.headers["Content-Disposition"] = content_disposition(ascii_stem, title, spec.extension)
    resp.headers["Cache-Control"] = "private, no-store"
    resp.headers["X-Content-Type-Options"] = "nosniff"
    return resp


def _format_or_404(fmt: str) -> str:
    if fmt not in FORMATS:
        abort(404)
    return fmt


def _asked(name: str) -> bool:
    return request.args.get(name) in ("1", "true", "yes")


def _teacher_may_see(owner_id: int | None, user: models.User) -> bool:
    # Built-in content (no owner) is open to every teacher; anything else only to its owner.
    return user.role == "teacher" and (owner_id is None or owner_id == user.id)


@bp.get("/bank/<int:bank_id>.<fmt>")
@teacher_required
def bank(bank_id: int, fmt: str) -> Response:
    """Download a bank in one format (teachers, own or built-in banks)."""
    _format_or_404(fmt)
    user = current_user()
    session = get_session()
    row = session.get(models.Bank, bank_id)
    if row is None or user is None or not _teacher_may_see(row.article.owner_id, user):
        abort(404)
    data = bank_for_export(session, bank_id, approved_only=not _asked("all"))
    options = ExportOptions(removed=(removed_from_bank(session, bank_id),), audio=_asked("audio"))
    return _download(data, fmt, f"fahim-bank-{bank_id}", row.article.title or f"fahim-bank-{bank_id}", options)


def _student_may_download(session: Session, quiz: models.Quiz, user: models.User) -> bool:
    submitted = session.scalar(
        select(models.Attempt.id).where(
            models.Attempt.quiz_id == quiz.id, models.Attempt.user_id == user.id,
            models.Attempt.submitted_at.is_not(None),
        ).limit(1)
    )
    return submitted is not None and quiz_service.review_allowed(quiz, models.utcnow())


@bp.app_template_global()
def anki_download_url(attempt: models.Attempt) -> str | None:
    """Return the link to the quiz's Anki deck for the student who owns ``attempt``, or None.

    The same rule as ``quiz`` below applies to students: the attempt is submitted, the quiz is
    published and its review setting shows answers now.
    """
    row = attempt.quiz
    if attempt.submitted_at is None or not row.published or not quiz_service.review_allowed(row, models.utcnow()):
        return None
    return url_for("exports.quiz", quiz_id=row.id, fmt="anki")


@bp.get("/quiz/<int:quiz_id>.<fmt>")
@login_required
def quiz(quiz_id: int, fmt: str) -> Response:
    """Download a quiz's questions: teachers any format, students the Anki deck after review opens."""
    _format_or_404(fmt)
    user = current_user()
    session = get_session()
    row = session.get(models.Quiz, quiz_id)
    if row is None or user is None:
        abort(404)
    teacher = _teacher_may_see(row.owner_id, user)
    if not teacher:
        if fmt not in STUDENT_FORMATS or not row.published or not _student_may_download(session, row, user):
            abort(404)
    data = bank_for_quiz(session, quiz_id)
    # Audio costs the server a speech synthesis per answer: teachers make such decks to hand out.
    options = ExportOptions(removed=(removed_from_quiz(session, quiz_id),), audio=teacher and _asked("audio"))
    return _download(data, fmt, f"fahim-quiz-{quiz_id}", row.title or f"fahim-quiz-{quiz_id}", options)

