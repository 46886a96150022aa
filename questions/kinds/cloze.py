"""Fill in the blank: a clause of the article with the fact taken out, typed or picked from options."""

from __future__ import annotations

from questions.kinds.base import Kind

KIND = Kind(name="cloze", label="أكمل الفراغ", shape="text", choices_shape="choice")
