"""Reviewing a bank («مراجعة»): compact cards, in-place approve/reject/edit, bulk actions, filters.

Every action is a plain form POST that redirects back (the page works without its script); the
review script sends the same forms with ``X-Requested-With: fetch`` and gets the card back as JSON
(its new HTML and the bank's counts), so the page is never reloaded.
"""

from __future__ import annotations

import json
from typing import Any

from flask import abort, flash, jsonify, redirect, render_template, request, url_for
from werkzeug.wrappers import Response as WResponse

from questions.model import Question
from quiz import models
from quiz.arabic import questions_count
from quiz.db import get_session
from quiz.services import banks as bank_service
from quiz.services import checks, fact_cards, ownership, review
from quiz.views.auth import teacher_required
from quiz.views.teacher import forms
from quiz.views.teacher.common import bp, export_links, labels, me, or_404, render

STATUS_ACTIONS = {"approve": "approved", "reject": "rejected", "restore": "pending"}


def _in_place() -> bool:
    return request.headers.get("X-Requested-With") == "fetch"


def review_forms() -> dict[str, Any]:
    """Return the small forms every card carries (their CSRF token is the page's)."""
    return {"approve": forms.ApproveForm(formdata=None), "reject": forms.RejectForm(formdata=None),
            "restore": forms.RestoreForm(formdata=None), "distractors": forms.DistractorsForm(formdata=None),
            "alternate": forms.AlternateForm(formdata=None)}


def fill_edit_form(form: forms.EditQuestionForm, q: Question) -> forms.EditQuestionForm:
    """Put the question's current text in its edit form."""
    form.prompt.data = q.prompt
    form.choices.data = "\n".join(q.choices)
    form.answer.data = q.answer
    form.accepted.data = "\n".join(q.accepted)
    form.pairs.data = "\n".join(f"{a} = {b}" for a, b in q.pairs)
    form.items.data = "\n".join(q.items)
    return form


def edit_form_for(bq: models.BankQuestion, q: Question, form: forms.EditQuestionForm | None = None
                  ) -> forms.EditQuestionForm:
    """Return the edit form of one card: filled with the question (unless given), ids unique on the page."""
    if form is None:
        form = fill_edit_form(forms.EditQuestionForm(formdata=None), q)
    for f in form:
        if f.type not in ("CSRFTokenField", "SubmitField"):
            f.id = f.label.field_id = f"edit{bq.id}-{f.name}"
    return form


def _card(bq: models.BankQuestion, leaks: dict[int, list[str]], *, form: forms.EditQuestionForm | None = None,
          problems: list[str] | None = None) -> str:
    q = bank_service.load_question(bq.data_json)
    return render_template("teacher/_review_card.html", bq=bq, q=q, review_forms=review_forms(),
                           edit_form=edit_form_for(bq, q, form), problems=problems or [], filter_args={},
                           leaks=leaks.get(bq.id, []), **labels())


def _summary(bank_id: int) -> dict[str, int]:
    session = get_session()
    s = ownership.bank_summary(session, session.get(models.Bank, bank_id))
    return {"pending": s.pending, "approved": s.approved, "rejected": s.rejected}


def _card_reply(bq: models.BankQuestion, message: str, status: int = 200, **card: Any) -> tuple[WResponse, int]:
    # Every card's leak warnings come along: one change can make or mend a leak with another card.
    leaks = fact_cards.leak_warnings(get_session(), bq.bank_id)
    return jsonify(card=_card(bq, leaks, **card), summary=_summary(bq.bank_id), message=message,
                   leaks=leaks), status


def _filters() -> dict[str, str | None]:
    def pick(name: str, allowed: Any) -> str | None:
        value = request.args.get(name)
        return value if value in allowed else None
    return {"status": pick("status", models.QUESTION_STATUSES), "kind": pick("kind", forms.KIND_LABELS),
            "fact_type": pick("fact_type", forms.FACT_TYPE_LABELS),
            "salience": pick("salience", fact_cards.SALIENCE_LEVELS)}


@bp.route("/banks/<int:bank_id>")
@teacher_required
def bank(bank_id: int) -> str:
    """Review a bank: one compact card per question, filters, bulk actions and keyboard shortcuts."""
    row = or_404(ownership.owned_bank, bank_id)
    session = get_session()
    chosen = _filters()
    rows = ownership.bank_questions(session, bank_id, chosen["status"])
    floor = fact_cards.SALIENCE_LEVELS.get(chosen["salience"] or "", 0.0)
    items = []
    for bq in rows:
        q = bank_service.load_question(bq.data_json)
        if chosen["kind"] and q.kind != chosen["kind"] or chosen["fact_type"] and q.fact_type != chosen["fact_type"]:
            continue
        if q.salience < floor:
            continue
        items.append((bq, q, edit_form_for(bq, q)))
    return render(
        "teacher/bank.html", bank=row, items=items, filters=chosen,
        filter_args={k: v for k, v in chosen.items() if v},
        summary=ownership.bank_summary(session, row), review_forms=review_forms(),
        bulk_form=forms.BulkReviewForm(formdata=None),
        quizzes=[q for q in ownership.quizzes_of(session, me().id) if q.bank_id == bank_id],
        export_links=export_links("bank", bank_id),
        drops=checks.dropped_summary(json.loads(row.drops_json or "{}").items()),
        leaks_by_card=fact_cards.leak_warnings(session, bank_id), SALIENCE_LABELS=forms.SALIENCE_LABELS,
    )


def _back_to_bank(bank_id: int, anchor: str | None = None) -> WResponse:
    args = {k: v for k, v in _filters().items() if v}  # the filters the page had, from the action's URL
    return redirect(url_for("teacher.bank", bank_id=bank_id, _anchor=anchor, **args))


def _done(bq: models.BankQuestion, message: str, category: str = "success") -> WResponse | tuple[WResponse, int]:
    # The card back for the page script; otherwise the message and the page again, at the card.
    if _in_place():
        return _card_reply(bq, message)
    flash(message, category)
    return _back_to_bank(bq.bank_id, f"q{bq.id}")


def _review_action(bank_question_id: int, form: Any, status: str, message: str) -> WResponse | tuple[WResponse, int]:
    or_404(ownership.owned_question, bank_question_id)
    if not form.validate_on_submit():
        abort(400)
    return _done(review.set_status(get_session(), me().id, bank_question_id, status), message)


@bp.route("/questions/<int:bank_question_id>/approve", methods=["POST"])
@teacher_required
def approve(bank_question_id: int) -> WResponse | tuple[WResponse, int]:
    """Approve one question."""
    return _review_action(bank_question_id, forms.ApproveForm(), "approved", "اعتُمد السؤال.")


@bp.route("/questions/<int:bank_question_id>/reject", methods=["POST"])
@teacher_required
def reject(bank_question_id: int) -> WResponse | tuple[WResponse, int]:
    """Reject one question."""
    return _review_action(bank_question_id, forms.RejectForm(), "rejected", "رُفض السؤال.")


@bp.route("/questions/<int:bank_question_id>/restore", methods=["POST"])
@teacher_required
def restore(bank_question_id: int) -> WResponse | tuple[WResponse, int]:
    """Put one question back to pending."""
    return _review_action(bank_question_id, forms.RestoreForm(), "pending", "أُعيد السؤال إلى المراجعة.")


@bp.route("/banks/<int:bank_id>/bulk", methods=["POST"])
@teacher_required
def bulk(bank_id: int) -> WResponse | tuple[WResponse, int]:
    """Approve, reject or send back to review the selected questions of the bank."""
    or_404(ownership.owned_bank, bank_id)
    form = forms.BulkReviewForm()
    if not form.validate_on_submit() or form.action.data not in STATUS_ACTIONS:
        abort(400)
    status = STATUS_ACTIONS[form.action.data]
    changed = review.set_status_many(get_session(), me().id, bank_id, list(form.ids.data or []), status)
    message = (f"{forms.BULK_DONE[form.action.data]}: {questions_count(len(changed))}." if changed
               else "لم تحدد أسئلة.")
    if _in_place():
        leaks = fact_cards.leak_warnings(get_session(), bank_id)
        return jsonify(cards={bq.id: _card(bq, leaks) for bq in changed}, summary=_summary(bank_id),
                       message=message, leaks=leaks), 200
    flash(message, "success" if changed else "warning")
    return _back_to_bank(bank_id)


@bp.route("/questions/<int:bank_question_id>/alternate", methods=["POST"])
@teacher_required
def use_alternate(bank_question_id: int) -> WResponse | tuple[WResponse, int]:
    """Ask about the fact with one of its other questions instead (the current one becomes an alternate)."""
    bq = or_404(ownership.owned_question, bank_question_id)
    form = forms.AlternateForm()
    if not form.validate_on_submit():
        abort(400)
    try:
        bq = fact_cards.use_alternate(get_session(), me().id, bank_question_id, form.key.data or "")
    except review.QuestionInvalid as exc:
        return _done(bq, exc.messages[0], "error")
    return _done(bq, "تغيّرت صيغة السؤال.")


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
def distractors(bank_question_id: int) -> WResponse | tuple[WResponse, int]:
    """Give a multiple-choice question new wrong options."""
    bq = or_404(ownership.owned_question, bank_question_id)
    if not forms.DistractorsForm().validate_on_submit():
        abort(400)
    if review.regenerate_distractors(get_session(), me().id, bank_question_id):
        return _done(bq, "تغيّرت الخيارات الخاطئة.")
    return _done(bq, "لم نجد خيارات خاطئة أخرى مناسبة لهذا السؤال. يمكنك تعديلها بيدك.", "warning")


def _split(text: str | None) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def _pair(line: str) -> tuple[str, str]:
    left, sep, right = line.partition("=")
    if not sep or not left.strip() or not right.strip():
        raise review.QuestionInvalid([f"السطر «{line}» ليس زوجًا: اكتب العنصر ثم = ثم ما يقابله."])
    return left.strip(), right.strip()


@bp.route("/questions/<int:bank_question_id>/edit", methods=["GET", "POST"])
@teacher_required
def edit_question(bank_question_id: int) -> str | WResponse | tuple[WResponse, int]:
    """Edit a question's prompt, options, answer and accepted answers (checked before saving)."""
    bq = or_404(ownership.owned_question, bank_question_id)
    question = bank_service.load_question(bq.data_json)
    form = forms.EditQuestionForm()
    problems: list[str] = []
    if request.method == "GET":
        fill_edit_form(form, question)
    elif form.validate_on_submit():
        try:
            pairs = [_pair(line) for line in _split(form.pairs.data)] if question.kind == "matching" else None
            bq = review.edit_question(get_session(), me().id, bank_question_id, prompt=form.prompt.data or "",
                                      answer=form.answer.data or "", choices=_split(form.choices.data),
                                      accepted=_split(form.accepted.data), pairs=pairs,
                                      items=_split(form.items.data) if question.kind == "ordering" else None)
        except review.QuestionInvalid as exc:
            problems = exc.messages
        else:
            if _in_place():
                return _card_reply(bq, "حُفظ التعديل.")
            flash("حُفظ التعديل.", "success")
            return redirect(url_for("teacher.bank", bank_id=bq.bank_id, _anchor=f"q{bq.id}"))
    if _in_place():
        problems = problems or [e for errors in form.errors.values() for e in errors]
        return _card_reply(bq, "لم يُحفظ التعديل.", 422, form=form, problems=problems)
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
