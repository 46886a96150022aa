"""Count the SQL statements (and commits) the app's engine runs, e.g. during one request."""

from __future__ import annotations

from typing import Any

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import event

from quiz.db import get_db


class Statements:
    """A context manager counting the statements and the commits of the app's engine while it is open."""

    def __init__(self, app: Flask) -> None:
        self.engine = get_db(app).engine
        self.queries = self.commits = 0
        self.sql: list[str] = []

    def __enter__(self) -> Statements:
        event.listen(self.engine, "before_cursor_execute", self._query)
        event.listen(self.engine, "commit", self._commit)
        return self

    def __exit__(self, *_: Any) -> None:
        event.remove(self.engine, "before_cursor_execute", self._query)
        event.remove(self.engine, "commit", self._commit)

    def _query(self, _conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        self.queries += 1
        self.sql.append(statement)

    def _commit(self, *_: Any) -> None:
        self.commits += 1


def queries_per_request(app: Flask, client: FlaskClient, url: str) -> int:
    """Return how many statements a GET of ``url`` runs (after a first GET warmed the per-worker caches)."""
    assert client.get(url).status_code == 200, url
    with Statements(app) as seen:
        reply = client.get(url)
    assert reply.status_code == 200, url
    return seen.queries
