"""How much each fact weighs in its story, and which facts are trivia that no question should ask.

A fact weighs more in the title and the lead, when its entity is mentioned often, when it sits in
the main clause next to an event verb, and when its sentence is about what the title is about.
Trivia: bylines and source lines, who reported the news («حسبما أفادت رويترز»), names in a list of
attendees, the place the whole article is about, a speaker seen only saying something, incidental
roles (the court's secretary), the minute of a goal, a bare weekday.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from questions import lists
from questions.arabic import glued_conjunction
from questions.clauses import split_clauses
from questions.completeness import opens_what_was_said
from questions.context import NAME_TYPES, Context, Entity, dateline_spans, fact_id
from questions.figure_trivia import (a_match_statistic, after_a_name, after_the_leader, continues_a_quotation,
                                     date_trivia, in_a_run_of_figures, in_quote, next_step, number_trivia,
                                     one_end_of_a_span)
from questions.model import Fact
from questions.normalize import fold, tokens
from questions.options import content_words, org_group, shows_in
from questions.realize import is_verb, words_of

# The first sentences (after a dateline) say what the story is; a post holder first named there is news.
LEAD_SENTENCES = 2
# A news outlet named this often is what the article is about, not where something was said.
MEDIA_MENTIONS = 3

# Dates, percentages and numbers are what current-affairs students study: they start ahead of names.
_TYPE_PRIOR = {"date": 0.2, "percentage": 0.3, "number": 0.2, "person": 0.1, "organization": 0.05,
               "place": 0.0}


@dataclass(frozen=True)
class Weight:
    """A fact's weight in its story (0 to 1) and, for trivia, why it must not be asked."""

    score: float
    trivia: str | None = None


def _stem_word(w: str) -> str:
    """A folded word without a glued و/ف (not its own first letter: «فازت», «وقعت»), to look verbs up."""
    return w[1:] if glued_conjunction(w) else w


def _near_event_verb(sentence: str, start: int, end: int) -> bool:
    verbs = lists.folded("generation/event_verbs")
    words = words_of(sentence)
    idx = [i for i, w in enumerate(words) if w.end > start and w.start < end]
    if not idx:
        return False
    lo, hi = max(0, idx[0] - 3), min(len(words), idx[-1] + 3)
    for w in words[lo:hi]:
        b = _stem_word(w.bare)
        if b in verbs or (b.endswith("ت") and b[:-1] in verbs):
            return True
    return False


def _in_main_clause(sentence: str, start: int) -> bool:
    for c in split_clauses(sentence):
        if c.start <= start < max(c.end, c.start + 1):
            return c.role in ("main", "contrast")
    return False


LONG_TITLE_WORDS = 12  # words of a speaker's title that may stand between «قالت» and her name


def _only_reported_speech(ctx: Context, eid: str) -> bool:
    """True when every mention of the person is the subject of a reporting verb («وقال فلان ...»)."""
    verbs = lists.folded("generation/reporting_verbs")
    seen = False
    for f in ctx.facts:
        if fact_id(f) != eid:
            continue
        seen = True
        before = fold(ctx.text[max(0, f.start - 120):f.start].split(".")[-1]).split()
        # «وقالت مديرة دائرة التوعية البيئية في وزارة البيئة، هدى الساعدي: «...»»: a long title may stand
        # between the verb and a name that opens what was said.
        reach = LONG_TITLE_WORDS if opens_what_was_said(ctx.text[f.end:f.end + 8]) else 4
        near = [_stem_word(w.strip("«»،,")) for w in before[-reach:]]
        if not any(w in verbs or (w.endswith("ت") and w[:-1] in verbs) for w in near):
            return False
    return seen


def _after_a_verb(sentence: str, start: int) -> bool:
    before = words_of(sentence[:start])
    return bool(before) and is_verb(before[-1])


def _court(name: str) -> bool:
    """True for a court or one of its chambers («محكمة جنايات القاهرة», «الدائرة الخامسة»)."""
    words = fold(name).split()
    heads = lists.folded("generation/court_heads")
    return bool(words) and (words[0] in heads or " ".join(words[:2]) in heads)


def _on_the_bench(ctx: Context, f: Fact) -> bool:
    """True for a judge named as presiding or sitting on a ruling's bench («برئاسة المستشار …»)."""
    before = ctx.text[max(0, f.start - 80):f.start]
    clause = re.split(r"[.،؛\n]", before)[-1] if not before.rstrip().endswith("،") else before.rstrip()[:-1]
    # «برئاسة المستشار X، وعضوية المستشارين Y و Z»: back to the comma before «وعضوية» or «برئاسة»
    words = fold(clause).split()
    return bool(set(words[-6:]) & lists.folded("generation/bench_words"))


def _first_mention(ctx: Context, eid: str) -> int:
    return next(i for i, f in enumerate(ctx.facts) if fact_id(f) == eid)


def _news_outlet(name: str) -> bool:
    """True for a news agency, paper or channel, by its head word («وكالة», «صحيفة», «قناة»)."""
    words = fold(name).split()
    return bool(words) and words[0] in lists.folded("generation/media_heads")


def _in_list(ctx: Context, fi: int) -> bool:
    """True when the fact is one of three or more names of its type listed one after another."""
    f = ctx.facts[fi]
    if f.type not in NAME_TYPES or fi not in ctx.sent_of:
        return False
    same = [j for j in ctx.in_sent[ctx.sent_of[fi]] if ctx.facts[j].type == f.type]
    run: list[int] = []
    best: list[int] = []
    for j in same:
        if run:
            gap = ctx.text[ctx.facts[run[-1]].end:ctx.facts[j].start]
            words = [fold(w).strip("،,«»").removeprefix("و") for w in gap.split()]
            words = [w for w in words if w and w not in lists.folded("generation/role_titles")
                     and w not in lists.folded("generation/list_titles")]
            if len(words) <= 1 and re.fullmatch(r"[\s،,»«و]*(?:\S*)?[\s«]*", gap) and \
                    (not words or words[0] in ("و", "")):
                run.append(j)
                continue
        if len(run) > len(best):
            best = run
        run = [j]
    if len(run) > len(best):
        best = run
    return len(best) >= 3 and fi in best


def _affiliation(ctx: Context, fi: int) -> bool:
    """True for a body named once, only to say where a quoted person works («قال كريم الشافعي، كبير
    الاقتصاديين في شركة النيل، إن ...»)."""
    f = ctx.facts[fi]
    if fi not in ctx.sent_of:
        return False
    people = [j for j in ctx.in_sent[ctx.sent_of[fi]] if ctx.facts[j].type == "person" and ctx.facts[j].end <= f.start]
    if not people:
        return False
    between = ctx.text[ctx.facts[people[-1]].end:f.start]
    return "،" in between[:3] and len(between.split()) <= 6 and "،" not in between[3:]


def _employer_of_a_speaker(ctx: Context, fi: int) -> bool:
    """True for a body named in the post of someone who speaks right after it («قال المتحدث باسم جهاز الإسعاف
    والطوارئ، أسامة الفيتوري، إن ...»): where the speaker works, not what the news is about."""
    f = ctx.facts[fi]
    if fi not in ctx.sent_of:
        return False
    for j in ctx.in_sent[ctx.sent_of[fi]]:
        g = ctx.facts[j]
        if g.type == "person" and g.start >= f.end and ctx.text[f.end:g.start].strip() in ("،", ","):
            after = fold(ctx.text[g.end:g.end + 14]).replace("،", " ").split()
            return bool(after) and (after[0] in ("ان", "بان", "انه", "انها") or after[0].startswith(":"))
    return False


def _topic_places(ctx: Context) -> set[str]:
    """Places the whole article is about: named in the title and often, in most sentences, or the city
    of its dateline («الجزائر – «الخبر»» and then «محكمة سيدي امحمد بالجزائر العاصمة»)."""
    out = set()
    n = max(1, len(ctx.sentences))
    dateline = {w for a, b in ctx.datelines for w in tokens(ctx.text[a:b]) if len(w) >= 3}
    for e in ctx.entities.values():
        if e.type != "place":
            continue
        sentences = ctx.sentences_naming(e.id)
        in_title = bool(ctx.title) and any(shows_in(a, ctx.title) for a in e.aliases)
        at_dateline = any(tokens(a)[:1] and tokens(a)[0] in dateline for a in e.aliases)
        if (in_title and e.mentions >= 2) or (len(sentences) >= 3 and len(sentences) >= 0.3 * n) or at_dateline:
            out.add(e.id)
    return out


def _byline(sentence: str) -> bool:
    words = tokens(sentence)
    return len(words) <= 10 and any(w in lists.folded("generation/byline_words") for w in words)


def _trivia(ctx: Context, fi: int, topic_places: set[str]) -> str | None:
    """Why fact ``fi`` is not worth asking, or None: the rules for every fact, then those of its type."""
    f = ctx.facts[fi]
    sent = ctx.sentence_of(fi)
    if _byline(sent.text):
        return "byline"
    if sets_a_scene(sent.text):
        return "scene"  # «يقف عبد الرحمن سيف ... حاملاً أربعة جالونات»: a passer-by's moment, not the news
    if continues_a_quotation(sent.text, f.start - sent.start):
        return "quotation"  # the end of someone's words, whose speaker another sentence names
    if f.type == "percentage" and f.value == 100:
        return "whole"  # «جاهزية كل عنصر بنسبة مئة في المئة»: a way of saying «fully», guessed without reading
    for c in split_clauses(sent.text):
        if c.start <= f.start - sent.start < max(c.end, c.start + 1) and c.role == "attribution":
            return "attribution"
    if f.type in NAME_TYPES:
        return _name_trivia(ctx, fi, topic_places)
    if f.type == "number" and after_a_name(ctx, fi):
        return "in_title"  # «الورقاء 3», «دوري أبطال آسيا 2»: the number is part of the name before it
    if f.type in ("number", "date") and next_step(sent.text, f.start - sent.start):
        return "next_step"  # «على أن يلتقي القادسية في 28 أغسطس», «اجتماعه المقبل يوم 23 يونيو»: what comes after the news
    if f.type == "date" and at_a_ceremony(sent.text):
        return "ceremony"  # «مراسم تسليم الكأس ستقام في 30 أيار»: protocol, not the news
    if f.type in ("number", "date") and in_a_run_of_figures(ctx.text, f.start, f.end):
        return "part"  # «أيام 1 و2 و3 و4 يونيو»: one of a run the others give away
    if f.type in ("number", "percentage") and a_match_statistic(ctx.text, f.start):
        return "statistic"  # «بلغت نسبة استحواذ الفريق 57%»: how the match went, not its result
    if f.type in ("number", "percentage") and after_the_leader(ctx, fi):
        return "runner_up"  # «تلاه قطاع الإقامة بنسبة 8.1%»، «تليها شعبة الرياضة بـ18.9%»: the rest of a ranking
    if f.type == "number":
        return number_trivia(ctx, fi)
    if f.type == "percentage" and one_end_of_a_span(ctx.text, f.start, f.end):
        return "part"  # «ما بين 70 و80 في المئة من المستشفيات»: one end alone is not what was found
    if f.type == "date":
        return date_trivia(ctx, fi)
    return None


def _person_trivia(ctx: Context, f: Fact, e: Entity) -> str | None:
    role = fold(e.role or e.title or "")
    if role and any(role.startswith(fold(r)) or fold(r) in role.split() for r in lists.entries("generation/minor_roles")):
        return "minor_role"
    if e.mentions <= 2 and _only_reported_speech(ctx, e.id) and \
            (not e.role or ctx.sent_of[_first_mention(ctx, e.id)] > LEAD_SENTENCES):
        return "routine_speaker"  # who said it, unless a post holder the story opens on
    if _on_the_bench(ctx, f):
        return "bench"  # «برئاسة المستشار …»: the judges of a ruling, not its news
    if set(fold(ctx.text[max(0, f.start - 30):f.start]).split()[-NAMED_AFTER_REACH:]) & \
            lists.folded("generation/named_after_heads"):
        return "in_title"  # «بلقب دوري ناصر بن حمد», «المجمع الرياضي الأمير مولاي عبد الله»: what is named after them
    if _called_a_minor_role(ctx, f):
        return "minor_role"  # «لجأ الحكم خالد المري ...»: the role stands right before the name
    if well_known(e.role) or well_known(e.title):
        return "well_known"  # «رئيس الجمهورية عبد المجيد تبون»: every student knows who
    return None


NAMED_AFTER_REACH = 3  # words between a venue or a competition and the name it bears («المجمع الرياضي الأمير»)


ADJUNCT_WORDS = 10  # words a fronted place or time may take before the scene's verb («في ساحة الاستقبال ...، جلست»)


def sets_a_scene(sentence: str) -> bool:
    """True for a sentence opening on a verb of posture, or on one right after a fronted place or time: a
    feature's scene («يقف عبد الرحمن سيف منذ ساعات الفجر ...», «في ساحة الاستقبال المؤقتة، جلست آمنة
    إبراهيم ...»), not «وقف إطلاق النار»."""
    opening = [b for a, b in dateline_spans(sentence) if a == 0]
    sentence = sentence[opening[0]:] if opening else sentence  # «تعز - يقف ...»
    pieces = [p.split() for p in re.split(r"[،,]", sentence) if p.split()]
    openings = pieces[:1] + (pieces[1:2] if pieces and len(pieces[0]) <= ADJUNCT_WORDS else [])
    verbs = lists.folded("generation/scene_verbs")
    for words in openings:
        first = fold(words[0])
        nxt = fold(words[1]) if len(words) > 1 else ""
        if (first in verbs or first[:1] in "وف" and first[1:] in verbs) and nxt != "اطلاق":
            return True
    return False


ATTENDANCE_REACH = 8  # words between «بحضور» and a name it lists


def attending(sentence: str, start: int) -> bool:
    """True for a name listed after «بحضور» («جرى الافتتاح بحضور وكيل الوزارة لشؤون الثقافة عماد جاسم
    الخفاجي»، «جلسة عمل بحضور ممثلين عن تفقدية الشغل»): one who attended."""
    words = [w.removeprefix("و") for w in fold(sentence[:start]).split()][-ATTENDANCE_REACH:]
    return "بحضور" in words or "حضور" in words


def at_a_ceremony(sentence: str) -> bool:
    """True when the sentence tells of handing over a trophy or prizes («تسليم الكأس», «الكأس لقائد»)."""
    folded = f" {fold(sentence)}"
    return any(f" {p}" in folded for p in lists.folded("generation/ceremony_phrases")) or \
        bool(_RECEIVES_TROPHY.search(folded))


# «سيتسلم السيب درع الدوري يوم ...», «يرفع الفريق الكأس»: the winner receiving the trophy (folded)
_RECEIVES_TROPHY = re.compile(r" و?س?(?:يتسلم|تتسلم|يرفع|ترفع)(?: \S+){0,2} (?:ال)?(?:درع|كاس)")


def _called_a_minor_role(ctx: Context, f: Fact) -> bool:
    """True when the words right before the name are a minor role («الحكم», «كاتب الجلسة»), which the
    name finder may not have tied to the name."""
    before = fold(ctx.text[max(0, f.start - 25):f.start]).split()
    return any(before[-len(r.split()):] == r.split() for r in lists.folded("generation/minor_roles") if r)


def _body_trivia(e: Entity) -> str | None:
    if _court(e.name):
        return "court"  # «محكمة جنايات القاهرة»: which court is procedure; the ruling is the news
    if e.mentions < MEDIA_MENTIONS and _news_outlet(e.name):
        return "media"  # «في تصريح لوكالة الأنباء القطرية»: where it was said, not the news
    return None


def _name_trivia(ctx: Context, fi: int, topic_places: set[str]) -> str | None:
    f = ctx.facts[fi]
    sent = ctx.sentence_of(fi)
    e = ctx.entities[fact_id(f)]
    if e.id in topic_places:
        return "topic_place"
    if _in_list(ctx, fi) and e.mentions < 2:
        return "list"
    reason = _person_trivia(ctx, f, e) if e.type == "person" else \
        _body_trivia(e) if e.type == "organization" else None
    if reason is not None:
        return reason
    if e.mentions <= 2 and at_a_ceremony(sent.text):
        # «وأشرف على تسليم الكأس ... عبد الحكيم مزيان», «جرت مراسم الاستلام في المستودع المركزي بمنطقة
        # الزهروني»: protocol, not the news
        return "ceremony"
    if e.mentions <= 2 and attending(sent.text, f.start - sent.start):
        return "attendee"  # «جرى الافتتاح بحضور وكيل الوزارة ...»: who came, not what happened
    if _announcer(sent.text, f.start - sent.start, f.end - sent.start, body=e.type == "organization"):
        return "announcer"  # «أعلنت وكالة الفضاء أن ...»: the news is what was announced
    if e.type == "organization" and org_group(e.name) == "ministry" and \
            _after_a_verb(sent.text, f.start - sent.start):
        return "ministry"  # «أطلقت وزارة الصحة حملة للتلقيح»: which ministry acts on its field goes without saying
    if e.type == "organization" and (_affiliation(ctx, fi) or e.mentions == 1 and _employer_of_a_speaker(ctx, fi)):
        return "affiliation"
    if e.type == "organization" and _issued_by(ctx.text, f.start):
        return "source"  # «البيانات الصادرة عن المركز الوطني للإحصاء»: where the figures come from
    if e.type == "place" and _seat_of_a_body(ctx, f):
        return "seat"  # «الهيئة الوطنية للانتخابات في مصر»: where a body sits, part of its name
    if e.type == "place" and tokens(e.name)[:1] in (["شارع"], ["طريق"], ["حي"]) and e.mentions <= 2:
        return "street"  # «في مقر المصرف بشارع الحمرا»: where a press conference was held
    if e.type in ("organization", "place") and e.mentions <= 2 and _a_venue(e.name):
        return "venue"  # «أقيمت في مركز عُمان للمؤتمرات والمعارض»: where it was held, not what happened
    return None


def _seat_of_a_body(ctx: Context, f: Fact) -> bool:
    """True for a place written right after a body's name with «في» («الهيئة الوطنية للانتخابات في مصر»,
    «جامعة بيرزيت في بيروت»): it tells which body, not where the news happened."""
    return any(g.type == "organization" and 0 <= f.start - g.end <= 5 and
               fold(ctx.text[g.end:f.start]).strip() in ("في", "ب") for g in ctx.facts)


def _a_venue(name: str) -> bool:
    """True for the name of a hall, a stadium or an exhibition centre («مركز عُمان للمؤتمرات والمعارض»)."""
    words = tokens(name)
    venues = lists.folded("generation/venue_words")
    return bool(words) and (words[0] in venues or any(w in venues for w in words[1:] if w.startswith("لل")))


def _issued_by(text: str, start: int) -> bool:
    """True when the words right before a body say it issued what the sentence reports («الصادرة عن»,
    «الصادر عن»)."""
    before = fold(text[max(0, start - 20):start]).split()
    return before[-2:] in (["الصادره", "عن"], ["الصادر", "عن"])


def well_known(role: str | None) -> bool:
    """True for the posts every student can name the holder of («رئيس الجمهورية», «الملك»)."""
    if not role:
        return False
    words = fold(role).split()
    posts = lists.folded("generation/well_known_posts")
    return any(" ".join(words[:n]) in posts for n in (1, 2, 3))


def _announcer(sentence: str, start: int, end: int, body: bool = False) -> bool:
    """True for a name right after an announcing verb whose object is a «أن» clause («أعلنت وزارة
    الصحة أن ...», «قال روبيو إن ...»): who spoke is routine; what they said is the news. A ``body``
    announcing anything is routine too («أعلنت الوزارة ارتفاع عدد الإصابات»)."""
    before = fold(sentence[:start]).split()[-1:]
    after = fold(sentence[end:end + 20]).replace("،", " ").split()[:1]
    verbs = lists.folded("generation/announcing_verbs")
    if not before or before[0].lstrip("و") not in verbs:
        return False
    return body or bool(after) and after[0] in ("ان", "انه", "انها", "بان", "بانه")


def weigh(ctx: Context) -> dict[int, Weight]:
    """The weight of every fact that has a sentence, by fact index."""
    topic_places = _topic_places(ctx)
    title_words = content_words(ctx.title) if ctx.title else (
        content_words(ctx.sentences[0].text) if ctx.sentences else set())
    n = max(1, len(ctx.sentences) - 1)
    mentions = Counter(fact_id(f) for f in ctx.facts)
    out: dict[int, Weight] = {}
    for fi, f in enumerate(ctx.facts):
        if fi not in ctx.sent_of:
            continue
        si = ctx.sent_of[fi]
        sent = ctx.sentences[si]
        trivia = _trivia(ctx, fi, topic_places)
        score = 0.35 * (1.0 - si / n) + _TYPE_PRIOR.get(f.type, 0.0)
        if si == 0 or sent.paragraph == 0:
            score += 0.1
        if f.type in NAME_TYPES:
            e = ctx.entities[fact_id(f)]
            score += 0.25 * min(1.0, (e.mentions - 1) / 4)
            if ctx.title and any(shows_in(a, ctx.title) for a in e.aliases):
                score += 0.1
        elif mentions[fact_id(f)] > 1:
            score += 0.05
        if _in_main_clause(sent.text, f.start - sent.start):
            score += 0.05
        if _near_event_verb(sent.text, f.start - sent.start, f.end - sent.start):
            score += 0.1
        if title_words:
            shared = len(title_words & content_words(sent.text)) / len(title_words)
            score += 0.15 * min(1.0, 2 * shared)
        if in_quote(sent.text, f.start - sent.start):
            score -= 0.2  # «ولا تزال 13 دورة»: a figure in someone's words is their view more than the news
        out[fi] = Weight(round(max(0.0, min(1.0, score)), 3), trivia)
    return out


def fact_weight(weights: dict[int, Weight], facts: list[Fact], fid: str) -> float:
    """The largest weight of any mention of fact ``fid`` that is not trivia (0 when all are)."""
    best = 0.0
    for i, f in enumerate(facts):
        w = weights.get(i)
        if w is not None and w.trivia is None and fact_id(f) == fid:
            best = max(best, w.score)
    return best
