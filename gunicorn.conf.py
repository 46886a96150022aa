"""gunicorn settings for production: ``gunicorn -c gunicorn.conf.py`` (serves ``app:app``).

Every value can be changed from the environment, so one file serves a laptop, a school server and a
container: FAHIM_BIND (default 127.0.0.1:8000; put a proxy such as nginx in front for HTTPS),
FAHIM_WORKERS (default 2 x cores + 1, at most 8), FAHIM_THREADS, FAHIM_TIMEOUT, FAHIM_ACCESS_LOG
("-" for stdout, a path, or "off"), FAHIM_FORWARDED_ALLOW_IPS (the proxy's address).
"""

from __future__ import annotations

import multiprocessing
import os

wsgi_app = "app:app"
bind = os.environ.get("FAHIM_BIND", "127.0.0.1:8000")

# Sync workers: one request at a time each, so a stuck request never holds up others in its worker.
# The app is light and the database does the waiting, so 2 x cores + 1 keeps the CPUs busy.
workers = int(os.environ.get("FAHIM_WORKERS") or min(2 * multiprocessing.cpu_count() + 1, 8))
threads = int(os.environ.get("FAHIM_THREADS") or 1)
worker_class = "gthread" if threads > 1 else "sync"

# A request that takes longer than this is stuck: the master kills and replaces the worker.
timeout = int(os.environ.get("FAHIM_TIMEOUT") or 30)
graceful_timeout = 30  # on restart, requests in flight (a submission) get this long to finish
keepalive = 5

# Each worker builds its own app, engine and connection pool after the fork: no database connection
# or lock is ever shared between processes. The first run's migrations take a lock, so workers
# starting together migrate once.
preload_app = False

# Replace a worker now and then so a slow leak can never grow for the whole exam morning.
max_requests = 2000
max_requests_jitter = 200

# Refuse absurd request lines and headers before the app sees them (bodies: MAX_CONTENT_LENGTH).
limit_request_line = 8190
limit_request_fields = 100
limit_request_field_size = 8190

_access = os.environ.get("FAHIM_ACCESS_LOG", "-")
accesslog = None if _access == "off" else _access
errorlog = os.environ.get("FAHIM_ERROR_LOG", "-")
loglevel = os.environ.get("FAHIM_LOG_LEVEL", "info")
# Client, time, request, status, bytes, duration in microseconds.
access_log_format = '%(h)s %(t)s "%(r)s" %(s)s %(B)s %(D)sus'

# Only this proxy may tell gunicorn the original scheme (X-Forwarded-Proto); see FAHIM_PROXY_FIX.
forwarded_allow_ips = os.environ.get("FAHIM_FORWARDED_ALLOW_IPS", "127.0.0.1")
proc_name = "fahim"
