"""Exports: Anki decks, Moodle XML, GIFT, CSV/TSV and the bank's own JSON.

Every format is a pure function of ``questions.Bank`` (or several banks) to bytes; the CLI
(``flask export``, quiz/exports/cli.py) and the download routes (quiz/exports/views.py) only
load banks and pick a format from ``FORMATS``. ``ExportOptions`` carries what only Anki uses:
the questions taken out of the banks since an earlier export, and the answers' audio.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from questions.model import Bank
from quiz.bidicontrols import clean_bank
from quiz.exports.anki import anki_apkg
from quiz.exports.bankjson import bank_json, import_bank_json
from quiz.exports.common import banks_of
from quiz.exports.gift import gift_bytes
from quiz.exports.moodle import moodle_xml
from quiz.exports.speech import SpeechUnavailable
from quiz.exports.tabular import csv_bytes, tsv_bytes

__all__ = ["FORMATS", "ExportFormat", "ExportOptions", "SpeechUnavailable", "export", "import_bank_json"]


@dataclass(frozen=True)
class ExportOptions:
    """What an Anki deck adds to the banks; the other formats leave both out."""

    removed: tuple[Bank, ...] = ()  # questions taken out of the banks (tagged fahim::removed)
    audio: bool = False  # each answer read aloud (espeak-ng), packed as deck media


Writer = Callable[[tuple[Bank, ...], ExportOptions], bytes]


def _anki(banks: tuple[Bank, ...], options: ExportOptions) -> bytes:
    return anki_apkg(banks, removed=options.removed, audio=options.audio)


def _json(banks: tuple[Bank, ...], options: ExportOptions) -> bytes:
    if len(banks) != 1:
        raise ValueError("the JSON export holds exactly one bank")
    return bank_json(banks[0])


def _banks_only(write: Callable[[tuple[Bank, ...]], bytes]) -> Writer:
    return lambda banks, options: write(banks)


@dataclass(frozen=True)
class ExportFormat:
    """One export format: how to write it and how to serve it."""

    name: str
    extension: str
    content_type: str
    writer: Writer
    label: str

    def write(self, banks: Bank | Iterable[Bank], options: ExportOptions | None = None) -> bytes:
        """Write one bank or several in this format."""
        return self.writer(banks_of(banks), options or ExportOptions())


FORMATS: dict[str, ExportFormat] = {f.name: f for f in (
    ExportFormat("anki", "apkg", "application/apkg", _anki, "Anki"),
    ExportFormat("moodle-xml", "xml", "application/xml", _banks_only(moodle_xml), "Moodle XML"),
    ExportFormat("gift", "gift.txt", "text/plain; charset=utf-8", _banks_only(gift_bytes), "GIFT"),
    ExportFormat("csv", "csv", "text/csv; charset=utf-8", _banks_only(csv_bytes), "CSV"),
    ExportFormat("tsv", "tsv", "text/tab-separated-values; charset=utf-8", _banks_only(tsv_bytes), "TSV"),
    ExportFormat("json", "json", "application/json", _json, "JSON"),
)}


def export(banks: Bank | Iterable[Bank], fmt: str, options: ExportOptions | None = None) -> bytes:
    """Write one bank (or several) in the named format; raise ValueError for an unknown one."""
    try:
        spec = FORMATS[fmt]
    except KeyError:
        raise ValueError(f"unknown export format {fmt!r} (one of {', '.join(FORMATS)})") from None
    # No bidirectional control in any file, the removed questions' included.
    options = options or ExportOptions()
    removed = tuple(clean_bank(b) for b in options.removed)
    return spec.write(tuple(clean_bank(b) for b in banks_of(banks)), replace(options, removed=removed))
