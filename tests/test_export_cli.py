"""`flask export`: banks from JSON files or the database, every format, clear usage errors."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from collections.abc import Callable
from pathlib import Path

import genanki
import pytest
from flask.testing import FlaskCliRunner
from sqlalchemy.orm import Session

from conftest import sample_bank as conftest_bank
from quiz import models
from quiz.exports import FORMATS, speech
from quiz.exports.bankjson import bank_json, import_bank_json
from quiz.exports.samples import sample_bank
from quiz.services import banks as bank_service


@pytest.fixture
def bank_file(tmp_path: Path) -> Path:
    path = tmp_path / "bank.json"
    path.write_bytes(bank_json(sample_bank()))
    return path


def notes_in(apkg: Path, tmp_path: Path) -> list[tuple[str, str]]:
    with zipfile.ZipFile(apkg) as z:
        (tmp_path / "c.anki2").write_bytes(z.read("collection.anki2"))
    conn = sqlite3.connect(tmp_path / "c.anki2")
    try:
        return sorted(conn.execute("SELECT guid, flds FROM notes"))
    finally:
        conn.close()


@pytest.mark.no_seed
@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_export_writes_a_bank_file_in_every_format(runner: FlaskCliRunner, bank_file: Path, tmp_path: Path,
                                                   fmt: str) -> None:
    out = tmp_path / f"out.{FORMATS[fmt].extension}"
    result = runner.invoke(args=["export", "--format", fmt, "--bank", str(bank_file), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes() == FORMATS[fmt].write(sample_bank()) or fmt == "anki"
    assert f"wrote {len(sample_bank().questions)} questions" in result.output


@pytest.mark.no_seed
def test_the_anki_export_of_a_bank_file_holds_one_note_per_question(runner: FlaskCliRunner, bank_file: Path,
                                                                    tmp_path: Path) -> None:
    out = tmp_path / "deck.apkg"
    result = runner.invoke(args=["export", "--format", "anki", "--bank", str(bank_file), "--out", str(out)])
    assert result.exit_code == 0, result.output
    bank = sample_bank()
    assert [g for g, _ in notes_in(out, tmp_path)] == sorted(genanki.guid_for(bank.article.key, q.key)
                                                             for q in bank.questions)


@pytest.mark.no_seed
def test_json_export_to_stdout_round_trips(runner: FlaskCliRunner, bank_file: Path) -> None:
    result = runner.invoke(args=["export", "--format", "json", "--bank", str(bank_file), "--out", "-"])
    assert result.exit_code == 0, result.output
    assert import_bank_json(result.stdout_bytes) == sample_bank()


@pytest.mark.no_seed
def test_export_reads_a_stored_bank_and_a_quiz(runner: FlaskCliRunner, session: Session, tmp_path: Path,
                                               make_quiz: Callable[..., models.Quiz]) -> None:
    quiz = make_quiz()
    out = tmp_path / "quiz.json"
    result = runner.invoke(args=["export", "--format", "json", "--quiz", str(quiz.id), "--out", str(out)])
    assert result.exit_code == 0, result.output
    got = import_bank_json(out.read_bytes())
    assert [q.key for q in got.questions] == [q.key for q in conftest_bank().questions]

    row = bank_service.save_bank(session, sample_bank(), None, status="pending")
    row.questions[0].status = "rejected"
    row.questions[1].status = "approved"
    session.commit()
    for extra, expected in (([], len(row.questions) - 1), (["--approved-only"], 1)):
        result = runner.invoke(args=["export", "--format", "json", "--bank-id", str(row.id), *extra,
                                     "--out", str(out)])
        assert result.exit_code == 0, result.output
        assert len(import_bank_json(out.read_bytes()).questions) == expected


@pytest.mark.no_seed
@pytest.mark.parametrize(("args", "message"), [
    (["--bank", "{missing}"], "no such file"),
    (["--bank", "{dir}"], "is a directory"),
    (["--bank", "{bad}"], "not valid JSON"),
    (["--bank", "{notbank}"], "not a Fahim question bank"),
    ([], "give exactly one of --bank FILE, --bank-id ID or --quiz ID"),
    (["--bank", "{good}", "--quiz", "1"], "give exactly one of"),
    (["--bank-id", "999"], "no bank 999"),
    (["--quiz", "999"], "no quiz 999"),
    (["--bank", "{good}", "--approved-only"], "--approved-only goes with --bank-id"),
    (["--bank", "{good}", "--bank", "{good}", "--format", "json"], "exactly one bank"),
    (["--bank", "{good}", "--format", "gift", "--audio"], "--audio goes with --format anki"),
])
def test_bad_input_is_a_usage_error_with_a_clear_message(runner: FlaskCliRunner, tmp_path: Path, args: list[str],
                                                         message: str) -> None:
    files = {"missing": tmp_path / "nope.json", "dir": tmp_path, "bad": tmp_path / "bad.json",
             "notbank": tmp_path / "list.json", "good": tmp_path / "good.json"}
    files["bad"].write_text("{oops", encoding="utf-8")
    files["notbank"].write_text(json.dumps({"version": 1}), encoding="utf-8")
    files["good"].write_bytes(bank_json(sample_bank()))
    args = [a.format(**{k: str(v) for k, v in files.items()}) for a in args]
    fmt = [] if "--format" in args else ["--format", "anki"]
    result = runner.invoke(args=["export", *fmt, *args, "--out", str(tmp_path / "o.bin")])
    assert result.exit_code == 2
    assert message in result.output
    assert not (tmp_path / "o.bin").exists()


@pytest.mark.no_seed
def test_an_unknown_format_is_refused_by_the_option(runner: FlaskCliRunner, bank_file: Path, tmp_path: Path) -> None:
    result = runner.invoke(args=["export", "--format", "pdf", "--bank", str(bank_file), "--out", str(tmp_path / "x")])
    assert result.exit_code == 2
    assert "'pdf' is not one of" in result.output


@pytest.mark.no_seed
def test_a_deck_from_the_database_carries_rejected_questions_tagged_and_audio_when_asked(
        runner: FlaskCliRunner, session: Session, tmp_path: Path) -> None:
    row = bank_service.save_bank(session, sample_bank(), None, status="approved")
    row.questions[0].status = "rejected"
    session.commit()
    out = tmp_path / "deck.apkg"
    result = runner.invoke(args=["export", "--format", "anki", "--bank-id", str(row.id), "--audio", "--out", str(out)])
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(out) as z:
        (tmp_path / "c.anki2").write_bytes(z.read("collection.anki2"))
        media = json.loads(z.read("media"))
    conn = sqlite3.connect(tmp_path / "c.anki2")
    try:
        tags = dict(conn.execute("SELECT guid, tags FROM notes"))
    finally:
        conn.close()
    bank = sample_bank()
    assert set(tags) == {genanki.guid_for(bank.article.key, q.key) for q in bank.questions}
    assert [g for g, t in tags.items() if "fahim::removed" in t.split()] == [
        genanki.guid_for(bank.article.key, row.questions[0].key)]
    assert media and all(name.endswith(".wav") for name in media.values())


@pytest.mark.no_seed
def test_audio_without_espeak_ng_is_a_usage_error(runner: FlaskCliRunner, bank_file: Path, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(speech.shutil, "which", lambda name: None)
    result = runner.invoke(args=["export", "--format", "anki", "--audio", "--bank", str(bank_file),
                                 "--out", str(tmp_path / "d.apkg")])
    assert result.exit_code == 2 and "espeak-ng is not installed" in result.output
