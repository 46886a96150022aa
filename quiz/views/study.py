"""Study pages: «مراجعة اليوم» one card at a time (reveal, rate 1-4), progress, and the cards as an Anki deck.

For signed-in students (a guest is asked to create an account first: the guest's attempts move to
it). Every card page of another user is "not found". Every POST is a FlaskForm (CSRF) and redirects;
the answer is on no page before the student asks to see it. The queue fills from the student's quiz
attempts whenever a study page (or the home page's due count) is shown.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from typing import Any, TypeVar

from flask import (Blueprint, abort, current_app, flash, jsonify, redirect, render_template, request,
                   url_for)
from flask import session as flask_session
from flask.typing import ResponseReturnValue
from flask_wtf import FlaskForm
from werkzeug.wrappers import Response as WResponse
from wtforms import HiddenField

from quiz import models, timezones
from quiz.db import get_session
from quiz.exports import export
from quiz.exports.views import content_disposition
from quiz.services import cardfaces, progress as progress_service, study as study_service
from quiz.views.auth import current_user
from quiz.views import studycache
from quiz.views.charts import bar_chart

bp = Blueprint("study", __name__, url_prefix="/review")
F = TypeVar("F", bound=Callable[..., Any])
MAX_ID = 2**63 - 1
RATING_LABELS = {1: "لم أتذكّر", 2: "بصعوبة", 3: "تذكّرت", 4: "بسهولة"}


class RevealForm(FlaskForm):
    """Show a card's answer (the typed or picked answer comes in the card's q-<id> field)."""


class RateForm(FlaskForm):
    """Rate a revealed card: the pressed button's ``rating`` (1-4) for review number ``seq``."""

    seq = HiddenField()
    timezone = HiddenField(render_kw={"data-timezone": ""})  # the browser's zone: the student's days


def settings() -> study_service.Settings:
    """Return the site's study settings (FAHIM_STUDY_*)."""
    c = current_app.config
    return study_service.Settings(
        desired_retention=float(c["STUDY_DESIRED_RETENTION"]), fuzz=bool(c["STUDY_FUZZ"]),
        learn_ahead=dt.timedelta(minutes=float(c["STUDY_LEARN_AHEAD_MINUTES"])),
        mastery_days=float(c["STUDY_MASTERY_DAYS"]))


def student_required(view: F) -> F:
    """Send visitors to sign in and guests to create an account (their attempts come with them)."""
    @functools.wraps(view)
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        user = current_user()
        if user is None:
            return redirect(url_for("auth.login", next=request.full_path))
        if user.role == "guest":
            flash("أنشئ حسابًا لتحتفظ بمعلومات اختباراتك وتراجعها؛ تنتقل إليه محاولاتك.", "info")
            return redirect(url_for("auth.register", next=request.full_path))
        return view(*args, **kwargs)
    return wrapped  # type: ignore[return-value]


def _me() -> models.User:
    user = current_user()
    assert user is not None  # student_required ran first; narrows the type for mypy  # nosec B101
    return user


def zone() -> str:
    """Return the student's time zone: the one their browser last sent, else the site's."""
    return timezones.first_valid(flask_session.get("tz"), current_app.config.get("TIMEZONE"))


def _my_card_or_404(card_id: int) -> models.StudyCard:
    # Another student's card is "not found", never "forbidden": its existence is not revealed.
    card = study_service.owned_card(get_session(), _me().id, card_id) if 0 < card_id <= MAX_ID else None
    if card is None:
        abort(404)
    return card


@bp.app_template_global()
def study_due() -> int | None:
    """Return how many cards the signed-in student has to review now (None for guests and visitors)."""
    user = current_user()
    if user is None or user.role == "guest":
        return None
    session, now, rules = get_session(), models.utcnow(), settings()
    study_service.feed(session, user.id, rules, now)
    return study_service.due_count(session, user.id, now + rules.learn_ahead)


def _card_page(card: models.StudyCard | None) -> str:
    session, now, rules, user = get_session(), models.utcnow(), settings(), _me()
    left = study_service.due_count(session, user.id, now + rules.learn_ahead)
    if card is None:
        return render_template("study/review.html", card=None, left=left,
                               next_due=study_service.next_due(session, user.id))
    article = session.get(models.Article, card.article_id)
    if card.revealed_at is None:
        return render_template("study/review.html", card=card, front=cardfaces.front(card), left=left,
                               article=article, form=RevealForm())
    waits = study_service.previews(card, rules, now)
    return render_template("study/review.html", card=card, back=cardfaces.back(card), left=left, article=article,
                           form=RateForm(seq=str(card.reps)), buttons=[(r, RATING_LABELS[r], waits[r]) for r in waits])


@bp.route("")
def review() -> ResponseReturnValue:
    """Show the next card due (its answer once asked for), or say that nothing is due."""
    rules = settings()
    # One query; a card's front whose state did not change is not rendered again (the cache checks the user).
    cached = studycache.lookup(rules.learn_ahead)
    return cached if cached is not None else _review(rules)


@student_required
def _review(rules: study_service.Settings) -> str:
    session, now, user = get_session(), models.utcnow(), _me()
    study_service.feed(session, user.id, rules, now)
    return studycache.store(_card_page(study_service.next_card(session, user.id, rules, now)))


@bp.route("/<int:card_id>")
@student_required
def card(card_id: int) -> str:
    """Show one of the student's cards."""
    return _card_page(_my_card_or_404(card_id))


@bp.route("/<int:card_id>/reveal", methods=["POST"])
@student_required
def reveal(card_id: int) -> WResponse:
    """Show the card's answer, keeping what the student typed or picked."""
    row = _my_card_or_404(card_id)
    if not RevealForm().validate_on_submit():
        abort(400)
    study_service.reveal(get_session(), row, request.form.get(f"q-{row.id}"))
    return redirect(url_for("study.card", card_id=row.id))


@bp.route("/<int:card_id>/autosave", methods=["POST"])
@student_required
def autosave(card_id: int) -> ResponseReturnValue:
    """Keep the answer being typed (the page script sends it; CSRF in the X-CSRFToken header); JSON reply."""
    row = _my_card_or_404(card_id)
    if not study_service.save_response(get_session(), row, request.form.get(f"q-{row.id}")):
        return jsonify(ok=False, closed=True, redirect=url_for("study.card", card_id=row.id)), 409
    return jsonify(ok=True)


@bp.route("/<int:card_id>/rate", methods=["POST"])
@student_required
def rate(card_id: int) -> WResponse:
    """Record how well the student remembered the card and go on to the next one (a repeat records nothing)."""
    row = _my_card_or_404(card_id)
    form = RateForm()
    rating, seq = request.form.get("rating", ""), form.seq.data or ""
    if not form.validate_on_submit() or rating not in ("1", "2", "3", "4") or not seq.isdecimal():
        abort(400)
    chosen = timezones.valid_zone(form.timezone.data)
    if chosen:
        flask_session["tz"] = chosen
    try:
        study_service.rate(get_session(), row, int(rating), int(seq), settings())
    except study_service.NotRevealed:
        return redirect(url_for("study.card", card_id=row.id))
    return redirect(url_for("study.review"))


@bp.route("/progress")
@student_required
def progress() -> str:
    """Show what is due, the reviews done, retention, mastery per article, the streak and a chart."""
    session, rules, user = get_session(), settings(), _me()
    study_service.feed(session, user.id, rules)
    figures = progress_service.progress(session, user.id, rules, zone())
    return render_template("study/progress.html", p=figures, chart=bar_chart(figures.per_day),
                           mastery_days=rules.mastery_days)


@bp.route("/cards.apkg")
@student_required
def anki() -> WResponse:
    """Download the student's cards as an Anki deck (the quiz decks' GUIDs: nothing is duplicated)."""
    banks = study_service.banks_of_cards(get_session(), _me().id)
    if not banks:
        flash("لا بطاقات لك بعد: أنهِ اختبارًا أولًا.", "info")
        return redirect(url_for("study.progress"))
    resp = WResponse(export(banks, "anki"), mimetype="application/apkg")
    resp.headers["Content-Disposition"] = content_disposition("fahim-review", "مراجعتي في فهيم", "apkg")
    resp.headers["Cache-Control"] = "private, no-store"
    return resp
