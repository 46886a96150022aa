"""Golden questions: the built-in article's bank, read by hand (see tests/golden/README.md). Regeneration
must ask the same things: the same prompts, answers, accepted answers, kinds, sets of options and items.
The order options are shuffled in is not compared: it is chance, not content.

The bank is regenerated from a snapshot of the extractor's facts (tests/golden/seed_facts.json), so a
change in the generator shows here even while the extractor keeps improving; a second test checks the
live pipeline still asks most of them.

Refresh after a reviewed change: ``.venv/bin/python tests/test_golden.py`` (then read the diff);
``--refresh-facts`` snapshots the extractor's facts again.
"""

from __future__ import annotations

import json
import pathlib
import sys
from dataclasses import replace
from typing import Any

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from questions.checks import check  # noqa: E402
from questions.generate import generate, generate_from_facts  # noqa: E402
from questions.kinds import comprehension_kinds  # noqa: E402
from questions.model import Fact, Question  # noqa: E402

GOLDEN = ROOT / "tests" / "golden"
SEED = ROOT / "quiz" / "seed" / "asfura_honduras.txt"
TITLE = "ترامب ونصري عصفورة: تحالف أمني"
# The built-in article's facts worth asking once none gives another away: its place names (a venue, a capital
# inside a quotation) are not recalled, and a which-statement question stands on four of its facts.
BUILT_IN_QUESTIONS = 6


def reviewed(q: Question) -> dict[str, Any]:
    """What a reader reviewed of a question: everything a student or teacher reads, options as a set."""
    return {
        "key": q.key, "kind": q.kind, "prompt": q.prompt, "answer": q.answer,
        "accepted": sorted(q.accepted), "options": sorted(q.choices), "items": list(q.items),
        "pairs": sorted(list(p) for p in q.pairs),
        "alternates": [{"kind": a.kind, "prompt": a.prompt, "answer": a.answer, "options": sorted(a.choices)}
                       for a in q.alternates],
    }


def _facts() -> list[Fact]:
    raw = json.loads((GOLDEN / "seed_facts.json").read_text(encoding="utf-8"))
    return [Fact(**f) for f in raw]


def _golden() -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = json.loads((GOLDEN / "seed_bank.json").read_text(encoding="utf-8"))
    return data


def _bank_from_snapshot(seed: int = 0) -> list[Question]:
    return list(generate_from_facts(SEED.read_text(encoding="utf-8"), _facts(), seed=seed, title=TITLE).questions)


def test_regenerating_from_the_same_facts_asks_the_golden_questions() -> None:
    assert [reviewed(q) for q in _bank_from_snapshot()] == _golden()


def test_the_order_options_are_shown_in_is_not_part_of_what_was_reviewed() -> None:
    q = _bank_from_snapshot()[0]
    assert reviewed(replace(q, choices=tuple(reversed(q.choices)))) == reviewed(q)
    assert reviewed(replace(q, prompt=q.prompt + " ")) != reviewed(q)


def test_the_golden_bank_passes_the_checks_with_several_kinds() -> None:
    bank = _bank_from_snapshot()
    assert len(bank) >= BUILT_IN_QUESTIONS
    assert all(check(q) == [] for q in bank)
    kinds = {q.kind for q in bank}
    assert len(kinds) >= 3 and kinds & comprehension_kinds()


def test_the_live_pipeline_still_asks_most_golden_questions() -> None:
    bank = {q.key: q for q in generate(SEED.read_text(encoding="utf-8"), title=TITLE).questions}
    kept = [g for g in _golden() if g["key"] in bank]
    assert len(kept) >= 0.75 * len(_golden())
    for g in kept:
        assert (bank[g["key"]].prompt, bank[g["key"]].answer) == (g["prompt"], g["answer"])


def _write_golden(refresh_facts: bool = False) -> None:
    """Rewrite the golden bank from the facts snapshot. Review the diff before committing."""
    text = SEED.read_text(encoding="utf-8")
    facts_path = GOLDEN / "seed_facts.json"
    GOLDEN.mkdir(exist_ok=True)
    if refresh_facts or not facts_path.exists():
        from questions.facts import extract_facts

        facts_path.write_text(json.dumps([f.__dict__ for f in extract_facts(text)], ensure_ascii=False,
                                         indent=1) + "\n", encoding="utf-8")
    bank = [reviewed(q) for q in _bank_from_snapshot()]
    (GOLDEN / "seed_bank.json").write_text(json.dumps(bank, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    _write_golden(refresh_facts="--refresh-facts" in sys.argv)
