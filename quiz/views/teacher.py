"""Teacher pages: articles, bank review, quiz assembly and publishing, results, invitations.

Every page needs a teacher login (``teacher_required``: visitors are sent to sign in, students get
403); rows of other teachers answer 404. Every POST is a FlaskForm (CSRF) and redirects on success.
"""

from __future__ import annotations

import json
import os
from typing import Any

import click
from flask import Blueprint, Response, abort, current_app, flash, redirect, render_template, request, url_for
from flask import session as flask_session
from flask.cli import with_appcontext
from sqlalchemy import select
from werkzeug.wrappers import Response as WResponse

from wtforms.fields.choices import SelectChoice

from questions.model import FACT_TYPES
from quiz import forms_teacher as forms
from quiz import models, timezones
from quiz.db import get_db, get_session
from quiz.services import accounts
from quiz.services import attempts as attempt_service
from quiz.services import banks as bank_service
from quiz.services import stats
from quiz.services import teacher as service
from quiz.views.auth import current_user, login_user, teacher_required

bp = Blueprint("teacher", __name__, url_prefix="/teacher")


def _me() -> models.User:
    user = current_user()
    assert user is not None  # teacher_required ran first; narrows the type for mypy  # nosec B101
    return user


def _or_404(fn: Any, *args: Any) -> Any:
    try:
        return fn(get_session(), _me().id, *args)
    except service.NotFound:
        abort(404)


@bp.app_template_global()
def join_link(code: str) -> str:
    """Return the absolute link students open to join a quiz by its code."""
    for endpoint in ("student.quiz", "student.join_code"):
        if endpoint in current_app.view_functions:
            try:
                return url_for(endpoint, code=code, _external=True)
            except Exception:  # noqa: BLE001 - the endpoint may not take a code; try the next  # nosec B112
                continue
    return url_for("teacher.index", _external=True).rsplit("/teacher", 1)[0] + f"/join/{code}"


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


def _labels() -> dict[str, Any]:
    return {"KIND_LABELS": forms.KIND_LABELS, "FACT_TYPE_LABELS": forms.FACT_TYPE_LABELS,
            "STATUS_LABELS": forms.STATUS_LABELS, "GRADING_LABELS": forms.GRADING_LABELS,
            "LAYOUT_LABELS": forms.LAYOUT_LABELS, "REVIEW_LABELS": forms.REVIEW_LABELS}


def _render(template: str, **context: Any) -> str:
    return render_template(template, **_labels(), **context)


# --- dashboard ---------------------------------------------------------------------------------

@bp.route("/")
@teacher_required
def index() -> str:
    """Show the teacher's articles (with their banks), quizzes and invitations."""
    session = get_session()
    me = _me()
    articles = service.articles_of(session, me.id)
    summaries = {b.id: service.bank_summary(session, b) for a in articles for b in a.banks}
    return _render("teacher/index.html", articles=articles, summaries=summaries,
                   quizzes=service.quizzes_of(session, me.id), invite_form=forms.InviteForm(),
                   invitations=accounts.invitations_of(session, me.id), now=models.utcnow(),
                   import_form=forms.ImportBankForm())


# --- articles ----------------------------------------------------------------------------------

@bp.route("/articles/new", methods=["GET", "POST"])
@teacher_required
def new_article() -> str | WResponse:
    """Paste or upload an article; generate its bank; go to review."""
    form = forms.ArticleForm()
    if form.validate_on_submit():
        upload = form.upload.data
        uploaded = upload is not None and bool(getattr(upload, "filename", ""))
        try:
            if uploaded:
                text = service.decode_upload(upload.filename, upload.read())
            else:
                text = service.clean_article_text(form.text.data or "")
            bank = service.create_article(
                get_session(), _me().id, title=form.title.data or "", text=text,
                source=form.source.data, published_on=form.published_on.data,
            )
        except service.ArticleInputError as exc:
            (form.upload if uploaded else form.text).errors = [str(exc)]
        else:
            n = len(bank.questions)
            flash(f"وُلّد {n} سؤالًا. راجعها واعتمد ما يصلح." if n else
                  "لم نستطع توليد أسئلة من هذا النص. جرّب مقالًا فيه أسماء وتواريخ وأرقام، أو أضف أسئلة بيدك.",
                  "success" if n else "warning")
            return redirect(url_for("teacher.bank", bank_id=bank.id))
    return _render("teacher/article_new.html", form=form)


@bp.route("/import", methods=["GET", "POST"])
@teacher_required
def import_bank() -> str | WResponse | tuple[str, int]:
    """Import a bank from Fahim's JSON as a new article + bank (questions pending review); go to review."""
    form = forms.ImportBankForm()
    if form.validate_on_submit():
        upload = form.upload.data
        try:
            if upload is None or not getattr(upload, "filename", ""):
                raise service.ArticleInputError("اختر ملف بنك الأسئلة (.json) أولًا.")
            data = upload.read(service.MAX_IMPORT_BYTES + 1)
            bank = service.import_bank(get_session(), _me().id, service.parse_bank_upload(upload.filename, data))
        except service.ArticleInputError as exc:
            form.upload.errors = [str(exc)]
            return _render("teacher/import.html", form=form), 400
        flash(f"استُورد {len(bank.questions)} سؤالًا وهي بانتظار مراجعتك.", "success")
        return redirect(url_for("teacher.bank", bank_id=bank.id))
    return _render("teacher/import.html", form=form)


@bp.route("/articles/<int:article_id>")
@teacher_required
def article(article_id: int) -> str:
    """Show an article's text and its banks."""
    art = _or_404(service.owned_article, article_id)
    session = get_session()
    return _render("teacher/article.html", article=art,
                   summaries={b.id: service.bank_summary(session, b) for b in art.banks},
                   regenerate_form=forms.RegenerateBankForm())


@bp.route("/articles/<int:article_id>/regenerate", methods=["POST"])
@teacher_required
def regenerate(article_id: int) -> WResponse:
    """Generate a new bank for the article (with another seed)."""
    _or_404(service.owned_article, article_id)
    if forms.RegenerateBankForm().validate_on_submit():
        bank = service.regenerate_bank(get_session(), _me().id, article_id)
        flash("وُلّد بنك جديد.", "success")
        return redirect(url_for("teacher.bank", bank_id=bank.id))
    abort(400)


# --- review ------------------------------------------------------------------------------------

@bp.route("/banks/<int:bank_id>")
@teacher_required
def bank(bank_id: int) -> str:
    """Review a bank: every question with its source sentence, answer and actions."""
    row = _or_404(service.owned_bank, bank_id)
    session = get_session()
    status = request.args.get("status")
    status = status if status in models.QUESTION_STATUSES else None
    rows = service.bank_questions(session, bank_id, status)
    items = [(bq, bank_service.load_question(bq.data_json)) for bq in rows]
    return _render(
        "teacher/bank.html", bank=row, items=items, status=status,
        summary=service.bank_summary(session, row),
        approve_form=forms.ApproveForm(), reject_form=forms.RejectForm(), restore_form=forms.RestoreForm(),
        distractors_form=forms.DistractorsForm(), approve_all_form=forms.ApproveAllForm(),
        quizzes=[q for q in service.quizzes_of(session, _me().id) if q.bank_id == bank_id],
        export_links=_export_links("bank", bank_id),
        drops=[(service.CHECK_MESSAGES.get(reason, reason).rstrip("."), n)
               for reason, n in sorted(json.loads(row.drops_json or "{}").items()) if n],
    )


def _review_action(bank_question_id: int, form: Any, status: str, message: str) -> WResponse:
    bq = _or_404(service.owned_question, bank_question_id)
    if not form.validate_on_submit():
        abort(400)
    service.set_status(get_session(), _me().id, bank_question_id, status)
    flash(message, "success")
    return redirect(url_for("teacher.bank", bank_id=bq.bank_id, status=request.args.get("status"),
                            _anchor=f"q{bq.id}"))


@bp.route("/questions/<int:bank_question_id>/approve", methods=["POST"])
@teacher_required
def approve(bank_question_id: int) -> WResponse:
    """Approve one question."""
    return _review_action(bank_question_id, forms.ApproveForm(), "approved", "اعتُمد السؤال.")


@bp.route("/questions/<int:bank_question_id>/reject", methods=["POST"])
@teacher_required
def reject(bank_question_id: int) -> WResponse:
    """Reject one question."""
    return _review_action(bank_question_id, forms.RejectForm(), "rejected", "رُفض السؤال.")


@bp.route("/questions/<int:bank_question_id>/restore", methods=["POST"])
@teacher_required
def restore(bank_question_id: int) -> WResponse:
    """Put one question back to pending."""
    return _review_action(bank_question_id, forms.RestoreForm(), "pending", "أُعيد السؤال إلى المراجعة.")


@bp.route("/banks/<int:bank_id>/approve-all", methods=["POST"])
@teacher_required
def approve_all(bank_id: int) -> WResponse:
    """Approve every pending question of the bank."""
    _or_404(service.owned_bank, bank_id)
    if not forms.ApproveAllForm().validate_on_submit():
        abort(400)
    n = service.approve_all(get_session(), _me().id, bank_id)
    flash(f"اعتُمد {n} سؤالًا.", "success")
    return redirect(url_for("teacher.bank", bank_id=bank_id))


@bp.route("/questions/<int:bank_question_id>/distractors", methods=["POST"])
@teacher_required
def distractors(bank_question_id: int) -> WResponse:
    """Give a multiple-choice question new wrong options."""
    bq = _or_404(service.owned_question, bank_question_id)
    if not forms.DistractorsForm().validate_on_submit():
        abort(400)
    if service.regenerate_distractors(get_session(), _me().id, bank_question_id):
        flash("تغيّرت الخيارات الخاطئة.", "success")
    else:
        flash("لم نجد خيارات خاطئة أخرى مناسبة لهذا السؤال. يمكنك تعديلها بيدك.", "warning")
    return redirect(url_for("teacher.bank", bank_id=bq.bank_id, _anchor=f"q{bq.id}"))


def _split(text: str | None) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def _pair(line: str) -> tuple[str, str]:
    left, sep, right = line.partition("=")
    if not sep or not left.strip() or not right.strip():
        raise service.QuestionInvalid([f"السطر «{line}» ليس زوجًا: اكتب العنصر ثم = ثم ما يقابله."])
    return left.strip(), right.strip()


@bp.route("/questions/<int:bank_question_id>/edit", methods=["GET", "POST"])
@teacher_required
def edit_question(bank_question_id: int) -> str | WResponse:
    """Edit a question's prompt, options, answer and accepted answers (checked before saving)."""
    bq = _or_404(service.owned_question, bank_question_id)
    question = bank_service.load_question(bq.data_json)
    form = forms.EditQuestionForm()
    problems: list[str] = []
    if request.method == "GET":
        form.prompt.data = question.prompt
        form.choices.data = "\n".join(question.choices)
        form.answer.data = question.answer
        form.accepted.data = "\n".join(question.accepted)
        form.pairs.data = "\n".join(f"{a} = {b}" for a, b in question.pairs)
        form.items.data = "\n".join(question.items)
    elif form.validate_on_submit():
        try:
            pairs = [_pair(line) for line in _split(form.pairs.data)] if question.kind == "matching" else None
            service.edit_question(get_session(), _me().id, bank_question_id, prompt=form.prompt.data or "",
                                  answer=form.answer.data or "", choices=_split(form.choices.data),
                                  accepted=_split(form.accepted.data), pairs=pairs,
                                  items=_split(form.items.data) if question.kind == "ordering" else None)
        except service.QuestionInvalid as exc:
            problems = exc.messages
        else:
            flash("حُفظ التعديل.", "success")
            return redirect(url_for("teacher.bank", bank_id=bq.bank_id, _anchor=f"q{bq.id}"))
    return _render("teacher/question_edit.html", form=form, bq=bq, question=question, problems=problems)


@bp.route("/banks/<int:bank_id>/questions/new", methods=["GET", "POST"])
@teacher_required
def add_question(bank_id: int) -> str | WResponse:
    """Write a question by hand (checked before saving; approved once saved)."""
    row = _or_404(service.owned_bank, bank_id)
    form = forms.AddQuestionForm()
    problems: list[str] = []
    if form.validate_on_submit():
        kind = form.kind.data or ""
        try:
            bq = service.add_question(
                get_session(), _me().id, bank_id, kind=kind, prompt=form.prompt.data or "",
                answer=form.answer.data or "", choices=_split(form.choices.data),
                accepted=_split(form.accepted.data), fact_type=form.fact_type.data or "",
                source_text=form.source_text.data or "",
                pairs=[_pair(line) for line in _split(form.pairs.data)] if kind == "matching" else (),
                items=_split(form.items.data) if kind == "ordering" else (),
            )
        except service.QuestionInvalid as exc:
            problems = exc.messages
        else:
            flash("أُضيف السؤال واعتُمد.", "success")
            return redirect(url_for("teacher.bank", bank_id=bank_id, _anchor=f"q{bq.id}"))
    return _render("teacher/question_new.html", form=form, bank=row, problems=problems)


# --- quizzes -----------------------------------------------------------------------------------

def _settings(form: Any) -> service.QuizSettings:
    minutes = form.time_limit_minutes.data
    zone = _form_zone(form)  # the inputs hold wall-clock times of this zone; the quiz stores UTC
    return service.QuizSettings(
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
    row = _or_404(service.owned_bank, bank_id)
    session = get_session()
    approved = service.bank_questions(session, bank_id, "approved")
    items = [(bq, bank_service.load_question(bq.data_json)) for bq in approved]
    form = forms.QuizForm()
    form.questions.choices = [SelectChoice(bq.id, str(bq.id)) for bq in approved]
    if request.method == "GET" and not form.title.data:
        form.title.data = "اختبار: " + row.article.title
    problems: list[str] = []
    if form.validate_on_submit():
        if form.mode.data == "draw":
            ids = service.draw_per_fact_type(approved, form.draw_counts())
        else:
            ids = list(form.questions.data or [])
        try:
            quiz = service.create_quiz(session, _me().id, bank_id, _settings(form), ids)
        except service.QuestionInvalid as exc:
            problems = exc.messages
        else:
            flash(f"حُفظت مسودة الاختبار ({len(quiz.questions)} سؤالًا). انشره ليصل إليه الطلاب.", "success")
            return redirect(url_for("teacher.quiz", quiz_id=quiz.id))
    available = {t: sum(1 for bq in approved if bq.fact_type == t) for t in FACT_TYPES}
    return _render("teacher/quiz_new.html", form=form, bank=row, items=items, problems=problems,
                   available=available, tz_name=_shown_zone(form))


@bp.route("/quizzes/<int:quiz_id>")
@teacher_required
def quiz(quiz_id: int) -> str:
    """Show a quiz: settings, questions, and (once published) its join code and link."""
    row = _or_404(service.owned_quiz, quiz_id)
    questions = [bank_service.load_question(qq.data_json) for qq in row.questions]
    return _render("teacher/quiz.html", quiz=row, questions=questions, publish_form=forms.PublishForm(),
                   delete_form=forms.DeleteQuizForm(), export_links=_export_links("quiz", row.id),
                   quiz_zone=quiz_zone(row))


def _export_links(kind: str, row_id: int) -> list[tuple[str, str]]:
    """Return (label, url) download links of the exports blueprint for a quiz or bank, if it is there."""
    endpoint = f"exports.{kind}"
    if endpoint not in current_app.view_functions:
        return []
    from quiz.exports import FORMATS

    arg = "quiz_id" if kind == "quiz" else "bank_id"
    return [(spec.label, url_for(endpoint, fmt=name, **{arg: row_id})) for name, spec in FORMATS.items()]


@bp.route("/quizzes/<int:quiz_id>/settings", methods=["GET", "POST"])
@teacher_required
def quiz_settings(quiz_id: int) -> str | WResponse:
    """Change a quiz's settings."""
    row = _or_404(service.owned_quiz, quiz_id)
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
            service.update_settings(get_session(), _me().id, quiz_id, _settings(form))
        except service.QuestionInvalid as exc:
            problems = exc.messages
        else:
            flash("حُفظت الإعدادات.", "success")
            return redirect(url_for("teacher.quiz", quiz_id=quiz_id))
    return _render("teacher/quiz_settings.html", form=form, quiz=row, problems=problems, tz_name=_shown_zone(form))


@bp.route("/quizzes/<int:quiz_id>/publish", methods=["POST"])
@teacher_required
def publish(quiz_id: int) -> WResponse:
    """Publish a draft: snapshot its questions and open it to students."""
    _or_404(service.owned_quiz, quiz_id)
    if not forms.PublishForm().validate_on_submit():
        abort(400)
    try:
        row = service.publish(get_session(), _me().id, quiz_id)
    except service.QuestionInvalid as exc:
        for message in exc.messages:
            flash(message, "error")
    else:
        flash(f"نُشر الاختبار. رمز الانضمام: {row.code}", "success")
    return redirect(url_for("teacher.quiz", quiz_id=quiz_id))


@bp.route("/quizzes/<int:quiz_id>/delete", methods=["POST"])
@teacher_required
def delete_quiz(quiz_id: int) -> WResponse:
    """Delete a draft quiz."""
    row = _or_404(service.owned_quiz, quiz_id)
    if not forms.DeleteQuizForm().validate_on_submit():
        abort(400)
    bank_id = row.bank_id
    try:
        service.delete_draft(get_session(), _me().id, quiz_id)
    except service.QuestionInvalid as exc:
        flash(exc.messages[0], "error")
        return redirect(url_for("teacher.quiz", quiz_id=quiz_id))
    flash("حُذفت المسودة.", "success")
    return redirect(url_for("teacher.bank", bank_id=bank_id))


# --- results -----------------------------------------------------------------------------------

def _close_expired(quiz: models.Quiz) -> None:
    # An attempt whose time ran out is graded at its deadline, so results count it.
    session = get_session()
    now = models.utcnow()
    for a in session.scalars(
        select(models.Attempt).where(
            models.Attempt.quiz_id == quiz.id, models.Attempt.submitted_at.is_(None),
            models.Attempt.deadline_at.is_not(None), models.Attempt.deadline_at <= now,
        )
    ):
        attempt_service.close_if_expired(session, a, now)


@bp.route("/quizzes/<int:quiz_id>/results")
@teacher_required
def results(quiz_id: int) -> str:
    """Show the results table, the score histogram and the item analysis."""
    row = _or_404(service.owned_quiz, quiz_id)
    _close_expired(row)
    session = get_session()
    lines = stats.quiz_results(session, row)
    percentages = [r.percent for r in lines if r.percent is not None]
    return _render(
        "teacher/results.html", quiz=row, lines=lines, items=stats.quiz_item_analysis(session, row),
        histogram=stats.histogram_svg(percentages), average=stats.mean(percentages),
        FACILITY_TOO_EASY=stats.FACILITY_TOO_EASY, FACILITY_TOO_HARD=stats.FACILITY_TOO_HARD,
    )


@bp.route("/quizzes/<int:quiz_id>/results.csv")
@teacher_required
def results_csv(quiz_id: int) -> Response:
    """Download the results table as CSV (UTF-8 with BOM, for Excel)."""
    row = _or_404(service.owned_quiz, quiz_id)
    _close_expired(row)
    body = stats.results_csv(stats.quiz_results(get_session(), row))
    return Response(body, mimetype="text/csv", headers={
        "Content-Disposition": f'attachment; filename="fahim-results-{row.code}.csv"',
        "Cache-Control": "no-store",
    })


# --- invitations -------------------------------------------------------------------------------

@bp.route("/invitations", methods=["POST"])
@teacher_required
def invite() -> WResponse:
    """Create a single-use invitation link for another teacher (shown once)."""
    if not forms.InviteForm().validate_on_submit():
        abort(400)
    token, row = accounts.create_invitation(get_session(), _me())
    link = url_for("teacher.accept_invite", token=token, _external=True)
    flash(f"رابط الدعوة (يعمل مرة واحدة حتى {row.expires_at:%Y-%m-%d}): {link}", "invite")
    return redirect(url_for("teacher.index", _anchor="invite"))


@bp.route("/invite/<token>", methods=["GET", "POST"])
def accept_invite(token: str) -> str | WResponse:
    """Create a teacher account from an invitation link, then sign in."""
    session = get_session()
    if accounts.find_invitation(session, token) is None:
        abort(404)
    form = forms.AcceptInviteForm()
    if form.validate_on_submit():
        try:
            user = accounts.accept_invitation(session, token, name=form.name.data or "",
                                              email=form.email.data or "", password=form.password.data or "")
        except accounts.AccountError as exc:
            form.email.errors = [str(exc)]
        else:
            login_user(user)
            flash(f"أهلًا {user.name}، أُنشئ حساب المعلّم.", "success")
            return redirect(url_for("teacher.index"))
    return _render("teacher/invite_accept.html", form=form)


# --- command line ------------------------------------------------------------------------------

@click.command("create-teacher")
@click.option("--name", prompt="الاسم / name", help="The teacher's display name.")
@click.option("--email", prompt="email", help="The teacher's sign-in email.")
@click.option("--password", prompt=True, hide_input=True, confirmation_prompt=True,
              help="The password (prompted, hidden, when not given).")
@with_appcontext
def create_teacher_command(name: str, email: str, password: str) -> None:
    """Create a teacher account."""
    get_db().create_schema()
    with get_db().session() as session:
        try:
            user = accounts.create_teacher(session, name=name, email=email, password=password)
        except accounts.AccountError as exc:
            raise click.ClickException(str(exc)) from None
        click.echo(f"teacher {user.email} created (id {user.id})")


def ensure_env_teacher(app: Any) -> None:
    """Create the first teacher from FAHIM_TEACHER_EMAIL / FAHIM_TEACHER_PASSWORD when set."""
    # from_prefixed_env parses values as JSON (a numeric password becomes an int), so the raw
    # environment comes first and the parsed config second (instance/config.py may set them too).
    env = {
        key: os.environ.get(f"FAHIM_{key}") or str(app.config.get(key) or "")
        for key in ("TEACHER_EMAIL", "TEACHER_PASSWORD", "TEACHER_NAME")
    }
    if not env["TEACHER_EMAIL"] or not env["TEACHER_PASSWORD"]:
        return
    with get_db(app).session() as session:
        try:
            accounts.ensure_teacher_from_env(session, {f"FAHIM_{k}": v for k, v in env.items()})
        except accounts.AccountError as exc:
            app.logger.warning("FAHIM_TEACHER_EMAIL: %s", exc)
