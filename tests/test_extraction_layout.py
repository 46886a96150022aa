"""The extraction code stays easy to change: no import cycle, small modules, word lists in data files."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from questions import lists
from questions.names import passes
from questions.names.rules import clean, people, split

ROOT = Path(__file__).resolve().parent.parent / "questions"
EXTRACTION = ["facts.py", "dates.py", "datepatterns.py", "numbers.py", "numberwords.py", "text.py", "normalize.py",
              "lists.py",
              *[str(p.relative_to(ROOT)) for p in sorted((ROOT / "names").rglob("*.py"))]]
_ARABIC_WORD = re.compile("[\u0621-\u064a]{2,}")


def _imports(path: Path) -> set[str]:
    """The questions.* modules a file imports, anywhere in it."""
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("questions"):
            out.add(node.module)
            out.update(f"{node.module}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name.startswith("questions"))
    return out


def _module_graph() -> dict[str, set[str]]:
    """Imports between the extraction modules (a module importing its own package's __init__ aside)."""
    names = {".".join(("questions", *Path(n).with_suffix("").parts)).removesuffix(".__init__"): ROOT / n
             for n in EXTRACTION}
    return {m: {d for d in _imports(p) if d in names and d != m and not m.startswith(d + ".")}
            for m, p in names.items()}


def _cycle(graph: dict[str, set[str]]) -> list[str]:
    """One import cycle of the graph, as the chain of modules, or [] when there is none."""
    done: set[str] = set()

    def visit(m: str, path: list[str]) -> list[str]:
        if m in path:
            return path[path.index(m):] + [m]
        if m in done:
            return []
        for d in sorted(graph[m]):
            found = visit(d, path + [m])
            if found:
                return found
        done.add(m)
        return []

    for m in sorted(graph):
        found = visit(m, [])
        if found:
            return found
    return []


def test_the_extraction_modules_have_no_import_cycle() -> None:
    graph = _module_graph()
    assert graph["questions.names.passes"] and graph["questions.facts"]
    assert _cycle(graph) == []


def test_the_cycle_check_sees_a_cycle() -> None:
    graph = {"questions.a": {"questions.b"}, "questions.b": {"questions.c"}, "questions.c": {"questions.a"}}
    assert _cycle(graph) == ["questions.a", "questions.b", "questions.c", "questions.a"]


@pytest.mark.parametrize("name", EXTRACTION)
def test_extraction_modules_stay_small(name: str) -> None:
    assert len((ROOT / name).read_text(encoding="utf-8").splitlines()) <= 500


def _docstrings(tree: ast.AST) -> set[int]:
    return {id(node.body[0].value) for node in ast.walk(tree)
            if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef)) and node.body
            and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}


def _arabic_word_lists(path: Path) -> list[str]:
    """Strings of three or more Arabic words, and tuples/sets/lists of three or more Arabic words (most
    of them longer than an affix), outside docstrings."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = _docstrings(tree)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs:
            if len(_ARABIC_WORD.findall(node.value)) >= 3 and not re.search("[A-Za-z(|«]", node.value):
                found.append(node.value[:40])
        elif isinstance(node, (ast.Tuple, ast.Set, ast.List)):
            words = [e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)
                     and _ARABIC_WORD.fullmatch(e.value.replace(" ", ""))]
            if len(words) >= 3 and sum(len(w) > 3 for w in words) * 2 > len(words):
                found.append(" ".join(words)[:40])
    return found


@pytest.mark.parametrize("name", [n for n in EXTRACTION if n.startswith("names")])
def test_the_name_rules_hold_no_arabic_word_list(name: str) -> None:
    assert _arabic_word_lists(ROOT / name) == []


def test_the_word_list_check_finds_a_list_in_code(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text('"""Heads: هيئة مجلس وزارة."""\nHEADS = ("هيئة", "مجلس", "وزارة")\nSTOP = "في من على"\n'
                   'ENDS = ("ه", "ها", "هم")\n', encoding="utf-8")
    assert len(_arabic_word_lists(bad)) == 2


def test_every_hand_list_is_read_and_commented() -> None:
    files = sorted(p.stem for p in lists.LISTS.glob("*.txt"))
    code = "\n".join((ROOT / n).read_text(encoding="utf-8") for n in EXTRACTION)
    for name in files:
        assert f'"{name}"' in code, f"data/lists/{name}.txt is read by nothing"
        assert (lists.LISTS / f"{name}.txt").read_text(encoding="utf-8").startswith("# ")
        assert lists.entries(name)


def test_generated_files_and_models_live_apart_from_hand_lists() -> None:
    assert {p.name for p in lists.GENERATED.iterdir()} == {"gazetteer.tsv", "names.tsv", "common.txt", "ordinary.txt"}
    assert {p.suffix for p in lists.MODELS.iterdir()} == {".crfsuite", ".txt"}
    assert not any(p.suffix == ".tsv" for p in lists.LISTS.iterdir())


def test_the_passes_and_rule_tables_name_every_step_once() -> None:
    for table in (passes.ARTICLE_PASSES, clean.TRIMS, split.SPLITS, people.PEOPLE_RULES):
        names = [getattr(getattr(p, "func", p), "__name__") for p in table]
        assert all(n and not n.startswith("<") for n in names)
        if table is not passes.ARTICLE_PASSES:
            assert len(set(names)) == len(names)
