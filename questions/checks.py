"""Quality checks run on every generated question (and on teacher edits).

``check(question)`` returns the reasons a question fails, empty when it passes. The generator drops
failing questions and counts them per reason in ``Bank.drops``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from questions.answers import number_values
from questions.model import FALSE_LABEL, TRUE_LABEL, Question
from questions.normalize import fold, tokens

BLANK = "_____"

ONE_ANSWER = "one_correct_answer"
LEAK = "answer_in_prompt"
DUPLICATE_OPTIONS = "options_not_distinct"
NOT_A_QUESTION = "not_a_question_or_blank"
UNBALANCED = "unbalanced_brackets"
DANGLING = "dangling_conjunction"

REASONS: tuple[str, ...] = (ONE_ANSWER, LEAK, DUPLICATE_OPTIONS, NOT_A_QUESTION, UNBALANCED, DANGLING)

_PAIRS = (("«", "»"), ("(", ")"), ("[", "]"))
# Conjunctions that cannot open a cloze: a lone و/ف/ثم/أو, or one glued to the first word (ودرس، فقال).
_DANGLING_WORDS = {"و", "ف", "ثم", "او", "أو", "لكن", "بل", "حيث", "كما"}
_BLANK_RE = re.compile(r"_{3,}")
_BRACKETS = re.compile(r"[«»()\[\]]")


_NUMERIC_OPTION = re.compile(r"[\d\s.,،٫٬ر%٪+\-]+")


def _norm_option(s: str) -> str:
    f = fold(s).strip()
    vals = number_values(s) if _NUMERIC_OPTION.fullmatch(f) else []
    if vals:
        return f"#{vals[0]:.9g}"
    return " ".join(tokens(s))


def _contains_tokens(hay: list[str], needle: list[str]) -> bool:
    n = len(needle)
    if n == 0 or n > len(hay):
        return False
    return any(hay[i:i + n] == needle for i in range(len(hay) - n + 1))


@lru_cache(maxsize=16384)
def _strip_clitic(tok: str) -> str:
    for p in ("وبال", "وال", "بال", "فال", "كال", "لل", "ال", "و", "ب", "ل", "ف", "ك"):
        if tok.startswith(p) and len(tok) - len(p) >= 2:
            return tok[len(p):]
    return tok


@lru_cache(maxsize=4096)
def _clitic_tokens(s: str) -> tuple[str, ...]:
    return tuple(_strip_clitic(t) for t in tokens(s))


def leaks(prompt: str, answer: str) -> bool:
    """True when ``answer`` (as words, or as a number) shows in ``prompt``."""
    ans = list(_clitic_tokens(answer))
    if not ans:
        return False
    hay = list(_clitic_tokens(prompt))
    if _contains_tokens(hay, ans):
        return True
    vals = number_values(answer)
    if vals and re.search(r"\d", fold(answer)):
        target = vals[0]
        for m in re.finditer(r"\d+(?:[.,،٫ر]\d+)*", fold(prompt)):
            got = number_values(m.group(0))
            if got and any(abs(g - target) < 1e-9 for g in got):
                return True
    return False


def balanced(s: str) -> bool:
    """True when «», () and [] open and close in order."""
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


# Words whose leading و is a root letter, not the conjunction (folded, diacritics removed).
_ROOT_WAW = ("وزير", "وزار", "وكال", "وكيل", "ولاي", "وفد", "وطن", "وحد", "وثي", "وضع", "وسط", "وقت", "وصل",
             "واشنطن", "ولد", "وافق", "وجه", "وجد", "وقع", "وقف", "وعد", "ورد", "وصف", "ولي", "والي", "واصل",
             "ودع", "وفا", "وفق", "ورق", "وسيل", "وظي", "وقود", "ولو", "وهران", "وحش", "واقع", "واجه", "وراء",
             "وادي", "واد", "وسام", "وسع", "وضح", "ورث", "وزن", "وهب", "وكر", "وعي")


# Short function words a conjunction is often glued to: «وفي», «وقد», «ولم», «فهو».
_SHORT_AFTER_CONJ = {"في", "قد", "من", "لم", "لن", "هو", "هي", "ان", "ما", "لا", "كل", "مع", "عن", "ثم", "كان"}


def glued_conjunction(word: str) -> str:
    """The conjunction (و or ف) glued to ``word``, or "" when its first letter is part of the word."""
    w = fold(word).strip("«(\"،,.»)")
    if w[:1] in ("و", "ف") and w[1:] in _SHORT_AFTER_CONJ:
        return w[0]
    if len(w) >= 4 and w[0] == "و" and not w.startswith(_ROOT_WAW):
        return "و"
    if len(w) >= 4 and w[0] == "ف" and w[1:].startswith(("ال", "قد", "ان", "اذا")):
        return "ف"
    return ""


def _dangling(prompt: str) -> bool:
    words = prompt.replace("«", " ").replace("(", " ").split()
    if not words:
        return False
    first = fold(words[0]).strip("،,")
    return first in _DANGLING_WORDS or bool(glued_conjunction(words[0]))


def _one_answer(q: Question) -> bool:
    if not q.answer.strip() and q.kind not in ("matching", "ordering"):
        return False
    if q.kind == "mcq":
        if q.choices.count(q.answer) != 1:
            return False
        key = _norm_option(q.answer)
        return sum(1 for c in q.choices if _norm_option(c) == key) == 1
    if q.kind == "true_false":
        return q.answer in (TRUE_LABEL, FALSE_LABEL) and set(q.choices) == {TRUE_LABEL, FALSE_LABEL}
    if q.kind == "matching":
        lefts = [" ".join(tokens(a)) for a, _ in q.pairs]
        return len(q.pairs) >= 2 and len(set(lefts)) == len(lefts) and all(b in q.choices for _, b in q.pairs)
    if q.kind == "ordering":
        keys = [" ".join(tokens(i)) for i in q.items]
        return len(q.items) >= 3 and len(set(keys)) == len(keys) and sorted(q.items) == sorted(q.choices)
    if q.kind == "numeric":
        return bool(number_values(q.answer))
    return True


def _options_distinct(q: Question) -> bool:
    if q.kind == "mcq" and len(q.choices) != 4:
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


def check(question: Question) -> list[str]:
    """Return the quality checks ``question`` fails (empty when it passes)."""
    q = question
    failed: list[str] = []
    if not _one_answer(q):
        failed.append(ONE_ANSWER)
    if q.kind in ("mcq", "cloze", "wh", "short", "numeric"):
        if any(leaks(q.prompt, a) for a in (q.answer, *q.accepted) if a):
            failed.append(LEAK)
    if not _options_distinct(q):
        failed.append(DUPLICATE_OPTIONS)
    if not _form(q):
        failed.append(NOT_A_QUESTION)
    if not balanced(q.prompt) or not all(balanced(c) for c in q.choices):
        failed.append(UNBALANCED)
    if q.kind == "cloze" and _dangling(q.prompt):
        failed.append(DANGLING)
    return failed
