"""Item statistics, grading rules and the histogram, checked against arithmetic done by hand."""

import math
import re
import xml.etree.ElementTree as ET

import pytest

from quiz.services import stats

# Five students' first attempts on four items; items A, B, C are worth 1 point, D is worth 2.
#            A  B  C  D   total
# S1        1  1  1  2 =  5
# S2        1  1  0  2 =  4
# S3        1  1  0  1 =  3
# S4        1  0  0  0 =  1
# S5        0  0  1  0 =  1
MATRIX = [
    [1, 1, 1, 2],
    [1, 1, 0, 2],
    [1, 1, 0, 1],
    [1, 0, 0, 0],
    [0, 0, 1, 0],
]
MAX = [1, 1, 1, 2]

# Item A: x = [1,1,1,1,0], rest = total - x = [4,3,2,0,1]; mean x = .8, mean rest = 2
#   dx = [.2,.2,.2,.2,-.8], dy = [2,1,0,-2,-1]
#   Sxy = .4+.2+0-.4+.8 = 1.0; Sxx = 4*.04+.64 = .8; Syy = 4+1+0+4+1 = 10
#   r = 1 / sqrt(.8*10) = 1/sqrt(8) = 0.353553; facility = .8/1 = .8; sd = sqrt(.8/4) = 0.447214
# Item B: x = [1,1,1,0,0], rest = [4,3,2,1,1]; mean x = .6, mean rest = 2.2
#   dx = [.4,.4,.4,-.6,-.6], dy = [1.8,.8,-.2,-1.2,-1.2]
#   Sxy = .72+.32-.08+.72+.72 = 2.4; Sxx = 3*.16+2*.36 = 1.2; Syy = 3.24+.64+.04+1.44+1.44 = 6.8
#   r = 2.4 / sqrt(1.2*6.8) = 2.4/sqrt(8.16) = 0.840168; facility = .6
# Item C: x = [1,0,0,0,1], rest = [4,4,3,1,0]; mean x = .4, mean rest = 2.4
#   dx = [.6,-.4,-.4,-.4,.6], dy = [1.6,1.6,.6,-1.4,-2.4]
#   Sxy = .96-.64-.24+.56-1.44 = -.8; Sxx = 2*.36+3*.16 = 1.2; Syy = 2.56+2.56+.36+1.96+5.76 = 13.2
#   r = -.8 / sqrt(1.2*13.2) = -.8/sqrt(15.84) = -0.201008; facility = .4  -> negative discrimination
# Item D (max 2): x = [2,2,1,0,0], rest = [3,2,2,1,1]; mean x = 1, mean rest = 1.8
#   dx = [1,1,0,-1,-1], dy = [1.2,.2,.2,-.8,-.8]
#   Sxy = 1.2+.2+0+.8+.8 = 3.0; Sxx = 4; Syy = 1.44+.04+.04+.64+.64 = 2.8
#   r = 3 / sqrt(4*2.8) = 3/sqrt(11.2) = 0.896421; facility = 1/2 = .5
HAND = [
    # (item, facility, discrimination, flags)
    (0, 0.8, 1 / math.sqrt(8), ()),
    (1, 0.6, 2.4 / math.sqrt(8.16), ()),
    (2, 0.4, -0.8 / math.sqrt(15.84), (stats.NEGATIVE_DISCRIMINATION,)),
    (3, 0.5, 3 / math.sqrt(11.2), ()),
]


@pytest.mark.parametrize(("item", "facility", "discrimination", "flags"), HAND)
def test_item_analysis_matches_the_hand_computed_values(item, facility, discrimination, flags):
    result = stats.item_analysis(MATRIX, MAX)[item]
    assert result.n == 5
    assert result.facility == pytest.approx(facility)
    assert result.discrimination == pytest.approx(discrimination)
    assert result.flags == flags


def test_the_hand_values_written_as_decimals_agree_with_the_formulae():
    got = [round(s.discrimination, 6) for s in stats.item_analysis(MATRIX, MAX)]
    assert got == [0.353553, 0.840168, -0.201008, 0.896421]


def test_item_standard_deviation_is_the_sample_one():
    assert stats.item_analysis(MATRIX, MAX)[0].sd == pytest.approx(math.sqrt(0.2))


def test_an_item_everyone_gets_right_is_too_easy_and_has_no_discrimination():
    # Items: E all right, F all wrong, G varies. E's facility 3/3 = 1 > .9; F's 0/3 = 0 < .2;
    # both have zero variance, so r is undefined (None), as in Moodle where it shows blank.
    result = stats.item_analysis([[1, 0, 1], [1, 0, 0], [1, 0, 1]], [1, 1, 1])
    assert (result[0].facility, result[0].discrimination, result[0].flags) == (1.0, None, (stats.TOO_EASY,))
    assert (result[1].facility, result[1].discrimination, result[1].flags) == (0.0, None, (stats.TOO_HARD,))


def test_no_attempts_gives_empty_statistics_not_an_error():
    result = stats.item_analysis([], [1, 2])
    assert [(s.n, s.facility, s.discrimination, s.flags) for s in result] == [(0, None, None, ())] * 2


def test_a_row_of_the_wrong_length_is_refused():
    with pytest.raises(ValueError):
        stats.item_analysis([[1, 0]], [1, 1, 1])


@pytest.mark.parametrize(("facility", "discrimination", "flags"), [
    (0.95, 0.5, (stats.TOO_EASY,)),
    (0.90, 0.5, ()),  # the bound itself is not flagged
    (0.20, 0.5, ()),
    (0.19, 0.5, (stats.TOO_HARD,)),
    (0.5, -0.01, (stats.NEGATIVE_DISCRIMINATION,)),
    (0.5, 0.0, ()),
    (0.05, -0.3, (stats.TOO_HARD, stats.NEGATIVE_DISCRIMINATION)),
    (None, None, ()),
])
def test_flags_follow_the_documented_thresholds(facility, discrimination, flags):
    assert stats.flags_for(facility, discrimination) == flags


@pytest.mark.parametrize(("scores", "rule", "grade"), [
    ([40, 90, 70], "highest", 90),
    ([40, 90, 70], "last", 70),
    ([40, 90, 70], "average", 200 / 3),
    ([55], "average", 55),
    ([], "highest", None),
])
def test_overall_grade_applies_the_quiz_rule(scores, rule, grade):
    assert stats.overall_grade(scores, rule) == (pytest.approx(grade) if grade is not None else None)


def test_an_unknown_grading_rule_is_refused():
    with pytest.raises(ValueError):
        stats.overall_grade([1], "median")


@pytest.mark.parametrize(("scores", "counts"), [
    ([0, 5, 9.99], [3, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
    ([10, 55, 100, 100], [0, 1, 0, 0, 0, 1, 0, 0, 0, 2]),
    ([-3, 120], [1, 0, 0, 0, 0, 0, 0, 0, 0, 1]),
    ([], [0] * 10),
])
def test_histogram_counts_scores_into_ten_bins(scores, counts):
    assert stats.histogram(scores) == counts


def test_histogram_svg_is_well_formed_and_accessible():
    svg = stats.histogram_svg([35, 45, 48, 100], title="توزيع <الدرجات>")
    root = ET.fromstring(svg)
    ns = "{http://www.w3.org/2000/svg}"
    assert root.get("role") == "img"
    assert root.find(f"{ns}title").text == "توزيع <الدرجات>"
    desc = root.find(f"{ns}desc").text
    assert "4 طلاب" in desc and "40–50%: طالبان" in desc and "30–40%: طالب واحد" in desc
    assert "<script" not in svg
    assert len(root.findall(f"{ns}g")) == 10


def test_histogram_svg_puts_the_lowest_bin_on_the_right_in_rtl():
    def x_of_first_bin(rtl):
        svg = stats.histogram_svg([5], rtl=rtl)
        return float(re.search(r'<rect x="([\d.]+)"', svg).group(1))

    assert x_of_first_bin(True) > 500 > x_of_first_bin(False)
