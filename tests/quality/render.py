"""Generate the banks of a rating set and the sheet a blind reader rates.

Usage: python tests/quality/render.py SETDIR

SETDIR holds the articles (NN_genre.txt) and meta.json (title, date per file). Writes SETDIR/banks/NN.json
(the banks as generated) and SETDIR/sheet.md: each article with its questions as a teacher's review
page shows them (kind, stem, options with the right one marked, accepted answers), and nothing about
how they were made.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from questions.generate import generate  # noqa: E402
from questions.kinds import label, shape  # noqa: E402
from questions.model import Question  # noqa: E402


def _render(q: Question, n: int) -> list[str]:
    lines = [f"**{n}. [{label(q.kind)}]** {q.prompt}"]
    s = shape(q)
    if s in ("choice", "true_false"):
        for c in q.choices:
            lines.append(f"   - {'✔' if c == q.answer else '✘'} {c}")
    elif s == "ordering":
        lines.append("   الترتيب الصحيح:")
        lines += [f"   {i}. {item}" for i, item in enumerate(q.items, 1)]
    elif s == "matching":
        lines += [f"   - {a} ← {b}" for a, b in q.pairs]
    else:
        lines.append(f"   الإجابة: {q.answer}")
        if q.accepted:
            lines.append(f"   تقبل أيضًا: {'، '.join(q.accepted)}")
    return lines


def main(setdir: Path) -> None:
    meta = json.loads((setdir / "meta.json").read_text(encoding="utf-8"))
    (setdir / "banks").mkdir(exist_ok=True)
    sheet = [f"# {setdir.name}: questions to rate", ""]
    for path in sorted(setdir.glob("*.txt")):
        m = meta.get(path.name, {})
        text = path.read_text(encoding="utf-8")
        bank = generate(text, title=m.get("title", ""), article_date=m.get("date"))
        (setdir / "banks" / f"{path.stem}.json").write_text(
            json.dumps(bank.to_dict(), ensure_ascii=False, indent=1), encoding="utf-8")
        sheet += [f"## {path.stem}", "", f"### {m.get('title', '')}", "", text.strip(), "", "### الأسئلة", ""]
        for n, q in enumerate(bank.questions, 1):
            sheet += _render(q, n) + [""]
    (setdir / "sheet.md").write_text("\n".join(sheet), encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
