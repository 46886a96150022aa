"""Arabic wh-questions built from a sentence with the answer taken out.

Conservative by design: each pattern fires only on a shape it turns into a grammatical question
(a verb-initial clause with an explicit subject, a known «بلغت نسبة ...» shape, and so on) and returns
None otherwise. Patterns work on whitespace words of one sentence (``words``), matching folded forms
and copying the original words (with their diacritics) into the question: who and where (``who``),
when (``when``), how much (``figures``). Their word lists live in ``data/lists/generation/realize_*``.
"""

from __future__ import annotations

from questions.realize.figures import number_question, percent_question
from questions.realize.when import Adjunct, adjunct_clause, date_removal, event_text, when_question
from questions.realize.who import subject_question, where_question
from questions.realize.words import Mention, Word, drop_conj, is_verb, looks_like_verb, present_verb, verbish, words_of

__all__ = ["Adjunct", "Mention", "Word", "adjunct_clause", "date_removal", "drop_conj", "event_text", "is_verb",
           "looks_like_verb", "number_question", "percent_question", "present_verb", "subject_question", "verbish",
           "when_question", "where_question", "words_of"]
