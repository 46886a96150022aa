"""questions/ stays pure: no web, database, form, Anki or quiz imports."""

import pathlib

import pytest

from codescan import imported_roots

FORBIDDEN = {"flask", "sqlalchemy", "wtforms", "flask_wtf", "genanki", "quiz"}
QUESTIONS = pathlib.Path(__file__).resolve().parent.parent / "questions"


@pytest.mark.parametrize("path", sorted(QUESTIONS.rglob("*.py")), ids=lambda p: p.name)
def test_questions_module_imports_nothing_forbidden(path: pathlib.Path) -> None:
    assert not (imported_roots(path) & FORBIDDEN)


def test_the_rule_catches_a_forbidden_import(tmp_path: pathlib.Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("from flask import Flask\nimport sqlalchemy.orm\n", encoding="utf-8")
    assert imported_roots(bad) & FORBIDDEN == {"flask", "sqlalchemy"}
