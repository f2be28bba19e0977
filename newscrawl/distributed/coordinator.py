"""Run coordination in Redis: the run lock of one machine, for workers on many.

Every worker runs the same command (`scrapy crawl SITE -s NEWSCRAWL_REDIS_URL=...`), on
one machine or ten, started at once or one after another. Together they make one
*round* of the spider (a distributed run):

- **Joining.** The first worker to start finds no round going, opens one (a new round id,
  its duplicate filter emptied) and is its *seeder*; workers started while it runs join
  it. A round whose workers all died is resumed by the next worker started.
- **Seeding.** Only the seeder requests the spider's sources (sitemaps, feeds, listings:
  `spider.start()`), through the shared queue, so every worker takes part in reading them.
  It marks the round *seeded* when its start requests are all queued. If it dies first,
  another worker seeds again (the duplicate filter drops what was queued already).
- **Heartbeat.** Each worker refreshes a key with a time-to-live
  (`NEWSCRAWL_REDIS_WORKER_TIMEOUT`, 30 s) every second or so. A worker whose key expired,
  or (seen from its own machine) whose process is gone, is dead: one live worker *reaps*
  it: on the dead worker's machine it first recovers the dead run's feed file (as a killed
  run is recovered, `newscrawl.state.recovery`), then its leased requests go back to the
  queue (`newscrawl.distributed.scheduler`).
- **The end.** A worker with nothing to do does not stop while the round has work: the
  queue is not empty, the sources are not all queued, or a live worker holds a request
  (its callback may queue more). When none of these holds, one Lua script marks the
  round finished, and every worker closes with reason "finished".
- **Output.** Each worker writes its own feed, `data/SITE/<round>-<host>-<pid>-<tag>.jsonl`,
  and its summary beside it; the summaries also go to Redis, and the last worker to stop
  writes the round's, `data/SITE/<round>.summary.json`, with totals and site health over
  all workers (`newscrawl summary ROUND` rebuilds it from the files of every machine).
"""

from __future__ import annotations

import json
import logging
import os
import re
import secrets
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from scrapy import signals
from scrapy.exceptions import DontCloseSpider, NotConfigured

from newscrawl.distributed import (
    DEFAULT_WORKER_TIMEOUT,
    Keys,
    Worker,
    connect,
    hostname,
    is_dead,
    prefix,
    process_started,
    redis_errors,
    redis_url,
)
from newscrawl.distributed.scheduler import REQUEUE

if TYPE_CHECKING:
    from collections.abc import AsyncIterator
    from typing import Self

    from scrapy import Spider
    from scrapy.crawler import Crawler

    from newscrawl.distributed.scheduler import LeasedScheduler
    from newscrawl.state.redis import RedisState

logger = logging.getLogger(__name__)

# KEYS: round, dupefilter. ARGV: new round id, now, worker suffix ("<host>-<pid>-<tag>"). Join
# the round going, or open a new one, seeded by this worker. Returns {round id, seeded,
# seeder}.
_JOIN = """
if redis.call('HGET', KEYS[1], 'status') == 'running' then
  return {redis.call('HGET', KEYS[1], 'id'), redis.call('HGET', KEYS[1], 'seeded'),
          redis.call('HGET', KEYS[1], 'seeder')}
end
redis.call('DEL', KEYS[1], KEYS[2])
redis.call('HSET', KEYS[1], 'id', ARGV[1], 'status', 'running', 'seeded', '0',
           'seeder', ARGV[1] .. '-' .. ARGV[3], 'started_at', ARGV[2])
return {ARGV[1], '0', ARGV[1] .. '-' .. ARGV[3]}
"""

# KEYS: round, queue, lease hashes... ARGV: round id, now. 1: the round is over (now or
# before), 0: it has work, 2: another round is going.
_FINISH = """
if redis.call('HGET', KEYS[1], 'id') ~= ARGV[1] then return 2 end
if redis.call('HGET', KEYS[1], 'status') == 'finished' then return 1 end
if redis.call('HGET', KEYS[1], 'seeded') ~= '1' then return 0 end
if redis.call('ZCARD', KEYS[2]) > 0 then return 0 end
for i = 3, #KEYS do
  if redis.call('HLEN', KEYS[i]) > 0 then return 0 end
end
redis.call('HSET', KEYS[1], 'status', 'finished', 'finished_at', ARGV[2])
return 1
"""

# KEYS: round. ARGV: round id, dead seeder, new seeder. Take over seeding from a dead seeder.
_CLAIM_SEEDING = """
if redis.call('HGET', KEYS[1], 'id') ~= ARGV[1] then return 0 end
if redis.call('HGET', KEYS[1], 'seeded') == '1' then return 0 end
if redis.call('HGET', KEYS[1], 'seeder') ~= ARGV[2] then return 0 end
redis.call('HSET', KEYS[1], 'seeder', ARGV[3])
return 1
"""

_SAFE_HOST = re.compile(r"[^\w.-]")

#: Days the summaries of a round are kept in Redis.
SUMMARY_DAYS = 30


def new_round_id() -> str:
    return f"{datetime.now(UTC):%Y%m%dT%H%M%SZ}-{secrets.token_hex(3)}"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class RunCoordinator:
    """Extension of a distributed crawl (the add-on enables it, in place of the run lock,
    when `NEWSCRAWL_REDIS_URL` is set)."""

    scheduler: LeasedScheduler | None = None

    def __init__(self, crawler: Crawler, client: Any, keys: Keys, timeout: float) -> None:
        self.crawler = crawler
        self.client = client
        self.keys = keys
        self.timeout = timeout
        self.stopping = False
        self.seeding = False
        self._state: RedisState | None = None
        self._join = client.register_script(_JOIN)
        self._finish = client.register_script(_FINISH)
        self._claim = client.register_script(_CLAIM_SEEDING)
        self._requeue = client.register_script(REQUEUE)
        self._beat: Any = None
        pid = os.getpid()
        # <tag>: 4 random hex digits, so that two containers with the same host name and
        # pid (pid 1, say) are still two workers.
        suffix = f"{_SAFE_HOST.sub('_', hostname())}-{pid}-{secrets.token_hex(2)}"
        found = self._join(
            keys=[self.keys.round, self.keys.dupefilter], args=[new_round_id(), _now(), suffix]
        )
        self.round_id, seeded, seeder = (
            v.decode() if isinstance(v, bytes) else str(v) for v in found
        )
        self.worker = Worker(
            id=f"{self.round_id}-{suffix}", host=hostname(), pid=pid, started=process_started(pid)
        )
        #: This worker requests the sources of the round.
        self.seeding = seeder == self.worker.id and seeded != "1"

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        url = redis_url(crawler.settings)
        if not url:
            raise NotConfigured
        if crawler.spider is None:
            raise NotConfigured("no spider")
        timeout = crawler.settings.getfloat(
            "NEWSCRAWL_REDIS_WORKER_TIMEOUT", DEFAULT_WORKER_TIMEOUT
        )
        client = connect(url)
        coordinator = cls(
            crawler, client, Keys(prefix(crawler.settings), crawler.spider.name), timeout
        )
        coordinator.register()
        for receiver, signal in (
            (coordinator.spider_opened, signals.spider_opened),
            (coordinator.spider_idle, signals.spider_idle),
        ):
            crawler.signals.connect(receiver, signal=signal)
        return coordinator

    def register(self) -> None:
        """Announce this worker: its run id is the crawl's (state, summary, feed name)."""
        assert self.crawler.stats is not None and self.crawler.spider is not None
        self.crawler.stats.set_value("newscrawl/run_id", self.worker.id)
        self.crawler.stats.set_value("newscrawl/round_id", self.round_id)
        # The feed URI's `%(worker_run)s` (NEWSCRAWL_REDIS_FEED_URI).
        self.crawler.spider.worker_run = self.worker.id  # type: ignore[attr-defined]
        pipe = self.client.pipeline()
        pipe.hset(self.keys.workers, self.worker.id, json.dumps(self.worker.to_json()))
        pipe.set(self.keys.alive(self.worker.id), "1", px=int(self.timeout * 1000))
        pipe.sadd(self.keys.round_workers(self.round_id), self.worker.id)
        # Kept after the worker leaves the registry: recovery on this machine tells a dead
        # worker's pid from a new process that reuses it.
        pipe.hset(self.keys.started, self.worker.id, self.worker.started)
        pipe.execute()
        logger.info(
            "Distributed crawl: worker %s in round %s%s",
            self.worker.id,
            self.round_id,
            " (seeding its sources)" if self.seeding else "",
        )

    # Signals

    def spider_opened(self, spider: Spider) -> None:
        from twisted.internet import task

        # Connected now so that it runs after every other engine_stopped receiver (the
        # state, the summary): this worker leaves the round last.
        self.crawler.signals.connect(self.engine_stopped, signal=signals.engine_stopped)
        self._share_sources()
        self._beat = task.LoopingCall(self.heartbeat)
        self._beat.start(min(1.0, self.timeout / 3), now=False)

    def heartbeat(self) -> None:
        """Keep this worker alive, reap dead ones, and wake the engine when there is work
        (Scrapy's own heartbeat asks the scheduler only every 5 s)."""
        try:
            self.client.set(self.keys.alive(self.worker.id), "1", px=int(self.timeout * 1000))
            if self.scheduler is not None:
                self.scheduler.release_finished()
            self.reap()
            engine = self.crawler.engine
            slot = getattr(engine, "_slot", None)
            if slot is not None and not self.stopping and self.client.zcard(self.keys.queue):
                slot.nextcall.schedule()
        except redis_errors() as error:
            self.lost_redis(error)
        except Exception:
            logger.exception("Distributed crawl: heartbeat failed")

    def lost_redis(self, error: Exception) -> None:
        """Redis is gone: stop this worker (reason "redis_unavailable", exit code 1). What
        it leased stays leased in Redis, and is requeued when Redis is back and another
        worker finds this one dead."""
        if self.stopping:
            return
        self.stopping = True
        logger.error("Distributed crawl: lost Redis (%s): stopping this worker", error)
        from scrapy.utils.defer import deferred_from_coro

        engine = self.crawler.engine
        if engine is not None:
            deferred_from_coro(engine.close_spider_async(reason="redis_unavailable"))

    def spider_idle(self, spider: Spider) -> None:
        """Close only when the round is over."""
        if self.stopping:
            return
        try:
            self._idle(spider)
        except redis_errors() as error:
            self.lost_redis(error)
            raise DontCloseSpider from None  # closing already, as "redis_unavailable"

    def _idle(self, spider: Spider) -> None:
        self.reap()
        if self.client.zcard(self.keys.queue):
            raise DontCloseSpider
        round_info = {
            k.decode(): v.decode() for k, v in self.client.hgetall(self.keys.round).items()
        }
        if round_info.get("id") == self.round_id and round_info.get("seeded") != "1":
            self._seed_if_orphaned(spider, round_info.get("seeder", ""))
            raise DontCloseSpider
        workers = self.workers()
        keys = [self.keys.round, self.keys.queue, *(self.keys.leases(w.id) for w in workers)]
        if self._finish(keys=keys, args=[self.round_id, _now()]) == 0:
            raise DontCloseSpider
        self.stopping = True
        logger.info("Distributed crawl: round %s is over", self.round_id)

    def _seed_if_orphaned(self, spider: Spider, seeder: str) -> None:
        if seeder == self.worker.id:
            return
        raw = self.client.hget(self.keys.workers, seeder)
        worker = Worker.from_json(json.loads(raw)) if raw else None
        if worker is not None and not is_dead(self.client, self.keys, worker):
            return
        if self._claim(keys=[self.keys.round], args=[self.round_id, seeder, self.worker.id]):
            logger.warning("Distributed crawl: the seeder %s died; seeding again", seeder)
            from scrapy.utils.defer import deferred_from_coro

            deferred_from_coro(self._seed_again(spider))

    async def _seed_again(self, spider: Spider) -> None:
        engine = self.crawler.engine
        assert engine is not None
        async for request in spider.start():
            engine.crawl(request)
        self.seeded()

    def seeded(self) -> None:
        """Every source request of the round is in the queue."""
        self.client.hset(self.keys.round, "seeded", "1")
        logger.info("Distributed crawl: sources queued")

    # Sources read whole, across workers

    def _share_sources(self) -> None:
        """Mirror this worker's source ledger (`newscrawl.state.extension.SourceLedger`:
        the sitemaps and feeds it read, where each was found, and which led to a failure)
        into the round's keys in Redis, as it changes: a failure is there before the
        worker could die. The last worker out keeps the sources no worker saw fail
        (`_keep_sources`); the worker's own state keeps none (`RedisState.keep_sources`)."""
        from newscrawl.state.extension import CrawlStateExtension

        extension = self.crawler.get_extension(CrawlStateExtension)
        ledger = getattr(extension, "sources", None)
        if ledger is None:
            return
        client, keys, round_id = self.client, self.keys, self.round_id
        found, read, fail = ledger.found, ledger.read, ledger.fail

        def found_shared(key: str, parent: str | None) -> None:
            found(key, parent)
            if parent is not None and parent != key:
                client.hsetnx(keys.round_key(round_id, "source-parents"), key, parent)

        def read_shared(record: Any) -> None:
            read(record)
            client.hset(keys.round_key(round_id, "sources"), record.url, json.dumps(vars(record)))

        def fail_shared(key: str | None) -> None:
            fail(key)
            if key is not None:
                client.sadd(keys.round_key(round_id, "source-failures"), key)

        ledger.found, ledger.read, ledger.fail = found_shared, read_shared, fail_shared

    def _keep_sources(self) -> None:
        """The round is over: keep, for the next round, every source read whole by any
        worker and above no failure seen by any worker."""
        from newscrawl.state.base import SourceRecord

        names = ("sources", "source-parents", "source-failures")
        sources_key, parents_key, failures_key = (
            self.keys.round_key(self.round_id, n) for n in names
        )
        records = {k.decode(): v for k, v in self.client.hgetall(sources_key).items()}
        parents = {k.decode(): v.decode() for k, v in self.client.hgetall(parents_key).items()}
        failed: set[str] = set()
        for key in (m.decode() for m in self.client.smembers(failures_key)):
            while key is not None and key not in failed:
                failed.add(key)
                key = parents.get(key)
        complete = [
            SourceRecord(**json.loads(raw)) for url, raw in records.items() if url not in failed
        ]
        state = self.state()
        state.keep_sources = True
        state.record_sources(complete)
        self.client.delete(sources_key, parents_key, failures_key)
        logger.info(
            "Distributed crawl: sitemaps and feeds kept for the next round: %d read whole, "
            "%d not (something they led to failed)",
            len(complete),
            len(records) - len(complete),
        )

    # Workers

    def workers(self) -> list[Worker]:
        return [Worker.from_json(json.loads(raw)) for raw in self.client.hvals(self.keys.workers)]

    def reap(self) -> None:
        """Requeue the leased requests of every dead worker (recovering its feed first
        when it ran on this machine)."""
        for worker in self.workers():
            if worker.id == self.worker.id or not is_dead(self.client, self.keys, worker):
                continue
            if not self.client.set(self.keys.reaping(worker.id), self.worker.id, nx=True, ex=300):
                continue  # another worker is reaping it
            recovered = self._recover(worker) if worker.host == hostname() else None
            returned = self.requeue(worker)
            self.client.hdel(self.keys.workers, worker.id)
            self.client.srem(self.keys.round_workers(self.round_id), worker.id)
            logger.warning(
                "Distributed crawl: worker %s died; %d requests it held are back in the queue%s",
                worker.id,
                returned,
                f"; {recovered} articles of its feed kept" if recovered is not None else "",
            )
            assert self.crawler.stats is not None
            self.crawler.stats.inc_value("newscrawl/distributed/workers_reaped")
            self.crawler.stats.inc_value("newscrawl/distributed/requests_requeued", returned)

    def requeue(self, worker: Worker) -> int:
        return int(self._requeue(keys=[self.keys.queue, self.keys.leases(worker.id)]))

    def _recover(self, worker: Worker) -> int | None:
        """Recover a dead worker's run from its feed file, as a killed run is recovered:
        what its file holds is exported, the rest is forgotten (and fetched again)."""
        from newscrawl.state.recovery import recover_run

        state = self.state()
        for run in state.runs():
            if run.run_id == worker.id and run.status == "running":
                return recover_run(state, run).kept
        return None

    def state(self) -> RedisState:
        if self._state is None:
            from newscrawl.state.redis import RedisState

            self._state = RedisState(self.client, self.keys.spider, self.keys.prefix)
        return self._state

    # The end

    def engine_stopped(self) -> None:
        if self._beat is not None and self._beat.running:
            self._beat.stop()
        try:
            self._leave()
        except Exception as error:  # redis.RedisError: leave as a dead worker would
            logger.error("Distributed crawl: could not leave the round (%s)", error)

    def _leave(self) -> None:
        summary = self._worker_summary()
        summaries_key = self.keys.summaries(self.round_id)
        pipe = self.client.pipeline()
        if summary is not None:
            pipe.hset(summaries_key, self.worker.id, json.dumps(summary))
            pipe.expire(summaries_key, SUMMARY_DAYS * 86400)
        pipe.srem(self.keys.round_workers(self.round_id), self.worker.id)
        pipe.hdel(self.keys.workers, self.worker.id)
        pipe.hdel(self.keys.started, self.worker.id)
        pipe.delete(self.keys.alive(self.worker.id))
        pipe.scard(self.keys.round_workers(self.round_id))
        pipe.hget(self.keys.round, "status")
        pipe.hget(self.keys.round, "id")
        *_, left, status, round_id = pipe.execute()
        if left == 0 and status == b"finished" and round_id == self.round_id.encode():
            self._keep_sources()
            self._write_round_summary(summaries_key)
        self.client.close()

    def _worker_summary(self) -> dict[str, Any] | None:
        from newscrawl.crawl.summary import RunSummary

        extension = self.crawler.get_extension(RunSummary)
        return getattr(extension, "summary", None) if extension is not None else None

    def _write_round_summary(self, key: str) -> None:
        """The last worker out writes the round's summary: every worker's, added up."""
        from newscrawl.crawl.health import Thresholds
        from newscrawl.distributed.summary import format_round, merge_summaries, round_summary_path

        summaries = [json.loads(raw) for raw in self.client.hvals(key)]
        if not summaries:
            return
        merged = merge_summaries(summaries, Thresholds.from_settings(self.crawler.settings))
        path = round_summary_path(
            self.crawler.settings, self.keys.spider, self.round_id, summary=self._worker_summary()
        )
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
            temporary.write_text(json.dumps(merged, indent=2, ensure_ascii=False) + "\n", "utf-8")
            temporary.replace(path)
            merged["summary_file"] = str(path)
        except OSError as error:
            logger.error("Could not write the round summary %s: %s", path, error)
        logger.info("%s", format_round(merged))


class SeedOnce:
    """Spider middleware of a distributed crawl: only the round's seeder requests the
    spider's sources; the other workers take their work from the shared queue."""

    def __init__(self, coordinator: RunCoordinator) -> None:
        self.coordinator = coordinator

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        coordinator = crawler.get_extension(RunCoordinator)
        if coordinator is None:
            raise NotConfigured
        return cls(coordinator)

    async def process_start(self, start: AsyncIterator[Any]) -> AsyncIterator[Any]:
        if not self.coordinator.seeding:
            return
        async for item in start:
            yield item
        self.coordinator.seeded()
