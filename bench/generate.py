"""Time question generation: a typical article against extracting its facts, and a 200 KB article
against the typical one scaled to its size.

Usage: .venv/bin/python bench/generate.py
Prints two lines in bench/run.py's format:
- ``generate ratio=X``: generating the built-in article's bank from its facts ÷ extracting those facts
  with every cache empty (what a teacher waits for on top of extraction), best of several runs;
- ``generate-200k ratio=X``: generating from a 200 KB article (the built-in article repeated, so one
  story's names are mentioned dozens of times) ÷ the built-in article's time × the size ratio. About 1
  when generation is linear in the article; a cost growing with the square of a name's mentions shows
  as a ratio far above 1.
The absolute times go to stderr.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.extract import best_of, clear_caches  # noqa: E402
from questions.facts import extract_facts  # noqa: E402
from questions.generate import generate_from_facts  # noqa: E402

SEED = ROOT / "quiz" / "seed" / "asfura_honduras.txt"
LARGE_BYTES = 200_000
TARGET = 3.0  # generation of a typical article's bank: at most three times its extraction
LINEAR_TARGET = 1.5  # a 200 KB article: at most one and a half times the typical article scaled up


def typical(runs: int = 5) -> tuple[float, float]:
    """(generation seconds, extraction seconds with every cache empty) for the built-in article."""
    text = SEED.read_text(encoding="utf-8")
    facts = extract_facts(text)
    generate_from_facts(text, facts)  # warm up: word lists, pools, lazy imports
    extract = best_of(lambda: extract_facts(text), runs, cold=True)
    gen = best_of(lambda: generate_from_facts(text, facts), runs)
    return gen, extract


def large(runs: int = 1) -> tuple[float, float, int]:
    """(generation seconds for ~200 KB, generation seconds for the built-in article, the size ratio)."""
    text = SEED.read_text(encoding="utf-8")
    copies = max(1, LARGE_BYTES // len(text.encode()))
    big = "\n".join([text] * copies)
    facts, big_facts = extract_facts(text), extract_facts(big)
    one = best_of(lambda: generate_from_facts(text, facts), 5)
    many = best_of(lambda: generate_from_facts(big, big_facts), runs)
    clear_caches()
    return many, one, copies


def main() -> int:
    """Print both lines; exit 1 when either misses its target."""
    gen, extract = typical()
    many, one, copies = large()
    ratio, linear = gen / extract, many / (one * copies)
    print(f"built-in article: generation {gen * 1000:.1f} ms, extraction {extract * 1000:.1f} ms; "
          f"{copies} copies ({copies * SEED.stat().st_size // 1000} KB): generation {many:.2f} s", file=sys.stderr)
    print(f"generate ratio={ratio:.2f} target<={TARGET} {'ok' if ratio <= TARGET else 'FAIL'}")
    print(f"generate-200k ratio={linear:.2f} target<={LINEAR_TARGET} {'ok' if linear <= LINEAR_TARGET else 'FAIL'}")
    return 0 if ratio <= TARGET and linear <= LINEAR_TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
