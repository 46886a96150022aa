"""Time question generation on the built-in article against fact extraction of the same text.

Usage: .venv/bin/python bench/generate.py
Prints ``generate ratio=X (gen Y ms, extract Z ms) target<100ms ok|FAIL``: generation alone (facts
already extracted) as a ratio to extraction, both best of several runs in the same process.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from questions.facts import extract_facts  # noqa: E402
from questions.generate import generate_from_facts  # noqa: E402

SEED = ROOT / "quiz" / "seed" / "asfura_honduras.txt"
TARGET_MS = 100.0


def best_of(fn: Callable[[], object], runs: int) -> float:
    """The best wall time of ``runs`` calls, in seconds."""
    best = float("inf")
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def run(runs: int = 5) -> tuple[float, float, float]:
    """Return (generation / extraction ratio, generation ms, extraction ms) on the built-in article."""
    text = SEED.read_text(encoding="utf-8")
    facts = extract_facts(text)  # warm up: model load, lazy imports
    generate_from_facts(text, facts)
    extract = best_of(lambda: extract_facts(text), runs)
    gen = best_of(lambda: generate_from_facts(text, facts), runs)
    return gen / extract, gen * 1000, extract * 1000


def main() -> int:
    """Print the ratio line; exit 1 when generation misses its target."""
    ratio, gen_ms, extract_ms = run()
    ok = gen_ms < TARGET_MS
    print(f"generate ratio={ratio:.2f} (gen {gen_ms:.1f} ms, extract {extract_ms:.1f} ms) "
          f"target<{TARGET_MS:.0f}ms {'ok' if ok else 'FAIL'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
