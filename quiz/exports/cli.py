"""``flask --app app export``: write a bank or a quiz in one of the export formats."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from flask.cli import with_appcontext

from questions.model import Bank
from quiz.exports import FORMATS, ExportOptions, SpeechUnavailable, export
from quiz.exports.bankjson import import_bank_json


def _read_bank_file(path: Path) -> Bank:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise click.UsageError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise click.UsageError(f"{path}: is a directory, expected a bank JSON file") from None
    except OSError as e:
        raise click.UsageError(f"{path}: cannot read ({e.strerror})") from None
    try:
        return import_bank_json(data)
    except ValueError as e:
        raise click.UsageError(f"{path}: {e}") from None


def _banks_from_db(bank_id: int | None, quiz_id: int | None, approved_only: bool) -> tuple[Bank, Bank]:
    """Return (the bank or quiz to export, its questions a teacher rejected)."""
    from quiz.db import get_db
    from quiz.exports.sources import bank_for_export, bank_for_quiz, removed_from_bank, removed_from_quiz

    with get_db().session() as session:
        try:
            if quiz_id is not None:
                return bank_for_quiz(session, quiz_id), removed_from_quiz(session, quiz_id)
            assert bank_id is not None  # narrows the type for mypy; click made it required here  # nosec B101
            return (bank_for_export(session, bank_id, approved_only=approved_only),
                    removed_from_bank(session, bank_id))
        except LookupError as e:
            raise click.UsageError(str(e)) from None


@click.command("export")
@click.option("--format", "fmt", required=True, type=click.Choice(list(FORMATS)), help="output format")
@click.option("--bank", "bank_files", multiple=True, type=click.Path(path_type=Path),
              help="bank JSON file (what `python -m questions generate FILE --json` prints); repeatable")
@click.option("--bank-id", type=int, help="export a bank stored in the database")
@click.option("--quiz", "quiz_id", type=int, help="export a quiz's questions (as published)")
@click.option("--approved-only", is_flag=True, help="with --bank-id: only approved questions")
@click.option("--audio", is_flag=True, help="anki: each answer read aloud (Debian's espeak-ng)")
@click.option("--out", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="file to write ('-' for standard output)")
@with_appcontext
def export_command(fmt: str, bank_files: tuple[Path, ...], bank_id: int | None, quiz_id: int | None,
                   approved_only: bool, audio: bool, out: Path) -> None:
    """Export question banks as Anki, Moodle XML, GIFT, CSV, TSV or the bank's JSON.

    From the database, an Anki deck also carries the questions a teacher rejected, tagged
    ``fahim::removed``.
    """
    sources = sum((bool(bank_files), bank_id is not None, quiz_id is not None))
    if sources != 1:
        raise click.UsageError("give exactly one of --bank FILE, --bank-id ID or --quiz ID")
    if approved_only and bank_id is None:
        raise click.UsageError("--approved-only goes with --bank-id")
    if audio and fmt != "anki":
        raise click.UsageError("--audio goes with --format anki")
    removed: tuple[Bank, ...] = ()
    if bank_files:
        banks = [_read_bank_file(p) for p in bank_files]
    else:
        bank, taken_out = _banks_from_db(bank_id, quiz_id, approved_only)
        banks, removed = [bank], (taken_out,)
    try:
        data = export(banks, fmt, ExportOptions(removed=removed, audio=audio))
    except (ValueError, SpeechUnavailable) as e:
        raise click.UsageError(str(e)) from None
    count = sum(len(b.questions) for b in banks)
    if str(out) == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    if not out.parent.is_dir():
        raise click.UsageError(f"{out.parent}: no such directory")
    out.write_bytes(data)
    click.echo(f"wrote {count} questions as {FORMATS[fmt].label} to {out} ({len(data)} bytes)", err=True)
