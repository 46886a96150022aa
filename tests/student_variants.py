"""Answers as students type them: plausible variants of every accepted answer of a question.

Each variant names how it differs from what is written (``how``), so a test can count by kind of
difference and say which kinds one export cannot accept. The kinds are the ways Arabic answers are
typed on a phone or a keyboard: an alef without its hamza or madda, ه for ة, ي for ى and ى for a final
ي, و for ؤ, the harakat left out or added, every letter plain at once, Arabic-Indic digits, a leading
ال left off or added, a و or ب before the answer; and for numbers, the number alone or with its %
sign, another decimal mark, thousands separators, a scale word (مليون) or a number word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

INDIC = str.maketrans("0123456789.", "٠١٢٣٤٥٦٧٨٩٫")
END = r"(?=$|[\s،,.؛:»)])"
NUMBER_WORDS = {1: "واحد", 2: "اثنان", 3: "ثلاثة", 4: "أربعة", 5: "خمسة", 6: "ستة", 7: "سبعة", 8: "ثمانية",
                9: "تسعة", 10: "عشرة"}


@dataclass(frozen=True)
class Variant:
    """A response a student may type, and how it differs from a written answer."""

    text: str
    how: str


def _letters(s: str) -> dict[str, str]:
    return {
        "bare alef": re.sub("[أإآٱ]", "ا", s),
        "ه for ة": re.sub("ة" + END, "ه", s),
        "ي for ى": s.replace("ى", "ي"),
        "ى for final ي": re.sub("ي" + END, "ى", s),
        "و for ؤ": s.replace("ؤ", "و"),
        "no harakat": re.sub("[\u064b-\u0652\u0640]", "", s),
    }


def _plain(s: str) -> str:
    """Every letter the plain way at once (ى for a final ي apart: the two undo each other)."""
    for how in ("bare alef", "ه for ة", "ي for ى", "و for ؤ", "no harakat"):
        s = _letters(s)[how]
    return s


def _first(s: str, change: str) -> str:
    words = s.split(" ")
    return " ".join([change.replace("{}", words[0]), *words[1:]])


def _prefixes(s: str) -> dict[str, str]:
    words = s.split(" ")
    if not re.match("[\u0621-\u064a]", s):
        return {}  # a proclitic goes before an Arabic word, not a number
    out = {"و before": _first(s, "و{}"), "ب before": _first(s, "ب{}")}
    if words[0].startswith("ال"):
        out["ال left off"] = " ".join([words[0][2:], *words[1:]])
    else:
        out["ال added"] = _first(s, "ال{}")
    if sum(w.startswith("ال") for w in words) > 1:
        out["ال left off every word"] = " ".join(w[2:] if w.startswith("ال") else w for w in words)
    return out


def text_variants(surface: str) -> list[Variant]:
    """Variants of an answer compared as text."""
    out = [Variant(surface, "as written")]
    out += [Variant(v, how) for how, v in _letters(surface).items() if v != surface]
    plain = _plain(surface)
    if plain != surface:
        out.append(Variant(plain, "plain letters"))
    if re.search("[0-9]", surface):
        out.append(Variant(surface.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")), "Arabic-Indic digits"))
    plain_prefixed = _prefixes(plain)
    for how, v in _prefixes(surface).items():
        out.append(Variant(v, how))
        if plain != surface and how in plain_prefixed:
            out.append(Variant(plain_prefixed[how], how + ", plain letters"))
    # Harakat a careful typist adds: a damma on the first Arabic letter, tanween on the last.
    letters = [m.end() for m in re.finditer("[\u0621-\u064a]", surface)]
    if letters:
        first, last = letters[0], letters[-1]
        out.append(Variant(surface[:first] + "\u064f" + surface[first:last] + "\u064c" + surface[last:],
                           "harakat added"))
    return out


def _decimal(value: float) -> str:
    return str(int(value)) if value == int(value) else repr(value)


def _written_form(answer: str) -> str:
    """How a number as written in the article differs from plain ASCII digits, if it does."""
    if re.search("[٠-٩۰-۹]", answer):
        return "Arabic-Indic digits"
    if re.search(r"[0-9][,٬][0-9]{3}(?![0-9])", answer):
        return "thousands separators"
    if re.search(r"[0-9],[0-9]", answer):
        return "decimal comma"
    if "%" in answer:
        return "with %"
    if "٪" in answer:
        return "with ٪"
    if re.search("[\u0621-\u064a]", answer):
        return "scale word"
    return "as written"


def number_variants(answer: str, value: float) -> list[Variant]:
    """Variants of a number Fahim compares by value (``value``, read from ``answer``)."""
    plain = _decimal(value)
    out = [Variant(answer, _written_form(answer)), Variant(plain, "number alone")]
    if "%" in answer or "٪" in answer:
        out += [Variant(plain + "%", "with %"), Variant(plain + " %", "with %"), Variant(plain + "٪", "with ٪")]
    out.append(Variant(plain + (".0" if value == int(value) else "0"), "trailing zero"))
    out.append(Variant(plain.translate(INDIC), "Arabic-Indic digits"))
    if value != int(value):
        out.append(Variant(plain.replace(".", ","), "decimal comma"))
    elif value >= 1000:
        out.append(Variant(f"{int(value):,}", "thousands separators"))
    for scale, word in ((1e9, "مليار"), (1e6, "مليون"), (1e3, "ألف")):
        if value >= scale and (value / scale) * 1000 == int((value / scale) * 1000):
            out.append(Variant(f"{_decimal(value / scale)} {word}", "scale word"))
            break
    if value == int(value) and int(value) in NUMBER_WORDS:
        out.append(Variant(NUMBER_WORDS[int(value)], "number word"))
    return out
