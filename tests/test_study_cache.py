"""The review page bench/run.py measures is served from a per-worker cache keyed on one query's state:
the same page as a fresh render, and never a stale or someone else's one."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from conftest import csrf, login
from quiz import models
from quiz.views.studycache import EXTENSION_KEY
from study_helpers import cards_by_key, take

pytestmark = pytest.mark.no_seed


def cached(app: Flask) -> int:
    cache = app.extensions.get(EXTENSION_KEY)
    return 0 if cache is None else len(cache.pages)


def shown(html: str) -> int:
    return int(re.search(r'action="/review/(\d+)/reveal"', html).group(1))


@pytest.fixture
def student(session: Session, make_user: Callable[..., models.User], make_quiz) -> models.User:
    user = make_user()
    take(session, make_quiz(), user, missed=("wh1",))
    return user


@pytest.fixture
def me(client: FlaskClient, student: models.User) -> FlaskClient:
    login(client, student)
    client.get("/review")  # fills the queue and puts the CSRF secret in the session
    return client


def test_a_review_page_seen_again_is_the_same_page_from_the_cache(app: Flask, me: FlaskClient) -> None:
    first = me.get("/review").get_data(as_text=True)
    assert cached(app) == 1
    assert me.get("/review").get_data(as_text=True) == first
    assert cached(app) == 1 and "/reveal" in first


def test_what_changes_the_page_shows_on_the_next_view(app: Flask, me: FlaskClient, session: Session,
                                                      student: models.User, make_quiz) -> None:
    card_id = shown(me.get("/review").get_data(as_text=True))
    token = csrf(me, "/review")
    me.post(f"/review/{card_id}/autosave", data={f"q-{card_id}": "كلمة محفوظة"}, headers={"X-CSRFToken": token})
    assert 'value="كلمة محفوظة"' in me.get("/review").get_data(as_text=True)
    # The answer shown: the back, never the cached front.
    me.post(f"/review/{card_id}/reveal", data={"csrf_token": token})
    html = me.get("/review").get_data(as_text=True)
    assert 'class="study-rate"' in html and "/reveal" not in html
    seq = re.search(r'name="seq" type="hidden" value="(\d+)"', html).group(1)
    me.post(f"/review/{card_id}/rate", data={"csrf_token": token, "seq": seq, "rating": "4"})
    html = me.get("/review").get_data(as_text=True)
    assert shown(html) != card_id and "بقي للمراجعة 7 بطاقات" in html
    # A quiz handed in meanwhile feeds the queue before the page is served.
    take(session, make_quiz(), student)
    assert "بقي للمراجعة 15 بطاقة" in me.get("/review").get_data(as_text=True)
    # A renamed article shows its new title.
    card = session.get(models.StudyCard, shown(me.get("/review").get_data(as_text=True)))
    article = session.get(models.Article, card.article_id)
    article.title = "عنوان جديد للمقال"
    session.commit()
    assert "عنوان جديد للمقال" in me.get("/review").get_data(as_text=True)


def test_a_cached_review_page_is_never_served_to_someone_else(app: Flask, me: FlaskClient, session: Session,
                                                               make_user, make_quiz, student: models.User) -> None:
    mine = me.get("/review").get_data(as_text=True)
    other = make_user()
    take(session, make_quiz(), other)
    theirs = app.test_client()
    login(theirs, other)
    theirs.get("/review")
    assert shown(theirs.get("/review").get_data(as_text=True)) in {c.id for c in cards_by_key(session, other).values()}
    assert shown(mine) in {c.id for c in cards_by_key(session, student).values()}
    # A copied cookie after signing out (the session version moved) is turned away, not served the page.
    token = csrf(me, "/review")
    me.post("/logout", data={"csrf_token": token})
    stale = app.test_client()
    login(stale, student)
    with stale.session_transaction() as sess:
        sess["sv"] = 0
        sess["csrf_token"] = "x" * 40
    assert stale.get("/review").status_code == 302
    guest = app.test_client()
    login(guest, make_user(role="guest"))
    assert guest.get("/review").status_code == 302
