"""The results page keeps a quiz's aggregates between views and never shows them stale: after a new
submission, an expired attempt closed by the sweep, a time limit running out, a class member joining or
leaving and a guest signing up, a view shows what a view with nothing kept shows; a repeated view runs
fewer statements and none of them reads the answers."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from flask import Flask
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bench.school import populate
from querycount import Statements
from quiz import models
from quiz.services import attempts as attempt_service
from quiz.services import classes as class_service
from quiz.services import users as user_service
from quiz.views import resultscache
from teacher_helpers import sign_in, teacher  # noqa: F401 - fixtures


@pytest.fixture
def school(session: Session, make_quiz: Any, teacher: models.User) -> models.Quiz:  # noqa: F811
    quiz = make_quiz(title="اختبار المدرسة", time_limit_seconds=600)
    quiz.owner_id = teacher.id
    session.commit()
    populate(session, quiz.id, 60, expired=2, seed=5)
    return quiz


@pytest.fixture
def opened(client: Any, school: models.Quiz, teacher: models.User) -> tuple[Any, str]:  # noqa: F811
    """The quiz's teacher, signed in, and the results page's address."""
    return sign_in(client, teacher), f"/teacher/quizzes/{school.id}/results"


def view(browser: Any, url: str) -> str:
    reply = browser.get(url)
    assert reply.status_code == 200
    html = str(reply.get_data(as_text=True))
    reply.close()  # as when the response has been sent: the page's sweep of expired attempts runs
    token = CSRF.search(html)
    return html.replace(token.group(1), "") if token else html  # the token carries its time


CSRF = re.compile(r'<meta name="csrf-token" content="([^"]+)">')


def uncached(app: Flask, browser: Any, url: str) -> str:
    """The page as it is with nothing kept from earlier views."""
    app.extensions.pop(resultscache.EXTENSION_KEY, None)
    return view(browser, url)


def assert_every_attempt_graded(app: Flask, browser: Any, url: str) -> None:
    html = view(browser, url)
    assert "انتهى وقتها ولم تُسلَّم" not in html and "سلّم منهم" not in html
    assert html == uncached(app, browser, url)


def heading_count(html: str) -> int:
    found = re.search(r"الطلاب \((\d+)\)", html)
    assert found is not None
    return int(found.group(1))


def open_attempts(session: Session, quiz: models.Quiz) -> int:
    session.expire_all()
    A = models.Attempt
    return session.scalar(select(func.count()).where(A.quiz_id == quiz.id, A.submitted_at.is_(None))) or 0


def submitted(session: Session, quiz: models.Quiz, name: str) -> models.User:
    """A new student who has taken the quiz and submitted."""
    student = user_service.create_account(session, name=name, email=f"s{abs(hash(name))}@example.com",
                                          password="x" * 12)
    attempt_service.submit(session, attempt_service.start_attempt(session, quiz, student.id))
    return student


def test_a_new_submission_shows_on_the_next_view(app: Flask, session: Session, school: models.Quiz,
                                                 opened: tuple[Any, str]) -> None:
    browser, url = opened
    url += "?sort=name"
    view(browser, url)  # the sweep after it closes the two expired attempts
    before = view(browser, url)
    assert view(browser, url) == before and heading_count(before) == 62
    submitted(session, school, "آخر المسلّمين")
    after = view(browser, url)
    assert heading_count(after) == 63 and "آخر المسلّمين" in after
    assert after == uncached(app, browser, url)


def test_attempts_closed_by_the_sweep_count_on_the_next_view(app: Flask, session: Session,
                                                             school: models.Quiz, opened: tuple[Any, str]) -> None:
    browser, url = opened
    first = view(browser, url)
    assert "انتهى وقتها ولم تُسلَّم" in first and "سلّم منهم" in first
    assert open_attempts(session, school) == 0  # swept once the page was sent
    assert_every_attempt_graded(app, browser, url)


def test_a_time_limit_running_out_shows_on_the_next_view(app: Flask, session: Session, school: models.Quiz,
                                                         opened: tuple[Any, str]) -> None:
    browser, url = opened
    view(browser, url)
    student = user_service.create_account(session, name="طالب يكتب", email="slow@example.com", password="x" * 12)
    attempt = attempt_service.start_attempt(session, school, student.id)
    running = view(browser, url)
    assert "جارية" in running and "انتهى وقتها ولم تُسلَّم" not in running
    attempt.time_limit_at = models.utcnow() - dt.timedelta(seconds=1)  # as if ten minutes went by
    session.commit()
    late = view(browser, url)
    assert "انتهى وقتها ولم تُسلَّم" in late
    assert_every_attempt_graded(app, browser, url)  # the sweep after the last view closed it


def test_a_class_filter_and_its_members_are_never_stale(
        app: Flask, session: Session, school: models.Quiz, opened: tuple[Any, str],
        teacher: models.User) -> None:  # noqa: F811
    group = class_service.create_class(session, teacher.id, "الصف العاشر")
    populate(session, school.id, 7, seed=9, class_id=group.id)
    browser, url = opened
    assert heading_count(view(browser, url)) == 69
    assert heading_count(view(browser, f"{url}?class={group.id}")) == 7
    assert heading_count(view(browser, url)) == 69
    for n in (1, 2):
        newcomer = submitted(session, school, f"@{n}")
        class_service.join(session, group, newcomer, f"جديد {n}")
    joined = view(browser, f"{url}?class={group.id}")
    assert heading_count(joined) == 9
    member = session.scalars(select(models.ClassMember).where(models.ClassMember.class_id == group.id)
                             .order_by(models.ClassMember.id)).first()
    assert member is not None
    class_service.remove_member(session, teacher.id, group.id, member.id)
    left = view(browser, f"{url}?class={group.id}")
    assert heading_count(left) == 8 and member.name not in left
    assert left == uncached(app, browser, f"{url}?class={group.id}")


def test_a_guest_who_signs_up_shows_under_the_new_name(app: Flask, session: Session, opened: tuple[Any, str]) -> None:
    browser, url = opened
    url += "?sort=name"
    view(browser, url)
    guest = session.scalars(select(models.User).where(models.User.name == "طالب 1")).one()
    assert "طالب 1<" in view(browser, url)
    user_service.create_account(session, name="أ طالب مسجّل", email="signed@example.com", password="x" * 12,
                                upgrade=guest)
    renamed = view(browser, url)
    assert "أ طالب مسجّل" in renamed and "طالب 1<" not in renamed
    assert renamed == uncached(app, browser, url)


def test_a_repeated_view_runs_fewer_statements_and_reads_no_answers(app: Flask, opened: tuple[Any, str]) -> None:
    browser, url = opened
    view(browser, url)  # closes the expired attempts: the next view aggregates afresh
    with Statements(app) as first:
        fresh = view(browser, url)
    with Statements(app) as second:
        kept = view(browser, url)
    assert kept == fresh
    assert second.queries < first.queries
    assert any("responses" in sql for sql in first.sql)
    assert not any("responses" in sql for sql in second.sql)
