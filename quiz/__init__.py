"""Fahim's Flask application: ``create_app`` reads as the table of contents of the app."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from flask import Flask

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

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
    from quiz import ratelimits, security
    from quiz.extensions import csrf

    security.init_app(app)  # CSP, frame and sniffing headers, cookie flags, proxy fix
    csrf.init_app(app)
    ratelimits.init_app(app)


def _init_database(app: Flask) -> None:
    from quiz import db

    db.init_app(app)


def _register_blueprints(app: Flask) -> None:
    from quiz.exports import views as exports
    from quiz.views import auth, student, study, teacher

    for blueprint in (student.bp, auth.bp, teacher.bp, exports.bp, study.bp):
        app.register_blueprint(blueprint)


def _register_cli(app: Flask) -> None:
    from quiz import cli

    cli.init_app(app)


def _register_error_handlers(app: Flask) -> None:
    from quiz.views import errors

    errors.init_app(app)


def _register_template_helpers(app: Flask) -> None:
    from quiz.views import helpers

    helpers.init_app(app)


def _first_run(app: Flask) -> None:
    from quiz import seed, setup
    from quiz.db import get_db

    database = get_db(app)
    if app.config["CREATE_SCHEMA"]:
        database.create_schema()
    if app.config["SEED_ON_START"]:
        with database.session() as session:
            seed.ensure_builtin(session)
    setup.ensure_env_teacher(app)
    setup.announce_setup(app)
