"""Benchmark: our Anki export of 10,000 questions against bare genanki writing the same notes.

Both sides run in this process on the same machine, so the ratio is what matters:
    ours      = quiz.exports.anki.anki_apkg(bank)  (Bank -> fields, GUIDs, tags -> .apkg bytes)
    baseline  = the same notes (fields, GUIDs, tags, decks, models) handed to genanki.Note/Deck
                and written with genanki.Package.write_to_file, as a genanki user would.
Run: .venv/bin/python bench/export.py   (prints `anki-export ratio=X target<=1.5 ok|FAIL`)
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import genanki  # noqa: E402

from quiz.exports import anki  # noqa: E402
from quiz.exports.samples import sample_bank  # noqa: E402

N_QUESTIONS = 10_000
TARGET = 1.5
REPEATS = 5


def _bank_of(n: int):  # type: ignore[no-untyped-def]
    per_copy = len(sample_bank().questions)
    bank = sample_bank(copies=-(-n // per_copy))
    return bank.__class__(article=bank.article, questions=bank.questions[:n])


def _baseline(plan: anki.DeckPlan, path: str) -> None:
    """Write the planned notes with bare genanki, the way its README does."""
    root = genanki.Deck(anki.ROOT_DECK_ID, anki.ROOT_DECK_NAME)
    deck = genanki.Deck(plan.deck_id, plan.name)
    for n in plan.notes:
        deck.add_note(genanki.Note(model=anki.MODELS[n.model_id], fields=list(n.fields), guid=n.guid,
                                   tags=list(n.tags)))
    genanki.Package([root, deck]).write_to_file(path)


def run(n: int = N_QUESTIONS, repeats: int = REPEATS) -> tuple[float, float]:
    """Return (our seconds, bare genanki seconds) for ``n`` questions, best of ``repeats``."""
    bank = _bank_of(n)
    plan = anki.plan_bank(bank)  # the baseline gets the finished notes for free
    anki.anki_apkg(_bank_of(20))  # warm caches (model required-field tables) for both sides
    ours: list[float] = []
    base: list[float] = []
    saved_tempdir = tempfile.tempdir
    with tempfile.TemporaryDirectory() as tmp:
        # genanki's write_to_file leaves its temporary database behind; keep it in here.
        tempfile.tempdir = tmp
        path = os.path.join(tmp, "baseline.apkg")
        try:
            _timed(bank, plan, path, repeats, ours, base)
        finally:
            tempfile.tempdir = saved_tempdir
    return min(ours), min(base)


def _timed(bank, plan, path, repeats, ours, base):  # type: ignore[no-untyped-def]
    for _ in range(repeats):
        t0 = time.perf_counter()
        data = anki.anki_apkg(bank)
        ours.append(time.perf_counter() - t0)
        assert data
        t0 = time.perf_counter()
        _baseline(plan, path)
        base.append(time.perf_counter() - t0)


def main() -> int:
    """Print the ratio line; exit 1 when it misses the target."""
    ours, base = run()
    ratio = ours / base
    print(f"questions={N_QUESTIONS} ours={ours:.3f}s genanki={base:.3f}s")
    print(f"anki-export ratio={ratio:.2f} target<={TARGET} {'ok' if ratio <= TARGET else 'FAIL'}")
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
