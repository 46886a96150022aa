"""Load and fault run: 200 students take the built-in quiz at once against gunicorn; nothing may be lost.

Starts the app under gunicorn (gunicorn.conf.py, >= 2 workers) on a free 127.0.0.1 port with a fresh
database (SQLite file, or a fresh schema on the local PostgreSQL server), migrated and seeded. Then
N concurrent students, each a thread with its own cookies, behave like a browser: open the home
page, join with the code, start with a display name, open every question page and autosave an
answer to each (fetch with the X-CSRFToken header), and submit. CSRF tokens come from the pages.
Finally the database is read and one line is printed:

    sent=N recorded=N duplicated=N errors5xx=N lost=N

sent: students who sent a submission; recorded: students with a submitted attempt in the database;
duplicated: submitted attempts beyond one per student plus duplicate answer rows; errors5xx: 5xx
responses seen; lost: students who sent a submission that the database does not hold (with
--teacher-edit, also answers whose autosave the server acknowledged that the database does not hold).

--teacher-edit gives the quiz a close time an hour ahead, and in the middle of the run the teacher moves
it to a few seconds ahead (the quiz's row, as the settings page stores it). Students still answering
then are refused (an autosave answers 409 and the page opens the result, a submission closes the
attempt at the close time, a start is refused) and stop there. A second line counts, from the database,
what was accepted after the new close (attempts submitted after it, answers saved after it: both must
be 0) and the answers the server acknowledged before it that the database does not hold (lost).

--kill-worker SIGKILLs one gunicorn worker in the middle of the run (gunicorn starts a new one).
Students retry a request whose connection broke, as a browser's retry would (every step is
idempotent: start resumes the open attempt, autosave overwrites, a second submit changes nothing),
but one: a start whose response never arrived (a timeout on a starved machine) made a guest whose
cookie the student never got, so the retry joins as a second guest of the same name and the first one's
attempt stays open, unvisited (repeated_guests counts them; with --teacher-edit they show as still open).
A second line reports the kill, the retries, every submitted attempt's answers, and the database's
consistency (SQLite: PRAGMA integrity_check and foreign_key_check; PostgreSQL: orphan rows per
foreign key and duplicate rows per UNIQUE constraint).

Run: .venv/bin/python bench/load.py --db sqlite [--kill-worker | --teacher-edit] [--students 200]
     .venv/bin/python bench/load.py --db postgresql [--kill-worker | --teacher-edit]
Traffic goes only to 127.0.0.1. Exit status 1 when a count is not exact or the database is inconsistent.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import http.client
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import uuid
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import Engine, func, select, text  # noqa: E402

from quiz import models  # noqa: E402
from quiz.db import make_engine  # noqa: E402

CLOSE_LEAD = 3.0  # --teacher-edit: seconds between the teacher's edit and the new close time
POSTGRES_URL = os.environ.get("FAHIM_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
QUIZ_CODE = "ASFURA"
REQUEST_TIMEOUT = 60.0
RETRIES = 8
CSRF_META = re.compile(r'<meta name="csrf-token" content="([^"]+)"')
FIELDSET = re.compile(r'<fieldset class="question kind-([a-z_]+)[^"]*"[^>]*data-qid="(\d+)"[^>]*>(.*?)</fieldset>', re.S)
RADIO = re.compile(r'<input type="radio" name="(q-\d+)" value="([^"]*)"')
SELECT = re.compile(r'<select id="[^"]*" name="(q-\d+-r\d+)">(.*?)</select>', re.S)
OPTION = re.compile(r'<option value="([^"]+)"')
RANK = re.compile(r'<input id="[^"]*" name="(q-\d+-i\d+)" class="rank"')
TEXT = re.compile(r'<input id="(q-\d+)" name="q-\d+" type="text"')
PAGES = re.compile(r'السؤال \d+ من (\d+)')


class TransientError(Exception):
    """The connection broke before a response (a killed worker): the request may be retried."""


@dataclass
class Stats:
    """Counters shared by the student threads."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    status: Counter[int] = field(default_factory=Counter)
    retries: int = 0
    requests: int = 0
    submitted: int = 0
    failures: list[str] = field(default_factory=list)
    refused: Counter[str] = field(default_factory=Counter)  # --teacher-edit: what the close turned away

    def refuse(self, what: str) -> None:
        """Record one request turned away because the quiz closed."""
        with self.lock:
            self.refused[what] += 1

    def count(self, status: int) -> None:
        """Record one response."""
        with self.lock:
            self.status[status] += 1
            self.requests += 1

    def retry(self) -> None:
        """Record one retried request."""
        with self.lock:
            self.retries += 1


class Student:
    """One browser: its own cookie, following redirects, retrying a request whose connection broke."""

    def __init__(self, number: int, port: int, stats: Stats, closing: bool = False) -> None:
        self.name = f"طالب {number:03d}"
        self.port = port
        self.stats = stats
        self.closing = closing  # the quiz may close during the run: a refusal ends the student's work
        self.cookie = ""
        self.token = ""
        self.sent = False
        self.acknowledged = False
        self.saved: set[int] = set()  # questions whose autosave the server acknowledged

    # --- HTTP -----------------------------------------------------------------------------------
    def _once(self, method: str, path: str, body: bytes | None, headers: dict[str, str]) -> tuple[int, str, str]:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=REQUEST_TIMEOUT)
        try:
            all_headers = {"Host": f"127.0.0.1:{self.port}", "Connection": "close", **headers}
            if self.cookie:
                all_headers["Cookie"] = f"session={self.cookie}"
            conn.request(method, path, body=body, headers=all_headers)
            resp = conn.getresponse()
            data = resp.read().decode("utf-8", "replace")
        except (ConnectionError, http.client.HTTPException, socket.timeout, OSError) as exc:
            raise TransientError(f"{method} {path}: {exc!r}") from exc
        finally:
            conn.close()
        for key, value in resp.getheaders():
            if key.lower() == "set-cookie" and value.startswith("session="):
                self.cookie = value.split(";", 1)[0][len("session="):]
        self.stats.count(resp.status)
        return resp.status, resp.getheader("Location") or "", data

    def request(self, method: str, path: str, form: dict[str, str] | None = None,
                headers: dict[str, str] | None = None) -> tuple[int, str, str]:
        """Send a request (retrying a broken connection) and follow redirects; return status, url, body."""
        body = urllib.parse.urlencode(form).encode() if form is not None else None
        hdrs = dict(headers or {})
        if body is not None:
            hdrs["Content-Type"] = "application/x-www-form-urlencoded"
        for attempt in range(RETRIES):
            try:
                status, location, data = self._once(method, path, body, hdrs)
                while status in (301, 302, 303) and location:
                    path = urllib.parse.urlsplit(location)._replace(scheme="", netloc="").geturl()
                    method, body, hdrs = "GET", None, {}
                    status, location, data = self._once("GET", path, None, {})
                if status >= 500:
                    raise TransientError(f"{method} {path}: {status}")
                break
            except TransientError:
                if attempt == RETRIES - 1:
                    raise
                self.stats.retry()
                time.sleep(min(0.1 * 2 ** attempt, 3.0))
        found = CSRF_META.search(data)
        if found:
            self.token = found.group(1)
        return status, path, data

    # --- the quiz --------------------------------------------------------------------------------
    def run(self) -> None:
        """Join, answer every question, submit."""
        self.request("GET", "/")
        status, path, _ = self.request("POST", "/join", {"csrf_token": self.token, "code": QUIZ_CODE})
        if status != 200 or not path.startswith(f"/q/{QUIZ_CODE}"):
            raise RuntimeError(f"join: {status} {path}")
        status, path, page = self.request("POST", f"/q/{QUIZ_CODE}/start",
                                          {"csrf_token": self.token, "name": self.name})
        m = re.match(r"/attempt/(\d+)", path)
        if self.closing and status == 200 and path == f"/q/{QUIZ_CODE}":
            self.stats.refuse("starts")  # the quiz closed before this student started
            return
        if status != 200 or not m:
            raise RuntimeError(f"start: {status} {path}")
        attempt = m.group(1)
        pages = int(PAGES.search(page).group(1)) if PAGES.search(page) else 1
        for number in range(1, pages + 1):
            if number > 1:
                status, _, page = self.request("GET", f"/attempt/{attempt}?page={number}")
            for kind, qid, inner in FIELDSET.findall(page):
                answer = answer_fields(kind, qid, inner)
                status, _, reply = self.request(
                    "POST", f"/attempt/{attempt}/autosave", answer,
                    {"X-CSRFToken": self.token, "Accept": "application/json", "X-Requested-With": "fetch"})
                if self.closing and status == 409 and json.loads(reply).get("closed"):
                    self.stats.refuse("autosaves")  # the page script then opens the result, as here
                    status, path, _ = self.request("GET", json.loads(reply)["redirect"])
                    if status != 200 or not path.endswith("/result"):
                        raise RuntimeError(f"result after the close: {status} {path}")
                    return
                if status != 200 or not json.loads(reply).get("ok"):
                    raise RuntimeError(f"autosave: {status} {reply[:200]}")
                self.saved.add(int(qid))
        self.sent = True
        status, path, _ = self.request("POST", f"/attempt/{attempt}/submit", {"csrf_token": self.token, "submit": "1"})
        if status != 200 or not path.endswith("/result"):
            raise RuntimeError(f"submit: {status} {path}")
        self.acknowledged = True
        with self.stats.lock:
            self.stats.submitted += 1


def answer_fields(kind: str, qid: str, inner: str) -> dict[str, str]:
    """Return the form fields a student fills in for one question (any answer; grading is not measured)."""
    radios = RADIO.findall(inner)
    if radios:
        return {radios[0][0]: html.unescape(radios[-1][1])}
    selects = SELECT.findall(inner)
    if selects:
        return {name: html.unescape(OPTION.findall(options)[0]) for name, options in selects}
    ranks = RANK.findall(inner)
    if ranks:
        return {name: str(i + 1) for i, name in enumerate(reversed(ranks))}
    texts = TEXT.findall(inner)
    if texts:
        return {texts[0]: "40.27" if kind == "numeric" else "هندوراس"}
    raise RuntimeError(f"question {qid} ({kind}): no field found")


# --- the server -------------------------------------------------------------------------------------

def free_port() -> int:
    """Return a free TCP port on 127.0.0.1."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def prepare_database(db: str, workdir: Path) -> tuple[str, str | None]:
    """Create a fresh database (migrated and seeded by the app's first run); return its URL and PG schema."""
    schema = None
    if db == "sqlite":
        url = f"sqlite:///{workdir / 'load.sqlite3'}"
    else:
        schema = f"fahim_load_{uuid.uuid4().hex[:10]}"
        admin = make_engine(POSTGRES_URL)
        with admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        admin.dispose()
        url = f"{POSTGRES_URL}?options=-csearch_path%3D{schema}"
    from quiz import create_app
    from quiz.db import get_db

    app = create_app({"INSTANCE_PATH": str(workdir / "instance"), "DATABASE_URL": url, "SEED_ON_START": True,
                      "SECRET_KEY": "load-test"})
    get_db(app).engine.dispose()
    return url, schema


def drop_schema(schema: str) -> None:
    """Drop a PostgreSQL schema made for the run."""
    admin = make_engine(POSTGRES_URL)
    with admin.begin() as conn:
        conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
    admin.dispose()


def start_gunicorn(url: str, port: int, workers: int, workdir: Path) -> subprocess.Popen[bytes]:
    """Start gunicorn with the project's config and wait until it serves."""
    env = {**os.environ, "DATABASE_URL": url, "FAHIM_BIND": f"127.0.0.1:{port}", "FAHIM_WORKERS": str(workers),
           "FAHIM_INSTANCE_PATH": str(workdir / "instance"), "FAHIM_SECRET_KEY": "load-test",
           "FAHIM_ACCESS_LOG": "off", "FAHIM_LOG_LEVEL": "warning"}
    env.pop("REDIS_URL", None)
    log = open(workdir / "gunicorn.log", "wb")  # noqa: SIM115 - closed with the process
    proc = subprocess.Popen([sys.executable, "-m", "gunicorn", "-c", str(ROOT / "gunicorn.conf.py")],  # nosec B603
                            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError("gunicorn exited: " + (workdir / "gunicorn.log").read_text()[-2000:])
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/")
            if conn.getresponse().status == 200 and len(worker_pids(proc.pid)) == workers:
                return proc
        except OSError:
            pass
        time.sleep(0.2)
    proc.kill()
    raise RuntimeError("gunicorn did not start within 60 s")


def worker_pids(master: int) -> list[int]:
    """Return the pids of the gunicorn master's worker processes."""
    out = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        if int(stat.rsplit(")", 1)[1].split()[1]) == master:
            out.append(int(entry))
    return sorted(out)


def busy_worker(pids: list[int], patience: float = 5.0) -> int:
    """Return a worker that is running (state R, so mid-request), waiting up to ``patience`` seconds."""
    deadline = time.monotonic() + patience
    while time.monotonic() < deadline:
        for pid in pids:
            try:
                if Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "R":
                    return pid
            except OSError:
                continue
        time.sleep(0.001)
    return pids[0]


def stop_gunicorn(proc: subprocess.Popen[bytes]) -> None:
    """Stop gunicorn gracefully (then for good)."""
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


# --- checking the database ------------------------------------------------------------------------

def consistency(engine: Engine) -> tuple[bool, str]:
    """Check the database's integrity and its foreign keys and UNIQUE constraints; return (ok, summary)."""
    problems: list[str] = []
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            integrity = conn.execute(text("PRAGMA integrity_check")).scalars().all()
            fk = conn.execute(text("PRAGMA foreign_key_check")).all()
            if integrity != ["ok"]:
                problems.append(f"integrity_check={integrity[:3]}")
            if fk:
                problems.append(f"foreign_key_check={len(fk)} rows")
            checks = f"integrity_check={'ok' if integrity == ['ok'] else 'FAIL'} foreign_key_check={len(fk)}"
        else:
            orphans = 0
            for table in models.Base.metadata.sorted_tables:
                for fk_constraint in table.foreign_key_constraints:
                    col = fk_constraint.columns[0]
                    parent = fk_constraint.elements[0].column
                    orphans += conn.execute(text(
                        f'SELECT count(*) FROM "{table.name}" c LEFT JOIN "{parent.table.name}" p '
                        f'ON c."{col.name}" = p."{parent.name}" '
                        f'WHERE c."{col.name}" IS NOT NULL AND p."{parent.name}" IS NULL')).scalar_one()
            if orphans:
                problems.append(f"orphans={orphans}")
            checks = f"fk_orphans={orphans}"
        dup_attempts = conn.execute(text(
            "SELECT count(*) FROM (SELECT quiz_id, user_id, number FROM attempts "
            "GROUP BY quiz_id, user_id, number HAVING count(*) > 1) d")).scalar_one()
        dup_responses = conn.execute(text(
            "SELECT count(*) FROM (SELECT attempt_id, quiz_question_id FROM responses "
            "GROUP BY attempt_id, quiz_question_id HAVING count(*) > 1) d")).scalar_one()
        if dup_attempts or dup_responses:
            problems.append(f"unique_violations={dup_attempts + dup_responses}")
    summary = f"{checks} unique_dupes={dup_attempts + dup_responses}"
    return not problems, summary


def read_results(engine: Engine, students: list[Student]) -> dict[str, Any]:
    """Count recorded, duplicated and lost submissions and the answers stored with them."""
    with engine.connect() as conn:
        quiz_id = conn.execute(select(models.Quiz.id).where(models.Quiz.code == QUIZ_CODE)).scalar_one()
        n_questions = conn.execute(select(func.count(models.QuizQuestion.id))
                                   .where(models.QuizQuestion.quiz_id == quiz_id)).scalar_one()
        rows = conn.execute(
            select(models.User.name, models.Attempt.id)
            .join(models.Attempt, models.Attempt.user_id == models.User.id)
            .where(models.Attempt.quiz_id == quiz_id, models.Attempt.submitted_at.is_not(None))
        ).all()
        answers = dict(conn.execute(
            select(models.Response.attempt_id, func.count(models.Response.id)).group_by(models.Response.attempt_id)
        ).all())
        dup_responses = conn.execute(text(
            "SELECT count(*) FROM (SELECT attempt_id, quiz_question_id FROM responses "
            "GROUP BY attempt_id, quiz_question_id HAVING count(*) > 1) d")).scalar_one()
        users_per_name = conn.execute(select(func.count(models.User.id)).where(
            models.User.name.in_([s.name for s in students])).group_by(models.User.name)).scalars().all()
    per_name = Counter(name for name, _ in rows)
    names = {s.name for s in students}
    recorded = sum(1 for n in per_name if n in names)
    duplicated = sum(c - 1 for n, c in per_name.items() if n in names) + dup_responses
    sent = [s for s in students if s.sent]
    lost = sum(1 for s in sent if s.name not in per_name)
    complete = sum(1 for name, attempt_id in rows if name in names and answers.get(attempt_id, 0) == n_questions)
    return {"sent": len(sent), "recorded": recorded, "duplicated": duplicated, "lost": lost,
            "acknowledged": sum(1 for s in students if s.acknowledged), "complete": complete,
            "questions": n_questions, "repeated_guests": sum(n - 1 for n in users_per_name)}


def move_close(url: str, closes_at: dt.datetime) -> None:
    """Set the quiz's close time, as the teacher's settings page stores it."""
    from sqlalchemy.orm import Session

    engine = make_engine(url)
    try:
        with Session(engine) as session:
            quiz = session.scalars(select(models.Quiz).where(models.Quiz.code == QUIZ_CODE)).one()
            quiz.closes_at = closes_at
            session.commit()
    finally:
        engine.dispose()


def read_close(engine: Engine, students: list[Student], closes_at: dt.datetime) -> dict[str, int]:
    """Count what the database accepted after ``closes_at`` and the acknowledged answers it lacks."""
    A, R, U = models.Attempt, models.Response, models.User
    with engine.connect() as conn:
        quiz_id = conn.execute(select(models.Quiz.id).where(models.Quiz.code == QUIZ_CODE)).scalar_one()
        mine = A.quiz_id == quiz_id
        attempts_after = conn.execute(select(func.count(A.id)).where(mine, A.submitted_at > closes_at)).scalar_one()
        closed_at_close = conn.execute(select(func.count(A.id)).where(mine, A.submitted_at == closes_at)).scalar_one()
        still_open = conn.execute(select(func.count(A.id)).where(mine, A.submitted_at.is_(None))).scalar_one()
        answers_after = conn.execute(select(func.count(R.id)).join(A, A.id == R.attempt_id)
                                     .where(mine, R.saved_at >= closes_at)).scalar_one()
        stored = {(name, qq_id) for name, qq_id in conn.execute(
            select(U.name, R.quiz_question_id).join(A, A.user_id == U.id).join(R, R.attempt_id == A.id).where(mine))}
    acknowledged = {(s.name, qid) for s in students for qid in s.saved}
    return {"attempts_after": attempts_after, "answers_after": answers_after, "closed_at_close": closed_at_close,
            "still_open": still_open, "acknowledged": len(acknowledged), "lost_answers": len(acknowledged - stored)}


# --- the run --------------------------------------------------------------------------------------

def run(db: str, students: int = 200, workers: int = 2, kill_worker: bool = False, teacher_edit: bool = False,
        keep: bool = False) -> dict[str, Any]:
    """Run the load (and fault) test on ``db`` ('sqlite' or 'postgresql'); return the counts."""
    if workers < 2:
        raise ValueError("at least 2 workers")
    workdir = Path(tempfile.mkdtemp(prefix=f"fahim-load-{db}-"))
    url, schema = prepare_database(db, workdir)
    if teacher_edit:
        move_close(url, models.utcnow().replace(microsecond=0) + dt.timedelta(hours=1))
    port = free_port()
    proc = start_gunicorn(url, port, workers, workdir)
    stats = Stats()
    crowd = [Student(i + 1, port, stats, closing=teacher_edit) for i in range(students)]
    kill: dict[str, Any] = {}
    edit: dict[str, Any] = {}
    started = time.monotonic()

    def student(s: Student) -> None:
        try:
            s.run()
        except Exception as exc:  # noqa: BLE001 - every failure is counted and shown
            with stats.lock:
                stats.failures.append(f"{s.name}: {exc}")

    def killer() -> None:
        # Strike about 40% into the run (each student sends ~30 requests): every worker is busy then,
        # so the kill lands mid-request, with students everywhere from joining to submitting.
        while stats.requests < students * 12 and time.monotonic() - started < 300:
            time.sleep(0.01)
        pids = worker_pids(proc.pid)
        victim = busy_worker(pids)
        os.kill(victim, signal.SIGKILL)
        kill.update(pid=victim, at=round(time.monotonic() - started, 2), requests_before=stats.requests)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            now = worker_pids(proc.pid)
            if len(now) == workers and victim not in now:
                kill["restarted"] = True
                kill["replacement"] = sorted(set(now) - set(pids))
                return
            time.sleep(0.05)
        kill["restarted"] = False

    def teacher() -> None:
        # About 40% into the run, like the kill: students everywhere from starting to submitting.
        while stats.requests < students * 12 and time.monotonic() - started < 300:
            time.sleep(0.01)
        closes_at = models.utcnow() + dt.timedelta(seconds=CLOSE_LEAD)
        move_close(url, closes_at)
        edit.update(closes_at=closes_at, at=round(time.monotonic() - started, 2), requests_before=stats.requests)

    threads = [threading.Thread(target=student, args=(s,), daemon=True) for s in crowd]
    helpers = [threading.Thread(target=job, daemon=True)
               for job, wanted in ((killer, kill_worker), (teacher, teacher_edit)) if wanted]
    try:
        for t in threads:
            t.start()
        for t in helpers:
            t.start()
        for t in threads:
            t.join(timeout=max(1.0, 600 - (time.monotonic() - started)))
        for t in helpers:
            t.join(timeout=60)
        elapsed = time.monotonic() - started
    finally:
        stop_gunicorn(proc)
    engine = make_engine(url)
    try:
        result = read_results(engine, crowd)
        ok, checks = consistency(engine)
        closing = read_close(engine, crowd, edit["closes_at"]) if "closes_at" in edit else None
    finally:
        engine.dispose()
        if schema and not keep:
            drop_schema(schema)
        if not keep:
            shutil.rmtree(workdir, ignore_errors=True)
    result.update(
        db=db, students=students, workers=workers, seconds=round(elapsed, 1), requests=stats.requests,
        errors5xx=sum(c for code, c in stats.status.items() if code >= 500), retries=stats.retries,
        failures=stats.failures, consistent=ok, checks=checks, kill=kill if kill_worker else None,
        edit=dict(edit, refused=dict(stats.refused), **(closing or {})) if teacher_edit else None,
    )
    if teacher_edit:
        # Everyone who started has a closed attempt; nothing acknowledged is missing, nothing came in late.
        result["lost"] += closing["lost_answers"] if closing else 0
        result["exact"] = (closing is not None and result["recorded"] == students - stats.refused["starts"]
                           and result["duplicated"] == 0 and result["errors5xx"] == 0 and result["lost"] == 0
                           and ok and not stats.failures and closing["attempts_after"] == 0
                           and closing["answers_after"] == 0 and closing["still_open"] == 0
                           and sum(stats.refused.values()) > 0)
        return result
    result["exact"] = (result["sent"] == result["recorded"] == students and result["duplicated"] == 0
                       and result["errors5xx"] == 0 and result["lost"] == 0 and ok
                       and result["complete"] == students and (not kill_worker or bool(kill.get("restarted"))))
    return result


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, run, print the lines; exit 1 unless every count is exact."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--db", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--students", type=int, default=200)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--kill-worker", action="store_true", help="SIGKILL one worker in the middle of the run")
    parser.add_argument("--teacher-edit", action="store_true",
                        help="the teacher moves the close time earlier in the middle of the run")
    parser.add_argument("--keep", action="store_true", help="keep the database and gunicorn log")
    args = parser.parse_args(argv)
    r = run(args.db, students=args.students, workers=args.workers, kill_worker=args.kill_worker,
            teacher_edit=args.teacher_edit, keep=args.keep)
    print(f"sent={r['sent']} recorded={r['recorded']} duplicated={r['duplicated']} "
          f"errors5xx={r['errors5xx']} lost={r['lost']}")
    detail = (f"db={r['db']} workers={r['workers']} students={r['students']} requests={r['requests']} "
              f"seconds={r['seconds']} retries={r['retries']} repeated_guests={r['repeated_guests']} "
              f"answers_complete={r['complete']}/{r['recorded']} ({r['questions']} questions each) {r['checks']}")
    if r["kill"] is not None:
        k = r["kill"]
        detail = (f"kill-worker: SIGKILL pid {k.get('pid')} at {k.get('at')}s after {k.get('requests_before')} "
                  f"requests, restarted={'yes' if k.get('restarted') else 'NO'}; committed attempts lost={r['lost']}; "
                  + detail)
    if r["edit"] is not None:
        e = r["edit"]
        refused = e.get("refused", {})
        detail = (f"teacher-edit: close moved at {e.get('at')}s after {e.get('requests_before')} requests to "
                  f"{CLOSE_LEAD:g}s ahead; accepted after the new close: attempts={e.get('attempts_after')} "
                  f"answers={e.get('answers_after')}; refused after it: autosaves={refused.get('autosaves', 0)} "
                  f"starts={refused.get('starts', 0)}; closed at the close time={e.get('closed_at_close')} "
                  f"still open={e.get('still_open')}; acknowledged answers={e.get('acknowledged')} "
                  f"lost={e.get('lost_answers')}; " + detail)
    print(detail)
    for failure in r["failures"][:10]:
        print("failure:", failure)
    print("exact" if r["exact"] else "NOT EXACT")
    return 0 if r["exact"] else 1


if __name__ == "__main__":
    sys.exit(main())
