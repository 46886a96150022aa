"""Configuration defaults and the loader that layers instance file, environment and overrides."""

from __future__ import annotations

import datetime as dt
import os
import secrets
from collections.abc import Mapping
from typing import Any

from flask import Flask


class Defaults:
    """Embedded defaults: SQLite in instance/, in-memory rate limits, seed loaded on first run."""

    HOST = "127.0.0.1"
    PORT = 5000
    SECRET_KEY: str | None = None  # read from instance/secret_key (created once) when unset
    DATABASE_URL: str | None = None  # default: sqlite:///<instance>/fahim.sqlite3
    CREATE_SCHEMA = True  # create missing tables at start (Alembic takes over at scale)
    SEED_ON_START = True  # load the built-in article, bank and quiz when missing
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    PERMANENT_SESSION_LIFETIME = dt.timedelta(days=30)
    WTF_CSRF_TIME_LIMIT: int | None = None  # a long quiz must not outlive its CSRF token
    RATELIMIT_STORAGE_URI = "memory://"
    RATELIMIT_HEADERS_ENABLED = True
    RATELIMIT_KEY_PREFIX = "fahim"  # keys in a shared Redis (REDIS_URL) start with this
    RATELIMIT_IN_MEMORY_FALLBACK_ENABLED = True  # if Redis goes away, limit per worker instead of failing
    HTTPS = False  # FAHIM_HTTPS=true: served over HTTPS (Secure cookies, HSTS); see quiz.security
    PROXY_FIX = 0  # FAHIM_PROXY_FIX=N: trust N proxies' X-Forwarded-For/-Proto
    # Only failures count (see quiz.ratelimits): a class behind one address signs in and joins freely.
    LOGIN_RATE_LIMIT = "20 per minute;200 per hour"  # failed sign-ins and refused registrations, per address
    LOGIN_ACCOUNT_RATE_LIMIT = "5 per minute;30 per hour"  # failed sign-ins, per account
    JOIN_RATE_LIMIT = "30 per minute;300 per hour"  # join codes that lead nowhere, per address (each once an hour)
    JSON_AS_ASCII = False
    MAX_CONTENT_LENGTH = 2 * 1024 * 1024
    TIMEZONE = "UTC"  # FAHIM_TIMEZONE: the zone of quiz times when the teacher's browser does not say (no JS)
    # Spaced review (quiz/services/study.py): the retention FSRS schedules for, its interval fuzz, how
    # soon a due card is shown already, and the stability (days) from which a fact counts as mastered.
    STUDY_DESIRED_RETENTION = 0.9
    STUDY_FUZZ = True
    STUDY_LEARN_AHEAD_MINUTES = 20
    STUDY_MASTERY_DAYS = 7.0


def load_config(app: Flask, overrides: Mapping[str, Any] | None) -> None:
    """Layer defaults -> instance/config.py -> FAHIM_* / DATABASE_URL / REDIS_URL env -> overrides."""
    app.config.from_object(Defaults)
    app.config.from_pyfile("config.py", silent=True)
    app.config.from_prefixed_env("FAHIM")
    if os.environ.get("DATABASE_URL"):
        app.config["DATABASE_URL"] = os.environ["DATABASE_URL"]
    if os.environ.get("REDIS_URL"):
        app.config["RATELIMIT_STORAGE_URI"] = os.environ["REDIS_URL"]
    if overrides:
        app.config.update(overrides)
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = _instance_secret(app.instance_path)


def _instance_secret(instance_path: str) -> str:
    # A key kept in instance/ survives restarts, so sessions and join bindings stay valid.
    os.makedirs(instance_path, exist_ok=True)
    path = os.path.join(instance_path, "secret_key")
    try:
        with open(path, encoding="utf-8") as fh:
            key = fh.read().strip()
        if key:
            return key
    except FileNotFoundError:
        pass
    key = secrets.token_hex(32)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(key)
    return key
