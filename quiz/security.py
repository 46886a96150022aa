"""Security headers and cookie flags (Flask-Talisman), and the proxy fix for production.

- Content-Security-Policy: scripts, styles, fonts and images from this site only; no inline script,
  no inline style attribute, no plugins; forms post only here; no site may frame a page
  (``frame-ancestors 'none'`` plus ``X-Frame-Options: DENY`` for old browsers).
- ``X-Content-Type-Options: nosniff`` and a same-origin referrer policy on every response.
- The session cookie is HttpOnly and SameSite=Lax always, and Secure when ``HTTPS`` is on
  (``FAHIM_HTTPS=true``: the site is served over HTTPS, usually by a proxy in front of gunicorn).
- ``PROXY_FIX`` (``FAHIM_PROXY_FIX=1``): the number of proxies in front; their X-Forwarded-For/-Proto
  then give the client's address (rate limits per student, not per proxy) and the scheme.
HTTPS redirects are left to the proxy: the app never redirects, so ``python app.py`` works over http.

Hostile input that no view should have to think about is refused here, before any view runs:
- an id in a URL past what a database integer holds (``/attempt/99999999999999999999``) is a 404,
  not an overflow inside the database driver;
- a NUL byte in the path, the query or a form field is a 400: no text the app keeps may hold one
  (PostgreSQL refuses it in text), and no person types one;
- a body over MAX_CONTENT_LENGTH is a 413 with the Arabic page, rendered without reading the body
  (a view marked ``large_body`` reads more: the new-article form answers an oversized paste itself,
  keeping the teacher's text).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from flask import Flask, abort, current_app, request
from flask_talisman import Talisman
from werkzeug.datastructures import ImmutableMultiDict
from werkzeug.exceptions import RequestEntityTooLarge
from werkzeug.middleware.proxy_fix import ProxyFix
from werkzeug.routing import IntegerConverter

V = TypeVar("V", bound=Callable[..., Any])

# Ids are 32-bit integers on PostgreSQL (SERIAL) and at most 64-bit on SQLite.
MAX_ID = 2**31 - 1

CSP = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "font-src": "'self'",
    "connect-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}

talisman = Talisman()


class IdConverter(IntegerConverter):
    """``<int:...>`` in every route: a positive integer that fits the database, else no match (404)."""

    def __init__(self, map: Any, *args: Any, **kwargs: Any) -> None:  # noqa: A002 - werkzeug's name
        kwargs.setdefault("max", MAX_ID)
        super().__init__(map, *args, **kwargs)


# Characters that change how the text after them is shown (bidi overrides, embeddings and isolates)
# or that are not text at all: a display name or an email with them can pose as someone else.
_HIDDEN = {chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))}
PLAIN_TEXT_MESSAGE = "يحتوي على رموز تحكّم غير مسموح بها. اكتبه بحروف عادية."


class PlainText:
    """WTForms validator: refuse control characters and bidi overrides (names and emails shown to others)."""

    def __init__(self, message: str = PLAIN_TEXT_MESSAGE) -> None:
        self.message = message

    def __call__(self, _form: Any, field: Any) -> None:
        from wtforms.validators import StopValidation

        value = str(field.data or "")
        if any(ch in _HIDDEN or (ord(ch) < 32 and ch not in "\t") or 0x7F <= ord(ch) < 0xA0 for ch in value):
            raise StopValidation(self.message)


def refuse_nul_bytes() -> None:
    """Answer 400 to a request with a NUL byte in its path, query or form fields."""
    if "\x00" in request.path or any("\x00" in v for v in request.args.values()):
        abort(400)
    if request.method in ("POST", "PUT", "PATCH") and request.mimetype in (
            "application/x-www-form-urlencoded", "multipart/form-data"):
        for key, value in request.form.items(multi=True):
            if "\x00" in key or "\x00" in value:
                abort(400)


def large_body(limit: int) -> Callable[[V], V]:
    """Let one view read a body (and a form field) of up to ``limit`` bytes; the site limit stays for the rest."""
    def mark(view: V) -> V:
        view.max_body = limit  # type: ignore[attr-defined]
        return view
    return mark


def _view_body_limit(_endpoint: str | None, _values: dict[str, Any] | None) -> None:
    # A URL value preprocessor: it runs before every before_request function (which may read the form).
    view = current_app.view_functions.get(request.endpoint or "")
    limit = getattr(view, "max_body", None)
    if limit:
        request.max_content_length = limit
        request.max_form_memory_size = limit


def too_large(exc: RequestEntityTooLarge) -> Any:
    """Show the Arabic 413 page without reading the oversized body again (forms on the page would)."""
    request.__dict__["form"] = ImmutableMultiDict()
    request.__dict__["files"] = ImmutableMultiDict()
    from quiz.views.errors import handle_http

    return handle_http(exc)


def init_app(app: Flask) -> None:
    """Send the security headers on every response and set the cookie flags."""
    https = bool(app.config.get("HTTPS"))
    talisman.init_app(
        app,
        force_https=False,
        frame_options="DENY",
        content_security_policy=CSP,
        referrer_policy="same-origin",
        session_cookie_secure=https,
        session_cookie_http_only=True,
        session_cookie_samesite="Lax",
        strict_transport_security=https,
        x_content_type_options=True,
    )
    app.url_map.converters["int"] = IdConverter
    app.url_value_preprocessor(_view_body_limit)
    app.before_request(refuse_nul_bytes)
    app.register_error_handler(RequestEntityTooLarge, too_large)
    proxies = int(app.config.get("PROXY_FIX") or 0)
    if proxies > 0:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies, x_host=proxies)  # type: ignore[method-assign]
