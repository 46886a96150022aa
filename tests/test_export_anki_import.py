"""Our .apkg imported by Anki's own library (the `anki` package), as a student's Anki would do it.

A first import adds one note per question in the article's deck; importing again after a teacher
edited a question updates that note in place (same note and card ids, so review history stays)
and never adds a duplicate.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Iterator
from pathlib import Path

import anki.import_export_pb2 as ie
import pytest
from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest

from questions.model import Bank
from quiz.exports import anki as export
from quiz.exports.samples import sample_bank


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


def write(tmp_path: Path, name: str, bank: Bank, timestamp: float) -> Path:
    path = tmp_path / name
    path.write_bytes(export.anki_apkg(bank, timestamp=timestamp))
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
    assert "أخبار::فوز عصفورة برئاسة هندوراس" in deck_names
    assert col.card_count() == len(bank.questions)
    assert {"Fahim Basic", "Fahim Cloze", "Fahim Multiple Choice"} <= {m.name for m in col.models.all_names_and_ids()}


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


def test_cards_render_right_to_left_with_the_cloze_hidden_and_the_choice_marked(col: Collection,
                                                                               tmp_path: Path) -> None:
    bank = sample_bank()
    import_apkg(col, write(tmp_path, "v1.apkg", bank, time.time()))
    rendered = {}
    for cid in col.find_cards(""):
        card = col.get_card(cid)
        rendered[card.note().guid] = (card.question(), card.answer())
    cloze = next(q for q in bank.questions if q.kind == "cloze" and not q.choices)
    front, back = rendered[export.guid_for(bank.article.key, cloze.key)]
    assert 'dir="rtl"' in front and "[...]" in front and cloze.answer not in front.split("</style>")[1]
    assert cloze.answer in back
    with_choices = next(q for q in bank.questions if q.kind == "cloze" and q.choices)
    front, back = rendered[export.guid_for(bank.article.key, with_choices.key)]
    assert "[" + " / ".join(with_choices.choices) + "]" in front
    mcq = next(q for q in bank.questions if q.kind == "mcq")
    front, back = rendered[export.guid_for(bank.article.key, mcq.key)]
    assert all(c in front for c in mcq.choices)
    assert f'<li class="correct">{mcq.answer}</li>' in back and 'class="fahim back"' in back
