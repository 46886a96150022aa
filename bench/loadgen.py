"""Shared load-generator helpers for the HTTP benchmarks: gunicorn on 127.0.0.1 and a small client.

The client is the same for every figure a ratio compares: a fixed number of threads, each sending
pre-built raw HTTP/1.1 requests over a plain socket and reading each response in full (status line,
headers, Content-Length body). It follows no redirects and keeps a connection only while the server
keeps it (gunicorn's sync workers close after each response, so every request opens a connection, for
the app's routes and the hello-world route alike). Traffic goes to 127.0.0.1 only, bounded by a request
count and a duration.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
HELLO_PATH = "/_bench/hello"  # served by bench.hello:app only
CONCURRENCY = 8  # client threads: enough to keep 2 sync workers busy
SOCKET_TIMEOUT = 30.0


def free_port() -> int:
    """Return a free TCP port on 127.0.0.1."""
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def build_request(method: str, path: str, *, port: int, cookie: str = "", form: dict[str, str] | None = None,
                  headers: dict[str, str] | None = None) -> bytes:
    """Return the bytes of one HTTP/1.1 request (a urlencoded body when ``form`` is given)."""
    body = urllib.parse.urlencode(form).encode() if form is not None else b""
    lines = [f"{method} {path} HTTP/1.1", f"Host: {HOST}:{port}", "User-Agent: fahim-bench",
             "Accept: */*"]
    if cookie:
        lines.append(f"Cookie: session={cookie}")
    for key, value in (headers or {}).items():
        lines.append(f"{key}: {value}")
    if form is not None:
        lines.append("Content-Type: application/x-www-form-urlencoded")
        lines.append(f"Content-Length: {len(body)}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


@dataclass
class Reply:
    """One response: status, headers (lower-case names) and body."""

    status: int
    headers: dict[str, str]
    body: bytes


def parse_head(head: bytes) -> tuple[int, dict[str, str]]:
    """Parse a response's status line and headers (names lower-cased; the last of a repeated one wins)."""
    lines = head.decode("latin-1").split("\r\n")
    parts = lines[0].split(" ", 2)
    if len(parts) < 2 or not parts[0].startswith("HTTP/") or not parts[1].isdigit():
        raise ValueError(f"bad status line: {lines[0]!r}")
    headers: dict[str, str] = {}
    for line in lines[1:]:
        if ":" in line:
            key, value = line.split(":", 1)
            headers[key.strip().lower()] = value.strip()
    return int(parts[1]), headers


class Connection:
    """A client socket to 127.0.0.1:port that reconnects whenever the server closed it."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.sock: socket.socket | None = None
        self.buffer = b""

    def close(self) -> None:
        """Close the socket (the next request opens a new one)."""
        if self.sock is not None:
            self.sock.close()
            self.sock = None
        self.buffer = b""

    def _recv(self) -> bytes:
        assert self.sock is not None  # set by send()  # nosec B101
        chunk = self.sock.recv(65536)
        if not chunk:
            raise ConnectionError("server closed the connection mid-response")
        return chunk

    def send(self, raw: bytes) -> Reply:
        """Send one request and read its whole response."""
        if self.sock is None:
            self.sock = socket.create_connection((HOST, self.port), timeout=SOCKET_TIMEOUT)
            self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.sock.sendall(raw)
        data = self.buffer
        while b"\r\n\r\n" not in data:
            data += self._recv()
        head, _, rest = data.partition(b"\r\n\r\n")
        status, headers = parse_head(head)
        length = int(headers.get("content-length", "0"))
        while len(rest) < length:
            rest += self._recv()
        body, self.buffer = rest[:length], rest[length:]
        if headers.get("connection", "").lower() == "close":
            self.close()
        return Reply(status, headers, body)


def fetch(port: int, raw: bytes) -> Reply:
    """Send one request on a fresh connection and return its response."""
    conn = Connection(port)
    try:
        return conn.send(raw)
    finally:
        conn.close()


@dataclass
class LoadResult:
    """What one load run measured."""

    requests: int
    seconds: float
    statuses: Counter[int] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)

    @property
    def rps(self) -> float:
        """Requests per second (0 when nothing was timed)."""
        return self.requests / self.seconds if self.seconds > 0 else 0.0


def load(port: int, jobs: Sequence[Sequence[bytes]], *, concurrency: int = CONCURRENCY,
         duration: float = 3.0, max_requests: int = 100_000, cycle: bool = True,
         expect: Callable[[Reply], bool] | None = None) -> LoadResult:
    """Send ``jobs`` (each a list of requests sent in order on one thread) from ``concurrency`` threads.

    With ``cycle`` the jobs repeat until ``duration`` seconds or ``max_requests`` requests have gone;
    without it each job is sent once and the run ends when all are done (or at the same bounds).
    A reply that fails ``expect`` (default: any status below 400) is counted as an error.
    """
    check = expect or (lambda reply: reply.status < 400)
    lock = threading.Lock()
    counter = iter(range(10**12))
    if cycle:
        pending: Iterator[Sequence[bytes]] = (jobs[i % len(jobs)] for i in counter)
    else:
        pending = iter(jobs)
    result = LoadResult(0, 0.0)
    sent = 0
    start_gate = threading.Event()
    deadline = [0.0]

    def next_job() -> Sequence[bytes] | None:
        nonlocal sent
        with lock:
            if sent >= max_requests or time.perf_counter() >= deadline[0]:
                return None
            job = next(pending, None)
            if job is not None:
                sent += len(job)
            return job

    def worker() -> None:
        conn = Connection(port)
        statuses: Counter[int] = Counter()
        errors: list[str] = []
        done = 0
        start_gate.wait()
        try:
            while (job := next_job()) is not None:
                for raw in job:
                    try:
                        reply = conn.send(raw)
                    except OSError as exc:
                        conn.close()
                        errors.append(repr(exc))
                        continue
                    statuses[reply.status] += 1
                    done += 1
                    if not check(reply):
                        errors.append(f"{reply.status} {reply.body[:120]!r}")
        finally:
            conn.close()
            with lock:
                result.requests += done
                result.statuses.update(statuses)
                result.errors.extend(errors)

    threads = [threading.Thread(target=worker, daemon=True) for _ in range(concurrency)]
    for t in threads:
        t.start()
    t0 = time.perf_counter()
    deadline[0] = t0 + duration
    start_gate.set()
    for t in threads:
        t.join(timeout=duration + 60)
    result.seconds = time.perf_counter() - t0
    return result


class Server:
    """gunicorn serving ``wsgi_app`` with the project's gunicorn.conf.py, on a free 127.0.0.1 port."""

    def __init__(self, wsgi_app: str, env: dict[str, str], *, workers: int = 2, log: Path | None = None) -> None:
        self.port = free_port()
        self.log = log
        full_env = {**os.environ, **env, "FAHIM_BIND": f"{HOST}:{self.port}", "FAHIM_WORKERS": str(workers),
                    "FAHIM_THREADS": "1", "FAHIM_ACCESS_LOG": "off", "FAHIM_LOG_LEVEL": "warning"}
        full_env.pop("REDIS_URL", None)
        out = open(log, "wb") if log else subprocess.DEVNULL  # noqa: SIM115 - closed in stop()
        self._out = out
        # The app given on the command line replaces the config's wsgi_app; every other setting stays,
        # except max_requests: a worker recycled mid-round would restart (imports, migrations check,
        # empty caches) inside whichever measurement it happened to hit.
        self.proc = subprocess.Popen(  # fixed argv, our own interpreter  # nosec B603
            [sys.executable, "-m", "gunicorn", "-c", str(ROOT / "gunicorn.conf.py"), "--max-requests", "0",
             wsgi_app],
            cwd=ROOT, env=full_env, stdout=out, stderr=subprocess.STDOUT)

    def wait(self, path: str, timeout: float = 60.0) -> None:
        """Wait until GET ``path`` answers 200 (and fail if gunicorn exits)."""
        deadline = time.monotonic() + timeout
        raw = build_request("GET", path, port=self.port)
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                tail = self.log.read_text(errors="replace")[-2000:] if self.log else ""
                raise RuntimeError(f"gunicorn exited: {tail}")
            try:
                if fetch(self.port, raw).status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        raise RuntimeError(f"gunicorn did not serve {path} within {timeout:.0f} s")

    def stop(self) -> None:
        """Stop gunicorn (gracefully, then for good)."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        if self._out is not subprocess.DEVNULL:
            self._out.close()  # type: ignore[union-attr]
