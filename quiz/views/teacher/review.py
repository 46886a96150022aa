"""Reviewing a bank: approve, reject, restore, edit, write by hand, new wrong options."""

from __future__ import annotations

import json
from typing import Any

from flask import abort, flash, redirect, request, url_for
from werkzeug.wrappers import Response as WResponse

from quiz import models
from quiz.arabic import questions_count
from quiz.db import get_session
from quiz.services import banks as bank_service
from quiz.services import checks, ownership, review
from quiz.views.auth import teacher_required
from quiz.views.teacher import forms
from quiz.views.teacher.common import bp, export_links, me, or_404, render


@bp.route("/banks/<int:bank_id>")
@teacher_required
def bank(bank_id: int) -> str:
    """Review a bank: every question with its source sentence, answer and actions."""
    row = or_404(ownership.owned_bank, bank_id)
    session = get_session()
    status = request.args.get("status")
    status = status if status in models.QUESTION_STATUSES else None
    rows = ownership.bank_questions(session, bank_id, status)
    items = [(bq, bank_service.load_question(bq.data_json)) for bq in rows]
    return render(
        "teacher/bank.html", bank=row, items=items, status=status,
        summary=ownership.bank_summary(session, row),
        approve_form=forms.ApproveForm(), reject_form=forms.RejectForm(), restore_form=forms.RestoreForm(),
        distractors_form=forms.DistractorsForm(), approve_all_form=forms.ApproveAllForm(),
        quizzes=[q for q in ownership.quizzes_of(session, me().id) if q.bank_id == bank_id],
        export_links=export_links("bank", bank_id),
        drops=checks.dropped_summary(json.loads(row.drops_json or "{}").items()),
    )


def _review_action(bank_question_id: int, form: Any, status: str, message: str) -> WResponse:
    bq = or_404(ownership.owned_question, bank_question_id)
    if not form.validate_on_submit():
        abort(400)
    review.set_status(get_session(), me().id, bank_question_id, status)
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
    or_404(ownership.owned_bank, bank_id)
    if not forms.ApproveAllForm().validate_on_submit():
        abort(400)
    n = review.approve_all(get_session(), me().id, bank_id)
    flash(f"اعتُمد {questions_count(n)}." if n else "لا أسئلة بانتظار المراجعة.", "success")
    return redirect(url_for("teacher.bank", bank_id=bank_id))


@bp.route("/questions/<int:bank_question_id>/distractors", methods=["POST"])
@teacher_required
def distractors(bank_question_id: int) -> WResponse:
    """Give a multiple-choice question new wrong options."""
    bq = or_404(ownership.owned_question, bank_question_id)
    if not forms.DistractorsForm().validate_on_submit():
        abort(400)
    if review.regenerate_distractors(get_session(), me().id, bank_question_id):
        flash("تغيّرت الخيارات الخاطئة.", "success")
    else:
        flash("لم نجد خيارات خاطئة أخرى مناسبة لهذا السؤال. يمكنك تعديلها بيدك.", "warning")
    return redirect(url_for("teacher.bank", bank_id=bq.bank_id, _anchor=f"q{bq.id}"))


def _split(text: str | None) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def _pair(line: str) -> tuple[str, str]:
    left, sep, right = line.partition("=")
    if not sep or not left.strip() or not right.strip():
        raise review.QuestionInvalid([f"السطر «{line}» ليس زوجًا: اكتب العنصر ثم = ثم ما يقابله."])
    return left.strip(), right.strip()


@bp.route("/questions/<int:bank_question_id>/edit", methods=["GET", "POST"])
@teacher_required
def edit_question(bank_question_id: int) -> str | WResponse:
    """Edit a question's prompt, options, answer and accepted answers (checked before saving)."""
    bq = or_404(ownership.owned_question, bank_question_id)
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
            review.edit_question(get_session(), me().id, bank_question_id, prompt=form.prompt.data or "",
                                  answer=form.answer.data or "", choices=_split(form.choices.data),
                                  accepted=_split(form.accepted.data), pairs=pairs,
                                  items=_split(form.items.data) if question.kind == "ordering" else None)
        except review.QuestionInvalid as exc:
            problems = exc.messages
        else:
            flash("حُفظ التعديل.", "success")
            return redirect(url_for("teacher.bank", bank_id=bq.bank_id, _anchor=f"q{bq.id}"))
    return render("teacher/question_edit.html", form=form, bq=bq, question=question, problems=problems)


@bp.route("/banks/<int:bank_id>/questions/new", methods=["GET", "POST"])
@teacher_required
def add_question(bank_id: int) -> str | WResponse:
    """Write a question by hand (checked before saving; approved once saved)."""
    row = or_404(ownership.owned_bank, bank_id)
    form = forms.AddQuestionForm()
    problems: list[str] = []
    if form.validate_on_submit():
        kind = form.kind.data or ""
        try:
            bq = review.add_question(
                get_session(), me().id, bank_id, kind=kind, prompt=form.prompt.data or "",
                answer=form.answer.data or "", choices=_split(form.choices.data),
                accepted=_split(form.accepted.data), fact_type=form.fact_type.data or "",
                source_text=form.source_text.data or "",
                pairs=[_pair(line) for line in _split(form.pairs.data)] if kind == "matching" else (),
                items=_split(form.items.data) if kind == "ordering" else (),
            )
        except review.QuestionInvalid as exc:
            problems = exc.messages
        else:
            flash("أُضيف السؤال واعتُمد.", "success")
            return redirect(url_for("teacher.bank", bank_id=bank_id, _anchor=f"q{bq.id}"))
    return render("teacher/question_new.html", form=form, bank=row, problems=problems)
