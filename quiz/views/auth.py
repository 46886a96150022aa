"""Sign in, register and sign out; who the current user is (signed session cookie).

The session holds ``user_id`` and ``sv`` (the user's session_version when signed in); logout bumps the
version, for guests as for accounts, so a copied cookie stops working. Other blueprints use ``current_user()``,
``login_user()``, ``login_required`` and ``teacher_required`` from here.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar
from urllib.parse import urlsplit

from flask import (Blueprint, abort, flash, g, redirect, render_template, request, session,
                   url_for)
from werkzeug.wrappers import Response as WResponse

from quiz import models, ratelimits
from quiz.db import get_session
from quiz.views.forms import LoginForm, LogoutForm, RegisterForm
from quiz.services import users as user_service

bp = Blueprint("auth", __name__)
F = TypeVar("F", bound=Callable[..., Any])


def current_user() -> models.User | None:
    """Return the signed-in (or joined-as-guest) user of this request, or None."""
    if "current_user" not in g:
        user = None
        uid = session.get("user_id")
        if isinstance(uid, int):
            user = get_session().get(models.User, uid)
            if user is not None and session.get("sv") != user.session_version:
                user = None
        g.current_user = user
    return g.current_user  # type: ignore[no-any-return]


def login_user(user: models.User) -> None:
    """Bind ``user`` to this browser's signed session."""
    session.clear()
    session.permanent = True
    session["user_id"] = user.id
    session["sv"] = user.session_version
    g.current_user = user


def logout_user() -> None:
    """Forget the user of this browser."""
    session.clear()
    g.current_user = None


def login_required(view: F) -> F:
    """Send visitors without a user to the sign-in page."""
    @functools.wraps(view)
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        if current_user() is None:
            return redirect(url_for("auth.login", next=request.full_path))
        return view(*args, **kwargs)
    return wrapped  # type: ignore[return-value]


def _teachers_only(view: F, refusal: int) -> F:
    @functools.wraps(view)
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        user = current_user()
        if user is None:
            return redirect(url_for("auth.login", next=request.full_path))
        if user.role != "teacher":
            abort(refusal)
        return view(*args, **kwargs)
    return wrapped  # type: ignore[return-value]


def teacher_required(view: F) -> F:
    """Allow only teachers: visitors go to sign in, other users get 403."""
    return _teachers_only(view, 403)


def teacher_only(view: F) -> F:
    """Allow only teachers: visitors go to sign in, any other user gets 404 (a student's answers are not theirs to know of)."""
    return _teachers_only(view, 404)


def _safe_next(target: str | None) -> str | None:
    # Only same-site paths: an attacker's ?next=https://evil must not be followed.
    if not target:
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return None
    return target.rstrip("?") or None


@bp.route("/login", methods=["GET", "POST"])
@ratelimits.sign_in_failures_per_address
@ratelimits.sign_in_failures_per_account
def login() -> str | WResponse:
    """Sign in with email and password."""
    form = LoginForm()
    if form.validate_on_submit():
        user = user_service.authenticate(get_session(), form.email.data or "", form.password.data or "")
        if user is None:
            form.password.errors = ["البريد الإلكتروني أو كلمة المرور غير صحيحة."]
        else:
            login_user(user)
            flash(f"أهلًا {user.name}.", "success")
            default = url_for("teacher.index") if user.role == "teacher" else url_for("student.my_attempts")
            return redirect(_safe_next(request.args.get("next")) or default)
    return render_template("auth/login.html", form=form)


@bp.route("/register", methods=["GET", "POST"])
@ratelimits.sign_in_failures_per_address
def register() -> str | WResponse:
    """Create a student account; a guest keeps the attempts made so far."""
    form = RegisterForm()
    me = current_user()
    if request.method == "GET" and me is not None and me.role == "guest" and not form.name.data:
        form.name.data = me.name
    if form.validate_on_submit():
        try:
            user = user_service.create_account(
                get_session(), name=form.name.data or "", email=form.email.data or "",
                password=form.password.data or "", upgrade=me if me is not None and me.role == "guest" else None,
            )
        except user_service.EmailTaken:
            form.email.errors = ["يوجد حساب بهذا البريد. سجّل الدخول بدلًا من ذلك."]
        else:
            login_user(user)
            flash("أُنشئ حسابك. ستجد محاولاتك في «محاولاتي».", "success")
            return redirect(_safe_next(request.args.get("next")) or url_for("student.my_attempts"))
    return render_template("auth/register.html", form=form)


@bp.route("/logout", methods=["POST"])
def logout() -> WResponse:
    """Sign out, invalidating every copy of this session cookie (a guest's too)."""
    form = LogoutForm()
    if form.validate_on_submit():
        user = current_user()
        if user is not None:
            user_service.bump_session_version(get_session(), user)
        logout_user()
        flash("خرجت. إجاباتك محفوظة عند المعلّم." if user is not None and user.role == "guest"
              else "خرجت من حسابك.", "info")
    return redirect(url_for("student.index"))


@bp.app_context_processor
def _logout_form() -> dict[str, Any]:
    # formdata=None: rendering the header must never read the request body (an error page for an
    # oversized or malformed body would raise again while rendering).
    return {"logout_form": LogoutForm(formdata=None)}
