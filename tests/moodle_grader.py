"""How Moodle grades a typed response, ported from its PHP, and how it reads our questions.

Ported from Moodle's ``question/type/shortanswer/question.php`` (``compare_string_with_wildcard``:
NFC both sides, "*" as a wildcard unless escaped, the whole trimmed response must match, case
ignored), ``question/type/numerical/question.php`` and ``questiontype.php`` (the answer processor
``apply_units``, ``is_complete_response``, ``get_matching_answer`` with the unit multiplier,
``within_tolerance`` with PHP's precision, the unit penalty), and
``question/type/multianswer/questiontype.php`` (the embedded-answer grammar of cloze questions
and how each blank becomes a short-answer, numerical or multiple-choice subquestion). The site's
language is English: decimal point ".", thousands separator ",".

A response is *accepted* when Moodle raises no validation message for it and grades it 100%:
an interactive quiz asks the student to fix a response Moodle finds incomplete (a unit in a
number blank, a thousands separator) and grades nothing until they do.
"""

from __future__ import annotations

import html
import re
import unicodedata
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

PHP_PRECISION = 14  # php.ini's default "precision"

UNITINPUT, UNITRADIO, UNITSELECT, UNITNONE = 0, 1, 2, 3
UNITGRADEDOUTOFMARK, UNITGRADEDOUTOFMAX = 1, 2


def php_trim(s: str) -> str:
    """PHP's trim(): spaces, tabs, line breaks, NUL and vertical tab only."""
    return s.strip(" \t\n\r\0\x0b")


@dataclass(frozen=True)
class Grade:
    """Moodle's verdict on one response."""

    complete: bool  # no validation message
    fraction: float

    @property
    def accepted(self) -> bool:
        return self.complete and self.fraction >= 1 - 1e-7


# ---- short answer ------------------------------------------------------------------------------

def compare_string_with_wildcard(string: str, pattern: str, ignorecase: bool) -> bool:
    """qtype_shortanswer_question::compare_string_with_wildcard."""
    pattern = unicodedata.normalize("NFC", pattern)
    string = unicodedata.normalize("NFC", string)
    bits = re.split(r"(?<!\\)\*+", pattern)
    regexp = "^" + ".*".join(re.escape(bit.replace("\\*", "*")) for bit in bits) + "$"
    return re.search(regexp, php_trim(string), re.IGNORECASE if ignorecase else 0) is not None


@dataclass(frozen=True)
class ShortAnswer:
    """A qtype_shortanswer question: answers in order, first match wins."""

    answers: tuple[tuple[str, float], ...]  # (answer, fraction)
    usecase: bool = False

    def grade(self, response: str) -> Grade:
        response = php_trim(response)  # PARAM_RAW_TRIMMED
        if not (response or response == "0"):
            return Grade(False, 0.0)
        for answer, fraction in self.answers:
            if compare_string_with_wildcard(response, answer, not self.usecase):
                return Grade(True, fraction)
        return Grade(True, 0.0)


# ---- numerical ---------------------------------------------------------------------------------

_EXPONENT = re.compile(r"(?:e|E|(?:x|\*|×)10(?:\^|\*\*))([+-]?[0-9]+)")
# PHP's \d without the u modifier: ASCII digits only.
_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:e[-+]?[0-9]+)?")


@dataclass(frozen=True)
class AnswerProcessor:
    """qtype_numerical_answer_processor; the separators are the site language's (English here)."""

    units: dict[str, float] = field(default_factory=dict)  # unit -> multiplier as stored
    unitsbefore: bool = False
    decsep: str = "."
    thousandssep: str = ","

    def apply_units(self, response: str) -> tuple[float | None, str | None, float | None]:
        """Return (value, unit, multiplier) as Moodle reads a response, or Nones for no number."""
        response = response.replace(" ", "")
        response = _EXPONENT.sub(r"e\1", response)
        if "." in response or response.count(",") > 1:
            response = response.replace(",", "")
        else:  # PHP's str_replace with arrays: each replacement in turn over the whole string
            for old, new in ((self.thousandssep, ""), (self.decsep, "."), (",", ".")):
                response = response.replace(old, new)
        m = re.search(_NUMBER.pattern + "$", response) if self.unitsbefore else _NUMBER.match(response)
        if m is None:
            return None, None, None
        number = m.group(0)
        unit = response[: -len(number)] if self.unitsbefore else response[len(number):]
        multiplier = 1 / self.units[unit] if unit in self.units else None
        return float(number), unit, multiplier

    def contains_thousands_separator(self, value: str) -> bool:
        return self.thousandssep in (".", ",") and self.thousandssep in value


def saved_number(text: str) -> float:
    """A number as Moodle saves a numerical answer or tolerance (qtype_numerical::apply_unit)."""
    value = AnswerProcessor().apply_units(text)[0]
    return value if value is not None else 0.0


@dataclass(frozen=True)
class NumericalAnswer:
    """qtype_numerical_answer with the nominal tolerance."""

    answer: float
    fraction: float
    tolerance: float

    def within_tolerance(self, value: float) -> bool:
        epsilon = 10.0 ** -PHP_PRECISION
        tol = self.tolerance + epsilon * max(abs(self.tolerance), abs(self.answer), epsilon)
        return self.answer - tol <= value <= self.answer + tol


@dataclass(frozen=True)
class Numerical:
    """A qtype_numerical question (or a NUMERICAL blank of a cloze: no units, UNITNONE)."""

    answers: tuple[NumericalAnswer, ...]
    ap: AnswerProcessor = field(default_factory=AnswerProcessor)
    unitdisplay: int = UNITNONE
    unitgradingtype: int = 0
    unitpenalty: float = 0.1

    def grade(self, response: str) -> Grade:
        response = php_trim(response)
        if not (response or response == "0"):
            return Grade(False, 0.0)
        value, unit, multiplier = self.ap.apply_units(response)
        complete = (value is not None and not (self.unitdisplay != UNITINPUT and unit)
                    and not self.ap.contains_thousands_separator(response))
        if value is None:
            return Grade(False, 0.0)
        scaled = value * multiplier if multiplier is not None else value
        for a in self.answers:
            if a.within_tolerance(scaled):
                return Grade(complete, self._penalised(a.fraction, multiplier is not None))
            if a.within_tolerance(value):
                return Grade(complete, self._penalised(a.fraction, False))
        return Grade(complete, 0.0)

    def _penalised(self, fraction: float, unitisright: bool) -> float:
        if unitisright:
            return fraction
        if self.unitgradingtype == UNITGRADEDOUTOFMARK:
            fraction -= self.unitpenalty * fraction
        elif self.unitgradingtype == UNITGRADEDOUTOFMAX:
            fraction -= self.unitpenalty
        return max(fraction, 0.0)


# ---- embedded answers (cloze) ------------------------------------------------------------------

_FRACTION = r"=|%(-?[0-9]+(?:[.,][0-9]*)?)%"
_ALT_ANSWER = r".+?(?<!\\)(?<!&)(?<!&amp;)(?=[~#}]|$)"
_ALT_FEEDBACK = r".*?(?<!\\)(?=[~}]|$)"
_ALTERNATIVE = f"({_FRACTION})?({_ALT_ANSWER})(#({_ALT_FEEDBACK}))?"
_TYPES = (r"(NUMERICAL|NM)|(MULTICHOICE|MC)|(MULTICHOICE_V|MCV)|(MULTICHOICE_H|MCH)|"
          r"(SHORTANSWER|SA|MW)|(SHORTANSWER_C|SAC|MWC)|"
          r"(MULTICHOICE_S|MCS)|(MULTICHOICE_VS|MCVS)|(MULTICHOICE_HS|MCHS)|"
          r"(MULTIRESPONSE|MR)|(MULTIRESPONSE_H|MRH)|(MULTIRESPONSE_S|MRS)|(MULTIRESPONSE_HS|MRHS)")
_ANSWER = re.compile(r"\{([0-9]*):(" + _TYPES + r"):(" + _ALTERNATIVE + r"(~" + _ALTERNATIVE + r")*)\}", re.S)
_NUMBER_RE = r"-?(([0-9]+[.,]?[0-9]*|[.,][0-9]+)([eE][-+]?[0-9]+)?)"
_NUMERICAL_ALT = re.compile("^(" + _NUMBER_RE + ")(:" + _NUMBER_RE + ")?$", re.S)


@dataclass(frozen=True)
class Blank:
    """One embedded subquestion: its type and its alternatives (answer, fraction)."""

    qtype: str  # "numerical" | "shortanswer" | "multichoice"
    question: ShortAnswer | Numerical | None
    answers: tuple[tuple[str, float], ...]


def extract_blanks(text: str) -> tuple[str, list[Blank]]:
    """qtype_multianswer_extract_question: the text with {#n} markers, and each blank."""
    blanks: list[Blank] = []
    while (m := _ANSWER.search(text)) is not None:
        groups = m.groups()
        numerical, shortanswer, shortanswer_c = groups[2], groups[6], groups[7]
        remaining = m.group(16)
        alts: list[tuple[str, float]] = []
        tolerances: list[float] = []
        while (a := re.search("~?" + _ALTERNATIVE, remaining, re.S)) is not None:
            fraction = 1.0 if a.group(1) == "=" else (0.01 * float(a.group(2).replace(",", ".")) if a.group(2) else 0.0)
            raw = a.group(3)
            num = _NUMERICAL_ALT.match(raw) if numerical else None
            if num is not None:
                alts.append((num.group(1), fraction))
                tolerances.append(saved_number(num.group(6)) if num.group(6) is not None else 0.0)
            else:  # undo the HTML editor's quoting
                alts.append((html.unescape(raw).replace("\\}", "}").replace("\\#", "#"), fraction))
            remaining = remaining.split(a.group(0), 1)[1]
        if numerical:
            question: ShortAnswer | Numerical | None = Numerical(tuple(
                NumericalAnswer(saved_number(a), f, t) for (a, f), t in zip(alts, tolerances)))
            qtype = "numerical"
        elif shortanswer or shortanswer_c:
            question = ShortAnswer(tuple((php_trim(a), f) for a, f in alts), usecase=bool(shortanswer_c))
            qtype = "shortanswer"
        else:
            question, qtype = None, "multichoice"
        blanks.append(Blank(qtype, question, tuple(alts)))
        text = text.replace(m.group(0), "{#%d}" % len(blanks), 1)
    return text, blanks


# ---- reading a Moodle XML file the way its importer does -----------------------------------------

def _float(text: str | None, default: float = 0.0) -> float:
    return float(text) if text not in (None, "") else default


def read_xml_question(el: ET.Element) -> ShortAnswer | Numerical | list[Blank] | None:
    """The gradable part of one <question>: short answer, numerical, or a cloze's blanks."""
    qtype = el.get("type")
    if qtype == "shortanswer":
        answers = tuple((php_trim(a.findtext("text") or ""), _float(a.get("fraction")) / 100)
                        for a in el.findall("answer"))
        return ShortAnswer(answers, usecase=(el.findtext("usecase") or "0").strip() == "1")
    if qtype == "numerical":
        answers = tuple(NumericalAnswer(saved_number(php_trim(a.findtext("text") or "")),
                                        _float(a.get("fraction")) / 100, saved_number(a.findtext("tolerance") or "0"))
                        for a in el.findall("answer"))
        units: dict[str, float] = {}
        for u in el.findall("units/unit"):  # save_units keeps the first of a name
            units.setdefault(php_trim(u.findtext("unit_name") or ""), saved_number(u.findtext("multiplier") or "1"))
        showunits = el.findtext("showunits")
        display = int(showunits) if showunits not in (None, "") else (UNITINPUT if units else UNITNONE)
        return Numerical(answers, AnswerProcessor(units, (el.findtext("unitsleft") or "0").strip() == "1"),
                         unitdisplay=display, unitgradingtype=int(el.findtext("unitgradingtype") or 0),
                         unitpenalty=_float(el.findtext("unitpenalty"), 0.1))
    if qtype == "cloze":
        return extract_blanks(el.findtext("questiontext/text") or "")[1]
    return None
