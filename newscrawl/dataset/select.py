"""Which records a dataset keeps: site, language, date range, minimum words.

Dates compare as instants: `published` is ISO 8601, with a UTC offset where the page gave
one, a bare date where only the day is known. A bare date is midnight UTC of that day, and
a time without an offset is taken as UTC. `--until` with a bare date includes that whole
day.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from dateutil.parser import isoparse

if TYPE_CHECKING:
    from newscrawl.dataset.inputs import Record

_WORD = re.compile(r"\w+")
_BARE_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

#: Sort key of a record without a usable date: after every instant.
UNDATED = "~"


def parse_instant(value: object) -> datetime | None:
    """An aware datetime (UTC) from an ISO 8601 string, or None when it is not one."""
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        parsed = isoparse(value.strip())
    except (ValueError, OverflowError):
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


def instant_key(value: object) -> str:
    """A string that sorts like the instant (fixed-width UTC ISO), or `UNDATED`."""
    instant = parse_instant(value)
    if instant is None:
        return UNDATED
    return instant.replace(tzinfo=None).isoformat(timespec="microseconds")


def parse_bound(value: str, *, end: bool) -> datetime:
    """A `--since` / `--until` argument; a bare date as `--until` means the end of that day."""
    instant = parse_instant(value)
    if instant is None:
        raise ValueError(f"not an ISO 8601 date or time: {value!r} (write e.g. 2026-11-01)")
    if end and _BARE_DATE.match(value.strip()):
        instant += timedelta(days=1) - timedelta(microseconds=1)
    return instant


def word_count(record: Record) -> int:
    count = record.get("word_count")
    if isinstance(count, int) and not isinstance(count, bool):
        return count
    return len(_WORD.findall(record["text"]))


@dataclass
class Selection:
    """The filters of one export; `reject(record)` names the first one a record fails."""

    sites: frozenset[str] = field(default_factory=frozenset)
    languages: frozenset[str] = field(default_factory=frozenset)
    since: datetime | None = None
    until: datetime | None = None
    min_words: int = 0

    @classmethod
    def from_arguments(
        cls,
        sites: list[str] | None,
        languages: list[str] | None,
        since: str | None,
        until: str | None,
        min_words: int,
    ) -> Selection:
        return cls(
            sites=frozenset(_site(s) for s in sites or ()),
            languages=frozenset(_language(lang) for lang in languages or ()),
            since=parse_bound(since, end=False) if since else None,
            until=parse_bound(until, end=True) if until else None,
            min_words=min_words,
        )

    def reject(self, record: Record) -> str | None:
        """Why the record is left out (a counter key), or None to keep it."""
        if self.sites and _site(record.get("site")) not in self.sites:
            return "other site"
        if self.languages and _language(record.get("language")) not in self.languages:
            return "other language"
        if self.since or self.until:
            instant = parse_instant(record.get("published"))
            if instant is None:
                return "no publication date (date range given)"
            if self.since and instant < self.since:
                return "published before --since"
            if self.until and instant > self.until:
                return "published after --until"
        if self.min_words and word_count(record) < self.min_words:
            return f"fewer than {self.min_words} words"
        return None


def _site(value: object) -> str:
    site = str(value or "").strip().lower()
    return site[4:] if site.startswith("www.") else site


def _language(value: object) -> str:
    # "en-GB" and "en_gb" select as "en": the schema's codes are ISO 639-1.
    return re.split(r"[-_]", str(value or "").strip().lower(), maxsplit=1)[0]
