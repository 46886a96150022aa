"""Quizzes: assembling one from a bank, its page and settings, publishing, deleting a draft."""

from __future__ import annotations

from typing import Any

from flask import abort, current_app, flash, redirect, request
from flask import session as flask_session
from flask import url_for
from werkzeug.wrappers import Response as WResponse
from wtforms.fields.choices import SelectChoice

from questions.model import FACT_TYPES
from quiz import models, timezones
from quiz.arabic import questions_count
from quiz.db import get_session
from quiz.services import assembly
from quiz.services import banks as bank_service
from quiz.services import classes as class_service
from quiz.services import ownership
from quiz.services.review import QuestionInvalid
from quiz.views.auth import teacher_required
from quiz.views.teacher import forms
from quiz.views.teacher.classes import assign_form
from quiz.views.teacher.common import bp, export_links, me, or_404, render


def _fallback_zone() -> str:
    # No valid zone from the browser (JS off, or a tampered field): the last one this teacher's
    # browser sent in this session, then the site's FAHIM_TIMEZONE, then UTC.
    return timezones.first_valid(flask_session.get("tz"), current_app.config.get("TIMEZONE"))


def _form_zone(form: Any) -> str:
    zone = timezones.valid_zone(form.timezone.data)
    if zone is None:
        return _fallback_zone()
    flask_session["tz"] = zone
    return zone


def quiz_zone(quiz: models.Quiz) -> str:
    """Return the zone a quiz's times are shown in to its teacher (the one they were entered in)."""
    return timezones.first_valid(quiz.timezone, current_app.config.get("TIMEZONE"))


def _shown_zone(form: Any) -> str:
    return timezones.valid_zone(form.timezone.data) or _fallback_zone()


def _settings(form: Any) -> assembly.QuizSettings:
    minutes = form.time_limit_minutes.data
    zone = _form_zone(form)  # the inputs hold wall-clock times of this zone; the quiz stores UTC
    return assembly.QuizSettings(
        title=form.title.data or "", time_limit_seconds=int(minutes) * 60 if minutes else None,
        opens_at=timezones.to_utc(form.opens_at.data, zone), closes_at=timezones.to_utc(form.closes_at.data, zone),
        attempts_allowed=form.attempts_allowed.data or None, grading=form.grading.data or "highest",
        layout=form.layout.data or "one_per_page", review=form.review.data or "immediately",
        timezone=zone,
    )


@bp.route("/banks/<int:bank_id>/quizzes/new", methods=["GET", "POST"])
@teacher_required
def new_quiz(bank_id: int) -> str | WResponse:
    """Assemble a quiz from the bank's approved questions (picked, or drawn per fact type)."""
    row = or_404(ownership.owned_bank, bank_id)
    session = get_session()
    approved = ownership.bank_questions(session, bank_id, "approved")
    items = [(bq, bank_service.load_question(bq.data_json)) for bq in approved]
    form = forms.QuizForm()
    form.questions.choices = [SelectChoice(bq.id, str(bq.id)) for bq in approved]
    if request.method == "GET" and not form.title.data:
        form.title.data = "اختبار: " + row.article.title
    problems: list[str] = []
    if form.validate_on_submit():
        drawn = form.mode.data == "draw"
        if drawn:
            ids = assembly.draw_per_fact_type(approved, form.draw_counts())
        else:
            ids = list(form.questions.data or [])
        try:
            quiz = assembly.create_quiz(session, me().id, bank_id, _settings(form), ids, drop_leaks=drawn)
        except QuestionInvalid as exc:
            problems = exc.messages
        else:
            flash(f"حُفظت مسودة الاختبار ({questions_count(len(quiz.questions))}). انشره ليصل إليه الطلاب.",
                  "success")
            return redirect(url_for("teacher.quiz", quiz_id=quiz.id))
    available = {t: sum(1 for bq in approved if bq.fact_type == t) for t in FACT_TYPES}
    return render("teacher/quiz_new.html", form=form, bank=row, items=items, problems=problems,
                   available=available, tz_name=_shown_zone(form))


@bp.route("/quizzes/<int:quiz_id>")
@teacher_required
def quiz(quiz_id: int) -> str:
    """Show a quiz: settings, questions, and (once published) its join code and link."""
    row = or_404(ownership.owned_quiz, quiz_id)
    questions = [bank_service.load_question(qq.data_json) for qq in row.questions]
    return render("teacher/quiz.html", quiz=row, questions=questions, publish_form=forms.PublishForm(),
                  delete_form=forms.DeleteQuizForm(), export_links=export_links("quiz", row.id),
                  quiz_zone=quiz_zone(row), assign_form=assign_form(row.id),
                  quiz_classes=class_service.classes_of_quiz(get_session(), row.id))


@bp.route("/quizzes/<int:quiz_id>/settings", methods=["GET", "POST"])
@teacher_required
def quiz_settings(quiz_id: int) -> str | WResponse:
    """Change a quiz's settings."""
    row = or_404(ownership.owned_quiz, quiz_id)
    form = forms.QuizSettingsForm(obj=None)
    problems: list[str] = []
    if request.method == "GET":
        form.title.data = row.title
        form.time_limit_minutes.data = row.time_limit_seconds // 60 if row.time_limit_seconds else None
        zone = quiz_zone(row)
        form.timezone.data = zone  # set, so the page script keeps it: the times below are in it
        form.opens_at.data = timezones.from_utc(row.opens_at, zone)
        form.closes_at.data = timezones.from_utc(row.closes_at, zone)
        form.attempts_allowed.data = row.attempts_allowed
        form.grading.data, form.layout.data, form.review.data = row.grading, row.layout, row.review
    elif form.validate_on_submit():
        try:
            assembly.update_settings(get_session(), me().id, quiz_id, _settings(form))
        except QuestionInvalid as exc:
            problems = exc.messages
        else:
            flash("حُفظت الإعدادات.", "success")
            return redirect(url_for("teacher.quiz", quiz_id=quiz_id))
    return render("teacher/quiz_settings.html", form=form, quiz=row, problems=problems, tz_name=_shown_zone(form))


@bp.route("/quizzes/<int:quiz_id>/publish", methods=["POST"])
@teacher_required
def publish(quiz_id: int) -> WResponse:
    """Publish a draft: snapshot its questions and open it to students."""
    or_404(ownership.owned_quiz, quiz_id)
    if not forms.PublishForm().validate_on_submit():
        abort(400)
    try:
        row = assembly.publish(get_session(), me().id, quiz_id)
    except QuestionInvalid as exc:
        for message in exc.messages:
            flash(message, "error")
    else:
        flash(f"نُشر الاختبار. رمز الانضمام: {row.code}", "success")
    return redirect(url_for("teacher.quiz", quiz_id=quiz_id))


@bp.route("/quizzes/<int:quiz_id>/delete", methods=["POST"])
@teacher_required
def delete_quiz(quiz_id: int) -> WResponse:
    """Delete a draft quiz."""
    row = or_404(ownership.owned_quiz, quiz_id)
    if not forms.DeleteQuizForm().validate_on_submit():
        abort(400)
    bank_id = row.bank_id
    try:
        assembly.delete_draft(get_session(), me().id, quiz_id)
    except QuestionInvalid as exc:
        flash(exc.messages[0], "error")
        return redirect(url_for("teacher.quiz", quiz_id=quiz_id))
    flash("حُذفت المسودة.", "success")
    return redirect(url_for("teacher.bank", bank_id=bank_id))
