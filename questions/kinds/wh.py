"""An open wh-question (من، متى، أين، كم...) answered by typing."""

from __future__ import annotations

from questions.kinds.base import Kind

KIND = Kind(name="wh", label="سؤال مفتوح", shape="text")
