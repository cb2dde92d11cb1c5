"""UTC offsets of IANA time zones on a given day, computed from the pinned `tzdata` package.

Why `tzdata` and not the machine's zone files: `zoneinfo` reads /usr/share/zoneinfo first, and two
machines with different system data would write different offsets for the same seed. Reading the
zone from the pinned package keeps the bytes the same everywhere (and picks up summer time).
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache
from importlib import resources
from zoneinfo import ZoneInfo


_ZONE_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_+-]{0,30}(?:/[A-Za-z0-9_+-]{1,30}){0,2}$")
"""The shape of an IANA name: anything else (a token, a sentence) is no zone, and is not looked up."""


def zone(name: str) -> ZoneInfo | None:
    """The zone of an IANA name from the pinned tzdata, or None for a name it does not know."""
    text = name.strip() if isinstance(name, str) else ""
    return _zone(text) if _ZONE_NAME.match(text) else None


@lru_cache(maxsize=4096)
def _zone(name: str) -> ZoneInfo | None:
    parts = [p for p in name.strip().split("/") if p]
    if not parts or any(p in (".", "..") for p in parts):
        return None
    node = resources.files("tzdata").joinpath("zoneinfo", *parts)
    if not node.is_file():
        return None
    with node.open("rb") as handle:
        return ZoneInfo.from_file(handle, key="/".join(parts))


def is_zone(name: str) -> bool:
    """Whether a text is an IANA zone name (`Europe/Lisbon`, `UTC`)."""
    return zone(name) is not None


def utc_offset(name: str, when: date | datetime) -> timedelta | None:
    """The zone's offset from UTC on that day (at local noon for a date), or None for an unknown zone."""
    found = zone(name)
    if found is None:
        return None
    moment = when if isinstance(when, datetime) else datetime(when.year, when.month, when.day, 12)
    offset = moment.replace(tzinfo=found).utcoffset()
    return offset if offset is not None else timedelta(0)


def offset_text(name: str, when: date | datetime) -> str | None:
    """The offset written as ISO 8601 does (`+09:00`, `-03:30`), or None for an unknown zone."""
    offset = utc_offset(name, when)
    if offset is None:
        return None
    minutes = int(offset.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "-"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def local_time(name: str, moment: datetime) -> datetime | None:
    """A UTC-aware moment as the wall clock of a zone shows it, or None for an unknown zone."""
    found = zone(name)
    return moment.astimezone(found) if found is not None else None
