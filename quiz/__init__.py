"""Fahim's Flask application: ``create_app`` reads as the table of contents of the app."""

from __future__ import annotations

import importlib
import importlib.util
import os
from collections.abc import Mapping
from typing import Any

from flask import Flask

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# (module, attribute) of every blueprint; the app serves whichever of them exist.
BLUEPRINTS = (
    ("quiz.views.student", "bp"),
    ("quiz.views.auth", "bp"),
    ("quiz.views.teacher", "bp"),
    ("quiz.exports.views", "bp"),
)
# (module, attribute) of extra CLI commands owned by other packages.
COMMANDS = (("quiz.exports.cli", "export_command"), ("quiz.views.teacher", "create_teacher_command"),
            ("quiz.migrate", "db_command"))


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """Build the app: config, extensions, database, blueprints, CLI, errors, first-run seeding."""
    instance_path = ((config or {}).get("INSTANCE_PATH") or os.environ.get("FAHIM_INSTANCE_PATH")
                     or os.path.join(ROOT, "instance"))
    app = Flask(
        __name__,
        instance_path=os.path.abspath(instance_path),
        instance_relative_config=True,
        template_folder=os.path.join(ROOT, "templates"),
        static_folder=os.path.join(ROOT, "static"),
    )
    os.makedirs(app.instance_path, exist_ok=True)
    _load_config(app, config)
    _init_extensions(app)
    _init_database(app)
    _register_blueprints(app)
    _register_cli(app)
    _register_error_handlers(app)
    _register_template_helpers(app)
    _first_run(app)
    return app


def _load_config(app: Flask, config: Mapping[str, Any] | None) -> None:
    from quiz.config import load_config

    load_config(app, config)


def _init_extensions(app: Flask) -> None:
    from quiz import security
    from quiz.extensions import csrf, limiter

    security.init_app(app)  # CSP, frame and sniffing headers, cookie flags, proxy fix
    csrf.init_app(app)
    limiter.init_app(app)


def _init_database(app: Flask) -> None:
    from quiz import db

    db.init_app(app)


def _exists(module: str) -> bool:
    # Parts owned by other helpers may not be written yet; skip them until they land.
    try:
        return importlib.util.find_spec(module) is not None
    except ModuleNotFoundError:
        return False


def _register_blueprints(app: Flask) -> None:
    for module, attr in BLUEPRINTS:
        if _exists(module):
            app.register_blueprint(getattr(importlib.import_module(module), attr))


def _register_cli(app: Flask) -> None:
    from quiz import cli

    cli.init_app(app)
    for module, attr in COMMANDS:
        if _exists(module):
            app.cli.add_command(getattr(importlib.import_module(module), attr))


def _register_error_handlers(app: Flask) -> None:
    from quiz.views import errors

    errors.init_app(app)


def _register_template_helpers(app: Flask) -> None:
    from quiz.views import helpers

    helpers.init_app(app)


def _first_run(app: Flask) -> None:
    from quiz import seed
    from quiz.db import get_db

    database = get_db(app)
    if app.config["CREATE_SCHEMA"]:
        database.create_schema()
    if app.config["SEED_ON_START"]:
        with database.session() as session:
            seed.ensure_builtin(session)
    if _exists("quiz.views.teacher"):
        importlib.import_module("quiz.views.teacher").ensure_env_teacher(app)
