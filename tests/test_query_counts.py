"""No query per row: every list page runs the same number of statements whatever the number of rows.

Each page is built at two sizes (2 and 6 quizzes, articles, classes, members, attempts, students...),
visited once to warm the per-worker caches, then counted on a second visit; the counts must be equal.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from conftest import login, sample_bank
from querycount import queries_per_request
from quiz import models
from quiz.services import attempts as attempt_service
from quiz.services import banks as bank_service
from quiz.services import classes as class_service
from quiz.services import quizzes as quiz_service

SIZES = (2, 6)


@dataclass
class School:
    """A teacher's rows and a student's, ``n`` of each kind of list entry."""

    teacher: models.User
    student: models.User
    quiz: models.Quiz  # taken by n students
    school_class: models.SchoolClass  # n members, n quizzes
    bank_id: int
    article_id: int


def build(session: Session, make_user: Any, n: int) -> School:
    teacher = make_user("teacher")
    student = make_user("student")
    classes = [class_service.create_class(session, teacher.id, f"صف {i}") for i in range(n)]
    quizzes = []
    for i in range(n):
        bank = bank_service.save_bank(session, sample_bank(f"school-{n}-{i}"), teacher.id, status="approved")
        quizzes.append(quiz_service.create_quiz(
            session, bank_id=bank.id, title=f"اختبار {i}", bank_question_ids=[q.id for q in bank.questions],
            owner_id=teacher.id, published=True, layout="all_on_one"))
    class_service.assign(session, teacher.id, quizzes[0].id, [classes[0].id])
    for i in range(1, n):
        class_service.assign(session, teacher.id, quizzes[i].id, [classes[0].id])
    for school_class in classes:
        class_service.join(session, school_class, student, student.name)
    for quiz in quizzes:  # the student took every quiz
        attempt_service.submit(session, attempt_service.start_attempt(session, quiz, student.id))
    for i in range(n):  # n classmates took the first quiz
        mate = make_user("student")
        class_service.join(session, classes[0], mate, mate.name)
        attempt = attempt_service.start_attempt(session, quizzes[0], mate.id)
        items = attempt_service.items(session, attempt)
        attempt_service.save_answers(session, attempt, {it.qq_id: it.choices[0] for it in items if it.choices})
        attempt_service.submit(session, attempt)
    first = quizzes[0]
    return School(teacher, student, first, classes[0], first.bank_id, first.bank.article_id)


STUDENT_PAGES = {
    "home": lambda s: "/",
    "my attempts": lambda s: "/me/attempts",
    "class": lambda s: f"/c/{s.school_class.code}",
    "study review": lambda s: "/review",
    "study progress": lambda s: "/review/progress",
}
TEACHER_PAGES = {
    "dashboard": lambda s: "/teacher/",
    "classes": lambda s: "/teacher/classes",
    "class": lambda s: f"/teacher/classes/{s.school_class.id}",
    "class mastery": lambda s: f"/teacher/classes/{s.school_class.id}/mastery",
    "quiz": lambda s: f"/teacher/quizzes/{s.quiz.id}",
    "results": lambda s: f"/teacher/quizzes/{s.quiz.id}/results",
    "results by class": lambda s: f"/teacher/quizzes/{s.quiz.id}/results?class={s.school_class.id}",
    "answers per question": lambda s: f"/teacher/quizzes/{s.quiz.id}/questions",
    "one student's answers": lambda s: f"/teacher/quizzes/{s.quiz.id}/students/{s.student.id}",
    "bank review": lambda s: f"/teacher/banks/{s.bank_id}",
    "article": lambda s: f"/teacher/articles/{s.article_id}",
}


@pytest.mark.parametrize("page", list(STUDENT_PAGES) + [f"teacher {p}" for p in TEACHER_PAGES])
def test_a_list_page_runs_the_same_queries_for_few_and_many_rows(app: Flask, session: Session, make_user: Any,
                                                                  page: str) -> None:
    counts = []
    for n in SIZES:
        school = build(session, make_user, n)
        client: FlaskClient = app.test_client()
        if page.startswith("teacher "):
            login(client, school.teacher)
            url = TEACHER_PAGES[page.removeprefix("teacher ")](school)
        else:
            login(client, school.student)
            url = STUDENT_PAGES[page](school)
        counts.append(queries_per_request(app, client, url))
    assert counts[0] == counts[1], f"{page}: {counts[0]} statements for {SIZES[0]} rows, {counts[1]} for {SIZES[1]}"
