"""Distributed crawling: any number of `scrapy crawl SITE` workers sharing one Redis.

`-s NEWSCRAWL_REDIS_URL=redis://host:6379/0` (and `pip install 'newscrawl[redis]'`) turns
a crawl into a worker of a distributed run. Redis then holds, for every worker on every
machine:

- the frontier: scrapy-redis's request queue and duplicate filter
  (`newscrawl.distributed.scheduler`), with every request a worker took *leased* to it
  until Scrapy is done with it, so that the requests of a worker that dies go back to the
  queue;
- run coordination (`newscrawl.distributed.coordinator`), in place of the per-machine run
  lock: which run ("round") is going, who seeds its sources, which workers are alive
  (a heartbeat), and when the round is over (the queue empty and no worker holding a
  request);
- the crawl state (`newscrawl.state.redis`) and the duplicate index
  (`newscrawl.distributed.dedup`), behind the same interfaces as their SQLite versions.

Keys all start with `NEWSCRAWL_REDIS_PREFIX` ("newscrawl"), so one Redis can serve other
programs too. This module holds what those parts share: the connection, key names and
the test of whether a worker is dead.
"""

from __future__ import annotations

import contextlib
import os
import re
import socket
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from newscrawl._imports import require
from newscrawl.state.base import StateUnavailable

if TYPE_CHECKING:
    from scrapy.settings import BaseSettings

#: Seconds a worker may go without a heartbeat before workers on other machines count
#: it as dead and requeue its requests (on its own machine a dead pid is seen at once).
DEFAULT_WORKER_TIMEOUT = 30


def redis_url(settings: BaseSettings) -> str:
    """`NEWSCRAWL_REDIS_URL`, or "" when the crawl is not distributed."""
    return str(settings.get("NEWSCRAWL_REDIS_URL") or "").strip()


def connect(url: str) -> Any:
    """A client for `url`, checked with a PING; `StateUnavailable` (exit code 1, one line)
    when Redis cannot be reached."""
    redis = require("redis")
    client: Any = redis.Redis.from_url(url, socket_timeout=30, socket_connect_timeout=10)
    try:
        client.ping()
    except redis.RedisError as error:
        raise StateUnavailable(f"cannot reach Redis at {_safe(url)}: {error}") from error
    return client


def redis_errors() -> type[Exception]:
    """redis-py's base exception (Redis unreachable, a connection lost mid-command)."""
    error: type[Exception] = require("redis").RedisError
    return error


def _safe(url: str) -> str:
    """The URL without its password, for messages."""
    return re.sub(r"//([^:@/]*):[^@/]*@", r"//\1:***@", url)


class Keys:
    """Key names of one spider's distributed crawl."""

    def __init__(self, prefix: str, spider: str) -> None:
        self.prefix = prefix
        self.spider = spider
        base = f"{prefix}:{spider}"
        self.queue = f"{base}:requests"
        self.dupefilter = f"{base}:dupefilter"
        self.lease_seq = f"{base}:lease-seq"
        self.round = f"{base}:round"
        self.workers = f"{base}:workers"
        self.started = f"{base}:started"

    def leases(self, worker: str) -> str:
        return f"{self.prefix}:{self.spider}:leases:{worker}"

    def alive(self, worker: str) -> str:
        return f"{self.prefix}:{self.spider}:alive:{worker}"

    def reaping(self, worker: str) -> str:
        return f"{self.prefix}:{self.spider}:reaping:{worker}"

    def summaries(self, round_id: str) -> str:
        return f"{self.prefix}:{self.spider}:round:{round_id}:summaries"

    def round_key(self, round_id: str, name: str) -> str:
        return f"{self.prefix}:{self.spider}:round:{round_id}:{name}"

    def round_workers(self, round_id: str) -> str:
        return f"{self.prefix}:{self.spider}:round:{round_id}:workers"


def prefix(settings: BaseSettings) -> str:
    return str(settings.get("NEWSCRAWL_REDIS_PREFIX") or "newscrawl")


@dataclass(frozen=True)
class Worker:
    """One worker process, as registered in Redis."""

    #: Also its run id in the crawl state: "<round id>-<host>-<pid>-<tag>".
    id: str
    host: str
    pid: int
    #: The process's start time (Linux `/proc/PID/stat`), so a reused pid is not it.
    started: str
    feed: str | None = None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Worker:
        return cls(
            id=str(data["id"]),
            host=str(data.get("host") or ""),
            pid=int(data.get("pid") or 0),
            started=str(data.get("started") or ""),
            feed=data.get("feed"),
        )


def hostname() -> str:
    """This machine's name in worker ids and runs: `NEWSCRAWL_HOST` when set (a container
    whose host name changes at every start, but whose data folder stays, keeps one name,
    so its next worker recovers the feed of one that died), else the host name."""
    return os.environ.get("NEWSCRAWL_HOST") or socket.gethostname()


def process_started(pid: int) -> str:
    """When process `pid` started (clock ticks since boot), "" when unknown; "gone" when
    there is no such process."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:  # noqa: PTH123
            fields = stat.read().rpartition(")")[2].split()
        return fields[19]
    except FileNotFoundError:
        return "gone"
    except (OSError, IndexError):
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.kill(pid, 0)
            return ""
        return "gone"


def is_dead(client: Any, keys: Keys, worker: Worker) -> bool:
    """Whether `worker` is dead: on this machine, when its process is gone (at once);
    anywhere, when its heartbeat key expired."""
    if worker.host == hostname():
        started = process_started(worker.pid)
        if started == "gone" or (started and worker.started and started != worker.started):
            return True
        if started:
            return False  # its process is running: alive, however late its heartbeat
    return not client.exists(keys.alive(worker.id))
