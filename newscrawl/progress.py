"""A progress line every `NEWSCRAWL_PROGRESS_INTERVAL` seconds, in place of Scrapy's.

Scrapy's LogStats says "Crawled N pages (at R pages/min), scraped M items"; on a long
crawl one also wants to know what is left (the scheduler's queue, downloads in flight)
and how much of the work the crawl state saved. This replaces it (the add-on disables
LogStats), so there is one progress line, not two; it keeps LogStats' final
`responses_per_minute` / `items_per_minute` stats.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from scrapy import signals
from scrapy.exceptions import NotConfigured
from scrapy.extensions.logstats import LogStats

if TYPE_CHECKING:
    from typing import Self

    from scrapy import Spider
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)


class Progress(LogStats):
    """Periodic progress: pages and articles with their rates per minute, drops, URLs
    skipped as seen, queue size and downloads in flight."""

    crawler: Crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        interval = crawler.settings.getfloat("NEWSCRAWL_PROGRESS_INTERVAL")
        if interval <= 0:
            raise NotConfigured
        assert crawler.stats is not None
        extension = cls(crawler.stats, interval)
        extension.crawler = crawler
        crawler.signals.connect(extension.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        return extension

    def log(self, spider: Spider) -> None:
        self.calculate_stats()
        stats = self.stats
        dropped = sum(v for k, v in stats.get_stats().items() if k.startswith("newscrawl/dropped/"))
        seen = stats.get_value("newscrawl/skipped/seen", 0) + stats.get_value(
            "newscrawl/skipped/seen_dropped", 0
        )
        logger.info(
            "Progress: %d pages (%d/min), %d articles (%d/min), %d dropped, "
            "%d skipped as seen, %s queued, %s downloading",
            self.pages,
            self.prate,
            self.items,
            self.irate,
            dropped,
            seen,
            *self._queue(),
            extra={"spider": spider},
        )

    def _queue(self) -> tuple[str, str]:
        engine = self.crawler.engine
        scheduler = getattr(engine, "scheduler", None) if engine else None
        try:
            queued = str(len(scheduler))  # type: ignore[arg-type]
        except TypeError:  # a scheduler without __len__
            queued = "?"
        downloading = str(len(engine.downloader.active)) if engine else "?"
        return queued, downloading
