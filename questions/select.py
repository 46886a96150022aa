"""Choosing a bank from the candidates: one question per fact, key facts first, no question giving
another away, a quarter or more of comprehension kinds where the article has them.

Every candidate stands for one fact (its first ``facts`` entry). Candidates about the same fact are
its realizations: the best one goes in the bank, the others ride along as its ``alternates`` for the
teacher to switch to. The bank's size follows the article: about one question per ``WORDS_PER_QUESTION``
words, at least ``MIN_QUESTIONS`` when the article has that many facts worth asking, at most
``MAX_QUESTIONS``.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace

from questions.kinds import comprehension_kinds, shape
from questions.kinds.base import Candidate
from questions.kinds.statement import PROMPT as WHICH_IS_TRUE
from questions.kinds.statement import shows_a_figure
from questions import lists
from questions.answers import clitic_tokens, number_values, shows_answer
from questions.completeness import leans_back
from questions.arithmetic import worked_out
from questions.leaks import offers_answer_of, reveals, title_reveals
from questions.leaks import secrets as secrets_of
from questions.leaks import shown as shown_texts
from questions.context import NAME_TYPES
from questions.model import FALSE_LABEL, TRUE_LABEL, Question
from questions.normalize import tokens
from questions.options import content_words

WORDS_PER_QUESTION = 45
MIN_QUESTIONS = 8
MAX_QUESTIONS = 30
COMPREHENSION_SHARE = 0.25
MAX_SHARE_OF_ONE_KIND = 0.6
MAX_TRUE_FALSE = 2
MAX_OF_ONE_COMPREHENSION_KIND = 2
MAX_ALTERNATES = 4
# Kinds a bank offers only as another form of a chosen question, for the teacher to switch to: blind readers
# kept 4 of 21 cause questions as they were (BA to DH), the options of a «لماذا» question being reasons the
# article gives no weight to, or its stem a clause cut before its object; and 3 of 29 who-did questions (A to
# DR), whose options were a coach among scorers, a word that is no one's name, or another nationality than
# the stem's («من الكيني الذي ...؟»).
ALTERNATE_ONLY = ("cause", "who_did")
MAX_SEVERAL_TRIED = 4  # banks tried with one question using up several facts asked first
MIN_SALIENCE = 0.2  # facts weighing less than this are asked only when the article's others weigh alike
FILL_FLOOR = 4  # ... or when the bank would otherwise hold fewer questions than this
LIGHT_COPIES_FLOOR = 2  # a lighter fact's sentence copied as true fills only a bank holding fewer than this
NAME_FILL = MIN_QUESTIONS  # a bank holding fewer questions than this takes name questions to fill up
RELATIVE_FLOOR = 0.6  # ... that is, when they score at least this share of the article's best question
EXPOSURE_COST = 0.06  # score lost per other fact whose every question shows a candidate's answer
REVEAL_COST = 0.08  # score lost per other fact whose answer a question shows
MIN_EXPOSED = 2  # a fact whose answer more of the other facts' questions show than this ...
EXPOSED_SHARE = 0.25  # ... and than this share of them is left out
ANAPHORA_COST = 0.15  # a stem leaning on what came before it in the article reads as a fragment
NAME_RECALL_COST = 0.12  # score lost by a question recalling a person's, place's or body's name
LONG_SENTENCE_WORDS = 25  # a sentence this long may carry two questions on different clauses
RESTATED_SHARE = 0.6  # a stem holding this share of a statement's content words says it again
TITLE_FIGURE_SHARE = 0.25  # ... or this share, with the statement's figure, when the stem is the headline


def bank_size(words: int) -> int:
    """How many questions an article of ``words`` words gets."""
    return max(MIN_QUESTIONS, min(MAX_QUESTIONS, round(words / WORDS_PER_QUESTION)))


def score(c: Candidate) -> float:
    """How much a candidate is worth: what it asks about, how well it reads, and understanding over recall.
    Recalling a name ranks below recalling a figure: the names a news story turns on are in its headline
    and lead, where every reader meets them, and the rest are its minor actors."""
    bonus = 0.1 if c.question.kind in comprehension_kinds() else 0.0
    leaning = ANAPHORA_COST if leans_back(c.question.prompt) else 0.0
    name = NAME_RECALL_COST if recalls_a_name(c) else 0.0
    return 0.55 * c.salience + 0.45 * c.quality + bonus - leaning - name


def restates(statements: Question, other: Question) -> bool:
    """True when ``other``'s stem says again what one of ``statements``' statements as the article writes
    them says (``as_written``): beside a which-statement question, it tells a student that statement is
    true (ruling it in or out)."""
    if statements.kind != "statement":
        return False
    if other.kind == "statement":
        # two which-statement questions on one sentence: one shows it as written, the other changed
        return any(len(words & content_words(theirs)) >= RESTATED_SHARE * len(words)
                   for option in statements.choices if (words := content_words(option))
                   for theirs in other.choices)
    stem = content_words(other.prompt)
    for option in as_written(statements):
        words = content_words(option)
        if words and len(words & stem) >= RESTATED_SHARE * len(words):
            return True
    return False


def as_written(statements: Question) -> tuple[str, ...]:
    """The statements of a which-statement question that say what the article says: its answer when it
    asks which one is true, the others when it asks which one is not."""
    if statements.prompt == WHICH_IS_TRUE:
        return (statements.answer,)
    return tuple(c for c in statements.choices if c != statements.answer)


def settles(other: Question, statements: Candidate) -> bool:
    """True when ``other`` and the false statements of ``statements`` (a which-is-true question) tell on
    each other: ``other`` shows a figure a statement changed as the article writes it, offers options on
    that fact (options leaving out the changed figure show that statement false, and options listing it lose
    that option to a student who has found the true statement), or is a true/false item making the same
    false statement or another about the same fact."""
    for fact, true, _ in statements.swapped:
        if any(shows_answer(t, true) for t in shown_texts(other)):
            return True
        if shape(other) == "choice" and (other.fact == fact or shows_answer(other.answer, true)):
            return True  # «ارتفاع بنسبة 6.1%» among options asks the changed figure too
        if other.fact == fact and other.kind == "true_false":
            # the same false statement twice on a page rules itself out; another false figure of the fact
            # brackets the true one with it («20 ألف» and «40 ألف» about «30 ألف»)
            return True
    return False


def tells_an_option_false(statement: Question, other: Question) -> bool:
    """True when ``statement`` is a true/false item made false by a figure that ``other``, a question with
    options on the same fact, offers as a wrong option: a student who judged the statement has ruled it out."""
    if statement.kind != "true_false" or statement.answer != FALSE_LABEL or shape(other) != "choice" or \
            not other.fact or other.fact != statement.fact:
        return False
    shown = _figures_in(statement.prompt)
    return any(number_values(c)[:1] and number_values(c)[0] in shown for c in other.choices if c != other.answer)


def complements(a: Question, b: Question) -> bool:
    """True for two percentage questions on one sentence whose answers make up the whole (58% and 42%)."""
    if a.fact_type != "percentage" or b.fact_type != "percentage" or a.source.text != b.source.text:
        return False
    va, vb = number_values(a.answer)[:1], number_values(b.answer)[:1]
    return bool(va and vb) and abs(va[0] + vb[0] - 100) < 0.5


def restates_title(title: str, q: Question) -> bool:
    """True for a true/false item whose statement the quiz title says again: the headline settles it."""
    if q.kind != "true_false" or ":" not in q.prompt:
        return False
    statement = q.prompt.split(":", 1)[1]
    words = content_words(statement)
    shared = len(words & content_words(title))
    if words and shared >= RESTATED_SHARE * len(words):
        return True
    # «أشرف الوالي على توزيع ٣٠٥٠ وحدة سكنية ...» under «توزيع 3050 وحدة سكنية بقسنطينة»: the figure and
    # the words around it are the headline's
    figures = _figures_in(statement) & _figures_in(title)
    return bool(words) and bool(figures) and shared >= TITLE_FIGURE_SHARE * len(words)


_FIGURE = re.compile(r"[\d٠-٩]+(?:[.,٫][\d٠-٩]+)?")


def _figures_in(text: str) -> set[float]:
    """The values of the figures written in ``text``."""
    return {v for m in _FIGURE.finditer(text) for v in number_values(m.group(0))[:1]}


def _keys(texts: Sequence[str]) -> list[str]:
    return [f" {' '.join(clitic_tokens(t))} " for t in texts]


def _exposure(groups: list[list[Candidate]]) -> tuple[dict[str, int], dict[str, int]]:
    """For each candidate, how many other facts cannot be asked without showing its answer (every one of
    their questions does: a fact the whole article keeps naming would give itself away or rule out those
    questions), and how many other facts' answers it shows (a question naming another fact's figure costs
    that fact its question)."""
    shown = {c.question.key: " ".join(_keys(shown_texts(c.question))) for g in groups for c in g}
    secrets = {c.question.key: [k for k in _keys(secrets_of(c.question)) if k.strip()] for g in groups for c in g}
    group_secrets = [sorted({k for c in g for k in secrets[c.question.key]}) for g in groups]
    exposure: dict[str, int] = {}
    reveals_count: dict[str, int] = {}
    for i, g in enumerate(groups):
        for c in g:
            own = secrets[c.question.key]
            exposure[c.question.key] = sum(
                1 for j, h in enumerate(groups)
                if j != i and own and all(any(k in shown[x.question.key] for k in own) for x in h))
            reveals_count[c.question.key] = sum(1 for j in range(len(groups)) if j != i and
                                                any(k in shown[c.question.key] for k in group_secrets[j]))
    return exposure, reveals_count


def _groups(candidates: Sequence[Candidate]) -> tuple[list[list[Candidate]], dict[str, int]]:
    """Candidates grouped by the fact they stand for, best realization first, best group first."""
    by_fact: dict[str, list[Candidate]] = defaultdict(list)
    for c in candidates:
        by_fact[c.facts[0]].append(c)
    groups = []
    for cs in by_fact.values():
        seen: set[str] = set()
        unique = []
        for c in sorted(cs, key=lambda c: (-score(c), c.question.key)):
            if c.question.key not in seen:
                seen.add(c.question.key)
                unique.append(c)
        groups.append(unique)
    exposure, reveals_count = _exposure(groups)

    def worth(c: Candidate) -> float:
        return score(c) - REVEAL_COST * reveals_count[c.question.key] - EXPOSURE_COST * exposure[c.question.key]

    for g in groups:
        g.sort(key=lambda c: (-worth(c), c.question.key))
    groups.sort(key=lambda g: (-worth(g[0]), g[0].question.key))
    return groups, exposure


def _fits(c: Candidate, chosen: list[Candidate], kinds: Counter[str], size: int, title: str,
          per_sentence: int = 1) -> bool:
    q = c.question
    if q.kind == "true_false" and kinds["true_false"] >= MAX_TRUE_FALSE:
        return False
    if kinds[q.kind] >= max(2, math.ceil(size * MAX_SHARE_OF_ONE_KIND)):
        return False
    if q.kind in comprehension_kinds() and kinds[q.kind] >= MAX_OF_ONE_COMPREHENSION_KIND:
        return False  # a quarter of the bank asking «ما منصب ...» three times is one idea, not three
    if q.kind == "statement" and any(k.question.prompt == q.prompt for k in chosen):
        return False  # «أيّ العبارات الآتية غير صحيحة» twice in one quiz reads as one question asked again
    if title_reveals(title, q) is not None or restates_title(title, q):
        return False
    same = [k for k in chosen if q.source.text and k.question.source.text == q.source.text]
    copies = [k for k in same if k.question.kind not in comprehension_kinds()]
    if q.kind not in comprehension_kinds() and \
            len(copies) >= max(per_sentence, 2 if len(q.source.text.split()) >= LONG_SENTENCE_WORDS else 1):
        return False  # more stems copied from one sentence read as one question asked twice
    words = content_words(q.prompt)
    if any(len(words & content_words(k.question.prompt)) > 0.5 * max(1, len(words)) for k in same):
        return False  # two questions on one clause of a long sentence
    if any(restates(k.question, q) or restates(q, k.question) for k in chosen):
        return False
    if any(settles(k.question, c) or settles(q, k) for k in chosen):
        return False  # a question on a fact a false statement changed, whose page shows which is false
    if any(offers_answer_of(k.question, q) or offers_answer_of(q, k.question) for k in chosen):
        return False  # one question's answer among the other's wrong options rules it out
    if any(tells_an_option_false(q, k.question) or tells_an_option_false(k.question, q) for k in chosen):
        return False  # «هل ... 7.1%؟ خطأ» beside options on the same figure listing 7.1%
    if any(complements(q, k.question) for k in chosen):
        return False  # «الأجانب 58%» beside «المصريون 42%»: each is the whole less the other
    if worked_out(q, [q.prompt]) or any(worked_out(q, [q.prompt, *shown_texts(k.question)]) or
                                        worked_out(k.question, [k.question.prompt, *shown_texts(q)]) for k in chosen):
        return False  # a figure a student works out from the figures on the page tests no reading
    return not any(reveals(k.question, q) or reveals(q, k.question) for k in chosen)


def select(candidates: Sequence[Candidate], size: int, title: str = "") -> list[Question]:
    """The bank's questions, most salient first, each with its alternates. A question standing on several
    facts or showing several sentences (a which-statement question) uses them all up: when that leaves the
    bank thin, the bank without such questions is taken if it holds more."""
    groups, exposure = _groups(candidates)
    # A fact the whole article keeps naming (its protagonist) cannot be asked without ruling out most
    # other questions, whose stems name it: leave it to the teacher.
    too_exposed = max(MIN_EXPOSED, EXPOSED_SHARE * len(groups))
    every = groups
    groups = [kept for g in groups if (kept := [c for c in g if exposure[c.question.key] <= too_exposed])]
    bank = _choose(groups, size, title)
    # A question using up several facts (a which-statement question) may leave the bank short: the bank
    # with just one of them, asked first, is taken when it holds more questions, or as many with more
    # comprehension kinds.
    several = [c for g in groups for c in g if _uses_up_several(c)]
    fewer = [kept for g in groups if (kept := [c for c in g if not _uses_up_several(c)])]
    comprehension = comprehension_kinds()

    def measure(b: list[Question]) -> tuple[int, int]:
        return len(b), sum(q.kind in comprehension for q in b)

    for alone in ([[c], *fewer] for c in several[:MAX_SEVERAL_TRIED]):
        other = _choose(alone, size, title)
        if measure(other) > measure(bank):
            bank = other
    if len(bank) < min(size, FILL_FLOOR):
        # a thin bank takes, in turn, the bank without such questions and the bank that may ask what the
        # other questions show (a short story whose few figures share sentences)
        for alone in (fewer, every):
            fuller = _choose(alone, size, title)
            if len(fuller) > len(bank):
                bank = fuller
    return bank


def recalls_a_name(c: Candidate) -> bool:
    """True for a question whose answer is a person's, place's or body's name to recall or pick. Blind
    readers kept such questions about a quarter of the time (a minor actor, a guessable ministry, part of
    a name), figures about twice as often, so a bank asks them only when it has room."""
    return c.question.fact_type in NAME_TYPES and c.question.kind in ("mcq", "cloze", "wh")


def recalls_a_place_or_body(c: Candidate) -> bool:
    """True for a question whose answer is a place's or a body's name to recall or pick. Blind readers kept
    one in nine: the place or body the story is about, a venue, a speaker's employer, one city of a list. A
    bank asks about places and bodies through statements and true/false items instead, which say what
    they did, and recalls one only when it would otherwise hold fewer than two questions."""
    return recalls_a_name(c) and c.question.fact_type != "person"


def copies_a_true_sentence(c: Candidate) -> bool:
    """True for a true/false item keyed «صح»: a sentence of the article copied. On a fact the story gives
    little weight (background, a scene, another match of the round) blind readers rejected one in three, as
    something a student knows to be true without reading, so a bank does not fill up with them."""
    return c.question.kind == "true_false" and c.question.answer == TRUE_LABEL


def says_true_without_a_figure(c: Candidate, title: str = "") -> bool:
    """True for a true/false item keyed «صح» whose statement writes no figure and shares no word with the
    headline: a sentence of the article copied as true about a side of the story. Blind readers kept 62% of
    them and rejected 29% (204 items, BA to DR), against 84% and 11% with a figure in them and 72% and 19%
    on what the headline is about: a routine act, a scene, background a student knows is true without
    reading. A bank takes one only when it would otherwise hold fewer than two questions."""
    statement = c.question.prompt.split(":", 1)[-1]
    return copies_a_true_sentence(c) and not shows_a_figure(statement) and \
        not content_words(statement) & content_words(title)


def types_a_persons_name(c: Candidate) -> bool:
    """True for a question whose answer is a person's name to write from memory (a gap or a wh-question).
    Blind readers kept one in three, even in a bank holding few questions: a routine speaker, an
    interviewee of a feature, part of a name («سيد» of «سيد علي زروقي»), a minister named at a ceremony.
    A person's part in the news is asked with options or as a statement; the gap stays as an alternate,
    and is asked, like a place's or a body's name, only by a bank that would otherwise hold fewer than two
    questions."""
    return c.question.fact_type == "person" and c.question.kind in ("cloze", "wh")


_DAY_FACT = re.compile(r"^date:(?:\d{4})?-?-\d\d-\d\d$")  # «date:2026-05-30», «date:--05-30»
DAY_KINDS = frozenset(("mcq", "cloze", "wh", "numeric", "true_false"))  # a false day is as trivial as a day to recall


def recalls_a_day(c: Candidate) -> bool:
    """True for a question whose answer is a day of the month to recall or pick («30 أيار/مايو», «7 فبراير
    الماضي»). Blind readers kept 48% of 161 and rejected 40%: the day a series opened, a case was reserved
    for judgment, an earlier convoy left, a deadline for confirming places. The year or month of what
    happened, and what happened on a day, are asked instead; a day is recalled, or changed in a true/false
    item, only by a bank that would otherwise hold fewer than ``FILL_FLOOR`` questions (a derby's date in a
    short round-up)."""
    return c.question.fact_type == "date" and c.question.kind in DAY_KINDS and bool(_DAY_FACT.match(c.question.fact))


def _uses_up_several(c: Candidate) -> bool:
    """True for a question that stands on more than a change's two values, or shows several sentences
    (a which-statement question rules out every question that says one of its statements again)."""
    return c.question.kind == "statement" or len(set(c.facts[1:]) - {c.facts[0]}) > 2


def _choose(groups: list[list[Candidate]], size: int, title: str) -> list[Question]:
    comprehension = comprehension_kinds()
    chosen: list[Candidate] = []
    chosen_group: list[list[Candidate]] = []
    kinds: Counter[str] = Counter()
    used: set[str] = set()

    def take(group: list[Candidate], only_comprehension: bool, per_sentence: int = 1, fill: bool = False,
             light: bool = False, last_resort: bool = False, days: bool = False) -> None:
        for c in group:
            if c.question.kind in ALTERNATE_ONLY or light and copies_a_true_sentence(c) or \
                    says_true_without_a_figure(c, title) and len(chosen) >= LIGHT_COPIES_FLOOR:
                continue
            if only_comprehension and c.question.kind not in comprehension:
                continue
            if not fill and (recalls_a_name(c) or leans_back(c.question.prompt)) or \
                    (recalls_a_place_or_body(c) or types_a_persons_name(c)) and not last_resort or \
                    recalls_a_day(c) and not (last_resort or days):
                continue
            # Every fact a question stands on or shows is its own: a which-statement question's
            # swapped facts or a change's two values, asked again elsewhere, would settle one another.
            asks = {*c.facts, c.question.fact} - {""}
            if not asks & used and _fits(c, chosen, kinds, size, title, per_sentence):
                chosen.append(c)
                chosen_group.append(group)
                kinds[c.question.kind] += 1
                used.update(asks)
                return

    top = max((score(g[0]) for g in groups), default=0.0)
    lighter = [g for g in groups if not (g[0].salience >= MIN_SALIENCE or score(g[0]) >= RELATIVE_FLOOR * top)]
    groups = [g for g in groups if g[0].salience >= MIN_SALIENCE or score(g[0]) >= RELATIVE_FLOOR * top]
    quota = math.ceil(size * COMPREHENSION_SHARE)
    for g in groups:
        if sum(kinds[k] for k in comprehension) >= quota or len(chosen) >= size:
            break
        take(g, only_comprehension=True)
    # Names are recalled, and stems leaning on what came before them («هذه النسبة») asked, only to fill a
    # bank the rest leaves short; a short article gets two questions on different clauses of one sentence.
    for fill, room in ((False, size), (True, min(size, NAME_FILL))):
        for per_sentence in (1, 2):
            for g in groups:
                if len(chosen) >= room:
                    break
                if g[0].facts[0] not in used:
                    take(g, only_comprehension=False, per_sentence=per_sentence, fill=fill)
    for g in groups:  # a day of the month fills a bank holding fewer than FILL_FLOOR questions
        if len(chosen) >= min(size, FILL_FLOOR):
            break
        if g[0].facts[0] not in used:
            take(g, only_comprehension=False, fill=True, days=True)
    for g in lighter:  # a bank left too short by its key facts' leaks takes lighter facts before none
        if len(chosen) >= min(size, FILL_FLOOR):
            break
        if g[0].facts[0] not in used:
            take(g, only_comprehension=False, fill=True, light=len(chosen) >= LIGHT_COPIES_FLOOR)
    for g in groups:  # ... and, before holding fewer than two questions, a name to write or pick
        if len(chosen) >= min(size, LIGHT_COPIES_FLOOR):
            break
        if g[0].facts[0] not in used:
            take(g, only_comprehension=False, fill=True, last_resort=True)
    out = []
    for c, group in zip(chosen, chosen_group):
        alternates = tuple(replace(a.question, salience=c.salience) for a in group
                           if a.question.key != c.question.key)[:MAX_ALTERNATES]
        out.append(replace(c.question, salience=round(c.salience, 3), alternates=alternates))
    order = {q.key: i for i, q in enumerate(out)}
    return sorted(out, key=lambda q: (-q.salience, order[q.key]))
