"""Attempts: start (shuffled once), save answers as the student goes, submit once, review, retry.

Grading happens here only, with ``questions.grading``. What a student sees before submitting is built
by ``items()``, whose records carry no answer and no correctness, so a page cannot leak what it never
receives. Times are naive UTC; every function takes ``now`` so tests can move the clock.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, and_, func, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, joinedload

from questions import grading
from questions.kinds import shape
from questions.model import Question
from quiz import models
from quiz.services import quizzes as quiz_service
from quiz.services.snapshots import Snapshot, snapshots

MAX_TEXT = 500  # longest typed answer kept


class AttemptError(Exception):
    """Base class: the action cannot be done on this attempt or quiz."""


class QuizClosed(AttemptError):
    """The quiz is not published or not open now."""


class NoAttemptsLeft(AttemptError):
    """The student used every attempt the quiz allows."""


class AttemptClosed(AttemptError):
    """The attempt is submitted (or its deadline passed, which submits it)."""


# --- deadlines -----------------------------------------------------------------------------------

def deadline_of(time_limit_at: dt.datetime | None, closes_at: dt.datetime | None,
                practice: bool) -> dt.datetime | None:
    """Return when an attempt closes: the earlier of its own time limit and its quiz's close time.

    ``closes_at`` is the quiz's close time as it is now, so a teacher who moves it moves every open
    attempt with it (never past the attempt's own limit). A practice attempt (retrying mistakes, often
    after the quiz closed) has no deadline.
    """
    if practice:
        return None
    if time_limit_at is None or closes_at is None:
        return time_limit_at or closes_at
    return min(time_limit_at, closes_at)


def deadline(attempt: models.Attempt) -> dt.datetime | None:
    """Return when ``attempt`` closes, from its quiz as it is now (see ``deadline_of``)."""
    return deadline_of(attempt.time_limit_at, attempt.quiz.closes_at, attempt.practice)


def past_deadline(now: dt.datetime) -> ColumnElement[bool]:
    """Return the condition "the attempt's deadline has passed at ``now``" (the query joins its quiz)."""
    A, Q = models.Attempt, models.Quiz
    return or_(A.time_limit_at <= now, and_(A.practice.is_(False), Q.closes_at <= now))



class NothingToRetry(AttemptError):
    """Every question of the attempt was answered correctly (or review is not allowed)."""


# --- what a student sees ------------------------------------------------------------------------

@dataclass(frozen=True)
class Item:
    """One question as shown while taking a quiz: no answer, no correctness."""

    qq_id: int
    number: int
    kind: str
    shape: str  # how it is answered (questions.kinds): what the page renders
    prompt: str
    points: float
    choices: tuple[str, ...] = ()  # choice and true/false shapes: in this attempt's order
    rows: tuple[str, ...] = ()  # matching: left-hand items
    options: tuple[str, ...] = ()  # matching: right-hand options
    items: tuple[str, ...] = ()  # ordering: items in this attempt's order (input names index these)
    answer: Any = None  # the student's saved answer, or None

    @property
    def answered(self) -> bool:
        """Say whether the student saved any answer."""
        return self.answer not in (None, "", {}, [])

    def ordering_rows(self) -> list[tuple[int, str, int | None]]:
        """Return (item index, item, rank) in display order: the saved order if any, else shuffled."""
        if isinstance(self.answer, list) and self.answer:
            rank = {text: i + 1 for i, text in enumerate(self.answer)}
            rows = [(j, it, rank.get(it)) for j, it in enumerate(self.items)]
            return sorted(rows, key=lambda r: (r[2] is None, r[2] or 0, r[0]))
        return [(j, it, None) for j, it in enumerate(self.items)]


@dataclass(frozen=True)
class ReviewItem:
    """One question after submission: the student's answer, the right one, and the source."""

    number: int
    kind: str
    shape: str
    prompt: str
    points: float
    earned: float
    given: list[str]
    expected: list[str]
    source_text: str
    source_start: int
    source_end: int
    rows: list[tuple[str, str, str, bool]] = field(default_factory=list)  # matching/ordering detail
    qq_id: int = 0
    answered: bool = False

    @property
    def correct(self) -> bool:
        """Say whether the question earned full points."""
        return self.earned >= self.points - 1e-9

    @property
    def partial(self) -> bool:
        """Say whether the question earned some but not all points."""
        return 0 < self.earned < self.points - 1e-9


# --- reading ---------------------------------------------------------------------------------------

def question_ids(attempt: models.Attempt) -> list[int]:
    """Return the attempt's quiz_question ids in its (shuffled) order."""
    return [int(i) for i in json.loads(attempt.question_ids_json)]


def option_order(attempt: models.Attempt) -> dict[str, dict[str, list[int]]]:
    """Return the attempt's stored per-question orders: positions into the question's own lists."""
    return json.loads(attempt.option_order_json or "{}")  # type: ignore[no-any-return]


def _lists(q: Question) -> dict[str, list[str]]:
    # The lists an attempt's order indexes, in the question's own order.
    how = shape(q)
    if how == "true_false":
        return {"choices": list(q.choices) or ["صح", "خطأ"]}  # صح then خطأ reads naturally
    if how == "choice":
        return {"choices": list(q.choices)}
    if how == "matching":
        return {"rows": [left for left, _ in q.pairs], "options": list(q.choices) or [right for _, right in q.pairs]}
    if how == "ordering":
        return {"items": list(q.items or q.choices)}
    return {}


def _in_order(values: list[str], positions: Sequence[int] | None) -> tuple[str, ...]:
    if positions is None or sorted(positions) != list(range(len(values))):
        return tuple(values)
    return tuple(values[i] for i in positions)


def build_items(ids: Sequence[int], snaps: Mapping[int, Snapshot], orders: Mapping[str, Mapping[str, Sequence[int]]],
                saved: Mapping[int, models.Response] | None = None) -> list[Item]:
    """Return the questions ``ids`` as a student sees them, options in the attempt's ``orders``."""
    out: list[Item] = []
    for number, qq_id in enumerate(ids, start=1):
        snap = snaps.get(qq_id)
        if snap is None:
            continue
        q = snap.question
        order = orders.get(str(qq_id), {})
        shown = {name: _in_order(values, order.get(name)) for name, values in _lists(q).items()}
        response = saved.get(qq_id) if saved is not None else None
        out.append(Item(
            qq_id=qq_id, number=number, kind=q.kind, shape=shape(q), prompt=q.prompt, points=snap.points,
            choices=shown.get("choices", ()), rows=shown.get("rows", ()), options=shown.get("options", ()),
            items=shown.get("items", ()),
            answer=json.loads(response.answer_json) if response is not None else None,
        ))
    return out


def owned_attempt(session: Session, attempt_id: int, user_id: int | None) -> models.Attempt | None:
    """Return attempt ``attempt_id`` if it belongs to ``user_id``; otherwise None (the view's 404)."""
    if user_id is None:
        return None
    # Every page of an attempt reads its quiz: loaded in the same query.
    attempt = session.get(models.Attempt, attempt_id, options=[joinedload(models.Attempt.quiz)])
    return attempt if attempt is not None and attempt.user_id == user_id else None


def user_attempts(session: Session, user_id: int) -> list[models.Attempt]:
    """Return every attempt of ``user_id``, newest first."""
    stmt = (select(models.Attempt).options(joinedload(models.Attempt.quiz)).where(models.Attempt.user_id == user_id)
            .order_by(models.Attempt.started_at.desc(), models.Attempt.id.desc()))
    return list(session.scalars(stmt))


def _quiz_questions(session: Session, ids: Sequence[int]) -> dict[int, Snapshot]:
    # Published snapshots never change: parsed once per worker (quiz.services.snapshots).
    return snapshots(session, ids)


def _responses(session: Session, attempt_id: int) -> dict[int, models.Response]:
    rows = session.scalars(select(models.Response).where(models.Response.attempt_id == attempt_id))
    return {r.quiz_question_id: r for r in rows}


def items(session: Session, attempt: models.Attempt) -> list[Item]:
    """Return the attempt's questions as the student sees them, with saved answers and no key."""
    ids = question_ids(attempt)
    return build_items(ids, _quiz_questions(session, ids), option_order(attempt), _responses(session, attempt.id))


# --- starting ------------------------------------------------------------------------------------

def _order_for(q: Question, rng: random.Random) -> dict[str, list[int]]:
    # Frozen per attempt so a reload shows the same order; the correct position is never implied.
    # Stored as positions into the question's own lists (the published snapshot never changes).
    how = shape(q)
    if how == "true_false":
        return {}  # fixed: صح then خطأ
    lists = _lists(q)
    order = {name: _shuffled_ids(rng, list(range(len(values)))) for name, values in lists.items()}
    if how == "ordering":
        items_ = order["items"]
        if len(items_) > 1 and [lists["items"][i] for i in items_] == list(q.items):
            order["items"] = items_[1:] + items_[:1]  # never start in the solved order
    return order


def _new_attempt(session: Session, quiz: models.Quiz, user_id: int, qq_ids: Sequence[int], *,
                 practice: bool, time_limit_at: dt.datetime | None, now: dt.datetime,
                 rng: random.Random) -> models.Attempt:
    qqs = _quiz_questions(session, qq_ids)
    ids = _shuffled_ids(rng, list(qq_ids))
    orders = {str(i): order for i in ids if (order := _order_for(qqs[i].question, rng))}
    number = (session.scalar(select(func.max(models.Attempt.number)).where(
        models.Attempt.quiz_id == quiz.id, models.Attempt.user_id == user_id)) or 0) + 1
    attempt = models.Attempt(
        quiz_id=quiz.id, user_id=user_id, number=number, practice=practice,
        question_ids_json=json.dumps(ids), option_order_json=json.dumps(orders, separators=(",", ":")),
        started_at=now, time_limit_at=time_limit_at,
    )
    session.add(attempt)
    session.commit()
    return attempt


def _shuffled_ids(rng: random.Random, ids: list[int]) -> list[int]:
    rng.shuffle(ids)
    return ids


def open_attempt(session: Session, quiz_id: int, user_id: int, now: dt.datetime) -> models.Attempt | None:
    """Return the user's unsubmitted graded attempt of the quiz (closing it if its time ran out)."""
    stmt = select(models.Attempt).where(
        models.Attempt.quiz_id == quiz_id, models.Attempt.user_id == user_id,
        models.Attempt.practice.is_(False), models.Attempt.submitted_at.is_(None),
    ).order_by(models.Attempt.number.desc())
    attempt = session.scalars(stmt).first()
    if attempt is not None and close_if_expired(session, attempt, now):
        return None
    return attempt


def attempts_used(session: Session, quiz_id: int, user_id: int) -> int:
    """Return how many graded (non-practice) attempts the user started on the quiz."""
    return session.scalar(select(func.count(models.Attempt.id)).where(
        models.Attempt.quiz_id == quiz_id, models.Attempt.user_id == user_id,
        models.Attempt.practice.is_(False))) or 0


def start_attempt(session: Session, quiz: models.Quiz, user_id: int, *, now: dt.datetime | None = None,
                  rng: random.Random | None = None) -> models.Attempt:
    """Resume the user's open attempt or start a new one, with questions and options shuffled once.

    Openness is judged once the user's lock is held, on the quiz as it is then: a teacher may close the
    quiz (or move its close time) while the start waits, and the row the request loaded before would
    still say open: an attempt would start on a closed quiz, or one past its new close be resumed.
    """
    given = now
    _lock_user(session, user_id)
    session.refresh(quiz)
    now = given or models.utcnow()
    if not quiz_service.is_open(quiz, now):
        raise QuizClosed(quiz.code)
    existing = open_attempt(session, quiz.id, user_id, now)
    if existing is not None:
        return existing
    if quiz.attempts_allowed is not None and attempts_used(session, quiz.id, user_id) >= quiz.attempts_allowed:
        raise NoAttemptsLeft(quiz.code)
    # The attempt's own limit is fixed now; the quiz's close time is read whenever it matters.
    limit = now + dt.timedelta(seconds=quiz.time_limit_seconds) if quiz.time_limit_seconds else None
    ids = [qq.id for qq in quiz.questions]
    try:
        return _new_attempt(session, quiz, user_id, ids, practice=False, time_limit_at=limit, now=now,
                            rng=rng or random.SystemRandom())
    except IntegrityError:
        # A double click raced us to the same attempt number: use the attempt that won.
        session.rollback()
        existing = open_attempt(session, quiz.id, user_id, now)
        if existing is None:
            raise
        return existing


# --- saving ----------------------------------------------------------------------------------------

def lock_attempt(session: Session, attempt: models.Attempt) -> None:
    """Take the attempt's row lock for this transaction and reload it (writers of one attempt queue).

    Two tabs, a double click or a retried request may save or submit the same attempt at once. On
    PostgreSQL the row lock makes the second wait and then see the first's work (a submitted attempt,
    an answer row already there); SQLite serializes writers with BEGIN IMMEDIATE and ignores FOR UPDATE.
    The quiz is reloaded too: its close time as it is now is part of the attempt's deadline.
    """
    session.scalars(select(models.Attempt).where(models.Attempt.id == attempt.id)
                    .options(joinedload(models.Attempt.quiz))
                    .with_for_update(of=models.Attempt).execution_options(populate_existing=True)).one()


def _lock_user(session: Session, user_id: int) -> None:
    # Starts of one user queue here, so a double click cannot open two attempts (see lock_attempt).
    session.execute(select(models.User.id).where(models.User.id == user_id).with_for_update())


def close_if_expired(session: Session, attempt: models.Attempt, now: dt.datetime) -> bool:
    """Submit the attempt at its deadline if that has passed; say whether it is now closed."""
    if attempt.submitted_at is not None:
        return True
    ends = deadline(attempt)
    if ends is not None and now >= ends:
        submit(session, attempt, now=ends)
        return True
    return False


def parse_answers(page_items: Sequence[Item], form: Mapping[str, str]) -> dict[int, Any]:
    """Read the answers for ``page_items`` from form fields q-<id>[...]; None clears an answer.

    Only questions whose fields are present are returned, so saving one page never touches others.
    Values that are not among a question's options are ignored.
    """
    out: dict[int, Any] = {}
    for it in page_items:
        name = f"q-{it.qq_id}"
        if it.shape == "matching":
            keys = [f"{name}-r{i}" for i in range(len(it.rows))]
            if not any(k in form for k in keys):
                continue
            chosen = {it.rows[i]: form[k] for i, k in enumerate(keys) if form.get(k) in it.options}
            out[it.qq_id] = chosen or None
        elif it.shape == "ordering":
            keys = [f"{name}-i{j}" for j in range(len(it.items))]
            if not any(k in form for k in keys):
                continue
            ranks = [(_rank(form.get(k)), j) for j, k in enumerate(keys)]
            if all(r is None for r, _ in ranks):
                out[it.qq_id] = None
            else:
                ranks.sort(key=lambda rj: (rj[0] is None, rj[0] or 0, rj[1]))
                out[it.qq_id] = [it.items[j] for _, j in ranks]
        elif it.choices:
            if name in form:
                value = form[name]
                if value in it.choices:
                    out[it.qq_id] = value
                elif value == "":
                    out[it.qq_id] = None
        elif name in form:
            text = " ".join(str(form[name]).split())[:MAX_TEXT]
            out[it.qq_id] = text or None
    return out


def _rank(value: str | None) -> int | None:
    try:
        rank = int(str(value).strip().translate(str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")))
    except (TypeError, ValueError):
        return None
    return rank if 0 < rank < 1000 else None


def save_answers(session: Session, attempt: models.Attempt, answers: Mapping[int, Any], *,
                 now: dt.datetime | None = None, commit: bool = True) -> int:
    """Store answers (None deletes) for questions of the attempt; return how many changed.

    Raises AttemptClosed once the attempt is submitted or past its deadline (which closes it), so
    a late answer is never stored.
    """
    now = now or models.utcnow()
    lock_attempt(session, attempt)
    if close_if_expired(session, attempt, now):
        raise AttemptClosed(attempt.id)
    allowed = set(question_ids(attempt))
    existing = _responses(session, attempt.id)
    changed = 0
    for qq_id, answer in answers.items():
        if qq_id not in allowed:
            continue
        row = existing.get(qq_id)
        if answer is None:
            if row is not None:
                session.delete(row)
                changed += 1
            continue
        payload = json.dumps(answer, ensure_ascii=False)
        if row is None:
            session.add(models.Response(attempt_id=attempt.id, quiz_question_id=qq_id,
                                        answer_json=payload, saved_at=now))
            changed += 1
        elif row.answer_json != payload:
            row.answer_json, row.saved_at = payload, now
            changed += 1
    if not commit:
        session.flush()
        return changed
    try:
        session.commit()
    except IntegrityError:
        # Two autosaves of the same new answer crossed; the other one stored it. Retry as updates.
        session.rollback()
        return save_answers(session, attempt, answers, now=now)
    return changed


def submit_with_answers(session: Session, attempt: models.Attempt, answers: Mapping[int, Any], *,
                        now: dt.datetime | None = None) -> models.Attempt:
    """Store the last answers and submit, in one transaction (late answers are dropped)."""
    now = now or models.utcnow()
    lock_attempt(session, attempt)
    if close_if_expired(session, attempt, now):
        return attempt
    save_answers(session, attempt, answers, now=now, commit=False)
    return submit(session, attempt, now=now)


# --- submitting ----------------------------------------------------------------------------------

def grade_answers(ids: Sequence[int], qqs: Mapping[int, Snapshot], answers: Mapping[int, tuple[str, dt.datetime]],
                  ends: dt.datetime | None) -> tuple[dict[int, float], float, float]:
    """Grade an attempt's saved answers (question id -> answer JSON, saved at); an answer saved after the
    deadline ``ends`` earns nothing. Return the points per answered question, the points earned and the total."""
    scores: dict[int, float] = {}
    total = earned = 0.0
    for qq_id in ids:
        qq = qqs.get(qq_id)
        if qq is None:
            continue
        total += qq.points
        if qq_id not in answers:
            continue
        answer_json, saved_at = answers[qq_id]
        late = ends is not None and saved_at > ends
        fraction = 0.0 if late else grading.grade(qq.question, json.loads(answer_json))
        scores[qq_id] = round(fraction * qq.points, 4)
        earned += scores[qq_id]
    return scores, round(earned, 4), round(total, 4)


def submit(session: Session, attempt: models.Attempt, *, now: dt.datetime | None = None) -> models.Attempt:
    """Grade and close the attempt in one transaction; submitting again changes nothing."""
    now = now or models.utcnow()
    if attempt.submitted_at is not None:
        return attempt
    ends = deadline(attempt)
    closed_at = min(now, ends) if ends else now
    ids = question_ids(attempt)
    saved = _responses(session, attempt.id)
    scores, earned, total = grade_answers(ids, _quiz_questions(session, ids),
                                          {i: (r.answer_json, r.saved_at) for i, r in saved.items()}, ends)
    for qq_id, score in scores.items():
        saved[qq_id].score = score
    # Only the first submission may close the attempt: the WHERE makes a concurrent second one a no-op.
    result = session.execute(
        update(models.Attempt)
        .where(models.Attempt.id == attempt.id, models.Attempt.submitted_at.is_(None))
        .values(submitted_at=closed_at, score=earned, max_score=total)
        .execution_options(synchronize_session=False)
    )
    if getattr(result, "rowcount", 1) == 0:
        session.rollback()
    else:
        session.commit()
    session.refresh(attempt)
    return attempt


def percent(attempt: models.Attempt) -> float | None:
    """Return the attempt's score as a percentage (None before submission)."""
    if attempt.score is None or not attempt.max_score:
        return None if attempt.score is None else 0.0
    return 100.0 * attempt.score / attempt.max_score


def review_allowed(attempt: models.Attempt, now: dt.datetime | None = None) -> bool:
    """Say whether the submitted attempt may show answers now (the quiz's review setting)."""
    return attempt.submitted_at is not None and quiz_service.review_allowed(attempt.quiz, now or models.utcnow())


# --- review and retry ------------------------------------------------------------------------------

def given_answers(q: Question, answer: Any) -> list[str]:
    """Return a saved answer as the lines a review shows (a matching pair as «left ← right»)."""
    if answer is None:
        return []
    if shape(q) == "matching" and isinstance(answer, dict):
        return [f"{left} ← {answer[left]}" for left, _ in q.pairs if left in answer]
    if isinstance(answer, list):
        return [str(a) for a in answer]
    return [str(answer)]


def expected_answers(q: Question) -> list[str]:
    """Return the right answer as the lines a review shows (every pair, every item in order)."""
    if shape(q) == "matching":
        return [f"{left} ← {right}" for left, right in q.pairs]
    if shape(q) == "ordering":
        return list(q.items)
    return [q.answer]


def review(session: Session, attempt: models.Attempt) -> list[ReviewItem]:
    """Return every question of a submitted attempt with given and expected answers and the source."""
    if attempt.submitted_at is None:
        raise AttemptError("review before submission")
    ids = question_ids(attempt)
    return review_of(attempt, _quiz_questions(session, ids), _responses(session, attempt.id))


def review_of(attempt: models.Attempt, qqs: Mapping[int, Snapshot],
              saved: Mapping[int, models.Response]) -> list[ReviewItem]:
    """Return the review of a submitted attempt from its questions and its answers, already read."""
    ids = question_ids(attempt)
    out: list[ReviewItem] = []
    for number, qq_id in enumerate(ids, start=1):
        qq = qqs.get(qq_id)
        if qq is None:
            continue
        q = qq.question
        response = saved.get(qq_id)
        answer = json.loads(response.answer_json) if response is not None else None
        rows: list[tuple[str, str, str, bool]] = []
        if shape(q) == "matching":
            given = answer if isinstance(answer, dict) else {}
            rows = [(left, str(given.get(left, "")), right, given.get(left) == right) for left, right in q.pairs]
        elif shape(q) == "ordering":
            given_list = answer if isinstance(answer, list) else []
            rows = [(str(i + 1), given_list[i] if i < len(given_list) else "", item,
                     i < len(given_list) and given_list[i] == item) for i, item in enumerate(q.items)]
        out.append(ReviewItem(
            number=number, kind=q.kind, shape=shape(q), prompt=q.prompt, points=qq.points,
            earned=(response.score or 0.0) if response is not None else 0.0,
            given=given_answers(q, answer), expected=expected_answers(q),
            source_text=q.source.text, source_start=q.source.start, source_end=q.source.end, rows=rows,
            qq_id=qq_id, answered=response is not None,
        ))
    return out


def missed_question_ids(session: Session, attempt: models.Attempt) -> list[int]:
    """Return the quiz_question ids of the attempt that did not earn full points."""
    ids = question_ids(attempt)
    qqs = _quiz_questions(session, ids)
    saved = _responses(session, attempt.id)
    missed = []
    for qq_id in ids:
        qq = qqs.get(qq_id)
        if qq is None:
            continue
        response = saved.get(qq_id)
        if response is None or (response.score or 0.0) < qq.points - 1e-9:
            missed.append(qq_id)
    return missed


def start_retry(session: Session, attempt: models.Attempt, *, now: dt.datetime | None = None,
                rng: random.Random | None = None) -> models.Attempt:
    """Start a practice attempt holding only the questions missed in ``attempt``."""
    now = now or models.utcnow()
    if attempt.submitted_at is None or not review_allowed(attempt, now):
        raise NothingToRetry(attempt.id)  # without review, a retry would reveal which were wrong
    missed = missed_question_ids(session, attempt)
    if not missed:
        raise NothingToRetry(attempt.id)
    return _new_attempt(session, attempt.quiz, attempt.user_id, missed, practice=True, time_limit_at=None,
                        now=now, rng=rng or random.SystemRandom())
