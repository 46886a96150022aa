"""Changes the article reports in numbers: «ارتفع معدل التضخم من 11.8% إلى 12.5%», «تراجعت الصادرات
بنسبة 7%», «انخفاض أسعار المواد الغذائية بنسبة 2.5%».

``find_change`` reads, around a number or percentage fact, the word of change (a verb or its verbal
noun), what changed (the noun phrase after it), and the values: from, to, or by how much. The change
and comparison kinds build their questions from it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from questions import lists
from questions.arabic import glued_conjunction
from questions.context import Context, fact_id
from questions.model import Fact
from questions.normalize import fold, strip_diacritics, tokens
from questions.realize import Word, is_verb, words_of
from questions.realize.words import drop_conj

MAX_SUBJECT_WORDS = 6
VALUE_REACH = 12  # how many words past a value its change's other values may stand
CHANGE_REACH = 18  # how many words before a value its word of change may stand
GOAL_REACH = 4  # a word of purpose this close before the word of change makes it a target («تسعى إلى رفع»)
GOAL_CLAUSE_REACH = 10  # ... or anywhere this close in its clause when «إلى» leads to the change
EARLIER_REACH = 8  # words after a figure compared with that may say it is the earlier one («في الربع الأول من عام 2025»)
LONG_SUBJECT_WORDS = 10  # what changed, with the complement a word of it needs («الشحنات المتجهة إلى ماليزيا»)


@dataclass(frozen=True)
class Change:
    """One reported change: its verbal noun, the opposite, what changed and the values."""

    noun: str  # «ارتفاع»
    opposite: str  # «انخفاض»
    subject: str  # «معدل التضخم السنوي»
    before: Fact | None  # «من 11.8%»
    after: Fact | None  # «إلى 12.5%»
    by: Fact | None  # «بنسبة 7%»
    goal: bool = False  # a target the article states («يهدف إلى رفع ...»), not a change that happened


@lru_cache(maxsize=1)
def _changes() -> dict[str, tuple[str, str]]:
    out = {}
    for word, rest in lists.pairs("generation/changes"):
        noun, _, opposite = rest.partition("|")
        out[fold(word)] = (noun.strip(), opposite.strip())
    return out


def _change_word(w: Word) -> tuple[str, str] | None:
    bare = w.bare[1:] if glued_conjunction(w.text) else w.bare
    table = _changes()
    forms = (bare, bare[:-1] if bare.endswith("ت") else "", bare[:-1] if bare.endswith("ا") else "",
             bare[1:] if bare[:1] in "يت" and len(bare) >= 4 else "")
    for form in forms:
        if form and form in table:
            return table[form]
    return None


def _object_follows(words: list[Word], i: int) -> bool:
    """True when the noun after the change word at ``i`` is what is changed: after a relative pronoun
    («التي رفعت الأسعار») or for a verbal noun («إلى خفض العجز», «لرفع الإنتاج»), not after a verb,
    whose next noun is who did it."""
    before = words[i - 1].bare if i > 0 else ""
    return before in ("الذي", "التي", "الي") or words[i].bare.startswith("ل")


def _value_at(ctx: Context, si: int, start: int, end: int) -> Fact | None:
    sent = ctx.sentences[si]
    for fi in ctx.in_sent.get(si, ()):
        f = ctx.facts[fi]
        if f.type in ("number", "percentage") and start <= f.start - sent.start < end:
            return f
    return None


SERIES_GAP_WORDS = 6  # words between the last value of a change and a next one that carries the series on


def series_goes_on(ctx: Context, ch: Change) -> bool:
    """True when a figure of the same kind follows the change's last value, joined by «ثم» or «و»: «من 9
    حالات في كانون الثاني إلى 27 حالة في شباط، ثم إلى 41 حالة في آذار», «10.8% في مارس، مقابل 12.3% في
    فبراير و13.9% في يناير». «By how much» or «how» it changed then has several answers."""
    values = [v for v in (ch.before, ch.after) if v is not None]
    if not values:
        return False
    last = max(values, key=lambda v: v.end)
    for g in sorted(ctx.facts, key=lambda g: g.start):
        if g.start < last.end or g.type != last.type:
            continue
        between = ctx.text[last.end:g.start]
        if any(mark in between for mark in ".؟!؛\n") or len(between.split()) > SERIES_GAP_WORDS:
            return False
        words = fold(between).replace("،", " ").split()
        return "ثم" in words or any(w.startswith("و") and len(w) <= 2 for w in words[-1:]) or \
            between.rstrip().endswith("و")
    return False


def find_change(ctx: Context, fi: int) -> Change | None:
    """The change fact ``fi`` takes part in, or None when its clause reports no change in numbers."""
    f = ctx.facts[fi]
    if f.type not in ("number", "percentage") or fi not in ctx.sent_of:
        return None
    si = ctx.sent_of[fi]
    words = words_of(ctx.sentences[si].text)
    ch = _worded(ctx, si, words, f) or _versus(ctx, si, words, f)
    return None if ch is None or leans_on_before(ch.subject) else ch


def leans_on_before(subject: str) -> bool:
    """True when what changed carries a pronoun for something named before («رحلاتها»، «صادراته»):
    a question on it would not say whose."""
    return any(not w.startswith("ال") and ((w.endswith("ه") and len(w) >= 4 and not w.endswith("الله")) or
                                           w.endswith(("ها", "هم", "هما")))
               for w in strip_diacritics(subject).split())  # «المياه»: a definite noun carries no pronoun


def _worded(ctx: Context, si: int, words: list[Word], f: Fact) -> Change | None:
    """A change told by a word of change: «ارتفع معدل التضخم من 11.8% إلى 12.5%»."""
    sent = ctx.sentences[si]
    at = next((i for i, w in enumerate(words) if w.end > f.start - sent.start), -1)
    if at < 0:
        return None
    trailing = _trailing_change(ctx, si, words, at, f)
    if trailing is not None:
        return trailing
    spots: list[int] = []
    for i in range(at - 1, max(-1, at - CHANGE_REACH), -1):
        if _change_word(words[i]) is not None:
            spots.append(i)
            continue
        if words[i].text.endswith(("،", ".", "؛")) or (is_verb(words[i]) and i < at - 1):
            break  # another clause or another verb stands between the change and the value
    # «ارتفعت نسبة الإصابة بالسكري أو ارتفاع سكر الدم من ... إلى ...»: the verb, not the noun inside
    # what changed, says what changed.
    verbs = [i for i in spots if is_verb(words[i]) or words[i].bare.endswith("ت")]
    for i in (verbs[-1:] or spots[:1]):
        found = _change_word(words[i])
        if found is None:
            continue
        if found[0] in lists.entries("generation/transitive_changes") and not _object_follows(words, i):
            return None  # «رفع الهلال رصيده»: the noun after a transitive verb is who did it, not what changed
        subject, j = _what_changed(words, i + 1, at)
        if subject is None:
            return None  # what changed is too long or a list to name in a question
        if not subject and (is_verb(words[i]) or words[i].bare.endswith("ت")):
            # «أن عدد الحضور ارتفع من 36 ألفا إلى 41 ألفا»: what changed comes before the verb.
            subject = _subject_before(words, i) or []
        elif not subject and words[i].bare.endswith("ا"):
            # «سجّل معدل التضخم تراجعاً إلى 3.4%»: the verbal noun follows what changed.
            if i > 0 and words[i - 1].bare in lists.folded("generation/elatives"):
                return None  # «قائمة القطاعات الأسرع نمواً»: which grew fastest, not a change
            k = i - 1
            while k >= 0 and not is_verb(words[k]) and len(subject) < MAX_SUBJECT_WORDS:
                subject.insert(0, words[k])
                k -= 1
            if k < 0 or words[k].text.endswith("،"):
                return None
        if not subject or not any(w.bare.startswith("ال") for w in subject[:3]):
            return None  # «ارتفع بنسبة ...» with no written subject, or a subject that is not a noun phrase
        if subject[0].bare in lists.folded("generation/demonstratives"):
            return None  # «ارتفع هذا الموسم بنسبة 18%»: «هذا» points at what the article named before
        # «الرامية إلى رفع مساهمة ...»: a target, not a change that happened.
        goal = _aimed_at(words, i) or any(w.bare in _BY_A_TIME for w in words[at:at + VALUE_REACH])
        before = after = by = None
        for k in range(j, min(len(words), at + VALUE_REACH)):
            b = words[k].bare
            if b in _OTHER_EVENT:
                break  # «انخفاض الوفيات 18% بعد توسيع البرنامج إلى 42 مستشفى»: the rest is another event
            reach = k + 2 if k + 1 < len(words) and (words[k + 1].bare in _ABOUT or words[k + 1].bare in ("ب", "بـ")) \
                else k + 1
            value = _value_at(ctx, si, words[k].start, words[reach].end if reach < len(words) else len(sent.text))
            if value is None:
                continue
            if b == "من" and k > 0 and _compares(words[k - 1]):
                continue  # «إلى 33.5 درجة لأكثر من ثلاثة أسابيع»: a bound, not the value it changed from
            if (b == "من" or b in ("مقارنه", "مقابل") and after is not None) and before is None:
                before = value  # «إلى 138 حالة، مقارنة بـ412 حالة»: the earlier value
            elif b in ("الي", "ليصل", "لتصل", "ليبلغ", "لتبلغ") and after is None:
                after = value
            elif b in ("بنسبه", "بنحو", "بمقدار", "بواقع", "بحوالي") and by is None and \
                    (k == 0 or words[k - 1].bare not in ("مقارنه", "مقابل")):
                by = value  # not «مقارنة بنحو 30%»: the figure compared with
        if f not in (before, after, by):
            return None
        subject_text = _unquoted(" ".join(w.text for w in subject).strip("،,"))
        return Change(found[0], found[1], subject_text, before, after, by, goal)
    return None


def _compares(w: Word) -> bool:
    """True for an elative that «من» completes («أكثر من»، «لأقل من»), glued preposition or not."""
    elatives = lists.folded("generation/elatives")
    return w.bare in elatives or w.bare[:1] in ("ل", "ب") and w.bare[1:] in elatives


_SHARE_OF_IT = frozenset(("نسبتها", "نسبته", "قدرها", "قدره"))  # «بزيادة نسبتها 14.6 في المئة»


def _trailing_change(ctx: Context, si: int, words: list[Word], at: int, f: Fact) -> Change | None:
    """The change a figure's share ``f`` (at word ``at``) gives right after another figure, by a verbal noun
    glued to «ب»: «بلغت ودائع القطاع الخاص 17,3 مليار دينار بارتفاع 4,8%», «بلغ 9.4 ملايين دينار بزيادة
    نسبتها 14.6 في المئة». What reached that figure is what changed, by ``f``."""
    if f.type != "percentage":
        return None
    i = at - 1
    if i > 0 and words[i].bare in _SHARE_OF_IT:
        i -= 1
    bare = words[i].bare if i > 0 else ""
    found = _changes().get(bare[1:]) if bare.startswith("ب") and not bare.startswith("بال") else None
    if found is None or words[i - 1].text.endswith(("،", ",")):
        return None
    sent = ctx.sentences[si]
    last = words[i - 1]
    value = next((g for g in (ctx.facts[k] for k in ctx.in_sent.get(si, ())) if g.type == "number" and
                  last.start <= g.end - sent.start <= last.end), None)
    if value is None:
        return None
    start = next((k for k, w in enumerate(words) if w.end > value.start - sent.start), None)
    subject = _reached(words, start) if start is not None else None
    if subject is not None:
        # «، ثم الصناعات الغذائية التي سجلت ...»: the noun phrase alone, without the list's «ثم» or its relative
        while subject and subject[0].bare in ("ثم", "و"):
            subject = subject[1:]
        subject = subject[:next((n for n, w in enumerate(subject)
                                 if w.bare in lists.folded("generation/relative_pronouns")), len(subject))]
    if not subject or subject[0].bare in lists.folded("generation/demonstratives") or \
            not any(w.bare.startswith("ال") for w in subject):
        return None
    return Change(found[0], found[1], _unquoted(" ".join(w.text for w in subject).strip("،,")), None, None, f)


def _what_changed(words: list[Word], start: int, at: int) -> tuple[list[Word] | None, int]:
    """The noun phrase after the word of change, and where it stops: before the values' own prepositions
    («من 300 طن»، «إلى قرابة 1200»), a figure, a comma or a clause opener. A phrase that stops on a word
    needing what follows («الشحنات المتجهة إلى ماليزيا»، «حالات الدخول إلى العناية المركزة») keeps its
    complement, up to ``LONG_SUBJECT_WORDS`` words; None for a list or a phrase too long to ask about."""
    stops = lists.folded("generation/change_stops")
    short: list[Word] | None = None
    subject: list[Word] = []
    j = start
    while j < at:
        w = words[j]
        if any(ch.isdigit() for ch in w.bare) or w.text.endswith(("،", "(")):
            break
        if w.bare in stops:
            if short is None:
                short = list(subject)
            if w.bare not in _COMPLEMENT_PREPOSITIONS or _value_follows(words, j) or len(subject) >= LONG_SUBJECT_WORDS:
                break
        subject.append(w)
        j += 1
    if short is not None and len(subject) > len(short):
        if len(subject) > LONG_SUBJECT_WORDS or j >= at or any(ch.isdigit() for ch in words[j].bare) and \
                not _value_follows(words, j - 1):
            subject, j = short, start + len(short)
    if len(subject) > LONG_SUBJECT_WORDS or (len(subject) > MAX_SUBJECT_WORDS and short is None) or \
            any(w.bare in ("او", "و") for w in subject):
        return None, j
    if subject and j < at and any(ch.isdigit() for ch in words[j].bare) and not subject[-1].bare.startswith("ال"):
        return None, j  # «سعر العبوة سعة 16 كيلوغراما»: the figure belongs to what changed
    particles = lists.folded("generation/clause_particles")
    if subject and (subject[0].bare in particles or subject[0].bare[:1] in "فو" and subject[0].bare[1:] in particles):
        return None, j  # «أما أسرع القطاعات نمواً فكان النقل والتخزين»: a clause, not what changed
    if subject and subject[0].bare in lists.folded("generation/generic_heads") and \
            (len(subject) == 1 or subject[1].bare in _COMPLEMENT_PREPOSITIONS):
        return None, j  # «ارتفعت النسبة في العلوم»: which rate, the sentence before said
    return subject, j


def _value_follows(words: list[Word], j: int) -> bool:
    """True when a figure follows the word at ``j`` within two words («من 300»، «إلى قرابة 1200»), or past
    «ما يصل إلى» («إلى ما يصل إلى 10%»)."""
    ahead = [w.bare for w in words[j + 1:j + 4]]
    if ahead == ["ما", "يصل", "الي"]:
        return _value_follows(words, j + 3)
    for w in words[j + 1:j + 3]:
        if any(ch.isdigit() for ch in w.bare):
            return True
        if w.bare not in _ABOUT and w.bare not in ("ب", "بـ"):
            return False
    return False


def _aimed_at(words: list[Word], i: int) -> bool:
    """True when a word of purpose stands before the word of change at ``i`` in its clause («تهدف
    استراتيجية الأمن المائي 2036 إلى خفض ...», «الرامية إلى رفع ...»): a target, not a change."""
    goals = lists.folded("generation/goal_words")
    for k in range(i - 1, max(-1, i - GOAL_CLAUSE_REACH), -1):
        w = words[k]
        if w.text.endswith(("،", ".", "؛")) and k < i - 1:
            return False
        if k >= i - GOAL_REACH or words[i - 1].bare in ("الي", "لي"):
            if w.bare in goals or w.bare[1:] in goals:
                return True
    return False


def _unquoted(text: str) -> str:
    """``text`` without a quotation mark it opens or closes but does not match («"عدد الوحدات»)."""
    if text[:1] == '"' and text.count('"') % 2:
        text = text[1:]
    if text[-1:] == '"' and text.count('"') % 2:
        text = text[:-1]
    if text[:1] == "«" and text.count("«") > text.count("»"):
        text = text[1:]
    if text[-1:] == "»" and text.count("»") > text.count("«"):
        text = text[:-1]
    return text.strip()


def _subject_before(words: list[Word], i: int) -> list[Word] | None:
    """The noun phrase between «أن» (or a comma, or the sentence's start) and the verb of change at
    ``i``, without a relative clause describing it («عدد العدائين الذين حققوا ...» -> «عدد العدائين»);
    None when a verb or too many words stand between."""
    k = i - 1
    found: list[Word] = []
    while k >= 0 and words[k].bare not in _THAT and not words[k].text.endswith(("،", ":", ".")):
        if is_verb(words[k]) and k < i - 1 and not _after_relative(words, k):
            return None
        found.insert(0, words[k])
        k -= 1
        if len(found) > 3 * MAX_SUBJECT_WORDS:
            return None
    rel = next((n for n, w in enumerate(found) if w.bare in lists.folded("generation/relative_pronouns")), len(found))
    found = found[:rel]
    return found if 0 < len(found) <= MAX_SUBJECT_WORDS else None


_THAT = frozenset(("ان", "بان", "وان", "لان"))
_ABOUT = frozenset(("نحو", "حوالي", "قرابه", "زهاء"))  # «إلى نحو 41 ألفا»
_BY_A_TIME = frozenset(("بحلول",))  # «خفض التنويم بنسبة 25% بحلول نهاية العقد»: a target, not a change
_COMPLEMENT_PREPOSITIONS = frozenset(("الي", "في", "من", "علي", "عن"))  # «المتجهة إلى ...»، «لدى الطلاب في ...»
_OTHER_EVENT = frozenset(("بعد", "عقب", "اثر", "بسبب", "نتيجه", "جراء", "قبل"))


def _after_relative(words: list[Word], k: int) -> bool:
    """True when the verb at ``k`` sits in a relative clause («الذين حققوا»): it describes the subject."""
    return any(w.bare in lists.folded("generation/relative_pronouns") for w in words[max(0, k - 3):k])


def _reached(words: list[Word], at: int) -> list[Word] | None:
    """What reached the value at word ``at``: the noun phrase after «بلغت» («بلغت نسبة البطالة 12%») or
    before it («نسبة البطالة بلغت 12%»)."""
    k = at - 1
    subject: list[Word] = []
    reach = lists.folded("generation/reach_verbs")
    while k >= 0 and drop_conj(words[k]) not in reach and len(subject) <= MAX_SUBJECT_WORDS:
        if words[k].text.endswith(("،", ".")) or is_verb(words[k]) or words[k].bare in ("الي", "كما"):
            return None  # «كما تحسن هامش الربح إلى»: no noun phrase reaches a figure through «إلى»
        subject.insert(0, words[k])
        k -= 1
    if k >= 0 and not subject:
        k -= 1  # the verb stands right before the value: what reached it comes before the verb
        while k >= 0 and len(subject) <= MAX_SUBJECT_WORDS and words[k].bare not in ("ان", "بان", "انه"):
            if words[k].text.endswith(("،", ".")) or is_verb(words[k]):
                break
            subject.insert(0, words[k])
            k -= 1
    if k < 0 and not subject:
        return None
    # A construct chain is definite by its last word: «نسبة انتشار ارتفاع ضغط الدم».
    if not subject or len(subject) > MAX_SUBJECT_WORDS or not any(w.bare.startswith("ال") for w in subject):
        return None
    return subject


def _recorded_by(words: list[Word], subject: list[Word], value: Fact) -> bool:
    """True when ``subject`` is who recorded a count, not what changed: «سجلت المديرية العامة ... 47 حالة»
    (a count with its own noun after «سجل»), where «سجلت نسبة النمو 3%» names what reached the figure."""
    at = words.index(subject[0]) - 1
    counted = value.type == "number" and (bool(value.unit) or len(value.text.split()) > 1)
    return at >= 0 and drop_conj(words[at]) in ("سجل", "سجلت") and counted


def _versus(ctx: Context, si: int, words: list[Word], f: Fact) -> Change | None:
    """«بلغت نسبة انتشار ارتفاع ضغط الدم 33.2% مقارنة بـ30.8% في المسح السابق»: a figure set against its
    earlier value is a change too, up or down as the two values say."""
    sent = ctx.sentences[si]
    values = [(i, _value_at(ctx, si, w.start, w.end)) for i, w in enumerate(words)]
    found = [(i, v) for i, v in values if v is not None and v.type == f.type]
    for (ia, a), (ib, b) in zip(found, found[1:]):
        if f not in (a, b) or ib - ia > VALUE_REACH:
            continue
        between = [w.bare for w in words[ia + 1:ib + 1]]
        if not any(w in lists.folded("generation/against_words") or w.removeprefix("ب") in lists.folded("generation/against_words") for w in between):
            continue
        after_b = [w.bare for w in words[ib + 1:ib + EARLIER_REACH + 1]]
        if not any(w in lists.folded("generation/earlier_words") or re.fullmatch(r"(?:عام)?\d{4}", w) for w in after_b):
            continue  # «58% بين الرجال مقابل 15% بين النساء»: two groups, not before and after
        subject = _reached(words, ia)
        if subject is None or _recorded_by(words, subject, a):
            return None
        va, vb = float(a.value or 0), float(b.value or 0)
        if va == vb:
            return None
        noun, opposite = ("ارتفاع", "انخفاض") if va > vb else ("انخفاض", "ارتفاع")
        return Change(noun, opposite, " ".join(w.text for w in subject).strip("،,"), b, a, None)
    return None


def opposite_of(phrase: str) -> str | None:
    """``phrase`` with its opening verbal noun of change turned to the opposite («ارتفاع الأسعار» ->
    «انخفاض الأسعار»), or None when it does not open on one."""
    words = phrase.split()
    if not words:
        return None
    found = _changes().get(fold(words[0]))
    if found is None or fold(found[0]) != fold(words[0]):
        return None
    return " ".join([found[1], *words[1:]])


RISING = frozenset(("ارتفاع", "زيادة", "نمو", "صعود", "قفزة", "رفع"))


def rising(ch: Change) -> bool:
    """True when the change goes up."""
    return ch.noun != ch.opposite and ch.noun in RISING


def goes_its_way(ch: Change) -> bool:
    """False when the change's two values go against its word («انخفاض من 5 إلى 7»: the two figures are
    another fact's, read into the change); True otherwise, or without both values."""
    if ch.before is None or ch.after is None or ch.noun == ch.opposite:
        return True  # no values to weigh, or a word that goes either way
    a, b = ch.before.value, ch.after.value
    if not isinstance(a, (int, float)) or not isinstance(b, (int, float)) or a == b:
        return True
    return (float(b) > float(a)) == rising(ch)


def article_changes(ctx: Context) -> list[Change]:
    """Every change the article reports in numbers, once each, in the article's order (read once per
    article)."""
    if ctx.changes is None:
        seen: set[str] = set()
        found: list[Change] = []
        for fi in sorted(ctx.sent_of):
            ch = find_change(ctx, fi)
            if ch is not None and change_id(ch) not in seen:
                seen.add(change_id(ch))
                found.append(ch)
        ctx.changes = found
    return list(ctx.changes)


def change_facts(ch: Change) -> tuple[str, ...]:
    """The ids of the change's values: a question on the change settles a question on any of them."""
    return tuple(fact_id(f) for f in (ch.before, ch.after, ch.by) if f is not None)


def change_id(ch: Change) -> str:
    """One id for one change, whichever of its values a question stands on: its questions are
    alternates of each other, never two questions of one bank."""
    return "change:" + " ".join(tokens(ch.subject))
