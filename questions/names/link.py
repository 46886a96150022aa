"""Spans to facts: each name's surface without its proclitics, one type per name across the article,
roles and titles of people, kinds of places, and one entity id for every mention of the same name
(«ترامب» links to «دونالد ترامب»)."""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

from questions.model import Fact
from questions.names.lexicon import common, lex_label, lexicon
from questions.names.rules.predicates import is_roleish, is_title, role_before, wa_unknown
from questions.names.tokens import PLACE_GAZ, Doc, Span, fold_token
from questions.names.words import ORG_HEADS, PLACE_HEADS, REGION_HEADS, SITE_HEADS
from questions.normalize import strip_prefix

TYPE_NAMES = {"PERS": "person", "LOC": "place", "ORG": "organization"}
_HEADS = ORG_HEADS | SITE_HEADS | REGION_HEADS


def _after_listed_place(doc: Doc, i: int) -> bool:
    """«بالرياض وجدة والدمام»: a word that is a listed place whole (وجدة, Oujda) and after و (جدة)
    reads as the next in a list of places."""
    if not (doc.pre[i] == "و" and doc.stems[i] == doc.words[i][1:] and i > 0
            and lexicon().words.get(doc.stems[i], set()) & PLACE_GAZ):
        return False
    k = i - 1 if doc.toks[i - 1] not in ("،", ",") else i - 2
    prev = doc.span_at(k) if k >= 0 and doc.same_sentence(k, i) else None
    own = doc.span_at(i)
    return own is not None and own.typ == "LOC" and prev is not None and prev.typ == "LOC"


def _unknown_place_in_list(doc: Doc, i: int) -> bool:
    """«الخيام وكفركلا», «بنت جبيل ومارون الراس»: the next place in a list."""
    if not (i > 0 and wa_unknown(doc, i)):
        return False
    own, prev = doc.span_at(i), doc.span_at(i - 1)
    return own is not None and own.typ == "LOC" and prev is not None and prev.typ == "LOC"


def _wa_before_listed_phrase(doc: Doc, i: int) -> bool:
    """«وفلاي دبي»: و before a listed name of several words."""
    w = doc.words[i]
    if doc.pre[i] or w[:1] != "و" or doc.toks[i][:1] != "و":
        return False
    for phrase, _ in lexicon().phrases.get(w[1:], ()):
        k = len(phrase)
        if i + k <= doc.n and all(doc.words[i + m] == phrase[m] for m in range(1, k)):
            return True
    return False


def _wa_before_first_name(doc: Doc, i: int) -> int:
    """«وأشرف حكيمي»: و glued to a known first name that, whole, is also a word (أشرف) or unknown;
    names that start with و themselves (وليد, وائل) are known whole and keep it, and so does a name
    right after a title or role (المهاجم وسام أبو علي)."""
    w = doc.words[i]
    names = lexicon().words
    if not (len(w) > 3 and w[0] == "و" and doc.toks[i][:1] == "و" and lex_label(w) != "PERS"
            and "PERS" not in names.get(w, ())):
        return 0
    prev, own = doc.span_at(i - 1) if i > 0 else None, doc.span_at(i)
    if prev is not None and prev.typ == "PERS" and own is not None and own.typ == "PERS":
        return 1  # بيل وميليندا غيتس: و between two people
    known_rest = lex_label(w[1:]) == "PERS" or "PERS" in names.get(w[1:], ())
    return 1 if known_rest and role_before(doc, i) == i else 0


def _definite_after_clitic(doc: Doc, i: int, known: set[str]) -> int:
    """"بالمغرب": the proclitics before ال leave; "للانتخابات" (ال lost its alef after ل) stays whole,
    and so do letters that belong to the name (بالم بيتش, كالاس, كاليفورنيا)."""
    pre, stem, w = doc.pre[i], doc.stems[i], doc.words[i]
    if w.startswith(pre + "ل") and not w.startswith(pre + "ال"):
        return 0
    rest = stem[2:]
    lex = lexicon().words
    if len(rest) < 2 or (pre.endswith("ك") and rest not in lex and stem not in lex and stem not in known
                         and stem not in common() and rest not in common()):
        return 0
    return len(pre)


def _bare_clitic(doc: Doc, i: int, known: set[str]) -> int:
    """A bare و/ب/ل/ف/ك may belong to the name itself (واشنطن, بروكسل, لندن): strip it only when the
    rest is a known name and the whole word is not."""
    pre, stem, w = doc.pre[i], doc.stems[i], doc.words[i]
    lex = lexicon().words
    if w in known or w in lex or w in common() or w in _HEADS:
        return 0
    own = doc.span_at(i)
    person = own is not None and own.typ == "PERS"
    if pre == "ل" and stem not in known and stem not in _HEADS and (
            (person and lex_label(stem) != "PERS") or stem not in lex or stem in common()):
        return 0  # «لبنى طارق», «لفتيت»: after a bare ل only a known name splits off, not a word or a fragment
    if stem in known or stem in lex or stem in common() or stem in _HEADS or ("ال" + stem) in lex:
        return len(pre)
    return 0


def strip_start(doc: Doc, i: int, known: set[str]) -> int:
    """How many leading proclitic characters of a name's first token to leave out of the span."""
    if _after_listed_place(doc, i) or _unknown_place_in_list(doc, i) or _wa_before_listed_phrase(doc, i):
        return 1
    if not doc.pre[i]:
        return _wa_before_first_name(doc, i)
    if doc.stems[i].startswith("ال"):
        return _definite_after_clitic(doc, i, known)
    return _bare_clitic(doc, i, known)


def place_kind(doc: Doc, sp: Span, key: str) -> str:
    """country, region, city or site: from the span's rule, the lists, or its head word."""
    if sp.kind:
        return sp.kind
    k = lexicon().kind.get(key) or lexicon().kind.get(key[2:] if key.startswith("ال") else "")
    if k:
        return k
    if doc.stems[sp.i] in REGION_HEADS:
        return "region"
    if doc.stems[sp.i] in SITE_HEADS:
        return "site"
    return "city"


def surface_no_clitic(doc: Doc, i: int) -> str:
    """Token i as written, without its proclitics («وللمرشح» -> «المرشح», «بالرئيس» -> «الرئيس»)."""
    a, b = doc.offs[i]
    raw = doc.text[a:b]
    pre = doc.pre[i]
    if not pre or not raw.startswith(pre):
        return raw  # diacritics or a spelling fold() changed: keep the token whole
    if pre.endswith("ل") and doc.stems[i].startswith("ال") and raw.startswith(pre + "ل"):
        return "ال" + raw[len(pre) + 1:]  # لل = ل + ال with the alif dropped
    return raw[len(pre):]


def _core(tok: str, typ: str) -> str:
    """The token a body's mentions share: «اللجنة», «لجنة» and «للانتخابات», «الانتخابات» meet without
    their article and proclitics; people and places compare as written."""
    return strip_prefix(tok) if typ == "ORG" else tok


def canonical(key: str, by_token: dict[str, list[str]], typ: str) -> str:
    """The longest name of the same type whose tokens contain this mention's (ending on its last token).

    Only names sharing the mention's last token can qualify, so the token index keeps this linear in
    the article; on a tie the name mentioned first wins. A body's tokens compare without their article,
    so «لجنة الانتخابات» links to «اللجنة العليا للانتخابات».
    """
    parts = key.split()
    need = _cores(key, typ)
    best, size = key, len(parts)
    for n in by_token.get(_core(parts[-1], typ), ()):
        np = n.split()
        if len(np) > size and need <= _cores(n, typ) and (typ != "PERS" or parts[-1] == np[-1]):
            best, size = n, len(np)
    return best


@lru_cache(maxsize=20_000)
def _cores(key: str, typ: str) -> frozenset[str]:
    return frozenset(_core(t, typ) for t in key.split())


Mention = tuple[Span, int, int, str]  # span, start and end offsets, surface


def _mention(doc: Doc, s: Span, known: set[str]) -> Mention:
    """A span's offsets and surface, its proclitics left out."""
    words = tuple(doc.words[s.i:s.j])
    listed = any(words[:len(p)] == p for p, _ in lexicon().phrases.get(words[0], ()))
    cut = s.cut if s.cut is not None else 0 if listed else strip_start(doc, s.i, known)
    a = doc.offs[s.i][0] + cut  # «وفاق سطيف» is listed as written: its و is its own
    b = doc.offs[s.j - 1][1]
    surf = doc.text[a:b]
    pre = doc.pre[s.i]
    if a == doc.offs[s.i][0] and pre.endswith("ل") and doc.stems[s.i].startswith("ال") \
            and doc.words[s.i].startswith(pre + "ل") and surf.startswith(pre):
        # «للسعودية» = ل + السعودية with the alif dropped: the name reads «السعودية», the span
        # starts at the ل that stands for ال (Fact.in_text).
        a += len(pre)
        surf = "ال" + doc.text[a + 1:b]
    return s, a, b, surf


def _types(doc: Doc, items: list[Mention]) -> dict[str, str]:
    """One name keeps one type across the article: the majority over identical surfaces."""
    votes: dict[str, Counter[str]] = {}
    for s, _, _, surf in items:
        if s.kind != "named":
            votes.setdefault(fold_token(surf), Counter())[s.typ] += 1
    typ_of = {k: c.most_common(1)[0][0] for k, c in votes.items()}
    kinds = lexicon().kind
    for key, typ in typ_of.items():
        if typ == "ORG" and "country" in (kinds.get(key), kinds.get(key[2:] if key.startswith("ال") else "")):
            typ_of[key] = "LOC"  # «المكسيك»: a country is never an organization
    # «مخيم نور شمس» then «ونور شمس»: a name the article gave with a town or region head is a place
    # where it appears alone too, whatever a first name inside it suggests.
    for s, _, b, _ in items:
        if s.typ == "LOC" and s.j - s.i >= 2 and doc.stems[s.i] in PLACE_HEADS:
            tail = fold_token(doc.text[doc.offs[s.i + 1][0]:b])
            if typ_of.get(tail) == "PERS":
                typ_of[tail] = "LOC"
    return typ_of


def _role_and_title(doc: Doc, s: Span) -> tuple[str | None, str | None]:
    """The role (وزير الخارجية الأردني) and the title (الرئيس) written before a person."""
    r = role_before(doc, s.i)
    if r >= s.i:
        return None, None
    k = s.i - 1
    while k > r and doc.punct(k):
        k -= 1
    chain = range(r, k + 1)
    t = [c for c in chain if is_title(doc, c)]
    title = surface_no_clitic(doc, t[-1]) if t else None
    while k > r and is_title(doc, k):
        k -= 1  # وزير الطاقة السعودي الأمير عبد العزيز: the title is not part of the role
    role = None
    if not (len(chain) == 1 and t):
        role = surface_no_clitic(doc, r) + doc.text[doc.offs[r][1]:doc.offs[k][1]]
    return role, title


def _role_in_apposition(doc: Doc, s: Span, title: str | None) -> str | None:
    """The post written before a comma right before the person, or before his title there («وقال المتحدث
    الرسمي باسم الوزارة، الدكتور فهد العتيبي، إن ...»): the name stands in apposition to the post."""
    k = s.i - 1
    if title is not None and k >= 0 and is_title(doc, k):
        k -= 1
    if k < 1 or doc.words[k] not in ("،", ","):
        return None
    r = role_before(doc, k)
    if r >= k or not is_roleish(doc, r) or is_title(doc, r):
        return None
    return surface_no_clitic(doc, r) + doc.text[doc.offs[r][1]:doc.offs[k - 1][1]]


def to_facts(doc: Doc) -> list[Fact]:
    """The facts of the article's spans, each with its entity id, and roles, titles and kinds."""
    found = doc.live()
    known = {doc.words[s.i] for s in found if doc.pre[s.i] == ""}
    items = [_mention(doc, s, known) for s in found]
    typ_of = _types(doc, items)
    # Per type, every name in order of first mention, indexed by each of its tokens.
    # «الرياض - «الرياض»:»: a paper named in a dateline keeps its type beside the city of the same name.
    typed: list[tuple[Span, int, int, str, str, str]] = []
    for s, a, b, surf in items:
        key = fold_token(surf)
        typed.append((s, a, b, surf, key, s.typ if s.kind == "named" else typ_of[key]))
    by_token: dict[str, dict[str, list[str]]] = {}
    surface: dict[str, str] = {}
    indexed: set[tuple[str, str]] = set()
    for _, _, _, surf, key, typ in typed:
        surface.setdefault(key, surf)
        if (key, typ) in indexed:
            continue
        indexed.add((key, typ))
        index = by_token.setdefault(typ, {})
        for tok in {_core(t, typ) for t in key.split()}:
            index.setdefault(tok, []).append(key)
    facts: list[Fact] = []
    canon_of: dict[tuple[str, str], str] = {}
    for s, a, b, surf, key, typ in typed:
        canon = canon_of.get((key, typ))
        if canon is None:
            canon = canon_of[(key, typ)] = canonical(key, by_token[typ], typ)
        role, title = _role_and_title(doc, s) if typ == "PERS" else (None, None)
        if typ == "PERS" and role is None:
            role = _role_in_apposition(doc, s, title)
        kind = place_kind(doc, s, key) if typ == "LOC" else None
        facts.append(Fact(type=TYPE_NAMES[typ], text=surf, value=surface.get(canon, canon), start=a, end=b,
                          sentence=doc.sent[s.i], entity=f"{TYPE_NAMES[typ]}:{canon}", role=role, title=title,
                          kind=kind))
    return facts
