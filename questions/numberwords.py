"""Arabic number words (folded) and their values: units, teens, tens, hundreds, scales and fractions."""

from __future__ import annotations

from dataclasses import dataclass

# Words for 1-10 (folded). The bare short forms are common words too (ست "lady", سبع "lion",
# خمس "a fifth"), so they count only before a counted noun or inside a compound number.
UNITS: dict[str, int] = {
    "واحد": 1, "واحده": 1, "اثنان": 2, "اثنين": 2, "اثنتان": 2, "اثنتين": 2, "اثنا": 2, "اثني": 2,
    "اثنتا": 2, "اثنتي": 2, "ثلاث": 3, "ثلاثه": 3, "اربع": 4, "اربعه": 4, "خمس": 5, "خمسه": 5,
    "ست": 6, "سته": 6, "سبع": 7, "سبعه": 7, "ثمان": 8, "ثماني": 8, "ثمانيه": 8, "تسع": 9, "تسعه": 9,
    "عشر": 10, "عشره": 10,
}
SHORT = {"ثلاث", "اربع", "خمس", "ست", "سبع", "ثمان", "ثماني", "تسع", "عشر", "واحد", "واحده"}
TEENS = {"احد عشر": 11, "احدي عشره": 11}
TENS: dict[str, int] = {}
for _stem, _v in (("عشر", 20), ("ثلاث", 30), ("اربع", 40), ("خمس", 50), ("ست", 60), ("سبع", 70),
                  ("ثمان", 80), ("تسع", 90)):
    TENS[_stem + "ون"] = _v
    TENS[_stem + "ين"] = _v
HUNDREDS: dict[str, int] = {}
for _h in ("ميه", "مايه"):
    HUNDREDS[_h] = 100
    for _stem, _v in (("ثلاث", 3), ("اربع", 4), ("خمس", 5), ("ست", 6), ("سبع", 7), ("ثمان", 8),
                      ("تسع", 9)):
        HUNDREDS[_stem + _h] = _v * 100
for _h in ("ميتان", "ميتين", "ميتا", "ميتي", "مايتان", "مايتين", "مايتا", "مايتي"):
    HUNDREDS[_h] = 200


@dataclass(frozen=True)
class Scale:
    size: int
    times: int = 1  # 2 for duals (ألفي, مليونين)
    plural: bool = False  # آلاف، ملايين need a count before them


SCALES: dict[str, Scale] = {}
for _sing, _plur, _dual_stem, _size in (("الف", "الاف", "الف", 1000), ("مليون", "ملايين", "مليون", 10**6),
                                        ("مليار", "مليارات", "مليار", 10**9), ("بليون", "بلايين", "بليون", 10**9),
                                        ("تريليون", "تريليونات", "تريليون", 10**12),
                                        ("ترليون", "ترليونات", "ترليون", 10**12)):
    SCALES[_sing] = SCALES[_sing + "ا"] = Scale(_size)
    SCALES[_plur] = Scale(_size, plural=True)
    for _d in ("ان", "ين", "ي"):
        SCALES[_dual_stem + _d] = Scale(_size, times=2)

WORD_VALUES: dict[str, int] = {**UNITS, **TEENS, **TENS, **HUNDREDS}
# نصف مليون، ربع مليار: fractions count only in front of a scale word.
FRACTIONS = {"نصف": 0.5, "ربع": 0.25}
