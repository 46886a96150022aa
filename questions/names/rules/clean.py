"""Span clean-up: trim titles, verbs, ordinary words and punctuation off the spans, and drop what is left
of ordinary words.

Each trim is a named function ``(doc, span, i, j) -> (i, j)`` that moves the span's start ``i`` or end
``j``; ``TRIMS`` lists them in the order they run on every span.
"""

from __future__ import annotations

from collections.abc import Callable

from questions.names.features import phrase_tags
from questions.names.lexicon import lex_label
from questions.names.rules.predicates import (
    ACCUSATIVE_ENDINGS, NISBA_ENDINGS, adjective_not_place, is_roleish, is_title, known_name, verb_like, verb_shaped,
)
from questions.names.tokens import Doc, Span
from questions.names.words import (
    AGE_VERBS, EVENT_HEADS, KIN_LINKS, LEAD_VERBS, MINISTER, NAME_LINKS, ORDINALS, ORG_HEADS,
    PLACE_HEADS, REPORT_VERBS, STOP, never_opens_a_name,
)
from questions.normalize import fold, strip_diacritics

Trim = Callable[[Doc, Span, int, int], tuple[int, int]]

_AGE_WORD = fold("عمر")
# ANERcorp tags the country of a national team as a place (منتخب [مصر]), so ner-eval keeps it.
_CORPUS_EVENT_HEADS = EVENT_HEADS - {fold("منتخب")}


def is_age(doc: Doc, sp: Span) -> bool:
    """«عن عمر ناهز 70 عاماً», «بعمر 90 عاماً»: عمر is the age, not the name Omar."""
    i = sp.i
    return sp.typ == "PERS" and doc.stems[i] == _AGE_WORD and i + 1 < doc.n \
        and (doc.words[i + 1] in AGE_VERBS or doc.words[i + 1][:1].isdigit())


def _opens_no_name(doc: Doc, i: int) -> bool:
    return is_roleish(doc, i) or doc.words[i] in STOP or doc.words[i] in REPORT_VERBS \
        or doc.words[i] in LEAD_VERBS or never_opens_a_name(doc.words[i], doc.stems[i]) or doc.stems[i] in ORDINALS \
        or (doc.is_common(i) and lex_label(doc.stems[i]) == "O" and doc.words[i] not in NAME_LINKS)


def skip_leading_cues(doc: Doc, sp: Span, i: int, j: int) -> tuple[int, int]:
    """Punctuation, and before a person titles, roles, verbs, ordinals and ordinary words, do not open a name
    («ثاني أصغر لاعب»)."""
    while i < j and (doc.punct(i) or (sp.typ == "PERS" and _opens_no_name(doc, i))):
        i += 1
    return i, j


def body_stops_at_title(doc: Doc, sp: Span, i: int, j: int) -> tuple[int, int]:
    """«…السعودي الأمير»: a title after a body opens the next name; «وزير الطاقة» is a portfolio."""
    if sp.typ != "ORG":
        return i, j
    while j > i + 1 and is_title(doc, j - 1):
        j -= 1
    if i > 0 and doc.stems[i - 1] in MINISTER and doc.stems[i] not in ORG_HEADS:
        j = i
    return i, j


def body_skips_leading_nouns(doc: Doc, sp: Span, i: int, j: int) -> tuple[int, int]:
    """«فلول تنظيم داعش»: ordinary nouns before a body's name (but برنامج الأغذية العالمي is listed whole)."""
    while sp.typ == "ORG" and j - i >= 2 and doc.is_common(i) and lex_label(doc.stems[i]) == "O" \
            and doc.stems[i] not in ORG_HEADS and not doc.definite[i] \
            and not any(phrase_tags(doc.words[i:j])[0]):
        i += 1
    return i, j


def nationality_after_role(doc: Doc, sp: Span, i: int, j: int) -> tuple[int, int]:
    """«الرئيس الأمريكي دونالد ترامب»: the nationality belongs to the role; «ولي العهد السعودي» has no name."""
    if not (sp.typ == "PERS" and i > sp.i and is_roleish(doc, i - 1)):
        return i, j
    while j - i >= 2 and doc.definite[i] and doc.stems[i].endswith(NISBA_ENDINGS):
        i += 1
    if j - i == 1 and doc.definite[i] and doc.stems[i].endswith(NISBA_ENDINGS) and doc.gaz(i) <= {"PERS"} \
            and lex_label(doc.stems[i]) != "PERS":
        j = i
    return i, j


def title_inside_person(doc: Doc, sp: Span, i: int, j: int) -> tuple[int, int]:
    """«ولي العهد السعودي الأمير محمد»: what precedes a title inside the span is a role."""
    if sp.typ == "PERS":
        for k in range(j - 2, i - 1, -1):
            if is_title(doc, k) and not (k > i and doc.words[k - 1] in NAME_LINKS):
                return k + 1, j
    return i, j


def preposition_ends_person(doc: Doc, sp: Span, i: int, j: int) -> tuple[int, int]:
    """«مولاي عبد الله بالرباط», «فادي شمعون بإقرار»: a preposition ends a person's name."""
    if sp.typ == "PERS":
        for k in range(i + 1, j):
            if doc.pre[k] and doc.pre[k] != "و" and (doc.definite[k] or doc.is_common(k)):
                return i, k
    return i, j


def verb_is_no_person(doc: Doc, sp: Span, i: int, j: int) -> tuple[int, int]:
    """«يتعاون», «سيزور», «يعارضها», «دعمه»: one verb-shaped word, or a noun with its pronoun, the tagger
    took for a name."""
    if sp.typ == "PERS" and j == i + 1 and verb_like(doc, i):
        return i, i
    return i, j


def drop_trailing_stops(doc: Doc, sp: Span, i: int, j: int) -> tuple[int, int]:
    """Punctuation and particles do not end a name."""
    while j > i and (doc.punct(j - 1) or doc.words[j - 1] in STOP):
        j -= 1
    return i, j


def digits_end_name(doc: Doc, sp: Span, i: int, j: int) -> tuple[int, int]:
    """A number ends a name."""
    for k in range(i, j):
        if doc.words[k][:1].isdigit():
            return i, k
    return i, j


def person_drops_next_noun(doc: Doc, sp: Span, i: int, j: int) -> tuple[int, int]:
    """"... رومانوسكي ملف النازحين": the tagger ran into the next noun."""
    while sp.typ == "PERS" and j - i >= 3 and doc.is_common(j - 1) and not doc.definite[j - 1] \
            and doc.words[j - 1] not in NAME_LINKS:
        j -= 1
    return i, j


def place_opens_no_person(doc: Doc, sp: Span, i: int, j: int) -> tuple[int, int]:
    """A country or region before a person's name is not part of it."""
    if sp.typ == "PERS" and j - i > 1 and doc.gaz(i) & {"CTRY", "REG"}:
        i += 1
    return i, j


def accusative_ends_person(doc: Doc, sp: Span, i: int, j: int) -> tuple[int, int]:
    """«حل الأسترالي أوسكار بياستري ثالثاً»: the accusative after a name is not part of it."""
    while sp.typ == "PERS" and j - i > 2 and doc.toks[j - 1].endswith(ACCUSATIVE_ENDINGS):
        j -= 1
    return i, j


def accusative_or_count_is_no_name(doc: Doc, sp: Span, i: int, j: int) -> tuple[int, int]:
    """A span ending in an accusative, or right after a number, is a counted noun, not a name."""
    if i < j and (doc.toks[j - 1].endswith(ACCUSATIVE_ENDINGS) or (i > 0 and doc.words[i - 1][:1].isdigit())):
        return i, i
    return i, j


def adjective_after_noun_is_no_place(doc: Doc, sp: Span, i: int, j: int) -> tuple[int, int]:
    """«الحدود السورية»: an adjective after a definite noun, not the country; «غلاف مالي» likewise."""
    if sp.typ == "LOC" and j == i + 1 and i > 0 and doc.definite[i] and doc.definite[i - 1] \
            and doc.span_at(i - 1) is None and doc.stems[i].endswith(("يه", "ي")) and not doc.pre[i]:
        return i, i
    if sp.typ == "LOC" and j == i + 1 and adjective_not_place(doc, i):
        return i, i
    return i, j


def nisba_surname(doc: Doc, sp: Span, i: int, j: int) -> tuple[int, int]:
    """«محمد شياع السوداني»: a nisba surname the tagger left out."""
    if sp.typ == "PERS" and j - i >= 2 and j < doc.n and doc.span_at(j) is None and doc.definite[j] \
            and not doc.pre[j] and doc.stems[j].endswith("ي") and doc.words[j] not in STOP \
            and doc.same_sentence(i, j) \
            and not is_roleish(doc, j) and (j + 1 >= doc.n or doc.punct(j + 1) or doc.is_common(j + 1)):
        j += 1
    return i, j


def adjective_is_no_person(doc: Doc, sp: Span, i: int, j: int) -> tuple[int, int]:
    """«كمسؤول ترابي», «قال مسؤول مغربي»: one indefinite nisba right after an indefinite role is its
    adjective, not a name (names that end in ي, هاني or سامي, are known names)."""
    if sp.typ == "PERS" and j == i + 1 and i > 0 and not doc.definite[i] and not doc.pre[i] \
            and doc.stems[i].endswith(NISBA_ENDINGS) and len(doc.stems[i]) >= 4 and not known_name(doc, i) \
            and not doc.definite[i - 1] and doc.span_at(i - 1) in (None, sp) and is_roleish(doc, i - 1) \
            and doc.same_sentence(i - 1, i):
        return i + 1, j
    return i, j


def title_ends_no_person(doc: Doc, sp: Span, i: int, j: int) -> tuple[int, int]:
    """«هنأ لفتيت الوالي الجديد»: a title or role after a name is the next person's, or its object's."""
    while sp.typ == "PERS" and j - i >= 2 and is_roleish(doc, j - 1):
        j -= 1
    return i, j


def link_word_ends_no_name(doc: Doc, sp: Span, i: int, j: int) -> tuple[int, int]:
    """«حمدان بن محمد بن راشد آل مكتوم», «زين العابدين بن علي»: a name does not end in بن, آل or أبو;
    the next word goes with it (and a person's name right after joins), or the link word goes."""
    if sp.typ != "PERS" or j - i < 2 or doc.words[j - 1] not in KIN_LINKS:
        return i, j
    if j < doc.n and doc.same_sentence(i, j) and not doc.punct(j) and not doc.pre[j]:
        nxt = doc.span_at(j)
        if nxt is None:
            return i, j + 1
        if nxt.typ == "PERS" and nxt.i == j:
            return i, nxt.j
    return i, j - 1


def adjacent_people_join(doc: Doc, sp: Span, i: int, j: int) -> tuple[int, int]:
    """«المستشار مدبولي حلمي كساب», «نيمار دا سيلفا»: a person's name right after another, with nothing
    or only a particle of names between, is the rest of the same long name."""
    if sp.typ != "PERS" or j <= i or j >= doc.n:
        return i, j
    k = j + 1 if doc.words[j] in NAME_LINKS and j + 1 < doc.n else j  # «نيمار دا سيلفا»
    nxt = doc.span_at(k)
    if nxt is not None and nxt is not sp and nxt.typ == "PERS" and nxt.i == k and doc.same_sentence(i, k) \
            and doc.toks[k][:1] != "و" and doc.span_at(j) in (None, nxt) and nxt.j - i <= 6:
        return i, nxt.j
    return i, j


def _continues_name(doc: Doc, i: int, j: int) -> bool:
    return j < doc.n and doc.owner[j] is None and doc.starts[j] and not verb_shaped(doc, j) \
        and doc.same_sentence(i, j) and lex_label(doc.stems[j]) in ("UNK", "PERS") \
        and not strip_diacritics(doc.toks[j]).endswith(("ه", "ها", "هم")) \
        and doc.words[j][:1] not in "وف" and not doc.toks[j].endswith(ACCUSATIVE_ENDINGS)


def unknown_word_continues_person(doc: Doc, sp: Span, i: int, j: int) -> tuple[int, int]:
    """«برئاسة عزيز أخنوش»: an unknown word right after a name continues it."""
    while sp.typ == "PERS" and j - i < 4 and _continues_name(doc, i, j):
        j += 1
    return i, j


TRIMS: tuple[Trim, ...] = (
    skip_leading_cues, body_stops_at_title, body_skips_leading_nouns, nationality_after_role,
    title_inside_person, preposition_ends_person, verb_is_no_person,
    drop_trailing_stops, digits_end_name, person_drops_next_noun, place_opens_no_person, accusative_ends_person,
    accusative_or_count_is_no_name, adjective_after_noun_is_no_place, nisba_surname, adjective_is_no_person,
    title_ends_no_person, link_word_ends_no_name, adjacent_people_join,
)
# After the other rules ran, a person's name may also grow over unknown words.
EXTENDING_TRIMS: tuple[Trim, ...] = (*TRIMS, unknown_word_continues_person)


def _mostly_ordinary(doc: Doc, sp: Span, events: frozenset[str]) -> bool:
    """A span of ordinary words no list knows, or a place that names an event (كأس آسيا), is no name."""
    toks = range(sp.i, sp.j)
    known = any(phrase_tags(doc.words[sp.i:sp.j])[0]) or (len(toks) == 1 and bool(doc.gaz(sp.i))) \
        or sp.kind in ("region", "site", "named") \
        or (sp.typ == "ORG" and doc.stems[sp.i] in ORG_HEADS)
    event = sp.typ == "LOC" and sp.i > 0 and (doc.stems[sp.i - 1] in events or doc.words[sp.i - 1] in events)
    return event or (not known and sum(doc.is_common(k) for k in toks) * 2 > len(toks))


def clean(doc: Doc, extend: bool = False, corpus_style: bool = False) -> None:
    """Trim every span (``TRIMS`` in order); drop spans left empty or made of ordinary words."""
    events = _CORPUS_EVENT_HEADS if corpus_style else EVENT_HEADS
    trims = EXTENDING_TRIMS if extend else TRIMS
    for idx, sp in enumerate(list(doc.spans)):
        if sp is None or doc.spans[idx] is not sp:
            continue  # gone, or taken into a longer name by a trim
        if is_age(doc, sp):
            doc.drop(idx)
            continue
        i, j = sp.i, sp.j
        for trim in trims:
            i, j = trim(doc, sp, i, j)
        if i >= j:
            doc.drop(idx)
            continue
        if sp.typ == "PERS" and j - i >= 2 and not doc.pre[i] and not doc.definite[i] and doc.stems[i] in PLACE_HEADS:
            doc.drop(idx)
            doc.add(i, j, "LOC")  # «وادي الرمال»: a place's head opens it, whatever came before
            continue
        if (i, j) != (sp.i, sp.j):
            typ, kind = sp.typ, sp.kind
            doc.drop(idx)
            doc.add(i, j, typ, kind=kind, force=True)
            new = doc.span_at(i)
            assert new is not None  # narrows the type for mypy; added just above  # nosec B101
            sp = new
        if _mostly_ordinary(doc, sp, events):
            doc.drop_at(sp.i)
