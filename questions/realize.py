"""Arabic wh-questions built from a sentence with the answer taken out.

Conservative by design: each pattern fires only on a shape it turns into a grammatical question
(a verb-initial clause with an explicit subject, a known "بلغت نسبة ..." shape, and so on) and
returns None otherwise. Patterns work on whitespace words of one sentence, matching folded forms
and copying the original words (with their diacritics) into the question.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from questions.arabic import glued_conjunction
from questions.normalize import fold, strip_diacritics

_PUNCT = "«»()[]،,.؛;:!؟?\"'"

# Past-tense verbs common in news (masculine forms, folded); feminine forms add ت.
_VERBS = set(fold(v) for v in """
قال أكد أعلن أفاد أوضح أضاف كشف هنأ دعا طالب شارك افتتح استضاف وقع زار التقى استقبل بحث ناقش أجرى
عقد ألقى اعتبر رأى شدد حذر نفى أشار لفت تعهد تلقى فاز حصل سجل أحرز حضر نال توج أهدى تولى عين ولد رحل
توفي درس نشأ التحق صدر أصدر قرر توقع سعى بلغ وصل ارتفع انخفض تراجع زاد نما أدى انطلق جرى أقيم اختتم
انتهى ناهز نجح فشل تضمن ضم شمل أسفر حصد استمر بدأ دخل ترك خرج انضم انتقل وافق ودع صلى توجه غادر عاد أرسل أطلق نشر كتب أصيب قتل اعتقل أقر رفض قبل وعد أمر منح نقل
اتهم أدان رحب استنكر أيد عارض انتقد أنهى اختار انتخب فقد خسر هزم تغلب حقق أنجز أسس أنشأ افتتح دشن
أطلق وقع أبرم اتفق تسلم سلم ترأس قاد حكم خلف تقدم سبق تأهل تصدر احتل أحيا شيع نعى استقال أقال عزل
أجل ألغى أغلق فتح بث عرض قدم طرح أعد أكمل استكمل شهد عاش هاجر اعتزل وقف وجه استدعى طرد منع سمح
""".split())
_CONNECTORS = {fold(w) for w in ("و", "ف", "ثم", "قد", "لقد", "وقد", "فقد", "كما", "فيما", "بينما", "حيث",
                                 "وفيما", "وبينما", "وحيث", "وكما", "ثم", "وثم")}
_TEMPORAL = {fold(w) for w in ("اليوم", "الليلة", "الأسبوع", "الشهر", "العام", "الأحد", "الاثنين",
                               "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "أمس", "مساء", "صباح")}
_PREPS = {fold(w) for w in ("في", "من", "على", "إلى", "عن", "مع", "خلال", "بعد", "قبل", "منذ", "حتى",
                            "عبر", "نحو", "لدى", "ضد", "بين", "عند", "وسط", "أمام")}
_DATE_MARKERS = {fold(w) for w in ("يوم", "في", "منذ", "خلال", "مساء", "صباح", "ظهر", "ليلة", "عام",
                                   "العام", "سنة", "بحلول", "مطلع", "أواخر", "أوائل", "منتصف", "نهاية",
                                   "بداية", "الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس",
                                   "الجمعة", "السبت")}
_AFTER_COMMA_OK = {fold(w) for w in ("أن", "إن", "بأن", "في", "إنه", "أنه", "بأنه", "عن", "على", "خلال",
                                     "من", "إلى", "مؤكدا", "مشيرا", "قائلا", "مضيفا")}
_MASDAR_VERB = {"ارتفاع": "ارتفع", "انخفاض": "انخفض", "تراجع": "تراجع", "زياده": "زاد", "نمو": "نما"}
_VERB_MASDAR = {"ارتفع": "ارتفاع", "انخفض": "انخفاض", "تراجع": "تراجع", "زاد": "زيادة", "نما": "نمو"}
_MASDAR_SPELL = {"ارتفاع": "ارتفاع", "انخفاض": "انخفاض", "تراجع": "تراجع", "زياده": "زيادة", "نمو": "نمو"}
_APPROX = {fold(w) for w in ("نحو", "حوالي", "قرابة", "زهاء", "أكثر", "أقل", "ما يقارب")}
_BROKEN_PLURALS = {fold(w) for w in ("المقاعد", "الأصوات", "الدوائر", "الأسهم", "الولايات")}


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
    return list(_words(sentence))


@lru_cache(maxsize=4096)
def _words(sentence: str) -> tuple[Word, ...]:
    return tuple(Word(m.start(), m.end(), m.group(0), fold(m.group(0)).strip(_PUNCT))
                 for m in re.finditer(r"\S+", sentence))


def _index_at(words: list[Word], pos: int) -> int:
    for i, w in enumerate(words):
        if w.start <= pos < w.end:
            return i
    return -1


def _drop_conj(w: Word) -> str:
    """The word's bare form without a glued conjunction."""
    return w.bare[1:] if glued_conjunction(w.text) and not w.bare.startswith(("وال", "فال")) else w.bare


def _orig_without_conj(w: Word) -> str:
    t = w.text.strip("،,.")
    if glued_conjunction(t):
        return t[1:].lstrip("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652")
    return t


def is_verb(w: Word) -> bool:
    """True when ``w`` is a past-tense news verb (masculine or feminine, conjunction allowed)."""
    for b in {w.bare, _drop_conj(w)}:
        if b in _VERBS:
            return True
        if b.endswith("ت") and (b[:-1] in _VERBS or b[:-1] + "ي" in _VERBS or b[:-1] + "ا" in _VERBS):
            return True
    return False


# Relative pronouns and complementizers: what follows them is another clause with its own verb.
_NESTING = {"الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي", "اللاتي", "ان", "انه", "انها", "بان",
            "بانه", "لان"}


def verbish(w: Word) -> bool:
    """A verb in any past form (dual and plural too) or a relative pronoun: a clause boundary inside."""
    b = _drop_conj(w)
    if is_verb(w) or b in _NESTING:
        return True
    for suf in ("وا", "ا", "تا"):
        if b.endswith(suf) and b[: -len(suf)] in _VERBS:
            return True
    return False


def looks_like_verb(token: str) -> bool:
    """True when a single token reads as a past-tense news verb (used to vet extracted names)."""
    ws = words_of(token)
    return len(ws) == 1 and (is_verb(ws[0]) or ws[0].bare in _VERBS)


def _feminine(verb_bare: str) -> bool:
    return verb_bare.endswith("ت") and verb_bare not in _VERBS


def _clause_initial(words: list[Word], i: int) -> bool:
    j = i - 1
    while j >= 0 and words[j].bare in _CONNECTORS and not words[j].text.endswith("،"):
        j -= 1
    return j < 0 or words[j].text.endswith(("،", ",", ":", "؛"))


def _mention_at(mentions: list[Mention], w: Word) -> Mention | None:
    for m in mentions:
        if m.start <= w.start < m.end or w.start <= m.start < w.end:
            return m
    return None


def _explicit_subject(words: list[Word], i: int, mentions: list[Mention], verb: Word | None = None) -> bool:
    """True when word i (right after the verb) opens the verb's subject, not its object."""
    if i >= len(words):
        return False
    w = words[i]
    if w.bare in _TEMPORAL or w.bare in _PREPS:
        return False
    m = _mention_at(mentions, w)
    if m is not None and m.type == "person":
        return True
    if m is not None and verb is not None and m.type in ("organization", "place"):
        # «تولّى وزارة الصناعة»: a named body right after a verb can be its object; trust it only
        # when it agrees with the verb (places are feminine: «استضافت الرياض»).
        fem = _feminine(_drop_conj(verb))
        return fem if m.type == "place" else fem == w.bare.endswith("ه")
    if m is not None or w.text.startswith("«"):
        return True
    if not w.bare.startswith("ال"):
        return False
    if verb is None:
        return True
    # A definite noun after the verb may be its object (ودرس الهندسة): trust it as the subject only
    # when its gender agrees with the verb's (أعلنت الهيئة، أعلن المجلس، حصلت القوائم).
    if _feminine(_drop_conj(verb)):
        return w.bare.endswith(("ه", "ات")) or _plural_like(w.bare[2:])
    return not w.bare.endswith("ه")


def _plural_like(stem: str) -> bool:
    """A broken plural shape (فواعل، مفاعل، أفعال) once folded: non-human plurals take a feminine verb."""
    return len(stem) == 5 and (stem[2] == "ا" or (stem[0] == "ا" and stem[3] == "ا"))


def _clean(s: str) -> str:
    s = re.sub(r"\s+", " ", s).strip()
    s = re.sub(r"\s+([،,.؛:])", r"\1", s)
    s = re.sub(r"([،,])\s*[،,]", r"\1", s)
    return s.strip(" ،,.؛:")


def _outside_quotes_commas(text: str) -> list[int]:
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


def _shorten(rest: str, min_words: int = 3, max_words: int = 18, prefer: int = 14) -> str | None:
    """Cut ``rest`` at a comma outside quotes when it is long; None when it cannot be cut.

    A clause longer than ``prefer`` words is cut at the first comma that leaves ``min_words`` to
    ``prefer`` words; failing that it is kept whole up to ``max_words``.
    """
    rest = _clean(rest)
    n = len(rest.split())
    if n <= prefer:
        return rest
    for limit in (prefer, max_words):
        for c in _outside_quotes_commas(rest):
            if not _second_clause_at(rest, c):
                continue  # «أعلنت في تونس، مساء الأحد، النتائج»: the clause goes on after this comma
            head = rest[:c]
            if min_words <= len(head.split()) <= limit:
                return _clean(head)
        if n <= max_words:
            return rest
    return None


_PLACE_HEADS = {fold(w) for w in ("العاصمة", "عاصمة", "مدينة", "المدينة", "دولة", "الدولة", "بلدة", "جزيرة")}
_APPOSITION_HEADS = {fold(w) for w in ("صديق", "رئيس", "وزير", "مدير", "زعيم", "أمين", "نائب", "عضو",
                                        "مستشار", "قائد", "مدرب", "لاعب", "سفير", "ممثل", "مبعوث", "شقيق",
                                        "ابن", "نجل", "زوج", "زوجة", "حارس", "مسؤول", "سائق", "نجم",
                                        "مهاجم", "بطل", "بطلة", "المصنف", "المصنفة")}
_SUBORDINATORS = {fold(w) for w in ("بعدما", "عندما", "حينما", "لأن", "لان", "كي", "لكي", "حتى", "قبلما",
                                    "بينما", "إذ", "اذ", "لو", "إذا", "اذا")}
_SECOND_CLAUSE = {fold(w) for w in ("فيما", "بينما", "في حين", "مما", "حيث", "وسط", "ثم", "وهو", "وهي",
                                    "مؤكدا", "مؤكدًا", "مشيرا", "مضيفا", "واصفا", "داعيا", "معتبرا", "قائلا")}


def _second_clause_at(text: str, comma: int) -> bool:
    """True when a new clause starts after the comma at ``comma``: a connector, «و» + word, or a
    circumstantial accusative (مؤكدًا، داعياً)."""
    raw = text[comma + 1:].split()
    if not raw:
        return False
    nxt = fold(text[comma + 1:]).split()
    if nxt[0] in _SECOND_CLAUSE or " ".join(nxt[:2]) in _SECOND_CLAUSE:
        return True
    if glued_conjunction(raw[0]) == "و":
        return True
    word = strip_diacritics(raw[0].strip(_PUNCT))
    return len(word) >= 5 and ("ً" in raw[0] or word.endswith("يا")) and not word.startswith("ال")


def _cut_second_clause(text: str) -> str:
    """Cut ``text`` before «، فيما/بينما/مما ...» where a second clause (often another subject) starts."""
    for c in _outside_quotes_commas(text):
        if _second_clause_at(text, c) and len(text[:c].split()) >= 2:
            return text[:c]
    return text


def _verb_text(w: Word) -> str:
    return _orig_without_conj(w)


def _finish(prompt: str) -> str | None:
    prompt = _clean(prompt)
    if prompt.count("«") != prompt.count("»") or prompt.count("(") != prompt.count(")"):
        return None
    if prompt.count('"') % 2 or prompt.count("“") != prompt.count("”"):
        return None  # a quotation cut in half
    return prompt + "؟"


def subject_question(sentence: str, start: int, end: int, fact_type: str, mentions: list[Mention],
                     wh: str, org_gender: str | None = None) -> str | None:
    """«من قال ...؟» / «أي هيئة أعلنت ...؟» for a person or organization that is a verb's subject."""
    words = words_of(sentence)
    a, b = _index_at(words, start), _index_at(words, max(start, end - 1))
    if a < 0 or b < 0:
        return None
    v = a - 1
    steps = 0
    while v >= 0 and not is_verb(words[v]):
        w = words[v]
        m = _mention_at(mentions, w)
        if w.bare in _PREPS or w.bare in _CONNECTORS or steps >= 6 or (m is not None and m.type == "person"):
            return None
        if w.text.endswith("،") and v != a - 1:
            return None
        v -= 1
        steps += 1
    if v < 0 or not _clause_initial(words, v):
        return None
    verb = words[v]
    if org_gender is not None and (org_gender == "f") != _feminine(_drop_conj(verb)):
        return None
    if fact_type == "organization" and steps != 0:
        return None  # «قال والي بنك المغرب ...»: the organization is not the subject
    if fact_type == "place" and steps != 0 and words[v + 1].bare not in _PLACE_HEADS:
        return None  # «زارت الوزيرة السعودية»: a word between verb and place is the real subject
    if fact_type == "person" and steps == 0 and v + 1 != a:
        return None
    after = sentence[words[b].end:]
    tail = after.lstrip()
    if tail.startswith("("):
        return None
    if words[b].text.rstrip("»").endswith("،"):
        tail = "،" + tail
    if tail.startswith("،"):
        nxt = tail[1:].split()
        if not nxt:
            return None
        nb = fold(nxt[0]).strip(_PUNCT)
        if nb.startswith("ال") and nb not in _TEMPORAL and nb not in _AFTER_COMMA_OK:
            return None
        tail = tail[1:]
    else:
        raw_first = tail.split()[0] if tail.split() else ""
        first = fold(raw_first).strip(_PUNCT)
        if first.startswith("الم") and len(first) >= 6:
            return None  # «نصري عصفورة المدعوم من ...»: a participle describing the name, not the object
        if glued_conjunction(raw_first) == "و":
            return None  # «أكد عرفات والشعب الفلسطيني ...»: a second subject joined to the name
        if first in _APPOSITION_HEADS or first in ("الذي", "التي", "الذين"):
            return None  # «قال كيني جوس صديق مايكل ...»: a description of the name, not the object
    if fold(tail.lstrip(" ،")).split()[:1] and fold(tail.lstrip(" ،")).split()[0] in _SUBORDINATORS:
        return None  # «تلقى بعدما نال ...»: the verb's object is missing once the name is gone
    tail = tail.rstrip().rstrip(".")
    # «هنأ، اليوم الخميس، «عصفورة» ...»: a time phrase needs no comma once the name is gone.
    tail = re.sub(r"^(\s*(?:اليوم|أمس|مساء|صباح|يوم)(?:\s+[^\s،]+){0,5})\s*،", r"\1", tail)
    verb_text = _verb_text(verb)
    rest_words = tail.split()
    if fold(verb_text) == "كان" and rest_words and is_verb(words_of(rest_words[0])[0]):
        verb_text = _verb_text(words_of(rest_words[0])[0])
        tail = " ".join(rest_words[1:])
    short = _shorten(_cut_second_clause(tail), 5, 22)
    if short is None or len(short.split()) < 2:
        return None
    return _finish(f"{wh} {verb_text} {short}")


def _segments(sentence: str) -> list[tuple[int, int]]:
    cuts = _outside_quotes_commas(sentence)
    bounds = [0, *[c + 1 for c in cuts], len(sentence) + 1]
    return [(bounds[k], bounds[k + 1] - 1) for k in range(len(bounds) - 1)]


@dataclass(frozen=True)
class Adjunct:
    """A clause with one adjunct (date, place, minute) cut out; ``body`` starts with its verb."""

    body: str
    explicit: bool  # the verb's subject is written out (not a dropped pronoun)
    nested: bool = False  # another verb stands between the clause's verb and the cut adjunct


def adjunct_clause(sentence: str, rs: int, re_: int, mentions: list[Mention]) -> Adjunct | None:
    """The verb-initial clause holding [rs, re_) with that span removed, or None."""
    segs = _segments(sentence)
    k = next((i for i, (s, e) in enumerate(segs) if s <= rs < e + 1), -1)
    if k < 0:
        return None
    s, e = segs[k]
    left = sentence[s:rs]
    right = sentence[re_:e]
    if not _clean(left) and not _clean(right.strip(" .")) and k > 0:
        # The adjunct stands alone between commas: join the clause before it with the one after.
        ps, pe = segs[k - 1]
        left = sentence[ps:pe]
        right = sentence[segs[k + 1][0]:segs[k + 1][1]] if k + 1 < len(segs) else ""
        body_src = left + " " + right
    else:
        body_src = left + " " + right
    words = words_of(body_src)
    i = 0
    while i < len(words) and (words[i].bare in _CONNECTORS or (words[i].bare in ("كان", "وكان"))):
        if words[i].bare in ("كان", "وكان"):
            break
        i += 1
    if i >= len(words):
        return None
    lead = words[i]
    tail_words = words[i + 1:]
    if _drop_conj(lead) == "كان" and len(tail_words) >= 2:
        # «وكان «ترامب» أعلن ...» reads as «أعلن «ترامب» ...».
        j = next((t for t, w in enumerate(tail_words) if is_verb(w)), -1)
        if 0 < j <= 3:
            subj = " ".join(w.text for w in tail_words[:j])
            verb_w = tail_words[j]
            rest = " ".join(w.text for w in tail_words[j + 1:])
            body = _clean(f"{_verb_text(verb_w)} {subj} {rest}")
            return Adjunct(body, True) if len(body.split()) >= 3 else None
        return None
    if not is_verb(lead):
        return None
    rest_words = tail_words
    explicit = bool(rest_words) and _explicit_subject(rest_words, 0, _shift(mentions, body_src, sentence), lead)
    nested = any(verbish(w) or "(" in w.text for w in words_of(left)[i + 1:])
    body = _clean(_verb_text(lead) + " " + " ".join(w.text for w in rest_words))
    if len(body.split()) < 3 or len(body.split()) > 26:
        return None
    if body.count("«") != body.count("»") or body.count("(") != body.count(")"):
        return None
    return Adjunct(body, explicit, nested)


def _shift(mentions: list[Mention], body_src: str, sentence: str) -> list[Mention]:
    """Mentions re-anchored to ``body_src`` by their text (offsets change when spans are cut)."""
    out = []
    for m in mentions:
        surface = sentence[m.start:m.end]
        p = body_src.find(surface)
        if p >= 0:
            out.append(Mention(p, p + len(surface), m.type, m.name))
    return out


def date_removal(sentence: str, start: int, end: int) -> tuple[int, int] | None:
    """The span to cut for a date adjunct (the date and its يوم/في/مساء markers), or None."""
    words = words_of(sentence)
    a, b = _index_at(words, start), _index_at(words, max(start, end - 1))
    if a < 0 or b < 0:
        return None
    first = fold(sentence[start:end]).split()
    marked = bool(first) and first[0].strip(_PUNCT) in _DATE_MARKERS
    rs = words[a].start if words[a].start >= start - 1 else start
    i = a - 1
    while i >= 0 and i >= a - 2 and words[i].bare in _DATE_MARKERS and not words[i].text.endswith("،"):
        rs = words[i].start
        marked = True
        i -= 1
    if not marked:
        return None
    re_ = words[b].end
    if b + 1 < len(words) and words[b + 1].bare in ("ه", "هـ", "م"):
        re_ = words[b + 1].end
    text = sentence[rs:re_]
    trail = len(text) - len(text.rstrip("،,."))
    return rs, re_ - trail


def when_question(sentence: str, start: int, end: int, granularity: str,
                  mentions: list[Mention]) -> tuple[str, Adjunct] | None:
    """«متى ...؟» (or «في أي عام ...؟» for a bare year) for a date adjunct of a clause."""
    cut = date_removal(sentence, start, end)
    if cut is None:
        return None
    wh = "في أي عام" if granularity == "year" else "متى"
    relative = _relative_when(sentence, cut[0], mentions, wh)
    if relative is not None:
        return relative, Adjunct(relative[len(wh) + 1:-1], True)
    adj = adjunct_clause(sentence, cut[0], cut[1], mentions)
    if adj is None or not adj.explicit or adj.nested:
        return None
    q = _finish(f"{wh} {adj.body}")
    return (q, adj) if q else None


def _relative_when(sentence: str, rs: int, mentions: list[Mention], wh: str) -> str | None:
    """«غازي القصيبي، الذي رحل يوم 15 أغسطس 2010» -> «متى رحل غازي القصيبي؟»."""
    words = words_of(sentence)
    i = next((k for k, w in enumerate(words) if w.start >= rs), -1)
    if i < 3:
        return None
    verb, rel = words[i - 1], words[i - 2]
    if rel.bare not in ("الذي", "التي") or not is_verb(verb) or "،" in verb.text:
        return None
    before = sentence[:rel.start].rstrip().rstrip("،").rstrip()
    person = next((m for m in mentions if m.type == "person" and m.end >= len(before) - 1
                   and m.end <= len(before)), None)
    if person is None:
        return None
    return _finish(f"{wh} {_verb_text(verb)} {person.name}")


def event_text(sentence: str, start: int, end: int, mentions: list[Mention]) -> Adjunct | None:
    """The clause a date belongs to, with the date cut out, as an event description."""
    cut = date_removal(sentence, start, end)
    if cut is None:
        return None
    return adjunct_clause(sentence, cut[0], cut[1], mentions)


def where_question(sentence: str, start: int, end: int, mentions: list[Mention]) -> str | None:
    """«أين ...؟» / «إلى أين ...؟» for «في/إلى PLACE» right after a verb and its subject."""
    words = words_of(sentence)
    a = _index_at(words, start)
    if a < 1 or words[a].start != start and not words[a].text.startswith("«"):
        return None
    prep = words[a - 1].bare
    if prep not in ("في", "الي"):
        return None
    b = _index_at(words, max(start, end - 1))
    v = a - 2
    steps = 0
    while v >= 0 and not is_verb(words[v]):
        w = words[v]
        if w.bare in _PREPS or w.text.endswith("،") or steps >= 4 or verbish(w) or "(" in w.text:
            return None
        v -= 1
        steps += 1
    if v < 0 or steps == 0 or not _clause_initial(words, v):
        return None
    if not _explicit_subject(words, v + 1, mentions, words[v]):
        return None
    subj = " ".join(w.text for w in words[v + 1:a - 1])
    if words[b].text.rstrip("»").endswith(("،", ",", ".")):
        return None  # «في تونس، مساء ...»: the place may qualify the subject, not the event
    rest = _cut_second_clause(sentence[words[b].end:].strip())
    rest_short = _shorten(rest, 1, 10) if rest and not rest.startswith("،") else None
    if not rest_short:
        return None
    wh = "أين" if prep == "في" else "إلى أين"
    return _finish(f"{wh} {_verb_text(words[v])} {subj} {rest_short}")


def _np_back(words: list[Word], i: int, limit: int = 5) -> list[Word] | None:
    """The noun phrase ending at word i-1, back to إن/أن/a comma/clause start; None when a word of
    approximation («نحو», «حوالي») stands in it."""
    j = i - 1
    out: list[Word] = []
    while j >= 0 and len(out) < limit:
        w = words[j]
        if w.bare in ("ان", "بان", "انه") or w.text.endswith("،") or is_verb(w) or w.bare in _PREPS:
            break
        out.insert(0, w)
        j -= 1
    if any(w.bare in _APPROX for w in out):
        return None
    return out or None


def percent_question(sentence: str, start: int, end: int, mentions: list[Mention]) -> str | None:
    """«ما نسبة ...؟» / «كم بلغت ...؟» for the few percentage shapes that read well."""
    words = words_of(sentence)
    a, b = _index_at(words, start), _index_at(words, max(start, end - 1))
    if a < 1 or b < 0:
        return None
    prev = words[a - 1]
    after = words[b + 1:]
    # «بحصوله على 40% من الأصوات» / «وحصلت القوائم المستقلة على 63 بالمئة من المقاعد».
    if prev.bare == "علي" and len(after) >= 2 and after[0].bare == "من":
        noun_words = [after[1]]
        if len(after) > 2 and after[1].text[-1:] not in "،." and after[2].bare.startswith("ال") \
                and after[2].bare not in _TEMPORAL:
            noun_words.append(after[2])
        head = noun_words[0].bare
        if not (head.startswith("ال") and (head.endswith(("ات", "ه")) or head in _BROKEN_PLURALS)):
            return None
        noun = " ".join(w.text for w in noun_words).strip("،.")
        k = a - 2
        if k < 0:
            return None
        kb = _drop_conj(words[k])
        if kb in ("بحصوله", "بحصولها", "حصوله", "حصولها"):
            verb = "حصل" if kb.endswith("ه") else "حصلت"
            subj_m = [m for m in mentions if m.end <= words[k].start and m.type == "person"]
            subj_m = subj_m or [m for m in mentions if m.end <= words[k].start and m.type == "organization"]
            if not subj_m:
                return None
            subj = subj_m[-1].name
            return _finish(f"ما نسبة {noun} التي {verb} عليها {subj}")
        # Verb form: VERB SUBJ... على
        v = k
        while v >= 0 and not is_verb(words[v]) and a - v <= 7:
            v -= 1
        if v < 0 or _drop_conj(words[v]) not in ("حصل", "حصلت") or not _clause_initial(words, v):
            return None
        if not _explicit_subject(words, v + 1, mentions, words[v]):
            return None
        subj = " ".join(w.text for w in words[v + 1:a - 1])
        return _finish(f"ما نسبة {noun} التي {_verb_text(words[v])} عليها {subj}")
    # «... نسبة المشاركة بلغت 11.66 في المائة من إجمالي الناخبين»
    if prev.bare in ("بلغت", "بلغ"):
        back = _np_back(words, a - 1)
        if not back or not (back[0].bare.startswith("ال") or back[0].bare in ("نسبه", "معدل")):
            return None
        if any(w.bare[:1] in "بل" and not w.bare.startswith("ال") for w in back[1:]):
            return None  # «التنبؤ بالإصابة بدقة بلغت»: a phrase with a preposition is not what «بلغت» agrees with
        tail = _cut_second_clause(" ".join(w.text for w in after))
        rest = ""
        if tail and tail.split()[0].strip(_PUNCT) in ("من", "في", "خلال"):
            r = _shorten(tail, 1, 8)
            rest = r if r and len(r.split()) <= 8 else ""
        np_text = " ".join(w.text for w in back)
        return _finish(f"كم {prev.text} {np_text} {rest}")
    # «انخفاض أسعار المواد الغذائية بنسبة 5ر2%» / «ارتفعت أسعار المحروقات بنحو 1ر7%»
    if prev.bare in ("بنسبه", "بنحو", "بمعدل"):
        j = a - 2
        np: list[Word] = []
        while j >= 0 and len(np) < 6:
            w = words[j]
            if w.bare in _MASDAR_VERB or is_verb(w) or w.text.endswith("،"):
                break
            np.insert(0, w)
            j -= 1
        if j < 0 or not np:
            return None
        head_w = words[j]
        hb = _drop_conj(head_w)
        if hb in _MASDAR_VERB:
            masdar = _MASDAR_SPELL[hb]
        elif is_verb(head_w):
            base = hb[:-1] if hb.endswith("ت") and hb not in _VERB_MASDAR else hb
            if base not in _VERB_MASDAR or not _clause_initial(words, j):
                return None
            masdar = _VERB_MASDAR[base]
        else:
            return None
        tail = _cut_second_clause(" ".join(w.text for w in after))
        rest = ""
        if tail:
            r = _shorten(tail, 1, 5)
            if r and len(r.split()) <= 4 and not tail.startswith("،") and words[b].text[-1:] not in "،.":
                rest = r
        return _finish(f"ما نسبة {masdar} {' '.join(w.text for w in np)} {rest}")
    # «سجّل معدل التضخم السنوي في المغرب تراجعاً إلى ٣٫٤٪ خلال شهر مارس»
    if prev.bare == "الي" and a >= 2 and _drop_conj(words[a - 2]).rstrip("ا") in _MASDAR_VERB:
        masdar = _drop_conj(words[a - 2]).rstrip("ا")
        verb = _MASDAR_VERB[masdar]
        v = a - 3
        while v >= 0 and not is_verb(words[v]):
            v -= 1
        if v < 0 or not _clause_initial(words, v) or a - 3 - v > 6:
            return None
        np = words[v + 1:a - 2]
        if not np or not (np[0].bare.startswith("ال") or np[1:2] and np[1].bare.startswith("ال")):
            return None
        if np[0].bare.endswith("ه"):
            verb = verb[:-1] + "ت" if verb.endswith("ا") else verb + "ت"
        tail = _cut_second_clause(" ".join(w.text for w in after))
        r = _shorten(tail, 1, 5) if tail and words[b].text[-1:] not in "،." else ""
        rest = r if r and len(r.split()) <= 4 else ""
        return _finish(f"إلى أي نسبة {verb} {' '.join(w.text for w in np)} {rest}")
    return None


def _acc_unit(w: Word) -> bool:
    t = strip_diacritics(w.text.strip(_PUNCT))
    return t.endswith("ا") and ("ً" in w.text or t.endswith("ا")) and len(t) >= 3


def number_question(sentence: str, start: int, end: int, mentions: list[Mention],
                    unit: str | None) -> str | None:
    """«كم بلغ عدد ...؟», «كم متفرجاً حضر المباراة؟», «كم يبلغ عمر ...؟» for counts that read well."""
    words = words_of(sentence)
    a, b = _index_at(words, start), _index_at(words, max(start, end - 1))
    if a < 1 or b < 0:
        return None
    prev = words[a - 1]
    # Age in brackets after a name: «عصفورة» (67 عامًا)
    if sentence[:start].rstrip().endswith("(") and unit and fold(unit).rstrip("ا") in ("عام", "عاما", "سنه"):
        before = sentence[:start].rstrip()[:-1].rstrip()
        people = [m for m in mentions if m.type == "person" and before.endswith(sentence[m.start:m.end].rstrip("»"))
                  or m.type == "person" and m.end >= len(before) - 1 and m.end <= len(before) + 1]
        if people:
            return _finish(f"كم يبلغ عمر {people[-1].name}")
        return None
    # «عدد الناخبين المسجلين بلغ ...» / «بلغ عدد ...»
    if prev.bare == "بلغ":
        np = _np_back(words, a - 1)
        if np and np[0].bare == "عدد" and len(np) >= 2:
            return _finish("كم بلغ " + " ".join(w.text for w in np))
        if a >= 2:
            return None
    if a >= 3 and words[a - 1].bare != "بلغ":
        j = a - 1
        np2: list[Word] = []
        while j >= 0 and not is_verb(words[j]) and len(np2) < 5:
            np2.insert(0, words[j])
            j -= 1
        if j >= 0 and _drop_conj(words[j]) == "بلغ" and np2 and np2[0].bare == "عدد" and len(np2) >= 2:
            return _finish("كم بلغ " + " ".join(w.text for w in np2))
    # «وحضر المباراة 86 ألفاً و492 متفرجاً، ...» / «البيان الختامي، الذي تضمّن 31 بنداً»
    last = words[b]
    if not unit or not _acc_unit(last) or last.bare[:3] != fold(unit)[:3]:
        return None
    closes = last.text.endswith(("،", ".", ",")) or b + 1 == len(words)
    if not closes:
        return None
    unit_text = strip_diacritics(last.text.strip(_PUNCT))
    unit_text = unit_text[:-1] + "اً" if unit_text.endswith("ا") and not unit_text.endswith("اً") else unit_text
    j = a - 1
    mid: list[Word] = []
    while j >= 0 and not is_verb(words[j]) and len(mid) < 5:
        if words[j].text.endswith("،") or words[j].bare in ("اكثر", "اقل", "نحو", "حوالي"):
            return None
        mid.insert(0, words[j])
        j -= 1
    if j < 0 or not is_verb(words[j]):
        return None
    if words[j - 1].bare in ("الذي", "التي") if j >= 1 else False:
        k = j - 1
        if k < 1 or not words[k - 1].text.endswith("،"):
            return None
        seg_start = k - 1
        while seg_start > 0 and not words[seg_start - 1].text.endswith("،"):
            seg_start -= 1
        np = [w for w in words[seg_start:k]]
        if np and is_verb(np[0]):
            np = np[1:]  # «وطالب البيان الختامي، الذي ...»: the main verb is not part of the name
        if not np or not np[0].bare.lstrip("و").startswith("ال") or len(np) > 4:
            return None
        np_text = " ".join(_orig_without_conj(w) if i == 0 else w.text for i, w in enumerate(np)).strip("،")
        return _finish(f"كم {unit_text} {_verb_text(words[j])} {np_text}")
    if not _clause_initial(words, j) or not mid:
        return None
    return _finish(f"كم {unit_text} {_verb_text(words[j])} {' '.join(w.text for w in mid)}")
