"""CSV and TSV in the two-column (term, definition) form Quizlet and most flashcard apps import.

One row per question: the prompt (with the options of a choice question) and its answer. A
matching question gives one row per pair. No header row: Quizlet would turn it into a card.
CSV uses standard quoting (csv module); Quizlet's TSV import does not understand quotes, so
in TSV tabs and line breaks inside a field become spaces instead. Both files are UTF-8 with a
byte-order mark: without it Excel reads them in the system's legacy code page and garbles Arabic.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator

from questions.model import Bank, Question
from quiz.exports.common import banks_of, cloze_parts, is_true, one_line, writer_kind

LIST_SEP = "، "


def rows_for(q: Question) -> Iterator[tuple[str, str]]:
    """Yield the (term, definition) rows one question becomes."""
    kind = writer_kind(q)
    if kind == "matching":
        for left, right in q.pairs:
            yield left, right
        return
    if kind == "mcq":
        yield f"{q.prompt} ({' / '.join(q.choices)})" if q.choices else q.prompt, q.answer
    elif kind == "ordering":
        yield q.prompt, LIST_SEP.join(f"{i}) {item}" for i, item in enumerate(q.items, 1))
    elif kind == "true_false":
        yield q.prompt, q.answer or ("صح" if is_true(q) else "خطأ")
    elif kind == "numeric":
        yield q.prompt, f"{q.answer} (± {q.tolerance:g})" if q.tolerance else q.answer
    elif kind == "cloze":
        before, answer, after = cloze_parts(q)
        yield f"{before}____{after}", answer
    else:
        yield q.prompt, q.answer


def rows(banks: Bank | Iterable[Bank]) -> list[tuple[str, str]]:
    """Return every (term, definition) row of one bank or several."""
    return [row for bank in banks_of(banks) for q in bank.questions for row in rows_for(q)]


def csv_text(banks: Bank | Iterable[Bank]) -> str:
    """Export as comma-separated values, quoted where needed."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerows(rows(banks))
    return buf.getvalue()


def tsv_text(banks: Bank | Iterable[Bank]) -> str:
    """Export as tab-separated values, one card per line."""
    return "".join(f"{one_line(t)}\t{one_line(d)}\n" for t, d in rows(banks))


def csv_bytes(banks: Bank | Iterable[Bank]) -> bytes:
    """Return ``csv_text`` as UTF-8 bytes with a byte-order mark."""
    return csv_text(banks).encode("utf-8-sig")


def tsv_bytes(banks: Bank | Iterable[Bank]) -> bytes:
    """Return ``tsv_text`` as UTF-8 bytes with a byte-order mark."""
    return tsv_text(banks).encode("utf-8-sig")
