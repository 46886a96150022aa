"""A short typed answer to a direct question (a name for a role, a term)."""

from __future__ import annotations

from questions.kinds.base import Kind

KIND = Kind(name="short", label="إجابة قصيرة", shape="text")
