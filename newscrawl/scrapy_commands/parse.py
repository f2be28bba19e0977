"""`scrapy parse URL --pipelines`: what newscrawl makes of one page, changing nothing.

newscrawl's spiders yield a `Page` (the HTML); the item pipelines turn it into the
`Article` that is exported, or drop it with a reason. Scrapy's `parse --pipelines` starts
the pipelines without waiting for them and prints what the spider yielded, so it showed
the raw page while the crawl closed under the pipelines still running ("the worker pool
could not start"). Here every item goes through the pipelines before it is printed: the
output is the exported article, and a dropped page is listed with its reason. Without
`-c`, a newscrawl spider's page is parsed as an article (`parse_article`).

As for every debug command (`newscrawl.scrapy_commands._debug`), the crawl state, the
duplicate index, the run lock, the summary and the default feed are left alone.
"""

from __future__ import annotations

import functools
import logging
from typing import TYPE_CHECKING, Any

from scrapy import Spider
from scrapy.commands.parse import Command as ScrapyParseCommand
from scrapy.exceptions import DropItem
from scrapy.utils.defer import deferred_from_coro, maybe_deferred_to_future

from newscrawl.scrapy_commands._debug import DebugCommand

if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable

    from scrapy.http import Request, Response
    from twisted.internet.defer import Deferred

logger = logging.getLogger(__name__)

_Scraped = tuple[list[Any], list["Request"], "argparse.Namespace", int, "Spider", Any]


class Command(DebugCommand, ScrapyParseCommand):
    def __init__(self) -> None:
        super().__init__()
        #: Messages of the items the pipelines dropped, by depth.
        self.dropped: dict[int, list[str]] = {}

    def short_desc(self) -> str:
        return "Parse URL (using its spider) and print the results (--pipelines: the articles)"

    def prepare_request(
        self, spider: Spider, request: Request, opts: argparse.Namespace
    ) -> Request:
        if not opts.callback and not opts.rules and _parses_articles(spider):
            opts.callback = "parse_article"
        request = super().prepare_request(spider, request, opts)
        request.callback = _awaiting(request.callback)
        return request

    # Called in a Deferred chain, which waits for a Deferred it returns: the pipelines
    # finish before the response counts as done, so the crawl cannot close under them.
    def scraped_data(self, args: _Scraped) -> Deferred[list[Any]]:  # type: ignore[override]
        return deferred_from_coro(self._scraped_data(*args))

    async def _scraped_data(
        self,
        items: list[Any],
        requests: list[Request],
        opts: argparse.Namespace,
        depth: int,
        spider: Spider,
        callback: Any,
    ) -> list[Any]:
        if opts.pipelines:
            items = [item for item in [await self._process(item, depth) for item in items] if item]
        self.add_items(depth, items)
        self.add_requests(depth, requests)
        scraped: list[Any] = list(items) if opts.output else []
        if depth < opts.depth:
            for request in requests:
                request.meta["_depth"] = depth + 1
                request.meta["_callback"] = request.callback
                request.callback = _awaiting(callback)
            scraped += requests
        return scraped

    async def _process(self, item: Any, depth: int) -> Any:
        """The item as the pipelines leave it; None (and a note) when they drop it."""
        assert self.pcrawler.engine is not None
        try:
            return await self.pcrawler.engine.scraper.itemproc.process_item_async(item)
        except DropItem as drop:
            self.dropped.setdefault(depth, []).append(str(drop))
            return None

    def print_items(self, lvl: int | None = None, colour: bool = True) -> None:
        super().print_items(lvl, colour)
        if lvl is None:
            dropped = [message for messages in self.dropped.values() for message in messages]
        else:
            dropped = self.dropped.get(lvl, [])
        if dropped:
            print("# Dropped by the pipelines ", "-" * 50)
            for message in dropped:
                print(message)


def _parses_articles(spider: Spider) -> bool:
    """A newscrawl spider, whose pages have no `parse` callback: `scrapy parse URL` means
    the article at URL (`-c` picks another callback)."""
    return hasattr(spider, "parse_article") and type(spider).parse is Spider.parse


def _awaiting(callback: Callable[..., Any] | None) -> Callable[..., Any]:
    """Scrapy's parse callback returns a Deferred, which Scrapy 2.19 deprecates in a spider
    callback: the same callback as a coroutine."""
    assert callback is not None

    async def awaiting(response: Response, **kwargs: Any) -> Any:
        return await maybe_deferred_to_future(callback(response, **kwargs))

    return functools.wraps(callback)(awaiting)
