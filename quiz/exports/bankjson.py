"""The bank's own JSON: export (``Bank.to_dict``) and import back into Fahim without loss.

``import_bank_json`` is what an upload form calls: every way a file can be wrong ends in a
``ValueError`` whose message says what is wrong, in one line, for the teacher.
"""

from __future__ import annotations

import json
from typing import Any

from questions.kinds import REGISTRY, shape
from questions.model import BANK_VERSION, Bank, Question

MAX_BYTES = 20 * 1024 * 1024


def bank_json(bank: Bank) -> bytes:
    """Export a bank as UTF-8 JSON (what ``python -m questions generate --json`` prints)."""
    return (json.dumps(bank.to_dict(), ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def _where(i: int, q: Any) -> str:
    key = q.get("key") if isinstance(q, dict) else None
    return f"question {i + 1}" + (f" ({key})" if isinstance(key, str) and key else "")


def _check_question(q: Question, where: str) -> None:
    if not q.key.strip():
        raise ValueError(f"{where}: empty key")
    if q.kind not in REGISTRY:
        raise ValueError(f"{where}: unknown kind {q.kind!r} (expected one of {', '.join(REGISTRY)})")
    if not q.prompt.strip():
        raise ValueError(f"{where}: empty prompt")
    s = shape(q)
    if s in ("choice", "true_false") and q.answer not in q.choices:
        raise ValueError(f"{where}: the answer is not one of the choices")
    if s == "matching" and not q.pairs:
        raise ValueError(f"{where}: a matching question needs pairs")
    if s == "ordering" and len(q.items) < 2:
        raise ValueError(f"{where}: an ordering question needs at least two items")
    if s not in ("matching", "ordering") and not q.answer.strip():
        raise ValueError(f"{where}: empty answer")


def import_bank_json(data: bytes) -> Bank:
    """Read a bank exported as JSON; raise ValueError with a one-line reason for bad input."""
    if not data or not data.strip():
        raise ValueError("the file is empty")
    if len(data) > MAX_BYTES:
        raise ValueError(f"the file is larger than {MAX_BYTES // (1024 * 1024)} MB")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValueError("the file is not UTF-8 text") from None
    try:
        d = json.loads(text)
    except json.JSONDecodeError as e:
        raise ValueError(f"not valid JSON: {e.msg} (line {e.lineno}, column {e.colno})") from None
    if not isinstance(d, dict):
        raise ValueError("not a Fahim question bank: expected a JSON object")
    for field in ("version", "article", "questions"):
        if field not in d:
            raise ValueError(f"not a Fahim question bank: no {field!r}")
    if d.get("version") != BANK_VERSION:
        raise ValueError(f"unsupported bank version {d.get('version')!r} (this Fahim reads version {BANK_VERSION})")
    article = d["article"]
    if not isinstance(article, dict) or not isinstance(article.get("key"), str) or not article["key"]:
        raise ValueError("the article has no key")
    for field in ("title", "text", "date", "source"):
        value = article.get(field)
        if value is not None and not isinstance(value, str):
            raise ValueError(f"the article's {field} must be text")
    raw = d["questions"]
    if not isinstance(raw, list):
        raise ValueError("'questions' must be a list")
    if not isinstance(d.get("drops", {}), dict):
        raise ValueError("'drops' must be an object")
    questions: list[Question] = []
    seen: set[str] = set()
    for i, item in enumerate(raw):
        where = _where(i, item)
        if not isinstance(item, dict):
            raise ValueError(f"{where}: expected an object")
        try:
            q = Question.from_dict(item)
        except KeyError as e:
            raise ValueError(f"{where}: missing {e.args[0]!r}") from None
        except (TypeError, ValueError) as e:
            raise ValueError(f"{where}: bad value ({e})") from None
        _check_question(q, where)
        if q.key in seen:
            raise ValueError(f"{where}: duplicate key {q.key!r}")
        seen.add(q.key)
        questions.append(q)
    try:
        bank = Bank.from_dict(d)
    except (KeyError, TypeError, ValueError) as e:
        raise ValueError(f"not a Fahim question bank: {e}") from None
    return bank
