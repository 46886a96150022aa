"""Attempt rules at the service level: shuffling, deadlines, idempotent submit, review settings."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from conftest import SAMPLE_ANSWERS, past
from quiz import models
from quiz.services import attempts as svc
from quiz.services.banks import load_question


def answers_by_key(session: Session, attempt: models.Attempt, answers: dict[str, Any]) -> dict[int, Any]:
    """Map answers keyed by question key to the attempt's quiz_question ids."""
    out = {}
    for qq_id in svc.question_ids(attempt):
        qq = session.get(models.QuizQuestion, qq_id)
        assert qq is not None
        key = load_question(qq.data_json).key
        if key in answers:
            out[qq_id] = answers[key]
    return out


def test_questions_and_options_are_shuffled_once_and_stay_put(session: Session, make_quiz: Any,
                                                              make_user: Any) -> None:
    quiz, user = make_quiz(), make_user("guest")
    attempt = svc.start_attempt(session, quiz, user.id, rng=random.Random(7))
    first = [(it.qq_id, it.choices, it.rows, it.options, it.items) for it in svc.items(session, attempt)]
    again = svc.start_attempt(session, quiz, user.id, rng=random.Random(99))
    assert again.id == attempt.id
    assert [(it.qq_id, it.choices, it.rows, it.options, it.items) for it in svc.items(session, again)] == first


def test_different_attempts_get_different_orders(session: Session, make_quiz: Any, make_user: Any) -> None:
    quiz = make_quiz()
    orders = set()
    for seed in range(6):
        attempt = svc.start_attempt(session, quiz, make_user("guest").id, rng=random.Random(seed))
        orders.add(tuple(svc.question_ids(attempt)))
    assert len(orders) > 1


def test_an_ordering_question_never_starts_solved(session: Session, make_quiz: Any, make_user: Any) -> None:
    quiz = make_quiz()
    for seed in range(20):
        attempt = svc.start_attempt(session, quiz, make_user("guest").id, rng=random.Random(seed))
        (item,) = [it for it in svc.items(session, attempt) if it.kind == "ordering"]
        assert list(item.items) != SAMPLE_ANSWERS["order1"]


def test_true_false_keeps_its_natural_order(session: Session, make_quiz: Any, make_user: Any) -> None:
    attempt = svc.start_attempt(session, make_quiz(), make_user("guest").id, rng=random.Random(3))
    (item,) = [it for it in svc.items(session, attempt) if it.kind == "true_false"]
    assert item.choices == ("صح", "خطأ")


def test_full_marks_for_all_right_answers(session: Session, make_quiz: Any, make_user: Any) -> None:
    attempt = svc.start_attempt(session, make_quiz(), make_user("guest").id)
    svc.save_answers(session, attempt, answers_by_key(session, attempt, SAMPLE_ANSWERS))
    svc.submit(session, attempt)
    assert (attempt.score, attempt.max_score, svc.percent(attempt)) == (8.0, 8.0, 100.0)


def test_points_weight_the_score_and_partial_credit_counts(session: Session, make_quiz: Any,
                                                           make_user: Any) -> None:
    quiz = make_quiz(points=[2, 1, 1, 1, 1, 1, 3, 1])  # mcq worth 2, matching worth 3
    attempt = svc.start_attempt(session, quiz, make_user("guest").id)
    half_match = {"ترامب": "رئيس أمريكا", "روبيو": "رئيس هندوراس", "عصفورة": "وزير الخارجية"}
    svc.save_answers(session, attempt, answers_by_key(session, attempt, {"mcq1": "هندوراس", "match1": half_match}))
    svc.submit(session, attempt)
    assert attempt.max_score == 11.0
    assert attempt.score == pytest.approx(2 + 1.0)  # 1 of 3 pairs right -> a third of 3 points


def test_submit_is_idempotent(session: Session, make_quiz: Any, make_user: Any) -> None:
    attempt = svc.start_attempt(session, make_quiz(), make_user("guest").id)
    svc.save_answers(session, attempt, answers_by_key(session, attempt, {"mcq1": "هندوراس"}))
    svc.submit(session, attempt)
    first = (attempt.submitted_at, attempt.score)
    svc.submit(session, attempt, now=models.utcnow() + dt.timedelta(hours=1))
    assert (attempt.submitted_at, attempt.score) == first


def test_a_stale_copy_of_the_attempt_cannot_submit_again(app: Any, session: Session, make_quiz: Any,
                                                         make_user: Any) -> None:
    from quiz.db import get_db

    attempt = svc.start_attempt(session, make_quiz(), make_user("guest").id)
    with get_db(app).session() as other:
        stale = other.get(models.Attempt, attempt.id)
        assert stale is not None and stale.submitted_at is None
        svc.submit(session, attempt)
        svc.submit(other, stale)  # sees submitted_at NULL in memory; the conditional UPDATE refuses
        assert stale.submitted_at == attempt.submitted_at


def test_answers_after_the_deadline_are_refused_and_the_attempt_closes(session: Session, make_quiz: Any,
                                                                       make_user: Any) -> None:
    attempt = svc.start_attempt(session, make_quiz(time_limit_seconds=600), make_user("guest").id, now=past(10))
    svc.save_answers(session, attempt, answers_by_key(session, attempt, {"mcq1": "هندوراس"}), now=past(5))
    attempt.time_limit_at = past(1)
    session.commit()
    with pytest.raises(svc.AttemptClosed):
        svc.save_answers(session, attempt, answers_by_key(session, attempt, SAMPLE_ANSWERS))
    assert attempt.submitted_at == attempt.time_limit_at
    assert attempt.score == 1.0  # only the answer saved in time counts


def test_a_response_saved_after_the_deadline_scores_nothing(session: Session, make_quiz: Any,
                                                            make_user: Any) -> None:
    attempt = svc.start_attempt(session, make_quiz(time_limit_seconds=600), make_user("guest").id)
    late = models.utcnow() + dt.timedelta(minutes=5)
    svc.save_answers(session, attempt, answers_by_key(session, attempt, {"mcq1": "هندوراس"}), now=late)
    attempt.time_limit_at = late - dt.timedelta(minutes=1)  # e.g. a slow request that crossed the deadline
    session.commit()
    svc.submit(session, attempt, now=late)
    assert attempt.score == 0.0


def test_the_deadline_is_capped_by_the_quiz_closing_time(session: Session, make_quiz: Any,
                                                         make_user: Any) -> None:
    closes = models.utcnow() + dt.timedelta(minutes=5)
    quiz = make_quiz(time_limit_seconds=3600, closes_at=closes)
    attempt = svc.start_attempt(session, quiz, make_user("guest").id)
    assert svc.deadline(attempt) == closes


def test_an_expired_open_attempt_is_closed_when_the_student_comes_back(session: Session, make_quiz: Any,
                                                                       make_user: Any) -> None:
    quiz, user = make_quiz(time_limit_seconds=60), make_user("guest")
    attempt = svc.start_attempt(session, quiz, user.id)
    attempt.time_limit_at = past(1)
    session.commit()
    fresh = svc.start_attempt(session, quiz, user.id)
    assert fresh.id != attempt.id and fresh.number == 2
    session.refresh(attempt)
    assert attempt.submitted_at is not None


@pytest.mark.parametrize(("settings", "error"), [
    ({"published": False}, svc.QuizClosed),
    ({"opens_at": models.utcnow() + dt.timedelta(days=1)}, svc.QuizClosed),
    ({"closes_at": past(5)}, svc.QuizClosed),
])
def test_a_quiz_that_is_not_open_cannot_be_started(session: Session, make_quiz: Any, make_user: Any,
                                                   settings: dict[str, Any], error: type[Exception]) -> None:
    with pytest.raises(error):
        svc.start_attempt(session, make_quiz(**settings), make_user("guest").id)


@pytest.mark.parametrize(("review", "closes_in", "allowed"), [
    ("immediately", None, True),
    ("never", None, False),
    ("after_close", None, False),
    ("after_close", 10, False),
    ("after_close", -10, True),
])
def test_review_availability(session: Session, make_quiz: Any, make_user: Any, review: str,
                             closes_in: int | None, allowed: bool) -> None:
    quiz = make_quiz(review=review)
    attempt = svc.start_attempt(session, quiz, make_user("guest").id)
    svc.submit(session, attempt)
    if closes_in is not None:
        quiz.closes_at = models.utcnow() + dt.timedelta(minutes=closes_in)
        session.commit()
    assert svc.review_allowed(attempt) is allowed


def test_retry_is_refused_while_review_is_hidden(session: Session, make_quiz: Any, make_user: Any) -> None:
    attempt = svc.start_attempt(session, make_quiz(review="never"), make_user("guest").id)
    svc.submit(session, attempt)
    with pytest.raises(svc.NothingToRetry):
        svc.start_retry(session, attempt)


def test_review_lists_given_and_expected_answers(session: Session, make_quiz: Any, make_user: Any) -> None:
    attempt = svc.start_attempt(session, make_quiz(), make_user("guest").id, rng=random.Random(1))
    svc.save_answers(session, attempt, answers_by_key(session, attempt, {"cloze1": "نصري عصفورة", "mcq1": "كوبا"}))
    svc.submit(session, attempt)
    by_kind = {r.kind: r for r in svc.review(session, attempt)}
    assert by_kind["cloze"].correct and by_kind["cloze"].given == ["نصري عصفورة"]
    assert not by_kind["mcq"].correct and by_kind["mcq"].expected == ["هندوراس"]
    assert by_kind["mcq"].source_text[by_kind["mcq"].source_start:by_kind["mcq"].source_end] == "هندوراس"
    assert by_kind["ordering"].given == [] and not by_kind["ordering"].correct


def shape_of_kind(kind: str) -> str:
    """The shape a kind is answered in, as the quiz pages see it."""
    from questions.kinds import get

    return get(kind).shape


@pytest.mark.parametrize(("kind", "fields", "expected"), [
    ("mcq", {"q-{id}": "هندوراس"}, "هندوراس"),
    ("mcq", {"q-{id}": "ليست خيارًا"}, "absent"),
    ("mcq", {}, "absent"),
    ("numeric", {"q-{id}": "  40.27  "}, "40.27"),
    ("numeric", {"q-{id}": ""}, None),
    ("short", {"q-{id}": "x" * 900}, "x" * 500),
    ("matching", {"q-{id}-r0": "", "q-{id}-r1": ""}, None),
    ("ordering", {"q-{id}-i0": "", "q-{id}-i1": "", "q-{id}-i2": ""}, None),
    ("ordering", {"q-{id}-i0": "٣", "q-{id}-i1": "1", "q-{id}-i2": "2"}, "rank-order"),
])
def test_parse_answers_reads_each_kind(kind: str, fields: dict[str, str], expected: Any) -> None:
    item = svc.Item(qq_id=5, number=1, kind=kind, shape=shape_of_kind(kind), prompt="?", points=1,
                    choices=("هندوراس", "كوبا") if kind == "mcq" else (),
                    rows=("أ", "ب") if kind == "matching" else (), options=("1", "2") if kind == "matching" else (),
                    items=("أ", "ب", "ج") if kind == "ordering" else ())
    form = {k.format(id=5): v for k, v in fields.items()}
    parsed = svc.parse_answers([item], form)
    if expected == "absent":
        assert 5 not in parsed
    elif expected == "rank-order":
        assert parsed[5] == ["ب", "ج", "أ"]
    else:
        assert parsed[5] == expected


def test_answers_to_questions_outside_the_attempt_are_ignored(session: Session, make_quiz: Any,
                                                              make_user: Any) -> None:
    attempt = svc.start_attempt(session, make_quiz(), make_user("guest").id)
    assert svc.save_answers(session, attempt, {10_000: "x"}) == 0
    assert session.scalar(select(func.count(models.Response.id))) == 0


def test_item_records_carry_no_answer_fields() -> None:
    fields = set(svc.Item.__dataclass_fields__)
    assert not fields & {"answer_key", "correct", "accepted", "pairs", "source", "tolerance", "is_correct"}
    assert fields == {"qq_id", "number", "kind", "shape", "prompt", "points", "choices", "rows", "options",
                      "items", "answer"}
