"""Time fact extraction on ~1 MB of Arabic news against a plain regex digit scan of the same text.

Usage: .venv/bin/python bench/extract.py
Prints ``extract ratio=X target<=30 ok|FAIL``, the ratio of each half (dates/percentages/numbers,
names) and the seed article's extraction time in ms. ``run()`` returns (ratio, target) for bench/run.py.
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from questions import facts as facts_module  # noqa: E402
from questions.entities import find_entities  # noqa: E402
from questions.facts import extract_facts  # noqa: E402
from questions.text import split_sentences  # noqa: E402

SEED = ROOT / "quiz" / "seed" / "asfura_honduras.txt"
DEV = ROOT.parent / "shared" / "eval" / "dev"
TARGET = 30.0
SEED_TARGET_MS = 50.0


def corpus(size: int = 1_000_000) -> str:
    """Repeat the seed and practice articles until the text holds about ``size`` UTF-8 bytes."""
    parts = [SEED.read_text(encoding="utf-8")]
    if DEV.is_dir():
        parts += [p.read_text(encoding="utf-8") for p in sorted(DEV.glob("*.txt"))]
    unit = "\n".join(parts) + "\n"
    return unit * (size // len(unit.encode("utf-8")) + 1)


def best_of(fn: Callable[[], object], runs: int) -> float:
    """The best CPU time of ``runs`` calls, in seconds.

    CPU time rather than wall time: on a busy machine a long call is preempted far more often
    than the short digit scan, which would skew the ratio; both run on one thread, so on an idle
    machine the two clocks agree.
    """
    best = float("inf")
    for _ in range(runs):
        t0 = time.process_time()
        fn()
        best = min(best, time.process_time() - t0)
    return best


def seed_ms(runs: int = 5) -> float:
    """Extraction time of the seed article, in milliseconds (best of ``runs``)."""
    text = SEED.read_text(encoding="utf-8")
    extract_facts(text)  # warm caches (lazy imports, model load)
    return best_of(lambda: extract_facts(text), runs) * 1000


def run(runs: int = 3) -> tuple[float, float]:
    """Return (extraction time / regex digit scan time on ~1 MB, target ratio)."""
    text = corpus()
    extract_facts(text[:5000])  # warm up outside the timing
    scan = best_of(lambda: re.findall(r"\d+", text), runs * 3)
    extract = best_of(lambda: extract_facts(text), runs)
    return extract / scan, TARGET


def parts(runs: int = 3) -> tuple[float, float]:
    """Return the ratios of the two halves: (dates, percentages and numbers; names)."""
    text = corpus()
    scan = best_of(lambda: re.findall(r"\d+", text), runs * 3)
    sentences = split_sentences(text)
    real = getattr(facts_module, "find_entities")
    try:
        setattr(facts_module, "find_entities", lambda _text, _sentences: [])  # time the non-name half alone
        values = best_of(lambda: extract_facts(text), runs)
    finally:
        setattr(facts_module, "find_entities", real)
    names = best_of(lambda: find_entities(text, sentences), runs)
    return values / scan, names / scan


def main() -> int:
    """Print the ratio and the seed time; exit 1 if either misses its target."""
    ratio, target = run()
    ok = ratio <= target
    print(f"extract ratio={ratio:.1f} target<={target:.0f} {'ok' if ok else 'FAIL'}")
    values, names = parts()
    print(f"  parts: dates/percentages/numbers ratio={values:.1f}, names ratio={names:.1f}")
    ms = seed_ms()
    seed_ok = ms < SEED_TARGET_MS
    print(f"seed article {ms:.1f} ms target<{SEED_TARGET_MS:.0f} {'ok' if seed_ok else 'FAIL'}")
    return 0 if ok and seed_ok else 1


if __name__ == "__main__":
    sys.exit(main())
