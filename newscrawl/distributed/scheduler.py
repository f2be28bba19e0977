"""scrapy-redis's scheduler, with leases: no request is lost with the worker that took it.

scrapy-redis keeps the frontier in Redis: a priority queue (a sorted set of serialized
requests) and a duplicate filter (a set of request fingerprints), shared by every worker.
A worker that pops a request and is then killed loses it: it is in no queue any more,
and its fingerprint says it was seen. Here a pop is a *lease*: one Lua script takes the
request off the queue and files it, with its priority, in the worker's lease hash
(`P:S:leases:<worker>`). The lease ends when Scrapy is done with the request: its
response went through the callback, the requests it yielded are in the queue, its item
went through the pipelines and its line is in the feed (the engine holds a request
"in progress" exactly that long). A worker that dies holding leases is found by the
others (`newscrawl.distributed.coordinator`), and one Lua script puts its leased
requests back in the queue.

A request may thus be downloaded twice (its worker died after the download); the crawl
state and the duplicate index make sure its article is exported once.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from scrapy_redis import picklecompat
from scrapy_redis.dupefilter import RFPDupeFilter
from scrapy_redis.queue import PriorityQueue
from scrapy_redis.scheduler import Scheduler as RedisScheduler

from newscrawl.distributed import redis_errors

if TYPE_CHECKING:
    from typing import Self

    from scrapy import Request, Spider
    from scrapy.crawler import Crawler

    from newscrawl.distributed import Keys
    from newscrawl.distributed.coordinator import RunCoordinator

logger = logging.getLogger(__name__)

# KEYS: queue, leases, lease sequence. Take the first request, file it as leased.
_POP = """
local item = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
if #item == 0 then return false end
redis.call('ZREMRANGEBYRANK', KEYS[1], 0, 0)
local id = tostring(redis.call('INCR', KEYS[3]))
redis.call('HSET', KEYS[2], id, item[2] .. '\\n' .. item[1])
return {id, item[1]}
"""

# KEYS: queue, leases. Put every leased request back in the queue, with its priority.
REQUEUE = """
local all = redis.call('HGETALL', KEYS[2])
for i = 1, #all, 2 do
  local value = all[i + 1]
  local newline = string.find(value, '\\n', 1, true)
  redis.call('ZADD', KEYS[1], string.sub(value, 1, newline - 1), string.sub(value, newline + 1))
end
redis.call('DEL', KEYS[2])
return #all / 2
"""


class LeasedPriorityQueue(PriorityQueue):
    """scrapy-redis's priority queue, whose `pop` leases the request to a worker."""

    def __init__(self, server: Any, spider: Spider, key: str, leases: str, sequence: str) -> None:
        super().__init__(server, spider, key, serializer=picklecompat)
        self.leases = leases
        self.sequence = sequence
        self._pop = server.register_script(_POP)

    def pop_leased(self) -> tuple[str, Request] | None:
        found = self._pop(keys=[self.key, self.leases, self.sequence])
        if not found:
            return None
        lease, data = found
        return lease.decode(), self._decode_request(data)


class LeasedScheduler(RedisScheduler):
    """`SCHEDULER` of a distributed crawl (set by the add-on with `NEWSCRAWL_REDIS_URL`)."""

    queue: LeasedPriorityQueue
    spider: Spider

    def __init__(self, crawler: Crawler, coordinator: RunCoordinator) -> None:
        keys: Keys = coordinator.keys
        super().__init__(
            coordinator.client,
            persist=True,  # the coordinator clears the queue and filter when a round starts
            queue_key=keys.queue,
            dupefilter=RFPDupeFilter(
                coordinator.client,
                key=keys.dupefilter,
                debug=crawler.settings.getbool("DUPEFILTER_DEBUG"),
            ),
            dupefilter_key=keys.dupefilter,
        )
        self.crawler = crawler
        self.coordinator = coordinator
        self.stats = crawler.stats
        #: Requests this worker leased, by lease id, until the engine is done with them.
        self.leased: dict[str, Request] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        from newscrawl.distributed.coordinator import RunCoordinator

        coordinator = crawler.get_extension(RunCoordinator)
        if coordinator is None:
            raise RuntimeError(
                "the distributed scheduler needs newscrawl's RunCoordinator extension"
            )
        return cls(crawler, coordinator)

    def open(self, spider: Spider) -> None:
        self.spider = spider
        keys = self.coordinator.keys
        self.queue = LeasedPriorityQueue(
            self.server,
            spider,
            keys.queue,
            leases=keys.leases(self.coordinator.worker.id),
            sequence=keys.lease_seq,
        )
        self.coordinator.scheduler = self
        if _in_progress(self.crawler) is None:
            # Without it a lease would never end before the worker does: refuse to start
            # rather than crawl with leases that protect nothing.
            raise RuntimeError(
                "newscrawl's distributed scheduler needs Scrapy's engine slot "
                "(ExecutionEngine._slot.inprogress, Scrapy 2.19): this Scrapy has none"
            )
        if len(self.queue):
            logger.info("Joining a crawl with %d requests queued", len(self.queue))

    def close(self, reason: str) -> None:
        """Requests still leased were not finished (a graceful stop): back to the queue,
        for the other workers or the next run."""
        self.release_finished()
        if self.leased:
            returned = self.coordinator.requeue(self.coordinator.worker)
            logger.info("Returned %d unfinished requests to the shared queue", returned)
            self.leased.clear()

    def enqueue_request(self, request: Request) -> bool:
        if not request.dont_filter and self.df.request_seen(request):
            self.df.log(request, self.spider)
            return False
        self.queue.push(request)
        self._count("scheduler/enqueued/redis")
        return True

    def next_request(self) -> Request | None:
        if self.coordinator.stopping:
            return None
        try:
            self.release_finished()
            found = self.queue.pop_leased()
        except redis_errors() as error:  # Redis is gone
            self.coordinator.lost_redis(error)
            return None
        if found is None:
            return None
        lease, request = found
        self.leased[lease] = request
        self._count("scheduler/dequeued/redis")
        return request

    def release_finished(self) -> None:
        """End the leases of requests the engine is done with (no longer in progress:
        downloaded, called back, their items through the pipelines and the feed)."""
        if not self.leased:
            return
        in_progress = _in_progress(self.crawler)
        if in_progress is None:
            return
        done = [lease for lease, request in self.leased.items() if request not in in_progress]
        if done:
            self.server.hdel(self.queue.leases, *done)
            for lease in done:
                del self.leased[lease]

    def has_pending_requests(self) -> bool:
        if self.coordinator.stopping:
            return False
        try:
            return len(self.queue) > 0
        except redis_errors() as error:
            self.coordinator.lost_redis(error)
            return False

    def __len__(self) -> int:
        if self.coordinator.stopping:
            return 0
        try:
            return len(self.queue)
        except redis_errors() as error:
            self.coordinator.lost_redis(error)
            return 0

    def _count(self, key: str) -> None:
        if self.stats is not None:
            self.stats.inc_value(key)


def _in_progress(crawler: Crawler) -> set[Any] | None:
    """The requests the engine has taken and not finished (downloading, or their response
    or failure being processed, items and feed included): Scrapy's engine slot. None
    before the engine has one.

    A private attribute, read on purpose: Scrapy has no public "request done" signal, and
    the public sets nearby (`downloader.active`, the scraper slot's `active`) leave a gap
    of one event-loop turn between download and scraping, in which a lease would end too
    early. `open` refuses to start on a Scrapy without it; tests/test_distributed.py kills
    a worker mid-crawl and checks that nothing is lost."""
    engine = crawler.engine
    slot = getattr(engine, "_slot", None) if engine is not None else None
    in_progress = getattr(slot, "inprogress", None)
    return in_progress if isinstance(in_progress, set) else None
