"""Shared fixtures: an app on a fresh temp SQLite database per test, client, runner, session, factories.

The built-in seed bank is generated once per test session (``quiz.seed`` caches it per process) and
loaded into every app unless the test is marked ``@pytest.mark.no_seed``.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient, FlaskCliRunner
from sqlalchemy.orm import Session

from questions.model import FALSE_LABEL, TRUE_LABEL, Article, Bank, Question, Source
from quiz import create_app, models
from quiz.db import get_db
from quiz.services import banks as bank_service
from quiz.services import quizzes as quiz_service
from quiz.services import users as user_service

from databases import (_postgres_schema, _sqlite_template, database_url, module_database_url,  # noqa: F401,E402
                       pytest_addoption, pytest_collection_modifyitems)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "no_seed: build the app without the built-in article and quiz")
    config.addinivalue_line("markers", "sqlite_only: a test about SQLite itself; it runs on SQLite on every run")


# --- a small hand-built bank: one question of every kind, answers easy to find in HTML -------------

SENTENCE = "فاز نصري عصفورة بانتخابات الرئاسة في هندوراس بنسبة 40.27% يوم 24 ديسمبر 2025."


def _src(part: str) -> Source:
    start = SENTENCE.index(part)
    return Source(SENTENCE, start, start + len(part))


def sample_questions() -> tuple[Question, ...]:
    """Return one question of each kind; typed answers are distinctive words for leak scans."""
    return (
        Question(key="mcq1", kind="mcq", fact_type="place", prompt="في أي بلد فاز نصري عصفورة بالانتخابات؟",
                 answer="هندوراس", choices=("هندوراس", "فنزويلا", "غواتيمالا", "كوبا"), source=_src("هندوراس")),
        Question(key="tf1", kind="true_false", fact_type="percentage",
                 prompt="حصل عصفورة على 40.27% من الأصوات.", answer=TRUE_LABEL,
                 choices=(TRUE_LABEL, FALSE_LABEL), source=_src("40.27%")),
        Question(key="cloze1", kind="cloze", fact_type="person",
                 prompt="فاز _____ بانتخابات الرئاسة في هندوراس.", answer="عصفورة",
                 accepted=("نصري عصفورة",), source=_src("نصري عصفورة")),
        Question(key="wh1", kind="wh", fact_type="date", prompt="متى أُعلن فوز عصفورة؟",
                 answer="24 ديسمبر", accepted=("24 ديسمبر 2025",), source=_src("24 ديسمبر 2025")),
        Question(key="short1", kind="short", fact_type="organization", prompt="ما اسم المنصة التي نشر عليها ترامب؟",
                 answer="تروث سوشيال", source=_src("الرئاسة")),
        Question(key="num1", kind="numeric", fact_type="percentage", prompt="ما نسبة الأصوات التي حصل عليها عصفورة؟",
                 answer="40.27", tolerance=0.01, source=_src("40.27%")),
        Question(key="match1", kind="matching", fact_type="person", prompt="صِل كل شخص بمنصبه.",
                 answer="", pairs=(("ترامب", "رئيس أمريكا"), ("روبيو", "وزير الخارجية"), ("عصفورة", "رئيس هندوراس")),
                 choices=("وزير الخارجية", "رئيس هندوراس", "رئيس أمريكا")),
        Question(key="order1", kind="ordering", fact_type="date", prompt="رتّب الأحداث من الأقدم إلى الأحدث.",
                 answer="", items=("الانتخابات", "إعلان النتائج", "أداء اليمين"),
                 choices=("أداء اليمين", "الانتخابات", "إعلان النتائج")),
    )


SAMPLE_TEXT = SENTENCE


def sample_bank(key: str = "sample-article") -> Bank:
    """Return the hand-built bank (one question per kind)."""
    return Bank(article=Article(key=key, title="مقال تجريبي", text=SAMPLE_TEXT, date="2026-02-15", source="اختبار"),
                questions=sample_questions())


# Right answers for the sample bank, in the shape the forms post them (see quiz.services.attempts).
SAMPLE_ANSWERS: dict[str, Any] = {
    "mcq1": "هندوراس", "tf1": TRUE_LABEL, "cloze1": "عصفورة", "wh1": "24 ديسمبر", "short1": "تروث سوشيال",
    "num1": "40.27",
    "match1": {"ترامب": "رئيس أمريكا", "روبيو": "وزير الخارجية", "عصفورة": "رئيس هندوراس"},
    "order1": ["الانتخابات", "إعلان النتائج", "أداء اليمين"],
}


# --- app fixtures -------------------------------------------------------------------------------

@pytest.fixture
def app(tmp_path: Any, request: pytest.FixtureRequest, database_url: str) -> Iterator[Flask]:
    """Return an app on an empty migrated database; the built-in quiz is loaded unless marked no_seed."""
    application = create_app({
        "TESTING": True,
        "INSTANCE_PATH": str(tmp_path / "instance"),
        "DATABASE_URL": database_url,
        "CREATE_SCHEMA": False,  # database_url is migrated already
        "SECRET_KEY": "test-secret",
        "SEED_ON_START": False,
        "RATELIMIT_ENABLED": False,
    })
    if request.node.get_closest_marker("no_seed") is None:
        from quiz import seed

        with get_db(application).session() as s:
            seed.ensure_builtin(s)
    yield application
    get_db(application).engine.dispose()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    """Return a test client (CSRF is on: use the csrf() helper to read a page's token)."""
    return app.test_client()


@pytest.fixture
def runner(app: Flask) -> FlaskCliRunner:
    """Return a CLI runner for the app."""
    return app.test_cli_runner()


@pytest.fixture
def session(app: Flask) -> Iterator[Session]:
    """Return a database session on the app's database (separate from request sessions)."""
    with get_db(app).session() as s:
        yield s


# --- factories ------------------------------------------------------------------------------------

_counter = itertools.count(1)


@pytest.fixture
def make_user(session: Session) -> Callable[..., models.User]:
    """Create a user: make_user(role="student", name=..., email=..., password="secret-pass")."""
    def make(role: str = "student", name: str | None = None, email: str | None = None,
             password: str = "secret-pass") -> models.User:
        n = next(_counter)
        if role == "guest":
            return user_service.create_guest(session, name or f"زائر {n}")
        return user_service.create_account(session, name=name or f"طالب {n}",
                                           email=email or f"user{n}@example.org", password=password, role=role)
    return make


@pytest.fixture
def make_quiz(session: Session) -> Callable[..., models.Quiz]:
    """Create a published quiz on the sample bank (every kind); settings as keyword arguments."""
    def make(bank: Bank | None = None, **settings: Any) -> models.Quiz:
        n = next(_counter)
        row = bank_service.save_bank(session, bank or sample_bank(f"sample-{n}"), None, status="approved")
        ids = [q.id for q in row.questions]
        settings.setdefault("title", f"اختبار تجريبي {n}")
        settings.setdefault("layout", "all_on_one")
        return quiz_service.create_quiz(session, bank_id=row.id, bank_question_ids=ids, **settings)
    return make


def login(client: FlaskClient, user: models.User) -> None:
    """Bind ``user`` to the client's session cookie, as the login view does."""
    with client.session_transaction() as sess:
        sess["user_id"] = user.id
        sess["sv"] = user.session_version


def csrf(client: FlaskClient, path: str = "/") -> str:
    """Return the CSRF token a page of ``path`` carries (from its meta tag)."""
    import re

    html = client.get(path).get_data(as_text=True)
    m = re.search(r'<meta name="csrf-token" content="([^"]+)"', html)
    assert m, f"no CSRF token on {path}"
    return m.group(1)


def past(minutes: int = 1) -> dt.datetime:
    """Return a naive UTC time ``minutes`` ago."""
    return models.utcnow() - dt.timedelta(minutes=minutes)


CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Launch Debian's Chromium through Playwright, once per test module (never a downloaded browser)."""
    import shutil

    from playwright.sync_api import sync_playwright

    executable = shutil.which("chromium")
    assert executable, "Debian's chromium package is required (bash tests/run.sh installs it)"
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield b
        b.close()
