"""Teacher pages, one module per concern; importing them registers their routes on ``bp``."""

from quiz.views.teacher import accounts, answers, articles, classes, dashboard, mastery, quizzes, results, review
from quiz.views.teacher.common import bp

__all__ = ["bp", "accounts", "answers", "articles", "classes", "dashboard", "mastery", "quizzes", "results", "review"]
