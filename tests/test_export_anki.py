"""Anki export: the .apkg (a zip holding an SQLite collection) checked note for note against the bank."""

from __future__ import annotations

import dataclasses
import html
import json
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import zipfile
from io import BytesIO
from pathlib import Path

import genanki
import pytest

from questions.generate import generate

from questions.kinds import UnknownKind, shape
from questions.model import Article, Bank, Question, Source
from quiz.exports import anki, speech
from quiz.exports.samples import sample_bank

def model_of(q: Question) -> tuple[str, int]:
    """The note type a question becomes: multiple choice when it has options to pick from."""
    if shape(q) == "choice":
        return "Fahim Multiple Choice", anki.MCQ_MODEL_ID
    return "Fahim Basic", anki.BASIC_MODEL_ID


@dataclasses.dataclass
class Collection:
    notes: dict[str, dict[str, object]]  # by GUID
    cards: list[tuple[int, int, int]]  # (note id, deck id, ord)
    models: dict[int, dict[str, object]]
    decks: dict[int, str]


def open_apkg(data: bytes, tmp_path: Path) -> Collection:
    with zipfile.ZipFile(BytesIO(data)) as z:
        assert {"collection.anki2", "media"} <= set(z.namelist())
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
        name, mid = model_of(q)
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


def test_multiple_choice_notes_write_every_option_alike_and_keep_the_answer_for_the_back(tmp_path: Path) -> None:
    bank = sample_bank()
    col = open_apkg(anki.anki_apkg(bank), tmp_path)
    q = next(q for q in bank.questions if q.kind == "mcq")
    f = col.notes[anki.guid_for(bank.article.key, q.key)]["fields"]
    assert f["Options"] == '<ol class="options">' + "".join(f"<li>{c}</li>" for c in q.choices) + "</ol>"
    assert f["Answer"] == q.answer
    assert "correct" not in json.dumps(col.models)


def test_a_cloze_is_a_basic_note_showing_the_blank_with_the_answer_on_the_back(tmp_path: Path) -> None:
    bank = sample_bank()
    col = open_apkg(anki.anki_apkg(bank), tmp_path)
    q = next(q for q in bank.questions if q.kind == "cloze" and not q.choices)
    note = col.notes[anki.guid_for(bank.article.key, q.key)]
    assert note["model"] == "Fahim Basic"
    assert note["fields"]["Question"] == q.prompt and "____" in q.prompt
    assert (note["fields"]["Answer"], note["fields"]["Details"]) == (q.answer, "يُقبل أيضًا: 24/12")
    assert [c[2] for c in col.cards if c[0] == note["id"]] == [0]


def test_a_cloze_with_choices_is_a_multiple_choice_note_showing_the_blank() -> None:
    bank = sample_bank()
    q = next(q for q in bank.questions if q.kind == "cloze" and q.choices)
    note = anki.note_for(q, bank.article.key, "t", "d")
    assert note.model_id == anki.MCQ_MODEL_ID
    assert note.fields[:3] == (q.prompt, '<ol class="options">' + "".join(f"<li>{c}</li>" for c in q.choices)
                               + "</ol>", q.answer)


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


def test_the_deck_is_a_subdeck_of_akhbar_named_after_the_articles_opening_words(tmp_path: Path) -> None:
    bank = sample_bank()
    col = open_apkg(anki.anki_apkg(bank), tmp_path)
    deck_id = anki.deck_id_for(bank.article.key)
    assert col.decks[deck_id] == "أخبار::أعلن نصري عصفورة فوزه برئاسة هندوراس في 24…"
    assert col.decks[anki.ROOT_DECK_ID] == "أخبار"
    assert {did for _, did, _ in col.cards} == {deck_id}
    assert len(col.cards) == len(bank.questions)


def test_a_retitled_article_keeps_its_deck_and_shows_its_new_title(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    before = open_apkg(anki.anki_apkg(sample_bank(title="العنوان الأول")), tmp_path / "a")
    after = open_apkg(anki.anki_apkg(sample_bank(title="عنوان جديد")), tmp_path / "b")
    assert before.decks == after.decks
    assert {n["fields"].get("Article") for n in after.notes.values()} == {"عنوان جديد"}


@pytest.mark.parametrize(("text", "label"), [
    ("الرياض - «رويترز»: أظهر مسح أجرته «رويترز» ونُشرت نتائجه يوم الأحد أن الإنتاج ارتفع.",
     "أظهر مسح أجرته «رويترز» ونُشرت نتائجه يوم الأحد…"),
    ("نابلس (وفا) - فازت الباحثة بجائزة.\nفقرة ثانية.", "فازت الباحثة بجائزة."),
    ("كشف الرئيس الأمريكي، «دونالد ترامب»، عن تحالف أمني وثيق مع نظيره", "كشف الرئيس الأمريكي، «دونالد ترامب»، عن تحالف أمني…"),
    ("قال::نعم", "قال:نعم"),
    ("", "key-1"),
])
def test_an_articles_deck_label_is_its_opening_words_after_the_dateline(text: str, label: str) -> None:
    assert anki.article_label(Article("key-1", "عنوان", text)) == label


def test_several_banks_get_one_deck_each(tmp_path: Path) -> None:
    one = Bank(Article("a1", "الأول", "نص المقال الأول."), sample_bank().questions)
    two = Bank(Article("a2", "الثاني", "نص المقال الثاني."), sample_bank().questions)
    col = open_apkg(anki.anki_apkg([one, two]), tmp_path)
    assert col.decks[anki.deck_id_for("a1")] == "أخبار::نص المقال الأول."
    assert col.decks[anki.deck_id_for("a2")] == "أخبار::نص المقال الثاني."
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
    assert (anki.BASIC_MODEL_ID, anki.RETIRED_CLOZE_MODEL_ID, anki.MCQ_MODEL_ID, anki.ROOT_DECK_ID) == (
        1496668062, 1577380981, 1478811393, 1746199889)
    assert {m.model_id for m in anki.MODELS.values()} == {1496668062, 1478811393}


@pytest.mark.parametrize(("key", "deck_id"), [
    ("asfura-sample", 1237183811), ("359c389b7704bb35", 1836358634), ("مقال", 1555659649),
])
def test_article_deck_ids_are_fixed_numbers(key: str, deck_id: int) -> None:
    # Pinned: a deck id computed from anything run-dependent (hash(), a clock) fails here.
    assert anki.deck_id_for(key) == deck_id


def test_the_note_and_deck_ids_do_not_depend_on_the_process(tmp_path: Path) -> None:
    script = (
        "import json\n"
        "from quiz.exports import anki\n"
        "from quiz.exports.samples import sample_bank\n"
        "bank = sample_bank()\n"
        "print(json.dumps([anki.deck_id_for(bank.article.key), sorted(m for m in anki.MODELS),"
        " [anki.guid_for(bank.article.key, q.key) for q in bank.questions]]))\n"
    )
    root = Path(__file__).resolve().parent.parent
    runs = []
    for hash_seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed, "PYTHONPATH": str(root)}
        done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env,
                              cwd=tmp_path, check=True)
        runs.append(json.loads(done.stdout))
    bank = sample_bank()
    assert runs[0] == runs[1]
    assert runs[0][0] == 1237183811
    assert runs[0][1] == [1478811393, 1496668062]
    assert runs[0][2][:3] == ["juU(,M_<&R", "J~0wf1.#;j", "f@2nw{@FqM"]
    assert runs[0][2] == [anki.guid_for(bank.article.key, q.key) for q in bank.questions]


@pytest.mark.parametrize("key", ["asfura-honduras", "مقال", "x", ""])
def test_deck_ids_are_stable_and_inside_genankis_range(key: str) -> None:
    assert anki.deck_id_for(key) == anki.deck_id_for(key)
    assert anki.DECK_ID_MIN <= anki.deck_id_for(key) < anki.DECK_ID_MIN + anki.DECK_ID_SPAN
    assert anki.deck_id_for(key) != anki.deck_id_for(key + "2")


def test_templates_read_right_to_left_with_an_arabic_font_stack_and_spare_fields(tmp_path: Path) -> None:
    col = open_apkg(anki.anki_apkg(sample_bank()), tmp_path)
    assert {m["name"] for m in col.models.values()} == {"Fahim Basic", "Fahim Multiple Choice"}
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
    assert col.decks[anki.deck_id_for(bank.article.key)] == "أخبار::كشف الرئيس الأمريكي، «دونالد ترامب»، عن تحالف أمني…"
    for q in bank.questions:
        note = col.notes[genanki.guid_for(bank.article.key, q.key)]
        assert note["model"] == model_of(q)[0]
        assert f"fahim::kind::{q.kind}" in note["tags"] and f"fahim::fact::{q.fact_type}" in note["tags"]
        fields = note["fields"]
        assert fields["Question"].startswith(html.escape(q.prompt, False))
        assert fields["Date"] == "2026-02-15"
        if q.kind not in ("matching", "ordering"):
            assert fields["Answer"] == html.escape(q.answer, False)


def test_questions_taken_out_of_the_bank_are_tagged_and_marked_on_the_back(tmp_path: Path) -> None:
    bank = sample_bank()
    gone = bank.questions[3]
    kept = dataclasses.replace(bank, questions=tuple(q for q in bank.questions if q != gone))
    col = open_apkg(anki.anki_apkg(kept, removed=[dataclasses.replace(bank, questions=(gone,))]), tmp_path)
    assert len(col.notes) == len(bank.questions)
    note = col.notes[anki.guid_for(bank.article.key, gone.key)]
    assert "fahim::removed" in note["tags"]
    assert note["fields"]["Details"].startswith(f'<div class="removed">{anki.REMOVED_NOTICE}</div>')
    others = [n for g, n in col.notes.items() if g != anki.guid_for(bank.article.key, gone.key)]
    assert not any("fahim::removed" in n["tags"] or anki.REMOVED_NOTICE in n["fields"]["Details"] for n in others)


def test_removed_questions_of_an_article_not_exported_are_refused() -> None:
    with pytest.raises(ValueError, match="other-article"):
        anki.anki_apkg(sample_bank(), removed=[sample_bank(key="other-article")])


def test_decks_carry_no_audio_unless_asked(tmp_path: Path) -> None:
    data = anki.anki_apkg(sample_bank())
    with zipfile.ZipFile(BytesIO(data)) as z:
        assert z.read("media") == b"{}"
    col = open_apkg(data, tmp_path)
    assert all(n["fields"]["Extra1"] == "" for n in col.notes.values())


def test_with_audio_each_answer_is_a_wav_file_named_in_the_media_list_and_played_from_extra1(tmp_path: Path) -> None:
    bank = sample_bank()
    data = anki.anki_apkg(bank, audio=True)
    with zipfile.ZipFile(BytesIO(data)) as z:
        media = json.loads(z.read("media"))
        files = {name: z.read(number) for number, name in media.items()}
    spoken = {anki.spoken_answer(q) for q in bank.questions}
    assert set(files) == {anki.media_name(t) for t in spoken}
    assert all(wav.startswith(b"RIFF") and wav[8:12] == b"WAVE" for wav in files.values())
    with zipfile.ZipFile(BytesIO(data)) as z:
        (tmp_path / "collection.anki2").write_bytes(z.read("collection.anki2"))
    conn = sqlite3.connect(tmp_path / "collection.anki2")
    try:
        fields = [f.split("\x1f") for (f,) in conn.execute("SELECT flds FROM notes")]
    finally:
        conn.close()
    assert sorted(f[-3] for f in fields) == sorted(f"[sound:{anki.media_name(anki.spoken_answer(q))}]"
                                                   for q in bank.questions)


def test_spoken_answers_say_the_answer_the_pairs_or_the_order() -> None:
    got = {q.key: anki.spoken_answer(q) for q in sample_bank().questions}
    assert got["mcq-person"] == "نصري عصفورة"
    assert got["tf-date"] == "خطأ"
    assert got["matching-people"].startswith("نصري عصفورة: الرئيس المنتخب، سلفادور نصر الله: المرشح الخاسر")
    assert got["ordering-dates"] == "الاقتراع في 30 نوفمبر، بدء الفرز، إعلان النتيجة في 24 ديسمبر"


def test_audio_without_espeak_ng_is_an_error_not_a_silent_deck(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(speech.shutil, "which", lambda name: None)
    with pytest.raises(speech.SpeechUnavailable, match="espeak-ng"):
        anki.anki_apkg(sample_bank(), audio=True)


def test_the_same_text_is_the_same_media_file_and_a_new_voice_a_new_one(monkeypatch: pytest.MonkeyPatch) -> None:
    name = speech.media_name("هندوراس")
    assert name == speech.media_name("هندوراس") != speech.media_name("هندوراس ")
    assert re.fullmatch(r"fahim-[0-9a-f]{20}\.wav", name)
    monkeypatch.setattr(speech, "WORDS_PER_MINUTE", 120)
    assert speech.media_name("هندوراس") != name


def test_a_question_of_an_unknown_kind_is_an_error_not_a_basic_card() -> None:
    q = Question(key="x", kind="essay", fact_type="person", prompt="اكتب؟", answer="نص")
    with pytest.raises(UnknownKind):
        anki.anki_apkg(Bank(Article("a", "t", ""), (q,)))


def test_a_typed_number_shows_its_tolerance_and_a_typed_text_its_aliases_on_the_back() -> None:
    bank = sample_bank()
    by_key = {q.key: anki.note_for(q, bank.article.key, "t", "d") for q in bank.questions}
    assert by_key["numeric-pct"].fields[2] == "بفارق مسموح ± 0.5"
    assert by_key["wh-place"].fields[2] == "يُقبل أيضًا: الهندوراس، جمهورية هندوراس"
