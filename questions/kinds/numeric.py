"""A typed number, graded by value within a tolerance."""

from __future__ import annotations

from questions.kinds.base import Kind

KIND = Kind(name="numeric", label="إجابة رقمية", shape="numeric")
