"""Flask CLI commands (``flask --app app <command>``); other parts append theirs to COMMANDS."""

from __future__ import annotations

import click
from flask import Flask
from flask.cli import with_appcontext

from quiz.db import get_db


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


COMMANDS: list[click.Command] = [init_db_command, seed_command]


def init_app(app: Flask) -> None:
    """Register every command in COMMANDS on ``app``."""
    for command in COMMANDS:
        app.cli.add_command(command)
