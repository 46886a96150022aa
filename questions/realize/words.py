"""Words of one sentence as the wh-question patterns read them: spans, folded forms, verbs, subjects."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from questions import lists
from questions.arabic import glued_conjunction
from questions.normalize import fold, strip_diacritics

PUNCT = "«»()[]،,.؛;:!؟?\"'"


@dataclass(frozen=True)
class Word:
    """A whitespace word of a sentence: its span and its bare folded form (no punctuation)."""

    start: int
    end: int
    text: str
    bare: str


@dataclass(frozen=True)
class Mention:
    """A fact inside the sentence, for the patterns: span relative to the sentence, type, name."""

    start: int
    end: int
    type: str
    name: str  # canonical name for people/places/organizations, surface otherwise


def words_of(sentence: str) -> list[Word]:
    """Split a sentence into words with offsets and bare folded forms."""
    return list(words(sentence))


@lru_cache(maxsize=4096)
def words(sentence: str) -> tuple[Word, ...]:
    return tuple(Word(m.start(), m.end(), m.group(0), fold(m.group(0)).strip(PUNCT))
                 for m in re.finditer(r"\S+", sentence))


def index_at(words: list[Word], pos: int) -> int:
    for i, w in enumerate(words):
        if w.start <= pos < w.end:
            return i
    return -1


def drop_conj(w: Word) -> str:
    """The word's bare form without a glued conjunction."""
    # «والوزير» keeps its article; «وأُلغيت» folds to the same start but is و + a verb.
    written = strip_diacritics(w.text).lstrip("«(\"")
    return w.bare[1:] if glued_conjunction(w.text) and not written.startswith(("وال", "فال")) else w.bare


def orig_without_conj(w: Word) -> str:
    t = w.text.strip("،,.")
    if glued_conjunction(t):
        return t[1:].lstrip("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652")
    return t


def present_verb(w: Word) -> bool:
    """True for a present-tense verb that describes what came before it («تستهدف», «يبلغ», «تضم»), or
    the present of a known news verb."""
    verbs = lists.folded("generation/news_verbs")
    b = w.bare
    return b in lists.folded("generation/describing_verbs") or \
        (len(b) >= 3 and b[0] in "يت" and (b[1:] in verbs or "ا" + b[1:] in verbs))


def is_verb(w: Word) -> bool:
    """True when ``w`` is a past-tense news verb (masculine or feminine, conjunction allowed)."""
    for b in {w.bare, drop_conj(w)}:
        if b in lists.folded("generation/news_verbs"):
            return True
        if b.endswith("ت") and (b[:-1] in lists.folded("generation/news_verbs") or b[:-1] + "ي" in lists.folded("generation/news_verbs") or b[:-1] + "ا" in lists.folded("generation/news_verbs")):
            return True
    return False




def verbish(w: Word) -> bool:
    """A verb in any past form (dual and plural too) or a relative pronoun: a clause boundary inside."""
    b = drop_conj(w)
    if is_verb(w) or b in lists.folded("generation/realize_nesting"):
        return True
    for suf in ("وا", "ا", "تا"):
        if b.endswith(suf) and b[: -len(suf)] in lists.folded("generation/news_verbs"):
            return True
    return False


def looks_like_verb(token: str) -> bool:
    """True when a single token reads as a past-tense news verb (used to vet extracted names)."""
    ws = words_of(token)
    return len(ws) == 1 and (is_verb(ws[0]) or ws[0].bare in lists.folded("generation/news_verbs"))


def feminine(verb_bare: str) -> bool:
    return verb_bare.endswith("ت") and verb_bare not in lists.folded("generation/news_verbs")


def clause_initial(words: list[Word], i: int) -> bool:
    j = i - 1
    while j >= 0 and words[j].bare in lists.folded("generation/realize_connectors") and not words[j].text.endswith("،"):
        j -= 1
    return j < 0 or words[j].text.endswith(("،", ",", ":", "؛"))


def mention_at(mentions: list[Mention], w: Word) -> Mention | None:
    for m in mentions:
        if m.start <= w.start < m.end or w.start <= m.start < w.end:
            return m
    return None


def explicit_subject(words: list[Word], i: int, mentions: list[Mention], verb: Word | None = None) -> bool:
    """True when word i (right after the verb) opens the verb's subject, not its object."""
    if i >= len(words):
        return False
    w = words[i]
    if w.bare in lists.folded("generation/realize_temporal") or w.bare in lists.folded("generation/realize_prepositions"):
        return False
    m = mention_at(mentions, w)
    if m is not None and m.type == "person":
        return True
    if m is not None and verb is not None and m.type in ("organization", "place"):
        # «تولّى وزارة الصناعة»: a named body right after a verb can be its object; trust it only
        # when it agrees with the verb (places are feminine: «استضافت الرياض»).
        fem = feminine(drop_conj(verb))
        return fem if m.type == "place" else fem == w.bare.endswith("ه")
    if m is not None or w.text.startswith("«"):
        return True
    if not w.bare.startswith("ال"):
        return False
    if verb is None:
        return True
    # A definite noun after the verb may be its object (ودرس الهندسة): trust it as the subject only
    # when its gender agrees with the verb's (أعلنت الهيئة، أعلن المجلس، حصلت القوائم).
    if feminine(drop_conj(verb)):
        return w.bare.endswith(("ه", "ات")) or plural_like(w.bare[2:])
    return not w.bare.endswith("ه")


def plural_like(stem: str) -> bool:
    """A broken plural shape (فواعل، مفاعل، أفعال) once folded: non-human plurals take a feminine verb."""
    return len(stem) == 5 and (stem[2] == "ا" or (stem[0] == "ا" and stem[3] == "ا"))


def clean(s: str) -> str:
    s = re.sub(r"\s+", " ", s).strip()
    s = re.sub(r"\s+([،,.؛:])", r"\1", s)
    s = re.sub(r"([،,])\s*[،,]", r"\1", s)
    return s.strip(" ،,.؛:")


def outside_quotes_commas(text: str) -> list[int]:
    depth = 0
    out = []
    for i, ch in enumerate(text):
        if ch in "«(":
            depth += 1
        elif ch in "»)":
            depth = max(0, depth - 1)
        elif ch in "،," and depth == 0:
            out.append(i)
    return out


def shorten(rest: str, min_words: int = 3, max_words: int = 18, prefer: int = 14) -> str | None:
    """Cut ``rest`` at a comma outside quotes when it is long; None when it cannot be cut.

    A clause longer than ``prefer`` words is cut at the first comma that leaves ``min_words`` to
    ``prefer`` words; failing that it is kept whole up to ``max_words``.
    """
    rest = clean(rest)
    n = len(rest.split())
    if n <= prefer:
        return rest
    for limit in (prefer, max_words):
        for c in outside_quotes_commas(rest):
            if not second_clause_at(rest, c):
                continue  # «أعلنت في تونس، مساء الأحد، النتائج»: the clause goes on after this comma
            head = rest[:c]
            if min_words <= len(head.split()) <= limit:
                return clean(head)
        if n <= max_words:
            return rest
    return None




def second_clause_at(text: str, comma: int) -> bool:
    """True when a new clause starts after the comma at ``comma``: a connector, «و» + word, or a
    circumstantial accusative (مؤكدًا، داعياً)."""
    raw = text[comma + 1:].split()
    if not raw:
        return False
    nxt = fold(text[comma + 1:]).split()
    if nxt[0] in lists.folded("generation/realize_second_clause") or " ".join(nxt[:2]) in lists.folded("generation/realize_second_clause"):
        return True
    if glued_conjunction(raw[0]) == "و":
        return True
    word = strip_diacritics(raw[0].strip(PUNCT))
    return len(word) >= 5 and ("ً" in raw[0] or word.endswith("يا")) and not word.startswith("ال")


def cut_second_clause(text: str) -> str:
    """Cut ``text`` before «، فيما/بينما/مما ...» where a second clause (often another subject) starts."""
    for c in outside_quotes_commas(text):
        if second_clause_at(text, c) and len(text[:c].split()) >= 2:
            return text[:c]
    return text


def verb_text(w: Word) -> str:
    return orig_without_conj(w)


def _stray_qad(prompt: str) -> str:
    """``prompt`` without a «قد» left before a noun or a preposition once «كان ... قد» lost its «كان» («متى
    بلغ العين قد النهائي» -> «متى بلغ العين النهائي», «متى وافق المجلس قد على ...»): «قد» only ever comes
    before a verb."""
    return re.sub(r"(?<=\s)قد\s+(?=ال|(?:على|علي|في|من|إلى|الى|عن|مع)\s)", "", prompt)


def finish(prompt: str) -> str | None:
    prompt = _stray_qad(clean(prompt))
    if prompt.count("«") != prompt.count("»") or prompt.count("(") != prompt.count(")"):
        return None
    if prompt.count('"') % 2 or prompt.count("“") != prompt.count("”"):
        return None  # a quotation cut in half
    last = fold(prompt.split()[-1]).strip("،,.") if prompt.split() else ""
    if last in lists.folded("generation/needs_complement") | lists.folded("generation/realize_prepositions"):
        return None  # «ما نسبة ارتفاع إيراداتها مقارنة؟»: compared with what
    return prompt + "؟"




@lru_cache(maxsize=1)
def _masdar_table() -> tuple[tuple[str, str, str], ...]:
    out = []
    for noun, rest in lists.pairs("generation/realize_masdars"):
        verb, _, written = rest.partition("|")
        out.append((fold(noun), fold(verb.strip()), written.strip()))
    return tuple(out)


def masdar_verbs() -> dict[str, str]:
    """Verbal nouns of change (folded) and the verbs they come from: «ارتفاع» -> «ارتفع»."""
    return {noun: verb for noun, verb, _ in _masdar_table()}


def verb_masdars() -> dict[str, str]:
    """Verbs of change (folded) and their verbal nouns as written: «زاد» -> «زيادة»."""
    return {verb: written for _, verb, written in _masdar_table()}


def masdar_spellings() -> dict[str, str]:
    """Verbal nouns of change (folded) as written: «زياده» -> «زيادة»."""
    return {noun: written for noun, _, written in _masdar_table()}
