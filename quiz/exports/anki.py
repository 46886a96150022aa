"""Anki decks (.apkg) from question banks, with ids that never change.

A student who imports a deck again after the teacher edited a question gets that note updated
(same GUID, same note type), keeping its review history; nothing is ever duplicated. For that:

- the note type (model) ids and the root deck id below are fixed forever;
- a note's GUID is ``genanki.guid_for(article_key, question_key)``;
- Anki files an imported card in the deck *named* as in the package (deck ids are not kept), so
  an article's deck is named after the opening words of its text, never its title: a retitled
  article keeps its deck, and its title is shown on every card and as the deck's description;
- each note type reserves spare fields (Extra1..Extra3): adding a field later would make Anki
  fork the note type on import, so new information goes into those instead. Extra1 holds the
  answer read aloud (``[sound:...]``, on the back only) when a deck is made with audio.

Questions taken out of a bank since an earlier export are exported too, tagged ``fahim::removed``
and marked on the back, so a student who has them can find and suspend them.

No front's HTML holds the answer: every option of a choice is written the same way, and
fill-in-the-blank questions are basic or multiple-choice notes showing the blank, not Anki cloze
notes (Anki writes a cloze's hidden text into the front's HTML, ``data-cloze``). The retired
"Fahim Cloze" note type keeps its id reserved; notes students imported with it stay as they are
(Anki keeps a note whose type changed and reports it as a conflict).

Every field is HTML: text is escaped with ``html.escape`` and only our own markup is added.
"""

from __future__ import annotations

import hashlib
import io
import itertools
import re
import json
import sqlite3
import time
import zipfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from html import escape

import genanki
from genanki.util import BASE91_TABLE

from questions.kinds import shape
from questions.model import Article, Bank, Question
from quiz.exports.common import (
    banks_of,
    is_true,
    matching_extras,
    one_line,
    ordering_shown,
    safe_tag,
    title_of,
)
from quiz.exports.speech import media_name, speak_all
from quiz.exports.typed import by_number

# ---- Fixed ids: NEVER change these. Anki identifies note types and decks by id; a new id
# ---- would make every student's next import create a second deck and a forked note type.
BASIC_MODEL_ID = 1496668062
RETIRED_CLOZE_MODEL_ID = 1577380981  # "Fahim Cloze" in students' collections: never reuse it
MCQ_MODEL_ID = 1478811393
ROOT_DECK_ID = 1746199889
# Per-article deck ids live in [DECK_ID_MIN, DECK_ID_MIN + DECK_ID_SPAN), genanki's usual range.
DECK_ID_MIN = 1 << 30
DECK_ID_SPAN = 1 << 30

ROOT_DECK_NAME = "أخبار"
BASIC_MODEL_NAME = "Fahim Basic"
MCQ_MODEL_NAME = "Fahim Multiple Choice"
SPARE_FIELDS = ("Extra1", "Extra2", "Extra3")
AUDIO_FIELD = "Extra1"
REMOVED_TAG = "fahim::removed"
REMOVED_NOTICE = "حُذف هذا السؤال من بنك الأسئلة، فيمكنك تعليق بطاقته."

BASIC_FIELDS = ("Question", "Answer", "Details", "Source", "Article", "Date", *SPARE_FIELDS)
MCQ_FIELDS = ("Question", "Options", "Answer", "Details", "Source", "Article", "Date", *SPARE_FIELDS)

FONT_STACK = ('"Noto Naskh Arabic", "Noto Sans Arabic", "Amiri", "Scheherazade New", "Geeza Pro", '
              '"Traditional Arabic", "Segoe UI", Tahoma, "Arial Unicode MS", sans-serif')

CSS = f"""\
.card {{ font-family: {FONT_STACK}; font-size: 22px; line-height: 1.7; direction: rtl;
  text-align: right; color: #1b1b1b; background: #fffdf8; }}
.fahim {{ max-width: 40em; margin: 0 auto; }}
.question {{ font-weight: bold; }}
.answer {{ font-size: 1.15em; color: #0b5d1e; font-weight: bold; }}
.details {{ font-size: .85em; color: #444; }}
.source {{ font-size: .85em; color: #333; border-right: 3px solid #c9b98a; margin: .8em 0;
  padding: .2em .8em; }}
.meta {{ font-size: .75em; color: #777; }}
ol.options, ul.items, ol.order, ul.pairs {{ padding-right: 1.4em; padding-left: 0; }}
.removed {{ font-size: .85em; color: #8a1c1c; }}
.hint {{ font-size: .8em; color: #666; }}
.nightMode .card, .night_mode .card {{ color: #eee; background: #222; }}
"""

_META = ('{{#Source}}<div class="source">{{Source}}</div>{{/Source}}'
         '<div class="meta">{{Article}}{{#Date}} · {{Date}}{{/Date}}</div>')
_DETAILS = '{{#Details}}<div class="details">{{Details}}</div>{{/Details}}'
_AUDIO = "{{#" + AUDIO_FIELD + "}}<div>{{" + AUDIO_FIELD + "}}</div>{{/" + AUDIO_FIELD + "}}"


def _fields(names: Sequence[str]) -> list[dict[str, object]]:
    return [{"name": n, "rtl": True, "font": "Noto Naskh Arabic", "size": 20} for n in names]


def basic_model() -> genanki.Model:
    """Return the question -> answer note type."""
    return genanki.Model(
        BASIC_MODEL_ID, BASIC_MODEL_NAME, fields=_fields(BASIC_FIELDS), css=CSS,
        templates=[{
            "name": "سؤال ← جواب",
            "qfmt": '<div class="fahim front" dir="rtl"><div class="question">{{Question}}</div></div>',
            "afmt": ('<div class="fahim back" dir="rtl"><div class="question">{{Question}}</div>'
                     '<hr id="answer"><div class="answer">{{Answer}}</div>' + _AUDIO + _DETAILS + _META + "</div>"),
        }],
    )


def mcq_model() -> genanki.Model:
    """Return the multiple-choice note type (the options on the front, the answer on the back)."""
    return genanki.Model(
        MCQ_MODEL_ID, MCQ_MODEL_NAME, fields=_fields(MCQ_FIELDS), css=CSS,
        templates=[{
            "name": "اختيار من متعدد",
            "qfmt": ('<div class="fahim front" dir="rtl"><div class="question">{{Question}}</div>'
                     "{{Options}}</div>"),
            "afmt": ('<div class="fahim back" dir="rtl"><div class="question">{{Question}}</div>'
                     '{{Options}}<hr id="answer"><div class="answer">{{Answer}}</div>' + _AUDIO + _DETAILS + _META
                     + "</div>"),
        }],
    )


# Built once: genanki computes each model's required-field table on first use and caches it.
MODELS: dict[int, genanki.Model] = {m.model_id: m for m in (basic_model(), mcq_model())}
FIELDS: dict[int, tuple[str, ...]] = {BASIC_MODEL_ID: BASIC_FIELDS, MCQ_MODEL_ID: MCQ_FIELDS}


# A dateline ends at the first " - " or ": " near the start («الرياض - «رويترز»: ...», «نابلس (وفا) - ...»).
_DATELINE_END = re.compile(r"\s[-–—]\s|:\s")
_DATELINE_WITHIN = 60
OPENING_WORDS = 8


def article_label(article: Article) -> str:
    """Return an article's deck name: the opening words of its text, a dateline before them dropped.

    It stays the same as long as the text does, and so as long as every note's GUID does
    (the article key is a hash of the text). Without text, the article key stands in.
    """
    first = one_line(article.text.strip().split("\n", 1)[0])
    cut = max((m.end() for m in _DATELINE_END.finditer(first[:_DATELINE_WITHIN])), default=0)
    words = first[cut:].split()
    if not words:
        return article.key or "مقال"
    label = " ".join(words[:OPENING_WORDS]).rstrip("،,؛:")
    if len(words) > OPENING_WORDS:
        label += "…"
    return label.replace("::", ":")


def deck_id_for(article_key: str) -> int:
    """Return the article's deck id: stable for the same key, inside genanki's id range."""
    digest = hashlib.sha256(("fahim-deck:" + article_key).encode("utf-8")).digest()
    deck_id = DECK_ID_MIN + int.from_bytes(digest[:8], "big") % DECK_ID_SPAN
    return deck_id + 1 if deck_id == ROOT_DECK_ID else deck_id


def deck_name_for(bank: Bank) -> str:
    """Return ``أخبار::<the article's opening words>`` (see ``article_label``)."""
    return f"{ROOT_DECK_NAME}::{article_label(bank.article)}"


_BASE91 = BASE91_TABLE


def guid_for(article_key: str, question_key: str) -> str:
    """Return a note's GUID from the article's and the question's stable keys.

    Identical to ``genanki.guid_for(article_key, question_key)`` (a test holds them equal);
    written out because genanki's version is a large share of an export's time.
    """
    digest = hashlib.sha256(f"{article_key}__{question_key}".encode("utf-8")).digest()
    h = int.from_bytes(digest[:8], "big")
    out: list[str] = []
    while h:
        h, r = divmod(h, 91)
        out.append(_BASE91[r])
    return "".join(reversed(out))


@lru_cache(maxsize=256)
def _tags(fact_type: str, kind: str, removed: bool = False) -> tuple[str, ...]:
    tags = ("fahim", f"fahim::fact::{safe_tag(fact_type)}", f"fahim::kind::{safe_tag(kind)}")
    return (*tags, REMOVED_TAG) if removed else tags


def tags_for(q: Question, *, removed: bool = False) -> list[str]:
    """Return a question's tags: the app, its fact type, its kind, and ``fahim::removed`` if taken out."""
    return list(_tags(q.fact_type, q.kind, removed))


@dataclass(frozen=True)
class NotePlan:
    """Everything one Anki note holds, before genanki writes it."""

    model_id: int
    fields: tuple[str, ...]
    guid: str
    tags: tuple[str, ...]
    spoken: str = ""  # the answer as read aloud when the deck is made with audio


@dataclass(frozen=True)
class DeckPlan:
    """One article's deck and its notes."""

    deck_id: int
    name: str
    notes: tuple[NotePlan, ...]
    description: str = ""


def _source_html(q: Question) -> str:
    src = q.source
    if not src.text:
        return ""
    if 0 <= src.start < src.end <= len(src.text):
        return (escape(src.text[: src.start], False) + "<b>" + escape(src.text[src.start:src.end], False)
                + "</b>" + escape(src.text[src.end:], False))
    return escape(src.text, False)


def _li(items: Iterable[str]) -> str:
    return "".join("<li>" + escape(i, False) + "</li>" for i in items)


def _accepted(q: Question) -> str:
    others = [a for a in q.accepted if a != q.answer]
    return "يُقبل أيضًا: " + "، ".join(escape(a, False) for a in others) if others else ""


def _details(text: str, removed: bool) -> str:
    if not removed:
        return text
    notice = f'<div class="removed">{REMOVED_NOTICE}</div>'
    return notice + text


def spoken_answer(q: Question) -> str:
    """Return what the audio of a question's answer says."""
    s = shape(q)
    if s == "matching":
        return "، ".join(f"{left}: {right}" for left, right in q.pairs)
    if s == "ordering":
        return "، ".join(q.items)
    if s == "true_false" and not q.answer:
        return "صح" if is_true(q) else "خطأ"
    return q.answer


def _typed_details(q: Question) -> str:
    details = _accepted(q)
    if q.tolerance and by_number(q):
        tolerance = "بفارق مسموح ± " + escape(f"{q.tolerance:g}", False)
        details = f"{details}<br>{tolerance}" if details else tolerance
    return details


def note_for(q: Question, article_key: str, title: str, date: str, *, removed: bool = False) -> NotePlan:
    """Return the note a question becomes, by its shape (``title`` and ``date`` already HTML-escaped).

    ``removed``: the question was taken out of its bank; the note is tagged and marked so.
    """
    guid = guid_for(article_key, q.key)
    tags = _tags(q.fact_type, q.kind, removed)
    spoken = spoken_answer(q)
    e = escape
    s = shape(q)
    question = e(q.prompt, False)
    source = _source_html(q)
    if s == "choice":
        # Every option is written the same way: nothing on the front tells the right one.
        options = '<ol class="options">' + _li(q.choices) + "</ol>"
        return NotePlan(MCQ_MODEL_ID, (question, options, e(q.answer, False), _details(_accepted(q), removed),
                                       source, title, date, "", "", ""), guid, tags, spoken)
    answer = e(q.answer, False)
    details = ""
    if s == "true_false":
        question += '<div class="hint">صح أم خطأ؟</div>'
        answer = e(spoken, False)
    elif s == "matching":
        lefts = [left for left, _ in q.pairs]
        rights = list(q.choices) or [right for _, right in q.pairs]
        question += ('<ul class="items">' + _li(lefts) + '</ul><div class="hint">'
                     + "، ".join(e(r, False) for r in rights) + "</div>")
        answer = '<ul class="pairs">' + "".join(
            "<li>" + e(left, False) + " ← " + e(right, False) + "</li>" for left, right in q.pairs) + "</ul>"
        extras = matching_extras(q)
        if extras:
            details = "خيارات بلا مقابل: " + "، ".join(e(x, False) for x in extras)
    elif s == "ordering":
        question += '<ul class="items">' + _li(ordering_shown(q)) + "</ul>"
        answer = '<ol class="order">' + _li(q.items) + "</ol>"
    else:  # text and numeric: a typed answer
        details = _typed_details(q)
    return NotePlan(BASIC_MODEL_ID, (question, answer, _details(details, removed), source, title, date,
                                     "", "", ""), guid, tags, spoken)


def plan_bank(bank: Bank, removed: Iterable[Question] = ()) -> DeckPlan:
    """Return the deck and notes one bank becomes; ``removed``: questions taken out of it."""
    key = bank.article.key
    title = escape(title_of(bank), False)
    date = escape(bank.article.date or "", False)
    notes = [note_for(q, key, title, date) for q in bank.questions]
    notes += [note_for(q, key, title, date, removed=True) for q in removed]
    description = title + (f" · {date}" if date else "")
    return DeckPlan(deck_id_for(key), deck_name_for(bank), tuple(notes), description)


def with_audio(plans: Sequence[DeckPlan]) -> tuple[list[DeckPlan], dict[str, bytes]]:
    """Return the plans with each note's answer audio in its Extra1 field, and the audio files."""
    media = speak_all(n.spoken for p in plans for n in p.notes)
    out = []
    for plan in plans:
        notes = []
        for n in plan.notes:
            name = media_name(n.spoken)
            if name in media:
                i = FIELDS[n.model_id].index(AUDIO_FIELD)
                n = replace(n, fields=(*n.fields[:i], f"[sound:{name}]", *n.fields[i + 1:]))
            notes.append(n)
        out.append(replace(plan, notes=tuple(notes)))
    return out, media


def build_package(plans: Sequence[DeckPlan]) -> genanki.Package:
    """Turn deck plans into a plain genanki package (genanki.Note per note); see ``write_apkg``."""
    decks = [genanki.Deck(ROOT_DECK_ID, ROOT_DECK_NAME)]
    for plan in plans:
        deck = genanki.Deck(plan.deck_id, plan.name, plan.description)
        for n in plan.notes:
            deck.add_note(genanki.Note(model=MODELS[n.model_id], fields=list(n.fields), guid=n.guid,
                                       tags=list(n.tags)))
        decks.append(deck)
    return genanki.Package(decks)


def _card_ords(n: NotePlan) -> list[int]:
    """Return the card ordinals genanki would create for a note (same rules as genanki.Note.cards)."""
    model = MODELS[n.model_id]
    rv = []
    for card_ord, any_or_all, required in model._req:
        op = any if any_or_all == "any" else all
        if op(n.fields[i] for i in required):
            rv.append(card_ord)
    return rv


def _insert_notes(cursor: sqlite3.Cursor, plans: Sequence[DeckPlan], timestamp: float,
                  id_gen: Iterator[int]) -> None:
    """Insert every note and card in two batched statements, row for row as genanki writes them.

    genanki's ``Note.write_to_db`` runs two statements, an HTML check and tag validation per
    note; our fields are escaped by construction and our tags checked once, so the rows are
    written in bulk instead (ids drawn in the same note, card, note, card order).
    """
    mod = int(timestamp)
    note_rows: list[tuple[object, ...]] = []
    card_rows: list[tuple[object, ...]] = []
    for plan in plans:
        did = plan.deck_id
        for n in plan.notes:
            nid = next(id_gen)
            note_rows.append((nid, n.guid, n.model_id, mod, -1, " " + " ".join(n.tags) + " ",
                              "\x1f".join(n.fields), n.fields[0], 0, 0, ""))
            for card_ord in _card_ords(n):
                card_rows.append((next(id_gen), nid, did, card_ord, mod, -1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                                  0, ""))
    cursor.executemany("INSERT INTO notes VALUES(?,?,?,?,?,?,?,?,?,?,?);", note_rows)
    cursor.executemany("INSERT INTO cards VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?);", card_rows)


def write_apkg(plans: Sequence[DeckPlan], *, timestamp: float | None = None,
               media: Mapping[str, bytes] | None = None) -> bytes:
    """Write deck plans (and media files, by name) to .apkg bytes.

    genanki writes the collection (schema, decks, note types); notes and cards go in batched
    (``_insert_notes``). The database is built in memory: genanki's own ``write_to_file`` uses
    a temporary file it never removes.
    """
    ts = time.time() if timestamp is None else timestamp
    decks = [genanki.Deck(ROOT_DECK_ID, ROOT_DECK_NAME)]
    decks += [genanki.Deck(p.deck_id, p.name, p.description) for p in plans]
    home = decks[1] if len(decks) > 1 else decks[0]
    for model in MODELS.values():
        home.add_model(model)
    id_gen = itertools.count(int(ts * 1000))
    conn = sqlite3.connect(":memory:")
    try:
        cursor = conn.cursor()
        genanki.Package(decks).write_to_db(cursor, ts, id_gen)
        _insert_notes(cursor, plans, ts, id_gen)
        conn.commit()
        data = conn.serialize()
    finally:
        conn.close()
    out = io.BytesIO()
    names = sorted(media or {})
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        z.writestr("collection.anki2", data)
        # Anki's package layout: media files stored as "0", "1", ... and named in "media".
        z.writestr("media", json.dumps({str(i): name for i, name in enumerate(names)}))
        for i, name in enumerate(names):
            z.writestr(str(i), (media or {})[name])
    return out.getvalue()


def anki_apkg(banks: Bank | Iterable[Bank], *, removed: Iterable[Bank] = (), audio: bool = False,
              timestamp: float | None = None) -> bytes:
    """Export one bank or several as an Anki .apkg (one subdeck per article).

    ``removed``: banks of questions taken out of those banks (matched by article key), exported
    tagged ``fahim::removed``. ``audio``: each answer read aloud by espeak-ng, packed as media.
    """
    gone: dict[str, list[Question]] = {}
    for bank in removed:
        gone.setdefault(bank.article.key, []).extend(bank.questions)
    plans = [plan_bank(b, gone.pop(b.article.key, ())) for b in banks_of(banks)]
    if gone:
        raise ValueError(f"removed questions of an article not exported: {', '.join(sorted(gone))}")
    if not audio:
        return write_apkg(plans, timestamp=timestamp)
    spoken, media = with_audio(plans)
    return write_apkg(spoken, timestamp=timestamp, media=media)
