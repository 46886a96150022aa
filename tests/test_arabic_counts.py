"""Arabic number agreement: one module counts questions, minutes, students and answers everywhere."""

import pytest

from quiz import arabic


@pytest.mark.parametrize(("n", "expected"), [
    (1, "سؤال واحد"), (2, "سؤالان"), (3, "3 أسئلة"), (10, "10 أسئلة"), (11, "11 سؤالًا"), (40, "40 سؤالًا"),
    (100, "100 سؤالًا"), (103, "103 أسئلة"), (0, "0 سؤالًا"),
])
def test_questions_take_the_form_their_number_asks_for(n, expected):
    assert arabic.questions_count(n) == expected


@pytest.mark.parametrize(("n", "expected"), [
    (1, "دقيقة واحدة"), (2, "دقيقتان"), (4, "4 دقائق"), (10, "10 دقائق"), (15, "15 دقيقة"),
])
def test_minutes(n, expected):
    assert arabic.minutes_count(n) == expected


@pytest.mark.parametrize(("n", "expected"), [
    (0, "لا أحد"), (1, "طالب واحد"), (2, "طالبان"), (7, "7 طلاب"), (25, "25 طالبًا"),
])
def test_students(n, expected):
    assert arabic.students_count(n) == expected


@pytest.mark.parametrize(("n", "expected"), [(1, "إجابة واحدة"), (2, "إجابتان"), (5, "5 إجابات"), (12, "12 إجابة")])
def test_answers(n, expected):
    assert arabic.answers_count(n) == expected


@pytest.mark.parametrize(("n", "expected"), [(1, "محاولة واحدة"), (2, "محاولتان"), (3, "3 محاولات"), (11, "11 محاولة")])
def test_attempts(n, expected):
    assert arabic.attempts_count(n) == expected


@pytest.mark.parametrize(("n", "expected"), [(1, "كلمة واحدة"), (2, "كلمتان"), (9, "9 كلمات"), (120, "120 كلمة")])
def test_words(n, expected):
    assert arabic.words_count(n) == expected


@pytest.mark.parametrize(("count", "n", "expected"), [
    (arabic.cards_count, 1, "بطاقة واحدة"), (arabic.cards_count, 2, "بطاقتان"), (arabic.cards_count, 6, "6 بطاقات"),
    (arabic.cards_count, 15, "15 بطاقة"), (arabic.reviews_count, 1, "مراجعة واحدة"),
    (arabic.reviews_count, 2, "مراجعتان"), (arabic.reviews_count, 7, "7 مراجعات"), (arabic.reviews_count, 30, "30 مراجعة"),
    (arabic.facts_count, 6, "6 معلومات"), (arabic.facts_count, 11, "11 معلومة"), (arabic.days_count, 1, "يوم واحد"),
    (arabic.days_count, 2, "يومان"), (arabic.days_count, 4, "4 أيام"), (arabic.days_count, 21, "21 يومًا"),
    (arabic.hours_count, 3, "3 ساعات"), (arabic.months_count, 2, "شهران"), (arabic.months_count, 14, "14 شهرًا"),
])
def test_study_counts(count, n, expected):
    assert count(n) == expected


@pytest.mark.parametrize(("seconds", "expected"), [
    (30, "دقيقة واحدة"), (60, "دقيقة واحدة"), (600, "10 دقائق"), (3 * 3600, "3 ساعات"), (86400, "يوم واحد"),
    (4 * 86400, "4 أيام"), (45 * 86400, "45 يومًا"), (62 * 86400, "شهران"), (400 * 86400, "13 شهرًا"),
])
def test_a_wait_is_said_in_the_unit_that_reads_best(seconds, expected):
    assert arabic.interval_count(seconds) == expected


def test_a_teacher_page_counts_with_the_helper(app, client, make_user, make_quiz, session):
    from conftest import login

    teacher = make_user("teacher")
    quiz = make_quiz(time_limit_seconds=4 * 60)
    quiz.owner_id = teacher.id
    session.commit()
    login(client, teacher)
    html = client.get(f"/teacher/quizzes/{quiz.id}").get_data(as_text=True)
    assert "4 دقائق" in html and "4 دقيقة" not in html
