"""Spans the tagger ran across two names, or typed as the wrong kind of name, split and retyped.

Each rule is ``(doc, span) -> pieces | None``: None when it does not apply (the next rule is tried),
``KEEP`` when it applies and leaves the span as it is, ``DROP`` when the span is no name, else the
``(start, end, type)`` pieces that replace the span. ``SPLITS`` lists them in the order they are tried;
the first that applies decides.
"""

from __future__ import annotations

from collections.abc import Callable

from questions.datepatterns import HIJRI_MONTHS
from questions.names.features import phrase_tags
from questions.names.lexicon import lex_label, lexicon
from questions.names.rules.predicates import country_nisba, is_title, not_a_body, wa_unknown
from questions.names.tokens import Doc, Span
from questions.names.words import MONTH_WORDS_BEFORE, NAME_LINKS, ORG_HEADS

Pieces = tuple[tuple[int, int, str], ...]
KEEP: Pieces = ()
DROP: Pieces = ((-1, -1, ""),)
Split = Callable[[Doc, Span], "Pieces | None"]

# One-word Hijri months, which are also men's names (رمضان, رجب, شعبان).
_HIJRI_NAMES = frozenset(m for m in HIJRI_MONTHS if " " not in m)


def _key(doc: Doc, sp: Span) -> str:
    return " ".join([doc.stems[sp.i], *doc.words[sp.i + 1:sp.j]])


def function_is_no_body(doc: Doc, sp: Span) -> Pieces | None:
    """«مجلس الإدارة», «هيئة التدريس»: a function or a group of people, not a body."""
    return DROP if sp.typ == "ORG" and not_a_body(_key(doc, sp).split()) else None


def listed_company_is_no_place(doc: Doc, sp: Span) -> Pieces | None:
    """«من بوينغ»: a listed company or body, not a place."""
    key = _key(doc, sp)
    lex = lexicon()
    if sp.typ == "LOC" and key in lex.media and key not in lex.kind:
        return ((sp.i, sp.j, "ORG"),)
    return None


def nationality_before_person(doc: Doc, sp: Span) -> Pieces | None:
    """«باسم اليونيفيل الإيطالية فرانشيسكا موريتي»: a country's adjective, then a person."""
    if sp.typ == "LOC" and sp.j - sp.i >= 2 and not doc.pre[sp.i] and doc.definite[sp.i] \
            and country_nisba(doc.stems[sp.i]) and doc.starts[sp.i + 1]:
        return ((sp.i + 1, sp.j, "PERS"),)
    return None


def places_joined_by_wa(doc: Doc, sp: Span) -> Pieces | None:
    """«بيروت ولندن», «الخيام وكفركلا»: و + a listed or unknown place starts another place
    (a listed name that holds و itself, البوسنة والهرسك, stays whole)."""
    if sp.typ != "LOC" or any(phrase_tags(doc.words[sp.i:sp.j])[0]):
        return None
    cuts = [k for k in range(sp.i + 1, sp.j) if (doc.pre[k] == "و" and (
        doc.gaz(k) & {"CTRY", "REG", "CITY"} or not doc.is_common(k))) or wa_unknown(doc, k)]
    if not cuts:
        return KEEP
    return tuple((a, b, sp.typ) for a, b in zip([sp.i] + cuts, cuts + [sp.j]))


def one_word_person(doc: Doc, sp: Span) -> Pieces | None:
    """One word: a listed city or country and no known name is a place («وفد كينشاسا»); a Hijri month
    after a month word is the month («هلال شهر رمضان»), not a man named Ramadan."""
    if sp.typ != "PERS" or sp.j - sp.i != 1:
        return None
    if doc.gaz(sp.i) & {"CITY", "CTRY"} and "PERS" not in doc.gaz(sp.i) \
            and lex_label(doc.stems[sp.i]) not in ("PERS", "MIX"):
        return ((sp.i, sp.j, "LOC"),)
    if doc.stems[sp.i] in _HIJRI_NAMES and sp.i > 0 and doc.stems[sp.i - 1] in MONTH_WORDS_BEFORE:
        return DROP
    return KEEP


def nationality_between_people(doc: Doc, sp: Span) -> Pieces | None:
    """«ويخلف يوسف التشادي موسى فقي محمد»: a country's adjective ends one person, the next follows."""
    if sp.typ != "PERS":
        return None
    mid = next((k for k in range(sp.i + 1, sp.j - 1) if not doc.pre[k] and country_nisba(doc.stems[k])), None)
    if mid is None:
        return KEEP
    return ((sp.i, mid, sp.typ), (mid + 1, sp.j, sp.typ))


def person_after_definite_body(doc: Doc, sp: Span) -> Pieces | None:
    """«في المفوضية سلوى الربيعي»: a definite body takes no name of its own; a person follows it
    (the body, if named in full elsewhere, is linked later)."""
    if sp.typ == "ORG" and sp.j - sp.i >= 2 and doc.definite[sp.i] and doc.stems[sp.i] in ORG_HEADS \
            and not doc.pre[sp.i + 1] and not doc.definite[sp.i + 1] and doc.starts[sp.i + 1] \
            and (not doc.gaz(sp.i + 1) - {"PERS"} or "PERS" in doc.gaz(sp.i + 1)
                 or lex_label(doc.stems[sp.i + 1]) == "PERS"):
        return ((sp.i + 1, sp.j, "PERS"),)
    return None


def _first_name_in_body(doc: Doc, sp: Span, k: int) -> bool:
    return lex_label(doc.stems[k]) == "PERS" and "PERS" in doc.gaz(k) and not doc.pre[k] \
        and not doc.definite[k] and doc.stems[k - 1] not in ORG_HEADS \
        and not is_title(doc, k - 1) and doc.words[k - 1] not in NAME_LINKS \
        and not any(doc.definite[m] or doc.pre[m] for m in range(k, sp.j))


def person_after_body_name(doc: Doc, sp: Span) -> Pieces | None:
    """«لمجمع سوناطراك كمال بوزيدي»: a known first name and a surname after the body's own name
    (not right after its head: مؤسسة محمد بن راشد is named after him)."""
    if sp.typ != "ORG":
        return None
    first = next((k for k in range(sp.i + 1, sp.j - 1) if _first_name_in_body(doc, sp, k)), None)
    if first is None:
        return KEEP
    return ((sp.i, first, sp.typ), (first, sp.j, "PERS"))


SPLITS: tuple[Split, ...] = (
    function_is_no_body, listed_company_is_no_place, nationality_before_person, places_joined_by_wa,
    one_word_person, nationality_between_people, person_after_definite_body, person_after_body_name,
)


def split_joined(doc: Doc) -> None:
    """Split or retype every span by the first rule of ``SPLITS`` that applies to it."""
    for sp in list(doc.spans):
        if sp is None:
            continue
        pieces = next((p for p in (rule(doc, sp) for rule in SPLITS) if p is not None), KEEP)
        if pieces is DROP:
            doc.drop_at(sp.i)
            continue
        if not pieces or pieces == ((sp.i, sp.j, sp.typ),):
            continue
        kind = sp.kind
        doc.drop_at(sp.i)
        for a, b, t in pieces:
            doc.add(a, b, t, kind=kind if a == sp.i else None)
