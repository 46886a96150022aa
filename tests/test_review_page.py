"""The review page («مراجعة»): compact cards, actions in place (JSON for the page script, a redirect
without it), bulk actions, filters by kind and fact type, edits checked in place, ids unique."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from quiz.services import ownership
from teacher_helpers import (Browser, install_fake_generator, other_teacher, sign_in, teacher,  # noqa: F401
                             use_fast_password_hashing)
from test_teacher_views import bank_id_of, new_article, questions_of

pytestmark = pytest.mark.no_seed
FETCH = {"X-Requested-With": "fetch"}


@pytest.fixture(autouse=True)
def _fast(monkeypatch):
    use_fast_password_hashing(monkeypatch)
    install_fake_generator(monkeypatch)


@pytest.fixture
def browser(client, teacher) -> Browser:  # noqa: F811
    return sign_in(client, teacher)


@pytest.fixture
def bank_id(browser) -> int:
    return bank_id_of(new_article(browser))


def test_one_compact_card_per_question_with_unique_ids(browser, session, bank_id):
    html = browser.get(f"/teacher/banks/{bank_id}").get_data(as_text=True)
    assert html.count('class="review-card') == len(questions_of(session, bank_id)) == 5
    ids = Counter(re.findall(r'\sid="([^"]+)"', html))
    assert [i for i, n in ids.items() if n > 1] == []
    assert '<script src="/static/js/review.js" defer></script>' in html and "<script>" not in html


def test_an_action_in_place_answers_with_the_new_card_and_the_counts(browser, session, bank_id):
    bq = questions_of(session, bank_id)["k-mcq"]
    r = browser.post(f"/teacher/questions/{bq.id}/approve", headers=FETCH)
    assert r.status_code == 200
    data = r.get_json()
    assert data["summary"] == {"pending": 4, "approved": 1, "rejected": 0}
    assert f'data-card="{bq.id}"' in data["card"] and "status-approved" in data["card"]
    assert 'data-key-action="approve"' not in data["card"] and 'data-key-action="reject"' in data["card"]
    assert questions_of(session, bank_id)["k-mcq"].status == "approved"


def test_without_the_script_an_action_redirects_back_keeping_the_filters(browser, session, bank_id):
    bq = questions_of(session, bank_id)["k-tf"]
    r = browser.post(f"/teacher/questions/{bq.id}/reject?status=pending&kind=true_false")
    assert r.status_code == 302
    assert r.headers["Location"].endswith(f"/teacher/banks/{bank_id}?status=pending&kind=true_false#q{bq.id}")


def test_bulk_actions_change_the_selected_questions_only(browser, session, bank_id, other_teacher, client):  # noqa: F811
    rows = questions_of(session, bank_id)
    chosen = [rows["k-mcq"].id, rows["k-num"].id]
    r = browser.post(f"/teacher/banks/{bank_id}/bulk", {"action": "approve", "ids": chosen}, headers=FETCH)
    data = r.get_json()
    assert r.status_code == 200 and sorted(map(int, data["cards"])) == sorted(chosen)
    assert data["summary"]["approved"] == 2 and "سؤالان" in data["message"]
    after = questions_of(session, bank_id)
    assert {k for k, bq in after.items() if bq.status == "approved"} == {"k-mcq", "k-num"}
    r = browser.post(f"/teacher/banks/{bank_id}/bulk", {"action": "reject", "ids": [rows["k-tf"].id]})
    assert r.status_code == 302 and questions_of(session, bank_id)["k-tf"].status == "rejected"


def test_bulk_on_another_teachers_bank_is_not_found_and_ids_of_other_banks_are_ignored(
        app, session, bank_id, other_teacher):  # noqa: F811
    theirs = sign_in(app.test_client(), other_teacher)
    other_bank = bank_id_of(new_article(theirs))
    rows = questions_of(session, bank_id)
    assert theirs.post(f"/teacher/banks/{bank_id}/bulk", {"action": "approve", "ids": [rows["k-mcq"].id]}
                       ).status_code == 404
    theirs.post(f"/teacher/banks/{other_bank}/bulk", {"action": "approve", "ids": [rows["k-mcq"].id]})
    assert questions_of(session, bank_id)["k-mcq"].status == "pending"


@pytest.mark.parametrize(("query", "keys"), [
    ("kind=mcq", {"k-mcq"}),
    ("fact_type=person", {"k-short"}),
    ("kind=numeric&fact_type=number", {"k-num"}),
    ("kind=numeric&fact_type=person", set()),
    ("kind=bogus", {"k-mcq", "k-num", "k-tf", "k-short", "k-cloze"}),
])
def test_filters_by_kind_and_fact_type(browser, session, bank_id, query, keys):
    html = browser.get(f"/teacher/banks/{bank_id}?{query}").get_data(as_text=True)
    shown = {int(i) for i in re.findall(r'data-card="(\d+)"', html)}
    assert shown == {bq.id for k, bq in questions_of(session, bank_id).items() if k in keys}


def test_an_edit_in_place_is_checked_and_answers_with_the_card(browser, session, bank_id):
    bq = questions_of(session, bank_id)["k-short"]
    bad = browser.post(f"/teacher/questions/{bq.id}/edit", {"prompt": "من وزير الصحة خالد عبد الغفار؟",
                                                            "answer": "خالد عبد الغفار"}, headers=FETCH)
    assert bad.status_code == 422
    assert "الإجابة ظاهرة في نص السؤال" in bad.get_json()["card"] and "<details class=\"edit\" open" in bad.get_json()["card"]
    assert questions_of(session, bank_id)["k-short"].data_json == bq.data_json
    good = browser.post(f"/teacher/questions/{bq.id}/edit", {"prompt": "من الوزير الذي أعلن الحملة؟",
                                                             "answer": "خالد عبد الغفار"}, headers=FETCH)
    assert good.status_code == 200 and "من الوزير الذي أعلن الحملة؟" in good.get_json()["card"]


def test_the_review_page_counts_in_arabic_and_offers_approved_downloads(browser, session, bank_id):
    html = browser.get(f"/teacher/banks/{bank_id}").get_data(as_text=True)
    assert "تنزيل الأسئلة المعتمدة" in html and "?all=1" in html
    assert 'data-count="pending">5<' in html
