"""People, places and organizations in Arabic news text.

A CRF tagger (``tagger``, over ``features`` of the words and the ``lexicon``) proposes name spans; named
rules for news (``rules/``, run in the order ``passes`` lists) fix and extend them; ``link`` turns the
spans into facts with one entity id per name. Word lists live in ``questions/data/lists/`` (hand-curated),
``questions/data/generated/`` (made from the training corpus) and the models in ``questions/data/models/``.
"""

from questions.names.passes import find_entities, tag_sentences

__all__ = ["find_entities", "tag_sentences"]
