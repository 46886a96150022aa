"""bench/run.py and bench/loadgen.py: the ratio lines, the summary, and the client on a tiny local run.

No timing is asserted here (the machine is shared); only that the scripts count, parse and print right.
"""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator

import pytest

from bench import loadgen
from bench.run import Line, expect_submission, parse_line, summary


@pytest.mark.parametrize(("line", "text", "ok"), [
    (Line("quiz-page", 0.734, 0.6, True), "quiz-page ratio=0.73 target>=0.6 ok", True),
    (Line("submit-sqlite", 0.2, 0.35, True), "submit-sqlite ratio=0.20 target>=0.35 FAIL", False),
    (Line("extract", 12.345, 30.0, False), "extract ratio=12.35 target<=30 ok", True),
    (Line("anki-export", 1.6, 1.5, False), "anki-export ratio=1.60 target<=1.5 FAIL", False),
    (Line("submit-postgresql", None, 0.35, True), "submit-postgresql ratio=n/a target>=0.35 FAIL", False),
])
def test_a_ratio_line_prints_its_verdict_and_parses_back(line: Line, text: str, ok: bool) -> None:
    assert line.render() == text
    assert line.ok is ok
    back = parse_line(text)
    assert (back.name, back.target, back.higher_is_better, back.ok) == (line.name, line.target,
                                                                         line.higher_is_better, ok)


def test_a_ratio_exactly_on_its_target_passes() -> None:
    assert Line("quiz-page", 0.6, 0.6, True).ok
    assert Line("extract", 30.0, 30.0, False).ok


@pytest.mark.parametrize(("oks", "last"), [
    ([True, True, True], "all ok"),
    ([True, False, True], "1 failed"),
    ([False, False], "2 failed"),
])
def test_the_summary_counts_the_failed_lines(oks: list[bool], last: str) -> None:
    lines = [Line(f"b{i}", 1.0 if ok else 0.0, 0.5, True) for i, ok in enumerate(oks)]
    assert summary(lines) == last


@pytest.mark.parametrize("text", ["quiz-page ratio=0.7 target>=0.6", "hello", "x ratio=1 target=2 ok"])
def test_anything_else_is_not_a_ratio_line(text: str) -> None:
    with pytest.raises(ValueError):
        parse_line(text)


@pytest.mark.parametrize(("status", "headers", "body", "accepted"), [
    (200, {}, b'{"ok": true, "changed": 1}', True),
    (200, {}, b'{"ok": false}', False),
    (200, {}, b"<html>", False),
    (302, {"location": "/attempt/3/result"}, b"", True),
    (302, {"location": "/login"}, b"", False),
    (409, {}, b'{"ok": false, "closed": true}', False),
])
def test_a_submission_reply_counts_only_when_the_app_accepted_it(status: int, headers: dict[str, str],
                                                                 body: bytes, accepted: bool) -> None:
    assert expect_submission(loadgen.Reply(status, headers, body)) is accepted


def test_a_request_is_built_with_cookie_headers_and_form_body() -> None:
    raw = loadgen.build_request("POST", "/attempt/7/autosave", port=8123, cookie="abc",
                                form={"q-1": "هندوراس"}, headers={"X-CSRFToken": "t"})
    head, _, body = raw.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    assert lines[0] == "POST /attempt/7/autosave HTTP/1.1"
    assert "Host: 127.0.0.1:8123" in lines and "Cookie: session=abc" in lines and "X-CSRFToken: t" in lines
    assert f"Content-Length: {len(body)}" in lines
    assert body == b"q-1=%D9%87%D9%86%D8%AF%D9%88%D8%B1%D8%A7%D8%B3"


@pytest.mark.parametrize(("head", "status", "headers"), [
    (b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\nConnection: close", 200, {"content-length": "5", "connection": "close"}),
    (b"HTTP/1.0 302 FOUND\r\nLocation: /x", 302, {"location": "/x"}),
])
def test_a_response_head_is_parsed(head: bytes, status: int, headers: dict[str, str]) -> None:
    assert loadgen.parse_head(head) == (status, headers)


def test_a_garbled_status_line_is_refused() -> None:
    with pytest.raises(ValueError):
        loadgen.parse_head(b"SSH-2.0-OpenSSH\r\n")


class _Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:  # noqa: N802 - the standard library's name
        body = b"hello" if self.path == "/ok" else b"nope"
        self.send_response(200 if self.path == "/ok" else 404)
        self.send_header("Content-Length", str(len(body)))
        if self.path == "/ok":
            self.send_header("Connection", "close")  # like gunicorn's sync workers
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_args: object) -> None:
        pass


@pytest.fixture
def tiny_server() -> Iterator[int]:
    server = http.server.ThreadingHTTPServer((loadgen.HOST, 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield int(server.server_address[1])
    server.shutdown()
    server.server_close()


def test_the_client_sends_each_job_once_and_counts_every_reply(tiny_server: int) -> None:
    ok = loadgen.build_request("GET", "/ok", port=tiny_server)
    missing = loadgen.build_request("GET", "/missing", port=tiny_server)
    jobs = [[ok, ok], [ok], [missing, ok]] * 5
    result = loadgen.load(tiny_server, jobs, concurrency=3, cycle=False, duration=20.0)
    assert result.requests == 25
    assert result.statuses == {200: 20, 404: 5}
    assert len(result.errors) == 5 and all(e.startswith("404") for e in result.errors)
    assert result.rps > 0


def test_a_cycled_run_stops_at_its_request_bound(tiny_server: int) -> None:
    ok = loadgen.build_request("GET", "/ok", port=tiny_server)
    result = loadgen.load(tiny_server, [[ok]], concurrency=2, duration=20.0, max_requests=30)
    assert result.requests == 30
    assert result.errors == []


def test_a_reply_is_read_whole_over_a_kept_connection(tiny_server: int) -> None:
    conn = loadgen.Connection(tiny_server)
    try:
        first = conn.send(loadgen.build_request("GET", "/missing", port=tiny_server))
        assert conn.sock is not None  # kept: the server did not say close
        second = conn.send(loadgen.build_request("GET", "/ok", port=tiny_server))
        assert conn.sock is None  # closed as the server asked
    finally:
        conn.close()
    assert (first.status, first.body, second.status, second.body) == (404, b"nope", 200, b"hello")


def test_the_extraction_breakdown_splits_the_names_half_and_times_both_floors() -> None:
    from bench import extract
    from questions.names import passes

    rows = dict(extract.breakdown(runs=1, size=20_000))
    total = rows.pop("names in all")
    stages = {k: v for k, v in rows.items() if k.startswith("  ")}
    floors = {k: v for k, v in rows.items() if k.startswith("floor:")}
    names = {getattr(getattr(p, "func", p), "__name__") for p in passes.ARTICLE_PASSES}
    assert set(stages) == {"  token table", "  spans to facts"} | {f"  pass {n}" for n in names}
    assert len(floors) == 2 and all(v > 0 for v in floors.values())
    assert all(v >= 0 for v in stages.values())
    # The stages are timed inside the whole, so they add up to no more than it.
    assert sum(stages.values()) <= total * (1 + 1e-6)
