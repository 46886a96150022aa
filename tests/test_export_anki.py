"""Anki export: the .apkg (a zip holding an SQLite collection) checked note for note against the bank."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
import tempfile
import zipfile
from io import BytesIO
from pathlib import Path

import genanki
import pytest

from questions.generate import generate

from questions.model import Article, Bank, Question, Source
from quiz.exports.common import writer_kind
from quiz.exports import anki
from quiz.exports.samples import sample_bank

KIND_MODEL = {
    "mcq": ("Fahim Multiple Choice", anki.MCQ_MODEL_ID),
    "cloze": ("Fahim Cloze", anki.CLOZE_MODEL_ID),
    "wh": ("Fahim Basic", anki.BASIC_MODEL_ID),
    "short": ("Fahim Basic", anki.BASIC_MODEL_ID),
    "numeric": ("Fahim Basic", anki.BASIC_MODEL_ID),
    "true_false": ("Fahim Basic", anki.BASIC_MODEL_ID),
    "matching": ("Fahim Basic", anki.BASIC_MODEL_ID),
    "ordering": ("Fahim Basic", anki.BASIC_MODEL_ID),
}


@dataclasses.dataclass
class Collection:
    notes: dict[str, dict[str, object]]  # by GUID
    cards: list[tuple[int, int, int]]  # (note id, deck id, ord)
    models: dict[int, dict[str, object]]
    decks: dict[int, str]


def open_apkg(data: bytes, tmp_path: Path) -> Collection:
    with zipfile.ZipFile(BytesIO(data)) as z:
        assert set(z.namelist()) == {"collection.anki2", "media"}
        db = tmp_path / "collection.anki2"
        db.write_bytes(z.read("collection.anki2"))
    conn = sqlite3.connect(db)
    try:
        models_json, decks_json = conn.execute("SELECT models, decks FROM col").fetchone()
        models = {int(k): v for k, v in json.loads(models_json).items()}
        decks = {int(k): v["name"] for k, v in json.loads(decks_json).items()}
        notes = {}
        for nid, guid, mid, tags, flds, sfld in conn.execute("SELECT id, guid, mid, tags, flds, sfld FROM notes"):
            names = [f["name"] for f in models[mid]["flds"]]
            notes[guid] = {"id": nid, "mid": mid, "tags": tags.split(), "fields": dict(zip(names, flds.split("\x1f"))),
                           "sfld": sfld, "model": models[mid]["name"]}
        cards = list(conn.execute("SELECT nid, did, ord FROM cards"))
    finally:
        conn.close()
    return Collection(notes, cards, models, decks)


def test_every_question_becomes_exactly_one_note_with_its_guid_tags_and_note_type(tmp_path: Path) -> None:
    bank = sample_bank()
    col = open_apkg(anki.anki_apkg(bank), tmp_path)
    assert len(col.notes) == len(bank.questions)
    for q in bank.questions:
        note = col.notes[genanki.guid_for(bank.article.key, q.key)]
        name, mid = KIND_MODEL[writer_kind(q)]
        assert (note["model"], note["mid"]) == (name, mid)
        assert sorted(note["tags"]) == sorted(["fahim", f"fahim::fact::{q.fact_type}", f"fahim::kind::{q.kind}"])
        assert list(note["fields"].values()) == list(anki.note_for(
            q, bank.article.key, bank.article.title, bank.article.date or "").fields)


@pytest.mark.parametrize("kind", ["wh", "numeric", "true_false"])
def test_basic_notes_put_the_answer_source_title_and_date_on_the_back(tmp_path: Path, kind: str) -> None:
    bank = sample_bank()
    col = open_apkg(anki.anki_apkg(bank), tmp_path)
    q = next(q for q in bank.questions if q.kind == kind)
    f = col.notes[anki.guid_for(bank.article.key, q.key)]["fields"]
    assert f["Question"].startswith(q.prompt)
    assert f["Answer"] == q.answer
    assert f["Source"].replace("<b>", "").replace("</b>", "") == q.source.text
    assert (f["Article"], f["Date"]) == (bank.article.title, bank.article.date)


def test_multiple_choice_notes_list_the_options_and_mark_only_the_answer(tmp_path: Path) -> None:
    bank = sample_bank()
    col = open_apkg(anki.anki_apkg(bank), tmp_path)
    q = next(q for q in bank.questions if q.kind == "mcq")
    f = col.notes[anki.guid_for(bank.article.key, q.key)]["fields"]
    for choice in q.choices:
        assert choice in f["Options"]
    assert f["Options"].count('class="correct"') == 1
    assert f'<li class="correct">{q.answer}</li>' in f["Options"]
    assert f["Answer"] == q.answer


def test_cloze_notes_hide_the_answer_inside_the_source_sentence(tmp_path: Path) -> None:
    bank = sample_bank()
    col = open_apkg(anki.anki_apkg(bank), tmp_path)
    q = next(q for q in bank.questions if q.kind == "cloze" and not q.choices)
    note = col.notes[anki.guid_for(bank.article.key, q.key)]
    text = note["fields"]["Text"]
    assert text == q.source.text.replace(q.answer, "{{c1::" + q.answer + "}}")
    assert [c[2] for c in col.cards if c[0] == note["id"]] == [0]


def test_a_cloze_with_choices_shows_them_as_the_cloze_hint() -> None:
    bank = sample_bank()
    q = next(q for q in bank.questions if q.kind == "cloze" and q.choices)
    text = anki.note_for(q, bank.article.key, "t", "d").fields[0]
    assert "{{c1::هندوراس::غواتيمالا / هندوراس / نيكاراغوا / السلفادور}}" in text


@pytest.mark.parametrize(("answer", "expected"), [
    ("24 ديسمبر", "{{c1::24 ديسمبر}}"),
    ("a::b", "{{c1::a:&#58;b}}"),
    ("x}}y", "{{c1::x}&#125;y}}"),
    ("<b>&", "{{c1::&lt;b&gt;&amp;}}"),
])
def test_cloze_answers_cannot_break_anki_cloze_syntax(answer: str, expected: str) -> None:
    sentence = f"قبل {answer} بعد"
    q = Question(key="k", kind="cloze", fact_type="date", prompt="قبل ____ بعد", answer=answer,
                 source=Source(sentence, 4, 4 + len(answer)))
    text = anki.note_for(q, "a", "t", "d").fields[0]
    assert text == f"قبل {expected} بعد"


def test_fields_are_html_escaped(tmp_path: Path) -> None:
    q = Question(key="esc", kind="short", fact_type="organization", prompt="ما <script>x</script> & ذلك؟",
                 answer="أ > ب", accepted=("<i>",))
    bank = Bank(Article("art", "عنوان <b>", ""), (q,))
    col = open_apkg(anki.anki_apkg(bank), tmp_path)
    f = col.notes[anki.guid_for("art", "esc")]["fields"]
    assert f["Question"] == "ما &lt;script&gt;x&lt;/script&gt; &amp; ذلك؟"
    assert f["Answer"] == "أ &gt; ب"
    assert "&lt;i&gt;" in f["Details"]
    assert f["Article"] == "عنوان &lt;b&gt;"


def test_the_deck_is_a_subdeck_of_akhbar_named_after_the_article(tmp_path: Path) -> None:
    bank = sample_bank()
    col = open_apkg(anki.anki_apkg(bank), tmp_path)
    deck_id = anki.deck_id_for(bank.article.key)
    assert col.decks[deck_id] == "أخبار::فوز عصفورة برئاسة هندوراس"
    assert col.decks[anki.ROOT_DECK_ID] == "أخبار"
    assert {did for _, did, _ in col.cards} == {deck_id}
    assert len(col.cards) == len(bank.questions)


def test_several_banks_get_one_deck_each(tmp_path: Path) -> None:
    one = sample_bank(key="a1", title="الأول")
    two = sample_bank(key="a2", title="الثاني: جزء::ب", date=None)
    col = open_apkg(anki.anki_apkg([one, two]), tmp_path)
    assert col.decks[anki.deck_id_for("a1")] == "أخبار::الأول"
    assert col.decks[anki.deck_id_for("a2")] == "أخبار::الثاني: جزء:ب"
    assert len(col.notes) == len(one.questions) + len(two.questions)


def test_an_export_after_editing_one_question_changes_that_notes_fields_and_no_guid(tmp_path: Path) -> None:
    bank = sample_bank()
    i = next(i for i, q in enumerate(bank.questions) if q.kind == "wh")
    edited_q = dataclasses.replace(bank.questions[i], prompt="سؤال معدّل؟", answer="جواب معدّل")
    edited = dataclasses.replace(bank, questions=(*bank.questions[:i], edited_q, *bank.questions[i + 1:]))
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    before = open_apkg(anki.anki_apkg(bank), tmp_path / "a")
    after = open_apkg(anki.anki_apkg(edited), tmp_path / "b")
    assert set(before.notes) == set(after.notes)
    changed = {g for g in before.notes if before.notes[g]["fields"] != after.notes[g]["fields"]}
    assert changed == {anki.guid_for(bank.article.key, edited_q.key)}
    assert after.notes[anki.guid_for(bank.article.key, edited_q.key)]["fields"]["Answer"] == "جواب معدّل"
    assert before.decks == after.decks
    assert {m: before.models[m]["name"] for m in before.models} == {m: after.models[m]["name"] for m in after.models}


@pytest.mark.parametrize(("article_key", "question_key"), [
    ("asfura", "mcq-person"), ("مقال", "سؤال-1"), ("", ""), ("a__b", "c"), ("k" * 200, "q:1/2"),
])
def test_our_guid_is_genankis_guid_for_the_two_keys(article_key: str, question_key: str) -> None:
    assert anki.guid_for(article_key, question_key) == genanki.guid_for(article_key, question_key)


def test_model_and_root_deck_ids_never_change() -> None:
    # These numbers are in students' collections; changing one forks every deck and note type.
    assert (anki.BASIC_MODEL_ID, anki.CLOZE_MODEL_ID, anki.MCQ_MODEL_ID, anki.ROOT_DECK_ID) == (
        1496668062, 1577380981, 1478811393, 1746199889)


@pytest.mark.parametrize("key", ["asfura-honduras", "مقال", "x", ""])
def test_deck_ids_are_stable_and_inside_genankis_range(key: str) -> None:
    assert anki.deck_id_for(key) == anki.deck_id_for(key)
    assert anki.DECK_ID_MIN <= anki.deck_id_for(key) < anki.DECK_ID_MIN + anki.DECK_ID_SPAN
    assert anki.deck_id_for(key) != anki.deck_id_for(key + "2")


def test_templates_read_right_to_left_with_an_arabic_font_stack_and_spare_fields(tmp_path: Path) -> None:
    col = open_apkg(anki.anki_apkg(sample_bank()), tmp_path)
    assert {m["name"] for m in col.models.values()} == {"Fahim Basic", "Fahim Cloze", "Fahim Multiple Choice"}
    for model in col.models.values():
        names = [f["name"] for f in model["flds"]]
        assert names[-3:] == ["Extra1", "Extra2", "Extra3"]
        assert all(f["rtl"] for f in model["flds"])
        assert "Noto Naskh Arabic" in model["css"] and "direction: rtl" in model["css"]
        for t in model["tmpls"]:
            assert 'dir="rtl"' in t["qfmt"] and 'dir="rtl"' in t["afmt"]


def test_the_batched_writer_writes_the_same_rows_as_genanki(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))  # genanki leaves its temp database behind
    banks = [sample_bank(key="a1"), sample_bank(key="a2", title="ب")]
    plans = [anki.plan_bank(b) for b in banks]
    ours = tmp_path / "ours.apkg"
    ours.write_bytes(anki.write_apkg(plans, timestamp=1_700_000_000.0))
    theirs = tmp_path / "theirs.apkg"
    anki.build_package(plans).write_to_file(str(theirs), timestamp=1_700_000_000.0)

    def rows(path: Path) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
        db = tmp_path / (path.stem + ".anki2")
        with zipfile.ZipFile(path) as z:
            db.write_bytes(z.read("collection.anki2"))
        conn = sqlite3.connect(db)
        try:
            return (list(conn.execute("SELECT * FROM notes ORDER BY id")),
                    list(conn.execute("SELECT * FROM cards ORDER BY id")))
        finally:
            conn.close()

    assert rows(ours) == rows(theirs)


def test_the_built_in_banks_deck_matches_the_bank_note_for_note(tmp_path: Path) -> None:
    text = (Path(__file__).resolve().parent.parent / "quiz" / "seed" / "asfura_honduras.txt").read_text(encoding="utf-8")
    bank = generate(text, seed=0, article_date="2026-02-15", title="ترامب ونصري عصفورة")
    col = open_apkg(anki.anki_apkg(bank), tmp_path)
    assert len(col.notes) == len(bank.questions) == len(col.cards)
    assert col.decks[anki.deck_id_for(bank.article.key)] == "أخبار::ترامب ونصري عصفورة"
    for q in bank.questions:
        note = col.notes[genanki.guid_for(bank.article.key, q.key)]
        assert note["model"] == KIND_MODEL[writer_kind(q)][0]
        assert f"fahim::kind::{q.kind}" in note["tags"] and f"fahim::fact::{q.fact_type}" in note["tags"]
        fields = note["fields"]
        if q.kind == "cloze":
            assert "{{c1::" + q.answer + "}}" in fields["Text"]
        elif q.kind not in ("matching", "ordering"):
            assert fields["Answer"] == q.answer
            assert fields["Date"] == "2026-02-15"
