"""People, places and organizations in Arabic news text.

The CRF tagger (``questions.ner``) proposes name spans; rules for news then fix and extend them:
«quoted» names, titles and roles before a name (kept out of the span), organization head words with
their genitive/adjective phrase, CLDR country names, news agencies and platforms, and every later
occurrence of a name found once. Short mentions link to the full name ("ترامب" -> "دونالد ترامب").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import cast

from questions import ner
from questions.dates import HIJRI_MONTHS, MONTHS
from questions.model import Fact
from questions.normalize import fold, strip_diacritics

# Latin capitals in Arabic news are mostly organizations: CNN, BBC, IBM, FIFA.
_ACRONYM = re.compile(r"[A-Z]{2,6}")
_TOKEN = re.compile(r"[\w\u064b-\u065f\u0670\u0640]+|[^\w\s]")
_TYPE = {"PERS": "person", "LOC": "place", "ORG": "organization"}
_GAZ_TYPE = {"CTRY": "LOC", "REG": "LOC", "CITY": "LOC", "LOC": "LOC", "ORG": "ORG", "MEDIA": "ORG",
             "PERS": "PERS"}
_OPEN_QUOTES = {"«": "»", "“": "”", '"': '"'}
# Words that end a name or an organization phrase: prepositions, particles, pronouns, time words.
_STOP = frozenset(fold(w) for w in """في من على إلى عن مع أن إن أنه إنه قد لقد كان كانت الذي التي الذين
    اللذين اللتين هذا هذه ذلك تلك بين بعد قبل عند حتى لكن ثم أو أي كل هو هي هم لم لن لا ما ماذا منذ خلال
    حول ضد دون عبر نحو يوم اليوم أمس غدا عام العام سنة شهر الشهر الماضي المقبل أيضا وقال قال حيث كما وفق
    بحسب لدى إذ إذا وهو وهي وكان وقد""".split())
_NAME_LINKS = frozenset(fold(w) for w in "بن بنت ابن أبو أبي أبا آل عبد عبدال ولد دي دا فان فون لو لا دو ال".split())
_ORDINALS = frozenset(fold(w) for w in """الأول الأولى الثاني الثانية الثالث الثالثة الرابع الرابعة الخامس الخامسة
    السادس السادسة السابع السابعة الثامن الثامنة التاسع التاسعة العاشر العاشرة الأخير الأخيرة""".split())
# Words that introduce a person's name when it follows them directly.
_PERSON_CUES = frozenset(fold(w) for w in """المرشح مرشح منافسه منافسها نظيره نظيرته زميله زميلها الفائز المتهم
    الأسير الأسيرة الطفل الطفلة الشاب الشابة المواطن المواطنة الراحل الراحلة الفقيد الشهيد المرحوم الفنان""".split())
_STRICT_SITES = frozenset(fold(w) for w in "استاد ملعب قصر مطار جامع مسجد ميناء سجن مستشفى متحف معبر حلبة مصفاة"
                          .split())
# Adjectives (besides nisbas) that name a body after its definite head: الهيئة العامة, المحكمة العليا.
_ORG_ADJECTIVES = frozenset(fold(w) for w in """العام العامة الأعلى العليا الكبرى الكبير المستقل المستقلة
    الموحد الموحدة المتحد المتحدة الخاص الخاصة الدائم الدائمة المشترك المشتركة الحاكم الحاكمة الأول الأولى
    المؤقت المؤقتة المختص المختصة المنظمة القابضة المسلحة""".split())
# Nouns in construct right after a body's head that go on naming it: هيئة تنشيط السياحة.
_ORG_CONSTRUCTS = frozenset(fold(w) for w in """تنشيط تنمية تطوير تشجيع ترويج تسويق ضبط تنظيم دعم حماية
    رعاية مكافحة تشغيل إدارة وكلاء أصحاب رجال مصدري منتجي مستثمري""".split())
# Phrases built like a body's name that name a group of people or a function: أعضاء هيئة التدريس.
_NOT_BODIES = frozenset(" ".join(fold(w) for w in p.split()) for p in (
    "هيئة التدريس", "الهيئة التدريسية", "هيئة الدفاع", "هيئة المحلفين", "مجلس الإدارة", "مجلس إدارة",
    "هيئة التحكيم", "الجهاز الفني"))
def _not_a_body(words: Sequence[str]) -> bool:
    """Whether folded words start with a phrase that names a function, not a body (مجلس إدارة ...)."""
    return any(" ".join(words[:n]) in _NOT_BODIES for n in (2, 3) if n <= len(words))


# Streets, squares, quarters and camps: the definite word after them is their name, even an ordinary word.
_STREETS = frozenset(fold(w) for w in "شارع ساحة ميدان حي جادة مخيم ضاحية".split())
# One-word Hijri months, which are also men's names (رمضان, رجب, شعبان).
_HIJRI_NAMES = frozenset(m for m in HIJRI_MONTHS if " " not in m)
_MONTH_WORDS_BEFORE = frozenset(fold(w) for w in "شهر شهري هلال خلال طوال منذ حتى نهاية بداية منتصف".split())
# Nouns that, after ل and before a definite noun, go on naming a body (لكرة القدم, لشؤون اللاجئين);
# a purpose (لبحث الأزمة) does not.
_ORG_LIL_NOUNS = frozenset(("ل", fold(w)) for w in "كرة شؤون حقوق تنمية رعاية مكافحة حماية إغاثة تشغيل".split())
# A minister's portfolio (وزير الطاقة) is not an organization.
_MINISTER = frozenset(fold(w) for w in "وزير وزيرة الوزير الوزيرة".split())
# Prepositions a role goes on through when a body or place follows: السفير لدى الأمم المتحدة.
_ROLE_PREPS = frozenset(fold(w) for w in "في لدى".split())
_ON_BEHALF = frozenset(fold(w) for w in "باسم باسمه باسمها باسمهم".split())
# Second words of two-word role heads: ولي العهد, الأمين العام.
_ROLE_TAILS = frozenset(fold(w) for w in "العهد العام".split())
# Verbs that open news sentences about people ("وُلد القصيبي"), never part of the name.
_LEAD_VERBS = frozenset(fold(w) for w in """ولد وولد توفي وتوفي رحل ورحل فاز وفاز عاد وعاد التقى والتقى استقبل
    واستقبل زار وزار غادر وغادر وصل ووصل شارك وشارك""".split())
# «عن عمر ناهز 70 عاماً», «بعمر 90 عاماً»: عمر is the age, not the name Omar, before these or a number.
_AGE_WORD = fold("عمر")
_AGE_VERBS = frozenset(fold(w) for w in "ناهز يناهز ناهزت يقارب قارب يتجاوز تجاوز يزيد زاد يبلغ بلغ يقترب يربو".split())
# A place right after these names an event or a team, not a place (كأس آسيا).
_EVENT_HEADS = frozenset(fold(w) for w in "كأس بطولة دوري منتخب جائزة ألعاب دورة".split())
# ANERcorp tags the country of a national team as a place (منتخب [مصر]), so ner-eval keeps it.
_CORPUS_EVENT_HEADS = _EVENT_HEADS - {fold("منتخب")}


_CUE_WORDS = ner.ORG_HEADS | ner.SITE_HEADS | ner.REGION_HEADS | ner.ROLE_HEADS


@lru_cache(maxsize=1)
def _common() -> frozenset[str]:
    """Ordinary words for the rules: the tagger's frequent list and the wider list seen twice."""
    words: set[str] = set()
    for name in ("common.txt", "ordinary.txt"):
        path = ner.DATA / name
        if path.is_file():
            words.update(path.read_text(encoding="utf-8").split())
    return frozenset(words)


@dataclass
class _Span:
    """A name span over tokens [i, j) of the article, with its type and how it was found."""

    i: int
    j: int
    typ: str  # PERS | LOC | ORG
    kind: str | None = None
    cut: int | None = None  # proclitic letters to leave out of the first token, when a rule knows


def refine_tags(toks: Sequence[str], tags: Sequence[str]) -> list[str]:
    """Apply token-level rules to CRF tags of one sentence (used by ner-eval too)."""
    return list(_refine(tuple(toks), tuple(tags)))


@lru_cache(maxsize=50_000)
def _refine(toks: tuple[str, ...], tags: tuple[str, ...]) -> tuple[str, ...]:
    out = list(tags)
    words = [_fold_token(t) for t in toks]
    marks = ner.phrase_tags(words)
    n = len(toks)
    i = 0
    # Multi-word gazetteer phrases the CRF split or missed are taken whole, when the CRF saw a name there.
    while i < n:
        b = [m for m in marks[i] if m.startswith("m=B")]
        if b:
            cls = b[0][3:]
            j = i + 1
            while j < n and any(m == "m=I" + cls for m in marks[j]):
                j += 1
            key = " ".join(words[i:j])
            lex = ner.lexicon()
            if lex.kind.get(key) in ("country", "region"):
                cls = "CTRY"
            elif key in lex.media:
                cls = "MEDIA"
            typ = _GAZ_TYPE[cls]
            if any(out[k] != "O" for k in range(i, j)) or cls in ("CTRY", "REG", "CITY", "MEDIA"):
                inside_other = i > 0 and out[i - 1] != "O" and out[i].startswith("I-")
                if not inside_other:
                    out[i] = "B-" + typ
                    for k in range(i + 1, j):
                        out[k] = "I-" + typ
                    if j < n and out[j].startswith("I-") and out[j][2:] != typ:
                        out[j] = "B-" + out[j][2:]
            i = j
            continue
        i += 1
    return tuple(out)


@lru_cache(maxsize=200_000)
def _fold_token(t: str) -> str:
    return fold(t)


@lru_cache(maxsize=200_000)
def _split(w: str) -> tuple[str, str]:
    """Split proclitics off a folded word, but only where what follows is a word we know.

    A lone و/ف/ب/ل/ك may be the name's own first letter (فاروق, لوسيل, واشنطن), so of the possible
    splits the longest one leaving ال or a known word wins, else the word stays whole.
    """
    if w in _STOP:
        return "", w
    common = _common()
    lex = ner.lexicon().words
    p, s = ner.split_clitic(w)
    if p and (w in _CUE_WORDS or w in common):
        return "", w
    while p:
        known = s in common or s in lex or s in _CUE_WORDS
        if p.endswith("ك") and not (known and len(s) >= 4) and not (s.startswith("ال") and (
                s[2:] in common or s[2:] in lex)):
            pass  # after ك only a known word splits off: كايا, كالاس, كاليفورنيا are names' own letters
        elif (s.startswith("ال") and len(s) >= 4) or known:
            shorter = w[len(p) - 1:]
            if len(p) >= 2 and lex.get(shorter, set()) & {"CITY", "CTRY", "REG"}:
                return p[:-1], shorter  # «وبابل» is و + بابل (a province), not و + ب + ابل
            return p, s
        p = p[:-1]
        s = w[len(p):]
    return "", w


@lru_cache(maxsize=200_000)
def _gaz(w: str, s: str) -> frozenset[str]:
    """Gazetteer classes of a word, its stem, and its stem without ال."""
    lex = ner.lexicon().words
    e: set[str] = set()
    return frozenset(lex.get(w, e) | lex.get(s, e) | lex.get(s[2:] if s.startswith("ال") else "", e))


@lru_cache(maxsize=200_000)
def _could_start_name(w: str, pre: str, stem: str, definite: bool) -> bool:
    """Whether a word, by itself, may open a person's name."""
    common = _common()
    return not (not w[:1].isalnum() or w in common or stem in common or w in _STOP or pre or definite
                or stem in ner.ROLE_HEADS or stem in ner.TITLES or w in ner.ROLE_HEADS or stem in _CUE_WORDS
                or w[:1].isdigit() or len(w) < 2)


@lru_cache(maxsize=200_000)
def _token_info(tok: str) -> tuple[str, str, str, bool, bool, bool, frozenset[str], bool]:
    """Folded word, proclitics, stem, punctuation?, ordinary word?, may open a name?, gazetteer classes,
    definite (written ال, not a name like ألينا)?"""
    w = fold(tok)
    p, s = _split(w)
    common = _common()
    raw = strip_diacritics(tok)[len(p):]
    definite = (raw.startswith("ال") or (p.endswith("ل") and raw.startswith("ل"))) and len(s) >= 4
    return (w, p, s, not w[:1].isalnum(), w in common or s in common or w in _STOP,
            _could_start_name(w, p, s, definite),
            _gaz(w, s), definite)


class _Doc:
    """Tokens of one article with folded forms, stems, sentences and the current name spans."""

    def __init__(self, text: str, sentences: list[tuple[int, int]],
                 offsets: list[tuple[int, int]] | None = None) -> None:
        self.text = text
        self.offs = offsets if offsets is not None else [m.span() for m in _TOKEN.finditer(text)]
        self.toks = [text[a:b] for a, b in self.offs]
        self.n = len(self.toks)
        info: list[tuple[object, ...]] = list(zip(*map(_token_info, self.toks))) if self.n else [()] * 8
        self.words = cast("list[str]", list(info[0]))
        self.pre = cast("list[str]", list(info[1]))
        self.stems = cast("list[str]", list(info[2]))
        self._punct = cast("list[bool]", list(info[3]))
        self._common = cast("list[bool]", list(info[4]))
        self._starts = cast("list[bool]", list(info[5]))
        self._gaz = cast("list[frozenset[str]]", list(info[6]))
        self.definite = cast("list[bool]", list(info[7]))
        common = _common()
        # Sentence of each token: one bisect per sentence, not per token.
        starts = [a for a, _ in self.offs]
        self.sent: list[int] = []
        for si, (_, e) in enumerate(sentences):
            upto = bisect_left(starts, e)
            if si == len(sentences) - 1:
                upto = self.n
            self.sent.extend([si] * (upto - len(self.sent)))
        self.sent.extend([max(len(sentences) - 1, 0)] * (self.n - len(self.sent)))
        self.owner: list[int | None] = [None] * self.n
        self.spans: list[_Span | None] = []
        self.common = common

    # -- token predicates -------------------------------------------------
    def punct(self, i: int) -> bool:
        return self._punct[i]

    def is_common(self, i: int) -> bool:
        return self._common[i]

    def gaz(self, i: int) -> frozenset[str]:
        return self._gaz[i]

    def same_sentence(self, i: int, j: int) -> bool:
        return 0 <= i < self.n and 0 <= j < self.n and self.sent[i] == self.sent[j]

    # -- spans ---------------------------------------------------------------
    def add(self, i: int, j: int, typ: str, *, force: bool = False, kind: str | None = None,
            cut: int | None = None) -> bool:
        """Add span [i, j); with force, drop the spans it overlaps; else refuse on overlap."""
        if i >= j:
            return False
        hit = {self.owner[k] for k in range(i, j) if self.owner[k] is not None}
        if hit and not force:
            return False
        for h in hit:
            assert h is not None  # narrows the type for mypy; the loop above always sets it  # nosec B101
            old = self.spans[h]
            if old is not None:
                for k in range(old.i, old.j):
                    self.owner[k] = None
            self.spans[h] = None
        self.spans.append(_Span(i, j, typ, kind, cut))
        for k in range(i, j):
            self.owner[k] = len(self.spans) - 1
        return True

    def drop(self, idx: int) -> None:
        sp = self.spans[idx]
        if sp is not None:
            for k in range(sp.i, sp.j):
                self.owner[k] = None
            self.spans[idx] = None

    def live(self) -> list[_Span]:
        return sorted((s for s in self.spans if s is not None), key=lambda s: s.i)

    def span_at(self, i: int) -> _Span | None:
        o = self.owner[i] if 0 <= i < self.n else None
        return None if o is None else self.spans[o]


def _tag(doc: _Doc) -> None:
    bounds: list[tuple[int, int]] = []
    k = 0
    while k < doc.n:
        m = k
        while m < doc.n and doc.sent[m] == doc.sent[k]:
            m += 1
        bounds.append((k, m))
        k = m
    sents = [doc.toks[a:b] for a, b in bounds]
    for c in range(0, len(sents), ner.DOC_SIZE):
        chunk = sents[c:c + ner.DOC_SIZE]
        for (a, _), toks, raw in zip(bounds[c:c + ner.DOC_SIZE], chunk, ner.tag_document(chunk)):
            tags = refine_tags(toks, raw)
            for t, x, y in ner.spans_of_typed(tags):
                doc.add(a + x, a + y, t)


def _split_joined(doc: _Doc) -> None:
    """Split spans the tagger ran across two names.

    A listed place joined by و inside a place starts another place: «بيروت ولندن» is two (a listed
    name that holds و itself, البوسنة والهرسك, stays whole). A country's adjective inside a person's
    name ends one person and introduces the next: «ويخلف يوسف التشادي موسى فقي محمد». A definite body
    takes no name of its own after it: «في المفوضية سلوى الربيعي» is a body, then a person. One word
    that is a listed city or country and no known name is a place: «وفد كينشاسا»; a listed company
    is not a place: «من بوينغ».
    """
    lex = ner.lexicon()
    for sp in list(doc.spans):
        if sp is None:
            continue
        typ = sp.typ
        pieces: list[tuple[int, int, str]] = []
        key = " ".join([doc.stems[sp.i], *doc.words[sp.i + 1:sp.j]])
        if typ == "ORG" and _not_a_body(key.split()):
            owner = doc.owner[sp.i]
            if owner is not None:
                doc.drop(owner)
            continue
        if typ == "LOC" and key in lex.media and key not in lex.kind:
            pieces = [(sp.i, sp.j, "ORG")]  # «من بوينغ»: a listed company or body, not a place
        elif typ == "LOC" and sp.j - sp.i >= 2 and not doc.pre[sp.i] and doc.definite[sp.i] \
                and _country_nisba(doc.stems[sp.i]) and doc._starts[sp.i + 1]:
            pieces = [(sp.i + 1, sp.j, "PERS")]  # «باسم اليونيفيل الإيطالية فرانشيسكا موريتي»
        elif typ == "LOC" and not any(ner.phrase_tags(doc.words[sp.i:sp.j])[0]):
            cuts = [k for k in range(sp.i + 1, sp.j) if (doc.pre[k] == "و" and (
                doc.gaz(k) & {"CTRY", "REG", "CITY"} or not doc.is_common(k))) or _wa_unknown(doc, k)]
            if cuts:  # «بيروت ولندن», «الخيام وكفركلا»
                pieces = [(a, b, typ) for a, b in zip([sp.i] + cuts, cuts + [sp.j])]
        elif typ == "PERS" and sp.j - sp.i == 1:
            if doc.gaz(sp.i) & {"CITY", "CTRY"} and "PERS" not in doc.gaz(sp.i) \
                    and ner.lex_label(doc.stems[sp.i]) not in ("PERS", "MIX"):
                pieces = [(sp.i, sp.j, "LOC")]  # «وفد كينشاسا»: a listed city or country, not a person
            elif doc.stems[sp.i] in _HIJRI_NAMES and sp.i > 0 and doc.stems[sp.i - 1] in _MONTH_WORDS_BEFORE:
                owner = doc.owner[sp.i]
                if owner is not None:
                    doc.drop(owner)  # «هلال شهر رمضان»: the month, not a man named Ramadan
                continue
        elif typ == "PERS":
            mid = next((k for k in range(sp.i + 1, sp.j - 1)
                        if not doc.pre[k] and _country_nisba(doc.stems[k])), None)
            if mid is not None:
                pieces = [(sp.i, mid, typ), (mid + 1, sp.j, typ)]
        elif typ == "ORG" and sp.j - sp.i >= 2 and doc.definite[sp.i] and doc.stems[sp.i] in ner.ORG_HEADS \
                and not doc.pre[sp.i + 1] and not doc.definite[sp.i + 1] and doc._starts[sp.i + 1] \
                and (not doc.gaz(sp.i + 1) - {"PERS"} or "PERS" in doc.gaz(sp.i + 1)
                     or ner.lex_label(doc.stems[sp.i + 1]) == "PERS"):
            pieces = [(sp.i + 1, sp.j, "PERS")]  # the body, if named in full elsewhere, is linked later
        elif typ == "ORG":
            # «لمجمع سوناطراك كمال بوزيدي»: a known first name and a surname after the body's own name
            # (not right after its head: مؤسسة محمد بن راشد is named after him).
            first = next((k for k in range(sp.i + 1, sp.j - 1)
                          if ner.lex_label(doc.stems[k]) == "PERS" and "PERS" in doc.gaz(k) and not doc.pre[k]
                          and not doc.definite[k] and doc.stems[k - 1] not in ner.ORG_HEADS
                          and not _is_title(doc, k - 1) and doc.words[k - 1] not in _NAME_LINKS
                          and not any(doc.definite[m] or doc.pre[m] for m in range(k, sp.j))), None)
            if first is not None:
                pieces = [(sp.i, first, typ), (first, sp.j, "PERS")]
        if not pieces or pieces == [(sp.i, sp.j, typ)]:
            continue
        kind = sp.kind
        owner = doc.owner[sp.i]
        if owner is not None:
            doc.drop(owner)
        for a, b, t in pieces:
            doc.add(a, b, t, kind=kind if a == sp.i else None)


def _wa_unknown(doc: _Doc, k: int) -> bool:
    """و glued to a word nobody knows, with or without it (وكفركلا, ومارون): the conjunction."""
    w = doc.words[k]
    lex = ner.lexicon().words
    return not doc.pre[k] and w[:1] == "و" and doc.toks[k][:1] == "و" and len(w) >= 4 and w not in lex \
        and not doc.is_common(k) and ner.lex_label(w) == "UNK" and w[1:] not in _common()


@lru_cache(maxsize=20_000)
def _country_nisba(stem: str) -> bool:
    """Whether a folded definite word is a country's adjective: التشادي, الأمريكي, الفرنسية."""
    if not stem.startswith("ال") or len(stem) < 6:
        return False
    base = stem[2:-2] if stem.endswith("يه") else stem[2:-1] if stem.endswith("ي") else ""
    words = ner.lexicon().words
    return bool(base) and any("CTRY" in words.get(c, ()) for c in (base, "ال" + base, base + "ا", base + "يا",
                                                                  base + "ه", "ال" + base + "ه", "ال" + base + "يه"))


def _is_title(doc: _Doc, i: int) -> bool:
    return doc.stems[i] in ner.TITLES or doc.words[i] in ner.TITLES


def _is_roleish(doc: _Doc, i: int) -> bool:
    s = doc.stems[i]
    return s in ner.ROLE_HEADS or s in ner.TITLES or doc.words[i] in ner.ROLE_HEADS or (
        s in _ROLE_TAILS and i > 0 and doc.stems[i - 1] in ner.ROLE_HEADS) or _role_with_pronoun(s)


@lru_cache(maxsize=50_000)
def _role_with_pronoun(stem: str) -> bool:
    """A role with a possessive pronoun: منسقتها, مديرهم, سفيرته (ة written ت before it).

    A bare ه is left alone: folded, it is also the ة of a word like محافظة (a province).
    """
    for suffix in ("هما", "هم", "ها", "ته"):
        base = stem[:-len(suffix)]
        if stem.endswith(suffix) and len(base) >= 3:
            if suffix == "ته":
                base += "ه"
            elif base.endswith("ت"):
                base = base[:-1] + "ه"
            return base in ner.ROLE_HEADS and not base.startswith("ال")
    return False


def _clean(doc: _Doc, extend: bool = False, corpus_style: bool = False) -> None:
    """Trim titles and punctuation off spans; drop spans made of ordinary words."""
    events = _CORPUS_EVENT_HEADS if corpus_style else _EVENT_HEADS
    for idx, sp in enumerate(list(doc.spans)):
        if sp is None:
            continue
        i, j = sp.i, sp.j
        if sp.typ == "PERS" and doc.stems[i] == _AGE_WORD and i + 1 < doc.n \
                and (doc.words[i + 1] in _AGE_VERBS or doc.words[i + 1][:1].isdigit()):
            doc.drop(idx)  # عن عمر ناهز: an age, not a person
            continue
        while i < j and (doc.punct(i) or (sp.typ == "PERS" and (
                _is_roleish(doc, i) or doc.words[i] in _STOP
                or doc.words[i] in ner.REPORT_VERBS or doc.words[i] in _LEAD_VERBS
                or (doc.is_common(i) and ner.lex_label(doc.stems[i]) == "O" and doc.words[i] not in _NAME_LINKS)))):
            i += 1  # titles, roles, verbs and ordinary words do not open a name
        if sp.typ == "ORG":
            while j > i + 1 and _is_title(doc, j - 1):
                j -= 1  # …السعودي الأمير: a title after a body opens the next name
            if i > 0 and doc.stems[i - 1] in _MINISTER and doc.stems[i] not in ner.ORG_HEADS:
                j = i  # وزير الطاقة: the portfolio, not a body
        while sp.typ == "ORG" and j - i >= 2 and doc.is_common(i) and ner.lex_label(doc.stems[i]) == "O" \
                and doc.stems[i] not in ner.ORG_HEADS and not doc.definite[i] \
                and not any(ner.phrase_tags(doc.words[i:j])[0]):  # but برنامج الأغذية العالمي is listed whole
            i += 1  # فلول تنظيم داعش: ordinary nouns before the name
        if sp.typ == "PERS" and i > sp.i and _is_roleish(doc, i - 1):
            while j - i >= 2 and doc.definite[i] and doc.stems[i].endswith(("ي", "يه")):
                i += 1  # الرئيس الأمريكي دونالد ترامب: the nationality belongs to the role
            if j - i == 1 and doc.definite[i] and doc.stems[i].endswith(("ي", "يه")) and doc.gaz(i) <= {"PERS"} \
                    and ner.lex_label(doc.stems[i]) != "PERS":
                j = i  # ولي العهد السعودي: a role with its nationality, no name
        if sp.typ == "PERS":
            for k in range(j - 2, i - 1, -1):
                if _is_title(doc, k) and not (k > i and doc.words[k - 1] in _NAME_LINKS):
                    i = k + 1  # ولي العهد السعودي الأمير محمد: what precedes the title is a role
                    break
        if sp.typ == "PERS":
            for k in range(i + 1, j):
                if doc.pre[k] and doc.pre[k] != "و" and (doc.definite[k] or doc.is_common(k)):
                    j = k  # «مولاي عبد الله بالرباط», «فادي شمعون بإقرار»: a preposition ends a person's name
                    break
        if sp.typ == "PERS" and j == i + 1 and _verb_like(doc, i):
            j = i  # «يتعاون», «سيزور», «يعارضها»: a verb the tagger took for a name
        while j > i and (doc.punct(j - 1) or doc.words[j - 1] in _STOP):
            j -= 1
        for k in range(i, j):
            if doc.words[k][:1].isdigit():
                j = k
                break
        while sp.typ == "PERS" and j - i >= 3 and doc.is_common(j - 1) and not doc.definite[j - 1] \
                and doc.words[j - 1] not in _NAME_LINKS:
            j -= 1  # "... رومانوسكي ملف النازحين": the tagger ran into the next noun
        if sp.typ == "PERS" and j - i > 1 and doc.gaz(i) & {"CTRY", "REG"}:
            i += 1
        while sp.typ == "PERS" and j - i > 2 and doc.toks[j - 1].endswith(("اً", "ًا")):
            j -= 1  # «حل الأسترالي أوسكار بياستري ثالثاً»: the accusative after the name is not part of it
        if i < j and (doc.toks[j - 1].endswith(("اً", "ًا")) or (i > 0 and doc.words[i - 1][:1].isdigit())):
            j = i
        if sp.typ == "LOC" and j == i + 1 and i > 0 and doc.definite[i] and doc.definite[i - 1] \
                and doc.span_at(i - 1) is None and doc.stems[i].endswith(("يه", "ي")) and not doc.pre[i]:
            j = i  # الحدود السورية: an adjective after a definite noun, not the country
        if sp.typ == "LOC" and j == i + 1 and _adjective_not_place(doc, i):
            j = i
        if sp.typ == "PERS" and j - i >= 2 and j < doc.n and doc.span_at(j) is None and doc.definite[j] \
                and not doc.pre[j] and doc.stems[j].endswith("ي") and doc.words[j] not in _STOP \
                and doc.same_sentence(i, j) \
                and not _is_roleish(doc, j) and (j + 1 >= doc.n or doc.punct(j + 1) or doc.is_common(j + 1)):
            j += 1  # محمد شياع السوداني: a nisba surname the tagger left out
        while extend and sp.typ == "PERS" and j - i < 4 and j < doc.n and doc.owner[j] is None and doc._starts[j] \
                and doc.same_sentence(i, j) and ner.lex_label(doc.stems[j]) in ("UNK", "PERS") \
                and not strip_diacritics(doc.toks[j]).endswith(("ه", "ها", "هم")) \
                and doc.words[j][:1] not in "وف" and not doc.toks[j].endswith(("اً", "ًا")):
            j += 1  # برئاسة عزيز أخنوش: an unknown word right after a name continues it
        if i >= j:
            doc.drop(idx)
            continue
        if sp.typ == "PERS" and j - i >= 2 and not doc.pre[i] and not doc.definite[i] and doc.stems[i] in _PLACE_HEADS:
            doc.drop(idx)
            doc.add(i, j, "LOC")  # «وادي الرمال»: a place's head opens it, whatever came before
            continue
        if (i, j) != (sp.i, sp.j):
            typ, kind = sp.typ, sp.kind
            doc.drop(idx)
            doc.add(i, j, typ, kind=kind)
            sp = doc.span_at(i)
            assert sp is not None  # narrows the type for mypy; guarded just above  # nosec B101
        toks = range(sp.i, sp.j)
        known = any(ner.phrase_tags(doc.words[sp.i:sp.j])[0]) or (len(toks) == 1 and bool(doc.gaz(sp.i))) \
            or sp.kind in ("region", "site", "named") \
            or (sp.typ == "ORG" and doc.stems[sp.i] in ner.ORG_HEADS)
        event = sp.typ == "LOC" and sp.i > 0 and (doc.stems[sp.i - 1] in events or doc.words[sp.i - 1] in events)
        if event or (not known and sum(doc.is_common(k) for k in toks) * 2 > len(toks)):
            o = doc.owner[sp.i]
            if o is not None:
                doc.drop(o)


def _verb_like(doc: _Doc, i: int) -> bool:
    """One unknown word shaped like a verb or a noun with a pronoun: سيزور, يتعاون, يعارضها, مهامهم."""
    raw = strip_diacritics(doc.toks[i])
    if doc.pre[i] or "PERS" in doc.gaz(i) or ner.lex_label(doc.stems[i]) == "PERS" or len(raw) < 5:
        return False
    return raw.startswith(("سي", "ست", "سن", "يت", "تت")) or raw.endswith(("ها", "هم", "هما", "كم"))


def _role_before(doc: _Doc, i: int) -> int:
    """Start of the title/role chain that ends right before token i (i itself if none)."""
    k = i - 1
    while k >= 0 and doc.same_sentence(k, i) and doc.words[k] in ("«", "،", ",", '"', "“"):
        k -= 1
    start = i
    steps = 0
    while k >= 0 and doc.same_sentence(k, i) and steps < 8 and not doc.punct(k):
        sp = doc.span_at(k)
        if sp is not None and sp.typ == "PERS":
            break
        if _is_roleish(doc, k):
            start = k
        elif doc.words[k] in _ON_BEHALF:
            pass  # «الناطقة الرسمية باسمها ألفة العياري», «المتحدثة باسم اليونيفيل»
        elif doc.words[k] in _STOP and doc.words[k] not in ("العام", "عام"):
            if not (doc.words[k] in _ROLE_PREPS and (nxt_sp := doc.span_at(k + 1)) is not None
                    and nxt_sp.i == k + 1 and nxt_sp.typ in ("ORG", "LOC")):
                break  # but «مسؤولة السياسة الخارجية في الاتحاد الأوروبي كايا كالاس» goes on through في + a body
        elif not (doc.definite[k] or sp is not None or doc.words[k] in ("العام", "عام")):
            # An indefinite noun in construct with the next word: رئيس إقليم كردستان, وزير خارجية فرنسا.
            nxt = k + 1
            if nxt >= i or doc.is_common(k) and not (doc.definite[nxt] or doc.span_at(nxt) is not None) \
                    or not (doc.definite[nxt] or doc.span_at(nxt) is not None):
                break
        k -= 1
        steps += 1
    return start


def _quotes(doc: _Doc) -> None:
    """Names in «guillemets»: extend a partial tag to the whole quote; type untagged ones by context."""
    i = 0
    while i < doc.n:
        close = _OPEN_QUOTES.get(doc.toks[i])
        if close is None:
            i += 1
            continue
        j = i + 1
        while j < doc.n and j - i <= 6 and doc.toks[j] != close and doc.same_sentence(i, j):
            j += 1
        if j >= doc.n or doc.toks[j] != close or j - i - 1 > 4 or j == i + 1:
            i += 1
            continue
        a, b = i + 1, j
        if any(doc.punct(k) for k in range(a, b)):
            i = j + 1
            continue
        types = Counter(sp.typ for k in range(a, b) if (sp := doc.span_at(k)) is not None)
        marks = ner.phrase_tags(doc.words[a:b])
        typ = "ORG" if marks[0] and marks[0][0] == "m=BMEDIA" else _quote_context(doc, a, b)  # «أكوا باور»
        if typ is None and types:
            typ = types.most_common(1)[0][0]
        elif typ is None and marks[0] and marks[0][0].startswith("m=B"):
            typ = _GAZ_TYPE[marks[0][0][3:]]
        headed = a >= 2 and doc.stems[a - 2] in ner.ORG_HEADS and doc.same_sentence(a - 2, a)
        if typ is not None and (b - a > 3 or all(doc.is_common(k) for k in range(a, b))) and not types \
                and not headed:
            typ = None  # but شركة «الخبير المالية»: ordinary words named by their head are a name
        if typ is not None:
            kind = "site" if typ == "LOC" and not any(doc.gaz(k2) for k2 in range(a, b)) else \
                "named" if headed else None
            doc.add(a, b, typ, force=True, kind=kind)
        i = j + 1


def _quote_context(doc: _Doc, a: int, b: int) -> str | None:
    """The type the words before a quote give it: a title or role names a person; في or a site a place."""
    k = a - 2
    while k >= 0 and doc.toks[k] in ("،", ",", "«", "ـ"):
        k -= 1
    if any("MEDIA" in doc.gaz(x) for x in range(a, b)):
        return "ORG"
    if k < 0 or not doc.same_sentence(k, a):
        return None
    if doc.stems[k] in ner.ORG_HEADS or (doc.words[k] == "ل" and k == a - 2):
        return "ORG"  # صحيفة «الشرق الأوسط»; «قال لـ«عدن الغد»»: told to a paper
    if _role_before(doc, a) < a or doc.words[k] in ner.REPORT_VERBS or doc.stems[k] in _PERSON_CUES \
            or (doc.stems[k].endswith("ه") and doc.stems[k][:-1] in ner.ROLE_HEADS):
        return "PERS"
    if any(doc.gaz(x) & {"CTRY", "REG", "CITY", "LOC"} for x in range(a, b)):
        return "LOC"
    if doc.stems[k] in ner.SITE_HEADS or doc.stems[k].startswith("اقامت") or doc.words[k] == "في" and b - a == 1:
        return "LOC"
    return None


def _org_heads(doc: _Doc) -> None:
    """Organization head words with their genitive and adjective phrase (مجلس الأمن الدولي)."""
    for i in range(doc.n):
        s = doc.stems[i]
        if s not in ner.ORG_HEADS:
            continue
        sp = doc.span_at(i)
        if sp is not None and sp.typ == "PERS":
            continue
        if sp is not None and sp.typ == "LOC" and sp.i == i and any(ner.phrase_tags(doc.words[i:sp.j])[0]):
            continue  # قناة السويس: a listed place, though قناة also heads a television channel
        definite = s.startswith("ال")
        j = i + 1
        genitive_name = False
        after_lil = False
        while j < doc.n and j - i <= 5 and doc.same_sentence(i, j) and not doc.punct(j):
            w, st, pre = doc.words[j], doc.stems[j], doc.pre[j]
            other = doc.span_at(j)
            if j == i + 1 and not definite and not pre and (("ل", st) in _ORG_LIL_NOUNS or st in _ORG_CONSTRUCTS) \
                    and j + 1 < doc.n and doc.same_sentence(j, j + 1) and not doc.pre[j + 1] and doc.definite[j + 1]:
                j += 2  # هيئة شؤون الأسرى, هيئة تنشيط السياحة, جمعية وكلاء السياحة, سلطة ضبط المحروقات
                continue
            if j == i + 1 and not definite:
                # مركز بيو للأبحاث, مركز زايد للدراسات: a body named after someone, for something.
                if other is not None and other.typ == "PERS" and other.i == j:
                    name_end = other.j
                elif other is None and doc._starts[j] and ("PERS" in doc.gaz(j)
                                                           or ner.lex_label(doc.stems[j]) in ("PERS", "UNK")):
                    name_end = j + 1
                else:
                    name_end = j
                if j < name_end < doc.n and doc.same_sentence(j, name_end) and doc.pre[name_end] == "ل" \
                        and doc.stems[name_end].startswith("ال"):
                    j = name_end + 1
                    after_lil = True
                    continue
                place_end = None
                if j + 1 < doc.n and doc.same_sentence(j, j + 1) and not doc.pre[j + 1]:
                    place = doc.span_at(j + 1)
                    if place is not None and place.typ == "LOC" and place.i == j + 1:
                        place_end = place.j
                    elif place is None and doc.gaz(j + 1) & {"CTRY", "CITY", "REG"}:
                        place_end = j + 2
                    elif place is None and doc.stems[j + 1] in ner.REGION_HEADS and j + 2 < doc.n \
                            and doc.gaz(j + 2) & {"CTRY", "CITY", "REG"}:
                        place_end = j + 3  # مؤسسة موانئ خليج عدن
                if place_end is not None and other is None and not pre and not doc.definite[j] \
                        and not doc.punct(j) and w not in _STOP:
                    j = place_end  # شركة نقل تونس, شركة فسفاط قفصة: a trade and a place
                    genitive_name = True
                    continue
            if (w in _STOP and not (definite and j == i + 1 and st in _ORG_ADJECTIVES)) \
                    or (other is not None and other.typ == "PERS") or _is_roleish(doc, j):
                break  # «العام» is a year word, but «الاتحاد العام التونسي للشغل» goes on
            nisba = st.startswith("ال") and st.endswith(("ي", "يه", "يين")) and len(st) > 4
            if genitive_name or after_lil:
                if nisba and pre == "":
                    j += 1
                    continue
                if genitive_name and not after_lil and pre == "ل" and st.startswith("ال"):
                    after_lil = True  # شركة الدوحة للأوراق المالية, جهاز قطر للاستثمار
                    j += 1
                    continue
                break
            if j == i + 1 and not definite and other is not None and other.typ == "LOC" and other.i == j:
                genitive_name = True
                j = other.j
                continue
            if pre == "ل" and st.startswith("ال"):
                if definite and j == i + 1:
                    break  # «تقدمت الشركة للمطالبة»: a definite body is named by an adjective before ل
                after_lil = True
                j += 1
                for toks, _ in ner.lexicon().phrases.get(st, ()):
                    k = len(toks)
                    if j + k - 1 <= doc.n and all(doc.words[j + m - 1] == toks[m] for m in range(1, k)):
                        j += k - 1  # الجمعية العامة للأمم المتحدة: a listed name after ل is taken whole
                        break
                continue
            if ner.split_clitic(w) in _ORG_LIL_NOUNS and j + 1 < doc.n and doc.same_sentence(j, j + 1) \
                    and not doc.pre[j + 1] and doc.stems[j + 1].startswith("ال") and not doc.punct(j + 1):
                after_lil = True  # الاتحاد الدولي لكرة القدم, مفوضية الأمم المتحدة لشؤون اللاجئين
                j += 2
                continue
            if pre == "و" and st.startswith("ال") and j > i + 1:
                if st in ner.ORG_HEADS:
                    break  # «وزارة المياه والري والوكالة الفرنسية»: و + a body's head starts the next body
                j += 1
                continue
            if pre == "" and st.startswith("ال"):
                if (doc.is_common(j) and not nisba and j > i + 1 and st not in _ORG_ADJECTIVES) \
                        or st in _ORDINALS or (
                        definite and j == i + 1 and not nisba and st not in _ORG_ADJECTIVES and not doc.gaz(j)):
                    # After a definite head only an adjective goes on: «الهيئة العامة», but «تعلن
                    # الوزارة الحصيلة النهائية» is the ministry and its object.
                    break
                j += 1
                continue
            break
        if j - i < 2 or _not_a_body([s, *doc.words[i + 1:j]]) or (s == "جهاز" and j - i < 3):
            continue  # «جهاز المطياف» is a device; «جهاز الاستثمار العُماني» a body
        doc.add(i, j, "ORG", force=True)


def _clubs(doc: _Doc) -> None:
    """A club's head word before a listed city is the club: «مولودية وهران», «شباب قسنطينة»."""
    for k in range(doc.n - 1):
        if doc.stems[k] not in _CLUB_HEADS or doc.definite[k] or not doc.same_sentence(k, k + 1) \
                or doc.pre[k + 1] or not doc.gaz(k + 1) & {"CITY", "CTRY", "REG"}:
            continue
        own = doc.span_at(k)
        if own is not None and own.typ == "ORG" and own.i < k:
            continue
        end = k + 2
        if end < doc.n and doc.definite[end] and not doc.pre[end] and doc.stems[end].endswith(("ي", "يه")) \
                and doc.same_sentence(k, end):
            end += 1  # «شباب قسنطينة الجزائري»
        doc.add(k, end, "ORG", force=True)


_CLUB_HEADS = frozenset(fold(w) for w in "مولودية شبيبة وفاق شباب نهضة أولمبيك اتحاد نجم رجاء وداد".split())


def _companies(doc: _Doc) -> None:
    """A company's own tail word names it with the words before: «كورك تيليكوم», «السويدي إليكتريك»."""
    for k in range(1, doc.n):
        if doc.words[k] not in _COMPANY_TAILS or doc.pre[k] or not doc.same_sentence(k - 1, k):
            continue
        prev = doc.span_at(k - 1)
        if prev is not None and prev.typ == "ORG":
            if prev.j == k:
                doc.add(prev.i, k + 1, "ORG", force=True)
            continue
        if prev is not None:
            start = prev.i
        elif not doc.punct(k - 1) and doc.words[k - 1] not in _STOP and not doc.is_common(k - 1):
            start = k - 1
        else:
            continue
        doc.add(start, k + 1, "ORG", force=True)


# Words foreign companies' names end with, as Arabic news writes them.
_COMPANY_TAILS = frozenset(fold(w) for w in """تيليكوم تليكوم إليكتريك إلكتريك موتورز إنرجي إنرجيز كابيتال
    إيرويز إيرلاينز غروب جروب هولدينغ هولدنغ بتروليوم فارما تكنولوجيز""".split())


def _name_start_ok(doc: _Doc, p: int) -> bool:
    return doc._starts[p] and doc.owner[p] is None


def _name_end(doc: _Doc, p: int) -> int:
    """End of the name that starts at token p: up to 4 tokens of non-ordinary words."""
    q = p + 1
    while q < doc.n and q - p < 4 and doc.same_sentence(p, q) and not doc.punct(q):
        w = doc.words[q]
        if doc.span_at(q) is not None or w in _STOP or doc.pre[q] or _is_roleish(doc, q) \
                or any(ch.isdigit() for ch in w) or len(w) < 2:
            break  # «رلى القطب بـ14 مقعداً»: a number glued to a preposition ends the name
        if doc.is_common(q) and w not in _NAME_LINKS:
            break
        if doc.definite[q] and strip_diacritics(doc.toks[q]).endswith("ية") and ner.lex_label(doc.stems[q]) != "PERS":
            break  # نوفل الزرهوني الثلاثية: a definite feminine noun or adjective follows the name
        q += 1
    while q > p + 1 and doc.words[q - 1] in _NAME_LINKS:
        q -= 1
    return q


_PEOPLE_RULES = {"roles", "pairs", "verbs", "lists"}
# On ANERcorp these rules trade as much precision as they gain recall (its annotation differs), so
# ner-eval leaves them out; they stay on for articles.
_CORPUS_PEOPLE_RULES: set[str] = set()


def _people(doc: _Doc, rules: set[str] = _PEOPLE_RULES) -> None:
    """Names after a title or role (وزير الخارجية الأردني أيمن الصفدي), right after a reporting verb,
    in a list with another person (بوتين وميركل), and first name + surname pairs."""
    for p in range(1, doc.n):
        before = doc.span_at(p - 1)
        if "lists" in rules and doc.owner[p] is None and doc.toks[p][:1] == "و" and doc.pre[p] in ("", "و") \
                and before is not None and before.typ == "PERS" and len(doc.words[p]) >= 4 \
                and doc.same_sentence(p - 1, p) and _could_start_name(*_unwrap(doc.words[p][1:])):
            doc.add(p, p + 1, "PERS", cut=1)
            continue
        if not (_name_start_ok(doc, p) or (doc.owner[p] is None and "PERS" in doc.gaz(p) and not doc.pre[p]
                                           and not doc.definite[p] and not doc.punct(p))):
            continue
        k = p - 1
        if doc.toks[k] in ("،", ",") and k > 0:
            k -= 1
        if not doc.same_sentence(k, p):
            continue
        if "roles" in rules and (_role_before(doc, p) < p or doc.stems[k] in _PERSON_CUES):
            doc.add(p, _name_end(doc, p), "PERS")
            continue
        if "roles" in rules and k == p - 1 and not doc.pre[k] and doc.definite[k] and _country_nisba(doc.stems[k]) \
                and not (k > 0 and (doc.punct(k - 1) or doc.span_at(k - 1) is not None)) \
                and not (k > 0 and doc.definite[k - 1] and doc.same_sentence(k - 1, k)) \
                and ner.lex_label(doc.stems[p]) in ("UNK", "PERS", "MIX", "MISC") \
                and not strip_diacritics(doc.toks[p]).endswith(("ه", "ها", "هم", "هما", "كم")):
            doc.add(p, _name_end(doc, p), "PERS")  # حل الأسترالي أوسكار بياستري: a nationality used as a noun
            continue
        if "verbs" in rules and k == p - 1 and doc.words[k] in ner.REPORT_VERBS and doc.words[k] not in _NOT_SAID_BY \
                and ner.lex_label(doc.stems[p]) in ("UNK", "PERS", "MIX") \
                and not strip_diacritics(doc.toks[p]).endswith(("ه", "ها", "هم", "هما", "كم")):
            doc.add(p, _name_end(doc, p), "PERS")
            continue
        if "pairs" in rules and "PERS" in doc.gaz(p) and p + 1 < doc.n and doc.same_sentence(p, p + 1):
            q = _name_end(doc, p)
            if q > p + 1:
                doc.add(p, q, "PERS")


def _hyphenated(doc: _Doc) -> None:
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
        elif nxt is None and doc._starts[k + 1] and not doc.is_common(k + 1):
            end = _name_end(doc, k + 1)
        else:
            continue
        doc.add(sp.i, end, "PERS", force=True)


def _unwrap(w: str) -> tuple[str, str, str, bool]:
    p, s = _split(w)
    return w, p, s, False


# Reporting words that are not followed by their speaker.
_NOT_SAID_BY = frozenset(fold(w) for w in "بحسب وفق حسب حسبما".split())


def _sites(doc: _Doc) -> None:
    """A site head before a place name: استاد لوسيل, قصر قرطاج."""
    for i in range(doc.n - 1):
        if doc.pre[i] not in ("", "و", "ب", "ف") or doc.stems[i] not in ner.SITE_HEADS:
            continue
        sp = doc.span_at(i + 1)
        if sp is not None and sp.i == i + 1 and doc.span_at(i) is None and (
                sp.typ in ("LOC", "ORG") or (sp.typ == "PERS" and doc.stems[i] in _STREETS and doc.definite[i + 1])):
            # «مخيم الزعتري»: a camp or a street, even where the tagger read a family name
            if sp.typ == "ORG" and doc.stems[i] == "مقر":
                continue  # بمقر وزارة الشؤون الاجتماعية: the body is what the text names
            doc.add(i, sp.j, "LOC", force=True, kind="site")
        elif sp is None and doc.pre[i + 1] == "" and doc.stems[i] in _STREETS and doc.definite[i + 1] \
                and not doc.definite[i] and doc.span_at(i) is None and doc.words[i + 1] not in _STOP \
                and not doc.stems[i + 1].endswith(("ي", "يه")) and not _is_roleish(doc, i + 1) \
                and doc.same_sentence(i, i + 1):
            doc.add(i, i + 2, "LOC", kind="site")  # شارع الحمرا, حي الشاطئ, ساحة الأمويين: a street's name
        elif sp is None and doc.pre[i + 1] == "" and doc.stems[i] in _STRICT_SITES \
                and (not doc.is_common(i + 1) or doc.gaz(i + 1) & {"CITY", "CTRY", "REG"}) \
                and not doc.words[i + 1].endswith(("ته", "ها", "هم")) and not doc.punct(i + 1) \
                and not _is_roleish(doc, i + 1) and doc.span_at(i) is None and (
                    not doc.words[i + 1].startswith("ال") or (  # قصر اليمامة, not مستشفى الجامعة or القصر الرئاسي
                        ner.lex_label(doc.stems[i + 1]) != "O" and not doc.stems[i + 1].endswith(("ي", "يه")))):
            j = i + 2
            while j + 1 < doc.n and doc.words[j] in ("ابو", "ابي", "ام", "بن", "بني") and doc.same_sentence(i, j + 1) \
                    and not doc.punct(j + 1) and not doc.words[j + 1][:1].isdigit():
                j += 2  # معبر كرم أبو سالم: the name goes on through أبو/بن and the next word
            doc.add(i, j, "LOC", force=True, kind="site")


def _regions(doc: _Doc) -> None:
    """A region head before a place name is part of it: قطاع غزة, ولاية الجزيرة, إقليم كردستان."""
    for i in range(doc.n - 1):
        if doc.stems[i] not in ner.REGION_HEADS or doc.stems[i] == "منطقه" or doc.definite[i] \
                or doc.owner[i] is not None \
                or not doc.same_sentence(i, i + 1):
            continue
        sp = doc.span_at(i + 1)
        if sp is not None and sp.i == i + 1 and (sp.typ == "LOC" or (
                sp.typ == "ORG" and sp.j == i + 2 and doc.stems[i + 1] not in ner.ORG_HEADS)):
            # «قطاع صندوق التنمية الثقافية» is a sector of a body, not a region
            doc.add(i, sp.j, "LOC", force=True, kind="region")
        elif sp is None and not doc.pre[i + 1] and doc.gaz(i + 1) & {"CITY", "REG", "CTRY"}:
            doc.add(i, i + 2, "LOC", kind="region")  # محافظة المهرة: a listed place, even if also a word


def _named_after(doc: _Doc) -> None:
    """A site or body named after a person is that site or body: ملعب الأمير مولاي عبد الله, جامعة الملك سعود."""
    for i in range(doc.n - 2):
        head = doc.stems[i]
        site = head in ner.SITE_HEADS
        if not (site or head in ner.ORG_HEADS) or doc.definite[i] or doc.pre[i] not in ("", "و", "ب", "ف", "ل") \
                or doc.span_at(i) is not None:
            continue
        k = i + 1
        while k < doc.n and k - i <= 2 and _is_title(doc, k) and doc.span_at(k) is None:
            k += 1
        sp = doc.span_at(k) if doc.same_sentence(i, k) else None
        if sp is not None and sp.i == k and sp.typ == "PERS" and (k > i + 1 or sp.j - sp.i >= 2):
            doc.add(i, sp.j, "LOC" if site else "ORG", force=True, kind="site" if site else None)


# Nouns whose next word, in construct, names the place (مدينة حلب, قرية البروة).
_SETTLEMENTS = frozenset(fold(w) for w in "مدينة قرية بلدة عاصمة مخيم".split())
# Words that open a place's name: a name met once after one of them is a place (وادي الرمال, مخيم نور شمس).
_PLACE_HEADS = ner.REGION_HEADS | _STREETS | _SETTLEMENTS


def _settlements(doc: _Doc) -> None:
    """The name after مدينة, قرية, بلدة… is a place, even one no list or tagger knows."""
    for i in range(doc.n - 1):
        if doc.stems[i] not in _SETTLEMENTS or doc.definite[i] or doc.pre[i] not in ("", "و", "ب", "ف", "ل") \
                or not doc.same_sentence(i, i + 1) or doc.span_at(i + 1) is not None:
            continue
        k = i + 1
        w, st = doc.words[k], doc.stems[k]
        if doc.punct(k) or doc.pre[k] or w in _STOP or doc.is_common(k) or _is_roleish(doc, k) \
                or w[:1].isdigit() or len(st) < 3:
            continue
        if doc.gaz(k) & _PLACE_GAZ or (doc.definite[k] and not st.endswith(("ي", "يه"))) \
                or (not doc.definite[k] and not st.endswith(("ه", "ي"))):
            doc.add(k, k + 1, "LOC")  # not «مدينة كبيرة» or «قرية نائية»: an adjective ends in ة or ي


_DASHES = frozenset({"-", "–", "—"})


def _datelines(doc: _Doc) -> None:
    """An agency dateline opening a paragraph: «مسقط - «العمانية»:», «الرباط (رويترز) -».

    The one to three words before the dash or bracket name a place; the quoted, bracketed or (in
    Omani copy) slashed words after it name the agency or newspaper. A date may sit between the two:
    «طرابلس 16 ديسمبر 2025 (وال) -», «مسقط في 3 ديسمبر /العُمانية/ أعلن».
    """
    starts = [0] + [k for k in range(1, doc.n) if doc.sent[k] != doc.sent[k - 1]]
    for i in starts:
        k = i
        while k < doc.n and k - i < 3 and not doc.punct(k) and doc.same_sentence(i, k) \
                and not _dateline_date_word(doc, k):
            k += 1
        if k == i or k + 2 >= doc.n or not doc.same_sentence(i, k):
            continue
        place = doc.span_at(i)
        listed = (place is not None and place.typ == "LOC" and (place.i, place.j) == (i, k)) or (
            k == i + 1 and bool(doc.gaz(i) & _PLACE_GAZ))
        m = k
        while m < doc.n and m - k < 5 and _dateline_date_word(doc, m) and doc.same_sentence(i, m):
            m += 1  # the dateline's own date
        if m > k and not listed:
            continue
        sep = doc.toks[m] if m + 2 < doc.n else ""
        if sep in _DASHES and m == k and doc.toks[m + 1] in _OPEN_QUOTES:
            a, close = m + 2, _OPEN_QUOTES[doc.toks[m + 1]]
        elif sep in _DASHES and m == k and listed and not doc.punct(m + 1):
            a, close = m + 1, ":"  # «بغداد - واع:», «عدن - سبأ:»
        elif sep in ("(", "/"):
            a, close = m + 1, ")" if sep == "(" else "/"
        else:
            continue
        b = a
        while b < doc.n and b - a < 4 and doc.toks[b] != close and not doc.punct(b):
            b += 1
        if b == a or b >= doc.n or doc.toks[b] != close \
                or (close == "/" and any(doc.words[x][:1].isdigit() for x in range(a, b))) \
                or (close == ":" and (b - a > 2 or any(
                    doc.is_common(x) or doc.words[x] in ner.REPORT_VERBS for x in range(a, b)))):
            continue  # «القاهرة - قال مسؤول:» is no agency, «الحسين / 2 شباب الحسين / 0» a score
        after = doc.toks[b + 1] if b + 1 < doc.n else ""
        if close != ":" and after != ":" and after not in _DASHES \
                and not (close == "/" and after and not doc.punct(b + 1)):
            continue
        if not listed and any(doc.is_common(x) and not doc.gaz(x) & _PLACE_GAZ for x in range(i, k)):
            continue  # ordinary words before a dash are a heading, not a dateline (but «مكة المكرمة -» is one)
        doc.add(i, k, "LOC", force=True)
        # «الأيام», «المدى»: a paper's name, though a word; «(بنا)», «(ومع)»: an agency's letters, whole
        doc.add(a, b, "ORG", force=True, kind="named", cut=0)


def _dateline_date_word(doc: _Doc, k: int) -> bool:
    """A word of the date a dateline may carry: في, a number, a month."""
    w = doc.words[k]
    return w == "في" or w.isdigit() or w in MONTHS


def _countries(doc: _Doc) -> None:
    """Country, region and city names from CLDR and the news lists, even where the CRF saw none."""
    for i, g in enumerate(doc._gaz):
        if not g and not doc.toks[i][:1].isascii() or doc.owner[i] is not None:
            continue
        city = "CITY" in g and ner.lex_label(doc.stems[i]) not in ("PERS", "MIX")
        # A city that is also a word (مسقط رأسه) counts right after في, إلى, من... and not before رأس.
        cued = city and i > 0 and doc.words[i - 1] in ner.PLACE_PREPS and not (
            i + 1 < doc.n and doc.stems[i + 1].startswith("راس"))
        if not cued and g & {"REG", "CTRY", "CITY"} and i > 0 and doc.pre[i] == "و":
            # «بعلبك الهرمل والبقاع», «الناصرية والعمارة»: the next place in a list (a city only after
            # another listed city: «منطقة السيف وفيلا» is a villa)
            prev = doc.span_at(i - 1)
            cued = prev is not None and prev.typ == "LOC" and (
                bool(g & {"REG", "CTRY"}) or (prev.j - prev.i == 1 and "CITY" in doc.gaz(prev.i)))
        if (g & {"CTRY", "REG"} or city) and (doc.stems[i] not in _common() or cued) and i > 0 \
                and not _adjective_not_place(doc, i) \
                and doc.stems[i - 1] not in ("كاس", "بطوله", "دوري", "منتخب", "جايزه"):
            doc.add(i, i + 1, "LOC")
        elif "MEDIA" in g or _ACRONYM.fullmatch(doc.toks[i]):
            doc.add(i, i + 1, "ORG")


_PLACE_GAZ = frozenset({"CTRY", "REG", "CITY", "LOC"})


def _adjective_not_place(doc: _Doc, i: int) -> bool:
    """«غلاف مالي»: a place name whose feminine is an ordinary adjective (ماليه), right after an
    indefinite noun, is that adjective."""
    stem = doc.stems[i]
    return i > 0 and stem.endswith("ي") and stem + "ه" in _common() and not doc.pre[i] \
        and not doc.definite[i - 1] and not doc.punct(i - 1) and doc.words[i - 1] not in ner.PLACE_PREPS \
        and doc.words[i - 1] not in _STOP and doc.stems[i - 1] not in _CUE_WORDS and not _is_roleish(doc, i - 1) \
        and not doc.words[i - 1][:1].isdigit() and doc.same_sentence(i - 1, i)


def _acronyms(doc: _Doc) -> None:
    """A word in brackets right after an organization is its acronym: وكالة الأنباء السعودية (واس).

    A body's head word a few words before a bracketed acronym names the body up to the bracket, even
    where the words after the head are ordinary: «حركة مجتمع السلم (حمس)».
    """
    for k in range(2, doc.n - 2):
        if doc.toks[k] != "(" or doc.toks[k + 2] != ")" or doc.punct(k + 1) or doc.span_at(k - 1) is not None \
                or doc.gaz(k + 1) & _PLACE_GAZ or not doc.same_sentence(k - 1, k + 1):
            continue
        head = next((h for h in range(k - 1, max(-1, k - 5), -1)
                     if doc.stems[h] in ner.ORG_HEADS and not doc.definite[h]), None)
        if head is not None and k - head >= 2 and not any(
                doc.punct(m) or doc.span_at(m) is not None or doc.words[m][:1].isdigit() for m in range(head, k)):
            doc.add(head, k, "ORG", kind="named")
    for sp in doc.live():
        k = sp.j
        if sp.typ == "ORG" and k + 2 < doc.n and doc.toks[k] == "(" and doc.toks[k + 2] == ")" \
                and not doc.punct(k + 1):
            other = doc.span_at(k + 1)
            # A place in brackets is where the body is from (ريال مدريد (إسبانيا)), not its acronym.
            if (other is None or other.typ == "PERS") and not doc.gaz(k + 1) & _PLACE_GAZ:
                doc.add(k + 1, k + 2, "ORG", force=True)


def _propagate(doc: _Doc) -> None:
    """Tag every other occurrence of a found name, and lone surnames of people."""
    seqs: dict[tuple[str, ...], str] = {}
    for sp in doc.live():
        stems = tuple([doc.stems[sp.i], *doc.words[sp.i + 1:sp.j]])
        seqs.setdefault(stems, sp.typ)
        if sp.typ == "ORG" and sp.j - sp.i >= 2 and doc.stems[sp.i] in ner.ORG_HEADS and doc.definite[sp.i]:
            seqs.setdefault((doc.stems[sp.i],), "ORG")  # "المندوبية" later means the same body
        if sp.typ == "PERS" and sp.j - sp.i >= 2:
            last = doc.words[sp.j - 1]
            if last not in _common() and len(last) >= 3 and doc.words[sp.j - 2] not in _NAME_LINKS:
                seqs.setdefault((last,), "PERS")
    by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for seq, typ in seqs.items():
        by_first.setdefault(seq[0], []).append((seq, typ))
    for lst in by_first.values():
        lst.sort(key=lambda x: -len(x[0]))
    words, stem_of, owner = doc.words, doc.stems, doc.owner
    for i in range(doc.n):
        if owner[i] is not None or (words[i] not in by_first and stem_of[i] not in by_first):
            continue
        for first in (words[i], stem_of[i]):
            for seq, typ in by_first.get(first, ()):
                k = len(seq)
                if k == 1 and doc.is_common(i):
                    continue  # one ordinary word (أن, الاتحاد) is not a name just because it once was tagged
                if i + k <= doc.n and all(doc.words[i + m] == seq[m] for m in range(1, k)) \
                        and all(doc.span_at(i + m) is None for m in range(k)):
                    doc.add(i, i + k, typ)
                    break
            else:
                continue
            break


def _strip_start(doc: _Doc, i: int, known: set[str]) -> int:
    """How many leading proclitic characters of a name's first token to leave out of the span."""
    pre, stem, w = doc.pre[i], doc.stems[i], doc.words[i]
    if pre == "و" and stem == w[1:] and i > 0 and ner.lexicon().words.get(stem, set()) & _PLACE_GAZ:
        # «بالرياض وجدة والدمام»: a word that is a listed place whole (وجدة, Oujda) and after و
        # (جدة) reads as the next in a list of places.
        k = i - 1 if doc.toks[i - 1] not in ("،", ",") else i - 2
        prev = doc.span_at(k) if k >= 0 and doc.same_sentence(k, i) else None
        own = doc.span_at(i)
        if own is not None and own.typ == "LOC" and prev is not None and prev.typ == "LOC":
            return 1
    if i > 0 and _wa_unknown(doc, i):
        own, prev = doc.span_at(i), doc.span_at(i - 1)
        if own is not None and own.typ == "LOC" and prev is not None and prev.typ == "LOC":
            return 1  # «الخيام وكفركلا», «بنت جبيل ومارون الراس»: the next place in a list
    if not pre and w[:1] == "و" and doc.toks[i][:1] == "و":
        for phrase, _ in ner.lexicon().phrases.get(w[1:], ()):
            k = len(phrase)
            if i + k <= doc.n and all(doc.words[i + m] == phrase[m] for m in range(1, k)):
                return 1  # «وفلاي دبي»: و before a listed name of several words
    if not pre:
        # «وأشرف حكيمي»: و glued to a known first name that, whole, is also a word (أشرف) or unknown;
        # names that start with و themselves (وليد, وائل) are known whole and keep it, and so does a
        # name right after a title or role (المهاجم وسام أبو علي).
        names = ner.lexicon().words
        if not (len(w) > 3 and w[0] == "و" and doc.toks[i][:1] == "و" and ner.lex_label(w) != "PERS"
                and "PERS" not in names.get(w, ())):
            return 0
        prev, own = doc.span_at(i - 1) if i > 0 else None, doc.span_at(i)
        if prev is not None and prev.typ == "PERS" and own is not None and own.typ == "PERS":
            return 1  # بيل وميليندا غيتس: و between two people
        known_rest = ner.lex_label(w[1:]) == "PERS" or "PERS" in names.get(w[1:], ())
        return 1 if known_rest and _role_before(doc, i) == i else 0
    if stem.startswith("ال"):
        # "للانتخابات": ال lost its alef after ل, so the word stays whole
        if w.startswith(pre + "ل") and not w.startswith(pre + "ال"):
            return 0
        rest = stem[2:]
        lex = ner.lexicon().words
        if len(rest) < 2 or (pre.endswith("ك") and rest not in lex and stem not in lex and stem not in known
                             and stem not in _common() and rest not in _common()):
            return 0  # بالم بيتش, كالاس, كاليفورنيا: the letters belong to the name
        return len(pre)
    # A bare و/ب/ل/ف/ك may belong to the name itself (واشنطن, بروكسل, لندن): strip it only when the rest
    # is a known name and the whole word is not.
    lex = ner.lexicon().words
    heads = ner.ORG_HEADS | ner.SITE_HEADS | ner.REGION_HEADS
    if w in known or w in lex or w in _common() or w in heads:
        return 0
    if stem in known or stem in lex or stem in _common() or stem in heads or ("ال" + stem) in lex:
        return len(pre)
    return 0


def _kind(doc: _Doc, sp: _Span, key: str) -> str:
    if sp.kind:
        return sp.kind
    k = ner.lexicon().kind.get(key) or ner.lexicon().kind.get(key[2:] if key.startswith("ال") else "")
    if k:
        return k
    if doc.stems[sp.i] in ner.REGION_HEADS:
        return "region"
    if doc.stems[sp.i] in ner.SITE_HEADS:
        return "site"
    return "city"


def find_entities(text: str, sentences: list[tuple[int, int]]) -> list[Fact]:
    """Return person, place and organization facts with linked entity ids, roles, titles and kinds."""
    doc = _Doc(text, sentences)
    if doc.n == 0:
        return []
    _run(doc)
    return _to_facts(doc)


def _run(doc: _Doc, *, corpus_style: bool = False) -> None:
    _tag(doc)
    _split_joined(doc)
    _clean(doc, extend=not corpus_style, corpus_style=corpus_style)
    if not corpus_style:
        _quotes(doc)  # ANERcorp types quoted names by its own conventions (often MISC, or no name)
        _org_heads(doc)
        _companies(doc)
        _clubs(doc)
    if not corpus_style:
        _sites(doc)  # ANERcorp tags the name without its head word (باستاد [القاهرة])
        _named_after(doc)
    _countries(doc)
    if not corpus_style:
        _regions(doc)  # ANERcorp tags the name without its head word
        _settlements(doc)
    _datelines(doc)
    _people(doc, _CORPUS_PEOPLE_RULES if corpus_style else _PEOPLE_RULES)
    if not corpus_style:
        _hyphenated(doc)  # ANERcorp's tokens split at the hyphen
    _clean(doc, corpus_style=corpus_style)
    _acronyms(doc)
    _propagate(doc)


def _to_facts(doc: _Doc) -> list[Fact]:
    found = doc.live()
    known = {doc.words[s.i] for s in found if doc.pre[s.i] == ""}
    items: list[tuple[_Span, int, int, str]] = []
    for s in found:
        words = tuple(doc.words[s.i:s.j])
        listed = any(words[:len(p)] == p for p, _ in ner.lexicon().phrases.get(words[0], ()))
        cut = s.cut if s.cut is not None else 0 if listed else _strip_start(doc, s.i, known)
        a = doc.offs[s.i][0] + cut  # «وفاق سطيف» is listed as written: its و is its own
        b = doc.offs[s.j - 1][1]
        surf = doc.text[a:b]
        pre = doc.pre[s.i]
        if a == doc.offs[s.i][0] and pre.endswith("ل") and doc.stems[s.i].startswith("ال") \
                and doc.words[s.i].startswith(pre + "ل") and surf.startswith(pre):
            # «للسعودية» = ل + السعودية with the alif dropped: the name reads «السعودية», the span
            # starts at the ل that stands for ال (Fact.in_text).
            a += len(pre)
            surf = "ال" + doc.text[a + 1:b]
        items.append((s, a, b, surf))
    # One name keeps one type across the article: majority over identical surfaces.
    votes: dict[str, Counter[str]] = {}
    for s, _, _, surf in items:
        if s.kind != "named":
            votes.setdefault(_fold_token(surf), Counter())[s.typ] += 1
    typ_of = {k: c.most_common(1)[0][0] for k, c in votes.items()}
    # «مخيم نور شمس» then «ونور شمس»: a name the article gave with a town or region head is a place
    # where it appears alone too, whatever a first name inside it suggests.
    for s, _, b, _ in items:
        if s.typ == "LOC" and s.j - s.i >= 2 and doc.stems[s.i] in _PLACE_HEADS:
            tail = _fold_token(doc.text[doc.offs[s.i + 1][0]:b])
            if typ_of.get(tail) == "PERS":
                typ_of[tail] = "LOC"
    # Per type, every name in order of first mention, indexed by each of its tokens.
    # «الرياض - «الرياض»:»: a paper named in a dateline keeps its type beside the city of the same name.
    typed: list[tuple[_Span, int, int, str, str, str]] = []
    for s, a, b, surf in items:
        key = _fold_token(surf)
        typed.append((s, a, b, surf, key, s.typ if s.kind == "named" else typ_of[key]))
    by_token: dict[str, dict[str, list[str]]] = {}
    surface: dict[str, str] = {}
    indexed: set[tuple[str, str]] = set()
    for _, _, _, surf, key, typ in typed:
        surface.setdefault(key, surf)
        if (key, typ) in indexed:
            continue
        indexed.add((key, typ))
        index = by_token.setdefault(typ, {})
        for tok in set(key.split()):
            index.setdefault(tok, []).append(key)
    facts: list[Fact] = []
    canon_of: dict[tuple[str, str], str] = {}
    for s, a, b, surf, key, typ in typed:
        canon = canon_of.get((key, typ))
        if canon is None:
            canon = canon_of[(key, typ)] = _canonical(key, by_token[typ], typ)
        title = role = kind = None
        if typ == "PERS":
            r = _role_before(doc, s.i)
            if r < s.i:
                k = s.i - 1
                while k > r and doc.punct(k):
                    k -= 1
                chain = range(r, k + 1)
                t = [c for c in chain if _is_title(doc, c)]
                if t:
                    title = _surface_no_clitic(doc, t[-1])
                while k > r and _is_title(doc, k):
                    k -= 1  # وزير الطاقة السعودي الأمير عبد العزيز: the title is not part of the role
                if not (len(chain) == 1 and t):
                    role = _surface_no_clitic(doc, r) + doc.text[doc.offs[r][1]:doc.offs[k][1]]
        elif typ == "LOC":
            kind = _kind(doc, s, key)
        facts.append(Fact(type=_TYPE[typ], text=surf, value=surface.get(canon, canon), start=a, end=b,
                          sentence=doc.sent[s.i], entity=f"{_TYPE[typ]}:{canon}", role=role, title=title,
                          kind=kind))
    return facts


def _surface_no_clitic(doc: _Doc, i: int) -> str:
    """Token i as written, without its proclitics («وللمرشح» -> «المرشح», «بالرئيس» -> «الرئيس»)."""
    a, b = doc.offs[i]
    raw = doc.text[a:b]
    pre = doc.pre[i]
    if not pre or not raw.startswith(pre):
        return raw  # diacritics or a spelling fold() changed: keep the token whole
    if pre.endswith("ل") and doc.stems[i].startswith("ال") and raw.startswith(pre + "ل"):
        return "ال" + raw[len(pre) + 1:]  # لل = ل + ال with the alif dropped
    return raw[len(pre):]


def _canonical(key: str, by_token: dict[str, list[str]], typ: str) -> str:
    """The longest name of the same type whose tokens contain this mention's (ending on its last token).

    Only names sharing the mention's last token can qualify, so the token index keeps this linear in
    the article; on a tie the name mentioned first wins.
    """
    parts = key.split()
    need = set(parts)
    best, size = key, len(parts)
    for n in by_token.get(parts[-1], ()):
        np = n.split()
        if len(np) > size and need <= set(np) and (typ != "PERS" or parts[-1] == np[-1]):
            best, size = n, len(np)
    return best


def tag_sentences(sents: Sequence[Sequence[str]], *, corpus_style: bool = True) -> list[list[str]]:
    """BIO tags for pre-tokenized sentences read as one document, through the rule pipeline.

    With ``corpus_style`` the rules whose conventions differ from ANERcorp's annotation (role-cued
    names, head-word organization phrases) are left out, so scores stay comparable.
    """
    parts: list[str] = []
    tok_spans: list[list[tuple[int, int]]] = []
    sent_spans: list[tuple[int, int]] = []
    pos = 0
    for toks in sents:
        start = pos
        spans = []
        for t in toks:
            spans.append((pos, pos + len(t)))
            parts.append(t)
            parts.append(" ")
            pos += len(t) + 1
        tok_spans.append(spans)
        parts[-1:] = ["\n"] if toks else []
        sent_spans.append((start, pos))
    text = "".join(parts)
    doc = _Doc(text, sent_spans, [sp for spans in tok_spans for sp in spans])
    if doc.n:
        _run(doc, corpus_style=corpus_style)
    label = [""] * len(text)
    for sp in doc.live():
        a, b = doc.offs[sp.i][0], doc.offs[sp.j - 1][1]
        for c in range(a, b):
            label[c] = sp.typ
        label[a] = "B" + sp.typ
    out: list[list[str]] = []
    for spans in tok_spans:
        tags: list[str] = []
        prev = ""
        for a, b in spans:
            labs = [label[c] for c in range(a, b) if label[c]]
            if not labs:
                tags.append("O")
                prev = ""
                continue
            typ = labs[0].lstrip("B")
            begin = labs[0].startswith("B") or prev != typ
            tags.append(("B-" if begin else "I-") + typ)
            prev = typ
        out.append(tags)
    return out
