"""Classes: a teacher creates them, students join once by code (account, or a name unique in the
class), quizzes assigned to classes are taken by their members only, and every class page of one
teacher is 404 to another teacher and to students; a quiz without a class is still a quick quiz."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from quiz import models
from quiz.services import classes as class_service
from teacher_helpers import Browser, other_teacher, sign_in, teacher, use_fast_password_hashing  # noqa: F401

pytestmark = pytest.mark.no_seed


@pytest.fixture(autouse=True)
def _fast_hashing(monkeypatch):
    use_fast_password_hashing(monkeypatch)


def create_class(browser: Browser, name: str) -> models.SchoolClass:
    r = browser.post("/teacher/classes", {"name": name})
    assert r.status_code == 302, r.get_data(as_text=True)[:300]
    class_id = int(r.headers["Location"].rstrip("/").split("/")[-1])
    return class_id


def class_row(session, class_id: int) -> models.SchoolClass:
    session.expire_all()
    return session.get(models.SchoolClass, class_id)


def owned_quiz(session, make_quiz, owner, title: str = "اختبار الأسبوع") -> models.Quiz:
    quiz = make_quiz(title=title)
    quiz.owner_id = owner.id
    session.commit()
    return quiz


def guest_join(app, code: str, name: str):
    """Join a class as a new visitor; return (client, response)."""
    client = app.test_client()
    browser = Browser(client)
    return client, browser.post(f"/c/{code}", {"name": name})


# --- the teacher's side ---------------------------------------------------------------------------

def test_a_teacher_creates_a_class_with_a_join_code_and_sees_it_listed(client, session, teacher):
    browser = sign_in(client, teacher)
    class_id = create_class(browser, "العاشر (ب)")
    row = class_row(session, class_id)
    assert row.owner_id == teacher.id and re.fullmatch(r"[A-Z2-9]{6}", row.code)
    page = browser.get(f"/teacher/classes/{class_id}").get_data(as_text=True)
    assert row.code in page and f"/c/{row.code}" in page
    assert "العاشر (ب)" in browser.get("/teacher/classes").get_data(as_text=True)


def test_another_teachers_class_pages_and_actions_are_not_found(app, client, session, teacher, other_teacher,
                                                               make_quiz):
    class_id = create_class(sign_in(app.test_client(), teacher), "العاشر (ب)")
    _, joined = guest_join(app, class_row(session, class_id).code, "ليلى")
    assert joined.status_code == 302
    member_id = class_row(session, class_id).members[0].id
    mine = owned_quiz(session, make_quiz, other_teacher)
    theirs = owned_quiz(session, make_quiz, teacher)
    intruder = sign_in(client, other_teacher)
    assert intruder.get(f"/teacher/classes/{class_id}").status_code == 404
    assert intruder.post(f"/teacher/classes/{class_id}/members/{member_id}/remove").status_code == 404
    # Assigning one's own quiz to another teacher's class, or another teacher's quiz to a class.
    assert intruder.post(f"/teacher/quizzes/{mine.id}/classes", {"classes": [class_id]}).status_code in (400, 404)
    assert intruder.post(f"/teacher/quizzes/{theirs.id}/classes", {"classes": []}).status_code == 404
    assert class_row(session, class_id).code not in intruder.get("/teacher/classes").get_data(as_text=True)
    session.expire_all()
    assert len(class_row(session, class_id).members) == 1
    assert class_service.class_ids_of_quiz(session, mine.id) == []


def test_the_service_refuses_another_teachers_class_for_a_quiz(session, teacher, other_teacher, make_quiz):
    theirs = class_service.create_class(session, teacher.id, "العاشر")
    mine = owned_quiz(session, make_quiz, other_teacher)
    with pytest.raises(class_service.NotFound):
        class_service.assign(session, other_teacher.id, mine.id, [theirs.id])
    with pytest.raises(class_service.NotFound):
        class_service.owned_class(session, other_teacher.id, theirs.id)


def test_students_get_403_on_the_teacher_class_pages(client, session, teacher, make_user):
    class_id = class_service.create_class(session, teacher.id, "العاشر").id
    student = sign_in(client, make_user("student"))
    assert student.get("/teacher/classes").status_code == 403
    assert student.get(f"/teacher/classes/{class_id}").status_code == 403


# --- joining --------------------------------------------------------------------------------------

def test_the_join_box_takes_a_class_code_to_the_class_page(client, session, teacher):
    row = class_service.create_class(session, teacher.id, "العاشر")
    r = Browser(client).post("/join", {"code": row.code.lower()})
    assert r.status_code == 302 and r.headers["Location"].endswith(f"/c/{row.code}")
    page = client.get(f"/c/{row.code}").get_data(as_text=True)
    assert "اسمك في الصف" in page


def test_a_guest_joins_once_and_a_name_taken_in_the_class_is_refused(app, session, teacher):
    row = class_service.create_class(session, teacher.id, "العاشر")
    first, r = guest_join(app, row.code, "أحمد علي")
    assert r.status_code == 302
    page = first.get(f"/c/{row.code}").get_data(as_text=True)
    assert "أنت في هذا الصف باسم" in page and "أحمد علي" in page
    # The same name with another alef and spacing is the same name in the class.
    second, r = guest_join(app, row.code, "احمد   علي")
    assert r.status_code == 400 and "هذا الاسم مستخدم في الصف" in r.get_data(as_text=True)
    session.expire_all()
    assert [m.name for m in class_row(session, row.id).members] == ["أحمد علي"]
    # The refused visitor got no guest account either.
    assert session.scalar(select(models.User).where(models.User.name == "احمد   علي")) is None
    # Joining again from the first browser changes nothing.
    Browser(first).post(f"/c/{row.code}", {"name": "اسم آخر"})
    session.expire_all()
    assert [m.name for m in class_row(session, row.id).members] == ["أحمد علي"]


def test_an_account_joins_under_a_name_of_its_choice(client, session, teacher, make_user):
    row = class_service.create_class(session, teacher.id, "العاشر")
    student = make_user("student", name="سارة")
    browser = sign_in(client, student)
    assert 'value="سارة"' in browser.get(f"/c/{row.code}").get_data(as_text=True)
    assert browser.post(f"/c/{row.code}", {"name": "سارة محمود"}).status_code == 302
    session.expire_all()
    (member,) = class_row(session, row.id).members
    assert member.user_id == student.id and member.name == "سارة محمود"
    assert "العاشر" in client.get("/").get_data(as_text=True)  # «صفوفي» on the home page


def test_an_unknown_class_code_is_not_found(client):
    assert client.get("/c/ZZZZZZ").status_code == 404


# --- quizzes of a class ------------------------------------------------------------------------------

def test_a_quiz_of_a_class_opens_for_its_members_only(app, client, session, teacher, make_quiz, make_user):
    ten = class_service.create_class(session, teacher.id, "العاشر")
    eleven = class_service.create_class(session, teacher.id, "الحادي عشر")
    quiz = owned_quiz(session, make_quiz, teacher)
    class_service.assign(session, teacher.id, quiz.id, [ten.id])
    member, _ = guest_join(app, ten.code, "ليلى")
    other_class, _ = guest_join(app, eleven.code, "يوسف")
    visitor = app.test_client()
    # Members see it on the class page and on the home page, and can start it.
    assert quiz.title in member.get(f"/c/{ten.code}").get_data(as_text=True)
    assert quiz.title in member.get("/").get_data(as_text=True)
    assert member.get(f"/q/{quiz.code}").status_code == 200
    started = Browser(member).post(f"/q/{quiz.code}/start", {})
    assert started.status_code == 302 and "/attempt/" in started.headers["Location"]
    # A student of another class and a visitor get 404 on the quiz and on its start, and no list entry.
    for outsider in (other_class, visitor):
        assert outsider.get(f"/q/{quiz.code}").status_code == 404
        assert Browser(outsider).post(f"/q/{quiz.code}/start", {"name": "دخيل"}).status_code == 404
        assert quiz.title not in outsider.get("/").get_data(as_text=True)
    session.expire_all()
    assert session.scalar(select(models.User).where(models.User.name == "دخيل")) is None


def test_a_quiz_for_two_classes_opens_for_both_and_unassigning_makes_it_quick_again(app, session, teacher,
                                                                                    make_quiz):
    ten = class_service.create_class(session, teacher.id, "العاشر")
    eleven = class_service.create_class(session, teacher.id, "الحادي عشر")
    quiz = owned_quiz(session, make_quiz, teacher)
    browser = sign_in(app.test_client(), teacher)
    assert browser.post(f"/teacher/quizzes/{quiz.id}/classes", {"classes": [ten.id, eleven.id]}).status_code == 302
    a, _ = guest_join(app, ten.code, "ليلى")
    b, _ = guest_join(app, eleven.code, "يوسف")
    assert a.get(f"/q/{quiz.code}").status_code == 200 and b.get(f"/q/{quiz.code}").status_code == 200
    assert app.test_client().get(f"/q/{quiz.code}").status_code == 404
    assert browser.post(f"/teacher/quizzes/{quiz.id}/classes", {}).status_code == 302
    assert app.test_client().get(f"/q/{quiz.code}").status_code == 200


def test_a_quick_quiz_by_code_still_works_for_a_guest(app, session, make_quiz):
    quiz = make_quiz()
    client = app.test_client()
    r = Browser(client).post("/join", {"code": quiz.code})
    assert r.status_code == 302 and r.headers["Location"].endswith(f"/q/{quiz.code}")
    started = Browser(client).post(f"/q/{quiz.code}/start", {"name": "زائر سريع"})
    assert started.status_code == 302 and "/attempt/" in started.headers["Location"]


def test_removing_a_member_closes_the_class_quizzes_to_them(app, session, teacher, make_quiz):
    ten = class_service.create_class(session, teacher.id, "العاشر")
    quiz = owned_quiz(session, make_quiz, teacher)
    class_service.assign(session, teacher.id, quiz.id, [ten.id])
    member, _ = guest_join(app, ten.code, "ليلى")
    member_id = class_row(session, ten.id).members[0].id
    browser = sign_in(app.test_client(), teacher)
    assert browser.post(f"/teacher/classes/{ten.id}/members/{member_id}/remove").status_code == 302
    assert member.get(f"/q/{quiz.code}").status_code == 404
