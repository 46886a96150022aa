"""questions/ stays pure: no web, database, form, Anki or quiz imports."""

import ast
import pathlib

import pytest

FORBIDDEN = {"flask", "sqlalchemy", "wtforms", "flask_wtf", "genanki", "quiz"}
QUESTIONS = pathlib.Path(__file__).resolve().parent.parent / "questions"


def _imported_roots(path: pathlib.Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    roots: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


@pytest.mark.parametrize("path", sorted(QUESTIONS.rglob("*.py")), ids=lambda p: p.name)
def test_questions_module_imports_nothing_forbidden(path: pathlib.Path) -> None:
    assert not (_imported_roots(path) & FORBIDDEN)


def test_the_rule_catches_a_forbidden_import(tmp_path: pathlib.Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("from flask import Flask\nimport sqlalchemy.orm\n", encoding="utf-8")
    assert _imported_roots(bad) & FORBIDDEN == {"flask", "sqlalchemy"}
