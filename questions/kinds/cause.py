"""Why something happened, or what it was for: «لماذا فرضت لجنة الانضباط غرامة على شباب قسنطينة؟».

The right option is the reason the article gives after its connective (بسبب، نتيجة، بهدف، من أجل...);
the wrong ones are the opposite of the right one («ارتفاع» for «انخفاض»), other reasons the article
gives for other things, causes or aims stories of its field give (``questions.pools``) and, last, phrases
it builds elsewhere on verbal nouns, of the right one's class (events and states for a cause, aims for a
purpose) and about something else, all after the same connective so that no option stands out by its
wording.
"""

from __future__ import annotations

from questions import pools
from questions.build import key, shuffled
from questions.causes import Reason, find_reasons, opening_nouns, opens_on, topic_phrases
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


def _wrong(ctx: Context, r: Reason, others: list[Reason], domain: str | None, told: set[str]) -> list[str]:
    seen = {" ".join(tokens(r.reason))}
    nouns = opening_nouns(r)
    # what the right reason is about, past its opening noun: «ارتفاع الإصابات» beside «ارتفاع ملحوظ في
    # عدد الإصابات» would be right too
    about = content_words(" ".join(r.reason.split()[1:]))
    out: list[str] = []

    def add(text: str, flipped: bool = False, pooled: bool = False) -> None:
        k = " ".join(tokens(text))
        if not k or k in seen or content_words(text) & content_words(r.effect):
            return
        if not flipped and (not (pooled or opens_on(text, nouns)) or content_words(text) & about):
            return
        seen.add(k)
        out.append(text)

    flipped = opposite_of(r.reason)
    if flipped:
        add(flipped, flipped=True)
    for o in others:
        if o.sentence != r.sentence:
            add(o.reason)
    # then the causes or aims stories of its field give, none the article tells (it may tell them of
    # something else: «نقص الوقود» offered for a blackout the article puts down to it would be right)
    domain = domain or pools.reason_domain(f"{r.effect} {r.reason}")
    for p in pools.reasons(domain, r.purpose) if domain else ():
        words = content_words(p)
        if len(words & told) * 2 < len(words):
            add(p, pooled=True)
    # last, phrases the article builds elsewhere: readers found them lifted out of place («ضعف المعدل
    # السنوي» offered for a blocked drain)
    for p in topic_phrases(ctx, {r.sentence}, nouns):
        add(p)
    return out[:3]


def build(ctx: Context, weights: dict[int, Weight], stems: dict[int, Stems]) -> list[Candidate]:
    """A «لماذا» question for each cause or purpose the article states, when three wrong reasons exist."""
    reasons = find_reasons(ctx)
    if not reasons:
        return []
    domain, told = pools.reason_domain(ctx.text), content_words(ctx.text)  # the story's field, what it tells
    out: list[Candidate] = []
    for r in reasons:
        wrong = _wrong(ctx, r, reasons, domain, told)
        if len(wrong) < 3:
            continue
        right = f"{r.connective} {r.reason}"
        options = [f"{r.connective} {w}" for w in wrong]
        k = key(ctx, "cause", r.effect, r.reason)
        in_sentence = [fi for fi in ctx.in_sent.get(r.sentence, ()) if fi in weights]
        salience = max((weights[fi].score for fi in in_sentence), default=0.3)
        q = Question(key=k, kind="cause", fact_type="", prompt=f"لماذا {r.effect} بحسب المقال؟", answer=right,
                     choices=shuffled(ctx, k, right, options), difficulty=3, fact=f"cause:{k}")
        out.append(Candidate(q, (f"cause:{k}",), salience, CAUSE_QUALITY))
    return out


KIND = Kind(name="cause", label="السبب والغاية", shape="choice", comprehension=True, for_article=build)
