"""Which figures and dates are trivia no question should ask: a part of another figure (one end of a range,
a time's minutes, the second of two years), a figure of how the news was handled (equipment, staff,
procedure, attendance, a time window), a specification (a size, a weight, a frequency), a code (a phone
or an article number), and dates of schedules, founding, background or the news's own day.

``number_trivia`` and ``date_trivia`` name the reason, or return None; ``questions.salience`` asks them.
"""

from __future__ import annotations

import datetime as dt
import re

from questions import lists
from questions.arabic import QUOTATION_MARKS
from questions.completeness import reports_speech
from questions.context import Context, fact_id
from questions.distractors import interval
from questions.model import Fact
from questions.numberwords import WORD_VALUES
from questions.normalize import fold
from questions.options import shows_in
from questions.realize import words_of
from questions.realize.words import present_verb


# A date this many days before the article or less is the news's own day; more than BACKGROUND_DAYS before
# it, history the article recalls.
NEWS_DAYS = 7
BACKGROUND_DAYS = 31
CURRENT_PERIOD_DAYS = 27  # a month, a quarter or a year holding the article's date is the one it is told in


# A «quoted» stretch this short holding a year or a figure is a title (a book, a film), not a statement.
TITLE_WORDS = 8


def _converted(ctx: Context, fi: int) -> bool:
    """True for an amount in brackets right after another amount («7.3 مليار دينار (نحو 23.8 مليار
    دولار)»): its conversion."""
    f = ctx.facts[fi]
    g = ctx.facts[fi - 1] if fi > 0 else None  # the facts are in the article's order
    if g is None or g.type != "number" or not 0 <= f.start - g.end <= 20:
        return False
    between = fold(ctx.text[g.end:f.start]).strip()
    if between.startswith("("):
        return between[1:].strip() in ("", "نحو", "حوالي", "اي", "ما يعادل", "ما يعادل نحو", "اي نحو", "اي ما يعادل")
    # «بقيمة ملياري دينار جزائري، أي نحو 15 مليون دولار»: the same amount in another currency
    head, comma, tail = between.partition("،")
    return bool(comma) and len(head.split()) <= 1 and \
        tail.strip() in ("اي نحو", "اي ما يعادل", "ما يعادل", "اي قرابه", "اي حوالي") and \
        fold(f.unit or "") != fold(g.unit or "")


YEARS = (1900, 2100)  # a bare figure in this span counting nothing is a year


def a_year(f: Fact) -> bool:
    """True for a bare figure that counts nothing and reads as a year («تشريعيات 2021»), or one read with
    the verb after it as its counted noun («الأجندة الرقمية 2030 تستهدف ...»)."""
    if not (isinstance(f.value, (int, float)) and f.value == int(f.value) and YEARS[0] <= f.value <= YEARS[1]):
        return False
    if f.text.strip().isdigit() and not _counted_noun(f):
        return True
    words = words_of(f.unit or "")
    return len(words) == 1 and present_verb(words[0])


SCALES = (10, 20, 100)  # what marks are given out of


def out_of(f: Fact, before: list[str]) -> bool:
    """True for the scale of a mark («بمعدل 19,8 من 20»): a round figure right after «من» and another figure."""
    return f.value in SCALES and before[-1:] == ["من"] and len(before) > 1 and \
        bool(re.fullmatch(r"[\d٠-٩]+(?:[.,٫][\d٠-٩]+)?", before[-2]))


def _counted_noun(f: Fact) -> str:
    """The noun a figure counts, folded: its unit, or the last word of its text («ست ساعات» -> «ساعات»)."""
    return fold(f.unit or (f.text.split()[-1] if len(f.text.split()) > 1 else ""))


def _days_of_an_occasion(ctx: Context, fi: int) -> bool:
    """True for a count of days or hours in a sentence about a visit, a festival, a conference, or for how
    long something lasted («استمرت نحو ست ساعات», «لمدة تسع ساعات», «على مدى 46 شهراً»)."""
    f = ctx.facts[fi]
    unit = _counted_noun(f)
    if not unit.startswith(("يوم", "ايام", "ساع", "شهر", "اشهر", "اسبوع", "اسابيع", "دقيق", "دقائق")):
        return False
    before = [w.removeprefix("و") for w in fold(ctx.text[max(0, f.start - 30):f.start]).split()[-2:]]
    if any(w in lists.folded("generation/lasting_verbs") or w in ("لمده", "مدي", "مده") for w in before):
        return True
    if not unit.startswith(("يوم", "ايام", "ساع")):
        return False
    words = set(fold(ctx.sentence_of(fi).text).replace("،", " ").split())
    return bool(words & lists.folded("generation/occasions"))


def _words_around(ctx: Context, f: Fact) -> tuple[list[str], list[str]]:
    """The two words before a figure and the words just after it, folded."""
    before = [w.strip("«»(،,") for w in fold(ctx.text[max(0, f.start - 30):f.start]).split()[-2:]]
    after = fold(ctx.text[f.end:f.end + 25]).replace("،", " ").split()
    return before, after


def _year_of_a_vision(text: str, start: int) -> bool:
    """True when the year closes a national plan's or a world event's name («رؤية المملكة 2030», «رؤية عُمان
    2040», «كأس العالم 2030», «إكسبو 2030»)."""
    before = fold(text[max(0, start - 40):start])
    return bool(re.search(r"(?:^|\s)و?(?:ل|ب)?روي[هة](?:\s+\S+){0,2}\s*$", before)) or \
        bool(re.search(r"(?:كاس العالم|مونديال|اكسبو|الالعاب الاولمبيه|اولمبياد)\s*[«\"]?\s*$", before))


def _year_of_a_laws_name(text: str, start: int) -> bool:
    """True when the year closes a law's or budget's name («قانون الضمان الاجتماعي لسنة 2026»)."""
    before = fold(text[max(0, start - 80):start])
    return bool(re.search(r"(?:قانون|موازن[هة]|مرسوم|نظام|لائح[هة])\S*(?:\s+\S+){0,6}\s(?:ل|لل)(?:سن[هة]|عام)?\s*$",
                          before))


def _counts_one_of(f: Fact, after: list[str], nouns_list: str) -> bool:
    """True when the noun the figure counts (its unit, its text's last word or the word after it) opens on
    one of the folded nouns of ``nouns_list``."""
    nouns = [fold(n) for n in (f.unit or "", f.text.split()[-1], after[0] if after else "") if n]
    return any(n.startswith(w) for n in nouns for w in lists.folded(nouns_list))


def _in_the_headline(ctx: Context, f: Fact) -> bool:
    """True when the headline writes the figure's digits: the figure is the news."""
    return bool(ctx.title) and any(d in ctx.title for d in re.findall(r"[\d٠-٩]+", f.text))


def _attendance(f: Fact, before: list[str], after: list[str]) -> bool:
    """True for a count of who watched or attended: its counted noun names onlookers («4500 مشجع»), or
    it follows «بحضور» or «ممثلين عن» («بمشاركة ممثلين عن 14 جهة»)."""
    return _counts_one_of(f, after, "generation/onlooker_nouns") or any(w in ("بحضور", "حضور") for w in before) or \
        before[-2:] == ["ممثلين", "عن"]


def _a_step_of_procedure(f: Fact, after: list[str]) -> bool:
    """True for a count of hearings, meetings or witnesses («27 جلسة», «23 شاهداً»)."""
    return _counts_one_of(f, after, "generation/procedure_nouns")


def _equipment(ctx: Context, fi: int, after: list[str]) -> bool:
    """True for a count of the equipment or logistics put to a task («14 صهريجاً», «22 سيارة إسعاف»), unless
    the headline or the lead gives it: then it is the news («توزيع 300 حافلة جديدة»)."""
    f = ctx.facts[fi]
    if not _counts_one_of(f, after, "generation/equipment_nouns"):
        return False
    si = ctx.sent_of[fi]
    return not (si == 0 or ctx.sentences[si].paragraph == 0 or _in_the_headline(ctx, f))


def _made_definite(ctx: Context, f: Fact) -> bool:
    """True for a figure written with the article glued to it («الجولة الـ21», «المقاعد الـ16 المتبقية»,
    «خلال الساعات الـ48 المقبلة»): an ordinal, or a count the story gave before or needs no reader to
    recall. Blind readers rejected most such questions. The headline's figure stays."""
    return ctx.text[max(0, f.start - 3):f.start].endswith(("الـ", "ال")) and not _in_the_headline(ctx, f)


def _staffing(text: str, start: int) -> bool:
    """True for a count of a delegation or of an event's staff («وفدين ضما 34 مسؤولاً», «بتأطير أكثر من 180
    ألف أستاذ»)."""
    words = fold(text[max(0, start - 30):start]).replace("،", " ").split()[-4:]
    staffing = lists.folded("generation/staffing_words")
    return any(w in staffing or w.removeprefix("و") in staffing for w in words)


def _in_a_witness_quote(ctx: Context, fi: int) -> bool:
    """True for a figure inside the quoted words of an ordinary witness («قال التاجر علي كاظم: «عملت هنا 22
    عاما»»): their own story, not the news."""
    sent = ctx.sentence_of(fi)
    pos = ctx.facts[fi].start - sent.start
    if not in_quote(sent.text, pos) and sent.text[:pos].count('"') % 2 == 0:
        return False
    opened = max(sent.text[:pos].rfind("«"), sent.text[:pos].rfind('"'))
    words = [w.removeprefix("و") for w in fold(sent.text[:opened]).replace("،", " ").split()]
    return any(w in lists.folded("generation/witness_words") for w in words[-WITNESS_REACH:])


WITNESS_REACH = 16  # words before a quotation that name who speaks (a relative clause may describe them)
WITNESS_OPENING = 4  # words opening a sentence in which its speaker, an ordinary witness, is named


def _in_a_witness_s_account(ctx: Context, fi: int) -> bool:
    """True for a figure in a sentence told by an ordinary witness it opens on, quoted or not: «يقول الحاج عمر
    الفقي، وهو فلاح في الستين من عمره يملك 400 شجرة زيتون», «تقول حليمة إسحاق، وهي أم لخمسة أطفال نزحت
    قبل أربعة أشهر», «صاحب المعصرة يشير إلى أن طاقة معصرته 40 طناً»: their own story, not the news."""
    sent = ctx.sentence_of(fi)
    words = [w.removeprefix("و") for w in fold(sent.text[:ctx.facts[fi].start - sent.start]).replace("،", " ").split()]
    witness = any(w in lists.folded("generation/witness_words") for w in words[:WITNESS_OPENING])
    said = any(reports_speech(w) for w in words)  # «أما صاحب المعصرة ... فيشير»
    return said and (witness or _described_as_one_of_us(words))


def _described_as_one_of_us(words: list[str]) -> bool:
    """True when the words hold «وهو» or «وهي» before an ordinary person's noun («، وهو فلاح في الستين»،
    «، وهي أم لخمسة أطفال»)."""
    people = lists.folded("generation/ordinary_people")
    return any(w in ("هو", "هي") and nxt in people for w, nxt in zip(words, words[1:]))


def _years_since(ctx: Context, fi: int, before: list[str]) -> bool:
    """True for a count of years or decades since a year the sentence gives («بعد ثماني سنوات من سيول
    2018», «انطلقت عام 1975 وشكّل على مدى خمسة عقود ...»): a subtraction, not the news."""
    f = ctx.facts[fi]
    unit = _counted_noun(f)
    if not unit.startswith(("سن", "عام", "اعوام", "عقد", "عقود")) or not {"بعد", "مدي", "طوال", "منذ"} & set(before):
        return False
    return bool(re.search(r"(?<![\d٠-٩])(?:19|20)[\d]{2}(?![\d٠-٩])", ctx.sentence_of(fi).text))


def number_trivia(ctx: Context, fi: int) -> str | None:
    f = ctx.facts[fi]
    before, after = _words_around(ctx, f)
    if _in_a_witness_quote(ctx, fi):
        return "testimony"  # «عملت هنا 22 عاما»: a witness's own story
    if _years_since(ctx, fi, before):
        return "elapsed"  # «بعد ثماني سنوات من سيول سبتمبر 2018», «على مدى خمسة عقود»: worked out from the year
    if (f.unit and fold(f.unit).startswith("دقيق")) or before[-1:] and before[-1] in _MINUTE_WORDS or \
            _SECOND_MINUTE.search(ctx.text[max(0, f.start - 24):f.start]):
        return "minute"
    if any(w.removeprefix("ب").removeprefix("و") in ("الرقم", "رقم", "الخط", "الهاتف", "هاتف", "الاتصال", "الموحد")
           for w in before):
        return "code"  # «الرقم الأخضر 1021»: a phone number
    if before[-1:] and before[-1].removeprefix("و").removeprefix("ب").removeprefix("ل") in ("الماده", "ماده", "لماده", "الفصل", "البند"):
        return "code"  # «بالمخالفة للمادة 206 من قانون البنك المركزي»: which article of a law, not what it says
    if _a_circulars_number(ctx.text, f.start):
        return "code"  # «التعميمين 158 و166»: which circular, not what it says
    if _in_title(ctx.text, f.start):
        return "in_title"  # «تاريخ الساحل المتصالح 1820-1971»: part of a book's or film's name
    if _joined_by_slash(ctx.text, f.start, f.end) or _range_end(ctx.text, f.start) or one_end_of_a_span(ctx.text, f.start, f.end) or \
            _part_of_a_time(ctx.text, f) or _second_of_two_years(ctx.text, f):
        return "part"  # «العام الدراسي 2025/2026», «من 5 إلى 16 نوفمبر», «بين 49 و52», «و7 دقائق و48 ثانية»
    if _times_another(ctx.text, f):
        return "part"  # «التتابع 4×100 متر حرة»: part of a race's name, not a count
    if a_year(f):
        return "year"  # «تشريعيات 2021»: a year read as a count, with options no year could have
    if out_of(f, before):
        return "scale"  # «بمعدل 19,8 من 20»: the scale a mark is given on, not the news
    if _converted(ctx, fi):
        return "equivalent"  # «150 مليون ريال (40 مليون دولار)»: the same amount in another currency
    if _days_of_an_occasion(ctx, fi):
        return "duration"  # «زيارة تستغرق يومين»: how long a visit or a festival lasts
    if before[-2:] == ["من", "اصل"]:
        return "total"  # «14 ولاية من أصل 24»: the whole the news is counted against
    if before[-1:] in (["خلال"], ["غضون"]) and (after[:1] and after[0].startswith("ساع") or
                                                 _counted_noun(f).startswith("ساع")):
        return "window"  # «146 بلاغا خلال 48 ساعة»: the time the count covers, not the news
    following = [w.strip(".،,") for w in after[:2]]
    if following in (["عاما", "فاكثر"], ["عاما", "فما"], ["سنه", "فاكثر"], ["سنه", "فما"]) or \
            following[:1] in (["فاكثر"], ["فما"]) and _counted_noun(f).startswith(("عام", "سن")):
        return "threshold"  # «في الفئة العمرية من 16 عاماً فأكثر»: how the figure was counted, not the news
    if before[-1:] == ["كل"]:
        return "frequency"  # «لجنة تجتمع كل ثلاثة أشهر»: how often, a detail of the arrangement
    if _attendance(f, before, after):
        return "attendance"  # «بحضور نحو 4500 مشجع»: how many watched, not what happened
    if _runs_until(ctx.text, f.start):
        return "period_end"  # «ويستمر حتى 26 منه»: the last day of a schedule
    if _a_step_of_procedure(f, after) or _staffing(ctx.text, f.start):
        return "procedure"  # «عقدت 27 جلسة», «وفدين ضما 34 مسؤولاً»: how the news came about, not the news
    if _equipment(ctx, fi, after):
        return "equipment"  # «خصصت البلدية 14 صهريجاً»: how the news was handled, not the news
    if before[-1:] == ["العدد"] and after[:1] == ["من"]:
        return "code"  # «العدد 112 من الرائد الرسمي»: an issue number
    if isinstance(f.value, (int, float)) and 1300 <= float(f.value) <= 1500 and \
            "هجري" in fold(ctx.text[f.start - 20:f.start]):
        return "hijri_year"  # «منذ مطلع العام الهجري 1448»: the calendar, not the news
    if before[-1:] == ["الذكري"] or ctx.text[max(0, f.start - 12):f.start].rstrip().endswith(("الذكرى الـ", "الذكرى ال")):
        return "anniversary"  # «بمناسبة الذكرى الـ64 لعيد الاستقلال»: which anniversary, worked out from the calendar
    if _age_of_someone_in_passing(ctx, f, before):
        return "age"  # «المتهم الأول، ويبلغ من العمر 41 عاماً»: a detail of someone the story is not about
    if _PARENT_OF.search(ctx.text[max(0, f.start - 14):f.start]):
        return "family"  # «وهي أم لـ4 أطفال»: a family detail of someone quoted
    if _in_a_witness_s_account(ctx, fi):
        return "testimony"  # «يقول الحاج عمر، وهو فلاح يملك 400 شجرة»: a witness's own story, not quoted
    if before[-1:] in (["الساعه"], ["مدار"]) or after[:1] and after[0] in ("صباحا", "مساء", "ظهرا", "فجرا"):
        return "clock"  # «بين الساعة 11 صباحاً و5 مساء», «على مدار 24 ساعة»: the time of day, the whole day
    if _a_dimension(f, before) or _a_distance(f, before) or _an_area(f, before) or _a_weight(ctx, f) or \
            _a_frequency(f, after) or _a_containers_size(f, before):
        return "dimension"  # «قطر مرآته 50 سنتيمتراً», «على بعد نحو 25 كيلومتراً»: a specification
    if _heat_in_passing(ctx, fi, after):
        return "weather"  # «هرباً من حر قارب 40 درجة مئوية» on a beach's pollution: scene-setting
    if _appeal_window(ctx, fi):
        return "procedure"  # «خلال الآجال القانونية المحددة بـ10 أيام»: the law's deadline, not the news
    if _made_definite(ctx, f):
        return "definite"  # «الجولة الـ21», «المقاعد الـ16 المتبقية»: an ordinal, or a total named again
    return None


_MINUTE_WORDS = ("الدقيقه", "دقيقه", "الدقيقتين", "دقيقتي")  # folded: «في الدقيقة 67»، «في الدقيقتين 52 و67»
_SECOND_MINUTE = re.compile(r"الدقيقتين\s+[\d٠-٩]+\s+و\s*$")  # «في الدقيقتين 52 و67»: the second goal's minute
_PARENT_OF = re.compile(r"(?:أم|أب|والدة|والد)\s+لـ?\s*$")


_BEFORE_A_TIME_UNIT = re.compile(r"[\d٠-٩]+\s*(?:ساع|دقيق|دقائق)\S*\s+و\s*[\d٠-٩]")


_AFTER_A_TIME_UNIT = re.compile(r"(?:ساع|دقيق|دقائق|ثوان)\S*\s+و\s*$")


def _second_of_two_years(text: str, f: Fact) -> bool:
    """True for a year read as a number after another year («خلال صيفي 2023 و2024»): one of a pair of
    years, whose options would be numbers, not years."""
    return isinstance(f.value, (int, float)) and 1900 <= float(f.value) <= 2100 and float(f.value) == int(f.value) and \
        bool(re.search(r"(?:19|20)\d\d\s*و\s*$", text[max(0, f.start - 12):f.start]))


def _part_of_a_time(text: str, f: Fact) -> bool:
    """True for the hours, minutes or seconds of a time written in units («بزمن ساعتان و7 دقائق و48 ثانية»،
    «بعد نحو 3 ساعات و40 دقيقة»): part of one figure, asked whole or not at all."""
    return bool(_AFTER_A_TIME_UNIT.search(text[max(0, f.start - 20):f.start])) or \
        bool(_BEFORE_A_TIME_UNIT.match(text[f.start:f.end + 30]))


_AGE_WORDS = {"العمر", "تبلغ", "يبلغ", "يبلغان", "تبلغان", "البالغ", "البالغه", "عمره", "عمرها"}  # folded: «وهي طالبة تبلغ 21 عاما»


_SHARED_UNIT = re.compile(r"\s*و\s*[\d٠-٩]+\s+(\S+)")


def _age_of_someone_in_passing(ctx: Context, f: Fact, before: list[str]) -> bool:
    """True for the age of someone the headline does not name: «ويبلغ من العمر 41 عاماً», «فلان (41 عاماً)»,
    «وهي طالبة تبلغ 21 عاما». Blind readers rejected 7 of 9 such questions, the story's own athlete or
    researcher too: a personal detail, not the news. The age of a president-elect the headline names is."""
    unit = fold(f.unit or (f.text.split()[-1] if len(f.text.split()) > 1 else ""))
    shared = _SHARED_UNIT.match(ctx.text, f.end)
    if not unit and shared:
        unit = fold(shared.group(1))  # «شقيقين يبلغان 7 و10 أعوام»: the second age names the unit of both
    if not unit.startswith(("عام", "اعوام", "سن")):
        return False
    set_off = ctx.text[max(0, f.start - 2):f.start] in ("، ", ", ") and ctx.text[f.end:f.end + 1] in ("،", ",")
    if not set(before[-1:]) & _AGE_WORDS and ctx.text[max(0, f.start - 1):f.start] != "(" and not set_off:
        return False  # «تستيقظ أم سامر، 47 عاماً، على صوت المضخة»: an age set off by commas is said in passing too
    if before[-2:] in (["من", "عمره"], ["من", "عمرها"]):
        return False  # «مواطن في السابعة والخمسين من عمره عشر سنوات»: the age came before; this is his sentence
    if before[-2:] == ["من", "العمر"]:
        return True  # «الهاجري، البالغ من العمر 23 عاماً، ...»: said in passing, even of the story's own athlete
    people = [e for e in ctx.entities.values() if e.type == "person"]
    near = [e for e in people if any(fact_id(g) == e.id and 0 <= f.start - g.end <= 60 for g in ctx.facts)]
    return not any(ctx.title and any(shows_in(a, ctx.title) for a in e.aliases) for e in near)


NEXT_STEP_REACH = 6  # words of asides that may stand between «على أن ...» and the figure it leads to


def next_step(sentence: str, pos: int) -> bool:
    """True for a figure or date of what the news leads to next: in a clause opened by «على أن» («على أن
    تصدر الوزارة لائحته خلال 90 يوماً»), or the date of a coming meeting, session or match («يعقد المجلس
    اجتماعه المقبل يوم ...»)."""
    pieces = re.split(r"[،,]", re.split(r"[؛]", sentence[:pos])[-1])
    reach = 0
    for i, piece in enumerate(reversed(pieces)):  # «على أن يلتقي القادسية، بطل الدوري، في ...»: an aside
        opening = fold(piece).split()
        if opening[:2] == ["علي", "ان"] or opening[:3] == ["و", "علي", "ان"]:
            return True
        reach += len(opening) if i else 0
        if reach > NEXT_STEP_REACH:
            break
    return schedules_what_comes_next(sentence[max(0, pos - 60):pos])


STATISTIC_REACH = 5  # words before a figure that may name the match statistic it is


def a_match_statistic(text: str, start: int) -> bool:
    """True for a figure of a match's statistics («نسبة استحواذ الفريق الفائز 57%»)."""
    before = [w.removeprefix("و").removeprefix("ب") for w in fold(text[max(0, start - 50):start]).split()]
    near = before[-STATISTIC_REACH:]
    stats = lists.folded("generation/match_statistics")
    # «الاستحواذ على 40% من الشركة»: an acquisition, not the ball
    return any(w in stats and (i + 1 >= len(near) or near[i + 1] != "علي") for i, w in enumerate(near)) or \
        "علي الكره" in " ".join(near)  # «استحوذ الفريق على الكرة بنسبة 54%»


def schedules_what_comes_next(text: str) -> bool:
    """True when ``text`` names what comes after the news («اجتماعها المقبل», «الجولة المقبلة»)."""
    words = fold(text).split()
    return any(f"{a} {b}" in lists.folded("generation/next_steps") for a, b in zip(words, words[1:]))


def after_a_name(ctx: Context, fi: int) -> bool:
    """True for a small bare number right after a place's or a body's name («منطقة الورقاء 3»)."""
    f = ctx.facts[fi]
    if f.unit or not isinstance(f.value, (int, float)) or float(f.value) >= 10 or len(f.text.split()) > 1:
        return False
    return any(g.type in ("place", "organization") and 0 <= f.start - g.end <= 1 for g in ctx.facts)


def in_a_run_of_figures(text: str, start: int, end: int) -> bool:
    """True for a figure between two others joined by «و» («1 و2 و3 و4»)."""
    before = re.search(r"[\d٠-٩]+\s*و\s*$", text[max(0, start - 8):start])
    after = re.match(r"\s*و\s*[\d٠-٩]", text[end:end + 6])
    return before is not None and after is not None


def after_the_leader(ctx: Context, fi: int) -> bool:
    """True for a figure brought in after a ranking's leader («تلاه قطاع الإقامة بنسبة 8.1%»), or further
    down the ranking («...، ثم البناء والتشييد بنسبة 7.6%»)."""
    f = ctx.facts[fi]
    runner_up = lists.folded("generation/runner_up_words")
    before = fold(ctx.text[max(0, f.start - 60):f.start]).replace("،", " ").split()[-RANKING_REACH:]
    if any(w.removeprefix("و") in runner_up for w in before):
        return True  # «تلاه عبدالله ناصر العنزي بـ1388 صوتا»: a name of three words stands between
    sent = ctx.sentence_of(fi)
    if _LOWER_PLACE.search(fold(re.split(r"[،,؛]", sent.text[:f.start - sent.start])[-1])):
        return True  # «حلت في المركز الخامس المرشحة دانة الفيلكاوي بـ1102 صوت»: the clause's place below the first
    said = fold(sent.text[:f.start - sent.start]).replace("،", " ").split()
    # «..., تلاه ..., ثم ...», «جاء الحزب في المرتبة الثالثة بـ64 مقعداً، ثم الحركة بـ58»
    return "ثم" in before and (any(w.removeprefix("و") in runner_up for w in said) or
                               _LOWER_PLACE.search(" ".join(said)) is not None)


RANKING_REACH = 6  # words between a ranking word («تلاه») and the figure it brings in


# «في المركز الخامس», «المرتبة الثالثة»: a place below the first (folded)
# or «حلّ نهضة بركان ثالثاً»
_LOWER_PLACE = re.compile(r"(?:المركز|المرتبه)\s+(?:الثاني|الثالث|الرابع|الخامس|السادس|السابع|الثامن|التاسع|العاشر|الاخير)"
                          r"|(?:^|\s)(?:ثانيا|ثالثا|رابعا|خامسا|سادسا|سابعا|ثامنا|تاسعا|عاشرا)(?:\s|$)")


def _a_dimension(f: Fact, before: list[str]) -> bool:
    """True for a measure in metres or less of a thing's size or of where a site sits («عرض المسار
    3.75 متر»): an equipment or site specification, not the news."""
    unit = fold(f.unit or f.text.split()[-1])
    if not unit.startswith(("متر", "امتار", "سنتيمتر", "ملم", "مليمتر")):
        return False
    return any(w.removeprefix("و") in lists.folded("generation/dimension_nouns") for w in before) or \
        before[-2:] == ["علي", "ارتفاع"]


def _a_containers_size(f: Fact, before: list[str]) -> bool:
    """True for the size of a container in kilograms or litres («التنكة، سعة 16 كيلوغراما», «كيس الدقيق زنة 50
    كيلوغراماً»): what the thing
    holds, a specification, not the news (a dam's or a plant's capacity is written in other units)."""
    unit = fold(f.unit or f.text.split()[-1])
    return unit.startswith(("كيلوغرام", "كيلوجرام", "كغ", "لتر", "ليتر", "غرام")) and \
        before[-1:] in (["سعه"], ["بسعه"], ["سعتها"], ["سعته"], ["زنه"], ["بزنه"])


def _times_another(text: str, f: Fact) -> bool:
    """True for a figure multiplied by another in a name («التتابع 4×100 متر», «لوح 2x3»)."""
    return bool(re.match(r"\s*[×xX*]\s*[\d٠-٩]", text[f.end:f.end + 4]) or
                re.search(r"[\d٠-٩]\s*[×xX*]\s*$", text[max(0, f.start - 4):f.start]))


def _a_frequency(f: Fact, after: list[str]) -> bool:
    """True for a radio frequency («في نطاق 3.5 غيغاهرتز»): a specification."""
    unit = fold(f.unit or (after[0] if after else ""))
    return unit.startswith(("غيغاهرتز", "جيجاهرتز", "ميغاهرتز", "ميجاهرتز"))


def _a_weight(ctx: Context, f: Fact) -> bool:
    """True for what a thing weighs («يزن القمر نحو 210 كيلوغرامات», «بوزن 3 أطنان»): a specification."""
    unit = fold(f.unit or f.text.split()[-1])
    before = fold(ctx.text[max(0, f.start - 40):f.start]).split()[-4:]
    weighs = any(w.removeprefix("و") in ("يزن", "تزن", "بوزن", "وزنه", "وزنها") for w in before)
    return weighs and unit.startswith(("كيلوغرام", "كغ", "كلغ", "غرام", "طن", "اطنان"))


def _an_area(f: Fact, before: list[str]) -> bool:
    """True for the area a site or a stand covers («جناح بمساحة 400 متر مربع», «مشروع على مساحة 42
    فداناً»): a specification, not the news (a burnt or flooded area is written otherwise)."""
    unit = fold(f.unit or f.text.split()[-1])
    return unit.startswith(("متر", "امتار", "فدان", "هكتار", "دونم", "كيلومتر")) and \
        any(w.removeprefix("ب") in ("مساحه", "مساحتها", "مساحته") for w in before)


_CIRCULAR = re.compile(r"(?:التعميم|التعميمين|تعميم|التعاميم|تعميمي)\s+(?:رقم\s+)?(?:[\d٠-٩]+\s*و\s*)?$")


def _a_circulars_number(text: str, start: int) -> bool:
    """True for the number of a circular («التعميم 158», «التعميمين 158 و166»)."""
    return _CIRCULAR.search(fold(text[max(0, start - 30):start])) is not None


def _a_distance(f: Fact, before: list[str]) -> bool:
    """True for how far a site lies from somewhere («على بعد نحو 25 كيلومتراً شمال العاصمة»)."""
    unit = fold(f.unit or f.text.split()[-1])
    return unit.startswith(("كيلومتر", "كلم", "كم", "متر", "امتار", "ميل", "اميال")) and "بعد" in before


HEAT_MENTIONS = 3  # times an article speaks of heat («حرارة»، «مئوية»، «الحر») for heat to be one of its topics
_HEAT = re.compile(r"حرار|مئوي|(?<!\w)(?:[وب]?ال|[وب])?حر(?!\w)")


def _heat_in_passing(ctx: Context, fi: int, after: list[str]) -> bool:
    """True for a temperature in a story that is not about heat: its headline names no heat, cold or weather
    (``heat_words``) and the article speaks of heat fewer than three times («درجات الحرارة إلى ما فوق 37 درجة
    مئوية» in a story of uncollected rubbish). Blind readers rejected such figures as scene-setting."""
    f = ctx.facts[fi]
    unit = fold(f.unit or "")
    rest = after if unit else after[1:]  # «40 درجة» holds its unit; «40» leaves it to the next word
    if not (unit or fold(" ".join(after[:1]))).startswith("درج"):
        return False
    degrees = bool(rest) and rest[0].startswith(fold("مئوي")) or "حرار" in fold(ctx.sentence_of(fi).text)
    if not degrees:
        return False
    heat = lists.folded("generation/heat_words")
    if any(w.strip("«»\"'،,.:") in heat for w in fold(ctx.title).split()):
        return False
    return len(_HEAT.findall(fold(ctx.text))) < HEAT_MENTIONS


def _appeal_window(ctx: Context, fi: int) -> bool:
    """True for a count of days or hours in a sentence on an appeal («استئنافه خلال الآجال القانونية المحددة
    بـ10 أيام», «مهلة 72 ساعة لتقديم الطعون»): the deadline the law sets, not the news."""
    unit = _counted_noun(ctx.facts[fi])
    if not unit.startswith(("يوم", "ايام", "ساع")):
        return False
    words = [w.removeprefix("و") for w in fold(ctx.sentence_of(fi).text).replace("،", " ").split()]
    return any(w.removeprefix("ب").removeprefix("ل").removeprefix("ال").startswith(("استيناف", "طعن", "طعون")) or
               "طعن" in w and w.startswith(("سيطعن", "ستطعن", "يطعن", "تطعن"))  # «ستطعن على الحكم خلال المدة البالغة 60 يوما»
               for w in words)


def _a_procedure_opens(sentence: str) -> bool:
    """True for a sentence on when applications or registration open («يستقبل المصرف الطلبات ...»)."""
    words = fold(sentence).split()
    return any(w.removeprefix("و").removeprefix("ب").removeprefix("ال") in ("تسجيل", "طلبات", "تقديم", "ترشيحات")
               for w in words)


def date_trivia(ctx: Context, fi: int) -> str | None:
    f = ctx.facts[fi]
    before, after = _words_around(ctx, f)
    if before[-1:] and before[-1].removeprefix("و").removeprefix("ب") in lists.folded("generation/named_after_heads"):
        return "in_title"  # «على ملعب 5 جويلية الأولمبي»: a venue named after the day, not when the news happened
    agreeing = ("الموافق", "الموافقه")
    if any(w in agreeing for w in before) or any(w in agreeing for w in after[:3]):
        # «27 شوال 1447هـ، الموافق 15 أبريل 2026»: one date in two calendars is asked once, by its
        # Gregorian name; a Gregorian date given first keeps it.
        if f.gregorian is not None or f.kind == "hijri":
            return "equivalent"
        hijri_before = bool(re.search(r"[\d٠-٩]\s?ه", fold(ctx.text[max(0, f.start - 30):f.start])))
        if any(w in agreeing for w in before) and not hijri_before:
            return "equivalent"
    if _in_title(ctx.text, f.start):
        return "in_title"
    if _joined_by_slash(ctx.text, f.start, f.end) or _range_end(ctx.text, f.start) or _range_start(ctx.text, f.end):
        return "part"
    if _end_of_a_period(ctx.text, f.start):
        return "period_end"  # «نُفذت بين 1 فبراير و31 مارس», «وتستمر حتى 31 أغسطس»: the schedule, not the news
    if re.search(r"رقم\s*\(?[\d٠-٩]+\)?\s*ل?\S*\s*$", fold(ctx.text[max(0, f.start - 25):f.start])):
        return "code"  # «المرسوم رقم (27) لسنة 2026»: the year is part of the decree's number
    if _year_of_a_laws_name(ctx.text, f.start) or _year_of_a_vision(ctx.text, f.start):
        # «مشروع القانون المعدل لقانون الضمان الاجتماعي لسنة 2026», «رؤية المملكة 2030»: part of a name
        return "in_title"
    if set(before) & lists.folded("generation/founding_words"):
        return "background"  # «التي تأسست عام 1982»: history, not the news
    if before[-1:] == ["الدراسي"] or before[-2:] == ["الدراسي", "الجاري"]:
        return "current_period"  # «نتائج الاختبارات للعام الدراسي 1447هـ»: the school year the news is told in
    if f.kind == "hijri" and before[-1:] and before[-1].removeprefix("ل") in ("موسم", "الموسم"):
        return "current_period"  # «تفويج الحجاج لموسم 1447 هجرية»: the season the news is told in
    if after[:1] == ["الجاري"] and _a_procedure_opens(ctx.sentence_of(fi).text):
        return "schedule"  # «تنطلق عمليات التسجيل ... في 26 يوليو الجاري»: when a procedure opens, not the news
    if before[-1:] == ["منذ"] or before[-2:] == ["الي", "غايه"]:
        return "since"  # «غاب بسبب الإصابة منذ 12 ماي», «يمتد إلى غاية 10 جويلية»: how long, not when the news happened
    if f.kind == "weekday" or not re.search(r"\d", str(f.value)):
        return "weekday"
    if ctx.date:
        return _date_against_article(str(f.gregorian or f.value), ctx.date)
    return None


def _date_against_article(value: str, article_date: str) -> str | None:
    """Trivia by where a date falls against the article's own date: the days of the news itself («أمس»,
    the day it was announced) are the article's date, not a fact to learn; a date over a month before
    is background (an earlier visit, the year a body was founded). Dates ahead — when a law takes
    effect, a campaign starts, elections are held — are what a student needs."""
    try:
        published = dt.date.fromisoformat(article_date)
    except ValueError:
        return None
    span = interval(value)
    if span is None:
        return None
    start, end = span
    if published - dt.timedelta(days=NEWS_DAYS) <= start and end <= published + dt.timedelta(days=1):
        return "news_day"
    if end < published - dt.timedelta(days=BACKGROUND_DAYS):
        return "background"
    if start <= published <= end and (end - start).days >= CURRENT_PERIOD_DAYS:
        return "current_period"  # «توقعات النمو لعام 2026» in a story of 2026: the year every reader is in
    return None


def _joined_by_slash(text: str, start: int, end: int) -> bool:
    """True when a figure is one half of «2025/2026» or «2025-2026» (a school or fiscal year, a season)."""
    return bool(re.match(r"\s?/\s?[\d٠-٩]|[-–][\d٠-٩]{4}", text[end:end + 5]) or
                re.search(r"[\d٠-٩]\s?/\s?$|[\d٠-٩]{4}[-–]$", text[max(0, start - 5):start]))


_NUMBER_WORDS = "(?:" + "|".join(sorted(WORD_VALUES, key=len, reverse=True)) + ")"


def _range_end(text: str, start: int) -> bool:
    """True for the end of a range whose start shows right before it («من 5 إلى 16 نوفمبر», «من فئة ثلاث
    إلى خمس نجوم»)."""
    return bool(re.search(r"من\s+(?:فيه\s+)?(?:[\d٠-٩]+|" + _NUMBER_WORDS + r")\s+(?:الي|حتي)\s*$",
                          fold(text[max(0, start - 25):start])))


def _range_start(text: str, end: int) -> bool:
    """True for a day that opens a range of days («من 4 إلى 15 نوفمبر»): a day without its month."""
    return bool(re.match(r"\s+(?:إلى|الى|حتى)\s+[\d٠-٩]", text[end:end + 12]))


_DATE_RANGE_OPEN = re.compile(r"(?:\b|^)(?:من|بين)\s+(?:[\d٠-٩]+|[^\s\d٠-٩،,.؛]+\s+[\d٠-٩]{4})"
                              r"(?:\s+[^\s\d٠-٩،,.؛]+){0,3}\s+(?:إلى|الى|حتى|و)\s*$")  # «بين أكتوبر 2025 و»


_SINCE_UNTIL = re.compile(r"منذ[^.،؛]{0,60}\s(?:و)?حتى(?:\s+نهاية|\s+مطلع)?\s*$")  # «منذ ... وحتى نهاية»


def _end_of_a_period(text: str, start: int) -> bool:
    """True for the date a period runs to: the end of «بين 1 فبراير و31 مارس», «من 10 مايو حتى 9 يونيو»,
    «منذ بدء التشغيل في ديسمبر 2024 وحتى نهاية ديسمبر 2025», or a date after «تستمر حتى» («وتستمر حتى 31
    أغسطس»). When a campaign or a phase ends is a detail of
    its schedule, not the news."""
    return bool(_DATE_RANGE_OPEN.search(text[max(0, start - 45):start])) or _runs_until(text, start) or \
        bool(_SINCE_UNTIL.search(text[max(0, start - 80):start]))


def _runs_until(text: str, start: int) -> bool:
    """True for what follows «تستمر حتى», «ويستمر إلى غاية» or «يمتد حتى نهاية» («ويستمر حتى 26 منه»)."""
    words = fold(text[max(0, start - 40):start]).replace("،", " ").split()
    if words[-2:] == ["الي", "غايه"] or words[-2:] == ["حتي", "نهايه"]:
        words = words[:-1]  # «ويستمر إلى غاية ...», «يمتد حتى نهاية عام 2028»
    return len(words) >= 2 and words[-1] in ("حتي", "الي") and \
        words[-2].removeprefix("و") in lists.folded("generation/lasting_verbs")


_OTHER_END = re.compile(r"\s+و\s*[\d٠-٩]")  # «بين 40 و100»: the first end has the other after «و»


def one_end_of_a_span(text: str, start: int, end: int) -> bool:
    """True for either end of a span a figure moves within («تتراوح بين 49 و52 درجة», «يتراوح ثمن الجلسة
    الواحدة في العيادات الخاصة بين 40 و100 دولار»), and for either end of any span after «بين» («حدد عمر
    الطبقة بين 2550 و2450 قبل الميلاد»): one end alone is not what the article found."""
    before = fold(text[max(0, start - 90):start])
    return bool(re.search(r"(?:تتراوح|يتراوح|تراوحت|تراوح)\S*(?:\s+\S+){0,8}\s+بين\s+(?:[\d٠-٩][\d٠-٩.,٫]*\s+و\s*)?$",
                          before) or re.search(r"(?:^|\s)بين\s+[\d٠-٩][\d٠-٩.,٫]*\s+و\s*$", before) or
                bool(re.search(r"(?:^|\s)بين\s*$", before)) and bool(_OTHER_END.match(text, end)))


def _in_title(text: str, pos: int) -> bool:
    """True inside a short quoted title (at most ``TITLE_WORDS`` words): a book, a film, a programme, a
    project («ممر "ساوث 2"»)."""
    for opener, closer in (("«", "»"), ('"', '"')):
        opened = text.rfind(opener, max(0, pos - 120), pos)
        if opened < 0 or text.rfind(closer, opened + 1, pos) >= 0:
            continue
        if opener == '"' and text[:opened].count('"') % 2:
            continue  # that mark closes a quotation, it does not open one
        closed = text.find(closer, pos)
        if closed >= 0 and len(text[opened:closed].split()) <= TITLE_WORDS:
            return True
    return False


def in_quote(sentence: str, pos: int) -> bool:
    return sentence[:pos].count("«") > sentence[:pos].count("»")


def continues_a_quotation(sentence: str, pos: int) -> bool:
    """True for words at ``pos`` that close a quotation an earlier sentence opened («وعندما لا يكفي نشتري
    خمسة براميل بنحو 75 ألف ليرة، وهذا مبلغ كبير"»): who said them is named there, not in a question."""
    before, after = sentence[:pos], sentence[pos:]
    if any(mark in before for mark in QUOTATION_MARKS):
        return False
    return after.count("»") > after.count("«") or after.count("”") > after.count("“") or after.count('"') % 2 == 1
