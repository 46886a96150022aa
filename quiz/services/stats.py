"""Quiz statistics: grades across attempts, item analysis as Moodle computes it, a score histogram.

The pure functions at the top take plain numbers, so they are tested against values computed by
hand; ``quiz_results`` and ``quiz_item_analysis`` at the bottom read a quiz's attempts from the
database and feed them in.

Item analysis follows Moodle's quiz statistics report, on FIRST attempts only (practice attempts
never count):

- facility index = mean score on the item / the item's maximum score (Moodle shows it as a %);
- discrimination index = Pearson correlation between the item's score and the score on the REST of
  the test (the total minus this item), so the item is not correlated with itself.

Flags (Moodle prints bands, not flags; these thresholds follow its documented bands):

- ``too_easy``   facility > 0.90  (Moodle: 90-94 % "very easy", 95-100 % "extremely easy");
- ``too_hard``   facility < 0.20  (Moodle: 11-20 % "difficult", 6-10 % "very difficult", <= 5 % "extremely");
- ``negative_discrimination``  discrimination < 0  (Moodle: "question probably invalid").

With only a handful of students these numbers are noisy; the report shows the count next to them.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from quiz import models
from quiz.arabic import students_count

FACILITY_TOO_EASY = 0.9
FACILITY_TOO_HARD = 0.2

TOO_EASY = "too_easy"
TOO_HARD = "too_hard"
NEGATIVE_DISCRIMINATION = "negative_discrimination"

FLAG_LABELS = {
    TOO_EASY: "سهل جدًا",
    TOO_HARD: "صعب جدًا",
    NEGATIVE_DISCRIMINATION: "تمييز سالب",
}

GRADING_RULES = ("highest", "last", "average")


@dataclass(frozen=True)
class ItemStat:
    """The statistics of one question (one column of the score matrix)."""

    index: int
    n: int
    mean: float | None  # mean score in points
    max_score: float
    facility: float | None  # mean / max_score, in [0, 1]
    sd: float | None  # sample standard deviation of the item's score, in points
    discrimination: float | None  # Pearson r with the rest of the test, in [-1, 1]
    flags: tuple[str, ...]


def mean(values: Sequence[float]) -> float | None:
    """Return the arithmetic mean, or None for no values."""
    return sum(values) / len(values) if values else None


def sample_sd(values: Sequence[float]) -> float | None:
    """Return the sample standard deviation (n - 1), or None for fewer than two values."""
    if len(values) < 2:
        return None
    m = sum(values) / len(values)
    return math.sqrt(sum((v - m) ** 2 for v in values) / (len(values) - 1))


def pearson(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    """Return Pearson's r, or None when it is undefined (fewer than two pairs, or no spread)."""
    if len(xs) != len(ys):
        raise ValueError("pearson needs two sequences of the same length")
    n = len(xs)
    if n < 2:
        return None
    mx, my = sum(xs) / n, sum(ys) / n
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    if sxx <= 1e-12 or syy <= 1e-12:
        return None
    return sxy / math.sqrt(sxx * syy)


def flags_for(facility: float | None, discrimination: float | None) -> tuple[str, ...]:
    """Return the review flags for an item's facility and discrimination."""
    flags: list[str] = []
    if facility is not None and facility > FACILITY_TOO_EASY:
        flags.append(TOO_EASY)
    if facility is not None and facility < FACILITY_TOO_HARD:
        flags.append(TOO_HARD)
    if discrimination is not None and discrimination < 0:
        flags.append(NEGATIVE_DISCRIMINATION)
    return tuple(flags)


def item_analysis(matrix: Sequence[Sequence[float]], max_scores: Sequence[float]) -> list[ItemStat]:
    """Compute facility and discrimination per item from a students x items matrix of points.

    Each row is one student's FIRST attempt; a question left unanswered counts as 0.
    """
    for row in matrix:
        if len(row) != len(max_scores):
            raise ValueError("every row needs one score per item")
    totals = [sum(row) for row in matrix]
    stats: list[ItemStat] = []
    for j, top in enumerate(max_scores):
        item = [row[j] for row in matrix]
        rest = [t - s for t, s in zip(totals, item, strict=True)]
        m = mean(item)
        facility = None if m is None or top <= 0 else m / top
        discrimination = pearson(item, rest)
        stats.append(ItemStat(
            index=j, n=len(item), mean=m, max_score=top, facility=facility, sd=sample_sd(item),
            discrimination=discrimination, flags=flags_for(facility, discrimination),
        ))
    return stats


def overall_grade(scores: Sequence[float], rule: str) -> float | None:
    """Combine the scores of a student's counted attempts (in attempt order) by the quiz's rule."""
    if rule not in GRADING_RULES:
        raise ValueError(f"unknown grading rule {rule!r}")
    if not scores:
        return None
    if rule == "highest":
        return max(scores)
    if rule == "last":
        return scores[-1]
    return sum(scores) / len(scores)


def histogram(percentages: Sequence[float], bins: int = 10) -> list[int]:
    """Count scores (0-100) into ``bins`` equal bins; 100 falls into the last bin."""
    counts = [0] * bins
    width = 100 / bins
    for p in percentages:
        p = min(max(p, 0.0), 100.0)
        counts[min(int(p // width), bins - 1)] += 1
    return counts


def histogram_svg(percentages: Sequence[float], *, bins: int = 10, rtl: bool = True,
                  title: str = "توزيع الدرجات", svg_id: str = "score-histogram") -> str:
    """Draw the score distribution as an accessible inline SVG (no script).

    In right-to-left pages the 0 % bin sits on the right, as Arabic readers scan; bar labels and
    the summary in ``<desc>`` carry the same numbers for screen readers.
    """
    counts = histogram(percentages, bins)
    width, height = 640, 300
    left, right, top, bottom = 40, 40, 20, 50
    plot_w, plot_h = width - left - right, height - top - bottom
    peak = max(counts) or 1
    bar_w = plot_w / bins
    step = 100 // bins
    parts: list[str] = []
    summary: list[str] = []
    for i, count in enumerate(counts):
        lo, hi = i * step, (i + 1) * step
        slot = bins - 1 - i if rtl else i
        x = left + slot * bar_w
        h = plot_h * count / peak
        y = top + plot_h - h
        label = f"{lo}–{hi}%"
        text = f"{label}: {students_count(count)}"
        if count:
            summary.append(text)
        parts.append(
            f'<g class="bin"><title>{escape(text)}</title>'
            f'<rect x="{x + 2:.1f}" y="{y:.1f}" width="{bar_w - 4:.1f}" height="{h:.1f}" '
            f'fill="currentColor" opacity="0.75"/>'
            + (f'<text x="{x + bar_w / 2:.1f}" y="{y - 4:.1f}" text-anchor="middle" '
               f'font-size="12">{count}</text>' if count else "")
            + f'<text x="{x + bar_w / 2:.1f}" y="{top + plot_h + 18:.1f}" text-anchor="middle" '
            f'font-size="11" direction="ltr">{escape(label)}</text></g>'
        )
    axis_y = top + plot_h
    total = len(percentages)
    desc = (f"{students_count(total)} في المجموع. " + "؛ ".join(summary)) if total else "لا توجد محاولات بعد."
    direction = "rtl" if rtl else "ltr"
    axis_label = "الدرجة (٪)"
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="histogram" viewBox="0 0 {width} {height}" '
        f'width="100%" role="img" aria-labelledby="{svg_id}-title {svg_id}-desc" direction="{direction}">'
        f'<title id="{svg_id}-title">{escape(title)}</title>'
        f'<desc id="{svg_id}-desc">{escape(desc)}</desc>'
        f'<line x1="{left}" y1="{axis_y}" x2="{width - right}" y2="{axis_y}" stroke="currentColor"/>'
        + "".join(parts)
        + f'<text x="{width / 2:.0f}" y="{height - 8}" text-anchor="middle" font-size="12" '
        f'direction="{direction}">{escape(axis_label)}</text>'
        "</svg>"
    )


# --- from the database ----------------------------------------------------------------------------

RESULT_CSV_HEADER = ("الطالب", "البريد الإلكتروني", "الدرجة (%)", "الدرجة", "من", "المحاولات",
                     "الوقت المستغرق (ثوانٍ)", "آخر تسليم (UTC)")


@dataclass(frozen=True)
class StudentResult:
    """One student's line in a quiz's results: the grade by the quiz's rule over counted attempts."""

    user_id: int
    name: str
    email: str | None
    attempts: int  # submitted, non-practice attempts
    in_progress: int
    percent: float | None  # by the quiz's grading rule
    score: float | None  # points, by the same rule
    max_score: float | None
    seconds: float | None  # time taken by the attempt(s) the grade comes from
    last_submitted: dt.datetime | None


@dataclass(frozen=True)
class QuestionStat:
    """Item analysis of one quiz question, with the question it belongs to."""

    quiz_question_id: int
    position: int
    prompt: str
    kind: str
    stat: ItemStat

    @property
    def flag_labels(self) -> list[str]:
        """Return the Arabic labels of the item's flags."""
        return [FLAG_LABELS[f] for f in self.stat.flags]


def _pct(a: models.Attempt) -> float:
    return 100.0 * (a.score or 0.0) / a.max_score if a.max_score else 0.0


def _seconds(a: models.Attempt) -> float | None:
    if a.submitted_at is None:
        return None
    return max((a.submitted_at - a.started_at).total_seconds(), 0.0)


def _counted_attempts(session: Session, quiz_id: int) -> list[models.Attempt]:
    stmt = (select(models.Attempt).options(selectinload(models.Attempt.user))
            .where(models.Attempt.quiz_id == quiz_id, models.Attempt.practice.is_(False))
            .order_by(models.Attempt.user_id, models.Attempt.number))
    return list(session.scalars(stmt))


def quiz_results(session: Session, quiz: models.Quiz) -> list[StudentResult]:
    """Return one line per student who started the quiz, best grade first."""
    by_user: dict[int, list[models.Attempt]] = {}
    for a in _counted_attempts(session, quiz.id):
        by_user.setdefault(a.user_id, []).append(a)
    rows: list[StudentResult] = []
    for user_id, attempts in by_user.items():
        done = [a for a in attempts if a.submitted_at is not None]
        user = attempts[0].user
        pct = overall_grade([_pct(a) for a in done], quiz.grading)
        points = overall_grade([a.score or 0.0 for a in done], quiz.grading)
        if not done:
            seconds = None
        elif quiz.grading == "highest":
            seconds = _seconds(max(done, key=lambda a: (_pct(a), -a.number)))
        elif quiz.grading == "last":
            seconds = _seconds(done[-1])
        else:
            seconds = mean([s for a in done if (s := _seconds(a)) is not None])
        rows.append(StudentResult(
            user_id=user_id, name=user.name, email=user.email, attempts=len(done),
            in_progress=len(attempts) - len(done), percent=pct, score=points,
            max_score=done[-1].max_score if done else None, seconds=seconds,
            last_submitted=max((a.submitted_at for a in done if a.submitted_at), default=None),
        ))
    rows.sort(key=lambda r: (r.percent is None, -(r.percent or 0.0), r.name))
    return rows


def first_attempt_matrix(session: Session, quiz: models.Quiz) -> tuple[list[models.QuizQuestion], list[list[float]]]:
    """Return the quiz's questions and, per student, the points on each in their FIRST submitted attempt."""
    qqs = sorted(quiz.questions, key=lambda q: q.position)
    firsts: dict[int, models.Attempt] = {}
    for a in _counted_attempts(session, quiz.id):
        if a.submitted_at is not None and a.user_id not in firsts:
            firsts[a.user_id] = a
    if not firsts:
        return qqs, []
    scores: dict[tuple[int, int], float] = {}
    stmt = select(models.Response).where(models.Response.attempt_id.in_([a.id for a in firsts.values()]))
    for r in session.scalars(stmt):
        scores[(r.attempt_id, r.quiz_question_id)] = r.score or 0.0
    matrix = [[scores.get((a.id, qq.id), 0.0) for qq in qqs] for a in firsts.values()]
    return qqs, matrix


def quiz_item_analysis(session: Session, quiz: models.Quiz) -> list[QuestionStat]:
    """Return facility, discrimination and flags for every question of the quiz (first attempts)."""
    qqs, matrix = first_attempt_matrix(session, quiz)
    stats = item_analysis(matrix, [qq.points for qq in qqs])
    out: list[QuestionStat] = []
    for qq, stat in zip(qqs, stats, strict=True):
        data = json.loads(qq.data_json)
        out.append(QuestionStat(qq.id, qq.position + 1, str(data.get("prompt", "")), str(data.get("kind", "")), stat))
    return out


def grade_percentages(session: Session, quiz: models.Quiz) -> list[float]:
    """Return each student's grade (by the quiz's rule, in %) for the histogram."""
    return [r.percent for r in quiz_results(session, quiz) if r.percent is not None]


def results_csv(rows: Sequence[StudentResult]) -> bytes:
    """Return the results as CSV bytes, UTF-8 with a BOM so Excel shows the Arabic names."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(RESULT_CSV_HEADER)
    for r in rows:
        writer.writerow([
            _csv_safe(r.name), r.email or "",
            "" if r.percent is None else f"{r.percent:.1f}",
            "" if r.score is None else f"{r.score:g}", "" if r.max_score is None else f"{r.max_score:g}",
            r.attempts, "" if r.seconds is None else f"{r.seconds:.0f}",
            r.last_submitted.strftime("%Y-%m-%d %H:%M") if r.last_submitted else "",
        ])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def _csv_safe(value: str) -> str:
    # A name starting with = + - @ would run as a formula in a spreadsheet (CSV injection).
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value
