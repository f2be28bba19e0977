"""`NewsSpider`: the base of every news site spider.

A site declares where its articles are listed and what an article URL looks like; the
base does the rest:

    class HarbourGazette(NewsSpider):
        name = "harbourgazette"
        allowed_domains = ["harbourgazette.example"]
        sitemap_urls = ["https://www.harbourgazette.example/robots.txt"]
        feed_urls = ["https://www.harbourgazette.example/feeds/rss.xml"]
        article_allow = [r"/\\d{4}/\\d{2}/\\d{2}/[\\w-]+\\.html$"]

Sources, requested in this order: `sitemap_urls` (sitemaps, sitemap indexes, Google News
sitemaps, or a `robots.txt` whose `Sitemap:` lines to follow), `feed_urls` (RSS/Atom) and
`listing_urls` (section pages whose links are matched against the article rules, and
followed `listing_depth` pages deep along `listing_follow`). An article found by several
sources is requested once (Scrapy's duplicate filter, on canonicalized URLs).

Child sitemaps of an index are followed when their URL matches `sitemap_follow` (any
of its regexes, as in Scrapy's `SitemapSpider`; empty: all of them).

`-a max_age=2d` skips sitemap and feed entries older than that before requesting them
(and the pipelines drop articles published before it, as `too_old`). The spider only
fetches: each article response becomes a `Page` item that the pipelines extract, clean
and validate.

Every request says what it is for in `request.meta[KIND]` ("article", "sitemap", "feed",
"listing", "robots"), and a sitemap listed by an index carries the index's `lastmod` for
it (`request.meta[LASTMOD]`). Runs are incremental through that: the spider middleware
`newscrawl.crawl.incremental.IncrementalMiddleware` skips article URLs an earlier run exported
or dropped for good, and sitemaps and feeds that have not changed; the spider reads the
`-a refresh=...` and `-a full=1` arguments it applies.
"""

from __future__ import annotations

import logging
import re
from collections.abc import AsyncIterator, Iterable, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, ClassVar
from urllib.parse import urlsplit

from scrapy import Request, Spider
from scrapy.exceptions import IgnoreRequest
from scrapy.http import HtmlResponse, Response, TextResponse
from scrapy.linkextractors import IGNORED_EXTENSIONS, LinkExtractor
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils.sitemap import sitemap_urls_from_robots
from scrapy.utils.url import url_has_any_extension

from newscrawl.cleaning.html import SiteRules
from newscrawl.core.dates import parse_datetime
from newscrawl.core.encoding import decode_html
from newscrawl.core.urls import canonicalize, http_url_problem
from newscrawl.crawl import signals as newscrawl_signals
from newscrawl.crawl.guard import RefusedAddress
from newscrawl.crawl.integrity import TRUNCATED
from newscrawl.items import Page
from newscrawl.spiders.args import ArgumentError, parse_bool, parse_max_age, parse_refresh
from newscrawl.spiders.feeds import FeedError, parse_feed
from newscrawl.spiders.sitemaps import SitemapError, parse_sitemap
from newscrawl.state.extension import overwritten_feeds

if TYPE_CHECKING:
    from typing import Self

    from scrapy.crawler import Crawler
    from twisted.python.failure import Failure

logger = logging.getLogger(__name__)

#: `request.meta` key: what the request is for, one of `KINDS`.
KIND = "newscrawl_kind"
KINDS = ("article", "robots", "sitemap", "feed", "listing")
#: Kinds of source request: the pages that list articles.
SOURCE_KINDS = frozenset({"robots", "sitemap", "feed", "listing"})
#: `request.meta` key of a sitemap listed by a sitemap index: the index's `lastmod` for it.
LASTMOD = "newscrawl_lastmod"

# Articles first: a crawl that is stopped early has exported articles, not just listings.
ARTICLE_PRIORITY = 10
SOURCE_PRIORITY = 0
# With their dots: `url_has_any_extension` compares the path's end, so "mp3" without one
# would also skip ".../winter-storm" ("rm") or ".../chips" ("ps").
_NOT_HTML_EXTENSIONS = tuple(
    f".{e}" for e in (*IGNORED_EXTENSIONS, "xml", "json", "rss", "atom", "gz")
)
_HTML_START = re.compile(rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html)", re.IGNORECASE | re.DOTALL)


class NewsSpider(Spider):
    """Base spider for news sites: declare sources and article URL rules, get `Page` items."""

    #: The site's domains (subdomains included): Scrapy drops requests to any other.
    allowed_domains: ClassVar[Sequence[str]] = ()
    #: Sitemaps, sitemap indexes, or robots.txt URLs whose `Sitemap:` lines to follow.
    sitemap_urls: Sequence[str] = ()
    #: Google News sitemaps (read the same way; listed apart because they are the
    #: freshest source and are requested first by default).
    news_sitemap_urls: Sequence[str] = ()
    #: RSS and Atom feeds.
    feed_urls: Sequence[str] = ()
    #: Section pages and home pages, whose links are matched against the article rules.
    listing_urls: Sequence[str] = ()
    #: The order in which the kinds of source are requested (earlier ones first).
    source_order: ClassVar[Sequence[str]] = ("news_sitemap", "sitemap", "feed", "listing")
    #: Regexes an article URL must match (any of them); empty: any page of `allowed_domains`.
    article_allow: ClassVar[Sequence[str]] = ()
    #: Regexes that exclude a URL from being an article (galleries, videos, live pages).
    article_deny: ClassVar[Sequence[str]] = ()
    #: Regexes of the child sitemaps of an index to follow (any of them, as Scrapy's
    #: `SitemapSpider.sitemap_follow`); empty: every one. An archive index of one sitemap
    #: per month can be cut to the months a crawl wants: `(r"/sitemap-2026-",)`.
    sitemap_follow: ClassVar[Sequence[str]] = ()
    #: Regexes of listing pages to follow from `listing_urls` (pagination, sections).
    listing_follow: ClassVar[Sequence[str]] = ()
    listing_depth: ClassVar[int] = 1
    #: Site health (`newscrawl.crawl.health`) is judged per spider for site spiders; generic
    #: spiders that crawl many sites (`urls`, `warc`) set this to judge per host instead.
    health_by_host: ClassVar[bool] = False
    #: The site's own cleaning rules (chrome selectors, tail headers), applied by pipelines.
    cleaning_rules: ClassVar[SiteRules] = SiteRules()
    #: The language of the site's articles (ISO 639-1): documentation (`newscrawl sites`)
    #: and a check against its fixtures. Extraction reads each page's own language.
    language: ClassVar[str | None] = None

    #: The `-a NAME=VALUE` arguments the spider reads; any other is refused (exit 2), so a
    #: typo (`-a ful=1`) is not silently ignored. Spiders that read more extend it.
    #: Names starting with `_` (`_job`, set by scrapyd) are let through.
    spider_arguments: ClassVar[frozenset[str]] = frozenset(
        {"max_age", "refresh", "full", "debug_cleaning"}
    )

    #: `-a max_age`: the oldest publication time wanted (None: no limit).
    max_age_cutoff: datetime | None = None
    #: `-a refresh=modified,dropped`: seen URLs to request again anyway (applied by
    #: `newscrawl.crawl.incremental.IncrementalMiddleware`, as `full`).
    refresh: frozenset[str] = frozenset()
    #: `-a full=1`: request every article, as if nothing had been seen (still recorded).
    #: The default with `-O FILE`, which replaces the file: a file named on the command
    #: line gets every article unless `-a full=0` asks for the new ones only.
    full: bool = False

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> Self:
        unknown = sorted(k for k in kwargs if k not in cls.spider_arguments and k[:1] != "_")
        if unknown:
            known = ", ".join(f"-a {name}=..." for name in sorted(cls.spider_arguments))
            raise ArgumentError(
                f"unknown argument{'s' if len(unknown) > 1 else ''} for {cls.name}: "
                f"{', '.join(f'-a {name}' for name in unknown)} (known: {known})"
            )
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.max_age_cutoff = parse_max_age(
            kwargs.get("max_age", crawler.settings.get("NEWSCRAWL_MAX_AGE"))
        )
        spider.refresh = parse_refresh(kwargs.get("refresh"))
        if "full" in kwargs:
            spider.full = parse_bool("full", kwargs["full"])
        else:
            # `-O FILE` replaces the file, so it gets every article, not only the new ones.
            spider.full = bool(overwritten_feeds(crawler.settings))
        if parse_bool("debug_cleaning", kwargs.get("debug_cleaning", "0")):
            # `-a debug_cleaning=1`: the same as `-s NEWSCRAWL_DEBUG_CLEANING=1`.
            crawler.settings.set("NEWSCRAWL_DEBUG_CLEANING", True, priority="cmdline")
        settings = crawler.settings
        spider.sitemap_limits = (
            settings.getint("NEWSCRAWL_SITEMAP_MAX_ENTRIES", 50_000),
            settings.getint("NEWSCRAWL_SITEMAP_MAX_BYTES", 50 * 1024 * 1024),
            settings.getint("NEWSCRAWL_SITEMAP_MAX_ENTRIES_PER_RUN", 1_000_000),
            settings.getint("NEWSCRAWL_SITEMAP_MAX_BYTES_PER_RUN", 1024**3),
        )
        spider._sitemap_read = [0, 0]  # entries, bytes, this run
        spider._allow = [re.compile(p) for p in cls.article_allow]
        spider._deny = [re.compile(p) for p in cls.article_deny]
        spider._follow = [re.compile(p) for p in cls.sitemap_follow]
        return spider

    _allow: list[re.Pattern[str]]
    _deny: list[re.Pattern[str]]
    _follow: list[re.Pattern[str]]
    #: Entries and bytes per sitemap file, and per run (NEWSCRAWL_SITEMAP_MAX_*).
    sitemap_limits: tuple[int, int, int, int] = (50_000, 50 * 1024 * 1024, 10**6, 1024**3)
    _sitemap_read: list[int]

    async def start(self) -> AsyncIterator[Any]:
        for request in self.source_requests():
            yield request

    def source_requests(self) -> list[Request]:
        """The requests for every declared source, in `source_order`."""
        sources = {
            "news_sitemap": (self.news_sitemap_urls, self.parse_sitemap, "sitemap"),
            "sitemap": (self.sitemap_urls, self.parse_sitemap, "sitemap"),
            "feed": (self.feed_urls, self.parse_feed, "feed"),
            "listing": (self.listing_urls, self.parse_listing, "listing"),
        }
        order = [*self.source_order, *(k for k in sources if k not in self.source_order)]
        requests = []
        for rank, name in enumerate(order):
            urls, callback, kind = sources[name]
            for url in urls:
                robots = kind == "sitemap" and _is_robots_txt(url)
                # Earlier kinds of source get a higher priority, so they are fetched first.
                request = self.source_request(
                    url, callback, SOURCE_PRIORITY - rank, kind="robots" if robots else kind
                )
                if request is not None:
                    requests.append(request)
        return requests

    def source_request(
        self,
        url: str,
        callback: Any,
        priority: int = SOURCE_PRIORITY,
        *,
        kind: str = "listing",
        lastmod: str | None = None,
        **cb_kwargs: Any,
    ) -> Request | None:
        """A request for a sitemap, feed or listing page (failures logged in one line);
        None, counted and logged, for a malformed URL."""
        if not self._valid_url(url):
            return None
        meta: dict[str, Any] = {KIND: kind}
        if lastmod:
            meta[LASTMOD] = lastmod
        return Request(
            url,
            callback=callback,
            errback=self.source_failed,
            priority=priority,
            cb_kwargs=cb_kwargs,
            meta=meta,
        )

    # Sources

    def parse_sitemap(self, response: Response) -> Iterable[Request]:
        """A sitemap index, a (news) sitemap, or a robots.txt listing sitemaps."""
        try:
            if response.status == 304:
                return  # not modified since the run that read it (a conditional GET)
            request = response.request
            robots = request is not None and request.meta.get(KIND) == "robots"
            if robots or _is_robots_txt(response.url):
                for url in sitemap_urls_from_robots(response.body):
                    loc = self._join(response, url)
                    if loc and (
                        request := self.source_request(loc, self.parse_sitemap, kind="sitemap")
                    ):
                        yield request
                return
            yield from self._read_sitemap(response)
        finally:
            self._source_done()

    def _read_sitemap(self, response: Response) -> Iterable[Request]:
        per_file, file_bytes, per_run, run_bytes = self.sitemap_limits
        entries_left = per_run - self._sitemap_read[0]
        bytes_left = run_bytes - self._sitemap_read[1]
        if entries_left <= 0 or bytes_left <= 0:
            self._count("newscrawl/sources/sitemap_run_limit")
            self._source_incomplete("sitemap_run_limit", response)
            logger.warning(
                "Not reading the sitemap %s: this run read %d entries and %d bytes of "
                "sitemaps already (NEWSCRAWL_SITEMAP_MAX_*_PER_RUN)",
                response.url,
                *self._sitemap_read,
            )
            return
        try:
            document = parse_sitemap(
                response.body,
                max_size=min(file_bytes, bytes_left),
                max_entries=min(per_file, entries_left),
            )
        except SitemapError as error:
            self._count("newscrawl/sources/invalid_sitemap")
            self._source_incomplete("invalid_sitemap", response)
            logger.warning("Ignoring invalid sitemap %s: %s", response.url, error)
            return
        self._sitemap_read[0] += len(document.entries)
        self._sitemap_read[1] += len(response.body)
        if document.truncated:
            self._count("newscrawl/sources/sitemap_truncated")
            self._source_incomplete("sitemap_truncated", response)
            logger.warning(
                "Sitemap %s: read its first %d entries only (NEWSCRAWL_SITEMAP_MAX_ENTRIES, "
                "NEWSCRAWL_SITEMAP_MAX_BYTES and their per-run totals)",
                response.url,
                len(document.entries),
            )
        for entry in document.entries:
            # The protocol wants absolute URLs; a relative one is read as the page would.
            loc = self._join(response, entry.loc)
            if loc is None:
                continue
            if document.kind == "sitemapindex":
                if not loc.startswith(("http://", "https://")):
                    self._count("newscrawl/sources/invalid_url")
                    logger.warning("Ignoring sitemap %r listed in %s", entry.loc, response.url)
                elif self._follow and not any(p.search(loc) for p in self._follow):
                    self._count("newscrawl/sources/not_followed")
                # An index entry's lastmod is its newest change: older means nothing new.
                elif not self._too_old(entry.lastmod, loc) and (
                    request := self.source_request(
                        loc, self.parse_sitemap, kind="sitemap", lastmod=entry.lastmod
                    )
                ):
                    yield request
                continue
            request = self.article_request(
                loc,
                published=entry.news_published,
                modified=entry.lastmod,
                title=entry.news_title,
            )
            if request is not None:
                yield request

    def parse_feed(self, response: Response) -> Iterable[Request]:
        """An RSS or Atom feed."""
        try:
            if response.status != 304:  # 304: not modified since the run that read it
                yield from self._read_feed(response)
        finally:
            self._source_done()

    def _read_feed(self, response: Response) -> Iterable[Request]:
        try:
            entries = parse_feed(response.body, base_url=response.url)
        except FeedError as error:
            self._count("newscrawl/sources/invalid_feed")
            self._source_incomplete("invalid_feed", response)
            logger.warning("Ignoring invalid feed %s: %s", response.url, error)
            return
        for entry in entries:
            link = self._join(response, entry.link)
            if link is None:
                continue
            request = self.article_request(
                link,
                published=entry.published,
                modified=entry.updated,
                title=entry.title,
                authors=list(entry.authors),
            )
            if request is not None:
                yield request

    def parse_listing(self, response: Response, depth: int = 0) -> Iterable[Request]:
        """A section or index page: article links, and listing pages to follow."""
        try:
            yield from self._read_listing(response, depth)
        finally:
            self._source_done()

    def _read_listing(self, response: Response, depth: int) -> Iterable[Request]:
        if not isinstance(response, TextResponse):
            return
        for link in LinkExtractor(allow=self.article_allow, deny=self.article_deny).extract_links(
            response
        ):
            if self._on_site(link.url) and (request := self.article_request(link.url)):
                yield request
        if depth >= self.listing_depth or not self.listing_follow:
            return
        for link in LinkExtractor(allow=self.listing_follow).extract_links(response):
            if not self._on_site(link.url):
                continue
            priority = response.request.priority if response.request else SOURCE_PRIORITY
            request = self.source_request(
                link.url, self.parse_listing, priority, kind="listing", depth=depth + 1
            )
            if request is not None:
                yield request

    def _on_site(self, url: str) -> bool:
        """Whether `url` is on one of `allowed_domains` (or a subdomain), whatever the port:
        Scrapy's `LinkExtractor(allow_domains=...)` compares the port too, so a site served
        on a port (the demo, a staging copy) would have no links of its own."""
        domains = getattr(self, "allowed_domains", None)
        if not domains:
            return True
        host = (urlsplit(url).hostname or "").lower()
        return any(host == d.lower() or host.endswith(f".{d.lower()}") for d in domains)

    # Articles

    def article_request(self, url: str, **hints: Any) -> Request | None:
        """A request for `url` if it is a fresh enough article URL; None (counted) if not."""
        url = canonicalize(url)
        if not self._valid_url(url) or not self.is_article_url(url):
            return None
        date = hints.get("published") or hints.get("modified")
        if self._too_old(date, url):
            return None
        return Request(
            url,
            callback=self.parse_article,
            errback=self.article_failed,
            cb_kwargs={"hints": {k: v for k, v in hints.items() if v}},
            priority=ARTICLE_PRIORITY,
            meta={KIND: "article"},
        )

    def _join(self, response: Response, url: str) -> str | None:
        """`url` made absolute against the response's URL; None (counted) when malformed."""
        try:
            return response.urljoin(url)
        except ValueError as error:
            self._count("newscrawl/skipped/invalid_url")
            logger.warning(
                "Skipping a malformed URL in %s: %r (%s)", response.url, url[:300], error
            )
            return None

    def _valid_url(self, url: str) -> bool:
        """Whether `url` can be requested at all; a malformed one (`http://[::1`, a port
        of 99999) is counted as `newscrawl/skipped/invalid_url` and logged, and the rest
        of its list goes on."""
        problem = http_url_problem(url)
        if problem is None:
            return True
        if not url.startswith(("http://", "https://")):
            self._count("newscrawl/skipped/not_http")  # mailto:, javascript:, ...
            return False
        self._count("newscrawl/skipped/invalid_url")
        logger.warning("Skipping a malformed URL: %r (%s)", url[:300], problem)
        return False

    def is_article_url(self, url: str) -> bool:
        """Whether `url` may be an article by the site's rules (counted when not)."""
        if not url.startswith(("http://", "https://")):
            self._count("newscrawl/skipped/not_http")
            return False
        if url_has_any_extension(url, _NOT_HTML_EXTENSIONS):
            self._count("newscrawl/skipped/not_html_url")
            return False
        if (self._allow and not any(p.search(url) for p in self._allow)) or any(
            p.search(url) for p in self._deny
        ):
            self._count("newscrawl/skipped/not_article_url")
            return False
        return True

    def parse_article(self, response: Response, hints: dict[str, Any] | None = None) -> Any:
        """Turn an article response into a `Page`; a non-HTML response is a counted drop."""
        self._count("newscrawl/fetched/articles")
        page = self.make_page(response, hints)
        if page is not None:
            yield page

    def make_page(
        self, response: Response, hints: dict[str, Any] | None = None, fetched_at: str = ""
    ) -> Page | None:
        """The `Page` for an HTML response (decoded by `newscrawl.core.encoding.decode_html`: BOM,
        declared charset when the body agrees, UTF-8, detection); None, counted as
        `not_html`, `truncated` or `invalid_bytes`, for anything else.
        `fetched_at` defaults to now; archived responses pass their capture time."""
        if TRUNCATED in response.flags:
            self.drop_page(
                "truncated", response.url, "body cut short", logging.WARNING, response=response
            )
            return None
        if not _is_html(response):
            declared = response.headers.get("Content-Type") or b"no content type"
            self.drop_page("not_html", response.url, declared.decode("latin-1"), response=response)
            return None
        content_type = (response.headers.get("Content-Type") or b"").decode("latin-1")
        decoded = decode_html(response.body, content_type)
        if decoded.invalid:
            self.drop_page(
                "invalid_bytes",
                response.url,
                f"not valid {decoded.encoding}: over 1% replacement characters",
                logging.WARNING,
                response=response,
            )
            return None
        return Page(
            url=response.url,
            html=decoded.text,
            spider=self.name,
            fetched_at=fetched_at or datetime.now(UTC).isoformat(timespec="seconds"),
            hints=hints or {},
        )

    def article_failed(self, failure: Failure) -> None:
        """An article that could not be fetched: one log line and a counted reason, instead
        of Scrapy's traceback. A 404 is routine (deleted stories stay in sitemaps)."""
        if failure.check(RefusedAddress):
            return  # counted and logged (once per host) by the address guard
        reason, detail, level = _failure_reason(failure)
        response = failure.value.response if failure.check(HttpError) else None
        if response is not None:
            self._count("newscrawl/fetched/articles")
        self.drop_page(
            reason,
            _failed_url(failure),
            detail,
            level,
            response=response,
            request=getattr(failure, "request", None),
        )

    def source_failed(self, failure: Failure) -> None:
        """A sitemap, feed or listing page that could not be fetched: one WARNING line and
        `newscrawl/sources/failed/<reason>`; the crawl goes on with the other sources."""
        self._source_done()
        request = getattr(failure, "request", None)
        if failure.check(RefusedAddress):
            # Counted and logged (once per host) by the address guard.
            self._source_incomplete("refused", None, request)
            return
        reason, detail, _ = _failure_reason(failure)
        self._count(f"newscrawl/sources/failed/{reason}")
        self._source_incomplete(reason, None, request)
        logger.warning("Source failed: %s (%s)", _failed_url(failure), detail)

    def _source_incomplete(
        self, reason: str, response: Response | None, request: Request | None = None
    ) -> None:
        """Announce a source that was not read whole (`newscrawl.crawl.signals.source_failed`)."""
        request = request or (response.request if response is not None else None)
        self.crawler.signals.send_catch_log(
            signal=newscrawl_signals.source_failed,
            reason=reason,
            url=request.url if request is not None else "?",
            request=request,
        )

    def _source_done(self) -> None:
        """A source request is over (read, not modified, or failed): for the progress."""
        self._count("newscrawl/sources/done")

    def drop_page(
        self,
        reason: str,
        url: str,
        detail: str = "",
        level: int = logging.INFO,
        response: Response | None = None,
        request: Request | None = None,
    ) -> None:
        """A page that never reaches the pipelines: counted as `newscrawl/dropped/<reason>`,
        logged once, and announced (`page_dropped`) so the crawl state and per-site health
        count it."""
        self._count(f"newscrawl/dropped/{reason}")
        logger.log(level, "Dropped: %s: %s (%s)", reason, url, detail)
        self.crawler.signals.send_catch_log(
            signal=newscrawl_signals.page_dropped,
            reason=reason,
            url=url,
            request=request or (response.request if response is not None else None),
            response=response,
            spider=self,
        )

    def _too_old(self, date: str | None, url: str) -> bool:
        if self.max_age_cutoff is None or not date:
            return False
        when = parse_datetime(date)
        if when is not None and when < self.max_age_cutoff:
            self._count("newscrawl/skipped/too_old")
            logger.debug("Skipping %s: dated %s, older than max_age", url, date)
            return True
        return False

    def _count(self, key: str) -> None:
        self.crawler.stats.inc_value(key)


def _failure_reason(failure: Failure) -> tuple[str, str, int]:
    """(stats reason, detail for the log, log level) of a failed download."""
    if failure.check(HttpError):
        status = failure.value.response.status
        level = logging.INFO if status in (404, 410) else logging.WARNING
        return f"http_{status}", f"HTTP {status}", level
    if failure.check(IgnoreRequest) and "robots.txt" in failure.getErrorMessage():
        # The site asked us not to: polite, expected, and not a fetch.
        return "robots_forbidden", "forbidden by robots.txt", logging.INFO
    name = failure.type.__name__ if failure.type else "error"
    return "download_error", f"{name}: {failure.getErrorMessage()}", logging.WARNING


def _failed_url(failure: Failure) -> str:
    request = getattr(failure, "request", None)
    return request.url if request is not None else "?"


def _is_html(response: Response) -> bool:
    if isinstance(response, HtmlResponse):
        return True
    # Some servers send HTML as text/plain or octet-stream.
    return isinstance(response, TextResponse) and bool(_HTML_START.match(response.body[:1024]))


def _is_robots_txt(url: str) -> bool:
    return urlsplit(url).path == "/robots.txt"
