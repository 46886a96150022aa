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
"""

from __future__ import annotations

from flask import Flask
from flask_talisman import Talisman
from werkzeug.middleware.proxy_fix import ProxyFix

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
    proxies = int(app.config.get("PROXY_FIX") or 0)
    if proxies > 0:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies, x_host=proxies)  # type: ignore[method-assign]
