"""New articles: the teacher's pasted or uploaded text (or web page) read and checked, its bank generated.

A web page (pasted HTML or a saved .html file) is read by ``quiz.webpage`` into its title, date,
site and article text, which the teacher sees before generating. An article that yields no
question saves nothing. Messages meant for the teacher (``ArticleInputError``) are Arabic.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass, replace

from sqlalchemy.orm import Session

import questions
from questions.model import Question
from questions.normalize import has_arabic
from quiz import models, webpage
from quiz.arabic import questions_count
from quiz.bidicontrols import without_controls
from quiz.services import banks as bank_service
from quiz.services.checks import dropped_summary
from quiz.services.ownership import owned_article

MAX_TEXT_BYTES = 200 * 1024  # of UTF-8 article text, after HTML extraction
MAX_UPLOAD_BYTES = 2 * 1024 * 1024  # an HTML page carries markup on top of its text
# The new-article form's body limit: a paste far over MAX_TEXT_BYTES still reaches the view, which
# answers with the reason and the teacher's text back in the form instead of a bare 413 page.
MAX_FORM_BYTES = 8 * 1024 * 1024
UPLOAD_EXTENSIONS = (".txt", ".html", ".htm")


class ArticleInputError(ValueError):
    """Article input the teacher must fix; ``str(error)`` is an Arabic message."""


class MissingTitle(ArticleInputError):
    """The article has no title (typed, or found in its web page)."""


Generator = Callable[..., questions.Bank]


def generator() -> Generator:
    """Return the question generator (tests put a fast stand-in here)."""
    # Looked up at call time so tests can substitute a fast fake generator. Imported from the
    # submodule: once questions.generate (the module) is loaded it shadows the package-level
    # function of the same name, so ``questions.generate(...)`` fails on a second call.
    from questions.generate import generate

    return generate


def clean_article_text(text: str) -> str:
    """Return the article text ready to save, or raise ArticleInputError with an Arabic message."""
    if "\x00" in text:
        raise ArticleInputError("الملف ثنائي وليس نصًا. ارفع ملف نص (.txt) أو صفحة ويب (.html).")
    text = without_controls(text.replace("\r\n", "\n").replace("\r", "\n")).strip()
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


@dataclass(frozen=True)
class ArticleInput:
    """An article as read from the teacher's input; ``from_page``: read out of a web page."""

    text: str
    title: str = ""
    published_on: dt.date | None = None
    source: str = ""
    from_page: bool = False


def read_page(html: str) -> ArticleInput:
    """Read a web page's article (title, date, site, text), or raise ArticleInputError."""
    try:
        page = webpage.read_page(html)
    except webpage.PageTooComplex:
        raise ArticleInputError(
            f"صفحة الويب أكبر وأعقد من أن تُقرأ (أكثر من {webpage.MAX_ELEMENTS} عنصر بعد حذف البرامج والأنماط). "
            "انسخ نص المقال وحده من الصفحة والصقه."
        ) from None
    if not page.text.strip():
        raise ArticleInputError("لم نجد نص مقال في صفحة الويب. انسخ نص المقال وحده من الصفحة والصقه.")
    return ArticleInput(clean_article_text(page.text), page.title[:300], page.date, page.source[:300], True)


def read_text(text: str) -> ArticleInput:
    """Read pasted text: a web page's HTML is read as a page, anything else is the article itself."""
    if webpage.looks_like_html(text):
        return read_page(text)
    return ArticleInput(clean_article_text(text))


def decode_upload(filename: str, data: bytes) -> ArticleInput:
    """Read an uploaded .txt or .html file, or raise ArticleInputError."""
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
    if name.endswith((".html", ".htm")):
        return read_page(text)
    return read_text(text)


def no_questions_message(bank: questions.Bank) -> str:
    """Say, in Arabic, why an article gave no question (nothing is saved for it)."""
    dropped = dropped_summary(bank.drops)
    if dropped:
        reasons = "، ".join(f"{reason} ({n})" for reason, n in dropped)
        total = sum(n for _, n in dropped)
        return (f"لم يُحفظ شيء: كل ما ولّدناه من هذا النص ({questions_count(total)}) استبعدته فحوص الجودة: "
                f"{reasons}. جرّب مقالًا أطول فيه وقائع أكثر.")
    return ("لم يُحفظ شيء: لم نجد في النص وقائع نسأل عنها (أسماء أشخاص أو أماكن أو منظمات، تواريخ، أرقام، نسب). "
            "الصق نص مقال إخباري، لا قائمة روابط أو تعليقات.")


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
    """Validate the text, generate its bank and store article + bank (all questions pending).

    An article that yields no question raises ArticleInputError saying why, and nothing is saved.
    """
    text, title = clean_article_text(text), without_controls(title)
    if not title.strip():
        raise MissingTitle("اكتب عنوان المقال.")
    bank = _unique_keys(generator()(
        text, seed=seed, article_date=published_on.isoformat() if published_on else None,
        title=title.strip(), source=(source or "").strip() or None,
    ))
    if not bank.questions:
        raise ArticleInputError(no_questions_message(bank))
    row = bank_service.save_bank(
        session, bank, owner_id, seed=seed, status="pending", published_on=published_on,
        source=(source or "").strip() or None, commit=False,
    )
    row.article.title = title.strip()
    row.article.text = text
    session.commit()
    return row


def regenerate_bank(session: Session, owner_id: int, article_id: int) -> models.Bank:
    """Generate a fresh bank for an article with a new seed; earlier banks stay (quizzes use them)."""
    art = owned_article(session, owner_id, article_id)
    seed = 1 + max((b.seed for b in art.banks), default=0)
    bank = _unique_keys(generator()(
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
