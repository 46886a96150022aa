"""Question banks from an article's facts: mcq, cloze, wh, short, numeric, true/false, matching, ordering.

``generate(text)`` extracts facts, builds every question the facts allow, runs the quality checks
(``questions.checks``) on each, drops failures (counted per reason in ``Bank.drops``) and returns a
``Bank``. Output is deterministic for a seed: choices are shuffled by a generator seeded from the
seed and the question's key. Keys are stable: they hash the article's normalized text, the kind, the
fact's normalized value and text, and the sentence, never list positions.
"""

from __future__ import annotations

import hashlib
import random
import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache

from questions import places
from questions.checks import BLANK, REASONS, check, glued_conjunction
from questions.distractors import (
    date_candidates,
    date_variants,
    decimals_of,
    format_number,
    interval,
    number_candidates,
    parse_iso,
    render_date,
)
from questions.model import FALSE_LABEL, TRUE_LABEL, Article, Bank, Fact, Question, Source
from questions.normalize import fold, strip_diacritics, tokens
from questions.realize import (
    Mention,
    looks_like_verb,
    event_text,
    number_question,
    percent_question,
    subject_question,
    when_question,
    where_question,
)

NAME_TYPES = ("person", "place", "organization")
MAX_SENTENCE_WORDS = 45
MIN_SENTENCE_WORDS = 6  # shorter «sentences» are headlines, captions or splitting accidents
MAX_STATEMENT_WORDS = 30
# How many questions of one kind may stand on one fact (entity or value) before it gets repetitive.
PER_FACT_KIND = {"cloze": 2, "mcq": 2, "wh": 2, "short": 1, "numeric": 1, "true_false": 2}
KIND_ORDER = {k: i for i, k in enumerate(("mcq", "cloze", "wh", "short", "numeric", "true_false",
                                          "matching", "ordering"))}


def norm_text(text: str) -> str:
    """The article text as hashed for keys: folded tokens, punctuation and spacing ignored."""
    return " ".join(tokens(text))


def article_key(text: str) -> str:
    """A stable key for an article: a hash of its normalized text."""
    return hashlib.sha1(norm_text(text).encode("utf-8"), usedforsecurity=False).hexdigest()[:16]


def _hash(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8"), usedforsecurity=False).hexdigest()[:12]


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


@dataclass(frozen=True)
class Sentence:
    """A sentence of the article: its span and text."""

    start: int
    end: int
    text: str


def _split_sentences(text: str) -> list[Sentence]:
    try:
        from questions.text import split_sentences

        spans = split_sentences(text)
    except ImportError:  # pragma: no cover - the extractor's splitter ships with the package
        spans = [(m.start(), m.end()) for m in re.finditer(r"[^\n.!؟]+[.!؟]?", text)]
    return [Sentence(s, e, text[s:e]) for s, e in spans]


def _fact_id(f: Fact) -> str:
    if f.type in NAME_TYPES:
        return f.entity or f"{f.type}:{fold(str(f.value or f.text))}"
    return f"{f.type}:{f.value}"


def _plausible_name(f: Fact) -> bool:
    """Reject name facts that cannot be right: pronoun-suffixed words, bare letters, digits."""
    words = strip_diacritics(f.text).split()
    if not words or any(ch.isdigit() for ch in f.text):
        return False
    if f.type in ("place", "organization") and any(w.endswith(("ته", "تها", "هم", "هما")) for w in words):
        return False
    if f.type == "person":
        if any(looks_like_verb(w) for w in words):
            return False  # «عمر ناهز»: a verb is not part of a name
        if glued_conjunction(words[0]):
            return False  # «ونائبه»: a conjunction glued to a word, not a name
        if any(len(w) >= 4 and w.endswith("ه") and not w.endswith("الله") for w in words):
            return False  # «وحظوظه»، «مغادرته»: a pronoun suffix, not a name
    return len(fold(f.text).replace(" ", "")) >= 3


def _drop_doubtful_names(text: str, facts: list[Fact]) -> list[Fact]:
    """Leave out names the extractor was probably wrong about, so no question stands on them.

    Two names of one type touching (``هندوراس نصري`` + ``عصفورة``) are one name split wrongly: the
    part whose entity is seen less often goes. A one-word person seen once, with no title, role or
    «quotes» around it, is too often an adjective or a common noun.
    """
    mentions = Counter(_fact_id(f) for f in facts)
    drop: set[int] = set()
    for i, (f, g) in enumerate(zip(facts, facts[1:])):
        if f.type == g.type and f.type in NAME_TYPES and 0 <= g.start - f.end <= 1 \
                and not text[f.end:g.start].strip():
            drop.add(i if mentions[_fact_id(f)] <= mentions[_fact_id(g)] else i + 1)
    cued = {_fact_id(f) for f in facts if f.type == "person" and (f.role or f.title or (
        f.start > 0 and text[f.start - 1] == "«"))}
    for i, f in enumerate(facts):
        if f.type != "person" or _fact_id(f) in cued:
            continue
        words = strip_diacritics(str(f.value or f.text)).split()
        # «حازم لترحيل المهاجرين»: a word with a glued preposition inside an uncued «name» is prose.
        if (len(words) == 1 and mentions[_fact_id(f)] == 1) \
                or any(w[:1] in "لب" and len(w) >= 5 for w in words[1:]):
            drop.add(i)
    return [f for i, f in enumerate(facts) if i not in drop]


@dataclass
class _Ctx:
    text: str
    akey: str
    seed: int
    facts: list[Fact]
    sentences: list[Sentence]
    entities: dict[str, Entity]
    sent_of: dict[int, int]  # fact index -> sentence index
    in_sent: dict[int, list[int]] = field(default_factory=dict)  # sentence index -> its facts, in order
    by_first: list[Entity] = field(default_factory=list)  # entities in order of first mention

    def rng(self, key: str) -> random.Random:
        # Seeded from the seed and the question's key, so one question's options never depend on
        # what else the bank holds; an int seed is much cheaper than a string one.
        return random.Random(int(_hash(str(self.seed), key), 16))  # reproducible distractor choice, not a secret  # nosec B311


# A wire dateline opening a paragraph: the city, maybe a date, then the agency or paper and a dash or colon
# («الكويت - 23 - 7 (كونا) --», «مسقط في 6 يناير /العُمانية/ -», «بغداد - «المدى»:», «عدن - سبأ:»).
_DATELINE = re.compile(
    r"(?m)^[ \t]*[^\s\d«(/:.،]{2,}(?:[ \t]+[^\s\d«(/:.،]{2,}){0,2}?"
    r"(?:\s*[-–]?\s*(?:في\s+)?[\d\u0660-\u0669]{1,2}(?:\s*[-–]\s*[\d\u0660-\u0669]{1,2}"
    r"|\s+[^\s\d]{3,10}(?:\s+[\d\u0660-\u0669]{4})?))?"
    r"(?:\s*[-–—]\s*(?:«[^»\n]{1,30}»|[^\s:«(/\n]{2,10}(?=\s*:))\s*:?"
    r"|\s*\([^)\n]{1,20}\)\s*[-–—]{1,2}|\s*/[^/\n]{1,20}/\s*[-–—]?)")


def _dateline_ends(text: str) -> list[tuple[int, int]]:
    """Spans of the wire datelines that open paragraphs: facts there (the agency, the dateline's city and
    date) make trivia, not questions."""
    out = []
    for m in _DATELINE.finditer(text):
        end = m.start() + len(m.group().rstrip())
        if end - m.start() <= 70 and text[end - 1:end] in ("-", "–", "—", ":", "/", ")", "»"):
            out.append((m.start(), end))
    return out


def _build_context(text: str, facts: list[Fact], seed: int) -> _Ctx:
    sentences = _split_sentences(text)
    datelines = _dateline_ends(text)
    good: list[Fact] = []
    for f in facts:
        if not f.in_text(text):
            continue
        if any(a <= f.start and f.end <= b for a, b in datelines):
            continue  # «الكويت - 23 - 7 (كونا)»: the dateline, not the news
        if f.type in NAME_TYPES and not _plausible_name(f):
            continue
        good.append(f)
    good.sort(key=lambda f: (f.start, f.end))
    good = _drop_doubtful_names(text, good)
    entities: dict[str, Entity] = {}
    for f in good:
        if f.type not in NAME_TYPES:
            continue
        eid = _fact_id(f)
        name = str(f.value) if isinstance(f.value, str) and f.value else f.text
        e = entities.get(eid)
        if e is None:
            e = entities[eid] = Entity(eid, f.type, name, first=f.start)
        if len(strip_diacritics(name)) > len(strip_diacritics(e.name)):
            e.name = name
        e.aliases.add(f.text)
        role = _clean_role(f.role) if f.role else None
        if role and not e.role:
            e.role = role
        if f.title and not e.title:
            e.title = f.title
        if f.kind and not e.kind:
            e.kind = f.kind
    for e in entities.values():
        e.aliases.add(e.name)
        if e.type == "place" and not e.kind:
            e.kind = places.place_kind(e.name)
    sent_of: dict[int, int] = {}
    in_sent: dict[int, list[int]] = {}
    starts = [s.start for s in sentences]
    for i, f in enumerate(good):
        k = max(bisect_right(starts, f.start) - 1, 0)  # the last sentence starting at or before the fact
        if sentences and sentences[k].start <= f.start and f.end <= sentences[k].end:
            sent_of[i] = k
            in_sent.setdefault(k, []).append(i)
    by_first = sorted(entities.values(), key=lambda e: e.first)
    return _Ctx(text, article_key(text), seed, good, sentences, entities, sent_of, in_sent, by_first)


# Distractors -----------------------------------------------------------------------------------

def _distinct_add(out: list[str], cand: str, banned: set[str]) -> None:
    k = " ".join(tokens(cand))
    if k and k not in banned:
        banned.add(k)
        out.append(cand)


@lru_cache(maxsize=50_000)
def _token_key(s: str) -> str:
    """The folded tokens of a name, space-joined: how names are compared and searched for."""
    return " ".join(tokens(s))


def _name_distractors(ctx: _Ctx, ent: Entity, rng: random.Random, avoid: str = "") -> tuple[list[str], bool]:
    """Three names of the same type (and kind or role group); True when all come from the article."""
    banned = {_token_key(a) for a in ent.aliases}
    avoid_keys = _token_key(avoid)
    out: list[str] = []
    same: list[Entity] = []
    for e in ctx.by_first:
        if e.id == ent.id or e.type != ent.type:
            continue
        if ent.type == "place" and (e.kind or None) != (ent.kind or None):
            continue
        if ent.type == "organization" and places.org_group(e.name) != places.org_group(ent.name) \
                and places.org_group(ent.name) is not None:
            continue
        if ent.type == "place" and ent.kind == "region" and set(tokens(e.name)) & set(tokens(ent.name)):
            continue  # «أمريكا اللاتينية» may well hold «أمريكا الوسطى»: not surely wrong
        same.append(e)
    # Names not already shown in the prompt first: an option the stem names is too easy to rule out.
    same.sort(key=lambda e: (any(_token_key(a) in avoid_keys for a in e.aliases), e.first))
    for e in same:
        if len(out) < 3:
            _distinct_add(out, e.name, banned)
    from_article = len(out) >= 3
    pool: list[str] = []
    near_first = False
    if ent.type == "person":
        group = places.role_group(ent.role) or places.role_group(ent.title)
        pool = list(places.PEOPLE.get(group or "", ()))
        if group is None:
            # No role known: public figures, not athletes or poets.
            pool = [n for g in ("president", "minister", "official") for n in places.PEOPLE[g]]
    elif ent.type == "place":
        pool = list(places.pool_for_place(ent.kind))
        if ent.kind == "region":
            # A broad region may hold a narrow one (الشرق الأوسط holds قطاع غزة): pick the same breadth.
            broad = fold(ent.name) in {fold(r) for r in places.REGIONS}
            pool = list(places.REGIONS if broad else places.TERRITORIES)
            pool = [p for p in pool if not set(tokens(p)) & set(tokens(ent.name))]
        if ent.kind == "country":
            near = list(places.related_countries(ent.name))
            rng.shuffle(near)
            pool = near + rng.sample(pool, min(len(pool), 16))
            near_first = True
    else:
        group = places.org_group(ent.name)
        pool = list(places.ORGANIZATIONS.get(group or "", ())) if group else []
        if group is None:
            pool = [n for names in places.ORGANIZATIONS.values() for n in names]
    if not near_first:
        pool = rng.sample(pool, min(len(pool), 16))
    for p in pool:
        if len(out) >= 3:
            break
        if " ".join(tokens(p)) in avoid_keys:
            continue
        _distinct_add(out, p, banned)
    return out[:3], from_article


def _date_options(ctx: _Ctx, f: Fact, rng: random.Random) -> list[str]:
    value = str(f.value)
    banned = {" ".join(tokens(f.text))}
    out: list[str] = []
    cands = date_candidates(value)
    head, rest = cands[:4], cands[4:]
    rng.shuffle(head)
    for c in head + rest:
        r = render_date(f.text, value, c)
        if r is not None:
            _distinct_add(out, r, banned)
        if len(out) >= 3:
            break
    return out


@dataclass(frozen=True)
class NumberView:
    """How a number or percentage fact is blanked and shown as options."""

    blank_start: int  # offsets into the article
    blank_end: int
    answer: str
    value: float
    decimals: int
    percent: bool
    arabic: bool
    unit_kept: bool  # the counted noun stays in the sentence after the blank


_SCALE_WORDS = {"الف": 1e3, "الفا": 1e3, "مليون": 1e6, "مليار": 1e9}


def number_view(f: Fact) -> NumberView | None:
    """Decide the blank and the option style for a number or percentage fact."""
    if isinstance(f.value, bool) or not isinstance(f.value, (int, float)):
        return None
    v = float(f.value)
    if v <= 0 or v != v:
        return None
    percent = f.type == "percentage"
    arabic = bool(re.search("[٠-٩]", f.text))
    start, end = f.start, f.end
    unit_kept = False
    text = f.text
    if not percent:
        digits = list(re.finditer(r"[\d٠-٩]+(?:[.,،٫٬ر][\d٠-٩]+)*", text))
        if digits:
            # Blank the written number only («الدقيقة _____», «_____ متفرجاً»), keep the counted noun.
            start, end = f.start + digits[0].start(), f.start + digits[-1].end()
            after = fold(text[digits[-1].end():]).split()
            if after and after[0] in _SCALE_WORDS:
                return None  # «1.5 مليار»: the scale word would stay outside the blank
            unit_kept = bool(text[:digits[0].start()].strip() or text[digits[-1].end():].strip())
        else:
            words = text.split()
            first = fold(words[0]) if words else ""
            if first.startswith(("ال", "لل")) or "مره" in fold(text):
                return None  # «الثلاثة», «للمرة الثانية»: ordinal or definite, not a count to ask for
            if len(words) >= 2:
                if not f.unit or not fold(words[-1]).rstrip("ًا").startswith(fold(f.unit).rstrip("ًا")[:3]):
                    return None  # «خمسة أشهر ونصف»: the noun sits inside the number
                end = f.start + len(text.rstrip()) - len(words[-1])
                end = f.start + len(text[: end - f.start].rstrip())
                unit_kept = True
    decimals = decimals_of(v, text)
    if not percent and decimals == 0 and v != int(v):
        return None
    answer = format_number(v, decimals, arabic) + (("٪" if arabic else "%") if percent else "")
    return NumberView(start, end, answer, v, decimals, percent, arabic, unit_kept)


def _number_options(ctx: _Ctx, f: Fact, view: NumberView, rng: random.Random) -> list[str]:
    others = [float(g.value) for g in ctx.facts
              if g.type == f.type and isinstance(g.value, (int, float)) and not isinstance(g.value, bool)
              and (g.unit or None) == (f.unit or None)]
    cands = number_candidates(view.value, percent=view.percent, decimals=view.decimals, others=others,
                              keep_class=view.unit_kept)
    head, rest = cands[:5], cands[5:]
    rng.shuffle(head)
    out: list[str] = []
    banned = {view.answer}
    for c in head + rest:
        s = format_number(c, view.decimals, view.arabic) + (("٪" if view.arabic else "%") if view.percent else "")
        if s not in banned:
            banned.add(s)
            out.append(s)
        if len(out) >= 3:
            break
    return out


def _tolerance(view: NumberView) -> float:
    if view.decimals:
        return round(0.5 * 10.0 ** -view.decimals, 9)
    return round(0.005 * view.value, 3) if view.value >= 10000 else 0.0


# Stems -----------------------------------------------------------------------------------------

def _trim_lead(s: str) -> str:
    """Drop a conjunction opening a sentence: a lone و/ف/ثم or one glued to the first word."""
    s = s.strip()
    parts = s.split(maxsplit=1)
    if not parts:
        return s
    first = fold(parts[0]).strip("«(")
    if first in ("و", "ف", "ثم", "قد", "لقد") and len(parts) > 1:
        return _trim_lead(parts[1])
    if glued_conjunction(parts[0]) and not parts[0].startswith("«"):
        rest = parts[0][1:]
        rest = rest.lstrip("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652")
        return _trim_lead((rest + (" " + parts[1] if len(parts) > 1 else "")).strip())
    return s


def _starts_with_word(text: str) -> bool:
    """True when a sentence opens with an Arabic word or a quote, not a stray mark or a number."""
    return bool(re.match(r"\s*[«\"(]?[\u0621-\u064a]", text))


def _cloze(sentence: Sentence, start: int, end: int) -> str | None:
    """The sentence with [start, end) (article offsets) as a blank, lead conjunction trimmed."""
    s, e = start - sentence.start, end - sentence.start
    t = sentence.text
    if not MIN_SENTENCE_WORDS <= len(t.split()) <= MAX_SENTENCE_WORDS or not _starts_with_word(t):
        return None
    glue = "ـ" if s > 0 and re.match(r"[\u0621-\u064a]", t[s - 1]) else ""
    stem = t[:s] + glue + BLANK + t[e:]
    trimmed = _trim_lead(stem)
    if BLANK not in trimmed:
        return None
    return trimmed


# Candidates ------------------------------------------------------------------------------------

@dataclass
class _Out:
    questions: list[Question] = field(default_factory=list)
    drops: Counter[str] = field(default_factory=Counter)

    def add(self, q: Question) -> None:
        failed = check(q)
        if failed:
            first = next(r for r in REASONS if r in failed)
            self.drops[first] += 1
            return
        self.questions.append(q)


def _mentions(ctx: _Ctx, si: int) -> list[Mention]:
    sent = ctx.sentences[si]
    out = []
    for i in ctx.in_sent.get(si, ()):
        f = ctx.facts[i]
        name = ctx.entities[_fact_id(f)].name if f.type in NAME_TYPES else f.text
        out.append(Mention(f.start - sent.start, f.end - sent.start, f.type, name))
    return out


def _key(ctx: _Ctx, kind: str, f: Fact | None, sentence: str, extra: str = "") -> str:
    fpart = f"{f.type}|{fold(str(f.value))}|{' '.join(tokens(f.text))}" if f else ""
    return _hash(ctx.akey, kind, fpart, " ".join(tokens(sentence)), extra)


def _src(sent: Sentence, start: int, end: int) -> Source:
    return Source(sent.text, start - sent.start, end - sent.start)


def _mcq(ctx: _Ctx, key: str, f: Fact, prompt: str, answer: str, distractors: list[str], sent: Sentence,
         start: int, end: int, difficulty: int, accepted: Iterable[str] = ()) -> Question | None:
    if len(distractors) < 3:
        return None
    rng = ctx.rng(key)
    choices = [answer, *distractors[:3]]
    rng.shuffle(choices)
    return Question(key=key, kind="mcq", fact_type=f.type, prompt=prompt, answer=answer,
                    accepted=tuple(a for a in accepted if a != answer), choices=tuple(choices),
                    source=_src(sent, start, end), difficulty=difficulty, fact=_fact_id(f))


def _for_name(ctx: _Ctx, fi: int, f: Fact, out: _Out, wh_bodies: list[tuple[str, str, str]]) -> None:
    si = ctx.sent_of[fi]
    sent = ctx.sentences[si]
    ent = ctx.entities[_fact_id(f)]
    occ = str(sum(1 for j in ctx.in_sent[si] if j < fi and ctx.facts[j].text == f.text))
    accepted = tuple(sorted(a for a in ent.aliases if a != f.text))
    stem = _cloze(sent, f.start, f.end)
    mentions = _mentions(ctx, si)
    if stem:
        k = _key(ctx, "cloze", f, sent.text, occ)
        out.add(Question(key=k, kind="cloze", fact_type=f.type, prompt=stem, answer=f.text, accepted=accepted,
                         source=_src(sent, f.start, f.end), difficulty=2, fact=ent.id))
    wh: str | None = None
    s0, e0 = f.start - sent.start, f.end - sent.start
    if f.type == "person":
        wh = subject_question(sent.text, s0, e0, "person", mentions, "من")
        if wh:
            wh_bodies.append((wh[len("من "):-1], ent.name, ent.id))
    elif f.type == "organization":
        group = places.org_group(ent.name)
        nouns = {"agency": ("وكالة", "f"), "council": ("مجلس", "m"), "party": ("حزب", "m"), "bank": ("بنك", "m"),
                 "court": ("محكمة", "f"), "international": ("منظمة", "f"), "authority": ("هيئة", "f"),
                 "university": ("جامعة", "f")}
        noun, gender = nouns.get(group or "", ("جهة", "f"))
        wh = subject_question(sent.text, s0, e0, "organization", mentions, f"أي {noun}", org_gender=gender)
    elif f.type == "place" and ent.kind in ("country", "city", "site", "region", None):
        wh = where_question(sent.text, s0, e0, mentions)
        if wh is None and ent.kind in ("country", "city"):
            # «استضافت العاصمة السعودية الرياض ... قمة» -> «أي مدينة استضافت ... قمة؟»
            noun = "أي مدينة" if ent.kind == "city" else "أي دولة"
            wh = subject_question(sent.text, s0, e0, "place", mentions, noun, org_gender="f")
    if wh:
        k = _key(ctx, "wh", f, sent.text, occ)
        out.add(Question(key=k, kind="wh", fact_type=f.type, prompt=wh, answer=ent.name,
                         accepted=tuple(sorted(a for a in ent.aliases if a != ent.name)),
                         source=_src(sent, f.start, f.end), difficulty=2, fact=ent.id))
    prompt = wh or stem
    if prompt:
        k = _key(ctx, "mcq", f, sent.text, occ)
        rng = ctx.rng(k + ":d")
        distractors, from_article = _name_distractors(ctx, ent, rng, avoid=prompt)
        q = _mcq(ctx, k, f, prompt, ent.name, distractors, sent, f.start, f.end, 2 if from_article else 1,
                 accepted=sorted(ent.aliases))
        if q:
            out.add(q)


def _for_date(ctx: _Ctx, fi: int, f: Fact, out: _Out, events: list[tuple[Fact, str, bool]]) -> None:
    si = ctx.sent_of[fi]
    sent = ctx.sentences[si]
    gran = parse_iso(str(f.value))[0]
    if gran == "none" or not re.search(r"\d|يات|ات ", fold(f.text)):
        return
    mentions = _mentions(ctx, si)
    s0, e0 = f.start - sent.start, f.end - sent.start
    ev = event_text(sent.text, s0, e0, mentions)
    wh = when_question(sent.text, s0, e0, gran, mentions)
    if wh is not None and (ev is None or ev.nested or not ev.explicit):
        ev = wh[1]  # «متى رحل غازي القصيبي؟» names its event better than the clause around it
    if ev is not None:
        events.append((f, ev.body, ev.explicit and not ev.nested))
    stem = _cloze(sent, f.start, f.end)
    variants = tuple(date_variants(f.text))
    if stem:
        k = _key(ctx, "cloze", f, sent.text)
        out.add(Question(key=k, kind="cloze", fact_type="date", prompt=stem, answer=f.text, accepted=variants,
                         source=_src(sent, f.start, f.end), difficulty=3, fact=_fact_id(f)))
    if wh:
        k = _key(ctx, "wh", f, sent.text)
        out.add(Question(key=k, kind="wh", fact_type="date", prompt=wh[0], answer=f.text, accepted=variants,
                         source=_src(sent, f.start, f.end), difficulty=2, fact=_fact_id(f)))
    prompt = wh[0] if wh else stem
    if prompt:
        k = _key(ctx, "mcq", f, sent.text)
        options = _date_options(ctx, f, ctx.rng(k + ":d"))
        q = _mcq(ctx, k, f, prompt, f.text, options, sent, f.start, f.end, 2)
        if q:
            out.add(q)


def _for_number(ctx: _Ctx, fi: int, f: Fact, out: _Out) -> None:
    si = ctx.sent_of[fi]
    sent = ctx.sentences[si]
    view = number_view(f)
    if view is None or (f.type == "number" and view.value < 2):
        return
    mentions = _mentions(ctx, si)
    s0, e0 = f.start - sent.start, f.end - sent.start
    if f.type == "percentage":
        wh = percent_question(sent.text, s0, e0, mentions)
    else:
        wh = number_question(sent.text, s0, e0, mentions, f.unit)
    stem = _cloze(sent, view.blank_start, view.blank_end)
    src = _src(sent, view.blank_start, view.blank_end)
    if stem:
        k = _key(ctx, "cloze", f, sent.text)
        out.add(Question(key=k, kind="cloze", fact_type=f.type, prompt=stem, answer=view.answer,
                         source=src, difficulty=3, fact=_fact_id(f), tolerance=_tolerance(view)))
    if wh:
        k = _key(ctx, "wh", f, sent.text)
        out.add(Question(key=k, kind="wh", fact_type=f.type, prompt=wh, answer=view.answer, source=src,
                         difficulty=2, fact=_fact_id(f), tolerance=_tolerance(view)))
    prompt = wh or stem
    if prompt:
        k = _key(ctx, "numeric", f, sent.text)
        out.add(Question(key=k, kind="numeric", fact_type=f.type, prompt=prompt, answer=view.answer, source=src,
                         difficulty=3, fact=_fact_id(f), tolerance=_tolerance(view)))
        k = _key(ctx, "mcq", f, sent.text)
        options = _number_options(ctx, f, view, ctx.rng(k + ":d"))
        q = _mcq(ctx, k, f, prompt, view.answer, options, sent, view.blank_start, view.blank_end, 2)
        if q:
            out.add(q)


_TITLE_WORDS = {fold(w) for w in ("الدكتور", "الأمير", "الشيخ", "السيد", "السيدة", "المهندس", "الملك",
                                  "الأستاذ", "المشير", "اللواء", "العقيد", "الفريق", "الحارس", "الرئيس")}


def _clean_role(role: str) -> str | None:
    """A role fit for «من هو ...؟»: trailing titles dropped, at least two words, no pronoun."""
    words = strip_diacritics(role).replace("،", " ").replace("«", " ").replace("»", " ").split()
    while len(words) > 1 and fold(words[-1]) in _TITLE_WORDS:
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
    if len(fold(first).removeprefix("ال")) < 4 and fold(first) not in _SHORT_TITLES:
        return None  # a clipped word («زير» for «وزير») would make a nonsense question
    return " ".join([first, *words[1:]])


_SHORT_TITLES = {fold(w) for w in ("الملك", "الأمير", "الشيخ", "البابا", "ولي", "والي", "الحارس", "قائد")}


def _role_questions(ctx: _Ctx, out: _Out) -> None:
    roles: dict[str, list[Entity]] = defaultdict(list)
    for e in ctx.entities.values():
        if e.type == "person" and e.role:
            roles[" ".join(tokens(e.role))].append(e)
    for e in ctx.entities.values():
        if e.type != "person" or not e.role or len(roles[" ".join(tokens(e.role))]) != 1:
            continue
        role = _clean_role(e.role)
        if role is None or len(e.name.split()) < 2:
            continue  # one-word names next to a role are too often the tagger's mistakes
        first = role.split()[0]
        at = next((i for i, f in enumerate(ctx.facts) if _fact_id(f) == e.id and i in ctx.sent_of
                   and f.role), None)
        if at is None:
            continue
        mention = ctx.facts[at]
        sent = ctx.sentences[ctx.sent_of[at]]
        pron = "هي" if fold(first).endswith("ه") else "هو"
        k = _key(ctx, "short", mention, role)
        out.add(Question(key=k, kind="short", fact_type="person", prompt=f"من {pron} {role}؟", answer=e.name,
                         accepted=tuple(sorted(a for a in e.aliases if a != e.name)),
                         source=_src(sent, mention.start, mention.end), difficulty=2, fact=e.id))


def _swap_text(ctx: _Ctx, f: Fact, rng: random.Random, sentence: str) -> str | None:
    """A wrong replacement for fact ``f`` written as it would stand in the sentence."""
    if f.type in NAME_TYPES:
        ent = ctx.entities[_fact_id(f)]
        ds, _ = _name_distractors(ctx, ent, rng, avoid=sentence)
        return ds[0] if ds else None
    if f.type == "date":
        ds = _date_options(ctx, f, rng)
        return ds[0] if ds else None
    view = number_view(f)
    if view is None:
        return None
    m = re.search(r"[\d٠-٩]+(?:[.,،٫ر][\d٠-٩]+)?", f.text)
    if not m or "ر" in m.group(0):
        return None
    cands = _number_options(ctx, f, view, rng)
    if not cands:
        return None
    digits = re.sub(r"[%٪]", "", cands[0])
    if "," in digits or "٬" in digits:
        return None
    return f.text[:m.start()] + digits + f.text[m.end():]


def _true_false(ctx: _Ctx, out: _Out) -> None:
    for si, sent in enumerate(ctx.sentences):
        idx = ctx.in_sent.get(si, [])
        if not idx or not MIN_SENTENCE_WORDS <= len(sent.text.split()) <= MAX_STATEMENT_WORDS \
                or not _starts_with_word(sent.text):
            continue
        statement = _trim_lead(sent.text).rstrip(" .")
        if not statement:
            continue
        make_false = int(_hash(ctx.akey, "tf", sent.text), 16) % 2 == 1
        key = _key(ctx, "true_false", None, sent.text, "F" if make_false else "T")
        rng = ctx.rng(key)
        fact = ctx.facts[idx[0]]
        body = statement
        if make_false:
            order = {"date": 0, "percentage": 1, "number": 2, "place": 3, "person": 4, "organization": 5}
            swapped = None
            for i in sorted(idx, key=lambda i: (order.get(ctx.facts[i].type, 9), ctx.facts[i].start)):
                f = ctx.facts[i]
                rep = _swap_text(ctx, f, rng, sent.text)
                if not rep:
                    continue
                before = sent.text[:f.start - sent.start]
                if re.search(r"(?:^|\s)ل$", before) and rep.startswith("ال"):
                    rep = "ل" + rep[2:]  # ل + الولايات -> للولايات
                local = before + rep + sent.text[f.end - sent.start:]
                # The statement must not still hold the true fact somewhere else.
                if " ".join(tokens(f.text)) in " ".join(tokens(local)):
                    continue
                swapped = _trim_lead(local).rstrip(" .")
                fact = f
                break
            if swapped is None:
                continue
            body = swapped
        prompt = f"هل العبارة التالية صحيحة: {body}؟"
        out.add(Question(key=key, kind="true_false", fact_type=fact.type, prompt=prompt,
                         answer=FALSE_LABEL if make_false else TRUE_LABEL, choices=(TRUE_LABEL, FALSE_LABEL),
                         source=_src(sent, fact.start, fact.end), difficulty=2 if make_false else 1,
                         fact=_fact_id(fact)))


def _matching(ctx: _Ctx, out: _Out, wh_bodies: list[tuple[str, str, str]],
              events: list[tuple[Fact, str, bool]]) -> None:
    # People to what they said or did (from «من ...؟» questions).
    seen: dict[str, tuple[str, str]] = {}
    for body, name, eid in wh_bodies:
        if eid not in seen and len(body.split()) <= 14:
            seen[eid] = (body, name)
    if len(seen) >= 3:
        pairs = tuple((b, n) for b, n in list(seen.values())[:5])
        _add_matching(ctx, out, "من صاحب كل قول أو فعل مما يلي بحسب المقال؟", pairs, "person")
    # People to roles.
    people = [e for e in ctx.entities.values() if e.type == "person" and e.role]
    roles = Counter(" ".join(tokens(e.role or "")) for e in people)
    people = [e for e in people if roles[" ".join(tokens(e.role or ""))] == 1]
    if len(people) >= 3:
        pairs = tuple((e.name, e.role or "") for e in people[:5])
        _add_matching(ctx, out, "ما الصفة التي وصف بها المقال كل شخص مما يلي؟", pairs, "person")
    # Events to dates.
    by_date: dict[str, tuple[str, str]] = {}
    for f, body, explicit in events:
        if explicit and str(f.value) not in by_date and len(body.split()) <= 16:
            by_date[str(f.value)] = (body, f.text)
    if len(by_date) >= 3:
        pairs = tuple(list(by_date.values())[:5])
        _add_matching(ctx, out, "متى وقع كل حدث مما يلي بحسب المقال؟", pairs, "date")


def _add_matching(ctx: _Ctx, out: _Out, prompt: str, pairs: tuple[tuple[str, str], ...], ftype: str) -> None:
    key = _hash(ctx.akey, "matching", prompt, *[" ".join(tokens(a)) for a, _ in pairs])
    rights = list(dict.fromkeys(b for _, b in pairs))
    ctx.rng(key).shuffle(rights)
    out.add(Question(key=key, kind="matching", fact_type=ftype, prompt=prompt, answer=" | ".join(b for _, b in pairs),
                     choices=tuple(rights), pairs=pairs, difficulty=2, fact=f"{ftype}:matching"))


def _ordering(ctx: _Ctx, out: _Out, events: list[tuple[Fact, str, bool]]) -> None:
    dated = []
    for f, body, explicit in events:
        iv = interval(f.gregorian or str(f.value))  # a Hijri date orders by its Gregorian day
        if iv is not None and 3 <= len(body.split()) <= 18:
            dated.append((iv, explicit, body, f))
    dated.sort(key=lambda d: (d[0][0], not d[1]))
    chosen: list[tuple[tuple[object, object], str, Fact]] = []
    last_end = None
    for iv, _explicit, body, f in dated:
        if last_end is not None and iv[0] <= last_end:
            continue
        if any(" ".join(tokens(body)) == " ".join(tokens(b)) for _, b, _ in chosen):
            continue
        chosen.append((iv, body, f))
        last_end = iv[1]
    if len(chosen) < 3:
        return
    items = tuple(b for _, b, _ in chosen[:5])
    key = _hash(ctx.akey, "ordering", *[" ".join(tokens(i)) for i in items])
    shuffled = list(items)
    rng = ctx.rng(key)
    rng.shuffle(shuffled)
    if tuple(shuffled) == items:
        shuffled = shuffled[1:] + shuffled[:1]
    out.add(Question(key=key, kind="ordering", fact_type="date",
                     prompt="ما الترتيب الزمني الصحيح للأحداث الآتية من الأقدم إلى الأحدث؟",
                     answer=" ← ".join(items), choices=tuple(shuffled), items=items, difficulty=3,
                     fact="date:ordering"))


def _select(questions: list[Question]) -> list[Question]:
    seen_keys: set[str] = set()
    seen_prompts: set[tuple[str, str]] = set()
    per: Counter[tuple[str, str]] = Counter()
    out = []
    for q in questions:
        if q.key in seen_keys or (q.kind, q.prompt) in seen_prompts:
            continue
        cap = PER_FACT_KIND.get(q.kind)
        if cap is not None and per[(q.fact, q.kind)] >= cap:
            continue
        per[(q.fact, q.kind)] += 1
        seen_keys.add(q.key)
        seen_prompts.add((q.kind, q.prompt))
        out.append(q)
    return out


def generate_from_facts(text: str, facts: list[Fact], *, seed: int = 0, article_date: str | None = None,
                        title: str = "", source: str | None = None) -> Bank:
    """Build a checked bank from already extracted facts (generation without extraction)."""
    ctx = _build_context(text, facts, seed)
    out = _Out()
    wh_bodies: list[tuple[str, str, str]] = []
    events: list[tuple[Fact, str, bool]] = []
    for fi, f in enumerate(ctx.facts):
        if fi not in ctx.sent_of:
            continue
        if f.type in NAME_TYPES:
            _for_name(ctx, fi, f, out, wh_bodies)
        elif f.type == "date":
            _for_date(ctx, fi, f, out, events)
        elif f.type in ("percentage", "number"):
            _for_number(ctx, fi, f, out)
    _role_questions(ctx, out)
    _true_false(ctx, out)
    _matching(ctx, out, wh_bodies, events)
    _ordering(ctx, out, events)
    order = {q.key: i for i, q in enumerate(out.questions)}
    questions = _select(sorted(out.questions, key=lambda q: (q.source.text == "", order[q.key])))
    article = Article(key=ctx.akey, title=title, text=text, date=article_date, source=source)
    return Bank(article=article, questions=tuple(questions), drops=tuple(sorted(out.drops.items())))


def generate(text: str, *, seed: int = 0, article_date: str | None = None, title: str = "",
             source: str | None = None) -> Bank:
    """Extract the article's facts and generate a checked question bank from them."""
    from questions.facts import extract_facts

    facts = extract_facts(text, article_date=article_date)
    return generate_from_facts(text, facts, seed=seed, article_date=article_date, title=title, source=source)


def report(bank: Bank, facts: list[Fact] | None = None) -> str:
    """Summarize a bank: facts found, questions per kind and per fact type, drops per check."""
    if facts is None:
        from questions.facts import extract_facts

        facts = extract_facts(bank.article.text, article_date=bank.article.date)
    lines = [f"article {bank.article.key} {bank.article.title!r}".rstrip()]
    fc = Counter(f.type for f in facts)
    lines.append("facts found: " + ", ".join(f"{t}={fc[t]}" for t in sorted(fc)) + f" (total {len(facts)})")
    kc = Counter(q.kind for q in bank.questions)
    lines.append("questions per kind: " + ", ".join(f"{k}={kc[k]}" for k in KIND_ORDER if kc[k])
                 + f" (total {len(bank.questions)})")
    tc = Counter(q.fact_type for q in bank.questions)
    lines.append("questions per fact type: " + ", ".join(f"{t}={tc[t]}" for t in sorted(tc)))
    drops = dict(bank.drops)
    lines.append("dropped by check: " + (", ".join(f"{r}={drops[r]}" for r in REASONS if drops.get(r)) or "none"))
    return "\n".join(lines)


def replace_choices(q: Question, choices: tuple[str, ...]) -> Question:
    """Return ``q`` with new choices (used by tests and teacher edits)."""
    return replace(q, choices=choices)

