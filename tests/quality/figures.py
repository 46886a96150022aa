"""Figures of a rated set: usable / one edit / reject, by fact type, distractors, comprehension, worth.

Usage: python tests/quality/figures.py SETDIR [SETDIR...]

Reads SETDIR/ratings.jsonl (the reader's ratings, see RUBRIC.md) and SETDIR/banks/*.json (what was
rated) and prints the figures the quality goal is stated in.
"""

from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from questions.kinds import comprehension_kinds  # noqa: E402


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:.0f}% ({a}/{b})" if b else "-"


def main(dirs: list[Path]) -> None:
    verdicts: Counter[str] = Counter()
    by_type: dict[str, Counter[str]] = defaultdict(Counter)
    by_kind: dict[str, Counter[str]] = defaultdict(Counter)
    distractors: Counter[str] = Counter()
    worth = comp_kind = comp_rated = n = 0
    articles = 0
    for d in dirs:
        banks = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted((d / "banks").glob("*.json"))}
        articles += len(banks)
        for line in (d / "ratings.jsonl").read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            r = json.loads(line)
            q = banks[r["article"]]["questions"][int(r["n"]) - 1]
            n += 1
            verdicts[r["verdict"]] += 1
            ftype = q.get("fact_type") or "(article)"
            by_type[ftype][r["verdict"]] += 1
            by_kind[q["kind"]][r["verdict"]] += 1
            if r.get("distractors") not in (None, "n/a"):
                distractors[r["distractors"]] += 1
            worth += r.get("worth") == "yes"
            comp_rated += r.get("comprehension") == "yes"
            comp_kind += q["kind"] in comprehension_kinds()
    print(f"{articles} articles, {n} questions")
    print(f"usable as is {_pct(verdicts['usable'], n)}; one edit {_pct(verdicts['edit'], n)}; "
          f"rejected {_pct(verdicts['reject'], n)}")
    print("usable by fact type: " + "; ".join(
        f"{t} {_pct(c['usable'], sum(c.values()))}" for t, c in sorted(by_type.items())))
    print("usable by kind: " + "; ".join(
        f"{k} {_pct(c['usable'], sum(c.values()))}" for k, c in sorted(by_kind.items())))
    print(f"distractors good {_pct(distractors['good'], sum(distractors.values()))}")
    print(f"comprehension kinds {_pct(comp_kind, n)}; judged comprehension by the reader {_pct(comp_rated, n)}")
    print(f"worth asking {_pct(worth, n)}")


if __name__ == "__main__":
    main([Path(a) for a in sys.argv[1:]])
