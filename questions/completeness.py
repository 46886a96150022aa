"""Whether a clause says something: a statement or a stem cut from a sentence must still hold what the
sentence reported, not stop at who spoke («قال البروفيسور … بالجامعة») or at the start of what was said
(«أشار البنك إلى أن عجز الميزانية»).
"""

from __future__ import annotations

import re
from functools import lru_cache

from questions import lists
from questions.arabic import glued_conjunction
from questions.model import BLANK
from questions.numberwords import SCALES
from questions.normalize import fold, strip_diacritics, tokens
from questions.realize import Word, drop_conj, is_verb, looks_like_verb, words_of
from questions.realize.words import explicit_subject
from questions.realize.words import present_verb

# What follows «أن»/«إن» must be a whole clause: a subject and what is said of it.
MIN_WORDS_AFTER_THAT = 3
# The subject after «أن» before an aside about it: at most this many words («أن الجلسة، التي …»).
SUBJECT_WORDS = 3
# Words after which a reporting verb has what it reports: «أن», «إن», «عن», a quote, a colon.
_CONTENT_OPENERS = ("ان", "بان", "انه", "انها", "عن", "الي")


def _saying(bare: str) -> bool:
    verbs = lists.folded("generation/saying_verbs")
    return bare in verbs or (bare.endswith("ت") and bare[:-1] in verbs)


def _whole_clause(words: list[Word]) -> bool:
    """True when the words after «أن» hold a subject and what is said of it: three words or more, or two
    of which the second is no definite noun («الزيارة تاريخية», not «عجز الميزانية»)."""
    if _only_a_count(words):
        return False  # «بأن نحو _____ أسرة»: how many families, and nothing said of them
    if len(words) >= MIN_WORDS_AFTER_THAT:
        return True
    return len(words) == 2 and not words[1].bare.startswith("ال") and not _of_a_pronoun(words[1].bare)


_ABOUT_WORDS = frozenset(("نحو", "قرابه", "حوالي", "زهاء", "اكثر", "اقل", "من", "ما", "يقارب", "يزيد", "على", "عن"))


def _only_a_count(words: list[Word]) -> bool:
    """True for a figure (or the blank) with at most its counted noun, led only by words of about («نحو»,
    «أكثر من»), a scale word between: a quantity with no verb or predicate after it."""
    rest = list(words)
    while rest and rest[0].bare in _ABOUT_WORDS:
        rest = rest[1:]
    if not rest or not (BLANK in rest[0].text or any(ch.isdigit() for ch in rest[0].text)):
        return False
    return len(rest) <= 2 or len(rest) == 3 and rest[1].bare in SCALES


def _of_a_pronoun(bare: str) -> bool:
    """«منها»، «فيهم»، «عليه»: a preposition with a pronoun, which says nothing of the subject before it."""
    return bare.startswith(("من", "في", "عل", "ل", "ب", "عن", "ال")) and bare.endswith(("ها", "هم", "ه", "هما", "هن")) and \
        len(bare) <= 6


def _aside_left_open(words: list[Word]) -> bool:
    """True when what follows «أن» is a subject and an aside about it that runs to the end («أن
    الجلسة، التي عُقدت برئاسة …», «أن هامش الربح الصافي للناقلة، البالغ نحو _____»): what was said of the
    subject came after the aside."""
    relatives = lists.folded("generation/relative_pronouns")
    prepositions = lists.folded("generation/realize_prepositions")
    for k in range(1, min(len(words), ASIDE_SUBJECT_WORDS + 1)):
        w = words[k - 1].bare
        construct_head = k == 1 and words[k].bare.startswith("ال")  # «هامش الربح الصافي للناقلة»
        if not (w.startswith(("ال", "بال", "لل", "وال")) or w in prepositions or construct_head):
            return False  # «أن الوزارة وزعت المساعدات على الأسر، التي ...»: not a noun phrase alone
        opens_aside = words[k].bare in relatives or words[k].bare in ("البالغ", "البالغه")
        if opens_aside and words[k - 1].text.endswith("،"):
            return not any(w.text.endswith("،") for w in words[k:])
    return False


ASIDE_SUBJECT_WORDS = 5  # «أن المخزون الحالي في البحيرة، التي تبلغ سعتها ...»: a subject this long before its aside


def says_something(text: str) -> bool:
    """False when ``text`` stops before saying what its sentence reported: a reporting or showing verb
    with nothing reported, «أن»/«إن» with too little after it, or a relative clause left without the
    clause it belongs to."""
    words = words_of(text.strip(" ،,.؟"))
    if not words:
        return False
    particles = lists.folded("generation/predicate_particles")
    last_that = max((i for i, w in enumerate(words) if w.bare in particles and (i or w.bare != "كما")), default=-1)
    if last_that >= 0 and not _whole_clause(words[last_that + 1:]):
        return False
    if last_that >= 0 and _aside_left_open(words[last_that + 1:]):
        return False
    if _saying(drop_conj(words[0])) and not any(w.bare in _CONTENT_OPENERS or w.bare in particles
                                                   for w in words[1:]) \
            and "«" not in text and ":" not in text:
        return False
    relatives = lists.folded("generation/relative_pronouns")
    if len(words) >= 2 and words[-2].bare in relatives or words[-1].bare in relatives:
        return False
    if _only_its_relative_clause(words):
        return False
    return not only_an_adjunct(words)


RELATIVE_HEAD_WORDS = 4  # words of the noun phrase before a relative clause standing as a whole stem


def _only_its_relative_clause(words: list[Word]) -> bool:
    """True for a noun phrase followed only by its relative clause set off by a comma, with no verb of its
    own: «لجان التحكيم، التي ضمت _____ محكماً من 19 جنسية» lost what the juries did."""
    relatives = lists.folded("generation/relative_pronouns")
    at = next((i for i, w in enumerate(words) if i and w.bare in relatives and words[i - 1].text.endswith("،")), -1)
    if at < 0:
        return False
    head = words[:at]
    if len(head) > RELATIVE_HEAD_WORDS or drop_conj(head[0])[:1] in ("ي", "ت") or looks_like_verb(head[0].text) or \
            drop_conj(head[0]) in lists.folded("generation/lead_prepositions") or \
            any(is_verb(w) or present_verb(w) or w.bare in lists.folded("generation/predicate_particles") for w in head):
        return False  # «في الجلسة، التي ...» frames a clause; «أقر المجلس، الذي ...» has its verb
    if any(drop_conj(w)[:1] in ("ي", "ت") and len(drop_conj(w)) >= 4 or is_verb(w) for w in words[at + 2:]):
        return False  # «التضخم الأساسي، الذي يستثني ... يُتوقع أن يبلغ»: a second verb says it
    return not any(w.text.endswith("،") for w in words[at:-1])  # a comma closing the clause: what follows may say it


ADJUNCT_WORDS = 10  # a stretch this short opening on a preposition, with no verb, is a leading phrase alone


def only_an_adjunct(words: list[Word]) -> bool:
    """True for a short stretch opening on a preposition with no verb in it: «بعد أكثر من خمس سنوات من
    العتمة» is what framed the sentence's news, cut from the news itself."""
    return len(words) <= ADJUNCT_WORDS and drop_conj(words[0]) in lists.folded("generation/lead_prepositions") \
        and not any(is_verb(w) or present_verb(w) or w.bare in lists.folded("generation/predicate_particles")
                    for w in words)


def predicate_missing(text: str, start: int, end: int) -> bool:
    """True when ``text`` opens on a linking verb whose subject is the fact at ``start``-``end`` and
    nothing follows it: «يعد الصندوق الكويتي للتنمية» lost what the fund is said to be."""
    words = words_of(text)
    if len(words) < 2:
        return False
    copulas = lists.folded("generation/copulas")
    first = drop_conj(words[0])
    n = 2 if len(words) > 2 and f"{first} {words[1].bare}" in copulas else 1
    if n == 1 and first not in copulas:
        return False
    return words[n].start >= start and not text[end:].strip(" ،,.؟!")


def speaker_missing(text: str) -> bool:
    """True when ``text`` opens on a saying verb whose speaker is not written: a colon, a quotation or
    «إن»/«أن» right after it."""
    words = text.split()
    if len(words) < 2:
        return False
    nxt = words[1]
    return reports_speech(fold(words[0]).strip(":،,")) and \
        (words[0].endswith(":") or nxt[:1] in "«\":" or fold(nxt) in ("ان", "انه", "انها", "بان", "بانه", "بانها"))


def opens_as_fragment(text: str) -> bool:
    """True when ``text`` opens where no sentence does: on a saying verb whose speaker went with the
    sentence before («أضاف: ...»), on a verb whose subject did («برّأت أربعة متهمين»), or on a word that
    leans on a clause it lost («ذلك بأغلبية 32 نائبا», «بسبب انخفاض سعر النفط إلى ...», «بعد أن استقبلت
    ...»), on a noun owned by someone it does not name («متطوعيه وزعوا ...», «كم هدفاً سجل لاعبوه؟»), or on
    a noun in the accusative («تقريراً أممياً صدر ...»)."""
    words = text.replace("«", " ").replace("(", " ").split()
    if not words:
        return False
    openers = lists.folded("generation/fragment_openers")
    first = fold(words[0]).strip("،,:")
    two = f"{first} {fold(words[1]).strip('،,:')}" if len(words) > 1 else ""
    return speaker_missing(text) or first in openers or two in openers or _only_attribution(words) or \
        subject_missing(text) or _opens_on_a_quotation(text) or owner_missing(text) or _nothing_said(text) or \
        opens_in_the_accusative(text) or _opens_on_a_result(words) or _speaks_as_we(words)


def _speaks_as_we(words: list[str]) -> bool:
    """True for words opening on a denied first-person verb («لم نحصل حتى الآن إلا على ...»، «لن نعلن موعد
    ...»): someone's quoted words, whose speaker went with what came before."""
    if len(words) < 2 or fold(words[0]).removeprefix("و") not in ("لم", "لن"):
        return False  # «لا» and «ما» come before nouns too («ما نسبة ...؟»)
    verb = fold(words[1]).strip("،,:")
    return verb.startswith("ن") and len(verb) >= 4


def _opens_on_a_result(words: list[str]) -> bool:
    """True for a clause of result or consequence cut from its cause: «لتبلغ 28.7 مليار ريال ...»، «ما رفع
    نسبة البحرينيين ...» (what rose went with the clause before)."""
    first = fold(words[0]).strip("،,:") if words else ""
    if first[:2] in ("لت", "لي") and len(first) >= 4 and not first.startswith(("ليل", "ليبي", "ليون")):
        return True
    second = fold(words[1]).strip("،,:") if len(words) > 1 else ""
    return first == "ما" and bool(second) and second not in ("زال", "زالت", "يزال", "تزال", "برح") and \
        (second.endswith("ت") or len(second) in (3, 4)) and not second.startswith("ال")


def opens_in_the_accusative(text: str) -> bool:
    """True when ``text`` opens on a noun in the accusative, which no sentence does: one with «ً» («تقريراً
    أممياً صدر ...», «سكاناً في حي الربوة اشتكوا ...», left of «غير أن»), or a participle in «ين» («موزعين
    على ...»)."""
    words = text.split()
    first = words[0] if words else ""
    bare = fold(first).strip("«»،,")
    second = fold(words[1]).strip("«»،,") if len(words) > 1 else ""
    # «زورقين تابعين ...»: a dual or plural in «ين» with its adjective agreeing, left of «أن»
    agreeing = bare.endswith("ين") and second.endswith("ين") and len(second) >= 5 and not second.startswith("ال")
    # «المهنيين يحذرون ...»: a plural of «ـي» in «يين» (no place's name ends so); «الجانبين يتطلعان ...»: a
    # definite dual before its verb
    dual = bare.startswith("ال") and bare.endswith("ين") and second[:1] in ("ي", "ت") and \
        second.endswith(("ان", "ون")) and bare in lists.folded("generation/dual_parties")
    # «فاعلين في القطاع يحذرون ...»: a plural in «ين» whose verb follows in «ون», left of «غير أن»
    before_its_verb = bare.endswith("ين") and len(bare) >= 5 and not bare.startswith("ال") and any(
        fold(w).startswith(("ي", "ت")) and fold(w).strip("،,").endswith("ون") for w in words[1:5])
    return "ً" in first or (bare.startswith("م") and bare.endswith("ين") and len(bare) >= 5) or agreeing or \
        bare.endswith("يين") and len(bare) >= 6 or dual or before_its_verb


_SAYING = frozenset(("قال", "اضاف", "صرح"))  # verbs that must go on to what was said
_STATING = frozenset(("اكد", "اوضح", "اعتبر", "شدد", "اشار"))  # ... or state it, as a clause or an object


def _nothing_said(text: str) -> bool:
    """True for a clause opening on a saying verb with nothing said after it («قال محمود عبد الغفار، المحامي عن
    _____ من المجني عليهم.»): what was said went with the cut."""
    words = text.split()
    if words and a_form_of(fold(words[0]).strip("،,:"), _STATING):
        # «أكد الحارثي، في كلمته خلال الجلسة الختامية»: only who stated it and where
        last = re.split(r"[،,]", text.strip(" .؟"))[-1].split()
        return "،" in text and bool(last) and fold(last[0]) in ("في", "خلال", "عبر", "امام") and \
            not any(fold(w).strip("«»،,:\"") in ("ان", "انه", "انها", "بان") for w in words)
    if not words or not a_form_of(fold(words[0]).strip("،,:"), _SAYING):
        return False
    return not any(fold(w).strip("«»،,:\"") in ("ان", "انه", "انها", "بان") or ":" in w or "«" in w or '"' in w
                   for w in words[1:])


QUOTE_WORDS = 4  # a quotation this long opening a stem is someone's words whose speaker was cut away


def _opens_on_a_quotation(text: str) -> bool:
    """«"هذه الأرقام ستنعكس مباشرة على الصيف المقبل"، مؤكداً أن ...»: who said it went with the sentence."""
    text = text.lstrip()
    if text[:1] not in "«\"":
        return False
    close = "»" if text[0] == "«" else '"'
    end = text.find(close, 1)
    return len((text[1:end] if end > 0 else text[1:]).split()) >= QUOTE_WORDS


def _only_attribution(words: list[str]) -> bool:
    """«بحسب مديرة دائرة المياه، ربى النابلسي»: who says it, and nothing said."""
    first = fold(words[0]).strip("،,")
    first = first[1:] if first[:1] == "و" and first[1:] in lists.folded("generation/attribution_openers") else first
    if first not in lists.folded("generation/attribution_openers"):
        return False
    parts = " ".join(words).split("،")
    return all(len(p.split()) <= 3 for p in parts[1:])


def opens_what_was_said(after: str) -> bool:
    """True when the words after a name open what the name said: a colon, a quotation, «إن» or «أن»
    (after a comma closing a title: «المهندس طارق عبد الرحيم، أن ...»)."""
    after = after.lstrip().lstrip("،,").lstrip()
    return after[:1] in ":«\"" or fold(after.split()[0] if after.split() else "") in ("ان", "بان")


SPEAKER_REACH = 8  # words between a saying verb and its speaker's name (a title stands between)
SAID_REACH = 5  # words between a speaker's name and what was said (where it was said stands between)


def speaks_here(text: str, start: int, end: int) -> bool:
    """True when the name at [start, end) of ``text`` is who says what follows it («قال _____: «...»»,
    «أقرّ مدرب الدحيل _____ بأن ...») or who reacts to the news («رحب _____ بالحكم»): a question blanking
    it asks who said something, not the news."""
    before = text[:start].split(".")[-1].split()[-SPEAKER_REACH:]
    reacting = lists.folded("generation/reaction_verbs")
    if any(fold(w).strip("«»،,:").removeprefix("و") in reacting for w in before[-3:]):
        return True  # «رحب _____، رئيس فرع الجمعية، بالحكم», «أعرب الحاج _____ عن ارتياحه»: a reaction
    said = [i for i, w in enumerate(before) if reports_speech(fold(w).strip("«»،,:"))]
    between = before[said[-1] + 1:] if said else []
    quoted = " ".join(between).count("«") > " ".join(between).count("»")
    if not said or quoted or any(fold(w).strip("«»،,:") in ("ان", "بان") for w in between):
        return False  # no saying verb, or the name is inside what was said («قال الوزير إن _____ سيتولى»)
    after = text[end:].split()
    # «قال وزير الصحة _____ في مؤتمر صحفي بالقاهرة إن ...»: where he said it may stand before what he said
    return any(opens_what_was_said(" ".join(after[k:])) for k in range(min(len(after), SAID_REACH + 1)))


def reports_speech(bare: str) -> bool:
    """True for a folded verb that reports speech («قال»، «وأضافت»، «أوضح»): a saying or reporting verb,
    feminine or with a glued «و»/«ف»."""
    return a_form_of(bare, lists.folded("generation/saying_verbs") | lists.folded("generation/reporting_verbs"))


def a_form_of(bare: str, verbs: frozenset[str]) -> bool:
    """True when the folded word is one of ``verbs``, feminine or with a glued «و»/«ف»."""
    for b in (bare, bare[1:] if bare[:1] in "وف" else ""):
        if b and (b in verbs or b.endswith("ت") and b[:-1] in verbs):
            return True
    return False


_BY_HOW_MUCH = frozenset(("بنسبه", "بمقدار", "بنحو", "بحوالي", "بقيمه"))


def _tafil_shaped(bare: str) -> bool:
    """A verbal noun of the shape تفعيل: «توزيع», «تنفيذ», «تعميق»."""
    return len(bare) == 5 and bare[0] == "ت" and bare[3] == "ي"


def _dual_verb(w: Word) -> bool:
    """True for a past verb of two («شددا»، «اتفقا»، «أكدا»): a verb and the dual's «ا»."""
    bare = drop_conj(w)
    return len(bare) >= 4 and bare.endswith("ا") and is_verb(words_of(bare[:-1])[0])


def subject_missing(text: str) -> bool:
    """True when ``text`` opens on a verb whose subject went with the clause before it: the next word is a
    definite noun the verb does not agree with as its subject («ألزمت المتهمين بدفع ...»), a preposition
    or a word it opens («قضت بالسجن»), «كان قد» («كان قد خضع عام 2024 لعملية تحديث») or «كانت» on an
    elative («كانت الأدنى»). A count after the verb may be its passive subject
    («أُحيل 180 ملفاً»), and a word that may open a name is given the benefit of the doubt."""
    words = words_of(text.strip(" ،,.؟"))
    if len(words) < 2:
        return False
    first, second = words[0], words[1]
    if second.bare in ("اليوم", "امس") and len(words) > 2 and is_verb(first):
        # «انطلق اليوم العام الدراسي ...»: the day the news is told stands between the verb and its subject
        words = [first, *words[2:]]
        second = words[1]
        if second.bare.startswith("ال"):
            return False  # a definite noun after the day is who or what did it («العام الدراسي»)
    if drop_conj(first) in ("كان", "كانت") and (second.bare == "قد" or second.bare in lists.folded("generation/elatives")):
        return True  # «كانت الأدنى في دائرة بيروت الأولى»: the lowest of what?
    if _holds_without_holder(first, second, words[2] if len(words) > 2 else None):
        return True
    if drop_conj(first) in ("لا", "ما") and second.bare in ("يزال", "تزال", "زال", "زالت") and len(words) > 2 and \
            words[2].bare[:1] in "يت" and len(words[2].bare) >= 4:
        return True  # «لا يزال يحرق نحو 17 مليار متر مكعب»: who still burns it? («لا يزال العراق يحرق»)
    if second.bare in _BY_HOW_MUCH and drop_conj(first)[:1] in "يت" and len(drop_conj(first)) >= 4:
        return True  # «يسهم بنحو _____ عائدات الصادرات»: what contributes?
    if _dual_verb(first) and (second.bare in lists.folded("generation/realize_prepositions") or
                              second.bare in ("ان", "بان")):
        return True  # «شددا على أهمية حرية الملاحة»: who are the two?
    if not is_verb(first) and drop_conj(first) not in lists.folded("generation/copulas"):
        return False
    if second.bare[:1] == "ب" and len(second.bare) >= 4 and is_verb(first) and \
            (_tafil_shaped(second.bare[1:]) or second.bare[1:] in lists.folded("generation/masdar_starts")):
        return True  # «قضت بوضع متهم ثانٍ بالأشغال المؤقتة»: the court went with the clause before
    if second.bare in lists.folded("generation/realize_prepositions") and _figure_as_subject(words[2:]):
        return False  # «شارك في الأعمال نحو _____ حرفياً»: the count after the verb's complement is who took part
    if second.bare in lists.folded("generation/realize_prepositions") or \
            second.bare in ("قد", "ان", "انه", "انها", "بان", "دون"):
        return True  # «بقيت دون توقعات الهيئة»: what stayed below them?
    if second.bare.startswith(("بال", "لل", "كال")) and len(second.bare) > 4:
        return True  # «قضت بالسجن المشدد ...»: the court went with the clause before
    if second.bare in _BY_HOW_MUCH and (is_verb(first) or first.bare.endswith("ت")):
        return True  # «ارتفعت بنسبة _____ لتصل إلى 412 مليار درهم»: what rose?
    return second.bare.startswith("ال") and not explicit_subject(words, 1, [], first)


def _figure_as_subject(words: list[Word]) -> bool:
    """True when a definite noun (what a preposition after the verb leads to) is followed by a figure, a blank
    or a word of approximation: «في الأعمال نحو 60 حرفياً» (the figure is the verb's subject), unlike «مع
    نحو 9.6 مليون مسافر» (the figure is what the preposition leads to)."""
    if len(words) < 2 or not words[0].bare.startswith("ال"):
        return False
    nxt = words[1]
    return nxt.bare in lists.folded("generation/realize_approximations") or bool(re.match(r"[\d٠-٩_]", nxt.text))


def _holds_without_holder(first: Word, second: Word, third: Word | None = None) -> bool:
    """True for a verb of holding or amounting with what is held or amounted to right after it, and no
    subject between: «تتضمن توفير 7200 موقف» (what includes it?), «يبلغ نحو 19.3 مليار دينار» (what
    amounts to it?). A noun made definite by the one after it is the holder: «يتضمن برنامج الدورة الحالية
    أربع أمسيات»."""
    verb = drop_conj(first)
    if verb in lists.folded("generation/holding_verbs"):
        construct = third is not None and third.bare.startswith("ال") and \
            not _tafil_shaped(second.bare) and second.bare not in lists.folded("generation/masdar_starts")
        return not second.bare.startswith("ال") and not second.text.startswith("«") and not construct
    if verb in lists.folded("generation/amounting_verbs") or (verb[:1] in "يت" and len(verb) >= 4):
        # «يبلغ نحو ...», «تغطي نحو 60 في المئة»: a present verb straight on its figure
        return second.bare in lists.folded("generation/realize_approximations") or \
            bool(re.match(r"[\d٠-٩]", second.text)) or second.text.startswith("_")  # «بلغت _____ ملليمتراً»
    return False


def ends_unfinished(text: str) -> bool:
    """True when ``text`` stops on a word that needs what follows it: a preposition or a participle left
    without its complement («... متجاوزة الرقم السابق والمسجل.»)."""
    words = text.strip(" ،,.؟").split()
    if not words:
        return False
    last = fold(words[-1]).strip("«»()،,.؟")
    last = last[1:] if last[:1] == "و" and len(last) > 3 else last
    return last in lists.folded("generation/needs_complement") or last in lists.folded("generation/stem_cannot_end") \
        or _copula_alone(text) or _stops_at_attribution(text) or _rate_without_figure(text)


def asks_inside_a_frame(prompt: str) -> bool:
    """True for a wh-question that kept a subjectless reporting frame inside it: «كم موظفاً أضافت أن عدد
    العاملين يبلغ؟» asks what the speaker added, not the figure."""
    words = [fold(w) for w in prompt.split()]
    verbs = lists.folded("generation/announcing_verbs") | lists.folded("generation/reporting_verbs")
    return bool(words) and words[0] in ("كم", "ما", "متي") and any(
        a_form_of(w, verbs) and nxt in ("ان", "بان", "الي") for w, nxt in zip(words[1:], words[2:]))


RATE_CLAUSE_WORDS = 5  # «، بنسبة تعمين», «، مع توقع نسبة نمو اقتصادي»: a rate named at the end, its figure cut


def _rate_without_figure(text: str) -> bool:
    """True when the last clause names a rate with no figure and no blank: its figure went with a cut."""
    clause = re.split(r"[،,؛]", text.strip(" .؟"))[-1]
    words = [fold(w).removeprefix("و") for w in clause.split()]
    return 0 < len(words) <= RATE_CLAUSE_WORDS and any(w in ("نسبه", "بنسبه", "معدل", "بمعدل") for w in words) and \
        not re.search(r"[\d٠-٩]", clause) and BLANK not in clause


COPULA_ALONE_WORDS = 4  # «، ويعد مشروع الجزيرة»: a copula and its subject with nothing said of it


def _copula_alone(text: str) -> bool:
    """True when the last clause is a copula and its subject only («...، ويعد مشروع الجزيرة»)."""
    clause = re.split(r"[،,؛]", text.strip(" .؟"))[-1].split()
    if not clause or len(clause) > COPULA_ALONE_WORDS:
        return False
    first = fold(clause[0])
    first = first[1:] if first[:1] == "و" and len(first) > 3 else first
    return first in lists.folded("generation/copulas")


SUBJECT_ALONE_WORDS = 4  # a verb's subject written in this many words or fewer, with nothing said of it
_DESCRIBING_OPENERS = ("وهو", "وهي", "وهم", "وهما")


def _describing_participle(word: str) -> bool:
    """«المدرجة» in «تعد قلعة بعلبك، المدرجة على قائمة التراث ...»: a definite participle opening an aside
    that describes the subject before it."""
    return word.startswith("الم") and len(word) >= 6


def stops_before_its_predicate(text: str, name: str = "") -> bool:
    """True when ``text``, past the asides describing its subject at its end (a clause opened by «الذي»
    or «وهو», «البالغ من العمر ...», the subject's own name set off by commas, ``name``), is a linking,
    saying or reacting verb and its subject alone: «كان أبو عمر الجندلي، البالغ من العمر 58 عاماً»,
    «يعد تلسكوب القطامية، الذي يبلغ قطر مرآته 1.88 متر», «في قضاء القرنة، قال حسين جبار», «انتقد
    الأمين العام المساعد للاتحاد، سامي العياري»: what they were said to be, said or criticised was cut."""
    pieces = re.split(r"[،,]", text.strip(" .؟"))
    segments = [seg.split() for seg in pieces if seg.split()]
    named = False
    while len(segments) > 1:
        first = fold(segments[-1][0]).strip("«»()")
        if name and fold(" ".join(segments[-1])) == fold(name):
            named = True  # «...، سامي العياري»: the title before the name is the subject
        elif not (first in lists.folded("generation/relative_pronouns") or first in _DESCRIBING_OPENERS or
                  first in lists.folded("generation/needs_complement") or _describing_participle(first)):
            break
        segments.pop()
    clause = [fold(w).strip("«»()") for w in segments[-1]]
    verb = clause[0][1:] if clause[0][:1] in "وف" and len(clause[0]) > 3 else clause[0]
    linking = verb in lists.folded("generation/copulas")
    # «بين» explains, or stands between: «...، بين ناشرين مباشرين وغير مباشرين»
    saying = _saying(verb) and verb not in lists.folded("generation/realize_prepositions")
    if named:
        return linking or saying or verb in lists.folded("generation/reaction_verbs")
    said = any(w in lists.folded("generation/predicate_particles") for w in clause) or \
        any(c in segments[-1][-1] for c in "«:\"")
    described = len(segments) < len(pieces)
    if described and len(segments) == 1 and len(clause) <= SUBJECT_ALONE_WORDS and \
            not any(is_verb(w) or w.bare[:1] in "يت" and len(w.bare) >= 4 for w in words_of(" ".join(segments[0]))):
        return True  # «فمعتز عثمان، وهو مهندس شاب عمل سائق توصيل»: a name and what describes it, nothing said
    figure = any(re.search(r"[\d٠-٩]", w) for w in clause)
    return (linking and described and not figure or saying) and not said and len(clause) - 1 <= SUBJECT_ALONE_WORDS


def says_nothing_after_that(text: str) -> bool:
    """True when what follows the last «أن» / «إن» of ``text`` is a subject and what describes it, set off
    by a comma, with no verb and no figure: «أعلن الوزير أن مشروع "السلحفاة الكبرى" للغاز المسال، المشترك
    مع السنغال» stops before what the project did."""
    words = words_of(text)
    particles = lists.folded("generation/predicate_particles") - {"كما"}
    last = max((i for i, w in enumerate(words) if w.bare in particles), default=-1)
    if last < 0:
        return False
    rest = words[last + 1:]
    if not rest:
        return True
    if any(is_verb(w) or present_verb(w) or re.search(r"[\d٠-٩]", w.text) for w in rest):
        return False
    return any(w.text.endswith(("،", ",")) for w in rest[:-1])


# «شهري يوليو وأغسطس», «بين سيئون وتريم», no comma between
_PAIRED = re.compile(r"(?<!\S)(\S{3,}(?:ي|تا)|بين)\s+([^\s،,.؛:]+)\s+و\S")
DUAL_FEMININE_LETTERS = 5  # «ولايتي», «مديريتي»: a feminine noun's dual before what it owns, at least this long


def _dual_construct(word: str) -> bool:
    """True for a noun in the dual before what it owns: «ولايتي», «بمنطقتي», «شهري», «لشهري»."""
    bare = fold(word)
    if bare == "بين":
        return True  # «الطريق الرابط بين سيئون»: between what and what?
    for w in (bare, bare[1:] if bare[:1] in "وفبل" else bare):
        if w.startswith("ال"):
            return False  # «التي», «الدولي»: a relative or an adjective
        if w.endswith(("تي", "تا")) and len(w) >= DUAL_FEMININE_LETTERS or w in lists.folded("generation/dual_constructs"):
            return True  # «ولايتي تندوف», «تلتها ولايتا تندوف»
    return False


def half_a_pair(text: str, sentence: str) -> bool:
    """True when ``text`` names one of two items its sentence gives after a dual or «بين» («خلال شهري
    يوليو» for «خلال شهري يوليو وأغسطس», «عبر معبري أرقين» for «عبر معبري أرقين وأشكيت», «الطريق الرابط
    بين سيئون» for «بين سيئون وتريم»): the dual counts two and the text names one."""
    for m in _PAIRED.finditer(sentence):
        if not _dual_construct(m.group(1)):
            continue
        piece = re.escape(f"{m.group(1)} {m.group(2).rstrip('،,.')}")
        for found in re.finditer(rf"(?<!\S){piece}(?![^\s،,.؟])", text):
            if not text[found.end():].lstrip().startswith("و"):
                return True
    return _one_of_all(text)


_EACH_OF = re.compile(r"(?:^|\s)(?:كل|كلا|كلاً|كلًا)\s+من\s")


def _one_of_all(text: str) -> bool:
    """True when «كلّ من» («both/each of») opens a list ``text`` keeps one item of: «تضمنت تعيين كل من الدكتور
    خالد محمد الصالح وكيلا مساعدا» names the first of several appointments."""
    m = _EACH_OF.search(text)
    return m is not None and not any(glued_conjunction(w) == "و" for w in text[m.end():].split()[1:])


_WHOLE = re.compile(r"(?:[%٪]|(?:بال|في ال)(?:مائه|مئه))\s+من\s+(\S+)")
SELF_TOLD_REACH = 6  # words before a share in which «نسبة» makes it a rate of its own
_CONTRAST = re.compile(r"(?:^|[\s،,])(?:فيما|في حين|بينما)\s")
_RATE_WORDS = frozenset(("بنسبه", "نسبته", "نسبتها", "بنحو", "الي", "من", "بمعدل", "قدرها", "قدره", "بلغت", "بلغ",
                         "زياده", "بزياده", "بارتفاع", "بانخفاض", "بتراجع", "بنمو", "كانت", "كان", "بين"))


def lost_whole(stem: str, sentence: str, start: int, end: int) -> bool:
    """True when ``sentence`` gives its shares of a whole once («استحوذت الدول العربية على 36% من إجمالي
    الصادرات، ... فيما لم تتجاوز حصة الدول الأفريقية غير العربية 7%», «أن 68% من العائدين جاؤوا من
    ولايات أخرى، فيما عاد 32% من خارج البلاد») and ``stem``, cut from the clause set against it, asks the
    share at ``start``-``end`` naming no whole: a share of what? A rate of change («بنسبة 5%», «إلى 8%») is no
    share."""
    before = fold(sentence[:start])
    contrast = list(_CONTRAST.finditer(before))
    if not contrast or not any(m.start() < contrast[-1].start() for m in _WHOLE.finditer(before)):
        return False
    led = before.split()[-1:]
    if led and led[0].removeprefix("و") in _RATE_WORDS:
        return False
    if fold(sentence[end:]).split()[:1] == ["من"]:
        return False  # «62% من المصابين»: the share names its own whole
    if {"نسبه", "النسبه", "معدل", "بالنسبه"} & {w.removeprefix("و") for w in before.split()[-SELF_TOLD_REACH:]}:
        return False  # «لم تتجاوز نسبة تنفيذ الإنفاق الرأسمالي 62%»: a rate that says what it measures
    asked = set(tokens(stem))
    return not any(set(tokens(m.group(1))) & asked for m in _WHOLE.finditer(before))


def only_reacts(text: str) -> bool:
    """True when ``text``, past a fronted place or time, opens on a verb of reacting to the news («في
    نواذيبو، رحب رئيس فرع الاتحادية الوطنية للصيد التقليدي بالقرار»): a routine reaction, not the news."""
    pieces = [p.split() for p in re.split(r"[،,]", text) if p.split()]
    verbs = lists.folded("generation/reaction_verbs")
    for words in pieces[:3]:
        first = fold(words[0])
        if first in verbs or first[:1] in "وف" and first[1:] in verbs:
            return True
        if is_verb(words_of(words[0])[0]) or first[:1] in "يت" and len(first) >= 4:
            return False  # another verb tells the news first
    return False


CONJUNCT_TAIL_WORDS = 4  # the words that find where a text stops in its sentence
_CONJUNCT_SKIP = frozenset(("وسط", "وفق", "وذلك", "وهو", "وهي", "وهم", "وفي", "وقد", "ولا", "وما", "وان", "واذ", "واحد",
                            "واحده", "وحده", "وحدها", "وحدهم"))


def drops_a_conjunct(text: str, sentence: str) -> bool:
    """True when ``text`` stops where its sentence goes on with «و» and a word joined to the last one
    («من خمسة انتصارات» for «من خمسة انتصارات وتعادلين», «مبنى سكنياً» for «مبنى سكنياً وحكومياً»,
    «بين أجور متخلدة» for «بين أجور متخلدة ومنح»): what it says is half of what the article says. A
    new clause («وتراجعت الواردات»), a definite noun of one («والواردات 3%») or a figure is no conjunct."""
    body = text.rstrip(" .؟?!،,")
    if BLANK in body:
        body = body.split(BLANK)[-1]
    tail = body.split()[-CONJUNCT_TAIL_WORDS:]
    if len(tail) < 2:
        return False
    found = list(re.finditer(re.escape(" ".join(tail)) + r"(\s+(\S+))?", sentence))
    if not found or found[-1].group(2) is None:
        return False
    after = found[-1].group(2).strip("،,.؛:»«()\"")
    nxt = fold(after[1:])
    # «وتعادلين», «وحكومياً», «ومنازله»; and any next item of a list the text already joins with «و»
    # («في دوعن وشبام» for «في دوعن وشبام وتريم»)
    noun = nxt.endswith(("ين", "ان", "ات", "ه", "ا")) or glued_conjunction(tail[-1]) == "و"
    if glued_conjunction(after) != "و" or fold(after) in _CONJUNCT_SKIP or nxt.startswith("ال") or \
            re.match(r"[\d٠-٩]", nxt) or is_verb(words_of(after)[0]) or nxt[:1] in "يت" and len(nxt) >= 4 and not noun:
        return False
    return True


def _stops_at_attribution(text: str) -> bool:
    """True for a statement whose last clause only says whose figures they are, after a clause too short to
    say anything («يسجل لبنان، وفق تقديرات الوكالة الدولية لأبحاث السرطان»): what was said was cut."""
    if BLANK in text:
        return False
    pieces = [p.split() for p in re.split(r"[،,]", text.strip(" .؟")) if p.strip()]
    if len(pieces) < 2 or len(pieces[-2]) > 3:
        return False
    opening = " ".join(fold(w) for w in pieces[-1][:2])
    openers = lists.folded("generation/attribution_openers") | {"وفق", "حسب"}
    return fold(pieces[-1][0]) in openers or opening in openers


OWNER_REACH = 5  # a pronoun this early in a stem, with no noun before it, stands for something outside it


def _owned_by_someone_before(word: str) -> bool:
    """True for a noun carrying a possessive pronoun («لاعبوه»، «شباكه»، «زميلها»): not a definite noun,
    not a preposition with its pronoun («منه»، «عليها»), not a word whose ه is its own («المياه»، «وجه»)."""
    w = strip_diacritics(word).strip("«»()،,.:؟\"")
    if w.startswith(("ال", "وال", "بال", "لل")) or len(w) < 4 or fold(w) in lists.folded("generation/own_final_ha"):
        return False
    stem = next((w[:-len(s)] for s in ("هما", "هم", "ها", "ه") if w.endswith(s)), None)
    if stem is None:
        return False
    bare = stem[1:] if stem[:1] in "وف" and len(stem) > 3 else stem
    return len(bare) >= 3 and fold(bare) not in lists.folded("generation/pronoun_hosts")


def owner_missing(text: str) -> bool:
    """True when ``text`` opens on a noun owned by someone it does not name («كم هدفاً سجل لاعبوه؟»، «لم
    تهتز شباكه سوى 17 مرة»، «توّج زميله رودريغو»): the owner went with the sentence before."""
    for w in text.split()[:OWNER_REACH]:
        if _owned_by_someone_before(w):
            return True
        if strip_diacritics(w).startswith(("ال", "وال", "«")) or "»" in w or _a_listed_place(w):
            return False  # «أعلن النادي أن مدربه ...», «كان «ترامب» أعلن دعمه», «رفعت قطر توقعاتها»: its owner
    return False


def _a_listed_place(word: str) -> bool:
    w = fold(word).strip("«»()،,.:؟\"")
    return w in lists.folded("countries") or w in lists.folded("cities")


def _verbal_noun_of_what_went_before(text: str) -> bool:
    """True when a verbal noun carries «ـه» with no masculine noun before it in ``text`` for the pronoun to
    stand for («تسعى الحكومة إلى رفعه إلى _____ طن»: raise what?); «فقد المشروع منذ انطلاقه» names it."""
    words = [strip_diacritics(w).strip("«»()،,.:؟\"") for w in text.split()]
    nouns = lists.folded("generation/masdar_starts")
    for i, w in enumerate(words):
        f = fold(w)
        stem = f[:-1] if f.endswith("ه") and not f.endswith(("ته", "اه")) else ""
        stem = stem[1:] if stem[:1] in "لب" and stem[1:] in nouns else stem
        # the verb's subject («تأخر افتتاحه») or what a preposition leads to («إلى رفعه»); after a name
        # («أعلن «ترامب» دعمه») the pronoun has its owner
        placed = i == 1 or i > 0 and fold(words[i - 1]) in ("الي", "علي", "في", "من", "عن")
        if stem in nouns and placed and not any(_masculine_definite(x) for x in words[:i]):
            return True
    return False


def _ranked_subject(text: str) -> bool:
    """True when the clause's subject is a place in a ranking with nothing it ranks («حقق الأول أرباحا»،
    «سجل الثاني _____»): the first or the second of what went before."""
    words = [fold(w).strip("«»،,") for w in text.split()[:2]]
    return len(words) == 2 and words[1] in ("الاول", "الثاني", "الثالث", "الاخير", "الاولي", "الثانيه")


def _masculine_definite(word: str) -> bool:
    f = fold(word)
    f = f[1:] if f[:1] in "وفبل" and f[1:3] == "ال" else f
    return f.startswith("ال") and len(f) > 3 and not f.endswith(("ه", "ات"))


@lru_cache(maxsize=16384)
def leans_back(prompt: str) -> bool:
    """True when a stem points back to something the article named before («في السنة ذاتها»،
    «لهذا الغرض»), or opens on a noun owned by someone it does not name («كم هدفاً سجل لاعبوه؟»،
    «لم تهتز شباكه سوى 17 مرة»)."""
    if owner_missing(prompt) or _verbal_noun_of_what_went_before(prompt) or _ranked_subject(prompt):
        return True
    last = fold(prompt.strip(" ؟?.")).split()[-1:] if prompt.strip(" ؟?.") else []
    if prompt.rstrip().endswith(("؟", "?")) and last and last[0] in _PRONOUN_ENDINGS:
        return True  # «كم باحثاً شارك فيه؟»: in what?
    if any(t in ("خلاله", "خلالها") for t in tokens(prompt)):
        return True  # «تجاوز عدد المسافرين خلاله _____»: during what?
    if _SHARE_OF_THEM.search(fold(prompt)):
        return True  # «لم يتسلم سوى نحو 60 بالمئة منهم مستحقاتهم»: of whom?
    if _MEASURE_OF_NOTHING.search(fold(prompt)) or _SHARE_LAST.search(fold(prompt)):
        return True  # «سجلت محافظة عجلون أدنى نسبة عند _____», «سجل الفرع الأدبي نسبة _____»: a share of what?
    words = lists.folded("generation/anaphora")
    toks = tokens(prompt)
    for i, t in enumerate(toks):
        if t in words or (len(t) > 3 and t[0] in "لبوفك" and t[1:] in words) or \
                (len(t) > 4 and t[0] in "وف" and t[1] in "لبك" and t[2:] in words):
            if i + 1 < len(toks) and toks[i + 1] in _PRESENT_TIMES and t[-3:] in ("هذا", "هذه"):
                continue  # «هذا العام», «هذا الشهر»: the time the news is told in (never «ذلك الموسم»)
            if i > 0 and toks[i - 1] in ("العام", "السنه") and any(_YEAR.fullmatch(x) for x in toks[:i - 1]):
                continue  # «في مارس 2025 ... من العام نفسه»: the year is in the stem
            if toks[i + 1:i + 3] in (["من", "العام"], ["من", "عام"], ["من", "السنه"]):
                continue  # «في الفترة نفسها من العام الماضي»: the same period a year before, said whole
            return True
    return False


# a record share, rate or level named without what it measures: the measure was in the sentence before
_MEASURE_OF_NOTHING = re.compile(r"(?:^|\s)(?:اعلي|ادني|اكبر|اقل|اعلى|ادنى)\s+(?:نسبه|معدل|مستوي|مستوى)"
                                 r"(?=\s+(?:عند|بلغت|بلغ|في|بنحو|بحوالي|بواقع|قدرها|قدره)\b|\s+ب(?:_|\s|[\d٠-٩])|\s*[،,.؟]|\s+_)")


# «نسبة» and then only its figure (or the blank) to the end: «سجل الفرع الأدبي نسبة 62.9 في المئة»
_SHARE_LAST = re.compile(r"(?:^|\s)نسبه\s+(?:_+|[\d٠-٩][\d٠-٩.,٫]*\s*(?:%|٪|في الميه|في المايه|بالميه)?)\s*[.؟،,]?\s*$")

# a preposition and its pronoun ending a question: what it stands for is outside the question
_PRONOUN_ENDINGS = frozenset(("فيه", "فيها", "منه", "منها", "عليه", "عليها", "اليه", "اليها", "عنه", "عنها",
                              "به", "بها", "له", "لها", "فيهم", "منهم", "منهن", "منهما", "عليهم", "اليهم", "عنهم",
                              "بهم", "لهم"))
_YEAR = re.compile(r"(?:19|20)\d\d")
_SHARE_OF_THEM = re.compile(r"(?:%|٪|بالميه|بالمئه|المئه|المائه|_____)\s+(?:منهم|منها|منهن)(?:\s|$|[،,.؟])")
_PRESENT_TIMES = frozenset(("العام", "السنه", "الشهر", "الاسبوع", "الموسم", "اليوم", "الصيف", "الشتاء", "الربيع",
                            "الخريف", "الربع"))
