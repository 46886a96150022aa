"""Question generation: properties on hand-built facts, and the real extractor on the built-in and practice articles."""

from __future__ import annotations

import json
import os
import pathlib
import re
import subprocess
import sys
from collections import Counter

import pytest

from questions.checks import BLANK, check
from questions.distractors import date_candidates, date_variants, render_date
from questions.generate import article_key, generate, generate_from_facts, report
from questions.grading import is_correct
from questions.kinds import REGISTRY
from questions.model import Bank, Fact
from questions.realize import Mention
from questions.normalize import tokens

ROOT = pathlib.Path(__file__).resolve().parent.parent
SEED = ROOT / "quiz" / "seed" / "asfura_honduras.txt"
DEV = sorted((ROOT.parent / "shared" / "eval" / "dev").glob("*.txt"))

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


def test_hand_built_facts_give_every_simple_kind(hand_bank: Bank) -> None:
    kinds = Counter(q.kind for q in hand_bank.questions)
    for kind in ("mcq", "cloze", "wh", "short", "numeric", "true_false", "matching"):
        assert kinds[kind] >= 1, kind


def test_every_generated_question_passes_the_checks(hand_bank: Bank) -> None:
    assert [(q.prompt, check(q)) for q in hand_bank.questions if check(q)] == []


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
    a = {q.key: q for q in generate_from_facts(ARTICLE, hand_facts(), seed=1).questions if q.kind == "mcq"}
    b = {q.key: q for q in generate_from_facts(ARTICLE, hand_facts(), seed=99).questions if q.kind == "mcq"}
    assert a.keys() == b.keys()
    assert all(a[k].answer == b[k].answer for k in a)
    assert any(a[k].choices != b[k].choices for k in a)


def test_keys_are_unique_within_a_bank(hand_bank: Bank) -> None:
    keys = [q.key for q in hand_bank.questions]
    assert len(keys) == len(set(keys))


def test_article_key_ignores_diacritics_and_spacing() -> None:
    assert article_key("وُلِدَ  عصفورة.") == article_key("ولد عصفورة")
    assert article_key("ولد عصفورة") != article_key("ولد ترامب")


def test_mcq_has_four_distinct_options_with_the_answer_once(hand_bank: Bank) -> None:
    for q in (q for q in hand_bank.questions if q.kind == "mcq"):
        assert len(q.choices) == 4
        assert q.choices.count(q.answer) == 1
        assert len({" ".join(tokens(c)) for c in q.choices}) == 4


def test_no_answer_or_alias_shows_in_its_prompt(hand_bank: Bank) -> None:
    for q in hand_bank.questions:
        if q.kind in ("mcq", "cloze", "wh", "short", "numeric"):
            for a in (q.answer, *q.accepted):
                assert " ".join(tokens(a)) not in " ".join(tokens(q.prompt)), (q.prompt, a)


def test_the_stored_answer_grades_as_correct(hand_bank: Bank) -> None:
    for q in hand_bank.questions:
        if q.kind == "matching":
            assert is_correct(q, dict(q.pairs))
        elif q.kind == "ordering":
            assert is_correct(q, list(q.items))
        else:
            assert is_correct(q, q.answer), (q.kind, q.prompt)


def test_cloze_blanks_the_exact_span_and_keeps_offsets(hand_bank: Bank) -> None:
    for q in (q for q in hand_bank.questions if q.kind == "cloze"):
        assert q.prompt.count(BLANK) == 1
        src = q.source
        assert 0 <= src.start < src.end <= len(src.text)
        assert src.text in ARTICLE


def test_cloze_drops_the_leading_conjunction(hand_bank: Bank) -> None:
    clozes = [q.prompt for q in hand_bank.questions if q.kind == "cloze"]
    assert any(p.startswith("أعلن المجلس") or p.startswith("قد أعلن") for p in clozes)
    assert not any(p.startswith(("وقد", "وهنأ", "وقال", "وكان")) for p in clozes)


@pytest.mark.parametrize(("prompt", "answer"), [
    ("ما نسبة الأصوات التي حصل عليها نصري عصفورة؟", "40.27%"),
    ("متى أعلن المجلس الانتخابي الوطني عن فوز «نصري عصفورة» في انتخابات الرئاسة في هندوراس بحصوله على "
     "(40.27%) من الأصوات؟", "24 ديسمبر"),
    ("متى دخل عصفورة الحياة العامة؟", "تسعينيات القرن الماضي"),
    ("كم يبلغ عمر نصري عصفورة؟", "67"),
    ("من كشف عن تحالف أمني مع نظيره «نصري عصفورة» في مقر إقامته؟", "دونالد ترامب"),
    ("في أي عام أعلن «ترامب» دعمه الصريح للمرشح اليميني خلال الانتخابات الرئاسية في هندوراس؟", "عام 2025"),
    ("من هو الرئيس الأمريكي؟", "دونالد ترامب"),
])
def test_wh_questions_read_as_natural_arabic(hand_bank: Bank, prompt: str, answer: str) -> None:
    found = {(q.prompt, q.answer) for q in hand_bank.questions if q.kind in ("wh", "short")}
    assert (prompt, answer) in found


def test_matching_pairs_people_with_roles_or_deeds(hand_bank: Bank) -> None:
    matching = [q for q in hand_bank.questions if q.kind == "matching"]
    assert matching and all(len(q.pairs) >= 2 for q in matching)


def test_true_false_keeps_its_answer_and_false_ones_are_really_changed(hand_bank: Bank) -> None:
    tf = [q for q in hand_bank.questions if q.kind == "true_false"]
    assert tf
    for q in tf:
        statement = q.prompt.split(":", 1)[1].rstrip("؟").strip()
        in_article = " ".join(tokens(statement)) in " ".join(tokens(ARTICLE))
        assert in_article == (q.answer == "صح"), q.prompt


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


# The real extractor on the built-in and practice articles.

@pytest.fixture(scope="module")
def seed_bank() -> Bank:
    return generate(SEED.read_text(encoding="utf-8"), title="asfura_honduras")


def test_the_built_in_article_gives_at_least_forty_checked_questions(seed_bank: Bank) -> None:
    assert len(seed_bank.questions) >= 40
    assert all(check(q) == [] for q in seed_bank.questions)


def test_the_built_in_bank_covers_every_kind_and_the_main_fact_types(seed_bank: Bank) -> None:
    assert {q.kind for q in seed_bank.questions} == set(REGISTRY)
    assert {"date", "percentage", "person", "place"} <= {q.fact_type for q in seed_bank.questions}


def test_the_report_lists_facts_kinds_and_drops(seed_bank: Bank) -> None:
    text = report(seed_bank)
    assert "facts found:" in text and "questions per kind:" in text and "dropped by check:" in text
    assert "mcq=" in text


@pytest.mark.parametrize("path", DEV, ids=lambda p: p.stem)
def test_each_practice_article_gives_fifteen_checked_questions(path: pathlib.Path) -> None:
    bank = generate(path.read_text(encoding="utf-8"))
    assert len(bank.questions) >= 15
    assert [q.prompt for q in bank.questions if check(q)] == []


# The command line.

def _cli(*args: str) -> "subprocess.CompletedProcess[str]":
    import subprocess
    import sys

    return subprocess.run([sys.executable, "-m", "questions", *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)


def test_the_cli_prints_the_bank_as_versioned_json() -> None:
    out = _cli("generate", str(SEED), "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert {"version", "article", "questions"} <= data.keys()
    first = data["questions"][0]
    assert {"key", "kind", "fact_type", "prompt", "answer", "accepted", "choices", "source",
            "difficulty"} <= first.keys()
    assert {q["kind"] for q in data["questions"]} == set(REGISTRY)


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


# Wh-question patterns, one sentence each.

def _m(sentence: str, surface: str, typ: str, name: str | None = None) -> "Mention":
    from questions.realize import Mention

    s = sentence.index(surface)
    return Mention(s, s + len(surface), typ, name or surface)


def _span(sentence: str, surface: str) -> tuple[int, int]:
    s = sentence.index(surface)
    return s, s + len(surface)


@pytest.mark.parametrize(("sentence", "answer", "mentions", "expected"), [
    ("وأفاد ماركو روبيو، بأن الولايات المتحدة تدعو جميع القوى لاحترام النتائج.", "ماركو روبيو", [],
     "من أفاد بأن الولايات المتحدة تدعو جميع القوى لاحترام النتائج؟"),
    ("وسجّل أكرم عفيف الأهداف الثلاثة لقطر، فيما أحرز يزن النعيمات هدف الأردن.", "أكرم عفيف", [],
     "من سجّل الأهداف الثلاثة لقطر؟"),
    ("وافتتح ولي العهد السعودي الأمير محمد بن سلمان أعمال القمة، داعياً إلى وقف فوري لإطلاق النار.",
     "محمد بن سلمان", [], "من افتتح أعمال القمة؟"),
    # Not the subject, or the clause cannot stand without the name: no question.
    ("وفي وقت سابق، تلقّى «نصري عصفورة»، الفائز بالانتخابات، تهنئة رسمية.", "نصري عصفورة", [], None),
    ("نجح المرشح «نصري عصفورة» المدعوم من الرئيس الأمريكي في حسم السباق.", "نصري عصفورة", [], None),
    ("وأكد ياسر عرفات والشعب الفلسطيني أمام هذا العدوان تمسكهم بحقوقهم.", "ياسر عرفات", [], None),
    ("وولد «عصفورة» (67 عامًا) لأبوين فلسطينيين.", "عصفورة", [], None),
])
def test_who_questions_fire_only_on_a_named_subject(sentence: str, answer: str, mentions: list[object],
                                                    expected: str | None) -> None:
    from questions.realize import subject_question

    s, e = _span(sentence, answer)
    assert subject_question(sentence, s, e, "person", [_m(sentence, answer, "person")], "من") == expected


@pytest.mark.parametrize(("sentence", "date", "gran", "people", "expected"), [
    ("وقد أعلن المجلس الانتخابي الوطني يوم 24 ديسمبر عن فوز «نصري عصفورة» في انتخابات الرئاسة.", "24 ديسمبر",
     "monthday", [], "متى أعلن المجلس الانتخابي الوطني عن فوز «نصري عصفورة» في انتخابات الرئاسة؟"),
    ("أعلنت الهيئة العليا في تونس، مساء الأحد 7 كانون الثاني/يناير 2024، النتائج الأولية للانتخابات.",
     "الأحد 7 كانون الثاني/يناير 2024", "day", [],
     "متى أعلنت الهيئة العليا في تونس النتائج الأولية للانتخابات؟"),
    ("ودّعت الأوساط الثقافية الأديب غازي القصيبي، الذي رحل يوم 15 أغسطس 2010 في العاصمة الرياض.",
     "15 أغسطس 2010", "day", ["غازي القصيبي"], "متى رحل غازي القصيبي؟"),
    # A dropped subject (ودرس ...) or a date that belongs to a nested verb (هاجرا ...): no question.
    ("ودرس الهندسة المدنية ثم دخل الحياة العامة في تسعينيات القرن الماضي.", "تسعينيات القرن الماضي", "decade",
     [], None),
    ("ولد «عصفورة» (67 عامًا) لأبوين فلسطينيين هاجرا إلى أمريكا الوسطى في أربعينيات القرن الماضي.",
     "أربعينيات القرن الماضي", "decade", [], None),
    ("يأتي هذا التحالف عقب فوز «عصفورة» بانتخابات ديسمبر 2025، حيث تعهد بقطع العلاقات.", "ديسمبر 2025",
     "month", [], None),
])
def test_when_questions_need_an_explicit_subject_and_a_free_date(sentence: str, date: str, gran: str,
                                                                 people: list[str], expected: str | None) -> None:
    from questions.realize import when_question

    s, e = _span(sentence, date)
    got = when_question(sentence, s, e, gran, [_m(sentence, p, "person") for p in people])
    assert (got[0] if got else None) == expected


@pytest.mark.parametrize(("sentence", "pct", "people", "expected"), [
    ("أعلن المجلس فوز «نصري عصفورة» في الانتخابات بحصوله على (40.27%) من الأصوات.", "40.27%",
     ["نصري عصفورة"], "ما نسبة الأصوات التي حصل عليها نصري عصفورة؟"),
    ("وحصلت القوائم المستقلة على 63 بالمئة من المقاعد، فيما توزعت بقية المقاعد على الأحزاب.", "63 بالمئة", [],
     "ما نسبة المقاعد التي حصلت عليها القوائم المستقلة؟"),
    ("وقال رئيس الهيئة إن نسبة المشاركة بلغت 11.66 في المائة من إجمالي الناخبين المسجلين.", "11.66 في المائة", [],
     "كم بلغت نسبة المشاركة من إجمالي الناخبين المسجلين؟"),
    ("وأرجعت المندوبية التراجع إلى انخفاض أسعار المواد الغذائية بنسبة 5ر2% على أساس شهري.", "5ر2%", [],
     "ما نسبة انخفاض أسعار المواد الغذائية على أساس شهري؟"),
    ("سجّل معدل التضخم السنوي في المغرب تراجعاً إلى ٣٫٤٪ خلال شهر مارس.", "٣٫٤٪", [],
     "إلى أي نسبة تراجع معدل التضخم السنوي في المغرب خلال شهر مارس؟"),
    ("مؤكداً أن فريقه استحق اللقب بنسبة استحواذ بلغت 58% في المباراة.", "58%", [], None),
])
def test_percentage_questions_follow_known_shapes(sentence: str, pct: str, people: list[str],
                                                  expected: str | None) -> None:
    from questions.realize import percent_question

    s, e = _span(sentence, pct)
    assert percent_question(sentence, s, e, [_m(sentence, p, "person") for p in people]) == expected


@pytest.mark.parametrize(("sentence", "number", "unit", "people", "expected"), [
    ("ولد «عصفورة» (67 عامًا) لأبوين فلسطينيين.", "67 عامًا", "عام", [("«عصفورة»", "نصري عصفورة")],
     "كم يبلغ عمر نصري عصفورة؟"),
    ("وأوضح بوعسكر أن عدد الناخبين المسجلين بلغ 9 ملايين و80 ألفاً و431 ناخباً.", "9 ملايين و80 ألفاً و431 ناخباً",
     "ناخب", [], "كم بلغ عدد الناخبين المسجلين؟"),
    ("وحضر المباراة 86 ألفاً و492 متفرجاً، وهو رقم قياسي.", "86 ألفاً و492 متفرجاً", "متفرج", [],
     "كم متفرجاً حضر المباراة؟"),
    ("وطالب البيان الختامي، الذي تضمّن 31 بنداً، مجلس الأمن باتخاذ قرار.", "31 بنداً", "بند", [],
     "كم بنداً تضمّن البيان الختامي؟"),
    ("وصدر له أكثر من 60 كتاباً بين الشعر والرواية.", "60 كتاباً", "كتاب", [], None),
])
def test_count_questions_follow_known_shapes(sentence: str, number: str, unit: str,
                                             people: list[tuple[str, str]], expected: str | None) -> None:
    from questions.realize import number_question

    s, e = _span(sentence, number)
    mentions = [_m(sentence, surface, "person", name) for surface, name in people]
    assert number_question(sentence, s, e, mentions, unit) == expected


MANY_ALIASES = (
    "أعلنت المملكة العربية السعودية أمس خطة جديدة للطاقة. وقال وزير الطاقة إن السعودية ستزيد إنتاجها إلى 10 ملايين "
    "برميل. وأضاف أن للسعودية دورا في استقرار السوق. وزار الرئيس الفرنسي إيمانويل ماكرون الرياض يوم 3 مارس 2025. "
    "وقال ماكرون إن فرنسا تدعم الخطة. وأكد إيمانويل ماكرون أن التعاون مع السعودية سيزيد بنسبة 15 في المائة. "
    "وقال الاتحاد الأوروبي إن للاتحاد الأوروبي مصلحة في الخطة. وأعلن الاتحاد الأوروبي دعمه للسعودية.")


def test_a_bank_is_the_same_in_every_process(tmp_path: pathlib.Path) -> None:
    # Python salts string hashes per process: nothing in a bank may follow a set's iteration order.
    article = tmp_path / "article.txt"
    article.write_text(MANY_ALIASES, encoding="utf-8")
    root = pathlib.Path(__file__).resolve().parents[1]
    outputs = set()
    for salt in ("1", "2", "3", "4", "5", "6"):
        done = subprocess.run([sys.executable, "-m", "questions", "generate", str(article), "--json"], cwd=root,
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
])
def test_no_question_asks_about_the_wire_dateline(dateline: str) -> None:
    text = (f"{dateline} أعلنت وزارة الطاقة اليوم الأربعاء أن الإنتاج ارتفع بنسبة 12 في المائة خلال عام 2025، "
            "وقال وزير الطاقة سعيد الهاشمي إن الشركة الوطنية ستستثمر 3 مليارات دولار في مشاريع جديدة.\n"
            "وأضاف الهاشمي أن الحكومة تتوقع نمواً بنسبة 4 في المائة في عام 2026.")
    bank = generate(text)
    assert bank.questions
    head = len(dateline)
    for q in bank.questions:
        assert q.source.start >= head or not (set(str(q.answer).split()) & set(dateline.replace("«", " ").replace(
            "»", " ").replace("(", " ").replace(")", " ").replace("/", " ").split())), q
