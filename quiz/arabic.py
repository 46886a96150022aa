"""Arabic number agreement: a count with the noun form its number takes (1, 2, 3-10, 11+).

The one place every page, flash message, chart and export counts things in Arabic.
"""

from __future__ import annotations


def count(n: int, one: str, two: str, few: str, many: str) -> str:
    """Return ``n`` with the Arabic noun form its number takes (1, 2, 3-10, 11+, and 0)."""
    if n == 1:
        return one
    if n == 2:
        return two
    if 3 <= n % 100 <= 10:
        return f"{n} {few}"
    return f"{n} {many}"


def questions_count(n: int) -> str:
    """Return e.g. «سؤال واحد», «سؤالان», «5 أسئلة», «12 سؤالًا»."""
    return count(n, "سؤال واحد", "سؤالان", "أسئلة", "سؤالًا")


def minutes_count(n: int) -> str:
    """Return e.g. «دقيقة واحدة», «دقيقتان», «5 دقائق», «20 دقيقة»."""
    return count(n, "دقيقة واحدة", "دقيقتان", "دقائق", "دقيقة")


def students_count(n: int) -> str:
    """Return e.g. «طالب واحد», «طالبان», «5 طلاب», «12 طالبًا», and «لا أحد» for none."""
    return "لا أحد" if n == 0 else count(n, "طالب واحد", "طالبان", "طلاب", "طالبًا")


def answers_count(n: int) -> str:
    """Return e.g. «إجابة واحدة», «إجابتان», «5 إجابات», «12 إجابة»."""
    return count(n, "إجابة واحدة", "إجابتان", "إجابات", "إجابة")


def words_count(n: int) -> str:
    """Return e.g. «كلمة واحدة», «كلمتان», «5 كلمات», «120 كلمة»."""
    return count(n, "كلمة واحدة", "كلمتان", "كلمات", "كلمة")
