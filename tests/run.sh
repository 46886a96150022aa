#!/usr/bin/env bash
# Install everything the tests need (venv, pinned packages, Debian's Chromium, Node.js and espeak-ng,
# the GIFT reader) and run them all.
# Usage: bash tests/run.sh [extra pytest args]
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then "$PY" -m venv .venv; fi
.venv/bin/pip install -q --disable-pip-version-check --require-hashes -r requirements-dev.lock
# Debian packages the tests use: Chromium for the browser tests (never a downloaded browser),
# Node.js for the independent GIFT reader and espeak-ng for the Anki decks' optional audio.
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
command -v espeak-ng >/dev/null 2>&1 || missing+=(espeak-ng)
if [ ${#missing[@]} -gt 0 ]; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null) \
    || { echo "could not install Debian's ${missing[*]} (needed by the tests)" >&2; exit 1; }
fi
# The GIFT export is read back with gift-pegjs, installed from its lock file (hash-checked by npm).
npm ci --prefix tests/gift_reader --no-audit --no-fund --silent
# PostgreSQL and Redis on 127.0.0.1: the machine starts them; start them here if they are down.
if ! pg_isready -q -h 127.0.0.1; then
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start
fi
if ! redis-cli -h 127.0.0.1 ping >/dev/null 2>&1; then
  mkdir -p /var/lib/redis /var/log/redis
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/ci.log
fi
for _ in $(seq 60); do
  pg_isready -q -h 127.0.0.1 && redis-cli -h 127.0.0.1 ping >/dev/null 2>&1 && break
  sleep 0.5
done
pg_isready -h 127.0.0.1 && redis-cli -h 127.0.0.1 ping
# The test database (trust auth for postgres on 127.0.0.1); each run works in its own schema.
psql -h 127.0.0.1 -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'test'" | grep -q 1 \
  || psql -h 127.0.0.1 -U postgres -c "CREATE DATABASE test"
.venv/bin/python -m mypy --strict questions
.venv/bin/bandit -q -r questions quiz app.py
# The whole suite on SQLite (the default), then every database test again on PostgreSQL.
# The browser tests, pure tests, migration tests (both backends inside) and the Redis test run once.
.venv/bin/python -m pytest -q "$@"
echo "--- the database tests again, on PostgreSQL ---"
FAHIM_TEST_DATABASE=postgresql .venv/bin/python -m pytest -q "$@"
