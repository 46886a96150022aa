"""Organizations: a head word with its genitive and adjective phrase (مجلس الأمن الدولي), clubs before
a listed city, companies named by a foreign tail word, and acronyms in brackets.

A body's name is read word by word after its head: each step of ``HEAD_STEPS`` looks at the next word
and says go on (``GO``, having moved the end), stop there (``STOP``) or not mine (None, the next step
is asked). When no step claims a word, the name ends before it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from questions.names.lexicon import lex_label, lexicon
from questions.names.features import phrase_tags
from questions.names.rules.predicates import is_roleish, known_name, not_a_body
from questions.names.tokens import PLACE_GAZ, Doc, Span
from questions.names.words import (
    CLUB_HEADS, COMPANY_TAILS, CUE_WORDS, ORDINALS, ORG_ADJECTIVES, ORG_CONSTRUCTS, ORG_HEADS, ORG_LIL_NOUNS,
    REGION_HEADS, STOP, split_clitic,
)

GO, STOP_HERE = "go", "stop"
HEADS = ORG_HEADS | REGION_HEADS  # not SITE_HEADS: «تنظيم القاعدة» is a name


@dataclass
class Walk:
    """A body's name being read: its head at i, its end so far j, and what the words so far were."""

    i: int
    j: int
    definite: bool  # the head is definite (الهيئة): only adjectives follow
    genitive_name: bool = False  # a name in genitive followed the head (شركة نقل تونس)
    after_lil: bool = False  # a ل-phrase followed (مركز زايد للدراسات)


Step = Callable[[Doc, Walk], "str | None"]


def _nisba(st: str) -> bool:
    return st.startswith("ال") and st.endswith(("ي", "يه", "يين")) and len(st) > 4


def construct_noun(doc: Doc, w: Walk) -> str | None:
    """هيئة شؤون الأسرى, هيئة تنشيط السياحة, جمعية وكلاء السياحة, سلطة ضبط المحروقات."""
    j = w.j
    st, pre = doc.stems[j], doc.pre[j]
    if j == w.i + 1 and not w.definite and not pre and (("ل", st) in ORG_LIL_NOUNS or st in ORG_CONSTRUCTS) \
            and j + 1 < doc.n and doc.same_sentence(j, j + 1) and not doc.pre[j + 1] and doc.definite[j + 1]:
        w.j += 2
        return GO
    return None


def _person_name_end(doc: Doc, j: int) -> int:
    other = doc.span_at(j)
    if other is not None and other.typ == "PERS" and other.i == j:
        return other.j
    if other is None and doc.starts[j] and ("PERS" in doc.gaz(j) or lex_label(doc.stems[j]) in ("PERS", "UNK")):
        return j + 1
    return j


def named_for_someone(doc: Doc, w: Walk) -> str | None:
    """مركز بيو للأبحاث, مركز زايد للدراسات: a body named after someone, for something."""
    j = w.j
    if j != w.i + 1 or w.definite:
        return None
    end = _person_name_end(doc, j)
    if j < end < doc.n and doc.same_sentence(j, end) and doc.pre[end] == "ل" and doc.stems[end].startswith("ال"):
        w.j = end + 1
        w.after_lil = True
        return GO
    return None


def _place_end(doc: Doc, j: int) -> int | None:
    if not (j + 1 < doc.n and doc.same_sentence(j, j + 1) and not doc.pre[j + 1]):
        return None
    place = doc.span_at(j + 1)
    if place is not None and place.typ == "LOC" and place.i == j + 1:
        return place.j
    if place is None and doc.gaz(j + 1) & {"CTRY", "CITY", "REG"}:
        return j + 2
    if place is None and doc.stems[j + 1] in REGION_HEADS and j + 2 < doc.n \
            and doc.gaz(j + 2) & {"CTRY", "CITY", "REG"}:
        return j + 3  # مؤسسة موانئ خليج عدن
    return None


def trade_and_place(doc: Doc, w: Walk) -> str | None:
    """شركة نقل تونس, شركة فسفاط قفصة: a trade and a place after an indefinite head."""
    j = w.j
    if j != w.i + 1 or w.definite:
        return None
    end = _place_end(doc, j)
    if end is not None and doc.span_at(j) is None and not doc.pre[j] and not doc.definite[j] \
            and not doc.punct(j) and doc.words[j] not in STOP:
        w.j = end
        w.genitive_name = True
        return GO
    return None


def _name_word(doc: Doc, k: int, head: int) -> bool:
    """A word that may be part of a body's own name after its head: no article or clitic, no ordinary word
    or cue, not shaped like an adjective (صحافي, ناشئة), or a body the tagger found right there."""
    if doc.pre[k] or doc.definite[k] or doc.punct(k) or doc.words[k][:1].isdigit():
        return False
    other = doc.span_at(k)
    if other is not None:
        return other.typ == "ORG" and other is not doc.span_at(head)
    return doc.words[k] not in STOP and not doc.is_common(k) and not is_roleish(doc, k) \
        and doc.stems[k] not in CUE_WORDS and not doc.stems[k].endswith(("ي", "ه")) \
        and lex_label(doc.stems[k]) != "O" and not known_name(doc, k) and not doc.gaz(k) & PLACE_GAZ


def own_name(doc: Doc, w: Walk) -> str | None:
    """مركز كليفلاند كلينك الطبي, شركة تويوتا اليابانية: a name no list knows after an indefinite head,
    when an adjective follows it or the tagger read it as a body."""
    j = w.j
    if j != w.i + 1 or w.definite or not _name_word(doc, j, w.i):
        return None
    k = j + 1
    while k < doc.n and k - j < 3 and doc.same_sentence(j, k) and _name_word(doc, k, w.i):
        k += 1
    tagged = doc.span_at(j) is not None
    adjective = k < doc.n and doc.same_sentence(j, k) and doc.definite[k] and not doc.pre[k] \
        and doc.stems[k].endswith(("ي", "يه")) and doc.span_at(k) is None
    if not (tagged or adjective):
        return None
    w.j = k
    w.genitive_name = True
    return GO


def stop_person_or_role(doc: Doc, w: Walk) -> str | None:
    """A particle, a person or a role ends a body (but «الاتحاد العام التونسي للشغل» goes on: «العام»
    is an adjective right after a definite head)."""
    j = w.j
    other = doc.span_at(j)
    if (doc.words[j] in STOP and not (w.definite and j == w.i + 1 and doc.stems[j] in ORG_ADJECTIVES)) \
            or (other is not None and other.typ == "PERS") or is_roleish(doc, j):
        return STOP_HERE
    return None


def after_name_only_adjectives(doc: Doc, w: Walk) -> str | None:
    """After a name or a ل-phrase only an adjective goes on, one ل-phrase after a place's name (شركة الدوحة
    للأوراق المالية, جهاز قطر للاستثمار), and after a ل-phrase و + a definite word or another «لشؤون …»."""
    if not (w.genitive_name or w.after_lil):
        return None
    j = w.j
    st, pre = doc.stems[j], doc.pre[j]
    if _nisba(st) and pre == "":
        w.j += 1
        return GO
    if w.genitive_name and not w.after_lil and pre == "ل" and st.startswith("ال"):
        w.after_lil = True
        w.j += 1
        return GO
    if w.after_lil and (wa_definite(doc, w) == GO or lil_noun_phrase(doc, w) == GO):
        return GO  # «للشؤون السياسية واللاجئين», «للأمم المتحدة لشؤون اللاجئين»: long official names
    return STOP_HERE


def place_in_genitive(doc: Doc, w: Walk) -> str | None:
    """بنك المغرب, جامعة القاهرة: a place right after an indefinite head names the body."""
    j = w.j
    other = doc.span_at(j)
    if j == w.i + 1 and not w.definite and other is not None and other.typ == "LOC" and other.i == j:
        w.genitive_name = True
        w.j = other.j
        return GO
    return None


def lil_phrase(doc: Doc, w: Walk) -> str | None:
    """المفوضية العليا للانتخابات: a ل-phrase names what the body is for; a listed name after ل is taken
    whole (الجمعية العامة للأمم المتحدة). Not right after the head: «تقدمت الشركة للمطالبة», «مؤتمر للطاقة»."""
    j = w.j
    st = doc.stems[j]
    if not (doc.pre[j] == "ل" and st.startswith("ال")):
        return None
    if j == w.i + 1:
        return STOP_HERE  # «تقدمت الشركة للمطالبة», «مؤتمر للطاقة»: a head with a purpose and no name
    w.after_lil = True
    w.j += 1
    for toks, _ in lexicon().phrases.get(st, ()):
        k = len(toks)
        if w.j + k - 1 <= doc.n and all(doc.words[w.j + m - 1] == toks[m] for m in range(1, k)):
            w.j += k - 1
            break
    return GO


def lil_noun_phrase(doc: Doc, w: Walk) -> str | None:
    """الاتحاد الدولي لكرة القدم, مفوضية الأمم المتحدة لشؤون اللاجئين."""
    j = w.j
    if split_clitic(doc.words[j]) in ORG_LIL_NOUNS and j + 1 < doc.n and doc.same_sentence(j, j + 1) \
            and not doc.pre[j + 1] and doc.stems[j + 1].startswith("ال") and not doc.punct(j + 1):
        w.after_lil = True
        w.j += 2
        return GO
    return None


def wa_definite(doc: Doc, w: Walk) -> str | None:
    """وزارة المياه والري: و + a definite word goes on, but و + a body's head starts the next body."""
    j = w.j
    st = doc.stems[j]
    if doc.pre[j] == "و" and st.startswith("ال") and j > w.i + 1:
        if st in ORG_HEADS:
            return STOP_HERE
        w.j += 1
        return GO
    return None


def definite_genitive_or_adjective(doc: Doc, w: Walk) -> str | None:
    """مجلس الأمن الدولي: definite words go on; after a definite head only an adjective does («الهيئة
    العامة», but «تعلن الوزارة الحصيلة النهائية» is the ministry and its object)."""
    j = w.j
    st = doc.stems[j]
    if not (doc.pre[j] == "" and st.startswith("ال")):
        return None
    nisba = _nisba(st)
    if (doc.is_common(j) and not nisba and j > w.i + 1 and st not in ORG_ADJECTIVES) \
            or st in ORDINALS or (
            w.definite and j == w.i + 1 and not nisba and st not in ORG_ADJECTIVES and not doc.gaz(j)):
        return STOP_HERE
    w.j += 1
    return GO


HEAD_STEPS: tuple[Step, ...] = (
    construct_noun, named_for_someone, trade_and_place, own_name, stop_person_or_role, after_name_only_adjectives,
    place_in_genitive, lil_phrase, lil_noun_phrase, wa_definite, definite_genitive_or_adjective,
)


def _read_body(doc: Doc, i: int) -> int:
    """End of the body whose head is token i, read by ``HEAD_STEPS``."""
    w = Walk(i, i + 1, doc.stems[i].startswith("ال"))
    while w.j < doc.n and w.j - i <= 5 and doc.same_sentence(i, w.j) and not doc.punct(w.j):
        verdict = next((v for v in (step(doc, w) for step in HEAD_STEPS) if v is not None), STOP_HERE)
        if verdict == STOP_HERE:
            break
    return w.j


def org_heads(doc: Doc) -> None:
    """Organization head words with their genitive and adjective phrase (مجلس الأمن الدولي)."""
    for i in range(doc.n):
        s = doc.stems[i]
        if s not in ORG_HEADS:
            continue
        sp = doc.span_at(i)
        if sp is not None and sp.typ == "PERS":
            continue
        if sp is not None and sp.typ == "LOC" and sp.i == i and any(phrase_tags(doc.words[i:sp.j])[0]):
            continue  # قناة السويس: a listed place, though قناة also heads a television channel
        j = _read_body(doc, i)
        if j - i < 2 or not_a_body([s, *doc.words[i + 1:j]]) or (s == "جهاز" and j - i < 3):
            continue  # «جهاز المطياف» is a device; «جهاز الاستثمار العُماني» a body
        if j - i == 2 and doc.definite[i + 1] and (doc.stems[i + 1] in HEADS or doc.stems[i + 1][2:] in HEADS) \
                and not doc.gaz(i + 1) & PLACE_GAZ:
            continue  # «مكتب الوكالة», «حكومة الإقليم»: a part of a body named before, not a name
        doc.add(i, j, "ORG", force=True)


def clubs(doc: Doc) -> None:
    """A club's head word before a listed city is the club: «مولودية وهران», «شباب قسنطينة»."""
    for k in range(doc.n - 1):
        if doc.stems[k] not in CLUB_HEADS or doc.definite[k] or not doc.same_sentence(k, k + 1) \
                or doc.pre[k + 1] or not doc.gaz(k + 1) & {"CITY", "CTRY", "REG"}:
            continue
        own = doc.span_at(k)
        if own is not None and own.typ == "ORG" and own.i < k:
            continue
        end = k + 2
        if end < doc.n and doc.definite[end] and not doc.pre[end] and doc.stems[end].endswith(("ي", "يه")) \
                and doc.same_sentence(k, end):
            end += 1  # «شباب قسنطينة الجزائري»
        doc.add(k, end, "ORG", force=True)


def companies(doc: Doc) -> None:
    """A company's own tail word names it with the words before: «كورك تيليكوم», «السويدي إليكتريك»."""
    for k in range(1, doc.n):
        if doc.words[k] not in COMPANY_TAILS or doc.pre[k] or not doc.same_sentence(k - 1, k):
            continue
        prev = doc.span_at(k - 1)
        if prev is not None and prev.typ == "ORG":
            if prev.j == k:
                doc.add(prev.i, k + 1, "ORG", force=True)
            continue
        if prev is not None:
            start = prev.i
        elif not doc.punct(k - 1) and doc.words[k - 1] not in STOP and not doc.is_common(k - 1):
            start = k - 1
        else:
            continue
        doc.add(start, k + 1, "ORG", force=True)


def _bracket_after_words(doc: Doc, k: int) -> bool:
    return doc.toks[k] == "(" and doc.toks[k + 2] == ")" and not doc.punct(k + 1) and doc.span_at(k - 1) is None \
        and not doc.gaz(k + 1) & PLACE_GAZ and doc.same_sentence(k - 1, k + 1)


def head_before_acronym(doc: Doc) -> None:
    """A body's head word a few words before a bracketed acronym names the body up to the bracket, even
    where the words after the head are ordinary: «حركة مجتمع السلم (حمس)»."""
    for k in range(2, doc.n - 2):
        if not _bracket_after_words(doc, k):
            continue
        head = next((h for h in range(k - 1, max(-1, k - 5), -1)
                     if doc.stems[h] in ORG_HEADS and not doc.definite[h]), None)
        if head is not None and k - head >= 2 and not any(
                doc.punct(m) or doc.span_at(m) is not None or doc.words[m][:1].isdigit() for m in range(head, k)):
            doc.add(head, k, "ORG", kind="named")


def _acronym_after(doc: Doc, sp: Span) -> bool:
    k = sp.j
    if not (sp.typ == "ORG" and k + 2 < doc.n and doc.toks[k] == "(" and doc.toks[k + 2] == ")"
            and not doc.punct(k + 1)):
        return False
    other = doc.span_at(k + 1)
    # A place in brackets is where the body is from (ريال مدريد (إسبانيا)), not its acronym.
    return (other is None or other.typ == "PERS") and not doc.gaz(k + 1) & PLACE_GAZ


def acronyms(doc: Doc) -> None:
    """A word in brackets right after an organization is its acronym: وكالة الأنباء السعودية (واس)."""
    head_before_acronym(doc)
    for sp in doc.live():
        if _acronym_after(doc, sp):
            doc.add(sp.j + 1, sp.j + 2, "ORG", force=True)
