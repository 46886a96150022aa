"""Teacher accounts: the first teacher from the CLI or the environment, the others by invitation.

Passwords are hashed with werkzeug (``quiz.services.users.create_account``). An invitation is a
random token shown once as a link; only its SHA-256 is stored, with an expiry, and it is marked
used when redeemed, so a link works once and a leaked database holds no usable tokens.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
from collections.abc import Mapping

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from quiz import models
from quiz.services import users as user_service

INVITE_LIFETIME = dt.timedelta(days=7)
MIN_PASSWORD = 8


class AccountError(ValueError):
    """A teacher account could not be created; ``str(error)`` is an Arabic message."""


class WrongSetupToken(AccountError):
    """The setup token typed is not this install's."""


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create_teacher(session: Session, *, name: str, email: str, password: str) -> models.User:
    """Create a teacher account, or raise AccountError (email taken, short password)."""
    if len(password) < MIN_PASSWORD:
        raise AccountError("كلمة المرور ثمانية أحرف على الأقل.")
    if not name.strip() or "@" not in email:
        raise AccountError("الاسم والبريد الإلكتروني مطلوبان.")
    try:
        return user_service.create_account(session, name=name, email=email, password=password, role="teacher")
    except user_service.EmailTaken:
        raise AccountError("يوجد حساب بهذا البريد الإلكتروني.") from None


def teacher_exists(session: Session) -> bool:
    """Say whether the install has at least one teacher account."""
    return session.scalar(select(func.count()).select_from(models.User).where(models.User.role == "teacher")) > 0


def setup_token(secret_key: str) -> str:
    """Return the first-teacher setup token derived from the app's secret key."""
    return hmac.new(secret_key.encode("utf-8"), b"fahim first teacher setup", hashlib.sha256).hexdigest()[:32]


def create_first_teacher(session: Session, *, token: str, expected: str, name: str, email: str,
                         password: str) -> models.User:
    """Create the install's first teacher if ``token`` is the setup token and no teacher exists yet.

    Two setups racing each create an account; the one that is not the first teacher is removed
    again, so the page makes exactly one teacher.
    """
    if not token or not hmac.compare_digest(token.encode("utf-8"), expected.encode("utf-8")):
        raise WrongSetupToken("رمز الإعداد غير صحيح. انسخه من سجل الخادم كما طُبع.")
    if teacher_exists(session):
        raise AccountError("للموقع معلّم بالفعل؛ اطلب منه رابط دعوة.")
    user = create_teacher(session, name=name, email=email, password=password)
    first = session.scalar(select(func.min(models.User.id)).where(models.User.role == "teacher"))
    if first != user.id:
        session.delete(user)
        session.commit()
        raise AccountError("للموقع معلّم بالفعل؛ اطلب منه رابط دعوة.")
    return user


def ensure_teacher_from_env(session: Session, env: Mapping[str, str]) -> models.User | None:
    """Create the first teacher from FAHIM_TEACHER_EMAIL / _PASSWORD (/ _NAME) if not there yet."""
    email = (env.get("FAHIM_TEACHER_EMAIL") or "").strip()
    password = env.get("FAHIM_TEACHER_PASSWORD") or ""
    if not email or not password or user_service.find_by_email(session, email) is not None:
        return None
    name = env.get("FAHIM_TEACHER_NAME") or email.split("@")[0]
    return create_teacher(session, name=name, email=email, password=password)


def create_invitation(session: Session, inviter: models.User, *, now: dt.datetime | None = None,
                      lifetime: dt.timedelta = INVITE_LIFETIME) -> tuple[str, models.Invitation]:
    """Create a single-use invitation; return the token (shown once) and its row."""
    if inviter.role != "teacher":
        raise AccountError("يدعو المعلّمون فقط معلّمين آخرين.")
    now = now or models.utcnow()
    token = secrets.token_urlsafe(32)
    row = models.Invitation(token_hash=_hash(token), created_by=inviter.id, created_at=now,
                            expires_at=now + lifetime)
    session.add(row)
    session.commit()
    return token, row


def find_invitation(session: Session, token: str, *, now: dt.datetime | None = None) -> models.Invitation | None:
    """Return the unused, unexpired invitation for ``token``, or None."""
    if not token or len(token) > 200:
        return None
    now = now or models.utcnow()
    row = session.scalars(select(models.Invitation).where(models.Invitation.token_hash == _hash(token))).first()
    if row is None or row.used_at is not None or row.expires_at <= now:
        return None
    return row


def accept_invitation(session: Session, token: str, *, name: str, email: str, password: str,
                      now: dt.datetime | None = None) -> models.User:
    """Redeem an invitation: create the teacher and mark the invitation used, in one transaction."""
    now = now or models.utcnow()
    invitation = find_invitation(session, token, now=now)
    if invitation is None:
        raise AccountError("رابط الدعوة غير صالح أو انتهت صلاحيته أو استُخدم من قبل.")
    user = create_teacher(session, name=name, email=email, password=password)
    # create_account committed the user; a concurrent redemption of the same link is caught here.
    claimed = session.execute(
        update(models.Invitation)
        .where(models.Invitation.id == invitation.id, models.Invitation.used_at.is_(None))
        .values(used_at=now, used_by=user.id)
        .execution_options(synchronize_session=False)
    )
    if getattr(claimed, "rowcount", 1) != 1:
        session.delete(user)
        session.commit()
        raise AccountError("رابط الدعوة غير صالح أو انتهت صلاحيته أو استُخدم من قبل.")
    session.commit()
    return user


def invitations_of(session: Session, inviter_id: int) -> list[models.Invitation]:
    """Return the invitations a teacher created, newest first."""
    stmt = (select(models.Invitation).where(models.Invitation.created_by == inviter_id)
            .order_by(models.Invitation.created_at.desc(), models.Invitation.id.desc()))
    return list(session.scalars(stmt))
