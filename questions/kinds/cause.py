"""Why something happened, or what it was for: «لماذا فرضت لجنة الانضباط غرامة على شباب قسنطينة؟».

The right option is the reason the article gives after its connective (بسبب، نتيجة، بهدف، من أجل...);
the wrong ones are other reasons the article gives for other things, the opposite of the right one
(«ارتفاع» for «انخفاض»), and phrases the article builds elsewhere on verbal nouns, all after the same
connective so that no option stands out by its wording.
"""

from __future__ import annotations

from questions.build import key, shuffled
from questions.causes import Reason, find_reasons, topic_phrases
from questions.changes import opposite_of
from questions.context import Context
from questions.kinds.base import Candidate, Kind
from questions.model import Question
from questions.normalize import tokens
from questions.options import content_words
from questions.salience import Weight
from questions.stems import Stems

# Wrong reasons come from other parts of the article and read less naturally than a figure's neighbours:
# a cause question ranks below a good figure or statement of the same weight.
CAUSE_QUALITY = 0.55


def _wrong(ctx: Context, r: Reason, others: list[Reason]) -> list[str]:
    seen = {" ".join(tokens(r.reason))}
    out: list[str] = []

    def add(text: str) -> None:
        k = " ".join(tokens(text))
        if k and k not in seen and not content_words(text) & content_words(r.effect):
            seen.add(k)
            out.append(text)

    flipped = opposite_of(r.reason)
    if flipped:
        add(flipped)
    for o in others:
        if o.sentence != r.sentence:
            add(o.reason)
    for p in topic_phrases(ctx, {r.sentence}):
        add(p)
    return out[:3]


def build(ctx: Context, weights: dict[int, Weight], stems: dict[int, Stems]) -> list[Candidate]:
    """A «لماذا» question for each cause or purpose the article states, when three wrong reasons exist."""
    reasons = find_reasons(ctx)
    out: list[Candidate] = []
    for r in reasons:
        wrong = _wrong(ctx, r, reasons)
        if len(wrong) < 3:
            continue
        right = f"{r.connective} {r.reason}"
        options = [f"{r.connective} {w}" for w in wrong]
        k = key(ctx, "cause", r.effect, r.reason)
        in_sentence = [fi for fi in ctx.in_sent.get(r.sentence, ()) if fi in weights]
        salience = max((weights[fi].score for fi in in_sentence), default=0.3)
        q = Question(key=k, kind="cause", fact_type="", prompt=f"لماذا {r.effect}؟", answer=right,
                     choices=shuffled(ctx, k, right, options), difficulty=3, fact=f"cause:{k}")
        out.append(Candidate(q, (f"cause:{k}",), salience, CAUSE_QUALITY))
    return out


KIND = Kind(name="cause", label="السبب والغاية", shape="choice", comprehension=True, for_article=build)
