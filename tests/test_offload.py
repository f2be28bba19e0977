"""The worker pool: results come back, and a slow or crashing page becomes a counted drop
instead of a stalled or dead crawl."""

from __future__ import annotations

import asyncio
import functools
import os
import time
from concurrent.futures import TimeoutError as FutureTimeoutError
from typing import Any

import pytest
from pebble import ProcessExpired
from scrapy.exceptions import DropItem, NotConfigured
from scrapy.utils.test import get_crawler

from newscrawl.crawl.offload import WorkerPool, worker_count
from newscrawl.crawl.pipelines import ExtractPipeline


def _pool(**overrides: Any) -> WorkerPool:
    settings = {"workers": 1, "max_in_flight": 2, "max_tasks": 0, "timeout": 5.0, **overrides}
    return WorkerPool(**settings)


async def _run(pool: WorkerPool, function: Any, *args: Any) -> Any:
    try:
        return await pool.run(function, *args)
    finally:
        pool.close()


def test_runs_functions_in_another_process() -> None:
    pid = asyncio.run(_run(_pool(), os.getpid))
    assert pid != os.getpid()


def test_timeout_and_crash_raise_instead_of_hanging() -> None:
    with pytest.raises(FutureTimeoutError):
        asyncio.run(_run(_pool(timeout=0.5), time.sleep, 10))
    with pytest.raises(ProcessExpired):
        asyncio.run(_run(_pool(), functools.partial(os._exit, 3)))


def test_workers_are_recycled_after_max_tasks() -> None:
    async def pids() -> set[int]:
        pool = _pool(max_tasks=1)
        try:
            return {await pool.run(os.getpid) for _ in range(3)}
        finally:
            pool.close()

    assert len(asyncio.run(pids())) == 3


def test_in_flight_work_is_capped() -> None:
    async def peak() -> int:
        pool = _pool(workers=2, max_in_flight=3)
        running = 0
        highest = 0

        async def one() -> None:
            nonlocal running, highest
            assert pool._slots is not None
            await pool.run(time.sleep, 0.05)

        first = asyncio.ensure_future(pool.run(time.sleep, 0))
        await first
        assert pool._slots is not None
        tasks = [asyncio.ensure_future(one()) for _ in range(10)]
        while not all(t.done() for t in tasks):
            running = pool.max_in_flight - pool._slots._value
            highest = max(highest, running)
            await asyncio.sleep(0.005)
        pool.close()
        return highest

    assert 1 <= asyncio.run(peak()) <= 3


@pytest.mark.parametrize(("value", "expected"), [("auto", os.cpu_count()), ("0", 0), (3, 3)])
def test_worker_count(value: object, expected: int) -> None:
    if value == "auto":
        assert worker_count(value) >= 1
    else:
        assert worker_count(value) == expected


@pytest.mark.parametrize("value", ["many", "-1"])
def test_bad_worker_count_is_a_clear_error(value: str) -> None:
    with pytest.raises(ValueError, match="NEWSCRAWL_WORKERS"):
        worker_count(value)


def test_zero_workers_disables_the_pool() -> None:
    crawler = get_crawler(settings_dict={"NEWSCRAWL_WORKERS": 0})
    with pytest.raises(NotConfigured):
        WorkerPool.from_crawler(crawler)


def test_a_crashing_worker_is_a_counted_drop() -> None:
    crawler = get_crawler(
        settings_dict={
            "ADDONS": {"newscrawl.addon.NewscrawlAddon": 0},
            "NEWSCRAWL_WORKERS": 1,
            "NEWSCRAWL_TASK_TIMEOUT": 0.5,
        }
    )
    pipeline = ExtractPipeline.from_crawler(crawler)
    assert pipeline.pool is not None

    async def crash() -> None:
        try:
            await pipeline.run("http://x/", functools.partial(os._exit, 1))
        finally:
            pipeline.pool.close()

    async def hang() -> None:
        try:
            await pipeline.run("http://y/", time.sleep, 10)
        finally:
            pipeline.pool.close()

    with pytest.raises(DropItem, match="worker_crashed: http://x/"):
        asyncio.run(crash())
    with pytest.raises(DropItem, match="timeout: http://y/"):
        asyncio.run(hang())
    assert crawler.stats.get_value("newscrawl/dropped/worker_crashed") == 1
    assert crawler.stats.get_value("newscrawl/dropped/timeout") == 1
