"""REDIS_URL shares rate limits between app instances: two real gunicorn servers on two 127.0.0.1 ports
enforce one sign-in limit and one join-code limit between them; without Redis each instance counts
alone; with Redis configured but unreachable each counts in memory and says so once in its log."""

from __future__ import annotations

import http.client
import os
import re
import socket
import subprocess
import sys
import time
import urllib.parse
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis
from sqlalchemy.orm import Session

from quiz import seed
from quiz.db import make_engine
from quiz.migrate import upgrade
from quiz.ratelimits import FALLBACK_WARNING

ROOT = Path(__file__).resolve().parent.parent
REDIS_URL = os.environ.get("FAHIM_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
LIMIT = 4


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def get(port: int, path: str, cookie: str = "") -> tuple[int, str, str]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request("GET", path, headers={"Cookie": cookie} if cookie else {})
    r = conn.getresponse()
    body = r.read().decode()
    set_cookie = next((v.split(";", 1)[0] for k, v in r.getheaders() if k.lower() == "set-cookie"), cookie)
    return r.status, body, set_cookie


def post(port: int, path: str, form: dict[str, str], cookie: str) -> int:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request("POST", path, body=urllib.parse.urlencode(form),
                 headers={"Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"})
    r = conn.getresponse()
    r.read()
    return r.status


class Servers:
    """Two gunicorn instances of the app on one database, with or without a shared Redis."""

    def __init__(self, tmp: Path, storage: str, prefix: str) -> None:
        self.ports = [free_port(), free_port()]
        self.procs: list[subprocess.Popen[bytes]] = []
        self.logs: list[str] = []
        env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp / 'shared.sqlite3'}",
               "FAHIM_INSTANCE_PATH": str(tmp / "instance"), "FAHIM_SECRET_KEY": "shared-secret",
               "FAHIM_LOGIN_RATE_LIMIT": f"{LIMIT} per minute", "FAHIM_JOIN_RATE_LIMIT": f"{LIMIT} per minute",
               "FAHIM_RATELIMIT_KEY_PREFIX": prefix,
               "FAHIM_WORKERS": "1", "FAHIM_SEED_ON_START": "false", "FAHIM_ACCESS_LOG": "off", "FAHIM_LOG_LEVEL": "warning"}
        env.pop("REDIS_URL", None)
        if storage == "redis":
            env["REDIS_URL"] = REDIS_URL
        elif storage == "unreachable":
            env["REDIS_URL"] = f"redis://127.0.0.1:{free_port()}/0"  # nothing listens there
        engine = make_engine(env["DATABASE_URL"])
        upgrade(engine)  # the servers' first run then finds the schema ready, with the quiz ASFURA
        with Session(engine) as session:
            seed.ensure_builtin(session)
        engine.dispose()
        for port in self.ports:
            self.procs.append(subprocess.Popen(
                [sys.executable, "-m", "gunicorn", "-c", str(ROOT / "gunicorn.conf.py")],
                cwd=ROOT, env={**env, "FAHIM_BIND": f"127.0.0.1:{port}"},
                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE))
        for port, proc in zip(self.ports, self.procs):
            self._wait(port, proc)

    @staticmethod
    def _wait(port: int, proc: subprocess.Popen[bytes]) -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else "gunicorn exited"
            try:
                if get(port, "/login")[0] == 200:
                    return
            except OSError:
                time.sleep(0.1)
        raise AssertionError(f"server on {port} did not start")

    def stop(self) -> None:
        """Stop both servers (once) and keep what each wrote to its log."""
        procs, self.procs = self.procs, []
        for proc in procs:
            proc.terminate()
        for proc in procs:
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
            self.logs.append(proc.stderr.read().decode() if proc.stderr else "")


@pytest.fixture
def servers(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Servers]:
    prefix = f"fahim-test-{uuid.uuid4().hex}"  # this run's keys only: parallel runs never collide
    running = Servers(tmp_path, request.param, prefix)
    yield running
    running.stop()
    client = redis.Redis.from_url(REDIS_URL)
    for key in client.scan_iter(match=f"*{prefix}*"):
        client.delete(key)
    client.close()


def sign_in_attempts(servers: Servers, n: int) -> list[int]:
    """Send ``n`` wrong sign-ins, alternating between the two instances; return the statuses."""
    statuses = []
    for i in range(n):
        port = servers.ports[i % 2]
        _, body, cookie = get(port, "/login")
        token = re.search(r'<meta name="csrf-token" content="([^"]+)"', body)
        assert token
        statuses.append(post(port, "/login", {"csrf_token": token.group(1), "email": "nobody@example.org",
                                              "password": "wrong-password"}, cookie))
    return statuses


@pytest.mark.parametrize("servers", ["redis"], indirect=True)
def test_two_instances_sharing_redis_enforce_one_sign_in_limit(servers: Servers) -> None:
    statuses = sign_in_attempts(servers, LIMIT + 2)
    assert statuses[:LIMIT] == [200] * LIMIT  # wrong password: the form again, with a message
    assert statuses[LIMIT:] == [429, 429]  # the shared total is spent, on whichever instance


@pytest.mark.parametrize("servers", ["memory"], indirect=True)
def test_without_redis_each_instance_counts_its_own_attempts(servers: Servers) -> None:
    statuses = sign_in_attempts(servers, LIMIT + 2)
    assert statuses == [200] * (LIMIT + 2)  # 3 per instance: under each one's own limit


@pytest.mark.parametrize("servers", ["redis"], indirect=True)
def test_two_instances_sharing_redis_count_wrong_join_codes_together_and_never_refuse_the_right_one(
        servers: Servers) -> None:
    wrong = [get(servers.ports[i % 2], f"/q/ZZZZZ{i + 2}")[0] for i in range(LIMIT + 2)]
    assert wrong[:LIMIT] == [404] * LIMIT and wrong[LIMIT:] == [429, 429]
    assert [get(port, "/q/ASFURA")[0] for port in servers.ports] == [200, 200]


@pytest.mark.parametrize("servers", ["unreachable"], indirect=True)
def test_an_unreachable_redis_is_said_once_in_each_log_and_every_worker_still_limits(servers: Servers) -> None:
    statuses = sign_in_attempts(servers, 2 * LIMIT + 2)
    assert statuses[:2 * LIMIT] == [200] * (2 * LIMIT) and statuses[2 * LIMIT:] == [429, 429]  # per worker
    servers.stop()
    assert [log.count(FALLBACK_WARNING) for log in servers.logs] == [1, 1], servers.logs
