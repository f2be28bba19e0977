"""Read archived HTTP responses from WARC files (Common Crawl's CC-NEWS, your own crawls).

Plain functions over warcio, usable without Scrapy; the `warc` spider adapts them. Each
record becomes either an `ArchivedResponse` (a 200 response with its original URL, its
capture time, HTTP headers and decoded payload: chunked transfer and `Content-Encoding`
undone) or a `Skipped` saying why not: request, metadata and revisit records are not
pages; non-200 responses and truncated payloads are pages we cannot use.

warcio ends silently where a file ends early (a truncated download is the common broken
WARC). Here a gzip stream cut short, or a record shorter than its `Content-Length`, raises
`WarcError` after the records read so far, so a broken file is never mistaken for a
complete one.
"""

from __future__ import annotations

import gzip
import logging
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from newscrawl._imports import require

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

logger = logging.getLogger(__name__)

_GZIP_MAGIC = b"\x1f\x8b"


class WarcError(Exception):
    """The file is not a readable WARC, or it ends early; the message says where."""


@dataclass(frozen=True)
class ArchivedResponse:
    """A 200 HTTP response as archived."""

    #: `WARC-Target-URI`: the URL the response was fetched from.
    url: str
    #: `WARC-Date` (when it was fetched), ISO 8601 UTC as live crawls write `fetched_at`.
    date: str
    headers: list[tuple[str, str]]
    #: The payload, with transfer and content encodings undone.
    body: bytes


@dataclass(frozen=True)
class Skipped:
    """A record that yields no page. `page` tells a page we could not use (a drop: a 404,
    a truncated payload) from a record that is not a page at all (a request, a revisit)."""

    reason: str
    url: str
    detail: str = ""
    page: bool = False


def read_warc(path: Path, max_body: int = 16 * 1024 * 1024) -> Iterator[ArchivedResponse | Skipped]:
    """Every record of a WARC file (gzipped or not), in order; raises `WarcError` when
    the file is not a WARC or ends early."""
    archive_iterator = require("warcio.archiveiterator")
    exceptions = require("warcio.exceptions")
    headers_module = require("warcio.statusandheaders")
    broken = (
        exceptions.ArchiveLoadFailed,
        headers_module.StatusAndHeadersParserException,
        _Truncated,
        OSError,  # gzip.BadGzipFile
        zlib.error,
        ValueError,
    )
    with path.open("rb") as raw:
        gzipped = raw.read(2) == _GZIP_MAGIC
        raw.seek(0)
        stream: Any = _EndChecked(gzip.GzipFile(fileobj=raw, mode="rb")) if gzipped else raw
        records = 0
        try:
            for record in archive_iterator.ArchiveIterator(stream):
                records += 1
                try:
                    item = _read_record(record, max_body)
                    complete = _drain(record)
                except _Truncated:
                    complete, item = False, Skipped("warc_record", "")
                if not complete:
                    url = item.url or record.rec_headers.get_header("WARC-Target-URI") or "?"
                    if _is_page(record):
                        yield Skipped("truncated", url, "the file ends inside it", page=True)
                    raise _Truncated(f"the file ends inside the record for {url}")
                yield item
        except broken as error:
            raise WarcError(_describe(error, records)) from None


def _drain(record: Any) -> bool:
    """Read what is left of the record; False when the file ends before its length."""
    while record.raw_stream.read(1 << 20):
        pass
    # A record's raw stream is limited to its Content-Length: anything left is missing.
    return getattr(record.raw_stream, "limit", 0) <= 0


def _is_page(record: Any) -> bool:
    """A 200 HTTP response record: what a truncation costs us a page of."""
    headers = record.http_headers
    return record.rec_type == "response" and bool(headers) and headers.get_statuscode() == "200"


def _read_record(record: Any, max_body: int) -> ArchivedResponse | Skipped:
    kind = record.rec_type or "unknown"
    url = record.rec_headers.get_header("WARC-Target-URI") or ""
    if kind != "response":
        return Skipped(f"warc_{kind}", url)
    if not url.startswith(("http://", "https://")) or not record.http_headers:
        return Skipped("warc_not_http", url)
    status = record.http_headers.get_statuscode()
    if status != "200":
        return Skipped(f"http_{status}", url, f"HTTP {status}", page=True)
    truncated = record.rec_headers.get_header("WARC-Truncated")
    if truncated:
        # The crawler stopped reading (CC-NEWS truncates payloads over 1 MB): half a page.
        return Skipped("truncated", url, f"WARC-Truncated: {truncated}", page=True)
    body = record.content_stream().read(max_body + 1)
    if len(body) > max_body:
        return Skipped("too_large", url, f"payload over {max_body} bytes", page=True)
    date = _iso_date(record.rec_headers.get_header("WARC-Date"))
    if date is None:
        return Skipped("bad_warc_date", url, "no valid WARC-Date", page=True)
    return ArchivedResponse(url=url, date=date, headers=record.http_headers.headers, body=body)


def _iso_date(value: str | None) -> str | None:
    """WARC-Date ("2026-11-03T09:30:00Z", fractions allowed) as ISO 8601 UTC."""
    if not value:
        return None
    try:
        when = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)  # WARC dates are UTC by definition
    return when.astimezone(UTC).isoformat()


class _Truncated(Exception):
    """Not an `EOFError` on purpose: warcio takes those for a clean end of file."""


class _EndChecked:
    """A decompressed gzip stream whose premature end is an error warcio cannot swallow.

    Reads go member piece by member piece (`read1`), so everything before the cut is
    still returned; the read after it raises."""

    def __init__(self, stream: gzip.GzipFile) -> None:
        self._stream = stream
        self._ended_early = False

    def read(self, size: int = -1) -> bytes:
        chunks: list[bytes] = []
        wanted = size if size >= 0 else 1 << 62
        while wanted > 0 and not self._ended_early:
            try:
                chunk = self._stream.read1(min(wanted, 1 << 16))
            except EOFError:
                self._ended_early = True
                break
            if not chunk:
                break
            chunks.append(chunk)
            wanted -= len(chunk)
        if self._ended_early and not chunks:
            raise _Truncated("the gzip stream ends early (a partial download?)")
        return b"".join(chunks)


def _describe(error: BaseException, records: int) -> str:
    after = f"after {records} record{'s' if records != 1 else ''}"
    if isinstance(error, _Truncated):
        return f"truncated {after}: {error}"
    if records == 0:
        return f"not a WARC file: {error}"
    return f"broken {after}: {type(error).__name__}: {error}"
