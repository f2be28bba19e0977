"""Spider arguments, URL canonicalization and date normalization."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from newscrawl.core.dates import normalize_date
from newscrawl.core.urls import canonicalize
from newscrawl.spiders.args import ArgumentError, parse_bool, parse_max_age

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2d", NOW - timedelta(days=2)),
        ("12h", NOW - timedelta(hours=12)),
        ("30m", NOW - timedelta(minutes=30)),
        ("1w", NOW - timedelta(weeks=1)),
        (" 1.5D ", NOW - timedelta(days=1.5)),
        ("2026-11-01", datetime(2026, 11, 1, tzinfo=UTC)),
        ("", None),
        (None, None),
    ],
)
def test_max_age(value: object, expected: datetime | None) -> None:
    assert parse_max_age(value, now=NOW) == expected


@pytest.mark.parametrize("value", ["two days", "2 fortnights", "-3d", "yesterday", "30", "Tuesday"])
def test_bad_max_age_says_what_to_write(value: str) -> None:
    with pytest.raises(ArgumentError, match=r"write e\.g\. max_age=2d"):
        parse_max_age(value, now=NOW)


def test_flags() -> None:
    assert parse_bool("full", "1") and parse_bool("full", "yes")
    assert not parse_bool("full", "0")
    with pytest.raises(ArgumentError, match="full=1 or full=0"):
        parse_bool("full", "maybe")


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "HTTPS://WWW.Example.COM:443/a/b.html?utm_source=rss&utm_medium=x&fbclid=1#comments",
            "https://www.example.com/a/b.html",
        ),
        ("https://example.com/story?id=42&gclid=abc", "https://example.com/story?id=42"),
        ("http://example.com:80/x", "http://example.com/x"),
    ],
)
def test_canonicalize(url: str, expected: str) -> None:
    assert canonicalize(url) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-11-04T09:12:00+05:00", "2026-11-04T09:12:00+05:00"),
        ("2026-11-04T09:12:00Z", "2026-11-04T09:12:00+00:00"),
        ("2026-11-04T09:12:00.123456-04:00", "2026-11-04T09:12:00-04:00"),
        ("2026-11-04", "2026-11-04"),
        ("Tue, 03 Nov 2026 09:30:00 +0100", "2026-11-03T09:30:00+01:00"),
        ("2026-11-04 09:12", "2026-11-04T09:12:00"),
        ("November 4, 2026", "2026-11-04T00:00:00"),
        ("0001-01-01T00:00:00Z", None),
        ("not a date", None),
        # No full day named: never completed from today's date.
        ("Tuesday", None),
        ("November 2024", None),
        ("10:30", None),
        ("", None),
        (12345, None),
    ],
)
def test_normalize_date(value: object, expected: str | None) -> None:
    assert normalize_date(value) == expected
