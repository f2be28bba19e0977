"""Run extraction and cleaning in worker processes, off the Twisted reactor.

trafilatura costs ~10 ms of CPU per page and holds the GIL, so calling it from a pipeline
stalls every download, and threads make it worse. `WorkerPool` is a Scrapy extension that
owns a process pool (pebble: per-task timeouts, a crashed or hung worker is replaced
without breaking the pool) sized to the machine's cores. Pipelines `await pool.run(...)`.

Memory stays bounded: at most `NEWSCRAWL_MAX_IN_FLIGHT` tasks are queued or running (a
pipeline waits for a slot, which keeps its response in Scrapy's scraper slot, which in
turn makes the engine stop handing out responses: back-pressure all the way to the
downloader), and each worker is replaced after `NEWSCRAWL_WORKER_MAX_TASKS` tasks, so a
worker that grows (lxml fragmentation, caches) never grows for long.

Set `NEWSCRAWL_WORKERS = 0` to run everything inline (debugging, profiling).
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from pebble import ProcessPool
from scrapy import signals
from scrapy.exceptions import NotConfigured
from scrapy.utils.asyncio import is_asyncio_available

if TYPE_CHECKING:
    from typing import Self

    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)

T = TypeVar("T")


def available_cores() -> int:
    """Cores this process may run on (respects CPU affinity and containers' cpusets)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def worker_count(value: object) -> int:
    """Parse `NEWSCRAWL_WORKERS`: "auto" (one per core), or a number (0 = inline)."""
    if value in (None, "", "auto"):
        return available_cores()
    try:
        count = int(str(value))
    except ValueError:
        raise ValueError(f"NEWSCRAWL_WORKERS must be 'auto' or a number, not {value!r}") from None
    if count < 0:
        raise ValueError(f"NEWSCRAWL_WORKERS must be 0 or more, not {count}")
    return count


class WorkerPool:
    """A process pool shared by the crawl's pipelines, with bounded in-flight work."""

    def __init__(self, workers: int, max_in_flight: int, max_tasks: int, timeout: float) -> None:
        self.workers = workers
        self.max_in_flight = max_in_flight
        self.max_tasks = max_tasks
        self.timeout = timeout or None
        self._pool: ProcessPool | None = None
        self._slots: asyncio.Semaphore | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        settings = crawler.settings
        workers = worker_count(settings.get("NEWSCRAWL_WORKERS"))
        if workers == 0:
            raise NotConfigured  # pipelines then run their stages inline
        if not _asyncio_available():
            raise NotConfigured("NEWSCRAWL_WORKERS needs the asyncio reactor; running inline")
        max_in_flight = settings.getint("NEWSCRAWL_MAX_IN_FLIGHT") or 4 * workers
        pool = cls(
            workers=workers,
            max_in_flight=max_in_flight,
            max_tasks=settings.getint("NEWSCRAWL_WORKER_MAX_TASKS"),
            timeout=settings.getfloat("NEWSCRAWL_TASK_TIMEOUT"),
        )
        crawler.signals.connect(pool.close, signal=signals.engine_stopped)
        return pool

    async def run(self, function: Callable[..., T], *args: Any) -> T:
        """Run `function(*args)` in a worker; raises what it raises, `TimeoutError` when it
        overruns the task timeout, `pebble.ProcessExpired` when its worker died."""
        if self._slots is None:
            self._slots = asyncio.Semaphore(self.max_in_flight)
        async with self._slots:
            future = self._ensure_pool().schedule(function, args=args, timeout=self.timeout)
            return await asyncio.wrap_future(future)

    def _ensure_pool(self) -> ProcessPool:
        if self._pool is None:
            # forkserver: workers fork from a clean, single-threaded server that has
            # already imported the extraction stack, never from the threaded crawler.
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(["newscrawl.stages", "newscrawl.warmup"])
            self._pool = ProcessPool(
                max_workers=self.workers,
                max_tasks=self.max_tasks,
                initializer=_quiet_libraries,
                context=context,
            )
            logger.info(
                "Extraction runs in %d worker processes (at most %d tasks in flight)",
                self.workers,
                self.max_in_flight,
            )
        return self._pool

    def close(self) -> None:
        """Let workers finish, then stop them (engine stopped: nothing is in flight)."""
        if self._pool is None:
            return
        self._pool.close()
        self._pool.join(timeout=10)
        if self._pool.active:
            self._pool.stop()
            self._pool.join()
        self._pool = None


def _quiet_libraries() -> None:
    """Worker start-up: silence the extraction libraries' per-page messages. Workers have
    no log configuration, so those would reach stderr raw; and the pipelines already report
    every drop, with its reason, in the crawl's own log and stats."""
    for name in ("trafilatura", "htmldate", "courlan", "justext", "readability"):
        logging.getLogger(name).setLevel(logging.CRITICAL)


def _asyncio_available() -> bool:
    try:
        return is_asyncio_available()
    except RuntimeError:  # no reactor installed: Scrapy runs on a plain asyncio loop
        return True
