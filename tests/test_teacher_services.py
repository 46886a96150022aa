"""Teacher services with the real generator: a pasted article becomes a bank, distractors regenerate,
random draws respect the fact types, and ownership is enforced below the views."""

from __future__ import annotations

import json

import pytest

from quiz import models
from quiz.services import teacher as service
from teacher_helpers import NEWS_ARTICLE as ARTICLE

pytestmark = pytest.mark.no_seed


@pytest.fixture
def teacher(make_user):
    return make_user("teacher")


@pytest.fixture
def bank(session, teacher):
    import datetime as dt

    return service.create_article(session, teacher.id, title="حملة التطعيم", text=ARTICLE,
                                  source="وكالة", published_on=dt.date(2026, 3, 2))


def test_a_real_article_becomes_a_pending_bank_of_several_kinds(session, bank):
    rows = service.bank_questions(session, bank.id)
    assert len(rows) >= 10 and {r.status for r in rows} == {"pending"}
    assert {"mcq", "true_false", "cloze"} <= {r.kind for r in rows}
    assert bank.article.published_on.isoformat() == "2026-03-02" and bank.article.text == ARTICLE


def test_regenerating_distractors_changes_the_wrong_options_of_a_real_mcq(session, teacher, bank):
    mcq = next(r for r in service.bank_questions(session, bank.id) if r.kind == "mcq")
    before = json.loads(mcq.data_json)
    assert service.regenerate_distractors(session, teacher.id, mcq.id)
    after = json.loads(session.get(models.BankQuestion, mcq.id).data_json)
    assert after["answer"] == before["answer"] and after["answer"] in after["choices"]
    assert set(after["choices"]) != set(before["choices"]) and after["prompt"] == before["prompt"]


def test_distractors_cannot_be_regenerated_for_a_typed_question(session, teacher, bank):
    typed = next(r for r in service.bank_questions(session, bank.id) if r.kind in ("wh", "short", "numeric"))
    before = typed.data_json
    assert not service.regenerate_distractors(session, teacher.id, typed.id)
    assert session.get(models.BankQuestion, typed.id).data_json == before


def test_a_random_draw_takes_at_most_n_of_each_fact_type_in_bank_order(session, bank):
    rows = service.bank_questions(session, bank.id)
    counts = {"person": 2, "date": 1, "number": 100}
    ids = service.draw_per_fact_type(rows, counts, seed=3)
    chosen = [r for r in rows if r.id in ids]
    by_type = {t: sum(1 for r in chosen if r.fact_type == t) for t in counts}
    available = {t: sum(1 for r in rows if r.fact_type == t) for t in counts}
    assert by_type == {t: min(n, available[t]) for t, n in counts.items()}
    assert ids == [r.id for r in chosen]  # kept in bank order
    assert ids == service.draw_per_fact_type(rows, counts, seed=3)  # reproducible with a seed


def test_every_service_refuses_another_teachers_rows(session, bank, make_user):
    stranger = make_user("teacher")
    bq = service.bank_questions(session, bank.id)[0]
    calls = [
        lambda: service.owned_article(session, stranger.id, bank.article_id),
        lambda: service.regenerate_bank(session, stranger.id, bank.article_id),
        lambda: service.set_status(session, stranger.id, bq.id, "approved"),
        lambda: service.approve_all(session, stranger.id, bank.id),
        lambda: service.edit_question(session, stranger.id, bq.id, prompt="ما؟", answer="x"),
        lambda: service.regenerate_distractors(session, stranger.id, bq.id),
        lambda: service.add_question(session, stranger.id, bank.id, kind="short", prompt="ما؟", answer="x"),
        lambda: service.create_quiz(session, stranger.id, bank.id, service.QuizSettings("t"), [bq.id]),
    ]
    for call in calls:
        with pytest.raises(service.NotFound):
            call()
    assert session.get(models.BankQuestion, bq.id).status == "pending"
