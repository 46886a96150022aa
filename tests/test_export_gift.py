"""GIFT export: escaping table, and every question read back with a port of Moodle's GIFT reader."""

from __future__ import annotations

from pathlib import Path

import pytest

from questions.generate import generate

from questions.model import Article, Bank, Question
from quiz.exports import gift
from quiz.exports.samples import sample_bank


@pytest.mark.parametrize(("text", "escaped"), [
    ("بلا رموز", "بلا رموز"),
    ("a~b", "a\\~b"),
    ("a=b", "a\\=b"),
    ("a#b", "a\\#b"),
    ("{x}", "\\{x\\}"),
    ("الساعة 10:30", "الساعة 10\\:30"),
    ("c:\\dir", "c\\:\\\\dir"),
    ("\\~", "\\\\\\~"),
    ("سطر\nسطر", "سطر\\nسطر"),
    ("win\r\nline", "win\\nline"),
    ("5% -> 6", "5% -> 6"),
])
def test_gift_special_characters_are_escaped(text: str, escaped: str) -> None:
    assert gift.escape_gift(text) == escaped
    assert unescape(pre(escaped)) == text.replace("\r", "")


# ---- A port of Moodle's qformat_gift reading rules (question/format/gift/format.php) ----
_ESCAPES = [("\\:", "&&058;"), ("\\#", "&&035;"), ("\\=", "&&061;"), ("\\{", "&&123;"), ("\\}", "&&125;"),
            ("\\~", "&&126;"), ("\\n", "&&010")]


def pre(s: str) -> str:
    s = s.replace("\\\\", "&&092;")
    for esc, ph in _ESCAPES:
        s = s.replace(esc, ph)
    return s.replace("&&092;", "\\")


def unescape(s: str) -> str:
    for esc, ph in _ESCAPES:
        s = s.replace(ph, "\n" if esc == "\\n" else esc[1])
    return s


def read_gift(text: str) -> dict[str, object]:
    """Return name, qtype, question text and answers the way Moodle's importer sees them."""
    text = pre(text.strip())
    assert text.startswith("::")
    text = text[2:]
    name, text = text.split("::", 1)
    start, end = text.index("{"), text.index("}")
    block = text[start + 1:end].strip()
    if text.endswith("}"):
        qtext = text[:start]
    else:
        qtext = text[:start] + "_____" + text[end + 1:]
    feedback = ""
    if "####" in block:
        block, feedback = block.rsplit("####", 1)
        block = block.strip()
    out: dict[str, object] = {"name": unescape(name), "text": unescape(qtext).strip(), "feedback": unescape(feedback)}
    if block.startswith("#"):
        value, tol = block[1:].split(":")
        out.update(qtype="numerical", answer=float(value), tolerance=float(tol))
    elif "~" in block:
        alts = [a.strip() for a in block.replace("=", "~=").split("~") if a.strip()]
        out.update(qtype="multichoice", answers=[(a.startswith("="), unescape(a.lstrip("=")).strip()) for a in alts])
    elif "=" in block and "->" in block:
        pairs = []
        for a in (a.strip() for a in block.split("=") if a.strip()):
            left, right = a.split("->", 1)
            pairs.append((unescape(left).strip(), unescape(right).strip()))
        out.update(qtype="match", pairs=pairs)
    elif block in ("T", "TRUE", "F", "FALSE"):
        out.update(qtype="truefalse", answer=block in ("T", "TRUE"))
    else:
        out.update(qtype="shortanswer", answers=[unescape(a).strip() for a in block.split("=") if a.strip()])
    return out


def paragraphs(text: str) -> list[str]:
    return [p for p in text.split("\n\n") if p.strip()]


def questions_of(text: str) -> dict[str, dict[str, object]]:
    out = {}
    for para in paragraphs(text):
        lines = [ln for ln in para.splitlines() if not ln.strip().startswith("//")]
        if lines and lines[0].startswith("$CATEGORY:"):
            continue
        q = read_gift("\n".join(lines))
        out[str(q["name"])] = q
    return out


def test_the_file_starts_with_the_articles_category_and_holds_one_paragraph_per_question() -> None:
    bank = sample_bank()
    text = gift.gift(bank)
    assert "$CATEGORY: $course$/top/أخبار/فوز عصفورة برئاسة هندوراس" in paragraphs(text)[0]
    assert set(questions_of(text)) == {q.key for q in bank.questions}


@pytest.fixture(name="read")
def read_fixture() -> tuple[Bank, dict[str, dict[str, object]]]:
    bank = sample_bank()
    return bank, questions_of(gift.gift(bank))


def q_of(bank: Bank, key: str) -> Question:
    return next(q for q in bank.questions if q.key == key)


def test_multiple_choice_reads_back_with_one_right_option(read: tuple[Bank, dict[str, dict[str, object]]]) -> None:
    bank, got = read
    q = q_of(bank, "mcq-person")
    assert got[q.key]["qtype"] == "multichoice"
    assert got[q.key]["answers"] == [(c == q.answer, c) for c in q.choices]
    assert got[q.key]["text"] == q.prompt
    assert got[q.key]["feedback"] == q.source.text


@pytest.mark.parametrize(("key", "value"), [("tf-date", False), ("tf-place", True)])
def test_true_false_reads_back(read: tuple[Bank, dict[str, dict[str, object]]], key: str, value: bool) -> None:
    assert (read[1][key]["qtype"], read[1][key]["answer"]) == ("truefalse", value)


@pytest.mark.parametrize("key", ["wh-place", "short-org"])
def test_short_answers_read_back_with_special_characters_intact(
        read: tuple[Bank, dict[str, dict[str, object]]], key: str) -> None:
    bank, got = read
    q = q_of(bank, key)
    assert got[key]["qtype"] == "shortanswer"
    assert got[key]["text"] == q.prompt
    assert got[key]["answers"] == [q.answer, *q.accepted]


def test_numeric_reads_back_with_its_tolerance(read: tuple[Bank, dict[str, dict[str, object]]]) -> None:
    got = read[1]["numeric-pct"]
    assert (got["qtype"], got["answer"], got["tolerance"]) == ("numerical", 40.3, 0.5)


def test_matching_reads_back_with_distractors(read: tuple[Bank, dict[str, dict[str, object]]]) -> None:
    bank, got = read
    q = q_of(bank, "matching-people")
    assert got[q.key]["qtype"] == "match"
    assert got[q.key]["pairs"] == [*q.pairs, ("", "وزير: الخارجية")]


def test_ordering_reads_back_as_items_matched_to_positions(read: tuple[Bank, dict[str, dict[str, object]]]) -> None:
    bank, got = read
    q = q_of(bank, "ordering-dates")
    assert got[q.key]["qtype"] == "match"
    assert dict(got[q.key]["pairs"]) == {item: str(i) for i, item in enumerate(q.items, 1)}  # type: ignore[arg-type]


def test_cloze_is_a_missing_word_question_with_the_blank_in_place(
        read: tuple[Bank, dict[str, dict[str, object]]]) -> None:
    bank, got = read
    q = q_of(bank, "cloze-date")
    assert got[q.key]["qtype"] == "shortanswer"
    assert got[q.key]["answers"] == [q.answer, *q.accepted]
    assert got[q.key]["text"] == q.prompt.replace("____", "_____")
    choice = got["cloze-choice"]
    assert choice["qtype"] == "multichoice"
    assert [a for ok, a in choice["answers"] if ok] == ["هندوراس"]  # type: ignore[attr-defined]


def test_a_blank_at_the_end_still_shows_as_a_blank() -> None:
    q = Question(key="end", kind="cloze", fact_type="place", prompt="فاز عصفورة في ____", answer="هندوراس")
    got = questions_of(gift.gift(Bank(Article("a", "t", ""), (q,))))["end"]
    assert str(got["text"]).startswith("فاز عصفورة في _____")


def test_an_arrow_inside_a_matching_item_cannot_split_the_pair() -> None:
    q = Question(key="m", kind="matching", fact_type="person", prompt="طابق", answer="",
                 pairs=(("أ -> ب", "ج"), ("د", "هـ -> و")), choices=("ج", "هـ -> و"))
    got = questions_of(gift.gift(Bank(Article("a", "t", ""), (q,))))["m"]
    assert got["pairs"] == [("أ - > ب", "ج"), ("د", "هـ -> و")]


def test_every_built_in_question_reads_back_with_its_answer() -> None:
    text = (Path(__file__).resolve().parent.parent / "quiz" / "seed" / "asfura_honduras.txt").read_text(encoding="utf-8")
    bank = generate(text, seed=0, article_date="2026-02-15", title="ترامب ونصري عصفورة")
    got = questions_of(gift.gift(bank))
    assert set(got) == {q.key for q in bank.questions}
    for q in bank.questions:
        g = got[q.key]
        if q.kind in ("mcq",) or (q.kind == "cloze" and q.choices):
            assert [a for ok, a in g["answers"] if ok] == [q.answer], q.key  # type: ignore[attr-defined]
        elif q.kind in ("wh", "short", "cloze"):
            assert g["answers"][0] == q.answer, q.key  # type: ignore[index]
        elif q.kind == "matching":
            assert g["pairs"][: len(q.pairs)] == list(q.pairs)  # type: ignore[index]
        elif q.kind == "true_false":
            assert g["qtype"] == "truefalse"
