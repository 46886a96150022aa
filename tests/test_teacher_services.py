"""Teacher services with the real generator: a pasted article becomes a bank, distractors regenerate,
random draws respect the fact types, and ownership is enforced below the views."""

from __future__ import annotations

import json

import pytest

from quiz import models
from quiz.services import articles, assembly, ownership, review
from quiz.services.review import QuestionInvalid
from teacher_helpers import NEWS_ARTICLE as ARTICLE, use_fast_password_hashing

pytestmark = pytest.mark.no_seed


@pytest.fixture(autouse=True)
def _fast_hashing(monkeypatch):
    use_fast_password_hashing(monkeypatch)


@pytest.fixture
def teacher(make_user):
    return make_user("teacher")


@pytest.fixture
def bank(session, teacher):
    import datetime as dt

    return articles.create_article(session, teacher.id, title="حملة التطعيم", text=ARTICLE,
                                  source="وكالة", published_on=dt.date(2026, 3, 2))


def test_a_real_article_becomes_a_pending_bank_of_several_kinds(session, bank):
    rows = ownership.bank_questions(session, bank.id)
    assert len(rows) >= 4 and {r.status for r in rows} == {"pending"}
    assert len({r.kind for r in rows}) >= 2
    assert bank.article.published_on.isoformat() == "2026-03-02" and bank.article.text == ARTICLE


def test_regenerating_distractors_changes_the_wrong_options_of_a_real_mcq(session, teacher, bank):
    # A place or percentage question: the generator has many candidates for those (an organization
    # named in an article with few organizations may have no other distractors to offer).
    # (A percentage near 100 has only one set of round neighbours; another question of the bank has more.)
    mcqs = [r for r in ownership.bank_questions(session, bank.id)
            if r.kind == "mcq" and r.fact_type in ("date", "number", "percentage")]
    befores = {r.id: json.loads(r.data_json) for r in mcqs}
    mcq = next(r for r in mcqs if review.regenerate_distractors(session, teacher.id, r.id))
    before = befores[mcq.id]
    after = json.loads(session.get(models.BankQuestion, mcq.id).data_json)
    assert after["answer"] == before["answer"] and after["answer"] in after["choices"]
    assert set(after["choices"]) != set(before["choices"]) and after["prompt"] == before["prompt"]


def test_distractors_cannot_be_regenerated_for_a_typed_question(session, teacher, bank):
    typed = review.add_question(session, teacher.id, bank.id, kind="short", prompt="من وزير الصحة المصري؟",
                                answer="خالد عبد الغفار")
    before = typed.data_json
    assert not review.regenerate_distractors(session, teacher.id, typed.id)
    assert session.get(models.BankQuestion, typed.id).data_json == before


def test_a_random_draw_takes_at_most_n_of_each_fact_type_in_bank_order(session, bank):
    rows = ownership.bank_questions(session, bank.id)
    counts = {"person": 2, "date": 1, "number": 100}
    ids = assembly.draw_per_fact_type(rows, counts, seed=3)
    chosen = [r for r in rows if r.id in ids]
    by_type = {t: sum(1 for r in chosen if r.fact_type == t) for t in counts}
    available = {t: sum(1 for r in rows if r.fact_type == t) for t in counts}
    assert by_type == {t: min(n, available[t]) for t, n in counts.items()}
    assert ids == [r.id for r in chosen]  # kept in bank order
    assert ids == assembly.draw_per_fact_type(rows, counts, seed=3)  # reproducible with a seed


def test_every_service_refuses_another_teachers_rows(session, bank, make_user):
    stranger = make_user("teacher")
    bq = ownership.bank_questions(session, bank.id)[0]
    calls = [
        lambda: ownership.owned_article(session, stranger.id, bank.article_id),
        lambda: articles.regenerate_bank(session, stranger.id, bank.article_id),
        lambda: review.set_status(session, stranger.id, bq.id, "approved"),
        lambda: review.approve_all(session, stranger.id, bank.id),
        lambda: review.edit_question(session, stranger.id, bq.id, prompt="ما؟", answer="x"),
        lambda: review.regenerate_distractors(session, stranger.id, bq.id),
        lambda: review.add_question(session, stranger.id, bank.id, kind="short", prompt="ما؟", answer="x"),
        lambda: assembly.create_quiz(session, stranger.id, bank.id, assembly.QuizSettings("t"), [bq.id]),
    ]
    for call in calls:
        with pytest.raises(ownership.NotFound):
            call()
    assert session.get(models.BankQuestion, bq.id).status == "pending"


@pytest.fixture
def sample(session, teacher):
    from conftest import sample_bank
    from quiz.services import banks as bank_service

    row = bank_service.save_bank(session, sample_bank("owned-sample"), teacher.id)
    return {json.loads(q.data_json)["key"]: q for q in row.questions}


def test_a_matching_question_is_edited_through_its_pairs(session, teacher, sample):
    bq = sample["match1"]
    review.edit_question(session, teacher.id, bq.id, prompt="ما منصب كل شخص مما يلي؟", answer="",
                          pairs=[("ترامب", "رئيس أمريكا"), ("روبيو", "وزير الخارجية"), ("عصفورة", "رئيس هندوراس"),
                                 ("بايدن", "رئيس سابق")])
    data = json.loads(session.get(models.BankQuestion, bq.id).data_json)
    assert data["pairs"][-1] == ["بايدن", "رئيس سابق"]
    assert sorted(data["choices"]) == sorted(["رئيس أمريكا", "وزير الخارجية", "رئيس هندوراس", "رئيس سابق"])


def test_an_ordering_question_is_edited_through_its_items_and_its_options_stay_shuffled(session, teacher, sample):
    bq = sample["order1"]
    items = ["الترشح", "الانتخابات", "إعلان النتائج", "أداء اليمين"]
    review.edit_question(session, teacher.id, bq.id, prompt="ما الترتيب الزمني الصحيح للأحداث من الأقدم إلى الأحدث؟", answer="",
                          items=items)
    data = json.loads(session.get(models.BankQuestion, bq.id).data_json)
    assert data["items"] == items and sorted(data["choices"]) == sorted(items) and data["choices"] != items


@pytest.mark.parametrize(("key", "edit", "message"), [
    ("match1", {"pairs": [("ترامب", "رئيس أمريكا")]}, "زوجين على الأقل"),
    ("order1", {"items": ["أ", "ب"]}, "ثلاثة عناصر"),
    ("tf1", {"answer": "ربما"}, "«صح» أو «خطأ»"),
    ("num1", {"answer": "كثير"}, "عددًا"),
    ("short1", {"answer": ""}, "اكتب الإجابة الصحيحة"),
])
def test_structural_edits_that_break_a_question_are_refused_with_a_clear_message(session, teacher, sample,
                                                                                 key, edit, message):
    bq = sample[key]
    before = bq.data_json
    original = json.loads(before)
    with pytest.raises(review.QuestionInvalid) as err:
        review.edit_question(session, teacher.id, bq.id, **{"prompt": original["prompt"],
                                                              "answer": original["answer"], **edit})
    assert any(message in m for m in err.value.messages), err.value.messages
    session.expire_all()
    assert session.get(models.BankQuestion, bq.id).data_json == before


def test_the_edit_page_reads_matching_pairs_one_per_line(client, session, teacher, sample):
    from teacher_helpers import sign_in

    browser = sign_in(client, teacher)
    bq = sample["match1"]
    assert "ترامب = رئيس أمريكا" in browser.get(f"/teacher/questions/{bq.id}/edit").get_data(as_text=True)
    bad = browser.post(f"/teacher/questions/{bq.id}/edit", {"prompt": "ما منصب كل شخص؟",
                                                             "pairs": "ترامب = رئيس أمريكا\nروبيو وزير"})
    assert bad.status_code == 200 and "ليس زوجًا" in bad.get_data(as_text=True)
    good = browser.post(f"/teacher/questions/{bq.id}/edit", {"prompt": "ما منصب كل شخص؟",
                                                              "pairs": "ترامب = رئيس أمريكا\nروبيو = وزير الخارجية"})
    assert good.status_code == 302
    session.expire_all()
    assert json.loads(session.get(models.BankQuestion, bq.id).data_json)["pairs"] == [
        ["ترامب", "رئيس أمريكا"], ["روبيو", "وزير الخارجية"]]


def test_the_review_page_says_how_many_questions_the_quality_checks_dropped(client, session, teacher, bank):
    from teacher_helpers import sign_in

    bank.drops_json = json.dumps({"answer_in_prompt": 2, "options_not_distinct": 1})
    session.commit()
    html = sign_in(client, teacher).get(f"/teacher/banks/{bank.id}").get_data(as_text=True)
    assert "استبعدت فحوص الجودة 3 أسئلة" in html and "الإجابة ظاهرة في نص السؤال: 2" in html


def test_a_bank_with_a_repeated_key_is_saved_once_per_key(session, teacher, monkeypatch):
    from dataclasses import replace

    from teacher_helpers import install_fake_generator

    calls = install_fake_generator(monkeypatch)
    fake = articles.generator()
    monkeypatch.setattr(articles, "generator", lambda: lambda text, **kw: replace(
        fake(text, **kw), questions=fake(text, **kw).questions * 2))
    bank = articles.create_article(session, teacher.id, title="مكرر", text=ARTICLE)
    keys = [r.key for r in ownership.bank_questions(session, bank.id)]
    assert len(keys) == len(set(keys)) == 5 and calls.seeds


def _leaking_pair(session, teacher, bank):
    who = review.add_question(session, teacher.id, bank.id, kind="short", prompt="من وزير الصحة المصري؟",
                              answer="خالد عبد الغفار")
    when = review.add_question(session, teacher.id, bank.id, kind="short",
                               prompt="متى أعلن الوزير خالد عبد الغفار إطلاق الحملة؟", answer="يوم الاثنين")
    return who, when


def test_a_hand_picked_quiz_whose_questions_give_each_other_away_is_refused(session, teacher, bank):
    who, when = _leaking_pair(session, teacher, bank)
    with pytest.raises(QuestionInvalid) as err:
        assembly.create_quiz(session, teacher.id, bank.id, assembly.QuizSettings(title="اختبار"), [who.id, when.id])
    assert any("يكشف إجابة السؤال «من وزير الصحة المصري؟»" in m for m in err.value.messages)


def test_a_drawn_quiz_leaves_out_the_question_that_gives_another_away(session, teacher, bank):
    who, when = _leaking_pair(session, teacher, bank)
    quiz = assembly.create_quiz(session, teacher.id, bank.id, assembly.QuizSettings(title="اختبار"),
                                [who.id, when.id], drop_leaks=True)
    assert [qq.bank_question_id for qq in quiz.questions] == [who.id]


def test_a_title_that_gives_an_answer_away_stops_publishing(session, teacher, bank):
    who, _ = _leaking_pair(session, teacher, bank)
    quiz = assembly.create_quiz(session, teacher.id, bank.id, assembly.QuizSettings(title="اختبار"), [who.id])
    assembly.update_settings(session, teacher.id, quiz.id, assembly.QuizSettings(title="خالد عبد الغفار والحملة"))
    with pytest.raises(QuestionInvalid) as err:
        assembly.publish(session, teacher.id, quiz.id)
    assert err.value.messages == ["عنوان الاختبار يكشف إجابة السؤال «من وزير الصحة المصري؟»."]
    assert not session.get(models.Quiz, quiz.id).published
