"""The stems a question about one fact mention can stand on: a cloze of its clause and a wh-question.

``stems_for(ctx, fi)`` works out, once per fact mention, what every kind needs: the clause with the
answer blanked («أكمل الفراغ»), the wh-question when one reads well (``questions.realize``), the
answer as the question shows it, its accepted variants, and where it sits in its sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from questions.clauses import MAX_STEM_WORDS, fronted_cuts, glue_blank, stem_span, tidy
from questions.stemcuts import cut_after, cut_naming_tail, cut_number_tail
from questions import lists
from questions.answers import number_values
from questions.arabic import glued_conjunction, name_units
from questions.completeness import lost_whole, predicate_missing, says_something, speaks_here
from questions.names.lexicon import lex_label
from questions.context import NAME_TYPES, Context, Entity, fact_id
from questions.coordinate import coordinate_span, first_subject
from questions.distractors import date_variants, format_number, parse_iso
from questions.model import BLANK, Fact, Source
from questions.normalize import fold, tokens
from questions.options import NumberView, number_view, org_group, shows_in, singular_scale, still_to_come
from questions.salience import LEAD_SENTENCES
from questions.sametime import spell_out_times
from questions.tails import list_tail_cut, tail_cut
from questions.realize import (
    drop_conj,
    is_verb,
    words_of,
    Adjunct,
    Mention,
    date_removal,
    event_text,
    number_question,
    percent_question,
    subject_question,
    when_question,
    where_question,
)




# A stem says this many words besides its answer, or it asks about nothing («حسب لوائح _____»).
MIN_WORDS_AROUND = 3
LONG_STEM_WORDS = 24  # a stem longer than this loses what follows its fact's own phrase


@dataclass(frozen=True)
class Stems:
    """What questions about one fact mention stand on."""

    fi: int
    fact: Fact
    fid: str
    answer: str  # the right answer as options and typed questions show it
    accepted: tuple[str, ...]  # other ways to write it that count
    cloze: str | None  # the fact's clause with the answer blanked
    wh: str | None  # a wh-question whose answer is the fact
    source: Source  # the sentence and where the blank sits in it
    clause: tuple[int, int] | None  # the clause span inside the sentence
    view: NumberView | None = None  # for numbers and percentages
    event: Adjunct | None = None  # for dates: the event the date belongs to
    claim: tuple[str, int, int] | None = None  # the clause without asides, and the answer's span in it

    @property
    def prompt(self) -> str | None:
        """The best stem: the wh-question when there is one, else the cloze."""
        return self.wh or self.cloze


def mentions_in(ctx: Context, si: int) -> list[Mention]:
    """The facts of sentence ``si`` as the wh patterns see them (offsets inside the sentence)."""
    sent = ctx.sentences[si]
    out = []
    for i in ctx.in_sent.get(si, ()):
        f = ctx.facts[i]
        e = ctx.entity_of(f)
        out.append(Mention(f.start - sent.start, f.end - sent.start, f.type, e.name if e else f.text))
    return out


@dataclass(frozen=True)
class _Clause:
    cloze: str | None
    span: tuple[int, int] | None
    claim: tuple[str, int, int] | None


def _clause(ctx: Context, fi: int, blank_start: int, blank_end: int) -> _Clause:
    sent = ctx.sentence_of(fi)
    s0, e0 = blank_start - sent.start, blank_end - sent.start
    span = stem_span(sent.text, s0, e0)
    if span is None:
        return _Clause(None, None, None)
    skip = ctx.after_dateline(ctx.sent_of[fi])
    if skip > span[0]:
        if skip > s0:
            return _Clause(None, None, None)
        span = (skip, span[1])
    td = tidy(sent.text, span[0], span[1], (s0, e0),
              [*fronted_cuts(sent.text, span[0], span[1]), *other_tail(ctx, fi, span[0], span[1])])
    text, a, b = with_subject(ctx, fi, td.text, td.to_tidied(s0), td.to_tidied(e0))
    made = _finish(*spell_out_times(ctx, fi, text, a, b), span)
    if made.cloze is None:
        return _coordinate(ctx, fi, s0, e0)
    return made


def _coordinate(ctx: Context, fi: int, s0: int, e0: int) -> _Clause:
    """The fact's own «و»-joined clause with the sentence's subject written in (``questions.coordinate``),
    for a sentence too long to ask whole."""
    sent = ctx.sentence_of(fi)
    span = coordinate_span(sent.text, s0)
    if span is None or not span[0] <= s0 < e0 <= span[1]:
        return _Clause(None, None, None)
    names = [(f.start - sent.start, f.end - sent.start) for j in ctx.in_sent.get(ctx.sent_of[fi], ())
             if (f := ctx.facts[j]).type in ("person", "organization")]
    subject = first_subject(sent.text, names)
    if subject is None:
        return _Clause(None, None, None)
    td = tidy(sent.text, span[0], span[1], (s0, e0), other_tail(ctx, fi, span[0], span[1]))
    text, a, b = td.text, td.to_tidied(s0), td.to_tidied(e0)
    if glued_conjunction(text.split()[0]) == "و":
        text, a, b = text[1:], a - 1, b - 1
    if "\u064f" in text.split()[0][:3]:
        return _Clause(None, None, None)  # «وأُنجزت عمليات تفريغها»: a passive verb takes no subject written in
    cut = len(text.split()[0])
    shift = len(subject) + 1
    return _finish(text[:cut] + " " + subject + text[cut:], a + shift, b + shift, span)


def _finish(text: str, a: int, b: int, span: tuple[int, int]) -> _Clause:
    """The stem and claim of a clause ``text`` whose fact sits at ``a``-``b``, once it is short and whole."""
    text = without_open_quotation(text, b)
    text = cut_naming_tail(text, b)
    text = cut_number_tail(text, b)
    if len(text.split()) > LONG_STEM_WORDS:
        # «... يمنح _____ رخصة لزوارق الصيد، مع سقف ...»: what follows the fact's own phrase can go; blind
        # readers asked to trim such copied tails
        text = cut_after(text, b)
    text = without_orphaned_tail(text, b)
    if len(text.split()) > MAX_STEM_WORDS or len((text[:a] + text[b:]).split()) < MIN_WORDS_AROUND or \
            not says_something(text) or predicate_missing(text, a, b):
        return _Clause(None, None, None)  # «حسب لوائح _____»: too little left to ask about
    claim = (text, a, b)
    stem = glue_blank(text, 0, len(text), a, b, BLANK)
    if not re.match(r"\s*[«\"(]?[\u0621-\u064a]", stem):
        return _Clause(None, None, None)  # a stem opening with a stray mark or a number
    return _Clause(stem.strip().rstrip("،,؛ ") + ".", span, claim)


def without_open_quotation(text: str, after: int) -> str:
    """``text`` without a quotation it opens after offset ``after`` and never closes («... أكثر من 90 شهادة،
    "بعضها لأشخاص رحلوا»): the clause ends where the quoted words begin."""
    for mark, close in (('"', '"'), ("«", "»")):
        at = text.rfind(mark)
        opened = text.count(mark) % 2 == 1 if mark == close else text.count(mark) > text.count(close)
        if opened and at > after:
            return text[:at].rstrip(" ،,:") + ("." if text.rstrip().endswith(".") else "")
    return text


_ORPHAN_WORDS = 3  # words a tail may keep once the figure it led to was cut


def without_orphaned_tail(text: str, b: int) -> str:
    """``text`` without a tail after the fact (ending at ``b``) that lost the figure it led to: «620 حاصدة
    مقابل حاجة فعلية» (of «... تقدر بنحو ألف حاصدة»), «12 مليون سائح وعائدات» (of «... في حدود 9 مليارات»)."""
    rest = text[b:].rstrip(" .،,")
    words = rest.split()
    if not words or any(ch.isdigit() for ch in rest):
        return text
    for i, w in enumerate(words):
        bare = fold(w).strip("،,")
        tail = words[i:]
        if bare == "مقابل" and len(tail) <= _ORPHAN_WORDS or \
                i == len(words) - 1 and glued_conjunction(w) == "و" and len(bare) > 3 and not bare[1:].startswith("ال") and \
                not (i and words[i - 1].endswith(("،", ","))):
            cut = b + rest.index(w, len(" ".join(words[:i])))
            return text[:cut].rstrip(" ،,")
    return text


def _subject_of_story(ctx: Context, si: int) -> str | None:
    """The person a verb without a written subject speaks of: the one person the sentence before names,
    when the verb's own sentence names nobody."""
    if si == 0 or any(ctx.facts[j].type == "person" for j in ctx.in_sent.get(si, ())):
        return None
    people = {fact_id(ctx.facts[j]) for j in ctx.in_sent.get(si - 1, ()) if ctx.facts[j].type == "person"}
    if len(people) != 1:
        return None
    e = ctx.entities[people.pop()]
    short = sorted(e.aliases, key=lambda a: (len(a.split()), len(a)))
    return short[0] if short else e.name


def _body_of_story(ctx: Context, si: int) -> str | None:
    """The body a feminine verb without a written subject speaks of: the body right after the first verb
    of the sentence before («قضت محكمة جنايات الجيزة …»), written as its short form when it has one, when
    the verb's own sentence names no body and that body's name is feminine («محكمة», «وزارة», «الهيئة»)."""
    if si == 0 or any(ctx.facts[j].type == "organization" for j in ctx.in_sent.get(si, ())):
        return None
    prev = ctx.sentences[si - 1]
    bodies = [(f.start - prev.start, f.end - prev.start, j) for j in ctx.in_sent.get(si - 1, ())
              if (f := ctx.facts[j]).type == "organization"]
    name = first_subject(prev.text, [(s, e) for s, e, _ in bodies])
    if name is None or not fold(name.split()[0]).endswith("ه"):
        return None
    return name


def with_subject(ctx: Context, fi: int, text: str, a: int, b: int) -> tuple[str, int, int]:
    """The clause with its dropped subject written after its verb («تولّى وزارة الصناعة» -> «تولّى القصيبي
    وزارة الصناعة») when the article makes clear who it is; the blank's offsets follow.

    For a masculine verb whose next word cannot be its subject (not definite, not a title or a
    demonstrative, not a quoted name), in a sentence naming no person, after a sentence naming one; for a
    feminine verb followed by its object's preposition («قضت بالسجن»), the body of the sentence before."""
    words = words_of(text)
    if len(words) < 3 or not is_verb(words[0]) or a < words[1].start:
        return text, a, b
    second = words[1]
    if words[0].bare.endswith("ت") and second.bare[:1] in ("ب", "ل") and not second.bare.startswith("ال"):
        body = _body_of_story(ctx, ctx.sent_of[fi])  # «قضت بالسجن …»: the court of the sentence before
        if body is not None:
            cut = words[0].end
            return text[:cut] + " " + body + text[cut:], a + len(body) + 1, b + len(body) + 1
    if words[0].bare.endswith("ت") or second.bare.startswith("ال") or second.text.startswith("«"):
        return text, a, b
    if second.bare in lists.folded("generation/positions") | lists.folded("generation/demonstratives") or \
            fold(second.text.strip("«»،,")) in lists.folded("generation/positions"):
        return text, a, b  # «أقر مدرب الأهلي ...»: a title opens the subject
    if drop_conj(words[0]) in lists.folded("generation/subject_first_verbs"):
        return text, a, b  # «ارتفع عدد السياح»: the noun after the verb is its subject
    if second.bare in ("شهر", "عام", "يوم", "اسبوع", "موسم", "ربع", "نصف"):
        return text, a, b  # «سجل شهر يناير أعلى حركة»: the time named is the subject
    if number_values(second.text) or second.bare in ("مصدر", "مصادر", "مسؤول", "شخص", "خبير", "خبراء"):
        return text, a, b  # «توفي ثلاثة آخرون», «قال مصدر قضائي»: a count or a person is the subject
    if drop_conj(second) in lists.folded("org_heads") | lists.folded("site_heads") and not second.bare.endswith("ه"):
        # «أعلن مطار صلالة إلغاء سبع رحلات»: a body or a site named is the subject, unless it is feminine
        # after a masculine verb («تولى وزارة الصناعة»: its object)
        return text, a, b
    if a > words[2].end and words[2].bare.startswith("ال") and \
            second.bare not in lists.folded("generation/realize_prepositions") or \
            second.bare in lists.folded("generation/quantity_subjects"):
        # «عقد مجلس الوزراء جلسة طارئة ... 72»، «طالب عدد من السكان»: the verb has its subject (when the
        # blank itself follows the verb, «تولى _____ عام 1976», the noun phrase is its object)
        return text, a, b
    subject = _subject_of_story(ctx, ctx.sent_of[fi])
    if subject is None:
        return text, a, b
    cut = words[0].end
    shift = len(subject) + 1
    return text[:cut] + " " + subject + text[cut:], a + shift, b + shift


def date_adjuncts(ctx: Context, fi: int) -> list[tuple[int, int]]:
    """Spans (in the sentence) of the other dates of fact ``fi``'s sentence that stand as adjuncts
    («يوم 24 ديسمبر»، «في عام 2025»): a question about another fact does without them, so it gives
    no date away."""
    si = ctx.sent_of[fi]
    sent = ctx.sentences[si]
    f = ctx.facts[fi]
    out = []
    for j in ctx.in_sent.get(si, ()):
        g = ctx.facts[j]
        if j != fi and g.type == "date" and not _qualifies(ctx.text, f, g):  # «مقارنة بـ65.9% في العام الماضي»: it stays
            cut = date_removal(sent.text, g.start - sent.start, g.end - sent.start)
            before = fold(sent.text[:cut[0]]).split()[-1:] if cut is not None else []
            if cut is not None and not (before and before[0].strip("،,") in lists.folded("generation/dangling_prepositions")) \
                    and not completes_a_construct(sent.text, cut[0]):
                out.append(cut)
    return out


def _completes_its_verb(sentence: str, cut: tuple[int, int]) -> bool:
    """True when the stretch right after a verb ends its clause («نحو 18 ألف إصدار جديد صدر خلال الأشهر الاثني
    عشر الماضية»): cut out, it leaves the verb with nothing after it («... إصدار جديد صدر.»)."""
    before = words_of(sentence[:cut[0]])[-1:]
    after = sentence[cut[1]:].lstrip()
    return bool(before) and is_verb(before[0]) and (not after or after[0] in "،,.؛")


def completes_a_construct(sentence: str, start: int) -> bool:
    """True when the date at ``start`` opens on a definite noun right after a bare one, whose genitive it
    is («عدد حجاج موسم | العام الماضي», «مقارنة بموسم | العام الماضي»): cut out, it leaves «حجاج موسم»."""
    before = sentence[:start].split()[-1:]
    date = fold(sentence[start:]).split()[:1]
    if not before or not date or not date[0].startswith("ال") or before[0].endswith(("،", ",", "ا", "ً")):
        return False
    word = words_of(before[0])[0]
    bare = word.bare.removeprefix("و")
    return not bare.startswith(("ال", "بال", "لل")) and not is_verb(word) and bare.isalpha() and \
        bare not in lists.folded("generation/realize_prepositions")


def other_tail(ctx: Context, fi: int, begin: int = 0, end: int | None = None,
               dropped: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """The end of fact ``fi``'s sentence (within ``begin``..``end``) that only adds other facts, as a
    span to drop (see ``questions.tails``), or nothing. Facts inside ``dropped`` spans are gone already."""
    si = ctx.sent_of[fi]
    sent = ctx.sentences[si]
    f = ctx.facts[fi]
    own = fact_id(f)
    others = [(a, b) for j in ctx.in_sent.get(si, ())
              if j != fi and fact_id(g := ctx.facts[j]) != own and not _qualifies(ctx.text, f, g)
              for a, b in [(g.start - sent.start, g.end - sent.start)]
              if not any(x <= a and b <= y for x, y in dropped)]
    cut = tail_cut(sent.text, f.end - sent.start, others, begin, end) or \
        list_tail_cut(sent.text, f.end - sent.start, others, begin, end)
    return [cut] if cut is not None and not _completes_its_verb(sent.text, cut) else []


QUALIFIER_GAP = 4  # characters between a figure and the date right after it («65.9 في المئة في العام الماضي»)
QUALIFIER_WORDS = 2  # ... or words, opening on «في» or «خلال» («في دورة عام 2022», «خلال عام 2025»)


def _qualifies(text: str, f: Fact, g: Fact) -> bool:
    """True for a date right after the figure ``f`` («مقارنة بـ65.9 في المئة في العام الماضي», «نحو 19
    مليون سائح خلال عام 2025», «250 ألف زائر في دورة عام 2022»): it says whose figure it is, and a stem cut
    before it compares with nothing or counts over no time."""
    if f.type not in ("number", "percentage") or g.type != "date" or g.start < f.end:
        return False
    gap = text[f.end:g.start]
    if len(gap) <= QUALIFIER_GAP:
        return True
    words = gap.split()
    return len(words) <= QUALIFIER_WORDS and fold(words[0]) in ("في", "خلال") and \
        not any(ch in gap for ch in "،,.؛")


def _tidied_sentence(ctx: Context, fi: int, s0: int, e0: int) -> tuple[str, int, int, list[Mention]]:
    """The fact's sentence without its asides, the fact's offsets there, and the mentions kept in it."""
    si = ctx.sent_of[fi]
    sent = ctx.sentences[si]
    adjuncts = date_adjuncts(ctx, fi)
    td = tidy(sent.text, 0, len(sent.text), (s0, e0), [*adjuncts, *other_tail(ctx, fi, dropped=adjuncts)])
    mentions = []
    for m in mentions_in(ctx, si):
        if any(a <= m.start and m.end <= b for a, b in td.pieces):
            mentions.append(Mention(td.to_tidied(m.start), td.to_tidied(m.end), m.type, m.name))
    return td.text, td.to_tidied(s0), td.to_tidied(e0), mentions


def _org_noun(group: str | None) -> tuple[str, str]:
    """The noun and gender a wh-question asks a body of ``group`` by («وزارة», f); «جهة» by default."""
    for g, noun in lists.pairs("generation/org_group_nouns"):
        if g == group:
            word, gender = noun.split()
            return word, gender
    return "جهة", "f"


def _passive_before(text: str, start: int) -> bool:
    """True when a verb written in the passive («عُيّن», «انتُخب») stands within three words before the name."""
    for w in text[:start].split()[-3:]:
        bare = w.strip("«»،,")
        if len(bare) > 2 and ("\u064f" in bare[:2] or "\u064f" in bare[2:4] and bare.startswith(("ان", "ات", "و"))):
            return True
    return False


def _name_wh(ctx: Context, fi: int, f: Fact) -> str | None:
    sent = ctx.sentence_of(fi)
    ent = ctx.entities[fact_id(f)]
    text, s0, e0, mentions = _tidied_sentence(ctx, fi, f.start - sent.start, f.end - sent.start)
    if _passive_before(text, s0):
        return None  # «عُيّنت فلانة ...»: «من عيّن ...؟» would ask who appointed her
    if set(fold(text[:s0]).split()[-3:]) & {"نظيره", "نظيرته", "نظيريه", "نظيرهم"}:
        return None  # «التقى تبون نظيره ماتاريلا»: the name is the one met, not who met
    if f.type == "person":
        return asks_whole(subject_question(text, s0, e0, "person", mentions, "من"), "من")
    if f.type == "organization":
        noun, gender = _org_noun(org_group(ent.name))
        asked = subject_question(text, s0, e0, "organization", mentions, f"أي {noun}", org_gender=gender)
        return asks_whole(asked, f"أي {noun}")
    wh = where_question(text, s0, e0, mentions)
    if wh is None and ent.kind in ("country", "city"):
        # «استضافت العاصمة السعودية الرياض ... قمة» -> «أي مدينة استضافت ... قمة؟»
        noun = "أي مدينة" if ent.kind == "city" else "أي دولة"
        wh = subject_question(text, s0, e0, "place", mentions, noun, org_gender="f")
    return wh


def asks_whole(prompt: str | None, wh: str) -> str | None:
    """``prompt`` when it asks something whole: not «من قال في كلمته ...؟» with what was said cut off,
    nor «أي جهة حذرت من التعامل مع أي جهة؟» with its question word twice."""
    if prompt is None or prompt.count(wh) > 1 or not says_something(prompt):
        return None
    words = [fold(w).strip("،,.؟") for w in prompt.split()]
    said = [i for i, w in enumerate(words) if w in lists.folded("generation/saying_verbs")]
    if said and not any(w in ("ان", "انه", "انها") for w in words[said[0] + 1:]) and \
            not any(ch in prompt for ch in ":«\""):
        return None  # «من قال في كلمته ...؟»: what was said is gone
    return prompt


def _adjective_follows(text: str, end: int) -> bool:
    """True when a definite relational adjective («الإنسانية», «الجنوبية») follows a name right away:
    it belongs to the name, which was read short."""
    nxt = text[end:end + 30].split()[:1]
    if not nxt or not text[end:end + 1].isspace():
        return False
    word = fold(nxt[0].strip("«»()"))
    return word.startswith("ال") and word.endswith(("يه", "ي", "يين", "يه،")) and len(word) > 5 and \
        not nxt[0].endswith(("،", ",", "."))


def _for_name(ctx: Context, fi: int, f: Fact) -> Stems:
    ent = ctx.entities[fact_id(f)]
    sent = ctx.sentence_of(fi)
    c = _clause(ctx, fi, f.start, f.end)
    answer = ent.name
    if not set(tokens(f.text)) <= set(tokens(ent.name)):
        answer = f.text  # the mention is not part of the name it was linked to: trust what the article wrote
    forms = name_forms(answer) if f.type == "person" else body_forms(answer) if f.type == "organization" else ()
    accepted = tuple(sorted({*forms, *(a for a in ent.aliases if set(tokens(a)) <= set(tokens(answer)))} - {answer}))
    source = Source(sent.text, f.start - sent.start, f.end - sent.start)
    if not _name_to_blank(ctx, f, ent):
        return Stems(fi, f, ent.id, answer, accepted, None, None, source, c.span, claim=c.claim)
    return Stems(fi, f, ent.id, answer, accepted, c.cloze, _name_wh(ctx, fi, f) if answer == ent.name else None,
                 source, c.span, claim=c.claim)


def _name_to_blank(ctx: Context, f: Fact, ent: Entity) -> bool:
    """False where blanking the name asks for a name, not for the news: a body whose short name follows it
    («افتتحت هيئة الأشغال العامة «أشغال»» spells the answer), who said a quotation («قال _____: «...»»), or
    someone the story names once away from its headline and lead (a villager, a deputy minister beside his
    minister). What the person or body is (a role) or did can still be asked."""
    if f.type == "organization":
        return not _short_name_follows(ctx.text, f.end)
    if f.type == "person":
        return not (speaks_here(ctx.text, f.start, f.end) or _named_in_passing(ctx, ent))
    return True


def _still_to_come(ctx: Context, f: Fact) -> bool:
    """True for a date after the article's own: «متى جرى الاتفاق ...؟» would put a past agreement on the date
    of what it planned («منتدى أعمال في مارس 2027»); a blank keeps the sentence's own wording instead."""
    return still_to_come(f.gregorian or str(f.value), ctx.date)


def _short_name_follows(text: str, end: int) -> bool:
    """True when a body's name is followed by its short name in quotation marks («هيئة الأشغال العامة
    «أشغال»»، «(أشغال)»)."""
    m = re.match(r"\s*[«(\"]([^»)\"]{1,30})[»)\"]", text[end:end + 40])
    return m is not None and len(m.group(1).split()) <= 2


def _ends_on_a_verbal_noun(question: str) -> bool:
    """True when a question stops on a verbal noun whose object it lost («... عن تضرر؟», «كم راكباً جرى
    إنقاذ؟»)."""
    words = question.rstrip(" ؟?").split()
    if len(words) >= 2 and fold(words[-2]) in ("جري", "تم"):
        return True  # «جرى إنقاذ» needs its object: «جرى إنقاذهم»
    return bool(words) and fold(words[-1]) in lists.folded("generation/masdar_starts")


def _named_in_passing(ctx: Context, ent: Entity) -> bool:
    """True for a person the article names once, outside its headline and lead."""
    if ent.mentions > 1 or (ctx.title and any(shows_in(a, ctx.title) for a in ent.aliases)):
        return False
    first = next((ctx.sent_of[i] for i, g in enumerate(ctx.facts) if fact_id(g) == ent.id and i in ctx.sent_of), 0)
    return first >= LEAD_SENTENCES


def name_forms(name: str) -> tuple[str, ...]:
    """Shorter ways a student writes a long name: «فيصل بن تركي» for «فيصل بن تركي بن محمد آل سعود»,
    first and last name for a name of three parts or more (a part may be two words: «عبد الله»)."""
    units = name_units(name)
    out = []
    if len(units) >= 3:
        out.append(f"{units[0]} {units[-1]}")
        if fold(units[1].split()[0]) in ("بن", "ابن", "بنت"):
            out.append(" ".join(units[:2]))
    # «كريم بنعبد الله» and «كريم بن عبد الله»: the Maghreb writes the «بن» of a family name glued
    if re.search(r"(?:^|\s)بن\s+عبد\s", f"{name} "):
        out.append(re.sub(r"(^|\s)بن\s+عبد(?=\s)", r"\1بنعبد", name))
    elif re.search(r"(?:^|\s)بنعبد\s", f"{name} "):
        out.append(re.sub(r"(^|\s)بنعبد(?=\s)", r"\1بن عبد", name))
    return tuple(out)


def body_forms(name: str) -> tuple[str, ...]:
    """A body's name without its generic head, when what is left names it on its own: «المنبر الوطني
    الإسلامي» for «جمعية المنبر الوطني الإسلامي», «الكويت» for «نادي الكويت» (never «الصحة» for «وزارة
    الصحة»); or its head in construct with its field («هيئة الرقابة المالية» for «الهيئة العامة للرقابة
    المالية»)."""
    words = name.split()
    if len(words) >= 2 and fold(words[0]) in ("نادي", "فريق") and words[1].startswith("ال"):
        return (" ".join(words[1:]),)  # «الكويت» for «نادي الكويت»
    if len(words) >= 3 and words[0].startswith("ال") and fold(words[1]) in lists.folded("generation/body_adjectives") \
            and words[2].startswith("لل"):
        # «هيئة الرقابة المالية» for «الهيئة العامة للرقابة المالية»: the head in construct with its field
        return (" ".join([words[0][2:], "ال" + words[2][2:], *words[3:]]),)
    if len(words) >= 3 and fold(words[0]) in {fold(h) for h in lists.entries("org_heads")} and \
            fold(words[0]) not in {fold(h) for h in lists.entries("generation/bare_heads_needed")} and \
            not _a_nisba(words[1]):
        return (" ".join(words[1:]),)
    return ()


def _a_nisba(word: str) -> bool:
    """«المصري»، «الوطنية»: an adjective of origin, which names nothing once its head is gone («المصري لكرة
    القدم» is no name for «الاتحاد المصري لكرة القدم»)."""
    w = fold(word)
    return w.startswith("ال") and w.endswith(("ي", "يه")) and len(w) >= 5


def not_when(sentence: str, start: int) -> bool:
    """True for a date that is not when the clause's event happened: «الأولى منذ عام 2007» (since),
    «بروتوكول اتفاقية الصيد لسنة 2026» (for the year), «بحلول عام 2028» (a target), «اتفاقية 1987» (a
    name)."""
    before = fold(sentence[max(0, start - 12):start]).split()
    last = before[-1] if before else ""
    if sentence[start - 1:start] == "ل" and (start < 2 or sentence[start - 2].isspace()):
        return True  # «لسنة 2026»: the proclitic stands outside the date's span
    first = fold(sentence[start:start + 8]).split()[:1]
    return last in lists.folded("generation/not_when_before") or bool(first and first[0] in ("لسنه", "لعام", "للعام"))


def _for_date(ctx: Context, fi: int, f: Fact) -> Stems | None:
    sent = ctx.sentence_of(fi)
    gran = parse_iso(str(f.value))[0]
    if gran == "none" or not re.search(r"\d|يات|ات ", fold(f.text)):
        return None
    s0, e0 = f.start - sent.start, f.end - sent.start
    if fold(sent.text[:s0]).split()[-1:] in (["النصف"], ["الاسبوع"], ["الربع"], ["العشر"], ["الثلث"]):
        return None  # «النصف الثاني من شهر أبريل»: a part of the month, not its second day
    text, t0, t1, mentions = _tidied_sentence(ctx, fi, s0, e0)
    ev = event_text(text, t0, t1, mentions)
    wh = None if not_when(sent.text, s0) or _still_to_come(ctx, f) else when_question(text, t0, t1, gran, mentions)
    if wh is not None and (ev is None or ev.nested or not ev.explicit):
        ev = wh[1]  # «متى رحل غازي القصيبي؟» names its event better than the clause around it
    c = _clause(ctx, fi, f.start, f.end)
    variants = [*date_variants(f.text)]
    words = f.text.split()
    if len(words) > 2 and fold(words[0]) in lists.folded("generation/weekdays"):
        variants += [" ".join(words[1:]), *date_variants(" ".join(words[1:]))]  # «14 نوفمبر» for «السبت 14 نوفمبر»
    return Stems(fi, f, fact_id(f), f.text, tuple(dict.fromkeys(v for v in variants if v != f.text)), c.cloze,
                 wh[0] if wh else None,
                 Source(sent.text, s0, e0), c.span, event=ev, claim=c.claim)


ELATIVE_REACH = 8  # words before a figure an elative may stand in and still describe it


def _drops_its_elative(before: str, question: str) -> bool:
    """True when the figure is the highest or the largest of something («سجلت الصناعات الهندسية أعلى معدل
    نمو بين القطاعات الرئيسية بنسبة 31%») and ``question`` leaves the elative out: what holds the record
    went with it («ما نسبة نمو بين القطاعات الرئيسية؟»)."""
    elatives = lists.folded("generation/elatives")
    near = [t.removeprefix("و") for t in tokens(before)[-ELATIVE_REACH:]]
    asked = set(tokens(question))
    return any(t in elatives and t not in asked for t in near)


_PERCENT_WORDS = frozenset(("بالمائه", "بالمئه", "المائه", "المئه", "في", "%", "٪"))


def _set_against_another(ctx: Context, fi: int, question: str) -> bool:
    """True when the figure is set against another of its type in its sentence («بلغت نسبة التضخم 5.2
    بالمائة خلال شهر مارس الماضي، مقابل 6.8 بالمائة في الشهر نفسه من العام الماضي») and ``question``
    keeps none of the words that tell the two apart («خلال شهر مارس الماضي»): it asks for either."""
    f = ctx.facts[fi]
    sent = ctx.sentence_of(fi)
    others = [g for j in ctx.in_sent.get(ctx.sent_of[fi], ()) if j != fi and
              (g := ctx.facts[j]).type == f.type and g.value != f.value]
    asked = set(tokens(question))
    text, at = sent.text, sent.start
    for g in others:
        if g.start >= f.end:  # «5.2 بالمائة خلال شهر مارس، مقابل 6.8»: what tells it sits before «مقابل»
            between = fold(text[f.end - at:g.start - at])
            found = _AGAINST.search(between)
            told = between[:found.start()] if found else ""
        else:  # «6.8 بالمائة قبل عام، مقابل 5.2 بالمائة في مارس»: what tells it follows it
            found = _AGAINST.search(fold(text[g.end - at:f.start - at]))
            told = re.split(r"[،,.؛]", text[f.end - at:])[0]
        if found is None:
            continue
        # what is left once the figure's own words go («بالمائة», «عاملاً») tells the two apart
        words = set(tokens(told)) - lists.folded("generation/realize_prepositions") - \
            lists.folded("generation/realize_temporal") - set(tokens(f.text)) - _PERCENT_WORDS
        if words and not words & asked:
            return True
    return False


def _for_number(ctx: Context, fi: int, f: Fact) -> Stems | None:
    sent = ctx.sentence_of(fi)
    view = number_view(f)
    if view is None or (f.type == "number" and view.value < 2 and not view.scale) or _inside_pairing(ctx.text, f):
        return None
    if view.spelled and view.value == 2 and not view.percent:
        return None  # «ومفقودين اثنين»: the dual before it already says two
    text, t0, t1, mentions = _tidied_sentence(ctx, fi, f.start - sent.start, f.end - sent.start)
    if f.type == "percentage":
        wh = percent_question(text, t0, t1, mentions)
    else:
        wh = number_question(text, t0, t1, mentions, f.unit)
    if wh is not None and _ends_on_a_verbal_noun(wh):
        wh = None  # «كم منزلاً أسفرت السيول عن تضرر؟»: the counted noun was what the verbal noun governed
    if wh is not None and _drops_its_elative(sent.text[:f.start - sent.start], wh):
        wh = None  # «ما نسبة نمو بين القطاعات الرئيسية؟» for «سجلت الصناعات الهندسية أعلى معدل نمو ...»
    if wh is not None and _set_against_another(ctx, fi, wh):
        wh = None  # «كم بلغت نسبة التضخم؟» beside «5.2% في مارس، مقابل 6.8% قبل عام»: which of the two?
    c = _clause(ctx, fi, view.blank_start, view.blank_end)
    accepted = number_forms(view)
    cloze, claim = c.cloze, c.claim
    if cloze is not None and lost_base(cloze, sent.text):
        cloze = None
    if claim is not None and lost_base(claim[0], sent.text):
        claim = None
    if f.type == "percentage":
        # «فيما لم تتجاوز حصة الدول الأفريقية 7%» after «36% من إجمالي الصادرات»: a share of what?
        at, to = f.start - sent.start, f.end - sent.start
        cloze = None if cloze is not None and lost_whole(cloze, sent.text, at, to) else cloze
        claim = None if claim is not None and lost_whole(claim[0], sent.text, at, to) else claim
        wh = None if wh is not None and lost_whole(wh, sent.text, at, to) else wh
    return Stems(fi, f, fact_id(f), view.answer, accepted, cloze, wh,
                 Source(sent.text, view.blank_start - sent.start, view.blank_end - sent.start), c.span,
                 view=view, claim=claim)


_RISE_BY = re.compile(r"(?:^|\s)(?:(?:اي\s+)?(?:بزياده|بارتفاع|بانخفاض|بتراجع|بنمو|بتقلص)\s+(?:نسبتها|نسبته|قدرها|قدره|بلغت|تبلغ)"
                      r"|اي\s+(?:بزياده|بارتفاع|بانخفاض|بتراجع|بنمو|بتقلص)(?:\s|$))")  # «أي بزيادة 17%»
_AGAINST = re.compile(r"(?:^|\s)(?:مقارنه|مقابل|قياسا)\b")


def lost_base(stem: str, sentence: str) -> bool:
    """True when ``stem`` keeps a rise or fall in percent («بزيادة نسبتها ...») but lost what the
    sentence compared it with («مقارنة بنحو 800 ألف شتلة في 2024»): a rise from nothing."""
    folded = fold(stem)
    return bool(_RISE_BY.search(folded)) and not _AGAINST.search(folded) and bool(_AGAINST.search(fold(sentence)))


def _inside_pairing(text: str, f: Fact) -> bool:
    """True when the figure is one side of a pairing written with a dash («5-1» a formation or a score,
    «2025-2026» a season): blanking one side leaves «_____-1»."""
    return bool(re.match(r"\s?[-–]\s?[\d٠-٩]", text[f.end:f.end + 3])) or \
        bool(re.search(r"[\d٠-٩]\s?[-–]\s?$", text[max(0, f.start - 3):f.start]))


_NAME_LINKS = ("ولد", "بن", "بنت", "ابن", "ابو", "ال")


def _name_runs_on(ctx: Context, f: Fact) -> bool:
    """True when the words around a person's name look like more of the name («سلمى الغربي» found as
    «سلمى», «عمر عبد الحميد» as «عبد الحميد», «محمد الأمين ولد الشيخ» as «محمد»): blanking the part
    found would leave the rest of the name in the stem."""
    before = ctx.text[max(0, f.start - 20):f.start].split()
    last = before[-1].strip("«»()،,") if before and not ctx.text[f.start - 1:f.start].strip() else ""
    if last and not fold(last).startswith("ال") and lex_label(last) == "PERS":
        return True  # a first name right before it
    nxt = ctx.text[f.end:f.end + 30].split()[:2]
    if any(fold(w.strip("«»()،,")) in _NAME_LINKS for w in nxt):
        return True
    if nxt and ctx.text[f.end:f.end + 1].isspace() and nxt[0] == nxt[0].strip("«»()،,.") and \
            lex_label(nxt[0]) == "PERS":
        return True  # «محمد صلاح» found as «محمد»: a first name or a name word follows
    after = ctx.text[f.end:f.end + 30]
    if not after[:1].isspace():
        return False
    nxt = after.split()[:1]
    if not nxt or nxt[0][:1] in "،,.؛:«»()":
        return False
    w = words_of(nxt[0])[0]
    return w.bare.startswith("ال") and w.bare.endswith("ي") and len(w.bare) >= 5 and \
        not w.text.rstrip("،,.").endswith(("ية", "يه"))


def number_forms(view: NumberView) -> tuple[str, ...]:
    """Other ways a student writes a figure, for display and exports (grading reads numbers by value
    anyway): the digits alone, «35 بالمئة» for «35%», the digits for «هدفين», the whole figure for «415 مليون»,
    a decimal point or comma («78.1», «78,1»)."""
    if view.spelled:
        digits = format_number(view.value, 0)
        if not view.percent:
            return (digits,)
        # «ثمانية» for «ثمانية في المائة»: the spelled count without its «per cent»
        words = re.split(r"\s+(?:في\s+الما?ئة|في\s+المئة|بالما?ئة|بالمئة)\s*$", view.answer)[0]
        return tuple(dict.fromkeys(f for f in (digits, f"{digits}%", f"{digits} بالمئة", words) if f != view.answer))
    forms = _digit_forms(view)
    digits = format_number(view.value, view.decimals)
    if view.decimals and "." in digits:
        # «78,1», «31,4 مليون», «12,5»: the decimal comma many articles and students write
        comma = digits.replace(".", ",")
        forms += tuple(f.replace(digits, comma) for f in forms if digits in f)
        if view.scale:
            forms += (f"{comma} {view.scale}",)
        elif not view.percent:
            forms += (digits, comma)
    return tuple(dict.fromkeys(f for f in forms if f != view.answer))


def _digit_forms(view: NumberView) -> tuple[str, ...]:
    """The forms of a figure in digits (see ``number_forms``)."""
    digits = format_number(view.value, view.decimals)
    if view.percent:
        return (digits, f"{digits} بالمئة", f"{digits} في المئة")
    if view.scale:
        # «30 ألف دينار»: the whole figure in digits, never «30» alone (thirty dinars); «210 مليون» for
        # «210 ملايين», as most students write a scale word after any count
        full = round(view.value * view.scale_factor)
        singular = singular_scale(view.scale)
        # «52 ألف» for «52 ألفا»: the scale word without its accusative ending
        bare = [f"{digits} {view.scale[:-1]}"] if view.scale.endswith("ا") and not singular else []
        return (str(full), f"{full:,}", *([f"{digits} {singular}"] if singular else []), *bare) \
            if view.scale_factor > 1 else (digits,)
    if view.thousands:
        # «367.122 مترشحا»: 367122 and 367,122; «1,400»: 1400
        return tuple(form for form in (f"{int(view.value)}", f"{int(view.value):,}") if form != view.answer)
    return (digits,) if view.arabic else ()  # «210» for «٢١٠»


def stems_for(ctx: Context, fi: int) -> Stems | None:
    """The stems of fact mention ``fi``, or None when no question can stand on it."""
    if fi not in ctx.sent_of:
        return None
    f = ctx.facts[fi]
    if f.type == "person" and _name_runs_on(ctx, f):
        return None
    if f.type in NAME_TYPES:
        if f.type != "person" and _adjective_follows(ctx.text, f.end):
            return None  # «مركز الملك سلمان للإغاثة والأعمال | الإنسانية»: the name runs on
        return _for_name(ctx, fi, f)
    st = _for_date(ctx, fi, f) if f.type == "date" else _for_number(ctx, fi, f)
    if st is None or st.wh is None:
        return st
    wh = spell_out_times(ctx, fi, st.wh, len(st.wh), len(st.wh))[0]
    return st if wh == st.wh else replace(st, wh=wh)
