"""extract_facts as a whole: spans, sentences, ordering and who wins when facts overlap."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from questions import extract_facts as package_extract_facts
from questions.facts import extract_facts
from questions.model import FACT_TYPES, Fact
from questions.text import fold_with_offsets, split_sentences

SEED = Path(__file__).resolve().parent.parent / "quiz" / "seed" / "asfura_honduras.txt"
NAMES = ("person", "place", "organization")


@pytest.fixture(scope="module")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def seed_facts(seed_text: str) -> list[Fact]:
    return extract_facts(seed_text)


def test_every_fact_is_an_exact_slice_of_the_text(seed_text: str, seed_facts: list[Fact]) -> None:
    assert seed_facts
    for f in seed_facts:
        assert f.type in FACT_TYPES
        assert seed_text[f.start:f.end] == f.text  # the built-in article has no name after لل


def test_facts_come_sorted_by_start(seed_facts: list[Fact]) -> None:
    assert [f.start for f in seed_facts] == sorted(f.start for f in seed_facts)


def test_each_fact_lies_inside_the_sentence_it_names(seed_text: str, seed_facts: list[Fact]) -> None:
    sentences = split_sentences(seed_text)
    for f in seed_facts:
        s, e = sentences[f.sentence]
        assert s <= f.start and f.end <= e, (f.text, f.sentence)


@pytest.mark.parametrize(("type_", "surface", "value"), [
    ("date", "24 ديسمبر", "--12-24"),
    ("date", "ديسمبر 2025", "2025-12"),
    ("date", "عام 2025", "2025"),
    ("date", "تسعينيات القرن الماضي", "199X"),
    ("percentage", "40.27%", 40.27),
    ("number", "67 عامًا", 67),
])
def test_the_seed_article_yields_its_key_facts(seed_facts: list[Fact], type_: str, surface: str,
                                               value: object) -> None:
    assert (type_, surface, value) in {(f.type, f.text, f.value) for f in seed_facts}


def test_the_seed_article_yields_names_from_the_entity_half(seed_facts: list[Fact]) -> None:
    people = [f for f in seed_facts if f.type == "person"]
    assert any("ترامب" in f.text for f in people)
    assert all(f.entity for f in seed_facts if f.type in NAMES)


@pytest.mark.parametrize("text", [
    "وقد وافق يوم وفاته الخامس من رمضان 1431 هـ، وصلى عليه جمع غفير في جامع الإمام تركي.",
    "التقى الرئيس رجب طيب أردوغان نظيره يوم السبت 11 تشرين الثاني/نوفمبر 2023 في الرياض.",
    "شارك في القمة قادة 57 دولة عربية، وحضر 86 ألفاً و492 متفرجاً مباراة قطر والأردن.",
    "قال الرئيس قيس سعيد إن نسبة المشاركة بلغت 11.66 في المائة في تونس يوم 24 ديسمبر.",
])
def test_no_name_overlaps_a_date_number_or_percentage(text: str) -> None:
    facts = extract_facts(text)
    values = [f for f in facts if f.type not in NAMES]
    assert values
    for name in (f for f in facts if f.type in NAMES):
        for v in values:
            assert name.end <= v.start or name.start >= v.end, (name.text, v.text)


def test_values_do_not_overlap_each_other(seed_text: str) -> None:
    text = seed_text + "\nوحضر 86 ألفاً و492 متفرجاً مساء السبت 10 فبراير 2024، بنسبة 5ر2% عن عام 1956."
    spans = sorted((f.start, f.end) for f in extract_facts(text) if f.type not in NAMES)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))


def test_the_article_date_reaches_relative_dates() -> None:
    facts = extract_facts("أدى اليمين الدستورية الشهر الماضي.", article_date="2025-01-16")
    assert [(f.text, f.value) for f in facts if f.type == "date"] == [("الشهر الماضي", "2024-12")]


def test_the_package_entry_point_is_the_same_extractor(seed_text: str, seed_facts: list[Fact]) -> None:
    assert package_extract_facts(seed_text) == seed_facts


@pytest.mark.parametrize("text", ["", "   \n", "hello world 2024"])
def test_text_without_facts_gives_an_empty_list_or_plain_numbers(text: str) -> None:
    assert all(f.type not in NAMES for f in extract_facts(text))


def test_spans_survive_diacritics_and_tatweel() -> None:
    text = "وُلِدَ «عصفورة» (٦٧ عامًـا) وحصل على (٤٠٫٢٧٪) من الأصوات يوم ٢٤ دِيسَمْبَر."
    facts = {f.type: f for f in extract_facts(text) if f.type not in NAMES}
    assert facts["number"].text == "٦٧ عامًـا" and facts["number"].value == 67
    assert facts["percentage"].text == "٤٠٫٢٧٪" and facts["percentage"].value == 40.27
    assert facts["date"].text == "٢٤ دِيسَمْبَر" and facts["date"].value == "--12-24"


# --- sentences and folding --------------------------------------------------------------------


@pytest.mark.parametrize(("text", "sentences"), [
    ("فاز المرشح. وأعلنت اللجنة النتائج!", ["فاز المرشح.", "وأعلنت اللجنة النتائج!"]),
    ("هل فاز المرشح؟ نعم فاز.", ["هل فاز المرشح؟", "نعم فاز."]),
    ("حصل على 40.27% من الأصوات. ثم احتفل.", ["حصل على 40.27% من الأصوات.", "ثم احتفل."]),
    ("قال: «لن نتراجع. سنواصل». ثم غادر.", ["قال: «لن نتراجع. سنواصل».", "ثم غادر."]),
    ("حاضر د. أحمد في الجامعة. ثم غادر.", ["حاضر د. أحمد في الجامعة.", "ثم غادر."]),
    ("السطر الأول\nالسطر الثاني", ["السطر الأول", "السطر الثاني"]),
    ("قال «بلا نهاية\nسطر جديد. آخر", ["قال «بلا نهاية", "سطر جديد.", "آخر"]),
    ("  \n\n", []),
])
def test_sentences_split_on_marks_but_not_inside_quotes_decimals_or_abbreviations(
        text: str, sentences: list[str]) -> None:
    assert [text[s:e] for s, e in split_sentences(text)] == sentences


def test_folding_maps_offsets_back_to_the_original() -> None:
    text = "وُلِدَ عامَ ٢٠٢٥ في «هندوراس»"
    folded = fold_with_offsets(text)
    assert folded.text == "ولد عام 2025 في «هندوراس»"
    i = folded.text.index("2025")
    assert text[folded.start(i):folded.end(i + 4)] == "٢٠٢٥"
    j = folded.text.index("عام")
    assert text[folded.start(j):folded.end(j + 3)] == "عامَ"


# --- any text: no crash, exact slices, sorted -------------------------------------------------

_PIECES = ["عام", "2025", "٢٠٢٤", "في", "5ر1", "%", "٪", "في المائة", "بالمئة", "مليون", "و", "ألفاً", "ديسمبر",
           "كانون الثاني", "/", "الخامس من", "رمضان", "هـ", "الأحد", "الماضي", "ثلاثة", "أهداف", "«", "»", ".",
           "،", "\n", "1.", "40.27", "21,600", "٣٫٤", "ـ", "ً", "الـ", "-", ":", "بين", "تسعينيات القرن الماضي",
           "ترامب", "القاهرة", "للسعودية", "وللأمم المتحدة", "123456789012345678901234567890", "ر", "0", "  "]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40), st.sampled_from([None, "2024-02-29"]))
def test_any_mix_of_news_pieces_gives_sorted_exact_slices(pieces: list[str], article_date: str | None) -> None:
    text = " ".join(pieces)
    facts = extract_facts(text, article_date=article_date)
    assert [f.start for f in facts] == sorted(f.start for f in facts)
    for f in facts:
        assert f.in_text(text) and f.text.strip() == f.text and f.text


@pytest.mark.parametrize("enabled", [True, False])
def test_extraction_leaves_the_garbage_collector_as_it_found_it(enabled: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    import gc

    from questions import facts

    seen: list[bool] = []
    real = facts._extract

    def spy(text: str, article_date: str | None) -> list[Fact]:
        seen.append(gc.isenabled())
        return real(text, article_date)

    monkeypatch.setattr(facts, "_extract", spy)
    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        assert package_extract_facts("زار الرئيس القاهرة يوم 3 مارس 2025.")
        assert seen == [False]  # no collector pauses while the word caches fill
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()
