"""The incremental policy, as a spider middleware: what an hourly run does not fetch again.

Spiders say what each request is for (`request.meta[KIND]`, see `newscrawl.spiders.base`)
and nothing about earlier runs; this middleware, between the spider and the scheduler,
decides with the crawl state (`newscrawl.state`, opened by `CrawlStateExtension`):

- **Articles** an earlier run of the spider exported, or dropped for a reason a second
  fetch will not change, are not requested, whichever source lists them (counted once per
  URL: `newscrawl/skipped/seen`, `.../seen_dropped`). `-a refresh=modified` requests one
  again when its source now gives a newer date than the one recorded, `-a
  refresh=dropped` retries dropped pages, `-a full=1` requests everything (and the run
  still records what it exports). A page dropped as `too_old` is requested again when
  the run's `max_age` cutoff is older than its publication date.
- **Sitemaps and feeds** are asked whether they changed: a sitemap whose `lastmod` in
  its index is not newer than when a run last read it whole is not requested at all
  (`newscrawl/sources/unchanged`), and every other sitemap or feed read before is
  requested with `If-None-Match` / `If-Modified-Since` from that read, so an unchanged
  one is a 304 with no body (`newscrawl/sources/not_modified`). A source counts as read
  only when it and every page and sitemap it led to were read (see `SourceLedger`), so
  a failure is retried next run. `-a full=1` and `-a refresh=...` read every source.
  `NEWSCRAWL_UNCHANGED_SOURCES` says how far to go: "skip" (the default: both), "ask"
  (conditional GETs only, for a site whose index `lastmod` cannot be trusted) or "fetch"
  (every source, every run).

The policy lives here, as zyte-spider-templates' `IncrementalCrawlMiddleware` does it,
rather than in spider code, so a project's own `NewsSpider` subclasses (and any spider
that sets `request.meta[KIND]`) get it without code of their own.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Any

from scrapy import Request
from scrapy.exceptions import NotConfigured

from newscrawl.addon import SettingError
from newscrawl.core.dates import parse_datetime
from newscrawl.spiders.base import KIND, LASTMOD
from newscrawl.state import SourceRecord, newest_date
from newscrawl.state.base import utc_now
from newscrawl.state.extension import PARENT, SOURCE, CrawlStateExtension, run_id

if TYPE_CHECKING:
    from typing import Self

    from scrapy.crawler import Crawler
    from scrapy.http import Response

    from newscrawl.state import CrawlState, Seen

logger = logging.getLogger(__name__)

#: Sources that are kept and asked whether they changed. robots.txt and listing pages are
#: always fetched: robots.txt is tiny, and listing pages rarely answer conditional GETs.
KEPT_KINDS = frozenset({"sitemap", "feed"})
#: `NEWSCRAWL_UNCHANGED_SOURCES`: what to do with a source read whole before.
UNCHANGED_SOURCES = ("skip", "ask", "fetch")


class IncrementalMiddleware:
    """Skips what earlier runs saw; asks sitemaps and feeds whether they changed."""

    def __init__(self, crawler: Crawler, states: CrawlStateExtension) -> None:
        self.crawler = crawler
        self.states = states
        spider = crawler.spider
        #: The spider's parsed arguments (`NewsSpider.from_crawler`).
        self.full = bool(getattr(spider, "full", False))
        self.refresh: frozenset[str] = getattr(spider, "refresh", frozenset())
        self.cutoff = getattr(spider, "max_age_cutoff", None)
        mode = unchanged_sources(crawler.settings.get("NEWSCRAWL_UNCHANGED_SOURCES"))
        #: Sources are asked whether they changed, unless the run wants pages that an
        #: unchanged source lists (everything, updated articles, dropped pages).
        self.conditional = mode != "fetch" and not self.full and not self.refresh
        #: ...and a sitemap whose lastmod in its index did not move is not requested.
        self.trust_lastmod = mode == "skip"
        #: Hashes of (stat, URL) counted this run: one count per URL, however many
        #: sources list it (hashes: a run may meet a million URLs).
        self._counted: set[int] = set()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        states = crawler.get_extension(CrawlStateExtension)
        if states is None or states.state is None:
            raise NotConfigured("no crawl state (NEWSCRAWL_STATE is empty)")
        return cls(crawler, states)

    @property
    def state(self) -> CrawlState | None:
        return self.states.state

    async def process_start(self, start: AsyncIterator[Any]) -> AsyncIterator[Any]:
        async for item_or_request in start:
            if isinstance(item_or_request, Request):
                item_or_request = self.filter(item_or_request, None)
            if item_or_request is not None:
                yield item_or_request

    async def process_spider_output(
        self, response: Response, result: AsyncIterator[Any]
    ) -> AsyncIterator[Any]:
        async for item_or_request in result:
            if isinstance(item_or_request, Request):
                item_or_request = self.filter(item_or_request, response)
            if item_or_request is not None:
                yield item_or_request
        # The callback is over without an exception: the source was read.
        self._read(response)

    def filter(self, request: Request, response: Response | None) -> Request | None:
        """`request` to send (with conditional headers for a source read before), or None
        to skip it."""
        parent = response.meta.get(SOURCE) if response is not None else None
        if parent is not None:
            request.meta.setdefault(PARENT, parent)
        kind = request.meta.get(KIND)
        if kind == "article":
            return self._article(request)
        if kind in KEPT_KINDS:
            request.meta.setdefault(SOURCE, request.url)
            self.states.sources.found(request.meta[SOURCE], request.meta.get(PARENT))
            return self._source(request)
        return request

    # Articles

    def _article(self, request: Request) -> Request | None:
        state = self.state
        if state is None or self.full:
            return request
        url = request.url  # canonical: `NewsSpider.article_request`
        seen = state.get(url)
        if seen is None or seen.run_id == run_id(self.crawler):
            # Unknown, or recorded by this very run: the duplicate filter's business.
            return request
        hints = request.cb_kwargs.get("hints") or {}
        if "modified" in self.refresh and _moved(seen, hints):
            self._count_once("newscrawl/refreshed/modified", url)
            logger.debug("Fetching %s again: its source date moved past %s", url, seen.lastmod)
            return request
        if seen.status in ("exported", "pending"):
            self._count_once("newscrawl/skipped/seen", url)
        elif "dropped" in self.refresh:
            self._count_once("newscrawl/refreshed/dropped", url)
            return request
        elif seen.reason == "too_old" and not self._older_than_cutoff(seen.lastmod):
            self._count_once("newscrawl/refreshed/too_old", url)
            return request
        else:
            self._count_once("newscrawl/skipped/seen_dropped", url)
        logger.debug("Skipping %s: %s by run %s", url, seen.reason or seen.status, seen.run_id)
        return None

    def _older_than_cutoff(self, date: str | None) -> bool:
        when = parse_datetime(date) if date else None
        return self.cutoff is not None and when is not None and when < self.cutoff

    def _count_once(self, key: str, url: str) -> None:
        counted = hash((key, url))
        if counted not in self._counted:
            self._counted.add(counted)
            assert self.crawler.stats is not None
            self.crawler.stats.inc_value(key)

    # Sources

    def _source(self, request: Request) -> Request | None:
        state = self.state
        if state is None or not self.conditional:
            return request
        record = state.get_source(request.meta[SOURCE])
        if record is None or not self._covers(record):
            return request
        lastmod = newest_date(request.meta.get(LASTMOD)) if self.trust_lastmod else None
        if lastmod is not None and record.lastmod is not None and lastmod <= record.lastmod:
            self._count("newscrawl/sources/unchanged")
            logger.debug(
                "Not fetching %s: unchanged since run %s read it (lastmod %s)",
                request.url,
                record.run_id,
                record.lastmod,
            )
            return None
        if record.etag:
            request.headers[b"If-None-Match"] = record.etag
        if record.last_modified:
            request.headers[b"If-Modified-Since"] = record.last_modified
        if record.etag or record.last_modified:
            codes = list(request.meta.get("handle_httpstatus_list", ()))
            request.meta["handle_httpstatus_list"] = [*codes, 304]
        return request

    def _covers(self, record: SourceRecord) -> bool:
        """Whether the run that kept `record` requested every entry this run wants: its
        `max_age` cutoff was no later than this run's."""
        if record.cutoff is None:
            return True
        kept = parse_datetime(record.cutoff)
        return kept is not None and self.cutoff is not None and kept <= self.cutoff

    def _read(self, response: Response) -> None:
        key = response.meta.get(SOURCE)
        if key is None or response.meta.get(KIND) not in KEPT_KINDS:
            return
        if response.status == 304:
            self._count("newscrawl/sources/not_modified")
            return
        if response.status != 200:
            return
        self.states.sources.read(
            SourceRecord(
                url=key,
                etag=_header(response, b"ETag"),
                last_modified=_header(response, b"Last-Modified"),
                lastmod=newest_date(response.meta.get(LASTMOD)),
                cutoff=newest_date(self.cutoff),
                read_at=utc_now(),
                run_id=run_id(self.crawler),
            )
        )

    def _count(self, key: str) -> None:
        assert self.crawler.stats is not None
        self.crawler.stats.inc_value(key)


def unchanged_sources(value: object) -> str:
    """`NEWSCRAWL_UNCHANGED_SOURCES`, checked."""
    mode = str(value or "skip").strip().lower()
    if mode not in UNCHANGED_SOURCES:
        raise SettingError(
            f"NEWSCRAWL_UNCHANGED_SOURCES must be 'skip', 'ask' or 'fetch', not {value!r}"
        )
    return mode


def _header(response: Response, name: bytes) -> str | None:
    value = response.headers.get(name)
    return value.decode("latin-1") if value else None


def _moved(seen: Seen, hints: dict[str, Any]) -> bool:
    """Whether the source's date for an entry is newer than the one recorded for it."""
    current = newest_date(hints.get("modified"), hints.get("published"))
    return current is not None and (seen.lastmod is None or current > seen.lastmod)
