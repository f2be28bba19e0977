"""Responses whose body is incomplete are never used as whole pages.

Scrapy decompresses `Content-Encoding: gzip` (and deflate) bodies with whatever part of
the stream arrived: a body cut short, with a Content-Length that matches the cut, passes
as a complete response, and a page with half its text was exported as an article. This
downloader middleware sees each response before Scrapy's decompression and checks that
a gzip or deflate stream reaches its end (the gzip trailer), and that a body is as long
as its Content-Length says. A response that fails gets the flag "truncated"; spiders
drop such a page as `newscrawl/dropped/truncated` (a sitemap or feed is still read: its
entries are independent of each other).

The check inflates at most `DOWNLOAD_MAXSIZE` bytes (a bomb is Scrapy's decompression
middleware's to refuse) in chunks, and keeps none of it.
"""

from __future__ import annotations

import logging
import zlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Self

    from scrapy import Request
    from scrapy.crawler import Crawler
    from scrapy.http import Response

logger = logging.getLogger(__name__)

TRUNCATED = "truncated"
_CHUNK = 256 * 1024


class BodyIntegrityMiddleware:
    def __init__(self, max_size: int) -> None:
        self.max_size = max_size

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler.settings.getint("DOWNLOAD_MAXSIZE") or 1024**3)

    def process_response(self, request: Request, response: Response) -> Response:
        problem = body_problem(
            response.body,
            (response.headers.get("Content-Encoding") or b"").decode("latin-1"),
            (response.headers.get("Content-Length") or b"").decode("latin-1"),
            request.method,
            response.status,
            self.max_size,
        )
        if problem is not None and TRUNCATED not in response.flags:
            logger.debug("Truncated response %s: %s", response.url, problem)
            response.flags.append(TRUNCATED)
        return response


def body_problem(
    body: bytes,
    content_encoding: str,
    content_length: str,
    method: str = "GET",
    status: int = 200,
    max_size: int = 1024**3,
) -> str | None:
    """Why `body` is not the whole response the headers announce, or None."""
    if method == "HEAD" or status in (204, 304) or 100 <= status < 200:
        return None
    if content_length.strip().isdigit() and len(body) < int(content_length):
        return f"{len(body)} of {content_length} bytes"
    encodings = [e.strip().lower() for e in content_encoding.split(",") if e.strip()]
    if encodings and encodings[-1] in ("gzip", "x-gzip", "deflate") and body:
        return _stream_problem(body, encodings[-1], max_size)
    return None


def _stream_problem(body: bytes, encoding: str, max_size: int) -> str | None:
    if encoding == "deflate" and body[:1] not in (b"\x78", b"\x58", b"\x08", b"\x68"):
        window = -zlib.MAX_WBITS  # raw deflate, as some servers send it
    else:
        window = zlib.MAX_WBITS | (16 if encoding != "deflate" else 0)
    inflater = zlib.decompressobj(window)
    produced = 0
    data = body
    try:
        while data:
            produced += len(inflater.decompress(data, _CHUNK))
            data = inflater.unconsumed_tail
            if produced > max_size:
                return None  # too large: Scrapy's decompression refuses it
    except zlib.error as error:
        return f"broken {encoding} stream: {error}"
    if not inflater.eof:
        return f"{encoding} stream cut short"
    return None
