"""The detailed results sheet: one CSV row per student, attempt and question, written as it is read.

Beside the summary CSV (one row per student, ``quiz.services.stats``), this sheet holds every answer
of every submitted graded attempt: who, in which class, which attempt, the question (by its place in
the quiz), the answer given, the right one, the verdict and the points. It is UTF-8 with a
byte-order mark, so Excel reads the Arabic, and a cell that a spreadsheet would run as a formula is
quoted. Rows are produced as they are read, a few hundred attempts per query, so a large quiz is
neither held in memory nor read with one query per student.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from questions.kinds import label
from quiz import models
from quiz.services import attempts as attempt_service
from quiz.services.answers import class_names, quiz_positions, responses_of
from quiz.services.snapshots import snapshots

HEADER = ("الطالب", "البريد الإلكتروني", "الصف", "المحاولة", "رقم السؤال", "نوع السؤال", "السؤال",
          "الإجابة المعطاة", "الإجابة الصحيحة", "الحكم", "النقاط", "من")
RIGHT, PARTLY, WRONG, BLANK = "صحيحة", "صحيحة جزئيًا", "خاطئة", "لم يُجب"
ATTEMPTS_PER_QUERY = 500
ROWS_PER_CHUNK = 200
_EPS = 1e-9


def spreadsheet_safe(value: str) -> str:
    """Return ``value`` so a spreadsheet shows it as text: a leading = + - @ would run as a formula."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def _points(value: float) -> str:
    return f"{value:g}"


def _verdict(earned: float, points: float, answered: bool) -> str:
    if not answered:
        return BLANK
    if earned >= points - _EPS:
        return RIGHT
    return PARTLY if earned > _EPS else WRONG


def rows(session: Session, quiz: models.Quiz) -> Iterator[list[str]]:
    """Yield one row per question of every submitted graded attempt, by student, attempt and question."""
    A, U = models.Attempt, models.User
    attempts = session.execute(
        select(A.id, A.number, A.question_ids_json, U.id.label("user_id"), U.name, U.email)
        .join(U, U.id == A.user_id)
        .where(A.quiz_id == quiz.id, A.practice.is_(False), A.submitted_at.is_not(None))
        .order_by(U.name, U.id, A.number)
    ).all()
    places = quiz_positions(quiz)
    qqs = snapshots(session, list(places))
    classes = class_names(session, quiz.id)
    for start in range(0, len(attempts), ATTEMPTS_PER_QUERY):
        chunk = attempts[start:start + ATTEMPTS_PER_QUERY]
        saved = responses_of(session, [a.id for a in chunk])
        for a in chunk:
            answers = saved.get(a.id, {})
            who = [spreadsheet_safe(a.name), a.email or "", "، ".join(classes.get(a.user_id, [])), str(a.number)]
            for qq_id in sorted((int(i) for i in json.loads(a.question_ids_json) if int(i) in qqs),
                                key=places.__getitem__):
                snap = qqs[qq_id]
                q = snap.question
                response = answers.get(qq_id)
                given = attempt_service.given_answers(q, json.loads(response.answer_json)) if response else []
                earned = (response.score or 0.0) if response else 0.0
                yield who + [
                    str(places[qq_id]), label(q.kind), spreadsheet_safe(q.prompt),
                    spreadsheet_safe("، ".join(given)), spreadsheet_safe("، ".join(attempt_service.expected_answers(q))),
                    _verdict(earned, snap.points, response is not None), _points(earned), _points(snap.points),
                ]


def csv_chunks(lines: Iterable[Sequence[str]]) -> Iterator[bytes]:
    """Yield the sheet as UTF-8 CSV bytes with a byte-order mark, a few hundred rows at a time."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    buf.write("\ufeff")
    writer.writerow(HEADER)
    for n, line in enumerate(lines, start=1):
        writer.writerow(line)
        if n % ROWS_PER_CHUNK == 0:
            yield buf.getvalue().encode("utf-8")
            buf.seek(0)
            buf.truncate()
    yield buf.getvalue().encode("utf-8")
