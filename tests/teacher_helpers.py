"""Shared setup for the teacher-side tests: an app on a fresh database, users, a fast fake generator."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

import pytest

from questions.model import FALSE_LABEL, TRUE_LABEL, Article, Bank, Question, Source
from quiz.services import articles as article_service

ARTICLE = (
    "أعلنت وزارة الصحة المصرية يوم الاثنين إطلاق حملة تطعيم تشمل 3 ملايين طفل في 27 محافظة.\n"
    "وقال الوزير خالد عبد الغفار إن الحملة تستمر أسبوعين.\n"
    "وبلغت نسبة التغطية في الحملة السابقة 92%."
)
# A short, realistic news article for the real generator: people, places, organizations, dates,
# numbers, a percentage and a change.
NEWS_ARTICLE = """أعلنت وزارة الصحة المصرية يوم الاثنين 2 مارس 2026 إطلاق حملة قومية للتطعيم ضد شلل الأطفال تستهدف 14 مليون طفل في 27 محافظة.
وقال وزير الصحة خالد عبد الغفار في مؤتمر صحفي بالقاهرة إن الحملة تستمر أربعة أيام، وإن فرق التطعيم ستزور المنازل والمدارس.
وأوضح المتحدث باسم الوزارة حسام عبد الغفار أن نسبة التغطية في الحملة السابقة بلغت 96% من الأطفال المستهدفين.
وتنفذ الحملة بالتعاون مع منظمة الصحة العالمية ومنظمة الأمم المتحدة للطفولة (يونيسف)، بتكلفة تبلغ 120 مليون جنيه.
وارتفع عدد فرق التطعيم المشاركة من 28 ألف فريق في الحملة السابقة إلى 35 ألف فريق هذا العام.
وكانت مصر قد أعلنت خلوها من شلل الأطفال عام 2006، لكن الوزارة تواصل التطعيم الدوري للحفاظ على هذا الإنجاز."""
OTHER_NAMES = ("منظمة الصحة العالمية", "وزارة التعليم", "اليونيسف", "الهلال الأحمر", "وزارة المالية", "البنك الدولي")


@dataclass
class Calls:
    """What the fake generator was asked."""

    seeds: list[int]
    article_dates: list[str | None]


def fake_generate(calls: Calls):
    """Return a stand-in for questions.generate: fast, deterministic per seed, stable keys."""

    def generate(text: str, *, seed: int = 0, article_date: str | None = None, title: str = "",
                 source: str | None = None) -> Bank:
        calls.seeds.append(seed)
        calls.article_dates.append(article_date)
        first = text.split("\n")[0]
        start = first.find("وزارة الصحة")
        distractors = random.Random(seed).sample(OTHER_NAMES, 3)
        qs = (
            Question(key="k-mcq", kind="mcq", fact_type="organization", prompt="من أعلن إطلاق حملة التطعيم؟",
                     answer="وزارة الصحة", choices=tuple(sorted(("وزارة الصحة", *distractors))),
                     source=Source(first, max(start, 0), max(start, 0) + len("وزارة الصحة"))),
            Question(key="k-num", kind="numeric", fact_type="number", prompt="كم محافظة تشملها الحملة؟",
                     answer="27", tolerance=0.0, source=Source(first, 0, 0)),
            Question(key="k-tf", kind="true_false", fact_type="percentage",
                     prompt="هل بلغت نسبة التغطية في الحملة السابقة 92%؟", answer=TRUE_LABEL,
                     choices=(TRUE_LABEL, FALSE_LABEL)),
            Question(key="k-short", kind="short", fact_type="person", prompt="من وزير الصحة المصري؟",
                     answer="خالد عبد الغفار", accepted=("عبد الغفار",)),
            Question(key="k-cloze", kind="cloze", fact_type="date", prompt="تستمر الحملة _____ .",
                     answer="أسبوعين"),
        )
        return Bank(article=Article(key="art-" + str(abs(hash(text)) % 10**8), title=title, text=text,
                                    date=article_date, source=source), questions=qs)

    return generate


class Browser:
    """A test client that signs POSTs with the session's CSRF token, like the real forms do."""

    def __init__(self, client) -> None:
        self.client = client
        self._token: str | None = None

    def token(self) -> str:
        """Return the CSRF token of this client's session (read from a page's meta tag)."""
        if self._token is None:
            for page in ("/teacher/", "/login", "/"):
                html = self.client.get(page).get_data(as_text=True)
                m = re.search(r'<meta name="csrf-token" content="([^"]+)"', html)
                if m:
                    self._token = m.group(1)
                    break
            assert self._token, "no page carried a CSRF token"
        return self._token

    def forget_token(self) -> None:
        """Drop the cached token (after the session was renewed)."""
        self._token = None

    def get(self, url: str, **kwargs):
        """GET ``url``."""
        return self.client.get(url, **kwargs)

    def post(self, url: str, data: dict | None = None, **kwargs):
        """POST ``data`` to ``url`` with the CSRF token."""
        payload = dict(data or {})
        payload.setdefault("csrf_token", self.token())
        return self.client.post(url, data=payload, **kwargs)


def sign_in(client, user) -> Browser:
    """Bind the client's session to ``user`` (as auth.login_user does) and return a Browser."""
    with client.session_transaction() as sess:
        sess["user_id"] = user.id
        sess["sv"] = user.session_version
    return Browser(client)


def install_fake_generator(monkeypatch) -> Calls:
    """Replace the bank generator used by the teacher services with the fast fake."""
    calls = Calls([], [])
    monkeypatch.setattr(article_service, "generator", lambda: fake_generate(calls))
    return calls



@pytest.fixture
def teacher(make_user):
    """A teacher account (import the fixture into a test module to use it)."""
    return make_user("teacher", name="الأستاذة سلمى", email="salma@example.org")


@pytest.fixture
def other_teacher(make_user):
    """A second teacher, whose rows the first must never see."""
    return make_user("teacher", name="الأستاذ كريم", email="karim@example.org")


def use_fast_password_hashing(monkeypatch) -> None:
    """Hash test passwords with few PBKDF2 rounds: the default scrypt costs ~0.4 s per account."""
    from werkzeug.security import generate_password_hash

    from quiz.services import users

    monkeypatch.setattr(users, "generate_password_hash",
                        lambda password: generate_password_hash(password, method="pbkdf2:sha256:1000"))
