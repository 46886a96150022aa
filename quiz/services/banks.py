"""Banks in the database <-> ``questions.Bank`` records."""

from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import select
from sqlalchemy.orm import Session

import questions
from quiz import bidicontrols, models


def save_bank(
    session: Session,
    bank: questions.Bank,
    owner_id: int | None,
    *,
    seed: int = 0,
    status: str = "pending",
    published_on: dt.date | None = None,
    source: str | None = None,
    commit: bool = True,
) -> models.Bank:
    """Store ``bank`` (its article and every question, with ``status``) and return the new row."""
    art = bidicontrols.clean_bank(bank).article
    article = models.Article(
        owner_id=owner_id,
        key=art.key,
        title=art.title or "",
        source=bidicontrols.optional_without_controls(source) if source is not None else art.source,
        published_on=published_on if published_on is not None else parse_date(art.date),
        text=art.text,
    )
    row = models.Bank(article=article, seed=seed, version=bank.version,
                      drops_json=json.dumps(dict(bank.drops), ensure_ascii=False))
    for position, q in enumerate(bank.questions):
        row.questions.append(models.BankQuestion(
            key=q.key, kind=q.kind, fact_type=q.fact_type, status=status, position=position,
            data_json=dump_question(q),
        ))
    session.add(row)
    if commit:
        session.commit()
    else:
        session.flush()
    return row


def bank_from_db(session: Session, bank_id: int, *, approved_only: bool = False) -> questions.Bank:
    """Load bank ``bank_id`` as a ``questions.Bank`` (optionally only approved questions)."""
    row = session.get(models.Bank, bank_id)
    if row is None:
        raise LookupError(f"no bank {bank_id}")
    stmt = select(models.BankQuestion).where(models.BankQuestion.bank_id == bank_id)
    if approved_only:
        stmt = stmt.where(models.BankQuestion.status == "approved")
    rows = session.scalars(stmt.order_by(models.BankQuestion.position, models.BankQuestion.id)).all()
    drops = json.loads(row.drops_json or "{}")
    return questions.Bank(
        article=article_record(row.article),
        questions=tuple(load_question(r.data_json) for r in rows),
        version=row.version,
        drops=tuple(sorted((str(k), int(v)) for k, v in drops.items())),
    )


def article_record(row: models.Article) -> questions.Article:
    """Return a stored article as the ``questions.Article`` a bank carries."""
    return questions.Article(key=row.key, title=row.title, text=row.text,
                             date=row.published_on.isoformat() if row.published_on else None, source=row.source)


def dump_question(question: questions.Question) -> str:
    """Return the JSON text stored for ``question`` (its text without bidi controls)."""
    return json.dumps(bidicontrols.clean_question(question).to_dict(), ensure_ascii=False)


def load_question(data_json: str) -> questions.Question:
    """Rebuild a Question from its stored JSON text."""
    return questions.Question.from_dict(json.loads(data_json))


def parse_date(value: str | None) -> dt.date | None:
    """Parse a full ISO date (YYYY-MM-DD); anything partial or absent gives None."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
