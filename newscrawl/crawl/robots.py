"""Scrapy's robots.txt middleware, with every request that waits for robots.txt judged by it.

In Scrapy 2.19, requests to a host whose robots.txt is still downloading all await the
same Deferred; the first one to resume consumes its result and the others receive
`None`, which the middleware reads as "no robots.txt": they are fetched, disallowed or
not. A crawl starts with many article requests to one host at once, so this is the
common case for newscrawl. Here each waiter gets its own copy of the result.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware as ScrapyRobotsTxt
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.defer import Deferred

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.robotstxt import RobotParser


class RobotsTxtMiddleware(ScrapyRobotsTxt):
    async def robot_parser(self, request: Request) -> RobotParser | None:
        pending = self._parsers.get(urlparse_cached(request).netloc)
        if not isinstance(pending, Deferred):
            return await super().robot_parser(request)
        mine: Deferred[RobotParser | None] = Deferred()

        def share(result: Any) -> Any:
            mine.callback(result)
            return result  # left in place for the next waiter

        pending.addCallback(share)
        return await maybe_deferred_to_future(mine)
