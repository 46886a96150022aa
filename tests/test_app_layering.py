"""The layering rules of the web app hold: services never touch flask, and nothing uses Model.query."""

from __future__ import annotations

import ast
import pathlib

import pytest

from codescan import imported_roots

QUIZ = pathlib.Path(__file__).resolve().parent.parent / "quiz"


@pytest.mark.parametrize("path", sorted((QUIZ / "services").glob("*.py")), ids=lambda p: p.name)
def test_a_service_never_imports_flask(path: pathlib.Path) -> None:
    assert not imported_roots(path) & {"flask", "flask_wtf", "flask_limiter", "wtforms"}


@pytest.mark.parametrize("path", sorted(QUIZ.rglob("*.py")), ids=lambda p: str(p.relative_to(QUIZ)))
def test_no_module_uses_the_legacy_model_query(path: pathlib.Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    legacy = [node.lineno for node in ast.walk(tree)
              if isinstance(node, ast.Attribute) and node.attr == "query"
              and isinstance(node.value, ast.Name) and node.value.id[:1].isupper()]
    assert not legacy, f"Model.query at lines {legacy}; use select() and session.scalars()"
