"""`urls`: crawl a list of article URLs you already have.

    scrapy crawl urls -a file=urls.txt -O out.jsonl

One URL a line; blank lines and `#` comments are skipped; a line that is not an http(s)
URL, or is malformed (`http://[::1`, a port of 99999), is logged with its line number and
counted (`newscrawl/skipped/invalid_url`), and a line that is not UTF-8 too
(`newscrawl/skipped/not_utf8`): never silently lost, and the rest of the file goes on.
Every URL is treated as an article candidate: the pipelines drop pages that turn out
not to be articles, with the reason in the stats.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newscrawl.spiders.args import ArgumentError
from newscrawl.spiders.base import NewsSpider

if TYPE_CHECKING:
    from typing import Self

    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)


class UrlsSpider(NewsSpider):
    name = "urls"
    # A list of URLs may span many sites: site health is judged per host.
    health_by_host = True
    spider_arguments = NewsSpider.spider_arguments | {"file"}

    path: Path

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> Self:
        spider = super().from_crawler(crawler, *args, **kwargs)
        if not kwargs.get("file"):
            raise ArgumentError("the urls spider needs a file of URLs: -a file=urls.txt")
        spider.path = Path(kwargs["file"]).expanduser()
        if not spider.path.is_file():
            raise ArgumentError(f"file={kwargs['file']!r}: no such file")
        return spider

    async def start(self) -> AsyncIterator[Any]:
        for number, url in read_url_lines(self.path):
            if url is None:
                self._count("newscrawl/skipped/not_utf8")
                logger.warning("%s line %d: not UTF-8, skipped", self.path, number)
                continue
            if not url.startswith(("http://", "https://")) or " " in url:
                self._count("newscrawl/skipped/invalid_url")
                logger.warning("%s line %d: not an http(s) URL: %r", self.path, number, url)
                continue
            if (request := self.article_request(url)) is not None:
                yield request


def read_url_lines(path: Path) -> Iterator[tuple[int, str | None]]:
    """(line number, URL) for each non-blank, non-comment line; inline `# ...` is a comment.
    A line that is not UTF-8 gives (line number, None)."""
    with path.open("rb") as lines:
        for number, raw in enumerate(lines, start=1):
            if number == 1:
                raw = raw.removeprefix(b"\xef\xbb\xbf")  # a BOM
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError:
                yield number, None
                continue
            url = line.split(" #", 1)[0].strip()
            if url and not url.startswith("#"):
                yield number, url
