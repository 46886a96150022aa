"""How much: «ما نسبة ...؟», «كم بلغ عدد ...؟», «كم يبلغ عمر ...؟» for the figure shapes that read well."""

from __future__ import annotations

from questions import lists
from questions.normalize import fold, strip_diacritics
from questions.realize.words import (
    PUNCT,
    Mention,
    Word,
    clause_initial,
    cut_second_clause,
    drop_conj,
    explicit_subject,
    finish,
    index_at,
    is_verb,
    masdar_spellings,
    masdar_verbs,
    orig_without_conj,
    shorten,
    verb_masdars,
    verb_text,
    words_of,
)


def _np_back(words: list[Word], i: int, limit: int = 5) -> list[Word] | None:
    """The noun phrase ending at word i-1, back to إن/أن/a comma/clause start; None when a word of
    approximation («نحو», «حوالي») stands in it."""
    j = i - 1
    out: list[Word] = []
    while j >= 0 and len(out) < limit:
        w = words[j]
        if w.bare in lists.folded("generation/realize_prepositions"):
            return None  # «معدل الوفيات بين المصابين بلغ»: the words are a preposition's object, not what reached
        if w.bare in ("ان", "بان", "انه") or w.text.endswith("،") or is_verb(w):
            break
        out.insert(0, w)
        j -= 1
    if any(w.bare in lists.folded("generation/realize_approximations") for w in out):
        return None
    return out or None


def percent_question(sentence: str, start: int, end: int, mentions: list[Mention]) -> str | None:
    """«ما نسبة ...؟» / «كم بلغت ...؟» for the few percentage shapes that read well."""
    words = words_of(sentence)
    a, b = index_at(words, start), index_at(words, max(start, end - 1))
    if a < 1 or b < 0:
        return None
    prev = words[a - 1]
    after = words[b + 1:]
    # «بحصوله على 40% من الأصوات» / «وحصلت القوائم المستقلة على 63 بالمئة من المقاعد».
    if prev.bare == "علي" and len(after) >= 2 and after[0].bare == "من":
        noun_words = [after[1]]
        if len(after) > 2 and after[1].text[-1:] not in "،." and after[2].bare.startswith("ال") \
                and after[2].bare not in lists.folded("generation/realize_temporal"):
            noun_words.append(after[2])
        head = noun_words[0].bare
        if not (head.startswith("ال") and (head.endswith(("ات", "ه")) or head in lists.folded("generation/realize_broken_plurals"))):
            return None
        noun = " ".join(w.text for w in noun_words).strip("،.")
        k = a - 2
        if k < 0:
            return None
        kb = drop_conj(words[k])
        if kb in ("بحصوله", "بحصولها", "حصوله", "حصولها"):
            verb = "حصل" if kb.endswith("ه") else "حصلت"
            subj_m = [m for m in mentions if m.end <= words[k].start and m.type == "person"]
            subj_m = subj_m or [m for m in mentions if m.end <= words[k].start and m.type == "organization"]
            if not subj_m:
                return None
            subj = subj_m[-1].name
            return finish(f"ما نسبة {noun} التي {verb} عليها {subj}")
        # Verb form: VERB SUBJ... على
        v = k
        while v >= 0 and not is_verb(words[v]) and a - v <= 7:
            v -= 1
        if v < 0 or drop_conj(words[v]) not in ("حصل", "حصلت") or not clause_initial(words, v):
            return None
        if not explicit_subject(words, v + 1, mentions, words[v]):
            return None
        subj = " ".join(w.text for w in words[v + 1:a - 1])
        return finish(f"ما نسبة {noun} التي {verb_text(words[v])} عليها {subj}")
    # «... نسبة المشاركة بلغت 11.66 في المائة من إجمالي الناخبين»
    if prev.bare in ("بلغت", "بلغ"):
        back = _np_back(words, a - 1)
        if not back or back[0].bare.removeprefix("ال") not in lists.folded("generation/measure_nouns"):
            return None  # «سجلت المحافظة الجنوبية أعلى نسبة بلغت ...»: only a measure («نسبة المشاركة») reaches a figure
        if any(w.bare[:1] in "بل" and not w.bare.startswith("ال") for w in back[1:]):
            return None  # «التنبؤ بالإصابة بدقة بلغت»: a phrase with a preposition is not what «بلغت» agrees with
        tail = cut_second_clause(" ".join(w.text for w in after))
        rest = ""
        if tail and tail.split()[0].strip(PUNCT) in ("من", "في", "خلال"):
            r = shorten(tail, 1, 8)
            rest = r if r and len(r.split()) <= 8 else ""
        np_text = " ".join(w.text for w in back)
        return finish(f"كم {prev.text} {np_text} {rest}")
    # «انخفاض أسعار المواد الغذائية بنسبة 5ر2%» / «ارتفعت أسعار المحروقات بنحو 1ر7%»
    if prev.bare in ("بنسبه", "بنحو", "بمعدل"):
        if any(w.bare == "اساس" for w in words[:a]):
            return None  # «وعلى أساس فصلي، نما الاقتصاد بنسبة 1.3%»: «ما نسبة نمو الاقتصاد؟» would lose the basis
        j = a - 2
        np: list[Word] = []
        while j >= 0 and len(np) < 6:
            w = words[j]
            if w.bare in masdar_verbs() or is_verb(w) or w.text.endswith("،"):
                break
            if drop_conj(w) in lists.folded("generation/realize_subordinators"):
                return None  # «نمو بين الشركاء بعدما قفزت بنسبة 27%»: the figure is in a clause of its own
            np.insert(0, w)
            j -= 1
        if j < 0 or not np or not any(w.bare.startswith("ال") for w in np):
            return None  # «ما نسبة نمو اقتصادي؟»: the growth of what?
        head_w = words[j]
        hb = drop_conj(head_w)
        if hb in masdar_verbs():
            masdar = masdar_spellings()[hb]
        elif is_verb(head_w):
            base = hb[:-1] if hb.endswith("ت") and hb not in verb_masdars() else hb
            if base not in verb_masdars() or not clause_initial(words, j):
                return None
            masdar = verb_masdars()[base]
        else:
            return None
        tail = cut_second_clause(" ".join(w.text for w in after))
        rest = ""
        if tail:
            r = shorten(tail, 1, 5)
            if r and len(r.split()) <= 4 and not tail.startswith("،") and words[b].text[-1:] not in "،.":
                rest = r
        return finish(f"ما نسبة {masdar} {' '.join(w.text for w in np)} {rest}")
    # «سجّل معدل التضخم السنوي في المغرب تراجعاً إلى ٣٫٤٪ خلال شهر مارس»
    if prev.bare == "الي" and a >= 2 and drop_conj(words[a - 2]).rstrip("ا") in masdar_verbs():
        masdar = drop_conj(words[a - 2]).rstrip("ا")
        verb = masdar_verbs()[masdar]
        v = a - 3
        while v >= 0 and not is_verb(words[v]):
            v -= 1
        if v < 0 or not clause_initial(words, v) or a - 3 - v > 6:
            return None
        np = words[v + 1:a - 2]
        if not np or not (np[0].bare.startswith("ال") or np[1:2] and np[1].bare.startswith("ال")):
            return None
        if np[0].bare.endswith("ه"):
            verb = verb[:-1] + "ت" if verb.endswith("ا") else verb + "ت"
        tail = cut_second_clause(" ".join(w.text for w in after))
        r = shorten(tail, 1, 5) if tail and words[b].text[-1:] not in "،." else ""
        rest = r if r and len(r.split()) <= 4 else ""
        return finish(f"إلى أي نسبة {verb} {' '.join(w.text for w in np)} {rest}")
    return None


def _acc_unit(w: Word) -> bool:
    t = strip_diacritics(w.text.strip(PUNCT))
    return t.endswith("ا") and ("ً" in w.text or t.endswith("ا")) and len(t) >= 3


def number_question(sentence: str, start: int, end: int, mentions: list[Mention],
                    unit: str | None) -> str | None:
    """«كم بلغ عدد ...؟», «كم متفرجاً حضر المباراة؟», «كم يبلغ عمر ...؟» for counts that read well."""
    words = words_of(sentence)
    a, b = index_at(words, start), index_at(words, max(start, end - 1))
    if a < 1 or b < 0:
        return None
    prev = words[a - 1]
    # Age in brackets after a name: «عصفورة» (67 عامًا)
    if sentence[:start].rstrip().endswith("(") and unit and fold(unit).rstrip("ا") in ("عام", "عاما", "سنه"):
        before = sentence[:start].rstrip()[:-1].rstrip()
        people = [m for m in mentions if m.type == "person" and before.endswith(sentence[m.start:m.end].rstrip("»"))
                  or m.type == "person" and m.end >= len(before) - 1 and m.end <= len(before) + 1]
        if people:
            return finish(f"كم يبلغ عمر {people[-1].name}")
        return None
    # «عدد الناخبين المسجلين بلغ ...» / «بلغ عدد ...»
    if prev.bare == "بلغ":
        np = _np_back(words, a - 1)
        if np and np[0].bare == "عدد" and len(np) >= 2:
            return finish("كم بلغ " + " ".join(w.text for w in np))
        if a >= 2:
            return None
    if a >= 3 and words[a - 1].bare != "بلغ":
        j = a - 1
        np2: list[Word] = []
        while j >= 0 and not is_verb(words[j]) and len(np2) < 5:
            np2.insert(0, words[j])
            j -= 1
        if j >= 0 and drop_conj(words[j]) == "بلغ" and np2 and np2[0].bare == "عدد" and len(np2) >= 2:
            return finish("كم بلغ " + " ".join(w.text for w in np2))
    # «وحضر المباراة 86 ألفاً و492 متفرجاً، ...» / «البيان الختامي، الذي تضمّن 31 بنداً»
    last = words[b]
    if not unit or not _acc_unit(last) or last.bare[:3] != fold(unit)[:3]:
        return None
    closes = last.text.endswith(("،", ".", ",")) or b + 1 == len(words)
    if not closes:
        return None
    unit_text = strip_diacritics(last.text.strip(PUNCT))
    unit_text = unit_text[:-1] + "اً" if unit_text.endswith("ا") and not unit_text.endswith("اً") else unit_text
    j = a - 1
    mid: list[Word] = []
    while j >= 0 and not is_verb(words[j]) and len(mid) < 5:
        if words[j].text.endswith("،") or words[j].bare in ("اكثر", "اقل", "نحو", "حوالي"):
            return None
        mid.insert(0, words[j])
        j -= 1
    if j < 0 or not is_verb(words[j]):
        return None
    if words[j - 1].bare in ("الذي", "التي") if j >= 1 else False:
        k = j - 1
        if k < 1 or not words[k - 1].text.endswith("،"):
            return None
        seg_start = k - 1
        while seg_start > 0 and not words[seg_start - 1].text.endswith("،"):
            seg_start -= 1
        np = [w for w in words[seg_start:k]]
        if np and is_verb(np[0]):
            np = np[1:]  # «وطالب البيان الختامي، الذي ...»: the main verb is not part of the name
        if not np or not np[0].bare.lstrip("و").startswith("ال") or len(np) > 4:
            return None
        np_text = " ".join(orig_without_conj(w) if i == 0 else w.text for i, w in enumerate(np)).strip("،")
        return finish(f"كم {unit_text} {verb_text(words[j])} {np_text}")
    if not clause_initial(words, j) or not mid:
        return None
    if drop_conj(words[j]) in lists.folded("generation/saying_verbs") or \
            any(w.bare.removeprefix("و") in ("عددها", "عدده", "عددهم") for w in mid):
        return None  # «قال فلان ... وعددها 6,240 فريقاً»: the count belongs to a noun the verb did not count
    return finish(f"كم {unit_text} {verb_text(words[j])} {' '.join(w.text for w in mid)}")

