"""No query per row: every list page runs the same number of statements at 100 rows and at 5,000.

Two schools share one database built once for the module: in each, a teacher has ``n`` classes,
articles, banks and published quizzes (all open to the first class), a student is in every class
and took every quiz (with the study cards those attempts feed), and ``n`` classmates took the first quiz. The first class, bank and quiz are
made by the app's own services; the other rows are copies of them written in bulk (multi-row
inserts), so 5,000 of everything takes seconds. Each page is visited once to warm the per-worker
caches, then counted on a second visit; the counts of the two schools must be equal.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from bench.school import populate
from conftest import login, sample_bank
from querycount import queries_per_request
from quiz import create_app, models, seed
from quiz.db import get_db
from quiz.services import attempts as attempt_service
from quiz.services import banks as bank_service
from quiz.services import classes as class_service
from quiz.services import quizzes as quiz_service
from quiz.services import study as study_service
from quiz.services import users as user_service
from quiz.views.study import settings

SIZES = (100, 5000)


@dataclass(frozen=True)
class School:
    """The ids a school's pages are reached by."""

    teacher_id: int
    student_id: int
    quiz_id: int  # taken by n classmates and the student
    class_id: int  # n members besides the student, n quizzes
    class_code: str
    bank_id: int
    article_id: int


def _rows(session: Session, model: Any, *where: Any) -> list[dict[str, Any]]:
    """Return the rows of ``model`` matching ``where`` as column dicts without their id."""
    table = model.__table__
    found = session.execute(select(table).where(*where).order_by(*table.primary_key.columns)).mappings()
    return [{k: v for k, v in row.items() if k != "id"} for row in found]


def _insert(session: Session, model: Any, rows: list[dict[str, Any]]) -> list[int]:
    """Insert ``rows`` in multi-row statements and return their new ids in order."""
    if not rows:
        return []
    return list(session.scalars(insert(model).returning(model.id, sort_by_parameter_order=True), rows))


def _copy_quizzes(session: Session, quiz: models.Quiz, class_id: int, n: int) -> tuple[list[int], list[int]]:
    """Add ``n`` copies of ``quiz`` (each with its own article, bank and questions), open to the class."""
    bank = quiz.bank
    article = _rows(session, models.Article, models.Article.id == bank.article_id)[0]
    article_ids = _insert(session, models.Article, [{**article, "key": f"{article['key']}-{i}"} for i in range(n)])
    bank_row = _rows(session, models.Bank, models.Bank.id == bank.id)[0]
    bank_ids = _insert(session, models.Bank, [{**bank_row, "article_id": a} for a in article_ids])
    bank_questions = _rows(session, models.BankQuestion, models.BankQuestion.bank_id == bank.id)
    bq_ids = _insert(session, models.BankQuestion, [{**q, "bank_id": b} for b in bank_ids for q in bank_questions])
    quiz_row = _rows(session, models.Quiz, models.Quiz.id == quiz.id)[0]
    quiz_ids = _insert(session, models.Quiz, [
        {**quiz_row, "bank_id": b, "title": f"{quiz_row['title']} {i}", "code": f"{quiz_row['code'][:6]}{i:06d}"}
        for i, b in enumerate(bank_ids)])
    first_bq = [q.id for q in bank.questions]
    questions = _rows(session, models.QuizQuestion, models.QuizQuestion.quiz_id == quiz.id)
    rows = []
    for k, quiz_id in enumerate(quiz_ids):
        for q in questions:
            bq = q["bank_question_id"]
            moved = bq_ids[k * len(bank_questions) + first_bq.index(bq)] if bq in first_bq else None
            rows.append({**q, "quiz_id": quiz_id, "bank_question_id": moved})
    _insert(session, models.QuizQuestion, rows)
    session.execute(insert(models.QuizClass), [{"quiz_id": q, "class_id": class_id} for q in quiz_ids])
    return quiz_ids, article_ids


def _copy_attempts(session: Session, attempt_id: int, quiz_ids: list[int]) -> list[int]:
    """Add a copy of the attempt (and its responses) at each of the quizzes, on their own questions."""
    attempt = _rows(session, models.Attempt, models.Attempt.id == attempt_id)[0]
    old = [row.id for row in session.execute(select(models.QuizQuestion.id).where(
        models.QuizQuestion.quiz_id == attempt["quiz_id"]).order_by(models.QuizQuestion.position))]
    new: dict[int, list[int]] = {}
    for quiz_id, qq_id in session.execute(select(models.QuizQuestion.quiz_id, models.QuizQuestion.id).where(
            models.QuizQuestion.quiz_id.in_(quiz_ids)).order_by(models.QuizQuestion.position)):
        new.setdefault(quiz_id, []).append(qq_id)
    responses = _rows(session, models.Response, models.Response.attempt_id == attempt_id)
    rows, maps = [], []
    for quiz_id in quiz_ids:
        moved = dict(zip(old, new[quiz_id], strict=True))
        order = json.loads(attempt["option_order_json"])
        rows.append({**attempt, "quiz_id": quiz_id,
                     "question_ids_json": json.dumps([moved[i] for i in json.loads(attempt["question_ids_json"])]),
                     "option_order_json": json.dumps({str(moved[int(k)]): v for k, v in order.items()},
                                                     ensure_ascii=False)})
        maps.append(moved)
    ids = _insert(session, models.Attempt, rows)
    _insert(session, models.Response, [{**r, "attempt_id": a, "quiz_question_id": moved[r["quiz_question_id"]]}
                                       for a, moved in zip(ids, maps, strict=True) for r in responses])
    return ids


def _copy_study(session: Session, attempt: models.Attempt, attempt_ids: list[int], article_ids: list[int]) -> None:
    """Give the attempts' user the cards and reviews the first attempt's feed made, for each copied article."""
    C, R = models.StudyCard, models.StudyReview
    cards = session.execute(select(C).where(C.user_id == attempt.user_id).order_by(C.id)).scalars().all()
    keys = dict(session.execute(select(models.Article.id, models.Article.key)
                                .where(models.Article.id.in_(article_ids))).all())
    rows = _rows(session, C, C.id.in_([c.id for c in cards]))
    new_ids = _insert(session, C, [{**row, "article_id": a, "article_key": keys[a]}
                                   for a in article_ids for row in rows])
    reviews = _rows(session, R, R.card_id.in_([c.id for c in cards]))
    moved = {(k, c.id): new_ids[k * len(cards) + j] for k in range(len(article_ids)) for j, c in enumerate(cards)}
    _insert(session, R, [{**r, "card_id": moved[(k, r["card_id"])]} for k in range(len(article_ids)) for r in reviews])
    fed = _rows(session, models.StudyFeed, models.StudyFeed.attempt_id == attempt.id)[0]
    session.execute(insert(models.StudyFeed), [{**fed, "attempt_id": a} for a in attempt_ids])


def build(session: Session, n: int, rules: study_service.Settings) -> School:
    """Write a school with ``n`` of each kind of list entry."""
    teacher = user_service.create_account(session, name=f"معلم {n}", email=f"teacher{n}@example.org",
                                          password="secret-pass", role="teacher")
    student = user_service.create_account(session, name=f"سارة {n}", email=f"student{n}@example.org",
                                          password="secret-pass", role="student")
    first_class = class_service.create_class(session, teacher.id, "صف 0")
    bank = bank_service.save_bank(session, sample_bank(f"school-{n}"), teacher.id, status="approved")
    quiz = quiz_service.create_quiz(session, bank_id=bank.id, title="اختبار", owner_id=teacher.id, published=True,
                                    bank_question_ids=[q.id for q in bank.questions], layout="all_on_one")
    class_service.assign(session, teacher.id, quiz.id, [first_class.id])
    member = class_service.join(session, first_class, student, student.name)
    attempt = attempt_service.start_attempt(session, quiz, student.id)
    items = attempt_service.items(session, attempt)
    attempt_service.save_answers(session, attempt, {it.qq_id: it.choices[0] for it in items if it.choices})
    attempt_service.submit(session, attempt)
    study_service.feed(session, student.id, rules)

    class_ids = _insert(session, models.SchoolClass, [
        {"owner_id": teacher.id, "name": f"صف {i}", "code": f"{first_class.code[:6]}{i:06d}",
         "created_at": first_class.created_at} for i in range(1, n)])
    session.execute(insert(models.ClassMember), [
        {"class_id": c, "user_id": student.id, "name": member.name, "name_key": member.name_key,
         "joined_at": member.joined_at} for c in class_ids])
    quiz_ids, article_ids = _copy_quizzes(session, quiz, first_class.id, n - 1)
    _copy_study(session, attempt, _copy_attempts(session, attempt.id, quiz_ids), article_ids)
    session.commit()
    populate(session, quiz.id, n, class_id=first_class.id)  # n classmates took the first quiz
    return School(teacher.id, student.id, quiz.id, first_class.id, first_class.code, bank.id, bank.article_id)


@pytest.fixture(scope="module")
def schools(module_database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Flask, list[School]]]:
    """Return an app on a database holding a school of each size (built once for the module)."""
    app = create_app({
        "TESTING": True, "INSTANCE_PATH": str(tmp_path_factory.mktemp("instance")),
        "DATABASE_URL": module_database_url, "CREATE_SCHEMA": False, "SECRET_KEY": "test-secret",
        "SEED_ON_START": False, "RATELIMIT_ENABLED": False,
    })
    with get_db(app).session() as session:
        seed.ensure_builtin(session)
        with app.app_context():
            rules = settings()
        built = [build(session, n, rules) for n in SIZES]
    yield app, built
    get_db(app).engine.dispose()


STUDENT_PAGES = {
    "home": lambda s: "/",
    "my attempts": lambda s: "/me/attempts",
    "class": lambda s: f"/c/{s.class_code}",
    "study review": lambda s: "/review",
    "study progress": lambda s: "/review/progress",
}
TEACHER_PAGES = {
    "dashboard": lambda s: "/teacher/",
    "classes": lambda s: "/teacher/classes",
    "class": lambda s: f"/teacher/classes/{s.class_id}",
    "class mastery": lambda s: f"/teacher/classes/{s.class_id}/mastery",
    "quiz": lambda s: f"/teacher/quizzes/{s.quiz_id}",
    "results": lambda s: f"/teacher/quizzes/{s.quiz_id}/results",
    "results by class": lambda s: f"/teacher/quizzes/{s.quiz_id}/results?class={s.class_id}",
    "answers per question": lambda s: f"/teacher/quizzes/{s.quiz_id}/questions",
    "one student's answers": lambda s: f"/teacher/quizzes/{s.quiz_id}/students/{s.student_id}",
    "bank review": lambda s: f"/teacher/banks/{s.bank_id}",
    "article": lambda s: f"/teacher/articles/{s.article_id}",
}


def test_each_school_holds_its_rows(schools: tuple[Flask, list[School]]) -> None:
    app, built = schools
    with get_db(app).session() as session:
        for n, school in zip(SIZES, built, strict=True):
            quizzes = session.scalars(select(models.QuizClass.quiz_id)
                                      .where(models.QuizClass.class_id == school.class_id)).all()
            members = session.scalars(select(models.ClassMember.id)
                                      .where(models.ClassMember.class_id == school.class_id)).all()
            attempts = session.scalars(select(models.Attempt.id).where(models.Attempt.user_id == school.student_id)
                                       .where(models.Attempt.submitted_at.is_not(None))).all()
            cards = session.scalars(select(models.StudyCard.article_id).distinct()
                                    .where(models.StudyCard.user_id == school.student_id)).all()
            classes = session.scalars(select(models.SchoolClass.id)
                                      .where(models.SchoolClass.owner_id == school.teacher_id)).all()
            assert (len(quizzes), len(members), len(attempts), len(classes)) == (n, n + 1, n, n)
            assert len(cards) == n


@pytest.mark.parametrize("page", list(STUDENT_PAGES) + [f"teacher {p}" for p in TEACHER_PAGES])
def test_a_list_page_runs_the_same_queries_for_few_and_many_rows(schools: tuple[Flask, list[School]],
                                                                  page: str) -> None:
    app, built = schools
    counts = []
    for school in built:
        client: FlaskClient = app.test_client()
        with get_db(app).session() as session:
            if page.startswith("teacher "):
                login(client, session.get(models.User, school.teacher_id))
                url = TEACHER_PAGES[page.removeprefix("teacher ")](school)
            else:
                login(client, session.get(models.User, school.student_id))
                url = STUDENT_PAGES[page](school)
        counts.append(queries_per_request(app, client, url))
    assert counts[0] == counts[1], f"{page}: {counts[0]} statements for {SIZES[0]} rows, {counts[1]} for {SIZES[1]}"
