"""Attempts keep their option order as positions into the published question's lists, not as option texts.

An attempt's ``option_order_json`` was ``{qq_id: {"choices": [texts...]}}`` (and ``rows``, ``options``,
``items`` for matching and ordering questions); it becomes ``{qq_id: {"choices": [2, 0, 3, 1]}}``, the
positions into the quiz question's snapshot, which never changes once published. Questions shown in
their natural order (true/false, typed answers) keep no entry. Downgrading writes the texts back.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07 00:30:00.000000
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

from questions.kinds import shape
from questions.model import Question

revision: str = '0006'
down_revision: str | None = '0005'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BATCH = 1000

attempts = sa.table("attempts", sa.column("id", sa.Integer), sa.column("question_ids_json", sa.Text),
                    sa.column("option_order_json", sa.Text))
quiz_questions = sa.table("quiz_questions", sa.column("id", sa.Integer), sa.column("data_json", sa.Text))


def _lists(data_json: str) -> tuple[str, dict[str, list[str]]]:
    # The question's shape and the lists an order indexes, as the app builds them when this revision was written.
    q = Question.from_dict(json.loads(data_json))
    how = shape(q)
    if how == "true_false":
        return how, {"choices": list(q.choices) or ["صح", "خطأ"]}
    if how == "choice":
        return how, {"choices": list(q.choices)}
    if how == "matching":
        return how, {"rows": [left for left, _ in q.pairs], "options": list(q.choices) or [right for _, right in q.pairs]}
    if how == "ordering":
        return how, {"items": list(q.items or q.choices)}
    return how, {}


def _positions(values: list[str], texts: list[Any]) -> list[int] | None:
    free = list(range(len(values)))
    out = []
    for text in texts:
        match = next((i for i in free if values[i] == text), None)
        if match is None:
            return None
        free.remove(match)
        out.append(match)
    return out if not free else None


def _texts(values: list[str], positions: list[Any]) -> list[str] | None:
    if sorted(positions) != list(range(len(values))):
        return None
    return [values[i] for i in positions]


def _to_positions(ids: list[int], order: dict[str, Any], lists: dict[int, tuple[str, dict[str, list[str]]]]
                  ) -> dict[str, dict[str, list[Any]]]:
    new: dict[str, dict[str, list[Any]]] = {}
    for qq in ids:
        how, known = lists.get(qq, ("", {}))
        parts = order.get(str(qq))
        if how == "true_false" or not isinstance(parts, dict):
            continue  # shown in its natural order: no entry
        entry = {name: done for name, values in known.items()
                 if isinstance(parts.get(name), list) and (done := _positions(values, parts[name])) is not None}
        if entry:
            new[str(qq)] = entry
    return new


def _to_texts(ids: list[int], order: dict[str, Any], lists: dict[int, tuple[str, dict[str, list[str]]]]
              ) -> dict[str, dict[str, list[Any]]]:
    new: dict[str, dict[str, list[Any]]] = {}
    for qq in ids:
        if qq not in lists:
            continue
        parts = order.get(str(qq)) or {}
        entry: dict[str, list[Any]] = {}
        for name, values in lists[qq][1].items():
            done = _texts(values, parts[name]) if isinstance(parts.get(name), list) else None
            entry[name] = done if done is not None else values
        new[str(qq)] = entry
    return new


Convert = Callable[[list[int], dict[str, Any], dict[int, tuple[str, dict[str, list[str]]]]], dict[str, dict[str, list[Any]]]]


def _convert(convert: Convert) -> None:
    conn = op.get_bind()
    lists: dict[int, tuple[str, dict[str, list[str]]]] = {}
    last = 0
    while True:
        rows = conn.execute(sa.select(attempts.c.id, attempts.c.question_ids_json, attempts.c.option_order_json)
                            .where(attempts.c.id > last).order_by(attempts.c.id).limit(BATCH)).all()
        if not rows:
            return
        last = rows[-1].id
        ids = {r.id: [int(i) for i in json.loads(r.question_ids_json or "[]")] for r in rows}
        wanted = {q for qs in ids.values() for q in qs} - set(lists)
        if wanted:
            for q in conn.execute(sa.select(quiz_questions.c.id, quiz_questions.c.data_json)
                                  .where(quiz_questions.c.id.in_(wanted))):
                lists[q.id] = _lists(q.data_json)
        updates = [{"aid": r.id, "orders": json.dumps(convert(ids[r.id], json.loads(r.option_order_json or "{}"), lists),
                                                      ensure_ascii=False, separators=(",", ":"))}
                   for r in rows]
        conn.execute(attempts.update().where(attempts.c.id == sa.bindparam("aid"))
                     .values(option_order_json=sa.bindparam("orders")), updates)


def upgrade() -> None:
    """Apply this revision."""
    _convert(_to_positions)


def downgrade() -> None:
    """Revert this revision."""
    _convert(_to_texts)
