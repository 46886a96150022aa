"""The first teacher of a fresh install: from the environment, or through the setup page.

While no teacher exists, every start logs the setup page's address with a token derived from the
secret key (the same in every worker and on every host that shares the key, as a Jupyter server
prints its token). The page refuses the token as soon as a teacher exists, so it works once.
"""

from __future__ import annotations

import os

from flask import Flask
from sqlalchemy import inspect

from quiz.db import get_db
from quiz.services import accounts

SETUP_PATH = "/teacher/setup"


def setup_token(app: Flask) -> str:
    """Return the setup token of this install (derived from its secret key)."""
    return accounts.setup_token(str(app.config["SECRET_KEY"]))


def announce_setup(app: Flask) -> None:
    """Log the setup page's address with its token while the install has no teacher."""
    database = get_db(app)
    if not inspect(database.engine).has_table("users"):
        return  # not migrated yet (`flask db upgrade` is about to run): the next start says it
    with database.session() as session:
        if accounts.teacher_exists(session):
            return
    app.logger.warning(
        "No teacher account yet. Open %s?token=%s on this server to create the first one "
        "(or run: flask --app app create-teacher).", SETUP_PATH, setup_token(app),
    )


def ensure_env_teacher(app: Flask) -> None:
    """Create the first teacher from FAHIM_TEACHER_EMAIL / FAHIM_TEACHER_PASSWORD when set."""
    # from_prefixed_env parses values as JSON (a numeric password becomes an int), so the raw
    # environment comes first and the parsed config second (instance/config.py may set them too).
    env = {
        key: os.environ.get(f"FAHIM_{key}") or str(app.config.get(key) or "")
        for key in ("TEACHER_EMAIL", "TEACHER_PASSWORD", "TEACHER_NAME")
    }
    if not env["TEACHER_EMAIL"] or not env["TEACHER_PASSWORD"]:
        return
    with get_db(app).session() as session:
        try:
            accounts.ensure_teacher_from_env(session, {f"FAHIM_{k}": v for k, v in env.items()})
        except accounts.AccountError as exc:
            app.logger.warning("FAHIM_TEACHER_EMAIL: %s", exc)
