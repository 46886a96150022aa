"""Extract the main text of an uploaded HTML page with the standard library's html.parser.

News pages wrap the article in navigation, headers, footers, asides and scripts; those are dropped.
When the page marks its content with ``<article>`` (the longest one wins) or ``<main>``, only that
is kept. Block elements end paragraphs, so the result keeps the article's paragraph breaks
(paragraphs separated by a blank line, whitespace inside a paragraph collapsed).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

# Content inside these is never article text.
SKIP = frozenset({
    "script", "style", "nav", "header", "footer", "aside", "noscript", "template", "head",
    "title", "svg", "iframe", "form", "button", "select", "textarea", "object", "canvas", "menu",
})
# These end the current paragraph.
BLOCK = frozenset({
    "p", "div", "br", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6",
    "article", "section", "main", "blockquote", "pre", "table", "tr", "td", "th", "figure",
    "figcaption", "hr", "body", "address", "details", "summary",
})
_SPACE = re.compile(r"\s+")


class _MainText(HTMLParser):
    """Collect paragraphs for the whole body, for ``<main>`` and for each ``<article>``."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.skip_depth = 0
        self.main_depth = 0
        self.article_depth = 0
        self.body: list[str] = []
        self.main: list[str] = []
        self.articles: list[list[str]] = []
        self._buf: list[str] = []

    def _flush(self) -> None:
        para = _SPACE.sub(" ", "".join(self._buf)).strip()
        self._buf = []
        if not para:
            return
        self.body.append(para)
        if self.main_depth:
            self.main.append(para)
        if self.article_depth and self.articles:
            self.articles[-1].append(para)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in SKIP:
            self._flush()
            self.skip_depth += 1
            return
        if tag in BLOCK:
            self._flush()
        if tag == "main":
            self.main_depth += 1
        elif tag == "article":
            if not self.article_depth:
                self.articles.append([])
            self.article_depth += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in BLOCK:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIP:
            if self.skip_depth:
                self.skip_depth -= 1
            return
        if tag in BLOCK:
            self._flush()
        if tag == "main" and self.main_depth:
            self.main_depth -= 1
        elif tag == "article" and self.article_depth:
            self.article_depth -= 1

    def handle_data(self, data: str) -> None:
        if not self.skip_depth:
            self._buf.append(data)

    def close(self) -> None:
        super().close()
        self._flush()


def extract_main_text(html: str) -> str:
    """Return the main text of an HTML page, paragraphs separated by a blank line."""
    parser = _MainText()
    parser.feed(html)
    parser.close()
    longest_article = max(parser.articles, key=lambda ps: sum(map(len, ps)), default=[])
    for paragraphs in (longest_article, parser.main, parser.body):
        if paragraphs:
            return "\n\n".join(paragraphs)
    return ""


def looks_like_html(text: str) -> bool:
    """Guess whether pasted or uploaded text is an HTML document rather than plain text."""
    head = text[:2000].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or bool(re.search(r"<(body|article|p|div)[\s>]", head))
