"""What question generation knows about an article: its sentences, its facts and the entities they name.

``build_context`` keeps the facts a question may stand on (in the text where they say, outside wire
datelines, names that can be names), groups name mentions into entities with every surface they
appear under, and maps each fact to its sentence.
"""

from __future__ import annotations

import hashlib
import random
import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from questions import lists, pools
from questions.arabic import glued_conjunction, name_units
from questions.model import Fact
from questions.names.words import ROLE_HEADS
from questions.normalize import fold, strip_diacritics, tokens
from questions.realize import looks_like_verb
from questions.text import split_sentences

NAME_TYPES = ("person", "place", "organization")
MAX_SENTENCE_WORDS = 150  # longer «sentences» are text without sentence marks


def stable_hash(*parts: str) -> str:
    """A short stable hash of ``parts`` (keys, seeds): the same input gives the same text on every run."""
    return hashlib.sha1("\x1f".join(parts).encode("utf-8"), usedforsecurity=False).hexdigest()[:12]


def norm_text(text: str) -> str:
    """The article text as hashed for keys: folded tokens, punctuation and spacing ignored."""
    return " ".join(tokens(text))


def article_key(text: str) -> str:
    """A stable key for an article: a hash of its normalized text."""
    return hashlib.sha1(norm_text(text).encode("utf-8"), usedforsecurity=False).hexdigest()[:16]


@dataclass
class Entity:
    """One person, place or organization with every surface it appears under."""

    id: str
    type: str
    name: str
    aliases: set[str] = field(default_factory=set)
    role: str | None = None
    kind: str | None = None
    first: int = 0
    title: str | None = None
    mentions: int = 0


@dataclass(frozen=True)
class Sentence:
    """A sentence of the article: its span, text and paragraph."""

    start: int
    end: int
    text: str
    paragraph: int = 0


@dataclass
class Context:
    """Everything the kinds need to build questions from one article."""

    text: str
    title: str
    akey: str
    seed: int
    facts: list[Fact]
    sentences: list[Sentence]
    entities: dict[str, Entity]
    sent_of: dict[int, int]  # fact index -> sentence index
    in_sent: dict[int, list[int]] = field(default_factory=dict)  # sentence index -> its facts, in order
    by_first: list[Entity] = field(default_factory=list)  # entities in order of first mention
    datelines: list[tuple[int, int]] = field(default_factory=list)  # wire datelines opening paragraphs
    date: str | None = None  # the article's publication date (ISO), when known
    _naming: dict[str, set[int]] = field(default_factory=dict, repr=False)
    changes: list[Any] | None = field(default=None, repr=False)  # the article's changes, once read (changes.py)
    # what the article writes before each person's mentions, by entity id, once read (options.py)
    before_people: dict[str, list[str]] = field(default_factory=dict, repr=False)

    def rng(self, key: str) -> random.Random:
        """A generator seeded from the seed and a question's key, so one question's options never depend
        on what else the bank holds."""
        return random.Random(int(stable_hash(str(self.seed), key), 16))  # reproducible options, not a secret  # nosec B311

    def entity_of(self, f: Fact) -> Entity | None:
        """The entity a name fact mentions (None for dates and numbers)."""
        return self.entities.get(fact_id(f)) if f.type in NAME_TYPES else None

    def after_dateline(self, si: int) -> int:
        """Where sentence ``si``'s own words start, past a wire dateline opening it («الرباط - (و م ع) -»)."""
        sent = self.sentences[si]
        for a, b in self.datelines:
            if a <= sent.start < b <= sent.end:
                rest = sent.text[b - sent.start:]
                return b - sent.start + len(rest) - len(rest.lstrip(" -–—:"))
        return 0

    def sentences_naming(self, eid: str) -> set[int]:
        """The indexes of the sentences that mention entity ``eid`` (worked out once per article)."""
        if not self._naming and self.facts:
            for fi, si in self.sent_of.items():
                self._naming.setdefault(fact_id(self.facts[fi]), set()).add(si)
        return self._naming.get(eid, set())

    def sentence_of(self, fi: int) -> Sentence:
        """The sentence holding fact ``fi``."""
        return self.sentences[self.sent_of[fi]]

    @property
    def words(self) -> int:
        """How many words the article has."""
        return len(self.text.split())


def fact_id(f: Fact) -> str:
    """The id a question about ``f`` records: the entity for a name, type and value otherwise."""
    if f.type in NAME_TYPES:
        return f.entity or f"{f.type}:{fold(str(f.value or f.text))}"
    return f"{f.type}:{f.value}"


def plausible_name(f: Fact) -> bool:
    """Reject name facts that cannot be right: pronoun-suffixed words, bare letters, digits, a common noun
    standing for a place named before («الإمارة»)."""
    words = strip_diacritics(f.text).split()
    if not words or any(ch.isdigit() for ch in f.text):
        return False
    if f.type in ("place", "organization") and len(words) == 1 and \
            fold(words[0]) in lists.folded("generation/generic_place_nouns"):
        return False
    if f.type in ("place", "organization") and any(w.endswith(("ته", "تها", "هم", "هما")) for w in words):
        return False
    if len(words) > 1 and fold(words[-1]) in lists.folded("generation/name_cannot_end"):
        return False  # «منظمة أطباء بلا» (for «... بلا حدود»): a name cut short ends on a particle
    if f.type == "person":
        if any(looks_like_verb(w) for w in words):
            return False  # «عمر ناهز»: a verb is not part of a name
        if glued_conjunction(words[0]):
            return False  # «ونائبه»: a conjunction glued to a word, not a name
        if len(words) == 1 and words[0].endswith("وا") and len(words[0]) >= 4:
            return False  # «حضروا»: a verb of the plural, not a name
        if any(len(w) >= 4 and w.endswith("ه") and not w.endswith("الله") for w in words):
            return False  # «وحظوظه»، «مغادرته»: a pronoun suffix, not a name
        if any(w.startswith("ال") and w.endswith("ات") and len(w) >= 6 for w in words[1:]):
            return False  # «سلامة اللقاحات»: a plural of things, not a family name
        if len(words) > 1 and fold(words[-1]).endswith(("يتان", "يتين")):
            return False  # «رميتان جزائيتان»: a noun and its adjective in the dual, not a name
        if any(fold(w) in lists.folded("generation/not_in_person_names") or
               fold(w)[1:] in lists.folded("generation/not_in_person_names") for w in words):
            return False  # «لكرة القدم»: a sport, not a name
    return len(fold(f.text).replace(" ", "")) >= 3


def _runs_on(text: str, end: int) -> bool:
    """True when a body's name is followed by an adjective that names bodies («العام», «العليا») or by
    a ل-phrase and the body's acronym: the name goes on past what was found («اللجنة العليا للإشراف |
    العام على سلامة الانتخابات»)."""
    nxt = text[end:end + 20].split()
    if not nxt or text[end:end + 1] != " ":
        return False
    if fold(nxt[0].strip("،,.")) in lists.folded("org_adjectives"):
        return True
    # «الشركة الوطنية | لاستغلال وتوزيع المياه (الصوناد)»: a ل-phrase running to the body's acronym
    return bool(re.match(r" ل\w{3,}(?: [^\s،,.()]+){0,5} \([^\d()\s]{2,12}\)", text[end:end + 80]))


def _title_word(word: str) -> bool:
    w = fold(word)
    if w.startswith("لل"):
        w = "ال" + w[2:]
    return w in ROLE_HEADS or (w.endswith("ه") and w[:-1] in ROLE_HEADS)


def _starts_after_its_title(text: str, start: int, spans: list[tuple[int, int]]) -> bool:
    """True when a person's name was found one word short: a title, then a word no fact holds, then the
    name («للمخرجة نوف | خالد القحطاني»)."""
    before = text[max(0, start - 40):start]
    if not before.endswith(" "):
        return False
    words = before.split()
    if len(words) < 2 or any(ch in words[-1] for ch in "،,.«»()") or fold(words[-1]).startswith("ال"):
        return False
    if _title_word(words[-1]):
        return False
    w1_start = start - 1 - len(words[-1])
    if any(a <= w1_start < b for a, b in spans):
        return False  # «مدرب برشلونة هانسي فليك»: the word between is a name of its own
    return _title_word(words[-2])


def drop_doubtful_names(text: str, facts: list[Fact]) -> list[Fact]:
    """Leave out names the extractor was probably wrong about, so no question stands on them.

    Two names of one type touching (``هندوراس نصري`` + ``عصفورة``) are one name split wrongly: the
    part whose entity is seen less often goes. A body's name followed by an adjective of bodies was cut. A
    person with no title, role or «quotes» around it, named by one word only or by a place's opening word
    («بني»), is too often a verb, a common noun or a district.
    """
    mentions = Counter(fact_id(f) for f in facts)
    drop: set[int] = set()
    for i, (f, g) in enumerate(zip(facts, facts[1:])):
        if f.type == g.type and f.type in NAME_TYPES and 0 <= g.start - f.end <= 1 \
                and not text[f.end:g.start].strip():
            drop.add(i if mentions[fact_id(f)] <= mentions[fact_id(g)] else i + 1)
    spans = [(f.start, f.end) for f in facts]
    for i, f in enumerate(facts):
        if f.type == "organization" and _runs_on(text, f.end):
            drop.add(i)
        if f.type == "person" and _starts_after_its_title(text, f.start, spans):
            drop.add(i)
    cued = {fact_id(f) for f in facts if f.type == "person" and (f.role or f.title or (
        f.start > 0 and text[f.start - 1] == "«"))}
    for i, f in enumerate(facts):
        if f.type != "person" or fact_id(f) in cued:
            continue
        words = strip_diacritics(str(f.value or f.text)).split()
        # «حازم لترحيل المهاجرين»: a word with a glued preposition inside an uncued «name» is prose.
        # A one-word name never written in full, however often seen, is too often a verb («كما صادق
        # المجلس») or a district («السواني»); a name opening like a place's («بني مكادة») is a place.
        if len(words) == 1 or fold(words[0]) in lists.folded("generation/place_name_openers") \
                or any(w[:1] in "لب" and len(w) >= 5 for w in words[1:]):
            drop.add(i)
    return [f for i, f in enumerate(facts) if i not in drop]


# A wire dateline opening a paragraph: the city, maybe a date, then the agency or paper and a dash or colon
# («الكويت - 23 - 7 (كونا) --», «مسقط في 6 يناير /العُمانية/ -», «بغداد - «المدى»:», «عدن - سبأ:»,
# «القيروان، 14 جويلية 2026 (وات) –», «الخرطوم 11-2-2026 -», «رام الله 23-7-2026 وفا-»).
_DATELINE = re.compile(
    r"(?m)^[ \t]*[^\s\d«(/:.،]{2,}(?:[ \t]+[^\s\d«(/:.،]{2,}){0,2}?"
    r"(?:\s*[-–،,]?\s*(?:في\s+)?[\d\u0660-\u0669]{1,2}(?:\s*[-–]\s*[\d\u0660-\u0669]{1,2}(?:[-–][\d\u0660-\u0669]{2,4})?"
    r"|\s+[^\s\d]{3,10}(?:\s+[\d\u0660-\u0669]{4})?))?"
    r"(?:\s*[-–—]\s*(?:«[^»\n]{1,30}»|[^\s:«(/\n]{2,10}(?=\s*:))\s*:?"
    r"|\s*(?:[-–—]\s*)?\([^)\n]{1,40}\)\s*[-–—]{1,2}|\s*/[^/\n]{1,20}/\s*[-–—]?"
    # «عمّان - بترا -», «نواكشوط - الوكالة الموريتانية للأنباء -»: the city, then an agency of up to three
    # words between dashes
    r"|[ \t]+[-–—](?:[ \t]+[^\s\d«(/:.،\-–—]+(?:[ \t]+[^\s\d«(/:.،\-–—]+){0,2}[ \t]+[-–—])?(?=[ \t])"
    # «رام الله 23-7-2026 وفا-»: the agency glued to its dash after a date
    r"|(?<=[\d\u0660-\u0669])[ \t]+[^\s\d«(/:.،\-–—]{2,12}[-–—](?=[ \t]))")

# «نواكشوط، 19/07/2026 –», «بغداد 3.5.2026 (واع) -»: the city, a date in figures, then the dash; and two
# more house styles below.
_NUMERIC_DATELINE = re.compile(
    r"(?m)^[ \t]*[^\s\d«(/:.،,]{2,}(?:[ \t]+[^\s\d«(/:.،,]{2,}){0,2}[ \t]*[،,]?[ \t]*(?:في[ \t]+)?"
    r"[\d\u0660-\u0669]{1,2}[/.\-][\d\u0660-\u0669]{1,2}[/.\-][\d\u0660-\u0669]{2,4}"
    r"[ \t]*(?:\([^)\n]{1,40}\)[ \t]*)?[-–—]"
    # «شفق نيوز/ أعلنت ...»: an outlet's name closed by a slash
    r"|^[ \t]*[^\s\d«(/:.،,]{2,}(?:[ \t]+[^\s\d«(/:.،,]{2,}){0,2}/(?=[ \t])"
    # «سيئون (اليمن) (أ ف ب) -»: the city, its country and the agency in brackets, then the dash
    r"|^[ \t]*[^\s\d«(/:.،,]{2,}(?:[ \t]+[^\s\d«(/:.،,]{2,}){0,2}(?:[ \t]*\([^)\n]{1,30}\)){2}[ \t]*[-–—]")

# A line this short holding a date and ending on an agency's name is a dateline of its own.
DATELINE_LINE_WORDS = 16


def dateline_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the wire datelines that open paragraphs: facts there (the agency, the dateline's city and
    date) make trivia, not questions."""
    out = []
    for m in _DATELINE.finditer(text):
        end = m.start() + len(m.group().rstrip())
        if end - m.start() <= 80 and text[end - 1:end] in ("-", "–", "—", ":", "/", ")", "»"):
            out.append((m.start(), end))
    for m in _NUMERIC_DATELINE.finditer(text):
        if not any(a <= m.start() < b for a, b in out):
            out.append((m.start(), m.end()))
    for m in re.finditer(r"(?m)^[ \t]*(\S[^\n.]{0,120}?)[ \t]*$", text):
        words = m.group(1).split()
        if len(words) <= DATELINE_LINE_WORDS and re.search(r"[\d\u0660-\u0669]", m.group(1)) and \
                fold(words[-1].strip("()«»-–")) in lists.folded("generation/wire_agencies") and \
                not any(a <= m.start(1) < b for a, b in out):
            out.append((m.start(1), m.end(1)))  # a dateline on a line of its own, closed by the agency
    return sorted(out)


def clean_role(role: str) -> str | None:
    """A role fit for «من هو ...؟»: trailing titles dropped, at least two words, no pronoun."""
    words = strip_diacritics(role).replace("،", " ").replace("«", " ").replace("»", " ").split()
    while len(words) > 1 and fold(words[-1]) in lists.folded("generation/role_titles"):
        words.pop()
    if len(words) < 2:
        return None
    first = words[0]
    if glued_conjunction(first):
        return None  # «ولرئيس الحكومة»: a fragment of a coordination
    if first.startswith("لل"):
        first = "ال" + first[2:]  # «للمرشح اليميني» -> «المرشح اليميني»
    if first.endswith("ه") or (first[:1] in "لب" and not first.startswith("ال")):
        return None  # «نظيره», «لمرشح»: a pronoun or a preposition, not a title
    if len(fold(first).removeprefix("ال")) < 4 and fold(first) not in lists.folded("generation/short_titles"):
        return None  # a clipped word («زير» for «وزير») would make a nonsense question
    return " ".join([first, *words[1:]])


def _sentences(text: str) -> list[Sentence]:
    out = []
    para = 0
    last_end = 0
    for s, e in split_sentences(text):
        para += text.count("\n", last_end, s) and 1
        out.append(Sentence(s, e, text[s:e], para))
        last_end = e
    return out


def _entities(good: list[Fact]) -> dict[str, Entity]:
    entities: dict[str, Entity] = {}
    for f in good:
        if f.type not in NAME_TYPES:
            continue
        eid = fact_id(f)
        name = str(f.value) if isinstance(f.value, str) and f.value else f.text
        e = entities.get(eid)
        if e is None:
            e = entities[eid] = Entity(eid, f.type, name, first=f.start)
        e.mentions += 1
        if len(strip_diacritics(name)) > len(strip_diacritics(e.name)):
            e.name = name
        e.aliases.add(f.text)
        role = clean_role(f.role) if f.role else None
        if role and not e.role:
            e.role = role
        if f.title and not e.title:
            e.title = f.title
        if f.kind and not e.kind:
            e.kind = f.kind
    for e in entities.values():
        e.aliases.add(e.name)
        if e.type == "place" and not e.kind:
            e.kind = pools.place_kind(e.name)
        e.aliases |= synonyms_of(e.name)
    _add_surnames(entities)
    return entities


def synonyms_of(name: str) -> set[str]:
    """Other names news uses for the same body («البرلمان» for «مجلس النواب»)."""
    key = fold(name)
    out: set[str] = set()
    for line in lists.entries("generation/synonyms"):
        group = [g.strip() for g in line.split("=")]
        if key in {fold(g) for g in group}:
            out |= {g for g in group if fold(g) != key}
    return out


def _add_surnames(entities: dict[str, Entity]) -> None:
    """A person's last name counts as the person when no other person of the article bears it."""
    people = [e for e in entities.values() if e.type == "person"]
    last: dict[str, list[Entity]] = {}
    for e in people:
        units = name_units(e.name)
        surname = units[-1] if len(units) >= 2 else ""
        first = fold(surname.split()[0]) if surname else ""
        # A last name of one linking word and its noun («بن زايد», «آل سعود») names a family, and a
        # final ه may be a pronoun («قائده»), not a name's ة («عصفورة»).
        if len(fold(surname)) >= 4 and first not in ("بن", "ابن", "بنت", "ال") and not surname.endswith("ه"):
            last.setdefault(fold(surname), []).append(e)
    for holders in last.values():
        if len(holders) == 1:
            holders[0].aliases.add(name_units(holders[0].name)[-1])


def _in_short_brackets(text: str, start: int, end: int) -> bool:
    """True for a name that is one word of a short bracketed name («(الكويت اليوم)»)."""
    opened = text.rfind("(", max(0, start - 30), start)
    closed = text.find(")", end, end + 30)
    if opened < 0 or closed < 0 or ")" in text[opened:start]:
        return False
    inside = text[opened + 1:closed]
    return inside.strip() != text[start:end].strip() and len(inside.split()) <= 3


def _inside_another(facts: list[Fact], i: int) -> bool:
    """True when fact ``i`` lies within a longer name («العراق» in «بعثة الأمم المتحدة لمساعدة العراق»):
    a question on it would blank part of a name. ``facts`` are sorted by start, longest first."""
    f = facts[i]
    for g in facts[max(0, i - 3):i]:
        if g.type in NAME_TYPES and g.start <= f.start and f.end <= g.end and (g.start, g.end) != (f.start, f.end):
            return True
    return False


def build_context(text: str, facts: list[Fact], seed: int = 0, title: str = "",
                  article_date: str | None = None) -> Context:
    """The article's sentences, the facts questions may stand on, and its entities."""
    sentences = _sentences(text)
    datelines = dateline_spans(text)
    good: list[Fact] = []
    for f in facts:
        if not f.in_text(text):
            continue
        if any(a <= f.start and f.end <= b for a, b in datelines):
            continue  # «الكويت - 23 - 7 (كونا)»: the dateline, not the news
        if f.type in NAME_TYPES and not plausible_name(f):
            continue
        if f.type in NAME_TYPES and re.match(r"[-–]\s*\d", text[f.end:f.end + 3].lstrip("»")):
            continue  # «بيريف بي-200»: a model's name, not a name to ask for
        if f.type == "place" and _in_short_brackets(text, f.start, f.end):
            continue  # «(الكويت اليوم)»: a place inside the name of a paper or a programme
        if f.type in ("place", "organization") and text[f.start - 1:f.start] == "(" and \
                text[f.end:f.end + 1] == ")" and len(f.text.split()) == 1:
            continue  # «بعثة الأمم المتحدة لمساعدة العراق (يونامي)»: an abbreviation of the name before it
        good.append(f)
    good.sort(key=lambda f: (f.start, -f.end))
    good = [f for i, f in enumerate(good) if not _inside_another(good, i)]
    good.sort(key=lambda f: (f.start, f.end))
    good = drop_doubtful_names(text, good)
    entities = _entities(good)
    sent_of: dict[int, int] = {}
    in_sent: dict[int, list[int]] = {}
    starts = [s.start for s in sentences]
    runs_on = {k for k, s in enumerate(sentences) if len(s.text.split()) > MAX_SENTENCE_WORDS}
    for i, f in enumerate(good):
        k = max(bisect_right(starts, f.start) - 1, 0)  # the last sentence starting at or before the fact
        if k in runs_on:
            continue  # text without sentence marks: no question can quote it, and reading it would cost dear
        if sentences and sentences[k].start <= f.start and f.end <= sentences[k].end:
            sent_of[i] = k
            in_sent.setdefault(k, []).append(i)
    by_first = sorted(entities.values(), key=lambda e: e.first)
    return Context(text, title, article_key(text), seed, good, sentences, entities, sent_of, in_sent, by_first,
                   datelines, date=article_date)
