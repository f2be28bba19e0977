"""One run per spider at a time: a lock file in the data folder.

Cron starts `scrapy crawl SITE` every hour whether or not the last run is done. Two runs
of one spider at once would fetch the same articles twice and race on the crawl state,
so the second one stops before it touches the state or a feed: it logs one ERROR line
naming the run that holds the lock, and `scrapy crawl` exits with code 4.

The lock is `flock(2)` on `<data dir>/<spider>.lock`, taken without waiting. The kernel
releases it when the process ends, however it ends (`kill -9` included), so a crashed run
never leaves a stale lock behind; the file itself stays (deleting a lock file races with
the next run opening it), holding the holder's pid and start time for that message.
Locks are local to one machine: give each machine its own data folder.
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
import socket
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from scrapy import signals
from scrapy.exceptions import NotConfigured

from newscrawl.state import data_dir

if TYPE_CHECKING:
    from typing import Self

    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)


class AlreadyRunning(RuntimeError):
    """Another run of this spider holds its lock."""


class RunLock:
    """A non-blocking exclusive lock on a file, with who holds it written inside."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self._file: IO[str] | None = None

    def acquire(self, name: str) -> None:
        """Take the lock or raise `AlreadyRunning` (with a message naming the holder)."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # "a+": opening must not truncate what the holder wrote.
        file = self.path.open("a+", encoding="utf-8")
        try:
            fcntl.flock(file, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _read_holder(file)
            file.close()
            raise AlreadyRunning(
                f"another run of {name} is running since {holder.get('since', '?')} "
                f"(pid {holder.get('pid', '?')}); exiting"
            ) from None
        file.seek(0)
        file.truncate()
        json.dump(
            {
                "pid": os.getpid(),
                "host": socket.gethostname(),
                "since": datetime.now(UTC).isoformat(timespec="seconds"),
            },
            file,
        )
        file.flush()
        self._file = file

    def release(self) -> None:
        if self._file is not None:
            fcntl.flock(self._file, fcntl.LOCK_UN)
            self._file.close()
            self._file = None

    @property
    def held(self) -> bool:
        return self._file is not None


def _read_holder(file: IO[str]) -> dict[str, Any]:
    file.seek(0)
    try:
        holder = json.loads(file.read() or "{}")
    except ValueError:
        return {}
    return holder if isinstance(holder, dict) else {}


class RunLockExtension:
    """Takes the spider's lock while the crawler is built, before any other newscrawl
    component opens the state or a feed; releases it when the engine stops."""

    def __init__(self, lock: RunLock) -> None:
        self.lock = lock

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        if not crawler.settings.getbool("NEWSCRAWL_LOCK"):
            raise NotConfigured
        if crawler.spider is None:
            # A crawl builds its spider before its extensions; only a bare test crawler
            # (scrapy.utils.test.get_crawler) has none, and nothing to lock.
            raise NotConfigured("no spider")
        name = crawler.spider.name
        extension = cls(RunLock(data_dir(crawler.settings) / f"{name}.lock"))
        try:
            extension.lock.acquire(name)
        except AlreadyRunning as error:
            logger.error("%s", error)
            raise
        extension.crawler = crawler
        crawler.signals.connect(extension.spider_opened, signal=signals.spider_opened)
        return extension

    crawler: Crawler

    def spider_opened(self) -> None:
        # Connected now rather than in from_crawler so that it runs after every other
        # engine_stopped receiver (receivers run in the order they were connected): the
        # lock is the last thing a run lets go of, after the state and the summary.
        self.crawler.signals.connect(self.release, signal=signals.engine_stopped)

    def release(self) -> None:
        self.lock.release()
