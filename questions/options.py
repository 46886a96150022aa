"""Wrong options for multiple-choice questions: names, dates and numbers.

Names come from the article first (same type; places of the same kind; organizations of the same
group; people of the same role class), then from typed pools. An option is never shown in the stem
(it would be ruled out at a glance) and never also right: a name the article ties to the same event
as the stem is left out. Dates are near the right one in the same granularity and month series;
numbers are far enough apart to tell (about a tenth of the value or more), written like the article
writes the right one.
"""

from __future__ import annotations

import datetime as dt
import math
import random
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from questions import lists, pools
from questions.context import Context, Entity
from questions.distractors import ARABIC_INDIC as _ARABIC_INDIC
from questions.distractors import date_candidates, decimals_of, format_number, interval, render_date
from questions.datepatterns import MONTHS
from questions.model import BLANK, Fact
from questions.answers import clitic_tokens, number_values
from questions.normalize import fold, tokens
from questions.realize import is_verb, words_of

_SCALE_WORDS = {"الف": 1e3, "الاف": 1e3, "مليون": 1e6, "ملايين": 1e6, "مليار": 1e9, "مليارات": 1e9,
                "بليون": 1e9, "بلايين": 1e9, "تريليون": 1e12, "تريليونات": 1e12, "ترليون": 1e12, "ترليونات": 1e12,
                "مليوني": 1e6, "ملياري": 1e9}  # «2.8 ملياري»: after a figure, the dual is the scale
# A figure worth this many times what it writes takes its scale word from a figure after it.
SHARED_SCALE = 1000
# «مليونين و100 ألف»: a dual scale word opening a number written in two parts (folded, final alif dropped)
_DUAL_SCALES = {"مليونين", "مليونان", "الفين", "الفان", "مليارين", "ملياران"}


@lru_cache(maxsize=50_000)
def token_key(s: str) -> str:
    """The folded tokens of a text, space-joined: how names and options are compared."""
    return " ".join(tokens(s))


def shows_in(needle: str, hay: str) -> bool:
    """True when ``needle`` stands in ``hay`` as whole words, whatever proclitics they carry there
    («والاتحاد الوطني» holds «الاتحاد الوطني»)."""
    n = " ".join(clitic_tokens(needle))
    return bool(n) and f" {n} " in f" {' '.join(clitic_tokens(hay))} "


def content_words(text: str) -> set[str]:
    """The folded words of ``text`` that say what it is about (no function words)."""
    return set(_content_words(text))


@lru_cache(maxsize=20_000)
def _content_words(text: str) -> frozenset[str]:
    stop = lists.folded("generation/stopwords")
    return frozenset(t for t in tokens(text) if t not in stop and len(t) > 2 and not t.isdigit())


def _distinct_add(out: list[str], cand: str, banned: set[str]) -> None:
    k = token_key(cand)
    if k and k not in banned:
        banned.add(k)
        out.append(cand)


def _also_right(ctx: Context, e: Entity, stem: str, answer: Entity) -> bool:
    """True when the article ties ``e`` to what the stem asks about: a sentence naming ``e`` shares
    most of the stem's content words, so ``e`` might be a right answer too."""
    about = content_words(stem) - {t for a in answer.aliases for t in tokens(a)}
    if len(about) < 3:
        return False
    for si in ctx.sentences_naming(e.id):
        shared = about & _content_words(ctx.sentences[si].text)
        if len(shared) >= max(3, len(about) // 2):
            return True
    return False


# Classes of people whose members an article often names without a role: in a sports story the other
# players, in a story about artists the other artists.
_UNROLED_OK = {"footballer", "athlete", "artist", "writer", "opposition"}


def place_kind(ent: Entity) -> str | None:
    """The kind of a place as the pools know it (a capital counts as a city), else as the extractor said."""
    return pools.place_kind(ent.name) or ent.kind


org_group = pools.org_group


def _person_class(e: Entity) -> str | None:
    return pools.role_class(e.role) or pools.role_class(e.title)


def feminine(e: Entity) -> bool:
    """Whether a person of the article is a woman: a feminine role or title, or a woman's first name."""
    if pools.feminine_role(e.role or e.title):
        return True
    first = e.name.split()[0] if e.name.split() else ""
    return fold(first) in lists.folded("generation/female_first_names")


BEFORE_A_NAME = 40  # characters before a person's mention that may hold the title the article gives them


def said_before(ctx: Context, e: Entity) -> list[str]:
    """What the article writes right before each mention of the person ``e``, back to the fact before it
    or the sentence's start: «أقر مدرب العربي، التونسي » before «منير بن رمضان»."""
    if e.id in ctx.before_people:
        return ctx.before_people[e.id]
    out: list[str] = []
    for f in ctx.facts:
        if ctx.entity_of(f) is not e:
            continue
        start = max(0, f.start - BEFORE_A_NAME)
        # back to the person before (a club or a ministry is part of the title: «مدرب المولودية، التونسي »)
        start = max([start, *(g.end for g in ctx.facts if start <= g.end <= f.start and g is not f and g.type == "person")])
        window = ctx.text[start:f.start]
        out.append(re.split(r"[.؟!\n]", window)[-1])
    ctx.before_people[e.id] = out
    return out


def person_class(ctx: Context, e: Entity) -> str | None:
    """The class of people ``e`` belongs to: by their role or title, else by a role the article writes
    before their name («مدرب العربي، التونسي منير بن رمضان» is a coach)."""
    return _person_class(e) or next((c for w in said_before(ctx, e) if (c := pools.role_class(w))), None)


def a_woman(ctx: Context, e: Entity) -> bool:
    """Whether ``e`` is a woman: as ``feminine`` tells, or by a feminine verb or nisba right before their
    name («فازت اللبنانية ريتا خوري»)."""
    if feminine(e):
        return True
    for window in said_before(ctx, e):
        last = fold(window).split()[-1:] if window.strip() else []
        if last and (last[0].startswith("ال") and last[0].endswith("يه") or
                     last[0].endswith("ت") and is_verb(words_of(last[0])[0])):
            return True
    return False


def _classes_agree(mine: str | None, theirs: str | None) -> bool:
    """True when a person of class ``theirs`` may stand beside one of class ``mine`` as a wrong option: the
    same class, or no class beside a player's, an athlete's or an artist's (often written without one)."""
    return mine == theirs or theirs is None and mine in _UNROLED_OK or mine is None and theirs in _UNROLED_OK


def _same_class(ent: Entity, e: Entity) -> bool:
    if e.id == ent.id or e.type != ent.type:
        return False
    if ent.type == "place":
        if place_kind(e) != place_kind(ent):
            return False
        if ent.kind == "region" and set(tokens(e.name)) & set(tokens(ent.name)):
            return False  # «أمريكا اللاتينية» may well hold «أمريكا الوسطى»: not surely wrong
    if ent.type == "organization":
        group = org_group(ent.name)
        if org_group(e.name) != group:
            return False  # a body of unknown kind only stands beside another one of unknown kind
        if group is None and any(w in lists.folded("generation/media_heads") for w in tokens(e.name)):
            return False  # «قنا» is no funder of a study: a news outlet only stands beside news outlets
        if group is None and tokens(e.name)[:1] != tokens(ent.name)[:1]:
            return False  # a body of unknown kind stands beside bodies named alike: a centre by a centre
    if ent.type == "person":
        if not _classes_agree(_person_class(ent), _person_class(e)):
            return False
        if feminine(ent) != feminine(e):
            return False
    return True


def article_regions(ctx: Context) -> tuple[str, ...]:
    """The regions the article's places lie in, most named first."""
    return pools.regions_of(e.name for e in ctx.by_first if e.type == "place" for _ in range(e.mentions))


def _pool(ctx: Context, ent: Entity, rng: random.Random) -> list[str]:
    regions = article_regions(ctx)
    if ent.type == "person":
        # People come from the article only: a public figure from outside it (another country's minister,
        # another club's coach) is the one option a reader rules out without reading.
        return []
    elif ent.type == "place":
        row = pools.place_row(ent.name)
        kind = place_kind(ent)
        if kind is None:
            return []
        if kind == "city":
            country = row["country"] if row is not None else ""
            pool = [*pools.places("city", country=country), *pools.places("capital", country=country)] \
                if country else []
            if len(pool) < 4:
                near = regions[:1] or ((row["region"],) if row is not None else ())
                pool += [*pools.places("capital", regions=near), *pools.places("city", regions=near)]
        elif kind == "region" and row is not None and row["country"]:
            pool = list(pools.places("region", country=row["country"]))
        elif kind == "site":
            return []  # a palace, a stadium, a mosque: other sites of the pool are of another sort or land
        else:
            near = (row["region"],) if row is not None and row["region"] else regions[:1]
            pool = list(pools.places(kind, regions=near)) if near else []
    else:
        group = org_group(ent.name)
        if group == "ministry":
            # The main ministries first (the pool lists them so), none sharing a word with the answer:
            # «وزارة الصحة والسكان» could pass for «وزارة الصحة».
            mine = set(tokens(ent.name)) - {"وزاره"}
            pool = [p for p in pools.organizations(group) if not set(tokens(p)) & mine][:10]
        else:
            pool = list(pools.organizations(group, regions[:1])) if group else []
    return rng.sample(pool, len(pool))


def described_before_blank(stem: str) -> bool:
    """True when the word before the blank describes who fills it («مدرب بركان، الإسباني _____»): a
    nationality or a leaning that the article's other people do not share gives the answer away."""
    before = stem.split(BLANK)[0].split() if BLANK in stem else []
    last = fold(before[-1]).strip("«»،,") if before else ""
    return last.startswith("ال") and last.endswith(("ي", "يه")) and len(last) >= 6


def name_options(ctx: Context, ent: Entity, stem: str, rng: random.Random, n: int = 3) -> list[str]:
    """Up to ``n`` wrong names for ``ent``: from the article first, then from a typed pool."""
    if ent.type == "person" and described_before_blank(stem):
        return []
    banned = {token_key(a) for a in ent.aliases}
    out: list[str] = []
    same = [e for e in ctx.by_first if _same_class(ent, e) and not any(shows_in(a, stem) for a in e.aliases)
            and not _also_right(ctx, e, stem, ent) and
            (ent.type != "person" or _classes_agree(person_class(ctx, ent), person_class(ctx, e)) and
             a_woman(ctx, e) == a_woman(ctx, ent))]
    rng.shuffle(same)  # which of the article's names stand beside the answer depends on the seed
    for e in same:
        if len(out) >= n:
            break
        _distinct_add(out, e.name, banned)
    pool = _pool(ctx, ent, rng)
    for p in pool:
        if len(out) >= n:
            break
        if not shows_in(p, stem) and not any(shows_in(p, a) or shows_in(a, p) for a in ent.aliases):
            _distinct_add(out, p, banned)
    return out[:n]


def from_article(ctx: Context, names: Sequence[str]) -> int:
    """How many of ``names`` the article itself names: wrong options a reader met while reading, where
    names from the typed pools may stand out (another country, another kind of place)."""
    known = {token_key(a) for e in ctx.by_first for a in (e.name, *e.aliases)}
    return sum(1 for n in names if token_key(n) in known)


def _published(published: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(published) if published else None
    except ValueError:
        return None


def _ahead(value: str, published: dt.date | None) -> bool:
    """True when the date ``value`` lies wholly after the article's date ``published``."""
    span = interval(value)
    return span is not None and published is not None and span[0] > published


def still_to_come(value: str, published: str | None) -> bool:
    """True when the date ``value`` (ISO) lies wholly after the article's date ``published``."""
    return _ahead(value, _published(published))


def _candidate_ahead(c: tuple[int | None, int | None, int | None], published: dt.date) -> bool:
    """True when a candidate (year, month, day) starts after ``published``; one without a year can't tell."""
    y, m, d = c
    if y is None:
        return True
    try:
        return dt.date(y, m or 1, d or 1) > published
    except ValueError:
        return False


_TARGET = re.compile(r"(?:بحلول|حتي|افق|قبل نهايه|مطلع)\s+(?:نهايه\s+)?(?:عام\s+)?$")


def _aims_at_a_year(stem: str, written: str) -> bool:
    """True when the blank, or the year ``written`` in a statement, is the year a target is set for («بحلول
    _____», «في أفق 2030»)."""
    if BLANK in stem:
        before = stem.split(BLANK, 1)[0]
    elif written in stem:
        before = stem[:stem.index(written)]
    else:
        return False
    return _TARGET.search(fold(before)) is not None


def _candidate_over(c: tuple[int | None, int | None, int | None], published: dt.date) -> bool:
    """True when a candidate (year, month, day) has ended by ``published``; one without a year can't tell."""
    y, m, d = c
    if y is None:
        return True
    if m is None:
        return dt.date(y, 12, 31) < published
    if d is None:
        return dt.date(y + (m == 12), m % 12 + 1, 1) <= published
    try:
        return dt.date(y, m, d) < published
    except ValueError:
        return False


def date_options(f: Fact, stem: str, rng: random.Random, n: int = 3, published: str | None = None) -> list[str]:
    """Up to ``n`` wrong dates near ``f`` in its granularity, written like ``f``, none in the stem. A date
    still to come when the article was published (``published``) gets dates still to come: a plan set for
    a year already past is ruled out at a glance; and a period over by then gets periods over by then (a
    year's trade figures published in January 2026 are no 2026 or 2027 figures)."""
    value = str(f.value)
    banned = {token_key(f.text)}
    out: list[str] = []
    cands = date_candidates(value)
    if value.isdigit() and int(value) % 5 == 0 and _aims_at_a_year(stem, f.text):
        # «الحياد الكربوني بحلول _____» (2050): a target is set in round years, so «2049» gives itself away
        y = int(value)
        cands = [(y + k, None, None) for k in (5, -5, 10, -10, 15, -15)]
    head, rest = cands[:4], cands[4:]
    rng.shuffle(head)
    day = _published(published)
    ahead = _ahead(value, day)
    span = interval(value)
    over = day is not None and span is not None and span[1] < day
    lo, hi = range_ends(stem)
    for c in head + rest:
        if ahead and day is not None and not _candidate_ahead(c, day):
            continue
        if over and day is not None and not _candidate_over(c, day):
            continue
        r = render_date(f.text, value, c)
        first = number_values(r.split()[0]) if r and r.split() else []
        if first and not lo < first[0] < hi:
            continue  # «بين _____ و21 آب»: a day after the range's end is ruled out at a glance
        if r is not None and not shows_in(r, stem):
            _distinct_add(out, r, banned)
        if len(out) >= n:
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
    spelled: bool = False  # written in words («هدفين»): the answer keeps the article's words
    thousands: str = ""  # the thousands separator the article writes («2.400», «1,200»), if any
    scale: str = ""  # the scale word inside the blank («36.5 مليار»); ``value`` is then the figure before it
    decimal_comma: bool = False  # «2,25 في المائة»: the article writes decimals after a comma

    def _figure(self, v: float) -> str:
        text = format_number(v, self.decimals, self.arabic)
        return text.replace(".", ",") if self.decimal_comma and not self.arabic else text

    def render(self, v: float) -> str:
        """``v`` written the way this number is written."""
        if self.scale:
            return self._figure(v) + " " + self.scale
        if not self.thousands and not self.decimals and not self.percent:
            # «8600 وحدة»: an article that groups no digits gets options without separators too
            digits = str(int(round(v)))
            return digits.translate(_ARABIC_INDIC) if self.arabic else digits
        if self.thousands and not self.decimals:
            digits = f"{int(round(v)):,}".replace(",", self.thousands)
            if self.arabic:
                digits = digits.translate(_ARABIC_INDIC)
            return digits + (("٪" if self.arabic else "%") if self.percent else "")
        return self._figure(v) + (("٪" if self.arabic else "%") if self.percent else "")

    @property
    def scale_factor(self) -> float:
        """What the scale word multiplies the figure by (1 without one): 1000 for «30 ألف»."""
        return _SCALE_WORDS.get(fold(self.scale).rstrip("ا"), 1.0) if self.scale else 1.0

    @property
    def tolerance(self) -> float:
        """How far a typed number may be from the value and still count."""
        scale = self.scale_factor
        if self.decimals:
            return round(0.5 * 10.0 ** -self.decimals * scale, 9)
        return round(0.005 * self.value * scale, 3) if self.value * scale >= 10000 else 0.0


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
            lead = [w.rstrip("ا").removeprefix("و") for w in fold(text[:digits[0].start()]).split()]
            if any(w in _SCALE_WORDS or w in _DUAL_SCALES for w in lead):
                return None  # «مليوناً و428 ألفاً», «مليونين و100 ألف»: the number is written in two parts
            between = fold(text[digits[0].end():digits[-1].start()]).split() if len(digits) > 1 else []
            if any(w.rstrip("ا").removeprefix("و") in _SCALE_WORDS for w in between):
                return None  # «27 ألفاً و500 نسخة»: the number is written in two parts
            start, end = f.start + digits[0].start(), f.start + digits[-1].end()
            rest = text[digits[-1].end():]
            after = fold(rest).split()
            if after and after[0].rstrip("ا") in _SCALE_WORDS:
                return _scaled(f, digits[0], rest)
            unit_kept = bool(text[:digits[0].start()].strip() or text[digits[-1].end():].strip())
            written = number_values(text[digits[0].start():digits[-1].end()])
            if len(digits) == 1 and written and v >= SHARED_SCALE * max(written) and not _thousands_separator(text, v):
                v = written[0]  # «من 77 إلى 110 ملايين طن»: the scale word after the other figure is shared
        else:
            words = text.split()
            first = fold(words[0]) if words else ""
            if first.startswith(("ال", "لل")) or "مره" in fold(text):
                return None  # «الثلاثة», «للمرة الثانية»: ordinal or definite, not a count to ask for
            if len(words) >= 2:
                if len(words) > 2 or not number_values(words[0]):
                    return None  # «خمسة أشهر ونصف», «مليوناً و428 ألفاً»: the noun sits inside the number
                end = f.start + len(words[0])  # «تسع اتفاقيات»: blank «تسع», keep the counted noun
                unit_kept = True
    thousands = _thousands_separator(text, v)
    decimals = 0 if thousands else decimals_of(v, text)
    if not percent and decimals == 0 and v != int(v):
        return None
    if not re.search(r"[\d٠-٩]", text):
        # «هدفين», «ثلاثة», «ثمانية مليارات»: the answer is the article's words; typed digits count too
        # (grading reads both).
        return NumberView(start, end, f.text[start - f.start:end - f.start].strip(), v, 0, percent, arabic,
                          unit_kept, spelled=True)
    comma = not thousands and bool(re.search(r"[\d],[\d]{1,2}(?![\d])", text))
    view = NumberView(start, end, "", v, decimals, percent, arabic, unit_kept, thousands=thousands, decimal_comma=comma)
    return replace(view, answer=view.render(v))


def _scaled(f: Fact, digits: re.Match[str], rest: str) -> NumberView | None:
    """«36.5 مليار دولار»: the blank holds the figure and its scale word; options change the figure."""
    if len(re.findall(r"[\d٠-٩]+(?:[.,،٫٬ر][\d٠-٩]+)*", f.text)) != 1:
        return None  # «مليوناً و428 ألفاً»: a number written in two parts
    word = rest.split()[0]
    written = digits.group(0)
    # The agencies' decimal mark («2ر1 مليار», 1.2) reads as answers are read, the fraction first.
    # «1,380 مليار دينار»: a comma before three digits groups thousands, as number_values reads it
    grouped = re.fullmatch(r"\d{1,3}(?:,\d{3})+", fold(written)) is not None
    figure = number_values(written)[0] if "ر" in written or grouped else \
        float(fold(written).replace("٫", ".").replace(",", "."))
    if figure <= 0:
        return None
    end = f.start + digits.end() + rest.index(word) + len(word)
    decimals = 0 if grouped else decimals_of(figure, digits.group(0))
    view = NumberView(f.start + digits.start(), end, "", figure, decimals, False,
                      bool(re.search("[٠-٩]", f.text)), bool(rest[rest.index(word) + len(word):].strip()),
                      scale=word.strip("،,."))
    return replace(view, answer=view.render(figure))


def _thousands_separator(surface: str, value: float) -> str:
    """The separator «2.400 عون» or «1,200 دينار» groups thousands with, when the value says it is one."""
    m = re.search(r"[\d٠-٩]{1,3}(?:([.,٬])[\d٠-٩]{3})+(?![\d٠-٩])", surface)
    if m is None or value != int(value):
        return ""
    digits = re.sub(r"[.,٬]", "", fold(m.group(0)))
    return m.group(1) if digits.isdigit() and int(digits) == int(value) else ""


def _noun_class(n: int) -> str:
    """Arabic counted-noun agreement class: 3-10 take a plural, 11-99 a singular accusative."""
    r = n % 100
    if n < 3:
        return str(n)
    return "few" if 3 <= r <= 10 else "many" if 11 <= r <= 99 else "round"


def _roundness(v: float) -> int:
    """The largest power of ten ``v`` is a multiple of (1500 -> 100, 67 -> 1)."""
    if v != int(v) or v == 0:
        return 1
    k = 1
    while int(v) % (k * 10) == 0:
        k *= 10
    return k


def _round_divisor(v: float) -> int:
    """The largest round step (1, 2 or 5 times a power of ten) ``v`` is a multiple of (35 -> 5, 80 -> 20)."""
    if v != int(v) or v <= 0:
        return 1
    steps: list[int] = [m * 10 ** k for k in range(10) for m in (1, 2, 5)]
    return max(c for c in steps if c <= v and int(v) % c == 0)


def nice_step(x: float) -> float:
    """The round step nearest to ``x``: 1, 2, 2.5 or 5 times a power of ten."""
    if x <= 0:
        return 1.0
    k = 10.0 ** math.floor(math.log10(x))
    return min((m * k for m in (1, 2, 2.5, 5, 10)), key=lambda c: abs(c - x))


NEAR_WHOLE_PERCENT = 90.0
ONE_SIDE_STEP = 0.06  # the share of a figure its options move by when they all lie on one side of it ...
ONE_SIDE_MAX_STEP = 0.25  # ... raised to the figure's roundness, up to this share of it


def _one_side(view: NumberView, above: bool, count: int = 6) -> list[float]:
    """Values on one side of a bound's figure, in round steps of at least its own roundness and at most a
    quarter of it («أكثر من 50»: 60, 70, 80, not 52, 54, 56, which the article does not rule out; «أكثر من
    600 نقطة أساس»: 700, 800, 900); a share above it steps within the room left below 100 («أكثر من 80%»:
    85%, 90%, 95%)."""
    v = view.value
    step = max(nice_step(abs(v) * ONE_SIDE_STEP), 10.0 ** -view.decimals)
    step = min(max(step, float(_round_divisor(v))), max(step, nice_step(abs(v) * ONE_SIDE_MAX_STEP)))
    if view.percent and above:
        step = min(step, max(10.0 ** -view.decimals, nice_step((100 - v) / 4)))  # «أكثر من 80%»: 85%, 90%, 95%
    if view.decimals == 0:
        step = max(1.0, float(round(step)))
    sign = 1 if above else -1
    out = [round(v + sign * k * step, view.decimals) for k in range(1, count + 1)]
    return [c for c in out if c > 0 and not (view.percent and c >= 100)]


def period_step(unit: str | None, v: float) -> int:
    """The step a span of time moves by when the article counts it in whole days, weeks, months or years
    of its unit («48 ساعة» moves by 24, «90 يوماً» by 30, «6 أشهر» by 3): «38 ساعة» beside «48 ساعة» is no
    span anyone announces. 1 when there is none."""
    if unit is None or v != int(v):
        return 1
    head = fold(unit)
    for prefix, steps in lists.pairs("generation/period_steps"):
        if head.startswith(fold(prefix)):
            return next((k for k in map(int, steps.split()) if int(v) % k == 0 and int(v) > k), 1)
    return 1


BASIS_POINTS_STEP = 25


def in_basis_points(text: str, f: Fact) -> bool:
    """True for a figure counting basis points («150 نقطة أساس»)."""
    return fold(f"{f.text} {text[f.end:f.end + 12]}").split()[1:3] == ["نقطه", "اساس"]


def _noun_before(text: str, start: int) -> str | None:
    """The noun a figure counts when written before it («خلال الساعات الـ48 المقبلة» -> «ساعات»)."""
    words = fold(text[max(0, start - 25):start]).replace("الـ", " ").split()
    return words[-1].removeprefix("ال") if words else None


def spaced_numbers(v: float, *, decimals: int, percent: bool, year_like: bool = True, period: int = 1) -> list[float]:
    """Values around ``v`` a reader can tell apart from it: round steps of about a tenth of ``v``, at the
    same roundness («1500» moves in hundreds, «40.27» keeps its hundredths), nearest first. A number that
    reads as a year («1448», «2024») moves by years, unless it counts something (``year_like`` False:
    «١٬٣٢٠ هكتاراً»); a span of time moves by whole ``period`` («48 ساعة» by 24)."""
    whole = decimals == 0 or abs(v - round(v)) < 1e-9
    step = nice_step(abs(v) * 0.12)
    if percent and v > NEAR_WHOLE_PERCENT:
        # «99.7% من الأملاح»: a share near the whole moves within the room left below 100, not by tens
        step = min(step, nice_step((100 - v + 2) / 2))
    if whole and not percent and year_like and 1300 <= v <= 2100:
        step = 1.0
    if whole:
        step = max(1.0, float(round(step)))
        unit = _roundness(v)
        if unit > 1:
            step = max(float(unit), round(step / unit) * unit)
        if period > 1:
            step = max(float(period), round(step / period) * period)
    else:
        step = max(step, 10.0 ** -decimals)
    out = []
    for k in (1, -1, 2, -2, 3, -3, 4, 5, -4, -5):
        c = round(v + k * step, decimals)
        if c > 0 and not (percent and c >= 100):
            out.append(c)
    return out


def number_options(ctx: Context, f: Fact, view: NumberView, stem: str, rng: random.Random,
                   n: int = 3) -> list[str]:
    """Up to ``n`` wrong values for a number fact: other values of the article in the same unit when
    they are comparable, then spaced values; none shown in the stem."""
    if view.spelled:
        return []  # options in digits beside an answer in words would give it away
    others = [float(g.value) for g in ctx.facts
              if g.type == f.type and isinstance(g.value, (int, float)) and not isinstance(g.value, bool)
              and (g.unit or None) == (f.unit or None) and float(g.value) != view.value]
    near = [o for o in dict.fromkeys(others)
            if o > 0 and 0.8 <= o / view.value <= 1.25 and abs(o - view.value) >= 0.05 * view.value
            and not (view.percent and o >= 100) and not view.scale]
    lo, hi = stem_bounds(ctx, f, view, stem)
    range_lo, range_hi = range_ends(stem)
    lo, hi = max(lo, range_lo), min(hi, range_hi, period_cap(stem) + 1, score_cap(stem, view.value),
                                    share_cap(stem, view.value))
    bound = bound_before(stem.split(BLANK, 1)[0]) if BLANK in stem else None
    if bound == "floor":
        lo = max(lo, view.value)  # «أكثر من _____»: a smaller option would be true too
    elif bound == "ceiling":
        hi = min(hi, view.value)  # «لن تتجاوز _____»: a larger option would be true too
    period = period_step(f.unit or _noun_before(ctx.text, f.start), view.value)
    if in_basis_points(ctx.text, f) and view.value == int(view.value) and int(view.value) % BASIS_POINTS_STEP == 0:
        period = BASIS_POINTS_STEP  # «بمقدار 25 نقطة أساس»: central banks move in quarters of a point
    spaced = spaced_numbers(view.value, decimals=view.decimals, percent=view.percent,
                            year_like=not view.thousands and not view.unit_kept and not f.unit, period=period)
    near = [o for o in near if lo < o < hi]
    if bound is not None:
        spaced = _one_side(view, bound == "floor")  # all the options on one side need finer steps
    spaced = [c for c in _between(view, lo, hi) + spaced if lo < c < hi]
    if view.percent and view.value < NEAR_WHOLE_PERCENT and bound != "floor":
        # «قرابة 79%» offered beside «99%»: a share near the whole stands out (a cap on the options, not a
        # figure of the stem to split the difference with)
        spaced = [c for c in spaced if c <= (view.value + 100) / 2 + 1]
    fitting: list[tuple[float, str]] = []
    banned = {view.answer}
    forced = 0  # another value of the article in the same unit is always offered: it was read
    for i, c in enumerate(near[:1] + spaced):
        if view.scale and (c >= 1000 > view.value or c < 1):
            continue  # «1025 مليون», «0.9 مليار»: written with the next scale word up or down
        if view.scale and view.decimals and c == int(c):
            continue  # «3.0 مليون» beside «2.5 مليون»: a whole figure is written «3 ملايين»
        if view.unit_kept and not view.decimals and not counted_alike(int(c), int(view.value), bool(view.scale)):
            continue  # «ثلاثة أعوام» / «11 عامًا»: the noun left in the stem must still agree
        if (_scale_in_accusative(view.scale) or _scale_in_plural(view.scale)) and not view.decimals and \
                _noun_class(int(c)) != _noun_class(int(view.value)):
            continue  # «360 ألفاً» beside «310 ألفاً»: ten takes «آلاف»; «3 تريليونات» beside «2 تريليونات»
        s = view.render(c)
        if s in banned or shows_in(s, stem):
            continue
        banned.add(s)
        fitting.append((c, s))
        forced += i < len(near[:1])
    rest = fitting[forced:]
    close = [x for x in rest if abs(x[0] - view.value) <= FARTHEST_OPTION_SHARE * view.value]
    if len(close) >= n - forced:
        rest = close  # «٣٨٫٣٪» beside a pass rate of «٧٨٫٣٪» compared with «٨١٫٦٪»: ruled out at a glance
    return [s for _, s in fitting[:forced]] + _around(rest, view.value, rng, n - forced, view.answer)


FARTHEST_OPTION_SHARE = 0.35  # a wrong figure stays this close to the answer (a share of it) when enough do


def bound_before(text: str) -> str | None:
    """"floor" when ``text`` ends on words making the figure after it a floor («أكثر من»، «بأكثر من»،
    «تتجاوز حالياً»), or its clause opens on such a verb («يتجاوز عدد الاشتراكات في موريتانيا»); "ceiling"
    when they make it a ceiling («أقل من»، «لن تتجاوز»); None otherwise."""
    words = [w.removeprefix("و") for w in fold(text[-60:]).split()]
    while words and words[-1].strip("،,") in lists.folded("generation/bound_adverbs"):
        words.pop()  # «تتجاوز حالياً _____»
    if words:
        words[-3:] = [w.removeprefix("ب") if w.removeprefix("ب") in ("اكثر", "اقل") else w for w in words[-3:]]
    before = " ".join(words[-3:])
    clause = re.split(r"[،,:؛]|\b(?:ان|بان|انه)\b", " ".join(words))[-1].split()
    for name in ("ceiling", "floor"):
        bounds = lists.folded(f"generation/{name}_words")
        if any(before == b or before.endswith(" " + b) for b in bounds):
            return name
        if len(clause) <= CLAUSE_OPENING_BOUND and any(
                " ".join(clause[:len(b.split())]) == b and re.search("تجاوز|فوق", b.split()[-1])
                for b in bounds):
            return name  # «يتجاوز عدد اشتراكات الهاتف المحمول في موريتانيا _____»
    return None


CLAUSE_OPENING_BOUND = 8  # words a verb of bound opening the clause may stand before the figure


def stem_bounds(ctx: Context, f: Fact, view: NumberView, stem: str) -> tuple[float, float]:
    """The nearest figures of ``f``'s unit the stem shows below and above the answer, in the answer's
    terms: a wrong option past one of them contradicts the stem («ارتفع إلى 12.6% مقابل _____» rules out
    13.8%; a fourth place cannot have more points than the third the stem names)."""
    lo, hi = 0.0, math.inf
    if not isinstance(f.value, (int, float)) or isinstance(f.value, bool) or not f.value:
        return lo, hi
    ratio = view.value / float(f.value)
    for g in ctx.facts:
        if g is f or g.sentence != f.sentence or not shows_in(g.text, stem):
            continue
        if _a_count_read_as_a_year(ctx, g, f):
            v = float(str(g.value)) * ratio  # «من 1870 حكما ... إلى 2340 حكما»
        elif (g.type != f.type and not _from_to(ctx.text, f, g)) or g.unit and f.unit and g.unit != f.unit \
                or not isinstance(g.value, (int, float)) or isinstance(g.value, bool):
            continue
        else:
            v = float(g.value) * ratio
        if not 0.2 <= v / view.value <= 5:
            continue  # a figure of another size is no yardstick for this one
        if v < view.value:
            lo = max(lo, v)
        elif v > view.value:
            hi = min(hi, v)
    whole = re.search(r"من\s+أصل\s+([\d٠-٩][\d٠-٩,٬]*)", stem.split(BLANK, 1)[1]) if BLANK in stem else None
    if whole and number_values(whole.group(1)):
        hi = min(hi, number_values(whole.group(1))[0] * ratio + 1)  # «بأغلبية _____ صوتا من أصل 131 عضوا»: not 132
    return lo, hi


def _from_to(text: str, f: Fact, g: Fact) -> bool:
    """True when ``f`` and ``g`` are the two ends of one change («من 3.5 إلى 3.9 في المئة»): the first end
    written without its «في المئة» is a number read in the second's terms."""
    first, second = (f, g) if f.end <= g.start else (g, f)
    return {f.type, g.type} == {"number", "percentage"} and \
        re.fullmatch(r"\s*(?:إلى|الى)\s*", text[first.end:second.start]) is not None and \
        re.search(r"من\s*$", text[max(0, first.start - 6):first.start]) is not None


_RANGE_START = re.compile(r"^\s*و\s*([\d٠-٩]+(?:[.,٫][\d٠-٩]+)?)")
_RANGE_END = re.compile(r"(?:^|\s)بين\s+([\d٠-٩]+(?:[.,٫][\d٠-٩]+)?)\s*و\s*$")


def range_ends(stem: str) -> tuple[float, float]:
    """The other end of a range the blank opens or closes: «بين _____ و21 آب» (the start is below 21), «بين
    14 و_____» (the end is above 14); (0, infinity) otherwise."""
    if BLANK not in stem:
        return 0.0, math.inf
    before, after = stem.split(BLANK, 1)
    if re.search(r"(?:^|\s)بين\s*$", before) and (m := _RANGE_START.match(after)) and number_values(m.group(1)):
        return 0.0, number_values(m.group(1))[0]
    if (m := _RANGE_END.search(before)) and number_values(m.group(1)):
        return number_values(m.group(1))[0], math.inf
    return 0.0, math.inf


def _a_count_read_as_a_year(ctx: Context, g: Fact, f: Fact) -> bool:
    """True for a bare four-digit «date» followed by the noun ``f`` counts («1870 حكما» beside «2340 حكما»)."""
    if g.type != "date" or not f.unit or not str(g.value).isdigit() or g.text.strip() != str(g.value):
        return False
    after = fold(ctx.text[g.end:g.end + 20]).split()
    return bool(after) and after[0].startswith(fold(f.unit)[:3])


_PERIODS = (
    (re.compile(r"^\s*(?:ايام|يوما|يوم)\s+(?:في|من)\s+(?:الاسبوع|كل اسبوع)|^\s*(?:ايام|يوما|يوم)\s+اسبوعيا"), 7),
    (re.compile(r"^\s*(?:ساعات|ساعه)\s+(?:في|من)\s+(?:اليوم|كل يوم)|^\s*(?:ساعات|ساعه)\s+يوميا"), 24),
    (re.compile(r"^\s*(?:اشهر|شهرا|شهر)\s+(?:في|من)\s+(?:السنه|العام)"), 12),
)


def period_cap(stem: str) -> float:
    """The most a blank can hold when the stem counts units of a period after it («_____ أيام في
    الأسبوع»: at most 7) or names the day of a month («حتى _____ منه»، «_____ مارس»: at most 31);
    infinity otherwise."""
    after = fold(stem.split(BLANK, 1)[1]) if BLANK in stem else ""
    if _day_of_month(after):
        return 31.0
    return next((float(cap) for pattern, cap in _PERIODS if pattern.search(after)), math.inf)


_A_SHARE_FOLLOWS = re.compile(r"^\s*و\s*[\d٠-٩][\d٠-٩.,٫]*\s*(?:%|٪|في المئة|في المائة|بالمئة|بالمائة)")


def share_cap(stem: str, value: float) -> float:
    """Just above 100 for a figure the next one's «في المئة» makes a share too («مقارنة بـ_____ و82.1 في
    المئة على التوالي»: not «103.8»); infinity otherwise."""
    after = stem.split(BLANK, 1)[1] if BLANK in stem else ""
    return 100.001 if value <= 100 and _A_SHARE_FOLLOWS.match(after) else math.inf


AVERAGE_REACH = 5  # words before a blank that may stand between «معدل» and it («أعلى معدل على المستوى الوطني بـ»)


def score_cap(stem: str, value: float) -> float:
    """Just above the top mark for a school average: 20 for one out of 20 («أعلى معدل ... بـ_____» = 19.52:
    not «24.52»), 100 for one out of 100 («بمعدل _____»: not «109.9»); infinity otherwise."""
    before = fold(stem.split(BLANK, 1)[0]).split()[-AVERAGE_REACH:] if BLANK in stem else []
    if not any(w in ("بمعدل", "معدل", "المعدل") for w in before):
        return math.inf
    return 20.001 if value <= 20 else 100.001 if value <= 100 else math.inf


def _day_of_month(after: str) -> bool:
    """True when what follows a blank makes it a day of the month: «منه» or a month's name."""
    words = after.strip(" ،,.").split()
    if not words:
        return False
    first = words[0].strip("،,.")
    return first in ("منه", "من الشهر") or first in MONTHS or f"{first} {words[1] if len(words) > 1 else ''}" in MONTHS


# Scale words, singular and as 3 to 10 count them («5 تريليونات», not «5 تريليون»).
_PLURAL_SCALES = {"ألف": "آلاف", "مليون": "ملايين", "مليار": "مليارات", "تريليون": "تريليونات"}


def agreeing_scale(unit: str, v: float) -> str:
    """``unit`` (« تريليون دينار») with its scale word as ``v`` counts it: plural after 3 to 10, singular
    otherwise; a count past a hundred ending in 3 to 10 keeps the form it is given, as writers use both
    («310 ملايين»، «410 ألف»)."""
    words = unit.split()
    if not words:
        return unit
    head = fold(words[0])
    for singular, plural in _PLURAL_SCALES.items():
        if head in (fold(singular), fold(singular) + "ا", fold(plural)):
            if v == int(v) and v >= 100 and 3 <= int(v) % 100 <= 10 and head in (fold(singular), fold(plural)):
                return unit  # «310 ملايين» or «310 مليون»: as the article writes its own figure
            if head == fold(singular) + "ا" and v == int(v) and 11 <= int(v) % 100 <= 99:
                return unit  # «24 مليوناً» beside «19 مليوناً»: the accusative the article writes after 11 to 99
            words[0] = plural if v == int(v) and 3 <= v <= 10 else singular
            return " " + " ".join(words)
    return unit


def singular_unit(unit: str) -> str:
    """``unit`` (« دنانير», « ملايين دولار») with its first word in the singular a fraction counts («1.1
    دينار»): a scale word's singular from the scale words options know, a noun's from ``plural_nouns``."""
    words = unit.split()
    if words:
        words[0] = singular_scale(words[0]) or _singular_nouns().get(fold(words[0]), words[0])
    return (" " + " ".join(words)) if words else unit


@lru_cache(maxsize=1)
def _singular_nouns() -> dict[str, str]:
    return {fold(plural): singular for plural, singular in lists.pairs("generation/plural_nouns")}


def singular_scale(scale: str) -> str | None:
    """The singular of a plural scale word («ملايين» -> «مليون»), or None for any other word."""
    return next((singular for singular, plural in _PLURAL_SCALES.items() if fold(plural) == fold(scale)), None)


def _scale_in_plural(scale: str) -> bool:
    """«آلاف»، «ملايين»، «مليارات»: a scale word counted by 3 to 10, which other counts would not take."""
    return fold(scale) in ("الاف", "ملايين", "مليارات", "تريليونات")


def _scale_in_accusative(scale: str) -> bool:
    """«ألفاً»، «مليوناً»: a scale word counted by 11 to 99, which other counts would not take."""
    return fold(scale) in ("الفا", "مليونا", "مليارا")


def _between(view: NumberView, lo: float, hi: float) -> list[float]:
    """Values between the answer and a figure the stem shows right beside it: with the options squeezed
    to one side of that figure, the answer would otherwise stand nearest it and give itself away."""
    out = []
    for bound in (lo, hi):
        if bound in (0.0, math.inf):
            continue
        mid = round((view.value + bound) / 2, view.decimals)
        if mid not in (view.value, round(bound, view.decimals)):
            out.append(mid)
    return out


def counted_alike(a: int, b: int, scaled: bool) -> bool:
    """True when a noun counted by ``a`` is written as one counted by ``b``. After a scale word the
    scale word agrees, and «مليون» reads the same after 120 and after 100."""
    ca, cb = _noun_class(a), _noun_class(b)
    return ca == cb or scaled and {ca, cb} == {"many", "round"}


def _around(fitting: list[tuple[float, str]], value: float, rng: random.Random, n: int, answer: str = "") -> list[str]:
    """``n`` of the nearest fitting values (a few more than ``n`` to choose from, so the options vary
    with the seed), with values on both sides of the answer when there are: an answer that is always
    the smallest or the largest option gives itself away."""
    head = fitting[:n + 2]
    below = [x for x in head if x[0] < value]
    above = [x for x in head if x[0] > value]
    if not below or not above:
        # all on one side («أكثر من _____»): the nearest, evenly spaced, so no gap sets the answer apart
        # («380 ألف» beside «430 / 455 / 480 ألف»)
        nearest = sorted(fitting, key=lambda x: abs(x[0] - value))[:n]
        return [s for _, s in sorted(nearest, key=lambda x: fitting.index(x))]
    chosen = [rng.choice(side[:2]) for side in (below, above) if side]
    rest = [x for x in head if x not in chosen]
    rng.shuffle(rest)
    out = (chosen + rest)[:n]
    ending = _last_digit(out[0][1]) if out else ""
    if len(out) == n > 1 and _last_digit(answer) != ending and all(_last_digit(s) == ending for _, s in out):
        # «5,7 / 6,7 / 7,7» beside «6,2»: the one figure ending otherwise would stand out
        other = next((x for x in fitting if x not in out and _last_digit(x[1]) != ending), None)
        if other is not None:
            out[-1] = other
    return [s for _, s in sorted(out, key=lambda x: fitting.index(x))]


def _last_digit(s: str) -> str:
    digits = re.findall(r"[\d٠-٩]", s)
    return digits[-1] if digits else ""


def counted(f: Fact, view: NumberView, text: str = "") -> str:
    """What a figure counts, as the article ``text`` writes it after the number: « مليار دينار», « متفرج»,
    « مليار متر مكعب» (a unit's second word after the fact kept too)."""
    words = [w for w in f.text[view.blank_end - f.start:].split()[:2] if not any(ch.isdigit() for ch in w)]
    following = text[f.end:].split()[:1]
    if words and following and fold(following[0].strip("،,.؛")) in lists.folded("generation/unit_second_words"):
        words.append(following[0].strip("،,.؛"))
    joined = " ".join(words)
    if view.scale:
        return f" {view.scale}" + (f" {joined}" if joined else "")
    return f" {joined}" if joined else ""
