"""Typed SQLAlchemy 2.0 models: the persistence shape of users, banks, quizzes and attempts.

Models hold data only; behaviour lives in ``quiz.services``. JSON payloads are stored as text
(``*_json`` columns) so SQLite and PostgreSQL read them the same way. Timestamps are naive UTC
(``utcnow()``) so comparisons never mix aware and naive datetimes across backends.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# Named constraints, so Alembic migrations can drop/alter them by name on every backend.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

ROLES = ("teacher", "student", "guest")
QUESTION_STATUSES = ("pending", "approved", "rejected")
GRADINGS = ("highest", "last", "average")
LAYOUTS = ("one_per_page", "all_on_one")
REVIEWS = ("immediately", "after_close", "never")


def utcnow() -> dt.datetime:
    """Return the current UTC time as a naive datetime (the form every column stores)."""
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class Base(DeclarativeBase):
    """Declarative base carrying the constraint naming convention."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class User(Base):
    """A teacher, a student with an account, or a guest who joined with a display name."""

    __tablename__ = "users"
    __table_args__ = (CheckConstraint(_in("role", ROLES), name="role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    email: Mapped[str | None] = mapped_column(String(254), unique=True)
    password_hash: Mapped[str | None] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(16), default="student")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    # Bumped at logout so a copied session cookie stops working.
    session_version: Mapped[int] = mapped_column(Integer, default=0)


class Article(Base):
    """An article text a bank was generated from; ``owner_id`` NULL marks a built-in article."""

    __tablename__ = "articles"
    __table_args__ = (Index("ix_articles_key", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    key: Mapped[str] = mapped_column(String(64))
    title: Mapped[str] = mapped_column(String(300))
    source: Mapped[str | None] = mapped_column(String(300))
    published_on: Mapped[dt.date | None] = mapped_column(Date)
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    banks: Mapped[list[Bank]] = relationship(back_populates="article")


class Bank(Base):
    """One generation of questions for an article."""

    __tablename__ = "banks"

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    seed: Mapped[int] = mapped_column(Integer, default=0)
    version: Mapped[int] = mapped_column(Integer, default=1)
    drops_json: Mapped[str] = mapped_column(Text, default="{}")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    article: Mapped[Article] = relationship(back_populates="banks")
    questions: Mapped[list[BankQuestion]] = relationship(
        back_populates="bank", order_by="BankQuestion.position", cascade="all, delete-orphan"
    )


class BankQuestion(Base):
    """A question in a bank with its review status; ``data_json`` is ``Question.to_dict()``."""

    __tablename__ = "bank_questions"
    __table_args__ = (
        UniqueConstraint("bank_id", "key"),
        CheckConstraint(_in("status", QUESTION_STATUSES), name="status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    bank_id: Mapped[int] = mapped_column(ForeignKey("banks.id", ondelete="CASCADE"), index=True)
    key: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(16))
    fact_type: Mapped[str] = mapped_column(String(16), default="")
    status: Mapped[str] = mapped_column(String(16), default="pending")
    position: Mapped[int] = mapped_column(Integer, default=0)
    data_json: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    bank: Mapped[Bank] = relationship(back_populates="questions")


class Quiz(Base):
    """A published set of questions with its settings and join code."""

    __tablename__ = "quizzes"
    __table_args__ = (
        CheckConstraint(_in("grading", GRADINGS), name="grading"),
        CheckConstraint(_in("layout", LAYOUTS), name="layout"),
        CheckConstraint(_in("review", REVIEWS), name="review"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), index=True)
    bank_id: Mapped[int] = mapped_column(ForeignKey("banks.id", ondelete="RESTRICT"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    code: Mapped[str] = mapped_column(String(12), unique=True)
    time_limit_seconds: Mapped[int | None] = mapped_column(Integer)
    opens_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    closes_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    attempts_allowed: Mapped[int | None] = mapped_column(Integer)  # None = unlimited
    grading: Mapped[str] = mapped_column(String(16), default="highest")
    layout: Mapped[str] = mapped_column(String(16), default="one_per_page")
    review: Mapped[str] = mapped_column(String(16), default="immediately")
    published: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    # The IANA zone the teacher entered opens_at/closes_at in (they are stored in UTC); the
    # settings page shows them back in it. NULL: the FAHIM_TIMEZONE default.
    timezone: Mapped[str | None] = mapped_column(String(64))

    bank: Mapped[Bank] = relationship()
    questions: Mapped[list[QuizQuestion]] = relationship(
        back_populates="quiz", order_by="QuizQuestion.position", cascade="all, delete-orphan"
    )


class QuizQuestion(Base):
    """A question as published in a quiz: a snapshot, so later bank edits never change grades."""

    __tablename__ = "quiz_questions"

    id: Mapped[int] = mapped_column(primary_key=True)
    quiz_id: Mapped[int] = mapped_column(ForeignKey("quizzes.id", ondelete="CASCADE"), index=True)
    bank_question_id: Mapped[int | None] = mapped_column(
        ForeignKey("bank_questions.id", ondelete="SET NULL")
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    points: Mapped[float] = mapped_column(Float, default=1.0)
    data_json: Mapped[str] = mapped_column(Text)

    quiz: Mapped[Quiz] = relationship(back_populates="questions")


class Attempt(Base):
    """One sitting of a quiz by one user, with its frozen question and option order."""

    __tablename__ = "attempts"
    __table_args__ = (
        UniqueConstraint("quiz_id", "user_id", "number"),
        Index("ix_attempts_user_id", "user_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    quiz_id: Mapped[int] = mapped_column(ForeignKey("quizzes.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)
    # A "retry my mistakes" attempt: practice only, never counted in grades or attempt limits.
    practice: Mapped[bool] = mapped_column(Boolean, default=False)
    question_ids_json: Mapped[str] = mapped_column(Text)  # quiz_question ids in shuffled order
    option_order_json: Mapped[str] = mapped_column(Text, default="{}")  # {qq_id: {...}} per question
    started_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    # When the attempt's own time limit runs out (None: untimed); its deadline also depends on the
    # quiz's close time as it is now (quiz.services.attempts.deadline).
    time_limit_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    submitted_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    score: Mapped[float | None] = mapped_column(Float)
    max_score: Mapped[float | None] = mapped_column(Float)

    quiz: Mapped[Quiz] = relationship()
    user: Mapped[User] = relationship()
    responses: Mapped[list[Response]] = relationship(
        back_populates="attempt", cascade="all, delete-orphan"
    )


class Response(Base):
    """A student's saved answer to one question of an attempt; ``score`` is set at grading."""

    __tablename__ = "responses"
    __table_args__ = (UniqueConstraint("attempt_id", "quiz_question_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("attempts.id", ondelete="CASCADE"))
    quiz_question_id: Mapped[int] = mapped_column(
        ForeignKey("quiz_questions.id", ondelete="CASCADE"), index=True
    )
    answer_json: Mapped[str] = mapped_column(Text)
    saved_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    score: Mapped[float | None] = mapped_column(Float)

    attempt: Mapped[Attempt] = relationship(back_populates="responses")


class SchoolClass(Base):
    """A teacher's class: students join it once with its code; quizzes are assigned to it."""

    __tablename__ = "classes"

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(120))
    code: Mapped[str] = mapped_column(String(12), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    members: Mapped[list[ClassMember]] = relationship(
        back_populates="school_class", order_by="ClassMember.name", cascade="all, delete-orphan"
    )


class ClassMember(Base):
    """A student (account or guest) in a class, under a name no other member of the class has."""

    __tablename__ = "class_members"
    __table_args__ = (UniqueConstraint("class_id", "user_id"), UniqueConstraint("class_id", "name_key"))

    id: Mapped[int] = mapped_column(primary_key=True)
    class_id: Mapped[int] = mapped_column(ForeignKey("classes.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(120))
    # The name folded (letter variants, case, spacing): «أحمد» and «احمد» are the same name here.
    name_key: Mapped[str] = mapped_column(String(120))
    joined_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    school_class: Mapped[SchoolClass] = relationship(back_populates="members")
    user: Mapped[User] = relationship()


class QuizClass(Base):
    """A quiz assigned to a class: only the members of its classes may take a quiz that has any."""

    __tablename__ = "quiz_classes"

    quiz_id: Mapped[int] = mapped_column(ForeignKey("quizzes.id", ondelete="CASCADE"), primary_key=True)
    class_id: Mapped[int] = mapped_column(ForeignKey("classes.id", ondelete="CASCADE"), primary_key=True,
                                          index=True)


class Invitation(Base):
    """A single-use link by which a teacher invites another teacher; only the token's hash is kept."""

    __tablename__ = "invitations"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime)
    used_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    used_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))


class StudyCard(Base):
    """One fact a student studies between quizzes, scheduled by FSRS (the ``fsrs`` package's fields).

    A card is a fact of a quiz the student took (``fact_key``: the question's fact id) in one
    article (``article_key``: the same text is the same article, whichever bank or quiz asked about it;
    ``article_id`` is the one it came from); ``question_json`` is the question it is asked with, and
    ``question_key`` with the article key gives its note GUID in Anki.
    ``reps`` counts the reviews logged so far: a rating posted for an older count is a repeat.
    ``response`` and ``revealed_at`` hold the review in progress (the typed answer, the answer shown).
    """

    __tablename__ = "study_cards"
    __table_args__ = (
        UniqueConstraint("user_id", "article_key", "fact_key"),
        Index("ix_study_cards_user_id_due", "user_id", "due"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    article_key: Mapped[str] = mapped_column(String(64))
    fact_key: Mapped[str] = mapped_column(String(200))
    question_key: Mapped[str] = mapped_column(String(64))
    question_json: Mapped[str] = mapped_column(Text)
    state: Mapped[int] = mapped_column(Integer)  # fsrs.State: 1 learning, 2 review, 3 relearning
    step: Mapped[int | None] = mapped_column(Integer)
    stability: Mapped[float | None] = mapped_column(Float)
    difficulty: Mapped[float | None] = mapped_column(Float)
    due: Mapped[dt.datetime] = mapped_column(DateTime)
    last_review: Mapped[dt.datetime | None] = mapped_column(DateTime)
    reps: Mapped[int] = mapped_column(Integer, default=0)
    lapses: Mapped[int] = mapped_column(Integer, default=0)
    response: Mapped[str | None] = mapped_column(Text)
    revealed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class StudyReview(Base):
    """One rating of a card: from the student's review (``study``) or from a quiz answer (``quiz``)."""

    __tablename__ = "study_reviews"
    __table_args__ = (
        UniqueConstraint("card_id", "seq"),
        CheckConstraint("rating BETWEEN 1 AND 4", name="rating"),
        CheckConstraint(_in("source", ("study", "quiz")), name="source"),
        Index("ix_study_reviews_user_id_reviewed_at", "user_id", "reviewed_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    card_id: Mapped[int] = mapped_column(ForeignKey("study_cards.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column(Integer)  # the card's reps before this review
    rating: Mapped[int] = mapped_column(Integer)  # fsrs.Rating: 1 again, 2 hard, 3 good, 4 easy
    source: Mapped[str] = mapped_column(String(8), default="study")
    state_before: Mapped[int] = mapped_column(Integer)
    stability_after: Mapped[float] = mapped_column(Float)
    due_after: Mapped[dt.datetime] = mapped_column(DateTime)
    reviewed_at: Mapped[dt.datetime] = mapped_column(DateTime)
    # A typed answer graded at reveal: whether it was right (None when nothing was typed).
    correct: Mapped[bool | None] = mapped_column(Boolean)


class StudyFeed(Base):
    """A submitted attempt whose facts went into its student's cards (each attempt feeds once)."""

    __tablename__ = "study_feeds"

    attempt_id: Mapped[int] = mapped_column(ForeignKey("attempts.id", ondelete="CASCADE"), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    fed_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
