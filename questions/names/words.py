"""Cue words of Arabic news (folded), read from the hand-curated lists, and proclitic splitting.

Each set names a class of words the tagger uses as a feature and the rules use as a cue. The words
themselves live in ``questions/data/lists/``; this module only gives them names.
"""

from __future__ import annotations

from functools import lru_cache

from questions.lists import folded

TITLES = folded("titles")
ROLE_HEADS = folded("role_heads") | TITLES
REPORT_VERBS = folded("report_verbs")
ORG_HEADS = folded("org_heads")
SITE_HEADS = folded("site_heads")
REGION_HEADS = folded("region_heads")
PLACE_PREPS = folded("place_preps")
CUE_WORDS = ORG_HEADS | SITE_HEADS | REGION_HEADS | ROLE_HEADS

STOP = folded("stop")
NAME_LINKS = folded("name_links")
KIN_LINKS = folded("kin_links")
ORDINALS = folded("ordinals")
PERSON_CUES = folded("person_cues")
STRICT_SITES = folded("strict_sites")
ORG_ADJECTIVES = folded("org_adjectives")
ORG_CONSTRUCTS = folded("org_constructs")
NOT_BODIES = folded("not_bodies")
STREETS = folded("streets")
MONTH_WORDS_BEFORE = folded("month_words_before")
ORG_LIL_NOUNS = frozenset(("ل", w) for w in folded("org_lil_nouns"))
MINISTER = folded("minister")
ROLE_PREPS = folded("role_preps")
ON_BEHALF = folded("on_behalf")
ROLE_TAILS = folded("role_tails")
LEAD_VERBS = folded("lead_verbs")
AGE_VERBS = folded("age_verbs")
EVENT_HEADS = folded("event_heads")
CLUB_HEADS = folded("club_heads")
COMPANY_TAILS = folded("company_tails")
NOT_SAID_BY = folded("not_said_by")
SETTLEMENTS = folded("settlements")
SITE_NAME_LINKS = folded("site_name_links")
CUP_HEADS = folded("cup_heads")
NOT_NAME_OPENERS = folded("not_name_openers")
# Words that open a place's name: a name met once after one of them is a place (وادي الرمال, مخيم نور شمس).
PLACE_HEADS = REGION_HEADS | STREETS | SETTLEMENTS

# Proclitic chains on a folded token, longest first; ال stays with the stem ("لل" is ل + ال).
_PROCLITICS = ("وبال", "وكال", "وفال", "ولل", "فلل", "وال", "فال", "بال", "كال", "لل",
               "وب", "ول", "وك", "فب", "فل", "و", "ف", "ب", "ل", "ك")


@lru_cache(maxsize=200_000)
def split_clitic(w: str) -> tuple[str, str]:
    """Split a folded token into (proclitics, stem); the stem keeps ال ("للانتخابات" -> ل, الانتخابات)."""
    for p in _PROCLITICS:
        if w.startswith(p) and len(w) - len(p) >= 2:
            rest = w[len(p):]
            if p.endswith("لل"):
                return p[:-1], "ال" + rest
            if p.endswith("ال"):
                return p[:-2], "ال" + rest
            return p, rest
    return "", w


def never_opens_a_name(word: str, stem: str) -> bool:
    """True for a word that never opens a person's name (an ordinal, a noun of a court's sentence), read
    with or without a glued preposition or conjunction («بحبس», «وحبس»)."""
    return stem in NOT_NAME_OPENERS or split_clitic(word)[1] in NOT_NAME_OPENERS
