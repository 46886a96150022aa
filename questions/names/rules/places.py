"""Places: sites and streets after their head word, regions, settlements, sites and bodies named after
a person, and listed countries, regions and cities the tagger missed."""

from __future__ import annotations

import re

from questions.names.lexicon import common, lex_label
from questions.names.rules.predicates import (
    NISBA_ENDINGS, adjective_not_place, is_roleish, is_title, known_name, name_end,
)
from questions.names.tokens import PLACE_GAZ, Doc, Span
from questions.names.words import (
    CUP_HEADS, ORG_HEADS, PLACE_PREPS, REGION_HEADS, SETTLEMENTS, SITE_HEADS, SITE_NAME_LINKS, STOP, STREETS,
    STRICT_SITES,
)
from questions.normalize import strip_diacritics

# Latin capitals in Arabic news are mostly organizations: CNN, BBC, IBM, FIFA.
_ACRONYM = re.compile(r"[A-Z]{2,6}")
_HEAD_CLITICS = ("", "و", "ب", "ف")


def _site_over_span(doc: Doc, i: int, sp: Span | None) -> bool:
    """«استاد لوسيل», «مخيم الزعتري»: a site head before a place or body, or a camp or street before
    what the tagger read as a family name (but «بمقر وزارة ...» names the body)."""
    return sp is not None and sp.i == i + 1 and doc.span_at(i) is None and (
        sp.typ in ("LOC", "ORG") or (sp.typ == "PERS" and doc.stems[i] in STREETS and doc.definite[i + 1])) \
        and not (sp.typ == "ORG" and doc.stems[i] == "مقر")


def _street_name(doc: Doc, i: int) -> bool:
    """شارع الحمرا, حي الشاطئ, ساحة الأمويين: a street's name, even an ordinary word."""
    return doc.pre[i + 1] == "" and doc.stems[i] in STREETS and doc.definite[i + 1] \
        and not doc.definite[i] and doc.span_at(i) is None and doc.words[i + 1] not in STOP \
        and not _written_nisba(doc, i + 1) and not is_roleish(doc, i + 1) \
        and doc.same_sentence(i, i + 1)


def _written_nisba(doc: Doc, k: int) -> bool:
    """Whether token k ends like an adjective as written: ي or ية, not ئ (حي الشاطئ)."""
    return strip_diacritics(doc.toks[k]).endswith(("ي", "ية", "يه"))


def _strict_site_name(doc: Doc, i: int) -> bool:
    """قصر اليمامة, معبر رفح, قصر المؤتمرات: a site's name no list knows (not القصر الرئاسي or a word
    of the sentence like «ملعب الفريق»)."""
    nxt = i + 1
    return doc.pre[nxt] == "" and doc.stems[i] in STRICT_SITES \
        and (not doc.is_common(nxt) or bool(doc.gaz(nxt) & {"CITY", "CTRY", "REG"})
             or (doc.definite[nxt] and doc.words[nxt].endswith("ات"))) \
        and not doc.words[nxt].endswith(("ته", "ها", "هم")) and not doc.punct(nxt) \
        and not is_roleish(doc, nxt) and doc.span_at(i) is None and (
            not doc.words[nxt].startswith("ال") or doc.words[nxt].endswith("ات") or (
                lex_label(doc.stems[nxt]) != "O" and not doc.stems[nxt].endswith(NISBA_ENDINGS)))


def sites(doc: Doc) -> None:
    """A site head before a place name: استاد لوسيل, قصر قرطاج, شارع الحمرا."""
    for i in range(doc.n - 1):
        if doc.pre[i] not in _HEAD_CLITICS or doc.stems[i] not in SITE_HEADS:
            continue
        sp = doc.span_at(i + 1)
        if sp is not None:
            if _site_over_span(doc, i, sp):
                doc.add(i, sp.j, "LOC", force=True, kind="site")
        elif _street_name(doc, i):
            doc.add(i, i + 2, "LOC", kind="site")
        elif _strict_site_name(doc, i):
            j = i + 2
            while j + 1 < doc.n and doc.words[j] in SITE_NAME_LINKS and doc.same_sentence(i, j + 1) \
                    and not doc.punct(j + 1) and not doc.words[j + 1][:1].isdigit():
                j += 2  # معبر كرم أبو سالم: the name goes on through أبو/بن and the next word
            doc.add(i, j, "LOC", force=True, kind="site")


def regions(doc: Doc) -> None:
    """A region head before a place name is part of it: قطاع غزة, ولاية الجزيرة, إقليم كردستان."""
    for i in range(doc.n - 1):
        if doc.stems[i] not in REGION_HEADS or doc.stems[i] == "منطقه" or doc.definite[i] \
                or doc.owner[i] is not None \
                or not doc.same_sentence(i, i + 1):
            continue
        sp = doc.span_at(i + 1)
        if sp is not None and sp.i == i + 1 and (sp.typ == "LOC" or (
                sp.typ == "ORG" and sp.j == i + 2 and doc.stems[i + 1] not in ORG_HEADS)):
            # «قطاع صندوق التنمية الثقافية» is a sector of a body, not a region
            doc.add(i, sp.j, "LOC", force=True, kind="region")
        elif sp is None and not doc.pre[i + 1] and doc.gaz(i + 1) & {"CITY", "REG", "CTRY"}:
            doc.add(i, i + 2, "LOC", kind="region")  # محافظة المهرة: a listed place, even if also a word


def _person_after_titles(doc: Doc, i: int) -> tuple[int, int] | None:
    """The person named right after the head at i, over any titles: (start, end), or None."""
    k = i + 1
    while k < doc.n and k - i <= 2 and is_title(doc, k) and doc.span_at(k) is None:
        k += 1
    if not doc.same_sentence(i, k):
        return None
    sp = doc.span_at(k)
    if sp is not None and sp.i == k and sp.typ == "PERS" and (k > i + 1 or sp.j - sp.i >= 2):
        return k, sp.j
    if sp is None and k > i + 1 and (doc.starts[k] or known_name(doc, k)):
        return k, name_end(doc, k)  # «شارع الملك فيصل» before the people rules name him
    nxt = doc.span_at(k + 1) if sp is None and k > i + 1 and doc.same_sentence(k, k + 1) else None
    if nxt is not None and nxt.i == k + 1 and nxt.typ == "PERS" and not doc.punct(k):
        return k, nxt.j  # «ملعب الأمير مولاي عبد الله»: a first word the tagger left out
    return None


def _adjectives_after(doc: Doc, j: int, i: int) -> int:
    """«مطار الملك خالد الدولي», «مدينة الملك عبدالله الرياضية»: definite nisbas after the name."""
    while j < doc.n and j - i < 8 and doc.same_sentence(i, j) and doc.span_at(j) is None and doc.definite[j] \
            and not doc.pre[j] and doc.stems[j].endswith(NISBA_ENDINGS) and not is_roleish(doc, j):
        j += 1
    return j


def named_after(doc: Doc) -> None:
    """A site, town or body named after a person is that site, town or body, not the person: ملعب الأمير
    مولاي عبد الله, مدينة الملك عبدالله الرياضية, شارع الملك فيصل, جامعة الملك سعود."""
    for i in range(doc.n - 2):
        head = doc.stems[i]
        place = head in SITE_HEADS or head in SETTLEMENTS
        own = doc.span_at(i)
        if not (place or head in ORG_HEADS) or doc.definite[i] or doc.pre[i] not in ("", "و", "ب", "ف", "ل") \
                or (own is not None and own.i != i):
            continue
        person = _person_after_titles(doc, i)
        if person is not None:
            end = _adjectives_after(doc, person[1], i)
            if not place:
                end = _purpose_after(doc, end, i)
            elif _purpose_after(doc, end, i) > end and head in SETTLEMENTS:
                continue  # «مدينة الملك عبدالعزيز للعلوم والتقنية» is a body named like a town
            doc.add(i, end, "LOC" if place else "ORG", force=True, kind="site" if place else None)


def _purpose_after(doc: Doc, j: int, i: int) -> int:
    """«مستشفى الأميرة رحمة التعليمي للأطفال»: a body's ل-phrase after the name (and what و joins to it)."""
    if j < doc.n and doc.same_sentence(i, j) and doc.pre[j] == "ل" and doc.stems[j].startswith("ال") \
            and doc.span_at(j) is None:
        j += 1
        while j < doc.n and doc.same_sentence(i, j) and doc.pre[j] == "و" and doc.stems[j].startswith("ال") \
                and doc.stems[j] not in ORG_HEADS and doc.span_at(j) is None:
            j += 1
    return j


def settlements(doc: Doc) -> None:
    """The name after مدينة, قرية, بلدة… is a place, even one no list or tagger knows."""
    for i in range(doc.n - 1):
        if doc.stems[i] not in SETTLEMENTS or doc.definite[i] or doc.pre[i] not in ("", "و", "ب", "ف", "ل") \
                or not doc.same_sentence(i, i + 1) or doc.span_at(i + 1) is not None:
            continue
        k = i + 1
        w, st = doc.words[k], doc.stems[k]
        if doc.punct(k) or doc.pre[k] or w in STOP or doc.is_common(k) or is_roleish(doc, k) \
                or w[:1].isdigit() or len(st) < 3:
            continue
        if doc.gaz(k) & PLACE_GAZ or (doc.definite[k] and not st.endswith(NISBA_ENDINGS)) \
                or (not doc.definite[k] and not st.endswith(("ه", "ي"))):
            doc.add(k, k + 1, "LOC")  # not «مدينة كبيرة» or «قرية نائية»: an adjective ends in ة or ي


def _cued_city(doc: Doc, i: int, g: frozenset[str]) -> bool:
    """A listed place that is also a word counts after في, إلى, من… (not «مسقط رأسه»), or as the next
    place in a list («بعلبك الهرمل والبقاع», «الناصرية والعمارة»; a city only after another listed
    city: «منطقة السيف وفيلا» is a villa)."""
    city = "CITY" in g and lex_label(doc.stems[i]) not in ("PERS", "MIX")
    cued = city and i > 0 and doc.words[i - 1] in PLACE_PREPS and not (
        i + 1 < doc.n and doc.stems[i + 1].startswith("راس"))
    if not cued and g & {"REG", "CTRY", "CITY"} and i > 0 and doc.pre[i] == "و":
        prev = doc.span_at(i - 1)
        cued = prev is not None and prev.typ == "LOC" and (
            bool(g & {"REG", "CTRY"}) or (prev.j - prev.i == 1 and "CITY" in doc.gaz(prev.i)))
    return cued


def countries(doc: Doc) -> None:
    """Country, region and city names from CLDR and the news lists, even where the CRF saw none."""
    for i, g in enumerate(doc.gaz_all()):
        if not g and not doc.toks[i][:1].isascii() or doc.owner[i] is not None:
            continue
        city = "CITY" in g and lex_label(doc.stems[i]) not in ("PERS", "MIX")
        cued = _cued_city(doc, i, g)
        if (g & {"CTRY", "REG"} or city) and (doc.stems[i] not in common() or cued) and i > 0 \
                and not adjective_not_place(doc, i) and doc.stems[i - 1] not in CUP_HEADS:
            doc.add(i, i + 1, "LOC")
        elif "MEDIA" in g or _ACRONYM.fullmatch(doc.toks[i]):
            doc.add(i, i + 1, "ORG")
