"""Quality checks run on every generated question (and on teacher edits).

``check(question)`` returns the reasons a question fails, empty when it passes. The generator drops
failing questions and counts them per reason in ``Bank.drops``.
"""

from __future__ import annotations

import re

from questions.answers import number_values, shows_answer
from questions.arabic import glued_conjunction
from questions.completeness import (asks_inside_a_frame, drops_a_conjunct, ends_unfinished, half_a_pair, opens_as_fragment,
                                    opens_in_the_accusative, owner_missing)
from questions.kinds import shape
from questions.model import BLANK, FALSE_LABEL, TRUE_LABEL, Question
from questions.normalize import fold, tokens

ONE_ANSWER = "one_correct_answer"
LEAK = "answer_in_prompt"
OPTION_IN_STEM = "option_in_prompt"
DUPLICATE_OPTIONS = "options_not_distinct"
NOT_A_QUESTION = "not_a_question_or_blank"
UNBALANCED = "unbalanced_brackets"
DANGLING = "dangling_conjunction"
FRAGMENT = "fragment"

REASONS: tuple[str, ...] = (ONE_ANSWER, LEAK, OPTION_IN_STEM, DUPLICATE_OPTIONS, NOT_A_QUESTION, UNBALANCED, DANGLING,
                             FRAGMENT)

_PAIRS = (("«", "»"), ("(", ")"), ("[", "]"))
# Conjunctions and relative pronouns that cannot open a cloze: a lone و/ف/ثم/أو, one glued to the first
# word (ودرس، فقال), «التي بلغت ...» cut from the noun it describes.
_DANGLING_WORDS = {"و", "ف", "ثم", "او", "أو", "لكن", "بل", "حيث", "كما", "الذي", "التي", "الذين"}
_BLANK_RE = re.compile(r"_{3,}")
_BRACKETS = re.compile(r"[«»()\[\]]")


_NUMERIC_OPTION = re.compile(r"[\d\s.,،٫٬ر%٪+\-]+")


def _norm_option(s: str) -> str:
    f = fold(s).strip()
    vals = number_values(s) if _NUMERIC_OPTION.fullmatch(f) else []
    if vals:
        return f"#{vals[0]:.9g}"
    return " ".join(tokens(s))


def balanced(s: str) -> bool:
    """True when «», () and [] open and close in order, and straight quotation marks come in pairs."""
    if s.count('"') % 2:
        return False
    stack: list[str] = []
    closers = {c: o for o, c in _PAIRS}
    openers = {o for o, _ in _PAIRS}
    for ch in _BRACKETS.findall(s):
        if ch in openers:
            stack.append(ch)
        elif ch in closers:
            if not stack or stack[-1] != closers[ch]:
                return False
            stack.pop()
    return not stack


def _dangling(prompt: str) -> bool:
    words = prompt.replace("«", " ").replace("(", " ").split()
    if not words:
        return False
    first = fold(words[0]).strip("،,")
    return first in _DANGLING_WORDS or bool(glued_conjunction(words[0]))


def _one_answer(q: Question) -> bool:
    sh = shape(q)
    if not q.answer.strip() and sh not in ("matching", "ordering"):
        return False
    if sh == "choice":
        if q.choices.count(q.answer) != 1:
            return False
        key = _norm_option(q.answer)
        return sum(1 for c in q.choices if _norm_option(c) == key) == 1
    if sh == "true_false":
        return q.answer in (TRUE_LABEL, FALSE_LABEL) and set(q.choices) == {TRUE_LABEL, FALSE_LABEL}
    if sh == "matching":
        lefts = [" ".join(tokens(a)) for a, _ in q.pairs]
        return len(q.pairs) >= 2 and len(set(lefts)) == len(lefts) and all(b in q.choices for _, b in q.pairs)
    if sh == "ordering":
        keys = [" ".join(tokens(i)) for i in q.items]
        return len(q.items) >= 3 and len(set(keys)) == len(keys) and sorted(q.items) == sorted(q.choices)
    if sh == "numeric":
        return bool(number_values(q.answer))
    return True


def _options_distinct(q: Question) -> bool:
    if q.kind == "mcq" and len(q.choices) != 4:
        return False
    if shape(q) == "choice" and len(q.choices) < 3:
        return False
    keys = [_norm_option(c) for c in q.choices]
    return len(set(keys)) == len(keys) and all(keys)


def _form(q: Question) -> bool:
    blanks = len(_BLANK_RE.findall(q.prompt))
    if q.kind == "cloze":
        return blanks == 1
    if blanks == 1:
        return True
    return blanks == 0 and q.prompt.rstrip().endswith("؟")


def _option_in_stem(q: Question) -> bool:
    """A wrong option printed in the stem is ruled out at a glance («عام 2025» offered for a blank
    whose sentence says 2025)."""
    return shape(q) == "choice" and any(shows_answer(q.prompt, c) for c in q.choices if c != q.answer)


def _statement(q: Question) -> str | None:
    """What a stem with a blank or a true/false item states, without the question's frame."""
    if BLANK in q.prompt:
        return q.prompt
    if shape(q) == "true_false" and ":" in q.prompt:
        return q.prompt.split(":", 1)[1].strip()
    return None


# «كم بلغت النسبة؟»: a question on a bare generic noun, of which the article gives several
_VAGUE = re.compile(r"^\s*(?:كم|ما)\s+(?:(?:بلغت|بلغ|كانت|كان|هي|هو)\s+)?(?:النسبة|النسبه|العدد|القيمة|القيمه|المبلغ|الرقم|"
                    r"الحصة|الحصه|المعدل)\s*[؟?]\s*$")


MAX_LISTED = 6  # a count this small may be counted off a list the stem gives
_LISTED = re.compile(r"(?:^|\s)(?:في|هي|منها|وهي|:)\s+([^،,.:؛]+)")


def counts_its_list(q: Question) -> bool:
    """True for a count whose stem lists what it counts after the blank («إنشاء _____ محطات في زحلة وبر
    الياس والمرج»): the student counts the names."""
    if BLANK not in q.prompt:
        return False
    values = number_values(q.answer)
    if not values or values[0] != int(values[0]) or not 2 <= values[0] <= MAX_LISTED:
        return False
    for m in _LISTED.finditer(q.prompt.split(BLANK, 1)[1]):
        items = [x for x in re.split(r"\s+و(?=\S)", " " + m.group(1).strip()) if x.strip()]
        if len(items) == int(values[0]):
            return True
    return False


def vague(prompt: str) -> bool:
    """True for a question that names nothing but a generic noun («كم بلغت النسبة؟»)."""
    return _VAGUE.match(prompt) is not None


def check(question: Question) -> list[str]:
    """Return the quality checks ``question`` fails (empty when it passes)."""
    q = question
    failed: list[str] = []
    if not _one_answer(q):
        failed.append(ONE_ANSWER)
    if shape(q) in ("choice", "text", "numeric") and \
            (any(shows_answer(q.prompt, a) for a in (q.answer, *q.accepted) if a) or counts_its_list(q)):
        failed.append(LEAK)
    if _option_in_stem(q):
        failed.append(OPTION_IN_STEM)
    if not _options_distinct(q):
        failed.append(DUPLICATE_OPTIONS)
    if not _form(q) or vague(q.prompt):
        failed.append(NOT_A_QUESTION)
    if not balanced(q.prompt) or not all(balanced(c) for c in q.choices):
        failed.append(UNBALANCED)
    if BLANK in q.prompt and _dangling(q.prompt):
        failed.append(DANGLING)
    said = _statement(q)
    if said is not None and (opens_as_fragment(said) or ends_unfinished(said)) or \
            said is None and shape(q) in ("choice", "text", "numeric") and \
            (owner_missing(q.prompt) or opens_in_the_accusative(q.prompt) or BLANK in q.prompt and ends_unfinished(q.prompt)) or \
            q.kind == "statement" and any(opens_as_fragment(c) or ends_unfinished(c) for c in q.choices) or \
            half_a_pair(q.prompt, q.source.text) or drops_a_conjunct(q.prompt, q.source.text) or \
            asks_inside_a_frame(q.prompt):
        # ... or a question on a noun owned by someone it does not name («سجل لاعبوه»), a statement to
        # judge that stops short («تضم المرحلة الأولى خمسة أرصفة بطول إجمالي»), or one naming one month
        # of «شهري يوليو وأغسطس»
        failed.append(FRAGMENT)
    return failed
