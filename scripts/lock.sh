#!/usr/bin/env bash
# Regenerate the hash-pinned locks from the hand-edited requirements files:
# requirements.txt -> requirements.lock (what the app installs), then
# requirements-dev.txt -> requirements-dev.lock (what the tests install; it keeps requirements.lock's versions).
# Extra arguments go to both runs, e.g. `bash scripts/lock.sh --upgrade-package werkzeug`.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x .venv/bin/pip-compile ]; then
  echo "pip-compile is missing: run 'bash tests/run.sh' (or install requirements-dev.lock) first" >&2
  exit 1
fi
export CUSTOM_COMPILE_COMMAND="bash scripts/lock.sh"  # named in the locks' header
flags=(--quiet --generate-hashes --allow-unsafe --strip-extras
       --no-emit-index-url --no-emit-find-links --no-emit-trusted-host)
.venv/bin/pip-compile "${flags[@]}" "$@" --output-file requirements.lock requirements.txt
.venv/bin/pip-compile "${flags[@]}" "$@" --output-file requirements-dev.lock requirements-dev.txt
