"""The order of the story's dated events: three to five events of the article, oldest first."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from questions import lists
from questions.build import key
from questions.context import Context, fact_id
from questions.distractors import interval
from questions.kinds.base import Candidate, Kind
from questions.completeness import a_form_of, ends_unfinished
from questions.model import Question
from questions.options import content_words
from questions.normalize import fold, tokens
from questions.clauses import split_clauses
from questions.realize import Mention, Word, date_removal, is_verb, verbish, words_of
from questions.realize.words import drop_conj, explicit_subject, feminine, outside_quotes_commas
from questions.salience import Weight
from questions.stems import Stems, mentions_in, not_when, stems_for

MIN_EVENTS = 3
MAX_EVENTS = 5
MIN_EVENT_WORDS = 3
MAX_EVENT_WORDS = 16
SHORT_EVENT_WORDS = 10
PROMPT = "ما الترتيب الزمني الصحيح للأحداث الآتية من الأقدم إلى الأحدث؟"




def short_event(body: str) -> str:
    """An event told in a few words: up to its first comma, and at most ``MAX_EVENT_WORDS`` words, cut
    before a preposition («بدأت التحقيقات إثر بلاغ من وحدة التحريات» -> «بدأت التحقيقات إثر بلاغ»)."""
    commas = outside_quotes_commas(body)
    if commas:
        body = body[:commas[0]]
    words = body.split()
    if len(words) <= SHORT_EVENT_WORDS:
        return body
    for n in range(SHORT_EVENT_WORDS, MIN_EVENT_WORDS, -1):
        told = " ".join(words[:n])
        if fold(words[n]).strip("«») ") in lists.folded("generation/event_cut_before") and \
                told.count("«") == told.count("»"):  # never inside a quotation
            return told
    return body


def _has_subject(words: list[Word], i: int, mentions: Sequence[Mention], verb: Word) -> bool:
    """True when word ``i``, right after ``verb``, opens its subject: what ``explicit_subject`` accepts, or a
    noun heading a definite construct («عقد مجلس الوزراء جلسة»)."""
    if explicit_subject(words, i, list(mentions), verb):
        return True
    if i >= len(words) or words[i].bare.startswith("ال"):
        return False
    head = words[i].bare
    if head in lists.folded("generation/realize_prepositions") or head in lists.folded("generation/realize_temporal"):
        return False
    if feminine(drop_conj(verb)) and head.endswith("ات"):
        return True  # «صدرت بطاقات إيداع»: a plural the feminine verb agrees with
    return i + 1 < len(words) and words[i + 1].bare.startswith("ال") and not is_verb(words[i])


def _told(sentence: str, start: int, end: int, a: int, b: int, min_words: int = MIN_EVENT_WORDS) -> str | None:
    """The words of [a, b) without the date at [start, end), shortened to an event, or None when fewer than
    ``min_words`` are left."""
    cut = date_removal(sentence, start, end)
    if cut is None or cut[0] < a:
        return None
    body = (sentence[a:cut[0]] + " " + sentence[cut[1]:b]).strip(" ،,.")
    body = re.sub(r"\s*،\s*(?:اليوم|أمس|مساء|صباح|ليل)?\s*،\s*", " ", body)  # «عقد المجلس، اليوم الثلاثاء، جلسة»: the date's aside emptied
    body = short_event(re.sub(r"\s+", " ", body)).strip(" ،,.")
    first = body.split()[0] if body.split() else ""
    if first[:1] in "وف" and len(first) > 3 and is_verb(words_of(first[1:])[0]):
        body = body[1:]
    return body if len(body.split()) >= min_words else None


def _own_clause_event(st: Stems, mentions: Sequence[Mention]) -> str | None:
    """The event of the date's own clause («ثم دخل الحياة العامة في تسعينيات القرن الماضي» -> «دخل الحياة
    العامة»), when the clause opens on its verb and no other verb stands between it and the date (the date
    of «ولد لأبوين هاجرا ... في الأربعينيات» belongs to «هاجرا», not to «ولد»); a clause opening on its date
    («وفي أكتوبر 2024 صدرت بطاقات إيداع ...») or told in the pluperfect («وكانت الدورة الثانية قد انعقدت في
    نوفمبر 2023») gives its event too."""
    sentence, start, end = st.source.text, st.source.start, st.source.end
    clauses = split_clauses(sentence)
    k = next((i for i, c in enumerate(clauses) if c.start <= start < max(c.end, c.start + 1)), None)
    if k is None or clauses[k].role == "attribution":
        return None
    clause = clauses[k]
    if clause.role == "adjunct" and k + 1 < len(clauses):  # «وفي عام 2019، أطلقت الوزارة ...»
        clause = replace(clause, end=clauses[k + 1].end)
    words = [w for w in words_of(sentence) if clause.body <= w.start and w.end <= clause.end]
    if words and words[0].bare in lists.folded("generation/event_openers"):
        words = words[1:]  # «ثم خُتمت الأبحاث في يوليو 2025»
    if len(words) < 2:
        return None
    if drop_conj(words[0]) in ("كان", "كانت"):
        return _pluperfect_event(sentence, start, end, words, mentions, clause.end)
    if not is_verb(words[0]):
        return _fronted_date_event(sentence, start, end, words, mentions, clause.end)
    if not _has_subject(words, 1, mentions, words[0]):
        return None  # «جرت يوم أمس», «بدأ بنشر الجداول»: an event needs its verb and who or what did it
    if any(verbish(w) for w in words[1:] if w.end <= start):
        return None
    return _told(sentence, start, end, words[0].start, clause.end)


PLUPERFECT_REACH = 6  # words of a subject between «كانت» and «قد»


def _pluperfect_event(sentence: str, start: int, end: int, words: list[Word], mentions: Sequence[Mention],
                      clause_end: int) -> str | None:
    """«وكانت الدورة الثانية للجنة قد انعقدت في طوكيو في نوفمبر 2023» -> «انعقدت الدورة الثانية للجنة في
    طوكيو»: the verb after «قد» (or right after a one-word subject: «وكان «ترامب» أعلن دعمه»), then the
    subject written between «كانت» and it."""
    qad = next((i for i, w in enumerate(words[:PLUPERFECT_REACH + 2]) if w.bare == "قد"), None)
    v = qad + 1 if qad is not None and qad >= 2 else 2
    if v >= len(words) or not is_verb(words[v]) or start < words[v].end:
        return None
    subject = words[1:qad if qad is not None and qad >= 2 else 2]
    if not _has_subject([words[v], *subject], 1, mentions, words[v]):
        return None
    rest = _told(sentence, start, end, words[v].end, clause_end, min_words=0)
    if rest is None and len(words) > v + 1:
        return None
    told = f"{words[v].text.strip('،,.')} {sentence[subject[0].start:subject[-1].end]} {rest or ''}"
    event = short_event(told.strip())
    return event if len(event.split()) >= MIN_EVENT_WORDS else None


def _fronted_date_event(sentence: str, start: int, end: int, words: list[Word], mentions: Sequence[Mention],
                        clause_end: int) -> str | None:
    """«وفي أكتوبر 2024 صدرت بطاقات إيداع بالسجن ...» -> «صدرت بطاقات إيداع بالسجن»: a clause opening on
    «في» and its date, then the event's verb and subject."""
    if words[0].end > start or drop_conj(words[0]) not in ("في", "خلال"):
        return None
    after = [w for w in words if w.start >= end]
    if len(after) < 2 or not is_verb(after[0]) or not _has_subject(after, 1, mentions, after[0]):
        return None
    body = short_event(re.sub(r"\s+", " ", sentence[after[0].start:clause_end]).strip(" ،,."))
    return body if len(body.split()) >= MIN_EVENT_WORDS else None


SAME_EVENT_SHARE = 0.5  # events sharing this share of their content words are one event


def _whole(body: str) -> bool:
    """True for an event that reads whole and gives no date away: no year left in it, no word at its end
    that needs what follows («اتفق الطرفان على تسليمه كاملاً قبل بدلاً»)."""
    return not re.search(r"(?<![\d٠-٩])[\d٠-٩]{4}(?![\d٠-٩])", body) and not ends_unfinished(body) and \
        fold(body.split()[-1]) not in lists.folded("generation/event_cut_before") and \
        not _announces_nothing(body)


ANNOUNCER_WORDS = 3  # an announcing verb and its subject alone: «أعلنت السلطات المحلية»


def _announces_nothing(body: str) -> bool:
    """True for an event that is an announcing verb and who announced, what they announced cut away."""
    words = [fold(w).strip("«»،,") for w in body.split()]
    return 0 < len(words) <= ANNOUNCER_WORDS and a_form_of(words[0], lists.folded("generation/announcing_verbs"))


def _same_event(a: str, b: str) -> bool:
    wa, wb = content_words(a), content_words(b)
    return " ".join(tokens(a)) == " ".join(tokens(b)) or \
        bool(wa and wb) and len(wa & wb) >= SAME_EVENT_SHARE * min(len(wa), len(wb))


def event_of(st: Stems, mentions: Sequence[Mention] = ()) -> str | None:
    """What happened on a date: its own clause with the date taken out, or None (see ``_own_clause_event``).
    ``mentions`` are the facts of its sentence: a person named after the verb is who did it."""
    if st.fact.type != "date" or not_when(st.source.text, st.source.start):
        return None  # «منذ عام 2005», «لسنة 2026»: not when the clause's event happened
    return _own_clause_event(st, mentions)


ORDERED_TRIVIA = ("news_day", "background")  # dates not worth recalling that still place an event in the story


def _dated_stems(ctx: Context, weights: dict[int, Weight], stems: dict[int, Stems]) -> dict[int, Stems]:
    """The stems of every date an event can be ordered by: the dates asked about, and the days of the news
    itself and of its background («أعلن المجلس يوم 24 ديسمبر», «التي تأسست عام 1982»), which are not worth
    recalling but tell what came first."""
    out = dict(stems)
    for fi, w in weights.items():
        if fi not in out and ctx.facts[fi].type == "date" and w.trivia in ORDERED_TRIVIA:
            st = stems_for(ctx, fi)
            if st is not None:
                out[fi] = st
    return out


def build(ctx: Context, weights: dict[int, Weight], stems: dict[int, Stems]) -> list[Candidate]:
    """One ordering question when the article dates three or more distinct events that do not overlap."""
    dated = []
    for fi, st in sorted(_dated_stems(ctx, weights, stems).items()):
        body = event_of(st, mentions_in(ctx, ctx.sent_of[fi]))
        if body is None:
            continue
        iv = interval(st.fact.gregorian or str(st.fact.value))  # a Hijri date orders by its Gregorian day
        if iv is not None and MIN_EVENT_WORDS <= len(body.split()) <= MAX_EVENT_WORDS and _whole(body):
            dated.append((iv, body, fi))
    dated.sort(key=lambda d: (d[0][0], d[2]))
    chosen: list[tuple[str, int]] = []
    last_end = None
    for iv, body, fi in dated:
        if last_end is not None and iv[0] <= last_end:
            continue  # overlapping spans («2025» and «ديسمبر 2025») have no clear order
        if any(_same_event(body, b) for b, _ in chosen):
            continue  # «اتفق الطرفان على تسليمه قبل نهاية 2027 بدلاً من 2028»: two dates of one event
        chosen.append((body, fi))
        last_end = iv[1]
    if len(chosen) < MIN_EVENTS:
        return []
    chosen = chosen[:MAX_EVENTS]
    items = tuple(b for b, _ in chosen)
    k = key(ctx, "timeline", *items)
    shuffled = list(items)
    ctx.rng(k).shuffle(shuffled)
    if tuple(shuffled) == items:
        shuffled = shuffled[1:] + shuffled[:1]
    facts = tuple(fact_id(ctx.facts[fi]) for _, fi in chosen)
    salience = sum(weights[fi].score for _, fi in chosen) / len(chosen)
    q = Question(key=k, kind="timeline", fact_type="date", prompt=PROMPT, answer=" ← ".join(items),
                 choices=tuple(shuffled), items=items, difficulty=3, fact=f"timeline:{k}")
    return [Candidate(q, (f"timeline:{k}", *facts), salience, 0.8)]


KIND = Kind(name="timeline", label="الترتيب الزمني", shape="ordering", comprehension=True, for_article=build)
