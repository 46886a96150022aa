"""A short statement from the article, true as written or altered with another fact of the article."""

from __future__ import annotations

from questions.kinds.base import Kind

KIND = Kind(name="true_false", label="صح أم خطأ", shape="true_false")
