"""A class's mastery of the articles of its quizzes, from its members' study cards and reviews.

Class-scoped: only the class's members count, and only the articles of the quizzes assigned to the
class. Per article, the share of the members' cards of it that are mastered (FSRS stability at the
threshold); per fact, how many members study it, how many mastered it, and how often it was
forgotten (ratings of Again: a missed quiz question or a review not remembered), so the facts the
class keeps forgetting come first.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import case, distinct, func, select
from sqlalchemy.orm import Session

from questions.model import Question
from quiz import models
from quiz.services.banks import load_question
from quiz.services.cardfaces import expected
from quiz.services.progress import ArticleMastery, mastery_by_article


@dataclass(frozen=True)
class FactMastery:
    """One fact across the class: who studies it, who mastered it, how often it was forgotten."""

    fact_key: str
    question: Question  # how one member is asked it (the class's first card of it)
    answer: str
    students: int
    mastered: int
    forgotten: int
    reviews: int  # study reviews of it by the class
    remembered: int

    @property
    def share(self) -> float:
        """Return the share of its students who mastered it (0-1)."""
        return self.mastered / self.students if self.students else 0.0


@dataclass(frozen=True)
class ArticleOfClass:
    """One article of the class's quizzes: its mastery and its facts, most forgotten first."""

    mastery: ArticleMastery
    students: int
    facts: tuple[FactMastery, ...]


@dataclass(frozen=True)
class ClassMastery:
    """What the class mastery page shows."""

    members: int
    studying: int  # members with at least one card of the class's articles
    articles: tuple[ArticleOfClass, ...]


def _member_ids(session: Session, class_id: int) -> list[int]:
    return list(session.scalars(select(models.ClassMember.user_id).where(models.ClassMember.class_id == class_id)))


def _article_keys(session: Session, class_id: int) -> list[str]:
    A, Q, B, QC = models.Article, models.Quiz, models.Bank, models.QuizClass
    return list(session.scalars(select(A.key).distinct().join(B, B.article_id == A.id).join(Q, Q.bank_id == B.id)
                                .join(QC, QC.quiz_id == Q.id).where(QC.class_id == class_id)))


def _facts(session: Session, members: list[int], article_keys: list[str],
           mastery_days: float) -> dict[str, tuple[FactMastery, ...]]:
    """Return the facts of each article, in three grouped queries whatever the number of articles."""
    C, R = models.StudyCard, models.StudyReview
    cards = session.execute(
        select(C.article_key, C.fact_key, func.count(C.id), func.count(case((C.stability >= mastery_days, C.id))),
               func.min(C.id))
        .where(C.user_id.in_(members), C.article_key.in_(article_keys)).group_by(C.article_key, C.fact_key)).all()
    logs = {(article, key): (int(again or 0), int(study or 0), int(kept or 0))
            for article, key, again, study, kept in session.execute(
                select(C.article_key, C.fact_key, func.count(case((R.rating == 1, R.id))),
                       func.count(case((R.source == "study", R.id))),
                       func.count(case(((R.source == "study") & (R.rating > 1), R.id))))
                .join(C, C.id == R.card_id).where(C.user_id.in_(members), C.article_key.in_(article_keys))
                .group_by(C.article_key, C.fact_key))}
    shown = dict(session.execute(select(C.id, C.question_json).where(C.id.in_([row[4] for row in cards]))).all())
    out: dict[str, list[FactMastery]] = {}
    for article, key, students, mastered, first in cards:
        q = load_question(shown[first])
        forgotten, reviews, remembered = logs.get((article, key), (0, 0, 0))
        out.setdefault(article, []).append(FactMastery(
            fact_key=key, question=q, answer="، ".join(expected(q)), students=int(students), mastered=int(mastered),
            forgotten=forgotten, reviews=reviews, remembered=remembered))
    return {article: tuple(sorted(facts, key=lambda f: (-f.forgotten, f.share, f.fact_key)))
            for article, facts in out.items()}


def class_mastery(session: Session, class_id: int, mastery_days: float) -> ClassMastery:
    """Return the mastery of the class ``class_id`` (the caller checked it is the teacher's)."""
    members = _member_ids(session, class_id)
    articles = _article_keys(session, class_id)
    if not members or not articles:
        return ClassMastery(members=len(members), studying=0, articles=())
    C = models.StudyCard
    studying = session.scalar(select(func.count(distinct(C.user_id)))
                              .where(C.user_id.in_(members), C.article_key.in_(articles))) or 0
    per_article = dict(session.execute(select(C.article_key, func.count(distinct(C.user_id)))
                                       .where(C.user_id.in_(members), C.article_key.in_(articles))
                                       .group_by(C.article_key)).all())
    per_fact = _facts(session, members, articles, mastery_days)
    return ClassMastery(members=len(members), studying=int(studying), articles=tuple(
        ArticleOfClass(mastery=m, students=int(per_article.get(m.article_key, 0)), facts=per_fact.get(m.article_key, ()))
        for m in mastery_by_article(session, members, mastery_days, articles)))
