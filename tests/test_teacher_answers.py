"""What students answered, as the teacher reads it: one student's attempts, each question's spread, the CSVs."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from contextlib import contextmanager
from html import unescape

import pytest
from sqlalchemy import event

from questions.model import FALSE_LABEL, TRUE_LABEL
from quiz import models
from quiz.db import get_db
from quiz.services import answers as answer_service
from quiz.services import attempts as attempt_service
from quiz.services import classes as class_service
from teacher_helpers import Browser, sign_in, teacher, use_fast_password_hashing  # noqa: F401 (a fixture)

from conftest import SAMPLE_ANSWERS

pytestmark = pytest.mark.no_seed


@pytest.fixture(autouse=True)
def _fast_hashing(monkeypatch):
    use_fast_password_hashing(monkeypatch)


@pytest.fixture
def browser(client, teacher) -> Browser:
    return sign_in(client, teacher)


@pytest.fixture
def quiz(make_quiz, teacher):
    return make_quiz(owner_id=teacher.id, title="اختبار الانتخابات")


def qq_ids(quiz) -> dict[str, int]:
    return {json.loads(qq.data_json)["key"]: qq.id for qq in quiz.questions}


def sit(session, quiz, user, answers, *, started_minutes_ago=10, minutes=5):
    """Have ``user`` answer ``quiz`` by question key and submit after ``minutes``; return the attempt."""
    start = models.utcnow() - dt.timedelta(minutes=started_minutes_ago)
    attempt = attempt_service.start_attempt(session, quiz, user.id, now=start)
    ids = qq_ids(quiz)
    attempt_service.save_answers(session, attempt, {ids[k]: v for k, v in answers.items()},
                                 now=start + dt.timedelta(minutes=1))
    return attempt_service.submit(session, attempt, now=start + dt.timedelta(minutes=minutes))


def with_answers(**changes):
    return {**SAMPLE_ANSWERS, **changes}


def page(browser, url) -> str:
    r = browser.get(url)
    assert r.status_code == 200, r.status_code
    return unescape(r.get_data(as_text=True))


def rows_of(html: str, table_class: str) -> list[str]:
    table = html.split(f'class="data {table_class}"', 1)[1].split("</table>", 1)[0]
    return re.findall(r"(<tr[^>]*>.*?</tr>)", table, re.S)[1:]


def text_of(fragment: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", fragment).split())


# --- one student -----------------------------------------------------------------------------------

def test_a_students_page_shows_each_attempt_with_every_answer_right_or_wrong_and_its_time(
        browser, session, quiz, make_user):
    ali = make_user(name="علي", email="ali@example.org")
    sit(session, quiz, ali, with_answers(mcq1="فنزويلا", cloze1="روبيو", num1="41"), started_minutes_ago=30, minutes=4)
    sit(session, quiz, ali, SAMPLE_ANSWERS, started_minutes_ago=20, minutes=7)

    results = page(browser, f"/teacher/quizzes/{quiz.id}/results")
    link = f"/teacher/quizzes/{quiz.id}/students/{ali.id}"
    assert f'href="{link}"' in results

    html = page(browser, link)
    assert "إجابات <bdi>علي</bdi>" in html and "ali@example.org" in html and "محاولتان" in html
    first, second = html.split('data-attempt="1"')[1].split('data-attempt="2"')
    assert "4:00" in first and "7:00" in second  # time taken
    assert first.count("<time") == 2  # started and submitted
    first_rows = {text_of(r).split(" ")[0]: r for r in rows_of(first, "answers-table")}
    assert len(first_rows) == len(SAMPLE_ANSWERS)
    by_prompt = {text_of(r): r for r in rows_of(first, "answers-table")}
    mcq = next(r for t, r in by_prompt.items() if "في أي بلد" in t)
    assert 'class="is-wrong"' in mcq and "فنزويلا" in mcq and "✗ خاطئة" in mcq and "هندوراس" in mcq
    assert "0 / 1" in text_of(mcq)
    cloze = next(r for t, r in by_prompt.items() if "بانتخابات الرئاسة" in t)
    assert "روبيو" in cloze and "✗ خاطئة" in cloze and "عصفورة" in cloze
    tf = next(r for t, r in by_prompt.items() if "حصل عصفورة" in t)
    assert 'class="is-correct"' in tf and "✓ صحيحة" in tf and "1 / 1" in text_of(tf)
    assert "الصحيحة: 5 من 8" in text_of(first)
    assert "✗" not in second and "الصحيحة: 8 من 8" in text_of(second)
    # The rows follow the quiz's order and link to each question's spread.
    numbers = [int(text_of(r).split(" ")[0]) for r in rows_of(second, "answers-table")]
    assert numbers == list(range(1, len(SAMPLE_ANSWERS) + 1))
    assert f"/teacher/quizzes/{quiz.id}/questions/{qq_ids(quiz)['mcq1']}" in second


def test_a_blank_answer_and_a_practice_attempt_are_told_apart(browser, session, quiz, make_user):
    student = make_user(name="سعاد", email="suad@example.org")
    answers = dict(SAMPLE_ANSWERS)
    del answers["short1"]
    graded = sit(session, quiz, student, answers, started_minutes_ago=30)
    practice = attempt_service.start_retry(session, graded, now=models.utcnow() - dt.timedelta(minutes=5))
    attempt_service.submit(session, practice)
    html = page(browser, f"/teacher/quizzes/{quiz.id}/students/{student.id}")
    blank = next(r for r in rows_of(html, "answers-table") if "المنصة" in r)
    assert "لم يُجب" in blank and "تروث سوشيال" in blank and "✗ خاطئة" in blank
    assert "تدريب على الأخطاء" in html.split('data-attempt="2"')[1]


def test_an_attempt_whose_time_ran_out_is_shown_graded_at_its_deadline(browser, session, make_quiz, teacher,
                                                                        make_user):
    timed = make_quiz(owner_id=teacher.id, time_limit_seconds=600)
    student = make_user(name="هدى", email="huda@example.org")
    start = models.utcnow() - dt.timedelta(hours=1)
    attempt = attempt_service.start_attempt(session, timed, student.id, now=start)
    attempt_service.save_answers(session, attempt, {qq_ids(timed)["mcq1"]: "هندوراس"},
                                 now=start + dt.timedelta(minutes=2))
    html = page(browser, f"/teacher/quizzes/{timed.id}/students/{student.id}")
    assert "10:00" in html and "لم تُسلَّم بعد" not in html
    assert "الصحيحة: 1 من 8" in text_of(html)


def test_an_open_attempt_is_listed_without_answers(browser, session, quiz, make_user):
    student = make_user(name="رامي", email="rami@example.org")
    attempt_service.start_attempt(session, quiz, student.id)
    html = page(browser, f"/teacher/quizzes/{quiz.id}/students/{student.id}")
    assert "لم تُسلَّم بعد" in html and "answers-table" not in html


# --- one question ----------------------------------------------------------------------------------

def test_the_options_counts_are_what_the_students_chose_in_their_first_attempts(browser, session, quiz, make_user):
    chose = ["هندوراس", "هندوراس", "هندوراس", "فنزويلا", None]
    said = [TRUE_LABEL, FALSE_LABEL, FALSE_LABEL, None, TRUE_LABEL]
    students = []
    for i, (choice, truth) in enumerate(zip(chose, said, strict=True)):
        answers = with_answers(mcq1=choice, tf1=truth)
        students.append(make_user(name=f"طالب {i}", email=f"s{i}@example.org"))
        sit(session, quiz, students[-1], {k: v for k, v in answers.items() if v is not None})
    sit(session, quiz, students[3], SAMPLE_ANSWERS)  # a second attempt: not counted

    mcq = qq_ids(quiz)["mcq1"]
    results = page(browser, f"/teacher/quizzes/{quiz.id}/results")
    assert f'href="/teacher/quizzes/{quiz.id}/questions/{mcq}"' in results
    html = page(browser, f"/teacher/quizzes/{quiz.id}/questions/{mcq}")
    counts = {re.search(r'data-option="([^"]+)"', r).group(1): int(re.search(r'data-cell="count">(\d+)', r).group(1))
              for r in rows_of(html, "options-table")}
    assert counts == {"هندوراس": 3, "فنزويلا": 1, "غواتيمالا": 0, "كوبا": 0}
    correct_row = next(r for r in rows_of(html, "options-table") if 'data-option="هندوراس"' in r)
    assert "الإجابة الصحيحة" in correct_row and "60%" in correct_row
    assert re.search(r'data-figure="students">5 طلاب<', html)
    assert re.search(r'data-figure="right">3<', html) and re.search(r'data-figure="wrong">1<', html)
    assert re.search(r'data-figure="unanswered">1<', html)
    assert re.search(r'data-figure="facility"><bdi dir="ltr">60%<', html)

    spread = {d.qq_id: d for d in answer_service.distributions(session, quiz)}
    tf = spread[qq_ids(quiz)["tf1"]]
    assert {o.text: (o.count, o.correct) for o in tf.options} == {TRUE_LABEL: (2, True), FALSE_LABEL: (2, False)}
    assert tf.unanswered == 1


def test_the_common_wrong_typed_answers_are_grouped_as_the_grader_reads_them(browser, session, quiz, make_user):
    typed = ["روبيو", "الروبيو", "روبيُو", "ترامب", "ترامب", "ترامب", "ترامب", "نصري عصفورة", "عصفوره", "هيرنانديز"]
    for i, text in enumerate(typed):
        sit(session, quiz, make_user(name=f"طالب {i}", email=f"t{i}@example.org"), with_answers(cloze1=text))
    cloze = qq_ids(quiz)["cloze1"]
    html = page(browser, f"/teacher/quizzes/{quiz.id}/questions/{cloze}")
    wrong = [(re.search(r'data-answer="([^"]+)"', r).group(1), int(re.search(r'data-cell="count">(\d+)', r).group(1)))
             for r in rows_of(html, "wrong-table")]
    assert wrong == [("ترامب", 4), ("روبيو", 3), ("هيرنانديز", 1)]
    assert "options-table" not in html
    assert re.search(r'data-figure="right">2<', html) and re.search(r'data-figure="wrong">8<', html)
    spread = answer_service.distributions(session, quiz, [cloze])[0]
    assert [(t.text, t.others) for t in spread.wrong_typed] == [
        ("ترامب", ()), ("روبيو", ("روبيُو", "الروبيو")), ("هيرنانديز", ())]
    roubio = next(r for r in rows_of(html, "wrong-table") if 'data-answer="روبيو"' in r)
    assert "روبيُو، الروبيو" in roubio


def test_every_question_is_on_the_overview_with_a_pager_on_each_question(browser, session, quiz, make_user):
    sit(session, quiz, make_user(), SAMPLE_ANSWERS)
    html = page(browser, f"/teacher/quizzes/{quiz.id}/questions")
    assert html.count('class="card spread"') == len(SAMPLE_ANSWERS)
    ordered = sorted(quiz.questions, key=lambda qq: qq.position)
    second = page(browser, f"/teacher/quizzes/{quiz.id}/questions/{ordered[1].id}")
    assert f'/questions/{ordered[0].id}" rel="prev"' in second and f'/questions/{ordered[2].id}" rel="next"' in second
    assert "توزيع الإجابات: سؤال 2" in second


def test_a_quiz_nobody_took_shows_empty_spreads_and_a_csv_of_its_header(browser, quiz):
    html = page(browser, f"/teacher/quizzes/{quiz.id}/questions")
    assert html.count('class="card spread"') == len(SAMPLE_ANSWERS)
    assert 'data-figure="students">لا أحد<' in html and 'data-figure="facility"><bdi dir="ltr">—<' in html
    rows = list(csv.reader(io.StringIO(browser.get(f"/teacher/quizzes/{quiz.id}/answers.csv").get_data()
                                       .decode("utf-8-sig"))))
    assert len(rows) == 1 and rows[0][0] == "الطالب"


# --- the CSVs --------------------------------------------------------------------------------------

def test_the_detailed_csv_has_one_row_per_student_attempt_and_question(browser, session, quiz, teacher, make_user):
    ten = class_service.create_class(session, teacher.id, "العاشر (ب)")
    class_service.assign(session, teacher.id, quiz.id, [ten.id])
    layla = make_user("guest", name="ليلى")
    class_service.join(session, ten, layla, "ليلى")
    omar = make_user(name="عمر", email="omar@example.org")
    sit(session, quiz, layla, with_answers(mcq1="كوبا", cloze1="=HYPERLINK(1)"))
    sit(session, quiz, omar, SAMPLE_ANSWERS)
    sit(session, quiz, omar, with_answers(num1="12"))

    r = browser.get(f"/teacher/quizzes/{quiz.id}/answers.csv")
    assert r.status_code == 200 and r.is_streamed
    assert r.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in r.headers["Content-Disposition"]
    raw = r.get_data()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0] == ["الطالب", "البريد الإلكتروني", "الصف", "المحاولة", "رقم السؤال", "نوع السؤال", "السؤال",
                       "الإجابة المعطاة", "الإجابة الصحيحة", "الحكم", "النقاط", "من"]
    body = rows[1:]
    assert len(body) == 3 * len(SAMPLE_ANSWERS)
    assert [(row[0], row[3]) for row in body[::len(SAMPLE_ANSWERS)]] == [("عمر", "1"), ("عمر", "2"), ("ليلى", "1")]
    assert [row[4] for row in body[:len(SAMPLE_ANSWERS)]] == [str(n) for n in range(1, len(SAMPLE_ANSWERS) + 1)]
    layla_rows = {row[6]: row for row in body if row[0] == "ليلى"}
    mcq = layla_rows["في أي بلد فاز نصري عصفورة بالانتخابات؟"]
    assert mcq[2] == "العاشر (ب)" and mcq[5] == "اختيار من متعدد"
    assert mcq[7:] == ["كوبا", "هندوراس", "خاطئة", "0", "1"]
    assert layla_rows["فاز _____ بانتخابات الرئاسة في هندوراس."][7] == "'=HYPERLINK(1)"
    assert layla_rows["حصل عصفورة على 40.27% من الأصوات."][9:] == ["صحيحة", "1", "1"]
    assert all(row[2] == "" for row in body if row[0] == "عمر")
    second = [row for row in body if row[0] == "عمر" and row[3] == "2"]
    assert [row[9] for row in second].count("خاطئة") == 1


def test_both_csvs_open_as_utf8_with_a_byte_order_mark(browser, session, quiz, make_user):
    sit(session, quiz, make_user(name="منى", email="mona@example.org"), SAMPLE_ANSWERS)
    results = page(browser, f"/teacher/quizzes/{quiz.id}/results")
    for name in ("results.csv", "answers.csv"):
        assert f'href="/teacher/quizzes/{quiz.id}/{name}"' in results
        r = browser.get(f"/teacher/quizzes/{quiz.id}/{name}")
        assert r.headers["Content-Type"].count("charset") == 1
        raw = r.get_data()
        assert raw[:3] == b"\xef\xbb\xbf"
        rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
        assert rows[0][0] == "الطالب" and rows[1][0] == "منى"


# --- who may see them ------------------------------------------------------------------------------

@pytest.fixture
def taken(session, quiz, make_user):
    student = make_user(name="علي", email="ali@example.org")
    sit(session, quiz, student, SAMPLE_ANSWERS)
    return student


def answer_urls(quiz, student_id: int) -> list[str]:
    qq = qq_ids(quiz)["mcq1"]
    return [f"/teacher/quizzes/{quiz.id}/students/{student_id}", f"/teacher/quizzes/{quiz.id}/questions",
            f"/teacher/quizzes/{quiz.id}/questions/{qq}", f"/teacher/quizzes/{quiz.id}/answers.csv"]


def test_another_teacher_gets_404_on_every_page_of_answers(app, quiz, taken, make_user):
    other = sign_in(app.test_client(), make_user("teacher", name="الأستاذ كريم", email="karim@example.org"))
    for url in answer_urls(quiz, taken.id):
        assert other.get(url).status_code == 404, url


@pytest.mark.parametrize("role", ["student", "guest"])
def test_students_and_guests_get_404_even_on_their_own_answers(app, quiz, taken, make_user, role):
    for who in (taken, make_user(role)):
        b = sign_in(app.test_client(), who)
        for url in answer_urls(quiz, taken.id):
            assert b.get(url).status_code == 404, (role, url)


def test_visitors_are_sent_to_sign_in(app, quiz, taken):
    for url in answer_urls(quiz, taken.id):
        r = app.test_client().get(url)
        assert r.status_code == 302 and "/login" in r.headers["Location"], url


def test_a_student_or_question_not_in_the_quiz_answers_404(browser, session, quiz, taken, make_quiz, teacher,
                                                           make_user):
    other_quiz = make_quiz(owner_id=teacher.id)
    elsewhere = make_user(name="غريب", email="away@example.org")
    sit(session, other_quiz, elsewhere, SAMPLE_ANSWERS)
    assert browser.get(f"/teacher/quizzes/{quiz.id}/students/{elsewhere.id}").status_code == 404
    assert browser.get(f"/teacher/quizzes/{quiz.id}/students/{teacher.id}").status_code == 404
    assert browser.get(f"/teacher/quizzes/{quiz.id}/students/999999").status_code == 404
    assert browser.get(f"/teacher/quizzes/{quiz.id}/questions/{qq_ids(other_quiz)['mcq1']}").status_code == 404
    assert browser.get(f"/teacher/quizzes/{quiz.id}/students/{taken.id}").status_code == 200


# --- cost ------------------------------------------------------------------------------------------

@contextmanager
def counted(app):
    """Count the SQL statements the app's engine runs inside the block."""
    statements: list[str] = []
    engine = get_db(app).engine

    def count(_conn, _cursor, statement, *_args):
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", count)


def queries_per_page(app, browser, urls) -> dict[str, int]:
    out = {}
    for url in urls:
        browser.get(url).get_data()  # the first visit reads the question snapshots into the worker's cache
        with counted(app) as statements:
            r = browser.get(url)
            assert r.status_code == 200 and r.get_data()
        out[url] = len(statements)
    return out


def test_the_pages_and_the_csv_cost_the_same_queries_for_5_and_50_students(app, browser, session, quiz, make_user):
    students = []

    def add(n):
        for i in range(n):
            student = make_user("guest", name=f"طالب {len(students)}")
            students.append(student)
            wrong = ("فنزويلا", "كوبا", None)[len(students) % 3]
            sit(session, quiz, student, with_answers(mcq1=wrong or "هندوراس", cloze1=f"اسم {len(students) % 7}"))
        sit(session, quiz, students[0], SAMPLE_ANSWERS)  # one student with more attempts each time

    add(5)
    urls = answer_urls(quiz, students[0].id) + [f"/teacher/quizzes/{quiz.id}/students/{students[1].id}"]
    few = queries_per_page(app, browser, urls)
    add(45)
    many = queries_per_page(app, browser, urls)
    assert many == few
    assert max(few.values()) <= 12, few
