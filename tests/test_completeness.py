"""A statement or stem must still say what its sentence reported."""

from __future__ import annotations

import pytest

from questions.completeness import (drops_a_conjunct, opens_in_the_accusative, ends_unfinished, half_a_pair, leans_back, lost_whole, opens_as_fragment,
                                    only_reacts, owner_missing, predicate_missing, says_something, speaks_here, stops_before_its_predicate,
                                    subject_missing)


@pytest.mark.parametrize(("text", "says"), [
    ("أشار البنك إلى أن عجز الميزانية", False),  # «أن» with a subject and nothing said of it
    ("قال البروفيسور عمر الزهراني، قائد الفريق البحثي بالجامعة", False),  # who spoke, not what
    ("أظهرت الاختبارات الميدانية التي أجراها الفريق على مدى 12 شهراً", False),  # what they showed is gone
    ("تدير الهيئة العامة للاستثمار، التي تأسست", False),  # a relative clause left on its own
    ("ذكر البيان أن الجلسة، التي عُقدت برئاسة النائب الأول وبحضور 219 نائبا من أصل 329", False),  # no predicate
    ("ذكر البيان أن الجلسة، التي عُقدت أمس، شهدت التصويت على القانون", True),
    ("وقال وزير الخارجية إن الزيارة تاريخية", True),
    ("قال الوزير إن الحملة تستمر أربعة أيام", True),
    ("كشفت المؤسسة عن نتائج جولة العطاءات", True),
    ("أعلنت الوزارة إطلاق حملة قومية للتطعيم", True),
    ("أكد الرئيس أهمية التعاون بين البلدين", True),  # «أكد» takes its object directly
    ("قال الوزير: «الحملة مستمرة»", True),
    ("اعتبر نائب رئيس جمعية الصناعيين في اتصال معنا", False),  # what he held is gone
    ("أفادت المنظمة الدولية للهجرة في تقرير أولي بأن نحو _____ أسرة", False),  # and the families?
    ("أفادت المنظمة بأن نحو _____ أسرة تضررت", True),
    ("لجان التحكيم، التي ضمت _____ محكماً من 19 جنسية", False),  # and what did the juries do?
    ("أشار المحلل إلى أن هامش الربح الصافي للناقلة، البالغ نحو _____.", False),  # and the margin?
    ("أشار المحلل إلى أن هامش الربح الصافي للناقلة، البالغ نحو _____، يفوق المعدل العالمي", True),
    ("لجان التحكيم، التي ضمت 63 محكماً، عقدت _____ اجتماعاً", True),
    ("أقر المجلس، الذي انعقد أمس، القانون بأغلبية _____", True),
    ("التضخم الأساسي، الذي يستثني المواد المتقلبة الأسعار يُتوقع أن يبلغ _____ هذه السنة", True),
    ("اعتبر نائب رئيس الجمعية أن الزيادة ستضر المؤسسات", True),
    ("ذكرت الوزارة في بيانها", False),
    ("شملت التحقيقات 412 بيان استيراد، تبيّن أن _____ منها", False),  # what the 187 of them did is gone
    ("وأوضح أن الحملة ناجحة", True),
    ("أوضحت المصلحة أن المخزون الحالي في البحيرة، التي تبلغ سعتها 220 مليون متر مكعب", False),  # and the stock?
    ("أوضحت المصلحة أن الوزارة وزعت المساعدات على الأسر، التي تضررت من السيول", True),
    ("بعد أكثر من _____ سنوات من العتمة", False),  # the phrase that framed the news, without the news
    ("بعد أكثر من _____ سنوات من العتمة تستعد البلدية لإنارة الشوارع", True),
])
def test_says_something(text: str, says: bool) -> None:
    assert says_something(text) is says


@pytest.mark.parametrize(("text", "fact", "missing"), [
    ("يعد الصندوق الكويتي للتنمية الاقتصادية العربية", "الصندوق الكويتي للتنمية الاقتصادية العربية", True),
    ("ويعد الصندوق الكويتي للتنمية", "الصندوق الكويتي للتنمية", True),  # a glued و changes nothing
    ("لا يزال المرصد الأورومتوسطي", "المرصد الأورومتوسطي", True),
    ("يعد الصندوق الكويتي أول مؤسسة تنموية في المنطقة", "الصندوق الكويتي", False),  # said of it: kept
    ("يعد الصندوق أول مؤسسة تنموية", "أول مؤسسة تنموية", False),  # the fact is what is said
    ("أعلن الصندوق الكويتي للتنمية", "الصندوق الكويتي للتنمية", False),  # no linking verb
])
def test_a_linking_verb_with_its_subject_alone_misses_its_predicate(text: str, fact: str, missing: bool) -> None:
    start = text.index(fact)
    assert predicate_missing(text, start, start + len(fact)) is missing


@pytest.mark.parametrize(("text", "name", "speaks"), [
    ("قال زهير بنخلدون: «الحسابات المدارية تستبعد أي خطر».", "زهير بنخلدون", True),
    ("أقرّ مدرب الدحيل سالم العبيدلي بأن فريقه دفع ثمن التراجع البدني.", "سالم العبيدلي", True),
    ("وقالت مديرة دائرة التوعية في الوزارة، هدى الساعدي: «نحن أمام أزمة».", "هدى الساعدي", True),
    ("وسجل المهاجم سالم العبيدلي هدف الفوز في الدقيقة 80.", "سالم العبيدلي", False),
    ("قال الوزير إن سالم العبيدلي سيتولى الملف.", "سالم العبيدلي", False),  # named in what was said
    ("أوضح رئيس مجلس إدارة الشركة، المهندس طارق عبد الرحيم، أن المحطة تعمل.", "طارق عبد الرحيم", True),
    ("رحب نور الدين الكتاني، رئيس فرع الجمعية، بالحكم.", "نور الدين الكتاني", True),  # a reaction
    ("أعرب الحاج محمود عبد الستار عن ارتياحه لافتتاح المحطة.", "محمود عبد الستار", True),
    ("وقال وزير الصحة خالد عبد الغفار في مؤتمر صحفي بالقاهرة إن الحملة تستمر.", "خالد عبد الغفار", True),
    ("وقال رئيس «المرصد اللبناني» كريم حداد إن الحكم خطوة نادرة.", "كريم حداد", True),  # a body's name in quotes
    ("وقال الوزير إن الفريق بقيادة خالد عبد الغفار في ملعب القاهرة والجيزة والإسكندرية وطنطا سجل أن", "خالد عبد الغفار",
     False),  # named inside what was said, far from any «إن» of his own
])
def test_a_name_is_the_speaker_of_what_follows_it(text: str, name: str, speaks: bool) -> None:
    start = text.index(name)
    assert speaks_here(text, start, start + len(name)) is speaks


@pytest.mark.parametrize(("text", "missing"), [
    ("أُحيل 180 ملفاً إلى القضاء", False),  # a count after a passive verb is its subject
    ("ألزمت المتهمين بالتضامن بدفع تعويض للخزينة", True),
    ("كان قد خضع عام 2024 لعملية تحديث", True),
    ("أعلنت أن حملة ثانية تستهدف الأطفال", True),  # who announced?
    ("برّأت المحكمة أربعة متهمين لعدم كفاية الأدلة", False),
    ("أعلنت الهيئة العامة للإحصاء ارتفاع التضخم", False),
    ("استقبل عبد المجيد تبون نظيره الموريتاني", False),  # a name after the verb is its subject
    ("وقعت الجزائر وموريتانيا 14 اتفاقية", False),
    ("تتضمن توفير نحو 7200 موقف إضافي للسيارات", True),  # what includes it?
    ("وتشمل تركيب 260 فتحة تصريف إضافية", True),
    ("تشمل الخطة تركيب 260 فتحة تصريف إضافية", False),
    ("يبلغ نحو 19.3 مليار دينار، أي 79 بالمئة من المصروفات", True),  # what amounts to it?
    ("تبلغ قيمة الجائزة الأولى 10 ملايين أوقية", False),
    ("تعتزم طرح إصدار من الصكوك السيادية بقيمة 150 مليون ريال", True),  # who intends to?
    ("يفرض غرامات تتراوح بين 50 ألف جنيه و700 ألف جنيه", True),
    ("تخطط لفتح ثلاثة مستودعات لوجستية قبل نهاية السنة", True),
    ("بلغت _____ ملليمتراً خلال نحو أربع ساعات", True),  # what reached it?
    ("قضت بالسجن المشدد عشر سنوات لثلاثة متهمين", True),  # who sentenced them?
    ("كانت الأدنى في دائرة بيروت الأولى بـ22.8%", True),  # the lowest of what?
    ("ارتفعت بنسبة _____ لتصل إلى 412 مليار درهم", True),  # what rose?
    ("بقيت دون توقعات الهيئة التي كانت تراهن على تجاوز عتبة _____", True),  # what stayed below them?
    ("بقيت نسبة المشاركة دون توقعات الهيئة", False),
    ("ارتفعت الصادرات بنسبة _____ لتصل إلى 412 مليار درهم", False),
    ("كانت نسبة المشاركة الأدنى في دائرة بيروت الأولى", False),
    ("شددا على أهمية حرية الملاحة في مضيق هرمز", True),  # who are the two?
    ("أكدا أن التعاون بين البلدين يشمل الطاقة", True),
    ("اتفق الجانبان على عقد الدورة المقبلة في هانوي", False),
    ("دعا الوزير إلى التهدئة", False),
])
def test_a_clause_whose_subject_went_with_the_clause_before(text: str, missing: bool) -> None:
    assert subject_missing(text) is missing


@pytest.mark.parametrize(("text", "unfinished"), [
    ("سجلت الأحمال رقماً قياسياً بلغ _____ ميغاواط، متجاوزة الرقم السابق والمسجل.", True),
    ("من المقرر أن يحال المشروع على مجلس المستشارين خلال الدورة التي تفتتح في", True),
    ("تبدأ الجلسة عند الساعة السابعة مساء", False),  # a time of day ends a clause
    ("بلغت نسبة المشاركة _____ في الانتخابات.", False),
    ("لا يغطي الإنتاج المحلي سوى ربع الاحتياجات، ويعد مشروع الجزيرة", True),  # a copula and its subject
    ("ويعد مشروع الجزيرة أكبر مشروع زراعي في البلاد", False),
    ("تضم المرحلة الأولى خمسة أرصفة للحاويات بطول إجمالي", True),  # «إجمالي» needs its figure
    ("يسجل لبنان، وفق تقديرات الوكالة الدولية لأبحاث السرطان", True),  # what Lebanon records was cut
    ("ارتفع التضخم إلى 5%، وفق البيانات الرسمية", False),
])
def test_a_stem_stopping_on_a_word_that_needs_what_follows(text: str, unfinished: bool) -> None:
    assert ends_unfinished(text) is unfinished


@pytest.mark.parametrize(("text", "missing"), [
    ("كم هدفاً سجل لاعبوه؟", True),
    ("لم تهتز شباكه سوى 17 مرة", True),
    ("توّج زميله رودريغو بلقب الهداف", True),
    ("أعلن النادي أن مدربه سيغادر", False),  # the club is named before its coach
    ("بلغت نسبة المياه المعالجة 40%", False),  # «المياه» owns its ه
    ("قالت الوزارة إن 12 منهم تلقوا العلاج", False),  # a preposition with its pronoun
    ("كم بلغت نسبة استحواذ فريقه؟", True),  # whose team?
    ("كم هدفاً استقبلت شباكه؟", True),
])
def test_a_stem_opening_on_a_noun_owned_by_someone_it_does_not_name(text: str, missing: bool) -> None:
    assert owner_missing(text) is missing


@pytest.mark.parametrize(("prompt", "leans"), [
    ("كم باحثاً شارك فيه؟", True),  # in what?
    ("كم مترشحاً نجح منهم؟", True),  # of whom?
    ("كم مترشحاً نجح في امتحان البكالوريا؟", False),
    ("كم باحثاً شارك في المشروع؟", False),
    ("ارتفعت الصادرات بنسبة _____ مقارنة بالفترة نفسها من العام الماضي.", False),  # said whole
    ("ارتفعت الصادرات بنسبة _____ خلال الفترة نفسها.", True),
])
def test_a_question_ending_on_a_pronoun_leans_back(prompt: str, leans: bool) -> None:
    assert leans_back(prompt) is leans


@pytest.mark.parametrize(("prompt", "leans"), [
    ("تسعى الحكومة إلى رفعه إلى _____ طن بحلول عام 2027.", True),  # raise what?
    ("تأخر افتتاحه نحو _____ أشهر عن الموعد المحدد.", True),  # whose opening?
    ("فقد المشروع منذ انطلاقه أكثر من _____ من عناصره.", False),  # the project's launch
    ("أعلنت الوزارة تطوير الملعب وتوسيعه ليتسع _____ متفرج.", False),  # the stadium's
    ("سجل الفرع الأدبي نسبة _____.", True),  # a share of what?
    ("سجل الفرع الأدبي نسبة نجاح _____.", False),
    ("هل العبارة الآتية صحيحة بحسب المقال: سجل الفرع الأدبي نسبة ٧٢٫٩ في المئة؟", True),
    ("حصل 14 طالباً على معدل _____.", False),  # a student's average, said whole
    ("حصل المرشح على نسبة _____ من الأصوات.", False),
])
def test_a_verbal_noun_s_pronoun_needs_a_noun_before_it(prompt: str, leans: bool) -> None:
    assert leans_back(prompt) is leans


@pytest.mark.parametrize(("prompt", "leans"), [
    ("سجلت محافظة عجلون أدنى نسبة عند _____.", True),  # a share of what?
    ("سجلت الولاية أعلى معدل بـ_____ ملم.", True),
    ("سجلت محافظة العاصمة أدنى نسبة بنحو _____.", True),
    ("سجلت محافظة العاصمة أدنى نسبة مشاركة بنحو _____.", False),
    ("سجلت محافظة عجلون أدنى نسبة إصابة بالمرض عند _____.", False),
    ("بلغت أعلى نسبة نجاح _____.", False),
])
def test_a_record_share_needs_what_it_measures(prompt: str, leans: bool) -> None:
    assert leans_back(prompt) is leans


@pytest.mark.parametrize(("prompt", "leans"), [
    ("ما التغير الذي طرأ على إنتاج القمح في ذلك الموسم بحسب المقال؟", True),  # which season?
    ("ما التغير الذي طرأ على إنتاج القمح هذا الموسم بحسب المقال؟", False),  # the season the news is told in
])
def test_that_season_points_back_and_this_season_does_not(prompt: str, leans: bool) -> None:
    assert leans_back(prompt) is leans


@pytest.mark.parametrize(("prompt", "leans"), [
    ("حقق الأول أرباحا بلغت _____ دينار.", True),  # the first of what?
    ("سجل الثاني _____ دينار، وحل بنك بوبيان ثالثا.", True),
    ("يجري استيراد الباقي بكلفة تتجاوز _____ دولار سنويا.", True),  # the rest of what?
    ("حقق البنك الأول في الكويت أرباحا بلغت _____ دينار.", False),
])
def test_a_ranked_place_or_the_rest_alone_leans_back(prompt: str, leans: bool) -> None:
    assert leans_back(prompt) is leans


def test_during_it_leans_back() -> None:
    assert leans_back("تجاوز عدد المسافرين خلاله _____ مسافر.")
    assert not leans_back("تجاوز عدد المسافرين خلال شهر أغسطس _____ مسافر.")


@pytest.mark.parametrize(("prompt", "leans"), [
    ("لم يتسلم سوى نحو 60 بالمئة منهم مستحقاتهم حتى الآن", True),  # of whom?
    ("بقي آلاف آخرون في عداد المفقودين، ونزح أكثر من _____.", True),  # others than whom?
    ("تلقى 600 شخص العلاج، 60 بالمئة من الأطفال، في المستشفيات.", False),
])
def test_a_share_of_them_or_others_lean_back(prompt: str, leans: bool) -> None:
    assert leans_back(prompt) is leans


@pytest.mark.parametrize(("text", "fragment"), [
    ("أكد الحارثي، في كلمته خلال الجلسة الختامية", True),  # stated what?
    ("أكد الوزير التزام الحكومة بخفض العجز إلى 3% خلال العام المقبل", False),  # what he stated is the object
    ("أكد الحارثي، في كلمته، أن العلاقات تشهد نقلة نوعية", False),
])
def test_a_stating_verb_needs_what_was_stated(text: str, fragment: bool) -> None:
    assert opens_as_fragment(text) is fragment


@pytest.mark.parametrize(("text", "fragment"), [
    ("لتبلغ 28.7 مليار ريال، مقابل نحو 25.5 مليار ريال قبل عام", True),  # what reached it?
    ("ما رفع نسبة البحرينيين من إجمالي العاملين في القطاع إلى 18.5%", True),  # what raised it?
    ("الجانبين يتطلعان إلى تجاوز 300 مليون دولار بحلول عام 2028", True),  # «وأن الجانبين»
    ("ما زالت الحكومة تدرس رفع الأسعار بنسبة 5%", False),
    ("ليبيا تستأنف تصدير النفط من ميناء السدرة", False),
])
def test_a_clause_of_result_or_a_dual_left_of_anna_is_a_fragment(text: str, fragment: bool) -> None:
    assert opens_as_fragment(text) is fragment


@pytest.mark.parametrize(("text", "name", "cut"), [
    ("كان أبو عمر الجندلي، البالغ من العمر 58 عاماً", "", True),  # what he was doing went
    ("يعد تلسكوب القطامية، الذي يبلغ قطر مرآته 1.88 متر", "", True),  # what the telescope is went
    ("في قضاء القرنة، قال حسين جبار", "حسين جبار", True),  # what he said went
    ("في قضاء القرنة، قال حسين جبار", "", True),
    ("في حي عصيفرة، تروي فاطمة محمد", "فاطمة محمد", True),  # what she recounts went
    ("انتقد الأمين العام المساعد للاتحاد العام التونسي للشغل، سامي العياري", "سامي العياري", True),
    ("انتقد الأمين العام المساعد للاتحاد قرار الحكومة", "", False),
    ("قال الوزير إن الحكومة ستدعم المزارعين", "", False),
    ("يعد المشروع، الذي بدأ عام 2020، أكبر مشروع في المنطقة", "", False),
    ("رحب الأمين العام بالقرار، الذي اتخذه المجلس", "", False),  # it says what he welcomed
    ("كانت نسبة النجاح 85%", "", False),
    ("ظلت الأسعار مرتفعة", "", False),
    ("انطلق المعرض بمشاركة 760 عارضاً، بين ناشرين مباشرين وغير مباشرين", "", False),  # «بين» stands between
    ("فمعتز عثمان، وهو مهندس شاب عمل خلال فترة لجوئه سائق توصيل في الجيزة", "", True),  # a name described
])
def test_a_statement_stopping_before_its_predicate(text: str, name: str, cut: bool) -> None:
    assert stops_before_its_predicate(text, name) is cut


@pytest.mark.parametrize(("text", "sentence", "half"), [
    ("تجاوزت نسبة الإشغال _____ خلال شهري يوليو.", "تجاوزت نسبة الإشغال 91% خلال شهري يوليو وأغسطس.", True),
    ("معظمهم من مصر عبر معبري أرقين", "قدموا من خارج البلاد، معظمهم من مصر عبر معبري أرقين وأشكيت.", True),
    ("تركزت الإصابات في محليتي كوستي", "تركزت الإصابات في محليتي كوستي وربك.", True),
    ("جرت الجلسة يومي 11", "جرت الجلسة يومي 11 و12 جويلية.", True),
    ("جرت الجلسة يومي 11 و12 جويلية", "جرت الجلسة يومي 11 و12 جويلية.", False),
    ("انقطع الطريق الرابط بين سيئون", "انقطع الطريق الرابط بين سيئون وتريم في ثلاثة مواقع.", True),
    ("تلتها ولايتا تندوف", "سجلت إليزي أعلى نسبة، تلتها ولايتا تندوف وتيسمسيلت.", True),  # the nominative dual
    ("انقطع الطريق الرابط بين سيئون وتريم", "انقطع الطريق الرابط بين سيئون وتريم في ثلاثة مواقع.", False),
    ("يمتد السور حتى جيبوتي شرقاً", "يمتد السور حتى جيبوتي شرقاً، ويمر في موريتانيا.", False),  # a comma, not a pair
    ("لم تتجاوز حصتها 11% من إجمالي الصادرات", "لم تتجاوز حصتها 11% من إجمالي الصادرات والواردات.", False),
    # «كل من» counts several: a text keeping one of them is half the list
    ("تضمنت تعيين كل من الدكتور خالد الصالح وكيلا مساعدا", "تضمنت تعيين كل من الدكتور خالد الصالح وكيلا مساعدا، "
     "والمهندسة دلال الرشيدي مديرة.", True),
    ("يتولى تشغيل المشروع كل من شركة بي بي وكوسموس", "يتولى تشغيل المشروع كل من شركة بي بي وكوسموس.", False),
])
def test_a_text_naming_one_of_the_two_a_dual_counts(text: str, sentence: str, half: bool) -> None:
    assert half_a_pair(text, sentence) is half


SHARES = "استحوذت الدول العربية على 36% من إجمالي الصادرات، والاتحاد الأوروبي على 29%، فيما لم تتجاوز حصة الدول الأفريقية 7%."


@pytest.mark.parametrize(("stem", "figure", "lost"), [
    ("لم تتجاوز حصة الدول الأفريقية _____.", "7%", True),  # a share of what?
    ("لم تتجاوز حصة الدول الأفريقية من إجمالي الصادرات _____.", "7%", False),
    ("استحوذت الدول العربية على _____ من إجمالي الصادرات.", "36%", False),  # the first names its whole
])
def test_a_share_cut_from_the_clause_set_against_the_one_naming_its_whole(stem: str, figure: str, lost: bool) -> None:
    at = SHARES.index(figure)
    assert lost_whole(stem, SHARES, at, at + len(figure)) is lost


@pytest.mark.parametrize("sentence", [
    "ارتفعت الصادرات 36% من الإجمالي، فيما تراجعت الواردات بنسبة 7%.",  # a rate of change, no share
    "بلغت حصة الصادرات 36% من الإجمالي، فيما لم تتجاوز نسبة التنفيذ 7%.",  # a rate that says what it measures
    "بلغت حصة الصادرات 36% من الإجمالي، فيما تبين أن 7% من المصابين لم يتلقوا الجرعة.",  # its own whole
])
def test_a_rate_or_a_share_naming_its_whole_is_no_lost_share(sentence: str) -> None:
    at = sentence.index("7%")
    assert not lost_whole("ما النسبة؟", sentence, at, at + 2)


def test_a_verb_straight_on_what_it_did_or_by_how_much_has_lost_its_subject() -> None:
    assert subject_missing("يسهم بنحو _____ عائدات الصادرات.")
    assert subject_missing("قضت بتخطئة كل واحد منهم بـ50 ألف دينار.")
    assert not subject_missing("أوضح بيان اللجنة أن معدل التضخم انخفض.")  # «بيان» is who said it


def test_still_doing_with_nobody_doing_it_has_lost_its_subject() -> None:
    assert subject_missing("لا يزال يحرق نحو _____ متر مكعب سنوياً من الغاز المصاحب.")
    assert not subject_missing("لا يزال العراق يحرق نحو _____ متر مكعب سنوياً من الغاز المصاحب.")


@pytest.mark.parametrize(("text", "sentence", "dropped"), [
    ("رفع الفريق رصيده إلى _____ نقطة من خمسة انتصارات.", "رفع الفريق رصيده إلى 17 نقطة من خمسة انتصارات وتعادلين.", True),
    ("جرى اختباره فوق أسطح _____ مبنى سكنياً.", "جرى اختباره فوق أسطح 12 مبنى سكنياً وحكومياً.", True),
    ("ارتفعت الصادرات بنسبة _____ خلال العام.", "ارتفعت الصادرات بنسبة 5% خلال العام وتراجعت الواردات.", False),  # a clause
    ("ارتفعت الصادرات _____ خلال العام.", "ارتفعت الصادرات 5% خلال العام والواردات 3%.", False),  # a clause of its own
    ("تلقت الإدارة أكثر من _____ بلاغ خلال أسبوع.", "تلقت الإدارة أكثر من 900 بلاغ خلال أسبوع واحد.", False),  # no «و»
    ("أكدت الوزارة أن الحملة ناجحة.", "أكدت الوزارة أن الحملة ناجحة.", False),
])
def test_a_text_stopping_before_the_second_of_two_joined_words(text: str, sentence: str, dropped: bool) -> None:
    assert drops_a_conjunct(text, sentence) is dropped


@pytest.mark.parametrize(("text", "reacts"), [
    ("في نواذيبو، العاصمة الاقتصادية للبلاد، رحب رئيس فرع الاتحادية الوطنية للصيد التقليدي بالقرار", True),
    ("رحبت المنظمة بالاتفاق", True),
    ("أعلنت الوزارة توزيع 500 سلة غذائية، ورحب السكان بالخطوة", False),  # the news comes first
])
def test_a_statement_that_only_reacts_to_the_news(text: str, reacts: bool) -> None:
    assert only_reacts(text) is reacts


def test_the_day_between_a_verb_and_its_subject_leaves_the_subject_there() -> None:
    assert not subject_missing("انطلق اليوم العام الدراسي في المدارس الرسمية.")
    assert subject_missing("قضت اليوم بالسجن المشدد عشر سنوات.")


def test_a_figure_after_the_verbs_complement_is_its_subject() -> None:
    assert not subject_missing("شارك في الأعمال نحو _____ حرفياً من أبناء المدينة.")
    assert subject_missing("بقيت دون توقعات الهيئة لهذا العام")  # what stayed below them went


@pytest.mark.parametrize(("text", "cut"), [
    ('أعلن وزير الطاقة، محمد ولد أحمدو، أن مشروع "السلحفاة الكبرى آحميم" للغاز الطبيعي المسال، المشترك مع السنغال', True),
    ("قال الوزير إن المدرسة الجديدة، الأولى من نوعها في الولاية", True),
    ("أعلن الوزير أن المشروع جاهز", False),  # a predicate without a verb, and no comma to cut at
    ("أكد الوزير أن الاحتياطيات، التي اكتشفت عام 2018، تقدر بنحو 15 تريليون قدم مكعب", False),
    ("قال إن الحكومة، كما وعدت، ستبني المدارس", False),
    ("أوضح أن نسبة النجاح، وهي الأعلى، بلغت 85%", False),
])
def test_a_statement_stopping_after_the_subject_of_what_was_said_says_nothing(text: str, cut: bool) -> None:
    from questions.completeness import says_nothing_after_that

    assert says_nothing_after_that(text) is cut


@pytest.mark.parametrize(("prompt", "framed"), [
    ("كم موظفاً أضافت أن عدد العاملين يبلغ؟", True),  # what she added, not the figure
    ("كم موظفاً يعمل في المستشفى؟", False),
    ("كم ولاية أعلنت الوزارة أنها ستشملها الحملة؟", False),  # the ministry said it
])
def test_a_wh_question_keeping_a_subjectless_reporting_frame_is_a_fragment(prompt: str, framed: bool) -> None:
    from questions.completeness import asks_inside_a_frame

    assert asks_inside_a_frame(prompt) is framed


@pytest.mark.parametrize(("text", "unfinished"), [
    ("عدد العاملين يبلغ ١١٢٠ موظفًا، بنسبة تعمين", True),  # the rate's figure went with a cut
    ("بُني المشروع على سعر قدره 60 دولاراً، وسعر صرف في حدود _____ ديناراً، مع توقع نسبة نمو اقتصادي.", True),
    ("ارتفعت الصادرات بنسبة _____.", False),
    ("ارتفعت الصادرات، بنسبة 5%", False),
])
def test_a_text_ending_on_a_rate_without_its_figure_is_unfinished(text: str, unfinished: bool) -> None:
    assert ends_unfinished(text) is unfinished


@pytest.mark.parametrize(("text", "stops"), [
    ("تعد قلعة بعلبك، المدرجة على قائمة التراث العالمي لمنظمة اليونسكو منذ عام 1984", True),
    ("تعد قلعة بعلبك، المدرجة على قائمة التراث العالمي منذ عام 1984، من أبرز المواقع الأثرية", False),
    ("وسُئل الوزير عن المخاوف التي يبديها بعض الأهالي من الأعراض الجانبية، فأجاب", True),
    ("وسُئل الوزير عن المخاوف، فأجاب بأن اللقاح آمن", False),
])
def test_a_statement_cut_after_a_describing_participle_or_fa_ajaba_stops_before_its_predicate(text: str,
                                                                                           stops: bool) -> None:
    assert stops_before_its_predicate(text) is stops


@pytest.mark.parametrize(("text", "missing"), [
    ("يتضمن برنامج الدورة الحالية أربع أمسيات تمتد حتى منتصف أغسطس.", False),  # «برنامج الدورة» holds them
    ("تتضمن توفير 7200 موقف للسيارات.", True),  # what includes it?
])
def test_a_noun_made_definite_by_the_next_is_the_holder_of_what_follows(text: str, missing: bool) -> None:
    assert subject_missing(text) is missing


def test_a_listed_place_before_a_pronoun_is_its_owner() -> None:
    assert not owner_missing("رفعت قطر توقعاتها لصادرات الغاز المسال بنسبة 12.5%.")
    assert owner_missing("رفعت توقعاتها لصادرات الغاز المسال بنسبة 12.5%.")


@pytest.mark.parametrize(("text", "fragment"), [
    ("لم نحصل حتى الآن سوى على نحو 20% من المبالغ المطلوبة.", True),  # whose words?
    ("لن نعلن موعد التشغيل التجاري قبل نهاية العام.", True),
    ("لم تحصل المنظمة حتى الآن سوى على نحو 20% من المبالغ المطلوبة.", False),
])
def test_a_denied_first_person_verb_opens_someone_s_quoted_words(text: str, fragment: bool) -> None:
    assert opens_as_fragment(text) is fragment


def test_a_stem_stopping_before_a_list_s_next_item_drops_a_conjunct() -> None:
    sentence = "وقال المدير إن الفرق أنقذت 63 شخصاً حاصرتهم المياه في دوعن وشبام وتريم، مضيفاً أن المعدات قليلة."
    assert drops_a_conjunct("قال المدير إن الفرق أنقذت _____ شخصاً حاصرتهم المياه في دوعن وشبام.", sentence)


def test_a_plural_in_ina_before_its_verb_opens_in_the_accusative() -> None:
    assert opens_in_the_accusative("فاعلين في القطاع يحذرون من ضغط متزايد على الطاقة الإيوائية.")
    assert not opens_in_the_accusative("تضم المدينة 20 فندقا مصنفا.")
