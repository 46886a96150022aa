"""Assembling a quiz from approved questions, its settings, publishing and deleting drafts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
import datetime as dt
import random

from sqlalchemy.orm import Session

from questions.leaks import find_leaks, leak_free
from questions.model import Question
from quiz import models
from quiz.bidicontrols import without_controls
from quiz.services import banks as bank_service
from quiz.services import quizzes as quiz_service
from quiz.services.ownership import bank_questions, owned_bank, owned_quiz
from quiz.services.review import QuestionInvalid


@dataclass(frozen=True)
class QuizSettings:
    """The settings a teacher chooses for a quiz."""

    title: str
    time_limit_seconds: int | None = None
    opens_at: dt.datetime | None = None
    closes_at: dt.datetime | None = None
    attempts_allowed: int | None = None
    grading: str = "highest"
    layout: str = "one_per_page"
    review: str = "immediately"
    timezone: str | None = None  # the IANA zone opens_at/closes_at were entered in (they are UTC here)

    def problems(self) -> list[str]:
        """Return Arabic messages for inconsistent settings."""
        out: list[str] = []
        if not self.title.strip():
            out.append("عنوان الاختبار مطلوب.")
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            out.append("موعد الإغلاق يجب أن يكون بعد موعد الفتح.")
        if self.review == "after_close" and self.closes_at is None:
            out.append("عرض الإجابات بعد الإغلاق يحتاج إلى موعد إغلاق.")
        if self.grading not in models.GRADINGS or self.layout not in models.LAYOUTS \
                or self.review not in models.REVIEWS:
            out.append("إعداد غير معروف.")
        return out


def draw_per_fact_type(
    candidates: Sequence[models.BankQuestion], counts: dict[str, int], *, seed: int | None = None,
) -> list[int]:
    """Draw ``counts[fact_type]`` random questions of each fact type; return their ids in bank order."""
    rng = random.Random(seed)  # reproducible draw of questions, not a secret  # nosec B311
    chosen: set[int] = set()
    for fact_type, n in counts.items():
        pool = [bq for bq in candidates if bq.fact_type == fact_type]
        for bq in rng.sample(pool, min(max(n, 0), len(pool))):
            chosen.add(bq.id)
    return [bq.id for bq in candidates if bq.id in chosen]


def _snippet(q: Question) -> str:
    text = " ".join(q.prompt.split())
    return f"«{text[:60]}…»" if len(text) > 60 else f"«{text}»"


def leak_messages(questions: Sequence[Question], title: str) -> list[str]:
    """Arabic messages for every question that gives another's answer away, or whose answer the title shows."""
    out = []
    for leak in find_leaks(questions, title):
        shown = questions[leak.revealed]
        if leak.revealer < 0:
            out.append(f"عنوان الاختبار يكشف إجابة السؤال {_snippet(shown)}.")
        else:
            out.append(f"السؤال {_snippet(questions[leak.revealer])} يكشف إجابة السؤال {_snippet(shown)}.")
    return out


def create_quiz(
    session: Session, owner_id: int, bank_id: int, settings: QuizSettings,
    bank_question_ids: Sequence[int], *, drop_leaks: bool = False,
) -> models.Quiz:
    """Create a draft quiz from approved questions of the teacher's bank.

    No question of a quiz may give another's answer away, nor may its title: a drawn quiz leaves such
    questions out (``drop_leaks``); a quiz picked by hand is refused with the pairs to fix.
    """
    owned_bank(session, owner_id, bank_id)
    problems = settings.problems()
    approved = {bq.id: bq for bq in bank_questions(session, bank_id, "approved")}
    ids = [i for i in dict.fromkeys(bank_question_ids)]
    if not ids:
        problems.append("اختر سؤالًا واحدًا على الأقل.")
    if any(i not in approved for i in ids):
        problems.append("يمكن وضع الأسئلة المعتمدة فقط في الاختبار.")
    if problems:
        raise QuestionInvalid(problems)
    chosen = [bank_service.load_question(approved[i].data_json) for i in ids]
    if drop_leaks:
        kept = {q.key for q in leak_free(chosen, settings.title)}
        ids = [i for i, q in zip(ids, chosen) if q.key in kept]
    elif leak_messages(chosen, settings.title):
        raise QuestionInvalid(leak_messages(chosen, settings.title))
    return quiz_service.create_quiz(
        session, bank_id=bank_id, title=settings.title.strip(), bank_question_ids=ids, owner_id=owner_id,
        time_limit_seconds=settings.time_limit_seconds, opens_at=settings.opens_at,
        closes_at=settings.closes_at, attempts_allowed=settings.attempts_allowed,
        grading=settings.grading, layout=settings.layout, review=settings.review, published=False,
        timezone=settings.timezone,
    )


def update_settings(session: Session, owner_id: int, quiz_id: int, settings: QuizSettings) -> models.Quiz:
    """Change a quiz's settings (allowed after publishing too: e.g. extending the close time)."""
    quiz = owned_quiz(session, owner_id, quiz_id)
    problems = settings.problems()
    if problems:
        raise QuestionInvalid(problems)
    quiz.title = without_controls(settings.title).strip()
    quiz.time_limit_seconds = settings.time_limit_seconds
    quiz.opens_at, quiz.closes_at = settings.opens_at, settings.closes_at
    quiz.attempts_allowed = settings.attempts_allowed
    quiz.grading, quiz.layout, quiz.review = settings.grading, settings.layout, settings.review
    if settings.timezone is not None:
        quiz.timezone = settings.timezone
    session.commit()
    return quiz


def publish(session: Session, owner_id: int, quiz_id: int) -> models.Quiz:
    """Snapshot the current approved text of each question into the quiz and open it to students.

    Questions un-approved since the draft was made are dropped; after publishing the snapshot never
    changes, so later bank edits cannot alter graded attempts.
    """
    quiz = owned_quiz(session, owner_id, quiz_id)
    if quiz.published:
        return quiz
    leaks = leak_messages([bank_service.load_question(qq.data_json) for qq in quiz.questions], quiz.title)
    if leaks:
        raise QuestionInvalid(leaks)
    kept = 0
    for qq in list(quiz.questions):
        bq = session.get(models.BankQuestion, qq.bank_question_id) if qq.bank_question_id else None
        if bq is None or bq.status != "approved":
            quiz.questions.remove(qq)
            continue
        qq.data_json = bq.data_json
        qq.position = kept
        kept += 1
    if not kept:
        session.rollback()
        raise QuestionInvalid(["لا توجد في الاختبار أسئلة معتمدة."])
    quiz.published = True
    session.commit()
    return quiz


def delete_draft(session: Session, owner_id: int, quiz_id: int) -> None:
    """Delete a quiz that was never published."""
    quiz = owned_quiz(session, owner_id, quiz_id)
    if quiz.published:
        raise QuestionInvalid(["لا يمكن حذف اختبار منشور."])
    session.delete(quiz)
    session.commit()
