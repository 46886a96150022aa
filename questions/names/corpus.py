"""Reading a tagged corpus ('token TAG' lines) and scoring the name pipeline on it (``ner-eval``)."""

from __future__ import annotations

from pathlib import Path

from questions.names.passes import tag_sentences
from questions.names.tagger import TYPES, spans_of

def read_conll(path: str | Path) -> list[tuple[list[str], list[str]]]:
    """Read a 'token TAG' file into sentences; blank lines split sentences."""
    sents: list[tuple[list[str], list[str]]] = []
    toks: list[str] = []
    tags: list[str] = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) < 2:
                if toks:
                    sents.append((toks, tags))
                    toks, tags = [], []
                continue
            toks.append(parts[0])
            tags.append(parts[-1])
    if toks:
        sents.append((toks, tags))
    return sents



def evaluate_conll(path: str | Path, *, doc_size: int = 30) -> str:
    """Tag a 'token TAG' file and return the per-type report ending in 'F1=0.xxx'.

    Sentences are read in runs of ``doc_size`` as one document, so a name found once is found again.
    """
    tp = {t: 0 for t in TYPES}
    fp = dict(tp)
    fn = dict(tp)
    data = read_conll(path)
    for c in range(0, len(data), doc_size):
        chunk = data[c:c + doc_size]
        for (_, gold), pred in zip(chunk, tag_sentences([t for t, _ in chunk])):
            gs = spans_of(gold)
            ps = spans_of(pred)
            for t in TYPES:
                gt = {x for x in gs if x[0] == t}
                pt = {x for x in ps if x[0] == t}
                tp[t] += len(gt & pt)
                fp[t] += len(pt - gt)
                fn[t] += len(gt - pt)

    def prf(a: int, b: int, c: int) -> tuple[float, float, float]:
        p = a / (a + b) if a + b else 0.0
        r = a / (a + c) if a + c else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    lines = [f"{'type':<6}{'P':>7}{'R':>7}{'F1':>7}{'gold':>7}"]
    for t in TYPES:
        p, r, f = prf(tp[t], fp[t], fn[t])
        lines.append(f"{t:<6}{p:7.3f}{r:7.3f}{f:7.3f}{tp[t] + fn[t]:7d}")
    p, r, f = prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    lines.append(f"micro P={p:.3f} R={r:.3f}")
    lines.append(f"F1={f:.3f}")
    return "\n".join(lines)
