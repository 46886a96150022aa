"""`python -m questions facts FILE [--json]`: the JSON contract and one-line errors for bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from questions.__main__ import main

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "quiz" / "seed" / "asfura_honduras.txt"
REQUIRED = {"type", "text", "value", "start", "end", "sentence"}


def run_facts(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["facts", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_json_output_lists_facts_with_the_contract_keys(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_facts(capsys, str(SEED), "--json")
    assert code == 0 and err == ""
    facts = json.loads(out)
    text = SEED.read_text(encoding="utf-8")
    assert facts
    for f in facts:
        assert REQUIRED <= f.keys()
        assert f["type"] in {"person", "place", "organization", "date", "percentage", "number"}
        assert text[f["start"]:f["end"]] == f["text"]
        assert all(v is not None for k, v in f.items() if k != "value")
    by_text = {f["text"]: f for f in facts}
    assert by_text["67 عامًا"]["unit"] == "عام" and by_text["67 عامًا"]["value"] == 67
    assert by_text["40.27%"]["value"] == 40.27
    assert by_text["24 ديسمبر"]["value"] == "--12-24"
    assert all("entity" in f for f in facts if f["type"] == "person")


def test_the_date_option_resolves_relative_dates(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_facts(capsys, str(SEED), "--json", "--date", "2026-01-08")
    assert code == 0
    values = {f["text"]: f["value"] for f in json.loads(out)}
    assert values["الشهر الماضي"] == "2025-12"
    assert values["اليوم الخميس"] == "2026-01-08"


def test_without_json_the_facts_print_as_a_table(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_facts(capsys, str(SEED))
    assert code == 0
    assert any(line.startswith("percentage") and "40.27" in line for line in out.splitlines())


def test_the_module_runs_as_a_program() -> None:
    done = subprocess.run([sys.executable, "-m", "questions", "facts", str(SEED), "--json"], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert any(f["type"] == "date" for f in json.loads(done.stdout))


@pytest.mark.parametrize(("name", "content"), [
    ("missing.txt", None),
    ("latin1.txt", "فاز المرشح".encode("cp1256")),
    ("empty.txt", b""),
    ("blank.txt", b"  \n\t\n"),
    ("english.txt", b"The candidate won 40.27% of the vote on 24 December."),
    ("binary.txt", b"\x00\x01\x02PK"),
])
def test_bad_input_gets_one_line_on_stderr_and_exit_code_2(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                          name: str, content: bytes | None) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    code, out, err = run_facts(capsys, str(path), "--json")
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and err.strip()


def test_a_bad_article_date_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_facts(capsys, str(SEED), "--date", "yesterday")
    assert code == 2 and err.count("\n") == 1
