"""Studying between quizzes in Debian's Chromium: a student takes a class quiz, misses two questions,
reviews the cards on a phone-sized screen (typing, the keys 1-4, a reload losing nothing), and the
progress page and the teacher's class mastery move accordingly; axe-core on every study page.

The app runs in a server thread with its mastery threshold at 3 days, which a fact answered right in
the quiz and then rated Easy reaches (FSRS: about 3.9 days) and a missed one does not.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from flask import Flask
from playwright.sync_api import Browser, Page, expect
from sqlalchemy import func, select
from werkzeug.serving import make_server

from conftest import sample_bank
from questions.model import Bank
from quiz import create_app, models
from quiz.db import get_db
from quiz.services import banks as bank_service
from quiz.services import classes as class_service
from quiz.services import quizzes as quiz_service
from quiz.services import users as user_service

PHONE = {"width": 390, "height": 844}
PASSWORD = "secret-pass"
MISSED = ("wh1", "mcq1")
AXE = Axe()


@pytest.fixture
def server(tmp_path: Any) -> Iterator[tuple[str, Flask, str]]:
    """Serve an app with a teacher, a class with a student, and a quiz for the class; yield (URL, app, code)."""
    app = create_app({"INSTANCE_PATH": str(tmp_path / "instance"), "SECRET_KEY": "e2e-study",
                      "DATABASE_URL": f"sqlite:///{tmp_path / 'study.sqlite3'}", "SEED_ON_START": False,
                      "RATELIMIT_ENABLED": False, "STUDY_MASTERY_DAYS": 3.0})
    full = sample_bank("study-article")
    bank = Bank(article=full.article, questions=tuple(q for q in full.questions if q.kind not in ("matching", "ordering")))
    with get_db(app).session() as s:
        teacher = user_service.create_account(s, name="سلمى", email="salma@example.org", password=PASSWORD,
                                              role="teacher")
        student = user_service.create_account(s, name="يوسف", email="yusuf@example.org", password=PASSWORD)
        school_class = class_service.create_class(s, teacher.id, "الصف العاشر")
        class_service.join(s, school_class, student, "يوسف")
        row = bank_service.save_bank(s, bank, teacher.id, status="approved")
        quiz = quiz_service.create_quiz(s, bank_id=row.id, title="أخبار الأسبوع", owner_id=teacher.id,
                                        bank_question_ids=[q.id for q in row.questions], layout="all_on_one")
        class_service.assign(s, teacher.id, quiz.id, [school_class.id])
        code, class_id = quiz.code, school_class.id
    httpd = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}", app, f"{code}:{class_id}"
    httpd.shutdown()
    thread.join(timeout=5)
    get_db(app).engine.dispose()


class Watch:
    """Console errors (CSP violations among them) and axe-core's serious or critical findings."""

    def __init__(self) -> None:
        self.errors: list[str] = []
        self.problems: list[str] = []

    def page(self, page: Page) -> Page:
        page.on("console", lambda m: self.errors.append(f"{page.url}: {m.text}") if m.type == "error" else None)
        page.on("pageerror", lambda exc: self.errors.append(f"{page.url}: {exc}"))
        return page

    def axe(self, page: Page) -> None:
        page.wait_for_load_state("domcontentloaded")
        for v in AXE.run(page).response["violations"]:
            if v["impact"] in ("serious", "critical"):
                self.problems.append(f"{page.url}: {v['id']} {[n['target'] for n in v['nodes']][:3]}")


def sign_in(page: Page, base: str, email: str) -> None:
    page.goto(base + "/login")
    page.fill("#email", email)
    page.fill("#password", PASSWORD)
    page.get_by_role("button", name="دخول").click()
    page.wait_for_url(re.compile(r"/(me/attempts|teacher/)$"))


def question(app: Flask, qq_id: int) -> Any:
    with get_db(app).session() as s:
        qq = s.get(models.QuizQuestion, qq_id)
        assert qq is not None
        return bank_service.load_question(qq.data_json)


def card_question(app: Flask, card_id: int) -> Any:
    with get_db(app).session() as s:
        card = s.get(models.StudyCard, card_id)
        assert card is not None
        return bank_service.load_question(card.question_json)


def keys_ready(page: Page) -> None:
    """Wait until the page's deferred scripts ran (the keys 1-4 are listened to from then on)."""
    page.wait_for_load_state("domcontentloaded")


def mastery_row(page: Page, key: str) -> dict[str, str]:
    row = page.locator(f'tr[data-fact="{key}"]')
    return {cell: row.locator(f'[data-cell="{cell}"]').inner_text().strip() for cell in ("mastered", "forgotten")}


def test_a_student_misses_two_reviews_the_cards_and_progress_and_class_mastery_follow(
        server: tuple[str, Flask, str], browser: Browser) -> None:
    base, app, ids = server
    code, class_id = ids.split(":")
    watch = Watch()
    teacher = watch.page(browser.new_context(locale="ar").new_page())
    sign_in(teacher, base, "salma@example.org")
    mastery_path = f"{base}/teacher/classes/{class_id}/mastery"

    # The student takes the class quiz on a phone and misses two questions.
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, has_touch=True, locale="ar")
    page = watch.page(context.new_page())
    page.on("dialog", lambda d: d.accept())
    sign_in(page, base, "yusuf@example.org")
    page.goto(f"{base}/q/{code}")
    page.get_by_role("button", name="ابدأ الاختبار").click()
    for box in page.locator("fieldset.question").all():
        q = question(app, int(box.get_attribute("data-qid")))
        wrong = q.key in MISSED
        if box.locator("input[type=radio]").count():
            value = next(c for c in q.choices if c != q.answer) if wrong else q.answer
            box.locator(f"input[type=radio][value='{value}']").check()
        else:
            box.locator("input[type=text]").fill("جواب خاطئ" if wrong else q.answer)
    page.get_by_role("button", name="إرسال الإجابات").first.click()
    page.wait_for_url(re.compile(r"/result$"))
    page.get_by_role("link", name=re.compile("راجع معلومات هذا الاختبار")).click()

    # Before any review: the teacher sees nothing mastered yet; the student's progress is empty.
    teacher.goto(mastery_path)
    expect(teacher.locator('[data-figure="studying"]')).to_contain_text("يراجع طالب واحد")
    expect(teacher.locator('[data-figure="article-mastery"]')).to_contain_text("0%")
    assert mastery_row(teacher, "wh1") == {"mastered": "0 (0%)", "forgotten": "1"}
    watch.axe(teacher)

    # The review page: one card at a time, a missed one first, no answer on the front.
    page.wait_for_url(re.compile(r"/review$"))
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("[data-study-left]")).to_have_text("بقي للمراجعة 6 بطاقات")
    watch.axe(page)
    first_id = int(re.search(r"/review/(\d+)/reveal", page.locator("form.study-card").get_attribute("action")).group(1))
    first = card_question(app, first_id)
    assert first.key in MISSED
    typed = page.locator("form.study-card input[type=text]")
    if first.kind == "wh":
        assert first.answer not in page.locator("main").inner_text()
        # Typed on the phone, saved as it goes: a reload keeps it.
        typed.fill("24 ديسمبر")
        expect(page.locator("[data-save-status]")).to_have_text("حُفظت إجاباتك ✓", timeout=10_000)
        page.reload()
        expect(typed).to_have_value("24 ديسمبر")
    page.get_by_role("button", name="أظهر الجواب").click()
    expect(page.locator(".study-answer")).to_contain_text(first.answer)
    expect(page.locator("blockquote.source mark")).to_be_visible()
    watch.axe(page)
    page.screenshot(path=str(_artifacts() / "study-card.png"), full_page=True)
    keys_ready(page)
    page.keyboard.press("1")  # Again, from the keyboard
    page.wait_for_url(re.compile(r"/review$"))

    # Every card after that: the answer shown, then Easy (a tap on the phone, or the key 4).
    reviewed = 1
    while page.locator("form.study-card").count():
        assert reviewed < 20, "the queue never emptied"
        page.get_by_role("button", name="أظهر الجواب").click()
        expect(page.locator(".study-rate")).to_be_visible()
        if reviewed % 2:
            keys_ready(page)
            page.keyboard.press("4")
        else:
            page.get_by_role("button", name=re.compile("بسهولة")).click()
        page.wait_for_url(re.compile(r"/review$"))
        reviewed += 1
    expect(page.locator(".study-done h2")).to_have_text("لا شيء للمراجعة الآن")
    assert reviewed == 7  # six cards, the first one twice
    with get_db(app).session() as s:
        assert s.scalar(select(func.count(models.StudyReview.id)).where(models.StudyReview.source == "study")) == 7

    # The student's progress: seven reviews today, nothing due, four of six facts mastered.
    page.get_by_role("link", name="تقدّمي").first.click()
    expect(page.locator('[data-figure="reviews"]')).to_have_text("7 مراجعات")
    expect(page.locator('[data-figure="due-now"]')).to_have_text("لا شيء")
    expect(page.locator('[data-figure="streak"]')).to_have_text("يوم واحد")
    expect(page.locator(".mastery-figure")).to_contain_text("67%")
    expect(page.locator('rect.chart-bar.today')).to_have_attribute("data-value", "7")
    watch.axe(page)
    page.screenshot(path=str(_artifacts() / "study-progress.png"), full_page=True)

    # The teacher's class mastery moved with them: the facts answered right are mastered, the one
    # forgotten twice (the quiz, then Again) leads the list.
    teacher.reload()
    expect(teacher.locator('[data-figure="article-mastery"]')).to_contain_text("67%")
    assert mastery_row(teacher, first.key) == {"mastered": "0 (0%)", "forgotten": "2"}
    assert teacher.locator("tr[data-fact]").first.get_attribute("data-fact") == first.key
    assert mastery_row(teacher, "short1")["mastered"] == "1 (100%)"
    watch.axe(teacher)
    assert watch.problems == [] and watch.errors == []


def _artifacts() -> Any:
    from pathlib import Path

    path = Path(__file__).resolve().parent / "artifacts"
    path.mkdir(parents=True, exist_ok=True)
    return path
