"""Parse RSS and Atom feeds into article links with their dates, titles and authors.

feedparser handles the feeds real sites publish (RSS 0.9x to 2.0, RDF, Atom, broken
encodings, undeclared entities); this module only keeps what the crawl needs.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import feedparser

from newscrawl.core.dates import normalize_date


class FeedError(ValueError):
    """The body is not a feed."""


@dataclass(frozen=True)
class FeedEntry:
    """One feed item: the article link and what the feed says about it."""

    link: str
    title: str | None = None
    published: str | None = None
    updated: str | None = None
    authors: tuple[str, ...] = field(default=())


#: A DOCTYPE with an internal subset, where entities are declared ("billion laughs").
_DOCTYPE = re.compile(rb"<!DOCTYPE[^\[>]*(\[.*?\])?\s*>", re.IGNORECASE | re.DOTALL)
_PROLOG_BYTES = 64 * 1024


def parse_feed(body: bytes, base_url: str = "") -> list[FeedEntry]:
    """Entries of an RSS/Atom feed; raise `FeedError` when `body` is not a feed. A
    DOCTYPE is removed first: no entity a feed declares is ever expanded (a 2 kB
    "billion laughs" feed cost seconds of CPU)."""
    body = _without_doctype(body)
    parsed = feedparser.parse(body, response_headers={"content-location": base_url})
    if not parsed.get("version") and not parsed.entries:
        problem = parsed.get("bozo_exception")
        raise FeedError(f"not an RSS/Atom feed{f': {problem}' if problem else ''}")
    entries = []
    for item in parsed.entries:
        link = _link(item)
        if not link:
            continue
        entries.append(
            FeedEntry(
                link=link,
                title=(item.get("title") or "").strip() or None,
                published=_date(item, "published"),
                updated=_date(item, "updated"),
                authors=tuple(
                    a["name"].strip() for a in item.get("authors", []) if a.get("name", "").strip()
                ),
            )
        )
    return entries


def _without_doctype(body: bytes) -> bytes:
    prolog = body[:_PROLOG_BYTES]
    if b"<!" not in prolog:
        return body
    return _DOCTYPE.sub(b"", prolog, count=1) + body[_PROLOG_BYTES:]


def _link(item: Any) -> str | None:
    for link in item.get("links", []):
        if link.get("rel", "alternate") == "alternate" and link.get("href"):
            return str(link["href"]).strip()
    link = item.get("link") or item.get("id")
    return str(link).strip() if link and str(link).startswith(("http://", "https://")) else None


def _date(item: Any, key: str) -> str | None:
    """The feed's own date string when it parses (keeps its UTC offset), else feedparser's.

    `dict.get` on purpose: feedparser maps a missing "updated" to "published" (with a
    DeprecationWarning), and an entry's update time must not be its publication time."""
    if (iso := normalize_date(dict.get(item, key))) is not None:
        return iso
    parsed = dict.get(item, f"{key}_parsed")
    if parsed:
        return datetime.fromtimestamp(calendar.timegm(parsed), UTC).isoformat()
    return None
