"""Classes: a teacher creates them, students join once by code, quizzes are assigned to them.

A quiz assigned to one or more classes is taken only by their members (its teacher's other pages
answer as before); a quiz with no class is the quick quiz anyone with its code may take. A member
is an account or a guest, under a name no other member of the class has («أحمد» and «احمد» are the
same name), so two students of one class can always be told apart in the results.
"""

from __future__ import annotations

import secrets

from sqlalchemy import delete, exists, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload

from questions.normalize import tokens
from quiz import models
from quiz.bidicontrols import without_controls
from quiz.services.ownership import NotFound, owned_quiz
from quiz.services.quizzes import CODE_ALPHABET, CODE_LENGTH, normalize_code

NAME_WIDTH = 120


class ClassError(ValueError):
    """A join or a class change that cannot be made; ``str(error)`` is an Arabic message."""


def name_key(name: str) -> str:
    """Return the form of a name compared inside a class (letter variants, case and spacing folded)."""
    return " ".join(tokens(name)).casefold()[:NAME_WIDTH]


def _code_taken(session: Session, code: str) -> bool:
    return bool(session.scalar(select(
        exists().where(models.SchoolClass.code == code) | exists().where(models.Quiz.code == code)
    )))


def new_class_code(session: Session) -> str:
    """Return a random code that no class and no quiz uses yet (both are typed in one box)."""
    while True:
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        if not _code_taken(session, code):
            return code


def create_class(session: Session, owner_id: int, name: str) -> models.SchoolClass:
    """Create a class of the teacher with a fresh join code."""
    name = without_controls(name).strip()[:NAME_WIDTH]
    if not name:
        raise ClassError("اكتب اسم الصف.")
    row = models.SchoolClass(owner_id=owner_id, name=name, code=new_class_code(session))
    session.add(row)
    session.commit()
    return row


def classes_of(session: Session, owner_id: int) -> list[models.SchoolClass]:
    """Return the teacher's classes by name."""
    stmt = (select(models.SchoolClass).where(models.SchoolClass.owner_id == owner_id)
            .order_by(models.SchoolClass.name, models.SchoolClass.id))
    return list(session.scalars(stmt))


def member_counts(session: Session, class_ids: list[int]) -> dict[int, int]:
    """Return how many members each class has."""
    if not class_ids:
        return {}
    rows = session.execute(select(models.ClassMember.class_id, func.count())
                           .where(models.ClassMember.class_id.in_(class_ids))
                           .group_by(models.ClassMember.class_id))
    return {class_id: n for class_id, n in rows}


def owned_class(session: Session, owner_id: int, class_id: int) -> models.SchoolClass:
    """Return the teacher's class or raise NotFound."""
    row = session.get(models.SchoolClass, class_id)
    if row is None or row.owner_id != owner_id:
        raise NotFound(class_id)
    return row


def find_by_code(session: Session, code: str) -> models.SchoolClass | None:
    """Return the class with join code ``code`` (any case/spacing), or None."""
    code = normalize_code(code)
    if not code:
        return None
    return session.scalars(select(models.SchoolClass).where(models.SchoolClass.code == code)).first()


def membership(session: Session, class_id: int, user_id: int) -> models.ClassMember | None:
    """Return the user's membership of the class, or None."""
    return session.scalars(select(models.ClassMember).where(
        models.ClassMember.class_id == class_id, models.ClassMember.user_id == user_id)).first()


def check_name_free(session: Session, school_class: models.SchoolClass, name: str) -> None:
    """Raise ClassError unless ``name`` can be a new member's name in the class."""
    key = name_key(name)
    if len(key) < 2:
        raise ClassError("اكتب اسمك كما يعرفه معلّمك (حرفان على الأقل).")
    if session.scalar(select(exists().where(models.ClassMember.class_id == school_class.id,
                                            models.ClassMember.name_key == key))):
        raise ClassError("هذا الاسم مستخدم في الصف. اكتب اسمك الكامل أو أضف إليه ما يميزك.")


def join(session: Session, school_class: models.SchoolClass, user: models.User, name: str) -> models.ClassMember:
    """Add ``user`` to the class under ``name``; joining again returns the existing membership."""
    current = membership(session, school_class.id, user.id)
    if current is not None:
        return current
    name = name.strip()[:NAME_WIDTH]
    check_name_free(session, school_class, name)
    row = models.ClassMember(class_id=school_class.id, user_id=user.id, name=name, name_key=name_key(name))
    session.add(row)
    try:
        session.commit()
    except IntegrityError:  # the same name or user joined at the same moment
        session.rollback()
        current = membership(session, school_class.id, user.id)
        if current is not None:
            return current
        raise ClassError("هذا الاسم مستخدم في الصف. اكتب اسمك الكامل أو أضف إليه ما يميزك.") from None
    return row


def classes_of_member(session: Session, user_id: int) -> list[models.SchoolClass]:
    """Return the classes a student belongs to."""
    stmt = (select(models.SchoolClass).join(models.ClassMember)
            .where(models.ClassMember.user_id == user_id).order_by(models.SchoolClass.name))
    return list(session.scalars(stmt))


def remove_member(session: Session, owner_id: int, class_id: int, member_id: int) -> None:
    """Take a member out of the teacher's class (their attempts stay)."""
    owned_class(session, owner_id, class_id)
    row = session.get(models.ClassMember, member_id)
    if row is None or row.class_id != class_id:
        raise NotFound(member_id)
    session.delete(row)
    session.commit()


# --- quizzes and classes --------------------------------------------------------------------------

def class_ids_of_quiz(session: Session, quiz_id: int) -> list[int]:
    """Return the ids of the classes a quiz is assigned to."""
    return list(session.scalars(select(models.QuizClass.class_id).where(models.QuizClass.quiz_id == quiz_id)))


def classes_of_quiz(session: Session, quiz_id: int) -> list[models.SchoolClass]:
    """Return the classes a quiz is assigned to, by name."""
    stmt = (select(models.SchoolClass).join(models.QuizClass, models.QuizClass.class_id == models.SchoolClass.id)
            .where(models.QuizClass.quiz_id == quiz_id).order_by(models.SchoolClass.name))
    return list(session.scalars(stmt))


def assign(session: Session, owner_id: int, quiz_id: int, class_ids: list[int]) -> None:
    """Make the quiz's classes exactly ``class_ids`` (all the teacher's); none makes it a quick quiz."""
    owned_quiz(session, owner_id, quiz_id)
    wanted = set(class_ids)
    for class_id in wanted:
        owned_class(session, owner_id, class_id)
    session.execute(delete(models.QuizClass).where(models.QuizClass.quiz_id == quiz_id))
    session.add_all(models.QuizClass(quiz_id=quiz_id, class_id=c) for c in sorted(wanted))
    session.commit()


def quizzes_of_class(session: Session, class_id: int, *, published_only: bool = False) -> list[models.Quiz]:
    """Return the quizzes assigned to a class, newest first."""
    stmt = (select(models.Quiz).join(models.QuizClass, models.QuizClass.quiz_id == models.Quiz.id)
            .where(models.QuizClass.class_id == class_id))
    if published_only:
        stmt = stmt.where(models.Quiz.published.is_(True))
    return list(session.scalars(stmt.order_by(models.Quiz.created_at.desc(), models.Quiz.id.desc())))


def may_take(session: Session, quiz: models.Quiz, user_id: int | None) -> bool:
    """Say whether a user (None: a visitor) may open and take ``quiz`` given its classes."""
    class_ids = class_ids_of_quiz(session, quiz.id)
    if not class_ids:
        return True
    if user_id is None:
        return False
    if quiz.owner_id == user_id:
        return True
    return bool(session.scalar(select(exists().where(
        models.ClassMember.user_id == user_id, models.ClassMember.class_id.in_(class_ids)))))


def quiz_ids_of_member(session: Session, user_id: int) -> set[int]:
    """Return the ids of the quizzes assigned to the classes ``user_id`` belongs to (one query)."""
    QC, M = models.QuizClass, models.ClassMember
    return set(session.scalars(select(QC.quiz_id).join(M, M.class_id == QC.class_id).where(M.user_id == user_id)))


def with_members(session: Session, owner_id: int, class_id: int) -> models.SchoolClass:
    """Return the teacher's class with its members and their accounts loaded (NotFound for anyone else's)."""
    row = session.scalars(select(models.SchoolClass).where(models.SchoolClass.id == class_id)
                          .options(selectinload(models.SchoolClass.members)
                                   .joinedload(models.ClassMember.user))).first()
    if row is None or row.owner_id != owner_id:
        raise NotFound(class_id)
    return row


def assigned_quiz_ids(session: Session) -> set[int]:
    """Return the ids of every quiz that has a class (kept off the public list of open quizzes)."""
    return set(session.scalars(select(models.QuizClass.quiz_id).distinct()))
