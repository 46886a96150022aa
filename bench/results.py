"""The results page and CSV of a quiz taken by a whole school, measured in-process on SQLite and PostgreSQL.

For each size (default 5,000 and 20,000 students) a fresh database gets the built-in quiz, a teacher
who owns it, and the students' attempts (``bench/school.py``); then the Flask test client times the
results page's first view (which aggregates every attempt), then the page again (median of 5 after
one more warm-up: the aggregates kept from the first view), its size, and the full CSV download; the hello-world
route is timed the same way in the same app as the baseline. Prints one line per database and size:

    results sqlite 5000: page 40 ms (first view 300 ms, 33 kB, 6 queries), csv 450 ms (330 kB), hello 0.4 ms

    .venv/bin/python bench/results.py [--sizes 5000,20000] [--skip-postgresql]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import event, select, text  # noqa: E402

from bench.school import populate  # noqa: E402
from quiz import create_app, models  # noqa: E402
from quiz.db import get_db, make_engine  # noqa: E402
from quiz.services import users as user_service  # noqa: E402

POSTGRES_URL = os.environ.get("FAHIM_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
HELLO = "/_bench/results-hello"
TIMES = 5
STUDENTS = 5000  # the school of bench/run.py's results-page lines
TARGET = 300.0  # the results page costs at most 300 hello-world requests (about 300 ms where hello takes 1 ms)


@dataclass(frozen=True)
class Figures:
    """One size on one database: the page's and the CSV's times and sizes, and the hello baseline."""

    db: str
    students: int
    page_ms: float
    page_bytes: int
    queries: int
    csv_ms: float
    csv_bytes: int
    hello_ms: float
    build_s: float
    first_ms: float = 0.0  # the first view, which aggregates every attempt (later views reuse it)

    def render(self) -> str:
        """Return the figures as one line."""
        return (f"results {self.db} {self.students}: page {self.page_ms:.0f} ms (first view {self.first_ms:.0f} ms, "
                f"{self.page_bytes / 1000:.0f} kB, "
                f"{self.queries} queries), csv {self.csv_ms:.0f} ms ({self.csv_bytes / 1000:.0f} kB), "
                f"hello {self.hello_ms:.2f} ms, data built in {self.build_s:.1f} s")


@contextmanager
def database(db: str) -> Iterator[str]:
    """Yield the URL of a fresh database of kind ``db`` and drop it afterwards."""
    if db == "sqlite":
        with tempfile.TemporaryDirectory() as tmp:
            yield f"sqlite:///{tmp}/results.sqlite3"
        return
    schema = f"fahim_results_{uuid.uuid4().hex[:10]}"
    admin = make_engine(POSTGRES_URL)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield f"{POSTGRES_URL}?options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def _median_ms(fn: Any) -> float:
    fn()
    times = []
    for _ in range(TIMES):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def measure(db: str, students: int) -> Figures:
    """Build a school of ``students`` on ``db`` and time its results page and CSV."""
    with database(db) as url, tempfile.TemporaryDirectory() as tmp:
        app = create_app({"INSTANCE_PATH": tmp, "DATABASE_URL": url, "SECRET_KEY": "bench", "SEED_ON_START": True,
                          "RATELIMIT_ENABLED": False})
        app.add_url_rule(HELLO, "results_hello", lambda: "Hello, World!")
        engine = get_db(app).engine
        with get_db(app).session() as session:
            teacher = user_service.create_account(session, name="معلّم", email="t@example.org", password="x" * 10,
                                                  role="teacher")
            quiz_id = session.scalars(select(models.Quiz.id)).one()
            session.get(models.Quiz, quiz_id).owner_id = teacher.id  # type: ignore[union-attr]
            session.commit()
            start = time.perf_counter()
            populate(session, quiz_id, students)
            build = time.perf_counter() - start
            teacher_id, version = teacher.id, teacher.session_version
        if db == "postgresql":
            with engine.begin() as conn:
                conn.execute(text("ANALYZE"))
        client = app.test_client()
        with client.session_transaction() as sess:
            sess["user_id"], sess["sv"] = teacher_id, version
        page_url, csv_url = f"/teacher/quizzes/{quiz_id}/results", f"/teacher/quizzes/{quiz_id}/results.csv"
        sizes: dict[str, int] = {}

        def get(url: str) -> None:
            reply = client.get(url)
            assert reply.status_code == 200, (url, reply.status_code)  # nosec B101
            sizes[url] = len(reply.get_data())

        counted = [0]

        def count(*_: Any) -> None:
            counted[0] += 1

        start = time.perf_counter()
        get(page_url)
        first_ms = (time.perf_counter() - start) * 1000
        page_ms = _median_ms(lambda: get(page_url))
        event.listen(engine, "before_cursor_execute", count)
        get(page_url)
        event.remove(engine, "before_cursor_execute", count)
        csv_ms = _median_ms(lambda: get(csv_url))
        hello_ms = _median_ms(lambda: get(HELLO))
        engine.dispose()
        return Figures(db, students, page_ms, sizes[page_url], counted[0], csv_ms, sizes[csv_url], hello_ms, build,
                       first_ms)


def main(argv: list[str] | None = None) -> int:
    """Print the figures for every database and size."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="5000,20000")
    parser.add_argument("--skip-postgresql", action="store_true")
    parser.add_argument("--skip-sqlite", action="store_true")
    args = parser.parse_args(argv)
    dbs = [d for d, skip in (("sqlite", args.skip_sqlite), ("postgresql", args.skip_postgresql)) if not skip]
    for db in dbs:
        for size in (int(s) for s in args.sizes.split(",")):
            print(measure(db, size).render(), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
