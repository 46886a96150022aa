"""In a real browser (Debian's Chromium via Playwright): join the built-in quiz, answer, reload, submit, review.

The app runs in a server thread on a free 127.0.0.1 port with a temp SQLite database. Screenshots of
the quiz page (mobile viewport) and the review page go to tests/artifacts/; the quiz one is copied to
docs/screenshots/quiz.png for the README when missing or when FAHIM_UPDATE_SCREENSHOTS=1.
"""

from __future__ import annotations

import json
import os
import pathlib
import shutil
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from flask import Flask
from playwright.sync_api import Browser, Page, expect
from sqlalchemy import select
from werkzeug.serving import make_server

from conftest import sample_bank
from questions.kinds import shape
from questions.model import Question
from quiz import create_app, models
from quiz.db import get_db
from quiz.services import banks as bank_service
from quiz.services import quizzes as quiz_service

ROOT = pathlib.Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "tests" / "artifacts"
README_SHOT = ROOT / "docs" / "screenshots" / "quiz.png"
MOBILE = {"width": 390, "height": 844}
SAVED = "حُفظت إجاباتك ✓"
# True when a question's inputs hold an answer (a checked radio, a typed value, a chosen option, a rank).
HAS_ANSWER = """box => [...box.querySelectorAll('input, select')]
    .some(el => el.type === 'radio' ? el.checked : el.value !== '')"""
# The answer a question's inputs hold, as one string (checked radios' values, then typed or chosen values).
ANSWER_OF = """box => [...box.querySelectorAll('input, select')]
    .map(el => el.type === 'radio' ? (el.checked ? el.value : '') : el.value).join('|')"""


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Flask]]:
    """Serve a freshly seeded app from a thread; yield (base URL, app)."""
    tmp = tmp_path_factory.mktemp("e2e")
    app = create_app({"INSTANCE_PATH": str(tmp / "instance"), "DATABASE_URL": f"sqlite:///{tmp / 'e2e.sqlite3'}",
                      "SECRET_KEY": "e2e-secret", "RATELIMIT_ENABLED": False})
    httpd = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}", app
    httpd.shutdown()
    thread.join(timeout=5)
    get_db(app).engine.dispose()



def question_of(app: Flask, qq_id: int) -> Question:
    """Read a question's key from the server's database (the page itself never holds it)."""
    with get_db(app).session() as s:
        qq = s.get(models.QuizQuestion, qq_id)
        assert qq is not None
        return bank_service.load_question(qq.data_json)


def answer(page: Page, app: Flask, box: Any, *, wrong: bool = False) -> tuple[str, bool]:
    """Answer the question in ``box`` right (or wrong, for one-value kinds); return (kind, answered wrong)."""
    qid = int(box.get_attribute("data-qid"))
    q = question_of(app, qid)
    name = f"q-{qid}"
    form = shape(q)
    if box.locator("input[type=radio]").count():
        options = [o for o in q.choices if o != q.answer] if wrong else [q.answer]
        box.locator(f"input[type=radio][value='{options[0]}']").check()
        return q.kind, wrong
    elif form == "matching":
        pairs = dict(q.pairs)
        for i in range(len(pairs)):
            select_el = box.locator(f"select[name='{name}-r{i}']")
            left = box.locator(f"label[for='{name}-r{i}']").inner_text().strip()
            select_el.select_option(value=pairs[left])
    elif form == "ordering":
        for j in range(len(q.items)):
            label = box.locator(f"label[for='{name}-i{j}']").inner_text().strip()
            box.locator(f"input[name='{name}-i{j}']").fill(str(list(q.items).index(label) + 1))
    else:
        box.locator(f"input[name='{name}']").fill("جواب خاطئ" if wrong else q.answer)
        return q.kind, wrong
    return q.kind, False


def wait_saved(page: Page) -> None:
    expect(page.locator("[data-save-status]")).to_have_text(SAVED, timeout=30_000)


def test_a_student_joins_the_built_in_quiz_answers_reloads_submits_and_reviews(
        server: tuple[str, Flask], browser: Browser) -> None:
    base, app = server
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "quiz.png").unlink(missing_ok=True)
    context = browser.new_context(viewport=MOBILE, device_scale_factor=2, is_mobile=True, has_touch=True,
                                  locale="ar")
    page = context.new_page()
    page.on("dialog", lambda d: d.accept())
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    # Console errors include Content-Security-Policy violations and failed resource loads.
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)

    page.goto(base + "/")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.get_by_text("ASFURA").first).to_be_visible()
    page.fill("input[name=code]", "asfura")
    page.get_by_role("button", name="انضم").click()
    page.fill("input[name=name]", "ليلى")
    page.get_by_role("button", name="ابدأ الاختبار").click()
    expect(page.locator("[data-timer-value]")).not_to_have_text("--:--")

    total = int(page.locator("#progress").get_attribute("max") or 0)
    assert total >= 6
    kinds: list[str] = []
    wrong_done = False
    first_answer: tuple[str, str] | None = None
    for number in range(1, total + 1):
        expect(page.locator(".page-of")).to_have_text(f"السؤال {number} من {total}")
        box = page.locator("fieldset.question")
        kind, was_wrong = answer(page, app, box, wrong=number >= 2 and not wrong_done)
        kinds.append(kind)
        wrong_done = wrong_done or was_wrong
        if kind == "mcq" and not (ARTIFACTS / "quiz.png").exists():
            wait_saved(page)
            page.screenshot(path=str(ARTIFACTS / "quiz.png"))
        if first_answer is None:
            first_answer = (page.url, box.evaluate(ANSWER_OF))
        wait_saved(page)
        if number == 3:
            # Mid-quiz reload: the answer saved by autosave is still there, and progress too.
            page.reload()
            expect(page.locator("[data-done-count]")).to_have_text("3")
            assert page.locator("fieldset.question").evaluate(HAS_ANSWER)
        if number < total:
            page.get_by_role("button", name="التالي ←").click()

    # Going back to the first question shows the answer given there.
    assert first_answer is not None and first_answer[1]
    page.goto(first_answer[0])
    assert page.locator("fieldset.question").evaluate(ANSWER_OF) == first_answer[1]
    page.locator(".q-dot").nth(total - 1).click()
    expect(page.locator("[data-done-count]")).to_have_text(str(total))
    page.get_by_role("button", name="إرسال الإجابات").click()

    expect(page.locator("h1")).to_have_text("النتيجة")
    expect(page.get_by_role("heading", name="مراجعة الإجابات")).to_be_visible()
    assert page.locator(".review-item").count() == total
    expect(page.locator("time[data-local]")).not_to_contain_text("UTC")  # shown in the reader's zone
    assert page.locator(".review-item.is-wrong").count() == 1
    sources = page.locator(".review-item .source").count()
    assert sources >= total - 2 and page.locator(".review-item .source mark").count() == sources
    percent = page.locator(".score-percent").inner_text()
    assert percent.replace("\u200f", "").strip() == f"{round(100 * (total - 1) / total)}%"
    assert len(set(kinds)) >= 3 and "true_false" in kinds
    page.set_viewport_size({"width": 1000, "height": 900})
    page.screenshot(path=str(ARTIFACTS / "review.png"), full_page=True)

    page.get_by_role("button", name="أعد المحاولة في أخطائي (1)").click()
    expect(page.locator(".badge")).to_have_text("تدريب على الأخطاء")
    expect(page.locator("fieldset.question")).to_have_count(1)
    assert not errors, errors
    context.close()

    assert (ARTIFACTS / "quiz.png").exists()
    if not README_SHOT.exists() or os.environ.get("FAHIM_UPDATE_SCREENSHOTS") == "1":
        README_SHOT.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ARTIFACTS / "quiz.png", README_SHOT)


def test_every_kind_of_question_works_in_the_browser_with_drag_and_offline_saving(
        server: tuple[str, Flask], browser: Browser) -> None:
    base, app = server
    with get_db(app).session() as s:
        row = bank_service.save_bank(s, sample_bank("e2e-sample"), None, status="approved")
        quiz = quiz_service.create_quiz(s, bank_id=row.id, title="كل الأنواع",
                                        bank_question_ids=[q.id for q in row.questions], layout="all_on_one")
        code = quiz.code
    context = browser.new_context(viewport={"width": 1000, "height": 900}, locale="ar")
    page = context.new_page()
    page.on("dialog", lambda d: d.accept())
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(f"{base}/q/{code}")
    page.fill("input[name=name]", "عمر")
    page.get_by_role("button", name="ابدأ الاختبار").click()
    boxes = page.locator("fieldset.question")
    expect(boxes).to_have_count(8)  # waits for the page: a loaded machine may take a moment

    # Ordering by drag: drag the rows into the right order; the rank inputs follow.
    ordering = page.locator("fieldset.shape-ordering")
    q = question_of(app, int(ordering.get_attribute("data-qid") or 0))
    for target_index, item in enumerate(q.items):
        rows = ordering.locator("li.order-item")
        source = rows.filter(has_text=item)
        source.drag_to(rows.nth(target_index), target_position={"x": 20, "y": 2})
    ranks = {ordering.locator("li.order-item").nth(i).locator(".order-text").inner_text().strip():
             ordering.locator("li.order-item").nth(i).locator("input.rank").input_value()
             for i in range(len(q.items))}
    assert ranks == {item: str(i + 1) for i, item in enumerate(q.items)}
    wait_saved(page)

    # Offline: answers wait in localStorage; the page is closed before the connection returns, and
    # opening the attempt again restores and saves them.
    context.set_offline(True)
    kinds = [answer(page, app, boxes.nth(i))[0] for i in range(8)
             if "shape-ordering" not in (boxes.nth(i).get_attribute("class") or "")]
    page.wait_for_timeout(1000)  # past the typing debounce, so the last answer was tried too
    expect(page.locator("[data-save-status]")).to_have_attribute("data-state", "offline", timeout=10_000)
    url = page.url
    page.close()
    errors.clear()  # offline fetches fail on purpose
    context.set_offline(False)
    page = context.new_page()
    page.on("dialog", lambda d: d.accept())
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(url)
    wait_saved(page)
    expect(page.locator("[data-done-count]")).to_have_text("8")
    page.reload()
    expect(page.locator("[data-done-count]")).to_have_text("8")  # stored on the server, not just shown
    assert sorted(kinds + ["ordering"]) == sorted(["mcq", "true_false", "cloze", "wh", "short", "numeric",
                                                   "matching", "ordering"])

    page.get_by_role("button", name="إرسال الإجابات").click()
    expect(page.locator(".score-percent")).to_contain_text("100%")
    with get_db(app).session() as s:
        attempt = s.scalars(select(models.Attempt).where(models.Attempt.quiz_id == quiz.id)).one()
        assert (attempt.score, attempt.max_score) == (8.0, 8.0)
        assert json.loads(attempt.question_ids_json)
    assert not errors, errors
    context.close()
