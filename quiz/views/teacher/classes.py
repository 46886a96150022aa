"""Classes: the teacher's list, one class with its code and members, and which classes a quiz is for."""

from __future__ import annotations

from flask import abort, flash, redirect, url_for
from werkzeug.wrappers import Response as WResponse
from wtforms.fields.choices import SelectChoice

from quiz.db import get_session
from quiz.services import classes as class_service
from quiz.services import ownership
from quiz.views.auth import teacher_required
from quiz.views.teacher import forms
from quiz.views.teacher.common import bp, me, or_404, render


@bp.route("/classes", methods=["GET", "POST"])
@teacher_required
def classes() -> str | WResponse:
    """List the teacher's classes and create a new one."""
    session = get_session()
    form = forms.ClassForm()
    if form.validate_on_submit():
        try:
            row = class_service.create_class(session, me().id, form.name.data or "")
        except class_service.ClassError as exc:
            form.name.errors = [str(exc)]
        else:
            flash(f"أُنشئ الصف. رمز الانضمام: {row.code}", "success")
            return redirect(url_for("teacher.school_class", class_id=row.id))
    rows = class_service.classes_of(session, me().id)
    return render("teacher/classes.html", classes=rows, form=form,
                  counts=class_service.member_counts(session, [c.id for c in rows]))


@bp.route("/classes/<int:class_id>")
@teacher_required
def school_class(class_id: int) -> str:
    """Show a class: its join code and link, its members and its quizzes."""
    row = or_404(class_service.with_members, class_id)
    return render("teacher/class.html", school_class=row, remove_form=forms.RemoveMemberForm(),
                  quizzes=class_service.quizzes_of_class(get_session(), row.id))


@bp.route("/classes/<int:class_id>/members/<int:member_id>/remove", methods=["POST"])
@teacher_required
def remove_member(class_id: int, member_id: int) -> WResponse:
    """Take a student out of the class (their attempts stay in the results)."""
    or_404(class_service.owned_class, class_id)
    if not forms.RemoveMemberForm().validate_on_submit():
        abort(400)
    or_404(class_service.remove_member, class_id, member_id)
    flash("أُخرج الطالب من الصف.", "success")
    return redirect(url_for("teacher.school_class", class_id=class_id))


def assign_form(quiz_id: int) -> forms.AssignClassesForm:
    """Return the class picker of a quiz, its boxes the teacher's classes, the quiz's ones ticked."""
    session = get_session()
    form = forms.AssignClassesForm(formdata=None)
    form.classes.choices = [SelectChoice(c.id, c.name) for c in class_service.classes_of(session, me().id)]
    form.classes.data = class_service.class_ids_of_quiz(session, quiz_id)
    return form


@bp.route("/quizzes/<int:quiz_id>/classes", methods=["POST"])
@teacher_required
def assign_classes(quiz_id: int) -> WResponse:
    """Set the classes a quiz is for."""
    or_404(ownership.owned_quiz, quiz_id)
    form = forms.AssignClassesForm()
    form.classes.choices = [SelectChoice(c.id, c.name) for c in class_service.classes_of(get_session(), me().id)]
    if not form.validate_on_submit():
        abort(400)
    or_404(class_service.assign, quiz_id, list(form.classes.data or []))
    flash("حُفظت صفوف الاختبار." if form.classes.data else
          "الاختبار الآن متاح لكل من معه رمزه، دون صف.", "success")
    return redirect(url_for("teacher.quiz", quiz_id=quiz_id, _anchor="classes"))
