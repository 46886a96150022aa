"""`python app.py` serves the built-in quiz on the embedded default, and a second run adds nothing."""

from __future__ import annotations

import os
import pathlib
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request

ROOT = pathlib.Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def serve_once(instance: pathlib.Path) -> str:
    """Start `python app.py` on a free port, fetch the home page, stop it; return the HTML."""
    port = free_port()
    env = {**os.environ, "FAHIM_INSTANCE_PATH": str(instance), "FAHIM_PORT": str(port)}
    env.pop("DATABASE_URL", None)
    proc = subprocess.Popen([sys.executable, "app.py"], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as r:
                    return str(r.read().decode("utf-8"))
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    out = proc.stdout.read().decode("utf-8", "replace") if proc.stdout else ""
                    raise AssertionError(f"app.py did not serve on port {port}:\n{out}") from None
                time.sleep(0.2)
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_python_app_py_serves_the_built_in_quiz_and_a_second_run_adds_nothing(tmp_path: pathlib.Path) -> None:
    instance = tmp_path / "instance"
    html = serve_once(instance)
    assert 'lang="ar" dir="rtl"' in html and "ASFURA" in html and "ترامب ونصري عصفورة" in html
    db = instance / "fahim.sqlite3"

    def counts() -> tuple[int, ...]:
        with sqlite3.connect(db) as conn:
            return tuple(conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                         for t in ("articles", "banks", "bank_questions", "quizzes", "quiz_questions"))

    first = counts()
    assert first[0] == 1 and first[3] == 1
    serve_once(instance)
    assert counts() == first
