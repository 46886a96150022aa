"""Flask CLI commands (``flask --app app <command>``): schema, seed, teachers, exports, migrations."""

from __future__ import annotations

import click
from flask import Flask
from flask.cli import with_appcontext

from quiz.db import get_db
from quiz.exports.cli import export_command
from quiz.migrate import db_command
from quiz.services import accounts, expiry


@click.command("init-db")
@with_appcontext
def init_db_command() -> None:
    """Create any missing tables."""
    get_db().create_schema()
    click.echo("schema ready")


@click.command("seed")
@with_appcontext
def seed_command() -> None:
    """Load the built-in article, its bank and quiz (does nothing if already loaded)."""
    from quiz import seed

    get_db().create_schema()
    with get_db().session() as session:
        quiz = seed.ensure_builtin(session)
    click.echo(f"seeded quiz {quiz.code}" if quiz else "built-in quiz already loaded")


@click.command("create-teacher")
@click.option("--name", prompt="الاسم / name", help="The teacher's display name.")
@click.option("--email", prompt="email", help="The teacher's sign-in email.")
@click.option("--password", prompt=True, hide_input=True, confirmation_prompt=True,
              help="The password (prompted, hidden, when not given).")
@with_appcontext
def create_teacher_command(name: str, email: str, password: str) -> None:
    """Create a teacher account."""
    get_db().create_schema()
    with get_db().session() as session:
        try:
            user = accounts.create_teacher(session, name=name, email=email, password=password)
        except accounts.AccountError as exc:
            raise click.ClickException(str(exc)) from None
        click.echo(f"teacher {user.email} created (id {user.id})")


@click.command("close-expired")
@click.option("--batch", default=expiry.BATCH, show_default=True, help="Attempts graded per transaction.")
@with_appcontext
def close_expired_command(batch: int) -> None:
    """Grade and close every attempt whose time ran out (run it every few minutes from cron or a timer)."""
    with get_db().session() as session:
        closed = expiry.sweep(session, batch=batch)
    click.echo(f"closed {closed} expired attempt(s)")


COMMANDS: list[click.Command] = [init_db_command, seed_command, create_teacher_command, close_expired_command,
                                 export_command, db_command]


def init_app(app: Flask) -> None:
    """Register every command in COMMANDS on ``app``."""
    for command in COMMANDS:
        app.cli.add_command(command)
