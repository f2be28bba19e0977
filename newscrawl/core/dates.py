"""Normalize the date strings pages and feeds publish to ISO 8601.

Pages state dates in many forms (ISO with or without offset, RFC 822 in feeds, bare days,
`2026-11-04 09:12:00`). Exported dates keep exactly the precision the source gave: an
offset only where the source had one, a bare `YYYY-MM-DD` where only the day is known.
Nothing here ever falls back to the current time.
"""

from __future__ import annotations

import re
import warnings
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime

from dateutil import parser as dateutil_parser
from dateutil.parser import UnknownTimezoneWarning

_BARE_DAY = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})\s*$")
# Years outside this window are almost always parse accidents (IDs, prices, "0001-01-01").
_MIN_YEAR, _MAX_YEAR = 1990, 2100
# Two defaults that differ in year, month and day (see `_parse`).
_DEFAULTS = (datetime(2001, 1, 1), datetime(2002, 2, 2))


def normalize_date(value: object) -> str | None:
    """Return `value` as an ISO 8601 string, or None when it is not a plausible date."""
    if isinstance(value, datetime):
        return _format(value)
    if isinstance(value, date):
        return value.isoformat() if _plausible(value.year) else None
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text:
        return None
    if match := _BARE_DAY.match(text):
        try:
            day = date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            return None
        return day.isoformat() if _plausible(day.year) else None
    parsed = _parse(text)
    return _format(parsed) if parsed is not None else None


def parse_datetime(value: object) -> datetime | None:
    """Parse `value` to a timezone-aware datetime (naive values are taken as UTC), for
    comparisons such as `max_age`. None when it is not a plausible date."""
    iso = normalize_date(value)
    if iso is None:
        return None
    parsed = datetime.fromisoformat(iso)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _parse(text: str) -> datetime | None:
    candidate = text[:-1] + "+00:00" if text.endswith(("Z", "z")) else text
    try:
        return datetime.fromisoformat(candidate)
    except ValueError:
        pass
    try:  # RFC 822, as RSS feeds and HTTP headers write it
        return parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        pass
    try:
        with warnings.catch_warnings():
            # "01:38 PM IST": an abbreviation dateutil cannot resolve (IST is Indian, Irish
            # or Israel time) parses as local time, without an offset, which is all the
            # source lets us know.
            warnings.simplefilter("ignore", UnknownTimezoneWarning)
            first = dateutil_parser.parse(text, default=_DEFAULTS[0])
            second = dateutil_parser.parse(text, default=_DEFAULTS[1])
    except (ValueError, OverflowError, TypeError):
        return None
    # dateutil fills what the text lacks from `default`: a text that names no full day
    # ("Tuesday", "November 2024", "10:30") parses differently with two defaults, and is
    # not a date. (Without a default dateutil would fill in today's date.)
    return first if first.date() == second.date() else None


def _format(value: datetime) -> str | None:
    if not _plausible(value.year):
        return None
    return value.isoformat(timespec="seconds")


def _plausible(year: int) -> bool:
    return _MIN_YEAR <= year <= _MAX_YEAR
