"""Fallback distractor pools: Arabic country names (babel's CLDR data), cities, regions, well-known
organizations and public figures. Used only when an article has too few entities of a kind.
"""

from __future__ import annotations

from functools import lru_cache

from babel import Locale

from questions.normalize import fold

# Two-letter codes that are not countries a student would expect (islands, unions, placeholders).
_NOT_COUNTRIES = {"AC", "CP", "CQ", "DG", "EA", "IC", "TA", "EU", "EZ", "UN", "QO", "ZZ", "XA", "XB", "XK",
                  "AQ", "BV", "HM", "GS", "UM", "IO", "TF", "CC", "CX", "NF", "PN", "SJ", "AX", "BQ",
                  "SX", "MF", "BL", "PM", "WF", "YT", "RE", "GP", "MQ", "GF", "NC", "PF", "TK", "NU",
                  "CK", "MP", "GU", "AS", "VI", "VG", "AI", "MS", "TC", "KY", "BM", "FK", "SH", "GI",
                  "GG", "JE", "IM", "FO", "GL", "AW", "CW", "HK", "MO", "EH", "PR", "TW"}

CITIES: tuple[str, ...] = (
    "القاهرة", "الرياض", "دبي", "أبوظبي", "الدوحة", "الكويت", "المنامة", "مسقط", "عمّان", "بيروت",
    "دمشق", "بغداد", "القدس", "غزة", "الخرطوم", "طرابلس", "تونس", "الجزائر", "الرباط", "الدار البيضاء",
    "جدة", "مكة المكرمة", "المدينة المنورة", "الإسكندرية", "حلب", "الموصل", "البصرة", "صنعاء", "عدن",
    "نواكشوط", "إسطنبول", "أنقرة", "طهران", "باريس", "لندن", "برلين", "روما", "مدريد", "بروكسل",
    "جنيف", "فيينا", "موسكو", "بكين", "طوكيو", "نيودلهي", "واشنطن", "نيويورك", "ميامي", "لوس أنجلوس",
    "شيكاغو", "تورونتو", "مكسيكو سيتي", "بوينس آيرس", "ساو باولو", "كراكاس", "بوغوتا", "ليما",
    "سانتياغو", "هافانا", "تيغوسيغالبا", "سان سلفادور", "غواتيمالا سيتي", "ماناغوا", "بنما سيتي",
)

REGIONS: tuple[str, ...] = (
    "الشرق الأوسط", "شمال أفريقيا", "الخليج العربي", "أمريكا الوسطى", "أمريكا اللاتينية",
    "أمريكا الجنوبية", "أمريكا الشمالية", "أوروبا الشرقية", "أوروبا الغربية", "جنوب شرق آسيا",
    "آسيا الوسطى", "منطقة الساحل", "القرن الأفريقي", "البحر الكاريبي", "البلقان", "المغرب العربي",
    "بلاد الشام", "شرق أفريقيا", "غرب أفريقيا", "جنوب آسيا",
)

SITES: tuple[str, ...] = (
    "البيت الأبيض", "كامب ديفيد", "قصر الإليزيه", "الكرملين", "داونينغ ستريت", "قصر قرطاج",
    "قصر الاتحادية", "قصر بعبدا", "قصر اليمامة", "مقر الأمم المتحدة", "قصر بكنغهام", "استاد لوسيل",
    "استاد خليفة الدولي", "ملعب الملك فهد الدولي", "قصر المرادية", "مارالاغو",
)

# Organizations grouped by the head word a same-kind distractor must share.
ORGANIZATIONS: dict[str, tuple[str, ...]] = {
    "agency": ("رويترز", "وكالة فرانس برس", "أسوشيتد برس", "بلومبرغ", "وكالة الأناضول", "وكالة الأنباء الألمانية"),
    "platform": ("تروث سوشيال", "إكس", "فيسبوك", "إنستغرام", "تيك توك", "يوتيوب", "تلغرام"),
    "council": ("مجلس الأمن الدولي", "المجلس الانتخابي الوطني", "مجلس التعاون الخليجي", "المجلس الأوروبي",
                "مجلس الشيوخ", "مجلس النواب"),
    "party": ("الحزب القومي", "الحزب الليبرالي", "الحزب الديمقراطي", "الحزب الجمهوري", "حزب الحرية",
              "الحزب الاشتراكي"),
    "bank": ("بنك المغرب", "البنك الدولي", "البنك المركزي الأوروبي", "البنك المركزي المصري",
             "بنك إنجلترا", "البنك الأفريقي للتنمية"),
    "court": ("المحكمة الجنائية الدولية", "محكمة العدل الدولية", "المحكمة الإدارية", "المحكمة الدستورية",
              "المحكمة العليا"),
    "international": ("الأمم المتحدة", "جامعة الدول العربية", "الاتحاد الأوروبي", "الاتحاد الأفريقي",
                      "منظمة التعاون الإسلامي", "حلف شمال الأطلسي", "منظمة الصحة العالمية",
                      "صندوق النقد الدولي", "منظمة التجارة العالمية", "اليونسكو"),
    "authority": ("الهيئة العليا المستقلة للانتخابات", "الهيئة العامة للإحصاء", "المندوبية السامية للتخطيط",
                  "الجهاز المركزي للتعبئة العامة والإحصاء", "المفوضية العليا المستقلة للانتخابات"),
    "university": ("جامعة القاهرة", "جامعة لندن", "جامعة الملك سعود", "الجامعة الأمريكية في بيروت",
                   "جامعة السوربون", "جامعة هارفارد"),
}

_ORG_HEADS: tuple[tuple[str, str], ...] = (
    ("وكاله", "agency"), ("مجلس", "council"), ("المجلس", "council"), ("حزب", "party"), ("الحزب", "party"),
    ("بنك", "bank"), ("البنك", "bank"), ("محكمه", "court"), ("المحكمه", "court"), ("منظمه", "international"),
    ("الاتحاد", "international"), ("جامعه الدول", "international"), ("الامم", "international"),
    ("الهيئه", "authority"), ("هيئه", "authority"), ("المندوبيه", "authority"), ("المفوضيه", "authority"),
    ("جامعه", "university"), ("الجامعه", "university"),
)

# Public figures by the role word a same-role distractor must share.
PEOPLE: dict[str, tuple[str, ...]] = {
    "president": ("جو بايدن", "إيمانويل ماكرون", "رجب طيب أردوغان", "فلاديمير بوتين", "لولا دا سيلفا",
                  "نيكولاس مادورو", "شي جين بينغ", "عبد الفتاح السيسي", "قيس سعيد", "عبد المجيد تبون"),
    "minister": ("أنتوني بلينكن", "سيرغي لافروف", "هاكان فيدان", "أيمن الصفدي", "فيصل بن فرحان",
                 "سامح شكري", "جوزيب بوريل", "ناصر بوريطة"),
    "player": ("محمد صلاح", "رياض محرز", "أشرف حكيمي", "سالم الدوسري", "أكرم عفيف", "حكيم زياش",
               "يزن النعيمات", "المعز علي"),
    "writer": ("نجيب محفوظ", "محمود درويش", "نزار قباني", "الطيب صالح", "عبد الرحمن منيف",
               "غازي القصيبي", "طه حسين"),
    "official": ("أحمد أبو الغيط", "أنطونيو غوتيريش", "كريستالينا غورغييفا", "حسين إبراهيم طه",
                 "تيدروس أدهانوم غيبريسوس"),
}

_ROLE_WORDS: tuple[tuple[str, str], ...] = (
    ("رييس", "president"), ("الرييس", "president"), ("الملك", "president"), ("الامير", "president"),
    ("ولي", "president"), ("المرشح", "president"), ("زعيم", "president"), ("وزير", "minister"),
    ("الوزير", "minister"), ("لاعب", "player"), ("اللاعب", "player"), ("الحارس", "player"),
    ("المدرب", "player"), ("الاديب", "writer"), ("الشاعر", "writer"), ("الكاتب", "writer"),
    ("الروايي", "writer"), ("الامين", "official"), ("والي", "official"), ("محافظ", "official"),
)


# Country groups, so a distractor for an Arab country is another Arab country, and so on.
_COUNTRY_GROUPS: tuple[tuple[str, ...], ...] = (
    ("MA", "DZ", "TN", "LY", "EG", "SD", "MR", "SA", "AE", "QA", "KW", "BH", "OM", "YE", "JO", "LB", "SY",
     "IQ", "PS"),
    ("MX", "GT", "HN", "SV", "NI", "CR", "PA", "CU", "DO", "HT", "CO", "VE", "EC", "PE", "BO", "CL", "AR",
     "UY", "PY", "BR"),
    ("GB", "FR", "DE", "IT", "ES", "PT", "NL", "BE", "CH", "AT", "SE", "NO", "DK", "FI", "PL", "GR", "IE",
     "RU", "UA"),
    ("US", "CA", "GB", "FR", "DE", "RU", "CN", "JP", "IN"),
    ("CN", "JP", "KR", "IN", "PK", "ID", "MY", "TH", "VN", "PH", "IR", "AF", "BD", "TR"),
    ("NG", "ET", "KE", "ZA", "GH", "SN", "ML", "NE", "TD", "SO", "TZ", "UG", "CM", "CI"),
)

TERRITORIES: tuple[str, ...] = (
    "قطاع غزة", "الضفة الغربية", "هضبة الجولان", "إقليم كردستان", "دارفور", "شبه جزيرة القرم",
    "إقليم تيغراي", "جنوب لبنان", "شبه جزيرة سيناء", "إقليم الباسك",
)


@lru_cache(maxsize=1)
def _codes_by_name() -> dict[str, str]:
    return {fold(n): c for c, n in Locale("ar").territories.items() if len(c) == 2}


@lru_cache(maxsize=1024)
def related_countries(name: str) -> tuple[str, ...]:
    """Countries in the same group as ``name`` (Arab world, Latin America, Europe...), or ()."""
    names = Locale("ar").territories
    code = _codes_by_name().get(fold(name))
    if code is None:
        return ()
    out: list[str] = []
    for group in _COUNTRY_GROUPS:
        if code in group:
            out += [names[c] for c in group if c != code and c in names and names[c] not in out]
    return tuple(out)


@lru_cache(maxsize=1)
def countries() -> tuple[str, ...]:
    """Arabic names of countries from babel's CLDR data (two-letter codes only), sorted by code."""
    names = Locale("ar").territories
    return tuple(name for code, name in sorted(names.items())
                 if len(code) == 2 and code.isalpha() and code not in _NOT_COUNTRIES)


@lru_cache(maxsize=1)
def _country_keys() -> frozenset[str]:
    return frozenset(fold(c) for c in countries())


@lru_cache(maxsize=1)
def _kind_keys() -> tuple[tuple[str, frozenset[str]], ...]:
    return (("city", frozenset(fold(c) for c in CITIES)), ("region", frozenset(fold(r) for r in REGIONS)),
            ("region", frozenset(fold(t) for t in TERRITORIES)), ("site", frozenset(fold(s) for s in SITES)))


@lru_cache(maxsize=4096)
def place_kind(name: str) -> str | None:
    """Guess the kind of a place name: country, city, region or site; None when unknown."""
    f = fold(name)
    if f in _country_keys():
        return "country"
    for kind, keys in _kind_keys():
        if f in keys:
            return kind
    return None


def pool_for_place(kind: str | None) -> tuple[str, ...]:
    """Fallback names for a place of ``kind``."""
    if kind == "country":
        return countries()
    if kind == "city":
        return CITIES
    if kind == "region":
        return REGIONS + TERRITORIES
    if kind == "site":
        return SITES
    return ()


@lru_cache(maxsize=4096)
def org_group(name: str) -> str | None:
    """The group (agency, council, party...) an organization belongs to, by its head word or membership."""
    f = fold(name)
    for group, names in ORGANIZATIONS.items():
        if f in {fold(n) for n in names}:
            return group
    for head, group in _ORG_HEADS:
        if f.startswith(head + " ") or f == head:
            return group
    return None


def role_group(role: str | None) -> str | None:
    """The group (president, minister...) of a person's role or title, by its first word."""
    if not role:
        return None
    for w in fold(role).split():
        for word, group in _ROLE_WORDS:
            if w == word:
                return group
    return None
