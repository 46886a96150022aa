"""Question banks: properties on hand-built facts, and the real extractor on the built-in article and on
held-out articles that ship with the repository (tests/heldout), so every checkout runs them."""

from __future__ import annotations

import json
import os
import pathlib
import re
import subprocess
import sys
from collections import Counter

import pytest

from questions.checks import check
from questions.distractors import date_candidates, date_variants, render_date
from questions.generate import article_key, generate, generate_from_facts, report
from questions.grading import is_correct
from questions.kinds import comprehension_kinds, shape
from questions.leaks import find_leaks
from questions.model import BLANK, Bank, Fact
from questions.normalize import tokens
from test_golden import BUILT_IN_QUESTIONS

ROOT = pathlib.Path(__file__).resolve().parent.parent
SEED = ROOT / "quiz" / "seed" / "asfura_honduras.txt"
SEED_TITLE = "ترامب ونصري عصفورة: تحالف أمني"
HELDOUT = sorted((ROOT / "tests" / "heldout" / "set1").glob("*.txt"))

ARTICLE = (
    "كشف الرئيس الأمريكي، «دونالد ترامب»، عن تحالف أمني مع نظيره «نصري عصفورة» في مقر إقامته.\n"
    "وقد أعلن المجلس الانتخابي الوطني يوم 24 ديسمبر عن فوز «نصري عصفورة» في انتخابات الرئاسة في هندوراس "
    "بحصوله على (40.27%) من الأصوات.\n"
    "ولد «عصفورة» (67 عامًا) لأبوين فلسطينيين.\n"
    "وهنأ وزير الخارجية الأمريكي «ماركو روبيو» الرئيس المنتخب، مؤكدًا أن واشنطن تسعى للعمل المشترك.\n"
    "وقال روبيو إن الولايات المتحدة تدعو جميع القوى لاحترام النتائج في فنزويلا وهندوراس.\n"
    "وكان «ترامب» أعلن دعمه الصريح للمرشح اليميني خلال الانتخابات الرئاسية في هندوراس عام 2025.\n"
    "ثم دخل عصفورة الحياة العامة في تسعينيات القرن الماضي.\n"
)


def _fact(text: str, surface: str, typ: str, value: object, nth: int = 0, **kw: object) -> Fact:
    starts = [m.start() for m in re.finditer(re.escape(surface), text)]
    s = starts[nth]
    sentence = text[:s].count("\n")
    return Fact(type=typ, text=surface, value=value, start=s, end=s + len(surface), sentence=sentence,
                **kw)  # type: ignore[arg-type]


def hand_facts(text: str = ARTICLE) -> list[Fact]:
    """Facts shaped like the extractor's, built by hand so generation tests need no extractor."""
    trump = {"entity": "person:ترامب"}
    asfura = {"entity": "person:عصفورة"}
    rubio = {"entity": "person:روبيو"}
    return [
        _fact(text, "دونالد ترامب", "person", "دونالد ترامب", role="الرئيس الأمريكي", **trump),
        _fact(text, "نصري عصفورة", "person", "نصري عصفورة", 0, **asfura),
        _fact(text, "المجلس الانتخابي الوطني", "organization", "المجلس الانتخابي الوطني",
              entity="organization:المجلس"),
        _fact(text, "24 ديسمبر", "date", "--12-24", kind="monthday"),
        _fact(text, "نصري عصفورة", "person", "نصري عصفورة", 1, **asfura),
        _fact(text, "هندوراس", "place", "هندوراس", 0, entity="place:هندوراس", kind="country"),
        _fact(text, "40.27%", "percentage", 40.27),
        _fact(text, "عصفورة", "person", "نصري عصفورة", 2, **asfura),
        _fact(text, "67 عامًا", "number", 67, unit="عام"),
        _fact(text, "ماركو روبيو", "person", "ماركو روبيو", role="وزير الخارجية الأمريكي", **rubio),
        _fact(text, "واشنطن", "place", "واشنطن", entity="place:واشنطن", kind="city"),
        _fact(text, "روبيو", "person", "ماركو روبيو", 1, **rubio),
        _fact(text, "الولايات المتحدة", "place", "الولايات المتحدة", entity="place:الولايات", kind="country"),
        _fact(text, "فنزويلا", "place", "فنزويلا", entity="place:فنزويلا", kind="country"),
        _fact(text, "هندوراس", "place", "هندوراس", 1, entity="place:هندوراس", kind="country"),
        _fact(text, "ترامب", "person", "دونالد ترامب", 1, **trump),
        _fact(text, "هندوراس", "place", "هندوراس", 2, entity="place:هندوراس", kind="country"),
        _fact(text, "عام 2025", "date", "2025"),
        _fact(text, "عصفورة", "person", "نصري عصفورة", 3, **asfura),
        _fact(text, "تسعينيات القرن الماضي", "date", "199X"),
    ]


@pytest.fixture(scope="module")
def hand_bank() -> Bank:
    return generate_from_facts(ARTICLE, hand_facts(), seed=0)


def _all_questions(bank: Bank) -> list[object]:
    return [q for top in bank.questions for q in (top, *top.alternates)]


def test_every_question_and_alternate_passes_the_checks(hand_bank: Bank) -> None:
    assert hand_bank.questions
    assert [(q.prompt, check(q)) for q in _all_questions(hand_bank) if check(q)] == []  # type: ignore[attr-defined]


def test_no_fact_is_asked_twice_and_alternates_ask_the_same_fact(hand_bank: Bank) -> None:
    facts = [q.fact for q in hand_bank.questions]
    assert len(facts) == len(set(facts))
    for q in hand_bank.questions:
        assert all(a.fact == q.fact or a.fact.startswith(("comparison:", "change:")) or
                   q.fact.startswith(("comparison:", "change:")) for a in q.alternates)
        assert all(not a.alternates for a in q.alternates)


def test_the_bank_is_sorted_by_salience(hand_bank: Bank) -> None:
    weights = [q.salience for q in hand_bank.questions]
    assert weights == sorted(weights, reverse=True) and all(0 <= w <= 1 for w in weights)


def test_no_question_gives_another_away(hand_bank: Bank) -> None:
    assert find_leaks(hand_bank.questions) == []


def test_generation_is_deterministic_for_a_seed() -> None:
    a = generate_from_facts(ARTICLE, hand_facts(), seed=7).to_dict()
    b = generate_from_facts(ARTICLE, hand_facts(), seed=7).to_dict()
    assert a == b


def test_keys_are_stable_across_seeds_and_fact_order() -> None:
    a = generate_from_facts(ARTICLE, hand_facts(), seed=1)
    b = generate_from_facts(ARTICLE, list(reversed(hand_facts())), seed=2)
    assert {q.key for q in a.questions} == {q.key for q in b.questions}
    assert a.article.key == b.article.key == article_key(ARTICLE)


def test_a_different_seed_reshuffles_options_but_keeps_the_answer() -> None:
    a = {q.key: q for q in generate_from_facts(ARTICLE, hand_facts(), seed=1).questions if q.choices}
    b = {q.key: q for q in generate_from_facts(ARTICLE, hand_facts(), seed=99).questions if q.choices}
    assert a and a.keys() == b.keys()
    assert all(a[k].answer == b[k].answer for k in a)
    assert any(a[k].choices != b[k].choices for k in a)


def test_article_key_ignores_diacritics_and_spacing() -> None:
    assert article_key("وُلِدَ  عصفورة.") == article_key("ولد عصفورة")
    assert article_key("ولد عصفورة") != article_key("ولد ترامب")


def test_choice_questions_have_distinct_options_with_the_answer_once(hand_bank: Bank) -> None:
    for q in hand_bank.questions:
        if shape(q) == "choice":
            assert q.choices.count(q.answer) == 1
            assert len({" ".join(tokens(c)) for c in q.choices}) == len(q.choices) >= 3


def test_no_answer_alias_or_wrong_option_shows_in_its_prompt(hand_bank: Bank) -> None:
    for q in _all_questions(hand_bank):
        if shape(q) in ("choice", "text", "numeric"):  # type: ignore[arg-type]
            for a in (q.answer, *q.accepted, *q.choices):  # type: ignore[attr-defined]
                assert f" {' '.join(tokens(a))} " not in f" {' '.join(tokens(q.prompt))} ", (q.prompt, a)  # type: ignore[attr-defined]


def test_the_stored_answer_grades_as_correct(hand_bank: Bank) -> None:
    for q in _all_questions(hand_bank):
        how = shape(q)  # type: ignore[arg-type]
        if how == "matching":
            assert is_correct(q, dict(q.pairs))  # type: ignore[arg-type, attr-defined]
        elif how == "ordering":
            assert is_correct(q, list(q.items))  # type: ignore[arg-type, attr-defined]
        else:
            assert is_correct(q, q.answer), (q.kind, q.prompt)  # type: ignore[arg-type, attr-defined]


def test_clozes_blank_the_fact_once_and_keep_its_source(hand_bank: Bank) -> None:
    clozes = [q for q in _all_questions(hand_bank) if q.kind == "cloze"]  # type: ignore[attr-defined]
    assert clozes
    for q in clozes:
        assert q.prompt.count(BLANK) == 1  # type: ignore[attr-defined]
        src = q.source  # type: ignore[attr-defined]
        assert 0 <= src.start < src.end <= len(src.text) and src.text in ARTICLE
        assert not q.prompt.startswith(("وقد", "وهنأ", "وقال", "وكان"))  # type: ignore[attr-defined]


def test_an_article_without_facts_gives_an_empty_bank() -> None:
    bank = generate_from_facts("هذا نص قصير بلا أسماء ولا أرقام ولا تواريخ.", [])
    assert bank.questions == () and bank.drops == ()


def test_facts_with_wrong_offsets_are_ignored_not_fatal() -> None:
    bad = Fact(type="person", text="ترامب", value="دونالد ترامب", start=0, end=5, sentence=0)
    assert generate_from_facts(ARTICLE, [bad]).questions == ()


def test_bank_json_round_trip_is_lossless(hand_bank: Bank) -> None:
    d = hand_bank.to_dict()
    again = Bank.from_dict(json.loads(json.dumps(d, ensure_ascii=False)))
    assert again == hand_bank


def test_a_bank_saved_before_alternates_and_salience_still_loads() -> None:
    old = {"version": 1, "article": {"key": "k", "title": "", "text": "نص"}, "questions": [
        {"key": "q1", "kind": "mcq", "fact_type": "place", "prompt": "أين؟", "answer": "تونس",
         "choices": ["تونس", "الرباط", "الجزائر", "طرابلس"]}]}
    bank = Bank.from_dict(old)
    assert bank.questions[0].alternates == () and bank.questions[0].salience == 0.0


@pytest.mark.parametrize(("surface", "value", "new", "expected"), [
    ("24 ديسمبر", "--12-24", (None, 12, 17), "17 ديسمبر"),
    ("7 كانون الثاني/يناير 2024", "2024-01-07", (2024, 2, 7), "7 شباط/فبراير 2024"),
    ("الأحد 7 كانون الثاني/يناير 2024", "2024-01-07", (2024, 1, 10), "الأربعاء 10 كانون الثاني/يناير 2024"),
    ("عام 2025", "2025", (2023, None, None), "عام 2023"),
    ("تسعينيات القرن الماضي", "199X", (1980, None, None), "ثمانينيات القرن الماضي"),
    ("الخامس من رمضان 1431 هـ", "1431-09-05 AH", (1431, 10, 5), "الخامس من شوال 1431 هـ"),
    ("٢٢ أبريل", "--04-22", (None, 4, 25), "٢٥ أبريل"),
])
def test_date_distractors_keep_the_answers_form(surface: str, value: str, new: tuple[int | None, int | None,
                                                 int | None], expected: str) -> None:
    assert render_date(surface, value, new) == expected


@pytest.mark.parametrize(("surface", "variant"), [
    ("7 كانون الثاني/يناير 2024", "7 يناير 2024"), ("7 كانون الثاني/يناير 2024", "7 كانون الثاني 2024"),
    ("24 ديسمبر", "24 كانون الأول"), ("عام 2025", "2025"),
])
def test_typed_dates_accept_the_other_month_series(surface: str, variant: str) -> None:
    assert variant in date_variants(surface)
    assert not any("سبتمبر" in v for v in date_variants("الخامس من رمضان 1431 هـ"))


def test_date_candidates_stay_near_the_answer() -> None:
    assert all(abs((y or 0) - 2025) <= 10 for y, _, _ in date_candidates("2025"))
    assert all(m == 12 for _, m, _ in date_candidates("--12-24")[:6])


# The real extractor on the built-in article and on held-out articles.

@pytest.fixture(scope="module")
def seed_bank() -> Bank:
    return generate(SEED.read_text(encoding="utf-8"), title=SEED_TITLE)


def test_the_built_in_bank_asks_its_key_facts_once_each_without_leaks(seed_bank: Bank) -> None:
    qs = seed_bank.questions
    assert len(qs) >= BUILT_IN_QUESTIONS
    assert all(check(q) == [] for q in qs)
    assert len({q.fact for q in qs}) == len(qs)
    assert find_leaks(qs, SEED_TITLE) == []
    assert {"date", "percentage", "person"} <= {q.fact_type for q in qs}


def test_the_built_in_bank_has_comprehension_questions(seed_bank: Bank) -> None:
    kinds = Counter(q.kind for q in seed_bank.questions)
    assert sum(kinds[k] for k in comprehension_kinds()) >= 1


def test_the_report_lists_facts_kinds_comprehension_and_drops(seed_bank: Bank) -> None:
    text = report(seed_bank)
    for line in ("facts found:", "questions per kind:", "comprehension kinds:", "dropped by check:"):
        assert line in text


def test_the_held_out_articles_are_in_the_repository() -> None:
    assert len(HELDOUT) == 10  # a checkout without them must fail here, not skip the next test


@pytest.mark.parametrize("path", HELDOUT, ids=lambda p: p.stem)
def test_each_held_out_article_gives_a_checked_leak_free_bank(path: pathlib.Path) -> None:
    bank = generate(path.read_text(encoding="utf-8"))
    assert len(bank.questions) >= 3  # a which-statement question takes the facts its four statements show
    assert [q.prompt for q in bank.questions if check(q)] == []
    assert len({q.fact for q in bank.questions}) == len(bank.questions)
    assert find_leaks(bank.questions) == []


MANY_ALIASES = (
    "أعلنت المملكة العربية السعودية أمس خطة جديدة للطاقة. وقال وزير الطاقة إن السعودية ستزيد إنتاجها إلى 10 ملايين "
    "برميل. وأضاف أن للسعودية دورا في استقرار السوق. وزار الرئيس الفرنسي إيمانويل ماكرون الرياض يوم 3 مارس 2025. "
    "وقال ماكرون إن فرنسا تدعم الخطة. وأكد إيمانويل ماكرون أن التعاون مع السعودية سيزيد بنسبة 15 في المائة. "
    "وقال الاتحاد الأوروبي إن للاتحاد الأوروبي مصلحة في الخطة. وأعلن الاتحاد الأوروبي دعمه للسعودية.")


def test_a_bank_is_the_same_in_every_process(tmp_path: pathlib.Path) -> None:
    # Python salts string hashes per process: nothing in a bank may follow a set's iteration order.
    article = tmp_path / "article.txt"
    article.write_text(MANY_ALIASES, encoding="utf-8")
    outputs = set()
    for salt in ("1", "2", "3", "4"):
        done = subprocess.run([sys.executable, "-m", "questions", "generate", str(article), "--json"], cwd=ROOT,
                              env={**os.environ, "PYTHONHASHSEED": salt}, capture_output=True, text=True,
                              check=True)
        outputs.add(done.stdout)
    assert len(outputs) == 1
    assert json.loads(outputs.pop())["questions"]


@pytest.mark.parametrize("dateline", [
    "الكويت - 23 - 7 (كونا) --",
    "مسقط في 6 يناير /العُمانية/ -",
    "بغداد - «المدى»:",
    "الرباط (رويترز) -",
    "نواكشوط - (الوكالة الموريتانية للأنباء) -",
    "نواكشوط، 19/07/2024 –",
    "بغداد 3.5.2024 (واع) -",
    "شفق نيوز/",
    "سيئون (اليمن) (أ ف ب) -",
])
def test_no_question_asks_about_or_quotes_the_wire_dateline(dateline: str) -> None:
    text = (f"{dateline} أعلنت وزارة الطاقة اليوم الأربعاء أن الإنتاج ارتفع بنسبة 12 في المائة خلال عام 2025، "
            "وقال وزير الطاقة سعيد الهاشمي إن الشركة الوطنية ستستثمر 3 مليارات دولار في مشاريع جديدة.\n"
            "وأضاف الهاشمي أن الحكومة تتوقع نمواً بنسبة 4 في المائة في عام 2026.")
    bank = generate(text)
    assert bank.questions
    words = set(re.sub(r"[«»()/:\-]", " ", dateline).split()) - {"في"}
    for q in bank.questions:
        assert not set(q.answer.split()) & words, q
        assert dateline not in q.prompt


# The command line.

def _cli(*args: str) -> "subprocess.CompletedProcess[str]":
    return subprocess.run([sys.executable, "-m", "questions", *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)


def test_the_cli_prints_the_bank_as_versioned_json() -> None:
    out = _cli("generate", str(SEED), "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert {"version", "article", "questions"} <= data.keys()
    first = data["questions"][0]
    assert {"key", "kind", "fact_type", "prompt", "answer", "accepted", "choices", "source",
            "difficulty", "salience"} <= first.keys()
    assert Bank.from_dict(data).questions


def test_the_cli_report_lists_drops_per_check() -> None:
    out = _cli("generate", str(SEED), "--report")
    assert out.returncode == 0, out.stderr
    assert "dropped by check:" in out.stdout


@pytest.mark.parametrize("content", [None, b"", b"\xff\xfe\x00bad", b"only latin text here"])
def test_the_cli_rejects_bad_input_with_one_line_and_exit_2(tmp_path: pathlib.Path, content: bytes | None) -> None:
    path = tmp_path / "article.txt"
    if content is not None:
        path.write_bytes(content)
    out = _cli("generate", str(path), "--json")
    assert out.returncode == 2
    assert out.stdout == ""
    assert len(out.stderr.strip().splitlines()) == 1
