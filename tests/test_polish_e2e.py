"""Browser end to end (Playwright + Debian's Chromium): a teacher in Riyadh types quiz times in Riyadh time
(the page script names the browser's zone), a student in New York reads them in New York time, and a
teacher imports a bank file from the dashboard."""

from __future__ import annotations

import datetime as dt
import json
import re
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from playwright.sync_api import Browser, Page
from sqlalchemy import select
from werkzeug.serving import make_server

from conftest import sample_bank
from quiz import create_app, models
from quiz.db import get_db
from quiz.services import accounts
from quiz.services import banks as bank_service

EMAIL, PASSWORD = "huda@example.org", "a long teacher password"


@pytest.fixture
def live_app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[str, Flask, int]]:
    """Serve a fresh app with one teacher and an approved sample bank; yield (base url, app, bank id)."""
    monkeypatch.setenv("FAHIM_INSTANCE_PATH", str(tmp_path / "instance"))
    app = create_app({"TESTING": True, "SEED_ON_START": False, "SECRET_KEY": "e2e", "RATELIMIT_ENABLED": False,
                      "DATABASE_URL": f"sqlite:///{tmp_path / 'e2e.sqlite3'}"})
    with get_db(app).session() as session:
        teacher = accounts.create_teacher(session, name="الأستاذة هدى", email=EMAIL, password=PASSWORD)
        bank_id = bank_service.save_bank(session, sample_bank("tz-e2e"), teacher.id, status="approved").id
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", app, bank_id
    server.shutdown()
    thread.join(5)
    get_db(app).engine.dispose()



def watch_console(page: Page, errors: list[str]) -> None:
    """Collect console errors (CSP violations, script errors)."""
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))


def sign_in(page: Page, base: str) -> None:
    page.goto(f"{base}/login")
    page.fill("#email", EMAIL)
    page.fill("#password", PASSWORD)
    page.get_by_role("button", name="دخول").click()
    page.wait_for_url(f"{base}/teacher/")


def test_a_teacher_in_riyadh_types_riyadh_times_and_a_student_in_new_york_reads_new_york_times(
        live_app: tuple[str, Flask, int], browser: Browser) -> None:
    base, app, bank_id = live_app
    errors: list[str] = []
    context = browser.new_context(locale="ar", timezone_id="Asia/Riyadh")
    page = context.new_page()
    watch_console(page, errors)
    sign_in(page, base)

    page.goto(f"{base}/teacher/banks/{bank_id}/quizzes/new")
    assert page.input_value("#timezone") == "Asia/Riyadh"
    assert page.locator("[data-timezone-label]").inner_text() == "Asia/Riyadh"
    page.fill("#title", "اختبار بتوقيت الرياض")
    page.fill("#opens_at", "2026-05-01T10:00")
    page.fill("#closes_at", "2099-05-08T23:30")
    page.locator("input[name=questions]").first.check()
    page.get_by_role("button", name="احفظ الاختبار (مسودة)").click()
    page.wait_for_url(re.compile(r"/teacher/quizzes/\d+$"))
    quiz_id = int(page.url.rsplit("/", 1)[1])
    assert "2026-05-01 10:00" in page.content()

    with get_db(app).session() as session:
        quiz = session.get(models.Quiz, quiz_id)
        assert quiz is not None
        assert (quiz.opens_at, quiz.closes_at, quiz.timezone) == \
            (dt.datetime(2026, 5, 1, 7, 0), dt.datetime(2099, 5, 8, 20, 30), "Asia/Riyadh")

    page.goto(f"{base}/teacher/quizzes/{quiz_id}/settings")
    assert page.input_value("#opens_at") == "2026-05-01T10:00"
    page.goto(f"{base}/teacher/quizzes/{quiz_id}")
    page.get_by_role("button", name="انشر الاختبار").click()
    code = page.locator("#join-code").inner_text()
    context.close()

    student = browser.new_context(locale="ar", timezone_id="America/New_York")
    spage = student.new_page()
    watch_console(spage, errors)
    spage.goto(f"{base}/q/{code}")
    opens = spage.locator("time[data-local]").first
    assert opens.get_attribute("datetime") == "2026-05-01T07:00:00Z"
    # 07:00 UTC is 3:00 in the morning in New York (summer time); the page script rewrote the UTC text
    # in the page's language (Arabic: "3:00 ص").
    text = opens.inner_text()
    assert re.search(r"(?<!\d)3:00", text) and "07:00" not in text and "UTC" not in text, text
    student.close()
    assert errors == []


def test_a_teacher_imports_a_bank_file_from_the_dashboard(live_app: tuple[str, Flask, int], browser: Browser,
                                                          tmp_path: Path) -> None:
    base, app, _ = live_app
    errors: list[str] = []
    context = browser.new_context(locale="ar")
    page = context.new_page()
    watch_console(page, errors)
    sign_in(page, base)
    path = tmp_path / "bank.json"
    path.write_text(json.dumps(sample_bank("from-file").to_dict(), ensure_ascii=False), encoding="utf-8")
    page.locator("#import input[type=file]").set_input_files(str(path))
    page.get_by_role("button", name="استورد البنك").click()
    page.wait_for_url(re.compile(r"/teacher/banks/\d+$"))
    assert "بانتظار مراجعتك" in page.content()
    with get_db(app).session() as session:
        keys = session.scalars(select(models.Article.key).order_by(models.Article.id)).all()
    assert keys[-1] == "from-file"
    context.close()
    assert errors == []
