"""Causes and purposes the article states: «أُلغيت الرحلات بسبب سوء الأحوال الجوية», «زار الوزير باريس
بهدف تعزيز التعاون».

``find_reasons`` reads, in every clause, what happened (the clause up to the connective, opening with a
verb) and why (the phrase after the connective). ``topic_phrases`` lists the phrases the article
builds on verbal nouns («تعزيز العلاقات الثنائية»، «ارتفاع الأسعار»): wrong but plausible reasons for
a «لماذا» question, taken from other sentences.
"""

from __future__ import annotations

from dataclasses import dataclass

from questions import lists
from questions.arabic import glued_conjunction
from questions.clauses import split_clauses, tidy
from questions.completeness import a_form_of, leans_back, owner_missing, reports_speech, subject_missing
from questions.context import Context
from questions.normalize import fold, strip_diacritics
from questions.numberwords import WORD_VALUES
from questions.realize import Word, date_removal, drop_conj, is_verb, verbish, words_of

MIN_EFFECT_WORDS = 3
MAX_EFFECT_WORDS = 16
MIN_REASON_WORDS = 2
MAX_REASON_WORDS = 10
SHORT_REASON_WORDS = 6  # a longer reason is cut at its first preposition, so no option stands out by length
_LEAD_PARTICLES = frozenset(("و", "ف", "قد", "وقد", "ثم", "كما"))
_CUT_BEFORE = frozenset(("في", "علي", "من", "الي", "عن", "مع", "خلال", "داخل", "لدي", "عبر", "منذ", "ضمن"))
_STANDING = ("main", "contrast")  # clauses that stand alone
_SCHEDULED = frozenset(("المقرر", "المقرره", "المزمع", "المزمعه", "المنتظر", "المنتظره"))
_VERB_PARTICLES = frozenset(("لم", "لن", "لا", "قد", "ما", "ان", "سوف", "لما"))
_OTHERS = frozenset(("اخرون", "اخرين", "اخري", "الاخرون", "الاخرين", "الاخري"))
_ENDS = ("،", ".", "؛", ":", "»", "(")


@dataclass(frozen=True)
class Reason:
    """What happened, the connective, and why, in one sentence of the article."""

    sentence: int
    effect: str  # «أُلغيت الرحلات»
    connective: str  # «بسبب»
    reason: str  # «سوء الأحوال الجوية»

    @property
    def purpose(self) -> bool:
        """True for what something was done for («بهدف تعزيز التعاون»), False for what caused it."""
        return " ".join(fold(w) for w in self.connective.split()) in lists.folded("generation/purpose_connectives")


def _opens_with_verb(w: Word) -> bool:
    """True when a main clause opens on ``w`` as on a verb: news clauses open on their verb unless they
    open on a definite noun, a name or a particle."""
    if is_verb(w):
        return True
    bare = w.bare[1:] if w.bare[:1] in "وف" and len(w.bare) > 3 else w.bare
    return len(bare) >= 3 and not bare.startswith("ال") and bare not in lists.folded("generation/clause_particles") and \
        not any(ch.isdigit() for ch in bare) and not w.text.startswith("«")


def _connective_at(words: list[Word], i: int) -> int:
    """How many words the cause or purpose connective at word ``i`` takes (0 when there is none)."""
    listed = lists.folded("generation/cause_connectives") | lists.folded("generation/purpose_connectives")
    for n in (4, 3, 2, 1):
        if i + n <= len(words) and " ".join(w.bare for w in words[i:i + n]) in listed:
            return n
    return 0


def _phrase(words: list[Word], start: int, limit: int) -> list[Word]:
    out: list[Word] = []
    for w in words[start:]:
        out.append(w)
        if w.text.endswith(_ENDS) or len(out) >= limit:
            break
    return out


def _clean(text: str) -> str:
    return text.strip(" ،,.؛:«»()")


def _inside_name(ctx: Context, si: int, pos: int) -> bool:
    sent = ctx.sentences[si]
    return any(ctx.facts[fi].start - sent.start <= pos < ctx.facts[fi].end - sent.start
               for fi in ctx.in_sent.get(si, ()))


def find_reasons(ctx: Context) -> list[Reason]:
    """Every cause or purpose the article states after a verb-initial clause, at most one a sentence: the
    connective inside the clause («أُلغيت الرحلات بسبب سوء الأحوال الجوية») or opening the clause after it
    («تراجعت الصادرات البترولية بنسبة 6.1%، نتيجة انخفاض أسعار النفط»)."""
    out = []
    for si, sent in enumerate(ctx.sentences):
        found = _reason_in(ctx, si)
        if found is not None:
            out.append(found)
    return out


def _reason_in(ctx: Context, si: int) -> Reason | None:
    sent = ctx.sentences[si]
    if ctx.title and fold(sent.text.strip(" .")) == fold(ctx.title.strip(" .")):
        return None  # «سبعة قتلى جراء سيول جارفة»: a headline tells no clause a question can quote
    words = words_of(sent.text)
    clauses = split_clauses(sent.text)
    for k, c in enumerate(clauses):
        whole = [w for w in words if c.start <= w.start < c.end]  # the last word keeps its «،»
        lead = 1 if whole and whole[0].bare == "وذلك" else 0
        n = _connective_at(whole, lead) if whole else 0
        found = None
        if k > 0 and n and clauses[k - 1].role in _STANDING:
            before = clauses[k - 1]
            head = [w for w in words if before.body <= w.start < before.end]
            found = _reason_from(ctx, si, head, whole, lead, n)
        elif c.role in _STANDING:
            # «فيما نمت الأنشطة النفطية بنسبة 3.2% إثر ...»: a clause set against the one before stands alone
            cw = [w for w in words if c.body <= w.start < c.end]
            at = next((i for i in range(1, len(cw)) if _connective_at(cw, i)), None)
            if at is not None:
                found = _reason_from(ctx, si, cw[:at], cw, at, _connective_at(cw, at))
        # «قبل أن تمتد النيران بفعل الرياح»: a leaning clause's event needs the clause before it
        if found is not None:
            return found
    return None


def _reason_from(ctx: Context, si: int, head: list[Word], clause: list[Word], i: int, n: int) -> Reason | None:
    """The reason stated by the connective at ``clause[i:i + n]`` for the event ``head`` tells, if both read
    as a question and its answer."""
    if _inside_name(ctx, si, clause[i].start):
        return None  # «الجمعية اللبنانية من أجل ديمقراطية الانتخابات»: part of a name
    effect = _effect(_without_asides(ctx, si, head))
    reason = _reason(clause[i + n:])
    if effect is None or reason is None or not MIN_EFFECT_WORDS <= len(effect) <= MAX_EFFECT_WORDS:
        return None
    return Reason(si, _clean(" ".join(effect)), " ".join(w.text for w in clause[i:i + n]),
                  _clean(" ".join(w.text for w in reason)))


def _without_asides(ctx: Context, si: int, head: list[Word]) -> list[Word]:
    """The words of ``head`` without the wire dateline, the dates and the asides a question does without:
    «عمّان - أطلقت وزارة الصحة، يوم الأحد 8 مارس 2026، حملة وطنية» -> «أطلقت وزارة الصحة حملة وطنية»."""
    if not head:
        return head
    sent = ctx.sentences[si]
    start, end = max(head[0].start, ctx.after_dateline(si)), head[-1].end
    dates = [cut for fi in ctx.in_sent.get(si, ()) if ctx.facts[fi].type == "date" and
             (cut := date_removal(sent.text, ctx.facts[fi].start - sent.start, ctx.facts[fi].end - sent.start))]
    return words_of(tidy(sent.text, start, end, (end, end), dates).text)


def _describing(head: list[Word]) -> int:
    """Where a clause describing the verb's object opens («أطلقت الوزارة حملة وطنية تستهدف ...» -> at
    «تستهدف»), or the length of ``head`` when none does."""
    for j in range(MIN_EFFECT_WORDS, len(head)):
        if is_verb(head[j]) or _imperfect_of_news_verb(head[j]):
            # «حملة مماثلة لم تسجل سوى ...»: a particle leading the verb leaves nothing whole before it
            return 0 if head[j - 1].bare in _VERB_PARTICLES else j
    return len(head)


def _imperfect_of_news_verb(w: Word) -> bool:
    """«تستهدف»، «يستمر»، «تنقل»: the imperfect of a news verb («استهدف»، «استمر»، «نقل»)."""
    bare = drop_conj(w)
    if len(bare) < 4 or bare[0] not in "يت":
        return False
    if bare[1:3] == "ست" and len(bare) >= 5:
        return True  # «تستهدف»، «يستفيد»: the tenth form has no noun of this shape
    verbs = lists.folded("generation/news_verbs")
    return bare[1:] in verbs or "ا" + bare[1:] in verbs


def _effect(head: list[Word]) -> list[str] | None:
    """What happened, as a «لماذا» question can ask it: the clause before the connective from its verb
    («وكانت المساحات قد تراجعت» -> «تراجعت المساحات»), cut before its first figure («تراجعت الصادرات
    بنسبة 6.1%» -> «تراجعت الصادرات») and before a clause describing its object; None when the clause
    does not open on a verb, reports or announces someone's words, or holds a relative clause (the reason
    may be the relative clause's: «أعادت السيول إلى الأذهان كارثة درنة التي وقعت إثر ...»)."""
    k = 0
    while k < len(head) and head[k].bare in _LEAD_PARTICLES:
        k += 1
    whole = head[k:]
    if any(w.bare in lists.folded("generation/relative_pronouns") or w.bare in _SCHEDULED for w in whole):
        return None  # «كأس السوبر المقرر إقامتها ...»: the reason may be the describing clause's
    whole = whole[:_describing(whole)]
    head = _before_figure(whole)
    if len(head) < len(whole) and head and (not _definite_noun(head[-1]) or _reaches(head)):
        # «أعلنت الوزارة تخصيص 40 مليون», «بالتوقيع على 13 مذكرة», «سجلت صافي إيرادات النفط 8.1 مليار»:
        # what the words before the figure say is the figure
        return None
    if not head or any(w.text.endswith(_ENDS) for w in head[:-1]):
        return None
    if any(w.bare in ("ان", "بان", "انه", "بانه", "انها", "بانها", "انهم") or "«" in w.text or '"' in w.text for w in head):
        return None  # «قال ... إن ...»: the reason belongs to the reported clause, not to the saying
    if any(w.bare in _OTHERS for w in head) or head[-1].bare in lists.folded("generation/dangling_prepositions"):
        return None  # «توفي ثلاثة آخرون»: others than whom? «... للمرحلة الثانية قبل»: before when?
    texts = [w.text for w in head]
    if glued_conjunction(texts[0]):
        texts[0] = texts[0][1:]
    if fold(texts[0]) == "اما":
        return None  # «أما الإيرادات غير النفطية فارتفعت»: the topic fronted, no clause opening on its verb
    if fold(texts[0]) in ("كان", "كانت"):
        qad = next((j for j in range(2, len(head) - 1) if head[j].bare == "قد"), None)
        if qad is None:
            return None
        texts = [texts[qad + 1], *texts[1:qad], *texts[qad + 2:]]
    first = words_of(texts[0])[0]
    if not _opens_with_verb(first) or reports_speech(first.bare) or first.bare in lists.folded("generation/masdar_starts"):
        return None  # «أشار إلى انقطاع التيار بسبب ...»: the cause of what was said, not of the saying
    if _frames_another(first.bare) or first.bare in WORD_VALUES:
        return None  # «أعلنت الوزارة ارتفاع الوفيات جراء ...», «يأتي القرار إثر ...», «سبعة قتلى جراء ...»
    if first.bare.endswith(("ه", "ات")) or verbish(first) and not is_verb(first):
        # «قيمة بعض الفواتير تضاعفت»: a noun, not a verb, opens it; «اتفقا على ...»: a dual or plural verb
        # opening a clause has its subject before it
        return None
    if subject_missing(" ".join(texts)) or _leans_back(texts):
        return None  # «دعا إلى توفير مآوٍ مؤقتة», «تأخر افتتاحه»: who or what went with the sentence before
    if fold(texts[-1]) in lists.folded("generation/masdar_starts") or \
            fold(texts[-1]) in lists.folded("generation/needs_complement"):
        return None  # «تعمل الوزارة على تطهير»: what is cleared went with the figure cut off
    return texts


def _leans_back(texts: list[str]) -> bool:
    """True when the clause points back to what the article named before: its subject owned by someone
    it does not name («تأخر افتتاحه»), or a word such as «ذلك» or «نفسه» («لقي سبعة أشخاص مصرعهم» names
    the owners before the owned word)."""
    whole = " ".join(texts)
    return len(texts) > 1 and owner_missing(texts[1]) or leans_back(whole) and not owner_missing(whole)


def _reaches(head: list[Word]) -> bool:
    """True when the clause's verb is one of reaching or keeping to a figure («بلغت»، «سجلت»، «اقتصر»)."""
    verb = next((w for w in head if w.bare not in _LEAD_PARTICLES), None)
    return verb is not None and (drop_conj(verb) in lists.folded("generation/reach_verbs") or
                                 a_form_of(drop_conj(verb), lists.folded("generation/bounding_verbs")))


def _frames_another(bare: str) -> bool:
    """True for a verb whose clause frames another event, which the reason is given for: an announcement
    («أعلنت الوزارة ارتفاع الوفيات جراء تفشي الكوليرا») or a coming («يأتي القرار إثر ...»)."""
    return a_form_of(bare, lists.folded("generation/framing_verbs"))


def _before_figure(words: list[Word]) -> list[Word]:
    """``words`` up to their first figure, without the words that lead to it («بنسبة»، «في»، «تقدر بنحو»)."""
    cut = next((i for i, w in enumerate(words) if any(ch.isdigit() for ch in w.text)), len(words))
    out = list(words[:cut])
    if cut < len(words):
        while out and out[-1].bare in lists.folded("generation/figure_leads"):
            out.pop()
    return out


def _reason(words: list[Word]) -> list[Word] | None:
    """The reason after a connective, as an option can quote it: up to the end of its clause, before a
    relative clause or a figure, and cut at a preposition when long («انخفاض متوسط أسعار النفط في الأسواق
    العالمية» -> «انخفاض متوسط أسعار النفط»). None when it is longer than an option can hold or does not
    open as causes and purposes do («بهدف ركلة ركنية»: a goal, not a purpose)."""
    out: list[Word] = []
    for w in words:
        if w.bare in lists.folded("generation/relative_pronouns") or w.text.startswith("«") or out and is_verb(w):
            break  # «ضمن تحالف «أوبك+»: a quotation would be cut inside; «زلزال بلغت شدته»: a clause
        out.append(w)
        if w.text.endswith(_ENDS):
            break
    out = _before_figure(out)
    if len(out) > SHORT_REASON_WORDS:
        # at a preposition once the reason names what it is about («انتشار الفيروس»): «ارتفاع ملحوظ في عدد
        # الإصابات المسجلة منذ مطلع العام» -> «ارتفاع ملحوظ في عدد الإصابات المسجلة», never «ارتفاع ملحوظ»
        # or «الزيادة التدريجية» (a noun and its adjective)
        at = next((j for j in range(MIN_REASON_WORDS, len(out)) if out[j].bare in _CUT_BEFORE and
                   any(_definite_noun(w) for w in out[1:j]) and (j > 2 or not _definite_noun(out[0]))), None)
        out = out[:at] if at is not None else out
    while out and out[-1].bare in lists.folded("generation/needs_complement"):
        out.pop()  # «المدعوم البالغ»: «البالغ» needs the figure cut off
    if not MIN_REASON_WORDS <= len(out) <= MAX_REASON_WORDS or not _names_a_cause(out[0]):
        return None
    return out


def _names_a_cause(w: Word) -> bool:
    """True when a reason opens as causes and purposes do: on a verbal noun («تعزيز»، «ارتفاع»، «انحباس»)
    or a definite noun («الأمطار»)."""
    bare = w.bare
    for p in ("ل", "ب", "و"):
        if bare.startswith(p) and bare[len(p):] in lists.folded("generation/masdar_starts"):
            return True
    return bare in lists.folded("generation/masdar_starts") or _definite_noun(w) or _masdar_shaped(w)


def _masdar_shaped(w: Word) -> bool:
    """A verbal noun by its shape, as causes open: «انحباس», «احتواء», «استمرار» (a derived form), «تقادم»,
    «تزامن» (a form of mutual action) or «دخول», «هطول»; never a word with a pronoun («فوزه») or a
    figure."""
    bare = w.bare
    if any(ch.isdigit() for ch in bare) or w.text.endswith(("ه", "ها", "هم")) and len(bare) > 5:
        return False
    derived = len(bare) >= 5 and (bare.startswith(("ان", "است")) or bare[0] == "ا" and bare[2] == "ت")
    mutual = len(bare) == 5 and bare[0] == "ت" and bare[2] == "ا"
    return derived or mutual or len(bare) == 4 and bare[2] == "و"


def _definite_noun(w: Word) -> bool:
    """A definite noun («الأسعار»), not a word that only starts like one («إلى», «التي»)."""
    return w.bare.startswith("ال") and w.bare not in lists.folded("generation/not_nouns") and len(w.bare) > 3


def opening_nouns(r: Reason) -> str:
    """The list of verbal nouns a wrong reason for ``r`` opens on: aims for a purpose, events and states
    for a cause («بهدف ارتفاع الأسعار» or «بسبب تعزيز التعاون» would give itself away)."""
    return "generation/aim_nouns" if r.purpose else "generation/cause_nouns"


def opens_on(phrase: str, nouns: str) -> bool:
    """True when ``phrase`` opens on one of the verbal nouns of list ``nouns`` («ارتفاع الأسعار»)."""
    first = fold(phrase.split()[0]) if phrase.split() else ""
    listed = lists.folded(nouns)
    return first in listed or (first[:1] in "لبو" and first[1:] in listed)


def topic_phrases(ctx: Context, avoid: set[int], nouns: str = "generation/masdar_starts") -> list[str]:
    """Phrases of two to five words opening on a verbal noun of list ``nouns`` («تعزيز العلاقات
    الثنائية»), from the sentences not in ``avoid``."""
    starts = lists.folded(nouns)
    out: list[str] = []
    for si, sent in enumerate(ctx.sentences):
        if si in avoid:
            continue
        words = words_of(sent.text)
        for i, w in enumerate(words):
            bare = w.bare
            for p in ("ل", "ب", "و"):
                if bare.startswith(p) and bare[len(p):] in starts:
                    bare = bare[len(p):]
            if bare not in starts or i + 1 >= len(words) or not _definite_noun(words[i + 1]):
                continue
            # the word as written («إعادة», never its folded «اعاده»), without the proclitic read off it
            plain = strip_diacritics(w.text.strip("«»،,")).replace("ـ", "")
            phrase = [plain[len(plain) - len(bare):]]
            for nxt in words[i + 1:i + 5]:
                if not _definite_noun(nxt) and len(phrase) > 1:
                    break
                phrase.append(nxt.text.strip("«»،,.؛"))
                if nxt.text.endswith(_ENDS):
                    break
            while phrase and fold(phrase[-1]) in lists.folded("generation/needs_complement"):
                phrase.pop()  # «تحقيق المعدل المستهدف البالغ»: «البالغ» needs what follows it
            if 2 <= len(phrase) <= 5:
                out.append(" ".join(phrase))
    return out
