"""Short statements of the article, true as written or made false with another fact of the same type.

True/false questions and «which statement is true» questions are built from the clause that carries
a fact (``Stems.clause``): short enough to read at a glance, standing on its own. A false statement
swaps the fact for a wrong option of the same type (a name of the same class, a near date, a number a
reader can tell apart), so it stays grammatical and plausible.
"""

from __future__ import annotations

import re

from questions import lists
from questions.answers import number_values
from questions.arithmetic import follows
from questions.clauses import lost
from questions.arabic import glued_conjunction
from questions.completeness import (drops_a_conjunct, half_a_pair, leans_back, only_reacts, opens_as_fragment, reports_speech,
                                    says_nothing_after_that, says_something, stops_before_its_predicate)
from questions.context import Context
from questions.realize import is_verb, words_of
from questions.normalize import fold
from questions.options import bound_before, content_words, shows_in, token_key
from questions.stems import Stems
from questions.realize.words import present_verb

MAX_STATEMENT_WORDS = 26
_NUMBER = re.compile(r"[\d٠-٩]+(?:[.,،٫٬ر][\d٠-٩]+)*[%٪]?")
MIN_STATEMENT_WORDS = 5
_DECIMAL_COMMA = re.compile(r"[\d٠-٩],[\d٠-٩]{1,2}(?![\d٠-٩])")  # «135,6», never «1,400»


def _lead(claim: str) -> int:
    """How many characters open ``claim`` without belonging in a statement: punctuation, a glued و or ف
    («وأدت الأمطار» -> «أدت الأمطار»), and a linking «كما», «ثم», «لكن» or «حيث» («حيث بلغت نسبة النجاح ...»
    -> «بلغت نسبة النجاح ...»)."""
    at = len(claim) - len(claim.lstrip(" ،,."))
    at += attribution_lead(claim[at:])
    words = claim[at:].split(maxsplit=1)
    linking = ("كما", "ثم", "وكما", "حيث", "وحيث", "فإن", "فان", "لكن", "ولكن")
    if len(words) == 2 and fold(words[0]) in linking and \
            not (fold(words[0]) in ("فان", "لكن", "ولكن") and fold(words[1].split()[0]).endswith("ين")):
        # «فإن عدد الأجهزة بلغ ...» -> «عدد الأجهزة بلغ ...», but «فإن المتهمين ...» keeps the «إن» its
        # accusative needs (and «لكن ناشرين اشتكوا» its «لكن»)
        at = claim.index(words[1], at)
    elif words and glued_conjunction(words[0]) and not (fold(words[0]) == "فقد" and len(words) == 2 and lost(words[1])):
        at += 1  # but «فقد قطاع الفلاحة 52 ألف منصب» is the verb «فقد» (lost), not «فـ» and «قد»
    return at


ATTRIBUTION_LEAD_WORDS = 8  # words of a leading «بحسب ...» before the comma that ends it


def attribution_lead(claim: str) -> int:
    """How many characters of ``claim`` say whose figures they are before saying anything: «بحسب
    البيانات، تصدرت مواد البناء ...», «بحسب تقرير صادر عن دائرة المدفوعات في البنك، فإن عدد ...», or
    «بحسب البيانات تلاهم ...» with the verb right after; a statement «بحسب المقال» needs none of it."""
    words = claim.split()
    openers = lists.folded("generation/attribution_openers")
    if not words or fold(words[0]) not in openers and fold(words[0]).removeprefix("و") not in openers:
        return 0
    comma = re.search(r"[،,]", claim)
    if comma is not None and len(claim[:comma.start()].split()) <= ATTRIBUTION_LEAD_WORDS:
        return comma.end() + len(claim[comma.end():]) - len(claim[comma.end():].lstrip())
    if len(words) > 2 and (is_verb(words_of(words[2])[0]) or present_verb(words_of(words[2])[0])):
        return claim.index(words[2], len(words[0]) + len(words[1]))
    return 0


def true_statement(st: Stems) -> str | None:
    """The fact's clause as a statement, or None when it is too long, too short or leans on what came
    before it («هذا التحالف», a pronoun for a subject)."""
    if st.claim is None:
        return None
    text = st.claim[0][_lead(st.claim[0]):].rstrip(" ،,.")
    if not says_something(text):
        return None  # «قال البروفيسور … بالجامعة»: who spoke, not what was said
    last = fold(text.split()[-1]) if text.split() else ""
    if last in lists.folded("generation/dangling_prepositions") or last in lists.folded("generation/name_cannot_end"):
        return None  # «... واحداً من أكبر معارض الكتب في العالم من»: cut off mid-phrase
    if not MIN_STATEMENT_WORDS <= len(text.split()) <= MAX_STATEMENT_WORDS:
        return None
    if text.count("«") != text.count("»") or text.count("(") != text.count(")"):
        return None
    if fold(text.split()[1] if len(text.split()) > 1 else "") in lists.folded("generation/demonstratives") or \
            fold(text.split()[0]) in lists.folded("generation/demonstratives"):
        return None
    if not re.search(r"[\d٠-٩]", text) and \
            not any(is_verb(w) or present_verb(w) or (w.bare[:1] in "يت" and len(w.bare) >= 4) for w in words_of(text)):
        return None  # «الخبيرة الاقتصادية ريما عوّاد، أستاذة الاقتصاد»: a name and a title, nothing said of them
    if half_a_pair(text, st.source.text) or drops_a_conjunct(text, st.source.text):
        return None  # «عبر معبري أرقين»: the dual names two crossings, the statement one
    if only_reacts(text):
        return None  # «رحب رئيس فرع الاتحادية ... بالقرار»: a routine reaction, not the news
    if inside_a_quotation(st.source.text, text):
        return None  # «معتبرة أن موكلها "طبّق الإجراءات، وأن لجان الفرز هي التي تتحمل المسؤولية"»: a claim
    if stops_before_its_predicate(text, st.answer if st.fact.type in ("person", "place", "organization") else "") or \
            says_nothing_after_that(text):
        return None  # «كان أبو عمر الجندلي، البالغ من العمر 58 عاماً»: what he was doing went with the cut
    if opens_as_fragment(text) or leans_back(text):
        # «أضاف: "..."», «ألزمت المتهمين ...», «بحسب وزارة الصحة»: it leans on the sentence before, or only
        # says who reported it
        return None
    return text


def inside_a_quotation(sentence: str, text: str) -> bool:
    """True when ``text`` is read from inside a quotation of ``sentence``: someone's words, which a statement
    without their speaker would give as the article's own."""
    at = sentence.find(" ".join(text.split()[:3]))
    if at < 0:
        return False
    before = sentence[:at]
    return before.count("«") > before.count("»") or before.count('"') % 2 == 1 or before.count("“") > before.count("”")


def quotes_someone(text: str) -> bool:
    """True when ``text`` is someone's words as they said them: a saying verb, then a quotation."""
    words = text.split()
    verbs = lists.folded("generation/saying_verbs") | lists.folded("generation/announcing_verbs")
    first = fold(words[0]).strip(":،,") if words else ""
    opens_on_saying = first in verbs or (first[:1] in "وف" and first[1:] in verbs) or reports_speech(first)
    return opens_on_saying and any(mark in text for mark in ("«", '"', ":"))


def false_statement(ctx: Context, st: Stems, wrong: str) -> str | None:
    """The fact's clause with the fact replaced by ``wrong``; None when the swap cannot be written."""
    true = true_statement(st)
    if true is None or st.claim is None:
        return None
    full, a, b = st.claim
    lead = _lead(full)
    a, b = a - lead, b - lead
    if not 0 <= a < b <= len(true):
        return None
    rep = wrong
    if st.view is not None:
        # The wrong number in the article's own wording: «17 بالمئة» -> «15 بالمئة», «2.400 عون» -> «2.700 عون».
        surface = true[a:b]
        m = _NUMBER.search(surface)
        figure = _NUMBER.search(wrong)
        if m is None or figure is None:
            return None
        sign = m.group(0)[-1] if m.group(0)[-1] in "%٪" else ""
        written = re.sub(r"[%٪]", "", figure.group(0))
        if _DECIMAL_COMMA.search(m.group(0)):
            written = written.replace(".", ",")  # «135,6»: the changed figure written as the article writes it
        rep = surface[:m.start()] + written + sign + surface[m.end():]
    before = true[:a]
    if ctx.entity_of(st.fact) is not None:
        if re.search(r"(?:^|\s)ل$", before) and rep.startswith("ال"):
            rep = "ل" + rep[2:]  # ل + الولايات -> للولايات
        elif before.endswith("ل") and rep.startswith("ال") and not before.endswith("ال"):
            rep = rep[1:]
    if shows_in(wrong, true) or st.view is None and _named_already(wrong, true[:a] + " " + true[b:]):
        return None  # the swapped-in name is already in the statement: it would name it twice
    if st.fact.type == "organization" and not same_gender(st.answer, wrong):
        return None  # «يجري لجنة ...»: the verb agreed with the body taken out
    if ctx.entity_of(st.fact) is not None and not _ends_cleanly(true[b:]):
        return None  # «منظمة أطباء بلا | حدود»: the name may run on past what was found
    if st.view is not None:
        rest = true[:a] + " " + true[b:]
        swapped = number_values(rep)[:1]
        if swapped and swapped[0] in {v for m3 in _NUMBER.finditer(rest) for v in number_values(m3.group(0))[:1]}:
            return None  # «رفع النسبة من 30 إلى 30 في المائة»: the swapped-in figure is one the statement gives
        bound = re.match(r"\s*من أصل\s+([\d٠-٩]+)", true[b:])
        m2 = _NUMBER.search(rep)
        if bound and m2 and (number_values(m2.group(0)) or [0])[0] >= (number_values(bound.group(1)) or [0])[0]:
            return None  # «19 ولاية من أصل 18»: false at a glance
    said = st.source.text[:st.source.start]
    if said.count("«") > said.count("»") or said.count('"') % 2:
        return None  # a changed figure inside someone's own words misquotes them
    if st.view is not None and follows(true[a:b], st.fact.type == "percentage", [true[:a] + " " + true[b:]]):
        return None  # «180 من 450، أي 30%»: the statement's other figures refute any changed one
    out = before + rep + true[b:]
    if shows_in(st.source.text[st.source.start:st.source.end], out) and \
            token_key(st.answer) != token_key(wrong):
        return None  # the true fact still stands elsewhere in the statement
    if fold(out) == fold(true):
        return None
    return out


def _named_already(name: str, rest: str) -> bool:
    """True when most of a name's words stand in the rest of the statement («بالتنسيق مع وزارة الصحة»
    beside «وزارة الصحة الجزائرية»): swapped in, it would name one body twice."""
    words = content_words(name)
    return len(words) >= 2 and len(words & content_words(rest)) * 2 >= len(words)


def _ends_cleanly(rest: str) -> bool:
    """True when what follows a name starts on punctuation, a preposition, «أن», a verb or nothing."""
    rest = rest.lstrip()
    if not rest or rest[0] in "،,.؛:»)«(":
        return True
    first = fold(rest.split()[0]).strip("،,.")
    return first in lists.folded("generation/name_followers") or is_verb(words_of(first)[0])


def swap_reads_well(st: Stems) -> bool:
    """True when the fact can be swapped for another of its type and the false statement still tests
    something: numbers and percentages can, unless the article gives only a bound («أكثر من 15 ساعة»:
    «أكثر من 13 ساعة» is true too). Names cannot: another person's name after «الرئيس» is a giveaway and
    changes the verb's gender, and a place or a body swapped in reads as nonsense a student rules out at a
    glance («دول حوض الشرق الأوسط», an airline building a dam); nor can dates (a day or a year moved by one
    is a detail, not the news)."""
    return st.fact.type in ("number", "percentage") and not a_bound(st.source.text, st.source.start)


BOUND_VERB_REACH = 8  # words of a subject that may stand between a bounding verb and its figure


def a_bound(sentence: str, start: int) -> bool:
    """True when the figure at ``start`` is written as a bound («أكثر من 15 ساعة», «لا يقل عن 90%»), also
    past the subject of a bounding verb («لا تتجاوز نسبة اشتراكات الإنترنت الثابت 6 في المئة»)."""
    if bound_before(sentence[:start]) is not None:
        return True
    clause = re.split(r"[،,؛]", sentence[:start])[-1].split()[-BOUND_VERB_REACH - 2:]
    bounds = lists.folded("generation/ceiling_words") | lists.folded("generation/floor_words")
    verbs = {b for b in bounds if any(v in b for v in ("تجاوز", "يقل", "تقل", "يزيد", "تزيد", "يتخطي", "تتخطي"))}
    folded = [fold(w).removeprefix("و") for w in clause]
    return any(" ".join(folded[i:i + n]) in verbs for n in (1, 2) for i in range(len(folded) - n + 1))


def same_gender(a: str, b: str) -> bool:
    """True when two bodies' names open on words of the same gender («لجنة» and «هيئة», not «لجنة» and
    «صندوق»), so that a verb agreeing with one agrees with the other."""
    fa, fb = fold(a).split()[:1], fold(b).split()[:1]
    return bool(fa and fb) and fa[0].endswith("ه") == fb[0].endswith("ه")
