"""Match each item with its partner (people with roles, events with dates)."""

from __future__ import annotations

from questions.kinds.base import Kind

KIND = Kind(name="matching", label="توصيل", shape="matching")
