"""Rate limits that stop guessing without locking out a class behind one address.

Only failures count, so the students of a class behind one school address sign in and join freely:

- Sign in and register: a POST that signs nobody in (a wrong password, an unknown account, a refused
  registration) counts against the address (``LOGIN_RATE_LIMIT``, shared by both forms) and, at sign
  in, against the account named (``LOGIN_ACCOUNT_RATE_LIMIT``). Once either is spent, that address's
  or that account's sign-in POSTs get 429 until the window passes. A successful sign-in never counts.
- Join codes: a code that leads to no published quiz and no class counts against the address
  (``JOIN_RATE_LIMIT``), each code tried once an hour, so a class retyping a code copied wrong from
  the board counts once while a script trying codes counts every one. A code that leads somewhere,
  typed or in a direct link (``/q/<code>``, ``/c/<code>``), is never refused: once an address is
  spent, only codes that lead nowhere get 429.
- Storage: Redis when ``REDIS_URL`` is set, shared by every worker and host. If Redis cannot be
  reached, each worker counts in its own memory until it can, and the app's log says so once.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable

from flask import Flask, current_app, g, has_app_context, request
from flask_limiter.util import get_remote_address
from limits import parse
from sqlalchemy.exc import SQLAlchemyError
from werkzeug.exceptions import HTTPException
from werkzeug.wrappers import Response

from quiz.db import get_session
from quiz.extensions import limiter
from quiz.services import classes as class_service
from quiz.services import quizzes as quiz_service
from quiz.services.users import normalize_email

MAX_CODE = 20  # longer input is no join code (JoinForm refuses it too)
CODE_TRIED = parse("1 per hour")  # a wrong code counts once per address in this window
FALLBACK_WARNING = ("Redis (REDIS_URL) cannot be reached: each worker now counts rate limits in its own "
                    "memory, so a limit allows that many requests per worker until Redis is back")


def _setting(name: str) -> Callable[[], str]:
    return lambda: str(current_app.config[name])


def _form_value(name: str) -> str:
    # Read before the view: an oversized or malformed body is the view's to answer (413, 400).
    try:
        return str(request.form.get(name) or "")
    except HTTPException:
        return ""


def _digest(value: str) -> str:
    # Keys hold a hash, never an email or a code as typed.
    return hashlib.sha256(value.encode("utf-8")).hexdigest()[:32]


# --- sign in and register -------------------------------------------------------------------------

def account_key() -> str:
    """Return the limit key of the account a sign-in names (its normalized email, hashed)."""
    return "account:" + _digest(normalize_email(_form_value("email")))


def signed_nobody_in(response: Response) -> bool:
    """Say whether a sign-in or registration POST failed (success is the redirect that follows it)."""
    return response.status_code != 302


sign_in_failures_per_address = limiter.shared_limit(
    _setting("LOGIN_RATE_LIMIT"), scope="sign-in-failures", methods=["POST"], deduct_when=signed_nobody_in)
sign_in_failures_per_account = limiter.limit(
    _setting("LOGIN_ACCOUNT_RATE_LIMIT"), key_func=account_key, scope="account-failures", methods=["POST"],
    deduct_when=signed_nobody_in)


# --- join codes -----------------------------------------------------------------------------------

def join_code() -> str:
    """Return the join code this request tries (from the URL, else the form), normalized."""
    code = str((request.view_args or {}).get("code") or _form_value("code"))
    return quiz_service.normalize_code(code) if len(code) <= MAX_CODE else ""


def code_leads_somewhere() -> bool:
    """Say whether this request's code is a published quiz's or a class's (then no join limit applies)."""
    if "join_code_leads_somewhere" not in g:
        g.join_code_leads_somewhere = _leads_somewhere(join_code())
    return bool(g.join_code_leads_somewhere)


def _leads_somewhere(code: str) -> bool:
    if not code:
        return False
    session = get_session()
    try:
        quiz = quiz_service.find_by_code(session, code)
        return (quiz is not None and quiz.published) or class_service.find_by_code(session, code) is not None
    except SQLAlchemyError:  # the view meets the same error and answers it
        return False


def first_try_of_a_wrong_code(_response: Response) -> bool:
    """Say whether this request tried a code that leads nowhere, for the first time this hour from here."""
    if "join_code_counts" not in g:  # asked once per limit of the rule; decided once per request
        code = join_code()
        g.join_code_counts = bool(code) and not code_leads_somewhere() and _first_try(code)
    return bool(g.join_code_counts)


def _first_try(code: str) -> bool:
    try:
        return bool(limiter.limiter.hit(CODE_TRIED, str(current_app.config["RATELIMIT_KEY_PREFIX"]),
                                         "join-code-tried", get_remote_address(), _digest(code)))
    except Exception:  # storage trouble: count it, as a limit without memory of codes would
        return True


wrong_join_codes_per_address = limiter.shared_limit(
    _setting("JOIN_RATE_LIMIT"), scope="join-code", exempt_when=code_leads_somewhere,
    deduct_when=first_try_of_a_wrong_code)


# --- the log ----------------------------------------------------------------------------------------

class FallbackWarning(logging.Handler):
    """Repeat in the app's log Flask-Limiter's word that it fell back to per-worker memory.

    Flask-Limiter says it once each time its storage goes away, on its own logger, which has only a
    NullHandler: a production log would never show it.
    """

    def emit(self, record: logging.LogRecord) -> None:
        if "falling back to in-memory storage" in record.getMessage():
            log = current_app.logger if has_app_context() else logging.getLogger("quiz")
            log.warning(FALLBACK_WARNING)


def init_app(app: Flask) -> None:
    """Bind the limiter to ``app`` and have a fallback from Redis to memory reach the app's log."""
    limiter.init_app(app)
    source = logging.getLogger("flask-limiter")
    if not any(isinstance(h, FallbackWarning) for h in source.handlers):
        source.addHandler(FallbackWarning(logging.WARNING))
