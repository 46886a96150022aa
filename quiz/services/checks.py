"""The question checks (``questions.checks``) in the teacher's words: one Arabic message per reason."""

from __future__ import annotations

from collections.abc import Iterable

from questions.checks import check
from questions.kinds import shape
from questions.model import Question

# Arabic messages for each check reason in questions.checks.
CHECK_MESSAGES = {
    "one_correct_answer": "يجب أن تكون للسؤال إجابة صحيحة واحدة بين الخيارات.",
    "answer_in_prompt": "الإجابة ظاهرة في نص السؤال.",
    "option_in_prompt": "أحد الخيارات الخاطئة ظاهر في نص السؤال، فيسهل استبعاده.",
    "options_not_distinct": "الخيارات مكررة أو متشابهة.",
    "not_a_question_or_blank": "نص السؤال يجب أن يكون سؤالًا (ينتهي بـ ؟) أو جملة فيها فراغ واحد _____.",
    "unbalanced_brackets": "الأقواس أو علامات التنصيص غير متوازنة.",
    "dangling_conjunction": "الجملة تبدأ بحرف عطف معلق.",
    "fragment": "الجملة مبتورة: تبدأ بكلمة تحيل إلى ما قبلها (مثل «ذلك» أو «بسبب» أو «أضاف:» بلا قائل) أو تنتهي بكلمة "
                "تحتاج ما بعدها (مثل «والمسجل»)، فلا تقوم وحدها.",
}
# Clearer words for the one-answer check of the kinds whose answer is a structure.
ONE_ANSWER_BY_KIND = {
    "matching": "المطابقة تحتاج زوجين على الأقل، بعناصر مختلفة في الجهة الأولى.",
    "ordering": "الترتيب يحتاج ثلاثة عناصر مختلفة على الأقل.",
    "true_false": "إجابة سؤال صح أو خطأ هي «صح» أو «خطأ».",
    "numeric": "الإجابة الرقمية يجب أن تكون عددًا.",
}


def check_messages(question: Question) -> list[str]:
    """Return the Arabic messages for every check the question fails."""
    return [
        ONE_ANSWER_BY_KIND.get(shape(question), CHECK_MESSAGES[reason]) if reason == "one_correct_answer"
        else CHECK_MESSAGES.get(reason, reason)
        for reason in check(question)
    ]


def dropped_summary(drops: Iterable[tuple[str, int]]) -> list[tuple[str, int]]:
    """Return (Arabic reason, how many) for the questions the checks dropped during generation."""
    return [(CHECK_MESSAGES.get(reason, reason).rstrip("."), n) for reason, n in sorted(drops) if n]
