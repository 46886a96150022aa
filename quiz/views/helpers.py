"""Template helpers: bidi isolation of Latin/number runs, source highlighting, number formatting."""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from flask import Flask
from markupsafe import Markup, escape

from questions import kinds
from quiz import arabic, bidicontrols

# A run of Latin letters or digits (with the punctuation that belongs inside a number or a Latin
# name) is isolated in <bdi>, so "40.27%" or "Truth Social" keep their order inside Arabic text.
_LTR_RUN = re.compile(
    r"[A-Za-z0-9\u00C0-\u024F][A-Za-z0-9\u00C0-\u024F.,:/%'’\-]*(?:\s+[A-Za-z0-9\u00C0-\u024F][A-Za-z0-9\u00C0-\u024F.,:/%'’\-]*)*"
)


def bidi(value: Any) -> Markup:
    """Escape ``value`` and wrap its Latin/ASCII-number runs in <bdi dir="ltr">."""
    text = "" if value is None else str(value)
    out: list[str] = []
    pos = 0
    for m in _LTR_RUN.finditer(text):
        run = m.group(0).rstrip(".,:-")
        end = m.start() + len(run)
        out.append(str(escape(text[pos:m.start()])))
        # dir="ltr", not auto: a run of digits has no strong letter, and Chromium then takes the
        # parent's direction, which would print "40.27%" as "%40.27" and "7 / 8" as "8 / 7".
        out.append(f'<bdi dir="ltr">{escape(run)}</bdi>')
        pos = end
    out.append(str(escape(text[pos:])))
    return Markup("".join(out))  # every part was escaped above  # nosec B704


def highlight(text: str, start: int, end: int) -> Markup:
    """Return ``text`` with [start, end) in <mark>, every part escaped and bidi-isolated."""
    if not (0 <= start < end <= len(text)):
        return bidi(text)
    return Markup(f"{bidi(text[:start])}<mark>{bidi(text[start:end])}</mark>{bidi(text[end:])}")  # bidi() escapes  # nosec B704


def number(value: float | int | None, digits: int = 2) -> str:
    """Format a score without trailing zeros (3.0 -> "3", 2.5 -> "2.5")."""
    if value is None:
        return "—"
    # Half up, as people round (12.5% -> 13%), not Python's half-to-even.
    rounded = float(Decimal(str(value)).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP))
    return f"{rounded:.{digits}f}".rstrip("0").rstrip(".") if rounded % 1 else str(int(rounded))


def when(value: dt.datetime | None) -> str:
    """Format a naive-UTC datetime for display (UTC, ISO-like)."""
    return "—" if value is None else value.strftime("%Y-%m-%d %H:%M") + " UTC"


def local_time(value: dt.datetime | None) -> Markup:
    """Return a <time> showing UTC, which the page script rewrites in the reader's time zone."""
    if value is None:
        return Markup("—")
    # iso() yields only digits, '-', ':', 'T' and 'Z'; the text is escaped.
    return Markup(f'<time datetime="{iso(value)}" data-local dir="ltr">{escape(when(value))}</time>')  # nosec B704


def iso(value: dt.datetime | None) -> str:
    """Return ``value`` as an ISO 8601 UTC string for data-* attributes ("" when None)."""
    return "" if value is None else value.replace(microsecond=0).isoformat() + "Z"


def now_iso() -> str:
    """Return the server's current UTC time for data-* attributes (the timer corrects clock skew)."""
    from quiz.models import utcnow

    return iso(utcnow())


def unanswered_texts(total: int) -> list[str]:
    """Return the counted phrase for 0..total questions ("" for none), for the page script's warnings."""
    return [""] + [arabic.questions_count(n) for n in range(1, total + 1)]


def init_app(app: Flask) -> None:
    """Register the filters and the current-user context on ``app``."""
    app.jinja_env.finalize = bidicontrols.finalize  # no bidi control in anything a page prints
    app.add_template_filter(bidi, "bidi")
    app.add_template_filter(number, "number")
    app.add_template_filter(when, "when")
    app.add_template_filter(iso, "iso")
    app.add_template_global(highlight, "highlight")
    app.add_template_global(now_iso, "now_iso")
    app.add_template_global(unanswered_texts, "unanswered_texts")
    app.add_template_global(local_time, "local_time")
    app.add_template_global(kinds.label, "kind_label")
    app.add_template_global(kinds.shape, "shape_of")
    app.add_template_filter(arabic.questions_count, "questions")
    app.add_template_filter(arabic.minutes_count, "minutes")
    app.add_template_filter(arabic.students_count, "students")
    app.add_template_filter(arabic.answers_count, "answers")
    app.add_template_filter(arabic.attempts_count, "attempts")
    app.add_template_filter(arabic.words_count, "words")
    app.add_template_filter(arabic.cards_count, "cards")
    app.add_template_filter(arabic.reviews_count, "reviews")
    app.add_template_filter(arabic.facts_count, "facts")
    app.add_template_filter(arabic.days_count, "days")
    app.add_template_filter(lambda wait: arabic.interval_count(wait.total_seconds()), "interval")

    @app.context_processor
    def _user() -> dict[str, Any]:
        from quiz.views.auth import current_user

        return {"current_user": current_user()}
