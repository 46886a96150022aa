"""Teacher accounts: the first teacher of a fresh install, inviting another teacher, accepting."""

from __future__ import annotations

from flask import abort, current_app, flash, redirect, request, url_for
from werkzeug.wrappers import Response as WResponse

from quiz import setup
from quiz.db import get_session
from quiz.extensions import limiter
from quiz.services import accounts
from quiz.views.auth import login_user, teacher_required
from quiz.views.teacher import forms
from quiz.views.teacher.common import bp, me, render


def _login_limit() -> str:
    return str(current_app.config["LOGIN_RATE_LIMIT"])


@bp.route("/setup", methods=["GET", "POST"])
@limiter.limit(_login_limit, methods=["POST"])
def first_teacher() -> str | WResponse:
    """Create the install's first teacher with the token from the server log (only while there is none)."""
    session = get_session()
    if accounts.teacher_exists(session):
        abort(404)
    form = forms.SetupForm()
    if request.method == "GET" and not form.token.data:
        form.token.data = request.args.get("token", "")[:200]
    if form.validate_on_submit():
        try:
            user = accounts.create_first_teacher(
                session, token=(form.token.data or "").strip(), expected=setup.setup_token(current_app),
                name=form.name.data or "", email=form.email.data or "", password=form.password.data or "",
            )
        except accounts.AccountError as exc:
            (form.token if isinstance(exc, accounts.WrongSetupToken) else form.email).errors = [str(exc)]
        else:
            login_user(user)
            flash(f"أهلًا {user.name}، أُنشئ حساب المعلّم الأول.", "success")
            return redirect(url_for("teacher.index"))
    return render("teacher/setup.html", form=form)


@bp.route("/invitations", methods=["POST"])
@teacher_required
def invite() -> WResponse:
    """Create a single-use invitation link for another teacher (shown once)."""
    if not forms.InviteForm().validate_on_submit():
        abort(400)
    token, row = accounts.create_invitation(get_session(), me())
    link = url_for("teacher.accept_invite", token=token, _external=True)
    flash(f"رابط الدعوة (يعمل مرة واحدة حتى {row.expires_at:%Y-%m-%d}): {link}", "invite")
    return redirect(url_for("teacher.index", _anchor="invite"))


@bp.route("/invite/<token>", methods=["GET", "POST"])
def accept_invite(token: str) -> str | WResponse:
    """Create a teacher account from an invitation link, then sign in."""
    session = get_session()
    if accounts.find_invitation(session, token) is None:
        abort(404)
    form = forms.AcceptInviteForm()
    if form.validate_on_submit():
        try:
            user = accounts.accept_invitation(session, token, name=form.name.data or "",
                                              email=form.email.data or "", password=form.password.data or "")
        except accounts.AccountError as exc:
            form.email.errors = [str(exc)]
        else:
            login_user(user)
            flash(f"أهلًا {user.name}، أُنشئ حساب المعلّم.", "success")
            return redirect(url_for("teacher.index"))
    return render("teacher/invite_accept.html", form=form)
