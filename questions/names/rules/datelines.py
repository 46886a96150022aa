"""Agency datelines opening a paragraph: «مسقط - «العمانية»:», «الرباط (رويترز) -».

The one to three words before the dash or bracket name a place; the quoted, bracketed or (in Omani
copy) slashed words after it name the agency or newspaper. A date may sit between the two:
«طرابلس 16 ديسمبر 2025 (وال) -», «مسقط في 3 ديسمبر /العُمانية/ أعلن».
"""

from __future__ import annotations

from questions.datepatterns import MONTHS
from questions.names.rules.quotes import OPEN_QUOTES
from questions.names.tokens import PLACE_GAZ, Doc
from questions.names.words import REPORT_VERBS

_DASHES = frozenset({"-", "–", "—"})


def _dateline_date_word(doc: Doc, k: int) -> bool:
    """A word of the date a dateline may carry: في, a number, a month."""
    w = doc.words[k]
    return w == "في" or w.isdigit() or w in MONTHS


def _place_end(doc: Doc, i: int) -> int:
    """End of the one to three words that open a paragraph before a mark or a date."""
    k = i
    while k < doc.n and k - i < 3 and not doc.punct(k) and doc.same_sentence(i, k) \
            and not _dateline_date_word(doc, k):
        k += 1
    return k


def _source_open(doc: Doc, k: int, m: int, listed: bool) -> tuple[int, str] | None:
    """Where the agency's name starts after the mark at m, and what closes it."""
    sep = doc.toks[m] if m + 2 < doc.n else ""
    if sep in _DASHES and m == k and doc.toks[m + 1] in OPEN_QUOTES:
        return m + 2, OPEN_QUOTES[doc.toks[m + 1]]
    if sep in _DASHES and m == k and listed and not doc.punct(m + 1):
        return m + 1, ":"  # «بغداد - واع:», «عدن - سبأ:»
    if sep in ("(", "/"):
        return m + 1, ")" if sep == "(" else "/"
    return None


def _source_end(doc: Doc, a: int, close: str) -> int | None:
    """End of the agency's name that starts at a, or None when what follows is no agency."""
    b = a
    while b < doc.n and b - a < 4 and doc.toks[b] != close and not doc.punct(b):
        b += 1
    if b == a or b >= doc.n or doc.toks[b] != close \
            or (close == "/" and any(doc.words[x][:1].isdigit() for x in range(a, b))) \
            or (close == ":" and (b - a > 2 or any(
                doc.is_common(x) or doc.words[x] in REPORT_VERBS for x in range(a, b)))):
        return None  # «القاهرة - قال مسؤول:» is no agency, «الحسين / 2 شباب الحسين / 0» a score
    after = doc.toks[b + 1] if b + 1 < doc.n else ""
    if close != ":" and after != ":" and after not in _DASHES \
            and not (close == "/" and after and not doc.punct(b + 1)):
        return None
    return b


def _dateline_at(doc: Doc, i: int) -> tuple[int, int, int] | None:
    """(place end, agency start, agency end) of a dateline opening the sentence at token i."""
    k = _place_end(doc, i)
    if k == i or k + 2 >= doc.n or not doc.same_sentence(i, k):
        return None
    place = doc.span_at(i)
    listed = (place is not None and place.typ == "LOC" and (place.i, place.j) == (i, k)) or (
        k == i + 1 and bool(doc.gaz(i) & PLACE_GAZ))
    m = k
    while m < doc.n and m - k < 5 and _dateline_date_word(doc, m) and doc.same_sentence(i, m):
        m += 1  # the dateline's own date
    if m > k and not listed:
        return None
    source = _source_open(doc, k, m, listed)
    if source is None:
        return None
    a, close = source
    b = _source_end(doc, a, close)
    if b is None:
        return None
    if not listed and any(doc.is_common(x) and not doc.gaz(x) & PLACE_GAZ for x in range(i, k)):
        return None  # ordinary words before a dash are a heading, not a dateline (but «مكة المكرمة -» is one)
    return k, a, b


def datelines(doc: Doc) -> None:
    """The place and the agency of every dateline that opens a sentence."""
    starts = [0] + [k for k in range(1, doc.n) if doc.sent[k] != doc.sent[k - 1]]
    for i in starts:
        found = _dateline_at(doc, i)
        if found is None:
            continue
        k, a, b = found
        doc.add(i, k, "LOC", force=True)
        # «الأيام», «المدى»: a paper's name, though a word; «(بنا)», «(ومع)»: an agency's letters, whole
        doc.add(a, b, "ORG", force=True, kind="named", cut=0)
