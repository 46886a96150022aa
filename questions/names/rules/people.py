"""People: names after a title or a role, after a nationality used as a noun, after a reporting verb,
in a list with another person, first name + surname pairs, and hyphenated names.

Each rule of ``PEOPLE_RULES`` is ``(doc, p) -> bool``: it looks at token p and adds the person that
starts there, returning True when the later rules are not to be asked about p. Every rule but the list
rule is asked only about a token that may open a name.
"""

from __future__ import annotations

from collections.abc import Callable

from questions.names.lexicon import lex_label
from questions.names.rules.predicates import PRONOUN_ENDINGS, country_nisba, name_end, role_before
from questions.names.tokens import Doc, could_start_name, split_word
from questions.names.words import NOT_SAID_BY, PERSON_CUES, REPORT_VERBS, STOP, never_opens_a_name
from questions.normalize import strip_diacritics

PeopleRule = Callable[[Doc, int], bool]


def person_in_list(doc: Doc, p: int) -> bool:
    """«بوتين وميركل»: و + a word that may open a name, right after a person, is the next person."""
    before = doc.span_at(p - 1)
    if doc.owner[p] is None and doc.toks[p][:1] == "و" and doc.pre[p] in ("", "و") \
            and before is not None and before.typ == "PERS" and len(doc.words[p]) >= 4 \
            and doc.same_sentence(p - 1, p):
        rest = doc.words[p][1:]
        pre, stem = split_word(rest)
        if could_start_name(rest, pre, stem, False):
            doc.add(p, p + 1, "PERS", cut=1)
            return True
    return False


def _may_open(doc: Doc, p: int) -> bool:
    return (doc.starts[p] and doc.owner[p] is None) or (
        doc.owner[p] is None and "PERS" in doc.gaz(p) and not doc.pre[p] and not doc.definite[p]
        and not doc.punct(p))


def _cue_before(doc: Doc, p: int) -> int | None:
    """The token before p, over one comma, when it is in p's sentence."""
    k = p - 1
    if doc.toks[k] in ("،", ",") and k > 0:
        k -= 1
    return k if doc.same_sentence(k, p) else None


def after_role(doc: Doc, p: int) -> bool:
    """وزير الخارجية الأردني أيمن الصفدي: a name after a title, a role or a cue (المرشح, نظيره)."""
    k = _cue_before(doc, p)
    if k is None or not (role_before(doc, p) < p or doc.stems[k] in PERSON_CUES):
        return False
    if never_opens_a_name(doc.words[p], doc.stems[p]) or goes_on_a_body(doc, p):
        return False  # «القاضي بحبس المتهم»: the ruling, not a judge's name
    doc.add(p, name_end(doc, p), "PERS")
    return True


def goes_on_a_body(doc: Doc, p: int) -> bool:
    """«الأمين المساعد في الاتحاد العام لنقابات عمال البحرين»: a word glued to ل right after a body's name
    says what the body is for; it opens no one's name. A body closed by its country («مدرب الاتحاد
    الفرنسي لوران غارنييه») or a listed first name may be followed by a name."""
    before = doc.span_at(p - 1)
    return doc.words[p].startswith("ل") and before is not None and before.typ == "ORG" and before.j == p \
        and "PERS" not in doc.gaz(p) and not country_nisba(doc.stems[p - 1])


def _no_pronoun(doc: Doc, p: int) -> bool:
    return not strip_diacritics(doc.toks[p]).endswith(PRONOUN_ENDINGS)


def after_nationality(doc: Doc, p: int) -> bool:
    """حل الأسترالي أوسكار بياستري: a nationality used as a noun introduces a name."""
    k = p - 1
    if _cue_before(doc, p) == k and not doc.pre[k] and doc.definite[k] \
            and country_nisba(doc.stems[k]) \
            and not (k > 0 and (doc.punct(k - 1) or doc.span_at(k - 1) is not None)) \
            and not (k > 0 and doc.definite[k - 1] and doc.same_sentence(k - 1, k)) \
            and lex_label(doc.stems[p]) in ("UNK", "PERS", "MIX", "MISC") and _no_pronoun(doc, p):
        doc.add(p, name_end(doc, p), "PERS")
        return True
    return False


def after_reporting_verb(doc: Doc, p: int) -> bool:
    """«قال محمد …»: a name right after a reporting verb is the speaker (not after بحسب, وفق)."""
    k = p - 1
    if _cue_before(doc, p) == k and doc.words[k] in REPORT_VERBS \
            and doc.words[k] not in NOT_SAID_BY \
            and lex_label(doc.stems[p]) in ("UNK", "PERS", "MIX") and _no_pronoun(doc, p):
        doc.add(p, name_end(doc, p), "PERS")
        return True
    return False


def first_name_pair(doc: Doc, p: int) -> bool:
    """A listed first name and the words after it that may be a surname."""
    if _cue_before(doc, p) is not None and "PERS" in doc.gaz(p) and p + 1 < doc.n \
            and doc.same_sentence(p, p + 1):
        q = name_end(doc, p)
        if q > p + 1:
            doc.add(p, q, "PERS")
    return False


PEOPLE_RULES: tuple[PeopleRule, ...] = (
    person_in_list, after_role, after_nationality, after_reporting_verb, first_name_pair,
)
# On ANERcorp these rules trade as much precision as they gain recall (its annotation differs), so
# ner-eval leaves them out; they stay on for articles.
CORPUS_PEOPLE_RULES: tuple[PeopleRule, ...] = ()


def people(doc: Doc, rules: tuple[PeopleRule, ...] | None = None) -> None:
    """Names after a title or role, a nationality or a reporting verb, in lists, and name pairs."""
    rules = PEOPLE_RULES if rules is None else rules
    for p in range(1, doc.n):
        opens = None
        for rule in rules:
            if rule is not person_in_list:
                if opens is None:
                    opens = _may_open(doc, p)
                if not opens:
                    break  # the other rules need a word that may open a name
            if rule(doc, p):
                break


def _dotted_ali(doc: Doc, i: int) -> bool:
    return strip_diacritics(doc.toks[i]) == "علي"


def written_ali(doc: Doc) -> None:
    """«اعتبر علي حسن المرزوق»: a dotted «علي» right before a person's name is the name's first word
    (folded, it is the preposition «على»), unless the article writes the preposition so («علي الرغم»)."""
    if any(_dotted_ali(doc, i) and (doc.definite[i + 1] or doc.words[i + 1] in STOP or doc.punct(i + 1))
           for i in range(doc.n - 1)):
        return
    for sp in doc.live():
        i = sp.i
        if sp.typ == "PERS" and i > 0 and doc.span_at(i - 1) is None and doc.same_sentence(i - 1, i) \
                and _dotted_ali(doc, i - 1):
            first = doc.span_at(i - 2) if i > 1 and doc.same_sentence(i - 2, i) else None
            start = first.i if first is not None and first.typ == "PERS" else i - 1  # «عمر علي جيدي»
            doc.add(start, sp.j, "PERS", force=True, kind=sp.kind)


def hyphenated(doc: Doc) -> None:
    """A hyphen written inside a person's name joins its parts: «ماري-كلير مونغا», «جان-إيف لودريان»."""
    for sp in doc.live():
        if sp.typ != "PERS" or doc.owner[sp.i] is None:
            continue
        k = sp.j
        if k + 1 >= doc.n or doc.toks[k] not in ("-", "‐") or doc.offs[k - 1][1] != doc.offs[k][0] \
                or doc.offs[k][1] != doc.offs[k + 1][0]:
            continue
        nxt = doc.span_at(k + 1)
        if nxt is not None and nxt.typ == "PERS" and nxt.i == k + 1:
            end = nxt.j
        elif nxt is None and doc.starts[k + 1] and not doc.is_common(k + 1):
            end = name_end(doc, k + 1)
        else:
            continue
        doc.add(sp.i, end, "PERS", force=True)
