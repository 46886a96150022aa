"""Helpers for tests that read the project's source: which top-level modules a file imports."""

from __future__ import annotations

import ast
import pathlib


def imported_roots(path: pathlib.Path) -> set[str]:
    """Return the top-level package names that ``path`` imports absolutely."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    roots: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots
