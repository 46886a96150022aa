"""Article input: a web page read into its article (bounded work), and pasted and uploaded text checked."""

import pytest

import datetime as dt
from pathlib import Path

from quiz import webpage
from quiz.services.articles import MAX_TEXT_BYTES, ArticleInputError, clean_article_text, decode_upload, read_text
from quiz.webpage import looks_like_html, read_page

ARABIC = "أعلنت وزارة الصحة يوم الاثنين عن حملة تطعيم جديدة تشمل 3 ملايين طفل."

NEWS_PAGE = """<!doctype html><html lang="ar" dir="rtl"><head><title>عنوان الصفحة</title>
<style>p { color: red }</style><script>var x = "لا تظهر";</script></head>
<body><header><nav><a href="/">الرئيسية</a> | <a href="/sport">رياضة</a></nav></header>
<aside>الأكثر قراءة: خبر آخر</aside>
<article><h1>حملة تطعيم جديدة</h1>
<p>أعلنت وزارة الصحة   يوم الاثنين
عن حملة تطعيم.</p><p>تشمل الحملة 3 ملايين طفل &amp; تستمر أسبوعين.</p>
<div class="share"><footer>شارك الخبر</footer></div></article>
<article><p>قصير</p></article>
<footer>جميع الحقوق محفوظة</footer></body></html>"""


SAVED_PAGE = (Path(__file__).parent / "pages" / "news_page.html").read_text(encoding="utf-8")


def test_a_saved_news_page_gives_its_title_date_site_and_article_text():
    page = read_page(SAVED_PAGE)
    assert page.title == "الصحة تطلق حملة قومية للتطعيم ضد شلل الأطفال"
    assert page.date == dt.date(2026, 3, 2) and page.source == "صحيفة النهار اليومية"
    lines = page.text.split("\n")
    assert lines[0].startswith("أعلنت وزارة الصحة المصرية يوم الاثنين 2 مارس 2026")  # the headline is the title
    assert lines[-1].startswith("وكانت مصر قد أعلنت خلوها من شلل الأطفال عام 2006") and len(lines) == 5


@pytest.mark.parametrize("dropped", ["الرئيسية", "dataLayer", "min-height", "الأكثر قراءة", "شارك الخبر",
                                     "جميع الحقوق", "اقرأ أيضًا", "التعليقات", "خبر رائع", "عاجل", "loadAd"])
def test_a_saved_news_page_loses_its_furniture(dropped):
    assert dropped not in read_page(SAVED_PAGE).text


def test_a_page_without_an_article_element_still_gives_its_paragraphs():
    page = read_page("<html><body><div><p>الفقرة الأولى من الخبر عن الحملة الجديدة في المحافظات كلها.</p>"
                     "<p>الفقرة الثانية من الخبر عن نسبة التغطية في الحملة السابقة.</p></div></body></html>")
    assert page.text == ("الفقرة الأولى من الخبر عن الحملة الجديدة في المحافظات كلها.\n"
                         "الفقرة الثانية من الخبر عن نسبة التغطية في الحملة السابقة.")


def test_a_page_with_too_many_elements_is_refused_before_extraction(monkeypatch):
    handed: list[int] = []
    real = webpage.bare_extraction
    monkeypatch.setattr(webpage, "bare_extraction", lambda tree, **kw: handed.append(1) or real(tree, **kw))
    crowded = "<html><body>" + "<div><span>خبر</span></div>" * (webpage.MAX_ELEMENTS // 2 + 1) + "</body></html>"
    with pytest.raises(webpage.PageTooComplex):
        read_page(crowded)
    assert handed == []
    # Scripts, styles and SVG do not count: they are removed before the elements are counted.
    noisy = ("<html><body>" + "<script>x()</script><svg><g><path/></g></svg>" * webpage.MAX_ELEMENTS
             + "<p>أعلنت الوزارة اليوم إطلاق حملة جديدة للتطعيم في كل المحافظات.</p></body></html>")
    assert read_page(noisy).text.startswith("أعلنت الوزارة")


def test_a_megabyte_of_deep_nesting_reaches_the_extractor_as_a_shallow_tree(monkeypatch):
    sizes: list[tuple[int, int]] = []
    real = webpage.bare_extraction

    def spy(tree, **kw):
        depth = max(len(list(e.iterancestors())) for e in tree.iter())
        sizes.append((sum(1 for _ in tree.iter()), depth))
        return real(tree, **kw)

    monkeypatch.setattr(webpage, "bare_extraction", spy)
    n = 100_000
    deep = ("<html><body>" + "<div>" * n + "خبر" + "</div>" * n + "</body></html>").encode("utf-8")
    assert len(deep) > 1_000_000
    with pytest.raises(ArticleInputError, match="لم نجد نص مقال"):
        decode_upload("deep.html", deep)
    ((elements, depth),) = sizes
    assert elements <= 300 and depth <= 300  # the parser caps nesting; the extractor sees a small tree


@pytest.mark.parametrize(("text", "is_html"), [
    ("<!DOCTYPE html><html>", True),
    ("<html><body>", True),
    ("<p>فقرة</p>", True),
    ("الرئيس قال إن <3 ليست رقمًا", False),
    (ARABIC, False),
])
def test_looks_like_html_recognises_pages(text, is_html):
    assert looks_like_html(text) is is_html


def test_pasted_text_is_trimmed_and_newlines_unified():
    assert clean_article_text("\ufeff  " + ARABIC + "\r\nسطر ثان  \n") == ARABIC + "\nسطر ثان"


@pytest.mark.parametrize(("text", "message"), [
    ("", "فارغ"),
    ("   \n\t  \n", "فارغ"),
    ("The ministry announced a new campaign.", "حروف عربية"),
    ("12345 67890", "حروف عربية"),
    (ARABIC + "\x00\x01", "ثنائي"),
    ("\x01\x02\x03\x04\x05" + ARABIC[:20], "ثنائي"),
    ("ب" * (MAX_TEXT_BYTES // 2 + 1), "طويل جدًا"),
])
def test_bad_pasted_text_gets_a_clear_arabic_message(text, message):
    with pytest.raises(ArticleInputError, match=message):
        clean_article_text(text)


def test_text_just_under_the_size_limit_is_accepted():
    text = "ب" * (MAX_TEXT_BYTES // 2)
    assert clean_article_text(text) == text


@pytest.mark.parametrize(("filename", "data", "message"), [
    ("article.txt", b"", "فارغ"),
    ("article.txt", b"  \n  ", "فارغ"),
    ("article.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "ثنائي"),
    ("article.txt", ARABIC.encode("cp1256"), "UTF-8"),
    ("article.txt", ARABIC.encode("utf-16"), "ثنائي"),
    ("article.pdf", ARABIC.encode(), "غير مدعوم"),
    ("article", ARABIC.encode(), "غير مدعوم"),
    ("article.txt", b"Only English here.", "حروف عربية"),
    ("page.html", "<html><head><script>var x = 'قائمة';</script></head><body><img src=a.png></body></html>".encode(),
     "لم نجد"),
    ("big.html", b"<p>" + b"a" * (2 * 1024 * 1024) + b"</p>", "كبير جدًا"),
])
def test_bad_uploads_get_a_clear_arabic_message(filename, data, message):
    with pytest.raises(ArticleInputError, match=message):
        decode_upload(filename, data)


@pytest.mark.parametrize(("filename", "data", "expected", "from_page"), [
    ("a.txt", ARABIC.encode("utf-8"), ARABIC, False),
    ("A.TXT", b"\xef\xbb\xbf" + ARABIC.encode("utf-8"), ARABIC, False),
    ("page.htm", ("<p>" + ARABIC + "</p>").encode("utf-8"), ARABIC, True),
    ("pasted.txt", ("<html><body><p>" + ARABIC + "</p></body></html>").encode("utf-8"), ARABIC, True),
])
def test_good_uploads_give_the_article_text(filename, data, expected, from_page):
    article = decode_upload(filename, data)
    assert article.text == expected and article.from_page is from_page


def test_a_saved_page_upload_and_a_pasted_page_read_the_same():
    uploaded = decode_upload("page.html", SAVED_PAGE.encode("utf-8"))
    pasted = read_text(SAVED_PAGE)
    assert uploaded == pasted and uploaded.from_page and uploaded.published_on == dt.date(2026, 3, 2)


def test_a_page_whose_article_is_over_the_text_limit_is_refused():
    paragraphs = "".join(f"<p>الفقرة {i}: {'ب' * 300} {ARABIC}</p>" for i in range(MAX_TEXT_BYTES // 600 + 10))
    with pytest.raises(ArticleInputError, match="طويل جدًا"):
        read_text("<html><body><article>" + paragraphs + "</article></body></html>")
