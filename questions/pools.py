"""Typed pools of wrong options, read from ``questions/data/pools/``: places by kind, country and region;
organizations by group and region; causes and aims by the field a story is in. People and posts have no
pool: a public figure from outside the article, or another minister beside the one an article on his field
quotes, is an option a reader rules out without reading, so wrong people and posts come from the article.

Wrong options come from the article first (``questions.options``); these pools fill in when the
article has too few of the same kind. Every pool is typed so that an option is plausible: a Gulf city
gets other Gulf cities, a ministry other ministries.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from questions import lists
from questions.normalize import fold, tokens

POOLS = Path(__file__).resolve().parent / "data" / "pools"


def _rows(name: str) -> list[dict[str, str]]:
    with (POOLS / f"{name}.tsv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


@lru_cache(maxsize=1)
def _role_rules() -> tuple[tuple[tuple[str, ...], str], ...]:
    rules = []
    for words, cls in lists.pairs("generation/role_classes"):
        rules.append((tuple(_bare(t) for t in tokens(words)), cls))
    return tuple(rules)


def _bare(token: str) -> str:
    return token[2:] if token.startswith("ال") and len(token) > 4 else token


def role_class(role: str | None) -> str | None:
    """The class of people a role or title puts its holder in («وزير الخارجية» -> foreign_minister)."""
    if not role:
        return None
    words = [_bare(t) for t in tokens(role)]
    raw = fold(role).split()
    if raw and raw[0] in ("ممثل", "ممثله") and len(raw) > 1:
        return "official"  # «ممثلة منظمة الصحة العالمية»: a representative, not an actress
    for rule, cls in _role_rules():
        n = len(rule)
        if any(tuple(words[i:i + n]) == rule for i in range(len(words) - n + 1)):
            if cls == "head_of_state" and words[0] in ("رييس", "رييسه") and not _heads_a_state(words):
                return "official"  # «رئيس السلطة الوطنية للانتخابات» heads a body, not a state
            return cls
    return None


def _heads_a_state(words: list[str]) -> bool:
    """«الرئيس», «الرئيس الأمريكي», «رئيس الجمهورية», «رئيس دولة الإمارات»: a head of state, not of a body."""
    return len(words) == 1 or words[1] in ("جمهوريه", "دوله", "البلاد", "بلاد") or \
        (len(words) == 2 and words[1].endswith("ي"))


def feminine_role(role: str | None) -> bool:
    """True when a role is written in the feminine («الوزيرة», «رئيسة الحكومة»)."""
    words = tokens(role or "")
    return bool(words) and _bare(words[0]).endswith("ه") and _bare(words[0]) not in ("خليفه",)


@lru_cache(maxsize=1)
def _places() -> list[dict[str, str]]:
    return _rows("places")


@lru_cache(maxsize=1)
def _place_index() -> dict[str, dict[str, str]]:
    return {fold(r["name"]): r for r in _places()}


def place_row(name: str) -> dict[str, str] | None:
    """What the pools know of a place: its kind, country and region."""
    return _place_index().get(fold(name))


def places(kind: str, *, country: str = "", regions: Iterable[str] = ()) -> tuple[str, ...]:
    """Places of ``kind`` in ``country`` (when given) or else in ``regions``, in file order."""
    want = set(regions)
    out = []
    for r in _places():
        if r["kind"] != kind:
            continue
        if country and fold(r["country"]) != fold(country):
            continue
        if not country and want and r["region"] not in want:
            continue
        out.append(r["name"])
    return tuple(out)


def regions_of(place_names: Iterable[str]) -> tuple[str, ...]:
    """The regions the given places lie in, most named first."""
    count: dict[str, int] = defaultdict(int)
    for n in place_names:
        row = place_row(n)
        if row is not None and row["region"]:
            count[row["region"]] += 1
    return tuple(sorted(count, key=lambda r: -count[r]))


@lru_cache(maxsize=1)
def _orgs() -> list[dict[str, str]]:
    return _rows("organizations")


@lru_cache(maxsize=1)
def _org_index() -> dict[str, dict[str, str]]:
    return {fold(r["name"]): r for r in _orgs()}


def org_row(name: str) -> dict[str, str] | None:
    """What the pools know of an organization: its group and region."""
    return _org_index().get(fold(name))


def org_group(name: str) -> str | None:
    """The group of an organization: from the pools, else by its head word (``org_head_groups``)."""
    row = org_row(name)
    if row is not None:
        return row["group"]
    f = fold(name)
    for head, group in lists.pairs("generation/org_head_groups"):
        if f == head or f.startswith(head + " "):
            return group
    return None


def place_kind(name: str) -> str | None:
    """The kind of a place the pools list (a capital counts as a city): country, city, region or site."""
    row = place_row(name)
    if row is None:
        return None
    return "city" if row["kind"] == "capital" else row["kind"]


def organizations(group: str, regions: Iterable[str] = ()) -> tuple[str, ...]:
    """Organizations of ``group`` from ``regions`` (and those of any region), in file order."""
    want = {*regions, "any"}
    return tuple(r["name"] for r in _orgs() if r["group"] == group and (not regions or r["region"] in want))


@lru_cache(maxsize=1)
def _reason_cues() -> tuple[tuple[str, frozenset[str]], ...]:
    return tuple((r["domain"], frozenset(tokens(r["cues"]))) for r in _rows("reason_domains"))


def reason_domains() -> tuple[str, ...]:
    """Every field whose causes and aims the pools know."""
    return tuple(domain for domain, _ in _reason_cues())


def reason_domain(text: str) -> str | None:
    """The field ``text`` is about (economy, health, weather...), by the cue words it holds most; None when
    it holds none."""
    words = tokens(text)
    best, hits = None, 0
    for domain, cues in _reason_cues():
        n = sum(1 for w in words if w in cues)
        if n > hits:
            best, hits = domain, n
    return best


@lru_cache(maxsize=None)
def reasons(domain: str, purpose: bool) -> tuple[str, ...]:
    """Wrong reasons a story of ``domain`` may be offered: aims when ``purpose``, causes otherwise."""
    cls = "aim" if purpose else "cause"
    return tuple(r["phrase"] for r in _rows("reasons") if r["domain"] == domain and r["class"] == cls)
