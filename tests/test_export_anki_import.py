"""Our .apkg imported by Anki's own library (the `anki` package), as a student's Anki would do it.

A first import adds one note per question in the article's deck; importing again after a teacher
edited a question updates that note in place (same note and card ids, so review history stays)
and never adds a duplicate; after a retitle the cards stay in one deck; a question taken out of the
bank comes back tagged ``fahim::removed``. Cards render right to left and no front gives the answer
away; the optional audio lands in the collection's media and plays on the back only.
"""

from __future__ import annotations

import dataclasses
import html
import re
import time
from collections.abc import Iterator
from pathlib import Path

import anki.import_export_pb2 as ie
import pytest
from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest

from questions.generate import generate
from questions.model import Bank
from quiz.exports import anki as export
from quiz.exports.samples import sample_bank

BUILT_IN = Path(__file__).resolve().parent.parent / "quiz" / "seed" / "asfura_honduras.txt"


@pytest.fixture
def col(tmp_path: Path) -> Iterator[Collection]:
    collection = Collection(str(tmp_path / "student.anki2"))
    yield collection
    collection.close()


def import_apkg(col: Collection, path: Path) -> ie.ImportResponse.Log:
    options = ImportAnkiPackageOptions(
        merge_notetypes=False, with_scheduling=False,
        update_notes=ie.IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_IF_NEWER,
        update_notetypes=ie.IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_IF_NEWER,
    )
    return col.import_anki_package(ImportAnkiPackageRequest(package_path=str(path), options=options)).log


def write(tmp_path: Path, name: str, bank: Bank, timestamp: float, **options: object) -> Path:
    path = tmp_path / name
    path.write_bytes(export.anki_apkg(bank, timestamp=timestamp, **options))  # type: ignore[arg-type]
    return path


def notes_by_guid(col: Collection) -> dict[str, tuple[int, list[int], list[str], str]]:
    out = {}
    for nid in col.find_notes(""):
        note = col.get_note(nid)
        out[note.guid] = (nid, sorted(note.card_ids()), list(note.fields), note.note_type()["name"])  # type: ignore[index]
    return out


def test_anki_imports_one_note_per_question_into_the_articles_deck(col: Collection, tmp_path: Path) -> None:
    bank = sample_bank()
    log = import_apkg(col, write(tmp_path, "v1.apkg", bank, time.time()))
    assert len(log.new) == len(bank.questions)
    assert not (log.duplicate or log.conflicting or log.missing_notetype)
    notes = notes_by_guid(col)
    assert set(notes) == {export.guid_for(bank.article.key, q.key) for q in bank.questions}
    deck_names = {d.name for d in col.decks.all_names_and_ids()}
    assert export.deck_name_for(bank) in deck_names
    assert col.card_count() == len(bank.questions)
    assert {"Fahim Basic", "Fahim Multiple Choice"} <= {m.name for m in col.models.all_names_and_ids()}


def test_reimporting_after_an_edit_updates_the_note_in_place_and_adds_nothing(col: Collection, tmp_path: Path) -> None:
    bank = sample_bank()
    import_apkg(col, write(tmp_path, "v1.apkg", bank, time.time() - 60))
    before = notes_by_guid(col)
    i = next(i for i, q in enumerate(bank.questions) if q.kind == "wh")
    edited_q = dataclasses.replace(bank.questions[i], prompt="سؤال معدّل؟", answer="جواب معدّل")
    edited = dataclasses.replace(bank, questions=(*bank.questions[:i], edited_q, *bank.questions[i + 1:]))

    log = import_apkg(col, write(tmp_path, "v2.apkg", edited, time.time()))

    assert not log.new and not log.conflicting
    after = notes_by_guid(col)
    assert set(after) == set(before)
    for guid, (nid, cids, _, notetype) in before.items():
        assert (after[guid][0], after[guid][1], after[guid][3]) == (nid, cids, notetype)
    changed = {g for g in before if before[g][2] != after[g][2]}
    guid = export.guid_for(bank.article.key, edited_q.key)
    assert changed == {guid}
    assert after[guid][2][:2] == ["سؤال معدّل؟", "جواب معدّل"]
    assert col.note_count() == len(bank.questions)


def test_a_retitled_article_with_a_new_question_keeps_one_deck(col: Collection, tmp_path: Path) -> None:
    bank = sample_bank(title="العنوان الأول")
    import_apkg(col, write(tmp_path, "v1.apkg", bank, time.time() - 60))
    extra = dataclasses.replace(bank.questions[3], key="wh-new", prompt="سؤال جديد؟")
    retitled = dataclasses.replace(sample_bank(title="عنوان جديد"), questions=(*bank.questions, extra))
    log = import_apkg(col, write(tmp_path, "v2.apkg", retitled, time.time()))
    assert len(log.new) == 1
    decks = {d.name: d.id for d in col.decks.all_names_and_ids() if d.name.startswith("أخبار::")}
    assert list(decks) == [export.deck_name_for(bank)]
    assert len(col.find_cards(f"did:{decks[export.deck_name_for(bank)]}")) == len(bank.questions) + 1
    note = col.get_note(col.find_notes("")[0])
    assert note["Article"] == "عنوان جديد"


def test_a_question_taken_out_of_the_bank_comes_back_tagged_removed(col: Collection, tmp_path: Path) -> None:
    bank = sample_bank()
    import_apkg(col, write(tmp_path, "v1.apkg", bank, time.time() - 60))
    gone = bank.questions[0]
    kept = dataclasses.replace(bank, questions=bank.questions[1:])
    removed = dataclasses.replace(bank, questions=(gone,))
    log = import_apkg(col, write(tmp_path, "v2.apkg", kept, time.time(), removed=[removed]))
    assert not log.new and not log.conflicting
    assert col.find_notes("tag:fahim::removed") == [notes_by_guid(col)[export.guid_for(bank.article.key, gone.key)][0]]
    (cid,) = col.find_cards("tag:fahim::removed")
    assert export.REMOVED_NOTICE in col.get_card(cid).answer()
    assert export.REMOVED_NOTICE not in col.get_card(cid).question()
    assert col.note_count() == len(bank.questions)


def front_body(html: str) -> str:
    return html.split("</style>", 1)[1]


def rendered(col: Collection) -> dict[str, tuple[str, str, str]]:
    """Each card's front and back HTML and its note's Answer field, by note GUID."""
    out = {}
    for cid in col.find_cards(""):
        card = col.get_card(cid)
        out[card.note().guid] = (front_body(card.question()), front_body(card.answer()), card.note()["Answer"])
    return out


@pytest.mark.parametrize("source", ["sample", "built-in"])
def test_cards_render_right_to_left_and_no_front_gives_the_answer_away(col: Collection, tmp_path: Path,
                                                                       source: str) -> None:
    if source == "sample":
        bank = sample_bank()
    else:
        bank = generate(BUILT_IN.read_text(encoding="utf-8"), seed=0, article_date="2026-02-15", title="ترامب")
    import_apkg(col, write(tmp_path, "v1.apkg", bank, time.time()))
    cards = rendered(col)
    assert len(cards) == len(bank.questions)
    for q in bank.questions:
        front, back, answer = cards[export.guid_for(bank.article.key, q.key)]
        assert 'dir="rtl"' in front and 'dir="rtl"' in back, q.key
        assert 'class="answer"' not in front and "data-cloze" not in front, q.key
        # Options are on the front, each written the same way; so are both words of a true/false.
        options = re.search(r'<ol class="options">(.*?)</ol>', front)
        if options:
            assert options.group(1) == "".join(f"<li>{html.escape(c, False)}</li>" for c in q.choices), q.key
            front = front.replace(options.group(0), "")
        front = front.replace('<div class="hint">صح أم خطأ؟</div>', "")
        assert answer and f'<div class="answer">{answer}</div>' in back, q.key
        if q.answer not in q.prompt:
            assert answer not in front, q.key


def test_the_answers_audio_lands_in_the_media_folder_and_plays_on_the_back_only(col: Collection,
                                                                                tmp_path: Path) -> None:
    bank = sample_bank()
    log = import_apkg(col, write(tmp_path, "v1.apkg", bank, time.time() - 60, audio=True))
    assert len(log.new) == len(bank.questions)
    media = Path(col.media.dir())
    for cid in col.find_cards(""):
        card = col.get_card(cid)
        q = next(q for q in bank.questions if export.guid_for(bank.article.key, q.key) == card.note().guid)
        assert not card.question_av_tags(), q.key
        (tag,) = card.answer_av_tags()
        assert tag.filename == export.media_name(export.spoken_answer(q))  # type: ignore[union-attr]
        wav = (media / tag.filename).read_bytes()  # type: ignore[union-attr]
        assert wav.startswith(b"RIFF") and len(wav) > 8000
    # Importing again without audio changes nothing else and forks no note type.
    log = import_apkg(col, write(tmp_path, "v2.apkg", bank, time.time()))
    assert not log.new and not log.conflicting and not log.missing_notetype
    assert {"Fahim Basic", "Fahim Multiple Choice"} == {
        m.name for m in col.models.all_names_and_ids() if m.name.startswith("Fahim")}
