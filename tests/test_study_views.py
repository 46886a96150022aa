"""The study pages over HTTP: who may see them, one card at a time with no answer before it is asked for,
ratings recorded once, every POST behind CSRF, other students' cards not found, the guest's offer, the
home page's due count, the progress page, the Anki deck with the quiz deck's GUIDs, and the teacher's
class mastery behind a teacher login."""

from __future__ import annotations

import io
import re
import sqlite3
import tempfile
import threading
import zipfile
from collections.abc import Callable
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from conftest import csrf, login, sample_bank
from quiz import models
from quiz.services import classes as class_service
from study_helpers import cards_by_key, take

pytestmark = pytest.mark.no_seed
TYPED = ("wh1", "short1", "num1", "cloze1")  # the sample bank's questions answered by typing


@pytest.fixture
def student(make_user: Callable[..., models.User]) -> models.User:
    return make_user()


@pytest.fixture
def quiz(session: Session, make_quiz: Callable[..., models.Quiz], student: models.User) -> models.Quiz:
    row = make_quiz()
    take(session, row, student, missed=("wh1", "mcq1"))
    return row


@pytest.fixture
def me(client: FlaskClient, student: models.User, quiz: models.Quiz) -> FlaskClient:
    """Return a client signed in as the student, whose queue the review page has filled."""
    login(client, student)
    assert client.get("/review").status_code == 200
    return client


def token(client: FlaskClient, path: str = "/review") -> str:
    return csrf(client, path)


def card_ids(session: Session, user: models.User) -> dict[str, int]:
    return {key: c.id for key, c in cards_by_key(session, user).items()}


def reviews(session: Session) -> int:
    session.expire_all()
    return session.scalar(select(func.count(models.StudyReview.id)).where(models.StudyReview.source == "study")) or 0


def reveal(client: FlaskClient, card_id: int, typed: str | None = None) -> str:
    data = {"csrf_token": token(client)}
    if typed is not None:
        data[f"q-{card_id}"] = typed
    r = client.post(f"/review/{card_id}/reveal", data=data)
    assert r.status_code == 302 and r.location == f"/review/{card_id}"
    return client.get(r.location).get_data(as_text=True)


def words(html: str) -> str:
    """Return the text of ``html`` without its tags, spaces folded."""
    return " ".join(re.sub(r"<[^>]+>", "", html).split())


def rate_form(html: str) -> dict[str, str]:
    fields = dict(re.findall(r'name="(seq|csrf_token)" type="hidden" value="([^"]*)"', html))
    assert set(fields) == {"seq", "csrf_token"}
    return fields


def test_visitors_sign_in_and_guests_create_an_account_first(client: FlaskClient, make_user) -> None:
    for path in ("/review", "/review/progress", "/review/cards.apkg"):
        r = client.get(path)
        assert r.status_code == 302 and r.location.startswith("/login?next=")
    login(client, make_user(role="guest"))
    r = client.get("/review")
    assert r.status_code == 302 and r.location.startswith("/register?next=/review")


def test_the_review_page_shows_the_first_card_due_a_missed_one(me: FlaskClient, session: Session,
                                                               student: models.User) -> None:
    html = me.get("/review").get_data(as_text=True)
    assert "مراجعة اليوم" in html and "بقي للمراجعة 8 بطاقات" in html
    ids = card_ids(session, student)
    shown = int(re.search(r'action="/review/(\d+)/reveal"', html).group(1))
    assert shown in (ids["wh1"], ids["mcq1"])


@pytest.mark.parametrize("key", TYPED)
def test_the_front_of_a_card_holds_neither_its_answer_nor_its_source(me: FlaskClient, session: Session,
                                                                     student: models.User, key: str) -> None:
    card = cards_by_key(session, student)[key]
    q = sample_bank().questions[[x.key for x in sample_bank().questions].index(key)]
    html = me.get(f"/review/{card.id}").get_data(as_text=True)
    assert f'name="q-{card.id}"' in html and "أظهر الجواب" in html
    text = words(html)  # what a reader sees, <bdi> and <mark> aside
    assert q.answer not in text and "40.27" not in text and words(q.source.text) not in text
    assert not any(a in text for a in q.accepted)
    back = reveal(me, card.id)
    assert q.answer in words(back) and words(q.source.text) in words(back) and "<mark>" in back


def test_a_typed_answer_is_kept_graded_and_the_ratings_say_when_the_card_comes_back(me: FlaskClient,
                                                                                   session: Session,
                                                                                   student: models.User) -> None:
    card_id = card_ids(session, student)["num1"]
    back = reveal(me, card_id, "٤٠٫٢٧")
    assert "✓ صحيحة" in back and "40.27" in back
    labels = re.findall(r'<span class="rate-label">([^<]+)</span>\s*<span class="rate-wait">([^<]+)</span>', back)
    assert [label for label, _ in labels] == ["لم أتذكّر", "بصعوبة", "تذكّرت", "بسهولة"]
    assert all(wait.startswith("بعد ") for _, wait in labels)
    assert 'value="3" class="button rate-3 suggested"' in back
    wrong = reveal(me, card_ids(session, student)["wh1"], "أمس")
    assert "✗ ليست هي" in wrong and 'value="1" class="button rate-1 suggested"' in wrong


def test_rating_moves_on_to_the_next_card_and_a_double_click_records_one_review(
        me: FlaskClient, session: Session, student: models.User) -> None:
    card_id = card_ids(session, student)["short1"]
    form = rate_form(reveal(me, card_id))
    for _ in range(2):
        r = me.post(f"/review/{card_id}/rate", data={**form, "rating": "3", "timezone": "Asia/Riyadh"})
        assert r.status_code == 302 and r.location == "/review"
    assert reviews(session) == 1
    with me.session_transaction() as sess:
        assert sess["tz"] == "Asia/Riyadh"


def test_ratings_sent_at_once_from_several_tabs_record_one_review(app: Flask, session: Session,
                                                                  student: models.User, quiz) -> None:
    tabs = []
    for _ in range(5):
        c = app.test_client()
        login(c, student)
        tabs.append(c)
    tabs[0].get("/review")
    card_id = card_ids(session, student)["tf1"]
    form = rate_form(reveal(tabs[0], card_id))
    # The CSRF token is per session cookie: each tab reads its own.
    forms = [form] + [{**form, "csrf_token": token(t)} for t in tabs[1:]]
    barrier, codes = threading.Barrier(len(tabs)), []

    def send(i: int) -> None:
        barrier.wait()
        codes.append(tabs[i].post(f"/review/{card_id}/rate", data={**forms[i], "rating": str(1 + i % 4)}).status_code)

    threads = [threading.Thread(target=send, args=(i,)) for i in range(len(tabs))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert codes == [302] * len(tabs)
    assert reviews(session) == 1


def test_a_rating_before_the_answer_was_shown_goes_back_to_the_card(me: FlaskClient, session: Session,
                                                                    student: models.User) -> None:
    card = cards_by_key(session, student)["short1"]
    r = me.post(f"/review/{card.id}/rate", data={"csrf_token": token(me), "seq": str(card.reps), "rating": "4"})
    assert r.status_code == 302 and r.location == f"/review/{card.id}"
    assert reviews(session) == 0


@pytest.mark.parametrize("data", [{"rating": "5"}, {"rating": "x"}, {"rating": "3", "seq": "a"}, {}])
def test_a_malformed_rating_is_a_bad_request(me: FlaskClient, session: Session, student: models.User,
                                             data: dict[str, str]) -> None:
    card_id = card_ids(session, student)["short1"]
    form = rate_form(reveal(me, card_id))
    assert me.post(f"/review/{card_id}/rate", data={**form, **data}).status_code == 400
    assert reviews(session) == 0


def test_another_students_cards_are_not_found(app: Flask, me: FlaskClient, session: Session,
                                              make_user, make_quiz) -> None:
    other = make_user()
    take(session, make_quiz(), other)
    login(me, other)
    me.get("/review")  # fills the other student's queue
    theirs = cards_by_key(session, other)["short1"]
    mine_client = app.test_client()
    login(mine_client, session.get(models.User, 1))
    t = token(mine_client)
    assert mine_client.get(f"/review/{theirs.id}").status_code == 404
    assert mine_client.post(f"/review/{theirs.id}/reveal", data={"csrf_token": t}).status_code == 404
    assert mine_client.post(f"/review/{theirs.id}/autosave", data={f"q-{theirs.id}": "x"},
                            headers={"X-CSRFToken": t}).status_code == 404
    assert mine_client.post(f"/review/{theirs.id}/rate",
                            data={"csrf_token": t, "seq": "1", "rating": "3"}).status_code == 404
    assert mine_client.get("/review/999999").status_code == 404
    assert mine_client.get(f"/review/{2**70}").status_code == 404
    session.expire_all()
    assert session.get(models.StudyCard, theirs.id).revealed_at is None


def test_every_study_post_needs_its_csrf_token(me: FlaskClient, session: Session, student: models.User) -> None:
    card_id = card_ids(session, student)["short1"]
    assert me.post(f"/review/{card_id}/reveal", data={f"q-{card_id}": "x"}).status_code == 400
    assert me.post(f"/review/{card_id}/autosave", data={f"q-{card_id}": "x"}).status_code == 400
    assert me.post(f"/review/{card_id}/rate", data={"seq": "1", "rating": "3"}).status_code == 400
    session.expire_all()
    card = session.get(models.StudyCard, card_id)
    assert (card.response, card.revealed_at) == (None, None)


def test_the_typed_answer_is_autosaved_until_the_answer_is_shown(me: FlaskClient, session: Session,
                                                                 student: models.User) -> None:
    card_id = card_ids(session, student)["wh1"]
    t = token(me)
    r = me.post(f"/review/{card_id}/autosave", data={f"q-{card_id}": "  24   ديسمبر "}, headers={"X-CSRFToken": t})
    assert r.status_code == 200 and r.get_json() == {"ok": True}
    html = me.get(f"/review/{card_id}").get_data(as_text=True)
    assert 'value="24 ديسمبر"' in html and "data-autosave-url" in html
    back = reveal(me, card_id)  # nothing typed in the form: the saved answer is the one graded
    assert "✓ صحيحة" in back
    r = me.post(f"/review/{card_id}/autosave", data={f"q-{card_id}": "later"}, headers={"X-CSRFToken": t})
    assert r.status_code == 409 and r.get_json()["redirect"] == f"/review/{card_id}"


def test_the_home_page_counts_the_cards_due_for_students_only(client: FlaskClient, session: Session,
                                                              student: models.User, quiz, make_user) -> None:
    assert "مراجعة اليوم" not in client.get("/").get_data(as_text=True)
    login(client, make_user(role="guest"))
    assert "عليك اليوم" not in client.get("/").get_data(as_text=True)
    login(client, student)
    html = client.get("/").get_data(as_text=True)
    assert "عليك اليوم 8 بطاقات" in html and 'href="/review"' in html


def test_a_guest_is_offered_to_keep_the_facts_and_the_attempt_comes_along(client: FlaskClient, session: Session,
                                                                          make_quiz, monkeypatch) -> None:
    from teacher_helpers import use_fast_password_hashing

    use_fast_password_hashing(monkeypatch)
    quiz = make_quiz()
    r = client.post(f"/q/{quiz.code}/start", data={"csrf_token": csrf(client, f"/q/{quiz.code}"), "name": "ليلى"})
    attempt_id = int(r.location.rsplit("/", 1)[1])
    client.post(f"/attempt/{attempt_id}/submit", data={"csrf_token": csrf(client, f"/attempt/{attempt_id}")})
    result = client.get(f"/attempt/{attempt_id}/result").get_data(as_text=True)
    assert "احتفظ بما تعلّمته" in result
    link = re.search(r'href="(/register\?next=[^"]+)"', result).group(1)
    assert link == "/register?next=/review"
    r = client.post(link, data={"csrf_token": csrf(client, link), "name": "ليلى", "email": "layla@example.org",
                                "password": "secret-pass", "confirm": "secret-pass"})
    assert r.status_code == 302 and r.location == "/review"
    html = client.get("/review").get_data(as_text=True)
    assert "بقي للمراجعة 8 بطاقات" in html  # nothing answered: every fact comes back
    user = session.scalars(select(models.User).where(models.User.email == "layla@example.org")).one()
    assert session.get(models.Attempt, attempt_id).user_id == user.id
    assert len(cards_by_key(session, user)) == 8
    other = client.get(f"/attempt/{attempt_id}/result").get_data(as_text=True)
    assert "احتفظ بما تعلّمته" not in other and 'href="/review"' in other


def figure(html: str, name: str) -> str:
    m = re.search(rf'data-figure="{name}">(.*?)</dd>', html, re.S)
    assert m, name
    return re.sub(r"<[^>]+>", "", m.group(1)).strip()


def test_the_progress_page_moves_with_the_reviews(me: FlaskClient, session: Session, student: models.User) -> None:
    before = me.get("/review/progress").get_data(as_text=True)
    assert (figure(before, "due-now"), figure(before, "reviews"), figure(before, "streak")) == (
        "8 بطاقات", "لا شيء بعد", "لا شيء بعد")
    assert figure(before, "retention") == "—" and "<svg" in before and before.count('class="chart-bar') == 30
    for key in ("tf1", "cloze1"):
        card_id = card_ids(session, student)[key]
        me.post(f"/review/{card_id}/rate", data={**rate_form(reveal(me, card_id)), "rating": "4"})
    after = me.get("/review/progress").get_data(as_text=True)
    assert (figure(after, "reviews"), figure(after, "reviews-today"), figure(after, "streak")) == (
        "مراجعتان", "مراجعتان", "يوم واحد")
    assert figure(after, "due-now") == "6 بطاقات"
    assert 'data-value="2"><title>' in after  # today's bar


def test_the_students_deck_has_the_quiz_decks_guids(me: FlaskClient, quiz: models.Quiz) -> None:
    def guids(data: bytes) -> set[str]:
        with zipfile.ZipFile(io.BytesIO(data)) as z, tempfile.NamedTemporaryFile(suffix=".anki2") as f:
            f.write(z.read("collection.anki2"))
            f.flush()
            conn = sqlite3.connect(f.name)
            try:
                return {row[0] for row in conn.execute("SELECT guid FROM notes")}
            finally:
                conn.close()

    mine = me.get("/review/cards.apkg")
    assert mine.status_code == 200 and mine.headers["Content-Disposition"].startswith("attachment;")
    assert mine.headers["Cache-Control"] == "private, no-store"
    deck = me.get(f"/export/quiz/{quiz.id}.anki")
    assert deck.status_code == 200
    assert guids(mine.data) == guids(deck.data) and len(guids(mine.data)) == 8


def test_a_student_without_cards_is_told_there_is_no_deck_yet(client: FlaskClient, make_user) -> None:
    login(client, make_user())
    r = client.get("/review/cards.apkg")
    assert r.status_code == 302 and r.location == "/review/progress"
    assert "لا شيء للمراجعة الآن" in client.get("/review").get_data(as_text=True)


def test_class_mastery_is_for_the_classs_teacher_only(app: Flask, client: FlaskClient, session: Session,
                                                      make_user, make_quiz, student: models.User) -> None:
    teacher, other = make_user(role="teacher"), make_user(role="teacher")
    school_class = class_service.create_class(session, teacher.id, "الصف الثاني")
    row = make_quiz(bank=sample_bank("mastery-article"), owner_id=teacher.id)
    class_service.assign(session, teacher.id, row.id, [school_class.id])
    class_service.join(session, school_class, student, "سارة")
    take(session, row, student, missed=("num1",))
    login(client, student)
    client.get("/review")
    path = f"/teacher/classes/{school_class.id}/mastery"
    assert client.get(path).status_code == 403
    assert app.test_client().get(path).status_code == 302
    login(client, other)
    assert client.get(path).status_code == 404
    login(client, teacher)
    assert f'href="{path}"' in client.get(f"/teacher/classes/{school_class.id}").get_data(as_text=True)
    html = client.get(path).get_data(as_text=True)
    assert "يراجع طالب واحد من طالب واحد" in html
    rows = re.findall(r'<tr data-fact="([^"]+)"', html)
    assert rows[0] == "num1" and len(rows) == 8
