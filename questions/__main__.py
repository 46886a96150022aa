"""Command line: ``python -m questions facts|generate|ner-eval FILE``.

Bad input (missing file, not UTF-8, empty, no Arabic letters) gets a one-line message on stderr
and exit code 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from questions.normalize import has_arabic


class InputError(Exception):
    """An input file that cannot be used; its message is one line for the user."""


def read_article(path: str) -> str:
    """Read an article file as UTF-8 text, or raise InputError with a one-line reason."""
    p = Path(path)
    if not p.is_file():
        raise InputError(f"{path}: no such file")
    raw = p.read_bytes()
    if b"\x00" in raw:
        raise InputError(f"{path}: binary file, expected UTF-8 text")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text") from None
    if not text.strip():
        raise InputError(f"{path}: empty file")
    if not has_arabic(text):
        raise InputError(f"{path}: no Arabic text found")
    return text


def _cmd_facts(args: argparse.Namespace) -> int:
    from questions.facts import extract_facts

    text = read_article(args.file)
    facts = extract_facts(text, article_date=args.date)
    if args.json:
        json.dump([f.to_dict() for f in facts], sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        for f in facts:
            extra = " ".join(f"{k}={v}" for k, v in (("entity", f.entity), ("role", f.role),
                                                      ("title", f.title), ("unit", f.unit)) if v)
            print(f"{f.type:<13}{f.start:>6}-{f.end:<6} s{f.sentence:<3} {f.text}  →  {f.value}  {extra}")
    return 0


def _cmd_generate(args: argparse.Namespace) -> int:
    from questions.generate import generate, report

    text = read_article(args.file)
    bank = generate(text, seed=args.seed, article_date=args.date, title=args.title or Path(args.file).stem)
    if args.report:
        print(report(bank))
    if args.json or not args.report:
        json.dump(bank.to_dict(), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    return 0


def _cmd_ner_eval(args: argparse.Namespace) -> int:
    from questions.names.corpus import evaluate_conll

    if not Path(args.file).is_file():
        raise InputError(f"{args.file}: no such file")
    print(evaluate_conll(args.file))
    return 0


def main(argv: list[str] | None = None) -> int:
    """Parse arguments and run one subcommand."""
    ap = argparse.ArgumentParser(prog="python -m questions", description="Fahim's fact extractor and question generator")
    sub = ap.add_subparsers(dest="cmd", required=True)
    f = sub.add_parser("facts", help="list the facts in an article")
    f.add_argument("file")
    f.add_argument("--json", action="store_true", help="print JSON")
    f.add_argument("--date", help="article date (YYYY-MM-DD), resolves relative dates")
    f.set_defaults(run=_cmd_facts)
    g = sub.add_parser("generate", help="generate a question bank")
    g.add_argument("file")
    g.add_argument("--json", action="store_true", help="print the bank as JSON")
    g.add_argument("--report", action="store_true", help="print facts, questions per kind and drops")
    g.add_argument("--seed", type=int, default=0)
    g.add_argument("--date", help="article date (YYYY-MM-DD)")
    g.add_argument("--title", help="article title (default: the file name)")
    g.set_defaults(run=_cmd_generate)
    n = sub.add_parser("ner-eval", help="score the NER tagger on a 'token TAG' file")
    n.add_argument("file")
    n.set_defaults(run=_cmd_ner_eval)
    args = ap.parse_args(argv)
    if getattr(args, "date", None):
        from datetime import date

        try:
            date.fromisoformat(args.date)
        except ValueError:
            print(f"--date: not a date in YYYY-MM-DD form: {args.date}", file=sys.stderr)
            return 2
    try:
        code: int = args.run(args)
        return code
    except InputError as e:
        print(str(e), file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
