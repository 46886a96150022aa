"""GIFT text read with gift-pegjs, an independent GIFT parser (``tests/gift_reader``, run on Node.js).

``bash tests/run.sh`` installs it from ``tests/gift_reader/package-lock.json`` (``npm ci``); without it
the tests that read GIFT fail with Node's "Cannot find module" rather than pass unread.
"""

from __future__ import annotations

import html
import json
import re
import subprocess
from pathlib import Path
from typing import Any

READER = Path(__file__).resolve().parent / "gift_reader" / "read_gift.js"


def read_gift(text: str) -> list[dict[str, Any]]:
    """Return every item of a GIFT file (categories and questions) as gift-pegjs parses them."""
    done = subprocess.run(["node", str(READER)], input=text, capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    items: list[dict[str, Any]] = json.loads(done.stdout)
    return items


def questions_by_name(text: str) -> dict[str, dict[str, Any]]:
    """Return the questions of a GIFT file by their ``::name::``."""
    return {q["title"]: q for q in read_gift(text) if q["type"] != "Category"}


def shown(fragment: dict[str, Any] | None) -> str:
    """Return what Moodle shows for a formatted text: HTML tags dropped, entities decoded."""
    if not fragment:
        return ""
    text = str(fragment["text"])
    if fragment["format"] == "html":
        text = html.unescape(re.sub(r"<[^>]+>", "", text))
    return text


# gift-pegjs decodes GIFT's escapes everywhere but in the answers of a matching question, where it
# leaves its own placeholders; Moodle decodes them there too (escapedchar_post).
_PLACEHOLDERS = {"&&092;": "\\", "&&058;": ":", "&&035;": "#", "&&061;": "=", "&&123;": "{", "&&125;": "}",
                 "&&126;": "~", "&&010": "\n"}


def subanswer(text: str) -> str:
    """Return a matching answer as Moodle reads it."""
    for placeholder, char in _PLACEHOLDERS.items():
        text = text.replace(placeholder, char)
    return text
