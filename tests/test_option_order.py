"""Options are shuffled per attempt: the answer moves between attempts, stays put within one, and the
attempt row keeps the order as positions, never as the options' texts."""

from __future__ import annotations

import json
import re
from typing import Any

from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from conftest import SAMPLE_ANSWERS, login, sample_questions
from quiz import models
from quiz.services import attempts as svc

MCQ = sample_questions()[0]
MATCH = next(q for q in sample_questions() if q.kind == "matching")
ORDER = next(q for q in sample_questions() if q.kind == "ordering")


def shown_options(client: FlaskClient, attempt_id: int, qq_id: int) -> list[str]:
    """Return the radio values of question ``qq_id`` in the order the attempt's page shows them."""
    html = client.get(f"/attempt/{attempt_id}").get_data(as_text=True)
    block = html[html.index(f'id="question-{qq_id}"'):]
    block = block[:block.index("</fieldset>")]
    return re.findall(rf'name="q-{qq_id}" value="([^"]*)"', block)


def take_as_new_guest(client: FlaskClient, quiz: models.Quiz, make_user: Any, session: Session) -> models.Attempt:
    login(client, make_user("guest"))
    with client.session_transaction() as sess:
        user_id = sess["user_id"]
    return svc.start_attempt(session, quiz, user_id)


def mcq_id(session: Session, attempt: models.Attempt) -> int:
    return next(it.qq_id for it in svc.items(session, attempt) if it.kind == "mcq")


def test_the_answer_of_a_multiple_choice_question_moves_between_attempts(
        client: FlaskClient, session: Session, make_quiz: Any, make_user: Any) -> None:
    quiz = make_quiz()
    positions, orders = set(), set()
    for _ in range(12):
        attempt = take_as_new_guest(client, quiz, make_user, session)
        shown = shown_options(client, attempt.id, mcq_id(session, attempt))
        assert sorted(shown) == sorted(MCQ.choices)
        positions.add(shown.index(MCQ.answer))
        orders.add(tuple(shown))
    # Twelve attempts with the answer always in one place would happen once in four million.
    assert len(positions) > 1
    assert len(orders) > 2


def test_an_attempt_shows_its_options_in_the_same_order_on_every_view(
        client: FlaskClient, session: Session, make_quiz: Any, make_user: Any) -> None:
    quiz = make_quiz()
    attempt = take_as_new_guest(client, quiz, make_user, session)
    qq = mcq_id(session, attempt)
    first = shown_options(client, attempt.id, qq)
    assert all(shown_options(client, attempt.id, qq) == first for _ in range(3))
    # Starting again resumes the same attempt, with the same order.
    assert svc.start_attempt(session, quiz, attempt.user_id).id == attempt.id
    assert shown_options(client, attempt.id, qq) == first


def test_matching_and_ordering_options_are_shuffled_per_attempt(
        session: Session, make_quiz: Any, make_user: Any) -> None:
    quiz = make_quiz()
    options, items = set(), set()
    for _ in range(10):
        attempt = svc.start_attempt(session, quiz, make_user("guest").id)
        by_kind = {it.kind: it for it in svc.items(session, attempt)}
        assert sorted(by_kind["matching"].options) == sorted(MATCH.choices)
        assert sorted(by_kind["ordering"].items) == sorted(ORDER.items)
        options.add(by_kind["matching"].options)
        items.add(by_kind["ordering"].items)
    assert len(options) > 1 and len(items) > 1


def test_the_attempt_row_keeps_positions_not_option_texts(session: Session, make_quiz: Any, make_user: Any) -> None:
    attempt = svc.start_attempt(session, make_quiz(), make_user("guest").id)
    stored = json.loads(attempt.option_order_json)
    for answer in (MCQ.answer, *SAMPLE_ANSWERS["order1"], *MATCH.choices):
        assert answer not in attempt.option_order_json
    for parts in stored.values():
        for positions in parts.values():
            assert sorted(positions) == list(range(len(positions)))
    shown = {it.qq_id: it.choices for it in svc.items(session, attempt) if it.kind == "mcq"}
    (qq_id,) = shown
    assert shown[qq_id] == tuple(MCQ.choices[i] for i in stored[str(qq_id)]["choices"])


def test_a_saved_answer_is_graded_whatever_the_order(session: Session, make_quiz: Any, make_user: Any) -> None:
    quiz = make_quiz()
    for _ in range(4):
        attempt = svc.start_attempt(session, quiz, make_user("guest").id)
        form = {f"q-{it.qq_id}": MCQ.answer for it in svc.items(session, attempt) if it.kind == "mcq"}
        svc.save_answers(session, attempt, svc.parse_answers(svc.items(session, attempt), form))
        svc.submit(session, attempt)
        assert attempt.score == 1.0
