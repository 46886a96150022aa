"""The review page and the facts behind its questions: salience shown and filtered, switching a question
for one of its alternates (and back), and warnings where one question gives another's answer away."""

from __future__ import annotations

import json
import re

import pytest

from questions.model import Article, Bank, Question, Source
from quiz import models
from quiz.services import banks as bank_service
from quiz.services import fact_cards
from teacher_helpers import other_teacher, sign_in, teacher, use_fast_password_hashing  # noqa: F401

pytestmark = pytest.mark.no_seed
FETCH = {"X-Requested-With": "fetch"}
SENTENCE = "فاز نصري عصفورة بانتخابات الرئاسة في هندوراس بنسبة 40.27% يوم 24 ديسمبر 2025."


def src(part: str) -> Source:
    return Source(SENTENCE, SENTENCE.index(part), SENTENCE.index(part) + len(part))


WHERE = Question(key="where-mcq", kind="mcq", fact_type="place", prompt="في أي بلد فاز عصفورة بالرئاسة؟",
                 answer="هندوراس", choices=("هندوراس", "كوبا", "بنما", "كوستاريكا"), source=src("هندوراس"),
                 salience=0.9,
                 alternates=(Question(key="where-short", kind="short", fact_type="place",
                                      prompt="في أي بلد جرت الانتخابات التي فاز بها عصفورة؟", answer="هندوراس",
                                      source=src("هندوراس"), salience=0.9),))
WHO = Question(key="who-short", kind="short", fact_type="person", prompt="من فاز بانتخابات الرئاسة في هندوراس؟",
               answer="نصري عصفورة", accepted=("عصفورة",), source=src("نصري عصفورة"), salience=0.2)


@pytest.fixture(autouse=True)
def _fast(monkeypatch):
    use_fast_password_hashing(monkeypatch)


@pytest.fixture
def bank(session, teacher):  # noqa: F811
    bank = Bank(article=Article(key="facts", title="انتخابات هندوراس", text=SENTENCE), questions=(WHERE, WHO))
    return bank_service.save_bank(session, bank, teacher.id, status="pending")


def card_ids(html: str) -> list[int]:
    return [int(i) for i in re.findall(r'data-card="(\d+)"', html)]


def row(session, bank, key) -> models.BankQuestion:
    session.expire_all()
    return next(bq for bq in session.get(models.Bank, bank.id).questions if bq.key == key)


def test_each_card_shows_its_salience_and_the_filter_keeps_the_key_facts(client, session, teacher, bank):  # noqa: F811
    browser = sign_in(client, teacher)
    html = browser.get(f"/teacher/banks/{bank.id}").get_data(as_text=True)
    assert '<bdi dir="ltr">90%</bdi>' in html and '<bdi dir="ltr">20%</bdi>' in html
    high = browser.get(f"/teacher/banks/{bank.id}?salience=high").get_data(as_text=True)
    assert card_ids(high) == [row(session, bank, "where-mcq").id]
    assert len(card_ids(browser.get(f"/teacher/banks/{bank.id}?salience=medium&kind=short").get_data(as_text=True))) == 0


def test_both_cards_warn_when_one_question_gives_the_others_answer_away(client, session, teacher, bank):  # noqa: F811
    html = sign_in(client, teacher).get(f"/teacher/banks/{bank.id}").get_data(as_text=True)
    assert "إجابته «هندوراس» ظاهرة في سؤال آخر" in html and "يكشف إجابة سؤال آخر («هندوراس»)" in html
    warnings = fact_cards.leak_warnings(session, bank.id)
    # Each gives the other away: «هندوراس» in the question about the winner, «عصفورة» in the one about the place.
    where, who = (warnings[row(session, bank, k).id] for k in ("where-mcq", "who-short"))
    assert sorted(where) == sorted(["إجابته «هندوراس» ظاهرة في سؤال آخر: «من فاز بانتخابات الرئاسة في هندوراس؟»",
                            "يكشف إجابة سؤال آخر («عصفورة»): «من فاز بانتخابات الرئاسة في هندوراس؟»"])
    assert sorted(who) == sorted(["يكشف إجابة سؤال آخر («هندوراس»): «في أي بلد فاز عصفورة بالرئاسة؟»",
                                  "إجابته «عصفورة» ظاهرة في سؤال آخر: «في أي بلد فاز عصفورة بالرئاسة؟»"])


def test_a_rejected_question_warns_no_one(client, session, teacher, bank):  # noqa: F811
    browser = sign_in(client, teacher)
    who = row(session, bank, "who-short")
    r = browser.post(f"/teacher/questions/{who.id}/reject", headers=FETCH)
    assert r.get_json()["leaks"] == {str(row(session, bank, "where-mcq").id): []}
    assert "ظاهرة في سؤال آخر" not in browser.get(f"/teacher/banks/{bank.id}").get_data(as_text=True)


def test_switching_to_an_alternate_keeps_every_realization_and_switches_back(client, session, teacher, bank):  # noqa: F811
    browser = sign_in(client, teacher)
    bq = row(session, bank, "where-mcq")
    html = browser.get(f"/teacher/banks/{bank.id}").get_data(as_text=True)
    assert "صيغ أخرى للمعلومة نفسها (1)" in html and 'value="where-short"' in html
    r = browser.post(f"/teacher/questions/{bq.id}/alternate", {"key": "where-short"}, headers=FETCH)
    assert r.status_code == 200 and "في أي بلد جرت الانتخابات" in r.get_json()["card"]
    switched = row(session, bank, "where-short")
    assert switched.id == bq.id and switched.kind == "short"
    data = json.loads(switched.data_json)
    assert [a["key"] for a in data["alternates"]] == ["where-mcq"] and data["salience"] == 0.9
    assert browser.post(f"/teacher/questions/{bq.id}/alternate", {"key": "where-mcq"}).status_code == 302
    back = row(session, bank, "where-mcq")
    assert back.kind == "mcq" and json.loads(back.data_json)["alternates"][0]["key"] == "where-short"


def test_an_unknown_alternate_changes_nothing_and_another_teacher_gets_404(client, session, teacher, other_teacher,
                                                                        bank, app):  # noqa: F811
    bq = row(session, bank, "where-mcq")
    r = sign_in(client, teacher).post(f"/teacher/questions/{bq.id}/alternate", {"key": "nope"}, headers=FETCH)
    assert "لم نجد هذه الصيغة" in r.get_json()["message"] and row(session, bank, "where-mcq").data_json == bq.data_json
    intruder = sign_in(app.test_client(), other_teacher)
    assert intruder.post(f"/teacher/questions/{bq.id}/alternate", {"key": "where-short"}).status_code == 404
