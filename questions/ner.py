"""Statistical name tagger: a CRF over rich token features, trained on ANERcorp.

The model file ``data/ner.crfsuite`` is trained by ``scripts/train_ner.py`` and ships with the
package (credit in ``data/CREDITS.md``). Features combine the word, its folded and clitic-stripped
forms, affixes, gazetteer membership (ANERGazet, CLDR territory names, news lists) and trigger
words (titles, roles, reporting verbs, organization heads) around the token.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

import pycrfsuite  # type: ignore[import-untyped]

from questions.normalize import fold

DATA = Path(__file__).with_name("data")
MODEL_PATH = DATA / "ner.crfsuite"
# Optional second pass: re-tags with the first pass's labels of the same word across the document.
STAGE2_PATH = DATA / "ner2.crfsuite"
TYPES = ("PERS", "LOC", "ORG")

# Proclitic chains on a folded token, longest first; ال stays with the stem ("لل" is ل + ال).
_PROCLITICS = ("وبال", "وكال", "وفال", "ولل", "فلل", "وال", "فال", "بال", "كال", "لل",
               "وب", "ول", "وك", "فب", "فل", "و", "ف", "ب", "ل", "ك")
_PUNCT_RE = re.compile(r"^[^\w]+$")
_DIGIT_RE = re.compile(r"\d")
_ARABIC_RE = re.compile("[\u0621-\u064a]")


def _folded_set(words: str) -> frozenset[str]:
    """Fold a whitespace-separated word list into a set."""
    return frozenset(fold(w) for w in words.split())


# Cue words of Arabic news, folded. Each names a class used as a CRF feature and by the rules.
TITLES = _folded_set("""الرئيس الرئيسة الأمير الأميرة المشير الدكتور الدكتورة د. الشيخ الشيخة الملك الملكة السيد
    السيدة الإمام اللواء العميد العقيد الفريق الجنرال المستشار القاضي الأستاذ البروفيسور المهندس الحاج السلطان
    البابا الكاردينال المطران الأب الأخ الرائد النقيب المقدم الأدميرال الماريشال المارشال العماد العاهل الحارس المدرب
    النجم اللاعب المهاجم المدافع البديل الهداف الكاتب الشاعر الأديب الروائي المخرج الفنان الفنانة الممثل الممثلة المغني المغنية
    الصحفي الصحفية الناشط الناشطة المرشح المرشحة الزعيم الوزير الوزيرة السفير السفيرة النائب النائبة
    المهندسة الأستاذة المستشارة القاضية البروفيسورة المحامي المحامية الباحث الباحثة""")
ROLE_HEADS = _folded_set("""وزير وزيرة رئيس رئيسة نائب الأمين ولي مدرب حارس زعيم والي سفير سفيرة مدير
    مديرة المدير المتحدث الناطق متحدث ناطق قائد القائد المبعوث مبعوث مسؤول المسؤول المندوب مندوب محافظ عمدة عضو
    الأمينة المحلل المحللة الخبير الخبيرة
    لاعب مهاجم نجم مؤسس رئيس مستشار قاضي كاتب مساعد نظيره نظيرته مسؤولة المسؤولة مبعوثة المبعوثة
    متحدثة المتحدثة ناطقة الناطقة مندوبة المندوبة مستشارة قاضية كاتبة مساعدة عضوة لاعبة مدربة قائدة
    القائدة زعيمة نائبة ممثل ممثلة منسق منسقة مفوض مفوضة وكيل وكيلة""") | TITLES
REPORT_VERBS = _folded_set("""قال وقال فقال قالت وقالت أكد وأكد أكدت وأكدت أعلن وأعلن أعلنت وأعلنت أضاف وأضاف أضافت
    وأضافت أفاد وأفاد أفادت أوضح وأوضح أوضحت صرح وصرح صرحت أشار وأشار أشارت ذكر وذكر ذكرت كشف وكشف كشفت شدد وشدد
    شددت لفت ولفت اعتبر واعتبر رأى ورأى دعا ودعا دعت طالب وطالب نفى ونفى هنأ وهنأ أعرب وأعرب أعربت تابع وتابع
    يقول ويقول يرى ويرى بحسب وفق حسب حسبما""")
ORG_HEADS = _folded_set("""هيئة الهيئة مجلس المجلس وزارة الوزارة جامعة الجامعة منظمة المنظمة وكالة الوكالة حزب
    الحزب بنك البنك محكمة المحكمة اتحاد الاتحاد مندوبية المندوبية شركة الشركة مؤسسة المؤسسة لجنة اللجنة جمعية
    الجمعية برلمان البرلمان حركة الحركة جبهة الجبهة مصرف المصرف صندوق الصندوق معهد المعهد مركز المركز نادي النادي
    أكاديمية الأكاديمية مجموعة المجموعة ديوان الديوان مكتب المكتب مديرية المديرية جماعة الجماعة تنظيم تحالف التحالف نقابة النقابة رابطة الرابطة
    اتحادات مجمع المجمع بورصة البورصة إذاعة الإذاعة صحيفة الصحيفة قناة القناة شبكة الشبكة كلية الكلية مجلة
    المجلة منتدى المنتدى هيئات القيادة الكونغرس الكنيست الكرملين البنتاغون الجمعية المفوضية مفوضية
    سلطة السلطة ائتلاف الائتلاف نيابة النيابة مرصد المرصد غرفة الغرفة حكومة دائرة دار شرطة الشرطة جهاز
    الجيش القوات أمانة""")
SITE_HEADS = _folded_set("""استاد ملعب قصر مطار جامع مسجد ميناء منتجع مقر كنيسة فندق سجن مستشفى جسر ساحة
    ميدان شارع حي مخيم معبر قاعدة سد متحف برج قلعة مقبرة ضريح حلبة محطة مصفاة ضاحية""")
REGION_HEADS = _folded_set("""قطاع إقليم منطقة ولاية محافظة جزيرة جزر شبه صحراء جبال جبل نهر بحر خليج مضيق
    بحيرة وادي ريف قضاء""")
# Names that CLDR's territory list lacks: short and common forms used by news.
EXTRA_COUNTRIES = ("السعودية", "الإمارات", "أمريكا", "أميركا", "بريطانيا", "سوريا", "سورية", "فلسطين",
                   "روسيا", "الصين", "الكونغو", "هولندا", "التشيك", "كوريا", "الدنمارك", "ماليزيا",
                   "الولايات المتحدة", "الولايات المتحدة الأمريكية", "الولايات المتحدة الأميركية",
                   "المملكة العربية السعودية", "إيران", "تركيا", "ليبيا", "السودان", "جنوب السودان",
                   "أوكرانيا", "إسرائيل", "قطر", "الكويت", "عمان", "سلطنة عمان",
                   "البحرين", "اليمن", "العراق", "لبنان", "مصر", "المغرب", "الجزائر", "تونس", "موريتانيا",
                   "الأردن", "كوسوفو", "فنزويلا", "هندوراس")
EXTRA_REGIONS = ("الشرق الأوسط", "الخليج", "الخليج العربي", "أمريكا الوسطى", "أمريكا اللاتينية",
                 "أمريكا الشمالية", "أمريكا الجنوبية", "شمال أفريقيا", "الساحل", "القوقاز", "البلقان",
                 "أوروبا", "آسيا", "أفريقيا", "إفريقيا", "القطب الشمالي", "المغرب العربي", "الشرق الأقصى",
                 "شبه الجزيرة العربية", "قطاع غزة", "الضفة الغربية", "سيناء", "دارفور", "كشمير", "القرم",
                 "الجولان", "منطقة اليورو", "القرن الأفريقي", "القرن الإفريقي", "بلاد الشام", "أوروبا الشرقية",
                 "أوروبا الغربية", "آسيا الوسطى", "جنوب شرق آسيا", "البحر المتوسط", "البحر الأبيض المتوسط",
                 "البحر الأحمر", "البحر الكاريبي", "منطقة الساحل", "غرب أفريقيا", "شرق أفريقيا", "الشرق الأدنى",
                 # Sea lanes and straits that news names without a head, or with one that also heads bodies.
                 "قناة السويس", "قناة بنما", "باب المندب", "مضيق هرمز", "مضيق باب المندب", "مضيق جبل طارق",
                 "رأس الرجاء الصالح", "البحر الأسود", "بحر العرب", "الهلال النفطي", "البقاع",
                 # Rivers and marshes named without نهر.
                 "دجلة", "الفرات", "النيل", "شط العرب", "الأهوار", "المنطقة الشرقية", "الجزيرة العربية")
# Cities and provinces of the Arab world that news names without a cue (CLDR's exemplar cities add
# capitals elsewhere). A city that is also an ordinary word or a person's name is left to the tagger.
EXTRA_CITIES = (
    # Gulf
    "الدوحة", "الرياض", "جدة", "مكة المكرمة", "مكة", "المدينة المنورة", "الدمام", "الخبر", "الظهران", "الطائف",
    "تبوك", "أبها", "نجران", "جازان", "حائل", "بريدة", "القصيم", "ينبع", "الأحساء", "الجبيل", "أبوظبي",
    "أبو ظبي", "دبي", "الشارقة", "عجمان", "رأس الخيمة", "الفجيرة", "أم القيوين", "المنامة", "المحرق",
    "مسقط", "صلالة", "صحار", "نزوى", "صور", "الدقم", "ظفار", "مسندم", "البريمي", "الكويت", "الجهراء",
    # Yemen and Iraq
    "صنعاء", "عدن", "تعز", "الحديدة", "مأرب", "حضرموت", "المكلا", "المهرة", "إب", "ذمار", "صعدة", "شبوة",
    "بغداد", "البصرة", "الموصل", "أربيل", "كركوك", "النجف", "كربلاء", "السليمانية", "دهوك", "الأنبار",
    "الفلوجة", "الرمادي", "تكريت", "الناصرية", "العمارة", "الكوت", "الحلة", "بعقوبة", "سامراء",
    "نينوى", "ديالى", "بابل", "واسط", "ميسان", "ذي قار", "المثنى", "الديوانية", "الكوفة", "الزبير",
    "عفرين", "منبج", "أجدابيا", "زليتن", "غريان", "الزويرات", "ازويرات", "الفاو",
    "أدرار", "إليزي", "الأغواط", "بسكرة", "عين صالح", "حاسي مسعود", "حاسي الرمل", "سكيكدة", "جيجل", "المسيلة",
    "الشلف", "مستغانم", "سيدي بلعباس", "تيارت", "البويرة", "بومرداس", "تيبازة", "خريبكة", "بوكراع", "الرمثا",
    "الطفيلة", "عجلون", "مرجعيون", "بنت جبيل", "العاصمة الإدارية الجديدة", "القضارف", "الأبيض",
    # Levant
    "دمشق", "حلب", "حمص", "حماة", "اللاذقية", "طرطوس", "إدلب", "دير الزور", "الرقة", "الحسكة", "القامشلي",
    "درعا", "السويداء", "بيروت", "طرابلس", "صيدا", "زحلة", "بعلبك", "جونية", "النبطية", "عمان", "الزرقاء",
    "إربد", "العقبة", "الكرك", "معان", "مادبا", "جرش", "المفرق", "القدس", "رام الله", "نابلس", "جنين",
    "طولكرم", "قلقيلية", "أريحا", "بيت لحم", "الخليل", "غزة", "خان يونس", "رفح", "دير البلح", "بيت حانون",
    "تل أبيب", "حيفا", "يافا", "الناصرة",
    # Egypt and Sudan
    "القاهرة", "الإسكندرية", "الجيزة", "أسوان", "الأقصر", "بورسعيد", "السويس", "الإسماعيلية", "طنطا",
    "المنصورة", "الزقازيق", "أسيوط", "سوهاج", "المنيا", "الفيوم", "دمياط", "شرم الشيخ", "الغردقة",
    "العريش", "مرسى مطروح", "بني سويف", "قنا", "الخرطوم", "أم درمان", "بورتسودان", "الفاشر", "نيالا",
    "كسلا", "الأبيض", "ود مدني",
    # Maghreb
    "طرابلس", "بنغازي", "مصراتة", "سرت", "سبها", "درنة", "الزاوية", "طبرق", "تونس", "صفاقس", "سوسة",
    "القيروان", "بنزرت", "قابس", "قفصة", "تطاوين", "مدنين", "نابل", "المنستير", "المهدية", "توزر", "قبلي",
    "سيدي بوزيد", "القصرين", "الكاف", "جندوبة", "باجة", "سليانة", "زغوان", "أريانة", "بن عروس", "منوبة",
    "الجزائر العاصمة", "وهران", "قسنطينة", "عنابة", "سطيف", "باتنة", "تلمسان", "بجاية", "تيزي وزو",
    "البليدة", "ورقلة", "بشار", "تمنراست", "غرداية", "الرباط", "الدار البيضاء", "فاس", "مراكش", "طنجة",
    "أكادير", "مكناس", "وجدة", "تطوان", "القنيطرة", "العيون", "الداخلة", "سلا", "الجديدة", "آسفي",
    "بني ملال", "الناظور", "الحسيمة", "ورزازات", "نواكشوط", "نواذيبو", "سبتة", "مليلية",
)
MEDIA_ORGS = ("رويترز", "فرانس برس", "أسوشيتد برس", "الأناضول", "سبوتنيك", "بي بي سي", "سي إن إن",
              "بلومبرغ", "تروث سوشيال", "فيسبوك", "تويتر", "إكس", "إنستغرام", "يوتيوب", "تيك توك", "تلغرام",
              "واتساب", "غوغل", "مايكروسوفت", "أبل", "ميتا", "أمازون", "تسلا", "ناسا", "الفيفا", "فيفا",
              "اليونسكو", "اليونيسف", "الناتو", "أوبك", "الإنتربول", "حماس", "حزب الله", "الأونروا",
              "الأمم المتحدة", "الاتحاد الأوروبي", "الاتحاد الأفريقي", "حلف شمال الأطلسي", "وول ستريت جورنال",
              "نيويورك تايمز", "واشنطن بوست", "الغارديان", "لوموند", "أرامكو", "سامسونغ", "هواوي",
              "صندوق النقد الدولي", "البنك الدولي", "منظمة الصحة العالمية", "الجامعة العربية",
              "جامعة الدول العربية", "مجلس الأمن", "مجلس الأمن الدولي", "مجلس التعاون الخليجي",
              "منظمة التجارة العالمية", "الوكالة الدولية للطاقة الذرية", "طالبان", "داعش", "الكونغرس",
              "الكنيست", "الكرملين", "البنتاغون", "البيت الأبيض", "وكالة الأنباء",
              "واس", "كونا", "سانا",
              # Companies Arab news names bare.
              "بوينغ", "إيرباص", "طيران الإمارات", "فلاي دبي", "الاتحاد للطيران", "الخطوط الجوية القطرية",
              "مصر للطيران", "الخطوط الملكية المغربية", "سوناطراك", "أدنوك", "سابك", "أكوا باور",
              "توتال إنرجيز", "إكسون موبيل", "شيفرون", "سيمنز", "ميتسوبيشي", "ميتسوي",
              "قوات الدعم السريع", "قوات سوريا الديمقراطية", "الجهاز المركزي للتعبئة العامة والإحصاء",
              "الجهاز المركزي للإحصاء الفلسطيني", "الجهاز المركزي للمحاسبات", "الجهاز المركزي للإحصاء",
              # International and public bodies news names without a head word.
              "برنامج الأغذية العالمي", "برنامج الأمم المتحدة الإنمائي", "برنامج الأمم المتحدة للبيئة",
              "هيومن رايتس ووتش", "أطباء بلا حدود", "الصليب الأحمر", "الهلال الأحمر", "أوتشا",
              "النيابة العامة", "الدفاع المدني", "الحرس الثوري",
              # Football clubs news names bare; one-word names that are also words (الأهلي, الهلال) need
              # their country or «نادي» and are left to the tagger and the head-word rules.
              "الزمالك", "الأهلي المصري", "الإسماعيلي", "بيراميدز", "الرجاء الرياضي", "الوداد الرياضي",
              "الجيش الملكي", "نهضة بركان", "المغرب الفاسي", "الفتح الرباطي", "حسنية أكادير", "مولودية وجدة",
              "مولودية الجزائر", "شباب بلوزداد", "شبيبة القبائل", "وفاق سطيف", "اتحاد العاصمة",
              "الترجي الرياضي", "الترجي التونسي", "النجم الساحلي", "النادي الأفريقي", "النادي الصفاقسي",
              "الهلال السعودي", "النصر السعودي", "الاتحاد السعودي", "الأهلي السعودي", "الشباب السعودي",
              "السد القطري", "الدحيل", "الريان القطري", "العين الإماراتي", "الوحدة الإماراتي", "الجزيرة الإماراتي",
              "القادسية الكويتي", "الكويت الكويتي", "المحرق البحريني", "الفيصلي الأردني",
              "الأنصار اللبناني", "النجمة اللبناني", "الزوراء العراقي",
              "الهلال السوداني", "المريخ السوداني", "ريال مدريد", "برشلونة الإسباني", "أتلتيكو مدريد",
              "مانشستر سيتي", "مانشستر يونايتد", "ليفربول الإنجليزي", "تشيلسي", "أرسنال", "توتنهام",
              "بايرن ميونخ", "بوروسيا دورتموند", "باريس سان جيرمان", "يوفنتوس", "إنتر ميلان", "ميلان الإيطالي",
              "نابولي الإيطالي", "أياكس أمستردام", "بنفيكا", "بورتو البرتغالي")
# CLDR codes that are groupings rather than countries or regions, or are organizations.
_SKIP_TERRITORIES = {"001", "EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"}


class Lexicon:
    """Folded gazetteers: single words by class and multi-word phrases by first word."""

    def __init__(self) -> None:
        self.words: dict[str, set[str]] = {}
        self.phrases: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        self.kind: dict[str, str] = {}  # folded place name -> country | region | city
        self.media: set[str] = set()  # folded names of news agencies, platforms and well-known bodies

    def add(self, name: str, cls: str) -> None:
        """Add a name under a class (LOC, PERS, ORG, CTRY, REG, CITY, MEDIA)."""
        toks = tuple(fold(name).replace("-", " ").split())
        if not toks:
            return
        if len(toks) == 1:
            self.words.setdefault(toks[0], set()).add(cls)
        else:
            lst = self.phrases.setdefault(toks[0], [])
            if (toks, cls) not in lst:
                lst.append((toks, cls))
                lst.sort(key=lambda x: -len(x[0]))
        key = " ".join(toks)
        if cls == "MEDIA":
            self.media.add(key)
        if cls in ("CTRY", "REG", "CITY"):
            rank = {"CITY": 0, "REG": 1, "CTRY": 2}
            old = self.kind.get(key)
            if old is None or rank[cls] > rank[{"city": "CITY", "region": "REG", "country": "CTRY"}[old]]:
                self.kind[key] = {"CTRY": "country", "REG": "region", "CITY": "city"}[cls]


def _load_lexicon() -> Lexicon:
    lex = Lexicon()
    gz = DATA / "gazetteer.tsv"
    if gz.is_file():
        for line in gz.read_text(encoding="utf-8").splitlines():
            cls, _, name = line.partition("\t")
            if name:
                lex.add(name, cls)
    try:
        from babel import Locale

        for code, name in Locale("ar").territories.items():
            if code in _SKIP_TERRITORIES:
                continue
            name = re.sub(r"\s*\(.*?\)|\s+-\s+.*$", "", name)
            lex.add(name, "REG" if code.isdigit() else "CTRY")
    except Exception:  # babel is a pinned dependency; tolerate a broken install rather than fail tagging  # nosec B110
        pass
    try:
        from babel import Locale

        for zone in Locale("ar").time_zones.values():
            city = zone.get("city")
            if city:
                lex.add(re.sub(r"\s*\(.*?\)", "", city), "CITY")
    except Exception:  # as for the territories above  # nosec B110
        pass
    for n in EXTRA_CITIES:
        lex.add(n, "CITY")
    for n in EXTRA_COUNTRIES:
        lex.add(n, "CTRY")
    for n in EXTRA_REGIONS:
        lex.add(n, "REG")
    for n in MEDIA_ORGS:
        lex.add(n, "MEDIA")
    return lex


_LEX: Lexicon | None = None


def lexicon() -> Lexicon:
    """Return the gazetteer lexicon, built once."""
    global _LEX
    if _LEX is None:
        _LEX = _load_lexicon()
    return _LEX


def word_classes(w: str, stem: str, bare: str) -> list[str]:
    """Gazetteer and cue classes of a folded word, its stem and its stem without ال."""
    lex = lexicon().words
    out: set[str] = set()
    for form, tagp in ((w, ""), (stem, "s"), (bare, "b")):
        for c in lex.get(form, ()):
            out.add(tagp + c)
    if stem in TITLES:
        out.add("TITLE")
    if stem in ROLE_HEADS or w in ROLE_HEADS:
        out.add("ROLE")
    if w in REPORT_VERBS:
        out.add("VERB")
    if stem in ORG_HEADS or w in ORG_HEADS:
        out.add("ORGH")
    if stem in SITE_HEADS:
        out.add("SITEH")
    if stem in REGION_HEADS:
        out.add("REGH")
    if stem.startswith("ال") and stem.endswith("ي") and len(stem) >= 5:
        out.add("NISBA")
    return sorted(out)


def phrase_tags(words: Sequence[str]) -> list[list[str]]:
    """Per-token B/I marks of multi-word gazetteer phrases found in a folded sentence."""
    phrases = lexicon().phrases
    out: list[list[str]] = [[] for _ in words]
    n = len(words)
    for i, w in enumerate(words):
        cands = phrases.get(w)
        if cands is None:
            pre, stem = split_clitic(w)
            cands = phrases.get(stem) if pre else None
        if not cands:
            continue
        for toks, cls in cands:
            k = len(toks)
            if i + k <= n and all(words[i + j] == toks[j] for j in range(1, k)):
                out[i].append("m=B" + cls)
                for j in range(1, k):
                    out[i + j].append("m=I" + cls)
                break
    return out


@lru_cache(maxsize=200_000)
def split_clitic(w: str) -> tuple[str, str]:
    """Split a folded token into (proclitics, stem); the stem keeps ال ("للانتخابات" -> ل, الانتخابات)."""
    for p in _PROCLITICS:
        if w.startswith(p) and len(w) - len(p) >= 2:
            rest = w[len(p):]
            if p.endswith("لل"):
                return p[:-1], "ال" + rest
            if p.endswith("ال"):
                return p[:-2], "ال" + rest
            return p, rest
    return "", w


def _bare(stem: str) -> str:
    """Drop a leading ال from a stem."""
    return stem[2:] if stem.startswith("ال") and len(stem) > 3 else stem


@lru_cache(maxsize=200_000)
def _local(tok: str) -> tuple[str, tuple[str, ...]]:
    """Features of one token by itself, cached: (folded word, features)."""
    w = fold(tok)
    if _PUNCT_RE.match(w):
        return w, ("punct", "w=" + w)
    if _DIGIT_RE.search(w):
        return w, ("digit", "len=" + str(min(len(w), 5)))
    pre, stem = split_clitic(w)
    bare = _bare(stem)
    f = ["w=" + w, "st=" + stem, "bare=" + bare, "pre=" + pre,
         "s1=" + w[-1:], "s2=" + w[-2:], "s3=" + w[-3:],
         "b2=" + bare[:2], "b3=" + bare[:3], "bs2=" + bare[-2:], "bs3=" + bare[-3:],
         "len=" + str(min(len(bare), 9))]
    if stem.startswith("ال"):
        f.append("al")
    if not _ARABIC_RE.search(tok):
        f.append("latin")
    for tag in word_classes(w, stem, bare):
        f.append("g=" + tag)
    f.append("lx=" + lex_label(stem))
    return w, tuple(f)


_NAMES: dict[str, str] | None = None
_COMMON: frozenset[str] | None = None


def set_word_lists(names: dict[str, str], common: frozenset[str]) -> None:
    """Replace the name and common-word lists (training uses per-fold lists); clears caches."""
    global _NAMES, _COMMON
    _NAMES, _COMMON = names, common
    _local.cache_clear()
    _neighbour.cache_clear()
    _doc_cues.cache_clear()
    _stem_of.cache_clear()


def word_lists() -> tuple[dict[str, str], frozenset[str]]:
    """The stem -> name-class list and the common-word set, loaded once from data/."""
    global _NAMES, _COMMON
    if _NAMES is None or _COMMON is None:
        names: dict[str, str] = {}
        p = DATA / "names.tsv"
        if p.is_file():
            for line in p.read_text(encoding="utf-8").splitlines():
                stem, _, cls = line.partition("\t")
                names[stem] = cls
        c = DATA / "common.txt"
        _NAMES = names
        _COMMON = frozenset(c.read_text(encoding="utf-8").split()) if c.is_file() else frozenset()
    return _NAMES, _COMMON


def lex_label(stem: str) -> str:
    """How the training corpus mostly used this stem: a name class, O (ordinary word) or UNK."""
    names, common = word_lists()
    cls = names.get(stem)
    if cls is not None:
        return cls
    return "O" if stem in common else "UNK"


@lru_cache(maxsize=200_000)
def _stem_of(tok: str) -> str:
    """The clitic-stripped folded stem the features use ("" for punctuation and numbers)."""
    feats = _local(tok)[1]
    return feats[1][3:] if len(feats) > 2 else ""


@lru_cache(maxsize=200_000)
def _neighbour(tok: str) -> tuple[tuple[str, ...], ...]:
    """What a token contributes to its neighbours' features at offsets -2, -1, +1, +2, cached."""
    w, feats = _local(tok)
    gz = [f for f in feats if f.startswith("g=")]
    out = []
    for d in (-2, -1, 1, 2):
        f = [f"{d}w={w}"]
        f.extend(f"{d}{g}" for g in gz)
        if d in (-1, 1) and len(feats) > 2 and feats[1].startswith("st="):
            f.append(f"{d}{feats[1]}")
            f.append(f"{d}{feats[-1]}")
        out.append(tuple(f))
    return tuple(out)


_DOC_CUES = frozenset({"TITLE", "ROLE", "VERB", "ORGH", "SITEH", "REGH", "PERS", "sPERS", "NISBA", "CTRY", "LOC",
                       "sLOC", "ORG", "MEDIA"})
PLACE_PREPS = frozenset(fold(w) for w in "في إلى من نحو داخل عاصمة مدينة شمال جنوب شرق غرب قرب".split())
DOC_SIZE = 30  # sentences per pseudo-document when a corpus has no document breaks


@lru_cache(maxsize=200_000)
def _doc_cues(tok: str) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    """A token's stem (empty when ordinary) and the cues it lends to the words before and after it."""
    w, feats = _local(tok)
    cues = [f[2:] for f in feats if f.startswith("g=") and f[2:] in _DOC_CUES]
    before = tuple("n" + c for c in cues)
    after = tuple("p" + c for c in cues) + (("pPREP",) if w in PLACE_PREPS else ())
    stem = ""
    if len(feats) >= 3:
        stem = feats[1][3:]
        if stem in word_lists()[1] or len(stem) < 3:
            stem = ""
    return stem, before, after


def document_features(sents: Sequence[Sequence[str]]) -> dict[str, tuple[str, ...]]:
    """Per stem, the cue classes seen around all its occurrences in one document.

    A surname met once after a title («الرئيس بوش») carries that cue to its bare mentions elsewhere.
    """
    ctx: dict[str, set[str]] = {}
    for toks in sents:
        cues = [_doc_cues(t) for t in toks]
        n = len(cues)
        for i in range(n):
            stem = cues[i][0]
            if not stem:
                continue
            c = ctx.get(stem)
            if c is None:
                c = ctx[stem] = set()
            else:
                c.add("many")
            if i > 0:
                c.update(cues[i - 1][2])
            if i + 1 < n:
                c.update(cues[i + 1][1])
    known = _KNOWN
    out: dict[str, tuple[str, ...]] = {}
    for k, v in ctx.items():
        fs = tuple("d:" + x for x in sorted(v))
        out[k] = fs if known is None else tuple(f for f in fs if f in known)
    return out


# Attributes the loaded model knows; features outside it carry no weight, so tagging skips them.
_KNOWN: frozenset[str] | None = None


@lru_cache(maxsize=200_000)
def _local_known(tok: str) -> tuple[str, ...]:
    feats = _local(tok)[1]
    return feats if _KNOWN is None else tuple(f for f in feats if f in _KNOWN)


@lru_cache(maxsize=200_000)
def _neighbour_known(tok: str) -> tuple[tuple[str, ...], ...]:
    nb = _neighbour(tok)
    return nb if _KNOWN is None else tuple(tuple(f for f in x if f in _KNOWN) for x in nb)


def sentence_features(toks: Sequence[str], doc: dict[str, tuple[str, ...]] | None = None) -> list[list[str]]:
    """Feature lists for each token of one sentence, with its document's features when given."""
    loc = [_local(t) for t in toks]
    nb = [_neighbour_known(t) for t in toks]
    known = _KNOWN
    words = [x[0] for x in loc]
    spans = phrase_tags(words)
    n = len(toks)
    out: list[list[str]] = []
    for i in range(n):
        f = list(_local_known(toks[i]))
        if spans[i]:
            f.extend(spans[i])
        if i >= 2:
            f.extend(nb[i - 2][0])
        if i >= 1:
            f.extend(nb[i - 1][1])
            if spans[i - 1]:
                f.extend(f"-1{m}" for m in spans[i - 1])
            bi = f"bi={words[i - 1]}|{words[i]}"
            if known is None or bi in known:
                f.append(bi)
        else:
            f.append("-1BOUND")
        if i + 1 < n:
            f.extend(nb[i + 1][2])
            if spans[i + 1]:
                f.extend(f"1{m}" for m in spans[i + 1])
            bi = f"bi+={words[i]}|{words[i + 1]}"
            if known is None or bi in known:
                f.append(bi)
        else:
            f.append("1BOUND")
        if i + 2 < n:
            f.extend(nb[i + 2][3])
        if doc:
            feats = loc[i][1]
            if len(feats) > 2:
                f.extend(doc.get(feats[1][3:], ()))
        out.append(f)
    return out


_tagger: pycrfsuite.Tagger | None = None
_tagger2: pycrfsuite.Tagger | None | bool = None


def tagger() -> pycrfsuite.Tagger:
    """Return the shipped CRF tagger, loaded once."""
    global _tagger, _tagger2, _KNOWN
    if _tagger is None:
        t = pycrfsuite.Tagger()
        t.open(str(MODEL_PATH))
        _tagger2 = False
        if STAGE2_PATH.is_file():
            t2 = pycrfsuite.Tagger()
            t2.open(str(STAGE2_PATH))
            _tagger2 = t2
        _KNOWN = _read_attributes()
        _local_known.cache_clear()
        _neighbour_known.cache_clear()
        _tagger = t
    return _tagger


ATTRS_PATH = DATA / "ner_attributes.txt"


def _models_digest() -> str:
    h = hashlib.sha1(usedforsecurity=False)  # a cache key for the model files, not a secret
    for p in (MODEL_PATH, STAGE2_PATH):
        if p.is_file():
            h.update(p.read_bytes())
    return h.hexdigest()


def write_attributes() -> int:
    """Save the attributes the shipped models weigh, so tagging can skip the rest without a slow dump."""
    known: set[str] = set()
    for p in (MODEL_PATH, STAGE2_PATH):
        if p.is_file():
            t = pycrfsuite.Tagger()
            t.open(str(p))
            known |= {a for a, _ in t.info().state_features}
    ATTRS_PATH.write_text(_models_digest() + "\n" + "\n".join(sorted(known)) + "\n", encoding="utf-8")
    return len(known)


def _read_attributes() -> frozenset[str] | None:
    """The saved attribute list, or None (no filtering) when it is missing or was made for other models."""
    if not ATTRS_PATH.is_file():
        return None
    lines = ATTRS_PATH.read_text(encoding="utf-8").split("\n")
    if lines[0] != _models_digest():
        return None
    return frozenset(x for x in lines[1:] if x)


def tagger2() -> pycrfsuite.Tagger | None:
    """Return the second-pass tagger, or None when no second-pass model ships."""
    tagger()
    return _tagger2 if isinstance(_tagger2, pycrfsuite.Tagger) else None


def stage2_doc_features(sents: Sequence[Sequence[str]], tags: Sequence[Sequence[str]],
                        stems: Sequence[Sequence[str]] | None = None) -> dict[str, tuple[str, ...]]:
    """Per stem, the first pass's labels for it across the document (e:PERS, e:lastPERS, e:O)."""
    common = word_lists()[1]
    ctx: dict[str, set[str]] = {}
    if stems is None:
        stems = [[_stem_of(x) for x in toks] for toks in sents]
    for st, tg in zip(stems, tags):
        n = len(tg)
        for i in range(n):
            stem = st[i]
            if not stem or stem in common:
                continue
            c = ctx.setdefault(stem, set())
            lab = tg[i]
            if lab == "O":
                c.add("e:O")
            else:
                typ = lab[2:]
                c.add("e:" + typ)
                if i + 1 >= n or tg[i + 1] != "I-" + typ:
                    c.add("e:last" + typ)
    return {k: tuple(sorted(v)) for k, v in ctx.items()}


def stage2_features(toks: Sequence[str], doc: dict[str, tuple[str, ...]], tags1: Sequence[str],
                    doc2: dict[str, tuple[str, ...]], first: list[list[str]] | None = None,
                    stems: Sequence[str] | None = None) -> list[list[str]]:
    """Second-pass features: the first pass's, plus its labels here and for the word document-wide.

    ``first`` is the first pass's feature lists for this sentence when already built; they are
    extended in place.
    """
    out = first if first is not None else sentence_features(toks, doc)
    n = len(toks)
    for i, f in enumerate(out):
        f.append("s1=" + tags1[i])
        f.append("s1-1=" + (tags1[i - 1] if i else "BOS"))
        f.append("s1+1=" + (tags1[i + 1] if i + 1 < n else "EOS"))
        stem = stems[i] if stems is not None else _stem_of(toks[i])
        if stem:
            f.extend(doc2.get(stem, ()))
    return out


def tag_document(sents: Sequence[Sequence[str]]) -> list[list[str]]:
    """BIO tags for the sentences of one document: first pass, then the second pass if it ships."""
    doc = document_features(sents)
    stems = [[_stem_of(x) for x in toks] for toks in sents]
    first = [_tag1(toks, doc, st) for toks, st in zip(sents, stems)]
    tags1 = [t for t, _ in first]
    t2 = tagger2()
    if t2 is None:
        return tags1
    doc2 = stage2_doc_features(sents, tags1, stems)
    out: list[list[str]] = []
    empty: tuple[str, ...] = ()
    for toks, (t1, feats), st in zip(sents, first, stems):
        if not toks:
            out.append([])
            continue
        key = (tuple(toks), tuple(t1), tuple(doc.get(x, empty) + doc2.get(x, empty) for x in st))
        hit = _TAG2_CACHE.get(key)
        if hit is None:
            # The first pass's feature lists, when it built them, are the start of the second's.
            hit = tuple(_TO_BIO.get(x[:2], x[:2]) + x[2:] if len(x) > 2 else x
                        for x in t2.tag(stage2_features(toks, doc, t1, doc2, feats, st)))
            if len(_TAG2_CACHE) > 50_000:
                _TAG2_CACHE.clear()
            _TAG2_CACHE[key] = hit
        out.append(list(hit))
    return out


_TAG2_CACHE: dict[tuple[tuple[str, ...], tuple[str, ...], tuple[tuple[str, ...], ...]], tuple[str, ...]] = {}


def tag(toks: Sequence[str], doc: dict[str, tuple[str, ...]] | None = None,
        stems: Sequence[str] | None = None) -> list[str]:
    """BIO tags (B-PERS, I-LOC, O, ...) for the tokens of one sentence, given its document's features."""
    return _tag1(toks, doc, stems)[0]


def _tag1(toks: Sequence[str], doc: dict[str, tuple[str, ...]] | None,
          stems: Sequence[str] | None) -> tuple[list[str], list[list[str]] | None]:
    """First-pass tags of one sentence and the feature lists built for them (None on a cache hit)."""
    if not toks:
        return [], None
    if doc:
        empty: tuple[str, ...] = ()
        key = (tuple(toks), tuple(doc.get(x, empty) for x in (stems if stems is not None else map(_stem_of, toks))))
    else:
        key = (tuple(toks), ())
    hit = _TAG_CACHE.get(key)
    if hit is not None:
        return list(hit), None
    feats = sentence_features(toks, doc)
    tags: list[str] = [_TO_BIO.get(x[:2], x[:2]) + x[2:] if len(x) > 2 else x for x in tagger().tag(feats)]
    if len(_TAG_CACHE) > 50_000:
        _TAG_CACHE.clear()
    _TAG_CACHE[key] = tuple(tags)
    return tags, feats


# Tags by (sentence, its document features): news repeats sentences (datelines, boilerplate, quotes
# carried across stories), and the CRF's answer depends on nothing else.
_TAG_CACHE: dict[tuple[tuple[str, ...], tuple[tuple[str, ...], ...]], tuple[str, ...]] = {}


# The model may be trained on BILOU labels (last and unit-length tokens marked); tagging reports BIO.
_TO_BIO = {"L-": "I-", "U-": "B-"}


def to_bilou(tags: Sequence[str]) -> list[str]:
    """Turn BIO tags into BILOU: the last token of a span is L-, a one-token span is U-."""
    out = list(tags)
    n = len(tags)
    for i, t in enumerate(tags):
        if t == "O" or len(t) < 3:
            continue
        typ = t[2:]
        ends = i + 1 >= n or tags[i + 1] != "I-" + typ
        if t.startswith("B-"):
            out[i] = ("U-" if ends else "B-") + typ
        elif ends:
            out[i] = "L-" + typ
    return out


def read_conll(path: str | Path) -> list[tuple[list[str], list[str]]]:
    """Read a 'token TAG' file into sentences; blank lines split sentences."""
    sents: list[tuple[list[str], list[str]]] = []
    toks: list[str] = []
    tags: list[str] = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) < 2:
                if toks:
                    sents.append((toks, tags))
                    toks, tags = [], []
                continue
            toks.append(parts[0])
            tags.append(parts[-1])
    if toks:
        sents.append((toks, tags))
    return sents


def spans_of(tags: Iterable[str]) -> set[tuple[str, int, int]]:
    """Exact (type, start, end) token spans of PERS/LOC/ORG in a BIO sequence."""
    return set(_spans(tuple(tags)))


@lru_cache(maxsize=50_000)
def _spans(tl: tuple[str, ...]) -> tuple[tuple[str, int, int], ...]:
    out: list[tuple[str, int, int]] = []
    if all(t == "O" for t in tl):
        return ()
    cur: tuple[str, int] | None = None
    for i, t in enumerate([*tl, "O"]):
        typ = t[2:] if len(t) > 2 and t[1] == "-" else ""
        if cur and not (t.startswith("I-") and typ == cur[0]):
            if cur[0] in TYPES:
                out.append((cur[0], cur[1], i))
            cur = None
        if t.startswith("B-") or (t.startswith("I-") and cur is None):
            cur = (typ, i)
    return tuple(out)


def spans_of_typed(tags: Sequence[str]) -> list[tuple[str, int, int]]:
    """PERS/LOC/ORG token spans of a BIO sequence, in text order."""
    return list(_spans(tuple(tags)))


def evaluate_conll(path: str | Path, *, doc_size: int = 30) -> str:
    """Tag a 'token TAG' file and return the per-type report ending in 'F1=0.xxx'.

    Sentences are read in runs of ``doc_size`` as one document, so a name found once is found again.
    """
    from questions.entities import tag_sentences

    tp = {t: 0 for t in TYPES}
    fp = dict(tp)
    fn = dict(tp)
    data = read_conll(path)
    for c in range(0, len(data), doc_size):
        chunk = data[c:c + doc_size]
        for (_, gold), pred in zip(chunk, tag_sentences([t for t, _ in chunk])):
            gs = spans_of(gold)
            ps = spans_of(pred)
            for t in TYPES:
                gt = {x for x in gs if x[0] == t}
                pt = {x for x in ps if x[0] == t}
                tp[t] += len(gt & pt)
                fp[t] += len(pt - gt)
                fn[t] += len(gt - pt)

    def prf(a: int, b: int, c: int) -> tuple[float, float, float]:
        p = a / (a + b) if a + b else 0.0
        r = a / (a + c) if a + c else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    lines = [f"{'type':<6}{'P':>7}{'R':>7}{'F1':>7}{'gold':>7}"]
    for t in TYPES:
        p, r, f = prf(tp[t], fp[t], fn[t])
        lines.append(f"{t:<6}{p:7.3f}{r:7.3f}{f:7.3f}{tp[t] + fn[t]:7d}")
    p, r, f = prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    lines.append(f"micro P={p:.3f} R={r:.3f}")
    lines.append(f"F1={f:.3f}")
    return "\n".join(lines)
