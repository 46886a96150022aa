"""The kind registry: every kind has one entry, a label and a shape the rest of Fahim can dispatch on."""

from __future__ import annotations

import pytest

from questions.kinds import KINDS, REGISTRY, SHAPES, UnknownKind, get, label, shape
from questions.model import Question


def test_every_kind_is_listed_once_with_an_arabic_label_and_a_known_shape() -> None:
    names = [k.name for k in KINDS]
    assert len(names) == len(set(names)) == len(REGISTRY)
    for k in KINDS:
        assert k.shape in SHAPES
        assert any("\u0621" <= ch <= "\u064a" for ch in k.label), k.name


def test_a_cloze_is_typed_unless_it_carries_options() -> None:
    typed = Question(key="a", kind="cloze", fact_type="place", prompt="زار _____ أمس.", answer="عمان")
    picked = Question(key="b", kind="cloze", fact_type="place", prompt="زار _____ أمس.", answer="عمان",
                      choices=("عمان", "دمشق", "بيروت", "بغداد"))
    assert shape(typed) == "text"
    assert shape(picked) == "choice"


def test_an_unknown_kind_is_refused_by_name() -> None:
    with pytest.raises(UnknownKind, match="essay"):
        get("essay")
    with pytest.raises(UnknownKind):
        shape(Question(key="c", kind="essay", fact_type="", prompt="اكتب", answer="x"))


def test_labels_come_from_the_registry() -> None:
    assert label("true_false") == "صح أو خطأ"
    assert label("mcq") == "اختيار من متعدد"
