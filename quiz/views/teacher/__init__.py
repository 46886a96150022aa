"""Teacher pages, one module per concern; importing them registers their routes on ``bp``."""

from quiz.views.teacher import accounts, articles, classes, dashboard, mastery, quizzes, results, review
from quiz.views.teacher.common import bp

__all__ = ["bp", "accounts", "articles", "classes", "dashboard", "mastery", "quizzes", "results", "review"]
