"""Results of a quiz taken by many students: the same grades and item statistics as computed answer by
answer, a paginated and sortable table, a class filter, and a CSV streamed in full."""

from __future__ import annotations

import csv
import io
import random
import re
from collections import defaultdict
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from bench.school import populate
from quiz import models
from quiz.services import classes as class_service
from quiz.services import results as result_service
from quiz.services import stats
from teacher_helpers import other_teacher, sign_in, teacher  # noqa: F401 - fixtures


@pytest.fixture
def school(session: Session, make_quiz: Any, teacher: models.User) -> models.Quiz:  # noqa: F811
    quiz = make_quiz(title="اختبار المدرسة")
    quiz.owner_id = teacher.id
    session.commit()
    populate(session, quiz.id, 120, expired=3, seed=4)
    return quiz


def reference_lines(session: Session, quiz: models.Quiz) -> dict[int, tuple[Any, ...]]:
    """Grade every student answer by answer from ORM objects, as the results page once did."""
    by_user: dict[int, list[models.Attempt]] = defaultdict(list)
    for a in session.scalars(select(models.Attempt).where(models.Attempt.quiz_id == quiz.id,
                                                          models.Attempt.practice.is_(False))
                             .order_by(models.Attempt.user_id, models.Attempt.number)):
        by_user[a.user_id].append(a)
    out = {}
    for user_id, attempts in by_user.items():
        done = [a for a in attempts if a.submitted_at is not None]
        pcts = [100.0 * (a.score or 0.0) / a.max_score if a.max_score else 0.0 for a in done]
        times = [(a.submitted_at - a.started_at).total_seconds() for a in done]  # type: ignore[operator]
        if not done:
            seconds = None
        elif quiz.grading == "highest":
            seconds = times[max(range(len(done)), key=lambda i: (pcts[i], -done[i].number))]
        else:
            seconds = times[-1] if quiz.grading == "last" else stats.mean(times)
        out[user_id] = (len(done), len(attempts) - len(done), stats.overall_grade(pcts, quiz.grading),
                        stats.overall_grade([a.score or 0.0 for a in done], quiz.grading), seconds)
    return out


@pytest.mark.parametrize("grading", ["highest", "last", "average"])
def test_each_students_grade_is_the_one_computed_attempt_by_attempt(session: Session, school: models.Quiz,
                                                                    grading: str) -> None:
    school.grading = grading
    session.commit()
    lines = result_service.quiz_results(session, school)
    expected = reference_lines(session, school)
    assert len(lines) == len(expected) == 123
    for line in lines:
        attempts, in_progress, percent, score, seconds = expected[line.user_id]
        assert (line.attempts, line.in_progress) == (attempts, in_progress)
        assert line.percent == pytest.approx(percent) if percent is not None else line.percent is None
        assert line.score == pytest.approx(score) if score is not None else line.score is None
        assert line.seconds == pytest.approx(seconds, abs=0.01) if seconds is not None else line.seconds is None
    assert sum(line.expired for line in lines) == 3
    assert any(line.attempts == 2 for line in lines)  # the data holds second attempts
    totals, _ = result_service.overview(session, school)
    percents = [p for _, _, p, _, _ in expected.values() if p is not None]
    assert (totals.students, totals.graded, totals.expired) == (123, 120, 3)
    assert totals.bins == stats.histogram(percents)
    assert totals.average == pytest.approx(stats.mean(percents))


def test_item_statistics_from_aggregates_equal_the_answer_by_answer_matrix(session: Session,
                                                                           school: models.Quiz) -> None:
    qqs = sorted(school.questions, key=lambda q: q.position)
    firsts: dict[int, models.Attempt] = {}
    for a in session.scalars(select(models.Attempt).where(
            models.Attempt.quiz_id == school.id, models.Attempt.submitted_at.is_not(None))
            .order_by(models.Attempt.user_id, models.Attempt.number)):
        firsts.setdefault(a.user_id, a)
    scores = {(r.attempt_id, r.quiz_question_id): r.score or 0.0
              for r in session.scalars(select(models.Response))}
    matrix = [[scores.get((a.id, qq.id), 0.0) for qq in qqs] for a in firsts.values()]
    expected = stats.item_analysis(matrix, [qq.points for qq in qqs])
    got = stats.quiz_item_analysis(session, school)
    assert [g.quiz_question_id for g in got] == [qq.id for qq in qqs]
    for e, g in zip(expected, got, strict=True):
        assert g.stat.n == e.n == 120
        assert g.stat.facility == pytest.approx(e.facility)
        assert g.stat.sd == pytest.approx(e.sd)
        assert g.stat.discrimination == pytest.approx(e.discrimination)
        assert g.stat.flags == e.flags


def test_sums_give_the_same_item_statistics_as_the_matrix() -> None:
    rng = random.Random(5)
    for _ in range(50):
        students, items = rng.randrange(0, 12), rng.randrange(1, 6)
        tops = [rng.choice([1.0, 2.0, 0.5]) for _ in range(items)]
        matrix = [[rng.choice([0.0, top / 2, top]) for top in tops] for _ in range(students)]
        totals = [sum(row) for row in matrix]
        for j, e in enumerate(stats.item_analysis(matrix, tops)):
            xs = [row[j] for row in matrix]
            g = stats.item_from_sums(j, students, tops[j], sum(xs), sum(x * x for x in xs),
                                     sum(x * t for x, t in zip(xs, totals, strict=True)), sum(totals),
                                     sum(t * t for t in totals))
            assert (g.n, g.flags) == (e.n, e.flags)
            for name in ("mean", "facility", "sd", "discrimination"):
                want, have = getattr(e, name), getattr(g, name)
                assert (have is None) == (want is None), name
                if want is not None:
                    assert have == pytest.approx(want, abs=1e-9), name


def table_names(html: str) -> list[str]:
    body = html[html.index('id="results-table"'):]
    return re.findall(r'<th scope="row"><a href="[^"]*"><bdi>([^<]*)</bdi>', body)


def table_percents(html: str) -> list[float]:
    body = html[html.index('id="results-table"'):]
    return [float(p) for p in re.findall(r'<td class="num"><bdi>([\d.]+)%</bdi></td>', body)]


def test_the_table_shows_fifty_students_a_page_best_first(client: Any, school: models.Quiz,
                                                          teacher: models.User) -> None:  # noqa: F811
    browser = sign_in(client, teacher)
    url = f"/teacher/quizzes/{school.id}/results"
    first = browser.get(url).get_data(as_text=True)
    assert len(table_names(first)) == 50 and "صفحة 1 من 3" in first
    percents = table_percents(first)
    assert percents == sorted(percents, reverse=True)
    last = browser.get(url + "?page=3").get_data(as_text=True)
    assert len(table_names(last)) == 23 and "صفحة 3 من 3" in last
    assert table_names(browser.get(url + "?page=99").get_data(as_text=True)) == table_names(last)
    every = [n for p in (1, 2, 3) for n in table_names(browser.get(f"{url}?page={p}").get_data(as_text=True))]
    assert len(set(every)) == 123
    # Totals, histogram and item statistics sit above the table, for the whole quiz.
    assert first.index('id="results-totals"') < first.index("<svg") < first.index('id="item-table"') \
        < first.index('id="results-table"')
    assert "123 طالبًا" in first


def test_the_table_sorts_by_name_and_by_time_either_way(client: Any, session: Session, school: models.Quiz,
                                                        teacher: models.User) -> None:  # noqa: F811
    browser = sign_in(client, teacher)
    url = f"/teacher/quizzes/{school.id}/results"
    lines = result_service.quiz_results(session, school)
    by_name = sorted(line.name for line in lines)
    assert table_names(browser.get(url + "?sort=name").get_data(as_text=True)) == by_name[:50]
    assert table_names(browser.get(url + "?sort=name&dir=desc").get_data(as_text=True)) == by_name[::-1][:50]
    timed = sorted((line for line in lines if line.seconds is not None), key=lambda r: (r.seconds, r.name))
    fastest = table_names(browser.get(url + "?sort=time").get_data(as_text=True))
    assert fastest == [r.name for r in timed[:50]]
    slowest = table_names(browser.get(url + "?sort=time&dir=desc").get_data(as_text=True))
    assert [lines_by_name.seconds for lines_by_name in (next(r for r in lines if r.name == n) for n in slowest)] \
        == sorted((r.seconds for r in timed), reverse=True)[:50]
    html = browser.get(url + "?sort=score&dir=asc&page=3").get_data(as_text=True)
    assert html.count("—</td>") >= 3  # students without a submitted attempt come last, either way


def test_results_filter_by_class(client: Any, session: Session, school: models.Quiz, teacher: models.User,  # noqa: F811
                                 other_teacher: models.User) -> None:  # noqa: F811
    group = class_service.create_class(session, teacher.id, "الصف العاشر")
    populate(session, school.id, 7, seed=9, class_id=group.id)
    browser = sign_in(client, teacher)
    url = f"/teacher/quizzes/{school.id}/results"
    html = browser.get(f"{url}?class={group.id}").get_data(as_text=True)
    names = {m.name for m in session.scalars(select(models.ClassMember).where(models.ClassMember.class_id == group.id))}
    assert set(table_names(html)) == names and len(names) == 7
    assert "7 طلاب" in html and "الصف العاشر" in html
    (stat, *_) = stats.quiz_item_analysis(session, school, class_id=group.id)
    assert stat.stat.n == 7
    body = browser.get(f"/teacher/quizzes/{school.id}/results.csv?class={group.id}").data.decode("utf-8-sig")
    assert {row[0] for row in list(csv.reader(io.StringIO(body)))[1:]} == names
    assert f'<option value="{group.id}" selected>' in html
    # Another teacher's class is not a filter for this teacher.
    theirs = class_service.create_class(session, other_teacher.id, "صف آخر")
    assert browser.get(f"{url}?class={theirs.id}").status_code == 404
    assert browser.get(f"/teacher/quizzes/{school.id}/results.csv?class={theirs.id}").status_code == 404


def test_the_csv_streams_every_student_in_name_order(client: Any, school: models.Quiz,
                                                     teacher: models.User) -> None:  # noqa: F811
    reply = sign_in(client, teacher).get(f"/teacher/quizzes/{school.id}/results.csv")
    assert reply.status_code == 200 and reply.is_streamed
    raw = reply.data
    assert raw.startswith(b"\xef\xbb\xbf") and raw.count(b"\xef\xbb\xbf") == 1
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][0] == "الطالب" and len(rows) == 124
    assert [r[0] for r in rows[1:]] == sorted(r[0] for r in rows[1:])


def test_the_builtin_quiz_belongs_to_the_first_teacher(client: Any, session: Session, teacher: models.User,  # noqa: F811
                                                       other_teacher: models.User) -> None:  # noqa: F811
    from quiz.seed import BUILTIN_CODE

    builtin = session.scalars(select(models.Quiz).where(models.Quiz.code == BUILTIN_CODE)).one()
    assert builtin.owner_id is None
    populate(session, builtin.id, 4, seed=2)
    first = sign_in(client, teacher)
    assert BUILTIN_CODE in first.get("/teacher/").get_data(as_text=True)
    page = first.get(f"/teacher/quizzes/{builtin.id}/results")
    assert page.status_code == 200 and "4 طلاب" in page.get_data(as_text=True)
    assert first.get(f"/teacher/quizzes/{builtin.id}/results.csv").status_code == 200
    second = sign_in(client, other_teacher)
    assert BUILTIN_CODE not in second.get("/teacher/").get_data(as_text=True)
    assert second.get(f"/teacher/quizzes/{builtin.id}/results").status_code == 404
