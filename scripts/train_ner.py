#!/usr/bin/env python3
"""Train the CRF name tagger on ANERcorp and derive the compact word lists it uses.

The shipped models were made (from the project root) with:
    .venv/bin/python scripts/train_ner.py --bilou          # first pass  -> questions/data/models/ner.crfsuite
    .venv/bin/python scripts/train_ner.py --stage2         # second pass -> questions/data/models/ner2.crfsuite
The second pass is trained on BIO labels, without --bilou (with it, dev F1 dropped from 0.724 to 0.707).
--possible-states trains about four times slower for a small dev gain (0.733 -> 0.736 with extra
organization cues) that did not carry over to the test split, so the shipped models do without it.
To pick settings without the test split, train on part of the train split with --train-file (the word
lists are then rebuilt from that part too, so do it in a copy of the project) and score the rest with
``python -m questions ner-eval``.
Each run also rewrites questions/data/generated/gazetteer.tsv (folded ANERGazet names, filtered against words
the corpus mostly uses as ordinary words), common.txt / ordinary.txt (frequent ordinary words),
names.tsv (stems mostly used inside names) and models/ner_attributes.txt (the attributes the models weigh).
Hand-curated lists (questions/data/lists/) are never written here: fix a name there, not in generated/.
Only the train split is read (default ../shared/data); the test split is for
``python -m questions ner-eval``. No corpus text is copied into the project: word lists and weights only.
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

from questions.lists import GENERATED  # noqa: E402
from questions.names import features, lexicon, tagger  # noqa: E402
from questions.names.corpus import read_conll  # noqa: E402
from questions.names.words import split_clitic  # noqa: E402
from questions.normalize import fold  # noqa: E402

GAZ_FILES = {"LOC": "Loc.txt", "PERS": "Pers.txt", "ORG": "Org.txt"}


def stem_counts(train: list[tuple[list[str], list[str]]]) -> tuple[Counter[str], Counter[str]]:
    """How often each clitic-stripped stem is tagged O, and how often inside a name."""
    as_o: Counter[str] = Counter()
    as_ent: Counter[str] = Counter()
    for toks, tags in train:
        for t, g in zip(toks, tags):
            _, stem = split_clitic(fold(t))
            (as_o if g == "O" else as_ent)[stem] += 1
    return as_o, as_ent


def build_gazetteer(data: Path, train: list[tuple[list[str], list[str]]]) -> list[str]:
    """Fold ANERGazet names and drop single words the train split mostly tags O."""
    as_o, as_ent = stem_counts(train)
    lines: set[str] = set()
    for cls, fname in GAZ_FILES.items():
        for raw in (data / "anergazet" / fname).read_text(encoding="utf-8").splitlines():
            name = " ".join(fold(raw).split())
            if not name or not features.ARABIC_RE.search(name) or set(name) <= set("=*-. "):
                continue
            if " " not in name and len(name) < 3:
                continue
            if " " not in name and as_o[name] >= 3 and as_o[name] > 2 * as_ent[name]:
                continue
            lines.add(f"{cls}\t{name}")
    return sorted(lines)


def build_lists(train: list[tuple[list[str], list[str]]]) -> tuple[dict[str, str], list[str]]:
    """Stems mostly used in names (with their class) and frequent ordinary words, from tagged sentences."""
    as_o: Counter[str] = Counter()
    as_ent: Counter[str] = Counter()
    by_cls: dict[str, Counter[str]] = {}
    for toks, tags in train:
        for t, g in zip(toks, tags):
            _, stem = split_clitic(fold(t))
            if g == "O":
                as_o[stem] += 1
            else:
                as_ent[stem] += 1
                by_cls.setdefault(stem, Counter())[g[2:]] += 1
    names: dict[str, str] = {}
    for stem, c in by_cls.items():
        if not features.ARABIC_RE.search(stem) and not stem.isalpha():
            continue
        total = as_ent[stem] + as_o[stem]
        cls = c.most_common(1)[0][0]
        names[stem] = cls if as_ent[stem] * 2 >= total else "MIX"
    common = sorted(w for w, c in as_o.items()
                    if c >= 4 and as_ent[w] * 10 <= c and features.ARABIC_RE.search(w) and len(w) >= 2)
    return names, common


def build_ordinary(train: list[tuple[list[str], list[str]]]) -> list[str]:
    """A wider ordinary-word list for the rules: stems seen at least twice and never inside a name."""
    as_o, as_ent = stem_counts(train)
    return sorted(w for w, c in as_o.items() if c >= 2 and not as_ent[w] and features.ARABIC_RE.search(w) and len(w) >= 2)


def main() -> int:
    """Build the gazetteer, train the CRF and write both into questions/data/."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    ap.add_argument("--c1", type=float, default=0.05)
    ap.add_argument("--c2", type=float, default=0.01)
    ap.add_argument("--iterations", type=int, default=200)
    ap.add_argument("--out", default=str(tagger.MODEL_PATH))
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--bilou", action="store_true", help="train on BILOU labels (tagging still reports BIO)")
    ap.add_argument("--algorithm", default="lbfgs", help="lbfgs (default), ap, pa, arow, l2sgd")
    ap.add_argument("--possible-states", action="store_true",
                    help="also weigh attribute/label pairs never seen together in training")
    ap.add_argument("--min-freq", type=float, default=0, help="drop features seen fewer times")
    ap.add_argument("--stage2", action="store_true", help="train the second pass (ner2.crfsuite)")
    ap.add_argument("--jobs", type=int, default=2, help="processes for the out-of-fold first passes")
    ap.add_argument("--limit", type=int, default=0, help="train on the first N sentences only (smoke test)")
    ap.add_argument("--train-file", default="",
                    help="a 'token TAG' file to train on instead of the train split (e.g. a dev split of it)")
    ap.add_argument("--attributes-only", action="store_true",
                    help="only rewrite the attribute list of the shipped models")
    ap.add_argument("--lists-only", action="store_true", help="only rebuild the word lists")
    args = ap.parse_args()
    if args.attributes_only:
        print(f"attribute list: {tagger.write_attributes()} attributes")
        return 0
    data = Path(args.data)
    train = read_conll(args.train_file or data / "anercorp" / "ANERCorp_CamelLab_train.reconstructed.txt")
    if args.limit:
        train = train[:args.limit]  # a quick run to check the script, not a model to ship
    gaz = build_gazetteer(data, train)
    (GENERATED / "gazetteer.tsv").write_text("\n".join(gaz) + "\n", encoding="utf-8")
    names, common = build_lists(train)
    (GENERATED / "common.txt").write_text("\n".join(common) + "\n", encoding="utf-8")
    (GENERATED / "names.tsv").write_text("".join(f"{k}\t{v}\n" for k, v in sorted(names.items())),
                                        encoding="utf-8")
    ordinary = build_ordinary(train)
    (GENERATED / "ordinary.txt").write_text("\n".join(ordinary) + "\n", encoding="utf-8")
    print(f"common words: {len(common)}, ordinary words: {len(ordinary)}, name stems: {len(names)}")
    lexicon.reload_lexicon()
    features.clear_word_caches()
    print(f"gazetteer: {len(gaz)} names")
    if args.lists_only:
        return 0
    t0 = time.time()
    # Word-list features are computed per fold from the other folds, so the CRF sees unseen names as
    # they will look at run time rather than trusting a list that always knows the answer.
    folds = args.folds
    size = (len(train) + folds - 1) // folds
    feats: list[tuple[list[list[str]], list[str], dict[str, tuple[str, ...]], int]] = []
    for f in range(folds):
        part = train[f * size:(f + 1) * size]
        rest = train[:f * size] + train[(f + 1) * size:]
        n_, c_ = build_lists(rest)
        features.set_word_lists(n_, frozenset(c_))
        for d in range(0, len(part), features.DOC_SIZE):
            docs = part[d:d + features.DOC_SIZE]
            dfeat = features.document_features([t for t, _ in docs])
            for toks, tags in docs:
                feats.append((features.sentence_features(toks, dfeat), tags, dfeat, f))
    features.set_word_lists(names, frozenset(common))
    params: dict[str, object] = {"max_iterations": args.iterations, "feature.possible_transitions": True}
    if args.algorithm == "lbfgs":
        params.update({"c1": args.c1, "c2": args.c2})
    if args.min_freq:
        params["feature.minfreq"] = args.min_freq
    if args.possible_states:
        params["feature.possible_states"] = True
    print(f"features built in {time.time() - t0:.1f}s; training...")
    if args.stage2:
        return train_stage2(args, train, feats, params, folds, t0)
    trainer = pycrfsuite.Trainer(algorithm=args.algorithm, verbose=False)
    for x, y, _, _ in feats:
        trainer.append(x, tagger.to_bilou(y) if args.bilou else y)
    trainer.set_params(params)
    trainer.train(args.out)
    print(f"trained in {time.time() - t0:.1f}s -> {args.out} ({Path(args.out).stat().st_size // 1024} KB)")
    if args.out == str(tagger.MODEL_PATH):
        print(f"attribute list: {tagger.write_attributes()} attributes")
    return 0


_FEATS: list[tuple[list[list[str]], list[str], dict[str, tuple[str, ...]], int]] = []
_PARAMS: dict[str, object] = {}
_BILOU = False


def _fold_predictions(f: int) -> list[list[str]]:
    """Train a first-pass model without fold f and tag fold f (runs in a worker process)."""
    trainer = pycrfsuite.Trainer(verbose=False)
    for x, y, _, g in _FEATS:
        if g != f:
            trainer.append(x, tagger.to_bilou(y) if _BILOU else y)
    trainer.set_params(_PARAMS)
    path = f"/tmp/fahim_ner_fold{f}.crfsuite"
    trainer.train(path)
    tagger = pycrfsuite.Tagger()
    tagger.open(path)
    bio = {"L-": "I-", "U-": "B-"}
    return [[bio.get(t[:2], t[:2]) + t[2:] if len(t) > 2 else t for t in tagger.tag(x)]
            for x, _, _, g in _FEATS if g == f]


def train_stage2(args: argparse.Namespace, train: list[tuple[list[str], list[str]]],
                 feats: list[tuple[list[list[str]], list[str], dict[str, tuple[str, ...]], int]],
                 params: dict[str, object], folds: int, t0: float) -> int:
    """Train the second pass on first-pass labels predicted out of fold (the first pass is not retrained)."""
    import multiprocessing

    global _FEATS, _PARAMS, _BILOU
    _FEATS, _PARAMS, _BILOU = feats, params, args.bilou
    with multiprocessing.get_context("fork").Pool(args.jobs) as pool:
        preds = pool.map(_fold_predictions, range(folds))
    print(f"out-of-fold first pass done in {time.time() - t0:.1f}s")
    tags1: list[list[str]] = [t for p in preds for t in p]
    toks_all = [toks for toks, _ in train]
    trainer = pycrfsuite.Trainer(verbose=False)
    start = 0
    size = (len(train) + folds - 1) // folds
    for f in range(folds):
        end = min(len(train), (f + 1) * size)
        for d in range(start, end, features.DOC_SIZE):
            e = min(d + features.DOC_SIZE, end)
            doc2 = features.stage2_doc_features(toks_all[d:e], tags1[d:e])
            for k in range(d, e):
                x, y, dfeat, _ = feats[k]
                n = len(x)
                t1 = tags1[k]
                row = [list(fx) for fx in x]
                for i, fx in enumerate(row):
                    fx.append("s1=" + t1[i])
                    fx.append("s1-1=" + (t1[i - 1] if i else "BOS"))
                    fx.append("s1+1=" + (t1[i + 1] if i + 1 < n else "EOS"))
                    stem = features.stem_of(toks_all[k][i])
                    if stem:
                        fx.extend(doc2.get(stem, ()))
                trainer.append(row, tagger.to_bilou(y) if args.bilou else y)
        start = end
    trainer.set_params(params)
    out = args.out if args.out != str(tagger.MODEL_PATH) else str(tagger.STAGE2_PATH)
    trainer.train(out)
    print(f"second pass trained in {time.time() - t0:.1f}s -> {out} ({Path(out).stat().st_size // 1024} KB)")
    if out == str(tagger.STAGE2_PATH):
        print(f"attribute list: {tagger.write_attributes()} attributes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
