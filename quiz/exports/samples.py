"""A small hand-written bank with one question of every kind, for tests and the export benchmark.

Its texts carry the characters each format must escape (GIFT's ~ = # { } :, HTML's < & >,
Anki's "::" and "}}"), so an export that forgets one shows up at once.
"""

from __future__ import annotations

from questions.model import FALSE_LABEL, TRUE_LABEL, Article, Bank, Question, Source

SENTENCE = "أعلن نصري عصفورة فوزه برئاسة هندوراس في 24 ديسمبر بنسبة 40.3% من الأصوات."


def _src(answer: str) -> Source:
    start = SENTENCE.index(answer)
    return Source(SENTENCE, start, start + len(answer))


def sample_questions(prefix: str = "") -> tuple[Question, ...]:
    """Return one question of each kind; ``prefix`` makes the keys distinct across copies."""
    p = prefix
    return (
        Question(key=f"{p}mcq-person", kind="mcq", fact_type="person",
                 prompt="من أعلن فوزه برئاسة هندوراس؟", answer="نصري عصفورة",
                 choices=("سلفادور نصر الله", "نصري عصفورة", "ريكسي مونكادا", "شيومارا كاسترو"),
                 source=_src("نصري عصفورة"), difficulty=1, fact="E1"),
        Question(key=f"{p}cloze-date", kind="cloze", fact_type="date",
                 prompt="أعلن نصري عصفورة فوزه برئاسة هندوراس في ____ بنسبة 40.3% من الأصوات.",
                 answer="24 ديسمبر", accepted=("24/12",), source=_src("24 ديسمبر"), fact="F2"),
        Question(key=f"{p}cloze-choice", kind="cloze", fact_type="place",
                 prompt="أعلن نصري عصفورة فوزه برئاسة ____.", answer="هندوراس",
                 choices=("غواتيمالا", "هندوراس", "نيكاراغوا", "السلفادور"), source=_src("هندوراس"),
                 fact="E2"),
        Question(key=f"{p}wh-place", kind="wh", fact_type="place",
                 prompt="في أي بلد فاز عصفورة بالرئاسة؟ {تلميح: أمريكا الوسطى}", answer="هندوراس",
                 accepted=("الهندوراس", "جمهورية هندوراس"), source=_src("هندوراس"), fact="E2"),
        Question(key=f"{p}short-org", kind="short", fact_type="organization",
                 prompt="ما اسم الحزب ~ الذي ينتمي إليه الفائز؟ (a=b #1)", answer="الحزب الوطني",
                 accepted=("حزب <الوطني> & شركاؤه",), source=Source("", 0, 0), fact="E3"),
        Question(key=f"{p}numeric-pct", kind="numeric", fact_type="percentage",
                 prompt="ما نسبة الأصوات التي حصل عليها الفائز (%)؟", answer="40.3", tolerance=0.5,
                 source=_src("40.3"), difficulty=3, fact="F3"),
        Question(key=f"{p}tf-date", kind="true_false", fact_type="date",
                 prompt="أعلن عصفورة فوزه في 25 ديسمبر.", answer=FALSE_LABEL,
                 choices=(TRUE_LABEL, FALSE_LABEL), source=_src("24 ديسمبر"), fact="F2"),
        Question(key=f"{p}tf-place", kind="true_false", fact_type="place",
                 prompt="الانتخابات جرت في هندوراس.", answer=TRUE_LABEL,
                 choices=(TRUE_LABEL, FALSE_LABEL), source=_src("هندوراس"), fact="E2"),
        Question(key=f"{p}matching-people", kind="matching", fact_type="person",
                 prompt="طابق كل شخص بصفته:", answer="",
                 pairs=(("نصري عصفورة", "الرئيس المنتخب"), ("سلفادور نصر الله", "المرشح الخاسر"),
                        ("دونالد ترامب", "رئيس الولايات المتحدة")),
                 choices=("المرشح الخاسر", "رئيس الولايات المتحدة", "وزير: الخارجية", "الرئيس المنتخب"),
                 fact="E1"),
        Question(key=f"{p}ordering-dates", kind="ordering", fact_type="date",
                 prompt="رتّب الأحداث من الأقدم إلى الأحدث:", answer="",
                 items=("الاقتراع في 30 نوفمبر", "بدء الفرز", "إعلان النتيجة في 24 ديسمبر"),
                 choices=("بدء الفرز", "إعلان النتيجة في 24 ديسمبر", "الاقتراع في 30 نوفمبر"),
                 fact="F2"),
    )


def sample_bank(*, copies: int = 1, key: str = "asfura-sample", title: str = "فوز عصفورة برئاسة هندوراس",
                date: str | None = "2025-12-24") -> Bank:
    """Return a bank of every kind, repeated ``copies`` times with distinct keys."""
    qs: list[Question] = []
    for i in range(copies):
        qs.extend(sample_questions(f"c{i}-" if copies > 1 else ""))
    article = Article(key=key, title=title, text=SENTENCE, date=date, source="مثال")
    return Bank(article=article, questions=tuple(qs), drops=(("duplicate", 2),))
