"""One log line per dropped page.

Scrapy logs a dropped item as "Dropped: <reason>" and, on a second line, the item. A
newscrawl drop already names its reason, URL and detail in one line ("Dropped:
too_short: URL (12 words, fewer than 25)"), like the drops the spider logs itself (a
404, a download error), so the second line is only noise: a log read with `grep` or
mailed by cron has one line per drop. Drops by other pipelines keep a short, one-line
description of their item.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from scrapy.logformatter import LogFormatter as ScrapyLogFormatter

from newscrawl.crawl.pipelines import Dropped

if TYPE_CHECKING:
    from scrapy import Spider
    from scrapy.http import Response
    from scrapy.logformatter import LogFormatterResult
    from twisted.python.failure import Failure

#: Characters of a foreign item's description kept in its drop line.
_ITEM_CHARS = 200


class LogFormatter(ScrapyLogFormatter):
    def dropped(
        self,
        item: Any,
        exception: BaseException,
        response: Response | Failure | None,
        spider: Spider,
    ) -> LogFormatterResult:
        result = super().dropped(item, exception, response, spider)
        if isinstance(exception, Dropped):
            return {**result, "msg": "Dropped: %(exception)s", "args": {"exception": exception}}
        described = " ".join(repr(item).split())
        if len(described) > _ITEM_CHARS:
            described = described[: _ITEM_CHARS - 1] + "…"
        return {
            **result,
            "msg": "Dropped: %(exception)s: %(item)s",
            "args": {"exception": exception, "item": described},
        }
