"""Golden questions: 20 questions drawn at random (fixed seed) from the built-in bank, read by hand and
found grammatical and answerable from the article. Regeneration must give them back unchanged.

The sample is regenerated from a snapshot of the extractor's facts (tests/golden/seed_facts.json), so a
change in the generator shows here even while the extractor keeps improving; a second test checks the
live pipeline still asks most of them.

Refresh after a reviewed change: ``.venv/bin/python tests/test_golden.py`` (then read the diff);
``--refresh-facts`` snapshots the extractor's facts again.
"""

from __future__ import annotations

import json
import pathlib
import random
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from questions.generate import generate, generate_from_facts  # noqa: E402
from questions.model import Fact, Question  # noqa: E402

GOLDEN = ROOT / "tests" / "golden"
SEED = ROOT / "quiz" / "seed" / "asfura_honduras.txt"
SAMPLE_SEED = 20
SAMPLE_SIZE = 20


def _facts() -> list[Fact]:
    raw = json.loads((GOLDEN / "seed_facts.json").read_text(encoding="utf-8"))
    return [Fact(**f) for f in raw]


def _golden() -> list[dict[str, object]]:
    data: list[dict[str, object]] = json.loads((GOLDEN / "seed_sample.json").read_text(encoding="utf-8"))
    return data


def test_regenerating_from_the_same_facts_gives_the_golden_questions_back() -> None:
    text = SEED.read_text(encoding="utf-8")
    bank = {q.key: q.to_dict() for q in generate_from_facts(text, _facts(), seed=0).questions}
    for gold in _golden():
        assert bank.get(str(gold["key"])) == gold, gold["prompt"]


def test_the_golden_sample_has_twenty_checked_questions_of_several_kinds() -> None:
    from questions.checks import check

    golden = [Question.from_dict(g) for g in _golden()]
    assert len(golden) == SAMPLE_SIZE
    assert all(check(q) == [] for q in golden)
    assert len({q.kind for q in golden}) >= 4


def test_the_live_pipeline_still_asks_most_golden_questions() -> None:
    bank = {q.key: q for q in generate(SEED.read_text(encoding="utf-8")).questions}
    kept = [g for g in _golden() if str(g["key"]) in bank]
    assert len(kept) >= 15
    for g in kept:
        q = bank[str(g["key"])]
        assert (q.prompt, q.answer) == (g["prompt"], g["answer"])


def _write_golden(refresh_facts: bool = False) -> None:
    """Rewrite the golden sample from the facts snapshot, keeping the reviewed keys.

    With ``refresh_facts`` (or no snapshot yet) the extractor's facts are snapshotted again and,
    when no sample exists, a new one is drawn. Review the diff before committing.
    """
    text = SEED.read_text(encoding="utf-8")
    facts_path, sample_path = GOLDEN / "seed_facts.json", GOLDEN / "seed_sample.json"
    GOLDEN.mkdir(exist_ok=True)
    if refresh_facts or not facts_path.exists():
        from questions.facts import extract_facts

        facts_path.write_text(json.dumps([f.__dict__ for f in extract_facts(text)], ensure_ascii=False,
                                         indent=1) + "\n", encoding="utf-8")
    bank = generate_from_facts(text, _facts(), seed=0)
    if sample_path.exists():
        keys = {str(g["key"]) for g in _golden()}
    else:
        keys = set(random.Random(SAMPLE_SEED).sample(sorted(q.key for q in bank.questions), SAMPLE_SIZE))
    chosen = [q.to_dict() for q in bank.questions if q.key in keys]
    sample_path.write_text(json.dumps(chosen, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    _write_golden(refresh_facts="--refresh-facts" in sys.argv)
