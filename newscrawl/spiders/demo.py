"""`demo`: crawl The Harbour Gazette, a small news site that ships with newscrawl, offline.

    scrapy crawl demo -O articles.jsonl

The site (`newscrawl/demo/site/`) is served on a loopback port that this spider opens
and closes itself (8377 when free, so the URLs and the crawl state carry over from one
run to the next as a real site's do; another free port otherwise), and crawled like any
other site: through Scrapy's downloader, robots.txt, a sitemap index with a Google News
sitemap and a gzipped archive sitemap, an RSS feed and section pages, with the same base
class, pipelines and exporters as every site spider. It has three page templates full of
chrome and related-headline blocks, and pages that are not articles (sections, tags,
authors, a PDF, a deleted story): the output holds each article once and nothing else.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import ExitStack
from typing import TYPE_CHECKING, Any

from scrapy import signals
from scrapy.settings import SETTINGS_PRIORITIES

from newscrawl.core.resources import as_folder, resource
from newscrawl.spiders.base import NewsSpider
from newscrawl.testing.localsite import LocalSite

if TYPE_CHECKING:
    from typing import Self

    from scrapy.crawler import Crawler

#: The site's files, package data (read from a zipped egg too, as scrapyd runs it).
SITE_ROOT = resource("newscrawl", "demo", "site")


class DemoSpider(NewsSpider):
    name = "demo"
    allowed_domains = ("127.0.0.1",)
    article_allow = (r"/\d{4}/\d{2}/\d{2}/[\w-]+\.html$",)
    listing_follow = (r"/[\w-]+/(page/\d+/)?(index\.html)?$",)
    listing_depth = 2

    #: The loopback port the site is served on when it is free.
    port = 8377

    site: LocalSite
    _files: ExitStack

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> Self:
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider._files = ExitStack()
        root = spider._files.enter_context(as_folder(SITE_ROOT))
        try:
            site = LocalSite(root, port=cls.port)
        except OSError:  # in use (another demo run?): any port will do
            site = LocalSite(root)
        spider.site = site.start()
        # The address guard refuses loopback addresses: let this one site through.
        name = "NEWSCRAWL_ALLOW_PRIVATE_HOSTS"
        allowed = [*crawler.settings.getlist(name), site.base_url.removeprefix("http://")]
        priority = max(crawler.settings.getpriority(name) or 0, SETTINGS_PRIORITIES["spider"])
        crawler.settings.set(name, allowed, priority=priority)
        crawler.signals.connect(spider.stop_site, signal=signals.spider_closed)
        return spider

    def stop_site(self) -> None:
        self.site.stop()
        self._files.close()

    async def start(self) -> AsyncIterator[Any]:
        base = self.site.base_url
        self.logger.info("Serving the demo site at %s", base)
        self.sitemap_urls = [f"{base}/robots.txt"]
        self.feed_urls = [f"{base}/feeds/rss.xml", f"{base}/feeds/atom.xml"]
        self.listing_urls = [f"{base}/"]
        async for request in super().start():
            yield request
