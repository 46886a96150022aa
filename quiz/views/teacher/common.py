"""What every teacher page shares: the blueprint, the signed-in teacher, 404 for others' rows, labels.

Every page needs a teacher login (``teacher_required``: visitors are sent to sign in, students get
403); rows of other teachers answer 404. Every POST is a FlaskForm (CSRF) and redirects on success.
"""

from __future__ import annotations

from typing import Any

import logging

from flask import Blueprint, Response, abort, after_this_request, current_app, render_template, url_for

from quiz import models, timezones
from quiz.db import get_db, get_session
from quiz.services import expiry
from quiz.services.ownership import NotFound
from quiz.views.auth import current_user
from quiz.views.teacher import forms

bp = Blueprint("teacher", __name__, url_prefix="/teacher")
log = logging.getLogger(__name__)


def me() -> models.User:
    """Return the signed-in teacher (the view is behind ``teacher_required``)."""
    user = current_user()
    assert user is not None  # teacher_required ran first; narrows the type for mypy  # nosec B101
    return user


def close_expired_later(quiz_id: int) -> None:
    """Sweep the quiz's attempts whose time ran out once this response has been sent (never inside it).

    The next view of the results then counts them graded; until then the page says how many wait.
    """
    app = current_app._get_current_object()  # type: ignore[attr-defined]

    def sweep() -> None:
        try:
            with get_db(app).session() as session:
                expiry.sweep(session, quiz_id=quiz_id)
        except Exception:  # noqa: BLE001 - the page is sent already; the command or the next view retries
            log.exception("closing the expired attempts of quiz %s failed", quiz_id)

    @after_this_request
    def _schedule(response: Response) -> Response:
        response.call_on_close(sweep)
        return response


def or_404(fn: Any, *args: Any) -> Any:
    """Call a service as the signed-in teacher; another teacher's row answers 404."""
    try:
        return fn(get_session(), me().id, *args)
    except NotFound:
        abort(404)


@bp.app_template_global()
def join_link(code: str) -> str:
    """Return the absolute link students open to join a quiz by its code."""
    return url_for("student.quiz", code=code, _external=True)


@bp.app_template_filter("pct")
def pct(value: float | None, digits: int = 0) -> str:
    """Format a fraction (0-1) as a percentage."""
    return "—" if value is None else f"{100 * value:.{digits}f}%"


@bp.app_template_filter("duration")
def duration(seconds: float | None) -> str:
    """Format seconds as m:ss (or h:mm:ss)."""
    if seconds is None:
        return "—"
    s = int(round(seconds))
    h, rem = divmod(s, 3600)
    m, sec = divmod(rem, 60)
    return f"{h}:{m:02d}:{sec:02d}" if h else f"{m}:{sec:02d}"


@bp.app_template_filter("in_zone")
def in_zone(value: Any, zone: str) -> str:
    """Format a naive-UTC time as YYYY-MM-DD HH:MM in the IANA zone ``zone``."""
    return timezones.format_in(value, zone)


def labels() -> dict[str, Any]:
    """Return the Arabic labels every teacher template may use."""
    return {"KIND_LABELS": forms.KIND_LABELS, "FACT_TYPE_LABELS": forms.FACT_TYPE_LABELS,
            "STATUS_LABELS": forms.STATUS_LABELS, "GRADING_LABELS": forms.GRADING_LABELS,
            "LAYOUT_LABELS": forms.LAYOUT_LABELS, "REVIEW_LABELS": forms.REVIEW_LABELS}


def render(template: str, **context: Any) -> str:
    """Render a teacher template with the labels."""
    return render_template(template, **labels(), **context)


def export_links(kind: str, row_id: int) -> list[tuple[str, str]]:
    """Return (label, url) download links for a quiz or a bank in every export format."""
    from quiz.exports import FORMATS

    from quiz.exports import speech

    arg = "quiz_id" if kind == "quiz" else "bank_id"
    links = [(spec.label, url_for(f"exports.{kind}", fmt=name, **{arg: row_id})) for name, spec in FORMATS.items()]
    if speech.available():
        # A deck whose backs read each answer aloud, for students who learn by ear.
        links.insert(1 + [n for n in FORMATS].index("anki"),
                     ("Anki مع نطق الإجابات", url_for(f"exports.{kind}", fmt="anki", audio=1, **{arg: row_id})))
    return links
