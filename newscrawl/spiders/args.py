"""Parse and validate spider arguments (`-a name=value`), once, with errors that say what
to write instead."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from newscrawl.core.dates import parse_datetime

_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhdw])\s*$", re.IGNORECASE)
_UNITS = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days", "w": "weeks"}


class ArgumentError(ValueError):
    """A spider argument has a value the spider cannot use."""


def parse_max_age(value: object, now: datetime | None = None) -> datetime | None:
    """`max_age` as the oldest acceptable publication time: a duration ("30m", "12h", "2d",
    "1w") back from now, or an ISO date ("2026-11-01"). None/"" means no limit."""
    if value is None or value == "":
        return None
    if isinstance(value, timedelta):
        return (now or datetime.now(UTC)) - value
    text = str(value)
    if match := _DURATION.match(text):
        delta = timedelta(**{_UNITS[match[2].lower()]: float(match[1])})
        return (now or datetime.now(UTC)) - delta
    if (cutoff := parse_datetime(text)) is not None:
        return cutoff
    raise ArgumentError(
        f"max_age={text!r} is not a duration or a date; write e.g. max_age=2d, 12h, 30m, 1w "
        "or max_age=2026-11-01"
    )


def parse_bool(name: str, value: object) -> bool:
    """A flag argument: 1/0, true/false, yes/no, on/off."""
    text = str(value).strip().lower()
    if text in {"1", "true", "yes", "on"}:
        return True
    if text in {"0", "false", "no", "off", ""}:
        return False
    raise ArgumentError(f"{name}={value!r} is not a flag; write {name}=1 or {name}=0")


#: What `-a refresh=...` may ask to fetch again although the crawl state has seen it.
REFRESH_MODES = ("modified", "dropped")


def parse_refresh(value: object) -> frozenset[str]:
    """`refresh`: comma-separated modes. "modified" fetches again an article whose source
    (sitemap `lastmod`, news or feed date) is newer than what was recorded; "dropped"
    fetches again pages dropped on earlier runs. None/"" means neither."""
    if value is None:
        return frozenset()
    modes = {part.strip().lower() for part in str(value).split(",") if part.strip()}
    unknown = modes - set(REFRESH_MODES)
    if unknown:
        raise ArgumentError(
            f"refresh={value!r}: unknown mode {', '.join(sorted(unknown))}; write "
            "refresh=modified, refresh=dropped or refresh=modified,dropped"
        )
    return frozenset(modes)
