"""Which statement is true: four short statements from different parts of the article, one as written,
three with one figure changed («أيّ العبارات الآتية صحيحة بحسب المقال؟»); or which one is not, three as
written and one changed.

A which-is-true question stands on its true statement's fact alone. The facts its false statements change
may still be asked beside it as a typed answer or a true/false item, since none of them is shown as the
article writes it; the bank's choice (``questions.select``) keeps out a question that shows a changed fact's
true figure, and one offering options on it, which would tell on the false statement or be told on by it.
"""

from __future__ import annotations

from dataclasses import replace

from questions.build import key, shuffled
from questions.context import Context
from questions.kinds.base import Candidate, Kind
from questions.kinds.mcq import wrong_options
from questions.kinds.true_false import farthest_first
from questions.model import Question
from questions.normalize import tokens
from questions.numberwords import SCALES, WORD_VALUES
from questions.options import content_words
from questions.salience import Weight
from questions.statements import false_statement, swap_reads_well, true_statement
from questions.stems import Stems

MAX_WORDS = 24
WHICH_IS_TRUE_TRIES = 3  # which-is-true questions offered on the key facts, and again on the lighter ones
CROWDED = 2  # a sentence with more facts than this is a statement's last choice
HEADLINE_NEW_WORDS = 2  # a statement adding no more content words than this to the headline repeats it
PROMPT = "أيّ العبارات الآتية صحيحة بحسب المقال؟"
PROMPT_FALSE = "أيّ العبارات الآتية غير صحيحة بحسب المقال؟"


def _usable(ctx: Context, st: Stems) -> str | None:
    text = true_statement(st)
    if text is None or len(text.split()) > MAX_WORDS:
        return None
    if ctx.title and len(content_words(text) - content_words(ctx.title)) <= HEADLINE_NEW_WORDS:
        return None  # the headline itself: every student read it, true or swapped
    return text


def _false_version(ctx: Context, st: Stems, seed: str) -> tuple[str, str] | None:
    """The fact's statement made false, and the figure it gives instead of the article's."""
    if not swap_reads_well(st):
        return None
    if ctx.entity_of(st.fact) is not None:
        # A place or a body swapped in beside three other statements gives itself away («حرية الملاحة في مطار
        # ناريتا», «الموانئ الجنوبية في آسيا»): blind readers rejected such questions, and kept those whose
        # false statements moved a figure.
        return None
    # the farthest wrong figure within half the figure again: «تقارب 13%» for «تقارب 12%» is a quibble
    for wrong in farthest_first(st, wrong_options(ctx, st, st.source.text, seed + st.fid)):
        made = false_statement(ctx, st, wrong)
        if made is not None:
            return (made, wrong) if len(made.split()) <= MAX_WORDS else None
    return None


def shows_a_figure(text: str) -> bool:
    """True when ``text`` writes a figure, in digits or words («تستمر أربعة أيام»). Blind readers kept a
    which-is-true question whose true statement had none, beside three with a figure changed, about half
    the time (56% against 67%, with three times the rejects): it is told apart without reading."""
    return any(ch.isdigit() for ch in text) or any(t in WORD_VALUES or t in SCALES for t in tokens(text))


def _one(ctx: Context, ready: list[tuple[int, Stems, str]], at: int, odd_true: bool,
         taken: set[str], spare: list[tuple[int, Stems, str]],
         falses: dict[str, tuple[str, str] | None]) -> Candidate | None:
    """The question whose odd one out is ``ready[at]``: the one true statement among three false ones
    (``odd_true``), or the one false statement among three true ones, the others taken from ``spare``
    in its order."""
    _, st, true = ready[at]
    if odd_true and not shows_a_figure(true):
        return None  # the false statements each change a figure: the one without any would give itself away
    k = key(ctx, "statement", st.fid, true, "true" if odd_true else "false")
    # The one false statement is the answer: it stays the same whatever the seed (only options move).
    odd = true if odd_true else _false_version(replace(ctx, seed=0), st, k)
    if odd is None:
        return None
    answer = odd if isinstance(odd, str) else odd[0]
    rest: list[str] = []
    facts = [st.fid]
    swapped: list[tuple[str, str, str]] = []
    sentences = {st.source.text}
    for _, other, text in spare:
        if len(rest) == 3:
            break
        if other.source.text in sentences or other.fid in facts or other.fid in taken:
            continue
        if odd_true and other.fid not in falses:
            falses[other.fid] = _false_version(ctx, other, "")  # the same whichever question prints it
        made = falses[other.fid] if odd_true else (text, "")
        if made is None:
            continue
        rest.append(made[0])
        facts.append(other.fid)
        if odd_true:
            swapped.append((other.fid, other.source.text[other.source.start:other.source.end], made[1]))
        sentences.add(other.source.text)
    if len(rest) < 3:
        return None
    q = Question(key=k, kind="statement", fact_type=st.fact.type, prompt=PROMPT if odd_true else PROMPT_FALSE,
                 answer=answer, choices=shuffled(ctx, k, answer, rest), source=st.source, difficulty=3, fact=st.fid)
    # The true statements show their facts, and a question whose answer they show is kept out as any other
    # leak is; the changed facts may be asked beside it (see the module's note).
    return Candidate(q, (st.fid,), 0.0, 0.8, swapped=tuple(swapped))


def build(ctx: Context, weights: dict[int, Weight], stems: dict[int, Stems]) -> list[Candidate]:
    """Up to four questions on four statements from four different sentences: which one is true (the
    others swap a figure or a date, see ``swap_reads_well``), and which one is not, each led by a key fact
    and by a lighter one."""
    # Statements from sentences holding few other facts first: a statement shows its whole sentence,
    # and one holding the lead's three figures would leave none of them to ask.
    ready = sorted(((fi, st, text) for fi, st in stems.items() if (text := _usable(ctx, st)) is not None),
                   key=lambda x: (len(ctx.in_sent.get(ctx.sent_of[x[0]], ())) > CROWDED,
                                  -weights[x[0]].score, x[0]))
    # The other statements come from the article's lighter sentences: its key facts are the ones other
    # questions ask, and a statement printed beside such a question settles it or is settled by it.
    spare = sorted(ready, key=lambda x: (len(ctx.in_sent.get(ctx.sent_of[x[0]], ())) > CROWDED,
                                         weights[x[0]].score, x[0]))
    out: list[Candidate] = []
    taken: set[str] = set()
    falses: dict[str, tuple[str, str] | None] = {}
    # Each question on the article's key facts, and on its lighter ones: a bank whose key facts other
    # questions ask has room for one beside them. A which-is-true question is offered on several facts,
    # since each shows different sentences and one of them may fit beside the bank's other questions.
    for odd_true, tries in ((True, WHICH_IS_TRUE_TRIES), (False, 1)):
        for order in (ready, spare):
            made_here = 0
            for at, (fi, st, _) in enumerate(order):
                if made_here == tries:
                    break
                if st.fid in taken:
                    continue
                made = _one(ctx, order, at, odd_true, taken, spare, falses)
                if made is None:
                    continue
                taken.add(st.fid)
                made_here += 1
                salience = 0.5 * weights[fi].score + \
                    0.5 * max(weights[i].score for i in stems if stems[i].fid == st.fid)
                out.append(replace(made, salience=salience))
    return out


KIND = Kind(name="statement", label="صحة العبارات", shape="choice", comprehension=True, for_article=build)
