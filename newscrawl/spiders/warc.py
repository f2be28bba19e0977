"""`warc`: run archived responses through the same pipelines as a live crawl.

    scrapy crawl warc -a path=CC-NEWS-20261103.warc.gz -O out.jsonl
    scrapy crawl warc -a 'path=archives/*.warc.gz'

Each 200 HTML response record becomes a `Page` with the record's original URL
(`WARC-Target-URI`) and capture time (`WARC-Date`) as `fetched_at`, decoded as a live
response would be (HTTP charset, BOM, `<meta>`, then sniffing). Nothing is fetched: pages
are yielded straight from `start()`, so no request is made and robots.txt, throttling and
the downloader never come into play. The pipelines (extraction in the worker pool,
cleaning, validation, deduplication) are the ones every crawl uses.

Every record is accounted for in the stats: `newscrawl/warc/records`, non-page records as
`newscrawl/skipped/warc_<type>` (`warc_request`, `warc_revisit`, `warc_warcinfo`, ...),
pages that cannot be used as drops (`newscrawl/dropped/not_html`, `http_404`, `truncated`,
`too_large`). A broken or truncated file logs one error naming it and where it broke,
counts `newscrawl/warc/broken_files`, and the crawl goes on with the next file.

Needs warcio: `pip install 'newscrawl[warc]'`.
"""

from __future__ import annotations

import glob
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from scrapy import signals
from scrapy.http import Headers
from scrapy.responsetypes import responsetypes
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.defer import Deferred

from newscrawl._imports import require
from newscrawl.core.archive import ArchivedResponse, WarcError, read_warc
from newscrawl.spiders.args import ArgumentError
from newscrawl.spiders.base import NewsSpider

if TYPE_CHECKING:
    from collections.abc import AsyncIterator, Iterator
    from typing import Self

    from scrapy.crawler import Crawler

    from newscrawl.items import Page

logger = logging.getLogger(__name__)


class WarcSpider(NewsSpider):
    name = "warc"
    # An archive spans many sites: site health is judged per host.
    health_by_host = True
    spider_arguments = NewsSpider.spider_arguments | {"path"}

    paths: list[Path]
    max_body: int
    #: Pages handed to the pipelines and not finished yet, and how many may be.
    in_flight: int = 0
    max_in_flight: int
    _room: Deferred[None] | None = None
    _room_for: int = 0

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> Self:
        spider = super().from_crawler(crawler, *args, **kwargs)
        require("warcio")  # fail before the crawl starts, with the extra to install
        spider.paths = warc_paths(kwargs.get("path"))
        spider.max_body = crawler.settings.getint("DOWNLOAD_MAXSIZE") or 2**63
        spider.max_in_flight = max(1, crawler.settings.getint("CONCURRENT_ITEMS"))
        for signal in (signals.item_scraped, signals.item_dropped, signals.item_error):
            crawler.signals.connect(spider.item_finished, signal=signal)
        return spider

    async def start(self) -> AsyncIterator[Any]:
        for path in self.paths:
            self._count("newscrawl/warc/files")
            logger.info("Reading %s", path)
            for page in self.pages(path):
                # Items from start() do not wait for the pipelines on their own: without
                # this, a 1 GB archive would be decoded into memory all at once.
                await self._in_flight_at_most(self.max_in_flight - 1)
                self.in_flight += 1
                self.crawler.stats.max_value("newscrawl/warc/peak_in_flight", self.in_flight)
                yield page
        # Ending start() with nothing in flight lets the engine see the crawl is done
        # now, instead of at its next idle check, seconds later.
        await self._in_flight_at_most(0)

    async def _in_flight_at_most(self, most: int) -> None:
        while self.in_flight > most:
            self._room = Deferred()
            self._room_for = most
            await maybe_deferred_to_future(self._room)

    def pages(self, path: Path) -> Iterator[Page]:
        """The `Page`s of one file; every other record counted, a broken file reported."""
        try:
            for record in read_warc(path, self.max_body):
                self._count("newscrawl/warc/records")
                if isinstance(record, ArchivedResponse):
                    if (page := self.archived_page(record)) is not None:
                        yield page
                elif record.page:
                    self.drop_page(record.reason, record.url, record.detail)
                else:
                    self._count(f"newscrawl/skipped/{record.reason}")
        except WarcError as error:
            self._count("newscrawl/warc/broken_files")
            logger.error("%s: %s; stopped reading it", path, error)

    def archived_page(self, record: ArchivedResponse) -> Page | None:
        """Decode an archived response as Scrapy decodes a live one, then `make_page`."""
        headers = Headers(record.headers)
        cls = responsetypes.from_args(headers=headers, url=record.url, body=record.body[:4096])
        response = cls(url=record.url, status=200, headers=headers, body=record.body)
        return self.make_page(response, fetched_at=record.date)

    def item_finished(self) -> None:
        self.in_flight -= 1
        if self._room is not None and self.in_flight <= self._room_for:
            room, self._room = self._room, None
            room.callback(None)


def warc_paths(value: object) -> list[Path]:
    """`-a path=...`: a file, or a glob pattern matching one or more; sorted."""
    if not value:
        raise ArgumentError(
            "the warc spider needs WARC files: -a path=FILE.warc.gz (or a glob: 'dir/*.warc.gz')"
        )
    pattern = str(value)
    literal = Path(pattern).expanduser()
    if literal.is_file():
        return [literal]
    # glob.glob, not Path.glob: the pattern may be absolute ('/data/cc-news/*.warc.gz').
    matches = sorted(Path(p) for p in glob.glob(str(literal), recursive=True))  # noqa: PTH207
    files = [p for p in matches if p.is_file()]
    if not files:
        raise ArgumentError(f"path={pattern!r}: no such file")
    return files
