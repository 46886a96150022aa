"""Who did what: the person behind one of the story's events («من مدرب الأهلي الذي أقر بأن ...؟»),
picked among people of the same class, from the article first."""

from __future__ import annotations

from questions import lists
from questions.clauses import verb_shaped
from questions.context import Context
from questions.kinds.base import Candidate, Kind
from questions.kinds.mcq import choice_question
from questions.normalize import fold
from questions.realize import is_verb, words_of
from questions.realize.words import outside_quotes_commas
from questions.stems import Stems

MIN_REST_WORDS = 3
MAX_TITLE_WORDS = 5


def _verb(word: str) -> bool:
    w = words_of(word)[0]
    return is_verb(w) or verb_shaped(w)


def _reporting(verb: str) -> bool:
    """«قال», «أكد»: a question on who said something routine is trivia, not an event."""
    bare = fold(verb).strip("«»،,")
    bare = bare[1:] if bare[:1] in "وف" and len(bare) > 3 else bare
    verbs = lists.folded("generation/reporting_verbs")
    return bare in verbs or (bare.endswith("ت") and bare[:-1] in verbs)


def _first_clause(rest: str) -> str:
    """``rest`` up to its first comma outside quotes (the comma right after the name excepted)."""
    commas = [c for c in outside_quotes_commas(rest) if rest[:c].strip(" ،,»")]
    return rest[:commas[0]] if commas else rest


def _scores(rest: str) -> bool:
    """True when what follows the name is a goal («أضاف سالم القماطي الهدف الثاني»): «أضاف» scored, not said."""
    first = fold(rest.split()[0]).strip("«»،,") if rest.split() else ""
    return first.startswith(("الهدف", "هدف"))


def _title(words: list[str]) -> bool:
    """True for words that can stand before a name as its title: a post («مدرب الأهلي»), a player's place
    («البديل», «لاعب الوسط») or nationality adjectives («الصربي», «البرازيلي»)."""
    bare = [fold(w).strip("«»،,") for w in words]
    posts = lists.folded("generation/positions") | lists.folded("generation/role_titles") | \
        lists.folded("generation/player_roles")
    if bare[0] in posts or bare[0].removeprefix("ال") in posts:
        return True
    return all(w.startswith("ال") and w.endswith("ي") and len(w) >= 5 for w in bare)


def event_question(claim: tuple[str, int, int]) -> str | None:
    """From a clause whose subject is the answer («أقر مدرب الأهلي الألماني _____ بأن ...»), the question
    asking who: «من مدرب الأهلي الألماني الذي أقر بأن ...؟», or «من أعلن ...؟» without a title."""
    text, a, b = claim
    before = text[:a].split()
    # «سجل ألبرتو مارتينيث 7 أهداف، والتونسي وائل الجلاصي 6 أهداف»: what the name did ends at the comma
    text = text[:b] + _first_clause(text[b:])
    rest = text[b:].strip(" ،,.»«").strip()
    if not before or len(rest.split()) < MIN_REST_WORDS or text[b:b + 1] not in (" ", "»", "،"):
        return None
    verb, title = before[0], before[1:]
    if not _verb(verb) or _reporting(verb) and not _scores(rest) or len(title) > MAX_TITLE_WORDS or \
            fold(verb).strip("«»،,") in lists.folded("generation/positions"):
        return None
    if any(is_verb(words_of(w)[0]) or w.endswith(("،", ",")) for w in title):
        return None  # another clause or an aside stands between the verb and the name
    if title and not _title(title):
        return None  # «يأتي هذا التحالف عقب فوز _____»: the words before the name are not its title
    title_text = " ".join(title).strip("«» ")
    rest = text[b:].lstrip("»").strip(" ،,.")
    relative = "التي" if fold(verb).endswith("ت") else "الذي"
    if title_text:
        return f"من {title_text} {relative} {verb} {rest}؟"
    return f"من {verb} {rest}؟"


def build(ctx: Context, st: Stems, salience: float) -> Candidate | None:
    """A who-did-what question on a person who is the subject of one of the story's events."""
    if st.fact.type != "person" or st.claim is None:
        return None
    prompt = event_question(st.claim)
    if prompt is None:
        return None
    return choice_question(ctx, st, "who_did", prompt, salience, 0.9)


KIND = Kind(name="who_did", label="من فعل ماذا", shape="choice", comprehension=True, for_fact=build)
