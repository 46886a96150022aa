"""Quiz times: a teacher types them in their browser's zone, the database keeps UTC, and the teacher reads
them back as typed; students read them in their own zone (the page script), with UTC in <time>."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from conftest import sample_bank
from questions.leaks import leak_free
from quiz import models, timezones
from quiz.services import banks as bank_service
from teacher_helpers import Browser, sign_in

pytestmark = pytest.mark.no_seed

MakeUser = Callable[..., models.User]
ROOT = Path(__file__).resolve().parent.parent


# --- the conversions -----------------------------------------------------------------------------

@pytest.mark.parametrize("name,expected", [
    ("Asia/Riyadh", "Asia/Riyadh"),
    ("Africa/Cairo", "Africa/Cairo"),
    ("America/Argentina/Buenos_Aires", "America/Argentina/Buenos_Aires"),
    ("Etc/GMT-3", "Etc/GMT-3"),
    ("UTC", "UTC"),
    ("utc", "UTC"),
    (" Asia/Riyadh ", "Asia/Riyadh"),
    ("Mars/Olympus_Mons", None),
    ("Asia", None),  # a folder of the tz database, not a zone
    ("../../etc/passwd", None),
    ("/etc/localtime", None),
    ("Asia/Riyadh\x00", None),
    ("<script>alert(1)</script>", None),
    ("A" * 65, None),
    ("", None),
    (None, None),
    (3, None),
])
def test_only_real_iana_zone_names_are_accepted(name: object, expected: str | None) -> None:
    assert timezones.valid_zone(name) == expected


def test_a_riyadh_wall_clock_time_is_three_hours_ahead_of_utc_both_ways() -> None:
    local = dt.datetime(2026, 5, 1, 10, 0)
    stored = timezones.to_utc(local, "Asia/Riyadh")
    assert stored == dt.datetime(2026, 5, 1, 7, 0)
    assert timezones.from_utc(stored, "Asia/Riyadh") == local
    assert timezones.format_in(stored, "Asia/Riyadh") == "2026-05-01 10:00"
    assert timezones.to_utc(None, "Asia/Riyadh") is None and timezones.format_in(None, "UTC") == "—"


def test_summer_time_is_taken_from_the_date_not_from_today() -> None:
    assert timezones.to_utc(dt.datetime(2026, 1, 15, 12, 0), "Europe/London") == dt.datetime(2026, 1, 15, 12, 0)
    assert timezones.to_utc(dt.datetime(2026, 7, 15, 12, 0), "Europe/London") == dt.datetime(2026, 7, 15, 11, 0)


# --- the teacher's forms -----------------------------------------------------------------------------

@pytest.fixture
def teacher(make_user: MakeUser) -> models.User:
    return make_user("teacher")


@pytest.fixture
def browser(client: FlaskClient, teacher: models.User) -> Browser:
    return sign_in(client, teacher)


@pytest.fixture
def bank_id(session: Session, teacher: models.User) -> int:
    return bank_service.save_bank(session, sample_bank("tz"), teacher.id, status="approved").id


def new_quiz(browser: Browser, session: Session, bank_id: int, **fields: Any) -> Any:
    rows = session.get(models.Bank, bank_id).questions  # type: ignore[union-attr]
    # A quiz picked by hand is refused when one question gives another away: pick those that do not.
    kept = {q.key for q in leak_free([bank_service.load_question(bq.data_json) for bq in rows], "اختبار الوقت")}
    ids = [bq.id for bq in rows if bank_service.load_question(bq.data_json).key in kept]
    data = {"title": "اختبار الوقت", "mode": "pick", "questions": ids, "grading": "highest",
            "layout": "all_on_one", "review": "immediately", **fields}
    return browser.post(f"/teacher/banks/{bank_id}/quizzes/new", data)


def the_quiz(session: Session) -> models.Quiz:
    session.expire_all()
    quiz = session.scalars(select(models.Quiz)).one()
    return quiz


def input_value(html: str, name: str) -> str:
    m = re.search(rf'<input[^>]*name="{name}"[^>]*>', html)
    assert m, name
    value = re.search(r'value="([^"]*)"', m.group(0))
    return value.group(1) if value else ""


def test_a_time_entered_in_riyadh_is_stored_as_utc_and_shown_back_as_entered(
        browser: Browser, session: Session, bank_id: int) -> None:
    r = new_quiz(browser, session, bank_id, opens_at="2026-05-01T10:00", closes_at="2026-05-08T23:30",
                 timezone="Asia/Riyadh")
    assert r.status_code == 302
    quiz = the_quiz(session)
    assert quiz.opens_at == dt.datetime(2026, 5, 1, 7, 0)
    assert quiz.closes_at == dt.datetime(2026, 5, 8, 20, 30)
    assert quiz.timezone == "Asia/Riyadh"

    settings = browser.get(f"/teacher/quizzes/{quiz.id}/settings").get_data(as_text=True)
    assert input_value(settings, "opens_at") == "2026-05-01T10:00"
    assert input_value(settings, "closes_at") == "2026-05-08T23:30"
    assert input_value(settings, "timezone") == "Asia/Riyadh"  # kept: the page script fills only an empty one
    assert re.search(r"data-timezone-label>Asia/Riyadh<", settings)

    page = browser.get(f"/teacher/quizzes/{quiz.id}").get_data(as_text=True)
    assert "2026-05-01 10:00" in page and "2026-05-08 23:30" in page and "Asia/Riyadh" in page


def test_saving_the_settings_unchanged_keeps_the_times(browser: Browser, session: Session, bank_id: int) -> None:
    new_quiz(browser, session, bank_id, opens_at="2026-05-01T10:00", timezone="Asia/Riyadh")
    quiz = the_quiz(session)
    html = browser.get(f"/teacher/quizzes/{quiz.id}/settings").get_data(as_text=True)
    fields = {name: input_value(html, name) for name in ("title", "opens_at", "closes_at", "timezone")}
    r = browser.post(f"/teacher/quizzes/{quiz.id}/settings",
                     {**fields, "grading": "highest", "layout": "all_on_one", "review": "immediately"})
    assert r.status_code == 302
    assert the_quiz(session).opens_at == dt.datetime(2026, 5, 1, 7, 0)


def test_the_settings_form_converts_a_new_time_from_the_teachers_zone(
        browser: Browser, session: Session, bank_id: int) -> None:
    new_quiz(browser, session, bank_id)
    quiz = the_quiz(session)
    r = browser.post(f"/teacher/quizzes/{quiz.id}/settings", {
        "title": "اختبار الوقت", "closes_at": "2030-01-01T12:00", "timezone": "Africa/Cairo",
        "grading": "highest", "layout": "all_on_one", "review": "after_close"})
    assert r.status_code == 302
    quiz = the_quiz(session)
    assert (quiz.closes_at, quiz.timezone) == (dt.datetime(2030, 1, 1, 10, 0), "Africa/Cairo")


@pytest.mark.parametrize("zone", ["Not/AZone", "<script>", "../../etc/passwd", "x" * 500, ""],
                         ids=["unknown", "markup", "a path", "very long", "empty (no JS)"])
def test_an_invalid_zone_falls_back_to_utc_without_an_error(
        browser: Browser, session: Session, bank_id: int, zone: str) -> None:
    r = new_quiz(browser, session, bank_id, opens_at="2026-05-01T10:00", timezone=zone)
    assert r.status_code == 302
    quiz = the_quiz(session)
    assert (quiz.opens_at, quiz.timezone) == (dt.datetime(2026, 5, 1, 10, 0), "UTC")
    assert browser.get(f"/teacher/quizzes/{quiz.id}/settings").status_code == 200


def test_without_a_zone_the_site_default_applies(app: Flask, browser: Browser, session: Session,
                                                bank_id: int) -> None:
    app.config["TIMEZONE"] = "Asia/Riyadh"  # FAHIM_TIMEZONE
    html = browser.get(f"/teacher/banks/{bank_id}/quizzes/new").get_data(as_text=True)
    assert re.search(r"data-timezone-label>Asia/Riyadh<", html)
    assert input_value(html, "timezone") == ""  # left for the page script to fill from the browser
    new_quiz(browser, session, bank_id, opens_at="2026-05-01T10:00", timezone="")
    assert the_quiz(session).opens_at == dt.datetime(2026, 5, 1, 7, 0)


def test_an_invalid_site_default_is_utc(app: Flask, browser: Browser, session: Session, bank_id: int) -> None:
    app.config["TIMEZONE"] = "Nowhere/Land"
    new_quiz(browser, session, bank_id, opens_at="2026-05-01T10:00")
    assert the_quiz(session).opens_at == dt.datetime(2026, 5, 1, 10, 0)


def test_the_browsers_zone_is_remembered_for_a_later_form_sent_without_one(
        browser: Browser, session: Session, bank_id: int) -> None:
    new_quiz(browser, session, bank_id, timezone="Asia/Riyadh")
    quiz = the_quiz(session)
    browser.post(f"/teacher/quizzes/{quiz.id}/settings", {
        "title": "اختبار الوقت", "opens_at": "2026-06-01T09:00", "timezone": "",
        "grading": "highest", "layout": "all_on_one", "review": "immediately"})
    assert the_quiz(session).opens_at == dt.datetime(2026, 6, 1, 6, 0)


def test_a_quiz_made_without_a_zone_is_shown_in_utc(browser: Browser, session: Session,
                                                     make_quiz: Callable[..., models.Quiz],
                                                     teacher: models.User) -> None:
    quiz = make_quiz(owner_id=teacher.id, opens_at=dt.datetime(2026, 5, 1, 7, 0))
    html = browser.get(f"/teacher/quizzes/{quiz.id}/settings").get_data(as_text=True)
    assert input_value(html, "opens_at") == "2026-05-01T07:00" and input_value(html, "timezone") == "UTC"


# --- what students see, and the page script ------------------------------------------------------------

def test_students_get_the_times_in_utc_marked_for_the_page_script_to_localize(
        client: FlaskClient, make_quiz: Callable[..., models.Quiz]) -> None:
    quiz = make_quiz(opens_at=dt.datetime(2026, 5, 1, 7, 0), closes_at=dt.datetime(2099, 5, 8, 20, 30),
                     timezone="Asia/Riyadh")
    html = client.get(f"/q/{quiz.code}").get_data(as_text=True)
    assert '<time datetime="2026-05-01T07:00:00Z" data-local' in html
    assert '<time datetime="2099-05-08T20:30:00Z" data-local' in html


def test_the_page_script_fills_only_an_empty_zone_field_from_the_browser() -> None:
    js = (ROOT / "static" / "js" / "app.js").read_text(encoding="utf-8")
    assert "Intl.DateTimeFormat().resolvedOptions().timeZone" in js
    assert 'input[data-timezone]' in js and "input.value ||" in js


def test_the_quiz_forms_carry_no_inline_script(browser: Browser, session: Session, bank_id: int) -> None:
    html = browser.get(f"/teacher/banks/{bank_id}/quizzes/new").get_data(as_text=True)
    assert 'data-timezone' in html
    assert not re.search(r"<script(?![^>]*\bsrc=)", html) and " onload=" not in html


def test_the_teachers_results_show_submission_times_for_the_page_script_to_localize(
        browser: Browser, session: Session, make_quiz: Callable[..., models.Quiz], make_user: MakeUser,
        teacher: models.User) -> None:
    from quiz.services import attempts as attempt_service

    quiz = make_quiz(owner_id=teacher.id)
    attempt = attempt_service.start_attempt(session, quiz, make_user().id)
    attempt_service.submit(session, attempt)
    html = browser.get(f"/teacher/quizzes/{quiz.id}/results").get_data(as_text=True)
    assert re.search(r'<time datetime="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ" data-local', html)
