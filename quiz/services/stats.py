"""Quiz statistics: grades across attempts, item analysis as Moodle computes it, a score histogram.

The pure functions at the top take plain numbers, so they are tested against values computed by
hand; ``quiz_item_analysis`` at the bottom computes the same numbers with aggregate queries
(``quiz.services.results`` holds the results table).

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

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, aliased

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
    """Draw the score distribution as an accessible inline SVG (no script); see ``histogram_svg_of``."""
    return histogram_svg_of(histogram(percentages, bins), rtl=rtl, title=title, svg_id=svg_id)


def histogram_svg_of(counts: Sequence[int], *, rtl: bool = True, title: str = "توزيع الدرجات",
                     svg_id: str = "score-histogram") -> str:
    """Draw scores already counted into equal bins of 0-100 % as an accessible inline SVG (no script).

    In right-to-left pages the 0 % bin sits on the right, as Arabic readers scan; bar labels and
    the summary in ``<desc>`` carry the same numbers for screen readers.
    """
    bins = len(counts)
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
    total = sum(counts)
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


def item_from_sums(index: int, n: int, top: float, sx: float, sxx: float, sxt: float, st: float,
                   stt: float) -> ItemStat:
    """Compute one item's statistics from sums over the ``n`` students: of its score x, x², x·T, and of
    the total T and T² (the same numbers ``item_analysis`` computes from the whole matrix).

    The rest of the test is r = T - x, so Σr = ΣT - Σx, Σr² = ΣT² - 2Σx·T + Σx², Σx·r = Σx·T - Σx².
    """
    if n == 0:
        return ItemStat(index=index, n=0, mean=None, max_score=top, facility=None, sd=None,
                        discrimination=None, flags=())
    m = sx / n
    facility = None if top <= 0 else m / top
    sxx_c = max(sxx - sx * sx / n, 0.0)  # Σ(x - mean)²
    sd = math.sqrt(sxx_c / (n - 1)) if n >= 2 else None
    sr = st - sx
    srr_c = max(stt - 2 * sxt + sxx - sr * sr / n, 0.0)
    sxr_c = (sxt - sxx) - sx * sr / n
    discrimination = None
    if n >= 2 and sxx_c > 1e-12 and srr_c > 1e-12:
        discrimination = min(max(sxr_c / math.sqrt(sxx_c * srr_c), -1.0), 1.0)
    return ItemStat(index=index, n=n, mean=m, max_score=top, facility=facility, sd=sd,
                    discrimination=discrimination, flags=flags_for(facility, discrimination))


def first_attempts(quiz_id: int, class_id: int | None = None) -> Select[Any]:
    """Select each student's FIRST submitted attempt of the quiz (id, score); practice never counts."""
    A = models.Attempt
    earlier = aliased(A)
    stmt = (select(A.id, A.score)
            .where(A.quiz_id == quiz_id, A.practice.is_(False), A.submitted_at.is_not(None))
            .where(~select(earlier.id).where(
                earlier.quiz_id == quiz_id, earlier.user_id == A.user_id, earlier.number < A.number,
                earlier.practice.is_(False), earlier.submitted_at.is_not(None)).exists()))
    if class_id is not None:
        M = models.ClassMember
        stmt = stmt.where(A.user_id.in_(select(M.user_id).where(M.class_id == class_id)))
    return stmt


@dataclass(frozen=True)
class ItemSums:
    """The sums over first attempts that item statistics come from: students, their totals, each question's."""

    n: int
    st: float  # sum of the students' totals
    stt: float  # sum of their squares
    questions: dict[int, tuple[float, float, float]]  # quiz question id -> (sx, sxx, sxt)


def quiz_item_sums(session: Session, quiz: models.Quiz, *, class_id: int | None = None) -> ItemSums:
    """Return the sums item statistics need, over each student's first attempt (two aggregate queries).

    The students' totals (an attempt's score is the sum of its answers' points), then per question the
    sums of its points, their squares and their products with the totals.
    """
    R = models.Response
    firsts = first_attempts(quiz.id, class_id).cte("firsts")
    t = func.coalesce(firsts.c.score, 0.0)
    n, st, stt = session.execute(select(func.count(), func.sum(t), func.sum(t * t)).select_from(firsts)).one()
    x = func.coalesce(R.score, 0.0)
    sums = {row.qq: (float(row.sx), float(row.sxx), float(row.sxt)) for row in session.execute(
        select(R.quiz_question_id.label("qq"), func.sum(x).label("sx"), func.sum(x * x).label("sxx"),
               func.sum(x * t).label("sxt"))
        .select_from(firsts).join(R, R.attempt_id == firsts.c.id).group_by(R.quiz_question_id))}
    return ItemSums(int(n or 0), float(st or 0.0), float(stt or 0.0), sums)


def item_analysis_of(session: Session, quiz: models.Quiz, sums: ItemSums) -> list[QuestionStat]:
    """Return facility, discrimination and flags for every question of the quiz as it is now, from ``sums``.

    A question left unanswered counts as 0.
    """
    QQ = models.QuizQuestion
    questions = session.execute(select(QQ.id, QQ.position, QQ.points, QQ.data_json).where(QQ.quiz_id == quiz.id)
                                .order_by(QQ.position, QQ.id)).all()
    out: list[QuestionStat] = []
    for j, qq in enumerate(questions):
        sx, sxx, sxt = sums.questions.get(qq.id, (0.0, 0.0, 0.0))
        stat = item_from_sums(j, sums.n, float(qq.points), sx, sxx, sxt, sums.st, sums.stt)
        data = json.loads(qq.data_json)
        out.append(QuestionStat(qq.id, qq.position + 1, str(data.get("prompt", "")), str(data.get("kind", "")), stat))
    return out


def quiz_item_analysis(session: Session, quiz: models.Quiz, *, class_id: int | None = None) -> list[QuestionStat]:
    """Return facility, discrimination and flags for every question of the quiz (first attempts).

    Three queries whatever the number of students: ``quiz_item_sums``, then the questions.
    """
    return item_analysis_of(session, quiz, quiz_item_sums(session, quiz, class_id=class_id))
