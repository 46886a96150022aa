"""Importing a question bank from Fahim's JSON: the file checked with Arabic reasons, then stored.

Every imported question starts pending review (see ``import_bank``).
"""

from __future__ import annotations

import json
import re

from sqlalchemy.orm import Session

import questions
from questions.model import BANK_VERSION, FACT_TYPES
from quiz import models
from quiz.bidicontrols import clean_bank
from quiz.services import banks as bank_service
from quiz.services.articles import MAX_TEXT_BYTES, MAX_UPLOAD_BYTES, ArticleInputError

MAX_IMPORT_BYTES = MAX_UPLOAD_BYTES
IMPORT_EXTENSIONS = (".json",)
# Column widths (see quiz.models): longer values would fail on PostgreSQL, so they are refused here.
_KEY_WIDTH, _TITLE_WIDTH = 64, 300
_IMPORT_DETAILS = (
    ("empty key", "مفتاحه فارغ"),
    ("unknown kind", "نوعه غير معروف"),
    ("empty prompt", "نصه فارغ"),
    ("the answer is not one of the choices", "إجابته ليست من خياراته"),
    ("a matching question needs pairs", "سؤال المطابقة بلا أزواج"),
    ("an ordering question needs at least two items", "سؤال الترتيب يحتاج عنصرين على الأقل"),
    ("empty answer", "إجابته فارغة"),
    ("duplicate key", "مفتاحه مكرر في الملف"),
    ("missing", "ينقصه حقل"),
    ("expected an object", "ليس كائن JSON"),
    ("bad value", "فيه قيمة غير صالحة"),
)


def _bad_strings(value: object) -> bool:
    # NUL and lone surrogates survive json.loads but not the database (PostgreSQL refuses both).
    # Walked with a stack, not recursion: a file may nest as deep as the JSON parser allows.
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if "\x00" in item:
                return True
            try:
                item.encode("utf-8")
            except UnicodeEncodeError:
                return True
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False


def _import_message(reason: str) -> str:
    """Return the Arabic message for a reason ``import_bank_json`` gave in English."""
    m = re.match(r"question (\d+)(?: \(([^)]*)\))?: (.*)$", reason)
    if m:
        detail = next((ar for en, ar in _IMPORT_DETAILS if m.group(3).startswith(en)), m.group(3))
        key = f" («{m.group(2)}»)" if m.group(2) else ""
        return f"السؤال رقم {m.group(1)}{key} في الملف غير صالح: {detail}."
    return f"الملف ليس بنك أسئلة صالحًا من فهيم ({reason})."


def parse_bank_upload(filename: str, data: bytes) -> questions.Bank:
    """Read an uploaded bank JSON file, or raise ArticleInputError with an Arabic message."""
    from quiz.exports.bankjson import import_bank_json

    if not (filename or "").lower().endswith(IMPORT_EXTENSIONS):
        raise ArticleInputError("نوع الملف غير مدعوم. ارفع ملف JSON (.json) صدّره فهيم.")
    if len(data) > MAX_IMPORT_BYTES:
        raise ArticleInputError(f"الملف كبير جدًا. الحد الأقصى {MAX_IMPORT_BYTES // (1024 * 1024)} م.ب.")
    if not data.strip():
        raise ArticleInputError("الملف فارغ.")
    try:
        parsed = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise ArticleInputError("ترميز الملف ليس UTF-8. صدّر البنك من فهيم من جديد.") from None
    except (ValueError, RecursionError):
        raise ArticleInputError("الملف ليس JSON صالحًا. ارفع الملف كما صدّره فهيم دون تعديل.") from None
    if not isinstance(parsed, dict):
        raise ArticleInputError("الملف ليس بنك أسئلة من فهيم: المتوقع كائن JSON فيه version وarticle وquestions.")
    missing = [k for k in ("version", "article", "questions") if k not in parsed]
    if missing:
        raise ArticleInputError(f"الملف ليس بنك أسئلة من فهيم: ينقصه الحقل «{missing[0]}».")
    if parsed["version"] != BANK_VERSION:
        raise ArticleInputError(
            f"إصدار البنك في الملف ({str(parsed['version'])[:20]}) غير مدعوم؛ "
            f"يقرأ فهيم الإصدار {BANK_VERSION}."
        )
    if isinstance(parsed["questions"], list) and not parsed["questions"]:
        raise ArticleInputError("لا أسئلة في الملف.")
    if _bad_strings(parsed):
        raise ArticleInputError("في الملف محارف غير صالحة (محرف فارغ أو ترميز مكسور).")
    try:
        bank = import_bank_json(data)
    except ValueError as exc:
        raise ArticleInputError(_import_message(str(exc))) from None
    if len(bank.article.key) > _KEY_WIDTH or any(len(q.key) > _KEY_WIDTH for q in bank.questions):
        raise ArticleInputError(f"مفتاح المقال أو أحد الأسئلة أطول من {_KEY_WIDTH} حرفًا.")
    bad_type = next((q for q in bank.questions if q.fact_type and q.fact_type not in FACT_TYPES), None)
    if bad_type is not None:
        raise ArticleInputError(f"نوع المعلومة في السؤال «{bad_type.key}» غير معروف.")
    if len(bank.article.text.encode("utf-8")) > MAX_TEXT_BYTES:
        raise ArticleInputError(f"نص المقال في الملف أطول من {MAX_TEXT_BYTES // 1024} ك.ب.")
    return bank


def import_bank(session: Session, owner_id: int, bank: questions.Bank) -> models.Bank:
    """Store an imported bank as a new article + bank of the teacher, every question pending review.

    Statuses are not carried over: the JSON holds questions only, and a file that was edited or
    came from elsewhere deserves the same review as a freshly generated bank. Article and
    question keys are kept, so Anki decks exported from the import update the same notes.
    """
    art = clean_bank(bank).article
    title = (art.title or "").strip()[:_TITLE_WIDTH] or "بنك مستورد"
    source = (art.source or "").strip()[:_TITLE_WIDTH] or None
    row = bank_service.save_bank(session, bank, owner_id, status="pending", source=source, commit=False)
    row.article.title = title
    session.commit()
    return row
