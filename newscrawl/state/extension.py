"""The Scrapy side of the crawl state: open it, recover killed runs, record what happens.

While the crawler is built (the run lock is already held, see `newscrawl.crawl.runlock`) the
state is opened and runs of this spider that were killed are recovered
(`newscrawl.state.recovery`); at `spider_opened` this run is recorded as running. The
components that consult it find it here (`crawler.get_extension(CrawlStateExtension)
.state`): the incremental policy (`newscrawl.crawl.incremental.IncrementalMiddleware`) before
every article, sitemap and feed request, and deduplication.

During the run it records every exported article under all its URLs (the URL requested,
each redirect, the URL fetched, the page's canonical URL, all canonicalized) with the
newest date known for it and its text hash, and every page dropped for a reason that
fetching again will not change (`FINAL_DROP_REASONS`). At the end of a run that finished,
it keeps the sitemaps and feeds the run read whole (`SourceLedger`), so the next run asks
them whether they changed.

An article counts as exported only once the feed storage holds its line (the rule of
`newscrawl.state.base`): it is recorded as pending *before* its line reaches the feed
(this extension is built before the feed exporter, negative order in the add-on, so its
`item_scraped` receiver runs first), confirmed when the feed exporter announces the line
stored (`newscrawl.crawl.signals.item_stored`), and released when it could not be written
(`item_store_failed`), so the next run fetches it again. A run killed in between leaves
pending records that recovery settles from the feed file. Without newscrawl's feed
exporter (no feed, or a project's own) an article counts as exported when scraped.
"""

from __future__ import annotations

import logging
import os
import secrets
import socket
import sqlite3
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from scrapy import signals
from scrapy.exceptions import NotConfigured
from w3lib.url import file_uri_to_path

from newscrawl.core.urls import canonicalize
from newscrawl.crawl import signals as newscrawl_signals
from newscrawl.items import Article, Page
from newscrawl.state import (
    FINAL_DROP_REASONS,
    FeedFile,
    Run,
    SourceRecord,
    newest_date,
    open_state,
    state_path,
)
from newscrawl.state.base import StateUnavailable, utc_now
from newscrawl.state.recovery import recover_interrupted_runs

if TYPE_CHECKING:
    from typing import Self

    from scrapy import Request, Spider
    from scrapy.crawler import Crawler
    from scrapy.http import Response
    from scrapy.settings import BaseSettings

    from newscrawl.state import CrawlState

logger = logging.getLogger(__name__)

#: `request.meta` keys of the incremental policy (`newscrawl.crawl.incremental`): the URL a
#: sitemap or feed is kept under (as first requested, before redirects), and the kept
#: source a request was found in.
SOURCE = "newscrawl_source"
PARENT = "newscrawl_parent"


def run_id(crawler: Crawler) -> str:
    """This crawl's run id ("20261124T194632Z-3fa2c1"): sortable, readable, shared by the
    state and the run summary through the stats."""
    assert crawler.stats is not None
    value = crawler.stats.get_value("newscrawl/run_id")
    if not value:
        value = f"{datetime.now(UTC):%Y%m%dT%H%M%SZ}-{secrets.token_hex(3)}"
        crawler.stats.set_value("newscrawl/run_id", value)
    return str(value)


class CrawlStateExtension:
    """Opens the crawl state for the spider and keeps it up to date during the run."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.state: CrawlState | None = None
        self.run: Run | None = None
        #: Articles recorded as pending, not yet confirmed or released.
        self.pending: set[str] = set()
        #: No feed exporter of ours to say when a line is stored: scraped is exported.
        self.confirm_when_scraped = False
        #: The source each pending article was found in (a failed write fails it).
        self.pending_sources: dict[str, str] = {}
        self.sources = SourceLedger()
        self.close_reason = "finished"

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        if not str(crawler.settings.get("NEWSCRAWL_STATE") or "").strip():
            raise NotConfigured
        if crawler.spider is None:  # a bare test crawler: no spider, nothing to remember
            raise NotConfigured("no spider")
        extension = cls(crawler)
        extension.open()
        for receiver, signal in (
            (extension.spider_opened, signals.spider_opened),
            (extension.item_scraped, signals.item_scraped),
            (extension.item_dropped, signals.item_dropped),
            (extension.page_dropped, newscrawl_signals.page_dropped),
            (extension.source_failed, newscrawl_signals.source_failed),
            (extension.feed_file_opened, newscrawl_signals.feed_file_opened),
            (extension.item_stored, newscrawl_signals.item_stored),
            (extension.item_store_failed, newscrawl_signals.item_store_failed),
            (extension.spider_closed, signals.spider_closed),
            (extension.engine_stopped, signals.engine_stopped),
        ):
            crawler.signals.connect(receiver, signal=signal)
        return extension

    def open(self) -> None:
        """Open the state and recover killed runs, while the crawler is built: a state
        that cannot be used stops the run before it starts, instead of letting it crawl
        everything again without one (the run lock is already held)."""
        try:
            state = open_state(self.crawler)
            assert state is not None
            recovered = recover_interrupted_runs(state, overwritten_feeds(self.crawler.settings))
        except (OSError, sqlite3.Error) as error:
            backend = self.crawler.settings.get("NEWSCRAWL_STATE")
            where = state_path(self.crawler.settings) if backend == "sqlite" else backend
            raise StateUnavailable(f"cannot use the crawl state {where}: {error}") from error
        assert self.crawler.stats is not None
        if recovered:
            self.crawler.stats.set_value("newscrawl/state/recovered_runs", len(recovered))
            self.crawler.stats.set_value(
                "newscrawl/state/recovered_articles", sum(r.kept for r in recovered)
            )
        self.state = state

    def spider_opened(self, spider: Spider) -> None:
        if self.state is None:
            return
        self.run = Run(
            run_id=run_id(self.crawler),
            spider=spider.name,
            pid=os.getpid(),
            host=socket.gethostname(),
            started_at=utc_now(),
        )
        self.state.start_run(self.run)
        from newscrawl.crawl.feeds import FeedExporter  # here: feeds imports scrapy's exporters

        self.confirm_when_scraped = self.crawler.get_extension(FeedExporter) is None
        logger.info("Crawl state: %s (run %s)", self.state.location, self.run.run_id)

    def item_scraped(self, item: Any, response: Response | None) -> None:
        if self.state is None or self.run is None or not isinstance(item, Article):
            return
        hints = _hints(response)
        article_url = canonicalize(item.url)
        urls = [article_url, canonicalize(item.canonical_url), *_fetched_urls(response)]
        self.state.record_pending(
            urls,
            article_url=article_url,
            lastmod=newest_date(
                hints.get("modified"), hints.get("published"), item.modified, item.published
            ),
            published=item.published,
            content_hash=item.content_hash,
            run_id=self.run.run_id,
        )
        self.pending.add(article_url)
        if (source := source_of(response.request if response is not None else None)) is not None:
            self.pending_sources[article_url] = source
        if self.confirm_when_scraped:
            self.item_stored(item.url)

    def item_stored(self, url: str) -> None:
        """The feed holds the article's line: it is exported."""
        assert self.crawler.stats is not None
        self.crawler.stats.inc_value("newscrawl/exported")
        article_url = canonicalize(url)
        self.pending_sources.pop(article_url, None)
        if self.state is not None and self.run is not None and article_url in self.pending:
            self.pending.discard(article_url)
            self.state.confirm_exported(article_url, self.run.run_id)

    def item_store_failed(self, url: str) -> None:
        """The feed could not write the article: forget it, so the next run fetches it."""
        assert self.crawler.stats is not None
        self.crawler.stats.inc_value("newscrawl/export_failed")
        article_url = canonicalize(url)
        self.sources.fail(self.pending_sources.pop(article_url, None))
        if self.state is not None and self.run is not None and article_url in self.pending:
            self.pending.discard(article_url)
            self.state.release(article_url, self.run.run_id)

    def item_dropped(self, item: Any, response: Response | None, exception: Exception) -> None:
        reason = getattr(exception, "reason", None)
        if reason not in FINAL_DROP_REASONS:
            # A timeout, a worker crash, a bug: its source is read again next run.
            self.sources.fail(source_of(response.request if response is not None else None))
        if self.state is None or self.run is None or reason not in FINAL_DROP_REASONS:
            return
        # Not the canonical URL: a duplicate's canonical URL is the first copy's, exported.
        urls = [*_fetched_urls(response)]
        if isinstance(item, (Page, Article)):
            urls.append(canonicalize(item.url))
        hints = _hints(response)
        if reason == "too_old" and isinstance(item, Article):
            # Its publication date: a run with an older cutoff fetches it again.
            lastmod = newest_date(item.published)
        else:
            lastmod = newest_date(hints.get("modified"), hints.get("published"))
        self.state.record_dropped(urls, str(reason), lastmod=lastmod, run_id=self.run.run_id)

    def page_dropped(
        self,
        reason: str,
        url: str,
        request: Request | None = None,
        response: Response | None = None,
    ) -> None:
        if reason not in FINAL_DROP_REASONS and reason not in _NOT_RETRIED:
            if request is None and response is not None:
                request = response.request
            self.sources.fail(source_of(request))
        if self.state is None or self.run is None or reason not in FINAL_DROP_REASONS:
            return
        urls = [canonicalize(url), *_fetched_urls(response)]
        hints: dict[str, Any] = {}
        if request is not None:
            urls += [canonicalize(request.url)]
            urls += [canonicalize(u) for u in request.meta.get("redirect_urls", ())]
            hints = request.cb_kwargs.get("hints") or {}
        self.state.record_dropped(
            urls,
            reason,
            lastmod=newest_date(hints.get("modified"), hints.get("published")),
            run_id=self.run.run_id,
        )

    def source_failed(self, reason: str, request: Request | None = None) -> None:
        """A sitemap, feed or listing page not read whole: neither it nor the sources
        above it are kept (a 404 or 410 is final: the sources listing it are)."""
        if reason not in _NOT_RETRIED and request is not None:
            self.sources.fail(request.meta.get(SOURCE) or source_of(request))

    def feed_file_opened(self, path: Path, format: str, line_safe: bool, start: int = 0) -> None:
        if self.state is not None and self.run is not None:
            self.state.add_feed(self.run.run_id, FeedFile(str(path), format, line_safe, start))

    def spider_closed(self, reason: str) -> None:
        self.close_reason = reason

    def engine_stopped(self) -> None:
        """After the feeds are closed and stored: what is still pending was never
        written, and the run is over."""
        if self.state is None:
            return
        if self.run is not None:
            if self.pending:
                logger.error(
                    "%d articles were never written to a feed: the next run fetches them again",
                    len(self.pending),
                )
                assert self.crawler.stats is not None
                self.crawler.stats.inc_value("newscrawl/export_failed", len(self.pending))
            for article_url in sorted(self.pending):
                self.sources.fail(self.pending_sources.get(article_url))
                self.state.release(article_url, self.run.run_id)
            self.pending.clear()
            if self.close_reason == "finished":
                # Cut short (SIGTERM, CLOSESPIDER_*), a run has not read what it found.
                self.state.record_sources(self.sources.complete())
            self.state.finish_run(self.run.run_id, status="finished", reason=self.close_reason)
        self.state.close()
        self.state = None


@dataclass
class SourceLedger:
    """The sitemaps and feeds this run read whole, and which of them led to a failure.

    A source is kept in the crawl state (so that later runs skip it while it does not
    change) only when the run finished, it was read, and no page or sitemap it led to
    failed for a reason a later fetch could change (a timeout, a 5xx, a worker crash, an
    article the feed could not write, a sitemap read in part): otherwise the next run
    reads it again and retries what failed. A failure marks the source it was found in,
    and that source's own source, up to the top.
    """

    #: Sources read this run, by key.
    records: dict[str, SourceRecord] = field(default_factory=dict)
    #: The source each source was found in.
    parents: dict[str, str] = field(default_factory=dict)
    failed: set[str] = field(default_factory=set)

    def found(self, key: str, parent: str | None) -> None:
        if parent is not None and parent != key:
            self.parents.setdefault(key, parent)

    def read(self, record: SourceRecord) -> None:
        self.records[record.url] = record

    def fail(self, key: str | None) -> None:
        """`key` and every source above it are not read whole."""
        while key is not None and key not in self.failed:
            self.failed.add(key)
            key = self.parents.get(key)

    def complete(self) -> list[SourceRecord]:
        return [r for key, r in self.records.items() if key not in self.failed]


def source_of(request: Request | None) -> str | None:
    """The kept source (sitemap or feed) a request was found in, if any."""
    parent = request.meta.get(PARENT) if request is not None else None
    return parent if isinstance(parent, str) else None


def overwritten_feeds(settings: BaseSettings) -> list[Path]:
    """Local feed files this run will overwrite (`-O path`, `overwrite: True`): recovery
    cannot keep articles in them."""
    paths = []
    for uri, options in settings.getdict("FEEDS").items():
        uri = str(uri)
        if not (options or {}).get("overwrite") or "%(" in uri:
            continue
        if uri.startswith("file:"):
            paths.append(Path(file_uri_to_path(uri)))
        elif "://" not in uri and uri != "-":
            paths.append(Path(uri))
    return [path.resolve() for path in paths]


#: Failures a fetch next run would meet again: not a reason to read a source again.
_NOT_RETRIED = frozenset({"http_404", "http_410", "robots_forbidden", "refused"})


def _hints(response: Response | None) -> dict[str, Any]:
    request = response.request if response is not None else None
    hints = request.cb_kwargs.get("hints") if request is not None else None
    return hints if isinstance(hints, dict) else {}


def _fetched_urls(response: Response | None) -> list[str]:
    """The URLs a response was reached by: each request URL before redirects, the last
    request's URL and the response's own, canonicalized."""
    if response is None:
        return []
    urls = [response.url]
    request = response.request
    if request is not None:
        urls += [request.url, *request.meta.get("redirect_urls", ())]
    return [canonicalize(u) for u in urls]
