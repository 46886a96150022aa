"""Browser end to end (Playwright + Debian's Chromium): a teacher builds and publishes a quiz from a
pasted article with the real generator; two students take it; the teacher reads the results."""

from __future__ import annotations

import csv
import io
import json
import re
import threading
from collections.abc import Iterator

import pytest
from werkzeug.serving import make_server

from quiz import create_app, models
from quiz.db import get_db
from quiz.services import accounts
from teacher_helpers import NEWS_ARTICLE as ARTICLE



TEACHER_EMAIL, TEACHER_PASSWORD = "salma@example.org", "a long teacher password"


@pytest.fixture
def live_app(tmp_path, monkeypatch) -> Iterator[tuple[str, object]]:
    """Serve a fresh app (real generator, no seed) on a free local port in a thread."""
    monkeypatch.setenv("FAHIM_INSTANCE_PATH", str(tmp_path / "instance"))
    app = create_app({"TESTING": True, "SEED_ON_START": False, "SECRET_KEY": "e2e", "RATELIMIT_ENABLED": False,
                      "DATABASE_URL": f"sqlite:///{tmp_path / 'e2e.sqlite3'}"})
    with get_db(app).session() as session:
        accounts.create_teacher(session, name="الأستاذة سلمى", email=TEACHER_EMAIL, password=TEACHER_PASSWORD)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", app
    server.shutdown()
    thread.join(5)
    get_db(app).engine.dispose()



def answers_of(app, code: str) -> dict[int, str]:
    """Return the right answer of each published question, by quiz_question id."""
    from sqlalchemy import select

    with get_db(app).session() as session:
        quiz = session.scalars(select(models.Quiz).where(models.Quiz.code == code)).one()
        return {qq.id: json.loads(qq.data_json)["answer"] for qq in quiz.questions}


def watch_console(page, errors: list[str]) -> None:
    """Collect console errors (CSP violations, failed loads) so the test can fail on them."""
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))


def take_quiz(browser, link: str, name: str, answers: dict[int, str], right: int, errors: list[str]) -> None:
    """Join as a guest and answer: the first ``right`` questions correctly, the rest wrongly."""
    context = browser.new_context(locale="ar")
    page = context.new_page()
    watch_console(page, errors)
    page.on("dialog", lambda dialog: dialog.accept())  # "send your answers now?"
    page.goto(link)
    page.fill("#name", name)
    page.get_by_role("button", name="ابدأ الاختبار").click()
    page.wait_for_selector("fieldset.question")
    for i, fieldset in enumerate(page.locator("fieldset.question").all()):
        qq_id = int(fieldset.get_attribute("data-qid"))
        radios = fieldset.locator("input[type=radio]").all()
        values = [r.get_attribute("value") for r in radios]
        wanted = answers[qq_id] if i < right else next(v for v in values if v != answers[qq_id])
        radios[values.index(wanted)].check()
    page.get_by_role("button", name="إرسال الإجابات").first.click()
    page.wait_for_url(re.compile(r"/result"))
    context.close()


def test_teacher_builds_a_quiz_two_students_take_it_and_the_results_show_both(live_app, browser, tmp_path):
    base, app = live_app
    context = browser.new_context(locale="ar", accept_downloads=True)
    page = context.new_page()
    errors: list[str] = []
    watch_console(page, errors)

    # Sign in.
    page.goto(f"{base}/login")
    page.fill("#email", TEACHER_EMAIL)
    page.fill("#password", TEACHER_PASSWORD)
    page.get_by_role("button", name="دخول").click()
    page.wait_for_url(f"{base}/teacher/")

    # Paste a new article; the bank is generated and the review screen opens.
    page.get_by_role("link", name="مقال جديد").first.click()
    page.fill("#title", "حملة التطعيم ضد شلل الأطفال")
    page.fill("#source", "وكالة الأنباء")
    page.fill("#published_on", "2026-03-02")
    page.fill("#text", ARTICLE)
    page.get_by_role("button", name="أنشئ بنك الأسئلة").click()
    page.wait_for_url(re.compile(r"/teacher/banks/\d+"))
    assert page.locator("article.review").count() >= 6
    assert page.locator("blockquote.source mark").count() >= 1  # the answer highlighted in its sentence

    # Approve everything, then assemble a quiz of multiple-choice and true/false questions.
    page.get_by_role("button", name=re.compile("اعتماد كل الأسئلة")).click()
    page.wait_for_selector(".flash-success")
    page.get_by_role("link", name="كوّن اختبارًا").click()
    page.fill("#title", "اختبار الحملة")
    page.select_option("#layout", "all_on_one")
    for kind, n in (("اختيار من متعدد", 4), ("صح أو خطأ", 2)):
        boxes = page.locator(".pick-list li", has_text=kind).locator("input[type=checkbox]")
        for i in range(min(n, boxes.count())):
            boxes.nth(i).check()
    page.get_by_role("button", name=re.compile("احفظ الاختبار")).click()
    page.get_by_role("button", name="انشر الاختبار").click()
    page.wait_for_selector("#join-code")
    quiz_url = page.url
    code = page.inner_text("#join-code").strip()
    link = page.input_value("#join-link")
    assert re.fullmatch(r"[A-Z2-9]{6}", code) and link.endswith(f"/q/{code}")

    # Two students take it: one gets everything right, the other half.
    answers = answers_of(app, code)
    n = len(answers)
    assert n >= 4
    take_quiz(browser, link, "ليلى", answers, right=n, errors=errors)
    take_quiz(browser, link, "يوسف", answers, right=n // 2, errors=errors)

    # Results: both scores, the histogram and the item statistics.
    page.goto(quiz_url + "/results")
    page.screenshot(path=str(tmp_path / "results.png"), full_page=True)
    table = page.inner_text("#results-table")
    assert "ليلى" in table and "يوسف" in table and "100%" in table
    assert f"{100 * (n // 2) / n:.1f}".rstrip("0").rstrip(".") + "%" in table
    histogram = page.locator("svg.histogram")
    assert histogram.count() == 1 and histogram.get_attribute("role") == "img"
    assert "طالبان" in page.inner_html("svg.histogram desc")
    assert page.locator("#item-table tbody tr").count() == n
    assert page.locator("#item-table .badge.warn").count() >= 1  # some question is flagged
    assert page.locator("script:not([src])").count() == 0  # no inline script on the page

    # The CSV download holds both rows.
    with page.expect_download() as info:
        page.get_by_role("link", name=re.compile("تنزيل النتائج")).click()
    data = (tmp_path / "results.csv")
    info.value.save_as(data)
    raw = data.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert sorted(r[0] for r in rows[1:]) == ["ليلى", "يوسف"]
    context.close()
    assert errors == []  # no CSP violation or failed load on any page, teacher's or students'

