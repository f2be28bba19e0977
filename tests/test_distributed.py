"""Distributed crawling on a real Redis: the state and duplicate index behind their
interfaces, and workers (`scrapy crawl` subprocesses) sharing one crawl, one of them
killed with SIGKILL half-way."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from collections import Counter
from typing import TYPE_CHECKING, Any

import pytest
from conftest import CRAWL_ENV, crawl_command, read_jsonl

from newscrawl.dedup import MemoryDuplicateIndex

if TYPE_CHECKING:
    from pathlib import Path

#: Only against a crawl that hangs for good: the gate and Redis are the synchronization.
HANG_GUARD = 600
SETTINGS = {"CONCURRENT_REQUESTS_PER_DOMAIN": "2", "NEWSCRAWL_PROGRESS_INTERVAL": "1"}


def _client(url: str) -> Any:
    import redis

    return redis.Redis.from_url(url)


# The crawl state in Redis keeps the rule of every backend.


def test_redis_state_records_pending_then_exported_or_released(redis_url: str) -> None:
    from newscrawl.state.base import FeedFile, Run
    from newscrawl.state.redis import RedisState

    state = RedisState(_client(redis_url), "site")
    other = RedisState(_client(redis_url), "other")
    state.record_pending(
        ["http://a/1", "http://a/1?amp"],
        article_url="http://a/1",
        lastmod="2026-01-02T00:00:00+00:00",
        published=None,
        content_hash="h1",
        run_id="r1",
    )
    seen = state.get("http://a/1?amp")
    assert seen is not None and seen.status == "pending" and seen.article_url == "http://a/1"
    assert seen.lastmod == "2026-01-02T00:00:00+00:00" and seen.published is None
    assert [s.url for s in other.by_content_hash("h1")] == ["http://a/1"]  # across spiders
    state.confirm_exported("http://a/1", "r2")  # another run's: nothing happens
    assert state.get("http://a/1").status == "pending"  # type: ignore[union-attr]
    state.confirm_exported("http://a/1", "r1")
    assert {state.get(u).status for u in ("http://a/1", "http://a/1?amp")} == {"exported"}  # type: ignore[union-attr]

    state.record_pending(
        ["http://a/2"],
        article_url="http://a/2",
        lastmod=None,
        published=None,
        content_hash="h2",
        run_id="r1",
    )
    state.release("http://a/2", "r1")
    assert state.get("http://a/2") is None and state.by_content_hash("h2") == []

    state.record_dropped(["http://a/1", "http://a/3"], "not_article", lastmod=None, run_id="r1")
    assert state.get("http://a/1").status == "exported"  # type: ignore[union-attr]
    assert state.get("http://a/3").reason == "not_article"  # type: ignore[union-attr]
    assert state.exported_by_run("r1") == {
        "http://a/1": "http://a/1",
        "http://a/1?amp": "http://a/1",
    }
    state.forget(["http://a/1?amp"], "r1")
    assert state.get("http://a/1?amp") is None

    run = Run("r1", "site", 1, "elsewhere", "2026-01-01T00:00:00+00:00")
    state.start_run(run)
    state.add_feed("r1", FeedFile("/x.jsonl", "jsonlines", True))
    assert state.runs()[0].feeds == [FeedFile("/x.jsonl", "jsonlines", True)]
    # A run on another machine is never recovered from here: its feed is not here.
    assert state.unfinished_runs() == []
    state.finish_run("r1", status="finished", reason="finished")
    assert state.runs()[0].status == "finished"


def test_redis_duplicate_index_finds_copies_kept_by_another_worker(redis_url: str) -> None:
    from newscrawl.distributed.dedup import RedisDuplicateIndex

    text = " ".join(f"word{i} the harbour council approved a plan" for i in range(60))
    copy = "LONDON (Agency) - " + text.replace("word7 ", "wordseven ") + " Read more: other"
    unrelated = " ".join(f"item{i} the festival opened in spring" for i in range(60))
    first, second = RedisDuplicateIndex(_client(redis_url)), RedisDuplicateIndex(_client(redis_url))
    memory = MemoryDuplicateIndex()
    assert first.duplicate_of("http://a/1", text) is None
    near = second.duplicate_of("http://b/1", copy)
    assert near is not None and near.kind == "near" and near.first == "http://a/1"
    # The same judgement as the in-memory index, similarity included.
    memory.duplicate_of("http://a/1", text)
    assert memory.match(memory_probe(memory, copy)).similarity == near.similarity  # type: ignore[union-attr]
    exact = second.duplicate_of("http://c/1", text)
    assert exact is not None and (exact.kind, exact.first) == ("exact", "http://a/1")
    assert second.duplicate_of("http://a/1", unrelated).kind == "key"  # type: ignore[union-attr]
    assert second.duplicate_of("http://d/1", unrelated) is None
    assert len(first) == 2


def memory_probe(index: MemoryDuplicateIndex, text: str) -> Any:
    from newscrawl.dedup import make_probe

    return make_probe(index.fingerprinter, text, None)


# Workers.


class Worker:
    def __init__(self, cwd: Path, name: str, url: str, number: int, host: str = "") -> None:
        self.log = cwd / f"worker{number}.log"
        settings = {**SETTINGS, "NEWSCRAWL_REDIS_URL": url, "NEWSCRAWL_REDIS_WORKER_TIMEOUT": "3"}
        env = {**CRAWL_ENV, "NEWSCRAWL_HOST": host} if host else CRAWL_ENV
        with self.log.open("w") as out:
            self.process = subprocess.Popen(
                crawl_command(name, settings=settings),
                cwd=cwd,
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
            )

    def feed(self, cwd: Path, name: str) -> Path | None:
        found = list((cwd / "data" / name).glob(f"*-{self.process.pid}-*.jsonl"))
        return found[0] if found else None

    def lines(self, cwd: Path, name: str) -> int:
        feed = self.feed(cwd, name)
        return len(feed.read_bytes().splitlines()) if feed else 0

    def wait(self) -> int:
        return self.process.wait(timeout=HANG_GUARD)


def _wait_for(condition: Any, *workers: Worker) -> None:
    deadline = time.monotonic() + HANG_GUARD
    while not condition():
        for worker in workers:
            assert worker.process.poll() is None, (
                "a worker ended: " + worker.log.read_text()[-3000:]
            )
        assert time.monotonic() < deadline, "hung"
        time.sleep(0.05)


def _leases(client: Any, name: str, worker: Worker) -> int:
    return sum(
        client.hlen(key)
        for key in client.scan_iter(f"newscrawl:{name}:leases:*-{worker.process.pid}-*")
    )


def test_three_workers_one_killed_every_article_exported_once(
    tmp_path: Path, synthetic, redis_url: str
) -> None:
    articles = 60
    site = synthetic(articles)
    name = site.install(tmp_path)
    client = _client(redis_url)
    site.server.hold(after=6)
    victim = Worker(tmp_path, name, redis_url, 1)
    # The victim seeds the round, exports a few articles and is caught holding requests.
    _wait_for(lambda: victim.lines(tmp_path, name) >= 2 and site.server.holding.is_set(), victim)
    others = [Worker(tmp_path, name, redis_url, n) for n in (2, 3)]
    _wait_for(lambda: client.hlen(f"newscrawl:{name}:workers") == 3, victim, *others)
    _wait_for(lambda: _leases(client, name, victim) > 0, victim, *others)
    victim.process.send_signal(signal.SIGKILL)
    victim.wait()
    killed_lines = victim.lines(tmp_path, name)
    site.server.release()
    for worker in others:
        assert worker.wait() == 0, worker.log.read_text()[-3000:]

    items = [
        item for path in (tmp_path / "data" / name).glob("*.jsonl") for item in read_jsonl(path)
    ]
    urls = Counter(item["url"] for item in items)
    assert max(urls.values()) == 1, "an article was exported twice"
    assert sorted(urls) == sorted(site.base_url + a.path for a in site.spec.articles), "lost"
    logs = "".join(w.log.read_text() for w in others)
    assert "died;" in logs and "requests it held are back in the queue" in logs
    assert "Traceback" not in logs

    # The round's summary adds up the workers that finished (the victim wrote none).
    (round_summary,) = [
        p for p in (tmp_path / "data" / name).glob("*.summary.json") if p.stem.count("-") == 1
    ]
    merged = json.loads(round_summary.read_text())
    assert len(merged["workers"]) == 2
    assert merged["articles_exported"] == articles - killed_lines
    assert merged["sites"][name]["articles"] == articles - killed_lines
    shown = subprocess.run(
        [sys.executable, "-m", "newscrawl.cli", "summary", merged["run_id"], "data"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert f"exported          {articles - killed_lines} articles" in shown
    from_redis = subprocess.run(
        [
            sys.executable,
            "-m",
            "newscrawl.cli",
            "summary",
            merged["run_id"],
            "--redis",
            redis_url,
            "--spider",
            name,
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert from_redis == shown

    # Incremental across workers: the next round requests no article again.
    requested = len(site.article_requests())
    again = Worker(tmp_path, name, redis_url, 4)
    assert again.wait() == 0
    assert len(site.article_requests()) == requested
    assert "skipped as seen" in again.log.read_text()


def _worker_summary(pid: int, articles: int, undated: int, **extra: Any) -> dict[str, Any]:
    return {
        "run_id": f"20261124T070003Z-3fa2c1-crawl{pid}-{pid}-ab{pid}0",
        "spider": "site",
        "finish_reason": "finished",
        "started_at": f"2026-11-24T07:00:0{pid}+00:00",
        "finished_at": f"2026-11-24T07:01:0{pid}+00:00",
        "requests": articles + 2,
        "articles_exported": articles,
        "dropped": {"too_short": 1},
        "skipped": {},
        "feeds": [f"data/site/20261124T070003Z-3fa2c1-crawl{pid}-{pid}.jsonl"],
        "sites_by": "spider",
        "sites": {
            "site": {
                "pages": articles + 1,
                "extracted": articles + 1,
                "articles": articles,
                "no_date": undated,
                "no_title": 0,
                "dropped": {"too_short": 1},
                "chars_removed": {"tail": 10},
            }
        },
        **extra,
    }


def test_round_summary_adds_up_workers_and_judges_health_on_the_total() -> None:
    from newscrawl.distributed.summary import format_round, merge_summaries

    # Each worker saw too few articles to be judged; together they have too many undated.
    merged = merge_summaries([_worker_summary(1, 8, 8), _worker_summary(2, 6, 0)])
    assert merged["run_id"] == "20261124T070003Z-3fa2c1"
    assert (merged["articles_exported"], merged["requests"]) == (14, 18)
    assert merged["dropped"] == {"too_short": 2}
    assert merged["duration_seconds"] == 61.0
    site = merged["sites"]["site"]
    assert (site["pages"], site["articles"], site["chars_removed"]) == (16, 14, {"tail": 20})
    assert site["warnings"] == ["no_date"]
    assert "health            site: no_date: 8 of 14 articles" in format_round(merged)


def test_a_round_in_which_no_worker_fetched_a_page_is_unhealthy() -> None:
    from newscrawl.distributed.summary import merge_summaries

    idle = _worker_summary(1, 0, 0)
    idle["sites"]["site"].update(pages=0, extracted=0, dropped={})
    assert merge_summaries([idle])["sites"]["site"]["warnings"] == ["no_pages"]
    idle["skipped"] = {"seen": 5}
    idle["skipped_as_seen"] = 5  # a quiet hour: the sources listed only articles seen before
    assert merge_summaries([idle])["sites"]["site"]["warnings"] == []


def test_a_worker_that_loses_redis_stops_with_exit_code_1(
    tmp_path: Path, synthetic, redis_service: Any
) -> None:
    site = synthetic(20)
    name = site.install(tmp_path)
    site.server.hold(after=2)
    worker = Worker(tmp_path, name, redis_service.url, 1)
    _wait_for(lambda: site.server.holding.is_set(), worker)
    redis_service.stop()
    site.server.release()
    assert worker.wait() == 1
    log = worker.log.read_text()
    assert "Distributed crawl: lost Redis" in log
    assert "(redis_unavailable)" in log  # Scrapy's "Closing spider (...)"


@pytest.mark.usefixtures("demo_port")  # the demo spider opens its port before Redis is tried
def test_a_worker_that_cannot_reach_redis_says_so_in_one_line(tmp_path: Path) -> None:
    from newscrawl.testing.services import free_port

    url = f"redis://127.0.0.1:{free_port()}/0"  # nothing listens there
    process = subprocess.run(
        crawl_command("demo", settings={"NEWSCRAWL_REDIS_URL": url}),
        cwd=tmp_path,
        env=CRAWL_ENV,
        capture_output=True,
        text=True,
        timeout=HANG_GUARD,
        check=False,
    )
    assert process.returncode == 1
    assert f"error: cannot reach Redis at {url}: " in process.stderr
    assert "Traceback" not in process.stderr


def test_two_workers_share_one_crawl_each_source_and_page_fetched_once(
    tmp_path: Path, synthetic, redis_url: str
) -> None:
    site = synthetic(40, per_sitemap=10)
    name = site.install(tmp_path)
    client = _client(redis_url)
    site.server.hold(after=0)  # nothing is answered until both workers are in the round
    workers = [Worker(tmp_path, name, redis_url, n) for n in (1, 2)]
    _wait_for(lambda: client.hlen(f"newscrawl:{name}:workers") == 2, *workers)
    site.server.release()
    for worker in workers:
        assert worker.wait() == 0, worker.log.read_text()[-3000:]

    requested = Counter(site.server.requests)
    sources = {path: n for path, n in requested.items() if path.endswith(".xml")}
    # The index, 4 sitemaps and the feed, each once: only the seeder requested them.
    assert len(sources) == 6 and set(sources.values()) == {1}, sources
    pages = {path: n for path, n in requested.items() if path.startswith("/news/")}
    assert len(pages) == 40 and set(pages.values()) == {1}
    feeds = [w.feed(tmp_path, name) for w in workers]
    per_worker = [len(read_jsonl(feed)) if feed else 0 for feed in feeds]
    assert sum(per_worker) == 40
    logs = [w.log.read_text() for w in workers]
    assert sum("(seeding its sources)" in log for log in logs) == 1


def test_a_worker_dead_on_another_machine_is_reaped_when_its_heartbeat_expires(
    tmp_path: Path, synthetic, redis_url: str
) -> None:
    """Seen from elsewhere, a dead worker is only a heartbeat that stopped: its requests
    go back to the queue once `NEWSCRAWL_REDIS_WORKER_TIMEOUT` passes."""
    articles = 30
    site = synthetic(articles)
    name = site.install(tmp_path)
    client = _client(redis_url)
    site.server.hold(after=4)
    victim = Worker(tmp_path, name, redis_url, 1, host="another-machine")
    _wait_for(lambda: victim.lines(tmp_path, name) >= 2 and site.server.holding.is_set(), victim)
    _wait_for(lambda: _leases(client, name, victim) > 0, victim)
    victim.process.send_signal(signal.SIGKILL)
    victim.wait()
    survivor = Worker(tmp_path, name, redis_url, 2)
    site.server.release()
    assert survivor.wait() == 0, survivor.log.read_text()[-3000:]

    items = [i for p in (tmp_path / "data" / name).glob("*.jsonl") for i in read_jsonl(p)]
    urls = Counter(item["url"] for item in items)
    assert max(urls.values()) == 1
    assert sorted(urls) == sorted(site.base_url + a.path for a in site.spec.articles)
    log = survivor.log.read_text()
    assert "another-machine" in log and "requests it held are back in the queue" in log
    assert "articles of its feed kept" not in log  # its feed is on its own machine


def test_sources_read_whole_by_the_round_are_not_read_again(
    tmp_path: Path, synthetic, redis_url: str
) -> None:
    """Workers share which sitemaps they read and what failed: next round, the sitemap
    whose article failed (fetched by whichever worker) is read again, the others not."""
    from test_sitemaps_cron import _site_file, _sitemap_answers

    site = synthetic(12, per_sitemap=4)  # articles-001.xml (oldest) to articles-003.xml
    (tmp_path / "sites").mkdir()
    (tmp_path / "sites" / "archive.toml").write_text(_site_file(site.base_url))
    failing = site.spec.articles[1].path  # listed in articles-001.xml
    site.server.errors[failing] = 503
    client = _client(redis_url)
    site.server.hold(after=0)
    workers = [Worker(tmp_path, "archive", redis_url, n) for n in (1, 2)]
    _wait_for(lambda: client.hlen("newscrawl:archive:workers") == 2, *workers)
    site.server.release()
    for worker in workers:
        assert worker.wait() == 0, worker.log.read_text()[-3000:]
    # The index and articles-001.xml led to the failure; articles-002.xml is kept.
    assert "kept for the next round: 1 read whole, 2 not" in "".join(
        w.log.read_text() for w in workers
    )

    del site.server.errors[failing]
    before, requested = len(site.server.answers), len(site.server.requests)
    again = Worker(tmp_path, "archive", redis_url, 3)
    assert again.wait() == 0, again.log.read_text()[-3000:]
    assert _sitemap_answers(site, before) == [
        ("/sitemap_index.xml", 200),
        ("/sitemaps/articles-001.xml", 200),
    ]
    assert site.article_requests(since=requested) == [failing]
