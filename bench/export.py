"""Benchmark: our Anki export of 10,000 questions against bare genanki writing the same notes.

Both sides run in this process, one after the other, so the ratio is what matters:
    ours      quiz.exports.anki.anki_apkg(bank): Bank -> fields, GUIDs, tags -> .apkg bytes
    baseline  the finished notes (fields, GUIDs, tags), the same decks and note types, handed to
              genanki.Note / genanki.Deck and written with genanki.Package.write_to_file, the way
              genanki's README does it. The baseline gets its notes for free (built before timing).
Each side is timed REPEATS times, alternating; the best of each is compared.

Run: .venv/bin/python bench/export.py   -> `anki-export ratio=X target<=1.5 ok|FAIL` (exit 1 on FAIL)
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import genanki  # noqa: E402

from questions.model import Bank  # noqa: E402
from quiz.exports import anki  # noqa: E402
from quiz.exports.samples import sample_bank  # noqa: E402

N_QUESTIONS = 10_000
TARGET = 1.5
REPEATS = 5


def bank_of(n: int) -> Bank:
    """Return a bank of ``n`` questions of every kind, all with distinct keys."""
    per_copy = len(sample_bank().questions)
    bank = sample_bank(copies=-(-n // per_copy))
    return Bank(article=bank.article, questions=bank.questions[:n])


def bare_genanki(plan: anki.DeckPlan, path: str) -> None:
    """Write already-built notes with plain genanki."""
    root = genanki.Deck(anki.ROOT_DECK_ID, anki.ROOT_DECK_NAME)
    deck = genanki.Deck(plan.deck_id, plan.name)
    for n in plan.notes:
        deck.add_note(genanki.Note(model=anki.MODELS[n.model_id], fields=list(n.fields), guid=n.guid,
                                   tags=list(n.tags)))
    genanki.Package([root, deck]).write_to_file(path)


def run(n: int = N_QUESTIONS, repeats: int = REPEATS) -> tuple[float, float]:
    """Return (our seconds, bare genanki seconds) for ``n`` questions, best of ``repeats`` each."""
    bank = bank_of(n)
    plan = anki.plan_bank(bank)
    anki.anki_apkg(bank_of(20))  # warm-up: genanki caches each note type's required fields
    ours: list[float] = []
    base: list[float] = []
    saved = tempfile.tempdir
    with tempfile.TemporaryDirectory() as tmp:
        # genanki's write_to_file leaves its temporary database behind; keep those in here.
        tempfile.tempdir = tmp
        try:
            path = os.path.join(tmp, "baseline.apkg")
            for _ in range(repeats):
                t0 = time.perf_counter()
                data = anki.anki_apkg(bank)
                ours.append(time.perf_counter() - t0)
                assert data.startswith(b"PK")
                t0 = time.perf_counter()
                bare_genanki(plan, path)
                base.append(time.perf_counter() - t0)
        finally:
            tempfile.tempdir = saved
    return min(ours), min(base)


def main() -> int:
    """Print the timings and the ratio line; return 1 when the ratio misses the target."""
    ours, base = run()
    ratio = ours / base
    print(f"questions={N_QUESTIONS} ours={ours:.3f}s bare-genanki={base:.3f}s")
    print(f"anki-export ratio={ratio:.2f} target<={TARGET} {'ok' if ratio <= TARGET else 'FAIL'}")
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
