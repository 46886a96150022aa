"""The teacher's dashboard: articles with their banks, quizzes, invitations."""

from __future__ import annotations

from quiz import models
from quiz.db import get_session
from quiz.services import accounts, ownership
from quiz.services import quizzes as quiz_service
from quiz.views.auth import teacher_required
from quiz.views.teacher import forms
from quiz.views.teacher.common import bp, me, render


@bp.route("/")
@teacher_required
def index() -> str:
    """Show the teacher's articles (with their banks), quizzes and invitations."""
    session = get_session()
    teacher = me()
    articles = ownership.articles_of(session, teacher.id)
    summaries = ownership.bank_summaries(session, [b for a in articles for b in a.banks])
    quizzes = ownership.quizzes_of(session, teacher.id)
    return render("teacher/index.html", articles=articles, summaries=summaries, quizzes=quizzes,
                   counts=quiz_service.question_counts(session, [q.id for q in quizzes]), invite_form=forms.InviteForm(),
                   invitations=accounts.invitations_of(session, teacher.id), now=models.utcnow(),
                   import_form=forms.ImportBankForm())
