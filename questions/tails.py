"""The end of a sentence that only adds another fact, and can go from a question about an earlier one.

«أعلنت الوزارة يوم الاثنين 2 مارس إطلاق حملة قومية للتطعيم تستهدف 14 مليون طفل في 27 محافظة»: a
question on the date reads as well without «تستهدف 14 مليون طفل في 27 محافظة», and no longer gives the
two figures away, so they can be asked too. The tail is cut where a new part of the sentence opens
after the fact: a relative pronoun (التي، الذي ...), a verb in the present describing what came before
(تستهدف، يبلغ), or «في»/«خلال» right before the other fact at the sentence's end. Never at a bare comma:
what follows one is as often the verb's complement after an aside («قضت المحكمة بالقاهرة، برئاسة …،
بمعاقبة …»). A comma and «و» glued to another fact's name is the next item of a list, and goes with all
the items after it: «عُيّن _____ والياً على صفاقس، وسنية بن عمر والية على القيروان، …». A noun joined
by «و» just before the tail goes with it, since the tail is what it says of that noun.
"""

from __future__ import annotations

from collections.abc import Sequence

from questions import lists
from questions.arabic import glued_conjunction
from questions.normalize import fold
from questions.clauses import MIN_STEM_WORDS
from questions.realize import Word, present_verb, words_of

# A phrase of this many words after a comma, opening on a preposition, says nothing once its tail goes.
BARE_PHRASE_WORDS = 2
# Words of a question's own part that must stay before the tail (a stem shorter than this says little).
MIN_HEAD_WORDS = MIN_STEM_WORDS + 1
# A relative or describing clause goes only when this many words follow the fact before it: right after
# the fact, it may be what the sentence says about it.
MIN_SAID_AFTER = 2
# «في» or «خلال» opens the tail only when the other fact follows within this many words.
PREPOSITION_REACH = 2
# ... and ends the sentence within this many words: a longer tail may hold the verb's object.
PREPOSITION_TAIL_WORDS = 4


def _opens_tail(words: Sequence[Word], i: int, other_starts: Sequence[int]) -> bool:
    """True when word ``i`` opens a part of the sentence that can be dropped."""
    w = words[i]
    if w.bare in ("في", "خلال"):
        ahead = [x.start for x in words[i + 1:i + 1 + PREPOSITION_REACH]]
        return len(words) - i <= PREPOSITION_TAIL_WORDS and any(s in ahead for s in other_starts)
    also = 1 if words and words[0].bare == "كما" else 0  # «كما وقّع …»: "also", said of nothing
    if {x.bare for x in words[also:i]} & lists.folded("generation/predicate_particles"):
        return False  # «إن الحملة تستمر», «أن حملة التطعيم، التي …، تستهدف»: what follows may be what is said
    if w.bare in lists.folded("generation/relative_pronouns"):
        return True
    before = words[i - 1].bare
    return present_verb(w) and before not in lists.folded("generation/verb_particles") and \
        before not in lists.folded("generation/lead_prepositions")  # «حملة ... تستهدف»


def _before_open_conjunct(words: Sequence[Word], i: int, after: int, cut: int) -> int:
    """Where to cut instead of before word ``i`` (a describing verb) when a «و» joined a new indefinite
    noun to the answer's phrase just before it: the verb describes that noun («ومعدل إنتاج | يبلغ 2.6 مليون برميل»), which would
    be left saying nothing."""
    for j in range(i - 1, max(MIN_HEAD_WORDS, i - 4) - 1, -1):
        if words[j].start < after or words[j].text.endswith(("،", ",")):
            break
        if glued_conjunction(words[j].text) == "و" and not words[j].bare[1:].startswith("ال"):
            return words[j].start - 1 if words[j].start > 0 else cut
    return cut


def _before_measure_phrase(words: Sequence[Word], i: int, after: int, cut: int) -> int:
    """Where to cut instead of before word ``i`` (a describing verb) when it tells the size of a «ب»
    phrase just before it («بطاقة إنتاجية | تبلغ 50 مترا», «بطول إجمالي | يبلغ 14 كيلومترا»): the
    phrase would be left naming a measure without its figure."""
    for j in range(i - 1, max(MIN_HEAD_WORDS, i - 3) - 1, -1):
        if words[j].start < after or words[j].text.endswith(("،", ",")):
            break
        if words[j].bare.startswith("ب") and not words[j].bare.startswith("بال") and len(words[j].bare) >= 4:
            start = words[j].start
            return start - 1 if start > 0 and words[j - 1].text.endswith(("،", ",")) else start
    return cut


def _without_bare_phrase(sentence: str, after: int, cut: int) -> int:
    """The cut moved back to the comma before a short phrase the tail was about («…، في المباراة | التي
    جمعت بينهما …»): left alone, «في المباراة» says nothing."""
    comma = max(sentence.rfind("،", after, cut), sentence.rfind(",", after, cut))
    rest = sentence[comma + 1:cut].split() if comma >= 0 else []
    if rest and len(rest) <= BARE_PHRASE_WORDS and (fold(rest[0]) in lists.folded("generation/realize_prepositions")
                                                    or glued_conjunction(rest[0]) == "و"):
        return comma  # «…، في المباراة | التي …», «…، ومعدل تضخم | في حدود 3.8 بالمائة»
    last = sentence[after:cut].split()[-2:]
    if last and fold(last[-1]).strip("،,") in ("بما", "مما", "عما", "لما"):
        # «في خفض رحلات السيارات الخاصة بما | يقدر بـ 12%»: «بما» left alone says nothing
        return sentence.rindex(last[-1], after, cut)
    if len(last) == 2 and fold(last[0]) == "من" and not fold(last[1]).startswith("ال"):
        # «17 مليون متر مكعب من سعة | تبلغ 110 ملايين»: «من سعة» left alone says nothing
        return sentence.rindex(last[0], after, cut)
    return cut


def tail_cut(sentence: str, after: int, others: Sequence[tuple[int, int]], begin: int = 0,
             end: int | None = None) -> tuple[int, int] | None:
    """The span of ``sentence`` (within ``begin``..``end``) to drop so that no other fact (``others``,
    spans in the sentence) stays after offset ``after``, or None when there is none to drop or no clean
    place to cut (outside quotes, leaving a head of ``MIN_HEAD_WORDS`` words)."""
    stop = len(sentence.rstrip().rstrip(".؟!")) if end is None else end
    later = [s for s, e in others if s >= after and e <= stop]
    if not later:
        return None
    words = [w for w in words_of(sentence) if begin <= w.start and w.end <= stop]
    for i, w in enumerate(words):
        if i < MIN_HEAD_WORDS or w.start < after or w.start > min(later):
            continue
        head = sentence[begin:w.start]
        if head.count("«") != head.count("»") or head.count("(") != head.count(")"):
            continue
        said_after = len([x for x in words[:i] if x.start >= after])
        if _opens_tail(words, i, later) and (said_after >= MIN_SAID_AFTER or w.bare in ("في", "خلال")):
            cut = w.start
            if words[i - 1].text.endswith(("،", ",")):
                cut = words[i - 1].end - 1
            elif present_verb(w):
                cut = _before_measure_phrase(words, i, after, _before_open_conjunct(words, i, after, cut))
            return _without_bare_phrase(sentence, after, cut), stop
    return None


def list_tail_cut(sentence: str, after: int, others: Sequence[tuple[int, int]], begin: int = 0,
                  end: int | None = None) -> tuple[int, int] | None:
    """The span of ``sentence`` from the first «، و» after offset ``after`` whose و is glued to another
    fact (the next item of a list) to the end (``end``), or None; the head left keeps ``MIN_HEAD_WORDS``
    words and its quotes closed."""
    stop = len(sentence.rstrip().rstrip(".؟!")) if end is None else end
    starts = {s for s, e in others if s >= after and e <= stop}
    words = [w for w in words_of(sentence) if begin <= w.start and w.end <= stop]
    for i, w in enumerate(words):
        if i < MIN_HEAD_WORDS or w.start < after or not words[i - 1].text.endswith("،"):
            continue
        head = sentence[begin:w.start]
        if head.count("«") != head.count("»") or head.count("(") != head.count(")"):
            continue
        if w.text.startswith("و") and w.start + 1 in starts:
            return words[i - 1].end - 1, stop
    return None
