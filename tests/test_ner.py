"""The shipped CRF tagger: it loads, tags, and ner-eval scores a CoNLL file."""

from __future__ import annotations

from pathlib import Path

import pytest

from questions.lists import DATA, MODELS
from questions.names import corpus, tagger
from questions.names.words import split_clitic
from questions.__main__ import main


def test_the_model_file_ships_small_and_loads() -> None:
    assert tagger.MODEL_PATH.is_file()
    assert tagger.MODEL_PATH.stat().st_size < 5_000_000
    assert tagger.tagger() is tagger.tagger()


def test_the_credit_line_ships_with_the_model() -> None:
    credits = (DATA / "CREDITS.md").read_text(encoding="utf-8")
    assert "ANERcorp, Benajiba, Rosso and Benedí Ruiz (2007)" in credits
    assert "ANERGazet" in credits


def test_tags_a_sentence_with_bio_labels() -> None:
    toks = "وقال الرئيس الأمريكي جورج بوش في واشنطن إن".split()
    tags = tagger.tag(toks)
    assert len(tags) == len(toks)
    assert tags[toks.index("واشنطن")] == "B-LOC"
    assert all(t == "O" or t[:2] in ("B-", "I-") for t in tags)


@pytest.mark.parametrize("word, pre, stem", [
    ("بالمغرب", "ب", "المغرب"),
    ("للانتخابات", "ل", "الانتخابات"),
    ("والرياض", "و", "الرياض"),
    ("المغرب", "", "المغرب"),
])
def test_split_clitic_keeps_al_with_the_stem(word: str, pre: str, stem: str) -> None:
    assert split_clitic(word) == (pre, stem)


@pytest.mark.parametrize("bio, bilou", [
    (["B-PERS", "I-PERS", "O"], ["B-PERS", "L-PERS", "O"]),
    (["B-LOC", "B-LOC"], ["U-LOC", "U-LOC"]),
    (["B-ORG", "I-ORG", "I-ORG"], ["B-ORG", "I-ORG", "L-ORG"]),
])
def test_bilou_training_labels_mark_last_and_single_tokens(bio: list[str], bilou: list[str]) -> None:
    assert tagger.to_bilou(bio) == bilou


def test_a_document_is_tagged_in_bio_whatever_the_training_scheme() -> None:
    sents = [["وقال", "بوتين", "إن", "روسيا", "مستعدة"], ["وأضاف", "بوتين", "أن", "الحوار", "مستمر"]]
    tags = tagger.tag_document(sents)
    assert [len(t) for t in tags] == [5, 5]
    assert all(t == "O" or t[:2] in ("B-", "I-") for row in tags for t in row)
    assert tags[0][3] == "B-LOC"


def test_the_shipped_models_stay_small() -> None:
    total = sum(p.stat().st_size for p in MODELS.glob("*.crfsuite"))
    assert total < 8_000_000


@pytest.mark.parametrize("tags, spans", [
    (["B-PERS", "I-PERS", "O", "B-LOC"], {("PERS", 0, 2), ("LOC", 3, 4)}),
    (["B-MISC", "I-MISC", "B-ORG"], {("ORG", 2, 3)}),
    (["I-ORG", "I-ORG", "O"], {("ORG", 0, 2)}),
])
def test_spans_are_read_from_bio_tags(tags: list[str], spans: set[tuple[str, int, int]]) -> None:
    assert tagger.spans_of(tags) == spans


CONLL = """وقال O
الرئيس O
الفرنسي O
إيمانويل B-PERS
ماكرون I-PERS
في O
باريس B-LOC
إن O
الاتحاد B-ORG
الأوروبي I-ORG
سيدعم O
أوكرانيا B-LOC
. O

وزار O
ماكرون B-PERS
ألمانيا B-LOC
. O
"""


def test_ner_eval_prints_per_type_scores_and_a_last_f1_line(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "tiny.conll"
    path.write_text(CONLL, encoding="utf-8")
    report = corpus.evaluate_conll(path)
    lines = report.splitlines()
    assert [ln.split()[0] for ln in lines[1:4]] == ["PERS", "LOC", "ORG"]
    assert lines[-1].startswith("F1=") and 0.5 <= float(lines[-1][3:]) <= 1.0
    assert main(["ner-eval", str(path)]) == 0
    assert capsys.readouterr().out.strip().splitlines()[-1] == lines[-1]


def test_ner_eval_on_a_missing_file_exits_with_code_2(tmp_path: Path) -> None:
    assert main(["ner-eval", str(tmp_path / "nope.conll")]) == 2


ANERCORP_TEST = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "anercorp" / \
    "ANERCorp_CamelLab_test.reconstructed.txt"


def test_the_tagger_with_its_rules_keeps_anercorps_test_split_at_its_floor() -> None:
    assert ANERCORP_TEST.is_file(), f"ANERcorp's test split is missing: {ANERCORP_TEST}"
    f1 = float(corpus.evaluate_conll(ANERCORP_TEST).splitlines()[-1][3:])
    assert f1 >= 0.73
