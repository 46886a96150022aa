"""Clauses of a sentence, and the stretch of a sentence a question about one fact stands on.

A stem is the clause that carries the fact, not the whole sentence: a leading discourse phrase
(«وفي التفاصيل،») is dropped, a trailing attribution («حسبما أفادت رويترز») or any clause after the
fact's clause is cut, and a clause that leans on the one before it for its subject («حيث تعهد ...»,
«مؤكدًا أن ...») keeps that one. Long sentences are split this way instead of being skipped.

Boundaries are found on whitespace words outside «quotes» and (brackets): a comma followed by a
clause opener (lists in ``data/lists/generation``), «و» + a verb, a verb, or a circumstantial
accusative («مؤكدًا»); and a few openers that need no comma (حيث، مما، ثم، لكنه، فيما...).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from questions import lists
from questions.arabic import QUOTATION_MARKS, glued_conjunction
from questions.normalize import fold, strip_diacritics
from questions.realize import Word, is_verb, present_verb, words_of

MIN_STEM_WORDS = 5
MAX_STEM_WORDS = 36  # once its asides are left out (``tidy``)
MAX_RAW_WORDS = 90
MIN_WORDS_AFTER_BLANK = 3  # a stem cut short keeps this much of what is said after its blank

_PUNCT = "«»()[]،,.؛;:!؟?\"'"
_COMMAS = ("،", ",", "؛", ";")


@dataclass(frozen=True)
class Clause:
    """One clause: its span in the sentence, where its own words start and what it is.

    ``role`` is ``main`` (stands alone), ``dependent`` (leans on the clause before it), ``contrast``
    (stands alone, set against the one before: «فيما ...»), ``attribution`` («حسبما أفادت ...»)
    or ``adjunct`` (a leading phrase without a verb: «وفي التفاصيل،», «في عام 2025،»).
    """

    start: int
    end: int
    body: int  # where the clause's words start, after its opener
    role: str


def _opener(words: list[Word], i: int) -> tuple[str, int]:
    """The opener category at word ``i`` and how many words it takes ("" and 0 when none)."""
    w1 = words[i].bare
    w2 = f"{w1} {words[i + 1].bare}" if i + 1 < len(words) else ""
    w3 = f"{w2} {words[i + 2].bare}" if i + 2 < len(words) else ""
    if w2 in lists.folded("generation/regarding_phrases"):
        return "", 0  # «فيما يخص طلبة غزة، قال ...»: what the sentence is about, not a contrast
    for phrase, n in ((w3, 3), (w2, 2), (w1, 1)):
        if not phrase:
            continue
        for category in ("attribution", "contrast", "dependent"):
            if phrase in lists.folded(f"generation/{category}_openers"):
                return category, n
    return "", 0


def _circumstantial(w: Word) -> bool:
    """«مؤكدًا»، «مشيرةً»، «داعيا»: an indefinite accusative participle opening a clause of manner."""
    word = strip_diacritics(w.text.strip(_PUNCT))
    if w.bare in lists.folded("generation/manner_participles"):
        return True  # «مشيرة إلى أن ...» written without its tanween
    if word.startswith(("ال", "و")) or len(word) < 5:
        return False
    return "ً" in w.text or word.endswith(("يا", "ةً")) or (word.startswith("م") and word.endswith(("ا", "ين")))


def _imperfect(w: Word) -> bool:
    """«يهدف»، «ويعود»، «لتشكل»: a word in the shape of a third-person imperfect verb (or one of purpose)."""
    bare = w.bare[1:] if glued_conjunction(w.text) == "و" else w.bare
    if bare.startswith(("لي", "لت")) and len(bare) >= 4 and not bare.startswith(("ليل", "ليبي")):
        return True  # «، لتشكل الإيرادات النفطية ...», «، ليصل العجز ...»: a clause of result
    return len(bare) >= 4 and bare[0] == "ي" and not bare.startswith(("يوم", "يون", "ينا", "يول", "يمين"))


def _after_comma(words: list[Word], i: int) -> str:
    """The role of a clause starting at word ``i`` right after a comma, or "" when the comma is not a
    clause boundary (an apposition, a parenthesis)."""
    category, _ = _opener(words, i)
    if category:
        return category
    w = words[i]
    if (is_verb(w) or _imperfect(w)) and glued_conjunction(w.text) == "و":
        return "dependent"  # «، وأضاف ...», «، ويعود ذلك ...»
    if is_verb(w) or _imperfect(w) or _circumstantial(w):
        return "dependent"  # «، يهدف إلى ...», «، مؤكدًا أن ...»
    return ""


def _depths(words: list[Word]) -> list[int]:
    """For each word, how many «quotes» or (brackets) are open before it."""
    out = []
    depth = 0
    for w in words:
        out.append(depth)
        for ch in w.text:
            if ch in "«(":
                depth += 1
            elif ch in "»)":
                depth = max(0, depth - 1)
    return out


@lru_cache(maxsize=4096)
def split_clauses(sentence: str) -> tuple[Clause, ...]:
    """The clauses of ``sentence`` in order (at least one)."""
    words = words_of(sentence)
    if not words:
        return ()
    depth = _depths(words)
    cuts: list[tuple[int, str, int]] = []  # (word index, role, opener length)
    for i in range(1, len(words)):
        if depth[i]:
            continue
        comma = words[i - 1].text.rstrip("»)").endswith(_COMMAS)
        if comma:
            role = _after_comma(words, i)
            if role:
                cuts.append((i, role, _opener(words, i)[1]))
                continue
        category, n = _opener(words, i)
        if category and " ".join(words[j].bare for j in range(i, i + n)) in lists.folded("generation/no_comma_openers"):
            cuts.append((i, category, n))
    first_role = "main"
    if cuts and _leading_adjunct(words, cuts[0][0]):
        first_role = "adjunct"
    elif not cuts or cuts[0][0] > 1:
        lead = _lead_phrase(words, depth)
        if lead:
            cuts.insert(0, (lead, "main", 0))
            first_role = "adjunct"
    cuts = [c for c in cuts if not _adjunct_inside(sentence, words, c, cuts)]
    out: list[Clause] = []
    starts = [(0, first_role, 0), *cuts]
    for k, (i, role, n) in enumerate(starts):
        end_word = starts[k + 1][0] - 1 if k + 1 < len(starts) else len(words) - 1
        if role in ("dependent", "attribution") and k > 0 and out and out[-1].role == "adjunct":
            role = "main"  # «وفي التفاصيل، هنأ ...»: what follows a leading phrase is the main clause
        start = words[i].start
        end = words[end_word].end
        while end > start and sentence[end - 1] in "،,.؛;:!؟? ":
            end -= 1
        body = words[i + n].start if i + n <= end_word else start
        out.append(Clause(start, end, body, role))
    return tuple(out)


def _adjunct_inside(sentence: str, words: list[Word], cut: tuple[int, str, int],
                    cuts: list[tuple[int, str, int]]) -> bool:
    """True for a cut at an adjunct opener («، عقب اللقاء: «...»») after which the clause before goes on
    (a colon or a quote follows): the phrase sits inside that clause, it does not end it."""
    i, _, n = cut
    opener = " ".join(w.bare for w in words[i:i + n])
    if opener not in lists.folded("generation/adjunct_openers"):
        return False
    later = [c[0] for c in cuts if c[0] > i]
    end = words[later[0] - 1].end if later else len(sentence)
    return ":" in sentence[words[i].start:end] or "«" in sentence[words[i].start:end]


def _leading_adjunct(words: list[Word], first_cut: int) -> bool:
    """True when the words before the first cut are a phrase without a verb that opens the sentence."""
    return first_cut > 0 and not any(is_verb(w) for w in words[:first_cut]) and \
        (words[0].bare in lists.folded("generation/lead_prepositions") or _points_back(words[0])) and first_cut <= 8


def _points_back(w: Word) -> bool:
    """True for a preposition glued to a demonstrative («وبهذه التعيينات،», «وبذلك،», «ولهذا،»): a leading
    phrase tying the sentence to the one before, which a question can do without."""
    bare = w.bare.removeprefix("و")
    return bare[:1] in ("ب", "ل") and bare[1:] in lists.folded("generation/demonstratives")


def verb_shaped(w: Word) -> bool:
    """A past verb of the third person, by shape («أظهرت»، «أعلن»): not definite, not a particle, ending in
    ت or plain, of three to six letters."""
    bare = w.bare[1:] if glued_conjunction(w.text) else w.bare
    return 3 <= len(bare) <= 6 and not bare.startswith(("ال", "في", "من", "علي", "الي", "عن")) and \
        not w.text.startswith(("«", "(")) and not any(ch.isdigit() for ch in bare)


def _lead_phrase(words: list[Word], depth: list[int]) -> int:
    """Where the main clause starts after a leading discourse phrase and its comma («وفي التفاصيل،
    هنأ ...», «في خضم انتخابات حامية المعركة، نجح ...»); 0 when there is none."""
    for i in range(1, min(len(words), 9)):
        if depth[i]:
            return 0
        if words[i - 1].text.endswith(_COMMAS):
            phrase = " ".join(w.bare for w in words[:i])
            listed = phrase in lists.folded("generation/lead_adjuncts") or fold(phrase) in lists.folded("generation/lead_adjuncts")
            generic = words[0].bare in lists.folded("generation/lead_prepositions") and not any(is_verb(w) for w in words[:i]) \
                and (is_verb(words[i]) or verb_shaped(words[i]))
            return i if listed or generic else 0
    return 0


def _lead_connective(sentence: str, s: int, e: int) -> int:
    """How many characters of [s, e) a leading connective phrase takes («غير أن», «يذكر أن»), with the
    space after it; 0 when there is none."""
    words = sentence[s:e].split()
    listed = lists.folded("generation/lead_connectives")
    if " ".join(fold(w).strip(_PUNCT) for w in words[:2]) in lists.folded("generation/regarding_phrases"):
        return 0  # «فيما يخص طلبة غزة، قال ...»: «يخص» alone would read as the verb
    for n in (4, 3, 2, 1):
        phrase = " ".join(fold(w).strip(_PUNCT) for w in words[:n])
        if len(words) > n and (phrase in listed or phrase[:1] in "وف" and phrase[1:] in listed):
            if fold(words[n - 1]).removeprefix("و") in ("بهذا", "بهذه") and len(words) > n + 1 and \
                    fold(words[n]).startswith("ال"):
                n += 1  # «وبهذا القرار»: the noun goes with its demonstrative
            piece = sentence[s:e]
            at = 0
            for w in words[:n]:
                at = piece.index(w, at) + len(w)
            return at + len(piece[at:]) - len(piece[at:].lstrip())
    return 0


def _without_a_subject(sentence: str, clause: Clause) -> bool:
    """True for a contrast clause whose verb has no subject of its own: a preposition, a figure or the rest
    of what the clause before names right after it («في حين سيمتد إلى 786 ثانوية»، «فيما ذهبت 35 في المئة
    إلى قطاع ...»، «فيما خُصص الباقي لميزانية التجهيز»، «في حين استقر تقريباً عند 6.4%»). Alone, it does not
    say what it is about."""
    words = [fold(w).strip(_PUNCT) for w in sentence[clause.body:clause.end].split()[:2]]
    if len(words) < 2 or not words[1]:
        return False
    prepositions = lists.folded("generation/realize_prepositions")
    second = sentence[clause.body:clause.end].split()[1].strip(_PUNCT)
    accusative = second.endswith(("اً", "ًا"))  # «في حين استقر تقريباً في الوسط القروي»: an adverb, no subject
    return words[0] not in prepositions and (
        words[1] in prepositions or words[1][0].isdigit() or words[1] in lists.folded("generation/anaphora") or
        accusative)


def _says_on_its_own(sentence: str, clause: Clause) -> bool:
    """True for a clause of manner that frames what was said with its own subject («، مشيرا إلى أن احتياطيات
    الحقل تقدر بنحو 15 تريليون قدم مكعب»): once the frame goes, it needs nothing of the clauses before it."""
    words = sentence[clause.start:clause.end].lstrip(" ،,").split()
    if not words or fold(words[0]).strip(_PUNCT) not in lists.folded("generation/manner_participles"):
        return False
    start = clause.start + len(sentence[clause.start:clause.end]) - len(sentence[clause.start:clause.end].lstrip(" ،,"))
    frame = _reporting_frame(sentence, start, clause.end)
    said = sentence[start + frame:clause.end]
    # «مضيفاً أن الهدف "تغطية 80 في المئة ..."»: words quoted from the speaker need the speaker named
    return frame > 0 and not any(carries_a_pronoun(w) for w in said.split()) \
        and not any(mark in said for mark in QUOTATION_MARKS)


def carries_a_pronoun(word: str) -> bool:
    """True for a word ending on a third person's pronoun («معه»، «لتطويرها»، «أبناءهم»), which stands for
    someone of the clause before; not «المياه» or «وجه», whose «ه» is their own."""
    w = strip_diacritics(word).strip(_PUNCT)
    return w.endswith(("ه", "ها", "هم", "هما")) and not w.startswith(("ال", "وال", "بال", "لل")) and \
        fold(w) not in lists.folded("generation/own_final_ha")


def _reporting_frame(sentence: str, s: int, e: int) -> int:
    """How many characters a subjectless «أضافت أن» / «وبيّن أن» / «ولفت إلى أن» / «موضحا أنه جرى» takes at the
    start of [s, e): what was said stands on its own («الوزارة تعمل على ...»), the unnamed speaker does not."""
    words = sentence[s:e].split()
    if len(words) < 4:
        return 0
    verb = fold(words[0]).strip(_PUNCT).removeprefix("و")
    that = 2 if fold(words[1]) == "الي" else 1  # «أشار إلى أن», «لفت إلى أن»
    frames = lists.folded("generation/announcing_verbs") | lists.folded("generation/manner_participles")
    if verb not in frames or len(words) < that + 3:
        return 0  # not a frame
    if fold(words[that]) == "انه" and fold(words[that + 1]) in lists.folded("generation/impersonal_verbs"):
        pass  # «موضحا أنه جرى الاتفاق ...»: «أنه» stands for no one, «جرى الاتفاق» says it all
    elif fold(words[that]) != "ان":
        return 0  # «أنه»، «أنها» before anything else: a pronoun subject the rest leans on
    piece = sentence[s:e]
    at = 0
    for w in words[:that + 1]:
        at = piece.index(w, at) + len(w)
    return at + len(piece[at:]) - len(piece[at:].lstrip())


def _decree_ordinal(sentence: str, s: int, e: int) -> int:
    """How many characters a decree's numbering («ثانياً:») takes at the start of [s, e)."""
    piece = sentence[s:e]
    m = re.match(r"\s*(\S+?)\s*[:：]\s*", piece)
    if m and fold(m.group(1)).rstrip("ً") in lists.folded("generation/decree_ordinals"):
        return m.end()
    return 0


def fronted_cuts(sentence: str, s: int, e: int) -> list[tuple[int, int]]:
    """For «أما X فقد Y» (or «فـY»), the spans to drop so that it reads «X Y»: «أما» and the «ف»
    (with «قد»); empty for any other stretch."""
    inside = [w for w in words_of(sentence) if s <= w.start and w.end <= e]
    if not inside or inside[0].bare not in ("اما", "واما"):
        return []
    for i, w in enumerate(inside[1:12], 1):
        rest = w.bare[1:]
        if w.bare == "فقد" or (w.bare.startswith("ف") and (is_verb(Word(w.start + 1, w.end, w.text[1:], rest)) or
                                                           _past_shaped(rest))):
            before = inside[i - 1]
            # «أما الأسعار، فسجلت ...»: the comma before the «ف» goes with it («الأسعار سجلت ...»)
            start = before.end - 1 if before.text.endswith(_COMMAS) else w.start
            return [(inside[0].start, inside[0].end), (start, w.end if w.bare == "فقد" else w.start + 1)]
    return []


def _past_shaped(bare: str) -> bool:
    """«استقرت», «سجلت», «تتجه»: a feminine past or a present verb's shape (after «أما ... فـ» nothing else
    takes it)."""
    return len(bare) >= 4 and (bare.endswith("ت") or bare[0] in "يت") and not bare.startswith("ال")


def lost(after: str) -> bool:
    """True when «فقد» before ``after`` is the verb «فَقَد» (lost): what follows is no verb for «قد» to lead
    («فقد المشروع ...»), where the particles lead a verb («فقد أعلنت ...»)."""
    w = words_of(after)[0] if words_of(after) else None
    return w is not None and not (is_verb(w) or _imperfect(w))


def _trim(sentence: str, s: int, e: int) -> tuple[int, int]:
    """Drop a leading conjunction (و، ف، ثم، قد، لقد) or connective phrase («غير أن») and trailing
    punctuation from [s, e)."""
    while True:
        lead = _lead_connective(sentence, s, e) or _reporting_frame(sentence, s, e) or _decree_ordinal(sentence, s, e)
        if lead:
            s += lead
            continue
        piece = sentence[s:e]
        lead = len(piece) - len(piece.lstrip(" ،,"))
        s += lead
        piece = sentence[s:e]
        first = piece.split(maxsplit=1)
        if not first:
            break
        bare = fold(first[0]).strip(_PUNCT)
        if bare in ("و", "ف", "ثم", "قد", "لقد", "وقد", "فقد", "ولقد") and len(first) > 1:
            if bare == "فقد" and lost(first[1]):
                break  # «فيما فقد المشروع أكثر من 30 من عناصره»: the verb «فقد», not «فـ» and «قد»
            s += len(first[0])
            continue
        if glued_conjunction(first[0]) and not first[0].startswith("«"):
            s += 1  # «وأكّد» -> «أكّد»
            while s < e and "\u064b" <= sentence[s] <= "\u0652":
                s += 1  # the conjunction's own vowel
            continue
        break
    while e > s and sentence[e - 1] in " ،,.؛;:":
        e -= 1
    return s, e


def _indefinite_pair(inner: list[Word]) -> bool:
    """True when a phrase opens on an indefinite noun and an indefinite adjective («تهنئة رسمية»): an
    object or a subject, where an aside names its noun («الفائز بـ…», «زعيم الحزب …»)."""
    if len(inner) < 2:
        return False
    a, b = inner[0], inner[1]
    plain = all(not w.bare.startswith("ال") and not w.text.startswith(("«", "(", "\"")) and w.bare.isalpha()
                for w in (a, b))
    return plain and b.bare not in lists.folded("generation/realize_prepositions") and \
        not a.text.endswith("،") and b.bare.endswith(("ه", "ي", "يه"))


def _against(opener: str) -> bool:
    """True for an opener that sets a figure against another («مقابل») rather than opening a contrast."""
    words = fold(opener).strip(" ،,").split()
    return len(words) == 1 and words[0].removeprefix("و") in lists.folded("generation/against_words")


def stem_span(sentence: str, start: int, end: int) -> tuple[int, int] | None:
    """The stretch of ``sentence`` a question about the span [start, end) stands on, or None.

    None when the span sits in an attribution («حسبما أفادت رويترز»: who reported, not what) or when
    the clauses it needs are shorter than ``MIN_STEM_WORDS`` or longer than ``MAX_RAW_WORDS`` words (the
    caller checks ``MAX_STEM_WORDS`` once the asides are out).
    """
    clauses = split_clauses(sentence)
    k = next((i for i, c in enumerate(clauses) if c.start <= start < max(c.end, c.start + 1)), -1)
    if k < 0:
        return None
    c = clauses[k]
    if c.role == "attribution":
        return None
    head = k
    while head > 0 and clauses[head].role in ("dependent", "attribution") and not _says_on_its_own(sentence, clauses[head]):
        head -= 1
    if clauses[head].role == "adjunct" and head == k and k + 1 < len(clauses):
        last = k + 1  # the fact sits in the leading phrase: keep the clause it frames
    else:
        last = k
    if clauses[head].role == "adjunct" and head < k:
        head += 1
    if clauses[head].role == "contrast" and head > 0 and (
            _against(sentence[clauses[head].start:clauses[head].body]) or _without_a_subject(sentence, clauses[head])):
        head -= 1  # «…، مقابل معدّل وطني يناهز 94 بالمائة»: set against the clause before, not one of its own
    s = clauses[head].body if clauses[head].role == "contrast" else clauses[head].start
    e = max(clauses[last].end, end)
    s, e = _trim(sentence, s, e)
    if not s <= start < end <= e:
        return None
    n = len(sentence[s:e].split())
    if not MIN_STEM_WORDS <= n <= MAX_RAW_WORDS:
        return None
    return s, e


def glue_blank(sentence: str, s: int, e: int, blank_start: int, blank_end: int, blank: str) -> str:
    """The stretch [s, e) of ``sentence`` with [blank_start, blank_end) replaced by ``blank``; a blank
    glued to a letter before it («لـ_____») keeps a tatweel so the letter reads as a proclitic."""
    glue = "ـ" if blank_start > s and sentence[blank_start - 1].isalpha() and sentence[blank_start - 1] != "ـ" else ""
    if glue and sentence[blank_start - 1] in "وف" and (blank_start - 1 == s or sentence[blank_start - 2].isspace()):
        glue = " "  # «بين 1,200 و _____»: the conjunction stands apart, not as a proclitic
    return sentence[s:blank_start] + glue + blank + sentence[blank_end:e]




@dataclass(frozen=True)
class Tidied:
    """A stretch of a sentence with its asides left out, and where each kept piece came from."""

    text: str
    pieces: tuple[tuple[int, int], ...]  # kept spans of the sentence, in order
    at: tuple[int, ...]  # where each piece starts in ``text``

    def to_tidied(self, pos: int) -> int:
        """The offset in ``text`` of sentence offset ``pos`` (which must lie in a kept piece)."""
        for (s, e), at in zip(self.pieces, self.at):
            if s <= pos <= e:
                return at + pos - s
        raise ValueError(pos)


def _asides(sentence: str, s: int, e: int, keep: tuple[int, int]) -> list[tuple[int, int]]:
    """Spans in [s, e) a question does without: a bracketed aside, a short phrase set off by two commas
    with no verb in it («، زعيم الحزب القومي،», «، في بيان له،»), a relative time («اليوم الخميس»);
    never one that holds ``keep``."""
    words = [w for w in words_of(sentence) if s <= w.start and w.end <= e]
    depth = _depths(words)
    after = [*depth[1:], 0]  # quotes open after each word
    out: list[tuple[int, int]] = []
    for a, b in _bracketed(sentence, s, e):
        before = sentence[s:a].split()
        inside = sentence[a:b]
        if before and fold(before[-1]).strip(_PUNCT) in lists.folded("generation/lead_prepositions") | {"بنسبه", "نحو", "بنحو"}:
            continue  # «حصل على (40.27%)»: the bracket holds what the verb needs
        if not re.search("[\u0621-\u064a]", inside):
            continue
        out.append((a, b))
    commas = [i for i, w in enumerate(words) if not after[i] and w.text.rstrip("»)").endswith(_COMMAS)]
    dropped_up_to = adjunct_up_to = -1
    for a, b in zip(commas, commas[1:]):
        inner = words[a + 1:b + 1]
        if inner and inner[0].bare in lists.folded("generation/lead_prepositions"):
            adjunct_up_to = b  # «، في جلسة تشريعية عقدها الثلاثاء،»: dropped or kept, an adjunct
        if a in (dropped_up_to, adjunct_up_to) and inner and not inner[0].text.startswith("«") and \
                inner[0].bare not in lists.folded("generation/complement_prepositions") | \
                lists.folded("generation/relative_times") | lists.folded("generation/weekdays"):
            # «أعلنت الوزارة، الاثنين 20 أبريل، نتائج الامتحانات، بنسبة ...», «أقر المجلس، في جلسة عقدها
            # الثلاثاء، مشروع القانون، ...»: what follows an aside or an adjunct is the verb's object
            continue
        if not inner or len(inner) > 8 or glued_conjunction(inner[0].text) == "و":
            continue
        if any(is_verb(w) or _imperfect(w) or _circumstantial(w) for w in inner) or present_verb(inner[0]):
            continue  # «، تشارك في الحملة 3200 مؤسسة،»: a clause, not an aside
        if inner[0].bare in lists.folded("generation/predicate_particles"):
            continue  # «، إن الفرق المشاركة في المبادرة،»: what was said opens there
        if inner[0].bare in lists.folded("generation/subset_openers"):
            continue  # «، بينهم 3.2 بالمئة، ... لم يكونوا على علم»: the part what follows is said of
        if _indefinite_pair(inner):
            continue  # «، تهنئة رسمية من الولايات المتحدة،»: the verb's object after an aside, not one
        if inner[0].bare in lists.folded("generation/complement_prepositions") and \
                (len(inner) < 2 or inner[1].bare not in lists.folded("generation/attribution_nouns")):
            continue  # «، من واحدة من أسوأ الأزمات،»: what the verb needs, not an aside («، في بيان له،» is one)
        if b + 1 >= len(words) or _after_comma(words, b + 1):
            continue  # the phrase ends its clause: it is what the clause says, not an aside
        if any(w.bare in lists.folded("generation/subset_openers") for w in words[b + 1:b + 3]):
            # «، برصيد 34 ميدالية، منها 14 ذهبية»: what follows names part of it, so the aside goes only with
            # it («درست 68 تعديلا، قبلت منها 23 تعديلا، أبرزها ...» ends at «تعديلا»), never alone
            out.append((words[a].start + max(words[a].text.rfind(c) for c in _COMMAS), e))
            continue
        if any(":" in w.text for w in inner) or glued_conjunction(words[b + 1].text) == "و":
            continue  # «، موزعين على أربع محافظات: العاصمة، والمحرق، ...»: an item of a list, not an aside
        first = words[a].start + max(words[a].text.rfind(c) for c in _COMMAS)
        out.append((first, words[b].end))
        dropped_up_to = b
    honorifics = lists.folded("generation/honorifics")
    for i, w in enumerate(words):
        for n in (3, 2, 1):
            phrase = " ".join(x.bare for x in words[i:i + n])
            if len(words[i:i + n]) == n and phrase in honorifics and i + n < len(words):
                out.append((w.start, words[i + n].start))
                break
    for i, w in enumerate(words):
        if depth[i]:
            continue
        if w.bare in lists.folded("generation/relative_times"):
            prev = words[i - 1].bare if i else ""
            if prev in lists.folded("generation/dangling_prepositions"):
                continue  # «منذ صباح الأحد»: «منذ» cannot stand alone
            if described_day(words, i) or i + 1 == len(words) and described_day(words_of(sentence[w.start:]), 0):
                continue  # «في اليوم نفسه», «اليوم الدراسي»: a day the article names, not today (even when
                # what describes it ends the stretch: «في اليوم الأول.»)
            if prev in lists.folded("ordinals") or prev == "الساعه":
                continue  # «حتى العاشرة مساءً»: the time of day it tells
            j = i + 1
            if j < len(words) and words[j].bare in lists.folded("generation/weekdays"):
                j += 1
            if j < len(words) and re.match(r"[\d٠-٩]", words[j].text):
                # «عقدتها مساء الثلاثاء 16 يونيو»: the date goes on, and without its day reads «عقدتها 16
                # يونيو»; set off by commas («، اليوم الثلاثاء 14 رمضان 1447هـ ...،») the whole aside goes
                close = next((k for k in range(j, len(words)) if words[k].text.endswith(_COMMAS)), None)
                if i and words[i - 1].text.endswith(_COMMAS) and close is not None and \
                        not any(depth[k] for k in range(i, close + 1)):
                    first = words[i - 1].start + max(words[i - 1].text.rfind(c) for c in _COMMAS)
                    out.append((first, words[close].end))
                continue
            if i and (is_verb(words[i - 1]) or _imperfect(words[i - 1])) and \
                    (j >= len(words) or glued_conjunction(words[j].text) == "و" or words[j - 1].text.endswith(_COMMAS)):
                continue  # «انطلقت صباح الأربعاء وامتدت ...», «التي جرت أمس السبت، عن ...»: all the verb has
            end = words[j - 1].end
            if sentence[end - 1:end] in "،,":
                end -= 1
            start = w.start
            if i and words[i - 1].text.endswith(_COMMAS) and sentence[end:end + 1] in "،,":
                # «أطلقت الهيئة، اليوم الثلاثاء، مساعدا»: set off by commas, the day goes with both
                start, end = words[i - 1].end - 1, end + 1
            if prev == "اول" and w.bare == "امس" or prev in lists.folded("generation/time_participles"):
                start = words[i - 1].start  # «أول أمس», «في جلسته المنعقدة اليوم»: the word before leans on it
                if words[i - 2].text.endswith(("،", ",")) and sentence[end:end + 1] in "،,":
                    start = words[i - 2].end - 1  # the aside's commas go too
            out.append((start, end))
    return [(a, b) for a, b in out if not (a < keep[1] and keep[0] < b)]


def described_day(words: list[Word], i: int) -> bool:
    """True when the time word at ``i`` is described by what follows it («اليوم نفسه», «اليوم الموالي»,
    «اليوم الدراسي»): a noun of the sentence, not the news's own today."""
    if i + 1 >= len(words) or words[i].text.endswith(_COMMAS):
        return False
    nxt = words[i + 1].bare
    weekday = nxt in lists.folded("generation/weekdays") or nxt.removeprefix("ال") in lists.folded("generation/weekdays")
    return not weekday and (nxt.startswith("ال") or nxt in ("نفسه", "ذاته", "التالي", "الموالي"))


def _bracketed(sentence: str, s: int, e: int) -> list[tuple[int, int]]:
    out = []
    depth = 0
    start = -1
    for i in range(s, e):
        ch = sentence[i]
        if ch == "(":
            if depth == 0:
                start = i
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
            if depth == 0:
                out.append((start, i + 1))
    return out


_ADDITIVE = frozenset(("كذلك", "ايضا"))


def additive_adverbs(sentence: str, s: int, e: int) -> list[tuple[int, int]]:
    """Spans of «كذلك» and «أيضًا» standing alone in [s, e) («واتفق الجانبان كذلك على ...»): "as well"
    points at what the article said before, which a question lifted out of it does not show."""
    return [(w.start, w.end) for w in words_of(sentence) if s <= w.start and w.end <= e and
            fold(w.text).strip(_PUNCT).replace("ً", "") in _ADDITIVE and w.text == w.text.strip(_PUNCT)]


def tidy(sentence: str, s: int, e: int, keep: tuple[int, int], extra: Sequence[tuple[int, int]] = ()) -> Tidied:
    """The stretch [s, e) of ``sentence`` without its asides (see ``_asides``) and the ``extra`` spans
    (optional adjuncts the caller knows of, such as another fact's date), keeping ``keep`` whole."""
    more = [(a, b) for a, b in extra if s <= a and b <= e and not (a < keep[1] and keep[0] < b)]
    more += [(a, b) for a, b in additive_adverbs(sentence, s, e) if not (a < keep[1] and keep[0] < b)]
    cut = sorted([*_asides(sentence, s, e, keep), *more])
    pieces: list[tuple[int, int]] = []
    at = s
    for a, b in cut:
        if a < at:
            at = max(at, b)
            continue
        if a > at:
            pieces.append((at, a))
        at = b
    if at < e:
        pieces.append((at, e))
    parts = [sentence[a:b].strip() for a, b in pieces]
    # Re-anchor each piece on its stripped text so offsets stay exact.
    anchored: list[tuple[int, int]] = []
    texts: list[str] = []
    for (a, b), t in zip(pieces, parts):
        if not t:
            continue
        a2 = sentence.index(t, a)
        if texts and texts[-1].endswith(("،", ",")) and t[0] in "،,":
            skip = len(t) - len(t[1:].lstrip())  # «والإحصاء، [الخميس]،»: one comma where an aside went
            t, a2 = t[skip:], a2 + skip
            if not t:
                continue
        anchored.append((a2, a2 + len(t)))
        texts.append(t)
    out = ""
    starts: list[int] = []
    for t in texts:
        if out and t[0] not in "،,.؛:)»":
            out += " "  # a piece opening on punctuation joins the one before it
        starts.append(len(out))
        out += t
    return Tidied(out, tuple(anchored), tuple(starts))
