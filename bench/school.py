"""A whole school's attempts at one quiz, written straight into the database in bulk (seconds, not minutes).

``populate`` adds ``students`` guests, each with a submitted attempt whose answers are right or wrong
by the student's ability (so grades spread and item statistics mean something), some with a second
attempt, and ``expired`` more students whose timed attempt ran out without a submission. The rows
are what the app itself writes (graded responses, scores, times), inserted with multi-row statements.

    .venv/bin/python bench/school.py --students 5000 [--database URL]   # prints the seconds it took
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import insert, select  # noqa: E402
from sqlalchemy.orm import Session  # noqa: E402

from quiz import models  # noqa: E402
from quiz.services.banks import load_question  # noqa: E402

CHUNK = 1000


def _wrong(q: Any) -> Any:
    # A wrong answer of the question's form: another option, or a typed word that is not the answer.
    others = [c for c in q.choices if c != q.answer]
    return others[0] if others else "لا أعرف"


def populate(session: Session, quiz_id: int, students: int, *, expired: int = 0, seed: int = 0,
             class_id: int | None = None, now: dt.datetime | None = None) -> None:
    """Add ``students`` students with graded attempts (and ``expired`` with timed-out open ones) to the quiz."""
    rng = random.Random(seed)
    now = now or models.utcnow()
    qqs = session.execute(select(models.QuizQuestion.id, models.QuizQuestion.points, models.QuizQuestion.data_json)
                          .where(models.QuizQuestion.quiz_id == quiz_id)
                          .order_by(models.QuizQuestion.position)).all()
    questions = [(qq.id, float(qq.points), load_question(qq.data_json)) for qq in qqs]
    ids = [qq_id for qq_id, _, _ in questions]
    right = {qq_id: json.dumps(q.answer, ensure_ascii=False) for qq_id, _, q in questions}
    wrong = {qq_id: json.dumps(_wrong(q), ensure_ascii=False) for qq_id, _, q in questions}
    total = round(sum(points for _, points, _ in questions), 4)
    done = 0
    while done < students + expired:
        size = min(CHUNK, students + expired - done)
        users = [{"name": f"طالب {done + i + 1}", "role": "guest", "created_at": now, "session_version": 0}
                 for i in range(size)]
        user_ids = list(session.scalars(insert(models.User).returning(models.User.id, sort_by_parameter_order=True),
                                        users))
        if class_id is not None:
            session.execute(insert(models.ClassMember), [
                {"class_id": class_id, "user_id": uid, "name": u["name"], "name_key": u["name"], "joined_at": now}
                for uid, u in zip(user_ids, users, strict=True)])
        attempts: list[dict[str, Any]] = []
        answers: list[list[tuple[int, bool]]] = []
        for k, uid in enumerate(user_ids):
            open_one = done + k >= students
            ability = rng.random()
            tries = 1 if open_one or rng.random() < 0.8 else 2
            for number in range(1, tries + 1):
                started = now - dt.timedelta(hours=2, minutes=rng.randrange(600))
                marks = [(qq_id, rng.random() < ability) for qq_id in ids]
                order = rng.sample(ids, len(ids))
                score = round(sum(points for (_, points, _), (_, ok) in zip(questions, marks, strict=True) if ok), 4)
                attempts.append({
                    "quiz_id": quiz_id, "user_id": uid, "number": number, "practice": False,
                    "question_ids_json": json.dumps(order), "option_order_json": "{}", "started_at": started,
                    "time_limit_at": started + dt.timedelta(minutes=20),
                    "submitted_at": None if open_one else started + dt.timedelta(seconds=rng.randrange(120, 1200)),
                    "score": None if open_one else score, "max_score": None if open_one else total,
                })
                answers.append(marks)
        attempt_ids = list(session.scalars(
            insert(models.Attempt).returning(models.Attempt.id, sort_by_parameter_order=True), attempts))
        responses = []
        for attempt_id, attempt, marks in zip(attempt_ids, attempts, answers, strict=True):
            graded = attempt["submitted_at"] is not None
            for (qq_id, points, _), (_, ok) in zip(questions, marks, strict=True):
                responses.append({"attempt_id": attempt_id, "quiz_question_id": qq_id,
                                  "answer_json": right[qq_id] if ok else wrong[qq_id],
                                  "saved_at": attempt["started_at"] + dt.timedelta(minutes=1),
                                  "score": (points if ok else 0.0) if graded else None})
        for start in range(0, len(responses), CHUNK * 4):
            session.execute(insert(models.Response), responses[start:start + CHUNK * 4])
        session.commit()
        done += size


def main(argv: list[str] | None = None) -> int:
    """Build a fresh database with the built-in quiz and ``--students`` attempts at it; print the time taken."""
    import tempfile

    from quiz import create_app
    from quiz.db import get_db

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--students", type=int, default=5000)
    parser.add_argument("--expired", type=int, default=0)
    parser.add_argument("--database", help="database URL (default: a new SQLite file)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        app = create_app({"INSTANCE_PATH": tmp, "DATABASE_URL": args.database or f"sqlite:///{tmp}/school.sqlite3",
                          "SECRET_KEY": "bench", "SEED_ON_START": True})
        with get_db(app).session() as session:
            quiz_id = session.scalars(select(models.Quiz.id)).first()
            assert quiz_id is not None  # nosec B101 - seeded above
            start = time.perf_counter()
            populate(session, quiz_id, args.students, expired=args.expired)
            print(f"{args.students} students' attempts written in {time.perf_counter() - start:.1f} s")
        get_db(app).engine.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
