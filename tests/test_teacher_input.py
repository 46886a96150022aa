"""Article input: main-text extraction from HTML, and validation of pasted and uploaded text."""

import pytest

from quiz.htmltext import extract_main_text, looks_like_html
from quiz.services.articles import (
    MAX_TEXT_BYTES,
    ArticleInputError,
    clean_article_text,
    decode_upload,
)

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


def test_html_extraction_keeps_the_article_and_its_paragraphs():
    assert extract_main_text(NEWS_PAGE) == (
        "حملة تطعيم جديدة\n\nأعلنت وزارة الصحة يوم الاثنين عن حملة تطعيم.\n\n"
        "تشمل الحملة 3 ملايين طفل & تستمر أسبوعين."
    )


@pytest.mark.parametrize("dropped", ["الرئيسية", "لا تظهر", "color", "الأكثر قراءة", "شارك الخبر",
                                     "جميع الحقوق", "عنوان الصفحة", "قصير"])
def test_html_extraction_drops_page_furniture(dropped):
    assert dropped not in extract_main_text(NEWS_PAGE)


def test_html_extraction_prefers_main_when_there_is_no_article():
    page = "<body><div>قائمة</div><main><p>الفقرة الأولى</p><p>الفقرة الثانية<br>سطر</p></main></body>"
    assert extract_main_text(page) == "الفقرة الأولى\n\nالفقرة الثانية\n\nسطر"


def test_html_extraction_falls_back_to_the_body():
    assert extract_main_text("<p>نص أول</p><div>نص ثان</div>") == "نص أول\n\nنص ثان"


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
    ("page.html", b"<html><body><nav>\xd9\x82\xd8\xa7\xd8\xa6\xd9\x85\xd8\xa9</nav></body></html>", "لم نجد"),
    ("big.html", b"<p>" + b"a" * (2 * 1024 * 1024) + b"</p>", "كبير جدًا"),
])
def test_bad_uploads_get_a_clear_arabic_message(filename, data, message):
    with pytest.raises(ArticleInputError, match=message):
        decode_upload(filename, data)


@pytest.mark.parametrize(("filename", "data", "expected"), [
    ("a.txt", ARABIC.encode("utf-8"), ARABIC),
    ("A.TXT", b"\xef\xbb\xbf" + ARABIC.encode("utf-8"), ARABIC),
    ("page.html", NEWS_PAGE.encode("utf-8"), None),
    ("page.htm", ("<p>" + ARABIC + "</p>").encode("utf-8"), ARABIC),
    ("pasted.txt", ("<html><body><p>" + ARABIC + "</p></body></html>").encode("utf-8"), ARABIC),
])
def test_good_uploads_give_the_article_text(filename, data, expected):
    text = decode_upload(filename, data)
    if expected is None:
        assert text.startswith("حملة تطعيم جديدة\n\nأعلنت")
    else:
        assert text == expected
