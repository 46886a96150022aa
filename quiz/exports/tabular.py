"""CSV and TSV in the two-column (term, definition) form Quizlet and most flashcard apps import.

One row per question: the prompt (a blank as ``____``, with the options of a choice) and its
answer. A matching question gives one row per pair. No header row: Quizlet would turn it into a card.
CSV uses standard quoting (csv module); Quizlet's TSV import does not understand quotes, so
in TSV tabs and line breaks inside a field become spaces instead. Both files are UTF-8 with a
byte-order mark: without it Excel reads them in the system's legacy code page and garbles Arabic.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator

from questions.kinds import shape
from questions.model import Bank, Question
from quiz.exports.common import banks_of, is_true, one_line, split_blank
from quiz.exports.typed import by_number

LIST_SEP = "، "


def rows_for(q: Question) -> Iterator[tuple[str, str]]:
    """Yield the (term, definition) rows one question becomes, by its shape."""
    s = shape(q)
    if s == "matching":
        yield from q.pairs
        return
    blank = split_blank(q.prompt)
    term = f"{blank[0]}____{blank[1]}" if blank is not None else q.prompt
    if s == "choice":
        yield (f"{term} ({' / '.join(q.choices)})" if q.choices else term), q.answer
    elif s == "ordering":
        yield term, LIST_SEP.join(f"{i}) {item}" for i, item in enumerate(q.items, 1))
    elif s == "true_false":
        yield term, q.answer or ("صح" if is_true(q) else "خطأ")
    else:  # text and numeric
        yield term, f"{q.answer} (± {q.tolerance:g})" if q.tolerance and by_number(q) else q.answer


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
