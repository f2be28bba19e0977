"""What cron does to a crawl, for real: two runs at once, `kill -9` mid-way, SIGTERM, and
JOBDIR pause/resume. Each test runs `scrapy crawl` subprocesses over a synthetic site
that holds its article pages at a gate (`LocalSite.hold`): a crawl is caught half-way
because it is waiting on the test, not because it was slow, so a busy machine (a worker
pool that takes 20 s to start, every page downloaded before the first is extracted)
cannot let it finish first."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import time
from collections import Counter
from typing import TYPE_CHECKING, Any

import pytest
from conftest import (
    CRAWL_ENV,
    INLINE,
    POOL,
    CrawlResult,
    crawl_command,
    crawl_stats,
    feed_files,
    read_jsonl,
    run_crawl,
)

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

ARTICLES = 40
#: Two article pages at a time; extraction in the worker pool, which a kill or a pause
#: catches with pages in flight.
SETTINGS = {"CONCURRENT_REQUESTS_PER_DOMAIN": "2", "NEWSCRAWL_PROGRESS_INTERVAL": "1", **POOL}
#: Only against a crawl that hangs for good: the gate, not this, is the synchronization.
HANG_GUARD = 600


def _start(cwd: Path, name: str, settings: dict[str, str] | None = None) -> Crawl:
    log = cwd / f"{name}-{time.monotonic_ns()}.log"
    with log.open("w") as out:
        process = subprocess.Popen(
            crawl_command(name, settings={**SETTINGS, **(settings or {})}),
            cwd=cwd,
            env=CRAWL_ENV,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    return Crawl(process, log)


class Crawl:
    """A `scrapy crawl` running in the background, with its log in a file."""

    def __init__(self, process: subprocess.Popen[Any], log: Path) -> None:
        self.process = process
        self.log = log

    def wait_for(self, condition: Callable[[], bool]) -> None:
        """Poll `condition` while the crawl runs (it is held at the gate, so it cannot end)."""
        deadline = time.monotonic() + HANG_GUARD
        while not condition():
            assert self.process.poll() is None, "the crawl ended: " + self.log.read_text()[-3000:]
            assert time.monotonic() < deadline, "hung: " + self.log.read_text()[-3000:]
            time.sleep(0.05)

    def logged(self, text: str) -> bool:
        return text in self.log.read_text()

    def result(self) -> CrawlResult:
        returncode = self.process.wait(timeout=HANG_GUARD)
        log = self.log.read_text()
        return CrawlResult([], crawl_stats(log), log, returncode)


def _lines(cwd: Path, name: str) -> int:
    return sum(len(path.read_bytes().splitlines()) for path in feed_files(cwd, name))


def _urls(cwd: Path, name: str) -> Counter[str]:
    return Counter(item["url"] for path in feed_files(cwd, name) for item in read_jsonl(path))


def _runs(cwd: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(cwd / "data" / "state.sqlite3") as db:
        return db.execute("SELECT status, reason FROM runs ORDER BY started_at").fetchall()


def test_a_second_run_exits_at_once_and_leaves_the_first_alone(tmp_path: Path, synthetic) -> None:
    site = synthetic(ARTICLES)
    site.server.hold(after=3)
    name = site.install(tmp_path)
    # The lock is taken before any page is extracted: no worker pool needed.
    first = _start(tmp_path, name, {"CONCURRENT_REQUESTS_PER_DOMAIN": "1", **INLINE})
    first.wait_for(lambda: _lines(tmp_path, name) >= 1)

    second = run_crawl(name, tmp_path, output=None, timeout=HANG_GUARD)
    assert first.process.poll() is None, "the first run must still be going"
    assert second.returncode == 4
    errors = [line for line in second.log.splitlines() if " ERROR: " in line]
    assert len(errors) == 1, second.log
    assert errors[0].endswith(
        f"another run of {name} is running since {_lock_holder(tmp_path, name)['since']} "
        f"(pid {first.process.pid}); exiting"
    )
    assert "Traceback" not in second.log
    assert "Spider opened" not in second.log  # it exits before any crawling

    first.process.send_signal(signal.SIGTERM)  # enough: it only has to end well
    site.server.release()  # Scrapy's graceful shutdown waits for the held page
    assert first.result().returncode == 0
    (feed,) = feed_files(tmp_path, name)  # the second run wrote no feed...
    assert len(read_jsonl(feed)) >= 1
    assert _runs(tmp_path) == [("finished", "shutdown")]  # ...nor a run record


def _lock_holder(cwd: Path, name: str) -> dict[str, Any]:
    holder: dict[str, Any] = json.loads((cwd / "data" / f"{name}.lock").read_text())
    return holder


def test_sigkill_loses_nothing_and_repeats_nothing(tmp_path: Path, synthetic) -> None:
    site = synthetic(ARTICLES)
    site.server.hold(after=10)
    name = site.install(tmp_path)
    crawl = _start(tmp_path, name)
    crawl.wait_for(lambda: _lines(tmp_path, name) >= 6)
    crawl.process.send_signal(signal.SIGKILL)
    crawl.process.wait(timeout=HANG_GUARD)
    site.server.release()

    killed_log = crawl.log.read_text()[-3000:]  # in every message: a failure says why

    (killed,) = feed_files(tmp_path, name)
    raw = killed.read_bytes()
    assert raw.endswith(b"\n"), "each item is written whole: a kill leaves whole lines"
    written = read_jsonl(killed)  # every line is a complete JSON object
    assert 6 <= len(written) <= 10, killed_log
    assert _runs(tmp_path) == [("running", None)], killed_log
    with sqlite3.connect(tmp_path / "data" / "state.sqlite3") as db:
        recorded = {url for (url,) in db.execute("SELECT article_url FROM pages")}
    assert {item["url"] for item in written} <= recorded, (
        f"a line was written before its record\n{killed_log}"
    )
    # A kill inside write(2) could still cut the last line; the next run must repair it.
    killed.write_bytes(raw + b'{"url": "http://127.0.0.1/cut-off", "text": "Half a li')

    after = run_crawl(name, tmp_path, output=None)
    log = f"killed run:\n{killed_log}\nnext run:\n{after.log[-3000:]}"
    assert after.returncode == 0, log
    assert "Recovered run" in after.log, log
    assert "a cut-off last line" in after.log, log
    assert killed.read_bytes() == raw, log  # whole lines only, and all of them
    assert read_jsonl(killed) == written, log
    urls = _urls(tmp_path, name)
    assert max(urls.values()) == 1, f"an article was exported twice\n{log}"
    assert sorted(urls) == sorted(site.base_url + a.path for a in site.spec.articles), log
    assert after.stat("item_scraped_count") == ARTICLES - len(written), log
    status = [status for status, _ in _runs(tmp_path)]
    assert status == ["interrupted", "finished"], log


def test_sigterm_finishes_cleanly(tmp_path: Path, synthetic) -> None:
    site = synthetic(ARTICLES)
    site.server.hold(after=8)
    name = site.install(tmp_path)
    crawl = _start(tmp_path, name)
    crawl.wait_for(lambda: _lines(tmp_path, name) >= 5)
    crawl.process.send_signal(signal.SIGTERM)
    crawl.wait_for(lambda: crawl.logged("Received SIGTERM"))
    site.server.release()  # the graceful shutdown finishes the requests in flight
    assert crawl.result().returncode == 0

    (feed,) = feed_files(tmp_path, name)
    assert feed.read_bytes().endswith(b"\n")
    exported = len(read_jsonl(feed))
    assert exported < ARTICLES
    summary = json.loads(feed.with_name(feed.stem + ".summary.json").read_text())
    assert summary["finish_reason"] == "shutdown"
    assert summary["articles_exported"] == exported
    assert _runs(tmp_path) == [("finished", "shutdown")]

    after = run_crawl(name, tmp_path, output=None)
    assert after.returncode == 0 and "Recovered run" not in after.log
    urls = _urls(tmp_path, name)
    assert max(urls.values()) == 1
    assert sorted(urls) == sorted(site.base_url + a.path for a in site.spec.articles)


@pytest.mark.parametrize("state", ["sqlite", ""], ids=["with-state", "jobdir-alone"])
def test_jobdir_pause_and_resume_of_a_sitemap_and_feed_crawl(
    tmp_path: Path, synthetic, state: str
) -> None:
    site = synthetic(24, per_sitemap=8)
    site.server.hold(after=8)
    name = site.install(tmp_path)
    # Few requests in flight, so that the pause leaves most of the crawl in the queue
    # (on close, Scrapy finishes the requests it already handed to the downloader).
    settings = {
        "CONCURRENT_REQUESTS": "2",
        "CONCURRENT_REQUESTS_PER_DOMAIN": "1",
        "JOBDIR": "job",
        "NEWSCRAWL_STATE": state,
    }

    # The pause catches pages in the worker pool (`SETTINGS`); the resumed run, which
    # `run_crawl` starts, extracts inline.
    pausing = _start(tmp_path, name, {**settings, "CLOSESPIDER_ITEMCOUNT": "5"})
    pausing.wait_for(lambda: pausing.logged("Closing spider (closespider_itemcount)"))
    site.server.release()  # the pause finishes the (at most 2) requests in flight
    paused = pausing.result()
    assert paused.returncode == 0, paused.log[-3000:]
    assert 5 <= paused.stat("item_scraped_count") <= 10
    resumed = run_crawl(name, tmp_path, settings=settings, output=None)
    assert resumed.returncode == 0, resumed.log[-3000:]
    assert "Resuming crawl" in resumed.log

    for run in (paused, resumed):
        assert run.stat("scheduler/unserializable") == 0
        assert run.stat("scheduler/enqueued/memory") == 0  # every request went to disk
    urls = _urls(tmp_path, name)
    assert max(urls.values()) == 1, "an article was exported twice"
    assert sorted(urls) == sorted(site.base_url + a.path for a in site.spec.articles)
