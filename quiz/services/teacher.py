"""What a teacher does: new articles, bank review, quiz assembly and publishing.

Every function that touches a teacher's data takes ``owner_id`` and raises ``NotFound`` for rows
that belong to someone else, so the views answer 404 and never reveal that a row exists.
Messages meant for the teacher (``ArticleInputError``, check failures) are Arabic, ready to show.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
import secrets
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

from sqlalchemy import func, select
from sqlalchemy.orm import Session

import questions
from questions.checks import check
from questions.model import BANK_VERSION, FACT_TYPES, FALSE_LABEL, TRUE_LABEL, Question, Source
from questions.normalize import has_arabic
from quiz import models
from quiz.htmltext import extract_main_text, looks_like_html
from quiz.services import banks as bank_service
from quiz.services import quizzes as quiz_service

MAX_TEXT_BYTES = 200 * 1024  # of UTF-8 article text, after HTML extraction
MAX_UPLOAD_BYTES = 2 * 1024 * 1024  # an HTML page carries markup on top of its text
UPLOAD_EXTENSIONS = (".txt", ".html", ".htm")

# Arabic messages for each check reason in questions.checks.
CHECK_MESSAGES = {
    "one_correct_answer": "يجب أن تكون للسؤال إجابة صحيحة واحدة بين الخيارات.",
    "answer_in_prompt": "الإجابة ظاهرة في نص السؤال.",
    "options_not_distinct": "الخيارات مكررة أو متشابهة.",
    "not_a_question_or_blank": "نص السؤال يجب أن يكون سؤالًا (ينتهي بـ ؟) أو جملة فيها فراغ واحد _____.",
    "unbalanced_brackets": "الأقواس أو علامات التنصيص غير متوازنة.",
    "dangling_conjunction": "الجملة تبدأ بحرف عطف معلق.",
}
# Clearer words for the one-answer check of the kinds whose answer is a structure.
ONE_ANSWER_BY_KIND = {
    "matching": "المطابقة تحتاج زوجين على الأقل، بعناصر مختلفة في الجهة الأولى.",
    "ordering": "الترتيب يحتاج ثلاثة عناصر مختلفة على الأقل.",
    "true_false": "إجابة سؤال صح أو خطأ هي «صح» أو «خطأ».",
    "numeric": "الإجابة الرقمية يجب أن تكون عددًا.",
}

# Kinds a teacher can write by hand (matching and ordering need pair/item editors).
HAND_KINDS = ("mcq", "true_false", "short", "numeric", "cloze", "matching", "ordering")


class NotFound(LookupError):
    """The row does not exist or belongs to another teacher."""


class ArticleInputError(ValueError):
    """Article input the teacher must fix; ``str(error)`` is an Arabic message."""


class QuestionInvalid(ValueError):
    """An edited or hand-written question failed its checks; ``messages`` says why, in Arabic."""

    def __init__(self, messages: list[str]) -> None:
        super().__init__("؛ ".join(messages))
        self.messages = messages


Generator = Callable[..., questions.Bank]


def _generator() -> Generator:
    # Looked up at call time so tests can substitute a fast fake generator. Imported from the
    # submodule: once questions.generate (the module) is loaded it shadows the package-level
    # function of the same name, so ``questions.generate(...)`` fails on a second call.
    from questions.generate import generate

    return generate


# --- article input ---------------------------------------------------------------------------

def clean_article_text(text: str) -> str:
    """Return the article text ready to save, or raise ArticleInputError with an Arabic message."""
    if "\x00" in text:
        raise ArticleInputError("الملف ثنائي وليس نصًا. ارفع ملف نص (.txt) أو صفحة ويب (.html).")
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff").strip()
    if not text:
        raise ArticleInputError("النص فارغ. الصق نص المقال أو ارفع ملفه.")
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\t\f")
    if controls > max(3, len(text) // 100):
        raise ArticleInputError("الملف ثنائي وليس نصًا. ارفع ملف نص (.txt) أو صفحة ويب (.html).")
    size = len(text.encode("utf-8"))
    if size > MAX_TEXT_BYTES:
        raise ArticleInputError(
            f"النص طويل جدًا ({size // 1024} ك.ب). الحد الأقصى {MAX_TEXT_BYTES // 1024} ك.ب من النص."
        )
    if not has_arabic(text):
        raise ArticleInputError("لا يحتوي النص على حروف عربية. فهيم يولّد الأسئلة من المقالات العربية.")
    return text


def decode_upload(filename: str, data: bytes) -> str:
    """Return the article text of an uploaded .txt or .html file, or raise ArticleInputError."""
    name = (filename or "").lower()
    if not name.endswith(UPLOAD_EXTENSIONS):
        raise ArticleInputError("نوع الملف غير مدعوم. ارفع ملف نص (.txt) أو صفحة ويب (.html).")
    if len(data) > MAX_UPLOAD_BYTES:
        raise ArticleInputError(f"الملف كبير جدًا. الحد الأقصى {MAX_UPLOAD_BYTES // (1024 * 1024)} م.ب.")
    if not data.strip():
        raise ArticleInputError("الملف فارغ.")
    if b"\x00" in data:
        raise ArticleInputError("الملف ثنائي وليس نصًا. ارفع ملف نص (.txt) أو صفحة ويب (.html).")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ArticleInputError(
            "ترميز الملف ليس UTF-8. احفظ الملف بترميز UTF-8 ثم ارفعه من جديد."
        ) from None
    if name.endswith((".html", ".htm")) or looks_like_html(text):
        text = extract_main_text(text)
        if not text.strip():
            raise ArticleInputError("لم نجد نص مقال في صفحة الويب.")
    return clean_article_text(text)


# --- ownership -------------------------------------------------------------------------------

def owned_article(session: Session, owner_id: int, article_id: int) -> models.Article:
    """Return the teacher's article or raise NotFound."""
    art = session.get(models.Article, article_id)
    if art is None or art.owner_id != owner_id:
        raise NotFound(article_id)
    return art


def owned_bank(session: Session, owner_id: int, bank_id: int) -> models.Bank:
    """Return the teacher's bank or raise NotFound."""
    bank = session.get(models.Bank, bank_id)
    if bank is None or bank.article.owner_id != owner_id:
        raise NotFound(bank_id)
    return bank


def owned_question(session: Session, owner_id: int, bank_question_id: int) -> models.BankQuestion:
    """Return one question of the teacher's banks or raise NotFound."""
    bq = session.get(models.BankQuestion, bank_question_id)
    if bq is None or bq.bank.article.owner_id != owner_id:
        raise NotFound(bank_question_id)
    return bq


def owned_quiz(session: Session, owner_id: int, quiz_id: int) -> models.Quiz:
    """Return the teacher's quiz or raise NotFound."""
    quiz = session.get(models.Quiz, quiz_id)
    if quiz is None or quiz.owner_id != owner_id:
        raise NotFound(quiz_id)
    return quiz


# --- dashboard -------------------------------------------------------------------------------

@dataclass(frozen=True)
class BankSummary:
    """A bank with its question counts by status."""

    bank: models.Bank
    pending: int
    approved: int
    rejected: int


def articles_of(session: Session, owner_id: int) -> list[models.Article]:
    """Return the teacher's articles, newest first."""
    stmt = (select(models.Article).where(models.Article.owner_id == owner_id)
            .order_by(models.Article.created_at.desc(), models.Article.id.desc()))
    return list(session.scalars(stmt))


def quizzes_of(session: Session, owner_id: int) -> list[models.Quiz]:
    """Return the teacher's quizzes, newest first."""
    stmt = (select(models.Quiz).where(models.Quiz.owner_id == owner_id)
            .order_by(models.Quiz.created_at.desc(), models.Quiz.id.desc()))
    return list(session.scalars(stmt))


def bank_summary(session: Session, bank: models.Bank) -> BankSummary:
    """Count a bank's questions by review status."""
    rows = session.execute(
        select(models.BankQuestion.status, func.count())
        .where(models.BankQuestion.bank_id == bank.id).group_by(models.BankQuestion.status)
    ).all()
    counts = {status: n for status, n in rows}
    return BankSummary(bank, counts.get("pending", 0), counts.get("approved", 0), counts.get("rejected", 0))


# --- articles and banks ----------------------------------------------------------------------

def _unique_keys(bank: questions.Bank) -> questions.Bank:
    # A bank's keys are UNIQUE in the database; keep the first question of any repeated key.
    first: dict[str, Question] = {}
    for q in bank.questions:
        first.setdefault(q.key, q)
    if len(first) == len(bank.questions):
        return bank
    return replace(bank, questions=tuple(first.values()))


def create_article(
    session: Session, owner_id: int, *, title: str, text: str, source: str | None = None,
    published_on: dt.date | None = None, seed: int = 0,
) -> models.Bank:
    """Validate the text, generate its bank and store article + bank (all questions pending)."""
    text = clean_article_text(text)
    bank = _unique_keys(_generator()(
        text, seed=seed, article_date=published_on.isoformat() if published_on else None,
        title=title.strip(), source=(source or "").strip() or None,
    ))
    row = bank_service.save_bank(
        session, bank, owner_id, seed=seed, status="pending", published_on=published_on,
        source=(source or "").strip() or None, commit=False,
    )
    row.article.title = title.strip()
    row.article.text = text
    session.commit()
    return row


# --- importing a bank from Fahim's JSON ---------------------------------------------------------

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
    art = bank.article
    title = (art.title or "").strip()[:_TITLE_WIDTH] or "بنك مستورد"
    source = (art.source or "").strip()[:_TITLE_WIDTH] or None
    row = bank_service.save_bank(session, bank, owner_id, status="pending", source=source, commit=False)
    row.article.title = title
    session.commit()
    return row


def regenerate_bank(session: Session, owner_id: int, article_id: int) -> models.Bank:
    """Generate a fresh bank for an article with a new seed; earlier banks stay (quizzes use them)."""
    art = owned_article(session, owner_id, article_id)
    seed = 1 + max((b.seed for b in art.banks), default=0)
    bank = _unique_keys(_generator()(
        art.text, seed=seed, article_date=art.published_on.isoformat() if art.published_on else None,
        title=art.title, source=art.source,
    ))
    row = models.Bank(article=art, seed=seed, version=bank.version,
                      drops_json=json.dumps(dict(bank.drops), ensure_ascii=False))
    for position, q in enumerate(bank.questions):
        row.questions.append(models.BankQuestion(
            key=q.key, kind=q.kind, fact_type=q.fact_type, status="pending", position=position,
            data_json=bank_service.dump_question(q),
        ))
    session.add(row)
    session.commit()
    return row


def bank_questions(session: Session, bank_id: int, status: str | None = None) -> list[models.BankQuestion]:
    """Return a bank's questions in order, optionally only those with ``status``."""
    stmt = select(models.BankQuestion).where(models.BankQuestion.bank_id == bank_id)
    if status:
        stmt = stmt.where(models.BankQuestion.status == status)
    return list(session.scalars(stmt.order_by(models.BankQuestion.position, models.BankQuestion.id)))


# --- review actions --------------------------------------------------------------------------

def set_status(session: Session, owner_id: int, bank_question_id: int, status: str) -> models.BankQuestion:
    """Approve, reject or reset one question."""
    if status not in models.QUESTION_STATUSES:
        raise ValueError(status)
    bq = owned_question(session, owner_id, bank_question_id)
    bq.status = status
    session.commit()
    return bq


def approve_all(session: Session, owner_id: int, bank_id: int) -> int:
    """Approve every pending question of a bank (rejected ones stay rejected); return how many."""
    owned_bank(session, owner_id, bank_id)
    rows = bank_questions(session, bank_id, "pending")
    for bq in rows:
        bq.status = "approved"
    session.commit()
    return len(rows)


def check_messages(question: Question) -> list[str]:
    """Return the Arabic messages for every check the question fails."""
    return [
        ONE_ANSWER_BY_KIND.get(question.kind, CHECK_MESSAGES[reason]) if reason == "one_correct_answer"
        else CHECK_MESSAGES.get(reason, reason)
        for reason in check(question)
    ]


def _lines(values: Iterable[str]) -> tuple[str, ...]:
    seen: list[str] = []
    for v in values:
        v = v.strip()
        if v and v not in seen:
            seen.append(v)
    return tuple(seen)


def _shuffled_like(key: str, values: Sequence[str], current: Sequence[str] = ()) -> tuple[str, ...]:
    # Keep the displayed order when the set is unchanged; otherwise shuffle reproducibly by key,
    # and never into the right order or pairing, which would give the answer away.
    if current and sorted(current) == sorted(values):
        return tuple(current)
    out = random.Random(key).sample(list(values), len(values))  # stable option order, not a secret  # nosec B311
    if len(out) > 1 and out == list(values):
        out = out[1:] + out[:1]
    return tuple(out)


def edited_question(
    original: Question, *, prompt: str, answer: str, choices: Sequence[str] = (),
    accepted: Sequence[str] = (), pairs: Sequence[tuple[str, str]] | None = None,
    items: Sequence[str] | None = None,
) -> Question:
    """Return ``original`` with the teacher's edits applied (choices/accepted one per item).

    Matching questions take ``pairs`` (left, right) and ordering questions ``items`` in the right
    order; their options are derived from those.
    """
    prompt, answer = prompt.strip(), answer.strip()
    new_choices = _lines(choices)
    new_pairs, new_items = original.pairs, original.items
    if original.kind == "true_false":
        new_choices = (TRUE_LABEL, FALSE_LABEL)
    elif original.kind == "matching":
        if pairs is not None:
            new_pairs = tuple((a.strip(), b.strip()) for a, b in pairs if a.strip() and b.strip())
        new_choices = _shuffled_like(original.key, [b for _, b in new_pairs], original.choices)
        answer = original.answer
    elif original.kind == "ordering":
        if items is not None:
            new_items = _lines(items)
        new_choices = _shuffled_like(original.key, new_items, original.choices)
        answer = original.answer
    elif original.kind not in ("mcq", "cloze"):
        new_choices = ()  # typed answers have no options
    return replace(original, prompt=prompt, answer=answer, choices=new_choices, pairs=new_pairs,
                   items=new_items, accepted=tuple(a for a in _lines(accepted) if a != answer))


def edit_question(
    session: Session, owner_id: int, bank_question_id: int, *, prompt: str, answer: str,
    choices: Sequence[str] = (), accepted: Sequence[str] = (),
    pairs: Sequence[tuple[str, str]] | None = None, items: Sequence[str] | None = None,
) -> models.BankQuestion:
    """Save the teacher's edit if it passes the checks; otherwise raise QuestionInvalid, saving nothing."""
    bq = owned_question(session, owner_id, bank_question_id)
    question = edited_question(bank_service.load_question(bq.data_json), prompt=prompt, answer=answer,
                               choices=choices, accepted=accepted, pairs=pairs, items=items)
    problems = []
    if not question.prompt:
        problems.append("اكتب نص السؤال.")
    if question.kind not in ("matching", "ordering") and not question.answer:
        problems.append("اكتب الإجابة الصحيحة.")
    problems += check_messages(question) if not problems else []
    if problems:
        raise QuestionInvalid(problems)
    bq.data_json = bank_service.dump_question(question)
    session.commit()
    return bq


def add_question(
    session: Session, owner_id: int, bank_id: int, *, kind: str, prompt: str, answer: str,
    choices: Sequence[str] = (), accepted: Sequence[str] = (), fact_type: str = "",
    source_text: str = "", pairs: Sequence[tuple[str, str]] = (), items: Sequence[str] = (),
) -> models.BankQuestion:
    """Add a hand-written question (approved: the teacher wrote it) if it passes the checks.

    Matching questions take ``pairs`` (left, right) and ordering questions ``items`` in the right
    order; their options are those, shuffled by the question's key, and their answer is derived.
    """
    bank = owned_bank(session, owner_id, bank_id)
    if kind not in HAND_KINDS:
        raise QuestionInvalid(["نوع السؤال غير مدعوم للإضافة اليدوية."])
    key = "hand-" + uuid.uuid4().hex[:12]
    answer = answer.strip()
    new_pairs: tuple[tuple[str, str], ...] = ()
    new_items: tuple[str, ...] = ()
    if kind == "true_false":
        opts: tuple[str, ...] = (TRUE_LABEL, FALSE_LABEL)
    elif kind in ("mcq", "cloze"):
        opts = _lines(choices)
    elif kind == "matching":
        new_pairs = tuple((a.strip(), b.strip()) for a, b in pairs if a.strip() and b.strip())
        opts = _shuffled_like(key, _lines(b for _, b in new_pairs))
        answer = " | ".join(b for _, b in new_pairs)
    elif kind == "ordering":
        new_items = _lines(items)
        opts = _shuffled_like(key, new_items)
        answer = " ← ".join(new_items)
    else:
        opts = ()
    source_text = source_text.strip()
    start = source_text.find(answer) if answer and source_text and kind not in ("matching", "ordering") else -1
    question = Question(
        key=key, kind=kind,
        fact_type=fact_type if fact_type in FACT_TYPES else "",
        prompt=prompt.strip(), answer=answer, choices=opts,
        accepted=tuple(a for a in _lines(accepted) if a != answer) if kind not in ("matching", "ordering") else (),
        source=Source(source_text, max(start, 0), max(start, 0) + len(answer) if start >= 0 else 0),
        tolerance=0.0 if kind == "numeric" else None, pairs=new_pairs, items=new_items,
    )
    problems = check_messages(question)
    if kind == "matching" and len(new_pairs) < 2:
        problems.insert(0, "اكتب زوجين على الأقل، كل زوج في سطر: العنصر = ما يقابله.")
    elif kind == "ordering" and len(new_items) < 3:
        problems.insert(0, "اكتب ثلاثة عناصر على الأقل بترتيبها الصحيح، عنصرًا في كل سطر.")
    if not prompt.strip() or not answer:
        problems.insert(0, "نص السؤال والإجابة مطلوبان." if kind not in ("matching", "ordering")
                        else "اكتب نص السؤال.")
    if problems:
        raise QuestionInvalid(problems)
    position = 1 + max((q.position for q in bank.questions), default=-1)
    bq = models.BankQuestion(bank_id=bank.id, key=question.key, kind=kind, fact_type=question.fact_type,
                             status="approved", position=position,
                             data_json=bank_service.dump_question(question))
    session.add(bq)
    session.commit()
    return bq


def regenerate_distractors(session: Session, owner_id: int, bank_question_id: int, *,
                           tries: int = 10) -> bool:
    """Give a multiple-choice question new wrong options; return False when none could be found.

    The generator is deterministic per seed and its keys are stable, so generating the article
    again with other seeds yields the same question with other distractors; the first set that
    differs from the current one and passes the checks is taken.
    """
    bq = owned_question(session, owner_id, bank_question_id)
    current = bank_service.load_question(bq.data_json)
    if not current.choices or current.kind not in ("mcq", "cloze"):
        return False
    art = bq.bank.article
    rng = random.Random(secrets.randbits(32))  # picks distractors, not a secret  # nosec B311
    for _ in range(tries):
        bank = _generator()(
            art.text, seed=rng.randrange(1, 10**6),
            article_date=art.published_on.isoformat() if art.published_on else None,
            title=art.title, source=art.source,
        )
        for q in bank.questions:
            if q.key != current.key or set(q.choices) == set(current.choices):
                continue
            if current.answer not in q.choices:
                continue
            candidate = replace(current, choices=q.choices)
            if not check(candidate):
                bq.data_json = bank_service.dump_question(candidate)
                session.commit()
                return True
    return False


# --- quiz assembly and publishing ------------------------------------------------------------

@dataclass(frozen=True)
class QuizSettings:
    """The settings a teacher chooses for a quiz."""

    title: str
    time_limit_seconds: int | None = None
    opens_at: dt.datetime | None = None
    closes_at: dt.datetime | None = None
    attempts_allowed: int | None = None
    grading: str = "highest"
    layout: str = "one_per_page"
    review: str = "immediately"
    timezone: str | None = None  # the IANA zone opens_at/closes_at were entered in (they are UTC here)

    def problems(self) -> list[str]:
        """Return Arabic messages for inconsistent settings."""
        out: list[str] = []
        if not self.title.strip():
            out.append("عنوان الاختبار مطلوب.")
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            out.append("موعد الإغلاق يجب أن يكون بعد موعد الفتح.")
        if self.review == "after_close" and self.closes_at is None:
            out.append("عرض الإجابات بعد الإغلاق يحتاج إلى موعد إغلاق.")
        if self.grading not in models.GRADINGS or self.layout not in models.LAYOUTS \
                or self.review not in models.REVIEWS:
            out.append("إعداد غير معروف.")
        return out


def draw_per_fact_type(
    candidates: Sequence[models.BankQuestion], counts: dict[str, int], *, seed: int | None = None,
) -> list[int]:
    """Draw ``counts[fact_type]`` random questions of each fact type; return their ids in bank order."""
    rng = random.Random(seed)  # reproducible draw of questions, not a secret  # nosec B311
    chosen: set[int] = set()
    for fact_type, n in counts.items():
        pool = [bq for bq in candidates if bq.fact_type == fact_type]
        for bq in rng.sample(pool, min(max(n, 0), len(pool))):
            chosen.add(bq.id)
    return [bq.id for bq in candidates if bq.id in chosen]


def create_quiz(
    session: Session, owner_id: int, bank_id: int, settings: QuizSettings,
    bank_question_ids: Sequence[int],
) -> models.Quiz:
    """Create a draft quiz from approved questions of the teacher's bank."""
    owned_bank(session, owner_id, bank_id)
    problems = settings.problems()
    approved = {bq.id for bq in bank_questions(session, bank_id, "approved")}
    ids = [i for i in dict.fromkeys(bank_question_ids)]
    if not ids:
        problems.append("اختر سؤالًا واحدًا على الأقل.")
    if any(i not in approved for i in ids):
        problems.append("يمكن وضع الأسئلة المعتمدة فقط في الاختبار.")
    if problems:
        raise QuestionInvalid(problems)
    return quiz_service.create_quiz(
        session, bank_id=bank_id, title=settings.title.strip(), bank_question_ids=ids, owner_id=owner_id,
        time_limit_seconds=settings.time_limit_seconds, opens_at=settings.opens_at,
        closes_at=settings.closes_at, attempts_allowed=settings.attempts_allowed,
        grading=settings.grading, layout=settings.layout, review=settings.review, published=False,
        timezone=settings.timezone,
    )


def update_settings(session: Session, owner_id: int, quiz_id: int, settings: QuizSettings) -> models.Quiz:
    """Change a quiz's settings (allowed after publishing too: e.g. extending the close time)."""
    quiz = owned_quiz(session, owner_id, quiz_id)
    problems = settings.problems()
    if problems:
        raise QuestionInvalid(problems)
    quiz.title = settings.title.strip()
    quiz.time_limit_seconds = settings.time_limit_seconds
    quiz.opens_at, quiz.closes_at = settings.opens_at, settings.closes_at
    quiz.attempts_allowed = settings.attempts_allowed
    quiz.grading, quiz.layout, quiz.review = settings.grading, settings.layout, settings.review
    if settings.timezone is not None:
        quiz.timezone = settings.timezone
    session.commit()
    return quiz


def publish(session: Session, owner_id: int, quiz_id: int) -> models.Quiz:
    """Snapshot the current approved text of each question into the quiz and open it to students.

    Questions un-approved since the draft was made are dropped; after publishing the snapshot never
    changes, so later bank edits cannot alter graded attempts.
    """
    quiz = owned_quiz(session, owner_id, quiz_id)
    if quiz.published:
        return quiz
    kept = 0
    for qq in list(quiz.questions):
        bq = session.get(models.BankQuestion, qq.bank_question_id) if qq.bank_question_id else None
        if bq is None or bq.status != "approved":
            quiz.questions.remove(qq)
            continue
        qq.data_json = bq.data_json
        qq.position = kept
        kept += 1
    if not kept:
        session.rollback()
        raise QuestionInvalid(["لا توجد في الاختبار أسئلة معتمدة."])
    quiz.published = True
    session.commit()
    return quiz


def delete_draft(session: Session, owner_id: int, quiz_id: int) -> None:
    """Delete a quiz that was never published."""
    quiz = owned_quiz(session, owner_id, quiz_id)
    if quiz.published:
        raise QuestionInvalid(["لا يمكن حذف اختبار منشور."])
    session.delete(quiz)
    session.commit()
