"""Questions the rules ask about a token: is it a title, a role, a country's adjective, a verb?"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from questions.names.lexicon import common, lex_label, lexicon
from questions.names.tokens import Doc
from questions.names.words import (
    CUE_WORDS, NAME_LINKS, NOT_BODIES, ON_BEHALF, PLACE_PREPS, ROLE_HEADS, ROLE_PREPS, ROLE_TAILS, STOP, TITLES,
)
from questions.normalize import fold, strip_diacritics

# Endings of a word that carries a pronoun (مهامهم, يعارضها): no name.
PRONOUN_ENDINGS = ("ه", "ها", "هم", "هما", "كم")
NISBA_ENDINGS = ("ي", "يه")
ACCUSATIVE_ENDINGS = ("اً", "ًا")
_YEAR_WORDS = ("العام", "عام")
_QUOTE_OR_COMMA = ("«", "،", ",", '"', "“")


def not_a_body(words: Sequence[str]) -> bool:
    """Whether folded words start with a phrase that names a function, not a body (مجلس إدارة ...)."""
    return any(" ".join(words[:n]) in NOT_BODIES for n in (2, 3) if n <= len(words))


def is_title(doc: Doc, i: int) -> bool:
    """Whether token i is a title (الرئيس, الشيخ, الدكتور)."""
    return doc.stems[i] in TITLES or doc.words[i] in TITLES


def is_roleish(doc: Doc, i: int) -> bool:
    """Whether token i is a title, a role, the second word of a role (ولي العهد) or a role with a pronoun."""
    s = doc.stems[i]
    return (s in ROLE_HEADS or s in TITLES or doc.words[i] in ROLE_HEADS or (
        s in ROLE_TAILS and i > 0 and doc.stems[i - 1] in ROLE_HEADS) or role_with_pronoun(s)) \
        and not writes_ila(doc.toks[i])


def writes_ila(token: str) -> bool:
    """«وإلى كشوفات»: the preposition إلى, which folds to the governor's title «والي» once و is glued."""
    return strip_diacritics(token).lstrip("وف") in ("إلى", "الى")


@lru_cache(maxsize=50_000)
def role_with_pronoun(stem: str) -> bool:
    """A role with a possessive pronoun: منسقتها, مديرهم, سفيرته (ة written ت before it).

    A bare ه is left alone: folded, it is also the ة of a word like محافظة (a province).
    """
    for suffix in ("هما", "هم", "ها", "ته"):
        base = stem[:-len(suffix)]
        if stem.endswith(suffix) and len(base) >= 3:
            if suffix == "ته":
                base += "ه"
            elif base.endswith("ت"):
                base = base[:-1] + "ه"
            return base in ROLE_HEADS and not base.startswith("ال")
    return False


@lru_cache(maxsize=20_000)
def country_nisba(stem: str) -> bool:
    """Whether a folded definite word is a country's adjective: التشادي, الأمريكي, الفرنسية."""
    if not stem.startswith("ال") or len(stem) < 6:
        return False
    base = stem[2:-2] if stem.endswith("يه") else stem[2:-1] if stem.endswith("ي") else ""
    words = lexicon().words
    return bool(base) and any("CTRY" in words.get(c, ()) for c in (base, "ال" + base, base + "ا", base + "يا",
                                                                  base + "ه", "ال" + base + "ه", "ال" + base + "يه"))


def verb_like(doc: Doc, i: int) -> bool:
    """One unknown word shaped like a verb or a noun with a pronoun: سيزور, يتعاون, يعارضها, مهامهم, دعمه."""
    raw = strip_diacritics(doc.toks[i])
    if doc.pre[i] or "PERS" in doc.gaz(i) or lex_label(doc.stems[i]) == "PERS" or len(raw) < 4:
        return False
    if raw.endswith("ه") and fold(raw[:-1]) in common():
        return True  # a possessive ه (written ه, not ة) on an ordinary word: دعمه, أرباحه
    return len(raw) >= 5 and (raw.startswith(("سي", "ست", "سن", "يت", "تت", "ي"))
                              or raw.endswith(("ها", "هم", "هما", "كم")))


def known_name(doc: Doc, i: int) -> bool:
    """Whether token i is a listed person's name or one the corpus mostly used in names."""
    return "PERS" in doc.gaz(i) or lex_label(doc.stems[i]) in ("PERS", "MIX")


def verb_shaped(doc: Doc, i: int) -> bool:
    """A word no list knows as a name that ends in ى, as past verbs do (تصدى, أنهى). Only a clue: Egyptian
    copy writes a final ي as ى in names too, so it stops a name from growing, never cuts one."""
    raw = strip_diacritics(doc.toks[i])
    return len(raw) >= 3 and raw.endswith("ى") and not doc.pre[i] and not doc.definite[i] and not known_name(doc, i)


def wa_unknown(doc: Doc, k: int) -> bool:
    """و glued to a word nobody knows, with or without it (وكفركلا, ومارون): the conjunction."""
    w = doc.words[k]
    lex = lexicon().words
    return not doc.pre[k] and w[:1] == "و" and doc.toks[k][:1] == "و" and len(w) >= 4 and w not in lex \
        and not doc.is_common(k) and lex_label(w) == "UNK" and w[1:] not in common()


def adjective_not_place(doc: Doc, i: int) -> bool:
    """«غلاف مالي»: a place name whose feminine is an ordinary adjective (ماليه), right after an
    indefinite noun, is that adjective."""
    stem = doc.stems[i]
    return i > 0 and stem.endswith("ي") and stem + "ه" in common() and not doc.pre[i] \
        and not doc.definite[i - 1] and not doc.punct(i - 1) and doc.words[i - 1] not in PLACE_PREPS \
        and doc.words[i - 1] not in STOP and doc.stems[i - 1] not in CUE_WORDS and not is_roleish(doc, i - 1) \
        and not doc.words[i - 1][:1].isdigit() and doc.same_sentence(i - 1, i)


def _role_chain_goes_on(doc: Doc, k: int, i: int) -> bool:
    """Whether token k, before a name at i, may sit inside the role chain that introduces it."""
    sp = doc.span_at(k)
    w = doc.words[k]
    if w in ON_BEHALF:
        return True  # «الناطقة الرسمية باسمها ألفة العياري», «المتحدثة باسم اليونيفيل»
    if w in STOP and w not in _YEAR_WORDS:
        # «مسؤولة السياسة الخارجية في الاتحاد الأوروبي كايا كالاس» goes on through في + a body
        nxt_sp = doc.span_at(k + 1)
        return w in ROLE_PREPS and nxt_sp is not None and nxt_sp.i == k + 1 and nxt_sp.typ in ("ORG", "LOC")
    if doc.definite[k] or sp is not None or w in _YEAR_WORDS:
        return True
    if k > 0 and doc.definite[k - 1] and not doc.pre[k] and doc.span_at(k - 1) is None:
        return False  # «المدافع تركي الشهري»: no construct goes on from a definite word; a name starts
    # An indefinite noun in construct with the next word: رئيس إقليم كردستان, وزير خارجية فرنسا.
    nxt = k + 1
    return not (nxt >= i or doc.is_common(k) and not (doc.definite[nxt] or doc.span_at(nxt) is not None)
                or not (doc.definite[nxt] or doc.span_at(nxt) is not None))


def role_before(doc: Doc, i: int) -> int:
    """Start of the title/role chain that ends right before token i (i itself if none)."""
    k = i - 1
    while k >= 0 and doc.same_sentence(k, i) and doc.words[k] in _QUOTE_OR_COMMA:
        k -= 1
    start = i
    steps = 0
    while k >= 0 and doc.same_sentence(k, i) and steps < 8 and not doc.punct(k):
        sp = doc.span_at(k)
        if sp is not None and sp.typ == "PERS":
            break
        if is_roleish(doc, k) and sp is None:  # a title inside a place's name (مستشفى الملك فيصل) is no role
            start = k
        elif not _role_chain_goes_on(doc, k, i):
            break
        k -= 1
        steps += 1
    return start


def name_end(doc: Doc, p: int) -> int:
    """End of the name that starts at token p: up to 4 tokens of non-ordinary words."""
    q = p + 1
    while q < doc.n and q - p < 4 and doc.same_sentence(p, q) and not doc.punct(q):
        w = doc.words[q]
        if doc.span_at(q) is not None or w in STOP or doc.pre[q] or is_roleish(doc, q) \
                or doc.stems[q] in CUE_WORDS or any(ch.isdigit() for ch in w) or len(w) < 2:
            break  # «رلى القطب بـ14 مقعداً»: a number glued to a preposition ends the name
        if (doc.is_common(q) and w not in NAME_LINKS) or verb_shaped(doc, q):
            break  # «الحارس فويتشيك تشيزني تصدى»: a verb after the name
        if doc.definite[q] and strip_diacritics(doc.toks[q]).endswith("ية") and lex_label(doc.stems[q]) != "PERS":
            break  # نوفل الزرهوني الثلاثية: a definite feminine noun or adjective follows the name
        q += 1
    while q > p + 1 and doc.words[q - 1] in NAME_LINKS:
        q -= 1
    return q
