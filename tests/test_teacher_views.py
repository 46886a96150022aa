"""Teacher pages end to end through the test client: articles, review, quizzes, results, access."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from html import unescape

import pytest
from sqlalchemy import func, select

from questions.model import TRUE_LABEL, Article, Bank
from quiz import models
from quiz.services import attempts as attempt_service
from quiz.services import ownership, review
from teacher_helpers import ARTICLE, Browser, install_fake_generator, sign_in, use_fast_password_hashing

pytestmark = pytest.mark.no_seed


@pytest.fixture(autouse=True)
def _fast_hashing(monkeypatch):
    use_fast_password_hashing(monkeypatch)


@pytest.fixture
def calls(monkeypatch):
    """Use the fast fake generator; return what it was asked."""
    return install_fake_generator(monkeypatch)


@pytest.fixture
def teacher(make_user):
    return make_user("teacher", name="الأستاذة سلمى", email="salma@example.org")


@pytest.fixture
def other_teacher(make_user):
    return make_user("teacher", name="الأستاذ كريم", email="karim@example.org")


@pytest.fixture
def browser(client, teacher) -> Browser:
    return sign_in(client, teacher)


def count(session, model) -> int:
    session.expire_all()
    return session.scalar(select(func.count()).select_from(model))


def new_article(browser, **fields):
    data = {"title": "حملة تطعيم", "source": "وكالة الأنباء", "published_on": "2026-03-02", "text": ARTICLE}
    data.update(fields)
    return browser.post("/teacher/articles/new", data, follow_redirects=False)


def bank_id_of(response) -> int:
    assert response.status_code == 302, response.get_data(as_text=True)[:500]
    return int(response.headers["Location"].rstrip("/").split("/")[-1].split("?")[0])


def questions_of(session, bank_id):
    session.expire_all()
    return {bq.key: bq for bq in ownership.bank_questions(session, bank_id)}


@pytest.fixture
def bank_id(browser, calls) -> int:
    return bank_id_of(new_article(browser))


@pytest.fixture
def approved_bank(browser, bank_id) -> int:
    assert browser.post(f"/teacher/banks/{bank_id}/approve-all").status_code == 302
    return bank_id


def make_published_quiz(browser, session, bank_id, **settings) -> models.Quiz:
    ids = [bq.id for bq in questions_of(session, bank_id).values() if bq.status == "approved"]
    data = {"title": "اختبار الحملة", "mode": "pick", "questions": ids, "grading": "highest",
            "layout": "all_on_one", "review": "immediately"}
    data.update(settings)
    r = browser.post(f"/teacher/banks/{bank_id}/quizzes/new", data)
    assert r.status_code == 302, r.get_data(as_text=True)[:2000]
    quiz_id = int(r.headers["Location"].rstrip("/").split("/")[-1])
    assert browser.post(f"/teacher/quizzes/{quiz_id}/publish").status_code == 302
    session.expire_all()
    return session.get(models.Quiz, quiz_id)


# --- dashboard and articles -------------------------------------------------------------------

def test_dashboard_lists_the_teachers_articles_and_quizzes(browser, bank_id):
    html = browser.get("/teacher/").get_data(as_text=True)
    assert "لوحة المعلّم" in html and "حملة تطعيم" in html and 'dir="rtl"' in html


def test_pasting_an_article_generates_a_pending_bank_with_the_publication_date(browser, session, calls):
    bank_id = bank_id_of(new_article(browser))
    assert calls.article_dates == ["2026-03-02"]
    bank = session.get(models.Bank, bank_id)
    assert bank.article.title == "حملة تطعيم" and bank.article.source == "وكالة الأنباء"
    assert bank.article.published_on == dt.date(2026, 3, 2) and bank.article.text == ARTICLE
    assert {bq.status for bq in questions_of(session, bank_id).values()} == {"pending"}


def test_an_uploaded_web_page_is_shown_as_read_then_generated_from_what_the_teacher_confirms(browser, session,
                                                                                            calls):
    page = ("<html><head><title>حملة التطعيم</title></head><body><nav>القائمة الرئيسية</nav><article><p>"
            + ARTICLE.replace("\n", "</p><p>") + "</p></article><footer>حقوق النشر</footer></body></html>")
    r = browser.post("/teacher/articles/new", {"title": "", "text": "",
                                               "upload": (io.BytesIO(page.encode()), "news.html")},
                     content_type="multipart/form-data")
    html = r.get_data(as_text=True)
    assert r.status_code == 200 and "هذا ما قرأناه من صفحة الويب" in html
    assert count(session, models.Article) == 0 and calls.seeds == []  # nothing generated before the teacher looks
    shown = re.search(r'<textarea[^>]*id="text"[^>]*>\s*(.*?)</textarea>', html, re.S).group(1)
    assert "القائمة" not in shown and "حقوق" not in shown and "<p>" not in shown
    assert 'value="حملة التطعيم"' in html  # the page's title fills the empty title field
    r = browser.post("/teacher/articles/new", {"title": "حملة التطعيم", "text": unescape(shown)},
                     content_type="multipart/form-data")
    bank = session.get(models.Bank, bank_id_of(r))
    assert bank.article.text == ARTICLE and bank.article.title == "حملة التطعيم"


def test_pasted_html_is_read_as_a_page_too(browser, session, calls):
    r = new_article(browser, text="<html><body><article><p>" + ARTICLE.replace("\n", "</p><p>") + "</p></article></body></html>")
    assert r.status_code == 200 and "هذا ما قرأناه من صفحة الويب" in r.get_data(as_text=True)
    assert count(session, models.Article) == 0


def test_an_article_giving_no_question_saves_nothing_and_says_why(browser, session, monkeypatch):
    from quiz.services import articles

    monkeypatch.setattr(articles, "generator", lambda: lambda text, **kw: Bank(
        article=Article(key="k", title="t", text=text), questions=(), drops=(("answer_in_prompt", 3),)))
    r = new_article(browser)
    html = r.get_data(as_text=True)
    assert r.status_code == 200 and "لم يُحفظ شيء" in html and "الإجابة ظاهرة في نص السؤال" in html
    assert "3 أسئلة" in html and ARTICLE.split("\n")[0] in unescape(html)  # the text stays in the form
    assert count(session, models.Article) == 0 and count(session, models.Bank) == 0


def test_a_paste_over_the_size_limit_keeps_the_text_with_the_reason(browser, session, calls):
    text = ARTICLE + "\n" + "ب" * (1536 * 1024)  # 3 MB: over the text limit and the site's 2 MB body limit
    r = browser.post("/teacher/articles/new", {"title": "حملة", "text": text}, content_type="multipart/form-data")
    html = r.get_data(as_text=True)
    assert r.status_code == 200 and "طويل جدًا" in html
    assert text[-5000:] in html and count(session, models.Article) == 0


def test_uploading_a_text_file_uses_its_contents(browser, session, calls):
    r = browser.post("/teacher/articles/new", {"title": "ملف نصي",
                                               "upload": (io.BytesIO(ARTICLE.encode("utf-8")), "a.txt")},
                     content_type="multipart/form-data")
    assert session.get(models.Bank, bank_id_of(r)).article.text == ARTICLE


@pytest.mark.parametrize(("text", "upload", "message"), [
    ("", None, "فارغ"),
    ("   ", None, "فارغ"),
    ("Only English words here.", None, "حروف عربية"),
    ("ب" * (100 * 1024 + 1), None, "طويل جدًا"),
    ("", (b"\x00\x01\x02binary", "a.txt"), "ثنائي"),
    ("", ("نص عربي".encode("cp1256"), "a.txt"), "UTF-8"),
    ("", ("نص عربي".encode(), "a.docx"), "غير مدعوم"),
])
def test_bad_article_input_shows_a_message_and_saves_nothing(browser, session, calls, text, upload, message):
    data = {"title": "عنوان", "text": text}
    if upload:
        data["upload"] = (io.BytesIO(upload[0]), upload[1])
    r = browser.post("/teacher/articles/new", data, content_type="multipart/form-data")
    assert r.status_code == 200
    assert message in r.get_data(as_text=True)
    assert count(session, models.Article) == 0 and calls.seeds == []


def test_an_article_without_a_title_is_refused(browser, session, calls):
    r = new_article(browser, title="")
    assert r.status_code == 200 and count(session, models.Article) == 0
    assert "اكتب عنوان المقال" in r.get_data(as_text=True)


def test_article_page_shows_the_text_and_regenerating_adds_a_bank_with_a_new_seed(browser, session, bank_id, calls):
    article_id = session.get(models.Bank, bank_id).article_id
    assert "وزارة الصحة المصرية" in browser.get(f"/teacher/articles/{article_id}").get_data(as_text=True)
    r = browser.post(f"/teacher/articles/{article_id}/regenerate")
    new_bank = session.get(models.Bank, bank_id_of(r))
    assert new_bank.id != bank_id and new_bank.article_id == article_id and calls.seeds == [0, 1]


# --- review ----------------------------------------------------------------------------------

def test_review_screen_shows_source_sentence_with_the_answer_highlighted(browser, bank_id):
    html = browser.get(f"/teacher/banks/{bank_id}").get_data(as_text=True)
    assert "<mark>وزارة الصحة</mark>" in html
    assert "من أعلن إطلاق حملة التطعيم؟" in html and "خالد عبد الغفار" in html


@pytest.mark.parametrize(("action", "status"), [("approve", "approved"), ("reject", "rejected"),
                                                  ("restore", "pending")])
def test_review_actions_set_the_status(browser, session, bank_id, action, status):
    bq = questions_of(session, bank_id)["k-mcq"]
    if action == "restore":
        review.set_status(session, bq.bank.article.owner_id, bq.id, "approved")
    r = browser.post(f"/teacher/questions/{bq.id}/{action}")
    assert r.status_code == 302 and r.headers["Location"].endswith(f"#q{bq.id}")
    assert questions_of(session, bank_id)["k-mcq"].status == status


def test_approve_all_approves_pending_but_leaves_rejected(browser, session, bank_id):
    rejected = questions_of(session, bank_id)["k-tf"].id
    browser.post(f"/teacher/questions/{rejected}/reject")
    browser.post(f"/teacher/banks/{bank_id}/approve-all")
    statuses = {k: bq.status for k, bq in questions_of(session, bank_id).items()}
    assert statuses.pop("k-tf") == "rejected" and set(statuses.values()) == {"approved"}


def test_review_filter_shows_only_that_status(browser, session, bank_id):
    browser.post(f"/teacher/questions/{questions_of(session, bank_id)['k-num'].id}/approve")
    html = browser.get(f"/teacher/banks/{bank_id}?status=approved").get_data(as_text=True)
    assert "كم محافظة" in html and "من أعلن إطلاق" not in html


def test_editing_a_question_saves_prompt_options_answer_and_accepted(browser, session, bank_id):
    bq = questions_of(session, bank_id)["k-short"]
    assert "خالد عبد الغفار" in browser.get(f"/teacher/questions/{bq.id}/edit").get_data(as_text=True)
    r = browser.post(f"/teacher/questions/{bq.id}/edit", {
        "prompt": "من يتولى وزارة الصحة المصرية؟", "answer": "خالد عبد الغفار",
        "accepted": "عبد الغفار\nالوزير خالد عبد الغفار\n", "choices": ""})
    assert r.status_code == 302
    data = json.loads(questions_of(session, bank_id)["k-short"].data_json)
    assert data["prompt"] == "من يتولى وزارة الصحة المصرية؟"
    assert data["accepted"] == ["عبد الغفار", "الوزير خالد عبد الغفار"]


def test_editing_mcq_options_keeps_the_answer_among_them(browser, session, bank_id):
    bq = questions_of(session, bank_id)["k-mcq"]
    r = browser.post(f"/teacher/questions/{bq.id}/edit", {
        "prompt": "أي جهة أطلقت الحملة؟", "answer": "وزارة الصحة",
        "choices": "وزارة الصحة\nوزارة الزراعة\nوزارة النقل\nوزارة الإسكان"})
    assert r.status_code == 302
    data = json.loads(questions_of(session, bank_id)["k-mcq"].data_json)
    assert data["choices"] == ["وزارة الصحة", "وزارة الزراعة", "وزارة النقل", "وزارة الإسكان"]


@pytest.mark.parametrize(("fields", "message"), [
    ({"prompt": "من وزير الصحة خالد عبد الغفار؟", "answer": "خالد عبد الغفار"}, "ظاهرة في نص السؤال"),
    ({"prompt": "وزير الصحة هو", "answer": "خالد عبد الغفار"}, "ينتهي بـ ؟"),
    ({"prompt": "من وزير الصحة (المصري؟", "answer": "خالد عبد الغفار"}, "غير متوازنة"),
])
def test_an_edit_failing_the_checks_shows_why_and_changes_nothing(browser, session, bank_id, fields, message):
    bq = questions_of(session, bank_id)["k-short"]
    before = bq.data_json
    r = browser.post(f"/teacher/questions/{bq.id}/edit", {"accepted": "", "choices": "", **fields})
    assert r.status_code == 200 and message in r.get_data(as_text=True)
    assert questions_of(session, bank_id)["k-short"].data_json == before


def test_an_mcq_edit_whose_answer_is_not_an_option_is_refused(browser, session, bank_id):
    bq = questions_of(session, bank_id)["k-mcq"]
    r = browser.post(f"/teacher/questions/{bq.id}/edit", {
        "prompt": "أي جهة أطلقت الحملة؟", "answer": "وزارة الصحة", "choices": "أ\nب\nج\nد"})
    assert r.status_code == 200 and "إجابة صحيحة واحدة" in r.get_data(as_text=True)


def test_new_distractors_replace_the_wrong_options_and_keep_the_answer(browser, session, bank_id):
    before = json.loads(questions_of(session, bank_id)["k-mcq"].data_json)["choices"]
    r = browser.post(f"/teacher/questions/{questions_of(session, bank_id)['k-mcq'].id}/distractors")
    assert r.status_code == 302
    after = json.loads(questions_of(session, bank_id)["k-mcq"].data_json)["choices"]
    assert "وزارة الصحة" in after and set(after) != set(before) and len(after) == 4


@pytest.mark.parametrize(("fields", "kind"), [
    ({"kind": "mcq", "prompt": "في كم محافظة تجري الحملة؟", "answer": "27", "choices": "27\n20\n30\n15"}, "mcq"),
    ({"kind": "true_false", "prompt": "هل تستمر الحملة أسبوعين؟", "answer": TRUE_LABEL}, "true_false"),
    ({"kind": "short", "prompt": "ما الجهة التي أطلقت الحملة؟", "answer": "وزارة الصحة",
      "accepted": "الصحة", "source_text": "أعلنت وزارة الصحة المصرية"}, "short"),
    ({"kind": "numeric", "prompt": "كم مليون طفل تشمل الحملة؟", "answer": "3"}, "numeric"),
])
def test_a_hand_written_question_is_added_approved(browser, session, bank_id, fields, kind):
    r = browser.post(f"/teacher/banks/{bank_id}/questions/new", {"fact_type": "", "accepted": "", "choices": "",
                                                                  "source_text": "", **fields})
    assert r.status_code == 302, r.get_data(as_text=True)[:3000]
    added = [bq for bq in questions_of(session, bank_id).values() if bq.key.startswith("hand-")]
    assert [(bq.kind, bq.status) for bq in added] == [(kind, "approved")]


def test_hand_written_matching_and_ordering_questions_are_added_with_shuffled_options(browser, session, bank_id):
    r = browser.post(f"/teacher/banks/{bank_id}/questions/new", {
        "kind": "matching", "prompt": "ما بلد كل مسؤول مما يلي؟", "answer": "", "choices": "", "accepted": "",
        "fact_type": "person", "source_text": "",
        "pairs": "ترامب = الولايات المتحدة\nعصفورة = هندوراس\nماكرون = فرنسا"})
    assert r.status_code == 302, r.get_data(as_text=True)[:3000]
    r = browser.post(f"/teacher/banks/{bank_id}/questions/new", {
        "kind": "ordering", "prompt": "ما الترتيب الزمني الصحيح للأحداث الآتية؟", "answer": "", "choices": "",
        "accepted": "", "fact_type": "date", "source_text": "",
        "items": "الانتخابات\nإعلان النتائج\nأداء اليمين"})
    assert r.status_code == 302, r.get_data(as_text=True)[:3000]
    added = {bq.kind: json.loads(bq.data_json) for bq in questions_of(session, bank_id).values()
             if bq.key.startswith("hand-")}
    assert set(added) == {"matching", "ordering"}
    matching, ordering = added["matching"], added["ordering"]
    assert matching["pairs"] == [["ترامب", "الولايات المتحدة"], ["عصفورة", "هندوراس"], ["ماكرون", "فرنسا"]]
    assert sorted(matching["choices"]) == sorted(["الولايات المتحدة", "هندوراس", "فرنسا"])
    assert matching["choices"] != ["الولايات المتحدة", "هندوراس", "فرنسا"]  # the order would give it away
    assert ordering["items"] == ["الانتخابات", "إعلان النتائج", "أداء اليمين"]
    assert sorted(ordering["choices"]) == sorted(ordering["items"]) and ordering["choices"] != ordering["items"]
    assert all(bq.status == "approved" for bq in questions_of(session, bank_id).values() if bq.key.startswith("hand-"))


@pytest.mark.parametrize(("fields", "message"), [
    ({"kind": "matching", "pairs": "ترامب = الولايات المتحدة"}, "زوجين على الأقل"),
    ({"kind": "matching", "pairs": "ترامب الولايات المتحدة\nعصفورة = هندوراس"}, "ليس زوجًا"),
    ({"kind": "ordering", "items": "الانتخابات\nأداء اليمين"}, "ثلاثة عناصر على الأقل"),
])
def test_a_hand_written_matching_or_ordering_question_needs_enough_parts(browser, session, bank_id, fields, message):
    r = browser.post(f"/teacher/banks/{bank_id}/questions/new", {
        "prompt": "ما الجواب الصحيح؟", "answer": "", "choices": "", "accepted": "", "fact_type": "", "source_text": "",
        **fields})
    assert r.status_code == 200 and message in r.get_data(as_text=True)
    assert not [k for k in questions_of(session, bank_id) if k.startswith("hand-")]


def test_a_hand_written_question_failing_the_checks_is_not_added(browser, session, bank_id):
    r = browser.post(f"/teacher/banks/{bank_id}/questions/new", {
        "kind": "mcq", "prompt": "في كم محافظة تجري الحملة؟", "answer": "27", "choices": "27\n27\n30"})
    assert r.status_code == 200 and "مكررة" in r.get_data(as_text=True)
    assert not [k for k in questions_of(session, bank_id) if k.startswith("hand-")]


# --- quizzes ---------------------------------------------------------------------------------

def test_only_approved_questions_can_go_into_a_quiz(browser, session, bank_id):
    qs = questions_of(session, bank_id)
    browser.post(f"/teacher/questions/{qs['k-mcq'].id}/approve")
    assert "k-num" not in [k for k, bq in questions_of(session, bank_id).items() if bq.status == "approved"]
    html = browser.get(f"/teacher/banks/{bank_id}/quizzes/new").get_data(as_text=True)
    assert f'value="{qs["k-mcq"].id}"' in html and f'value="{qs["k-num"].id}"' not in html
    r = browser.post(f"/teacher/banks/{bank_id}/quizzes/new", {
        "title": "ت", "mode": "pick", "questions": [qs["k-mcq"].id, qs["k-num"].id],
        "grading": "highest", "layout": "all_on_one", "review": "immediately"})
    assert r.status_code == 200 and count(session, models.Quiz) == 0


def test_publishing_snapshots_questions_and_shows_code_and_link(browser, session, approved_bank):
    quiz = make_published_quiz(browser, session, approved_bank, time_limit_minutes="15", attempts_allowed="2",
                               grading="average", layout="one_per_page", review="never")
    assert quiz.published and len(quiz.code) == 6 and len(quiz.questions) == 5
    assert (quiz.time_limit_seconds, quiz.attempts_allowed, quiz.grading, quiz.layout, quiz.review) == \
        (900, 2, "average", "one_per_page", "never")
    html = browser.get(f"/teacher/quizzes/{quiz.id}").get_data(as_text=True)
    assert f'id="join-code">{quiz.code}<' in html
    assert f'value="http://localhost/q/{quiz.code}"' in html  # the link, as text to copy
    # Later edits to the bank never change the published snapshot.
    bq = questions_of(session, approved_bank)["k-short"]
    browser.post(f"/teacher/questions/{bq.id}/edit", {"prompt": "من يتولى وزارة الصحة؟",
                                                      "answer": "خالد عبد الغفار", "accepted": ""})
    session.expire_all()
    snap = [json.loads(qq.data_json)["prompt"] for qq in session.get(models.Quiz, quiz.id).questions]
    assert "من وزير الصحة المصري؟" in snap and "من يتولى وزارة الصحة؟" not in snap


def test_a_draft_is_not_published_and_drops_questions_unapproved_before_publishing(browser, session, approved_bank):
    qs = questions_of(session, approved_bank)
    r = browser.post(f"/teacher/banks/{approved_bank}/quizzes/new", {
        "title": "مسودة", "mode": "pick", "questions": [qs["k-mcq"].id, qs["k-tf"].id],
        "grading": "highest", "layout": "all_on_one", "review": "immediately"})
    quiz_id = int(r.headers["Location"].split("/")[-1])
    assert session.get(models.Quiz, quiz_id).published is False
    assert "انشر الاختبار" in browser.get(f"/teacher/quizzes/{quiz_id}").get_data(as_text=True)
    browser.post(f"/teacher/questions/{qs['k-tf'].id}/reject")
    browser.post(f"/teacher/quizzes/{quiz_id}/publish")
    session.expire_all()
    quiz = session.get(models.Quiz, quiz_id)
    assert quiz.published and [json.loads(q.data_json)["key"] for q in quiz.questions] == ["k-mcq"]


def test_drawing_at_random_takes_n_per_fact_type(browser, session, approved_bank):
    r = browser.post(f"/teacher/banks/{approved_bank}/quizzes/new", {
        "title": "سحب", "mode": "draw", "draw_person": "1", "draw_number": "5", "draw_place": "2",
        "grading": "highest", "layout": "all_on_one", "review": "immediately"})
    quiz = session.get(models.Quiz, int(r.headers["Location"].split("/")[-1]))
    assert sorted(json.loads(q.data_json)["fact_type"] for q in quiz.questions) == ["number", "person"]


@pytest.mark.parametrize(("fields", "message"), [
    ({"title": ""}, "عنوان"),
    ({"opens_at": "2026-05-02T10:00", "closes_at": "2026-05-01T10:00"}, "بعد موعد الفتح"),
    ({"review": "after_close"}, "موعد إغلاق"),
    ({"time_limit_minutes": "0"}, "من 1 إلى 600"),
    ({"questions": []}, "سؤالًا واحدًا"),
])
def test_inconsistent_quiz_settings_are_refused(browser, session, approved_bank, fields, message):
    ids = [bq.id for bq in questions_of(session, approved_bank).values()]
    data = {"title": "ت", "mode": "pick", "questions": ids, "grading": "highest", "layout": "all_on_one",
            "review": "immediately", **fields}
    r = browser.post(f"/teacher/banks/{approved_bank}/quizzes/new", data)
    assert r.status_code == 200 and message in r.get_data(as_text=True)
    assert count(session, models.Quiz) == 0


def test_settings_can_be_changed_after_publishing(browser, session, approved_bank):
    quiz = make_published_quiz(browser, session, approved_bank)
    assert 'value="اختبار الحملة"' in browser.get(f"/teacher/quizzes/{quiz.id}/settings").get_data(as_text=True)
    r = browser.post(f"/teacher/quizzes/{quiz.id}/settings", {
        "title": "اختبار معدل", "closes_at": "2030-01-01T12:00", "grading": "last", "layout": "all_on_one",
        "review": "after_close"})
    assert r.status_code == 302
    session.expire_all()
    quiz = session.get(models.Quiz, quiz.id)
    assert (quiz.title, quiz.closes_at, quiz.grading, quiz.review) == \
        ("اختبار معدل", dt.datetime(2030, 1, 1, 12, 0), "last", "after_close")


def test_a_draft_can_be_deleted_but_a_published_quiz_cannot(browser, session, approved_bank):
    published = make_published_quiz(browser, session, approved_bank)
    ids = [bq.id for bq in questions_of(session, approved_bank).values()]
    r = browser.post(f"/teacher/banks/{approved_bank}/quizzes/new", {
        "title": "مسودة", "mode": "pick", "questions": ids, "grading": "highest", "layout": "all_on_one",
        "review": "immediately"})
    draft_id = int(r.headers["Location"].split("/")[-1])
    assert browser.post(f"/teacher/quizzes/{draft_id}/delete").status_code == 302
    browser.post(f"/teacher/quizzes/{published.id}/delete")
    session.expire_all()
    assert session.get(models.Quiz, draft_id) is None and session.get(models.Quiz, published.id) is not None


# --- results ---------------------------------------------------------------------------------

def take(session, quiz, user, answers_by_key, *, minutes=5):
    """Have ``user`` take ``quiz``, answering by question key; return the submitted attempt."""
    start = models.utcnow() - dt.timedelta(minutes=minutes + 1)
    attempt = attempt_service.start_attempt(session, quiz, user.id, now=start)
    by_key = {json.loads(qq.data_json)["key"]: qq.id for qq in quiz.questions}
    attempt_service.save_answers(session, attempt, {by_key[k]: v for k, v in answers_by_key.items()},
                                 now=start + dt.timedelta(minutes=1))
    return attempt_service.submit(session, attempt, now=start + dt.timedelta(minutes=minutes))


ALL_RIGHT = {"k-mcq": "وزارة الصحة", "k-num": "27", "k-tf": TRUE_LABEL, "k-short": "عبد الغفار", "k-cloze": "أسبوعين"}
TWO_RIGHT = {"k-mcq": "وزارة الصحة", "k-num": "30", "k-tf": "خطأ", "k-short": "عبد الغفار", "k-cloze": "شهرين"}


@pytest.fixture
def results_quiz(browser, session, approved_bank, make_user):
    quiz = make_published_quiz(browser, session, approved_bank)
    ali, mona = make_user(name="علي", email="ali@example.org"), make_user(name="منى", email="mona@example.org")
    take(session, quiz, ali, TWO_RIGHT, minutes=4)
    take(session, quiz, mona, ALL_RIGHT, minutes=7)
    return quiz


def test_results_table_shows_each_student_with_score_time_and_attempts(browser, results_quiz):
    html = browser.get(f"/teacher/quizzes/{results_quiz.id}/results").get_data(as_text=True)
    assert "علي" in html and "منى" in html
    assert "40%" in html and "100%" in html  # 2 of 5, 5 of 5
    assert "4:00" in html and "7:00" in html


def test_results_page_draws_the_histogram_and_the_item_analysis(browser, results_quiz):
    html = browser.get(f"/teacher/quizzes/{results_quiz.id}/results").get_data(as_text=True)
    assert "<svg" in html and 'role="img"' in html and "<script" not in html.split("<svg")[1].split("</svg>")[0]
    # Every student got the mcq right: facility 100% (too easy) and no discrimination (no spread).
    assert "سهل جدًا" in html and "100%" in html
    assert 'id="item-table"' in html and "كم محافظة تشملها الحملة؟" in html


def test_results_csv_has_a_bom_a_header_and_one_row_per_student(browser, results_quiz):
    r = browser.get(f"/teacher/quizzes/{results_quiz.id}/results.csv")
    assert r.status_code == 200 and r.mimetype == "text/csv" and "attachment" in r.headers["Content-Disposition"]
    assert r.data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(r.data.decode("utf-8-sig"))))
    assert rows[0][0] == "الطالب"
    assert sorted((row[0], row[2], row[5]) for row in rows[1:]) == [("علي", "40.0", "1"), ("منى", "100.0", "1")]


@pytest.mark.parametrize(("grading", "expected"), [("highest", "100.0"), ("last", "40.0"), ("average", "70.0")])
def test_results_follow_the_quizs_grading_rule_across_attempts(browser, session, approved_bank, make_user,
                                                              grading, expected):
    quiz = make_published_quiz(browser, session, approved_bank, grading=grading)
    student = make_user(name="سعيد", email="said@example.org")
    take(session, quiz, student, ALL_RIGHT)
    take(session, quiz, student, TWO_RIGHT)
    rows = list(csv.reader(io.StringIO(
        browser.get(f"/teacher/quizzes/{quiz.id}/results.csv").data.decode("utf-8-sig"))))
    assert (rows[1][0], rows[1][2], rows[1][5]) == ("سعيد", expected, "2")


def test_item_analysis_uses_first_attempts_only(session, results_quiz, make_user):
    from quiz.services import stats

    ali = session.scalars(select(models.User).where(models.User.name == "علي")).one()
    take(session, results_quiz, ali, ALL_RIGHT)  # a second, better attempt must not count
    by_key = {json.loads(s_qq.data_json)["key"]: s for s_qq, s in zip(
        sorted(results_quiz.questions, key=lambda q: q.position), stats.quiz_item_analysis(session, results_quiz))}
    assert by_key["k-num"].stat.facility == pytest.approx(0.5)  # Ali missed it first time, Mona got it
    assert by_key["k-mcq"].stat.facility == 1.0


def test_a_csv_name_that_looks_like_a_formula_is_neutralised(browser, session, approved_bank, make_user):
    quiz = make_published_quiz(browser, session, approved_bank)
    take(session, quiz, make_user(name="=HYPERLINK(1)", email="x@example.org"), ALL_RIGHT)
    body = browser.get(f"/teacher/quizzes/{quiz.id}/results.csv").data.decode("utf-8-sig")
    assert "'=HYPERLINK(1)" in body


# --- access ----------------------------------------------------------------------------------

def teacher_urls(session, bank_id, quiz_id, bq_id, article_id):
    """Every teacher route with the ids of one teacher's rows: (method, url)."""
    return [
        ("GET", "/teacher/"), ("GET", "/teacher/articles/new"), ("POST", "/teacher/articles/new"),
        ("GET", f"/teacher/articles/{article_id}"), ("POST", f"/teacher/articles/{article_id}/regenerate"),
        ("GET", f"/teacher/banks/{bank_id}"), ("POST", f"/teacher/banks/{bank_id}/approve-all"),
        ("GET", f"/teacher/banks/{bank_id}/questions/new"), ("POST", f"/teacher/banks/{bank_id}/questions/new"),
        ("GET", f"/teacher/banks/{bank_id}/quizzes/new"), ("POST", f"/teacher/banks/{bank_id}/quizzes/new"),
        ("POST", f"/teacher/questions/{bq_id}/approve"), ("POST", f"/teacher/questions/{bq_id}/reject"),
        ("POST", f"/teacher/questions/{bq_id}/restore"), ("POST", f"/teacher/questions/{bq_id}/distractors"),
        ("GET", f"/teacher/questions/{bq_id}/edit"), ("POST", f"/teacher/questions/{bq_id}/edit"),
        ("GET", f"/teacher/quizzes/{quiz_id}"), ("GET", f"/teacher/quizzes/{quiz_id}/settings"),
        ("POST", f"/teacher/quizzes/{quiz_id}/settings"), ("POST", f"/teacher/quizzes/{quiz_id}/publish"),
        ("POST", f"/teacher/quizzes/{quiz_id}/delete"), ("GET", f"/teacher/quizzes/{quiz_id}/results"),
        ("GET", f"/teacher/quizzes/{quiz_id}/results.csv"), ("POST", "/teacher/invitations"),
    ]


@pytest.fixture
def owned(browser, session, approved_bank):
    quiz = make_published_quiz(browser, session, approved_bank)
    bq = questions_of(session, approved_bank)["k-mcq"]
    return dict(bank_id=approved_bank, quiz_id=quiz.id, bq_id=bq.id, article_id=bq.bank.article_id)


def _send(b: Browser, method: str, url: str):
    return b.get(url) if method == "GET" else b.post(url, {})


def test_anonymous_visitors_are_sent_to_sign_in_on_every_teacher_page(app, session, owned):
    anonymous = Browser(app.test_client())
    for method, url in teacher_urls(session, **owned):
        r = _send(anonymous, method, url)
        assert r.status_code == 302 and "/login" in r.headers["Location"], (method, url)


def test_students_get_403_on_every_teacher_page(app, session, owned, make_user):
    student = sign_in(app.test_client(), make_user("student", name="طالب", email="st@example.org"))
    for method, url in teacher_urls(session, **owned):
        assert _send(student, method, url).status_code == 403, (method, url)


def test_another_teacher_gets_404_on_every_row_that_is_not_theirs(app, session, owned, other_teacher):
    other = sign_in(app.test_client(), other_teacher)
    own_pages = {"/teacher/", "/teacher/articles/new", "/teacher/invitations"}
    for method, url in teacher_urls(session, **owned):
        if url not in own_pages:
            assert _send(other, method, url).status_code == 404, (method, url)
    html = other.get("/teacher/").get_data(as_text=True)
    assert "حملة تطعيم" not in html and "اختبار الحملة" not in html
    session.expire_all()
    assert session.get(models.Quiz, owned["quiz_id"]).title == "اختبار الحملة"


def test_a_post_without_the_csrf_token_is_refused(client, session, teacher, bank_id):
    sign_in(client, teacher)
    bq = questions_of(session, bank_id)["k-mcq"]
    assert client.post(f"/teacher/questions/{bq.id}/approve").status_code == 400
    assert questions_of(session, bank_id)["k-mcq"].status == "pending"


def test_quiz_and_bank_pages_offer_the_export_downloads(browser, session, approved_bank):
    quiz = make_published_quiz(browser, session, approved_bank)
    quiz_html = browser.get(f"/teacher/quizzes/{quiz.id}").get_data(as_text=True)
    bank_html = browser.get(f"/teacher/banks/{approved_bank}").get_data(as_text=True)
    assert f"/export/quiz/{quiz.id}.anki" in quiz_html and f"/export/quiz/{quiz.id}.moodle-xml" in quiz_html
    assert f"/export/bank/{approved_bank}.json" in bank_html
    r = browser.get(f"/export/quiz/{quiz.id}.anki")
    assert r.status_code == 200 and r.data[:2] == b"PK"  # an .apkg is a zip file


def test_a_deck_that_reads_answers_aloud_is_offered_where_the_server_can_speak(browser, session, approved_bank,
                                                                              monkeypatch):
    import zipfile
    from io import BytesIO

    from quiz.exports import speech

    quiz = make_published_quiz(browser, session, approved_bank)
    monkeypatch.setattr(speech, "available", lambda: False)
    assert "audio=1" not in browser.get(f"/teacher/quizzes/{quiz.id}").get_data(as_text=True)
    monkeypatch.undo()
    if not speech.available():
        pytest.fail("espeak-ng is not installed: tests/run.sh installs it")
    html = browser.get(f"/teacher/quizzes/{quiz.id}").get_data(as_text=True)
    assert "Anki مع نطق الإجابات" in html and f"/export/quiz/{quiz.id}.anki?audio=1" in html
    r = browser.get(f"/export/quiz/{quiz.id}.anki?audio=1")
    assert r.status_code == 200
    assert any(name.isdigit() for name in zipfile.ZipFile(BytesIO(r.data)).namelist())  # media files ride along
