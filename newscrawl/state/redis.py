"""The crawl state in Redis, shared by the workers of a distributed crawl on any machine.

The same `CrawlState` as `newscrawl.state.sqlite`, with the same rule: an article is
recorded as pending before its line is written, and counts as exported only once the
feed holds it (`confirm_exported`), or is forgotten (`release`). Every worker of every
machine sees every record at once, so an article any worker exported is not requested
again by any other, in this run or a later one.

Keys (prefix `NEWSCRAWL_REDIS_PREFIX`, "newscrawl"; S is the spider):

    P:state:S:pages       hash  URL -> record (JSON array), every URL exported or dropped
    P:state:S:pending     hash  article URL -> [run id, URLs] while its line is being written
    P:state:S:hashes      hash  content hash -> article URL (exact copies across spiders)
    P:state:S:runs        hash  run id -> run (JSON): one run per worker process
    P:state:S:sources     hash  sitemap or feed URL -> how it was read whole (JSON)
    P:state:S:run:R       set   URLs recorded by run R, until R finishes (for recovery)
    P:state:spiders       set   spiders with a state (for `by_content_hash`)

`by_content_hash` finds, per spider, the first article recorded with the hash (its
article URL's record), where SQLite lists the record of every alias: callers ask whether
some spider exported the text, which both answer alike.

Multi-key changes are Lua scripts or MULTI/EXEC transactions, so a worker killed in the
middle of one leaves no half record. Durability is Redis's own (AOF with
`appendfsync everysec` is what README recommends). Memory: about 350 bytes per URL seen
(`benchmarks/distributed.py`; README, "Redis memory").

A run is one worker process (`Run.host`, `Run.pid`); the worker's run id is
"<round>-<host>-<pid>-<tag>" (`newscrawl.distributed.coordinator`). `unfinished_runs` returns
only runs that are dead and were on this machine: their feed files are here to recover
from, and workers still running elsewhere are left alone.
"""

from __future__ import annotations

import json
import logging
import time
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from newscrawl.distributed import Keys, Worker, connect, is_dead, prefix, redis_url
from newscrawl.distributed import hostname as _hostname
from newscrawl.state.base import (
    FeedFile,
    RecordingBackend,
    Run,
    Seen,
    SourceRecord,
    StateUnavailable,
    Status,
    utc_now,
)

if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import Self

    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)

# A record is a JSON array, short because there is one per URL seen (README gives the
# memory per million): [status letter, run number, seen at (epoch seconds), lastmod,
# published, content hash, drop reason, article URL], trailing `false`s left out. Run ids
# are numbered per spider (`P:state:S:run-ids`: id -> number, "#number" -> id). An
# article's own record leaves out its article URL; an alias's record (a redirect, the
# canonical URL) leaves out what the article's record holds, and reading fills it in.
_STATUS = {"p": "pending", "e": "exported", "d": "dropped"}

_PRELUDE = """
local function pack(t)
  local n = #t
  while n > 0 and t[n] == false do t[n] = nil; n = n - 1 end
  -- cjson writes "/" as "\\/" (valid, and 10 bytes more per URL): plain "/" reads the same.
  return (string.gsub(cjson.encode(t), '\\\\/', '/'))
end
local function value(x) if x == '' then return false end return x end
local function runnum(key, id)
  local n = redis.call('HGET', key, id)
  if n then return tonumber(n) end
  n = redis.call('HINCRBY', key, '#', 1)
  redis.call('HSET', key, id, n, '#' .. n, id)
  return n
end
local function known(key, id)
  local n = redis.call('HGET', key, id)
  if n then return tonumber(n) end
  return nil
end
"""

# KEYS: pages, pending, hashes, run set, run ids. ARGV: status letter, article URL,
# run id, now, lastmod, published, content hash, URL...
_RECORD = (
    _PRELUDE
    + """
local r = runnum(KEYS[5], ARGV[3])
local now = tonumber(ARGV[4])
local full = pack({ARGV[1], r, now, value(ARGV[5]), value(ARGV[6]), value(ARGV[7])})
local alias = pack({ARGV[1], r, now, false, false, false, false, ARGV[2]})
local urls = {}
for i = 8, #ARGV do
  if ARGV[i] == ARGV[2] then
    redis.call('HSET', KEYS[1], ARGV[i], full)
  else
    redis.call('HSET', KEYS[1], ARGV[i], alias)
  end
  redis.call('SADD', KEYS[4], ARGV[i])
  table.insert(urls, ARGV[i])
end
if ARGV[1] == 'p' then
  redis.call('HSET', KEYS[2], ARGV[2], cjson.encode({r, urls}))
end
if ARGV[7] ~= '' then redis.call('HSETNX', KEYS[3], ARGV[7], ARGV[2]) end
return #urls
"""
)

# Settle a pending article. KEYS: pages, pending, hashes, run ids. ARGV: article URL,
# run id, 'confirm' or 'release'.
_SETTLE = (
    _PRELUDE
    + """
local r = known(KEYS[4], ARGV[2])
if not r then return 0 end
local entry = redis.call('HGET', KEYS[2], ARGV[1])
if not entry then return 0 end
local pending = cjson.decode(entry)
if pending[1] ~= r then return 0 end
redis.call('HDEL', KEYS[2], ARGV[1])
local settled = 0
for _, url in ipairs(pending[2]) do
  local raw = redis.call('HGET', KEYS[1], url)
  if raw then
    local record = cjson.decode(raw)
    if record[1] == 'p' and record[2] == r then
      if ARGV[3] == 'confirm' then
        record[1] = 'e'
        redis.call('HSET', KEYS[1], url, pack(record))
      else
        redis.call('HDEL', KEYS[1], url)
        if record[6] and redis.call('HGET', KEYS[3], record[6]) == ARGV[1] then
          redis.call('HDEL', KEYS[3], record[6])
        end
      end
      settled = settled + 1
    end
  end
end
return settled
"""
)

# KEYS: pages, run set, run ids. ARGV: reason, lastmod, run id, now, URL... Never over
# an export.
_DROPPED = (
    _PRELUDE
    + """
local r = runnum(KEYS[3], ARGV[3])
local record = pack({'d', r, tonumber(ARGV[4]), value(ARGV[2]), false, false, ARGV[1]})
for i = 5, #ARGV do
  local raw = redis.call('HGET', KEYS[1], ARGV[i])
  if (not raw) or cjson.decode(raw)[1] == 'd' then
    redis.call('HSET', KEYS[1], ARGV[i], record)
    redis.call('SADD', KEYS[2], ARGV[i])
  end
end
return 1
"""
)

# KEYS: pages, hashes, run set, run ids, pending. ARGV: run id, URL... Delete the URLs'
# records of that run.
_FORGET = (
    _PRELUDE
    + """
local r = known(KEYS[4], ARGV[1])
if not r then return 0 end
local n = 0
for i = 2, #ARGV do
  local raw = redis.call('HGET', KEYS[1], ARGV[i])
  if raw then
    local record = cjson.decode(raw)
    if record[2] == r then
      redis.call('HDEL', KEYS[1], ARGV[i])
      redis.call('SREM', KEYS[3], ARGV[i])
      redis.call('HDEL', KEYS[5], ARGV[i])
      local article = record[8] or ARGV[i]
      if record[6] and redis.call('HGET', KEYS[2], record[6]) == article then
        redis.call('HDEL', KEYS[2], record[6])
      end
      n = n + 1
    end
  end
end
return n
"""
)


class RedisState(RecordingBackend):
    """`CrawlState` in Redis (`NEWSCRAWL_STATE = "redis"`, set by `NEWSCRAWL_REDIS_URL`)."""

    def __init__(self, client: Any, spider: str, key_prefix: str = "newscrawl") -> None:
        self.client = client
        self.spider = spider
        self.prefix = key_prefix
        kwargs = client.connection_pool.connection_kwargs
        self.location = (
            f"redis://{kwargs.get('host', '?')}:{kwargs.get('port', '?')}/{kwargs.get('db', 0)}"
        )
        base = f"{key_prefix}:state:{spider}"
        self._pages = f"{base}:pages"
        self._pending = f"{base}:pending"
        self._hashes = f"{base}:hashes"
        self._runs = f"{base}:runs"
        self._run_prefix = f"{base}:run:"
        self._run_ids = f"{base}:run-ids"
        self._sources = f"{base}:sources"
        #: Keep the sources `record_sources` is given (see there).
        self.keep_sources = False
        self._run_names: dict[int, str] = {}
        self._spiders = f"{key_prefix}:state:spiders"
        self._keys = Keys(key_prefix, spider)
        self._record_script = client.register_script(_RECORD)
        self._settle_script = client.register_script(_SETTLE)
        self._dropped_script = client.register_script(_DROPPED)
        self._forget_script = client.register_script(_FORGET)
        client.sadd(self._spiders, spider)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        assert crawler.spider is not None
        url = redis_url(crawler.settings)
        if not url:
            raise StateUnavailable("NEWSCRAWL_STATE = 'redis' needs NEWSCRAWL_REDIS_URL")
        return cls(connect(url), crawler.spider.name, prefix(crawler.settings))

    # Pages

    def get(self, url: str) -> Seen | None:
        raw = self.client.hget(self._pages, url)
        return None if raw is None else self._seen(url, raw)

    def _record(
        self,
        urls: Iterable[str],
        status: Status,
        article_url: str,
        lastmod: str | None,
        published: str | None,
        content_hash: str | None,
        run_id: str,
    ) -> None:
        self._record_script(
            keys=[
                self._pages,
                self._pending,
                self._hashes,
                self._run_prefix + run_id,
                self._run_ids,
            ],
            args=[
                status[0],
                article_url,
                run_id,
                int(time.time()),
                lastmod or "",
                published or "",
                content_hash or "",
                *dict.fromkeys(urls),
            ],
        )

    def confirm_exported(self, article_url: str, run_id: str) -> None:
        self._settle_script(
            keys=[self._pages, self._pending, self._hashes, self._run_ids],
            args=[article_url, run_id, "confirm"],
        )

    def release(self, article_url: str, run_id: str) -> None:
        self._settle_script(
            keys=[self._pages, self._pending, self._hashes, self._run_ids],
            args=[article_url, run_id, "release"],
        )

    def record_dropped(
        self, urls: Iterable[str], reason: str, *, lastmod: str | None, run_id: str
    ) -> None:
        self._dropped_script(
            keys=[self._pages, self._run_prefix + run_id, self._run_ids],
            args=[reason, lastmod or "", run_id, int(time.time()), *dict.fromkeys(urls)],
        )

    def by_content_hash(self, content_hash: str) -> list[Seen]:
        spiders = sorted(s.decode() for s in self.client.smembers(self._spiders))
        found = []
        for spider in spiders:
            state = self if spider == self.spider else RedisState(self.client, spider, self.prefix)
            article = self.client.hget(state._hashes, content_hash)
            if article is None:
                continue
            seen = state.get(article.decode())
            if seen is not None and seen.status in ("exported", "pending"):
                found.append(seen)
        return sorted(found, key=lambda s: (s.seen_at, s.spider or "", s.url))

    def exported_by_run(self, run_id: str) -> dict[str, str]:
        urls = [u.decode() for u in self.client.smembers(self._run_prefix + run_id)]
        found = {}
        records = self.client.hmget(self._pages, urls) if urls else []
        for url, raw in zip(urls, records, strict=True):
            if raw is None:
                continue
            seen = self._seen(url, raw, resolve=False)
            if seen.run_id == run_id and seen.status in ("exported", "pending"):
                found[url] = seen.article_url or url
        return found

    def forget(self, urls: Iterable[str], run_id: str) -> None:
        urls = list(urls)
        if urls:
            self._forget_script(
                keys=[
                    self._pages,
                    self._hashes,
                    self._run_prefix + run_id,
                    self._run_ids,
                    self._pending,
                ],
                args=[run_id, *urls],
            )

    # Sources (sitemaps and feeds read whole: `newscrawl.crawl.incremental`)

    def get_source(self, url: str) -> SourceRecord | None:
        raw = self.client.hget(self._sources, url)
        return SourceRecord(**json.loads(raw)) if raw is not None else None

    def record_sources(self, records: Iterable[SourceRecord]) -> None:
        """Kept only when `keep_sources` is on. A worker of a distributed crawl reads a
        sitemap whose articles other workers fetch: it cannot know that every page the
        sitemap led to was read. So a worker's own state keeps nothing; the workers share
        what they read and what failed in the round's keys, and the last worker out keeps
        the sources read whole (`newscrawl.distributed.coordinator`)."""
        if not self.keep_sources:
            return
        values = {r.url: json.dumps(vars(r)) for r in records}
        if values:
            self.client.hset(self._sources, mapping=values)

    def counts(self) -> dict[str, int]:
        """Records of this spider by status (for tools; reads every record)."""
        counts: dict[str, int] = {}
        for _, raw in self.client.hscan_iter(self._pages, count=1000):
            status = _STATUS[json.loads(raw)[0]]
            counts[status] = counts.get(status, 0) + 1
        return counts

    def _seen(self, url: str, raw: bytes | str, *, resolve: bool = True) -> Seen:
        values: list[Any] = json.loads(raw)
        values += [False] * (8 - len(values))
        status, run, seen_at, lastmod, published, content_hash, reason, article = (
            v if v is not False else None for v in values
        )
        if article and article != url and status != "d" and resolve:
            # An alias: the article's record holds its dates and hash.
            raw_article = self.client.hget(self._pages, article)
            if raw_article is not None:
                main = json.loads(raw_article) + [False] * 8
                lastmod, published, content_hash = (
                    v if v is not False else None for v in main[3:6]
                )
        return Seen(
            url=url,
            status=_STATUS[str(status)],  # type: ignore[arg-type]
            run_id=self._run_name(int(run or 0)),
            seen_at=datetime.fromtimestamp(int(seen_at or 0), UTC).isoformat(timespec="seconds"),
            lastmod=lastmod,
            published=published,
            content_hash=content_hash,
            reason=reason,
            article_url=article or (url if status != "d" else None),
            spider=self.spider,
        )

    def _run_name(self, number: int) -> str:
        name = self._run_names.get(number)
        if name is None:
            raw = self.client.hget(self._run_ids, f"#{number}")
            name = raw.decode() if raw is not None else str(number)
            self._run_names[number] = name
        return name

    # Runs

    def start_run(self, run: Run) -> None:
        self.client.hset(self._runs, run.run_id, _run_json(run))

    def add_feed(self, run_id: str, feed: FeedFile) -> None:
        run = self._run(run_id)
        if run is not None:
            run.feeds.append(feed)
            self.client.hset(self._runs, run_id, _run_json(run))

    def finish_run(self, run_id: str, *, status: str, reason: str) -> None:
        run = self._run(run_id)
        pipe = self.client.pipeline()
        if run is not None:
            run.status = status  # type: ignore[assignment]
            run.reason = reason
            run.finished_at = utc_now()
            pipe.hset(self._runs, run_id, _run_json(run))
        # Only recovery reads a run's URLs, and a finished run needs none.
        pipe.delete(self._run_prefix + run_id)
        pipe.execute()

    def unfinished_runs(self) -> list[Run]:
        """Runs of this spider recorded as running whose worker is dead, on this machine
        (their feed files are here); workers alive anywhere are left alone."""
        here = _hostname()
        dead = []
        for run in self.runs():
            if run.status != "running" or run.host != here:
                continue
            worker = Worker(run.run_id, run.host, run.pid, self._started(run.run_id))
            if is_dead(self.client, self._keys, worker):
                dead.append(run)
        return dead

    def _started(self, run_id: str) -> str:
        raw = self.client.hget(self._keys.started, run_id)
        return raw.decode() if raw else ""

    def runs(self) -> list[Run]:
        """Every run of this spider, oldest first."""
        runs = [_run_from_json(raw) for raw in self.client.hvals(self._runs)]
        return sorted(runs, key=lambda r: (r.started_at, r.run_id))

    def _run(self, run_id: str) -> Run | None:
        raw = self.client.hget(self._runs, run_id)
        return None if raw is None else _run_from_json(raw)

    def close(self) -> None:
        self.client.close()


def _run_json(run: Run) -> str:
    data = {**vars(run), "feeds": [vars(feed) for feed in run.feeds]}
    return json.dumps(data)


def _run_from_json(raw: bytes | str) -> Run:
    data = json.loads(raw)
    data["feeds"] = [FeedFile(**feed) for feed in data.get("feeds", [])]
    return Run(**data)
