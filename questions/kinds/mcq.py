"""Multiple choice: a question or a blank with four options, one right."""

from __future__ import annotations

from questions.kinds.base import Kind

KIND = Kind(name="mcq", label="اختيار من متعدد", shape="choice")
