"""Time zones for quiz times: teachers enter and read them in their zone; the database keeps naive UTC.

A zone is an IANA name (``Asia/Riyadh``) as the browser reports it
(``Intl.DateTimeFormat().resolvedOptions().timeZone``). Names come from forms, so every one is
checked here before use; anything unknown is ``None`` and the caller falls back.
"""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

UTC = "UTC"
# IANA names are ASCII letters, digits and _ + - / (e.g. America/Argentina/Buenos_Aires, Etc/GMT-3).
_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_+\-]*(?:/[A-Za-z0-9_+\-]+)*$")
MAX_NAME = 64  # the width of Quiz.timezone


def valid_zone(name: object) -> str | None:
    """Return ``name`` when it is a time zone this machine knows, else None."""
    if not isinstance(name, str):
        return None
    name = name.strip()
    if name.upper() == UTC:
        return UTC  # needs no tz database
    if not name or len(name) > MAX_NAME or not _NAME.match(name):
        return None
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None
    return name


def first_valid(*names: object) -> str:
    """Return the first valid zone among ``names`` (UTC when none is)."""
    for name in names:
        zone = valid_zone(name)
        if zone is not None:
            return zone
    return UTC


def _tz(name: str) -> dt.tzinfo:
    return dt.timezone.utc if name == UTC else ZoneInfo(name)


def to_utc(local: dt.datetime | None, zone: str) -> dt.datetime | None:
    """Read a naive wall-clock time in ``zone``; return it as naive UTC (the stored form)."""
    if local is None:
        return None
    return local.replace(tzinfo=_tz(zone)).astimezone(dt.timezone.utc).replace(tzinfo=None)


def from_utc(value: dt.datetime | None, zone: str) -> dt.datetime | None:
    """Return a naive-UTC time as the naive wall-clock time of ``zone``."""
    if value is None:
        return None
    return value.replace(tzinfo=dt.timezone.utc).astimezone(_tz(zone)).replace(tzinfo=None)


def format_in(value: dt.datetime | None, zone: str) -> str:
    """Format a naive-UTC time as ``YYYY-MM-DD HH:MM`` in ``zone`` ("—" when None)."""
    local = from_utc(value, zone)
    return "—" if local is None else local.strftime("%Y-%m-%d %H:%M")
