"""Security headers on every page: a CSP that allows no inline script or style, no framing, no sniffing;
session cookie flags; and no template or page that the CSP would break."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from conftest import csrf, login
from quiz import create_app

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.I)
EVENT_HANDLER = re.compile(r"<[^>]+\son[a-z]+\s*=", re.I)
STYLE_ATTRIBUTE = re.compile(r"<[^>]+\sstyle\s*=", re.I)
STYLE_ELEMENT = re.compile(r"<style[\s>]", re.I)


def csp_of(response) -> dict[str, str]:  # type: ignore[no-untyped-def]
    header = response.headers["Content-Security-Policy"]
    return {part.split()[0]: " ".join(part.split()[1:]) for part in header.split(";") if part.strip()}


def start_attempt(client: FlaskClient) -> str:
    token = csrf(client, "/q/ASFURA")
    r = client.post("/q/ASFURA/start", data={"csrf_token": token, "name": "سلمى"})
    assert r.status_code == 302
    return str(r.headers["Location"])


def pages(client: FlaskClient, app: Flask, make_user):  # type: ignore[no-untyped-def]
    """Return the student pages to check (one inside an attempt) and a teacher."""
    take = start_attempt(client)
    teacher = make_user(role="teacher")
    return ["/", "/q/ASFURA", take, "/login", "/register", "/no-such-page", "/attempt/999999"], teacher


def test_every_page_sends_a_strict_csp_and_no_framing_or_sniffing(client: FlaskClient, app: Flask,
                                                                     make_user) -> None:  # type: ignore[no-untyped-def]
    paths, teacher = pages(client, app, make_user)
    teacher_client = app.test_client()
    login(teacher_client, teacher)
    responses = [client.get(p) for p in paths] + [teacher_client.get("/teacher/"),
                                                  client.get("/static/css/app.css")]
    for r in responses:
        policy = csp_of(r)
        assert policy["script-src"] == "'self'" and policy["style-src"] == "'self'"
        assert policy["default-src"] == "'self'" and policy["object-src"] == "'none'"
        assert policy["frame-ancestors"] == "'none'" and policy["form-action"] == "'self'"
        assert "unsafe-inline" not in r.headers["Content-Security-Policy"]
        assert "unsafe-eval" not in r.headers["Content-Security-Policy"]
        assert r.headers["X-Frame-Options"] == "DENY"
        assert r.headers["X-Content-Type-Options"] == "nosniff"
        assert r.headers["Referrer-Policy"] == "same-origin"


@pytest.mark.parametrize("template", sorted(p.relative_to(TEMPLATES).as_posix() for p in TEMPLATES.rglob("*.html")))
def test_no_template_holds_what_the_csp_would_block(template: str) -> None:
    source = (TEMPLATES / template).read_text(encoding="utf-8")
    assert not INLINE_SCRIPT.search(source), "inline <script>"
    assert not EVENT_HANDLER.search(source), "on*= event handler attribute"
    assert not STYLE_ATTRIBUTE.search(source), "style= attribute"
    assert not STYLE_ELEMENT.search(source), "<style> element"


def test_rendered_pages_hold_nothing_the_csp_would_block(client: FlaskClient, app: Flask,
                                                          make_user) -> None:  # type: ignore[no-untyped-def]
    paths, teacher = pages(client, app, make_user)
    teacher_client = app.test_client()
    login(teacher_client, teacher)
    bodies = [client.get(p).get_data(as_text=True) for p in paths] + [teacher_client.get("/teacher/").get_data(as_text=True)]
    for html in bodies:
        assert not INLINE_SCRIPT.search(html)
        assert not EVENT_HANDLER.search(html)
        assert not STYLE_ATTRIBUTE.search(html)
        assert not re.search(r"javascript:", html, re.I)


def cookie_header(client: FlaskClient) -> str:
    r = client.get("/")
    cookies = [v for k, v in r.headers.items() if k == "Set-Cookie" and v.startswith("session=")]
    assert cookies, "the first page sets the session cookie (it carries the CSRF token)"
    return cookies[0]


def test_the_session_cookie_is_httponly_and_samesite_lax_and_not_secure_over_plain_http(client: FlaskClient) -> None:
    header = cookie_header(client)
    assert "HttpOnly" in header and "SameSite=Lax" in header and "Secure" not in header


def test_with_https_on_the_session_cookie_is_secure_and_hsts_is_sent(tmp_path: Path, database_url: str) -> None:
    app = create_app({"TESTING": True, "INSTANCE_PATH": str(tmp_path / "i"), "DATABASE_URL": database_url,
                      "CREATE_SCHEMA": False, "SEED_ON_START": False, "SECRET_KEY": "x", "HTTPS": True})
    client = app.test_client()
    r = client.get("/", base_url="https://fahim.example")
    header = next(v for k, v in r.headers.items() if k == "Set-Cookie" and v.startswith("session="))
    assert "Secure" in header and "HttpOnly" in header and "SameSite=Lax" in header
    assert "max-age=" in r.headers["Strict-Transport-Security"]
    plain = client.get("/")
    assert plain.status_code == 200  # no redirect: the proxy in front decides about http
    assert "Strict-Transport-Security" not in plain.headers


def test_behind_a_proxy_the_forwarded_client_address_is_used(tmp_path: Path, database_url: str) -> None:
    app = create_app({"TESTING": True, "INSTANCE_PATH": str(tmp_path / "i"), "DATABASE_URL": database_url,
                      "CREATE_SCHEMA": False, "SEED_ON_START": False, "SECRET_KEY": "x", "PROXY_FIX": 1})
    seen: list[str | None] = []

    @app.get("/_whoami")
    def whoami() -> str:
        from flask import request

        seen.append(request.remote_addr)
        return request.scheme

    r = app.test_client().get("/_whoami", headers={"X-Forwarded-For": "203.0.113.7", "X-Forwarded-Proto": "https"})
    assert r.get_data(as_text=True) == "https" and seen == ["203.0.113.7"]
