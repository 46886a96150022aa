#!/usr/bin/env python3
"""Train the CRF name tagger on ANERcorp and derive the compact gazetteer it uses.

Usage (from the project root):
    .venv/bin/python scripts/train_ner.py [--data ../shared/data] [--c1 0.05] [--c2 0.01]

Writes questions/data/gazetteer.tsv (folded ANERGazet names, filtered against words the corpus
mostly uses as ordinary words) and then questions/data/ner.crfsuite. Only the train split is read;
the test split is for ``python -m questions ner-eval``. No corpus text is copied into the project.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pycrfsuite  # type: ignore[import-untyped]  # noqa: E402

from questions import ner  # noqa: E402
from questions.normalize import fold  # noqa: E402

GAZ_FILES = {"LOC": "Loc.txt", "PERS": "Pers.txt", "ORG": "Org.txt"}


def build_gazetteer(data: Path, train: list[tuple[list[str], list[str]]]) -> list[str]:
    """Fold ANERGazet names and drop single words the train split mostly tags O."""
    as_o: Counter[str] = Counter()
    as_ent: Counter[str] = Counter()
    for toks, tags in train:
        for t, g in zip(toks, tags):
            _, stem = ner.split_clitic(fold(t))
            (as_o if g == "O" else as_ent)[stem] += 1
    lines: set[str] = set()
    for cls, fname in GAZ_FILES.items():
        for raw in (data / "anergazet" / fname).read_text(encoding="utf-8").splitlines():
            name = " ".join(fold(raw).split())
            if not name or not ner._ARABIC_RE.search(name) or set(name) <= set("=*-. "):
                continue
            if " " not in name and len(name) < 3:
                continue
            if " " not in name and as_o[name] >= 3 and as_o[name] > 2 * as_ent[name]:
                continue
            lines.add(f"{cls}\t{name}")
    return sorted(lines)


def main() -> int:
    """Build the gazetteer, train the CRF and write both into questions/data/."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    ap.add_argument("--c1", type=float, default=0.05)
    ap.add_argument("--c2", type=float, default=0.01)
    ap.add_argument("--iterations", type=int, default=200)
    ap.add_argument("--out", default=str(ner.MODEL_PATH))
    args = ap.parse_args()
    data = Path(args.data)
    train = ner.read_conll(data / "anercorp" / "ANERCorp_CamelLab_train.reconstructed.txt")
    gaz = build_gazetteer(data, train)
    (ner.DATA / "gazetteer.tsv").write_text("\n".join(gaz) + "\n", encoding="utf-8")
    ner._LEX = None
    ner._local.cache_clear()
    print(f"gazetteer: {len(gaz)} names")
    t0 = time.time()
    trainer = pycrfsuite.Trainer(verbose=False)
    for toks, tags in train:
        trainer.append(ner.sentence_features(toks), tags)
    trainer.set_params({"c1": args.c1, "c2": args.c2, "max_iterations": args.iterations,
                        "feature.possible_transitions": True})
    print(f"features built in {time.time() - t0:.1f}s; training...")
    trainer.train(args.out)
    print(f"trained in {time.time() - t0:.1f}s -> {args.out} ({Path(args.out).stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
