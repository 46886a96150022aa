"""Grading parity: what Fahim accepts, the Moodle XML and GIFT exports accept, but for Moodle's limits.

Every typed question of the built-in bank and of the banks of the held-out articles
(``tests/heldout/set*``) is exported; students' variants of each of its accepted answers
(``student_variants``) are graded by Fahim (``questions.grading``) and by a port of Moodle's own
grading (``moodle_grader``) of the exported question, read from the XML as Moodle's importer reads
it, or from the GIFT file as gift-pegjs parses it. Every variant Fahim accepts must be accepted by
the export unless its kind is one Moodle cannot match (``LIMITS``, listed in the README too).

``PYTHONPATH=.:tests .venv/bin/python tests/test_export_parity.py`` prints the figures per bank.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

import pytest

from gift_pegjs import questions_by_name
from moodle_grader import Grade, Numerical, NumericalAnswer, ShortAnswer, read_xml_question
from questions.generate import generate
from questions.grading import is_correct
from questions.kinds import shape
from questions.model import Article, Bank, Question
from quiz.exports.common import split_blank
from quiz.exports.gift import gift
from quiz.exports.moodle import moodle_xml
from quiz.exports.typed import number_answer
from quiz.seed import BUILTIN_DATE, BUILTIN_TITLE, builtin_text
from student_variants import Variant, number_variants, text_variants

ROOT = Path(__file__).resolve().parent.parent
HELDOUT = sorted(p for p in (ROOT / "tests" / "heldout").glob("set*") if p.is_dir())

# Kinds of variant a format cannot accept, by where the answer is typed, with the README's words.
NUMBER_LIMITS = {
    "Arabic-Indic digits": "a number in Arabic-Indic digits (٤٠٫٢٧): Moodle reads only 0-9",
    "decimal comma": "a decimal comma (40,27): Moodle (English) reads «,» as a thousands separator",
    "thousands separators": "thousands separators (21,436): Moodle asks for the number without them",
    "number word": "a number word (خمسة): Moodle reads digits only",
}
UNIT_LIMITS = {
    "with %": "a unit typed in a number blank (40.27%): Moodle asks to remove it",
    "with ٪": "a unit typed in a number blank (40.27%): Moodle asks to remove it",
    "scale word": "a unit typed in a number blank (5 ملايين): Moodle asks to remove it",
}
LIMITS: dict[str, dict[str, dict[str, str]]] = {
    "moodle-xml": {
        "text": {"harakat added": "harakat typed in a short answer (هُندوراسٌ): Moodle compares letters as typed"},
        "number": NUMBER_LIMITS,
        "number blank": {**NUMBER_LIMITS, **UNIT_LIMITS},
    },
    "gift": {
        "text": {"harakat added": "harakat typed in a short answer (هُندوراسٌ): Moodle compares letters as typed"},
        "number": {**NUMBER_LIMITS, **{how: "a unit after a number (40.27%): GIFT has no units" for how in UNIT_LIMITS}},
        "number blank": {**NUMBER_LIMITS, **UNIT_LIMITS},
    },
}

Gradable = Callable[[str], Grade]


@dataclass
class Tally:
    """What one format made of one bank's variants."""

    fahim: int = 0
    accepted: int = 0
    limited: Counter[str] = field(default_factory=Counter)
    deferred: int = 0  # limited variants a deferred-feedback quiz (Moodle's default) still grades right
    failures: list[str] = field(default_factory=list)


def typed(q: Question) -> bool:
    return shape(q) in ("text", "numeric")


def variants_of(q: Question) -> Iterator[Variant]:
    number = number_answer(q)
    if number is not None:
        yield from number_variants(q.answer, number.value)
        return
    for written in dict.fromkeys((q.answer, *q.accepted)):
        if written.strip():
            yield from text_variants(written)


def context(q: Question) -> str:
    if number_answer(q) is None:
        return "text"
    return "number blank" if split_blank(q.prompt) is not None else "number"




def moodle_graders(banks: list[Bank]) -> dict[str, Gradable]:
    out: dict[str, Gradable] = {}
    for el in ET.fromstring(moodle_xml(banks)).findall("question"):
        name = el.findtext("name/text") or ""
        key = name[name.rindex("[") + 1:-1] if name.endswith("]") else ""
        read = read_xml_question(el)
        if isinstance(read, list):
            (blank,) = read
            if blank.question is not None:
                out[key] = blank.question.grade
        elif read is not None:
            out[key] = read.grade
    return out


def gift_graders(banks: list[Bank]) -> dict[str, Gradable]:
    """Each typed question of a GIFT file as Moodle's GIFT importer makes it (no units: UNITNONE)."""
    out: dict[str, Gradable] = {}
    for key, q in questions_by_name(gift(banks)).items():
        if q["type"] == "Short":
            out[key] = ShortAnswer(tuple((c["text"]["text"].strip(), (c["weight"] or 100) / 100)
                                         for c in q["choices"])).grade
        elif q["type"] == "Numerical":
            choices = q["choices"] if isinstance(q["choices"], list) else [{"text": q["choices"], "weight": None}]
            out[key] = Numerical(tuple(NumericalAnswer(float(c["text"]["number"]), (c["weight"] or 100) / 100,
                                                       float(c["text"].get("range") or 0))
                                       for c in choices)).grade
    return out


@lru_cache(maxsize=None)
def tally(name: str, fmt: str) -> Tally:
    """Grade every variant of every typed question of the banks called ``name`` through ``fmt``."""
    banks = banks_named(name)
    graders = moodle_graders(banks) if fmt == "moodle-xml" else gift_graders(banks)
    t = Tally()
    for bank in banks:
        for q in bank.questions:
            if not typed(q):
                continue
            where = context(q)
            for v in variants_of(q):
                if not is_correct(q, v.text):
                    continue
                t.fahim += 1
                grade = graders[q.key](v.text)
                if grade.accepted:
                    t.accepted += 1
                elif v.how in LIMITS[fmt][where]:
                    t.limited[v.how] += 1
                    t.deferred += grade.fraction >= 1 - 1e-7
                else:
                    t.failures.append(f"{q.key} ({where}, {v.how}): {v.text!r} for {q.answer!r}")
    return t


@lru_cache(maxsize=None)
def built_in() -> list[Bank]:
    """The built-in bank with every alternate a teacher can switch to: each may be exported."""
    bank = generate(builtin_text(), seed=0, article_date=BUILTIN_DATE, title=BUILTIN_TITLE)
    every = tuple(dict.fromkeys(q for top in bank.questions for q in (replace(top, alternates=()), *top.alternates)))
    return [replace(bank, questions=every)]


@lru_cache(maxsize=None)
def heldout(name: str) -> list[Bank]:
    return [generate(p.read_text(encoding="utf-8"), seed=0) for p in sorted((ROOT / "tests" / "heldout" / name).glob("*.txt"))]


BANKS = ["built-in", *(p.name for p in HELDOUT)]


def limit_examples() -> list[Bank]:
    """A hand-built bank with an answer of each kind Moodle cannot match, whatever the generator writes."""
    def q(key: str, kind: str, fact_type: str, prompt: str, answer: str, tolerance: float | None = None) -> Question:
        return Question(key=key, kind=kind, fact_type=fact_type, prompt=prompt, answer=answer, tolerance=tolerance)
    return [Bank(Article("limits", "حدود مودل", ""), (
        q("text", "wh", "place", "أين؟", "هندوراس"),
        q("decimal", "numeric", "percentage", "كم؟", "40.27%", 0.005),
        q("large", "numeric", "number", "كم؟", "5,000,000"),
        q("small", "numeric", "number", "كم؟", "5"),
        q("blank", "cloze", "percentage", "فاز بنسبة _____ من الأصوات.", "40.27%", 0.005),
        q("blank-large", "cloze", "number", "يستهدف _____ شخص.", "5,000,000"),
    ))]


def banks_named(name: str) -> list[Bank]:
    if name == "limits":
        return limit_examples()
    return built_in() if name == "built-in" else heldout(name)


@pytest.mark.parametrize("fmt", ["moodle-xml", "gift"])
@pytest.mark.parametrize("name", BANKS)
def test_every_variant_fahim_accepts_the_export_accepts_but_for_moodles_limits(name: str, fmt: str) -> None:
    t = tally(name, fmt)
    assert t.fahim > 0
    assert not t.failures, "\n".join(t.failures[:40])


@pytest.mark.parametrize("fmt", ["moodle-xml", "gift"])
def test_each_limit_is_one_moodle_really_has_and_the_readme_lists_it(fmt: str) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    t = tally("limits", fmt)
    assert not t.failures, t.failures
    for where, limits in LIMITS[fmt].items():
        for how, words in limits.items():
            assert words in readme, (fmt, where, how)
    # Every kind listed is one the export really refuses: no stale excuse.
    assert set(t.limited) == {how for limits in LIMITS[fmt].values() for how in limits}


def main() -> None:
    """Print the parity figures per bank and format, and the held-out sets' total."""
    for fmt in ("moodle-xml", "gift"):
        total = Tally()
        for name in BANKS:
            t = tally(name, fmt)
            _print(name, fmt, t)
            if name != "built-in":
                total.fahim += t.fahim
                total.accepted += t.accepted
                total.limited.update(t.limited)
                total.deferred += t.deferred
                total.failures += t.failures
        _print("set1-13", fmt, total)


def _print(name: str, fmt: str, t: Tally) -> None:
    limits = ", ".join(f"{how} {n}" for how, n in sorted(t.limited.items(), key=lambda kv: -kv[1]))
    print(f"{name:8} {fmt:10} Fahim accepts {t.fahim:5}, the export {t.accepted:5}; "
          f"Moodle limits {sum(t.limited.values()):4} ({limits or 'none'}; {t.deferred} of them graded right "
          f"in a deferred-feedback quiz); other misses {len(t.failures)}")


if __name__ == "__main__":
    main()
