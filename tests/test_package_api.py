"""The package's public API: questions.extract_facts and questions.generate stay callable."""

import pathlib

import questions

SEED = (pathlib.Path(__file__).resolve().parent.parent / "quiz" / "seed" / "asfura_honduras.txt").read_text(encoding="utf-8")


def test_generate_is_still_a_function_after_its_submodule_is_imported() -> None:
    import questions.generate  # noqa: F401  (importing the submodule must not shadow the function)

    first = questions.generate(SEED)
    second = questions.generate(SEED)
    assert [q.key for q in first.questions] == [q.key for q in second.questions]


def test_extract_facts_is_callable_twice() -> None:
    import questions.facts  # noqa: F401

    assert questions.extract_facts(SEED) == questions.extract_facts(SEED)
