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
import threading
import time
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
    """A process pool shared by the crawl's pipelines, with bounded in-flight work.

    The pool starts with the first task (a run that finds nothing new never starts it),
    in a thread: the first worker waits for the forkserver to import the extraction stack
    (seconds), which must not stall the reactor. It is ready once every worker has
    answered; it is never torn down before that, since pebble unlinks the pool's
    semaphores on stop, and a worker still starting up would then fail with a traceback
    on stderr.
    """

    def __init__(self, workers: int, max_in_flight: int, max_tasks: int, timeout: float) -> None:
        self.workers = workers
        self.max_in_flight = max_in_flight
        self.max_tasks = max_tasks
        self.timeout = timeout or None
        self._pool: ProcessPool | None = None
        self._slots: asyncio.Semaphore | None = None
        self._starter: threading.Thread | None = None
        self._ready = threading.Event()
        self._start_error: BaseException | None = None

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

    def start(self) -> None:
        """Start the workers in the background (again after `close`)."""
        if self._starter is None:
            self._ready.clear()
            self._starter = threading.Thread(
                target=self._start_workers, name="newscrawl-pool-start", daemon=True
            )
            self._starter.start()

    async def run(self, function: Callable[..., T], *args: Any) -> T:
        """Run `function(*args)` in a worker; raises what it raises, `TimeoutError` when it
        overruns the task timeout, `pebble.ProcessExpired` when its worker died."""
        if self._slots is None:
            self._slots = asyncio.Semaphore(self.max_in_flight)
        async with self._slots:
            if not self._ready.is_set():
                self.start()
                await asyncio.to_thread(self._ready.wait)
            if self._start_error is not None or self._pool is None:
                raise RuntimeError("the worker pool could not start") from self._start_error
            future = self._pool.schedule(function, args=args, timeout=self.timeout)
            return await asyncio.wrap_future(future)

    def _start_workers(self) -> None:
        try:
            # forkserver: workers fork from a clean, single-threaded server that has
            # already imported the extraction stack, never from the threaded crawler.
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(["newscrawl.stages", "newscrawl.crawl.warmup"])
            pool = ProcessPool(
                max_workers=self.workers,
                max_tasks=self.max_tasks,
                initializer=_quiet_libraries,
                context=context,
            )
            self._pool = pool
            answered: set[int] = set()
            deadline = time.monotonic() + _START_TIMEOUT
            while len(answered) < self.workers and time.monotonic() < deadline:
                pings = [pool.schedule(_worker_pid) for _ in range(self.workers)]
                answered.update(ping.result(timeout=_START_TIMEOUT) for ping in pings)
            logger.info(
                "Extraction runs in %d worker processes (at most %d tasks in flight)",
                self.workers,
                self.max_in_flight,
            )
        except BaseException as error:  # reported by run(), in the pipelines' drops
            logger.error("The extraction worker pool could not start: %s", error)
            self._start_error = error
        finally:
            self._ready.set()

    def close(self) -> None:
        """Let workers finish, then stop them (engine stopped: nothing is in flight)."""
        if self._starter is None:
            return
        self._ready.wait(timeout=_START_TIMEOUT)
        pool, self._pool = self._pool, None
        self._starter, self._start_error = None, None
        self._ready.clear()
        if pool is None:
            return
        pool.close()
        pool.join(timeout=10)
        if pool.active:
            pool.stop()
            pool.join()


#: Seconds the workers may take to start (the forkserver imports the extraction stack).
_START_TIMEOUT = 60.0


def _worker_pid() -> int:
    """A ping: which worker answered. Sleeps a little so the next ping goes to another."""
    time.sleep(0.02)
    return os.getpid()


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
