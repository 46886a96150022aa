"""Time fact extraction on ~1 MB of Arabic news against a plain regex digit scan of the same text.

Usage: .venv/bin/python bench/extract.py
Prints ``extract ratio=X target<=30 ok|FAIL`` and the seed article's extraction time in ms.
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from questions.facts import extract_facts  # noqa: E402

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
    """The best wall time of ``runs`` calls, in seconds."""
    best = float("inf")
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
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


def main() -> int:
    """Print the ratio and the seed time; exit 1 if either misses its target."""
    ratio, target = run()
    ms = seed_ms()
    ok = ratio <= target
    print(f"extract ratio={ratio:.1f} target<={target:.0f} {'ok' if ok else 'FAIL'}")
    seed_ok = ms < SEED_TARGET_MS
    print(f"seed article {ms:.1f} ms target<{SEED_TARGET_MS:.0f} {'ok' if seed_ok else 'FAIL'}")
    return 0 if ok and seed_ok else 1


if __name__ == "__main__":
    sys.exit(main())
