"""Read a saved news page (HTML) into its title, date, site name and article text, with trafilatura.

Parsing is bounded: lxml's parser caps nesting depth, script/style/svg and the like are removed
before extraction, and a page with more elements than ``MAX_ELEMENTS`` left is refused rather than
handed to the extractor, whose work grows with the element count (a saved news page has a few
thousand; fifteen thousand take about a second on a small server).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import lxml.etree
import lxml.html
from trafilatura import bare_extraction

MAX_ELEMENTS = 15_000
# Never article text, and often most of a saved page's elements. JSON-LD scripts stay: they carry
# the headline and the publication date.
NOISE = ("script", "style", "noscript", "svg", "template", "iframe", "canvas", "object", "embed", "math")
_LD_JSON = "application/ld+json"


class PageTooComplex(ValueError):
    """The page has more elements than the extractor is given."""


@dataclass(frozen=True)
class WebArticle:
    """What a web page says about its article; ``text`` is empty when no article was found."""

    title: str
    date: dt.date | None
    source: str
    text: str


def _tree(html: str) -> lxml.html.HtmlElement | None:
    parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)
    try:
        root = lxml.html.document_fromstring(html.encode("utf-8", "replace"), parser=parser)
    except (lxml.etree.ParserError, ValueError):
        return None
    return root


def _prune(root: lxml.html.HtmlElement) -> int:
    """Remove the noise elements (keeping JSON-LD); return how many elements are left."""
    for element in list(root.iter(*NOISE)):
        if element.tag == "script" and (element.get("type") or "").strip().lower() == _LD_JSON:
            continue
        element.drop_tree()
    return sum(1 for _ in root.iter())


def _date(value: object) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def read_page(html: str) -> WebArticle:
    """Return the page's article, or raise PageTooComplex when it has too many elements to read."""
    root = _tree(html)
    if root is None:
        return WebArticle("", None, "", "")
    if _prune(root) > MAX_ELEMENTS:
        raise PageTooComplex(MAX_ELEMENTS)
    doc = bare_extraction(root, with_metadata=True, include_comments=False, include_tables=False,
                          include_images=False, deduplicate=False)
    if doc is None:
        return WebArticle("", None, "", "")
    title = (doc.title or "").strip()
    lines = [line.strip() for line in (doc.text or "").splitlines() if line.strip()]
    if lines and lines[0] == title:
        lines = lines[1:]  # the headline is the title, kept apart from the body
    return WebArticle(title=title, date=_date(doc.date), source=(doc.sitename or "").strip(),
                      text="\n".join(lines))


def looks_like_html(text: str) -> bool:
    """Guess whether pasted or uploaded text is an HTML document rather than plain text."""
    head = text[:2000].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or bool(re.search(r"<(body|article|p|div)[\s>]", head))
