"""The bank's own JSON: export and import back round-trip without loss; bad files get clear errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from questions.generate import generate
from questions.model import Bank

from quiz.exports import FORMATS, export
from quiz.exports.bankjson import bank_json, import_bank_json
from quiz.exports.samples import sample_bank
from quiz.seed import BUILTIN_DATE, BUILTIN_TITLE, builtin_text


def test_a_bank_round_trips_through_its_json_without_loss() -> None:
    bank = sample_bank()
    back = import_bank_json(bank_json(bank))
    assert back == bank
    assert back.to_dict() == bank.to_dict()
    assert bank_json(back) == bank_json(bank)


def test_the_json_is_readable_utf8_not_escaped_ascii() -> None:
    data = bank_json(sample_bank())
    assert "عصفورة".encode() in data
    assert json.loads(data)["version"] == 1


def test_a_byte_order_mark_is_accepted() -> None:
    assert import_bank_json(b"\xef\xbb\xbf" + bank_json(sample_bank())) == sample_bank()


def _bank_dict() -> dict:  # type: ignore[type-arg]
    return sample_bank().to_dict()


def _with(change) -> bytes:  # type: ignore[no-untyped-def]
    d = _bank_dict()
    change(d)
    return json.dumps(d, ensure_ascii=False).encode()


@pytest.mark.parametrize(("data", "message"), [
    (b"", "the file is empty"),
    (b"  \n", "the file is empty"),
    (b"\xff\xfe\x00x", "not UTF-8"),
    (b"{\"version\": 1,", "not valid JSON"),
    (b"[1, 2]", "expected a JSON object"),
    (b"{\"questions\": []}", "no 'version'"),
    (_with(lambda d: d.update(version=7)), "unsupported bank version 7"),
    (_with(lambda d: d["article"].pop("key")), "the article has no key"),
    (_with(lambda d: d["article"].update(date=20251224)), "the article's date must be text"),
    (_with(lambda d: d.update(questions={})), "'questions' must be a list"),
    (_with(lambda d: d["questions"].append(3)), "expected an object"),
    (_with(lambda d: d["questions"][0].pop("prompt")), "question 1 (mcq-person): missing 'prompt'"),
    (_with(lambda d: d["questions"][1].update(kind="essay")), "question 2 (cloze-date): unknown kind 'essay'"),
    (_with(lambda d: d["questions"][0].update(answer="غيره")), "the answer is not one of the choices"),
    (_with(lambda d: d["questions"][2].update(difficulty="hard")), "question 3 (cloze-choice): bad value"),
    (_with(lambda d: d["questions"].append(dict(d["questions"][0]))), "duplicate key 'mcq-person'"),
    (_with(lambda d: d["questions"][3].update(prompt="  ")), "empty prompt"),
])
def test_bad_files_are_refused_with_a_clear_reason(data: bytes, message: str) -> None:
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")):
        import_bank_json(data)


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_every_format_exports_the_sample_bank_to_bytes(fmt: str) -> None:
    data = export(sample_bank(), fmt)
    assert isinstance(data, bytes) and data


def test_an_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown export format 'pdf'"):
        export(sample_bank(), "pdf")



@pytest.fixture(scope="module")
def builtin_bank() -> Bank:
    return generate(builtin_text(), seed=0, article_date=BUILTIN_DATE, title=BUILTIN_TITLE)


def test_the_built_in_bank_round_trips_through_json_without_loss(builtin_bank: Bank) -> None:
    assert len(builtin_bank.questions) >= 6 and any(q.alternates for q in builtin_bank.questions)
    back = import_bank_json(bank_json(builtin_bank))
    assert back.to_dict() == builtin_bank.to_dict()
    assert back.questions == builtin_bank.questions
    assert back.article == builtin_bank.article
    assert dict(back.drops) == dict(builtin_bank.drops)


def test_what_the_generator_cli_prints_imports_as_the_same_bank(builtin_bank: Bank, capsys: pytest.CaptureFixture[str],
                                                                tmp_path: Path) -> None:
    from questions.__main__ import main

    article = tmp_path / "article.txt"
    article.write_text(builtin_bank.article.text, encoding="utf-8")
    dated = ["--date", BUILTIN_DATE] if BUILTIN_DATE else []
    assert main(["generate", str(article), "--json", *dated, "--title", BUILTIN_TITLE]) == 0
    printed = capsys.readouterr().out.encode("utf-8")
    assert import_bank_json(printed).questions == builtin_bank.questions


@pytest.mark.no_seed
def test_a_stored_bank_exported_and_imported_back_into_the_database_is_unchanged(session: Session) -> None:
    from quiz.exports.sources import bank_for_export
    from quiz.services import banks as bank_service

    first = bank_service.save_bank(session, sample_bank(), None, status="approved")
    exported = bank_json(bank_for_export(session, first.id))
    second = bank_service.save_bank(session, import_bank_json(exported), None, status="approved")
    assert bank_json(bank_for_export(session, second.id)) == exported
    assert import_bank_json(exported) == sample_bank()
