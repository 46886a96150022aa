"""Run every benchmark and print one line per ratio, each against a baseline measured in the same run.

    quiz-page          ratio = attempt question page GET requests/s  /  hello-world GET requests/s   target >= 0.6
    review-page        ratio = «مراجعة اليوم» page GET requests/s     /  hello-world GET requests/s   target >= 0.6
    submit-sqlite      ratio = answer+submit POST requests/s          /  hello-world GET requests/s   target >= 0.35
    submit-postgresql  the same on PostgreSQL (a fresh schema on the local server)                    target >= 0.35
    extract            ratio = fact extraction of ~1 MB of Arabic     /  the name tagger's floor on it  target <= 2.5
                       (python-crfsuite's tag calls on the same feature lists + the per-word features)
    anki-export        ratio = our .apkg of 10,000 questions          /  bare genanki, the same notes target <= 1.5
    results-page       ratio = a teacher's results page of a quiz 5,000 students took (SQLite)
                                                                      /  hello-world GET, same app    target <= 300
    results-page-postgresql  the same on PostgreSQL                                                    target <= 300
                       (in-process with the Flask test client, median of 5 each: bench/results.py)

then ``all ok`` or ``N failed`` (exit status 1). Details (requests/s, seconds) go to stderr.

HTTP figures: the app (``bench.hello:app`` = the production app plus GET /_bench/hello) runs under
gunicorn with the project's gunicorn.conf.py and 2 sync workers on 127.0.0.1, on a fresh database
(migrated and seeded by the app's first run). Students are set up before timing: each joined the
built-in quiz as a guest and started an attempt, and the bench holds their session cookies and CSRF
tokens. The same client (bench/loadgen.py: CONCURRENCY threads, raw HTTP/1.1 requests) then sends
    hello        GET /_bench/hello with a student's cookie;
    quiz page    GET /attempt/<id>?page=<n>, the one-question-per-page screen a student sees while
                 taking the quiz, cycling over every page of READERS students (after a warm-up, so
                 these are views of pages whose state did not change: quiz.views.pagecache serves
                 them; a first view after a change renders the template);
    review page  GET /review, the study page showing a signed-in student's next card due, for
                 REVIEWERS students who took the built-in quiz with an account (cards fed before
                 timing);
    submission   for each fresh attempt, in order: one autosave POST per question (as the page's
                 script sends it) and the submit POST; the figure is POST requests per second (a
                 complete attempt is questions + 1 requests).
Figures are measured in ROUNDS short rounds, alternating between the app's routes and the hello
route, and the best round of each is compared, so a burst of load from elsewhere on the machine
spoils one round and not the ratio. gunicorn runs with the project's settings except that workers
are not recycled (max_requests) in the middle of a measurement.

Run: .venv/bin/python bench/run.py [--quick] [--skip-postgresql] [--skip-sqlite] [--only web|extract|export|results]
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import json
import os
import re
import shutil
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

if any(importlib.util.find_spec(m) is None for m in ("flask", "genanki", "gunicorn", "psycopg", "pycrfsuite")):
    # `python bench/run.py` outside the project's venv: run again with the venv's interpreter.
    venv = ROOT / ".venv"
    if (venv / "bin" / "python").exists() and Path(sys.prefix).resolve() != venv.resolve():
        os.execv(str(venv / "bin" / "python"), [str(venv / "bin" / "python"), __file__, *sys.argv[1:]])  # nosec B606

from bench import loadgen  # noqa: E402

POSTGRES_URL = os.environ.get("FAHIM_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
QUIZ_CODE = "ASFURA"
SECRET = "bench-" + uuid.uuid4().hex
CSRF_META = re.compile(r'<meta name="csrf-token" content="([^"]+)"')

PAGE_TARGET = 0.6
REVIEW_TARGET = 0.6  # at least as fast as the quiz page's target
SUBMIT_TARGET = 0.35
ROUND_SECONDS = 1.5  # short rounds, many of them: a burst of load elsewhere spoils one round, not the ratio
ROUNDS = 8
SUBMIT_ATTEMPTS = 50  # fresh attempts per submission round (more than a round gets through)
READERS = 4  # students whose question pages are read (every page of each)
REVIEWERS = 4  # students with accounts whose review pages are read
WARM_PASSES = 6


# --- ratio lines ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Line:
    """One benchmark's outcome: its ratio against a baseline and the target it must meet."""

    name: str
    ratio: float | None  # None: the benchmark could not run
    target: float
    higher_is_better: bool
    note: str = ""

    @property
    def ok(self) -> bool:
        """Say whether the ratio meets its target."""
        if self.ratio is None:
            return False
        return self.ratio >= self.target if self.higher_is_better else self.ratio <= self.target

    def render(self) -> str:
        """Return the line ``NAME ratio=X target>=Y ok|FAIL``."""
        sign = ">=" if self.higher_is_better else "<="
        ratio = "n/a" if self.ratio is None else f"{self.ratio:.2f}"
        return f"{self.name} ratio={ratio} target{sign}{self.target:g} {'ok' if self.ok else 'FAIL'}"


def summary(lines: Sequence[Line]) -> str:
    """Return the last line: ``all ok`` or ``N failed``."""
    failed = sum(1 for line in lines if not line.ok)
    return "all ok" if failed == 0 else f"{failed} failed"


LINE_RE = re.compile(r"^(?P<name>[\w-]+) ratio=(?P<ratio>[\d.]+|n/a) target(?P<sign>>=|<=)(?P<target>[\d.]+) "
                     r"(?P<verdict>ok|FAIL)$")


def parse_line(text: str) -> Line:
    """Parse a line printed by ``Line.render`` back into a Line (for tests and tools reading the output)."""
    m = LINE_RE.match(text.strip())
    if not m:
        raise ValueError(f"not a ratio line: {text!r}")
    ratio = None if m["ratio"] == "n/a" else float(m["ratio"])
    return Line(m["name"], ratio, float(m["target"]), m["sign"] == ">=")


def detail(text: str) -> None:
    """Print a detail line to stderr (stdout holds only the ratio lines)."""
    print("  " + text, file=sys.stderr, flush=True)


# --- students -------------------------------------------------------------------------------------

@dataclass
class Student:
    """A guest who started an attempt of the built-in quiz: cookie, CSRF token, questions with answers."""

    attempt_id: int
    cookie: str
    token: str
    pages: int
    answers: list[dict[str, str]]  # per question (in the attempt's order): the form fields of one answer


def answer_fields(item: Any) -> dict[str, str]:
    """Return the form fields that answer one question (any valid answer; grading is not timed)."""
    name = f"q-{item.qq_id}"
    if item.choices:
        return {name: item.choices[-1]}
    if item.kind == "matching":
        return {f"{name}-r{i}": item.options[0] for i in range(len(item.rows))}
    if item.kind == "ordering":
        return {f"{name}-i{j}": str(j + 1) for j in range(len(item.items))}
    return {name: "40.27" if item.kind == "numeric" else "هندوراس"}


class Setup:
    """The app in this process, on the benchmark's database, to seed it and enrol students."""

    def __init__(self, url: str, instance: Path) -> None:
        from quiz import create_app

        self.app = create_app({"INSTANCE_PATH": str(instance), "DATABASE_URL": url, "SECRET_KEY": SECRET,
                               "SEED_ON_START": True})
        self.count = 0

    def student(self) -> Student:
        """Join the built-in quiz as a new guest and start an attempt, as a browser would."""
        from quiz.db import get_db
        from quiz.services import attempts as attempt_service

        self.count += 1
        client = self.app.test_client()
        page = client.get(f"/q/{QUIZ_CODE}").get_data(as_text=True)
        token = _csrf(page)
        resp = client.post(f"/q/{QUIZ_CODE}/start", data={"csrf_token": token, "name": f"طالب {self.count}"})
        m = re.search(r"/attempt/(\d+)", resp.headers.get("Location", ""))
        if resp.status_code != 302 or not m:
            raise RuntimeError(f"start: {resp.status_code} {resp.get_data(as_text=True)[:300]}")
        attempt_id = int(m.group(1))
        token = _csrf(client.get(f"/attempt/{attempt_id}").get_data(as_text=True))
        cookie = client.get_cookie("session")
        if cookie is None:
            raise RuntimeError("no session cookie after start")
        database = get_db(self.app)
        with database.session() as session:
            from quiz import models

            attempt = session.get(models.Attempt, attempt_id)
            assert attempt is not None  # just started  # nosec B101
            items = attempt_service.items(session, attempt)
        return Student(attempt_id, cookie.value, token, max(len(items), 1), [answer_fields(it) for it in items])

    def reviewer(self) -> str:
        """Register a student account, take the built-in quiz with it and open the review page; return its cookie."""
        self.count += 1
        client = self.app.test_client()
        token = _csrf(client.get("/register").get_data(as_text=True))
        resp = client.post("/register", data={"csrf_token": token, "name": f"طالب {self.count}",
                                              "email": f"reviewer{self.count}@example.org",
                                              "password": "bench-password", "confirm": "bench-password"})
        if resp.status_code != 302:
            raise RuntimeError(f"register: {resp.status_code}")
        token = _csrf(client.get(f"/q/{QUIZ_CODE}").get_data(as_text=True))
        resp = client.post(f"/q/{QUIZ_CODE}/start", data={"csrf_token": token})
        m = re.search(r"/attempt/(\d+)", resp.headers.get("Location", ""))
        if resp.status_code != 302 or not m:
            raise RuntimeError(f"start: {resp.status_code}")
        resp = client.post(f"/attempt/{m.group(1)}/submit", data={"csrf_token": token, "submit": "1"})
        page = client.get("/review").get_data(as_text=True)
        if resp.status_code != 302 or "/reveal" not in page:
            raise RuntimeError("no card to review after the quiz")
        cookie = client.get_cookie("session")
        if cookie is None:
            raise RuntimeError("no session cookie after registering")
        return cookie.value

    def close(self) -> None:
        """Release the database connections of this process."""
        from quiz.db import get_db

        get_db(self.app).engine.dispose()


def _csrf(page: str) -> str:
    m = CSRF_META.search(page)
    if not m:
        raise RuntimeError("no CSRF token in the page")
    return m.group(1)


def page_jobs(students: Sequence[Student], port: int) -> list[list[bytes]]:
    """Return one GET per (student, page): the question pages the students are looking at."""
    return [[loadgen.build_request("GET", f"/attempt/{s.attempt_id}?page={p}", port=port, cookie=s.cookie)]
            for p in range(1, max(s.pages for s in students) + 1) for s in students if p <= s.pages]


def review_jobs(cookies: Sequence[str], port: int) -> list[list[bytes]]:
    """Return one GET of the review page per reviewing student."""
    return [[loadgen.build_request("GET", "/review", port=port, cookie=c)] for c in cookies]


def hello_jobs(students: Sequence[Student], port: int) -> list[list[bytes]]:
    """Return one GET of the hello-world route per student (same cookie as its quiz page requests)."""
    return [[loadgen.build_request("GET", loadgen.HELLO_PATH, port=port, cookie=s.cookie)] for s in students]


def submit_job(student: Student, port: int) -> list[bytes]:
    """Return a complete attempt's POSTs: an autosave per question, then the submit."""
    ajax = {"X-CSRFToken": student.token, "X-Requested-With": "fetch", "Accept": "application/json"}
    path = f"/attempt/{student.attempt_id}"
    job = [loadgen.build_request("POST", f"{path}/autosave", port=port, cookie=student.cookie, form=fields,
                                 headers=ajax) for fields in student.answers]
    job.append(loadgen.build_request("POST", f"{path}/submit", port=port, cookie=student.cookie,
                                     form={"csrf_token": student.token, "submit": "1"}))
    return job


def expect_submission(reply: loadgen.Reply) -> bool:
    """Accept an autosave's JSON ok and the submit's redirect to the result page."""
    if reply.status == 302:
        return reply.headers.get("location", "").endswith("/result")
    if reply.status == 200:
        try:
            return bool(json.loads(reply.body).get("ok"))
        except ValueError:
            return False
    return False


def expect_review_page(reply: loadgen.Reply) -> bool:
    """Accept the review page showing a card (not a redirect to sign in, not the empty queue)."""
    return reply.status == 200 and b"/reveal" in reply.body


# --- HTTP benchmarks ------------------------------------------------------------------------------

@dataclass
class WebFigures:
    """Best requests/s of each route on one server."""

    hello: float = 0.0
    page: float = 0.0
    review: float = 0.0
    submit: float = 0.0


def best_rps(results: Sequence[loadgen.LoadResult], what: str) -> float:
    """Return the best requests/s of error-free rounds (raise if every round had errors)."""
    clean = [r for r in results if not r.errors and r.requests]
    if not clean:
        errors = [e for r in results for e in r.errors][:5]
        raise RuntimeError(f"{what}: every round had errors: {errors}")
    return max(r.rps for r in clean)


def web_bench(db: str, *, rounds: int, page: bool, seconds: float = ROUND_SECONDS,
              submit_attempts: int = SUBMIT_ATTEMPTS) -> WebFigures:
    """Measure hello, the quiz page (if ``page``) and submissions on ``db`` ('sqlite' or 'postgresql')."""
    from sqlalchemy import text

    from quiz.db import make_engine

    workdir = Path(tempfile.mkdtemp(prefix=f"fahim-bench-{db}-"))
    schema = None
    setup = server = None
    try:
        if db == "sqlite":
            url = f"sqlite:///{workdir / 'bench.sqlite3'}"
        else:
            admin = make_engine(POSTGRES_URL)
            with admin.begin() as conn:
                name = f"fahim_bench_{uuid.uuid4().hex[:10]}"
                conn.execute(text(f'CREATE SCHEMA "{name}"'))
            schema = name
            admin.dispose()
            url = f"{POSTGRES_URL}?options=-csearch_path%3D{schema}"
        setup = Setup(url, workdir / "instance")
        server = loadgen.Server("bench.hello:app", {"DATABASE_URL": url, "FAHIM_SECRET_KEY": SECRET,
                                                   "FAHIM_INSTANCE_PATH": str(workdir / "instance")},
                                workers=2, log=workdir / "gunicorn.log")
        server.wait(loadgen.HELLO_PATH)
        readers = [setup.student() for _ in range(READERS)]
        port = server.port
        hello = hello_jobs(readers, port)
        pages = page_jobs(readers, port)
        reviews = review_jobs([setup.reviewer() for _ in range(REVIEWERS)], port) if page else []
        # Warm both workers (imports, connections, each worker's page cache): every page several times,
        # since which worker answers a request is up to the kernel.
        warm = loadgen.load(port, (pages + reviews + hello) * WARM_PASSES, cycle=False, duration=30.0)
        if warm.errors:
            raise RuntimeError(f"warm-up errors: {warm.errors[:3]}")
        figures: dict[str, list[loadgen.LoadResult]] = {"hello": [], "page": [], "review": [], "submit": []}
        for n in range(rounds):
            # Fresh attempts for this round's submissions, enrolled before the clock starts.
            jobs = [submit_job(setup.student(), port) for _ in range(submit_attempts)]
            order: list[tuple[str, Callable[[], loadgen.LoadResult]]] = [
                ("hello", lambda: loadgen.load(port, hello, duration=seconds)),
                ("submit", lambda: loadgen.load(port, jobs, cycle=False, duration=seconds * 1.5,
                                                expect=expect_submission)),
            ]
            if page:
                order.insert(1, ("page", lambda: loadgen.load(port, pages, duration=seconds)))
                order.insert(2, ("review", lambda: loadgen.load(port, reviews, duration=seconds,
                                                                expect=expect_review_page)))
            if n % 2:
                order.reverse()
            for name, measure in order:
                result = measure()
                figures[name].append(result)
                detail(f"{db} round {n + 1} {name}: {result.requests} requests in {result.seconds:.2f} s = "
                       f"{result.rps:.0f}/s{' errors=' + str(len(result.errors)) if result.errors else ''}")
        out = WebFigures(hello=best_rps(figures["hello"], "hello"), submit=best_rps(figures["submit"], "submit"))
        if page:
            out.page = best_rps(figures["page"], "quiz page")
            out.review = best_rps(figures["review"], "review page")
        return out
    finally:
        if server is not None:
            server.stop()
        if setup is not None:
            setup.close()
        if schema is not None:
            admin = make_engine(POSTGRES_URL)
            with admin.begin() as conn:
                conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
            admin.dispose()
        shutil.rmtree(workdir, ignore_errors=True)


def web_lines(rounds: int, skip_postgresql: bool, skip_sqlite: bool = False) -> list[Line]:
    """Run the HTTP benchmarks; return the quiz-page and submission lines."""
    lines: list[Line] = []
    try:
        if skip_sqlite:
            raise LookupError("skipped")
        lite = web_bench("sqlite", rounds=rounds, page=True)
        detail(f"sqlite best: hello {lite.hello:.0f}/s, quiz page {lite.page:.0f}/s, review page {lite.review:.0f}/s, "
               f"submission POSTs {lite.submit:.0f}/s")
        lines.append(Line("quiz-page", lite.page / lite.hello, PAGE_TARGET, True))
        lines.append(Line("review-page", lite.review / lite.hello, REVIEW_TARGET, True))
        lines.append(Line("submit-sqlite", lite.submit / lite.hello, SUBMIT_TARGET, True))
    except LookupError:
        pass
    except Exception as exc:  # noqa: BLE001 - a broken benchmark is a FAIL line, not a crash
        detail(f"sqlite web benchmark failed: {exc!r}")
        lines += [Line("quiz-page", None, PAGE_TARGET, True), Line("review-page", None, REVIEW_TARGET, True),
                  Line("submit-sqlite", None, SUBMIT_TARGET, True)]
    if skip_postgresql:
        return lines
    try:
        pg = web_bench("postgresql", rounds=rounds, page=False)
        detail(f"postgresql best: hello {pg.hello:.0f}/s, submission POSTs {pg.submit:.0f}/s")
        lines.append(Line("submit-postgresql", pg.submit / pg.hello, SUBMIT_TARGET, True))
    except Exception as exc:  # noqa: BLE001
        detail(f"postgresql web benchmark failed: {exc!r}")
        lines.append(Line("submit-postgresql", None, SUBMIT_TARGET, True))
    return lines


# --- CPU benchmarks -------------------------------------------------------------------------------

def extract_line(runs: int) -> Line:
    """Fact extraction of ~1 MB of Arabic against the floor under its name tagger (bench/extract.py)."""
    from bench import extract

    ratio, scan_ratio = extract.measure(runs)
    target = extract.TARGET
    detail(f"extract: {ratio:.2f}x the tagger's floor, {scan_ratio:.1f}x a regex digit scan of the same text")
    # Its caches hold a megabyte of text's words: left in place, the collector would walk them all
    # during the export benchmark that runs next in this process and slow only our side of it.
    extract.clear_caches()
    gc.collect()
    return Line("extract", ratio, target, False)


def generate_lines() -> list[Line]:
    """Question generation: the built-in article against its extraction, and a 200 KB article against
    the built-in one scaled to its size (bench/generate.py)."""
    from bench import generate

    gen, extract = generate.typical()
    many, one, copies = generate.large()
    detail(f"generation: built-in article {gen * 1000:.1f} ms (extraction {extract * 1000:.1f} ms), "
           f"{copies} copies of it (~200 KB) {many:.2f} s")
    return [Line("generate", gen / extract, generate.TARGET, False),
            Line("generate-200k", many / (one * copies), generate.LINEAR_TARGET, False)]


def export_line(repeats: int) -> Line:
    """Anki export of 10,000 questions against bare genanki (bench/export.py)."""
    from bench import export

    ours, base = export.run(repeats=repeats)
    detail(f"anki export: ours {ours:.3f} s, bare genanki {base:.3f} s")
    return Line("anki-export", ours / base, export.TARGET, False)


def results_lines(skip_postgresql: bool, skip_sqlite: bool) -> list[Line]:
    """The results page of a quiz 5,000 students took against the hello-world route, in the same app (bench/results.py)."""
    from bench import results

    lines = []
    for db, name, skip in (("sqlite", "results-page", skip_sqlite),
                           ("postgresql", "results-page-postgresql", skip_postgresql)):
        if skip:
            continue
        try:
            figures = results.measure(db, results.STUDENTS)
        except Exception as exc:  # noqa: BLE001 - a broken benchmark is a FAIL line, not a crash
            detail(f"{name} failed: {exc!r}")
            lines.append(Line(name, None, results.TARGET, False))
            continue
        detail(figures.render())
        lines.append(Line(name, figures.page_ms / figures.hello_ms, results.TARGET, False))
    return lines


def main(argv: list[str] | None = None) -> int:
    """Run every benchmark, print the ratio lines and the summary; exit 1 when any misses its target."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--quick", action="store_true", help="fewer rounds (a smoke run, noisier ratios)")
    parser.add_argument("--skip-postgresql", action="store_true", help="leave out submit-postgresql")
    parser.add_argument("--skip-sqlite", action="store_true", help="leave out quiz-page and submit-sqlite")
    parser.add_argument("--only", choices=("web", "extract", "generate", "export", "results"),
                        help="run one group only")
    args = parser.parse_args(argv)
    rounds = 1 if args.quick else ROUNDS
    started = time.monotonic()
    lines: list[Line] = []
    if args.only in (None, "web"):
        lines += web_lines(rounds, args.skip_postgresql, args.skip_sqlite)
    if args.only in (None, "extract"):
        lines.append(_guarded("extract", lambda: extract_line(1 if args.quick else 3), 2.5))
    if args.only in (None, "generate"):
        try:
            lines += generate_lines()
        except Exception as exc:  # noqa: BLE001 - a broken benchmark is a FAIL line, not a crash
            detail(f"generate failed: {exc!r}")
            lines += [Line("generate", None, 3.0, False), Line("generate-200k", None, 1.5, False)]
    if args.only in (None, "export"):
        lines.append(_guarded("anki-export", lambda: export_line(2 if args.quick else 5), 1.5))
    if args.only in (None, "results"):
        lines += results_lines(args.skip_postgresql, args.skip_sqlite)
    for line in lines:
        print(line.render(), flush=True)
    print(summary(lines), flush=True)
    detail(f"bench/run.py took {time.monotonic() - started:.0f} s")
    return 0 if all(line.ok for line in lines) else 1


def _guarded(name: str, fn: Callable[[], Line], target: float) -> Line:
    try:
        return fn()
    except Exception as exc:  # noqa: BLE001 - a broken benchmark is a FAIL line, not a crash
        detail(f"{name} failed: {exc!r}")
        return Line(name, None, target, False)


if __name__ == "__main__":
    sys.exit(main())
