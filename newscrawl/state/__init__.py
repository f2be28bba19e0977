"""Persistent crawl state: what earlier runs exported or dropped, so the next run only
fetches what is new.

`NEWSCRAWL_STATE` picks the backend: "sqlite" (default: `NEWSCRAWL_STATE_PATH`, relative
to `NEWSCRAWL_DATA_DIR`), "redis" (the default with `NEWSCRAWL_REDIS_URL`), a dotted
path to a class with `from_crawler(crawler)` that implements `CrawlState`, or "" to crawl
without memory. The Scrapy side (opening it,
recording exports and drops, recovering killed runs) is `newscrawl.state.extension`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from newscrawl.core.datadir import data_dir, under_data_dir
from newscrawl.state.base import (
    FINAL_DROP_REASONS,
    CrawlState,
    FeedFile,
    Run,
    Seen,
    SourceRecord,
    StateUnavailable,
    newest_date,
)

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.settings import BaseSettings

__all__ = [
    "BACKENDS",
    "FINAL_DROP_REASONS",
    "CrawlState",
    "FeedFile",
    "Run",
    "Seen",
    "SourceRecord",
    "StateUnavailable",
    "data_dir",
    "newest_date",
    "open_state",
    "state_path",
]

#: Short names for `NEWSCRAWL_STATE`.
BACKENDS = {
    "sqlite": "newscrawl.state.sqlite.SqliteState",
    # Shared by the workers of a distributed crawl (NEWSCRAWL_REDIS_URL sets it).
    "redis": "newscrawl.state.redis.RedisState",
}


def state_path(settings: BaseSettings) -> Path:
    """`NEWSCRAWL_STATE_PATH`, under the data folder unless absolute."""
    return under_data_dir(settings, settings.get("NEWSCRAWL_STATE_PATH") or "state.sqlite3")


def open_state(crawler: Crawler) -> CrawlState | None:
    """The crawl's state backend (for `crawler.spider`), or None when it is disabled."""
    name = str(crawler.settings.get("NEWSCRAWL_STATE") or "").strip()
    if not name:
        return None
    # Here: the records and backends (`import newscrawl.state`) need nothing of Scrapy.
    from scrapy.utils.misc import load_object

    backend = load_object(BACKENDS.get(name, name))
    state: CrawlState = backend.from_crawler(crawler)
    return state
