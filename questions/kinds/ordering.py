"""Put items in their right order."""

from __future__ import annotations

from questions.kinds.base import Kind

KIND = Kind(name="ordering", label="ترتيب", shape="ordering")
