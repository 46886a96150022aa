#!/usr/bin/env bash
# Install everything the tests need (venv, pinned packages, Debian's Chromium) and run them all.
# Usage: bash tests/run.sh [extra pytest args]
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then "$PY" -m venv .venv; fi
.venv/bin/pip install -q --disable-pip-version-check -r requirements-dev.txt
if ! command -v chromium >/dev/null 2>&1; then
  # Browser tests drive Debian's Chromium; never a downloaded browser.
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
    || { echo "could not install Debian's chromium (needed by the browser tests)" >&2; exit 1; }
fi
.venv/bin/python -m mypy --strict questions
.venv/bin/python -m pytest -q "$@"
