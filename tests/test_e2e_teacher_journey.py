"""The teacher's whole journey in Debian's Chromium, as the README tells it, with axe-core on every page.

A fresh install with no teacher logs a setup address; the first teacher opens it, creates a class,
pastes a saved news page's HTML, checks what was read, generates and reviews the bank in place
(keyboard and bulk selection, no reload), assembles a quiz for the class and publishes it; two
students join the class by its code and take the quiz; a visitor without the class is turned away;
the teacher then reads the results (grades, histogram, item analysis, both CSVs), opens one student's
attempt answer by answer and one question's response distribution. axe-core (shipped inside the pinned axe-playwright-python
package, nothing fetched) must find no serious or critical violation on any page visited.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import re
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect
from sqlalchemy import select
from werkzeug.serving import make_server

from quiz import create_app, models
from quiz.db import get_db

SAVED_PAGE = (Path(__file__).parent / "pages" / "news_page.html").read_text(encoding="utf-8")
AXE = Axe()


@pytest.fixture
def fresh_install(tmp_path, monkeypatch, caplog) -> Iterator[tuple[str, object, str]]:
    """Start a fresh app with no teacher (real generator, no built-in quiz); return its setup address."""
    monkeypatch.setenv("FAHIM_INSTANCE_PATH", str(tmp_path / "instance"))
    with caplog.at_level(logging.WARNING):
        app = create_app({"SEED_ON_START": False, "SECRET_KEY": "journey", "RATELIMIT_ENABLED": False,
                          "DATABASE_URL": f"sqlite:///{tmp_path / 'journey.sqlite3'}"})
    setup_path = re.search(r"(/teacher/setup\?token=[0-9a-f]+)", caplog.text).group(1)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", app, setup_path
    server.shutdown()
    thread.join(5)
    get_db(app).engine.dispose()


class Visits:
    """Every page the journey shows, checked with axe-core; console errors (CSP) collected."""

    def __init__(self) -> None:
        self.problems: list[str] = []
        self.errors: list[str] = []
        self.checked: list[str] = []

    def watch(self, page) -> None:
        page.on("console", lambda m: self.errors.append(f"{page.url}: {m.text}") if m.type == "error" else None)
        page.on("pageerror", lambda exc: self.errors.append(f"{page.url}: {exc}"))

    def check(self, page) -> None:
        """Run axe-core on the page as it is now; keep its serious and critical violations."""
        page.wait_for_load_state("domcontentloaded")
        results = AXE.run(page)
        path = re.sub(r"https?://[^/]+", "", page.url)
        self.checked.append(path)
        for v in results.response["violations"]:
            if v["impact"] in ("serious", "critical"):
                targets = [n["target"] for n in v["nodes"]][:3]
                self.problems.append(f"{path}: {v['id']} ({v['impact']}) {targets}")


def answers_of(app, code: str) -> dict[int, str]:
    with get_db(app).session() as session:
        quiz = session.scalars(select(models.Quiz).where(models.Quiz.code == code)).one()
        return {qq.id: json.loads(qq.data_json)["answer"] for qq in quiz.questions}


def student_takes(browser, visits: Visits, base: str, class_code: str, name: str, answers: dict[int, str],
                  right: int) -> None:
    """Join the class by its code from the home page, open the class quiz and answer it."""
    context = browser.new_context(locale="ar")
    page = context.new_page()
    visits.watch(page)
    page.on("dialog", lambda dialog: dialog.accept())
    page.goto(base + "/")
    visits.check(page)
    page.fill("#code", class_code)
    page.get_by_role("button", name="انضم", exact=True).click()
    page.wait_for_url(re.compile(r"/c/"))
    visits.check(page)
    page.fill("#name", name)
    page.get_by_role("button", name="انضم إلى الصف").click()
    page.wait_for_selector("text=أنت في هذا الصف")
    page.locator(".quiz-card a").first.click()
    visits.check(page)
    page.get_by_role("button", name="ابدأ الاختبار").click()
    page.wait_for_selector("fieldset.question")
    visits.check(page)
    for i, fieldset in enumerate(page.locator("fieldset.question").all()):
        qq_id = int(fieldset.get_attribute("data-qid"))
        radios = fieldset.locator("input[type=radio]").all()
        if not radios:  # a gap to fill: the answer, or a figure that is not it
            fieldset.locator("input[type=text]").fill(answers[qq_id] if i < right else "0")
            continue
        values = [r.get_attribute("value") for r in radios]
        wanted = answers[qq_id] if i < right else next(v for v in values if v != answers[qq_id])
        radios[values.index(wanted)].check()
    page.get_by_role("button", name="إرسال الإجابات").first.click()
    page.wait_for_url(re.compile(r"/result"))
    visits.check(page)
    context.close()


def test_a_first_teacher_builds_a_class_quiz_from_a_saved_page_and_reads_the_results(fresh_install, browser):
    base, app, setup_path = fresh_install
    visits = Visits()
    context = browser.new_context(locale="ar", accept_downloads=True)
    page = context.new_page()
    visits.watch(page)
    page.on("dialog", lambda dialog: dialog.accept())

    # The first teacher, from the address the server logged.
    page.goto(base + setup_path)
    visits.check(page)
    page.fill("#name", "الأستاذة سلمى")
    page.fill("#email", "salma@example.org")
    page.fill("#password", "a long teacher password")
    page.fill("#confirm", "a long teacher password")
    page.get_by_role("button", name="أنشئ حساب المعلّم").click()
    page.wait_for_url(base + "/teacher/")
    visits.check(page)

    # A class.
    page.get_by_role("link", name="صفوفي").first.click()
    visits.check(page)
    page.fill("#name", "العاشر (ب)")
    page.get_by_role("button", name="أنشئ الصف").click()
    page.wait_for_selector("#class-code")
    visits.check(page)
    class_code = page.inner_text("#class-code").strip()

    # A saved news page pasted as HTML: what was read is shown before generating.
    page.get_by_role("link", name="مقال جديد").first.click()
    visits.check(page)
    page.fill("#text", SAVED_PAGE)
    page.get_by_role("button", name="أنشئ بنك الأسئلة").click()
    page.wait_for_selector("#extracted")
    visits.check(page)
    assert page.input_value("#title") == "الصحة تطلق حملة قومية للتطعيم ضد شلل الأطفال"
    assert page.input_value("#published_on") == "2026-03-02"
    text = page.input_value("#text")
    assert text.startswith("أعلنت وزارة الصحة المصرية") and "<" not in text and "الأكثر قراءة" not in text
    page.get_by_role("button", name="أنشئ بنك الأسئلة").click()
    page.wait_for_url(re.compile(r"/teacher/banks/\d+"))
    visits.check(page)

    # Review in place: approve with the keyboard, reject one, switch one to another question about its fact,
    # select the rest and approve them together.
    cards = page.locator("[data-card]")
    total = cards.count()
    assert total >= 3  # a 98-word article: its key figures
    page.evaluate("window.__sameDocument = true")
    page.keyboard.press("j")
    page.keyboard.press("a")
    page.wait_for_selector("[data-card].status-approved")
    page.keyboard.press("r")
    page.wait_for_selector("[data-card].status-rejected")
    assert page.inner_text('[data-count="approved"]') == "1" and page.inner_text('[data-count="rejected"]') == "1"
    # A fact asked another way: a card past the two just reviewed switches to one of its alternates and
    # back, in place (a which-statement card has none).
    at = next(i for i in range(2, total) if cards.nth(i).locator("details.alternates").count())
    card = cards.nth(at)
    assert card.locator(".badge.salience").count() == 1
    before = card.locator(".prompt").first.inner_text()
    card.locator("details.alternates summary").click()
    alternates = card.locator("details.alternates li")
    # one worded otherwise (another kind may ask the same stem: typed instead of chosen)
    other = next(i for i in range(alternates.count()) if before not in alternates.nth(i).inner_text())
    alternates.nth(other).get_by_role("button", name=re.compile("استخدم هذه الصيغة")).click()
    expect(cards.nth(at).locator(".prompt").first).not_to_have_text(before)
    cards.nth(at).locator("details.alternates summary").click()  # and back: the old question is an alternate now
    cards.nth(at).get_by_role("button", name=re.compile("استخدم هذه الصيغة")).first.click()
    expect(cards.nth(at).locator(".prompt").first).to_have_text(before)
    page.locator("[data-select-all]").check()
    page.locator("[data-card].status-rejected input.pick").uncheck()
    page.get_by_role("button", name="اعتماد المحدد").click()
    expect(page.locator('[data-count="approved"]')).to_have_text(str(total - 1))
    assert page.evaluate("window.__sameDocument") is True  # no page load happened while reviewing
    visits.check(page)

    # A quiz of the questions answered by picking (multiple choice, which statement, true/false) and of gaps
    # to fill, for the class, published.
    page.get_by_role("link", name="كوّن اختبارًا").click()
    visits.check(page)
    page.fill("#title", "اختبار الحملة")
    page.select_option("#layout", "all_on_one")
    for kind, n in (("اختيار من متعدد", 4), ("صحة العبارات", 1), ("صح أو خطأ", 2), ("أكمل الفراغ", 2)):
        boxes = page.locator(".pick-list li", has_text=kind).locator("input[type=checkbox]")
        for i in range(min(n, boxes.count())):
            boxes.nth(i).check()
    page.get_by_role("button", name=re.compile("احفظ الاختبار")).click()
    page.wait_for_selector("#classes")
    page.get_by_label("العاشر (ب)").check()
    page.get_by_role("button", name="احفظ الصفوف").click()
    page.get_by_role("button", name="انشر الاختبار").click()
    page.wait_for_selector("#join-code")
    visits.check(page)
    quiz_url = page.url
    code = page.inner_text("#join-code").strip()
    answers = answers_of(app, code)
    n = len(answers)
    assert n >= 2  # the approved figures of a 98-word article

    # Two students of the class take it; a visitor without the class is turned away.
    student_takes(browser, visits, base, class_code, "ليلى", answers, right=n)
    student_takes(browser, visits, base, class_code, "يوسف", answers, right=n // 2)
    outsider = browser.new_context(locale="ar").new_page()
    assert outsider.goto(f"{base}/q/{code}").status == 404  # the console's "failed to load" is this 404
    assert "هذا الاختبار لطلاب صف" in outsider.content()
    visits.check(outsider)
    outsider.context.close()

    # The results: both students, the histogram, the item analysis and the CSV.
    page.goto(quiz_url + "/results")
    visits.check(page)
    table = page.inner_text("#results-table")
    assert "ليلى" in table and "يوسف" in table and "100%" in table
    assert f"{100 * (n // 2) / n:.1f}".rstrip("0").rstrip(".") + "%" in table
    histogram = page.locator("svg.histogram")
    assert histogram.count() == 1 and histogram.get_attribute("role") == "img"
    assert "طالبان" in page.inner_html("svg.histogram desc")
    assert page.locator("#item-table tbody tr").count() == n
    assert page.locator("#item-table .badge.warn").count() >= 1  # some question is flagged
    with page.expect_download() as info:
        page.get_by_role("link", name=re.compile("تنزيل النتائج")).click()
    raw = Path(info.value.path()).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert sorted(r[0] for r in rows[1:]) == ["ليلى", "يوسف"]
    # The detailed CSV: one row per student and question, with the student's class.
    with page.expect_download() as info:
        page.get_by_role("link", name=re.compile("تنزيل كل الإجابات")).click()
    raw = Path(info.value.path()).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    detail = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(detail) == 1 + 2 * n and {r[0] for r in detail[1:]} == {"ليلى", "يوسف"}
    assert {r[2] for r in detail[1:]} == {"العاشر (ب)"}
    assert sum(r[9] == "صحيحة" for r in detail[1:] if r[0] == "يوسف") == n // 2

    # One student's attempt, answer by answer: right or wrong, the right answer, the time taken.
    page.locator("#results-table").get_by_role("link", name="يوسف").click()
    page.wait_for_selector(".answers-table")
    visits.check(page)
    assert page.locator(".answers-table tbody tr").count() == n
    assert page.locator(".answers-table tr.is-correct").count() == n // 2
    assert page.locator(".answers-table tr.is-wrong").count() == n - n // 2
    expect(page.locator(".attempt-facts").first).to_contain_text("الوقت المستغرق")

    # One question's response distribution, from the item analysis: both students chose an option (a question
    # answered by picking; a gap to fill lists what was typed).
    for row in range(n):
        page.goto(quiz_url + "/results")
        page.locator("#item-table tbody tr").nth(row).get_by_role("link").click()
        page.wait_for_load_state()
        if page.locator(".options-table").count():
            break
    visits.check(page)
    counts = [int(c) for c in page.locator('.options-table [data-cell="count"]').all_inner_texts()]
    assert sum(counts) == 2
    assert int(page.locator('.options-table tr.is-correct [data-cell="count"]').inner_text()) >= 1  # ليلى's

    context.close()
    assert visits.errors == []  # no CSP violation or failed load on any page
    assert len(visits.checked) >= 15
    assert visits.problems == [], "\n".join(visits.problems)
