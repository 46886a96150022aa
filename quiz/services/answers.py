"""What students answered: one student's attempts answer by answer, and each question's spread of answers.

A teacher reads these beside the grades (``quiz.services.stats``), as in Moodle's quiz reports: per
student, every attempt with each answer right or wrong and the time it took; per question, how many
chose each option, the wrong answers typed most often (grouped as the grader reads them, by
``questions.normalize.match_key``: «أسبوعان» and «اسبوعان» are one answer), beside the item's facility
and discrimination. Counts come from grouped queries, so a page costs the same few queries whatever
the number of students. The question spread, like the item analysis, counts FIRST attempts only.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, joinedload

from questions import grading
from questions.kinds import shape
from questions.model import FALSE_LABEL, TRUE_LABEL, Question
from questions.normalize import match_key
from quiz import models
from quiz.services import attempts as attempt_service
from quiz.services import expiry
from quiz.services.attempts import ReviewItem
from quiz.services.ownership import NotFound
from quiz.services.snapshots import snapshots
from quiz.services.stats import ItemStat, quiz_item_analysis

TOP_WRONG = 10  # wrong typed answers listed per question; the rest are counted together
_EPS = 1e-9
CHOICE_SHAPES = ("choice", "true_false")
TYPED_SHAPES = ("text", "numeric")


# --- one student ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class AttemptAnswers:
    """One attempt of a student: when it ran, its score, and every answer once it is submitted."""

    id: int
    number: int
    practice: bool
    started_at: dt.datetime
    submitted_at: dt.datetime | None
    score: float | None
    max_score: float | None
    items: tuple[ReviewItem, ...]  # in the quiz's order, ``number`` being the question's place in the quiz

    @property
    def seconds(self) -> float | None:
        """Return the time taken, from the start to the submission (None while in progress)."""
        if self.submitted_at is None:
            return None
        return max((self.submitted_at - self.started_at).total_seconds(), 0.0)

    @property
    def percent(self) -> float | None:
        """Return the score as a percentage (None while in progress)."""
        if self.score is None:
            return None
        return 100.0 * self.score / self.max_score if self.max_score else 0.0

    @property
    def right(self) -> int:
        """Return how many questions earned full points."""
        return sum(1 for it in self.items if it.correct)


@dataclass(frozen=True)
class StudentAnswers:
    """One student's attempts at a quiz, oldest first."""

    user_id: int
    name: str
    email: str | None
    classes: tuple[str, ...]  # the quiz's classes the student belongs to
    attempts: tuple[AttemptAnswers, ...]


def class_names(session: Session, quiz_id: int, user_ids: Iterable[int] | None = None) -> dict[int, list[str]]:
    """Return, per student, the names of the quiz's classes they are a member of."""
    CM, QC, SC = models.ClassMember, models.QuizClass, models.SchoolClass
    stmt = (select(CM.user_id, SC.name).join(SC, SC.id == CM.class_id).join(QC, QC.class_id == CM.class_id)
            .where(QC.quiz_id == quiz_id).order_by(SC.name, SC.id))
    if user_ids is not None:
        stmt = stmt.where(CM.user_id.in_(list(user_ids)))
    out: dict[int, list[str]] = defaultdict(list)
    for user_id, name in session.execute(stmt):
        out[user_id].append(name)
    return dict(out)


def responses_of(session: Session, attempt_ids: Sequence[int]) -> dict[int, dict[int, models.Response]]:
    """Return the saved answers of the attempts, per attempt and quiz question, in one query."""
    out: dict[int, dict[int, models.Response]] = defaultdict(dict)
    if attempt_ids:
        for r in session.scalars(select(models.Response).where(models.Response.attempt_id.in_(attempt_ids))):
            out[r.attempt_id][r.quiz_question_id] = r
    return out


def quiz_positions(quiz: models.Quiz) -> dict[int, int]:
    """Return each quiz question's place in the quiz, from 1."""
    return {qq.id: n for n, qq in enumerate(sorted(quiz.questions, key=lambda q: (q.position, q.id)), start=1)}


def student_answers(session: Session, quiz: models.Quiz, user_id: int,
                    now: dt.datetime | None = None) -> StudentAnswers:
    """Return every attempt of one student at the quiz with each answer; NotFound if they never started it."""
    expiry.sweep(session, now, quiz_id=quiz.id, user_id=user_id)  # this student's few attempts
    rows = list(session.scalars(
        select(models.Attempt).options(joinedload(models.Attempt.user))
        .where(models.Attempt.quiz_id == quiz.id, models.Attempt.user_id == user_id)
        .order_by(models.Attempt.number)
    ))
    if not rows:
        raise NotFound(user_id)
    done = [a for a in rows if a.submitted_at is not None]
    saved = responses_of(session, [a.id for a in done])
    qqs = snapshots(session, {i for a in done for i in attempt_service.question_ids(a)})
    places = quiz_positions(quiz)
    attempts: list[AttemptAnswers] = []
    for a in rows:
        items: tuple[ReviewItem, ...] = ()
        if a.submitted_at is not None:
            reviewed = attempt_service.review_of(a, qqs, saved.get(a.id, {}))
            items = tuple(sorted((dataclasses.replace(it, number=places.get(it.qq_id, it.number)) for it in reviewed),
                                 key=lambda it: it.number))
        attempts.append(AttemptAnswers(
            id=a.id, number=a.number, practice=a.practice, started_at=a.started_at, submitted_at=a.submitted_at,
            score=a.score, max_score=a.max_score, items=items,
        ))
    user = rows[0].user
    classes = class_names(session, quiz.id, [user_id]).get(user_id, [])
    return StudentAnswers(user_id=user.id, name=user.name, email=user.email, classes=tuple(classes),
                          attempts=tuple(attempts))


# --- one question ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class OptionCount:
    """An option of a choice or true/false question and how many students chose it."""

    text: str
    count: int
    correct: bool


@dataclass(frozen=True)
class TypedAnswer:
    """A wrong typed answer: the spelling typed most often, how many typed it in any spelling, the other spellings."""

    text: str
    count: int
    others: tuple[str, ...] = ()  # the other spellings the grader reads alike, most typed first


@dataclass(frozen=True)
class Distribution:
    """How the students answered one question in their first attempts."""

    qq_id: int
    position: int
    kind: str
    shape: str
    prompt: str
    points: float
    expected: tuple[str, ...]
    stat: ItemStat
    right: int
    partial: int
    wrong: int
    options: tuple[OptionCount, ...] = ()  # choice and true/false questions: every option, the quiz's order
    wrong_typed: tuple[TypedAnswer, ...] = ()  # typed questions: the most common wrong answers first
    other_wrong: int = 0  # typed questions: wrong answers beyond those listed

    @property
    def students(self) -> int:
        """Return how many students' first attempts are counted."""
        return self.stat.n

    @property
    def unanswered(self) -> int:
        """Return how many students left the question blank."""
        return max(self.stat.n - self.right - self.partial - self.wrong, 0)

    def share(self, n: int) -> float:
        """Return ``n`` as a fraction of the students counted (0 when there are none)."""
        return n / self.stat.n if self.stat.n else 0.0


def first_attempt_ids(quiz_id: int) -> Select[int]:
    """Return a query of the ids of each student's first submitted graded attempt at the quiz."""
    A = models.Attempt
    firsts = (select(A.user_id, func.min(A.number).label("number"))
              .where(A.quiz_id == quiz_id, A.practice.is_(False), A.submitted_at.is_not(None))
              .group_by(A.user_id).subquery())
    return (select(A.id).join(firsts, (A.user_id == firsts.c.user_id) & (A.number == firsts.c.number))
            .where(A.quiz_id == quiz_id))


def _choice_options(q: Question) -> list[str]:
    if shape(q) == "true_false":
        return list(q.choices) or [TRUE_LABEL, FALSE_LABEL]  # as an attempt shows them
    return list(q.choices)


def _options(q: Question, chosen: Counter[str]) -> tuple[OptionCount, ...]:
    listed = _choice_options(q)
    extra = [text for text in chosen if text not in listed]  # an option since edited away: still counted
    return tuple(OptionCount(text, chosen.get(text, 0), grading.is_correct(q, text)) for text in listed + extra)


def _wrong_typed(typed: Counter[str]) -> tuple[tuple[TypedAnswer, ...], int]:
    groups: dict[str, Counter[str]] = defaultdict(Counter)
    for text, n in typed.items():
        groups[match_key(text)][text] += n
    ranked: list[TypedAnswer] = []
    for forms in groups.values():
        spellings = sorted(forms, key=lambda f: (-forms[f], len(f), f))
        ranked.append(TypedAnswer(spellings[0], sum(forms.values()), tuple(spellings[1:])))
    ranked.sort(key=lambda t: (-t.count, t.text))
    return tuple(ranked[:TOP_WRONG]), sum(t.count for t in ranked[TOP_WRONG:])


def _as_text(answer: Any) -> str | None:
    return answer if isinstance(answer, str) else None


def distributions(session: Session, quiz: models.Quiz, qq_ids: Sequence[int] | None = None) -> list[Distribution]:
    """Return how the students answered each question of the quiz (or of ``qq_ids``), in the quiz's order."""
    stats = {s.quiz_question_id: s.stat for s in quiz_item_analysis(session, quiz)}
    places = quiz_positions(quiz)
    wanted = sorted((i for i in places if qq_ids is None or i in qq_ids), key=places.__getitem__)
    if not wanted:
        return []
    R = models.Response
    grouped = session.execute(
        select(R.quiz_question_id, R.answer_json, R.score, func.count())
        .where(R.attempt_id.in_(first_attempt_ids(quiz.id)), R.quiz_question_id.in_(wanted))
        .group_by(R.quiz_question_id, R.answer_json, R.score)
    ).all()
    by_question: dict[int, list[tuple[Any, float, int]]] = defaultdict(list)
    for qq_id, answer_json, score, n in grouped:
        by_question[qq_id].append((json.loads(answer_json), float(score or 0.0), int(n)))
    qqs = snapshots(session, wanted)
    out: list[Distribution] = []
    for qq_id in wanted:
        snap = qqs[qq_id]
        q, top = snap.question, snap.points
        right = partial = wrong = 0
        chosen: Counter[str] = Counter()
        typed_wrong: Counter[str] = Counter()
        for answer, score, n in by_question.get(qq_id, []):
            if score >= top - _EPS:
                right += n
            elif score > _EPS:
                partial += n
            else:
                wrong += n
                if (text := _as_text(answer)) is not None:
                    typed_wrong[text] += n
            if (text := _as_text(answer)) is not None:
                chosen[text] += n
        how = shape(q)
        listed, rest = _wrong_typed(typed_wrong) if how in TYPED_SHAPES else ((), 0)
        out.append(Distribution(
            qq_id=qq_id, position=places[qq_id], kind=q.kind, shape=how, prompt=q.prompt, points=top,
            expected=tuple(attempt_service.expected_answers(q)), stat=stats[qq_id],
            right=right, partial=partial, wrong=wrong,
            options=_options(q, chosen) if how in CHOICE_SHAPES else (), wrong_typed=listed, other_wrong=rest,
        ))
    return out
