"""Class mastery: how well a class holds the facts of its quizzes' articles, from its members' study."""

from __future__ import annotations

from quiz.db import get_session
from quiz.services import classes as class_service
from quiz.services import mastery as mastery_service
from quiz.views.auth import teacher_required
from quiz.views.study import settings
from quiz.views.teacher.common import bp, or_404, render


@bp.route("/classes/<int:class_id>/mastery")
@teacher_required
def class_mastery(class_id: int) -> str:
    """Show the class's mastery per article and per fact, the facts it keeps forgetting first."""
    row = or_404(class_service.owned_class, class_id)
    days = settings().mastery_days
    return render("teacher/mastery.html", school_class=row, mastery_days=days,
                  m=mastery_service.class_mastery(get_session(), row.id, days))
