"""A student joins, takes, submits and reviews a quiz through every student route."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from flask.testing import FlaskClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from conftest import SAMPLE_ANSWERS, csrf, login
from quiz import models
from quiz.services import attempts as attempt_service


def post(client: FlaskClient, url: str, data: dict[str, Any] | None = None, **kw: Any) -> Any:
    """POST with a fresh CSRF token (tokens live in the session, which login replaces)."""
    return client.post(url, data={"csrf_token": csrf(client), **(data or {})}, **kw)


def start(client: FlaskClient, code: str, name: str = "سارة") -> int:
    """Join ``code`` as a guest and return the new attempt id."""
    r = post(client, f"/q/{code}/start", {"name": name})
    assert r.status_code == 302, r.get_data(as_text=True)
    m = re.fullmatch(r"/attempt/(\d+)", r.location)
    assert m, r.location
    return int(m.group(1))


def form_fields(session: Session, attempt_id: int, answers: dict[str, Any]) -> dict[str, str]:
    """Translate answers keyed by question key into this attempt's form fields."""
    attempt = session.get(models.Attempt, attempt_id)
    assert attempt is not None
    session.refresh(attempt)
    out: dict[str, str] = {}
    for it in attempt_service.items(session, attempt):
        qq = session.get(models.QuizQuestion, it.qq_id)
        assert qq is not None
        key = json.loads(qq.data_json)["key"]
        if key not in answers:
            continue
        value = answers[key]
        if it.kind == "matching":
            for i, row in enumerate(it.rows):
                out[f"q-{it.qq_id}-r{i}"] = value.get(row, "")
        elif it.kind == "ordering":
            for j, item in enumerate(it.items):
                out[f"q-{it.qq_id}-i{j}"] = str(value.index(item) + 1)
        else:
            out[f"q-{it.qq_id}"] = value
    return out


def test_home_lists_open_quizzes_and_a_join_box(client: FlaskClient, make_quiz: Any) -> None:
    quiz = make_quiz(title="اختبار الأسبوع")
    html = client.get("/").get_data(as_text=True)
    assert 'lang="ar" dir="rtl"' in html
    assert "اختبار الأسبوع" in html and quiz.code in html
    assert 'action="/join"' in html


def test_unpublished_and_closed_quizzes_are_not_listed(client: FlaskClient, make_quiz: Any) -> None:
    hidden = make_quiz(title="مسودة", published=False)
    closed = make_quiz(title="مغلق", closes_at=models.utcnow().replace(year=2000))
    html = client.get("/").get_data(as_text=True)
    assert hidden.code not in html and closed.code not in html
    assert client.get(f"/q/{hidden.code}").status_code == 404


@pytest.mark.parametrize("typed", ["{code}", "{lower}", " {spaced} "])
def test_joining_by_code_accepts_case_and_spacing(client: FlaskClient, make_quiz: Any, typed: str) -> None:
    code = make_quiz().code
    value = typed.format(code=code, lower=code.lower(), spaced=code[:3] + " " + code[3:])
    r = post(client, "/join", {"code": value})
    assert r.status_code == 302 and r.location == f"/q/{code}"


def test_joining_with_an_unknown_code_explains_in_arabic(client: FlaskClient) -> None:
    r = post(client, "/join", {"code": "ZZZZZZ"})
    assert r.status_code == 400
    assert "لا يوجد اختبار بهذا الرمز" in r.get_data(as_text=True)


def test_starting_without_a_name_asks_for_one(client: FlaskClient, make_quiz: Any, session: Session) -> None:
    code = make_quiz().code
    r = post(client, f"/q/{code}/start", {"name": ""})
    assert r.status_code == 400 and "اكتب اسمك" in r.get_data(as_text=True)
    assert session.scalar(select(func.count(models.Attempt.id))) == 0


def test_a_guest_joins_with_a_name_and_resumes_the_same_attempt(client: FlaskClient, make_quiz: Any,
                                                                  session: Session) -> None:
    code = make_quiz().code
    first = start(client, code, "سارة")
    user = session.scalars(select(models.User)).one()
    assert (user.name, user.role) == ("سارة", "guest")
    page = client.get(f"/q/{code}").get_data(as_text=True)
    assert "تابع محاولتك" in page and "سارة" in page
    r = post(client, f"/q/{code}/start")
    assert r.location == f"/attempt/{first}"


def test_all_on_one_page_shows_every_kind_of_input(client: FlaskClient, make_quiz: Any) -> None:
    attempt_id = start(client, make_quiz(layout="all_on_one").code)
    html = client.get(f"/attempt/{attempt_id}").get_data(as_text=True)
    assert html.count('class="question kind-') == 8
    assert 'type="radio"' in html and "<select" in html and 'class="rank"' in html
    assert 'inputmode="decimal"' in html
    assert "إرسال الإجابات" in html
    assert "أجبت عن <strong data-done-count>0</strong> من 8" in html


def test_one_per_page_shows_one_question_and_navigates(client: FlaskClient, make_quiz: Any) -> None:
    attempt_id = start(client, make_quiz(layout="one_per_page").code)
    html = client.get(f"/attempt/{attempt_id}?page=2").get_data(as_text=True)
    assert html.count('class="question kind-') == 1
    assert "السؤال 2 من 8" in html
    r = post(client, f"/attempt/{attempt_id}", {"page": "2", "go": "next"})
    assert r.location == f"/attempt/{attempt_id}?page=3"
    r = post(client, f"/attempt/{attempt_id}", {"page": "3", "go": "prev"})
    assert r.location == f"/attempt/{attempt_id}?page=2"
    assert "السؤال 8 من 8" in client.get(f"/attempt/{attempt_id}?page=99").get_data(as_text=True)


def test_form_post_saves_answers_and_a_reload_shows_them(client: FlaskClient, make_quiz: Any,
                                                         session: Session) -> None:
    attempt_id = start(client, make_quiz().code)
    fields = form_fields(session, attempt_id, {"wh1": "24 ديسمبر", "mcq1": "هندوراس", "order1": SAMPLE_ANSWERS["order1"]})
    r = post(client, f"/attempt/{attempt_id}", {"page": "1", "go": "stay", **fields})
    assert r.status_code == 302
    html = client.get(f"/attempt/{attempt_id}").get_data(as_text=True)
    assert 'value="24 ديسمبر"' in html
    assert re.search(r'value="هندوراس" checked', html)
    assert "أجبت عن <strong data-done-count>3</strong> من 8" in html


def test_autosave_returns_progress_only(client: FlaskClient, make_quiz: Any, session: Session) -> None:
    attempt_id = start(client, make_quiz().code)
    token = csrf(client, f"/attempt/{attempt_id}")
    fields = form_fields(session, attempt_id, {"num1": "40.27", "tf1": "خطأ"})
    r = client.post(f"/attempt/{attempt_id}/autosave", data=fields, headers={"X-CSRFToken": token})
    assert r.status_code == 200
    assert set(r.json) == {"ok", "changed", "answered", "total", "answered_ids"}
    assert (r.json["answered"], r.json["total"], r.json["changed"]) == (2, 8, 2)


def test_clearing_a_typed_answer_removes_it(client: FlaskClient, make_quiz: Any, session: Session) -> None:
    attempt_id = start(client, make_quiz().code)
    token = csrf(client, f"/attempt/{attempt_id}")
    fields = form_fields(session, attempt_id, {"short1": "تروث"})
    client.post(f"/attempt/{attempt_id}/autosave", data=fields, headers={"X-CSRFToken": token})
    cleared = {k: "" for k in fields}
    r = client.post(f"/attempt/{attempt_id}/autosave", data=cleared, headers={"X-CSRFToken": token})
    assert r.json["answered"] == 0


def test_submitting_scores_and_reviews_with_the_source_highlighted(client: FlaskClient, make_quiz: Any,
                                                                   session: Session) -> None:
    attempt_id = start(client, make_quiz().code)
    answers = dict(SAMPLE_ANSWERS, wh1="25 ديسمبر")  # one wrong
    r = post(client, f"/attempt/{attempt_id}/submit", form_fields(session, attempt_id, answers))
    assert r.location == f"/attempt/{attempt_id}/result"
    html = client.get(r.location).get_data(as_text=True)
    assert "النتيجة" in html and "مراجعة الإجابات" in html
    assert '<bdi dir="ltr">7 / 8</bdi>' in html and '<bdi dir="ltr">88%</bdi>' in html
    assert re.search(r'<mark><bdi dir="ltr">24</bdi> ديسمبر <bdi dir="ltr">2025</bdi></mark>', html)
    text = re.sub(r"<[^>]+>", "", html)
    assert "الإجابة الصحيحة" in text and "25 ديسمبر" in text and "24 ديسمبر" in text
    assert "أعد المحاولة في أخطائي (1)" in html


def test_a_started_attempt_redirects_result_to_the_quiz(client: FlaskClient, make_quiz: Any) -> None:
    attempt_id = start(client, make_quiz().code)
    assert client.get(f"/attempt/{attempt_id}/result").location == f"/attempt/{attempt_id}"


def test_a_submitted_attempt_sends_the_quiz_page_to_its_result(client: FlaskClient, make_quiz: Any) -> None:
    attempt_id = start(client, make_quiz().code)
    post(client, f"/attempt/{attempt_id}/submit")
    assert client.get(f"/attempt/{attempt_id}").location == f"/attempt/{attempt_id}/result"


def test_submitting_twice_counts_once(client: FlaskClient, make_quiz: Any, session: Session) -> None:
    attempt_id = start(client, make_quiz().code)
    fields = form_fields(session, attempt_id, {"mcq1": "هندوراس"})
    post(client, f"/attempt/{attempt_id}/submit", fields)
    again = form_fields(session, attempt_id, SAMPLE_ANSWERS)
    r = post(client, f"/attempt/{attempt_id}/submit", again)
    assert r.status_code == 302
    attempt = session.get(models.Attempt, attempt_id)
    assert attempt is not None
    session.refresh(attempt)
    assert (attempt.score, attempt.max_score) == (1.0, 8.0)
    assert session.scalar(select(func.count(models.Response.id))) == 1


def test_saving_after_submission_is_refused(client: FlaskClient, make_quiz: Any, session: Session) -> None:
    attempt_id = start(client, make_quiz().code)
    post(client, f"/attempt/{attempt_id}/submit")
    token = csrf(client)
    fields = form_fields(session, attempt_id, {"mcq1": "هندوراس"})
    r = client.post(f"/attempt/{attempt_id}/autosave", data=fields, headers={"X-CSRFToken": token})
    assert r.status_code == 409 and r.json["redirect"] == f"/attempt/{attempt_id}/result"
    assert session.scalar(select(func.count(models.Response.id))) == 0


def test_retry_my_mistakes_holds_only_the_missed_questions(client: FlaskClient, make_quiz: Any,
                                                          session: Session) -> None:
    quiz = make_quiz()
    attempt_id = start(client, quiz.code)
    answers = {k: v for k, v in SAMPLE_ANSWERS.items() if k not in ("wh1", "match1")}
    post(client, f"/attempt/{attempt_id}/submit", form_fields(session, attempt_id, answers))
    r = post(client, f"/attempt/{attempt_id}/retry")
    practice_id = int(r.location.rsplit("/", 1)[1])
    practice = session.get(models.Attempt, practice_id)
    assert practice is not None and practice.practice and practice.number == 2
    keys = {json.loads(session.get(models.QuizQuestion, i).data_json)["key"]  # type: ignore[union-attr]
            for i in attempt_service.question_ids(practice)}
    assert keys == {"wh1", "match1"}
    html = client.get(f"/attempt/{practice_id}").get_data(as_text=True)
    assert "تدريب على الأخطاء" in html and html.count('class="question kind-') == 2
    # A practice attempt does not use up the quiz's graded attempts.
    assert attempt_service.attempts_used(session, quiz.id, practice.user_id) == 1


def test_retry_with_no_mistakes_says_so(client: FlaskClient, make_quiz: Any, session: Session) -> None:
    attempt_id = start(client, make_quiz().code)
    post(client, f"/attempt/{attempt_id}/submit", form_fields(session, attempt_id, SAMPLE_ANSWERS))
    html = client.get(f"/attempt/{attempt_id}/result").get_data(as_text=True)
    assert '<bdi dir="ltr">100%</bdi>' in html and "أعد المحاولة في أخطائي" not in html
    r = post(client, f"/attempt/{attempt_id}/retry")
    assert r.location == f"/attempt/{attempt_id}/result"


@pytest.mark.parametrize(("review", "shows"), [("immediately", True), ("never", False), ("after_close", False)])
def test_the_review_follows_the_quiz_setting(client: FlaskClient, make_quiz: Any, review: str,
                                             shows: bool) -> None:
    attempt_id = start(client, make_quiz(review=review).code)
    post(client, f"/attempt/{attempt_id}/submit")
    html = client.get(f"/attempt/{attempt_id}/result").get_data(as_text=True)
    assert "النتيجة" in html
    assert ("الإجابة الصحيحة" in html) is shows
    assert ("<mark>" in html) is shows


def test_my_attempts_lists_only_mine(client: FlaskClient, make_quiz: Any, make_user: Any) -> None:
    quiz = make_quiz(title="اختباري")
    attempt_id = start(client, quiz.code)
    post(client, f"/attempt/{attempt_id}/submit")
    html = client.get("/me/attempts").get_data(as_text=True)
    assert "اختباري" in html and f"/attempt/{attempt_id}/result" in html
    other = client.application.test_client()
    login(other, make_user())
    assert f"/attempt/{attempt_id}/" not in other.get("/me/attempts").get_data(as_text=True)


def test_my_attempts_needs_someone_signed_in(client: FlaskClient) -> None:
    r = client.get("/me/attempts")
    assert r.status_code == 302 and r.location.startswith("/login")


def test_attempt_limits_are_enforced(client: FlaskClient, make_quiz: Any) -> None:
    quiz = make_quiz(attempts_allowed=1)
    attempt_id = start(client, quiz.code)
    post(client, f"/attempt/{attempt_id}/submit")
    r = post(client, f"/q/{quiz.code}/start")
    assert r.location == f"/q/{quiz.code}"
    assert "استنفدت" in client.get(r.location).get_data(as_text=True)


def test_a_timed_quiz_shows_a_countdown_from_data_attributes(client: FlaskClient, make_quiz: Any) -> None:
    attempt_id = start(client, make_quiz(time_limit_seconds=600).code)
    html = client.get(f"/attempt/{attempt_id}").get_data(as_text=True)
    assert re.search(r'data-deadline="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"', html)
    assert "<script>" not in html and "onclick" not in html  # all behaviour lives in static/js


def test_after_the_deadline_the_attempt_closes_and_late_answers_do_not_count(
        client: FlaskClient, make_quiz: Any, session: Session) -> None:
    from conftest import past

    attempt_id = start(client, make_quiz(time_limit_seconds=600).code)
    token = csrf(client, f"/attempt/{attempt_id}")
    client.post(f"/attempt/{attempt_id}/autosave", data=form_fields(session, attempt_id, {"mcq1": "هندوراس"}),
                headers={"X-CSRFToken": token})
    attempt = session.get(models.Attempt, attempt_id)
    assert attempt is not None
    attempt.time_limit_at = past(0)
    session.commit()
    r = post(client, f"/attempt/{attempt_id}/submit", form_fields(session, attempt_id, SAMPLE_ANSWERS))
    assert r.location == f"/attempt/{attempt_id}/result"
    html = client.get(r.location).get_data(as_text=True)
    assert '<bdi dir="ltr">1 / 8</bdi>' in html  # only the answer saved before the deadline
    assert client.get(f"/attempt/{attempt_id}").location == f"/attempt/{attempt_id}/result"


def test_opening_an_expired_attempt_closes_it_and_says_why(client: FlaskClient, make_quiz: Any,
                                                           session: Session) -> None:
    from conftest import past

    attempt_id = start(client, make_quiz(time_limit_seconds=60).code)
    attempt = session.get(models.Attempt, attempt_id)
    assert attempt is not None
    attempt.time_limit_at = past(2)
    session.commit()
    r = client.get(f"/attempt/{attempt_id}")
    assert r.location == f"/attempt/{attempt_id}/result"
    assert "انتهى الوقت" in client.get(r.location).get_data(as_text=True)
    session.refresh(attempt)
    assert attempt.submitted_at == attempt.time_limit_at and attempt.score == 0


def test_the_page_says_how_many_questions_are_unanswered_before_submitting(client: FlaskClient, make_quiz: Any,
                                                                           session: Session) -> None:
    attempt_id = start(client, make_quiz().code)
    html = client.get(f"/attempt/{attempt_id}").get_data(as_text=True)
    assert "لم تُجب بعد عن 8 أسئلة." in html
    texts = json.loads(re.search(r'data-unanswered-texts="([^"]*)"', html).group(1).replace("&#34;", '"'))
    assert texts[:4] == ["", "سؤال واحد", "سؤالان", "3 أسئلة"] and len(texts) == 9
    assert html.count("data-confirm-unanswered") == 1  # on the submit button the page script reads
    fields = form_fields(session, attempt_id, SAMPLE_ANSWERS)
    post(client, f"/attempt/{attempt_id}", {"page": "1", "go": "stay", **fields})
    html = client.get(f"/attempt/{attempt_id}").get_data(as_text=True)
    assert "لم تُجب بعد" not in html and re.search(r"<p class=\"unanswered-note\"[^>]* hidden", html)


def test_a_cloze_blank_has_a_name_for_screen_readers(client: FlaskClient, make_quiz: Any) -> None:
    html = client.get(f"/attempt/{start(client, make_quiz().code)}").get_data(as_text=True)
    assert '<span class="blank"><span class="visually-hidden">(فراغ)</span></span>' in html
