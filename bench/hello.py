"""The production app plus a hello-world route, for the HTTP benchmarks' baseline: ``gunicorn bench.hello:app``.

The route exists only in this module, so the app that ``app.py`` serves never has it. Everything else
(config, extensions, security headers, session handling, before/after-request hooks) is the same app.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app import app  # noqa: E402
from bench.loadgen import HELLO_PATH  # noqa: E402


def hello() -> str:
    """Answer with a fixed short text: the cheapest route the app can serve."""
    return "Hello, World!"


app.add_url_rule(HELLO_PATH, "bench_hello", hello)
