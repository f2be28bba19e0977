"""A progress line every `NEWSCRAWL_PROGRESS_INTERVAL` seconds, in place of Scrapy's.

Scrapy's LogStats says "Crawled N pages (at R pages/min), scraped M items"; on a long
crawl one also wants to know how much is left and when it will be done. This replaces
it (the add-on disables LogStats), so there is one progress line, not two; it keeps
LogStats' final `responses_per_minute` / `items_per_minute` stats.

While the spider is still reading its sources (its `start()`, sitemaps, feeds, listing
pages) the amount of work is unknown, and the line says how many sources are left. Once
they are read, every article page the run will fetch is known: the line gives the share
done, an ETA from the pace of the last minutes, and the rates:

    Progress: 412 of 1230 article pages done (33%), ETA 9 min; 980 pages (95/min),
    385 articles (88/min), 27 dropped, 40 skipped as seen; 812 queued, 4 downloading,
    2 processing

(one line in the log). The counts: "queued" waits in the scheduler or for a download
slot, "downloading" is being transferred (at most the concurrency, per domain too),
"processing" is in the spider or the item pipelines; "skipped as seen" counts URLs, not
the sources that listed them.
"""

from __future__ import annotations

import logging
import time
from collections import deque
from typing import TYPE_CHECKING, Any

from scrapy import signals
from scrapy.exceptions import NotConfigured
from scrapy.extensions.logstats import LogStats

from newscrawl.spiders.base import KIND, SOURCE_KINDS

if TYPE_CHECKING:
    from collections.abc import AsyncIterator
    from typing import Self

    from scrapy import Request, Spider
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)

#: Seconds of recent progress the ETA is computed from.
ETA_WINDOW = 300.0


class Progress(LogStats):
    """Periodic progress: share of the article pages done and an ETA once the sources are
    read; pages and articles with their rates per minute, drops, URLs skipped as seen,
    requests queued, downloading and being processed."""

    crawler: Crawler

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        #: Source and article requests that reached the scheduler, less those its
        #: duplicate filter dropped (retries and redirects are the same request).
        self.sources_requested = 0
        self.articles_requested = 0
        #: Whether the spider's `start()` has been read to its end (`ProgressMiddleware`).
        self.start_read = False
        #: (monotonic time, article pages done), for the ETA.
        self.history: deque[tuple[float, int]] = deque()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        interval = crawler.settings.getfloat("NEWSCRAWL_PROGRESS_INTERVAL")
        if interval <= 0:
            raise NotConfigured
        assert crawler.stats is not None
        extension = cls(crawler.stats, interval)
        extension.crawler = crawler
        for receiver, signal in (
            (extension.spider_opened, signals.spider_opened),
            (extension.spider_closed, signals.spider_closed),
            (extension.request_scheduled, signals.request_scheduled),
            (extension.request_dropped, signals.request_dropped),
        ):
            crawler.signals.connect(receiver, signal=signal)
        return extension

    def request_scheduled(self, request: Request) -> None:
        if _is_new(request):
            self._tally(request, 1)

    def request_dropped(self, request: Request) -> None:
        # The duplicate filter dropped it: a duplicate of a request counted already, or a
        # redirect to a page fetched already (which ends the request it came from).
        self._tally(request, -1)

    def _tally(self, request: Request, step: int) -> None:
        kind = request.meta.get(KIND)
        if kind == "article":
            self.articles_requested += step
        elif kind in SOURCE_KINDS:
            self.sources_requested += step

    def log(self, spider: Spider) -> None:
        self.calculate_stats()
        stats = self.stats
        dropped = sum(v for k, v in stats.get_stats().items() if k.startswith("newscrawl/dropped/"))
        seen = stats.get_value("newscrawl/skipped/seen", 0) + stats.get_value(
            "newscrawl/skipped/seen_dropped", 0
        )
        queued, downloading, processing = self.engine_status()
        logger.info(
            "Progress: %s; %d pages (%d/min), %d articles (%d/min), %d dropped, "
            "%d skipped as seen; %d queued, %d downloading, %d processing",
            self.share_done(queued + downloading + processing),
            self.pages,
            self.prate,
            self.items,
            self.irate,
            dropped,
            seen,
            queued,
            downloading,
            processing,
            extra={"spider": spider},
        )

    def share_done(self, remaining: int) -> str:
        """ "N of M article pages done (P%), ETA ..." once the sources are read; else how
        many sources are left to read."""
        sources_left = self.sources_requested - int(
            self.stats.get_value("newscrawl/sources/done", 0)
        )
        if not self.start_read or sources_left > 0:
            self.history.clear()
            more = "" if self.start_read else ", more to come"
            return f"reading sources ({max(sources_left, 0)} left{more})"
        total = self.articles_requested
        done = max(total - remaining, 0)
        if total <= 0:
            return "sources read, no article pages to fetch"
        now = time.monotonic()
        self.history.append((now, done))
        while len(self.history) > 2 and now - self.history[1][0] >= ETA_WINDOW:
            self.history.popleft()
        share = f"{done} of {total} article pages done ({100 * done // total}%)"
        return f"{share}, ETA {self.eta(total - done)}"

    def eta(self, remaining: int) -> str:
        if remaining <= 0:
            return "now"
        (start, done_then), (end, done_now) = self.history[0], self.history[-1]
        if end <= start or done_now <= done_then:
            return "unknown yet"
        seconds = remaining / ((done_now - done_then) / (end - start))
        return format_duration(seconds)

    def engine_status(self) -> tuple[int, int, int]:
        """(queued, downloading, processing): requests in the scheduler or waiting for a
        download slot; being transferred; responses and items in the spider or the item
        pipelines."""
        engine = self.crawler.engine
        if engine is None:
            return 0, 0, 0
        scheduler = getattr(engine, "scheduler", None)
        try:
            in_scheduler = len(scheduler)  # type: ignore[arg-type]
        except TypeError:  # a scheduler without __len__
            in_scheduler = 0
        downloader = engine.downloader
        # `active` also holds requests waiting in a slot (the per-domain concurrency, a
        # download delay): only `transferring` ones are being downloaded.
        downloading = sum(len(slot.transferring) for slot in downloader.slots.values())
        waiting = max(len(downloader.active) - downloading, 0)
        slot = getattr(engine.scraper, "slot", None)
        processing = len(slot.queue) + len(slot.active) if slot is not None else 0
        return in_scheduler + waiting, downloading, processing


class ProgressMiddleware:
    """Tells `Progress` when the spider's `start()` has been read to its end: until then,
    the work a run has is not all known (the `urls` spider's file, a long list of sources)."""

    def __init__(self, progress: Progress) -> None:
        self.progress = progress

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        progress = crawler.get_extension(Progress)
        if progress is None:
            raise NotConfigured("no progress lines")
        return cls(progress)

    async def process_start(self, start: AsyncIterator[Any]) -> AsyncIterator[Any]:
        async for item_or_request in start:
            yield item_or_request
        self.progress.start_read = True


def format_duration(seconds: float) -> str:
    """ "<1 min", "12 min", "2 h 05 min"."""
    minutes = round(seconds / 60)
    if minutes < 1:
        return "<1 min"
    if minutes < 60:
        return f"{minutes} min"
    return f"{minutes // 60} h {minutes % 60:02d} min"


def _is_new(request: Request) -> bool:
    """Whether a scheduled request is new: not a retry or a redirect of one counted."""
    return not request.meta.get("retry_times") and not request.meta.get("redirect_times")
