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


def attempts_count(n: int) -> str:
    """Return e.g. «محاولة واحدة», «محاولتان», «5 محاولات», «12 محاولة»."""
    return count(n, "محاولة واحدة", "محاولتان", "محاولات", "محاولة")


def words_count(n: int) -> str:
    """Return e.g. «كلمة واحدة», «كلمتان», «5 كلمات», «120 كلمة»."""
    return count(n, "كلمة واحدة", "كلمتان", "كلمات", "كلمة")


def cards_count(n: int) -> str:
    """Return e.g. «بطاقة واحدة», «بطاقتان», «5 بطاقات», «12 بطاقة»."""
    return count(n, "بطاقة واحدة", "بطاقتان", "بطاقات", "بطاقة")


def reviews_count(n: int) -> str:
    """Return e.g. «مراجعة واحدة», «مراجعتان», «5 مراجعات», «12 مراجعة»."""
    return count(n, "مراجعة واحدة", "مراجعتان", "مراجعات", "مراجعة")


def facts_count(n: int) -> str:
    """Return e.g. «معلومة واحدة», «معلومتان», «5 معلومات», «12 معلومة»."""
    return count(n, "معلومة واحدة", "معلومتان", "معلومات", "معلومة")


def hours_count(n: int) -> str:
    """Return e.g. «ساعة واحدة», «ساعتان», «5 ساعات», «12 ساعة»."""
    return count(n, "ساعة واحدة", "ساعتان", "ساعات", "ساعة")


def days_count(n: int) -> str:
    """Return e.g. «يوم واحد», «يومان», «5 أيام», «12 يومًا»."""
    return count(n, "يوم واحد", "يومان", "أيام", "يومًا")


def months_count(n: int) -> str:
    """Return e.g. «شهر واحد», «شهران», «5 أشهر», «12 شهرًا»."""
    return count(n, "شهر واحد", "شهران", "أشهر", "شهرًا")


def interval_count(seconds: float) -> str:
    """Return a wait in the unit that reads best: «دقيقة واحدة», «3 ساعات», «4 أيام», «شهران»."""
    minutes = max(1, round(seconds / 60))
    if minutes < 60:
        return minutes_count(minutes)
    hours = round(seconds / 3600)
    if hours < 24:
        return hours_count(hours)
    days = round(seconds / 86400)
    if days < 60:
        return days_count(days)
    return months_count(round(days / 30))
