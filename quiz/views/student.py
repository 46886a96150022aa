"""Student pages: home and join, take a quiz (autosave + form fallback), submit, result, review, retry."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, flash, jsonify, redirect, render_template, request, url_for
from flask import session as flask_session
from flask.typing import ResponseReturnValue
from werkzeug.wrappers import Response as WResponse

from quiz import models, ratelimits
from quiz.db import get_session
from quiz.views.forms import AnswerForm, JoinClassForm, JoinForm, RetryForm, StartForm, SubmitAttemptForm
from quiz.services import attempts as attempt_service
from quiz.services import classes as class_service
from quiz.services import autosave as autosave_service
from quiz.services import quizzes as quiz_service
from quiz.services import users as user_service
from quiz.views import pagecache
from quiz.views.auth import current_user, login_required, login_user

bp = Blueprint("student", __name__)


def _quiz_or_404(code: str) -> models.Quiz:
    quiz = quiz_service.find_by_code(get_session(), code)
    if quiz is None or not quiz.published:
        abort(404)
    return quiz


MAX_ID = 2**63 - 1  # larger ids cannot exist (and overflow the database driver)


def _my_attempt_or_404(attempt_id: int) -> models.Attempt:
    # Someone else's attempt is "not found", never "forbidden": its existence is not revealed.
    if not 0 < attempt_id <= MAX_ID:
        abort(404)
    user = current_user()
    attempt = attempt_service.owned_attempt(get_session(), attempt_id, user.id if user else None)
    if attempt is None:
        abort(404)
    return attempt


def _index_page(form: JoinForm, status: int = 200) -> tuple[str, int]:
    # Quizzes of a class are listed to its members only; quizzes without a class to everyone.
    session = get_session()
    user = current_user()
    assigned = class_service.assigned_quiz_ids(session)
    mine = class_service.quiz_ids_of_member(session, user.id) if user else set()
    quizzes = [q for q in quiz_service.open_quizzes(session, models.utcnow())
               if q.id not in assigned or q.id in mine or (user is not None and q.owner_id == user.id)]
    counts = quiz_service.question_counts(session, [q.id for q in quizzes])
    my_classes = class_service.classes_of_member(session, user.id) if user else []
    return render_template("student/index.html", quizzes=quizzes, counts=counts, form=form,
                           my_classes=my_classes), status


@bp.route("/")
def index() -> tuple[str, int]:
    """Show the open quizzes, the student's classes and the join-by-code box."""
    return _index_page(JoinForm())


@bp.route("/join", methods=["POST"])
@ratelimits.wrong_join_codes_per_address
def join() -> str | WResponse | tuple[str, int]:
    """Find a quiz by its code and go to its start page."""
    form = JoinForm()
    if form.validate_on_submit():
        quiz = quiz_service.find_by_code(get_session(), form.code.data or "")
        if quiz is not None and quiz.published:
            return redirect(url_for("student.quiz", code=quiz.code))
        school_class = class_service.find_by_code(get_session(), form.code.data or "")
        if school_class is not None:
            return redirect(url_for("student.join_class", code=school_class.code))
        form.code.errors = ["لا يوجد اختبار بهذا الرمز ولا صف. تأكد منه واكتبه مرة أخرى."]
    return _index_page(form, 400)


@bp.route("/q/<code>")
@ratelimits.wrong_join_codes_per_address
def quiz(code: str) -> ResponseReturnValue:
    """Show a quiz's details and the start (or resume) button."""
    quiz = _quiz_or_404(code)
    if quiz.code != code:
        return redirect(url_for("student.quiz", code=quiz.code))
    if not _may_take(quiz):
        return _class_only(quiz)
    return _quiz_page(quiz, StartForm())


def _may_take(quiz: models.Quiz) -> bool:
    user = current_user()
    return class_service.may_take(get_session(), quiz, user.id if user else None)


def _class_only(quiz: models.Quiz) -> tuple[str, int]:
    # A quiz of a class is "not found" to everyone else; the page says how to join a class.
    return render_template("student/class_only.html", form=JoinForm()), 404


def _quiz_page(quiz: models.Quiz, form: StartForm, status: int = 200) -> tuple[str, int]:
    session = get_session()
    now = models.utcnow()
    user = current_user()
    open_attempt = used = None
    if user is not None:
        open_attempt = attempt_service.open_attempt(session, quiz.id, user.id, now)
        used = attempt_service.attempts_used(session, quiz.id, user.id)
    left = None if quiz.attempts_allowed is None else max(0, quiz.attempts_allowed - (used or 0))
    return render_template(
        "student/quiz.html", quiz=quiz, form=form, open_attempt=open_attempt,
        is_open=quiz_service.is_open(quiz, now), attempts_left=left, count=len(quiz.questions),
    ), status


@bp.route("/q/<code>/start", methods=["POST"])
@ratelimits.wrong_join_codes_per_address
def start(code: str) -> ResponseReturnValue:
    """Start (or resume) an attempt; a visitor joins with a display name."""
    quiz = _quiz_or_404(code)
    if not _may_take(quiz):
        return _class_only(quiz)
    form = StartForm()
    if not form.validate_on_submit():
        return _quiz_page(quiz, form, 400)
    session = get_session()
    user = current_user()
    if user is None:
        name = (form.name.data or "").strip()
        if len(name) < 2:
            form.name.errors = list(form.name.errors) + ["اكتب اسمك لتبدأ (حرفان على الأقل)."]
            return _quiz_page(quiz, form, 400)
        user = user_service.create_guest(session, name)
        login_user(user)
    try:
        attempt = attempt_service.start_attempt(session, quiz, user.id)
    except attempt_service.QuizClosed:
        flash("هذا الاختبار غير متاح الآن.", "error")
        return redirect(url_for("student.quiz", code=quiz.code))
    except attempt_service.NoAttemptsLeft:
        flash("استنفدت عدد المحاولات المسموح بها لهذا الاختبار.", "error")
        return redirect(url_for("student.quiz", code=quiz.code))
    return redirect(url_for("student.take", attempt_id=attempt.id))


def _page_of(request_page: Any, total: int) -> int:
    text = str(request_page or "").strip()
    if not text.isdecimal() or len(text) > 6:  # also refuses what int() would choke on
        return 1
    page = int(text)
    return min(max(page, 1), max(total, 1))


@bp.route("/attempt/<int:attempt_id>")
def take(attempt_id: int) -> str | WResponse:
    """Show the attempt's questions (one per page or all on one page) with saved answers."""
    cached = pagecache.lookup(attempt_id)  # one query; a page whose state did not change is not re-rendered
    if cached is not None:
        return cached
    attempt = _my_attempt_or_404(attempt_id)
    session = get_session()
    if attempt_service.close_if_expired(session, attempt, models.utcnow()):
        ends = attempt_service.deadline(attempt)
        if attempt.submitted_at is not None and ends and attempt.submitted_at >= ends:
            flash("انتهى الوقت، فأُغلقت المحاولة بالإجابات المحفوظة.", "info")
        return redirect(url_for("student.result", attempt_id=attempt.id))
    all_items = attempt_service.items(session, attempt)
    one_per_page = attempt.quiz.layout == "one_per_page" and len(all_items) > 1
    page = _page_of(request.args.get("page"), len(all_items)) if one_per_page else 1
    shown = [all_items[page - 1]] if one_per_page and all_items else all_items
    return pagecache.store(render_template(
        "student/take.html", attempt=attempt, quiz=attempt.quiz, deadline=attempt_service.deadline(attempt),
        items=shown, all_items=all_items,
        page=page, pages=len(all_items) if one_per_page else 1, one_per_page=one_per_page,
        answered=sum(1 for it in all_items if it.answered), form=AnswerForm(page=str(page)),
        submit_form=SubmitAttemptForm(),
    ))


def _page_items(attempt: models.Attempt) -> list[attempt_service.Item]:
    # The form posts only the fields of its page; parse_answers ignores questions it does not see.
    return attempt_service.items(get_session(), attempt)


@bp.route("/attempt/<int:attempt_id>", methods=["POST"])
def save(attempt_id: int) -> WResponse:
    """Save the page's answers (form fallback for autosave) and move to the chosen page."""
    attempt = _my_attempt_or_404(attempt_id)
    form = AnswerForm()
    if not form.validate_on_submit():
        abort(400)
    answers = attempt_service.parse_answers(_page_items(attempt), request.form)
    try:
        attempt_service.save_answers(get_session(), attempt, answers)
    except attempt_service.AttemptClosed:
        flash("انتهى الوقت؛ لم تُحسب الإجابات التي وصلت بعده.", "info")
        return redirect(url_for("student.result", attempt_id=attempt.id))
    page = _page_of(form.page.data, 10**6)
    go = (form.go.data or "").strip()
    if go == "next":
        page += 1
    elif go == "prev":
        page -= 1
    elif go.isdecimal():
        page = _page_of(go, 10**6)
    return redirect(url_for("student.take", attempt_id=attempt.id, page=max(page, 1)))


@bp.route("/attempt/<int:attempt_id>/autosave", methods=["POST"])
def autosave(attempt_id: int) -> tuple[WResponse, int] | WResponse:
    """Save answers sent by the page script (CSRF token in the X-CSRFToken header); JSON reply."""
    saved = autosave_service.fast_autosave(get_session(), attempt_id, flask_session.get("user_id"),
                                           flask_session.get("sv"), request.form)
    if saved is not None:  # the common case, in one short transaction; anything else takes the path below
        return jsonify(ok=True, changed=saved.changed, answered=len(saved.answered), total=saved.total,
                       answered_ids=saved.answered)
    attempt = _my_attempt_or_404(attempt_id)
    all_items = attempt_service.items(get_session(), attempt)
    answers = attempt_service.parse_answers(all_items, request.form)
    try:
        changed = attempt_service.save_answers(get_session(), attempt, answers)
    except attempt_service.AttemptClosed:
        return jsonify(ok=False, closed=True,
                       redirect=url_for("student.result", attempt_id=attempt.id)), 409
    answered = {it.qq_id for it in all_items if it.answered}
    for qq_id, answer in answers.items():
        if answer is None:
            answered.discard(qq_id)
        else:
            answered.add(qq_id)
    return jsonify(ok=True, changed=changed, answered=len(answered), total=len(all_items),
                   answered_ids=sorted(answered))


@bp.route("/attempt/<int:attempt_id>/submit", methods=["POST"])
def submit(attempt_id: int) -> WResponse:
    """Save the page's last answers and hand the attempt in (a second submit changes nothing)."""
    if autosave_service.fast_submit(get_session(), attempt_id, flask_session.get("user_id"),
                                    flask_session.get("sv"), request.form):
        return redirect(url_for("student.result", attempt_id=attempt_id))  # CSRF was checked app-wide
    attempt = _my_attempt_or_404(attempt_id)
    if not SubmitAttemptForm().validate_on_submit():
        abort(400)
    if attempt.submitted_at is None:
        answers = attempt_service.parse_answers(_page_items(attempt), request.form)
        attempt_service.submit_with_answers(get_session(), attempt, answers)
    return redirect(url_for("student.result", attempt_id=attempt.id))


@bp.route("/attempt/<int:attempt_id>/result")
def result(attempt_id: int) -> str | WResponse:
    """Show the score and, when the quiz allows, the review of every question."""
    attempt = _my_attempt_or_404(attempt_id)
    session = get_session()
    now = models.utcnow()
    if not attempt_service.close_if_expired(session, attempt, now):
        return redirect(url_for("student.take", attempt_id=attempt.id))
    show_review = attempt_service.review_allowed(attempt, now)
    review = attempt_service.review(session, attempt) if show_review else []
    missed = sum(1 for r in review if not r.correct)
    return render_template(
        "student/result.html", attempt=attempt, quiz=attempt.quiz, review=review,
        show_review=show_review, percent=attempt_service.percent(attempt), missed=missed,
        retry_form=RetryForm(),
    )


@bp.route("/attempt/<int:attempt_id>/retry", methods=["POST"])
def retry(attempt_id: int) -> WResponse:
    """Start a practice attempt holding only the questions missed in this one."""
    attempt = _my_attempt_or_404(attempt_id)
    if not RetryForm().validate_on_submit():
        abort(400)
    try:
        practice = attempt_service.start_retry(get_session(), attempt)
    except attempt_service.NothingToRetry:
        flash("لا توجد أخطاء لإعادة المحاولة فيها.", "info")
        return redirect(url_for("student.result", attempt_id=attempt.id))
    return redirect(url_for("student.take", attempt_id=practice.id))


@bp.route("/c/<code>", methods=["GET", "POST"])
@ratelimits.wrong_join_codes_per_address
def join_class(code: str) -> ResponseReturnValue:
    """Join a class once by its code (with the account, or as a guest under a name unique in the class)."""
    session = get_session()
    school_class = class_service.find_by_code(session, code)
    if school_class is None:
        abort(404)
    if school_class.code != code:
        return redirect(url_for("student.join_class", code=school_class.code))
    user = current_user()
    member = class_service.membership(session, school_class.id, user.id) if user else None
    form = JoinClassForm()
    if member is None and form.validate_on_submit():
        name = form.name.data or ""
        try:
            if user is None:
                class_service.check_name_free(session, school_class, name)
                user = user_service.create_guest(session, name)
                login_user(user)
            member = class_service.join(session, school_class, user, name)
        except class_service.ClassError as exc:
            form.name.errors = [str(exc)]
        else:
            flash(f"انضممت إلى «{school_class.name}».", "success")
            return redirect(url_for("student.join_class", code=school_class.code))
    elif request.method == "GET" and user is not None and not form.name.data:
        form.name.data = user.name
    quizzes = (class_service.quizzes_of_class(session, school_class.id, published_only=True)
               if member is not None else [])
    now = models.utcnow()
    return render_template("student/class.html", school_class=school_class, member=member, form=form,
                           quizzes=quizzes, open_ids={q.id for q in quizzes if quiz_service.is_open(q, now)},
                           ), 200 if member is not None or request.method == "GET" else 400


@bp.route("/me/attempts")
@login_required
def my_attempts() -> str:
    """List the current user's attempts with their scores."""
    user = current_user()
    assert user is not None  # login_required ran first; narrows the type for mypy  # nosec B101
    attempts = attempt_service.user_attempts(get_session(), user.id)
    return render_template("student/attempts.html", attempts=attempts, percent=attempt_service.percent)
