"""Users: guests who join with a name, student and teacher accounts, password checks."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from werkzeug.security import check_password_hash, generate_password_hash

from quiz import models


class EmailTaken(ValueError):
    """Another account already uses this email."""


def normalize_email(email: str) -> str:
    """Return ``email`` trimmed and lower-cased (emails are matched case-insensitively)."""
    return email.strip().lower()


def find_by_email(session: Session, email: str) -> models.User | None:
    """Return the account with ``email``, or None."""
    stmt = select(models.User).where(func.lower(models.User.email) == normalize_email(email))
    return session.scalars(stmt).first()


def create_guest(session: Session, name: str) -> models.User:
    """Create a guest user (no account) with a display name."""
    user = models.User(name=name.strip()[:120], role="guest")
    session.add(user)
    session.commit()
    return user


def create_account(session: Session, *, name: str, email: str, password: str, role: str = "student",
                   upgrade: models.User | None = None) -> models.User:
    """Create an account, or turn the guest ``upgrade`` into one (keeping its attempts)."""
    if find_by_email(session, email) is not None:
        raise EmailTaken(email)
    user = upgrade if upgrade is not None and upgrade.role == "guest" else models.User()
    if user is upgrade:  # the guest's cookie, and any copy of it, no longer opens the new account
        user.session_version = (user.session_version or 0) + 1
    user.name = name.strip()[:120]
    user.email = normalize_email(email)
    user.password_hash = generate_password_hash(password)
    user.role = role
    session.add(user)
    session.commit()
    return user


def authenticate(session: Session, email: str, password: str) -> models.User | None:
    """Return the account matching ``email`` and ``password``, or None."""
    user = find_by_email(session, email)
    if user is None or not user.password_hash:
        # Hash anyway so a missing account takes as long as a wrong password.
        check_password_hash(generate_password_hash("x"), password)
        return None
    return user if check_password_hash(user.password_hash, password) else None


def bump_session_version(session: Session, user: models.User) -> None:
    """Invalidate every session cookie issued to ``user`` so far."""
    user.session_version = (user.session_version or 0) + 1
    session.commit()
