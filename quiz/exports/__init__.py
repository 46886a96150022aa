"""Exports: Anki decks, Moodle XML, GIFT, CSV/TSV and the bank's own JSON.

Every format is a pure function of ``questions.Bank`` (or several banks) to bytes; the CLI
(``flask export``, quiz/exports/cli.py) and the download routes (quiz/exports/views.py) only
load banks and pick a format from ``FORMATS``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from questions.model import Bank
from quiz.bidicontrols import clean_bank
from quiz.exports.anki import anki_apkg
from quiz.exports.bankjson import bank_json, import_bank_json
from quiz.exports.common import banks_of
from quiz.exports.gift import gift_bytes
from quiz.exports.moodle import moodle_xml
from quiz.exports.tabular import csv_bytes, tsv_bytes

__all__ = ["FORMATS", "ExportFormat", "export", "import_bank_json"]


def _json(banks: Bank | Iterable[Bank]) -> bytes:
    many = banks_of(banks)
    if len(many) != 1:
        raise ValueError("the JSON export holds exactly one bank")
    return bank_json(many[0])


@dataclass(frozen=True)
class ExportFormat:
    """One export format: how to write it and how to serve it."""

    name: str
    extension: str
    content_type: str
    write: Callable[[Bank | Iterable[Bank]], bytes]
    label: str


FORMATS: dict[str, ExportFormat] = {f.name: f for f in (
    ExportFormat("anki", "apkg", "application/apkg", anki_apkg, "Anki"),
    ExportFormat("moodle-xml", "xml", "application/xml", moodle_xml, "Moodle XML"),
    ExportFormat("gift", "gift.txt", "text/plain; charset=utf-8", gift_bytes, "GIFT"),
    ExportFormat("csv", "csv", "text/csv; charset=utf-8", csv_bytes, "CSV"),
    ExportFormat("tsv", "tsv", "text/tab-separated-values; charset=utf-8", tsv_bytes, "TSV"),
    ExportFormat("json", "json", "application/json", _json, "JSON"),
)}


def export(banks: Bank | Iterable[Bank], fmt: str) -> bytes:
    """Write one bank (or several) in the named format; raise ValueError for an unknown one."""
    try:
        spec = FORMATS[fmt]
    except KeyError:
        raise ValueError(f"unknown export format {fmt!r} (one of {', '.join(FORMATS)})") from None
    return spec.write(tuple(clean_bank(b) for b in banks_of(banks)))  # no bidi control in any file
